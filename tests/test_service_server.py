"""The server's own bounds, over raw sockets against a real uvicorn on a free port: header size
and count (431), requests that never finish arriving (408 and closed within the timeout), idle
kept-alive connections, and the per-process connection cap (503). Fast: the fake-embedder
engine, short timeouts."""

from __future__ import annotations

import json
import select
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

import pytest
import uvicorn

from readiness import wait_until_ready
from sclc_qa.config import ServiceSettings, Settings
from sclc_qa.engine import Engine
from sclc_qa.service import create_app
from sclc_qa.service.security import SECURITY_HEADERS
from sclc_qa.service.server import Server, server_config

TIMEOUT = 1.5  # request_timeout_s in these tests
SLACK = 1.5  # scheduling on a busy machine


@contextmanager
def serving(app: Any, service: ServiceSettings) -> Iterator[tuple[str, int]]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(server_config(app, service, lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    address = ("127.0.0.1", int(sock.getsockname()[1]))
    try:
        wait_until_ready(f"http://127.0.0.1:{address[1]}", 30, alive=thread.is_alive)
        yield address
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="module")
def service() -> ServiceSettings:
    return ServiceSettings(
        request_timeout_s=TIMEOUT, keep_alive_s=1, max_connections=4, max_header_bytes=16 * 1024
    )


@pytest.fixture(scope="module")
def address(
    hashing_engine: Engine, hashing_settings: Settings, service: ServiceSettings
) -> Iterator[tuple[str, int]]:
    settings = hashing_settings.model_copy(update={"service": service})
    with serving(create_app(settings, engine=hashing_engine), service) as where:
        yield where


def connect(address: tuple[str, int]) -> socket.socket:
    sock = socket.create_connection(address, timeout=TIMEOUT + 2 * SLACK + 5)
    return sock


def read_all(sock: socket.socket) -> bytes:
    """Everything until the server closes the connection."""
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def parse(raw: bytes) -> tuple[int, dict[str, str], bytes]:
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers, body


def request(path: str = "/healthz", *headers: str, body: bytes = b"") -> bytes:
    lines = [f"GET {path} HTTP/1.1", "Host: localhost", *headers, "Connection: close"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def assert_json_error(raw: bytes, status: int) -> dict[str, Any]:
    got, headers, body = parse(raw)
    assert got == status, raw[:300]
    assert headers["content-type"] == "application/json"
    for name, value in SECURITY_HEADERS.items():
        assert headers[name.lower()] == value
    error = json.loads(body)["error"]
    assert set(error) == {"type", "message", "param"} and error["message"]
    return dict(error)


# --- header size and count ---------------------------------------------------------------------


@pytest.mark.parametrize("size", [20 * 1024, 1024 * 1024])
def test_an_oversized_header_is_a_431(address: tuple[str, int], size: int) -> None:
    with connect(address) as sock:
        # The server may answer and close before the whole megabyte is sent.
        with suppress(BrokenPipeError, ConnectionResetError):
            sock.sendall(request("/healthz", "X-Big: " + "a" * size))
        raw = read_all(sock)
    error = assert_json_error(raw, 431)
    assert "16384 bytes" in error["message"]


def test_a_header_under_the_limit_is_served(address: tuple[str, int]) -> None:
    with connect(address) as sock:
        sock.sendall(request("/healthz", "X-Big: " + "a" * 8000))
        status, _, body = parse(read_all(sock))
    assert status == 200 and json.loads(body) == {"status": "ok"}


def test_a_huge_request_line_is_a_431(address: tuple[str, int]) -> None:
    with connect(address) as sock:
        sock.sendall(request("/healthz?" + "q" * 100_000))
        assert_json_error(read_all(sock), 431)


def test_too_many_header_fields_are_a_431(address: tuple[str, int]) -> None:
    with connect(address) as sock:
        sock.sendall(request("/healthz", *(f"X-H{i}: 1" for i in range(150))))
        raw = read_all(sock)
    error = assert_json_error(raw, 431)
    assert "at most 100" in error["message"]
    assert parse(raw)[1]["x-request-id"]


def test_malformed_http_is_a_json_400(address: tuple[str, int]) -> None:
    with connect(address) as sock:
        sock.sendall(b"POST /ask HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n")
        assert_json_error(read_all(sock), 400)


# --- requests that never finish arriving ------------------------------------------------------


def closed_after(sock: socket.socket) -> tuple[bytes, float]:
    started = time.monotonic()
    raw = read_all(sock)
    return raw, time.monotonic() - started


def test_half_a_request_line_is_closed_within_the_timeout(address: tuple[str, int]) -> None:
    with connect(address) as sock:
        sock.sendall(b"GET /heal")
        raw, waited = closed_after(sock)
    error = assert_json_error(raw, 408)
    assert error["type"] == "request_timeout" and f"{TIMEOUT:g} s" in error["message"]
    assert TIMEOUT - 0.2 <= waited <= TIMEOUT + SLACK


def test_headers_without_their_end_are_closed_within_the_timeout(
    address: tuple[str, int],
) -> None:
    with connect(address) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n")
        raw, waited = closed_after(sock)
    assert_json_error(raw, 408)
    assert waited <= TIMEOUT + SLACK


def test_a_body_that_never_finishes_is_closed_within_the_timeout(
    address: tuple[str, int],
) -> None:
    with connect(address) as sock:
        head = (
            "POST /ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Content-Length: 100\r\n\r\n"
        )
        sock.sendall(head.encode() + b'{"question": ')
        raw, waited = closed_after(sock)
    assert_json_error(raw, 408)
    assert waited <= TIMEOUT + SLACK


def test_a_slow_drip_does_not_extend_the_deadline(address: tuple[str, int]) -> None:
    started = time.monotonic()
    with connect(address) as sock:
        # A byte every 0.1 s, until the server answers (or 13 s of dripping run out).
        for byte in b"GET /healthz HTTP/1.1\r\nX-Slow: " + b"a" * 100:
            sock.sendall(bytes([byte]))
            if select.select([sock], [], [], 0.1)[0]:
                break
        answered = time.monotonic() - started
        raw = read_all(sock)
    assert_json_error(raw, 408)
    assert answered <= TIMEOUT + SLACK


def test_a_silent_connection_is_closed_without_a_reply(address: tuple[str, int]) -> None:
    with connect(address) as sock:
        raw, waited = closed_after(sock)
    assert raw == b""
    assert waited <= TIMEOUT + SLACK


def test_a_request_sent_in_pieces_within_the_timeout_is_answered(
    address: tuple[str, int],
) -> None:
    with connect(address) as sock:
        for piece in (b"GET /hea", b"lthz HTTP/1.1\r\nHost: x\r\n", b"Connection: close\r\n\r\n"):
            sock.sendall(piece)
            time.sleep(TIMEOUT / 5)
        status, _, _ = parse(read_all(sock))
    assert status == 200


def test_a_kept_alive_connection_gets_a_fresh_deadline_per_request(
    address: tuple[str, int],
) -> None:
    with connect(address) as sock:
        keep = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
        for _ in range(3):  # together longer than one request's deadline
            sock.sendall(keep)
            reply = sock.recv(65536)
            assert reply.startswith(b"HTTP/1.1 200"), reply
            time.sleep(TIMEOUT / 2)
        # Then idle: closed after keep_alive_s, without a reply.
        raw, waited = closed_after(sock)
    assert raw == b""
    assert waited <= 1 + SLACK


# --- the connection cap ------------------------------------------------------------------------


def test_connections_over_the_cap_are_a_503(address: tuple[str, int]) -> None:
    holders = [connect(address) for _ in range(4)]  # the cap, held open without a request
    try:
        time.sleep(0.2)
        with connect(address) as sock:
            sock.sendall(request("/healthz"))
            raw = read_all(sock)
        error = assert_json_error(raw, 503)
        assert parse(raw)[1]["retry-after"] == "1"
        assert "4 connections" in error["message"]
    finally:
        for holder in holders:
            holder.close()
    time.sleep(0.3)
    with connect(address) as sock:
        sock.sendall(request("/healthz"))
        assert parse(read_all(sock))[0] == 200


# --- shutdown ----------------------------------------------------------------------------------


def test_a_request_during_shutdown_gets_a_503_not_a_reset(
    hashing_engine: Engine, hashing_settings: Settings
) -> None:
    """While the server stops it drains: for `drain_s` a new request, on a new connection or
    on one kept alive from before, is answered 503 `shutting_down` with `Connection: close`;
    then the server stops listening and a new connection is refused, never reset."""
    service = ServiceSettings(drain_s=2.0)
    settings = hashing_settings.model_copy(update={"service": service})
    app = create_app(settings, engine=hashing_engine)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    server = Server(server_config(app, service, lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    address = ("127.0.0.1", int(sock.getsockname()[1]))
    try:
        wait_until_ready(f"http://127.0.0.1:{address[1]}", 30, alive=thread.is_alive)
        kept = connect(address)
        kept.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        assert kept.recv(65536).startswith(b"HTTP/1.1 200 ")
        server.should_exit = True
        time.sleep(0.5)  # uvicorn looks at should_exit every 0.1 s, then drains
        assert thread.is_alive()
        with connect(address) as fresh:
            fresh.sendall(request())
            raw = read_all(fresh)
        error = assert_json_error(raw, 503)
        assert error["type"] == "shutting_down"
        _, headers, _ = parse(raw)
        assert headers["connection"] == "close" and headers["retry-after"] == "1"
        kept.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        assert assert_json_error(read_all(kept), 503)["type"] == "shutting_down"
        kept.close()
        thread.join(timeout=15)
        assert not thread.is_alive()
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(address, timeout=5)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
