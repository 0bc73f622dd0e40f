"""``readouts compare A B``: two readouts of one engagement side by side (the lead registers it in
readouts/cli.py with ``main.add_command``).

    readouts compare us_readout.txt china_readout.txt            # report in the terminal
    readouts compare a.txt b.txt --format json                   # the Comparison JSON
    cat a.txt | readouts compare - b.txt --published 2021-10-31  # one side from stdin

Bad input gives a one-line ``error: ...`` on stderr and exit code 1, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from ..config import Config
from ..errors import InputError, ReadoutsError
from ..io import read_document, read_path
from ..model import Record

__all__ = ["compare"]


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


def _read(src: str, stdin: Any) -> tuple[str, dict[str, Any]]:
    if src == "-":
        docs = read_document(stdin.read(), "<stdin>", ".txt")
    else:
        if Path(src).is_dir():
            raise InputError(f"{src}: a folder; give one readout file per side")
        docs = read_path(src)
    if len(docs) != 1:
        raise InputError(f"{src}: holds {len(docs)} documents; give one readout per side")
    return docs[0]


@click.command(name="compare")
@click.argument("a")
@click.argument("b")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="A readable report, or the Comparison JSON.")
@click.option("--published", metavar="YYYY-MM-DD",
              help="Publication date of readouts that carry none (resolves 'today', 'on Monday' ...).")
@click.option("--actors", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Your own actor file (YAML, the format of the shipped states/people files); repeatable.")
@click.option("--embedder", type=click.Choice(["minilm", "lexical"]), default=None,
              help="Sentence embedder for aligning statements (default: the best installed).")
@click.option("--indent", type=int, default=2, show_default=True, help="JSON indent (--format json).")
def compare(a: str, b: str, fmt: str, published: str | None, actors: tuple[str, ...], embedder: str | None,
            indent: int) -> None:
    """Compare two readouts of one engagement: same engagement?, what both and only one reported, differences.

    A and B are files (.txt, .md, .html, or a .jsonl holding one document); - reads one of them from stdin.
    """
    if a == "-" and b == "-":
        _fail("only one of A and B can be - (stdin)")
    if published:
        try:
            dt.date.fromisoformat(published)
        except ValueError:
            _fail(f"--published {published!r}: not a date (write YYYY-MM-DD)")
    try:
        docs = [_read(src, sys.stdin.buffer) for src in (a, b)]
        from .. import extract_many
        from . import compare as run_compare
        from .embed import load_embedder
        from .report import render_comparison

        cfg = Config(actor_files=tuple(Path(x) for x in actors))
        items = []
        for text, ctx in docs:
            if published and not ctx.get("published"):
                ctx["published"] = published
            items.append((text, ctx))
        recs: list[Record] = list(extract_many(items, config=cfg))
        for (src, rec) in zip((a, b), recs, strict=True):
            err = rec.__dict__.get("error")
            if err:
                _fail(f"{'<stdin>' if src == '-' else src}: {err}")
        from ..knowledge import load_knowledge

        kb = load_knowledge(tuple(str(p) for p in cfg.actor_files))
        result = run_compare(recs[0], recs[1], embedder=load_embedder(embedder), knowledge=kb)
    except (InputError, ReadoutsError) as e:
        _fail(str(e))
        return
    except OSError as e:
        _fail(f"cannot read: {e.strerror or e}")
        return
    if fmt == "json":
        click.echo(result.to_json(indent=indent if indent > 0 else None))
        return
    from rich.console import Console

    render_comparison(result, recs[0], recs[1], Console())
