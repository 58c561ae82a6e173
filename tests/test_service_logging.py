"""The JSON log lines: no character in a question or a path can break a line or reorder what a
reader sees, and a JSON reader still gets the text back (fast: the fake-embedder engine)."""

from __future__ import annotations

import json
import logging
import unicodedata

import pytest
from fastapi.testclient import TestClient

from sclc_qa.config import ServiceSettings, Settings
from sclc_qa.engine import Engine
from sclc_qa.service import create_app
from sclc_qa.service.middleware import JsonLines, log_json

# Line breaks a log viewer honours, and the bidi controls that reorder a line on screen.
HOSTILE = [
    "\u2028",  # LINE SEPARATOR
    "\u2029",  # PARAGRAPH SEPARATOR
    "\u0085",  # NEXT LINE
    "\u202e",  # RIGHT-TO-LEFT OVERRIDE
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u200e",
    "\u200f",
    "\u061c",
    "\u200b",  # ZERO WIDTH SPACE
    "\ufeff",
    "\x7f",
    "\x1b",  # ESC: terminal control sequences
    "\r",
    "\n",
    "\U000e0041",  # TAG LATIN CAPITAL LETTER A (beyond the BMP)
]


def assert_safe(line: str) -> None:
    for char in line:
        assert 0x20 <= ord(char) < 0x7F or unicodedata.category(char) not in {
            "Cc",
            "Cf",
            "Cs",
            "Co",
            "Cn",
            "Zl",
            "Zp",
        }, f"U+{ord(char):04X} written unescaped: {line!r}"
    assert len(line.splitlines()) == 1


@pytest.mark.parametrize("char", HOSTILE)
def test_log_json_escapes_separators_and_bidi_controls(char: str) -> None:
    text = f"What was{char} the HR?"
    line = log_json({"question": text})
    assert_safe(line)
    assert json.loads(line) == {"question": text}


def test_readable_text_stays_readable() -> None:
    text = "Überleben · 生存期 · HR\u00a0= 0.73 · ≥ 65 years · 🫁"
    assert log_json(text) == f'"{text}"'


def test_a_lone_surrogate_is_escaped_not_a_logging_error() -> None:
    line = log_json({"question": "\ud83d x"})
    assert line == '{"question": "\\ud83d x"}'
    line.encode("utf-8")  # writable to a UTF-8 stream


@pytest.fixture(scope="module")
def logging_client(hashing_engine: Engine, hashing_settings: Settings) -> TestClient:
    settings = hashing_settings.model_copy(update={"service": ServiceSettings(log_questions=True)})
    return TestClient(create_app(settings, engine=hashing_engine))


def test_the_access_log_escapes_the_question_and_the_path(
    logging_client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    question = "CASPIAN " + "".join(HOSTILE) + " OS?"
    with caplog.at_level(logging.INFO, logger="sclc_qa.access"):
        logging_client.post("/ask", json={"question": question})
        logging_client.get("/nope%E2%80%A8%E2%80%AEx")
    records = [r for r in caplog.records if r.name == "sclc_qa.access"]
    assert len(records) == 2
    formatter = JsonLines()
    for record in records:
        # The message the access logger is given, and the line the handler writes.
        for line in (record.getMessage(), formatter.format(record)):
            assert_safe(line)
    asked, missing = (json.loads(formatter.format(r)) for r in records)
    assert asked["question"] == question
    assert asked["status"] == 200
    assert missing["path"] == "/nope\u2028\u202ex" and missing["status"] == 404


def test_a_lone_surrogate_in_a_question_logs_one_safe_line(
    logging_client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    body = b'{"question": "\\ud83d What is SCLC?"}'
    with caplog.at_level(logging.INFO, logger="sclc_qa.access"):
        r = logging_client.post("/ask", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422
    (record,) = [r for r in caplog.records if r.name == "sclc_qa.access"]
    line = JsonLines().format(record)
    assert_safe(line)
    assert json.loads(line)["status"] == 422
