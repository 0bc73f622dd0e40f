"""The document text as HTML with every extracted item marked at its span.

Items nest and overlap (a topic inside a statement, an engagement span across a participant), so the text
is cut at every item boundary and walked left to right with a stack of open elements: at each cut the
elements of items that end (and any opened inside them) close, and the items that start open, the longer
ones outside. An item is split into several pieces only where it crosses the boundary of another, and every
piece carries ``data-item="<kind>:<id>"`` and ``data-span="start,end"`` so the pieces of an item can be
put together again. All text goes through ``markupsafe.escape``; an item's fields travel as JSON in a
``data-tip`` attribute, escaped the same way, for the page's script to show with ``textContent``.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from markupsafe import Markup, escape

from ..model import Record

__all__ = ["Item", "KINDS", "cameo_name", "highlight", "items_of", "speaker_classes"]

# outer to inner when two items share the same span
KINDS = ("engagement", "statement", "agreement", "event", "participant", "topic")
_RANK = {k: i for i, k in enumerate(KINDS)}
PALETTE = 10
_DATA_NAME = re.compile(r"[a-z][a-z-]*")


@dataclass
class Item:
    kind: str
    id: str
    start: int
    end: int
    label: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    css: str = ""
    data: dict[str, str] = field(default_factory=dict)  # extra data-* attributes (names: [a-z-]+)
    prefix: str = ""  # of the anchor id, when two texts share a page

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.id}"

    @property
    def anchor(self) -> str:
        return f"{self.prefix}item-{self.kind}-{self.id}"


@functools.lru_cache(maxsize=1)
def _cameo() -> dict[str, str]:
    text = resources.files("readouts.knowledge").joinpath("cameo.tsv").read_text(encoding="utf-8")
    rows = csv.reader(io.StringIO("\n".join(ln for ln in text.splitlines() if not ln.startswith("#"))),
                      delimiter="\t")
    return {r[0]: r[1] for r in rows if len(r) >= 2 and r[0] != "code"}


def cameo_name(code: str | None) -> str:
    """The CAMEO name of an event code ('' when unknown)."""
    return _cameo().get(code or "", "")


def speaker_classes(rec: Record) -> dict[str, str]:
    """A CSS class per speaker, in order of first appearance, so each speaker keeps one colour."""
    out: dict[str, str] = {}
    for s in rec.statements:
        if s.speaker not in out:
            out[s.speaker] = f"spk-{len(out) % PALETTE}"
    return out


def _f(*pairs: tuple[str, Any]) -> list[tuple[str, str]]:
    return [(k, str(v)) for k, v in pairs if v not in (None, "", [])]


def items_of(rec: Record) -> list[Item]:
    """Every extracted item of a record with its span, its ids and the fields a tooltip shows."""
    items: list[Item] = []
    colours = speaker_classes(rec)
    for e in rec.engagements:
        items.append(Item("engagement", e.id, *e.span, label=f"{e.type.replace('_', ' ')} ({e.modality})",
                          fields=_f(("type", e.type.replace("_", " ")), ("modality", e.modality.replace("_", " ")),
                                    ("date", e.date or e.date_text), ("location", e.location),
                                    ("initiator", e.initiator))))
        for i, p in enumerate(e.participants, 1):
            items.append(Item("participant", f"{e.id}.p{i}", *p.span, label=p.name or "(unnamed)",
                              fields=_f(("name", p.name), ("title", p.title), ("side", p.affiliation),
                                        ("role", (p.role or "").replace("_", " ")))))
        for i, t in enumerate(e.topics, 1):
            topic = getattr(t, "topic", None)
            items.append(Item("topic", f"{e.id}.t{i}", *t.span, label=t.label,
                              fields=_f(("topic", t.label), ("taxonomy", topic if topic != t.label else None))))
        for i, a in enumerate(e.agreements, 1):
            items.append(Item("agreement", f"{e.id}.a{i}", *a.span, label=a.text,
                              fields=_f(("agreement", a.text), ("parties", " / ".join(a.parties)))))
    for s in rec.statements:
        items.append(Item("statement", s.id, *s.span, label=s.speaker, css=colours[s.speaker],
                          fields=_f(("speaker", s.speaker), ("affiliation", s.affiliation), ("stance", s.stance),
                                    ("cue", s.cue), ("engagement", s.engagement))))
    for i, ev in enumerate(rec.events, 1):
        name = cameo_name(ev.cameo)
        items.append(Item("event", f"v{i}", *ev.span, label=f"{ev.cameo} {name}".strip(),
                          fields=_f(("CAMEO", f"{ev.cameo} {name}".strip()), ("Goldstein", f"{ev.goldstein:+.1f}"),
                                    ("source → target", f"{ev.source} → {ev.target or '?'}"),
                                    ("quad class", ev.quad_class), ("PLOVER", ev.plover),
                                    ("statement", ev.statement))))
    n = len(rec.document.text)
    for it in items:  # defensive: a span outside the text is clipped rather than breaking the page
        it.start, it.end = max(0, min(it.start, n)), max(0, min(it.end, n))
        it.end = max(it.start, it.end)
    return items


def _open(it: Item) -> str:
    tip = json.dumps({"kind": it.kind, "id": it.id, "fields": it.fields}, ensure_ascii=False)
    cls = f"hl hl-{it.kind}" + (f" {it.css}" if it.css else "")
    extra = "".join(f' data-{k}="{escape(v)}"' for k, v in sorted(it.data.items()) if _DATA_NAME.fullmatch(k))
    return (f'<span class="{escape(cls)}" data-item="{escape(it.key)}" data-span="{it.start},{it.end}" '
            f'data-tip="{escape(tip)}"{extra}>')


def highlight(text: str, items: list[Item]) -> Markup:
    """``text`` as escaped HTML with every item wrapped in properly nested ``<span>`` pieces."""
    order = {it.key: i for i, it in enumerate(sorted(items, key=lambda it: (it.start, -it.end, _RANK[it.kind])))}
    cuts = sorted({0, len(text)} | {it.start for it in items} | {it.end for it in items})
    anchored: set[str] = set()
    out: list[str] = []
    stack: list[Item] = []

    def open_piece(it: Item) -> None:
        out.append(_open(it))
        if it.key not in anchored:  # the first piece is the target of links and takes keyboard focus
            anchored.add(it.key)
            out[-1] = out[-1][:-1] + f' id="{escape(it.anchor)}" tabindex="0">'
        stack.append(it)

    for lo, hi in zip(cuts, cuts[1:] + [None], strict=True):
        active = [it for it in items if it.start <= lo < it.end]
        keys = {it.key for it in active}
        keep = 0
        while keep < len(stack) and stack[keep].key in keys:
            keep += 1
        while len(stack) > keep:
            stack.pop()
            out.append("</span>")
        for it in items:  # empty items sit where they are, inside whatever is open
            if it.start == it.end == lo:
                open_piece(it)
                stack.pop()
                out.append("</span>")
        on = {it.key for it in stack}
        for it in sorted((it for it in active if it.key not in on), key=lambda it: (-it.end, order[it.key])):
            open_piece(it)
        if hi is not None:
            out.append(str(escape(text[lo:hi])))
    while stack:
        stack.pop()
        out.append("</span>")
    return Markup("".join(out))
