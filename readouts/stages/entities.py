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


def targets(work: Work) -> list[tuple[int, int]]:
    """The spans to read with the model: the first three sentences (title lines, datelines, the lead)
    and every sentence that carries an engagement cue."""
    cue = _cue(work)
    return [(s.start, s.end) for s in work.sentences if s.index < 3 or cue.search(work.text, s.start, s.end)]


def run(work: Work) -> None:
    if work.ner is None or not work.sentences:
        return
    spans = targets(work)
    if not spans:
        return
    found = work.ner([work.text[a:b] for a, b in spans])
    for (start, _end), ents in zip(spans, found, strict=True):
        work.entities.extend((start + a, start + b, label) for a, b, label in ents)
