"""Statements in the styles of other ministries' readouts: an introducing cue ending its paragraph,
headers naming a first-person statement's speaker, reported speech through a spokesman, individual clauses
inside joint sentences and more cue verbs. Texts written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

import readouts


def said(text: str) -> list[tuple[str, str]]:
    """(speaker, text) of every statement."""
    rec: dict[str, Any] = readouts.extract(text).to_dict()
    return [(s["speaker"], s["text"]) for s in rec["statements"]]


_MEETING = "The Foreign Secretary Anna Clarke met External Affairs Minister Ravi Menon in London on 12 March 2025.\n\n"


def test_a_cue_ending_its_paragraph_introduces_the_next_ones() -> None:
    got = said(_MEETING + "Speaking after the meeting, the Foreign Secretary said:\n\n"
               "Our two countries are natural partners. The new trade talks will bring growth.\n\n"
               "We will work together on climate.\n")
    assert got == [("Anna Clarke", "Our two countries are natural partners."),
                   ("Anna Clarke", "The new trade talks will bring growth."),
                   ("Anna Clarke", "We will work together on climate.")]


def test_an_introduced_quotation_ends_with_its_paragraphs() -> None:
    got = said(_MEETING + "Speaking after the meeting, the Foreign Secretary said:\n\n"
               "\u201cOur two countries are natural partners.\u201d\n\n"
               "Background\n\nThe trade negotiations began in 2022.\n")
    assert got == [("Anna Clarke", "Our two countries are natural partners.\u201d")]


def test_a_statement_header_names_the_speaker_of_the_paragraphs_after_it() -> None:
    got = said("Foreign Minister Jens Holm met Ukrainian Foreign Minister Oksana Bondar in Copenhagen on 9 April "
               "2024.\n\nStatement by Minister for Foreign Affairs Jens Holm:\n\n"
               "I met today with my Ukrainian colleague. Ukraine is in a very difficult situation. Denmark will "
               "stand by Ukraine.\n")
    assert [who for who, _ in got] == ["Jens Holm"] * 3
    assert got[-1][1] == "Denmark will stand by Ukraine."


def test_a_statement_header_makes_a_quoted_first_person_text_its_speakers() -> None:
    got = said("Statement by Minister for Foreign Affairs Jens Holm:\n\n"
               "\"I met today with my Ukrainian colleague Oksana Bondar in Copenhagen. Ukraine is in a very "
               "difficult situation. Denmark will stand by Ukraine.\"\n")
    assert [who for who, _ in got] == ["Jens Holm"] * 3


_TALKS = "Foreign Minister Somchai Rattana met Chinese Foreign Minister Li Wen in Beijing on 12 October 2023.\n\n"


@pytest.mark.parametrize("sentence", [
    "Rattana set out Thailand's position on the Mekong.",
    "Rattana drew attention to the situation in the border areas.",
    "Rattana defended the new visa rules.",
    "Rattana presented Thailand's candidacy for the Council.",
    "Rattana described the floods in the north and called for closer cooperation.",
    "Rattana referred to the recent state visit and said that relations were at their best.",
    # a content cue before a noun phrase is the speaker's act, the whole sentence
    "Rattana explained the new government's economic policies and stated that Thailand welcomes investment.",
    "Rattana warned of the dangers of bloc confrontation in the region.",
    "Rattana told his counterpart about the rail project.",
    # a relative clause before the second predicate
    "Rattana visited the new railway station, which opened last year, and called for more direct trains.",
])
def test_acts_of_stating_take_the_whole_sentence(sentence: str) -> None:
    got = said(_TALKS + sentence + "\n")
    if sentence.startswith("Rattana visited"):
        assert got == [("Somchai Rattana", "called for more direct trains.")]
    else:
        assert got == [("Somchai Rattana", sentence)]


def test_the_person_told_comes_before_the_content() -> None:
    assert said(_TALKS + "Li Wen told his Thai counterpart that China is ready to help.\n") == [
        ("Li Wen", "China is ready to help.")]
    assert said(_TALKS + "Li Wen told Rattana that China is ready to help.\n") == [("Li Wen", "China is ready to help.")]
    assert said(_TALKS + "Rattana explained the position that Thailand takes.\n") == [
        ("Somchai Rattana", "Rattana explained the position that Thailand takes.")]


def test_after_an_act_the_speakers_own_side_goes_on_in_the_speakers_voice() -> None:
    got = said("Foreign Minister Sari Wulandari held a phone call with Chinese Foreign Minister Li Wen on 5 July 2021.\n\n"
               "Wulandari thanked China for its vaccine assistance. Indonesia is facing a severe surge of cases. "
               "Indonesia hopes China will continue to help. China has delivered millions of doses so far.\n")
    assert got == [("Sari Wulandari", "Wulandari thanked China for its vaccine assistance."),
                   ("Sari Wulandari", "Indonesia is facing a severe surge of cases."),
                   ("Sari Wulandari", "Indonesia hopes China will continue to help.")]


_SPOKESMAN = ("President Karim Mansour receives phone call from Italian Prime Minister\n\n"
              "The Spokesman for the Presidency, Counselor Adel Fawzi, stated that President Karim Mansour "
              "received today a phone call from Italian Prime Minister Giulia Conti.\n\n")


def test_a_spokesman_reports_the_participants_statements() -> None:
    got = said(_SPOKESMAN + "The Spokesman added that Prime Minister Conti praised Egypt's pivotal role in the region.\n\n"
               "The Spokesman said that the call addressed the situation in Gaza, where President Mansour stressed "
               "the need for an immediate ceasefire.\n\n"
               "The Spokesman said that the call addressed trade between the two countries.\n")
    assert got == [("Giulia Conti", "Prime Minister Conti praised Egypt's pivotal role in the region."),
                   ("Karim Mansour", "President Mansour stressed the need for an immediate ceasefire.")]


def test_a_persons_own_clause_inside_a_joint_sentence() -> None:
    rec = readouts.extract(
        "Secretary Blinken met Kenyan Cabinet Secretary Musa Otieno in Washington on 5 March 2024.\n\n"
        "The Secretary and Cabinet Secretary Otieno discussed the crisis in South Sudan, and the Secretary urged "
        "both parties to respect the ceasefire.\n\n"
        "They also discussed the security situation in Haiti, and Secretary Blinken reiterated his support for "
        "the Kenyan-led mission.\n").to_dict()
    got = [(s["speaker"], s["text"]) for s in rec["statements"]]
    assert got == [
        ("both sides", "The Secretary and Cabinet Secretary Otieno discussed the crisis in South Sudan"),
        ("Blinken", "the Secretary urged both parties to respect the ceasefire."),
        ("both sides", "They also discussed the security situation in Haiti"),
        ("Blinken", "Secretary Blinken reiterated his support for the Kenyan-led mission.")]


def test_a_participant_described_by_a_possessive_or_after_an_undotted_he() -> None:
    got = said("Iranian Foreign Minister Reza Karimi held a phone call with Omani Foreign Minister Salim Al-Harthy "
               "on 3 May 2023.\n\nIran's top diplomat also welcomed the progress in bilateral trade.\n\n"
               "HE the Omani Foreign Minister commended Iran for its restraint.\n")
    assert got == [("Reza Karimi", "Iran's top diplomat also welcomed the progress in bilateral trade."),
                   ("Salim Al-Harthy", "HE the Omani Foreign Minister commended Iran for its restraint.")]


def test_a_parenthetical_cue_keeps_the_reported_subject() -> None:
    got = said("Prime Minister Giulia Conti met President Karim Mansour in Cairo on 17 March 2024.\n\n"
               "Italian companies, the Prime Minister added, are ready to invest in the energy sector.\n\n"
               "On trade, Conti said, the two countries can do more.\n")
    assert got == [("Giulia Conti", "Italian companies, the Prime Minister added, are ready to invest in the energy "
                                    "sector."),
                   ("Giulia Conti", "the two countries can do more.")]


def test_what_all_parties_needed_to_do_goes_on_with_the_speaker() -> None:
    got = said("Foreign Minister Ivan Petrov held talks with Foreign Minister Omar Haddad in Moscow on 3 April 2024.\n\n"
               "Petrov said that the situation in Gaza was catastrophic. All parties needed to show restraint.\n")
    assert got == [("Ivan Petrov", "the situation in Gaza was catastrophic."),
                   ("Ivan Petrov", "All parties needed to show restraint.")]
