"""The store's reads and schema, on SQLite and on PostgreSQL: migrations, row shapes, filters,
pagination, full-text search, dyads and actors. Read tests use the session store of the examples
(``examples_store_url``); tests that write get a fresh store (``store_url``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select, text

import readouts
from readouts.store import Store, open_store, schema
from readouts.store import migrations as mig
from readouts.store import store_url as url_of

EXAMPLES = Path(readouts.__file__).parent / "examples"

DOCUMENT_KEYS = {"id", "source", "title", "publisher", "publisher_side", "published", "language",
                 "extractor_version", "ingested_at", "engagements", "statements", "events"}
ENGAGEMENT_KEYS = {"document", "id", "type", "modality", "date", "date_text", "location", "initiator", "sides",
                   "participants", "topics", "agreements", "speakers", "mean_goldstein", "document_title",
                   "document_source", "publisher"}
STATEMENT_KEYS = {"document", "id", "speaker", "affiliation", "cue", "text", "engagement", "stance", "span", "date"}
EVENT_KEYS = {"document", "source", "target", "cameo", "goldstein", "quad_class", "statement", "source_cameo",
              "target_cameo", "plover", "plover_mode", "span", "date"}
PAGE_KEYS = {"items", "total", "limit", "offset"}


@pytest.fixture(scope="session")
def example_records() -> list[readouts.Record]:
    pairs = [pair for f in sorted(EXAMPLES.glob("*.txt")) for pair in readouts.read_path(f)]
    return list(readouts.extract_many(pairs))


@pytest.fixture
def ex(examples_store_url: str) -> Iterator[Store]:
    store = open_store(examples_store_url)
    yield store
    store.close()


# --- opening and migrations -----------------------------------------------------------------------------

def test_urls() -> None:
    assert url_of("postgresql://u:p@localhost/db").drivername == "postgresql+psycopg"
    assert url_of("postgres://u@localhost/db").drivername == "postgresql+psycopg"
    assert url_of("x/readouts.db").drivername == "sqlite"
    assert url_of("sqlite:///x.db").database == "x.db"
    with pytest.raises(ValueError, match="unsupported"):
        open_store("mysql://u@localhost/db")


def test_migrations_recorded_and_idempotent(store_url: str) -> None:
    with open_store(store_url) as store:
        assert store.dialect in ("sqlite", "postgresql")
        names = [n for n, _ in mig.MIGRATIONS]
        assert store.migrations() == names == ["0001_initial", "0002_fulltext", "0003_engagement_pairs"]
        assert mig.upgrade(store.engine) == []  # applying again is a no-op
        with store.engine.connect() as conn:
            rows = list(conn.execute(select(schema.schema_migrations)))
        assert [r.name for r in rows] == names and all(r.applied_at for r in rows)
    with open_store(store_url) as store:  # reopening applies nothing either
        assert store.migrations() == names


def test_upgrade_from_step_one(store_url: str, example_records: list[readouts.Record]) -> None:
    """A store at step 1 (no full-text index) holding documents is upgraded, and its statements are found."""
    store = open_store(store_url, migrate=False)
    assert mig.upgrade(store.engine, target="0001_initial") == ["0001_initial"]
    assert store.migrations() == ["0001_initial"]
    assert store.ingest_records(example_records).added == len(example_records)
    store.close()
    with open_store(store_url) as store:
        assert store.migrations() == ["0001_initial", "0002_fulltext", "0003_engagement_pairs"]
        assert store.search("Stoltenberg OR abandon")["total"] == 0  # OR is a plain word
        assert store.search("abandon")["total"] == 1


def test_sqlite_pragmas(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store, store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 1000


def test_indexes_for_filters(store_url: str) -> None:
    open_store(store_url).close()
    engine = create_engine(url_of(store_url))
    insp = inspect(engine)
    indexed = {(t, tuple(ix["column_names"])[0]) for t in ("engagements", "statements", "events", "participants",
                                                              "engagement_sides") for ix in insp.get_indexes(t)}
    engine.dispose()
    for want in [("engagements", "day"), ("engagements", "modality"), ("engagements", "initiator"),
                 ("engagement_sides", "side"), ("statements", "speaker_key"), ("statements", "day"),
                 ("events", "cameo"), ("participants", "surname_key")]:
        assert want in indexed, want


# --- documents --------------------------------------------------------------------------------------------

def test_counts_and_records(ex: Store, example_records: list[readouts.Record]) -> None:
    c = ex.counts()
    assert c["documents"] == len(example_records) == 4
    assert c["engagements"] == sum(len(r.engagements) for r in example_records)
    assert c["statements"] == sum(len(r.statements) for r in example_records)
    assert c["events"] == sum(len(r.events) for r in example_records)
    assert c["actors"] >= 6
    for rec in example_records:
        assert ex.get_record(rec.document.id).to_dict() == rec.to_dict()
        doc = ex.get_document(rec.document.id)
        assert set(doc) == DOCUMENT_KEYS
        assert doc["engagements"] == len(rec.engagements) and doc["events"] == len(rec.events)
        assert doc["extractor_version"].startswith(readouts.__version__ + "+")
    assert ex.get_record("0" * 64) is None and ex.get_document("nope") is None
    assert ex.verify() == []


def test_documents_page(ex: Store) -> None:
    page = ex.documents()
    assert set(page) == PAGE_KEYS and page["total"] == 4 and page["limit"] == 50 and page["offset"] == 0
    assert all(set(d) == DOCUMENT_KEYS for d in page["items"])
    first, rest = ex.documents(limit=2), ex.documents(limit=2, offset=2)
    ids = [d["id"] for d in first["items"] + rest["items"]]
    assert ids == [d["id"] for d in page["items"]] and len(set(ids)) == 4
    assert first["total"] == rest["total"] == 4
    assert ex.documents(modality="video")["total"] == 1
    assert ex.documents(speaker="stoltenberg")["total"] == 2
    assert ex.documents(since="2023-01-01")["total"] == 2


# --- engagements --------------------------------------------------------------------------------------------

def test_engagement_rows(ex: Store) -> None:
    page = ex.engagements()
    items = page["items"]
    assert page["total"] == 4 and all(set(e) == ENGAGEMENT_KEYS for e in items)
    dates = [e["date"] for e in items]
    assert dates == sorted(dates, reverse=True)  # newest first
    china = next(e for e in items if e["sides"] == ["CHN", "NATO"])
    assert china["id"] == "e1" and china["type"] == "video_call" and china["modality"] == "video"
    assert china["date"] == "2021-09-27" and china["initiator"] == "NATO"
    assert {"name": "Wang Yi", "title": "State Councilor and Foreign Minister", "affiliation": "CHN",
            "role": "foreign_minister"} in china["participants"]
    assert "Wang Yi" in china["speakers"] and "Jens Stoltenberg" in china["speakers"]
    assert "Afghanistan" in china["topics"] and china["agreements"]
    assert isinstance(china["mean_goldstein"], float)
    assert china["document_source"].endswith("01_china_nato_video_call.txt")
    assert ex.recent_engagements(2) == items[:2]


@pytest.mark.parametrize(("filters", "sides"), [
    ({"modality": "video"}, [["CHN", "NATO"]]),
    ({"type": "phone_call"}, [["PHL", "USA"]]),
    ({"initiator": "NATO"}, [["CHN", "NATO"]]),
    ({"initiator": "North Atlantic Treaty Organization"}, [["CHN", "NATO"]]),
    ({"side": "NATO"}, [["NATO", "SWE"], ["CHN", "NATO"]]),
    ({"affiliation": "Sweden"}, [["NATO", "SWE"]]),
    ({"speaker": "STOLTEN"}, [["NATO", "SWE"], ["CHN", "NATO"]]),
    ({"topic": "afghanistan"}, [["CHN", "NATO"]]),
    ({"actor": "Wang Yi"}, [["CHN", "NATO"]]),
    ({"actor": "Stoltenberg"}, [["NATO", "SWE"], ["CHN", "NATO"]]),
    ({"actor": "the United States"}, [["PHL", "USA"]]),
    ({"since": "2022-01-01", "until": "2023-02-06"}, [["NATO", "SWE"], ["PHL", "USA"]]),
    ({"since": "2023"}, [["IRQ", "TUR"], ["NATO", "SWE"]]),
    ({"until": "2021-09"}, [["CHN", "NATO"]]),
    ({"side": "NATO", "modality": "in_person"}, [["NATO", "SWE"]]),
    ({"modality": "written"}, []),
    ({"modality": None, "speaker": ""}, [["IRQ", "TUR"], ["NATO", "SWE"], ["PHL", "USA"], ["CHN", "NATO"]]),
])
def test_engagement_filters(ex: Store, filters: dict, sides: list[list[str]]) -> None:
    page = ex.engagements(**filters)
    assert [e["sides"] for e in page["items"]] == sides
    assert page["total"] == len(sides)


def test_document_filter_and_pagination(ex: Store) -> None:
    all_ = ex.engagements()["items"]
    doc = all_[1]["document"]
    assert [e["document"] for e in ex.engagements(document=doc)["items"]] == [doc]
    paged = [e for off in range(0, 4, 3) for e in ex.engagements(limit=3, offset=off)["items"]]
    assert paged == all_
    assert ex.engagements(limit=0)["items"] == [] and ex.engagements(limit=0)["total"] == 4
    assert ex.engagements(offset=10)["items"] == []


def test_bad_filters_raise_value_error(ex: Store) -> None:
    with pytest.raises(ValueError, match="unknown filter"):
        ex.engagements(colour="red")
    with pytest.raises(ValueError, match="unknown filter"):
        ex.statements(cameo="04")  # events only
    with pytest.raises(ValueError, match="not a date"):
        ex.events(since="last year")
    with pytest.raises(ValueError):
        ex.engagements(limit=-1)


# --- statements, events and search -----------------------------------------------------------------------

def test_statements(ex: Store, example_records: list[readouts.Record]) -> None:
    page = ex.statements(limit=100)
    assert page["total"] == sum(len(r.statements) for r in example_records)
    assert all(set(s) == STATEMENT_KEYS for s in page["items"])
    by_doc = {r.document.id: r for r in example_records}
    for s in page["items"]:
        a, b = s["span"]
        assert by_doc[s["document"]].document.text[a:b] == s["text"]
    wang = ex.statements(speaker="wang yi")
    assert wang["total"] >= 2 and {s["speaker"] for s in wang["items"]} == {"Wang Yi"}
    assert all(s["date"] == "2021-09-27" for s in wang["items"])
    assert {s["affiliation"] for s in ex.statements(side="NATO")["items"]} == {"NATO"}
    assert ex.statements(actor="Stoltenberg")["total"] == ex.statements(speaker="Stoltenberg")["total"]
    assert ex.statements(modality="phone")["total"] >= 1
    two = ex.statements(limit=2, offset=1)
    assert two["items"] == page["items"][1:3]


def test_events(ex: Store, example_records: list[readouts.Record]) -> None:
    page = ex.events(limit=100)
    assert page["total"] == sum(len(r.events) for r in example_records)
    assert all(set(e) == EVENT_KEYS for e in page["items"])
    consult = ex.events(cameo="04", limit=100)
    assert consult["total"] >= 1 and all(e["cameo"].startswith("04") for e in consult["items"])
    assert ex.events(cameo="0")["total"] == page["total"] or ex.events(cameo="0")["total"] <= page["total"]
    assert ex.events(cameo="x' OR 1=1 --")["total"] == 0
    tur = ex.events(source="Türkiye")
    assert tur["total"] >= 1 and {e["source"] for e in tur["items"]} == {"TUR"}
    assert all("NATO" in (e["source"], e["target"]) for e in ex.events(side="NATO")["items"])
    assert {e["target"] for e in ex.events(target="IRQ")["items"]} == {"IRQ"}


def test_search(ex: Store) -> None:
    page = ex.search("dialogue")
    assert page["total"] >= 1
    for s in page["items"]:
        assert set(s) == STATEMENT_KEYS | {"snippet"}
        assert "«" in s["snippet"] and "»" in s["snippet"]
        assert s["snippet"].replace("«", "").replace("»", "") in s["text"] or s["snippet"].startswith("…")
    one = ex.search('"objective lens"')
    assert one["total"] == 1 and "«objective lens»" in one["items"][0]["snippet"]
    assert ex.search('"lens objective"')["total"] == 0  # a phrase keeps its order
    assert ex.search("NATO abandon")["total"] == 1  # all words must match
    assert ex.search("dialogue", speaker="stoltenberg")["total"] >= 1
    assert ex.search("dialogue", speaker="nobody at all")["total"] == 0
    assert ex.search("dialogue", since="2030-01-01")["total"] == 0
    assert ex.search("dialogue", limit=1)["items"] == page["items"][:1]
    assert ex.search("")["total"] == 0 and ex.search('  "" ')["items"] == []


@pytest.mark.parametrize("q", ['"unbalanced', 'NATO"', "AND", "OR NOT", "NEAR(a b)", "dia*", "^china",
                               "text:china", "col:x AND (", "a - b", "'; DROP TABLE statements; --", "«»", "\\",
                               "%_%", "!!! ???", "🙂", "x" * 300])
def test_malformed_queries_never_raise(ex: Store, q: str) -> None:
    page = ex.search(q)
    assert set(page) == PAGE_KEYS and page["total"] >= 0
    assert ex.counts()["statements"] > 0  # and nothing was dropped


def test_snippet_is_plain_text() -> None:
    from readouts.store.fulltext import parse, snippet

    assert parse('climate "objective lens" <b>') == [["climate"], ["objective", "lens"], ["b"]]
    assert snippet("<script>alert(1)</script> on climate", parse("climate")) == \
        "<script>alert(1)</script> on «climate»"
    long = "word " * 100 + "climate change " + "word " * 100
    cut = snippet(long, parse("climate"))
    assert "«climate»" in cut and cut.startswith("…") and cut.endswith("…") and len(cut) < 300


# --- dyads and actors ------------------------------------------------------------------------------------

def test_dyad_by_code_and_by_name(ex: Store) -> None:
    d = ex.dyad("CHN", "NATO")
    assert set(d) == {"a", "b", "engagements", "months", "summary"}
    assert (d["a"], d["b"]) == ("CHN", "NATO")
    assert [e["date"] for e in d["engagements"]] == ["2021-09-27"]
    assert all(set(e) == ENGAGEMENT_KEYS for e in d["engagements"])
    assert d["months"] == [{"month": "2021-09", "engagements": 1,
                            "by_modality": {"phone": 0, "video": 1, "in_person": 0, "written": 0, "unknown": 0},
                            "mean_goldstein": d["months"][0]["mean_goldstein"], "events": d["months"][0]["events"]}]
    assert d["months"][0]["events"] >= 1
    s = d["summary"]
    assert s["engagements"] == 1 and s["first"] == s["last"] == "2021-09-27" and s["initiated_by"] == {"NATO": 1}
    assert s["mean_goldstein"] == pytest.approx(d["engagements"][0]["mean_goldstein"], abs=1e-3)
    by_name = ex.dyad("China", "the North Atlantic Treaty Organization")
    assert by_name == d
    assert ex.dyad("nato", "china")["engagements"] == d["engagements"]
    assert ex.dyad("United States", "Philippines")["summary"]["engagements"] == 1
    assert ex.dyad("CHN", "USA")["summary"] == {"engagements": 0, "first": None, "last": None,
                                                "mean_goldstein": None, "initiated_by": {}}
    assert ex.dyad("CHN", "NATO", modality="phone")["engagements"] == []


def test_dyad_over_time(store_url: str, example_records: list[readouts.Record]) -> None:
    """Several engagements of one dyad: oldest first, grouped by month, summarised."""
    from readouts.store.synthetic import synthetic_readouts

    docs = synthetic_readouts(30, seed=11, between=("CHN", "USA")) + synthetic_readouts(10, seed=12)
    with open_store(store_url) as store:
        store.ingest_items([(d["text"], {"source": d["id"], "published": d["published"]}) for d in docs])
        n = store.engagements(side="CHN", actor="USA")["total"]
        assert n >= 25
        d = store.dyad("China", "USA")
        dates = [e["date"] for e in d["engagements"]]
        assert dates == sorted(dates) and len(dates) == n == d["summary"]["engagements"]
        assert sum(m["engagements"] for m in d["months"]) == n
        assert [m["month"] for m in d["months"]] == sorted({x[:7] for x in dates})
        assert d["summary"]["first"] == dates[0] and d["summary"]["last"] == dates[-1]
        assert len(store.dyad("CHN", "USA", limit=1)["engagements"]) == 1


def test_actor_person(ex: Store) -> None:
    a = ex.actor("Wang Yi")
    assert set(a) == {"name", "kind", "sides", "titles", "engagements", "statements", "counterparts"}
    assert a["name"] == "Wang Yi" and a["kind"] == "person" and a["sides"] == ["CHN"]
    assert a["titles"] == ["State Councilor and Foreign Minister"]
    assert [e["sides"] for e in a["engagements"]] == [["CHN", "NATO"]]
    assert a["statements"] >= 2 and a["counterparts"] == [{"side": "NATO", "engagements": 1}]
    assert ex.actor("wang yi") == a
    s = ex.actor("Stoltenberg")  # a surname
    assert s["name"] == "Jens Stoltenberg" and s["sides"] == ["NATO"]
    assert [e["date"] for e in s["engagements"]] == ["2023-02-06", "2021-09-27"]  # newest first
    assert s["counterparts"] == [{"side": "CHN", "engagements": 1}, {"side": "SWE", "engagements": 1}]
    assert ex.actor("Stoltenberg", since="2022-01-01")["counterparts"] == [{"side": "SWE", "engagements": 1}]
    assert ex.actor("Nobody Atall") is None and ex.actor("  ") is None


def test_actor_side(ex: Store) -> None:
    a = ex.actor("NATO")
    assert a["kind"] == "side" and a["sides"] == ["NATO"] and a["name"]
    assert len(a["engagements"]) == 2
    assert {c["side"] for c in a["counterparts"]} == {"CHN", "SWE"}
    assert ex.actor("China")["sides"] == ["CHN"] and ex.actor("CHN")["name"] == "China"
    assert ex.actor("the United States")["statements"] >= 1
    assert len(ex.actor("NATO", limit=1)["engagements"]) == 1
