"""Waiting for a test server to turn ready, shared by the fixtures and the CLI tests."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx


def wait_until_ready(base: str, timeout: float, alive: Callable[[], bool] = lambda: True) -> None:
    """Poll `base`/readyz until it answers 200; fail if `alive()` turns false or time runs out."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass  # not listening yet
        if not alive():
            raise RuntimeError(f"the server at {base} stopped before it was ready")
        if time.monotonic() > deadline:
            raise RuntimeError(f"the server at {base} was not ready in {timeout:.0f} s")
        time.sleep(0.05)


@contextmanager
def served(app: Any) -> Iterator[str]:
    """`app` served by uvicorn on a free loopback port in a thread; yields the base URL once
    /readyz answers, and stops the server on exit."""
    import socket
    import threading

    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_config=None, access_log=False, lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{sock.getsockname()[1]}"
    try:
        wait_until_ready(base, 30, alive=thread.is_alive)
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
