"""The REST API (readouts.api): every route against SQLite and PostgreSQL, the one error shape for every
kind of error, the token on writes (and on reads when protected), the body-size limit both ways, the
OpenAPI description, and one live server.

Read routes run over the store of the example readouts (``examples_store_url``) and must answer exactly
what the store answers; writes run on a fresh store each (``store_url``).
"""

from __future__ import annotations

import asyncio
import importlib.machinery
import inspect
import os
import socket
import subprocess
import sys
import time
import types
import warnings
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import readouts
from readouts.api import ServeError, Settings, create_app, serve
from readouts.api import routes as api_routes
from readouts.api.limits import BodyLimit
from readouts.store import Store, open_store

with warnings.catch_warnings():
    # Starlette's test client asks for the httpx2 package and warns when it finds only httpx
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

TOKEN = "s3cret-token-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

READOUT = ("On March 3, 2024, Foreign Minister Ana Lima of Portugal spoke by phone with President Emmanuel Macron "
           "of France at the request of the French side. Lima said that Portugal supports closer cooperation "
           "with France on climate change. The two sides agreed to keep in close contact.")


def assert_error(r: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """The one error shape, exactly: {"error": {"status", "code", "message"}}."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}, body
    assert body["error"]["status"] == status and body["error"]["code"] == code, body
    message = body["error"]["message"]
    assert isinstance(message, str) and message.strip()
    assert "Traceback" not in message and 'File "' not in message
    return dict(body["error"])


# --- fixtures ------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def store(examples_store_url: str) -> Iterator[Store]:
    """The example store, opened directly: what the API answers must equal what this answers."""
    s = open_store(examples_store_url)
    yield s
    s.close()


@pytest.fixture(scope="module")
def api(examples_store_url: str) -> Iterator[TestClient]:
    """The API over the example store, reads open, no token (so writes are off)."""
    with TestClient(create_app(examples_store_url, Settings())) as client:
        yield client


@pytest.fixture
def writer(store_url: str) -> Iterator[TestClient]:
    """The API over a fresh empty store, with a token: writes allowed."""
    with TestClient(create_app(store_url, Settings(token=TOKEN))) as client:
        yield client


def doc_id(store: Store, name: str) -> str:
    return next(d["id"] for d in store.documents(limit=None)["items"] if name in (d["source"] or ""))


def walk(client: TestClient, url: str) -> list[dict[str, Any]]:
    """Every item of a list, following ``next`` links page by page."""
    items: list[dict[str, Any]] = []
    pages = 0
    next_url: str | None = url
    while next_url:
        r = client.get(next_url)
        assert r.status_code == 200, r.text
        page = r.json()
        items += page["items"]
        next_url = page["next"]
        pages += 1
        assert pages < 100
    return items


# --- reads: every route answers what the store answers -------------------------------------------------

# (route, store method, query parameters, filters the store gets, at least this many items)
LISTS = [
    ("/documents", "documents", {}, {}, 4),
    ("/documents", "documents", {"since": "2022"}, {"since": "2022-01-01"}, 2),
    ("/documents", "documents", {"modality": "video"}, {"modality": "video"}, 1),
    ("/documents", "documents", {"actor": "Wang Yi"}, {"actor": "Wang Yi"}, 1),
    ("/documents", "documents", {"speaker": "stoltenberg"}, {"speaker": "stoltenberg"}, 2),
    ("/engagements", "engagements", {}, {}, 4),
    ("/engagements", "engagements", {"modality": "in_person"}, {"modality": "in_person"}, 2),
    ("/engagements", "engagements", {"type": "visit"}, {"type": "visit"}, 1),
    ("/engagements", "engagements", {"initiator": "NATO"}, {"initiator": "NATO"}, 1),
    ("/engagements", "engagements", {"side": "Sweden"}, {"side": "Sweden"}, 1),
    ("/engagements", "engagements", {"topic": "climate change"}, {"topic": "climate change"}, 1),
    ("/engagements", "engagements", {"since": "2022", "until": "2023-02"},
     {"since": "2022-01-01", "until": "2023-02-28"}, 2),
    ("/engagements", "engagements", {"actor": "Stoltenberg", "until": "2022-12-31"},
     {"actor": "Stoltenberg", "until": "2022-12-31"}, 1),
    ("/statements", "statements", {}, {}, 10),
    ("/statements", "statements", {"speaker": "Wang"}, {"speaker": "Wang"}, 3),
    ("/statements", "statements", {"side": "NATO"}, {"side": "NATO"}, 3),
    ("/statements", "statements", {"modality": "phone"}, {"modality": "phone"}, 2),
    ("/events", "events", {}, {}, 10),
    ("/events", "events", {"cameo": "04"}, {"cameo": "04"}, 7),
    ("/events", "events", {"source": "TUR"}, {"source": "TUR"}, 1),
    ("/events", "events", {"target": "IRQ", "since": "2023-08-01"}, {"target": "IRQ", "since": "2023-08-01"}, 1),
    ("/events", "events", {"actor": "CHN"}, {"actor": "CHN"}, 3),
]


@pytest.mark.parametrize(("route", "method", "params", "filters", "at_least"), LISTS,
                         ids=[f"{r}?{'&'.join(f'{k}={v}' for k, v in p.items())}" for r, _, p, _, _ in LISTS])
def test_lists_answer_what_the_store_answers(api: TestClient, store: Store, route: str, method: str,
                                             params: dict[str, str], filters: dict[str, str], at_least: int) -> None:
    r = api.get(route, params={**params, "limit": 500})
    assert r.status_code == 200, r.text
    page = r.json()
    want = getattr(store, method)(limit=500, offset=0, **filters)
    assert page == {**want, "next": None}
    assert page["total"] >= at_least and len(page["items"]) == page["total"]


def test_filters_select_what_they_say(api: TestClient) -> None:
    video = api.get("/engagements", params={"modality": "video"}).json()["items"]
    assert [e["sides"] for e in video] == [["CHN", "NATO"]]
    assert all(e["type"] == "visit" for e in api.get("/engagements?type=visit").json()["items"])
    assert all(s["speaker"] == "Wang Yi" for s in api.get("/statements?speaker=wang").json()["items"])
    assert all(e["cameo"].startswith("04") for e in api.get("/events?cameo=04").json()["items"])
    dated = api.get("/engagements", params={"since": "2022-05-10", "until": "2023-02-06"}).json()["items"]
    assert sorted(e["date"] for e in dated) == ["2022-05-10", "2023-02-06"]
    assert api.get("/engagements?since=2030").json() == {"items": [], "total": 0, "limit": 50, "offset": 0,
                                                         "next": None}


@pytest.mark.parametrize("route", ["/documents", "/engagements", "/statements", "/events", "/search?q=NATO"])
def test_next_links_walk_every_page(api: TestClient, route: str) -> None:
    sep = "&" if "?" in route else "?"
    everything = api.get(f"{route}{sep}limit=500").json()
    first = api.get(f"{route}{sep}limit=2").json()
    assert first["limit"] == 2 and first["offset"] == 0 and len(first["items"]) <= 2
    assert (first["next"] is None) == (everything["total"] <= 2)
    if first["next"]:
        assert "offset=2" in first["next"] and "limit=2" in first["next"]
    assert walk(api, f"{route}{sep}limit=2") == everything["items"]
    last = api.get(f"{route}{sep}limit=2&offset={max(everything['total'] - 1, 0)}").json()
    assert last["next"] is None


def test_paging_keeps_the_filters(api: TestClient, store: Store) -> None:
    first = api.get("/statements", params={"side": "NATO", "limit": 1}).json()
    assert "side=NATO" in first["next"]
    assert walk(api, "/statements?side=NATO&limit=1") == store.statements(limit=None, side="NATO")["items"]


def test_record_by_id_is_the_stored_record(api: TestClient, store: Store) -> None:
    ids = [d["id"] for d in store.documents(limit=None)["items"]]
    assert len(ids) == 4
    for i in ids:
        r = api.get(f"/documents/{i}")
        assert r.status_code == 200
        record = store.get_record(i)
        assert record is not None
        assert r.json() == record.to_dict()
        assert r.json()["schema"] == "readouts/1" and r.json()["document"]["id"] == i


def test_unknown_document_is_404(api: TestClient) -> None:
    err = assert_error(api.get("/documents/" + "0" * 64), 404, "not_found")
    assert "0" * 64 in err["message"]
    assert_error(api.get("/documents/not-an-id"), 404, "not_found")


def test_dyad(api: TestClient, store: Store) -> None:
    r = api.get("/dyads/China/NATO")
    assert r.status_code == 200
    dyad = r.json()
    assert dyad == store.dyad("China", "NATO")
    assert (dyad["a"], dyad["b"]) == ("CHN", "NATO")
    assert [e["date"] for e in dyad["engagements"]] == ["2021-09-27"]
    assert dyad["months"][0]["month"] == "2021-09" and dyad["months"][0]["by_modality"]["video"] == 1
    assert dyad["summary"]["engagements"] == 1 and dyad["summary"]["initiated_by"] == {"NATO": 1}
    assert api.get("/dyads/NATO/CHN").json()["engagements"] == dyad["engagements"]
    phone = api.get("/dyads/CHN/NATO?modality=phone").json()
    assert phone == store.dyad("CHN", "NATO", modality="phone") and phone["engagements"] == []
    capped = api.get("/dyads/SWE/NATO?limit=0").json()
    assert capped["engagements"] == [] and capped["summary"]["engagements"] == 1
    assert api.get("/dyads/CHN/Sweden").json()["summary"]["engagements"] == 0


def test_actor(api: TestClient, store: Store) -> None:
    r = api.get("/actors/Wang Yi")
    assert r.status_code == 200
    actor = r.json()
    assert actor == store.actor("Wang Yi")
    assert actor["kind"] == "person" and actor["sides"] == ["CHN"]
    assert actor["counterparts"] == [{"side": "NATO", "engagements": 1}]
    side = api.get("/actors/NATO").json()
    assert side == store.actor("NATO") and side["kind"] == "side" and len(side["engagements"]) == 2
    assert api.get("/actors/NATO", params={"since": "2022"}).json() == store.actor("NATO", since="2022-01-01")
    assert_error(api.get("/actors/Nobody Atall"), 404, "not_found")


def test_search(api: TestClient, store: Store) -> None:
    r = api.get("/search", params={"q": "dialogue"})
    assert r.status_code == 200
    page = r.json()
    assert page == {**store.search("dialogue"), "next": None}
    assert page["total"] >= 1 and all("«" in hit["snippet"] and "»" in hit["snippet"] for hit in page["items"])
    speaker = api.get("/search", params={"q": "NATO", "speaker": "Stoltenberg"}).json()
    assert speaker["items"] and all(h["speaker"] == "Jens Stoltenberg" for h in speaker["items"])
    assert speaker == {**store.search("NATO", speaker="Stoltenberg"), "next": None}
    assert api.get("/search", params={"q": "zzyzx"}).json()["total"] == 0
    assert_error(api.get("/search"), 422, "invalid_request")
    assert_error(api.get("/search?q="), 422, "invalid_request")


def test_stats(api: TestClient, store: Store) -> None:
    r = api.get("/stats")
    assert r.status_code == 200 and r.json() == store.counts()
    assert r.json()["documents"] == 4


# --- validation of query parameters ----------------------------------------------------------------------

BAD_QUERIES = ["/engagements?since=yesterday", "/engagements?since=2021-02-30", "/statements?until=2021-13",
               "/events?since=2021-1-1", "/documents?since=2023&until=2022-12-31", "/search?q=x&until=soon",
               "/dyads/CHN/NATO?since=never", "/actors/NATO?until=2021-02-29", "/engagements?limit=0",
               "/engagements?limit=501", "/statements?offset=-1", "/events?limit=ten", "/engagements?modality=telepathy",
               "/documents?type=party", "/events?cameo=abc", "/engagements?colour=red", "/documents?source=CHN"]


@pytest.mark.parametrize("url", BAD_QUERIES)
def test_bad_parameters_are_422(api: TestClient, url: str) -> None:
    assert_error(api.get(url), 422, "invalid_request")


def test_bad_date_message_names_the_parameter(api: TestClient) -> None:
    err = assert_error(api.get("/engagements?since=2021-02-30"), 422, "invalid_request")
    assert "since" in err["message"] and "2021-02-30" in err["message"]
    err = assert_error(api.get("/engagements?since=2023&until=2022"), 422, "invalid_request")
    assert "after" in err["message"]


# --- writes --------------------------------------------------------------------------------------------

def test_post_stores_the_extracted_record(writer: TestClient, store_url: str) -> None:
    body = {"text": READOUT, "source": "https://example.org/pt-fr", "title": "Lima–Macron call",
            "publisher": "Portuguese MFA", "published": "2024-03-04"}
    r = writer.post("/documents", json=body, headers=AUTH)
    assert r.status_code == 201, r.text
    out = r.json()
    assert out["created"] is True and out["id"] == readouts.model.document_id(READOUT)
    record = out["record"]
    assert record["schema"] == "readouts/1" and record["document"]["text"] == READOUT
    doc = record["document"]
    assert (doc["source"], doc["title"], doc["publisher"], doc["published"]) == (
        body["source"], body["title"], body["publisher"], "2024-03-04")
    eng = record["engagements"][0]
    assert eng["type"] == "phone_call" and {p["affiliation"] for p in eng["participants"]} == {"PRT", "FRA"}
    # what was stored is what was answered, and the reads see it
    assert writer.get(f"/documents/{out['id']}").json() == record
    with open_store(store_url) as direct:
        stored = direct.get_record(out["id"])
        assert stored is not None and stored.to_dict() == record
    assert writer.get("/stats").json()["documents"] == 1
    assert writer.get("/documents").json()["items"][0]["id"] == out["id"]
    assert writer.get("/engagements", params={"initiator": "France"}).json()["total"] == 1


def test_post_twice_creates_once(writer: TestClient) -> None:
    first = writer.post("/documents", json={"text": READOUT}, headers=AUTH)
    again = writer.post("/documents", json={"text": READOUT, "source": "elsewhere"}, headers=AUTH)
    assert first.status_code == 201 and first.json()["created"] is True
    assert again.status_code == 200 and again.json()["created"] is False
    assert again.json()["id"] == first.json()["id"] and again.json()["record"] == first.json()["record"]
    assert writer.get("/stats").json()["documents"] == 1


@pytest.mark.parametrize(("text", "says"), [
    ("", "empty"),
    ("   \n\t ", "empty"),
    ("Der Außenminister hat heute mit dem französischen Präsidenten telefoniert. Beide Seiten wollen die "
     "Zusammenarbeit vertiefen und den Dialog fortsetzen.", "English"),
    ("外交部长王毅同北约秘书长斯托尔滕贝格举行视频通话。", "English"),
    ("binary\x00\x00\x00data " * 20, "binary"),
])
def test_post_refused_text_is_422_and_stores_nothing(writer: TestClient, text: str, says: str) -> None:
    err = assert_error(writer.post("/documents", json={"text": text}, headers=AUTH), 422, "invalid_request")
    assert says in err["message"]
    assert writer.get("/stats").json()["documents"] == 0


@pytest.mark.parametrize("body", [{}, {"text": 42}, {"text": READOUT, "published": "last week"},
                                  {"text": READOUT, "colour": "red"}, [READOUT]])
def test_post_invalid_body_is_422(writer: TestClient, body: Any) -> None:
    assert_error(writer.post("/documents", json=body, headers=AUTH), 422, "invalid_request")
    assert writer.get("/stats").json()["documents"] == 0


def test_post_malformed_json_is_422(writer: TestClient) -> None:
    r = writer.post("/documents", content=b'{"text": "unfinished', headers={**AUTH, "Content-Type": "application/json"})
    err = assert_error(r, 422, "invalid_request")
    assert "JSON" in err["message"]


def test_post_needs_the_token(writer: TestClient) -> None:
    missing = writer.post("/documents", json={"text": READOUT})
    assert_error(missing, 401, "unauthorized")
    assert missing.headers["www-authenticate"].startswith("Bearer")
    assert_error(writer.post("/documents", json={"text": READOUT}, headers={"Authorization": "Bearer wrong"}),
                 401, "unauthorized")
    assert_error(writer.post("/documents", json={"text": READOUT}, headers={"Authorization": f"Basic {TOKEN}"}),
                 401, "unauthorized")
    assert_error(writer.post("/documents", json={"text": READOUT}, headers={"Authorization": "Bearer"}),
                 401, "unauthorized")
    assert_error(writer.post("/documents", json={"text": READOUT}, headers={"Authorization": "Bearer tökén".encode("latin-1")}),
                 401, "unauthorized")
    assert writer.get("/stats").json()["documents"] == 0


def test_writes_are_off_without_a_configured_token(store_url: str) -> None:
    with TestClient(create_app(store_url, Settings())) as client:
        for headers in ({}, AUTH):
            err = assert_error(client.post("/documents", json={"text": READOUT}, headers=headers), 403, "forbidden")
            assert err["message"] == "writes are disabled: set READOUTS_API_TOKEN"
        assert client.get("/stats").json()["documents"] == 0


def test_extraction_runs_off_the_event_loop() -> None:
    # a plain def route runs in FastAPI's threadpool: extraction is CPU-bound
    assert not inspect.iscoroutinefunction(api_routes.post_document)


# --- the body-size limit -------------------------------------------------------------------------------

@pytest.fixture
def small(store_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(store_url, Settings(token=TOKEN, max_body=2000))) as client:
        yield client


def test_413_on_declared_length(small: TestClient) -> None:
    big = {"text": READOUT * 20}
    err = assert_error(small.post("/documents", json=big, headers=AUTH), 413, "payload_too_large")
    assert "2,000" in err["message"]
    # before the token is even looked at
    assert_error(small.post("/documents", json=big), 413, "payload_too_large")
    assert small.get("/stats").json()["documents"] == 0


def test_413_on_bytes_received_without_a_length(small: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(50):
            yield b"word " * 20
        yield b'"}'

    r = small.post("/documents", content=chunks(), headers={**AUTH, "Content-Type": "application/json"})
    assert r.request.headers.get("transfer-encoding") == "chunked" and "content-length" not in r.request.headers
    assert_error(r, 413, "payload_too_large")
    assert small.get("/stats").json()["documents"] == 0


def test_a_body_under_the_limit_passes(small: TestClient) -> None:
    r = small.post("/documents", json={"text": READOUT}, headers=AUTH)
    assert r.status_code == 201


def test_body_limit_stops_reading_at_the_limit() -> None:
    """The middleware refuses as soon as the count passes the limit: the rest is never read."""
    read = 0
    chunks = [b"x" * 100] * 50

    async def receive() -> dict[str, Any]:
        nonlocal read
        read += 1
        return {"type": "http.request", "body": chunks[read - 1], "more_body": read < len(chunks)}

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def app(scope: dict[str, Any], rcv: Any, snd: Any) -> None:
        while (await rcv()).get("more_body"):
            pass
        await snd({"type": "http.response.start", "status": 200, "headers": []})
        await snd({"type": "http.response.body", "body": b"read it all"})

    scope = {"type": "http", "method": "POST", "path": "/", "headers": [(b"transfer-encoding", b"chunked")]}
    asyncio.run(BodyLimit(app, max_body=250)(scope, receive, send))
    assert read == 3  # 300 bytes > 250: stop
    assert sent[0]["status"] == 413 and b'"payload_too_large"' in sent[1]["body"]


# --- the one error shape -------------------------------------------------------------------------------

def test_every_error_has_the_one_shape(examples_store_url: str) -> None:
    settings = Settings(token=TOKEN, max_body=1000)
    with TestClient(create_app(examples_store_url, settings), raise_server_exceptions=False) as client:
        assert_error(client.get("/no/such/route"), 404, "not_found")
        assert_error(client.get("/documents/" + "f" * 64), 404, "not_found")
        assert_error(client.get("/actors/Nobody Atall"), 404, "not_found")
        not_allowed = client.delete("/stats")
        assert_error(not_allowed, 405, "method_not_allowed")
        assert "GET" in not_allowed.headers["allow"]
        assert_error(client.put("/documents", json={"text": READOUT}, headers=AUTH), 405, "method_not_allowed")
        assert_error(client.post("/documents", json={"text": READOUT}), 401, "unauthorized")
        assert_error(client.post("/documents", json={"text": READOUT * 10}, headers=AUTH), 413, "payload_too_large")
        assert_error(client.get("/engagements?since=2021-02-30"), 422, "invalid_request")
        assert_error(client.post("/documents", json={"txt": READOUT}, headers=AUTH), 422, "invalid_request")
        # an unexpected failure: a 500 that says nothing of the code behind it
        store = client.app.state.store  # type: ignore[attr-defined]

        def broken(**_: Any) -> Any:
            raise RuntimeError("secret detail from deep inside the store")

        store.counts = broken
        try:
            err = assert_error(client.get("/stats"), 500, "internal_error")
        finally:
            del store.counts
        assert "secret" not in err["message"] and "RuntimeError" not in err["message"]
    with TestClient(create_app(examples_store_url, Settings())) as client:
        assert_error(client.post("/documents", json={"text": READOUT}), 403, "forbidden")


# --- protected reads -----------------------------------------------------------------------------------

READ_ROUTES = ["/documents", "/documents/" + "0" * 64, "/engagements", "/statements", "/events", "/dyads/CHN/NATO",
               "/actors/NATO", "/search?q=NATO", "/stats", "/pairs"]


@pytest.mark.parametrize("route", READ_ROUTES)
def test_protected_reads_need_the_token(examples_store_url: str, route: str) -> None:
    with TestClient(create_app(examples_store_url, Settings(token=TOKEN, protect_reads=True))) as client:
        assert_error(client.get(route), 401, "unauthorized")
        assert_error(client.get(route, headers={"Authorization": "Bearer nope"}), 401, "unauthorized")
        r = client.get(route, headers=AUTH)
        assert r.status_code == (404 if route.startswith("/documents/") else 200)
    with TestClient(create_app(examples_store_url, Settings(token=TOKEN))) as client:
        assert client.get(route).status_code == (404 if route.startswith("/documents/") else 200)


def test_the_api_description_stays_readable_when_reads_are_protected(examples_store_url: str) -> None:
    with TestClient(create_app(examples_store_url, Settings(token=TOKEN, protect_reads=True))) as client:
        assert client.get("/openapi.json").status_code == 200
        assert client.get("/docs").status_code == 200


# --- OpenAPI -------------------------------------------------------------------------------------------

ROUTES = {("/documents", "get"), ("/documents", "post"), ("/documents/{id}", "get"), ("/engagements", "get"),
          ("/statements", "get"), ("/events", "get"), ("/dyads/{a}/{b}", "get"), ("/actors/{name}", "get"),
          ("/search", "get"), ("/stats", "get"), ("/pairs", "get"), ("/compare/{a}/{b}", "get")}


def test_openapi_lists_every_route_with_its_models(api: TestClient) -> None:
    spec = api.get("/openapi.json").json()
    listed = {(path, method) for path, ops in spec["paths"].items() for method in ops}
    assert listed == ROUTES
    schemas = spec["components"]["schemas"]
    for path, method in ROUTES:
        op = spec["paths"][path][method]
        assert op["tags"] and op["summary"] and op["description"], (path, method)
        ok = op["responses"]["201" if method == "post" else "200"]["content"]["application/json"]["schema"]
        assert "$ref" in ok, (path, method)
        assert op["responses"]["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")
    assert {"DocumentPage", "EngagementPage", "StatementPage", "EventPage", "SearchPage", "Dyad", "Actor", "Stats",
            "NewDocument", "PostedDocument", "ErrorResponse", "Record", "PairPage", "PairGroup", "Comparison"} <= set(schemas)
    assert set(schemas["EngagementRow"]["properties"]) >= {"document", "id", "sides", "participants", "mean_goldstein"}
    assert set(schemas["DocumentPage"]["properties"]) == {"items", "total", "limit", "offset", "next"}
    params = {p["name"] for p in spec["paths"]["/events"]["get"]["parameters"]}
    assert params == {"since", "until", "modality", "type", "initiator", "topic", "publisher", "speaker", "side",
                      "actor", "document", "source", "target", "cameo", "limit", "offset"}
    assert spec["components"]["securitySchemes"]["token"]["scheme"].lower() == "bearer"
    assert spec["paths"]["/documents"]["post"]["security"] == [{"token": []}]
    docs = api.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


# --- settings, app assembly, serving ---------------------------------------------------------------------

def test_settings_from_env() -> None:
    assert Settings.from_env({}) == Settings(token=None, protect_reads=False, max_body=5_000_000)
    env = {"READOUTS_API_TOKEN": " abc ", "READOUTS_PROTECT_READS": "yes", "READOUTS_MAX_BODY": "1_000"}
    assert Settings.from_env(env) == Settings(token="abc", protect_reads=True, max_body=1000)
    assert Settings.from_env({"READOUTS_PROTECT_READS": "0"}).protect_reads is False
    with pytest.raises(ValueError, match="READOUTS_PROTECT_READS"):
        Settings.from_env({"READOUTS_PROTECT_READS": "maybe"})
    with pytest.raises(ValueError, match="READOUTS_MAX_BODY"):
        Settings.from_env({"READOUTS_MAX_BODY": "5MB"})
    with pytest.raises(ValueError, match="READOUTS_API_TOKEN"):
        Settings.from_env({"READOUTS_PROTECT_READS": "1"})
    with pytest.raises(ValueError):
        Settings(max_body=0)


def test_create_app_reads_settings_from_the_environment(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READOUTS_API_TOKEN", TOKEN)
    monkeypatch.setenv("READOUTS_MAX_BODY", "1234")
    app = create_app(store_url)
    with TestClient(app):
        assert app.state.settings == Settings(token=TOKEN, max_body=1234)


def test_the_store_is_closed_only_when_the_app_opened_it(store_url: str) -> None:
    closed: list[str] = []
    app = create_app(store_url, Settings())
    close = app.state.store.close

    def counted_close() -> None:
        closed.append("opened by the app")
        close()

    app.state.store.close = counted_close
    with TestClient(app) as client:
        assert client.get("/stats").status_code == 200
    assert closed == ["opened by the app"]
    with open_store(store_url) as mine:
        app = create_app(mine, Settings())
        assert app.state.store is mine
        with TestClient(app) as client:
            assert client.get("/stats").status_code == 200
        assert mine.counts()["documents"] == 0  # still open, still usable


def test_create_app_mounts_the_web_pages(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    mounted: list[Any] = []
    web = types.ModuleType("readouts.web")
    web.__spec__ = importlib.machinery.ModuleSpec("readouts.web", None)
    web.mount = mounted.append  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "readouts.web", web)
    app = create_app(store_url, Settings())
    assert mounted == [app]
    app.state.store.close()


def test_json_routes_stay_off_the_root(api: TestClient) -> None:
    assert all(path != "/" for path in api.get("/openapi.json").json()["paths"])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_live(tmp_path: Any) -> None:
    db = tmp_path / "live.db"
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("READOUTS_")}
    code = f"from readouts.api import serve; serve({str(db)!r}, port={port}, log_level='warning')"
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/stats", timeout=2)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(proc.communicate()[1].decode()) from None
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["documents"] == 0
        assert_error(httpx.get(f"http://127.0.0.1:{port}/nowhere", timeout=5), 404, "not_found")
        assert_error(httpx.post(f"http://127.0.0.1:{port}/documents", json={"text": READOUT}, timeout=5),
                     403, "forbidden")
    finally:
        proc.terminate()
        proc.communicate(timeout=30)


def test_serve_says_when_the_port_is_taken(tmp_path: Any) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ServeError, match=f"127.0.0.1:{port}: the port is already in use"):
            serve(tmp_path / "never.db", port=port)
    assert not (tmp_path / "never.db").exists()


# --- readouts of one engagement: /pairs and /compare ------------------------------------------------------
# over a store of our own texts (tests/test_store_pairs.py): two publishers' readouts of one call, a third
# readout of it, and an unrelated meeting

@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def paired(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Store]]:
    from conftest import _fresh_store_url
    from test_store_pairs import FR, LUSA, OTHER, PT, items

    with _fresh_store_url(request.param, tmp_path_factory.mktemp("paired")) as url:
        with open_store(url) as s:
            assert s.ingest_items(items(PT, FR, LUSA, OTHER)).added == 4
        with TestClient(create_app(url, Settings())) as client:
            yield client, client.app.state.store  # type: ignore[attr-defined]


def test_pairs_answers_what_the_store_answers(paired: tuple[TestClient, Store]) -> None:
    api, store = paired
    r = api.get("/pairs")
    assert r.status_code == 200, r.text
    page = r.json()
    groups = store.pairs()
    assert page == {"items": groups, "total": len(groups), "limit": 50, "offset": 0, "next": None}
    assert len(groups) == 1 and len(groups[0]["documents"]) == 3
    g = page["items"][0]
    assert {"id", "source", "publisher", "publisher_side"} <= set(g["documents"][0])
    assert set(g["engagement"]) == {"date", "type", "modality", "sides"} and g["engagement"]["sides"] == ["FRA", "PRT"]
    assert api.get("/pairs", params={"since": "2024-03", "until": "2024"}).json()["total"] == 1
    assert api.get("/pairs", params={"since": "2024-04"}).json()["items"] == []
    assert api.get("/pairs", params={"side": "Portugal"}).json()["total"] == 1
    assert api.get("/pairs", params={"side": "JPN"}).json()["total"] == 0
    doc = g["documents"][1]["id"]
    assert api.get("/pairs", params={"document": doc}).json()["items"] == groups


def test_pairs_pages(paired: tuple[TestClient, Store]) -> None:
    api, store = paired
    first = api.get("/pairs?limit=1&offset=0").json()
    assert first["total"] == 1 and len(first["items"]) == 1 and first["next"] is None
    assert api.get("/pairs?offset=1").json()["items"] == []


@pytest.mark.parametrize("query", ["since=2024-02-30", "until=soon", "since=2025&until=2024", "limit=0",
                                   "limit=501", "offset=-1", "modality=phone", "sides=CHN"])
def test_pairs_bad_parameters_are_422(paired: tuple[TestClient, Store], query: str) -> None:
    assert_error(paired[0].get(f"/pairs?{query}"), 422, "invalid_request")


def test_compare_two_stored_documents(paired: tuple[TestClient, Store]) -> None:
    from test_store_pairs import FR, ID, PT

    api, store = paired
    r = api.get(f"/compare/{ID[PT]}/{ID[FR]}")
    assert r.status_code == 200, r.text
    got = r.json()
    assert got == store.compare(ID[PT], ID[FR]).to_dict()
    assert {"same_engagement", "reasons", "matched", "only_a", "only_b", "topics_only_a", "topics_only_b",
            "differences"} <= set(got)
    assert got["same_engagement"] is True and got["reasons"]
    assert got["a"]["id"] == ID[PT] and got["b"]["id"] == ID[FR]
    assert got["matched"] and {"a", "b", "similarity"} <= set(got["matched"][0])
    assert all({"kind", "detail"} <= set(d) for d in got["differences"])
    back = api.get(f"/compare/{ID[FR]}/{ID[PT]}").json()
    assert back["a"]["id"] == ID[FR] and back["same_engagement"] is True


def test_compare_unrelated_documents_says_so(paired: tuple[TestClient, Store]) -> None:
    from test_store_pairs import ID, OTHER, PT

    got = paired[0].get(f"/compare/{ID[PT]}/{ID[OTHER]}").json()
    assert got["same_engagement"] is False and got["reasons"]


def test_compare_unknown_document_is_404(paired: tuple[TestClient, Store]) -> None:
    from test_store_pairs import ID, PT

    api, _ = paired
    missing = "0" * 64
    for a, b in ((missing, ID[PT]), (ID[PT], missing), (missing, missing)):
        err = assert_error(api.get(f"/compare/{a}/{b}"), 404, "not_found")
        assert missing in err["message"]


def test_compare_needs_the_token_when_reads_are_protected(examples_store_url: str) -> None:
    with TestClient(create_app(examples_store_url, Settings(token=TOKEN, protect_reads=True))) as client:
        route = f"/compare/{'0' * 64}/{'1' * 64}"
        assert_error(client.get(route), 401, "unauthorized")
        assert_error(client.get(route, headers=AUTH), 404, "not_found")
