"""The record, version readouts/1: pydantic models that mirror ``record.schema.json``.

This module is the only place that defines the shape of a record. Every extracted item carries a
``span``: ``[start, end)`` offsets in Python ``str`` indices into ``Document.text``; where an item
has ``text``, ``document.text[start:end] == text``.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "readouts/1"

Span = tuple[int, int]
EngagementType = Literal["phone_call", "video_call", "meeting", "visit", "talks", "summit", "other"]
Modality = Literal["phone", "video", "in_person", "written", "unknown"]
Stance = Literal["cooperative", "neutral", "conflictual"]

__all__ = [
    "SCHEMA_VERSION",
    "Agreement",
    "Document",
    "Engagement",
    "Event",
    "Participant",
    "Record",
    "Statement",
    "Topic",
    "document_id",
]


def document_id(text: str) -> str:
    """The document id: sha256 hex of the text encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class _Item(BaseModel):
    model_config = ConfigDict(extra="allow")


class Document(_Item):
    id: str
    text: str
    source: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    language: str | None = None


class Participant(_Item):
    name: str | None
    title: str | None = None
    affiliation: str | None
    span: Span
    role: str | None = Field(default=None, description="office kind from the actor knowledge, if known")


class Topic(_Item):
    label: str
    span: Span


class Agreement(_Item):
    text: str
    parties: list[str] = Field(default_factory=list)
    span: Span


class Engagement(_Item):
    id: str
    type: EngagementType
    modality: Modality
    date: str | None
    date_text: str | None = None
    location: str | None
    initiator: str | None
    participants: list[Participant]
    topics: list[Topic]
    agreements: list[Agreement]
    span: Span


class Statement(_Item):
    id: str
    speaker: str
    affiliation: str | None
    cue: str | None = None
    text: str
    engagement: str | None = None
    stance: Stance | None = None
    span: Span


class Event(_Item):
    source: str
    target: str | None
    cameo: str
    goldstein: float
    quad_class: Literal[1, 2, 3, 4]
    statement: str | None = None
    span: Span
    source_cameo: str | None = None
    target_cameo: str | None = None
    plover: str | None = None
    plover_mode: str | None = None


class Record(_Item):
    schema_: Literal["readouts/1"] = Field(default="readouts/1", alias="schema")
    document: Document
    engagements: list[Engagement] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    def to_dict(self) -> dict:
        """The record as plain JSON-ready data (schema key spelled ``schema``)."""
        return self.model_dump(by_alias=True, mode="json")

    def to_json(self, indent: int | None = None) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)

    @classmethod
    def empty(cls, text: str, **document: object) -> Record:
        """A valid record that reports nothing, for empty or unreadable input."""
        return cls(document=Document(id=document_id(text), text=text, **document))  # type: ignore[arg-type]


# --- comparing two readouts of one engagement (readouts.compare) -------------------------------------------
# Not part of the record: the result of ``readouts.compare.compare`` and ``same_engagement``. The JSON keys
# are fixed by the compare contract (docs/compare.md); ``Comparison.to_dict`` gives exactly those.

DifferenceKind = Literal["initiator", "topic", "attribution", "stance", "agreement", "date", "modality",
                         "participants"]


class SameEngagement(BaseModel):
    """Whether two records report one engagement, how sure (0..1) and why."""

    same: bool
    score: float
    reasons: list[str] = Field(default_factory=list)

    def to_dict(self) -> dict:
        return self.model_dump(mode="json")


class ComparedDocument(BaseModel):
    """One side of a comparison: the document and the engagement of it that was compared."""

    id: str
    source: str | None = None
    publisher_side: str | None = None
    engagement: str | None = None


class MatchedItem(BaseModel):
    """A statement or agreement of A and one of B that report the same thing."""

    a: str
    b: str
    similarity: float
    kind: Literal["statement", "agreement"]


class Difference(BaseModel):
    """A difference worth a headline; ``a`` and ``b`` hold what each side has (or null)."""

    kind: DifferenceKind
    detail: str
    a: str | list[str] | None = None
    b: str | list[str] | None = None


class Comparison(BaseModel):
    """Two readouts compared: same engagement?, aligned content, what only one side has, differences."""

    same_engagement: bool
    score: float
    reasons: list[str] = Field(default_factory=list)
    a: ComparedDocument
    b: ComparedDocument
    matched: list[MatchedItem] = Field(default_factory=list)
    only_a: list[str] = Field(default_factory=list)
    only_b: list[str] = Field(default_factory=list)
    topics_only_a: list[str] = Field(default_factory=list)
    topics_only_b: list[str] = Field(default_factory=list)
    topics_shared: list[tuple[str, str]] = Field(default_factory=list)
    differences: list[Difference] = Field(default_factory=list)
    embedder: str

    def to_dict(self) -> dict:
        """The comparison as plain JSON-ready data (the keys of the compare contract)."""
        d = self.model_dump(mode="json")
        d["topics_shared"] = [list(p) for p in self.topics_shared]
        return d

    def to_json(self, indent: int | None = None) -> str:
        import json

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
