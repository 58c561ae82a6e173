"""Error messages that say what is actually wrong, and never at unbounded length (fast: the
fake-embedder engine)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sclc_qa.config import Settings
from sclc_qa.engine import Engine
from sclc_qa.service import create_app

QUESTION = "What was the OS hazard ratio in CASPIAN?"
JSON = {"content-type": "application/json"}


@pytest.fixture(scope="module")
def client(hashing_engine: Engine, hashing_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(hashing_settings, engine=hashing_engine)) as c:
        yield c


def error_of(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body["error"]) == {"type", "message", "param"}
    assert len(body["error"]["message"]) <= 500
    assert len(response.content) < 8000  # the whole reply is bounded too
    return dict(body["error"])


@pytest.mark.parametrize("path", ["/ask", "/search"])
@pytest.mark.parametrize("sign", ["", "-"])
def test_a_5000_digit_top_k_is_out_of_range_not_unreadable(
    client: TestClient, path: str, sign: str
) -> None:
    field = "question" if path == "/ask" else "query"
    body = f'{{"{field}": "{QUESTION}", "top_k": {sign}{"9" * 5000}}}'.encode()
    error = error_of(client.post(path, content=body, headers=JSON), 422)
    assert error["param"] == "top_k"
    assert "out of range" in error["message"]
    assert "UTF-8" not in error["message"] and "nested" not in error["message"]


def test_a_huge_number_that_is_not_a_plain_field_still_says_what_is_wrong(
    client: TestClient,
) -> None:
    body = f'{{"question": "{QUESTION}", "docs": [{"9" * 5000}]}}'.encode()
    error = error_of(client.post("/ask", content=body, headers=JSON), 422)
    assert "out of range (over 4300 digits)" in error["message"]


def test_a_large_but_readable_top_k_names_the_limit(client: TestClient) -> None:
    body = f'{{"question": "{QUESTION}", "top_k": {"9" * 4000}}}'.encode()
    error = error_of(client.post("/ask", content=body, headers=JSON), 422)
    assert error["param"] == "top_k" and "less than or equal to 50" in error["message"]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b'{"question": "\xff"}', "not UTF-8"),
        (b"[" * 50_000, "nested too deeply"),
        (b'{"question": "x", "top_k": 3', "Expecting ',' delimiter at character 28"),
        (b'{"question": }', "Expecting value at character 13"),
    ],
)
def test_unreadable_bodies_say_why(client: TestClient, content: bytes, fragment: str) -> None:
    error = error_of(client.post("/ask", content=content, headers=JSON), 422)
    assert fragment in error["message"], error["message"]


@pytest.mark.parametrize("path", ["/ask", "/search", "/verify", "/v1/chat/completions"])
def test_a_json_body_without_content_type_is_told_to_send_it(client: TestClient, path: str) -> None:
    r = client.post(path, content=json.dumps({"question": QUESTION}).encode())
    error = error_of(r, 415)
    assert error["type"] == "unsupported_media_type"
    assert "no Content-Type" in error["message"]
    assert "Content-Type: application/json" in error["message"]
    assert "JSON object" not in error["message"]


def test_an_empty_body_without_content_type_asks_for_a_body(client: TestClient) -> None:
    assert "a JSON body is required" in error_of(client.post("/ask"), 422)["message"]


def test_the_same_body_with_content_type_is_answered(client: TestClient) -> None:
    body = json.dumps({"question": QUESTION}).encode()
    assert client.post("/ask", content=body, headers=JSON).status_code == 200


def test_a_long_unknown_field_name_is_not_echoed_whole(client: TestClient) -> None:
    error = error_of(client.post("/ask", json={"question": QUESTION, "y" * 5000: 1}), 422)
    assert "Extra inputs are not permitted" in error["message"]
    assert error["param"] is not None and len(error["param"]) <= 100


def test_many_field_errors_are_listed_up_to_a_bound(client: TestClient) -> None:
    body = {"question": QUESTION} | {f"extra{i}": i for i in range(500)}
    r = client.post("/ask", json=body)
    error = error_of(r, 422)
    assert len(r.json()["detail"]) <= 20
    assert "more" in error["message"]


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/" + "p" * 5000, 404),
        ("DELETE", "/ask" + "/x" * 2000, 404),
        ("GET", "/documents/" + "d" * 5000 + "/context?start=0&end=1", 404),
    ],
)
def test_long_paths_and_ids_are_not_echoed_whole(
    client: TestClient, method: str, path: str, status: int
) -> None:
    error_of(client.request(method, path), status)


def test_an_unknown_long_doc_filter_is_bounded(client: TestClient) -> None:
    r = client.post("/ask", json={"question": QUESTION, "docs": ["d" * 200] * 100})
    error_of(r, 404)
