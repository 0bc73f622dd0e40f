"""A limit on the size of request bodies, as pure ASGI middleware.

A body whose ``Content-Length`` is over the limit is refused before a byte of it is read. A body sent
without one (chunked) is counted as it streams in and refused as soon as the count passes the limit,
so an oversized request never sits in memory whole. Either way the client gets 413 in the API's error
shape.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import error_response

__all__ = ["BodyLimit", "BodyTooLarge"]


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` when the bytes received pass the limit (an HTTPException, so frameworks
    that turn body errors into a 400 let it through)."""

    def __init__(self, limit: int):
        super().__init__(413, f"the request body is larger than the limit of {limit:,} bytes")


class BodyLimit:
    """Refuse request bodies larger than ``max_body`` bytes with 413."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        # the unread rest of the body makes the connection unusable for another request
        response = error_response(413, str(BodyTooLarge(self.max_body).detail), headers={"Connection": "close"})
        await response(scope, receive, send)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_body:
            await self._refuse(scope, receive, send)
            return

        received = 0
        too_large = False
        started = False  # the app began its answer
        replaced = False  # we answered 413 in the app's place

        async def counting_receive() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    too_large = True
                    raise BodyTooLarge(self.max_body)
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started, replaced
            if replaced:
                return  # the rest of whatever the app answered after the overflow
            if too_large and not started and message["type"] == "http.response.start":
                # the app caught the overflow and answered on its own (say, a 400): answer 413 instead
                replaced = True
                await self._refuse(scope, receive, send)
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except BodyTooLarge:
            if started:
                raise
            if not replaced:
                await self._refuse(scope, receive, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers") or ():
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
