"""readouts.compare: same engagement?, alignment, differences, the JSON contract, the CLI.

Runs on the example pair shipped in the package (two sides' readouts of one invented phone call) and on
small texts written here, with the model-free "lexical" embedder so no model package is needed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import readouts
from readouts.compare import EXAMPLE_PAIR, compare, same_engagement
from readouts.compare.cli import compare as compare_cmd
from readouts.compare.differences import load_tone, tone_words
from readouts.compare.embed import load_embedder
from readouts.model import Comparison, Record

MOFA, STATE = EXAMPLE_PAIR

KEYS = {"same_engagement", "score", "reasons", "a", "b", "matched", "only_a", "only_b", "topics_only_a",
        "topics_only_b", "topics_shared", "differences", "embedder"}
KINDS = {"initiator", "topic", "attribution", "stance", "agreement", "date", "modality", "participants"}

# small texts of our own: the same two ministers on other days, by other means, other sides
OTHER_DAY = ("On March 20, 2023, Foreign Minister Bui Thanh Son held a phone call with U.S. Secretary of State "
             "Antony Blinken. Foreign Minister Bui Thanh Son said that Viet Nam wishes to deepen cooperation in "
             "trade and investment.")
IN_PERSON = ("On March 14, 2023, Foreign Minister Bui Thanh Son met with U.S. Secretary of State Antony Blinken "
             "in Hanoi. Foreign Minister Bui Thanh Son said that Viet Nam wishes to deepen cooperation in trade.")
OTHER_SIDES = ("On March 14, 2023, Foreign Minister Bui Thanh Son held a phone call with Australian Foreign "
               "Minister Penny Wong. Foreign Minister Bui Thanh Son said that Viet Nam wishes to deepen cooperation "
               "in trade and investment with Australia.")


@pytest.fixture(scope="module")
def lexical():
    return load_embedder("lexical")


@pytest.fixture(scope="module")
def mofa() -> Record:
    return readouts.extract(MOFA.read_text(encoding="utf-8"), {"source": MOFA.name})


@pytest.fixture(scope="module")
def state() -> Record:
    return readouts.extract(STATE.read_text(encoding="utf-8"), {"source": STATE.name})


@pytest.fixture(scope="module")
def pair(mofa: Record, state: Record, lexical) -> Comparison:
    return compare(mofa, state, embedder=lexical)


def kinds(c: Comparison, kind: str) -> list:
    return [d for d in c.differences if d.kind == kind]


# --- same engagement --------------------------------------------------------------------------------------

def test_the_example_pair_is_one_engagement_with_reasons(mofa: Record, state: Record) -> None:
    d = same_engagement(mofa, state)
    assert d.same and d.score > 0.9
    text = " | ".join(d.reasons)
    assert "same sides USA–VNM" in d.reasons
    assert "participants in common: Antony Blinken, Bui Thanh Son" in d.reasons
    assert "dates 2023-03-14 and 2023-03-14" in text and "same modality: phone" in text


@pytest.mark.parametrize("text, why", [
    (OTHER_DAY, "dates differ: 2023-03-20 vs 2023-03-14"),
    (IN_PERSON, "modality differs: in person vs phone"),
    (OTHER_SIDES, "different sides: AUS–VNM vs USA–VNM"),
])
def test_a_different_engagement_is_not_the_same_and_says_why(state: Record, text: str, why: str) -> None:
    other = readouts.extract(text)
    d = same_engagement(other, state)
    assert not d.same and d.score < 0.5
    assert why in d.reasons


def test_a_day_apart_across_time_zones_is_the_same_engagement(state: Record) -> None:
    text = MOFA.read_text(encoding="utf-8").replace("On March 14, 2023", "On March 15, 2023")
    d = same_engagement(readouts.extract(text), state)
    assert d.same and any("one day apart" in r for r in d.reasons)


def test_a_missing_date_falls_back_to_the_publication_date(mofa: Record) -> None:
    text = STATE.read_text(encoding="utf-8").replace("March 14, 2023\n", "").replace("spoke today", "spoke")
    undated = readouts.extract(text)
    assert undated.engagements[0].date is None
    d = same_engagement(mofa, undated)
    assert any("no date on B" in r for r in d.reasons)
    late = readouts.extract(text, {"published": "2023-06-01"})
    d2 = same_engagement(mofa, late)
    assert not d2.same and "dates differ: 2023-03-14 (engagement) and 2023-06-01 (published)" in d2.reasons
    soon = readouts.extract(text, {"published": "2023-03-15"})
    assert same_engagement(mofa, soon).same


def test_a_city_inside_the_stated_country_is_not_a_contradiction() -> None:
    a = readouts.extract("On 3 May 2024, Foreign Minister Ana Lima of Portugal met with Spanish Foreign Minister "
                         "José Manuel Albares in Lisbon. Albares said that Spain and Portugal share a vision.")
    b = readouts.extract("On 3 May 2024, Spanish Foreign Minister José Manuel Albares met with Foreign Minister Ana "
                         "Lima of Portugal in Portugal. Lima said that Portugal and Spain are close partners.")
    c = readouts.extract("On 3 May 2024, Spanish Foreign Minister José Manuel Albares met with Foreign Minister Ana "
                         "Lima of Portugal in Madrid. Lima said that Portugal and Spain are close partners.")
    assert same_engagement(a, b).same
    d = same_engagement(a, c)
    assert not d.same and "places differ: Lisbon vs Madrid" in d.reasons


# --- compare ----------------------------------------------------------------------------------------------

def test_json_keys_are_the_contract(pair: Comparison) -> None:
    d = json.loads(pair.to_json())
    assert set(d) == KEYS
    assert d["same_engagement"] is True and d["embedder"] == "lexical"
    assert set(d["a"]) == {"id", "source", "publisher_side", "engagement"}
    assert d["a"]["publisher_side"] == "VNM" and d["b"]["publisher_side"] == "USA" and d["a"]["engagement"] == "e1"
    for m in d["matched"]:
        assert set(m) == {"a", "b", "similarity", "kind"} and m["kind"] in ("statement", "agreement")
    for x in d["differences"]:
        assert set(x) == {"kind", "detail", "a", "b"} and x["kind"] in KINDS and x["detail"]
    assert all(isinstance(p, list) and len(p) == 2 for p in d["topics_shared"])


def test_matched_and_only_partition_the_items(pair: Comparison, mofa: Record, state: Record) -> None:
    ids_a = {s.id for s in mofa.statements} | {f"e1.ag{k}" for k in range(1, len(mofa.engagements[0].agreements) + 1)}
    ids_b = {s.id for s in state.statements}
    got_a = {m.a for m in pair.matched}
    got_b = {m.b for m in pair.matched}
    assert got_a.isdisjoint(pair.only_a) and got_a | set(pair.only_a) == ids_a
    assert got_b.isdisjoint(pair.only_b) and got_b | set(pair.only_b) == ids_b
    # "deepen cooperation in trade, investment ... climate change" is reported by both sides
    texts = {s.id: s.text for s in mofa.statements}
    assert any("deepen cooperation" in texts[m.a] for m in pair.matched if m.kind == "statement")


def test_initiator_stated_by_one_side_only(pair: Comparison) -> None:
    (d,) = kinds(pair, "initiator")
    assert d.a == "USA" and d.b is None and "only the VNM readout" in d.detail


def test_topics_only_one_side_names(pair: Comparison) -> None:
    assert "South China Sea" in pair.topics_only_b and "human rights" in pair.topics_only_b
    assert "Mekong subregion" in pair.topics_only_a
    assert ("trade", "trade") in pair.topics_shared
    assert {d.b for d in kinds(pair, "topic") if d.b} == set(pair.topics_only_b)


def test_attribution_asymmetry(pair: Comparison, mofa: Record) -> None:
    texts = {s.id: s.text for s in mofa.statements}
    unreported = [d for d in kinds(pair, "attribution") if d.b is None]
    assert any("congratulated Viet Nam" in texts[str(d.a)] for d in unreported)
    assert all("the USA readout has no such statement" in d.detail for d in unreported)


def test_tone_difference(pair: Comparison) -> None:
    (d,) = [x for x in kinds(pair, "stance") if x.detail.startswith("tone")]
    assert d.a == ["constructive", "friendly"] and d.b == ["candid"]


def test_agreement_only_one_side_records(pair: Comparison) -> None:
    # "agreed to maintain regular exchanges ... and to prepare well for high-level visits": one item
    got = kinds(pair, "agreement")
    assert {d.a for d in got} == {"e1.ag1"} and all(d.b is None for d in got)


def test_tone_words_need_the_engagement_nearby() -> None:
    assert tone_words("The two ministers had a candid and constructive conversation.") == ["candid", "constructive"]
    assert tone_words("The talks were frank.") == ["frank"]
    assert tone_words("China is positive about the future. We met in Rome.") == []
    assert load_tone().window >= 1


def test_same_record_matches_everything_and_differs_in_nothing(mofa: Record, lexical) -> None:
    c = compare(mofa, mofa, embedder=lexical)
    assert c.same_engagement
    assert c.only_a == [] and c.only_b == [] and c.differences == []
    assert all(m.a == m.b for m in c.matched)
    assert c.topics_only_a == [] and c.topics_only_b == []


def test_mirror(mofa: Record, state: Record, pair: Comparison, lexical) -> None:
    back = compare(state, mofa, embedder=lexical)
    assert back.same_engagement == pair.same_engagement and back.score == pair.score
    assert {(m.b, m.a, m.kind, m.similarity) for m in back.matched} == \
        {(m.a, m.b, m.kind, m.similarity) for m in pair.matched}
    assert back.only_a == pair.only_b and back.only_b == pair.only_a
    assert back.topics_only_a == pair.topics_only_b and back.topics_only_b == pair.topics_only_a
    assert {(y, x) for x, y in back.topics_shared} == set(pair.topics_shared)

    def key(d):
        return d.kind, json.dumps(d.a), json.dumps(d.b)

    assert sorted(key(d) for d in pair.differences) == sorted((d.kind, json.dumps(d.b), json.dumps(d.a))
                                                             for d in back.differences)


def test_no_engagement_on_one_side(mofa: Record, lexical) -> None:
    empty = readouts.extract("The weather in the capital was mild and the markets were calm all week long.")
    c = compare(mofa, empty, embedder=lexical)
    assert not c.same_engagement and c.matched == [] and c.reasons == ["no engagement found in B"]
    assert set(c.to_dict()) == KEYS


# --- CLI --------------------------------------------------------------------------------------------------

def test_cli_text_report() -> None:
    res = CliRunner().invoke(compare_cmd, [str(MOFA), str(STATE), "--embedder", "lexical"])
    assert res.exit_code == 0, res.output
    out = res.output
    assert "same engagement" in out and "participants in common" in out
    assert "reported by both" in out and "South China Sea" in out and "differences" in out and "candid" in out


def test_cli_json_and_stdin() -> None:
    res = CliRunner().invoke(compare_cmd, ["-", str(STATE), "--format", "json", "--embedder", "lexical"],
                             input=MOFA.read_text(encoding="utf-8"))
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert set(d) == KEYS and d["same_engagement"] and d["a"]["source"] == "<stdin>"


@pytest.mark.parametrize("args, needle", [
    (["missing.txt", "__STATE__"], "missing.txt"),
    (["__EMPTY__", "__STATE__"], "empty"),
    (["-", "-"], "only one of A and B"),
    (["__STATE__", "__STATE__", "--published", "May 5"], "not a date"),
])
def test_cli_bad_input_is_one_line(tmp_path: Path, args: list[str], needle: str) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    args = [str(STATE) if a == "__STATE__" else str(empty) if a == "__EMPTY__" else a for a in args]
    res = CliRunner().invoke(compare_cmd, [*args, "--embedder", "lexical"])
    assert res.exit_code == 1
    assert res.exception is None or isinstance(res.exception, SystemExit)
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and needle in lines[0]
    assert "Traceback" not in res.output


def test_examples_pair_lists_the_two_readouts() -> None:
    from click.testing import CliRunner

    from readouts.cli import main

    res = CliRunner().invoke(main, ["examples", "--pair"])
    files = res.output.split()
    assert res.exit_code == 0 and len(files) == 2
    assert all(Path(f).is_file() and Path(f).read_text(encoding="utf-8").strip() for f in files)
