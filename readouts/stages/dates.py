"""Stage 2 — dates: every date expression, resolved to an ISO date (or month).

Reads the text and the publication date (``work.published``, from the caller's context or from a
full date standing alone on a line of its own near the top, as official pages print it); fills
``work.dates``. Absolute forms: "September 27, 2021", "27 September 2021", "Sept. 27, 2021",
"OCTOBER 14, 2023", "2022-10-31 17:58", "21/10/2018" (day first), "2022.07.12" (year first), "Sunday 21
October" or "(8/8)" (day and month, Indonesian style) with the year of the publication date. Relative forms — "today",
"yesterday", "last night", "on Monday", "last November", "this morning" — only against a publication
date, never against the machine's clock.
"""

from __future__ import annotations

import datetime as dt
import re

from .base import DateMention, Work

__all__ = ["BEFORE", "TODAY", "WEEKDAYS", "parse_date", "run"]

MONTHS = {m: i + 1 for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july",
                                          "august", "september", "october", "november", "december"])}
for _k, _v in list(MONTHS.items()):
    MONTHS[_k[:3]] = _v
MONTHS["sept"] = 9
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

# a month's name or abbreviation as a whole word ("Mar" is not in "Weimar", nor "Jan" in "Janata")
_M = r"\b(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|" \
     r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?"
_WD = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
# a span of days ("4-5 September 2024", "September 4–6, 2024", "4 and 5 September"): its first day, as
# the corpus dates multi-day meetings
_TO = r"\s*(?:-|–|—|to|and)\s*"
_ABS = [
    re.compile(_WD + _M + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:" + _TO + r"\d{1,2}(?:st|nd|rd|th)?)?"
               r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?(?!\d)", re.I),
    re.compile(_WD + r"(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:" + _TO + r"\d{1,2}(?:st|nd|rd|th)?)?\s+(?:of\s+)?" + _M +
               r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?(?!\d)", re.I),
    re.compile(r"(?<![\d/-])(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?![\d])"),
    re.compile(r"(?<![\d/.])(?P<day>\d{1,2})[/.](?P<mnum>\d{1,2})[/.](?P<year>(?:19|20)\d{2})(?![\d])"),
    # year first, with slashes or (Korean pages) full stops: "2023/07/12", "2022.07.12"
    re.compile(r"(?<![\d/.])(?P<year>(?:19|20)\d{2})(?P<sep>[/.])(?P<mnum>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?![\d]|\.\d)"),
    # Indonesian style, day and month in brackets after the sentence's verb or the dateline's weekday: "... at Wisma
    # Putra (8/8).", "Jakarta, Monday (30/3) - ..."
    re.compile(r"(?<=\w )\((?P<day>\d{1,2})/(?P<mnum>\d{1,2})\)(?=[.,;]|\s*$|\s+[-–—]\s)", re.M),
]
_MONTH_YEAR = re.compile(r"\b(?:in\s+)?" + _M + r"\s+(?P<year>(?:19|20)\d{2})\b", re.I)
# the day the text was written ("today", "this morning"): the publication date's, when there is one
TODAY = r"today|tonight|this (?:morning|afternoon|evening)"
_REL = re.compile(r"\b(?P<word>" + TODAY + r"|yesterday|last\s+(?:night|evening)|"
                  r"(?:on|last|this|earlier on)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
                  # wire style: "agreed Monday to ...", "held talks Tuesday" (not "next Monday", "Monday's meeting",
                  # nor the weekday of a heading's date, read by the absolute patterns first)
                  r"(?<!\bnext )(?<!\bby )(?<!\buntil )(?<!\bsince )(?<!\bfrom )(?<!\bfor )(?<!\bthrough )"
                  r"(?<=[a-z] )(?P<wd2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!['’]s)|"
                  r"last\s+(?P<lm>January|February|March|April|May|June|July|August|September|October|November|December))\b",
                  re.I)


# words that put what follows later than the engagement ("ahead of the NATO Summit in Vilnius"): the
# calendar stage dates no engagement by such a summit, the engagements stage places none there
BEFORE = r"ahead of|in (?:the )?run-up to|in preparation for|prior to|to prepare for|preparatory (?:[\w-]+ ){0,2}?for"
_TOLD_OR_DONE = re.compile(r"\b(?:said|says|told|stated|noted|added|met|held|spoke|discussed|agreed|was|were)\b", re.I)
# what a sentence announces, before a weekday it names: that weekday is the coming one
_AHEAD = re.compile(r"\b(?:will|shall|(?:is|are) (?:scheduled|due|expected|set|slated) to|plans? to|to be held|"
                    r"next|upcoming|forthcoming)\b", re.I)


def _mk(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(s: str) -> dt.date | None:
    """A single absolute date in ``s`` (for a publication date given as text), or None."""
    for rx in _ABS:
        m = rx.search(s)
        if m and m.group("year"):
            month = MONTHS[m.group("month").lower().rstrip(".")] if "month" in m.groupdict() and m.groupdict().get(
                "month") else int(m.group("mnum"))
            d = _mk(int(m.group("year")), month, int(m.group("day")))
            if d:
                return d
    try:
        return dt.date.fromisoformat(s.strip()[:10])
    except ValueError:
        return None


def _absolute(text: str, year_hint: int | None,
              yearless: list[tuple[int, int, int, int]] | None = None) -> list[DateMention]:
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for rx in _ABS:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            g = m.groupdict()
            month = MONTHS[g["month"].lower().rstrip(".")] if g.get("month") else int(g["mnum"])
            year = int(g["year"]) if g.get("year") else year_hint
            if year is None:
                if yearless is not None and 1 <= month <= 12 and 1 <= int(g["day"]) <= 31:
                    yearless.append((m.start(), m.end(), month, int(g["day"])))
                    taken.append((m.start(), m.end()))
                continue
            d = _mk(year, month, int(g["day"]))
            if d is None:
                continue
            out.append(DateMention(m.start(), m.end(), d.isoformat(), relative=not g.get("year")))
            taken.append((m.start(), m.end()))
    for m in _MONTH_YEAR.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        month = MONTHS[m.group("month").lower().rstrip(".")]
        out.append(DateMention(m.start(), m.end(), f"{int(m.group('year')):04d}-{month:02d}"))
    return out


def _publication_date(work: Work) -> dt.date | None:
    """A full date that stands as a line of its own (or a dateline) in the first lines of the text."""
    head = work.text[:600]
    for line in work.text[:2500].splitlines()[:30]:
        # "Published: 12 March 2024 10:32", "Last updated: 26 Nov. 2024"
        m = re.match(r"\s*(?:Published|Updated|Last updated|Posted|Date|Release date)\b\s*(?:on)?\s*:?\s*", line, re.I)
        if m:
            d = parse_date(line[m.end():m.end() + 40])
            if d:
                return d
    for line in head.splitlines()[:3]:
        m = re.search(r"\((?:[A-Z][\w .'-]*,\s*)?([^()]{6,30})\)\s*$", line.strip())
        if m:
            d = parse_date(m.group(1))
            if d:
                return d
    for line in head.splitlines()[:8]:
        d = _date_line(line)
        if d:
            return d
    for line in head.splitlines()[:8]:
        # an agency's byline with its date in a cell ("Dildar Baykan |30.06.2021 - Update : 30.06.2021")
        cells = re.split(r"\s*\|\s*|\s+-\s+", line) if "|" in line else []
        d = next((d for c in cells if (d := _date_line(c))), None)
        if d:
            return d
    # a sign-off at the foot ("MINISTRY OF FOREIGN AFFAIRS / SINGAPORE / 6 APRIL 2021", "New Delhi / June 08,
    # 2011"): a line of its own that ends the text and holds only a date (perhaps after its place)
    tail = [x.strip() for x in work.text[-400:].splitlines() if x.strip()]
    return _date_line(tail[-1]) if len(tail) > 1 else None


def _date_line(line: str) -> dt.date | None:
    """The date of a line that holds only a date, perhaps after a place or office ("Doha / Information Office /
    14 December 2019", "BEIJING, 2022-10-31 17:58") or before a page's section ("September 19, 2023 •
    Statements and Releases"), else None."""
    s = re.sub(r"\s+[•|]\s+[A-Za-z][\w&'’-]*(?:,?\s+[\w&'’-]+){0,3}$", "", line.strip())  # "September 19, 2023 • Statements and Releases"
    if not s or len(s) > 80:
        return None
    m = re.fullmatch(r"(?:[A-Za-z ,./]+[,/]\s*)?(.{6,40}?)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*[A-Z]{2,4})?", s)
    if m:
        d = parse_date(m.group(1))
        if d and len(_absolute(s, None)) == 1:
            return d
    return None


def run(work: Work) -> None:
    if work.published is None:
        work.published = _publication_date(work)
    pub = work.published
    hint = pub.year if pub else None
    if hint is None:
        # no publication date: a date without a year takes the year of the document's own full dates
        full = [d for d in _absolute(work.text[:3000], None) if len(d.value) == 10]
        if full:
            hint = int(full[0].value[:4])
    mentions = _absolute(work.text, hint, work.yearless)
    if pub is not None:
        for m in _REL.finditer(work.text):
            if any(d.start <= m.start() < d.end for d in mentions):
                continue
            word = m.group("word").lower()
            value: str | None = None
            if word.startswith(("today", "tonight", "this m", "this a", "this e")):
                value = pub.isoformat()
            elif word == "yesterday" or word.startswith("last") and word.endswith(("night", "evening")):
                value = (pub - dt.timedelta(days=1)).isoformat()
            elif m.group("wd") or m.group("wd2"):
                wd = WEEKDAYS.index((m.group("wd") or m.group("wd2")).lower())
                sent = work.sentence_of(m.start())
                lead = work.text[sent.start:m.start()] if sent is not None else ""
                # the announcing words of the weekday's own clause: after the last verb of telling or doing
                # ("X will continue ..., Lavrov said following talks on Tuesday" tells a past Tuesday)
                told = list(_TOLD_OR_DONE.finditer(lead))
                lead = lead[told[-1].end():] if told else lead
                if _AHEAD.search(lead[-120:]) and not word.startswith("last"):
                    # "Park is scheduled to meet Prime Minister Kishida on Tuesday": the coming one
                    value = (pub + dt.timedelta(days=(wd - pub.weekday()) % 7 or 7)).isoformat()
                else:
                    back = (pub.weekday() - wd) % 7
                    if word.startswith("last") and back == 0:
                        back = 7
                    value = (pub - dt.timedelta(days=back)).isoformat()
            elif m.group("lm"):
                month = MONTHS[m.group("lm").lower()]
                year = pub.year if month < pub.month else pub.year - 1
                value = f"{year:04d}-{month:02d}"
            if value:
                mentions.append(DateMention(m.start(), m.end(), value, relative=True))
    mentions.sort(key=lambda d: d.start)
    work.dates = mentions
