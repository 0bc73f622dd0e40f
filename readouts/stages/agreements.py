"""Stage 9 — agreements: what the sides jointly agreed or committed to.

Reads the joint statements (speaker "both sides") and the agreement cues and coordinated verbs of
cues.yaml; fills each engagement's ``agreements`` with the agreed items and their parties.

"The two sides agreed that A and are willing to B, C, and D" gives four items: the "that" clause
whole, then the coordinated verb phrases of the "willing to" list split where a new base-form verb
starts an item ("continue ..., leverage ..., and facilitate ...").
"""

from __future__ import annotations

import re

from ..model import Agreement
from .base import Work

__all__ = ["run"]


def _rx(work: Work) -> tuple[re.Pattern[str], re.Pattern[str]]:
    cache = work.kb.__dict__.setdefault("_cache", {})
    if "agr" not in cache:
        cues = work.kb.cues["agreements"]
        cue = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(cues, key=len, reverse=True)) + r")(?![\w-])\s*", re.IGNORECASE)
        verbs = "|".join(sorted(work.kb.cues["coordinated_verbs"], key=len, reverse=True))
        split = re.compile(r"(?:,\s*(?:and\s+|as well as\s+)?|\s+and\s+|;\s*)(?=(?:jointly\s+|further\s+|also\s+)?(?:"
                           + verbs + r")\b)", re.IGNORECASE)
        cache["agr"] = (cue, split)
    return cache["agr"]


def _items(text: str, start: int, cue_rx: re.Pattern[str], split_rx: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans (relative to text) of agreed items in text[start:]."""
    out: list[tuple[int, int]] = []
    end = len(text.rstrip().rstrip(".;"))
    # further cues inside ("... and are willing to ...") cut the clause into segments
    segs: list[tuple[int, int, bool]] = []
    pos = start
    first_that = text[max(0, start - 6):start].lower().strip().endswith("that")
    for m in cue_rx.finditer(text, start):
        if m.start() <= start:
            continue
        pre = text[pos:m.start()]
        cut = re.search(r"(?:,\s*)?\s*(?:and\s+)?$", pre)
        seg_end = pos + (cut.start() if cut else len(pre))
        segs.append((pos, seg_end, first_that and not segs))
        pos = m.end()
    segs.append((pos, end, first_that and not segs))
    for a, b, is_that in segs:
        if b <= a:
            continue
        if is_that:
            out.append((a, b))
            continue
        last = a
        for m in split_rx.finditer(text, a, b):
            if m.start() > last:
                out.append((last, m.start()))
            last = m.end()
        if b > last:
            out.append((last, b))
    clean = []
    for a, b in out:
        while a < b and text[a] in " ,;":
            a += 1
        while b > a and text[b - 1] in " ,;.":
            b -= 1
        if b - a >= 4:
            clean.append((a, b))
    return clean


def run(work: Work) -> None:
    if not work.engagements:
        return
    cue_rx, split_rx = _rx(work)
    text = work.text
    by_id = {e.id: e for e in work.engagements}
    done: set[int] = set()
    for st in work.statements:
        if st.speaker != "both sides":
            continue
        s = work.sentence_of(st.span[0])
        if s is None or s.index in done:
            continue
        done.add(s.index)
        sent = text[s.start:s.end]
        m = cue_rx.search(sent)
        if not m:
            continue
        e = by_id.get(st.engagement or "") or work.engagements[0]
        parties = sorted({p for i in e.participants if (p := work.people[i].affiliation)})
        for a, b in _items(sent, m.end(), cue_rx, split_rx):
            e.agreements.append(Agreement(text=sent[a:b], parties=parties, span=(s.start + a, s.start + b)))
