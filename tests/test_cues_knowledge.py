"""cues.yaml holds the statements stage's word lists; a list that is missing or malformed is a clear error."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import yaml

import readouts.knowledge as knowledge
from readouts.errors import KnowledgeError
from readouts.knowledge import load_knowledge


def test_the_speech_word_lists_are_knowledge() -> None:
    cues = load_knowledge().cues
    assert "leader" in cues["statements"]["described_offices"]
    assert "exchanged views" in cues["statements"]["reciprocal_cues"]
    assert "adding" in cues["statements"]["speech_participles"]
    speech = cues["speech"]
    assert "Ladies and gentlemen" in speech["salutations"]["openings"]
    assert "met" in speech["together_verbs"] and "remarks" in speech["header_words"]
    assert speech["closings"] == ["Thank you"] and "welcome" in speech["greetings"]


Edit = Callable[[dict[str, Any]], Any]


def _load_with_cues(monkeypatch: pytest.MonkeyPatch, edit: Edit) -> None:
    data = yaml.safe_load(knowledge._shipped("cues.yaml"))
    edit(data)
    shipped = knowledge._shipped
    monkeypatch.setattr(knowledge, "_shipped",
                        lambda name: yaml.safe_dump(data) if name == "cues.yaml" else shipped(name))
    load_knowledge.__wrapped__()  # past the cache, which keeps the shipped knowledge


@pytest.mark.parametrize(("edit", "message"), [
    (lambda d: d["speech"].pop("together_verbs"), r"speech\.together_verbs is missing"),
    (lambda d: d["speech"]["salutations"].update(openings="Dear"), r"speech\.salutations\.openings: expected"),
    (lambda d: d["statements"].update(described_offices=[]), r"statements\.described_offices: expected"),
    (lambda d: d["statements"].update(reciprocal_cues=["agreed", 3]), r"statements\.reciprocal_cues: expected"),
    (lambda d: d.pop("speech"), r"speech is missing or not a mapping"),
])
def test_a_missing_or_malformed_cue_list_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, edit: Edit,
                                                          message: str) -> None:
    with pytest.raises(KnowledgeError, match=message):
        _load_with_cues(monkeypatch, edit)


def test_the_shipped_cues_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    _load_with_cues(monkeypatch, lambda d: None)
