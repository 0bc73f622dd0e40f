"""The grammar of office titles, read by the actors stage (not a stage of its own).

A title phrase is a run of titles.yaml's words holding a head ("State Councilor and Foreign Minister", "NATO
Secretary General", "Minister of Foreign Affairs of China"), with its connectors ("of", "for", and "to",
"on", "in", "with" only after heads that take them), actor names and adjectives inside, subject areas and
departments ("Under Secretary of State for Arms Control and International Security", "Director of the North
America Department"), portfolio lists ("Minister of Foreign Affairs, Foreign Employment and Tourism of Sri
Lanka"), a dash between two offices, and the cuts between two people's offices ("The Secretary and Foreign
Minister discussed", "President of Azerbaijan and Prime Minister of Armenia", VNA's "Deputy Prime Minister,
Foreign Minister X" as one). ``title_runs`` finds them; the actors stage decides whose they are.
"""

from __future__ import annotations

import re
from typing import Any

from ..lexicon import Token
from .names import honorifics, name_after, rank_grammar, rank_len

__all__ = ["abbreviation_told", "after_acronym", "no_office", "title_runs"]


def _complements(kb: Any) -> dict[str, set[str]]:
    """titles.yaml's ``head_complements``: connector -> the heads and bodies that take it."""
    return {str(c).lower(): {str(w).lower() for w in ws}
            for c, ws in (kb.titles.get("head_complements") or {}).items()}


def _continues(tokens: list[Token], i: int, j: int, actor_tok: dict[int, str], kb: Any,
               takes: dict[str, set[str]]) -> bool:
    """May connector j carry the title run that started at i on? "of", "and", "for" always; "to", "on",
    "in" only after a head or body that takes them (the nearest before), "in" only into an office."""
    low = tokens[j].lower
    if low not in takes:
        return True
    near = next((tokens[x].lower for x in range(j - 1, i - 1, -1)
                 if tokens[x].lower in kb.title_heads or any(tokens[x].lower in ws for ws in takes.values())), None)
    if near not in takes[low]:
        return False
    if low == "in":
        nxt = j + 2 if j + 2 < len(tokens) and tokens[j + 1].lower in ("the", "-", "‑") else j + 1  # "Chair-in-Office"
        return nxt < len(tokens) and tokens[nxt].lower in kb.title_words and nxt not in actor_tok
    return True


def _heads_ahead(tokens: list[Token], k: int, kb: Any) -> bool:
    """Does a new title start at token k: capitalised words up to the next lower-case one holding a head
    ("and Czech Minister of ...", "and the Deputy Foreign Minister")?"""
    if k < len(tokens) and tokens[k].lower == "the":
        k += 1
    while k < len(tokens) and (tokens[k].is_cap or tokens[k].text in ("-", "‑")):
        if tokens[k].lower in kb.title_heads:
            return True
        k += 1
    return False


def _area(tokens: list[Token], i: int, j: int, actor_tok: dict[int, str], kb: Any, text: str,
          name_starts: set[int], areas: set[int]) -> int:
    """Where a title run that stopped at token j goes on through capitalised words no title list holds
    (j when it does not):
    * a department after "of the" ending in a title word: "Director of the North America Department";
    * a subject area after "for" (or a complement's "with"): "Under Secretary of State for Arms Control and
      International Security Bonnie Jenkins", "Undersecretary for Latin America and the Caribbean, Maximiliano
      Reyes", "Assistant Secretary for European and Eurasian Affairs Karen Donfried". The area ends where a
      name the knowledge or the named-entity model knows begins, at a comma, or before the last two words
      (a name) of three or more; it never crosses an "and" that starts another title ("and Czech Minister").
    The area's tokens go into ``areas``: an actor inside one ("the North America Department") is no side."""
    n = len(tokens)
    if j >= n or j <= i or not tokens[j].is_cap or j in name_starts or j in actor_tok \
            or "\n" in text[tokens[j - 1].end:tokens[j].start]:
        return j
    prev, address = tokens[j - 1].lower, honorifics(kb) | kb.name_nobility | kb.name_styles
    if prev == "the" and j - 2 >= i and tokens[j - 2].lower == "of":
        k = j
        while k < n and k - j < 4 and tokens[k].is_cap and tokens[k].lower not in kb.title_words and k not in name_starts:
            k += 1
        if not (k > j and k < n and tokens[k].lower in kb.title_words and tokens[k].is_cap):
            return j
        areas.update(range(j, k))
        return k
    fors = [k for k in range(i, j) if tokens[k].lower == "for"]
    # inside an area since its "for": "for the Horn of Africa Mike Hammer", "for East Asian and Pacific Affairs"
    # (a region such as "East" is a title word of its own)
    within = bool(fors) and all(tokens[k].is_cap or tokens[k].lower in ("and", "the", "of", "&")
                                for k in range(fors[-1] + 1, j))
    if not fors or not (within or prev in ("with", "and", "&")):
        return j
    e = j
    while e < n and e not in name_starts and "\n" not in text[tokens[e - 1].end:tokens[e].start]:
        if tokens[e].is_cap and tokens[e].lower not in kb.title_heads and tokens[e].lower not in address:
            e += 1
        elif tokens[e].lower == "of" and e + 1 < n and tokens[e + 1].is_cap and e + 1 not in name_starts:
            e += 1  # "the Horn of Africa"
        elif tokens[e].lower in ("and", "&") and e + 1 < n and (
                tokens[e + 1].is_cap or (tokens[e + 1].lower == "the" and e + 2 < n and tokens[e + 2].is_cap)):
            if _heads_ahead(tokens, e + 1, kb) and (tokens[e + 1].lower == "the" or e + 1 in actor_tok
                                                     or tokens[e + 1].lower in address):
                break  # "... Bonnie Jenkins and Czech Minister ...": another person's title
            e += 2 if tokens[e + 1].lower == "the" else 1
        else:
            break
    if e < n and tokens[e].lower in kb.title_heads:
        pass  # "for Humanitarian Affairs and Emergency Relief Coordinator": the title goes on
    elif not (e < n and (e in name_starts or (tokens[e].text == "," and not _heads_ahead(tokens, e + 1, kb)))):
        # the last two words are a name ("... Security Bonnie Jenkins", "... Horn of Africa Mike Hammer, Special
        # Presidential Envoy ...": a comma before another title ends a list, not the area)
        # (a run that merely goes on after a title word, "... for Foreign Affairs Joseph Cassar Camilleri", takes a
        # longer run for it: a three-word name is likelier there than an area)
        # (but not when the run ends in a title word: "for Pacific Island Affairs" at a headline's end)
        if tokens[e - 1].lower not in kb.title_words:
            e = e - 2 if e - j >= (3 if prev in ("for", "the", "with", "and", "&") else 4) else j
    areas.update(range(j, e))
    return e


def no_office(seg: list[str], kb: Any) -> bool:
    """Is a title no office, only a royal style or a relation ("His Royal Highness Prince", "his Indian
    counterpart"), so that an office in apposition after the name is the person's ("..., Minister of ...")? Not "Special Envoy for the
    Horn of Africa", whose next appositive is the next person's ("Mike Hammer, Special Presidential Envoy ...")."""
    styles = kb.name_nobility | kb.name_styles | {"king", "queen", "emir", "amir", "sultan", "emperor", "prince", "crown", "counterpart"}
    return not any(w.lower() in kb.title_heads and w.lower() not in styles for w in seg)


def _lowercase_complement(tokens: list[Token], a: int, b: int, conn: set[str]) -> int:
    """The end of a capitalised office before a complement in lower case, which is the sentence's, not the title's
    ("apprised EAM of the economic recovery measures"; but "Minister of Foreign Affairs")."""
    if a >= b or not tokens[a].is_cap:
        return b
    for c in range(a + 1, b):
        if tokens[c].lower in ("of", "for", "on") and not any(
                t.is_cap for t in tokens[c + 1:b] if t.lower not in conn and t.text.isalpha()):
            return c
    return b


def _hyphen(tokens: list[Token], j: int, text: str) -> bool:
    """A hyphen inside a title ("Secretary - General" as tokens), not a dash set apart by spaces on both
    sides, which ends a dateline ("Putrajaya, Malaysia - Foreign Minister Retno Marsudi ...")."""
    if tokens[j].text not in ("-", "‑"):
        return False
    before = text[tokens[j - 1].end:tokens[j].start] if j > 0 else " "
    after = text[tokens[j].end:tokens[j + 1].start] if j + 1 < len(tokens) else " "
    return not (before.strip() == "" and before and after.strip() == "" and after)


def title_runs(tokens: list[Token], actor_tok: dict[int, str], kb: Any, text: str,
                codes: dict[int, str] | None = None, name_starts: frozenset[int] | set[int] = frozenset(),
                areas: set[int] | None = None) -> list[tuple[int, int, bool]]:
    """Title phrases as (first token, end token, preceded by a determiner); ``codes``: the actor each actor token
    names; ``name_starts``: tokens where a name the knowledge or the named-entity model knows begins (a subject
    area in a title ends there); ``areas`` receives the tokens of subject areas and departments inside titles
    (see _area)."""
    areas = set() if areas is None else areas
    words, heads, conn = kb.title_words, kb.title_heads, kb.title_connectors
    takes = _complements(kb)
    words = words | {w for w in rank_grammar(kb)[1] if w.isalpha()}
    runs: list[tuple[int, int, bool]] = []
    i, n = 0, len(tokens)
    while i < n:
        j = i
        while j < n:
            if not (tokens[j].lower in words or (tokens[j].lower in conn and _continues(tokens, i, j, actor_tok, kb, takes))
                    or (tokens[j].lower == "ministers" and j > i and tokens[j - 1].lower == "of")
                    or (j in actor_tok and actor_tok[j] not in ("capital", "seat"))
                    or (tokens[j].lower in ("'s", "’s") and j > i) or _hyphen(tokens, j, text)
                    # "Deputy Prime Minister – Minister of Foreign Affairs": a dash between two offices
                    or (tokens[j].text in ("–", "—") and j > i and j + 1 < n and tokens[j + 1].lower in words)):
                end = _area(tokens, i, j, actor_tok, kb, text, set(name_starts), areas) if any(
                    t.lower in heads for t in tokens[i:j]) else j
                if end == j:
                    break
                j = end
                continue
            if (j + 2 < n and tokens[j + 1].text in ("-", "‑") and tokens[j].end == tokens[j + 1].start
                    and tokens[j + 1].end == tokens[j + 2].start and tokens[j + 2].lower not in words
                    and j not in actor_tok
                    and not (tokens[j + 2].lower in conn and _continues(tokens, i, j + 2, actor_tok, kb, takes))):
                break  # "Amir-Abdollahian": a title word glued to a name is the name's
            j += 1
            if j < n and "\n" in text[tokens[j - 1].end:tokens[j].start]:
                break  # a title never runs across a line break
        if j > i:
            a, b = i, j
            while a < b and (tokens[a].lower in conn or tokens[a].lower in _RUN_OPENERS):
                a += 1  # "His Royal Highness Crown Prince ...", "His Highness and President El-Sisi": no office
            while b > a and (tokens[b - 1].lower in conn or tokens[b - 1].text in ("-", "‑", "'s", "’s")):
                b -= 1
            b = _before_style_of_address(tokens, a, b, heads)
            if b - a >= 2 and tokens[b - 1].lower in kb.name_nobility and b < n and tokens[b].is_cap \
                    and f"{tokens[b - 2].lower} {tokens[b - 1].lower}" not in heads \
                    and any(t.lower in heads for t in tokens[a:b - 1]):
                b -= 1  # "Saudi Foreign Minister Prince Faisal": the rank goes with the name, not the office
            if a > 0 and tokens[a - 1].lower == "of" and a in actor_tok:
                # "... Kang Kyung of South Korea and European Union's High Representative ...": the
                # actor after "of" completes the previous name, not this title
                while a < b and (a in actor_tok or tokens[a].lower in conn or tokens[a].lower in ("'s", "’s")):
                    a += 1
            a = _after_foreign_of(tokens, a, b, actor_tok, heads, conn)
            k = a
            while k < b and (k in actor_tok or tokens[k].lower in ("and", ",")):
                k += 1
            if a < k and k + 1 < b and tokens[k].lower == "the" and tokens[k - 1].lower == "and":
                a = k + 1  # "... of Turkmenistan and Uzbekistan and the Secretary of State": the states close a list
            b = _lowercase_complement(tokens, a, b, conn)
            seg = tokens[a:b]
            rank = rank_len(tokens, a, b, kb)
            has_head = any(t.lower in heads for t in seg) or any(
                f"{seg[k].lower} {seg[k + 1].lower}" in heads for k in range(len(seg) - 1)) or (rank > 0 and rank == b - a)
            capped = any(t.is_cap for t in seg if t.lower not in conn)
            # "the prime minister thanked ...": a lower-case office after "the", which may only refer back
            # to someone the text has named with that office (see _resolve_title_reference)
            lower_ref = (not capped and 0 < a and tokens[a - 1].lower == "the" and b - a <= 3
                         and not (b < n and tokens[b].is_cap))
            if _modifier_after(tokens, b, kb) or _office_of(tokens, a, b, kb):
                i = j  # "Foreign Minister level talks", "the Prime Minister's Office": no person
                continue
            name_next = b < n and tokens[b].is_cap and tokens[b].lower not in words and b not in actor_tok
            name_after_comma = (b + 1 < n and tokens[b].text == "," and tokens[b + 1].is_cap
                                and tokens[b + 1].lower not in words and (b + 1) not in actor_tok)
            if not has_head and not rank and runs and runs[-1][1] + 1 == a and tokens[a - 1].text == "," \
                    and (name_next or name_after_comma):
                # "Minister of Foreign Affairs, European Union and Cooperation José Manuel Albares"
                runs[-1] = (runs[-1][0], b, runs[-1][2])
            elif has_head and capped and name_next and _second_office(tokens, runs, a, b, actor_tok, kb, text):
                # "The OSCE Chairperson-in-Office, Polish Foreign Minister Zbigniew Rau, held ...": one subject
                runs[-1] = (runs[-1][0], b, True)
            elif has_head and (capped or lower_ref):
                det = a > 0 and tokens[a - 1].lower in ("the",) or (a > i and tokens[i].lower == "the")
                ands = [k for k in range(a + 1, b - 1) if tokens[k].lower == "and"
                        and any(t.lower in heads for t in tokens[k + 1:b])]
                comma_name_next = (b + 1 < n and tokens[b].text == "," and tokens[b + 1].is_cap
                                   and tokens[b + 1].lower not in words)
                one_named = name_next and ands and any(
                    x in actor_tok and "of" in (tokens[x - 1].lower, tokens[x - 2].lower) for x in range(ands[0] + 2, b))
                # ... unless the text gave that double office before ("HE Deputy Prime Minister and Minister of
                # Foreign Affairs Sheikh X met ..." / "HE the Deputy Prime Minister and Minister of Foreign Affairs stressed")
                phrase = text[tokens[a].start:tokens[b - 1].end].lower()
                told = text.lower().find(phrase) < tokens[a].start
                # "the Foreign Minister of Ghana and the Secretary of State of the United States": an office, then
                # another with its own article, is two people
                own_article = bool(ands) and tokens[ands[0] + 1].lower == "the" and any(
                    t.lower in heads for t in tokens[a:ands[0]])
                if (det and ands and not comma_name_next and ands[0] - a <= 3 or own_article) and not one_named and not told:
                    # "The Secretary and Foreign Minister discussed", "The Secretary-General and French President
                    # François Hollande": two people, not one double title (but "the Deputy Prime Minister and
                    # Foreign Minister of Pakistan Mohammad Ishaq Dar", its side given by "of", is one)
                    cut = ands[0]
                    runs.append((a, cut, True))
                    second_det = tokens[cut + 1].lower == "the"
                    runs.append((cut + 2 if second_det else cut + 1, b, second_det))
                elif ands and ands[0] == a + 1 and abbreviation_told(tokens[a].text, text[:tokens[a].start]):
                    # "EAM and Foreign Minister Kishida held ...": the abbreviation of an office the text gave in
                    # full before ("External Affairs Minister Shri Salman Khurshid") is that person, not half of
                    # a double office
                    runs.append((a, a + 1, det))
                    runs.append((a + 2, b, False))
                else:
                    pair = _two_offices(tokens, a, b, actor_tok, heads, codes or {})
                    if pair is None:
                        pair = _one_office_twice(tokens, a, b, kb)
                    if pair is not None:  # "President of Azerbaijan and Prime Minister of Armenia"
                        runs.append((a, pair, det))
                        runs.append((pair + 1, b, False))
                    else:
                        end = _portfolios(tokens, a, b, actor_tok, kb)
                        if name_next and _comma_double(runs, tokens, a, end, codes or {}, kb):
                            runs[-1] = (runs[-1][0], end, runs[-1][2])  # "Deputy Prime Minister, Foreign Minister X"
                        else:
                            runs.append((a, end, det))
                        j = max(j, end)
            i = j
        else:
            i += 1
    return runs


def abbreviation_told(word: str, before: str) -> bool:
    """Is ``word`` an abbreviation in capitals ("EAM", "PM") of an office written out before it ("External
    Affairs Minister")?"""
    if not (2 <= len(word) <= 5 and word.isalpha() and word.isupper()):
        return False
    return bool(re.search(r"\b" + r"\s+".join(f"{c}[a-z]+" for c in word) + r"\b", before))


# words a title run does not begin with: a possessive, a style of address
_RUN_OPENERS = ("'s", "’s", "-", "his", "her", "royal", "highness", "excellency", "majesty")


def _before_style_of_address(tokens: list[Token], a: int, b: int, heads: set[str]) -> int:
    """The end of an office before a style of address that ends the run a..b ("President His Highness Sheikh
    Mohamed bin Zayed": the office is "President"), else b."""
    if b - a < 3 or tokens[b - 1].lower not in ("highness", "excellency", "majesty"):
        return b
    k = b - 1
    while k > a and tokens[k - 1].lower in ("his", "her", "royal"):
        k -= 1
    return k if k < b - 1 and any(t.lower in heads for t in tokens[a:k]) else b


def after_acronym(tokens: list[Token], b: int) -> int:
    """The token after an acronym in brackets at b ("... of American States (OAS), Luis Almagro"), else b."""
    if b + 2 < len(tokens) and tokens[b].text == "(" and tokens[b + 2].text == ")" and tokens[b + 1].text.isupper():
        return b + 3
    return b


def _comma_double(runs: list[tuple[int, int, bool]], tokens: list[Token], a: int, end: int,
                  codes: dict[int, str], kb: Any) -> bool:
    """Does the office at tokens[a:end], before a name, go on the office right before it and a comma (VNA's
    "Deputy Prime Minister, Foreign Minister Pham Binh Minh"): one person's two offices, of one side, the first
    neither after a determiner, "and" or a name it is the office of, the second no military rank?"""
    if not runs or runs[-1][1] + 1 != a or tokens[a - 1].text != "," or runs[-1][2]:
        return False
    first = runs[-1][0]
    if no_office([t.text for t in tokens[first:a - 1]], kb):
        return False  # "his Georgian counterpart, Minister Zalkaliani": a relation, then the office of a name
    if first > 0 and tokens[first - 1].lower == "and" or rank_len(tokens, a, end, kb):
        return False  # "..., Senior General Min Aung Hlaing": a rank starts a person of its own
    if first > 1 and tokens[first - 1].text == "," and tokens[first - 2].is_cap \
            and tokens[first - 2].lower not in kb.title_words:
        return False  # "Mr. Narendra Modi, Prime Minister of India, ...": the office of the name before
    sides = [{codes[x] for x in range(x0, x1) if x in codes} for x0, x1 in ((first, a - 1), (a, end))]
    return not (sides[0] and sides[1] and sides[0] != sides[1])


def _portfolios(tokens: list[Token], a: int, b: int, actor_tok: dict[int, str], kb: Any) -> int:
    """The end of a minister's list of portfolios that goes on past the comma after the title run a..b
    ("Minister of Foreign Affairs, Foreign Employment and Tourism of Sri Lanka"), else b. The run names a
    portfolio ("of"/"for" after its head, no actor yet); each item after the comma is a run of capitalised
    words holding a title word, the list ends with "and <item>", then perhaps "of <actor>"."""
    if not (b + 1 < len(tokens) and tokens[b].text == ","
            and any(tokens[x].lower in kb.title_heads and tokens[x + 1].lower in ("of", "for") for x in range(a, b - 1))
            and not any(x in actor_tok for x in range(a, b))):
        return b
    k, items, last = b, 0, False
    while k < len(tokens) and not last:
        if tokens[k].text == ",":
            k += 1
        if k < len(tokens) and tokens[k].lower in ("and", "&"):
            k, last = k + 1, True
        start = k
        while k < len(tokens) and k not in actor_tok and tokens[k].lower not in kb.title_heads \
                and (tokens[k].is_cap or (tokens[k].text in ("-", "‑") and k > start)):
            k += 1
        if k == start or not any(t.lower in kb.title_words for t in tokens[start:k]):
            return b
        items += 1
        if not last and not (k + 1 < len(tokens) and tokens[k].text == "," or k < len(tokens) and tokens[k].lower
                             in ("and", "&")):
            return b
    if not last or items < 2:
        return b
    if k + 1 < len(tokens) and tokens[k].lower == "of":
        x = k + 2 if tokens[k + 1].lower == "the" else k + 1
        if x in actor_tok:
            while x < len(tokens) and x in actor_tok:
                x += 1
            return x
    while tokens[k - 1].lower not in kb.title_words:
        k -= 1  # "..., Mines and Petroleum Resources Ali Kamara": the name after the last portfolio is no part of it
    return k


def _second_office(tokens: list[Token], runs: list[tuple[int, int, bool]], a: int, b: int,
                   actor_tok: dict[int, str], kb: Any, text: str) -> bool:
    """Is the title run a..b, with its name, the appositive of the office that opens the sentence just before
    it ("The OSCE Chairperson-in-Office, Kazakhstan's Secretary of State and Foreign Minister Kanat
    Saudabayev, held talks ..."): "The" opening the sentence, an office, a comma, this office and a name closed
    by a comma."""
    if not runs or not runs[-1][2] or runs[-1][1] + 1 != a or tokens[a - 1].text != ",":
        return False
    the = runs[-1][0] - 1
    opens = the == 0 or tokens[the - 1].text in (".", "!", "?", "-", "–", "—", "--") \
        or "\n" in text[tokens[the - 1].end:tokens[the].start]  # (a dateline's dash: "TBILISI, 2 March 2010 - The")
    end = name_after(tokens, b, actor_tok, kb, text)
    return tokens[the].text == "The" and opens and end < len(tokens) and tokens[end].text == ","


def _office_of(tokens: list[Token], a: int, b: int, kb: Any) -> bool:
    """Does the title run a..b name the office an officeholder heads, not a person: the title, its possessive
    and no head after it ("Prime Minister's Office", "President's Office"); a title that holds a connector
    before the possessive is a person's ("Head of the President's Office", "Minister in the Prime Minister's
    Office")."""
    poss = [k for k in range(a, b) if tokens[k].lower in ("'s", "’s")]
    if not poss or any(t.lower in kb.title_heads for t in tokens[poss[-1] + 1:b]):
        return False
    return not any(tokens[k].lower in kb.title_connectors for k in range(a, poss[-1]))


def _modifier_after(tokens: list[Token], b: int, kb: Any) -> bool:
    """Does a word that makes the office before it a modifier (titles.yaml ``office_modifiers``: "level") follow
    the title run ending at token b, on its own or glued by a hyphen ("Foreign Minister-level")?"""
    mods = {str(w).lower() for w in kb.titles.get("office_modifiers") or ()}
    if b < len(tokens) and tokens[b].text in ("-", "‑") and tokens[b - 1].end == tokens[b].start:
        b += 1
    return b < len(tokens) and tokens[b].lower in mods


def _after_foreign_of(tokens: list[Token], a: int, b: int, actor_tok: dict[int, str], heads: set[str],
                      conn: set[str]) -> int:
    """Where a title run really starts: after an actor and "of" before its head noun ("Visit to Brazil of
    the Minister of International Relations and Cooperation of South Africa"), since a title's side is the
    actor its head noun governs with "of", never one before it."""
    first_head = next((x for x in range(a, b) if tokens[x].lower in heads), b)
    x = a
    while x < first_head:
        if x not in actor_tok:
            x += 1
            continue
        e = x
        while e < first_head and e in actor_tok:
            e += 1
        if e < first_head and tokens[e].lower == "of":
            a = e + 1
            while a < first_head and tokens[a].lower in conn:
                a += 1
        x = e
    return a


def _two_offices(tokens: list[Token], a: int, b: int, actor_tok: dict[int, str], heads: set[str],
                 codes: dict[int, str]) -> int | None:
    """The "and" between two offices of two actors in one run ("President of Azerbaijan and Prime
    Minister of Armenia"), or None: one person's double title ("Deputy Prime Minister and Minister of
    Foreign Affairs", "Minister of Foreign Affairs and Trade", "General Secretary of the Lao People's
    Revolutionary Party ... and President of Laos") names one actor at most."""
    for k in range(a + 2, b - 2):
        if tokens[k].lower != "and":
            continue
        before = {codes.get(x) for x in range(a, k) if x in actor_tok}
        after = {codes.get(x) for x in range(k + 1, b) if x in actor_tok}
        if _head_at(tokens, k + 1, b, heads) and before and after and (before != after or not codes):
            return k  # not "General Secretary of the Lao People's Revolutionary Party ... and President of Laos"
    return None


def _head_at(tokens: list[Token], j: int, b: int, heads: set[str]) -> bool:
    """Does an office's head word start at token j, or right after it ("Prime Minister", "Foreign Minister")?"""
    return tokens[j].lower in heads or (j + 1 < b and f"{tokens[j].lower} {tokens[j + 1].lower}" in heads) or (
        j + 2 < b and f"{tokens[j + 1].lower} {tokens[j + 2].lower}" in heads)


def _one_office_twice(tokens: list[Token], a: int, b: int, kb: Any) -> int | None:
    """The "and" between two offices of one kind, which no one holds twice ("EAM and FM Battsetseg reviewed
    ...": India's foreign minister and Mongolia's), or None ("Deputy PM and FM Pham Binh Minh" is one person)."""
    for k in range(a + 1, b - 1):
        if tokens[k].lower != "and" or not _head_at(tokens, k + 1, b, kb.title_heads):
            continue
        kind = kb.title_kind(" ".join(t.text for t in tokens[a:k]))
        if kind and kind == kb.title_kind(" ".join(t.text for t in tokens[k + 1:b])):
            return k
    return None
