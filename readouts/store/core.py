"""The store: open a database, ingest records into it, and query it.

``open_store(url)`` takes a file path or ``sqlite:///...`` URL (SQLite, the embedded default) or a
``postgresql://`` URL (PostgreSQL through psycopg 3), creates and migrates the schema, and returns a
``Store``. Writing: each document is written in one transaction, keyed by the sha256 of its text, which
is computed before extraction so a stored document is skipped without being extracted again. Reading:
every method returns plain JSON-ready dicts and lists (the row shapes are documented in docs/store.md).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import multiprocessing
import os
import queue
import sys
import threading
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Engine,
    Select,
    create_engine,
    event,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import IntegrityError

from ..config import Config
from ..errors import InputError
from ..model import Record, document_id
from . import filters as flt
from . import fulltext, migrations, rows
from . import pairs as pairing
from .schema import agreements as A
from .schema import documents as D
from .schema import engagement_sides as ES
from .schema import engagements as E
from .schema import events as V
from .schema import participants as P
from .schema import statements as S
from .schema import topics as T

__all__ = ["IngestResult", "Store", "extractor_version", "open_store", "store_url"]

log = logging.getLogger("readouts")

MODALITIES = ("phone", "video", "in_person", "written", "unknown")
_BATCH = 64  # documents per extraction batch (and per look-up of already stored ids)
_WRITE_BATCH = 32  # documents written together in one transaction, at most
_PROCESS_WRITER_MIN = 64  # from this many inputs on (or when unknown), the writer is a process of its own
_IN_CHUNK = 2000  # keys per IN (...) list


@dataclass
class IngestResult:
    """What an ingest or reprocess run did: documents added, skipped (already stored), failed."""

    added: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def fail(self, message: str) -> None:
        self.failed += 1
        self.errors.append(message)

    def __str__(self) -> str:
        return f"added {self.added}, skipped {self.skipped}, failed {self.failed}"


_VERSION: str | None = None


def extractor_version() -> str:
    """``<package version>+<digest>``: the digest is a short hash of the shipped knowledge files, so a
    change of knowledge makes the stored documents stale."""
    global _VERSION
    if _VERSION is None:
        from .. import __version__

        h = hashlib.sha256()
        folder = resources.files("readouts.knowledge")
        for f in sorted(folder.iterdir(), key=lambda p: p.name):
            if f.name.endswith((".yaml", ".tsv")):
                h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
        _VERSION = f"{__version__}+{h.hexdigest()[:12]}"
    return _VERSION


def store_url(url: str | Path) -> URL:
    """The SQLAlchemy URL of a store: a plain path is a SQLite file; ``postgresql://`` and
    ``postgres://`` use the psycopg 3 driver."""
    s = str(url)
    if "://" not in s:
        return URL.create("sqlite", database=str(Path(s).expanduser()))
    u = make_url(s)
    if u.drivername in ("postgresql", "postgres"):
        u = u.set(drivername="postgresql+psycopg")
    return u


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        # transactions are begun explicitly (below), so a document's inserts are one transaction and
        # DDL is transactional too
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")


def _postgresql_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        # A commit returns before its WAL record is flushed to disk, as SQLite's synchronous=NORMAL does:
        # a crash of the server's machine may lose the last documents committed (ingesting again adds
        # them back), but never leaves part of one, since each document is still one transaction. It
        # saves an fsync per document, most of what storing costs over extraction.
        with dbapi_conn.cursor() as cur:
            cur.execute("SET synchronous_commit TO off")
        dbapi_conn.commit()


def open_store(url: str | Path, *, migrate: bool = True) -> Store:
    """Open (creating and migrating unless ``migrate=False``) the store at ``url``."""
    u = store_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(u)
        _sqlite_setup(engine)
    elif u.get_backend_name() == "postgresql":
        engine = create_engine(u, pool_pre_ping=True)
        _postgresql_setup(engine)
    else:
        raise ValueError(f"unsupported database {u.get_backend_name()!r}: use a SQLite path or a postgresql:// URL")
    if migrate:
        try:
            migrations.upgrade(engine)
        except Exception:
            engine.dispose()
            raise
    return Store(engine)


def _chunks(seq: Sequence[Any], n: int = _IN_CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


def _page(items: list[Any], total: int, limit: int | None, offset: int) -> dict[str, Any]:
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def _span(a: Any, b: Any) -> list[int] | None:
    return [a, b] if a is not None and b is not None else None


class Store:
    """A database of readouts/1 records. Use ``open_store`` to get one; close it (or use ``with``)."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.dialect: str = engine.dialect.name

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Store {self.engine.url.render_as_string(hide_password=True)}>"

    def migrations(self) -> list[str]:
        """The migration steps recorded in this store, in order."""
        return migrations.applied(self.engine)

    # ------------------------------------------------------------------ writing
    def ingest_paths(self, paths: Iterable[str | Path], config: Config | None = None, progress: bool = False,
                     published: str | None = None) -> IngestResult:
        """Ingest files and folders (.txt, .md, .html, .jsonl, as ``readouts extract`` reads them).
        ``published`` dates the documents whose input gives no publication date."""
        from ..io import iter_folder, read_path, read_stdin

        result = IngestResult()
        files: list[Path] = []
        for p in paths:
            path = Path(p)
            if str(p) == "-":  # standard input: JSON lines, HTML or one text
                files.append(path)
            elif path.is_dir():
                found = iter_folder(path)
                if not found:
                    result.fail(f"{path}: no .txt, .md, .html or .jsonl files in this folder")
                files.extend(found)
            else:
                files.append(path)

        def items(advance: Callable[[], None]) -> Iterator[tuple[str, dict[str, Any]]]:
            for f in files:
                try:
                    docs = read_stdin(sys.stdin.buffer.read()) if str(f) == "-" else read_path(f)
                except InputError as e:
                    result.fail(str(e))
                except Exception as e:  # one unreadable file never stops the run
                    result.fail(f"{f}: cannot read ({type(e).__name__}: {e})")
                else:
                    for text, ctx in docs:
                        if published and not ctx.get("published"):
                            ctx["published"] = published
                        yield text, ctx
                advance()

        return self._ingest(items, len(files), config, progress, result)

    def ingest_items(self, items: Iterable[str | tuple[str, dict[str, Any]]], config: Config | None = None,
                     progress: bool = False) -> IngestResult:
        """Ingest texts or ``(text, context)`` tuples, as ``readouts.extract_many`` takes them."""
        total = len(items) if isinstance(items, Sequence) else None

        result = IngestResult()

        def pairs(advance: Callable[[], None]) -> Iterator[tuple[str, dict[str, Any]]]:
            for it in items:
                text, ctx = (it[0], dict(it[1] or {})) if isinstance(it, tuple) else (it, {})
                try:
                    _check_text(text, str(ctx.get("source") or ctx.get("id") or "<input>"))
                except InputError as e:
                    result.fail(str(e))
                else:
                    yield text, ctx
                advance()

        return self._ingest(pairs, total, config, progress, result)

    def ingest_records(self, records: Iterable[Record]) -> IngestResult:
        """Store records already extracted (a record with an ``error`` is counted failed)."""
        result = IngestResult()
        version, now = extractor_version(), _now()
        link = self._pairing()
        batch: list[Record] = []
        with self.engine.connect() as conn:
            for rec in records:
                batch.append(rec)
                if len(batch) == _WRITE_BATCH:
                    self._store_batch(batch, version, now, result, conn, link=link)
                    batch = []
            self._store_batch(batch, version, now, result, conn, link=link)
        return result

    def _store_batch(self, recs: list[Record], version: str, now: str, result: IngestResult, conn: Any,
                     link: bool = True) -> None:
        """Store records together in one transaction (one insert per table for all of them: far fewer
        round trips and commits than one transaction each), then pair each with what is stored; if one
        is stored already (another writer, or twice in the batch), store them one by one instead."""
        good = []
        for rec in recs:
            err = rec.__dict__.get("error")
            if err:
                result.fail(f"{rec.document.source or '<input>'}: {err}")
            else:
                good.append(rec)
        if len(good) <= 1:
            for rec in good:
                self._store(rec, version, now, result, conn, link=link)
            return
        try:
            with conn.begin():
                rows.write_records(conn, good, version, now)
                if link:
                    done: set[str] = set()
                    for rec in good:  # each pair once: a document skips the batch's documents paired before it
                        pairing.link(conn, rec, now, skip=done)
                        done.add(rec.document.id)
        except IntegrityError:
            for rec in good:
                self._store(rec, version, now, result, conn, link=link)
            return
        result.added += len(good)

    def _process_writer_fits(self, total: int | None) -> bool:
        """Whether to write in a process of its own: worth its start-up (~1 s, overlapped with the first
        extraction batch) for larger ingests, and possible only for a store another process can open."""
        if total is not None and total < _PROCESS_WRITER_MIN:
            return False
        if "fork" not in multiprocessing.get_all_start_methods():
            return False
        u = self.engine.url
        return u.get_backend_name() == "postgresql" or bool(u.database and u.database != ":memory:")

    def _pairing(self) -> bool:
        """Whether the store has the table of engagement pairs (a store opened with ``migrate=False`` may be
        older): documents written without it are paired by the migration that adds it."""
        return pairing.MIGRATION in migrations.applied(self.engine)

    def _existing(self, ids: Sequence[str]) -> set[str]:
        with self.engine.connect() as conn:
            return {r[0] for part in _chunks(ids) for r in conn.execute(select(D.c.id).where(D.c.id.in_(part)))}

    def _store(self, rec: Record, version: str, now: str, result: IngestResult, conn: Any = None,
               link: bool = True) -> None:
        err = rec.__dict__.get("error")
        if err:
            result.fail(f"{rec.document.source or '<input>'}: {err}")
            return
        try:
            if conn is None:
                with self.engine.begin() as c:
                    rows.write_record(c, rec, version, now)
                    if link:
                        pairing.link(c, rec, now)
            else:
                with conn.begin():
                    rows.write_record(conn, rec, version, now)
                    if link:
                        pairing.link(conn, rec, now)
        except IntegrityError:
            # stored meanwhile by another writer: the same text, so the same record
            result.skipped += 1
            return
        result.added += 1

    def _ingest(self, source: Callable[[Callable[[], None]], Iterator[tuple[str, dict[str, Any]]]],
                total: int | None, config: Config | None, progress: bool, result: IngestResult) -> IngestResult:
        """Read, skip what is stored, extract in batches, and hand each record to a writer thread that
        stores it in its own transaction: the database's round trips overlap the next extraction."""
        from ..pipeline import extract_many

        cfg = config or Config()
        version, now = extractor_version(), _now()
        link = self._pairing()
        seen: set[str] = set()
        writer_kind = _ProcessWriter if self._process_writer_fits(total) else _Writer
        with _progress(progress, "ingesting", total) as advance, writer_kind(self, version, now, link) as writer:
            buf: list[tuple[str, dict[str, Any]]] = []

            def flush() -> None:
                ids = [document_id(t) for t, _ in buf]
                stored = self._existing(ids)
                todo = []
                for (text, ctx), doc in zip(buf, ids, strict=True):
                    if doc in stored or doc in seen:
                        result.skipped += 1
                        continue
                    seen.add(doc)
                    todo.append((text, ctx))
                if todo:
                    for rec in extract_many(todo, batch_size=min(len(todo), cfg.batch_size), config=cfg):
                        if rec.__dict__.get("error"):
                            self._store(rec, version, now, result, link=link)
                        else:
                            writer.put(rec)
                buf.clear()

            for pair in source(advance):
                buf.append(pair)
                if len(buf) >= _BATCH:
                    flush()
            if buf:
                flush()
        result.added += writer.result.added
        result.skipped += writer.result.skipped
        return result

    def stale(self) -> list[str]:
        """Ids of the documents extracted by another extractor version than this one."""
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(select(D.c.id).where(D.c.extractor_version != extractor_version())
                                               .order_by(D.c.ingested_at, D.c.id))]

    def reprocess(self, config: Config | None = None, progress: bool = False) -> IngestResult:
        """Re-extract the stale documents from their stored text and context (source, title, publisher,
        published), replacing each one's rows in one transaction. A document whose extraction now fails
        keeps its old record and counts as failed."""
        from ..pipeline import extract_many

        cfg = config or Config()
        result = IngestResult()
        ids = self.stale()
        version, now = extractor_version(), _now()
        link = self._pairing()
        with _progress(progress, "reprocessing", len(ids)) as advance:
            for part in _chunks(ids, _BATCH):
                todo = []
                for doc_id in part:
                    rec = self.get_record(doc_id)
                    if rec is None:
                        continue
                    d = rec.document
                    ctx = {k: v for k, v in (("source", d.source), ("title", d.title), ("publisher", d.publisher),
                                             ("published", d.published)) if v is not None}
                    todo.append((d.text, ctx))
                for rec in extract_many(todo, batch_size=min(len(todo), cfg.batch_size) or 1, config=cfg):
                    err = rec.__dict__.get("error")
                    if err:
                        result.fail(f"{rec.document.source or rec.document.id}: {err}")
                    else:
                        with self.engine.begin() as conn:
                            rows.write_record(conn, rec, version, now, replace=True)
                            if link:
                                pairing.link(conn, rec, now, replace=True)
                        result.added += 1
                    advance()
        return result

    def delete(self, doc_id: str) -> bool:
        """Delete a document and its rows; False when it was not stored."""
        with self.engine.begin() as conn:
            found = conn.execute(select(D.c.id).where(D.c.id == doc_id)).first() is not None
            if found:
                rows.delete_document(conn, doc_id)  # its pairs go with it (ON DELETE CASCADE)
        return found

    # ------------------------------------------------------------------ readouts of one engagement
    def pairs(self, **filters: Any) -> list[dict[str, Any]]:
        """Groups of stored documents that report one engagement (two or more, from different publishers),
        newest engagement first: ``{"documents": [{"id", "source", "title", "publisher", "publisher_side",
        "published"}, ...], "engagement": {"date", "type", "modality", "sides"}, "score", "reasons",
        "pairs": [{"a", "b", "score", "reasons"}]}``; ``score`` is the lowest of its pairs'. Filters:
        ``since``, ``until`` (the engagement's date), ``side``, ``document``."""
        with self.engine.connect() as conn:
            return pairing.groups(conn, **filters)

    def pairs_of(self, doc_id: str) -> list[dict[str, Any]]:
        """The other documents of the group a document belongs to (empty when it has none), each a
        document of ``pairs()`` with the ``score`` and ``reasons`` of its pair with ``doc_id`` (None when
        they are grouped through a third document)."""
        found = self.pairs(document=doc_id)
        if not found:
            return []
        group = found[0]
        direct = {(p["b"] if p["a"] == doc_id else p["a"]): p for p in group["pairs"] if doc_id in (p["a"], p["b"])}
        return [{**d, "score": direct[d["id"]]["score"] if d["id"] in direct else None,
                 "reasons": direct[d["id"]]["reasons"] if d["id"] in direct else None}
                for d in group["documents"] if d["id"] != doc_id]

    def compare(self, a_id: str, b_id: str, embedder: Any = None) -> Any:
        """``readouts.compare.compare`` of two stored documents (a ``Comparison``; ``.to_dict()`` is its
        JSON), or None when either id is not stored. ``embedder`` None loads the best available."""
        from ..compare import compare

        a, b = self.get_record(a_id), self.get_record(b_id)
        if a is None or b is None:
            return None
        return compare(a, b, embedder=embedder)

    def verify(self, doc_ids: Iterable[str] | None = None) -> list[str]:
        """Ids of documents whose stored rows differ from what their stored record normalises to
        (empty for a sound store): the check that no document was half written."""
        bad = []
        with self.engine.connect() as conn:
            ids = list(doc_ids) if doc_ids is not None else [r[0] for r in conn.execute(select(D.c.id))]
            for doc_id in ids:
                raw = conn.execute(select(D.c.record).where(D.c.id == doc_id)).scalar()
                if raw is None:
                    bad.append(doc_id)
                    continue
                want = rows.normalise(Record.model_validate_json(raw))
                if self._stored_rows(conn, doc_id) != {k: _comparable(v) for k, v in want.items()}:
                    bad.append(doc_id)
        return bad

    def _stored_rows(self, conn: Any, doc_id: str) -> dict[str, list[str]]:
        pos = {r.pk: r.position for r in conn.execute(select(E.c.pk, E.c.position).where(E.c.document_id == doc_id))}
        out = {}
        for table in (E, P, ES, T, A, S, V):
            got = []
            for r in conn.execute(select(table).where(table.c.document_id == doc_id)):
                d = dict(r._mapping)
                d.pop("document_id")
                if table is S:
                    d["engagement_id"] = d.pop("engagement")
                if table is E:
                    d["engagement"] = pos[d.pop("pk")]
                else:
                    d.pop("pk", None)
                    epk = d.pop("engagement_pk")
                    d["engagement"] = pos[epk] if epk is not None else None
                got.append(d)
            out[table.name] = _comparable(got)
        return out

    # ------------------------------------------------------------------ reading: documents
    def counts(self) -> dict[str, int]:
        """How many documents, engagements, statements, events and distinct actors (sides) are stored."""
        with self.engine.connect() as conn:
            def n(q: Any) -> int:
                return int(conn.execute(q).scalar() or 0)
            return {"documents": n(select(func.count()).select_from(D)),
                    "engagements": n(select(func.count()).select_from(E)),
                    "statements": n(select(func.count()).select_from(S)),
                    "events": n(select(func.count()).select_from(V)),
                    "actors": n(select(func.count(ES.c.side.distinct())))}

    def get_record(self, doc_id: str) -> Record | None:
        """The stored readouts/1 record of a document, or None."""
        with self.engine.connect() as conn:
            raw = conn.execute(select(D.c.record).where(D.c.id == doc_id)).scalar()
        return Record.model_validate_json(raw) if raw is not None else None

    def iter_records(self) -> Iterator[Record]:
        """Every stored record, in ingestion order (streamed)."""
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=200).execute(
                select(D.c.record).order_by(D.c.ingested_at, D.c.id))
            for (raw,) in result:
                yield Record.model_validate_json(raw)

    @staticmethod
    def _document_row(r: Any) -> dict[str, Any]:
        return {"id": r.id, "source": r.source, "title": r.title, "publisher": r.publisher,
                "publisher_side": r.publisher_side, "published": r.published, "language": r.language,
                "extractor_version": r.extractor_version, "ingested_at": r.ingested_at,
                "engagements": r.n_engagements, "statements": r.n_statements, "events": r.n_events}

    _DOC_COLS = [c for c in D.c if c.name != "record"]

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        """The summary row of a document (no text), or None."""
        with self.engine.connect() as conn:
            r = conn.execute(select(*self._DOC_COLS).where(D.c.id == doc_id)).first()
        return self._document_row(r) if r is not None else None

    def documents(self, limit: int | None = 50, offset: int = 0, **filters: Any) -> dict[str, Any]:
        """Documents, the most recently published first."""
        f = flt.check_filters("documents", filters)
        where = flt.conditions("documents", f)
        q = select(*self._DOC_COLS).where(*where).order_by(
            D.c.published.desc().nulls_last(), D.c.ingested_at.desc(), D.c.id)
        with self.engine.connect() as conn:
            total = _count(conn, select(D.c.id).where(*where))
            items = [self._document_row(r) for r in conn.execute(_limit(q, limit, offset))]
        return _page(items, total, limit, offset)

    # ------------------------------------------------------------------ reading: engagements
    def _engagement_select(self, where: list[Any]) -> Select[Any]:
        return (select(E, D.c.title.label("document_title"), D.c.source.label("document_source"),
                       D.c.publisher.label("document_publisher"))
                .join(D, D.c.id == E.c.document_id).where(*where))

    def _engagement_rows(self, conn: Any, base: list[Any]) -> list[dict[str, Any]]:
        """Engagement rows with their participants, sides, topics, agreements and speakers."""
        pks = [r.pk for r in base]
        parts: dict[int, list[dict[str, Any]]] = {pk: [] for pk in pks}
        sides: dict[int, list[str]] = {pk: [] for pk in pks}
        tops: dict[int, list[str]] = {pk: [] for pk in pks}
        agrs: dict[int, list[str]] = {pk: [] for pk in pks}
        spk: dict[int, list[str]] = {pk: [] for pk in pks}
        for chunk in _chunks(pks):
            for r in conn.execute(select(P.c.engagement_pk, P.c.name, P.c.title, P.c.affiliation, P.c.role)
                                  .where(P.c.engagement_pk.in_(chunk)).order_by(P.c.engagement_pk, P.c.position)):
                parts[r.engagement_pk].append({"name": r.name, "title": r.title, "affiliation": r.affiliation,
                                               "role": r.role})
            for r in conn.execute(select(ES.c.engagement_pk, ES.c.side).where(ES.c.engagement_pk.in_(chunk))
                                  .order_by(ES.c.engagement_pk, ES.c.side)):
                sides[r.engagement_pk].append(r.side)
            for r in conn.execute(select(T.c.engagement_pk, T.c.label).where(T.c.engagement_pk.in_(chunk))
                                  .order_by(T.c.engagement_pk, T.c.position)):
                tops[r.engagement_pk].append(r.label)
            for r in conn.execute(select(A.c.engagement_pk, A.c.text).where(A.c.engagement_pk.in_(chunk))
                                  .order_by(A.c.engagement_pk, A.c.position)):
                agrs[r.engagement_pk].append(r.text)
            for r in conn.execute(select(S.c.engagement_pk, S.c.speaker).where(S.c.engagement_pk.in_(chunk))
                                  .order_by(S.c.engagement_pk, S.c.position)):
                if r.speaker and r.speaker not in spk[r.engagement_pk]:
                    spk[r.engagement_pk].append(r.speaker)
        return [{"document": r.document_id, "id": r.eid, "type": r.type, "modality": r.modality, "date": r.day,
                 "date_text": r.date_text, "location": r.location, "initiator": r.initiator,
                 "sides": sides[r.pk], "participants": parts[r.pk], "topics": tops[r.pk], "agreements": agrs[r.pk],
                 "speakers": spk[r.pk], "mean_goldstein": r.mean_goldstein, "document_title": r.document_title,
                 "document_source": r.document_source, "publisher": r.document_publisher} for r in base]

    def engagements(self, limit: int | None = 50, offset: int = 0, **filters: Any) -> dict[str, Any]:
        """Engagements, newest first (by their date, else their document's publication date)."""
        where = flt.conditions("engagements", flt.check_filters("engagements", filters))
        return self._engagement_page(where, limit, offset, newest_first=True)

    def _engagement_page(self, where: list[Any], limit: int | None, offset: int,
                         newest_first: bool) -> dict[str, Any]:
        order = ((E.c.day.desc().nulls_last(),) if newest_first else (E.c.day.asc().nulls_last(),))
        q = self._engagement_select(where).order_by(*order, E.c.document_id, E.c.position)
        with self.engine.connect() as conn:
            total = _count(conn, select(E.c.pk).join(D, D.c.id == E.c.document_id).where(*where))
            base = list(conn.execute(_limit(q, limit, offset)))
            items = self._engagement_rows(conn, base)
        return _page(items, total, limit, offset)

    def recent_engagements(self, n: int = 10) -> list[dict[str, Any]]:
        """The ``n`` newest engagements."""
        return list(self.engagements(limit=n)["items"])

    # ------------------------------------------------------------------ reading: statements and events
    @staticmethod
    def _statement_row(r: Any) -> dict[str, Any]:
        return {"document": r.document_id, "id": r.sid, "speaker": r.speaker, "affiliation": r.affiliation,
                "cue": r.cue, "text": r.text, "engagement": r.engagement, "stance": r.stance,
                "span": _span(r.span_start, r.span_end), "date": r.day}

    def _statement_select(self, cols: Sequence[Any], where: list[Any]) -> Select[Any]:
        return (select(*cols).select_from(S).join(D, D.c.id == S.c.document_id)
                .outerjoin(E, E.c.pk == S.c.engagement_pk).where(*where))

    def statements(self, limit: int | None = 50, offset: int = 0, **filters: Any) -> dict[str, Any]:
        """Statements, newest first, in text order within a document."""
        where = flt.conditions("statements", flt.check_filters("statements", filters))
        return self._statement_page(where, limit, offset)

    def _statement_page(self, where: list[Any], limit: int | None, offset: int,
                        terms: fulltext.Terms | None = None) -> dict[str, Any]:
        q = self._statement_select([S], where).order_by(S.c.day.desc().nulls_last(), S.c.document_id, S.c.position)
        with self.engine.connect() as conn:
            total = _count(conn, self._statement_select([S.c.pk], where))
            items = []
            for r in conn.execute(_limit(q, limit, offset)):
                row = self._statement_row(r)
                if terms is not None:
                    row["snippet"] = fulltext.snippet(r.text, terms)
                items.append(row)
        return _page(items, total, limit, offset)

    def search(self, q: str, limit: int | None = 50, offset: int = 0, **filters: Any) -> dict[str, Any]:
        """Statements matching a full-text query (words, all of which must match, and "quoted phrases"),
        newest first, each with a ``snippet``: the text with the hits between « and ». A query with no
        words matches nothing; no query text raises."""
        f = flt.check_filters("statements", filters)
        terms = fulltext.parse(q)
        if not terms:
            return _page([], 0, limit, offset)
        where = [*flt.conditions("statements", f),
                 fulltext.condition(self.dialect, S.c.pk, literal_column("statements.tsv"), terms)]
        return self._statement_page(where, limit, offset, terms)

    @staticmethod
    def _event_row(r: Any) -> dict[str, Any]:
        return {"document": r.document_id, "source": r.source, "target": r.target, "cameo": r.cameo,
                "goldstein": r.goldstein, "quad_class": r.quad_class, "statement": r.statement,
                "source_cameo": r.source_cameo, "target_cameo": r.target_cameo, "plover": r.plover,
                "plover_mode": r.plover_mode, "span": _span(r.span_start, r.span_end), "date": r.day}

    def events(self, limit: int | None = 50, offset: int = 0, **filters: Any) -> dict[str, Any]:
        """Events, newest first, in text order within a document."""
        where = flt.conditions("events", flt.check_filters("events", filters))

        def sel(*cols: Any) -> Select[Any]:
            return (select(*cols).select_from(V).join(D, D.c.id == V.c.document_id)
                    .outerjoin(E, E.c.pk == V.c.engagement_pk)
                    .outerjoin(S, (S.c.document_id == V.c.document_id) & (S.c.sid == V.c.statement)).where(*where))

        q = sel(V).order_by(V.c.day.desc().nulls_last(), V.c.document_id, V.c.position)
        with self.engine.connect() as conn:
            total = _count(conn, sel(V.c.pk))
            items = [self._event_row(r) for r in conn.execute(_limit(q, limit, offset))]
        return _page(items, total, limit, offset)

    # ------------------------------------------------------------------ reading: dyads and actors
    def dyad(self, a: str, b: str, limit: int | None = None, **filters: Any) -> dict[str, Any]:
        """The engagements between two sides (codes or names), oldest first, with a month-by-month
        timeline and a summary. An engagement belongs to the dyad when both sides are among its
        participants' affiliations. ``limit`` caps the list of engagements (the timeline and summary
        always cover them all)."""
        f = flt.check_filters("engagements", filters)
        ca, cb = flt.resolve_side(a) or a.strip(), flt.resolve_side(b) or b.strip()
        where = [*flt.conditions("engagements", f),
                 E.c.pk.in_(select(ES.c.engagement_pk).where(ES.c.side == ca)),
                 E.c.pk.in_(select(ES.c.engagement_pk).where(ES.c.side == cb))]
        page = self._engagement_page(where, limit, 0, newest_first=False)
        months: dict[str, dict[str, Any]] = {}
        initiated: Counter[str] = Counter()
        n_all = n_events = 0
        gsum = 0.0
        first = last = None
        with self.engine.connect() as conn:
            q = (select(E.c.day, E.c.modality, E.c.initiator, E.c.n_events, E.c.goldstein_sum)
                 .join(D, D.c.id == E.c.document_id).where(*where).order_by(E.c.day.asc().nulls_last()))
            for r in conn.execute(q):
                n_all += 1
                n_events += r.n_events
                gsum += r.goldstein_sum
                if r.initiator:
                    initiated[r.initiator] += 1
                if not r.day:
                    continue
                first = r.day if first is None else min(first, r.day)
                last = r.day if last is None else max(last, r.day)
                m = months.setdefault(r.day[:7], {"month": r.day[:7], "engagements": 0,
                                                   "by_modality": dict.fromkeys(MODALITIES, 0),
                                                   "mean_goldstein": None, "events": 0, "_sum": 0.0})
                m["engagements"] += 1
                mod = r.modality if r.modality in m["by_modality"] else "unknown"
                m["by_modality"][mod] += 1
                m["events"] += r.n_events
                m["_sum"] += r.goldstein_sum
        for m in months.values():
            s = m.pop("_sum")
            m["mean_goldstein"] = round(s / m["events"], 4) if m["events"] else None
        summary = {"engagements": n_all, "first": first, "last": last,
                   "mean_goldstein": round(gsum / n_events, 4) if n_events else None,
                   "initiated_by": dict(sorted(initiated.items(), key=lambda kv: (-kv[1], kv[0])))}
        return {"a": ca, "b": cb, "engagements": page["items"], "months": [months[k] for k in sorted(months)],
                "summary": summary}

    def actor(self, name: str, limit: int | None = None, **filters: Any) -> dict[str, Any] | None:
        """A person ("Wang Yi", or a surname: "Stoltenberg") or a side ("CHN", "China"): who they are,
        their engagements (newest first), how many statements, and their counterparts. None when the
        store knows no such actor. ``limit`` caps the list of engagements."""
        f = flt.check_filters("engagements", filters)
        f.pop("actor", None)
        if not name or not name.strip():
            return None
        code = flt.resolve_side(name)
        key = " ".join(name.split()).lower()
        with self.engine.connect() as conn:
            if code is None:
                # a side code the knowledge does not know but the store does (a user's own actors)
                raw = name.strip()
                if conn.execute(select(ES.c.side).where(ES.c.side == raw).limit(1)).first() is not None:
                    code = raw
            if code is not None:
                own = [code]
                titles: list[str] = []
                display = flt.side_name(code)
                kind = "side"
            else:
                seen = list(conn.execute(select(P.c.name, P.c.title, P.c.affiliation).where(
                    or_(P.c.name_key == key, P.c.surname_key == key))))
                if not seen:
                    spoke = conn.execute(select(S.c.speaker).where(S.c.speaker_key == key).limit(1)).first()
                    if spoke is None:
                        return None
                    seen_names = Counter([spoke.speaker])
                    own, titles = [], []
                else:
                    seen_names = Counter(r.name for r in seen if r.name)
                    own = sorted({r.affiliation for r in seen if r.affiliation})
                    titles = [t for t, _ in Counter(r.title for r in seen if r.title).most_common()]
                exact = [n for n in seen_names if n.lower() == key]
                display = exact[0] if exact else seen_names.most_common(1)[0][0]
                kind = "person"
        person_filter: dict[str, Any] = {"actor": code if code is not None else name}
        ef = {**f, **person_filter}
        where = flt.conditions("engagements", ef)
        page = self._engagement_page(where, limit, 0, newest_first=True)
        sf: dict[str, Any] = {k: v for k, v in f.items() if k in ("since", "until", "modality", "type", "initiator", "topic",
                                                  "publisher", "document")}
        n_statements = self.statements(limit=0, **sf, **person_filter)["total"]
        with self.engine.connect() as conn:
            matched = select(E.c.pk).join(D, D.c.id == E.c.document_id).where(*where)
            q = (select(ES.c.side, func.count().label("n")).where(ES.c.engagement_pk.in_(matched))
                 .group_by(ES.c.side))
            counterparts = sorted(({"side": r.side, "engagements": int(r.n)} for r in conn.execute(q)
                                   if r.side not in own), key=lambda c: (-c["engagements"], c["side"]))
        return {"name": display, "kind": kind, "sides": own, "titles": titles, "engagements": page["items"],
                "statements": n_statements, "counterparts": counterparts}

    # ------------------------------------------------------------------ export
    def export(self, fmt: str, out: str | Path, progress: bool = False) -> int:
        """Write the store out: ``jsonl`` (one record per line, to the file ``out``), ``csv`` or
        ``parquet`` (a folder ``out`` with one file per table) or ``events-tsv`` (the columns of
        ``readouts code --format tsv``). Returns the number of documents written."""
        from .export import export

        return export(self, fmt, Path(out), progress=progress)


def _check_text(text: str, name: str) -> None:
    """The checks ``readouts.io`` makes of a file, for a text given as a string: not text (NUL or
    control characters), empty, not English."""
    from ..errors import BinaryInputError, EmptyInputError
    from ..io import check_english

    if not isinstance(text, str):
        raise InputError(f"{name}: expected a text (str), got {type(text).__name__}")
    head = text[:8192]
    if "\x00" in head or sum(1 for c in head if ord(c) < 32 and c not in "\n\r\t\f") > max(8, len(head) // 50):
        raise BinaryInputError(f"{name}: binary data, not text (NUL or control characters)")
    if not text.strip():
        raise EmptyInputError(f"{name}: empty")
    check_english(text, name)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def _count(conn: Any, q: Select[Any]) -> int:
    return int(conn.execute(select(func.count()).select_from(q.subquery())).scalar() or 0)


def _limit(q: Select[Any], limit: int | None, offset: int) -> Select[Any]:
    if limit is not None and limit < 0:
        raise ValueError("limit must be 0 or more")
    if offset < 0:
        raise ValueError("offset must be 0 or more")
    if offset:
        q = q.offset(offset)
    return q.limit(limit) if limit is not None else q


def _comparable(items: list[dict[str, Any]]) -> list[str]:
    """Rows as sorted canonical JSON strings, for comparing row sets (floats rounded)."""
    def norm(v: Any) -> Any:
        return round(v, 6) if isinstance(v, float) else v
    return sorted(json.dumps({k: norm(v) for k, v in d.items()}, sort_keys=True, default=str) for d in items)


def _drain(q: Any, first: Any) -> tuple[list[Any], bool]:
    """``first`` and whatever else has queued up on ``q`` (at most ``_WRITE_BATCH``, without waiting for
    more), and whether the end mark (None) was among them."""
    batch = [first]
    while len(batch) < _WRITE_BATCH:
        try:
            nxt = q.get_nowait()
        except queue.Empty:
            break
        if nxt is None:
            return batch, True
        batch.append(nxt)
    return batch, False


class _Writer:
    """A thread that writes records, a few at a time in one transaction (whatever has queued up, at most
    ``_WRITE_BATCH``), on one connection of its own, while the caller extracts the next ones. Errors other
    than an already stored document surface in the caller (at the next ``put`` or at exit); leaving the
    context waits until every record is written."""

    def __init__(self, store: Store, version: str, now: str, link: bool = True):
        self.store, self.version, self.now, self.link = store, version, now, link
        self.result = IngestResult()
        self.queue: queue.Queue[Record | None] = queue.Queue(maxsize=256)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="readouts-store-writer", daemon=True)

    def _run(self) -> None:
        stop = False  # the end mark was taken from the queue
        try:
            with self.store.engine.connect() as conn:
                while not stop:
                    first = self.queue.get()
                    if first is None:
                        stop = True
                        break
                    batch, stop = _drain(self.queue, first)
                    self.store._store_batch(batch, self.version, self.now, self.result, conn, link=self.link)
        except BaseException as e:  # handed to the caller
            self.error = e
            while not stop and self.queue.get() is not None:  # unblock the caller until it stops
                pass

    def put(self, rec: Record) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put(rec)

    def __enter__(self) -> _Writer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.queue.put(None)
        self.thread.join()
        if self.error is not None and exc[0] is None:
            raise self.error


class _ProcessWriter:
    """The writer of ``_Writer`` in a process of its own (forked, so that nothing is imported again and a
    caller's script needs no ``__main__`` guard; it opens its own connection and touches nothing else of
    the parent's), so that storing runs on another core instead of sharing the interpreter lock with
    extraction. Records travel as their JSON. The process stops at the end mark, or by itself within a
    second when the ingesting process is gone (killed): it never leaves part of a document either way,
    since each batch it writes is one transaction."""

    def __init__(self, store: Store, version: str, now: str, link: bool = True):
        ctx = multiprocessing.get_context("fork")
        self.jobs: Any = ctx.Queue(maxsize=256)
        self.done: Any = ctx.Queue()
        url = store.engine.url.render_as_string(hide_password=False)
        self.proc = ctx.Process(target=_write_worker, name="readouts-store-writer", daemon=True,
                                args=(url, version, now, link, self.jobs, self.done, os.getpid()))
        self.result = IngestResult()

    def __enter__(self) -> _ProcessWriter:
        with warnings.catch_warnings():
            # Python 3.12+ warns on forking a process with threads: the child here takes no lock of theirs
            # (it opens its own connection and only reads its queue), so the warning does not apply
            warnings.filterwarnings("ignore", message=r".*fork\(\) may lead to deadlocks", category=DeprecationWarning)
            self.proc.start()
        return self

    def _failed(self) -> BaseException:
        try:
            report = self.done.get(timeout=5)
        except queue.Empty:
            report = {"error": f"the writer process ended (exit code {self.proc.exitcode})"}
        from ..errors import ReadoutsError

        return ReadoutsError(f"storing failed: {report.get('error') or 'the writer process ended early'}")

    def put(self, rec: Record) -> None:
        data = rec.to_json()
        while True:
            if not self.proc.is_alive():
                raise self._failed()
            try:
                self.jobs.put(data, timeout=1)
                return
            except queue.Full:
                continue

    def __exit__(self, *exc: object) -> None:
        if self.proc.is_alive():
            self.jobs.put(None)
        report: dict[str, Any] | None = None
        while report is None:
            try:
                report = self.done.get(timeout=1)
            except queue.Empty:
                if not self.proc.is_alive():
                    report = {"error": f"the writer process ended (exit code {self.proc.exitcode})"}
        self.proc.join(timeout=30)
        self.result.added, self.result.skipped = report.get("added", 0), report.get("skipped", 0)
        if report.get("error") and exc[0] is None:
            from ..errors import ReadoutsError

            raise ReadoutsError(f"storing failed: {report['error']}")


def _write_worker(url: str, version: str, now: str, link: bool, jobs: Any, done: Any, parent: int) -> None:
    """The body of ``_ProcessWriter``'s process: batches of what has queued up, one transaction each."""
    result = IngestResult()
    error = None
    try:
        store = open_store(url, migrate=False)
        try:
            with store.engine.connect() as conn:
                stop = False
                while not stop:
                    try:
                        first = jobs.get(timeout=1)
                    except queue.Empty:
                        if os.getppid() != parent:  # the ingesting process is gone: nothing more will come
                            return
                        continue
                    if first is None:
                        break
                    batch, stop = _drain(jobs, first)
                    store._store_batch([Record.model_validate_json(b) for b in batch], version, now, result, conn,
                                       link=link)
        finally:
            store.close()
    except BaseException as e:  # reported to the ingesting process
        error = f"{type(e).__name__}: {e}"
    finally:
        done.put({"added": result.added, "skipped": result.skipped, "error": error})
        done.close()
        done.join_thread()


class _NoProgress:
    def __enter__(self) -> Callable[[], None]:
        return lambda: None

    def __exit__(self, *exc: object) -> None:
        return None


class _RichProgress:
    def __init__(self, label: str, total: int | None):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                 console=Console(stderr=True))
        self.total = total

    def __enter__(self) -> Callable[[], None]:
        self.progress.__enter__()
        task = self.progress.add_task("run", total=self.total)
        return lambda: self.progress.advance(task)

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(None, None, None)


def _progress(on: bool, label: str, total: int | None) -> Any:
    """A context giving an ``advance()`` callable: a rich progress bar on stderr, or nothing."""
    return _RichProgress(label, total) if on else _NoProgress()
