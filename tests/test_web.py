"""The web pages over a store, through FastAPI's TestClient: every page answers with what it should show,
unknown documents and actors get the site's 404, document text stays escaped everywhere it appears, the
highlight pieces of every item put together give the item's span, and the security headers are sent.

The texts ingested here are written for these tests (a readout full of HTML and script, and a few short
China–NATO readouts), never copies of real readouts.
"""

from __future__ import annotations

import random
import re
import warnings
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from fastapi import FastAPI
from markupsafe import escape

from readouts.model import Record
from readouts.store import open_store
from readouts.web import CSP, mount
from readouts.web.highlight import KINDS, Item, highlight, items_of

with warnings.catch_warnings():
    # Starlette's test client asks for the httpx2 package and warns when it finds only httpx
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

XSS_TEXT = (
    "On March 3, 2024, Foreign Minister Wang Yi held a phone call with NATO Secretary General Jens Stoltenberg "
    "<script>window.__xss=1;alert(1)</script>. Wang Yi said, China values <img src=x onerror=\"window.__xss=2\"> "
    "dialogue with NATO on climate change. Stoltenberg said that \"><svg onload=window.__xss=3> NATO is willing "
    "to keep up dialogue with China. The two sides agreed to maintain communication.\n")
XSS_CONTEXT = {"title": "<script>window.__xss=4</script> readout",
               "source": "\"><img src=x onerror=window.__xss=5>.txt"}
OWN_TEXTS = [
    "On January 12, 2022, State Councilor and Foreign Minister Wang Yi met with NATO Secretary General Jens "
    "Stoltenberg in Brussels. Wang Yi said that China is ready to deepen dialogue with NATO on climate change and "
    "arms control. Stoltenberg said NATO welcomes practical cooperation with China on climate change. The two "
    "sides agreed to hold regular consultations.\n",
    "On January 27, 2022, Foreign Minister Wang Yi held a phone call with NATO Secretary General Jens Stoltenberg "
    "at the request of the latter. Wang Yi said NATO must stop its provocations and should not interfere in "
    "China's internal affairs. Stoltenberg said NATO is concerned about China's military build-up.\n",
    "On June 30, 2022, Foreign Minister Wang Yi held a video call with NATO Secretary General Jens Stoltenberg. "
    "Wang Yi condemned NATO's new strategic concept and accused NATO of spreading false information about China. "
    "Stoltenberg said NATO will continue to defend its values.\n",
]
OWN_ITEMS: list[tuple[str, dict[str, Any]]] = [(XSS_TEXT, XSS_CONTEXT)] + [
    (t, {"source": f"own-{i}.txt", "title": f"Own readout {i}"}) for i, t in enumerate(OWN_TEXTS)]
XSS_MARKERS = ("<script>window", "<img src=x", "<svg onload")


def bare_app(url: str) -> FastAPI:
    app = FastAPI()
    app.state.store = open_store(url)
    mount(app)
    return app


@pytest.fixture(scope="module")
def own_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A SQLite store with the tests' own texts (the XSS readout among them)."""
    url = str(tmp_path_factory.mktemp("web-store") / "readouts.db")
    store = open_store(url)
    try:
        res = store.ingest_items(OWN_ITEMS)
        assert res.added == len(OWN_ITEMS), res.errors
    finally:
        store.close()
    app = bare_app(url)
    with TestClient(app) as client:
        yield client
    app.state.store.close()


@pytest.fixture(scope="module")
def examples_client(examples_store_url: str) -> Iterator[TestClient]:
    app = bare_app(examples_store_url)
    with TestClient(app) as client:
        yield client
    app.state.store.close()


def doc_ids(client: TestClient) -> list[str]:
    return list(dict.fromkeys(re.findall(r'href="/web/documents/([0-9a-f]{64})"', client.get("/").text)))


def xss_id() -> str:
    from readouts.model import document_id

    return document_id(XSS_TEXT)


def assert_page(r: Any, status: int = 200) -> str:
    assert r.status_code == status, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    assert r.headers["content-security-policy"] == CSP
    assert "script-src 'self';" in CSP and "'unsafe-inline'" not in CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    return str(r.text)


def assert_inert(html: str) -> None:
    """No markup from the document survives: only the escaped text does."""
    for marker in XSS_MARKERS:
        assert marker not in html
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert all('src="/static/' in s or 'type="application/json"' in s for s in scripts), scripts
    assert not re.search(r"<(img|svg)\b", html)


# --- pages over the examples (SQLite and PostgreSQL) ----------------------------------------------------

def test_home_shows_counts_recent_engagements_and_forms(examples_client: TestClient) -> None:
    html = assert_page(examples_client.get("/"))
    counts = dict(re.findall(r'data-count="(\w+)"><span class="n">(\d+)</span>', html))
    assert counts == {k: str(v) for k, v in examples_client.app.state.store.counts().items()}  # type: ignore[attr-defined]
    assert counts["documents"] == "4"
    assert "2021-09-27" in html and "video call" in html
    assert 'href="/web/dyads/CHN/NATO"' in html
    assert len(doc_ids(examples_client)) == 4
    assert 'action="/web/search"' in html and 'name="q"' in html
    assert 'action="/web/dyad"' in html and 'name="a"' in html and 'name="b"' in html
    assert re.search(r'<label for="dyad-a">', html) and re.search(r'<label for="home-q">', html)


def test_dyad_picker_redirects(examples_client: TestClient) -> None:
    r = examples_client.get("/web/dyad", params={"a": "China", "b": "NATO"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/web/dyads/China/NATO"
    assert_page(examples_client.get("/web/dyad", params={"a": "CHN"}), 400)


def test_document_page_shows_every_item(examples_client: TestClient) -> None:
    store = examples_client.app.state.store  # type: ignore[attr-defined]
    for doc in doc_ids(examples_client):
        rec = store.get_record(doc)
        html = assert_page(examples_client.get(f"/web/documents/{doc}"))
        for e in rec.engagements:
            assert f'data-item="engagement:{e.id}"' in html
            assert e.type.replace("_", " ") in html
            for p in e.participants:
                assert f"/web/actors/{p.name.replace(' ', '%20')}" in html if p.name else True
        for s in rec.statements:
            assert f'id="item-statement-{s.id}"' in html and f'href="#item-statement-{s.id}"' in html
        assert html.count('data-item="event:') >= len(rec.events)
        check_pieces(html, rec)


def test_dyad_page(examples_client: TestClient) -> None:
    html = assert_page(examples_client.get("/web/dyads/China/NATO"))
    assert "CHN" in html and "NATO" in html
    assert '<script src="/static/vendor/plotly.min.js"' in html and '<script src="/static/dyad.js"' in html
    data = re.search(r'<script type="application/json" id="chart-data">(.*?)</script>', html, re.S)
    assert data is not None
    import json

    chart = json.loads(data.group(1))
    assert chart["months"][0]["month"] == "2021-09" and chart["months"][0]["by_modality"]["video"] == 1
    doc = doc_ids(examples_client)
    assert any(f'href="/web/documents/{d}"' in html for d in doc)
    assert "Stoltenberg" in html  # who spoke


def test_dyad_month_filter_and_empty_dyad(examples_client: TestClient) -> None:
    html = assert_page(examples_client.get("/web/dyads/CHN/NATO", params={"month": "2021-09"}))
    assert "Engagements in 2021-09" in html and "2021-09-27" in html
    html = assert_page(examples_client.get("/web/dyads/CHN/NATO", params={"month": "2020-01"}))
    assert "No engagements in 2020-01" in html
    html = assert_page(examples_client.get("/web/dyads/CHN/SWE"))
    assert 'id="no-engagements"' in html and "No engagements between CHN and SWE" in html
    assert 'id="chart"' not in html


def test_actor_pages(examples_client: TestClient) -> None:
    html = assert_page(examples_client.get("/web/actors/Wang Yi"))
    assert "Wang Yi" in html and "State Councilor and Foreign Minister" in html
    assert 'href="/web/dyads/CHN/NATO"' in html  # counterpart → dyad
    assert "2021-09-27" in html and "/web/documents/" in html
    assert 'href="/web/search?speaker=Wang%20Yi"' in html
    html = assert_page(examples_client.get("/web/actors/NATO"))
    assert "NATO" in html and "/web/dyads/NATO/" in html


def test_search_marks_hits_and_links_to_the_statement(examples_client: TestClient) -> None:
    html = assert_page(examples_client.get("/web/search", params={"q": "dialogue"}))
    assert "<mark>" in html and "«" not in html and "»" not in html
    assert re.search(r'href="/web/documents/[0-9a-f]{64}#item-statement-s\d+"', html)
    html = assert_page(examples_client.get("/web/search", params={"q": "dialogue", "speaker": "Stoltenberg"}))
    assert "Jens Stoltenberg" in html and "Wang Yi</a>" not in html
    html = assert_page(examples_client.get("/web/search", params={"speaker": "Wang Yi"}))
    assert 'id="hits-total"' in html  # a speaker alone lists that speaker's statements
    html = assert_page(examples_client.get("/web/search", params={"q": "dialogue", "since": "2030-01-01"}))
    assert "No statement matches" in html
    assert_page(examples_client.get("/web/search", params={"q": "x", "since": "yesterday"}), 400)
    assert "Search the statements" in assert_page(examples_client.get("/web/search"))


def test_unknown_document_and_actor_get_the_sites_404(examples_client: TestClient) -> None:
    html = assert_page(examples_client.get("/web/documents/" + "0" * 64), 404)
    assert "Document not found" in html and 'class="brand"' in html
    html = assert_page(examples_client.get("/web/actors/Nobody Atall"), 404)
    assert "Actor not found" in html and 'href="/static/site.css"' in html


def test_static_files_and_plotly_from_the_installed_package(examples_client: TestClient) -> None:
    import plotly

    r = examples_client.get("/static/vendor/plotly.min.js")
    assert r.status_code == 200 and "javascript" in r.headers["content-type"]
    assert len(r.content) > 1_000_000 and b"plotly.js" in r.content[:200]
    from pathlib import Path

    assert r.content == (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_bytes()
    for name in ("site.css", "site.js", "dyad.js", "plot.css", "favicon.svg"):
        assert examples_client.get(f"/static/{name}").status_code == 200
    assert examples_client.get("/static/nothing.js").status_code == 404
    paths = examples_client.get("/openapi.json").json()["paths"]
    assert not any(p == "/" or p.startswith("/web") or p.startswith("/static") for p in paths)


# --- the tests' own texts: escaping -------------------------------------------------------------------

def test_xss_document_stays_text_on_every_page(own_client: TestClient) -> None:
    doc = xss_id()
    html = assert_page(own_client.get(f"/web/documents/{doc}"))
    assert_inert(html)
    assert "&lt;script&gt;window.__xss=1;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;window.__xss=2&#34;&gt;" in html
    assert "<title>&lt;script&gt;window.__xss=4&lt;/script&gt; readout · readouts</title>" in html
    assert "&lt;svg onload=window.__xss=3&gt;" in html
    for page in ("/", "/web/dyads/CHN/NATO", "/web/actors/Wang Yi", "/web/actors/Jens Stoltenberg"):
        h = assert_page(own_client.get(page))
        assert_inert(h)
        assert "&lt;script&gt;window.__xss=4&lt;/script&gt; readout" in h, page  # the title, as text
    h = assert_page(own_client.get("/web/search", params={"q": "dialogue"}))
    assert_inert(h)
    assert "&lt;img src=x onerror=&#34;window.__xss=2&#34;&gt; <mark>dialogue</mark>" in h
    h = assert_page(own_client.get("/web/search", params={"q": "<script>alert(1)</script>", "speaker": "\"><b>x"}))
    assert_inert(h)
    assert "<b>x" not in h and "&lt;script&gt;alert(1)&lt;/script&gt;" in h
    h = assert_page(own_client.get("/web/actors/<script>alert(1)</script>"), 404)
    assert "<script>alert" not in h


def test_xss_fields_in_tooltips_are_attribute_escaped(own_client: TestClient) -> None:
    html = own_client.get(f"/web/documents/{xss_id()}").text
    tips = re.findall(r'data-tip="([^"]*)"', html)
    assert tips and all("<" not in t and ">" not in t for t in tips)


def test_chart_json_cannot_close_its_script_block() -> None:
    from readouts.web import _json_script

    s = str(_json_script({"a": "</script><script>alert(1)</script>", "b": "&amp;"}))
    assert "<" not in s and ">" not in s and "&" not in s
    import json

    assert json.loads(s) == {"a": "</script><script>alert(1)</script>", "b": "&amp;"}


def test_snippet_marks_after_escaping() -> None:
    from readouts.web import _snippet

    assert str(_snippet("a <b>«x»</b> & «y»")) == "a &lt;b&gt;<mark>x</mark>&lt;/b&gt; &amp; <mark>y</mark>"


# --- highlights ---------------------------------------------------------------------------------------

class _Pieces(HTMLParser):
    """Collect, per data-item, the text of each of its pieces and their data-span."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str | None] = []
        self.pieces: dict[str, list[list[str]]] = {}
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        key = a.get("data-item")
        self.stack.append(key)
        if key:
            self.pieces.setdefault(key, []).append([a.get("data-span") or "", ""])

    def handle_endtag(self, tag: str) -> None:
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for key in set(k for k in self.stack if k):
            self.pieces[key][-1][1] += data


def _doc_text_html(html: str) -> str:
    m = re.search(r'<div class="doc-text" id="doc-text"[^>]*>(.*?)</div>\s*<div class="tip"', html, re.S)
    assert m is not None
    return m.group(1)


def check_pieces(html: str, rec: Record) -> None:
    """Every item's pieces, concatenated, are exactly its span of the text; nothing else is marked."""
    p = _Pieces()
    p.feed(_doc_text_html(html) if 'id="doc-text"' in html else html)
    assert not p.stack, "unbalanced elements"
    text = rec.document.text
    assert "".join(p.text) == text
    items = items_of(rec)
    assert set(p.pieces) == {it.key for it in items}
    for it in items:
        spans = {s for s, _ in p.pieces[it.key]}
        assert spans == {f"{it.start},{it.end}"}
        assert "".join(t for _, t in p.pieces[it.key]) == text[it.start:it.end], it.key


def test_highlight_pieces_reassemble_on_own_documents(own_client: TestClient) -> None:
    store = own_client.app.state.store  # type: ignore[attr-defined]
    for doc in doc_ids(own_client):
        rec = store.get_record(doc)
        html = own_client.get(f"/web/documents/{doc}").text
        check_pieces(html, rec)
        kinds = set(re.findall(r'data-item="(\w+):', html))
        assert {"engagement", "participant", "statement", "event"} <= kinds


def test_highlight_nests_crossing_spans_with_few_pieces() -> None:
    text = "abcdefghijklmnopqrstuvwxyz"
    items = [Item("statement", "s1", 2, 12, "x"), Item("topic", "t", 8, 16, "y"), Item("engagement", "e1", 0, 26, "z"),
             Item("participant", "p", 4, 6, "w"), Item("event", "v", 20, 20, "empty")]
    html = str(highlight(text, items))
    p = _Pieces()
    p.feed(html)
    assert "".join(p.text) == text and not p.stack
    assert len(p.pieces["engagement:e1"]) == 1 and len(p.pieces["statement:s1"]) == 1
    assert len(p.pieces["topic:t"]) == 2  # split once, where it leaves the statement
    assert [t for _, t in p.pieces["topic:t"]] == ["ijkl", "mnop"]
    assert p.pieces["event:v"] == [["20,20", ""]]


def test_highlight_random_overlaps_reassemble() -> None:
    rnd = random.Random(4)
    for _ in range(200):
        n = rnd.randint(0, 40)
        text = "".join(rnd.choice("ab <>&\"'\n") for _ in range(n))
        items = []
        for i in range(rnd.randint(0, 8)):
            a = rnd.randint(0, n)
            b = rnd.randint(a, n)
            items.append(Item(rnd.choice(KINDS), f"x{i}", a, b, "l", [("f", "<v>")]))
        p = _Pieces()
        p.feed(str(highlight(text, items)))
        assert "".join(p.text) == text and not p.stack
        for it in items:
            assert "".join(t for _, t in p.pieces[it.key]) == text[it.start:it.end]


# --- protected reads, and the API's app ---------------------------------------------------------------

def test_protected_reads_need_the_token(examples_store_url: str) -> None:
    from types import SimpleNamespace

    app = bare_app(examples_store_url)
    app.state.settings = SimpleNamespace(protect_reads=True, token="s3cret")
    with TestClient(app) as client:
        html = assert_page(client.get("/"), 401)
        assert 'name="token"' in html and '<label for="token">' in html
        assert client.get("/web/actors/NATO").status_code == 401
        assert client.get("/", params={"token": "wrong"}).status_code == 401
        r = client.get("/", params={"token": "s3cret"})
        assert r.status_code == 200 and "readouts_token" in r.headers.get("set-cookie", "")
        assert client.get("/web/actors/NATO").status_code == 200  # the cookie now carries it
        client.cookies.clear()
        assert client.get("/web/actors/NATO", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert client.get("/static/site.css").status_code == 200  # static files are not data
    app.state.store.close()


def test_create_app_serves_the_pages(examples_store_url: str) -> None:
    from readouts.api import Settings, create_app

    app = create_app(examples_store_url, settings=Settings())
    with TestClient(app) as client:
        html = assert_page(client.get("/"))
        assert 'data-count="documents"><span class="n">4<' in html
        doc = doc_ids(client)[0]
        assert_page(client.get(f"/web/documents/{doc}"))
        assert_page(client.get("/web/dyads/CHN/NATO"))
        assert_page(client.get("/web/actors/Wang Yi"))
        assert_page(client.get("/web/search", params={"q": "dialogue"}))
        assert client.get("/static/vendor/plotly.min.js").status_code == 200
        assert client.get("/stats").status_code == 200  # the API beside them


def test_create_app_protected_reads_cover_the_pages(examples_store_url: str) -> None:
    from readouts.api import Settings, create_app

    app = create_app(examples_store_url, settings=Settings(token="s3cret", protect_reads=True))
    with TestClient(app) as client:
        assert_page(client.get("/web/actors/NATO"), 401)
        assert_page(client.get("/web/actors/NATO", params={"token": "s3cret"}))
        assert_page(client.get("/web/search", params={"q": "dialogue"}))  # by the cookie


# --- readouts of one engagement: the pairs page, the compare page, the links to them ---------------------
# over our own texts of tests/test_store_pairs.py: three readouts of one Portugal–France call (two
# ministries and a news agency) and an unrelated Japan–Australia meeting

@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def paired_client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from conftest import _fresh_store_url
    from test_store_pairs import FR, LUSA, OTHER, PT, items

    with _fresh_store_url(request.param, tmp_path_factory.mktemp("web-paired")) as url:
        with open_store(url) as store:
            assert store.ingest_items(items(PT, FR, LUSA, OTHER)).added == 4
        app = bare_app(url)
        with TestClient(app) as client:
            yield client
        app.state.store.close()


def _column(html: str, side: str) -> str:
    m = re.search(rf'<div class="doc-text cmp-text" id="text-{side}" data-side="{side}">(.*?)</div>\n', html, re.S)
    assert m is not None
    return m.group(1)


def test_pairs_page_lists_the_groups_with_compare_links(paired_client: TestClient) -> None:
    from test_store_pairs import FR, ID, LUSA, OTHER, PT

    html = assert_page(paired_client.get("/web/pairs"))
    assert html.count('<tr class="group">') == 1
    for t in (PT, FR, LUSA):
        assert f'href="/web/documents/{ID[t]}"' in html
    assert ID[OTHER] not in html
    store = paired_client.app.state.store  # type: ignore[attr-defined]
    for p in store.pairs()[0]["pairs"]:
        assert f'href="/web/compare/{p["a"]}/{p["b"]}"' in html
    assert "2024-03-03" in html and "phone call" in html and "Portugal MFA" in html
    empty = assert_page(paired_client.get("/web/pairs", params={"side": "JPN"}))
    assert 'id="no-pairs"' in empty and "with JPN" in empty
    assert 'href="/web/pairs"' in html  # the site's navigation


def test_home_links_to_the_pairs(paired_client: TestClient, examples_client: TestClient) -> None:
    html = assert_page(paired_client.get("/"))
    assert re.search(r'id="pairs-link"><a href="/web/pairs">', html) and "1 group of stored readouts" in html
    assert 'href="/web/pairs"' in assert_page(examples_client.get("/"))


def test_document_page_lists_the_other_readouts_of_its_engagement(paired_client: TestClient) -> None:
    from test_store_pairs import FR, ID, LUSA, OTHER, PT

    html = assert_page(paired_client.get(f"/web/documents/{ID[PT]}"))
    assert "Other readouts of this engagement" in html
    for t in (FR, LUSA):
        assert f'href="/web/compare/{ID[PT]}/{ID[t]}"' in html and f'href="/web/documents/{ID[t]}"' in html
    assert "France MFA" in html
    lone = assert_page(paired_client.get(f"/web/documents/{ID[OTHER]}"))
    assert "Other readouts of this engagement" not in lone and "/web/compare/" not in lone


def test_compare_page_joins_the_matched_items_and_marks_the_rest(paired_client: TestClient) -> None:
    from test_store_pairs import FR, ID, PT

    store = paired_client.app.state.store  # type: ignore[attr-defined]
    c = store.compare(ID[PT], ID[FR]).to_dict()
    html = assert_page(paired_client.get(f"/web/compare/{ID[PT]}/{ID[FR]}"))
    assert_inert(html)
    assert '<script src="/static/compare.js" defer></script>' in html
    assert not re.search(r"<style|\sstyle=", html)
    assert 'id="verdict"' in html and "The same engagement" in html
    for r in c["reasons"]:
        assert str(escape(r)) in html
    a, b = _column(html, "a"), _column(html, "b")
    for col, doc in ((a, ID[PT]), (b, ID[FR])):  # each column: the whole text, every shown item at its span
        rec = store.get_record(doc)
        p = _Pieces()
        p.feed(col)
        assert not p.stack and "".join(p.text) == rec.document.text
        shown = {it.key: it for it in items_of(rec) if it.kind in ("statement", "agreement", "topic", "participant")}
        assert set(p.pieces) == set(shown)
        for key, it in shown.items():
            assert "".join(t for _, t in p.pieces[key]) == rec.document.text[it.start:it.end], key
    n = len(c["matched"])
    assert n >= 1
    numbers_a = {x for v in re.findall(r'data-match="([^"]+)"', a) for x in v.split()}
    numbers_b = {x for v in re.findall(r'data-match="([^"]+)"', b) for x in v.split()}
    assert numbers_a == numbers_b == {str(i) for i in range(1, n + 1)}  # each match on both sides
    for i, m in enumerate(c["matched"], 1):
        for side, col in (("a", a), ("b", b)):
            key = m[side]
            want = (f"agreement:{key.split('.ag')[0]}.a{key.split('.ag')[1]}" if ".ag" in key else f"statement:{key}")
            assert re.search(rf'data-item="{re.escape(want)}"[^>]*data-match="[^"]*\b{i}\b', col), (side, key)
    for key in c["only_b"]:
        want = f"statement:{key}" if ".ag" not in key else f"agreement:{key.replace('.ag', '.a')}"
        assert re.search(rf'class="hl hl-\w+ only" data-item="{re.escape(want)}"', b), key
    for key in c["only_a"]:
        want = f"statement:{key}" if ".ag" not in key else f"agreement:{key.replace('.ag', '.a')}"
        assert re.search(rf'class="hl hl-\w+ only" data-item="{re.escape(want)}"', a), key
    diffs = re.findall(r'<li class="difference" data-kind="(\w+)">', html)
    assert diffs == [d["kind"] for d in c["differences"]] and diffs
    for d in c["differences"]:
        assert str(escape(d["detail"])) in html
    for t in c["topics_only_b"]:
        assert str(escape(t)) in html
    assert html.count('<tr data-match="') == n
    assert len(set(re.findall(r'id="([^"]+)"', html))) == len(re.findall(r'id="([^"]+)"', html))  # ids unique


def test_compare_page_of_two_engagements_and_unknown_ids(paired_client: TestClient) -> None:
    from test_store_pairs import ID, OTHER, PT

    html = assert_page(paired_client.get(f"/web/compare/{ID[PT]}/{ID[OTHER]}"))
    assert "Not the same engagement" in html
    missing = "0" * 64
    h = assert_page(paired_client.get(f"/web/compare/{missing}/{ID[PT]}"), 404)
    assert missing in h and "Document not found" in h
    assert_page(paired_client.get(f"/web/compare/{ID[PT]}/{missing}"), 404)


def test_compare_page_keeps_the_xss_readout_text(own_client: TestClient) -> None:
    from readouts.model import document_id

    other = document_id(OWN_TEXTS[0])
    html = assert_page(own_client.get(f"/web/compare/{xss_id()}/{other}"))
    assert_inert(html)
    assert "&lt;script&gt;window.__xss=1;alert(1)&lt;/script&gt;" in html
    assert "&lt;script&gt;window.__xss=4&lt;/script&gt; readout" in html
    tips = re.findall(r'data-tip="([^"]*)"', html)
    assert tips and all("<" not in t and ">" not in t for t in tips)
