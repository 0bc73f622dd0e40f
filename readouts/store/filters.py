"""Query filters: names, validation, and their translation into SQL conditions per kind of row.

Every read method takes the same keyword filters; each kind of row (documents, engagements,
statements, events) reads them in its own terms: an engagement's side is one of its participants'
affiliations, a statement's is its speaker's affiliation, an event's is its source or target. A filter
given as ``None`` or ``""`` is ignored, so a web layer may pass its query parameters through as they come.
Side codes and names resolve through the extractor's knowledge: "China", "NATO", "the United States".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, false, func, or_, select

from .schema import documents as D
from .schema import engagement_sides as ES
from .schema import engagements as E
from .schema import events as V
from .schema import participants as P
from .schema import statements as S
from .schema import topics as T

__all__ = ["COMMON", "EVENT_ONLY", "check_filters", "conditions", "resolve_side", "side_name"]

COMMON = frozenset({"since", "until", "modality", "type", "initiator", "speaker", "affiliation", "side", "topic",
                    "publisher", "document", "actor"})
EVENT_ONLY = frozenset({"source", "target", "cameo"})


def resolve_side(value: str | None) -> str | None:
    """The side code a code or name stands for ("CHN", "China", "chinese", "the United States" -> USA),
    or None when the knowledge does not know it."""
    if not value or not value.strip():
        return None
    from ..knowledge import load_knowledge

    kb = load_knowledge()
    v = " ".join(value.split())
    if v in kb.actors:
        return v
    if v in kb.exact_forms:
        return kb.exact_forms[v][0]
    low = v.lower()
    for form in (low, low[4:] if low.startswith("the ") else None):
        if form and form in kb.actor_forms:
            return kb.actor_forms[form][0]
    if v.upper() in kb.actors:
        return v.upper()
    return None


def side_name(code: str) -> str:
    """The name of a side code ("CHN" -> "China"), or the code itself."""
    from ..knowledge import load_knowledge

    actor = load_knowledge().actors.get(code)
    return actor.name if actor else code


def _day(value: Any, end: bool) -> str:
    s = str(value).strip()
    try:
        if len(s) == 4:
            dt.date(int(s), 1, 1)
            return s + ("-12-31" if end else "-01-01")
        if len(s) == 7:
            dt.date.fromisoformat(s + "-01")
            return s + ("-31" if end else "-01")
        return dt.date.fromisoformat(s[:10]).isoformat()
    except ValueError as e:
        raise ValueError(f"not a date: {s!r} (write YYYY-MM-DD, YYYY-MM or YYYY)") from e


def check_filters(kind: str, filters: dict[str, Any]) -> dict[str, Any]:
    """The filters that are set, checked: unknown names raise ``ValueError``; dates are normalised."""
    allowed = COMMON | EVENT_ONLY if kind == "events" else COMMON
    unknown = sorted(set(filters) - allowed)
    if unknown:
        raise ValueError(f"unknown filter{'s' if len(unknown) > 1 else ''} for {kind}: {', '.join(unknown)} "
                         f"(known: {', '.join(sorted(allowed))})")
    out = {k: (v.strip() if isinstance(v, str) else v) for k, v in filters.items() if v is not None and v != ""}
    if "since" in out:
        out["since"] = _day(out["since"], end=False)
    if "until" in out:
        out["until"] = _day(out["until"], end=True)
    if "side" in out and "affiliation" in out and out["side"] != out["affiliation"]:
        raise ValueError("side and affiliation are the same filter; give one")
    if "affiliation" in out:
        out["side"] = out.pop("affiliation")
    return out


def _code(value: str) -> str:
    return resolve_side(value) or value


def _person(value: str) -> str:
    return " ".join(value.split()).lower()


def _speaker_is(col: Any, key: str) -> ColumnElement[bool]:
    """A speaker column naming the person ``key``: the name itself, a participant's name with that name
    or surname, or a name ending with it."""
    named = select(P.c.name_key).where(or_(P.c.name_key == key, P.c.surname_key == key))
    return or_(col == key, col.in_(named), col.like("% " + _like(key), escape="\\"))


def _like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _in_range(col: Any, f: dict[str, Any]) -> list[ColumnElement[bool]]:
    out = []
    if "since" in f:
        out.append(col >= f["since"])
    if "until" in f:
        out.append(col <= f["until"])
    return out


def _topic(eng_pk: Any, value: str) -> ColumnElement[bool]:
    key = value.lower()
    return exists().where(T.c.engagement_pk == eng_pk, or_(T.c.label_key == key, T.c.topic_key == key))


def _publisher(value: str) -> ColumnElement[bool]:
    conds: list[ColumnElement[bool]] = [func.lower(D.c.publisher).like("%" + _like(value.lower()) + "%",
                                                                       escape="\\")]
    code = resolve_side(value)
    if code:
        conds.append(D.c.publisher_side == code)
    return or_(*conds)


def _engagement_fields(f: dict[str, Any]) -> list[ColumnElement[bool]]:
    """Conditions on the engagement's own columns (E: the engagements table, or joined to a row)."""
    out = [E.c[name] == f[name] for name in ("modality", "type") if name in f]
    if "initiator" in f:
        out.append(E.c.initiator == _code(f["initiator"]))
    return out


def _speaker_like(value: str) -> ColumnElement[bool]:
    """A statement (S) whose speaker's name contains ``value``, case-insensitively."""
    return S.c.speaker_key.like("%" + _like(value.lower()) + "%", escape="\\")


def _engagement_conditions(f: dict[str, Any]) -> list[ColumnElement[bool]]:
    """Conditions on the engagements table E (joined with its document D)."""
    out = _in_range(E.c.day, f) + _engagement_fields(f)
    if "speaker" in f:
        out.append(exists().where(S.c.engagement_pk == E.c.pk, _speaker_like(f["speaker"])))
    if "side" in f:
        out.append(exists().where(ES.c.engagement_pk == E.c.pk, ES.c.side == _code(f["side"])))
    if "topic" in f:
        out.append(_topic(E.c.pk, f["topic"]))
    if "publisher" in f:
        out.append(_publisher(f["publisher"]))
    if "document" in f:
        out.append(E.c.document_id == f["document"])
    if "actor" in f:
        code = resolve_side(f["actor"])
        if code:
            out.append(exists().where(ES.c.engagement_pk == E.c.pk, ES.c.side == code))
        else:
            key = _person(f["actor"])
            out.append(exists().where(P.c.engagement_pk == E.c.pk, or_(P.c.name_key == key, P.c.surname_key == key)))
    return out


def conditions(kind: str, f: dict[str, Any]) -> list[ColumnElement[bool]]:
    """SQL conditions for checked filters ``f`` on rows of ``kind``. Engagement fields of statements and
    events come from their engagement (joined as E, outer), the document's from D; events' speaker from
    their statement (joined as S, outer)."""
    if kind == "engagements":
        return _engagement_conditions(f)
    if kind == "documents":
        out: list[ColumnElement[bool]] = []
        eng = {k: v for k, v in f.items() if k in ("since", "until", "modality", "type", "initiator", "side",
                                                   "topic", "actor")}
        if eng:
            sub = exists().where(E.c.document_id == D.c.id, *_engagement_conditions(eng))
            if set(eng) <= {"since", "until"}:
                out.append(or_(sub, and_(*_in_range(D.c.published, f))))
            else:
                out.append(sub)
        if "speaker" in f:
            out.append(exists().where(S.c.document_id == D.c.id, _speaker_like(f["speaker"])))
        if "publisher" in f:
            out.append(_publisher(f["publisher"]))
        if "document" in f:
            out.append(D.c.id == f["document"])
        return out
    row = S if kind == "statements" else V
    out = _in_range(row.c.day, f) + _engagement_fields(f)
    if "speaker" in f:
        out.append(_speaker_like(f["speaker"]))
    if "topic" in f:
        out.append(_topic(row.c.engagement_pk, f["topic"]))
    if "publisher" in f:
        out.append(_publisher(f["publisher"]))
    if "document" in f:
        out.append(row.c.document_id == f["document"])
    sides = []
    if "side" in f:
        sides.append(_code(f["side"]))
    actor = f.get("actor")
    if actor is not None:
        code = resolve_side(actor)
        if code:
            sides.append(code)
        else:
            out.append(_speaker_is(S.c.speaker_key, _person(actor)) if kind == "statements"
                       else and_(V.c.statement.is_not(None), _speaker_is(S.c.speaker_key, _person(actor))))
    for code in sides:
        out.append(S.c.affiliation == code if kind == "statements" else or_(V.c.source == code, V.c.target == code))
    if kind == "events":
        if "source" in f:
            out.append(V.c.source == _code(f["source"]))
        if "target" in f:
            out.append(V.c.target == _code(f["target"]))
        if "cameo" in f:
            cameo = str(f["cameo"])
            out.append(V.c.cameo.like(_like(cameo) + "%", escape="\\") if cameo.isdigit() else false())
    return out
