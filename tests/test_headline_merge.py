"""A title line's participants and the body sentence that tells the engagement in full. Texts written for these tests."""

from __future__ import annotations

import readouts

TEXT = """Telephone conversation between Prime Minister and President of Kenya

June 12, 2024

Prime Minister Narendra Modi received a telephone call today from His Excellency Dr. William Samoei Ruto, \
President of the Republic of Kenya.

The two leaders reviewed progress in bilateral ties, including trade, defence and agriculture.
"""


def test_the_titles_unnamed_official_is_the_person_the_body_names() -> None:
    eng = readouts.extract(TEXT).engagements[0]
    assert [(p.name, p.affiliation) for p in eng.participants] == [("Narendra Modi", "IND"),
                                                                    ("William Samoei Ruto", "KEN")]


def test_a_call_from_a_doctor_was_initiated_by_the_doctors_side() -> None:
    # "from His Excellency Dr. William ...": the abbreviation's full stop does not end the phrase
    eng = readouts.extract(TEXT).engagements[0]
    assert (eng.type, eng.date, eng.initiator) == ("phone_call", "2024-06-12", "KEN")


def test_a_family_name_first_is_the_known_persons_name() -> None:
    text = ("1. Minister of Foreign Affairs Cho Tae-yul held a Foreign Ministers' Meeting with Minister for Foreign "
            "Affairs of Japan Kamikawa Yoko in Seoul on May 29, 2024.\n\n2. The two ministers agreed to cooperate "
            "closely.")
    names = [p.name for p in readouts.extract(text).engagements[0].participants]
    assert "Yoko Kamikawa" in names and "Cho Tae-yul" in names


def test_a_rank_between_the_office_and_the_name_goes_with_the_name() -> None:
    text = ("Foreign Minister Wang Yi met with Saudi Foreign Minister Prince Faisal bin Farhan Al Saud in Beijing "
            "on March 3, 2024. He also met Crown Prince Mohammed bin Salman.")
    got = {(p.name, p.title) for e in readouts.extract(text).engagements for p in e.participants}
    assert ("Faisal bin Farhan Al Saud", "Saudi Foreign Minister") in got
    assert ("Mohammed bin Salman", "Crown Prince") in got  # a rank that is the office stays the office


def test_a_generational_suffix_does_not_end_the_name() -> None:
    text = ("President Joseph R. Biden, Jr. met with President Xi Jinping of the People's Republic of China in "
            "Woodside, California on November 15, 2023.")
    names = [p.name for p in readouts.extract(text).engagements[0].participants]
    assert names[0] == "Joseph R. Biden"


def test_a_lower_case_office_refers_back_to_the_person_named_with_it() -> None:
    text = ("ISLAMABAD: Prime Minister Shehbaz Sharif received a telephone call from President of the United Arab "
            "Emirates Sheikh Mohamed bin Zayed Al Nahyan.\n\nThe prime minister thanked the UAE President for his "
            "support to Pakistan. The president of the company was not there.")
    rec = readouts.extract(text)
    said = {(s.speaker, s.text[:30]) for s in rec.statements}
    assert ("Shehbaz Sharif", "The prime minister thanked the") in said
    # a lower-case office no one was named with makes no one
    assert len(rec.engagements[0].participants) == 2


def test_a_headline_that_ends_with_a_full_stop_still_awaits_its_body() -> None:
    # a presidency page's headline names the engagement as a noun and ends in a full stop: it is the
    # headline (cues.yaml headlines.heads), so the body's host, named after his title, is a participant
    text = ("Meeting with Nikol Pashinyan, Prime Minister of the Republic of Armenia.\n\n1 June 2021\n\n"
            "The President of the Republic, Emmanuel Macron, received Nikol Pashinyan, Prime Minister of the "
            "Republic of Armenia, at the Elysée Palace today.\n\nThe President of the Republic reiterated "
            "France's friendship for the Armenian people.\n")
    rec = readouts.extract(text)
    eng = rec.engagements[0]
    assert [(p.name, p.affiliation) for p in eng.participants] == [("Emmanuel Macron", "FRA"),
                                                                    ("Nikol Pashinyan", "ARM")]
    assert [s.speaker for s in rec.statements] == ["Emmanuel Macron"]
