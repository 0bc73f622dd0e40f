"""Real output validates against the record contract (../shared/schema/record.schema.json)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import golden_cases

import readouts


@pytest.fixture(scope="module")
def validator(shared: Path) -> jsonschema.Draft202012Validator:
    schema = json.loads((shared / "schema" / "record.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _texts(shared: Path) -> list[str]:
    texts = [c["text"] for c in golden_cases()]
    texts.append((shared / "seed" / "000_39c828ffaf6ee951.txt").read_text(encoding="utf-8"))
    texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus" / "dev").glob("*.txt"))]
    return texts


def test_records_validate_and_spans_index_the_text(shared: Path, validator: jsonschema.Draft202012Validator) -> None:
    n = 0
    for rec in readouts.extract_many(_texts(shared)):
        d = rec.to_dict()
        validator.validate(d)
        text = d["document"]["text"]
        items = list(d["statements"]) + list(d["events"])
        for e in d["engagements"]:
            items += [e] + e["participants"] + e["topics"] + e["agreements"]
        for it in items:
            a, b = it["span"]
            assert 0 <= a <= b <= len(text)
            if "text" in it:
                assert text[a:b] == it["text"]
        n += 1
    assert n > 60


def test_document_id_is_sha256_of_text(seed_text: str) -> None:
    import hashlib

    rec = readouts.extract(seed_text)
    assert rec.document.id == hashlib.sha256(seed_text.encode()).hexdigest()
    assert rec.to_dict()["schema"] == "readouts/1"


def test_empty_record_validates(validator: jsonschema.Draft202012Validator) -> None:
    validator.validate(readouts.Record.empty("").to_dict())
