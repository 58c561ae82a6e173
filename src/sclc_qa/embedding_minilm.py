"""The real embedder, all-MiniLM-L6-v2, on ONNX Runtime (the query path and builds) or on
sentence-transformers (the reference that tests hold the ONNX vectors to).

Its own module so that `embedding` stays the small interface that the index and retrieval
depend on. Importing it stays cheap: torch and transformers load only to export the model or to
run the reference, sentence-transformers only for the reference, tqdm only to show progress.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np

from .config import BuildDevice
from .cuda_encoder import GPU_BATCH_TEXTS, GPU_BATCH_WORDPIECES, GpuEncoder, open_gpu
from .embedding_files import (
    MODEL_NAME,
    model_dir,
    verify_model,
    wordpiece_limit,
    wordpiece_tokenizer,
)
from .errors import ModelError
from .onnx_encoder import (
    FILES,
    GRAPH,
    Batch,
    OnnxEncoder,
    Vectors,
    batches_by_length,
    cached_export,
    export_onnx,
)

__all__ = ["MiniLMEmbedder", "Throughput", "usable_cores"]


class MiniLMEmbedder:
    """all-MiniLM-L6-v2: mean pooling over word pieces, then L2 normalisation, 256-piece limit.

    `backend="onnx"` runs the model exported to ONNX on ONNX Runtime (`onnx_encoder`): from the
    index's `query-encoder.onnx` when `use_compiled` names it (no torch, transformers or
    sentence-transformers import), else exported from the verified weights on first use, into
    `cache_dir` when one is given (a build passes `index/encoder/`, so the next build reuses
    it), and `prepare=True` does that at once. Up to four texts run on `query_threads`
    threads (spin-waiting between steps only if `query_spinning`), larger batches (a build's)
    on every core. `backend="sentence-transformers"` runs
    the reference implementation (imports in ~7 s); a test holds the two to a cosine of 0.999.

    `device` says where batches larger than a question's run: "cpu"; "cuda", an NVIDIA GPU
    (`cuda_encoder`), refused with a `ModelError` if none can be used; "auto", the GPU when one
    can be used, else the CPU. Questions always run on the CPU.

    `weights=False` (serving) does not read model.safetensors until something needs the weights
    themselves (an export, the reference backend), and verifies them then: an index that carries
    its query encoder is served without them, so the runtime image can leave them out.
    """

    name = MODEL_NAME
    dim = 384

    def __init__(
        self,
        directory: Path | None = None,
        *,
        backend: Literal["onnx", "sentence-transformers"] = "onnx",
        cache_dir: Path | None = None,
        prepare: bool = False,
        query_threads: int | None = None,
        query_spinning: bool = True,
        batch_size: int = 32,
        weights: bool = True,
        device: BuildDevice = "cpu",
    ) -> None:
        self.directory = directory or model_dir()
        self.sha256 = verify_model(self.directory, weights=weights)
        self._weights_verified = weights
        self.backend = backend
        self.cache_dir = cache_dir
        self.batch_size = batch_size  # the reference backend's
        self.max_wordpieces = wordpiece_limit(self.directory / "sentence_bert_config.json")
        self._lock = threading.Lock()
        self._reference: Any = None
        self._encoder: OnnxEncoder | None = None
        self.device = device
        self._gpu: GpuEncoder | None = None
        self._gpu_looked = device == "cpu"
        self._gpu_lock = threading.Lock()  # apart from `_lock`, which opening the GPU takes
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        self._threads = usable_cores()
        # A query on every core by default: alone on an idle 2-core machine, two threads halve
        # its encode (~7 -> ~4.3 ms). Processes that share the cores (server workers) turn
        # `query_spinning` off, so that an idle thread yields its core to the other process.
        self.query_threads = max(1, query_threads or self._threads)
        self.query_spinning = query_spinning
        # Tokenising in parallel saves nothing at these sizes, and a fork after it warns.
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        self._wordpieces = wordpiece_tokenizer(self.directory / "tokenizer.json")
        if prepare and self._on_gpu() is None:
            # Export (or find) the model and open the all-cores session (or the GPU's) before
            # any text is timed: a build then measures embedding alone.
            self._onnx().session(self._threads)

    @property
    def runtime(self) -> str:
        """What embeds a corpus here, for the build's report."""
        gpu = self._on_gpu()
        return gpu.runtime if gpu else f"cpu: onnxruntime, {self._threads} threads"

    def count_wordpieces(self, text: str) -> int:
        """Word pieces the model sees, [CLS] and [SEP] included."""
        return len(self._wordpieces.encode(text).ids)

    def truncate(self, text: str) -> str:
        """The longest prefix of `text` within the limit, cut at a word piece boundary."""
        encoding = self._wordpieces.encode(text)
        if len(encoding.ids) <= self.max_wordpieces:
            return text
        # The last kept piece sits before [SEP]; offsets of [CLS]/[SEP] are (0, 0).
        return text[: encoding.offsets[self.max_wordpieces - 2][1]]

    def export(self, folder: Path) -> tuple[str, ...]:
        """Copy the ONNX query encoder (graph and weights, ~90 MB) into `folder`."""
        source = self._onnx().path.parent
        for name in FILES:
            shutil.copyfile(source / name, folder / name)
        return FILES

    def use_compiled(self, path: Path) -> None:
        """Embed with the ONNX file at `path` (the index's, verified by the caller)."""
        with self._lock:
            if self._encoder is None or self._encoder.path != path:
                self._encoder = OnnxEncoder(path)

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> Vectors:
        """Embed `texts`; refuses any text longer than the model's limit rather than truncate it."""
        query = len(texts) <= 4
        gpu = None if query or self.backend != "onnx" else self._on_gpu()
        # Tokenising on every core pays only where the cores are otherwise idle, beside a GPU:
        # on the CPU it takes cores from the encoder's threads.
        pieces = self._ids(texts, threads=self._threads if gpu else 1)
        too_long = [t for t, p in zip(texts, pieces, strict=True) if len(p) > self.max_wordpieces]
        if too_long:
            raise ModelError(
                f"{len(too_long)} text(s) exceed {self.max_wordpieces} word pieces and would be "
                f"truncated, e.g. {too_long[0][:80]!r}"
            )
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self.backend == "sentence-transformers":
            with self._lock:  # the torch module is not re-entrant
                vecs = self._load_reference().encode(
                    list(texts),
                    batch_size=self.batch_size,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    show_progress_bar=progress,
                )
            return np.ascontiguousarray(vecs, dtype=np.float32)
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        if gpu is not None:
            for batch in _progress(_gpu_batches(pieces), progress):
                out[batch.rows] = gpu.run(batch)
            return out
        encoder = self._onnx()
        threads = self.query_threads if query else self._threads
        spinning = self.query_spinning or not query
        for batch in _progress(batches_by_length(pieces), progress):
            out[batch.rows] = encoder.run(batch, threads=threads, spinning=spinning)
        return out

    def throughput(self, texts: Sequence[str], *, rounds: int = 3) -> Throughput:
        """Time `encode` on `texts` beside its runtime alone on the same batches (tokenised and
        padded beforehand; all cores, or the GPU): the second is the most the first can reach."""
        gpu = self._on_gpu()
        pieces = self._ids(texts, threads=self._threads if gpu else 1)
        if gpu is not None:
            batches, run = _gpu_batches(pieces), gpu.run
        else:
            encoder = self._onnx()
            batches = batches_by_length(pieces)

            def run(batch: Batch) -> Vectors:
                return encoder.run(batch, threads=self._threads)

        raw: list[float] = []
        end_to_end: list[float] = []
        self.encode(texts[: min(len(texts), 64)])  # first runs allocate: keep them out
        for _ in range(rounds):
            started = time.perf_counter()
            for batch in batches:
                run(batch)
            raw.append(time.perf_counter() - started)
            started = time.perf_counter()
            self.encode(texts)
            end_to_end.append(time.perf_counter() - started)
        return Throughput(
            wordpieces=sum(len(p) for p in pieces),
            raw_seconds=tuple(raw),
            encode_seconds=tuple(end_to_end),
        )

    def _onnx(self) -> OnnxEncoder:
        with self._lock:
            if self._encoder is None:
                self._encoder = OnnxEncoder(self._export())
            return self._encoder

    def _ids(self, texts: Sequence[str], *, threads: int = 1) -> list[list[int]]:
        """The word-piece ids of `texts`, split over up to `threads` threads: the tokenizer
        releases the GIL, so they run at once (its own parallelism stays off, above). Beside a
        GPU, tokenising on one core takes longer than the GPU's encoding."""
        texts = list(texts)
        n = min(threads, len(texts) // _TEXTS_PER_THREAD)
        if n <= 1:
            return [e.ids for e in self._wordpieces.encode_batch(texts)]
        size = -(-len(texts) // n)
        slices = [texts[i : i + size] for i in range(0, len(texts), size)]
        with ThreadPoolExecutor(n) as pool:
            parts = pool.map(lambda s: [e.ids for e in self._wordpieces.encode_batch(s)], slices)
        return [ids for part in parts for ids in part]

    def _on_gpu(self) -> GpuEncoder | None:
        """The GPU encoder when `device` asks for one and it can run (looked for once)."""
        with self._gpu_lock:
            if not self._gpu_looked:
                self._verify_weights()
                os.environ["HF_HUB_OFFLINE"] = "1"
                self._gpu = open_gpu(
                    lambda: self._onnx().path, self.directory, required=self.device == "cuda"
                )
                self._gpu_looked = True
            return self._gpu

    def _verify_weights(self) -> None:
        """Before the weights themselves are used: verified now if construction left them."""
        if not self._weights_verified:
            verify_model(self.directory)
            self._weights_verified = True

    def _export(self) -> Path:
        """The ONNX model for these weights: cached, or exported into a folder that lives as
        long as this embedder (imports torch and transformers: a few seconds)."""
        self._verify_weights()
        os.environ["HF_HUB_OFFLINE"] = "1"  # never reach for the hub, whatever else is set
        if self.cache_dir is not None:
            return cached_export(self.directory, self.sha256, self.cache_dir) / GRAPH
        self._scratch = tempfile.TemporaryDirectory(prefix="sclc-qa-encoder-")
        export_onnx(self.directory, Path(self._scratch.name))
        return Path(self._scratch.name) / GRAPH

    def _load_reference(self) -> Any:
        if self._reference is not None:
            return self._reference
        self._verify_weights()
        os.environ["HF_HUB_OFFLINE"] = "1"
        import transformers

        transformers.logging.set_verbosity_error()  # type: ignore[no-untyped-call]
        transformers.logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        from sentence_transformers import SentenceTransformer

        try:
            model: Any = SentenceTransformer(
                str(self.directory), device="cpu", local_files_only=True
            )
        except OSError as exc:
            raise ModelError(
                f"cannot load the embedding model from {self.directory}: {exc}"
            ) from exc
        model.max_seq_length = self.max_wordpieces
        self._reference = model
        return model


@dataclass(frozen=True)
class Throughput:
    """Seconds per round for the same texts: ONNX Runtime alone, and `encode` end to end."""

    wordpieces: int
    raw_seconds: tuple[float, ...]
    encode_seconds: tuple[float, ...]

    @property
    def raw_rate(self) -> float:
        """Word pieces per second, best round."""
        return self.wordpieces / min(self.raw_seconds)

    @property
    def encode_rate(self) -> float:
        return self.wordpieces / min(self.encode_seconds)


def usable_cores() -> int:
    """Cores this process may run on (a container's or `taskset`'s share, not the host's)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


# The fewest texts a tokenising thread is given: fewer are not worth a thread's start.
_TEXTS_PER_THREAD = 256


def _gpu_batches(pieces: Sequence[Sequence[int]]) -> list[Batch]:
    return batches_by_length(pieces, max_wordpieces=GPU_BATCH_WORDPIECES, max_texts=GPU_BATCH_TEXTS)


def _progress(items: list[Batch], show: bool) -> Any:
    if not show:
        return items
    from tqdm import tqdm

    return tqdm(items, desc="embedding", unit="batch", leave=False)
