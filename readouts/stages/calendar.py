"""Stage 5b — calendar: an engagement's date from what the knowledge knows, when the text gives none in full.

Many readouts never print a year ("Prime Minister X and his Indian counterpart co-chaired the virtual
summit on December 21") or any date at all ("The Prime Minister met Prime Minister Modi at the G20
Summit in New Delhi today"): the page carried it, the text did not. Two kinds of knowledge date them:

* **summits** (summits.yaml): an engagement placed at a forum's summit ("at the G20 Summit in New
  Delhi", "on the sidelines of the 17th BRICS Summit", "the Osaka G20 Summit") takes that summit's
  first day, or the summit's year for a day and month the text states; the summit is told apart from
  the forum's others by the place, year or ordinal the text gives, by a stated weekday and by the
  participants' dated roles.
* **dated roles** (people.yaml): a day and month without a year takes the one year in which every
  participant held the office the text gives them (and the stated weekday fell on that day). When
  several years fit, the latest of them that the text itself names outside a future or a range
  ("... as ASEAN Chair in 2020") is taken; when the text names none of them, the date stays unknown.

Runs after the roles stage (participants' dated roles and sides are known); only engagements still
without a full date are touched, and a date the text states is never replaced.
"""

from __future__ import annotations

import datetime as dt
import re

from ..knowledge import Summit
from .base import EngagementDraft, Sentence, Work
from .dates import BEFORE, WEEKDAYS

__all__ = ["run"]

_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
# other relative days: a day the text does not name, so no summit day is taken for them
_OTHER_DAY = re.compile(r"\b(?:yesterday|tomorrow|last (?:week|month|year)|earlier this|next)\b", re.I)
# an engagement the sentence recalls rather than reports ("they recalled their meeting at the G20 Summit")
_RECALLED = re.compile(r"\b(?:recall\w*|last met|previous(?:ly)?|earlier|former)\b", re.I)
_YEAR = re.compile(r"(?<![\d/–-])(?P<year>(?:19|20)\d{2})(?![\d/])(?!\s*[–-]\s*(?:19|20)?\d{2}\b)")
_BEFORE_IT = re.compile(r"\b(?:" + BEFORE + r"|before)\s+"
                        r"(?:the\s+|this\s+\w+'s\s+|next\s+\w+'s\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_FUTURE = re.compile(r"\b(?:will|shall|would|plans?|planned|next|upcoming|forthcoming|by|until|till|towards?|"
                     r"through|ahead of|vision|goal|target)\b", re.I)


def _summit_patterns(work: Work) -> list[tuple[str, re.Pattern[str]]]:
    cache = work.kb.__dict__.setdefault("_cache", {})
    got = cache.get("summit_rx")
    if got is None:
        got = []
        for f in work.kb.forums.values():
            names = "|".join(re.escape(n) for n in sorted(f.names, key=len, reverse=True))
            meetings = "|".join(re.escape(m).replace("'", "['’]?") for m in sorted(f.meetings, key=len, reverse=True))
            # the forum's name as written (acronyms are case-sensitive), its meeting word in any case:
            # "the 18th G20 Summit", "the 2023 G20 summit", "APEC Economic Leaders' Meeting", "summit of the G20"
            rx = re.compile(
                r"(?:\b(?P<ord>\d{1,2})(?:st|nd|rd|th)\s+)?(?:\b(?P<y1>(?:19|20)\d{2})\s+)?"
                r"\b(?:" + names + r")\b\s*(?:['’]s\s+)?(?i:" + meetings + r")\b(?:\s+(?P<y2>(?:19|20)\d{2})\b)?"
                r"|\b(?i:summit) of (?:the )?\b(?:" + names + r")\b")
            got.append((f.code, rx))
        cache["summit_rx"] = got
    return got


def _active_in(work: Work, e: EngagementDraft, day: dt.date, last: dt.date | None = None) -> bool:
    """Every known participant held the office the text gives them on ``day`` (or up to ``last``)."""
    for i in e.participants:
        p = work.people[i]
        if p.known is None:
            continue
        kind = work.kb.title_kind(p.title)
        roles = [r for r in p.known.roles if (kind is None or r.kind == kind) and (r.start or r.end)]
        if not roles:
            continue
        days = [day] if last is None else [day + dt.timedelta(days=k) for k in range((last - day).days + 1)]
        if not any(r.active(d) for r in roles for d in days):
            return False
    return True


def _summit_date(work: Work, e: EngagementDraft, s: Sentence) -> tuple[str, str] | None:
    """(date, the text that gave it) of the summit the engagement's sentence places it at, or None."""
    text = work.stext(s)
    yearless = [(a, b, m, d) for a, b, m, d in work.yearless if s.start <= a < s.end]
    for code, rx in _summit_patterns(work):
        for m in rx.finditer(text):
            if _RECALLED.search(text[max(0, m.start() - 60):m.start()]) or _BEFORE_IT.search(text[max(0, m.start() - 30):
                                                                                                  m.start()]):
                continue  # a summit recalled, or one the engagement comes before ("ahead of the NATO Summit")
            cands = [c for c in work.kb.summits if c.forum == code]
            if m.group("ord"):
                cands = [c for c in cands if c.number == int(m.group("ord"))]
            year = m.group("y1") or m.group("y2")
            if year:
                cands = [c for c in cands if c.start.year <= int(year) <= c.end.year]
            # where the text places the summit: right before its name ("the Osaka G20 Summit"), after it ("the
            # G20 Summit in New Delhi", "... in Brazil"), or where the participant went to attend it ("who is
            # visiting San Francisco to attend the APEC ...") — not any city or state the sentence names
            after = re.match(r"\s+(?:held\s+|hosted\s+)?(?:in|at|by)\s+(?:the\s+)?", text[m.end():])
            hosts = {x.code for x in work.actor_mentions if after and x.start == s.start + m.end() + after.end()
                     and x.form in ("name", "alias", "capital")}
            placed = [c for c in cands if any(_said_where(text, m.start(), m.end(), p) for p in c.places)
                      or c.host in hosts]
            if placed:
                cands = placed
            elif re.match(r"\s+(?:in|at)\s+(?:the\s+)?[A-Z]", text[m.end():]):
                continue  # a place the knowledge does not hold for this forum: some other summit
            # else the forum alone: only the participants' roles and a stated day can tell the summit
            cands = [c for c in cands if _active_in(work, e, c.start, c.end)]
            if e.modality == "in_person":
                cands = [c for c in cands if not c.virtual]
            wd = _WEEKDAY.search(text)
            found = _pick(cands, yearless, wd.group(1).lower() if wd else None, text)
            if found is not None:
                return found.isoformat(), text[m.start():m.end()]
    return None


def _said_where(text: str, start: int, end: int, place: str) -> bool:
    """Whether ``text`` places the summit named at [start, end) in ``place``: right before the name, in a
    phrase "in/at ..." right after it, or where someone went "visiting/in/to ..." shortly before it."""
    q = re.escape(place)
    before = text[max(0, start - 60):start]
    after = re.match(r"\s+(?:held\s+|hosted\s+)?(?:in|at)\s+(?:the\s+)?" + q + r"(?![\w-])", text[end:])
    return bool(re.search(r"(?<![\w-])" + q + r"\s*$", before)
                or re.search(r"\b(?:visit\w*|in|at|to)\s+" + q + r"(?![\w-])", before) or after)


def _pick(cands: list[Summit], yearless: list[tuple[int, int, int, int]], weekday: str | None,
          text: str) -> dt.date | None:
    days: list[dt.date] = []
    if yearless:
        # a day and month: the summit held on that day, else one within two days of it (leaders meet on
        # the eve of a summit and the day after)
        _a, _b, month, day = yearless[0]
        for margin in (0, 2):
            days = [d for c in cands for d in (c.start + dt.timedelta(days=k)
                                               for k in range(-margin, (c.end - c.start).days + 1 + margin))
                    if (d.month, d.day) == (month, day)]
            if days:
                break
        return days[0] if len(set(days)) == 1 else None
    for c in cands:
        if weekday:
            inside = [c.start + dt.timedelta(days=k) for k in range((c.end - c.start).days + 1)]
            days += [d for d in inside if d.weekday() == WEEKDAYS.index(weekday)]
        elif not _OTHER_DAY.search(text):
            days.append(c.start)
    return days[0] if len(set(days)) == 1 else None


def _text_years(work: Work) -> set[int]:
    """The years the text names of its own time: not in a range ("2021-2022"), a future ("by 2030") nor a page's
    copyright line ("© 2024 Ministry of Foreign Affairs")."""
    out = set()
    for m in _YEAR.finditer(work.text):
        s = work.sentence_of(m.start())
        before = work.text[max(s.start if s else 0, m.start() - 40):m.start()]
        if _FUTURE.search(before) or s is not None and re.search(r"\b(?:will|shall)\b", work.stext(s)):
            continue
        if re.search(r"(?:©|\(c\)|\bcopyright)\s*(?:(?:19|20)\d{2}\s*[-–]\s*)?$", before, re.I):
            continue  # a page's "© 2024": the site's year, not the text's
        out.add(int(m.group("year")))
    return out


def _year_from_roles(work: Work, e: EngagementDraft, s: Sentence) -> tuple[str, str] | None:
    """A day and month without a year, dated by the participants' roles (and the text's own years)."""
    got = [(a, b, m, d) for a, b, m, d in work.yearless if s.start <= a < s.end]
    if not got:
        return None
    a, b, month, dd = got[0]
    wd = _WEEKDAY.search(work.stext(s))
    if not any(r.start or r.end for i in e.participants if work.people[i].known is not None
               for r in work.people[i].known.roles):  # type: ignore[union-attr]
        return None  # no participant with dated roles: nothing to go by
    days = []
    for y in range(1990, 2100):
        try:
            day = dt.date(y, month, dd)
        except ValueError:
            continue
        if wd and day.weekday() != WEEKDAYS.index(wd.group(1).lower()):
            continue
        if _active_in(work, e, day):
            days.append(day)
    if len(days) > 1:
        named = _text_years(work)
        days = [d for d in days if d.year in named][-1:]
    if len(days) == 1:
        return days[0].isoformat(), work.text[a:b]
    return None


def run(work: Work) -> None:
    for e in work.engagements:
        if e.date is not None and len(e.date) == 10:
            continue
        s = work.sentences[e.sentence]
        got = _summit_date(work, e, s)
        if got is None and e.date is None:
            got = _year_from_roles(work, e, s)
        if got is not None and (e.date is None or got[0].startswith(e.date)):
            e.date, e.date_text = got
