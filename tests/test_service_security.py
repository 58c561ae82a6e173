"""Browser security headers and the allowed-hosts setting, over the fake-embedder engine (fast:
no model). The chat page and /docs under their policies in a real browser: test_web_page.py."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from sclc_qa.config import ServiceSettings, Settings
from sclc_qa.engine import Engine
from sclc_qa.service import create_app
from sclc_qa.service.security import CSP, host_allowed, host_of

HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


@pytest.fixture(scope="module")
def app(hashing_engine: Engine, hashing_settings: Settings) -> Any:
    return create_app(hashing_settings, engine=hashing_engine)


@pytest.fixture(scope="module")
def client(app: Any) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def assert_secured(response: Any, csp: str = CSP) -> None:
    for name, value in HEADERS.items():
        assert response.headers.get(name) == value, (name, response.request.url)
    assert response.headers.get("content-security-policy") == csp


def directives(policy: str) -> dict[str, list[str]]:
    parts = (d.split() for d in policy.split(";") if d.strip())
    return {p[0]: p[1:] for p in parts}


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("GET", "/", {}, 200),
        ("GET", "/static/app.js", {}, 200),
        ("GET", "/static/app.css", {}, 200),
        ("GET", "/healthz", {}, 200),
        ("HEAD", "/readyz", {}, 200),
        ("GET", "/openapi.json", {}, 200),
        ("POST", "/ask", {"json": {"question": "What was the OS hazard ratio in CASPIAN?"}}, 200),
        ("POST", "/ask", {"json": {"question": ""}}, 422),
        ("POST", "/ask", {"content": b"{", "headers": {"content-type": "application/json"}}, 422),
        ("POST", "/ask", {"content": b"q=1", "headers": {"content-type": "text/plain"}}, 415),
        ("POST", "/ask", {"content": b"x" * 70_000}, 413),
        ("GET", "/ask", {}, 405),
        ("GET", "/no/such/page", {}, 404),
        ("GET", "/static/missing.js", {}, 404),
        ("GET", "/documents/nope/context?start=0&end=1", {}, 404),
        ("GET", "/static-offline-docs/swagger-ui-bundle.js", {}, 200),
    ],
)
def test_every_response_carries_the_security_headers(
    client: TestClient, method: str, path: str, kwargs: dict[str, Any], status: int
) -> None:
    r = client.request(method, path, **kwargs)
    assert r.status_code == status, r.text
    assert_secured(r)


def test_an_unexpected_error_is_secured_too(
    hashing_engine: Engine, hashing_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_: Any, **__: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(hashing_engine, "ask", boom)
    with TestClient(create_app(hashing_settings, engine=hashing_engine)) as c:
        r = c.post("/ask", json={"question": "What was the OS hazard ratio in CASPIAN?"})
    assert r.status_code == 500
    assert_secured(r)


def test_the_policy_allows_no_inline_script_or_outside_origin() -> None:
    policy = directives(CSP)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in CSP and "'unsafe-eval'" not in CSP


class _Inline(HTMLParser):
    """Collects what a strict CSP would block in a page: inline scripts, styles, handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.blocked: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        if tag == "script" and "src" not in names:
            self._in_script = True
        if tag == "style":
            self.blocked.append("<style>")
        self.blocked += [f"{tag}[{n}]" for n in names if n == "style" or n.startswith("on")]
        for name, value in attrs:
            if name in ("href", "src") and (value or "").lower().startswith("javascript:"):
                self.blocked.append(f"{tag}[{name}=javascript:]")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.blocked.append("inline <script>")


def test_the_chat_page_has_nothing_the_policy_would_block(client: TestClient) -> None:
    parser = _Inline()
    parser.feed(client.get("/").text)
    assert parser.blocked == []
    script = client.get("/static/app.js").text
    # Scripts that build HTML from strings or evaluate code would need 'unsafe-inline'/'eval'.
    for risky in ("innerHTML", "outerHTML", "eval(", "new Function", ".style.", 'setAttribute("on'):
        assert risky not in script, risky


@pytest.mark.parametrize("page", ["/docs", "/redoc", "/docs/oauth2-redirect"])
def test_doc_pages_admit_exactly_their_own_inline_scripts(client: TestClient, page: str) -> None:
    r = client.get(page)
    assert r.status_code == 200
    policy = r.headers["content-security-policy"]
    assert_secured(r, csp=policy)
    inline = re.findall(r"<script>(.*?)</script>", r.text, re.S)
    expected = {
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in inline
    }
    script_src = directives(policy)["script-src"]
    assert set(script_src) == {"'self'"} | expected
    assert "'unsafe-inline'" not in script_src
    assert directives(policy)["default-src"] == ["'self'"]
    assert directives(policy)["frame-ancestors"] == ["'none'"]
    for asset in re.findall(r'(?:src|href)="([^"]+)"', r.text):
        assert asset.startswith("/static-offline-docs/"), asset


# --- allowed hosts -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def restricted(hashing_engine: Engine, hashing_settings: Settings) -> Any:
    service = ServiceSettings(allowed_hosts=("qa.example.org", "*.internal.example", "127.0.0.1"))
    settings = hashing_settings.model_copy(update={"service": service})
    return create_app(settings, engine=hashing_engine)


@pytest.mark.parametrize(
    "host",
    [
        "qa.example.org",
        "QA.Example.org:8000",
        "qa.example.org.",
        "a.b.internal.example",
        "127.0.0.1:80",
    ],
)
def test_an_allowed_host_is_served(restricted: Any, host: str) -> None:
    with TestClient(restricted, base_url=f"http://{host}") as c:
        r = c.get("/healthz")
    assert r.status_code == 200, r.text


@pytest.mark.parametrize(
    "host", ["evil.example.com", "qa.example.org.evil.com", "internal.example", "localhost"]
)
def test_any_other_host_is_a_400_in_the_json_error_shape(restricted: Any, host: str) -> None:
    with TestClient(restricted, base_url=f"http://{host}") as c:
        for r in (c.get("/healthz"), c.post("/ask", json={"question": "x"}), c.get("/")):
            assert r.status_code == 400
            error = r.json()["error"]
            assert set(error) == {"type", "message", "param"}
            assert error["type"] == "invalid_request_error"
            assert host in error["message"] and "not served here" in error["message"]
            assert r.headers["x-request-id"]
            assert_secured(r)


def test_a_huge_host_is_not_echoed_whole(restricted: Any) -> None:
    with TestClient(restricted) as c:
        r = c.get("/healthz", headers={"host": "h" * 5000})
    assert r.status_code == 400
    assert len(r.json()["error"]["message"]) < 300


def test_without_the_setting_any_host_is_served(client: TestClient) -> None:
    assert client.get("/healthz", headers={"host": "anything.example"}).status_code == 200


@pytest.mark.parametrize(
    ("header", "host"),
    [
        ("Example.ORG", "example.org"),
        ("example.org:8000", "example.org"),
        ("example.org.", "example.org"),
        ("[::1]:8000", "::1"),
        ("[::1]", "::1"),
        ("127.0.0.1:9", "127.0.0.1"),
    ],
)
def test_host_of_drops_the_port_and_case(header: str, host: str) -> None:
    assert host_of(header) == host


def test_host_patterns() -> None:
    assert host_allowed("x", ())
    assert host_allowed(None, ("*",)) and not host_allowed(None, ("a.org",))
    assert host_allowed("[::1]:80", ("::1",))
    assert host_allowed("deep.sub.a.org", ("*.a.org",))
    assert not host_allowed("a.org", ("*.a.org",))
    assert not host_allowed("evila.org", ("*.a.org",))


@pytest.mark.parametrize(
    ("value", "hosts"),
    [
        ("qa.example.org,localhost", ("qa.example.org", "localhost")),
        (' ["QA.example.org", "::1"] ', ("qa.example.org", "::1")),
        ("*.example.org", ("*.example.org",)),
        ("", ()),
    ],
)
def test_allowed_hosts_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, value: str, hosts: tuple[str, ...]
) -> None:
    monkeypatch.setenv("SCLC_QA_SERVICE__ALLOWED_HOSTS", value)
    assert Settings().service.allowed_hosts == hosts


@pytest.mark.parametrize("value", ["http://qa.example.org", "qa.example.org:8000", "a b", "[x"])
def test_a_malformed_allowed_host_is_refused(value: str) -> None:
    with pytest.raises(ValidationError, match="allowed_hosts"):
        ServiceSettings(allowed_hosts=value)  # type: ignore[arg-type]
