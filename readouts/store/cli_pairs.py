"""``readouts pairs``: the stored readouts that report one engagement, grouped.

A click command of its own (readouts/cli.py registers it), so the store's part of issue 5 stays in one
place. JSON is what ``Store.pairs`` answers: a list of groups, each ``{"documents": [{"id", "source", ...},
...], "engagement", "score", "reasons", "pairs"}``; the table shows a heading line and the documents of
each group.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

__all__ = ["pairs"]


def _open(db: str) -> Any:
    from ..cli import _open as open_or_exit

    return open_or_exit(db)


def _query(fn: Any, **kwargs: Any) -> Any:
    from ..cli import _query as query_or_exit

    return query_or_exit(fn, **kwargs)


def _doc_label(d: dict[str, Any]) -> str:
    if d.get("title"):
        return str(d["title"])
    if d.get("source"):
        return Path(str(d["source"])).name if "://" not in str(d["source"]) else str(d["source"])
    return str(d["id"][:12])


def render(console: Any, groups: list[dict[str, Any]]) -> None:
    """The groups for people: per group a heading line (date, type, modality, sides, score) and a table of
    its documents (publisher, document, id)."""
    from rich import box
    from rich.table import Table

    for i, g in enumerate(groups, 1):
        e = g["engagement"]
        what = f"{(e['type'] or '').replace('_', ' ')}, {(e['modality'] or '').replace('_', ' ')}"
        console.print(f"{i}. {e['date'] or 'undated'}  {what}  {' – '.join(e['sides'])}  (score {g['score']:.2f})",
                      style="bold", highlight=False)
        t = Table(box=box.SIMPLE, pad_edge=False, show_header=False)
        t.add_column("publisher", ratio=1)
        t.add_column("document", ratio=2, overflow="fold")
        t.add_column("id", no_wrap=True)
        for d in g["documents"]:
            publisher = d.get("publisher") or ""
            if d.get("publisher_side"):
                publisher = f"{publisher} ({d['publisher_side']})" if publisher else d["publisher_side"]
            t.add_row(publisher or "–", _doc_label(d), d["id"][:12])
        console.print(t)


@click.command("pairs")
@click.option("--db", default="readouts.db", envvar="READOUTS_DB", show_default=True,
              help="The store: a SQLite file, or a postgresql:// URL (env READOUTS_DB).")
@click.option("--since", metavar="YYYY-MM-DD", help="Only engagements from this date on (inclusive).")
@click.option("--until", metavar="YYYY-MM-DD", help="Only engagements up to this date (inclusive).")
@click.option("--side", help="Only engagements this side took part in (code or name).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="A readable table, or the JSON list of groups.")
def pairs(db: str, since: str | None, until: str | None, side: str | None, fmt: str) -> None:
    """Readouts in the store that report the same engagement (two sides' readouts of one meeting), grouped.

    Grouped at ingest: each new document is compared with the stored documents of the same sides and date
    from other publishers. JSON: a list of groups, each {"documents": [{"id", "source", ...}, ...],
    "engagement", "score", "reasons", "pairs"}.
    """
    store = _open(db)
    try:
        groups = _query(store.pairs, since=since, until=until, side=side)
    finally:
        store.close()
    if fmt == "json":
        click.echo(json.dumps(groups, ensure_ascii=False, indent=2))
        return
    from rich.console import Console

    console = Console()
    if not groups:
        console.print("no readouts of one engagement in the store (each group needs two publishers)")
        return
    render(console, groups)
    n = sum(len(g["documents"]) for g in groups)
    console.print(f"{len(groups)} group(s) of {n} document(s)", highlight=False)
