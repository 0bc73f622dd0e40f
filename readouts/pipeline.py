"""The pipeline: the only place that knows the order of the stages.

    text ──► nlp (tokens) ──► segment → entities (NER on engagement sentences) → dates → actors →
             engagements → roles → calendar →
             statements → stance → topics → agreements → events ──► Record (readouts/1)

``extract`` reads one text; ``extract_many`` streams records for an iterable of texts or
``(text, context)`` tuples, batching the NLP, and is what batch and distributed runs call per
partition. A context may give ``id``, ``source``, ``published`` (ISO date), ``publisher``, ``title``.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .config import Config
from .errors import EmptyInputError, InputTooLargeError
from .knowledge import Knowledge, load_knowledge
from .model import Document, Engagement, Participant, Record, document_id
from .nlp import english_words, load_backend
from .stages import (
    actors,
    agreements,
    calendar,
    dates,
    engagements,
    entities,
    events,
    roles,
    segment,
    stance,
    statements,
    topics,
)
from .stages.base import Work
from .stages.names import verb_lemmas

__all__ = ["STAGES", "extract", "extract_many"]

log = logging.getLogger("readouts")

Stage = Callable[[Work], None]
STAGES: tuple[tuple[str, Stage], ...] = (
    ("segment", segment.run),
    ("entities", entities.run),
    ("dates", dates.run),
    ("actors", actors.run),
    ("engagements", engagements.run),
    ("roles", roles.run),
    ("calendar", calendar.run),
    ("statements", statements.run),
    ("stance", stance.run),
    ("topics", topics.run),
    ("agreements", agreements.run),
    ("events", events.run),
)


def _published(value: Any) -> dt.date | None:
    if not value:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        log.warning("ignoring publication date %r: not an ISO date", value)
        return None


def _shadow(text: str, kb: Knowledge, model: str = Config().model) -> str | None:
    """The copy of a text the stages read, of the same length (every span indexes both), when the text as
    given would mislead them; None for an ordinary text. Other quotation marks are “ ” (``_quotes``);
    no-break and typographic spaces are spaces, as is a footnote's mark on a word ("Kosovo*"); lines a layout wrapped mid-sentence are joined
    (``_unwrapped``); lines in capitals, or a whole text, are put in ordinary case (``_in_case``). (HTML
    character references change the length: ``_references_decoded`` decodes them before, and ``_in_given``
    maps the record back.)"""
    quoted = _quotes(text)
    spaced = _SPACES.sub(" ", quoted or text) if _SPACES.search(quoted or text) else quoted
    spaced = _FOOTNOTE.sub(" ", spaced or text) if _FOOTNOTE.search(spaced or text) else spaced
    joined = _unwrapped(spaced or text)
    cased = _in_case(joined or spaced or text, kb, model)
    return cased or joined or spaced


# a British single quotation: ‘ at a word's start, closed by the first ’ after a sentence's punctuation or
# before it (an apostrophe, "Lavrov’s", "countries’", closes nothing)
_SINGLE = re.compile(r"(?<![\w’‘])‘(?=\S)([^‘’\n]*(?:’\w[^‘’\n]*)*?(?:[.,!?;:]’|’(?=[.,;:!?])))")


def _quotes(text: str) -> str | None:
    """Quotation marks other than “ ” as “ ” (same length): guillemets (« », ‹ ›), low-high quotes („ “) and
    British single quotes (‘We will ...,’ said ...), so the statements stage reads every quotation as one;
    None when there is none."""
    if not any(c in text for c in "«»‹›„‘"):
        return None
    out = text.translate(_GUILLEMETS)
    out = _SINGLE.sub(lambda m: "“" + m.group(1)[:-1] + "”", out)  # (the group ends with the closing ’)
    return out if out != text else None


_GUILLEMETS = str.maketrans({"«": "“", "»": "”", "‹": "“", "›": "”", "„": "“"})


_ENTITY = re.compile(r"&(?:#\d{2,5}|#x[0-9a-fA-F]{2,4}|[a-zA-Z]{2,8});")


def _references_decoded(text: str) -> tuple[str, list[int]] | None:
    """For a text that still carries HTML character references ("Kerry&rsquo;s", "&quot;We will ...&quot;",
    "Q&amp;A": a scraper's or a feed's text), the text with each decoded, which the stages read, and for
    every position of it the position in the text as given (``_in_given`` maps the record's spans back, so
    the record keeps the input and its id); None when there is none."""
    if "&" not in text or not _ENTITY.search(text):
        return None
    out: list[str] = []
    at: list[int] = []
    pos = 0
    for m in _ENTITY.finditer(text):
        char = html.unescape(m.group())
        if len(char) != 1 or char == m.group():
            continue
        out += [text[pos:m.start()], char]
        at += [*range(pos, m.start()), m.start()]
        pos = m.end()
    if not out:
        return None
    out.append(text[pos:])
    at += [*range(pos, len(text)), len(text)]
    return "".join(out), at


def _in_given(rec: Record, given: str, at: list[int]) -> Record:
    """The record of a decoded text (``_references_decoded``) as the record of the text as given: every span
    mapped back, every text that a span cuts cut again from the text as given."""
    def back(span: tuple[int, int]) -> tuple[int, int]:
        return at[span[0]], at[span[1]]

    for e in rec.engagements:
        e.span = back(e.span)
        for p in e.participants:
            p.span = back(p.span)
        for t in e.topics:
            t.span = back(t.span)
        for a in e.agreements:
            a.span = back(a.span)
            a.text = given[a.span[0]:a.span[1]]
    for st in rec.statements:
        st.span = back(st.span)
        st.text = given[st.span[0]:st.span[1]]
    for ev in rec.events:
        ev.span = back(ev.span)
    rec.document.text, rec.document.id = given, document_id(given)
    return rec


# no-break, thin and other typographic spaces ("President\u00a0Xi", "5\u202fMay"): ordinary spaces to the stages
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


# a footnote's mark glued to a word ("Prime Minister of Kosovo* Hashim Thaçi", "Member States¹,")
_FOOTNOTE = re.compile(r"(?<=[^\W\d_])[*†‡¹²³](?=[\s,.;:)])")


_TERMINAL = re.compile(r"[.!?:;\"”’)\]]$")
# a line that ends on a month ("... on September / 11, 2013"): the dates stage's month names
_MONTH_END = re.compile(r"\b(?:" + "|".join(sorted(dates.MONTHS, key=len, reverse=True)) + r")\.?$", re.I)


def _unwrapped(text: str) -> str | None:
    """For a text whose lines a layout wrapped at a fixed width (a PDF, a plain-text page, an e-mail:
    "... State Councilor and Foreign Minister Wang Yi met with / NATO Secretary General Jens Stoltenberg
    via video link ..."), a copy with those line breaks turned into spaces, so that no stage reads a
    paragraph's lines as headlines or cuts a name or a title at the margin; None for a text not wrapped.
    A line breaks mid-paragraph when it fills the width and the next line goes on: it stops on a word or a
    comma, or the line is full to the margin (and no heading or list item ending in a colon or semicolon);
    the next line is as long, ends a sentence, starts in lower case, finishes a date ("September / 11,
    2013"), or is any line after a full one that stops mid-sentence (a wrapped headline's last words,
    "Hollande of France"), but no date line: a headline above "2021-09-27 21:30" is never joined to it. The
    text counts as wrapped when its usual line is at most 160 characters and at least two lines stop
    mid-sentence so."""
    lines = text.split("\n")
    sizes = sorted(len(x.rstrip()) for x in lines if x.strip())
    if len(sizes) < 3:
        return None
    width = sizes[min(len(sizes) - 1, int(0.9 * len(sizes)))]
    if width > 160 or width < 30:
        return None
    joins, mid = [], 0
    pos = 0
    for cur, nxt in zip(lines, lines[1:], strict=False):
        pos += len(cur) + 1
        here, there = cur.rstrip(), nxt.strip()
        if not here or not there or len(here) < 0.5 * width:
            continue
        full = len(here) >= width - 12
        goes_on = not _TERMINAL.search(here) or (full and not here.endswith((":", ";")))
        if goes_on and (len(there) >= 0.5 * width or _TERMINAL.search(there) or there[0].islower()
                        or (_MONTH_END.search(here) and there[0].isdigit())
                        or (full and not _TERMINAL.search(here) and not there[0].isdigit())):
            joins.append(pos - 1)
            mid += not _TERMINAL.search(here)
    if mid < 2:
        return None
    chars = list(text)
    for k in joins:
        chars[k] = " "
        if k > 1 and text[k - 1] == "-" and text[k - 2].isalpha() and text[k + 1:k + 2].isalpha():
            # a word hyphenated at the margin ("co- / chaired", "François- / Philippe"): the hyphen's word goes
            # on at once and the space moves after it (spans inside that word shift by one character)
            w = re.match(r"\S+", text[k + 1:])
            assert w is not None
            chars[k:k + len(w.group()) + 1] = [*w.group(), " "]
    return "".join(chars)


def _in_case(text: str, kb: Knowledge, model: str = Config().model) -> str | None:
    """For a text in capitals throughout ("FOREIGN MINISTER ALBARES MET ..."), or with lines in capitals (a
    headline a page sets in capitals: "WANG YI MEETS WITH NATO SECRETARY GENERAL JENS STOLTENBERG"), a copy
    of the same length with those words in ordinary case, so the grammar of names and titles can read them;
    None when no line is in capitals. Acronyms the knowledge knows (NATO, US; FM, CPC) and regnal numbers stay."""
    letters = [c for c in text if c.isalpha()]
    whole = len(letters) >= 40 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
    spans = []  # (start, end, prose) of each line to case
    pos = 0
    for line in text.split("\n"):
        caps = [c for c in line if c.isalpha()]
        if whole or (len(caps) >= 12 and len(line.split()) >= 2 and sum(c.isupper() for c in caps) >= 0.9 * len(caps)):
            # a sentence (it ends like one, or runs long) takes sentence case; a headline title case, as
            # headlines have it ("Readout of ... Lavrov Call on ...")
            kept = line.rstrip()
            spans.append((pos, pos + len(line), len(kept) > 150 or bool(re.search(r"[.!?\"”]$", kept))))
        pos += len(line) + 1
    if not spans:
        return None
    from spacy.lang.en.stop_words import STOP_WORDS

    words = english_words(model)

    def case(m: re.Match[str], prose: bool) -> str:
        w = m.group()
        if w == "S" and m.start() > 0 and text[m.start() - 1] in "'’":
            return "s"  # SPAIN'S
        if w in kb.exact_forms or not w.isupper():
            return w  # NATO, US, UN
        opening = m.start() == 0 or re.search(r"(?:[.!?][\"”’)]*\s+|\n\s*)$", text[max(0, m.start() - 6):m.start()])
        low = w.lower()
        if not opening and (low in _MINOR or (prose and (low in STOP_WORDS or _common_word(low, kb, words)))):
            return w.lower()  # "... MET WITH ...", "... UNDERSCORED THE IMPORTANCE ...", "... TODAY IN ROME"
        if _ROMAN.fullmatch(w) and not opening:
            return w  # POPE LEO XIV
        if len(w) <= 3 and w.lower() in kb.title_words and w.lower() not in kb.title_connectors:
            return w  # FM, PM, CPC
        if len(w) >= 3 and not re.search(r"[AEIOUY]", w) and low not in kb.name_address:
            return w  # an acronym no one could say as a word (CFSP, NPT), not a form of address (MRS)
        return w[0] + w[1:].lower()

    out = list(text)
    word = re.compile(r"[^\W\d_]+")
    for a, b, prose in spans:
        for m in word.finditer(text, a, b):
            out[m.start():m.end()] = case(m, prose)
    shadow = "".join(out)
    return shadow if len(shadow) == len(text) else None


_CALENDAR = frozenset(dates.MONTHS) | frozenset(dates.WEEKDAYS)  # capitalised in any sentence
# the words a headline in title case writes in lower case
_MINOR = frozenset("a an the and but or nor for of on in at to by with from as via into over per".split())
# words a sentence in capitals uses that are no names: the verbs of the lexicon in any form, the irregular
# past forms readouts use, times of day
_IRREGULAR = frozenset("""met held spoke spoken said told gave given took taken made sent brought sought led
underwent became come came went gone began begun wrote written saw seen knew thought found kept left paid won
today yesterday tomorrow tonight morning afternoon evening earlier later also""".split())


def _common_word(w: str, kb: Knowledge, words: frozenset[str] = frozenset()) -> bool:
    """Is a lower-cased word of a line in capitals an ordinary word, to be written in lower case ("met",
    "underscored", "reaffirms", "today"), and neither part of a known person's name ("Price", "Said") nor
    a word of titles ("State")?"""
    if w in kb.surnames or w in kb.title_words or w in kb.actor_forms or w in kb.city_forms:
        return False  # "Price", "Said"; "Secretary of State", not "Secretary of state"; "Beijing", "Geneva"
    if w in _IRREGULAR:
        return True
    lemmas = verb_lemmas(kb)
    stems = {w}
    for end, add in (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("ed", "e"), ("d", ""),
                     ("ing", ""), ("ing", "e")):
        if w.endswith(end) and len(w) > len(end) + 2:
            stem = w[:-len(end)] + add
            stems |= {stem, stem[:-1]} if len(stem) > 3 and stem[-1] == stem[-2] else {stem}  # "planned"
    # ``words``: the model's English word list (english_words), for long words only: it lists names too
    # ("Austin", "Lloyd", "Sullivan"), and a name read as a word is worse than a word read as a name
    return bool(stems & lemmas) or (len(w) >= 8 and w not in _CALENDAR and bool(stems & words))


_ROMAN = re.compile(r"(?:X{1,3}(?:IX|IV|V?I{0,3})|IX|IV|VI{0,3}|I{2,3})")


def _record(work: Work) -> Record:
    ctx = work.context
    if work.original is not None:
        # the record keeps the input as given; every span indexes it as it indexes the shadow
        orig = work.original
        for st in work.statements:
            st.text = orig[st.span[0]:st.span[1]]
        for e in work.engagements:
            for ag in e.agreements:
                ag.text = orig[ag.span[0]:ag.span[1]]
        work.text = orig
    doc = Document(id=document_id(work.text), text=work.text, source=ctx.get("source"), title=ctx.get("title"),
                   publisher=ctx.get("publisher"),
                   published=work.published.isoformat() if work.published else None, language="en")
    if work.home:
        # the side that published the readout, as far as the text tells: the side whose officials it
        # names without qualifying them ("Foreign Minister Wang Yi" in a Chinese readout)
        doc.__pydantic_extra__["publisher_side"] = work.home  # type: ignore[index]
    engs = []
    for d in work.engagements:
        parts = []
        for i in d.participants:
            p = work.people[i]
            parts.append(Participant(name=p.name, title=p.title, affiliation=p.affiliation, span=p.span,
                                     role=p.role_kind))
        engs.append(Engagement(id=d.id, type=d.type, modality=d.modality, date=d.date,  # type: ignore[arg-type]
                               date_text=d.date_text, location=d.location, initiator=d.initiator, participants=parts,
                               topics=d.topics, agreements=d.agreements, span=d.span,
                               **({"reported_as": d.reported_as} if d.reported_as else {})))
    return Record(document=doc, engagements=engs, statements=work.statements, events=work.events)


def _check(text: str, cfg: Config) -> None:
    if not text.strip():
        raise EmptyInputError("the document is empty")
    if len(text) > cfg.max_chars:
        raise InputTooLargeError(f"the document has {len(text):,} characters, more than the limit of "
                                 f"{cfg.max_chars:,} (split it, or raise Config.max_chars)")


def _run(text: str, doc: Any, context: dict[str, Any], kb: Knowledge, ner: Any = None,
         original: str | None = None) -> Record:
    work = Work(text=text, kb=kb, published=_published(context.get("published")), context=context, doc=doc,
                ner=ner, original=original)
    for _name, stage in STAGES:
        stage(work)
    return _record(work)


def _error_record(text: str, ctx: dict[str, Any], message: str, cfg: Config) -> Record:
    text = ctx["_given"][0] if "_given" in ctx else text  # the text as given, not its decoded copy
    rec = Record.empty(text if len(text) <= cfg.max_chars else "", source=ctx.get("source"))
    rec.__dict__["error"] = message
    return rec


def _failure(ctx: dict[str, Any], e: Exception) -> str:
    log.exception("extraction failed on %s", ctx.get("source") or "a document")
    return f"extraction failed ({type(e).__name__}: {e}); please report this input"


def _batch(good: list[tuple[str | None, dict[str, Any]]], backend: Any, kb: Knowledge, cfg: Config,
           size: int) -> Iterator[Record]:
    """One batch: tokenize all, segment each, run NER once over every chosen sentence of the batch,
    then the remaining stages document by document, with the event coder run once over every few
    documents (its parser is faster on many statements at once than on each document's few)."""
    shadows = {i: sh for i, (t, _) in enumerate(good) if t is not None and (sh := _shadow(t, kb, cfg.model)) is not None}
    docs = backend.tokens((shadows.get(i, t) for i, (t, _) in enumerate(good) if t is not None), batch_size=size)
    works: list[tuple[Work | None, str, dict[str, Any], list[str]]] = []
    for i, (text, ctx) in enumerate(good):
        if text is None:
            works.append((None, ctx["_text"], ctx, []))
            continue
        work = Work(text=shadows.get(i, text), kb=kb, published=_published(ctx.get("published")), context=ctx,
                    doc=next(docs), original=text if i in shadows else None)
        try:
            segment.run(work)
            chosen = [work.text[a:b] for a, b in entities.targets(work)]
        except Exception as e:  # a bug on one document must not lose the batch
            works.append((None, text, {**ctx, "_error": _failure(ctx, e)}, []))
            continue
        works.append((work, text, ctx, chosen))
    flat = [t for w, _, _, chosen in works if w is not None for t in chosen]
    found = iter(backend.entities(flat) if flat else [])
    for k in range(0, len(works), _CODING_CHUNK):
        yield from _finish_chunk(works[k:k + _CODING_CHUNK], found, cfg)


# documents whose statements go to the event coder together: large enough for an efficient parse,
# small enough that records keep streaming out (an ingest writes them while the next ones are read)
_CODING_CHUNK = 8


def _finish_chunk(works: list[tuple[Work | None, str, dict[str, Any], list[str]]], found: Iterator[Any],
                  cfg: Config) -> Iterator[Record]:
    """Every stage but segment (done) and events for each document, then the event coder once over
    them all, then each document's events and record."""
    planned: list[tuple[Work | None, str, dict[str, Any], events.CodingPlan | None]] = []
    for maybe, text, ctx, chosen in works:
        if maybe is None:
            planned.append((None, text, ctx, None))
            continue
        mine = [next(found) for _ in chosen]
        maybe.ner = lambda texts, mine=mine: mine
        try:
            for name, stage in STAGES:
                if name not in ("segment", "events"):
                    stage(maybe)
            planned.append((maybe, text, ctx, events.plan(maybe)))
        except Exception as e:  # a bug on one document must not lose the batch
            planned.append((None, text, {**ctx, "_error": _failure(ctx, e)}, None))
    todo = [(w, pl) for w, _, _, pl in planned if w is not None and pl is not None]
    results: dict[int, list[list[Any]]] = {}
    if todo:
        try:
            for (w, _pl), res in zip(todo, events.code(todo[0][0], [pl for _, pl in todo]), strict=True):
                results[id(w)] = res
        except Exception:  # one document breaking the coder: code each alone, so only it fails
            log.exception("event coding failed on a batch; coding its documents one by one")
            for w, one in todo:
                try:
                    results[id(w)] = events.code(w, [one])[0]
                except Exception as e:
                    w.context["_error"] = _failure(w.context, e)
    for maybe, text, ctx, pl in planned:
        if maybe is None or pl is None or id(maybe) not in results:
            yield _error_record(text, ctx, (maybe.context if maybe else ctx)["_error"], cfg)
            continue
        try:
            events.finish(maybe, pl, results[id(maybe)])
            rec = _record(maybe)
            yield _in_given(rec, *ctx["_given"]) if "_given" in ctx else rec
        except Exception as e:  # a bug on one document must not lose the batch
            yield _error_record(text, ctx, _failure(ctx, e), cfg)


def extract(text: str, context: dict[str, Any] | None = None, config: Config | None = None) -> Record:
    """Extract the record of one readout.

    Raises ``EmptyInputError`` for an empty text and ``InputTooLargeError`` past ``config.max_chars``.
    """
    cfg = config or Config()
    _check(text, cfg)
    decoded = _references_decoded(text)
    read = decoded[0] if decoded else text
    kb = load_knowledge(tuple(str(p) for p in cfg.actor_files))
    backend = load_backend(cfg.model)
    shadow = _shadow(read, kb, cfg.model)
    doc = next(iter(backend.tokens([shadow or read], batch_size=1)))
    rec = _run(shadow or read, doc, dict(context or {}), kb, backend.entities, read if shadow else None)
    return _in_given(rec, text, decoded[1]) if decoded else rec


def extract_many(items: Iterable[str | tuple[str, dict[str, Any]]], batch_size: int | None = None,
                 config: Config | None = None) -> Iterator[Record]:
    """Stream records for texts or ``(text, context)`` tuples, in input order, lazily.

    An empty or oversized text yields an empty record (with ``error`` set on it) rather than
    stopping the stream, so one bad document never loses a batch.
    """
    cfg = config or Config()
    kb = load_knowledge(tuple(str(p) for p in cfg.actor_files))
    backend = load_backend(cfg.model)
    size = batch_size or cfg.batch_size

    def pairs() -> Iterator[tuple[str, dict[str, Any]]]:
        for it in items:
            if isinstance(it, tuple):
                yield it[0], dict(it[1] or {})
            else:
                yield it, {}

    buf: list[tuple[str, dict[str, Any]]] = []

    def flush() -> Iterator[Record]:
        good: list[tuple[str | None, dict[str, Any]]] = []
        for text, ctx in buf:
            try:
                _check(text, cfg)
                decoded = _references_decoded(text)
                good.append((decoded[0], {**ctx, "_given": (text, decoded[1])}) if decoded else (text, ctx))
            except (EmptyInputError, InputTooLargeError) as e:
                good.append((None, {**ctx, "_error": str(e), "_text": text}))
        yield from _batch(good, backend, kb, cfg, size)

    for pair in pairs():
        buf.append(pair)
        if len(buf) >= size:
            yield from flush()
            buf = []
    if buf:
        yield from flush()
