"""The application: ``create_app`` assembles the routes, the error shape, the size limit and the web
pages over one open store; ``serve`` runs it with uvicorn.

The store is opened when the app is created (so ``app.state.store`` is usable at once, also without a
server) and, when the app opened it, closed at shutdown. The settings sit on ``app.state.settings`` for
every part of the app (the web pages check ``protect_reads`` there too).
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import importlib.util
import logging
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from .. import __version__
from ..errors import ReadoutsError
from .errors import install_error_handlers
from .limits import BodyLimit
from .routes import router
from .settings import Settings

__all__ = ["ServeError", "create_app", "serve"]

log = logging.getLogger("readouts.api")

DESCRIPTION = """\
The records readouts extracted from diplomatic readouts, stored and queryable: documents (schema
readouts/1), engagements, statements, CAMEO events, the timeline of two sides, an actor's history and
full-text search over what was said; readouts of one engagement grouped, and two readouts compared.

Lists are pages: `{"items", "total", "limit", "offset", "next"}`, with `next` the URL of the following page
(null on the last). Every error answers `{"error": {"status", "code", "message"}}`.

Writes (`POST /documents`) need `Authorization: Bearer <token>` with the server's READOUTS_API_TOKEN; reads
need it too when the server sets READOUTS_PROTECT_READS.
"""

TAGS = [
    {"name": "documents", "description": "Readouts and their full records; extract and store new ones"},
    {"name": "engagements", "description": "Meetings, calls, visits: who met whom, when, how, at whose request"},
    {"name": "statements", "description": "What each side said, attributed to its speaker"},
    {"name": "events", "description": "CAMEO-coded events with Goldstein scores"},
    {"name": "relations", "description": "The timeline of two sides; the history of a person or a side"},
    {"name": "search", "description": "Full-text search over statements"},
    {"name": "pairs", "description": "Two sides' readouts of one engagement: grouped in the store, compared"},
    {"name": "stats", "description": "What the store holds"},
]


class ServeError(ReadoutsError):
    """The server cannot start (the port is taken, the address is not this machine's ...)."""


def _open(store_or_url: Any) -> tuple[Any, bool]:
    """The store to serve and whether this app opened it (and so must close it)."""
    if isinstance(store_or_url, str | Path):
        from ..store import open_store

        return open_store(str(store_or_url)), True
    return store_or_url, False


def _mount_web(app: FastAPI) -> None:
    """Add the web pages when the web package is there (its own import errors are not hidden)."""
    if importlib.util.find_spec("readouts.web") is None:
        return
    web = importlib.import_module("readouts.web")
    mount = getattr(web, "mount", None)
    if callable(mount):
        mount(app)


def create_app(store_or_url: Any, settings: Settings | None = None) -> FastAPI:
    """The REST API (and web pages) over a store: a path or URL to open, or an open ``Store``.

    ``settings`` default to ``Settings.from_env()``.
    """
    settings = settings if settings is not None else Settings.from_env()
    store, owned = _open(store_or_url)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            if owned:
                store.close()

    app = FastAPI(title="readouts", version=__version__, description=DESCRIPTION, openapi_tags=TAGS,
                  lifespan=lifespan, docs_url="/docs", redoc_url=None, openapi_url="/openapi.json")
    app.state.store = store
    app.state.settings = settings
    install_error_handlers(app)
    app.add_middleware(BodyLimit, max_body=settings.max_body)
    app.include_router(router)
    _mount_web(app)
    return app


def _bind(host: str, port: int) -> socket.socket:
    """A listening-ready socket on host:port, or a ServeError that says what to do."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise ServeError(f"cannot serve on {host}: not a known host name or address ({e.strerror})") from e
    # "localhost" may resolve to ::1 first; browsers and curl try 127.0.0.1 too, so prefer IPv4
    family, kind, proto, _, addr = min(found, key=lambda a: a[0] != socket.AF_INET)
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(addr)
    except OSError as e:
        sock.close()
        if e.errno == errno.EADDRINUSE:
            raise ServeError(f"cannot serve on {host}:{port}: the port is already in use (another readouts serve?); "
                             f"stop that server or choose another port") from e
        if e.errno == errno.EACCES:
            raise ServeError(f"cannot serve on {host}:{port}: permission denied (ports below 1024 need root); "
                             f"choose a port above 1024") from e
        raise ServeError(f"cannot serve on {host}:{port}: {e.strerror or e}") from e
    sock.set_inheritable(True)
    return sock


def serve(db: Any, host: str = "127.0.0.1", port: int = 8000, settings: Settings | None = None,
          log_level: str = "info") -> None:
    """Serve the API and the web pages over the store ``db`` (path, URL or open Store) until interrupted.

    Raises ``ServeError`` with a clear message when the port is taken.
    """
    import uvicorn

    sock = _bind(host, port)
    try:
        app = create_app(db, settings)
        config = uvicorn.Config(app, log_level=log_level, lifespan="on")
        server = uvicorn.Server(config)
        bound = sock.getsockname()[1]
        shown = f"[{host}]" if ":" in host else host
        logging.getLogger("uvicorn.error").info("readouts serving on http://%s:%d (API docs at /docs; "
                                                "Ctrl+C to stop)", shown, bound)
        server.run(sockets=[sock])
    finally:
        sock.close()
