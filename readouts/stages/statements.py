"""Stage 6 — statements: every sentence the document attributes to a speaker.

Reads sentences, people, engagements; fills ``work.statements`` (stance comes later).

Attribution patterns (the cue verbs, and the word lists named below in [brackets], from cues.yaml):
  * "X said, CONTENT." / "X said that CONTENT." / "X stressed: CONTENT" — the content after the cue;
  * fronted clauses: "Noting that ..., X said, CONTENT." — the content after the cue;
  * appositives between speaker and cue: "Stoltenberg, NATO Secretary General, said ...";
  * a parenthetical cue inside the content: "Italian companies, the Prime Minister added, are ready ..." —
    the whole sentence;
  * "X welcomed the ...", "X underscored the importance of ..." — the whole sentence is X's act (not when
    the act is the engagement's own cue in the sentence reporting it: "X welcomed Y to NATO Headquarters");
  * "According to X, CONTENT." and "CONTENT, X said." / '"CONTENT," said X.';
  * speakers by reference: a surname, "the Secretary", "He"/"She" (the current speaker, else the
    last person named), "The latter"/"The former" (the engagement's last/first participant);
  * continuation: after "X said, ..." the following sentences of the same paragraph that attribute
    nothing themselves carry on X's statement, whole;
  * a cue ending its paragraph ("Speaking after the meeting, the Foreign Secretary said:") introduces the
    paragraphs after it: a quotation while they open with a quotation mark, a plain text until a heading;
  * joint subjects ("The two sides agreed", "Both sides", "The leaders", "Secretary Blinken and
    Minister Lavrov discussed") give statements of speaker "both sides", affiliation null; a clause of one
    person's own after it (", and the Secretary urged ...") is that person's;
  * a side as subject ("The Chinese side said", "Indonesia also invited Thailand to ...": a side named bare
    with a cue in the past) ends a continuation and is attributed to no person;
  * a reporter's clause ("The Spokesman for the Presidency, Counselor X, stated that ...", "the statement
    said") is nobody's statement; a participant's act it reports ("... that President Y stressed ...",
    "..., where President Y stressed ...") is Y's [statements.reporting_offices, reporters, reporting_verbs];
  * transcripts: a paragraph opening with a participant's label ("President of Russia Vladimir Putin:
    ...") starts that person's turn, which runs over the next paragraphs until another label
    ("QUESTION:", another speaker's).
  * a second predicate of the subject: "X spoke with Y ... and expressed his appreciation ..." (not for
    acts done together: "and discussed" [statements.reciprocal_cues]);
  * participants described, not named: "the Vietnamese Government leader", "Iran's top diplomat" (the one
    participant of that side) [statements.described_offices], "The Head of State" (the one participant
    holding that office; "the Head of our state": of the publishing side); a form of address before a
    speaker ("HE the Nigerian Foreign Minister", "Hon. Foreign Minister X", "Our President") is left aside
    [titles.yaml honorifics and nobility];
  * quotation paragraphs that name no speaker go on with the quotation before them, else with the speaker
    of the paragraph before ('X stressed ... / "We appreciate ..."'), else, at the head of a press
    release's quotes, are its principal's (the publishing side's one participant, named in the paragraph
    before, which reports nobody's words);
  * a paragraph that attributes nothing, opens with no subject of its own (another side, a person, a
    joint subject) and speaks in the first person ("We are ready to ...") goes on in the voice of the
    speaker of the paragraph before;
  * a first-person speech or press statement that never names its speaker (salutations, "I reiterated
    ..."): its sentences (made whole over line breaks) are the speaker's, who is the participant not
    addressed or the one a "Statement by X" header names, else the host side's official by title, or by
    the side's name; salutations, greetings and what both did ("Secretary Pompeo and I met") are left out,
    and so is a paragraph opening with no quotation mark after a speech given as a quotation (the
    publisher's: "During the visit, Minister X also met ...")
    [speech: salutations, greetings, closings, together_verbs, header_words, host_phrases]; a release whose
    engagement its author tells in the first person ("Today I met ..." under "Prime Minister / The Hon X")
    is the author's from that sentence on (the engagements stage's ``narrator``), and "We agreed ..." in it
    is what both did;
  * "His Majesty stressed ..." is the one participant the text styled so; discussing or reviewing
    something "with" the counterpart is done together ("both sides"), not one side's statement.
Only participants speak in a document that reports an engagement; nothing is attributed to a person
merely mentioned.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Statement
from . import datelines
from .agreements import joint_engagement
from .base import SAY, Sentence, Work, author_header, without_reporter, words_re
from .engagements import remarks_lead

__all__ = ["run"]

_ADV = r"(?:\s*(?:also|further|then|again|once again|in turn|moreover|however|has|have|had|[a-z]+ly|,)\b)*"
# the verbs that report speech after it ("..., Wang said." / "..., said Wang."), with cues.yaml
# statements.reporting_verbs ("..., the President of the Republic indicated.")
_SAY = SAY
_PRONOUN = re.compile(r"(?<![\w’'-])(?P<p>He|She|he|she|The latter|The former|the latter|the former)\b")
# a run-in heading before a sentence's subject: "Border issues: The leaders agreed that ..." (a sentence that
# ends as one does: "Related: Secretary General welcomes ..." is a link)
_RUN_IN = r"(?:[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}:\s+)"
_OPEN_Q = "\"“‘'"
# the person told between a cue and its "that": "told his counterpart that ...", "assured them that ..."
_TOLD = (r"(?:him|her|them|(?-i:[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,2})|"
         r"(?:his|her|their|the)\s+(?:[\w-]+\s+){0,2}?(?:counterparts?|guests?|hosts?|sides?|"
         r"delegations?|ministers?|presidents?|leaders?|secretar(?:y|ies)|reporters|journalists|press|media))")
# a transcript's speaker label at the head of a paragraph: "President of Russia Vladimir Putin: ...",
# "SECRETARY BLINKEN: ...", "QUESTION: ..."; every word capitalised but a few joining ones
_TURN = re.compile(r"\s*(?P<who>(?:(?:[A-Z][\w.’'-]*|of|the|and|for|de|da|al|bin|van|von)\s+){0,8}[A-Z][\w.’'-]*)"
                   r"\s*:\s+(?=\S)")


def _alt(words: list[str]) -> str:
    """The words of a cues.yaml list as regex alternatives, in their order."""
    return "|".join(re.escape(str(w)) for w in words)


def _compiled(work: Work) -> dict[str, re.Pattern[str]]:
    cache = work.kb.__dict__.setdefault("_cache", {})
    if "stmt" not in cache:
        st = work.kb.cues["statements"]
        sp = work.kb.cues["speech"]
        sal = sp["salutations"]
        # a participle after "..., X said" that adds no speech of its own ("said, handing over ...")
        after_said = r",\s+(?!(?:" + _alt(st["speech_participles"]) + r")\b)[a-z]+ing\b[^\"”]*"
        cues = sorted(set(st["content"]) | set(st["act"]), key=len, reverse=True)
        cue_alt = "|".join(re.escape(c) for c in cues)
        # the forms of address that may stand before a speaker ("Hon.", "The Rt. Hon.", "H.E.", "Shri", "His
        # Highness Sheikh", "Professor"): the words of titles.yaml honorifics, nobility and styles, in any order, each maybe cut
        # short with a full stop or an apostrophe ("Hon'ble"), the dotted ones also in capitals without dots
        # ("HE", "HRH"), and "our"
        address = sorted(work.kb.honorific_words | work.kb.name_nobility | work.kb.name_styles, key=len, reverse=True)
        address_alt = _alt(address) + "".join(f"|(?-i:{w.replace('.', '').upper()})" for w in address
                                              if "." in w.rstrip(".") and w.replace(".", "").isalpha())
        # the verbs that end an attribution after its content ("..., the President of the Republic indicated.")
        say = _alt(sorted(set(_SAY.split("|")) | set(st["reporting_verbs"]), key=len, reverse=True))
        cache["stmt"] = {
            # "CONTENT, said Wang, ...": a cue before the speaker
            "say_before": re.compile(r",\s*[\"”’]?\s*(?:" + say + r")\s+$"),
            # ... and a speaker of the narrator's own side: "Our President emphasized ..."
            "address": re.compile(r"(?:\b(?:our|" + address_alt + r")(?:\.|['’][a-z]+)?\s+)*$", re.I),
            # (an appositive between commas, or the comma closing one around the name: "Jamaica's Minister of
            # Foreign Affairs, Senator Kamina Johnson Smith, raised ...")
            "after": re.compile(r"^(?:\s*,[^.;:]{1,220}?,|\s*,)?" + _ADV + r"\s*(?P<cue>" + cue_alt + r")(?![\w-])"
                                r"(?P<tail>\s*(?:that\b|,|:|\s+(?:to|with) (?:the )?\w+(?: side)? that\b|\s+" + _TOLD + r"\s+that\b))?",
                                re.I),
            "joint": words_re(st["joint_subjects"]),
            # "The Spokesman for the Presidency, Counselor X, stated that ...": a reporter's clause
            "reporter": re.compile(r"\W*(?:(?P<front>[^,\"“]{0,80}),\s*)?(?:the\s+)?(?:(?:[A-Z][\w.’'-]*|joint|official|"
                                   r"presidential|\w+['’]s)\s+){0,4}?(?:" + _alt(st["reporting_offices"] + st["reporters"]) + r")\b[^;:\"“]{0,120}?\s+(?:also\s+|further\s+)?(?:" +
                                   _alt(st["reporting_verbs"]) + r")\s*(?:that\b|,)?\s*", re.I),
            "side": re.compile(r"^(?:the\s+)?(?:[\w.’'-]+\s+){1,3}(?:" + "|".join(st["side_subjects"]) + r")\b", re.I),
            # "X spoke with Y ... and expressed his appreciation ...": a second predicate of the same subject
            "coord": re.compile(r"^(?P<mid>[^;:\"“”]*?)(?:,\s*|\s+)and\s+" + _ADV + r"\s*(?P<cue>" + cue_alt +
                                r")(?![\w-])"
                                r"(?P<tail>\s*(?:that\b|,|:))?", re.I),
            "cue_any": re.compile(r"(?<![\w-])(?:" + cue_alt + r")(?![\w-])", re.I),
            # "... spoke with the Secretary-General, António Guterres, who commended Barbados for ...": a
            # participant's act in a relative clause after the name
            "who_cue": re.compile(r"\s*,\s*who\s+" + _ADV + r"\s*(?P<cue>" + cue_alt + r")(?![\w-])", re.I),
            "trail": re.compile(r"(?:[,”\"]|,[’'])\s*(?:(?P<cue1>" + say + r")\s+(?P<who1>.{2,80}?)|"
                                r"(?P<who2>[^,]{2,80}?)\s+(?P<cue2>" + say + r"))"
                                r"\s*[.!]?[”\"]?\s*$"),
            # what may follow a speaker's name when the content came before ("..., Wang said at the talks.")
            # '"We have agreed ...," he said, adding that ...': the content before the speaker goes on after the cue
            "adding": re.compile(r"\s*(?:also\s+)?(?:" + say + r"),\s+(?:" + _alt(st["speech_participles"]) + r")\b"),
            "trailing": re.compile(r"\s*(?:also\s+)?(?:" + say + r"|told (?:reporters|journalists|the press|(?:a|the) (?:joint )?"
                                   r"(?:press|news) conference)|wrote)\b(?:\s+(?:at|in|during|after|"
                                   r"on|following|to|before|when)\b[^.\"”]*|" + after_said + r")?[\s\"”’'.!]*$"),
            # "the Vietnamese Government leader", "the Singaporean President": a participant described by side
            # and office
            "described": re.compile(r"(?:\s+[A-Za-z][\w-]*){0,3}?\s+(?:" + _alt(st["described_offices"]) + r")\b",
                                    re.I),
            # a salutation opening a speech or a part of it ("Your Excellency, Secretary Pompeo,", "Ladies and
            # gentlemen,")
            "salute": re.compile(r"\W*(?:(?:" + _alt(sal["possessives"]) + r")\s+(?:" + _alt(sal["styles"]) + r")|" +
                                 _alt(sal["openings"]) + r"|(?:" + _alt(sal["words"]) + r")\b|(?:" +
                                 _alt(sal["addresses"]) + r")\.?\s+(?:" + _alt(sal["offices"]) + r")\b)", re.I),
            # "Secretary Pompeo and I met ...", "We agreed to ...": what both did, told in the speech
            "together": re.compile(r"\W*" + _RUN_IN + r"?(?:We|[A-Z][^,;]{0,60}?\s+and\s+I|I\s+and\s+[^,;]{1,60}?)\s+"
                                   r"(?:(?:" + _alt(sp["together_adverbs"]) + r")\s+)*(?:" + _alt(sp["together_verbs"]) +
                                   r")\b"),
            "header_by": author_header(work.kb),
            # "welcome back to ", "to have you back in ": the host's words before a place
            "host": re.compile(r"\b(?:" + _alt(sp["host_phrases"]) + r")\b[^.;]{0,30}\b(?:to|in)\s+$"),
            # "Secretary Pompeo, Dear Mike, welcome back to Jakarta.", "And a very warm welcome to ..."
            "greeting": re.compile(r"(?:^|[,!]\s*)(?:and\s+)?(?:a\s+(?:very\s+)?warm\s+)?(?:" +
                                   _alt(sp["greetings"]) + r")\b", re.I),
            "closing": re.compile(r"\W*(?:" + _alt(sp["closings"]) + r")\b[^.!]{0,40}[.!]?\W*"),
        }
        cache["stmt_sets"] = ({c.lower() for c in st["content"]}, {c.lower() for c in st["act"]})
        # cues of acts two people do together: "X met Y and discussed ..." is not X's statement alone
        cache["stmt_reciprocal"] = frozenset(str(c).lower() for c in st["reciprocal_cues"])
    return cache["stmt"]


# a relative clause set off by commas, before the second predicate: "..., which had affected thousands, and ..."
_RELATIVE = re.compile(r",\s*(?:which|who|whose|whom|where)\b[^,;]*(?:,\s*|$)")


# the subject of the content before a parenthetical cue ("Italian companies, the Prime Minister added, are ..."):
# one phrase and a comma, no fronted clause ("On trade, Wang said, ...")
_PARENTHETICAL = re.compile(r"[\"“‘']?(?!(?:On|In|At|As|With|For|To|By|From|During|Regarding|Concerning|Noting|"
                            r"Speaking|After|Before|When|While|Given|Turning|Referring|Asked|Responding|Like|Unlike|"
                            r"Despite|Since|If|Although|Though|Because)\b)[A-Z][^,;:.]{0,80},\s*")
# ... and the predicate that follows the cue
_PREDICATE = re.compile(r"\s*(?:is|are|was|were|will|would|shall|should|can|could|must|may|might|has|have|had|"
                        r"remains?|needs?|does|do|did|continues?|stands?|represents?|plays?|offers?|deserves?|"
                        r"reflects?|opens?)\b")


# a quotation opened by a dash, as Nordic releases write it: "- Ukraine's fight is Europe's fight. ..., said X."
_DASH_Q = re.compile(r"\s*[-–—]\s+")


def _content_start(text: str, pos: int) -> int:
    news = datelines.NEWS.match(text, pos)  # "BEIJING, March 30 (Xinhua) -- China is ready ..., Wang Yi said"
    if news:
        pos = news.end()
    dash = _DASH_Q.match(text, pos)
    if dash:
        pos = dash.end()
    while pos < len(text) and (text[pos].isspace() or text[pos] in _OPEN_Q):
        pos += 1
    return pos


class _Attributor:
    def __init__(self, work: Work):
        self.work = work
        self.rx = _compiled(work)
        self.content_cues, self.act_cues = work.kb.__dict__["_cache"]["stmt_sets"]
        self.reciprocal: frozenset[str] = work.kb.__dict__["_cache"]["stmt_reciprocal"]
        parts: list[int] = []
        for e in work.engagements:
            for p in e.participants:
                if p not in parts:
                    parts.append(p)
        self.participants = parts
        # only participants speak: a document that reports no engagement attributes nothing to a person
        self.speakers_allowed = set(parts)
        self.last_person: int | None = None

    def _subjects(self, s: Sentence) -> list[tuple[int, int, str]]:
        """Candidate subjects as (start, end, who) where who is a person index, 'joint', 'side', or a pronoun."""
        w, text = self.work, self.work.text
        out: list[tuple[int, int, str]] = []
        for (a, b), i in w.people_in(s.start, s.end):
            out.append((a, b, str(i)))
        st = w.stext(s)
        for m in self.rx["joint"].finditer(st):
            out.append((s.start + m.start(), s.start + m.end(), "joint"))
        for m in _PRONOUN.finditer(st):
            out.append((s.start + m.start(), s.start + m.end(), m.group("p").lower()))
        out.extend(self._described(s))
        out.sort()
        # "X and Y discussed": two people joined by "and" are a joint subject
        merged: list[tuple[int, int, str]] = []
        for a, b, who in out:
            if merged and who.isdigit() and merged[-1][2].isdigit() and merged[-1][2] != who and \
                    re.fullmatch(r"\s+and\s+(?:the\s+|his\s+|her\s+)?", text[merged[-1][1]:a]):
                merged[-1] = (merged[-1][0], b, "joint")
                continue
            if merged and who.isdigit() and merged[-1][2] == "joint" and re.fullmatch(r"\s+and\s+(?:the\s+|his\s+|her\s+)?", text[merged[-1][1]:a]):
                merged[-1] = (merged[-1][0], b, "joint")
                continue
            merged.append((a, b, who))
        return merged

    def _described(self, s: Sentence) -> list[tuple[int, int, str]]:
        """'the <Adjective> ... leader' naming the one participant of that side, where no name is given."""
        w, text = self.work, self.work.text
        out: list[tuple[int, int, str]] = []
        for am in w.actor_mentions:
            if not (s.start <= am.start < s.end):
                continue
            # "the Vietnamese Government leader", or a possessive: "Iran's top diplomat"
            owner = re.match(r"['’]s\b", text[am.end:s.end])
            if owner is None and (am.form != "adjective" or text[max(s.start, am.start - 4):am.start].lower() != "the "):
                continue
            dm = self.rx["described"].match(text, am.end + (owner.end() if owner else 0), s.end)
            if dm is None or any(a < dm.end() and am.start < b and (i in self.participants or w.people[i].name)
                                 for (a, b), i in w.person_at.items()):
                continue  # a participant's own mention (an unnamed "Vietnamese leader" no one took part as is not)
            sided = [i for i in self.participants if w.people[i].affiliation == am.code]
            if len(sided) == 1:
                out.append((am.start - (0 if owner else 4), dm.end(), str(sided[0])))
        # "The Head of State noted ...", "The Head of our state ...": the one participant holding such an office
        # (of the publishing side's, for "our")
        for hm in re.finditer(r"\b(?:[Tt]he|[Oo]ur) [Hh]ead of (?:(?P<our>our|the) )?(?:(?P<st>[Ss]tate)|(?P<gov>[Gg]overnment))\b",
                              w.stext(s)):
            kind = "head_of_state" if hm.group("st") else "head_of_government"
            a, b = s.start + hm.start(), s.start + hm.end()
            if any(x < b and a < y and (i in self.participants or w.people[i].name)
                   for (x, y), i in w.person_at.items()):
                continue
            holders = [i for i in self.participants
                       if (w.people[i].role_kind or w.kb.title_kind(w.people[i].title)) == kind]
            if w.home and (hm.group("our") == "our" or hm.group().lower().startswith("our") or len(holders) > 1):
                # "our", or two heads of state: the publishing side's ("The head of state also raised ..." in a
                # presidency's own readout)
                holders = [i for i in holders if w.people[i].affiliation == w.home]
            if len(holders) == 1:
                out.append((a, b, str(holders[0])))
        # "The host expressed ...", "The guest thanked ..." (VNA, Xinhua): the one participant of the side that hosted
        # the engagement, and the one of the other side
        for hm in re.finditer(r"\b[Tt]he (?:(?P<host>host)|guest|visitor)\b(?!['’]s|\s+(?:country|city|nation|side|"
                              r"government)\b)", w.stext(s)):
            one = self._host_or_guest(bool(hm.group("host")))
            if one is not None:
                out.append((s.start + hm.start(), s.start + hm.end(), str(one)))
        # "His Majesty stressed ...": the one participant the text styled so ("His Majesty King Abdullah II")
        for hm in re.finditer(r"\b(?:His|Her) (?:Royal )?(?:Majesty|Highness|Holiness)\b", w.stext(s)):
            a, b = s.start + hm.start(), s.start + hm.end()
            if any(b <= x <= b + 1 for (x, _y) in w.person_at):
                continue  # the style of a name that follows: the name is the subject
            styled = set()
            for (x, _y), i in w.person_at.items():
                p = text.rfind(hm.group(), max(0, x - 40), x + len(hm.group()))
                if i in self.participants and x != a and p >= 0 and x - (p + len(hm.group())) <= 15:
                    styled.add(i)  # the style right before the name, or opening its mention
            if len(styled) == 1:
                out.append((a, b, str(styled.pop())))
        return out

    def _host_or_guest(self, host: bool) -> int | None:
        """The one participant of the side that hosted the first in-person engagement (its initiator), or the one
        of the other sides."""
        engs = [e for e in self.work.engagements if not e.reported_as]
        if not engs or engs[0].modality != "in_person" or not engs[0].initiator:
            return None
        side = engs[0].initiator
        got = [i for i in engs[0].participants if (self.work.people[i].affiliation == side) == host]
        return got[0] if len(got) == 1 else None

    def _with_counterpart(self, person: int, s: Sentence, pos: int) -> bool:
        """Whether "with" introduces another side's participant after ``pos`` in sentence ``s`` (or before the
        subject: "With Prime Minister Shmyhal, the High Representative discussed ...")."""
        w = self.work
        side = w.people[person].affiliation
        for (a, _b), i in w.people_in(s.start, s.end):
            if i == person or i not in self.participants or w.people[i].affiliation == side:
                continue
            if re.search(r"\bwith\s+(?:(?:the|his|her|their)\s+)?(?:[\w.'’-]+\s+){0,6}$", w.text[max(s.start, a - 60):a], re.I) \
                    and (a > pos or re.match(r"\W*With\b", w.stext(s))):
                return True
        return False

    def _reports_engagement(self, s: Sentence, pos: int) -> bool:
        """Is the act cue at ``pos`` the engagement's own cue in the sentence that reports it ("X welcomed
        President Y to NATO Headquarters", cues.yaml engagements)?"""
        w = self.work
        if not any(e.sentence == s.index for e in w.engagements if not e.reported_as):
            return False
        cache = w.kb.__dict__["_cache"]
        if "stmt_engagement" not in cache:
            cache["stmt_engagement"] = re.compile("|".join(f"(?:{r['pattern']})" for r in w.kb.cues["engagements"]), re.I)
        return cache["stmt_engagement"].match(w.text, pos, s.end) is not None

    def _said_adding(self, pre: str, after: str) -> bool:
        """Is "pre, X said, after" content on both sides of the cue: a clause of its own before the speaker
        (no fronted "Noting that ...", "On Syria, ...") and a speech participle after ("adding that ...")?"""
        participles = _alt(self.work.kb.cues["statements"]["speech_participles"])
        return len(pre.split()) > 4 and bool(re.search(r",\s*$", pre)) and not re.match(
            r"\W*(?:[A-Z]\w+ing|While|Whereas|As|When|If|Although|After|Before|During|On|In|At|For|Regarding)\b", pre) \
            and bool(re.match(r"\s*(?:" + participles + r")\b", after))

    def _ends_paragraph(self, s: Sentence) -> bool:
        sents = self.work.sentences
        return s.index + 1 >= len(sents) or sents[s.index + 1].para != s.para

    def _resolve(self, who: str, current: int | None) -> int | None:
        if who.isdigit():
            return int(who)
        if who in ("he", "she"):
            return current if current is not None else self.last_person
        eng = self.participants
        if who == "the latter" and eng:
            return eng[-1] if len(eng) > 1 else None
        if who == "the former" and eng:
            return eng[0]
        return None

    def _coordinated(self, who: str, rest: str, b: int, s: Sentence,
                     current: int | None) -> tuple[str, int | None, int, int, str, bool] | None:
        """"X spoke with Y ... and expressed Z": the cue of a second predicate of the subject X."""
        co = self.rx["coord"].match(rest)
        if co is None or who == "joint" or co.group("cue").lower() in self.reciprocal or \
                re.search(r"\b(?:who|which|whose|whom|that|while|when|where|he|she|they)\b",
                          _RELATIVE.sub("", co.group("mid")), re.I) or \
                self.rx["cue_any"].search(co.group("mid")):
            return None  # the first predicate is no cue of its own ("X congratulated Y ... and stated ...")
        person = self._resolve(who, current)
        if person is None or person not in self.speakers_allowed:
            return None
        text = self.work.text
        tail = co.group("tail") or ""
        cue_l = co.group("cue").lower()
        if tail.strip() or (cue_l in self.content_cues and cue_l not in self.act_cues):
            start = _content_start(text, b + co.end())
            continues = True
        else:
            start, continues = b + co.start("cue"), False
        if start >= s.end or not re.search(r"\w", text[start:s.end]):
            return None
        return ("person", person, start, s.end, co.group("cue"), continues)

    def _reported(self, s: Sentence, start: int, current: int | None) -> tuple[str, int | None, int, int, str, bool]:
        """What a reporter (a spokesman, "the statement") says a participant said or did: "... stated that
        President X stressed ...", "..., where President X stressed ...": X's statement. The reporter is no
        speaker: when the clause reports no participant's words, kind 'reported' (nobody's)."""
        text = self.work.text
        starts = [start] + [start + m.end() for m in re.finditer(
            r",\s*(?:where|during which|in which|when|and)\s+", text[start:s.end])]
        for a in starts:
            got = self.attribute(Sentence(index=s.index, start=a, end=s.end, para=s.para), current)
            if got is not None and got[0] in ("person", "joint"):
                return got
        return ("reported", None, s.start, s.end, "", False)

    def individual(self, s: Sentence, after: int,
                   current: int | None) -> tuple[int, tuple[str, int | None, int, int, str, bool]] | None:
        """"The Secretary and Minister X discussed ..., and the Secretary urged ...": a clause of one person's
        own after a joint one, as (where the joint clause ends, the person's attribution)."""
        text = self.work.text
        for m in re.finditer(r",\s*and\s+", text[after:s.end]):
            got = self.attribute(Sentence(index=s.index, start=after + m.end(), end=s.end, para=s.para), current)
            if got is not None and got[0] == "person":
                return after + m.start(), got
        return None

    def _own_statement(self, s: Sentence) -> bool:
        """"In a statement released by the Foreign Office after the meeting, Hague said: ...": a fronted phrase
        naming the statement, then a person as the subject of the cue, is that person's statement, not a
        reporter's clause."""
        m = re.match(r"\W*In (?:a|an|the|his|her|their) [^,;:\"“]{0,120},\s*", self.work.stext(s))
        return m is not None and any(a == s.start + m.end() and who.isdigit() for a, _b, who in self._subjects(s))

    def attribute(self, s: Sentence, current: int | None) -> tuple[str, int | None, int, int, str, bool] | None:
        """(kind, person, start, end, cue, continues) for an attributed sentence, or None.

        kind: 'person' | 'joint' | 'side'."""
        w, text = self.work, self.work.text
        st = w.stext(s)
        # a side as the subject: "The Chinese side said" (not "The Head of Government said", a participant)
        if self.rx["side"].match(st) and not self.rx["joint"].match(st) and \
                not any(x[0] == s.start for x in self._described(s)):
            m = self.rx["after"].match(st[self.rx["side"].match(st).end():])  # type: ignore[union-attr]
            if m:
                # "The Ukrainian side welcomes China's role ..., Zelensky said.": a person's words about his side
                return self._trail(s, current) or ("side", None, s.start, s.end, m.group("cue"), False)
        rep = self.rx["reporter"].match(st)
        if rep and rep.end() < len(st) and not (rep.group("front") and self.rx["cue_any"].search(rep.group("front"))) \
                and not self._own_statement(s):
            return self._reported(s, s.start + rep.end(), current)
        fm = re.search(r"\b(?P<cue>spoke|stated|said|remarked|explained|noted)\b[^.;]*\bas follows\W*$", st)
        if fm:
            # "Prime Minister Kishida spoke at the summit meeting as follows."
            before = [x for x in self._subjects(s) if x[0] < s.start + fm.start() and x[2].isdigit()]
            if before:
                speaker = self._resolve(before[-1][2], current)
                if speaker is not None and speaker in self.speakers_allowed:
                    return ("person", speaker, s.start, s.end, fm.group("cue"), False)
        header = _header_speaker(w, self.rx, s)
        if header is not None and header in self.speakers_allowed and self._ends_paragraph(s):
            # "Statement by Minister for Foreign Affairs Lars Løkke Rasmussen:" — the paragraphs after are his
            return ("person", header, s.end, s.end, "statement by", True)
        m = re.match(r"According to\s+", st)
        if m:
            subs = [x for x in self._subjects(s) if x[0] == s.start + m.end()]
            comma = st.find(",", m.end())
            if subs and comma > 0:
                speaker = self._resolve(subs[0][2], current)
                if speaker is not None and speaker in self.speakers_allowed:
                    begin = _content_start(text, s.start + comma + 1)
                    return ("person", speaker, begin, s.end, "according to", True)
        for a, b, who in self._subjects(s):
            pre = self.rx["address"].sub("", text[s.start:a], count=1)
            pre = re.sub(r"^(?:[\W\d_]*|o\s+)(?=\w|$)", "", pre) if re.match(r"^(?:[\W\d_]+|o)\s", pre) \
                else pre  # "° ", "2. ", "• ", the "o" of a Korean list

            if not pre.strip(" " + _OPEN_Q):
                pre = ""  # '"The President also asked that ...': a quote opens on the subject
            # the subject opens the sentence or its main clause (after a fronted clause and a comma)
            adding = self.rx["adding"].match(text[b:s.end])
            trailing = self.rx["trailing"].match(text[b:s.end]) or adding
            if pre.strip() and not re.search(r",\s*$", pre) and not trailing:
                if not re.fullmatch(r"\s*(?:(?:On|In|At|During|Later|Meanwhile|Also|Separately|Moreover|Furthermore|"
                                    r"Besides|Then|Finally|Lastly|Additionally|For (?:his|her|its|their) part)\b[^,]*,?\s*)",
                                    pre) and not re.fullmatch(r"\s*(?:And|But|So)\s+", pre) and not (
                        re.fullmatch(r"\s*" + _RUN_IN, pre) and re.search(r"[.!?][\"”’)]*\s*$", st)):
                    continue
            rest = text[b:s.end]
            m = self.rx["after"].match(rest)
            if not m:
                got = self._coordinated(who, rest, b, s, current)
                if got is not None:
                    return got
                continue
            cue = m.group("cue")
            tail = m.group("tail") or ""
            cue_l = cue.lower()
            if who == "joint":
                start = _content_start(text, b + m.end()) if tail.strip() else s.start
                return ("joint", None, start if start < s.end else s.start, s.end, cue, False)
            person = self._resolve(who, current)
            if person is None or person not in self.speakers_allowed:
                continue
            if trailing and pre.strip():
                # "..., Wang said." — the content is what came before the speaker
                head = re.sub(r"(?:\s+(?:Mr|Ms|Mrs|Dr|M)\.?|\s+(?:[A-Z][\w.-]*\s+){0,4})\s*$", "",
                              pre) if re.search(r"[”\"’',]\s*(?:(?:Mr|Ms|Mrs|Dr|M)\.?\s*)?(?:[A-Z][\w.-]*\s+){0,4}$", pre) else pre
                end = s.end if adding else s.start + len(head.rstrip(" ,\"”’'"))
                if end - s.start > 3:
                    return ("person", person, _content_start(text, s.start), end, cue, False)
                continue
            if tail.strip() == "," and self._said_adding(pre, text[b + m.end():s.end]):
                # "The sovereignty of Syria should be respected, he said, adding that ...": both halves are his
                return ("person", person, _content_start(text, s.start), s.end, cue, True)
            if tail.strip() == "," and _PARENTHETICAL.fullmatch(pre) and _PREDICATE.match(text, b + m.end(), s.end):
                # "Italian companies, the Prime Minister added, are ready ...": the cue is a parenthesis inside
                # the content, which is the whole sentence
                return ("person", person, _content_start(text, s.start), s.end, cue, True)
            if tail.strip() or (cue_l in self.content_cues and cue_l not in self.act_cues):
                start = _content_start(text, b + m.end())
                if start >= s.end or not re.search(r"\w", text[start:s.end]):
                    if tail.strip() == ":" and self._ends_paragraph(s):
                        # "Speaking after the meeting, the Foreign Secretary said:" — the paragraphs after
                        # are the content (an empty statement here, the run goes on over them)
                        return ("person", person, s.end, s.end, cue, True)
                    continue
                return ("person", person, start, s.end, cue, True)
            if cue_l in self.act_cues:
                if self._reports_engagement(s, b + m.start("cue")):
                    continue  # "X welcomed Y to NATO Headquarters on Tuesday": the engagement, told
                if cue_l in self.reciprocal and self._with_counterpart(person, s, b + m.end()):
                    # "the High Representative discussed the reconstruction ... with Prime Minister Shmyhal": done
                    # together, not one side's statement
                    return ("joint", None, s.start, s.end, cue, False)
                return ("person", person, s.start, s.end, cue, False)
        # "CONTENT, said Wang, also a member of ..."
        for a, _b, who in self._subjects(s):
            m2 = self.rx["say_before"].search(text[s.start:a])
            if m2 and who.isdigit():
                person = self._resolve(who, current)
                if person is not None and person in self.speakers_allowed:
                    return ("person", person, _content_start(text, s.start), s.start + m2.start(),
                            "said", False)
        return self._trail(s, current)

    def _trail(self, s: Sentence, current: int | None) -> tuple[str, int | None, int, int, str, bool] | None:
        """'"CONTENT," X said.' / 'CONTENT, said X.': the content before the speaker named at the end."""
        m = self.rx["trail"].search(self.work.stext(s))
        if m:
            who_span = (s.start + m.start("who1"), s.start + m.end("who1")) if m.group("who1") else (
                s.start + m.start("who2"), s.start + m.end("who2"))
            subs = [x for x in self._subjects(s) if who_span[0] <= x[0] < who_span[1]]
            if subs:
                person = self._resolve(subs[0][2], current)
                if person is not None and person in self.speakers_allowed:
                    a = _content_start(self.work.text, s.start)
                    return ("person", person, a, s.start + m.start(), m.group("cue1") or m.group("cue2"), False)
        for (_a, b), i in self.work.people_in(s.start, s.end):
            m = self.rx["who_cue"].match(self.work.text, b, s.end)
            if m and i in self.speakers_allowed and not re.match(r"(?:presented|handed|delivered)\b", m.group("cue"), re.I):
                # (not a ceremony told of the guest: "..., who presented copies of his credentials")
                return ("person", i, m.start("cue"), s.end, m.group("cue"), False)
        return None


def _header_speaker(work: Work, rx: dict[str, re.Pattern[str]], s: Sentence) -> int | None:
    """The one person a header names and nothing more: "Statement by Foreign Minister X:"."""
    st = work.stext(s)
    if not rx["header_by"].match(st, re.match(r"\W*(?:Press\s+)?", st).end()):  # type: ignore[union-attr]
        return None
    named = work.people_in(s.start, s.end)
    if len(named) != 1 or re.search(r"\w", work.text[named[0][0][1]:s.end]):
        return None
    return named[0][1]


def _side_of(work: Work, s: Sentence) -> str | None:
    """The side named by "The <Adjective> side" at the start of a sentence."""
    for m in work.actor_mentions:
        if s.start <= m.start < s.start + 30:
            return m.code
    return None


def _quote_start(work: Work, s: Sentence, p: Any, out: list[Statement], eng_id: Any) -> None:
    """Attribute the earlier sentences of a quote whose attribution follows its last sentence."""
    earlier = [x for x in work.sentences if x.para == s.para and x.index < s.index]
    found: list[Sentence] = []
    for x in reversed(earlier):
        found.append(x)
        t = work.stext(x)
        if "“" in t or t.startswith('"') or _DASH_Q.match(t) or re.match(r"\s*[‘']", t):
            break
    else:
        return
    for x in reversed(found):
        if any(st.span[0] <= x.start < st.span[1] for st in out):
            continue
        a = _content_start(work.text, x.start)
        out.append(Statement(id="", speaker=p.label, affiliation=p.affiliation, cue=None, text=work.text[a:x.end],
                             engagement=eng_id(a), span=(a, x.end)))


def _narrative_start(work: Work, s: Sentence, att: _Attributor, own: str | None = None) -> bool:
    """Does the sentence open with a subject of its own (a side, a joint subject, "The <Name>")? The speaker's
    own side (``own``) named bare is none: "X thanked China ... Indonesia is facing a surge ..." goes on."""
    st = work.stext(s)
    if att.rx["joint"].match(st) or re.match(r"(?:The|A|An|This|These|That|Those|Both|All)\s+[A-Z]", st):
        return True  # "The United States is serious about ...": the narrator's
    opening = [m for m in work.actor_mentions if s.start <= m.start < s.end and
               (m.start == s.start or (m.start - s.start <= 4 and st.lower().startswith("the ")))]
    return any(m.code != own for m in opening)


def _side_act(work: Work, s: Sentence, att: _Attributor) -> bool:
    """Does the sentence open with a side named bare and a cue verb in the past ("Indonesia also invited
    Thailand to ...", "China stressed ...")? A statement of a side, told by the narrator, which is no
    person's; in the present ("Indonesia hopes China will continue to help") it is the speaker's voice."""
    for m in work.actor_mentions:
        if m.start == s.start and m.form != "adjective":
            cue = att.rx["after"].match(work.text[m.end:s.end])
            if cue is not None and not re.search(r"[^s]s$", cue.group("cue").split()[0]):
                return True
    return False


def _introduced(work: Work, sents: list[Sentence], state: str) -> str | None:
    """The paragraphs "X said:" introduces: a quotation runs while its paragraphs open with a quotation mark,
    a plain text until a heading ("Background", "Notes to editors"). The next state, None at the end."""
    t = work.text[sents[0].start:sents[-1].end].strip()
    if len(sents) == 1 and len(t.split()) <= 8 and not re.search(r"[.!?;:…][\"”’)]*$", t):
        return None
    quoted = t[:1] in _OPEN_Q
    if state == "":
        return "quote" if quoted else "plain"
    return None if state == "quote" and not quoted else state


def _outside_quotes(t: str) -> str:
    """The text with everything in quotation marks left out (a quote left open runs to the end)."""
    out, inside = [], False
    for ch in t:
        if ch == "“":
            inside = True
        elif ch == "”":
            inside = False
        elif ch == '"':
            inside = not inside
        elif not inside:
            out.append(ch)
    return "".join(out)


_FIRST_PERSON = re.compile(r"\b(?:I|me|my|My|myself|we|We|us|our|Our|ours)\b")


def _quote_paragraph(work: Work, sents: list[Sentence]) -> bool:
    """A paragraph that is all quotation and names no speaker ('"We are likely to meet at APEC ...')."""
    t = work.text[sents[0].start:sents[-1].end]
    return t.lstrip()[:1] in ("“", '"') and not re.search(r"[^\W\d_]", _outside_quotes(t))


def _principal(work: Work, att: _Attributor, before: list[Sentence]) -> int | None:
    """The publishing side's one participant, when the paragraph before a quote names them and reports
    nobody's words: the quotes of a press release with no attribution are its principal's."""
    engs = [e for e in work.engagements if not e.reported_as]
    if work.home is None or not engs or not before:
        return None
    own = [i for i in engs[0].participants if work.people[i].affiliation == work.home]
    own = [i for i in own if work.people[i].name] or own  # a named official before a bare title
    if len(own) != 1 or own[0] not in att.speakers_allowed:
        return None
    a, b = before[0].start, before[-1].end
    if own[0] not in [i for _, i in work.people_in(a, b)]:
        return None
    if re.search(r"\b(?:said|says|told|added|stated|according to|quoted)\b", _outside_quotes(work.text[a:b]), re.I):
        return None
    return own[0]


def _voice_paragraph(work: Work, att: _Attributor, sents: list[Sentence], speaker: int) -> bool:
    """A paragraph that goes on in the last speaker's voice: it attributes nothing, opens with no subject
    of its own and speaks in the first person ("We are ready to work closely with Singapore ...")."""
    first = sents[0]
    if att.rx["joint"].match(work.stext(first)) or work.people_in(first.start, min(first.end, first.start + 40)):
        return False
    own = work.people[speaker].affiliation
    if any(first.start <= m.start <= first.start + 4 and m.code != own for m in work.actor_mentions):
        return False  # "The United States ...": another side's doing, told by the narrator
    if any(att.attribute(x, speaker) is not None for x in sents):
        return False
    return any(_FIRST_PERSON.search(_outside_quotes(work.stext(x))) for x in sents)


_SINGULAR = re.compile(r"\b(?:I|me|my|My|myself)\b")


def _speech_units(work: Work) -> list[tuple[int, int, bool]]:
    """The sentences of a speech as (start, end, new paragraph): a sentence the layout broke over lines
    ("It reflects your strong commitment to enhance / bilateral relations with Indonesia.") made whole."""
    units: list[tuple[int, int, bool]] = []
    salute = _compiled(work)["salute"]
    last_para = -1
    for x in work.sentences:
        if x.boiler:
            continue
        t = work.stext(x)
        if units:
            a, b, _np = units[-1]
            prev = work.text[a:b]
            broken = not re.search(r"[.!?;:…][\"”’)]*$", prev) and not salute.match(prev) and \
                (t[:1].islower() or "\n\n" not in work.text[b:x.start])
            if broken:
                units[-1] = (a, x.end, _np)
                last_para = x.para
                continue
        ends = bool(units) and bool(re.search(r"[.!?;…][\"”’)]*$", work.text[units[-1][0]:units[-1][1]]))
        units.append((x.start, x.end, x.para != last_para and (ends or not units)))
        last_para = x.para
    return units


# what joins a second speaker's clause to the first's: "..., while", "..., whereas", "..., and", ";" (then the
# second speaker, maybe after a title: "while Minister Abdelatty noted that ...")
_SECOND = re.compile(r"(?:,\s*(?:while|whereas|and)|;)\s+(?:(?:the|[A-Z][\w.’'-]*)\s+){0,4}$")


def _second_speaker(work: Work, att: _Attributor, st: Statement) -> list[Statement]:
    """"Minister Fidan stressed ..., while Minister Abdelatty noted that ...": a second participant's clause with
    a cue of its own, in the sentence of the first speaker's statement, is the second one's statement."""
    a, b = st.span
    if st.speaker == "both sides":
        return [st]
    for (pa, pb), i in work.people_in(a, b):
        p = work.people[i]
        if pa <= a + 2 or i not in att.speakers_allowed or p.label == st.speaker:
            continue
        sep = _SECOND.search(work.text, a, pa)
        cue = att.rx["after"].match(work.text[pb:b])
        if sep is None or cue is None or _outside_quotes(work.text[a:pa]) != work.text[a:pa]:
            continue
        # "... noted that X": the content after the cue; "... expressed appreciation ...": the whole clause
        start = pb + cue.end() if cue.group("tail") else _clause_start(work.text, sep.start(), pa)
        start += len(work.text[start:b]) - len(work.text[start:b].lstrip())
        first = Statement(id="", speaker=st.speaker, affiliation=st.affiliation, cue=st.cue,
                          text=work.text[a:sep.start()], engagement=st.engagement, span=(a, sep.start()))
        second = Statement(id="", speaker=p.label, affiliation=p.affiliation, cue=cue.group("cue"),
                           text=work.text[start:b], engagement=st.engagement, span=(start, b))
        return [first, *_second_speaker(work, att, second)]
    return [st]


def _clause_start(text: str, sep: int, person: int) -> int:
    """Where the second clause begins: after the joining word ("while", "and") and the space."""
    m = re.match(r"[,;]?\s*(?:while|whereas|and)?\s*", text[sep:person])
    return sep + (m.end() if m else 0)


def _speech(work: Work, att: _Attributor, out: list[Statement], eng_id: Any) -> None:
    """A speech or press statement in the first person that never names its speaker ("It is always an
    honor for me to have you back in Indonesia ..."): its sentences are the speaker's, and the speaker is
    the side that is not addressed: the publishing side's participant, else its official by title or,
    failing that, by the side's name. Salutations, greetings and what both sides did are left out."""
    text = work.text
    units = _speech_units(work)
    if not units:
        return
    rx = att.rx
    words = [text[a:b] for a, b, _ in units]
    saluted = any(rx["salute"].match(t) and t.rstrip().endswith(",") for t in words[:6])
    first = sum(bool(_SINGULAR.search(_outside_quotes(t))) for t in words)
    engs = [e for e in work.engagements if not e.reported_as]
    parts = engs[0].participants if engs else []
    # the speaker's own label ("Volodymyr Zelenskyy: I had a good call with ..."): the one it names before a colon
    labelled = {i for a, b, _ in units if (lab := _TURN.match(text, a, b))
                for _, i in work.people_in(a, a + lab.end("who"))}
    # the addressees: anyone the speech salutes or names beside its own "I"
    addressed = {i for a, b, _ in units for _, i in work.people_in(a, b)
                 if rx["salute"].match(text[a:b]) or _FIRST_PERSON.search(_outside_quotes(text[a:b]))} - labelled
    speaker: int | None = None
    head = [x for x in work.sentences[:3] if rx["header_by"].search(work.stext(x))]
    headed = False
    narrator = engs[0].narrator if engs else None
    if narrator is not None and narrator in att.speakers_allowed:
        speaker, headed = narrator, True  # "Today I met ..." under its author's byline
    elif head:
        named = work.people_in(head[0].start, head[0].end)
        if named and named[0][1] not in addressed:
            speaker = named[0][1]
            # a "Statement by X" header naming a participant, or naming X and nothing else, makes any text in
            # the first person X's
            headed = speaker in parts or _header_speaker(work, rx, head[0]) == speaker
    if headed:
        first = sum(bool(_SINGULAR.search(t)) for t in words)  # his statement may be all quotation
    if first < (1 if headed else 2 if saluted else 3) or (not headed and first < 0.2 * len(units)):
        return
    if speaker is None:
        others = [i for i in parts if i not in addressed]
        if len(others) == 1 and work.people[others[0]].affiliation:
            speaker = others[0]
    if speaker is not None:
        label, side = work.people[speaker].label, work.people[speaker].affiliation
    else:
        away = {work.people[i].affiliation for i in addressed}
        side = work.home if work.home and work.home not in away else None
        if side is None:
            # "welcome back to Jakarta", "to have you back in Indonesia": the host's side
            for m in work.actor_mentions:
                if m.code not in away and rx["host"].search(text[max(0, m.start - 60):m.start]):
                    side = m.code
                    break
        if side is None:
            return
        unnamed = [p for p in work.people if p.name is None and p.title and p.affiliation == side]
        actor = work.kb.actors.get(side)
        label = (unnamed[0].title or side) if unnamed else (actor.name if actor else side)
    if narrator is not None:
        # the narrator's voice begins with the release's first sentence in the first person: the byline and
        # headings above it are nobody's words; "We agreed ..." told by another speaker's continuation is what
        # both did
        begin = next((a for a, b, _ in units if _SINGULAR.search(text[a:b])), units[0][0])
        units = [u for u in units if u[0] >= begin]
        words = [text[a:b] for a, b, _ in units]
        for k, st in enumerate(out):
            if st.speaker not in ("both sides", work.people[narrator].label) and rx["together"].match(st.text):
                out[k] = Statement(id="", speaker="both sides", affiliation=None, cue=None, text=st.text,
                                   engagement=st.engagement, span=st.span)
        # "President Zelenskyy briefed me ... / I undertook to convey his request ...": a sentence in the
        # singular first person is the narrator's, not the carrying on of the speaker before it
        out[:] = [st for st in out if st.cue is not None or st.speaker == "both sides"
                  or not _SINGULAR.search(_outside_quotes(st.text))]
    taken = [st.span for st in out]
    before = len(out)
    narrating = False
    quoted = told = False  # the speech is a quotation; the publisher tells something between its paragraphs
    for (a, b, new_para), t in zip(units, words, strict=True):
        if new_para:
            narrating = False
            # '"... we will present a new package." / During the visit, Minister X also met ...': after a
            # quotation, a paragraph that opens with no quotation mark is the publisher's
            told = quoted and t.lstrip()[:1] not in _OPEN_Q
            quoted = quoted or t.lstrip()[:1] in _OPEN_Q
        if told:
            continue
        if rx["salute"].match(t) and (t.rstrip().endswith(",") or len(t.split()) <= 6):
            continue
        if rx["greeting"].search(t) and \
                not _SINGULAR.search(t):
            continue  # "Secretary Pompeo, Dear Mike, welcome back to Jakarta."
        if rx["together"].match(t):
            narrating = True  # "Secretary Pompeo and I met on an important date. Today, ..."
            if narrator is not None and _JOINT_WE.match(t) and not any(x < b and a < y for x, y in taken):
                # "We agreed to remain in contact.": what both sides did, in the author's telling
                x, y = a + len(t) - len(t.lstrip()), a + len(t.rstrip())
                out.append(Statement(id="", speaker="both sides", affiliation=None, cue=None, text=text[x:y],
                                     engagement=eng_id(x), span=(x, y)))
            continue
        if narrating and not _SINGULAR.search(t):
            continue
        narrating = False
        if len(t.split()) <= 6 and not re.search(r"[.!?][\"”’)]*$", t):
            continue  # "On the bilateral side…", a dateline
        if narrator is not None and not re.search(r"[.!?][\"”’)]*$", t) and any(
                i == narrator for _, i in work.people_in(a, b)):
            continue  # the author's byline or signature: "Luiz Inácio Lula da Silva / President of ..."
        line = work.sentence_of(a)
        if line is not None and line.end >= b and work.is_title_line(line):
            continue  # the page's title: "Minister Wong's meeting with Chinese Foreign Minister Wang Yi"
        if rx["closing"].fullmatch(t):
            continue
        if any(x < b and a < y for x, y in taken):
            continue
        engagement = narrator is not None and a <= engs[0].span[0] < b
        if engagement and not any(c in _OPEN_Q for c in text[max(0, a - 1):a + 1]):
            continue  # "This afternoon I held a telephone conversation with ...": the engagement, told, unquoted
        a = _content_start(text, a)
        out.append(Statement(id="", speaker=label, affiliation=side, cue=None, text=text[a:b],
                             engagement=eng_id(a), span=(a, b)))
    if len(out) > before and side:
        work.home = side  # a speech in the first person is published by its speaker's side


# a joint position in a first-person release: "We agreed ...", "We also decided ..."
_JOINT_WE = re.compile(r"\W*We\s+(?:also\s+|both\s+|further\s+)?(?:agreed|decided|reaffirmed|committed|concurred|pledged|"
                       r"resolved|undertook)\b")


def run(work: Work) -> None:
    att = _Attributor(work)
    text = work.text
    out: list[Statement] = []
    current: int | None = None  # speaker whose statement may continue
    current_act = False  # the current statement is an act ("X welcomed ..."), not reported speech
    follows = False  # "... as follows:": the statement runs on over the next paragraphs
    # after "X said:" ending its paragraph: "" before the first paragraph it introduces, then "quote" or
    # "plain" as that paragraph opens with a quotation mark or not; None otherwise
    introduced: str | None = None
    intro_by: int | None = None  # who "X said:" introduced the paragraphs of quotation for
    cur_para = -1
    eng_starts = [(e.span[0], e.id) for e in work.engagements if not e.reported_as]

    def eng_id(pos: int) -> str | None:
        got = None
        for start, eid in eng_starts:
            if start <= pos:
                got = eid
        return got or (eng_starts[0][1] if eng_starts else None)

    first_eng = min((e.sentence for e in work.engagements), default=0)
    lead = remarks_lead(work, first_eng) if work.engagements else None  # "X said ..." / "X made the remarks when ..."
    narrator = next((e.narrator for e in work.engagements[:1]), None)  # the "I" of a first-person release
    by_para: dict[int, list[Sentence]] = {}
    for s in work.sentences:
        by_para.setdefault(s.para, []).append(s)
    by_label = {work.people[i].label: i for i in att.participants}
    said_by: int | None = None  # the person whose statement holds the last sentence
    quote_speaker: int | None = None  # the speaker of the quotation paragraph we are in
    quote_told = quote_paused = False
    prev_s: Sentence | None = None
    n_out = 0
    turns = False  # a transcript: speaker labels open the turns
    for s in work.sentences:
        if prev_s is not None:
            said_by = by_label.get(out[-1].speaker) if len(out) > n_out and out[-1].span[1] > prev_s.start else None
        prev_s, n_out = s, len(out)
        new_para = s.para != cur_para
        if new_para:
            if follows and introduced is not None:
                introduced = _introduced(work, by_para[s.para], introduced)
                follows = introduced is not None
            if not follows:
                current, intro_by = None, None
            before = by_para.get(cur_para, [])
            cur_para = s.para
            prev_quote, quote_speaker = quote_speaker, None
            quote_told = False  # the quotation's speaker is the one "X said:" named, not inferred
            quote_paused = False  # the paragraph has named another speaker: its "He ..." is theirs
            if follows and introduced == "quote" and intro_by is not None and intro_by != current:
                quote_speaker, quote_told = intro_by, True  # the quotation's next paragraph after a reply it reported
            if s.index > first_eng and not follows:
                sents = by_para[s.para]
                if _quote_paragraph(work, sents):
                    # a paragraph of quotation naming no speaker goes on with the quotation before it, else
                    # with the speaker of the paragraph before, else (at the head of a release's quotes) is
                    # the principal's
                    quote_speaker = prev_quote if prev_quote is not None else said_by if said_by is not None \
                        else _principal(work, att, before)
                elif said_by is not None and _voice_paragraph(work, att, sents, said_by):
                    current, current_act = said_by, False
        if quote_speaker is not None and not quote_paused:
            current, current_act = quote_speaker, False
        if s.boiler:
            current = None  # "(end) aa.ma", "Issued by: ...": page furniture carries no one's statement on
            continue
        if s.index < first_eng and s is not lead:
            # a headline that quotes someone: "Veldkamp: 'Accountability ... starts here'"
            hq = re.match(r"\s*(?P<who>[^:\n]{2,60}?)\s*:\s*[‘“'\"](?P<q>.+?)[’”'\"]?\s*$", work.stext(s))
            if hq:
                named = [i for sp, i in work.people_in(s.start, s.start + hq.end("who"))]
                if named and named[0] in att.speakers_allowed:
                    p = work.people[named[0]]
                    a, b = s.start + hq.start("q"), s.start + hq.end("q")
                    out.append(Statement(id="", speaker=p.label, affiliation=p.affiliation, cue=None,
                                         text=text[a:b], engagement=eng_id(a), span=(a, b)))
            continue
        turn = _TURN.match(work.stext(s)) if new_para else None
        if turn:
            named = [i for (a_, b_), i in work.people_in(s.start, s.start + turn.end("who"))
                     if b_ == s.start + turn.end("who")]  # the label ends with the name
            if named and named[-1] in att.speakers_allowed:
                p = work.people[named[-1]]
                a = s.start + turn.end()
                out.append(Statement(id="", speaker=p.label, affiliation=p.affiliation, cue=None, text=text[a:s.end],
                                     engagement=eng_id(a), span=(a, s.end)))
                current, current_act, follows, introduced = named[-1], False, True, None
                att.last_person = named[-1]
                continue
            if (turn.group("who").isupper() and len(turn.group("who")) > 2) or work.people_in(
                    s.start, s.start + turn.end("who")):
                current, follows, turns = None, False, True  # another voice's label ("QUESTION:", a non-participant's)
        got = att.attribute(s, current)
        if got is None:
            st = work.stext(s)
            if current is not None and current_act and _narrative_start(work, s, att, work.people[current].affiliation):
                current = None  # after "X welcomed ...", "The United States is ..." is narration again
            if current is not None and _side_act(work, s, att):
                current = None  # "Indonesia also invited Thailand to ...": a side's act, told by the narrator
            opener = work.people_in(s.start, min(s.end, s.start + 40))
            if current is not None and opener and re.fullmatch(
                    r"\W*(?:(?:The|the|Mr|Ms|Mrs|Dr|M)\.?\s+)?", work.text[s.start:opener[0][0][0]]) and not (
                    quote_speaker is not None and re.match(r"\s+and\s+I\b", work.text[opener[0][0][1]:s.end])):
                # "Erdoğan is expected to ...", "Mr Wang's visit ...": the narrator again (but in a paragraph of
                # quotation, '"Secretary Manalo and I discussed ..."' is still the speaker's)
                current = None
            if current is not None and re.match(r"\W*It was (?:also |further )?(?:agreed|decided)\b", st):
                current = None
            if current is not None and current != narrator and narrator is not None and _SINGULAR.match(st) \
                    and quote_speaker is None:
                current = None  # "I also raised ...": the author of a first-person release, not the last speaker
            jm = att.rx["joint"].search(st)
            if jm and (jm.start() == 0 or re.search(r",\s*$", st[:jm.start()])) and current is not None and \
                    re.match(r"(?:\s+(?:also|further|then|both|jointly))*\s+(?:"
                             r"(?!(?:need|exceed|proceed|succeed|heed)(?:ed)?\b)\w+ed\b|held|met|spoke|made|took|had|"
                             r"signed|saw|gave|sent|underwent|agreed|exchanged)\b", st[jm.end():]):
                current = None  # "The two leaders also exchanged views ...": narration of a joint act
            if current is not None and not re.match(r"(?:The (?:meeting|talks|call|visit|conversation)|During|Earlier|"
                                                     r"Prior to)\b", st):
                p = work.people[current]
                a = _content_start(text, s.start) if quote_speaker is not None or introduced == "quote" else s.start
                out.append(Statement(id="", speaker=p.label, affiliation=p.affiliation, cue=None,
                                     text=text[a:s.end], engagement=eng_id(a), span=(a, s.end)))
            # remember who was named first (the subject) in the last sentence naming someone, for "He"/"She"
            in_sentence = work.people_in(s.start, s.end)
            if in_sentence:
                att.last_person = in_sentence[0][1]
            continue
        kind, person, a, b, cue, continues = got
        if kind == "reported":
            current, follows = None, False
            continue
        if kind == "side":
            side_code = _side_of(work, s)
            if current is not None and side_code and side_code == work.people[current].affiliation:
                # "Vieira said, ... The Brazilian side hopes ...": the speaker's own side goes on in his voice
                p = work.people[current]
                out.append(Statement(id="", speaker=p.label, affiliation=p.affiliation, cue=cue,
                                     text=text[s.start:s.end], engagement=eng_id(s.start), span=(s.start, s.end)))
                continue
            current, follows = None, False
            continue
        if kind == "joint":
            current, follows = None, False
            own = att.individual(s, a, current)
            if own is not None:
                b, got = own[0], own[1]
            joint_eng = joint_engagement(work, s)  # "Both Ministers agreed": the ministers' engagement
            out.append(Statement(id="", speaker="both sides", affiliation=None, cue=cue, text=text[a:b],
                                 engagement=joint_eng.id if joint_eng else eng_id(a), span=(a, b)))
            if own is None:
                continue
            kind, person, a, b, cue, continues = got
        assert person is not None
        p = work.people[person]
        whole = text[s.start:s.end]
        para_first = next(x for x in work.sentences if x.para == s.para)
        single = len(re.findall(r"[.,!?][’']", whole)) > len(re.findall(r"(?:^|\s)[‘']", whole))
        if a == s.start and (whole.count("”") + whole.count('"') % 2 > whole.count("“") or single
                             or para_first is not s and _DASH_Q.match(work.stext(para_first))):
            # '"Poland is leading by example. Every Ally must ...," he said.', "'Norway is concerned ... I urged
            # ...,' said Ms Huitfeldt.", "- Ukraine's fight is Europe's fight. We must do more, said X.": the quote
            # began earlier
            _quote_start(work, s, p, out, eng_id)
        if continues and b == s.end:
            b = without_reporter(text, a, b)
        out.append(Statement(id="", speaker=p.label, affiliation=p.affiliation, cue=cue, text=text[a:b],
                             engagement=eng_id(a), span=(a, b)))
        current = person
        current_act = not continues
        att.last_person = person
        if quote_speaker is not None and person != quote_speaker and not quote_told:
            quote_paused = True  # '"Premier Wen said ... He set out ...': the paragraph tells who said what
        if introduced == "quote" and intro_by is not None and person != intro_by:
            continue  # '"... The Vice President told me that ...': one the quotation reports, inside it
        # "Prime Minister Kishida spoke at the summit as follows." — the paragraphs after are his
        follows = bool(re.search(r"\bas follows\W*$", text[a:b]))
        introduced = None
        if a == b == s.end and (text[:b].rstrip().endswith(":") or cue == "statement by"):
            follows, introduced, intro_by = True, "", person  # "Speaking after the meeting, the Foreign Secretary said:"
        if follows:
            current_act = False
    narrated = any(e.narrator is not None for e in work.engagements[:1])
    if (not any(st.speaker != "both sides" for st in out) and not turns) or narrated:
        _speech(work, att, out, eng_id)
    out = [x for st in out for x in _second_speaker(work, att, st)]
    # a cue with nothing before or after it ('" stressed the Minister'): no statement
    out = [st for st in out if st.span[0] < st.span[1] and st.text.strip()]
    out.sort(key=lambda x: x.span)
    for k, stmt in enumerate(out, 1):
        stmt.id = f"s{k}"
    work.statements = out
