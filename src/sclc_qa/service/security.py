"""Browser security headers and the Host check, shared by the app and the HTTP protocol.

Every response carries `SECURITY_HEADERS`. The chat page and the API run under `CSP`, which
allows scripts and styles from this origin only (the page has no inline script, style or
handler). The API doc pages are built by FastAPI with one inline script (Swagger UI's set-up)
and inline styles (ReDoc's), so `docs_csp` allows exactly those scripts by hash, and nothing
from elsewhere: their assets are served locally too.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence

__all__ = ["CSP", "SECURITY_HEADERS", "docs_csp", "host_allowed", "host_of"]

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)

SECURITY_HEADERS: dict[str, str] = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": CSP,
}

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def docs_csp(html: str) -> str:
    """The policy for a doc page FastAPI generated: its own inline scripts by hash, inline
    styles (ReDoc injects them), and blob: workers (ReDoc's search)."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in _INLINE_SCRIPT.findall(html)
    )
    return (
        f"default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )


def host_of(header: str) -> str:
    """The host name of a `Host` header: no port, lower case, no trailing dot;
    `[::1]:8000` → `::1`."""
    value = header.strip().lower()
    if value.startswith("["):
        value = value[1 : value.find("]")] if "]" in value else value[1:]
    elif value.count(":") == 1:
        value = value.partition(":")[0]
    return value.rstrip(".")


def host_allowed(header: str | None, allowed: Sequence[str]) -> bool:
    """Whether a request's `Host` header names one of `allowed` (no list: any host).
    `*.example.org` matches every subdomain of example.org; `*` matches anything."""
    if not allowed:
        return True
    if header is None:
        return "*" in allowed
    host = host_of(header)
    for pattern in allowed:
        if pattern == "*" or pattern == host:
            return True
        if pattern.startswith("*.") and host.endswith(pattern[1:]):
            return True
    return False
