"""Date expressions, absolute and relative to a publication date."""

from __future__ import annotations

import pytest

import readouts
from readouts.config import Config
from readouts.knowledge import load_knowledge
from readouts.nlp import load_backend
from readouts.stages import dates, segment
from readouts.stages.base import Work

CASES = [
    ("On September 27, 2021, Foreign Minister Ana Lima of Portugal met with X.", None, "2021-09-27"),
    ("On 27 September 2021, Foreign Minister Ana Lima of Portugal met with X.", None, "2021-09-27"),
    ("On the evening of February 3, 2023, Foreign Minister Ana Lima of Portugal had a phone call with X.", None,
     "2023-02-03"),
    # a dateline is the page's issue date: the engagement's when the text says "today" ...
    ("2022-10-31 17:58\nForeign Minister Ana Lima of Portugal met with X today.", None, "2022-10-31"),
    ("OCTOBER 14, 2023\nForeign Minister Ana Lima of Portugal met with X this morning.", None, "2023-10-14"),
    # ... or when its line names the place the engagement took place
    ("LISBON, OCTOBER 14, 2023\nForeign Minister Ana Lima of Portugal met with X in Lisbon.", None, "2023-10-14"),
    # and never of itself, as no publication date is (see the last case)
    ("2022-10-31 17:58\nForeign Minister Ana Lima of Portugal met with X.", None, None),
    # a span of days: the first
    ("On 4-5 September 2024, Foreign Minister Ana Lima of Portugal met with X.", None, "2024-09-04"),
    ("On September 4–6, 2024, Foreign Minister Ana Lima of Portugal met with X.", None, "2024-09-04"),
    ("Foreign Minister Ana Lima of Portugal met with X today.", "2024-03-06", "2024-03-06"),
    ("Foreign Minister Ana Lima of Portugal met with X on Monday.", "2024-03-06", "2024-03-04"),
    ("Foreign Minister Ana Lima of Portugal met with X last November.", "2024-03-06", "2023-11"),
    # "last evening", "last night": the day before the issue date (a Dhaka-style dateline gives it)
    ("Dhaka, 10 March 2011\n\nForeign Minister Ana Lima received a telephone call from X last evening.", None,
     "2011-03-09"),
    ("Foreign Minister Ana Lima of Portugal spoke with X last night.", "2024-03-06", "2024-03-05"),
    # Korean pages: the year first, with full stops
    ("Press Release\n2022.07.12\nForeign Minister Ana Lima of Portugal met with X today.", None, "2022-07-12"),
    # Indonesian style: day/month in brackets, the year the document's
    ("Foreign Minister Ana Lima held a bilateral meeting with X at Wisma Putra (8/8). The visit took place in "
     "August 2019.", "2019-08-09", "2019-08-08"),
    ("Jakarta, Monday (30/3) - Foreign Minister Ana Lima received a phone call from X.", "2020-04-08", "2020-03-30"),
    ("Foreign Minister Ana Lima of Portugal met with X.", "2024-03-06", None),
    # an agency's byline with its date in a cell: the issue date that "on Wednesday" counts back from
    ("Foreign ministers meet in Lisbon\n\nAna Costa   |30.06.2021 - Update : 30.06.2021\n\nLISBON\n\nForeign Minister "
     "Ana Lima of Portugal on Wednesday met X in Lisbon.", None, "2021-06-30"),
    ("Ana Costa | 12.03.2024\n\nForeign Minister Ana Lima of Portugal spoke with X by phone on Monday.", None,
     "2024-03-11"),
    # a wire's live report under its dateline: the engagement is under way on the dateline's day
    ("9 APR 2024, 11:05\n\nMOSCOW, April 9. /TASS/. Foreign Minister Ana Lima of Portugal and X are holding talks in "
     "Moscow.", None, "2024-04-09"),
]


@pytest.mark.parametrize("text,published,want", CASES)
def test_engagement_date(text: str, published: str | None, want: str | None) -> None:
    text = text.replace(" X", " President Emmanuel Macron of France")
    rec = readouts.extract(text, {"published": published})
    assert rec.engagements[0].date == want


def _dated(text: str) -> Work:
    """The text through the segment and dates stages."""
    work = Work(text=text, kb=load_knowledge(), doc=next(load_backend(Config().model).tokens([text])))
    segment.run(work)
    dates.run(work)
    return work


def test_a_weekday_a_sentence_announces_is_the_coming_one() -> None:
    text = ("KYODO NEWS - Jul 18, 2022\n\nTOKYO - Japanese Foreign Minister Yoshimasa Hayashi and his South Korean "
            "counterpart Park Jin held talks on Monday in Tokyo. Park is scheduled to meet Prime Minister Fumio Kishida "
            "on Tuesday. He met Vice Minister Mori on Sunday.")
    work = _dated(text)
    got = {work.text[d.start:d.end]: d.value for d in work.dates}
    assert got["on Monday"] == "2022-07-18"
    assert got["on Tuesday"] == "2022-07-19"  # announced: the coming Tuesday
    assert got["on Sunday"] == "2022-07-17"  # told: the last Sunday


def test_a_weekday_after_reported_future_words_is_still_told() -> None:
    work = _dated("7 February 2017\n\nRussia and Armenia will continue coordinating their positions, Foreign Minister "
                  "Sergey Lavrov said following talks with his counterpart on Tuesday.")
    got = {work.text[d.start:d.end]: d.value for d in work.dates}
    assert got["on Tuesday"] == "2017-02-07"


def test_a_date_line_may_carry_the_pages_section_after_a_bullet() -> None:
    from readouts.stages.dates import _date_line

    assert str(_date_line("September 19, 2023 • Statements and Releases")) == "2023-09-19"
    assert str(_date_line("SEPTEMBER 19, 2023 • STATEMENTS AND RELEASES")) == "2023-09-19"
    assert _date_line("September 19, 2023 • The President met the leaders of Central Asia in New York today") is None
