"""The project's readouts in other ministries' styles (tests/golden/styles, scored by `make eval`): every gold
line names a text that is there, in the corpus's fields, and its attributed sentences are the text's own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

STYLES = Path(__file__).parent / "golden" / "styles"
GOLD = [json.loads(line) for line in (STYLES / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
FIELDS = {"id", "publisher", "publisher_side", "event_type", "date", "location", "initiator", "participants", "topics",
          "speakers", "agreements"}
TYPES = {"phone_call", "video_call", "meeting", "visit", "talks", "summit", "other"}


def test_every_text_has_one_gold_line() -> None:
    assert sorted(g["file"] for g in GOLD) == sorted(p.name for p in STYLES.glob("*.txt"))
    assert len({g["id"] for g in GOLD}) == len(GOLD)


@pytest.mark.parametrize("gold", GOLD, ids=[g["id"] for g in GOLD])
def test_a_gold_line_is_well_formed(gold: dict) -> None:
    assert FIELDS <= gold.keys(), FIELDS - gold.keys()
    assert gold["event_type"] in TYPES
    text = (STYLES / gold["file"]).read_text(encoding="utf-8")
    for who, sentences in (gold.get("attributed_sentences") or {}).items():
        for s in sentences:
            assert s in text, (who, s)
    for p in gold["participants"]:
        assert {"name", "title", "affiliation"} <= p.keys()
