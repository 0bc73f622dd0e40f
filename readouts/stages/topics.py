"""Stage 8 — topics: what was discussed, from the shipped taxonomy and from list grammar.

Reads the text, actor mentions, people and the topic taxonomy (topics.yaml); fills each
engagement's ``topics``. Sources:
  * taxonomy aliases anywhere after the engagement is reported ("non-proliferation", "climate crisis");
  * states and organisations named in the body that are not a participant's side (countries and
    regions as topics: "the situation in Afghanistan"), leaving out names inside titles;
  * list grammar: "issues such as X, Y and Z", "in the areas of X, Y and Z", "including X, Y and Z":
    each item becomes a topic, labelled by the taxonomy where it knows the item.
"""

from __future__ import annotations

import re

from ..lexicon import Gazetteer, tokenize
from ..model import Topic
from .base import Work

__all__ = ["run"]

_LIST = re.compile(r"\b(?:issues|areas|matters|topics|fields|questions|subjects|challenges)?\s*(?:such as|including|"
                   r"in the (?:areas?|fields?) of|on issues of|on the issues? of|ranging from)\s+(?P<items>[^.;:]+)", re.IGNORECASE)
_SPLIT = re.compile(r",\s*(?:and\s+|as well as\s+)?|\s+and\s+|\s+as well as\s+")
_DET = re.compile(r"^(?:the|a|an|their|its|our|his|her|both|bilateral|other|further|various|global|regional|"
                  r"international)\s+", re.IGNORECASE)


def _gazetteer(work: Work) -> Gazetteer:
    cache = work.kb.__dict__.setdefault("_cache", {})
    if "topics" not in cache:
        g = Gazetteer()
        for t in work.kb.topics:
            for s in (t.label, *t.aliases):
                g.add(s, t.label)
        cache["topics"] = g
    return cache["topics"]


def run(work: Work) -> None:
    if not work.engagements:
        return
    text = work.text
    body_start = min(e.span[0] for e in work.engagements)
    sides = {work.people[i].affiliation for e in work.engagements for i in e.participants}
    title_spans = [p.title_span for p in work.people if p.title_span]
    found: list[Topic] = []
    labels: set[str] = set()

    def add(label: str, a: int, b: int) -> None:
        key = label.lower()
        if key in labels or not label.strip():
            return
        labels.add(key)
        found.append(Topic(label=label, span=(a, b)))

    tokens = tokenize(text[body_start:], body_start)
    hits = _gazetteer(work).find(tokens, text)
    for a, b, label, _, _ in hits:
        add(label, a, b)
    for m in work.actor_mentions:
        if m.start < body_start or m.code in sides or m.form == "adjective":
            continue
        if any(ts[0] <= m.start < ts[1] for ts in title_spans):
            continue
        actor = work.kb.actors.get(m.code)
        if actor is None or m.form == "body":
            continue
        if any(b > m.start >= a and (a, b) in work.person_at for (a, b) in work.person_at):
            continue
        add(actor.name, m.start, m.end)
    for m in _LIST.finditer(text, body_start):
        items_start = m.start("items")
        pos = items_start
        for part in _SPLIT.split(m.group("items")):
            idx = text.find(part, pos)
            pos = idx + len(part) if idx >= 0 else pos
            item = _DET.sub("", part.strip())
            item = re.split(r"\s+(?:on the basis|with|without|to|for|so as|in order|at|which|that|while)\b", item)[0]
            item = item.strip(" ,")
            if not item or len(item.split()) > 6 or idx < 0:
                continue
            if any(t.label.lower() in item.lower() or item.lower() in t.label.lower() for t in found):
                continue
            a = text.find(item, idx)
            if a >= 0:
                add(item, a, a + len(item))
    for e in work.engagements:
        e.topics = list(found)
