"""The entities stage runs the NER model only where engagements are reported, at the right offsets."""

from __future__ import annotations

import readouts
from readouts.knowledge import load_knowledge
from readouts.nlp import load_backend
from readouts.stages import entities, segment
from readouts.stages.base import Work

TEXT = ("Ruritania and Freedonia renewed their trade pact last year.\n"
        "Markets rose. Analysts were pleased. Prices fell.\n"
        "On Monday, Prime Minister Olga Varga met with visiting envoy Tomas Berg in Strelsau.\n"
        "Varga said that trade would grow.\n")


def _work(ner) -> Work:
    backend = load_backend(readouts.Config().model)
    w = Work(text=TEXT, kb=load_knowledge(), doc=next(backend.tokens([TEXT])), ner=ner)
    segment.run(w)
    return w


def test_only_title_lines_and_engagement_sentences_are_read() -> None:
    seen: list[str] = []

    def fake(texts: list[str]) -> list[list[tuple[int, int, str]]]:
        seen.extend(texts)
        return [[(0, 2, "X")] for _ in texts]

    w = _work(fake)
    entities.run(w)
    assert any(t.startswith("On Monday, Prime Minister Olga Varga met") for t in seen)
    assert "Varga said that trade would grow." not in seen
    assert "Prices fell." not in seen
    for a, b, _ in w.entities:
        assert any(s.start == a for s in w.sentences) and b == a + 2


def test_real_model_offsets_index_the_text() -> None:
    w = _work(load_backend(readouts.Config().model).entities)
    entities.run(w)
    people = {TEXT[a:b] for a, b, label in w.entities if label == "PERSON"}
    assert "Tomas Berg" in people or "Olga Varga" in people
    assert all(0 <= a < b <= len(TEXT) for a, b, _ in w.entities)
