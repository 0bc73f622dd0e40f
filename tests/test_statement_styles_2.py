"""Statements in more readout styles: forms of address before a speaker, a participant described by a
possessive ("the Head of our state"), honorifics and agency tags in segmentation, joint positions. Texts
written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

import readouts
from readouts.config import Config
from readouts.knowledge import load_knowledge
from readouts.nlp import load_backend
from readouts.stages import segment
from readouts.stages.base import Work


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


_TASHKENT = ("TASHKENT, 5 June 2024. President of the Republic of Uzbekistan Aziz Karimov received Prime Minister of "
             "Hungary Laszlo Nemeth at the Kuksaroy residence.\n\n")


def test_the_head_of_our_state_and_our_president_are_the_publishing_sides_participant() -> None:
    got = said(_TASHKENT + "The Head of our state cordially welcomed the distinguished guest.\n\n"
               "Our President emphasized the importance of expanding trade.\n\n"
               "The Head of Government thanked the President for the warm welcome.\n\n"
               "The Head of our Government said that the new railway will open next year.\n")
    assert got == [("Aziz Karimov", "The Head of our state cordially welcomed the distinguished guest."),
                   ("Aziz Karimov", "Our President emphasized the importance of expanding trade."),
                   ("Laszlo Nemeth", "The Head of Government thanked the President for the warm welcome.")]


def sentences(text: str) -> list[str]:
    """The text of every sentence segmentation finds."""
    work = Work(text=text, kb=load_knowledge(), doc=next(load_backend(Config().model).tokens([text])))
    segment.run(work)
    return [work.stext(s) for s in work.sentences]


def test_a_form_of_address_with_a_full_stop_ends_no_sentence() -> None:
    assert sentences("Finance Minister Smt. Kavita Rao met Shri. Anil Das and the Rt. Hon. Lord Bright. They spoke.") == [
        "Finance Minister Smt. Kavita Rao met Shri. Anil Das and the Rt. Hon. Lord Bright.", "They spoke."]


def test_a_news_agencys_tag_belongs_to_the_dateline() -> None:
    assert sentences("MOSCOW, February 7. /TASS/. Foreign Minister Ivan Petrov held talks in Moscow.") == [
        "MOSCOW, February 7. /TASS/.", "Foreign Minister Ivan Petrov held talks in Moscow."]
    assert sentences("MOSCOW, February 7 /TASS/. Foreign Minister Ivan Petrov held talks in Moscow.") == [
        "MOSCOW, February 7 /TASS/.", "Foreign Minister Ivan Petrov held talks in Moscow."]


def agreed(text: str) -> list[str]:
    """The text of every agreement."""
    rec: dict[str, Any] = readouts.extract(text).to_dict()
    return [a["text"] for e in rec["engagements"] for a in e["agreements"]]


_DELHI = ("NEW DELHI, 4 March 2024. External Affairs Minister Arun Verma held talks with Foreign Minister Mira Thapa "
          "of Nepal in New Delhi on 4 March 2024.\n\n")


def test_satisfaction_expressed_by_a_joint_subject_is_agreed() -> None:
    text = (_DELHI + "The two Foreign Ministers expressed satisfaction at the progress of the cross-border railway, and "
            "agreed to convene the Joint Commission later this year.\n\n"
            "Minister Thapa expressed satisfaction over the growth in bilateral trade.\n")
    assert agreed(text) == ["expressed satisfaction at the progress of the cross-border railway",
                            "convene the Joint Commission later this year"]


def test_a_quoted_statement_ends_where_the_publisher_goes_on() -> None:
    got = said("Foreign Minister Jens Holm met Ukrainian Foreign Minister Oksana Bondar in Copenhagen\n\n"
               "Statement by Foreign Minister Jens Holm:\n\n"
               "\"I met today with my Ukrainian colleague, Oksana Bondar, here in Copenhagen.\n\n"
               "\"Ukraine needs air defence now. I told Oksana that Denmark will present a new package of support.\"\n\n"
               "During the visit, Minister Bondar also met with the Foreign Policy Committee of the parliament.\n")
    assert got == [("Jens Holm", "I met today with my Ukrainian colleague, Oksana Bondar, here in Copenhagen."),
                   ("Jens Holm", "Ukraine needs air defence now."),
                   ("Jens Holm", "I told Oksana that Denmark will present a new package of support.\"")]


def test_a_side_named_bare_with_a_past_cue_ends_the_speakers_statement() -> None:
    got = said("Foreign Minister Dewi Lestari met Thai Foreign Minister Anan Chai in Jakarta on 9 May 2025.\n\n"
               "Foreign Minister Lestari said that the two countries must deepen trade. Indonesia hopes Thailand will "
               "join the food security programme. Indonesia also invited Thailand to take part in the trade fair.\n")
    assert got == [("Dewi Lestari", "the two countries must deepen trade."),
                   ("Dewi Lestari", "Indonesia hopes Thailand will join the food security programme.")]


def test_welcoming_a_visitor_in_the_engagements_sentence_is_no_statement() -> None:
    got = said("NATO Secretary General Mark Rutte welcomed the President of Finland, Alexander Stubb, to NATO "
               "Headquarters in Brussels on Tuesday (14 January 2025). The Secretary General welcomed Finland's "
               "contributions to the Alliance.\n")
    assert got == [("Mark Rutte", "The Secretary General welcomed Finland's contributions to the Alliance.")]


def test_pressing_and_cautioning_are_statements_and_joint_appeals_agreements() -> None:
    rec = readouts.extract("Secretary of State Antony Blinken met Mexican Foreign Minister Alicia Barcena in Washington "
                           "on 5 May 2023. The Secretary pressed for faster action against fentanyl trafficking. He "
                           "cautioned against delays. The two ministers called on all parties to respect the ceasefire. "
                           "They urged North Korea to refrain from provocations.")
    said = [s.text for s in rec.statements if s.speaker == "Antony Blinken"]
    assert len(said) == 2, said
    agreed = [a.text for a in rec.engagements[0].agreements]
    assert any("respect the ceasefire" in a for a in agreed) and any("refrain from provocations" in a for a in agreed)


def test_discussing_something_with_the_counterpart_is_done_together() -> None:
    rec = readouts.extract("High Representative Kaja Kallas met Prime Minister Denys Shmyhal and Foreign Minister Andrii "
                           "Sybiha in Kyiv on 20 March 2025. With Prime Minister Shmyhal, the High Representative "
                           "discussed the reconstruction of energy infrastructure. She also discussed the Ukraine "
                           "Facility with Foreign Minister Sybiha. Kallas discussed sanctions.")
    by = {s.text.split()[0]: s.speaker for s in rec.statements}
    assert by["With"] == "both sides" and by["She"] == "both sides"
    assert by["Kallas"] == "Kaja Kallas"  # discussing alone is her own act


def test_his_majesty_alone_is_the_participant_styled_so() -> None:
    rec = readouts.extract("His Majesty King Abdullah II received Greek Foreign Minister George Gerapetritis in Amman on "
                           "5 March 2024. His Majesty stressed the need for a ceasefire in Gaza.")
    assert [(s.speaker, s.affiliation) for s in rec.statements] == [("Abdullah II", "JOR")]


def test_the_head_of_state_in_lower_case_is_the_publishers() -> None:
    rec = readouts.extract("Lithuanian President Gitanas Nauseda met President Alexander Stubb of Finland in Vilnius on "
                           "11 June 2024. The head of state also raised the need to strengthen air defence.")
    assert [s.speaker for s in rec.statements] == ["Gitanas Nauseda"]


def test_confirming_speaking_warmly_renewing_and_accepting_are_statements() -> None:
    rec = readouts.extract("President Gitanas Nauseda met President Alexander Stubb in Vilnius on 11 June 2024. Mr Stubb "
                           "confirmed that Finland would contribute. President Stubb spoke warmly of the partnership. "
                           "He renewed his invitation to visit Helsinki.")
    assert [s.speaker for s in rec.statements] == ["Alexander Stubb"] * 3


def test_a_named_group_of_leaders_agrees() -> None:
    rec = readouts.extract("President Gitanas Nauseda hosted the Bucharest Nine summit in Vilnius on 11 June 2024 with "
                           "President Andrzej Duda of Poland and President Klaus Iohannis of Romania. The B9 leaders "
                           "reaffirmed their commitment to strengthening deterrence. The participants of the summit "
                           "agreed to meet again in 2025.")
    agreed = [a.text for a in rec.engagements[0].agreements]
    assert any("deterrence" in a for a in agreed) and any("meet again" in a for a in agreed), agreed


def test_a_first_person_release_is_its_authors() -> None:
    rec = readouts.extract("Meeting with President Prabowo Subianto\n\nMedia release\n15 May 2025\n\nPrime Minister\n"
                           "The Hon Anthony Albanese MP\n\nToday I met President Prabowo Subianto in Jakarta, at his "
                           "invitation.\n\nI welcomed Indonesia's interest in Australian universities.\n\nPresident "
                           "Prabowo spoke warmly of his time in Australia. He said that Indonesia wanted a close "
                           "partner.\n\nWe agreed to hold the next Annual Leaders' Meeting in Australia.")
    e = rec.engagements[0]
    assert [(p.name, p.affiliation) for p in e.participants][:2] == [("Anthony Albanese", "AUS"),
                                                                     ("Prabowo Subianto", "IDN")]
    assert e.initiator == "IDN"
    by = {s.text: s.speaker for s in rec.statements}
    assert by["I welcomed Indonesia's interest in Australian universities."] == "Anthony Albanese"
    assert by["We agreed to hold the next Annual Leaders' Meeting in Australia."] == "both sides"
    assert not any(t.startswith(("Prime Minister", "The Hon")) for t in by)


def test_pointing_to_confirming_and_announcing_are_the_speakers_acts() -> None:
    # "X pointed to Y ...", "X confirmed Latvia's support ... and noted that ...", "X announced a new fund": the
    # whole sentence
    got = said("Federal Chancellor Angela Merkel received the President of the Republic of Azerbaijan, Ilham Aliyev, "
               "in Berlin on Wednesday.\n\n"
               "President Aliyev pointed to the growth of German investment in his country and said that Azerbaijan "
               "saw itself as a reliable supplier of energy to Europe.\n\n"
               "The Chancellor confirmed Germany's support for the OSCE Minsk Group and noted that talks must resume.\n"
               "\nThe Chancellor announced a new fund for vocational training.\n")
    assert got == [("Ilham Aliyev", "President Aliyev pointed to the growth of German investment in his country and "
                                    "said that Azerbaijan saw itself as a reliable supplier of energy to Europe."),
                   ("Angela Merkel", "The Chancellor confirmed Germany's support for the OSCE Minsk Group and noted "
                                     "that talks must resume."),
                   ("Angela Merkel", "The Chancellor announced a new fund for vocational training.")]


def test_a_reporting_verb_after_the_content_attributes_it_to_the_titled_speaker() -> None:
    got = said("The President of the Republic, Emmanuel Macron, received Nikol Pashinyan, Prime Minister of the "
               "Republic of Armenia, at the Elysée Palace today.\n\n"
               "France, as co-chair of the OSCE Minsk Group, will continue to work towards a lasting settlement of the "
               "conflict, the President of the Republic indicated.\n")
    assert got == [("Emmanuel Macron", "France, as co-chair of the OSCE Minsk Group, will continue to work towards a "
                                       "lasting settlement of the conflict")]


_MICHEL = ("Press statement by President Michel of the European Council following the trilateral meeting with "
           "President Aliyev and Prime Minister Pashinyan\n\n22 May 2022\n\n"
           "Today I hosted President Ilham Aliyev of Azerbaijan and Prime Minister Nikol Pashinyan of Armenia in "
           "Brussels.\n\nBorder issues: The leaders agreed that the border commissions will meet soon.\n\n"
           "Connectivity: We discussed the unblocking of transport links.\n\n"
           "Humanitarian issues: I stressed the need to release all detainees.\n")


def test_the_headlines_author_hosting_in_the_first_person_initiated_it() -> None:
    # the author named after "Press statement by" is a participant already; "I hosted" makes his side the host
    e = readouts.extract(_MICHEL).engagements[0]
    assert (e.initiator, e.location) == ("EU", "Brussels")


def test_a_run_in_heading_does_not_hide_a_joint_subject() -> None:
    # "Border issues: The leaders agreed ...", "Connectivity: We discussed ...": what they did together, not the
    # author's; "Humanitarian issues: I stressed ..." is his
    by = {t: who for who, t in said(_MICHEL)}
    assert by["the border commissions will meet soon."] == "both sides"
    assert not any(t.startswith("Connectivity") and who != "both sides" for t, who in by.items())
    assert by["Humanitarian issues: I stressed the need to release all detainees."] == "Michel"


def test_a_quotation_opened_by_a_dash_is_the_speakers_from_its_first_sentence() -> None:
    # Nordic releases open a quotation with a dash and attribute it after its last sentence
    got = said("Prime Minister Mette Frederiksen today visited Kyiv, where she met with President Volodymyr "
               "Zelenskyy.\n\n- Ukraine's fight is Europe's fight. We must do more and we must do it faster, said "
               "Mette Frederiksen.\n")
    assert got == [("Mette Frederiksen", "Ukraine's fight is Europe's fight."),
                   ("Mette Frederiksen", "We must do more and we must do it faster")]


def test_a_related_link_after_a_colon_is_nobodys_statement() -> None:
    got = said(_MICHEL + "\nRelated: President Michel welcomes Prime Minister Pashinyan to Brussels\n")
    assert not any(t.startswith("Related") for _who, t in got)


@pytest.mark.parametrize("link", ["Read also\nErdogan says grain deal could be expanded",
                                  "See also:\nPutin says talks with Kyiv are possible"])
def test_an_agencys_read_also_link_is_nobodys_statement(link: str) -> None:
    # TASS and Anadolu pages end with links to other stories, a headline under "Read also"
    text = ("MOSCOW, December 11. /TASS/. Russian President Vladimir Putin and his Turkish counterpart Recep Tayyip "
            "Erdogan held a telephone conversation on Sunday.\n\nErdogan expressed readiness to continue mediation "
            "efforts.\n\n" + link + "\n")
    got = said(text)
    assert ("Recep Tayyip Erdogan", "Erdogan expressed readiness to continue mediation efforts.") in got
    assert not any("grain" in t or "Kyiv" in t for _who, t in got)


def test_a_quotation_in_single_quotes_is_the_speakers() -> None:
    # British and Norwegian style: 'A. B,' said Ms X.
    got = said("Minister of Foreign Affairs Anniken Huitfeldt met Azerbaijan's Minister of Foreign Affairs Jeyhun "
               "Bayramov in New York on Monday.\n\n'Norway is concerned about the recent hostilities. I urged the "
               "Minister to show restraint,' said Ms Huitfeldt.\n")
    assert got == [("Anniken Huitfeldt", "Norway is concerned about the recent hostilities."),
                   ("Anniken Huitfeldt", "I urged the Minister to show restraint")]


def test_a_headed_statements_first_person_is_its_author_beside_a_guests_statement() -> None:
    # "Statement by X after his meeting with Y": X is the "I" though the first sentence names no engagement cue
    # ("had the pleasure of welcoming ..."), and a statement of Y's told in it does not end X's voice
    rec = readouts.extract("Statement by Foreign Minister Jeppe Kofod after his meeting with Foreign Minister Dmytro "
                           "Kuleba\n\nCopenhagen, 4 May 2021\n\nToday I had the pleasure of welcoming my Ukrainian "
                           "colleague Dmytro Kuleba to Copenhagen.\n\nI reiterated Denmark's strong support for "
                           "Ukraine's sovereignty.\n\nMinister Kuleba informed me about the Russian military build-up."
                           "\n\nWe agreed to strengthen our cooperation on green energy.\n")
    by = {s.text: s.speaker for s in rec.statements}
    assert by["I reiterated Denmark's strong support for Ukraine's sovereignty."] == "Jeppe Kofod"
    assert by["Minister Kuleba informed me about the Russian military build-up."] == "Dmytro Kuleba"
    assert by["We agreed to strengthen our cooperation on green energy."] == "both sides"


def test_a_headline_labelled_with_the_speakers_name_does_not_make_him_the_addressee() -> None:
    # a president's post: "Name: I had a good call with ..." over a text in the first person
    got = said("Volodymyr Zelenskyy: I had a good call with Chancellor Scholz\n\n28 August 2023 - 21:10\n\n"
               "I had a good conversation with Chancellor Olaf Scholz. I thanked Germany for the new air defense "
               "package.\n\nWe agreed to continue our coordination.\n")
    assert ("Volodymyr Zelenskyy", "I thanked Germany for the new air defense package.") in got


@pytest.mark.parametrize("verb", ["flagged that", "vowed that", "regretted that", "deplored that", "argued that",
                                  "clarified that", "recognised that", "lamented that"])
def test_more_verbs_that_introduce_what_a_speaker_said(verb: str) -> None:
    rec = readouts.extract("On 4 May 2023, Foreign Minister Wang Yi met with NATO Secretary General Jens Stoltenberg "
                           f"in Brussels. Stoltenberg {verb} the alliance remained committed to dialogue.\n")
    assert [s.text for s in rec.statements if s.speaker == "Jens Stoltenberg"] == [
        "the alliance remained committed to dialogue."]


@pytest.mark.parametrize("verb", ["deplored", "applauded", "criticised", "denounced", "questioned"])
def test_more_verbs_that_are_a_speakers_act(verb: str) -> None:
    text = f"Stoltenberg {verb} the decision to suspend the arms control talks."
    rec = readouts.extract("On 4 May 2023, Foreign Minister Wang Yi met with NATO Secretary General Jens Stoltenberg "
                           f"in Brussels. {text}\n")
    assert [s.text for s in rec.statements if s.speaker == "Jens Stoltenberg"] == [text]


def test_a_first_person_statement_whose_headline_names_both_leaders_is_its_authors() -> None:
    rec = readouts.extract("Statement by President Jacob Molefe on Telephone Conversation with President Anna Koval of "
                           "Ukraine\n\n3 March 2023\n\nThis morning I held a telephone conversation with President "
                           "Anna Koval of Ukraine at her request.\n\nI conveyed our position that the conflict should "
                           "end through negotiation.\n\nPresident Koval briefed me on the situation at the front.\n\n"
                           "I undertook to convey her message to the African Union.\n\nWe agreed to remain in contact."
                           "\n\nIssued by: The Presidency\nUnion Buildings, Pretoria")
    e = rec.engagements[0]
    assert [p.name for p in e.participants] == ["Jacob Molefe", "Anna Koval"]
    assert e.initiator == "UKR"
    by = {s.text: s.speaker for s in rec.statements}
    assert by["I conveyed our position that the conflict should end through negotiation."] == "Jacob Molefe"
    assert by["I undertook to convey her message to the African Union."] == "Jacob Molefe"
    assert by["We agreed to remain in contact."] == "both sides"
    assert not any(t.startswith(("This morning", "Issued by")) for t in by), by


def test_lauding_and_hailing_are_a_speakers_acts() -> None:
    rec = readouts.extract("President Karim Nassar received a phone call on Wednesday, 12 May 2021, from French President "
                           "Paul Girard. For his part, President Girard lauded the active Egyptian role in containing the "
                           "crisis. President Nassar hailed the growth of French investment in Egypt.")
    assert [s.speaker for s in rec.statements] == ["Paul Girard", "Karim Nassar"]


def test_valuing_is_a_speakers_act() -> None:
    rec = readouts.extract("Foreign Minister Santiago Cafiero held a bilateral meeting today, 24 September 2021, in "
                           "Santiago with Chilean Foreign Minister Andrés Allamand. Allamand, in turn, valued the "
                           "commitment of both governments to the Treaty of Peace and Friendship.")
    assert [s.speaker for s in rec.statements] == ["Andrés Allamand"]


def test_a_second_speaker_joined_by_while_and_or_a_semicolon_has_a_statement_of_their_own() -> None:
    head = "Foreign Minister Hakan Fidan met Foreign Minister Badr Abdelatty in Ankara on 4 February 2025. "
    got = said(head + "Minister Fidan stressed the need for a ceasefire in Gaza, while Minister Abdelatty noted that Egypt "
               "was ready to host a reconstruction conference.")
    assert got == [("Hakan Fidan", "Minister Fidan stressed the need for a ceasefire in Gaza"),
                   ("Badr Abdelatty", "Egypt was ready to host a reconstruction conference.")]
    got = said(head + "Minister Fidan stressed the need for a ceasefire in Gaza, and Minister Abdelatty expressed his "
               "thanks for the hospitality.")
    assert got[1] == ("Badr Abdelatty", "Minister Abdelatty expressed his thanks for the hospitality.")
    got = said(head + "Minister Fidan thanked Minister Abdelatty, and stressed the need for a ceasefire in Gaza.")
    assert [who for who, _ in got] == ["Hakan Fidan"]


def test_a_first_person_statement_signed_at_the_foot_is_its_signatory_s() -> None:
    rec = readouts.extract("Statement by the President of the Republic on his conversation with President Biden\n\n"
                           "Brasília, 8 February 2023\n\nI had a very good conversation this afternoon with President Joe "
                           "Biden. I told President Biden that Brazil is back on the international stage. President "
                           "Biden said that the United States is willing to contribute to the Amazon Fund. We agreed "
                           "that our teams will work together.\n\nLuiz Inácio Lula da Silva\nPresident of the Federative "
                           "Republic of Brazil")
    assert [p.name for p in rec.engagements[0].participants] == ["Luiz Inácio Lula da Silva", "Joe Biden"]
    by = {s.text: s.speaker for s in rec.statements}
    assert by == {"I told President Biden that Brazil is back on the international stage.": "Luiz Inácio Lula da Silva",
                  "the United States is willing to contribute to the Amazon Fund.": "Joe Biden",
                  "We agreed that our teams will work together.": "both sides"}, by


def test_the_demonym_leader_is_the_one_participant_of_that_side() -> None:
    # VNA style: "The Vietnamese leader suggested ..." for the Prime Minister it has named
    got = said("Auckland (VNA) - Vietnamese Prime Minister Le Minh Khai held talks with New Zealand Prime Minister "
               "Jane Holloway in Auckland on March 14.\n\nThe Vietnamese leader suggested the two sides further "
               "expand trade and investment. He proposed that New Zealand open its market to Vietnamese fruits.\n")
    assert got == [("Le Minh Khai", "the two sides further expand trade and investment."),
                   ("Le Minh Khai", "New Zealand open its market to Vietnamese fruits.")]


def test_styles_list_bullets_and_a_bare_title_after_a_fronted_clause() -> None:
    # "Professor X" (a style), the "o" bullets of Korean releases, "responded that", "complimented", and a bare
    # office after a fronted clause ("In his remarks, EAM underlined that ...", India MEA)
    got = said("Dhaka, 10 March 2011\n\nForeign Minister Dipu Moni received a telephone call from Sri Lankan Foreign "
               "Minister Professor G.L. Peiris last evening.\n\nProfessor Peiris complimented the Foreign Minister on "
               "the opening of the World Cup.\n\n o Minister Dipu Moni responded that Bangladesh valued the ties.\n")
    assert got == [("G.L. Peiris", "Professor Peiris complimented the Foreign Minister on the opening of the World "
                                   "Cup."),
                   ("Dipu Moni", "Bangladesh valued the ties.")]
    got = said("External Affairs Minister Dr. S. Jaishankar met Foreign Minister Marise Payne of Australia in Tokyo "
               "today.\n\nIn his remarks, EAM underlined that the consultations had a positive agenda.\n")
    assert got == [("S. Jaishankar", "the consultations had a positive agenda.")]


def test_the_authors_i_after_the_counterparts_words_is_the_authors_and_a_call_he_thanks_for_is_ours() -> None:
    rec = readouts.extract("Call with Prime Minister Modi\n\nMedia release\n24 May 2019\n\nPrime Minister\n"
                           "The Hon Scott Morrison MP\n\nThis evening I spoke with Prime Minister Narendra Modi to "
                           "congratulate him on his election victory.\n\nPrime Minister Modi thanked me for the call and "
                           "said he looked forward to welcoming me to India.\n\nI also raised the G20 Summit in Osaka, "
                           "where I look forward to meeting him again.")
    assert rec.engagements[0].initiator == "AUS"
    by = {s.text: s.speaker for s in rec.statements}
    assert by["I also raised the G20 Summit in Osaka, where I look forward to meeting him again."] == "Scott Morrison"


def test_a_quotation_paragraph_that_opens_on_another_name_stays_the_speakers() -> None:
    # Beehive style: free-standing quotation paragraphs after '"...," Mr Peters says.'
    got = said("Foreign Minister Winston Peters has held talks with Philippine Secretary of Foreign Affairs Enrique "
               "Manalo in Manila today.\n\n\"The Philippines is a close friend of New Zealand,\" Mr Peters says.\n\n"
               "\"Secretary Manalo and I discussed how we can lift our cooperation across trade.\"\n")
    assert [who for who, _ in got] == ["Winston Peters", "Winston Peters"]
    assert got[1][1].startswith("Secretary Manalo and I discussed")


def test_the_host_the_guest_and_the_demonym_official() -> None:
    # VNA style: "The host ...", "The guest ...", "The Lao official ..." for the two participants of a reception
    got = said("Hanoi (VNA) - Prime Minister Pham Minh Chinh received Lao Deputy Prime Minister and Foreign Minister "
               "Saleumxay Kommasith in Hanoi on January 9, 2023.\n\nThe host expressed his delight at the guest's "
               "visit. The guest thanked Vietnam for its support.\n\nThe Lao official affirmed that Laos treasures "
               "the special relationship.\n")
    assert [who for who, _ in got] == ["Pham Minh Chinh", "Saleumxay Kommasith", "Saleumxay Kommasith"]


def test_menlu_is_the_indonesian_foreign_ministers_title() -> None:
    got = said("Tokyo, 23 February 2023 - Menlu Retno Marsudi held a bilateral meeting with Japanese Foreign Minister "
               "Hayashi Yoshimasa in Tokyo. According to Menlu Retno, Indonesia hopes to increase Japanese investment.")
    assert got == [("Retno Marsudi", "Indonesia hopes to increase Japanese investment.")]


def test_south_asian_verbs_of_stating_and_a_title_before_a_lower_case_complement() -> None:
    # "lauded", "hailed", "felt that", "was of the view that"; "apprised EAM of the economic ..." leaves "EAM" the
    # External Affairs Minister (the lower-case complement is the sentence's, not his title's)
    got = said("Foreign Minister Ali Sabry met External Affairs Minister Dr. S. Jaishankar in Colombo on 20 January "
               "2023.\n\nMinister Sabry apprised EAM of the economic recovery measures.\n\nEAM lauded the resilience "
               "of the people of Sri Lanka.\n\nMinister Sabry hailed the historic ties.\n\nEAM was of the view that "
               "connectivity projects should be expedited.\n\nMinister Sabry felt that tourism could play a role.\n")
    assert got == [("Ali Sabry", "Minister Sabry apprised EAM of the economic recovery measures."),
                   ("S. Jaishankar", "EAM lauded the resilience of the people of Sri Lanka."),
                   ("Ali Sabry", "Minister Sabry hailed the historic ties."),
                   ("S. Jaishankar", "connectivity projects should be expedited."),
                   ("Ali Sabry", "tourism could play a role.")]


def test_touched_upon_is_the_speakers_act() -> None:
    # Japan MOFA: "Minister Kamikawa touched upon the situation in the South China Sea."
    got = said("On July 8, Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan, held a meeting with H.E. Mr. "
               "Enrique A. Manalo, Secretary of Foreign Affairs of the Republic of the Philippines, in Manila.\n\n"
               "1. Minister Kamikawa touched upon the situation in the South China Sea.\n")
    assert got == [("Yoko Kamikawa", "Minister Kamikawa touched upon the situation in the South China Sea.")]


def test_quoted_as_saying_and_an_indonesian_given_name() -> None:
    # wire style "X was quoted as saying that ..."; Indonesian pages call the Foreign Minister "Retno"
    got = said("Seoul, July 12 (Yonhap) -- Foreign Minister Park Jin held talks with Indonesian Foreign Minister "
               "Retno Marsudi in Jakarta on Tuesday.\n\nRetno was quoted as saying that Indonesia welcomes Korea's "
               "investment.\n")
    assert got == [("Retno Marsudi", "Indonesia welcomes Korea's investment.")]


def test_a_quotation_goes_on_in_its_speakers_voice_after_a_reply_it_reports() -> None:
    # FCO: "the Foreign Secretary said:" and paragraphs of quotation, one reporting what the other side told him
    got = said("Foreign Secretary William Hague spoke to Egyptian Vice President Omar Suleiman this afternoon.\n\n"
               "Speaking after the call, the Foreign Secretary said:\n\n"
               "\"I urged the Egyptian Government to begin an orderly transition now. The Vice President told me that "
               "the Government was ready for talks with all political forces.\n\n"
               "\"I made clear that the world is watching. The Egyptian people must see concrete steps.\"\n")
    assert [w for w, _t in got] == ["William Hague", "Omar Suleiman", "William Hague", "William Hague"]


def test_he_in_a_spokespersons_quotation_is_the_one_it_last_told_of() -> None:
    # No10: 'A Downing Street spokesperson said:' then quoted paragraphs telling who said what
    got = said("Prime Minister David Cameron has held talks with Premier Wen Jiabao at Downing Street.\n\n"
               "The Prime Minister welcomed the Chinese Premier this morning.\n\n"
               "A Downing Street spokesperson said:\n\n"
               "\"The Prime Minister raised human rights and said that the rule of law was essential.\n\n"
               "\"Premier Wen said China was committed to deepening the relationship. He set out China's approach "
               "to rebalancing its economy.\"\n")
    assert got[-2:] == [("Wen Jiabao", "China was committed to deepening the relationship."),
                        ("Wen Jiabao", "He set out China's approach to rebalancing its economy.\"")]


def test_content_before_he_said_adding_that_is_his_too() -> None:
    # Xinhua: "CONTENT, he said, adding that CONTENT."
    got = said("BEIJING, Feb. 4 (Xinhua) -- Chinese Foreign Minister Yang Jiechi held a telephone conversation with "
               "his Russian counterpart Sergei Lavrov on Saturday.\n\nYang said China holds that the issue should be "
               "resolved through dialogue. The sovereignty of Syria should be respected, he said, adding that the "
               "Council's actions should help ease tension.\n")
    assert got[-1] == ("Yang Jiechi", "The sovereignty of Syria should be respected, he said, adding that the Council's "
                                      "actions should help ease tension.")


def test_a_minister_of_a_group_met_speaks_after_an_appositive_name() -> None:
    got = said("Foreign Ministers of the Caribbean Community (CARICOM) met with United States Secretary of State "
               "Antony Blinken on Wednesday in Lima, Peru.\n\nJamaica's Minister of Foreign Affairs and Foreign Trade, "
               "Senator the Hon. Kamina Johnson Smith, raised the issue of the trafficking of firearms.")
    assert got == [("Kamina Johnson Smith", "Jamaica's Minister of Foreign Affairs and Foreign Trade, Senator the Hon. "
                    "Kamina Johnson Smith, raised the issue of the trafficking of firearms.")]


def test_an_act_in_a_relative_clause_after_a_participants_name() -> None:
    got = said("Prime Minister Mia Mottley held telephone conversations with leaders on Wednesday.\n\nShe later "
               "spoke with the Secretary-General of the United Nations, Antonio Guterres, who commended Barbados for "
               "its early response to the virus.")
    assert got == [("Antonio Guterres", "commended Barbados for its early response to the virus.")]


def test_the_author_met_someone_on_a_visit_made_as_prime_minister() -> None:
    rec = readouts.extract("Prime Minister Albanese's meeting with Prime Minister Marape\n\nPrime Minister\nThe Hon "
                           "Anthony Albanese MP\n\nMedia release\nThursday, 12 January 2023\n\nToday I met with Prime "
                           "Minister James Marape in Port Moresby, my first visit to Papua New Guinea as Prime "
                           "Minister.\n\nPapua New Guinea is Australia's closest neighbour. I thanked Prime Minister "
                           "Marape for his warm welcome.").to_dict()
    assert [(p["name"], p["affiliation"]) for p in rec["engagements"][0]["participants"]] == [
        ("Anthony Albanese", "AUS"), ("James Marape", "PNG")]
    assert [s["speaker"] for s in rec["statements"]] == ["Anthony Albanese", "Anthony Albanese"]


def test_a_ceremony_in_a_relative_clause_is_no_statement() -> None:
    got = said("Minister of Foreign Affairs of Uzbekistan Bakhtiyor Saidov received the Ambassador of Finland Kari "
               "Veijalainen in Tashkent on 3 June 2024, who presented copies of his credentials.")
    assert got == []


def test_an_agencys_reporter_clause_closing_the_content_is_not_the_speakers() -> None:
    # Reuters/Kyodo layer reported speech: the agency reports what the ministry said the minister said
    got = said("WASHINGTON, Feb 15 (Reuters) - U.S. Secretary of State Marco Rubio spoke with Russian Foreign Minister "
               "Sergei Lavrov by phone on Saturday.\n\nLavrov said Russia was open to dialogue on the basis of mutual "
               "respect, the Russian ministry said, without elaborating.\n\nRubio stressed that the call followed up "
               "on a conversation between the two presidents, according to the State Department.\n")
    assert ("Sergei Lavrov", "Russia was open to dialogue on the basis of mutual respect") in got
    assert ("Marco Rubio", "the call followed up on a conversation between the two presidents") in got


def test_a_statement_fronted_before_a_named_speaker_introduces_his_quoted_paragraphs() -> None:
    # AFP: "In a statement released by the Foreign Office after the meeting, Hague said:" and quoted paragraphs
    # (an open quote per paragraph, closed only at the end, as news copy writes them)
    got = said("WASHINGTON, May 14, 2010 (AFP) - Britain's new Foreign Secretary William Hague held talks with US "
               "Secretary of State Hillary Clinton in Washington on Friday.\n\nIn a statement released by the Foreign "
               "and Commonwealth Office in London after the meeting, Hague said:\n\n\"I had a warm and substantive "
               "discussion with Secretary Clinton.\n\n\"We discussed Afghanistan, where our forces are fighting side "
               "by side.\"\n\nIn a statement, the State Department said the talks were useful.\n")
    assert ("William Hague", "I had a warm and substantive discussion with Secretary Clinton.") in got
    assert any(who == "William Hague" and t.startswith("We discussed Afghanistan") for who, t in got)
    assert not any("useful" in t for _who, t in got)


def test_a_quote_then_he_said_adding_that_is_the_speakers_whole() -> None:
    # Anadolu: '"...," he said, adding that ...'
    got = said("ANTALYA, Türkiye\n\nTurkish Foreign Minister Mevlut Cavusoglu on Wednesday met his Russian counterpart "
               "Sergey Lavrov in Antalya.\n\n\"We have agreed to increase the number of flights,\" he said, adding that "
               "Russian tourists were welcome in Türkiye.\n")
    assert ("Mevlut Cavusoglu", "We have agreed to increase the number of flights,\" he said, adding that Russian "
                                "tourists were welcome in Türkiye.") in got


def test_a_side_as_subject_of_words_a_named_speaker_closes_is_the_speakers() -> None:
    # Xinhua: "The Ukrainian side welcomes ..., Zelensky said."
    got = said("BEIJING, April 26 (Xinhua) -- Chinese President Xi Jinping on Wednesday had a phone call with Ukrainian "
               "President Volodymyr Zelensky.\n\nThe Ukrainian side welcomes China's role in restoring peace, Zelensky "
               "said.\n\nThe Chinese side supports dialogue.\n")
    assert ("Volodymyr Zelensky", "The Ukrainian side welcomes China's role in restoring peace") in got
    assert not any(t.startswith("The Chinese side") and who != "both sides" for who, t in got)


@pytest.mark.parametrize("tail", [", presidential spokesperson Lee Do-woon told reporters.",
                                  ", the directorate said in a statement.", ", according to Chinese state media."])
def test_a_named_or_unnamed_reporters_clause_closing_the_content_is_trimmed(tail: str) -> None:
    got = said("SEOUL, June 27 (Yonhap) -- President Yoon Suk Yeol held phone talks with U.S. President Joe Biden on "
               "Tuesday.\n\nYoon told Biden that the allies should respond firmly to any provocation" + tail + "\n")
    assert ("Yoon Suk Yeol", "the allies should respond firmly to any provocation") in got


def test_a_leaders_quoted_tweet_is_his() -> None:
    # PTI: '"Had a productive meeting with PM @kishida230. We reviewed ...," Modi tweeted after the talks.'
    got = said("New Delhi, Mar 20 (PTI) Prime Minister Narendra Modi on Monday held talks with his Japanese counterpart "
               "Fumio Kishida.\n\n\"Had a productive meeting with PM @kishida230. We reviewed the progress in our "
               "partnership,\" Modi tweeted after the talks at Hyderabad House.\n")
    assert [who for who, _t in got] == ["Narendra Modi", "Narendra Modi"]
    assert got[1][1].startswith("We reviewed the progress in our partnership")


def test_a_quote_a_leader_told_a_press_conference_is_his() -> None:
    got = said("KYODO NEWS - Mar 16, 2023\n\nJapanese Prime Minister Fumio Kishida held talks with South Korean "
               "President Yoon Suk Yeol in Tokyo on Thursday.\n\n\"Japan and South Korea are important neighbors,\" "
               "Kishida told a joint press conference after the meeting.\n")
    assert ("Fumio Kishida", "Japan and South Korea are important neighbors") in got


def test_a_news_agency_reporting_a_participants_words_is_a_reporter() -> None:
    # AP: "The Saudi Press Agency said the crown prince stressed ..."
    got = said("RIYADH, Saudi Arabia (AP) — U.S. Secretary of State Antony Blinken met Saudi Crown Prince Mohammed bin "
               "Salman on Tuesday in Riyadh, the State Department said.\n\nThe Saudi Press Agency said the crown prince "
               "stressed the need to stop military operations in Gaza.\n")
    assert [who for who, _t in got] == ["Mohammed bin Salman"]
    assert got[0][1].startswith("the crown prince stressed the need to stop military operations")


def test_a_xinhua_lead_the_next_sentence_calls_the_remarks_made_when_meeting() -> None:
    # Xinhua: "BEIJING, ... -- CONTENT, Chinese Foreign Minister Wang Yi said on Saturday." / "Wang ... made the
    # remarks when meeting with ..."
    text = ("Source: Xinhua\n2024-03-30 20:11:05\n\nBEIJING, March 30 (Xinhua) -- China is ready to work with Pakistan "
            "to advance the economic corridor, Chinese Foreign Minister Wang Yi said on Saturday.\n\nWang made the "
            "remarks when meeting with Pakistani Foreign Minister Ishaq Dar in Beijing.\n")
    assert said(text) == [("Wang Yi", "China is ready to work with Pakistan to advance the economic corridor")]
    assert readouts.extract(text).engagements[0].date == "2024-03-30"
