"""Views of a record (as ``Record.to_dict()``) that several test modules read."""

from __future__ import annotations


def speakers(rec: dict) -> dict[str, set[str | None]]:
    """Each speaker of the record's statements with the sides their statements give."""
    out: dict[str, set[str | None]] = {}
    for s in rec["statements"]:
        out.setdefault(s["speaker"], set()).add(s["affiliation"])
    return out
