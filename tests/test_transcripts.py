"""Transcripts: a participant's speaker label opens a turn that runs until another label."""

from __future__ import annotations

import readouts

TEXT = """Talks with the Prime Minister of Norway

March 4, 2024, Helsinki

President of Finland Alexander Stubb held talks with Prime Minister of Norway Jonas Gahr Store in Helsinki.

President of Finland Alexander Stubb: Prime Minister, dear friend, welcome to Helsinki.

Our countries share a long border and a longer history. We will keep working together on energy security in the north.

The Arctic matters to both of us, and I am glad we agreed to meet again in the autumn.

QUESTION: Will Finland raise defence spending next year?

President of Finland Alexander Stubb: We have already decided to do so.

Prime Minister of Norway Jonas Gahr Store: Thank you, Mr President. Norway values this partnership deeply.
"""


def statements():
    rec = readouts.extract(TEXT)
    return [(s.speaker, s.text) for s in rec.statements]


def test_turns_follow_the_labels():
    got = statements()
    stubb = [t for who, t in got if who == "Alexander Stubb"]
    store = [t for who, t in got if who == "Jonas Gahr Store"]
    assert stubb[0] == "Prime Minister, dear friend, welcome to Helsinki."
    assert "Our countries share a long border and a longer history." in stubb
    assert any(t.startswith("The Arctic matters to both of us") for t in stubb)
    assert "We have already decided to do so." in stubb
    assert store == ["Thank you, Mr President.", "Norway values this partnership deeply."]


def test_a_question_is_nobodys_statement():
    got = statements()
    assert not any("Will Finland raise" in t for _, t in got)
    # the label itself is never part of the statement
    assert not any(t.startswith("President of Finland") for _, t in got)
