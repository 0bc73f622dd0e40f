"""The model's attribute ruler and lemmatizer, memoised: the same answers, a fraction of the time.

``en_core_web_sm``'s ``attribute_ruler`` (tag → part of speech and morphology, a few lemma and
dependency fixes) runs a Matcher of ~180 patterns over every token, and the rule lemmatizer follows
it; together they cost as much as the dependency parser on short sentences. Their output for a token
depends only on the token's text, its tag and its dependency label — except in the few two-token
patterns ("gon na", "let 's", an expletive followed by "is") — so this component remembers the answer
for each (text, tag, dependency, previous token's dependency when a two-token pattern starts with a
dependency) and applies it directly. A document with a token it has not seen, or with the first word
of a two-token pattern that starts with a word, goes through the real ruler and lemmatizer, which
also teaches the memory. ``tests/test_coding_memo.py`` checks that both paths give identical tokens.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

__all__ = ["MemoAttributes", "install"]

NAME = "readouts_memo_attributes"
_MAX_MEMO = 300_000  # entries (~40 MB); a news feed's working vocabulary is smaller, this bounds memory


def _lower_test(constraint: Any) -> Callable[[str], bool] | None:
    """A test of a lower-case word for a Matcher LOWER constraint (str, {"IN": [...]}, {"REGEX": ...})."""
    if isinstance(constraint, str):
        word: str = constraint
        return lambda w: w == word
    if isinstance(constraint, dict):
        if "IN" in constraint:
            words = frozenset(constraint["IN"])
            return lambda w: w in words
        if "REGEX" in constraint:
            rx = re.compile(constraint["REGEX"])
            return lambda w: rx.search(w) is not None
    return None


class MemoAttributes:
    """Runs ``ruler`` and ``lemmatizer`` (the model's own components) from memory where it is exact."""

    def __init__(self, ruler: Any, lemmatizer: Any) -> None:
        self.ruler = ruler
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int, bool], tuple[int, int, int, int, int]] = {}
        self._triggers: list[Callable[[str], bool]] = []
        self._dep_context: set[str] = set()  # dependency labels that start a two-token pattern
        for p in ruler.patterns:
            for pattern in p["patterns"]:
                if len(pattern) < 2:
                    continue
                first = pattern[0]
                test = _lower_test(first.get("LOWER"))
                if test is not None:
                    self._triggers.append(test)
                elif isinstance(first.get("DEP"), str) and set(first) == {"DEP"}:
                    self._dep_context.add(first["DEP"])
                else:  # a pattern shape this memo cannot key on: never use the memo
                    self._triggers.append(lambda w: True)
        self._trigger_words: dict[str, bool] = {}
        self.hits = self.misses = 0

    def _triggered(self, lower: str) -> bool:
        hit = self._trigger_words.get(lower)
        if hit is None:
            hit = self._trigger_words[lower] = any(t(lower) for t in self._triggers)
        return hit

    def _keys(self, doc: Any) -> list[tuple[int, int, int, bool]] | None:
        keys = []
        prev_dep = ""
        for tok in doc:
            if self._triggered(tok.lower_):
                return None
            keys.append((tok.orth, tok.tag, tok.dep, prev_dep in self._dep_context))
            prev_dep = tok.dep_
        return keys

    def __call__(self, doc: Any) -> Any:
        keys = self._keys(doc)
        memo = self.memo
        if keys is not None and all(k in memo for k in keys):
            self.hits += 1
            for tok, k in zip(doc, keys, strict=True):
                tag, pos, morph, lemma, dep = memo[k]
                tok.tag = tag
                tok.pos = pos
                tok.set_morph(morph)
                tok.lemma = lemma
                tok.dep = dep
            return doc
        self.misses += 1
        doc = self.lemmatizer(self.ruler(doc))
        if keys is not None and len(memo) < _MAX_MEMO:
            for tok, k in zip(doc, keys, strict=True):
                memo[k] = (tok.tag, tok.pos, tok.morph.key, tok.lemma, tok.dep)
        return doc

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)


def install(nlp: Any) -> Any:
    """Replace ``attribute_ruler`` and ``lemmatizer`` in ``nlp`` by one memoised component (kept
    out of the pipeline, they are called by it); ``nlp`` unchanged when it lacks either."""
    if "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names:
        return nlp
    from spacy.language import Language

    if not Language.has_factory(NAME):
        @Language.factory(NAME)
        def _make(nlp: Any, name: str) -> MemoAttributes:
            return MemoAttributes(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))

    nlp.add_pipe(NAME, after="lemmatizer")
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return nlp
