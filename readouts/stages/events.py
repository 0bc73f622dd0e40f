"""Stage 10 — events: who did what to whom, in CAMEO, with Goldstein weight, quad class and PLOVER.

Engagement events, one per ordered pair of sides (CAMEO codes reciprocal consultations both ways):
041 for a phone call; 040 for a video call or an engagement of unknown place; for an in-person
engagement 042 (make a visit) from the visiting side and 043 (host) from the host when the place is
one side's own, 044 (meet at a third location) when it is neither side's; 040 otherwise.

Statement events: every statement of a participant goes through the event coder
(``readouts.coding``) as that side's speech in an engagement with the other sides: its own clauses
("China is willing to continue dialogue with NATO") are the speaker's events, what it says another
actor should do or did is the speaker's demand, accusation or comment. A statement of both sides
("The two leaders agreed to ...", "They welcomed ...") is coded as each side's, towards the others.
A consultation between the engagement's own sides that a statement reports ("They discussed ...") is
the engagement itself and is not coded twice, unless the statement tells of another time ("last
Friday, the presidents had a phone call"). Where the coder finds nothing, the regular expressions of
cameo_patterns.yaml are tried (phrasings the parse misses).
News events: a document that reports no engagement has every sentence that names two actors (or one
twice) and has a verb the lexicon knows coded as news (who did what to whom in that sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import permutations
from typing import Any

from ..model import Event
from . import datelines
from .base import Work

# words that set a statement at another time than the engagement's ("last Friday", "two years ago",
# "earlier this month"), besides the dates the dates stage resolves
_ELSEWHEN = re.compile(r"\b(?:last|earlier|ago|previous|previously|yesterday|since|beginning of this|end of last)\b",
                       re.I)
_MAX_NEWS_SENTENCES = 400  # a very long document is coded in its first 400 sentences that name an actor

__all__ = ["CodingPlan", "code", "finish", "plan", "run"]


def _event(work: Work, source: str, target: str | None, code: str, span: tuple[int, int],
           statement: str | None = None) -> Event | None:
    c = work.kb.cameo.get(code)
    if c is None:
        return None
    coder = _coder(work)
    plover, mode = coder.plover_of(code)
    return Event(source=source, target=target, cameo=code, goldstein=c.goldstein, quad_class=c.quad_class,  # type: ignore[arg-type]
                 statement=statement, span=span, source_cameo=coder.cameo_of(source),
                 target_cameo=coder.cameo_of(target) if target else None, plover=plover, plover_mode=mode)


def _patterns(work: Work) -> list[tuple[re.Pattern[str], dict]]:
    cache = work.kb.__dict__.setdefault("_cache", {})
    if "cameo_rx" not in cache:
        cache["cameo_rx"] = [(re.compile(p["pattern"], re.I), p) for p in work.kb.cameo_patterns]
    return cache["cameo_rx"]


@dataclass
class CodingPlan:
    """What one document asks of the event coder: the engagement events already made, and the texts
    (statements of a readout, or sentences of a news report) to code, with where each starts."""

    events: list[Event]
    sides: set[str]
    statements: list[Any] = field(default_factory=list)  # readout statements to code (Statement)
    sentences: list[Any] = field(default_factory=list)  # news sentences to code (Sentence)
    texts: list[str] = field(default_factory=list)
    days: list[Any] = field(default_factory=list)
    speakers: list[str | None] = field(default_factory=list)
    others: list[tuple[str, ...]] = field(default_factory=list)
    joint: list[bool] = field(default_factory=list)


def run(work: Work) -> None:
    """The whole stage for one document (``readouts.pipeline`` batches ``plan``/``code``/``finish``
    over the documents of a batch instead, so the coder's parser sees one large batch)."""
    p = plan(work)
    finish(work, p, code(work, [p])[0])


def plan(work: Work) -> CodingPlan:
    """Engagement events, and what the coder has to code in this document."""
    events: list[Event] = []
    for e in work.engagements:
        sides = []
        for i in e.participants:
            aff = work.people[i].affiliation
            if aff and aff not in sides:
                sides.append(aff)
        host = next(iter(work.kb.place_codes(e.location)), None) if e.modality == "in_person" and e.location else None
        for src, tgt in permutations(sides, 2):
            if e.modality == "phone":
                code_ = "041"
            elif e.modality == "video" or not e.location:
                code_ = "040"
            elif host is None or host not in sides:
                code_ = "044" if e.location else "040"
            else:
                code_ = "043" if src == host else "042"
            ev = _event(work, src, tgt, code_, e.span)
            if ev:
                events.append(ev)
    sides_all = {aff for e in work.engagements for i in e.participants if (aff := work.people[i].affiliation)}
    p = CodingPlan(events=events, sides=sides_all)
    _statement_requests(work, p)
    if not any(len({work.people[i].affiliation for i in e.participants} - {None}) >= 2 for e in work.engagements):
        # no engagement between two sides (none at all, or news that mentions one person's trip): the
        # document's sentences are news to code as such
        _news_requests(work, p)
    return p


def code(work: Work, plans: list[CodingPlan]) -> list[list[list[Any]]]:
    """Code the texts of every plan in one pass of the coder (``work`` gives the knowledge): per
    plan, per text, the coder's events."""
    texts = [t for p in plans for t in p.texts]
    if not texts:
        return [[] for _ in plans]
    found = iter(_coder(work).code_texts(texts, [d for p in plans for d in p.days],
                                         speakers=[s for p in plans for s in p.speakers],
                                         others=[o for p in plans for o in p.others],
                                         joint=[j for p in plans for j in p.joint]))
    return [[next(found) for _ in p.texts] for p in plans]


def finish(work: Work, p: CodingPlan, found: list[list[Any]]) -> None:
    """Turn the coder's events into the record's, and fall back on cameo_patterns.yaml for the
    statements the coder found nothing in."""
    from ..coding.batch import to_events

    events = p.events
    coded: set[str] = set()
    for st, f in zip(p.statements, found[:len(p.statements)], strict=True):
        # a statement's event is between the sides: one whose target is unnamed ("the Prime Minister
        # reiterated his commitment") says nothing an event dataset can use; "the two sides discussed
        # ...", "the Secretary discussed ... with his counterpart" is the engagement itself, already
        # coded as such
        # (unless it tells of another time: "At the beginning of this month, President Xi had a phone
        # conversation with Chancellor Merkel")
        again = not _elsewhen(work, st)
        new = [ev for ev in to_events(f, statement=st.id) if ev.target is not None and not (
            again and ev.cameo[:2] == "04" and ev.source in p.sides and ev.target in p.sides)]
        for ev in new:
            ev.span = (ev.span[0] + st.span[0], ev.span[1] + st.span[0])
        if new:
            coded.add(st.id)
            events.extend(new)
    for sent, f in zip(p.sentences, found[len(p.statements):], strict=True):
        for ev in to_events(f):
            ev.span = (ev.span[0] + sent.start, ev.span[1] + sent.start)
            events.append(ev)
    _pattern_fallback(work, p.sides, coded, events)
    work.events = events


def _elsewhen(work: Work, st: Any) -> bool:
    """Whether a statement tells of another time than the engagement's: a date in it that is not the
    engagement's ("In February, the two presidents had a phone call"), or a word such as "last", "ago"."""
    day = work.engagement_date
    when = day.isoformat() if day is not None else None
    if any(st.span[0] <= d.start < st.span[1] and (when is None or not when.startswith(d.value))
           for d in work.dates):
        return True
    return _ELSEWHEN.search(st.text) is not None


def _names(work: Work) -> dict[str, list[str]]:
    cache = work.kb.__dict__.setdefault("_cache", {})
    if "actor_names" not in cache:
        cache["actor_names"] = {a.code: [a.name, *a.aliases] for a in work.kb.actors.values()}
    names: dict[str, list[str]] = cache["actor_names"]
    return names


def _pattern_fallback(work: Work, sides_all: set[str], coded: set[str], events: list[Event]) -> None:
    """The regular expressions of cameo_patterns.yaml on each participant's statement the coder
    found nothing in."""
    names = _names(work)
    for st in work.statements:
        if st.id in coded:
            continue
        if st.speaker == "both sides" or not st.affiliation:
            continue
        others = sorted(sides_all - {st.affiliation})
        for rx, pat in _patterns(work):
            m = rx.search(st.text)
            if not m:
                continue
            target: str | None = None
            clause = st.text
            if pat.get("subject_target"):
                head = clause[:m.start()]
                for c in others:
                    if any(re.search(r"\b" + re.escape(n) + r"\b", head) for n in names.get(c, [])):
                        target = c
            else:
                for c in others:
                    if any(re.search(r"\b" + re.escape(n) + r"\b", clause) for n in names.get(c, [])):
                        target = c
                        break
            if target is None and others and not pat.get("named_target"):
                target = others[0]
            if target is None:
                continue
            begin = st.span[0] + m.start()
            ev = _event(work, st.affiliation, target, str(pat["code"]), (begin, st.span[0] + m.end()), st.id)
            if ev:
                events.append(ev)


def _coder(work: Work) -> Any:
    cache = work.kb.__dict__.setdefault("_cache", {})
    if "coder" not in cache:
        from ..coding import Coder

        cache["coder"] = Coder(knowledge=work.kb)
    return cache["coder"]


def _statement_requests(work: Work, p: CodingPlan) -> None:
    """Each participant's statement with a verb the lexicon knows, to be coded as that side's speech
    in an engagement with the other sides."""
    coder = _coder(work)
    cameo_of = coder.cameo_of
    day = work.engagement_date
    sides = sorted(p.sides)
    for st in work.statements:
        joint = not st.affiliation and st.speaker == "both sides"
        if joint and len(sides) < 2 or not joint and not st.affiliation:
            continue
        if not coder.might_code(_words(work, st.span[0], st.span[1])):
            continue
        p.statements.append(st)
        p.texts.append(work.text[st.span[0]:st.span[1]])
        p.days.append(day)
        if joint:  # the sides together: each is a source, the others its targets
            p.speakers.append(cameo_of(sides[0]))
            p.others.append(tuple(cameo_of(o) for o in sides[1:]))
        else:
            p.speakers.append(cameo_of(st.affiliation))
            p.others.append(tuple(cameo_of(o) for o in sorted(p.sides - {st.affiliation})))
        p.joint.append(joint)


def _news_requests(work: Work, p: CodingPlan) -> None:
    """A document without an engagement between two sides: every sentence that names two actors and has a
    known verb, but for those already coded as someone's statement."""
    named = sorted({m.start for m in work.actor_mentions} | {sp[0] for sp in work.person_at})
    coder = _coder(work)
    told = [st.span for st in work.statements]
    k = 0
    for sent in work.sentences:
        while k < len(named) and named[k] < sent.start:
            k += 1
        if any(a < sent.end and sent.start < b for a, b in told):
            continue  # coded as what its speaker said
        if work.text[sent.start:sent.end].rstrip(" \"”’)").endswith("?"):
            continue  # a question ("Will the Foreign Minister meet ...?") reports no event
        # a record's event needs a named source and a named target: a sentence naming fewer than two
        # actors is not worth a parse (news sentences are most of a long article)
        if sent.boiler or k + 1 >= len(named) or named[k + 1] >= sent.end:
            continue
        if not coder.might_code(_words(work, sent.start, sent.end)):
            continue  # no verb the lexicon knows: nothing to code, no need to parse
        lead = datelines.NEWS.match(work.text, sent.start, sent.end)
        if lead:  # "ROME (Reuters) - Heavy rain ...": the dateline's city is nobody's act
            sent = replace(sent, start=lead.end())
        p.sentences.append(sent)
        p.texts.append(work.text[sent.start:sent.end])
        p.days.append(work.published)
        p.speakers.append(None)
        p.others.append(())
        p.joint.append(False)
        if len(p.sentences) >= _MAX_NEWS_SENTENCES:
            break


def _words(work: Work, start: int, end: int) -> list[str]:
    """The lower-case tokens of [start, end) from the document's tokenization."""
    doc = work.doc
    if doc is None:
        return work.text[start:end].lower().split()
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t.lower_ for t in span] if span is not None else work.text[start:end].lower().split()
