"""Schema migrations as named, recorded steps.

``MIGRATIONS`` is the ordered list of steps; each is a function of an open connection inside a
transaction. ``upgrade`` applies, in order, the steps a store has not recorded yet and records each in
``schema_migrations`` (name, applied_at) in the same transaction as its changes, so a step is either
applied and recorded or neither. Applying twice is a no-op. A new schema change is a new step appended
to the list: the steps already shipped are never edited, since stores out there have recorded them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Connection, Engine, inspect, select, text

from . import schema

__all__ = ["MIGRATIONS", "applied", "latest", "upgrade"]

_PG_LOCK = 4_242_017  # advisory lock id: one migrating process at a time on PostgreSQL


def _0001_initial(conn: Connection) -> None:
    """The normalised tables and their indexes."""
    tables = [t for t in schema.metadata.sorted_tables if t.name != "schema_migrations"]
    schema.metadata.create_all(conn, tables=tables)


def _0002_fulltext(conn: Connection) -> None:
    """Full-text search over statement text: FTS5 on SQLite, a tsvector column with a GIN index on
    PostgreSQL. Statements already stored are indexed here."""
    if conn.dialect.name == "sqlite":
        conn.execute(text(
            "CREATE VIRTUAL TABLE statements_fts USING fts5(text, content='statements', content_rowid='pk', "
            "tokenize='porter unicode61 remove_diacritics 2')"))
        # external content: triggers keep the index in step with the table, in the writer's transaction
        conn.execute(text(
            "CREATE TRIGGER statements_fts_ai AFTER INSERT ON statements BEGIN "
            "INSERT INTO statements_fts(rowid, text) VALUES (new.pk, new.text); END"))
        conn.execute(text(
            "CREATE TRIGGER statements_fts_ad AFTER DELETE ON statements BEGIN "
            "INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.pk, old.text); END"))
        conn.execute(text(
            "CREATE TRIGGER statements_fts_au AFTER UPDATE OF text ON statements BEGIN "
            "INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.pk, old.text); "
            "INSERT INTO statements_fts(rowid, text) VALUES (new.pk, new.text); END"))
        conn.execute(text("INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')"))
    else:
        conn.execute(text(
            "ALTER TABLE statements ADD COLUMN tsv tsvector "
            "GENERATED ALWAYS AS (to_tsvector('english', coalesce(text, ''))) STORED"))
        conn.execute(text("CREATE INDEX ix_statements_tsv ON statements USING GIN (tsv)"))


def _0003_engagement_pairs(conn: Connection) -> None:
    """Pairs of documents that report one engagement (two sides' readouts of one meeting): the table, and
    the pairs among the documents already stored, found as ingest finds them."""
    from .pairs import backfill

    schema.engagement_pairs.create(conn)
    backfill(conn, _now())


MIGRATIONS: list[tuple[str, Callable[[Connection], None]]] = [
    ("0001_initial", _0001_initial),
    ("0002_fulltext", _0002_fulltext),
    ("0003_engagement_pairs", _0003_engagement_pairs),
]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def latest() -> str:
    """The name of the newest step."""
    return MIGRATIONS[-1][0]


def applied(engine: Engine) -> list[str]:
    """The names of the steps recorded in a store, in the order they were applied."""
    if not inspect(engine).has_table("schema_migrations"):
        return []
    with engine.connect() as conn:
        t = schema.schema_migrations
        return [r[0] for r in conn.execute(select(t.c.name).order_by(t.c.applied_at, t.c.name))]


def upgrade(engine: Engine, target: str | None = None) -> list[str]:
    """Apply the steps not yet recorded, in order, up to and including ``target`` (default: all).

    Returns the names of the steps applied now (empty when the store was up to date).
    """
    names = [n for n, _ in MIGRATIONS]
    if target is not None and target not in names:
        raise ValueError(f"unknown migration {target!r}; known: {', '.join(names)}")
    stop = names.index(target) + 1 if target is not None else len(names)
    done: list[str] = []
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
        schema.schema_migrations.create(conn, checkfirst=True)
        have = {r[0] for r in conn.execute(select(schema.schema_migrations.c.name))}
        for name, step in MIGRATIONS[:stop]:
            if name in have:
                continue
            step(conn)
            conn.execute(schema.schema_migrations.insert().values(name=name, applied_at=_now()))
            done.append(name)
    return done
