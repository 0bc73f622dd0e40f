"""Stage 3 — actors: states, organisations and people, with their titles, and who is who.

Reads the text, ``work.entities`` (spaCy PERSON entities as extra name candidates) and the knowledge;
fills ``work.actor_mentions``, ``work.people`` and ``work.person_at``.

How a person is found (a grammar, not a list of documents):
  * a known office holder's name (people.yaml), in any listed spelling or order;
  * a title phrase (titles.yaml: heads such as Minister/President/Secretary joined by title words,
    connectors and actor names: "State Councilor and Foreign Minister", "NATO Secretary General",
    "Minister of Foreign Affairs of China") followed by a capitalised name ("... Wang Yi",
    "Prime Minister KISHIDA Fumio"), or after a name and a comma ("Jens Stoltenberg, NATO Secretary
    General"), with an "of <actor>" complement ("Foreign Minister Peter Szijjarto of Hungary");
  * "the <title>" alone ("The Prime Minister", "the Secretary") refers to a person already named with
    that title, or else stands for an unnamed person;
  * a spaCy PERSON entity of two or more capitalised words.
Later mentions (a surname, "Secretary Blinken", "the Secretary") join the person they refer to.

The grammar of a name itself (where it starts and ends, forms of address, ranks, family-name-first order,
Gulf names, lone surnames) is in ``names``, the grammar of titles in ``titles``; this module finds the people
those grammars read and decides who is who.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from ..coding.own import load_places
from ..lexicon import Gazetteer, Token, tokenize
from . import roles
from .base import ActorMention, PersonRef, Work
from .names import (
    HEADLINE_VERBS,
    LINEAGE,
    MONTHS,
    NOT_NAMES,
    PLACE_ENDS,
    find_known_by_surname,
    full_names_for,
    honorifics,
    lineage_agrees,
    may_be,
    name_after,
    name_words,
    norm_name,
    phrase_at,
    skip_address,
    verb_lemmas,
    verb_s_form,
    words_within,
)
from .titles import abbreviation_told, after_acronym, no_office, title_runs

__all__ = ["gazetteer", "run"]


def gazetteer(kb: Any) -> Gazetteer:
    """The gazetteer of actor and people names for a knowledge base, built once and kept on it."""
    cache = kb.__dict__.setdefault("_cache", {})
    if "actors" in cache:
        return cache["actors"]
    g = Gazetteer()
    for a in kb.actors.values():
        for form, names in (("name", (a.name,)), ("alias", a.aliases), ("adjective", a.adjectives),
                            ("capital", a.capitals), ("seat", a.seats), ("body", a.bodies)):
            for s in names:
                if s:
                    g.add(s, ("actor", a.code, form))
                    if form == "adjective" and s[-1:] in ("n", "i") and " " not in s:
                        g.add(s + "s", ("actor", a.code, form))  # "Tunisians Abroad", "Egyptians"
    for p in kb.people:
        forms = {p.name, *p.aliases}
        parts = p.name.split()
        if p.family_first and len(parts) > 1:
            forms.add(" ".join(parts))
        elif len(parts) == 2:
            forms.add(f"{parts[1].upper()} {parts[0]}")  # Japanese MOFA style: KISHIDA Fumio
            forms.add(f"{parts[1]} {parts[0]}")
        for s in list(forms):
            # "Al Thani" / "Al-Thani", "El Sisi" / "El-Sisi"
            forms.add(re.sub(r"\b(Al|El|al|el|Ould|bin|Bin)-", r"\1 ", s))
            forms.add(re.sub(r"\b(Al|El|al|el) (?=[A-Z])", r"\1-", s))
        for s in forms:
            g.add(s, ("person", p, "full"))
    for s in load_places():
        g.add(s, ("place", None, "place"))  # "Latin America", "South China Sea": no actor (an actor's form wins)
    cache["actors"] = g
    return g


def _headline_pair(work: Work, tokens: list[Token], b: int) -> bool:
    """Does a headline's plural verb follow the title at token b ("X, French President discuss ...")? Then
    the comma joins two subjects; a title in apposition takes the singular ("X, NATO chief, says ...")."""
    if b >= len(tokens) or (s := work.sentence_of(tokens[b].start)) is None or not work.is_title_line(s):
        return False
    low = tokens[b].lower
    singular = low.endswith("s") and not low.endswith("ss")  # "says", "holds"; not "discuss"
    return (low in verb_lemmas(work.kb) or low in HEADLINE_VERBS) and not singular


def _not_a_person(tokens: list[Token], seg: list[Token], tj: int, kb: Any, text: str) -> bool:
    """Is a spaCy PERSON entity (tokens ``seg``, ending before token tj) something else: a place or actor the
    knowledge names, a news agency of a dateline ("Havana, Mar 12 (Prensa Latina)", publishers.yaml), a region after
    a compass word ("in eastern Ladakh"), a topic's
    alias ("Karabakh"), an acronym in brackets ("(AMM)"), or a run whose last word, or
    the word after it, is a group's or a place's noun (titles.yaml ``group_nouns``: "the Weimar Triangle", "the
    Kalapani boundary", "the Normandy format")?"""
    cache = kb.__dict__.setdefault("_cache", {})
    if "not_person" not in cache:
        cache["not_person"] = ({str(w).lower() for w in kb.titles.get("group_nouns") or ()},
                               {a.lower() for t in kb.topics for a in (t.label, *t.aliases)})
    nouns, aliases = cache["not_person"]
    words = text[seg[0].start:seg[-1].end]
    # an acronym in brackets after what it abbreviates ("the 56th ASEAN Foreign Ministers' Meeting (AMM)")
    acronym = len(seg) == 1 and words.isupper() and text[seg[0].start - 1:seg[0].start] == "(" \
        and words.lower() not in kb.surnames
    # a region after a lower-case compass word ("the remaining issues in eastern Ladakh")
    region = re.search(r"\b(?:in|of|across) (?:north|south|east|west|central|(?:north|south)?(?:east|west)?ern)\s+$",
                       text[max(0, seg[0].start - 30):seg[0].start]) is not None
    return acronym or region or seg[-1].lower in nouns or (tj < len(tokens) and tokens[tj].lower in nouns) \
        or words.lower() in aliases or bool(kb.place_codes(words)) or words in kb.agencies


_ENVOYS = {"ambassador", "envoy", "consul", "consul-general", "chargé", "charge", "commissioner", "representative"}


def _posted_in(tokens: list[Token], b: int, actor_tok: dict[int, str], kb: Any) -> bool:
    """Does an envoy's title end at token b with the one-word place where the envoy serves, then a comma ("ambassador
    in Havana, X")?"""
    return tokens[b - 1].lower in _ENVOYS and b + 2 < len(tokens) and tokens[b].lower == "in" \
        and (b + 1) in actor_tok and (b + 2) not in actor_tok and tokens[b + 2].text == ","


def _inside_longer_name(tokens: list[Token], ti: int, kb: Any) -> bool:
    """Is the organ of an organisation at token ti the tail of a longer capitalised name ("the Supreme National
    Security Council of Iran", "the Russian Security Council" are no UN Security Council)? A title's head before
    it ("President Security Council") and a sentence's first word leave it the organisation's."""
    if ti == 0 or not tokens[ti - 1].is_cap or tokens[ti - 1].lower in kb.title_heads:
        return False
    return ti >= 2 and tokens[ti - 2].text not in (".", ":", "\n")


def _region_after_place(tokens: list[Token], ti: int, tj: int) -> bool:
    """Is the one-word entity at ti..tj the region of a place before it ("held a meeting in Leticia, Amazonas,
    ...", "at the summit in Goa, India")?"""
    return tj - ti == 1 and ti >= 3 and tokens[ti - 1].text == "," and tokens[ti - 2].is_cap \
        and tokens[ti - 3].lower in ("in", "at", "near")


def _own_words(words: list[str]) -> list[str]:
    """The words of a name that are its bearer's own: no regnal number ("Abdullah II" and "Al Hussein bin
    Abdullah II" share only it) and no father's name after "bin" (up to a family name "Al ...")."""
    out: list[str] = []
    fathers = False
    for x in words:
        if x in LINEAGE:
            fathers = True
        elif fathers and (x in ("al", "el") or x.startswith(("al-", "el-"))):
            fathers = False
        if not fathers and not re.fullmatch(r"[ivx]+", x):
            out.append(x)
    return out or words


class _People:
    def __init__(self, work: Work):
        self.work = work

    def add(self, span: tuple[int, int], ref: PersonRef) -> int:
        w = self.work
        for i, p in enumerate(w.people):
            if self._same(p, ref):
                if ref.title and (not p.title or (p.title_span and ref.title_span
                                                  and len(ref.title) > len(p.title) and not p.name_span)):
                    p.title, p.title_span = ref.title, ref.title_span
                heads = self.work.kb.title_heads
                same_office = bool({w for w in (ref.title or "").lower().split() if w in heads}
                                   & {w for w in (p.title or "").lower().split() if w in heads})
                if ref.title and p.title and len(ref.title) > len(p.title) and ref.title_span and ref.name and (
                        self.work.kb.title_kind(ref.title) or not self.work.kb.title_kind(p.title) or same_office):
                    p.title, p.title_span = ref.title, ref.title_span
                elif ref.title and p.title and self.work.kb.title_kind(ref.title) and not self.work.kb.title_kind(p.title):
                    p.title, p.title_span = ref.title, ref.title_span
                if ref.title_actor and not p.title_actor:
                    p.title_actor = ref.title_actor
                if ref.name and (not p.name or len(ref.name) > len(p.name)):
                    p.name, p.name_span = ref.name, ref.name_span
                if ref.known and not p.known and may_be(p.name, ref.known):
                    p.known = ref.known
                p.mentions.append(span)
                w.person_at[span] = i
                return i
        ref.mentions.append(span)
        w.people.append(ref)
        w.person_at[span] = len(w.people) - 1
        return len(w.people) - 1

    @staticmethod
    def _same(p: PersonRef, q: PersonRef) -> bool:
        if p.known and q.known:
            return p.known is q.known
        for k, other in ((p.known, q.name), (q.known, p.name)):
            if k and other and other.lower() in {k.name.lower(), *(x.lower() for x in k.aliases)}:
                return True  # "President Jokowi" (a known alias) and 'President Joko "Jokowi" Widodo'
        if p.name and q.name and not lineage_agrees(p.name, q.name):
            return False  # "Mansour bin Zayed" is not "Mohamed bin Zayed"
        if p.name and q.name:
            a, b = name_words(p.name), name_words(q.name)
            if a == b or words_within(a, b) or words_within(b, a):
                return True
            # a regnal number is no family name ("Abdullah II" and "Al Hussein bin Abdullah II" share only it)
            a, b = _own_words(a), _own_words(b)
            sa = {a[-1], a[0]} if len(a) > 1 else {a[0]}
            sb = {b[-1], b[0]} if len(b) > 1 else {b[0]}
            if len(a) == 1 or len(b) == 1:
                return bool(sa & sb)
            return a[-1] == b[-1] and a[0][0] == b[0][0]
        if (p.known or q.known) and (p.name or q.name):
            k = p.known or q.known
            other = q.name if p.known else p.name
            assert k is not None
            if other and not any(lineage_agrees(other, f) for f in (k.name, *k.aliases)):
                return False  # "Mohammed bin Hamad Al-Thani" is not the known Mohammed bin Abdulrahman Al Thani
            if other:
                low = other.lower()
                forms = {k.name.lower(), *(x.lower() for x in k.aliases)}
                if low in forms or (k.surname and low.split()[-1] == k.surname.lower()) or (
                        k.surname and low.split()[0] == k.surname.lower()):
                    return True
        return False


def _document_day(work: Work) -> dt.date | None:
    """The date people's roles are read at, before engagements are found: the publication date, else
    the document's first full date ("On May 4, 2005, ..."); None when the text gives neither."""
    if work.published is not None:
        return work.published
    for d in work.dates:
        if len(d.value) == 10 and not d.relative:
            try:
                return dt.date.fromisoformat(d.value)
            except ValueError:
                continue
    return None


def run(work: Work) -> None:
    kb, text = work.kb, work.text
    tokens = tokenize(text)
    hits = gazetteer(kb).find(tokens, text)
    actor_tok: dict[int, str] = {}
    actor_codes: dict[int, str] = {}  # the actor each such token names
    known_hits = []
    for a, b, (kind, payload, form), ti, tj in hits:
        if kind == "actor" and form == "body" and _inside_longer_name(tokens, ti, kb):
            continue
        if kind == "actor":
            work.actor_mentions.append(ActorMention(a, b, payload, form))
            actor_tok.update((k, form) for k in range(ti, tj))
            actor_codes.update((k, payload) for k in range(ti, tj))
        elif kind == "person":
            known_hits.append((a, b, payload, ti, tj))
    people = _People(work)
    person_tok: set[int] = set()
    hon, ranks = honorifics(kb), kb.name_nobility | kb.name_styles
    day = _document_day(work)
    named_at: dict[int, int] = {}  # id of a known person -> where the text first names them by a known form
    for a, _b, known, _ti, _tj in known_hits:
        named_at.setdefault(id(known), a)

    full_names: dict[str, list[str]] = {}

    def by_surname(surname: str, at: int, title: str | None = None, actor: str | None = None) -> Any:
        """A lone surname at ``at``: date-, title- and document-aware (see find_known_by_surname); not one
        whose given names conflict with a full name the text gives for that surname."""
        if len(kb.surnames.get(surname.lower(), ())) < 2:
            found = find_known_by_surname(kb, surname)
        else:
            named = {k for k, pos in named_at.items() if pos < at} | {id(p.known) for p in work.people if p.known}
            found = find_known_by_surname(kb, surname, day, title, actor, named)
        if found is not None and surname not in full_names:
            full_names[surname] = full_names_for(text, surname, kb)
        if found is not None and any(not may_be(n, found) for n in full_names[surname]):
            return None  # "Foreign Minister Dr. Deuba" of a text naming Arzu Rana Deuba is not Sher Bahadur Deuba
        return found

    def actor_code(ti: int, tj: int) -> str | None:
        """The side a title names: its first actor, not one it is sent "to" ("Ambassador of Japan to
        China" is Japan's, "Ambassador to the United Nations" no one's by the title)."""
        for m in work.actor_mentions:
            if tokens[ti].start <= m.start and m.end <= tokens[tj - 1].end and m.start not in area_chars:
                before = re.search(r"\b(\w+)\s+(?:the\s+)?$", text[tokens[ti].start:m.start])
                if before and before.group(1).lower() in ("to", "for"):
                    continue  # "Special Representative for Afghanistan Reconciliation": a portfolio, not a side
                return m.code
        return None

    tok_at = {t.start: k for k, t in enumerate(tokens)}
    name_starts = {ti for _a, _b, _known, ti, _tj in known_hits} | {
        tok_at[a] for a, _b, label in work.entities if label == "PERSON" and a in tok_at}
    areas: set[int] = set()
    runs = title_runs(tokens, actor_tok, kb, text, codes=actor_codes, name_starts=name_starts, areas=areas)
    area_chars = {tokens[k].start for k in areas}
    run_at = {r[0]: r for r in runs}
    pending: list[tuple[tuple[int, int], PersonRef, int]] = []  # (span, ref, order) added in text order

    def title_text(a: int, b: int) -> tuple[str, tuple[int, int]]:
        while b - a > 1 and tokens[a].lower in ("his", "her", "royal", "highness", "excellency", "majesty", "the",
                                                "honourable", "honorable", "hon"):
            a += 1
        # "Minister for Foreign Affairs Senator Penny Wong": the style before the name is no part of the office
        # (but "Minister Counsellor" is one office)
        while b - a > 2 and tokens[b - 1].lower in kb.name_styles and tokens[b - 2].lower not in kb.title_heads \
                and any(t.lower in kb.title_heads for t in tokens[a:b - 1]):
            b -= 1
        s, e = tokens[a].start, tokens[b - 1].end
        return text[s:e], (s, e)

    def appositive(ref: PersonRef, j: int, keep_actor: bool = False) -> int:
        """", NATO Secretary General" after a name (token j is the comma): the title; returns its end."""
        start = j
        while j < len(tokens) and tokens[j].lower in kb.name_postnominals and tokens[j].text.isupper() or (
                j + 1 < len(tokens) and tokens[j].text == "," and tokens[j + 1].lower in kb.name_postnominals
                and tokens[j + 1].text.isupper()):
            j += 1  # "Boris Johnson MP, Prime Minister of ...", "Ali Sabry, PC, Minister of Foreign Affairs"
        r = j + 2 if j + 2 < len(tokens) and tokens[j + 1].lower == "the" else j + 1  # ", the spokesman of ..."
        if not (r < len(tokens) and tokens[j].text == "," and r in run_at):
            return start
        ra, rb, _ = run_at[r]
        if _headline_pair(work, tokens, rb):
            return start  # "Mohamed bin Zayed, French President discuss ...": two people, not a name and its title
        ref.title, ref.title_span = title_text(ra, rb)
        ref.title_actor = actor_code(ra, rb) or (ref.title_actor if keep_actor else None)
        person_tok.update(range(ra, rb))
        return rb

    acronym_ends = {after_acronym(tokens, r[1]) for r in runs} - {r[1] for r in runs}

    def after_name_comma(a: int) -> bool:
        """Whether the title at token a follows a comma after a name ("Mr X, Prime Minister of Y, Z ...": the
        office is X's), not after a common noun ("my friend and counterpart, Papua New Guinea's Minister for
        Defence, Billy Joseph": the office is Joseph's)."""
        return a > 1 and tokens[a - 1].text == "," and (tokens[a - 2].is_cap or not tokens[a - 2].text.isalpha()) \
            and (a - 1) not in acronym_ends

    def office_chain(b: int) -> bool:
        """Whether the office ending at token b goes on, after its acronym and a comma, in a second office that a
        name follows ("the Chair of the Council for Foreign and Community Relations (COFCOR), Minister of
        Foreign Affairs ... of Suriname, the Hon. Albert Ramdin", "... (CARICOM), President of Suriname H.E.
        Chandrikapersad Santokhi"): one person's, no one by title alone."""
        c = after_acronym(tokens, b)
        if c == b or c + 1 not in run_at:
            return False
        rb = run_at[c + 1][1]
        return name_after(tokens, rb, actor_tok, kb, text) > rb or rb + 1 < len(tokens) and tokens[rb].text == "," \
            and name_after(tokens, rb + 1, actor_tok, kb, text) > rb + 1

    def actor_at(k: int) -> str | None:
        for m in work.actor_mentions:
            if m.start <= tokens[k].start < m.end:
                return m.code
        return None

    def complement(j: int) -> tuple[str | None, int]:
        """An "of <actor>" right after a name (and its "Jr."): (code, end token)."""
        while j + 1 < len(tokens) and (tokens[j].lower in kb.name_generations or tokens[j].text == "."
                                       and tokens[j - 1].lower in kb.name_generations):
            j += 1  # "Gilberto C. Teodoro Jr. of the Republic of the Philippines"
        if j + 1 < len(tokens) and tokens[j].lower == "of":
            k = j + 2 if tokens[j + 1].lower == "the" else j + 1
            if k in actor_tok:
                code = actor_at(k)
                k += 1
                while k < len(tokens) and k in actor_tok and "\n" not in text[tokens[k - 1].end:tokens[k].start]:
                    k += 1  # not into the next line ("... Putin of the Russian Federation" over "Moscow, 14 May")
                if k < len(tokens) and tokens[k].lower in ("'s", "’s"):
                    return None, j  # "assured Minister Pandor of India's support": no complement of the title
                return code, k
        return None, j

    # the text's first word past site furniture (a menu, "Skip to main content"): an office opening it unnamed
    # ("PM meeting with Prime Minister Kishida of Japan") is a headline's subject, not a reference by title
    body = next((x.start for x in work.sentences if not x.boiler), 0)
    opening = next((k for k, t in enumerate(tokens) if t.start >= body), 0)
    # 1. title + name, title alone, and known names
    for a, b, det in runs:
        if a in person_tok:
            continue  # inside a name and title already read ("..., HH Prince Faisal ...")
        if tokens[a].lower == "pm" and re.search(r"\d\s*$", text[max(0, tokens[a].start - 3):tokens[a].start]):
            continue  # "5:02 PM GMT": a time, no Prime Minister
        j = name_after(tokens, b, actor_tok, kb, text)
        ttl, tspan = title_text(a, b)
        tactor = actor_code(a, b)
        c = after_acronym(tokens, b)  # "the Secretary General of the Organization of American States (OAS), X"
        if j == b and _posted_in(tokens, b, actor_tok, kb):
            b = c = j = b + 2  # "the Venezuelan ambassador in Havana, Ali Rodriguez Araque": where the envoy serves
            ttl, tspan = title_text(a, b)
        comma_name = (j == b and c + 1 < len(tokens) and tokens[c].text == "," and
                      not after_name_comma(a) and name_after(tokens, c + 1, actor_tok, kb, text) > c + 1)
        if comma_name and (c + 1) in run_at and no_office([t.text for t in tokens[a:b]], kb):
            # "his Georgian counterpart, Minister Zalkaliani": the office after the comma has the name
            comma_name = False
        if j > b or comma_name:
            # "Foreign Minister Wang Yi", "the Prime Minister of Japan Shigeru Ishiba",
            # "the Foreign Minister of Australia, Ms. Marise Payne"
            k = c + 1 if comma_name else b
            j = name_after(tokens, k, actor_tok, kb, text)
            while k < j and (not tokens[k].is_cap and tokens[k].lower not in kb.name_particles
                             or skip_address(tokens, k, kb, j) > k or tokens[k].text == "."
                             or (tokens[k].lower in ranks and k + 1 < j and tokens[k + 1].text not in ("-", "‑"))):
                k = max(k + 1, skip_address(tokens, k, kb, j))
            name_toks = tokens[k:j]
            if not name_toks:
                continue
            k0 = next((h for h in known_hits if h[3] >= k and h[3] < j), None)
            if k0 is None and len(name_toks) > 1 and name_toks[0].lower in kb.surnames and all(
                    verb_s_form(t.text, kb) for t in name_toks[1:2]):
                # "Minister Balakrishnan Review ...": a known surname, then a headline's verb
                name_toks = name_toks[:1]
                j = k + 1
            if k0 is not None and k0[4] - k0[3] >= len(name_toks):
                name_toks = tokens[k0[3]:k0[4]]
                j = max(j, k0[4])
            else:
                # a known form that starts with the title ("King Rudolf", "Prince Saud al-Faisal")
                k0 = next((h for h in known_hits if a <= h[3] < k and h[4] > k), None)
            name = norm_name(name_toks, kb)
            nspan = (name_toks[0].start, name_toks[-1].end)
            comp, comp_end = complement(j)
            ref = PersonRef(name=name, title=ttl, title_span=tspan, name_span=nspan,
                            known=k0[2] if k0 else None, title_actor=tactor or comp)
            if ref.known is None and all(t.lower in kb.name_particles for t in name_toks[:-1]):
                # "Minister Lavrov", "President von der Leyen": a surname, maybe with its particles
                ref.known = by_surname(name, nspan[0], ttl, ref.title_actor)
            inner = _office_spoken_for(ttl, ref.known, day, kb)
            if inner:
                # "the Spokesperson of EU High Representative Catherine Ashton": the name is the High Representative's
                ref.title, ref.title_span = ttl[inner:], (tspan[0] + inner, tspan[1])
            if comp and not tactor and ref.known is not None and ref.known.roles and not any(
                    r.actor == comp and r.active(day) for r in ref.known.roles):
                comp, ref.title_actor = None, None  # "of X" after a name is weaker than the person's dated roles
            if comp and not tactor and j + 1 < len(tokens):
                of = next(k for k in range(j, comp_end) if tokens[k].lower == "of")
                ref.title = f"{ttl} of {text[tokens[of + 1].start:tokens[comp_end - 1].end]}"
            if kb.title_kind(ttl) is None and no_office([t.text for t in tokens[a:b]], kb):
                # "His Royal Highness Prince Faisal bin Farhan, Minister of Foreign Affairs": the office
                j = appositive(ref, j, keep_actor=True)
            pending.append(((tokens[a].start, nspan[1]), ref, tokens[a].start))
            person_tok.update(range(a, j))
        elif det or (j == b and a > opening and (tokens[a - 1].text != "," or _speaks(tokens, b, kb)) and tokens[a].is_cap
                     and any(t.is_cap and t.lower in kb.title_heads for t in tokens[a:b])):
            # "the Secretary", "The Prime Minister": a reference by title
            if office_chain(b):
                continue
            if j == b and b < len(tokens) and tokens[b].is_cap and tokens[b].lower not in NOT_NAMES \
                    and tokens[b].lower not in MONTHS and b not in actor_tok:
                continue
            if re.match(r"(?:Office|Residence|Palace|House|Secretariat|Cabinet|Chancellery|Department|Ministry)\s+of\b",
                        ttl, re.I) or re.search(r"\b(?:Office|Residence|Palace|House|Secretariat|Cabinet|Chancellery|"
                                                r"Department|Ministry)\s+of\s+(?:the\s+)?$",
                                                text[max(0, tokens[a].start - 40):tokens[a].start], re.I):
                continue  # "at the Office of the Prime Minister in Suva": a place or a body, no one by title
            ref = PersonRef(name=None, title=ttl, title_span=tspan, title_actor=tactor)
            pending.append((tspan, ref, tspan[0]))
            person_tok.update(range(a, b))
    for a, b, known, ti, tj in known_hits:
        if ti in person_tok:
            continue
        ref = PersonRef(name=norm_name(tokens[ti:tj], kb), title=None, name_span=(a, b),
                        known=known)
        appositive(ref, tj)  # "Jens Stoltenberg, NATO Secretary General"
        pending.append(((a, b), ref, a))
        person_tok.update(range(ti, tj))
    # 1b. a name introduced by a form of address ("H.E. Mr. Mohamed Ould Cheikh El Ghazouani, President of ...")
    for k, t in enumerate(tokens):
        if k in person_tok or (t.lower not in kb.name_address and not phrase_at(tokens, k, kb)) or (
                t.lower in ("m", "m.") and not t.is_cap):
            continue
        j = name_after(tokens, k, actor_tok, kb, text)
        start = skip_address(tokens, k, kb, j)
        seg = tokens[start:j]
        if not seg or any(x in person_tok for x in range(start, j)):
            continue
        if len(seg) < 2 and not (j + 1 < len(tokens) and tokens[j].text == "," and (j + 1) in run_at):
            continue
        k0 = next((h for h in known_hits if start <= h[3] < j), None)
        ref = PersonRef(name=norm_name(seg, kb), title=None, name_span=(seg[0].start, seg[-1].end),
                        known=k0[2] if k0 else None)
        appositive(ref, j)
        pending.append(((seg[0].start, seg[-1].end), ref, seg[0].start))
        person_tok.update(range(k, j))
    # 2. spaCy PERSON entities of two or more capitalised words not yet covered
    if work.entities:
        tok_at = {t.start: i for i, t in enumerate(tokens)}
        for a, b, label in work.entities:
            if label != "PERSON":
                continue
            found_ti = tok_at.get(a)
            if found_ti is None or found_ti in person_tok or found_ti in actor_tok:
                continue
            tj = found_ti
            while tj < len(tokens) and tokens[tj].end <= b:
                tj += 1
            ti = skip_address(tokens, found_ti, kb, tj)  # "H.E. Dr", "Seri Diraja": forms of address only
            seg = tokens[ti:tj]
            if not seg or any(k in person_tok or k in actor_tok for k in range(ti, tj)):
                continue
            if not all(t.is_cap or t.lower in kb.name_particles or t.text in ("-", ".") for t in seg):
                continue
            if any(t.lower in kb.title_words or t.lower in NOT_NAMES or t.lower in MONTHS
                   or t.lower in HEADLINE_VERBS for t in seg) or seg[-1].lower in PLACE_ENDS or (
                    tj < len(tokens) and tokens[tj].lower in PLACE_ENDS and tokens[tj].is_cap):
                continue
            if _not_a_person(tokens, seg, tj, kb, text) or _region_after_place(tokens, ti, tj):
                continue
            ref = PersonRef(name=norm_name(seg, kb), title=None, name_span=(seg[0].start, seg[-1].end))
            appositive(ref, tj)
            if len(seg) == 1:
                # a lone surname is a person only if it refers to someone named in full
                ref.known = by_surname(seg[0].text, seg[0].start, ref.title, ref.title_actor)
            pending.append(((seg[0].start, seg[-1].end), ref, seg[0].start))
            person_tok.update(range(ti, tj))
    # 3. bare capitalised surnames of people already found ("Stoltenberg said")
    pending.sort(key=lambda x: x[2])
    for span, ref, _ in pending:
        if ref.name is None:
            _resolve_title_reference(work, people, span, ref)
        else:
            if ref.known is None and ref.name and len(ref.name.split()) == 1 and not any(
                    p.name for p in work.people if p.name and ref.name.lower() in p.name.lower().split()):
                # surname with no earlier full name: a known holder of that surname, if unambiguous
                ref.known = by_surname(ref.name, span[0], ref.title, ref.title_actor)
            people.add(span, ref)
    _byline_office(work)
    _merge_unnamed(work)
    _shared_possessive(work)
    _led_delegation(work)
    _plural_offices_of_states(work)
    # a capital inside a name ("Ana Lima") is part of the name, not a mention of the state
    names = [p.name_span for p in work.people if p.name_span]
    work.actor_mentions = [m for m in work.actor_mentions
                           if not any(a <= m.start and m.end <= b for a, b in names)]
    surnames: dict[str, int] = {}
    for i, p in enumerate(work.people):
        if p.name:
            parts = re.sub(r"\b([A-Z][a-z]?)\.(?=[A-Z])", r"\1. ", p.name).split()  # "B.Battsetseg": B., Battsetseg
            if len(parts) > 1:
                if not (p.known and p.known.family_first):
                    surnames.setdefault(parts[-1].lower(), i)  # not the "In" of "Moon Jae In"
                if p.known and p.known.surname:
                    surnames.setdefault(p.known.surname.lower(), i)
                if p.known and p.known.family_first:
                    surnames.setdefault(parts[0].lower(), i)
            elif p.known and p.known.surname and p.name.lower() == p.known.surname.lower():
                # "Prime Minister Martin" linked to a known person: a later "Martin" is the same one
                surnames.setdefault(parts[0].lower(), i)
    # every later mention of a full name found once ("Bakhtiyor Saidov noted ...")
    taken = sorted(work.person_at)
    starts = [t.start for t in tokens]
    for i, p in enumerate(work.people):
        if not p.name or (" " not in p.name and "." not in p.name):
            continue
        for m in re.finditer(r"(?<!\w)" + re.escape(p.name) + r"(?!\w)", text):
            sp = (m.start(), m.end())
            nxt = re.match(r"\s+([A-Z]\w*)", text[sp[1]:sp[1] + 20])
            if nxt and nxt.group(1).lower() in PLACE_ENDS:
                continue  # "Ho Chi Minh City" is no mention of Ho Chi Minh
            if not any(a < sp[1] and sp[0] < b for a, b in taken):
                p.mentions.append(sp)
                work.person_at[sp] = i
                taken.append(sp)
                first = bisect_left(starts, sp[0])
                person_tok.update(range(first, bisect_left(starts, sp[1])))
    multi = {tuple(p.known.surname.lower().split()): i for i, p in enumerate(work.people)
             if p.known and p.known.surname and " " in p.known.surname}
    doubles: set[tuple[str, ...]] = set()
    for i, p in enumerate(work.people):
        # a Spanish or Portuguese double surname ("Bruno Rodríguez Parrilla" ... "Rodríguez Parrilla reiterated")
        tail = (p.name or "").split()[-2:]
        if len((p.name or "").split()) > 2 and not (p.known and p.known.family_first) and all(
                w[:1].isupper() and w.isalpha() and w.lower() not in kb.name_particles for w in tail):
            doubles.add(tuple(w.lower() for w in tail))
            multi.setdefault(tuple(w.lower() for w in tail), i)
    for k, t in enumerate(tokens):
        if k in person_tok or k in actor_tok:
            continue
        for key, who_i in multi.items():
            if tuple(x.lower for x in tokens[k:k + len(key)]) == key and not (
                    key in doubles and k > 0 and _in_run(tokens, k, kb, hon)):  # not the "Chi Minh" of "Ho Chi Minh"
                sp = (t.start, tokens[k + len(key) - 1].end)
                if sp not in work.person_at and not any(a <= sp[0] < b for a, b in work.person_at):
                    work.people[who_i].mentions.append(sp)
                    work.person_at[sp] = who_i
        if not t.is_cap and t.lower not in kb.name_particles:
            continue
        if k + 2 < len(tokens) and tokens[k + 1].text == "-" and tokens[k + 1].start == t.end \
                and tokens[k + 2].start == tokens[k + 1].end:
            glued = f"{t.lower}-{tokens[k + 2].lower}"
            if glued in surnames and (t.start, tokens[k + 2].end) not in work.person_at:
                # "Amir-Abdollahian said ...", "General al-Burhan expressed ..."
                work.people[surnames[glued]].mentions.append((t.start, tokens[k + 2].end))
                work.person_at[(t.start, tokens[k + 2].end)] = surnames[glued]
                continue
        if not t.is_cap:
            continue
        who = surnames.get(t.lower)
        if who is not None and (t.lower in STOP_WORDS or t.lower in NOT_NAMES) and (
                not _is_surname_of(work.people[who], t.text) or _opens_sentence(tokens, k, text)):
            # "He added ...", "In their talks ...": a function word is a surname ("talks with He on
            # trade") only when it is the known person's surname and no sentence starts with it
            who = None
        # initials ("S.V.Lavrov") or an office's abbreviation ("HR Solana") before a surname start no other name
        led = _own_initials(tokens, k, work.people, who) is not None or (
            k > 0 and abbreviation_told(tokens[k - 1].text, text[:tokens[k - 1].start]))
        inside_run = (k > 0 and _in_run(tokens, k, kb, hon) and not led) or (
            k + 1 < len(tokens) and tokens[k + 1].lower in PLACE_ENDS and tokens[k + 1].is_cap) or (
            k + 1 < len(tokens) and tokens[k + 1].lower in _NAMED_AFTER)  # "the Trump administration": no one
        if who is not None and (t.start, t.end) not in work.person_at and not inside_run:
            # "Wang Yi" is matched whole; "Wang" alone after it is the same person (not the "Minh" of
            # "Ho Chi Minh City" or of another person's name)
            work.people[who].mentions.append((t.start, t.end))
            work.person_at[(t.start, t.end)] = who
    _with_what_precedes(work, tokens)
    _style_references(work)
    _given_name_references(work, tokens)
    _plural_titles(work)
    for p in work.people:
        # "Kamikawa Yoko" (family name first, as Korean and Japanese pages write it) is the known
        # "Yoko Kamikawa": the same words in the knowledge's order
        if p.known and p.name and p.name != p.known.name and \
                sorted(p.name.lower().split()) == sorted(p.known.name.lower().split()):
            p.name = p.known.name


# nouns a surname qualifies without naming the person ("as the Trump administration pushes for talks")
_NAMED_AFTER = {"administration", "administration's", "era", "campaign", "doctrine", "presidency", "cabinet"}

_STYLE = re.compile(r"\b(?:His|Her) (?:Royal )?(?P<style>Highness|Majesty)\b|(?<![\w.])(?P<abbr>H\.R\.H\.|H\.H\.|H\.M\.)")
_STYLE_ABBR = {"H.R.H.": "Highness", "H.H.": "Highness", "H.M.": "Majesty"}  # WAM's "H.H. stressed ..."


def _style_references(work: Work) -> None:
    """"His Highness affirmed ...", "His Highness and President El-Sisi ...", "H.H. stressed ...": a style of
    address standing alone is the one person the text introduced with it before ("President His Highness Sheikh Mohamed
    bin Zayed"; not "H.H. Sheikh Abdullah bin Zayed", who attended, named later)."""
    text = work.text
    styled: dict[str, list[tuple[int, int]]] = {}  # style -> (where, person) of each person introduced with it
    alone: list[tuple[int, int, str]] = []
    for m in _STYLE.finditer(text):
        after = text[m.end():m.end() + 40]
        # the person the style introduces: the mention it stands in or that follows it closely
        held = sorted((a, i) for (a, b), i in work.person_at.items() if a <= m.start() < b
                      or (m.end() <= a <= m.end() + 40 and re.fullmatch(r"(?:\s+[A-Z][\w.'’-]*){0,3}\s*", text[m.end():a])))
        style = m.group("style") or _STYLE_ABBR[m.group("abbr")]
        if held:
            styled.setdefault(style, []).append((m.start(), held[0][1]))
        elif not re.match(r"\s+(?:the\s+)?[A-Z]", after):
            alone.append((m.start(), m.end(), style))
    for a, b, style in alone:
        # introduced before it, else anywhere
        who = {i for at, i in styled.get(style, []) if at < a} or {i for _at, i in styled.get(style, [])}
        if len(who) == 1 and (a, b) not in work.person_at:
            i = next(iter(who))
            work.people[i].mentions.append((a, b))
            work.person_at[(a, b)] = i


_PLURAL = re.compile(r"(?P<title>(?:[A-Z][\w-]*\s+){0,3}?[A-Z][\w-]*(?:ies|s))\s+(?:(?P<prev>[^,;.]{2,50}?),?\s+and\s+)?$")


def _plural_titles(work: Work) -> None:
    """"Foreign Ministers Mauro Vieira and Santiago Cafiero": an untitled name after a plural office (maybe after
    the first name it lists) holds that office in the singular."""
    kb = work.kb
    for p in work.people:
        if p.title or not p.name_span:
            continue
        a = p.name_span[0]
        m = _PLURAL.search(work.text, max(0, a - 110), a)
        if m is None:
            continue
        words = m.group("title").split()
        one = _singular(words[-1])
        if one.lower() not in kb.title_heads or not all(w.lower() in kb.title_words for w in words[:-1]):
            continue
        if m.group("prev") and not any(sp == (m.start("prev"), m.end("prev")) for sp in work.person_at):
            continue
        p.title = " ".join([*words[:-1], one])


def _given_name_references(work: Work, tokens: list[Token]) -> None:
    """"Sayyid Badr expressed ...", "Sheikh Salem affirmed ...": a Gulf style of nobility before a given name is
    the one person named in full with that given name first ("Sayyid Badr bin Hamad Al Busaidi")."""
    firsts: dict[str, set[int]] = {}
    for i, p in enumerate(work.people):
        if p.name and len(p.name.split()) > 1:
            firsts.setdefault(p.name.split()[0].lower(), set()).add(i)
    for k in range(len(tokens) - 1):
        t, given = tokens[k], tokens[k + 1]
        sp = (t.start, given.end)
        who = firsts.get(given.lower, set())
        if t.lower in work.kb.name_nobility and given.is_cap and len(who) == 1 and not any(
                a <= t.start < b or a < given.end <= b for a, b in work.person_at) and (
                k + 2 >= len(tokens) or not tokens[k + 2].is_cap):
            i = next(iter(who))
            work.people[i].mentions.append(sp)
            work.person_at[sp] = i


def _with_what_precedes(work: Work, tokens: list[Token]) -> None:
    """A surname found alone after the initials of its bearer's given names or the abbreviation of an office the
    text gave in full ("S.V.Lavrov", "HR Solana"): the mention runs from them, so the name opens its sentence."""
    at = {t.start: k for k, t in enumerate(tokens)}
    for sp, who in list(work.person_at.items()):
        k = at.get(sp[0])
        if k is None or k == 0 or tokens[k].end != sp[1]:
            continue
        i = _own_initials(tokens, k, work.people, who)
        if i is None and abbreviation_told(tokens[k - 1].text, work.text[:tokens[k - 1].start]):
            i = k - 1
        if i is None or any(a <= tokens[i].start < b for a, b in work.person_at if (a, b) != sp):
            continue
        new = (tokens[i].start, sp[1])
        mentions = work.people[who].mentions
        mentions[mentions.index(sp)] = new
        del work.person_at[sp]
        work.person_at[new] = who


def _own_initials(tokens: list[Token], k: int, people: list[PersonRef], who: int | None) -> int | None:
    """Where the initials of the given names of the person whose surname is token k start, when they stand
    right before it ("S.V. Lavrov", "D.Bakoyannis" of Dora Bakoyannis), as translated readouts write a name
    after its first mention; None when the word before is no such initial."""
    name = people[who].name if who is not None else None
    if not name or k < 1:
        return None
    i = k - 2 if k >= 2 and tokens[k - 1].text == "." and tokens[k - 1].start == tokens[k - 2].end else k - 1
    initials = "".join(x.text for x in tokens[i:k])
    if re.fullmatch(r"(?:[A-Z][a-z]?\.)+", initials) and name[:1] == initials[:1]:
        return i
    return None


def _office_spoken_for(title: str, known: Any, day: dt.date | None, kb: Any) -> int | None:
    """Where the office a reporter speaks for starts in a title ("Spokesperson of EU High Representative": 15),
    when the known person named after the title holds an office on the day and it is no reporter's
    ("Press Secretary of the President Dmitry Peskov" is the press secretary); else None."""
    offices = "|".join(re.escape(str(o)) for o in kb.cues["statements"]["reporting_offices"])
    m = re.match(rf"(?:the\s+)?(?:{offices})\s+(?:of|for|to)\s+(?:the\s+)?", title, re.I)
    if not m or known is None:
        return None
    roles = [r for r in known.roles if r.active(day)]
    reporter = re.compile(rf"\b(?:{offices})\b", re.I)
    return m.end() if kb.title_kind(title[m.end():]) and roles and not any(
        reporter.search(r.title) for r in roles) else None


def _in_run(tokens: list[Token], k: int, kb: Any, hon: set[str]) -> bool:
    """Does token k go on a capitalised run (the word before it, right before it, is no title word or form of
    address): "Minh" in "Ho Chi Minh", not in "President Minh"?"""
    before = tokens[k - 1]
    return before.is_cap and before.end + 1 >= tokens[k].start and before.lower not in kb.title_words \
        and before.lower not in hon


def _shared_possessive(work: Work) -> None:
    """"Australia's Minister for Foreign Affairs, Senator the Hon Marise Payne, and Minister for Defence, the Hon
    Peter Dutton": an office coordinated right after a person whose office a state's possessive qualifies is
    that state's too."""
    text = work.text
    for p in work.people:
        if p.title_actor or not p.title_span:
            continue
        before = [q for q in work.people if q.title_actor and q.title_span and q.name_span
                  and q.name_span[1] <= p.title_span[0]]
        q = max(before, key=lambda x: x.name_span[1] if x.name_span else 0, default=None)
        if q is None or q.name_span is None or q.title_span is None:
            continue
        if re.fullmatch(r"(?:\s+[A-Z]{2,3})?,?\s+and\s+(?:the\s+)?", text[q.name_span[1]:p.title_span[0]]) \
                and re.match(r"[\w .-]+['’]s\s", text[q.title_span[0]:q.title_span[1]]):
            p.title_actor = q.title_actor


_LED_BY = re.compile(r"\s+(?:side|delegation|team)\s+(?:was|is|were|are)\s+(?:led|headed)\s+by\s+(?:the\s+)?$")


def _led_delegation(work: Work) -> None:
    """"The Bangladesh delegation was led by Foreign Secretary X": X is of the side whose delegation he led."""
    for p in work.people:
        start = (p.title_span or p.name_span or (None, None))[0]
        if p.title_actor or start is None:
            continue
        for m in work.actor_mentions:
            if m.end < start and _LED_BY.fullmatch(work.text, m.end, start):
                p.title_actor = m.code
                break


# "the Foreign Ministers of", "the foreign ministers of", "Ministers of Foreign Affairs of", "Heads of State of": a
# plural office (title words before a plural head, a portfolio after it) of a list of states
_PLURAL_OFFICE = re.compile(r"\b(?P<pre>(?:(?![Tt]he )[A-Za-z][\w-]* ){0,2})(?P<head>[A-Za-z][a-z]+(?:ies|s))"
                            r"(?P<area> (?:of|for) [A-Za-z][\w-]*(?: (?:and )?[A-Za-z][\w-]*){0,3})? of (?:the )?(?=[A-Z])")


def _singular(word: str) -> str:
    """The singular of a plural office's head: Ministers -> Minister, Secretaries -> Secretary."""
    return word[:-3] + "y" if word.endswith("ies") else word[:-1]


def _plural_offices_of_states(work: Work) -> None:
    """"The Foreign Ministers of Kazakhstan, Kyrgyzstan and Uzbekistan ... met", "met with the Foreign Ministers of
    Australia, India and Japan": one unnamed holder of the office for each state listed (two or more), unless the
    text names someone of that state; the state's name is the mention."""
    kb, text = work.kb, work.text
    mentions = sorted(work.actor_mentions, key=lambda m: m.start)
    named = {x for p in work.people if p.name for x in (p.title_actor, *(r.actor for r in (p.known.roles if p.known else [])))
             if x}
    for m in _PLURAL_OFFICE.finditer(text):
        head = _singular(m.group("head"))
        words = [w for w in (m.group("pre") + " " + (m.group("area") or "")).split() if w not in ("of", "for", "and")]
        if head.lower() not in kb.title_heads or not all(w.lower() in kb.title_words for w in words):
            continue
        listed: list[Any] = []
        pos = m.end()
        for am in mentions:
            if am.start < pos:
                continue
            if not re.fullmatch(r"(?:\s*,)?\s*(?:and\s+)?(?:the\s+)?", text[pos:am.start]) or "\n" in text[pos:am.start]:
                break
            actor = kb.actor(am.code)
            if actor is None or actor.kind != "state" or am.form not in ("name", "alias"):
                break
            listed.append(am)
            pos = am.end
        if re.match(r"\s*(?:would|will|shall|should|could|may|might|must|can)\b", text[pos:pos + 12]):
            continue  # "hoped that the presidents of A and B would meet again soon": no one of this engagement
        if len(listed) < 2 or re.match(r"\s*,?\s*(?:[A-Z][\w.'’-]+\s+){1,3}[A-Z]", text[pos:pos + 60]) and not re.match(
                r"\s*(?:and|met|held|discussed|agreed|were|have|had|in|on|at)\b", text[pos:pos + 20]):
            continue  # one state, or names after the list ("..., Marise Payne, S. Jaishankar and ...")
        title = m.group("pre") + head + (m.group("area") or "")
        for am in listed:
            if am.code in named or (am.start, am.end) in work.person_at:
                continue
            ref = PersonRef(name=None, title=title, title_span=(m.start(), m.end("area") if m.group("area") else m.end("head")),
                            title_actor=am.code)
            ref.mentions.append((am.start, am.end))
            work.people.append(ref)
            work.person_at[(am.start, am.end)] = len(work.people) - 1


def _is_surname_of(p: PersonRef, word: str) -> bool:
    return bool(p.known and p.known.surname and p.known.surname.lower() == word.lower())


def _speaks(tokens: list[Token], b: int, kb: Any) -> bool:
    """Is token b a one-word statement cue (cues.yaml statements), making the bare title before it the subject
    of a clause after a fronted one ("In his remarks, EAM underlined that ...") rather than an item of a list?"""
    cache = kb.__dict__.setdefault("_cache", {})
    if "actors_cue_words" not in cache:
        st = kb.cues["statements"]
        cache["actors_cue_words"] = frozenset(c for c in [*st["content"], *st["act"]] if " " not in c)
    return b < len(tokens) and tokens[b].lower in cache["actors_cue_words"]


def _opens_sentence(tokens: list[Token], k: int, text: str) -> bool:
    """Does token k start a sentence, a line or a quotation (where any word is capitalised)?"""
    return k == 0 or tokens[k - 1].text in (".", "!", "?", ":", ";", '"', "“", "”", "(", "–", "—") \
        or "\n" in text[tokens[k - 1].end:tokens[k].start]


def _resolve_title_reference(work: Work, people: _People, span: tuple[int, int], ref: PersonRef) -> None:
    """"the Secretary" / "The Prime Minister": the person already named with that title, else new."""
    assert ref.title is not None
    t = ref.title.lower()
    kind = work.kb.title_kind(ref.title)
    cands: list[tuple[int, int]] = []  # (how well the title matches, person)
    publisher, own_kind = roles.publisher_side(work), roles.publisher_kind(work)
    sent = work.sentence_of(span[0])
    sent_text = work.text[sent.start:sent.end] if sent else ""
    for i, p in enumerate(work.people):
        if p.first > span[0]:
            continue
        last = (p.name or "").split()[-1:] if p.name else []
        if last and re.search(re.escape(ref.title) + r"\s+(?:\w+\s+)?" + re.escape(last[0]) + r"\b",
                              sent_text[span[1] - (sent.start if sent else 0):], re.I):
            continue  # "The Prime Minister spoke to Prime Minister Renzi": someone else in the same sentence
        rel = span[0] - (sent.start if sent else 0), span[1] - (sent.start if sent else 0)
        if p.name and p.name in sent_text[:rel[0]] + " " + sent_text[rel[1]:]:
            continue  # "The President of the Republic spoke with Mr Kassym-Jomart Tokayev, President of ..."
        pt = (p.title or "").lower()
        pk = work.kb.title_kind(p.title) if p.title else None
        known_role = p.known.role_at(None) if p.known else None
        p_side = p.title_actor or (known_role.actor if known_role else None)
        if ref.title_actor and p_side and ref.title_actor != p_side:
            continue
        if ref.title_actor and not p_side:
            continue
        if not ref.title_actor and kind and kind == own_kind and publisher and p_side and p_side != publisher:
            continue  # an unqualified office of the publisher's kind is the publisher's, not the visitor's
        words = t.replace("-", " ").split()
        # the title's head noun: "Head of State" is a head, "Secretary of State" a secretary
        head = next((w for w in words if w in work.kb.title_heads), words[-1])
        # an office of the same kind under another head word ("the Prime Minister" and "Chancellor
        # Scholz", "the Taoiseach", "Premier Li") is the same office only for the same side: the
        # unqualified one of a readout is the publisher's own
        same_side = (bool(ref.title_actor) and p_side == ref.title_actor) or _abbreviates(ref.title, pt) \
            or _abbreviates(p.title or "", t) or (p_side is not None and roles.default_actor(work, ref.title) == p_side)
        # (the last: an office that implies its side, "the Holy Father" of the Holy See's Pope)
        within = re.search(r"(?<![\w-])" + re.escape(t) + r"(?![\w-])", pt) is not None  # not "Presidential ..."
        if kind and pk and kind != pk and not within:
            continue  # "the Foreign Minister" is not "the Prime Minister", for all their one head word
        if pt and within:
            cands.append((3, i))
        elif pt and head in pt.split() and not (kind and pk is None):
            cands.append((2, i))  # (a head word shared with a title of no office kind, "Head of the Office of ...", is not)
        elif pt and kind and kind == pk and same_side:
            cands.append((1, i))
        elif known_role and (head in known_role.title.lower().split() and not (kind and known_role.kind != kind)
                             or (kind and known_role.kind == kind and same_side)):
            cands.append((1, i))
        elif ref.title_actor and p_side == ref.title_actor and kind and pk is None \
                and no_office(re.findall(r"[\w-]+", pt), work.kb):
            cands.append((1, i))  # "his Omani counterpart" ... "the Omani Foreign Minister" (not a High Commissioner)
    # "the Prime Minister" of a readout is the publisher's own, unqualified one ("Prime Minister
    # Netanyahu"), not "the Bulgarian Prime Minister"; among equals, the first named
    best = None
    if cands:
        # the best title match; then a named person over an unnamed one; then the unqualified one
        # (the publisher's own); then the first named
        top = max(score for score, _ in cands)
        pool = [i for score, i in cands if score == top]
        unq = ([i for i in pool if not work.people[i].title_actor] or pool) if not ref.title_actor else pool
        named = [i for i in unq if work.people[i].name] or unq
        best = named[0]
    if ref.title == ref.title.lower() and (best is None or max(score for score, _ in cands) < 2):
        return  # a lower-case office that names no one the text has named with it: no one
    principal = _headline_principal(work, kind, span[0]) if best is None and kind and not ref.title_actor else None
    if principal is not None:
        # a generic office ("the Head of State") gives no title: the text's own or the dated role's stands
        work.people[principal].mentions.append(span)
        work.person_at[span] = principal
        return
    if best is not None:
        p = work.people[best]
        p.mentions.append(span)
        work.person_at[span] = best
        if kind and (not p.title or work.kb.title_kind(p.title) is None):
            # a title that names an office beats "counterpart" or "Prince"
            p.title, p.title_span = ref.title, ref.title_span
            p.title_actor = p.title_actor or ref.title_actor
        return
    people.add(span, ref)


def _headline_principal(work: Work, kind: str, before: int) -> int | None:
    """The person an unqualified office ("The Head of State held a telephone conversation ...") stands for in
    a publisher's own readout that names its principal in the title line without a side ("Kassym-Jomart
    Tokayev holds phone talks with ..."): the first person the text names, opening a title line with no
    side, whose office (title or dated role) is of the same kind; the side of a publisher the context
    gives must be theirs. None if the first person is no such one."""
    first = min(range(len(work.people)), key=lambda i: work.people[i].first, default=None)
    if first is None:
        return None
    p = work.people[first]
    sent = work.sentence_of(p.first)
    if not p.name or p.first > before or sent is None or not work.is_title_line(sent):
        return None
    m0 = min(p.mentions)
    if work.text[sent.start:m0[0]].strip() or any(m0[0] <= m.start < m0[1] for m in work.actor_mentions) or (
            p.title_actor and p.title_span and sent.start <= p.title_span[0] < sent.end):
        return None  # the title line's subject, named there with no side: not "PM call with Prime Minister
        # Renzi", "President of Turkey Recep Tayyip Erdoğan calls ...", "Chancellor Scholz of Germany visits ..."
    role = p.known.role_at(_document_day(work), kind) if p.known else None
    if kind not in {work.kb.title_kind(p.title) if p.title else None, role.kind if role else None}:
        return None
    publisher = work.context.get("publisher")
    if isinstance(publisher, str):
        sides = work.kb.place_codes(publisher)
        if sides and (role is None or role.actor not in sides):
            return None
    return first


def _abbreviates(short: str, title: str) -> bool:
    """Is ``short`` an abbreviation of ``title`` ("EAM" of "External Affairs Minister", "PM" of "India's
    Prime Minister"): a word in capitals whose letters are the initials of consecutive words of it."""
    if not (short.isalpha() and short.isupper() and 2 <= len(short) <= 4):
        return False
    initials = "".join(w[0] for w in re.findall(r"[^\W\d_]+", title.lower()))
    return short.lower() in initials


def _side(q: PersonRef) -> str | None:
    """The side a person's title names, else the one of their known role."""
    role = q.known.role_at(None) if q.known else None
    return q.title_actor or (role.actor if role else None)


def _same_side(p: PersonRef, q: PersonRef, headline_only: bool) -> bool:
    """Could the unnamed ``p`` be the named ``q``, as far as the sides their titles name go?"""
    if p.title_actor:
        return _side(q) in (p.title_actor, None)
    return q.title_actor is None or headline_only


def _holds(q: PersonRef, kind: str | None, side: str | None) -> bool:
    """Whether ``q``, named bare ("Kassym-Jomart Tokayev received ..."), holds by dated role the office of that
    kind for that side (the headline's "The President of Kazakhstan met with ...")."""
    role = q.known.role_at(None) if q.known else None
    return role is not None and kind is not None and side is not None and role.kind == kind and role.actor == side


def _heads_organisation(work: Work, q: PersonRef, office: str) -> bool:
    """Whether ``q`` holds the office for an organisation, not a state ("The Secretary General of the Pacific
    Islands Forum Secretariat, Tuiloma Neroni Slade" ... "The Secretary General also raised ..."): one such
    office-holder is whom the bare office means, whatever side publishes."""
    actor = work.kb.actors.get(q.title_actor) if q.title_actor else None
    return actor is not None and actor.kind != "state" and (q.title or "").lower().startswith(office + " of ")


def _byline_office(work: Work) -> None:
    """A byline of an office on a line of its own and the name on the next ("Prime Minister / The Hon Anthony
    Albanese MP", Australian media releases): the named person holds the office, and the office named bare ("The
    Prime Minister met ...") is his, as the author's."""
    text = work.text
    for i, p in enumerate(work.people):
        if not p.name or p.title or not p.mentions:
            continue
        a, b = min(p.mentions)
        line_start = text.rfind("\n", 0, a) + 1
        line_end = text.find("\n", b)
        if line_end == -1 or len(text[line_start:line_end].strip()) > len(p.name) + 20:
            continue  # the name with its forms of address only ("The Hon ... MP")
        prev_end = text[:line_start].rstrip().rfind("\n") + 1
        prev = (prev_end, len(text[:line_start].rstrip()))
        for q in work.people:
            if q is p or q.name or not q.title:
                continue
            own = [m for m in q.mentions if text[prev[0]:m[0]].strip() == "" and text[m[1]:prev[1]].strip() == ""]
            if own:
                # the byline's office and whatever the text refers to by it ("The Prime Minister met ...") are his
                p.title, p.title_span = q.title, own[0]
                p.title_actor = p.title_actor or q.title_actor
                for r in work.people:
                    bare = [m for m in r.mentions if r is not p and text[m[0]:m[1]].lower() == q.title.lower()]
                    for m in bare:
                        r.mentions.remove(m)
                        p.mentions.append(m)
                        work.person_at[m] = i
                break


def _merge_unnamed(work: Work) -> None:
    """An unnamed person known by title ("the Secretary-General's call", "the Secretary's Meeting") is the one
    named person who holds that title in the document ("Ban Ki-moon, Secretary-General", "Secretary of State
    Antony J. Blinken"), when there is exactly one."""
    def core(t: str | None) -> str:
        t = (t or "").lower().replace("’", "'").removesuffix("'s")
        return re.sub(r"\b(?:former|the|h\.e\.)\s+", "", t).strip()

    # "the South Sudanese leader" is the side's president or prime minister: the office kinds a described
    # office stands for, as its plural does for a joint subject (cues.yaml statements.joint_offices)
    offices = work.kb.cues["statements"]["joint_offices"]
    for p in work.people:
        if p.name or not p.title or not p.mentions:
            continue
        ct = core(p.title)
        kind = work.kb.title_kind(p.title)
        kinds = set(offices.get(ct.split()[-1] + "s") or ()) if p.title_actor and ct else set()
        headline_only = all((s := work.sentence_of(m[0])) is not None and work.is_title_line(s) for m in p.mentions)
        cands = [i for i, q in enumerate(work.people)
                 if q.name and not q.title and _holds(q, kind, p.title_actor)
                 or q.name and q.title and (ct == core(q.title) or ct in core(q.title).split(" and ")
                                            or core(q.title).endswith(" " + ct)
                                            or core(q.title).startswith((ct + " of ", ct + " for "))
                                            or (p.title_actor and kind and kind == work.kb.title_kind(q.title))
                                            or work.kb.title_kind(q.title) in kinds)
                 and (_same_side(p, q, headline_only) or _heads_organisation(work, q, ct)
                      # "the OSCE Chair-in-Office" of "Maltese Foreign Minister and OSCE Chair-in-Office Ian Borg"
                      or p.title_actor is not None and ct in core(q.title).split(" and "))]
        exact = [i for i in cands if p.title_actor and _side(work.people[i]) == p.title_actor]
        if len(exact) == 1:
            cands = exact
        same = [i for i in cands if core(work.people[i].title) == ct]
        if len(cands) > 1 and len(same) == 1 and not p.title_actor:
            cands = same  # "the President's Video Conference" of President Obama, not of "President Karzai of Afghanistan"
        if len(cands) != 1:
            continue
        n = cands[0]
        q = work.people[n]
        q.mentions.extend(p.mentions)
        for sp in p.mentions:
            work.person_at[sp] = n
        p.mentions = []
