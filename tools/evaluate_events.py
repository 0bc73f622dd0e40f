"""Accuracy of the event coder (readouts.coding.Coder) against the CAMEO / PLOVER gold in ../shared/data.

usage: python tools/evaluate_events.py [--shared ../shared] [--golden tests/golden/events]
                                       [--blind tests/golden/events_blind]
                                       [--only NAME] [--json out.json] [--write-docs docs/benchmarks.md]

Datasets (NAME for --only):
  unittest-ud   PETRARCH unit tests, UniversalPetrarch labels (PETR.UnitTest.records.udpipe2.xml), fictional
                actors from the validation dictionaries; coded twice: readouts' own verbs, and the imported
                validation verbs (PETR.Validate.verbs.2.0.txt) alone
  unittest-ptb  the same tests with the older PETRARCH-2 labels (PETR.UnitTest.records.xml, PETR.Validate.verbs.txt)
  gsr           PETR2_GSR_validation.xml (real actors), default Coder
  codebook      the CAMEO codebook's example sentences (cameo-codes.csv), default Coder
  plover        the PLOVER gold-standard records (PLOVER_GSR_CAMEO.txt), default Coder
  golden        the project's held-out sentences (tests/golden/events/*.jsonl), default Coder
  blind         a second held-out set (tests/golden/events_blind/*.jsonl), written without running the
                coder and never used to tune it, default Coder

Prints a table; --json writes every number; --write-docs rewrites the section of the docs file between
``<!-- events-eval:start -->`` and ``<!-- events-eval:end -->`` (appended at the end when absent).
Exits 0 whether or not the targets are met (it is a report); non-zero only if the tool itself fails.
Only <Text> is read from the PETRARCH files, never their <Parse>. Readers and metrics: tools/gold_readers.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gold_readers import (
    Confusion,
    GoldRecord,
    Triple,
    code_match,
    exact_share,
    norm_actor,
    prf,
    read_codebook_examples,
    read_golden_events,
    read_petr_records,
    read_plover_gsr,
    read_plover_vocabulary,
    root_confusion,
    to_roots,
)

from readouts.coding import Coder

ROOT = Path(__file__).resolve().parent.parent
DOCS_START, DOCS_END = "<!-- events-eval:start -->", "<!-- events-eval:end -->"
DATASETS = ("unittest-ud", "unittest-ptb", "gsr", "codebook", "plover", "golden", "blind")
BATCH = 128  # records per code_sentences call; a batch that raises is re-coded record by record

# PETRARCH-2 on the same unit tests, given the gold parse trees (measured earlier, not by this tool)
ANCHORS = {
    "unittest-ud": {"label": "anchor: PETRARCH-2, gold UD parses", "precision": 0.675, "recall": 0.489, "f1": 0.567,
                    "exact": 0.525, "raised": None, "records": 280},
    "unittest-ptb": {"label": "anchor: PETRARCH-2, gold PTB parses", "precision": 0.547, "recall": 0.332, "f1": 0.413,
                     "exact": 0.323, "raised": 36, "records": 279},
}
TARGETS = {"unittest_f1": 0.70, "unittest_exact": 0.60, "raised": 0, "codebook_root": 0.75, "codebook_3digit": 0.50,
           "plover_category": 0.75}


# --------------------------------------------------------------------------------------------------
# running the coder
# --------------------------------------------------------------------------------------------------

@dataclass
class Coded:
    events: list[list[Any]]                      # CodedEvent objects per record ([] where the coder raised)
    raised: dict[str, str] = field(default_factory=dict)  # record id -> exception text
    seconds: float = 0.0


_CODERS: dict[tuple[Any, ...], Coder] = {}


def get_coder(actor_files: Sequence[Path] = (), agent_files: Sequence[Path] = (), verb_files: Sequence[Path] = (),
              own_actors: bool = True, own_verbs: bool = True, require_target: bool = True,
              discard_files: Sequence[Path] = ()) -> Coder:
    key = (tuple(map(str, actor_files)), tuple(map(str, agent_files)), tuple(map(str, verb_files)), own_actors, own_verbs,
           require_target, tuple(map(str, discard_files)))
    if key not in _CODERS:
        _CODERS[key] = Coder(actor_files=[str(p) for p in actor_files], agent_files=[str(p) for p in agent_files],
                             verb_files=[str(p) for p in verb_files], own_actors=own_actors, own_verbs=own_verbs,
                             require_target=require_target, discard_files=[str(p) for p in discard_files])
    return _CODERS[key]


def get_untargeted_coder() -> Coder:
    """The classification sets score the event type alone: events whose target the sentence leaves
    unnamed count there (``Coder(require_target=False)``, ``readouts code --untargeted``)."""
    return get_coder(require_target=False)


def run_coder(make: Callable[[], Coder], ids: Sequence[str], texts: Sequence[str],
              dates: Sequence[dt.date | None]) -> Coded:
    """Code the texts in batches through ``code_sentences``; where a batch raises (or answers with the
    wrong number of lists), code its records one at a time and record which raise. A coder that cannot
    be built counts as raising on every record."""
    out = Coded(events=[])
    t0 = time.perf_counter()
    try:
        coder = make()
    except Exception as e:
        msg = f"building the coder: {type(e).__name__}: {e}"[:300]
        return Coded(events=[[] for _ in texts], raised=dict.fromkeys(ids, msg), seconds=time.perf_counter() - t0)
    for i in range(0, len(texts), BATCH):
        chunk_t, chunk_d, chunk_i = list(texts[i:i + BATCH]), list(dates[i:i + BATCH]), ids[i:i + BATCH]
        try:
            got = coder.code_sentences(chunk_t, chunk_d)
            if len(got) != len(chunk_t):
                raise ValueError(f"code_sentences returned {len(got)} lists for {len(chunk_t)} texts")
            out.events.extend(list(evs) for evs in got)
            continue
        except Exception:  # the coder must not raise: find the records that make it
            pass
        for rid, text, day in zip(chunk_i, chunk_t, chunk_d, strict=True):
            try:
                got = coder.code_sentences([text], [day])
                out.events.append(list(got[0]) if got else [])
            except Exception as e:
                out.raised[rid] = f"{type(e).__name__}: {e}"[:300]
                out.events.append([])
    out.seconds = time.perf_counter() - t0
    return out


def triples(events: Sequence[Any]) -> list[Triple]:
    return [(norm_actor(e.source_cameo), norm_actor(e.target_cameo), str(e.cameo).strip()) for e in events]


# --------------------------------------------------------------------------------------------------
# datasets
# --------------------------------------------------------------------------------------------------

def score_triple_run(records: Sequence[GoldRecord], coded: Coded, confusion: bool) -> dict[str, Any]:
    pred = [triples(evs) for evs in coded.events]
    pairs = [(r.events, p) for r, p in zip(records, pred, strict=True)]
    root_pairs = [(to_roots(g), to_roots(p)) for g, p in pairs]
    res: dict[str, Any] = {
        "records": len(records), "raised": len(coded.raised), "raised_ids": sorted(coded.raised),
        "raised_messages": dict(sorted(coded.raised.items())), "seconds": round(coded.seconds, 2),
        "triple": prf(pairs).as_dict(), "exact": _r(exact_share(pairs)),
        "root": prf(root_pairs).as_dict(), "exact_root": _r(exact_share(root_pairs)),
        "noevents_false_positive": sum(1 for g, p in pairs if not g and p),
    }
    keep = [pair for r, pair in zip(records, pairs, strict=True) if r.error is None]
    if len(keep) < len(pairs):  # the figures without the records whose gold is a PETRARCH error/discard
        res["without_error_records"] = {"records": len(keep), "triple": prf(keep).as_dict(), "exact": _r(exact_share(keep))}
    if confusion:
        res["confusion"] = _conf_dict(root_confusion(pairs))
    return res


def _conf_dict(c: Confusion) -> dict[str, Any]:
    return {"rows": c.rows(), **c.as_dict()}


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _rel(p: Path) -> str:
    try:
        return str(p.resolve().relative_to(ROOT))
    except ValueError:
        return str(p)


def _gold_summary(records: Sequence[GoldRecord]) -> dict[str, Any]:
    return {"records": len(records), "gold_events": sum(len(r.events) for r in records),
            "noevents_records": sum(1 for r in records if r.noevents),
            "error_records": sum(1 for r in records if r.error is not None),
            "error_kinds": dict(Counter(r.error for r in records if r.error is not None))}


def eval_unittests(name: str, shared: Path) -> dict[str, Any]:
    base = shared / "data" / "petrarch-validation"
    dic = base / "dictionaries"
    if name == "unittest-ud":
        path, verbs = base / "PETR.UnitTest.records.udpipe2.xml", dic / "PETR.Validate.verbs.2.0.txt"
    else:
        path, verbs = base / "PETR.UnitTest.records.xml", dic / "PETR.Validate.verbs.txt"
    every = read_petr_records(path, sentences_only=False)
    records = [r for r in every if r.attrs.get("sentence", "true").lower() == "true"]
    actors, agents = [dic / "PETR.Validate.actors.txt"], [dic / "PETR.Validate.agents.txt"]
    discards = [dic / "PETR.Validate.discards.txt"]
    runs: dict[str, Callable[[], Coder]] = {
        "own verbs": lambda: get_coder(actors, agents, own_actors=False, own_verbs=True, discard_files=discards),
        f"validation verbs ({verbs.name})": lambda: get_coder(actors, agents, [verbs], own_actors=False,
                                                             own_verbs=False, discard_files=discards),
    }
    res: dict[str, Any] = {"file": str(path.relative_to(shared)), "sentences_in_file": len(every),
                           "sentence_true": len(records), **_gold_summary(records), "runs": {},
                           "anchor": ANCHORS[name]}
    ids, texts, dates = [r.id for r in records], [r.text for r in records], [r.date for r in records]
    for label, make in runs.items():
        coded = run_coder(make, ids, texts, dates)
        res["runs"][label] = score_triple_run(records, coded, confusion=(name == "unittest-ud" and label == "own verbs"))
    return res


def eval_gsr(shared: Path) -> dict[str, Any]:
    path = shared / "data" / "petrarch-validation" / "PETR2_GSR_validation.xml"
    every = read_petr_records(path)
    records = [r for r in every if r.text]
    coded = run_coder(get_coder, [r.id for r in records], [r.text for r in records], [r.date for r in records])
    return {"file": str(path.relative_to(shared)), "sentences_in_file": len(every),
            "skipped_no_text": [r.id for r in every if not r.text],
            "no_date": [r.id for r in records if r.date is None], **_gold_summary(records),
            "runs": {"defaults": score_triple_run(records, coded, confusion=False)}}


def eval_golden(folder: Path) -> dict[str, Any]:
    if not folder.is_dir() or not any(folder.glob("*.jsonl")):
        return {"skipped": f"{_rel(folder)} is absent or has no .jsonl file"}
    records = read_golden_events(folder)
    coded = run_coder(get_coder, [r.id for r in records], [r.text for r in records], [r.date for r in records])
    files = sorted({r.attrs["file"] for r in records})
    runs = {"defaults": score_triple_run(records, coded, confusion=True)}
    if len(files) > 1:  # the same predictions scored file by file
        for name in files:
            idx = [i for i, r in enumerate(records) if r.attrs["file"] == name]
            sub = Coded(events=[coded.events[i] for i in idx],
                        raised={records[i].id: coded.raised[records[i].id] for i in idx if records[i].id in coded.raised})
            runs[f"defaults, {name}"] = {**score_triple_run([records[i] for i in idx], sub, confusion=False),
                                         "subset": True, "seconds": 0.0}
    return {"folder": _rel(folder), "files": files, **_gold_summary(records), "runs": runs}


def eval_codebook(shared: Path) -> dict[str, Any]:
    path = shared / "data" / "cameo-codebook" / "cameo-codes.csv"
    exs = read_codebook_examples(path)
    coded = run_coder(get_untargeted_coder, [e.code for e in exs], [e.text for e in exs], [None] * len(exs))
    dyadic = run_coder(get_coder, [e.code for e in exs], [e.text for e in exs], [None] * len(exs))
    n = len(exs)
    ok2 = ok3 = 0
    misses = []
    for e, evs in zip(exs, coded.events, strict=True):
        codes = [str(ev.cameo) for ev in evs]
        r2, r3 = code_match(e.code, codes, 2), code_match(e.code, codes, 3)
        ok2 += r2
        ok3 += r3
        if not r2:
            misses.append({"code": e.code, "predicted": codes, "text": e.text[:120]})
    gold_pred = [([(norm_actor(None), norm_actor(None), e.code)], triples(evs)) for e, evs in zip(exs, coded.events, strict=True)]
    conf = root_confusion(gold_pred)
    return {"file": str(path.relative_to(shared)), "records": n, "raised": len(coded.raised),
            "raised_ids": sorted(coded.raised), "raised_messages": dict(sorted(coded.raised.items())),
            "seconds": round(coded.seconds, 2), "with_note_removed": sum(e.had_note for e in exs),
            "unrepaired_text": sum(e.unrepaired for e in exs), "no_event": sum(1 for evs in coded.events if not evs),
            "root_acc": _r(ok2 / n if n else None), "code3_acc": _r(ok3 / n if n else None),
            "root_correct": ok2, "code3_correct": ok3, "confusion": _conf_dict(conf), "root_misses": misses,
            "root_acc_dyadic": _r(sum(code_match(e.code, [str(ev.cameo) for ev in evs], 2)
                                      for e, evs in zip(exs, dyadic.events, strict=True)) / n if n else None)}


def eval_plover(shared: Path) -> dict[str, Any]:
    base = shared / "data" / "plover-gsr"
    recs = read_plover_gsr(base / "PLOVER_GSR_CAMEO.txt")
    vocab = read_plover_vocabulary(base / "CAMEO2PLOVER-2021.txt")
    # every record's date is the placeholder 2000-01-01, so no date is given to the coder
    coded = run_coder(get_untargeted_coder, [r.id for r in recs], [r.text for r in recs], [None] * len(recs))
    dyadic = run_coder(get_coder, [r.id for r in recs], [r.text for r in recs], [None] * len(recs))
    per: dict[str, Counter[str]] = {}
    ok = ok_vocab = n_vocab = 0
    mode_n = mode_ok = 0
    modes: list[dict[str, Any]] = []
    for r, evs in zip(recs, coded.events, strict=True):
        got = [e.plover for e in evs]
        right = r.event in got
        ok += right
        c = per.setdefault(r.event, Counter())
        c["n"] += 1
        c["correct"] += right
        if r.event in vocab:
            n_vocab += 1
            ok_vocab += right
        if r.event == "CONSULT" and r.mode:
            mode_n += 1
            hit = any(e.plover == "CONSULT" and e.plover_mode == r.mode for e in evs)
            mode_ok += hit
            modes.append({"id": r.id, "gold": r.mode, "predicted": [(e.plover, e.plover_mode) for e in evs], "right": hit})
    n = len(recs)
    return {"file": str((base / "PLOVER_GSR_CAMEO.txt").relative_to(shared)), "records": n, "raised": len(coded.raised),
            "raised_ids": sorted(coded.raised), "raised_messages": dict(sorted(coded.raised.items())),
            "seconds": round(coded.seconds, 2), "demand_mapped": sum(1 for r in recs if r.event_raw != r.event),
            "category_acc": _r(ok / n if n else None), "category_correct": ok,
            "category_acc_2021_labels": _r(ok_vocab / n_vocab if n_vocab else None), "records_2021_labels": n_vocab,
            "labels_not_in_2021": sorted({r.event for r in recs} - vocab),
            "per_category": {k: dict(v) for k, v in sorted(per.items())},
            "consult_mode_acc": _r(mode_ok / mode_n if mode_n else None), "consult_mode_n": mode_n,
            "consult_mode_correct": mode_ok, "consult_modes": modes,
            "category_acc_dyadic": _r(sum(r.event in [e.plover for e in evs]
                                          for r, evs in zip(recs, dyadic.events, strict=True)) / n if n else None)}


# --------------------------------------------------------------------------------------------------
# reporting
# --------------------------------------------------------------------------------------------------

def f3(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f} %"


def met(value: float | None, target: float, lower_is_better: bool = False) -> str:
    if value is None:
        return "—"
    ok = value <= target if lower_is_better else value >= target
    return "met" if ok else "**below**"


TRIPLE_SETS = {"unittest-ud": "PETR unit tests, UD labels", "unittest-ptb": "PETR unit tests, older PTB labels",
               "gsr": "PETR2 GSR (real actors)", "golden": "held-out golden sentences",
               "blind": "held-out set 2, written blind"}


def triple_rows(ds: dict[str, Any]) -> list[list[str]]:
    """One row per run of a triple-scored set: set, run, records, P, R, F1, exact, root P/R/F1, raised, targets."""
    rows = []
    for name, title in TRIPLE_SETS.items():
        d = ds.get(name)
        if not d or "runs" not in d:
            continue
        for label, r in d["runs"].items():
            t, ro = r["triple"], r["root"]
            status = [f"raised {met(r['raised'], TARGETS['raised'], lower_is_better=True)}"]
            if name == "unittest-ud":
                status[:0] = [f"F1 {met(t['f1'], TARGETS['unittest_f1'])}", f"exact {met(r['exact'], TARGETS['unittest_exact'])}"]
            raised = f"{r['raised']}/{r['records']}"
            rows.append([title, label, str(r["records"]), f3(t["precision"]), f3(t["recall"]), f3(t["f1"]),
                         pct(r["exact"]), f3(ro["precision"]), f3(ro["recall"]), f3(ro["f1"]), raised, ", ".join(status)])
        a = d.get("anchor")
        if a:
            raised = "—" if a["raised"] is None else f"{a['raised']}/{a['records']}"
            rows.append([title, a["label"], str(a["records"]), f3(a["precision"]), f3(a["recall"]), f3(a["f1"]),
                         pct(a["exact"]), "", "", "", raised, ""])
    return rows


TRIPLE_HEAD = ["set", "run", "records", "P", "R", "F1", "exact", "root P", "root R", "root F1", "raised", "targets"]


def class_rows(ds: dict[str, Any]) -> list[list[str]]:
    rows = []
    c = ds.get("codebook")
    if c:
        rows.append(["CAMEO codebook examples", "root accuracy", f"{c['root_correct']}/{c['records']}", f3(c["root_acc"]),
                     f"≥ {TARGETS['codebook_root']:.2f}", met(c["root_acc"], TARGETS["codebook_root"])])
        rows.append(["CAMEO codebook examples", "3-digit accuracy", f"{c['code3_correct']}/{c['records']}",
                     f3(c["code3_acc"]), f"≥ {TARGETS['codebook_3digit']:.2f}", met(c["code3_acc"], TARGETS["codebook_3digit"])])
        rows.append(["CAMEO codebook examples", "root accuracy, dyadic events only (default Coder)", "",
                     f3(c["root_acc_dyadic"]), "", ""])
        rows.append(["CAMEO codebook examples", "raised", f"{c['raised']}/{c['records']}", "", "0",
                     met(c["raised"], 0, lower_is_better=True)])
    p = ds.get("plover")
    if p:
        rows.append(["PLOVER GSR", "category accuracy", f"{p['category_correct']}/{p['records']}", f3(p["category_acc"]),
                     f"≥ {TARGETS['plover_category']:.2f}", met(p["category_acc"], TARGETS["plover_category"])])
        rows.append(["PLOVER GSR", "category accuracy, dyadic events only (default Coder)", "",
                     f3(p["category_acc_dyadic"]), "", ""])
        rows.append(["PLOVER GSR", "CONSULT mode accuracy", f"{p['consult_mode_correct']}/{p['consult_mode_n']}",
                     f3(p["consult_mode_acc"]), "", ""])
        rows.append(["PLOVER GSR", "raised", f"{p['raised']}/{p['records']}", "", "0", met(p["raised"], 0, lower_is_better=True)])
    return rows


CLASS_HEAD = ["set", "metric", "n", "value", "target", ""]


def confusion_lines(conf: dict[str, Any], spurious: bool) -> list[str]:
    lines = []
    for row in conf["rows"]:
        wrong = ", ".join(f"{p}×{k}" for p, k in row["confusions"])
        lines.append((f"{row['gold']}  n={row['n']:<3} ok={row['correct']:<3}" + (f" → {wrong}" if wrong else "")).rstrip())
    if spurious and conf["spurious"]:
        sp = ", ".join(f"{k}×{v}" for k, v in sorted(conf["spurious"].items(), key=lambda kv: (-kv[1], kv[0])))
        lines.append(f"spurious (predicted, no gold left): {sp}")
    return lines


def confusion_blocks(ds: dict[str, Any]) -> list[tuple[str, list[str]]]:
    out = []
    ud = ds.get("unittest-ud", {}).get("runs", {}).get("own verbs")
    if ud and "confusion" in ud:
        out.append(("PETR unit tests, UD labels, own verbs", confusion_lines(ud["confusion"], True)))
    cb = ds.get("codebook")
    if cb:
        out.append(("CAMEO codebook examples", confusion_lines(cb["confusion"], False)))
    for key in ("golden", "blind"):
        go = ds.get(key, {}).get("runs", {}).get("defaults")
        if go and "confusion" in go:
            out.append((TRIPLE_SETS[key], confusion_lines(go["confusion"], True)))
    return out


def text_table(head: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(head)]
    line = "  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(out)


def md_table(head: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def notes(ds: dict[str, Any]) -> list[str]:
    """Counts that qualify the figures (records skipped, error records kept, labels remapped...)."""
    out = []
    for name in ("unittest-ud", "unittest-ptb"):
        d = ds.get(name)
        if d:
            out.append(f"{TRIPLE_SETS[name]}: {d['sentence_true']} of {d['sentences_in_file']} records have "
                       f'sentence="true"; {d["gold_events"]} gold events, {d["noevents_records"]} noevents records, '
                       f"{d['error_records']} records with an error= coding kept as expecting no event "
                       f"({', '.join(f'{k} {v}' for k, v in sorted(d['error_kinds'].items()))}); without them: "
                       + "; ".join(f"{label} F1 {f3(r['without_error_records']['triple']['f1'])}, exact "
                                   f"{pct(r['without_error_records']['exact'])}"
                                   for label, r in d["runs"].items() if "without_error_records" in r) + ".")
    g = ds.get("gsr")
    if g:
        out.append(f"{TRIPLE_SETS['gsr']}: {g['records']} of {g['sentences_in_file']} records have text "
                   f"(skipped: {', '.join(g['skipped_no_text']) or 'none'}); {g['gold_events']} gold events, "
                   f"{g['noevents_records']} noevents records; coded without a date (date attribute not YYYYMMDD): "
                   f"{', '.join(g['no_date']) or 'none'}.")
    c = ds.get("codebook")
    if c:
        out.append(f"CAMEO codebook: {c['records']} examples; the coders' trailing 'Note: …' removed from "
                   f"{c['with_note_removed']}; {c['unrepaired_text']} with a garbled run left unrepaired; "
                   f"{c['no_event']} examples got no event at all.")
    p = ds.get("plover")
    if p:
        pc = ", ".join(f"{k} {v.get('correct', 0)}/{v['n']}" for k, v in p["per_category"].items())
        out.append(f"PLOVER GSR: {p['records']} events, PLOVER 0.5b1 labels read as PLOVER-2021 (DEMAND→REQUEST, "
                   f"DISAPPROVE/INVESTIGATE→ACCUSE, FIGHT→ASSAULT) on {p['demand_mapped']}; labels "
                   f"absent from PLOVER-2021: {', '.join(p['labels_not_in_2021']) or 'none'}. Per category: {pc}.")
    for key, title in (("golden", "Held-out golden sentences"), ("blind", "Held-out set 2")):
        go = ds.get(key)
        if go and "skipped" in go:
            out.append(f"{title}: skipped ({go['skipped']}).")
        elif go:
            out.append(f"{title}: {go['records']} sentences in {len(go['files'])} file(s), "
                       f"{go['gold_events']} gold events, {go['noevents_records']} with no event"
                       + (" (written without running the coder, and never used to tune it)."
                          if key == "blind" else "."))
    return out


METHOD = """\
**Method.** From the PETRARCH files only the `<Text>` of each `<Sentence>` block is read (never `<Parse>`;
the files are not well-formed XML, so each block is read with regular expressions, comments dropped,
`&quot;`/`&amp;` unescaped, whitespace collapsed) with its `date` (YYYYMMDD); gold is the block's `<EventCoding>`
triples, and `noevents="True"` or an `error=` coding means no event is expected (such records are kept, though
two `bad_input_parse` records repeat DEMO_00's text, only their parse being broken, and the four discards test
PETRARCH's discard dictionary, which the coder is given with the validation actors and agents
(`PETR.Validate.discards.txt`, `discard_files=`); the notes give the figures without these records). The unit
tests use fictional actors, so they are coded with the validation actor and agent dictionaries and without
readouts' own actors (`own_actors=False`), once with readouts' own verbs and once with only the imported
validation verbs; the triple-scored sets use `Coder()` as shipped; the two classification sets (codebook,
PLOVER), which score the event type alone, use `Coder(require_target=False)` (`readouts code --untargeted`),
so that an event whose target the sentence leaves unnamed ("NATO declined to comment") counts; the figure
with the default, dyadic-only coder is given beside them. A missing target and PETRARCH's `---` are the
same. **Triple P/R/F1** are micro-averaged over events: within a sentence, predicted and gold
(source, target, code) triples are matched as multisets, codes compared exactly as written. **Root P/R/F1**
do the same on (source, target, first two digits). **Exact** is the share of sentences whose predicted set
of triples equals the gold set (a sentence expecting no event is right only if nothing is predicted).
**Raised** counts sentences on which the coder raised an exception (batches of 128 are re-coded one by one
to find them; such a sentence counts as predicting nothing). **Codebook**: each of the 277 examples is
coded without a date, the trailing coders' notes removed and the double-encoded quotes repaired; it is
right at root level if any predicted event has the root of the example's code, and at 3-digit level if any
predicted code starts with the gold code's first three digits (for a 2-digit gold code, the root). Actors
are not scored there (the examples carry none). **PLOVER**: gold labels of PLOVER 0.5b1 are read as PLOVER-2021 (DEMAND→REQUEST, DISAPPROVE and INVESTIGATE→ACCUSE, FIGHT→ASSAULT, as CAMEO2PLOVER-2021 maps their CAMEO codes); a record is
right if any predicted event's PLOVER category is the gold `event`; CONSULT mode accuracy is over gold
CONSULT records with a mode, right if a predicted CONSULT event has that mode (PLOVER-2021 maps 043 to
`visit`, the GSR says `host` for three records); the GSR's date is a placeholder, so none is given.
**Confusion**: per sentence, gold and predicted events are aligned on root alone (actors aside): a gold
event whose root is predicted is correct; a remaining gold event takes a remaining prediction with the
same actors, else the first left, else `none`; predictions left over are `spurious`."""


def render_docs(results: dict[str, Any]) -> str:
    meas = results["measured"]
    parts = [
        DOCS_START,
        "## Event coding (CAMEO, PLOVER)",
        "",
        f"Measured {meas['date']} by `make eval` (`tools/evaluate_events.py`, coder `readouts.coding.Coder`): "
        f"{meas['sentences_coded']} sentences coded in {meas['coding_seconds']:.1f} s ({meas['seconds']:.1f} s in all, "
        "building the coders and loading the model included; one process).",
        "",
        "Triple-scored sets (targets for the UD unit tests: F1 ≥ 0.70, exact ≥ 60 %; everywhere: nothing raised):",
        "",
        md_table(TRIPLE_HEAD, triple_rows(results["datasets"])),
        "",
        "Classification sets:",
        "",
        md_table(CLASS_HEAD, class_rows(results["datasets"])),
        "",
    ]
    for line in notes(results["datasets"]):
        parts.append(f"* {line}")
    parts.append("")
    blocks = confusion_blocks(results["datasets"])
    if blocks:
        parts.append("Per-root confusion, one line per gold root: its gold events (n), those whose root was predicted "
                     "(ok), then the most frequent wrong predicted roots (`none`: nothing left to predict it):")
        parts.append("")
        for title, lines in blocks:
            parts.append(f"*{title}*")
            parts.append("")
            parts.append("```")
            parts.extend(lines)
            parts.append("```")
            parts.append("")
    parts.append(METHOD)
    parts.append(DOCS_END)
    return "\n".join(parts)


def write_docs(path: Path, section: str) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    i, j = text.find(DOCS_START), text.find(DOCS_END)
    if i >= 0 and j > i:
        text = text[:i] + section + text[j + len(DOCS_END):]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


def print_report(results: dict[str, Any]) -> None:
    meas = results["measured"]
    print(f"Event coding accuracy — {meas['date']}: {meas['sentences_coded']} sentences coded in "
          f"{meas['coding_seconds']:.1f} s ({meas['seconds']:.1f} s in all)\n")
    rows = triple_rows(results["datasets"])
    if rows:
        print(text_table(TRIPLE_HEAD, rows))
        print()
    rows = class_rows(results["datasets"])
    if rows:
        print(text_table(CLASS_HEAD, rows))
        print()
    for line in notes(results["datasets"]):
        print(f"- {line}")
    for title, lines in confusion_blocks(results["datasets"]):
        print(f"\nper-root confusion — {title}:")
        for line in lines:
            print("  " + line)
    raised = []
    for name, d in results["datasets"].items():
        for label, r in d.get("runs", {"": d}).items():
            msgs = Counter(r.get("raised_messages", {}).values())
            for msg, k in msgs.most_common(5):
                first = next(i for i, m in r["raised_messages"].items() if m == msg)
                raised.append(f"{name} {label}".strip() + f": {k}× {msg} (first: {first})")
    if raised:
        print("\nthe coder raised:")
        for line in raised[:20]:
            print("  " + line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder (with data/)")
    ap.add_argument("--golden", type=Path, default=ROOT / "tests" / "golden" / "events",
                    help="folder of the held-out *.jsonl event gold")
    ap.add_argument("--blind", type=Path, default=ROOT / "tests" / "golden" / "events_blind",
                    help="folder of the second held-out set (written blind to the coder's output)")
    ap.add_argument("--only", choices=DATASETS, help="run one dataset")
    ap.add_argument("--json", type=Path, help="write every number to this JSON file")
    ap.add_argument("--write-docs", type=Path, help="rewrite the events-eval section of this Markdown file")
    args = ap.parse_args(argv)

    runners: dict[str, Callable[[], dict[str, Any]]] = {
        "unittest-ud": lambda: eval_unittests("unittest-ud", args.shared),
        "unittest-ptb": lambda: eval_unittests("unittest-ptb", args.shared),
        "gsr": lambda: eval_gsr(args.shared),
        "codebook": lambda: eval_codebook(args.shared),
        "plover": lambda: eval_plover(args.shared),
        "golden": lambda: eval_golden(args.golden),
        "blind": lambda: eval_golden(args.blind),
    }
    names = [args.only] if args.only else list(DATASETS)
    if any(n not in ("golden", "blind") for n in names) and not (args.shared / "data").is_dir():
        print(f"error: no data folder under {args.shared}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    datasets: dict[str, Any] = {}
    for n in names:
        datasets[n] = runners[n]()
    secs = time.perf_counter() - t0
    coded = sum(r["records"] for d in datasets.values() for r in d.get("runs", {}).values() if not r.get("subset"))
    coded += sum(datasets[n]["records"] for n in ("codebook", "plover") if n in datasets)
    coding = sum(r["seconds"] for d in datasets.values() for r in d.get("runs", {}).values())
    coding += sum(datasets[n]["seconds"] for n in ("codebook", "plover") if n in datasets)
    results: dict[str, Any] = {
        "measured": {"date": dt.date.today().isoformat(), "seconds": round(secs, 2), "coding_seconds": round(coding, 2),
                     "sentences_coded": coded},
        "targets": TARGETS, "datasets": datasets,
    }
    print_report(results)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1,
                                        ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    if args.write_docs:
        write_docs(args.write_docs, render_docs(results))
        print(f"\nwrote the events-eval section of {args.write_docs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
