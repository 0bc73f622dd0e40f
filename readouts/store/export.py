"""Writing a store out: JSON Lines of records, CSV or Parquet tables, or the events TSV.

- ``jsonl``: one readouts/1 record per line, in the file ``out``;
- ``csv`` / ``parquet``: a folder ``out`` with one file per table (documents, engagements, participants,
  statements, topics, agreements, events), written by pyarrow in batches so a large store streams;
  rows link by ``document_id`` and ``engagement_pk``; the lower-case lookup columns stay behind;
- ``events-tsv``: one row per event, the columns and writer of ``readouts code --format tsv``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Float, Integer, Table, select

from ..model import Record
from . import schema

if TYPE_CHECKING:
    from .core import Store

__all__ = ["FORMATS", "TABLES", "export"]

FORMATS = ("jsonl", "csv", "parquet", "events-tsv")
TABLES = (schema.documents, schema.engagements, schema.participants, schema.statements, schema.topics,
          schema.agreements, schema.events)
_INTERNAL = {"record", "name_key", "surname_key", "label_key", "topic_key", "speaker_key"}
_BATCH = 2000


def _columns(table: Table) -> list[Any]:
    return [c for c in table.c if c.name not in _INTERNAL]


def _arrow_schema(table: Table) -> Any:
    import pyarrow as pa

    fields = []
    for c in _columns(table):
        kind = pa.int64() if isinstance(c.type, Integer) else pa.float64() if isinstance(c.type, Float) else pa.string()
        fields.append(pa.field(c.name, kind))
    if table is schema.documents:
        fields.append(pa.field("text", pa.string()))
    return pa.schema(fields)


def _batches(store: Store, table: Table) -> Iterator[list[dict[str, Any]]]:
    cols = _columns(table)
    extra = [schema.documents.c.record] if table is schema.documents else []
    order = [table.c.id] if table is schema.documents else [table.c.document_id, *(
        [table.c.pk] if "pk" in table.c else [])]
    with store.engine.connect() as conn:
        result = conn.execution_options(yield_per=_BATCH).execute(select(*cols, *extra).order_by(*order))
        for part in result.partitions():
            rows = []
            for r in part:
                d = dict(r._mapping)
                if table is schema.documents:
                    d["text"] = Record.model_validate_json(d.pop("record")).document.text
                rows.append(d)
            yield rows


def _tables(store: Store, out: Path, fmt: str) -> None:
    import pyarrow as pa
    import pyarrow.csv as pcsv
    import pyarrow.parquet as pq

    out.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        arrow = _arrow_schema(table)
        path = out / f"{table.name}.{fmt}"
        writer: Any = pq.ParquetWriter(str(path), arrow) if fmt == "parquet" else pcsv.CSVWriter(str(path), arrow)
        try:
            for rows in _batches(store, table):
                writer.write_table(pa.Table.from_pylist(rows, schema=arrow))
        finally:
            writer.close()


def export(store: Store, fmt: str, out: Path, progress: bool = False) -> int:
    """Write ``store`` to ``out`` in ``fmt``; returns the number of documents."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of: {', '.join(FORMATS)}")
    n = store.counts()["documents"]
    if fmt in ("csv", "parquet"):
        _tables(store, out, fmt)
        return n
    from .core import _progress

    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as fh, _progress(progress, "exporting", n) as advance:
        if fmt == "jsonl":
            for rec in store.iter_records():
                fh.write(rec.to_json() + "\n")
                advance()
        else:
            from ..coding.batch import TSV_COLUMNS, organisation_codes, tsv_rows

            orgs = organisation_codes()
            fh.write("\t".join(TSV_COLUMNS) + "\n")
            for rec in store.iter_records():
                fh.writelines("\t".join(row) + "\n" for row in tsv_rows(rec, orgs))
                advance()
    return n
