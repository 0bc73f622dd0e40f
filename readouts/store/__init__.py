"""The store: readouts/1 records in a database, queryable.

SQLite (a file, the embedded default) or PostgreSQL (by URL), one schema, migrated by named, recorded
steps. Documents are keyed by the hash of their text, each written in one transaction with the version of
the extractor that made it; ``reprocess`` re-extracts those a newer extractor would read differently.
Readouts of one engagement from different publishers are grouped as they are ingested (``pairs``).

    >>> from readouts.store import open_store
    >>> with open_store("readouts.db") as store:
    ...     store.ingest_paths(["corpus/"])
    ...     store.dyad("China", "NATO")["summary"]

See docs/store.md for the queries, their filters and the shapes of their rows.
"""

from .core import IngestResult, Store, extractor_version, open_store, store_url
from .filters import resolve_side

__all__ = ["IngestResult", "Store", "extractor_version", "open_store", "resolve_side", "store_url"]
