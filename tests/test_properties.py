"""Hypothesis: any string gives a valid record with in-range spans, or a clear InputError — never a crash."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import readouts

_WORDS = ["Foreign Minister", "Wang Yi", "met with", "said,", "The two sides agreed", "that", "NATO",
          "Secretary General", "on Monday", "via video link", "at the latter's request", "China", ".", "\n",
          "President", "Prime Minister KISHIDA Fumio", "stressed", "issues such as", "and", ",", "He", "the Secretary",
          "SAID THAT", "PRIME MINISTER", "MET WITH", "“", "”", '"', "Mr", "H.E.", "Published: 12 March 2024", "|",
          "Home >", "Dato'", "van der", "Al-", "(Athens, 28 November 2024)", "2014/06/17"]


def _check(text: str) -> None:
    try:
        rec = readouts.extract(text, {"published": "2023-05-02"})
    except readouts.InputError:
        assert not text.strip()
        return
    d = rec.to_dict()
    n = len(d["document"]["text"])
    assert d["document"]["text"] == text
    items = list(d["statements"]) + list(d["events"])
    for e in d["engagements"]:
        items += [e] + e["participants"] + e["topics"] + e["agreements"]
    for it in items:
        a, b = it["span"]
        assert 0 <= a <= b <= n
        if "text" in it:
            assert text[a:b] == it["text"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text(text: str) -> None:
    _check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS), max_size=60).map(" ".join))
@example('" stressed Foreign Minister met with')  # a trailing cue with an empty quote before it
def test_readout_like_text(text: str) -> None:
    _check(text)
