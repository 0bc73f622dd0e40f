"""Statements with no attribution cue of their own: quotation paragraphs of a press release, quotes that
go on with the last speaker, paragraphs in a speaker's voice, first-person speeches that never name
their speaker, and a few attribution patterns around them (a second predicate, a participant described
by side and office, a participial opener). The negative cases keep the narrator and other voices apart."""

from __future__ import annotations

import readouts

RELEASE = """Prime Minister welcomes call from Chancellor

12 March 2024

Prime Minister Christopher Luxon received a call from German Chancellor Olaf Scholz this evening.

"It was a warm and constructive conversation about trade and security in the Pacific.

"Chancellor Scholz also asked that I convey his best wishes to the people of New Zealand.

"I look forward to seeing him at the summit in June."
"""

CONTINUED = """President Stubb met Prime Minister Kristersson

Helsinki, 4 March 2024

President of Finland Alexander Stubb met Prime Minister of Sweden Ulf Kristersson in Helsinki on Monday.

At the start of the meeting, Alexander Stubb stressed the importance of Nordic defence cooperation.

"Our countries stand together. We will deepen our cooperation on the northern flank.

"Sweden is a close friend and ally of Finland."
"""

SPEECH = """Your Excellency, Secretary Blinken,
Ladies and gentlemen,

Secretary Blinken, welcome to Nairobi.

It is a great pleasure for me to receive you here today. Your visit shows the depth of our
friendship.

Secretary Blinken and I held fruitful talks this morning. The weather was kind to us.

I underlined the importance of trade and investment between our two countries.
I also thanked the United States for its support to Kenya in the health sector.

Thank you.
"""

VOICE = """Wang Yi Holds Talks with Foreign Minister of Singapore Vivian Balakrishnan

On 3 May, Foreign Minister Wang Yi held talks in Beijing with Singaporean Foreign Minister Vivian Balakrishnan.

Wang Yi said that China and Singapore are close neighbours. The two sides need to expand trade and investment.

China will continue to open its market to Singaporean firms. We are ready to work with Singapore to build a \
green partnership.
"""

PATTERNS = """Prime Minister Phuc holds talks with Prime Minister Modi

Hanoi (VNA) - Prime Minister Nguyen Xuan Phuc held talks with Indian Prime Minister Narendra Modi via video link \
on December 21.

Congratulating India on its election to the Security Council, the Vietnamese Government leader praised India's \
support for Vietnam.

Prime Minister Narendra Modi spoke with Prime Minister Phuc for an hour and expressed his gratitude for Vietnam's \
help during the pandemic.

Prime Minister Narendra Modi has invited Prime Minister Phuc to visit India next year.
"""

NEWS = """Blinken meets Wang Yi in Beijing

BEIJING, June 19 (Reuters) - U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing \
on Monday.

"The talks were candid and substantive," a senior State Department official told reporters, speaking on \
condition of anonymity.

A senior official who declined to be named described the mood.

"We made progress on fentanyl."
"""

OTHER = """Prime Minister meets President of Ghana

London, 5 May 2024

Prime Minister Rishi Sunak met President of Ghana Nana Akufo-Addo in London today.

The Prime Minister stressed the importance of trade between the two countries.

"We will open new markets for British and Ghanaian firms," President Akufo-Addo said.
"""

NARRATED = """Foreign Minister Wang Yi Meets with Foreign Minister of Singapore

On 3 May, Foreign Minister Wang Yi met with Singaporean Foreign Minister Vivian Balakrishnan in Beijing.

Wang Yi said that China and Singapore are close neighbours.

The United States announced new tariffs on Chinese goods last week. Our correspondents reported on the \
markets.
"""


def statements(text: str) -> list[tuple[str, str | None, str]]:
    rec = readouts.extract(text)
    for s in rec.statements:
        assert rec.document.text[s.span[0]:s.span[1]] == s.text
    return [(s.speaker, s.affiliation, s.text) for s in rec.statements]


def said(got: list[tuple[str, str | None, str]], who: str) -> list[str]:
    return [t for w, _a, t in got if w == who]


def test_release_quotes_are_the_principals():
    got = statements(RELEASE)
    luxon = said(got, "Christopher Luxon")
    assert "It was a warm and constructive conversation about trade and security in the Pacific." in luxon
    assert any(t.startswith("I look forward to seeing him at the summit") for t in luxon)
    # inside the principal's quote, a sentence attributed to the other participant stays his
    assert said(got, "Olaf Scholz") == ["I convey his best wishes to the people of New Zealand."]
    assert not any("best wishes" in t for t in luxon)


def test_quote_paragraphs_continue_the_last_speaker():
    got = statements(CONTINUED)
    stubb = said(got, "Alexander Stubb")
    assert "Our countries stand together." in stubb
    assert "We will deepen our cooperation on the northern flank." in stubb
    assert any(t.startswith("Sweden is a close friend") for t in stubb)
    assert not said(got, "Ulf Kristersson")


def test_first_person_speech_goes_to_the_host_side():
    got = statements(SPEECH)
    texts = [t for _w, _a, t in got]
    assert {a for _w, a, _t in got} == {"KEN"}
    assert all(w for w, _a, _t in got) and "Blinken" not in {w for w, _a, _t in got}
    assert "It is a great pleasure for me to receive you here today." in texts
    assert "Your visit shows the depth of our\nfriendship." in texts
    assert "I also thanked the United States for its support to Kenya in the health sector." in texts
    # salutations, the greeting, what both did (and the narration after it), the closing: not statements
    for left in ("Ladies and gentlemen", "welcome to Nairobi", "held fruitful talks", "The weather", "Thank you"):
        assert not any(left in t for t in texts), left


def test_speech_names_its_speaker_when_the_header_does():
    text = "Remarks by Prime Minister Rishi Sunak\n\n" + SPEECH.replace("Nairobi", "London").replace("Kenya", "Britain")
    got = statements(text)
    assert got and {w for w, _a, _t in got} == {"Rishi Sunak"}


def test_a_paragraph_in_the_speakers_voice_goes_on():
    got = statements(VOICE)
    wang = said(got, "Wang Yi")
    assert "The two sides need to expand trade and investment." in wang
    assert "China will continue to open its market to Singaporean firms." in wang
    assert any(t.startswith("We are ready to work with Singapore") for t in wang)


def test_attribution_patterns():
    got = statements(PATTERNS)
    assert any(t.startswith("Congratulating India on its election") for t in said(got, "Nguyen Xuan Phuc"))
    modi = said(got, "Narendra Modi")
    assert "expressed his gratitude for Vietnam's help during the pandemic." in modi
    assert any(t.startswith("Prime Minister Narendra Modi has invited") for t in modi)


def test_news_quotes_of_unnamed_officials_are_nobodys():
    got = statements(NEWS)
    assert not any("candid" in t or "fentanyl" in t for _w, _a, t in got)
    assert not said(got, "Antony Blinken") and not said(got, "Wang Yi")


def test_a_quote_attributed_to_another_keeps_its_speaker():
    got = statements(OTHER)
    assert said(got, "Nana Akufo-Addo") == ["We will open new markets for British and Ghanaian firms"]
    assert not any("new markets" in t for t in said(got, "Rishi Sunak"))


def test_narration_after_a_statement_is_not_carried():
    got = statements(NARRATED)
    assert not any("tariffs" in t or "correspondents" in t for _w, _a, t in got)
    assert said(got, "Wang Yi") == ["China and Singapore are close neighbours."]


def test_a_first_person_speech_is_published_by_its_speaker_s_side():
    rec = readouts.extract(SPEECH)
    assert rec.document.model_extra.get("publisher_side") == "KEN"
