"""Stage 9 — agreements: what the sides jointly agreed or committed to.

Reads sentences, people and engagements, the joint subjects, agreement cues and coordinated verbs of
cues.yaml; fills each engagement's ``agreements`` with the agreed items and their parties.

A joint subject ("The two sides", "Both leaders", "They", "Secretary Blinken and Minister Lavrov",
"the two") followed closely by an agreement cue ("agreed that", "are willing to", "reaffirmed",
"committed to", "shared the view that" ...) opens an agreement; "The two sides agreed that A and are
willing to B, C, and D" gives four items: the "that" clause whole, then the listed verb phrases split
at commas and semicolons where a new base-form verb starts an item ("continue ..., leverage ..., and
facilitate ..."). A joint sentence goes to the engagement its subject fits ("Both Ministers" are the two
foreign ministers of e1, not the Prime Minister a courtesy call met in e2) [statements.joint_offices], else to
the latest one the text still tells of, else the first. Two phrases joined by a bare "and" stay one item ("to sustain assistance to Ukraine
and support its efforts"), as readers and annotators read them: one commitment. A second cue after "and"
opens a new item ("agreed that A, and shared the view that B"; "expressed grave concern over A and called
for B", the evaluative cue kept in the item), and a weekday may stand between a cue and its object
("agreed Monday to seek ...").
"""

from __future__ import annotations

import re

from ..model import Agreement
from .base import SAY, EngagementDraft, Sentence, Work, without_reporter, words_re

__all__ = ["joint_engagement", "run"]

_ADVS = r"(?:\s+(?:also|further|both|jointly|again|once again|further|all|each|fully|strongly|firmly|then|"
_ADVS += r"have|had|has))*"


def _rx(work: Work) -> dict[str, re.Pattern[str]]:
    cache = work.kb.__dict__.setdefault("_cache", {})
    if "agr" not in cache:
        cues = work.kb.cues["agreements"]
        alt = "|".join(sorted(cues, key=len, reverse=True))
        verbs = "|".join(sorted(work.kb.cues["coordinated_verbs"], key=len, reverse=True))
        cache["agr"] = {
            "cue": re.compile(_ADVS + r"\s+(?P<cue>" + alt + r")(?![\w-])\s*", re.I),
            # "... and agreed on ...", "Both sides exchanged views on Libya, welcomed the endorsement of ...": a
            # cue after a first predicate of the joint subject that agrees on nothing
            "later": re.compile(r"(?:\band|,)\s+(?:(?:also|further|both)\s+)?(?P<cue>" + alt + r")(?![\w-])\s*", re.I),
            # "..., and they confirmed that ...": the subject may be repeated as "they"
            "inner": re.compile(r"(?:,\s*)?\s*\band\s+(?:they\s+)?(?:(?:also|further)\s+)?(?P<cue>" + alt + r")(?![\w-])\s*",
                                re.I),
            "split": re.compile(r"(?:,\s*(?:and\s+|as well as\s+)?|;\s*)(?=(?:to\s+)?(?:jointly\s+|further\s+|also\s+)?"
                                r"(?:" + verbs + r")\b)", re.I),
            "joint": words_re(work.kb.cues["statements"]["joint_subjects"]),
            "offices": words_re(list(work.kb.cues["statements"]["joint_offices"])),
        }
        # "reaffirmed their support for X, and discussed next steps on Y": a predicate of acts done
        # together (cues.yaml statements.reciprocal_cues) that agree on nothing ends the agreed items
        told = sorted((c for c in work.kb.cues["statements"]["reciprocal_cues"]
                       if not re.match(r"(?:" + alt + r")(?![\w-])", c, re.I)), key=len, reverse=True)
        cache["agr"]["stop"] = re.compile(r",?\s+and\s+(?:also\s+)?(?:" + "|".join(map(re.escape, told)) +
                                          r")(?![\w-])", re.I)
    return cache["agr"]


_BARE = re.compile(r"(?:agreed|concurred|are |were |pledged|vowed|decided|resolved|looked forward|look forward|"
                   r"consented|undert(?:ook|ake) to|plann?e?d? to|assessed that)", re.I)


_QUOTE_CUE = re.compile(r"[,.]?[\"”]\s*,?\s*(?:(?:the|his|her)\s+)?(?:[A-Z][\w.'’-]*\s+|[a-z]+\s+(?=(?:" + SAY +
                        r")\b)){0,4}(?:" + SAY + r")\b")
_DAY = re.compile(r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\s+(?:that\s+)?")


def _items(text: str, start: int, first_that: bool, rx: dict[str, re.Pattern[str]]) -> list[tuple[int, int]]:
    """Spans (relative to text) of agreed items in text[start:]."""
    end = without_reporter(text, start, len(text.rstrip().rstrip(".;:\"”")))  # ", state news agency SPA reported"
    quoted = _QUOTE_CUE.search(text, start, end)
    if quoted:
        end = quoted.start()  # '"We agreed to ensure the flow of goods," said FM Retno.': the quotation ends the item
    # "agreed that A, and shared the view that B": a cue of agreeing after "and" is no stop
    stop = next((x for x in rx["stop"].finditer(text, start, end) if not rx["inner"].match(text, x.start())), None)
    if stop is not None:
        end = stop.start()
    segs: list[tuple[int, int, bool]] = []
    pos, is_that = start, first_that
    for m in rx["inner"].finditer(text, start, end):
        segs.append((pos, m.start(), is_that))
        is_that = m.group("cue").lower().rstrip().endswith("that")
        # a nominal or evaluative cue is part of the item ("..., and called for a ceasefire")
        pos = m.end() if is_that or _BARE.match(m.group("cue")) else m.start("cue")
    segs.append((pos, end, is_that))
    out: list[tuple[int, int]] = []
    for a, b, that in segs:
        if b <= a:
            continue
        if that:
            out.append((a, b))
            continue
        last = a
        for m in rx["split"].finditer(text, a, b):
            if m.start() > last:
                out.append((last, m.start()))
            last = m.end()
        if b > last:
            out.append((last, b))
    clean = []
    for a, b in out:
        while a < b and text[a] in " ,;":
            a += 1
        day = _DAY.match(text, a, b)  # "agreed Monday to seek ..."
        if day:
            a = day.end()
        if text[a:a + 3].lower() == "to ":
            a += 3
        while b > a and text[b - 1] in " ,;.":
            b -= 1
        if b - a >= 8 and len(text[a:b].split()) >= 2:
            clean.append((a, b))
    return clean


# "the two ministers", "the B9 leaders", "The participants of the summit"
_GROUP = re.compile(r"\b(?:[Tt]he|[Bb]oth|[Aa]ll)\s+(?:two\s+|three\s+|four\s+)?(?:[\w-]+\s+){0,2}(?i:ministers|leaders|"
                    r"sides|presidents|delegations|officials|counterparts|parties|governments|secretaries|premiers|"
                    r"heads of (?:state|government)(?: and government)?|chancellors|interlocutors|participants)\b"
                    r"(?:\s+(?:of|at|in)\s+the\s+(?:[\w-]+\s+){0,2}?(?i:summit|meeting|talks|conference|session))?")
_WE = re.compile(r"\b[Ww]e\s+(?:also\s+|further\s+|have\s+)?(?=agreed\b|are committed\b|committed\b|decided\b)")


def _joint_subjects(work: Work, s_start: int, s_end: int, rx: dict[str, re.Pattern[str]]) -> list[int]:
    """End offsets (absolute) of joint subjects in a sentence: listed phrases and "X and Y" of two people."""
    text = work.text
    ends = [s_start + m.end() for m in rx["joint"].finditer(text[s_start:s_end])]
    # "The two Vice Ministers", "Both Foreign Ministers", "the three leaders"
    ends += [s_start + m.end() for m in _GROUP.finditer(text[s_start:s_end])]
    named = work.people_in(s_start, s_end)
    for (a2, b2), _j in named:
        # "The Ministers and the Secretary agreed ...": a group and a participant joined to it
        if any(re.fullmatch(r"\s+and\s+(?:the\s+)?", text[e:a2]) for e in ends):
            ends.append(b2)
    for (a2, b2), _j in named:
        # "He and President Erdoğan reaffirmed ..."
        if re.search(r"\b(?:[Hh]e|[Ss]he)\s+and\s+(?:(?:the|his|her)\s+)?$", text[max(s_start, a2 - 20):a2]):
            ends.append(b2)
    for (_a1, b1), i in named:
        for (a2, b2), j in named:
            # "HH the Amir and HE the Kenyan President witnessed ...": a form of address in capitals may stand between
            if a2 > b1 and i != j and re.fullmatch(r"\s+and\s+(?:[A-Z][A-Z.]{1,4}\s+)?(?:(?:the|his|her)\s+)?",
                                                   text[b1:a2]):
                ends.append(b2)
    # "Following the audience, Morocco and Spain adopted a joint declaration": the two sides by name, as the
    # subject (not "... the border between Ethiopia and Sudan, and called for ...")
    sides = [m for m in work.actor_mentions if s_start <= m.start and m.end <= s_end and m.form in ("name", "alias")
             and re.fullmatch(r"\s*(?:[^,;]{0,60},\s*)?(?:the\s+)?", text[s_start:m.start], re.I)]
    sides += [m for m in work.actor_mentions if m.form in ("name", "alias") and any(
        m.start > x.end and text[x.end:m.start].strip() in ("and", "and the") for x in sides)]
    for m1 in sides:
        for m2 in sides:
            if m2.start > m1.end and m1.code != m2.code and re.fullmatch(r"\s+and\s+(?:the\s+)?", text[m1.end:m2.start]):
                ends.append(m2.end)
    # "It was agreed to continue contacts": agreement without a subject
    ends += [s_start + m.end() - 1 for m in re.finditer(r"\bIt was (?:also |further )?(?=agreed\b)", text[s_start:s_end])]
    # "President Yoon held talks with Prime Minister Chinh ... and agreed to ...": the engagement's own verb
    # makes its subject and object one joint subject
    for e in work.engagements:
        if e.span[0] == s_start and not e.reported_as:
            for m in re.finditer(r"\band\s+(?=(?:also\s+)?(?:agreed|committed|pledged|vowed|decided)\b)",
                                 text[s_start:s_end]):
                ends.append(s_start + m.end() - 1)
    # "Minister Wang and I agreed to ...": the speaker and a named counterpart
    for (_a2, b2), _j in named:
        me = re.match(r"\s+and\s+I\b", text[b2:s_end])
        if me:
            ends.append(b2 + me.end())
    # "We agreed to ..." in a participant's own account
    ends += [s_start + m.end() - 1 for m in _WE.finditer(text[s_start:s_end])]
    return sorted(set(ends))


def _fits(work: Work, i: int, kinds: set[str]) -> bool:
    """Does participant i hold an office of one of ``kinds`` (cues.yaml statements.joint_offices)?"""
    p = work.people[i]
    kind = p.role_kind or work.kb.title_kind(p.title)
    if kind in kinds:
        return True
    return "minister" in kinds and kind != "head_of_government" and \
        (kind == "foreign_minister" or bool(re.search(r"\bminister\b", p.title or "", re.I)))


def joint_engagement(work: Work, s: Sentence) -> EngagementDraft | None:
    """The engagement a joint sentence ("Both Ministers agreed ...") is about: the latest one begun before it
    whose participants all fit the office its subject names; for a subject naming none ("Both sides"), the
    latest one the text still tells of (in its paragraph, or naming one of its own participants since),
    else the first."""
    engs = [e for e in work.engagements if not e.reported_as]
    started = [e for e in engs if e.sentence <= s.index] or engs[:1]
    if not started:
        return None
    rx = _rx(work)
    sent = work.text[s.start:s.end]
    subject = _GROUP.search(sent) or rx["joint"].search(sent)
    offices = rx["offices"].search(subject.group()) if subject else None
    if offices is not None:
        kinds = set(work.kb.cues["statements"]["joint_offices"][offices.group().lower()])
        fit = [e for e in started if e.participants and all(_fits(work, i, kinds) for i in e.participants)]
        if fit:
            return fit[-1]
    first = started[0]
    for e in reversed(started[1:]):
        if work.sentences[e.sentence].para == s.para:
            return e
        own = set(e.participants) - set(first.participants)
        if any(i in own for _, i in work.people_in(work.sentences[e.sentence].end, s.end)):
            return e
    return first


# a list item's marker: "- welcomed ...", "• agreed ...", "(a) reaffirmed ...", "ii. committed ..."
_BULLET = re.compile(r"\s*(?:[-•–—*·▪]|\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)])\s+")


def _lead_of(work: Work, s: Sentence) -> bool:
    """Is ``s``, before the engagement's sentence, a wire story's lead that names two of its participants
    ("Kishida and Yoon agreed Thursday to resume ..." / "In their talks in Tokyo, ...")?"""
    e = work.engagements[0]
    named = {i for _sp, i in work.people_in(s.start, s.end)}
    return not s.boiler and not work.is_title_line(s) and len(named & set(e.participants)) >= 2


def run(work: Work) -> None:
    if not work.engagements:
        return
    rx = _rx(work)
    text = work.text
    first = min(e.sentence for e in work.engagements)
    listing = False  # after "Both sides:" — each item of the list that follows is what they did together
    for s in work.sentences:
        if s.index < first and not _lead_of(work, s):
            continue
        e = joint_engagement(work, s) or work.engagements[0]
        parties = sorted({p for i in e.participants if (p := work.people[i].affiliation)})
        sent = text[s.start:s.end]
        ends = _joint_subjects(work, s.start, s.end, rx)
        bullet = _BULLET.match(sent)
        if listing and bullet:
            ends = [s.start + bullet.end() - 1]
        else:
            listing = any(re.fullmatch(r"\s*:\s*", text[x:s.end]) for x in ends)
        for end in ends:
            m = rx["cue"].match(text, end, s.end) or rx["later"].search(text, end, s.end)
            if not m:
                continue
            cue = m.group("cue").lower()
            # a nominal or evaluative cue is part of what was agreed ("shared concerns about ...",
            # "reaffirmed support for ..."); a verb of agreeing is not ("agreed to continue ...")
            keep_cue = not _BARE.match(cue)
            rel = (m.start("cue") if keep_cue else m.end()) - s.start
            that = m.group("cue").lower().rstrip().endswith("that")
            for a, b in _items(sent, rel, that, rx):
                span = (s.start + a, s.start + b)
                if not any(x.span == span for x in e.agreements):
                    e.agreements.append(Agreement(text=text[span[0]:span[1]], parties=parties, span=span))
            break
