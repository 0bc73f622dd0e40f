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
