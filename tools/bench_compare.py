"""Speed of readouts.compare: comparing two readouts, records extracted beforehand and models loaded.

usage: python tools/bench_compare.py [--shared ../shared] [--rounds 10] [--write-docs docs/benchmarks.md]

On the gold pairs of the dev corpus (or the example pair shipped in the package when ../shared is absent):
the time of ``compare(a, b)`` per pair, p50 and p95, with each installed embedder, its vector cache
cleared before every call (each comparison encodes its texts afresh, as the first comparison of two new
documents does); ``same_engagement`` alone; and, measured in the same run as the baseline,
``readouts.extract`` of the same two texts. One core: BLAS and tokenizer threads are pinned to one
before numpy loads. Target: compare < 200 ms per pair.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "RAYON_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from docs_section import write_section  # noqa: E402

import readouts  # noqa: E402
from readouts.compare import EXAMPLE_PAIR, compare, same_engagement  # noqa: E402
from readouts.compare.embed import available, load_embedder  # noqa: E402
from readouts.knowledge import load_knowledge  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 200.0


def pairs_of_texts(shared: Path) -> tuple[str, list[tuple[str, str, str]]]:
    gold = shared / "corpus" / "dev" / "gold.jsonl"
    if gold.exists():
        rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
        groups: dict[str, list[dict[str, Any]]] = {}
        for g in rows:
            if g.get("pair_id"):
                groups.setdefault(g["pair_id"], []).append(g)
        out = []
        for pid, (ga, gb) in sorted(groups.items()):
            read = [(gold.parent / (g.get("file") or g["id"] + ".txt")).read_text(encoding="utf-8") for g in (ga, gb)]
            out.append((pid, read[0], read[1]))
        return f"the {len(out)} gold pairs of the dev corpus", out
    a, b = (p.read_text(encoding="utf-8") for p in EXAMPLE_PAIR)
    return "the example pair shipped in the package", [("example", a, b)]


def timed(fn: Callable[[], Any], rounds: int, before: Callable[[], None] | None = None) -> list[float]:
    out = []
    for _ in range(rounds):
        if before:
            before()
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    k = min(len(xs) - 1, max(0, round(q * (len(xs) - 1))))
    return xs[k]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--write-docs", default=None)
    a = ap.parse_args()
    where, texts = pairs_of_texts(Path(a.shared))
    kb = load_knowledge()
    readouts.extract(texts[0][1])  # load the NLP model
    recs = [(pid, readouts.extract(x), readouts.extract(y)) for pid, x, y in texts]
    rows: dict[str, list[float]] = {}
    baseline: list[float] = []
    for _pid, x, y in texts:
        baseline += timed(lambda x=x, y=y: (readouts.extract(x), readouts.extract(y)), a.rounds)
    rows["same_engagement"] = [t for _, ra, rb in recs for t in timed(lambda ra=ra, rb=rb: same_engagement(ra, rb, kb),
                                                                       a.rounds)]
    for name in available():
        emb = load_embedder(name)
        compare(recs[0][1], recs[0][2], embedder=emb, knowledge=kb)  # warm up
        rows[f"compare ({name})"] = [t for _, ra, rb in recs for t in timed(
            lambda ra=ra, rb=rb, emb=emb: compare(ra, rb, embedder=emb, knowledge=kb), a.rounds, emb.clear_cache)]
    base50 = statistics.median(baseline)
    lines = [f"Measured {dt.date.today().isoformat()} by `tools/bench_compare.py` on {where} ({a.rounds} rounds each; "
             f"one core; Python {platform.python_version()}, {platform.machine()}). Records are extracted beforehand "
             "and models loaded; the embedder's vector cache is cleared before every comparison. Baseline: "
             "`readouts.extract` of the same two texts, measured in the same run.", "",
             "| operation | p50 ms | p95 ms | p50 / baseline | target | |", "|---|---|---|---|---|---|"]
    for label, xs in rows.items():
        p50, p95 = statistics.median(xs), pct(xs, 0.95)
        tgt = f"< {TARGET_MS:.0f} ms" if label.startswith("compare") else ""
        ok = ("met" if p95 < TARGET_MS else "**below**") if tgt else ""
        lines.append(f"| {label} | {p50:.1f} | {p95:.1f} | {p50 / base50:.2f} | {tgt} | {ok} |")
    lines.append(f"| baseline: extract both texts | {base50:.1f} | {pct(baseline, 0.95):.1f} | 1.00 | | |")
    md = "\n".join(lines) + "\n"
    print(md)
    if a.write_docs:
        write_section(Path(a.write_docs), "compare-bench", md, "Comparing two readouts: speed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
