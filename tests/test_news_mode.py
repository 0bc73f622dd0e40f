"""Which sentences of a document the event coder reads as news. Texts written for these tests."""

from __future__ import annotations

import readouts

NEWS = ("ROME (Reuters) - Heavy rain caused deadly floods across northern Italy on Wednesday, killing at least 14 "
        "people, officials said. Italian Prime Minister Giorgia Meloni cut short a trip to Japan to oversee the "
        "response. The European Union offered emergency assistance to Italy.")


def _events(text: str) -> list[tuple[str | None, str | None, str]]:
    return [(e.source, e.target, e.cameo) for e in readouts.extract(text).events]


def test_news_that_mentions_one_persons_trip_is_still_coded_as_news() -> None:
    # "cut short a trip to Japan" reads as an engagement of one side only: the sentences are still news
    got = _events(NEWS)
    assert any(src == "EU" and tgt == "ITA" and code.startswith("03") for src, tgt, code in got), got


def test_the_datelines_city_is_nobodys_act_and_a_trip_cut_short_reduces_no_relations() -> None:
    got = _events(NEWS)
    assert not any(src == "ITA" for src, _tgt, _code in got), got


def test_a_readout_with_two_sides_codes_its_statements_not_its_narration_twice() -> None:
    text = ("Foreign Minister Sergey Lavrov held talks with Foreign Minister Sameh Shoukry of Egypt in Moscow on "
            "November 21, 2023. Sameh Shoukry informed his counterpart about Egypt's efforts to deliver aid.")
    got = _events(text)
    assert got.count(("EGY", "RUS", "064")) <= 1, got


def test_a_question_reports_no_event() -> None:
    text = ("Reuters: Will Foreign Minister Wang Yi meet Secretary Antony Blinken in Vientiane next month?\n\n"
            "Spokesperson: China urges the Philippines to stop its provocations.")
    got = _events(text)
    assert not any(code.startswith("03") for _s, _t, code in got), got
    assert any(src == "CHN" and tgt == "PHL" for src, tgt, _code in got), got


def test_a_two_letter_actor_before_a_dash_is_no_dateline() -> None:
    got = _events("US - China talks resumed as the United States urged China to stop its provocations.")
    assert ("USA", "CHN", "020") in got, got
