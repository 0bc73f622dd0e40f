"""Engagements as other ministries and agencies write them: visits told as a welcome, participation in
a meeting of several ministers, wire-style weekdays, honorifics before an inviting host, a call received
"today", an initiator told later in the text, and people listed as attending anywhere in it. Texts
written for these tests."""

from __future__ import annotations

import pytest

import readouts


def first(text: str) -> readouts.Engagement:
    rec = readouts.extract(text)
    assert rec.engagements, rec
    return rec.engagements[0]


def names(e: readouts.Engagement) -> set[str | None]:
    return {p.name for p in e.participants}


@pytest.mark.parametrize("text", [
    "NATO Secretary General Mark Rutte welcomed President Alexander Stubb to NATO Headquarters on Tuesday.",
    "Secretary General Mark Rutte welcomed the President of Finland, Alexander Stubb, to NATO Headquarters.",
    "President Alexander Stubb was visiting NATO Headquarters at the invitation of Secretary General Mark Rutte.",
])
def test_a_welcome_to_a_place_or_a_stay_there_is_a_visit(text: str) -> None:
    e = first(text)
    assert e.type == "visit"
    assert {"Mark Rutte", "Alexander Stubb"} <= names(e)


def test_meeting_a_visiting_minister_stays_a_meeting() -> None:
    e = first("Foreign Minister Wang Yi met with visiting Hungarian Foreign Minister Peter Szijjarto in Beijing.")
    assert e.type == "meeting"


def test_taking_part_in_a_meeting_of_ministers_and_attending_the_talks() -> None:
    e = first("Foreign Minister Radoslaw Sikorski took part in a meeting of the foreign ministers of the Weimar "
              "Triangle in Weimar on 31 March 2014. French Foreign Minister Laurent Fabius also attended the talks.")
    assert (e.type, e.date, e.location) == ("meeting", "2014-03-31", "Weimar")
    assert {"Radoslaw Sikorski", "Laurent Fabius"} <= names(e)


@pytest.mark.parametrize("text", [
    "The foreign ministers met in Weimar\n\n31.03.2014\n\nThey discussed Ukraine.",
    "Aid convoys reached Myanmar 2 days after the storm.",
])
def test_a_month_abbreviation_inside_a_word_is_no_date(text: str) -> None:
    rec = readouts.extract(text)
    assert all(not (e.date or "").endswith(("-03-31", "-03-02")) or "31.03" in text for e in rec.engagements)
    assert "03-02" not in str([e.date for e in rec.engagements])


def test_a_wire_story_weekday_without_on() -> None:
    e = first("KYODO NEWS - Jul 18, 2022\nJapanese Foreign Minister Yoshimasa Hayashi and his South Korean "
              "counterpart Park Jin held talks Monday in Tokyo.")
    assert (e.date, e.location) == ("2022-07-18", "Tokyo")


def test_a_weekday_that_is_not_the_engagements_day() -> None:
    rec = readouts.extract("KYODO NEWS - Jul 18, 2022\nJapanese Foreign Minister Yoshimasa Hayashi held talks "
                           "with his South Korean counterpart Park Jin in Tokyo and will visit Seoul next Monday.")
    assert rec.engagements[0].date is None


def test_an_honorific_before_the_inviting_host() -> None:
    e = first("President William Ruto held talks with President Ismail Omar Guelleh in Nairobi at the invitation "
              "of H.E. Ruto on 12 June 2023.")
    assert e.initiator == "KEN"


@pytest.mark.parametrize("when", ["today", "on Sunday", "this evening"])
def test_a_call_received_today_from_someone_was_theirs(when: str) -> None:
    e = first(f"President Abdel Fattah El-Sisi received {when} a phone call from Italian Prime Minister Giorgia "
              "Meloni. The two leaders discussed Gaza.")
    assert (e.type, e.initiator) == ("phone_call", "ITA")


def test_received_today_a_guest_is_hosting() -> None:
    e = first("President Abdel Fattah El-Sisi received today Italian Prime Minister Giorgia Meloni in Cairo.")
    assert (e.type, e.initiator) == ("meeting", "EGY")


def test_a_request_told_later_past_a_timestamp_line() -> None:
    e = first("Iran's Foreign Minister Abbas Araghchi held a phone conversation with Egyptian Foreign Minister Badr "
              "Abdelatty.\n\nFeb 23, 2025, 21:40\n\nThe two ministers discussed Gaza.\n\nThe phone conversation, "
              "which was held at the request of the Egyptian side, also focused on Lebanon.")
    assert e.initiator == "EGY"


@pytest.mark.parametrize("text, extra", [
    ("External Affairs Minister S. M. Krishna met Foreign Minister Dipu Moni of Bangladesh in New Delhi on 7 June "
     "2011. Dr. Dipu Moni is on a three-day visit to India. The meeting was also attended by Foreign Secretary "
     "Nirupama Rao.", "Nirupama Rao"),
    ("Foreign Minister Ali Sabry met Turkish Foreign Minister Hakan Fidan in New York on 20 September 2023. The "
     "Foreign Minister was accompanied by Foreign Secretary Aruni Wijewardane.", "Aruni Wijewardane"),
    ("Foreign Minister Ali Sabry met Turkish Foreign Minister Hakan Fidan in New York on 20 September 2023. They "
     "discussed trade. Participating in the meeting were Foreign Secretary Aruni Wijewardane and officials.",
     "Aruni Wijewardane"),
])
def test_people_listed_as_attending_anywhere_took_part(text: str, extra: str) -> None:
    assert extra in names(first(text))


def test_attendance_of_a_future_meeting_adds_nobody() -> None:
    e = first("Foreign Minister Ali Sabry met Turkish Foreign Minister Hakan Fidan in New York on 20 September 2023. "
              "The next meeting will be attended by Foreign Secretary Aruni Wijewardane.")
    assert "Aruni Wijewardane" not in names(e)


@pytest.mark.parametrize("tail, published", [
    ("\n\nMINISTRY OF FOREIGN AFFAIRS\nSINGAPORE\n6 APRIL 2021\n", "2021-04-06"),
    ("\n\nNew Delhi\nJune 08, 2011", "2011-06-08"),
])
def test_a_sign_off_date_at_the_foot_is_the_publication_date(tail: str, published: str) -> None:
    text = ("Minister for Foreign Affairs Vivian Balakrishnan received a telephone call from Thai Foreign Minister "
            "Don Pramudwinai this afternoon. They discussed Myanmar." + tail)
    rec = readouts.extract(text)
    assert str(rec.document.published) == published
    assert rec.engagements[0].date == published  # "this afternoon" of that day


@pytest.mark.parametrize("text, place", [
    ("Foreign Minister Vivian Balakrishnan undertook an official visit to the Kingdom of Thailand from 5 to 7 May "
     "2024.", "Kingdom of Thailand"),
    ("NATO Secretary General Mark Rutte welcomed President Alexander Stubb to NATO Headquarters on Tuesday.",
     "NATO Headquarters"),
    ("On the margins of the UN General Assembly in New York, President of the European Council Charles Michel met "
     "the President of Kenya, William Ruto, on 19 September 2023.", "New York"),
    ("Foreign Minister Alicia Barcena received Argentine Foreign Minister Santiago Cafiero at the Foreign Ministry "
     "headquarters in Mexico City on 3 May 2023.", "Foreign Ministry headquarters in Mexico City"),
    ("President William Ruto received President Yoweri Museveni on 5 March 2024. The two leaders held bilateral "
     "talks at State House, Nairobi, and discussed trade.", "State House, Nairobi"),
    ("Foreign Secretary James Cleverly travelled to Tallinn to meet Estonian Foreign Minister Margus Tsahkna ahead "
     "of the NATO Summit in Vilnius.", "Tallinn"),
    ("Sheikh Mohamed bin Zayed today received President Muhammadu Buhari of Nigeria.\n\nDuring the meeting, held at "
     "Al Bahr Palace, His Highness welcomed the President and hoped the visit would strengthen ties.", "Al Bahr Palace"),
])
def test_where_other_styles_say_it_took_place(text: str, place: str) -> None:
    assert first(text).location == place


def test_earlier_rounds_held_elsewhere_do_not_place_this_one() -> None:
    e = first("Vice Foreign Minister Lim Sung-nam held the sixth strategic dialogue with Deputy Foreign Minister "
              "Vladimir Titov of Russia on June 1. The dialogue has been held five times in Seoul and Moscow.")
    assert e.location is None


def test_a_summit_the_engagement_comes_before_does_not_date_it() -> None:
    e = first("Foreign Secretary James Cleverly travelled to Tallinn to meet Estonian Foreign Minister Margus Tsahkna "
              "ahead of the NATO Summit in Vilnius.")
    assert e.date is None


def test_a_standfirst_and_the_lead_telling_one_visit_are_one_visit() -> None:
    rec = readouts.extract("Foreign Secretary James Cleverly travelled to Tallinn to meet Estonian leaders.\n\n"
                           "Foreign Secretary James Cleverly visited Tallinn on Wednesday 14 June 2023 at the "
                           "invitation of Estonian Foreign Minister Margus Tsahkna.")
    assert len(rec.engagements) == 1
    e = rec.engagements[0]
    assert (e.type, e.date, e.location, e.initiator) == ("visit", "2023-06-14", "Tallinn", "EST")
    assert "Margus Tsahkna" in names(e)


@pytest.mark.parametrize("text, initiator", [
    ("Ms. Paetongtarn Shinawatra, Prime Minister of Thailand, chaired the 6th BIMSTEC Summit in Bangkok on 4 April "
     "2025, attended by Prime Minister Narendra Modi of India.", "THA"),
    ("Japanese Foreign Minister Yoshimasa Hayashi met South Korean Foreign Minister Park Jin in Tokyo on 18 July "
     "2022. In their talks, held over dinner at Hayashi's invitation, Park said Seoul would make efforts.", "JPN"),
])
def test_a_host_behind_an_appositive_or_a_possessive_invitation(text: str, initiator: str) -> None:
    assert first(text).initiator == initiator


@pytest.mark.parametrize("text", [
    "President Kassym-Jomart Tokayev held a telephone conversation with President of Turkey Recep Tayyip Erdogan, "
    "Akorda's press secretary Berik Uali reported.",
    "The Spokesman for the Presidency of the Republic, Counselor Ahmed Fahmy, stated that President Abdel Fattah "
    "El-Sisi received today a phone call from Italian Prime Minister Giorgia Meloni.",
])
def test_who_reports_the_engagement_takes_no_part(text: str) -> None:
    e = first(text)
    assert len(e.participants) == 2, e.participants


def test_a_wire_lead_dates_the_talks_the_next_sentence_refers_back_to() -> None:
    e = first("KYODO NEWS - Jul 18, 2022\n\nTOKYO - Japanese Foreign Minister Yoshimasa Hayashi and his South Korean "
              "counterpart Park Jin agreed on Monday to seek an early settlement of the dispute.\n\nIn their first "
              "formal talks in Tokyo, Park said Seoul would make efforts to find a solution.")
    assert (e.type, e.date, e.location) == ("talks", "2022-07-18", "Tokyo")
    assert {"Yoshimasa Hayashi", "Park Jin"} <= names(e)


@pytest.mark.parametrize("later", [
    "Minister Steinmeier informed his counterparts about his recent talks in Moscow and Kyiv.",
    "They also decided to hold a joint meeting with the Foreign Minister of Moldova, Natalia Gherman.",
])
def test_recalled_or_planned_meetings_are_not_engagements_of_record(later: str) -> None:
    rec = readouts.extract("Foreign Minister Radoslaw Sikorski took part in a meeting of the foreign ministers of the "
                           "Weimar Triangle in Weimar on 31 March 2014, with Foreign Minister Frank-Walter Steinmeier "
                           "and Foreign Minister Laurent Fabius. " + later)
    assert len([e for e in rec.to_dict()["engagements"] if not e.get("reported_as")]) == 1
    assert rec.engagements[0].location == "Weimar"


def test_a_slash_separated_dateline_places_and_dates_the_meeting_it_heads() -> None:
    e = first("Doha / Information Office / 14 December 2019\n\nMinister of Foreign Affairs Sheikh Mohammed bin "
              "Abdulrahman Al-Thani met with Minister of Foreign Affairs of Nigeria Geoffrey Onyeama on the sidelines "
              "of the Doha Forum 2019, today.")
    assert (e.date, e.location) == ("2019-12-14", "Doha")


def test_the_visitors_meetings_told_after_the_visit_are_the_visits() -> None:
    rec = readouts.extract("Foreign Secretary James Cleverly visited Tallinn on 14 June 2023 at the invitation of "
                           "Estonian Foreign Minister Margus Tsahkna.\n\nThe Foreign Secretary held talks with Foreign "
                           "Minister Tsahkna at the Stenbock House and later called on Prime Minister Kaja Kallas.\n\n"
                           "The Foreign Secretary thanked Estonia for hosting the battlegroup.")
    assert len(rec.engagements) == 1
    e = rec.engagements[0]
    assert (e.type, e.date, e.location, e.initiator) == ("visit", "2023-06-14", "Tallinn", "EST")
    assert {"James Cleverly", "Margus Tsahkna", "Kaja Kallas"} <= names(e)


def test_a_meeting_on_another_day_of_the_visit_stays_its_own() -> None:
    rec = readouts.extract("Foreign Secretary James Cleverly visited Tallinn on 14 June 2023.\n\nOn 15 June 2023 the "
                           "Foreign Secretary met Prime Minister Kaja Kallas.")
    assert "Kaja Kallas" not in names(rec.engagements[0])


@pytest.mark.parametrize("tail", [
    "Vice Foreign Minister Sun Weidong was present at the meeting.",
    "Vice Foreign Minister Sun Weidong also took part in the meeting.",
])
def test_someone_present_at_the_meeting_told_at_the_end_took_part(tail: str) -> None:
    rec = readouts.extract("Foreign Minister Wang Yi met US Secretary of State Antony Blinken in Beijing on 18 June "
                           "2023. Wang Yi said China valued dialogue. " + tail)
    assert len(rec.engagements) == 1
    assert "Sun Weidong" in names(rec.engagements[0])


def test_a_capital_written_with_a_comma_on_a_place_line() -> None:
    e = first("Washington, DC\nApril 4, 2024\n\nSecretary of State Antony Blinken met with Foreign Minister Hakan Fidan "
              "today.")
    assert (e.date, e.location) == ("2024-04-04", "Washington, DC")


@pytest.mark.parametrize("text, initiator", [
    ("Prime Minister Anthony Albanese met President Prabowo Subianto in Jakarta on 15 May 2025 at his invitation.",
     "IDN"),
    ("Foreign Minister Penny Wong visited Singapore on 15 May 2025 at the invitation of Foreign Minister Vivian "
     "Balakrishnan.", "SGP"),
])
def test_at_his_invitation_is_the_one_the_subject_met(text: str, initiator: str) -> None:
    assert first(text).initiator == initiator


def test_a_place_ends_before_a_form_of_address() -> None:
    e = first("Pope Francis received Prime Minister Giorgia Meloni of Italy at the Vatican Apostolic Palace His "
              "Excellency Mr Pietro Parolin also attended, on 10 January 2024.")
    assert e.location == "Vatican Apostolic Palace"


def test_who_accompanied_or_also_attended_took_part() -> None:
    e = first("Foreign Minister Alberto van Klaveren met Foreign Minister Mauro Vieira in Santiago on 5 June 2023. "
              "Undersecretary Gloria de la Fuente accompanied Minister van Klaveren during the meeting. Ambassador "
              "Paulo Pacheco and Ambassador Sebastian Depolo also attended.")
    assert {"Gloria de la Fuente", "Paulo Pacheco", "Sebastian Depolo"} <= names(e)


def test_a_state_as_the_place_is_its_capital_when_the_visit_went_there() -> None:
    text = ("President Volodymyr Zelenskyy met with US Secretary of State Antony Blinken, who arrived in Ukraine on a "
            "visit, on 24 April 2022. Zelenskyy stressed the importance of the visit of American officials to Kyiv at "
            "this moment.\n")
    assert readouts.extract(text).to_dict()["engagements"][0]["location"] == "Kyiv"
    # a capital the visitor went to within the visit does not replace the state the visit was to
    text = ("OSCE Secretary General Helga Maria Schmid concluded today a two-day visit to Moldova, where she met with "
            "President Maia Sandu on 17 May 2022. Schmid also visited a refugee centre in Chisinau.\n")
    assert readouts.extract(text).to_dict()["engagements"][0]["location"] == "Moldova"


@pytest.mark.parametrize("cue, kind", [
    ("held a Zoom call with", "video_call"), ("had a virtual bilateral with", "video_call"),
    ("had a tête-à-tête with", "meeting"), ("had a pull-aside with", "meeting"),
    ("had a brief exchange with", "meeting"), ("called his Chinese counterpart,", "phone_call"),
    ("called Chinese Foreign Minister", "phone_call")])
def test_more_ways_of_saying_how_they_met(cue: str, kind: str) -> None:
    rec = readouts.extract(f"On 4 May 2023, Secretary of State Antony Blinken {cue} Wang Yi.\n").to_dict()
    assert [e["type"] for e in rec["engagements"]] == [kind]


def test_calling_for_or_calling_someone_something_is_no_call() -> None:
    rec = readouts.extract("On 4 May 2023, Secretary of State Antony Blinken met Foreign Minister Wang Yi in Jakarta. "
                           "The Secretary called for restraint and called the President of Russia's war unjust.\n"
                           ).to_dict()
    assert [e["type"] for e in rec["engagements"]] == ["meeting"]


@pytest.mark.parametrize("phrase, side", [("following an invitation from Wang Yi", "CHN"),
                                          ("in response to a request from NATO", "NATO"),
                                          ("at the behest of NATO", "NATO"),
                                          ("at the invitation of his counterpart", "NATO")])
def test_more_ways_of_saying_who_asked(phrase: str, side: str) -> None:
    rec = readouts.extract("On 4 May 2023, Foreign Minister Wang Yi held a phone call with NATO Secretary General Jens "
                           f"Stoltenberg {phrase}.\n").to_dict()
    assert rec["engagements"][0]["initiator"] == side


def test_an_undated_visit_takes_the_day_its_meetings_are_told() -> None:
    # a standfirst tells the visit without a day; the lead, after a bullet list naming the same people,
    # tells the meetings "today (Tuesday 23 April)"
    e = first("Foreign Secretary visits Kazakhstan\n\nLord Cameron has visited Astana on the first leg of a tour "
              "of Central Asia.\n\nPublished\n23 April 2024\n\n- Foreign Secretary meets Foreign Minister Nurtleu\n\n"
              "Foreign Secretary David Cameron met Foreign Minister Murat Nurtleu in Astana today (Tuesday 23 April).")
    assert (e.type, e.date, e.location) == ("visit", "2024-04-23", "Astana")


def test_talks_on_the_sidelines_of_a_summit_are_a_meeting_where_the_relative_clause_sets_them() -> None:
    # a first sentence that tells the minister's claim, then where he held talks: "..., where he held talks
    # with X on the sidelines of the summit"
    e = first("Hungary's energy security increasingly depends on Central Asia, Minister of Foreign Affairs and Trade "
              "Péter Szijjártó said in Samarkand on Friday, where he held talks with Kazakh Foreign Minister "
              "Mukhtar Tileuberdi on the sidelines of the summit of the Organization of Turkic States.")
    assert (e.type, e.location) == ("meeting", "Samarkand")
    assert names(e) == {"Péter Szijjártó", "Mukhtar Tileuberdi"}
    e = first("Foreign Minister Sergey Lavrov held talks with Foreign Minister Edward Nalbandian in Moscow.")
    assert e.type == "talks"


def test_the_spokesperson_who_announced_the_call_somewhere_took_no_part() -> None:
    e = first("Federal Chancellor Olaf Scholz spoke by telephone with French President Emmanuel Macron this afternoon, "
              "as government spokesperson Steffen Hebestreit announced in Berlin.")
    assert names(e) == {"Olaf Scholz", "Emmanuel Macron"}


def test_a_dateline_closed_by_a_full_stop_dates_today() -> None:
    e = first("Havana, November 6, 2015. The Minister of Foreign Affairs of the Republic of Cuba, Carlos Duarte Vidal, "
              "received today the Secretary of Foreign Affairs of the United Mexican States, Elena Ruiz Salas.")
    assert e.date == "2015-11-06"


def test_a_meeting_preparing_a_summit_is_a_meeting() -> None:
    e = first("Bogotá, July 8, 2023. The President of the Republic, Gustavo Petro Urrego, and the President of Brazil, "
              "Luiz Inácio Lula da Silva, held a bilateral meeting in Leticia within the framework of the preparatory "
              "meeting for the Amazon Summit.")
    assert e.type == "meeting"


def test_a_reporter_telling_at_whose_request_the_call_was_made() -> None:
    e = first("Tehran, IRNA -- Iran's Foreign Minister Hossein Amir-Abdollahian and his Qatari counterpart Sheikh "
              "Mohammed bin Abdulrahman Al Thani discussed the latest regional developments in a phone call on Saturday "
              "evening.\n\nAmir-Abdollahian said that the war in Gaza would widen.\n\nIRNA's reporter said the call was "
              "made at the request of the Qatari side.\n\nNov 4, 2023, 9:30 PM")
    assert e.initiator == "QAT"


def test_a_meeting_held_somewhere_before_its_participants_and_hosted_by_a_side() -> None:
    # a ministerial announced as held, then who took part, then who hosted it (MEA style)
    e = first("Quad Ministerial Meeting\n\nOctober 06, 2020\n\nThe second Quad Ministerial Meeting was held in Tokyo "
              "today. External Affairs Minister Dr. S. Jaishankar participated in the meeting along with Foreign "
              "Minister Marise Payne of Australia and Secretary of State Michael R. Pompeo of the United States. "
              "The meeting was hosted by Japan.")
    assert (e.date, e.location, e.initiator) == ("2020-10-06", "Tokyo", "JPN")
    assert {"S. Jaishankar", "Marise Payne", "Michael R. Pompeo"} <= names(e)


def test_a_visit_takes_place_where_the_visitor_travels() -> None:
    # Singapore MFA: "is making an Official Visit to Singapore from ... at the invitation of ..."
    e = first("Minister for Foreign Affairs of the Lao PDR Saleumxay Kommasith is making an Official Visit to "
              "Singapore from 14 to 16 November 2016 at the invitation of Minister for Foreign Affairs Dr Vivian "
              "Balakrishnan.")
    assert (e.type, e.location, e.initiator) == ("visit", "Singapore", "SGP")


def test_the_one_thanked_for_the_call_made_it() -> None:
    e = first("Prime Minister Narendra Modi spoke on phone with President Joko Widodo of Indonesia. President "
              "Widodo thanked Prime Minister Modi for the call.")
    assert e.initiator == "IND"


@pytest.mark.parametrize("text, etype", [
    # a bilateral summit "with" one counterpart is a meeting (Korean and Japanese usage) ...
    ("President Yoon Suk Yeol held a summit with Japanese Prime Minister Kishida Fumio at the presidential office "
     "in Seoul on Sunday.", "meeting"),
    # ... attending a summit is a summit
    ("President Yoon Suk Yeol attended the G7 Summit in Hiroshima on Sunday with Prime Minister Kishida Fumio.",
     "summit"),
])
def test_a_summit_with_a_counterpart_is_a_meeting(text: str, etype: str) -> None:
    assert first(text).type == etype


def test_a_visitors_talks_on_a_later_day_of_the_visit_add_the_host() -> None:
    # India MEA: "... paid an official visit to India from March 3-5, 2022. She held talks with EAM ... on March 4."
    rec = readouts.extract("Foreign Minister of Mongolia, H.E. Mr. Battsetseg Batmunkh, paid an official visit to India "
                           "from March 3-5, 2022. She held talks with External Affairs Minister Dr. S. Jaishankar on "
                           "March 4.\n\nEAM and FM Battsetseg reviewed bilateral ties.")
    e = rec.engagements[0]
    assert (e.type, e.date) == ("visit", "2022-03-03")
    assert names(e) == {"Battsetseg Batmunkh", "S. Jaishankar"}
    # two offices of one kind joined by "and" are two people, who act together
    assert [s.speaker for s in rec.statements] == ["both sides"]


def test_consultations_held_then_delegations_led_by() -> None:
    # Bangladesh MoFA: "The Foreign Office Consultations (FOC) between ... were held in Dhaka today. The Bangladesh
    # delegation was led by Foreign Secretary Md. Jashim Uddin, while the Indian delegation was led by ..."
    rec = readouts.extract("Dhaka, 9 December 2024\n\nThe Foreign Office Consultations (FOC) between Bangladesh and "
                           "India were held in Dhaka today. The Bangladesh delegation was led by Foreign Secretary Md. "
                           "Jashim Uddin, while the Indian delegation was led by Foreign Secretary Vikram Misri.")
    e = rec.engagements[0]
    assert (e.type, e.date, e.location) == ("talks", "2024-12-09", "Dhaka")
    assert {(p.name, p.affiliation) for p in e.participants} == {("Md. Jashim Uddin", "BGD"), ("Vikram Misri", "IND")}


def test_a_visits_destination_before_the_place_the_statement_was_issued() -> None:
    e = first("Joint Statement\n\nNew Delhi, 10 July 2018\n\nAt the invitation of President Moon Jae-in of the Republic "
              "of Korea, Prime Minister Narendra Modi paid a State Visit to the Republic of Korea from 9 to 10 July "
              "2018.")
    assert (e.type, e.location, e.initiator) == ("visit", "the Republic of Korea", "KOR")


def test_a_summit_chaired_by_a_side_and_a_headlines_sidelines() -> None:
    e = first("PM's participation in the 21st ASEAN-India Summit\n\nOctober 10, 2024\n\nPrime Minister Shri Narendra "
              "Modi participated in the 21st ASEAN-India Summit in Vientiane, Lao PDR, today. The Summit was chaired by "
              "Prime Minister of Lao PDR H.E. Mr. Sonexay Siphandone.")
    assert (e.type, e.initiator) == ("summit", "LAO")
    e = first("Secretary Manalo Meets Korean Foreign Minister on the Sidelines of UNGA\n\n21 September 2023 - Secretary "
              "of Foreign Affairs Enrique A. Manalo met with Minister of Foreign Affairs of the Republic of Korea Park "
              "Jin on the sidelines of the 78th Session of the United Nations General Assembly in New York.")
    assert names(e) == {"Enrique A. Manalo", "Park Jin"}


def test_calling_on_a_foreign_minister_named_with_a_demonym() -> None:
    e = first("Dhaka, 5 March 2024\n\nState Minister for Foreign Affairs Shahriar Alam MP called on Japanese Foreign "
              "Minister Kamikawa Yoko in Tokyo today.")
    assert (e.type, e.date, e.location) == ("meeting", "2024-03-05", "Tokyo")
    assert names(e) == {"Shahriar Alam", "Yoko Kamikawa"}


def test_a_call_on_the_margins_of_the_meeting_takes_its_day_and_place() -> None:
    rec = readouts.extract("October 06, 2020\n\nThe second Quad Ministerial Meeting was held in Tokyo today. External "
                           "Affairs Minister Dr. S. Jaishankar participated in the meeting along with Foreign Minister "
                           "Marise Payne of Australia.\n\nEAM also called on Prime Minister Suga Yoshihide on the margins "
                           "of the meeting.")
    second = rec.engagements[1]
    assert "Yoshihide Suga" in names(second)
    assert (second.date, second.location) == ("2020-10-06", "Tokyo")


def test_a_release_line_dates_a_call_held_this_morning() -> None:
    # the White House's "For Immediate Release   <date>" line is the page's date, the call's by "This morning"
    e = first("THE WHITE HOUSE\nOffice of the Press Secretary\nFor Immediate Release                     "
              "January 8, 2013\n\nReadout of the President's Video Conference with President Karzai\n\n"
              "This morning, President Obama held a secure video conference with President Hamid Karzai of "
              "Afghanistan.\n")
    assert (e.type, e.date) == ("video_call", "2013-01-08")


def test_his_invitation_in_a_clause_on_the_guest_is_the_hosts() -> None:
    # China MFA: "... held talks with X, who was on an official visit to China at his invitation"
    e = first("On November 14, 2006, Foreign Minister Li Zhaoxing held talks with Pakistani Foreign Minister Khurshid "
              "Mahmud Kasuri, who was on an official visit to China at his invitation, in Beijing.")
    assert e.initiator == "CHN"


def test_a_date_line_dates_talks_the_next_sentence_places_this_morning() -> None:
    # No10: "PM meets ... / 27 June 2011 / ... has held talks with ... The Prime Minister welcomed ... this morning"
    e = first("PM meets Chinese Premier Wen Jiabao\n27 June 2011\nPrime Minister David Cameron has held talks with "
              "Premier Wen Jiabao at Downing Street.\n\nThe Prime Minister welcomed the Chinese Premier to Downing "
              "Street this morning for the annual UK-China summit.\n")
    assert e.date == "2011-06-27"


def test_a_bare_date_line_over_talks_without_today_dates_nothing() -> None:
    e = first("PM meets Chinese Premier Wen Jiabao\n27 June 2011\nPrime Minister David Cameron has held talks with "
              "Premier Wen Jiabao at Downing Street.\n\nThe two leaders discussed trade.\n")
    assert e.date is None


def test_a_welcome_to_the_hosts_place_told_next_names_the_host() -> None:
    e = first("27 June 2011\nPrime Minister David Cameron has held talks with Premier Wen Jiabao at Downing Street.\n\n"
              "The Prime Minister welcomed the Chinese Premier to Downing Street this morning.\n")
    assert e.initiator == "GBR"


def test_a_welcome_around_a_bilateral_on_the_margins_names_no_host() -> None:
    e = first("1 June 2023\nMinister Naledi Pandor today held a bilateral meeting with External Affairs Minister "
              "Subrahmanyam Jaishankar on the margins of the BRICS meeting in Cape Town.\n\n"
              "Minister Pandor welcomed Minister Jaishankar to South Africa.\n")
    assert e.initiator is None


@pytest.mark.parametrize("headline, want", [
    ("Foreign Secretary calls Egyptian Vice President", "GBR"),  # FCO: the caller in the headline
    ("Foreign Secretary calls for calm in Cairo", None),         # a call for something names no caller
])
def test_a_headline_that_says_who_called(headline: str, want: str | None) -> None:
    e = first(f"{headline}\n03 February 2011\n\nForeign Secretary William Hague spoke to Egyptian Vice President "
              "Omar Suleiman this afternoon.\n")
    assert (e.type, e.initiator) == ("phone_call", want)


@pytest.mark.parametrize("sentence, want", [
    ("President Bush called President Hu Jintao of China this morning.", "USA"),
    ("President Hu Jintao of China telephoned President Bush this morning.", "CHN"),
    ("External Affairs Minister Salman Khurshid called on Prime Minister Shinzo Abe in Tokyo today.", None),
])
def test_the_caller_initiates(sentence: str, want: str | None) -> None:
    e = first("April 18, 2008\n\n" + sentence + "\n")
    assert e.initiator == want


@pytest.mark.parametrize("text", [
    "On 16 May, the President received the Minister of Foreign Affairs of Estonia Margus Tsahkna, who is in our "
    "country on an official visit.",
    "On 21 February, Foreign Minister of Armenia Zohrab Mnatsakanyan, who is in Tbilisi on an official visit, had a "
    "meeting with Foreign Minister of Georgia David Zalkaliani.",
])
def test_a_guest_on_a_visit_told_in_a_relative_clause_is_met(text: str) -> None:
    assert first(text).type == "meeting"


def test_a_guest_who_arrived_on_a_visit_is_still_a_visit() -> None:
    e = first("President Volodymyr Zelenskyy met with Secretary of State Antony Blinken who arrived in Ukraine on "
              "a visit.")
    assert e.type == "visit"


def test_a_host_told_in_a_sentence_with_a_future_relative_clause() -> None:
    e = first("Defence Secretary Grant Shapps met his Japanese and Italian counterparts, Minister of Defense Minoru "
              "Kihara and Minister of Defence Guido Crosetto, in Tokyo today.\n\nThe trilateral meeting, hosted by "
              "Japan, marks a milestone for the programme, which will deliver a new combat aircraft by 2035.")
    assert e.initiator == "JPN"


def test_one_of_a_series_of_calls_told_as_the_first_call() -> None:
    e = first("Prime Minister Mia Amor Mottley spent Wednesday afternoon in a series of telephone conversations "
              "with international leaders.\n\nIn her first call, Ms. Mottley spoke with Prime Minister of Canada "
              "Justin Trudeau. She later spoke with the Secretary-General of the United Nations, Antonio Guterres.")
    assert e.type == "phone_call"
    assert {"Mia Amor Mottley", "Justin Trudeau", "Antonio Guterres"} <= names(e)
    assert {p.name: p.affiliation for p in e.participants}["Justin Trudeau"] == "CAN"


def test_a_minister_of_the_group_met_who_speaks_took_part() -> None:
    e = first("Foreign Ministers of the Caribbean Community met with Secretary of State Antony Blinken on Wednesday "
              "in Lima.\n\nJamaica's Foreign Minister Kamina Johnson Smith raised the trafficking of firearms. "
              "Foreign Minister of Japan Yoko Kamikawa will visit the region next month.")
    assert names(e) == {"Antony Blinken", "Kamina Johnson Smith"}


def test_calls_held_separately() -> None:
    e = first("Secretary of Defense Lloyd J. Austin III spoke separately today with Polish Minister of National "
              "Defence Mariusz Blaszczak and Lithuanian Minister of National Defence Arvydas Anusauskas.")
    assert e.type == "phone_call"
    assert names(e) == {"Lloyd J. Austin III", "Mariusz Blaszczak", "Arvydas Anusauskas"}


def test_a_meeting_of_named_ministers_was_held() -> None:
    e = first("On March 15, a trilateral meeting of the Ministers of Foreign Affairs of the Republic of Azerbaijan "
              "Jeyhun Bayramov, Georgia Ilia Darchiashvili and the Republic of Turkiye Hakan Fidan was held in Baku.")
    assert (e.type, e.location) == ("meeting", "Baku")
    assert names(e) == {"Jeyhun Bayramov", "Ilia Darchiashvili", "Hakan Fidan"}


def test_a_welcome_to_a_capital_of_a_guest_with_a_middle_initial() -> None:
    e = first("Published 12 November 2024\n\nDefence Secretary John Healey welcomed Norway's Minister of Defence "
              "Tore O. Sandvik to London today.")
    assert (e.type, e.location) == ("visit", "London")
    assert names(e) == {"John Healey", "Tore O. Sandvik"}


def test_calling_on_a_visiting_leader_is_a_meeting_and_a_scheduled_one_is_not_reported() -> None:
    # PTI: the minister "called on visiting Prime Minister X"; his talks "later in the day" are only scheduled
    rec = readouts.extract("NEW DELHI: External Affairs Minister Sushma Swaraj today called on visiting Israeli Prime "
                           "Minister Benjamin Netanyahu and discussed bilateral ties.\n\nThe Israeli prime minister is "
                           "scheduled to hold talks with Prime Minister Narendra Modi later in the day.\n",
                           {"published": "2018-01-15"})
    assert [(e.type, e.date) for e in rec.engagements] == [("meeting", "2018-01-15")]
    assert names(rec.engagements[0]) == {"Sushma Swaraj", "Benjamin Netanyahu"}


def test_an_agency_reporting_the_other_ministry_on_who_asked_for_the_call() -> None:
    # Reuters: the initiator is told by the other side's ministry, after a fronted place
    e = first("WASHINGTON, Feb 15 (Reuters) - U.S. Secretary of State Marco Rubio spoke with Russian Foreign Minister "
              "Sergei Lavrov by phone on Saturday, the State Department said.\n\nRubio stressed the importance of "
              "restoring the operations of the embassies.\n\nIn Moscow, the Russian Foreign Ministry said the call was "
              "made at the initiative of the American side.\n")
    assert (e.type, e.initiator) == ("phone_call", "USA")


def test_counterparts_of_several_sides_are_the_people_named_for_them_later() -> None:
    # AP: "hosted his Japanese and South Korean counterparts", named only in the next sentence
    e = first("BEIJING (AP) — Chinese Premier Wen Jiabao hosted his Japanese and South Korean counterparts in Beijing "
              "on Sunday for an annual three-way summit.\n\nWen, Japanese Prime Minister Yoshihiko Noda and South "
              "Korean President Lee Myung-bak agreed to launch free trade negotiations.\n\nLee is to meet Chinese "
              "President Hu Jintao on Monday.\n")
    assert [p.name for p in e.participants] == ["Wen Jiabao", "Yoshihiko Noda", "Lee Myung-bak"]


def test_prensa_latina_talks_held_here_with_an_envoy_posted_in_the_capital() -> None:
    # Prensa Latina: a dateline in sentence case with no dash, "held talks here today", an envoy "in Havana, X"
    e = first("Havana, Mar 12 (Prensa Latina) Cuban Foreign Minister Bruno Rodriguez held official talks here today "
              "with his Venezuelan counterpart, Delcy Rodriguez.\n\nParticipating in the talks were Cuban Deputy "
              "Foreign Minister Marcelino Medina and the Venezuelan ambassador in Havana, Ali Rodriguez Araque.\n\n"
              "Modified on: Thursday, March 12, 2015 at 18:42\n")
    assert (e.type, e.location, e.date) == ("talks", "Havana", "2015-03-12")
    assert [(p.name, p.title) for p in e.participants] == [
        ("Bruno Rodriguez", "Cuban Foreign Minister"), ("Delcy Rodriguez", "Venezuelan counterpart"),
        ("Marcelino Medina", "Cuban Deputy Foreign Minister"), ("Ali Rodriguez Araque", "Venezuelan ambassador in Havana")]


def test_talks_the_next_sentence_places_on_a_forums_sidelines_are_a_meeting() -> None:
    # Yonhap: "held talks with ... on Thursday" / "The meeting, held on the sidelines of a regional forum ..."
    e = first("BANGKOK, Aug. 1 (Yonhap) -- South Korean Foreign Minister Kang Kyung-wha held talks with her Japanese "
              "counterpart, Taro Kono, on Thursday, officials said.\n\nThe meeting, held on the sidelines of a regional "
              "security forum in Bangkok, came a day before Tokyo's decision.\n")
    assert (e.type, e.location) == ("meeting", "Bangkok")


def test_a_background_as_clause_tells_another_engagement_and_its_people() -> None:
    # Yonhap: "..., as President Yoon Suk Yeol visited Japan for a summit with Prime Minister Fumio Kishida"
    e = first("TOKYO, March 16 (Yonhap) -- Foreign Minister Park Jin held talks with his Japanese counterpart, "
              "Yoshimasa Hayashi, in Tokyo on Thursday, as President Yoon Suk Yeol visited Japan for a summit with "
              "Prime Minister Fumio Kishida.\n")
    assert names(e) == {"Park Jin", "Yoshimasa Hayashi"}


def test_a_guest_on_a_visit_in_a_relative_clause_is_received_at_a_meeting() -> None:
    # Prensa Latina: "received ... Vice President X, who is on an official visit to the island"
    e = first("Havana, Sep 16 (Prensa Latina) Cuban President Miguel Diaz-Canel received at the Palace of the Revolution "
              "Chinese Vice President Han Zheng, who is on an official visit to the island.\n")
    assert (e.type, e.location) == ("meeting", "Palace of the Revolution")


def test_a_wire_lead_of_two_leaders_before_the_sentence_naming_their_summit() -> None:
    # Yonhap: the lead tells what the leaders agreed; the next sentence names the (bilateral) summit without them
    rec = readouts.extract("BEIJING, Dec. 23 (Yonhap) -- President Moon Jae-in and Chinese President Xi Jinping agreed "
                           "Monday to work together for the denuclearization of the Korean Peninsula, Cheong Wa Dae said."
                           "\n\nThe summit in Beijing came amid concerns over stalled nuclear talks between Pyongyang and "
                           "Washington.\n\n2019/12/23 18:40\n")
    e = rec.engagements[0]
    assert (e.type, e.location, e.date) == ("meeting", "Beijing", "2019-12-23")
    assert names(e) == {"Moon Jae-in", "Xi Jinping"}


def test_a_meeting_told_by_sides_takes_the_people_the_next_sentence_names() -> None:
    # Anadolu: "The foreign ministers of Türkiye, Azerbaijan and Georgia met in Tbilisi on Sunday ..."
    e = first("Emre Abay  |15.05.2022 - Update : 15.05.2022\n\nTBILISI, Georgia\n\nThe foreign ministers of Türkiye, "
              "Azerbaijan and Georgia met in Tbilisi on Sunday for their 9th trilateral meeting.\n\nTurkish Foreign "
              "Minister Mevlut Cavusoglu, his Azerbaijani counterpart Jeyhun Bayramov and Georgian Foreign Minister "
              "Ilia Darchiashvili discussed the Baku-Tbilisi-Kars railway.\n")
    assert (e.type, e.location, e.date) == ("meeting", "Tbilisi", "2022-05-15")
    assert names(e) == {"Mevlut Cavusoglu", "Jeyhun Bayramov", "Ilia Darchiashvili"}


def _participants_of(text: str) -> list[tuple[str | None, str | None, str | None]]:
    eng = readouts.extract(text).to_dict()["engagements"]
    assert eng, "no engagement"
    return [(p.get("name"), p.get("title"), p.get("affiliation")) for p in eng[0]["participants"]]


def test_a_plural_office_of_listed_states_is_one_unnamed_holder_each() -> None:
    got = _participants_of("Meeting of Foreign Ministers\n\nMarch 3, 2024\n\n"
                           "The Foreign Ministers of Ghana, Togo and Benin met in Accra on March 3. "
                           "The Ministers discussed maritime security in the Gulf of Guinea.\n")
    assert got == [(None, "Foreign Minister", "GHA"), (None, "Foreign Minister", "TGO"), (None, "Foreign Minister", "BEN")]
    got = _participants_of("Secretary of State Antony Blinken met with the Foreign Ministers of Australia, India and "
                           "Japan in Melbourne on February 11, 2022.\n")
    assert [a for _, _, a in got] == ["USA", "AUS", "IND", "JPN"]
    # in lower case as agencies write it, and other offices the grammar knows
    got = _participants_of("The foreign ministers of Ghana, Togo and Benin met in Accra on March 3, 2024.\n")
    assert [a for _, _, a in got] == ["GHA", "TGO", "BEN"]
    got = _participants_of("The Heads of State of Ghana and Togo met in Accra on March 3, 2024.\n")
    assert got == [(None, "Head of State", "GHA"), (None, "Head of State", "TGO")]
    # a meeting hoped for is no participant of this one
    got = _participants_of("President Mahama received Foreign Minister Dussey of Togo in Accra on March 3, 2024. "
                           "He hoped that the presidents of Togo and Benin would meet again soon.\n")
    assert [a for _, _, a in got] == ["GHA", "TGO"]
    # the holders named after the list are the participants, not unnamed ones beside them
    got = _participants_of("Secretary of State Antony Blinken met with the Foreign Ministers of Australia and Japan, "
                           "Marise Payne and Yoshimasa Hayashi, in Melbourne on February 11, 2022.\n")
    assert all(name for name, _, _ in got) and [a for _, _, a in got] == ["USA", "AUS", "JPN"]


def test_an_office_then_another_with_its_own_article_are_two_people() -> None:
    got = _participants_of("The Foreign Minister of Ghana and the Secretary of State of the United States met in Accra "
                           "on March 3, 2024.\n")
    assert sorted(got, key=str) == sorted([(None, "Foreign Minister of Ghana", "GHA"),
                                           (None, "Secretary of State of the United States", "USA")], key=str)
    got = _participants_of("The Foreign Ministers of Ghana, Togo and Benin and the Secretary of State of the United "
                           "States met in Accra on March 3, 2024.\n")
    assert sorted(a for _, _, a in got) == ["BEN", "GHA", "TGO", "USA"]
