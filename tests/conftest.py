"""Shared fixtures: the shared data folder beside the repo, and cheap helpers."""

from __future__ import annotations

import json
from pathlib import Path

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
