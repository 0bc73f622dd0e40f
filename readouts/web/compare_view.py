"""The side-by-side view of two readouts: each text highlighted, the items both report joined.

``sides(rec_a, rec_b, comparison)`` turns a ``readouts.compare`` Comparison into what the template shows:
both texts as highlighted HTML (``highlight.py``, statements, agreements, topics and participants), where
anchors prefixed ``a-`` and ``b-``; each matched statement or agreement carries ``data-match="<n>"`` — the same number on both sides, and a
colour ``m-<n mod 10>`` — and what only one side reported carries the class ``only``; the matched items as
rows (text of A, text of B, similarity); what only one side reported; the topics only one side names.
Comparison ids are the record's statement ids (``s3``) and ``<engagement>.ag<n>`` for agreements, which
the highlights call ``agreement:<engagement>.a<n>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from ..model import Record
from .highlight import PALETTE, Item, highlight, items_of

__all__ = ["Side", "View", "hl_key", "view"]

SHOWN = ("statement", "agreement", "topic", "participant")
_AGREEMENT = re.compile(r"(?P<eng>.+)\.ag(?P<n>\d+)")


def hl_key(cid: str) -> str:
    """The highlight key of a comparison id: ``s3`` -> ``statement:s3``, ``e1.ag2`` -> ``agreement:e1.a2``."""
    m = _AGREEMENT.fullmatch(cid)
    return f"agreement:{m['eng']}.a{m['n']}" if m else f"statement:{cid}"


@dataclass
class Entry:
    """A statement or agreement of one side, as the lists show it."""

    key: str
    anchor: str
    kind: str
    who: str
    text: str


@dataclass
class Side:
    rec: Record
    html: Markup
    entries: dict[str, Entry]
    only: list[Entry]
    topics_only: list[str]


@dataclass
class Row:
    n: int
    colour: str
    kind: str
    a: Entry | None
    b: Entry | None
    similarity: float


@dataclass
class View:
    a: Side
    b: Side
    rows: list[Row] = field(default_factory=list)


def _entries(rec: Record, items: dict[str, Item]) -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    for s in rec.statements:
        key = f"statement:{s.id}"
        if key in items:
            out[key] = Entry(key, items[key].anchor, "statement", s.speaker, s.text)
    for e in rec.engagements:
        for i, ag in enumerate(e.agreements, 1):
            key = f"agreement:{e.id}.a{i}"
            if key in items:
                out[key] = Entry(key, items[key].anchor, "agreement", " / ".join(ag.parties) or "both sides", ag.text)
    return out


def _side(rec: Record, letter: str, matches: dict[str, list[int]], only: list[str], topics_only: list[str]) -> Side:
    items = [it for it in items_of(rec) if it.kind in SHOWN]
    by_key = {it.key: it for it in items}
    only_keys = [hl_key(c) for c in only]
    lonely = {t.lower() for t in topics_only}
    topic_of = {f"{e.id}.t{i}": t for e in rec.engagements for i, t in enumerate(e.topics, 1)}
    for it in items:
        it.prefix = f"{letter}-"  # anchors: a-item-statement-s1, b-item-statement-s1
        it.css = ""  # speaker colours give way to the colours of the matches
        if it.key in matches:
            ns = matches[it.key]
            it.css = f"m m-{(ns[0] - 1) % PALETTE}"
            it.data["match"] = " ".join(str(n) for n in ns)
            it.data["n"] = str(ns[0])
            it.fields.append(("matched", ", ".join(f"#{n}" for n in ns)))
        elif it.key in only_keys:
            it.css = "only"
            it.data["only"] = "1"
            it.fields.append(("only", "this side alone reports it"))
        elif it.kind == "topic":
            t = topic_of.get(it.id)
            if t is not None and ({t.label.lower(), str(getattr(t, "topic", "") or "").lower()} & lonely):
                it.css = "only-topic"
                it.data["only"] = "1"
                it.fields.append(("only", "this side alone names it"))
    entries = _entries(rec, by_key)
    return Side(rec, highlight(rec.document.text, items), entries, [entries[k] for k in only_keys if k in entries],
                list(topics_only))


def view(rec_a: Record, rec_b: Record, comparison: dict[str, Any]) -> View:
    """The view of a comparison (its ``to_dict()``) of ``rec_a`` and ``rec_b``."""
    match_a: dict[str, list[int]] = {}
    match_b: dict[str, list[int]] = {}
    for n, m in enumerate(comparison.get("matched") or [], 1):
        match_a.setdefault(hl_key(m["a"]), []).append(n)
        match_b.setdefault(hl_key(m["b"]), []).append(n)
    a = _side(rec_a, "a", match_a, comparison.get("only_a") or [], comparison.get("topics_only_a") or [])
    b = _side(rec_b, "b", match_b, comparison.get("only_b") or [], comparison.get("topics_only_b") or [])
    rows = [Row(n, f"m-{(n - 1) % PALETTE}", m.get("kind") or "statement", a.entries.get(hl_key(m["a"])),
                b.entries.get(hl_key(m["b"])), float(m.get("similarity") or 0.0))
            for n, m in enumerate(comparison.get("matched") or [], 1)]
    return View(a, b, rows)
