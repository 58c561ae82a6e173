"""Waiting for a test server to turn ready, shared by the fixtures and the CLI tests."""

from __future__ import annotations

import time
from collections.abc import Callable

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
