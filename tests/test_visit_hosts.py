"""A visit's hosts named in a later "During her stay, ..." sentence are the visit's participants.
Texts written for these tests."""

from __future__ import annotations

import readouts

VISIT = """Chilean President Gabriel Boric left Sao Paulo on June 6, 2024, concluding his three-day state visit to Brazil.
During his stay, the Chilean leader held talks with President Luiz Inacio Lula da Silva, paid a courtesy call on \
Vice President Geraldo Alckmin and met Foreign Minister Mauro Vieira.
"""


def test_the_hosts_met_during_the_stay_join_the_visit() -> None:
    rec = readouts.extract(VISIT)
    assert len(rec.engagements) == 1
    eng = rec.engagements[0]
    assert eng.type == "visit"
    names = {p.name for p in eng.participants}
    assert {"Gabriel Boric", "Luiz Inacio Lula da Silva", "Geraldo Alckmin", "Mauro Vieira"} <= names, names
    # "the Chilean leader" is the visitor, not a second Chilean participant
    assert [p.affiliation for p in eng.participants].count("CHL") == 1


def test_a_later_sentence_outside_the_visit_adds_nobody() -> None:
    text = VISIT.replace("During his stay,", "Last year,")
    names = {p.name for e in readouts.extract(text).engagements[:1] for p in e.participants}
    assert "Mauro Vieira" not in names


def test_a_stay_for_a_visit_makes_the_later_meetings_a_visit() -> None:
    text = ("High Representative Josep Borrell is today and tomorrow in Washington for his first visit since the "
            "elections.\n\nHigh Representative Borrell had a meeting with Secretary of State Antony Blinken to "
            "discuss Ukraine.")
    eng = readouts.extract(text).engagements[0]
    assert (eng.type, eng.location) == ("visit", "Washington")


def test_a_bilateral_summit_meeting_is_a_meeting_not_a_summit() -> None:
    text = ("On Tuesday, November 17, Prime Minister Suga Yoshihide and Prime Minister Scott Morrison of Australia "
            "held summit meetings in Tokyo. The leaders discussed defence cooperation.")
    eng = readouts.extract(text).engagements[0]
    assert eng.type == "meeting"
    # no year in the text: the one November 17 on a Tuesday in both men's terms of office
    assert eng.date == "2020-11-17"
