"""Compare two readouts of one engagement: same engagement?, aligned content, what only one side reported.

    from readouts.compare import compare, same_engagement
    same_engagement(rec_a, rec_b)          # {same, score, reasons}: cheap, no embeddings
    compare(rec_a, rec_b).to_dict()        # the Comparison JSON (docs/compare.md)

Modules: ``engagement`` (same engagement?), ``align`` (statements, agreements, topics), ``differences``,
``report`` (the terminal view), ``embed`` (sentence embeddings), ``cli`` (``readouts compare``).
"""

from __future__ import annotations

from pathlib import Path

from .core import compare
from .engagement import primary_engagement, same_engagement

__all__ = ["EXAMPLE_PAIR", "compare", "primary_engagement", "same_engagement"]

_HERE = Path(__file__).resolve().parent / "examples"
#: two sides' readouts of one (invented) phone call, written for the project: the Vietnamese ministry's
#: and the State Department's, with different emphases (docs/compare.md)
EXAMPLE_PAIR = (_HERE / "vietnam_us_call_mofa.txt", _HERE / "vietnam_us_call_state.txt")
