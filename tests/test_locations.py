"""Where an engagement took place: place lines under the headline, the meeting's place after the content."""

from __future__ import annotations

import pytest

import readouts


def location(text: str) -> str | None:
    rec = readouts.extract(text)
    assert rec.engagements
    return rec.engagements[0].location


def test_city_and_state_line():
    text = ("Readout of the Secretary-General's meeting with the President of Kenya\n\nNairobi, Kenya\n\n"
            "12 March 2024\n\nThe Secretary-General met today with President William Ruto. They discussed "
            "the situation in the Horn of Africa.")
    assert location(text) == "Nairobi, Kenya"


def test_date_then_seat_line():
    text = ("Meeting with the President of Kazakhstan\n\nJune 3, 2024, The Kremlin, Moscow\n\n"
            "Vladimir Putin held a meeting with President of Kazakhstan Kassym-Jomart Tokayev. "
            "The talks focused on energy.")
    assert location(text) == "Moscow"


def test_meeting_place_after_the_content():
    text = ("On May 6, 2024, Foreign Minister Wang Yi and French Foreign Minister Stéphane Séjourné discussed "
            "trade and climate change during their meeting in Paris.")
    assert location(text) == "Paris"


def test_no_place_line_no_location():
    text = ("Minister of Foreign Affairs Mélanie Joly met with Foreign Minister Penny Wong today. They "
            "discussed the Indo-Pacific.")
    assert location(text) is None


def test_a_visit_to_a_state_at_the_end_of_a_sentence():
    text = ("President Gabriel Boric left Brasilia on June 4, 2024, concluding his three-day state visit to Brazil.\n"
            "During his stay, he held talks with President Luiz Inacio Lula da Silva.")
    assert location(text) == "Brazil"


@pytest.mark.parametrize("text, want", [
    # a place that hosted the meeting
    ("On March 3, 2024, Ankara, Turkey hosted a trilateral meeting of the Foreign Ministers of Russia, Iran and "
     "Turkey, Sergey Lavrov, Hossein Amir-Abdollahian and Hakan Fidan. The ministers discussed Syria.", "Ankara, Turkey"),
    # a delegation sent to a place
    ("Deputy Secretary of State Wendy Sherman led a U.S. interagency delegation to Geneva, Switzerland to hold talks "
     "with Russian Deputy Foreign Minister Sergey Ryabkov. The two sides discussed arms control.", "Geneva, Switzerland"),
    # the place of the visit a later meeting is part of
    ("High Representative Josep Borrell is today in Washington for his first visit since the elections.\n\n"
     "High Representative Borrell had a meeting with Secretary of State Antony Blinken to discuss Ukraine.",
     "Washington"),
    # a welcome to the capital in a speech
    ("Secretary Blinken, dear Tony, welcome back to Jakarta.\n\nSecretary Blinken and I met this morning and discussed "
     "the South China Sea.", "Jakarta"),
    # a place line that ends with the date
    ("Readout of the Secretary-General's meeting with the President of Kenya\n\nNairobi, 22 September 2023\n\n"
     "The Secretary-General met today with H.E. Mr. William Ruto, President of the Republic of Kenya. They "
     "discussed climate action.", "Nairobi"),
    # a place line naming a city that is no capital (states.yaml cities)
    ("Readout of the Secretary-General's meeting with the President of Colombia\n\nNew York, 24 September 2010\n\n"
     "The Secretary-General met this afternoon with H.E. Mr. Juan Manuel Santos Calderón, President of Colombia, on "
     "the margins of the general debate.", "New York"),
    # a Gulf court's seat, the Diwan
    ("Doha, February 26 (QNA) - HH the Amir Sheikh Tamim bin Hamad Al-Thani and HE President of the Republic of "
     "Kenya Dr. William Samoei Ruto held official talks at the Amiri Diwan on Monday morning.", "Amiri Diwan"),
    # a place that opens the sentence
    ("In Kyiv, President of Ukraine Volodymyr Zelenskyy met with Prime Minister of the Republic of Poland Donald "
     "Tusk, who arrived in Ukraine on his first visit since taking office.", "Kyiv"),
])
def test_where_the_text_places_the_engagement(text: str, want: str) -> None:
    assert location(text) == want


@pytest.mark.parametrize("dash", ["-", "–"])
def test_a_news_dateline_opening_the_engagement_sentence_places_it(dash: str) -> None:
    text = ("OSCE Chairperson-in-Office discusses conflict resolution with Georgian leadership\n\n"
            f"TBILISI, 2 March 2010 {dash} The OSCE Chairperson-in-Office, Foreign Minister Kanat Saudabayev, held "
            "talks today with Georgian President Mikheil Saakashvili.")
    assert location(text) == "Tbilisi"


def test_a_dateline_does_not_override_the_place_the_sentence_names() -> None:
    text = ("MOSCOW, 7 February 2017 - Foreign Minister Sergey Lavrov held talks with Foreign Minister Edward "
            "Nalbandian in Yerevan today.")
    assert location(text) == "Yerevan"


def test_the_chancellery_the_chancellor_receives_a_guest_at_is_the_place() -> None:
    text = ("Federal Chancellor Angela Merkel received the President of the Republic of Azerbaijan, Ilham Aliyev, "
            "at the Federal Chancellery on Wednesday.")
    assert location(text) == "Federal Chancellery"


def test_a_seat_with_a_french_article_is_the_place() -> None:
    # "Palais de l'Europe", the Council of Europe's seat (organisations.yaml seats): "de l'" joins a place name
    text = ("Council of Europe Secretary General Marija Pejčinović Burić today met with the Minister of Foreign "
            "Affairs of Georgia, David Zalkaliani, at the Palais de l'Europe.")
    assert location(text) == "Palais de l'Europe"


@pytest.mark.parametrize("where, place", [("at the Tower of London", "Tower of London"),
                                          ("in The Hague", "The Hague"), ("at the Kremlin", "the Kremlin"),
                                          ("at the White House", "the White House")])
def test_a_place_drops_the_article_unless_it_is_part_of_the_name(where: str, place: str) -> None:
    assert location(f"Prime Minister Rishi Sunak met President Joe Biden {where} on 4 May 2023.") == place


def test_during_the_meeting_at_a_building_three_paragraphs_on_is_its_place() -> None:
    # PTI: a quoted tweet of three sentences between the lead and "During the meeting at Hyderabad House, ..."
    rec = readouts.extract("NEW DELHI: External Affairs Minister Sushma Swaraj today called on visiting Israeli Prime "
                           "Minister Benjamin Netanyahu.\n\n\"Building on a close partnership. EAM called on PM "
                           "@netanyahu. Discussed ways to take forward the outcomes,\" the spokesperson tweeted.\n\n"
                           "During the meeting at Hyderabad House, Swaraj said India attached high importance to its "
                           "ties with Israel.\n", {"published": "2018-01-15"})
    assert rec.engagements[0].location == "Hyderabad House"


def test_a_qasr_held_at_is_a_place() -> None:
    # WAM: "During the meeting, held at Qasr Al Shati, ..." (qasr: palace)
    rec = readouts.extract("ABU DHABI, 5th February, 2023 (WAM) -- President His Highness Sheikh Mohamed bin Zayed Al "
                           "Nahyan today received Sameh Shoukry, Egypt's Minister of Foreign Affairs.\n\nDuring the "
                           "meeting, held at Qasr Al Shati, the two sides discussed fraternal relations.\n")
    assert rec.engagements[0].location == "Qasr Al Shati"


def test_a_summit_in_a_city_that_is_no_capital_is_there() -> None:
    # Xinhua: "attended the 15th BRICS Summit in Johannesburg"
    rec = readouts.extract("JOHANNESBURG, Aug. 23 (Xinhua) -- Chinese President Xi Jinping attended the 15th BRICS Summit "
                           "in Johannesburg on Wednesday along with South African President Cyril Ramaphosa.\n")
    assert (rec.engagements[0].type, rec.engagements[0].location) == ("summit", "Johannesburg")


def test_a_place_then_a_comma_and_an_offices_qualifier_ends_at_the_comma() -> None:
    # TASS: "... are holding talks in the Kremlin, Kremlin spokesman Dmitry Peskov told reporters."
    rec = readouts.extract("29 JAN 2024, 18:30\n\nMOSCOW, January 29. /TASS/. Russian President Vladimir Putin and "
                           "Belarusian President Alexander Lukashenko are holding talks in the Kremlin, Kremlin spokesman "
                           "Dmitry Peskov told reporters.\n")
    assert (rec.engagements[0].location, rec.engagements[0].date) == ("the Kremlin", "2024-01-29")
