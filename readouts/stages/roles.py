"""Stage 5 — roles: the side each person speaks for, as of the engagement's date.

Reads people, engagements and actor mentions; sets each person's ``affiliation`` (and a title from
the knowledge when the text gives none), ``work.home`` (the publishing side) and resolves
initiators given as "@<person>" or "@counterpart" to actor codes.

Order of evidence: an actor named in the title itself ("Russian Foreign Minister", "Prime Minister
of Japan", "NATO Secretary General"); the person's dated role in the knowledge (Wang Yi: Foreign
Minister of China 2013–2022 and again from 2023); the knowledge's holder of that title on that
date; and last the publishing side, since readouts do not qualify their own officials ("Foreign
Minister Wang Yi" in a Chinese readout, "The Prime Minister" in a British one). The publishing side is
a state agency's dateline, the side of the first unqualified participant (unless an unnamed one comes
first: "The Prime Minister met the Taoiseach" is no Irish readout), the publisher the context names
("Prime Minister's Office, 10 Downing Street"), else the state the text names most.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from . import datelines
from .base import PersonRef, Work

__all__ = ["default_actor", "publisher_kind", "publisher_side", "run"]


def _day(work: Work) -> dt.date | None:
    return work.engagement_date


def _from_knowledge(work: Work, p: PersonRef, day: dt.date | None) -> None:
    if p.known is None:
        return
    kind = work.kb.title_kind(p.title)
    role = p.known.role_at(day, kind)
    if role is None:
        return
    p.role_kind = role.kind
    if p.affiliation is None:
        p.affiliation = role.actor
    if p.title is None:
        p.title = role.title


def _coordinated_side(work: Work, p: PersonRef) -> str | None:
    """The side of a title coordinated with the one before it, which named it: "Moldovan Prime Minister Vlad
    Filat and Foreign Minister Natalia Gherman" (Moldova's foreign minister too)."""
    if p.title_span is None or p.title_actor:
        return None
    for q in work.people:
        if q is not p and q.title_actor and q.name_span and q.name_span[1] < p.title_span[0] and \
                re.fullmatch(r"\s+and\s+", work.text[q.name_span[1]:p.title_span[0]]):
            return q.title_actor
    return None


def _holder_of(work: Work, title: str, actor: str | None, day: dt.date | None) -> tuple[str, str] | None:
    """(name, actor) of the one known person holding a title of this kind for this actor on this day."""
    kind = work.kb.title_kind(title)
    if not kind or day is None:
        return None
    found = [(p.name, r.actor) for p in work.kb.people for r in p.roles
             if r.kind == kind and r.active(day) and (actor is None or r.actor == actor)]
    return found[0] if len(found) == 1 else None


def default_actor(work: Work, title: str | None) -> str | None:
    """The organisation an office implies without naming it (titles.yaml ``default_actors``: "the
    Secretary-General" -> UN, "the Holy Father" -> VAT), or None."""
    if not title:
        return None
    t = title.lower().replace("’", "'").removesuffix("'s").strip()
    t = t.removeprefix("the ")
    return (work.kb.titles.get("default_actors") or {}).get(t)


def publisher_side(work: Work) -> str | None:
    """The state a publisher given in the context names ("UK Prime Minister's Office" -> GBR,
    "Ministry of Foreign Affairs of Japan" -> JPN), when it names exactly one; else None."""
    publisher = work.context.get("publisher")
    if not isinstance(publisher, str):
        return None
    states = [c for c in work.kb.place_codes(publisher)
              if (a := work.kb.actors.get(c)) is not None and a.kind == "state"]
    return states[0] if len(states) == 1 else None


def publisher_kind(work: Work) -> str | None:
    """The office kind of the publisher the context names (titles.yaml ``publisher_kinds``: "Department of
    Foreign Affairs, Ireland" -> foreign_minister, "UK Prime Minister's Office" -> head_of_government), or None."""
    publisher = work.context.get("publisher")
    if not isinstance(publisher, str):
        return None
    low = publisher.lower()
    for kind, phrases in (work.kb.titles.get("publisher_kinds") or {}).items():
        if any(re.search(r"(?<![\w-])" + re.escape(str(ph).lower()) + r"(?![\w-])", low) for ph in phrases):
            return str(kind)
    return None


def _possessor_side(work: Work, p: PersonRef) -> str | None:
    """"The South Sudanese leader ... was accompanied by his Foreign Affairs Minister X": an official told as
    someone's ("his", "her") is of the side of the last person the sentence names before."""
    if not p.title_span:
        return None
    s = work.sentence_of(p.title_span[0])
    if s is None or not re.search(r"\b(?:his|her)\s+$", work.text[max(s.start, p.title_span[0] - 8):p.title_span[0]]):
        return None
    before = [(a, i) for (a, b), i in work.person_at.items() if s.start <= a and b <= p.title_span[0]]
    return work.people[max(before)[1]].affiliation if before else None


def run(work: Work) -> None:
    day = _day(work)
    for p in work.people:
        if p.title_actor:
            p.affiliation = p.title_actor
        _from_knowledge(work, p, day)
        if p.affiliation is None:
            p.affiliation = _coordinated_side(work, p) or default_actor(work, p.title)
    for p in work.people:
        if p.affiliation is None:
            p.affiliation = _possessor_side(work, p)
    # home, the publishing side: a state agency's dateline when its side took part or hosted; else the side
    # of the first participant not qualified by an actor in the title; else (all qualified) the first named
    home = None
    if work.engagements:
        e = work.engagements[0]
        agency = datelines.agency(work)
        sent = work.sentences[e.sentence]
        if agency is not None and (agency[0] in {work.people[i].affiliation for i in e.participants} or any(
                m.code == agency[0] for m in work.actor_mentions if max(sent.start, agency[1]) <= m.start < sent.end)):
            # a state agency's readout of an engagement its side took part in, or that took place in its
            # country ("... state visit to Vietnam")
            home = agency[0]
        for i in e.participants:
            if home is not None:
                break
            p = work.people[i]
            if p.name is None and not p.title_actor and not p.affiliation:
                break  # "The Prime Minister met the Taoiseach ...": the unnamed subject is not the other's side
            if not p.title_actor and p.affiliation:
                home = p.affiliation
                break
        if home is None:
            # the publisher the context names ("UK Prime Minister's Office"), when it names one state
            home = publisher_side(work)
        if home is None and all(work.people[i].title_actor for i in e.participants[:2]):
            # the principals qualified ("Mr. X, Prime Minister of Japan, met ..."; their aides, "the Deputy
            # Minister of Foreign Affairs", may not be): the readout's own official is the one it names first,
            # as the subject of its first engagement
            home = next((work.people[i].affiliation for i in e.participants if work.people[i].affiliation), None)
        others = {work.people[i].affiliation for i in e.participants if work.people[i].affiliation}
        if home is None and datelines.capital(work) not in others:
            home = datelines.capital(work)  # "Dhaka, 12 April 2022": the capital the page was issued in
        if home is None:
            # "met today with Danish Minister of Defence X at the Pentagon": the government whose seat it names
            # (not a capital, which may host a summit of others: "on the sidelines of the G20 Summit in New Delhi")
            home = next((m.code for m in work.actor_mentions if sent.start <= m.start < sent.end
                         and m.form == "seat" and m.code not in others), None)
        if home is None:
            counts = Counter(m.code for m in work.actor_mentions
                             if m.code not in others and work.kb.actors.get(m.code) is not None
                             and work.kb.actors[m.code].kind == "state" and m.form in ("name", "alias", "adjective"))
            if counts:
                home = counts.most_common(1)[0][0]
    work.home = home
    own = publisher_kind(work)
    for p in work.people:
        if p.affiliation is None and home and own and not p.title_actor and work.kb.title_kind(p.title) == own:
            p.affiliation = home  # "the Minister for Foreign Affairs" of a foreign ministry's readout: its own
    for e in work.engagements:
        for i in e.participants:
            p = work.people[i]
            if p.affiliation is None and p.title:
                got = _holder_of(work, p.title, home, day)
                if got and p.name is None:
                    p.affiliation = got[1]
                elif home:
                    p.affiliation = home
            elif p.affiliation is None and home:
                p.affiliation = home
        # initiators named by reference
        if e.initiator and e.initiator.startswith("@"):
            ref = e.initiator[1:]
            if ref == "counterpart":
                sides = [work.people[i].affiliation for i in e.participants if work.people[i].affiliation]
                first = sides[0] if sides else None
                other = [s for s in sides if s != (home or first)]
                e.initiator = other[0] if other else None
            else:
                e.initiator = work.people[int(ref)].affiliation
