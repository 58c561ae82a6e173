#!/usr/bin/env python3
"""HTTP speed and memory figures for `sclc-qa serve`, printed, never asserted (noisy machines).

    .venv/bin/python scripts/benchmark_http.py                  # about a minute
    .venv/bin/python scripts/benchmark_http.py --duration 10 --clients 4
    .venv/bin/python scripts/benchmark_http.py --distinct       # every request runs the model

Starts `sclc-qa serve` on a free loopback port (the `sclc-qa` beside this Python, same
environment, --index-dir/--corpus-dir passed through) and measures, over loopback only:
  * launch to the first 200 from GET /readyz (polled every 20 ms; gives up after 60 s);
  * POST /ask at concurrency 1: one keep-alive client, a warm-up pass over 20 questions, then
    every eval question once, in order: client wall time p50 / p95 / max and the server's own
    `timing_ms` p50 (the engine's share; the rest is HTTP, JSON and the thread hand-off). The
    warm-up questions are reworded, so no measured question hits the query-vector cache;
  * throughput: --clients threads, each with its own keep-alive `http.client` connection (the
    cheapest client, since the load generator shares the cores with the server), POSTing /ask
    with the eval questions in turn for --duration seconds: requests/s, errors (any non-200 or
    exception), latency p50 / p95 / max under load. By then every eval question has been asked
    once, so this phase measures repeated questions (query vectors cached) unless --distinct
    appends a request number to each question, which makes every request encode afresh;
  * the server's peak and current RSS (VmHWM, VmRSS), its PSS at the end with the private and
    shared parts of its RSS (shared pages, counted once in PSS), and the CPU seconds the server
    and this load generator each spent during the throughput phase, to show how the cores were
    shared.
Targets (issue #3): /ask p50 ≤ 25 ms, p95 ≤ 60 ms at concurrency 1; ≥ 100 requests/s for 30 s
with 8 clients and no errors; serve → /readyz 200 ≤ 8 s.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import httpx

from sclc_qa.config import Settings

ROOT = Path(__file__).resolve().parent.parent
CLI = str(Path(sys.executable).parent / "sclc-qa")
HOST = "127.0.0.1"
READY_POLL_S = 0.02
READY_GIVE_UP_S = 60.0
WARMUP_QUESTIONS = 20
STOP_WAIT_S = 10.0
TAIL_LINES = 20
CLK_TCK = os.sysconf("SC_CLK_TCK")

TARGET_P50_MS = 25.0
TARGET_P95_MS = 60.0
TARGET_RPS = 100.0
TARGET_READY_S = 8.0


@dataclass
class LoadResult:
    """What the load generator saw: latencies of the 200s, and how many requests failed."""

    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    first_error: str | None = None


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _load_questions(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _cpu_seconds(pid: int) -> float:
    """utime + stime of a process, from /proc/<pid>/stat."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()  # the command name may hold spaces
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # fields 14 and 15 of the whole line


def _tree(pid: int) -> list[int]:
    """`pid` and all its descendants (the worker processes of `serve --workers N`)."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue  # gone meanwhile
        ppid = int(text[text.rindex(")") + 2 :].split()[1])
        parents.setdefault(ppid, []).append(int(stat.parent.name))
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        todo.extend(parents.get(current, []))
    return out


def _tree_cpu_seconds(pid: int) -> float:
    total = 0.0
    for p in _tree(pid):
        with contextlib.suppress(OSError):
            total += _cpu_seconds(p)
    return total


def _own_cpu_seconds() -> float:
    return time.process_time()  # user + system, all threads of this process


def _memory_mib(pid: int) -> dict[str, float]:
    """VmHWM (peak RSS) and VmRSS in MiB, summed over the server and its worker processes."""
    out: dict[str, float] = {"VmHWM": 0.0, "VmRSS": 0.0}
    for p in _tree(pid):
        try:
            lines = Path(f"/proc/{p}/status").read_text().splitlines()
        except OSError:
            continue
        for line in lines:
            key, _, value = line.partition(":")
            if key in out:
                out[key] += int(value.split()[0]) / 1024
    return out


def _proportional_mib(pid: int) -> dict[str, float]:
    """PSS (shared pages divided among the processes that map them), and the private and
    shared parts of RSS, in MiB, summed over the server's processes (/proc/PID/smaps_rollup).
    Workers share the libraries and the read-only index pages, so PSS is what the server
    really costs the machine; the RSS sum counts every shared page once per process."""
    keys = {"Pss": "pss", "Private_Clean": "private", "Private_Dirty": "private"}
    keys |= {"Shared_Clean": "shared", "Shared_Dirty": "shared"}
    out: dict[str, float] = {"pss": 0.0, "private": 0.0, "shared": 0.0}
    for p in _tree(pid):
        try:
            lines = Path(f"/proc/{p}/smaps_rollup").read_text().splitlines()
        except OSError:
            continue
        for line in lines:
            key, _, value = line.partition(":")
            if key in keys:
                out[keys[key]] += int(value.split()[0]) / 1024
    return out


def _tail(log: IO[bytes], lines: int = TAIL_LINES) -> str:
    log.flush()
    log.seek(0)
    text = log.read().decode("utf-8", errors="replace")
    return "\n".join(text.splitlines()[-lines:])


def _start_server(args: argparse.Namespace, port: int, log: IO[bytes]) -> subprocess.Popen[bytes]:
    command = [CLI]
    if args.index_dir is not None:
        command += ["--index-dir", str(args.index_dir)]
    if args.corpus_dir is not None:
        command += ["--corpus-dir", str(args.corpus_dir)]
    command += ["serve", "--host", HOST, "--port", str(port)]
    if args.workers is not None:
        command += ["--workers", str(args.workers)]
    # Its own session: a Ctrl+C here reaches only this script, which then stops the server.
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=dict(os.environ),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=log,
        start_new_session=True,
    )


def _stop_server(server: subprocess.Popen[bytes]) -> None:
    """SIGINT (uvicorn's graceful stop), then SIGTERM, then SIGKILL."""
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
        if server.poll() is not None:
            return
        server.send_signal(sig)
        try:
            server.wait(timeout=STOP_WAIT_S)
        except subprocess.TimeoutExpired:
            continue


def _wait_ready(base: str, server: subprocess.Popen[bytes], launched: float) -> float | None:
    """Seconds from launch to the first 200 from /readyz; None if the server died or took
    longer than READY_GIVE_UP_S."""
    with httpx.Client(base_url=base, timeout=1.0) as client:
        while time.perf_counter() - launched < READY_GIVE_UP_S:
            if server.poll() is not None:
                return None
            try:
                if client.get("/readyz").status_code == 200:
                    return time.perf_counter() - launched
            except httpx.TransportError:
                pass  # not listening yet
            time.sleep(READY_POLL_S)
    return None


def _wait_all_ready(log: IO[bytes], processes: int, launched_wall: float) -> float | None:
    """Seconds from launch until the last of `processes` workers logged that it serves (the
    step before it takes connections), read from the server's JSON log lines' timestamps."""
    deadline = time.monotonic() + READY_GIVE_UP_S
    while time.monotonic() < deadline:
        log.seek(0)
        stamps = [
            line["ts"]
            for raw in log.read().splitlines()
            if raw.startswith(b"{")
            and "serves index" in (line := json.loads(raw)).get("message", "")
        ]
        if len(stamps) >= processes:
            last = max(
                datetime.fromisoformat(ts.replace("Z", "+00:00")).timestamp()
                for ts in stamps[:processes]
            )
            return last - launched_wall
        time.sleep(READY_POLL_S)
    return None


def _sequential(base: str, questions: list[str]) -> tuple[list[float], list[float], int]:
    """Warm up, then ask every question once: client ms, server `timing_ms`, errors."""
    client_ms: list[float] = []
    server_ms: list[float] = []
    errors = 0
    with httpx.Client(base_url=base, timeout=30.0) as client:
        for q in questions[:WARMUP_QUESTIONS]:
            client.post("/ask", json={"question": f"Warm-up: {q}"})  # not a cached query
        for q in questions:
            started = time.perf_counter()
            response = client.post("/ask", json={"question": q})
            elapsed = (time.perf_counter() - started) * 1000
            if response.status_code != 200:
                errors += 1
                continue
            client_ms.append(elapsed)
            server_ms.append(float(response.json()["timing_ms"]))
    return client_ms, server_ms, errors


def _bodies(questions: list[str], distinct: bool, offset: int, count: int) -> list[bytes]:
    out = []
    for n in range(count):
        q = questions[(offset + n) % len(questions)]
        if distinct:
            q = f"{q} (request {offset + n})"
        out.append(json.dumps({"question": q}).encode())
    return out


def _client_loop(
    port: int, bodies: list[bytes], deadline: float, result: LoadResult, lock: threading.Lock
) -> None:
    """One client: keep-alive POST /ask until the deadline, reconnecting after a failure."""
    latencies: list[float] = []
    errors = 0
    first_error: str | None = None
    headers = {"Content-Type": "application/json", "Connection": "keep-alive"}
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    n = 0
    while time.perf_counter() < deadline:
        body = bodies[n % len(bodies)]
        n += 1
        started = time.perf_counter()
        try:
            conn.request("POST", "/ask", body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as exc:
            errors += 1
            first_error = first_error or repr(exc)
            conn.close()
            conn = http.client.HTTPConnection(HOST, port, timeout=30)
            continue
        if status == 200:
            latencies.append((time.perf_counter() - started) * 1000)
        else:
            errors += 1
            first_error = first_error or f"HTTP {status}"
    conn.close()
    with lock:
        result.latencies_ms.extend(latencies)
        result.errors += errors
        result.first_error = result.first_error or first_error


def _throughput(
    port: int, questions: list[str], clients: int, duration: float, distinct: bool
) -> tuple[LoadResult, float]:
    """`clients` threads hammering /ask for `duration` seconds; the result and the wall time."""
    result = LoadResult()
    lock = threading.Lock()
    # Enough distinct bodies that --distinct never repeats one within the run.
    per_client = 4000 if distinct else len(questions)
    stride = per_client if distinct else max(1, len(questions) // clients)
    bodies = [_bodies(questions, distinct, i * stride, per_client) for i in range(clients)]
    started = time.perf_counter()
    deadline = started + duration
    threads = [
        threading.Thread(target=_client_loop, args=(port, b, deadline, result, lock), daemon=True)
        for b in bodies
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return result, time.perf_counter() - started


def _row(figure: str, measured: str, target: str, met: bool | None) -> str:
    verdict = "" if met is None else (" ✓" if met else " ✗")
    return f"| {figure} | {measured} | {target}{verdict} |"


def _report(figures: dict[str, Any]) -> None:
    width = max(len(k) for k in figures)
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=30.0, help="throughput phase, seconds")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients under load")
    parser.add_argument(
        "--questions",
        type=Path,
        default=ROOT / "eval" / "questions.jsonl",
        help="JSONL file with a `question` field per line",
    )
    parser.add_argument(
        "--workers", type=int, help="server processes (`sclc-qa serve --workers`; its default)"
    )
    parser.add_argument("--index-dir", type=Path, help="passed to `sclc-qa --index-dir`")
    parser.add_argument("--corpus-dir", type=Path, help="passed to `sclc-qa --corpus-dir`")
    parser.add_argument(
        "--distinct",
        action="store_true",
        help="make every throughput question new, so no request hits the query-vector cache",
    )
    args = parser.parse_args()
    questions = _load_questions(args.questions)
    if not questions:
        print(f"error: no questions in {args.questions}", file=sys.stderr)
        return 2

    # A SIGTERM to this script unwinds through `finally` too, so the server never outlives it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    port = _free_port()
    base = f"http://{HOST}:{port}"
    figures: dict[str, Any] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.2f} at start",
    }
    with tempfile.TemporaryFile(prefix="sclc-qa-serve-") as log:
        launched, launched_wall = time.perf_counter(), time.time()
        server = _start_server(args, port, log)
        try:
            ready_s = _wait_ready(base, server, launched)
            if ready_s is None:
                why = (
                    f"exited with code {server.returncode}"
                    if server.poll() is not None
                    else f"not ready after {READY_GIVE_UP_S:.0f} s"
                )
                print(f"error: `sclc-qa serve` {why}; its stderr ends:", file=sys.stderr)
                print(_tail(log), file=sys.stderr)
                return 1
            figures["serve_to_readyz_200_s"] = round(ready_s, 2)
            if args.workers != 1:
                all_ready = _wait_all_ready(
                    log, args.workers or Settings().service.processes, launched_wall
                )
                figures["serve_to_all_workers_ready_s"] = (
                    round(all_ready, 2) if all_ready is not None else "never"
                )

            client_ms, server_ms, seq_errors = _sequential(base, questions)
            figures["ask_c1_requests"] = len(client_ms)
            figures["ask_c1_errors"] = seq_errors
            figures["ask_c1_ms_p50"] = round(_percentile(client_ms, 0.5), 2)
            figures["ask_c1_ms_p95"] = round(_percentile(client_ms, 0.95), 2)
            figures["ask_c1_ms_max"] = round(max(client_ms, default=float("nan")), 2)
            figures["ask_c1_server_timing_ms_p50"] = round(_percentile(server_ms, 0.5), 2)
            overhead = [c - s for c, s in zip(client_ms, server_ms, strict=True)]
            figures["ask_c1_http_overhead_ms_p50"] = round(_percentile(overhead, 0.5), 2)

            server_cpu0, own_cpu0 = _tree_cpu_seconds(server.pid), _own_cpu_seconds()
            load, wall = _throughput(port, questions, args.clients, args.duration, args.distinct)
            server_cpu = _tree_cpu_seconds(server.pid) - server_cpu0
            own_cpu = _own_cpu_seconds() - own_cpu0
            done = len(load.latencies_ms)
            figures["load_clients"] = args.clients
            figures["load_questions"] = "distinct (model runs)" if args.distinct else "eval, cycled"
            figures["load_seconds"] = round(wall, 2)
            figures["load_requests_ok"] = done
            figures["load_errors"] = load.errors
            if load.first_error:
                figures["load_first_error"] = load.first_error
            figures["load_requests_per_s"] = round(done / wall, 1)
            figures["load_ms_p50"] = round(_percentile(load.latencies_ms, 0.5), 2)
            figures["load_ms_p95"] = round(_percentile(load.latencies_ms, 0.95), 2)
            figures["load_ms_max"] = round(max(load.latencies_ms, default=float("nan")), 2)
            figures["load_server_cpu_s"] = round(server_cpu, 2)
            figures["load_server_cores_busy"] = round(server_cpu / wall, 2)
            figures["load_server_cpu_ms_per_request"] = round(server_cpu * 1000 / max(done, 1), 2)
            figures["load_generator_cpu_s"] = round(own_cpu, 2)
            figures["load_generator_cores_busy"] = round(own_cpu / wall, 2)

            figures["server_processes"] = len(_tree(server.pid))  # supervisor + workers
            memory = _memory_mib(server.pid)
            figures["server_peak_rss_mib (VmHWM)"] = round(memory.get("VmHWM", float("nan")))
            figures["server_rss_mib_at_end (VmRSS)"] = round(memory.get("VmRSS", float("nan")))
            shares = _proportional_mib(server.pid)
            figures["server_pss_mib_at_end"] = round(shares["pss"])
            figures["server_private_mib_at_end"] = round(shares["private"])
            figures["server_shared_mib_at_end"] = round(shares["shared"])
        finally:
            _stop_server(server)

    _report(figures)
    rps = figures["load_requests_per_s"]
    print()
    print("| figure | measured | target |")
    print("|---|---|---|")
    rows = [
        _row(
            "`sclc-qa serve` → /readyz 200",
            f"{figures['serve_to_readyz_200_s']} s",
            f"≤ {TARGET_READY_S:g} s",
            figures["serve_to_readyz_200_s"] <= TARGET_READY_S,
        ),
        _row(
            "POST /ask p50, 1 client",
            f"{figures['ask_c1_ms_p50']} ms",
            f"≤ {TARGET_P50_MS:g} ms",
            figures["ask_c1_ms_p50"] <= TARGET_P50_MS,
        ),
        _row(
            "POST /ask p95, 1 client",
            f"{figures['ask_c1_ms_p95']} ms",
            f"≤ {TARGET_P95_MS:g} ms",
            figures["ask_c1_ms_p95"] <= TARGET_P95_MS,
        ),
        _row(
            f"POST /ask throughput, {args.clients} clients, {args.duration:g} s",
            f"{rps} req/s",
            f"≥ {TARGET_RPS:g} req/s (8 clients, 30 s)",
            rps >= TARGET_RPS,
        ),
        _row(
            "errors under load",
            str(figures["load_errors"]),
            "0",
            figures["load_errors"] == 0,
        ),
        _row(
            "POST /ask p50 / p95 under load",
            f"{figures['load_ms_p50']} / {figures['load_ms_p95']} ms",
            "–",
            None,
        ),
        _row(
            "server peak RSS",
            f"{figures['server_peak_rss_mib (VmHWM)']} MiB",
            "–",
            None,
        ),
    ]
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
