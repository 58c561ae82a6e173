"""The HTTP server under the app: uvicorn with every per-connection resource bounded.

uvicorn's default HTTP parser (httptools) takes headers of any size, and no uvicorn parser
times out a request that never finishes arriving. So the server runs uvicorn's h11 protocol,
subclassed here:

* the request line and headers together may take `max_header_bytes`; more is a 431;
* a request must arrive whole (line, headers and body) within `request_timeout_s` of its first
  byte (or of the connection, for the first request); otherwise a 408 and the connection is
  closed, so half a request line holds nothing for long (slowloris);
* at most `max_connections` connections per worker process are served; a request over that is
  a 503 with `Retry-After`;
* an idle kept-alive connection is closed after `keep_alive_s`;
* on SIGTERM or Ctrl+C, for `drain_s` the server still accepts and answers every new request
  with a 503 `shutting_down` and `Connection: close`, then stops listening and finishes what is
  in flight: a request that arrives during shutdown gets an answer, not a connection reset.

(The header *count* is bounded in `RequestContextMiddleware`, which sees the parsed request.)
Replies the server writes itself carry the same JSON error shape and security headers as the
app's.
"""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import multiprocessing
import os
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from http import HTTPStatus
from typing import Any

import h11
import uvicorn
from uvicorn._subprocess import subprocess_started
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.server import ServerState
from uvicorn.supervisors.multiprocess import SIGNALS, Multiprocess, Process

from ..config import ServiceSettings
from ..errors import SclcQaError
from .security import SECURITY_HEADERS

__all__ = ["BoundedH11Protocol", "Server", "ServerConfig", "Supervisor", "server_config"]

# How long a connection the server has answered and is closing still reads (and drops) input.
_LINGER_S = 2.0

_ERROR_TYPES = {
    408: "request_timeout",
    431: "request_header_fields_too_large",
    400: "invalid_request_error",
    503: "overloaded",
}
_SHUTTING_DOWN = "the server is shutting down; send the request again in a moment"


class ServerConfig(uvicorn.Config):
    """uvicorn's configuration plus what `BoundedH11Protocol` reads. A plain subclass, so
    the supervisor can hand it to worker processes."""

    def __init__(
        self,
        app: Any,
        *,
        request_timeout_s: float,
        max_connections: int,
        drain_s: float = 0.0,
        **options: Any,
    ) -> None:
        super().__init__(app, http=BoundedH11Protocol, **options)
        self.request_timeout_s = request_timeout_s
        self.max_connections = max_connections
        self.drain_s = drain_s


def server_config(app: Any, service: ServiceSettings, **options: Any) -> ServerConfig:
    """The uvicorn configuration for `app` (an ASGI app, or an import string) with the limits
    of `service`; `options` are passed on to `uvicorn.Config`."""
    return ServerConfig(
        app,
        request_timeout_s=service.request_timeout_s,
        max_connections=service.max_connections,
        drain_s=service.drain_s,
        h11_max_incomplete_event_size=service.max_header_bytes,
        timeout_keep_alive=service.keep_alive_s,
        access_log=False,  # the app logs one JSON line per request itself
        log_config=None,
        server_header=False,
        **options,
    )


class Server(uvicorn.Server):
    """uvicorn's server, stopping on SIGTERM with exit status 0. uvicorn re-raises the signal
    after its graceful shutdown, which kills a lone process with status 143, while its
    supervisor of several workers exits 0: a stop that was asked for and done is a success."""

    drain_skipped = False

    @contextmanager
    def capture_signals(self) -> Iterator[None]:
        # SIGUSR1 (the supervisor's reload) stops the process without the drain: its
        # replacement is about to serve, so a request meanwhile waits for it instead of a 503.
        main = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGUSR1, self._stop_for_reload) if main else None
        try:
            with super().capture_signals():
                yield
                self._captured_signals = [s for s in self._captured_signals if s != signal.SIGTERM]
        finally:
            if main:
                signal.signal(signal.SIGUSR1, previous)

    def _stop_for_reload(self, sig: int, frame: Any) -> None:
        self.drain_skipped = True
        self.should_exit = True

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        """Drain first: for `drain_s` keep listening and keep the connections, answering each
        new request with a 503 (`BoundedH11Protocol` reads the flag), then stop as uvicorn
        does. A second Ctrl+C (force exit) and a reload (SIGUSR1) skip the drain."""
        drain = getattr(self.config, "drain_s", 0.0)
        if drain > 0 and not self.force_exit and not self.drain_skipped:
            self.server_state.draining = True  # type: ignore[attr-defined]
            LOG.info("draining for %.1f s: new requests get a 503", drain)
            await asyncio.sleep(drain)
        await super().shutdown(sockets)


LOG = logging.getLogger("sclc_qa.service")
# A worker that dies is restarted after 1, 2, 4, … up to 30 s; one that has served for a minute
# starts again from 1 s.
BACKOFF_FIRST_S = 1.0
BACKOFF_MAX_S = 30.0
STABLE_S = 60.0


class WorkerProcess(Process):
    """uvicorn's worker process, running this module's `Server` (SIGTERM exit 0, the drain)
    instead of uvicorn's, and forked rather than spawned: it starts with what the supervisor
    has already imported and loaded (the engine, see `app.preload`), so it is ready in a tenth
    of a second instead of re-importing and re-loading everything, and shares those pages."""

    def __init__(self, config: uvicorn.Config, sockets: list[socket.socket]) -> None:
        super().__init__(config, sockets)
        kwargs = {"config": config, "target": self.target, "sockets": sockets}
        self.process = _FORK.Process(target=_forked, kwargs=kwargs)  # type: ignore[assignment]

    @property
    def server(self) -> uvicorn.Server:
        if self._server is None:
            self._server = Server(config=self.config)
        return self._server


_FORK = multiprocessing.get_context("fork")


def _forked(config: uvicorn.Config, target: Callable[..., None], sockets: Any) -> None:
    """A forked worker's first step: the supervisor's signal handlers only queue signals for
    the supervisor's loop, which does not run here; until its server installs its own, a
    worker stops on SIGTERM as any process does."""
    for sig in SIGNALS:
        signal.signal(sig, signal.SIG_DFL)
    subprocess_started(config=config, target=target, sockets=sockets, stdin_fileno=None)


def freeze_for_fork() -> None:
    """Move everything loaded so far out of the garbage collector's sight: a collection in a
    worker would otherwise write to every object's header and copy the supervisor's pages
    that the workers share."""
    gc.collect()
    gc.freeze()


class Supervisor(Multiprocess):
    """uvicorn's supervisor of worker processes, with two changes.

    * A worker that exits (a crash, a kill, or an index it must not serve) is restarted after
      a delay that doubles with each failure in a row, and the server goes on with the others;
      uvicorn restarts at once, or stops the whole server when a worker fails at start-up.
    * SIGHUP is a reload: `repin` verifies the index and names the build that the new workers
      must serve, then every worker is stopped and new ones started. The new workers take
      connections only once loaded, so no two builds ever answer side by side. If `repin`
      fails, the old workers go on serving.
    """

    def __init__(
        self,
        config: uvicorn.Config,
        sockets: list[socket.socket],
        *,
        repin: Callable[[], str] | None = None,
    ) -> None:
        super().__init__(config, sockets)
        self.repin = repin
        self._failures: dict[int, int] = {}
        self._started: dict[int, float] = {}
        self._restart_at: dict[int, float] = {}

    def init_processes(self) -> None:
        for _ in range(self.processes_num):
            process = WorkerProcess(self.config, self.sockets)
            process.start()
            self.processes.append(process)
        now = time.monotonic()
        self._started = dict.fromkeys(range(len(self.processes)), now)

    def keep_subprocess_alive(self) -> None:
        if self.should_exit.is_set():
            return
        for idx, process in enumerate(self.processes):
            now = time.monotonic()
            if idx in self._restart_at:
                if now >= self._restart_at[idx]:
                    del self._restart_at[idx]
                    self._start(idx)
                continue
            if process.is_alive(timeout=self.config.timeout_worker_healthcheck):
                if now - self._started.get(idx, now) > STABLE_S:
                    self._failures[idx] = 0
                continue
            process.kill()  # dead, or hung: not answering the health check
            process.join()
            if self.should_exit.is_set():
                return
            failures = self._failures.get(idx, 0) + 1
            self._failures[idx] = failures
            delay = min(BACKOFF_MAX_S, BACKOFF_FIRST_S * 2 ** (failures - 1))
            LOG.warning(
                "worker process %s exited (code %s); restarting it in %.0f s",
                process.pid,
                process.process.exitcode,
                delay,
            )
            self._restart_at[idx] = now + delay

    def terminate_all(self) -> None:
        """Stop: first let go of the supervisor's own copy of the listening socket (it never
        accepts), so that once the draining workers close theirs, a new connection is refused
        at once instead of waiting in a queue nobody reads and being reset."""
        for sock in self.sockets:
            sock.close()
        super().terminate_all()

    def handle_hup(self) -> None:
        if self.repin is not None:
            try:
                build = self.repin()
            except SclcQaError as exc:
                LOG.error("not reloading, the workers go on serving: %s", exc)
                return
            LOG.info("reloading: every worker now serves index build %s", build)
        for process in self.processes:
            if process.pid is not None and process.process.exitcode is None:
                with suppress(ProcessLookupError):  # it may have died a moment ago
                    os.kill(process.pid, signal.SIGUSR1)  # stop without the drain (see Server)
        for process in self.processes:
            process.join()
        self._restart_at.clear()
        self._failures.clear()
        for idx in range(len(self.processes)):
            self._start(idx)

    def _start(self, idx: int) -> None:
        process = WorkerProcess(self.config, self.sockets)
        process.start()
        self.processes[idx] = process
        self._started[idx] = time.monotonic()


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
