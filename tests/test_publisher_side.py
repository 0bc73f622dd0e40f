"""The publishing side of a readout (``document.publisher_side``) and the titles it rests on."""

from __future__ import annotations

import json

import pytest

import readouts
from readouts.errors import KnowledgeError
from readouts.knowledge import _parse_agencies, load_knowledge


def side(text: str) -> str | None:
    return json.loads(readouts.extract(text).to_json())["document"].get("publisher_side")


def participants(text: str) -> list[tuple[str | None, str | None, str | None]]:
    rec = readouts.extract(text)
    return [(p.name, p.title, p.affiliation) for p in rec.engagements[0].participants]


def test_state_agency_dateline_names_the_publishing_side():
    # the Vietnamese minister is named without his country: without a dateline he looks like the
    # readout's own official (readouts do not qualify their own), with one the agency decides
    body = ("Chinese Foreign Minister Wang Yi held talks with Foreign Minister Bui Thanh Son in Hanoi on "
            "Monday, March 3, 2025. Wang said China is ready to deepen cooperation.")
    assert side(body) == "VNM"
    assert side("HANOI, March 3 (Xinhua) -- " + body) == "CHN"
    assert side("HANOI, March 3 (VNA) – " + body) == "VNM"
    assert side("BEIJING, March 3 (AFP) - " + body) == "VNM"  # a wire: no evidence either way


def test_agency_of_a_country_not_in_the_engagement_is_no_evidence():
    text = ("BEIJING, (APP) -- Foreign Minister Wang Yi had a telephone conversation with U.S. Secretary of "
            "State Marco Rubio on January 24, 2025. Wang said the two countries should respect each other.")
    assert side(text) == "CHN"  # the unqualified Foreign Minister, not Pakistan's agency


def test_wire_services_speak_for_no_side():
    text = ("OTTAWA, Feb. 3, 2021 /CNW/ - The Prime Minister of Canada, Justin Trudeau, today spoke with the "
            "President of Mexico, Andrés Manuel López Obrador. The leaders discussed trade.")
    assert side(text) == "CAN"


def test_every_participant_qualified_the_first_named_is_the_publisher():
    text = ("On May 2, 2023, Mr. Fumio Kishida, Prime Minister of Japan, held a telephone talk with the Rt Hon "
            "Rishi Sunak MP, Prime Minister of the United Kingdom. The two leaders affirmed their cooperation.")
    assert side(text) == "JPN"
    assert participants(text)[1] == ("Rishi Sunak", "Prime Minister of the United Kingdom", "GBR")


def test_agencies_are_validated():
    kb = load_knowledge()
    assert kb.agencies["Xinhua"] == "CHN" and kb.agencies["AFP"] is None
    with pytest.raises(KnowledgeError, match="not a known actor code"):
        _parse_agencies({"agencies": [{"name": "X", "forms": ["X"], "side": "ZZZ"}]}, kb.actors)
    with pytest.raises(KnowledgeError, match="unknown key"):
        _parse_agencies({"agencies": [{"name": "X", "forms": ["X"], "country": "CHN"}]}, kb.actors)


def test_agency_of_the_host_country():
    text = ("Hanoi (VNA) – Indonesian President Prabowo Subianto left Ho Chi Minh City on March 11, 2025, "
            "concluding his state visit to Vietnam. During his stay he paid tribute to late President Ho Chi Minh "
            "at his mausoleum in Hanoi.")
    assert side(text) == "VNM"
    rec = readouts.extract(text)
    names = {p.name for e in rec.engagements for p in e.participants}
    assert "Ho Chi Minh" not in names and "Ho Chi Minh City" not in names  # a city, and the dead take no part


def test_two_offices_in_one_headline_are_two_people():
    text = ("Meeting with President of Azerbaijan and Prime Minister of Armenia\n\nMay 25, 2023, The Kremlin, Moscow\n\n"
            "Trilateral talks between President of Russia Vladimir Putin, President of Azerbaijan Ilham Aliyev and "
            "Prime Minister of Armenia Nikol Pashinyan took place in the Kremlin.")
    assert participants(text) == [("Vladimir Putin", "President of Russia", "RUS"),
                                  ("Ilham Aliyev", "President of Azerbaijan", "AZE"),
                                  ("Nikol Pashinyan", "Prime Minister of Armenia", "ARM")]
    double = ("On May 2, 2024, Deputy Prime Minister and Minister of Foreign Affairs of Belgium Hadja Lahbib met "
              "Minister of Foreign Affairs and Trade of Hungary Péter Szijjártó.")
    assert [t for _, t, _ in participants(double)] == [
        "Deputy Prime Minister and Minister of Foreign Affairs of Belgium", "Minister of Foreign Affairs and Trade of Hungary"]


def test_aides_without_a_state_in_their_title_are_the_qualified_principal_s():
    text = ("Havana, November 6, 2015. The Minister of Foreign Affairs of the Republic of Cuba, Carlos Duarte Vidal, "
            "received today the Secretary of Foreign Affairs of the United Mexican States, Elena Ruiz Salas. Duarte "
            "Vidal reiterated that the blockade of the United States remains in force and that the United States must "
            "lift it. Also present was the Deputy Minister of Foreign Affairs, Marcelino Medina González.")
    assert participants(text)[2] == ("Marcelino Medina González", "Deputy Minister of Foreign Affairs", "CUB")


def test_a_described_leader_is_the_named_president_and_his_minister_is_of_his_side():
    text = ("NAIROBI, Tuesday 12 August 2014 (PSCU) - President Uhuru Kenyatta today held talks with President Salva "
            "Kiir Mayardit of South Sudan at State House, Nairobi. The South Sudanese leader, who arrived on Monday, was "
            "accompanied by his Foreign Affairs Minister Barnaba Marial Benjamin.")
    assert participants(text) == [("Uhuru Kenyatta", "President", "KEN"),
                                  ("Salva Kiir Mayardit", "President of South Sudan", "SSD"),
                                  ("Barnaba Marial Benjamin", "Foreign Affairs Minister", "SSD")]


def test_a_capital_opening_the_dateline_is_the_publishing_side():
    # Bangladesh MoFA: the own Foreign Minister is named without a side, the visitor with one
    text = ("Dhaka, 12 April 2022\n\nForeign Minister Dr. A K Abdul Momen received State Minister for Foreign "
            "Affairs of Japan Mr. Honda Taro at his office today.")
    assert side(text) == "BGD"
    assert participants(text)[0][2] == "BGD"


def test_the_host_side_of_the_place_a_meeting_is_held_at() -> None:
    rec = readouts.extract("Deputy Secretary of Defense Kathleen Hicks met today with Danish Minister of Defence "
                           "Troels Lund Poulsen at the Pentagon.\n\nDeputy Secretary Hicks thanked Minister Poulsen for "
                           "Denmark's leadership in the F-16 training coalition for Ukraine.").to_dict()
    assert [(p["name"], p["affiliation"]) for p in rec["engagements"][0]["participants"]] == [
        ("Kathleen Hicks", "USA"), ("Troels Lund Poulsen", "DNK")]
