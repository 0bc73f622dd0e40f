"""Knowledge as data: the versioned files shipped in this folder, and one loader that validates them.

Files (YAML unless noted), each with a ``version``:
    states.yaml         UN members and observers (+ Taiwan, Kosovo): codes, names, adjectives, capitals
    organisations.yaml  international organisations: acronyms, aliases, bodies
    people.yaml         office holders with dated roles
    titles.yaml         the grammar of office titles
    cues.yaml           engagement, statement and agreement cue words
    topics.yaml         topic taxonomy with aliases; the topics stage's extraction words
    stance.yaml         stance lexicon
    cameo_patterns.yaml statement-level CAMEO patterns
    publishers.yaml     news agencies of datelines and the side each speaks for
    summits.yaml        the recurring forums' leaders' summits: dates, places, hosts
    cameo.tsv           CAMEO event codes with Goldstein weights and quad classes

A user's own actor file (same format as states/organisations/people, any of the three keys) merges in
over the shipped ones: ``load_knowledge(extra_actor_files=[...])``.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import KnowledgeError

__all__ = ["Actor", "CameoCode", "Forum", "Knowledge", "Person", "Role", "Summit", "TopicEntry", "load_knowledge"]

try:  # the C loader is ~10x faster where PyYAML was built with libyaml
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


@dataclass(frozen=True)
class Actor:
    code: str
    name: str
    kind: str  # "state" | "organisation"
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()  # other cities where diplomacy is done: places, never names of the actor


@dataclass(frozen=True)
class Role:
    title: str
    kind: str
    actor: str
    start: _dt.date | None
    end: _dt.date | None

    def active(self, day: _dt.date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    aliases: tuple[str, ...]
    surname: str | None
    family_first: bool
    roles: tuple[Role, ...]

    def role_at(self, day: _dt.date | None, kind: str | None = None) -> Role | None:
        """The role held on ``day`` (preferring one of ``kind``); the nearest one when none is active."""
        if not self.roles:
            return None
        active = [r for r in self.roles if r.active(day)]
        pool = active or list(self.roles)
        if kind:
            same = [r for r in pool if r.kind == kind]
            if same:
                pool = same
        if day is None and len(pool) > 1:
            # no date to go by: the current office, else the latest one
            return max(pool, key=lambda r: (r.end is None, r.end or r.start or _dt.date.min, r.start or _dt.date.min))
        if not active and day is not None:
            def distance(r: Role) -> int:
                if r.start and day < r.start:
                    return (r.start - day).days
                if r.end and day > r.end:
                    return (day - r.end).days
                return 0
            return min(pool, key=distance)
        rank = {"head_of_state": 0, "head_of_government": 1, "org_head": 1, "foreign_minister": 2}
        return min(pool, key=lambda r: rank.get(r.kind, 5))


@dataclass(frozen=True)
class TopicEntry:
    label: str
    kind: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Forum:
    code: str
    names: tuple[str, ...]  # how texts name the forum ("G20", "Group of Twenty")
    meetings: tuple[str, ...]  # the words that follow the name for its leaders' meeting ("Summit")


@dataclass(frozen=True)
class Summit:
    forum: str
    start: _dt.date
    end: _dt.date
    places: tuple[str, ...]
    host: str | None = None
    number: int | None = None  # the forum's own ordinal ("the 18th G20 Summit")
    virtual: bool = False


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int


@dataclass
class Knowledge:
    """Everything the stages know, validated. Treat as read-only once loaded."""

    actors: dict[str, Actor]
    people: list[Person]
    titles: dict[str, Any]
    cues: dict[str, Any]
    topics: list[TopicEntry]
    stance: dict[str, Any]
    cameo: dict[str, CameoCode]
    cameo_patterns: list[dict[str, Any]]
    versions: dict[str, str] = field(default_factory=dict)
    agencies: dict[str, str | None] = field(default_factory=dict)  # dateline form -> side (publishers.yaml)
    topic_words: dict[str, Any] = field(default_factory=dict)  # topics.yaml `extraction`: the topics stage's words
    forums: dict[str, Forum] = field(default_factory=dict)  # summits.yaml
    summits: list[Summit] = field(default_factory=list)

    # derived lookups, built once in __post_init__
    def __post_init__(self) -> None:
        self.actor_forms: dict[str, tuple[str, str]] = {}  # lower surface -> (code, form)
        self.exact_forms: dict[str, tuple[str, str]] = {}  # acronyms: case-sensitive
        for a in self.actors.values():
            groups = [("name", (a.name,)), ("alias", a.aliases), ("adjective", a.adjectives),
                      ("capital", a.capitals), ("seat", a.seats), ("body", a.bodies)]
            for form, names in groups:
                for s in names:
                    s = s.strip()
                    if not s:
                        continue
                    if _is_acronym(s):
                        self.exact_forms.setdefault(s, (a.code, form))
                    else:
                        self.actor_forms.setdefault(s.lower(), (a.code, form))
        # other cities (states.yaml ``cities``): lower name -> state; places only, never actor mentions
        self.city_forms: dict[str, str] = {c.lower(): a.code for a in self.actors.values() for c in a.cities}
        self.person_forms: dict[str, Person] = {}
        self.surnames: dict[str, list[Person]] = {}
        for p in self.people:
            for s in (p.name, *p.aliases):
                self.person_forms.setdefault(s.lower(), p)
            if p.surname:
                self.surnames.setdefault(p.surname.lower(), []).append(p)
        self.title_heads = {h.lower() for h in self.titles.get("heads", [])}
        self.title_words = {w.lower() for w in self.titles.get("words", [])} | self.title_heads
        self.title_connectors = {w.lower() for w in self.titles.get("connectors", [])}
        # word sets of the grammar of names (titles.yaml): forms of address are kept word by word,
        # since a name is read token by token ("His Royal Highness" -> his, royal, highness)
        self.honorific_words = {w for h in self.titles.get("honorifics", []) for w in str(h).lower().split()}
        def words(key: str) -> set[str]:
            return {str(w).lower() for w in self.titles.get(key, [])}

        self.name_address = words("address")
        self.name_styles = words("styles")
        self.name_nobility = words("nobility")
        self.name_postnominals = words("postnominals")
        self.name_generations = words("generations")
        self.name_particles = words("particles")
        self.title_kinds: list[tuple[str, str]] = sorted(
            ((t.lower(), kind) for kind, ts in self.titles.get("kinds", {}).items() for t in ts),
            key=lambda x: -len(x[0]))
        self._title_kind_rx = [(phrase, re.compile(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])"), kind)
                               for phrase, kind in self.title_kinds]
        self._title_kind_memo: dict[str, str | None] = {}

    def actor(self, code: str | None) -> Actor | None:
        return self.actors.get(code) if code else None

    def place_codes(self, place: str) -> list[str]:
        """The states and organisations a place string names by a name, alias, capital or seat, in order,
        longest phrase first ("Ankara, Turkey" -> TUR; "the Egmont Palace in Brussels" -> BEL; "the Kremlin"
        -> RUS). Only capitalised phrases count (never "us" in a sentence), and only whole words ("US" is not
        in "Brussels")."""
        words = re.findall(r"[\w.'’-]+", place)
        out: list[str] = []
        i = 0
        while i < len(words):
            for n in range(min(4, len(words) - i), 0, -1):
                phrase = " ".join(words[i:i + n]).rstrip(".")
                if not phrase[:1].isupper():
                    continue
                got = self.exact_forms.get(phrase) or self.actor_forms.get(phrase.lower())
                if got and got[1] in ("name", "alias", "capital", "seat"):
                    if got[0] not in out:
                        out.append(got[0])
                    i += n - 1
                    break
            i += 1
        return out

    def title_kind(self, title: str | None) -> str | None:
        """The office kind a title names (the most specific match), or None. An office named in the title's
        complement is whom the holder serves, not the holder's ("Head of the Office of the President", "Chief
        of Staff to the Prime Minister")."""
        if not title:
            return None
        # "President of the Spanish Government" is a "president of the government": read also without the
        # states' adjectives (the longest phrase either form holds decides); memoised by title
        t = title.lower()
        memo = self._title_kind_memo
        if t not in memo:
            if len(memo) > 50_000:
                memo.clear()
            memo[t] = self._title_kind(t)
        return memo[t]

    def _title_kind(self, t: str) -> str | None:
        bare = " ".join(w for w in t.split() if self.actor_forms.get(w, ("", ""))[1] != "adjective")
        for phrase, rx, kind in self._title_kind_rx:
            for x in (t, bare):
                if phrase not in x:  # the cheap test first: most phrases are not in a given title
                    continue
                for m in rx.finditer(x):
                    if not _SERVED.search(x, 0, m.start()):
                        return kind
        return None


# an office in the title's complement ("Head of the Office of the President") is whom the holder serves
_SERVED = re.compile(r"\w.*\b(?:of|to|for|in) the\s+$")


def _is_acronym(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(c.isupper() for c in letters) and " " not in s


def _tuple(v: Any, where: str) -> tuple[str, ...]:
    if v is None:
        return ()
    if isinstance(v, str):
        return (v,)
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise KnowledgeError(f"{where}: expected a list of strings, got {v!r}")
    return tuple(v)


def _date(v: Any, where: str) -> _dt.date | None:
    if v is None or v == "":
        return None
    if isinstance(v, _dt.date):
        return v
    try:
        s = str(v)
        if len(s) == 7:
            s += "-01"
        elif len(s) == 4:
            s += "-01-01"
        return _dt.date.fromisoformat(s)
    except ValueError as e:
        raise KnowledgeError(f"{where}: bad date {v!r} (write YYYY-MM-DD)") from e


def _read_yaml(text: str, where: str) -> dict[str, Any]:
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as e:
        raise KnowledgeError(f"{where}: not valid YAML: {e}") from e
    if not isinstance(data, dict):
        raise KnowledgeError(f"{where}: expected a mapping at the top level")
    return data


def _shipped(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def _parse_actors(data: dict[str, Any], where: str, into: dict[str, Actor]) -> None:
    for key, kind in (("states", "state"), ("organisations", "organisation"), ("organizations", "organisation")):
        for i, e in enumerate(data.get(key) or []):
            w = f"{where}: {key}[{i}]"
            if not isinstance(e, dict) or not e.get("code") or not e.get("name"):
                raise KnowledgeError(f"{w}: every entry needs a code and a name")
            code = str(e["code"]).strip()
            into[code] = Actor(
                code=code, name=str(e["name"]), kind=kind,
                aliases=_tuple(e.get("aliases"), w), adjectives=_tuple(e.get("adjectives"), w),
                capitals=_tuple(e.get("capitals"), w), seats=_tuple(e.get("seats"), w),
                bodies=_tuple(e.get("bodies"), w), ambiguous=_tuple(e.get("ambiguous"), w),
                cities=_tuple(e.get("cities"), w))


def _parse_people(data: dict[str, Any], where: str, into: dict[str, Person]) -> None:
    for i, e in enumerate(data.get("people") or []):
        w = f"{where}: people[{i}]"
        if not isinstance(e, dict) or not e.get("name"):
            raise KnowledgeError(f"{w}: every person needs a name")
        name = str(e["name"]).strip()
        roles = []
        for j, r in enumerate(e.get("roles") or []):
            if not isinstance(r, dict) or not r.get("title") or not r.get("actor"):
                raise KnowledgeError(f"{w}.roles[{j}]: every role needs a title and an actor")
            start, end = _date(r.get("start"), w), _date(r.get("end"), w)
            if start and end and end < start:
                raise KnowledgeError(f"{w}.roles[{j}]: ends before it starts")
            roles.append(Role(str(r["title"]), str(r.get("kind") or "other"), str(r["actor"]), start, end))
        fam = bool(e.get("family_first"))
        surname = e.get("surname")
        if surname is None and "surname" not in e:
            parts = name.split()
            surname = (parts[0] if fam else parts[-1]) if len(parts) > 1 else None
        key = name.lower()
        into[key] = Person(key=key, name=name, aliases=_tuple(e.get("aliases"), w),
                           surname=str(surname) if surname else None, family_first=fam, roles=tuple(roles))


def _parse_cameo(text: str) -> dict[str, CameoCode]:
    out = {}
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("code\t"):
            continue
        code, name, gold, quad = line.split("\t")
        out[code] = CameoCode(code, name, float(gold), int(quad))
    return out


@functools.lru_cache(maxsize=8)
def load_knowledge(extra_actor_files: tuple[str | Path, ...] = ()) -> Knowledge:
    """Load and validate the shipped knowledge, merging the user's actor files over it (cached)."""
    actors: dict[str, Actor] = {}
    people: dict[str, Person] = {}
    versions = {}
    for name in ("states.yaml", "organisations.yaml", "people.yaml"):
        data = _read_yaml(_shipped(name), name)
        versions[name] = str(data.get("version", ""))
        _parse_actors(data, name, actors)
        _parse_people(data, name, people)
    for path in extra_actor_files:
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise KnowledgeError(f"{p}: cannot read actor file: {e}") from e
        data = _read_yaml(text, str(p))
        _parse_actors(data, str(p), actors)
        _parse_people(data, str(p), people)
    other = {n: _read_yaml(_shipped(n), n) for n in ("titles.yaml", "cues.yaml", "topics.yaml", "stance.yaml",
                                                      "cameo_patterns.yaml", "publishers.yaml", "summits.yaml")}
    for n, d in other.items():
        versions[n] = str(d.get("version", ""))
    _check_titles(other["titles.yaml"], "titles.yaml")
    _check_cues(other["cues.yaml"], "cues.yaml")
    _check_topic_words(other["topics.yaml"], "topics.yaml")
    forums, summits = _parse_summits(other["summits.yaml"], actors, "summits.yaml")
    topics = []
    for i, t in enumerate(other["topics.yaml"].get("topics") or []):
        if not isinstance(t, dict) or not t.get("label"):
            raise KnowledgeError(f"topics.yaml: topics[{i}] needs a label")
        topics.append(TopicEntry(str(t["label"]), str(t.get("kind") or "issue"),
                                 _tuple(t.get("aliases"), f"topics.yaml: topics[{i}]")))
    return Knowledge(
        actors=actors, people=list(people.values()), titles=other["titles.yaml"], cues=other["cues.yaml"],
        topics=topics, stance=other["stance.yaml"], cameo=_parse_cameo(_shipped("cameo.tsv")),
        cameo_patterns=list(other["cameo_patterns.yaml"].get("patterns") or []), versions=versions,
        agencies=_parse_agencies(other["publishers.yaml"], actors),
        topic_words=dict(other["topics.yaml"]["extraction"]), forums=forums, summits=summits)


def _parse_summits(data: dict[str, Any], actors: dict[str, Actor], where: str) -> tuple[dict[str, Forum], list[Summit]]:
    forums: dict[str, Forum] = {}
    for code, f in (data.get("forums") or {}).items():
        w = f"{where}: forums.{code}"
        if not isinstance(f, dict) or not f.get("names") or not f.get("meetings"):
            raise KnowledgeError(f"{w}: a forum needs names and meetings")
        forums[str(code)] = Forum(str(code), _tuple(f["names"], w), _tuple(f["meetings"], w))
    summits = []
    for i, e in enumerate(data.get("summits") or []):
        w = f"{where}: summits[{i}]"
        if not isinstance(e, dict) or e.get("forum") not in forums:
            raise KnowledgeError(f"{w}: every summit needs a forum listed under forums")
        start, end = _date(e.get("start"), w), _date(e.get("end"), w)
        if start is None or end is None or end < start:
            raise KnowledgeError(f"{w}: needs a start and an end, in that order")
        host = e.get("host")
        if host is not None and host not in actors:
            raise KnowledgeError(f"{w}: unknown host {host!r}")
        number = e.get("n")
        if number is not None and not isinstance(number, int):
            raise KnowledgeError(f"{w}: n must be a whole number")
        summits.append(Summit(str(e["forum"]), start, end, _tuple(e.get("places"), w), host, number,
                              bool(e.get("virtual"))))
    return forums, summits


# the word lists of topics.yaml's `extraction` section that the topics stage compiles: section -> keys
# ("" for lists directly under extraction); each must be a non-empty list of words
_TOPIC_LISTS: dict[str, tuple[str, ...]] = {
    "": ("generic", "adjectives_only", "vague", "verbs", "state_styles"),
    "list_cues": ("nouns", "introducers", "phrases", "briefing"),
    "vague_heads": ("openers", "heads", "links"),
    "lead_verbs": ("adverbs", "verbs"),
    "context": ("nouns", "links", "about", "after"),
    "frames": ("cues", "not_frame"),
    "relations": ("between_modifiers", "between_kinds", "dyad_modifiers", "dyad_nouns", "scopes", "scope_nouns",
                  "scope_of", "scope_ends"),
    "forums": ("heads", "bodies"),
}


def _check_topic_words(data: dict[str, Any], where: str) -> None:
    """topics.yaml: the topics stage's word lists (``extraction``) are there, each a non-empty list of words."""
    root = data.get("extraction")
    if not isinstance(root, dict):
        raise KnowledgeError(f"{where}: extraction is missing or not a mapping")
    _check_word_lists(data, {f"extraction.{k}" if k else "extraction": v for k, v in _TOPIC_LISTS.items()}, where)
    short = root.get("short_names")
    if not isinstance(short, dict) or not short or \
            not all(isinstance(k, str) and k.strip() and isinstance(v, str) and v.strip() for k, v in short.items()):
        raise KnowledgeError(f"{where}: extraction.short_names: expected a non-empty mapping of name -> short name, "
                             f"got {short!r}")


# the word lists of cues.yaml that the statements stage compiles: section -> keys (a nested mapping for a
# section of its own); each must be a non-empty list of words
_CUE_LISTS: dict[str, tuple[str, ...]] = {
    "statements": ("content", "act", "joint_subjects", "side_subjects", "reciprocal_cues", "described_offices",
                   "speech_participles", "reporting_offices", "reporters", "reporting_verbs"),
    "headlines": ("heads",),
    "speech": ("greetings", "closings", "together_verbs", "together_adverbs", "header_words", "host_phrases"),
    "speech.salutations": ("possessives", "styles", "openings", "words", "addresses", "offices"),
}


# titles.yaml: the grammar of names and titles the actors stage compiles
_TITLE_LISTS = ("heads", "words", "connectors", "honorifics", "address", "address_phrases", "styles", "ranks",
                "nobility", "postnominals", "generations", "particles", "office_modifiers", "group_nouns")


def _check_titles(data: dict[str, Any], where: str) -> None:
    """titles.yaml: each word list is a non-empty list of words; ``kinds`` and ``head_complements`` map a word to
    a list of words, ``default_actors`` a title to an actor code."""
    _check_word_lists({"titles": data}, {"titles": _TITLE_LISTS}, where)
    for key in ("kinds", "head_complements", "publisher_kinds"):
        node = data.get(key)
        if not isinstance(node, dict) or not node or not all(
                isinstance(k, str) and isinstance(v, list) and v and all(isinstance(x, str) for x in v)
                for k, v in node.items()):
            raise KnowledgeError(f"{where}: {key}: expected a mapping of word -> list of words, got {node!r}")
    node = data.get("default_actors")
    if not isinstance(node, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in node.items()):
        raise KnowledgeError(f"{where}: default_actors: expected a mapping of title -> actor code, got {node!r}")


def _check_cues(data: dict[str, Any], where: str) -> None:
    """cues.yaml: the statements stage's word lists are there, each a non-empty list of words, and the joint
    offices map nouns to office kinds."""
    _check_word_lists(data, _CUE_LISTS, where)
    offices = (data.get("statements") or {}).get("joint_offices")
    if not isinstance(offices, dict) or not offices or not all(
            isinstance(k, str) and isinstance(v, list) and v and all(isinstance(x, str) for x in v)
            for k, v in offices.items()):
        raise KnowledgeError(f"{where}: statements.joint_offices: expected a mapping of noun -> office kinds, "
                             f"got {offices!r}")


def _check_word_lists(data: dict[str, Any], lists: dict[str, tuple[str, ...]], where: str) -> None:
    """Each ``section`` (a dotted path into ``data``) holds each of its ``keys``, a non-empty list of words."""
    for section, keys in lists.items():
        node: Any = data
        for part in section.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if not isinstance(node, dict):
            raise KnowledgeError(f"{where}: {section} is missing or not a mapping")
        for key in keys:
            words = node.get(key)
            if words is None:
                raise KnowledgeError(f"{where}: {section}.{key} is missing (a list of words)")
            if not isinstance(words, list) or not words or \
                    not all(isinstance(w, str) and w.strip() for w in words):
                raise KnowledgeError(f"{where}: {section}.{key}: expected a non-empty list of words, got {words!r}")


def _parse_agencies(data: dict[str, Any], actors: dict[str, Actor]) -> dict[str, str | None]:
    """publishers.yaml: each dateline form of a news agency -> the side it speaks for (or None)."""
    out: dict[str, str | None] = {}
    for i, a in enumerate(data.get("agencies") or []):
        where = f"publishers.yaml: agencies[{i}]"
        if not isinstance(a, dict) or not a.get("name") or not a.get("forms"):
            raise KnowledgeError(f"{where} needs a name and forms")
        unknown = set(a) - {"name", "forms", "side"}
        if unknown:
            raise KnowledgeError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        side = a.get("side")
        if side is not None and str(side) not in actors:
            raise KnowledgeError(f"{where}: side {side!r} is not a known actor code")
        for form in _tuple(a.get("forms"), where):
            out[form] = None if side is None else str(side)
    return out
