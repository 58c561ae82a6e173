"""One ASGI middleware for what every request needs: an id, a size limit and a log line.

* `X-Request-ID`: the client's, if it sent a sane one, else a new one; echoed on the response.
* Browser security headers (`security.SECURITY_HEADERS`) on every response, errors included;
  a route that sets its own Content-Security-Policy (the API doc pages) keeps it.
* With allowed hosts configured, a request for any other `Host` is a 400.
* A request with more header fields, or a larger request line and headers, than the limits
  is a 431 (the server, `h11_protocol.BoundedH11Protocol`, refuses a head that outgrows the size
  limit while it is still arriving).
* Bodies over the limit are refused with 413 before they are read (by `Content-Length`) or as
  soon as the limit is crossed (chunked uploads).
* One JSON log line per request: method, path, status, milliseconds, request id; the question
  text only when the service is configured to log it. Log lines escape every character that
  could break a line or reorder what a reader sees (`log_json`).
* HEAD is answered wherever GET is (the server drops the body), as HTTP asks.
* Anything the app fails to handle becomes a JSON 500 that still carries the request id.
"""

from __future__ import annotations

import json
import logging
import re
import time
import unicodedata
import uuid
from collections.abc import Sequence
from typing import Any

from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .security import SECURITY_HEADERS, host_allowed

__all__ = ["ACCESS_LOG", "JsonLines", "RequestContextMiddleware", "configure_logging", "log_json"]

ACCESS_LOG = logging.getLogger("sclc_qa.access")
LOG = logging.getLogger("sclc_qa.service")
_SANE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
_NOT_PRINTABLE_ASCII = re.compile(r"[^\x20-\x7e]")
# Controls (C0, DEL, C1 such as U+0085 NEXT LINE), format characters (the bidi controls U+202A-E,
# U+2066-9, U+200E/F, U+061C; zero-width characters; U+FEFF), line and paragraph separators
# (U+2028, U+2029), surrogates, private use and unassigned code points.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def log_json(value: Any) -> str:
    """`value` as one line of JSON that is safe to show: readable text stays as it is, and
    every character that a log viewer or terminal could take as a line break or a change of
    direction is written as a \\u escape (a JSON reader gets the original text back)."""
    return _NOT_PRINTABLE_ASCII.sub(_escape, json.dumps(value, ensure_ascii=False))


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if unicodedata.category(char) not in _UNSAFE_CATEGORIES:
        return char
    code = ord(char)
    if code > 0xFFFF:  # JSON escapes a code point beyond the BMP as a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


class RequestContextMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body_bytes: int,
        log_questions: bool,
        allowed_hosts: Sequence[str] = (),
        max_headers: int = 100,
        max_header_bytes: int = 16 * 1024,
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.max_headers = max_headers
        self.max_header_bytes = max_header_bytes
        self.log_questions = log_questions
        self.allowed_hosts = tuple(allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = Headers(scope=scope)
        given = headers.get("x-request-id", "")
        request_id = given if _SANE_ID.match(given) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        status = 0  # no response started yet

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                out = MutableHeaders(scope=message)
                out["X-Request-ID"] = request_id
                for name, value in SECURITY_HEADERS.items():
                    out.setdefault(name, value)
            await send(message)

        try:
            length = int(headers.get("content-length", "0") or 0)
        except ValueError:
            length = 0
        inner = dict(scope, method="GET") if scope["method"] == "HEAD" else scope
        try:
            if len(scope["headers"]) > self.max_headers:
                message = (
                    f"the request has {len(scope['headers'])} header fields; "
                    f"at most {self.max_headers} are read"
                )
                await self._reply(send_with_id, 431, "request_header_fields_too_large", message)
            elif _head_bytes(scope) > self.max_header_bytes:
                message = (
                    f"the request line and headers are larger than {self.max_header_bytes} "
                    "bytes; send fewer or shorter headers"
                )
                await self._reply(send_with_id, 431, "request_header_fields_too_large", message)
            elif not host_allowed(headers.get("host"), self.allowed_hosts):
                host = headers.get("host")
                said = f"Host {host[:100]!r}" if host is not None else "a request without Host"
                message = f"{said} is not served here; use one of the server's allowed host names"
                await self._reply(send_with_id, 400, "invalid_request_error", message)
            elif length > self.max_body_bytes:
                await self._reply(send_with_id, 413, "payload_too_large", self._limit_message())
            else:
                await self.app(inner, self._limited(receive), send_with_id)
        except Exception:
            LOG.exception("unhandled error (request %s)", request_id)
            if status:  # the response had started: nothing more can be said
                raise
            message = f"internal error; request id {request_id}"
            await self._reply(send_with_id, 500, "internal_error", message)
        finally:
            self._log(scope, request_id, status, started)

    def _limited(self, receive: Receive) -> Receive:
        seen = 0

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body_bytes:
                    # Raised inside the route, so the app's 413 handler answers it.
                    raise HTTPException(413, self._limit_message())
            return message

        return limited_receive

    @staticmethod
    async def _reply(send: Send, status: int, kind: str, message: str) -> None:
        body = json.dumps({"error": {"type": kind, "message": message, "param": None}}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    def _limit_message(self) -> str:
        return f"request body is larger than {self.max_body_bytes} bytes"

    def _log(self, scope: Scope, request_id: str, status: int, started: float) -> None:
        if not ACCESS_LOG.isEnabledFor(logging.INFO):
            return
        record: dict[str, Any] = {
            "event": "request",
            "request_id": request_id,
            "method": scope["method"],
            "path": scope["path"],
            "status": status,
            "ms": round((time.perf_counter() - started) * 1000, 2),
        }
        question = scope.get("state", {}).get("question")
        if self.log_questions and question is not None:
            record["question"] = question
        ACCESS_LOG.info(log_json(record))


def _head_bytes(scope: Scope) -> int:
    """About the size of the request line and headers as sent. (The server refuses a head
    that outgrows its buffer while arriving; one that arrives in a single read is counted
    here, so the limit holds however the bytes came.)"""
    line = len(scope["method"]) + len(scope.get("raw_path") or b"") + len(scope["query_string"])
    return line + 12 + sum(len(name) + len(value) + 4 for name, value in scope["headers"])


class JsonLines(logging.Formatter):
    """One JSON object per line: time, level, logger, then the message's own fields if it is
    a JSON object (the access log), else `message`."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
        }
        message = record.getMessage()
        try:
            fields = json.loads(message) if message.startswith("{") else None
        except ValueError:
            fields = None
        if isinstance(fields, dict):
            out.update(fields)
        else:
            out["message"] = message
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info).splitlines()[-1]
        return log_json(out)


def configure_logging(level: int = logging.INFO) -> None:
    """Send the service's logs (and uvicorn's) to stderr as JSON lines."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonLines())
    handler.formatter.converter = time.gmtime  # type: ignore[union-attr]
    for name in ("sclc_qa", "uvicorn", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(level)
        logger.propagate = False
