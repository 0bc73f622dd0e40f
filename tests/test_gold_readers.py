"""The readers of the event-coding gold (tools/gold_readers.py) on the real files, and its metrics on
hand-made inputs. The counts are those the data folders' SOURCE.md files state."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

import gold_readers as g  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = SHARED / "data"
PETR = DATA / "petrarch-validation"

needs_data = pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data is not beside the repository")


# --------------------------------------------------------------------------------------------------
# readers on the real files
# --------------------------------------------------------------------------------------------------

@needs_data
def test_unittest_ud_records() -> None:
    every = g.read_petr_records(PETR / "PETR.UnitTest.records.udpipe2.xml", sentences_only=False)
    recs = g.read_petr_records(PETR / "PETR.UnitTest.records.udpipe2.xml")
    assert len(every) == 284 and len(recs) == 280
    assert sum(len(r.events) for r in every) == 349
    assert sum(r.noevents for r in every) == 19 and sum(r.error is not None for r in every) == 7
    assert sum(r.error is not None for r in recs) == 7
    demo = next(r for r in recs if r.id == "DEMO_00")
    assert demo.events == [("ARN", "GON", "050")]
    assert demo.date == dt.date(1995, 1, 1)
    assert demo.text.startswith("Arnor is about to restore full diplomatic ties with Gondor almost five years")
    assert "\n" not in demo.text and "  " not in demo.text
    # only <Text> is read: no CoNLL-U line of <Parse> leaks into a text, and every record has one
    assert all(r.text and "\t" not in r.text and "nsubj" not in r.text and "<" not in r.text for r in recs)
    # entities unescaped; the commented-out coding (a `<!--EventCoding ...-->` line) is not gold
    assert any(s == '"INJURY TOLL"' for r in recs for s, _, _ in r.events)
    assert any("&TIETYPE" in r.text for r in recs)
    assert not any("&amp;" in r.text or "&quot;" in r.text for r in recs)
    assert len({r.id for r in recs}) == 280


@needs_data
def test_unittest_ptb_records() -> None:
    every = g.read_petr_records(PETR / "PETR.UnitTest.records.xml", sentences_only=False)
    recs = g.read_petr_records(PETR / "PETR.UnitTest.records.xml")
    assert len(every) == 284 and len(recs) == 279
    assert sum(len(r.events) for r in every) == 359
    assert sum(r.noevents for r in every) == 19 and sum(r.error is not None for r in every) == 7
    demo = next(r for r in recs if r.id == "DEMO-00")
    assert demo.events == [("ARN", "GON", "064")] and demo.attrs["category"] == "DEMO"
    # single-quoted attribute values holding double quotes
    assert ('"INJURY TOLL"', "OSG", "223") in [e for r in recs for e in r.events]


@needs_data
def test_gsr_records() -> None:
    recs = g.read_petr_records(PETR / "PETR2_GSR_validation.xml")
    assert len(recs) == 78 and sum(1 for r in recs if r.text) == 77
    assert sum(len(r.events) for r in recs) == 80 and sum(r.noevents for r in recs) == 12
    assert Counter(r.attrs["category"] for r in recs) == {"OTHER": 23, "AFP": 18, "TEST": 11, "GOLD": 10, "VERB": 8,
                                                          "PASSIVE": 8}
    iraq = next(r for r in recs if r.text.startswith("Iraq's national security advisor met with Syrian President"))
    assert iraq.events == [("IRQGOVMIL", "SYRGOV", "040")]
    met = next(r for r in recs if r.text.startswith("The US, Russia, and Switzerland met yesterday"))
    assert len(met.events) == 6 and {c for _, _, c in met.events} == {"040"}
    assert {(s, t) for s, t, _ in met.events} == {(a, b) for a in ("USA", "RUS", "CHE") for b in ("USA", "RUS", "CHE")
                                                    if a != b}
    first = recs[0]  # a self-closing <Sentence .../> opener whose children follow it
    assert first.id == "AFP0808020625_4" and first.events == [("USA", "CHN", "042")]
    assert first.date == dt.date(2008, 8, 4)


@needs_data
def test_codebook_examples() -> None:
    exs = g.read_codebook_examples(DATA / "cameo-codebook" / "cameo-codes.csv")
    assert len(exs) == 277
    codes = {e.code for e in exs}
    assert "010" in codes and "10" not in codes and all(len(c) in (3, 4) for c in codes)
    brandt = next(e for e in exs if e.code == "012")
    assert "Moscow\u2019s will" in brandt.text and "‚Äô" not in brandt.text
    assert sum(1 for e in exs if "‚Äô" in e.raw or "‚Äú" in e.raw) >= 60
    assert sum(e.unrepaired for e in exs) <= 4
    assert sum(1 for e in exs if "‚Ä" in e.text) <= 4
    phone = next(e for e in exs if e.code == "041")
    assert phone.text.startswith("U.S. Secretary of State Warren Christopher telephoned") and "Note:" not in phone.text
    assert phone.had_note and not any("Note:" in e.text for e in exs)


@needs_data
def test_plover_gsr() -> None:
    recs = g.read_plover_gsr(DATA / "plover-gsr" / "PLOVER_GSR_CAMEO.txt")
    assert len(recs) == 322
    ev = Counter(r.event for r in recs)
    assert "DEMAND" not in ev and ev["REQUEST"] == 34 and ev["AGREE"] == 40 and ev["CONSULT"] == 11
    assert sum(r.event_raw == "DEMAND" for r in recs) == 34
    modes = Counter(r.mode for r in recs if r.event == "CONSULT" and r.mode)
    assert modes == {"visit": 4, "host": 3, "phone": 1, "third-party": 1, "multilateral": 1}
    assert {r.date for r in recs} == {"2000-01-01"}
    vocab = g.read_plover_vocabulary(DATA / "plover-gsr" / "CAMEO2PLOVER-2021.txt")
    assert {"REQUEST", "CONSULT", "AGREE", "ACCUSE"} <= vocab and "DEMAND" not in vocab


# --------------------------------------------------------------------------------------------------
# readers on hand-made input
# --------------------------------------------------------------------------------------------------

def test_blocks_with_comments_and_self_closing_openers(tmp_path: Path) -> None:
    f = tmp_path / "x.xml"
    f.write_text("""<Validation>
# a header comment outside <!-- -->
<Sentences>
<!-- <Sentence id="IN_A_COMMENT" sentence="true"> -->
<Sentence date="20080804" id="A" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<!--EventCoding sourcecode="GON" targetcode="OSG" eventcode="050"-->
<Text>
The  stopover &amp; the &quot;Games&quot;.
</Text>
<Parse>
1	The	the	DET
</Parse>
</Sentence>
<Sentence date="19950101" id="B" sentence="false">
<EventCoding noevents = "True"></EventCoding>
<Text>Not a sentence.</Text>
</Sentence>
<Sentence date="bad" id="C" sentence="true">
<EventCoding error="sentencediscard" />
<EventCoding sourcecode='"THE MINISTRY"' targetcode="---" eventcode="040"></EventCoding>
<Text>Third.</Text>
</Sentence>
</Sentences>
</Validation>
""", encoding="utf-8")
    recs = g.read_petr_records(f)
    assert [r.id for r in recs] == ["A", "C"]
    a, c = recs
    assert a.text == 'The stopover & the "Games".' and a.events == [("USA", "CHN", "042")]
    assert a.date == dt.date(2008, 8, 4)
    assert c.date is None and c.error == "sentencediscard" and c.events == [('"THE MINISTRY"', "---", "040")]
    assert [r.id for r in g.read_petr_records(f, sentences_only=False)] == ["A", "B", "C"]
    assert g.read_petr_records(f, sentences_only=False)[1].noevents


def test_golden_events_reader(tmp_path: Path) -> None:
    lines = [{"id": "x1", "text": "A met B.", "date": "2024-05-01",
              "events": [{"source_cameo": "USA", "target_cameo": None, "cameo": "040"}]},
             {"id": "x2", "text": "Nothing.", "date": None, "events": []}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    recs = g.read_golden_events(tmp_path)
    assert [r.id for r in recs] == ["x1", "x2"]
    assert recs[0].events == [("USA", "---", "040")] and recs[0].date == dt.date(2024, 5, 1)
    assert recs[1].events == [] and recs[1].date is None and recs[1].noevents


def test_mojibake_repair() -> None:
    assert g.repair_mojibake("Moscow‚Äôs ‚Äúall‚Äù") == ("Moscow\u2019s \u201call\u201d", False)
    assert g.repair_mojibake("café") == ("café", False)  # ordinary text is left alone
    assert g.repair_mojibake("C¬? ankaya")[1]


# --------------------------------------------------------------------------------------------------
# metrics
# --------------------------------------------------------------------------------------------------

A, B, C = ("ARN", "GON", "050"), ("GON", "ARN", "050"), ("ARN", "GON", "040")


def test_prf_multiset() -> None:
    s = g.prf([([A, A, B], [A, C]), ([], [C])])
    assert (s.tp, s.n_pred, s.n_gold) == (1, 3, 3)
    assert s.precision == pytest.approx(1 / 3) and s.recall == pytest.approx(1 / 3) and s.f1 == pytest.approx(1 / 3)
    s = g.prf([([A, A], [A, A, A])])  # two gold copies need two predicted copies; the third is wrong
    assert (s.tp, s.precision, s.recall) == (2, pytest.approx(2 / 3), 1.0)
    s = g.prf([([A], [])])
    assert s.precision is None and s.recall == 0.0 and s.f1 is None
    s = g.prf([([A], [C])])
    assert s.f1 == 0.0
    assert g.prf([]).as_dict()["f1"] is None


def test_exact_share() -> None:
    pairs: list[tuple[list[g.Triple], list[g.Triple]]] = [
        ([A, B], [B, A]),   # same set, other order: right
        ([A], [A, A]),      # a duplicate prediction: same set, right
        ([], []),           # noevents, nothing predicted: right
        ([], [C]),          # noevents, something predicted: wrong
        ([A, B], [A]),      # one missing: wrong
    ]
    assert g.exact_share(pairs) == pytest.approx(3 / 5)
    assert g.exact_share([]) is None


def test_roots_and_code_match() -> None:
    assert g.root("0871") == "08" and g.to_roots([("X", "Y", "1246")]) == [("X", "Y", "12")]
    assert g.code_match("0211", ["021"], 3) and g.code_match("0211", ["0214"], 3)
    assert not g.code_match("0211", ["020"], 3) and g.code_match("0211", ["020"], 2)
    assert g.code_match("01", ["010"], 3)  # a 2-digit gold code is compared at root level
    assert not g.code_match("042", [], 2)
    assert g.norm_actor(None) == g.norm_actor("") == g.norm_actor("---") == "---"


def test_root_confusion() -> None:
    conf = g.root_confusion([
        ([A, B], [("ARN", "GON", "051")]),                          # 05: one right (actors aside), one none
        ([("ARN", "GON", "040")], [("X", "Y", "190"), ("ARN", "GON", "111")]),  # same-actor prediction preferred
        ([("ARN", "GON", "040")], []),                              # none
        ([], [("ARN", "GON", "120")]),                              # spurious
    ])
    assert conf.cells["05"] == Counter({"05": 1, "none": 1})
    assert conf.cells["04"] == Counter({"11": 1, "none": 1})
    assert conf.spurious == Counter({"19": 1, "12": 1})
    rows = {r["gold"]: r for r in conf.rows()}
    assert rows["04"]["n"] == 2 and rows["04"]["correct"] == 0 and ("11", 1) in rows["04"]["confusions"]
    assert rows["05"]["correct"] == 1
    assert conf.as_dict()["spurious"] == {"19": 1, "12": 1}
