"""One JSON error shape for every failure the API answers with.

    {"error": {"status": 404, "code": "not_found", "message": "no document with id 0f3…"}}

Whatever fails — an unknown route, a wrong method, a missing token, a body too large, a bad query
parameter, a bug — the client gets this shape, so it needs one code path for errors. A 500 says only that
something went wrong; the traceback goes to the server's log, never to the client.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

__all__ = ["CODES", "ApiError", "error_body", "error_response", "install_error_handlers"]

log = logging.getLogger("readouts.api")

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "too_many_requests",
    500: "internal_error",
    503: "unavailable",
}


def _code(status: int) -> str:
    return CODES.get(status) or f"http_{status}"


class ApiError(StarletteHTTPException):
    """An error the API answers on purpose: a status, a short code and a message for people."""

    def __init__(self, status: int, message: str, code: str | None = None, headers: dict[str, str] | None = None):
        super().__init__(status_code=status, detail=message, headers=headers)
        self.code = code or _code(status)


def error_body(status: int, message: str, code: str | None = None) -> dict[str, Any]:
    return {"error": {"status": status, "code": code or _code(status), "message": message}}


def error_response(status: int, message: str, code: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, message, code), status_code=status, headers=headers)


def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    message = exc.detail if isinstance(exc.detail, str) and exc.detail else HTTPStatus(status).phrase
    if not isinstance(exc, ApiError):
        # Starlette's own 404/405 say only "Not Found"/"Method Not Allowed": say which route
        if status == 404 and message == "Not Found":
            message = f"no such route: {request.method} {request.url.path}"
        elif status == 405 and message == "Method Not Allowed":
            allowed = (exc.headers or {}).get("Allow") or (exc.headers or {}).get("allow")
            message = f"{request.method} is not allowed on {request.url.path}" + (f" (allowed: {allowed})" if allowed else "")
    code = exc.code if isinstance(exc, ApiError) else _code(status)
    return error_response(status, message, code, headers=dict(exc.headers or {}))


def _where(loc: Any) -> str:
    parts = [str(p) for p in (loc or ())]
    return ".".join(parts) if parts else "request"


def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = []
    for err in exc.errors():
        msg = str(err.get("msg") or "invalid")
        if err.get("type") == "json_invalid":
            msg = f"the body is not valid JSON ({(err.get('ctx') or {}).get('error', 'decode error')})"
            problems.append(msg)
            continue
        msg = msg.removeprefix("Value error, ")
        problems.append(f"{_where(err.get('loc'))}: {msg}")
    message = "; ".join(problems) or "invalid request"
    return error_response(422, message[:2000])


def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    # ServerErrorMiddleware re-raises after this answer, so the server logs the traceback once
    return error_response(500, "internal error: the request could not be completed; the server log has the details")


def install_error_handlers(app: FastAPI) -> None:
    """Route every error the app can raise through the one shape."""
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
