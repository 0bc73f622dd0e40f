"""One way for the eval and bench tools to put their figures into docs/benchmarks.md: each tool owns the
part of the file between ``<!-- NAME:begin -->`` and ``<!-- NAME:end -->`` and replaces only that; a
section not there yet is appended under its heading."""

from __future__ import annotations

from pathlib import Path

__all__ = ["write_section"]


def write_section(path: Path, name: str, md: str, heading: str) -> None:
    """Replace section ``name`` of the Markdown file ``path`` with ``md`` (created under ``## heading``
    at the end of the file, or in a new file, when missing)."""
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if begin not in old:
        old = old.rstrip("\n") + f"\n\n## {heading}\n\n{begin}\n{end}\n"
    pre, rest = old.split(begin, 1)
    post = rest.split(end, 1)[1]
    path.write_text(pre + begin + "\n" + md + end + post, encoding="utf-8")
