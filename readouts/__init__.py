"""readouts: diplomatic readouts in, a structured record of who met whom, who said what, out.

    >>> import readouts
    >>> r = readouts.extract("On May 4, 2024, Foreign Minister A met with ...")
    >>> r.engagements[0].participants
    >>> readouts.Coder().code_sentences(["Israeli troops fired on protesters in Gaza."])   # CAMEO events

The public API is what ``__all__`` lists; everything else is private and may change.
"""

from .coding import CodedEvent, Coder
from .config import Config
from .errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    KnowledgeError,
    ReadoutsError,
)
from .io import read_document, read_path
from .knowledge import load_knowledge
from .model import (
    SCHEMA_VERSION,
    Agreement,
    Document,
    Engagement,
    Event,
    Participant,
    Record,
    Statement,
    Topic,
)
from .pipeline import extract, extract_many

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Agreement",
    "BinaryInputError",
    "CodedEvent",
    "Coder",
    "Config",
    "Document",
    "EmptyInputError",
    "EncodingError",
    "Engagement",
    "Event",
    "InputError",
    "InputTooLargeError",
    "KnowledgeError",
    "Participant",
    "ReadoutsError",
    "Record",
    "Statement",
    "Topic",
    "__version__",
    "extract",
    "extract_many",
    "load_knowledge",
    "read_document",
    "read_path",
]
