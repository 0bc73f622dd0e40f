"""Full-text queries: a user's query text parsed once, then spoken to FTS5 or to PostgreSQL, and the
plain-text snippet with the hits between « and ».

Query language, deliberately small: words (all must match) and "quoted phrases". Anything else —
unbalanced quotes, FTS operators (AND, OR, NEAR, *, ^, column:), punctuation — is read as plain words,
so no query text can make the database raise.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, func, literal_column, select, table

__all__ = ["Terms", "condition", "parse", "snippet"]

Terms = list[list[str]]  # each term is a word or a phrase: a list of words

_TOKEN = re.compile(r'"([^"]*)"|([^\s"]+)')
_WORD = re.compile(r"\w+")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ions", "ion", "es", "ed", "s", "ly")


def parse(q: str | None) -> Terms:
    """Words and quoted phrases of a query; a word with inner punctuation ("climate-change") is a phrase."""
    terms: Terms = []
    for phrase, word in _TOKEN.findall(q or ""):
        words = _WORD.findall(phrase if phrase else word)
        if words:
            terms.append([w.lower() for w in words])
    return terms


def condition(dialect: str, pk: Any, tsv: Any, terms: Terms) -> ColumnElement[bool]:
    """The condition that a statement matches every term."""
    if dialect == "sqlite":
        fts = " ".join('"' + " ".join(t) + '"' for t in terms)
        hits: Any = select(literal_column("rowid")).select_from(table("statements_fts")).where(
            literal_column("statements_fts").op("MATCH")(fts))
        return pk.in_(hits)
    query: Any = None
    for t in terms:
        part = func.plainto_tsquery("english", t[0]) if len(t) == 1 else func.phraseto_tsquery("english", " ".join(t))
        query = part if query is None else query.op("&&")(part)
    return tsv.op("@@")(query)


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[:-len(suffix)]
    return word


def snippet(text: str, terms: Terms, width: int = 240) -> str:
    """``text`` with every hit of the terms between « and » (plain text, never markup); a long text is
    cut to a window around its first hit."""
    pats = [r"\W+".join(r"\b" + re.escape(_stem(w)) + r"\w*" for w in t) for t in terms]
    if not pats:
        return text if len(text) <= width else text[:width].rstrip() + "…"
    rx = re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)
    hits = [(m.start(), m.end()) for m in rx.finditer(text)]
    start, end = 0, len(text)
    if len(text) > width:
        first = hits[0][0] if hits else 0
        start = max(0, first - width // 3)
        # begin at a word boundary
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
        end = min(len(text), start + width)
    out, pos = [], start
    for a, b in hits:
        if a < start or b > end:
            continue
        out.append(text[pos:a])
        out.append("«" + text[a:b] + "»")
        pos = b
    out.append(text[pos:end])
    return ("…" if start > 0 else "") + "".join(out) + ("…" if end < len(text) else "")
