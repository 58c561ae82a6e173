"""Hybrid retrieval: dense FAISS search and BM25 over the same chunks, fused by reciprocal rank.

Trial names, NCT ids, drug names and abbreviations are where a small dense model is weakest, so
the lexical side keeps them whole (see `lexical.tokenize`), and both sides see the question
expanded with the corpus's own definitions ("LDRT" ↔ "low-dose radiotherapy").
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Literal

import numpy as np

from .abbreviations import Definition
from .config import RetrievalSettings
from .embedding import Embedder, Vectors
from .index import Index
from .lexical import normalize, tokenize
from .models import Chunk

__all__ = ["Hit", "Mode", "Query", "Retriever"]

Mode = Literal["hybrid", "dense", "lexical"]


@dataclass(frozen=True)
class Query:
    """A question prepared once for every ranker: its terms, expansions and vector."""

    text: str
    terms: tuple[str, ...]
    expansion: tuple[str, ...]
    vector: Vectors


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float
    dense_rank: int | None
    lexical_rank: int | None


class Retriever:
    """Ranks chunks for a query. Immutable after construction apart from a locked vector cache."""

    def __init__(
        self,
        index: Index,
        embedder: Embedder,
        definitions: list[Definition],
        settings: RetrievalSettings,
    ) -> None:
        import bm25s

        self.index = index
        self.embedder = embedder
        self.settings = settings
        self._bm25 = bm25s.BM25()
        self._bm25.index([tokenize(c.search_text) for c in index.chunks], show_progress=False)
        self._short_to_long: dict[str, set[str]] = {}
        self._long_to_short: dict[str, set[str]] = {}
        for d in definitions:
            self._short_to_long.setdefault(d.short.lower(), set()).add(d.long)
            self._long_to_short.setdefault(normalize(d.long), set()).add(d.short)
        self._cache: OrderedDict[str, Vectors] = OrderedDict()
        self._lock = threading.Lock()

    def prepare(self, text: str) -> Query:
        """Tokenise, expand with the corpus's definitions, and embed."""
        norm = normalize(text)
        words = set(re.findall(r"[a-z0-9][a-z0-9\-+/]*", norm))
        added: list[str] = []
        for short, longs in self._short_to_long.items():
            if short in words:
                added.extend(sorted(longs))
        for long, shorts in self._long_to_short.items():
            if len(long) > 3 and re.search(rf"(?<![\w-]){re.escape(long)}(?![\w-])", norm):
                added.extend(sorted(shorts))
        terms = tuple(tokenize(text))
        expansion = tuple(t for t in tokenize(" ".join(added)) if t not in terms)
        dense_text = f"{text} ({'; '.join(dict.fromkeys(added))})" if added else text
        return Query(text, terms, expansion, self._embed(dense_text))

    def search(self, query: Query, top_k: int, *, mode: Mode = "hybrid") -> list[Hit]:
        """The `top_k` best chunks by `mode`."""
        n = min(self.settings.candidates, len(self.index.chunks))
        dense = self._dense(query, n) if mode != "lexical" else []
        lexical = self._lexical(query, n) if mode != "dense" else []
        k = self.settings.rrf_k
        fused: dict[int, float] = {}
        for weight, ranking in ((self.settings.dense_weight, dense), (self.settings.lexical_weight, lexical)):
            for rank, cid in enumerate(ranking):
                fused[cid] = fused.get(cid, 0.0) + weight / (k + rank + 1)
        d_rank = {cid: r for r, cid in enumerate(dense)}
        l_rank = {cid: r for r, cid in enumerate(lexical)}
        order = sorted(fused, key=lambda cid: (-fused[cid], cid))[:top_k]
        return [
            Hit(self.index.chunks[cid], fused[cid], d_rank.get(cid), l_rank.get(cid))
            for cid in order
        ]

    def _dense(self, query: Query, n: int) -> list[int]:
        _, ids = self.index.chunk_vectors.search(query.vector.reshape(1, -1), n)
        return [int(i) for i in ids[0] if i >= 0]

    def _lexical(self, query: Query, n: int) -> list[int]:
        terms = list(query.terms) + list(query.expansion)
        if not terms:
            return []
        scores = self._bm25.get_scores(terms)
        order = np.argsort(-scores, kind="stable")[:n]
        return [int(i) for i in order if scores[i] > 0]

    def _embed(self, text: str) -> Vectors:
        with self._lock:
            if text in self._cache:
                self._cache.move_to_end(text)
                return self._cache[text]
        vector = self.embedder.encode([text])[0]
        with self._lock:
            self._cache[text] = vector
            if len(self._cache) > 2048:
                self._cache.popitem(last=False)
        return vector
