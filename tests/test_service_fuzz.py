"""Schema-driven fuzzing of the HTTP service: schemathesis reads the app's own OpenAPI document
(GET /openapi.json), then sends every operation schema-valid and schema-violating requests,
in-process over ASGI, against the real engine and index.

Every response must be a non-5xx with a documented status code, the documented content type
and a body that matches the documented schema; schema-violating requests must be refused (4xx)
and schema-valid ones accepted. The chat endpoint's `"stream": true` reply is
`text/event-stream`, which OpenAPI cannot describe frame by frame (the schema declares the
media type only), so its frames are checked here against `ChatChunk` instead.

Bounded for CI: a fixed seed, derandomised Hypothesis and `MAX_EXAMPLES` fuzzed requests per
operation (positive and negative together), plus schemathesis' deterministic examples and
coverage phases (boundary values, wrong types, missing fields).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.config import SchemathesisConfig

from sclc_qa.service.schemas import ChatChunk

pytestmark = pytest.mark.slow

MAX_EXAMPLES = 50
SEED = 20240601
CHAT = "POST /v1/chat/completions"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
    positive_data_acceptance,
]
# Rules the schema cannot state, so schema-valid requests may rightly get a 422.
NOT_IN_SCHEMA = {
    # The messages must hold a user message with text, the last one at most 2000 characters.
    CHAT: [positive_data_acceptance],
}


@pytest.fixture(scope="module")
def api_schema(service_app: Any) -> Any:
    """The app's OpenAPI document, fetched from the app itself. The config is explicit, so no
    schemathesis.toml from a developer's checkout changes what runs."""
    schema = schemathesis.openapi.from_asgi(
        "/openapi.json", service_app, config=SchemathesisConfig(seed=SEED)
    )
    schema.config.generation.update(
        modes=["positive", "negative"], max_examples=MAX_EXAMPLES, deterministic=True
    )
    # Read a streamed reply to its end (default: the first 20 events), so `[DONE]` is seen.
    schema.config.max_stream_events = 1000
    # A schema-violating body over the service's size limit is refused with 413 before it is
    # parsed: a refusal like the 4xx codes schemathesis expects by default.
    rejection = schema.config.checks.negative_data_rejection
    rejection.expected_statuses = [*rejection.expected_statuses, "413"]
    return schema


@pytest.fixture(autouse=True)
def _node_id_for_schemathesis(request: pytest.FixtureRequest) -> None:
    """schemathesis 4.32's lazy loader reads and rewrites `item._nodeid`, which pytest 9.2 no
    longer has (it keeps a structured `_id`); give it the plain attribute it expects. It only
    renames the item in reports, and each operation is reported as its own subtest anyway."""
    if not hasattr(request.node, "_nodeid"):
        request.node._nodeid = request.node.nodeid


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_conforms_to_its_openapi_schema(case: Any) -> None:
    response = case.call_and_validate(
        checks=CHECKS, excluded_checks=NOT_IN_SCHEMA.get(case.operation.label, [])
    )
    if response.status_code == 200 and "text/event-stream" in _content_type(response):
        _check_event_stream(response.content.decode("utf-8"))


def _content_type(response: Any) -> str:
    values = response.headers.get("content-type", [""])
    return str(values[0] if isinstance(values, list) else values)


def _check_event_stream(text: str) -> None:
    """OpenAI's framing: `data: <ChatChunk JSON>` events, one finishing chunk with the
    citations and the answer, then `data: [DONE]`."""
    events = [e for e in text.split("\n\n") if e.strip()]
    assert all(e.startswith("data: ") for e in events), text
    payloads = [e.removeprefix("data: ") for e in events]
    assert payloads and payloads[-1] == "[DONE]", text
    chunks = [ChatChunk.model_validate(json.loads(p)) for p in payloads[:-1]]
    finished = [c for c in chunks if c.choices and c.choices[0].finish_reason == "stop"]
    assert len(finished) == 1 and finished[0].answer is not None, text
