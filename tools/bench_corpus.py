"""Text for tools/bench.py, generated here from templates: news-style sentences, news documents and
readout-style documents, deterministic for a seed. No third-party text is stored or copied.

Actors (states, their adjectives and capitals, office holders and their titles, organisations) come
from readouts' own knowledge (``readouts.knowledge.load_knowledge``); the verb phrasings are common
CAMEO phrasings (consult, appeal, demand, accuse, threaten, sanction, aid, fight, ...) written for
this file. Each sentence has 12-40 words and mixes dates, appositions, relative clauses, adverbials
and "officials said" tails.

    python tools/bench_corpus.py [--n 20] [--seed 7]     # print some sentences and one document of each kind
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Callable
from dataclasses import dataclass

MIN_WORDS, MAX_WORDS = 12, 40

_AGENTS = ["troops", "soldiers", "police", "officials", "government", "security forces", "border guards",
           "lawmakers", "foreign ministry", "defence ministry", "navy", "warplanes", "protesters",
           "opposition leaders", "diplomats", "rebels", "authorities", "prosecutors", "customs officers"]
_SINGULAR = {"police", "government", "foreign ministry", "defence ministry", "navy", "authorities"}  # take "the"
_ARMED = {"troops", "soldiers", "police", "security forces", "border guards", "navy", "warplanes", "rebels"}
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_TOPICS = ["trade", "energy security", "climate change", "maritime security", "the nuclear programme",
           "counterterrorism", "migration", "food security", "the disputed border", "regional stability",
           "arms control", "fisheries", "cyber security", "debt relief", "water sharing"]
_ASKS = ["release the detained journalists", "withdraw its troops from the border area", "resume negotiations",
         "lift the sanctions", "halt its missile tests", "respect the ceasefire", "allow humanitarian access",
         "hold free and fair elections", "return to the negotiating table", "stop supporting armed groups",
         "open an independent investigation", "reduce tariffs on agricultural imports"]
_CHARGES = ["violating the ceasefire", "meddling in its internal affairs", "supplying weapons to the rebels",
            "spying on its officials", "human rights abuses", "violating its airspace",
            "harbouring militants", "manipulating its currency", "election interference"]
_GERUNDS = ["shelling civilian areas", "detaining opposition activists", "expanding settlements",
            "testing ballistic missiles", "blocking aid convoys", "cracking down on peaceful protesters",
            "seizing a cargo ship", "closing the border crossing"]
_PRAISE = ["its role in the peace talks", "releasing the prisoners", "its support during the floods",
           "hosting the refugees", "its commitment to the agreement", "reopening the border"]
_RELS_STATE = ["which has denied the allegations", "which shares a long border with {o}",
               "which holds the rotating presidency of the bloc this year", "which has faced mounting pressure at home",
               "which has long opposed the plan", "which imports most of its gas from {o}",
               "whose economy has been hit hard by the drought"]
_RELS_PERSON = ["who took office in {y}", "who has led the talks since {y}", "who is on a three-day tour of the region",
                "who faces elections next year", "who returned from {c} on {d}"]
_TAILS = ["officials said", "according to state media", "the foreign ministry said in a statement",
          "a government spokesman said", "the state news agency reported", "diplomats said",
          "two officials familiar with the matter said", "local media reported", "witnesses said"]
_ADVERBIALS = ["amid rising tensions over {t}", "in a bid to ease tensions over {t}",
               "after weeks of clashes along the border", "during a visit to {c}",
               "despite objections from {o}", "ahead of a regional summit in {c}",
               "for the first time in a decade", "in response to a request from {o}"]
_MEETS = re.compile(r"visit|summit|tour|talks")  # engagement cues, kept out of news documents
_AGENCIES = ["Bench News", "the Bench Wire", "Bench Press Service"]


@dataclass(frozen=True)
class _State:
    code: str
    name: str
    adj: str
    capital: str


@dataclass(frozen=True)
class _Official:
    name: str
    surname: str
    title: str
    state: _State


class Generator:
    """News-style sentences and documents from templates; the same seed gives the same text."""

    def __init__(self, seed: int = 7, knowledge: object = None):
        from readouts.knowledge import load_knowledge

        kb: object = knowledge if knowledge is not None else load_knowledge()
        self.rng = random.Random(seed)
        actors = kb.actors  # type: ignore[attr-defined]
        self.states: list[_State] = []
        for a in actors.values():
            if a.kind != "state" or a.ambiguous or not a.adjectives or not a.capitals:
                continue
            self.states.append(_State(a.code, a.name, a.adjectives[0], a.capitals[0]))
        self.states.sort(key=lambda s: s.code)
        by_code = {s.code: s for s in self.states}
        self.orgs = sorted(next((x for x in a.aliases if x.isupper() and x.isalpha()), f"the {a.name}")
                           for a in actors.values() if a.kind == "organisation")
        self.officials: list[_Official] = []
        for p in kb.people:  # type: ignore[attr-defined]
            if not p.roles or not p.surname:
                continue
            r = p.roles[-1]
            if r.actor in by_code and len(r.title.split()) <= 3:
                self.officials.append(_Official(p.name, p.surname, r.title, by_code[r.actor]))
        if not self.states or not self.officials:
            raise SystemExit("bench_corpus: readouts' knowledge has no states or officials to write with")

    # ---- pieces ------------------------------------------------------------------------------------
    def _pick(self, xs: list) -> object:
        return xs[self.rng.randrange(len(xs))]

    def _state(self, *avoid: _State) -> _State:
        while True:
            s: _State = self._pick(self.states)  # type: ignore[assignment]
            if s not in avoid:
                return s

    def _date(self) -> str:
        k = self.rng.random()
        if k < 0.45:
            return f"on {self._pick(_DAYS)}"
        if k < 0.75:
            return f"on {self._pick(_MONTHS)} {self.rng.randint(1, 28)}"
        return str(self._pick(["last week", "earlier this month", "late on Tuesday", "on Sunday night",
                               f"in {self.rng.randint(2012, 2025)}"]))

    def _fill(self, s: str, other: _State) -> str:
        return s.format(o=other.name, c=other.capital, t=self._pick(_TOPICS), y=self.rng.randint(2012, 2024),
                        d=self._pick(_DAYS))

    def _subject(self, state: _State, other: _State) -> tuple[str, bool, bool]:
        """A subject phrase of ``state``; whether it names a person; whether it is armed."""
        k = self.rng.random()
        if k < 0.30:
            agent = str(self._pick(_AGENTS))
            the = "the " if agent in _SINGULAR else ""
            return f"{the}{state.adj} {agent}", False, agent in _ARMED
        if k < 0.45:
            agent = str(self._pick(_AGENTS))
            return f"{state.name}'s {agent}", False, agent in _ARMED
        if k < 0.60:
            return state.name, False, False
        people = [o for o in self.officials if o.state == state] or self.officials
        o: _Official = self._pick(people)  # type: ignore[assignment]
        if k < 0.80:
            return f"{o.state.adj} {o.title} {o.name}", True, False
        return f"{o.name}, {o.state.name}'s {o.title.lower()},", True, False

    def _target(self, other: _State) -> str:
        k = self.rng.random()
        if k < 0.45:
            return other.name
        if k < 0.65:
            return f"{self._pick(['', 'the '])}{other.adj} {self._pick(['officials', 'authorities', 'troops', 'diplomats'])}"
        if k < 0.80:
            people = [o for o in self.officials if o.state == other]
            if people:
                return self._pick(people).name  # type: ignore[attr-defined]
            return other.name
        if k < 0.90:
            return f"the government in {other.capital}"
        return str(self._pick(self.orgs))

    def _verb_phrase(self, other: _State, third: _State, armed: bool, consult: bool) -> str:
        t = self._target(other)
        n = self.rng.randint(2, 12)
        choices: list[Callable[[], str]] = [
            lambda: f"accused {t} of {self._pick(_CHARGES)}",
            lambda: f"condemned {t} for {self._pick(_GERUNDS)}",
            lambda: f"called on {t} to {self._pick(_ASKS)}",
            lambda: f"urged {t} to {self._pick(_ASKS)}",
            lambda: f"demanded that {t} {self._pick(_ASKS)}",
            lambda: f"threatened to impose sanctions on {t}",
            lambda: f"imposed new sanctions on {t} over {self._pick(_TOPICS)}",
            lambda: f"signed an agreement with {t} on {self._pick(_TOPICS)}",
            lambda: f"agreed to expand cooperation with {t} on {self._pick(_TOPICS)}",
            lambda: f"pledged {n} million dollars in humanitarian aid to {t}",
            lambda: f"expelled {n} {other.adj} diplomats",
            lambda: f"recalled its ambassador from {other.name}",
            lambda: f"praised {t} for {self._pick(_PRAISE)}",
            lambda: f"rejected a proposal by {t} on {self._pick(_TOPICS)}",
            lambda: f"denied accusations by {t} that it had been {self._pick(_GERUNDS)}",
            lambda: f"warned {t} against {self._pick(_GERUNDS)}",
            lambda: f"welcomed the decision by {t} to {self._pick(_ASKS)}",
            lambda: f"offered to mediate between {other.name} and {third.name}",
            lambda: f"criticised {t} over {self._pick(_TOPICS)}",
            lambda: f"promised to provide military assistance to {t}",
            lambda: f"cut diplomatic ties with {other.name}",
            lambda: f"appealed to {t} for emergency food aid",
            lambda: f"apologised to {t} for the incident",
            lambda: f"arrested {n} {other.adj} nationals on suspicion of {self._pick(_CHARGES)}",
            lambda: f"deployed troops to its border with {other.name}",
            lambda: f"refused to extradite the suspects to {other.name}",
        ]
        if armed:
            choices += [lambda: f"fired on {other.adj} positions near the border",
                        lambda: f"attacked {other.adj} forces near {other.capital}",
                        lambda: f"clashed with {other.adj} troops in the disputed area",
                        lambda: f"seized {n} {other.adj} fishing boats"]
        if consult:
            choices += [lambda: f"met {t} in {third.capital}",
                        lambda: f"held talks with {t} on {self._pick(_TOPICS)}",
                        lambda: f"visited {other.capital} for talks on {self._pick(_TOPICS)}",
                        lambda: f"spoke by telephone with {t}"]
        return self._pick(choices)()  # type: ignore[operator]

    def _one(self, consult: bool) -> str:
        a = self._state()
        b = self._state(a)
        c = self._state(a, b)
        subj, person, armed = self._subject(a, b)
        parts: list[str] = []
        date_first = self.rng.random() < 0.2
        if date_first:
            parts.append(self._date() + ",")
        if self.rng.random() < 0.15:
            subj = f"{self._pick(['officials', 'the foreign ministry', 'state media'])} said {subj}"
        parts.append(subj)
        if not subj.endswith(",") and (person or subj == a.name) and self.rng.random() < 0.3:
            rels = _RELS_PERSON if person else _RELS_STATE
            rel = self._pick(rels if consult else [x for x in rels if not _MEETS.search(x)])
            parts[-1] += ","
            parts.append(self._fill(str(rel), b) + ",")
        parts.append(self._verb_phrase(b, c, armed, consult))
        if not date_first and self.rng.random() < 0.7:
            parts.append(self._date())
        if self.rng.random() < 0.45:
            adverbials = _ADVERBIALS if consult else [x for x in _ADVERBIALS if not _MEETS.search(x)]
            parts.append(self._fill(str(self._pick(adverbials)), c))
        if self.rng.random() < 0.45:
            parts[-1] += ","
            parts.append(str(self._pick(_TAILS)))
        s = " ".join(parts)
        return s[0].upper() + s[1:] + "."

    # ---- public ------------------------------------------------------------------------------------
    def sentence(self, consult: bool = True) -> str:
        """One news-style sentence of 12-40 words."""
        while True:
            s = self._one(consult)
            if MIN_WORDS <= len(s.split()) <= MAX_WORDS:
                return s

    def sentences(self, n: int) -> list[str]:
        return [self.sentence() for _ in range(n)]

    def news_document(self) -> str:
        """A news report: dateline and 6-14 sentences in short paragraphs, no meeting, call or visit in it
        (so the extractor finds no engagement and codes every sentence that names an actor)."""
        s = self._state()
        head = f"{s.capital.upper()}, {self._pick(_MONTHS)} {self.rng.randint(1, 28)} ({self._pick(_AGENCIES)}) - "
        sents = [self.sentence(consult=False) for _ in range(self.rng.randint(6, 14))]
        paras, i = [], 0
        while i < len(sents):
            k = self.rng.randint(1, 2)
            paras.append(" ".join(sents[i:i + k]))
            i += k
        return head + "\n\n".join(paras) + "\n"

    def readout_document(self) -> str:
        """A readout: a meeting of two office holders, what they discussed, what each side said."""
        a = self._state()
        b = self._state(a)
        pa = [o for o in self.officials if o.state == a and o.title == "Foreign Minister"] or \
             [o for o in self.officials if o.state == a] or self.officials
        pb = [o for o in self.officials if o.state == b and o.title == "Foreign Minister"] or \
             [o for o in self.officials if o.state == b] or self.officials
        x: _Official = self._pick(pa)  # type: ignore[assignment]
        y: _Official = self._pick(pb)  # type: ignore[assignment]
        t1, t2 = self._pick(_TOPICS), self._pick(_TOPICS)
        how = self._pick([f"met with {y.state.adj} {y.title} {y.name} in {x.state.capital}",
                          f"held a telephone call with {y.state.adj} {y.title} {y.name}",
                          f"held talks with {y.state.adj} {y.title} {y.name} in {y.state.capital}"])
        day = f"{self._pick(_MONTHS)} {self.rng.randint(1, 28)}, {self.rng.randint(2014, 2025)}"
        lines = [f"{x.title} {x.name}'s meeting with {y.state.adj} {y.title} {y.name}", "",
                 f"On {day}, {x.state.adj} {x.title} {x.name} {how}. The two sides exchanged views on {t1} and "
                 f"{t2}.",
                 f"{x.surname} said {x.state.name} was ready to deepen cooperation with {y.state.name} on {t1} and "
                 f"urged {y.state.name} to {self._pick(_ASKS)}.",
                 f"{y.surname} said {y.state.name} welcomed the proposal and would work with {x.state.name} to "
                 f"implement the agreement on {t2}.",
                 f"{x.surname} also condemned {self._state(a, b).name} for {self._pick(_GERUNDS)}.",
                 f"Both sides agreed to maintain close communication on {self._pick(_TOPICS)}."]
        return "\n".join(lines) + "\n"

    def news_documents(self, n: int) -> list[str]:
        return [self.news_document() for _ in range(n)]

    def readout_documents(self, n: int) -> list[str]:
        return [self.readout_document() for _ in range(n)]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    g = Generator(a.seed)
    for s in g.sentences(a.n):
        print(f"[{len(s.split())}] {s}")
    print("\n--- news document\n" + g.news_document())
    print("--- readout document\n" + g.readout_document())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
