"""The differences between two readouts worth a headline, each ``{kind, detail, a, b}``.

Kinds: ``date``, ``modality``, ``participants`` (only when both state them and they differ),
``initiator`` (stated by one side only, or contradicted), ``topic`` (one per topic only one side names),
``attribution`` (A reports that B's side said something B's own readout does not have, or the two
readouts put the same words in different mouths), ``stance`` (matched statements or a shared topic with
opposite stance; tone words such as "candid" or "constructive" one readout uses and the other does not,
from knowledge/tone.yaml) and ``agreement`` (recorded by one side, found in neither the agreements nor
the statements of the other). ``a`` and ``b`` hold what each readout has: an item id ("s3", "e1.ag2")
when the difference is about an item, else the value (a date, a code, labels, names, tone words).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from ..errors import KnowledgeError
from ..model import Agreement, Difference, Engagement, Record, Statement
from .align import TopicAlignment
from .engagement import EngagementView

__all__ = ["Side", "Tone", "find_differences", "load_tone", "tone_words"]


@dataclass(frozen=True)
class Tone:
    """The tone lexicon: word groups, the words that name an engagement, and the window between them."""

    groups: dict[str, tuple[str, ...]]
    about: tuple[str, ...]
    window: int
    version: str


@functools.lru_cache(maxsize=1)
def load_tone() -> Tone:
    """Load and validate knowledge/tone.yaml."""
    where = "tone.yaml"
    try:
        data = yaml.safe_load(resources.files("readouts.knowledge").joinpath(where).read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise KnowledgeError(f"{where}: not valid YAML: {e}") from e
    if not isinstance(data, dict) or not isinstance(data.get("tones"), dict) or not data["tones"]:
        raise KnowledgeError(f"{where}: expected a mapping with a non-empty `tones` mapping")
    groups: dict[str, tuple[str, ...]] = {}
    for name, forms in data["tones"].items():
        if not isinstance(forms, list) or not forms or not all(isinstance(f, str) and f.strip() for f in forms):
            raise KnowledgeError(f"{where}: tones.{name}: expected a non-empty list of words")
        groups[str(name)] = tuple(forms)
    about = data.get("about")
    if not isinstance(about, list) or not all(isinstance(f, str) and f.strip() for f in about) or not about:
        raise KnowledgeError(f"{where}: `about` must be a non-empty list of words")
    window = data.get("window", 4)
    if not isinstance(window, int) or window < 1:
        raise KnowledgeError(f"{where}: `window` must be a positive integer")
    return Tone(groups, tuple(about), window, str(data.get("version", "")))


@functools.lru_cache(maxsize=1)
def _tone_patterns() -> tuple[re.Pattern[str], list[tuple[str, re.Pattern[str]]]]:
    tone = load_tone()
    about = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(tone.about, key=len, reverse=True))
                       + r")(?![\w-])", re.IGNORECASE)
    groups = [(name, re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
                                + r")(?![\w-])", re.IGNORECASE)) for name, forms in tone.groups.items()]
    return about, groups


def tone_words(text: str) -> list[str]:
    """The tone words (group names, in text order) a text uses about its engagement."""
    about, groups = _tone_patterns()
    window = load_tone().window
    words = [(m.start(), m.end()) for m in re.finditer(r"[^\W_]+(?:-[^\W_]+)*", text)]
    starts = {s: k for k, (s, _) in enumerate(words)}
    ends = {e: k for k, (_, e) in enumerate(words)}
    near: list[int] = []
    for m in about.finditer(text):
        if m.start() in starts:
            near.append(starts[m.start()])
    found: list[tuple[int, str]] = []
    for name, pat in groups:
        for m in pat.finditer(text):
            k = starts.get(m.start(), ends.get(m.end()))
            if k is None:
                continue
            if any(abs(k - j) <= window and not _sentence_between(text, words, k, j) for j in near):
                found.append((m.start(), name))
                break
    return [name for _, name in sorted(found)]


def _sentence_between(text: str, words: list[tuple[int, int]], k: int, j: int) -> bool:
    lo, hi = sorted((k, j))
    return bool(re.search(r"[.!?;]", text[words[lo][1]:words[hi][0]]))


# --- the two sides ----------------------------------------------------------------------------------------

@dataclass
class Side:
    """One readout as compare sees it: its engagement, the statements and agreements about it."""

    rec: Record
    view: EngagementView
    statements: list[Statement]
    agreements: list[tuple[str, Agreement]]
    publisher: str | None = None
    label: str = "A"
    covered_agreements: set[int] = field(default_factory=set)  # agreements the other side also reports

    @property
    def eng(self) -> Engagement:
        assert self.view.eng is not None
        return self.view.eng


def publishers(a: Side, b: Side) -> tuple[str | None, str | None]:
    """The publishing side of each readout: as extracted when it is one of the engagement's sides; else,
    of a two-sided engagement, the side the other readout does not speak for."""
    sides = sorted(a.view.sides | b.view.sides)

    def own(s: Side) -> str | None:
        p = (s.rec.document.model_extra or {}).get("publisher_side")
        return p if p in sides else None

    pa, pb = own(a), own(b)
    if len(sides) == 2:
        if pa is None and pb is not None:
            pa = next(x for x in sides if x != pb)
        elif pb is None and pa is not None:
            pb = next(x for x in sides if x != pa)
    return pa, pb


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _stance_of(statements: list[Statement], label: str, span: Any) -> str | None:
    """The stance a readout takes where it names a topic: the statements holding its span or its words."""
    pat = re.compile(r"(?<![\w-])" + re.escape(label) + r"(?![\w-])", re.IGNORECASE)
    votes = {"cooperative": 0, "conflictual": 0}
    for s in statements:
        inside = span is not None and s.span[0] <= span[0] and span[1] <= s.span[1]
        if (inside or pat.search(s.text)) and s.stance in votes:
            votes[s.stance] += 1
    if votes["cooperative"] == votes["conflictual"]:
        return None
    return max(votes, key=lambda k: votes[k])


def find_differences(a: Side, b: Side, matched: list[tuple[int, int, float]], topics: TopicAlignment) -> list[Difference]:
    """Every difference between the two sides (A's view first; the mirror comparison swaps a and b)."""
    out: list[Difference] = []
    ea, eb = a.eng, b.eng
    la, lb = a.label, b.label

    if ea.date and eb.date and ea.date != eb.date:
        out.append(Difference(kind="date", detail=f"dates differ: {la} {ea.date}, {lb} {eb.date}", a=ea.date, b=eb.date))
    ma, mb = a.view.modality, b.view.modality
    if ma and mb and ma != mb:
        out.append(Difference(kind="modality", detail=f"modality differs: {la} {ma.replace('_', ' ')}, "
                              f"{lb} {mb.replace('_', ' ')}", a=ma, b=mb))
    named_a = [p for p in a.view.people if p.key or p.words]
    named_b = [p for p in b.view.people if p.key or p.words]
    if named_a and named_b:
        only_a = sorted({p.label for p in named_a if not any(p.same_as(q) for q in named_b)})
        only_b = sorted({p.label for p in named_b if not any(p.same_as(q) for q in named_a)})
        if only_a or only_b:
            parts = ([f"only {la} names {', '.join(only_a)}"] if only_a else []) + \
                    ([f"only {lb} names {', '.join(only_b)}"] if only_b else [])
            out.append(Difference(kind="participants", detail="participants: " + "; ".join(parts),
                                  a=only_a or None, b=only_b or None))

    ia, ib = ea.initiator, eb.initiator
    if ia and not ib:
        out.append(Difference(kind="initiator", detail=f"only {la} states who initiated it: {ia}", a=ia, b=None))
    elif ib and not ia:
        out.append(Difference(kind="initiator", detail=f"only {lb} states who initiated it: {ib}", a=None, b=ib))
    elif ia and ib and ia != ib:
        out.append(Difference(kind="initiator", detail=f"initiator contradicted: {la} says {ia}, {lb} says {ib}",
                              a=ia, b=ib))

    for t in topics.only_a:
        out.append(Difference(kind="topic", detail=f"only {la} names {t}", a=t, b=None))
    for t in topics.only_b:
        out.append(Difference(kind="topic", detail=f"only {lb} names {t}", a=None, b=t))

    out += _attribution(a, b, matched)

    # stance of matched statements, of shared topics, and tone words
    for i, j, _ in matched:
        sa, sb = a.statements[i], b.statements[j]
        if {sa.stance, sb.stance} == {"cooperative", "conflictual"}:
            out.append(Difference(kind="stance", detail=f"the same point, opposite stance: {la} {sa.stance} "
                                  f"(“{_short(sa.text, 60)}”), {lb} {sb.stance} (“{_short(sb.text, 60)}”)",
                                  a=sa.id, b=sb.id))
    ta = {t.label: t for t in ea.topics}
    tb = {t.label: t for t in eb.topics}
    for x, y in topics.shared:
        sa_ = _stance_of(a.statements, x, ta[x].span if x in ta else None)
        sb_ = _stance_of(b.statements, y, tb[y].span if y in tb else None)
        if sa_ and sb_ and sa_ != sb_:
            out.append(Difference(kind="stance", detail=f"on {x}: {la} {sa_}, {lb} {sb_}", a=sa_, b=sb_))
    wa, wb = tone_words(a.rec.document.text), tone_words(b.rec.document.text)
    only_wa = [w for w in wa if w not in wb]
    only_wb = [w for w in wb if w not in wa]
    if only_wa or only_wb:
        parts = ([f"{la} calls it {', '.join(only_wa)}"] if only_wa else []) + \
                ([f"{lb} calls it {', '.join(only_wb)}"] if only_wb else [])
        out.append(Difference(kind="stance", detail="tone: " + "; ".join(parts), a=only_wa or None, b=only_wb or None))

    for k, (aid, ag) in enumerate(a.agreements):
        if k not in a.covered_agreements:
            out.append(Difference(kind="agreement", detail=f"only {la} records agreement: {_short(ag.text)}", a=aid, b=None))
    for k, (bid, ag) in enumerate(b.agreements):
        if k not in b.covered_agreements:
            out.append(Difference(kind="agreement", detail=f"only {lb} records agreement: {_short(ag.text)}", a=None, b=bid))
    return out


def _attribution(a: Side, b: Side, matched: list[tuple[int, int, float]]) -> list[Difference]:
    out: list[Difference] = []
    pair_of_a = {i: j for i, j, _ in matched}
    pair_of_b = {j: i for i, j, _ in matched}

    def unreported(me: Side, other: Side, mine: dict[int, int], flip: bool) -> None:
        if not other.publisher:
            return
        for i, s in enumerate(me.statements):
            if s.affiliation != other.publisher or s.speaker == "both sides":
                continue
            j = mine.get(i)
            if j is not None:
                continue
            who = f"{s.speaker} ({s.affiliation})" if s.speaker != s.affiliation else s.affiliation
            detail = f"{me.label} reports that {who} said “{_short(s.text)}”; {other.label} has no such statement"
            out.append(Difference(kind="attribution", detail=detail, a=None if flip else s.id, b=s.id if flip else None))

    unreported(a, b, pair_of_a, False)
    unreported(b, a, pair_of_b, True)
    for i, j, _ in matched:
        sa, sb = a.statements[i], b.statements[j]
        if sa.affiliation and sb.affiliation and sa.affiliation != sb.affiliation:
            out.append(Difference(kind="attribution", detail=f"the same point, different speakers: {a.label} "
                                  f"attributes it to {sa.speaker} ({sa.affiliation}), {b.label} to {sb.speaker} "
                                  f"({sb.affiliation})", a=sa.id, b=sb.id))
    return out
