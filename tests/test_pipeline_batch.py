"""extract_many codes the events of a whole batch in one pass of the coder, and one document that
breaks the coder loses only itself."""

from __future__ import annotations

import json
from pathlib import Path

import readouts
import readouts.stages.events as events

EXAMPLES = Path(readouts.__file__).parent / "examples"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]


def test_batched_events_equal_one_by_one():
    batched = [r.to_json() for r in readouts.extract_many(TEXTS, batch_size=8)]
    alone = [readouts.extract(t).to_json() for t in TEXTS]
    assert len(TEXTS) >= 3
    assert batched == alone
    assert all(json.loads(r)["events"] for r in batched)


def test_one_document_breaking_the_coder_loses_only_itself(monkeypatch):
    real_plan, real_code = events.plan, events.code

    def plan(work):
        p = real_plan(work)
        p.__dict__["breaks_the_coder"] = "BOOM" in work.text
        return p

    def code(work, plans):
        if any(p.__dict__.get("breaks_the_coder") for p in plans):
            raise RuntimeError("coder broke")
        return real_code(work, plans)

    monkeypatch.setattr(events, "plan", plan)
    monkeypatch.setattr(events, "code", code)
    bad = TEXTS[0] + "\nBOOM\n"
    recs = list(readouts.extract_many([TEXTS[1], bad, TEXTS[1]], batch_size=8))
    assert len(recs) == 3
    assert recs[0].events and recs[2].events
    assert recs[0].to_json() == recs[2].to_json()
    assert "coder broke" in recs[1].__dict__.get("error", "")
    assert not recs[1].events
