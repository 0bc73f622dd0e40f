"""Agreements: positions and commitments attributed jointly to both or all sides. Texts written for these tests."""

from __future__ import annotations

import pytest

import readouts

_HEAD = "President Emmanuel Macron met Chancellor Olaf Scholz in Paris on March 4, 2024. "


def agreements(text: str) -> list[str]:
    rec = readouts.extract(_HEAD + text).to_dict()
    return [a["text"] for a in rec["engagements"][0]["agreements"]]


@pytest.mark.parametrize("text, want", [
    # a position stated together is agreed as much as one the sides "agree"
    ("They noted the serious impact of the drought on food prices.",
     ["noted the serious impact of the drought on food prices"]),
    ("The two leaders stressed the need for a ceasefire in Gaza.", ["stressed the need for a ceasefire in Gaza"]),
    ("The leaders called for the release of all hostages.", ["called for the release of all hostages"]),
    ("The two leaders affirmed their steadfast support for Moldova's sovereignty.",
     ["affirmed their steadfast support for Moldova's sovereignty"]),
    # commitments: the verb of committing is not part of the item
    ("The President and the Chancellor undertook to remain in close contact.", ["remain in close contact"]),
    ("They planned to hold a meeting of their defence ministers in the coming weeks.",
     ["hold a meeting of their defence ministers in the coming weeks"]),
    # an understanding reached together
    ("The two sides reached a three-point understanding on maritime security.",
     ["reached a three-point understanding on maritime security"]),
    # "Both" alone is a joint subject
    ("Both agreed that the energy market reform should be completed this year.",
     ["the energy market reform should be completed this year"]),
    # the subject repeated as "they" between two cues: two items
    ("The two leaders reaffirmed their support for Ukraine, and they confirmed that they would not accept any "
     "change of borders by force.",
     ["reaffirmed their support for Ukraine", "they would not accept any change of borders by force"]),
])
def test_joint_positions_are_agreements(text: str, want: list[str]) -> None:
    assert agreements(text) == want


@pytest.mark.parametrize("text", [
    # one side's position is not an agreement
    "President Macron stressed the need for a ceasefire in Gaza.",
    "The Chancellor noted the serious impact of the drought on food prices.",
    # a joint act that takes no position
    "The two leaders discussed the situation in the Middle East.",
])
def test_one_sides_position_or_a_discussion_is_no_agreement(text: str) -> None:
    assert agreements(text) == []


def test_the_speaker_and_a_named_counterpart_agree() -> None:
    text = ("Media release\n\nToday I met Foreign Minister Wang Yi of China in Canberra. We discussed trade and "
            "consular cases. I raised Australia's concerns about human rights.\n\nMinister Wang and I agreed to "
            "continue our dialogue.")
    rec = readouts.extract(text).to_dict()
    assert [a["text"] for a in rec["engagements"][0]["agreements"]] == ["continue our dialogue"]
    # the page's title line is nobody's statement
    assert not any(s["text"].startswith("Media release") for s in rec["statements"])


def test_the_items_of_a_list_after_both_sides_are_agreements() -> None:
    text = ("Prime Minister Narendra Modi paid an official visit to Singapore on 4-5 September 2024 at the invitation "
            "of Prime Minister Lawrence Wong.\n\n3. Both sides:\n- welcomed the signing of a memorandum on "
            "semiconductors;\n- agreed to strengthen cooperation in skills development;\n- reaffirmed their "
            "commitment to freedom of navigation.\n\n4. Prime Minister Modi thanked Prime Minister Wong.")
    eng = readouts.extract(text).engagements[0]
    assert [a.text for a in eng.agreements] == [
        "welcomed the signing of a memorandum on semiconductors", "strengthen cooperation in skills development",
        "reaffirmed their commitment to freedom of navigation"]
    assert eng.date == "2024-09-04"  # a span of days: its first


@pytest.mark.parametrize("text, want", [
    # joint subjects of other ministries' styles
    ("The interlocutors agreed to intensify cooperation on defence.", ["intensify cooperation on defence"]),
    ("The three participants agreed to meet again in June.", ["meet again in June"]),
    ("The Heads of State and Government agreed to establish a joint task force on migration.",
     ["establish a joint task force on migration"]),
    # a second cue of agreeing after "and" is no stop: both items
    ("The two sides agreed that the energy transition must be accelerated, and shared the view that nuclear "
     "power has a role to play.",
     ["the energy transition must be accelerated", "nuclear power has a role to play"]),
    # a concern voiced together, and the position after it
    ("Both Ministers expressed grave concern over the floods in the region and called for swift relief.",
     ["expressed grave concern over the floods in the region", "called for swift relief"]),
    # a document adopted together
    ("The leaders adopted the Paris Vision 2030 on economic cooperation and signed an agreement on research.",
     ["adopted the Paris Vision 2030 on economic cooperation", "signed an agreement on research"]),
    # instructions given together, and a signing witnessed together
    ("The two leaders agreed to revive the joint commission and directed their ministers to meet within three "
     "months.", ["revive the joint commission", "directed their ministers to meet within three months"]),
    ("The leaders held talks, after which they witnessed the signing of an agreement on a gas pipeline.",
     ["witnessed the signing of an agreement on a gas pipeline"]),
    # news-agency short forms of the joint subject ("the two PMs", "both FMs")
    ("After the talks, the two PMs witnessed the signing of cooperation documents on education.",
     ["witnessed the signing of cooperation documents on education"]),
    ("Both FMs agreed to hold the next round of consultations in Paris.",
     ["hold the next round of consultations in Paris"]),
    # a joint position quoted from one side ends with the quotation, not with its cue
    ("\"We agreed to ensure the flow of essential goods,\" said President Macron.",
     ["ensure the flow of essential goods"]),
    ("\"We agreed to deepen our cooperation on energy,\" Mr Macron says.", ["deepen our cooperation on energy"]),
    ("The two leaders were of the view that trade should grow.", ["trade should grow"]),
    # support voiced together after a discussion ("The Ministers exchanged views on ... and expressed support for")
    ("The Ministers exchanged views on the situation in Afghanistan and expressed support for an Afghan-led "
     "process of reconciliation.", ["expressed support for an Afghan-led process of reconciliation"]),
    # a format's members speaking as one
    ("The Quartet called upon the parties to resume direct negotiations without preconditions.",
     ["called upon the parties to resume direct negotiations without preconditions"]),
    # a weekday between the cue and what was agreed
    ("The two sides agreed Monday to seek a negotiated settlement.", ["seek a negotiated settlement"]),
])
def test_agreements_in_other_styles(text: str, want: list[str]) -> None:
    assert agreements(text) == want


def test_a_joint_sentence_goes_to_the_engagement_its_subject_fits() -> None:
    text = ("Foreign Minister Daniel Tan visited Hanoi on 10 May 2024 and held talks with Foreign Minister Nguyen "
            "Van Long.\n\nThe Minister also paid a courtesy call on Prime Minister Tran Quoc Hai.\n\n"
            "Both Ministers agreed to deepen cooperation in the digital economy. Both sides also shared the view "
            "that ASEAN unity is essential.\n")
    rec = readouts.extract(text).to_dict()
    e1, e2 = rec["engagements"]
    assert [a["text"] for a in e1["agreements"]] == ["deepen cooperation in the digital economy",
                                                     "shared the view that ASEAN unity is essential"]
    assert e2["agreements"] == []
    assert {s["engagement"] for s in rec["statements"] if s["speaker"] == "both sides"} == {e1["id"]}


def test_a_joint_sentence_in_a_later_engagements_paragraph_is_about_it() -> None:
    text = ("Foreign Minister Daniel Tan visited Hanoi on 10 May 2024 and held talks with Foreign Minister Nguyen "
            "Van Long.\n\nThe Minister also paid a courtesy call on Prime Minister Tran Quoc Hai. The two sides "
            "agreed to hold a business forum in Singapore.\n")
    e1, e2 = readouts.extract(text).to_dict()["engagements"]
    assert [a["text"] for a in e2["agreements"]] == ["hold a business forum in Singapore"]
    assert e1["agreements"] == []


def test_a_will_ratified_together_a_comma_listed_welcome_and_a_signing_witnessed_by_two_addressed_leaders() -> None:
    text = ("Havana, November 6, 2015. The Minister of Foreign Affairs of Cuba, Carlos Duarte Vidal, received today the "
            "Secretary of Foreign Affairs of Mexico, Elena Ruiz Salas. Both foreign ministers reviewed bilateral "
            "relations and ratified their will to continue expanding trade ties. Both sides also exchanged views on "
            "Libya, welcomed the endorsement of the Government of National Unity, and agreed on the importance of "
            "free elections.")
    agreed = [a["text"] for a in readouts.extract(text).to_dict()["engagements"][0]["agreements"]]
    assert agreed == ["ratified their will to continue expanding trade ties",
                      "welcomed the endorsement of the Government of National Unity",
                      "the importance of free elections"], agreed
    text = ("Doha, February 26 (QNA) - HH the Amir Sheikh Tamim bin Hamad Al-Thani and HE President of the Republic of "
            "Kenya Dr. William Samoei Ruto held official talks at the Amiri Diwan on Monday morning. After the talks, "
            "HH the Amir and HE the Kenyan President witnessed the signing of an agreement on the avoidance of double "
            "taxation.")
    agreed = [a["text"] for a in readouts.extract(text).to_dict()["engagements"][0]["agreements"]]
    assert agreed == ["witnessed the signing of an agreement on the avoidance of double taxation"], agreed


def test_two_sides_named_as_the_subject_agree_but_not_two_states_in_an_object() -> None:
    text = ("Rabat - His Majesty King Mohammed VI received, on Thursday April 7, 2022 at the Royal Palace in Rabat, the "
            "President of the Spanish Government, Mr. Pedro Sánchez. Following the audience, Morocco and Spain adopted "
            "a joint declaration setting out a roadmap for their partnership. The King expressed concern about the "
            "border between Algeria and Mali, and called for restraint.")
    agreed = [a["text"] for a in readouts.extract(text).to_dict()["engagements"][0]["agreements"]]
    assert agreed == ["adopted a joint declaration setting out a roadmap for their partnership"], agreed


def test_signing_the_minutes_of_a_joint_commission_is_agreed() -> None:
    text = ("Pretoria, 14 August 2023. The Minister of International Relations and Cooperation, Naledi Pandor, today "
            "hosted the Minister of Foreign Affairs of Iran, Hossein Amir-Abdollahian. The two Ministers signed the "
            "minutes of the Joint Commission.")
    agreed = [a["text"] for a in readouts.extract(text).to_dict()["engagements"][0]["agreements"]]
    assert agreed == ["signed the minutes of the Joint Commission"], agreed


def test_a_group_of_ministers_and_the_one_they_met_agree_together() -> None:
    rec = readouts.extract("Foreign Ministers of the Caribbean Community met with United States Secretary of State "
                           "Antony Blinken on Wednesday in Lima.\n\nThe Ministers and the Secretary agreed on the need "
                           "for an urgent international response to the crisis in Haiti.").to_dict()
    got = [a["text"] for a in rec["engagements"][0]["agreements"]]
    assert got == ["the need for an urgent international response to the crisis in Haiti"]


@pytest.mark.parametrize("text, want", [
    ("They strongly opposed any coercive unilateral actions.", ["opposed any coercive unilateral actions"]),
    ("The two leaders condemned the missile launches.", ["condemned the missile launches"]),
    ("The two leaders issued a Joint Statement on Strategic Partnership.",
     ["issued a Joint Statement on Strategic Partnership"]),
])
def test_a_stand_taken_together(text: str, want: list[str]) -> None:
    assert agreements(text) == want


@pytest.mark.parametrize("doc", ["an investment protection pact", "a grain deal", "a visa waiver arrangement"])
def test_signing_a_pact_a_deal_or_an_arrangement_is_agreed(doc: str) -> None:
    # agency copy: "The three leaders also signed an investment protection pact"
    text = ("BEIJING (AP) — Chinese Premier Wen Jiabao met Japanese Prime Minister Yoshihiko Noda in Beijing on Sunday, "
            f"May 13, 2012. The two leaders also signed {doc}.")
    agreed = [a["text"] for a in readouts.extract(text).to_dict()["engagements"][0]["agreements"]]
    assert agreed == [f"signed {doc}"], agreed


def test_a_wire_leads_agreement_before_the_sentence_naming_the_talks() -> None:
    # Kyodo: the lead tells what the leaders agreed; the next sentence names the talks ("In their talks in Tokyo")
    text = ("KYODO NEWS - Mar 16, 2023\n\nJapanese Prime Minister Fumio Kishida and South Korean President Yoon Suk "
            "Yeol agreed Thursday to resume regular reciprocal visits by their leaders.\n\nIn their talks in Tokyo, "
            "Kishida said Japan upholds the position of past Cabinets on history.\n")
    agreed = [a["text"] for a in readouts.extract(text).to_dict()["engagements"][0]["agreements"]]
    assert agreed == ["resume regular reciprocal visits by their leaders"], agreed


def test_an_agencys_reporter_clause_or_quote_cue_ends_the_agreed_item() -> None:
    # Reuters: "... agreed to resume flights, Saudi state news agency SPA reported." / '"We agreed to ...," the
    # Iranian minister said on Twitter.'
    text = ("DUBAI, April 6 (Reuters) - Saudi Foreign Minister Prince Faisal bin Farhan and his Iranian counterpart "
            "Hossein Amir-Abdollahian met in Beijing on Thursday, April 6, 2023, and agreed to resume flights, Saudi "
            "state news agency SPA reported.\n\n\"We agreed to cooperate to achieve stability in the region,\" the "
            "Iranian minister said on Twitter.\n")
    agreed = [a["text"] for a in readouts.extract(text).to_dict()["engagements"][0]["agreements"]]
    assert agreed == ["resume flights", "cooperate to achieve stability in the region"], agreed
