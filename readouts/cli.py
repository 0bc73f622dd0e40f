"""The command line: a thin shell over the library.

    readouts extract FILE|FOLDER|- [-o OUT.jsonl]   records as JSON (one per line)
    readouts show FILE|FOLDER|-                     a readable view of each record
    readouts code TEXT|FILE|- [--format tsv]         CAMEO/PLOVER events of sentences or texts
    readouts examples                               list the example readouts shipped with the package

Each command parses options, calls the library, maps errors to a one-line message on stderr and a
non-zero exit code; progress bars and colours live here only.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import click

from . import __version__
from .config import Config
from .errors import InputError, ReadoutsError
from .io import iter_folder, read_document, read_path
from .model import Record
from .pipeline import extract_many

__all__ = ["main"]

log = logging.getLogger("readouts")


def _sources(paths: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for p in paths:
        if p == "-":
            out.append(p)
        elif Path(p).is_dir():
            found = [str(f) for f in iter_folder(p)]
            if not found:
                click.echo(f"error: {p}: no .txt, .md, .html or .jsonl files in this folder", err=True)
            out.extend(found)
        else:
            out.append(p)
    return out


class _Run:
    """Reads every source, reporting bad ones and carrying on with the rest."""

    def __init__(self, sources: list[str], published: str | None):
        self.sources = sources
        self.published = published
        self.failed = 0

    def items(self, progress: Any = None, task: Any = None) -> Iterator[tuple[str, dict[str, Any]]]:
        for src in self.sources:
            try:
                if src == "-":
                    docs = read_document(sys.stdin.buffer.read(), "<stdin>", ".txt")
                else:
                    docs = read_path(src)
            except InputError as e:
                self.failed += 1
                click.echo(f"error: {e}", err=True)
                docs = []
            except Exception as e:  # never a traceback for one bad file
                self.failed += 1
                click.echo(f"error: {src}: cannot read ({type(e).__name__}: {e})", err=True)
                docs = []
            for text, ctx in docs:
                if self.published and not ctx.get("published"):
                    ctx["published"] = self.published
                yield text, ctx
            if progress is not None:
                progress.advance(task)


def _records(run: _Run, cfg: Config, show_progress: bool) -> Iterator[Record]:
    if not show_progress:
        for rec in extract_many(run.items(), config=cfg):
            yield _report(rec, run)
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = _stderr_console()
    with Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=console, transient=False) as progress:
        task = progress.add_task("extract", total=len(run.sources))
        for rec in extract_many(run.items(progress, task), config=cfg):
            yield _report(rec, run)


def _report(rec: Record, run: _Run) -> Record:
    err = rec.__dict__.get("error")
    if err:
        run.failed += 1
        click.echo(f"error: {rec.document.source or '<input>'}: {err}", err=True)
    return rec


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def _config(actors: tuple[str, ...]) -> Config:
    return Config(actor_files=tuple(Path(a) for a in actors))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="readouts")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug) to stderr.")
def main(verbose: int) -> None:
    """readouts: diplomatic readouts in, structured records of engagements, statements and events out."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


_actors_opt = click.option("--actors", multiple=True, type=click.Path(exists=True, dir_okay=False),
                           help="Your own actor file (YAML, the format of the shipped states/people files); repeatable.")
_published_opt = click.option("--published", metavar="YYYY-MM-DD",
                              help="Publication date to resolve 'today', 'on Monday' ... against.")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write JSON Lines here instead of stdout.")
@click.option("--indent", type=int, default=None, help="Pretty-print JSON with this indent (stdout only).")
@_actors_opt
@_published_opt
def extract(paths: tuple[str, ...], output: str | None, indent: int | None, actors: tuple[str, ...],
            published: str | None) -> None:
    """Extract records (schema readouts/1) from files, folders (.txt .md .html .jsonl) or - (stdin)."""
    sources = _sources(paths)
    run = _Run(sources, published)
    try:
        cfg = _config(actors)
        many = len(sources) > 1 or any(s.endswith(".jsonl") for s in sources)
        if output:
            with open(output, "w", encoding="utf-8") as fh:
                fh.writelines(rec.to_json() + "\n" for rec in _records(run, cfg, show_progress=many))
        else:
            for rec in _records(run, cfg, show_progress=many and sys.stderr.isatty()):
                click.echo(rec.to_json(indent=indent))
    except ReadoutsError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(2)
    if run.failed:
        click.echo(f"{run.failed} of {len(sources)} inputs could not be read", err=True)
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_actors_opt
@_published_opt
def show(paths: tuple[str, ...], actors: tuple[str, ...], published: str | None) -> None:
    """Show each readout's record readably: engagement, participants, statements, topics, agreements, events."""
    from rich.console import Console

    from .render import render

    console = Console()
    sources = _sources(paths)
    run = _Run(sources, published)
    try:
        for rec in _records(run, _config(actors), show_progress=False):
            render(rec, console)
    except ReadoutsError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(2)
    if run.failed:
        sys.exit(1)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write here instead of stdout.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "tsv"]), default="jsonl", show_default=True,
              help="jsonl: one readouts/1 record per input; tsv: one row per event (GDELT/Phoenix-like columns).")
@click.option("--actors", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Actor dictionary: PETRARCH/TABARI format, or a readouts YAML actor file (.yaml); repeatable.")
@click.option("--agents", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="PETRARCH/TABARI agent dictionary; repeatable.")
@click.option("--verbs", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="PETRARCH/TABARI verb dictionary (merged over readouts' own verbs); repeatable.")
@click.option("--discards", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="PETRARCH/TABARI discard list: sentences (or, '+', stories) naming one are not coded.")
@click.option("--no-own-actors", is_flag=True, help="Use only the actor dictionaries given with --actors.")
@click.option("--no-own-verbs", is_flag=True, help="Use only the verb dictionaries given with --verbs.")
@click.option("--date", "default_date", metavar="YYYY-MM-DD",
              help="Date of texts that carry none (dated actor roles are resolved on it).")
@click.option("--untargeted", is_flag=True,
              help="Also keep events whose target the sentence does not name (target null).")
def code(inputs: tuple[str, ...], output: str | None, fmt: str, actors: tuple[str, ...], agents: tuple[str, ...],
         verbs: tuple[str, ...], discards: tuple[str, ...], no_own_actors: bool, no_own_verbs: bool,
         default_date: str | None, untargeted: bool) -> None:
    """Code who-did-what-to-whom events (CAMEO, Goldstein, PLOVER) in sentences or texts.

    Each INPUT is a file (.txt, .md, .html; .jsonl with one {"id", "text", "date"} object per line),
    - for stdin, or else the text itself: readouts code "Israeli troops fired on protesters in Gaza."
    """
    from .coding.batch import CodeRun

    try:
        run = CodeRun(actors=actors, agents=agents, verbs=verbs, own_actors=not no_own_actors,
                      own_verbs=not no_own_verbs, default_date=default_date, untargeted=untargeted,
                      discards=discards)
        fh = open(output, "w", encoding="utf-8") if output else sys.stdout
        try:
            run.write(inputs, fh, fmt)
        finally:
            if output:
                fh.close()
    except ReadoutsError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(2)
    if run.failed:
        click.echo(f"{run.failed} input(s) could not be read", err=True)
        sys.exit(1)


@main.command()
@click.option("--path", "as_path", is_flag=True, help="Print the folder that holds them.")
def examples(as_path: bool) -> None:
    """List the example readouts shipped with readouts (written for the project)."""
    folder = resources.files("readouts").joinpath("examples")
    if as_path:
        click.echo(str(folder))
        return
    for f in sorted(folder.iterdir(), key=lambda p: p.name):
        if f.name.endswith(".txt"):
            click.echo(str(f))


if __name__ == "__main__":  # pragma: no cover
    main()
