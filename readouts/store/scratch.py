"""A throw-away PostgreSQL database: made on entry, dropped (even with open sessions) on exit.

For tests, benchmarks and trial runs against a shared server: ``admin_url``'s role must be allowed to
create databases. The database gets a random name with ``prefix``, so parallel runs never collide.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator

__all__ = ["scratch_database"]


@contextlib.contextmanager
def scratch_database(admin_url: str, prefix: str = "readouts_scratch") -> Iterator[str]:
    """Yield the URL of a new, empty database on ``admin_url``'s server; drop it afterwards."""
    import psycopg
    from sqlalchemy.engine import make_url

    admin = make_url(admin_url)
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    dsn = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield admin.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
