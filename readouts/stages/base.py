"""The partial record that flows through the stages, and the small types the stages share.

A stage is a function ``run(work: Work) -> None`` that reads some fields of ``work`` and fills others;
``readouts.pipeline`` is the only place that knows their order. No stage imports another stage.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from ..model import Agreement, Event, Statement, Topic

if TYPE_CHECKING:
    from ..knowledge import Knowledge, Person

__all__ = ["SAY", "without_reporter", "ActorMention", "author_header", "DateMention", "EngagementDraft", "PersonRef", "Sentence", "Work",
           "words_re"]

# the verbs of saying that follow a quotation ('"...," X said', '"...," said X')
SAY = "said|says|added|adds|noted|notes|stressed|stresses|stated|states|emphasized|emphasised"


def words_re(phrases: list[str] | tuple[str, ...], escape: bool = True) -> re.Pattern[str]:
    """One case-insensitive regex matching any of ``phrases`` on word boundaries (longest first)."""
    alts = sorted({p for p in phrases if p}, key=len, reverse=True)
    body = "|".join(re.escape(p) if escape else p for p in alts) or "(?!x)x"
    return re.compile(r"(?<![\w])(?:" + body + r")(?![\w])", re.I)


def author_header(kb: Any) -> re.Pattern[str]:
    """The words of a header that names a release's author before the name ("Statement by", "Remarks of":
    cues.yaml speech.header_words), kept on the knowledge."""
    cache = kb.__dict__.setdefault("_cache", {})
    if "author_header" not in cache:
        words = "|".join(re.escape(str(w)) for w in kb.cues["speech"]["header_words"])
        cache["author_header"] = re.compile(r"\b(?:" + words + r")\s+(?:of|by|from)\b", re.I)
    return cast("re.Pattern[str]", cache["author_header"])


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    para: int
    boiler: bool = False  # a site menu, breadcrumb or cookie line, not the readout


@dataclass
class ActorMention:
    start: int
    end: int
    code: str
    form: str  # name | alias | adjective | capital | seat | body


@dataclass
class PersonRef:
    """One person the document talks about, with every mention of them."""

    name: str | None
    title: str | None
    affiliation: str | None = None
    known: Person | None = None
    name_span: tuple[int, int] | None = None
    title_span: tuple[int, int] | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    role_kind: str | None = None
    title_actor: str | None = None  # the side the title itself names ("Russian Foreign Minister")

    @property
    def first(self) -> int:
        return min(m[0] for m in self.mentions) if self.mentions else 1 << 30

    @property
    def span(self) -> tuple[int, int]:
        if self.name_span:
            return self.name_span
        if self.title_span:
            return self.title_span
        return self.mentions[0] if self.mentions else (0, 0)

    @property
    def label(self) -> str:
        """The speaker label: the name, else the title as the text gives it."""
        if self.name:
            return self.name
        return self.title or "unknown"


@dataclass
class DateMention:
    start: int
    end: int
    value: str  # YYYY-MM-DD or YYYY-MM
    relative: bool = False


@dataclass
class EngagementDraft:
    id: str
    type: str
    modality: str
    sentence: int
    span: tuple[int, int]
    participants: list[int] = field(default_factory=list)  # indexes into work.people
    date: str | None = None
    date_text: str | None = None
    location: str | None = None
    initiator: str | None = None
    topics: list[Topic] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    reported_as: str | None = None  # "earlier": an earlier engagement the document recalls
    narrator: int | None = None  # the "I" of a first-person release ("Today I met ..."): its author, a participant


@dataclass
class Work:
    """The document and everything extracted from it so far."""

    text: str
    kb: Knowledge
    original: str | None = None  # the input as given, when ``text`` is a case-restored shadow of it
    published: dt.date | None = None
    context: dict[str, Any] = field(default_factory=dict)
    doc: Any = None  # the spaCy Doc: tokens only
    ner: Any = None  # callable: list of texts -> list of [(start, end, label)], the named-entity model
    entities: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, label) in text offsets
    sentences: list[Sentence] = field(default_factory=list)
    actor_mentions: list[ActorMention] = field(default_factory=list)
    people: list[PersonRef] = field(default_factory=list)
    person_at: dict[tuple[int, int], int] = field(default_factory=dict)  # mention span -> people index
    dates: list[DateMention] = field(default_factory=list)
    yearless: list[tuple[int, int, int, int]] = field(default_factory=list)  # (start, end, month, day) with no year
    home: str | None = None  # the publishing side, when it can be told
    engagements: list[EngagementDraft] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    joint_spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, cue) of joint clauses

    def sentence_of(self, pos: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= pos < s.end:
                return s
        return None

    def stext(self, s: Sentence) -> str:
        return self.text[s.start:s.end]

    def is_title_line(self, s: Sentence) -> bool:
        """A headline: near the top and without sentence-final punctuation ("Wang Yi Meets with ..."), or
        beginning as headlines that name the engagement do (cues.yaml headlines.heads: "Readout of ...",
        "Meeting with Nikol Pashinyan, Prime Minister of the Republic of Armenia.")."""
        t = self.stext(s)
        return s.start < 1500 and (not re.search(r"[.!?][\"”’)]*$", t) or bool(self._headline_heads().match(t)))

    def _headline_heads(self) -> re.Pattern[str]:
        cache = self.kb.__dict__.setdefault("_cache", {})
        if "headline_heads" not in cache:
            cache["headline_heads"] = words_re(self.kb.cues["headlines"]["heads"])
        return cast("re.Pattern[str]", cache["headline_heads"])

    def people_in(self, start: int, end: int) -> list[tuple[tuple[int, int], int]]:
        """(mention span, person index) for the person mentions inside [start, end), in text order."""
        return sorted(((sp, i) for sp, i in self.person_at.items() if start <= sp[0] and sp[1] <= end))

    @property
    def engagement_date(self) -> dt.date | None:
        for e in self.engagements:
            if e.date and len(e.date) == 10:
                return dt.date.fromisoformat(e.date)
        return self.published


# the reporter's clause that closes a sentence whose content a speaker's cue opened, as agencies layer reported
# speech: "Lavrov said Russia was open to dialogue, the Russian ministry said, without elaborating.", "...,
# officials said.", "..., presidential spokesperson Lee Do-woon told reporters.", "..., the directorate said in a
# statement.", "..., according to the ministry."
_REPORTER_TAIL = re.compile(r",\s+(?:[^,;\"“”]{1,60}?\s+(?:said|says|added|reported|told (?:reporters|journalists|the press))"
                            r"(?:\s+(?:in|on) (?:a|an|the|its) [^,.;\"“”]{1,40})?(?:,\s+(?:without elaborating|citing [^,.;]{1,60}))?"
                            r"|according to (?:(?:the|a|an) )?[^,;\"“”]{1,60}?)[.!]?\s*$")


def without_reporter(text: str, a: int, b: int) -> int:
    """The end of a speaker's content ``a``..``b`` without the reporter's clause closing it (_REPORTER_TAIL)."""
    m = _REPORTER_TAIL.search(text, a, b)
    return m.start() if m and m.start() - a >= 8 else b
