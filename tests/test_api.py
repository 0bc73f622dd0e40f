"""The public API is what readouts.__all__ lists, and it works as documented."""

from __future__ import annotations

import readouts


def test_public_api_is_listed() -> None:
    public = {n for n in dir(readouts) if not n.startswith("_")} - {"cli", "coding", "config", "errors", "io", "knowledge", "lexicon",
                                                                    "model", "nlp", "pipeline", "render", "stages",
                                                                    "store", "api", "web", "compare"}
    assert public <= set(readouts.__all__) | {"annotations"}
    for name in readouts.__all__:
        assert hasattr(readouts, name), name


def test_extract_many_streams_with_context_and_bad_items() -> None:
    texts = [("Prime Minister Ana Lima of Portugal spoke by phone with President Emmanuel Macron of France today.",
              {"id": "a", "source": "a.txt", "published": "2024-02-01"}), "", "Nothing to see here."]
    out = list(readouts.extract_many(texts, batch_size=2))
    assert len(out) == 3
    assert out[0].document.source == "a.txt" and out[0].engagements[0].date == "2024-02-01"
    assert out[0].engagements[0].type == "phone_call"
    assert out[1].engagements == [] and "empty" in out[1].__dict__["error"]
    assert out[2].engagements == []


def test_relative_dates_never_use_the_clock() -> None:
    r = readouts.extract("Foreign Minister Ana Lima of Portugal met with President Emmanuel Macron of France today.")
    assert r.engagements[0].date is None
