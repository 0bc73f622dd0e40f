"""Stage 1 — segment: paragraphs and sentences, with character offsets into the text.

Reads ``work.doc`` (spaCy tokens, so abbreviations such as "U.S." and "Aug." stay whole);
fills ``work.sentences``. A line break ends a sentence, unless the layout broke the line mid-sentence
(a line stopping on a word or a comma, the next starting in lower case); so does a token that ends in
., ! or ? (with closing quotes and brackets kept on the sentence), but not the full stop of an
abbreviation or a form of address (titles.yaml honorifics and address: "Hon.", "Smt."), and a news
agency's tag after a dateline ("MOSCOW, February 7. /TASS/.") stays with the dateline.
"""

from __future__ import annotations

import re
from typing import Any, cast

from .base import Sentence, Work
from .names import NAME_ABBREVIATIONS

__all__ = ["run"]

_ENDERS = {".", "!", "?", "。", "…", "?!", "!!"}
_CLOSERS = {'"', "”", "’", "'", ")", "]", "»"}


# a news agency's tag after a dateline: "MOSCOW, February 7. /TASS/. ..."
_AGENCY = re.compile(r"/[A-Z][\w-]*/\.?")

_SOFT_WRAP = re.compile(r"[^\W_]|,")  # a line that stops on a word or a comma may go on below


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Lines, except that a line broken mid-sentence by the layout goes on in the next one: a line that
    stops on a word or a comma, followed at once by a line that starts in lower case ("It reflects your
    strong commitment to enhance / bilateral relations with Indonesia.")."""
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch == "\n":
            before = text[start:i].rstrip()
            if before and _SOFT_WRAP.fullmatch(before[-1]) and text[i + 1:i + 2].islower():
                continue  # a soft wrap: the sentence goes on
            if text[start:i].strip():
                out.append((start, i))
            start = i + 1
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _abbreviations(kb: Any) -> set[str]:
    """Words that a full stop after does not end the sentence: the forms of address of titles.yaml (the
    honorifics written with a full stop, "Hon.", "Rt. Hon.", and the forms of address: "Smt.", "Shri.",
    "H.E.") and the other abbreviations of ``_ABBREV_WORDS``; lower case, without the final full stop."""
    cache = kb.__dict__.setdefault("_cache", {})
    if "seg_abbrev" not in cache:
        dotted = {w for h in kb.titles.get("honorifics", []) for w in str(h).lower().split() if w.endswith(".")}
        cache["seg_abbrev"] = _ABBREV_WORDS | {w.rstrip(".") for w in dotted | kb.name_address}
    return cast(set[str], cache["seg_abbrev"])


def run(work: Work) -> None:
    text = work.text
    doc = work.doc
    cuts: set[int] = set()
    if doc is not None:
        toks = list(doc)
        abbrev = _abbreviations(work.kb)
        for i, t in enumerate(toks):
            if t.text == "." and i > 0 and toks[i - 1].idx + len(toks[i - 1].text) == t.idx and (
                    toks[i - 1].text.lower() in abbrev or (len(toks[i - 1].text) == 1 and toks[i - 1].text.isupper())):
                continue  # "Hon. Scott Morrison", "Antony J. Blinken", "Gen. Milley", "Smt. Nirmala Sitharaman"
            if _AGENCY.fullmatch(t.text) and t.text.endswith(".") and i + 1 < len(toks) and toks[i + 1].text[:1].isupper():
                cuts.add(t.idx + len(t.text))  # "MOSCOW, February 7 /TASS/. Russian Foreign Minister ..."
                continue
            if t.text in _ENDERS or (t.text.endswith(".") and len(t.text) > 1 and t.text[:-1].isalpha()
                                     and t.text[:-1].islower() and i + 1 < len(toks)
                                     and toks[i + 1].text[:1].isupper() and t.text not in _ABBREV):
                if i + 1 < len(toks) and _AGENCY.fullmatch(toks[i + 1].text):
                    continue  # "MOSCOW, February 7. /TASS/.": the agency's tag ends the dateline
                j = i + 1
                line_start = text.rfind("\n", 0, t.idx) + 1
                while j < len(toks) and toks[j].text in _CLOSERS:
                    if toks[j].text == '"' and text.count('"', line_start, toks[j].idx) % 2 == 0:
                        break  # a straight quote that opens the next sentence, not one that closes this one
                    j += 1
                end = toks[j - 1].idx + len(toks[j - 1].text)
                # a following lower-case word means this was no sentence end ("approx. five")
                if j < len(toks) and toks[j].text[:1].islower():
                    continue
                cuts.add(end)
    sents: list[Sentence] = []
    for p, (pa, pb) in enumerate(_paragraphs(text)):
        start = pa
        for c in sorted(x for x in cuts if pa < x < pb):
            a, b = _trim(text, start, c)
            if b > a:
                sents.append(Sentence(len(sents), a, b, p))
            start = c
        a, b = _trim(text, start, pb)
        if b > a:
            sents.append(Sentence(len(sents), a, b, p))
    links_end = -1  # the end of a block of links to other stories under a label ("Read also", "Related:")
    for s in sents:
        s.boiler = _is_boiler(text[s.start:s.end]) or s.start < links_end
        if _LINKS_LABEL.fullmatch(text[s.start:s.end]):
            blank = re.search(r"\n\s*\n", text[s.end:])
            links_end = s.end + blank.start() if blank else len(text)
    work.sentences = sents


_BOILER = re.compile(r"\s[|>•]\s.*\s[|>•]\s|^(?:Home|Menu|Skip to|Share|Print|Cookies?|Accept|Search|Related|(?:Read|See) also|Also read|Read more)\b|"
                     r"^(?:Home|You are here)\s*[>›/]|cookies|"
                     r"^(?:Issued by|Enquiries|Media (?:contacts?|enquiries)|For (?:more|further) information)\s*:|"
                     r"^\(end\)", re.I)


_LINKS_LABEL = re.compile(r"(?:Related(?: stories| news| coverage| articles)?|(?:Read|See) also|Also read|Read more)\s*:?",
                          re.I)


def _is_boiler(line: str) -> bool:
    """Site furniture: menus ("News | Press | Media"), breadcrumbs ("Home > News"), cookie banners, a
    release's footer ("Issued by: The Presidency", "Enquiries: ...", a wire's "(end) aa.ma"), an agency's links to
    other stories ("Read also" / "Related:" and the headline under it)."""
    return bool(_BOILER.search(line)) and not re.search(r"\b(?:met|said|held|spoke)\b", line)


_ABBREV = {"e.g.", "i.e.", "etc.", "vs.", "approx."}
# abbreviations beside the forms of address of titles.yaml (see _abbreviations)
_ABBREV_WORDS = {"hon", "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sen", "rep", "gov", "jr", "sr", "prof", "no",
                 "art", "amb", "adm", "capt", "maj", "sgt", "cdr", "h.e", "u.s", "u.k", "u.n", "p.m", "a.m", "messrs",
                 "mme", "mlle", "rt", "excl", "honorable", "honourable", "approx", "dept", "govt", "vol", "nos", "fig"} \
    | NAME_ABBREVIATIONS
