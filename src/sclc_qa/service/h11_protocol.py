"""uvicorn's h11 protocol, subclassed so that no connection can hold the server's resources.

uvicorn's default HTTP parser (httptools) takes headers of any size, and no uvicorn parser
times out a request that never finishes arriving. So `BoundedH11Protocol` bounds each
connection:

* the request line and headers together may take `max_header_bytes`; more is a 431;
* a request must arrive whole (line, headers and body) within `request_timeout_s` of its first
  byte (or of the connection, for the first request); otherwise a 408 and the connection is
  closed, so half a request line holds nothing for long (slowloris);
* at most `max_connections` connections per worker process are served; a request over that is
  a 503 with `Retry-After`;
* while the server drains before stopping (`server.Server.shutdown`), every new request is
  answered with a 503 `shutting_down` and `Connection: close`.

Replies the protocol writes itself carry the same JSON error shape and security headers as the
app's.
"""

from __future__ import annotations

import asyncio
import json
from http import HTTPStatus
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.server import ServerState

from .security import SECURITY_HEADERS

__all__ = ["BoundedH11Protocol"]

# How long a connection the server has answered and is closing still reads (and drops) input.
_LINGER_S = 2.0

_ERROR_TYPES = {
    408: "request_timeout",
    431: "request_header_fields_too_large",
    400: "invalid_request_error",
    503: "overloaded",
}
_SHUTTING_DOWN = "the server is shutting down; send the request again in a moment"


class BoundedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a 431 for oversized heads, a deadline for each request to
    arrive whole, and a cap on concurrent connections (see the module's docstring)."""

    def __init__(
        self,
        config: uvicorn.Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self.request_timeout_s: float = getattr(config, "request_timeout_s", 10.0)
        self.max_connections: int | None = getattr(config, "max_connections", None)
        self.max_head_bytes = config.h11_max_incomplete_event_size or 16 * 1024
        self._deadline: asyncio.TimerHandle | None = None
        self._seen_bytes = False  # of the request now arriving
        self._lingering = False  # replied and closing: input is dropped
        if self.max_connections is not None:
            self.app = self._capped(self.app)

    # --- the request deadline ------------------------------------------------------------

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        if self._lingering:
            return  # the reply is sent; what still arrives is dropped
        draining = getattr(self.server_state, "draining", False)
        if draining and self._awaiting_request() and self.conn.our_state == h11.IDLE:
            # A new request while the server stops (none of ours under way): answer it.
            self._reply_and_close(503, _SHUTTING_DOWN, kind="shutting_down")
            return
        if self._deadline is None and self._awaiting_request():
            self._arm()  # the first bytes of the next request on a kept-alive connection
        self._seen_bytes = True
        super().data_received(data)
        if not self._awaiting_request():
            self._disarm()  # the whole request is in: the app's own time is not limited here

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def on_response_complete(self) -> None:
        self._seen_bytes = False
        super().on_response_complete()

    def _awaiting_request(self) -> bool:
        return self.conn.their_state in (h11.IDLE, h11.SEND_BODY)

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(self.request_timeout_s, self._timed_out)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _timed_out(self) -> None:
        self._deadline = None
        if self.transport.is_closing() or not self._awaiting_request():
            return
        cycle = self.cycle if self.cycle is not None and not self.cycle.response_complete else None
        if cycle is not None:
            # The head arrived but the body did not: the app is waiting for it. Tell it the
            # client has gone, and answer for it if it has not started to.
            cycle.disconnected = True
            cycle.message_event.set()
            if cycle.response_started:
                self.transport.close()
                return
        if self._seen_bytes or cycle is not None:
            message = (
                f"the request did not arrive whole within {self.request_timeout_s:g} s; "
                "send the request line, headers and body at once"
            )
            self._reply_and_close(408, message)
        else:
            self.transport.close()  # a connection that never sent a byte: nothing to answer

    # --- oversized heads ------------------------------------------------------------------

    def send_400_response(self, msg: str) -> None:
        # h11 refuses a head that outgrows its buffer ("Receive buffer too long"): that is a 431.
        pending, _ = self.conn.trailing_data
        if len(pending) > self.max_head_bytes:
            message = (
                f"the request line and headers are larger than {self.max_head_bytes} bytes; "
                "send fewer or shorter headers"
            )
            self._reply_and_close(431, message)
        else:
            self._reply_and_close(400, "the request is not valid HTTP/1.1")

    # --- the connection cap ---------------------------------------------------------------

    def _capped(self, app: Any) -> Any:
        limit = self.max_connections
        state = self.server_state

        async def capped(scope: Any, receive: Any, send: Any) -> None:
            # This connection and this request's task are already counted.
            if scope["type"] == "http" and (
                len(state.connections) > limit or len(state.tasks) > limit  # type: ignore[operator]
            ):
                body = _error_body(503, f"the server is at its {limit} connections; retry shortly")
                headers = [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"retry-after", b"1"),
                    (b"connection", b"close"),
                    *_security_headers(),
                ]
                await send({"type": "http.response.start", "status": 503, "headers": headers})
                await send({"type": "http.response.body", "body": body})
                return
            await app(scope, receive, send)

        return capped

    # --- replies written by the server itself ---------------------------------------------

    def _reply_and_close(self, status: int, message: str, *, kind: str | None = None) -> None:
        self._disarm()
        body = _error_body(status, message, kind)
        head = [
            f"HTTP/1.1 {status} {HTTPStatus(status).phrase}".encode(),
            b"content-type: application/json",
            b"content-length: " + str(len(body)).encode(),
            b"connection: close",
            *([b"retry-after: 1"] if status == 503 else []),
            *(name + b": " + value for name, value in _security_headers()),
        ]
        self.transport.write(b"\r\n".join(head) + b"\r\n\r\n" + body)
        # Closing with the client's bytes still unread would send a reset, and the client
        # could lose the reply; so end our side, read and drop what still comes for a
        # moment, then close.
        self._lingering = True
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self.loop.call_later(_LINGER_S, self.transport.close)


def _error_body(status: int, message: str, kind: str | None = None) -> bytes:
    kind = kind or _ERROR_TYPES.get(status, "error")
    return json.dumps({"error": {"type": kind, "message": message, "param": None}}).encode()


def _security_headers() -> list[tuple[bytes, bytes]]:
    return [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
