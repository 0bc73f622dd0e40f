"""Lines broken mid-sentence by a page's layout are one sentence; headings and list lines stay apart.
Texts written for these tests."""

from __future__ import annotations

import readouts

WRAPPED = """Press Statement
Ministry of Foreign Affairs

On 12 May 2024, Foreign Minister Penny Wong met with Foreign Minister Winston Peters of New
Zealand in Canberra. The two ministers agreed to deepen cooperation on maritime security and to
hold annual consultations on the Pacific.
"""


def test_a_soft_wrap_does_not_end_the_sentence() -> None:
    rec = readouts.extract(WRAPPED)
    texts = [a.text for e in rec.engagements for a in e.agreements]
    assert any("hold annual consultations on the Pacific" in t for t in texts), texts
    assert any(t.startswith("deepen cooperation on maritime security") for t in texts), texts
    eng = rec.engagements[0]
    assert {p.affiliation for p in eng.participants} == {"AUS", "NZL"}
    for a in (x for e in rec.engagements for x in e.agreements):
        assert rec.document.text[a.span[0]:a.span[1]] == a.text


def test_headings_stay_lines_of_their_own() -> None:
    from readouts.stages.segment import _paragraphs

    text = "Press Statement\nMinistry of Foreign Affairs\nThe minister met\nhis counterpart.\n- a list item\n- another"
    lines = [text[a:b] for a, b in _paragraphs(text)]
    assert lines == ["Press Statement", "Ministry of Foreign Affairs", "The minister met\nhis counterpart.",
                     "- a list item", "- another"]


def test_an_agreed_item_ends_where_a_discussion_begins() -> None:
    text = ("On 4 June 2024, Prime Minister Anthony Albanese spoke with Prime Minister Christopher Luxon of New "
            "Zealand. The two leaders reaffirmed their support for the Pacific Islands Forum, and discussed next "
            "steps on climate finance.")
    items = [a.text for e in readouts.extract(text).engagements for a in e.agreements]
    assert items == ["reaffirmed their support for the Pacific Islands Forum"], items
