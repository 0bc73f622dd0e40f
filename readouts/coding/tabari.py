"""Read PETRARCH/TABARI dictionaries (actors, agents, verbs, discards) into ``readouts.coding.lexicon``.

The four file kinds share one line syntax and differ in what a line says.

Shared syntax
    ``#`` starts a comment that runs to the end of the line. A line whose first non-blank characters are
    ``<!`` is an SGML-style comment line; when it opens ``<!--`` without closing it, the comment runs to the
    next ``-->`` unless another ``<!`` opener comes first (the PETRARCH validation files open a header with
    a bare ``<!-- `` and close it with ``# -->``). ``<!-- ... -->`` inside a line is cut out; an unclosed
    ``<!--`` inside a line ends that line. Files are UTF-8; a file that is not valid UTF-8 is read as
    cp1252 (latin-1 as a last resort). Words of one phrase are joined by underscores or blanks; a trailing
    underscore (TABARI's "match the exact word, do not stem" mark) is dropped; words are lower-cased, and
    opening/closing brackets, double quotes, a trailing comma, ``'s`` and ``n't`` are split off as the
    tokenizer would (``FREE_HILLMEN'S_`` -> free, hillmen, 's).

Actors (``*.actors.txt``)
    A root line names an actor and may carry its codes: ``GONDOR [GON]``. ``+NAME`` lines after it are
    synonyms (``+A_ +B_``: two of them); indented ``[CODE ...]`` lines after root and synonyms add codes; all
    codes belong to the root and every synonym. A group without any code that is directly followed (no
    blank line) by another root line shares that root's codes: the Phoenix files list more names of one
    person as root lines. A bracket holds a code and an optional date restriction: ``[GONGOV 950601-990815]``
    (from the first date up to, not including, the second, as PETRARCH compares), ``[GON >990816]`` (from),
    ``[GON <950601]`` (before), blanks allowed inside (``[GONGOV 19950601 - 19990815]``), several brackets
    on one line. A bare date ``[GON 20121204]`` is read as "from". Dates are ``yymmdd`` or ``yyyymmdd``;
    two-digit years ``00``-``30`` are 20yy and ``31``-``99`` 19yy (the KEDS/TABARI/PETRARCH pivot; with it
    no range in the Phoenix files runs backwards, with 31 thirty do). Codes are upper-cased, lose
    surrounding quotes, and are otherwise kept as written (``---``, ``+++``, ``ELR/GAL``). Dated codes come
    before undated ones in an entry, so that an undated code is the default when no dated one applies
    (``ActorIndex`` takes the first valid code).

Agents (``*.agents.txt``)
    ``NOUN_PHRASE {PLURAL} [~SECTOR]``: ``~GOV`` is appended to the country code, ``NGO~`` is put before
    it. ``{PLURAL}`` is one phrase, the plural; ``{}`` means there is none to make. Without braces a regular
    plural of the last word is made: consonant + y -> ies, s/x/z/ch/sh -> +es, otherwise +s (TABARI and
    PETRARCH make y -> ies after vowels too, "attornies"; we do not). No plural is made for a phrase that
    ends in an underscore (exact word) or in a function word (``OBSERVERS_IN``), nor for one with
    substitution markers. ``!NAME! = A, B, C`` defines a marker; a later ``CONGRESS!PERSON!`` stands for
    congressman, congressmen, ... (every marker of a phrase is expanded; a marker inside a word, as in the
    Phoenix file's ``AD!MINIST!RATIVE``, is a search-and-replace slip and is read literally).

Verbs (``*.verbs.txt``, PETRARCH-1 and the 2.0 format of ``CAMEO.2.0.txt``)
    ``&NAME`` opens a synonym set whose members are the ``+MEMBER`` lines that follow; a member may be
    bracketed ``+(TO THE END)`` or be another set ``+&OTHER`` (expanded). ``--- NAME [code] ---`` opens a
    verb block; its plain lines are verbs: ``SAY {SAYS SAID SAYING} [code]`` (base form, irregular forms,
    optional own code), ``+BREAK_DOWN {+BREAKS_DOWN ...}`` (a phrasal verb; the ``+`` marks the verb among
    its particles: ``WIRE_+TAP``), ``LASH OUT``. Its ``- pre * post [code]`` lines are patterns: words,
    ``*`` for the verb, ``$`` source, ``+`` target, ``%`` compound actor, ``&SET`` synset (``&SET_WORD`` is
    the set and a word unless the file defines a set ``SET_WORD``), ``( )`` and ``{ }`` groupings
    (flattened), underscores between words (split), ``^`` (TABARI's "skip a noun phrase"; dropped: gaps are
    allowed anyway) and ``A/B`` word alternatives (one pattern per alternative). Codes are ``[040]``,
    ``[043:042]`` (event and reverse event), ``[:080]`` (reverse only), ``[---]`` (none); odd ones
    (``174L``, ``+++``) are kept as written. A pattern line without its dash (``* (TO QUESTION) [110]``) is
    read as a pattern. ``~`` lines (PETRARCH-2 "transformations" of nested events) are skipped and counted;
    a ``;`` starts an old TABARI comment. Every verb of a block gets the block's patterns; a verb listed in
    several blocks keeps its first code and collects the patterns of all of them. Event nouns are not
    marked as such in these files, so ``VerbLexicon.nouns`` stays empty.

Discards (``*.discards.txt``)
    One phrase a line; a ``+`` prefix makes it story-level (the whole story is not coded).

Errors: a file that cannot be read, holds binary data, or yields nothing usable from its non-comment lines
raises :class:`readouts.errors.KnowledgeError` naming the file and line. A bad line in an otherwise
readable file is skipped with a warning on the ``readouts`` logger (the first 20 of a file, then a count);
a summary with what was read and what was skipped or repaired is logged at INFO level.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from ..errors import KnowledgeError
from .lexicon import (
    ActorCode,
    ActorDictionary,
    AgentCode,
    AgentDictionary,
    Phrase,
    VerbEntry,
    VerbLexicon,
    VerbPattern,
)

__all__ = ["Discards", "read_actors", "read_agents", "read_discards", "read_verbs"]

log = logging.getLogger("readouts")

YEAR_PIVOT = 30  # two-digit years 00..30 are 20yy, 31..99 are 19yy (as KEDS, TABARI and PETRARCH)
MAX_WARNINGS = 20  # per file; the rest are counted in the summary
MAX_ALTERNATIVES = 16  # "A/B" alternatives of one pattern, at most this many patterns


@dataclass
class Discards:
    """Phrases that stop coding when they occur: of the sentence, or (TABARI ``+``) of the whole story."""

    sentence: set[Phrase] = field(default_factory=set)
    story: set[Phrase] = field(default_factory=set)


class _Bad(Exception):
    """A line (or part of one) that cannot be read; the message says why."""


# ---------------------------------------------------------------------------------------------- file lines
class _Source:
    """One dictionary file: its content lines without comments, and a tally of what was skipped."""

    def __init__(self, path: str | Path, kind: str):
        self.path = Path(path)
        self.kind = kind
        self.bad_lines = 0
        self.first_bad: tuple[int, str] | None = None
        self.skipped: Counter[str] = Counter()  # deliberately skipped or repaired syntax, by kind
        self._raw = self._read()

    def _read(self) -> list[str]:
        try:
            data = self.path.read_bytes()
        except OSError as e:
            raise KnowledgeError(f"{self.path}: cannot read {self.kind} dictionary: {e.strerror or e}") from e
        nul = data.find(b"\0")
        if nul >= 0:
            line = data.count(b"\n", 0, nul) + 1
            raise KnowledgeError(f"{self.path}:{line}: binary data (NUL byte), not a TABARI {self.kind} dictionary")
        for encoding in ("utf-8-sig", "cp1252", "latin-1"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if encoding != "utf-8-sig":
                log.info("%s: not valid UTF-8, read as %s", self.path, encoding)
            return text.splitlines()
        raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover

    def lines(self) -> Iterator[tuple[int, str, str]]:
        """(line number, content without comments, stripped; the ``#`` comment's text) of content lines."""
        raw = self._raw
        i = 0
        carry: str | None = None  # what follows a block comment's '-->' on its last line
        while i < len(raw):
            line = raw[i] if carry is None else carry
            carry = None
            if line.lstrip().startswith("<!"):
                i, carry = self._skip_comment_block(i, line)
                continue
            line = self._cut_inline_comments(line)
            comment = ""
            hash_at = line.find("#")
            if hash_at >= 0:
                line, comment = line[:hash_at], line[hash_at + 1:].strip()
            text = line.strip()
            if text:
                yield i + 1, text, comment
            i += 1

    def _skip_comment_block(self, i: int, line: str) -> tuple[int, str | None]:
        """Where reading resumes after the comment that ``line`` (line ``i``) opens: a line index, and
        the text after the closing '-->' when that line goes on."""
        if not line.lstrip().startswith("<!--") or "-->" in line:
            return i + 1, None
        for k in range(i + 1, len(self._raw)):
            later = self._raw[k]
            if later.lstrip().startswith("<!"):
                break  # a new comment opens: the first one was never closed
            if "-->" in later:
                rest = later[later.index("-->") + 3:]
                return (k, rest) if rest.strip() else (k + 1, None)
        self.skipped["unclosed '<!--' comment (one line only)"] += 1
        return i + 1, None

    def _cut_inline_comments(self, line: str) -> str:
        while "<!--" in line:
            a = line.index("<!--")
            b = line.find("-->", a + 4)
            if b < 0:
                self.skipped["unclosed '<!--' inside a line (rest of line dropped)"] += 1
                return line[:a]
            line = line[:a] + " " + line[b + 3:]
        return line

    def bad(self, lineno: int, reason: str) -> None:
        """A line (or a part of one) that could not be read: warn, and count."""
        self.bad_lines += 1
        if self.first_bad is None:
            self.first_bad = (lineno, reason)
        if self.bad_lines <= MAX_WARNINGS:
            log.warning("%s:%d: %s", self.path, lineno, reason)

    def finish(self, what: str, usable: int) -> None:
        """Raise if nothing could be read although there was something to read; log a summary."""
        if usable == 0 and self.first_bad is not None:
            lineno, reason = self.first_bad
            raise KnowledgeError(f"{self.path}:{lineno}: {reason}; nothing usable in this {self.kind} dictionary")
        if self.bad_lines > MAX_WARNINGS:
            log.warning("%s: %d more unreadable lines skipped", self.path, self.bad_lines - MAX_WARNINGS)
        extra = "; ".join(f"{k}: {v}" for k, v in sorted(self.skipped.items()))
        log.info("%s: %s; %d unreadable lines skipped%s", self.path, what, self.bad_lines,
                 f"; {extra}" if extra else "")


# -------------------------------------------------------------------------------------------------- phrases
def _split_word(word: str) -> list[str]:
    """One blank/underscore-delimited chunk as the tokenizer's lower-case tokens."""
    w = word.lower()
    if w[0] not in '("' and w[-1] not in ')",st':  # the common case: nothing to split off
        return [w]
    head: list[str] = []
    tail: list[str] = []
    while w and w[0] in '("':
        head.append(w[0])
        w = w[1:]
    while w and w[-1] in ')",':
        tail.insert(0, w[-1])
        w = w[:-1]
    if len(w) > 2 and w.endswith("'s"):
        head.extend((w[:-2], "'s"))
    elif len(w) > 3 and w.endswith("n't"):
        head.extend((w[:-3], "n't"))
    elif w:
        head.append(w)
    return head + tail


def _phrase(text: str) -> Phrase:
    """``PRESIDENT_GEORGE_W._BUSH`` -> ("president", "george", "w.", "bush")."""
    words: list[str] = []
    for chunk in text.replace("_", " ").split():
        words.extend(_split_word(chunk))
    return tuple(words)


def _plural(word: str) -> str | None:
    """The regular English plural of a lower-case noun, or None when the word does not end in a letter."""
    if not word or not word[-1].isalpha():
        return None
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def _brackets(text: str, lineno: int, src: _Source) -> tuple[list[str], str]:
    """The contents of the ``[...]`` groups in ``text`` and any text after the last one."""
    found: list[str] = []
    pos = 0
    while True:
        a = text.find("[", pos)
        if a < 0:
            return found, text[pos:].strip()
        b = text.find("]", a + 1)
        if b < 0:
            src.bad(lineno, f"'[' without ']' in {text!r}")
            return found, ""
        found.append(text[a + 1:b])
        pos = b + 1


# ---------------------------------------------------------------------------------------------------- actors
_DATE_SPEC = re.compile(r"^(?P<op>[<>]?)(?P<a>\d+)(?:-(?P<b>\d+))?$")


def _day(digits: str) -> date:
    """``yymmdd`` (with the year pivot) or ``yyyymmdd``."""
    if len(digits) == 6:
        yy = int(digits[:2])
        year = 2000 + yy if yy <= YEAR_PIVOT else 1900 + yy
        month, day = int(digits[2:4]), int(digits[4:6])
    elif len(digits) == 8:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    else:
        raise _Bad(f"date {digits!r} is neither yymmdd nor yyyymmdd")
    try:
        return date(year, month, day)
    except ValueError as e:
        raise _Bad(f"date {digits!r}: {e}") from e


def _actor_code(content: str) -> ActorCode:
    """``GONGOV 950601-990815`` -> ActorCode("GONGOV", 1995-06-01, 1999-08-14)."""
    parts = content.split()
    if not parts:
        raise _Bad("empty code '[]'")
    code = parts[0].strip("'\"").upper()
    spec = "".join(parts[1:])
    if not spec:
        return ActorCode(code)
    m = _DATE_SPEC.match(spec)
    if m is None:
        raise _Bad(f"bad date restriction {spec!r} of code {code}")
    first = _day(m["a"])
    if m["b"] is not None:
        if m["op"]:
            raise _Bad(f"bad date restriction {spec!r} of code {code}")
        last = _day(m["b"])
        if last < first:
            raise _Bad(f"date range {spec!r} of code {code} ends before it starts")
        return ActorCode(code, first, max(first, last - timedelta(days=1)))
    if m["op"] == "<":
        return ActorCode(code, None, first - timedelta(days=1))
    return ActorCode(code, first, None)  # ">date" and a bare date: from that day on


class _ActorReader:
    def __init__(self, src: _Source):
        self.src = src
        self.entries: dict[Phrase, list[ActorCode]] = {}
        self.names: list[Phrase] = []  # the current root, its synonyms, and codeless roots just before it
        self.codes: list[ActorCode] = []
        self.root_line = 0
        self.root_text = ""
        self.last_line = 0  # the current group's last line
        self.brackets = False  # the current group has code brackets (readable or not)
        self.carried: list[Phrase] = []  # names of a codeless group that ended on the line above this root
        self.roots = self.synonyms = self.assignments = self.dated = 0

    def read(self) -> ActorDictionary:
        for lineno, text, _ in self.src.lines():
            if text.startswith("["):
                if not self.names:
                    self.src.bad(lineno, f"codes {text!r} with no actor before them")
                    continue
                self._codes(text, lineno)
            elif text.startswith("+"):
                if not self.names:
                    self.src.bad(lineno, f"synonym {text!r} with no actor before it")
                    continue
                self.last_line = lineno
                self._synonyms(text, lineno)
            else:
                self._flush(lineno)
                self._root(text, lineno)
        self._flush(0)
        for codes in self.entries.values():
            codes.sort(key=lambda c: c.start is None and c.end is None)  # dated first: undated is the default
        self.src.finish(f"{self.roots} actors, {self.synonyms} synonyms, {len(self.entries)} phrases, "
                        f"{self.assignments} codes ({self.dated} dated)", len(self.entries))
        return ActorDictionary(entries=self.entries)

    def _codes(self, text: str, lineno: int) -> None:
        self.brackets = True
        contents, rest = _brackets(text, lineno, self.src)
        if rest:
            self.src.skipped["text after an actor's codes (ignored)"] += 1
        for content in contents:
            try:
                self.codes.append(_actor_code(content))
            except _Bad as e:
                self.src.bad(lineno, f"{e}; code skipped")

    def _synonyms(self, text: str, lineno: int) -> None:
        name, bracket, codes = text.partition("[")
        for part in re.split(r"\s+(?=\+)", name.strip()):
            phrase = _phrase(part[1:])
            if phrase:
                self.names.append(phrase)
                self.synonyms += 1
            else:
                self.src.bad(lineno, f"empty synonym {part!r}")
        if bracket:
            self._codes(bracket + codes, lineno)

    def _root(self, text: str, lineno: int) -> None:
        name, bracket, codes = text.partition("[")
        phrase = _phrase(name)
        if not phrase:
            self.src.bad(lineno, f"no actor name in {text!r}")
            return
        self.roots += 1
        self.names = [*self.carried, phrase]
        self.carried = []
        self.codes = []
        self.root_line, self.root_text = lineno, name.strip()
        self.last_line = lineno
        self.brackets = False
        if bracket:
            self._codes(bracket + codes, lineno)

    def _flush(self, next_line: int) -> None:
        """Store the current group. A group without code brackets that is directly followed by another root
        line (no blank line between) shares that root's codes: the Phoenix files list further names of an actor
        as root lines (``IVO_X_`` / ``PRESIDENT_X_`` / ``X_`` / ``[code]``)."""
        names, codes = self.names, self.codes
        self.names, self.codes = [], []
        if not names:
            return
        if not codes:
            if next_line == self.last_line + 1 and not self.brackets:
                self.carried = names
                self.src.skipped["codeless groups sharing the next root's codes"] += 1
            else:
                self.src.bad(self.root_line, f"actor {self.root_text!r} has no (readable) code; skipped")
            return
        self.assignments += len(codes)
        self.dated += sum(1 for c in codes if c.start is not None or c.end is not None)
        for phrase in names:
            have = self.entries.setdefault(phrase, [])
            have.extend(c for c in codes if c not in have)


def read_actors(path: str | Path) -> ActorDictionary:
    """A TABARI/PETRARCH ``.actors`` file as an :class:`ActorDictionary` (see the module docstring)."""
    return _ActorReader(_Source(path, "actor")).read()


# ---------------------------------------------------------------------------------------------------- agents
_MARKER = re.compile(r"!([A-Za-z0-9_]+)!")
_NO_PLURAL = frozenset("a an and at by for from in of on or the to with".split())  # "OBSERVERS_IN": no "ins"
_MARKER_DEF = re.compile(r"^!([A-Za-z0-9_]+)!\s*=\s*(.*)$")


def _agent_code(content: str) -> AgentCode:
    code = "".join(content.split())
    if code.startswith("~") and len(code) > 1:
        return AgentCode(code[1:].upper())
    if code.endswith("~") and len(code) > 1:
        return AgentCode(code[:-1].upper(), prefix=True)
    raise _Bad(f"agent code {content!r} is neither '~CODE' nor 'CODE~'")


def _expand_markers(text: str, markers: dict[str, list[str]]) -> list[str]:
    """Every text ``text`` stands for with its ``!NAME!`` markers replaced; a marker inside a word
    (letters on both sides) is read as its name (a search-and-replace slip)."""

    def literal(m: re.Match[str]) -> str:
        s, e = m.start(), m.end()
        inside = 0 < s and text[s - 1].isalpha() and e < len(text) and text[e].isalpha()
        return m.group(1) if inside else m.group(0)

    text = _MARKER.sub(literal, text)
    pieces = _MARKER.split(text)  # text, name, text, name, ..., text
    options: list[list[str]] = []
    for k, piece in enumerate(pieces):
        if k % 2 == 0:
            options.append([piece])
        elif piece in markers:
            options.append(markers[piece])
        else:
            raise _Bad(f"substitution marker !{piece}! is not defined")
    return ["".join(combo) for combo in itertools.product(*options)]


class _AgentReader:
    def __init__(self, src: _Source):
        self.src = src
        self.entries: dict[Phrase, AgentCode] = {}
        self.markers: dict[str, list[str]] = {}
        self.lines_read = 0

    def read(self) -> AgentDictionary:
        for lineno, text, _ in self.src.lines():
            try:
                if text.startswith("!") and "=" in text:
                    self._define(text)
                else:
                    self._entry(text)
            except _Bad as e:
                self.src.bad(lineno, f"{e}; line skipped")
        self.src.finish(f"{self.lines_read} agent lines, {len(self.entries)} phrases, "
                        f"{len(self.markers)} substitution markers", len(self.entries))
        return AgentDictionary(entries=self.entries)

    def _define(self, text: str) -> None:
        m = _MARKER_DEF.match(text)
        if m is None:
            raise _Bad(f"bad substitution marker definition {text!r}")
        items = [item.strip() for item in m.group(2).split(",") if item.strip()]
        if not items:
            raise _Bad(f"substitution marker !{m.group(1)}! has no values")
        self.markers[m.group(1)] = items

    def _entry(self, text: str) -> None:
        spec, bracket, rest = text.partition("[")
        if not bracket:
            raise _Bad(f"no agent code in {text!r}")
        end = min((i for i in (rest.find("]"), rest.find("}")) if i >= 0), default=-1)
        if end < 0:
            raise _Bad(f"'[' without ']' in {text!r}")
        if rest[end] == "}":
            self.src.skipped["agent code closed by '}' (read as ']')"] += 1
        code = _agent_code(rest[:end])
        noun, plurals = self._forms(spec)
        self.lines_read += 1
        for form in itertools.chain(noun, plurals):
            phrase = _phrase(form)
            if phrase:
                self.entries[phrase] = code

    def _forms(self, spec: str) -> tuple[list[str], list[str]]:
        """The singular texts and plural texts of an entry's phrase part."""
        explicit: str | None = None
        if "{" in spec:
            a = spec.index("{")
            b = spec.find("}", a)
            if b < 0:
                raise _Bad("'{' without '}'")
            spec, explicit = spec[:a], spec[a + 1:b]
        if "!" in spec and _MARKER.search(spec):
            singular = _expand_markers(spec, self.markers)
            plural = _expand_markers(explicit, self.markers) if explicit and explicit.strip() else []
            return singular, plural
        if explicit is not None:
            return [spec], [explicit] if explicit.strip() else []
        if spec.rstrip().endswith("_"):
            return [spec], []  # an exact word: no plural (as TABARI)
        words = _phrase(spec)
        last = _plural(words[-1]) if words and words[-1] not in _NO_PLURAL else None
        return [spec], [" ".join((*words[:-1], last))] if last else []


def read_agents(path: str | Path) -> AgentDictionary:
    """A TABARI/PETRARCH ``.agents`` file as an :class:`AgentDictionary` (see the module docstring)."""
    return _AgentReader(_Source(path, "agent")).read()


# ----------------------------------------------------------------------------------------------------- verbs
_CODE_SHAPE = re.compile(r"^\d{2,4}[A-Za-z]?$")
_UNSUPPORTED = re.compile(r"[|@=<>~]")


def _event_code(content: str) -> tuple[str | None, str | None]:
    """``040`` -> ("040", None); ``043:042`` -> ("043", "042"); ``:080`` -> (None, "080"); ``---`` -> None."""
    text = content.strip()
    if not text:
        raise _Bad("empty code '[]'")
    first, colon, second = text.partition(":")

    def one(s: str) -> str | None:
        s = s.strip()
        return None if s in ("", "---") else s

    code, reverse = one(first), one(second) if colon else None
    return code, reverse


def _synset_key(name: str) -> str:
    return name.lstrip("&").rstrip("_").lower()


class _VerbReader:
    def __init__(self, src: _Source):
        self.src = src
        self.lexicon = VerbLexicon()
        self.lines = list(src.lines())
        self.synset_names = {_synset_key(text.split()[0]) for _, text, _ in self.lines if text.startswith("&")}
        self.raw_synsets: dict[str, list[tuple[str, ...]]] = {}
        self.referenced: dict[str, int] = {}  # synset name -> first line that uses it
        self.mode = ""  # "", "synset" or "block"
        self.synset = ""
        self.block_code: tuple[str | None, str | None] = (None, None)
        self.block_line = 0
        self.block_verbs: list[VerbEntry] = []
        self.block_patterns: list[VerbPattern] = []
        self.pattern_keys: dict[Phrase, set[tuple[tuple[str, ...], str | None, str | None]]] = {}
        self.blocks = self.pattern_lines = 0
        self.odd_codes: Counter[str] = Counter()

    # -- driver
    def read(self) -> VerbLexicon:
        for lineno, text, comment in self.lines:
            try:
                self._line(lineno, text, comment)
            except _Bad as e:
                self.src.bad(lineno, f"{e}; line skipped")
        self._close_block()
        self._resolve_synsets()
        n_patterns = len({id(p) for e in self.lexicon.verbs.values() for p in e.patterns})
        if self.odd_codes:
            self.src.skipped["unusual codes kept as written (" + ", ".join(sorted(self.odd_codes)) + ")"] = sum(
                self.odd_codes.values())
        self.src.finish(f"{self.blocks} verb blocks, {len(self.lexicon.verbs)} verbs, {self.pattern_lines} pattern "
                        f"lines, {n_patterns} patterns, {len(self.lexicon.synsets)} synsets",
                        len(self.lexicon.verbs) + len(self.lexicon.synsets))
        return self.lexicon

    def _line(self, lineno: int, text: str, comment: str) -> None:
        if ";" in text:
            text = text[:text.index(";")].strip()
            self.src.skipped["';' comments"] += 1
            if not text:
                return
        if text.startswith("~"):
            self.src.skipped["'~' transformation lines"] += 1
        elif text.startswith("&"):
            self._open_synset(text)
        elif text.startswith("---"):
            self._open_block(text, lineno)
        elif text.startswith("+") and self.mode == "synset":
            self._member(text, lineno)
        elif text.startswith("-"):
            self._pattern(text[1:], lineno, comment)
        elif "*" in text and self.mode == "block":
            self.src.skipped["patterns without the leading '-' (read as patterns)"] += 1
            self._pattern(text, lineno, comment)
        elif self.mode == "block":
            self._verb(text)
        else:
            raise _Bad(f"{text!r} outside a verb block or synset")

    # -- synsets
    def _open_synset(self, text: str) -> None:
        self.mode = "synset"
        self.synset = _synset_key(text.split()[0])
        self.raw_synsets.setdefault(self.synset, [])

    def _member(self, text: str, lineno: int) -> None:
        terms = self._terms_of(re.sub(r"[(){}]", " ", text[1:]), lineno)
        if not terms:
            raise _Bad(f"empty synset member {text!r}")
        self.raw_synsets[self.synset].append(terms)

    def _resolve_synsets(self) -> None:
        done: dict[str, list[Phrase]] = {}

        def resolve(name: str, stack: tuple[str, ...]) -> list[Phrase]:
            if name in done:
                return done[name]
            out: list[Phrase] = []
            for member in self.raw_synsets.get(name, []):
                options: list[list[Phrase]] = []
                for term in member:
                    if not term.startswith("&"):
                        options.append([(term,)])
                    elif term[1:] in stack:
                        self.src.skipped["synset members that refer to their own set"] += 1
                        options.append([])
                    else:
                        options.append(resolve(term[1:], (*stack, term[1:])))
                for combo in itertools.product(*options):
                    phrase = tuple(w for part in combo for w in part)
                    if phrase not in out:
                        out.append(phrase)
            done[name] = out
            return out

        for name in self.raw_synsets:
            self.lexicon.synsets[name] = resolve(name, (name,))
        for name, lineno in sorted(self.referenced.items(), key=lambda kv: kv[1]):
            if name not in self.raw_synsets:
                self.src.bad(lineno, f"synset &{name.upper()} is used but never defined (its patterns cannot match)")

    # -- blocks and verbs
    def _open_block(self, text: str, lineno: int) -> None:
        self._close_block()
        self.mode = "block"
        self.blocks += 1
        self.block_line = lineno
        contents, _ = _brackets(text, lineno, self.src)
        if not contents:
            self.src.bad(lineno, f"verb block {text!r} has no code; read as '---'")
            self.block_code = (None, None)
            return
        if len(contents) > 1:
            self.src.skipped["second code in a block header (ignored)"] += 1
        self.block_code = self._code(contents[0])

    def _close_block(self) -> None:
        verbs, patterns = self.block_verbs, self.block_patterns
        self.block_verbs, self.block_patterns = [], []
        if patterns and not verbs:
            self.src.bad(self.block_line, f"verb block with {len(patterns)} patterns but no verb; patterns dropped")
        for entry in verbs:
            keys = self.pattern_keys.setdefault(entry.lemma, set())
            for p in patterns:
                key = (p.terms, p.code, p.reverse_code)
                if key not in keys:
                    keys.add(key)
                    entry.patterns.append(p)

    def _verb(self, text: str) -> None:
        base, bracket, after = text.partition("[")
        code = self.block_code
        if bracket:
            content, close, rest = after.partition("]")
            if not close:
                raise _Bad(f"'[' without ']' in {text!r}")
            if rest.strip():
                self.src.skipped["text after a verb's code (ignored)"] += 1
            code = self._code(content)
        forms: list[Phrase] = []
        if "{" in base:
            base, _, inside = base.partition("{")
            listed, close, rest = inside.partition("}")
            if not close or rest.strip():
                raise _Bad(f"bad '{{forms}}' in {text!r}")
            forms = [f for f in (_phrase(w.replace("+", "")) for w in listed.split()) if f]
        lemma = _phrase(base.replace("+", ""))
        if not lemma:
            raise _Bad(f"no verb in {text!r}")
        entry = self.lexicon.verbs.get(lemma)
        if entry is None:
            entry = VerbEntry(lemma=lemma, code=code[0], reverse_code=code[1])
            self.lexicon.verbs[lemma] = entry
        elif not any(e is entry for e in self.block_verbs):
            self.src.skipped["verbs listed again in a later block (first code kept, patterns merged)"] += 1
        entry.forms.update(forms)
        self.block_verbs.append(entry)

    def _code(self, content: str) -> tuple[str | None, str | None]:
        code, reverse = _event_code(content)
        for c in (code, reverse):
            if c is not None and not _CODE_SHAPE.match(c):
                self.odd_codes[c] += 1
        return code, reverse

    # -- patterns
    def _pattern(self, body: str, lineno: int, comment: str) -> None:
        self.pattern_lines += 1
        if self.mode != "block":
            raise _Bad("pattern outside a verb block")
        a = body.rfind("[")
        b = body.find("]", a + 1)
        if a < 0 or b < 0:
            raise _Bad(f"pattern {body.strip()!r} has no '[code]'")
        if body[b + 1:].strip():
            self.src.skipped["text after a pattern's code (ignored)"] += 1
        code, reverse = self._code(body[a + 1:b])
        text = body[:a]
        if _UNSUPPORTED.search(text):
            self.src.skipped["patterns with unsupported syntax ('|', '@', '=', '<', '>', '~')"] += 1
            return
        for alternative in self._alternatives(re.sub(r"[(){}]", " ", text).replace("*", " * ")):
            terms = self._terms_of(alternative, lineno)
            stars = terms.count("*")
            if stars != 1:
                raise _Bad(f"pattern {text.strip()!r} has {stars} '*' (the verb must stand there once)")
            self.block_patterns.append(VerbPattern(terms=terms, code=code, reverse_code=reverse, note=comment))

    def _alternatives(self, text: str) -> list[str]:
        """``* (TO/FOR PROTEST)`` -> ["* TO PROTEST", "* FOR PROTEST"] (word-level alternatives)."""
        options: list[list[str]] = []
        for token in text.split():
            parts = token.split("/")
            options.append(parts if len(parts) > 1 and all(parts) else [token])
        combos = list(itertools.islice(itertools.product(*options), MAX_ALTERNATIVES))
        if len(combos) > 1:
            self.src.skipped["'A/B' alternatives (one pattern each)"] += 1
        return [" ".join(c) for c in combos]

    def _terms_of(self, text: str, lineno: int) -> tuple[str, ...]:
        terms: list[str] = []
        for token in text.split():
            terms.extend(self._token_terms(token, lineno))
        return tuple(terms)

    def _token_terms(self, token: str, lineno: int) -> list[str]:
        """``MEMOS_ON_&TIETYPES`` -> memos, on, &tietypes; ``&FIGHT_OF_WORDS`` stays one synset when the
        file defines a set of that name."""
        parts = token.split("_")
        out: list[str] = []
        i = 0
        while i < len(parts):
            part = parts[i]
            if part.startswith("&"):
                j = next((j for j in range(len(parts), i + 1, -1)
                          if _synset_key("_".join(parts[i:j])) in self.synset_names), i + 1)
                name = _synset_key("_".join(parts[i:j]))
                self.referenced.setdefault(name, lineno)
                out.append("&" + name)
                i = j
                continue
            if part == "^":
                self.src.skipped["'^' (skip a noun phrase) dropped from patterns"] += 1
            elif part in ("*", "$", "+", "%"):
                out.append(part)
            elif part:
                out.extend(_split_word(part))
            i += 1
        return out


def read_verbs(path: str | Path) -> VerbLexicon:
    """A PETRARCH/TABARI verbs file (PETRARCH-1 or CAMEO 2.0 format) as a :class:`VerbLexicon`."""
    return _VerbReader(_Source(path, "verb")).read()


# -------------------------------------------------------------------------------------------------- discards
def read_discards(path: str | Path) -> Discards:
    """A discards file: sentence-level phrases, and story-level ones (``+`` prefix)."""
    src = _Source(path, "discard")
    out = Discards()
    for lineno, text, _ in src.lines():
        story = text.startswith("+")
        phrase = _phrase(text[1:] if story else text)
        if not phrase:
            src.bad(lineno, f"empty discard {text!r}; line skipped")
            continue
        (out.story if story else out.sentence).add(phrase)
    src.finish(f"{len(out.sentence)} sentence and {len(out.story)} story discards", len(out.sentence) + len(out.story))
    return out

