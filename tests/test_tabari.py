"""The PETRARCH/TABARI dictionary importer: small hand-written snippets for every piece of syntax, then
the real validation and Phoenix dictionaries in ../shared (skipped when absent)."""

from __future__ import annotations

import logging
import re
import time
from datetime import date
from pathlib import Path

import pytest

from readouts.coding import tabari
from readouts.coding.lexicon import ActorCode, AgentCode, VerbLexicon
from readouts.errors import KnowledgeError

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
VALIDATION = DATA / "petrarch-validation" / "dictionaries"
PHOENIX = DATA / "phoenix-cameo-dictionaries"


def write(tmp_path: Path, text: str, name: str = "dict.txt", encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def real(folder: Path, name: str) -> Path:
    p = folder / name
    if not p.exists():
        pytest.skip(f"{p} is not available")
    return p


def codes(d: tabari.ActorDictionary, *words: str) -> list[ActorCode]:
    return d.entries[tuple(words)]


# ================================================================================================== actors
ACTORS = """\
<!-- TEST ACTORS -->
<!--
#   a header opened like the validation files do
# -->
VALORIA [VLR]
+VALORIAN
+THE_VALORIAN_REPUBLIC_   # trailing underscore: exact word
QUESSALY  [qsy]     # lower-case code
BRINDOR_HIGH_COUNCIL
+HIGH_COUNCIL
\t[BRDGOV]\t# codes on an indented line
ODO_BRANN_
+MARSHAL_ODO_BRANN
\t[BRD < 950601]
\t[BRDMIL 19950601 - 19990815]
\t[BRDGOV > 990816]
MIRA_TOLVANE_ [VLRELI 720101-850301][VLRGOV 850301-911231] [VLRELI]
LAKE OF TEARS [LOT]
CAPTAIN_J._R._VOSS [VLRMIL]
THE_GREY_WARDENS [---]
ELDER_CIRCLE [+++]
TWIN_CROWNS [VLR/QSY]
QUOTED_BANNER ["QBN"]
"""


def test_actor_roots_synonyms_and_codes(tmp_path: Path) -> None:
    d = tabari.read_actors(write(tmp_path, ACTORS))
    assert codes(d, "valoria") == [ActorCode("VLR")]
    assert codes(d, "valorian") == [ActorCode("VLR")]
    assert codes(d, "the", "valorian", "republic") == [ActorCode("VLR")]
    assert codes(d, "quessaly") == [ActorCode("QSY")]
    assert codes(d, "brindor", "high", "council") == codes(d, "high", "council") == [ActorCode("BRDGOV")]
    assert codes(d, "lake", "of", "tears") == [ActorCode("LOT")]  # blanks join words like underscores
    assert codes(d, "captain", "j.", "r.", "voss") == [ActorCode("VLRMIL")]
    assert codes(d, "the", "grey", "wardens") == [ActorCode("---")]
    assert codes(d, "elder", "circle") == [ActorCode("+++")]
    assert codes(d, "twin", "crowns") == [ActorCode("VLR/QSY")]
    assert codes(d, "quoted", "banner") == [ActorCode("QBN")]
    assert not any(w.startswith(("<", "#")) for p in d.entries for w in p)  # comments never become names


def test_actor_dated_codes(tmp_path: Path) -> None:
    d = tabari.read_actors(write(tmp_path, ACTORS))
    odo = codes(d, "odo", "brann")
    assert odo == codes(d, "marshal", "odo", "brann")
    # "<d" is before d; "a-b" runs from a up to, not including, b (as PETRARCH compares); ">d" from d on
    assert odo == [ActorCode("BRD", None, date(1995, 5, 31)),
                   ActorCode("BRDMIL", date(1995, 6, 1), date(1999, 8, 14)),
                   ActorCode("BRDGOV", date(1999, 8, 16), None)]
    # several bracket groups on one line; the undated code comes last so that dated ones win
    assert codes(d, "mira", "tolvane") == [ActorCode("VLRELI", date(1972, 1, 1), date(1985, 2, 28)),
                                           ActorCode("VLRGOV", date(1985, 3, 1), date(1991, 12, 30)),
                                           ActorCode("VLRELI")]


def test_year_pivot(tmp_path: Path) -> None:
    """Two-digit years 00-30 are 20yy, 31-99 are 19yy (KEDS/TABARI/PETRARCH)."""
    text = "A [AAA >300101]\nB [BBB >310101]\nC [CCC <000615]\nD [DDD 291231-300102]\nE [EEE 19310101-310102]\n"
    d = tabari.read_actors(write(tmp_path, text))
    assert codes(d, "a") == [ActorCode("AAA", date(2030, 1, 1), None)]
    assert codes(d, "b") == [ActorCode("BBB", date(1931, 1, 1), None)]
    assert codes(d, "c") == [ActorCode("CCC", None, date(2000, 6, 14))]
    assert codes(d, "d") == [ActorCode("DDD", date(2029, 12, 31), date(2030, 1, 1))]
    assert codes(d, "e") == [ActorCode("EEE", date(1931, 1, 1), date(1931, 1, 1))]  # 8 and 6 digits mixed


def test_dated_codes_come_before_the_default(tmp_path: Path) -> None:
    d = tabari.read_actors(write(tmp_path, "PIP_MARLOW [HOB]\n\t[HOBCIV <20080120]\n\t[HOBMIL 20080120-20121109]\n"))
    assert [c.code for c in codes(d, "pip", "marlow")] == ["HOBCIV", "HOBMIL", "HOB"]


def test_codeless_root_lines_share_the_next_roots_codes(tmp_path: Path) -> None:
    text = ("TAVO_RENN_\n+RENN\nPRESIDENT_TAVO_RENN\nT._RENN\n\t[QSYGOV >20120219]\n"
            "\nLONELY_NAME_\n\nNEXT_ONE [NXT]\n")
    d = tabari.read_actors(write(tmp_path, text))
    for name in (("tavo", "renn"), ("renn",), ("president", "tavo", "renn"), ("t.", "renn")):
        assert d.entries[name] == [ActorCode("QSYGOV", date(2012, 2, 19), None)]
    assert ("lonely", "name") not in d.entries  # a blank line ends the group: no code, skipped
    assert codes(d, "next", "one") == [ActorCode("NXT")]


def test_actor_oddities(tmp_path: Path) -> None:
    text = ('+TAIRA_ +TAIRAN_\n'  # synonym before any root: skipped
            'KORVA_ [KRV]\n+KORVAN_ +KORVIAN_\n'  # two synonyms on one line
            'RIVERS_(NORTH)_ [RVN] Trading house\t$5,000\n'  # text after the codes
            'ANSEL_"FOX"_MARR_ [VLRREB]\n'
            "FREE_HILLMEN'S_ [HLMREB]\n"
            'KORVA_ [KRV]\n')  # again: no duplicate code
    d = tabari.read_actors(write(tmp_path, text))
    assert codes(d, "korva") == codes(d, "korvan") == codes(d, "korvian") == [ActorCode("KRV")]
    assert codes(d, "rivers", "(", "north", ")") == [ActorCode("RVN")]
    assert codes(d, "ansel", '"', "fox", '"', "marr") == [ActorCode("VLRREB")]
    assert codes(d, "free", "hillmen", "'s") == [ActorCode("HLMREB")]
    assert ("taira",) not in d.entries


def test_bad_actor_codes_are_skipped_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    text = ("[ORPHAN]\n"  # a code before any actor
            "GOOD [GOD]\n"
            "HALF_GOOD\n\t[HGD 9008223-911221]\n\t[HGD]\n"  # 7-digit date: that code only is skipped
            "BACKWARDS [BCK 20121207-20120802]\n"  # ends before it starts: the actor has no code left
            "ODD [ODD 991301-000101]\n")  # month 13
    with caplog.at_level(logging.WARNING, logger="readouts"):
        d = tabari.read_actors(write(tmp_path, text))
    assert codes(d, "good") == [ActorCode("GOD")]
    assert codes(d, "half", "good") == [ActorCode("HGD")]
    assert ("backwards",) not in d.entries and ("odd",) not in d.entries
    messages = [r.getMessage() for r in caplog.records]
    assert any("dict.txt:1:" in m and "no actor before" in m for m in messages)
    assert any("dict.txt:4:" in m and "9008223" in m for m in messages)
    assert any("dict.txt:6:" in m and "20121207" in m for m in messages)
    assert any("dict.txt:6:" in m and "BACKWARDS" in m and "no (readable) code" in m for m in messages)
    assert any("dict.txt:7:" in m and "month must be in 1..12" in m for m in messages)


# ================================================================================================== agents
AGENTS = """\
<!-- TEST AGENTS -->
!WARDEN! = WARDEN, WARDENS, WARDRESS, WARDRESSES
!OFFICE! = OFFICER, OFFICERS, OFFICE, OFFICES

TREASURER [~GOVTRS]
HARBOUR_DEPUTY [~GOV]
WATCH_COMPANY [~MIL]
TOLL_KEEPER {} [~BUS]
LORD_CHANCELLOR {LORDS_CHANCELLOR} [~GOV]
SHEEP_HERDER {SHEEP HERDERS} [~AGR]
CROWN_ATTORNEY [~JUD]
GLASS_BOX [~BUS]
WITCH [~REL]
ROAD_BUILDER_ [~BUS]
ENVOYS_TO [~GOV]
RELIEF_MISSION [AID~]
HILL_GUARD [ ~COP]
RIVER_COUNCIL [  NGO~]
FOREST!WARDEN! [~ENV]
!OFFICE!_OF_LOST_SCROLLS [~GOV]
!OFFICE! FOR_TRADE_AND_AD!OFFICE!RATIVE_MATTERS [~GOVTRD]
SEA_TRADER [~BUS}
"""


def test_agent_codes_and_plurals(tmp_path: Path) -> None:
    a = tabari.read_agents(write(tmp_path, AGENTS)).entries
    assert a[("treasurer",)] == a[("treasurers",)] == AgentCode("GOVTRS")
    assert a[("harbour", "deputies")] == AgentCode("GOV")  # consonant + y -> ies
    assert a[("watch", "companies")] == AgentCode("MIL")
    assert a[("crown", "attorneys")] == AgentCode("JUD")  # vowel + y -> +s (TABARI would write ATTORNIES)
    assert a[("glass", "boxes")] == AgentCode("BUS") and a[("witches",)] == AgentCode("REL")
    assert ("toll", "keepers") not in a and a[("toll", "keeper")] == AgentCode("BUS")  # {}: no plural
    assert a[("lords", "chancellor")] == AgentCode("GOV") and ("lord", "chancellors") not in a
    assert a[("sheep", "herders")] == AgentCode("AGR")  # the braces hold one phrase
    assert ("road", "builders") not in a and ("road", "builder") in a  # exact word: no plural
    assert ("envoys", "tos") not in a and ("envoys", "to") in a  # no plural of a function word
    assert a[("relief", "mission")] == AgentCode("AID", prefix=True)
    assert a[("hill", "guard")] == AgentCode("COP")
    assert a[("river", "council")] == AgentCode("NGO", prefix=True)
    assert a[("sea", "trader")] == AgentCode("BUS")  # "[~BUS}" read as "[~BUS]"


def test_agent_substitution_markers(tmp_path: Path) -> None:
    a = tabari.read_agents(write(tmp_path, AGENTS)).entries
    for w in ("forestwarden", "forestwardens", "forestwardress", "forestwardresses"):
        assert a[(w,)] == AgentCode("ENV")
    assert ("forestwardenses",) not in a  # no plurals made for marker entries
    for w in ("officer", "officers", "office", "offices"):
        assert a[(w, "of", "lost", "scrolls")] == AgentCode("GOV")
        # a marker inside a word ("AD!OFFICE!RATIVE") is a search-and-replace slip: read literally
        assert a[(w, "for", "trade", "and", "adofficerative", "matters")] == AgentCode("GOVTRD")


def test_bad_agent_lines(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    text = "GOOD_AGENT [~GOV]\nNO_CODE_HERE\nUNKNOWN!MARK! [~GOV]\nOPEN_BRACE {X [~GOV]\nNO_TILDE [GOV]\n"
    with caplog.at_level(logging.WARNING, logger="readouts"):
        a = tabari.read_agents(write(tmp_path, text)).entries
    assert set(a) == {("good", "agent"), ("good", "agents")}
    messages = " | ".join(r.getMessage() for r in caplog.records)
    for line, what in ((2, "no agent code"), (3, "!MARK!"), (4, "'{'"), (5, "'~CODE'")):
        assert f"dict.txt:{line}:" in messages and what in messages


# =================================================================================================== verbs
VERBS = """\
# TEST VERBS (2.0 format)
####### SYNONYM SETS #######
&GIFT
+GIFT
+TRIBUTE_
+SACK_OF_GRAIN

&METAL_
+SILVER
+GOLD

&VALUABLES  # a set made of sets
+&GIFT
+&METAL
+PRECIOUS STONES

&LONG_WAY
+(TO THE LAST HILL)
+{OVER THE SEA}

####### VERB PATTERNS #######
--- PARLEY  [040:040] ---
PARLEY
CONFER {CONFERS CONFERRED CONFERRING}   # irregular forms
+SIT_DOWN {+SITS_DOWN +SAT_DOWN +SITTING_DOWN}
FAR_AWAY_+TALK [041]
- * (WITH +) [042:043]   # WITH
- $ (IN {GREAT HALL}) * [046]
- % * [040]
- * &VALUABLES [070]
- * &LONG_WAY [082]
- * &GIFT_BOXES [071]
- (BY ^) * ^ + [045]
- * GIFT [:080]
- * NOTHING [---]
- * (OVER/ABOUT TERMS) [030]
- SO_*_TOGETHER [043]
* (TO REST) [011]
- *FIRMLY [012]

---  GRUMBLE   [---]  ---
GRUMBLE {GRUMBLES GRUMBLED GRUMBLING};old tabari comment
MUTTER [111]
- * (ABOUT TAXES) [110]
- * (ABOUT TAXES) [110]

--- TALK [010] ---
TALK
PARLEY
- * PEACE [036]

~ a (a b PARLEY) SAY = a b 040
"""


@pytest.fixture()
def verbs(tmp_path: Path) -> VerbLexicon:
    return tabari.read_verbs(write(tmp_path, VERBS))


def test_synsets(verbs: VerbLexicon) -> None:
    s = verbs.synsets
    assert s["gift"] == [("gift",), ("tribute",), ("sack", "of", "grain")]
    assert s["metal"] == [("silver",), ("gold",)]  # "&METAL_": no trailing underscore in the name
    assert s["valuables"] == [("gift",), ("tribute",), ("sack", "of", "grain"), ("silver",), ("gold",),
                              ("precious", "stones")]
    assert s["long_way"] == [("to", "the", "last", "hill"), ("over", "the", "sea")]


def test_verb_entries(verbs: VerbLexicon) -> None:
    v = verbs.verbs
    parley = v[("parley",)]
    assert (parley.code, parley.reverse_code) == ("040", "040")
    assert v[("confer",)].forms == {("confers",), ("conferred",), ("conferring",)}
    sit = v[("sit", "down")]
    assert sit.code == "040" and sit.forms == {("sits", "down"), ("sat", "down"), ("sitting", "down")}
    far = v[("far", "away", "talk")]  # particles before the verb ("FAR_AWAY_+TALK") and its own code
    assert (far.code, far.reverse_code) == ("041", None)
    assert v[("grumble",)].code is None and v[("grumble",)].forms == {("grumbles",), ("grumbled",), ("grumbling",)}
    assert v[("mutter",)].code == "111"
    assert verbs.nouns == {}


def test_patterns(verbs: VerbLexicon) -> None:
    pats = {p.terms: p for p in verbs.verbs[("parley",)].patterns}
    assert (pats[("*", "with", "+")].code, pats[("*", "with", "+")].reverse_code) == ("042", "043")
    assert pats[("*", "with", "+")].note == "WITH"
    assert pats[("$", "in", "great", "hall", "*")].code == "046"  # ( ) and { } flattened
    assert pats[("%", "*")].code == "040"
    assert pats[("*", "&valuables")].code == "070"
    assert pats[("*", "&long_way")].code == "082"  # a set whose name has an underscore
    assert pats[("*", "&gift", "boxes")].code == "071"  # "&GIFT_BOXES": the set, then a word
    assert pats[("by", "*", "+")].code == "045"  # '^' dropped
    assert (pats[("*", "gift")].code, pats[("*", "gift")].reverse_code) == (None, "080")
    assert pats[("*", "nothing")].code is None
    assert pats[("*", "over", "terms")].code == pats[("*", "about", "terms")].code == "030"  # A/B
    assert pats[("so", "*", "together")].code == "043"  # underscores split
    assert pats[("*", "to", "rest")].code == "011"  # no leading dash
    assert pats[("*", "firmly")].code == "012"  # "*FIRMLY"
    assert all(p.terms.count("*") == 1 for p in pats.values())


def test_block_patterns_go_to_every_verb_and_merge(verbs: VerbLexicon) -> None:
    v = verbs.verbs
    confer = [p.terms for p in v[("confer",)].patterns]
    assert len(confer) == 14 and [p.terms for p in v[("parley",)].patterns[:14]] == confer
    assert v[("sit", "down")].patterns == v[("confer",)].patterns
    assert [p.terms for p in v[("mutter",)].patterns] == [("*", "about", "taxes")]  # duplicates dropped
    # PARLEY is listed again under TALK: it keeps its first code and gains TALK's patterns
    assert v[("parley",)].code == "040"
    assert v[("parley",)].patterns[-1].terms == ("*", "peace")
    assert v[("talk",)].patterns[0].code == "036"


def test_verb_file_problems(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    text = ("--- GIVE [070] ---\nGIVE\n- * BREAD\n- * * TWICE [071]\n- * &NOWHERE [072]\n- * ALMS [073]\n"
            "--- [000] ---\n- * (ALONE) [074]\n")
    with caplog.at_level(logging.WARNING, logger="readouts"):
        v = tabari.read_verbs(write(tmp_path, text))
    assert [p.terms for p in v.verbs[("give",)].patterns] == [("*", "&nowhere"), ("*", "alms")]
    messages = " | ".join(r.getMessage() for r in caplog.records)
    assert "dict.txt:3:" in messages and "no '[code]'" in messages
    assert "dict.txt:4:" in messages and "2 '*'" in messages
    assert "&NOWHERE" in messages and "never defined" in messages
    assert "dict.txt:7:" in messages and "no verb" in messages


def test_petrarch1_style_verbs(tmp_path: Path) -> None:
    text = ("<!-- SYNSETS -->\n&HARDSHIP\n+FAMINE\n+HARD_WINTER\n\n"
            "--- ENDURE  [---] ---\nENDURE\nSTAND FIRM [013]\n"
            "- SAID_* &HARDSHIP_AGAIN [014]\n- NOT_*_TOGETHER [015]\n\n"
            "&LATE_SET\n+DROUGHT\n\n--- WEATHER [---] ---\nWEATHER\n- * &LATE_SET [016]\n")
    v = tabari.read_verbs(write(tmp_path, text))
    assert v.verbs[("stand", "firm")].code == "013"  # a blank-separated multi-word verb
    assert [p.terms for p in v.verbs[("endure",)].patterns] == [("said", "*", "&hardship", "again"),
                                                              ("not", "*", "together")]
    assert v.synsets["late_set"] == [("drought",)]
    assert v.verbs[("weather",)].patterns[0].terms == ("*", "&late_set")


# ================================================================================================ discards
def test_discards(tmp_path: Path) -> None:
    text = ("# Story-level discards have a '+'\nHARVEST FESTIVAL   # sls 01 Jan 2001\n+ GRAND_JOUST\n"
            "+BARD CONTEST\nROUND ONE_\n\n<!-- nothing -->\n")
    d = tabari.read_discards(write(tmp_path, text))
    assert d.sentence == {("harvest", "festival"), ("round", "one")}
    assert d.story == {("grand", "joust"), ("bard", "contest")}
    assert tabari.read_discards(write(tmp_path, "# only a comment\n")) == tabari.Discards()


# ==================================================================================== files and encodings
def test_missing_or_unreadable_files(tmp_path: Path) -> None:
    for reader in (tabari.read_actors, tabari.read_agents, tabari.read_verbs, tabari.read_discards):
        with pytest.raises(KnowledgeError, match="no-such.txt"):
            reader(tmp_path / "no-such.txt")
        with pytest.raises(KnowledgeError, match="cannot read"):
            reader(tmp_path)  # a directory


def test_binary_and_unparseable_files(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match=r"bin\.txt:2: binary data"):
        tabari.read_actors(write(tmp_path, "GOOD [GOD]\nBAD\0\n", "bin.txt"))
    with pytest.raises(KnowledgeError, match=r"prose\.txt:2: .*nothing usable") as err:
        tabari.read_agents(write(tmp_path, "# a note\nThis is not an agents file.\nNor is this.\n", "prose.txt"))
    assert "\n" not in str(err.value)
    with pytest.raises(KnowledgeError, match=r"prose\.txt:1: .*nothing usable"):
        tabari.read_verbs(write(tmp_path, "Just some prose.\n", "prose.txt"))
    with pytest.raises(KnowledgeError, match=r"codes\.txt:1: .*nothing usable"):
        tabari.read_actors(write(tmp_path, "[ABC]\n[DEF]\n", "codes.txt"))


def test_encodings(tmp_path: Path) -> None:
    d = tabari.read_actors(write(tmp_path, "CAF\u00c9_DU_NORD [CDN]\n\u201cQUOTED\u201d_HOUSE [QHS]\n", encoding="cp1252"))
    assert ("caf\u00e9", "du", "nord") in d.entries
    assert ("\u201cquoted\u201d", "house") in d.entries
    d = tabari.read_actors(write(tmp_path, "\ufeffZ\u00dcRICH_GUILD [ZGD]\n"))  # UTF-8 with a BOM
    assert codes(d, "z\u00fcrich", "guild") == [ActorCode("ZGD")]


def test_comments(tmp_path: Path) -> None:
    text = ("<!-- one line -->\n"
            "<!-- a block\nHIDDEN_ONE [HD1]\n-->\n"
            "SEEN_ONE [SN1] <!-- inline --> # and a hash comment\n"
            "<!-- never closed, and another comment follows\n"
            "SEEN_TWO [SN2]\n"
            "<! -- TABARI-style odd opener -->\n"
            "SEEN_THREE [SN3]<!-- cut here\n")
    d = tabari.read_actors(write(tmp_path, text))
    assert set(d.entries) == {("seen", "one"), ("seen", "two"), ("seen", "three")}


# ========================================================================================= the real files
def test_validation_actors() -> None:
    d = tabari.read_actors(real(VALIDATION, "PETR.Validate.actors.txt"))
    expected = [ActorCode("HOB", None, date(1995, 5, 31)),
                ActorCode("HOBGOV", date(1995, 6, 1), date(1999, 8, 14)),
                ActorCode("HOBREB", date(1999, 8, 16), None)]
    for name in ("gollum", "smeagol", "slinker", "stinker"):
        assert d.entries[(name,)] == expected
    assert d.entries[("palestinian",)][0] == ActorCode("PSE")  # "[pse]"
    assert d.entries[("president", "george", "w.", "bush")] == [ActorCode("USAGOV")]
    assert d.entries[("caras", "galadhon")] == [ActorCode("ELF")]
    assert d.entries[("group", "of", "77")] == [ActorCode("G77")]
    assert d.entries[("lorien",)] == [ActorCode("ELR/GAL")]
    assert d.entries[("isildur",)] == [ActorCode("+++")]
    assert d.entries[("interpol",)] == [ActorCode("IGOCOPITP")]
    assert [c.code for c in d.entries[("sam", "gamgee")]] == ["HOBCIV", "ORCHOB", "HOBMIL", "HOBGOV", "HOBELI", "HOB"]
    assert not any("important" in p or "nasgul" in p for p in d.entries)
    assert 150 <= len(d.entries) <= 170


def test_validation_agents() -> None:
    a = tabari.read_agents(real(VALIDATION, "PETR.Validate.agents.txt")).entries
    assert a[("foreign", "minister")] == AgentCode("GOVFRM")
    assert a[("congresses",)] == a[("congressman",)] == a[("congresswomen",)] == AgentCode("LEG")
    assert a[("ministries", "of", "silly", "walks")] == AgentCode("GOV")
    assert a[("attorneys", "general")] == AgentCode("GOV")
    assert a[("golden", "geese")] == AgentCode("GGS")
    assert a[("human", "rights", "body")] == AgentCode("NGO", prefix=True)
    assert a[("police",)] == AgentCode("COP") and ("polices",) not in a
    assert not any("union" in p for p in a)  # "# JOURNALISTS'_UNION" is commented out


def test_validation_verbs_2() -> None:
    v = tabari.read_verbs(real(VALIDATION, "PETR.Validate.verbs.2.0.txt"))
    arrive = v.verbs[("arrive",)]
    assert (arrive.code, arrive.reverse_code) == ("040", "040")
    assert v.verbs[("break",)].forms == {("broke",), ("broken",)}
    assert ("broke", "down") in v.verbs[("break", "down")].forms
    assert v.verbs[("take", "note")].code == "010"
    assert v.verbs[("hold",)].code is None  # "HOLD {...} [---]" in a [210] block
    assert v.synsets["testsyn3"][0] == ("to", "the", "end")
    assert ("military",) in v.synsets["accordsyn"] and ("dollar",) in v.synsets["accordsyn"]
    begin = v.verbs[("begin",)]
    assert [(p.terms, p.code) for p in begin.patterns] == [(("*", "to", "question"), "110")]
    host = {p.terms: p for p in v.verbs[("host",)].patterns}
    assert (host[("*", "meeting")].code, host[("*", "meeting")].reverse_code) == ("043", "042")


def test_validation_verbs_petrarch1() -> None:
    v = tabari.read_verbs(real(VALIDATION, "PETR.Validate.verbs.txt"))
    assert (v.verbs[("arrive",)].code, v.verbs[("arrive",)].reverse_code) == ("032", "033")
    assert v.verbs[("lash", "out")].code == "122"
    terms = [p.terms for p in v.verbs[("acknowledge",)].patterns]
    assert ("so", "in", "and", "*", "out", "again", "now") in terms
    assert ("*", "new", "&tietypes", "relations") in [p.terms for p in v.verbs[("abandon",)].patterns]
    assert v.synsets["negatvauxvrb"][0] == ("did", "n't")


def test_validation_discards() -> None:
    d = tabari.read_discards(real(VALIDATION, "PETR.Validate.discards.txt"))
    assert ("months", "later") in d.sentence and ("baseball",) in d.sentence
    assert ("manchester", "united") in d.story and ("espn2",) in d.story


def _summary(caplog: pytest.LogCaptureFixture, path: Path) -> str:
    return next(r.getMessage() for r in caplog.records if r.levelno == logging.INFO and str(path) in r.getMessage())


def _near(value: int, target: int, tolerance: float = 0.01) -> bool:
    return abs(value - target) <= max(2, target * tolerance)


@pytest.mark.parametrize("name, roots, synonyms", [
    ("Phoenix.Countries.actors.txt", 18390, 7527),
    ("Phoenix.International.actors.txt", 7840, 66),
    ("Phoenix.MilNonState.actors.txt", 1021, 772),
])
def test_phoenix_actors(name: str, roots: int, synonyms: int, caplog: pytest.LogCaptureFixture) -> None:
    path = real(PHOENIX, name)
    with caplog.at_level(logging.INFO, logger="readouts"):
        started = time.perf_counter()
        d = tabari.read_actors(path)
        elapsed = time.perf_counter() - started
    assert elapsed < 2.0
    m = re.search(r"(\d+) actors, (\d+) synonyms", _summary(caplog, path))
    assert m is not None and _near(int(m[1]), roots) and _near(int(m[2]), synonyms)
    assert all(d.entries.values())


def test_phoenix_known_actors() -> None:
    countries = tabari.read_actors(real(PHOENIX, "Phoenix.Countries.actors.txt"))
    assert countries.entries[("afghanistan",)] == [ActorCode("AFG")]
    shah = countries.entries[("mohammad", "zahir", "shah")]
    assert shah[0] == ActorCode("AFGELI", date(1932, 1, 1), date(1933, 11, 7))
    assert shah[-1] == ActorCode("AFGELI", date(1973, 7, 17), date(2007, 7, 22))
    assert [c.code for c in countries.entries[("gorbachev",)]][-1] == "RUSELI"  # listed as a root line group
    assert countries.entries[("ivo", "josipovic")] == countries.entries[("josipovic",)]
    dated = sum(1 for cs in countries.entries.values() for c in cs if c.start or c.end)
    assert dated > 20000
    intl = tabari.read_actors(real(PHOENIX, "Phoenix.International.actors.txt"))
    assert intl.entries[("kofi", "annan")] == [ActorCode("IGOUNO", date(1997, 1, 1), date(2006, 12, 30)),
                                               ActorCode("ELI")]
    assert [c.code for c in intl.entries[("javier", "solana")]] == ["IGOEUREEC", "IGOWSTNAT"]


def test_phoenix_agents(caplog: pytest.LogCaptureFixture) -> None:
    path = real(PHOENIX, "Phoenix.agents.txt")
    with caplog.at_level(logging.INFO, logger="readouts"):
        a = tabari.read_agents(path).entries
    m = re.search(r"(\d+) agent lines", _summary(caplog, path))
    assert m is not None and _near(int(m[1]), 2244)
    assert a[("cabinet", "secretary")] == AgentCode("GOV")
    assert a[("foreign", "minister")] == a[("foreign", "ministries")] == AgentCode("GOV")
    assert ("minister", "for", "public", "service", "and", "administrative", "reform") in a


def test_phoenix_verbs(caplog: pytest.LogCaptureFixture) -> None:
    path = real(PHOENIX, "CAMEO.2.0.txt")
    with caplog.at_level(logging.INFO, logger="readouts"):
        v = tabari.read_verbs(path)
    summary = _summary(caplog, path)
    m = re.search(r"(\d+) verb blocks, (\d+) verbs, (\d+) pattern lines", summary)
    assert m is not None and int(m[1]) == 397 and _near(int(m[3]), 4668)
    assert "'~' transformation lines: 8" in summary
    patterns = {id(p): p for e in v.verbs.values() for p in e.patterns}.values()
    assert _near(len({p.code for p in patterns if p.code}), 239)
    meet = v.verbs[("meet",)]
    assert meet.code == "040" and ("met",) in meet.forms
    phone = {p.terms: p for p in v.verbs[("accelerate",)].patterns}
    assert phone[("*", "to")].code == "042" and phone[("*", "to")].reverse_code == "043"
    assert len(v.synsets) == 40 and ("f/a-18",) in v.synsets["aircraft"]


def test_phoenix_discards() -> None:
    d = tabari.read_discards(real(PHOENIX, "Phoenix.discards.txt"))
    assert ("months", "later") in d.sentence and ("1914",) in d.sentence
    assert ("world", "golf", "championships") in d.story
    assert len(d.sentence) + len(d.story) > 450
