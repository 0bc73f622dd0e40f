"""The REST API over a readouts store (FastAPI; OpenAPI at /docs and /openapi.json).

    >>> from readouts.api import create_app, serve, Settings
    >>> app = create_app("readouts.db")                # an ASGI app; app.state.store is the open store
    >>> serve("readouts.db", port=8000)                # blocking, with uvicorn

Reads are open unless ``Settings.protect_reads``; every write needs the bearer token (``Settings.token``,
from READOUTS_API_TOKEN). Every error answers ``{"error": {"status", "code", "message"}}``.
"""

from .app import ServeError, create_app, serve
from .auth import check_read, check_write
from .settings import Settings

__all__ = ["ServeError", "Settings", "check_read", "check_write", "create_app", "serve"]
