"""The web pages in headless Chromium (Debian's /usr/bin/chromium driven by Playwright, no downloaded
browser): pages load without console errors (a CSP violation is one), the highlights in the page match the
record's spans, hovering an item shows its fields, the dyad chart renders and its bars and the links lead on,
and the XSS readout stays inert. A screenshot of each page goes to $READOUTS_SCREENSHOTS (default: a pytest
temporary folder); `READOUTS_SCREENSHOTS=docs/screenshots pytest tests/test_browser.py` refreshes the docs.

Skipped when Chromium or Playwright is missing, except under CI (env CI set), where that fails.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from readouts.model import document_id
from readouts.web.highlight import items_of

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
EXAMPLES = Path(__file__).resolve().parent.parent / "readouts" / "examples"


def _need(ok: bool, why: str) -> None:
    if not ok:
        if os.environ.get("CI"):
            pytest.fail(f"{why} (required under CI)")
        pytest.skip(why, allow_module_level=True)


_need(Path(CHROMIUM).exists(), f"{CHROMIUM} is not installed")
try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # pragma: no cover - playwright is a test dependency
    _need(False, "playwright is not installed")

from test_store_pairs import FR, ID, LUSA, OTHER, PT, items  # noqa: E402
from test_web import OWN_ITEMS, XSS_TEXT, bare_app  # noqa: E402  (after the skip: imports the test client)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any]]:
    """The pages served by uvicorn in a thread over a SQLite store: the examples plus the tests' own texts."""
    from readouts.store import open_store

    url = str(tmp_path_factory.mktemp("browser-store") / "readouts.db")
    with open_store(url) as store:
        assert store.ingest_paths([EXAMPLES]).added == 4
        assert store.ingest_items(OWN_ITEMS).added == len(OWN_ITEMS)
    with _serving(url) as served:
        yield served


@contextlib.contextmanager
def _serving(url: str) -> Iterator[tuple[str, Any]]:
    """The pages over the store at ``url``, served by uvicorn in a thread: (base URL, the open store)."""
    import uvicorn

    app = bare_app(url)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", app.state.store
    finally:
        srv.should_exit = True
        thread.join(10)
        app.state.store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("READOUTS_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Watched:
    """A page with its console errors, page errors and dialogs recorded."""

    def __init__(self, page: Page):
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))

        def dialog(d: Any) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)

    def open(self, url: str) -> Page:
        r = self.page.goto(url)
        assert r is not None and r.status == 200, url
        self.page.wait_for_load_state("load")
        return self.page

    def clean(self) -> None:
        assert self.errors == [] and self.dialogs == []


@pytest.fixture
def w(browser: Browser) -> Iterator[Watched]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    watched = Watched(ctx.new_page())
    yield watched
    ctx.close()


def _examples_ids() -> list[str]:
    return [document_id(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.txt"))]


def test_home_links_to_a_document_and_through_a_dyad(server: tuple[str, Any], w: Watched, shots: Path) -> None:
    base, _ = server
    page = w.open(base + "/")
    assert page.locator('[data-count="documents"] .n').inner_text() == "8"
    page.screenshot(path=str(shots / "home.png"), full_page=True)
    doc = _examples_ids()[0]
    page.locator(f'#recent a[href="/web/documents/{doc}"]').first.click()
    page.wait_for_url(f"**/web/documents/{doc}")
    assert page.locator("#doc-text").inner_text().startswith("On September 27, 2021")
    page.go_back()
    page.locator('#recent a.dyad[href="/web/dyads/CHN/NATO"]').first.click()
    page.wait_for_url("**/web/dyads/CHN/NATO")
    page.wait_for_selector('#chart[data-rendered="1"]')
    page.locator(f'#engagements a[href="/web/documents/{doc}"]').click()
    page.wait_for_url(f"**/web/documents/{doc}")
    page.wait_for_selector("#doc-text")
    w.clean()


def test_highlights_match_the_spans_of_every_item(server: tuple[str, Any], w: Watched) -> None:
    base, store = server
    for doc in [*_examples_ids(), *(document_id(t) for t, _ in OWN_ITEMS)]:
        rec = store.get_record(doc)
        page = w.open(f"{base}/web/documents/{doc}")
        items = [{"key": it.key, "start": it.start, "end": it.end} for it in items_of(rec)]
        got = page.evaluate("""(items) => {
            const root = document.getElementById("doc-text");
            const out = {whole: root.textContent, items: {}};
            for (const it of items) {
                const pieces = root.querySelectorAll('[data-item="' + CSS.escape(it.key) + '"]');
                out.items[it.key] = {
                    text: Array.from(pieces, (n) => n.textContent).join(""),
                    spans: Array.from(new Set(Array.from(pieces, (n) => n.dataset.span))),
                    nested: Array.from(pieces).every((n) => !n.parentElement.closest('[data-item="' + CSS.escape(it.key) + '"]')),
                };
            }
            return out;
        }""", items)
        text = rec.document.text
        assert got["whole"] == text
        for it in items:
            g = got["items"][it["key"]]
            assert g["text"] == text[it["start"]:it["end"]], it["key"]
            assert g["spans"] == [f'{it["start"]},{it["end"]}'] and g["nested"]
    w.clean()


def test_hover_and_focus_show_the_fields(server: tuple[str, Any], w: Watched, shots: Path) -> None:
    base, store = server
    doc = _examples_ids()[0]
    page = w.open(f"{base}/web/documents/{doc}")
    tip = page.locator("#tip")
    assert tip.is_hidden()
    page.locator('[data-item="statement:s1"]').first.hover()
    tip.wait_for(state="visible")
    text = tip.text_content()
    for want in ("statement s1", "speaker", "Wang Yi", "affiliation", "CHN", "stance", "cue", "said"):
        assert want in text
    page.locator('[data-item="participant:e1.p2"]').first.hover()
    text = tip.text_content()
    for want in ("participant e1.p2", "Jens Stoltenberg", "title", "NATO Secretary General", "side", "role"):
        assert want in text
    assert "engagement e1" in text  # the engagement span around the participant is shown too
    page.locator('[data-item="topic:e1.t1"]').first.hover()
    assert "Afghanistan" in tip.text_content() and "agreement e1.a1" in tip.text_content()
    assert "parties" in tip.text_content() and "CHN / NATO" in tip.text_content()
    page.locator('[data-item="event:v1"]').first.hover()
    text = tip.text_content()
    for want in ("CAMEO", "040", "Goldstein", "+1.0", "source → target", "CHN → NATO"):
        assert want in text
    page.locator('[data-item="statement:s4"]').first.hover()
    page.screenshot(path=str(shots / "document.png"), full_page=True)
    # keyboard: a highlighted passage takes focus and its fields show in the side panel
    page.locator("#item-statement-s2").focus()
    assert "China has never posed" not in page.locator("#panel").text_content()
    assert "statement s2" in page.locator("#panel").text_content()
    # a list entry jumps to its span
    page.locator('a[data-goto="statement:s3"]').click()
    assert page.evaluate("document.activeElement.id") == "item-statement-s3"
    assert "statement s3" in page.locator("#panel").text_content()
    w.clean()


def test_dyad_chart_renders_and_a_bar_filters_the_month(server: tuple[str, Any], w: Watched, shots: Path) -> None:
    base, _ = server
    page = w.open(base + "/web/dyads/CHN/NATO")
    page.wait_for_selector('#chart[data-rendered="1"]')
    assert page.locator("#chart .main-svg").count() >= 1
    bars = page.locator("#chart .barlayer .point path")
    assert bars.count() >= 4  # 2021-09, 2022-01 (two modalities), 2022-06, 2024-03
    assert page.locator("#chart .scatterlayer .trace").count() == 1
    page.screenshot(path=str(shots / "dyad.png"), full_page=True)
    box = bars.first.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**/web/dyads/CHN/NATO?month=2021-09#engagements")
    assert "Engagements in 2021-09" in page.locator("#engagements h2").inner_text()
    assert page.locator("#engagements tbody tr").count() == 1
    w.clean()
    empty = w.open(base + "/web/dyads/NATO/PHL")
    assert empty.locator("#no-engagements").is_visible()
    w.clean()


def test_actor_and_search_pages(server: tuple[str, Any], w: Watched, shots: Path) -> None:
    base, _ = server
    page = w.open(base + "/web/actors/Wang%20Yi")
    assert page.locator("h1").inner_text() == "Wang Yi"
    assert page.locator('a[href="/web/dyads/CHN/NATO"]').count() >= 1
    page.screenshot(path=str(shots / "actor.png"), full_page=True)
    page = w.open(base + "/")
    page.fill("#home-q", "dialogue")
    page.click("form[role=search].card button")
    page.wait_for_url("**/web/search?q=dialogue*")
    assert page.locator("ol.hits mark").count() >= 3
    page.screenshot(path=str(shots / "search.png"), full_page=True)
    page.locator("ol.hits a.snippet").first.click()
    page.wait_for_url("**/web/documents/**#item-statement-*")
    assert page.locator("#panel .tip-statement").count() == 1  # the statement searched for is shown
    w.clean()


def test_the_xss_readout_stays_inert(server: tuple[str, Any], w: Watched) -> None:
    base, _ = server
    pages = [f"/web/documents/{document_id(XSS_TEXT)}", "/", "/web/dyads/CHN/NATO", "/web/actors/Wang%20Yi",
             "/web/search?q=dialogue", "/web/search?q=%3Cscript%3Ealert(1)%3C/script%3E"]
    for url in pages:
        page = w.open(base + url)
        page.wait_for_timeout(300)
        assert page.evaluate("window.__xss") is None, url
        assert page.locator("main img, main svg:not(#chart svg)").count() == 0, url
    page = w.open(f"{base}/web/documents/{document_id(XSS_TEXT)}")
    body = page.locator("#doc-text").inner_text()
    assert "<script>window.__xss=1;alert(1)</script>" in body
    assert '<img src=x onerror="window.__xss=2">' in body
    assert page.locator("h1").inner_text() == "<script>window.__xss=4</script> readout"
    page.locator('[data-item="statement:s1"]').first.hover()
    assert '<img src=x onerror="window.__xss=2">' not in page.locator("#tip").text_content()
    page.locator('[data-item="statement:s1"]').first.click()
    assert page.evaluate("window.__xss") is None
    w.clean()


# --- readouts of one engagement: pairs and the side-by-side view -----------------------------------------

@pytest.fixture(scope="module")
def pair_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any]]:
    """The pages over a store of three readouts of one call and an unrelated meeting (our own texts)."""
    from readouts.store import open_store

    url = str(tmp_path_factory.mktemp("browser-pairs") / "readouts.db")
    with open_store(url) as store:
        assert store.ingest_items(items(PT, FR, LUSA, OTHER)).added == 4
    with _serving(url) as served:
        yield served


def test_compare_page_joins_partners_and_marks_what_one_side_alone_reports(pair_server: tuple[str, Any],
                                                                            w: Watched, shots: Path) -> None:
    base, store = pair_server
    c = store.compare(ID[PT], ID[FR]).to_dict()
    page = w.open(f"{base}/web/compare/{ID[PT]}/{ID[FR]}")
    assert page.locator("#verdict").inner_text().startswith("The same engagement")
    # the differences, listed above the texts
    diffs = page.locator("#differences li.difference")
    assert diffs.count() == len(c["differences"]) >= 1
    assert [diffs.nth(i).get_attribute("data-kind") for i in range(diffs.count())] == [d["kind"] for d in c["differences"]]
    # every match is on both sides, with the same number and the same colour
    for n in range(1, len(c["matched"]) + 1):
        got = page.evaluate("""(n) => ["a", "b"].map((s) => {
            const el = document.querySelector('#text-' + s + ' [data-match~="' + n + '"]');
            return el ? getComputedStyle(el).backgroundColor : null; })""", str(n))
        assert got[0] is not None and got[0] == got[1], (n, got)
    # hovering an item of A marks its partner in B (and only it), and the other way round
    first = page.locator('#text-a [data-match~="1"]').first
    first.hover()
    partners = page.locator("#text-b .partner")
    assert partners.count() >= 1
    assert all("1" in (partners.nth(i).get_attribute("data-match") or "").split() for i in range(partners.count()))
    assert page.locator("#text-a .active").count() >= 1 and page.locator("#text-a .partner").count() == 0
    assert page.locator('table.matched tr[data-match="1"].partner').count() == 1
    page.mouse.move(5, 5)
    assert page.locator(".partner").count() == 0
    page.locator('#text-b [data-match~="1"]').first.hover()
    assert page.locator('#text-a .partner[data-match~="1"]').count() >= 1
    # clicking shows both sides of the match in the panel
    page.locator('#text-b [data-match~="1"]').first.click(position={"x": 3, "y": 5})  # its start, not a nested item
    panel = page.locator("#cmp-panel").text_content() or ""
    assert "#1 reported by both" in panel and "A statement" in panel and "B statement" in panel
    # what only one side reports is marked, visibly differently from the matches
    only = page.locator("#text-b .hl.only, #text-a .hl.only")
    assert only.count() == len(c["only_a"]) + len(c["only_b"]) >= 1
    look = page.evaluate("""() => getComputedStyle(document.querySelector('.hl.only')).backgroundImage""")
    assert "repeating-linear-gradient" in look
    assert page.locator(".only-list .only-entry").count() == len(c["only_a"]) + len(c["only_b"])
    page.locator('#text-a [data-match~="1"]').first.hover()
    page.screenshot(path=str(shots / "compare.png"), full_page=True)
    w.clean()


def test_pairs_page_and_document_page_lead_to_the_comparison(pair_server: tuple[str, Any], w: Watched) -> None:
    base, _ = pair_server
    page = w.open(base + "/")
    page.locator('#pairs-link a[href="/web/pairs"]').click()
    page.wait_for_url("**/web/pairs")
    assert page.locator("#pairs tr.group").count() == 1
    page.locator("#pairs a.compare").first.click()
    page.wait_for_url("**/web/compare/**")
    page.wait_for_selector("#text-a")
    assert page.locator("#verdict").inner_text().startswith("The same engagement")
    page = w.open(f"{base}/web/documents/{ID[FR]}")
    assert page.locator("#others li").count() == 2
    page.locator(f'#others a.compare[href="/web/compare/{ID[FR]}/{ID[PT]}"]').click()
    page.wait_for_url(f"**/web/compare/{ID[FR]}/{ID[PT]}")
    assert page.locator("#text-a").inner_text().startswith("On March 3, 2024, Minister for Europe")
    w.clean()
