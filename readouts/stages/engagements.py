"""Stage 4 — engagements: which meetings, calls, visits, talks or summits the document reports.

Reads sentences, people, actor mentions and dates; fills ``work.engagements`` (type, modality, date,
location, initiator, participants as indexes into ``work.people``).

An engagement is reported by a sentence holding an engagement cue (cues.yaml: "met with", "held
talks", "had a phone call", "via video link", "paid a visit", "on the sidelines of" ...) and at least
one person; the first such sentence gives the primary engagement, and a later one with other people
and a cue of its own ("On the same day, X also had a teleconference with ...") another. Cues that
recall an earlier engagement or announce a future one do not count. Title lines before the first
engagement sentence (headlines) lend it their modality ("Readout of the Secretary-General's telephone
call with ...").
"""

from __future__ import annotations

import datetime as dt
import re

from . import datelines
from .base import ActorMention, EngagementDraft, PersonRef, Sentence, Work, author_header
from .dates import BEFORE

__all__ = ["run"]

_PLACE_WORDS = re.compile(r"\b(?:Hall|Palace|Qasr|House|Kremlin|Guesthouse|Guest House|Hotel|Centre|Center|Headquarters|Camp|"
                          r"Secretariat|Building|Estate|Retreat|Resort|Mansion|Castle|Fort|Embassy|Consulate|Ministry|"
                          r"Tower|Residence|Villa|Summit|Conference|Office|Street|Manor|Lodge|Chequers|Diwan|Chancellery)\b")
_NOTPLACE = r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|" \
            r"July|August|September|October|November|December|His|Her|Their|Mr|Mrs|Ms|Dr|H\.E)\b)"
_PLACE = r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+the\s+|of\s+|de\s+l['’]|de\s+|da\s+|on\s+|la\s+)?" + _NOTPLACE + r"[A-Z][\w'’.-]*)*" \
         r"(?:\s+(?:headquarters|building|premises|compound|residence)\b)?"
_LOC = re.compile(r"\b(?P<prep>[Ii]n|[Aa]t|outside|near)\s+(?P<loc>" + _PLACE + r"(?:\s+in\s+" + _PLACE + r")?"
                  r"(?:,\s+" + _NOTPLACE + r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)?)")
# a phrase up to the next comma, full stop or semicolon, reading on past the stop of an abbreviated form of
# address or an initial ("from His Excellency Dr. William Ruto", "by H.E. Mr. X")
_PHRASE = r"(?:[^,.;]|(?:(?<=\bDr)|(?<=\bMr)|(?<=\bMs)|(?<=\bMrs)|(?<=\bProf)|(?<=\b[A-Z]))\.)+"
# a time adverb between a verb and its object ("received today a phone call from ...", Egyptian and Gulf style)
_WHEN = r"(?:(?:today|yesterday|tonight|this (?:morning|afternoon|evening)|on \w+(?: \w+)?),? )?"
# a verb of calling someone, present (a headline's "Foreign Secretary calls ...") or past, then whom
_CALLED = (r"(?:calls|called|phones|phoned|telephones|telephoned|rings|rang)\s+(?!(?:for|on|upon|off|in|out|back)\b)"
           r"(?:(?:his|her|the)\s+)?(?-i:[A-Z])")
_INIT = [
    (re.compile(r"at the (?P<rel>latter|former)(?:'s|’s)? (?:request|invitation)|at the (?:request|invitation) of the "
                r"(?P<rel2>latter|former)", re.I), "rel"),
    # "X visited Y at his invitation": the one the subject met, not the subject
    (re.compile(r"\b(?:at|upon|on) (?:his|her) (?:request|invitation|initiative)\b|\b(?:at|upon|on) the (?:request|"
                r"invitation|initiative|behest) of (?:his|her) (?:\w+ )?counterpart\b", re.I), "object"),
    (re.compile(r"(?:at|upon|on|following) the (?:request|invitation|initiative|behest) of (?P<x>(?:[^,.;]|\.(?=\w)|"
                r"(?:(?<=\bDr)|(?<=\bMr)|(?<=\bMs)|(?<=\bMrs)|(?<=\bProf)|(?<=\b[A-Z]))\.|,\s*(?=the\s|Ms\b|Mr\b|Dr\b|H\.E\.))+)",
                re.I), "x"),
    (re.compile(r"(?:at|upon|on) (?P<x>[^,.;]{2,60}?)(?:'s|’s) (?:request|invitation|initiative)", re.I), "x"),
    # "following an invitation from X", "in response to a request from X"
    (re.compile(r"(?:following|after|upon|on|in response to|responding to|accepting) (?:an|a|the) (?:\w+ )?(?:invitation|"
                r"request) (?:from|by|extended by) (?P<x>" + _PHRASE + ")", re.I), "x"),
    (re.compile(r"(?:hosted|received|welcomed|invited|initiated|requested|proposed|(?<!co-)chaired) by (?P<x>" + _PHRASE +
                ")", re.I), "x"),
    (re.compile(r"(?:received|took|answered) " + _WHEN + r"(?:a |an )?(?:phone |telephone |video )?call (?:\w+ ){0,3}from "
                r"(?P<x>" + _PHRASE + ")", re.I), "x"),
    (re.compile(r"(?:followed|upon|after|answering) (?P<x>[^,.;]{2,60}?)(?:'s|’s) (?:request|invitation)", re.I), "x"),
    (re.compile(r"(?P<x>[^,.;]{2,80}?)\s+(?:made|placed|initiated) (?:a |an )?(?:phone |telephone |video )?call\b", re.I), "x"),
    # "President Bush called President Hu Jintao this morning": the caller (not "called for", "called on")
    (re.compile(r"(?P<x>[^,.;]{2,80}?)\s+" + _CALLED, re.I), "x"),
    # "Ms. X, Prime Minister of Thailand, chaired the 6th BIMSTEC Summit": the subject before its appositive
    (re.compile(r"(?P<x>[^,.;]{2,80}?)(?:,[^,.;]{2,80},)?\s+(?:presided over|chaired|hosted)\b", re.I), "x"),
    (re.compile(r"\b(?:at|upon|on) (?:request|invitation)\b", re.I), "counterpart"),
]
_HOST = re.compile(r"(?P<x>[^,.;]{2,80}?)\s+(?:hosted|received|welcomed)\s+(?!" + _WHEN +
                   r"(?:a |an )?(?:phone |telephone |video )?call)", re.I)


def _cues(work: Work) -> list[tuple[re.Pattern[str], str, str, bool]]:
    cache = work.kb.__dict__.setdefault("_cache", {})
    if "eng" not in cache:
        rules = []
        for r in work.kb.cues["engagements"]:
            rules.append((re.compile(r"(?<![\w-])(?:" + r["pattern"] + r")(?![\w-])", re.I), r["type"], r["modality"],
                          bool(r.get("weak"))))
        neg = re.compile(r"(?<![\w-])(?:" + "|".join(work.kb.cues["not_this_engagement"]) + r")(?![\w-])", re.I)
        cache["eng"] = (rules, neg)
    return cache["eng"][0]


def _not_this(work: Work) -> re.Pattern[str]:
    _cues(work)
    return work.kb.__dict__["_cache"]["eng"][1]


# a participant's own errand in a relative clause: "..., who is visiting Japan to attend the ASEAN-Japan Summit,
# held a Foreign Ministers' Meeting with ...", "met Prime Minister X, who arrived in Samarkand to take part in the
# SCO summit"; or the guest's stay ("received X, who is in our country on an official visit", "X, who is in
# Tbilisi on an official visit, had a meeting with ...", "received Vice President X, who is on an official visit to
# the island", "who is paying a visit"): the clause's visit or summit is not the engagement the sentence reports
# (but "met X who arrived in Ukraine on a visit" tells the visit itself)
_ERRAND = re.compile(r",?\s+who\s+(?:(?:is|was|are|were|has|had|arrived|came)\b[^,;]*?\bto (?:attend|take part|"
                     r"participate)\b|(?:is|was|are|were)\b[^,;]*?\bon (?:an?|his|her|their) (?:[\w-]+ ){0,3}visit\b|"
                     r"(?:is|was|are|were)\s+(?:paying|making)\s+an?\s+(?:[\w-]+\s+){0,2}visit\b)[^,;]*")


def _classify(work: Work, text: str) -> tuple[str, str, list[re.Match[str]]] | None:
    main = _ERRAND.sub(lambda m: " " * len(m.group()), text)
    return (main != text and _classify_text(work, main)) or _classify_text(work, text)


def _classify_text(work: Work, text: str) -> tuple[str, str, list[re.Match[str]]] | None:
    hits = [(rx.search(text), t, m, weak) for rx, t, m, weak in _cues(work)]
    found = [(h, t, m, weak) for h, t, m, weak in hits if h]
    if not found:
        return None
    strong = [f for f in found if not f[3]]
    types = {t for _, t, _, _ in found}
    matches = [h for h, _, _, _ in found]
    if "video_call" in types:
        return "video_call", "video", matches
    if "phone_call" in types and not re.search(r"\bcourtesy (?:call|visit)\b", text, re.I):
        return "phone_call", "phone", matches
    if not strong:
        return "summit", "in_person", matches
    if types <= {"other", "summit"} or not types & {"talks", "visit", "summit", "meeting"}:
        # "exchanged letters" (written), "was in contact with" (unknown)
        kind = next(f for f in strong if f[1] == "other")
        return "other", kind[2], matches
    if "talks" in types and not re.search(r"\bon the (?:sidelines|margins) of\b", text, re.I):
        return "talks", "in_person", matches  # (talks on the sidelines of a summit are a meeting there)
    if "visit" in types:
        return "visit", "in_person", matches
    if re.search(r"\b(?:" + BEFORE + r")\s+(?:the\s+|a\s+)?[^.;]{0,40}\bsummit\b", text, re.I):
        return "meeting", "in_person", matches  # "a bilateral meeting ... ahead of / preparatory meeting for the Summit"
    if "summit" in types and (re.search(r"\b(?:attend\w*|participat\w*|took part|joined|co-?chair\w*)\b", text, re.I)
                              or re.search(r"(?-i:Summit) (?:took place|was held|convened|opened)", text)
                              or re.search(r"\b(?:hosted|held|convened)\b[^.;]*\bsummit\b(?! meeting| with)", text, re.I)) \
            and not re.search(r"\bmet\b|sidelines|margins", text, re.I) \
            or "summit" in types and re.search(r"\bfor (?:the|a) [^.;]{0,40}\bsummit\b(?! meeting)", text, re.I):
        return "summit", "in_person", matches
    return "meeting", "in_person", matches


def _reporters(work: Work) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The offices that speak about an engagement rather than take part in it (cues.yaml
    statements.reporting_offices), as a title and as a phrase before a name ("The Spokesman ..., Counselor X")."""
    cache = work.kb.__dict__.setdefault("_cache", {})
    if "eng_reporters" not in cache:
        offices = "|".join(re.escape(str(o)) for o in work.kb.cues["statements"]["reporting_offices"])
        office = re.compile(r"\b(?:" + offices + r")\b", re.I)
        cache["eng_reporters"] = (office, re.compile(office.pattern + r"[^.;,]{0,60},\s*(?:\S+\s+){0,1}$", re.I))
    return cache["eng_reporters"]


def _participants_in(work: Work, s: Sentence) -> list[int]:
    out: list[int] = []
    text = work.text
    office, office_before = _reporters(work)
    for (a, b), i in work.people_in(s.start, s.end):
        title = work.people[i].title or ""
        if office.search(title) or office_before.search(text, max(s.start, a - 90), a) or re.match(r"[\s,]*(?:has\s+)?(?:reported|said|told (?:reporters|journalists|the "
                                                r"press)|informed|announced)(?:\s+(?:in|at|on|from)\s+[^.;,]{2,40})?\W*$",
                                                text[b:s.end]) \
                and re.search(r",\s*(?:\S+\s+){0,6}$", text[max(s.start, a - 60):a]):
            # who tells of the engagement ("..., Akorda's press secretary Berik Uali reported", "..., as government
            # spokesperson Steffen Hebestreit announced in Berlin") took no part
            continue
        before = text[max(s.start, a - 40):a].lower()
        if re.search(r"(?:on behalf of|greetings (?:of|from)|message from|letter from|wishes of|regards of)\s*"
                     r"(?:the\s+)?(?:\w+\s+){0,3}$", before):
            continue
        if re.search(r"\blate\s+(?:[\w.-]+\s+){0,4}$", before):
            continue  # "paid tribute to late President Ho Chi Minh": the dead take no part
        if _in_background(text, s, a):
            continue  # "..., as President Yoon Suk Yeol visited Japan for a summit with ...": another engagement
        if i not in out:
            out.append(i)
    return out


_BACKGROUND = re.compile(r",\s+as\s+(?!well\b)[^,;]*$")
_OWN_ENGAGEMENT = re.compile(r"\b(?:visit\w*|summit|met|meeting|talks|trip|travel\w*)\b", re.I)


def _in_background(text: str, s: Sentence, a: int) -> bool:
    """Is the person at ``a`` in a background clause that tells an engagement of its own (", as President X
    visited Japan for a summit with Prime Minister Y")?"""
    m = _BACKGROUND.search(text, s.start, a)
    if m is None:
        return False
    end = re.search(r"[,;]|$", text[a:s.end])
    return bool(_OWN_ENGAGEMENT.search(text, m.start(), a + (end.start() if end else 0)))


def _location(work: Work, s: Sentence, etype: str) -> str | None:
    text = work.stext(s)
    # what was said is read no further, unless the engagement is what was said ("The spokesman said that the
    # President received X in Cairo")
    got = _classify(work, text)
    first_cue = min((m.start() for m in got[2]), default=0) if got else 0
    cut = re.compile(r"\b(?:said|stressed|noted|discussed|agreed|expressed)\b").search(text, first_cue)
    scope = text[:cut.start()] if cut else text
    for m in _LOC.finditer(scope):
        if re.search(r"\b(?:" + BEFORE + r")\b[^,;]{0,60}$", scope[:m.start()]):
            continue  # "ahead of the NATO Summit in Vilnius": the place of what comes later
        loc = m.group("loc").rstrip(".,")
        loc = re.sub(r"^the\s+", "the ", loc)
        if re.match(r"(?:the\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|"
                    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", loc):
            continue
        start = s.start + m.start("loc")
        end = start + len(loc)
        nxt = re.match(r"\s+([a-z][\w-]*)", work.text[end:end + 30])
        if "," in loc and nxt and nxt.group(1) in work.kb.title_heads:
            # "in the Kremlin, Kremlin spokesman Dmitry Peskov told reporters": the words after the comma qualify
            # an office, they are no region of the place
            loc = loc[:loc.index(",")]
            end = start + len(loc)
        inside = [p[0] for p in work.person_at if start < p[0] < end]
        if inside:
            # "at the African Union Headquarters in Addis Ababa H.E. Ramtane Lamamra": the place ends
            # where the person begins
            end = min(inside)
            loc = work.text[start:end].rstrip(" ,")
            end = start + len(loc)
            if not loc:
                continue
        if any(p[0] == start for p in work.person_at):
            continue
        actors = [a for a in work.actor_mentions if start <= a.start and a.end <= end]
        place = _PLACE_WORDS.search(loc)
        if re.search(r"\b(?:Meeting|Summit|Conference|Dialogue|Session|Forum|Consultations?)$", loc) and not place:
            continue  # "in the Quad Foreign Ministers' Meeting" is an occasion, not a place
        if any(a.form in ("capital", "name", "alias", "seat") for a in actors) or place:
            if actors and all(a.form in ("body", "adjective") for a in actors) and not place:
                continue
            prefix = "outside " if m.group("prep") == "outside" else ""
            return prefix + loc
        after_loc = work.text[start + len(loc):start + len(loc) + 1]
        prep = m.group("prep").lower()
        # "In Kyiv, ...", "On the margins of the UN General Assembly in New York, ... met ..."
        fronted = prep == "in" and re.fullmatch(r"\s*(?:Today|Yesterday|On \w+(?: \d+)?|Earlier today|"
                                                r"(?:On|At) the (?:sidelines|margins) of [^,;]{3,80})?\s*",
                                                scope[:m.start()]) and after_loc == ","
        hosted = prep == "at" and re.search(r"\b(?:received|hosted|welcomed|met)\b\s*(?:\w+\s+)?$",
                                                       scope[:m.start()])
        # "..., Szijjártó said in Samarkand on Friday, where he held talks with ...": the place a relative
        # clause sets the engagement in
        where = prep == "in" and re.match(r"[^.;]{0,30}?,\s*where\s+(?:\w+\s+){0,3}?(?:met|held|had)\b", text[m.end():])
        if not actors and (prep == "in" and re.search(r"\b(?:met|meeting|talks|visit|summit)\w*\b", scope[:m.start()],
                                                                 re.I)
                           or fronted or hosted or where):
            if len(loc.split()) <= 4 and not any(w.lower() in work.kb.title_words for w in loc.split()):
                return loc
    # "... discussed X during their meeting in Beijing": the meeting's place after the content cut
    dm = re.search(r"\b(?:during|at|in the course of) (?:their|the|a|his|her|this) (?:[\w-]+ ){0,2}"
                   r"(?:meeting|talks|visit|consultations)\s+(?P<prep>in)\s+(?P<loc>" + _PLACE + ")", text)
    if dm and any(a.form in ("capital", "name", "alias", "seat") and s.start + dm.start("loc") <= a.start
                  < s.start + dm.end("loc") for a in work.actor_mentions):
        return dm.group("loc").rstrip(".,")
    for rx in (_HOST_PLACE, _DELEGATION_TO):
        hm = rx.search(scope)
        if hm and _names_place(work, s.start + hm.start("loc"), s.start + hm.end("loc")):
            return hm.group("loc").rstrip(".,")
    vm = re.search(r"\bvisited (?P<loc>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)", scope)
    if vm and etype == "visit":
        loc = vm.group("loc").rstrip(".,")
        if any(a.code for a in work.actor_mentions if a.form in ("capital", "name", "alias")
               and s.start + vm.start("loc") <= a.start < s.start + vm.end("loc")):
            return loc
    vm = re.search(r"\bvisiting (?P<loc>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)\s+(?:to|for)\b", scope)
    if vm:
        return vm.group("loc").rstrip(".,")  # ("a state visit to Vietnam." ends the sentence)
    vm = re.search(r"\b(?:visit(?:ing)?|travel(?:l?ed)?) to (?P<loc>" + _PLACE + ")", scope)
    if vm and etype == "visit":
        return vm.group("loc").rstrip(".,")  # ("a state visit to Vietnam." ends the sentence)
    return None


# "Antalya, Turkey hosted a trilateral meeting", "led a delegation ... to Geneva, Switzerland to take part"
_HOST_PLACE = re.compile(r"(?:^|,\s+|\bin\s+)(?P<loc>" + _PLACE + r"(?:,\s+[A-Z][\w'’.-]+)?)\s+(?:hosted|played host to|"
                         r"was the venue (?:of|for))\s+(?:a|an|the)\b")
_DELEGATION_TO = re.compile(r"\bdelegation\b[^.;]{0,200}?\bto (?P<loc>" + _PLACE + r"(?:,\s+[A-Z][\w'’.-]+)?)"
                            r"(?:,)?\s+(?:to|for)\b")
# a visit's place told apart from its meetings: "is today and tomorrow in Washington for her first visit",
# "arrived in Hanoi on an official visit", "welcome back to Jakarta"
_VISIT_PLACE = re.compile(r"\b(?:is|are|was|were|arrived|arrives|will be)\b[^.;]{0,30}?\bin (?P<loc>" + _PLACE + r")"
                          r",? (?:for|on) (?:a|an|her|his|their|the|this)\b[^.;]{0,40}?\b(?:visit|trip|tour|stay)\b"
                          r"|\bwelcome(?:s|d)?\b(?: [\w.'’-]+,?){0,8}? (?:back )?to (?P<loc2>" + _PLACE + r")")

# the visit's own destination, for an engagement that is the visit: "is making an Official Visit to Singapore"
_VISIT_TO = re.compile(r"\b(?:[Vv]isit|[Tt]rip|[Tt]our) to (?P<loc3>" + _PLACE + r")")


def _names_place(work: Work, start: int, end: int) -> bool:
    """Whether text[start:end] names a place the knowledge knows: a state, capital or seat, or a body that is a
    building ("NATO Headquarters"), and no person."""
    return any(start <= a.start and a.end <= end and (a.form in ("capital", "name", "alias", "seat") or a.form == "body"
                                                      and _PLACE_WORDS.search(work.text[a.start:a.end]))
               for a in work.actor_mentions) and not any(start <= sp[0] < end for sp in work.person_at)


def _visit_place(work: Work, d: EngagementDraft) -> str | None:
    """The place of the visit an in-person engagement without one is part of, told in a sentence up to
    and including its own near the top ("Mogherini is today and tomorrow in Washington for her first
    visit. ... had a fruitful meeting with the Secretary of State"); a visit's own destination ("is making
    an Official Visit to Singapore")."""
    for s in work.sentences[:max(d.sentence + 1, 1)][:15]:
        m = _VISIT_PLACE.search(work.stext(s)) or (_VISIT_TO.search(work.stext(s)) if d.type == "visit" else None)
        if m is None:
            continue
        g = next(k for k in ("loc", "loc2", "loc3") if m.groupdict().get(k))
        if _names_place(work, s.start + m.start(g), s.start + m.end(g)):
            return m.group(g).rstrip(".,")
    return None


_HELD_AT = re.compile(r"(?<!been )\b(?:held|took place|convened)\b[^.;]{0,40}?\b(?:at|in)\s+(?P<loc>" + _PLACE +
                      r"(?:,\s+" + _NOTPLACE + r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)?)")


# a later sentence opening on the engagement and its place: "During the meeting at Hyderabad House, ..."
_DURING_AT = re.compile(r"\W*(?:During|At|In) (?:the|their) (?:meeting|talks) (?:at|in)\s+(?P<loc>" + _PLACE + ")")


def _held_place(work: Work, d: EngagementDraft, drafts: list[EngagementDraft]) -> str | None:
    """The place told in one of the next sentences about the engagement ("The two leaders held bilateral talks
    at State House, Nairobi", "During the meeting, held at Al Bahr Palace, ...", "During the meeting at Hyderabad
    House, ..."): a known place or a building."""
    para = work.sentences[d.sentence].para
    for s in work.sentences[d.sentence + 1:]:
        if s.para > para + 3 or any(e.sentence == s.index for e in drafts if e is not d):
            break
        # the next three sentences; "During the meeting at ..." up to three paragraphs on (past a quoted tweet)
        m = _DURING_AT.match(work.stext(s)) or (_HELD_AT.search(work.stext(s)) if s.index <= d.sentence + 3 else None)
        if m and not re.search(r"\b(?:will|would|next)\b", work.stext(s)[:m.start()]) and not re.search(
                r"\b(?:times|rounds|previous|previously|last|inaugural|since)\b", work.stext(s)):
            loc = m.group("loc").rstrip(".,")
            a = s.start + m.start("loc")
            if "," in loc and not _names_place(work, a + loc.index(","), a + len(loc)):
                loc = loc[:loc.index(",")]  # "Al Bahr Palace, His Highness ...": the place ends at the comma
            if _names_place(work, a, a + len(loc)) or _PLACE_WORDS.search(loc):
                return loc
    return None


_REMARKS = re.compile(r"\bmade the (?:remarks|comments)\b|\bsaid this\b", re.I)


def remarks_lead(work: Work, index: int) -> Sentence | None:
    """The lead a Xinhua-style engagement sentence refers back to ("China is ready to ..., Chinese Foreign Minister
    Wang Yi said on Saturday." / "Wang ... made the remarks when meeting with ..."): the body sentence before it."""
    if not _REMARKS.search(work.stext(work.sentences[index])):
        return None
    return next((x for x in reversed(work.sentences[:index]) if _is_body(work, x) and not work.is_title_line(x)), None)


def _lead_date(work: Work, d: EngagementDraft) -> tuple[str | None, str | None]:
    """The date of a wire story's lead that tells what the engagement's people did without naming the
    engagement ("Hayashi and his South Korean counterpart Park Jin agreed on Monday to ..." / "In their first
    formal talks in Tokyo, ..."): the sentence before the engagement's, naming two people, one of them its
    participant, when the engagement's sentence refers back to them (the lead's people take part too)."""
    s = work.sentences[d.sentence]
    if d.sentence == 0 or not re.match(r"\W*(?:In|At|During|Over)\s+(?:their|the)\b", work.stext(s)):
        return None, None
    prev = next((x for x in reversed(work.sentences[:d.sentence]) if not x.boiler and not work.is_title_line(x)), None)
    if prev is None:
        return None, None
    named = list(dict.fromkeys(i for _sp, i in work.people_in(prev.start, prev.end)))
    if len(named) < 2 or not set(named) & set(d.participants) or re.search(r"\b(?:will|would|next)\b",
                                                                          work.stext(prev)):
        return None, None
    for i in named:  # "their" talks: the lead's people's
        if i not in d.participants:
            d.participants.append(i)
    return _date_for(work, prev, fallback=False)


def _resolve_party(work: Work, start: int, end: int) -> str | None:
    """The side named in text[start:end]: a person's side ("@<index>"), or an actor named there,
    whichever the phrase names first ("at the invitation of NATO and ... a Japanese prime minister")."""
    found: list[tuple[int, str]] = [(sp[0], f"@{i}") for sp, i in work.person_at.items() if start <= sp[0] < end]
    found += [(m.start, m.code) for m in work.actor_mentions if m.start < end and start < m.end]
    return min(found)[1] if found else None


def _initiator(work: Work, s: Sentence, parts: list[int]) -> str | None:
    text = work.stext(s)
    # a future in a relative clause ("..., which will deliver a new aircraft by 2035") is not the engagement's
    main = re.sub(r"\b(?:which|that|who)\b[^,.;]*", "", text)
    if re.search(r"\b(?:will|would|plans? to|invited (?:him|her|them))\b", main, re.I) and not re.search(
            r"\bat the (?:request|invitation)|at [\w.]+(?:['’]s)? (?:request|invitation)", text, re.I):
        return None
    for rx, how in _INIT:
        m = rx.search(text)
        if not m:
            continue
        if how == "rel":
            rel = (m.group("rel") or m.group("rel2") or "").lower()
            if rel == "former" and parts:
                return f"@{parts[0]}"
            return f"@{parts[-1]}" if rel == "latter" and len(parts) > 1 else None
        if how == "counterpart":
            return "@counterpart"
        if how == "object":
            if len(parts) > 1 and re.search(r",\s*who\s[^,;]*$", text[:m.start()]):
                return f"@{parts[0]}"  # "Y, who was on a visit at his invitation": the clause's "his" is the subject
            return f"@{parts[-1]}" if len(parts) > 1 else None
        got = _resolve_party(work, s.start + m.start("x"), s.start + m.end("x"))
        if got is None and rx.pattern.startswith("(?P<x>"):
            # "Prince X, Crown Prince and Prime Minister made a phone call": the sentence's first person
            named = [i for _sp, i in work.people_in(s.start, s.start + m.end("x"))]
            got = f"@{named[0]}" if named else None
        if got:
            return got
    m = _HOST.search(text)
    if m and not re.search(r"\b(?:was|were)\s*$", m.group("x")):
        got = _resolve_party(work, s.start + m.start("x"), s.start + m.end("x"))
        if got and (not got.startswith("@") or int(got[1:]) in parts):
            return got
    return None


def _date_for(work: Work, s: Sentence, fallback: bool = True, place: str | None = None) -> tuple[str | None, str | None]:
    """The engagement's date: one the sentence states, else (``fallback``) a dateline's where the dateline
    rule allows it; ``place`` is where an in-person engagement took place."""
    inside = [d for d in work.dates if s.start <= d.start and d.end <= s.end]
    for d in inside[:1]:
        # a dateline that opens the sentence ("SINGAPORE, June 18, 2020 /PRNewswire/ -- The Minister
        # participated ..."): the issue date, the engagement's only by the dateline rule below
        if datelines.opens(work, s, d):
            inside = inside[1:]
            if not inside and fallback and datelines.opening_dates(work, s, d, place):
                return d.value, work.text[d.start:d.end]
    if inside:
        # "... (25th Jan, 2025) ... had a call on January 24": the date the engagement is "on" wins
        on = [d for d in inside if re.search(r"\b(?:on|of)\s+(?:the\s+)?$", work.text[max(s.start, d.start - 25):d.start],
                                             re.I)]
        d = (on or inside)[0]
        return d.value, work.text[d.start:d.end]
    if not fallback:
        return None, None
    head = datelines.head_date(work, s, place)
    return (head.value, work.text[head.start:head.end]) if head is not None else (None, None)


def _recalled(work: Work, s: Sentence, drafts: list[EngagementDraft], etype: str,
              modality: str) -> EngagementDraft | None:
    """An earlier engagement of the same people that the document recalls with its date ("The two
    leaders had last met on the sidelines of the G20 Summit in Bali last November"): reported as an
    engagement of its own, marked ``reported_as="earlier"``. Only when it names no one new, so it is
    never mistaken for the document's main engagement; future ones ("will meet") are not recorded."""
    text = work.stext(s)
    if re.search(r"\b(?:will|would|next|upcoming|plans? to)\b", text, re.I):
        return None
    when = [d for d in work.dates if s.start <= d.start < s.end]
    if not when:
        return None
    main = drafts[0]
    named = [i for _sp, i in work.people_in(s.start, s.end)]
    joint = re.search(r"\b(?:the two|both|the) (?:leaders|ministers|sides|presidents|prime ministers)\b|\bthey\b", text,
                      re.I)
    if named and not set(named) <= set(main.participants):
        return None
    if not named and not joint:
        return None
    d = EngagementDraft(id=f"e{len(drafts) + 1}", type=etype, modality=modality, sentence=s.index,
                        span=(s.start, s.end), participants=list(dict.fromkeys(named or main.participants)))
    d.date, d.date_text = when[0].value, work.text[when[0].start:when[0].end]
    d.location = _location(work, s, etype) if modality == "in_person" else None
    d.reported_as = "earlier"
    return d


_ALSO = re.compile(r"\b(?:also|same day|separately|subsequently|later|afterwards|then|another|"
                   r"(?:in|during) the (?:afternoon|evening|morning)|"
                   # one of a series ("In her first call, Ms. Mottley spoke with ...")
                   r"(?:first|second|third|next|final|last) (?:call|conversation|meeting))\b", re.I)
_ATTENDED = re.compile(r"^(?:The|This|Today's|Their)\s+(?:[\w'’-]+\s+){0,3}(?:meeting|summit|talks|call|conversation|"
                       r"session|consultations?|visit|ceremony|dinner|lunch|conference|audience)\s+(?:was|were)\s+(?:also\s+)?"
                       r"(?:attended|joined)\s+by\b|"
                       r"^(?:Participating|Also (?:present|participating|attending)|Present|Attending)\b[^.;]{0,60}?"
                       r"\b(?:were|was)\b|"
                       r"\b(?:was|were) (?:also )?accompanied by\b|"
                       # "Vice Foreign Minister X was present at the meeting", "X also took part in the talks"
                       r"\b(?:was|were) (?:also )?present\b|\b(?:also )?(?:took part|participated|attended|joined)(?: in)? "
                       r"(?:the|this|that) (?:meeting|talks|call|conversation|consultations)\b|"
                       # "Undersecretary X accompanied Minister Y during the meeting", "X and Y also attended."
                       r"\baccompanied\b[^.;]{3,80}?\b(?:during|at|in|to) (?:the|this) (?:meeting|talks|visit|call)\b|"
                       r"\b(?:also )?attended[.!]?\s*$", re.I)
_PRESENT = re.compile(r"\b(?:were|was) (?:present|in attendance)|\b(?:attended|took part|participated|joined)\b|"
                      r"\b(?:was|were) represented by\b|\brepresented (?:the|their|its)\b|\b(?:co-)?chaired by\b|"
                      r"\bdelegation (?:was|were) (?:led|headed) by\b|"
                      r"\bhosted by\b", re.I)


def _fill(work: Work, d: EngagementDraft, s: Sentence, parts: list[int], overwrite: bool) -> None:
    date, date_text = _date_for(work, s, fallback=False)
    if date and (overwrite or not d.date):
        d.date, d.date_text = date, date_text
    loc = _location(work, s, d.type) if d.modality == "in_person" else None
    if loc and (overwrite or not d.location):
        d.location = loc
    init = _initiator(work, s, parts)
    if init and (overwrite or not d.initiator):
        d.initiator = init


def _within_visit(visit: EngagementDraft, day: str) -> bool:
    """Is ``day`` the visit's day, or one of a span of days the visit is dated by (a visit "from March 3-5" and
    talks "on March 4"; a visit "on 14 June" and a meeting "on 15 June" are two engagements)?"""
    start = visit.date
    if day == start:
        return True
    if start is None or len(start) != 10 or len(day) != 10 or not re.search(
            r"\d\s*(?:-|–|—|to|and)\s*\d", visit.date_text or ""):
        return False
    return 0 <= (dt.date.fromisoformat(day) - dt.date.fromisoformat(start)).days <= 6


# a sentence set within a visit already reported: whom it names meeting the visitor are the visit's hosts
_DURING_VISIT = re.compile(r"\W*(?:During|In the course of|While in|Throughout) (?:her|his|their|the|this) "
                           r"(?:[\w-]+ ){0,2}(?:visit|stay|trip|tour)\b", re.I)


def run(work: Work) -> None:
    not_this = _not_this(work)
    seen: set[int] = set()
    drafts: list[EngagementDraft] = []
    context: list[tuple[Sentence, str, str]] = []  # cue sentences without people before the first engagement
    headline: EngagementDraft | None = None  # a primary engagement read from a title line, awaiting its body
    last_sentence = -1
    for s in work.sentences:
        if s.boiler:
            continue
        text = work.stext(s)
        got = _classify(work, text)
        parts = _participants_in(work, s)
        if drafts and parts and _ATTENDED.search(text) and not not_this.search(text):
            # "The meeting was also attended by ...", "Participating in the talks were ...", "The Minister was
            # accompanied by ...": wherever the text lists them, they took part in the engagement it last reported
            d = next((x for x in reversed(drafts) if x.reported_as is None), drafts[0])
            for p in parts:
                if p not in d.participants:
                    d.participants.append(p)
                    seen.add(p)
            last_sentence = s.index
            continue
        if not got and not drafts and context and parts and _PRESENT.search(text):
            # "The 27th EU-Japan Summit took place via video conference. The EU was represented by ..."
            cs, ctype, cmod = context[0]
            d = EngagementDraft(id="e1", type=ctype, modality=cmod, sentence=cs.index, span=(cs.start, cs.end),
                                participants=list(parts))
            for c, _, _ in context:
                _fill(work, d, c, parts, overwrite=False)
            if d.date is None:
                d.date, d.date_text = _date_for(work, cs, fallback=True, place=d.location)
            drafts.append(d)
            seen.update(parts)
            last_sentence = s.index
            continue
        if not got or (drafts and s.index == last_sentence + 1 and parts and _PRESENT.search(text)):
            # "Foreign Minister X of Y and Foreign Minister Z of W were present."
            if drafts and s.index == last_sentence + 1 and parts and _PRESENT.search(text) \
                    and not not_this.search(text) and not re.search(r"\b(?:when|will|would|shall)\b", text):
                for p in parts:
                    if p not in drafts[0].participants:
                        drafts[0].participants.append(p)
                        seen.add(p)
                last_sentence = s.index
                if got and got[1] != "in_person" and drafts[0].modality == "in_person":
                    # "The meeting, which was co-chaired by ..., was held via videoconference."
                    drafts[0].type, drafts[0].modality = got[0], got[1]
                    drafts[0].location = None
            continue
        etype, modality, _matches = got
        neg = not_this.search(text) or (drafts and re.search(r"\b(?:had|have) (?:last |previously |first )?met\b|"
                                                              r"\blast met\b", text, re.I))
        if neg and drafts:
            recalled = _recalled(work, s, drafts, etype, modality)
            if recalled is not None:
                drafts.append(recalled)
            continue
        if not parts:
            if not drafts and s.start < 1500:
                context.append((s, etype, modality))
            continue
        if headline is not None and not work.is_title_line(s):
            # the body sentence that the title line announced: it tells the details
            d = headline
            headline = None
            if etype != "meeting" or d.type in ("meeting", "summit", "other") and modality == d.modality:
                if not (modality == "in_person" and d.modality != "in_person"):
                    d.type, d.modality = etype, modality
            d.sentence, d.span = s.index, (s.start, s.end)
            # the title's unnamed official of a side the body names in full is that person ("Telephone
            # conversation between Prime Minister and President of Kenya" / "... President William Ruto of Kenya")
            named_sides = {work.people[p].title_actor for p in parts if work.people[p].name}
            kept = [q for q in d.participants
                    if work.people[q].name or work.people[q].title_actor is None or work.people[q].title_actor not in named_sides]
            d.participants = list(dict.fromkeys(parts + kept))
            seen.update(parts)
            _fill(work, d, s, d.participants, overwrite=True)
            last_sentence = s.index
            continue
        if drafts:
            new = [p for p in parts if p not in seen]
            visitor = drafts[0].participants[0] if drafts[0].participants else None
            if drafts[0].type == "visit" and modality == "in_person" and (
                    _DURING_VISIT.match(text) or len(drafts) == 1 and (visitor in parts or re.match(
                        r"\W*(?:She|He)\s", text)) and not re.search(
                        r"\b(?:next|following|previous) day\b", text, re.I) and not any(
                        s.start <= dm.start < s.end and drafts[0].date and not _within_visit(drafts[0], dm.value)
                        for dm in work.dates)):
                # "During her stay, the President held talks with X, ... and met Y": the visit's hosts ("the
                # Singaporean leader", unnamed, is the visitor already there); an undated visit ("X has visited
                # Astana ...") takes the day its meetings are told ("X met Y in Astana today (Tuesday 23 April)")
                sides = {work.people[q].affiliation for q in drafts[0].participants}
                new = [p for p in new if work.people[p].name or work.people[p].affiliation not in sides]
                drafts[0].participants.extend(new)
                seen.update(new)
                _fill(work, drafts[0], s, drafts[0].participants, overwrite=False)
                last_sentence = s.index
                continue
            first_ = drafts[0]
            body_between = [x for x in work.sentences[first_.sentence + 1:s.index] if _is_body(work, x)]
            if etype == "visit" and first_.type == "visit" and set(parts) & set(first_.participants) \
                    and len(body_between) <= 2 and not _ALSO.search(text):
                # a standfirst and the lead telling one visit twice ("X travelled to Tallinn to meet Estonian
                # leaders ..." / "X visited Tallinn on Wednesday at the invitation of ..."): one visit, the
                # lead's hosts, date and initiator added to it
                first_.participants.extend(new)
                seen.update(new)
                _fill(work, first_, s, first_.participants, overwrite=False)
                last_sentence = s.index
                continue
            if not new or not _ALSO.search(text) or modality == "in_person" and etype in ("summit", "visit"):
                continue
            prev = drafts[-1]
            same_day = not re.search(r"\b(?:next|following|previous) day\b", text, re.I) and not any(
                s.start <= dm.start < s.end and dm.value != prev.date for dm in work.dates)
            if modality == prev.modality and modality != "in_person" and same_day and (
                    parts[0] in prev.participants or re.match(r"\s*(?:\w+\s+){0,3}(?:he|she)\b", text, re.I)):
                # "Later he spoke with ...": one series of calls by the same person is one engagement
                prev.participants.extend(new)
                seen.update(new)
                last_sentence = s.index
                continue
        d = EngagementDraft(id=f"e{len(drafts) + 1}", type=etype, modality=modality, sentence=s.index,
                            span=(s.start, s.end), participants=list(parts))
        if not drafts:
            for _cs, ctype, cmod in context:
                if cmod != "in_person" and d.modality == "in_person":
                    d.type, d.modality = ctype, cmod
                elif cmod == "in_person" and ctype != "meeting" and d.type == "meeting":
                    d.type = ctype
        _fill(work, d, s, parts, overwrite=True)
        if not drafts:
            for cs, _, _ in context:
                _fill(work, d, cs, parts, overwrite=False)
            if work.is_title_line(s):
                headline = d
        if d.date is None:
            d.date, d.date_text = _date_for(work, s, fallback=True, place=d.location)
        drafts.append(d)
        seen.update(parts)
        last_sentence = s.index
    if not drafts and context:
        lead = _lead_for(work, context[0][0])
        if lead is not None:
            drafts.append(lead)
    if drafts:
        _add_author(work, drafts[0])
        _group_members(work, drafts[0])
        _plural_counterparts(work, drafts[0])
    for k, d in enumerate(drafts):
        if d.type == "talks" and _held_on_sidelines(work, d):
            d.type = "meeting"  # (talks on the sidelines of a summit are a meeting there, told in the next sentence)
        margins = k > 0 and _ON_ITS_MARGINS.search(work.stext(work.sentences[d.sentence]))
        if d.date is None and k > 0 and (margins or re.search(
                r"\b(?:on )?the same day\b|\bthat day\b|\blater (?:that|in the) day\b|"
                r"\b(?:in|during) the (?:afternoon|evening|morning)\b", work.stext(work.sentences[d.sentence]), re.I)):
            d.date, d.date_text = drafts[k - 1].date, drafts[k - 1].date_text
        if margins and d.location is None and d.modality == drafts[k - 1].modality == "in_person":
            d.location = drafts[k - 1].location  # "EAM also called on PM Suga on the margins of the meeting"
        if d.modality == "in_person" and d.location is None and not d.reported_as:
            # a visit's destination before the page's place line (a joint statement issued in New Delhi about a
            # State Visit to the Republic of Korea)
            visited = _visit_place(work, d) if d.type == "visit" else None
            d.location = visited or _place_line(work) or _visit_place(work, d) or _held_place(work, d, drafts) \
                or _dateline_place(work, d) or _here_place(work, d)
        if d.location:
            d.location = _without_article(work, _capital_of(work, d.location))
        if d.date is None and not d.reported_as:
            d.date, d.date_text = _lead_date(work, d)
        if d.date is None and (told := remarks_lead(work, d.sentence)) is not None:
            d.date, d.date_text = _date_for(work, told, fallback=True, place=d.location)
        if d.date is None:
            d.date, d.date_text = _date_for(work, work.sentences[d.sentence], fallback=True, place=d.location)
        if d.initiator is None:
            d.initiator = _initiator_elsewhere(work, d) or _thanked_for_call(work, d) or _headline_caller(work, d)
    work.engagements = drafts


# a sentence opening on the engagement by its noun ("The summit in Beijing came amid ...", "Their phone call ...")
_ENGAGEMENT_NOUN = re.compile(r"\W*(?:The|This|Their|Today's)\s+(?:[\w-]+\s+){0,2}?(?:summit|talks|meeting|call|"
                              r"conversation|visit|video conference)\b")


def _lead_for(work: Work, cs: Sentence) -> EngagementDraft | None:
    """A wire story that names the engagement's people in a sentence of their own next to the one that tells it
    without them: a lead telling what two leaders did together before a sentence naming the engagement by its noun
    ("President Moon Jae-in and Chinese President Xi Jinping agreed Monday to ..." / "The summit in Beijing came
    amid ..."), or the sentence right after one that tells it by sides ("The foreign ministers of Türkiye,
    Azerbaijan and Georgia met in Tbilisi on Sunday ..." / "Turkish Foreign Minister X, his Azerbaijani counterpart
    Y and Georgian Foreign Minister Z discussed ..."). The people: two or more, of two sides or more (a bilateral
    "summit" is a meeting)."""
    body = [x for x in work.sentences if _is_body(work, x) and not work.is_title_line(x)]
    before = next((x for x in reversed(body) if x.index < cs.index), None)
    after = next((x for x in body if x.index > cs.index), None)
    noun = _ENGAGEMENT_NOUN.match(work.stext(cs))
    if noun and before is not None and before.index == cs.index - 1 and _of_sides(work, before):
        people, got = before, _classify(work, noun.group())
    elif after is not None and after.index == cs.index + 1 and _of_sides(work, after):
        people, got = after, _classify(work, work.stext(cs))
    else:
        return None
    if got is None:
        return None
    parts = _of_sides(work, people)
    etype, modality, _m = got
    if etype == "summit" and len({_side_of(work.people[i]) for i in parts}) == 2:
        etype = "meeting"
    d = EngagementDraft(id="e1", type=etype, modality=modality, sentence=cs.index, span=(cs.start, cs.end),
                        participants=parts)
    _fill(work, d, cs, parts, overwrite=True)
    _fill(work, d, people, parts, overwrite=False)
    if d.date is None:
        d.date, d.date_text = _date_for(work, people, fallback=True, place=d.location)
    return d


def _of_sides(work: Work, s: Sentence) -> list[int]:
    """The people a sentence names, when they are two or more of two known sides or more; else none."""
    parts = list(dict.fromkeys(i for _sp, i in work.people_in(s.start, s.end)))
    sides = {_side_of(work.people[i]) for i in parts}
    return parts if len(parts) >= 2 and len(sides) >= 2 and None not in sides else []


_COUNTERPARTS = re.compile(r"\b(?:his|her|their)\s+(?P<sides>(?:[A-Z][\w'’-]*\s+){1,3}(?:(?:and|,)\s+(?:[A-Z][\w'’-]*\s+)"
                           r"{1,3})+)(?:counterparts|colleagues|opposite numbers)\b")


def _plural_counterparts(work: Work, d: EngagementDraft) -> None:
    """"Premier Wen hosted his Japanese and South Korean counterparts ...": for each side the phrase names, the
    first person the text names for that side (an agency's next sentence: "Japanese Prime Minister Yoshihiko Noda
    and South Korean President Lee Myung-bak agreed ...") took part."""
    s = work.sentences[d.sentence]
    m = _COUNTERPARTS.search(work.stext(s))
    if m is None:
        return
    a, b = s.start + m.start("sides"), s.start + m.end("sides")
    sides = list(dict.fromkeys(x.code for x in work.actor_mentions if a <= x.start < b))
    order = sorted(range(len(work.people)), key=lambda i: work.people[i].first)
    for side in sides:
        found = next((i for i in order if work.people[i].name and _side_of(work.people[i]) == side), None)
        if found is not None and found not in d.participants:
            d.participants.append(found)


def _side_of(p: PersonRef) -> str | None:
    role = p.known.role_at(None) if p.known else None
    return p.title_actor or (role.actor if role else None)


# where a visit went: "the visit of American officials to Kyiv", "arrived in Kyiv" (not "visited a centre in X")
_TO_CAPITAL = r"(?:\b(?:visit|trip|travel|journey|came|come)\w*\b[^.;]{0,60}?\bto|\barriv\w*\s+in)\s+"


def _capital_of(work: Work, location: str) -> str:
    """A state named as the place ("arrived in Ukraine on a visit") is its capital when the text says the visit
    went there ("the visit ... to Kyiv"); any other place stays as found."""
    got = work.kb.actor_forms.get(location.lower().removeprefix("the "))
    if got is None or got[1] not in ("name", "alias"):
        return location
    for cap in work.kb.actors[got[0]].capitals:
        m = re.search(_TO_CAPITAL + re.escape(cap) + r"\b", work.text)
        if m:
            return cap
    return location


def _without_article(work: Work, location: str) -> str:
    """A place as the corpus states it, without the article it has in the sentence ("at the Tower of London" is
    "Tower of London"), unless the article is part of its name ("The Hague", "the Kremlin", "the White House")."""
    m = re.match(r"(?:the|The)\s+(?=\S)", location)
    if m is None:
        return location
    head = re.split(r",|\s+in\s+", location, maxsplit=1)[0]
    if head.lower() in work.kb.actor_forms or head.lower() in work.kb.city_forms:
        return location
    return location[m.end():]


def _dateline_place(work: Work, d: EngagementDraft) -> str | None:
    """The city of a news dateline that opens the engagement's own sentence ("TBILISI, 2 March 2010 - The
    OSCE Chairperson-in-Office ... held talks today with ..."): where the page was issued on the day it
    reports, when the sentence names no other place."""
    s = work.sentences[d.sentence]
    m = datelines.NEWS.match(work.text, s.start)
    if m is None:
        return None
    city = next((a for a in work.actor_mentions if a.start == s.start and a.form == "capital"), None)
    if city is None or city.end > m.end():
        return None
    return _capital_as_known(work, city)


def _capital_as_known(work: Work, city: ActorMention) -> str:
    """The capital as the knowledge spells it ("TBILISI" -> "Tbilisi")."""
    written = work.text[city.start:city.end]
    return next((c for c in work.kb.actors[city.code].capitals if c.lower() == written.lower()), written)


_ITS_SIDELINES = re.compile(r"\W*(?:The|This|Their|Today's) (?:[\w-]+ )?(?:meeting|talks|session|encounter)\b[^.;]{0,40}?"
                            r"\b(?:on|at) the (?:sidelines|margins) of\b")


def _held_on_sidelines(work: Work, d: EngagementDraft) -> bool:
    """Does the body sentence after the engagement's tell it was held on the sidelines of something ("Kang held
    talks with Kono on Thursday ... / The meeting, held on the sidelines of a regional security forum, ...")?"""
    nxt = next((x for x in work.sentences[d.sentence + 1:] if _is_body(work, x)), None)
    return nxt is not None and bool(_ITS_SIDELINES.match(work.stext(nxt)))


def _here_place(work: Work, d: EngagementDraft) -> str | None:
    """The capital of the dateline when the engagement's sentence says it took place "here" ("Havana, Mar 12
    (Prensa Latina) Cuban Foreign Minister Bruno Rodriguez held official talks here today with ...")."""
    if not re.search(r"\bhere\b", work.stext(work.sentences[d.sentence])):
        return None
    city = datelines.capital_mention(work, yearless=True)
    return _capital_as_known(work, city) if city else None


# an engagement on the margins of the one the text has just reported: its day and place
_ON_ITS_MARGINS = re.compile(r"\bon the (?:margins|sidelines) of (?:the|this) (?:meeting|summit|talks|conference|visit)\b",
                             re.I)


def _place_line(work: Work) -> str | None:
    """A line near the top that holds nothing but a place: a capital or seat (the Kremlin's "Hanoi"
    under the date), a city the knowledge knows ("New York", "Geneva"), or a city and its state ("Ankara,
    Turkey"), maybe after the date ("May 25, 2023,
    The Kremlin, Moscow") or before it ("Doha / Information Office / 14 December 2019")."""
    for s in work.sentences[:12]:
        line = work.stext(s)
        if len(line) > 60 or "\n" in line:
            continue
        rest = s.start
        for d in work.dates:  # a date heading the line
            if d.start == s.start or (d.start > s.start and not work.text[s.start:d.start].strip()):
                rest = d.end
                break
        rest += len(work.text[rest:s.end]) - len(work.text[rest:s.end].lstrip(" ,"))
        stop = s.end
        for d in work.dates:  # a date ending the line: "New York, 22 September 2023"
            if rest < d.start < s.end and not work.text[d.end:s.end].strip(" ."):
                stop = d.start
                break
        tail = work.text[rest:stop].rstrip(" .,/")
        if not tail:
            continue
        whole = [a for a in work.actor_mentions if a.end == rest + len(tail) and a.form in ("capital", "seat")
                 and (a.start == rest or work.text[rest:a.start] in ("the ", "The "))]
        if whole:
            return tail  # "Washington, DC": one capital, commas and all
        # the line's comma-separated parts, each with the actor mention that is exactly it, if any
        parts: list[tuple[str, ActorMention | None]] = []
        pos = rest
        for piece in re.split(r"[,/]", tail):  # "The Kremlin, Moscow", "Doha / Information Office /"
            lead = len(piece) - len(piece.lstrip())
            word = piece.strip()
            a0 = pos + lead
            exact = [a for a in work.actor_mentions if a.end == a0 + len(word)
                     and (a.start == a0 or work.text[a0:a.start] in ("the ", "The "))]
            parts.append((word, exact[0] if exact else None))
            pos += len(piece) + 1
        if len(parts) > 3 or not all(re.fullmatch(r"(?:[A-Z][\w'’.-]*|of|the|de)(?:\s(?:[A-Z][\w'’.-]*|of|the|de))*", w)
                                     for w, _ in parts):
            continue
        if len(parts) == 2 and (parts[0][1] is None or parts[0][1].form == "capital") and parts[1][1] is not None and parts[1][1].form in (
                "name", "alias") and work.kb.actors[parts[1][1].code].kind == "state" and len(parts[0][0].split()) <= 3:
            return parts[0][0] + ", " + parts[1][0]  # "Ankara, Turkey"
        places = [w for w, a in parts if a is not None and a.form == "capital"]
        if places:
            return places[-1]  # "Hanoi"; "The Kremlin, Moscow" -> Moscow
        if len(parts) <= 2 and parts[0][0].lower() in work.kb.city_forms and (
                len(parts) == 1 or parts[1][1] is not None and parts[1][1].code == work.kb.city_forms[parts[0][0].lower()]):
            return parts[0][0] if len(parts) == 1 else parts[0][0] + ", " + parts[1][0]  # "New York", "Geneva, Switzerland"
        if len(parts) == 1 and parts[0][1] is not None and parts[0][1].form == "seat":
            return parts[0][0]  # "The Kremlin"
    return None


_ELSEWHERE = re.compile(r"\b(?:request|invitation|invite|initiated|initiative|hosted by|(?<!co-)chaired by)\b", re.I)
# a welcome to the host's place told next ("... held talks with Premier Wen at Downing Street. The Prime Minister
# welcomed the Chinese Premier to Downing Street ..."), not one to a meeting's host state around a bilateral on its
# margins
_WELCOMED_TO = re.compile(r"\bwelcomed\b[^.;]{0,80}?\bto (?-i:[A-Z])", re.I)
_MARGINS = re.compile(r"\b(?:margins?|sidelines?)\b", re.I)
# a sentence about the engagement itself: "The phone conversation, which was held at the request of ..."
_SUBJECT_ABOUT = re.compile(r"(?:The|This|Today's|Their)\s+(?:[\w-]+\s+){0,2}(?:call|conversation|discussion|meeting|"
                            r"talks|visit|consultations?)\b")
# a reporter's clause before it: "IRNA's reporter said the call was made at the request of ...", "In Moscow, the
# Russian Foreign Ministry said the call was made at the initiative of ..." (an agency reporting a ministry)
_TOLD_ABOUT = re.compile(r"^(?:[^,.;\"“]{0,30},\s*)?[^,.;\"“]{0,60}?\b(?:said|added|noted|stated|reported)(?: that)?\s+"
                         r"(?=the\s|this\s)")
_ABOUT = re.compile(r"\b(?:call|conversation|discussion|meeting|talks|visit|attendance|participation|summit|trip|"
                    r"consultations?|dialogue)\b", re.I)


_FIRST_PERSON = re.compile(r"\W*(?:(?:Today|Yesterday|This (?:morning|afternoon|evening)|Earlier today|Tonight|On \w+"
                           r"(?: \d{1,2})?)(?: \w+)?,?\s+)?I\s+(?:\w+ly\s+)?(?:met|spoke|had|held|received|hosted|"
                           r"welcomed|visited|called|joined|was|am|have|attended|travelled|traveled)\b")


def _add_author(work: Work, d: EngagementDraft) -> None:
    """"Today I met President X ..." under a byline ("Prime Minister / The Hon Anthony Albanese MP", "Statement by
    Foreign Minister Penny Wong"): the release's author is the "I" who took part (the first participant and the
    narrator): the last person its head names before that sentence and not among the engagement's participants,
    else the first one its signature at the foot names, else the participant a "Statement by X" headline names,
    else the first participant the head names whom the first-person sentence does not ("STATEMENT BY PRESIDENT X
    ON TELEPHONE CONVERSATION WITH PRESIDENT Y" / "This afternoon I held a telephone conversation with President
    Y at his request")."""
    firsts = [x for x in work.sentences[:d.sentence + 4] if _FIRST_PERSON.match(work.stext(x))]
    s = next((x for x in firsts if _classify(work, work.stext(x))), None)
    if s is None and firsts and _headline_author(work, d, firsts[0]) is not None:
        s = firsts[0]  # "Statement by X after his meeting with Y" / "Today I had the pleasure of welcoming Y ..."
    if s is None or s.start > 1500:
        return
    before = [(a, i) for (a, _b), i in work.person_at.items() if a < s.start and i not in d.participants
              and work.people[i].name]
    # "... / Luiz Inácio Lula da Silva / President of the Federative Republic of Brazil": a signature at the foot
    foot = [x for x in work.sentences[-3:] if x.start > s.end and not _is_body(work, x)]
    before = before or [(-a, i) for (a, _b), i in work.person_at.items() if i not in d.participants
                        and work.people[i].name and any(x.start <= a < x.end for x in foot)]
    reordered = False
    if before:
        d.participants.insert(0, max(before)[1])
        d.narrator = d.participants[0]
    else:
        # "Press statement by President Michel ..." over "Today I hosted President Aliyev ...": the headline's
        # author, a participant already
        d.narrator = _headline_author(work, d, s)
        if d.narrator is None:
            # (not an office held "as Prime Minister": the narrator's own capacity)
            told = {i for sp, i in work.people_in(s.start, s.end)
                    if not re.search(r"\bas\s+$", work.text[max(s.start, sp[0] - 4):sp[0]])}
            named = [(a, i) for (a, _b), i in work.person_at.items() if a < s.start and i in d.participants
                     and i not in told and work.people[i].name]
            d.narrator = min(named)[1] if named else None
        if d.narrator is not None and d.participants[0] != d.narrator:
            d.participants.remove(d.narrator)  # the author first: "at his request" is the other's
            d.participants.insert(0, d.narrator)
            reordered = True
    if d.narrator is not None and (d.initiator is None or reordered):
        host = _HOST.search(work.stext(s))
        mine = host is not None and re.search(r"\b(?:I|We)\s*$", host.group("x"))
        d.initiator = f"@{d.narrator}" if mine else _initiator(work, s, d.participants) or d.initiator


def _headline_author(work: Work, d: EngagementDraft, s: Sentence) -> int | None:
    """The participant a title line before ``s`` names first after its author words ("Statement by X ...",
    "Remarks of X ...": cues.yaml speech.header_words)."""
    for line in work.sentences[:s.index]:
        m = author_header(work.kb).search(work.stext(line)) if work.is_title_line(line) else None
        if m:
            named = [i for _sp, i in work.people_in(line.start + m.end(), line.end)]
            return named[0] if named and named[0] in d.participants else None
    return None


def _group_members(work: Work, d: EngagementDraft) -> None:
    """A meeting told of a group of officials ("Foreign Ministers of the Caribbean Community met with Secretary
    Blinken"): an official of that office whom the text goes on to make the subject of a statement ("Jamaica's
    Minister of Foreign Affairs ..., Kamina Johnson Smith, raised ...") took part in it (cues.yaml
    statements.joint_offices: the group's noun and the office kinds it stands for)."""
    offices = work.kb.cues["statements"]["joint_offices"]
    s = work.sentences[d.sentence]
    group = re.search(r"\b(?-i:[A-Z])[\w ]*?\b(?P<noun>" + "|".join(sorted(offices, key=len, reverse=True)) + r")\b",
                      work.stext(s), re.I)
    if group is None or d.modality != "in_person":
        return
    kinds = set(offices[group.group("noun").lower()])
    cues = {c for c in [*work.kb.cues["statements"]["content"], *work.kb.cues["statements"]["act"]] if " " not in c}
    for i, p in enumerate(work.people):
        kind = work.kb.title_kind(p.title) if p.title else None
        if i in d.participants or not p.name or p.first < s.end or not (
                kind in kinds or "minister" in kinds and re.search(r"\bMinister\b", p.title or "")):
            continue
        after = [re.match(r"[\s,]*(?:also\s+)?([a-z]+)", work.text[b:b + 40]) for _a, b in p.mentions]
        if any(m and m.group(1) in cues for m in after):
            d.participants.append(i)


def _is_body(work: Work, s: Sentence) -> bool:
    """A sentence of the body: no boilerplate, and ending as a sentence does (not a byline, timestamp or heading)."""
    return not s.boiler and bool(re.search(r"[.!?][\"”’)]*$", work.stext(s).strip()))


_THANKED_FOR_CALL = re.compile(r"\bthanked (?P<x>[^,.;]{1,60}?) for (?:the|this|his|her|their) (?:phone |telephone |video )?"
                               r"(?:call|conversation)\b", re.I)


def _thanked_for_call(work: Work, d: EngagementDraft) -> str | None:
    """The side a participant thanks for a call made it ("President X thanked President Y for the call"; "Prime
    Minister Modi thanked me for the call" in the caller's own first-person release)."""
    if d.modality == "in_person":
        return None
    for s in work.sentences[d.sentence:]:
        m = _THANKED_FOR_CALL.search(work.stext(s))
        if m is None:
            continue
        if m.group("x").lower() == "me":
            return f"@{d.narrator}" if d.narrator is not None else None
        got = _resolve_party(work, s.start + m.start("x"), s.start + m.end("x"))
        if got and (not got.startswith("@") or int(got[1:]) in d.participants):
            return got
    return None


# a headline that names who called whom: "Foreign Secretary calls Egyptian Vice President", "PM phones President X"
_CALLS = re.compile(r"(?P<x>[^,.;:]{2,60}?)\s+" + _CALLED)


def _headline_caller(work: Work, d: EngagementDraft) -> str | None:
    """The side of the participant a call's headline says called ("Foreign Secretary calls ...")."""
    if d.modality != "phone":
        return None
    for s in work.sentences[:d.sentence]:
        m = _CALLS.match(work.stext(s)) if work.is_title_line(s) else None
        got = _resolve_party(work, s.start + m.start("x"), s.start + m.end("x")) if m else None
        if m and got is None:
            # an office opening the page is no mention: the one participant holding that title
            named = [i for i in d.participants if (work.people[i].title or "").lower() == m.group("x").lower()]
            got = f"@{named[0]}" if len(named) == 1 else None
        if got and got.startswith("@") and int(got[1:]) in d.participants:
            return got
    return None


def _initiator_elsewhere(work: Work, d: EngagementDraft) -> str | None:
    """An initiator told outside the engagement sentence: the next sentence ("The discussion followed
    President Putin's request"), or a sentence about the engagement that says at whose invitation or who hosted
    it ("The trilateral meeting, hosted by Japan, marks ...")."""
    # the next sentence of the body (a timestamp or header line in between is not one)
    nxt = next((s.index for s in work.sentences if s.index > d.sentence and _is_body(work, s)), d.sentence + 1)
    for s in work.sentences:
        if s.index <= d.sentence:
            continue
        t = work.stext(s)
        welcome = s.index == nxt and _WELCOMED_TO.search(t) and not _MARGINS.search(work.text[d.span[0]:d.span[1]])
        if not (_ELSEWHERE.search(t) or welcome):
            continue
        told = _TOLD_ABOUT.sub("", t)
        if s.index != nxt and not (_ABOUT.search(t) and (
                re.search(r"\bat the invitation of\b", t)
                or _SUBJECT_ABOUT.match(told[:1].upper() + told[1:])
                and re.search(r"\bat the (?:request|initiative) of\b|\bhosted by\b", t))):
            continue
        if s.index != nxt and re.search(r"\b(?:will|would|next|future)\b", t):
            continue
        got = _initiator(work, s, d.participants)
        if got:
            return got
    return None
