"""The coder's memoised attribute ruler and lemmatizer give exactly the model's own answers."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from readouts.coding import DEFAULT_MODEL, load_parser  # noqa: E402
from readouts.coding.attributes import NAME, MemoAttributes, install  # noqa: E402

TEXTS = [
    "The foreign minister said the two countries would deepen cooperation on trade and energy.",
    "There is no military solution, and there were talks in Geneva on Tuesday.",
    "Rebels fired rockets at the airport; the army said it had repelled the attack.",
    "It is what it is: you gave it to me and I returned it to you.",
    "Y'all gonna see it, let's be honest, ain't it gotta stop?",
    "Protesters  gathered \n outside the embassy   and burned flags.",
    "The ministers did not threaten sanctions but they had warned of consequences.",
    "Officials were meeting, met, and will meet again; meetings are being held.",
    "C'mon, that's what they said about the ceasefire deal that both sides signed.",
]


def _tokens(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


@pytest.fixture(scope="module")
def reference():
    return spacy.load(DEFAULT_MODEL, exclude=["ner"])


def test_memo_replaces_ruler_and_lemmatizer():
    nlp = load_parser()
    assert NAME in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names


def test_memo_gives_the_models_own_attributes(reference):
    nlp = install(spacy.load(DEFAULT_MODEL, exclude=["ner"]))
    memo = nlp.get_pipe(NAME)
    assert isinstance(memo, MemoAttributes)
    want = [_tokens(d) for d in reference.pipe(TEXTS)]
    cold = [_tokens(d) for d in nlp.pipe(TEXTS)]
    assert memo.misses > 0 and memo.memo
    hits = memo.hits
    warm = [_tokens(d) for d in nlp.pipe(TEXTS)]
    assert cold == want
    assert warm == want
    # second pass: every document without a two-token-pattern word comes from memory
    assert memo.hits - hits >= len(TEXTS) - 2


def test_two_token_patterns_go_through_the_ruler(reference):
    nlp = install(spacy.load(DEFAULT_MODEL, exclude=["ner"]))
    memo = nlp.get_pipe(NAME)
    text = "Let's see: they're gonna sign it."
    list(nlp.pipe([text, text]))
    assert memo.hits == 0 and memo.misses == 2
    assert _tokens(nlp(text)) == _tokens(reference(text))
    # "there is": the expletive's dependency is part of the key, so the verb reading is kept
    a, b = "There is hope.", "It is hope."
    for t in (a, b, a, b):
        assert _tokens(nlp(t)) == _tokens(reference(t))


def test_pattern_matching_by_positions_is_the_same_as_by_scan() -> None:
    """EventCoder._match with the positions of each word gives what the plain scan gives."""
    import random

    from readouts.coding.coder import EventCoder

    rng = random.Random(3)
    vocab = ["talks", "talk", "with", "the", "of", "hold", "peace", "on", "to", "resume"]
    for _ in range(400):
        toks = [(i, w, rng.choice(["", w.rstrip("s")])) for i, w in enumerate(rng.choices(vocab, k=rng.randint(0, 9)))]
        terms = tuple(tuple(tuple(rng.choices(vocab, k=rng.randint(1, 2))) for _ in range(rng.randint(1, 3)))
                      for _ in range(rng.randint(1, 3)))
        assert EventCoder._match(terms, toks, EventCoder._positions(toks)) == EventCoder._match(terms, toks)
