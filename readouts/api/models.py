"""The shapes the API answers with, as pydantic models, so /openapi.json describes every field.

They mirror the store's rows (``readouts.store``: plain dicts with these keys); ``extra="allow"`` lets a
field the store adds later pass through rather than vanish. The record itself is ``readouts.Record``.
"""

from __future__ import annotations

import datetime as dt
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from ..model import Record

__all__ = [
    "Actor",
    "Counterpart",
    "DocumentHead",
    "DocumentPage",
    "DocumentRow",
    "Dyad",
    "DyadMonth",
    "DyadSummary",
    "EngagementPage",
    "EngagementRow",
    "ErrorDetail",
    "ErrorResponse",
    "EventPage",
    "EventRow",
    "NewDocument",
    "Page",
    "PairDocument",
    "PairEngagement",
    "PairGroup",
    "PairLink",
    "PairPage",
    "ParticipantRow",
    "PostedDocument",
    "SearchHit",
    "SearchPage",
    "StatementPage",
    "StatementRow",
    "Stats",
]

T = TypeVar("T")


class _Row(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorDetail(BaseModel):
    status: int = Field(description="the HTTP status, repeated")
    code: str = Field(description="a stable short code: not_found, unauthorized, invalid_request ...",
                      examples=["not_found"])
    message: str = Field(description="what went wrong, for people")


class ErrorResponse(BaseModel):
    """The one shape of every error answer."""

    error: ErrorDetail


class Page(_Row, Generic[T]):
    items: list[T]
    total: int = Field(description="items matching the filters, over all pages")
    limit: int
    offset: int
    next: str | None = Field(default=None, description="URL of the next page; null on the last")


class DocumentHead(_Row):
    """What names a document wherever one is listed."""

    id: str = Field(description="sha256 of the text")
    source: str | None
    title: str | None
    publisher: str | None
    publisher_side: str | None = Field(description="the side that published the readout, as far as the text tells")
    published: str | None = Field(description="publication date, ISO")


class DocumentRow(DocumentHead):
    language: str | None
    extractor_version: str | None
    ingested_at: str | None
    engagements: int
    statements: int
    events: int


class ParticipantRow(_Row):
    name: str | None
    title: str | None
    affiliation: str | None = Field(description="the side the participant speaks for (CHN, NATO ...)")
    role: str | None


class EngagementRow(_Row):
    document: str = Field(description="id of the document that reports it")
    id: str = Field(description="e1, e2 ... unique within its document")
    type: str
    modality: str
    date: str | None
    date_text: str | None
    location: str | None
    initiator: str | None
    sides: list[str]
    participants: list[ParticipantRow]
    topics: list[str]
    agreements: list[str]
    speakers: list[str] = Field(description="names of who spoke")
    mean_goldstein: float | None
    document_title: str | None
    document_source: str | None
    publisher: str | None


class StatementRow(_Row):
    document: str
    id: str
    speaker: str | None
    affiliation: str | None
    cue: str | None
    text: str
    engagement: str | None
    stance: str | None
    span: list[int] = Field(description="[start, end) in the document's text")
    date: str | None


class SearchHit(StatementRow):
    snippet: str = Field(description="the text with the hits between « and » (plain text)")


class EventRow(_Row):
    document: str
    source: str | None
    target: str | None
    cameo: str
    goldstein: float | None
    quad_class: int | None
    statement: str | None
    source_cameo: str | None
    target_cameo: str | None
    plover: str | None
    plover_mode: str | None
    span: list[int]
    date: str | None


class DocumentPage(Page[DocumentRow]):
    pass


class EngagementPage(Page[EngagementRow]):
    pass


class StatementPage(Page[StatementRow]):
    pass


class EventPage(Page[EventRow]):
    pass


class SearchPage(Page[SearchHit]):
    pass


class DyadMonth(_Row):
    month: str = Field(description="YYYY-MM")
    engagements: int
    by_modality: dict[str, int]
    mean_goldstein: float | None
    events: int


class DyadSummary(_Row):
    engagements: int
    first: str | None
    last: str | None
    mean_goldstein: float | None
    initiated_by: dict[str, int]


class Dyad(_Row):
    a: str
    b: str
    engagements: list[EngagementRow] = Field(description="oldest first")
    months: list[DyadMonth]
    summary: DyadSummary


class Counterpart(_Row):
    side: str
    engagements: int


class Actor(_Row):
    name: str
    kind: Literal["person", "side"]
    sides: list[str]
    titles: list[str]
    engagements: list[EngagementRow] = Field(description="newest first")
    statements: int
    counterparts: list[Counterpart]


class Stats(_Row):
    documents: int
    engagements: int
    statements: int
    events: int
    actors: int


class PairDocument(DocumentHead):
    """A document of a group of readouts of one engagement."""


class PairEngagement(_Row):
    date: str | None = Field(description="the engagement's date: the earliest a readout states, else the earliest "
                             "publication date")
    type: str
    modality: str
    sides: list[str] = Field(description="the sides the readouts agree took part")


class PairLink(_Row):
    a: str = Field(description="a document id (the smaller of the two)")
    b: str = Field(description="the other document id")
    score: float = Field(description="how sure readouts.compare.same_engagement is (0..1)")
    reasons: list[str]


class PairGroup(_Row):
    """Stored readouts that report one engagement: two or more, from different publishers."""

    documents: list[PairDocument] = Field(description="earliest published first")
    engagement: PairEngagement
    score: float = Field(description="the lowest score of the group's pairs")
    reasons: list[str] = Field(description="why, over all of the group's pairs")
    pairs: list[PairLink] = Field(description="the pairs same_engagement found (a group is their connected component)")


class PairPage(Page[PairGroup]):
    pass


class NewDocument(BaseModel):
    """A readout to extract and store."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "text": "On May 4, 2024, Foreign Minister Ana Lima of Portugal spoke by phone with President Emmanuel "
                "Macron of France. Lima said Portugal supports closer cooperation.",
        "source": "mne.gov.pt/2024-05-04", "publisher": "Portuguese MFA", "published": "2024-05-04"}]})

    text: str = Field(description="the readout's text, in English")
    source: str | None = Field(default=None, description="where it came from: a URL or a file name")
    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = Field(default=None, description="publication date: 'today', 'on Monday' resolve against it")


class PostedDocument(BaseModel):
    id: str = Field(description="the document id (sha256 of the text)")
    created: bool = Field(description="false when the same text was already stored")
    record: Record
