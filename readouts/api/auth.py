"""Who may do what: every write needs the bearer token; reads need it only when ``protect_reads`` is set.

The token is compared in constant time (``hmac.compare_digest``). With no token configured, writes are
switched off (403) rather than open, so a server started without thinking about it cannot be written to.
``check_read`` is what any page of the app (the web pages too) calls to honour ``protect_reads``.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from .errors import ApiError
from .settings import Settings

__all__ = ["bearer", "check_read", "check_write", "require_read", "require_write"]

bearer = HTTPBearer(auto_error=False, scheme_name="token",
                    description="The server's token (READOUTS_API_TOKEN), as `Authorization: Bearer <token>`. "
                                "Required for writes; for reads only when READOUTS_PROTECT_READS is set.")

_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="readouts"'}


def _settings(request: Request) -> Settings:
    settings = request.app.state.settings
    assert isinstance(settings, Settings)
    return settings


def _given(request: Request) -> str | None:
    scheme, _, value = (request.headers.get("authorization") or "").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return value.strip() or None


def _check_token(settings: Settings, given: str | None) -> None:
    token = settings.token
    assert token is not None
    if given is None:
        raise ApiError(401, "this needs the API token: send 'Authorization: Bearer <token>'", headers=_CHALLENGE)
    if not hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8")):
        raise ApiError(401, "the token is not valid", headers=_CHALLENGE)


def check_write(request: Request) -> None:
    """Raise ApiError (403 with writes disabled, 401 without the right token) unless the request may write."""
    settings = _settings(request)
    if not settings.token:
        raise ApiError(403, "writes are disabled: set READOUTS_API_TOKEN")
    _check_token(settings, _given(request))


def check_read(request: Request) -> None:
    """Raise ApiError (401) when reads are protected and the request lacks the token."""
    settings = _settings(request)
    if settings.protect_reads:
        _check_token(settings, _given(request))


def require_write(request: Request, _: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]) -> None:
    """Dependency of every write route (the Security parameter puts the token in the OpenAPI spec)."""
    check_write(request)


def require_read(request: Request, _: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]) -> None:
    """Dependency of every read route."""
    check_read(request)
