"""The event coder: who did what to whom, in CAMEO, from a dependency parse.

For every sentence (spaCy: tagger, parser, lemmatizer; no NER):

1. actors and agents are found by :class:`~readouts.coding.actors.ActorIndex` over the tokens;
2. every verb whose lemma the verb lexicon knows is a candidate event; its *clause* is the verb with
   its auxiliaries, negation, particle, objects, prepositional phrases and infinitive complements, but
   not its subject nor any subordinate or coordinated clause; the lexicon's patterns are tried over
   the clause words before and after the verb, the longest match wins, else the verb's default code;
3. the source is the subject (inherited through "is about to", "promised to", coordinated verbs and
   relative pronouns), the target the first argument that names an actor: the pattern's preposition
   object, the direct object, a prepositional object of the verb or of its object ("ties with X",
   "an attack by X"); a passive swaps them ("was attacked by X": X is the source);
4. noun phrases are read as actors: country (or organisation, or person on the sentence's date) plus
   agents ("Israeli troops" -> ISRMIL; "lawmakers in A and B" -> ALEG, BLEG); coordinated phrases give
   one actor each and every ordered pair is coded; a compound subject with no target codes each member
   against the others ("A and B renewed ties" -> A>B, B>A);
5. a negated verb codes nothing unless a pattern written with ``not`` matches;
6. attribution: under a reporting verb ("X said (that) ..."), a clause whose subject is X itself, a
   pronoun or missing is X's own event; what X says (claims, alleges) another actor Y did, or should or
   must do, is X's statement about Y — a demand (100), an accusation (112) for conflict, else a
   comment (010) — not Y's action. An account given as the source of news after the fact it reports
   ("troops fired on protesters, witnesses said"), a clause in which X's own side acts, an
   unidentified speaker ("officials said") or the press reporting news leaves the reported clause
   coded as it stands.
7. repairs and readings beyond the verb's own clause: common parser misattachments are relabelled on
   the coder's copy of the sentence (an infinitive after "threatened on Monday to", a list of names
   read as appositions, a subject hung on an auxiliary); a consultation named by a scene-setting noun
   ("in a phone call with Y", "during his visit to Z") is coded from the lexicon's ``nouns``; "the two
   sides" are the parties of the meeting just named; a cooperative act negated in the future is a
   refusal (intent.yaml ``refusal``); an unnamed side ("rebels", "police") facing a state's actor is of
   that state; coordinated complements of an appeal are each coded ("urged X to halt ... and return
   to talks").
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .actors import ActorIndex, Hit
from .lexicon import VerbEntry, VerbLexicon, VerbPattern

__all__ = ["CodedEvent", "EventCoder"]

_SUBJ = {"nsubj", "csubj", "expl"}
_SUBJPASS = {"nsubjpass", "csubjpass"}
_NOT_CLAUSE = {"nsubj", "nsubjpass", "csubj", "csubjpass", "ccomp", "advcl", "relcl", "parataxis", "conj", "cc",
               "punct", "mark", "expl"}
_NP_PREPS = {"of", "in", "from", "at", "for"}
_TARGET_PREPS = ("with", "against", "on", "at", "to", "toward", "towards", "into", "from", "over", "by", "for",
                 "between", "in", "of", "upon", "about", "near", "among", "across",
                 "as")  # last: "condemned as unacceptable the allegations by Rwanda" (the object moved behind)
# what a consultation is about, not whom it is held with ("talks on Ukraine", "spoke about the G7")
_TOPIC_PREPS = frozenset({"about", "on", "over", "of", "regarding", "concerning", "for", "against", "into", "as"})
# roots whose events often have no target in the text: protests, force posture, yielding ("thousands
# demonstrated in the capital", "the army was put on alert", "the minister resigned")
_MONADIC_ROOTS = frozenset({"08", "14", "15"})
# "on the sidelines of the G7 summit", "on the margins of the assembly": where, not with whom
_OCCASIONS = frozenset({"sideline", "sidelines", "margin", "margins", "occasion", "eve"})
_PLACE_PREPS = {"in", "at", "near", "across", "during", "inside", "outside", "around", "throughout"}
_REPORTING = {"say", "tell", "state", "add", "note", "claim", "assert", "insist", "report", "announce", "stress",
              "emphasize", "emphasise", "declare", "believe", "think", "allege", "argue", "maintain", "explain",
              "reiterate", "write", "confirm", "warn", "point"}
_PRONOUNS = {"it", "he", "she", "they", "we", "i", "its", "his", "her", "their", "our", "this", "itself",
             "himself", "herself", "themselves"}
_RELATIVE = {"who", "which", "that", "whom"}
_DEMAND_MODALS = {"should", "must", "ought", "need"}
# dependency labels _repair looks at
_REPAIRABLE = frozenset({"appos", "advcl"}) | _SUBJ | _SUBJPASS
# prepositions of a noun that sets the scene of a clause ("in a phone call with", "during talks with")
_SCENE_PREPS = frozenset({"in", "during", "at", "after", "following"})
# force posture codes whose bare-country source is its military (alert, mobilization)
_POSTURE = frozenset({"152", "154"})
# restrictions imposed on or lifted from a population, which is their target when none is named
_ON_POPULATION = frozenset({"081", "0811", "0812", "0813", "0814", "172", "1721", "1722", "1723", "1724"})
# verbs whose infinitive is their complement ("threatened to", "urged X to", "refused to")
_CONTROL = frozenset({"threaten", "vow", "pledge", "promise", "agree", "offer", "refuse", "decline", "urge", "call",
                      "ask", "demand", "appeal", "press", "encourage", "invite", "warn", "try", "attempt", "seek",
                      "fail", "move", "vote", "decide", "plan", "intend", "hope", "want", "order", "tell",
                      "persuade", "allow", "permit", "authorize", "authorise", "force", "compel", "pressure"})


@dataclass
class CodedEvent:
    """One coded event of a sentence (character offsets into the text given to the coder)."""

    source_cameo: str
    target_cameo: str | None
    cameo: str
    span: tuple[int, int]
    trigger: str
    source: str | None = None  # readouts' actor code (ISO3 / organisation acronym)
    target: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    plover: str | None = None
    plover_mode: str | None = None
    reported_by: str | None = None  # the reporting speaker's code when the clause was attributed
    verb: int = field(default=-1, repr=False, compare=False)  # token index of the verb (within its sentence)
    modal: bool = field(default=False, repr=False, compare=False)  # the clause says what should/must be done

    def triple(self) -> tuple[str, str | None, str]:
        return (self.source_cameo, self.target_cameo, self.cameo)


@dataclass(frozen=True)
class _Compiled:
    pattern: VerbPattern
    has_not: bool
    before: tuple[tuple[tuple[str, ...], ...], ...]
    after: tuple[tuple[tuple[str, ...], ...], ...]
    firsts: tuple[frozenset[str], ...]


_NOT_WORDS = frozenset({"not", "n't", "never", "neither"})


@dataclass
class _Actor:
    cameo: str
    tokens: tuple[int, int]  # token span of the phrase that named it


@dataclass
class _Sentence:
    doc: Any
    hits: list[Hit]
    day: _dt.date | None
    hit_at: dict[int, Hit] = field(default_factory=dict)
    speaker: str | None = None  # CAMEO code of the side speaking (a statement of a readout)
    place: str | None = None  # the state of the place the verb being coded names ("in Nairobi")
    placed_target: bool = False  # the target found is only that place
    others: tuple[str, ...] = ()  # CAMEO codes of the other sides of the engagement
    joint: bool = False  # the statement is the sides' together ("the two leaders agreed ..."): speaker and others

    def counterpart(self) -> str | None:
        """The one other side a side's statement is addressed to (None in news, joint statements, or
        an engagement of more than two sides)."""
        return self.others[0] if self.speaker and not self.joint and len(self.others) == 1 else None

    def parties(self) -> list[_Actor]:
        """Who an unstated or pronoun subject is: the speaking side, or every side of a joint statement."""
        if not self.speaker:
            return []
        return [_Actor(c, (0, 0)) for c in ((self.speaker, *self.others) if self.joint else (self.speaker,))]


class EventCoder:
    """Codes parsed sentences with an :class:`ActorIndex` and a :class:`VerbLexicon`."""

    def __init__(self, index: ActorIndex, verbs: VerbLexicon, cameo: dict[str, Any],
                 plover: dict[str, tuple[str, str | None]], intent: dict[str, Any] | None = None,
                 require_target: bool = True):
        self.index = index
        self.intent = intent
        self.own_conventions = intent is not None  # readouts' own verb lexicon (imported dictionaries keep theirs)
        self.require_target = require_target
        self.verbs = verbs
        self.cameo = cameo
        self.plover = plover
        self._synsets: dict[str, list[tuple[str, ...]]] = verbs.synsets
        self._compiled_cache: dict[int, tuple[VerbEntry, list[_Compiled]]] = {}
        self._noun_heads = frozenset(k[-1] for k in verbs.nouns)
        self._control = _CONTROL | (intent["heads"] | intent["threat_heads"] if intent else frozenset())
        self._forms: dict[str, VerbEntry] = {}
        for entry in verbs.verbs.values():
            for form in entry.forms:
                if len(form) == 1:
                    self._forms.setdefault(form[0], entry)

    # ------------------------------------------------------------------ entry point
    def code_doc(self, doc: Any, day: _dt.date | None = None, offset: int = 0, speaker: str | None = None,
                 others: tuple[str, ...] = (), joint: bool = False) -> list[CodedEvent]:
        """Events of one parsed sentence. ``speaker``/``others``: the sentence is a statement of that
        side in an engagement with those sides (its unstated subject is the speaker, its unstated
        object the other side, and what it says of another actor is the speaker's statement).
        ``joint``: a statement of all the sides together ("They agreed to ..."): its unstated, pronoun
        or "the two leaders" subject is every side, and its events are between them."""
        toks = list(doc)
        words = [t.lower_.replace("’", "'") for t in toks]
        lemmas = [t.lemma_.lower() for t in toks]
        hits = self.index.hits(words, lemmas, [t.text[:1].isupper() for t in toks])
        s = _Sentence(doc, hits, day, speaker=speaker, others=others, joint=joint and bool(speaker and others))
        for h in hits:
            for k in range(h.start, h.end):
                s.hit_at[k] = h
        deps = [t.dep_ for t in toks]
        self._repair(toks, deps)
        events: list[CodedEvent] = []
        consumed: set[int] = set()
        for tok in toks:
            # verbs; an auxiliary or adjective only as the head of a clause ("X is ready to ...")
            if tok.i in consumed or tok.pos_ not in ("VERB", "AUX", "ADJ"):
                continue
            if tok.pos_ in ("AUX", "ADJ") and tok.dep_ not in ("ROOT", "ccomp", "xcomp", "conj", "advcl", "relcl",
                                                               "acl", "pcomp"):
                continue
            if tok.dep_ == "amod":
                continue  # a participle used as an adjective ("imported cases", "the disputed border")
            entry = self._entry(tok)
            if entry is None:
                continue
            found = self._code_verb(s, tok, entry, consumed)
            events.extend(found)
        events = self._attribute(s, events)
        events.extend(self._bare_reports(s, events))
        events.extend(self._noun_events(s, toks, deps, words, lemmas))
        out: list[CodedEvent] = []
        seen: set[tuple[str, str | None, str]] = set()
        for e in events:
            if e.target_cameo is None and self.require_target and e.cameo[:2] not in _MONADIC_ROOTS:
                continue
            if s.speaker and e.target_cameo and _same_country(e.source_cameo, e.target_cameo):
                continue  # a side's statement is about its relations with others
            if (other := s.counterpart()) and e.target_cameo == "---GOV":
                # "the government must ...": an unnamed official in a statement to the other side is of that side
                e.target_cameo = _government(other)
                e.target = self._ours(e.target_cameo)
                if _same_country(e.source_cameo, e.target_cameo):
                    continue
            if e.target_cameo and not s.speaker:
                self._domestic(e)
                if e.source_cameo == e.target_cameo:
                    continue
            if e.triple() in seen:
                continue
            seen.add(e.triple())
            e.span = (e.span[0] + offset, e.span[1] + offset)
            out.append(e)
        return out

    def _noun_events(self, s: _Sentence, toks: list[Any], deps: list[str], words: list[str], lemmas: list[str]
                     ) -> list[CodedEvent]:
        """Consultations named by a noun that sets the scene of a clause: "X stressed ... in a phone
        call with Y", "during talks with Y", "at a meeting with Y" code the consultation itself
        (the noun's code in the lexicon's `nouns`, 04x only) between the clause's subject and Y."""
        nouns = self.verbs.nouns
        out: list[CodedEvent] = []
        heads = self._noun_heads
        for i, d in enumerate(deps):
            if d != "pobj" or (lemmas[i] not in heads and words[i] not in heads):
                continue
            t = toks[i]
            if t.pos_ != "NOUN" or t.head.lower_ not in _SCENE_PREPS:
                continue
            if t.head.lower_ == "in" and any(c.dep_ == "poss" for c in t.children):
                continue  # "a role in its peace talks with Y" names the talks, it does not set the scene
            lemma = lemmas[i]
            pre = tuple(c.lower_ for c in t.children if c.dep_ == "compound" and c.i < t.i)
            entry = (nouns.get((*pre, lemma)) or nouns.get((*pre, words[i])) or nouns.get((lemma,))
                     or nouns.get((words[i],)))
            if entry is None or not entry.code or entry.code[:2] != "04":
                continue
            # a meeting "with" Y; a visit "to" Y (else to the place the clause names: "in Warsaw")
            preps = ("to",) if entry.code == "042" else ("with",)
            partners = [a for p in t.children if p.dep_ == "prep" and p.lower_ in preps
                        for g in p.children if g.dep_ == "pobj" for a in self._np_actors(s, g)]
            verb = t.head.head
            if entry.code == "042" and not partners:
                partners = [a for p in verb.children if p.dep_ == "prep" and p.lower_ == "in"
                            for g in p.children if g.dep_ == "pobj" for a in self._np_actors(s, g)
                            if len(a.cameo) == 3 and _country(a.cameo)]
            for _ in range(4):  # "stressed the need for a ceasefire in a phone call with Y": the clause's verb
                if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
                    break
                verb = verb.head
            if not partners or verb.pos_ not in ("VERB", "AUX"):
                continue
            subj = self._subject(verb)
            sources = self._np_actors(s, subj) if subj is not None else []
            if not sources and s.speaker and (subj is None or subj.lower_ in _PRONOUNS):
                sources = s.parties()
            span = (t.idx, t.idx + len(t))
            # "will meet Y during a visit to Z": announced, as its clause is
            code, reverse = entry.code, entry.reverse_code
            intent = self._intent(verb, code)
            if intent is not None:
                code, reverse = intent, None
            for a in sources:
                for b in partners:
                    if _same_country(a.cameo, b.cameo) if s.speaker else a.cameo == b.cameo:
                        continue
                    found = [self._event(s, a, b, code, span, t.text)]
                    if reverse:
                        found.append(self._event(s, b, a, reverse, span, t.text))
                    for e in found:
                        e.verb = t.i
                    out.extend(found)
        return out

    def _about_violence(self, verb: Any) -> bool:
        """Whether the verb's object is an act of violence (verbs.yaml synsets ``_VIOLENCE``): "condemned
        the attack", "reiterated his condemnation of the killing of ..."."""
        forms = [(t.i, t.lower_, t.lemma_.lower()) for c in verb.children if c.dep_ in ("dobj", "pobj", "prep")
                 for t in c.subtree]
        return any(self._match((tuple(self._synsets.get(name, ())),), forms) is not None for name in _VIOLENCE)

    def _subtype(self, kind: str, head: Any) -> str | None:
        """The code a phrase under ``head`` gives by what it names (verbs.yaml ``subtypes``): ``means``,
        an attack's subject ("Israeli warplanes struck ..." 195, "a suicide bomber attacked ..." 1831);
        ``charges``, what a reported clause says was done (war crimes 1124, torture 1122). None if none."""
        forms = [(t.i, t.lower_, t.lemma_.lower()) for t in head.subtree]
        for name, code in self.verbs.subtypes.get(kind, ()):
            if self._match((tuple(self._synsets.get(name, ())),), forms) is not None:
                return code
        return None

    def _domestic(self, e: CodedEvent) -> None:
        """An unnamed side ("rebels", "the government", "police") facing a named state's actor is of
        that state: "Colombian soldiers clashed with rebels" is COLMIL against COLREB."""
        a, b = e.source_cameo, e.target_cameo or ""
        if len(a) == 3 or len(b) == 3:
            return  # a state named as a whole ("expressed appreciation for China's help") is the other side
        if a.startswith("---") and _country(b) and b[:3] + a[3:] != b:
            e.source_cameo = b[:3] + a[3:]
            e.source = self._ours(e.source_cameo)
        elif b.startswith("---") and _country(a) and a[:3] + b[3:] != a:
            e.target_cameo = a[:3] + b[3:]
            e.target = self._ours(e.target_cameo)

    def _repair(self, toks: list[Any], deps: list[str]) -> None:
        """Relabel attachments the parser often gets wrong, on the coder's own copy of the sentence:
        an infinitive after a verb that takes one ("threatened on Wednesday to sever ties", "urged
        X on Monday to help") is its complement (xcomp), not a clause of purpose (advcl); a name in a
        list of names taken for an apposition ("Mordor, the Shire, Arnor and Bree", "Arnor and the
        awful Gondor") is a member of the list (conj); a subject hung on an auxiliary ("Saudi Arabia
        is mediating") is the subject of the verb."""
        for i, d in enumerate(deps):
            if d not in _REPAIRABLE:
                continue
            t = toks[i]
            if d == "appos":
                if t.pos_ == "PROPN" and t.head.pos_ == "PROPN" and (
                        any(c.dep_ == "conj" for c in t.children) or any(c.dep_ == "cc" for c in t.head.children)):
                    t.dep_ = deps[i] = "conj"
            elif d == "advcl":
                if t.i > t.head.i and t.head.lemma_.lower() in self._control and any(
                        c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and not any(
                        c.dep_ in _SUBJ or c.dep_ in _SUBJPASS or c.dep_ == "mark" for c in t.children):
                    t.dep_ = deps[i] = "xcomp"
            elif (t.head.dep_ in ("aux", "auxpass") and t.head.head.pos_ in ("VERB", "AUX")
                  and t.head.head.i != t.head.i and t.head.head.i != t.i):
                t.head = t.head.head
        for i, d in enumerate(deps):
            # "urged X to abide by A, honor B and cherish C": bare infinitives after the complement,
            # which the parser coordinates with the main verb, are coordinated with the complement
            t = toks[i]
            if d != "conj" or t.tag_ != "VB" or t.head.tag_ in ("VB", "MD") or t.head.i >= t.i:
                continue
            # the complement: the head's infinitive, or one its object takes ("discussed the need to
            # bring an end to the war, return all hostages and ...")
            xs = [c for c in t.head.children if c.dep_ == "xcomp"]
            xs += [a for c in t.head.children if c.dep_ == "dobj" for a in c.children if a.dep_ == "acl"]
            xs += [a for c in t.head.children if c.dep_ == "acomp" for a in c.children if a.dep_ == "xcomp"]
            x = next((c for c in xs if c.i < t.i and c.tag_ == "VB"
                      and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)
            if x is not None and not any(c.dep_ in _SUBJ or c.dep_ == "aux" for c in t.children):
                t.head = x
        for i, d in enumerate(deps):
            # "underscored the importance of preventing X and condemned Y": a past form coordinated with a
            # gerund inside a complement is the main clause's second verb, not a second gerund
            t = toks[i]
            if d != "conj" or t.tag_ not in ("VBD", "VBN") or t.head.tag_ != "VBG" or t.head.i >= t.i \
                    or any(c.dep_ in _SUBJ or c.dep_ in _SUBJPASS or c.dep_ in ("aux", "auxpass") for c in t.children):
                continue
            up = t.head.head
            for _ in range(12):  # tokens are made anew on each access: compare positions, not objects
                if up.head.i == up.i or up.tag_ == "VBD" and up.dep_ in ("ROOT", "conj", "ccomp"):
                    break
                up = up.head
            if up.tag_ == "VBD" and up.i < t.head.i:
                t.head = up

    # ------------------------------------------------------------------ verbs
    def _entry(self, tok: Any) -> VerbEntry | None:
        lemma = tok.lemma_.lower()
        for child in tok.children:
            if child.dep_ == "prt":
                e = self.verbs.verbs.get((lemma, child.lower_))
                if e is not None:
                    return e
        e = self.verbs.verbs.get((lemma,))
        if e is None:
            e = self._forms.get(tok.lower_)
        if e is None and tok.pos_ == "VERB":
            e = self.verbs.verbs.get((tok.lower_,))
        return e

    def _clause(self, tok: Any) -> list[Any]:
        """The verb's clause tokens (without subject and subordinate/coordinate clauses), in order."""
        out: list[Any] = []

        def walk(t: Any, top: bool) -> None:
            for c in t.children:
                if top and c.dep_ in _NOT_CLAUSE:
                    continue
                if not top and c.dep_ in ("relcl", "parataxis", "ccomp", "advcl"):
                    continue
                out.append(c)
                walk(c, False)
        out.append(tok)
        walk(tok, True)
        out.sort(key=lambda t: t.i)
        return out

    def _pre(self, tok: Any, clause: list[Any]) -> list[Any]:
        pre = [t for t in clause if t.i < tok.i]
        head = tok
        while head.dep_ in ("xcomp",) and head.head is not head:
            head = head.head
            pre = [t for t in self._clause_head_part(head) if t.i < tok.i] + pre
        return sorted(pre, key=lambda t: t.i)

    @staticmethod
    def _clause_head_part(head: Any) -> list[Any]:
        return [head, *[c for c in head.children if c.dep_ in ("aux", "auxpass", "neg", "advmod", "prt")]]

    def _compiled(self, entry: VerbEntry) -> list[_Compiled]:
        """The entry's patterns ready to match: each term as its phrases, and the first words one of
        which must be in the clause (most patterns are rejected on that alone)."""
        key = id(entry)
        got = self._compiled_cache.get(key)
        if got is not None and got[0] is entry:
            return got[1]
        out: list[_Compiled] = []
        for pat in entry.patterns:
            if "*" not in pat.terms:
                continue
            star = pat.terms.index("*")
            before, after = pat.terms[:star], pat.terms[star + 1:]
            has_not = any(t in _NOT_WORDS for t in before)

            def terms(ts: tuple[str, ...]) -> tuple[tuple[tuple[str, ...], ...], ...]:
                out_t = []
                for t in ts:
                    if t in ("$", "+", "%") or t in _NOT_WORDS:
                        continue
                    phrases = self._synsets.get(t[1:], []) if t.startswith("&") else [tuple(t.split())]
                    out_t.append(tuple(p for p in phrases if p))
                return tuple(out_t)
            b, a = terms(before), terms(after)
            firsts = tuple(frozenset(p[0] for p in opts) for opts in (*b, *a))
            out.append(_Compiled(pat, has_not, b, a, firsts))
        self._compiled_cache[key] = (entry, out)
        return out

    @staticmethod
    def _match(terms: tuple[tuple[tuple[str, ...], ...], ...], toks: list[tuple[int, str, str]],
               where: dict[str, list[int]] | None = None) -> list[int] | None:
        """Token indexes matching ``terms`` in order (gaps allowed), or None. ``toks``: (index, lower
        form, lemma or "" where the lemma must not count); ``where`` (optional, ``_positions(toks)``): the
        positions of each form and lemma, so only the places a phrase's first word is at are tried."""
        pos = 0
        matched: list[int] = []
        n_toks = len(toks)
        for options in terms:
            hit: tuple[int, int] | None = None
            if where is None:
                starts: Iterable[int] = range(pos, n_toks)
            else:
                starts = sorted({k for phrase in options for k in where.get(phrase[0], ()) if k >= pos})
            for k in starts:
                for phrase in options:  # the longest phrase at the first position that has one
                    n = len(phrase)
                    if (hit is None or n > hit[1]) and k + n <= n_toks and all(
                            toks[k + m][1] == phrase[m] or toks[k + m][2] == phrase[m] for m in range(n)):
                        hit = (k, n)
                if hit:
                    break
            if hit is None:
                return None
            matched.extend(toks[hit[0] + m][0] for m in range(hit[1]))
            pos = hit[0] + hit[1]
        return matched

    @staticmethod
    def _positions(toks: list[tuple[int, str, str]]) -> dict[str, list[int]]:
        """Where each lower form and lemma of ``toks`` is, in ascending order."""
        where: dict[str, list[int]] = {}
        for k, (_, lo, le) in enumerate(toks):
            where.setdefault(lo, []).append(k)
            if le and le != lo:
                where.setdefault(le, []).append(k)
        return where

    def _best_pattern(self, entry: VerbEntry, pre: list[Any], post: list[Any], negated: bool
                      ) -> tuple[VerbPattern | None, list[int]]:
        best: tuple[int, VerbPattern | None, list[int]] = (-1, None, [])
        best_end = 1 << 30
        compiled = self._compiled(entry)
        if not compiled:
            return None, []
        pre_t = [_form(t) for t in pre]
        post_t = [_form(t) for t in post]
        where_pre, where_post = self._positions(pre_t), self._positions(post_t)
        present = where_pre.keys() | where_post.keys()
        for c in compiled:
            if c.has_not != negated or any(not (f & present) for f in c.firsts):
                continue
            b = self._match(c.before, pre_t, where_pre)
            if b is None:
                continue
            a = self._match(c.after, post_t, where_post)
            if a is None:
                continue
            score = len(b) + len(a) + (1 if c.has_not else 0)
            # of equally long matches the one nearest the verb wins ("rejected Sweden's demand for the
            # release of a doctor sentenced on spying charges" is about the release, not the charges)
            end = a[-1] if a else 0
            if score > best[0] or (score == best[0] and end < best_end):
                best = (score, c.pattern, b + a)
                best_end = end
        return best[1], best[2]

    def _codes(self, tok: Any) -> bool:
        """Whether a verb codes something by itself: a default code, or a pattern that matches here
        ("agreed to establish a working group": "establish" codes nothing, so "agreed" does)."""
        entry = self._entry(tok)
        if entry is None:
            return False
        if entry.code is not None or entry.reported is not None:
            return True
        clause = self._clause(tok)
        pat, _ = self._best_pattern(entry, self._pre(tok, clause), [t for t in clause if t.i > tok.i], False)
        return pat is not None and pat.code is not None

    def _negated(self, tok: Any) -> bool:
        t = tok
        for _ in range(3):
            if any(c.dep_ == "neg" or c.lower_ in ("never", "neither", "nor") for c in t.children):
                return True
            if t.dep_ != "xcomp" or t.head is t:
                return False
            t = t.head
        return False

    def _code_verb(self, s: _Sentence, tok: Any, entry: VerbEntry, consumed: set[int]) -> list[CodedEvent]:
        clause = self._clause(tok)
        pre = self._pre(tok, clause)
        post = [t for t in clause if t.i > tok.i]
        reporting = tok.lemma_.lower() in _REPORTING
        content = None if reporting else next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
        if content is not None:
            # "demanded that Y release the prisoners": what is asked for is part of the pattern
            post = sorted(post + [t for t in content.subtree if t.dep_ not in ("punct",)], key=lambda t: t.i)
        negated = self._negated(tok)
        pat, matched = self._best_pattern(entry, pre, post, negated)
        if pat is not None and pat.terms[pat.terms.index("*") + 1:pat.terms.index("*") + 2] == ("+",) and not any(
                self._np_actors(s, c) for c in tok.children if c.dep_ in ("dobj", "dative")):
            # "* + to": the target stands right after the verb ("pushed Iran to ..."); "pushed
            # bilateral ties to a higher level" names none, and the pattern does not apply
            pat, matched = None, []
        if pat is not None:
            code, reverse, swap = pat.code, pat.reverse_code, pat.swap
            if "+" in pat.terms and "$" in pat.terms and pat.terms.index("+") < pat.terms.index("$"):
                swap = not swap
        elif negated:
            refusal = self._refusal(tok, entry, pre, post)
            if refusal is None:
                return []
            code, swap, matched = refusal
            reverse = None
        else:
            code, reverse, swap = entry.code, entry.reverse_code, False
            if entry.transitive_set and any(c.dep_ == "dobj" for c in tok.children):
                code, reverse = entry.transitive, None  # "demonstrated its resolve" is no protest
        # an act the lexicon codes only as reported of another actor (an accusation: "X has
        # interfered in our internal affairs", in a statement or after "Y said")
        accusation = code is None and pat is None and not negated and entry.reported is not None
        if accusation:
            code, reverse = entry.reported, None
        if code is None:
            return []
        if code == "020" and self._courtesy_call(s, tok):
            code, reverse, swap = "042", "043", False
        if pat is None and self.intent and tok.lemma_.lower() in self.intent["heads"] and any(
                c.dep_ == "xcomp" and c.pos_ == "VERB" and self._codes(c) for c in tok.children):
            # "seeking to deepen a partnership": the action announced is the event (as an intent),
            # not the head verb's own default reading
            return []
        if pat is not None and pat.code == "030" and any(
                x.dep_ == "xcomp" and x.pos_ == "VERB" and self._codes(x)
                for c in tok.children if c.dep_ == "acomp" for x in c.children):
            # "is ready to cooperate with Y": the readiness is the intent of what it is ready for,
            # coded with that verb (and its counterpart)
            return []
        if content is not None:
            for c in content.subtree:
                consumed.add(c.i)
        # "urged X to halt the fighting and (to) return to talks": each coordinated complement is asked for
        also: list[str] = []
        if pat is not None and not negated:
            xs = [x for x in tok.children if x.dep_ == "xcomp"]
            xs += [g for x in xs for g in x.children if g.dep_ == "xcomp"]  # "to stop suppressing ... and to lift"
            for x in xs:
                # "to halt the fighting and return to talks" (the parser may hang "return" on "fighting")
                conjs = [*x.children, *(g for c in x.children if c.dep_ == "dobj" for g in c.children
                                        if any(p.dep_ == "prep" for p in g.children))]
                for cv in conjs:
                    if cv.dep_ != "conj" or cv.pos_ not in ("VERB", "NOUN"):
                        continue
                    sub = sorted((t for t in cv.subtree if t.dep_ != "punct"), key=lambda t: t.i)
                    p2, _ = self._best_pattern(entry, pre, [t for t in post if t.i < x.i] + sub, False)
                    if p2 is not None and p2.code and p2.code != code and p2.code not in also:
                        also.append(p2.code)
                        consumed.update(t.i for t in sub)
        desire = None if negated else self._desire(tok)
        intent = self._intent(tok, code) if not negated and desire is None else None
        if intent is None and not negated and s.speaker and not s.joint and self._modal(tok) and (
                (subj := self._subject(tok)) is not None and _both_sides(subj)):
            # "the two sides should hold talks", in one side's statement: its proposal, an intent
            intent = self._as_intent(code)
        if intent is not None:
            code, reverse = intent, None
        # a head verb that codes consumes the verbs of its complements ("agreed to resume talks",
        # "accused X of attacking Y", "insisted on holding talks"): one event per clause
        stack = list(tok.children)
        while stack:
            c = stack.pop()
            purpose = c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            planned = c.dep_ == "acl" and c.head.dep_ in ("dobj", "pobj")  # "slammed the decision to send ..."
            # "rejected a proposal that would require it to withdraw": what the proposal says is no event
            planned = planned or c.dep_ == "relcl" and c.head.dep_ in ("dobj", "pobj") and c.head.lemma_.lower() in _PROPOSALS
            # "urged X to abide by ..., honor its promise and ...": the coordinated complements too
            also_asked = c.dep_ == "conj" and c.head is not tok and c.head.i in consumed
            if c.dep_ in ("xcomp", "pcomp", "prep", "acomp", "dobj", "pobj", "oprd") or purpose or planned or also_asked:
                consumed.add(c.i)
                stack.extend(c.children)
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
        if tok.dep_ == "acl" and tok.tag_ == "VBN":
            # a passive participle modifying a noun ("the civilians imprisoned by X"): the noun is
            # what was done to; without a "by" agent there is no one to code as the source
            agent = _agent_of(tok)
            if agent is None:
                return []
            sources, victims = self._np_actors(s, agent), self._np_actors(s, tok.head)
            if not sources or not victims:
                return []
            span = (tok.idx, tok.idx + len(tok))
            done = [self._event(s, a, b, code, span, tok.text) for a in sources for b in victims if a.cameo != b.cameo]
            for e in done:
                e.verb = tok.i
            return done
        subj = self._subject(tok)
        sources = self._np_actors(s, subj) if subj is not None else []
        if not sources and subj is not None and subj.lower_ in _PRONOUNS and (
                not s.speaker or not s.joint and subj.lower_ in ("they", "them", "it", "this")):
            # ("called on Russia to release them so they can return home": "they" are not the speaker)
            sources = self._antecedent(s, tok)
        if subj is not None and all(a.cameo.startswith("---") for a in sources) and _both_sides(subj):
            sources = self._parties(s, subj) or (s.parties() if s.joint else []) or sources
        if s.speaker and not s.joint and sources and all(a.cameo == "---GOV" for a in sources):
            # "The Secretary stressed ...", "the Prime Minister welcomed ...": in a side's statement, an
            # official named by title alone is that side's
            sources = [_Actor(_government(s.speaker), sources[0].tokens)]
        if not sources and subj is not None and subj.pos_ == "NOUN" and not passive:
            # "a chemical attack by Syrian aircraft killed ...": who carried out what the subject names
            sources = [a for c in subj.children if c.dep_ == "prep" and c.lower_ == "by"
                       for g in c.children if g.dep_ == "pobj" for a in self._np_actors(s, g)]
        agent_tok = _agent_of(tok) if passive else None
        # (not the "to" of "people-to-people")
        prep_hint = [t for t in matched if s.doc[t].dep_ in ("prep", "dative") and not (t > 0 and s.doc[t - 1].text == "-")]
        s.place, s.placed_target = None, False
        targets = self._target(s, tok, prep_hint, exclude=agent_tok, sources=None if passive else sources,
                               consult=code[:2] == "04", named=set(matched), topic=entry.topic_object,
                               # "voiced its opposition": the object the pattern names is the statement itself
                               said=code[:2] < "14")
        if len(sources) > 1 and not passive and code[:2] in ("03", "04", "05", "06") and (s.placed_target or (
                targets and all(any(_same_country(a.cameo, b.cameo) for b in sources) for a in targets)) or (
                targets and all(_via_agent(s.doc, a, tok) for a in targets))):
            # "A and B met at the G7 summit": with each other, not with the place (a protest "in
            # Beijing" is against the place's government); "A and B agreed to strengthen the A-B
            # partnership": with each other; "A and B agreed to a truce brokered by C": C mediated it
            targets = []
        if s.placed_target and code[:2] in ("03", "04") and (other := s.counterpart()) is not None and not any(
                _same_country(other, a.cameo) for a in sources):
            # "We are likely to meet at APEC", in one side's statement: with the other side, at a place
            targets = [_Actor(other, (0, 0))]
        if (self.own_conventions and code == "040" and s.placed_target and targets and len({a.cameo[:3] for a in sources}) == 1
                and all(len(a.cameo) == 3 and _country(a.cameo) and not _same_country(a.cameo, sources[0].cameo)
                        for a in targets)):
            # "attended a summit in Switzerland": a meeting with no other party, in another state, is a
            # visit to it (the host receives it)
            code, reverse = "042", "043"
        if s.place and sources and all(a.cameo.startswith("---") for a in sources):
            sources = [_Actor(s.place + a.cameo[3:], a.tokens) for a in sources]
        # "was optimistic that Y ...", "expressed hopes that Y ..."
        about = content if content is not None else next(
            (g for c in tok.children if c.dep_ in ("acomp", "dobj") for g in c.children if g.dep_ in ("ccomp", "acl")
             and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)), None)
        if not targets and about is not None:
            # "demanded that Y ...", "was optimistic that Y would ...": Y is what the statement is about
            inner = next((c for c in about.children if c.dep_ in _SUBJ or c.dep_ in _SUBJPASS), None)
            if inner is None and about.pos_ in ("VERB", "NOUN"):
                # the parser may hang the subject on the verb as a compound ("that Benjamin Netanyahu
                # resign" read as one noun phrase): the name before the verb
                inner = next((c for c in reversed(list(about.children)) if c.dep_ == "compound" and c.i < about.i
                              and c.pos_ == "PROPN"), None)
            if inner is not None:
                targets = self._np_actors(s, inner)
        if passive:
            if agent_tok is not None:
                sources, targets = self._np_actors(s, agent_tok), sources
            else:
                sources, targets = targets, sources
        if swap:
            sources, targets = targets, sources
        if desire is not None:
            head, obj = desire
            wanter = self._subject(head)
            sources = self._np_actors(s, wanter) if wanter is not None else []
            if not sources and s.speaker and (wanter is None or wanter.lower_ in _PRONOUNS):
                sources = s.parties()
            targets = self._np_actors(s, obj)
            if not sources or not targets:
                return []
            code, reverse = self._appeal(code), None
        if accusation:
            rep = self._reporter(tok)
            accusers = self._speakers(s, rep) if rep is not None else (
                [_Actor(s.speaker, (0, 0))] if s.speaker else [])
            if not accusers:
                return []  # told as plain news, the act codes nothing
            sources, targets = accusers[:1], [a for a in sources if not a.cameo.startswith("---")
                                               and not _same_side(a.cameo, accusers[0].cameo)]
            if not targets:
                return []
        if not sources and s.speaker and (subj is None and not _under_noun(tok) or subj is not None and (
                subj.lower_ in _PRONOUNS and (s.joint or subj.lower_ not in ("they", "them"))
                or subj.lower_ in ("side", "sides"))):
            sources = s.parties()
        if s.speaker and targets and sources and all(any(_same_country(a.cameo, b.cameo) for b in sources)
                                                       for a in targets) and not any(
                c.dep_ in ("dobj", "dative") and c.i in s.hit_at for c in tok.children):
            # "offered the full support of the United Nations": its own side, as the owner of what is
            # offered, is no target ("offered the UK an opportunity" is to itself, not to the other side)
            targets = []
        if targets and sources and (code[:2] < "10" or code[:2] == "16"):
            targets = self._without_own_states(sources, targets)
        # a disapproval, rejection, demand or threat about violence ("condemned the attack")
        of_violence = code[:2] in ("10", "11", "12", "13") and self._about_violence(tok)
        if targets and of_violence:
            # "condemned the terrorist attack in Moscow": where the violence happened is not whom it is
            # condemned of
            targets = [a for a in targets if not _placed(tok.doc, a.tokens[0], tok.i)]
        if sources and not targets and s.speaker and len({a.cameo for a in sources}) == 1 and code[:2] != "04" and (
                code[:2] < "14" or not _aimed(tok, matched)) and not of_violence:
            # (condemning "the terrorist attack in Moscow" in a call with Moscow, or "the killing of General X",
            # is not against the other side: a disapproval of violence no actor is named for has no target)
            # (a use of force against something no actor names — "waged a war against the virus" —
            # is not against the other side)
            # the statement's unstated object is the other side; a consultation names its counterpart
            if s.joint:  # "Singapore said it would ...": to the other side of the joint statement
                targets = [_Actor(c, (0, 0)) for c in (s.speaker, *s.others)
                           if not _same_country(c, sources[0].cameo)][:1]
            elif len(s.others) == 1:
                targets = [_Actor(s.others[0], (0, 0))]
        if not sources:
            return []
        if code == "190" and subj is not None and not passive:
            code = self._subtype("means", subj) or code
        if code == "150" and len({a.cameo[:3] for a in sources}) > 1 and not targets:
            # "French and Egyptian warships launched war games": exercises held together
            code, reverse = "062", "062"
        if code[:3] in _POSTURE:
            # "Russia massed troops near the border": troop movements are the state's military
            sources = [_Actor(a.cameo + "MIL", a.tokens) if len(a.cameo) == 3 and _country(a.cameo) else a
                       for a in sources]
        if code[:2] == "15" and all(a.cameo.startswith("---") for a in targets):
            # no target, or only one's own forces ("put its air force on alert")
            targets = self._posture_target(s, tok, sources) or targets
        if code[:2] == "14" and all(a.cameo.startswith("---") for a in targets) and len(
                {a.cameo[:3] for a in sources}) == 1 and _country(sources[0].cameo) and sources[0].cameo[3:6] not in (
                "GOV", "MIL", "COP", "JUD", "LEG"):
            # a protest or strike with no other addressee is against the protesters' own government
            targets = [_Actor(sources[0].cameo[:3] + "GOV", sources[0].tokens)]
        if not targets and code in _ON_POPULATION:
            # "authorities imposed a curfew", "lifted the state of emergency": on their own population
            targets = [_Actor(a.cameo[:3] + "CVL", a.tokens) for a in sources[:1] if _country(a.cameo)]
        span_toks = [tok.i, *matched, *([desire[0].i] if desire is not None else [])]
        span = (s.doc[min(span_toks)].idx, s.doc[max(span_toks)].idx + len(s.doc[max(span_toks)]))
        trigger = s.doc.text[span[0]:span[1]]
        out: list[CodedEvent] = []
        pairs: list[tuple[_Actor, _Actor | None]] = []
        # in news, domestic events stand (a government and its own country, police and protesters); a
        # readout's statement is about the sides' relations, so its own side is never its target
        def apart(a: _Actor, b: _Actor) -> bool:
            return not _same_country(a.cameo, b.cameo) if s.speaker else a.cameo != b.cameo
        if targets:
            pairs = [(a, b) for a in sources for b in targets if apart(a, b)]
        elif len(sources) > 1 and (reverse or code[:2] < "10" or code[:2] == "16"):
            # "A and B met / signed / agreed": with each other; "A and B carried out attacks" is not
            # an attack on each other
            pairs = [(a, b) for a in sources for b in sources if a is not b and apart(a, b)]
        else:
            pairs = [(a, None) for a in sources]  # kept for attribution; dropped later if a target is required
        modal = self._modal(tok)
        for a, b in pairs:
            out.append(self._event(s, a, b, code, span, trigger))
            out.extend(self._event(s, a, b, c, span, trigger) for c in also)
            if reverse and b is not None:
                out.append(self._event(s, b, a, reverse, span, trigger))
            if code[:2] == "04" and b is not None and _country(a.cameo) and any(
                    s.doc[k].lower_ == "visiting" for k in range(*b.tokens)):
                # "held talks with the visiting President of Y": Y's visit to the host's country
                host = _Actor(a.cameo[:3], a.tokens)
                out.append(self._event(s, b, host, "042", span, trigger))
                out.append(self._event(s, host, b, "043", span, trigger))
        for e in out:
            e.verb, e.modal = tok.i, modal
        return out

    def _posture_target(self, s: _Sentence, tok: Any, sources: list[_Actor]) -> list[_Actor]:
        """Whom a show of force is aimed at when the clause names no target: the actor of the tension
        it answers ("raised its alert level, citing North Korean activity", "amid tensions with India")."""
        cands: list[Any] = []
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("amid", "over", "after", "following"):
                cands.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "advcl" and c.tag_ == "VBG":
                cands.extend(g for g in c.children if g.dep_ in ("dobj", "pobj"))
        for c in cands:
            for n in _inside(c):
                found = [a for a in self._np_actors(s, n) if not a.cameo.startswith("---")
                         and not any(_same_country(a.cameo, b.cameo) for b in sources)]
                if found:
                    return found
        return []

    def _refusal(self, tok: Any, entry: VerbEntry, pre: list[Any], post: list[Any]
                 ) -> tuple[str, bool, list[int]] | None:
        """A cooperative act negated in the future ("will not attend the talks", "would never sit down
        with Y") is a refusal: (rejection code, swap, matched tokens), or None (see intent.yaml)."""
        table = self.intent
        if not table or not table.get("refusal"):
            return None
        t = tok
        future = False
        for _ in range(3):
            if any(c.dep_ == "aux" and c.lower_ in table["refusal_aux"] for c in t.children):
                future = True
                break
            if t.dep_ != "xcomp" or t.head is t:
                break
            t = t.head
        if not future:
            return None
        pat, matched = self._best_pattern(entry, pre, post, False)
        code = pat.code if pat is not None else entry.code
        if code is None:
            return None
        refused = _by_prefix(table["refusal"], code)
        return (refused, bool(pat and pat.swap), matched) if refused is not None else None

    def _modal(self, verb: Any) -> bool:
        v = verb
        for _ in range(3):
            if any(c.lower_ in _DEMAND_MODALS for c in v.children if c.dep_ == "aux"):
                return True
            if v.dep_ != "xcomp" or v.head is v:
                return False
            v = v.head
        return False

    def _intent(self, tok: Any, code: str) -> str | None:
        """The intent (03x) or threat (13x) code of an announced action, or None (see intent.yaml)."""
        table = self.intent
        if not table or code[:2] in ("03", "13", "01", "02", "10", "11", "12"):
            return None
        auxes = [c.lower_ for c in tok.children if c.dep_ == "aux"]
        # "may have killed" tells of the past, not of an intention
        future = any(a in table["aux"] for a in auxes) and not any(a in ("have", "has", "had", "'ve") for a in auxes)
        head = None
        t = tok
        # "will coordinate efforts and prevent ...", "is ready to implement X, enhance Y and deepen Z":
        # a verb coordinated with an announced one, without a subject of its own, is announced too
        while t.dep_ == "conj" and t.head is not t and not any(c.dep_ in _SUBJ for c in t.children):
            t = t.head
            auxes = [c.lower_ for c in t.children if c.dep_ == "aux"]
            future = future or (any(a in table["aux"] for a in auxes)
                                and not any(a in ("have", "has", "had", "'ve") for a in auxes))
        for _ in range(3):
            if t.dep_ not in ("xcomp", "acomp") or t.head is t:
                break
            t = t.head
            if t.lemma_.lower() in table["heads"]:
                head = t.lemma_.lower()
                future = future or any(c.dep_ == "aux" and c.lower_ in table["aux"] for c in t.children)
                break
        if not future and head is None:
            return None
        coop = self._as_intent(code)
        if coop is not None:
            return coop
        if future or head in table["threat_heads"]:
            return _by_prefix(table["conflict"], code)
        return None

    def _desire(self, tok: Any) -> tuple[Any, Any] | None:
        """"X wants Y to pay compensation": (the wanting verb, Y) when ``tok`` is what X wants another
        to do (intent.yaml ``appeal_heads``), which is X's appeal to Y, not Y's act; else None."""
        head = tok.head
        if not self.intent or tok.dep_ not in ("xcomp", "ccomp") or head.lemma_.lower() not in self.intent.get(
                "appeal_heads", ()) or self._negated(head):
            return None
        if tok.dep_ == "xcomp":  # "wants Y to ...", Y the object of "wants"
            obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < tok.i), None)
        elif any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):  # or parsed as the infinitive's subject
            obj = next((c for c in tok.children if c.dep_ in _SUBJ), None)
        else:
            obj = None
        return (head, obj) if obj is not None else None

    def _appeal(self, code: str) -> str:
        """The appeal (02x) code for asking another actor to do what ``code`` names (intent.yaml ``appeal``)."""
        return _by_prefix((self.intent or {}).get("appeal") or {}, code) or "020"

    def _as_intent(self, code: str) -> str | None:
        """The intent (03x) code of a cooperative action's code, or None (intent.yaml ``cooperative``)."""
        table = self.intent
        if not table or code[:2] in ("03", "13", "01", "02", "10", "11", "12"):
            return None
        return _by_prefix(table["cooperative"], code)

    def _event(self, s: _Sentence, a: _Actor, b: _Actor | None, code: str, span: tuple[int, int],
               trigger: str) -> CodedEvent:
        c = self.cameo.get(code)
        pl = self.plover.get(code)
        return CodedEvent(source_cameo=a.cameo, target_cameo=b.cameo if b else None, cameo=code, span=span,
                          trigger=trigger, source=self._ours(a.cameo), target=self._ours(b.cameo) if b else None,
                          goldstein=c.goldstein if c else None, quad_class=c.quad_class if c else None,
                          plover=pl[0] if pl else None, plover_mode=pl[1] if pl else None)

    def _ours(self, cameo: str) -> str | None:
        if cameo in self.index.ours_of_cameo:
            return self.index.ours_of_cameo[cameo]
        for n in (9, 6, 3):
            if cameo[:n] in self.index.ours_of_cameo:
                return self.index.ours_of_cameo[cameo[:n]]
        head = cameo[:3]
        return head if head.isalpha() and head.isupper() else None

    # ------------------------------------------------------------------ arguments
    def _subject(self, tok: Any) -> Any | None:
        t = tok
        for _ in range(6):
            for c in t.children:
                if c.dep_ in _SUBJ or c.dep_ in _SUBJPASS:
                    if c.lower_ in _RELATIVE and t.dep_ in ("relcl",):
                        return t.head
                    return c
            if t.dep_ in ("relcl", "acl") and t.head is not t:
                if t.dep_ == "acl" and _to_infinitive(t):
                    return None  # "the need to return the hostages": the noun does not return them
                return t.head
            if t.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and t.head is not t:
                # object control: "urged Bree to help" -> the helper is the object
                if t.dep_ == "xcomp":
                    obj = next((c for c in t.head.children if c.dep_ in ("dobj",)), None)
                    if obj is not None and obj.i < t.i and t.head.lemma_.lower() not in ("promise",):
                        return obj
                t = t.head
                continue
            if t.dep_ == "prep" or t.dep_ == "pobj":
                t = t.head
                continue
            return None
        return None

    def _target(self, s: _Sentence, tok: Any, prep_hint: list[int], exclude: Any | None,
                sources: list[_Actor] | None = None, consult: bool = False, named: set[int] | None = None,
                topic: bool = False, said: bool = False) -> list[_Actor]:
        """The first argument of the verb that names an actor, nearest arguments first: the pattern's
        preposition, the objects (and the noun phrases inside them: "ties with X", "an attack by X"),
        then the verb's prepositional phrases. An actor with a country beats a bare agent.
        ``consult``: a consultation's counterpart is its object itself ("met Putin") or whom it is
        held with ("held talks with X"); what is discussed ("discussed the situation in Ukraine",
        "spoke about the G7") is its topic, not a party — unless the pattern that coded it names the
        object ("held talks with X", "attended a summit in Geneva": ``named``, the pattern's tokens).
        ``topic``: the verb's object is always its topic (``object: topic`` in verbs.yaml: "discussed")."""
        cands: list[Any] = []
        for i in prep_hint:
            cands.extend(g for g in s.doc[i].children if g.dep_ in ("pobj", "pcomp"))
        objs = [c for c in tok.children if c.dep_ in ("dobj", "dative", "iobj", "attr", "oprd")]
        for o in objs:
            if consult and topic and o.i not in (named or ()):
                continue
            # the meeting a pattern named ("held talks with X", "attended a summit in Geneva") names
            # its parties and place; any other object of a consultation is its topic
            if consult:  # ("exchanged views on Korea": a named object's topic is no party either)
                cands.extend(_partners(o, places=o.i in (named or ())))
            else:
                cands.extend(_inside(o))
        preps = [c for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in _TARGET_PREPS
                 and not (consult and c.lower_ in _TOPIC_PREPS and c.i not in prep_hint)
                 and not (consult and topic and c.lower_ not in ("with", "between", "among") and c.i not in prep_hint)]
        # "pulled out of the talks with X", "moved away from X": the particle's preposition
        preps.extend(q for c in tok.children if c.dep_ in ("prep", "prt") and c.lower_ not in _TARGET_PREPS
                     for q in c.children if q.dep_ == "prep" and q.lower_ in _TARGET_PREPS)
        preps.sort(key=lambda p: _TARGET_PREPS.index(p.lower_))
        for p in preps:
            for g in p.children:
                if g.dep_ in ("pobj", "pcomp"):
                    cands.extend(_inside(g))
        # the purpose of the act, last: "signed an accord to supply X with wheat"
        purposes = [x for x in tok.children if x.dep_ == "advcl" and x.i > tok.i and _to_infinitive(x)]
        purposes += [a for o in objs for a in o.children if a.dep_ == "acl" and _to_infinitive(a)]
        if consult:  # "discussed the need to end the war in Gaza": what is discussed
            purposes = []
        for x in [*[c for c in tok.children if c.dep_ in ("xcomp", "acomp")], *purposes]:
            for c in x.children:
                if c.dep_ == "dobj":
                    cands.extend(_inside(c))
            for p in x.children:
                if p.dep_ == "prep" and p.lower_ in _TARGET_PREPS:
                    for g in p.children:
                        if g.dep_ == "pobj":
                            cands.extend(_inside(g))
                elif p.dep_ in ("prep", "prt"):
                    # "to pull out of the talks with X": a particle's preposition
                    for q in p.children:
                        if q.dep_ == "prep" and q.lower_ in _TARGET_PREPS:
                            cands.extend(g2 for g in q.children if g.dep_ == "pobj" for g2 in _inside(g))
        fallback: list[_Actor] = []
        own_side: list[_Actor] = []
        seen: set[int] = set()
        placed: list[list[_Actor]] = []
        for c in cands:
            if c.i in seen or (exclude is not None and c.i == exclude.i):
                continue
            seen.add(c.i)
            found = self._np_actors(s, c)
            if not found and c.lower_ in ("him", "her") and c.dep_ in ("dobj", "dative", "pobj"):
                found = self._object_antecedent(s, c, sources or [])
            if (other := s.counterpart()) and found and all(a.cameo == "---GOV" for a in found):
                # "provided the Minister an overview", "urged the authorities": the other side's officials
                found = [_Actor(_government(other), found[0].tokens)]
            if not found or said and c.i in (named or ()) and c.dep_ == "dobj" and c.head.i == tok.i and all(
                    a.cameo.startswith("---") for a in found):
                continue  # (the verbal act's own noun is no party: "voiced its opposition")
            if _via_place(c, tok):
                placed.append(found)  # a place is the target only failing every other argument
                continue
            if sources and _owned_by(c, s, found) and all(_same_country(a.cameo, b.cameo)
                                                          for a in found for b in sources):
                # "reaffirmed the United States' commitment to Ukraine": the subject's own side, named
                # as the owner of the object, is not what the verb is done to
                continue
            if all(a.cameo.startswith("---") for a in found):
                fallback = fallback or found
                continue
            if sources and all(_same_country(a.cameo, b.cameo) for a in found for b in sources):
                # the subject's own people ("welcomed the release of American citizens by Venezuela"):
                # another state named further on is the target; failing one, they are (domestic news)
                own_side = own_side or found
                continue
            return found
        where = next((a.cameo[:3] for found in placed for a in found
                      if not a.cameo.startswith(("---", "IGO")) and a.cameo[:3].isalpha()), None)
        s.place = where
        if fallback:
            # "police fired on protesters in Nairobi": the people of the place
            return [_Actor(where + a.cameo[3:], a.tokens) if where else a for a in fallback]
        if own_side:
            return own_side
        s.placed_target = bool(placed)
        return placed[0] if placed else []

    @staticmethod
    def _without_own_states(sources: list[_Actor], targets: list[_Actor]) -> list[_Actor]:
        """A source's own state among the targets of a cooperative act is one end of the relation, not
        whom the act is done to: "agreed to raise relations between Egypt and Turkey" (said of Turkey's
        minister) is towards Egypt; "A and B agreed that Brazil and Argentina should deepen integration"
        is A and B with each other (no target: the sources pair up). Agents of one's own state (its
        citizens, police, opposition) stay targets."""
        own = [a for a in targets if len(a.cameo) == 3 and any(_same_country(a.cameo, b.cameo) for b in sources)]
        if not own:
            return targets
        rest = [a for a in targets if a not in own]
        if rest:
            return rest
        return targets if len({b.cameo[:3] for b in sources}) == 1 else []

    def _parties(self, s: _Sentence, subj: Any) -> list[_Actor]:
        """"X met Y, and the two sides agreed ...": the parties of the clause the subject's clause is
        coordinated with (its subject and its object or "with" partner)."""
        verb = subj.head
        if verb.dep_ != "conj" or verb.head is verb:
            return []
        head = verb.head
        found: list[_Actor] = []
        for c in head.children:
            if c.dep_ in _SUBJ or c.dep_ in ("dobj",):
                found.extend(self._np_actors(s, c))
            for p in (c, *(g for g in c.children if c.dep_ == "dobj")):  # "met with Y", "held talks with Y"
                if p.dep_ == "prep" and p.lower_ == "with":
                    found.extend(a for g in p.children if g.dep_ == "pobj" for a in self._np_actors(s, g))
        found = [a for a in found if not a.cameo.startswith("---")]
        uniq: dict[str, _Actor] = {}
        for a in found:
            uniq.setdefault(a.cameo, a)
        return list(uniq.values()) if len(uniq) > 1 else []

    def _antecedent(self, s: _Sentence, tok: Any) -> list[_Actor]:
        """A pronoun subject's actor: the subject of the clause that governs this one."""
        t = tok
        for _ in range(4):
            if t.head is t:
                return []
            t = t.head
            for c in t.children:
                if c.dep_ in _SUBJ and c.lower_ not in _PRONOUNS:
                    return self._np_actors(s, c)
        return []

    def _object_antecedent(self, s: _Sentence, pron: Any, sources: list[_Actor]) -> list[_Actor]:
        """"spoke with the Saudi Foreign Minister and thanked him": an object pronoun is the nearest
        actor named before it that is not the clause's subject."""
        taken = {k for a in sources for k in range(a.tokens[0], a.tokens[1])}
        for k in range(pron.i - 1, -1, -1):
            hit = s.hit_at.get(k)
            if hit is None or k in taken:
                continue
            found = [a for a in self._np_actors(s, s.doc[k]) if not any(
                _same_side(a.cameo, b.cameo) for b in sources)]
            if found:
                return [_Actor(a.cameo, (pron.i, pron.i + 1)) for a in found[:1]]
        return []

    def _courtesy_call(self, s: _Sentence, tok: Any) -> bool:
        """"called on the Prime Minister", "called upon President X at his residence": a visit paid (a
        courtesy call), not an appeal: "on" an office-holder (an actor with a government agent), and nothing
        asked for ("to release ...", "for calm"); "called on Iran" alone stays an appeal."""
        if tok.lemma_.lower() != "call" or any(c.dep_ in ("xcomp", "ccomp") or c.dep_ == "advcl" and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in c.children) or c.dep_ == "prep" and c.lower_ == "for"
                for c in tok.children):
            return False
        p = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")), None)
        objs = [g for g in p.children if g.dep_ == "pobj"] if p is not None else []
        if not objs or any(g.dep_ in ("acl", "relcl", "xcomp") or g.dep_ == "prep" and g.lower_ == "for"
                           for o in objs for g in o.children):
            return False
        found = [a for o in objs for a in self._np_actors(s, o)]
        return bool(found) and all(a.cameo[3:6] == "GOV" for a in found)

    def _np_actors(self, s: _Sentence, head: Any) -> list[_Actor]:
        """The actors a noun phrase names, one per coordinated member (with shared countries)."""
        members = [head]
        stack = [head]
        while stack:
            m = stack.pop()
            for c in m.children:
                if c.dep_ == "conj":
                    members.append(c)
                    stack.append(c)
        members.sort(key=lambda t: t.i)
        resolved: list[tuple[list[str], list[tuple[str, bool, int]], Any]] = []
        for m in members:
            countries, agents = self._member(s, m)
            resolved.append((countries, agents, m))
        shared = [c for cs, _, _ in resolved for c in cs]
        # "the Danish Islamist media and government": the first member's modifiers apply to the others
        first_countries, first_agents, first = resolved[0]
        lead = [a for a in first_agents if a[2] < first.i]
        out: list[_Actor] = []
        for countries, agents, m in resolved:
            if not countries and not agents:
                continue
            if m is not first and not countries and first_countries and m.i > first.i:
                agents = lead + agents
            bases = countries or (list(dict.fromkeys(shared)) if shared else ["---"])
            for base in bases:
                code = base
                pre = "".join(dict.fromkeys(a for a, p, _ in agents if p))
                # an organisation's code already says what it is: its officials are the organisation
                # ("NATO leaders" is IGOWSTNAT), its troops or courts are not ("UN troops": IGOUNOMIL)
                sufs = list(dict.fromkeys(a for a, p, _ in agents if not p and a not in code[3:]
                                          and not (code.startswith("IGO") and a == "GOV")))
                if "MIL" in sufs and "GOV" in sufs and sufs.index("GOV") < sufs.index("MIL"):
                    sufs.remove("GOV")  # "government forces", "government soldiers": the state's military
                code = pre + code + "".join(sufs)
                out.append(_Actor(code, (m.left_edge.i, m.right_edge.i + 1)))
        uniq: dict[str, _Actor] = {}
        for a in out:
            uniq.setdefault(a.cameo, a)
        if len(uniq) > 1 and "---" in "".join(uniq):
            uniq = {k: v for k, v in uniq.items() if not k.startswith("---")} or uniq
        return list(uniq.values())

    def _member(self, s: _Sentence, m: Any) -> tuple[list[str], list[tuple[str, bool, int]]]:
        """The countries and agents one member of a noun phrase names; its apposition is read only
        when the phrase itself names no country ("the Prime Minister, Modi," but not "the mayor of
        Nablus, a member of Hamas")."""
        countries, agents = self._member_of(s, m, appos=False)
        if not countries and any(c.dep_ == "appos" for c in m.children):
            countries, agents = self._member_of(s, m, appos=True)
        return countries, agents

    def _member_of(self, s: _Sentence, m: Any, appos: bool) -> tuple[list[str], list[tuple[str, bool, int]]]:
        toks: list[Any] = []
        # "soldiers from A", "lawmakers in A": a place phrase names the actor only when the head is a
        # person or body ("an attack in A" is not A)
        named_head = m.i in s.hit_at

        placed: set[int] = set()  # reached through "in/at/from/for": a place names a country, not an agent

        def walk(t: Any, place: bool = False) -> None:
            toks.append(t)
            if place:
                placed.add(t.i)
            for c in t.children:
                if c.dep_ in ("punct", "relcl", "acl", "advcl", "ccomp"):
                    continue
                if c.dep_ == "amod" and c.tag_ == "VBN" and any(g.dep_ == "npadvmod" for g in c.children):
                    continue  # "the EU-mediated talks", "Russian-backed forces": who acted on it, not who it is
                if c.dep_ == "appos" and (t.i != m.i or not appos):
                    continue  # the head's own apposition may name it ("Prime Minister, Modi,"); deeper ones do not
                if c.dep_ in ("conj", "cc") and (t.i == m.i or t.dep_ in ("pobj",)):
                    continue  # members of the coordination are read one by one (modifiers may coordinate)
                if c.dep_ == "prep" and (c.lower_ not in _NP_PREPS or (c.lower_ != "of" and not named_head)):
                    continue
                walk(c, place or (c.dep_ == "prep" and c.lower_ in ("in", "at")))
        walk(m)
        idx = {t.i for t in toks}
        countries: list[str] = []
        agents: list[tuple[str, bool, int]] = []
        modifiers: list[tuple[str, bool, int]] = []  # adjectival agents: "Islamist" in "Danish Islamist media"
        found: list[tuple[int, str, int]] = []
        for h in s.hits:
            if h.start in idx:
                p = h.payload
                if p.agent is not None:
                    if h.start in placed:
                        continue  # "Lula at the Great Hall of the People": no civilians
                    # an adjective modifying another noun is no agent ("military talks", "joint
                    # military drills"); a noun is ("coast guard vessels", "government newspaper")
                    if not (h.start <= m.i < h.end) and all(s.doc[k].pos_ == "ADJ" for k in range(h.start, h.end)):
                        modifiers.append((p.agent.code, p.agent.prefix, h.start))
                        continue
                    agents.append((p.agent.code, p.agent.prefix, h.start))
                else:
                    code = p.code_on(s.day)
                    if code:
                        # nearness to the phrase's head: "the population of A" is A; "A of the B" is A
                        depth = 0 if h.start <= m.i < h.end else 1 + _depth(s.doc[h.end - 1], m)
                        found.append((depth, code, h.end - 1))
        if found:
            best = min(d for d, _, _ in found)
            # codes of one actor named twice ("Chinese President Xi") are merged later
            chosen: set[int] = set()
            for d, code, at in sorted(found):
                if d <= best + 1 and code not in countries and (d == best or _related(code, countries)):
                    countries.append(code)
                    chosen.add(at)
            # coordinated modifiers name one actor each: "Hungarian and Romanian officials"
            for _d, code, at in found:
                t = s.doc[at]
                if at not in chosen and t.dep_ == "conj" and t.head.i in chosen and code not in countries:
                    countries.append(code)
                    chosen.add(at)
        # a country coordinated inside the phrase ("officials in A and B") counts for each
        for t in toks:
            if t.dep_ == "pobj":
                for c in t.children:
                    if c.dep_ == "conj":
                        for h in s.hits:
                            if c.left_edge.i <= h.start <= c.right_edge.i and h.payload.agent is None:
                                code = h.payload.code_on(s.day)
                                if code and code not in countries:
                                    countries.append(code)
        if countries or agents:
            # alone they name nothing: "military talks", "joint military drills"
            agents = sorted(agents + modifiers, key=lambda a: a[2])
        return _merge_codes(countries), agents

    # ------------------------------------------------------------------ attribution
    def _attribute(self, s: _Sentence, events: list[CodedEvent]) -> list[CodedEvent]:
        """Reported clauses, one verb at a time: the speaker's own events, or the speaker's statement
        about each other actor the clause makes the agent (a demand, an accusation or a comment)."""
        if not events:
            return events
        doc = s.doc
        by_verb: dict[int, list[CodedEvent]] = {}
        for e in events:
            by_verb.setdefault(e.verb, []).append(e)
        out: list[CodedEvent] = []
        for vi, group in by_verb.items():
            verb = doc[vi] if vi >= 0 else None
            rep = self._reporter(verb) if verb is not None else None
            if rep is None and verb is not None and s.speaker and not s.joint:
                speakers = [_Actor(s.speaker, (0, 0))]
                rep = verb
            elif rep is None or verb is None:
                out.extend(group)
                continue
            else:
                speakers = self._speakers(s, rep)
            if not speakers:
                out.extend(group)
                continue
            sp = speakers[0]
            subj = self._subject(verb)
            pronoun = subj is None or subj.lower_ in _PRONOUNS
            # the speaker's own act, with its reciprocal events ("we should hold talks with Y": Y -> us too)
            mine = any if s.speaker else all
            if pronoun or mine(_same_side(e.source_cameo, sp.cameo) for e in group):
                for e in group:
                    if pronoun and not _same_side(e.source_cameo, sp.cameo) and e.reported_by is None:
                        if subj is not None and subj.lower_ in ("they", "we") and len(speakers) > 1:
                            # "Obama and Putin said they will ...": each speaker's
                            for other in speakers[1:]:
                                if e.target_cameo and _same_side(other.cameo, e.target_cameo):
                                    continue
                                twin = dataclasses.replace(e, source_cameo=other.cameo, source=self._ours(other.cameo),
                                                           reported_by=other.cameo)
                                out.append(twin)
                        e.source_cameo, e.source = sp.cameo, self._ours(sp.cameo)
                    elif (e.reported_by is None and len(e.source_cameo) == 3 and sp.cameo == e.source_cameo + "GOV"
                          and s.doc[sp.tokens[0]].lower_ not in ("a", "an")):
                        # "the Foreign Minister said China is ready to ...": the state speaks through
                        # its government, which is the source (not through "a defence official")
                        e.source_cameo, e.source = sp.cameo, self._ours(sp.cameo)
                    e.reported_by = sp.cameo
                    out.append(e)
                continue
            leading = rep.i < verb.i or bool(s.speaker)
            modal = any(e.modal for e in group)
            if not modal and (not leading or any(_same_side(e.source_cameo, sp.cameo) for e in group)):
                # a third party's account given as a source of news ("troops fired on protesters,
                # witnesses said") reports the event; "X said/claimed that Y ..." is X's statement
                out.extend(group)
                continue
            # what a party says its counterpart did or must do is its own statement (an accusation,
            # a demand, a comment), not the counterpart's action
            done: set[str] = set()
            for e in group:
                if _same_side(e.source_cameo, sp.cameo) or e.source_cameo in done:
                    continue
                done.add(e.source_cameo)
                code = "100" if e.modal else ("112" if (e.quad_class or 0) >= 3 and e.cameo[:2] >= "14" else "010")
                if code == "112":
                    code = self._subtype("charges", verb) or code  # "said its officers had tortured detainees": 1122
                ne = self._event(s, sp, _Actor(e.source_cameo, (0, 0)), code, (rep.idx, rep.idx + len(rep)),
                                 rep.text)
                ne.reported_by, ne.verb = sp.cameo, rep.i
                out.append(ne)
        return out

    def _bare_reports(self, s: _Sentence, events: list[CodedEvent]) -> list[CodedEvent]:
        """"X said (that) Y must/should ...", "X said Y would ...": when the reported clause about
        another actor Y coded nothing itself, X's statement about Y still stands — a demand (100) for
        what Y must or should do, else a comment (010)."""
        out: list[CodedEvent] = []
        coded = {e.verb for e in events}
        for rep in s.doc:
            if rep.lemma_.lower() not in _REPORTING or rep.pos_ != "VERB" or rep.i in coded:
                continue
            clause = next((c for c in rep.children if c.dep_ == "ccomp"), None)
            if clause is None or any(t.i in coded for t in clause.subtree):
                continue
            speakers = self._speakers(s, rep)
            inner = next((c for c in clause.children if c.dep_ in _SUBJ or c.dep_ in _SUBJPASS), None)
            if not speakers or inner is None or inner.lower_ in _PRONOUNS:
                continue
            others = [a for a in self._np_actors(s, inner) if not _same_side(a.cameo, speakers[0].cameo)]
            # "X said Y had committed war crimes": an accusation of what the clause names
            code = "100" if self._modal(clause) else (self._subtype("charges", clause) or "010")
            for b in others:
                e = self._event(s, speakers[0], b, code, (rep.idx, rep.idx + len(rep)), rep.text)
                e.verb, e.reported_by = rep.i, speakers[0].cameo
                out.append(e)
        return out

    def _speakers(self, s: _Sentence, rep: Any) -> list[_Actor]:
        """Who speaks through a reporting verb. An unidentified speaker ("officials said") or the press
        reporting news ("the agency reported") is no one: the reported event then stands as it is; a
        pronoun or missing subject in a readout's statement is the statement's side."""
        speaker_tok = next((c for c in rep.children if c.dep_ in _SUBJ), None)
        speakers = self._np_actors(s, speaker_tok) if speaker_tok is not None else []
        speakers = [a for a in speakers if not a.cameo.startswith("---") and "MED" not in a.cameo[3:]]
        if not speakers and s.speaker and (speaker_tok is None or speaker_tok.lower_ in _PRONOUNS):
            speakers = s.parties()
        return speakers

    @staticmethod
    def _reporter(verb: Any) -> Any | None:
        t, via = verb, ""
        for _ in range(4):
            if t.dep_ in ("ccomp", "parataxis") and t.head is not t:
                h = t.head
                if h.lemma_.lower() in _REPORTING:
                    return h
                t, via = h, t.dep_
                continue
            # "said China is willing to work with ...": up from an infinitive through the adjective it
            # completes (not from a clause the adjective governs: "was optimistic that Y would ...")
            if (t.dep_ in ("xcomp", "conj") or t.dep_ == "acomp" and via == "xcomp") and t.head is not t:
                t, via = t.head, t.dep_
                continue
            return None
        return None


_PARTY_NOUNS = frozenset({"side", "sides", "leader", "leaders", "minister", "ministers", "country", "countries",
                          "party", "parties", "government", "governments", "president", "presidents", "delegation",
                          "delegations", "nation", "nations", "counterpart", "counterparts"})


def _both_sides(subj: Any) -> bool:
    """"the two sides", "both leaders", "both": the parties of a meeting just named."""
    if subj.lower_ == "both" and not any(True for _ in subj.children):
        return True
    return subj.lower_ in _PARTY_NOUNS and any(c.lower_ in ("two", "both") for c in subj.children)


def _to_infinitive(verb: Any) -> bool:
    """A "to" infinitive with no subject of its own ("to supply X", not "for X to supply")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not any(
        c.dep_ in _SUBJ or c.dep_ in _SUBJPASS for c in verb.children)


def _agent_of(verb: Any) -> Any | None:
    """The noun of a passive verb's "by" phrase ("was attacked by X": X), or None."""
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def _via_agent(doc: Any, actor: _Actor, verb: Any) -> bool:
    """Whether an actor is named only as the agent of a participle inside the verb's phrase ("a truce
    brokered by Qatar"): who did that, not the verb's counterpart."""
    if actor.tokens == (0, 0):
        return False
    t = doc[actor.tokens[0]]
    for _ in range(8):
        if t.dep_ == "agent":
            return True
        if t.head is t or t.i == verb.i or t.head.i == verb.i:
            return False
        t = t.head
    return False


# synsets of verbs.yaml that name acts of violence (what a condemnation may be of, without naming anyone)
_VIOLENCE = ("terror", "terror_attack", "bombing", "assassination", "assassination_attempt", "kidnapping",
             "war_crime", "mil_incident")


# nouns whose relative clause tells what they propose ("a proposal that would require ..."), not an event
_PROPOSALS = frozenset({"proposal", "plan", "offer", "demand", "initiative", "request", "resolution", "draft",
                        "bill", "deal", "ultimatum", "condition", "term", "formula", "roadmap", "framework"})


def _placed(doc: Any, i: int, top: int) -> bool:
    """Whether token i hangs from a place preposition ("in", "at" ...) below token ``top``."""
    t = doc[i]
    for _ in range(10):
        if t.i == top or t.head.i == t.i:
            return False
        if t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPS:
            return True
        t = t.head
    return False


def _aimed(verb: Any, matched: list[int]) -> bool:
    """Whether an act names what it is aimed at: an object the pattern did not take ("curbed the spread
    of the virus") or a phrase "against/on/at/into" ("waged a war against the virus")."""
    doc = verb.doc
    preps = [c for c in verb.children if c.dep_ == "prep"] + [doc[i] for i in matched if doc[i].dep_ == "prep"]
    return any(c.dep_ == "dobj" and c.i not in matched for c in verb.children) or any(
        p.lower_ in ("against", "on", "at", "into", "toward", "towards") for p in preps)


def _under_noun(verb: Any) -> bool:
    """Whether a verb without a subject belongs to a noun ("the need to return all hostages", "efforts
    to curb the virus", "the importance of maintaining ...", "personnel capable of providing security"):
    its subject is not the statement's speaker. Climbs through verbs, adjectives and prepositions."""
    t = verb
    for _ in range(8):
        h = t.head
        if h.i == t.i:
            return False
        if h.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            return True
        if h.pos_ in ("VERB", "AUX") and t.dep_ not in ("conj", "xcomp", "advcl", "ccomp", "pcomp", "acomp"):
            return False
        t = h
    return False


def _partners(tok: Any, places: bool = False) -> list[Any]:
    """A consultation's object and those it is held with: "Putin", "talks with X", "talks between X and Y",
    "a visit to X", "credentials to X"; with ``places``, where a meeting is held ("a summit in Geneva")."""
    out = [tok, *(c for c in tok.children if c.dep_ == "conj")]
    preps = ("with", "between", "among", "to", "in", "at") if places else ("with", "between", "among", "to")
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def _inside(tok: Any) -> list[Any]:
    """A noun phrase and the noun phrases it contains through prepositions, breadth first."""
    # breadth first; what is reached through a place preposition ("celebrated Eid at A with B") comes
    # after everything else: a place is the target only failing others
    queue: list[tuple[Any, bool]] = [(tok, False)]
    k = 0
    while k < len(queue) and len(queue) < 16:
        t, placed = queue[k]
        for c in t.children:
            if c.dep_ == "prep":
                queue.extend((g, placed or c.lower_ in _PLACE_PREPS) for g in c.children
                             if g.dep_ in ("pobj", "pcomp"))
            elif c.dep_ in ("dobj", "conj"):
                queue.append((c, placed))
            elif c.dep_ == "acl" and c.tag_ == "VBN" and not any(g.dep_ in _SUBJPASS or g.dep_ in _SUBJ
                                                                 for g in c.children):
                # "the plan proposed by X": X
                queue.extend((g, placed) for a in c.children if a.dep_ == "agent" for g in a.children
                             if g.dep_ == "pobj")
        k += 1
    return [t for t, placed in queue if not placed] + [t for t, placed in queue if placed]


def _owned_by(tok: Any, s: _Sentence, found: list[_Actor]) -> bool:
    """Whether the actors found in a noun phrase are only its owner ("the United States' commitment")."""
    owners = {t.i for c in tok.children if c.dep_ == "poss" for t in c.subtree}
    codes = {s.hit_at[k].payload.code_on(s.day) for k in owners if k in s.hit_at}
    return bool(codes) and all(any(a.cameo.startswith(c) for c in codes if c) for a in found)


def _via_place(tok: Any, verb: Any) -> bool:
    """Whether ``tok`` hangs under ``verb`` through a preposition of place ("in", "at", "near")."""
    t = tok
    for _ in range(12):
        if t.i == verb.i or t.head is t:
            return False
        if t.dep_ == "prep" and (t.lower_ in _PLACE_PREPS or any(
                c.dep_ == "pobj" and c.lemma_.lower() in _OCCASIONS for c in t.children)):
            return True
        t = t.head
    return False


def _depth(tok: Any, head: Any) -> int:
    d = 0
    while tok.i != head.i and tok.head is not tok and d < 20:
        tok = tok.head
        d += 1
    return d


_STATE_AGENTS = frozenset({"", "GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI", "MED", "PTY", "BUS"})


def _same_side(a: str, b: str) -> bool:
    """Two CAMEO actor codes of one side: the same country (or organisation) part, and not the state
    on one hand and its rebels, opposition or civilians on the other (nor two different such groups)."""
    if a.startswith("IGO") or b.startswith("IGO"):
        return a[:9] == b[:9]
    if a[:3] != b[:3]:
        return False
    if a.startswith("---"):
        return a == b  # two unidentified actors are one only when coded alike
    if not a[3:] or not b[3:]:
        return True
    state_a, state_b = a[3:6] in _STATE_AGENTS, b[3:6] in _STATE_AGENTS
    if state_a or state_b:
        return state_a and state_b
    return a[3:6] == b[3:6]


def _by_prefix(table: dict[str, str], code: str) -> str | None:
    """The value an intent.yaml map gives a CAMEO code: its longest prefix (of 2+ digits) in the map."""
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return str(table[code[:n]])
    return None


def _government(code: str) -> str:
    """The government of a state's code (CHN -> CHNGOV); an organisation speaks as itself."""
    return code + "GOV" if _country(code) else code


def _country(code: str) -> bool:
    """Whether a CAMEO actor code starts with a state (not an organisation, nor unidentified)."""
    return len(code) >= 3 and code[:3].isalpha() and code[:3].isupper() and code[:3] not in ("---", "IGO", "NGO",
                                                                                            "IMG", "MNC", "NGM")


def _same_country(a: str, b: str) -> bool:
    """The same state or organisation, whatever the agents."""
    if a.startswith("IGO") or b.startswith("IGO"):
        return a[:9] == b[:9]
    return a[:3] == b[:3] and not a.startswith("---")


def _related(code: str, codes: list[str]) -> bool:
    return any(code.startswith(c) or c.startswith(code) for c in codes)


def _merge_codes(codes: list[str]) -> list[str]:
    """One code per actor: of codes for the same country ("CHN" from "Chinese", "CHNGOV" from the
    president's name) keep the most specific."""
    out: list[str] = []
    for c in sorted(codes, key=len, reverse=True):
        if any(o.startswith(c) for o in out):
            continue
        out.append(c)
    return [c for c in codes if c in out]


_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december day days week weeks month months year years morning "
    "afternoon evening night weekend today yesterday tomorrow occasion sidelines anniversary".split())


def _form(tok: Any) -> tuple[int, str, str]:
    """(index, lower form, lemma) of a token for pattern matching; a participle used as a modifier
    does not match by its lemma ("relations based on ..." is no military base), and a preposition
    of time is not the preposition of a pattern ("called X on Monday" is no "call on")."""
    if tok.dep_ == "prep" and any(c.dep_ == "pobj" and c.lower_ in _TIME_WORDS for c in tok.children):
        return (tok.i, "", "")
    lemma = "" if tok.dep_ in ("acl", "amod") and tok.tag_ in ("VBN", "VBG") else tok.lemma_.lower()
    return (tok.i, tok.lower_, lemma)

