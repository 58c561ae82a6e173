"""Each document's share of the index: parsed, cut into sentences and chunks, embedded, and
cached under `index/cache/<key>/` so that a build embeds only documents that are new or changed.

The key holds everything a part depends on (the document's id and text, the parsing code, the
model, the chunking settings), so a cache entry is either right or not found; an entry that
cannot be read is rebuilt, never trusted. `assemble` joins the parts into one id space.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, ValidationError

from .chunking import build_chunks, build_sentences, embed_text
from .config import ChunkSettings
from .corpus import parse_file, sha256_text
from .embedding import Embedder, Vectors
from .index_files import read_jsonl, write_jsonl
from .index_manifest import pipeline_sha256
from .models import Chunk, Document, DocumentFormat, Section, Sentence
from .tokens import count_tokens

__all__ = [
    "Cut",
    "Meter",
    "Outline",
    "Part",
    "assemble",
    "cache_key",
    "cut_document",
    "load_part",
    "prune_cache",
    "save_part",
]

_CACHE_FORMAT = 2  # the layout of cache entries (index/cache/), unchanged since format 2
# Texts embedded per call: large enough to batch well, small enough for a live ETA.
_SLICE = 512


class Outline(BaseModel):
    """A parsed document without its text, which stays in corpus/ (and is verified on load)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    format: DocumentFormat
    title: str
    sha256: str
    sections: tuple[Section, ...]

    @classmethod
    def of(cls, doc: Document) -> Outline:
        return cls(
            id=doc.id, format=doc.format, title=doc.title, sha256=doc.sha256, sections=doc.sections
        )

    def with_text(self, text: str) -> Document:
        return Document(
            id=self.id,
            format=self.format,
            title=self.title,
            text=text,
            sha256=self.sha256,
            sections=self.sections,
        )


@dataclass(frozen=True)
class Part:
    """One document's share of an index, with ids counted from 0: what the cache keeps."""

    doc: Document
    sentences: list[Sentence]
    chunks: list[Chunk]
    vectors: Vectors  # chunk vectors, then sentence vectors
    wordpieces: int = 0  # embedded in this build (0: came from the cache)


@dataclass(frozen=True)
class Cut:
    """A document parsed and cut, waiting to be embedded."""

    doc: Document
    sentences: list[Sentence]
    chunks: list[Chunk]
    texts: list[str]  # chunk search texts, then sentence texts: the rows of the vectors
    sizes: list[int]  # word pieces per text

    @cached_property
    def unique(self) -> dict[str, int]:
        """Each distinct text and its word pieces: a chunk of one sentence embeds once."""
        return dict(zip(self.texts, self.sizes, strict=True))

    @property
    def wordpieces(self) -> int:
        return sum(self.unique.values())

    def embed(self, embedder: Embedder, meter: Meter) -> Part:
        """Embed each distinct text once, in slices, so the progress line moves within a long
        document too."""
        unique = self.unique
        texts = list(unique)
        out = [np.zeros((0, embedder.dim), np.float32)]
        for lo in range(0, len(texts), _SLICE):
            out.append(np.asarray(embedder.encode(texts[lo : lo + _SLICE]), np.float32))
            meter.advance(sum(unique[t] for t in texts[lo : lo + _SLICE]))
        row = {t: i for i, t in enumerate(texts)}
        vectors = np.concatenate(out)[[row[t] for t in self.texts]]
        return Part(self.doc, self.sentences, self.chunks, vectors, self.wordpieces)


def cut_document(path: Path, text: str, embedder: Embedder, settings: ChunkSettings) -> Cut:
    doc = parse_file(path, text)
    sents = build_sentences(
        doc,
        first_id=0,
        max_wordpieces=settings.max_wordpieces,
        count_wordpieces=embedder.count_wordpieces,
    )
    chunks = build_chunks(
        doc,
        sents,
        settings,
        first_id=0,
        count_tokens=count_tokens,
        count_wordpieces=embedder.count_wordpieces,
    )
    texts = [c.search_text for c in chunks] + [embed_text(s) for s in sents]
    return Cut(doc, sents, chunks, texts, [embedder.count_wordpieces(t) for t in texts])


def cache_key(doc_id: str, text: str, embedder: Embedder, settings: ChunkSettings) -> str:
    """Everything a document's cached parse and vectors depend on."""
    digest = hashlib.sha256()
    for part in (
        doc_id,
        sha256_text(text),
        pipeline_sha256(),
        embedder.name,
        embedder.sha256,
        settings.model_dump_json(),
        str(_CACHE_FORMAT),
    ):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()[:32]


def save_part(folder: Path, part: Part) -> None:
    """Write a cache entry atomically: a half-written entry is never taken for a whole one."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".part-", dir=folder.parent))
    try:
        tmp.chmod(0o755)  # as readable as the build folders (mkdtemp makes it 0700)
        write_jsonl(tmp / "document.jsonl", [Outline.of(part.doc)])
        write_jsonl(tmp / "sentences.jsonl", part.sentences)
        write_jsonl(tmp / "chunks.jsonl", part.chunks)
        with (tmp / "vectors.npy").open("wb") as fh:
            np.save(fh, part.vectors)
            fh.flush()
            os.fsync(fh.fileno())
        (tmp / "text.sha256").write_text(part.doc.sha256 + "\n")
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(tmp, folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def load_part(folder: Path, text: str) -> Part | None:
    """A cache entry, or None when it is unreadable (it is then rebuilt, never trusted)."""
    try:
        outline = read_jsonl(folder / "document.jsonl", Outline)[0]
        sents = read_jsonl(folder / "sentences.jsonl", Sentence)
        chunks = read_jsonl(folder / "chunks.jsonl", Chunk)
        vectors = np.load(folder / "vectors.npy", allow_pickle=False)
    except (OSError, IndexError, ValidationError, ValueError):
        return None
    if vectors.shape[0] != len(sents) + len(chunks):
        return None
    return Part(outline.with_text(text), sents, chunks, vectors)


def prune_cache(cache: Path, *, keep: set[str]) -> None:
    """Drop entries of documents that are gone or changed, and debris of interrupted writes."""
    if not cache.is_dir():
        return
    for entry in cache.iterdir():
        if entry.name not in keep and entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)


def assemble(
    parts: Sequence[Part],
) -> tuple[list[Sentence], list[Chunk], tuple[Vectors, Vectors]]:
    """Concatenate the documents' parts, renumbering sentences and chunks into one id space."""
    sentences: list[Sentence] = []
    chunks: list[Chunk] = []
    chunk_vecs: list[Vectors] = []
    sent_vecs: list[Vectors] = []
    for part in parts:
        s_off, c_off = len(sentences), len(chunks)
        sentences += [s.model_copy(update={"id": s.id + s_off}) for s in part.sentences]
        chunks += [
            c.model_copy(
                update={
                    "id": c.id + c_off,
                    "sentence_ids": tuple(i + s_off for i in c.sentence_ids),
                }
            )
            for c in part.chunks
        ]
        n = len(part.chunks)
        chunk_vecs.append(part.vectors[:n])
        sent_vecs.append(part.vectors[n:])
    dim = parts[0].vectors.shape[1] if parts else 0
    return sentences, chunks, (_stack(chunk_vecs, dim), _stack(sent_vecs, dim))


def _stack(vectors: list[Vectors], dim: int) -> Vectors:
    return np.concatenate(vectors) if vectors else np.zeros((0, dim), np.float32)


class Meter:
    """Build progress: on a terminal, one line with the share of word pieces embedded, the rate
    and an ETA; the summary gives the same totals."""

    def __init__(self, total_wordpieces: int, *, show: bool) -> None:
        self.total = max(total_wordpieces, 1)
        self.done = 0
        self.wordpieces = 0
        self.show = show
        self.started = time.perf_counter()

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def advance(self, wordpieces: int) -> None:
        self.done += wordpieces
        self.wordpieces += wordpieces
        if not self.show:
            return
        elapsed = self.seconds
        eta = elapsed * (self.total - self.done) / max(self.done, 1)
        rate = self.wordpieces / elapsed if elapsed > 0 else 0.0
        sys.stderr.write(
            f"\r  embedding {100 * self.done / self.total:5.1f}%  {rate:,.0f} word pieces/s  "
            f"ETA {int(eta) // 60}:{int(eta) % 60:02d}  "
        )
        sys.stderr.flush()

    def close(self) -> None:
        if self.show and self.done:
            sys.stderr.write("\n")
            sys.stderr.flush()
