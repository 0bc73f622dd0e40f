"""Datelines: the place, date and agency a page or a wire story opens with, read the same way by every
stage that needs them (not a stage of its own).

A dateline says where and when the page was issued ("BEIJING, Aug. 28 (Xinhua) --", "May 25, 2023, The
Kremlin, Moscow", "SINGAPORE, June 18, 2020 /PRNewswire/ --"). The engagements stage asks whether its date
is the engagement's (the dateline rule, ``head_date`` and ``opening_dates``); the roles stage which state
agency issued the page (``agency``); the events stage where a news sentence's own words begin
(``NEWS``). The date of a page's "Published:" line is the dates stage's (``dates._publication_date``).
"""

from __future__ import annotations

import re

from ..knowledge import Knowledge
from .base import ActorMention, DateMention, Sentence, Work
from .dates import TODAY

__all__ = ["NEWS", "agency", "capital", "capital_mention", "head_date", "opening_dates", "opens"]

# a news dateline opening a sentence: "ROME (Reuters) -", "GAZA CITY, Oct 9 (AFP) --", "KYIV, Ukraine —" (a city
# of three letters or more: "US - China talks" is no dateline)
NEWS = re.compile(r"[A-Z]{3,}[A-Z .'’-]*(?:,\s*[A-Z][\w .'’-]*?)?(?:,\s*[\w .]+?\d{1,2})?\s*(?:\([^()]{1,40}\))?\s*"
                  r"(?:--|-|–|—)\s+")


def opens(work: Work, s: Sentence, d: DateMention) -> bool:
    """Whether date ``d`` is the dateline that opens sentence ``s`` ("SINGAPORE, June 18, 2020 /PRNewswire/ --
    The Minister participated ..."): the issue date, the engagement's only by the dateline rule."""
    before, after = work.text[s.start:d.start], work.text[d.end:s.end]
    return bool(re.fullmatch(r"\s*(?:[A-Z][A-Za-z .'-]*,\s*)?", before) and _LEAD.match(after) and not d.relative)


_LEAD = re.compile(r"\s*(?:\([^()]{1,40}\)|/[^/]{1,30}/)?\s*(?:--|—|–)\s*")


def opening_dates(work: Work, s: Sentence, d: DateMention, place: str | None) -> bool:
    """Whether the dateline opening ``s`` (see ``opens``) dates the engagement the rest of ``s`` reports."""
    before, after = work.text[s.start:d.start], work.text[d.end:s.end]
    lead = _LEAD.match(after)
    assert lead is not None
    return dates_engagement(after[lead.end():], before, after[:lead.end()], place)


def head_date(work: Work, s: Sentence, place: str | None) -> DateMention | None:
    """The date of a dateline at the head of the text ("BEIJING, Aug. 28 (Xinhua) --", "2022-10-31 17:58")
    when the dateline rule lets it date the engagement of sentence ``s``, else None."""
    for d in work.dates:
        if d.start > 400:
            break
        line_start = work.text.rfind("\n", 0, d.start) + 1
        line = work.text[line_start:work.text.find("\n", d.end) if "\n" in work.text[d.end:] else len(work.text)]
        before = work.text[line_start:d.start]
        if (re.fullmatch(r"\s*(?:[A-Z][A-Za-z .'/-]*[,/]\s*)?", before) or _RELEASE.fullmatch(before)) and (
                re.match(r"\s*(?:\(|\d{1,2}:\d{2}|--|—|–|$)", work.text[d.end:d.end + 8])
                or (before.strip() and re.match(r"[.:]\s+[A-Z]", work.text[d.end:d.end + 4]))  # "Havana, November 6, 2015. The"
                or (not before.strip() and re.match(r",\s*[A-Z]", work.text[d.end:d.end + 4]))
                or len(line.strip()) < 40 or not line[d.end - line_start:].strip()) and len(d.value) == 10 \
                and not d.relative:
            if d.start >= s.start and s.start >= 400:
                continue
            rest = line[d.end - line_start:]  # the dateline's line after its date
            header = _header_after(work, d.end)
            codes = _codes_between(work, line_start, d.end + len(rest) + 1 + len(header))
            if dates_engagement(work.stext(s) + _told_today(work, s), before, rest, place, header, codes, work.kb):
                return d
    return None


def _told_today(work: Work, s: Sentence) -> str:
    """The next sentence of the body when it goes on about the people of sentence ``s`` and says "today" with
    no date of its own ("... has held talks with Premier Wen at Downing Street. The Prime Minister welcomed the
    Chinese Premier ... this morning"): the engagement's "today" told a sentence later; else ""."""
    nxt = next((x for x in work.sentences if x.index == s.index + 1 and x.para <= s.para + 1), None)
    if nxt is None or not _TODAY.search(work.stext(nxt)) or any(nxt.start <= d.start < nxt.end and not d.relative
                                                                 for d in work.dates):
        return ""
    own = {i for _sp, i in work.people_in(s.start, s.end)}
    return " " + work.stext(nxt) if own & {i for _sp, i in work.people_in(nxt.start, nxt.end)} else ""


# a release line's label before its date ("For Immediate Release          January 8, 2013", "Release Date: ...")
_RELEASE = re.compile(r"\s*(?:For\s+Immediate\s+Release|Release\s+Date|Date\s+of\s+Issue)\s*:?\s+", re.I)


_TODAY = re.compile(r"\b(?:" + TODAY + r")\b", re.I)
# a live report of the engagement under way ("Lavrov and his Turkish counterpart Hakan Fidan are holding talks in Moscow")
_LIVE = re.compile(r"\b(?:is|are) (?:now )?(?:holding|having|meeting)\b")


def _codes_between(work: Work, start: int, end: int) -> set[str]:
    return {a.code for a in work.actor_mentions if start <= a.start < end and a.form in ("name", "alias", "capital", "seat")}


def _header_after(work: Work, pos: int) -> str:
    """The short lines right after a dateline's line ("June 20, 2024 / 11:30 / Hanoi"), where a page may put
    its place: up to three, and none that is a sentence of the body."""
    lines = work.text[pos:pos + 300].split("\n")[1:4]
    out = []
    for line in lines:
        if len(line.strip()) > 40:
            break
        out.append(line)
    return "\n".join(out)


def dates_engagement(text: str, before: str, after: str, place: str | None = None, header: str = "",
                     header_codes: set[str] | None = None, kb: Knowledge | None = None) -> bool:
    """Whether a dateline's date is the engagement's: a dateline is when the page was issued, which is
    the engagement's day only when the text says it happened "today" ("Aug. 22, 2021 ... spoke by phone
    today") or reports it under way ("are holding talks") or when the dateline's own line places it where the engagement took place ("May 25, 2023,
    The Kremlin, Moscow" ... "talks ... took place in the Kremlin"; "BEIJING, Aug. 28 (Xinhua) -- ...
    met in Beijing", "June 20, 2024 / 11:30 / Hanoi" over talks in Hanoi). A bare issue date over an
    undated call or meeting ("New York / 27 December 2013") is not. ``text`` is the engagement's sentence;
    ``before`` and ``after`` the dateline's line around its date; ``place`` the in-person engagement's
    location, ``header`` the lines below the dateline and ``header_codes`` the actors its places name."""
    if place and re.search(r"(?<!\w)" + re.escape(place.removeprefix("the ").removeprefix("The ")) + r"(?!\w)",
                           before + after + header):
        return True
    if place and header_codes and kb is not None and set(kb.place_codes(place)) & header_codes:
        return True  # "in Russia" under "November 28, 2022, The Kremlin, Moscow": the same state
    if _TODAY.search(text) or _LIVE.search(text):
        return True
    places = [p.strip(" ,.()-–—").removeprefix("The ").removeprefix("the ")
              for p in re.split(r"[,(/]", before + "," + re.sub(r"\(.*", "", after))]
    return any(len(p) > 2 and p[0].isupper() and not re.search(r"\d", p)
               and re.search(r"\b" + re.escape(p) + r"\b", text, re.I) for p in places)


def agency(work: Work) -> tuple[str, int] | None:
    """The side of a state news agency in the dateline at the head of the text ("BEIJING, Dec. 12
    (Xinhua) --", "Hanoi (VNA) –") and where the dateline's agency ends, or None."""
    agencies = work.kb.agencies
    if not agencies:
        return None
    cache = work.kb.__dict__.setdefault("_cache", {})
    rx = cache.get("agency_rx")
    if rx is None:
        forms = "|".join(re.escape(f) for f in sorted(agencies, key=len, reverse=True))
        # "(Xinhua)", "(APP - UrduPoint ...)", "/CNW/", "Xinhua --"
        rx = cache["agency_rx"] = re.compile(
            r"(?:\(\s*|/)(" + forms + r")(?=\s*(?:\)|/|-|–|—|,))|\b(" + forms + r")\s*(?:--|–|—)")
    m = rx.search(work.text[:400])
    if m is None:
        return None
    side = agencies[m.group(1) or m.group(2)]
    end = m.end()
    close = work.text.find(")", end, end + 160) if m.group(1) and work.text[m.start()] == "(" else -1
    if close != -1:  # "(APP - UrduPoint / Pakistan Point News - 25th Jan, 2025)": the dateline runs to ")"
        end = close + 1
    return None if side is None else (side, end)


def capital(work: Work) -> str | None:
    """The side whose capital opens a dateline line at the head of the text and is followed on that line by
    a date ("Dhaka, 12 April 2022", "COLOMBO, 20 January 2023 -"): where the page was issued, or None."""
    m = capital_mention(work)
    return m.code if m else None


def capital_mention(work: Work, yearless: bool = False) -> ActorMention | None:
    """The capital of such a dateline (see ``capital``), as the text writes it; with ``yearless``, also one
    dated without a year ("Havana, Mar 12 (Prensa Latina)")."""
    for m in work.actor_mentions:
        if m.start > 400 or m.form != "capital":
            continue
        line_start = work.text.rfind("\n", 0, m.start) + 1
        line_end = work.text.find("\n", m.end)
        line_end = len(work.text) if line_end == -1 else line_end
        if not work.text[line_start:m.start].strip() and any(
                m.end < d.start < line_end and len(d.value) == 10 and (yearless or not d.relative) for d in work.dates):
            return m
    return None
