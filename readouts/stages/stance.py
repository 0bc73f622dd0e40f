"""Stage 7 — stance: cooperative, neutral or conflictual, for every statement.

Reads statements and the stance lexicon (stance.yaml); sets ``Statement.stance``.

A weighted lexicon with two mechanisms on top: negation (a negator within a few words before a term
flips it: "has not been, and will not be, an adversary" is cooperative, "does not seek hegemony"
too) and contrast (after "but"/"however" the clause that follows counts double). A demand on the
other side ("NATO should adhere to ...": the counterpart as the subject of should/must/needs to) is
conflictual whatever the polite words around it.
"""

from __future__ import annotations

import re

from .base import Work

__all__ = ["run", "score"]


def _lexicon(work: Work) -> dict:
    cache = work.kb.__dict__.setdefault("_cache", {})
    if "stance" not in cache:
        lx = work.kb.stance
        terms = []
        for sign, key in ((1, "cooperative"), (-1, "conflictual")):
            for weight, pats in (lx.get(key) or {}).items():
                # one alternation per weight: a dozen searches a statement rather than a hundred
                alt = "|".join(f"(?:{p})" for p in sorted(pats, key=len, reverse=True))
                terms.append((re.compile(r"(?<![\w-])(?:" + alt + r")(?![\w-])", re.I), sign * int(weight)))
        neg = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in lx["negators"]) + r")(?![\w-])", re.I)
        con = re.compile(r"(?<![\w-])(?:" + "|".join(lx["contrast"]) + r")(?![\w-])", re.I)
        cache["stance"] = {"terms": terms, "neg": neg, "contrast": con, "window": int(lx.get("window", 8)),
                           "demand": int(lx.get("demand_on_other", 6))}
    return cache["stance"]


def score(work: Work, text: str, others: set[str] | None = None) -> float:
    """Signed stance score of a text: > 0 cooperative, < 0 conflictual."""
    lx = _lexicon(work)
    contrast = lx["contrast"].search(text)
    pivot = contrast.start() if contrast and contrast.start() > 0 else None
    total = 0.0
    for rx, w in lx["terms"]:
        for m in rx.finditer(text):
            before = text[max(0, m.start() - 120):m.start()]
            words = re.findall(r"[\w']+|[.;]", before)[-lx["window"]:]
            if "." in words or ";" in words:
                words = words[max(i for i, x in enumerate(words) if x in ".;") + 1:]
            window = " ".join(words)
            sign = -1 if lx["neg"].search(window) else 1
            factor = 2.0 if pivot is not None and m.start() > pivot else 1.0
            total += sign * w * factor
    if others and _demand_rx(work, frozenset(others)).search(text):
        total -= lx["demand"]
    return total


def _demand_rx(work: Work, others: frozenset[str]) -> re.Pattern[str]:
    cache = work.kb.__dict__.setdefault("_cache", {}).setdefault("demand", {})
    if others not in cache:
        alt = "|".join(re.escape(o) for o in sorted(others, key=len, reverse=True))
        cache[others] = re.compile(r"(?:^|[,;]\s*|\b(?:and|but)\s+)(?:the\s+)?(?:" + alt + r")(?:\s+\w+){0,2}\s+"
                                   r"(?:should|must|needs? to|has to|have to|ought to)\b")
        if len(cache) > 512:
            cache.clear()
    return cache[others]


def run(work: Work) -> None:
    names: dict[str, set[str]] = {}
    for a in work.kb.actors.values():
        names[a.code] = {a.name, *a.aliases, *(x for x in a.adjectives if x[:1].isupper())}
    sides = {p.affiliation for e in work.engagements for i in e.participants
             if (p := work.people[i]).affiliation}
    for st in work.statements:
        others: set[str] = set()
        for code in sides - {st.affiliation}:
            others |= {n for n in names.get(code, set()) if n}
        if st.affiliation is None:
            others = set()
        s = score(work, st.text, others)
        st.stance = "cooperative" if s > 0 else "conflictual" if s < 0 else "neutral"
