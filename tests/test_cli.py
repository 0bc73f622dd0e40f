"""The command line, as a user runs it: files, folders, stdin, -o, show, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from readouts.cli import main

GOOD = ("On 3 May 2024, Foreign Minister Ana Lima of Portugal met with Spanish Foreign Minister José Manuel "
        "Albares in Lisbon. Albares said that Spain and Portugal share a common vision for Europe.\n")


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_extract_one_file_prints_one_record(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(GOOD, encoding="utf-8")
    res = runner.invoke(main, ["extract", str(f)])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout)
    assert rec["schema"] == "readouts/1" and rec["document"]["source"] == str(f)
    e = rec["engagements"][0]
    assert e["date"] == "2024-05-03" and e["location"] == "Lisbon"
    assert {p["affiliation"] for p in e["participants"]} == {"PRT", "ESP"}


def test_extract_stdin(runner: CliRunner) -> None:
    res = runner.invoke(main, ["extract", "-"], input=GOOD)
    assert res.exit_code == 0
    assert json.loads(res.stdout)["engagements"]


def test_extract_folder_to_jsonl_with_bad_files(runner: CliRunner, tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (d / "latin1.txt").write_bytes("Le ministre a rencontré son homologue à Paris.".encode("latin-1"))
    (d / "french.md").write_text("Le ministre des Affaires étrangères a rencontré aujourd'hui son homologue "
                                 "allemand à Paris pour discuter de la situation en Ukraine et des relations "
                                 "bilatérales entre les deux pays.", encoding="utf-8")
    (d / "huge.txt").write_bytes(b"a " * 10_500_000)
    (d / "broken.html").write_text("<html><body><p>Prime Minister Ana Lima of Portugal met with President "
                                   "Emmanuel Macron of France in Paris.<div><p>Unclosed", encoding="utf-8")
    (d / "feed.jsonl").write_text(json.dumps({"id": "x1", "text": GOOD, "published": "2024-05-04"}) + "\n",
                                  encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(main, ["extract", str(d), "-o", str(out)])
    assert res.exit_code == 1
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    sources = sorted(Path(r["document"]["source"]).name for r in lines)
    assert sources == ["broken.html", "good.txt", "x1"]
    errors = [x for x in res.stderr.splitlines() if x.startswith("error:")]
    for name in ("empty.txt", "binary.txt", "latin1.txt", "french.md", "huge.txt"):
        assert sum(name in x for x in errors) == 1, (name, errors)
    assert "Traceback" not in res.output + res.stderr
    html = next(r for r in lines if r["document"]["source"].endswith("broken.html"))
    assert html["engagements"] and html["engagements"][0]["location"] == "Paris"


def test_show_is_readable(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(GOOD, encoding="utf-8")
    res = runner.invoke(main, ["show", str(f)])
    assert res.exit_code == 0
    for s in ("participants", "José Manuel Albares", "ESP", "Spain and Portugal share a common vision"):
        assert s in res.stdout


def test_missing_file_is_one_line_error(runner: CliRunner, tmp_path: Path) -> None:
    res = runner.invoke(main, ["extract", str(tmp_path / "nope.txt")])
    assert res.exit_code == 1
    assert "nope.txt" in res.stderr and "Traceback" not in res.stderr


def test_user_actor_file(runner: CliRunner, tmp_path: Path) -> None:
    actors = tmp_path / "mine.yaml"
    actors.write_text("states:\n  - {code: RUR, name: Ruritania, adjectives: [Ruritanian], capitals: [Strelsau]}\n"
                      "people:\n  - name: Rudolf Elphberg\n    roles:\n      - {title: King, kind: head_of_state, "
                      "actor: RUR, start: '2020-01-01', end: null}\n", encoding="utf-8")
    f = tmp_path / "r.txt"
    f.write_text("On 2 June 2024, Rudolf Elphberg met with Foreign Minister Ana Lima of Portugal in Strelsau.\n",
                 encoding="utf-8")
    res = runner.invoke(main, ["extract", str(f), "--actors", str(actors)])
    assert res.exit_code == 0, res.stderr
    parts = json.loads(res.stdout)["engagements"][0]["participants"]
    assert {p["name"]: p["affiliation"] for p in parts} == {"Rudolf Elphberg": "RUR", "Ana Lima": "PRT"}


def test_help_lists_every_command(runner: CliRunner) -> None:
    res = runner.invoke(main, ["--help"])
    for cmd in ("extract", "show", "examples"):
        assert cmd in res.stdout
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for cmd in ("readouts extract", "readouts show", "readouts examples"):
        assert cmd in readme, f"{cmd} is not documented in the README"
