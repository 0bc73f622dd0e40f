"""Reading inputs: encodings, formats and bad input give clear errors."""

from __future__ import annotations

import json

import pytest

from readouts.errors import BinaryInputError, EmptyInputError, EncodingError, InputError, LanguageError
from readouts.io import read_document

TEXT = "Foreign Minister Ana Lima of Portugal met with Spanish Foreign Minister José Manuel Albares in Madrid today."


def test_utf8_with_bom_and_utf16_decode_to_the_same_text() -> None:
    a = read_document(("\ufeff" + TEXT).encode("utf-8"), "a.txt")
    b = read_document(TEXT.encode("utf-16"), "b.txt")
    assert a[0][0] == b[0][0] == TEXT


def test_plain_text_is_kept_unchanged() -> None:
    raw = "  Title line\n\nForeign Minister Ana Lima met X.\r\n"
    assert read_document(raw.encode(), "x.md")[0][0] == raw


@pytest.mark.parametrize("data,err", [
    (b"", EmptyInputError),
    (b"   \n\t ", EmptyInputError),
    (b"\x00\x01\x02binary", BinaryInputError),
    ("café".encode("latin-1"), EncodingError),
    ("Министр иностранных дел встретился с коллегой".encode(), LanguageError),
    # Latin script that shares a few short words with English ("a", "en"): the other language's own words tell
    ("Le ministre des Affaires étrangères a rencontré son homologue allemand à Paris. Les deux ministres ont "
     "discuté de la situation en Ukraine.".encode(), LanguageError),
    ("El ministro de Asuntos Exteriores se reunió con su homólogo francés en Madrid. Los dos ministros hablaron "
     "de la situación en Ucrania y de la cooperación entre los dos países.".encode(), LanguageError),
])
def test_bad_input_names_the_file(data: bytes, err: type[Exception]) -> None:
    with pytest.raises(err, match="in.txt"):
        read_document(data, "in.txt")


def test_english_with_foreign_names_and_places_is_english() -> None:
    text = ("Prime Minister Pedro Sánchez met President Luiz Inácio Lula da Silva at the Palacio de la Moncloa in "
            "Madrid. The two leaders discussed the Mercosur agreement and cooperation between Spain and Brazil.")
    assert read_document(text.encode(), "es.txt")[0][0] == text


def test_jsonl_lines_carry_context_and_bad_lines_are_named() -> None:
    good = json.dumps({"id": "d1", "text": TEXT, "published": "2024-05-01", "publisher": "Portugal MFA"})
    docs = read_document((good + "\n\n").encode(), "feed.jsonl")
    assert docs == [(TEXT, {"id": "d1", "published": "2024-05-01", "publisher": "Portugal MFA", "source": "d1"})]
    with pytest.raises(InputError, match="feed.jsonl:2"):
        read_document((good + "\n{not json\n").encode(), "feed.jsonl")
    with pytest.raises(InputError, match='needs a "text"'):
        read_document(b'{"id": 1}\n', "feed.jsonl")


def test_html_gives_its_text_title_and_date() -> None:
    html = (f"<html><head><title>Readout</title><meta name='date' content='2024-03-05'></head><body>"
            f"<article><h1>Ministers meet</h1><p>{TEXT}</p><p>{TEXT}</p></article></body></html>")
    [(text, ctx)] = read_document(html.encode(), "page.html")
    assert TEXT in text and "<p>" not in text
    assert ctx["published"] == "2024-03-05" and ctx["source"] == "page.html"
