"""cues.yaml holds the statements stage's word lists; a list that is missing or malformed is a clear error."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

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




@pytest.mark.parametrize(("edit", "message"), [
    (lambda d: d["speech"].pop("together_verbs"), r"speech\.together_verbs is missing"),
    (lambda d: d["speech"]["salutations"].update(openings="Dear"), r"speech\.salutations\.openings: expected"),
    (lambda d: d["statements"].update(described_offices=[]), r"statements\.described_offices: expected"),
    (lambda d: d["statements"].update(reciprocal_cues=["agreed", 3]), r"statements\.reciprocal_cues: expected"),
    (lambda d: d.pop("speech"), r"speech is missing or not a mapping"),
    (lambda d: d["statements"].pop("reporters"), r"statements\.reporters is missing"),
    (lambda d: d["statements"].update(joint_offices={"ministers": "minister"}), r"statements\.joint_offices: expected"),
])
def test_a_missing_or_malformed_cue_list_is_a_clear_error(load_edited: Any, edit: Edit, message: str) -> None:
    with pytest.raises(KnowledgeError, match=message):
        load_edited("cues.yaml", edit)


def test_the_shipped_cues_pass(load_edited: Any) -> None:
    load_edited("cues.yaml", lambda d: None)
