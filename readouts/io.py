"""Reading documents: files, folders and streams in; (text, context) pairs out.

Formats by extension: ``.txt`` and ``.md`` are read as they are (the record's text is the input as
decoded, unchanged); ``.html``/``.htm`` have their main text extracted (trafilatura, offline; the
HTML's title and date go into the context); ``.jsonl`` holds one document per line with ``text`` and
optional ``id``, ``source``, ``published``, ``publisher``, ``title``.

Bad input raises an ``InputError`` subclass with a one-line message: empty, binary, not UTF-8, too
large, not English, or HTML with no readable text.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    LanguageError,
)

__all__ = ["SUFFIXES", "check_english", "decode", "html_to_text", "iter_folder", "read_document", "read_path"]

log = logging.getLogger("readouts")

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
MAX_BYTES = 8_000_000

_EN = {"the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was", "by", "at", "said",
       "has", "have", "are", "be", "will", "two", "sides", "from", "his", "her", "their", "it", "this", "which"}

_OTHER = {
    "French": {"le", "la", "les", "des", "du", "et", "est", "une", "un", "dans", "pour", "avec", "sur", "au", "aux",
               "qui", "que", "ont", "ses", "ministre", "été", "entre", "deux", "leur", "cette", "ce"},
    "Spanish": {"el", "los", "las", "del", "y", "es", "una", "un", "con", "para", "por", "que", "su", "sus", "ministro",
                "entre", "dos", "ha", "han", "fue", "como", "al", "lo", "se"},
    "Portuguese": {"os", "do", "da", "dos", "das", "e", "um", "uma", "com", "para", "por", "que", "seu", "sua",
                   "ministro", "entre", "dois", "foi", "ao", "não", "em", "na"},
    "German": {"der", "das", "und", "ist", "ein", "eine", "mit", "für", "von", "den", "dem", "des", "zu", "auf",
               "sich", "nicht", "im", "zwischen", "beiden", "hat", "haben", "wurde"},
    "Italian": {"il", "lo", "gli", "della", "delle", "dei", "degli", "e", "è", "una", "con", "per", "che", "nel",
                "nella", "ministro", "tra", "ha", "hanno", "sono", "alla"},
    "Dutch": {"de", "het", "een", "en", "van", "met", "voor", "op", "dat", "zijn", "niet", "ook", "tussen", "twee",
              "heeft", "hebben", "werd", "bij"},
    "Indonesian": {"dan", "yang", "di", "dengan", "untuk", "dari", "ini", "itu", "pada", "dalam", "kedua", "menteri",
                   "tidak", "akan", "juga", "oleh", "sebagai"},
}


def decode(data: bytes, name: str = "<input>") -> str:
    """Bytes to text: UTF-8 (a BOM is dropped), or UTF-16 with a BOM; binary or other encodings refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise EncodingError(f"{name}: not valid UTF-16 despite its byte-order mark") from e
    head = data[:8192]
    if b"\x00" in head:
        raise BinaryInputError(f"{name}: binary data, not text (NUL bytes); give a .txt, .md, .html or .jsonl file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise EncodingError(f"{name}: not valid UTF-8 (byte {e.start}); convert it first, e.g. iconv -t UTF-8") from e
    ctrl = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if ctrl > max(8, len(text[:8192]) // 50):
        raise BinaryInputError(f"{name}: binary data, not text (control characters)")
    return text


def check_english(text: str, name: str = "<input>") -> None:
    """Raise ``LanguageError`` when a text of some length is clearly not English."""
    words = re.findall(r"[^\W\d_]+", text[:20000].lower())
    if words and not any(w.isascii() for w in words):
        raise LanguageError(f"{name}: the text has no Latin-script words; readouts reads English readouts only")
    if len(words) < 12:
        return
    latin = sum(1 for w in words if w.isascii())
    common = sum(1 for w in words if w in _EN)
    if latin / len(words) < 0.5 or common / len(words) < 0.04:
        raise LanguageError(f"{name}: the text does not look like English; readouts reads English readouts only")
    # function words of the other languages official readouts are published in (none that is also a common English
    # word): a French or Spanish text shares a few short words with English ("a", "on", "de" in names) but has far
    # more of its own
    for lang, own in _OTHER.items():
        theirs = sum(1 for w in words if w in own)
        if theirs >= 4 and theirs > 1.5 * common:
            raise LanguageError(f"{name}: the text looks like {lang}, not English; readouts reads English readouts only")


def html_to_text(html: str, name: str = "<input>") -> tuple[str, dict[str, Any]]:
    """The main text of an HTML page, with its title and date when the page gives them."""
    ctx: dict[str, Any] = {}
    try:
        import trafilatura

        text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
        meta = trafilatura.extract_metadata(html)
    except Exception as e:  # trafilatura raises assorted errors on broken markup
        log.debug("trafilatura failed on %s: %s", name, e)
        text, meta = None, None
    if not text:
        # broken or minimal HTML: strip the tags ourselves
        from html.parser import HTMLParser

        class _Strip(HTMLParser):
            def __init__(self) -> None:
                super().__init__()
                self.parts: list[str] = []
                self.skip = 0

            def handle_starttag(self, tag: str, attrs: Any) -> None:
                if tag in ("script", "style"):
                    self.skip += 1
                elif tag in ("p", "br", "div", "li", "h1", "h2", "h3", "tr"):
                    self.parts.append("\n")

            def handle_endtag(self, tag: str) -> None:
                if tag in ("script", "style") and self.skip:
                    self.skip -= 1

            def handle_data(self, data: str) -> None:
                if not self.skip:
                    self.parts.append(data)

        p = _Strip()
        p.feed(html)
        p.close()
        text = re.sub(r"[ \t]+", " ", "".join(p.parts))
        text = re.sub(r"\n\s*\n+", "\n", text).strip()
    if not text or not text.strip():
        raise EmptyInputError(f"{name}: the HTML holds no readable text")
    if meta is not None:
        if getattr(meta, "title", None):
            ctx["title"] = meta.title
        if getattr(meta, "date", None):
            ctx["published"] = meta.date
    return text, ctx


def read_document(data: bytes, name: str = "<input>", suffix: str | None = None) -> list[tuple[str, dict[str, Any]]]:
    """Decode one input (bytes of a file or stdin) into (text, context) pairs — several for .jsonl."""
    if len(data) > MAX_BYTES:
        raise InputTooLargeError(f"{name}: {len(data):,} bytes, more than the limit of {MAX_BYTES:,}; split it")
    suffix = (suffix or Path(name).suffix).lower()
    text = decode(data, name)
    if not text.strip():
        raise EmptyInputError(f"{name}: empty")
    if suffix == ".jsonl":
        return list(_jsonl(text, name))
    if suffix in (".html", ".htm") or (suffix not in (".txt", ".md") and re.match(r"\s*<(?:!doctype|html)", text, re.IGNORECASE)):
        body, ctx = html_to_text(text, name)
        check_english(body, name)
        return [(body, {"source": name, **ctx})]
    check_english(text, name)
    return [(text, {"source": name})]


def read_stdin(data: bytes) -> list[tuple[str, dict[str, Any]]]:
    """Decode what came on standard input: JSON lines when its first line is a JSON object with a
    "text", HTML when it starts like a page, plain text otherwise."""
    first = next((ln for ln in data[:65536].splitlines() if ln.strip()), b"").strip()
    suffix = None
    if first.startswith(b"{"):
        try:
            obj = json.loads(first.decode("utf-8-sig"))
        except (ValueError, UnicodeDecodeError):
            obj = None
        if isinstance(obj, dict) and "text" in obj:
            suffix = ".jsonl"
    return read_document(data, "<stdin>", suffix)


def _jsonl(text: str, name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{name}:{n}: not a JSON object ({e.msg})") from e
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise InputError(f'{name}:{n}: each line needs a "text" string')
        ctx = {k: obj[k] for k in ("id", "source", "published", "publisher", "title", "date") if obj.get(k) is not None}
        if "published" not in ctx and "date" in ctx:
            ctx["published"] = ctx["date"]
        ctx.pop("date", None)
        ctx.setdefault("source", str(ctx.get("id") or f"{name}:{n}"))
        yield obj["text"], ctx


def read_path(path: str | Path) -> list[tuple[str, dict[str, Any]]]:
    """Read one file (raises ``InputError`` subclasses for bad input)."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputTooLargeError(f"{p}: {size:,} bytes, more than the limit of {MAX_BYTES:,}; split it")
        data = p.read_bytes()
    except OSError as e:
        raise InputError(f"{p}: cannot read: {e.strerror or e}") from e
    return read_document(data, str(p))


def iter_folder(folder: str | Path) -> list[Path]:
    """The readable files of a folder, recursively, in a stable order."""
    return sorted(p for p in Path(folder).rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
