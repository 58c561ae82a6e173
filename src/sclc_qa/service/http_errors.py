"""Request errors in one JSON shape: `{"error": {"type", "message", "param"}}`, plus `detail`
for a body that fails validation.

FastAPI's own answers (a 422 list, a 400 for an unreadable body, a plain 404 or 405) and the
library's exceptions all go through `add_error_handlers`, which says what went wrong in the
client's terms and clips whatever the client sent, so an error never echoes a whole request.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..errors import InvalidQueryError, NotFoundError, SclcQaError

__all__ = ["add_error_handlers", "invalid", "text_field"]

LOG = logging.getLogger("sclc_qa.service")

_ERROR_TYPES = {
    400: "invalid_request_error",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    500: "internal_error",
    422: "invalid_request_error",
    503: "not_ready",
}


@contextmanager
def text_field(field: str) -> Iterator[None]:
    """The engine calls any text it is given "question"; name the request's own field."""
    try:
        yield
    except InvalidQueryError as exc:
        if exc.param != "question":
            raise
        raise InvalidQueryError(str(exc), param=field) from None


def invalid(param: str, message: str) -> RequestValidationError:
    """A 422 for the body's field `param`, shaped as FastAPI's own validation errors."""
    return RequestValidationError(
        [{"loc": ("body", param), "msg": message, "type": "value_error", "input": None}]
    )


def _error(
    status: int,
    message: str,
    *,
    param: str | None = None,
    detail: list[dict[str, Any]] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "error": {
            "type": _ERROR_TYPES.get(status, "error" if status < 500 else "internal_error"),
            # Messages may quote what the client sent (an id, a field name): never all of it.
            "message": _clip(message, MAX_MESSAGE_CHARS),
            "param": _clip(param, MAX_NAME_CHARS) if param is not None else None,
        }
    }
    if detail is not None:
        body["detail"] = detail
    return JSONResponse(body, status_code=status, headers=dict(headers or {}))


MAX_MESSAGE_CHARS = 500
MAX_NAME_CHARS = 100
MAX_ERRORS_LISTED = 20  # in `detail`
MAX_ERRORS_SAID = 5  # in `message`


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _json_error(error: Mapping[str, Any]) -> str:
    """`the body is not valid JSON: Expecting ',' delimiter at character 28`."""
    why = str((error.get("ctx") or {}).get("error") or error.get("msg") or "")
    loc = error.get("loc", ())
    at = f" at character {loc[1]}" if len(loc) > 1 and isinstance(loc[1], int) else ""
    return f"the body is not valid JSON: {why}{at}"


def _unreadable(cause: BaseException | None) -> str:
    """Why the JSON parser gave up on a body, in the client's terms."""
    if isinstance(cause, UnicodeDecodeError):
        return "it is not UTF-8 text"
    if isinstance(cause, RecursionError):
        return "it is nested too deeply"
    if isinstance(cause, ValueError) and "integer string conversion" in str(cause):
        return _TOO_MANY_DIGITS
    return "it is not valid JSON"


# Python's JSON parser refuses integers of over 4300 digits; no field allows one that large.
_TOO_MANY_DIGITS = "a number in it is out of range (over 4300 digits)"
_HUGE_NUMBER = re.compile(rb'"([A-Za-z_][A-Za-z0-9_]{0,63})"\s*:\s*-?\d{4301}')


def _huge_number_field(body: bytes) -> str | None:
    """The field that holds the over-long number, as in `{"top_k": 9999…}`, if it is plain."""
    found = _HUGE_NUMBER.search(body)
    return found.group(1).decode() if found else None


def add_error_handlers(app: FastAPI) -> None:
    async def validation(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        errors = exc.errors()
        detail = [
            {
                "loc": [_clip(str(p), MAX_NAME_CHARS) for p in e.get("loc", ())],
                "msg": _clip(str(e.get("msg", "")).removeprefix("Value error, "), 300),
                "type": e.get("type"),
            }
            for e in errors[:MAX_ERRORS_LISTED]
        ]
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        whole_body = any(e["loc"] == ["body"] and e["type"] != "json_invalid" for e in detail)
        if whole_body and kind and kind != "application/json" and not kind.endswith("+json"):
            message = f"send the body as JSON (Content-Type: application/json), not {kind}"
            return _error(415, _clip(message, MAX_MESSAGE_CHARS))
        if whole_body and not kind and any(e["type"] != "missing" for e in detail):
            # FastAPI reads a body as JSON only when it is declared JSON.
            message = (
                "the request has no Content-Type header; send the JSON body with "
                "Content-Type: application/json"
            )
            return _error(415, message)
        messages = []
        for e, raw in zip(detail, errors, strict=False):
            where = ".".join(e["loc"][1:])
            if e["type"] == "json_invalid":
                messages.append(_json_error(raw))
                e["loc"] = e["loc"][:1]
                e["msg"] = messages[-1]
            elif not where:
                messages.append(
                    "a JSON body is required"
                    if e["type"] == "missing"
                    else f"the body must be a JSON object ({e['msg']})"
                )
            else:
                messages.append(f"{where}: {e['msg']}")
        if len(errors) > MAX_ERRORS_SAID:
            more = len(errors) - MAX_ERRORS_SAID
            messages[MAX_ERRORS_SAID:] = [f"and {more} more (see detail)"]
        first = detail[0]["loc"] if detail else []
        param = ".".join(first[1:]) or None
        return _error(422, "; ".join(messages), param=param, detail=detail)

    async def http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 400 and message == "There was an error parsing the body":
            # FastAPI's answer to any failure to read a JSON body but a syntax error; the
            # exception it wraps says which.
            why = _unreadable(exc.__cause__)
            if why == _TOO_MANY_DIGITS and (field := _huge_number_field(await request.body())):
                why = "the number is out of range (over 4300 digits)"
                detail = [{"loc": ["body", field], "msg": why, "type": "less_than_equal"}]
                return _error(422, f"{field}: {why}", param=field, detail=detail)
            detail = [{"loc": ["body"], "msg": why, "type": "json_invalid"}]
            return _error(422, f"the body could not be read as JSON: {why}", detail=detail)
        path = _clip(request.url.path, MAX_NAME_CHARS)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no endpoint at {path}; see /docs for the API"
        elif exc.status_code == 405:
            allowed = (exc.headers or {}).get("Allow", "")
            message = f"{request.method} is not allowed on {path} (allowed: {allowed})"
        return _error(exc.status_code, message, headers=exc.headers)

    async def invalid_query(_: Request, exc: Exception) -> JSONResponse:
        param = exc.param if isinstance(exc, InvalidQueryError) else None
        return _error(422, f"{param}: {exc}" if param else str(exc), param=param)

    async def not_found(_: Request, exc: Exception) -> JSONResponse:
        param = exc.param if isinstance(exc, NotFoundError) else None
        return _error(404, f"{param}: {exc}" if param else str(exc), param=param)

    async def library_error(_: Request, exc: Exception) -> JSONResponse:
        LOG.error("engine error: %s", exc)
        return _error(500, str(exc))

    app.add_exception_handler(RequestValidationError, validation)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(InvalidQueryError, invalid_query)
    app.add_exception_handler(NotFoundError, not_found)
    app.add_exception_handler(SclcQaError, library_error)
    # Anything else is answered by RequestContextMiddleware: a JSON 500 with the request id.
