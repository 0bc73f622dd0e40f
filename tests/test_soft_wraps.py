"""Lines broken mid-sentence by a page's layout are one sentence; headings and list lines stay apart.
Texts written for these tests."""

from __future__ import annotations

import readouts

WRAPPED = """Press Statement
Ministry of Foreign Affairs

On 12 May 2024, Foreign Minister Penny Wong met with Foreign Minister Winston Peters of New
Zealand in Canberra. The two ministers agreed to deepen cooperation on maritime security and to
hold annual consultations on the Pacific.
"""


def test_a_soft_wrap_does_not_end_the_sentence() -> None:
    rec = readouts.extract(WRAPPED)
    texts = [a.text for e in rec.engagements for a in e.agreements]
    assert any("hold annual consultations on the Pacific" in t for t in texts), texts
    assert any(t.startswith("deepen cooperation on maritime security") for t in texts), texts
    eng = rec.engagements[0]
    assert {p.affiliation for p in eng.participants} == {"AUS", "NZL"}
    for a in (x for e in rec.engagements for x in e.agreements):
        assert rec.document.text[a.span[0]:a.span[1]] == a.text


def test_headings_stay_lines_of_their_own() -> None:
    from readouts.stages.segment import _paragraphs

    text = "Press Statement\nMinistry of Foreign Affairs\nThe minister met\nhis counterpart.\n- a list item\n- another"
    lines = [text[a:b] for a, b in _paragraphs(text)]
    assert lines == ["Press Statement", "Ministry of Foreign Affairs", "The minister met\nhis counterpart.",
                     "- a list item", "- another"]


def test_an_agreed_item_ends_where_a_discussion_begins() -> None:
    text = ("On 4 June 2024, Prime Minister Anthony Albanese spoke with Prime Minister Christopher Luxon of New "
            "Zealand. The two leaders reaffirmed their support for the Pacific Islands Forum, and discussed next "
            "steps on climate finance.")
    items = [a.text for e in readouts.extract(text).engagements for a in e.agreements]
    assert items == ["reaffirmed their support for the Pacific Islands Forum"], items


# a readout as a plain-text page or a PDF gives it: every paragraph wrapped at a fixed width, names and titles
# cut at the margin, a headline above a date line
HARD_WRAPPED = """Readout of the Secretary's Meeting with Singaporean Foreign Minister Vivian
Balakrishnan
2024-05-06 17:20

Secretary of State Antony J. Blinken met today with Singaporean Minister for
Foreign Affairs Vivian Balakrishnan in Washington. The Secretary and Foreign
Minister Balakrishnan discussed the co-
operation of the two countries in the Indo-Pacific and agreed to expand their
cooperation on cybersecurity and supply chains.

Secretary Blinken underscored the importance of freedom of navigation in the
South China Sea. Minister Balakrishnan said Singapore would host the next round
of talks.
"""


def test_a_page_wrapped_at_a_fixed_width_reads_as_its_paragraphs() -> None:
    rec = readouts.extract(HARD_WRAPPED).to_dict()
    eng = rec["engagements"][0]
    assert {(p["name"], p["affiliation"]) for p in eng["participants"]} == {
        ("Antony J. Blinken", "USA"), ("Vivian Balakrishnan", "SGP")}
    assert ("Vivian Balakrishnan", "Singaporean Minister for Foreign Affairs") in {
        (p["name"], p["title"]) for p in eng["participants"]}
    assert eng["date"] == "2024-05-06" and eng["location"] == "Washington"
    assert {s["speaker"] for s in rec["statements"]} - {"both sides"} == {"Antony J. Blinken", "Vivian Balakrishnan"}
    assert any("cybersecurity and supply chains" in a["text"] for a in eng["agreements"])
    # every span still indexes the text as given
    text = rec["document"]["text"]
    assert text == HARD_WRAPPED
    for s in rec["statements"]:
        assert text[s["span"][0]:s["span"][1]] == s["text"]


def test_only_lines_a_layout_wrapped_are_joined() -> None:
    from readouts.pipeline import _unwrapped

    joined = _unwrapped(HARD_WRAPPED)
    assert joined is not None and len(joined) == len(HARD_WRAPPED)
    assert "Foreign Minister Vivian Balakrishnan\n2024-05-06" in joined  # the headline's date line stays apart
    assert "Minister for Foreign Affairs Vivian" in joined and "the cooperation" not in joined
    assert "the co-operation  of" in joined  # a word hyphenated at the margin is whole again
    # a page whose paragraphs are single lines is read as it is
    assert _unwrapped(HARD_WRAPPED.replace("\n", " ").replace("   ", "\n\n")) is None
    assert _unwrapped(WRAPPED) is None or "\n\n" in _unwrapped(WRAPPED)


def test_no_break_spaces_read_as_spaces_and_the_text_is_kept_as_given() -> None:
    text = ("On\u00a012\u00a0May\u00a02024, Foreign\u00a0Minister Penny\u00a0Wong met with Foreign Minister Winston "
            "Peters of New\u00a0Zealand in Canberra at the request of the New Zealand side. Foreign\u00a0Minister "
            "Wong said that the Pacific must stay free of coercion.\n")
    rec = readouts.extract(text).to_dict()
    eng = rec["engagements"][0]
    assert (eng["date"], eng["location"], eng["initiator"]) == ("2024-05-12", "Canberra", "NZL")
    assert {(p["name"], p["affiliation"]) for p in eng["participants"]} == {("Penny Wong", "AUS"),
                                                                          ("Winston Peters", "NZL")}
    assert rec["document"]["text"] == text
    assert [s["speaker"] for s in rec["statements"]] == ["Penny Wong"]


HEADLINE_CAPS = """FOREIGN MINISTER WANG YI HOLDS TALKS WITH NATO SECRETARY GENERAL JENS STOLTENBERG
2021-09-27 21:30

On September 27, 2021, Foreign Minister Wang Yi held talks with NATO Secretary General Jens Stoltenberg via video
link at the latter's request. Wang Yi said that China has never been a threat to NATO.
"""


def test_a_headline_in_capitals_reads_as_a_headline() -> None:
    from readouts.knowledge import load_knowledge
    from readouts.pipeline import _in_case

    cased = _in_case(HEADLINE_CAPS, load_knowledge())
    assert cased is not None and cased.startswith(
        "Foreign Minister Wang Yi Holds Talks with NATO Secretary General Jens Stoltenberg\n")
    assert cased[cased.index("\n"):] == HEADLINE_CAPS[HEADLINE_CAPS.index("\n"):]  # the body as given
    rec = readouts.extract(HEADLINE_CAPS).to_dict()
    eng = rec["engagements"][0]
    assert (eng["date"], eng["initiator"]) == ("2021-09-27", "NATO")
    assert {p["name"] for p in eng["participants"]} == {"Wang Yi", "Jens Stoltenberg"}
    as_title = readouts.extract(cased).to_dict()  # the same page with its headline in title case
    assert rec["engagements"] == as_title["engagements"] and rec["statements"] == as_title["statements"]


def test_a_readout_all_in_capitals_keeps_its_verbs_and_acronyms() -> None:
    from readouts.knowledge import load_knowledge
    from readouts.pipeline import _in_case

    text = ("SECRETARY OF STATE ANTONY J. BLINKEN MET WITH STATE COUNCILOR AND FOREIGN MINISTER WANG YI TODAY IN "
            "ROME. SECRETARY BLINKEN UNDERSCORED THE IMPORTANCE OF OPEN LINES OF COMMUNICATION. SPOKESPERSON NED "
            "PRICE SAID POPE LEO XIV WOULD RECEIVE THE FM.")
    cased = _in_case(text, load_knowledge())
    assert cased is not None
    assert cased.startswith("Secretary of State Antony J. Blinken met with State Councilor and Foreign Minister "
                            "Wang Yi today in Rome. Secretary Blinken underscored the")
    assert "Ned Price said Pope Leo XIV" in cased and "the FM." in cased
    rec = readouts.extract(text).to_dict()
    assert {s["speaker"] for s in rec["statements"]} == {"Antony J. Blinken"}


def test_html_character_references_are_read_decoded_and_the_record_keeps_the_text_as_given() -> None:
    text = ("Secretary of State Marco Rubio spoke today with Russian Foreign Minister Sergey Lavrov at Lavrov&rsquo;s "
            "request on May 2, 2025. The Secretary said that &quot;the war must end now.&quot;\n")
    for rec in (readouts.extract(text), next(iter(readouts.extract_many([text])))):
        out = rec.to_dict()
        assert out["document"]["text"] == text and out["document"]["id"] == readouts.model.document_id(text)
        eng = out["engagements"][0]
        assert eng["initiator"] == "RUS"
        assert {p["name"] for p in eng["participants"]} == {"Marco Rubio", "Sergey Lavrov"}
        for p in eng["participants"]:
            assert text[p["span"][0]:p["span"][1]] == p["name"]
        [st] = out["statements"]
        assert st["speaker"] == "Marco Rubio" and st["text"] == text[st["span"][0]:st["span"][1]]
        assert st["text"].startswith("the war must end now.")


def test_long_ordinary_words_of_a_text_in_capitals_are_words_and_places_stay_places() -> None:
    from readouts.knowledge import load_knowledge
    from readouts.pipeline import _in_case

    text = ("PRIME MINISTER KISHIDA ATTENDED THE NATO SUMMIT IN MADRID AT THE INVITATION OF NATO ON JUNE 29, 2022. "
            "NATIONAL SECURITY ADVISOR JAKE SULLIVAN MET WITH FOREIGN MINISTER WANG YI IN BEIJING ABOUT THE HOSTAGES.")
    cased = _in_case(text, load_knowledge())
    assert cased is not None
    assert "in Madrid at the invitation of NATO on June 29, 2022." in cased
    assert "Jake Sullivan met with Foreign Minister Wang Yi in Beijing about the hostages." in cased


def test_guillemets_and_british_single_quotes_are_quotations() -> None:
    from readouts.pipeline import _quotes

    assert _quotes("‘We will support Ukraine’s defence,’ said the Prime Minister. The countries’ ministers met.") == (
        "“We will support Ukraine’s defence,” said the Prime Minister. The countries’ ministers met.")
    assert _quotes("Lavrov called the talks «constructive».") == "Lavrov called the talks “constructive”."
    assert _quotes("Lavrov’s talks") is None  # apostrophes close nothing
    text = ("On 3 May 2024, Prime Minister Rishi Sunak spoke with President Joe Biden of the United States.\n\n"
            "‘We discussed the situation in the Middle East. We agreed on the need for humanitarian access,’ the "
            "Prime Minister said.\n")
    rec = readouts.extract(text).to_dict()
    said = [s["text"] for s in rec["statements"] if s["speaker"] == "Rishi Sunak"]
    assert said == ["We discussed the situation in the Middle East.", "We agreed on the need for humanitarian access"]


FURNITURE = ("Skip to main content\nHome | News | Press releases | Speeches\nSearch\n\nPM meeting with Prime Minister "
             "Kishida of Japan\nPrime Minister Rishi Sunak hosted the Prime Minister of Japan, Fumio Kishida, in London "
             "on Aug. 28. The leaders discussed defence cooperation.\n\nShare this page: Facebook | X | Email\n"
             "© 2024 Government of the United Kingdom. All rights reserved.\n")


def test_a_sites_menu_and_footer_change_nothing() -> None:
    rec = readouts.extract(FURNITURE).to_dict()
    eng = rec["engagements"][0]
    # the headline's "PM" opens the text past the menu: the headline's subject, not an unnamed third person
    assert [p["name"] for p in eng["participants"]] == ["Rishi Sunak", "Fumio Kishida"]
    # "© 2024" is the site's year, not the meeting's: "Aug. 28" of two people who met in several years has none
    rec = readouts.extract("Skip to main content\nHome | News\n\nBEIJING, Aug. 28 (Xinhua) -- Wang Yi and U.S. "
                           "National Security Advisor Jake Sullivan discussed a new round of talks.\n\n© 2024 Xinhua. "
                           "All rights reserved.\n").to_dict()
    assert rec["engagements"][0]["date"] is None
