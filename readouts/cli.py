"""The command line: a thin shell over the library.

    readouts extract FILE|FOLDER|- [-o OUT.jsonl]   records as JSON (one per line)
    readouts show FILE|FOLDER|-                     a readable view of each record
    readouts code TEXT|FILE|- [--format tsv]         CAMEO/PLOVER events of sentences or texts
    readouts examples                               list the example readouts shipped with the package
    readouts ingest PATHS... [--db URL]             extract and store (SQLite file or PostgreSQL URL)
    readouts dyad A B | actor NAME | search QUERY   query the store (a table, or --format json)
    readouts export --format FMT -o OUT             the store as jsonl, csv, parquet or an events TSV
    readouts reprocess | serve                      re-extract stale documents | REST API and web page

Each command parses options, calls the library, maps errors to a one-line message on stderr and a
non-zero exit code; progress bars and colours live here only.
"""

from __future__ import annotations

import json
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
from .io import iter_folder, read_path, read_stdin
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
                    docs = read_stdin(sys.stdin.buffer.read())
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
@click.option("--pair", is_flag=True, help="List the two sides' readouts of one call instead (for readouts compare).")
def examples(as_path: bool, pair: bool) -> None:
    """List the example readouts shipped with readouts (written for the project)."""
    if pair:
        from .compare import EXAMPLE_PAIR

        for p in EXAMPLE_PAIR:
            click.echo(str(p))
        return
    folder = resources.files("readouts").joinpath("examples")
    if as_path:
        click.echo(str(folder))
        return
    for f in sorted(folder.iterdir(), key=lambda p: p.name):
        if f.name.endswith(".txt"):
            click.echo(str(f))


# --- the store ------------------------------------------------------------------------------------------

_db_opt = click.option("--db", default="readouts.db", envvar="READOUTS_DB", show_default=True,
                       help="The store: a SQLite file, or a postgresql:// URL (env READOUTS_DB).")
_since_opt = click.option("--since", metavar="YYYY-MM-DD", help="Only from this date on (inclusive).")
_until_opt = click.option("--until", metavar="YYYY-MM-DD", help="Only up to this date (inclusive).")
_format_opt = click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
                           show_default=True, help="A readable table, or the JSON of the query.")


def _redact(db: str) -> str:
    if "://" not in db:
        return db
    from sqlalchemy.engine import make_url

    try:
        return make_url(db).render_as_string(hide_password=True)
    except Exception:
        return db


def _open(db: str) -> Any:
    """The open store, or a one-line error and exit code 2."""
    from sqlalchemy.exc import SQLAlchemyError

    from .store import open_store

    try:
        return open_store(db)
    except (SQLAlchemyError, ValueError, OSError) as e:
        reason = getattr(e, "orig", None) or e
        click.echo(f"error: cannot open the store {_redact(db)}: {str(reason).strip().splitlines()[0]}", err=True)
        sys.exit(2)


def _query(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Run a store query; bad filter values become a one-line error and exit code 2."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        return fn(*args, **kwargs)
    except ValueError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(2)
    except SQLAlchemyError as e:
        click.echo(f"error: the store failed: {str(getattr(e, 'orig', None) or e).strip().splitlines()[0]}", err=True)
        sys.exit(2)


def _json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2))


def _g(value: float | None) -> str:
    return "" if value is None else f"{value:+.2f}"


def _doc_label(e: dict[str, Any]) -> str:
    if e.get("document_title"):
        return str(e["document_title"])
    if e.get("document_source"):
        return Path(str(e["document_source"])).name
    return str(e["document"][:12])


def _engagement_table(rows: list[dict[str, Any]], title: str | None = None) -> Any:
    from rich import box
    from rich.table import Table

    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("date", no_wrap=True)
    table.add_column("type")
    table.add_column("modality")
    table.add_column("initiator")
    table.add_column("who spoke", ratio=3)
    table.add_column("mean Goldstein", justify="right")
    table.add_column("document", ratio=2, overflow="fold")
    for e in rows:
        table.add_row(e["date"] or "", (e["type"] or "").replace("_", " "), (e["modality"] or "").replace("_", " "),
                      e["initiator"] or "", ", ".join(e["speakers"]), _g(e["mean_goldstein"]), _doc_label(e))
    return table


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_db_opt
@_actors_opt
@_published_opt
def ingest(paths: tuple[str, ...], db: str, actors: tuple[str, ...], published: str | None) -> None:
    """Extract files, folders (.txt .md .html .jsonl) or - (standard input: JSON lines, HTML or one text)
    into the store; documents already stored are skipped."""
    store = _open(db)
    try:
        res = store.ingest_paths(paths, config=_config(actors), progress=sys.stderr.isatty(), published=published)
    except ReadoutsError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(2)
    finally:
        store.close()
    _finish(res, str(res), stored=res.added + res.skipped)


@main.command()
@click.argument("a")
@click.argument("b")
@_db_opt
@_since_opt
@_until_opt
@click.option("--modality", type=click.Choice(["phone", "video", "in_person", "written", "unknown"]))
@click.option("--initiator", help="Side that asked for the engagement (code or name).")
@_format_opt
def dyad(a: str, b: str, db: str, since: str | None, until: str | None, modality: str | None,
         initiator: str | None, fmt: str) -> None:
    """The timeline of engagements between two sides: codes or names (CHN NATO, China "the United States")."""
    store = _open(db)
    try:
        d = _query(store.dyad, a, b, since=since, until=until, modality=modality, initiator=initiator)
    finally:
        store.close()
    if fmt == "json":
        _json(d)
        return
    from rich.console import Console

    from .store.filters import side_name

    s = d["summary"]
    console = Console()
    names = f"{side_name(d['a'])} ({d['a']}) – {side_name(d['b'])} ({d['b']})"
    console.print(_engagement_table(d["engagements"], title=names))
    if not s["engagements"]:
        console.print(f"no engagements between {names} in the store")
        return
    who = ", ".join(f"{k} {v}" for k, v in s["initiated_by"].items()) or "not reported"
    console.print(f"{s['engagements']} engagement(s) from {s['first']} to {s['last']}; mean Goldstein "
                  f"{_g(s['mean_goldstein']) or 'n/a'}; initiated by: {who}", highlight=False)


@main.command()
@click.argument("name")
@_db_opt
@_since_opt
@_until_opt
@_format_opt
def actor(name: str, db: str, since: str | None, until: str | None, fmt: str) -> None:
    """A person ("Wang Yi", "Stoltenberg") or a side ("CHN", "China"): engagements, counterparts, statements."""
    store = _open(db)
    try:
        a = _query(store.actor, name, since=since, until=until)
    finally:
        store.close()
    if a is None:
        click.echo(f"error: no actor {name!r} in the store", err=True)
        sys.exit(1)
    if fmt == "json":
        _json(a)
        return
    from rich.console import Console

    console = Console()
    head = f"{a['name']} ({a['kind']}" + (f", {' / '.join(a['sides'])}" if a["sides"] else "") + ")"
    console.print(head, style="bold", highlight=False)
    if a["titles"]:
        console.print("titles: " + "; ".join(a["titles"]), highlight=False)
    console.print(_engagement_table(a["engagements"]))
    parts = ", ".join(f"{c['side']} {c['engagements']}" for c in a["counterparts"]) or "none"
    console.print(f"{len(a['engagements'])} engagement(s), {a['statements']} statement(s); counterparts: {parts}",
                  highlight=False)


@main.command()
@click.argument("query")
@_db_opt
@click.option("--speaker", help="Speaker's name contains this (case-insensitive).")
@_since_opt
@_until_opt
@click.option("--topic", help="A topic label or taxonomy topic of the statement's engagement.")
@click.option("--publisher", help="The publisher (name contains this, or its side code/name).")
@click.option("--limit", type=click.IntRange(min=0), default=20, show_default=True)
@_format_opt
def search(query: str, db: str, speaker: str | None, since: str | None, until: str | None, topic: str | None,
           publisher: str | None, limit: int, fmt: str) -> None:
    """Full-text search over statements: words (all must match) and "quoted phrases"."""
    store = _open(db)
    try:
        page = _query(store.search, query, limit=limit, speaker=speaker, since=since, until=until, topic=topic,
                      publisher=publisher)
    finally:
        store.close()
    if fmt == "json":
        _json(page)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table()
    for col in ("date", "speaker", "side", "statement", "document"):
        table.add_column(col, overflow="fold")
    for s in page["items"]:
        table.add_row(s["date"] or "", s["speaker"] or "", s["affiliation"] or "", s["snippet"], s["document"][:12])
    console = Console()
    console.print(table)
    console.print(f"{page['total']} statement(s) match" + (f", {len(page['items'])} shown" if page["total"] > len(
        page["items"]) else ""), highlight=False)


@main.command(name="export")
@_db_opt
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "events-tsv"]), required=True,
              help="jsonl: one record per line (a file); csv, parquet: a folder, one file per table; "
                   "events-tsv: one row per event (the columns of `readouts code --format tsv`).")
@click.option("-o", "--output", required=True, type=click.Path(), help="The file (jsonl, events-tsv) or folder.")
def export_cmd(db: str, fmt: str, output: str) -> None:
    """Write the store out as JSON Lines, CSV or Parquet tables, or an events TSV."""
    store = _open(db)
    try:
        n = _query(store.export, fmt, output, progress=sys.stderr.isatty())
    except OSError as e:
        click.echo(f"error: {output}: cannot write: {e.strerror or e}", err=True)
        sys.exit(2)
    finally:
        store.close()
    click.echo(f"exported {n} document(s) to {output}", err=True)


@main.command()
@_db_opt
@_actors_opt
def reprocess(db: str, actors: tuple[str, ...]) -> None:
    """Re-extract the documents stored by another extractor version (after an update of readouts or its knowledge)."""
    store = _open(db)
    try:
        stale = len(store.stale())
        res = store.reprocess(config=_config(actors), progress=sys.stderr.isatty())
    except ReadoutsError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(2)
    finally:
        store.close()
    _finish(res, f"{stale} stale document(s): reprocessed {res.added}, failed {res.failed}", stored=res.added)


def _finish(res: Any, summary: str, stored: int) -> None:
    """An ingest's end: its errors and summary on stderr; exit 1 when it failed and stored nothing."""
    for msg in res.errors:
        click.echo(f"error: {msg}", err=True)
    click.echo(summary, err=True)
    if res.failed and not stored:
        sys.exit(1)


@main.command()
@_db_opt
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
def serve(db: str, host: str, port: int) -> None:
    """Serve the REST API (OpenAPI at /docs) and the web pages over the store."""
    from .api import serve as run

    try:
        run(db, host=host, port=port)
    except ReadoutsError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(2)


# commands that live beside the package they drive
from .compare.cli import compare as _compare  # noqa: E402
from .store.cli_pairs import pairs as _pairs  # noqa: E402

main.add_command(_compare)
main.add_command(_pairs)


if __name__ == "__main__":  # pragma: no cover
    main()
