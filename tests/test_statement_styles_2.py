"""Statements in more readout styles: forms of address before a speaker, a participant described by a
possessive ("the Head of our state"), honorifics and agency tags in segmentation, joint positions. Texts
written for these tests."""

from __future__ import annotations

from typing import Any

import readouts


def said(text: str) -> list[tuple[str, str]]:
    """(speaker, text) of every statement."""
    rec: dict[str, Any] = readouts.extract(text).to_dict()
    return [(s["speaker"], s["text"]) for s in rec["statements"]]


_KATHMANDU = ("KATHMANDU, 3 May 2024. Foreign Minister Dr. Mira Thapa held a meeting with Indian External Affairs "
              "Minister Dr. Arun Verma in Kathmandu today.\n\n")


def test_a_form_of_address_before_the_speaker_keeps_the_attribution() -> None:
    got = said(_KATHMANDU + "Hon. Foreign Minister Dr. Thapa underlined the importance of cross-border connectivity.\n\n"
               "The Rt. Hon. External Affairs Minister said that India values its ties with Nepal.\n\n"
               "Hon\u2019ble Foreign Minister Thapa stressed that Nepal welcomes Indian investment.\n")
    assert got == [("Mira Thapa", "Hon. Foreign Minister Dr. Thapa underlined the importance of cross-border "
                                  "connectivity."),
                   ("Arun Verma", "India values its ties with Nepal."),
                   ("Mira Thapa", "Nepal welcomes Indian investment.")]
