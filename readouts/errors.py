"""Exceptions raised by readouts.

    ReadoutsError                 base class: catch this to handle every readouts failure
    ├── InputError                a document that cannot be read as text
    │   ├── EmptyInputError       nothing to read (empty or whitespace only)
    │   ├── BinaryInputError      bytes that are not text (NUL bytes, images, archives ...)
    │   ├── EncodingError         bytes that are not valid UTF-8 (or UTF-16 with a BOM)
    │   ├── InputTooLargeError    larger than the configured limit (``Config.max_chars``)
    │   └── LanguageError         text that is not English (the extractor reads English only)
    └── KnowledgeError            a knowledge file (shipped or the user's own) is malformed

Every message says what went wrong and, where it helps, what to do about it.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "EmptyInputError",
    "EncodingError",
    "InputError",
    "InputTooLargeError",
    "KnowledgeError",
    "LanguageError",
    "ReadoutsError",
]


class ReadoutsError(Exception):
    """Base class of every error readouts raises on purpose."""


class InputError(ReadoutsError):
    """A document that cannot be read as text."""


class EmptyInputError(InputError):
    """The input holds no text."""


class BinaryInputError(InputError):
    """The input is binary data, not text."""


class EncodingError(InputError):
    """The input is not valid UTF-8."""


class InputTooLargeError(InputError):
    """The input is larger than the configured limit."""


class LanguageError(InputError):
    """The text is not in English."""


class KnowledgeError(ReadoutsError):
    """A knowledge file is malformed."""
