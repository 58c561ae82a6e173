#!/usr/bin/env python3
"""GPU builds against CPU builds: speed, and whether anything an answer depends on moves.

    .venv/bin/python scripts/benchmark_gpu.py                       # eval/corpus: review + NSCLC
    .venv/bin/python scripts/benchmark_gpu.py --pdq ../shared/corpus-pdq --out gpu.json

On a machine with an NVIDIA GPU (`sclc-qa build --device cuda`), for the review and the NSCLC
summary (`eval/corpus/`) it:
  * builds the index twice from scratch, `--device cuda` and `--device cpu`, and prints each
    build's seconds, word pieces embedded per second and runtime;
  * holds the two indexes' vectors to each other (cosine per chunk and per sentence);
  * asks both engines the first `--questions` dev questions and counts answers that differ
    (quote, offsets, abstention) and top-5 passages that differ;
  * times the runtime alone on the same batches beside the build's encode (`throughput`), on
    the GPU and on every CPU core;
and with `--pdq`, builds the review plus every NCI PDQ summary there on the GPU (the corpus
that takes about an hour on two cores). Without a GPU it says so and exits 1.

Figures are printed and written (`--out`), never asserted: a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
REVIEW = ROOT / "corpus" / "es-sclc-immunotherapy-review.txt"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus-dir", type=Path, default=ROOT / "eval" / "corpus")
    parser.add_argument("--questions", type=int, default=1000, help="Dev questions asked.")
    parser.add_argument("--pdq", type=Path, help="Folder of PDQ summaries (*.md) to build too.")
    parser.add_argument("--out", type=Path, help="Write the figures here as JSON.")
    args = parser.parse_args()

    from sclc_qa.cuda_encoder import cuda_driver

    if not cuda_driver():
        print("no NVIDIA driver here: nothing to compare", file=sys.stderr)
        return 1
    figures: dict[str, Any] = {"machine": _machine()}

    def record(name: str, value: Any) -> None:
        """Print and write each figure as it comes: a run cut short keeps what it measured."""
        figures[name] = value
        print(f"{name}: {json.dumps(value)}", flush=True)
        if args.out:
            args.out.write_text(json.dumps(figures, indent=2) + "\n")

    record("machine", figures["machine"])
    with tempfile.TemporaryDirectory(prefix="sclc-qa-gpu-") as tmp:
        builds = {d: _build(args.corpus_dir, Path(tmp) / d, d) for d in ("cuda", "cpu")}
        record("builds", {d: b["figures"] for d, b in builds.items()})
        record("vectors", _vectors_agree(builds["cuda"]["path"], builds["cpu"]["path"]))
        if args.pdq:
            record("pdq", _pdq_build(args.pdq, Path(tmp)))
        gpu, cpu = builds["cuda"]["settings"], builds["cpu"]["settings"]
        record("throughput", _throughput(gpu))
        record("answers", _answers_agree(args, gpu, cpu))
    return 0


def _machine() -> dict[str, Any]:
    import onnxruntime as ort
    import torch

    return {
        "cpu_cores": len(os.sched_getaffinity(0)),
        "gpu": torch.cuda.get_device_name() if torch.cuda.is_available() else None,
        "torch": torch.__version__,
        "onnxruntime": ort.__version__,
        "onnxruntime_providers": ort.get_available_providers(),
    }


def _build(corpus_dir: Path, index_dir: Path, device: str) -> dict[str, Any]:
    from sclc_qa.config import Settings
    from sclc_qa.engine import Engine

    # SCLC_QA_MODEL_DIR, where the model is not the installed package's, is read here too.
    settings = Settings(corpus_dir=corpus_dir, index_dir=index_dir, build_device=device)
    started = time.perf_counter()
    manifest = Engine.build(settings)
    wall = time.perf_counter() - started
    emb = manifest.embedding
    figures = {
        "runtime": emb.runtime,
        "build_seconds": manifest.build_seconds,
        "wall_seconds_with_export": round(wall, 2),
        "embed_seconds": emb.seconds,
        "wordpieces": emb.wordpieces,
        "wordpieces_per_s": round(emb.wordpieces / emb.seconds),
        "vectors": manifest.counts.chunks + manifest.counts.sentences,
    }
    print(f"{device}: {figures}", file=sys.stderr)
    return {"figures": figures, "settings": settings, "path": _current(index_dir)}


def _current(index_dir: Path) -> Path:
    (build,) = [p for p in index_dir.iterdir() if p.name.startswith("build-")]
    return build


def _vectors_agree(a: Path, b: Path) -> dict[str, float]:
    import faiss

    out = {}
    for name in ("chunks", "sentences"):
        x, y = (faiss.read_index(str(p / f"{name}.faiss")) for p in (a, b))
        va, vb = x.reconstruct_n(0, x.ntotal), y.reconstruct_n(0, y.ntotal)
        cosines = np.sum(va * vb, axis=1)
        out[f"{name}_min_cosine"] = round(float(cosines.min()), 6)
        out[f"{name}_mean_cosine"] = round(float(cosines.mean()), 6)
    return out


def _answers_agree(
    args: argparse.Namespace, gpu_settings: Any, cpu_settings: Any
) -> dict[str, Any]:
    from sclc_qa.engine import Engine

    questions = [
        json.loads(line)["question"] for line in (ROOT / "eval" / "questions.jsonl").open()
    ]
    questions = questions[: args.questions]
    gpu, cpu = Engine.load(gpu_settings), Engine.load(cpu_settings)

    def key(answer: Any) -> tuple[Any, ...]:
        cited = answer.citations[0] if answer.citations else None
        return (answer.answer, answer.abstained, cited and (cited.start, cited.end))

    answers = sum(key(gpu.ask(q)) != key(cpu.ask(q)) for q in questions)
    passages = sum(_hits(gpu, q) != _hits(cpu, q) for q in questions)
    return {"questions": len(questions), "answers_differ": answers, "top5_differ": passages}


def _hits(engine: Any, question: str) -> list[tuple[str, int, int]]:
    return [(p.doc, p.start, p.end) for p in engine.search(question, top_k=5)]


def _throughput(settings: Any) -> dict[str, Any]:
    from sclc_qa.embedding import MiniLMEmbedder

    chunks = (_current(settings.index_dir) / "chunks.jsonl").read_text().splitlines()
    out = {}
    for device in ("cuda", "cpu"):
        embedder = MiniLMEmbedder(
            settings.model_dir, device=device, cache_dir=settings.index_dir / "encoder"
        )
        texts = [embedder.truncate(json.loads(line)["text"]) for line in chunks]
        measured = embedder.throughput(texts, rounds=3)
        out[device] = {
            "runtime": embedder.runtime,
            "texts": len(texts),
            "raw_wordpieces_per_s": round(measured.raw_rate),
            "encode_wordpieces_per_s": round(measured.encode_rate),
            "share_of_raw": round(measured.encode_rate / measured.raw_rate, 3),
        }
    return out


def _pdq_build(pdq: Path, tmp: Path) -> dict[str, Any]:
    import torch

    corpus = tmp / "pdq-corpus"
    corpus.mkdir()
    for path in sorted(pdq.glob("*.md")):
        shutil.copyfile(path, corpus / path.name)
    shutil.copyfile(REVIEW, corpus / REVIEW.name)
    torch.cuda.reset_peak_memory_stats()
    figures = _build(corpus, tmp / "pdq-index", "cuda")["figures"]
    figures["documents"] = len(list(corpus.iterdir()))
    figures["characters"] = sum(len(p.read_text(encoding="utf-8")) for p in corpus.iterdir())
    figures["gpu_peak_mib"] = round(torch.cuda.max_memory_allocated() / 2**20)
    return figures


if __name__ == "__main__":
    sys.exit(main())
