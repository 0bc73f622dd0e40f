"""readouts' own coding knowledge: the verb lexicon, agents, the PLOVER table and CAMEO actor codes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from readouts.coding.lexicon import AgentDictionary, VerbEntry, VerbLexicon, VerbPattern
from readouts.coding.own import (
    CameoActors,
    load_agents,
    load_cameo_actors,
    load_plover,
    load_verbs,
    phrase_variants,
    split_words,
)
from readouts.errors import KnowledgeError
from readouts.knowledge import load_knowledge

ROOTS = [f"{i:02d}" for i in range(1, 21)]


def _entry(lex: VerbLexicon, lemma: str) -> VerbEntry:
    return lex.verbs[tuple(lemma.split())]


def _codes(entry: VerbEntry) -> set[str]:
    return {c for c in [entry.code, *(p.code for p in entry.patterns)] if c}


def _pattern(entry: VerbEntry, match: str) -> VerbPattern:
    terms = tuple(match.split())
    found = [p for p in entry.patterns if p.terms == terms]
    assert found, f"{entry.lemma}: no pattern {match!r}"
    return found[0]


# ------------------------------------------------------------------------------------------ loaders
def test_loaders_return_their_types() -> None:
    lex = load_verbs()
    assert isinstance(lex, VerbLexicon) and lex.synsets and lex.nouns
    assert isinstance(load_agents(), AgentDictionary)
    assert isinstance(load_cameo_actors(), CameoActors)
    plover = load_plover()
    assert plover["040"] == ("CONSULT", None)
    assert load_verbs() is lex  # cached


def test_the_lexicon_is_broad() -> None:
    lex = load_verbs()
    entries = {id(e): e for e in lex.verbs.values()}
    assert len(entries) >= 300 and len(lex.verbs) >= 600
    assert sum(len(e.patterns) for e in entries.values()) >= 3000


def test_every_cameo_root_has_verbs() -> None:
    lex = load_verbs()
    by_root: dict[str, set[tuple[str, ...]]] = {r: set() for r in ROOTS}
    for key, e in lex.verbs.items():
        for code in _codes(e):
            by_root[code[:2]].add(key)
    thin = {r: len(v) for r, v in by_root.items() if len(v) < 10}
    assert not thin, thin


def test_every_code_is_a_known_cameo_code() -> None:
    cameo = load_knowledge().cameo
    lex = load_verbs()
    for e in list(lex.verbs.values()) + list(lex.nouns.values()):
        for p in e.patterns:
            assert p.code is None or p.code in cameo
            assert p.reverse_code is None or p.reverse_code in cameo
            assert p.terms.count("*") == 1
            for t in p.terms:
                assert not t.startswith("&") or t[1:] in lex.synsets


# ------------------------------------------------------------------------------------------ spot checks
def test_meet_is_a_reciprocal_consultation() -> None:
    meet = _entry(load_verbs(), "meet")
    assert (meet.code, meet.reverse_code) == ("040", "040")
    assert _pattern(meet, "* &phone").code == "041"


def test_spot_checks_across_the_codebook() -> None:
    lex = load_verbs()
    assert _entry(lex, "condemn").code == "111"
    assert _entry(lex, "criticise") is _entry(lex, "criticize")  # aliases share the entry
    assert _entry(lex, "accuse").code == "112"
    assert _pattern(_entry(lex, "accuse"), "* &war_crime").code == "1124"
    assert _entry(lex, "visit").code == "042" and _entry(lex, "visit").reverse_code == "043"
    assert _entry(lex, "host").code == "043" and _entry(lex, "host").reverse_code == "042"
    assert _pattern(_entry(lex, "hold"), "* &talks").code == "040"  # talks held: a consultation
    assert _pattern(_entry(lex, "hold"), "* &negotiation").code == "046"
    assert _pattern(_entry(lex, "call"), "* &call_prep").code == "020"
    assert _pattern(_entry(lex, "call"), "* &call_prep &release").code == "0253"
    assert _pattern(_entry(lex, "urge"), "* &lift &sanction").code == "0254"
    assert _pattern(_entry(lex, "demand"), "* &release").code == "1053"
    assert _pattern(_entry(lex, "refuse"), "* &release").code == "1243"
    assert _pattern(_entry(lex, "agree"), "* &talks").code == "036"
    assert _pattern(_entry(lex, "offer"), "* &mediate_v").code == "039"
    assert _pattern(_entry(lex, "threaten"), "* &sanction").code == "1312"
    assert _pattern(_entry(lex, "impose"), "* &sanction").code == "163"
    assert _pattern(_entry(lex, "fire"), "* on").code == "190"
    assert _pattern(_entry(lex, "fire"), "test - *").code == "150"
    assert _entry(lex, "shell").code == "194" and _entry(lex, "bomb").code == "195"
    assert _entry(lex, "call off").code == "161"
    assert _entry(lex, "rule out").code == "120"
    assert _pattern(_entry(lex, "rule out"), "not * &force").code == "138"
    # light verbs code nothing by themselves
    for light in ("make", "take", "give", "hold", "have", "issue", "express", "reach", "put", "say"):
        assert _entry(lex, light).code is None, light


def test_swap_marks_events_coded_the_other_way_round() -> None:
    receive = _entry(load_verbs(), "receive")
    aid = _pattern(receive, "* &aid from")
    assert aid.code == "070" and aid.swap
    assert not _pattern(receive, "* &credential").swap


def test_synset_phrases_come_split_and_whole() -> None:
    lex = load_verbs()
    assert ("cease", "-", "fire") in lex.synsets["ceasefire"]
    assert ("cease-fire",) in lex.synsets["ceasefire"]
    assert ("call",) in lex.synsets["phone_call"] and ("phone", "call") in lex.synsets["phone_call"]


def test_split_words_follows_the_tokenizer() -> None:
    assert split_words("Women's rights") == ("women", "'s", "rights")
    assert split_words("al-Qaeda") == ("al", "-", "qaeda")
    assert split_words("Kurdistan Workers' Party") == ("kurdistan", "workers", "'", "party")
    assert phrase_variants("cease-fire") == [("cease", "-", "fire"), ("cease-fire",)]
    assert phrase_variants("state media") == [("state", "media")]


# ------------------------------------------------------------------------------------------ agents
def test_agents() -> None:
    agents = load_agents().entries
    assert agents[("troops",)].code == "MIL" and agents[("police",)].code == "COP"
    assert agents[("defence", "minister")].code == "GOVMIL"
    assert agents[("state", "media")].code == "GOVMED"
    assert agents[("ngo",)].code == "NGO" and agents[("ngo",)].prefix
    assert agents[("non", "-", "governmental", "organization")].prefix
    codes = {a.code for a in agents.values()}
    for code in ("GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL", "LAB",
                 "LEG", "HLH", "REF", "ELI", "AGR", "DEV", "ENV", "HRI", "UAF", "REL", "CHR", "MUS", "JEW", "HIN",
                 "BUD"):
        assert code in codes, code


# ------------------------------------------------------------------------------------------ PLOVER
def test_every_cameo_code_has_a_plover_category() -> None:
    cameo = load_knowledge().cameo
    plover = load_plover()
    dropped = sorted(set(cameo) - set(plover))
    # PLOVER drops CAMEO's comments (01); every other code maps
    assert dropped and all(c.startswith("01") for c in dropped), dropped
    assert {"016", "018", "019"} <= set(plover)
    categories = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
    assert {c for c, _ in plover.values()} == categories


def test_plover_spot_checks_and_consult_modes() -> None:
    plover = load_plover()
    assert plover["041"] == ("CONSULT", "phone")
    assert plover["042"] == ("CONSULT", "visit")
    assert plover["043"] == ("CONSULT", "host")
    assert plover["044"] == ("CONSULT", "third-party")
    assert plover["046"] == ("CONSULT", None)
    assert plover["0841"] == ("RETREAT", "release") and plover["081"] == ("CONCEDE", None)
    assert plover["0871"] == ("RETREAT", "ceasefire")
    assert plover["1053"] == ("REQUEST", "yield") and plover["0253"] == ("REQUEST", "yield")
    assert plover["111"] == ("ACCUSE", "disapprove") and plover["1124"] == ("ACCUSE", "allege")
    assert plover["116"] == ("SANCTION", "convict")
    assert plover["1712"] == ("ASSAULT", "destroy") and plover["171"] == ("COERCE", "seize")
    assert plover["182"] == ("ASSAULT", "beat") and plover["1823"] == ("ASSAULT", None)
    assert plover["195"] == ("ASSAULT", "aerial") and plover["2041"] == ("ASSAULT", "unconventional")


def test_strict_plover_leaves_out_readouts_extensions() -> None:
    strict = load_plover(strict=True)
    assert "020" not in strict and "1053" in strict and "016" not in strict
    assert strict["040"] == ("CONSULT", None)


# ------------------------------------------------------------------------------------------ CAMEO actors
def test_cameo_actor_codes() -> None:
    cam = load_cameo_actors()
    assert cam.codes["NATO"] == "IGOWSTNAT" and cam.codes["UN"] == "IGOUNO" and cam.codes["EU"] == "IGOEUREEC"
    assert cam.cameo_of("XKX") == "KSV" and cam.cameo_of("TLS") == "TMP" and cam.cameo_of("FRA") == "FRA"
    assert "QUAD" in cam.unmapped and "QUAD" not in cam.codes
    orgs = {a.code for a in load_knowledge().actors.values() if a.kind == "organisation"}
    assert orgs == set(cam.codes) - {"XKX", "TLS"} | cam.unmapped


def test_extra_actors() -> None:
    cam = load_cameo_actors()
    assert cam.extra[("gaza",)] == "PSEGZA"
    assert cam.extra[("hamas",)] == "PSEREBHMS"
    assert cam.extra[("al", "-", "qaeda")] == cam.extra[("al-qaeda",)] == "IMGMUSALQ"
    taliban = next(a for a in cam.extra_actors if a.name == "Taliban")
    assert taliban.current == "AFGGOV"
    dated = cam.extra_dated[("taliban",)]
    assert [c.code for c in dated if c.valid_on(dt.date(2010, 1, 1))] == ["AFGREB"]


def test_extra_actors_do_not_shadow_readouts_actors() -> None:
    kb = load_knowledge()
    known = {tuple(f.split()) for f in kb.actor_forms} | {tuple(f.lower().split()) for f in kb.exact_forms}
    clash = [p for p in load_cameo_actors().extra if p in known]
    assert not clash, clash


# ------------------------------------------------------------------------------------------ broken files
_VERBS_OK = """
version: "1"
synsets:
  talks: [talk, negotiation]
verbs:
  - verb: meet
    code: "040"
    patterns:
      - {match: "* for &talks", code: "046"}
"""


@pytest.mark.parametrize("broken, message", [
    (_VERBS_OK.replace('"046"', '"999"'), "unknown CAMEO event code '999'"),
    (_VERBS_OK.replace("&talks", "&chats"), "unknown synset &chats"),
    (_VERBS_OK.replace('"* for &talks"', '"* for * &talks"'), "exactly one `*`"),
    (_VERBS_OK.replace('"* for &talks"', '"for &talks"'), "exactly one `*`"),
    (_VERBS_OK.replace('code: "040"', "code: 040"), "quoted string"),
    (_VERBS_OK + '  - verb: meet\n    code: "040"\n', "'meet' is defined twice"),
    (_VERBS_OK.replace("    patterns:", "    pattern:"), "unknown field"),
    (_VERBS_OK.replace("synsets:", "synsets: [oops"), "not valid YAML"),
    (_VERBS_OK + "    use: [{table: nothing, as: appeal}]\n", "unknown table"),
    (_VERBS_OK + 'subtypes:\n  means: [{synset: bombs, code: "195"}]\n', "synset 'bombs' is not defined"),
    (_VERBS_OK + 'subtypes:\n  means: [{synset: talks, code: "999"}]\n', "unknown CAMEO event code"),
    (_VERBS_OK + 'subtypes:\n  weapons: [{synset: talks, code: "195"}]\n', "unknown field"),
])
def test_a_broken_verb_file_raises(tmp_path: Path, broken: str, message: str) -> None:
    path = tmp_path / "verbs.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(KnowledgeError, match="meet|verbs.yaml") as err:
        load_verbs(path)
    assert message in str(err.value)


def test_a_good_small_verb_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "verbs.yaml"
    path.write_text(_VERBS_OK, encoding="utf-8")
    lex = load_verbs(path)
    assert lex.verbs[("meet",)].patterns[0].terms == ("*", "for", "&talks")
    assert lex.subtypes == {}


def test_subtypes_refine_generic_codes() -> None:
    lex = load_verbs()
    assert ("chemical", "2041") in lex.subtypes["means"] and ("war_crime", "1124") in lex.subtypes["charges"]
    assert all(name in lex.synsets for rows in lex.subtypes.values() for name, _ in rows)


def test_a_plover_mode_must_belong_to_its_category(tmp_path: Path) -> None:
    from importlib import resources

    text = resources.files("readouts.knowledge").joinpath("plover.yaml").read_text(encoding="utf-8")
    path = tmp_path / "plover.yaml"
    path.write_text(text.replace('"041": {mode: phone}', '"041": {mode: fax}'), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="'fax' is not a mode of CONSULT"):
        load_plover(path)
    path.write_text(text.replace('"12": REJECT', '"12": REFUSE'), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="unknown PLOVER category 'REFUSE'"):
        load_plover(path)


@pytest.mark.parametrize("loader, text, message", [
    (load_agents, "agents:\n  XYZ: [troop]\n", "unknown CAMEO agent code"),
    (load_agents, "agents:\n  MIL: [troop]\n  GOV: [troop]\n", "already listed"),
    (load_agents, "agents:\n  GOVMIL: [defence minister]\n", "put compounds under `compound`"),
    (load_plover, 'categories: {CONSULT: [phone]}\nroots: {"04": TALK}\n', "unknown PLOVER category"),
    (load_cameo_actors, "organisations:\n  NATO: {cameo: igownat, source: phoenix}\n", "not a CAMEO actor code"),
    (load_cameo_actors, "organisations:\n  NOPE: {cameo: IGO, source: phoenix}\n", "not an organisation"),
    (load_cameo_actors, "extra_actors:\n  - {name: X, cameo: [{code: ABC, start: \"2020-13-01\"}], source: cameo}\n",
     "bad date"),
])
def test_other_broken_files_raise(tmp_path: Path, loader: Callable[[Path], object], text: str, message: str
                                  ) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        loader(path)
    assert message in str(err.value) and "broken.yaml" in str(err.value)


def test_intent_and_places_tables_load_and_reject_bad_files(tmp_path: Path) -> None:
    from readouts.coding.own import load_intent, load_places

    table = load_intent()
    assert "will" in table["aux"] and table["cooperative"]["04"] == "036" and table["conflict"]["19"] == "1384"
    assert "South China Sea" in load_places()
    bad = tmp_path / "intent.yaml"
    bad.write_text("version: x\naux: [will]\ncooperative: {'04': '999'}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="999"):
        load_intent(bad)
    assert table["refusal"]["04"] == "125" and "would" in table["refusal_aux"]
    odd = tmp_path / "intent_odd.yaml"
    odd.write_text("version: x\naux: [will]\nrefusals: {'04': '125'}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="refusals"):
        load_intent(odd)
    worst = tmp_path / "intent_worst.yaml"
    worst.write_text("version: x\nrefusal: {'0x': '125'}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="0x"):
        load_intent(worst)
    worse = tmp_path / "places.yaml"
    worse.write_text("places: South China Sea\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="places"):
        load_places(worse)
