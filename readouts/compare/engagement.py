"""Do two records report one engagement? Evidence from participants, dates, modality, place and content.

Each kind of evidence adds log-odds for or against, with a reason a person can read:

- sides: the affiliation codes of the participants. Two bilateral engagements between different pairs of
  sides are different engagements, whatever else agrees.
- people: participants resolved through the knowledge (full name, alias, a name inside a longer string,
  a surname among the office holders of that side, or an unnamed "Prime Minister" resolved by the role
  held that day). A side named by different people on each record (Blinken vs Rubio) is a different
  engagement; the same people are evidence for.
- dates: the engagement's date, else the document's publication date. Equal or one day apart (readouts
  are dated in the publisher's time zone) is strong evidence for; further apart is decisive against.
  No date on a side is no evidence either way.
- modality: phone, video and in person contradict each other (meetings, talks, visits are in person).
- place: two stated places that differ are against; a city inside the stated country is not.
- content, when a side has no date: shared distinctive topics (taxonomy entries) and named entities
  (capitalised names the texts share beyond participants and sides). Without a date only content can
  tell two calls of the same ministers apart, so no shared content counts against.

The weights are round numbers, not fitted: decisive contradictions (dates, modality, sides, people,
place) outweigh all the evidence for, and a pair needs positive evidence beyond "same sides" to pass.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass, field

from ..knowledge import Knowledge, Person, load_knowledge
from ..model import Engagement, Participant, Record, SameEngagement

__all__ = ["EngagementView", "primary_engagement", "same_engagement", "view"]

PRIOR = -3.0  # log-odds before any evidence: most pairs of readouts report different engagements
THRESHOLD = 0.0  # same when the summed log-odds are above this

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def primary_engagement(rec: Record) -> Engagement | None:
    """The engagement a readout reports: the first one not recalled as an earlier engagement."""
    for e in rec.engagements:
        if (e.model_extra or {}).get("reported_as") != "earlier":
            return e
    return rec.engagements[0] if rec.engagements else None


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def _tokens(s: str) -> list[str]:
    return [t.replace("’", "'") for t in _WORD.findall(_fold(s))]


@dataclass(frozen=True)
class PersonRef:
    """A participant as far as the knowledge resolves them: a person key, else the words of the name."""

    side: str | None
    key: str | None
    words: tuple[str, ...]
    label: str

    def same_as(self, other: PersonRef) -> bool:
        if self.key and other.key:
            return self.key == other.key
        a, b = set(self.words), set(other.words)
        if not a or not b:
            return False
        # one name inside the other ("Blinken" / "Antony J. Blinken"), or the same last word
        return a <= b or b <= a or self.words[-1] == other.words[-1]


class _People:
    """Lookups over the knowledge's office holders, built once per Knowledge."""

    def __init__(self, kb: Knowledge) -> None:
        self.kb = kb
        self.forms: dict[tuple[str, ...], Person] = {}
        for p in kb.people:
            for s in (p.name, *p.aliases):
                self.forms.setdefault(tuple(_tokens(s)), p)
        self.surnames: dict[str, list[Person]] = {}
        for p in kb.people:
            if p.surname:
                self.surnames.setdefault(_fold(p.surname), []).append(p)
        self.holders: dict[tuple[str, str], list[Person]] = {}
        for p in kb.people:
            for r in p.roles:
                lst = self.holders.setdefault((r.actor, r.kind), [])
                if p not in lst:
                    lst.append(p)

    def resolve(self, part: Participant, day: dt.date | None) -> PersonRef:
        side = part.affiliation
        if part.name:
            words = tuple(w for w in _tokens(part.name) if len(w) > 1 or not w.isalpha())
            found = self._by_name(words, side, day)
            label = found.name if found else part.name
            return PersonRef(side, found.key if found else None, words, label)
        if part.role and side and day:
            held = [p for p in self.holders.get((side, part.role), [])
                    if any(r.actor == side and r.kind == part.role and r.active(day) for r in p.roles)]
            if len(held) == 1:
                return PersonRef(side, held[0].key, tuple(_tokens(held[0].name)), held[0].name)
        return PersonRef(side, None, (), part.title or "(unnamed)")

    def _by_name(self, words: tuple[str, ...], side: str | None, day: dt.date | None) -> Person | None:
        n = len(words)
        for size in range(n, 1, -1):  # the longest run of words that is a known name
            for i in range(0, n - size + 1):
                p = self.forms.get(words[i:i + size])
                if p is not None:
                    return p
        cands: list[Person] = []
        for w in words:
            for p in self.surnames.get(w, []):
                if side is None or any(r.actor == side for r in p.roles):
                    cands.append(p)
        if len(cands) > 1 and day is not None:
            cands = [p for p in cands if any(r.active(day) for r in p.roles)]
        return cands[0] if len(cands) == 1 else None


_PEOPLE: dict[int, tuple[Knowledge, _People]] = {}


def _people(kb: Knowledge) -> _People:
    hit = _PEOPLE.get(id(kb))
    if hit is None or hit[0] is not kb:
        hit = (kb, _People(kb))
        _PEOPLE[id(kb)] = hit
    return hit[1]


# --- places ---------------------------------------------------------------------------------------------

_STOP = {"the", "of", "and", "for", "people", "department", "ministry", "office", "state", "states", "side",
         "sides", "government", "mr", "mrs", "ms", "dr", "his", "her", "excellency", "h.e"}


@dataclass(frozen=True)
class Place:
    text: str
    words: frozenset[str]
    cities: frozenset[str]  # capitals and seats named, as (folded) words
    countries: frozenset[str]  # state codes the place lies in or names


def _place(text: str | None, kb: Knowledge) -> Place | None:
    if not text or not text.strip():
        return None
    toks = _tokens(text)
    cities: set[str] = set()
    countries: set[str] = set()
    n = len(toks)
    for size in range(min(4, n), 0, -1):
        for i in range(0, n - size + 1):
            phrase = " ".join(toks[i:i + size])
            hit = kb.actor_forms.get(phrase)
            if hit is None:
                continue
            code, form = hit
            actor = kb.actors.get(code)
            if actor is None or actor.kind != "state":
                continue
            countries.add(code)
            if form in ("capital", "seat"):
                cities.add(phrase)
    stop = {"the", "of", "in", "at", "on", "near", "outside", "city", "and"}
    return Place(text.strip(), frozenset(t for t in toks if t not in stop), frozenset(cities), frozenset(countries))


def _compare_places(a: Place, b: Place) -> tuple[float, str]:
    """(log-odds, reason) for two stated places."""
    if a.words and b.words and (a.words <= b.words or b.words <= a.words):
        return 1.5, f"same place: {a.text} / {b.text}" if a.text != b.text else f"same place: {a.text}"
    if a.cities and b.cities:
        if a.cities & b.cities:
            return 1.5, f"same place: {a.text} / {b.text}"
        return -5.0, f"places differ: {a.text} vs {b.text}"
    if a.countries and b.countries:
        if a.countries & b.countries:
            return 0.5, f"places compatible: {a.text} / {b.text}"
        return -5.0, f"places differ: {a.text} vs {b.text}"
    if a.words & b.words:
        return 0.5, f"places share a name: {a.text} / {b.text}"
    if (a.countries and not b.countries) or (b.countries and not a.countries):
        return 0.0, f"places {a.text} / {b.text}: cannot tell whether one lies in the other"
    return -2.0, f"places differ: {a.text} vs {b.text}"


# --- content --------------------------------------------------------------------------------------------

_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
           "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_NAME = re.compile(r"(?<![\w.])([A-Z][\w’'-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'-]*)*)")


_TOPIC_TOKEN = re.compile(r"\w+(?:-\w+)*")


def topic_forms(kb: Knowledge) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Every taxonomy label and alias as a word sequence, indexed by its first word, longest first, with
    the label it names (built once per Knowledge)."""
    cached = kb.__dict__.get("_compare_topic_forms")
    if cached is None:
        cached = {}
        for t in kb.topics:
            for f in (t.label, *t.aliases):
                words = tuple(_TOPIC_TOKEN.findall(f.lower()))
                if words and len(f.strip()) >= 2:
                    cached.setdefault(words[0], []).append((words, t.label))
        for forms in cached.values():
            forms.sort(key=lambda x: -len(x[0]))
        kb.__dict__["_compare_topic_forms"] = cached
    return cached


def named_topics(text: str, kb: Knowledge) -> set[str]:
    """The taxonomy topics a text names (whole words, case-insensitive; a hyphenated word is one word):
    one pass over the words, each looked up by its first word."""
    index = topic_forms(kb)
    words = _TOPIC_TOKEN.findall(text.lower())
    found: set[str] = set()
    for i, w in enumerate(words):
        for form, label in index.get(w, ()):
            if tuple(words[i:i + len(form)]) == form:
                found.add(label)
                break
    return found


def _common_words(kb: Knowledge) -> set[str]:
    cached = kb.__dict__.get("_compare_common_words")
    if cached is None:
        cached = set(kb.title_words) | _MONTHS
        for a in kb.actors.values():
            for s in (a.name, *a.aliases, *a.adjectives):
                cached.update(_tokens(s))
        kb.__dict__["_compare_common_words"] = cached
    return cached


def _entities(text: str, start: int, drop: set[str], kb: Knowledge) -> set[str]:
    """Capitalised names in the text from the engagement on (not the publisher's boilerplate before it)
    that are not at a sentence start, and not participants, places, months, titles or sides."""
    common = _common_words(kb)
    out = set()
    for m in _NAME.finditer(text, start):
        start = m.start()
        before = text[max(0, start - 3):start]
        if start == 0 or re.search(r"[.!?:\n]\s*$", before):
            continue
        words = [re.sub(r"'s$", "", w) for w in _tokens(m.group(1))]
        words = [w for w in words if w not in common and w[:-1] not in common and w not in drop and w not in _STOP
                 and len(w) > 2]
        if words:
            out.add(" ".join(words))
    return out


def _topics(rec: Record, e: Engagement, kb: Knowledge) -> set[str]:
    found = {str((t.model_extra or {}).get("topic")) for t in e.topics if (t.model_extra or {}).get("topic")}
    return found | named_topics(rec.document.text, kb)


# --- the decision ---------------------------------------------------------------------------------------

@dataclass
class EngagementView:
    """What same_engagement reads off one record, computed once (a store compares each against many)."""

    rec: Record
    eng: Engagement | None
    day: dt.date | None
    day_source: str
    sides: set[str]
    people: list[PersonRef]
    place: Place | None
    modality: str | None
    topics: set[str] = field(default_factory=set)
    entities: set[str] = field(default_factory=set)


def _date(s: str | None) -> dt.date | None:
    if not s:
        return None
    try:
        return dt.date.fromisoformat(str(s)[:10])
    except ValueError:
        return None


def view(rec: Record, kb: Knowledge | None = None) -> EngagementView:
    """The evidence of one record (its primary engagement) that same_engagement compares."""
    kb = kb or load_knowledge()
    e = primary_engagement(rec)
    day, src = None, "none"
    if e is not None and _date(e.date):
        day, src = _date(e.date), "engagement"
    elif _date(rec.document.published):
        day, src = _date(rec.document.published), "published"
    people = [_people(kb).resolve(p, day) for p in e.participants] if e else []
    sides = {p.affiliation for p in e.participants if p.affiliation} if e else set()
    modality = e.modality if e and e.modality in ("phone", "video", "in_person") else None
    place = _place(e.location, kb) if e else None
    v = EngagementView(rec, e, day, src, sides, people, place, modality)
    if e is not None:
        v.topics = _topics(rec, e, kb)
        drop = {w for p in people for w in p.words} | (set(place.words) if place else set())
        topic_words = {_fold(t) for t in v.topics}
        v.entities = {x for x in _entities(rec.document.text, e.span[0], drop, kb) if x not in topic_words}
    return v


def _names(refs: list[PersonRef]) -> str:
    return ", ".join(sorted({r.label for r in refs}))


def _published_gap(a: EngagementView, b: EngagementView) -> tuple[float, str]:
    """Evidence from dates when at least one is a publication date (an upper bound of the engagement's)."""
    assert a.day is not None and b.day is not None
    shown = f"{a.day} ({'published' if a.day_source == 'published' else 'engagement'}) and " \
            f"{b.day} ({'published' if b.day_source == 'published' else 'engagement'})"
    if a.day_source == b.day_source == "published":
        gap = abs((a.day - b.day).days)
        if gap <= 1:
            return 1.5, f"dates {shown}: published within a day"
        if gap <= 7:
            return 0.0, f"dates {shown}: published within a week"
        return -3.0, f"dates differ: {shown}"
    # one engagement date e, one publication date p: e should be on or a little before p
    e, p = (a.day, b.day) if a.day_source == "engagement" else (b.day, a.day)
    gap = (p - e).days
    if -1 <= gap <= 1:
        return 2.0, f"dates {shown}: within a day"
    if 1 < gap <= 7:
        return 0.5, f"dates {shown}: published {gap} days after"
    if gap < -1:
        return -6.0, f"dates differ: {shown}: published before it happened"
    return (-3.0 if gap <= 30 else -6.0), f"dates differ: {shown}"


def judge(a: EngagementView, b: EngagementView) -> SameEngagement:
    """same_engagement over two views (cheap; no embeddings)."""
    if a.eng is None or b.eng is None:
        which = "A" if a.eng is None else "B"
        return SameEngagement(same=False, score=0.0, reasons=[f"no engagement found in {which}"])
    logit = PRIOR
    reasons: list[str] = []

    def add(w: float, why: str) -> None:
        nonlocal logit
        logit += w
        reasons.append(why)

    # sides
    shared_sides = a.sides & b.sides
    sides_txt = "–".join(sorted(shared_sides))
    if len(a.sides) >= 2 and len(b.sides) >= 2:
        if a.sides == b.sides:
            add(1.5, f"same sides {sides_txt}")
        elif len(shared_sides) >= 2:
            add(0.75, f"sides in common {sides_txt} ({'–'.join(sorted(a.sides))} / {'–'.join(sorted(b.sides))})")
        else:
            add(-6.0, f"different sides: {'–'.join(sorted(a.sides))} vs {'–'.join(sorted(b.sides))}")
    elif shared_sides:
        add(0.0, f"only one side known on {'A' if len(a.sides) < 2 else 'B'}: {sides_txt}")
    else:
        add(-6.0, f"no side in common: {'–'.join(sorted(a.sides)) or '?'} vs {'–'.join(sorted(b.sides)) or '?'}")

    # people, side by side
    common: list[PersonRef] = []
    for side in sorted(shared_sides):
        pa = [p for p in a.people if p.side == side and (p.key or p.words)]
        pb = [p for p in b.people if p.side == side and (p.key or p.words)]
        if not pa or not pb:
            continue
        both = [p for p in pa if any(p.same_as(q) for q in pb)]
        if both:
            common += both
        else:
            add(-5.0, f"different people for {side}: {_names(pa)} vs {_names(pb)}")
    if common:
        add(min(2.5, 1.25 * len(common)), f"participants in common: {_names(common)}")

    # dates: an engagement's date is exact (give or take a day across time zones); a publication date
    # only bounds it from above (a readout appears on the day or a few days after)
    date_known = a.day_source == b.day_source == "engagement"
    if a.day is not None and b.day is not None:
        if date_known:
            gap = abs((a.day - b.day).days)
            if gap == 0:
                add(2.5, f"dates {a.day} and {b.day}")
            elif gap == 1:
                add(2.0, f"dates {a.day} and {b.day}: one day apart (time zones)")
            else:
                add(-6.0, f"dates differ: {a.day} vs {b.day}")
        else:
            add(*_published_gap(a, b))
    else:
        which = "either side" if a.day is None and b.day is None else "A" if a.day is None else "B"
        add(0.0, f"no date on {which}: no evidence either way")

    # modality
    if a.modality and b.modality:
        if a.modality == b.modality:
            add(0.5, f"same modality: {a.modality.replace('_', ' ')}")
        else:
            add(-5.0, f"modality differs: {a.modality.replace('_', ' ')} vs {b.modality.replace('_', ' ')}")

    # place
    if a.place and b.place:
        w, why = _compare_places(a.place, b.place)
        add(w, why)

    # content, when the dates cannot tell
    if not date_known:
        topics = a.topics & b.topics
        ents = a.entities & b.entities
        n = len(topics) + len(ents)
        shown = sorted(topics) + sorted(ents)
        if n:
            smaller = max(1, min(len(a.topics) + len(a.entities), len(b.topics) + len(b.entities)))
            w = min(3.0, 0.6 * n + 2.0 * n / smaller)
            add(round(w, 2), "content in common: " + ", ".join(shown[:8]) + (" ..." if len(shown) > 8 else ""))
        else:
            add(-1.0, "no distinctive content in common")

    score = 1.0 / (1.0 + math.exp(-logit))
    return SameEngagement(same=logit > THRESHOLD, score=round(score, 3), reasons=reasons)


def same_engagement(rec_a: Record, rec_b: Record, knowledge: Knowledge | None = None) -> SameEngagement:
    """Do the two records report the same engagement? ``{same, score (0..1), reasons}``; no embeddings."""
    kb = knowledge or load_knowledge()
    return judge(view(rec_a, kb), view(rec_b, kb))
