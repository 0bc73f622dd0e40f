"""Golden cases: readouts written for the project (tests/golden/cases.jsonl), each with what a careful
annotator expects; one parametrized test per case."""

from __future__ import annotations

import pytest
from conftest import golden_cases
from golden_check import compare

import readouts

# Cases whose expectations the extractor does not meet yet, each with the gap it shows. strict=True:
# a case that starts passing fails the run until it is taken off this list.
KNOWN_GAPS: dict[str, str] = {
}

CASES = golden_cases()


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden(case: dict, request: pytest.FixtureRequest) -> None:
    if case["id"] in KNOWN_GAPS:
        request.applymarker(pytest.mark.xfail(reason=KNOWN_GAPS[case["id"]], strict=True))
    rec = readouts.extract(case["text"], {"published": case.get("published")}).to_dict()
    problems = compare(case, rec)
    assert not problems, "\n".join(problems)


def test_golden_cases_are_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)) and len(ids) >= 20
    for c in CASES:
        exp = c.get("expect", {})
        for xs in exp.get("statements", {}).values():
            assert all(x in c["text"] for x in xs)
        assert all(x in c["text"] for x in exp.get("not_attributed", []))
        assert all(x in c["text"] for x in exp.get("stances", {}))
