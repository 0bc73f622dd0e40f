"""Stage 2 — entities: named entities, only where they can matter.

Reads sentences, the engagement cues and ``work.ner`` (the NLP backend's named-entity model); fills
``work.entities`` with (start, end, label) in text offsets.

The gazetteer and the grammar of titles find nearly every participant; the statistical model is a
fallback for names no file knows and no title introduces, and those matter only where an engagement
is reported. So the model reads the title lines and the sentences that carry an engagement cue, not
the whole document: most of a readout is never run through it. (Measured in docs/benchmarks.md.)
"""

from __future__ import annotations

import re

from .base import Work

__all__ = ["run"]


def _cue(work: Work) -> re.Pattern[str]:
    cache = work.kb.__dict__.setdefault("_cache", {})
    if "ner_cue" not in cache:
        alts = [r["pattern"] for r in work.kb.cues["engagements"]]
        cache["ner_cue"] = re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.I)
    return cache["ner_cue"]


def run(work: Work) -> None:
    if work.ner is None or not work.sentences:
        return
    cue = _cue(work)
    chosen = [s for s in work.sentences if s.index < 3 or cue.search(work.text, s.start, s.end)]
    if not chosen:
        return
    found = work.ner([work.text[s.start:s.end] for s in chosen])
    for s, ents in zip(chosen, found, strict=True):
        work.entities.extend((s.start + a, s.start + b, label) for a, b, label in ents)
