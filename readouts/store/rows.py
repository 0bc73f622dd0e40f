"""A record as table rows, and the writing of one document's rows in one transaction.

``normalise`` is the single definition of how a readouts/1 record maps onto the tables; ingest writes
what it returns and ``Store.verify`` compares the stored rows with it. Rows refer to their engagement by
position in the record; the writer swaps positions for the database keys it gets back.

Derived values, computed here once rather than at every query:
- an engagement's ``day`` (its date, else the document's publication date), which statements and
  events of the engagement share; items outside any engagement take the publication date;
- the engagement an event belongs to: its statement's engagement, else (an event of the readout itself)
  the first engagement whose sides include both its source and its target;
- per engagement the number and sum of Goldstein scores of its events, and their mean.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, delete, insert, update

from ..model import Record
from . import schema

__all__ = ["Rows", "delete_document", "normalise", "surname_key", "write_record", "write_records"]

Rows = dict[str, list[dict[str, Any]]]


def surname_key(name: str | None) -> str | None:
    """The lower-case surname of a person's name: the known surname for a person of the knowledge
    ("Wang Yi" -> "wang"), else the last word."""
    if not name:
        return None
    from ..knowledge import load_knowledge

    person = load_knowledge().person_forms.get(name.lower())
    if person is not None and person.surname:
        return person.surname.lower()
    parts = name.split()
    return parts[-1].lower() if parts else None


def _lower(s: str | None) -> str | None:
    return s.lower() if s else None


def normalise(rec: Record) -> Rows:
    """The rows of one record, per table (``engagement`` = the engagement's position, or None)."""
    doc = rec.document
    published = doc.published
    rows: Rows = {t.name: [] for t in schema.CHILD_TABLES}
    eng_index: dict[str, int] = {}
    sides_of: list[set[str]] = []
    days: list[str | None] = []
    for i, e in enumerate(rec.engagements):
        eng_index.setdefault(e.id, i)
        day = e.date or published
        days.append(day)
        sides = {p.affiliation for p in e.participants if p.affiliation}
        sides_of.append(sides)
        rows["engagements"].append({
            "engagement": i, "eid": e.id, "position": i, "type": e.type, "modality": e.modality, "date": e.date,
            "date_text": e.date_text, "location": e.location, "initiator": e.initiator, "day": day,
            "span_start": e.span[0], "span_end": e.span[1], "n_events": 0, "goldstein_sum": 0.0,
            "mean_goldstein": None})
        for k, p in enumerate(e.participants):
            rows["participants"].append({
                "engagement": i, "position": k, "name": p.name, "name_key": _lower(p.name),
                "surname_key": surname_key(p.name), "title": p.title, "affiliation": p.affiliation,
                "role": p.role, "span_start": p.span[0], "span_end": p.span[1]})
        for side in sorted(sides):
            rows["engagement_sides"].append({"engagement": i, "side": side})
        for k, t in enumerate(e.topics):
            topic = (t.model_extra or {}).get("topic")
            rows["topics"].append({
                "engagement": i, "position": k, "label": t.label, "label_key": t.label.lower(),
                "topic": topic, "topic_key": _lower(topic), "span_start": t.span[0], "span_end": t.span[1]})
        for k, a in enumerate(e.agreements):
            rows["agreements"].append({
                "engagement": i, "position": k, "text": a.text, "parties": json.dumps(list(a.parties)),
                "span_start": a.span[0], "span_end": a.span[1]})
    stmt_eng: dict[str, int | None] = {}
    for k, s in enumerate(rec.statements):
        ei = eng_index.get(s.engagement) if s.engagement else None
        stmt_eng.setdefault(s.id, ei)
        rows["statements"].append({
            "engagement": ei, "sid": s.id, "position": k, "speaker": s.speaker, "speaker_key": _lower(s.speaker),
            "affiliation": s.affiliation, "cue": s.cue, "text": s.text, "engagement_id": s.engagement,
            "stance": s.stance, "span_start": s.span[0], "span_end": s.span[1],
            "day": days[ei] if ei is not None else published})
    for k, ev in enumerate(rec.events):
        ei = None
        if ev.statement is not None:
            ei = stmt_eng.get(ev.statement)
        elif ev.target is not None:
            ei = next((i for i, sides in enumerate(sides_of) if ev.source in sides and ev.target in sides), None)
        if ei is not None:
            eng = rows["engagements"][ei]
            eng["n_events"] += 1
            eng["goldstein_sum"] += ev.goldstein
        rows["events"].append({
            "engagement": ei, "position": k, "source": ev.source, "target": ev.target, "cameo": ev.cameo,
            "goldstein": ev.goldstein, "quad_class": ev.quad_class, "statement": ev.statement,
            "source_cameo": ev.source_cameo, "target_cameo": ev.target_cameo, "plover": ev.plover,
            "plover_mode": ev.plover_mode, "span_start": ev.span[0], "span_end": ev.span[1],
            "day": days[ei] if ei is not None else published})
    for eng in rows["engagements"]:
        if eng["n_events"]:
            eng["mean_goldstein"] = round(eng["goldstein_sum"] / eng["n_events"], 6)
    return rows


def document_row(rec: Record, version: str, ingested_at: str) -> dict[str, Any]:
    doc = rec.document
    return {"id": doc.id, "source": doc.source, "title": doc.title, "publisher": doc.publisher,
            "publisher_side": (doc.model_extra or {}).get("publisher_side"), "published": doc.published,
            "language": doc.language, "extractor_version": version, "ingested_at": ingested_at,
            "n_engagements": len(rec.engagements), "n_statements": len(rec.statements),
            "n_events": len(rec.events), "record": rec.to_json()}


def _db_rows(rows: list[dict[str, Any]], doc_id: str, pks: list[int]) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        r = dict(r)
        ei = r.pop("engagement")
        if "engagement_id" in r:
            r["engagement"] = r.pop("engagement_id")
        r["document_id"] = doc_id
        r["engagement_pk"] = pks[ei] if ei is not None else None
        out.append(r)
    return out


def write_records(conn: Connection, recs: list[Record], version: str, ingested_at: str) -> None:
    """Write several new records' rows on ``conn`` with one insert per table (the caller holds the
    transaction, so the documents are stored together or not at all, never in part). A document already
    stored raises ``IntegrityError``."""
    if not recs:
        return
    conn.execute(insert(schema.documents), [document_row(r, version, ingested_at) for r in recs])
    per = [(r.document.id, normalise(r)) for r in recs]
    e = schema.engagements
    eng_rows = [{k: v for k, v in r.items() if k != "engagement"} | {"document_id": doc_id}
                for doc_id, rows in per for r in rows["engagements"]]
    keys: list[int] = []
    if eng_rows:
        keys = [r[0] for r in conn.execute(insert(e).returning(e.c.pk, sort_by_parameter_order=True), eng_rows)]
    tables = (schema.participants, schema.engagement_sides, schema.topics, schema.agreements, schema.statements,
              schema.events)
    children: dict[str, list[dict[str, Any]]] = {t.name: [] for t in tables}
    used = 0
    for doc_id, rows in per:
        pks = keys[used:used + len(rows["engagements"])]
        used += len(pks)
        for t in tables:
            children[t.name].extend(_db_rows(rows[t.name], doc_id, pks))
    for t in tables:
        if children[t.name]:
            conn.execute(insert(t), children[t.name])


def write_record(conn: Connection, rec: Record, version: str, ingested_at: str, replace: bool = False) -> None:
    """Write one record's rows on ``conn`` (the caller holds the transaction). With ``replace`` the
    document's old rows are deleted first and its document row updated; otherwise inserting a document
    already stored raises ``IntegrityError``."""
    doc_id = rec.document.id
    rows = normalise(rec)
    drow = document_row(rec, version, ingested_at)
    if replace:
        delete_document(conn, doc_id, keep_document=True)
        drow.pop("ingested_at")
        conn.execute(update(schema.documents).where(schema.documents.c.id == doc_id).values(**drow))
    else:
        conn.execute(insert(schema.documents), [drow])
    pks: list[int] = []
    if rows["engagements"]:
        e = schema.engagements
        eng_rows = [{k: v for k, v in r.items() if k != "engagement"} | {"document_id": doc_id}
                    for r in rows["engagements"]]
        result = conn.execute(insert(e).returning(e.c.pk, sort_by_parameter_order=True), eng_rows)
        pks = [r[0] for r in result]
    for table in (schema.participants, schema.engagement_sides, schema.topics, schema.agreements,
                  schema.statements, schema.events):
        if rows[table.name]:
            conn.execute(insert(table), _db_rows(rows[table.name], doc_id, pks))


def delete_document(conn: Connection, doc_id: str, keep_document: bool = False) -> None:
    """Delete a document's rows (children first; the document row too unless ``keep_document``)."""
    for table in schema.CHILD_TABLES:
        conn.execute(delete(table).where(table.c.document_id == doc_id))
    if not keep_document:
        conn.execute(delete(schema.documents).where(schema.documents.c.id == doc_id))
