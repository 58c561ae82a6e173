"""What `sclc-qa serve` does once its options are read: one server process, or a supervisor
that loads the engine once and forks worker processes with it, all on one listening socket.

Kept out of `cli.py`, which only declares the command, because the process handling (settings
handed to workers through the environment, the preload, SIGHUP reloads) is a subject of its own.
"""

from __future__ import annotations

import json
import logging
import os
import socket
from functools import partial
from typing import Any

from pydantic import ValidationError

from .cli_errors import bad_input
from .config import ServiceSettings, Settings
from .errors import SclcQaError

__all__ = ["run_service", "service_settings"]


def service_settings(settings: Settings, given: dict[str, Any]) -> ServiceSettings:
    """The service settings with the command's options over them, validated like the rest."""
    try:
        return ServiceSettings.model_validate(settings.service.model_dump() | given)
    except ValidationError as exc:
        first = exc.errors()[0]
        option = _SERVE_OPTIONS.get(str(first["loc"][0]), str(first["loc"][0]))
        raise bad_input(f"invalid {option}: {first['msg'].removeprefix('Value error, ')}") from exc


_SERVE_OPTIONS = {
    "processes": "--workers",
    "threads": "--threads",
    "log_questions": "--log-questions",
    "allowed_hosts": "--allowed-host",
}


def run_service(settings: Settings, *, host: str, port: int) -> None:
    """Serve `settings.service` on `host:port` until Ctrl+C or SIGTERM; raise `SclcQaError` if
    the one server process could not load the engine."""
    import uvicorn

    from .service import create_app
    from .service.middleware import configure_logging
    from .service.server import Server, Supervisor, server_config

    service = settings.service
    failures: list[str] = []
    servers: list[uvicorn.Server] = []

    def stop(error: str) -> None:
        failures.append(error)
        for server in servers:
            server.should_exit = True

    if service.processes > 1:
        _export(settings)
        # The workers share the cores: each encodes a question on all of them, but its idle
        # threads yield. Measured on 2 cores, 2 workers, against one thread each: one client
        # 14.3 -> 11.3 ms at p50, 8 clients 131 -> 125 new questions/s; with spinning, 8
        # clients fall to 88/s.
        os.environ["SCLC_QA_QUERY_SPINNING"] = "false"
        settings = settings.model_copy(update={"query_spinning": False})
        # Load here, once, and fail here rather than in every worker; the workers are forked
        # with this engine and serve its build (SIGHUP loads the index anew, then replaces
        # the workers).
        _preload(settings)
        # Workers are killed at shutdown; the tracker then warns about semaphores they held.
        os.environ.setdefault("PYTHONWARNINGS", "ignore:resource_tracker:UserWarning")
        config = server_config(
            "sclc_qa.service.app:app_from_environment",
            service,
            factory=True,
            workers=service.processes,
            timeout_graceful_shutdown=5,
        )
    else:
        app = create_app(settings, on_load_error=stop)
        config = server_config(app, service, timeout_graceful_shutdown=5)
        servers.append(Server(config))
    configure_logging()
    sock = _listen(host, port)
    logging.getLogger("sclc_qa.service").info(
        "serving on http://%s:%d/ with %d process(es) (Ctrl+C to stop)",
        _display_host(host),
        port,
        service.processes,
    )
    try:
        if servers:
            servers[0].run(sockets=[sock])
        else:
            Supervisor(config, [sock], repin=partial(_preload, settings)).run()
    except KeyboardInterrupt:
        pass  # uvicorn re-raises Ctrl+C after a graceful shutdown: for a server, a normal stop
    finally:
        sock.close()
    if failures:
        raise SclcQaError(failures[0])


def _listen(host: str, port: int) -> socket.socket:
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError as exc:
        raise SclcQaError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    return sock


def _preload(settings: Settings) -> str:
    """Load the engine the worker processes are forked with, and pin its build."""
    import gc

    from .service.app import preload
    from .service.server import freeze_for_fork

    gc.unfreeze()  # an engine loaded before (a reload) may be collected once replaced
    build = preload(settings)
    os.environ["SCLC_QA_SERVICE__BUILD"] = build
    freeze_for_fork()
    return build


def _export(settings: Settings) -> None:
    """Hand the settings to worker processes, which read them from SCLC_QA_* variables."""
    os.environ["SCLC_QA_CORPUS_DIR"] = str(settings.corpus_dir.resolve())
    os.environ["SCLC_QA_INDEX_DIR"] = str(settings.index_dir.resolve())
    os.environ["SCLC_QA_SERVICE__THREADS"] = str(settings.service.threads)
    os.environ["SCLC_QA_SERVICE__LOG_QUESTIONS"] = str(settings.service.log_questions).lower()
    os.environ["SCLC_QA_SERVICE__ALLOWED_HOSTS"] = json.dumps(settings.service.allowed_hosts)


def _display_host(host: str) -> str:
    return "127.0.0.1" if host in ("0.0.0.0", "") else f"[{host}]" if ":" in host else host
