"""Stage 8 — topics: what was discussed, from the shipped taxonomy and from list grammar.

Reads the text, actor mentions, people and the topic taxonomy (topics.yaml); fills each
engagement's ``topics``. Each topic's ``label`` is the words the text uses ("climate crisis",
"the Korean Peninsula situation" → "Korean Peninsula"); ``topic`` (an extra field) names the
taxonomy entry it belongs to, so analysts can group "climate crisis" with "climate change".
Sources, from the engagement on:
  * taxonomy aliases ("non-proliferation", "climate crisis", "COVID-19"); an alias inside a proper name is
    the name ("the Kudankulam Nuclear Power Plant", not "Nuclear Power"), unless the name is a title's
    ("Minister for Foreign Affairs and International Trade": no topic);
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
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from ..lexicon import Gazetteer, tokenize
from ..model import Topic
from .base import Work

__all__ = ["run"]

# The words come from topics.yaml (`extraction`); the grammar that combines them is here. Function words
# (_DET, _CUT, _FINITE, _SPLIT, _PREFIX) and the calendar words of _WHEN / _NOT_FRAME (as in the dates
# stage) stay in code.
_SPLIT = re.compile(r",\s*(?:and\s+|as well as\s+|or\s+)?|(?<!\bbilateral)(?<!\bregional)(?<!\bglobal)(?<!\beconomic)"
                    r"(?<!\bpolitical)(?<!\bsecurity)(?<!\bcultural)(?<!\bmultilateral)\s+and\s+"
                    # "the fuel and energy sector": two nouns of one head, no list
                    r"(?![\w-]+\s+(?:sectors?|industry|industries|fields?|spheres?|complex)\b)|\s+as well as\s+|"
                    r"\s+or\s+")
_DET = re.compile(r"^(?:the|a|an|their|its|our|his|her|both|other|further|various|all|these|those|some|"
                  r"such|any|this|that|current)\s+", re.I)
_CUT = re.compile(r"\s+(?:on the basis|with a view|in (?:the )?light of|in view of|in the wake of|against the backdrop of|"
                  r"with|without|to|for|so as|in order|at|which|that|while|where|"
                  r"who|when|as|by|from|through|amid|after|before|during|between|among|within)\b.*$", re.I)
_FINITE = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|shall|should|can|could|may|might|"
                     r"must|did|does|do|said|says|added|stated|reported)\b", re.I)
_WHEN = re.compile(r"\b(?:January|February|March|April|June|July|August|September|October|November|December|"
                   r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow|"
                   r"last (?:week|month|year)|next (?:week|month|year))\b")
_CALENDAR = (r"January|February|March|April|May|June|July|August|September|October|November|December|"
             r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")


def _alt(words: list[str]) -> str:
    """The words as a regex alternation, in their order (the order in which they are tried)."""
    return "|".join(re.escape(w) for w in words)


class _Words:
    """topics.yaml's `extraction` words, and the patterns compiled from them (once per knowledge base)."""

    def __init__(self, data: dict[str, Any]) -> None:
        lc, vh, lv, cx = data["list_cues"], data["vague_heads"], data["lead_verbs"], data["context"]
        fr, rel, fo = data["frames"], data["relations"], data["forums"]
        self.generic = set(data["generic"])
        self.adj_only = set(data["adjectives_only"])
        self.vague = set(data["vague"])
        self.verbs = set(data["verbs"])
        # "issues such as X, Y and Z", "discussed X, Y and Z"
        self.list = re.compile(rf"(?:\b(?:{_alt(lc['nouns'])})\s+(?:{_alt(lc['introducers'])})|"
                               rf"\b(?:{_alt(lc['phrases'])})|"
                               rf"\b(?:{_alt(lc['briefing'])})\s+(?:[\w.'’-]+\s+){{1,5}}?(?:on|about))"
                               r"\s+(?P<items>[^.;:!?]+)", re.I)
        # an item that opens a list of its own ("the state of relations and discussed X and Y"): its items are
        # the topics, found when the list search runs again inside it
        self.opens_list = re.compile(rf"(?:{_alt(lc['phrases'])})\s", re.I)
        self.context_before = re.compile(rf"(?:{_alt(cx['nouns'])}) (?:{_alt(cx['links'])}) (?:the )?$|"
                                         rf"\b(?:{_alt(cx['about'])}) (?:the )?$", re.I)
        self.context_after = re.compile(rf"^(?:'s|’s)? ?(?:{_alt(cx['after'])})", re.I)
        # a vague head that only introduces the subject: "the need to end the war" → "end the war" → "the war";
        # "opportunities for cooperation on transnational challenges" → "cooperation on transnational challenges"
        self.head = re.compile(rf"^(?:(?:{_alt(vh['openers'])})\s+)*(?:{_alt(vh['heads'])})\s+"
                               rf"(?:{_alt(vh['links'])})\s+", re.I)
        self.lead_verb = re.compile(rf"^(?:(?:{_alt(lv['adverbs'])})\s+)?(?:{_alt(lv['verbs'])})\s+", re.I)
        # a subject announced at the start of a sentence: "Regarding the situation in Sudan, ...", "On climate change, ..."
        self.frame = re.compile(rf"(?:^|(?<=[.!?:;])\s+|\n\s*)(?:{_alt(fr['cues'])})\s+"
                                r"(?P<items>[^,.;:!?\n]{3,80}),", re.M)
        self.not_frame = re.compile(rf"\b(?:{_alt(fr['not_frame'])}|{_CALENDAR})\b|\d", re.I)
        # the relationship named by its two parties: "relations between China and the United States" → "China-US relations"
        self.between = re.compile(rf"\b(?:(?:{_alt(rel['between_modifiers'])})\s+)?"
                                  rf"(?P<kind>{_alt(rel['between_kinds'])})\s+"
                                  r"between\s+(?:the\s+)?(?P<a>[A-Z][\w.’'-]*(?:(?<!\.)[ ]+(?:of[ ]+)?[A-Z][\w.’'-]*){0,3})\s+"
                                  r"and\s+(?:the\s+)?(?P<b>[A-Z][\w’'-]*(?:\.(?=\w)[\w’'-]*)*\.?"
                                  r"(?:(?<!\.)[ ]+(?:of[ ]+)?[A-Z][\w’'-]*(?:\.(?=\w)[\w’'-]*)*\.?){0,3})")
        self.short = dict(data["short_names"])
        self.style = re.compile(rf"^(?:[A-Z][\w’'-]*[ ]+)*(?:{_alt(data['state_styles'])})[ ]+of[ ]+")
        # "bilateral, regional and global issues", "regional and international issues": the agenda's own wording
        one = _alt(rel["scopes"])
        scopes = rf"(?:{one})(?:,?\s+(?:and\s+|as well as\s+)?(?:{one}))+"
        self.scope = re.compile(rf"\b(?:(?:{_alt(rel['scope_of'])}) of\s+" + scopes +
                                rf"\s+(?:{_alt(rel['scope_ends'])})|" + scopes +
                                rf"\s+(?:{_alt(rel['scope_nouns'])}))\b", re.I)
        # "China-US relations", "the UK-Japan relationship", "Korea-China relations": the dyad itself as a topic;
        # "the G20 Summit", "the Arctic Council Ministerial": the named forum
        self.dyad = re.compile(rf"\b(?:[A-Z][\w.’']*(?:(?:-| - )[A-Z][\w.’']*)+)\s+"
                               rf"(?:(?i:{_alt(rel['dyad_modifiers'])})\s+){{0,3}}(?i:{_alt(rel['dyad_nouns'])})\b")
        self.forum = re.compile(r"\b(?:\d+(?:st|nd|rd|th)\s+)?(?:[A-Z][\w.’'+-]*\s+(?:and\s+(?=[A-Z]))?){1,4}"
                                rf"(?:{_alt(fo['heads'])})\b|"
                                r"\b(?:(?:UN|United Nations)\s+)?(?:Security Council\s+)?[Rr]esolution\s+\d{2,4}\b")
        # a standing body named in someone's title is not a subject of the talks
        self.body = re.compile(rf"\b(?:{_alt(fo['bodies'])})$")

    def shorten(self, name: str) -> str:
        """ "the United States" → "US", "Kingdom of Saudi Arabia" → "Saudi Arabia", "China." → "China"."""
        if name.endswith(".") and name.count(".") == 1:
            name = name[:-1]
        return self.short.get(name.lower().replace("’", "'")) or self.style.sub("", name)


def _words(work: Work) -> _Words:
    cache = work.kb.__dict__.setdefault("_cache", {})
    if "topic_words" not in cache:
        cache["topic_words"] = _Words(work.kb.topic_words)
    return cache["topic_words"]


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


def _clean_item(part: str, w: _Words) -> str:
    item = re.sub(r"\s*\([^)]*\)?", "", part)
    item = _PREFIX.sub("", item.strip())
    item = item.strip().strip("“”\"'’‘()[]–—- ")
    for _ in range(2):
        item = _DET.sub("", item)
    for _ in range(3):  # "the need to bring an end to the war in Gaza" → "war in Gaza"
        head = w.head.match(item)
        if not head:
            break
        item = w.lead_verb.sub("", item[head.end():])
        for _ in range(2):
            item = _DET.sub("", item)
    item = _CUT.sub("", item).strip(" ,“”\"'’‘()–—-")
    return item


# past forms that open a clause, not a subject ("identified opportunities", "reached agreements")
_DONE = {"identified", "reached", "achieved", "made", "taken", "signed", "adopted", "agreed", "discussed", "noted",
         "welcomed", "explored", "reviewed"}


def _noun_phrase(item: str, w: _Words) -> bool:
    words = item.split()
    if not words or len(words) > 6 or len(item) < 3:
        return False
    low = item.lower()
    if low in w.generic or words[0].lower() in STOP_WORDS or words[0].lower() in w.verbs or _FINITE.search(item):
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
    lows = [x.lower().strip(",") for x in words]
    if len(lows) > 1 and words[-1].islower() and lows[-1].endswith("ed") and not lows[-1].endswith("eed") \
            and "-" not in lows[-1] and lows[-1] not in ("armed", "related", "based"):
        return False  # "the provisional understanding reached", "the agreements signed": a clause, not a subject
    if len(lows) > 1 and lows[0] in _DONE:
        return False  # "identified opportunities": a verb and its object
    if lows[-1] in w.adj_only:
        return False  # "political, economic and cultural": modifiers whose noun the list left out
    if len(lows) > 1 and lows[-1].endswith("ing") and lows[-2] in STOP_WORDS:
        return False  # "best practices on dealing": a clause cut short
    if lows[-1] not in ("relations", "ties", "relationship") and all(x in w.vague or x in w.generic or x in STOP_WORDS
                                                                 for x in lows):
        return False  # "close cooperation", "topical issues", "mutual bilateral interest"
    if _WHEN.search(item):
        return False  # "visits in December": a time, not a subject
    return bool(re.search(r"[a-z]", low))


def run(work: Work) -> None:
    if not work.engagements:
        return
    text = work.text
    w = _words(work)
    body_start = 0  # headlines name topics too ("... Discuss China-US Relations")
    sides = {work.people[i].affiliation for e in work.engagements for i in e.participants}
    blocked = [p.title_span for p in work.people if p.title_span]
    blocked += [(s.start, s.end) for s in work.sentences if s.boiler]
    blocked += [p.name_span for p in work.people if p.name_span]
    blocked += [m for p in work.people if p.name for m in p.mentions]
    # a participant's name inside a list item ("Ana Ferreira's trip") makes it about a person, not a subject
    name_words = {x for p in work.people if p.name for x in re.findall(r"[A-Z][\w-]{2,}", p.name)}
    locations = [e.location.lower() for e in work.engagements if e.location]
    found: list[Topic] = []
    seen: set[str] = set()
    per_topic: dict[str, int] = {}
    every: list[tuple[str, int, int, str | None, bool]] = []  # each accepted mention, for the later engagements' own lists

    def add(label: str, a: int, b: int, canonical: str | None, counted: bool = True) -> None:
        if any(t.span[0] <= a and b <= t.span[1] and t.span[1] - t.span[0] > b - a for t in found):
            return  # "Trans-Pacific Partnership" inside "the Comprehensive and Progressive Agreement for ...", taken whole
        every.append((label, a, b, canonical, counted))
        _take(found, seen, per_topic, label, a, b, canonical, counted)

    list_spans: list[tuple[int, int]] = []
    pos = body_start
    while (lm := w.list.search(text, pos)) is not None:
        # cues may nest ("reviewed cooperation in the areas of X, Y and Z"): search again inside the items
        list_spans.append((lm.start("items"), lm.end("items")))
        pos = lm.start("items")
    list_spans += [(m.start("items"), m.end("items")) for m in w.frame.finditer(text, body_start)
                   if not w.not_frame.search(m.group("items")) and " as " not in m.group("items")]
    tokens = tokenize(text[body_start:], body_start)
    named = [(m.start, m.end) for m in work.actor_mentions]
    titles = [s_ for s_ in work.sentences if work.is_title_line(s_)]
    for a, b, label, _, _ in _gazetteer(work).find(tokens, text):
        if any(x <= a and b <= y and y - x > b - a for x, y in named):
            continue  # "Africa" in "South Africa": part of a name
        if any(x <= a and b <= y for x, y in blocked):
            continue  # "Latin America" in "the Director General of Latin America": a title's, a name's, furniture
        surface = text[a:b]
        if surface[:1].isupper() and work.original is None and not any(t.start <= a < t.end for t in titles):
            run = _name_run(text, a, b)
            if run != (a, b):
                # "Natural Gas" in "the Trans-Anatolian Natural Gas Pipeline", "Trade" in "Minister for Foreign
                # Affairs and International Trade": part of a proper name, which is the subject if anything
                x, y = run
                name = text[x:y]
                if any(bx <= x < by or bx < y <= by for bx, by in blocked) or any(
                        word.lower().rstrip("'’s") in work.kb.title_heads or word.lower() in _INSTITUTION
                        for word in name.split()) or len(name.split()) > 6:
                    continue
                add(name, x, y, label, counted=False)  # a subject of its own, not one wording of the entry
                continue
        if any(bx <= a < by for bx, by in blocked):
            continue  # "East Asian" in "Assistant Secretary of State for East Asian and Pacific Affairs": an office
        # the text's own words, unless long or a verb's ("invest in" is the taxonomy's "investment")
        verbal = surface.split()[-1].lower() in STOP_WORDS
        add(surface if len(surface) <= 40 and not verbal else label, a, b, label)
    for m in work.actor_mentions:
        if m.start < body_start or m.code in sides or m.form in ("adjective", "body"):
            continue
        if any(x[0] <= m.start < x[1] for x in blocked):
            continue
        surface = text[m.start:m.end]
        if any(surface.lower() in loc for loc in locations):
            continue
        fm = w.forum.match(text, m.start)
        if fm and fm.end() > m.end:
            continue  # "the Washington Summit": the forum, found whole below
        in_list = any(a <= m.start < b for a, b in list_spans)
        before = text[max(0, m.start - 40):m.start]
        after = text[m.end:m.end + 25]
        if in_list or w.context_before.search(before) or w.context_after.match(after):
            actor = work.kb.actors.get(m.code)
            add(surface, m.start, m.end, actor.name if actor else None)
    for hit in w.between.finditer(text, body_start):
        if any(x[0] <= hit.start() < x[1] for x in blocked):
            continue
        a_name, b_name = w.shorten(hit.group("a")), w.shorten(hit.group("b"))
        add(f"{a_name}-{b_name} {hit.group('kind')}", hit.start(), hit.end(), None)
    for hit in w.scope.finditer(text, body_start):
        if not any(x[0] <= hit.start() < x[1] for x in blocked):
            add(hit.group(), hit.start(), hit.end(), None)
    for rx in (w.dyad, w.forum):
        for hit in rx.finditer(text, body_start):
            a, b = hit.start(), hit.end()
            if any(x[0] <= a < x[1] for x in blocked):
                continue
            label = re.sub(r"^(?:The|A)\s+", "", hit.group())
            if label.split()[0].lower() in STOP_WORDS or label.split()[0] in ("Video", "Phone", "Telephone"):
                continue
            if w.body.search(label) and (_TITLE_AFTER.match(text, b) or _TITLE_BEFORE.search(text[max(0, a - 120):a])):
                continue  # "European Commission President ...", "Member of the ... Central Committee": a title
            add(label, b - len(label), b, None)
    for ls, le in list_spans:
        pos = ls
        for part in _SPLIT.split(text[ls:le]):
            idx = text.find(part, pos, le)
            if idx < 0:
                continue
            pos = idx + len(part)
            if w.opens_list.match(part.strip()):
                continue
            item = _clean_item(part, w)
            if not _noun_phrase(item, w):
                continue
            a = text.find(item, idx, pos)
            if a < 0:
                continue
            low = item.lower()
            if any(low in t.label.lower() or t.label.lower() in low for t in found):
                continue
            if any(x[0] <= a < x[1] for x in blocked):
                continue
            if any(re.sub(r"[’']s$", "", x) in name_words for x in item.split()):
                continue
            if any(m.start == a and m.code in sides and (text[m.end:m.end + 2] in ("'s", "’s")
                                                          or m.end >= a + len(item) - 1)
                   for m in work.actor_mentions):
                continue  # "NATO's continued support", "the People's Republic of China": a side, not a subject
            add(item, a, a + len(item), None)
    # the document's main (first) engagement: everything it names; each later one ("Later the same day,
    # the Minister spoke by phone with ...") what is named from its sentence to the next engagement's
    starts = sorted({work.sentences[e.sentence].start for e in work.engagements})
    for k, e in enumerate(work.engagements):
        if k == 0:
            e.topics = list(found)
            continue
        a = work.sentences[e.sentence].start
        b = next((x for x in starts if x > a), len(text))
        own: list[Topic] = []
        own_seen: set[str] = set()
        own_per: dict[str, int] = {}
        for label, x, y, canonical, counted in every:
            if a <= x < b:
                _take(own, own_seen, own_per, label, x, y, canonical, counted)
        e.topics = own


# a capitalised word (full stops only inside it: "U.S.", never a sentence's end), perhaps a plural's possessive
# ("Foreign Ministers' Meeting"), not a singular's ("NATO's Asia-Pacific" is no name)
_CAP = r"[A-Z](?:\w|\.(?=\w))*(?:-[A-Z]?(?:\w|\.(?=\w))*)*(?:(?<=s)['’](?!\w))?"
_LINK = r"(?:[ ]+(?:of|for|on)(?:[ ]+the)?)?[ ]+"  # "Bay of Bengal", "Minister for Foreign Affairs"
# the offices and bureaus a name may be the name of ("Ministry of Trade"): no topic
_INSTITUTION = {"ministry", "ministries", "department", "office", "agency", "bureau", "directorate", "secretariat",
                "embassy", "consulate", "mission"}


def _name_run(text: str, a: int, b: int) -> tuple[int, int]:
    """The run of capitalised words that text[a:b] sits in: on to the words after it (joined by "of", "for",
    "on" too: "the Bay of Bengal Initiative") and back to the capitalised words right before it, unless one
    opens its sentence ("Trade was ...") — never across a line."""
    x, y = a, b
    while (m := re.match(_LINK + "(" + _CAP + ")", text[y:y + 60])) is not None:
        y += m.end(1)
    while (m := re.search("(" + _CAP + ")[ ]+$", text[max(0, x - 60):x])) is not None:
        start = x - len(m.group(0))
        if re.search(r"(?:^|[.!?:\n]\s*|[\"“]\s*)$", text[max(0, start - 3):start]):
            break
        x = start
    return x, y


def _take(found: list[Topic], seen: set[str], per_topic: dict[str, int], label: str, a: int, b: int,
          canonical: str | None, counted: bool = True) -> None:
    """Add a topic to ``found`` unless its words are there already (once per taxonomy entry, unless not
    ``counted``: a proper name is a subject of its own)."""
    key = re.sub(r"\W+", "", label.lower())
    # a proper name is a subject of its own beside another wording of its entry ("Donetsk" and "Luhansk", "Myanmar"
    # and "the Five-Point Consensus"), where the common wordings of an entry are one ("climate crisis", "climate
    # change")
    proper = label[:1].isupper() and not label.isupper() and canonical is not None and label.lower() != canonical.lower()
    ckey = (canonical or "").lower() if counted and not proper else ""
    if not key or key in seen or (ckey and per_topic.get(ckey, 0) >= 1):
        return  # the same words once; one wording per taxonomy entry
    if any(key in k or k in key for k in seen):
        return  # "Afghanistan" after "the situation in Afghanistan"
    seen.add(key)
    if ckey:
        per_topic[ckey] = per_topic.get(ckey, 0) + 1
    extra = {"topic": canonical} if canonical else {}
    found.append(Topic.model_validate({"label": label, "span": (a, b), **extra}))
