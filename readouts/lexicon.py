"""Fast dictionary look-up over text: a word tokenizer and a token-trie gazetteer.

The gazetteer finds every listed surface form (actor names, adjectives, capitals, people's names,
topic aliases) in one left-to-right pass over the tokens, longest match first, in time linear in
the text — no regular expression alternation over thousands of names. Matching ignores case, except
that a word written with a capital in the dictionary must be capitalised in the text too ("Chad" the
state, not "chad"), and acronyms ("US", "UN") must match exactly ("us" is a pronoun).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["Gazetteer", "Token", "tokenize"]

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Z]\.(?=\s)|\w+(?:['’](?!s\b)\w+)*|['’]s\b|\S")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.start() + offset, m.end() + offset, m.group()) for m in _TOKEN.finditer(text)]


def _key(tokens: Iterable[Token]) -> tuple[str, ...]:
    return tuple(t.lower.replace("’", "'") for t in tokens)


def _is_acronym(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(c.isupper() for c in letters) and " " not in s


class Gazetteer:
    """Surface forms mapped to payloads; ``find`` returns non-overlapping longest matches."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, ...], list[tuple[str, tuple[bool, ...], bool, Any]]] = {}
        self._max = 1

    def add(self, form: str, payload: Any) -> None:
        form = form.strip()
        if form.startswith("the ") and len(form) > 4:
            form = form[4:]  # "the Commonwealth" is found as "Commonwealth", so longer names win
        toks = tokenize(form)
        if not toks:
            return
        key = _key(toks)
        caps = tuple(t.is_cap for t in toks)
        exact = _is_acronym(form.strip())
        self._entries.setdefault(key, []).append((form.strip(), caps, exact, payload))
        self._max = max(self._max, len(key))

    def find(self, tokens: list[Token], text: str) -> list[tuple[int, int, Any, int, int]]:
        """Matches as (start char, end char, payload, first token index, end token index)."""
        out = []
        i, n = 0, len(tokens)
        keys = [t.lower.replace("’", "'") for t in tokens]
        while i < n:
            hit = None
            for ln in range(min(self._max, n - i), 0, -1):
                cands = self._entries.get(tuple(keys[i:i + ln]))
                if not cands:
                    continue
                span_toks = tokens[i:i + ln]
                surface = text[span_toks[0].start:span_toks[-1].end]
                for form, caps, exact, payload in cands:
                    if exact:
                        if surface.replace("’", "'") != form.replace("’", "'"):
                            continue
                    elif not all(t.is_cap or not c for t, c in zip(span_toks, caps, strict=True)):
                        continue
                    hit = (span_toks[0].start, span_toks[-1].end, payload, i, i + ln)
                    break
                if hit:
                    break
            if hit:
                out.append(hit)
                i = hit[4]
            else:
                i += 1
        return out
