"""Shared fixtures: the shared data folder beside the repo, and cheap helpers."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLDEN = Path(__file__).resolve().parent / "golden"


def golden_cases() -> list[dict]:
    """Every case of every tests/golden/*.jsonl file, in file order."""
    return [json.loads(line) for f in sorted(GOLDEN.glob("*.jsonl"))
            for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared: Path) -> str:
    return (shared / "seed" / "000_39c828ffaf6ee951.txt").read_text(encoding="utf-8")


# --- stores: every store test runs on SQLite and on PostgreSQL -----------------------------------------
# READOUTS_TEST_PG names a PostgreSQL database whose role may CREATE DATABASE (.ci/run starts one and sets
# it); each test gets a fresh database of its own. Without it the PostgreSQL half is skipped locally and
# fails under CI, so a CI run can never pass with PostgreSQL silently untested.

PG_ADMIN = os.environ.get("READOUTS_TEST_PG")
EXAMPLES = ROOT / "readouts" / "examples"


def _pg_admin() -> str:
    if not PG_ADMIN:
        if os.environ.get("CI"):
            pytest.fail("READOUTS_TEST_PG is not set under CI: PostgreSQL must be tested")
        pytest.skip("READOUTS_TEST_PG is not set (a PostgreSQL URL whose role may create databases)")
    return PG_ADMIN


@contextlib.contextmanager
def _fresh_store_url(kind: str, folder: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield str(folder / "readouts.db")
    else:
        from readouts.store.scratch import scratch_database

        with scratch_database(_pg_admin(), prefix="readouts_test") as url:
            yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh, empty store (a SQLite file path, or a PostgreSQL URL)."""
    with _fresh_store_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def examples_store_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A store holding the example readouts shipped in the package; tests must only read it."""
    from readouts.store import open_store

    with _fresh_store_url(request.param, tmp_path_factory.mktemp("examples-store")) as url:
        store = open_store(url)
        try:
            store.ingest_paths([EXAMPLES])
        finally:
            store.close()
        yield url


@pytest.fixture
def load_edited(monkeypatch: pytest.MonkeyPatch) -> Callable[[str, Callable[[dict[str, Any]], Any]], None]:
    """Load the knowledge with one shipped YAML file edited (past the cache, which keeps the shipped
    knowledge): ``load_edited("cues.yaml", lambda d: d["speech"].pop("greetings"))``."""
    import yaml

    from readouts import knowledge

    def load(name: str, edit: Callable[[dict[str, Any]], Any]) -> None:
        data = yaml.safe_load(knowledge._shipped(name))
        edit(data)
        shipped = knowledge._shipped
        monkeypatch.setattr(knowledge, "_shipped", lambda n: yaml.safe_dump(data) if n == name else shipped(n))
        knowledge.load_knowledge.__wrapped__()

    return load
