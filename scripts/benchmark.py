#!/usr/bin/env python3
"""Speed and memory figures for sclc-qa, printed, never asserted (these machines are noisy).

    .venv/bin/python scripts/benchmark.py            # all figures
    .venv/bin/python scripts/benchmark.py --json     # the same, for machines

Measures, each in a fresh process where it matters:
  * `sclc-qa build` wall time and peak RSS (into a temporary index folder);
  * process start to first answer: `sclc-qa ask "…"` wall time and peak RSS, index already built;
  * `Engine.ask` warm latency p50 / p95 / max over every eval question, several rounds;
  * `Engine.search` warm latency p50 / p95.
Targets (issue #2): ask p50 ≤ 20 ms, p95 ≤ 40 ms; build ≤ 30 s; start to first answer ≤ 10 s.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = str(Path(sys.executable).with_name("sclc-qa"))
QUESTION = "What was the OS hazard ratio in CASPIAN?"


def _child_run(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process."""
    started = time.perf_counter()
    # A tiny wrapper reports the child's own peak RSS, since RUSAGE_CHILDREN only grows.
    wrapper = (
        "import resource, subprocess, sys;"
        "rc = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss);"
        "sys.exit(rc)"
    )
    out = subprocess.run(
        [sys.executable, "-c", wrapper, *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    return seconds, int(out.stdout.strip().splitlines()[-1]) / 1024


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the eval questions")
    args = parser.parse_args()

    figures: dict[str, object] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
    }

    # 1. Build into a scratch folder, in its own process.
    scratch = Path(tempfile.mkdtemp(prefix="sclc-qa-bench-"))
    try:
        env = {**os.environ, "SCLC_QA_INDEX_DIR": str(scratch / "index")}
        build_s, build_mib = _child_run([CLI, "build"], env)
        figures["build_seconds"] = round(build_s, 2)
        figures["build_peak_rss_mib"] = round(build_mib)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    # 2. Process start to first answer, against the project's index (build it if needed).
    if (
        subprocess.call(
            [CLI, "sections"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        != 0
    ):
        subprocess.run([CLI, "build"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    first = [_child_run([CLI, "ask", QUESTION]) for _ in range(3)]
    figures["start_to_first_answer_seconds"] = round(statistics.median(s for s, _ in first), 2)
    figures["ask_process_peak_rss_mib"] = round(max(m for _, m in first))

    # 3. Warm latency in this process.
    sys.path.insert(0, str(ROOT / "src"))
    from sclc_qa import Engine, Settings

    os.chdir(ROOT)
    engine = Engine.load(Settings())
    questions = [
        json.loads(line)["question"]
        for line in (ROOT / "eval" / "questions.jsonl").read_text().splitlines()
        if line.strip()
    ]
    engine.ask(QUESTION)  # warm-up: first call loads the transformer
    asks: list[float] = []
    searches: list[float] = []
    for _ in range(args.rounds):
        for q in questions:
            t = time.perf_counter()
            engine.ask(q)
            asks.append((time.perf_counter() - t) * 1000)
    for q in questions:
        t = time.perf_counter()
        engine.search(f"search: {q}", top_k=5)  # a new cache key, so the embedding is timed too
        searches.append((time.perf_counter() - t) * 1000)
    # The first round is the honest one: later rounds repeat questions and hit the query cache.
    first_round, repeats = asks[: len(questions)], asks[len(questions) :]
    figures["ask_calls"] = len(first_round)
    figures["ask_ms_p50"] = round(_percentile(first_round, 0.5), 2)
    figures["ask_ms_p95"] = round(_percentile(first_round, 0.95), 2)
    figures["ask_ms_max"] = round(max(first_round), 2)
    if repeats:
        figures["ask_ms_p50_repeated_question"] = round(_percentile(repeats, 0.5), 2)
    figures["search_ms_p50"] = round(_percentile(searches, 0.5), 2)
    figures["search_ms_p95"] = round(_percentile(searches, 0.95), 2)
    figures["engine_process_peak_rss_mib"] = round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    )

    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        width = max(len(k) for k in figures)
        for key, value in figures.items():
            print(f"{key:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
