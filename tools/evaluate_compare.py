"""Evaluate readouts.compare on the gold pairs of the dev corpus.

usage: python tools/evaluate_compare.py [--shared ../shared] [--write-docs docs/benchmarks.md]

- Same engagement: every dev readout is extracted once; ``same_engagement`` runs on every pair of
  documents and is scored against the gold ``pair_id`` (precision, recall, the errors by id).
- Topic asymmetry: for each gold pair, the gold topics only A names are A's gold topics with no loose
  match (the yardstick's ``fuzzy_topic``) among B's gold topics, and the reverse; the predicted ones are
  ``topics_only_a``/``topics_only_b`` of ``compare``; predicted and gold are matched loosely, one to one,
  and micro-averaged over the pairs.
- Alignment, for each embedder: matched statements/agreements per pair, the share of each side's items
  matched, and how many matched statements lie in gold content of the same speaker on both sides.
The yardstick (../shared/tools/score_readouts.py) is imported from its place, never copied.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import itertools
import json
import sys
import time
from pathlib import Path
from typing import Any

from docs_section import write_section

import readouts
from readouts.compare import compare, same_engagement
from readouts.compare.embed import available, load_embedder
from readouts.knowledge import load_knowledge

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"same_precision": 0.95, "same_recall": 0.95, "topic_asymmetry_f1": 0.6}


def yardstick(shared: Path) -> Any:
    path = shared / "tools" / "score_readouts.py"
    spec = importlib.util.spec_from_file_location("score_readouts", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the yardstick {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def match_loose(pred: list[str], gold: list[str], same: Any) -> int:
    """How many predicted labels match a gold label, one to one."""
    used: set[int] = set()
    n = 0
    for p in pred:
        for k, g in enumerate(gold):
            if k not in used and same(p, g):
                used.add(k)
                n += 1
                break
    return n


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 3), round(r, 3), round(f, 3)


def covered(text: str, golds: list[str]) -> bool:
    return any(g and (g in text or text in g) for g in golds)


def evaluate(shared: Path, corpus: Path | None = None) -> dict[str, Any]:
    ys = yardstick(shared)
    dev = corpus or shared / "corpus" / "dev"
    golds = [json.loads(line) for line in (dev / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [((dev / (g.get("file") or g["id"] + ".txt")).read_text(encoding="utf-8"), {"source": g["id"]}) for g in golds]
    t0 = time.perf_counter()
    recs = list(readouts.extract_many(items))
    extract_s = time.perf_counter() - t0
    kb = load_knowledge()
    ids = [g["id"] for g in golds]
    pair_of = {g["id"]: g.get("pair_id") for g in golds}

    # same engagement over every pair of documents
    tp, fps, fns, n = 0, [], [], 0
    t0 = time.perf_counter()
    for i, j in itertools.combinations(range(len(recs)), 2):
        n += 1
        want = pair_of[ids[i]] is not None and pair_of[ids[i]] == pair_of[ids[j]]
        got = same_engagement(recs[i], recs[j], kb)
        if got.same and want:
            tp += 1
        elif got.same:
            fps.append({"a": ids[i], "b": ids[j], "score": got.score, "reasons": got.reasons})
        elif want:
            fns.append({"a": ids[i], "b": ids[j], "score": got.score, "reasons": got.reasons})
    same_s = time.perf_counter() - t0
    n_gold = sum(1 for i, j in itertools.combinations(ids, 2) if pair_of[i] and pair_of[i] == pair_of[j])
    sp, sr, sf = prf(tp, tp + len(fps), n_gold)

    # topic asymmetry and alignment, per gold pair
    pairs: dict[str, list[int]] = {}
    for k, g in enumerate(golds):
        if g.get("pair_id"):
            pairs.setdefault(g["pair_id"], []).append(k)
    by_embedder: dict[str, Any] = {}
    topic_rows = []
    for name in available():
        emb = load_embedder(name)
        t_tp = t_pred = t_gold = 0
        align_rows = []
        for pid, (ka, kb_) in sorted(pairs.items()):
            ga, gb = golds[ka], golds[kb_]
            c = compare(recs[ka], recs[kb_], embedder=emb, knowledge=kb)
            gold_a = [t for t in ga["topics"] if not any(ys.fuzzy_topic(t, u) for u in gb["topics"])]
            gold_b = [t for t in gb["topics"] if not any(ys.fuzzy_topic(t, u) for u in ga["topics"])]
            hit = match_loose(c.topics_only_a, gold_a, ys.fuzzy_topic) + match_loose(c.topics_only_b, gold_b, ys.fuzzy_topic)
            npred = len(c.topics_only_a) + len(c.topics_only_b)
            ngold = len(gold_a) + len(gold_b)
            t_tp, t_pred, t_gold = t_tp + hit, t_pred + npred, t_gold + ngold
            if name == available()[0]:
                topic_rows.append({"pair": pid, "a": ga["id"], "b": gb["id"], "gold_only": ngold, "predicted_only": npred,
                                   "found": hit, "same": c.same_engagement})
            sts_a = {s.id: s for s in recs[ka].statements}
            sts_b = {s.id: s for s in recs[kb_].statements}
            attr_a, attr_b = ga.get("attributed_sentences") or {}, gb.get("attributed_sentences") or {}
            st_matches = [m for m in c.matched if m.kind == "statement"]
            in_gold = sum(1 for m in st_matches
                          if covered(sts_a[m.a].text, [x for xs in attr_a.values() for x in xs])
                          and covered(sts_b[m.b].text, [x for xs in attr_b.values() for x in xs]))
            n_a = len(recs[ka].statements) + sum(len(e.agreements) for e in recs[ka].engagements[:1])
            n_b = len(recs[kb_].statements) + sum(len(e.agreements) for e in recs[kb_].engagements[:1])
            align_rows.append({"pair": pid, "matched": len(c.matched), "statements": len(st_matches),
                               "agreements": len(c.matched) - len(st_matches), "items_a": n_a, "items_b": n_b,
                               "both_in_gold_speech": in_gold,
                               "mean_similarity": round(sum(m.similarity for m in c.matched) / len(c.matched), 3)
                               if c.matched else None})
        p, r, f = prf(t_tp, t_pred, t_gold)
        matched = sum(x["matched"] for x in align_rows)
        items = sum(x["items_a"] + x["items_b"] for x in align_rows)
        by_embedder[name] = {"topic_asymmetry_precision": p, "topic_asymmetry_recall": r, "topic_asymmetry_f1": f,
                             "topic_tp": t_tp, "topic_pred": t_pred, "topic_gold": t_gold,
                             "matched_items": matched, "share_of_items_matched": round(2 * matched / items, 3) if items else None,
                             "alignment": align_rows}
    best = by_embedder[available()[0]]
    return {"documents": len(recs), "document_pairs": n, "gold_pairs": n_gold, "same_tp": tp,
            "same_precision": sp, "same_recall": sr, "same_f1": sf, "false_positives": fps, "false_negatives": fns,
            "topic_asymmetry_f1": best["topic_asymmetry_f1"], "embedders": by_embedder, "topic_rows": topic_rows,
            "extract_seconds": round(extract_s, 2), "same_engagement_seconds": round(same_s, 2),
            "same_engagement_ms_per_pair": round(1000 * same_s / max(1, n), 3)}


def mark(k: str, v: Any) -> str:
    if k not in TARGETS or v is None:
        return ""
    return "met" if v >= TARGETS[k] else "**below**"


def markdown(res: dict[str, Any]) -> str:
    lines = [f"Measured {dt.date.today().isoformat()} by `tools/evaluate_compare.py` on the {res['documents']} dev "
             f"readouts (`../shared/corpus/dev`, {res['gold_pairs']} gold pairs), every record extracted once.", "",
             "| metric | value | target | |", "|---|---|---|---|"]
    for k, label in (("same_precision", "same engagement: precision"), ("same_recall", "same engagement: recall"),
                     ("topic_asymmetry_f1", f"topic asymmetry F1 ({next(iter(res['embedders']))})")):
        lines.append(f"| {label} | {res[k]} | {TARGETS[k]} | {mark(k, res[k])} |")
    lines += ["", f"Same engagement over all {res['document_pairs']} pairs of documents: {res['same_tp']} of "
              f"{res['gold_pairs']} gold pairs found, {len(res['false_positives'])} false positive(s), "
              f"{len(res['false_negatives'])} false negative(s); {res['same_engagement_ms_per_pair']} ms per pair."]
    for kind, rows in (("false positive", res["false_positives"]), ("false negative", res["false_negatives"])):
        for r in rows:
            lines.append(f"- {kind}: {r['a']} / {r['b']} (score {r['score']}): {'; '.join(r['reasons'])}")
    lines += ["", "Topic asymmetry (topics only one side names; gold: a side's gold topics with no loose match on the "
              "other side) and alignment, per embedder:", "",
              "| embedder | precision | recall | F1 | predicted | gold | found | matched items | share of items matched |",
              "|---|---|---|---|---|---|---|---|---|"]
    for name, e in res["embedders"].items():
        lines.append(f"| {name} | {e['topic_asymmetry_precision']} | {e['topic_asymmetry_recall']} | "
                     f"{e['topic_asymmetry_f1']} | {e['topic_pred']} | {e['topic_gold']} | {e['topic_tp']} | "
                     f"{e['matched_items']} | {e['share_of_items_matched']} |")
    lines += ["", "Per pair (" + next(iter(res["embedders"])) + "): matched statements and agreements, and how many "
              "matched statements lie in gold attributed speech on both sides:", "",
              "| pair | docs | same? | only-topics gold / predicted / found | matched (statements + agreements) | "
              "in gold speech | mean similarity |", "|---|---|---|---|---|---|---|"]
    first = next(iter(res["embedders"].values()))
    for t, al in zip(res["topic_rows"], first["alignment"], strict=True):
        lines.append(f"| {t['pair']} | {t['a']} / {t['b']} | {'yes' if t['same'] else 'no'} | {t['gold_only']} / "
                     f"{t['predicted_only']} / {t['found']} | {al['matched']} ({al['statements']} + {al['agreements']}) "
                     f"| {al['both_in_gold_speech']} | {al['mean_similarity'] if al['mean_similarity'] is not None else ''} |")
    return "\n".join(lines) + "\n"


def write_docs(path: Path, md: str) -> None:
    write_section(path, "compare-eval", md, "Comparing two readouts: accuracy")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--write-docs", default=None)
    ap.add_argument("--json", action="store_true", help="Print the full result as JSON.")
    ap.add_argument("--corpus", default=None, metavar="DIR",
                    help="Another folder of readouts with a gold.jsonl annotated the same way (pair_id, topics), "
                         "e.g. a held-out set; default: the dev corpus of --shared")
    a = ap.parse_args()
    shared = Path(a.shared)
    corpus = Path(a.corpus) if a.corpus else shared / "corpus" / "dev"
    if not (corpus / "gold.jsonl").exists():
        print(f"no gold.jsonl under {corpus}: nothing to evaluate", file=sys.stderr)
        return 0
    if a.corpus and a.write_docs:
        print("--write-docs describes the dev corpus: not written for --corpus", file=sys.stderr)
        a.write_docs = None
    res = evaluate(shared, corpus)
    if a.json:
        print(json.dumps(res, indent=2, ensure_ascii=False))
    else:
        for k in ("same_precision", "same_recall", "topic_asymmetry_f1"):
            m = mark(k, res[k])
            print(f"{k}: {res[k]}" + (f"  ({'ok' if m == 'met' else 'BELOW target ' + str(TARGETS[k])})" if m else ""))
        for kind in ("false_positives", "false_negatives"):
            for r in res[kind]:
                print(f"  {kind[:-1].replace('_', ' ')}: {r['a']} / {r['b']} ({r['score']})")
        for name, e in res["embedders"].items():
            print(f"{name}: topic asymmetry P {e['topic_asymmetry_precision']} R {e['topic_asymmetry_recall']} "
                  f"F1 {e['topic_asymmetry_f1']}; matched items {e['matched_items']} "
                  f"(share {e['share_of_items_matched']})")
    if a.write_docs:
        write_docs(Path(a.write_docs), markdown(res))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
