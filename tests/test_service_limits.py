"""One source of truth for the request limits: the settings' question length and top_k hold
for the HTTP schemas (and their OpenAPI), the engine and the CLI alike, and changing a setting
through the environment moves the HTTP 422 boundary (fast: the fake-embedder engine)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sclc_qa.config import SEARCH_MODES, AnswerSettings, Settings
from sclc_qa.engine import Engine
from sclc_qa.service import create_app

QUESTION = "What was the OS hazard ratio in CASPIAN?"


def app_client(settings: Settings, engine: Engine) -> TestClient:
    return TestClient(create_app(settings, engine=engine), raise_server_exceptions=False)


@pytest.fixture
def env_settings(monkeypatch: pytest.MonkeyPatch, hashing_settings: Settings) -> Iterator[Settings]:
    """Settings read from the environment, as every server worker reads them."""
    monkeypatch.setenv("SCLC_QA_CORPUS_DIR", str(hashing_settings.corpus_dir))
    monkeypatch.setenv("SCLC_QA_INDEX_DIR", str(hashing_settings.index_dir))
    monkeypatch.setenv("SCLC_QA_ANSWER__MAX_QUESTION_CHARS", "120")
    monkeypatch.setenv("SCLC_QA_ANSWER__MAX_TOP_K", "7")
    yield Settings()


def padded(length: int) -> str:
    """The question, then one long word: `length` characters, however white space is counted."""
    return (QUESTION + " " + "x" * length)[:length]


def error(response: Any) -> dict[str, Any]:
    assert response.status_code == 422, response.text
    return dict(response.json()["error"])


def test_the_environment_moves_the_http_question_boundary(
    env_settings: Settings, hashing_engine: Engine
) -> None:
    assert env_settings.answer.max_question_chars == 120
    with app_client(env_settings, hashing_engine) as c:
        assert c.post("/ask", json={"question": padded(120)}).status_code == 200
        e = error(c.post("/ask", json={"question": padded(121)}))
        assert e["param"] == "question" and "at most 120 characters" in e["message"]
        assert c.post("/search", json={"query": padded(120)}).status_code == 200
        assert error(c.post("/search", json={"query": padded(121)}))["param"] == "query"
        chat = {"messages": [{"role": "user", "content": padded(121)}]}
        e = error(c.post("/v1/chat/completions", json=chat))
        assert e["param"] == "messages" and "over 120 characters" in e["message"]
        chat = {"messages": [{"role": "user", "content": padded(120)}]}
        assert c.post("/v1/chat/completions", json=chat).status_code == 200


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/ask", {"question": QUESTION}),
        ("/search", {"query": QUESTION}),
        ("/v1/chat/completions", {"messages": [{"role": "user", "content": QUESTION}]}),
    ],
)
def test_the_environment_moves_the_http_top_k_boundary(
    env_settings: Settings, hashing_engine: Engine, path: str, body: dict[str, Any]
) -> None:
    with app_client(env_settings, hashing_engine) as c:
        assert c.post(path, json=body | {"top_k": 7}).status_code == 200
        e = error(c.post(path, json=body | {"top_k": 8}))
        assert e["param"] == "top_k" and "less than or equal to 7" in e["message"]


def test_the_default_limits_are_the_default_settings(
    hashing_settings: Settings, hashing_engine: Engine
) -> None:
    limits = AnswerSettings()
    with app_client(hashing_settings, hashing_engine) as c:
        n, k = limits.max_question_chars, limits.max_top_k
        assert c.post("/ask", json={"question": padded(n), "top_k": k}).status_code == 200
        assert error(c.post("/ask", json={"question": padded(n + 1)}))["param"] == "question"
        for path, body in [
            ("/ask", {"question": QUESTION}),
            ("/search", {"query": QUESTION}),
            ("/v1/chat/completions", {"messages": [{"role": "user", "content": QUESTION}]}),
        ]:
            assert c.post(path, json=body | {"top_k": k}).status_code == 200, path
            assert error(c.post(path, json=body | {"top_k": k + 1}))["param"] == "top_k"


def test_the_openapi_schema_states_the_settings_limits(
    env_settings: Settings, hashing_engine: Engine
) -> None:
    with app_client(env_settings, hashing_engine) as c:
        schemas = c.get("/openapi.json").json()["components"]["schemas"]
    assert schemas["AskRequest"]["properties"]["question"]["maxLength"] == 120
    assert "1–120 characters" in schemas["AskRequest"]["properties"]["question"]["description"]
    assert schemas["SearchRequest"]["properties"]["query"]["maxLength"] == 120
    for name in ("AskRequest", "SearchRequest", "ChatRequest"):
        assert schemas[name]["properties"]["top_k"]["maximum"] == 7, name
    assert tuple(schemas["SearchRequest"]["properties"]["mode"]["enum"]) == SEARCH_MODES


def test_the_engine_holds_to_the_same_question_limit(
    env_settings: Settings,
) -> None:
    from sclc_qa.embedding import HashingEmbedder
    from sclc_qa.errors import InvalidQueryError

    engine = Engine.load(env_settings, embedder=HashingEmbedder())
    engine.ask(padded(120))
    with pytest.raises(InvalidQueryError, match="the limit is 120"):
        engine.ask(padded(121))


def test_apps_with_different_settings_keep_their_own_limits(
    hashing_settings: Settings, hashing_engine: Engine
) -> None:
    narrow = hashing_settings.model_copy(
        update={"answer": AnswerSettings(max_question_chars=50, max_top_k=5)}
    )
    with app_client(narrow, hashing_engine) as a, app_client(hashing_settings, hashing_engine) as b:
        assert a.post("/ask", json={"question": padded(60)}).status_code == 422
        assert b.post("/ask", json={"question": padded(60)}).status_code == 200
        assert a.post("/ask", json={"question": QUESTION, "top_k": 6}).status_code == 422
        assert b.post("/ask", json={"question": QUESTION, "top_k": 6}).status_code == 200


@pytest.mark.parametrize("value", ["4", "51"])
def test_max_top_k_stays_within_the_default_and_the_engine_bound(value: str) -> None:
    with pytest.raises(ValueError, match="max_top_k"):
        AnswerSettings(max_top_k=int(value))
