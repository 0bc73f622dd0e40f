"""The event coder on a readout's statements: a side's own statement (speaker and the other sides),
the two sides' joint statements, accusations told of the other side, consultations and their topics.
Sentences written for these tests."""

from __future__ import annotations

import pytest

import readouts
from readouts.coding import Coder

Triple = tuple[str, str | None, str]


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def said(coder: Coder, text: str, speaker: str, *others: str, joint: bool = False) -> set[Triple]:
    """The events of ``text`` as a statement of ``speaker`` (CAMEO codes) in an engagement with ``others``."""
    found = list(coder.code_texts([text], None, speakers=[speaker], others=[tuple(others)], joint=[joint]))[0]
    return {e.triple() for e in found}


@pytest.mark.parametrize("text, speaker, other, expected", [
    # misconduct told of the other side is the speaker's accusation
    ("The Republic of Korea has repeatedly meddled in Japan's domestic politics.", "JPN", "KOR",
     {("JPN", "KOR", "112")}),
    ("Canada's actions have undermined the trust between the two countries.", "IND", "CAN",
     {("IND", "CAN", "112")}),
    # an official named by title alone speaks for the statement's side; concern raised over the other's acts
    ("The Secretary raised serious concerns about Venezuela's recent decisions.", "USA", "VEN",
     {("USAGOV", "VEN", "012")}),
    # "He" is a pronoun, not an official with the surname He
    ("He conveyed his disappointment over Germany's decision.", "FRA", "DEU", {("FRA", "DEU", "111")}),
    # the verbal act's own noun is no party: "voiced its opposition" is against the other side
    ("Hence Brazil voices its firm opposition.", "BRA", "ARG", {("BRA", "ARG", "111")}),
    # what is discussed is a topic, not a party to the consultation
    ("The Minister discussed the situation in Sudan with his Egyptian counterpart.", "ETH", "EGY",
     {("ETHGOV", "EGYGOV", "040"), ("EGYGOV", "ETHGOV", "040")}),
    # "ready to impose costs" is a threat of sanctions
    ("Australia stands ready to impose severe costs should China escalate.", "AUS", "CHN", {("AUS", "CHN", "1312")}),
    # verbs coordinated with the announced one are announced too (one intent, no reciprocal cooperation)
    ("Chile is ready to implement the agreement, deepen trade cooperation and expand exchanges.", "CHL", "PER",
     {("CHL", "PER", "0311")}),
    # what the other side is urged to do is the appeal, not the speaker's act ("honor its commitments")
    ("We urge Pakistan to abide by the accord, honor its commitments and release the detainees.", "IND", "PAK",
     {("IND", "PAK", "0253")}),
    # a use of force against something no actor names is not against the other side
    ("To fight the epidemic, Thailand has waged a war against the virus.", "THA", "LAO", set()),
    # participles used as adjectives are no events; "the need to return" is nobody's act
    ("We will prevent imported cases.", "NZL", "AUS", set()),
    ("They discussed the need to end the fighting and return all hostages.", "QAT", "EGY", set()),
    # "demonstrated its resolve" is no protest
    ("The summit demonstrated Kenya's leadership in the region.", "GBR", "KEN", set()),
    # "they" in a side's statement are not the side
    ("He called on Iran to release the sailors so they can return home.", "GBR", "IRN", {("GBR", "IRN", "0253")}),
    # "the two sides should ..." in one side's statement is its proposal: an intent, not a demand
    ("The two sides should strengthen cooperation in trade and investment.", "CHN", "DEU", {("CHN", "DEU", "032")}),
    # a briefing given to the other side's minister is a statement to that side, not aid
    ("The Secretary provided the Minister an overview of U.S. policy toward Cuba.", "USA", "MEX",
     {("USAGOV", "MEXGOV", "010")}),
    # a meeting announced at a place or an occasion is with the other side
    ("We are likely to meet at the G20 summit in Rio.", "ZAF", "IND", {("ZAF", "IND", "036")}),
    # the own side, as the owner of what is offered, is no target; the other side is
    ("The Secretary-General offered the full support of the United Nations.", "IGOUNO", "MLI",
     {("IGOUNO", "MLI", "032")}),
])
def test_a_side_s_statement(coder: Coder, text: str, speaker: str, other: str, expected: set[Triple]) -> None:
    assert said(coder, text, speaker, other) == expected


@pytest.mark.parametrize("text, expected", [
    # what one wants another to do is an appeal to it, not the other's act
    ("Norway wants Iran to release the detained journalists.", {("NOR", "IRN", "0253")}),
    ("Japan would like China to resume talks on the maritime boundary.", {("JPN", "CHN", "026")}),
    ("Mexico wants to expand trade with Canada.", {("MEX", "CAN", "0311")}),
    # the object moved behind a predicate: "condemned as unacceptable the allegations by X"
    ("Peru condemned as unacceptable allegations by Bolivia that it had armed the protesters.",
     {("PER", "BOL", "111")}),
    # a killing in a raid is the use of force, not the raid's coercion
    ("Nigerian troops killed four gunmen in a raid in Zamfara.", {("NGAMIL", "NGAUAF", "190")}),
    # the parties of an agreement a third party brokered agree with each other, not with the broker
    ("Armenia and Azerbaijan agreed to a ceasefire brokered by Russia.",
     {("ARM", "AZE", "0356"), ("AZE", "ARM", "0356")}),
    # what several speakers say "they" will do is each one's
    ("Egypt and Jordan said they would provide humanitarian aid to Lebanon.",
     {("EGY", "LBN", "0333"), ("JOR", "LBN", "0333")}),
])
def test_news_wishes_and_joint_speakers(coder: Coder, text: str, expected: set[Triple]) -> None:
    assert {e.triple() for e in coder.code_sentences([text])[0]} == expected


def test_accusation_verbs_code_nothing_as_plain_news_but_do_when_reported(coder: Coder) -> None:
    assert {e.triple() for e in coder.code_sentences(["Russia meddled in Moldova's elections."])[0]} == set()
    got = {e.triple() for e in coder.code_sentences(["Moldova said Russia had meddled in its elections."])[0]}
    assert ("MDA", "RUS", "112") in got, got


@pytest.mark.parametrize("text, expected", [
    # the two sides together: both directions
    ("They agreed to launch a new energy dialogue.", {("NOR", "SWE", "036"), ("SWE", "NOR", "036")}),
    ("The two leaders reaffirmed their support for Ukraine.", {("NOR", "UKR", "051"), ("SWE", "UKR", "051")}),
    ("Both sides welcomed the progress in trade talks.", {("NOR", "SWE", "051"), ("SWE", "NOR", "051")}),
])
def test_a_joint_statement_is_each_side_s(coder: Coder, text: str, expected: set[Triple]) -> None:
    assert said(coder, text, "NOR", "SWE", joint=True) == expected


READOUT = """On 3 March 2025, Foreign Minister Espen Barth Eide held talks with Foreign Minister Maria Malmer \
Stenergard of Sweden in Oslo.

The two ministers agreed to establish a joint working group on Arctic infrastructure. They discussed the \
security situation in the Baltic Sea region and welcomed closer cooperation between their coast guards.

Foreign Minister Eide raised concerns about recent cyber attacks on Nordic infrastructure.
"""


def test_joint_statements_in_a_readout_code_both_ways_without_repeating_the_meeting() -> None:
    rec = readouts.extract(READOUT)
    meeting = [e for e in rec.events if not e.statement]
    assert {(e.source, e.target) for e in meeting} == {("NOR", "SWE"), ("SWE", "NOR")}
    joint = [e for e in rec.events if e.statement and e.cameo.startswith("03")]
    assert {(e.source, e.target) for e in joint} == {("NOR", "SWE"), ("SWE", "NOR")}, rec.events
    # "They discussed ..." is the meeting already coded: no second consultation from the statement
    assert not [e for e in rec.events if e.statement and e.cameo.startswith("04")], rec.events
    assert all(rec.document.text[e.span[0]:e.span[1]] for e in rec.events)


PRIOR_CALL = """On 3 March 2025, Foreign Minister Espen Barth Eide held talks with Foreign Minister Maria Malmer \
Stenergard of Sweden in Oslo.

Foreign Minister Eide said that in January 2025, Prime Minister Jonas Gahr Store had a phone call with \
Prime Minister Ulf Kristersson. Eide said that Norway discussed energy security with Sweden.
"""


def test_a_consultation_told_of_another_time_is_another_event() -> None:
    rec = readouts.extract(PRIOR_CALL)
    told = [e for e in rec.events if e.statement and e.cameo.startswith("04")]
    # the January call is coded; "Norway discussed ... with Sweden" is this meeting, already coded
    assert {(e.source, e.target, e.cameo) for e in told} == {("NOR", "SWE", "041"), ("SWE", "NOR", "041")}, rec.events
    assert all("January" in rec.document.text[e.span[0] - 80:e.span[1]] for e in told)


def test_a_past_verb_the_parser_hangs_on_a_gerund_is_the_speakers_own(coder: Coder) -> None:
    # "underscored the importance of preventing X and condemned Y": "condemned" is the main clause's verb
    text = ("The Secretary also underscored the importance of preventing the conflict from spreading and condemned "
            "continued Houthi attacks on commercial shipping.")
    assert ("USAGOV", "YEMREB", "111") in said(coder, text, "USA", "SAU")


def test_the_pattern_fallback_needs_the_other_side_named_for_hostile_or_aid_codes() -> None:
    text = ("Secretary of State Antony Blinken spoke today with Saudi Foreign Minister Faisal bin Farhan. "
            "The Secretary discussed efforts to increase humanitarian assistance to Palestinian civilians and "
            "to prevent the conflict from spreading.")
    got = {(e.source, e.target, e.cameo) for e in readouts.extract(text).events}
    assert not any(code in ("073", "111") for _s, _t, code in got), got


@pytest.mark.parametrize("text, expected, absent", [
    # condolences after an attack: the condemnation is of the violence, not of the other side or the place
    ("He strongly condemned the terrorist attack on the concert hall and expressed condolences.",
     {("CHN", "RUS", "018")}, ("CHN", "RUS", "111")),
    ("President Xi condemned the terrorist attack in Moscow.", set(), ("CHNGOV", "RUS", "111")),
    # the perpetrator named: the condemnation is of them
    ("The President condemned Russia's attack on the Ukrainian grid.", {("CHNGOV", "RUS", "111")}, None),
])
def test_a_condemnation_of_violence_targets_only_who_it_names(coder: Coder, text: str, expected: set[Triple],
                                                               absent: Triple | None) -> None:
    got = said(coder, text, "CHN", "RUS")
    assert expected <= got, got
    assert absent not in got, got
