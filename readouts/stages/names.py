"""The grammar of names: how the actors stage reads a person's name once a title or a form of address has
pointed at it, and how it tells two names apart.

  * where a name starts and ends (``name_after``): forms of address and styles before it ("H.E. Dr", "YB
    Dato' Seri", "Tan Sri", "HE"; titles.yaml ``honorifics``, ``address``, ``address_phrases``), nobility and
    styles after a comma title ("..., HH Prince Faisal"), particles ("van der", "bin"), hyphenated parts,
    initials glued by a full stop ("B.Battsetseg"), and what ends it (months, function words, a headline's
    verb after a known surname: "Secretary Manalo Joins ...");
  * military ranks (``rank_grammar``, ``rank_len``);
  * the written form (``norm_name``): nobility, postnominals and generations dropped, a family name in
    capitals put last ("KISHIDA Fumio" -> "Fumio Kishida"; never initials: "S.M. Krishna");
  * Gulf and Malay names (``lineage``, ``lineage_agrees``): "Mansour bin Zayed" is not "Mohamed bin Zayed";
  * surnames (``find_known_by_surname``, ``may_be``, ``full_names_for``): which known person a lone surname
    stands for, and never a namesake whose given names conflict with a full name the text gives.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from ..lexicon import Token, tokenize

__all__ = ["HEADLINE_VERBS", "LINEAGE", "MONTHS", "NAME_ABBREVIATIONS", "NOT_NAMES", "PLACE_ENDS", "QUOTES", "address_phrases", "by_title",
           "find_known_by_surname", "full_names_for", "honorifics", "initial_glued", "lineage", "lineage_agrees",
           "may_be", "name_after", "name_word", "name_words", "norm_name", "phrase_at", "rank_grammar", "rank_len",
           "skip_address", "title_parts", "verb_after_surname", "verb_lemmas", "verb_s_form", "words_within"]

MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
          "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


QUOTES = {"'", "’"}  # "Dato' Seri": an apostrophe inside a form of address

# given names written short with a full stop, part of the name ("Md. Jashim Uddin", "Mohd. Nasir")
NAME_ABBREVIATIONS = {"md", "mohd", "muhd"}


NOT_NAMES = {"the", "a", "an", "this", "that", "on", "in", "at", "during", "both", "he", "she", "they", "it",
             "his", "her", "their", "today", "yesterday", "also", "and", "or", "but", "with", "as", "readout",
             "secretary", "minister", "president", "said", "says", "following", "dear", "sidelines", "margins"}


# last words that make a capitalised run a place, not a person ("Ho Chi Minh City", "Bac Ninh Province")
PLACE_ENDS = {"city", "province", "prefecture", "county", "district", "region", "island", "islands", "port",
              "bay", "airport", "square", "street", "avenue", "river", "valley", "mountains", "park", "palace",
              "hall", "mausoleum", "university", "hotel", "harbour", "harbor", "strait", "peninsula"}


def rank_grammar(kb: Any) -> tuple[set[tuple[str, ...]], set[str]]:
    """titles.yaml's ``ranks`` as token tuples, and their words (kept on the knowledge)."""
    cache = kb.__dict__.setdefault("_cache", {})
    if "ranks" not in cache:
        phrases = {tuple(t.lower for t in tokenize(str(r))) for r in kb.titles.get("ranks", [])}
        cache["ranks"] = ({p for p in phrases if p}, {w for p in phrases for w in p})
    return cache["ranks"]


def rank_len(tokens: list[Token], a: int, b: int, kb: Any) -> int:
    """How many tokens a military rank takes at token a, within a run ending at b (0: none)."""
    phrases = rank_grammar(kb)[0]
    return max((n for n in range(1, min(5, b - a) + 1) if tuple(t.lower for t in tokens[a:a + n]) in phrases
                and tokens[a].is_cap), default=0)


HEADLINE_VERBS = {"holds", "hold", "makes", "make", "meets", "meet", "speaks", "speak", "talks", "receives", "receive",
                  "discusses", "discuss", "visits", "visit", "calls", "call", "phone", "says", "say", "hosts", "host",
                  "attends", "attend", "congratulates", "thanks", "welcomes", "reaffirms", "pledge", "pledges", "sign",
                  "signs", "agree", "agrees", "wraps", "chairs", "co-chairs", "readout", "statement", "press", "release",
                  "joint", "summit", "meeting", "conversation", "telephone", "video", "mp", "mp.", "published",
                  "review", "reviews", "explore", "explores", "strengthen", "strengthens", "boost", "boosts",
                  "launch", "launches", "urge", "urges", "vow", "vows", "eye", "eyes", "seek",
                  "seeks", "renew", "renews", "deepen", "deepens", "exchange", "exchanges", "address", "addresses",
                  "stress", "stresses", "underline", "underlines", "reaffirm", "welcome", "thank", "congratulate",
                  "note", "notes", "talk", "lead", "leads", "open", "opens", "conclude", "concludes",
                  "celebrate", "celebrates", "commemorate", "commemorates", "discussed", "met", "held", "agreed",
                  "visited", "received", "hosted", "signed", "attended", "spoke", "called", "pay", "pays", "paid",
                  "on", "with", "and", "in", "at", "for", "to", "virtual"}


def name_after(tokens: list[Token], k: int, actor_tok: dict[int, str], kb: Any, text: str = "") -> int:
    """End token index of a capitalised name starting at token k (k if none)."""
    hon, ranks = honorifics(kb), kb.name_nobility | kb.name_styles
    if k < len(tokens) and k > 0 and text and "\n" in text[tokens[k - 1].end:tokens[k].start]:
        return k  # a name after a title is on the same line (a byline's "Hon Winston Peters" is no headline's)
    k = skip_address(tokens, k, kb)
    while k + 1 < len(tokens) and tokens[k].lower in ranks and k > 0 and (
            tokens[k - 1].text == "," or tokens[k - 1].lower in hon or tokens[k - 1].lower in ranks
            or tokens[k - 1].text == "." or tokens[k - 1].lower in kb.title_words) and (
            tokens[k + 1].is_cap or tokens[k + 1].lower in hon):
        # "..., HH Prince Faisal", "..., Ambassador Yusuf Tuggar", "..., Senator the Hon Marise Payne": the office
        # is the title before
        k = skip_address(tokens, k + 1, kb)
    if k < len(tokens) and k > 0 and "\n" in text[tokens[k - 1].end:tokens[k].start]:
        return k  # a name after a title is on the same line
    j = k
    while j < len(tokens) and j - k < 8:
        t = tokens[j]
        if j > k and "\n" in text[tokens[j - 1].end:t.start]:
            break
        low = t.lower
        if j in actor_tok and not (actor_tok[j] == "capital" and t.is_cap and (j > k or _given_name(tokens, j, actor_tok, kb))):
            break
        if low in MONTHS or low in NOT_NAMES or low in HEADLINE_VERBS or (
                low in STOP_WORDS and low not in kb.name_particles):
            if j == k and t.is_cap and low not in MONTHS and low not in HEADLINE_VERBS and (
                    name_word(tokens, j + 1, actor_tok, kb, text)
                    or (low in kb.surnames and k > 0 and tokens[k - 1].lower in kb.title_heads)):
                # "Vice Premier He Lifeng", "Vice Premier He said": a family name that is a function word
                j += 1
                continue
            break
        if low in NAME_ABBREVIATIONS and j + 2 < len(tokens) and tokens[j + 1].text == "." \
                and tokens[j + 1].start == t.end and tokens[j + 2].is_cap:
            j += 2  # "Md. Jashim Uddin": the abbreviated given name and its full stop
            continue
        if j > k and _nickname(tokens, j):
            j += 3  # 'Joko "Jokowi" Widodo': a nickname in quotation marks inside the name
            continue
        if initial_glued(tokens, j):
            j += 3  # "B.Battsetseg", "Ts.Enkhtuvshin": Mongolian initial of the father's name, then the name
            continue
        if j > k and t.is_cap and verb_after_surname(tokens, j, kb):
            break  # "Secretary Manalo Joins Japan and U.S. Counterparts ..."
        glued = (j + 2 < len(tokens) and tokens[j + 1].text in ("-", "‑") and t.end == tokens[j + 1].start
                 and tokens[j + 1].end == tokens[j + 2].start)
        if glued and f"{low}-{tokens[j + 2].lower}" in HEADLINE_VERBS:
            break  # "Premier Li Keqiang Co-chairs ..."
        if t.is_cap and (low not in kb.title_words or t.text.isupper() and len(t.text) > 2 or glued):
            j += 1
            continue
        if t.text in ("-", "‑") and j > k and j + 1 < len(tokens) and tokens[j - 1].end == t.start \
                and tokens[j + 1].start == t.end and tokens[j + 1].text[:1].isalpha():
            j += 2  # "Ki-Moon", "Jean-Yves", "Al-Sisi"
            continue
        if low in kb.name_particles and j + 2 < len(tokens) and tokens[j + 1].text in ("-", "‑") \
                and t.end == tokens[j + 1].start and tokens[j + 1].end == tokens[j + 2].start and tokens[j + 2].is_cap:
            j += 3  # "General al-Burhan", "President el-Sisi": a particle glued to the name by a hyphen
            continue
        if low in kb.name_particles:
            # "van der Linden", "de la Fuente", "bin Farhan": particles lead on to a capitalised part
            q = j
            while q < len(tokens) and tokens[q].lower in kb.name_particles:
                q += 1
            if q < len(tokens) and tokens[q].is_cap and (j > k or q - j <= 2):
                j = q
                continue
        break
    return j


def _given_name(tokens: list[Token], j: int, actor_tok: dict[int, str], kb: Any) -> bool:
    """Is the capital at token j a given name, a capitalised surname following on the same line ("Secretary
    General Baghdad Amreyev", "Foreign Minister Santiago Cafiero")?"""
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    return nxt is not None and nxt.is_cap and j + 1 not in actor_tok and nxt.lower not in kb.title_words \
        and nxt.lower not in HEADLINE_VERBS and nxt.lower not in MONTHS and nxt.start == tokens[j].end + 1


def _nickname(tokens: list[Token], j: int) -> bool:
    """Does a nickname in quotation marks start at token j, with the rest of the name after it?"""
    return j + 3 < len(tokens) and tokens[j].text in ('"', "“") and tokens[j + 1].is_cap \
        and tokens[j + 2].text in ('"', "”") and tokens[j + 3].is_cap


def initial_glued(tokens: list[Token], j: int) -> bool:
    """Does token j start an initial glued to a name by a full stop ("B.Battsetseg", "Ts.Enkhtuvshin")?"""
    t = tokens[j]
    return (j + 2 < len(tokens) and t.is_cap and t.text.isalpha() and len(t.text) <= 2 and tokens[j + 1].text == "."
            and t.end == tokens[j + 1].start and tokens[j + 1].end == tokens[j + 2].start and tokens[j + 2].is_cap
            and tokens[j + 2].text.isalpha())


def verb_lemmas(kb: Any) -> frozenset[str]:
    """The one-word verb lemmas of the coder's verb lexicon (verbs.yaml), kept on the knowledge."""
    cache = kb.__dict__.setdefault("_cache", {})
    if "verb_lemmas" not in cache:
        from ..coding.own import load_verbs

        cache["verb_lemmas"] = frozenset(k[0] for k in load_verbs().verbs if len(k) == 1)
    return cache["verb_lemmas"]


def verb_s_form(word: str, kb: Any) -> bool:
    """Is a word a verb's third person form ("joins", "reaffirms", "carries", "pushes") or a headline word?"""
    w = word.lower()
    if w in HEADLINE_VERBS:
        return True
    if len(w) < 4 or not w.endswith("s") or w.endswith("ss"):
        return False
    lemmas = verb_lemmas(kb)
    return w[:-1] in lemmas or (w.endswith("es") and w[:-2] in lemmas) or (w.endswith("ies") and w[:-3] + "y" in lemmas)


def verb_after_surname(tokens: list[Token], j: int, kb: Any) -> bool:
    """Is token j a headline's verb right after a known surname ("Secretary Manalo Joins ..."): a verb form
    that is no part of the name of anyone known by that surname?"""
    people = kb.surnames.get(tokens[j - 1].lower)
    if not people or not verb_s_form(tokens[j].text, kb):
        return False
    low = tokens[j].lower
    return not any(low in f.lower().split() for p in people for f in (p.name, *p.aliases))


def name_word(tokens: list[Token], j: int, actor_tok: dict[int, str], kb: Any, text: str) -> bool:
    """Is token j a capitalised word that can only be part of a name, on the same line as the one before?"""
    if j >= len(tokens) or "\n" in text[tokens[j - 1].end:tokens[j].start]:
        return False
    t, low = tokens[j], tokens[j].lower
    return t.is_cap and t.text.isalpha() and j not in actor_tok and low not in STOP_WORDS and low not in NOT_NAMES \
        and low not in MONTHS and low not in HEADLINE_VERBS and low not in kb.title_words


def honorifics(kb: Any) -> set[str]:
    return kb.honorific_words | QUOTES


def address_phrases(kb: Any) -> list[tuple[str, ...]]:
    """titles.yaml's ``address_phrases`` as token tuples, longest first (kept on the knowledge)."""
    cache = kb.__dict__.setdefault("_cache", {})
    if "address_phrases" not in cache:
        phrases = {tuple(t.text.replace("’", "'") for t in tokenize(str(p))) for p in kb.titles.get("address_phrases", [])}
        cache["address_phrases"] = sorted((p for p in phrases if p), key=len, reverse=True)
    return cache["address_phrases"]


def _phrases_by_first(kb: Any) -> dict[str, list[tuple[str, ...]]]:
    """The address phrases by their first word in lower case, longest first."""
    cache = kb.__dict__.setdefault("_cache", {})
    if "address_phrases_by_first" not in cache:
        index: dict[str, list[tuple[str, ...]]] = {}
        for ph in address_phrases(kb):
            index.setdefault(ph[0].lower(), []).append(ph)
        cache["address_phrases_by_first"] = index
    return cache["address_phrases_by_first"]


def phrase_at(tokens: list[Token], k: int, kb: Any) -> int:
    """How many tokens a form of address of several words ("Tan Sri") or in capitals ("HE") takes at
    token k (0: none). A word written in capitals in the grammar matches only in capitals."""
    if k >= len(tokens):
        return 0
    for ph in _phrases_by_first(kb).get(tokens[k].lower.replace("’", "'"), ()):
        if k + len(ph) <= len(tokens) and all(
                tokens[k + x].text == w if w.isupper() and len(w) > 1 else tokens[k + x].lower.replace("’", "'") == w.lower()
                for x, w in enumerate(ph)):
            return len(ph)
    return 0


def skip_address(tokens: list[Token], k: int, kb: Any, end: int | None = None) -> int:
    """The first token after the forms of address that start at token k ("H.E. Dr", "YB Dato' Seri
    Diraja Dr.", "Tan Sri", "HE"), not beyond ``end``."""
    hon, end = honorifics(kb), len(tokens) if end is None else end
    after_form = False
    while k < end:
        n = phrase_at(tokens, k, kb)
        if n and k + n <= end:
            k, after_form = k + n, True
        elif tokens[k].lower in hon or (tokens[k].text == "." and k > 0 and (after_form or tokens[k - 1].lower in hon)):
            k, after_form = k + 1, tokens[k].text != "."
        else:
            break
    return k


def norm_name(tokens: list[Token], kb: Any) -> str:
    while len(tokens) > 1 and tokens[0].lower in kb.name_nobility and tokens[1].text not in ("-", "‑"):
        tokens = tokens[1:]  # "Sheikh Abdullah bin Zayed" is named Abdullah bin Zayed (but "Amir-Abdollahian" is a name)
    while len(tokens) > 2 and tokens[-1].lower in kb.name_postnominals and tokens[-1].text.isupper():
        tokens = tokens[:-1]  # "Micheál Martin TD"
    while len(tokens) > 2 and (tokens[-1].text in (".", ",") or tokens[-1].lower in kb.name_generations):
        tokens = tokens[:-1]  # "Joseph R. Biden, Jr.": the surname ends the name
    nick = next((k for k in range(1, len(tokens)) if _nickname(tokens, k)), None)
    if nick is not None:
        tokens = tokens[:nick] + tokens[nick + 3:]  # 'Joko "Jokowi" Widodo' is Joko Widodo
    parts: list[str] = []
    for k, t in enumerate(tokens):
        if k and tokens[k - 1].end == t.start and (t.text in ("-", "‑", ".") or tokens[k - 1].text in ("-", "‑", ".")):
            parts[-1] += t.text
        else:
            parts.append(t.text)
    # "KISHIDA Fumio" -> "Fumio Kishida"; not Korean "CHO Tae-yul", whose given name is hyphenated, nor
    # initials ("S.M. Krishna", "A.K. Antony"): a family name in capitals is a word of letters only
    if len(parts) == 2 and parts[0].isupper() and len(parts[0]) > 2 and parts[0].isalpha() \
            and not parts[1].isupper() and "-" not in parts[1]:
        parts = [parts[1], parts[0].capitalize()]
    return " ".join(parts).replace(" .", ".")


LINEAGE = {"bin", "bint", "ibn", "binti", "binte"}


def words_within(short: list[str], long: list[str]) -> bool:
    """Are the words of one name a run of another's, word for word ("Li" in "Li Shangfu", not in "John
    Aquilino"), an initial standing for a word ("Sergei L" of "Sergei Lavrov")?"""
    def fits(s: str, w: str) -> bool:
        return s == w or (len(s.rstrip(".")) == 1 and w.startswith(s.rstrip(".")))

    # a run after "bin"/"ibn" is the father's name ("Abdullah II" in "Al Hussein bin Abdullah II"), not the person
    return any(all(fits(s, long[o + x]) for x, s in enumerate(short)) and not (o > 0 and long[o - 1] in LINEAGE)
               for o in range(len(long) - len(short) + 1))


def name_words(name: str) -> list[str]:
    """The words of a name, lower case, an initial glued by a full stop apart ("B.Battsetseg" -> b., battsetseg)."""
    return re.sub(r"\.(?=\w)", ". ", name).lower().split()


def lineage(name: str) -> tuple[str | None, str | None] | None:
    """(given name, father's name) of an Arab or Malay name ("Mansour bin Zayed Al Nahyan" -> mansour,
    zayed; "Al-Thani" -> None, None), or None for a name of another kind."""
    words = name.lower().replace("’", "'").split()
    if not any(w in LINEAGE or w in ("al", "el") or w.startswith(("al-", "el-")) for w in words):
        return None
    given = words[0] if words[0] not in LINEAGE and words[0] not in ("al", "el") \
        and not words[0].startswith(("al-", "el-")) else None
    father = next((words[x + 1] for x in range(len(words) - 1) if words[x] in LINEAGE), None)
    return given, father


def lineage_agrees(a: str, b: str) -> bool:
    """Could two names with bin/bint/ibn or Al- be one person's: the same given name and the same father's
    name wherever both say them? (Not the first initial and the family alone, which all Al Nahyans share.)
    Names of other kinds always could, as far as this goes."""
    la, lb = lineage(a), lineage(b)
    if la is None and lb is None:
        return True
    ga, fa = la or (a.lower().split()[0], None)
    gb, fb = lb or (b.lower().split()[0], None)
    if ga and gb and ga != gb and len(a.split()) > 1 and len(b.split()) > 1:
        return False
    return not (fa and fb and fa != fb)


def may_be(name: str | None, known: Any) -> bool:
    """Can a name the text gives be the known person's? "Fahmy" can be Nabil Fahmy; "Ahmed Fahmy" cannot,
    whom a later "Counselor Fahmy" joins without making him the known one."""
    if not name:
        return True
    words = name.lower().replace("-", " ").split()
    ends = {words[0], words[-1]}  # "William Samoei Ruto" can be William Ruto
    return any(ends <= set(f.lower().replace("-", " ").split()) for f in (known.name, *known.aliases))


def find_known_by_surname(kb: Any, surname: str, day: dt.date | None = None, title: str | None = None,
                           actor: str | None = None, named: Collection[int] = ()) -> Any:
    """The known person a lone surname ("Rice said", "Prime Minister Martin") stands for, or None.

    One holder of the surname in the knowledge: that one, whatever the date (as ever). Several
    ("Paul Martin" of Canada, "Micheál Martin" of Ireland):
      * the one the document has already named (``named``: ids of known people found earlier), if just one;
      * else, with the document's date ``day``, those holding a role on that day; a side the title names
        ("Canadian Prime Minister") narrows them to the ones whose role that day is for it, and a title
        to the ones whose role that day it fits best (``by_title``: "Prime Minister" fits a Taoiseach).
    Still more than one, or none left: nobody (no date at all: nobody, as before).
    ``kb.surnames`` is the index by surname, built once by the knowledge loader."""
    cands = kb.surnames.get(surname.lower(), [])
    if len(cands) < 2:
        return cands[0] if cands else None
    earlier = [p for p in cands if id(p) in named]
    if len(earlier) == 1:
        return earlier[0]
    if day is None:
        return None
    held = {id(p): [r for r in p.roles if r.active(day)] for p in earlier or cands}
    if actor:
        held = {k: [r for r in rs if r.actor == actor] for k, rs in held.items()}
    if title:
        held = by_title(kb, title, held)
    pool = [p for p in earlier or cands if held[id(p)]]
    return pool[0] if len(pool) == 1 else None


def full_names_for(text: str, surname: str, kb: Any) -> list[str]:
    """The full names a text gives for a surname: the capitalised words right before it that are no title,
    form of address, rank or function word ("Dr. Arzu Rana Deuba" -> "Arzu Rana Deuba"; "Prime Minister
    Deuba" gives none)."""
    out = []
    skip = kb.title_words | kb.title_heads | kb.honorific_words | kb.name_nobility | kb.name_styles | rank_grammar(kb)[1]
    for m in re.finditer(r"((?:[A-Z][\w'’-]*\s+){1,3})" + re.escape(surname) + r"\b", text):
        given = m.group(1).split()
        while given and (given[0].lower().rstrip(".") in skip or given[0].lower() in skip or given[0].lower()
                         in STOP_WORDS or given[0].lower() in NOT_NAMES or given[0].lower() in MONTHS):
            given = given[1:]
        if given and not any(w.lower() in skip for w in given):
            out.append(" ".join([*given, surname]))
    return out


def title_parts(title: str) -> list[str]:
    return re.split(r"[\s,\-‑]+", title.lower())


def by_title(kb: Any, title: str, held: dict[int, list[Any]]) -> dict[int, list[Any]]:
    """The roles (of each person) that a title before a surname fits, best fit only: the same title
    words ("Vice President" is no "President"); else the same office kind ("Prime Minister" and
    "Taoiseach"); else, for a title of no kind ("Secretary", "Ambassador"), the same head word. A
    title of neither kind nor head word leaves the roles be."""
    words = set(title_parts(title))
    same = words & kb.title_words
    kind = kb.title_kind(title)
    heads = words & kb.title_heads
    tests = [lambda r: bool(same) and set(title_parts(r.title)) & kb.title_words == same,
             lambda r: bool(kind) and r.kind == kind,
             lambda r: not kind and bool(heads & set(title_parts(r.title)))]
    for fits in tests:
        got = {k: [r for r in rs if fits(r)] for k, rs in held.items()}
        if any(got.values()):
            return got
    return held if not kind and not heads else {k: [] for k in held}
