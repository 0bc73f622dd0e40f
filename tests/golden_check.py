"""Compare a record with a golden case's expectations; returns the list of differences."""

from __future__ import annotations

import re
import unicodedata


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "").lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def same_person(a: str | None, b: str | None) -> bool:
    x, y = norm(a).split(), norm(b).split()
    return bool(x) and bool(y) and (x == y or x[-1] == y[-1])


def compare(case: dict, rec: dict) -> list[str]:
    exp = case.get("expect", {})
    text = case["text"]
    out: list[str] = []
    engs = rec["engagements"]
    if "n_engagements" in exp and len(engs) != exp["n_engagements"]:
        out.append(f"{len(engs)} engagements, expected {exp['n_engagements']}")
    for k, want in enumerate(exp.get("engagements", [])):
        if k >= len(engs):
            out.append(f"engagement {k + 1} missing")
            continue
        got = engs[k]
        for f in ("type", "modality", "date", "initiator"):
            if f in want and got.get(f) != want[f]:
                out.append(f"e{k + 1}.{f}: {got.get(f)!r} != {want[f]!r}")
        if "location" in want:
            g, w = norm(got.get("location")), norm(want["location"])
            if (w and not (g and (w in g or g in w))) or (not w and g):
                out.append(f"e{k + 1}.location: {got.get('location')!r} != {want['location']!r}")
        for p in want.get("participants", []):
            match = None
            for q in got["participants"]:
                if p.get("name") and same_person(q.get("name"), p["name"]) or not p.get("name") and not q.get("name") and q.get("affiliation") == p.get("affiliation"):
                    match = q
            if match is None:
                out.append(f"e{k + 1}: participant {p.get('name') or p.get('title')} missing")
                continue
            if "affiliation" in p and match.get("affiliation") != p["affiliation"]:
                out.append(f"e{k + 1}: {p.get('name')} side {match.get('affiliation')!r} != {p['affiliation']!r}")
            if p.get("title") and norm(p["title"]) not in norm(match.get("title")) and norm(match.get("title")) not in norm(p["title"]):
                out.append(f"e{k + 1}: {p.get('name')} title {match.get('title')!r} != {p['title']!r}")
            if p.get("name") and match.get("name") and norm(match["name"]) != norm(p["name"]):
                out.append(f"e{k + 1}: name {match.get('name')!r} != {p['name']!r}")
        if "participants" in want and len(got["participants"]) != len(want["participants"]):
            out.append(f"e{k + 1}: {len(got['participants'])} participants, expected {len(want['participants'])}")
    persons = [s for s in rec["statements"] if s["speaker"] != "both sides"]
    for who, sents in exp.get("statements", {}).items():
        for x in sents:
            i = text.index(x)
            if not any(same_person(s["speaker"], who) and s["span"][0] <= i + 2 and s["span"][1] >= i + len(x) - 2
                       for s in persons):
                out.append(f"not attributed to {who}: {x[:50]}")
    for x in exp.get("not_attributed", []):
        i = text.index(x)
        for s in persons:
            if s["span"][0] < i + len(x) and i < s["span"][1]:
                out.append(f"wrongly attributed to {s['speaker']}: {x[:50]}")
    for x, stance in exp.get("stances", {}).items():
        i = text.index(x)
        if not any(s["span"][0] <= i + 2 and s["span"][1] >= i + len(x) - 2 and s["stance"] == stance
                   for s in rec["statements"]):
            out.append(f"stance {stance} not given to: {x[:50]}")
    labels = [norm(t.get(k)) for e in engs for t in e["topics"] for k in ("label", "topic") if t.get(k)]
    for t in exp.get("topics", []):
        if not any(norm(t) in lab or lab in norm(t) for lab in labels if lab):
            out.append(f"topic missing: {t}")
    agreed = [norm(a["text"]) for e in engs for a in e["agreements"]]
    for a in exp.get("agreements", []):
        words = [w for w in norm(a).split() if len(w) > 3]
        if not any(sum(w in g for w in words) >= 0.6 * len(words) for g in agreed):
            out.append(f"agreement missing: {a}")
    for ev in exp.get("events", []):
        if not any(x["source"] == ev["source"] and x["target"] == ev["target"] and x["cameo"][:2] == ev["cameo_root"]
                   for x in rec["events"]):
            out.append(f"event missing: {ev}")
    return out
