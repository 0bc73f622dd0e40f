"""Align what two readouts report: statements and agreements one-to-one, and topics.

Similarity of two items = a mix of the embedder's cosine (meaning) and the overlap of their content
words (light stems), so a paraphrase and a shared list of named things both count. Items are paired one
to one, greedily from the most similar pair down, above a threshold per embedder (chosen on the dev
pairs: docs/compare.md). Greedy rather than an optimal assignment: scipy is not a dependency, the lists
are short, and the greedy order (ties broken symmetrically) makes compare(b, a) the mirror of compare(a, b).

Topics: a topic of A is shared when B names the same taxonomy topic, a label like it (the words of one
inside the other's, or most words in common), or when B's text names it (its label, or an alias of its
taxonomy topic) even if B's extractor did not list it. The rest are the topics only A names. Labels are
not compared by embedding: on the dev pairs it changed nothing the taxonomy and the words did not
already catch, and it cost a fifth of the time of a comparison.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..knowledge import Knowledge
from ..model import Engagement, Record

__all__ = ["DEFAULT_THRESHOLDS", "MIX", "TopicAlignment", "align_topics", "assign", "content_stems", "lexical_matrix",
           "similarity_matrix"]

MIX = 0.6  # weight of the embedder's cosine in the similarity; the rest is lexical overlap
# pair two items when their similarity reaches this, per embedder ("" = any other)
DEFAULT_THRESHOLDS = {"minilm": 0.4, "lexical": 0.3, "": 0.35}

_WORD = re.compile(r"[^\W_]+")
_STOP = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each either for from further had has have
having he her here his how i if in into is it its itself may me might more most must my no nor not now of
off on once only or other our out over own same shall she should so some such than that the their them
then there these they this those through to too under until up upon us very was we were what when where
which while who whom will with within would you your said says say stated noted added stressed
emphasized emphasised underscored two sides side
""".split())


def _stem(w: str) -> str:
    for suf in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ed", "es", "s", "e"):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: -len(suf)] + ("y" if suf == "ies" else "")
    return w


def content_stems(text: str, drop: frozenset[str] = frozenset()) -> frozenset[str]:
    """The light stems of a text's content words (less the words in ``drop``: names, titles)."""
    return frozenset(_stem(w) for w in _WORD.findall(text.lower())
                     if w not in _STOP and w not in drop and not w.isdigit() and len(w) > 1)


def lexical_matrix(a: Sequence[str], b: Sequence[str], drop: frozenset[str] = frozenset()) -> np.ndarray:
    """(len(a), len(b)) overlap of content stems: |A∩B| / sqrt(|A|·|B|)."""
    sa, sb = [content_stems(t, drop) for t in a], [content_stems(t, drop) for t in b]
    out = np.zeros((len(a), len(b)), dtype=np.float32)
    for i, x in enumerate(sa):
        if not x:
            continue
        for j, y in enumerate(sb):
            if y:
                out[i, j] = len(x & y) / (len(x) * len(y)) ** 0.5
    return out


def similarity_matrix(a: Sequence[str], b: Sequence[str], embedder: Any, drop: frozenset[str] = frozenset(),
                      embed_a: Sequence[str] | None = None, embed_b: Sequence[str] | None = None) -> np.ndarray:
    """Mixed semantic and lexical similarity, rounded so that the mirror comparison sees the same numbers.
    ``drop``: words that say who spoke rather than what was said (participants' names, titles);
    ``embed_a``/``embed_b``: the texts to embed in place of ``a``/``b`` (an agreement is embedded as the
    sentence that holds it, whose vector the statements already paid for)."""
    if not a or not b:
        return np.zeros((len(a), len(b)), dtype=np.float32)
    cos = np.asarray(embedder.similarity(list(embed_a or a), list(embed_b or b)), dtype=np.float32)
    cos = np.clip(cos, 0.0, 1.0)
    sim = MIX * cos + (1.0 - MIX) * lexical_matrix(a, b, drop)
    return np.round(sim, 4)


def assign(sim: np.ndarray, threshold: float) -> list[tuple[int, int, float]]:
    """One-to-one pairs (i, j, similarity) at or above ``threshold``, greedily from the most similar."""
    if sim.size == 0:
        return []
    cells = [(float(sim[i, j]), i, j) for i, j in zip(*np.nonzero(sim >= threshold), strict=True)]
    # ties: the pair nearest in document order first, keyed the same way whichever side is A
    cells.sort(key=lambda c: (-c[0], abs(c[1] - c[2]), c[1] + c[2], min(c[1], c[2])))
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for s, i, j in cells:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((int(i), int(j), round(s, 3)))
    return sorted(out, key=lambda x: (x[0], x[1]))


# --- topics ---------------------------------------------------------------------------------------------

@dataclass
class TopicAlignment:
    shared: list[tuple[str, str]]
    only_a: list[str]
    only_b: list[str]


def _norm_label(s: str) -> str:
    return " ".join(_WORD.findall(s.lower()))


def _labels_alike(x: str, y: str) -> bool:
    nx, ny = _norm_label(x), _norm_label(y)
    if not nx or not ny:
        return False
    if nx == ny or re.search(r"\b" + re.escape(nx) + r"\b", ny) or re.search(r"\b" + re.escape(ny) + r"\b", nx):
        return True
    sx, sy = content_stems(x), content_stems(y)
    return bool(sx and sy) and len(sx & sy) / len(sx | sy) >= 0.5


def _aliases(kb: Knowledge) -> dict[str, tuple[str, ...]]:
    cached = kb.__dict__.get("_compare_topic_aliases")
    if cached is None:
        cached = {t.label: (t.label, *t.aliases) for t in kb.topics}
        kb.__dict__["_compare_topic_aliases"] = cached
    return cached


def _mention(text: str, forms: Sequence[str]) -> str | None:
    """The first of ``forms`` the text names (whole words, any case), as the text writes it."""
    for f in sorted(set(forms), key=len, reverse=True):
        if len(f) < 3:
            continue
        m = re.search(r"(?<![\w-])" + re.escape(f) + r"(?![\w-])", text, re.IGNORECASE)
        if m:
            return m.group(0)
    return None


_SENTENCE = re.compile(r"[^.!?\n]+")


def _actor_words(kb: Knowledge) -> frozenset[str]:
    cached = kb.__dict__.get("_compare_actor_words")
    if cached is None:
        cached = frozenset(w for a in kb.actors.values() for s in (a.name, *a.aliases, *a.adjectives)
                           for w in _WORD.findall(s.lower()))
        kb.__dict__["_compare_actor_words"] = cached
    return cached


def _words_in_a_sentence(text: str, label: str, kb: Knowledge) -> str | None:
    """A sentence of ``text`` holding most content words of a label of two or more ("regional and global
    affairs" in "... views on regional and global issues"), as a shortened quote; else None. The names of
    states and organisations do not count: a bilateral readout names both sides in every sentence."""
    stems = content_stems(label, _actor_words(kb))
    if len(stems) < 2:
        return None
    need = max(2, -(-2 * len(stems) // 3))
    for m in _SENTENCE.finditer(text):
        if len(stems & content_stems(m.group(0))) >= need:
            return " ".join(m.group(0).split())[:80]
    return None


def _unique(topics: list[Any]) -> list[Any]:
    seen: set[str] = set()
    out = []
    for t in topics:
        k = _norm_label(t.label)
        if k and k not in seen:
            seen.add(k)
            out.append(t)
    return out


def _side(mine: list[Any], theirs: list[Any], their_text: str, kb: Knowledge) -> tuple[list[tuple[int, str]], list[str]]:
    """For each of my topics: (index, their label or phrase) when shared, else it is only mine."""
    aliases = _aliases(kb)
    shared: list[tuple[int, str]] = []
    only: list[str] = []
    for i, t in enumerate(mine):
        tax = getattr(t, "topic", None)
        hit = None
        if tax:
            hit = next((u.label for u in theirs if getattr(u, "topic", None) == tax), None)
        if hit is None:
            hit = next((u.label for u in theirs if _labels_alike(t.label, u.label)), None)
        if hit is None:
            hit = _mention(their_text, (t.label, *(aliases.get(tax, ()) if tax else ())))
        if hit is None and _words_in_a_sentence(their_text, t.label, kb):
            hit = t.label
        if hit is None:
            only.append(t.label)
        else:
            shared.append((i, hit))
    return shared, only


def align_topics(a: Record, ea: Engagement, b: Record, eb: Engagement, kb: Knowledge) -> TopicAlignment:
    """Topics both readouts name (as pairs of labels), and those only one names."""
    ta, tb = _unique(list(ea.topics)), _unique(list(eb.topics))
    ab, only_a = _side(ta, tb, b.document.text, kb)
    ba, only_b = _side(tb, ta, a.document.text, kb)
    # both directions, as a set: the mirror comparison finds the same pairs
    pairs = {(ta[i].label, their) for i, their in ab} | {(their, tb[j].label) for j, their in ba}
    order = {t.label: k for k, t in enumerate(ta)}
    shared = sorted(pairs, key=lambda p: (order.get(p[0], len(order)), p[0], p[1]))
    return TopicAlignment(shared=shared, only_a=only_a, only_b=only_b)
