"""The canonical example: every field of ../shared/seed/*.expected.json right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import readouts


@pytest.fixture(scope="module")
def expected(shared: Path) -> dict:
    return json.loads((shared / "seed" / "000_39c828ffaf6ee951.expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def record(seed_text: str) -> dict:
    return readouts.extract(seed_text).to_dict()


def test_engagement(record: dict, expected: dict) -> None:
    e = record["engagements"][0]
    assert (e["type"], e["modality"], e["date"], e["location"], e["initiator"]) == (
        expected["event_type"], expected["modality"], expected["date"], expected["location"], expected["initiator"])
    got = [(p["name"], p["title"], p["affiliation"]) for p in e["participants"]]
    assert got == [(p["name"], p["title"], p["affiliation"]) for p in expected["participants"]]


def test_every_attributed_sentence_and_nothing_else(record: dict, expected: dict) -> None:
    persons = [s for s in record["statements"] if s["speaker"] != "both sides"]
    want = {(who, x) for who, xs in expected["attributed_sentences"].items() for x in xs}
    got = {(s["speaker"], s["text"]) for s in persons}
    assert got == want


def test_stances(record: dict, expected: dict) -> None:
    for sentence, stance in expected["stances"].items():
        assert any(s["text"] == sentence and s["stance"] == stance for s in record["statements"]), sentence


def test_topics_and_agreements(record: dict, expected: dict) -> None:
    e = record["engagements"][0]
    labels = [t["label"].lower() for t in e["topics"]]
    for t in expected["topics"]:
        assert any(t.lower() in lab or lab in t.lower() for lab in labels), t
    assert [a["text"] for a in e["agreements"]] == expected["agreements"]
    assert all(a["parties"] == ["CHN", "NATO"] for a in e["agreements"])


def test_required_events(record: dict, expected: dict) -> None:
    for ev in expected["events_required"]:
        roots = {ev["cameo_root"], *ev.get("alt_roots", [])}
        assert any(x["source"] == ev["source"] and x["target"] == ev["target"] and x["cameo"][:2] in roots
                   for x in record["events"]), ev["why"]
    consult = [x for x in record["events"] if x["cameo"] == "040"]
    assert consult and all(x["goldstein"] == 1.0 and x["quad_class"] == 1 for x in consult)
