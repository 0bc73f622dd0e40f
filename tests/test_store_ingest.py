"""Writing to the store, on SQLite and on PostgreSQL: idempotent ingest, bad input, one transaction per
document (including a kill -9 in the middle of 1,000 documents), stale documents and reprocessing, and
export in every format read back."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import delete, update

import readouts
from readouts.store import IngestResult, extractor_version, open_store, schema
from readouts.store import rows as store_rows
from readouts.store.synthetic import synthetic_readouts

EXAMPLES = Path(readouts.__file__).parent / "examples"
ROOT = Path(__file__).resolve().parent.parent
FRENCH = ("Le ministre des affaires étrangères a rencontré son homologue à Paris pour discuter de la coopération "
          "et de la sécurité régionale dans les deux pays voisins.")


def _bad_inputs(folder: Path) -> list[Path]:
    folder.mkdir()
    files = {"empty.txt": b"", "binary.txt": b"\x00\x01\x02PNG\x00" * 50, "latin1.txt": "Le ministre a dit: café".encode("latin-1"),
             "french.txt": FRENCH.encode(),
             "blank.txt": b"   \n\n  ", "broken.jsonl": b'{"text": "x"\n'}
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return [folder / n for n in files]


def test_ingest_twice_is_a_no_op(store_url: str) -> None:
    with open_store(store_url) as store:
        first = store.ingest_paths([EXAMPLES])
        assert (first.added, first.skipped, first.failed) == (4, 0, 0)
        counts = store.counts()
        second = store.ingest_paths([EXAMPLES])
        assert (second.added, second.skipped, second.failed, second.errors) == (0, 4, 0, [])
        assert store.counts() == counts
        assert store.verify() == []


def test_dev_corpus_twice_gives_identical_counts(store_url: str, shared: Path) -> None:
    corpus = sorted((shared / "corpus" / "dev").glob("*.txt"))
    assert corpus
    with open_store(store_url) as store:
        first = store.ingest_paths(corpus)
        counts = store.counts()
        assert first.added + first.failed + first.skipped == len(corpus) and first.added > 0
        second = store.ingest_paths(corpus)
        assert second.added == 0 and second.skipped == first.added + first.skipped
        assert second.failed == first.failed
        assert store.counts() == counts
        assert counts["documents"] == len({readouts.model.document_id(p.read_text(encoding="utf-8"))
                                           for p in corpus}) - first.failed


def test_skips_before_extracting(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(store_url) as store:
        store.ingest_paths([EXAMPLES])

        def boom(*a: object, **k: object) -> None:
            raise AssertionError("extraction ran for a stored document")

        monkeypatch.setattr(readouts.pipeline, "extract_many", boom)
        assert store.ingest_paths([EXAMPLES]).skipped == 4


def test_duplicates_within_one_run(store_url: str) -> None:
    text = (EXAMPLES / "01_china_nato_video_call.txt").read_text(encoding="utf-8")
    with open_store(store_url) as store:
        res = store.ingest_items([text, (text, {"source": "again"})])
        assert (res.added, res.skipped) == (1, 1)


def test_records_written_together_fall_back_one_by_one_on_a_duplicate(store_url: str) -> None:
    records = list(readouts.extract_many(
        [pair for f in sorted(EXAMPLES.glob("*.txt")) for pair in readouts.read_path(f)]))
    with open_store(store_url) as store:
        assert store.ingest_records(records[1:2]).added == 1
        # one batch holding a stored document and a repeated one: the rest still goes in, once each
        res = store.ingest_records([*records, records[0]])
        assert (res.added, res.skipped) == (len(records) - 1, 2)
        assert store.counts()["documents"] == len(records) and store.verify() == []


def test_bad_inputs_fail_without_losing_stored_documents(store_url: str, tmp_path: Path) -> None:
    bad = _bad_inputs(tmp_path / "bad")
    with open_store(store_url) as store:
        store.ingest_paths([EXAMPLES])
        before = store.counts()
        res = store.ingest_paths([*bad, EXAMPLES / "01_china_nato_video_call.txt"])
        assert res.failed == len(bad) and res.skipped == 1 and res.added == 0
        assert len(res.errors) == len(bad)
        for path in bad:
            assert any(path.name in e for e in res.errors), path
        assert any("not valid UTF-8" in e for e in res.errors)
        assert any("English" in e for e in res.errors)
        assert store.counts() == before
        items = store.ingest_items(["", "   ", ("\x00\x00", {"source": "nul"})])
        assert items.failed == 3 and items.added == 0 and all(items.errors)
        assert "nul: binary data" in items.errors[2]
        items = store.ingest_items([(FRENCH, {"source": "fr"})])
        assert items.failed == 1 and "fr: " in items.errors[0] and "English" in items.errors[0]
        assert store.counts() == before


def test_failed_records_are_not_stored(store_url: str) -> None:
    rec = readouts.Record.empty("")
    rec.__dict__["error"] = "the document is empty"
    with open_store(store_url) as store:
        res = store.ingest_records([rec])
        assert res == IngestResult(0, 0, 1, ["<input>: the document is empty"])
        assert store.counts()["documents"] == 0


def test_a_document_is_written_in_one_transaction(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    records = list(readouts.extract_many(
        [pair for f in sorted(EXAMPLES.glob("*.txt")) for pair in readouts.read_path(f)]))
    real = store_rows._db_rows
    calls = {"n": 0}

    def flaky(rows: list, doc_id: str, pks: list[int]) -> list:
        calls["n"] += 1
        if calls["n"] == 3:  # the third child table of the first document
            raise RuntimeError("crash in the middle of a document")
        return real(rows, doc_id, pks)

    with open_store(store_url) as store:
        monkeypatch.setattr(store_rows, "_db_rows", flaky)
        with pytest.raises(RuntimeError):
            store.ingest_records(records)
        assert store.counts() == {"documents": 0, "engagements": 0, "statements": 0, "events": 0, "actors": 0}
        monkeypatch.setattr(store_rows, "_db_rows", real)
        assert store.ingest_records(records).added == 4
        assert store.verify() == []


def test_verify_finds_a_damaged_document(store_url: str) -> None:
    with open_store(store_url) as store:
        store.ingest_paths([EXAMPLES / "01_china_nato_video_call.txt", EXAMPLES / "03_nato_sweden_meeting.txt"])
        doc = store.documents(speaker="Wang Yi")["items"][0]["id"]
        with store.engine.begin() as conn:
            conn.execute(delete(schema.participants).where(schema.participants.c.document_id == doc))
        assert store.verify() == [doc]


def test_stale_and_reprocess(store_url: str) -> None:
    version = extractor_version()
    assert version.startswith(readouts.__version__ + "+") and len(version.split("+")[1]) == 12
    with open_store(store_url) as store:
        store.ingest_paths([EXAMPLES])
        counts = store.counts()
        assert store.stale() == []
        assert store.reprocess() == IngestResult()
        with store.engine.begin() as conn:
            conn.execute(update(schema.documents).values(extractor_version="0.0.1+old"))
            conn.execute(delete(schema.events))  # what the old extractor did not find
        assert len(store.stale()) == 4 and store.counts()["events"] == 0
        before = {d["id"]: d for d in store.documents()["items"]}
        res = store.reprocess(progress=True)
        assert (res.added, res.failed) == (4, 0)
        assert store.stale() == [] and store.counts() == counts and store.verify() == []
        after = {d["id"]: d for d in store.documents()["items"]}
        assert after.keys() == before.keys()
        for doc_id, d in after.items():
            assert d["extractor_version"] == version and d["ingested_at"] == before[doc_id]["ingested_at"]
            assert d["source"] == before[doc_id]["source"] and d["published"] == before[doc_id]["published"]


def test_progress_bar(store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with open_store(store_url) as store:
        assert store.ingest_paths([EXAMPLES], progress=True).added == 4
    assert "ingesting" in capsys.readouterr().err


def test_delete(store_url: str) -> None:
    with open_store(store_url) as store:
        store.ingest_paths([EXAMPLES])
        doc = store.documents(limit=1)["items"][0]["id"]
        assert store.delete(doc) and not store.delete(doc)
        assert store.counts()["documents"] == 3 and store.verify() == []
        assert store.search("dialogue")["total"] >= 0


# --- export ------------------------------------------------------------------------------------------------

def test_export_every_format(examples_store_url: str, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from readouts.coding.batch import TSV_COLUMNS

    with open_store(examples_store_url) as store:
        counts = store.counts()
        records = {r.document.id: r for r in store.iter_records()}

        assert store.export("jsonl", tmp_path / "out.jsonl") == 4
        lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
        got = [readouts.Record.model_validate_json(line) for line in lines]
        assert {r.document.id: r.to_dict() for r in got} == {k: r.to_dict() for k, r in records.items()}

        tables = {"documents": 4, "engagements": counts["engagements"], "statements": counts["statements"],
                  "events": counts["events"], "participants": None, "topics": None, "agreements": None}
        store.export("csv", tmp_path / "csv")
        store.export("parquet", tmp_path / "pq")
        for name, n in tables.items():
            with open(tmp_path / "csv" / f"{name}.csv", newline="", encoding="utf-8") as fh:
                rows = list(csv.DictReader(fh))
            table = pq.read_table(tmp_path / "pq" / f"{name}.parquet")
            assert len(rows) == table.num_rows
            if n is not None:
                assert len(rows) == n, name
            assert list(rows[0]) == table.column_names if rows else True
        docs = pq.read_table(tmp_path / "pq" / "documents.parquet").to_pylist()
        assert {d["id"]: d["text"] for d in docs} == {k: r.document.text for k, r in records.items()}
        assert "record" not in docs[0] and "speaker_key" not in pq.read_table(
            tmp_path / "pq" / "statements.parquet").column_names
        parts = pq.read_table(tmp_path / "pq" / "participants.parquet").to_pylist()
        assert "Wang Yi" in {p["name"] for p in parts}

        assert store.export("events-tsv", tmp_path / "events.tsv") == 4
        tsv = (tmp_path / "events.tsv").read_text(encoding="utf-8").splitlines()
        assert tuple(tsv[0].split("\t")) == TSV_COLUMNS
        assert len(tsv) - 1 == counts["events"]
        assert all(len(line.split("\t")) == len(TSV_COLUMNS) for line in tsv)
        assert any("\tIGOWSTNAT\tIGOWSTNAT\t" in line for line in tsv)  # NATO split as an organisation
        with pytest.raises(ValueError, match="unknown export format"):
            store.export("xml", tmp_path / "x.xml")


# --- kill -9 in the middle of an ingest ----------------------------------------------------------------------

_INGEST = """
import sys
from readouts.store import open_store
store = open_store(sys.argv[1])
store.ingest_paths([sys.argv[2]])
"""


@pytest.mark.slow
def test_kill_during_ingest_then_reingest(store_url: str, tmp_path: Path) -> None:
    """A process ingesting 1,000 documents is killed (SIGKILL) part-way; ingesting again gives exactly
    1,000 documents, and every stored document's rows match its stored record: no partial document."""
    feed = tmp_path / "feed.jsonl"
    docs = synthetic_readouts(1000, seed=7)
    feed.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    open_store(store_url).close()  # created and migrated before the race
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", _INGEST, store_url, str(feed)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        with open_store(store_url) as store:
            deadline = time.monotonic() + 300
            stored = 0
            while time.monotonic() < deadline and proc.poll() is None:
                stored = store.counts()["documents"]
                if stored >= 150:
                    break
                time.sleep(0.05)
            assert proc.poll() is None, f"the ingest ended before it could be killed: {proc.stderr and proc.stderr.read()}"
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
            killed_at = store.counts()["documents"]
            assert 0 < killed_at < 1000
            assert store.verify() == []  # what was committed is whole
            res = store.ingest_paths([feed])
            assert res.failed == 0 and res.skipped == killed_at and res.added == 1000 - killed_at
            assert store.counts()["documents"] == 1000
            assert store.verify() == []
            assert store.counts()["engagements"] >= 990
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()


def test_the_writer_process_stores_what_the_thread_would(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from readouts.store import core

    monkeypatch.setattr(core, "_PROCESS_WRITER_MIN", 1)  # a process writer even for four documents
    started = []
    real_enter = core._ProcessWriter.__enter__
    monkeypatch.setattr(core._ProcessWriter, "__enter__", lambda self: started.append(1) or real_enter(self))
    with open_store(store_url) as store:
        res = store.ingest_paths([EXAMPLES])
        assert started and (res.added, res.skipped, res.failed) == (4, 0, 0)
        assert store.ingest_paths([EXAMPLES]).skipped == 4
        assert store.counts()["documents"] == 4 and store.verify() == []


def test_a_failing_writer_process_is_an_error_and_stores_no_part(store_url: str,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from readouts.errors import ReadoutsError
    from readouts.store import core

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(core, "_PROCESS_WRITER_MIN", 1)
    monkeypatch.setattr(store_rows, "write_records", broken)  # the forked writer inherits it
    monkeypatch.setattr(store_rows, "write_record", broken)
    with open_store(store_url) as store:
        with pytest.raises(ReadoutsError, match="disk on fire"):
            store.ingest_paths([EXAMPLES])
        assert store.counts()["documents"] == 0
