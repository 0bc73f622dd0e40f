"""Readouts of one engagement in the store, on SQLite and PostgreSQL: two publishers' readouts of one call
are grouped at ingest whatever the order (or in one batch); unrelated readouts, another date, and the same
publisher are not; ingesting again changes nothing; delete and reprocess keep the groups right; the
migration that adds the pairs upgrades a store at the previous step and pairs what it holds; the
``readouts pairs`` command prints the groups as JSON and as a table. The texts are written for these tests.
Last, the real dev corpus (../shared): its gold pairs are checked against the groups found.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import select, update

import readouts
from readouts.model import Record, document_id
from readouts.store import Store, extractor_version, open_store, rows, schema
from readouts.store import migrations as mig
from readouts.store.cli_pairs import pairs as pairs_cmd

PT = ("On March 3, 2024, Foreign Minister Ana Lima of Portugal spoke by phone with Foreign Minister Stéphane "
      "Séjourné of France at the request of the French side. Lima said that Portugal supports closer cooperation "
      "with France on climate change. The two sides agreed to keep in close contact.\n")
FR = ("On March 3, 2024, Minister for Europe and Foreign Affairs Stéphane Séjourné held a telephone conversation "
      "with Portuguese Foreign Minister Ana Lima. Séjourné said France and Portugal share a commitment to climate "
      "action and discussed the war in Ukraine. The ministers agreed to stay in close contact.\n")
LUSA = ("Lisbon, March 4, 2024 - Portuguese Foreign Minister Ana Lima and French Foreign Minister Stéphane Séjourné "
        "spoke by telephone on March 3, 2024, the ministry said. Lima said Portugal wants to work with France on "
        "climate change and energy links across the Pyrenees.\n")
LATER = ("On April 15, 2024, Foreign Minister Ana Lima of Portugal spoke by phone with Foreign Minister Stéphane "
         "Séjourné of France. Lima said Portugal and France will coordinate ahead of the European Council.\n")
OTHER = ("On March 3, 2024, Prime Minister Fumio Kishida of Japan met with Prime Minister Anthony Albanese of "
         "Australia in Canberra. Kishida said Japan and Australia will deepen their security cooperation. The two "
         "leaders agreed to expand cooperation on critical minerals.\n")

CTX = {PT: {"source": "pt-2024-03-03.txt", "publisher": "Portugal MFA", "published": "2024-03-03"},
       FR: {"source": "fr-2024-03-03.txt", "publisher": "France MFA", "published": "2024-03-04"},
       LUSA: {"source": "lusa-2024-03-04.txt", "publisher": "Lusa", "published": "2024-03-04"},
       LATER: {"source": "pt-2024-04-15.txt", "publisher": "Portugal MFA", "published": "2024-04-15"},
       OTHER: {"source": "jp-2024-03-03.txt", "publisher": "Japan MOFA", "published": "2024-03-03"}}
ID = {t: document_id(t) for t in CTX}
GROUP_KEYS = {"documents", "engagement", "score", "reasons", "pairs"}


def items(*texts: str) -> list[tuple[str, dict[str, Any]]]:
    return [(t, dict(CTX[t])) for t in texts]


def grouped(store: Store, **filters: Any) -> list[set[str]]:
    return [{d["id"] for d in g["documents"]} for g in store.pairs(**filters)]


@pytest.fixture(scope="module")
def records() -> dict[str, Record]:
    """The records of the texts above, extracted once."""
    return {t: rec for t, rec in zip(CTX, readouts.extract_many(items(*CTX)), strict=True)}


@pytest.mark.parametrize("order", ["pt-fr", "fr-pt", "one-batch"])
def test_two_publishers_one_engagement_make_one_group(store_url: str, order: str) -> None:
    with open_store(store_url) as store:
        if order == "one-batch":
            assert store.ingest_items(items(PT, FR, OTHER)).added == 3
        else:
            first, second = (PT, FR) if order == "pt-fr" else (FR, PT)
            assert store.ingest_items(items(first, OTHER)).added == 2
            assert grouped(store) == []
            assert store.ingest_items(items(second)).added == 1
        groups = store.pairs()
        assert [{d["id"] for d in g["documents"]} for g in groups] == [{ID[PT], ID[FR]}]
        g = groups[0]
        assert set(g) == GROUP_KEYS
        assert [d["id"] for d in g["documents"]] == [ID[PT], ID[FR]]  # earliest published first
        assert set(g["documents"][0]) == {"id", "source", "title", "publisher", "publisher_side", "published"}
        assert g["documents"][0]["source"] == "pt-2024-03-03.txt"
        assert g["engagement"] == {"date": "2024-03-03", "type": "phone_call", "modality": "phone",
                                   "sides": ["FRA", "PRT"]}
        assert 0.5 < g["score"] <= 1 and g["reasons"] and all(isinstance(r, str) for r in g["reasons"])
        assert [(p["a"], p["b"]) for p in g["pairs"]] == [tuple(sorted((ID[PT], ID[FR])))]
        assert store.pairs_of(ID[PT])[0]["id"] == ID[FR] and store.pairs_of(ID[FR])[0]["id"] == ID[PT]
        assert store.pairs_of(ID[OTHER]) == [] and store.pairs_of("0" * 64) == []


def test_the_same_result_whatever_the_order(store_url: str, tmp_path: Path) -> None:
    """The pair is judged with the records in id order, so its score and reasons do not depend on which came
    first."""
    with open_store(store_url) as one, open_store(tmp_path / "other.db") as two:
        one.ingest_items(items(PT))
        one.ingest_items(items(FR))
        two.ingest_items(items(FR))
        two.ingest_items(items(PT))
        a, b = one.pairs()[0], two.pairs()[0]
        assert (a["score"], a["reasons"], a["engagement"]) == (b["score"], b["reasons"], b["engagement"])


def test_unrelated_readouts_are_not_grouped(store_url: str) -> None:
    """Other sides the same day, the same sides six weeks later, the same publisher: none joins the group."""
    with open_store(store_url) as store:
        assert store.ingest_items(items(PT, OTHER, LATER)).added == 3
        assert grouped(store) == []  # LATER: same sides and publisher as PT, another date
        assert store.ingest_items(items(FR)).added == 1
        assert grouped(store) == [{ID[PT], ID[FR]}]


def test_the_same_publisher_twice_is_not_a_pair(store_url: str, records: dict[str, Record]) -> None:
    """Two readouts of one call by one publisher (an update of the text) are not two sides' readouts."""
    with open_store(store_url) as store:
        store.ingest_items(items(PT))
        again = PT.replace("keep in close contact", "remain in close contact")
        store.ingest_items([(again, dict(CTX[PT]))])
        assert grouped(store) == []


def test_ingesting_again_changes_nothing(store_url: str) -> None:
    with open_store(store_url) as store:
        store.ingest_items(items(PT, FR, LUSA, OTHER))
        before = store.pairs()
        res = store.ingest_items(items(PT, FR, LUSA, OTHER))
        assert (res.added, res.skipped) == (0, 4)
        assert store.pairs() == before
        assert store.ingest_records([]).added == 0


def test_three_readouts_of_one_call_and_delete(store_url: str) -> None:
    with open_store(store_url) as store:
        store.ingest_items(items(PT, FR, LUSA, OTHER))
        groups = store.pairs()
        assert [{d["id"] for d in g["documents"]} for g in groups] == [{ID[PT], ID[FR], ID[LUSA]}]
        assert groups[0]["score"] == min(p["score"] for p in groups[0]["pairs"])
        assert {d["id"] for d in store.pairs_of(ID[LUSA])} == {ID[PT], ID[FR]}
        assert store.delete(ID[FR])
        left = grouped(store)
        with store.engine.connect() as conn:
            pairs = [(r.doc_a, r.doc_b) for r in conn.execute(select(schema.engagement_pairs))]
        assert all(ID[FR] not in p for p in pairs)  # the deleted document's pairs went with it
        assert left == ([{ID[PT], ID[LUSA]}] if (min(ID[PT], ID[LUSA]), max(ID[PT], ID[LUSA])) in pairs else [])
        store.delete(ID[LUSA])
        store.delete(ID[PT])
        assert grouped(store) == [] and store.counts()["documents"] == 1


def test_reprocess_groups_again(store_url: str) -> None:
    """A re-extracted document loses the pairs of its old record and gets those of its new one."""
    with open_store(store_url) as store:
        store.ingest_items(items(PT, FR, OTHER))
        want = store.pairs()
        with store.engine.begin() as conn:
            # a wrong pair, as an older extractor might have left it, and the true pair gone
            conn.execute(schema.engagement_pairs.delete())
            a, b = sorted((ID[PT], ID[OTHER]))
            conn.execute(schema.engagement_pairs.insert().values(doc_a=a, doc_b=b, score=0.9, reasons="[]",
                                                                 created_at="2000-01-01"))
            conn.execute(update(schema.documents).values(extractor_version="0.0.1+old"))
        assert grouped(store) == [{ID[PT], ID[OTHER]}]
        res = store.reprocess()
        assert (res.added, res.failed) == (3, 0)
        got = store.pairs()
        assert [{d["id"] for d in g["documents"]} for g in got] == [{ID[PT], ID[FR]}]
        assert (got[0]["score"], got[0]["reasons"]) == (want[0]["score"], want[0]["reasons"])
        assert store.verify() == []


def test_filters(store_url: str) -> None:
    with open_store(store_url) as store:
        store.ingest_items(items(PT, FR, OTHER))
        assert len(store.pairs(since="2024-03-03", until="2024-03")) == 1
        assert store.pairs(since="2024-03-04") == [] and store.pairs(until="2024-03-02") == []
        assert len(store.pairs(side="Portugal")) == 1 and len(store.pairs(side="FRA")) == 1
        assert store.pairs(side="JPN") == []
        assert len(store.pairs(document=ID[FR])) == 1 and store.pairs(document=ID[OTHER]) == []
        with pytest.raises(ValueError, match="unknown filter"):
            store.pairs(modality="phone")
        with pytest.raises(ValueError, match="not a date"):
            store.pairs(since="March")


def test_migration_adds_the_pairs_to_a_store_at_the_previous_step(store_url: str,
                                                                   records: dict[str, Record]) -> None:
    """A store written by the previous version (steps 1 and 2, no pairs table) keeps its data and gets its
    pairs when it is opened; the step is recorded."""
    store = open_store(store_url, migrate=False)
    assert mig.upgrade(store.engine, target="0002_fulltext") == ["0001_initial", "0002_fulltext"]
    with store.engine.begin() as conn:  # as the previous version wrote documents: no pairing
        for t in (PT, OTHER, FR):
            rows.write_record(conn, records[t], extractor_version(), "2024-03-05T00:00:00+00:00")
    counts = store.counts()
    store.close()
    with open_store(store_url) as store:
        assert store.migrations() == ["0001_initial", "0002_fulltext", "0003_engagement_pairs"]
        assert store.counts() == counts and store.verify() == []
        assert grouped(store) == [{ID[PT], ID[FR]}]
        assert mig.upgrade(store.engine) == []


def test_a_store_opened_without_migrating_still_takes_documents(store_url: str, records: dict[str, Record]) -> None:
    """Ingesting into a store at the previous step writes the documents (unpaired); the migration pairs
    them later."""
    store = open_store(store_url, migrate=False)
    mig.upgrade(store.engine, target="0002_fulltext")
    assert store.ingest_records([records[PT], records[FR]]).added == 2
    store.close()
    with open_store(store_url) as store:
        assert grouped(store) == [{ID[PT], ID[FR]}]


def test_the_candidate_query_reads_indexes(tmp_path: Path, records: dict[str, Record]) -> None:
    """On SQLite the engagements are found by day (index), their sides by the unique (engagement, side)
    index: nothing scans a whole table."""
    from sqlalchemy import event

    with open_store(tmp_path / "plan.db") as store:
        store.ingest_records([records[PT], records[OTHER]])
        seen: list[str] = []

        def grab(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
            if "engagement_sides" in statement and "count(" in statement.lower():
                seen.append(statement)
                plan = cursor.connection.cursor().execute("EXPLAIN QUERY PLAN " + statement, params).fetchall()
                seen.extend(str(r[-1]) for r in plan)

        event.listen(store.engine, "before_cursor_execute", grab)
        try:
            store.ingest_records([records[FR]])
        finally:
            event.remove(store.engine, "before_cursor_execute", grab)
        plan = seen[1:]
        assert plan and any("ix_engagements_day" in p for p in plan), plan
        assert not any(p.startswith("SCAN") for p in plan), plan


# --- the command ---------------------------------------------------------------------------------------

def test_pairs_command_json_and_table(store_url: str) -> None:
    with open_store(store_url) as store:
        store.ingest_items(items(PT, FR, OTHER))
        want = store.pairs()
    runner = CliRunner()
    res = runner.invoke(pairs_cmd, ["--db", store_url, "--format", "json"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    got = json.loads(res.stdout)
    assert got == want and isinstance(got, list) and {"id", "source"} <= set(got[0]["documents"][0])
    res = runner.invoke(pairs_cmd, ["--db", store_url], catch_exceptions=False)
    assert res.exit_code == 0
    for want_text in ("2024-03-03", "phone call", "FRA – PRT", "Portugal MFA", "France MFA", ID[PT][:12],
                      "1 group(s) of 2 document(s)"):
        assert want_text in res.stdout, want_text
    assert "Japan" not in res.stdout
    res = runner.invoke(pairs_cmd, ["--db", store_url, "--since", "2025-01-01"], catch_exceptions=False)
    assert res.exit_code == 0 and "no readouts of one engagement" in res.stdout
    res = runner.invoke(pairs_cmd, ["--db", store_url, "--format", "json", "--side", "JPN"], catch_exceptions=False)
    assert json.loads(res.stdout) == []
    res = runner.invoke(pairs_cmd, ["--db", store_url, "--since", "soon"], catch_exceptions=False)
    assert res.exit_code == 2 and "not a date" in res.stderr


def test_pairs_command_on_an_unreachable_store() -> None:
    res = CliRunner().invoke(pairs_cmd, ["--db", "postgresql://nobody:secret@127.0.0.1:1/none"])
    assert res.exit_code == 2 and "cannot open the store" in res.stderr and "secret" not in res.stderr


# --- the real dev corpus -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def dev(shared: Path) -> tuple[list[Record], dict[str, dict[str, Any]]]:
    """The dev corpus extracted once, each text with its gold publisher (as a feed would give it)."""
    folder = shared / "corpus" / "dev"
    gold = {g["id"]: g for g in map(json.loads, (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines())}
    todo = [((folder / f"{i}.txt").read_text(encoding="utf-8"), {"source": f"{i}.txt", "publisher": g["publisher"]})
            for i, g in sorted(gold.items())]
    return list(readouts.extract_many(todo)), gold


def test_dev_corpus_gold_pairs_are_grouped(store_url: str, dev: tuple[list[Record], dict[str, dict[str, Any]]]) -> None:
    recs, gold = dev
    with open_store(store_url) as store:
        assert store.ingest_records(recs).added == len(recs)
        groups = [sorted(str(d["source"])[:-4] for d in g["documents"]) for g in store.pairs()]
    want: dict[str, list[str]] = defaultdict(list)
    for i, g in gold.items():
        if g.get("pair_id"):
            want[g["pair_id"]].append(i)
    found = {pid for pid, ids in want.items() if sorted(ids) in groups}
    wrong = [g for g in groups if sorted(g) not in [sorted(v) for v in want.values()]]
    print(f"gold pairs grouped: {sorted(found)}; missed: {sorted(set(want) - found)}; other groups: {wrong}")
    assert wrong == []  # no group joins readouts of different engagements
    assert found == set(want)
