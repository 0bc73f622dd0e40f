"""Readouts of one engagement: found at ingest, kept as pairs, read back as groups.

Each side publishes its own readout of a meeting. When a document is written, ``link`` compares it with
the stored documents that could report the same engagement — an engagement sharing at least two of its
sides, dated within a day of it (or undated on either side; the date used is the engagement's own, else the
publication date), from another publisher or publishing side — by ``readouts.compare.same_engagement``
(cheap: participants, dates, modality, location; no embeddings), and records each pair it calls the same in
``engagement_pairs``, in the writer's transaction. ``groups`` reads the pairs back as groups: the connected
components of the pairs, two or more documents each, with the engagement they report.

The candidate query is driven by indexes: the engagements of a few days around the new one
(``ix_engagements_day_doc``), then their sides (``ux_engagement_sides``); only an undated document (no date
in the text, no publication date) is compared with every stored engagement of its sides.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Connection, delete, func, insert, or_, select, text

from ..model import Record
from . import filters as flt
from .schema import documents as D
from .schema import engagement_pairs as EP
from .schema import engagement_sides as ES
from .schema import engagements as E

__all__ = ["FILTERS", "MIGRATION", "backfill", "component", "groups", "link", "unlink"]

log = logging.getLogger("readouts")

MIGRATION = "0003_engagement_pairs"  # the step that adds the table
FILTERS = frozenset({"since", "until", "side", "affiliation", "document"})
_PG_LOCK = 4_242_018  # advisory lock: one writer at a time looks for pairs, so two sides' readouts written
#                       at the same moment by two writers still meet (the second sees the first committed)
_WINDOW = 2  # days around the new engagement's date (own or published) that the query reads
_SAME_DAY = 1  # two own dates further apart than this are not one engagement
_IN_CHUNK = 2000


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _sides(e: Any) -> list[str]:
    return sorted({p.affiliation for p in e.participants if p.affiliation})


def _norm(s: str | None) -> str:
    return " ".join((s or "").lower().split())


def distinct_sources(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    """Whether two documents, as (publisher, publishing side), come from different publishers: by name when
    both name one, else by side when both sides are known; when neither can tell, they may."""
    (pa, sa), (pb, sb) = a, b
    if _norm(pa) and _norm(pb):
        return _norm(pa) != _norm(pb)
    if sa and sb:
        return sa != sb
    return True


def _pairable(rec: Record) -> bool:
    """Whether the engagement a record reports names two sides or more (else nothing can pair with it)."""
    from ..compare import primary_engagement

    e = primary_engagement(rec)
    return e is not None and len(_sides(e)) >= 2


def _candidates(conn: Connection, rec: Record) -> dict[str, tuple[str, str]]:
    """Other stored documents with an engagement that may be the one ``rec`` reports (its primary
    engagement, the one ``same_engagement`` judges): doc id -> (engagement id in ``rec``, engagement id in
    that document), the first such match."""
    from ..compare import primary_engagement

    doc = rec.document
    found: dict[str, tuple[str, str]] = {}
    e = primary_engagement(rec)  # the engagement same_engagement judges
    sides = _sides(e) if e is not None else []
    if e is None or len(sides) < 2:
        return found
    shared = (select(func.count()).select_from(ES)
              .where(ES.c.engagement_pk == E.c.pk, ES.c.side.in_(sides)).scalar_subquery())
    q = select(E.c.document_id, E.c.eid, E.c.date).where(E.c.document_id != doc.id, shared >= 2)
    own = _date(e.date)
    day = own or _date(doc.published)
    if day is not None:
        lo, hi = (day + dt.timedelta(days=d) for d in (-_WINDOW, _WINDOW))
        q = q.where(or_(E.c.day.between(lo.isoformat(), hi.isoformat()), E.c.day.is_(None)))
    else:
        q = q.where(E.c.pk.in_(select(ES.c.engagement_pk).where(ES.c.side.in_(sides))))
    for r in conn.execute(q):
        theirs = _date(r.date)
        if own is not None and theirs is not None and abs((own - theirs).days) > _SAME_DAY:
            continue
        found.setdefault(r.document_id, (e.id, r.eid))
    return found


def _verdict(v: Any) -> tuple[bool, float, list[str]]:
    """(same, score, reasons) of what ``same_engagement`` answers (an object or a dict)."""
    get = v.get if isinstance(v, dict) else (lambda k, d=None: getattr(v, k, d))
    return bool(get("same", False)), float(get("score", 0.0) or 0.0), [str(r) for r in (get("reasons", None) or [])]


def _judge(rec: Record) -> Callable[[Record, Record], Any]:
    """``same_engagement`` for pairs that include ``rec``, reading ``rec``'s evidence once: through
    ``readouts.compare.engagement``'s ``view`` and ``judge`` when it has them (made for a store that compares
    one record with many), else ``same_engagement`` itself."""
    from ..compare import same_engagement

    try:
        from ..compare.engagement import judge, view
    except ImportError:  # pragma: no cover - an engagement module without them
        return same_engagement
    mine = view(rec)

    def decide(a: Record, b: Record) -> Any:
        return judge(mine if a is rec else view(a), mine if b is rec else view(b))

    return decide


def link(conn: Connection, rec: Record, now: str, *, replace: bool = False,
         skip: Iterable[str] = ()) -> int:
    """Compare a written document with its candidates and record the pairs that report one engagement.
    ``replace`` first drops the document's pairs (it was re-extracted); documents in ``skip`` were compared
    with it already. Returns the number of pairs recorded."""
    doc_id = rec.document.id
    if replace:
        unlink(conn, doc_id)
    if not _pairable(rec):
        return 0
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
    skipped = set(skip)
    cands = {k: v for k, v in _candidates(conn, rec).items() if k not in skipped}
    if not cands:
        return 0
    mine = (rec.document.publisher, (rec.document.model_extra or {}).get("publisher_side"))
    judge = _judge(rec)
    n = 0
    for r in conn.execute(select(D.c.id, D.c.publisher, D.c.publisher_side, D.c.record)
                          .where(D.c.id.in_(sorted(cands))).order_by(D.c.id)):
        if not distinct_sources(mine, (r.publisher, r.publisher_side)):
            continue
        other = Record.model_validate_json(r.record)
        mine_eng, their_eng = cands[r.id]
        (a, ea), (b, eb) = sorted([(rec, mine_eng), (other, their_eng)], key=lambda x: x[0].document.id)
        try:
            same, score, reasons = _verdict(judge(a, b))
        except Exception:  # a fault of the comparison never loses the document being written
            log.exception("same_engagement failed on %s and %s", a.document.id, b.document.id)
            continue
        if not same:
            continue
        conn.execute(insert(EP).values(doc_a=a.document.id, doc_b=b.document.id, eng_a=ea, eng_b=eb,
                                       score=round(score, 6), reasons=json.dumps(reasons, ensure_ascii=False),
                                       created_at=now))
        n += 1
    return n


def unlink(conn: Connection, doc_id: str) -> None:
    """Drop the pairs of a document."""
    conn.execute(delete(EP).where(or_(EP.c.doc_a == doc_id, EP.c.doc_b == doc_id)))


def backfill(conn: Connection, now: str) -> int:
    """Find the pairs among the documents already stored (the migration that adds the table runs this)."""
    ids = [r[0] for r in conn.execute(select(D.c.id).order_by(D.c.ingested_at, D.c.id))]
    done: set[str] = set()
    n = 0
    for doc_id in ids:
        raw = conn.execute(select(D.c.record).where(D.c.id == doc_id)).scalar()
        if raw is not None:
            n += link(conn, Record.model_validate_json(raw), now, skip=done)
        done.add(doc_id)
    return n


def component(conn: Connection, doc_id: str) -> set[str]:
    """The documents linked to ``doc_id`` through pairs, itself included."""
    seen, frontier = {doc_id}, {doc_id}
    while frontier:
        part = sorted(frontier)
        found = {x for r in conn.execute(select(EP.c.doc_a, EP.c.doc_b).where(
            or_(EP.c.doc_a.in_(part), EP.c.doc_b.in_(part)))) for x in r}
        frontier = found - seen
        seen |= frontier
    return seen


def _chunks(seq: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(seq), _IN_CHUNK):
        yield seq[i:i + _IN_CHUNK]


def _components(pairs: list[Any]) -> list[list[Any]]:
    """The pairs grouped by connected component (union-find over document ids)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        ra, rb = find(p.doc_a), find(p.doc_b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    out: dict[str, list[Any]] = {}
    for p in pairs:
        out.setdefault(find(p.doc_a), []).append(p)
    return list(out.values())


def _most(values: list[str | None], vague: str) -> str:
    """The most frequent value other than ``vague`` (ties: the first seen), else ``vague``."""
    counts = Counter(v for v in values if v and v != vague)
    return counts.most_common(1)[0][0] if counts else vague


def groups(conn: Connection, **filters: Any) -> list[dict[str, Any]]:
    """The groups of documents reporting one engagement, newest engagement first. Filters: ``since``,
    ``until`` (the engagement's date), ``side`` (a side taking part, code or name), ``document`` (the group
    holding this document)."""
    unknown = sorted(set(filters) - FILTERS)
    if unknown:
        raise ValueError(f"unknown filter{'s' if len(unknown) > 1 else ''} for pairs: {', '.join(unknown)} "
                         f"(known: {', '.join(sorted(FILTERS - {'affiliation'}))})")
    f = flt.check_filters("engagements", filters)
    q = select(EP).order_by(EP.c.doc_a, EP.c.doc_b)
    if "document" in f:
        members = sorted(component(conn, f["document"]))
        q = q.where(EP.c.doc_a.in_(members))
    pairs = list(conn.execute(q))
    if not pairs:
        return []
    ids = sorted({x for p in pairs for x in (p.doc_a, p.doc_b)})
    docs: dict[str, dict[str, Any]] = {}
    engs: dict[tuple[str, str], dict[str, Any]] = {}
    pks: dict[int, tuple[str, str]] = {}
    for part in _chunks(ids):
        for d in conn.execute(select(D.c.id, D.c.source, D.c.title, D.c.publisher, D.c.publisher_side,
                                     D.c.published).where(D.c.id.in_(part))):
            docs[d.id] = {"id": d.id, "source": d.source, "title": d.title, "publisher": d.publisher,
                          "publisher_side": d.publisher_side, "published": d.published}
        for e in conn.execute(select(E.c.pk, E.c.document_id, E.c.eid, E.c.date, E.c.day, E.c.type, E.c.modality)
                              .where(E.c.document_id.in_(part))):
            key = (e.document_id, e.eid)
            if key not in engs:  # the first engagement of that id in its document
                engs[key] = {"date": e.date, "day": e.day, "type": e.type, "modality": e.modality, "sides": []}
                pks[e.pk] = key
        for es in conn.execute(select(ES.c.engagement_pk, ES.c.side).join(E, E.c.pk == ES.c.engagement_pk)
                               .where(E.c.document_id.in_(part)).order_by(ES.c.engagement_pk, ES.c.side)):
            if es.engagement_pk in pks:
                engs[pks[es.engagement_pk]]["sides"].append(es.side)
    side = flt.resolve_side(f["side"]) or f["side"] if "side" in f else None
    out = []
    for comp in _components(pairs):
        members = sorted({x for p in comp for x in (p.doc_a, p.doc_b)})
        matched: dict[str, dict[str, Any]] = {}
        for p in comp:
            for d, e in ((p.doc_a, p.eng_a), (p.doc_b, p.eng_b)):
                if (d, e) in engs:
                    matched.setdefault(d, engs[(d, e)])
        ms = list(matched.values())
        own = sorted(e["date"] for e in ms if _date(e["date"]))
        days = sorted(e["day"] for e in ms if _date(e["day"]))
        seen = Counter(s for e in ms for s in set(e["sides"]))
        engagement: dict[str, Any] = {"date": own[0] if own else days[0] if days else None,
                      "type": _most([e["type"] for e in ms], "other"),
                      "modality": _most([e["modality"] for e in ms], "unknown"),
                      "sides": sorted(s for s, n in seen.items() if n >= 2 or len(ms) < 2)}
        day = engagement["date"]
        if "since" in f and (day is None or day < f["since"]):
            continue
        if "until" in f and (day is None or day > f["until"]):
            continue
        if side is not None and side not in engagement["sides"]:
            continue
        reasons: list[str] = []
        for p in comp:
            for r in json.loads(p.reasons):
                if r not in reasons:
                    reasons.append(r)
        documents = sorted((docs[m] for m in members if m in docs),
                           key=lambda d: (d["published"] is None, d["published"] or "", d["id"]))
        out.append({"documents": documents, "engagement": engagement,
                    "score": round(min(p.score for p in comp), 6), "reasons": reasons,
                    "pairs": [{"a": p.doc_a, "b": p.doc_b, "score": p.score, "reasons": json.loads(p.reasons)}
                              for p in comp]})
    out.sort(key=lambda g: (g["engagement"]["date"] or ""), reverse=True)
    out.sort(key=lambda g: g["engagement"]["date"] is None)
    return out
