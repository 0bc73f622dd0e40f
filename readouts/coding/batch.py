"""``readouts code``: inputs in, readouts/1 records (events only) or a TSV of events out.

Inputs: a file (.txt, .md, .html; .jsonl with one ``{"id", "text", "date"}`` object per line), ``-``
for stdin, or any other argument as the text itself. A bad file or a bad .jsonl line is reported on
stderr as one line and skipped; the rest goes on.
"""

from __future__ import annotations

import datetime as _dt
import json
import sys
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from ..errors import InputError, ReadoutsError
from ..io import check_english, decode, read_document, read_path
from ..model import Document, Event, Record, document_id
from . import CodedEvent, Coder

__all__ = ["CodeRun", "TSV_COLUMNS", "organisation_codes", "to_events", "tsv_rows"]

TSV_COLUMNS = ("event_id", "doc_id", "source_doc", "date", "source", "source_cameo", "source_country",
               "source_agent", "target", "target_cameo", "target_country", "target_agent", "cameo", "cameo_root",
               "quad_class", "goldstein", "plover", "plover_mode", "span_start", "span_end", "trigger", "sentence")
_BATCH = 256


def _date(value: Any) -> _dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.date):
        return value
    s = str(value).strip()
    for fmt in ("%Y-%m-%d", "%Y%m%d", "%Y-%m"):
        try:
            return _dt.datetime.strptime(s[:10] if fmt == "%Y-%m-%d" else s, fmt).date()
        except ValueError:
            continue
    raise InputError(f"not a date: {s!r} (write YYYY-MM-DD)")


def to_events(found: list[CodedEvent], statement: str | None = None) -> list[Event]:
    """Schema events from coded events: those with a known source state/organisation and a CAMEO code
    of the codebook (imported dictionaries may use private codes; they stay out of records)."""
    out: list[Event] = []
    for e in found:
        if e.source is None or e.goldstein is None or e.quad_class is None:
            continue
        if not (e.cameo.isdigit() and 2 <= len(e.cameo) <= 4):
            continue
        target = e.target if e.target_cameo and not e.target_cameo.startswith("---") else None
        out.append(Event(source=e.source, target=target, cameo=e.cameo, goldstein=e.goldstein,
                         quad_class=e.quad_class, statement=statement, span=e.span,  # type: ignore[arg-type]
                         source_cameo=e.source_cameo,
                         target_cameo=e.target_cameo if target else None, plover=e.plover, plover_mode=e.plover_mode))
    return out


class CodeRun:
    """One ``readouts code`` invocation."""

    def __init__(self, actors: Sequence[str] = (), agents: Sequence[str] = (), verbs: Sequence[str] = (),
                 own_actors: bool = True, own_verbs: bool = True, default_date: str | None = None,
                 untargeted: bool = False, discards: Sequence[str] = ()):
        yaml_actors = [a for a in actors if a.lower().endswith((".yaml", ".yml"))]
        tabari_actors = [a for a in actors if a not in yaml_actors]
        self.coder = Coder(actor_files=tabari_actors, agent_files=agents, verb_files=verbs, own_actors=own_actors,
                           own_verbs=own_verbs, extra_actor_files=yaml_actors, require_target=not untargeted,
                           discard_files=discards)
        try:
            self.default_date = _date(default_date)
        except InputError as e:
            raise ReadoutsError(f"--date: {e}") from e
        self.failed = 0

    # ------------------------------------------------------------------ reading
    def _fail(self, msg: str) -> None:
        self.failed += 1
        print(f"error: {msg}", file=sys.stderr)

    def _items(self, inputs: Sequence[str]) -> Iterator[tuple[str, dict[str, Any]]]:
        for arg in inputs:
            try:
                if arg == "-":
                    data = sys.stdin.buffer.read()
                    yield from self._from_bytes(data, "<stdin>")
                elif Path(arg).is_file():
                    if arg.lower().endswith(".jsonl"):
                        yield from self._jsonl(Path(arg))
                    else:
                        yield from read_path(arg)
                else:
                    if not arg.strip():
                        raise InputError("empty text")
                    check_english(arg, "<text>")
                    yield arg, {"source": None}
            except InputError as e:
                self._fail(str(e))
            except OSError as e:
                self._fail(f"{arg}: cannot read: {e.strerror or e}")

    def _from_bytes(self, data: bytes, name: str) -> Iterator[tuple[str, dict[str, Any]]]:
        text = decode(data, name)
        if text.lstrip().startswith("{"):
            yield from self._jsonl_lines(text.splitlines(), name)
        else:
            yield from read_document(data, name, ".txt")

    def _jsonl(self, path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
        try:
            with path.open("rb") as fh:
                lines = (decode(b, str(path)) for b in fh)
                yield from self._jsonl_lines(lines, str(path))
        except InputError as e:
            self._fail(str(e))

    def _jsonl_lines(self, lines: Any, name: str) -> Iterator[tuple[str, dict[str, Any]]]:
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                    raise InputError('each line needs a "text" string')
                if not obj["text"].strip():
                    raise InputError("empty text")
                day = _date(obj.get("date") or obj.get("published"))
                ident = obj.get("id")
                yield obj["text"], {"source": str(ident) if ident is not None else obj.get("source") or f"{name}:{n}",
                                    "published": day.isoformat() if day else None, "title": obj.get("title"),
                                    "publisher": obj.get("publisher")}
            except json.JSONDecodeError as e:
                self._fail(f"{name}:{n}: not a JSON object ({e.msg})")
            except InputError as e:
                self._fail(f"{name}:{n}: {e}")

    # ------------------------------------------------------------------ coding
    def records(self, inputs: Sequence[str]) -> Iterator[Record]:
        batch: list[tuple[str, dict[str, Any]]] = []
        for item in self._items(inputs):
            batch.append(item)
            if len(batch) >= _BATCH:
                yield from self._code(batch)
                batch = []
        if batch:
            yield from self._code(batch)

    def _code(self, batch: list[tuple[str, dict[str, Any]]]) -> Iterator[Record]:
        days: list[_dt.date | None] = []
        for _, ctx in batch:
            pub = ctx.get("published")
            days.append(_date(pub) if pub else self.default_date)
        coded = self.coder.code_sentences([t for t, _ in batch], days)
        for (text, ctx), day, found in zip(batch, days, coded, strict=True):
            doc = Document(id=document_id(text), text=text, source=ctx.get("source"), title=ctx.get("title"),
                           publisher=ctx.get("publisher"), published=day.isoformat() if day else None,
                           language="en")
            yield Record(document=doc, events=to_events(found))

    def write(self, inputs: Sequence[str], fh: IO[str], fmt: str) -> None:
        if fmt == "tsv":
            fh.write("\t".join(TSV_COLUMNS) + "\n")
        orgs = [c for c in self.coder.engine.index.ours_of_cameo if c.startswith("IGO")]
        for rec in self.records(inputs):
            if fmt == "jsonl":
                fh.write(rec.to_json() + "\n")
                continue
            fh.writelines("\t".join(row) + "\n" for row in tsv_rows(rec, orgs))


def organisation_codes() -> list[str]:
    """The CAMEO codes of the organisations of readouts' knowledge (IGOWSTNAT ...), which ``tsv_rows``
    needs to split organisation actor codes."""
    from ..knowledge import load_knowledge
    from .own import load_cameo_actors

    codes = load_cameo_actors().codes
    return sorted({c for a in load_knowledge().actors.values() if (c := codes.get(a.code, a.code)).startswith("IGO")})


def tsv_rows(rec: Record, organisations: Collection[str] = ()) -> Iterator[list[str]]:
    """The TSV rows (cells in ``TSV_COLUMNS`` order) of a record's events: ``readouts code --format tsv``
    and ``readouts export --format events-tsv`` write these."""
    for k, e in enumerate(rec.events):
        yield _tsv_row(rec, e, k, organisations)


def _split(code: str | None, organisations: Collection[str] = ()) -> tuple[str, str]:
    """A CAMEO actor code as (country or organisation, agents): USAGOV -> (USA, GOV), IGOUNOMIL ->
    (IGOUNO, MIL). Organisation codes differ in length (IGOUNO, IGOWSTNAT, IGOUNOHLHWHO): the longest
    known one the code begins with is the organisation."""
    if not code:
        return "", ""
    if code.startswith("IGO"):
        known = max((o for o in organisations if code.startswith(o)), key=len, default=code)
        return known, code[len(known):]
    return code[:3], code[3:]


def _tsv_row(rec: Record, e: Event, k: int, organisations: Collection[str] = ()) -> list[str]:
    text = rec.document.text
    start = text.rfind("\n", 0, e.span[0]) + 1
    end = text.find("\n", e.span[1])
    sentence = text[start:end if end >= 0 else len(text)].strip()
    sc, sa = _split(e.source_cameo, organisations)
    tc, ta = _split(e.target_cameo, organisations)
    cells = [f"{rec.document.id[:16]}-{k}", rec.document.id, rec.document.source or "", rec.document.published or "",
             e.source, e.source_cameo or "", sc, sa, e.target or "", e.target_cameo or "", tc, ta, e.cameo, e.cameo[:2],
             str(e.quad_class), f"{e.goldstein:g}", e.plover or "", e.plover_mode or "", str(e.span[0]), str(e.span[1]),
             text[e.span[0]:e.span[1]], sentence]
    return [c.replace("\t", " ").replace("\n", " ") for c in cells]
