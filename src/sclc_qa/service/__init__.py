"""The HTTP service: `create_app()` returns the FastAPI app that `sclc-qa serve` runs."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
