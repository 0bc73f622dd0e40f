"""The store's commands through click's CliRunner, on SQLite and on PostgreSQL: ingest, dyad, actor,
search, export, reprocess and serve."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

import readouts
from readouts.cli import main
from readouts.store import open_store

EXAMPLES = Path(readouts.__file__).parent / "examples"


def run(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None) -> object:
    return CliRunner().invoke(main, list(args), env=env, input=stdin, catch_exceptions=False)


def test_ingest_twice(store_url: str) -> None:
    first = run("ingest", str(EXAMPLES), "--db", store_url)
    assert first.exit_code == 0, first.output
    assert "added 4, skipped 0, failed 0" in first.stderr
    again = run("ingest", str(EXAMPLES), "--db", store_url)
    assert again.exit_code == 0 and "added 0, skipped 4, failed 0" in again.stderr


def test_ingest_jsonl_and_env_db(store_url: str, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    text = (EXAMPLES / "03_nato_sweden_meeting.txt").read_text(encoding="utf-8")
    feed.write_text(json.dumps({"id": "a1", "text": text, "published": "2023-02-08", "publisher": "NATO"}) + "\n",
                    encoding="utf-8")
    res = run("ingest", str(feed), env={"READOUTS_DB": store_url})
    assert res.exit_code == 0 and "added 1," in res.stderr
    with open_store(store_url) as store:
        doc = store.documents()["items"][0]
        assert (doc["source"], doc["publisher"], doc["published"]) == ("a1", "NATO", "2023-02-08")


def test_ingest_from_stdin(store_url: str) -> None:
    texts = [(EXAMPLES / n).read_text(encoding="utf-8") for n in ("03_nato_sweden_meeting.txt",
                                                                  "02_us_philippines_phone_call.txt")]
    feed = "".join(json.dumps({"id": f"s{i}", "text": t, "publisher": "Ministry"}) + "\n" for i, t in enumerate(texts))
    res = run("ingest", "-", "--db", store_url, stdin=feed.encode())
    assert res.exit_code == 0 and "added 2, skipped 0, failed 0" in res.stderr, res.stderr
    one = run("ingest", "-", "--db", store_url, stdin=(EXAMPLES / "04_turkiye_visit.txt").read_bytes())
    assert one.exit_code == 0 and "added 1, skipped 0, failed 0" in one.stderr
    again = run("ingest", "-", "--db", store_url, stdin=feed.encode())
    assert "added 0, skipped 2, failed 0" in again.stderr
    bad = run("ingest", "-", "--db", store_url, stdin=b"")
    assert bad.exit_code == 1 and "<stdin>: empty" in bad.stderr and "Traceback" not in bad.output
    with open_store(store_url) as store:
        sources = sorted(d["source"] for d in store.documents()["items"])
    assert sources == ["<stdin>", "s0", "s1"]


def test_ingest_bad_input(store_url: str, tmp_path: Path) -> None:
    empty, binary = tmp_path / "empty.txt", tmp_path / "bin.txt"
    empty.write_bytes(b"")
    binary.write_bytes(b"\x00\xff" * 100)
    only_bad = run("ingest", str(empty), str(binary), "--db", store_url)
    assert only_bad.exit_code == 1  # nothing could be read
    assert "error: " in only_bad.stderr and "empty.txt" in only_bad.stderr and "bin.txt" in only_bad.stderr
    assert "added 0, skipped 0, failed 2" in only_bad.stderr
    mixed = run("ingest", str(empty), str(EXAMPLES / "02_us_philippines_phone_call.txt"), "--db", store_url)
    assert mixed.exit_code == 0 and "added 1, skipped 0, failed 1" in mixed.stderr
    missing = run("ingest", str(tmp_path / "nope.txt"), "--db", store_url)
    assert missing.exit_code == 1 and "nope.txt" in missing.stderr and "Traceback" not in missing.output


def test_unreachable_store_is_one_line() -> None:
    res = run("dyad", "CHN", "NATO", "--db", "postgresql://nobody:secret@127.0.0.1:1/none")
    assert res.exit_code == 2
    assert res.stderr.startswith("error: cannot open the store") and "secret" not in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_dyad(examples_store_url: str) -> None:
    table = run("dyad", "CHN", "NATO", "--db", examples_store_url)
    assert table.exit_code == 0, table.output
    assert "2021-09-27" in table.stdout and "Wang Yi" in table.stdout and "1 engagement(s)" in table.stdout
    as_json = run("dyad", "China", "nato", "--db", examples_store_url, "--format", "json")
    d = json.loads(as_json.stdout)
    assert (d["a"], d["b"]) == ("CHN", "NATO") and d["summary"]["engagements"] == 1
    assert d["engagements"][0]["initiator"] == "NATO" and d["months"][0]["month"] == "2021-09"
    none = json.loads(run("dyad", "CHN", "NATO", "--db", examples_store_url, "--format", "json",
                          "--modality", "phone", "--since", "2021-01-01", "--until", "2021-12-31",
                          "--initiator", "NATO").stdout)
    assert none["engagements"] == []
    bad = run("dyad", "CHN", "NATO", "--db", examples_store_url, "--since", "yesterday")
    assert bad.exit_code == 2 and "not a date" in bad.stderr


def test_actor(examples_store_url: str) -> None:
    res = run("actor", "Wang Yi", "--db", examples_store_url, "--since", "2021-01-01")
    assert res.exit_code == 0 and "Wang Yi (person, CHN)" in res.stdout and "counterparts: NATO 1" in res.stdout
    a = json.loads(run("actor", "Stoltenberg", "--db", examples_store_url, "--format", "json").stdout)
    assert a["name"] == "Jens Stoltenberg" and len(a["engagements"]) == 2
    side = json.loads(run("actor", "the United States", "--db", examples_store_url, "--format", "json").stdout)
    assert side["kind"] == "side" and side["sides"] == ["USA"]
    missing = run("actor", "Nobody Atall", "--db", examples_store_url)
    assert missing.exit_code == 1 and "no actor" in missing.stderr


def test_search(examples_store_url: str) -> None:
    res = run("search", "dialogue", "--speaker", "Stoltenberg", "--db", examples_store_url)
    assert res.exit_code == 0 and "«dialogue»" in res.stdout and "statement(s) match" in res.stdout
    page = json.loads(run("search", '"objective lens"', "--db", examples_store_url, "--format", "json",
                          "--limit", "5").stdout)
    assert page["total"] == 1 and page["limit"] == 5 and "«objective lens»" in page["items"][0]["snippet"]
    odd = run("search", '"unbalanced AND (', "--db", examples_store_url, "--topic", "Afghanistan",
              "--publisher", "x", "--since", "2020", "--until", "2030")
    assert odd.exit_code == 0 and "0 statement(s) match" in odd.stdout


def test_export(examples_store_url: str, tmp_path: Path) -> None:
    for fmt, out in (("jsonl", "r.jsonl"), ("events-tsv", "e.tsv"), ("csv", "csv"), ("parquet", "pq")):
        res = run("export", "--format", fmt, "-o", str(tmp_path / out), "--db", examples_store_url)
        assert res.exit_code == 0 and "exported 4 document(s)" in res.stderr
    assert len((tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()) == 4
    assert (tmp_path / "e.tsv").read_text(encoding="utf-8").startswith("event_id\tdoc_id\t")
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == [
        "agreements.csv", "documents.csv", "engagements.csv", "events.csv", "participants.csv", "statements.csv",
        "topics.csv"]
    assert len(list((tmp_path / "pq").glob("*.parquet"))) == 7


def test_reprocess(store_url: str) -> None:
    assert run("ingest", str(EXAMPLES / "01_china_nato_video_call.txt"), "--db", store_url).exit_code == 0
    res = run("reprocess", "--db", store_url)
    assert res.exit_code == 0 and "0 stale document(s): reprocessed 0, failed 0" in res.stderr
    from sqlalchemy import update

    from readouts.store import schema

    with open_store(store_url) as store, store.engine.begin() as conn:
        conn.execute(update(schema.documents).values(extractor_version="0.0.0+old"))
    res = run("reprocess", "--db", store_url)
    assert res.exit_code == 0 and "1 stale document(s): reprocessed 1, failed 0" in res.stderr


def test_serve_calls_the_api(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls = []
    fake = types.ModuleType("readouts.api")
    fake.serve = lambda db, host, port: calls.append((db, host, port))  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "readouts.api", fake)
    assert run("serve", "--db", str(tmp_path / "x.db"), "--port", "8123").exit_code == 0
    assert calls == [(str(tmp_path / "x.db"), "127.0.0.1", 8123)]
    monkeypatch.setenv("READOUTS_DB", "from-env.db")
    run("serve", "--host", "0.0.0.0")
    assert calls[-1] == ("from-env.db", "0.0.0.0", 8000)
