"""Stage 8 — topics: what was discussed, from the shipped taxonomy and from list grammar.

Reads the text, actor mentions, people and the topic taxonomy (topics.yaml); fills each
engagement's ``topics``. Each topic's ``label`` is the words the text uses ("climate crisis",
"the Korean Peninsula situation" → "Korean Peninsula"); ``topic`` (an extra field) names the
taxonomy entry it belongs to, so analysts can group "climate crisis" with "climate change".
Sources, from the engagement on:
  * taxonomy aliases ("non-proliferation", "climate crisis", "COVID-19");
  * states and organisations discussed, not merely named: items of a list ("including the DPRK,
    Burma, Iran and Afghanistan"), "the situation in Afghanistan", "the Syria issue" — never a
    participant's own side, a title's actor or the place of the meeting;
  * list grammar: "issues such as X, Y and Z", "in the areas of X, Y and Z", "including X, Y and Z":
    each noun phrase item becomes a topic, labelled by the taxonomy where it knows the item.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from ..lexicon import Gazetteer, tokenize
from ..model import Topic
from .base import Work

__all__ = ["run"]

_LIST = re.compile(r"(?:\b(?:issues|areas|matters|topics|fields|questions|subjects|sectors|challenges|concerns)\s+"
                   r"(?:such as|including|like)|\bsuch as|\bincluding|\bin the (?:areas?|fields?|sectors?) of|"
                   r"\bon (?:the )?issues? of|\branging from|\b(?:discussed|addressed|exchanged views on|covered|"
                   r"talked about|spoke about)|\bon issues like)\s+(?P<items>[^.;:!?]+)", re.I)
_SPLIT = re.compile(r",\s*(?:and\s+|as well as\s+|or\s+)?|(?<!\bbilateral)(?<!\bregional)(?<!\bglobal)(?<!\beconomic)"
                    r"(?<!\bpolitical)(?<!\bsecurity)(?<!\bcultural)(?<!\bmultilateral)\s+and\s+|\s+as well as\s+|"
                    r"\s+or\s+")
_DET = re.compile(r"^(?:the|a|an|their|its|our|his|her|both|other|further|various|all|these|those|some|"
                  r"such|any|this|that|current)\s+", re.I)
_CUT = re.compile(r"\s+(?:on the basis|with a view|with|without|to|for|so as|in order|at|which|that|while|where|"
                  r"who|when|as|by|from|through|amid|after|before|during|between|among|within)\b.*$", re.I)
_FINITE = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|shall|should|can|could|may|might|"
                     r"must|did|does|do)\b", re.I)
_GENERIC = {"issues", "issue", "matters", "affairs", "areas", "topics", "questions", "fields", "others", "other",
            "cooperation", "relations", "ties", "dialogue", "exchanges", "development", "concern", "concerns",
            "mutual concern", "common concern", "mutual interest", "mutual interests", "common interest",
            "common interests", "regional", "global", "international", "bilateral", "need", "risk", "planning",
            "responses", "steps", "efforts", "ways", "views", "range", "number", "situation", "developments",
            "progress", "support", "work", "meeting", "talks", "call", "visit", "summit", "details", "potential",
            "background", "personal views", "approach", "opportunities", "importance", "possibilities", "plans",
            "prospects", "results", "outcomes", "agenda", "priorities", "positions", "position", "matter", "things",
            "topic", "preparations", "preparation", "information", "equipment", "measures", "contacts", "media",
            "respect", "diversity"}
_VERBS = {"support", "achieve", "send", "make", "take", "give", "help", "bring", "ensure", "promote", "strengthen",
          "continue", "enhance", "deepen", "advance", "build", "develop", "expand", "work", "maintain", "keep",
          "address", "tackle", "improve", "implement", "pursue", "protect", "reduce", "increase", "hold", "seek"}
_CONTEXT_BEFORE = re.compile(r"(?:situation|developments?|crisis|conflict|war|issues?|question|peace(?: process)?|"
                             r"tensions|elections?|security|stability|reconstruction|people) (?:in|on|of|regarding|"
                             r"concerning|around|with|related to) (?:the )?$|\b(?:on|about|regarding|concerning) "
                             r"(?:the )?$", re.I)
_CONTEXT_AFTER = re.compile(r"^(?:'s|’s)? ?(?:issue|question|situation|crisis|conflict|file|peace process|nuclear)",
                            re.I)


# "China-US relations", "the UK-Japan relationship", "Korea-China relations": the dyad itself as a topic;
# "the G20 Summit", "the Arctic Council Ministerial": the named forum
_DYAD = re.compile(r"\b(?:[A-Z][\w.’']*(?:-[A-Z][\w.’']*)+)\s+(?:(?:bilateral|strategic|economic|trade|defence|defense)\s+)?"
                   r"(?:relations(?:hip)?|ties|partnership|cooperation)\b")
_FORUM = re.compile(r"\b(?:\d+(?:st|nd|rd|th)\s+)?(?:[A-Z][\w.’'+-]*\s+){1,4}(?:Summit|Ministerial|Dialogue|Conference|"
                    r"Forum|Agreement|Treaty|Initiative|Programme|Program)\b")


def _gazetteer(work: Work) -> Gazetteer:
    cache = work.kb.__dict__.setdefault("_cache", {})
    if "topics" not in cache:
        g = Gazetteer()
        for t in work.kb.topics:
            for s in (t.label, *t.aliases):
                g.add(s, t.label)
        cache["topics"] = g
    return cache["topics"]


_PREFIX = re.compile(r"^(?:a |the )?(?:wide |broad |whole )?(?:range|number|series|host|variety|set|list) of\s+", re.I)


def _clean_item(part: str) -> str:
    item = re.sub(r"\s*\([^)]*\)?", "", part)
    item = _PREFIX.sub("", item.strip())
    item = item.strip().strip("“”\"'’‘()[]–—- ")
    for _ in range(2):
        item = _DET.sub("", item)
    item = _CUT.sub("", item).strip(" ,“”\"'’‘()–—-")
    return item


def _noun_phrase(item: str) -> bool:
    words = item.split()
    if not words or len(words) > 6 or len(item) < 3:
        return False
    low = item.lower()
    if low in _GENERIC or words[0].lower() in STOP_WORDS or words[0].lower() in _VERBS or _FINITE.search(item):
        return False
    if words[-1].lower() in STOP_WORDS or words[-1].lower() in ("such", "like"):
        return False  # "issues such (as ...)"
    if re.match(r"(?:issues?|matters?|questions?|areas?|topics?) of\b", low):
        return False  # "issues of common concern"
    if re.search(r"\b(?:their|our|his|her|its|we|they|he|she|it|including|related|regarding|importance)\b", low):
        return False
    if len(words) > 1 and words[0].islower() and words[0].endswith("ing") and words[0] not in ("peacekeeping",
                                                                                         "peacebuilding"):
        return False  # "working together", "taking steps": verb phrases, not subjects
    if len(words) == 1 and (words[0][:1].isupper() or words[0].lower().endswith(("ed", "ly"))):
        return False  # a lone capitalised word the knowledge does not know, or not a noun
    return bool(re.search(r"[a-z]", low))


def run(work: Work) -> None:
    if not work.engagements:
        return
    text = work.text
    body_start = 0  # headlines name topics too ("... Discuss China-US Relations")
    sides = {work.people[i].affiliation for e in work.engagements for i in e.participants}
    blocked = [p.title_span for p in work.people if p.title_span]
    blocked += [(s.start, s.end) for s in work.sentences if s.boiler]
    blocked += [p.name_span for p in work.people if p.name_span]
    locations = [e.location.lower() for e in work.engagements if e.location]
    found: list[Topic] = []
    seen: set[str] = set()

    per_topic: dict[str, int] = {}

    def add(label: str, a: int, b: int, canonical: str | None) -> None:
        key = re.sub(r"\W+", "", label.lower())
        ckey = (canonical or "").lower()
        if not key or key in seen or (ckey and per_topic.get(ckey, 0) >= 1):
            return  # the same words once; at most two wordings of one taxonomy entry
        if any(key in k or k in key for k in seen):
            return  # "Afghanistan" after "the situation in Afghanistan"
        seen.add(key)
        if ckey:
            per_topic[ckey] = per_topic.get(ckey, 0) + 1
        extra = {"topic": canonical} if canonical else {}
        found.append(Topic.model_validate({"label": label, "span": (a, b), **extra}))

    list_spans: list[tuple[int, int]] = [(m.start("items"), m.end("items")) for m in _LIST.finditer(text, body_start)]
    tokens = tokenize(text[body_start:], body_start)
    for a, b, label, _, _ in _gazetteer(work).find(tokens, text):
        surface = text[a:b]
        add(surface if len(surface) <= 40 else label, a, b, label)
    for m in work.actor_mentions:
        if m.start < body_start or m.code in sides or m.form in ("adjective", "body"):
            continue
        if any(x[0] <= m.start < x[1] for x in blocked):
            continue
        surface = text[m.start:m.end]
        if any(surface.lower() in loc for loc in locations):
            continue
        in_list = any(a <= m.start < b for a, b in list_spans)
        before = text[max(0, m.start - 40):m.start]
        after = text[m.end:m.end + 25]
        if in_list or _CONTEXT_BEFORE.search(before) or _CONTEXT_AFTER.match(after):
            actor = work.kb.actors.get(m.code)
            add(surface, m.start, m.end, actor.name if actor else None)
    for rx in (_DYAD, _FORUM):
        for hit in rx.finditer(text, body_start):
            a, b = hit.start(), hit.end()
            if any(x[0] <= a < x[1] for x in blocked):
                continue
            label = re.sub(r"^(?:The|A)\s+", "", hit.group())
            if label.split()[0].lower() in STOP_WORDS:
                continue
            add(label, b - len(label), b, None)
    for ls, le in list_spans:
        pos = ls
        for part in _SPLIT.split(text[ls:le]):
            idx = text.find(part, pos, le)
            if idx < 0:
                continue
            pos = idx + len(part)
            item = _clean_item(part)
            if not _noun_phrase(item):
                continue
            a = text.find(item, idx, pos)
            if a < 0:
                continue
            low = item.lower()
            if any(low in t.label.lower() or t.label.lower() in low for t in found):
                continue
            if any(x[0] <= a < x[1] for x in blocked):
                continue
            if any(m.start == a and m.code in sides and (text[m.end:m.end + 2] in ("'s", "’s")
                                                          or m.end >= a + len(item) - 1)
                   for m in work.actor_mentions):
                continue  # "NATO's continued support", "the People's Republic of China": a side, not a subject
            add(item, a, a + len(item), None)
    for e in work.engagements:
        e.topics = list(found)
