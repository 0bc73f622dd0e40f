"""topics.yaml holds the topics stage's word lists (``extraction``); a list that is missing or malformed is a
clear error, and the stage reads its words from the knowledge base it is given."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import yaml

import readouts.knowledge as knowledge
from readouts.errors import KnowledgeError
from readouts.knowledge import load_knowledge
from readouts.stages.topics import _Words


def test_the_topic_word_lists_are_knowledge() -> None:
    words = load_knowledge().topic_words
    assert "exchanged views on" in words["list_cues"]["phrases"]
    assert "such as" in words["list_cues"]["introducers"] and "issues" in words["list_cues"]["nouns"]
    assert "mutual interest" in words["generic"] and "economic" in words["adjectives_only"]
    assert "close" in words["vague"] and "strengthen" in words["verbs"]
    assert "need" in words["vague_heads"]["heads"] and "opportunities" in words["vague_heads"]["heads"]
    assert {"end", "ending", "explore", "exploring"} <= set(words["lead_verbs"]["verbs"])
    assert "situation" in words["context"]["nouns"] and "nuclear" in words["context"]["after"]
    assert words["frames"]["cues"][0] == "Regarding" and words["frames"]["cues"][-1] == "On"
    assert words["short_names"]["united states"] == "US"


def test_the_patterns_are_built_from_the_words() -> None:
    w = _Words(load_knowledge().topic_words)
    m = w.list.search("They exchanged views on energy security and critical minerals.")
    assert m and m.group("items") == "energy security and critical minerals"
    head = w.head.match("the need to end the drought")
    assert head and w.lead_verb.sub("", "the need to end the drought"[head.end():]) == "the drought"
    assert w.lead_verb.sub("", "resolving the dispute") == "the dispute"
    assert w.shorten("the United States".removeprefix("the ")) == "US"
    assert w.shorten("Kingdom of Saudi Arabia") == "Saudi Arabia"


def test_a_word_added_in_the_knowledge_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    data = yaml.safe_load(knowledge._shipped("topics.yaml"))["extraction"]
    before = _Words(data)
    assert not before.list.search("They deliberated on energy security.")
    data["list_cues"]["phrases"].append("deliberated on")
    assert _Words(data).list.search("They deliberated on energy security.")


Edit = Callable[[dict[str, Any]], Any]




@pytest.mark.parametrize(("edit", "message"), [
    (lambda d: d.pop("extraction"), r"topics\.yaml: extraction is missing or not a mapping"),
    (lambda d: d["extraction"].pop("generic"), r"extraction\.generic is missing"),
    (lambda d: d["extraction"].update(vague=[]), r"extraction\.vague: expected a non-empty list"),
    (lambda d: d["extraction"]["list_cues"].pop("phrases"), r"extraction\.list_cues\.phrases is missing"),
    (lambda d: d["extraction"]["lead_verbs"].update(verbs="end"), r"extraction\.lead_verbs\.verbs: expected"),
    (lambda d: d["extraction"]["vague_heads"].update(heads=["need", True]), r"extraction\.vague_heads\.heads: expected"),
    (lambda d: d["extraction"]["context"].update(after=["issue", " "]), r"extraction\.context\.after: expected"),
    (lambda d: d["extraction"].pop("frames"), r"extraction\.frames is missing or not a mapping"),
    (lambda d: d["extraction"].update(short_names=["US"]), r"extraction\.short_names: expected a non-empty mapping"),
])
def test_a_missing_or_malformed_topic_list_is_a_clear_error(load_edited: Any, edit: Edit, message: str) -> None:
    with pytest.raises(KnowledgeError, match=message):
        load_edited("topics.yaml", edit)


def test_the_shipped_topic_words_pass(load_edited: Any) -> None:
    load_edited("topics.yaml", lambda d: None)
