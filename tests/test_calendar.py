"""The calendar stage: engagements dated from the summits and dated roles the knowledge holds, when the
text gives no full date; and the dateline rule (an issue date dates an engagement only when the text
says "today" or the dateline's line places it where it happened). Texts written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

import readouts
from readouts.errors import KnowledgeError


def _date(text: str) -> str | None:
    rec = readouts.extract(text).to_dict()
    assert rec["engagements"], rec
    return rec["engagements"][0]["date"]


@pytest.mark.parametrize("text, want", [
    # no date at all, "today": the summit's first day
    ("The Prime Minister met Prime Minister Narendra Modi of India at the G20 Summit in New Delhi today. "
     "The two leaders discussed trade.", "2023-09-09"),
    # the place before the forum, and a host state rather than a city
    ("President Emmanuel Macron met Prime Minister Narendra Modi on the margins of the Osaka G20 Summit. "
     "They discussed climate finance.", "2019-06-28"),
    ("Prime Minister Anthony Albanese met President Joe Biden at the G20 Summit in Brazil. "
     "They discussed critical minerals.", "2024-11-18"),
    # the forum's ordinal
    ("Prime Minister Narendra Modi met President Cyril Ramaphosa on the sidelines of the 15th BRICS Summit. "
     "They discussed the New Development Bank.", "2023-08-22"),
    # a day and month: the summit gives the year
    ("On July 7, on the sidelines of the BRICS Summit in Rio de Janeiro, Prime Minister Narendra Modi met "
     "President Luiz Inacio Lula da Silva. They discussed energy.", "2025-07-07"),
    # one place, two summits: the participants' dated roles tell them apart (Scholz took office in 2021)
    ("Chancellor Olaf Scholz met Prime Minister Fumio Kishida at the G7 Summit in Elmau. "
     "They discussed Ukraine.", "2022-06-26"),
    # the forum alone: the participants' dated roles leave one summit (Ishiba took office in October 2024,
    # Biden left in January 2025)
    ("President Joe Biden met Prime Minister Shigeru Ishiba at the G20 Summit. They discussed trade.", "2024-11-18"),
    # the place before the forum, a day and month: the summit held on that day, not one two days off
    ("On November 16, Prime Minister Fumio Kishida, who is visiting San Francisco to attend the APEC Economic "
     "Leaders' Meeting, held a meeting with Prime Minister Anthony Albanese of Australia.", "2023-11-16"),
    # a stated weekday picks the summit's day
    ("On Friday, at the G20 Summit in Osaka, Prime Minister Narendra Modi met President Donald Trump. "
     "They discussed trade.", "2019-06-28"),
])
def test_an_engagement_at_a_known_summit_takes_its_date(text: str, want: str) -> None:
    assert _date(text) == want


@pytest.mark.parametrize("text", [
    # "yesterday": some day the text does not name
    "The Prime Minister met Prime Minister Narendra Modi at the G20 Summit in New Delhi yesterday. They discussed trade.",
    # a forum with no place, year or ordinal, and participants in office through many of its summits
    "Prime Minister Narendra Modi met President Vladimir Putin at the BRICS Summit. They discussed energy.",
    # a participant's state or a capital named elsewhere in the sentence is not where the summit was
    "Prime Minister Narendra Modi met President Luiz Inacio Lula da Silva of Brazil on the sidelines of the G20 "
    "Summit. They discussed trade.",
    "Washington and Beijing agree: President Joe Biden met President Xi Jinping at the G20 Summit. They discussed trade.",
    # a summit the knowledge does not hold, even where the roles would leave one
    "President Joe Biden met Prime Minister Shigeru Ishiba at the G20 Summit in Lagos. They discussed trade.",
])
def test_no_summit_date_without_enough_to_tell(text: str) -> None:
    assert _date(text) is None


def test_a_summit_recalled_in_a_call_does_not_date_the_call() -> None:
    text = ("Prime Minister Narendra Modi spoke by phone with President Joe Biden. The two leaders recalled "
            "their meeting at the G20 Summit in Bali and discussed trade.")
    rec = readouts.extract(text).to_dict()
    call = rec["engagements"][0]
    assert call["type"] == "phone_call" and call["date"] is None


_PHUC = ("Prime Minister Nguyen Xuan Phuc and Prime Minister Narendra Modi co-chaired a virtual summit on "
         "December 21. ")


@pytest.mark.parametrize("rest, want", [
    # Phuc was Prime Minister 2016-2021: five Decembers fit; the text's own year picks the latest it names
    ("Prime Minister Phuc recalled that the two countries upgraded their ties in 2016 and thanked India for its "
     "support to Vietnam as ASEAN Chair in 2020.", "2020-12-21"),
    # no year named: left unknown rather than guessed
    ("Prime Minister Phuc thanked India for its support.", None),
    # a future year or a range is not the text's own time
    ("The two leaders agreed to hold the next summit in 2019, and Vietnam will serve on the Council for "
     "2020-2021.", None),
])
def test_a_yearless_day_takes_the_year_the_roles_and_the_text_allow(rest: str, want: str | None) -> None:
    assert _date(_PHUC + rest) == want


@pytest.mark.parametrize("text, want", [
    # an issue date over an undated call is not the call's date
    ("New York\n\n27 December 2013\n\nThe Secretary-General spoke with President Francois Hollande of France "
     "about the situation in the Central African Republic.", None),
    # ... unless the text says "today"
    ("New York\n\n27 December 2013\n\nThe Secretary-General spoke today with President Francois Hollande of "
     "France about the situation in the Central African Republic.", "2013-12-27"),
    # a dateline line that places the engagement where it took place
    ("May 25, 2023, The Kremlin, Moscow\n\nTalks between President Vladimir Putin and President Ilham Aliyev "
     "of Azerbaijan took place in the Kremlin.", "2023-05-25"),
    # a wire dateline opening the sentence of a meeting held elsewhere is only its issue date
    ("SINGAPORE, June 18, 2020 /PRNewswire/ -- Minister for Foreign Affairs Vivian Balakrishnan met "
     "Foreign Minister Sergey Lavrov by videoconference.", None),
])
def test_a_dateline_dates_an_engagement_only_when_the_text_ties_them(text: str, want: str | None) -> None:
    assert _date(text) == want


@pytest.mark.parametrize("edit, message", [
    (lambda d: d["summits"].append({"forum": "G21", "start": "2020-01-01", "end": "2020-01-02"}), "forum"),
    (lambda d: d["summits"].append({"forum": "G20", "start": "2020-01-03", "end": "2020-01-02"}), "start"),
    (lambda d: d["summits"].append({"forum": "G20", "start": "2020-01-01", "end": "2020-01-02", "host": "XXX"}),
     "host"),
    (lambda d: d["forums"]["G20"].pop("meetings"), "meetings"),
])
def test_a_malformed_summit_file_is_a_clear_error(load_edited: Any, edit: Any, message: str) -> None:
    with pytest.raises(KnowledgeError, match=message):
        load_edited("summits.yaml", edit)
