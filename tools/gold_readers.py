"""Readers of the event-coding gold files in ../shared/data, and the scores computed against them.

Used by ``tools/evaluate_events.py``; pure Python (no readouts, no spaCy) so the readers and the
metrics can be tested on their own (``tests/test_gold_readers.py``).

Readers (each folder's SOURCE.md describes the format):

* :func:`read_petr_records` — PETRARCH / UniversalPetrarch validation records (the unit-test files and
  PETR2_GSR_validation.xml). The files are not well-formed XML; each ``<Sentence ...>`` block is read
  with regular expressions. Only ``<Text>`` and ``<EventCoding>`` are read, never ``<Parse>``.
* :func:`read_codebook_examples` — the example sentences of the CAMEO codebook (cp1252, double-encoded
  quotes repaired, the coders' trailing "Note: ..." removed).
* :func:`read_plover_gsr` — the PLOVER gold-standard records (DEMAND mapped to REQUEST).
* :func:`read_golden_events` — the project's held-out ``tests/golden/events/*.jsonl``.

Scores: :func:`prf` (micro precision/recall/F1 with multiset matching per record), :func:`exact_share`
(records whose predicted set equals the gold set), :func:`root_confusion` (gold root x predicted root).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Triple = tuple[str, str, str]  # (source actor code, target actor code, CAMEO event code)

NO_ACTOR = "---"  # PETRARCH's code for "no / unknown actor"


def norm_actor(code: str | None) -> str:
    """An actor code as compared: a missing target (None, "") is PETRARCH's ``---``."""
    code = (code or "").strip()
    return code if code else NO_ACTOR


def root(code: str) -> str:
    """The CAMEO root code: the first two digits ("0871" -> "08")."""
    return code.strip()[:2]


# --------------------------------------------------------------------------------------------------
# PETRARCH validation records
# --------------------------------------------------------------------------------------------------

@dataclass
class GoldRecord:
    """One gold sentence (or short passage) with its expected event triples."""

    id: str
    text: str
    date: dt.date | None
    events: list[Triple] = field(default_factory=list)
    noevents: bool = False      # the gold says explicitly: no event
    error: str | None = None    # PETRARCH's expected error/discard (e.g. "sentencediscard"): no event expected
    attrs: dict[str, str] = field(default_factory=dict)


_COMMENT = re.compile(r"<!--.*?-->", re.S)
_OPENER = re.compile(r"<Sentence\b([^>]*?)(/?)>")
_END = re.compile(r"</Sentences>")
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CODING = re.compile(r"<EventCoding\b([^>]*?)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)


def unescape(s: str) -> str:
    """The XML entities the files use (``&amp;`` last, so ``&amp;quot;`` stays ``&quot;``)."""
    for ent, ch in (("&quot;", '"'), ("&apos;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")):
        s = s.replace(ent, ch)
    return s


def attributes(s: str) -> dict[str, str]:
    """``key="value"`` / ``key='value'`` pairs (spaces around ``=`` allowed), values unescaped."""
    return {m.group(1): unescape(m.group(2) if m.group(2) is not None else m.group(3)) for m in _ATTR.finditer(s)}


def parse_yyyymmdd(s: str | None) -> dt.date | None:
    if not s or not re.fullmatch(r"\d{8}", s.strip()):
        return None
    try:
        return dt.datetime.strptime(s.strip(), "%Y%m%d").date()
    except ValueError:
        return None


def iter_sentence_blocks(raw: str) -> Iterable[tuple[dict[str, str], str]]:
    """(attributes of the opener, body) of every ``<Sentence ...>`` block; comments removed first.

    A block runs from its opener to the next opener (or ``</Sentences>``), which also covers the
    self-closing ``<Sentence .../>`` openers of PETR2_GSR_validation.xml whose children follow them.
    """
    raw = _COMMENT.sub("", raw)
    openers = list(_OPENER.finditer(raw))
    for i, m in enumerate(openers):
        end = openers[i + 1].start() if i + 1 < len(openers) else len(raw)
        body = raw[m.end():end]
        stop = _END.search(body)
        if stop:
            body = body[:stop.start()]
        yield attributes(m.group(1)), body


def read_petr_records(path: str | Path, sentences_only: bool = True) -> list[GoldRecord]:
    """The records of a PETRARCH validation file.

    ``sentences_only`` keeps records whose ``sentence`` attribute is "true" (records without the
    attribute, as in PETR2_GSR, are kept). Text: the ``<Text>`` element, unescaped, whitespace
    collapsed (the files wrap lines). Gold: the ``<EventCoding sourcecode targetcode eventcode>``
    elements; ``noevents="True"`` and ``error="..."`` codings mean no event is expected.
    """
    raw = Path(path).read_text(encoding="utf-8")
    out: list[GoldRecord] = []
    for attrs, body in iter_sentence_blocks(raw):
        if sentences_only and attrs.get("sentence", "true").strip().lower() != "true":
            continue
        tm = _TEXT.search(body)
        text = " ".join(unescape(tm.group(1)).split()) if tm else ""
        rec = GoldRecord(id=attrs.get("id", ""), text=text, date=parse_yyyymmdd(attrs.get("date")), attrs=attrs)
        for cm in _CODING.finditer(body):
            c = attributes(cm.group(1))
            if "error" in c:
                rec.error = c["error"] or "error"
            elif c.get("noevents", "").strip().lower() == "true":
                rec.noevents = True
            elif "eventcode" in c:
                rec.events.append((norm_actor(c.get("sourcecode")), norm_actor(c.get("targetcode")),
                                   c["eventcode"].strip()))
        out.append(rec)
    return out


# --------------------------------------------------------------------------------------------------
# CAMEO codebook examples
# --------------------------------------------------------------------------------------------------

@dataclass
class CodebookExample:
    code: str          # the CAMEO code the example illustrates (string, leading zeros kept)
    name: str
    text: str          # the example sentence, repaired, without the coders' "Note: ..."
    raw: str           # the example as the file has it
    unrepaired: bool   # a garbled run the repair could not undo is left in the text
    had_note: bool


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_NOTE = re.compile(r"\s*\bNote:.*$", re.S)


def repair_mojibake(s: str) -> tuple[str, bool]:
    """Undo UTF-8 text that was read as Mac Roman (``Moscow‚Äôs`` -> ``Moscow’s``), run by run.

    Returns the text and whether some non-ASCII run could not be repaired and does not decode as
    ordinary text (a run is left alone when its repair fails, e.g. ``C¬?ankaya`` whose bytes are lost).
    """
    bad = False

    def fix(m: re.Match[str]) -> str:
        nonlocal bad
        run = m.group(0)
        try:
            return run.encode("mac_roman").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            if any(ch in "‚Äô¬√Ã" for ch in run):
                bad = True
            return run

    return _NON_ASCII_RUN.sub(fix, s), bad


def read_codebook_examples(path: str | Path) -> list[CodebookExample]:
    """Rows of cameo-codes.csv (cp1252) that have an example sentence."""
    out = []
    with Path(path).open(encoding="cp1252", newline="") as fh:
        for row in csv.DictReader(fh):
            ex = (row.get("example") or "").strip()
            if not ex or ex == "NA":
                continue
            fixed, bad = repair_mojibake(ex)
            text = _NOTE.sub("", fixed).strip()
            out.append(CodebookExample(code=row["code"].strip(), name=row["name"].strip(), text=text, raw=ex,
                                       unrepaired=bad, had_note=text != fixed.strip()))
    return out


# --------------------------------------------------------------------------------------------------
# PLOVER gold-standard records
# --------------------------------------------------------------------------------------------------

# PLOVER 0.5b1 label -> PLOVER-2021 label: DEMAND was renamed REQUEST (SOURCE.md); DISAPPROVE and
# INVESTIGATE were folded into ACCUSE and FIGHT into ASSAULT, as CAMEO2PLOVER-2021.txt maps their CAMEO
# codes (09x, 11x -> ACCUSE; 19x -> ASSAULT)
PLOVER_RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


@dataclass
class PloverRecord:
    id: str
    text: str
    event: str            # PLOVER-2021 label (see PLOVER_RENAMES)
    event_raw: str        # as the file has it
    mode: str | None
    date: str | None      # the file's date (a placeholder, 2000-01-01, in every record)


def read_plover_gsr(path: str | Path) -> list[PloverRecord]:
    """The event records of PLOVER_GSR_CAMEO.txt (a JSON array; the DOCUMENT header is dropped)."""
    data: list[dict[str, Any]] = json.loads(Path(path).read_text(encoding="utf-8"))
    out = []
    for d in data:
        ev = (d.get("event") or "").strip()
        if not ev or ev == "DOCUMENT":
            continue
        out.append(PloverRecord(id=d["id"], text=" ".join(str(d.get("text", "")).split()),
                                event=PLOVER_RENAMES.get(ev, ev), event_raw=ev, mode=d.get("mode") or None,
                                date=d.get("date")))
    return out


def read_plover_vocabulary(path: str | Path) -> set[str]:
    """The PLOVER event labels of CAMEO2PLOVER-2021.txt (``0311: AGREE, mode, context # label``)."""
    labels = set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*\d+\s*:\s*([A-Z]+)", line)
        if m:
            labels.add(m.group(1))
    return labels


# --------------------------------------------------------------------------------------------------
# The project's held-out event gold
# --------------------------------------------------------------------------------------------------

def read_golden_events(folder: str | Path) -> list[GoldRecord]:
    """Every line of ``folder/*.jsonl``: {"id", "text", "date" (YYYY-MM-DD or null), "events": [...]}."""
    out = []
    for f in sorted(Path(folder).glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            d = json.loads(line)
            day = dt.date.fromisoformat(d["date"]) if d.get("date") else None
            events = [(norm_actor(e.get("source_cameo")), norm_actor(e.get("target_cameo")), str(e["cameo"]).strip())
                      for e in d.get("events") or []]
            out.append(GoldRecord(id=str(d.get("id", "")), text=d["text"], date=day, events=events,
                                  noevents=not events, attrs={"file": f.name}))
    return out


# --------------------------------------------------------------------------------------------------
# Scores
# --------------------------------------------------------------------------------------------------

@dataclass
class PRF:
    tp: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float | None:
        return self.tp / self.n_pred if self.n_pred else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.n_gold if self.n_gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "n_pred": self.n_pred, "n_gold": self.n_gold, "precision": _r(self.precision),
                "recall": _r(self.recall), "f1": _r(self.f1)}


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def prf(pairs: Iterable[tuple[Sequence[Hashable], Sequence[Hashable]]]) -> PRF:
    """Micro P/R/F1 over records: ``pairs`` yields (gold items, predicted items) per record; within a
    record items are matched as multisets (two identical gold events need two identical predictions)."""
    tp = n_pred = n_gold = 0
    for gold, pred in pairs:
        tp += sum((Counter(gold) & Counter(pred)).values())
        n_pred += len(pred)
        n_gold += len(gold)
    return PRF(tp, n_pred, n_gold)


def exact_share(pairs: Iterable[tuple[Sequence[Hashable], Sequence[Hashable]]]) -> float | None:
    """Share of records whose predicted set equals the gold set (an empty gold is right iff nothing
    is predicted)."""
    n = right = 0
    for gold, pred in pairs:
        n += 1
        right += set(gold) == set(pred)
    return right / n if n else None


def to_roots(events: Sequence[Triple]) -> list[Triple]:
    """Triples with the event code cut to its root: (source, target, root)."""
    return [(s, t, root(c)) for s, t, c in events]


@dataclass
class Confusion:
    """Gold root x predicted root counts; ``spurious`` counts predicted roots left over with no gold."""

    cells: dict[str, Counter[str]] = field(default_factory=dict)
    spurious: Counter[str] = field(default_factory=Counter)

    def add(self, gold_root: str, pred_root: str) -> None:
        self.cells.setdefault(gold_root, Counter())[pred_root] += 1

    def rows(self, top: int = 3) -> list[dict[str, Any]]:
        """One row per gold root (sorted): n, correct, the most frequent wrong predictions."""
        out = []
        for g in sorted(self.cells):
            c = self.cells[g]
            wrong = [(p, k) for p, k in c.most_common() if p != g]
            out.append({"gold": g, "n": sum(c.values()), "correct": c.get(g, 0), "confusions": wrong[:top]})
        return out

    def as_dict(self) -> dict[str, Any]:
        return {"cells": {g: dict(c) for g, c in sorted(self.cells.items())}, "spurious": dict(self.spurious)}


def root_confusion(pairs: Iterable[tuple[Sequence[Triple], Sequence[Triple]]]) -> Confusion:
    """Align gold and predicted events of each record by event root, actors aside:

    1. a gold event whose root some predicted event has is correct (each prediction used once);
    2. each remaining gold event takes a remaining predicted event, preferring one with the same
       (source, target), else the first in order; its root is the confusion;
    3. a gold event with nothing left is predicted "none"; predictions left over are ``spurious``.
    """
    conf = Confusion()
    for gold, pred in pairs:
        rest = list(pred)
        unmatched: list[Triple] = []
        for g in gold:
            hit = next((i for i, p in enumerate(rest) if root(p[2]) == root(g[2])), None)
            if hit is None:
                unmatched.append(g)
            else:
                conf.add(root(g[2]), root(g[2]))
                rest.pop(hit)
        for g in unmatched:
            if not rest:
                conf.add(root(g[2]), "none")
                continue
            i = next((i for i, p in enumerate(rest) if (p[0], p[1]) == (g[0], g[1])), 0)
            conf.add(root(g[2]), root(rest.pop(i)[2]))
        for p in rest:
            conf.spurious[root(p[2])] += 1
    return conf


def code_match(gold: str, predicted: Iterable[str], digits: int) -> bool:
    """Codebook rule: right at root level (digits=2) if a predicted code has the gold's root; at
    3-digit level if a predicted code's first three digits are the gold's (a 2-digit gold code is
    compared at root level)."""
    n = 2 if digits <= 2 or len(gold.strip()) <= 2 else 3
    want = gold.strip()[:n]
    return any(p.strip()[:n] == want for p in predicted)
