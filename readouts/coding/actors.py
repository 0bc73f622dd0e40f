"""Actor and agent recognition for the event coder: a token trie over every known phrase.

Three sources feed one :class:`ActorIndex`:

- readouts' own knowledge (``readouts.knowledge``): states and organisations by name, alias,
  adjective, capital and seat; office holders by full name, with their dated roles (a head of state,
  minister or envoy codes as their state + ``GOV``; an organisation head as the organisation);
  ``cameo_actors.yaml`` gives the CAMEO actor code where it differs from our code (NATO -> IGOWSTNAT)
  and a few non-state actors news names often;
- imported PETRARCH/TABARI actor dictionaries (``readouts.coding.tabari``), whose entries win over
  ours for the same phrase; their one-word names also match the usual derived forms (TABARI matches
  "BULGAR" in "Bulgaria" and "Bulgarian");
- agents (sectors): readouts' ``agents.yaml`` and imported agent dictionaries; matched by surface form
  or lemma, so plurals need no listing.

Matching is greedy longest-first over the lower-case tokens of a sentence (a leading "the" is never
part of a phrase). A match is a :class:`Hit`; the coder combines the hits of a noun phrase into CAMEO
actor codes (country + agents).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from .lexicon import ActorCode, ActorDictionary, AgentCode, AgentDictionary
from .own import split_words

__all__ = ["ActorIndex", "Hit", "Payload"]

_END = "\0"
# endings a TABARI name stem takes in running text ("Bulgar" -> Bulgaria, Bulgarian, Bulgarians)
_DERIVED = ("s", "n", "ns", "an", "ans", "ian", "ians", "ia", "i", "is", "ese", "ish", "e", "es", "a", "'s")
_PERSON_AGENT = {"head_of_state": "GOV", "head_of_government": "GOV", "foreign_minister": "GOV",
                 "deputy_foreign_minister": "GOV", "defence_minister": "GOV", "security_adviser": "GOV",
                 "party_leader": "PTY", "opposition_leader": "OPP", "other": "GOV"}


@dataclass
class Payload:
    """What a phrase means: actor codes (dated), or an agent code."""

    codes: list[ActorCode] = field(default_factory=list)
    agent: AgentCode | None = None
    cased: bool = False  # matches only a capitalised word ("Kuleba", not "kuleba")

    def code_on(self, day: _dt.date | None) -> str | None:
        if not self.codes:
            return None
        valid = [c for c in self.codes if c.valid_on(day)]
        if valid:
            return valid[0].code
        undated = [c for c in self.codes if c.start is None and c.end is None]
        if undated:
            return undated[0].code
        if day is None:
            return self.codes[-1].code
        # nearest in time: a name last seen in one role keeps it (TABARI does the same)
        def gap(c: ActorCode) -> int:
            if c.end is not None and c.end < day:
                return (day - c.end).days
            if c.start is not None and day < c.start:
                return (c.start - day).days
            return 0
        return min(self.codes, key=gap).code


@dataclass(frozen=True)
class Hit:
    start: int  # token index
    end: int  # exclusive
    payload: Payload


class ActorIndex:
    """A trie of phrases (tuples of lower-case words) -> :class:`Payload`."""

    def __init__(self) -> None:
        self._actors: dict[str, Any] = {}
        self._agents: dict[str, Any] = {}
        self.ours_of_cameo: dict[str, str] = {}

    # ------------------------------------------------------------------ building
    @staticmethod
    def _insert(trie: dict[str, Any], phrase: tuple[str, ...], payload: Payload) -> None:
        node = trie
        for w in phrase:
            node = node.setdefault(w, {})
        node[_END] = payload

    def add_actor(self, phrase: tuple[str, ...], payload: Payload, derived: bool = False) -> None:
        phrase = tuple(w for w in phrase if w)
        if phrase and phrase[0] == "the" and len(phrase) > 1:
            phrase = phrase[1:]
        if not phrase:
            return
        self._insert(self._actors, phrase, payload)
        if derived and len(phrase[-1]) >= 4 and phrase[-1].isalpha():
            for suffix in _DERIVED:
                longer = phrase[:-1] + (phrase[-1] + suffix,)
                if not self._lookup(self._actors, longer):
                    self._insert(self._actors, longer, payload)

    def add_actor_dictionary(self, d: ActorDictionary) -> None:
        for phrase, codes in d.entries.items():
            self.add_actor(phrase, Payload(codes=list(codes)), derived=True)

    def add_agent_dictionary(self, d: AgentDictionary) -> None:
        for phrase, agent in d.entries.items():
            if phrase:
                self._insert(self._agents, phrase, Payload(agent=agent))

    def add_agent(self, phrase: tuple[str, ...], agent: AgentCode) -> None:
        if phrase:
            self._insert(self._agents, phrase, Payload(agent=agent))

    @staticmethod
    def _lookup(trie: dict[str, Any], phrase: tuple[str, ...]) -> Payload | None:
        node = trie
        for w in phrase:
            node = node.get(w)  # type: ignore[assignment]
            if node is None:
                return None
        return node.get(_END)

    # ------------------------------------------------------------------ matching
    def hits(self, words: list[str], lemmas: list[str], shapes: list[bool] | None = None) -> list[Hit]:
        """Greedy longest matches, actors first, then agents over the words no actor took.
        ``shapes``: whether each word is capitalised (for names that match only so)."""
        out: list[Hit] = []
        taken = [False] * len(words)
        for trie, use_lemma in ((self._actors, False), (self._agents, True)):
            i = 0
            while i < len(words):
                if taken[i] or (words[i] == "the"):
                    i += 1
                    continue
                best: tuple[int, Payload] | None = None
                node: dict[str, Any] | None = trie
                j = i
                while node is not None and j < len(words) and not taken[j]:
                    nxt = node.get(words[j])
                    if nxt is None and use_lemma:
                        nxt = node.get(lemmas[j])
                    if nxt is None:
                        break
                    node = nxt
                    j += 1
                    if _END in node and (not node[_END].cased or shapes is None or shapes[i]):
                        best = (j, node[_END])
                if best is None:
                    i += 1
                    continue
                out.append(Hit(i, best[0], best[1]))
                for k in range(i, best[0]):
                    taken[k] = True
                i = best[0]
        out.sort(key=lambda h: h.start)
        return out


def add_places(index: ActorIndex, names: list[str]) -> None:
    """Place names that contain an actor's name but name no actor ("the South China Sea")."""
    for name in names:
        index.add_actor(split_words(name), Payload())


_KIND_ORDER = {"head_of_state": 0, "head_of_government": 0, "foreign_minister": 1, "defence_minister": 1,
               "deputy_foreign_minister": 2, "security_adviser": 2, "org_head": 2, "other": 3, "party_leader": 4,
               "opposition_leader": 4}


def add_own_knowledge(index: ActorIndex, kb: Any, cameo_of: dict[str, str],
                      extra: list[tuple[tuple[str, ...], str]]) -> None:
    """States, organisations and office holders of readouts' knowledge into ``index``."""
    for a in kb.actors.values():
        cameo = cameo_of.get(a.code, a.code)
        index.ours_of_cameo.setdefault(cameo, a.code)
        payload = Payload(codes=[ActorCode(cameo)])
        cased = Payload(codes=[ActorCode(cameo)], cased=True)
        forms = [a.name, *a.aliases, *a.adjectives, *a.capitals, *a.seats, *a.bodies]
        for f in forms:
            # names that are also common words or names ("Chad", "Turkey", "Washington") count only
            # when capitalised
            index.add_actor(split_words(f), cased if f in a.ambiguous else payload)
        for f in a.adjectives:
            # the people: "ethnic Albanians", "two Iraqis", "the Palestinians"
            if f[-1:].isalpha() and f[-1:] not in "sh" and f not in a.ambiguous and not f.endswith("ese"):
                index.add_actor(split_words(f + "s"), payload)
    for phrase, code in extra:
        index.add_actor(phrase, Payload(codes=[ActorCode(code)]))
    shared_by: dict[str, list[tuple[str, list[ActorCode]]]] = {}
    taken = {f.lower() for a in kb.actors.values() for f in (a.name, *a.aliases, *a.adjectives, *a.capitals)}
    for p in kb.people:
        codes: list[ActorCode] = []
        # a state office before a party one held at the same time (Xi Jinping is CHNGOV)
        for r in sorted(p.roles, key=lambda r: _KIND_ORDER.get(r.kind, 3)):
            actor = kb.actors.get(r.actor)
            if actor is None:
                continue
            base = cameo_of.get(r.actor, r.actor)
            if actor.kind == "state":
                code = base + _PERSON_AGENT.get(r.kind, "GOV")
            else:
                code = base
            codes.append(ActorCode(code, r.start, r.end))
        if not codes:
            continue
        payload = Payload(codes=codes)
        for f in (p.name, *p.aliases):
            index.add_actor(split_words(f), payload)
        # a surname that is an English function word ("He" Lifeng, Theresa "May") is never read alone:
        # "He said" is a pronoun
        if p.surname and p.surname.lower() not in taken and p.surname.lower() not in STOP_WORDS:
            shared_by.setdefault(p.surname.lower(), []).append((p.surname, codes))
    for holders in shared_by.values():
        # a later mention by surname alone ("Kuleba said"): when several known people share it, only
        # if they all speak for one state ("Wang" is a Chinese official whichever Wang it is)
        states = {c.code[:3] for _, codes in holders for c in codes}
        if len(holders) == 1 or len(states) == 1:
            merged = [c for _, codes in holders for c in codes]
            index.add_actor(split_words(holders[0][0]), Payload(codes=merged, cased=True))
