"""Date expressions, absolute and relative to a publication date."""

from __future__ import annotations

import pytest

import readouts

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
    ("Foreign Minister Ana Lima of Portugal met with X.", "2024-03-06", None),
]


@pytest.mark.parametrize("text,published,want", CASES)
def test_engagement_date(text: str, published: str | None, want: str | None) -> None:
    text = text.replace(" X", " President Emmanuel Macron of France")
    rec = readouts.extract(text, {"published": published})
    assert rec.engagements[0].date == want
