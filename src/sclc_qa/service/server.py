"""The HTTP server under the app: uvicorn with every per-connection resource bounded.

The server runs uvicorn's h11 protocol, subclassed in `h11_protocol` (a 431 for oversized
heads, a 408 for a request that does not arrive whole in time, a 503 over `max_connections`);
an idle kept-alive connection is closed after `keep_alive_s`. On SIGTERM or Ctrl+C, for
`drain_s` the server still accepts and answers every new request with a 503 `shutting_down`
and `Connection: close`, then stops listening and finishes what is in flight: a request that
arrives during shutdown gets an answer, not a connection reset. With several worker
processes, `Supervisor` forks them with the engine loaded, restarts one that dies, and
reloads them all on SIGHUP.

(The header *count* is bounded in `RequestContextMiddleware`, which sees the parsed request.)
"""

from __future__ import annotations

import asyncio
import gc
import logging
import multiprocessing
import os
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any

import uvicorn
from uvicorn._subprocess import subprocess_started
from uvicorn.supervisors.multiprocess import SIGNALS, Multiprocess, Process

from ..config import ServiceSettings
from ..errors import SclcQaError
from .h11_protocol import BoundedH11Protocol

__all__ = ["BoundedH11Protocol", "Server", "ServerConfig", "Supervisor", "server_config"]


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
