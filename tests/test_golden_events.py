"""The held-out event sets (tests/golden/events, tests/golden/events_blind) are well formed: the checks
their READMEs ask for, so a new or edited record cannot slip in broken."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from readouts.knowledge import load_knowledge

ROOT = Path(__file__).resolve().parent / "golden"
FOLDERS = [ROOT / "events", ROOT / "events_blind"]
AGENTS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "OPP", "CVL", "REB", "CRM", "BUS", "MED", "LAB"}
IGOS = {"IGOUNO", "IGOWSTNAT", "IGOEUREEC", "IGOAFRAFU", "IGOMEAARL", "IGOUNOIAE", "IGOSEAASN", "IGOUNOHLHWHO"}
KEYS = {"id", "text", "date", "events", "note", "features"}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _records() -> list[tuple[str, dict]]:
    out = []
    for folder in FOLDERS:
        for path in sorted(folder.glob("*.jsonl")):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if line.strip():
                    out.append((f"{path.parent.name}/{path.name}:{n}", json.loads(line)))
    return out


RECORDS = _records()


def test_both_sets_are_there():
    assert {w.split("/")[0] for w, _ in RECORDS} == {"events", "events_blind"}
    assert len(RECORDS) >= 275 + 160


def test_ids_are_unique_across_the_sets():
    ids = [r["id"] for _, r in RECORDS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("where,rec", RECORDS, ids=[w for w, _ in RECORDS])
def test_record(where: str, rec: dict) -> None:
    kb = load_knowledge()
    states = {a.code for a in kb.actors.values() if a.kind == "state"} | {"KSV", "PSE", "TWN"}
    assert set(rec) <= KEYS and {"id", "text", "date", "events"} <= set(rec), where
    assert rec["text"].strip()
    day = dt.date.fromisoformat(rec["date"]) if rec["date"] else None
    named = [wd for wd in WEEKDAYS if re.search(rf"\b{wd}\b", rec["text"])]
    if named and day is not None:  # the report's day is one the text names ("said on Sunday ... on Saturday")
        assert WEEKDAYS[day.weekday()] in named, f"{where}: {rec['date']} is none of {named}"
    seen = set()
    for e in rec["events"]:
        assert set(e) == {"source_cameo", "target_cameo", "cameo"}, where
        assert e["cameo"] in kb.cameo, f"{where}: unknown CAMEO code {e['cameo']}"
        for actor in (e["source_cameo"], e["target_cameo"]):
            assert actor in IGOS or (re.fullmatch(r"[A-Z]{3}([A-Z]{3})?", actor) and actor[:3] in states
                                     and (len(actor) == 3 or actor[3:] in AGENTS)), f"{where}: actor {actor}"
        triple = (e["source_cameo"], e["target_cameo"], e["cameo"])
        assert triple not in seen, f"{where}: {triple} twice"
        seen.add(triple)
