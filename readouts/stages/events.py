"""Stage 10 — events: who did what to whom, in CAMEO, with Goldstein weight and quad class.

Reads engagements, statements, the CAMEO table (cameo.tsv: the CAMEO 1.1b3 codes with the ICEWS
CAMEO-to-Goldstein weights) and the statement patterns (cameo_patterns.yaml); fills ``work.events``.

Engagement events, one per ordered pair of sides (CAMEO codes reciprocal consultations both ways):
041 for a phone call; 040 for a video call or an engagement of unknown place; for an in-person
engagement 042 (make a visit) from the visiting side and 043 (host) from the host when the place is
one side's own, 044 (meet at a third location) when it is neither side's; 040 otherwise.
Statement events: the patterns of cameo_patterns.yaml over each statement of a participant, from the
speaker's side to the other side named in the clause (or the engagement's other side). This is the
slot where the full statement-level coder plugs in (issue 3): it adds to the same list.
"""

from __future__ import annotations

import re
from itertools import permutations

from ..model import Event
from .base import Work

__all__ = ["run"]


def _event(work: Work, source: str, target: str | None, code: str, span: tuple[int, int],
           statement: str | None = None) -> Event | None:
    c = work.kb.cameo.get(code)
    if c is None:
        return None
    return Event(source=source, target=target, cameo=code, goldstein=c.goldstein, quad_class=c.quad_class,  # type: ignore[arg-type]
                 statement=statement, span=span)


def _home_of_place(work: Work, location: str | None) -> str | None:
    if not location:
        return None
    low = location.lower()
    for a in work.actor_mentions:
        if work.text[a.start:a.end].lower() in low and a.form in ("capital", "name", "alias", "seat"):
            return a.code
    return None


def _patterns(work: Work) -> list[tuple[re.Pattern[str], dict]]:
    cache = work.kb.__dict__.setdefault("_cache", {})
    if "cameo_rx" not in cache:
        cache["cameo_rx"] = [(re.compile(p["pattern"], re.I), p) for p in work.kb.cameo_patterns]
    return cache["cameo_rx"]


def run(work: Work) -> None:
    events: list[Event] = []
    names: dict[str, list[str]] = {}
    for a in work.kb.actors.values():
        names[a.code] = [a.name, *a.aliases]
    for e in work.engagements:
        sides = []
        for i in e.participants:
            aff = work.people[i].affiliation
            if aff and aff not in sides:
                sides.append(aff)
        host = _home_of_place(work, e.location) if e.modality == "in_person" else None
        for src, tgt in permutations(sides, 2):
            if e.modality == "phone":
                code = "041"
            elif e.modality == "video" or not e.location:
                code = "040"
            elif host is None or host not in sides:
                code = "044" if e.location else "040"
            else:
                code = "043" if src == host else "042"
            ev = _event(work, src, tgt, code, e.span)
            if ev:
                events.append(ev)
    sides_all = {aff for e in work.engagements for i in e.participants if (aff := work.people[i].affiliation)}
    for st in work.statements:
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
                for code in others:
                    if any(re.search(r"\b" + re.escape(n) + r"\b", head) for n in names.get(code, [])):
                        target = code
            else:
                for code in others:
                    if any(re.search(r"\b" + re.escape(n) + r"\b", clause) for n in names.get(code, [])):
                        target = code
                        break
            if target is None and others:
                target = others[0]
            if target is None:
                continue
            begin = st.span[0] + m.start()
            ev = _event(work, st.affiliation, target, str(pat["code"]), (begin, st.span[0] + m.end()), st.id)
            if ev:
                events.append(ev)
    work.events = events
