"""The HTTP service against the real engine and index: every endpoint's success and error
shapes, the verbatim promise over the whole eval set, readiness, request ids and the log."""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from promises import problems
from sclc_qa.config import ServiceSettings, Settings
from sclc_qa.engine import Engine
from sclc_qa.evaluation import DEFAULT_DOC, load_questions
from sclc_qa.models import Answer
from sclc_qa.service import create_app

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
DOC = "es-sclc-immunotherapy-review"
CASPIAN = "What was the OS hazard ratio in CASPIAN?"
CITATION_KEYS = {"doc", "section", "title", "label", "quote", "start", "end", "score"}
ANSWER_KEYS = {"question", "answer", "abstained", "reason", "confidence", "citations", "timing_ms"}


def error_of(response: Any, status: int) -> dict[str, Any]:
    """The JSON error body of a failed request, checked for the one shape every error has."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body["error"]) == {"type", "message", "param"}
    assert body["error"]["message"]
    assert "Traceback" not in response.text
    return dict(body["error"])


# --- /ask ------------------------------------------------------------------------------------


def test_ask_answers_with_the_contract_shape(client: TestClient, corpus_text: str) -> None:
    r = client.post("/ask", json={"question": CASPIAN})
    assert r.status_code == 200
    body = r.json()
    assert set(body) >= ANSWER_KEYS
    assert not body["abstained"] and body["reason"] is None
    assert "0.73" in body["answer"]
    assert body["timing_ms"] > 0
    assert 0 < body["confidence"] <= 1
    first = body["citations"][0]
    assert set(first) >= CITATION_KEYS
    assert (first["section"], first["title"]) == ("4.1.1", "First-line chemoimmunotherapy")
    assert corpus_text[first["start"] : first["end"]] == first["quote"]
    assert body["answer"] in first["quote"]


def test_ask_top_k_limits_the_citations(client: TestClient) -> None:
    r = client.post("/ask", json={"question": "Which trials tested PD-L1 inhibitors?", "top_k": 1})
    assert len(r.json()["citations"]) <= 1


def test_ask_abstains_with_a_reason(client: TestClient) -> None:
    body = client.post("/ask", json={"question": "What is the capital of France?"}).json()
    assert body["abstained"] is True and body["answer"] is None
    assert body["reason"]


@pytest.mark.parametrize(
    ("payload", "param", "fragment"),
    [
        ({}, "question", "Field required"),
        ({"question": ""}, "question", "at least 1 character"),
        ({"question": "   \n\t"}, "question", "must not be blank"),
        ({"question": "x" * 2001}, "question", "at most 2000 characters"),
        ({"question": 42}, "question", "valid string"),
        ({"question": ["a"]}, "question", "valid string"),
        ({"question": CASPIAN, "top_k": 0}, "top_k", "greater than or equal to 1"),
        ({"question": CASPIAN, "top_k": 51}, "top_k", "less than or equal to 50"),
        ({"question": CASPIAN, "top_k": "five"}, "top_k", "valid integer"),
        ({"question": CASPIAN, "topk": 3}, "topk", "Extra inputs are not permitted"),
        ({"question": CASPIAN, "top_k": True}, "top_k", "valid integer"),
        ({"question": CASPIAN, "top_k": "3"}, "top_k", "valid integer"),
        ({"question": CASPIAN, "top_k": 2.5}, "top_k", "integer"),
    ],
)
def test_bad_ask_bodies_are_422_naming_the_field(
    client: TestClient, payload: dict[str, Any], param: str, fragment: str
) -> None:
    error = error_of(client.post("/ask", json=payload), 422)
    assert error["type"] == "invalid_request_error"
    assert error["param"] == param
    assert fragment in error["message"]
    assert error["message"].startswith(f"{param}: ")


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b'{"question": "What', "not valid JSON"),
        (b"", "JSON body is required"),
        (b"[1, 2]", "must be a JSON object"),
        (b'"just a string"', "must be a JSON object"),
        (b"\xff\xfe", "not valid JSON"),
        (b"\xff\xfe\x80", "could not be read as JSON"),
        (b'{"question": "caf\xe9"}', "could not be read as JSON"),
        (b"[" * 30_000 + b"]" * 30_000, "could not be read as JSON"),
    ],
)
def test_malformed_bodies_are_422(client: TestClient, content: bytes, fragment: str) -> None:
    r = client.post("/ask", content=content, headers={"content-type": "application/json"})
    assert fragment in error_of(r, 422)["message"]
    assert isinstance(r.json()["detail"], list)


def test_a_body_over_64_kb_is_413(client: TestClient) -> None:
    big = json.dumps({"question": "x" * 70_000})
    r = client.post("/ask", content=big, headers={"content-type": "application/json"})
    assert error_of(r, 413)["type"] == "payload_too_large"


def test_a_chunked_body_over_64_kb_is_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"question": "'
        for _ in range(70):
            yield b"x" * 1000
        yield b'"}'

    r = client.post("/ask", content=chunks(), headers={"content-type": "application/json"})
    assert "transfer-encoding" not in r.request.headers or r.status_code == 413
    assert error_of(r, 413)["type"] == "payload_too_large"


def test_a_body_just_under_the_limit_is_read(client: TestClient) -> None:
    body = json.dumps({"question": CASPIAN, "pad": "x" * 60_000})
    r = client.post("/ask", content=body, headers={"content-type": "application/json"})
    assert error_of(r, 422)["param"] == "pad"  # read and validated, not refused for size


def test_unknown_paths_are_404_json(client: TestClient) -> None:
    error = error_of(client.get("/no/such/thing"), 404)
    assert error["type"] == "not_found" and "/no/such/thing" in error["message"]


def test_wrong_methods_are_405_json(client: TestClient) -> None:
    r = client.get("/ask")
    assert error_of(r, 405)["type"] == "method_not_allowed"
    assert r.headers["allow"] == "POST"
    assert error_of(client.delete("/sections"), 405)["message"].startswith("DELETE")


# --- /search, /sections, /documents, /verify, context -----------------------------------------


def test_search_returns_ranked_verbatim_passages(client: TestClient, corpus_text: str) -> None:
    r = client.post("/search", json={"query": "tarlatamab DLL3", "top_k": 3})
    assert r.status_code == 200
    body = r.json()
    assert body["query"] == "tarlatamab DLL3"
    results = body["results"]
    assert len(results) == 3
    assert {"doc", "section", "title", "label", "text", "start", "end", "score"} <= set(results[0])
    assert [p["score"] for p in results] == sorted((p["score"] for p in results), reverse=True)
    for p in results:
        assert corpus_text[p["start"] : p["end"]] == p["text"]
    assert "tarlatamab" in results[0]["text"].lower()


@pytest.mark.parametrize(
    ("payload", "param"),
    [
        ({"query": "x", "top_k": 51}, "top_k"),
        ({"query": "x", "top_k": 0}, "top_k"),
        ({"query": " "}, "query"),
        ({"query": "x", "mode": "fuzzy"}, "mode"),
        ({"question": "x"}, "query"),
    ],
)
def test_bad_search_bodies_are_422(client: TestClient, payload: dict[str, Any], param: str) -> None:
    assert error_of(client.post("/search", json=payload), 422)["param"] == param


def test_search_top_k_50_and_every_mode(client: TestClient) -> None:
    for mode in ("hybrid", "dense", "lexical"):
        r = client.post("/search", json={"query": "CASPIAN durvalumab", "top_k": 50, "mode": mode})
        assert r.status_code == 200 and 1 <= len(r.json()["results"]) <= 50


def test_sections_list_the_review(client: TestClient) -> None:
    sections = client.get("/sections").json()
    assert {"doc", "section", "title", "start", "end"} <= set(sections[0])
    by_id = {s["section"]: s for s in sections}
    assert by_id["4.1.1"]["title"] == "First-line chemoimmunotherapy"
    assert by_id["4.1.1"]["doc"] == DOC


def test_documents_give_the_citation_record(client: TestClient) -> None:
    (doc,) = client.get("/documents").json()
    assert doc["doc"] == DOC
    assert doc["doi"] == "10.3389/fimmu.2025.1693401"
    assert doc["journal"] == "Frontiers in Immunology"
    assert doc["authors"].startswith("Chi X")
    assert "small cell lung cancer" in doc["title"]


def test_verify_checks_any_citation(client: TestClient) -> None:
    answer = client.post("/ask", json={"question": CASPIAN}).json()
    c = answer["citations"][0]
    claim = {"doc": c["doc"], "start": c["start"], "end": c["end"], "quote": c["quote"]}
    assert client.post("/verify", json=claim).json() == {"verified": True, "text": c["quote"]}
    forged = claim | {"quote": c["quote"].replace("0.73", "0.37")}
    assert client.post("/verify", json=forged).json() == {"verified": False, "text": c["quote"]}


@pytest.mark.parametrize(
    ("claim", "status"),
    [
        ({"doc": "nope", "start": 0, "end": 1, "quote": "x"}, 404),
        ({"doc": DOC, "start": 5, "end": 2, "quote": "x"}, 422),
        ({"doc": DOC, "start": 0, "end": 10**9, "quote": "x"}, 422),
        ({"doc": DOC, "start": -1, "end": 2, "quote": "x"}, 422),
        ({"doc": DOC, "start": 0, "end": 2}, 422),
        ({"doc": DOC, "start": 0, "end": False, "quote": ""}, 422),
    ],
)
def test_bad_verify_requests(client: TestClient, claim: dict[str, Any], status: int) -> None:
    error_of(client.post("/verify", json=claim), status)


def test_context_is_the_paragraph_around_a_quote(client: TestClient) -> None:
    c = client.post("/ask", json={"question": CASPIAN}).json()["citations"][0]
    r = client.get(f"/documents/{c['doc']}/context", params={"start": c["start"], "end": c["end"]})
    ctx = r.json()
    assert ctx["start"] <= c["start"] <= c["end"] <= ctx["end"]
    assert ctx["text"][c["start"] - ctx["start"] : c["end"] - ctx["start"]] == c["quote"]
    assert ctx["section"] == c["section"]
    assert error_of(client.get("/documents/nope/context?start=0&end=1"), 404)
    assert error_of(client.get(f"/documents/{DOC}/context?start=x&end=1"), 422)["param"] == "start"


# --- the verbatim promise over HTTP, for every eval question -----------------------------------


def test_every_eval_answer_over_http_is_verbatim(client: TestClient) -> None:
    """Every dev question on the review (the one document this service indexes), over HTTP:
    its JSON must still carry quotes that are the text at their offsets."""
    failures = {}
    for q in load_questions(ROOT / "eval" / "questions.jsonl"):
        if q.doc != DEFAULT_DOC:
            continue
        r = client.post("/ask", json={"question": q.question})
        assert r.status_code == 200, (q.id, r.text)
        found = problems(Answer.model_validate(r.json()))
        if found:
            failures[q.id] = found
    assert failures == {}


# --- readiness, ids, logs -----------------------------------------------------------------------


def test_health_and_readiness(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    manifest = ready.json()["manifest"]
    assert manifest["model"]["sha256"].startswith("53aa5117")
    assert manifest["counts"]["documents"] == 1


def test_not_ready_until_the_engine_loads(engine: Engine, real_settings: Settings) -> None:
    gate = threading.Event()

    def slow_load() -> Engine:
        gate.wait(10)
        return engine

    with TestClient(create_app(real_settings, load=slow_load)) as c:
        assert c.get("/healthz").status_code == 200
        assert c.get("/readyz").json()["status"] == "loading"
        assert c.get("/readyz").status_code == 503
        r = c.post("/ask", json={"question": CASPIAN})
        assert error_of(r, 503)["type"] == "not_ready"
        assert r.headers["retry-after"] == "1"
        gate.set()
        for _ in range(200):
            if c.get("/readyz").status_code == 200:
                break
            threading.Event().wait(0.01)
        assert c.post("/ask", json={"question": CASPIAN}).status_code == 200


def test_a_failed_load_is_reported(real_settings: Settings, tmp_path: Path) -> None:
    heard: list[str] = []
    settings = real_settings.model_copy(update={"index_dir": tmp_path / "missing"})
    with TestClient(create_app(settings, on_load_error=heard.append)) as c:
        for _ in range(500):
            if heard:
                break
            threading.Event().wait(0.01)
        body = c.get("/readyz").json()
        assert body["status"] == "failed" and "sclc-qa build" in body["error"]
        assert (
            "sclc-qa build" in error_of(c.post("/ask", json={"question": CASPIAN}), 503)["message"]
        )
    assert heard and "sclc-qa build" in heard[0]


def test_every_response_has_a_request_id(client: TestClient) -> None:
    generated = client.get("/healthz").headers["x-request-id"]
    assert len(generated) == 32 and int(generated, 16) >= 0
    assert client.get("/nope").headers["x-request-id"]
    given = client.get("/healthz", headers={"X-Request-ID": "abc-123"}).headers["x-request-id"]
    assert given == "abc-123"
    odd = client.get("/healthz", headers={"X-Request-ID": "x" * 500}).headers["x-request-id"]
    assert odd != "x" * 500 and len(odd) == 32


def access_records(caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == "sclc_qa.access"]


def test_one_log_line_per_request_without_the_question(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="sclc_qa.access"):
        r = client.post("/ask", json={"question": CASPIAN})
        client.get("/nope")
    first, second = access_records(caplog)
    assert first["method"] == "POST" and first["path"] == "/ask" and first["status"] == 200
    assert first["request_id"] == r.headers["x-request-id"]
    assert first["ms"] > 0
    assert "question" not in first and "CASPIAN" not in json.dumps(first)
    assert second["status"] == 404


def test_the_question_is_logged_only_when_asked(
    engine: Engine, real_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    settings = real_settings.model_copy(update={"service": ServiceSettings(log_questions=True)})
    with TestClient(create_app(settings, engine=engine)) as c, caplog.at_level(logging.INFO):
        c.post("/ask", json={"question": CASPIAN})
    assert access_records(caplog)[-1]["question"] == CASPIAN


def test_openapi_documents_the_contract(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ("/ask", "/search", "/verify", "/v1/chat/completions"):
        assert "422" in paths[path]["post"]["responses"]
        assert "413" in paths[path]["post"]["responses"]
    for path in ("/sections", "/documents", "/healthz", "/readyz", "/v1/models"):
        assert "get" in paths[path]
    ask_body = spec["components"]["schemas"]["AskRequest"]
    assert ask_body["examples"][0]["question"] == CASPIAN
    assert ask_body["properties"]["question"]["maxLength"] == 2000
    assert client.get("/docs").status_code == 200


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_api_doc_pages_use_only_local_assets(client: TestClient, page: str) -> None:
    html = client.get(page).text
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets and all(a.startswith("/") for a in assets), assets
    for asset in assets:
        assert client.get(asset).status_code == 200, asset


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "text/html; charset=utf-8"]
)
def test_a_body_not_sent_as_json_is_415(client: TestClient, content_type: str) -> None:
    r = client.post(
        "/ask", content=json.dumps({"question": CASPIAN}), headers={"content-type": content_type}
    )
    error = error_of(r, 415)
    assert error["type"] == "unsupported_media_type"
    assert "application/json" in error["message"]


def test_a_lone_surrogate_is_a_422_not_a_500(client: TestClient) -> None:
    body = b'{"question": "\\ud83d What is SCLC?"}'
    r = client.post("/ask", content=body, headers={"content-type": "application/json"})
    assert error_of(r, 422)["param"] == "question"
    chat = b'{"messages": [{"role": "user", "content": [{"type": "text", "text": "\\udc80"}]}]}'
    r = client.post(
        "/v1/chat/completions", content=chat, headers={"content-type": "application/json"}
    )
    error = error_of(r, 422)
    assert error["param"] == "messages" and "not valid Unicode" in error["message"]
    assert r.headers["x-request-id"]


def test_range_errors_name_the_field(client: TestClient) -> None:
    claim = {"doc": DOC, "start": 10, "end": 5, "quote": "x"}
    assert error_of(client.post("/verify", json=claim), 422)["param"] == "end"
    r = client.get(f"/documents/{DOC}/context", params={"start": 10**9, "end": 10**9})
    assert error_of(r, 422)["param"] == "start"


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/sections", "/documents", "/"])
def test_head_works_wherever_get_does(client: TestClient, path: str) -> None:
    r = client.head(path)
    assert r.status_code == 200 and r.content == b""
    assert r.headers["x-request-id"]


def test_an_unexpected_error_is_a_json_500_with_the_request_id(
    real_settings: Settings, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(real_settings, engine=engine)

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(engine, "sections", broken)
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/sections", headers={"X-Request-ID": "trace-1"})
    error = error_of(r, 500)
    assert error["type"] == "internal_error" and "trace-1" in error["message"]
    assert r.headers["x-request-id"] == "trace-1"
    assert "boom" not in r.text


def test_openai_options_that_change_nothing_are_accepted(client: TestClient) -> None:
    body = {
        "messages": [{"role": "user", "content": CASPIAN}],
        "temperature": 0,
        "response_format": {"type": "text"},
        "logprobs": False,
        "tools": [{"type": "function", "function": {"name": "f", "parameters": {}}}],
        "tool_choice": "auto",
        "parallel_tool_calls": True,
        "reasoning_effort": "low",
        "service_tier": "auto",
    }
    r = client.post("/v1/chat/completions", json=body)
    assert r.status_code == 200, r.text
    assert "0.73" in r.json()["choices"][0]["message"]["content"]


def test_a_follow_up_never_grows_past_the_limit(client: TestClient) -> None:
    long_first = CASPIAN + " please" * ((2000 - len(CASPIAN)) // 7)
    messages = [
        {"role": "user", "content": long_first},
        {"role": "user", "content": "and what about its PFS?"},
    ]
    r = client.post("/v1/chat/completions", json={"messages": messages})
    assert r.status_code == 200, r.text
