"""Names and titles as other ministries write them: an unqualified "The Prime Minister" beside a foreign
head of government, family-name-first surnames, honorifics and styles (H.E., HH, YB Dato' Seri ...), Gulf
names with bin/Al-, titles such as "President of the Government", connectors after a title, headline
verbs, initial-dot names and military ranks. The texts are written for these tests."""

from __future__ import annotations

import re
from typing import Any

import pytest
from record_views import speakers as speakers_of

import readouts
from readouts.knowledge import load_knowledge
from readouts.pipeline import STAGES
from readouts.stages.base import Work


def _extract(text: str, **context: Any) -> dict:
    return readouts.extract(text, context).to_dict()


def _participants(rec: dict) -> list[tuple[str | None, str | None, str | None]]:
    return [(p["name"], p["title"], p["affiliation"]) for e in rec["engagements"] for p in e["participants"]]


# --- 1. an unqualified title refers back only to the same title, else it is the publisher's own ---------

def test_unqualified_prime_minister_is_not_the_foreign_chancellor() -> None:
    rec = _extract("PM call with Chancellor Scholz of Germany: 3 October 2024\n\n"
                   "The Prime Minister spoke with Chancellor Olaf Scholz of Germany on Thursday evening.\n\n"
                   "The Prime Minister said that support for Kyiv must be kept up through the winter.\n",
                   publisher="Prime Minister's Office, 10 Downing Street")
    parts = _participants(rec)
    assert (None, "Prime Minister", "GBR") in parts
    assert ("Olaf Scholz", "Chancellor of Germany", "DEU") in parts
    assert speakers_of(rec) == {"Prime Minister": {"GBR"}}


def test_unqualified_prime_minister_is_not_the_taoiseach_or_a_premier() -> None:
    for other, side in (("the Taoiseach Leo Varadkar", "IRL"), ("Chinese Premier Li Qiang", "CHN")):
        rec = _extract(f"The Prime Minister met {other} in London this morning.\n\n"
                       "The Prime Minister said that trade between the two countries had grown.\n")
        names = [p[0] for p in _participants(rec)]
        assert None in names and len(names) == 2, other
        assert set(speakers_of(rec)) == {"Prime Minister"}, other
        assert side not in speakers_of(rec)["Prime Minister"], other


def test_the_chancellor_still_refers_back_to_the_chancellor() -> None:
    rec = _extract("The Prime Minister spoke with Chancellor Olaf Scholz of Germany on Thursday evening.\n\n"
                   "The Chancellor said that Germany would host the next round of talks.\n")
    assert speakers_of(rec) == {"Olaf Scholz": {"DEU"}}


# --- 2. a family name that is a function word ("He", "In") ------------------------------------------------

def _mentions(rec: dict, name: str) -> list[str]:
    text = rec["document"]["text"]
    return [text[s["span"][0]:s["span"][1]] for s in rec["statements"] if s["speaker"] == name]


def test_sentence_initial_he_is_a_pronoun_not_he_lifeng() -> None:
    rec = _extract("Vice Premier He Lifeng received Minister Lawrence Wong in Beijing on 12 May 2023. "
                   "He Lifeng said China valued the partnership. Wong thanked him for the warm welcome. "
                   "He added that Singapore stood ready to expand trade in green technology.")
    speakers = speakers_of(rec)
    assert speakers["He Lifeng"] == {"CHN"}
    assert not any("Singapore stood ready" in m for m in _mentions(rec, "He Lifeng"))


def test_vice_premier_he_alone_is_a_name() -> None:
    rec = _extract("Vice Premier He received Minister Lawrence Wong in Beijing on 12 May 2023. "
                   "Vice Premier He said China valued the partnership.")
    assert ("He", "Vice Premier", "CHN") in _participants(rec)
    assert speakers_of(rec) == {"He": {"CHN"}}


def test_given_name_in_is_no_surname() -> None:
    rec = _extract("President Lee Jae-myung wants better ties with Tokyo than under his predecessor Moon Jae In.\n\n"
                   "In their first formal talks in Tokyo on Monday, Foreign Minister Cho Hyun and Foreign Minister "
                   "Takeshi Iwaya agreed to keep in close contact.")
    names = {p[0] for p in _participants(rec)}
    assert "Moon Jae In" not in names and "In" not in names


# --- 3. honorifics and styles are no names ---------------------------------------------------------------

def _names(rec: dict) -> set[str | None]:
    return {p[0] for p in _participants(rec)}


def test_he_dr_before_a_name_is_no_person() -> None:
    rec = _extract("H.E. Dr William Samoei Ruto, President of the Republic of Kenya, met Prime Minister Narendra Modi "
                   "in New Delhi on 5 December 2023.")
    assert _names(rec) == {"William Samoei Ruto", "Narendra Modi"}
    assert ("William Samoei Ruto", "President of the Republic of Kenya", "KEN") in _participants(rec)


def test_undotted_he_and_hh() -> None:
    rec = _extract("HE the Nigerian Foreign Minister met HE Ahmed Zaki Karim, Minister of Foreign Affairs of Egypt, "
                   "in Abuja on 3 March 2024. HH Sheikh Khalid bin Nasser Al-Qasimi also received the minister.")
    parts = _participants(rec)
    assert (None, "Nigerian Foreign Minister", "NGA") in parts
    assert ("Ahmed Zaki Karim", "Minister of Foreign Affairs of Egypt", "EGY") in parts
    assert not any(n and (n.startswith("HE") or n.startswith("HH")) for n in _names(rec))


def test_malaysian_styles() -> None:
    rec = _extract("YB Dato' Seri Diraja Dr. Rahim Bakar Osman, Minister of Foreign Affairs of Malaysia, met "
                   "Tan Sri Hamid Yusof Salleh and YAB Dato’ Sri Kamal Nordin Ismail in Putrajaya on 1 May 2024.")
    names = _names(rec)
    assert "Rahim Bakar Osman" in names
    assert not any(n and any(w in n.split() for w in ("Seri", "Diraja", "Dato", "YB", "Tan", "Sri", "Dr.", "Dr"))
                   for n in names), names


def test_counselor_is_a_style_and_a_later_surname_is_not_a_known_namesake() -> None:
    rec = _extract("Counselor Ahmed Fahmy, the spokesman of the Egyptian Presidency, said that President Abdel Fattah "
                   "El-Sisi received Foreign Minister Sergey Lavrov in Cairo on 5 May 2024. Counselor Fahmy added "
                   "that the talks were constructive.")
    speakers = speakers_of(rec)
    people = {p[0] for p in _participants(rec)}
    # the spokesman reports the meeting: neither a participant nor a speaker, and never the known Nabil Fahmy
    assert not any(n and (n.startswith("Counselor") or n.endswith("Fahmy")) for n in set(speakers) | people)
    assert people == {"Abdel Fattah el-Sisi", "Sergey Lavrov"}, people


# --- 4. Gulf names: the given name and the father's name tell people apart ------------------------------

def test_brothers_bin_zayed_are_two_people() -> None:
    rec = _extract("President Mohamed bin Zayed Al Nahyan received Sheikh Mansour bin Zayed Al Nahyan, Vice President "
                   "of the UAE, and Sheikh Hamdan bin Zayed Al Nahyan in Abu Dhabi on 4 April 2024. Sheikh Mansour "
                   "said the projects would be finished this year.")
    names = _names(rec)
    assert {"Mohamed bin Zayed Al Nahyan", "Mansour bin Zayed Al Nahyan", "Hamdan bin Zayed Al Nahyan"} <= names
    assert set(speakers_of(rec)) == {"Mansour bin Zayed Al Nahyan"}


def test_same_given_name_other_father_is_another_person() -> None:
    rec = _extract("Deputy Prime Minister and Minister of Foreign Affairs Sheikh Mohammed bin Abdulrahman Al-Thani met "
                   "Sheikh Mohammed bin Hamad Al-Thani, Chairman of the Qatar Foundation, in Doha on 14 December 2019. "
                   "Sheikh Mohammed bin Hamad Al-Thani said the foundation valued the ministry's support.")
    parts = _participants(rec)
    assert ("Mohammed bin Hamad Al-Thani", "Chairman of the Qatar Foundation", "QAT") in parts
    assert "Mohammed bin Abdulrahman Al-Thani" in _names(rec)
    assert set(speakers_of(rec)) == {"Mohammed bin Hamad Al-Thani"}


# --- 5. "President of the Government", "Head of Government", "Head of State" ------------------------------

def test_president_of_the_government_is_a_head_of_government() -> None:
    rec = _extract("The President of the Government, Pedro Sánchez, held a meeting with the President of the Republic "
                   "of Chile, Gabriel Boric, in Madrid on 10 March 2023.")
    parts = {p["name"]: p for e in rec["engagements"] for p in e["participants"]}
    assert set(parts) == {"Pedro Sánchez", "Gabriel Boric"}
    assert parts["Pedro Sánchez"]["title"] == "President of the Government"
    assert parts["Pedro Sánchez"]["role"] == "head_of_government"


def test_head_of_government_of_a_republic() -> None:
    rec = _extract("The Minister of Foreign Affairs met the Head of Government of the Republic of Tunisia, Hamadi "
                   "Jebali, in Tunis on 3 May 2012.")
    assert ("Hamadi Jebali", "Head of Government of the Republic of Tunisia", "TUN") in _participants(rec)
    assert not any(p[1] == "Head" for p in _participants(rec))


def test_the_head_of_state_refers_back_to_the_president() -> None:
    rec = _extract("President Uhuru Kenyatta received Prime Minister Narendra Modi at State House in Nairobi on "
                   "11 July 2016. The Kenyan Head of State said Kenya valued India's partnership.")
    assert speakers_of(rec) == {"Uhuru Kenyatta": {"KEN"}}


# --- 6. "to", "on", "in" continue a title only after a head that takes them ------------------------------

def _people_titles(text: str) -> list[str | None]:
    """The titles of the people the actors stage finds (before the roles stage fills in missing ones)."""
    work = Work(text=text, kb=load_knowledge())
    for name, stage in STAGES:
        if name == "engagements":
            break
        stage(work)
    return [p.title for p in work.people]


def test_a_place_after_to_or_on_is_not_part_of_a_title() -> None:
    assert "President of Finland" in _people_titles(
        "Secretary General Mark Rutte welcomed the President of Finland to NATO Headquarters on 3 March 2025.")
    assert "President" in _people_titles("Secretary General Mark Rutte briefed the President on the Alliance in Brussels.")
    titles = _people_titles("The Foreign Secretary met Foreign Minister Margus Tsahkna in London on 3 March 2025. "
                            "The Foreign Secretary on Estonia said the two countries were close allies.")
    assert not any(t and "Estonia" in t for t in titles)


def test_heads_that_take_to_on_in_keep_them() -> None:
    titles = _people_titles(
        "Ambassador to the United Nations Linda Thomas-Greenfield met Special Adviser on National Security Anne "
        "Neuberger and the Minister in the Prime Minister's Department Fadhlina Sidek in New York. The Permanent "
        "Representative of India to the United Nations, Ruchira Kamboj, joined them.")
    assert {"Ambassador to the United Nations", "Special Adviser on National Security",
            "Minister in the Prime Minister's Department",
            "Permanent Representative of India to the United Nations"} <= set(titles)


def test_foreign_minister_is_not_the_prime_minister() -> None:
    titles = _people_titles("The Prime Minister met the Foreign Minister in the Chinese capital on Monday.")
    assert titles == ["Prime Minister", "Foreign Minister"]


# --- 7. the side of a title is the actor its head noun governs, not one before it or one it is sent to ----

def test_a_place_before_of_the_minister_is_not_the_ministers_side() -> None:
    rec = _extract("Visit to Brazil of the Minister of International Relations and Cooperation of South Africa, "
                   "Naledi Pandor\nBrasília, 6 March 2023. Minister Mauro Vieira received the Minister of "
                   "International Relations and Cooperation of South Africa, Naledi Pandor, in Brasília.")
    assert ("Naledi Pandor", "Minister of International Relations and Cooperation of South Africa", "ZAF") \
        in _participants(rec)


def test_an_ambassador_is_not_of_the_side_he_is_sent_to() -> None:
    rec = _extract("Ambassador to the United Nations Linda Thomas-Greenfield met the Ambassador of Japan to the United "
                   "Nations Kazuyuki Yamazaki in New York on 3 May 2023.")
    sides = {p[0]: p[2] for p in _participants(rec)}
    assert sides == {"Linda Thomas-Greenfield": "USA", "Kazuyuki Yamazaki": "JPN"}


# --- 8. "of X's" after a name is no title complement; a dated role beats an "of X" after the name --------

def test_of_a_possessive_after_a_name_is_no_complement() -> None:
    rec = _extract("Minister Jaishankar met Minister Naledi Pandor in Pretoria on 5 June 2023. Minister Jaishankar "
                   "assured Minister Pandor of India's full support for South Africa's chairship of the group.")
    assert ("Naledi Pandor", "Minister", "ZAF") in _participants(rec)


def test_a_dated_role_beats_an_of_complement() -> None:
    rec = _extract("Minister Jaishankar received Minister Pandor of India House in New Delhi on 5 June 2023.")
    sides = {p[0]: p[2] for p in _participants(rec)}
    assert sides.get("Pandor") == "ZAF"


# --- 9. a headline's verb after a known surname is no part of the name -----------------------------------

def test_a_headline_verb_after_a_known_surname() -> None:
    rec = _extract("Secretary Manalo Joins Japan and U.S. Counterparts in Trilateral Talks\n"
                   "Manila, 3 March 2024. Secretary Enrique Manalo met Foreign Minister Yoko Kamikawa and Secretary "
                   "of State Antony Blinken.")
    names = _names(rec)
    assert "Manalo Joins" not in names and "Enrique Manalo" in names
    titles = _people_titles("Minister Balakrishnan Backs Closer Ties With Jakarta\nMinister Vivian Balakrishnan "
                            "met Minister Retno Marsudi in Singapore on 3 May 2023.")
    assert len(titles) == 2


# --- 10. Mongolian initial and name glued by a full stop --------------------------------------------------

def test_initial_glued_to_a_name() -> None:
    rec = _extract("Foreign Minister D.Ganbold met Foreign Minister Wang Yi in Beijing on 3 April 2023. D.Ganbold said "
                   "that Mongolia valued the partnership. Minister Ts.Enkhbayar attended. Ganbold added that trade "
                   "should grow.")
    assert "D.Ganbold" in _names(rec)
    assert "D" not in _names(rec)
    text = rec["document"]["text"]
    said = " ".join(text[s["span"][0]:s["span"][1]] for s in rec["statements"] if s["speaker"] == "D.Ganbold")
    assert "Mongolia valued the partnership" in said and "trade should grow" in said
    assert "Ts.Enkhbayar" in _people_names(text)


def _people_names(text: str) -> list[str]:
    work = Work(text=text, kb=load_knowledge())
    for name, stage in STAGES:
        if name == "engagements":
            break
        stage(work)
    return [p.name for p in work.people if p.name]


# --- 11. a military rank starts a new person, even in a list of names and titles -------------------------

def test_a_rank_in_a_list_of_names_and_titles_starts_a_person() -> None:
    rec = _extract("The leaders welcomed Mr. Narendra Modi, Prime Minister of India, Senior General Min Aung Hlaing, "
                   "Chairman of the State Administration Council of Myanmar, and Mr. Prabowo Subianto, President of "
                   "Indonesia, to the summit in Vientiane on 10 October 2024.")
    parts = {p[0]: p for p in _participants(rec)}
    assert parts["Narendra Modi"][1:] == ("Prime Minister of India", "IND")
    assert parts["Min Aung Hlaing"][1:] == ("Chairman of the State Administration Council of Myanmar", "MMR")


def test_a_surname_joins_only_a_name_holding_it_word_for_word() -> None:
    titles = _people_titles("Admiral John Aquilino met General Li Shangfu in Singapore on 3 June 2023. General Li said "
                            "that China sought stable ties.")
    assert titles == ["Admiral", "General"]
    assert _people_names("Admiral John Aquilino met General Li Shangfu in Singapore on 3 June 2023. General Li said "
                         "that China sought stable ties.") == ["John Aquilino", "Li Shangfu"]


def test_counselor_after_a_comma_title_is_a_style() -> None:
    rec = _extract("Cairo, 21 January 2024\n\nThe Spokesman for the Presidency of the Republic, Counselor Ahmed Fahmy, "
                   "stated that President Abdel Fattah El-Sisi received a phone call today from Prime Minister Giorgia "
                   "Meloni of Italy.")
    # "Counselor" is no part of the name, and the spokesman who reports the call takes no part in it
    assert _participants(rec) == [("Abdel Fattah el-Sisi", "President", "EGY"),
                                  ("Giorgia Meloni", "Prime Minister of Italy", "ITA")]
    assert not any(n.startswith("Counselor") for n in speakers_of(rec))


def test_a_rank_after_a_semicolon_and_a_council_title() -> None:
    rec = _extract("The summit brought together Mr. Hassan Sheikh Mohamud, President of the Federal Republic of Somalia; "
                   "General Abdel Fattah al-Burhan, Chairman of the Transitional Sovereignty Council of Sudan; and the "
                   "Executive Secretary of IGAD in Djibouti on 9 December 2023.")
    assert ("Abdel Fattah al-Burhan", "Chairman of the Transitional Sovereignty Council of Sudan", "SDN") \
        in _participants(rec)


# --- 12. initials before a name are never read as a family name in capitals ------------------------------

def test_initials_before_a_name_keep_their_place() -> None:
    names = _people_names("External Affairs Minister Shri S.M. Krishna met Defence Minister A.K. Antony and Minister "
                          "of State Shri M.J. Akbar in New Delhi on 3 May 2010. Prime Minister KISHIDA Fumio sent a "
                          "message.")
    assert {"S.M. Krishna", "A.K. Antony", "M.J. Akbar", "Fumio Kishida"} <= set(names)


# --- 13. an office before "level" is a modifier; a double title before a name and its side is one person --

def test_an_office_before_level_is_no_person() -> None:
    rec = _extract("Chile and Peru hold Foreign Minister level talks in Lima\nLima, 4 May 2024. Foreign Minister "
                   "Alberto van Klaveren and the Deputy Prime Minister and Foreign Minister of Peru Javier Gonzalez "
                   "held talks today. They agreed to resume Foreign Secretary level consultations and to hold "
                   "Foreign Minister-level meetings every year.")
    parts = _participants(rec)
    assert not any(p[0] is None for p in parts)
    assert ("Javier Gonzalez", "Deputy Prime Minister and Foreign Minister of Peru", "PER") in parts
    assert len(parts) == 2
    # an adjective before the second office gives no side to both: two people
    titles = _people_titles("Secretary-General Ban Ki-moon spoke with President Francois Hollande on 3 May 2014. The "
                            "Secretary-General and French President Francois Hollande discussed the crisis.")
    assert not any(t and t.startswith("Secretary-General and") for t in titles)


# --- 14. a minister's list of portfolios goes on past its commas -----------------------------------------

def test_a_list_of_portfolios_is_one_title() -> None:
    rec = _extract("Hon. Vijitha Herath, Minister of Foreign Affairs, Foreign Employment and Tourism of Sri Lanka, "
                   "met Minister of Foreign Affairs, Mines and Petroleum Resources Ali Kamara in Colombo on 3 May 2025.")
    parts = _participants(rec)
    assert ("Vijitha Herath", "Minister of Foreign Affairs, Foreign Employment and Tourism of Sri Lanka", "LKA") in parts
    assert ("Ali Kamara", "Minister of Foreign Affairs, Mines and Petroleum Resources") == parts[1][:2]
    assert len(parts) == 2
    # names after a comma are no portfolios
    rec = _extract("The Minister of Foreign Affairs, Ali Sabry and Nalin Perera met the Ambassador of Japan in Colombo "
                   "on 3 May 2023.")
    assert ("Ali Sabry", "Minister of Foreign Affairs") == _participants(rec)[0][:2]


# --- 15. a named entity that is a topic, a place or a group is no person ----------------------------------

def _people_with_ner(text: str, persons: list[str]) -> list[str | None]:
    """The people the actors stage finds when the named-entity model reads ``persons`` as PERSON."""
    def ner(texts: list[str]) -> list[list[tuple[int, int, str]]]:
        return [[(m.start(), m.end(), "PERSON") for w in persons for m in re.finditer(re.escape(w), t)]
                for t in texts]

    work = Work(text=text, kb=load_knowledge(), ner=ner)
    for name, stage in STAGES:
        if name == "engagements":
            break
        stage(work)
    return [p.name for p in work.people]


def test_topics_groups_and_places_are_no_people() -> None:
    text = ("Lavrov, Nalbandian discuss Karabakh settlement\n\nMoscow, 7 February 2017. Foreign Minister Sergey "
            "Lavrov held talks with Foreign Minister of Armenia Edward Nalbandian on the Weimar Triangle, the "
            "Kalapani boundary and the Normandy Format.")
    found = _people_with_ner(text, ["Karabakh", "Weimar Triangle", "Kalapani", "Normandy", "Edward Nalbandian"])
    assert set(found) == {"Sergey Lavrov", "Edward Nalbandian"}


# --- 16. an unqualified office in a publisher's own readout is the principal its title line names ----------

def test_the_head_of_state_is_the_principal_of_the_title_line() -> None:
    rec = _extract("Kassym-Jomart Tokayev holds phone talks with President of Uzbekistan\n"
                   "The Head of State held a telephone conversation with President of Uzbekistan Shavkat Mirziyoyev "
                   "on 3 March 2023. The President of Kazakhstan congratulated his counterpart. The Head of State "
                   "noted the importance of cooperation in transport.")
    parts = _participants(rec)
    assert not any(p[0] is None for p in parts) and len(parts) == 2
    assert speakers_of(rec) == {"Kassym-Jomart Tokayev": {"KAZ"}}
    # a title line that names its first person with a side names no principal
    names = _people_names("President of Uzbekistan Shavkat Mirziyoyev calls Kassym-Jomart Tokayev\n"
                          "The Head of State received a telephone call on 3 March 2023.")
    assert names == ["Shavkat Mirziyoyev", "Kassym-Jomart Tokayev"]
    titles = _people_titles("PM call with Chancellor Scholz of Germany: 3 October 2024\n\n"
                            "The Prime Minister spoke to Chancellor Olaf Scholz of Germany this morning.")
    assert "Prime Minister" in titles


# --- 17. a lone surname is no known person whose given names conflict with the text's full name ----------

def test_a_surname_is_not_a_known_namesake() -> None:
    text = ("Foreign Minister Dr. Deuba holds talks with Sri Lankan counterpart\nKathmandu, 10 October 2024. Hon. "
            "Dr. Arzu Rana Deuba, Minister for Foreign Affairs of Nepal, met Hon. Vijitha Herath, Minister of Foreign "
            "Affairs of Sri Lanka. Hon. Foreign Minister Dr. Deuba said that Nepal valued its ties.")
    work = Work(text=text, kb=load_knowledge())
    for name, stage in STAGES:
        if name == "engagements":
            break
        stage(work)
    deuba = [p for p in work.people if p.name and p.name.endswith("Deuba")]
    assert len(deuba) == 1 and deuba[0].name == "Arzu Rana Deuba" and deuba[0].known is None
    # the known one, when the text's full name is theirs
    assert _participants(_extract("Kathmandu, 10 October 2022. Prime Minister Sher Bahadur Deuba received Foreign "
                                  "Minister Ali Sabry. Prime Minister Deuba said that Nepal valued its ties."))[0] \
        == ("Sher Bahadur Deuba", "Prime Minister", "NPL")


# --- 18. in a ministry's own readout the unqualified office of its kind is its own ---------------------------

def test_an_unqualified_office_of_the_publishers_kind_is_the_publishers() -> None:
    text = ("The Minister for Foreign Affairs of France, Jean-Noel Barrot, visited Dublin on 4 April 2024. The "
            "Minister for Foreign Affairs said the two countries had close ties.")
    ctx = {"publisher": "Department of Foreign Affairs, Ireland"}
    rec = _extract(text, **ctx)
    assert speakers_of(rec).get("Jean-Noel Barrot") is None
    work = Work(text=text, kb=load_knowledge(), context=ctx)
    for _name, stage in STAGES:
        stage(work)
    assert [(p.name, p.affiliation) for p in work.people] == [("Jean-Noel Barrot", "FRA"), (None, "IRL")]
    # without a publisher the office may be the one named before
    assert speakers_of(_extract(text)) == {"Jean-Noel Barrot": {"FRA"}}
    # nor does the rule touch an office of another kind ("the President" of an Irish Government readout)
    rec = _extract("Taoiseach Simon Harris met President Emmanuel Macron in Dublin on 4 April 2024. The President "
                   "said the two countries had close ties.", publisher="Department of the Taoiseach, Ireland")
    assert speakers_of(rec) == {"Emmanuel Macron": {"FRA"}}


def test_a_name_with_an_apostrophe_is_one_word() -> None:
    rec = _extract("Foreign Minister Gideon Sa'ar met Foreign Minister Penny Wong in Jerusalem on 12 January 2025. "
                   "Sa'ar thanked Australia for its support.")
    assert "Gideon Sa'ar" in [p[0] for p in _participants(rec)]
    assert speakers_of(rec) == {"Gideon Sa'ar": {"ISR"}}


def test_a_headline_title_does_not_reach_a_byline_name_across_lines() -> None:
    rec = _extract("Peters speaks with Ukrainian Foreign Minister\n\nHon Winston Peters\nMinister of Foreign Affairs\n\n"
                   "Foreign Minister Winston Peters spoke with Ukrainian Foreign Minister Andrii Sybiha on 3 March 2025. "
                   "Mr Peters said New Zealand stands with Ukraine.")
    assert ("Winston Peters", "Foreign Minister", "NZL") in _participants(rec)
    assert speakers_of(rec) == {"Winston Peters": {"NZL"}}


def test_a_son_named_after_his_father_is_not_the_father() -> None:
    rec = _extract("His Majesty King Abdullah II, accompanied by Crown Prince Al Hussein bin Abdullah II, received Greek "
                   "Foreign Minister George Gerapetritis in Amman on 5 March 2024. The King reaffirmed Jordan's support.")
    people = [p[0] for p in _participants(rec)]
    assert "Abdullah II" in people and "Al Hussein bin Abdullah II" in people
    assert speakers_of(rec) == {"Abdullah II": {"JOR"}}


def test_a_spaced_dash_after_a_place_dateline_is_not_part_of_the_title() -> None:
    # Kemlu style: "Putrajaya, Malaysia - Foreign Minister Retno ..." (the dateline's country is not her side)
    rec = _extract("Putrajaya, Malaysia - Foreign Minister Retno L.P. Marsudi held a bilateral meeting with Malaysian "
                   "Foreign Minister Saifuddin Abdullah at Wisma Putra (8/8).")
    assert ("Retno L.P. Marsudi", "Foreign Minister") in {(n, t) for n, t, _a in _participants(rec)}
    assert ("Saifuddin Abdullah", "Malaysian Foreign Minister", "MYS") in _participants(rec)


def test_a_nickname_in_quotation_marks_inside_a_name() -> None:
    # Indonesian and Philippine pages: 'President Joko "Jokowi" Widodo' is one person, also "President Jokowi"
    rec = _extract("President Jokowi Receives Australian Prime Minister\n\nBogor, 6 June 2022 - President Joko "
                   "\"Jokowi\" Widodo received Australian Prime Minister Anthony Albanese at the Bogor Presidential "
                   "Palace on Monday.\n\nPresident Jokowi said Indonesia welcomed Australia's commitment.")
    assert [n for n, _t, _a in _participants(rec)] == ["Joko Widodo", "Anthony Albanese"]
    assert speakers_of(rec)["Joko Widodo"] == {"IDN"}


def test_a_style_before_the_hon_and_an_office_sharing_a_possessive() -> None:
    # Australian joint statements: "Australia's Minister for Foreign Affairs, Senator the Hon Marise Payne, and
    # Minister for Defence, the Hon Peter Dutton MP, met Japan's ..."
    rec = _extract("Australia's Minister for Foreign Affairs, Senator the Hon Marise Payne, and Minister for Defence, "
                   "the Hon Peter Dutton MP, met Japan's Minister for Foreign Affairs, Mr Motegi Toshimitsu, and "
                   "Minister of Defense, Mr Kishi Nobuo, via videoconference on 9 June 2021. They discussed the East "
                   "China Sea.")
    got = {(n, a) for n, _t, a in _participants(rec)}
    assert {("Marise Payne", "AUS"), ("Peter Dutton", "AUS"), ("Kishi Nobuo", "JPN")} <= got
    assert None not in {n for n, _a in got}


def test_a_place_holding_a_states_name_is_no_mention_of_the_state() -> None:
    # places.yaml: "the East China Sea", "the Sea of Japan" name no actor (a capital that is a whole place stays)
    text = "The ministers discussed the East China Sea and the Sea of Japan in Mexico City with China."
    work = Work(text=text, kb=load_knowledge())
    for name, stage in STAGES:
        if name == "engagements":
            break
        stage(work)
    assert [(text[m.start:m.end], m.code) for m in work.actor_mentions] == [("Mexico City", "MEX"), ("China", "CHN")]


def test_raksha_mantri_is_indias_defence_ministers_title() -> None:
    rec = _extract("New Delhi, 21 June 2022\n\nRaksha Mantri Shri Rajnath Singh held bilateral talks with Deputy Prime "
                   "Minister and Minister for Defence of Australia Mr Richard Marles in New Delhi today.\n\nRaksha "
                   "Mantri welcomed Mr Marles.")
    assert ("Rajnath Singh", "Raksha Mantri", "IND") in _participants(rec)
    assert speakers_of(rec)["Rajnath Singh"] == {"IND"}


def test_a_byline_office_above_the_name_is_the_authors_and_so_is_the_bare_office() -> None:
    # Australian PM media release in the third person: "Prime Minister / The Hon Anthony Albanese MP"
    rec = _extract("Media Release\n\nPrime Minister\n\nThe Hon Anthony Albanese MP\n\nMeeting with Prime Minister of "
                   "Japan\n\n14 August 2024\n\nThe Prime Minister met with Prime Minister Kishida Fumio in Tokyo today. "
                   "The Prime Minister thanked Prime Minister Kishida for his leadership.")
    assert _participants(rec) == [("Anthony Albanese", "Prime Minister", "AUS"), ("Fumio Kishida", "Prime Minister", "JPN")]
    assert speakers_of(rec) == {"Anthony Albanese": {"AUS"}}


def test_a_postnominal_between_commas_before_the_office() -> None:
    # Sri Lanka MFA: "Hon. M.U.M. Ali Sabry, PC, Minister of Foreign Affairs, held bilateral talks with ..."
    rec = _extract("Colombo, 5 March 2024\n\nHon. M.U.M. Ali Sabry, PC, Minister of Foreign Affairs, held bilateral "
                   "talks with H.E. Mr. Wang Yi, Minister of Foreign Affairs of the People's Republic of China, in "
                   "Beijing today.")
    assert ("Minister of Foreign Affairs", "LKA") in {(t, a) for _n, t, a in _participants(rec)}


def test_menlu_ri_is_a_title_not_part_of_the_name() -> None:
    # Kemlu: "Menlu RI Retno Marsudi" (RI: Republik Indonesia)
    rec = _extract("Jakarta, 12 June 2023 - Menlu RI Retno Marsudi received a courtesy call from Indian External "
                   "Affairs Minister S. Jaishankar at the Ministry of Foreign Affairs.")
    assert ("Retno Marsudi", "Menlu RI", "IDN") in _participants(rec)


def test_an_acronym_in_brackets_is_no_person() -> None:
    rec = _extract("Foreign Minister Retno Marsudi attended the 56th ASEAN Foreign Ministers Meeting (AMM) in Jakarta "
                   "on 11 July 2023.")
    assert [n for n, _t, _a in _participants(rec)] == ["Retno Marsudi"]


def test_a_party_leaders_double_title_of_one_side_is_one_person() -> None:
    # VNA: "General Secretary of the Lao People's Revolutionary Party Central Committee and President of Laos X"
    rec = _extract("Vientiane (VNA) - General Secretary of the Communist Party of Vietnam Central Committee To Lam held "
                   "talks with General Secretary of the Lao People's Revolutionary Party Central Committee and President "
                   "of Laos Thongloun Sisoulith in Vientiane on July 11, 2024.")
    assert [(n, a) for n, _t, a in _participants(rec)] == [("To Lam", "VNM"), ("Thongloun Sisoulith", "LAO")]
    assert _participants(rec)[1][1] == ("General Secretary of the Lao People's Revolutionary Party Central Committee "
                                        "and President of Laos")


@pytest.mark.parametrize("text, want", [
    # VNA: two offices of one person joined by a comma
    ("Hanoi (VNA) - Deputy Prime Minister, Foreign Minister Pham Binh Minh held talks with Philippine Foreign "
     "Secretary Teodoro Locsin Jr. in Hanoi on December 20, 2019.",
     [("Pham Binh Minh", "Deputy Prime Minister, Foreign Minister"), ("Teodoro Locsin", "Philippine Foreign Secretary")]),
    # an appositive office after a name, and a rank, each still start their own
    ("Mr. Narendra Modi, Prime Minister of India, Senior General Min Aung Hlaing, Chairman of the State Administration "
     "Council of Myanmar, and Mr. K.P. Sharma Oli, Prime Minister of Nepal, attended the summit in Bangkok on 4 April "
     "2025.",
     [("Narendra Modi", "Prime Minister of India"), ("Min Aung Hlaing", "Chairman of the State Administration Council of "
                                                   "Myanmar"), ("K.P. Sharma Oli", "Prime Minister of Nepal")]),
])
def test_two_offices_of_one_person_joined_by_a_comma(text: str, want: list[tuple[str, str]]) -> None:
    assert [(n, t) for n, t, _a in _participants(_extract(text))] == want
