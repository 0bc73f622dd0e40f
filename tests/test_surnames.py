"""A lone surname ("Martin said", "Prime Minister Martin") that several known office holders share is
linked by the document's date, the title before it and who the document has already named in full;
still ambiguous, it is linked to nobody. The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from record_views import speakers as speakers_of

import readouts
from readouts.knowledge import load_knowledge
from readouts.stages.names import find_known_by_surname as _find_known_by_surname


def _extract(text: str, published: str | None = None) -> dict:
    return readouts.extract(text, {"published": published} if published else {}).to_dict()


def _participants(rec: dict) -> dict[str, dict]:
    return {p["name"]: p for p in rec["engagements"][0]["participants"]}


# --- through the extractor ------------------------------------------------------------------------------

def test_paul_martin_named_in_full_in_2005() -> None:
    rec = _extract("On May 4, 2005, Prime Minister Paul Martin met with President George W. Bush in Ottawa. "
                   "Martin said that the two countries would work together on border security.")
    parts = _participants(rec)
    assert parts["Paul Martin"]["affiliation"] == "CAN"
    assert parts["George W. Bush"]["affiliation"] == "USA"
    assert speakers_of(rec) == {"Paul Martin": {"CAN"}}


def test_micheal_martin_named_in_full_in_2021() -> None:
    rec = _extract("On March 17, 2021, Taoiseach Micheál Martin held a virtual meeting with President Joe Biden. "
                   "Martin said that Ireland valued its close ties with the United States.")
    parts = _participants(rec)
    assert parts["Micheál Martin"]["affiliation"] == "IRL"
    assert parts["Joe Biden"]["affiliation"] == "USA"
    assert speakers_of(rec) == {"Micheál Martin": {"IRL"}}


def test_bare_prime_minister_martin_in_2005_is_canadian_by_date() -> None:
    rec = _extract("On May 4, 2005, Prime Minister Martin met with Foreign Minister Sergey Lavrov in Ottawa. "
                   "Martin said that Canada wanted closer ties on Arctic research.")
    parts = _participants(rec)
    assert parts["Martin"]["affiliation"] == "CAN"
    assert parts["Martin"]["role"] == "head_of_government"
    assert parts["Sergey Lavrov"]["affiliation"] == "RUS"
    assert speakers_of(rec) == {"Martin": {"CAN"}}


def test_bare_prime_minister_martin_dated_by_publication_only() -> None:
    text = ("Prime Minister Martin met with Foreign Minister Sergey Lavrov in Ottawa. "
            "Martin said that Canada wanted closer ties on Arctic research.")
    rec = _extract(text, published="2005-05-04")
    assert _participants(rec)["Martin"]["affiliation"] == "CAN"
    assert speakers_of(rec) == {"Martin": {"CAN"}}
    # the same text in 2021: the Prime Minister (Taoiseach) named Martin then is Irish
    rec = _extract(text, published="2021-03-17")
    assert _participants(rec)["Martin"]["affiliation"] == "IRL"


def test_bare_taoiseach_martin_in_2021() -> None:
    rec = _extract("On March 17, 2021, Taoiseach Martin held a virtual meeting with President Joe Biden. "
                   "Martin said that Ireland valued its close ties with the United States.")
    assert _participants(rec)["Martin"]["affiliation"] == "IRL"
    assert speakers_of(rec) == {"Martin": {"IRL"}}


def test_condoleezza_rice_in_2007() -> None:
    rec = _extract("On June 12, 2007, Secretary of State Condoleezza Rice met with Foreign Minister Sergey Lavrov "
                   "in Washington. Rice said that the United States wanted progress on missile defense.")
    parts = _participants(rec)
    assert parts["Condoleezza Rice"]["affiliation"] == "USA"
    assert parts["Condoleezza Rice"]["role"] == "foreign_minister"
    assert parts["Sergey Lavrov"]["affiliation"] == "RUS"
    assert speakers_of(rec) == {"Condoleezza Rice": {"USA"}}


def test_susan_rice_at_the_un_in_2010() -> None:
    rec = _extract("On April 8, 2010, Ambassador Susan Rice met with Foreign Minister Sergey Lavrov at the United "
                   "Nations in New York. Rice said that the Security Council had to act together on Iran.")
    parts = _participants(rec)
    assert parts["Susan Rice"]["affiliation"] == "USA"
    assert parts["Susan Rice"]["role"] != "foreign_minister"
    assert speakers_of(rec) == {"Susan Rice": {"USA"}}


def test_bare_rice_in_2010_is_susan_rice_by_date() -> None:
    rec = _extract("On April 8, 2010, Rice met with Foreign Minister Sergey Lavrov at the United Nations in New "
                   "York. Rice said that the Security Council had to act together on Iran.")
    rice = _participants(rec)["Rice"]
    assert rice["affiliation"] == "USA"
    assert rice["title"] == "Ambassador to the United Nations"  # Susan Rice's role on that day
    assert speakers_of(rec) == {"Rice": {"USA"}}


def test_bare_secretary_rice_in_2007_is_condoleezza_rice() -> None:
    rec = _extract("On June 12, 2007, Secretary Rice met with Foreign Minister Sergey Lavrov in Washington. "
                   "Rice said that the United States wanted progress on missile defense.")
    rice = _participants(rec)["Rice"]
    assert (rice["affiliation"], rice["role"]) == ("USA", "foreign_minister")
    assert speakers_of(rec) == {"Rice": {"USA"}}


def test_bare_clinton_in_2010_is_hillary_clinton() -> None:
    rec = _extract("On July 2, 2010, Clinton met with Foreign Minister Sergey Lavrov in Washington. "
                   "Clinton said that the United States valued the new start in relations.")
    clinton = _participants(rec)["Clinton"]
    assert (clinton["affiliation"], clinton["role"]) == ("USA", "foreign_minister")
    assert speakers_of(rec) == {"Clinton": {"USA"}}


def test_the_one_named_in_full_wins_over_the_date() -> None:
    # 2010: Susan Rice held office, but the text names Condoleezza Rice, so "Rice" is she
    rec = _extract("On April 8, 2010, former Secretary of State Condoleezza Rice met with Foreign Minister Sergey "
                   "Lavrov in Moscow. Rice said that the two countries had to keep talking.")
    parts = _participants(rec)
    assert set(parts) == {"Condoleezza Rice", "Sergey Lavrov"}
    assert parts["Condoleezza Rice"]["role"] == "foreign_minister"
    assert speakers_of(rec) == {"Condoleezza Rice": {"USA"}}


def test_earlier_full_name_wins_for_a_title_and_surname() -> None:
    # 2021: the Taoiseach is Micheál Martin, but the text has named Paul Martin
    rec = _extract("On March 3, 2021, Paul Martin, former Prime Minister of Canada, met with Foreign Minister "
                   "Simon Coveney in Dublin. Prime Minister Martin said that Canada and Ireland shared many goals.")
    parts = _participants(rec)
    assert parts["Paul Martin"]["affiliation"] == "CAN"
    assert "Martin" not in parts
    assert speakers_of(rec).get("Paul Martin") == {"CAN"}


# --- the lookup itself ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def _who(kb, surname: str, day: str | None = None, title: str | None = None, actor: str | None = None,
         named: tuple[str, ...] = ()) -> str | None:
    ids = {id(p) for p in kb.people if p.name in named}
    got = _find_known_by_surname(kb, surname, dt.date.fromisoformat(day) if day else None, title, actor, ids)
    return got.name if got else None


def test_lookup_without_a_date_is_as_before(kb) -> None:
    assert _who(kb, "Martin") is None
    assert _who(kb, "Martin", title="Prime Minister") is None
    assert _who(kb, "Rice") is None
    # a surname only one person has links whatever the date
    assert _who(kb, "Lavrov") == "Sergey Lavrov"
    assert _who(kb, "Lavrov", day="1990-01-01") == "Sergey Lavrov"


def test_lookup_by_date(kb) -> None:
    assert _who(kb, "Martin", "2005-05-04") == "Paul Martin"
    assert _who(kb, "Martin", "2021-03-17") == "Micheál Martin"
    assert _who(kb, "Rice", "2007-06-12") == "Condoleezza Rice"
    assert _who(kb, "Rice", "2010-04-08") == "Susan Rice"
    assert _who(kb, "Clinton", "1999-05-01") == "Bill Clinton"
    assert _who(kb, "Clinton", "2011-05-01") == "Hillary Clinton"
    assert _who(kb, "Clinton", "2016-05-01") is None  # neither held office
    assert _who(kb, "Kim", "2012-06-12") is None  # several Kims in office


def test_lookup_by_title_on_the_date(kb) -> None:
    assert _who(kb, "Kim", "2012-06-12", "Foreign Minister") == "Kim Sung-hwan"
    assert _who(kb, "Kim", "2013-06-12", "Foreign Minister") is None  # his term had ended
    assert _who(kb, "Li", "2015-06-01", "Premier") == "Li Keqiang"
    assert _who(kb, "Li", "2015-06-01", "Vice President") == "Li Yuanchao"
    assert _who(kb, "Wang", "2019-06-01", "Vice President") == "Wang Qishan"
    assert _who(kb, "Wang", "2019-06-01", "President") is None  # a Vice President is no President
    assert _who(kb, "Kim", "2000-06-15", "President") == "Kim Dae-jung"
    assert _who(kb, "Martin", "2021-03-17", "Prime Minister") == "Micheál Martin"  # the Taoiseach
    assert _who(kb, "Martin", "2009-06-01", "Prime Minister") is None  # Micheál Martin was Foreign Minister
    assert _who(kb, "Martin", "2009-06-01", "Foreign Minister") == "Micheál Martin"
    assert _who(kb, "Rice", "2010-04-08", "Ambassador") == "Susan Rice"
    assert _who(kb, "Rice", "2007-06-12", "Ambassador") is None  # Condoleezza Rice was no ambassador


def test_lookup_by_side(kb) -> None:
    assert _who(kb, "Martin", "2021-03-17", "Prime Minister", actor="CAN") is None
    assert _who(kb, "Martin", "2005-05-04", "Prime Minister", actor="CAN") == "Paul Martin"


def test_lookup_prefers_who_the_document_named(kb) -> None:
    assert _who(kb, "Martin", "2021-03-17", named=("Paul Martin",)) == "Paul Martin"
    assert _who(kb, "Rice", None, named=("Condoleezza Rice",)) == "Condoleezza Rice"
    # both named: the date decides among them
    assert _who(kb, "Rice", "2010-04-08", named=("Condoleezza Rice", "Susan Rice")) == "Susan Rice"
