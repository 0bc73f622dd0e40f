"""The JSON routes: documents, engagements, statements, events, dyads, actors, search, stats, pairs, compare.

Each read route takes the store's filters as query parameters (validated here: dates are dates,
modalities are modalities, an unknown parameter is an error rather than silently ignored), asks the
store, and wraps lists in a page with a link to the next one. ``POST /documents`` extracts a text with
readouts' pipeline and stores the record. Routes are plain ``def`` functions: FastAPI runs them in its
threadpool, so neither the store's I/O nor the CPU-bound extraction blocks the event loop.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from .. import pipeline
from ..errors import InputError
from ..io import check_english, decode
from ..model import Comparison, EngagementType, Modality, Record, document_id
from ..store import Store
from .auth import require_read, require_write
from .errors import ApiError
from .models import (
    Actor,
    DocumentPage,
    Dyad,
    EngagementPage,
    ErrorResponse,
    EventPage,
    NewDocument,
    PairPage,
    PostedDocument,
    SearchPage,
    StatementPage,
    Stats,
)

__all__ = ["router"]

T = TypeVar("T")

MAX_LIMIT = 500

_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorResponse, "description": "The token is missing or wrong (reads: only with protect_reads)"},
    422: {"model": ErrorResponse, "description": "A parameter is invalid"},
}
_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorResponse, "description": "Nothing by that name"}}

router = APIRouter(responses=_ERRORS)
reads = APIRouter(dependencies=[Depends(require_read)], responses=_ERRORS)


# --- query parameters ----------------------------------------------------------------------------------

_DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"


def _real_date(value: str) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real day, month or year (2021-02-30 is refused)."""
    try:
        if not re.match(_DATE, value):
            raise ValueError
        dt.date.fromisoformat((value + "-01-01")[:10] if len(value) < 10 else value)
    except ValueError:
        raise ValueError(f"{value!r} is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)") from None
    return value


def _first_day(value: str) -> dt.date:
    return dt.date.fromisoformat((value + "-01-01")[:10])


def _last_day(value: str) -> dt.date:
    if len(value) == 4:
        return dt.date(int(value), 12, 31)
    if len(value) == 7:
        first = dt.date.fromisoformat(value + "-01")
        return (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return dt.date.fromisoformat(value)


DateBound = Annotated[str, Field(json_schema_extra={"pattern": _DATE}), AfterValidator(_real_date)]


class _Dated(BaseModel):
    """A query with a period (``since``/``until``, declared by each query with its own wording); an
    unknown parameter is refused (a typo must not widen a query silently)."""

    model_config = ConfigDict(extra="forbid")

    since: DateBound | None = None
    until: DateBound | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> _Dated:
        if self.since and self.until and _first_day(self.since) > _last_day(self.until):
            raise ValueError(f"since ({self.since}) is after until ({self.until})")
        return self

    def _period(self) -> dict[str, str]:
        """The period as whole ISO days, for the store."""
        out = {}
        if self.since:
            out["since"] = _first_day(self.since).isoformat()
        if self.until:
            out["until"] = _last_day(self.until).isoformat()
        return out


class _Query(_Dated):
    """The filters every query shares."""

    since: DateBound | None = Field(default=None, description="from this date on, inclusive: YYYY-MM-DD, or YYYY-MM "
                                    "or YYYY for the period's first day; an item's date is its engagement's, else "
                                    "its document's publication date", examples=["2021-01-01"])
    until: DateBound | None = Field(default=None, description="up to this date, inclusive: YYYY-MM-DD, or YYYY-MM or "
                                    "YYYY for the period's last day", examples=["2021-12-31"])
    modality: Modality | None = Field(default=None, description="how the engagement took place")
    type: EngagementType | None = Field(default=None, description="the kind of engagement")
    initiator: str | None = Field(default=None, description="the side that asked for the engagement (code or name)")
    topic: str | None = Field(default=None, description="a topic label or taxonomy topic")
    publisher: str | None = Field(default=None, description="who published the readout")

    def filters(self) -> dict[str, str]:
        """The filters to hand the store: set ones only, dates as whole ISO days."""
        skip = {"limit", "offset", "q"}  # paging, not filters
        out = {k: str(v) for k, v in self.model_dump().items() if k not in skip and v is not None}
        return {**out, **self._period()}


class _Paged(_Query):
    limit: int = Field(default=50, ge=1, le=MAX_LIMIT, description=f"items per page (at most {MAX_LIMIT})")
    offset: int = Field(default=0, ge=0, description="items to skip")


class ItemQuery(_Paged):
    """The filters of the lists: documents, engagements, statements (events and search add their own)."""

    speaker: str | None = Field(default=None, description="part of the speaker's name (case-insensitive)")
    side: str | None = Field(default=None, description="a side taking part or speaking (code like CHN, or a name)")
    actor: str | None = Field(default=None, description="a participant's name or a side")
    document: str | None = Field(default=None, description="only this document or its items (its id)")


class EventQuery(ItemQuery):
    source: str | None = Field(default=None, description="the acting side")
    target: str | None = Field(default=None, description="the side acted upon")
    cameo: str | None = Field(default=None, pattern=r"^[0-9]{1,4}$",
                              description="CAMEO code or prefix: 04 matches 040, 042, 043 ...")


class SearchQuery(ItemQuery):
    q: str = Field(min_length=1, max_length=500, description="words to find in statements")


class ViewQuery(_Query):
    """Filters of the dyad and actor views."""

    speaker: str | None = Field(default=None, description="part of the speaker's name (case-insensitive)")
    limit: int | None = Field(default=None, ge=0, description="at most this many engagements in the list (the "
                              "counts cover them all); all by default")


class PairsQuery(_Dated):
    """The filters of /pairs."""

    since: DateBound | None = Field(default=None, description="engagements from this date on, inclusive: YYYY-MM-DD, "
                                    "or YYYY-MM or YYYY for the period's first day", examples=["2021-01-01"])
    until: DateBound | None = Field(default=None, description="engagements up to this date, inclusive: YYYY-MM-DD, "
                                    "or YYYY-MM or YYYY for the period's last day", examples=["2021-12-31"])
    side: str | None = Field(default=None, description="a side taking part (code like CHN, or a name)")
    document: str | None = Field(default=None, description="only the group holding this document (its id)")
    limit: int = Field(default=50, ge=1, le=MAX_LIMIT, description=f"groups per page (at most {MAX_LIMIT})")
    offset: int = Field(default=0, ge=0, description="groups to skip")

    def filters(self) -> dict[str, str]:
        out = {k: v for k, v in (("side", self.side), ("document", self.document)) if v is not None}
        return {**out, **self._period()}


# --- helpers -------------------------------------------------------------------------------------------

def _store(request: Request) -> Store:
    store = request.app.state.store
    assert isinstance(store, Store)
    return store


OpenStore = Annotated[Store, Depends(_store)]


def _ask(call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Call the store; a ValueError (an unknown side, a filter it cannot apply) is the client's: 422."""
    try:
        return call(*args, **kwargs)
    except ValueError as e:
        raise ApiError(422, str(e)) from e


def _page(request: Request, page: dict[str, Any]) -> dict[str, Any]:
    """The store's page with ``next``: this URL with the offset moved on, or null on the last page."""
    limit, offset, total = page["limit"], page["offset"], page["total"]
    following = offset + limit
    nxt = str(request.url.include_query_params(offset=following, limit=limit)) if following < total else None
    return {**page, "next": nxt}


# --- reads ---------------------------------------------------------------------------------------------

@reads.get("/documents", response_model=DocumentPage, tags=["documents"], summary="List documents")
def list_documents(request: Request, query: Annotated[ItemQuery, Query()], store: OpenStore) -> dict[str, Any]:
    """The stored documents (summary rows, no text) matching the filters, newest first."""
    return _page(request, _ask(store.documents, limit=query.limit, offset=query.offset, **query.filters()))


@reads.get("/documents/{id}", response_model=Record, response_model_by_alias=True, tags=["documents"],
           summary="Get a document's record", responses=_NOT_FOUND)
def get_document(id: Annotated[str, Path(description="the document id (sha256 of its text)")],
                 store: OpenStore) -> Record:
    """The document's full record, schema readouts/1: text, engagements, statements, events."""
    record = store.get_record(id)
    if record is None:
        raise ApiError(404, f"no document with id {id!r}")
    assert isinstance(record, Record)
    return record


@reads.get("/engagements", response_model=EngagementPage, tags=["engagements"], summary="List engagements")
def list_engagements(request: Request, query: Annotated[ItemQuery, Query()], store: OpenStore) -> dict[str, Any]:
    """Meetings, calls and visits matching the filters, newest first."""
    return _page(request, _ask(store.engagements, limit=query.limit, offset=query.offset, **query.filters()))


@reads.get("/statements", response_model=StatementPage, tags=["statements"], summary="List statements")
def list_statements(request: Request, query: Annotated[ItemQuery, Query()], store: OpenStore) -> dict[str, Any]:
    """What each side said, attributed to its speaker, matching the filters."""
    return _page(request, _ask(store.statements, limit=query.limit, offset=query.offset, **query.filters()))


@reads.get("/events", response_model=EventPage, tags=["events"], summary="List events")
def list_events(request: Request, query: Annotated[EventQuery, Query()], store: OpenStore) -> dict[str, Any]:
    """CAMEO-coded events (who did what to whom, with Goldstein scores) matching the filters."""
    return _page(request, _ask(store.events, limit=query.limit, offset=query.offset, **query.filters()))


@reads.get("/dyads/{a}/{b}", response_model=Dyad, tags=["relations"], summary="Timeline of two sides")
def get_dyad(a: Annotated[str, Path(description="a side: code (CHN) or name (China)")],
             b: Annotated[str, Path(description="the other side")],
             query: Annotated[ViewQuery, Query()], store: OpenStore) -> dict[str, Any]:
    """Every engagement between two sides (oldest first), counted per month by modality with the mean
    Goldstein score, and a summary: how many, first and last, who initiated."""
    dyad: dict[str, Any] = _ask(store.dyad, a, b, limit=query.limit, **query.filters())
    return dyad


@reads.get("/actors/{name}", response_model=Actor, tags=["relations"], summary="An actor's history",
           responses=_NOT_FOUND)
def get_actor(name: Annotated[str, Path(description="a person (Wang Yi) or a side (CHN, China)")],
              query: Annotated[ViewQuery, Query()], store: OpenStore) -> dict[str, Any]:
    """A person's or a side's engagements (newest first), titles, statements and counterparts."""
    actor = _ask(store.actor, name, limit=query.limit, **query.filters())
    if actor is None:
        raise ApiError(404, f"no actor named {name!r} in the store")
    assert isinstance(actor, dict)
    return actor


@reads.get("/search", response_model=SearchPage, tags=["search"], summary="Search statements")
def search(request: Request, query: Annotated[SearchQuery, Query()], store: OpenStore) -> dict[str, Any]:
    """Full-text search over what was said; each hit has a snippet with the matches between « and »."""
    return _page(request, _ask(store.search, query.q, limit=query.limit, offset=query.offset, **query.filters()))


@reads.get("/pairs", response_model=PairPage, tags=["pairs"], summary="Readouts of one engagement, grouped")
def list_pairs(request: Request, query: Annotated[PairsQuery, Query()], store: OpenStore) -> dict[str, Any]:
    """Groups of stored readouts that report one engagement (two or more, from different publishers or
    publishing sides), newest engagement first. Grouped at ingest: each new document is compared with the
    stored documents of its sides and date by ``readouts.compare.same_engagement``."""
    groups = _ask(store.pairs, **query.filters())
    items = groups[query.offset:query.offset + query.limit]
    return _page(request, {"items": items, "total": len(groups), "limit": query.limit, "offset": query.offset})


@reads.get("/compare/{a}/{b}", response_model=Comparison, tags=["pairs"], summary="Compare two readouts",
           responses=_NOT_FOUND)
def compare_documents(a: Annotated[str, Path(description="a document id")],
                      b: Annotated[str, Path(description="another document id")], store: OpenStore) -> Any:
    """Two stored readouts compared: same engagement? (with reasons), statements and agreements both report
    (``matched``), what only one reports (``only_a``, ``only_b``), topics only one names, and the differences
    worth a headline (initiator, topic, attribution, stance, agreement ...)."""
    for doc in dict.fromkeys((a, b)):
        if store.get_document(doc) is None:
            raise ApiError(404, f"no document with id {doc!r}")
    result = store.compare(a, b)
    if result is None:  # deleted in between
        raise ApiError(404, f"no document with id {a!r} or {b!r}")
    return result


@reads.get("/stats", response_model=Stats, tags=["stats"], summary="Counts")
def stats(store: OpenStore) -> dict[str, Any]:
    """How many documents, engagements, statements, events and actors the store holds."""
    counts: dict[str, Any] = store.counts()
    return counts


# --- writes --------------------------------------------------------------------------------------------

_extracting = threading.Lock()  # one extraction and write at a time: the NLP pipeline is shared, work is CPU-bound


def _refusal(text: str) -> str | None:
    """Why the extractor would refuse this text (as `readouts extract` says it), or None."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return "text: not valid Unicode (a lone surrogate)"
    try:
        decode(data, "text")  # binary: NUL bytes, control characters
        if not text.strip():
            return "text: the document is empty"
        check_english(text, "text")
    except InputError as e:
        return str(e)
    return None


@router.post("/documents", response_model=PostedDocument, status_code=201, tags=["documents"],
             summary="Extract and store a readout", dependencies=[Depends(require_write)],
             responses={200: {"model": PostedDocument, "description": "The same text was already stored"},
                        403: {"model": ErrorResponse, "description": "Writes are disabled (no token configured)"},
                        413: {"model": ErrorResponse, "description": "The body is larger than max_body"},
                        422: {"model": ErrorResponse,
                              "description": "The body is invalid, or the extractor refuses the text "
                                             "(empty, binary, not English, too long)"}})
def post_document(body: NewDocument, response: Response, store: OpenStore) -> dict[str, Any]:
    """Extract the record of a readout and store it. Answers 201 with the record, or 200 with
    ``created: false`` when the same text is already stored (documents are keyed by their text's hash)."""
    why = _refusal(body.text)
    if why:
        raise ApiError(422, why)
    doc_id = document_id(body.text)
    context = {k: v.isoformat() if isinstance(v, dt.date) else v
               for k, v in body.model_dump(exclude={"text"}).items() if v is not None}
    with _extracting:
        created = False
        if store.get_document(doc_id) is None:
            try:
                record = pipeline.extract(body.text, context)
            except InputError as e:
                raise ApiError(422, f"text: {e}") from e
            result = store.ingest_records([record])
            if result.failed:
                raise RuntimeError(f"the store could not write document {doc_id}: {'; '.join(result.errors)}")
            created = result.added > 0
    stored = store.get_record(doc_id)
    if not created:
        response.status_code = 200
    return {"id": doc_id, "created": created, "record": stored}


router.include_router(reads)
