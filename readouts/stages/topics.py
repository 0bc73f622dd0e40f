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
  * list grammar: "issues such as X, Y and Z", "in the areas of X, Y and Z", "including X, Y and Z",
    "discussed / exchanged views on / focused on / reviewed X, Y and Z" (cues may nest): each noun phrase item
    becomes a topic; a vague head is read through ("the need to end the drought" → "drought", "opportunities
    for cooperation on X" → "cooperation on X"); an item naming a participant, a date or only modifiers
    ("political, economic and cultural") or only vague words ("close cooperation") is not a topic;
  * a subject announced at a sentence's start: "Regarding X, ...", "On X, ..." (not "On Monday," / "On the
    sidelines of ...,");
  * the relationship itself: "China-US relations", "the X-Y Comprehensive Strategic Partnership", "relations
    between X and Y" (→ "X-Y relations"); the agenda's scope ("regional and global issues", "issues of
    bilateral, regional and global importance");
  * named forums and bodies ("the G20 Summit", "the NATO-Russia Council", "Resolution 2254"), unless the body
    is part of someone's title ("European Commission President", "member of the ... Central Committee").
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
                   r"\bon (?:the )?issues? of|\branging from|\b(?:discussed|addressed|exchanged (?:their )?views (?:on|about|regarding)|"
                   r"(?:an )?exchange of views on|covered|talked about|spoke about|focused on|touched (?:up)?on|"
                   r"consulted on|reviewed)|\bon issues like)\s+(?P<items>[^.;:!?]+)", re.I)
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
_ADJ_ONLY = {"economic", "political", "cultural", "social", "military", "commercial", "financial", "technical",
             "scientific", "educational", "humanitarian", "diplomatic", "strategic", "bilateral", "regional", "global",
             "international", "multilateral", "mutual", "common", "various", "relevant", "related", "respective"}
_VAGUE = {"close", "closer", "topical", "mutual", "shared", "common", "bilateral", "key", "important", "major",
          "current", "recent", "latest", "new", "further", "specific", "concrete", "practical", "respective",
          "relevant", "good", "strong", "positive", "fruitful", "substantive", "interest", "interests",
          "commitment", "commitments", "interaction", "interactions", "round", "outlines", "outline", "schedule",
          "level", "levels", "aspects", "aspect", "sides", "side", "parties", "countries", "nations", "leaders",
          "way", "forward", "together", "engagement", "collaboration", "partnership", "partners", "friendship"}
_WHEN = re.compile(r"\b(?:January|February|March|April|June|July|August|September|October|November|December|"
                   r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow|"
                   r"last (?:week|month|year)|next (?:week|month|year))\b")
_VERBS = {"support", "achieve", "send", "make", "take", "give", "help", "bring", "ensure", "promote", "strengthen",
          "continue", "enhance", "deepen", "advance", "build", "develop", "expand", "work", "maintain", "keep",
          "address", "tackle", "improve", "implement", "pursue", "protect", "reduce", "increase", "hold", "seek"}
_CONTEXT_BEFORE = re.compile(r"(?:situation|developments?|crisis|conflict|war|issues?|question|peace(?: process)?|"
                             r"tensions|elections?|security|stability|reconstruction|people) (?:in|on|of|regarding|"
                             r"concerning|around|with|related to) (?:the )?$|\b(?:on|about|regarding|concerning) "
                             r"(?:the )?$", re.I)
_CONTEXT_AFTER = re.compile(r"^(?:'s|’s)? ?(?:issue|question|situation|crisis|conflict|file|peace process|nuclear)",
                            re.I)

# a vague head that only introduces the subject: "the need to end the war" → "end the war" → "the war";
# "opportunities for cooperation on transnational challenges" → "cooperation on transnational challenges"
_HEAD = re.compile(r"^(?:(?:the|a|an|further|concrete|possible|practical|new|next|other)\s+)*(?:need|needs|importance|"
                   r"significance|ways?|means|opportunit(?:y|ies)|possibilit(?:y|ies)|prospects?|progress|steps?|efforts?|"
                   r"plans?|implications?|impact|state|status|outcomes?|results?|follow-up|issues?|questions?|matters?|"
                   r"situation|developments?|latest developments?)\s+(?:of|on|for|to|in|regarding|concerning|about|"
                   r"around|related to|towards?)\s+", re.I)
_LEAD_VERB = re.compile(r"^(?:(?:further|jointly|effectively|continue to|continuing to)\s+)?(?:bring(?:ing)? an end to|"
                        r"put(?:ting)? an end to|end(?:ing)?|resolv(?:e|ing)|address(?:ing)?|tackl(?:e|ing)|explor(?:e|ing)|"
                        r"strengthen(?:ing)?|enhanc(?:e|ing)|deepen(?:ing)?|expand(?:ing)?|promot(?:e|ing)|advanc(?:e|ing)|"
                        r"boost(?:ing)?|improv(?:e|ing)|reduc(?:e|ing)|combat(?:ing)?|counter(?:ing)?|fight(?:ing)?|"
                        r"support(?:ing)?|increas(?:e|ing)|build(?:ing)?|develop(?:ing)?|ensur(?:e|ing)|achiev(?:e|ing)|"
                        r"implement(?:ing)?|manag(?:e|ing)|facilitat(?:e|ing)|pursu(?:e|ing)|maintain(?:ing)?|"
                        r"safeguard(?:ing)?|protect(?:ing)?|restor(?:e|ing)|resum(?:e|ing)|prevent(?:ing)?)\s+", re.I)
# a subject announced at the start of a sentence: "Regarding the situation in Sudan, ...", "On climate change, ..."
_FRAME = re.compile(r"(?:^|(?<=[.!?:;])\s+|\n\s*)(?:Regarding|Concerning|As (?:for|to|regards)|With (?:regard|respect) to|"
                    r"In terms of|Turning to|On the (?:issue|question|subject|matter) of|On)\s+"
                    r"(?P<items>[^,.;:!?\n]{3,80}),", re.M)
_NOT_FRAME = re.compile(r"\b(?:behalf|occasion|sidelines?|margins?|invitation|side|part|basis|day|morning|afternoon|"
                        r"evening|night|eve|arrival|phone|call|visit|trip|way|whole|contrary|other hand|one hand|front|track|note|"
                        r"January|February|March|April|May|June|July|August|September|October|November|December|"
                        r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\d", re.I)
# the relationship named by its two parties: "relations between China and the United States" → "China-US relations"
_BETWEEN = re.compile(r"\b(?:(?:bilateral|diplomatic|economic|trade|strategic)\s+)?(?P<kind>relations|relationship|ties)\s+"
                      r"between\s+(?:the\s+)?(?P<a>[A-Z][\w.’'-]*(?:[ ]+(?:of[ ]+)?[A-Z][\w.’'-]*){0,3})\s+and\s+(?:the\s+)?"
                      r"(?P<b>[A-Z][\w.’'-]*(?:[ ]+(?:of[ ]+)?[A-Z][\w.’'-]*){0,3})")
_SHORT = {"united states": "US", "united states of america": "US", "united kingdom": "UK", "european union": "EU",
          "people's republic of china": "China", "russian federation": "Russia", "republic of korea": "ROK"}
_STYLE = re.compile(r"^(?:[A-Z][\w’'-]*[ ]+)*(?:Kingdom|Republic|State|Federation|Emirate|Sultanate)[ ]+of[ ]+")


def _short(name: str) -> str:
    """ "the United States" → "US", "Kingdom of Saudi Arabia" → "Saudi Arabia", "China." → "China"."""
    if name.endswith(".") and name.count(".") == 1:
        name = name[:-1]
    return _SHORT.get(name.lower().replace("’", "'")) or _STYLE.sub("", name)


# "bilateral, regional and global issues", "regional and international issues": the agenda's own wording
_SCOPES = (r"(?:bilateral|regional|international|global|multilateral)(?:,?\s+(?:and\s+|as well as\s+)?"
           r"(?:bilateral|regional|international|global|multilateral))+")
_SCOPE = re.compile(r"\b(?:(?:issues|matters|questions) of\s+" + _SCOPES + r"\s+(?:importance|concern|interest)|"
                    + _SCOPES + r"\s+(?:issues|affairs|matters|questions))\b", re.I)


# "China-US relations", "the UK-Japan relationship", "Korea-China relations": the dyad itself as a topic;
# "the G20 Summit", "the Arctic Council Ministerial": the named forum
_DYAD = re.compile(r"\b(?:[A-Z][\w.’']*(?:(?:-| - )[A-Z][\w.’']*)+)\s+(?:(?i:bilateral|strategic|economic|trade|defence|"
                   r"defense|comprehensive|special|global|all-round|enhanced|extensive|diplomatic|cooperative|"
                   r"trilateral)\s+){0,3}(?i:relations(?:hip)?|ties|partnership|cooperation)\b")
_FORUM = re.compile(r"\b(?:\d+(?:st|nd|rd|th)\s+)?(?:[A-Z][\w.’'+-]*\s+(?:and\s+(?=[A-Z]))?){1,4}(?:Summit|Ministerial|Dialogue|Conference|"
                    r"Forum|Agreement|Treaty|Initiative|Programme|Program|Council|Commission|Committee|Subcommittee|"
                    r"Contact Group|Process|Format|Mechanism|Consultations?)\b|"
                    r"\b(?:(?:UN|United Nations)\s+)?(?:Security Council\s+)?[Rr]esolution\s+\d{2,4}\b")

# a standing body named in someone's title is not a subject of the talks
_BODY = re.compile(r"\b(?:Council|Commission|Committee|Subcommittee)$")
_TITLE_AFTER = re.compile(r"\s+(?:President|Vice|Chair(?:man|woman|person)?|Secretary|Member|Director|Spokes\w+|"
                          r"Advis[eo]r|Head|Commissioner|Deputy|Chief)\b")
_TITLE_BEFORE = re.compile(r"\b(?<!permanent )(?i:member|director|head|chair\w*|secretary|president|office|deputy|vice[- ]\w+|"
                           r"advis[eo]r|commissioner|chief|general)\s+of\s+(?:the\s+)?(?:(?:[A-Z][\w.’'-]*|\([A-Z]+\))\s+"
                           r"(?:(?:of|and)\s+(?:the\s+)?)?)*$")


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
    for _ in range(3):  # "the need to bring an end to the war in Gaza" → "war in Gaza"
        head = _HEAD.match(item)
        if not head:
            break
        item = _LEAD_VERB.sub("", item[head.end():])
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
    lows = [w.lower().strip(",") for w in words]
    if lows[-1] in _ADJ_ONLY:
        return False  # "political, economic and cultural": modifiers whose noun the list left out
    if len(lows) > 1 and lows[-1].endswith("ing") and lows[-2] in STOP_WORDS:
        return False  # "best practices on dealing": a clause cut short
    if lows[-1] not in ("relations", "ties", "relationship") and all(w in _VAGUE or w in _GENERIC or w in STOP_WORDS
                                                                 for w in lows):
        return False  # "close cooperation", "topical issues", "mutual bilateral interest"
    if _WHEN.search(item):
        return False  # "visits in December": a time, not a subject
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
    blocked += [m for p in work.people if p.name for m in p.mentions]
    # a participant's name inside a list item ("Ana Ferreira's trip") makes it about a person, not a subject
    name_words = {w for p in work.people if p.name for w in re.findall(r"[A-Z][\w-]{2,}", p.name)}
    locations = [e.location.lower() for e in work.engagements if e.location]
    found: list[Topic] = []
    seen: set[str] = set()

    per_topic: dict[str, int] = {}

    def add(label: str, a: int, b: int, canonical: str | None) -> None:
        key = re.sub(r"\W+", "", label.lower())
        ckey = (canonical or "").lower()
        if not key or key in seen or (ckey and per_topic.get(ckey, 0) >= 1):
            return  # the same words once; one wording per taxonomy entry
        if any(key in k or k in key for k in seen):
            return  # "Afghanistan" after "the situation in Afghanistan"
        seen.add(key)
        if ckey:
            per_topic[ckey] = per_topic.get(ckey, 0) + 1
        extra = {"topic": canonical} if canonical else {}
        found.append(Topic.model_validate({"label": label, "span": (a, b), **extra}))

    list_spans: list[tuple[int, int]] = []
    pos = body_start
    while (lm := _LIST.search(text, pos)) is not None:
        # cues may nest ("reviewed cooperation in the areas of X, Y and Z"): search again inside the items
        list_spans.append((lm.start("items"), lm.end("items")))
        pos = lm.start("items")
    list_spans += [(m.start("items"), m.end("items")) for m in _FRAME.finditer(text, body_start)
                   if not _NOT_FRAME.search(m.group("items")) and " as " not in m.group("items")]
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
    for hit in _BETWEEN.finditer(text, body_start):
        if any(x[0] <= hit.start() < x[1] for x in blocked):
            continue
        a_name, b_name = _short(hit.group("a")), _short(hit.group("b"))
        add(f"{a_name}-{b_name} {hit.group('kind')}", hit.start(), hit.end(), None)
    for hit in _SCOPE.finditer(text, body_start):
        if not any(x[0] <= hit.start() < x[1] for x in blocked):
            add(hit.group(), hit.start(), hit.end(), None)
    for rx in (_DYAD, _FORUM):
        for hit in rx.finditer(text, body_start):
            a, b = hit.start(), hit.end()
            if any(x[0] <= a < x[1] for x in blocked):
                continue
            label = re.sub(r"^(?:The|A)\s+", "", hit.group())
            if label.split()[0].lower() in STOP_WORDS or label.split()[0] in ("Video", "Phone", "Telephone"):
                continue
            if _BODY.search(label) and (_TITLE_AFTER.match(text, b) or _TITLE_BEFORE.search(text[max(0, a - 120):a])):
                continue  # "European Commission President ...", "Member of the ... Central Committee": a title
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
            if any(re.sub(r"[’']s$", "", w) in name_words for w in item.split()):
                continue
            if any(m.start == a and m.code in sides and (text[m.end:m.end + 2] in ("'s", "’s")
                                                          or m.end >= a + len(item) - 1)
                   for m in work.actor_mentions):
                continue  # "NATO's continued support", "the People's Republic of China": a side, not a subject
            add(item, a, a + len(item), None)
    for e in work.engagements:
        e.topics = list(found)
