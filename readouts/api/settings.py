"""Settings of the REST API: who may write, whether reads need the token, how large a request may be.

One immutable object handed to ``create_app``; ``Settings.from_env()`` builds it from the environment
(``READOUTS_API_TOKEN``, ``READOUTS_PROTECT_READS``, ``READOUTS_MAX_BODY``) so that ``readouts serve`` and
a deployment configure the server the same way, without flags that would show the token in ``ps``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = ["DEFAULT_MAX_BODY", "Settings"]

DEFAULT_MAX_BODY = 5_000_000  # bytes: a readout is a few kB; 5 MB leaves room for long texts, not for abuse

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class Settings(BaseModel):
    """How the API is protected and limited.

    token: the bearer token every write needs (``Authorization: Bearer <token>``); with none, writes are
    refused (403). protect_reads: reads need the same token too (the web pages included).
    max_body: the largest request body accepted, in bytes; larger ones get 413.
    """

    model_config = ConfigDict(frozen=True)

    token: str | None = Field(default=None, description="Bearer token required for every write (READOUTS_API_TOKEN)")
    protect_reads: bool = Field(default=False, description="Reads need the token too (READOUTS_PROTECT_READS)")
    max_body: int = Field(default=DEFAULT_MAX_BODY, gt=0, description="Largest request body in bytes (READOUTS_MAX_BODY)")

    @model_validator(mode="after")
    def _reads_need_a_token(self) -> Settings:
        if self.protect_reads and not self.token:
            raise ValueError("protecting reads needs a token: set READOUTS_API_TOKEN too")
        return self

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Settings from ``READOUTS_API_TOKEN``, ``READOUTS_PROTECT_READS`` (1/true/yes/on or 0/false/no/off)
        and ``READOUTS_MAX_BODY`` (bytes); unset ones take their defaults. Bad values raise ``ValueError``."""
        env = os.environ if environ is None else environ
        token = env.get("READOUTS_API_TOKEN", "").strip() or None
        raw = env.get("READOUTS_PROTECT_READS", "").strip().lower()
        if raw not in _TRUE | _FALSE:
            raise ValueError(f"READOUTS_PROTECT_READS={raw!r}: use 1/true/yes/on or 0/false/no/off")
        size = env.get("READOUTS_MAX_BODY", "").strip()
        try:
            max_body = int(size.replace("_", "")) if size else DEFAULT_MAX_BODY
        except ValueError:
            raise ValueError(f"READOUTS_MAX_BODY={size!r}: give a number of bytes, e.g. 5000000") from None
        return cls(token=token, protect_reads=raw in _TRUE, max_body=max_body)
