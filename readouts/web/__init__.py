"""The web pages of ``readouts serve``: a home page, a document page with every item highlighted at its
span, a dyad timeline, an actor page, statement search, the groups of readouts that report one engagement
and a side-by-side comparison of two readouts, over the store in ``app.state.store``.

``mount(app)`` adds them to a FastAPI app (the REST API's, or a bare one in tests). The pages are rendered on
the server with Jinja2 (autoescape on: every string from a document is escaped), styled and scripted only by
files under ``static/`` (the Content-Security-Policy sent with every page forbids inline script and style),
and the chart uses plotly.js straight from the installed ``plotly`` package. When
``app.state.settings.protect_reads`` is true the pages need the API token, given once as ``?token=`` (it is
then kept in an HttpOnly cookie), as that cookie, or as ``Authorization: Bearer``.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hmac
import json
import math
import re
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from .highlight import KINDS, cameo_name, highlight, items_of, speaker_classes

__all__ = ["CSP", "mount"]

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin"}
COOKIE = "readouts_token"
PAGE = 25
STATIC = Path(__file__).resolve().parent / "static"


def _plotly_js() -> Path:
    """plotly.js as the installed plotly Python package ships it (package_data/plotly.min.js)."""
    return Path(str(resources.files("plotly").joinpath("package_data", "plotly.min.js")))


@functools.lru_cache(maxsize=1)
def _plotly_guard_ids() -> tuple[str, ...]:
    """Ids plotly.js checks before injecting a bundled stylesheet (MapLibre's CSS, for map traces this site
    does not draw); an element with such an id on the page makes plotly.js skip the inline ``<style>`` that
    the Content-Security-Policy would refuse. Read from the installed file, so they follow its version."""
    try:
        js = _plotly_js().read_text(encoding="utf-8")
    except OSError:
        return ()
    return tuple(dict.fromkeys(re.findall(r'getElementById\("([0-9a-f]{32,64})"\)\)\{var \w+=document\.createElement\("style"\)', js)))


def _seg(value: Any) -> str:
    """A value quoted as one URL path segment."""
    return quote(str(value), safe="")


def _json_script(data: Any) -> Markup:
    """JSON safe inside ``<script type="application/json">``: ``<``, ``>`` and ``&`` are escaped."""
    s = json.dumps(data, ensure_ascii=False, allow_nan=False)
    s = s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return Markup(s.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _snippet(text: str) -> Markup:
    """A search snippet with its « » hit markers as ``<mark>``: escaped first, then marked."""
    return Markup(str(escape(text)).replace("«", "<mark>").replace("»", "</mark>"))


def _short(source: str | None) -> str:
    """A file source by its name (the folder it was ingested from says little); URLs and ids as they are."""
    if not source or "://" in source:
        return source or ""
    return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or source


def _num(v: Any, fmt: str = "{:+.1f}") -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    return fmt.format(v)


def _label(v: Any) -> str:
    return str(v).replace("_", " ") if v else ""


def _env() -> Environment:
    env = Environment(loader=PackageLoader("readouts.web", "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(seg=_seg, short=_short, json_script=_json_script, snippet=_snippet, num=_num, label=_label)
    env.globals.update(kinds=KINDS, cameo_name=cameo_name)
    return env


ENV = _env()


def _page(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = ENV.get_template(template).render(**context)
    return HTMLResponse(html, status_code=status, headers=HEADERS)


def _not_found(what: str, detail: str) -> HTMLResponse:
    return _page("error.html", status=404, title="Not found", heading=f"{what} not found", detail=detail)


def _bad(detail: str) -> HTMLResponse:
    return _page("error.html", status=400, title="Bad request", heading="Bad request", detail=detail)


def _store(request: Request) -> Any:
    return request.app.state.store


def _gate(request: Request) -> Response | None:
    """None when the request may read; else the page asking for the token (401)."""
    settings = getattr(request.app.state, "settings", None)
    if not getattr(settings, "protect_reads", False):
        return None
    token = getattr(settings, "token", None) or ""
    auth = request.headers.get("authorization", "")
    given = [request.query_params.get("token"), request.cookies.get(COOKIE),
             auth[7:] if auth.lower().startswith("bearer ") else None]
    if token and any(g and hmac.compare_digest(g.encode(), token.encode()) for g in given):
        return None
    return _page("token.html", status=401, title="Token required", action=request.url.path,
                 params=[(k, v) for k, v in request.query_params.multi_items() if k != "token"],
                 wrong=bool(request.query_params.get("token")))


def _remember(request: Request, resp: Response) -> Response:
    """Keep a token given as ``?token=`` in a cookie so links inside the site work without it."""
    t = request.query_params.get("token")
    if t and getattr(getattr(request.app.state, "settings", None), "protect_reads", False):
        resp.set_cookie(COOKIE, t, httponly=True, samesite="strict", path="/")
    return resp


def _pairs(sides: list[str]) -> list[tuple[str, str]]:
    return [(a, b) for i, a in enumerate(sides) for b in sides[i + 1:]]


def _iso(v: str | None) -> str | None:
    if not v:
        return None
    try:
        return _dt.date.fromisoformat(v).isoformat()
    except ValueError:
        raise ValueError(f"{v!r} is not a date (YYYY-MM-DD)") from None


def mount(app: FastAPI) -> None:
    """Add the web pages and their static files to ``app`` (its store is ``app.state.store``)."""

    @app.api_route("/static/vendor/plotly.min.js", methods=["GET", "HEAD"], include_in_schema=False)
    def plotly_js() -> Response:
        return FileResponse(_plotly_js(), media_type="text/javascript",
                            headers={"Cache-Control": "public, max-age=86400", **HEADERS})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False, response_class=HTMLResponse)
    def home(request: Request) -> Response:
        if (gate := _gate(request)) is not None:
            return gate
        store = _store(request)
        recent = store.recent_engagements(15)
        sides = sorted({s for e in store.recent_engagements(200) for s in e["sides"]})
        return _remember(request, _page("home.html", title="Home", counts=store.counts(), recent=recent,
                                        sides=sides, pairs=_pairs, groups=len(store.pairs())))

    @app.get("/web", include_in_schema=False)
    def web_root() -> Response:
        return RedirectResponse("/", status_code=307)

    @app.get("/web/dyad", include_in_schema=False)
    def dyad_picker(request: Request, a: str = "", b: str = "") -> Response:
        if (gate := _gate(request)) is not None:
            return gate
        a, b = a.strip(), b.strip()
        if not a or not b:
            return _bad("Give both sides of the dyad, e.g. CHN and NATO.")
        return RedirectResponse(f"/web/dyads/{_seg(a)}/{_seg(b)}", status_code=303)

    @app.get("/web/documents/{doc_id}", include_in_schema=False, response_class=HTMLResponse)
    def document(request: Request, doc_id: str) -> Response:
        if (gate := _gate(request)) is not None:
            return gate
        store = _store(request)
        rec = store.get_record(doc_id)
        if rec is None:
            return _not_found("Document", f"No document with id {doc_id!r} is stored.")
        row = store.get_document(doc_id) or {}
        items = items_of(rec)
        by_key = {it.key: it for it in items}
        speakers = speaker_classes(rec)
        doc = rec.document
        title = doc.title or _short(doc.source) or f"document {doc.id[:12]}"
        return _remember(request, _page(
            "document.html", title=title, rec=rec, doc=doc, row=row, text=highlight(doc.text, items),
            items=by_key, speakers=speakers, pairs=_pairs, others=store.pairs_of(doc_id),
            sides={e.id: sorted({p.affiliation for p in e.participants if p.affiliation}) for e in rec.engagements}))

    @app.get("/web/dyads/{a}/{b}", include_in_schema=False, response_class=HTMLResponse)
    def dyad(request: Request, a: str, b: str, month: str = "") -> Response:
        if (gate := _gate(request)) is not None:
            return gate
        try:
            d = _store(request).dyad(a, b)
        except (ValueError, LookupError) as exc:
            return _bad(str(exc))
        engagements = d["engagements"]
        shown = [e for e in engagements if (e.get("date") or "").startswith(month)] if month else engagements
        chart = {"a": d["a"], "b": d["b"], "months": d["months"]}
        return _remember(request, _page("dyad.html", title=f"{d['a']} – {d['b']}", d=d, chart=chart,
                                        shown=list(reversed(shown)), month=month, pairs=_pairs,
                                        plotly_guards=_plotly_guard_ids()))

    @app.get("/web/actors/{name:path}", include_in_schema=False, response_class=HTMLResponse)
    def actor(request: Request, name: str) -> Response:
        if (gate := _gate(request)) is not None:
            return gate
        act = _store(request).actor(name)
        if act is None:
            return _not_found("Actor", f"Nothing is stored about {name!r}.")
        return _remember(request, _page("actor.html", title=act["name"], act=act, pairs=_pairs))

    @app.get("/web/search", include_in_schema=False, response_class=HTMLResponse)
    def search(request: Request, q: str = "", speaker: str = "", since: str = "", until: str = "",
               offset: int = 0) -> Response:
        if (gate := _gate(request)) is not None:
            return gate
        store = _store(request)
        form = {"q": q, "speaker": speaker, "since": since, "until": until}
        filters: dict[str, Any] = {}
        try:
            if speaker.strip():
                filters["speaker"] = speaker.strip()
            if (s := _iso(since.strip())) is not None:
                filters["since"] = s
            if (u := _iso(until.strip())) is not None:
                filters["until"] = u
        except ValueError as exc:
            return _page("search.html", status=400, title="Search", form=form, page=None, error=str(exc))
        offset = max(0, offset)
        page = None
        if q.strip():
            page = store.search(q.strip(), limit=PAGE, offset=offset, **filters)
        elif filters:
            page = store.statements(limit=PAGE, offset=offset, **filters)
        nav = {}
        if page is not None:
            base = {k: v for k, v in form.items() if v}
            if offset > 0:
                nav["prev"] = "/web/search?" + urlencode({**base, "offset": max(0, offset - PAGE)})
            if offset + PAGE < page["total"]:
                nav["next"] = "/web/search?" + urlencode({**base, "offset": offset + PAGE})
        title = f"Search: {q}" if q.strip() else "Search"
        return _remember(request, _page("search.html", title=title, form=form, page=page, nav=nav, error=None))

    @app.get("/web/pairs", include_in_schema=False, response_class=HTMLResponse)
    def pairs(request: Request, side: str = "") -> Response:
        if (gate := _gate(request)) is not None:
            return gate
        groups = _store(request).pairs(**({"side": side.strip()} if side.strip() else {}))
        return _remember(request, _page("pairs.html", title="Readouts of one engagement", groups=groups,
                                        side=side.strip()))

    @app.get("/web/compare/{a}/{b}", include_in_schema=False, response_class=HTMLResponse)
    def compare(request: Request, a: str, b: str) -> Response:
        if (gate := _gate(request)) is not None:
            return gate
        store = _store(request)
        rec_a, rec_b = store.get_record(a), store.get_record(b)
        for doc_id, rec in ((a, rec_a), (b, rec_b)):
            if rec is None:
                return _not_found("Document", f"No document with id {doc_id!r} is stored.")
        from ..compare import compare as compare_records
        from .compare_view import view

        c = compare_records(rec_a, rec_b).to_dict()
        v = view(rec_a, rec_b, c)
        titles = [rec.document.title or _short(rec.document.source) or f"document {rec.document.id[:12]}"
                  for rec in (rec_a, rec_b)]
        return _remember(request, _page("compare.html", title=f"{titles[0]} ↔ {titles[1]}", c=c, v=v,
                                        titles=titles))
