"""The tables of the store: one SQLAlchemy Core schema for SQLite and PostgreSQL.

A document row keeps the whole readouts/1 record as JSON (the source of truth, from which every other
row can be rebuilt) and the version of the extractor that made it. The other tables normalise the record
for queries: engagements (with the date used for filtering — the engagement's own date, else the
document's publication date — and its precomputed Goldstein sum), their participants, sides, topics and
agreements, the statements and the events. Every child row carries its ``document_id`` so that one
document's rows are written and deleted together.

Dates are ISO strings (``YYYY-MM-DD``), which sort and compare the same on both databases.
"""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

__all__ = ["CHILD_TABLES", "agreements", "documents", "engagement_pairs", "engagement_sides", "engagements", "events",
           "later", "metadata", "participants", "schema_migrations", "statements", "topics"]

metadata = MetaData()

_DOC = 64  # sha256 hex


def _doc_fk() -> Column:
    return Column("document_id", String(_DOC), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
                  index=True)


def _eng_fk(nullable: bool = False) -> Column:
    return Column("engagement_pk", Integer, ForeignKey("engagements.pk", ondelete="CASCADE"), nullable=nullable,
                  index=True)


schema_migrations = Table(
    "schema_migrations", metadata,
    Column("name", String(100), primary_key=True),
    Column("applied_at", String(40), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", String(_DOC), primary_key=True),
    Column("source", Text),
    Column("title", Text),
    Column("publisher", Text),
    Column("publisher_side", String(40)),
    Column("published", String(10), index=True),
    Column("language", String(10)),
    Column("extractor_version", String(80), nullable=False, index=True),
    Column("ingested_at", String(40), nullable=False, index=True),
    Column("n_engagements", Integer, nullable=False, default=0),
    Column("n_statements", Integer, nullable=False, default=0),
    Column("n_events", Integer, nullable=False, default=0),
    Column("record", Text, nullable=False),
)

engagements = Table(
    "engagements", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    Column("eid", String(20), nullable=False),
    Column("position", Integer, nullable=False),
    Column("type", String(20), index=True),
    Column("modality", String(20), index=True),
    Column("date", String(10)),
    Column("date_text", Text),
    Column("location", Text),
    Column("initiator", String(40), index=True),
    Column("day", String(10), index=True),  # date, else the document's publication date
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("n_events", Integer, nullable=False, default=0),
    Column("goldstein_sum", Float, nullable=False, default=0.0),
    Column("mean_goldstein", Float),
    Index("ix_engagements_day_doc", "day", "document_id"),
)

participants = Table(
    "participants", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    _eng_fk(),
    Column("position", Integer, nullable=False),
    Column("name", Text),
    Column("name_key", String(200), index=True),  # lower-case name
    Column("surname_key", String(100), index=True),  # lower-case surname
    Column("title", Text),
    Column("affiliation", String(40), index=True),
    Column("role", String(40)),
    Column("span_start", Integer),
    Column("span_end", Integer),
)

engagement_sides = Table(
    "engagement_sides", metadata,
    _eng_fk(),
    _doc_fk(),
    Column("side", String(40), nullable=False),
    Index("ix_engagement_sides_side", "side", "engagement_pk"),
    Index("ux_engagement_sides", "engagement_pk", "side", unique=True),
)

topics = Table(
    "topics", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    _eng_fk(),
    Column("position", Integer, nullable=False),
    Column("label", Text, nullable=False),
    Column("label_key", String(200), index=True),  # lower-case label
    Column("topic", Text),
    Column("topic_key", String(200), index=True),  # lower-case taxonomy topic
    Column("span_start", Integer),
    Column("span_end", Integer),
)

agreements = Table(
    "agreements", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    _eng_fk(),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("parties", Text),  # JSON list of side codes
    Column("span_start", Integer),
    Column("span_end", Integer),
)

statements = Table(
    "statements", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    _eng_fk(nullable=True),
    Column("sid", String(20), nullable=False),
    Column("position", Integer, nullable=False),
    Column("speaker", Text),
    Column("speaker_key", String(200), index=True),  # lower-case speaker
    Column("affiliation", String(40), index=True),
    Column("cue", Text),
    Column("text", Text, nullable=False),
    Column("engagement", String(20)),
    Column("stance", String(20)),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("day", String(10), index=True),
)

events = Table(
    "events", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    _eng_fk(nullable=True),
    Column("position", Integer, nullable=False),
    Column("source", String(40), index=True),
    Column("target", String(40), index=True),
    Column("cameo", String(8), index=True),
    Column("goldstein", Float),
    Column("quad_class", Integer),
    Column("statement", String(20)),
    Column("source_cameo", String(40)),
    Column("target_cameo", String(40)),
    Column("plover", String(40)),
    Column("plover_mode", String(40)),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("day", String(10), index=True),
)

# the tables of a document's rows, children first (the order to delete them in)
CHILD_TABLES = (events, statements, agreements, topics, engagement_sides, participants, engagements)

# --- tables of later migrations --------------------------------------------------------------------------
# ``0001_initial`` creates every table of ``metadata``; a table added by a later step lives in ``later`` so
# that the first step keeps creating exactly what it always did (its foreign keys name the columns above).
later = MetaData()

# two documents that report one engagement (0003_engagement_pairs): ids ordered (doc_a < doc_b), the
# verdict of readouts.compare.same_engagement (score, reasons as a JSON list) and the engagements that
# matched; a document's pairs go with it (ON DELETE CASCADE)
engagement_pairs = Table(
    "engagement_pairs", later,
    Column("doc_a", String(_DOC), ForeignKey(documents.c.id, ondelete="CASCADE"), primary_key=True),
    Column("doc_b", String(_DOC), ForeignKey(documents.c.id, ondelete="CASCADE"), primary_key=True),
    Column("eng_a", String(20)),
    Column("eng_b", String(20)),
    Column("score", Float, nullable=False),
    Column("reasons", Text, nullable=False),
    Column("created_at", String(40), nullable=False),
    CheckConstraint("doc_a < doc_b", name="ck_engagement_pairs_order"),
    Index("ix_engagement_pairs_doc_b", "doc_b"),
)
