"""The coder's dictionaries as data structures: actors, agents, verb patterns.

Every source of coding knowledge — readouts' own YAML files (``readouts/knowledge/verbs.yaml``,
``agents.yaml``) and imported PETRARCH/TABARI dictionaries (``readouts.coding.tabari``) — is read into
these classes, and the coder (``readouts.coding.coder``) only ever sees these classes.

Conventions shared by all loaders:

- A *phrase* is a tuple of lower-case words as the tokenizer splits them ("the United States" ->
  ``("united", "states")`` once the article is dropped; "al-Qaeda" -> ``("al", "-", "qaeda")`` is NOT
  used: hyphenated words stay one word, ``("al-qaeda",)``). TABARI's underscores join words of one
  phrase; a trailing underscore (TABARI's "no stemming" mark) is dropped.
- A verb pattern is a tuple of *terms*: lower-case words, ``*`` (the verb itself, exactly once),
  ``&name`` (any phrase of the synset ``name``, lower-case, no trailing underscore), ``$`` (the
  source actor stands here), ``+`` (the target actor stands here), ``%`` (a compound actor stands here:
  both are sources and targets). Words before ``*`` must occur, in order, before the verb in its clause;
  words after it after the verb (other words may come between). TABARI's ``( )`` and ``{ }`` groupings
  are flattened away by the importer.
- Codes are strings exactly as written ("040", "0871", "174L"); ``None`` stands for TABARI's ``---``
  (the verb or pattern is known but codes nothing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

__all__ = ["ActorCode", "ActorDictionary", "AgentCode", "AgentDictionary", "VerbPattern", "VerbEntry",
           "VerbLexicon"]

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class ActorCode:
    """One code of an actor, valid from ``start`` to ``end`` inclusive (``None``: open)."""

    code: str
    start: date | None = None
    end: date | None = None

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class ActorDictionary:
    """Phrase -> codes. A phrase with several dated codes resolves by the sentence's date."""

    entries: dict[Phrase, list[ActorCode]] = field(default_factory=dict)

    def add(self, phrase: Phrase, codes: list[ActorCode]) -> None:
        self.entries.setdefault(phrase, []).extend(codes)

    def update(self, other: ActorDictionary) -> None:
        for p, cs in other.entries.items():
            self.entries[p] = list(cs)  # the later dictionary wins for the same phrase


@dataclass(frozen=True)
class AgentCode:
    """An agent (sector) code: appended to the country code (``~GOV``: USA -> USAGOV) or, for
    ``prefix=True`` (TABARI ``NGO~``), put before it (ARN -> NGOARN)."""

    code: str
    prefix: bool = False


@dataclass
class AgentDictionary:
    entries: dict[Phrase, AgentCode] = field(default_factory=dict)

    def update(self, other: AgentDictionary) -> None:
        self.entries.update(other.entries)


@dataclass(frozen=True)
class VerbPattern:
    terms: tuple[str, ...]
    code: str | None
    reverse_code: str | None = None  # TABARI "[040:040]": the event coded from target back to source
    note: str = ""
    swap: bool = False  # code the event target -> source ("X received aid from Y" is Y -> X)


@dataclass
class VerbEntry:
    """A verb (by lemma, e.g. ``("break",)``; a phrasal lemma like ``("take", "note")`` is allowed),
    its default code, its irregular surface forms and its patterns."""

    lemma: Phrase
    code: str | None
    reverse_code: str | None = None
    forms: set[Phrase] = field(default_factory=set)
    patterns: list[VerbPattern] = field(default_factory=list)
    # what the verb codes when no pattern matches and it has a direct object ("demonstrated its resolve"
    # is no protest); ``transitive_set`` False: the entry says nothing of it (``code`` applies)
    transitive: str | None = None
    transitive_set: bool = False
    # the code of the act reported of another actor: "the United States has interfered in China's
    # internal affairs", in China's statement, is China's accusation (112); as plain news it codes nothing
    reported: str | None = None
    # the direct object is what the act is about, not whom it is done with ("discussed the situation in
    # Ukraine", "reviewed the Arctic Council ministerial"): the counterpart comes only with "with"
    topic_object: bool = False


@dataclass
class VerbLexicon:
    synsets: dict[str, list[Phrase]] = field(default_factory=dict)  # name without '&', lower-case
    verbs: dict[Phrase, VerbEntry] = field(default_factory=dict)  # keyed by lemma
    nouns: dict[Phrase, VerbEntry] = field(default_factory=dict)  # event nouns ("attack", "talks")
    # kind ("means", "charges") -> [(synset name, CAMEO code)]: a synset named in the right place refines
    # a generic code (readouts' verbs.yaml ``subtypes``)
    subtypes: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def update(self, other: VerbLexicon) -> None:
        """Merge ``other`` over this one: its synsets, verbs and subtype lists replace ours of the same name."""
        self.synsets.update(other.synsets)
        self.verbs.update(other.verbs)
        self.nouns.update(other.nouns)
        self.subtypes.update(other.subtypes)
