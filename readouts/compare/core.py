"""``compare(a, b)``: the primary engagement of each record, aligned, with what only one side reported."""

from __future__ import annotations

from typing import Any

from ..knowledge import Knowledge, load_knowledge
from ..model import ComparedDocument, Comparison, MatchedItem, Record
from .align import DEFAULT_THRESHOLDS, align_topics, assign, similarity_matrix
from .differences import Side, find_differences, publishers
from .engagement import judge, view

__all__ = ["compare"]

_ADDRESS = frozenset({"mr", "ms", "mrs", "dr", "foreign", "state"})


def _threshold(embedder: Any) -> float:
    return DEFAULT_THRESHOLDS.get(getattr(embedder, "name", ""), DEFAULT_THRESHOLDS[""])


def _side(rec: Record, kb: Knowledge, label: str) -> Side:
    v = view(rec, kb)
    e = v.eng
    if e is None:
        return Side(rec, v, [], [], label=label)
    statements = [s for s in rec.statements if s.engagement in (e.id, None)]
    agreements = [(f"{e.id}.ag{k}", ag) for k, ag in enumerate(e.agreements, start=1)]
    return Side(rec, v, statements, agreements, label=label)


def _holders(s: Side) -> list[str]:
    """The text to embed for each agreement: the statement that holds it and says little more ("The two
    sides agreed to X."), already embedded with the statements; else the agreement's own words."""
    out = []
    for _, ag in s.agreements:
        held = next((st.text for st in s.statements if st.span[0] <= ag.span[0] and ag.span[1] <= st.span[1]
                     and len(ag.text) >= 0.6 * len(st.text)), None)
        out.append(held or ag.text)
    return out


def _doc(s: Side) -> ComparedDocument:
    d = s.rec.document
    return ComparedDocument(id=d.id, source=d.source, publisher_side=s.publisher,
                            engagement=s.view.eng.id if s.view.eng else None)


def compare(rec_a: Record, rec_b: Record, embedder: Any = None, knowledge: Knowledge | None = None) -> Comparison:
    """Compare two readouts: same engagement?, matched statements and agreements, what only each side
    reported, topics only each names, and the differences. ``embedder`` None = the best available."""
    if embedder is None:
        from .embed import load_embedder

        embedder = load_embedder()
    kb = knowledge or load_knowledge()
    a, b = _side(rec_a, kb, "A"), _side(rec_b, kb, "B")
    verdict = judge(a.view, b.view)
    a.publisher, b.publisher = publishers(a, b) if a.view.eng and b.view.eng else (None, None)
    a.label = f"the {a.publisher} readout" if a.publisher and a.publisher != b.publisher else "A"
    b.label = f"the {b.publisher} readout" if b.publisher and a.publisher != b.publisher else "B"
    result = Comparison(same_engagement=verdict.same, score=verdict.score, reasons=verdict.reasons, a=_doc(a),
                        b=_doc(b), embedder=str(getattr(embedder, "name", "custom")))
    if a.view.eng is None or b.view.eng is None:
        result.only_a = [s.id for s in a.statements]
        result.only_b = [s.id for s in b.statements]
        return result
    threshold = _threshold(embedder)
    st_a, st_b = [s.text for s in a.statements], [s.text for s in b.statements]
    ag_a, ag_b = [g.text for _, g in a.agreements], [g.text for _, g in b.agreements]
    em_a, em_b = _holders(a), _holders(b)
    # one embedding pass over every text of both sides (the embedder caches vectors by text)
    embedder.encode(list(dict.fromkeys(st_a + st_b + em_a + em_b)))
    drop = frozenset(w for s in (a, b) for p in s.view.people for w in p.words) | _ADDRESS | frozenset(kb.title_heads)
    # one pool per side, statements then agreements: a statement of one side may report what the other
    # records as an agreement ("They discussed next steps to reduce the flow of illicit drugs" / "agreed to
    # continue cooperation in drug control"); such a pair is an agreement match
    pool_a, pool_b = st_a + ag_a, st_b + ag_b
    sim = similarity_matrix(pool_a, pool_b, embedder, drop, st_a + em_a, st_b + em_b)
    pairs = assign(sim, threshold)
    ids_a = [s.id for s in a.statements] + [x for x, _ in a.agreements]
    ids_b = [s.id for s in b.statements] + [x for x, _ in b.agreements]
    na, nb = len(st_a), len(st_b)
    result.matched = [MatchedItem(a=ids_a[i], b=ids_b[j], similarity=v,
                                  kind="statement" if i < na and j < nb else "agreement") for i, j, v in pairs]
    used_a, used_b = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
    result.only_a = [x for i, x in enumerate(ids_a) if i not in used_a]
    result.only_b = [x for j, x in enumerate(ids_b) if j not in used_b]
    matched_st = [(i, j, v) for i, j, v in pairs if i < na and j < nb]
    # an agreement is reported by the other side too when anything of the other side is like it, even an
    # item already paired with something else ("the two sides agreed to X and Y" holds two agreements)
    a.covered_agreements = {i - na for i in range(na, len(pool_a)) if len(pool_b) and sim[i].max() >= threshold}
    b.covered_agreements = {j - nb for j in range(nb, len(pool_b)) if len(pool_a) and sim[:, j].max() >= threshold}
    topics = align_topics(rec_a, a.view.eng, rec_b, b.view.eng, kb)
    result.topics_only_a, result.topics_only_b = topics.only_a, topics.only_b
    result.topics_shared = topics.shared
    result.differences = find_differences(a, b, matched_st, topics)
    return result
