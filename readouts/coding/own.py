"""Loaders for readouts' own coding knowledge (``readouts/knowledge/``):

- ``verbs.yaml``        the CAMEO verb lexicon          -> :func:`load_verbs` -> :class:`VerbLexicon`
- ``agents.yaml``       sector nouns (CAMEO agents)     -> :func:`load_agents` -> :class:`AgentDictionary`
- ``plover.yaml``       CAMEO -> PLOVER categories      -> :func:`load_plover` -> ``{code: (category, mode)}``
- ``cameo_actors.yaml`` readouts actor codes -> CAMEO   -> :func:`load_cameo_actors` -> :class:`CameoActors`

Each loader reads the packaged file by default or a file of the same format given by path, checks it
(every CAMEO code exists in ``cameo.tsv``, every synset referenced exists, every pattern has exactly
one ``*``, no entry is defined twice ...) and raises :class:`~readouts.errors.KnowledgeError` naming
the entry at fault. Results are cached per path; treat them as read-only.

Phrases are split the way the coder's tokenizer (spaCy) splits text: lower case, ``'s`` and a
trailing possessive apostrophe apart, hyphens between letters or digits as tokens of their own
("cease-fire" -> ``("cease", "-", "fire")``). Synset phrases, agents and extra actors are also
registered in the unsplit form (``("cease-fire",)``) for tokenizers that keep hyphenated words whole.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import KnowledgeError
from .lexicon import ActorCode, AgentCode, AgentDictionary, Phrase, VerbEntry, VerbLexicon, VerbPattern

__all__ = ["CameoActors", "ExtraActor", "load_agents", "load_cameo_actors", "load_cities", "load_intent", "load_places",
           "load_plover", "load_verbs",
           "phrase_variants", "split_words"]

try:  # the C loader is much faster where PyYAML was built with libyaml
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

_SPECIAL = {"*", "$", "+", "%"}
_SYNSET_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_CAMEO_ACTOR = re.compile(r"^(?:[A-Z]{3})+$")
_HYPHEN = re.compile(r"(?<=[0-9a-zà-ÿ])-(?=[0-9a-zà-ÿ])")
# CAMEO role, sector and religion codes an agent code may be built from (CAMEO 1.1b3, ch. 4)
_AGENT_PARTS = frozenset(
    "GOV MIL REB OPP PTY COP JUD SPY IGO NGO MNC MED EDU BUS CRM CVL LAB LEG HLH REF ELI AGR DEV ENV HRI UAF "
    "MOD RAD SET REL CHR MUS JEW HIN BUD CTH PRO DOX SUN SHI SFI SIK JAN ZRO TAO CFC ATH".split())
_ACTOR_SOURCES = frozenset({"phoenix", "cameo", "composed", "none"})


# ---------------------------------------------------------------------------------------------- helpers
def split_words(text: str) -> Phrase:
    """``text`` as the tokenizer splits it, lower case: "Women's rights" -> ("women", "'s", "rights")."""
    out: list[str] = []
    for w in text.lower().replace("’", "'").split():
        tail: list[str] = []
        if w.endswith(",") and len(w) > 1:
            w, tail = w[:-1], [","]
        if w.endswith("'s") and len(w) > 2:
            w, tail = w[:-2], ["'s", *tail]
        elif w.endswith("s'") and len(w) > 2:
            w, tail = w[:-1], ["'", *tail]
        parts = _HYPHEN.split(w)
        for i, p in enumerate(parts):
            if i:
                out.append("-")
            if p:
                out.append(p)
        out.extend(tail)
    return tuple(out)


def phrase_variants(text: str) -> list[Phrase]:
    """The split form of ``text`` and, when hyphens were split, also the form with hyphenated words whole."""
    split = split_words(text)
    whole = tuple(text.lower().replace("’", "'").split())
    return [split] if whole == split or not whole else [split, whole]


def _read(path: str | Path | None, name: str) -> tuple[dict[str, Any], str]:
    if path is None:
        where = name
        try:
            text = resources.files("readouts.knowledge").joinpath(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:  # pragma: no cover - a broken install
            raise KnowledgeError(f"{name}: cannot read the packaged file: {e}") from e
    else:
        where = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise KnowledgeError(f"{where}: cannot read: {e}") from e
    try:
        data = yaml.load(text, Loader=_Loader)
    except (yaml.YAMLError, ValueError) as e:  # ValueError: a timestamp that is no date (2020-13-01)
        raise KnowledgeError(f"{where}: not valid YAML: {e}") from e
    if not isinstance(data, dict):
        raise KnowledgeError(f"{where}: expected a mapping at the top level")
    return data, where


def _cameo_codes() -> dict[str, Any]:
    from ..knowledge import load_knowledge

    return load_knowledge().cameo


def _keys(d: dict[str, Any], allowed: set[str], where: str) -> None:
    extra = set(d) - allowed
    if extra:
        raise KnowledgeError(f"{where}: unknown field(s) {sorted(extra)} (allowed: {sorted(allowed)})")


def _code(v: Any, cameo: dict[str, Any], where: str) -> str | None:
    if v is None:
        return None
    if not isinstance(v, str):
        raise KnowledgeError(f"{where}: CAMEO code {v!r} must be a quoted string (\"040\", not 040)")
    if v not in cameo:
        raise KnowledgeError(f"{where}: unknown CAMEO event code {v!r} (not in cameo.tsv)")
    return v


def _strings(v: Any, where: str) -> list[str]:
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        raise KnowledgeError(f"{where}: expected a list of non-empty strings, got {v!r}")
    return list(v)


def _cache_key(path: str | Path | None) -> str | None:
    return None if path is None else str(Path(path).resolve())


# ---------------------------------------------------------------------------------------------- verbs
_ENTRY_KEYS = {"code", "reverse", "aliases", "forms", "patterns", "use", "note", "transitive", "reported", "object"}
_PATTERN_KEYS = {"match", "code", "reverse", "swap", "note"}
_USE_KEYS = {"table", "as", "after", "then"}


@dataclass
class _Table:
    columns: list[str]
    rows: list[dict[str, Any]]  # parsed: {"terms": tuple, "codes": {col: code}, "reverse", "swap"}


def _terms(text: str, synsets: dict[str, list[Phrase]], where: str) -> tuple[str, ...]:
    out: list[str] = []
    for raw in text.split():
        if raw.startswith("&"):
            name = raw[1:]
            if name not in synsets:
                raise KnowledgeError(f"{where}: unknown synset &{name}")
            out.append(raw)
        elif raw in _SPECIAL:
            out.append(raw)
        else:
            out.extend(split_words(raw))
    return tuple(out)


def _pattern_terms(text: Any, synsets: dict[str, list[Phrase]], where: str) -> tuple[str, ...]:
    if not isinstance(text, str) or not text.strip():
        raise KnowledgeError(f"{where}: `match` must be a non-empty string")
    terms = _terms(text, synsets, f"{where} ({text!r})")
    if terms.count("*") != 1:
        raise KnowledgeError(f"{where} ({text!r}): a pattern needs exactly one `*` (the verb), found {terms.count('*')}")
    return terms


def _swap(v: Any, where: str) -> bool:
    if v is None:
        return False
    if not isinstance(v, bool):
        raise KnowledgeError(f"{where}: `swap` must be true or false")
    return v


def _parse_synsets(data: Any, where: str) -> dict[str, list[Phrase]]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise KnowledgeError(f"{where}: synsets must be a mapping name -> list of phrases")
    out: dict[str, list[Phrase]] = {}
    for name, phrases in data.items():
        w = f"{where}: synsets.{name}"
        if not isinstance(name, str) or not _SYNSET_NAME.match(name):
            raise KnowledgeError(f"{w}: a synset name is lower case letters, digits and _")
        seen: list[Phrase] = []
        for p in _strings(phrases, w):
            for v in phrase_variants(p):
                if v not in seen:
                    seen.append(v)
        if not seen:
            raise KnowledgeError(f"{w}: empty synset")
        out[name] = seen
    return out


def _parse_tables(data: Any, synsets: dict[str, list[Phrase]], cameo: dict[str, Any], where: str
                  ) -> dict[str, _Table]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise KnowledgeError(f"{where}: tables must be a mapping name -> table")
    out: dict[str, _Table] = {}
    for name, t in data.items():
        w = f"{where}: tables.{name}"
        if not isinstance(t, dict):
            raise KnowledgeError(f"{w}: a table is a mapping with `columns` and `rows`")
        _keys(t, {"columns", "rows", "note"}, w)
        columns = _strings(t.get("columns"), f"{w}.columns")
        if not columns:
            raise KnowledgeError(f"{w}: no columns")
        rows = []
        for j, r in enumerate(t.get("rows") or []):
            rw = f"{w}.rows[{j}]"
            if not isinstance(r, dict) or "object" not in r:
                raise KnowledgeError(f"{rw}: a row is a mapping with an `object`")
            _keys(r, {"object", "reverse", "swap", "note", *columns}, rw)
            obj = r["object"]
            if not isinstance(obj, str) or not obj.strip():
                raise KnowledgeError(f"{rw}: `object` must be a non-empty string")
            terms = _terms(obj, synsets, f"{rw} ({obj!r})")
            if "*" in terms:
                raise KnowledgeError(f"{rw} ({obj!r}): a row's object is written without the `*`")
            codes = {c: _code(r.get(c), cameo, f"{rw}.{c}") for c in columns}
            rows.append({"terms": terms, "codes": codes, "reverse": _code(r.get("reverse"), cameo, f"{rw}.reverse"),
                         "swap": _swap(r.get("swap"), f"{rw}.swap")})
        out[name] = _Table(columns, rows)
    return out


def _object_kind(v: Any, where: str) -> bool:
    """``object: topic`` (the direct object is what is discussed) or ``object: party`` (the default)."""
    if v is None or v == "party":
        return False
    if v == "topic":
        return True
    raise KnowledgeError(f"{where}: expected `topic` or `party`, got {v!r}")


def _parse_entry(e: Any, kind: str, i: int, synsets: dict[str, list[Phrase]], tables: dict[str, _Table],
                 cameo: dict[str, Any], where: str) -> tuple[list[Phrase], VerbEntry]:
    if not isinstance(e, dict) or not isinstance(e.get(kind), str) or not e[kind].strip():
        raise KnowledgeError(f"{where}: {kind}s[{i}]: every entry needs a `{kind}` (its lemma)")
    lemma_text = e[kind].strip()
    w = f"{where}: {kind}s[{i}] ({lemma_text})"
    _keys(e, {kind} | _ENTRY_KEYS, w)
    if "code" not in e:
        raise KnowledgeError(f"{w}: `code` is required (write `code: null` for a verb that codes only via patterns)")
    lemma = tuple(lemma_text.lower().split())
    keys = [lemma] + [tuple(a.lower().split()) for a in _strings(e.get("aliases"), f"{w}.aliases")]
    entry = VerbEntry(lemma=lemma, code=_code(e.get("code"), cameo, f"{w}.code"),
                      reverse_code=_code(e.get("reverse"), cameo, f"{w}.reverse"),
                      forms={split_words(f) for f in _strings(e.get("forms"), f"{w}.forms")},
                      transitive=_code(e.get("transitive"), cameo, f"{w}.transitive"), transitive_set="transitive" in e,
                      reported=_code(e.get("reported"), cameo, f"{w}.reported"),
                      topic_object=_object_kind(e.get("object"), f"{w}.object"))
    patterns = e.get("patterns") or []
    if not isinstance(patterns, list):
        raise KnowledgeError(f"{w}: `patterns` must be a list")
    for j, p in enumerate(patterns):
        pw = f"{w}: patterns[{j}]"
        if not isinstance(p, dict):
            raise KnowledgeError(f"{pw}: a pattern is a mapping {{match, code}}")
        _keys(p, _PATTERN_KEYS, pw)
        if "code" not in p:
            raise KnowledgeError(f"{pw}: `code` is required (null codes nothing in this reading)")
        entry.patterns.append(VerbPattern(
            terms=_pattern_terms(p.get("match"), synsets, pw), code=_code(p.get("code"), cameo, f"{pw}.code"),
            reverse_code=_code(p.get("reverse"), cameo, f"{pw}.reverse"), note=str(p.get("note") or ""),
            swap=_swap(p.get("swap"), f"{pw}.swap")))
    uses = e.get("use") or []
    if not isinstance(uses, list):
        raise KnowledgeError(f"{w}: `use` must be a list of {{table, as, after}}")
    for j, u in enumerate(uses):
        uw = f"{w}: use[{j}]"
        if not isinstance(u, dict):
            raise KnowledgeError(f"{uw}: expected a mapping {{table, as, after, then}}")
        _keys(u, _USE_KEYS, uw)
        table = tables.get(str(u.get("table")))
        if table is None:
            raise KnowledgeError(f"{uw}: unknown table {u.get('table')!r}")
        column = u.get("as")
        if column not in table.columns:
            raise KnowledgeError(f"{uw}: table {u.get('table')!r} has no column {column!r} ({table.columns})")
        after = _terms(str(u.get("after") or ""), synsets, f"{uw}.after")
        then = _terms(str(u.get("then") or ""), synsets, f"{uw}.then")
        if "*" in after or "*" in then:
            raise KnowledgeError(f"{uw}: no `*` in `after` or `then`; their words follow the verb")
        for row in table.rows:
            code = row["codes"].get(column)
            if code is None:
                continue
            entry.patterns.append(VerbPattern(terms=("*", *after, *row["terms"], *then), code=code,
                                              reverse_code=row["reverse"], swap=row["swap"],
                                              note=f"table {u.get('table')}.{column}"))
    return keys, entry


_SUBTYPE_KINDS = ("means", "charges")


def _parse_subtypes(data: Any, synsets: dict[str, list[Phrase]], cameo: dict[str, Any], where: str
                    ) -> dict[str, list[tuple[str, str]]]:
    """``subtypes``: per kind, a list of {synset, code}; the synset must be defined, the code CAMEO's."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise KnowledgeError(f"{where}: `subtypes` must map {' / '.join(_SUBTYPE_KINDS)} to lists")
    _keys(data, set(_SUBTYPE_KINDS), f"{where}: subtypes")
    out: dict[str, list[tuple[str, str]]] = {}
    for kind, rows in data.items():
        if not isinstance(rows, list):
            raise KnowledgeError(f"{where}: subtypes.{kind} must be a list of {{synset, code}}")
        out[kind] = []
        for i, row in enumerate(rows):
            w = f"{where}: subtypes.{kind}[{i}]"
            if not isinstance(row, dict):
                raise KnowledgeError(f"{w} must be {{synset, code}}")
            _keys(row, {"synset", "code", "note"}, w)
            name = str(row.get("synset", "")).lstrip("&")
            if name not in synsets:
                raise KnowledgeError(f"{w}: synset {name!r} is not defined under `synsets`")
            code = _code(row.get("code"), cameo, w)
            if code is None:
                raise KnowledgeError(f"{w} needs a code")
            out[kind].append((name, code))
    return out


@functools.lru_cache(maxsize=8)
def _load_verbs(key: str | None) -> VerbLexicon:
    data, where = _read(key, "verbs.yaml")
    _keys(data, {"version", "synsets", "tables", "subtypes", "verbs", "nouns"}, where)
    cameo = _cameo_codes()
    synsets = _parse_synsets(data.get("synsets"), where)
    tables = _parse_tables(data.get("tables"), synsets, cameo, where)
    lexicon = VerbLexicon(synsets={k: list(v) for k, v in synsets.items()},
                          subtypes=_parse_subtypes(data.get("subtypes"), synsets, cameo, where))
    for kind, into in (("verb", lexicon.verbs), ("noun", lexicon.nouns)):
        items = data.get(kind + "s") or []
        if not isinstance(items, list):
            raise KnowledgeError(f"{where}: `{kind}s` must be a list")
        for i, e in enumerate(items):
            keys, entry = _parse_entry(e, kind, i, synsets, tables, cameo, where)
            for k in keys:
                if k in into:
                    raise KnowledgeError(f"{where}: {kind}s[{i}] ({e[kind]}): {' '.join(k)!r} is defined twice")
                into[k] = entry
    if not lexicon.verbs:
        raise KnowledgeError(f"{where}: no verbs")
    return lexicon


def load_verbs(path: str | Path | None = None) -> VerbLexicon:
    """The verb lexicon of ``path`` (default: the packaged ``verbs.yaml``), checked; cached per path."""
    return _load_verbs(_cache_key(path))


# ---------------------------------------------------------------------------------------------- agents
def _agent_code(code: Any, where: str, compound: bool) -> str:
    if not isinstance(code, str) or not _CAMEO_ACTOR.match(code):
        raise KnowledgeError(f"{where}: {code!r} is not a CAMEO agent code (three capital letters, repeated)")
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    unknown = [p for p in parts if p not in _AGENT_PARTS]
    if unknown:
        raise KnowledgeError(f"{where}: {code!r}: unknown CAMEO agent code(s) {unknown}")
    if compound != (len(parts) > 1):
        raise KnowledgeError(f"{where}: {code!r}: " + ("a compound needs two or more codes" if compound
                                                       else "one three-letter code here; put compounds under `compound`"))
    return code


@functools.lru_cache(maxsize=8)
def _load_agents(key: str | None) -> AgentDictionary:
    data, where = _read(key, "agents.yaml")
    _keys(data, {"version", "agents", "compound", "prefix"}, where)
    out = AgentDictionary()
    first: dict[Phrase, str] = {}
    for section, compound, prefix in (("agents", False, False), ("compound", True, False), ("prefix", False, True)):
        block = data.get(section) or {}
        if not isinstance(block, dict):
            raise KnowledgeError(f"{where}: `{section}` must be a mapping code -> list of phrases")
        for code, phrases in block.items():
            w = f"{where}: {section}.{code}"
            agent = AgentCode(_agent_code(code, w, compound), prefix=prefix)
            for p in _strings(phrases, w):
                for v in phrase_variants(p):
                    if v in first and first[v] != w:
                        raise KnowledgeError(f"{w}: {p!r} is already listed under {first[v].split(': ', 1)[1]}")
                    first[v] = w
                    out.entries[v] = agent
    if not out.entries:
        raise KnowledgeError(f"{where}: no agents")
    return out


def load_agents(path: str | Path | None = None) -> AgentDictionary:
    """Sector nouns -> CAMEO agent codes from ``path`` (default: the packaged ``agents.yaml``); cached."""
    return _load_agents(_cache_key(path))


# ---------------------------------------------------------------------------------------------- PLOVER
@functools.lru_cache(maxsize=16)
def _load_plover(key: str | None, strict: bool) -> dict[str, tuple[str, str | None]]:
    data, where = _read(key, "plover.yaml")
    _keys(data, {"version", "categories", "roots", "codes", "extensions"}, where)
    cameo = _cameo_codes()
    cats = data.get("categories")
    if not isinstance(cats, dict) or not cats:
        raise KnowledgeError(f"{where}: `categories` must map each PLOVER category to its modes")
    modes = {str(c): set(_strings(m, f"{where}: categories.{c}")) for c, m in cats.items()}

    def category(v: Any, w: str) -> str | None:
        if v is None:
            return None
        if v not in modes:
            raise KnowledgeError(f"{w}: unknown PLOVER category {v!r} (known: {sorted(modes)})")
        return str(v)

    roots_raw = data.get("roots")
    if not isinstance(roots_raw, dict):
        raise KnowledgeError(f"{where}: `roots` must map each CAMEO root (two digits) to a category or null")
    roots: dict[str, str | None] = {}
    for r, c in roots_raw.items():
        w = f"{where}: roots.{r}"
        if not isinstance(r, str) or len(r) != 2 or r not in cameo:
            raise KnowledgeError(f"{w}: not a CAMEO root code (quote it: \"04\")")
        roots[r] = category(c, w)
    codes_raw = data.get("codes") or {}
    if not isinstance(codes_raw, dict):
        raise KnowledgeError(f"{where}: `codes` must map CAMEO codes to {{category, mode}}")
    entries: dict[str, dict[str, Any]] = {}
    for code, e in codes_raw.items():
        w = f"{where}: codes.{code}"
        _code(code, cameo, w)
        if not isinstance(e, dict) or not e:
            raise KnowledgeError(f"{w}: expected {{category, mode}}")
        _keys(e, {"category", "mode", "note"}, w)
        entries[code] = e
    extensions = set(_strings(data.get("extensions"), f"{where}: extensions"))
    for x in extensions:
        _code(x, cameo, f"{where}: extensions")

    out: dict[str, tuple[str, str | None]] = {}
    for code in cameo:
        root = code[:2]
        if root not in roots:
            raise KnowledgeError(f"{where}: CAMEO root {root!r} (of {code}) has no entry under `roots`")
        chain = []  # the code's own entry, then its 3-digit parent's
        if len(code) >= 3 and code in entries:
            chain.append(code)
        if len(code) == 4 and code[:3] in entries:
            chain.append(code[:3])
        cat: str | None = roots[root]
        mode: str | None = None
        cat_set = mode_set = False
        for c in chain:  # most specific first
            e = entries[c]
            if not cat_set and "category" in e:
                cat, cat_set = category(e["category"], f"{where}: codes.{c}"), True
            if not mode_set and "mode" in e:
                mode, mode_set = (None if e["mode"] is None else str(e["mode"])), True
        if cat is None:
            if mode is not None:
                raise KnowledgeError(f"{where}: {code} has a mode but no category")
            continue  # dropped by PLOVER
        if mode is not None and mode not in modes[cat]:
            raise KnowledgeError(f"{where}: {code}: {mode!r} is not a mode of {cat} ({sorted(modes[cat])})")
        if strict and (code in extensions or root in extensions):
            continue
        out[code] = (cat, mode)
    return out


def load_plover(path: str | Path | None = None, strict: bool = False) -> dict[str, tuple[str, str | None]]:
    """CAMEO code -> (PLOVER category, mode or None) from ``path`` (default: the packaged ``plover.yaml``).

    Codes PLOVER drops (most of CAMEO 01) are absent. ``strict=True`` also leaves out readouts'
    extensions (CAMEO 02 and a few 01 codes, which the PLOVER codebook itself drops)."""
    return _load_plover(_cache_key(path), strict)


# ---------------------------------------------------------------------------------------------- actors
@dataclass(frozen=True)
class ExtraActor:
    """An actor outside readouts' knowledge: its name, the phrases that name it, its CAMEO code(s)."""

    name: str
    phrases: tuple[Phrase, ...]
    codes: tuple[ActorCode, ...]
    source: str

    @property
    def current(self) -> str:
        """The code valid now (the open-ended or latest one)."""
        return self.codes[-1].code


@dataclass
class CameoActors:
    """readouts' actor codes -> CAMEO actor codes, and extra actors.

    ``codes`` holds every organisation with a CAMEO code and every state whose CAMEO code is not its
    ISO code; a readouts code missing from it is used as it is. ``sources`` says where each code comes
    from (phoenix / cameo / composed); ``unmapped`` lists the organisations with no CAMEO code at all.
    ``extra`` maps each phrase of an extra actor to its current code; ``extra_dated`` to all its dated codes.
    """

    codes: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    unmapped: frozenset[str] = frozenset()
    extra: dict[Phrase, str] = field(default_factory=dict)
    extra_dated: dict[Phrase, list[ActorCode]] = field(default_factory=dict)
    extra_actors: tuple[ExtraActor, ...] = ()

    def cameo_of(self, code: str) -> str:
        """The CAMEO code for readouts' ``code`` (itself when the two agree or no CAMEO code exists)."""
        return self.codes.get(code, code)


def _date(v: Any, where: str) -> _dt.date | None:
    """A YYYY-MM-DD date (or YYYY-MM, as the knowledge loader reads it)."""
    from ..knowledge import _date as knowledge_date

    return knowledge_date(v, where)


def _actor_code(v: Any, where: str) -> str:
    if not isinstance(v, str) or not _CAMEO_ACTOR.match(v):
        raise KnowledgeError(f"{where}: {v!r} is not a CAMEO actor code (capital letters in groups of three)")
    return v


@functools.lru_cache(maxsize=8)
def _load_cameo_actors(key: str | None) -> CameoActors:
    from ..knowledge import load_knowledge

    data, where = _read(key, "cameo_actors.yaml")
    _keys(data, {"version", "organisations", "states", "extra_actors"}, where)
    kb = load_knowledge()
    out = CameoActors()
    unmapped: set[str] = set()
    for section, kind in (("organisations", "organisation"), ("states", "state")):
        block = data.get(section) or {}
        if not isinstance(block, dict):
            raise KnowledgeError(f"{where}: `{section}` must map readouts codes to {{cameo, source}}")
        for code, e in block.items():
            w = f"{where}: {section}.{code}"
            actor = kb.actors.get(str(code))
            if actor is None or actor.kind != kind:
                raise KnowledgeError(f"{w}: {code!r} is not an {kind} of readouts' knowledge")
            if not isinstance(e, dict):
                raise KnowledgeError(f"{w}: expected {{cameo, source}}")
            _keys(e, {"cameo", "source", "note"}, w)
            source = e.get("source")
            if source not in _ACTOR_SOURCES:
                raise KnowledgeError(f"{w}: source must be one of {sorted(_ACTOR_SOURCES)}")
            if e.get("cameo") is None:
                if source != "none":
                    raise KnowledgeError(f"{w}: no CAMEO code: the source must be `none`")
                unmapped.add(str(code))
                continue
            if source == "none":
                raise KnowledgeError(f"{w}: a code with source `none`")
            out.codes[str(code)] = _actor_code(e["cameo"], f"{w}.cameo")
            out.sources[str(code)] = str(source)
    missing = sorted(a.code for a in kb.actors.values()
                     if a.kind == "organisation" and a.code not in out.codes and a.code not in unmapped)
    if missing and key is None:
        raise KnowledgeError(f"{where}: organisations without an entry: {missing}")
    out.unmapped = frozenset(unmapped)

    extras: list[ExtraActor] = []
    for i, e in enumerate(data.get("extra_actors") or []):
        w = f"{where}: extra_actors[{i}]"
        if not isinstance(e, dict) or not isinstance(e.get("name"), str) or not e["name"].strip():
            raise KnowledgeError(f"{w}: every extra actor needs a name")
        w = f"{w} ({e['name']})"
        _keys(e, {"name", "aliases", "cameo", "source", "note"}, w)
        if e.get("source") not in _ACTOR_SOURCES - {"none"}:
            raise KnowledgeError(f"{w}: source must be one of phoenix, cameo, composed")
        raw = e.get("cameo")
        codes: list[ActorCode] = []
        if isinstance(raw, str):
            codes.append(ActorCode(_actor_code(raw, f"{w}.cameo")))
        elif isinstance(raw, list) and raw:
            for j, c in enumerate(raw):
                cw = f"{w}.cameo[{j}]"
                if not isinstance(c, dict):
                    raise KnowledgeError(f"{cw}: expected {{code, start, end}}")
                _keys(c, {"code", "start", "end"}, cw)
                start, end = _date(c.get("start"), cw), _date(c.get("end"), cw)
                if start and end and end < start:
                    raise KnowledgeError(f"{cw}: ends before it starts")
                codes.append(ActorCode(_actor_code(c.get("code"), cw), start, end))
            codes.sort(key=lambda c: (c.start or _dt.date.min))
        else:
            raise KnowledgeError(f"{w}: `cameo` must be a code or a list of dated codes")
        phrases: list[Phrase] = []
        for s in [e["name"], *_strings(e.get("aliases"), f"{w}.aliases")]:
            for v in phrase_variants(s):
                if v and v[0] == "the" and len(v) > 1:
                    v = v[1:]
                if v in out.extra and v not in phrases:
                    raise KnowledgeError(f"{w}: {' '.join(v)!r} already names another extra actor")
                if v not in phrases:
                    phrases.append(v)
                out.extra[v] = codes[-1].code
                out.extra_dated[v] = list(codes)
        extras.append(ExtraActor(e["name"], tuple(phrases), tuple(codes), str(e["source"])))
    out.extra_actors = tuple(extras)
    return out


def load_cameo_actors(path: str | Path | None = None) -> CameoActors:
    """readouts actor codes -> CAMEO codes and extra actors from ``path`` (default: ``cameo_actors.yaml``)."""
    return _load_cameo_actors(_cache_key(path))


@functools.lru_cache(maxsize=4)
def load_intent(path: str | Path | None = None) -> dict[str, Any]:
    """The intent/future table (``intent.yaml``): cue words and CAMEO code -> intent/threat code maps."""
    data, where = _read(path, "intent.yaml")
    from ..knowledge import load_knowledge

    _keys(data, {"version", "aux", "heads", "threat_heads", "refusal_aux", "cooperative", "conflict", "refusal",
                 "appeal_heads", "appeal"}, where)
    codes = load_knowledge().cameo
    out: dict[str, Any] = {}
    for key in ("aux", "heads", "threat_heads", "refusal_aux", "appeal_heads"):
        out[key] = frozenset(w.lower() for w in _strings(data.get(key), f"{where}: {key}"))
    for key in ("cooperative", "conflict", "refusal", "appeal"):
        raw = data.get(key) or {}
        if not isinstance(raw, dict):
            raise KnowledgeError(f"{where}: `{key}` must map CAMEO codes (quoted) to CAMEO codes")
        table = {str(k): str(v) for k, v in raw.items()}
        bad = [v for v in [*table, *table.values()] if v not in codes]
        if bad:
            raise KnowledgeError(f"{where}: {key}: codes not in the CAMEO table: {', '.join(bad)}")
        out[key] = table
    return out


@functools.lru_cache(maxsize=4)
def load_cities(path: str | Path | None = None) -> frozenset[str]:
    """Cities that are no capital where engagements are held (``places.yaml`` ``cities``)."""
    data, where = _read(path, "places.yaml")
    cities = data.get("cities") or []
    if not isinstance(cities, list) or not all(isinstance(c, str) and c.strip() for c in cities):
        raise KnowledgeError(f"{where}: `cities` must be a list of names")
    return frozenset(cities)


@functools.lru_cache(maxsize=4)
def load_places(path: str | Path | None = None) -> tuple[str, ...]:
    """Place names that contain an actor's name but name no actor (``places.yaml``)."""
    data, where = _read(path, "places.yaml")
    places = data.get("places")
    if not isinstance(places, list) or not all(isinstance(p, str) and p.strip() for p in places):
        raise KnowledgeError(f"{where}: `places` must be a list of names")
    return tuple(places)
