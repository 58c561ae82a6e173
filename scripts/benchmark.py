#!/usr/bin/env python3
"""Speed and memory figures for sclc-qa, printed, never asserted (these machines are noisy).

    .venv/bin/python scripts/benchmark.py            # all figures
    .venv/bin/python scripts/benchmark.py --json     # the same, for machines

Measures, each in a fresh process where it matters:
  * `sclc-qa build` wall time and peak RSS (into a temporary index folder): the first build
    exports the ONNX encoder, as a clean clone's does; later ones find it in index/encoder/ and
    embed the corpus again (their per-document cache is cleared first);
  * the build's embedding throughput (word pieces/s, from its manifest) beside ONNX Runtime's
    raw throughput on the same texts, measured in this process right after each build;
  * process start to first answer: `sclc-qa ask "…"` wall time and peak RSS, index already built;
  * a loaded engine's resident memory (RSS, and PSS: its share of pages other processes map too);
  * the query encode alone, and `Engine.ask` warm latency p50 / p95 / max over every eval
    question (every one new), then again over the 2,000 asked last (a repeated question, its
    vector cached); `Engine.search` warm latency p50 / p95.
Figures measured more than once print as median [min-max]; --json gives every run.
Targets (issue #10): build ≤ 8 s; embedding ≥ 12,000 word pieces/s and ≥ 90% of the raw runtime;
`sclc-qa ask` from cold ≤ 1 s and ≤ 250 MiB; ask p50 ≤ 8 ms.
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


class Spread(list[float]):
    """Repeated measurements of one figure: printed as median [min-max]."""

    def __str__(self) -> str:
        if not self:
            return "not measured"
        low, mid, high = min(self), statistics.median(self), max(self)
        digits = 0 if mid >= 100 or all(float(v).is_integer() for v in self) else 2
        return f"{mid:,.{digits}f} [{low:,.{digits}f}-{high:,.{digits}f}] over {len(self)} runs"


def _build_texts(index_dir: Path) -> list[str]:
    """The texts a build of `index_dir` embedded: chunk search texts, then sentences."""
    from sclc_qa.chunking import embed_text
    from sclc_qa.models import Chunk, Sentence

    build = index_dir / (index_dir / "CURRENT").read_text().strip()
    with (build / "chunks.jsonl").open() as fh:
        chunks = [Chunk.model_validate_json(line).search_text for line in fh]
    with (build / "sentences.jsonl").open() as fh:
        sentences = [embed_text(Sentence.model_validate_json(line)) for line in fh]
    return chunks + sentences


def _embedding_rate(index_dir: Path) -> float:
    """Word pieces per second the last build of `index_dir` embedded, from its manifest."""
    build = index_dir / (index_dir / "CURRENT").read_text().strip()
    embedding = json.loads((build / "manifest.json").read_text())["embedding"]
    return float(embedding["wordpieces"] / embedding["seconds"])


_ENGINE_MEMORY = """
import sys
from pathlib import Path
from sclc_qa import Engine, Settings
Engine.load(Settings()).ask(sys.argv[1])
status = Path("/proc/self/status").read_text()
rollup = Path("/proc/self/smaps_rollup").read_text()
def kib(text, key):
    return int(text.split(key + ":")[1].split()[0])
print(kib(status, "VmRSS"), kib(rollup, "Pss"), kib(status, "RssAnon"))
"""


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


# How many of the questions asked last are asked again for the repeated-question figure.
REPEATED = 2000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the eval questions")
    parser.add_argument("--builds", type=int, default=3, help="builds after the first (warm)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))

    figures: dict[str, object] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
    }

    # 1. Builds into a scratch folder, each in its own process; after each warm one, the raw
    # throughput of ONNX Runtime on the same texts, so that both see the same machine load.
    from sclc_qa.embedding import QUERY_ENCODER, MiniLMEmbedder
    from sclc_qa.onnx_encoder import FILES

    scratch = Path(tempfile.mkdtemp(prefix="sclc-qa-bench-"))
    try:
        index_dir = scratch / "index"
        env = {**os.environ, "SCLC_QA_INDEX_DIR": str(index_dir)}
        build_s, build_mib = _child_run([CLI, "build"], env)
        figures["build_seconds_first"] = round(build_s, 2)
        figures["build_peak_rss_mib_first"] = round(build_mib)
        texts = _build_texts(index_dir)
        # Builds replace their folder, so the raw runtime gets a copy of the encoder.
        live = index_dir / (index_dir / "CURRENT").read_text().strip()
        for name in FILES:
            shutil.copyfile(live / name, scratch / name)
        raw = MiniLMEmbedder()
        raw.use_compiled(scratch / QUERY_ENCODER)
        raw.throughput(texts[:64], rounds=1)  # session made, first runs done
        seconds, peaks = Spread(), Spread()
        build_rates, raw_rates, encode_rates = Spread(), Spread(), Spread()
        for _ in range(args.builds):
            shutil.rmtree(index_dir / "cache")  # embed again; the ONNX export stays cached
            build_s, build_mib = _child_run([CLI, "build"], env)
            seconds.append(round(build_s, 2))
            peaks.append(round(build_mib))
            build_rates.append(round(_embedding_rate(index_dir)))
            measured = raw.throughput(texts, rounds=1)
            raw_rates.append(round(measured.raw_rate))
            encode_rates.append(round(measured.encode_rate))
        figures["build_seconds"] = seconds
        figures["build_peak_rss_mib"] = peaks
        figures["build_embedding_wordpieces_per_s"] = build_rates
        figures["raw_onnxruntime_wordpieces_per_s"] = raw_rates
        figures["encode_in_process_wordpieces_per_s"] = encode_rates
        figures["build_share_of_raw_throughput"] = Spread(
            round(b / r, 3) for b, r in zip(build_rates, raw_rates, strict=True)
        )
        figures["embedded_texts"] = len(texts)
        del raw
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

    # 3. A loaded engine's memory, in a process of its own.
    memory = [
        subprocess.run(
            [sys.executable, "-c", _ENGINE_MEMORY, QUESTION],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        for _ in range(2)
    ]
    figures["engine_rss_mib"] = Spread(round(int(m[0]) / 1024) for m in memory)
    figures["engine_pss_mib"] = Spread(round(int(m[1]) / 1024) for m in memory)
    figures["engine_anonymous_rss_mib"] = Spread(round(int(m[2]) / 1024) for m in memory)

    # 4. Warm latency in this process.
    from sclc_qa import Engine, Settings

    os.chdir(ROOT)
    engine = Engine.load(Settings())
    questions = [
        json.loads(line)["question"]
        for line in (ROOT / "eval" / "questions.jsonl").read_text().splitlines()
        if line.strip()
    ]
    engine.ask(QUESTION)  # warm-up: first call loads the transformer
    encodes: list[float] = []
    for q in questions:
        t = time.perf_counter()
        engine.embedder.encode([q])
        encodes.append((time.perf_counter() - t) * 1000)
    figures["query_encode_ms_p50"] = round(_percentile(encodes, 0.5), 2)
    figures["query_encode_ms_p95"] = round(_percentile(encodes, 0.95), 2)
    asks: list[float] = []
    searches: list[float] = []
    # Later rounds ask again the questions asked last, as many as the engine's caches surely
    # hold (LRU caches of 4,096: a pass over more questions than that, in the same order, would
    # evict each just before it is asked again).
    recent = questions[-REPEATED:]
    for round_ in range(args.rounds):
        for q in questions if round_ == 0 else recent:
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
            print(f"{key:<{width}}  {value}")  # a Spread prints as median [min-max]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
