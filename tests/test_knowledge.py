"""The shipped knowledge loads, validates, and answers dated questions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import readouts
from readouts.errors import KnowledgeError
from readouts.knowledge import load_knowledge


def test_loads_with_versions() -> None:
    kb = load_knowledge()
    assert all(kb.versions[n] for n in ("states.yaml", "organisations.yaml", "people.yaml", "topics.yaml"))
    states = [a for a in kb.actors.values() if a.kind == "state"]
    assert len(states) >= 195
    for code in ("NATO", "EU", "UN", "ASEAN", "AU", "SCO", "OSCE", "IAEA", "WHO", "WTO", "IMF", "G7", "G20", "BRICS"):
        assert code in kb.actors, code
    assert len(kb.cameo) >= 300 and kb.cameo["041"].goldstein == 1.0


def test_dated_roles() -> None:
    kb = load_knowledge()
    wang = next(p for p in kb.people if p.name == "Wang Yi")
    assert wang.role_at(dt.date(2016, 1, 1), "foreign_minister").actor == "CHN"
    assert wang.role_at(dt.date(2016, 1, 1), "foreign_minister").active(dt.date(2016, 1, 1))
    fm = [r for r in wang.roles if r.kind == "foreign_minister"]
    assert not any(r.active(dt.date(2023, 3, 1)) for r in fm)  # Qin Gang's months
    assert any(r.active(dt.date(2024, 3, 1)) for r in fm)


def test_title_alone_gives_the_side() -> None:
    rec = readouts.extract("On 4 March 2024, Estonian Foreign Minister Kaarel Tamm held talks with Foreign "
                           "Minister Ana Lima of Portugal in Tallinn.")
    sides = {p.name: p.affiliation for p in rec.engagements[0].participants}
    assert sides == {"Kaarel Tamm": "EST", "Ana Lima": "PRT"}


def test_bad_actor_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("people:\n  - roles: []\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="needs a name"):
        load_knowledge((str(bad),))


def test_the_documented_actor_file_works(tmp_path: Path) -> None:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "knowledge.md").read_text(encoding="utf-8")
    block = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    f = tmp_path / "mine.yaml"
    f.write_text(block, encoding="utf-8")
    kb = load_knowledge((str(f),))
    assert kb.actors["RUR"].capitals == ("Strelsau",) and "NCU" in kb.actors
    rudolf = next(p for p in kb.people if p.name == "Rudolf Elphberg")
    assert rudolf.role_at(dt.date(2017, 5, 1)).actor == "NCU"
    assert rudolf.role_at(dt.date(2024, 5, 1)).actor == "RUR"
    rec = readouts.extract("On 3 June 2024, King Rudolf met with Foreign Minister Ana Lima of Portugal in Strelsau.",
                           config=readouts.Config(actor_files=(f,)))
    sides = {p.name: p.affiliation for p in rec.engagements[0].participants}
    assert sides["Ana Lima"] == "PRT" and "RUR" in sides.values()


@pytest.mark.parametrize("place, codes", [
    ("Ankara, Turkey", ["TUR"]),
    ("the Egmont Palace in Brussels", ["BEL"]),  # "US" is not in "Brussels"
    ("the Kremlin", ["RUS"]),
    ("Washington, D.C.", ["USA"]),
    ("New Delhi", ["IND"]),
    ("Hangzhou", []),
    ("a venue near us", []),  # lower-case words are not names
])
def test_the_sides_a_place_names(place: str, codes: list[str]) -> None:
    assert load_knowledge().place_codes(place) == codes


def test_the_host_of_a_meeting_is_the_side_its_place_names_not_a_side_whose_name_is_inside_it() -> None:
    text = ("US Secretary of State Antony J. Blinken met with Belgian Foreign Minister Hadja Lahbib on April 4, 2023 "
            "at the Egmont Palace in Brussels. They discussed support for Ukraine.")
    got = {(e.source, e.target, e.cameo) for e in readouts.extract(text).events if e.cameo in ("042", "043")}
    assert got == {("USA", "BEL", "042"), ("BEL", "USA", "043")}, got


@pytest.mark.parametrize(("edit", "message"), [
    (lambda d: d.pop("ranks"), r"titles\.ranks is missing"),
    (lambda d: d.update(address_phrases="Tan Sri"), r"titles\.address_phrases: expected"),
    (lambda d: d.update(head_complements={"to": "ambassador"}), r"head_complements: expected"),
    (lambda d: d.update(default_actors={"secretary-general": ["UN"]}), r"default_actors: expected"),
])
def test_a_malformed_grammar_of_titles_is_a_clear_error(load_edited: Any, edit: Any, message: str) -> None:
    with pytest.raises(KnowledgeError, match=message):
        load_edited("titles.yaml", edit)


def test_the_shipped_titles_pass(load_edited: Any) -> None:
    load_edited("titles.yaml", lambda d: None)


def test_cities_are_places_of_their_state_and_never_a_name_of_an_actor() -> None:
    kb = load_knowledge()
    assert kb.city_forms["geneva"] == "CHE" and kb.city_forms["new york"] == "USA"
    assert not set(kb.city_forms) & set(kb.actor_forms)  # a city is never read as its state ("Sochi" is no Russia)
    assert kb.place_codes("talks in Geneva") == []


@pytest.mark.parametrize("line, place", [("New York, 22 September 2023", "New York"),
                                         ("Geneva, Switzerland, 4 March 2022", "Geneva, Switzerland")])
def test_a_line_with_a_city_alone_places_the_meeting_under_it(line: str, place: str) -> None:
    rec = readouts.extract(f"{line}\n\nForeign Minister Ignazio Cassis met Russian Foreign Minister Sergey Lavrov "
                           "today.\n").to_dict()
    assert rec["engagements"][0]["location"] == place
