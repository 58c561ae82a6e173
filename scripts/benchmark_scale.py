#!/usr/bin/env python3
"""The scale curve: build the review plus N NCI PDQ summaries and measure each index.

    .venv/bin/python scripts/benchmark_scale.py                  # N = 1, 10, 50 (slow)
    .venv/bin/python scripts/benchmark_scale.py --sizes 1        # the review + the NSCLC summary
    .venv/bin/python scripts/benchmark_scale.py --sizes 1,10 --questions 30 --keep

Figures are printed and written, never asserted (these machines are noisy). For each N, in a
fresh temporary corpus (the review, plus N summaries copied byte-identical from
../shared/corpus-pdq/), `sclc-qa build` runs from scratch in its own process and we report:
  * documents, characters, vectors (chunks + sentences), build seconds: the manifest's
    `build_seconds` and the process's wall time (start-up and any encoder export included);
  * word pieces embedded per second, against the encoder's raw throughput: the embedder that
    `Engine.build` uses, encoding ~2,000 chunk texts directly, measured once in this run;
  * index size on disk (build folder + per-document cache; the whole index folder beside it)
    and the build's peak RSS;
  * `Engine.ask` p50 / p95 over the first `--questions` eval questions (their text only).
N = 1 is the NSCLC treatment summary; larger N add a seeded shuffle of the others, nested.
When 10 is among the sizes, one summary of the 11-document corpus gets one more sentence and
the index is rebuilt in place: the rebuild's time as a share of the full build's (target
≤ 15%, issue 7), and how many documents it embedded (should be 1).

Peak RSS comes from a small helper process per build that runs the CLI and reads
`resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`, so each build's figure is its own.
Writes eval/report/scale.json and eval/report/scale.png (or under --out).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
PDQ_DIR = ROOT.parent / "shared" / "corpus-pdq"
FIRST_PDQ = "types-lung-hp-non-small-cell-lung-treatment-pdq"
CLI = ROOT / ".venv" / "bin" / "sclc-qa"
QUESTIONS = ROOT / "eval" / "questions.jsonl"
ADDED_SENTENCE = (
    "\n\nThis sentence was appended by the scale benchmark to time an incremental build.\n"
)
MIB = 1024 * 1024
_RAW_SEED = 0  # the raw-throughput sample stays the same whatever --seed shuffles

# Runs the build and reports the peak RSS of its process tree: RUSAGE_CHILDREN only ever grows,
# so a fresh helper per build keeps one build's figure from leaking into the next.
_RSS_HELPER = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
print(json.dumps({
    "rc": done.returncode,
    "seconds": time.perf_counter() - started,
    "peak_rss_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    "stdout": done.stdout,
    "stderr": done.stderr,
}))
"""


class BenchmarkError(Exception):
    """Something the benchmark cannot go on without; main prints it on one line."""


@dataclass(frozen=True)
class BuildFigures:
    """One `sclc-qa build`, as its manifest and the process saw it."""

    wall_seconds: float
    build_seconds: float  # the manifest's: parse, cut, embed and write, without process start
    peak_rss_mib: float
    documents: int
    characters: int
    chunks: int
    sentences: int
    vectors: int
    embedded_documents: int
    embedded_ids: list[str]
    wordpieces: int
    embedding_seconds: float
    wordpieces_per_second: float
    build_dir_mib: float
    vectors_mib: float  # the FAISS files, within the build folder
    cache_mib: float  # index/cache/: every document's parse and vectors
    index_mib: float  # build folder + cache
    other_mib: float  # anything else under the index folder (e.g. an exported encoder)
    other_paths: list[str]
    total_mib: float  # the whole index folder
    log: list[str]  # the build's own progress and summary lines


@dataclass(frozen=True)
class AskFigures:
    questions: int
    load_seconds: float
    timing_ms_p50: float
    timing_ms_p95: float
    wall_ms_p50: float
    wall_ms_p95: float
    wall_seconds: float
    abstained: int


@dataclass(frozen=True)
class SizeFigures:
    pdq_documents: int
    build: BuildFigures
    ask: AskFigures | None


@dataclass(frozen=True)
class RawFigures:
    """The build's encoder on a fixed sample of chunk texts, best of `rounds`: the runtime
    alone on ready batches (`raw_*`, where the embedder can time that itself, else the same as
    `encode_*`) and `encode` end to end, word-piece counting and batching included."""

    embedder: str
    method: str
    texts: int
    wordpieces: int
    rounds: int
    raw_seconds: float
    raw_wordpieces_per_second: float
    encode_seconds: float
    encode_wordpieces_per_second: float


@dataclass(frozen=True)
class IncrementalFigures:
    documents: int
    changed: str
    changed_chars: int
    full_build_seconds: float
    rebuild_seconds: float
    fraction: float  # rebuild_seconds / full_build_seconds (manifest figures)
    full_wall_seconds: float
    rebuild_wall_seconds: float
    wall_fraction: float
    embedded_documents: int
    embedded_ids: list[str]
    log: list[str]


@dataclass(frozen=True)
class ScaleRun:
    """Everything one run measured: what scale.json holds."""

    machine: dict[str, Any]
    seed: int
    pdq_documents: dict[str, list[str]]
    raw: RawFigures | None
    sizes: list[SizeFigures]
    incremental: IncrementalFigures | None


# --- the corpora -----------------------------------------------------------------------------


def pdq_order(pdq_dir: Path, seed: int) -> list[str]:
    """Every PDQ summary's stem: the NSCLC one first, then the others in a seeded shuffle, so
    that any prefix is the corpus of that size and larger corpora include smaller ones."""
    stems = sorted(p.stem for p in pdq_dir.glob("*.md"))
    if FIRST_PDQ not in stems:
        raise BenchmarkError(f"{pdq_dir} has no {FIRST_PDQ}.md; restore ../shared/corpus-pdq/")
    others = [s for s in stems if s != FIRST_PDQ]
    return [FIRST_PDQ, *random.Random(seed).sample(others, len(others))]


def make_corpus(dest: Path, stems: Sequence[str], pdq_dir: Path) -> None:
    """The review's corpus folder plus the named summaries and their metadata, byte-identical."""
    dest.mkdir(parents=True)
    for path in (ROOT / "corpus").iterdir():
        if path.is_file():
            shutil.copyfile(path, dest / path.name)
    for stem in stems:
        for name in (f"{stem}.md", f"{stem}.meta.json"):
            if (pdq_dir / name).is_file():
                # copyfile, not copy2: the shared files are read-only, and one gets appended to
                shutil.copyfile(pdq_dir / name, dest / name)


def read_questions(limit: int) -> list[str]:
    """The `question` text of the first `limit` lines of the dev question file, nothing else."""
    out: list[str] = []
    with QUESTIONS.open(encoding="utf-8") as fh:
        for line in fh:
            if len(out) >= limit:
                break
            if line.strip():
                out.append(str(json.loads(line)["question"]))
    return out


# --- building --------------------------------------------------------------------------------


@dataclass(frozen=True)
class BuildRun:
    """What one `sclc-qa build` process left: its manifest, build folder, time, memory, log."""

    manifest: dict[str, Any]
    folder: Path
    wall_seconds: float
    peak_rss_mib: float
    log: list[str]


def run_build(corpus: Path, index: Path) -> BuildRun:
    """Run `sclc-qa build` in its own process, via the peak-RSS helper."""
    argv = [str(CLI), "--corpus-dir", str(corpus), "--index-dir", str(index), "build"]
    done = subprocess.run(
        [sys.executable, "-c", _RSS_HELPER, *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])
    log = [line.strip() for line in (report["stderr"] + report["stdout"]).splitlines()]
    if report["rc"] != 0:
        raise BenchmarkError(f"`{' '.join(argv)}` failed ({report['rc']}): {' | '.join(log)}")
    folder = index / (index / "CURRENT").read_text().strip()
    return BuildRun(
        manifest=json.loads((folder / "manifest.json").read_text()),
        folder=folder,
        wall_seconds=report["seconds"],
        peak_rss_mib=report["peak_rss_kib"] / 1024,
        log=log,
    )


def dir_mib(path: Path) -> float:
    """Bytes of every file under `path`, in MiB."""
    if not path.is_dir():
        return 0.0
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / MIB


def build_figures(corpus: Path, index: Path) -> tuple[BuildFigures, Path]:
    """Build `corpus` into `index` and read the figures back from the manifest and the disk."""
    done = run_build(corpus, index)
    manifest, folder = done.manifest, done.folder
    counts, embedding = manifest["counts"], manifest["embedding"]
    build_mib, cache_mib, total_mib = dir_mib(folder), dir_mib(index / "cache"), dir_mib(index)
    others = sorted(p.name for p in index.iterdir() if p.name not in {folder.name, "cache"})
    seconds = float(embedding["seconds"])
    figures = BuildFigures(
        wall_seconds=round(done.wall_seconds, 2),
        build_seconds=float(manifest["build_seconds"]),
        peak_rss_mib=round(done.peak_rss_mib, 1),
        documents=int(counts["documents"]),
        characters=sum(int(d["chars"]) for d in manifest["documents"]),
        chunks=int(counts["chunks"]),
        sentences=int(counts["sentences"]),
        vectors=int(counts["chunks"]) + int(counts["sentences"]),
        embedded_documents=int(embedding["documents"]),
        embedded_ids=[d["id"] for d in manifest["documents"] if d.get("embedded")],
        wordpieces=int(embedding["wordpieces"]),
        embedding_seconds=seconds,
        wordpieces_per_second=round(embedding["wordpieces"] / seconds, 1) if seconds else 0.0,
        build_dir_mib=round(build_mib, 2),
        vectors_mib=round(sum(p.stat().st_size for p in folder.glob("*.faiss")) / MIB, 2),
        cache_mib=round(cache_mib, 2),
        index_mib=round(build_mib + cache_mib, 2),
        other_mib=round(total_mib - build_mib - cache_mib, 2),
        other_paths=others,
        total_mib=round(total_mib, 2),
        log=done.log,
    )
    return figures, folder


def incremental_figures(
    corpus: Path, index: Path, stem: str, full: BuildFigures
) -> IncrementalFigures:
    """Append one sentence to `stem`'s copy and rebuild in place, timed against `full`."""
    path = corpus / f"{stem}.md"
    with path.open("a", encoding="utf-8") as fh:
        fh.write(ADDED_SENTENCE)
    again, _ = build_figures(corpus, index)
    return IncrementalFigures(
        documents=again.documents,
        changed=stem,
        changed_chars=len(path.read_text(encoding="utf-8")),
        full_build_seconds=full.build_seconds,
        rebuild_seconds=again.build_seconds,
        fraction=round(again.build_seconds / full.build_seconds, 4),
        full_wall_seconds=full.wall_seconds,
        rebuild_wall_seconds=again.wall_seconds,
        wall_fraction=round(again.wall_seconds / full.wall_seconds, 4),
        embedded_documents=again.embedded_documents,
        embedded_ids=again.embedded_ids,
        log=again.log,
    )


# --- the encoder's raw throughput ------------------------------------------------------------


class _Captured(Exception):
    def __init__(self, embedder: Any) -> None:
        super().__init__("embedder captured")
        self.embedder = embedder


def build_embedder(corpus: Path, scratch: Path) -> Any:
    """The embedder `Engine.build` would use, got by running `Engine.build` itself up to the
    point where it hands an embedder to `build_index`, so a change of backend is followed here
    without this script naming one."""
    import sclc_qa.engine as engine_module
    from sclc_qa import Settings

    def capture(*args: Any, **kwargs: Any) -> None:
        for value in [*args, *kwargs.values()]:
            if hasattr(value, "encode") and hasattr(value, "count_wordpieces"):
                raise _Captured(value)

    # The build's embedder may cache things under the index folder: give it one of its own.
    settings = Settings(corpus_dir=corpus, index_dir=scratch / "raw-encoder-index")
    with mock.patch.object(engine_module, "build_index", capture):
        try:
            engine_module.Engine.build(settings)
        except _Captured as got:
            return got.embedder
    raise BenchmarkError("Engine.build no longer passes an embedder to build_index; update me")


def sample_texts(build_folder: Path, n: int) -> list[str]:
    """A fixed sample of up to `n` chunk search texts (what a build embeds) of the review and
    the NSCLC summary, whatever the sizes, in index order so batches pad as in a build."""
    docs = {p.stem for p in (ROOT / "corpus").iterdir()} | {FIRST_PDQ}
    with (build_folder / "chunks.jsonl").open(encoding="utf-8") as fh:
        chunks = [json.loads(line) for line in fh if line.strip()]
    texts = [str(c["search_text"]) for c in chunks if c["doc"] in docs]
    keep = sorted(random.Random(_RAW_SEED).sample(range(len(texts)), min(n, len(texts))))
    return [texts[i] for i in keep]


def raw_figures(embedder: Any, texts: list[str], rounds: int) -> RawFigures:
    """The embedder's own `throughput` timing where it has one (ONNX Runtime alone beside
    `encode`), else `encode` timed here; a warm-up keeps model loading out of both."""
    name = type(embedder).__name__
    backend = getattr(embedder, "backend", None)
    label = f"{name} ({backend})" if backend else name
    measure = getattr(embedder, "throughput", None)
    if callable(measure):
        got = measure(texts, rounds=rounds)
        raw, encode = min(got.raw_seconds), min(got.encode_seconds)
        pieces, method = int(got.wordpieces), "Embedder.throughput"
    else:
        embedder.encode(texts[:8])
        pieces, method = sum(embedder.count_wordpieces(t) for t in texts), "encode, timed here"
        raw = encode = min(_timed(embedder.encode, texts) for _ in range(rounds))
    return RawFigures(
        embedder=label,
        method=method,
        texts=len(texts),
        wordpieces=pieces,
        rounds=rounds,
        raw_seconds=round(raw, 2),
        raw_wordpieces_per_second=round(pieces / raw, 1),
        encode_seconds=round(encode, 2),
        encode_wordpieces_per_second=round(pieces / encode, 1),
    )


def _timed(call: Any, *args: Any) -> float:
    started = time.perf_counter()
    call(*args)
    return time.perf_counter() - started


# --- asking ----------------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def ask_figures(corpus: Path, index: Path, questions: Sequence[str]) -> AskFigures:
    """Load the engine in this process, ask each question once, report its own timings."""
    from sclc_qa import Engine, Settings

    started = time.perf_counter()
    engine = Engine.load(Settings(corpus_dir=corpus, index_dir=index))
    load_seconds = time.perf_counter() - started
    timings: list[float] = []
    walls: list[float] = []
    abstained = 0
    began = time.perf_counter()
    for question in questions:
        t = time.perf_counter()
        answer = engine.ask(question)
        walls.append((time.perf_counter() - t) * 1000)
        timings.append(answer.timing_ms)
        abstained += answer.abstained
    wall_seconds = time.perf_counter() - began
    del engine
    gc.collect()
    return AskFigures(
        questions=len(questions),
        load_seconds=round(load_seconds, 2),
        timing_ms_p50=round(percentile(timings, 0.5), 2),
        timing_ms_p95=round(percentile(timings, 0.95), 2),
        wall_ms_p50=round(percentile(walls, 0.5), 2),
        wall_ms_p95=round(percentile(walls, 0.95), 2),
        wall_seconds=round(wall_seconds, 2),
        abstained=abstained,
    )


# --- reporting -------------------------------------------------------------------------------


def print_size(size: SizeFigures, raw: RawFigures | None) -> None:
    b, a = size.build, size.ask
    versus = (
        f" = {100 * b.wordpieces_per_second / raw.raw_wordpieces_per_second:.0f}% of the raw "
        f"encoder's {raw.raw_wordpieces_per_second:,.0f}/s"
        if raw
        else ""
    )
    print(
        f"\nreview + {size.pdq_documents} PDQ: {b.documents} documents, "
        f"{b.characters:,} characters, {b.vectors:,} vectors "
        f"({b.chunks:,} chunks + {b.sentences:,} sentences)"
    )
    print(f"  build        {b.build_seconds:.1f} s (process wall {b.wall_seconds:.1f} s)")
    print(
        f"  embedding    {b.wordpieces:,} word pieces in {b.embedding_seconds:.1f} s = "
        f"{b.wordpieces_per_second:,.0f}/s{versus}"
    )
    print(
        f"  on disk      {b.index_mib:.1f} MiB = build folder {b.build_dir_mib:.1f} MiB (vectors "
        f"{b.vectors_mib:.1f} MiB) + cache {b.cache_mib:.1f} MiB; whole index folder "
        f"{b.total_mib:.1f} MiB (also {', '.join(b.other_paths) or 'nothing'}: "
        f"{b.other_mib:.1f} MiB)"
    )
    print(f"  peak RSS     {b.peak_rss_mib:,.0f} MiB")
    if a:
        print(
            f"  ask          p50 {a.timing_ms_p50:.1f} ms, p95 {a.timing_ms_p95:.1f} ms "
            f"(Answer.timing_ms; wall p50 {a.wall_ms_p50:.1f} / p95 {a.wall_ms_p95:.1f} ms; "
            f"{a.questions} questions in {a.wall_seconds:.1f} s, {a.abstained} abstained; "
            f"load {a.load_seconds:.1f} s)"
        )


def print_raw(raw: RawFigures) -> None:
    print(
        f"  raw encoder {raw.embedder}, {raw.texts} texts, {raw.wordpieces:,} word pieces, "
        f"best of {raw.rounds} ({raw.method}): alone {raw.raw_seconds:.1f} s = "
        f"{raw.raw_wordpieces_per_second:,.0f}/s; encode() {raw.encode_seconds:.1f} s = "
        f"{raw.encode_wordpieces_per_second:,.0f}/s"
    )


def print_incremental(inc: IncrementalFigures) -> None:
    print(
        f"\nincremental: {inc.changed} ({inc.changed_chars:,} characters) got one sentence; "
        f"the {inc.documents}-document rebuild took {inc.rebuild_seconds:.1f} s of the full "
        f"build's {inc.full_build_seconds:.1f} s = {100 * inc.fraction:.1f}% (target ≤ 15%; "
        f"process wall {inc.rebuild_wall_seconds:.1f} / {inc.full_wall_seconds:.1f} s = "
        f"{100 * inc.wall_fraction:.1f}%), embedded {inc.embedded_documents} document(s): "
        f"{', '.join(inc.embedded_ids) or 'none'}"
    )


def plot(sizes: Sequence[SizeFigures], path: Path) -> None:
    """Three small panels: build time and vectors, ask latency, index size, each by documents."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    docs = [s.build.documents for s in sizes]
    fig, (left, middle, right) = plt.subplots(1, 3, figsize=(12, 3.4), layout="constrained")
    left.plot(docs, [s.build.wall_seconds for s in sizes], "o-", color="C0", label="process")
    left.plot(docs, [s.build.build_seconds for s in sizes], "o:", color="C0", label="manifest")
    left.set_ylabel("build time (s)", color="C0")
    vectors = left.twinx()
    vectors.plot(docs, [s.build.vectors for s in sizes], "s--", color="C1", label="vectors")
    vectors.set_ylabel("vectors", color="C1")
    lines = [*left.get_lines(), *vectors.get_lines()]
    left.legend(lines, [str(line.get_label()) for line in lines], loc="lower right")
    left.set_title("Full build")
    asked = [(s.build.documents, s.ask) for s in sizes if s.ask is not None]
    middle.plot([d for d, _ in asked], [a.timing_ms_p50 for _, a in asked], "o-", label="p50")
    middle.plot([d for d, _ in asked], [a.timing_ms_p95 for _, a in asked], "s--", label="p95")
    middle.set_ylabel("ask latency (ms)")
    middle.set_title("Engine.ask")
    middle.legend()
    right.plot(docs, [s.build.total_mib for s in sizes], "o-", label="index folder")
    right.plot(docs, [s.build.build_dir_mib for s in sizes], "s--", label="build folder")
    right.plot(docs, [s.build.cache_mib for s in sizes], "^:", label="cache")
    right.plot(docs, [s.build.vectors_mib for s in sizes], "v-.", label="FAISS vectors")
    right.set_ylabel("index on disk (MiB)")
    right.set_title("Index size")
    right.legend()
    for ax in (left, middle, right):
        ax.set_xscale("log")
        ax.set_xticks(docs, [str(d) for d in docs])
        ax.minorticks_off()
        ax.set_xlabel("documents (review + PDQ summaries)")
        ax.set_ylim(bottom=0)
    vectors.set_ylim(bottom=0)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)


# --- the run ---------------------------------------------------------------------------------


class _Help(argparse.RawDescriptionHelpFormatter, argparse.ArgumentDefaultsHelpFormatter):
    """Examples kept as written, and each option's default shown."""


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").splitlines()[0],
        formatter_class=_Help,
        epilog="examples:\n  .venv/bin/python scripts/benchmark_scale.py --sizes 1\n"
        "  .venv/bin/python scripts/benchmark_scale.py --sizes 1,10,50 --keep",
    )
    parser.add_argument("--sizes", default="1,10,50", help="PDQ summaries beside the review")
    parser.add_argument("--seed", type=int, default=7, help="shuffle of the extra summaries")
    parser.add_argument("--keep", action="store_true", help="keep the temporary corpora/indexes")
    parser.add_argument("--questions", type=int, default=60, help="eval questions to ask (0: no)")
    parser.add_argument("--raw", type=int, default=2000, help="texts for raw throughput (0: no)")
    parser.add_argument("--raw-rounds", type=int, default=1, help="raw timings; the best counts")
    parser.add_argument(
        "--out",
        type=Path,
        default=ROOT / "eval" / "report",
        help="where scale.json and scale.png go",
    )
    # Checks the incremental step on a small corpus; the reported figure is at 10 (11 documents).
    parser.add_argument("--incremental-base", type=int, default=10, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        args.sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        parser.error(f"--sizes takes numbers separated by commas, e.g. 1,10,50; got {args.sizes}")
    if not args.sizes or args.sizes[0] < 1:
        parser.error("--sizes must name at least one size, each 1 or more")
    if args.questions < 0 or args.raw < 0 or args.raw_rounds < 1:
        parser.error("--questions and --raw take 0 or more, --raw-rounds 1 or more")
    return args


def machine() -> dict[str, Any]:
    return {
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def run(args: argparse.Namespace, scratch: Path) -> ScaleRun:
    if not PDQ_DIR.is_dir():
        raise BenchmarkError(
            f"{PDQ_DIR} not found; the scale benchmark needs ../shared/corpus-pdq/"
        )
    if not CLI.is_file():
        raise BenchmarkError(f"{CLI} not found; run scripts/bootstrap first")
    order = pdq_order(PDQ_DIR, args.seed)
    if args.sizes[-1] > len(order):
        raise BenchmarkError(f"--sizes asks for {args.sizes[-1]}; {PDQ_DIR} has {len(order)}")
    questions = read_questions(args.questions)
    host = machine()
    print(f"scale benchmark: sizes {args.sizes}, seed {args.seed}, {len(questions)} questions")
    print(f"  machine: {host}")
    sizes: list[SizeFigures] = []
    raw: RawFigures | None = None
    incremental: IncrementalFigures | None = None
    for n in args.sizes:
        corpus, index = scratch / f"corpus-{n}", scratch / f"index-{n}"
        make_corpus(corpus, order[:n], PDQ_DIR)
        print(f"\nbuilding review + {n} PDQ in {index} …", flush=True)
        built, folder = build_figures(corpus, index)
        for line in built.log:
            print(f"  | {line}")
        if raw is None and args.raw > 0:
            print(f"measuring the raw encoder on {args.raw} chunk texts …", flush=True)
            raw = raw_figures(
                build_embedder(corpus, scratch), sample_texts(folder, args.raw), args.raw_rounds
            )
            print_raw(raw)
        asked = ask_figures(corpus, index, questions) if questions else None
        sizes.append(SizeFigures(pdq_documents=n, build=built, ask=asked))
        print_size(sizes[-1], raw)
        if n == args.incremental_base:
            incremental = incremental_figures(corpus, index, order[n - 1], built)
            print_incremental(incremental)
    return ScaleRun(
        machine=host,
        seed=args.seed,
        pdq_documents={str(n): order[:n] for n in args.sizes},
        raw=raw,
        sizes=sizes,
        incremental=incremental,
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))  # the in-process engine, as the CLI's package
    scratch = Path(tempfile.mkdtemp(prefix="sclc-qa-scale-"))
    try:
        result = run(args, scratch)
    except BenchmarkError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"\nkept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "scale.json").write_text(json.dumps(asdict(result), indent=2) + "\n")
    plot(result.sizes, args.out / "scale.png")
    print(f"\nwrote {args.out / 'scale.json'} and {args.out / 'scale.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
