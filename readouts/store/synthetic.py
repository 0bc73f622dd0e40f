"""Synthetic readouts, for tests and benchmarks of the store.

``synthetic_readouts(n)`` writes ``n`` distinct short readouts of our own wording: an engagement
between two office holders of readouts' knowledge (foreign ministers, heads of state and government) on
a day both held office, by phone, video or in person, sometimes at one side's request, with a statement
by each and an agreement. The people, titles and dates vary with the seed; the sentences are ours.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

__all__ = ["synthetic_readouts"]

_MODES = ("held a phone call with", "spoke by phone with", "held a video call with", "met with", "held talks with")
_SAYS = ("the two countries should deepen trade and investment ties",
         "both sides need to keep communication channels open",
         "regional security depends on restraint and dialogue",
         "cooperation on climate change serves the interests of both peoples",
         "the partnership between the two nations has grown stronger",
         "tensions in the region must be resolved through negotiation",
         "the two governments will work together on public health",
         "more flights and student exchanges would bring the peoples closer")
_AGREE = ("maintain close communication", "hold the next round of consultations soon",
          "expand cooperation in energy and agriculture", "strengthen coordination on multilateral issues")


def synthetic_readouts(n: int, seed: int = 4, between: tuple[str, str] | None = None) -> list[dict[str, Any]]:
    """``n`` distinct readouts as ``{"id", "text", "published"}`` (the .jsonl input of ``readouts ingest``);
    ``between`` two side codes, only readouts of engagements between those two."""
    from ..knowledge import load_knowledge

    kb = load_knowledge()
    rng = random.Random(seed)
    holders = [(p, r) for p in kb.people for r in p.roles
               if r.kind in ("foreign_minister", "head_of_state", "head_of_government") and r.start and r.end
               and r.start.year >= 2000 and kb.actor(r.actor) is not None]
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    while len(out) < n:
        if between:
            (pa, ra), (pb, rb) = (rng.choice([h for h in holders if h[1].actor == side]) for side in between)
        else:
            (pa, ra), (pb, rb) = rng.sample(holders, 2)
        assert ra.start and ra.end and rb.start and rb.end
        start, end = max(ra.start, rb.start), min(ra.end, rb.end)
        if ra.actor == rb.actor or start >= end:
            continue
        day = start + dt.timedelta(days=rng.randrange((end - start).days))
        request = rng.choice(("", " at the latter's request"))
        said_a, said_b = rng.sample(_SAYS, 2)
        text = (f"On {day:%B} {day.day}, {day.year}, {ra.title} {pa.name} {rng.choice(_MODES)} {rb.title} "
                f"{pb.name}{request}. {pa.name} said that {said_a}. {pb.name} said that {said_b}. "
                f"The two sides agreed to {rng.choice(_AGREE)}.\n")
        if text in seen:
            continue
        seen.add(text)
        out.append({"id": f"synthetic-{len(out):05d}", "text": text, "published": day.isoformat()})
    return out
