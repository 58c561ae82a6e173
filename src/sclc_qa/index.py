"""Build, save, load and verify `index/`: FAISS vectors, chunk and sentence metadata, manifest.

Layout (every file readable with a text editor or `faiss.read_index`):

    index/CURRENT                  name of the live build folder, replaced atomically
    index/build-<id>/manifest.json corpus and model SHA-256, chunking settings, counts, file hashes
    index/build-<id>/chunks.jsonl  one Chunk per line
    index/build-<id>/sentences.jsonl
    index/build-<id>/chunks.faiss  IndexFlatIP over normalised chunk vectors
    index/build-<id>/sentences.faiss

A build writes a new folder and only then points CURRENT at it, so a crash mid-build leaves the
previous index intact and loadable.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
from pydantic import BaseModel, ConfigDict, ValidationError

from . import __version__
from .chunking import build_chunks, build_sentences, embed_text
from .config import ChunkSettings
from .corpus import load_corpus
from .embedding import QUERY_ENCODER, Embedder, Vectors
from .errors import IndexMissingError, StaleIndexError
from .models import Chunk, Document, Sentence
from .tokens import ENCODING, count_tokens

__all__ = ["FORMAT", "Index", "Manifest", "build_index", "load_index", "pipeline_sha256"]

FORMAT = 1
_POINTER = "CURRENT"
_M = TypeVar("_M", bound=BaseModel)
_FILES = ("chunks.jsonl", "sentences.jsonl", "chunks.faiss", "sentences.faiss")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ModelInfo(_Strict):
    name: str
    sha256: str
    dim: int
    max_wordpieces: int


class DocumentInfo(_Strict):
    id: str
    sha256: str
    chars: int
    sections: int
    chunks: int
    sentences: int


class Counts(_Strict):
    documents: int
    sections: int
    chunks: int
    sentences: int


class Manifest(_Strict):
    """What an index was built from; loading compares it with what is on disk now."""

    format: int
    package_version: str
    built_at: str
    build_seconds: float
    model: ModelInfo
    tokenizer: str
    pipeline_sha256: str
    chunking: ChunkSettings
    documents: tuple[DocumentInfo, ...]
    counts: Counts
    files: dict[str, str]


@dataclass(frozen=True)
class Index:
    """A loaded, verified index: immutable, so one instance serves any number of threads."""

    path: Path
    manifest: Manifest
    documents: dict[str, Document]
    chunks: tuple[Chunk, ...]
    sentences: tuple[Sentence, ...]
    chunk_vectors: Any  # faiss.Index
    sentence_vectors: Any  # faiss.Index


def build_index(
    corpus_dir: Path,
    index_dir: Path,
    embedder: Embedder,
    settings: ChunkSettings,
    *,
    progress: bool = False,
    on_step: Callable[[str], None] | None = None,
) -> Manifest:
    """Parse, chunk and embed the corpus, then swap the new index in atomically."""
    started = time.perf_counter()
    say = on_step or (lambda _msg: None)
    docs = load_corpus(corpus_dir)
    say(f"parsed {len(docs)} document(s), {sum(len(d.sections) for d in docs)} sections")
    sentences: list[Sentence] = []
    chunks: list[Chunk] = []
    infos = []
    for doc in docs:
        doc_sents = build_sentences(
            doc,
            first_id=len(sentences),
            max_wordpieces=settings.max_wordpieces,
            count_wordpieces=embedder.count_wordpieces,
        )
        doc_chunks = build_chunks(
            doc,
            doc_sents,
            settings,
            first_id=len(chunks),
            count_tokens=count_tokens,
            count_wordpieces=embedder.count_wordpieces,
        )
        sentences += doc_sents
        chunks += doc_chunks
        infos.append(
            DocumentInfo(
                id=doc.id,
                sha256=doc.sha256,
                chars=len(doc.text),
                sections=len(doc.sections),
                chunks=len(doc_chunks),
                sentences=len(doc_sents),
            )
        )
    say(f"cut {len(chunks)} chunks and {len(sentences)} citable sentences; embedding")
    texts = [c.search_text for c in chunks] + [embed_text(s) for s in sentences]
    vectors = embedder.encode(texts, progress=progress)
    chunk_vecs, sent_vecs = vectors[: len(chunks)], vectors[len(chunks) :]

    index_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=index_dir))
    try:
        tmp.chmod(0o755)
        _write_jsonl(tmp / "chunks.jsonl", chunks)
        _write_jsonl(tmp / "sentences.jsonl", sentences)
        _write_faiss(tmp / "chunks.faiss", chunk_vecs)
        _write_faiss(tmp / "sentences.faiss", sent_vecs)
        files = list(_FILES)
        if embedder.export(tmp / QUERY_ENCODER):
            files.append(QUERY_ENCODER)  # loads in a fraction of the time the model does
        manifest = Manifest(
            format=FORMAT,
            package_version=__version__,
            built_at=datetime.now(UTC).isoformat(timespec="seconds"),
            build_seconds=round(time.perf_counter() - started, 2),
            model=ModelInfo(
                name=embedder.name,
                sha256=embedder.sha256,
                dim=embedder.dim,
                max_wordpieces=embedder.max_wordpieces,
            ),
            tokenizer=ENCODING,
            pipeline_sha256=pipeline_sha256(),
            chunking=settings,
            documents=tuple(infos),
            counts=Counts(
                documents=len(docs),
                sections=sum(len(d.sections) for d in docs),
                chunks=len(chunks),
                sentences=len(sentences),
            ),
            files={name: _sha256_file(tmp / name) for name in files},
        )
        (tmp / "manifest.json").write_text(manifest.model_dump_json(indent=2) + "\n")
        _fsync_dir(tmp)
        final = index_dir / f"build-{_build_id(manifest)}"
        if final.exists():
            shutil.rmtree(final)
        os.replace(tmp, final)
        _point_to(index_dir, final.name)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _remove_old_builds(index_dir, keep=final.name)
    return manifest


def load_index(
    corpus_dir: Path, index_dir: Path, *, model_sha256: str | None, settings: ChunkSettings
) -> Index:
    """Load the live build and refuse it, with the fix in the message, if anything has changed."""
    fix = "run `sclc-qa build`"
    pointer = index_dir / _POINTER
    if not pointer.is_file():
        raise IndexMissingError(f"no index in {index_dir}/; {fix} to create it")
    path = index_dir / pointer.read_text().strip()
    try:
        manifest = Manifest.model_validate_json((path / "manifest.json").read_text())
    except (OSError, ValidationError, ValueError) as exc:
        raise StaleIndexError(f"{path}/manifest.json is missing or unreadable; {fix}") from exc
    if manifest.format != FORMAT or manifest.package_version != __version__:
        raise StaleIndexError(
            f"{path} was built by sclc-qa {manifest.package_version} (format {manifest.format}); "
            f"this is {__version__} (format {FORMAT}); {fix}"
        )
    for name, digest in manifest.files.items():
        if not (path / name).is_file() or _sha256_file(path / name) != digest:
            raise StaleIndexError(f"{path}/{name} is missing or corrupt; {fix}")
    if model_sha256 is not None and manifest.model.sha256 != model_sha256:
        raise StaleIndexError(
            f"{path} was built with model sha256 {manifest.model.sha256[:12]}…, the installed "
            f"model is {model_sha256[:12]}…; {fix}"
        )
    if manifest.chunking != settings:
        raise StaleIndexError(f"{path} was built with other chunking settings; {fix}")
    if manifest.pipeline_sha256 != pipeline_sha256():
        raise StaleIndexError(f"{path} was built by other parsing or chunking code; {fix}")
    docs = {d.id: d for d in load_corpus(corpus_dir)}
    built = {d.id: d.sha256 for d in manifest.documents}
    if set(built) != set(docs):
        added, removed = sorted(set(docs) - set(built)), sorted(set(built) - set(docs))
        raise StaleIndexError(
            f"{path} was built from other documents (new: {added or 'none'}, "
            f"gone: {removed or 'none'}); {fix}"
        )
    for doc_id, digest in built.items():
        if docs[doc_id].sha256 != digest:
            raise StaleIndexError(
                f"{path} was built from a different {doc_id}.txt (sha256 {digest[:12]}…, "
                f"now {docs[doc_id].sha256[:12]}…); {fix}"
            )
    import faiss

    try:
        chunks = tuple(_read_jsonl(path / "chunks.jsonl", Chunk))
        sentences = tuple(_read_jsonl(path / "sentences.jsonl", Sentence))
        chunk_vectors = faiss.read_index(str(path / "chunks.faiss"))
        sentence_vectors = faiss.read_index(str(path / "sentences.faiss"))
    except (OSError, ValidationError, ValueError, RuntimeError) as exc:
        raise StaleIndexError(f"{path} is corrupt ({exc}); {fix}") from exc
    if chunk_vectors.ntotal != len(chunks) or sentence_vectors.ntotal != len(sentences):
        raise StaleIndexError(f"{path} vectors and metadata disagree; {fix}")
    return Index(path, manifest, docs, chunks, sentences, chunk_vectors, sentence_vectors)


def pipeline_sha256() -> str:
    """Fingerprint of the code that turns text into chunks: a change there makes an index stale
    even when the corpus, the model and the version number are unchanged."""
    from . import chunking, corpus, sentences, tokens

    digest = hashlib.sha256()
    for module in (corpus, sentences, chunking, tokens):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()


def _write_jsonl(path: Path, items: Sequence[BaseModel]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for item in items:
            fh.write(item.model_dump_json() + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def _read_jsonl(path: Path, model: type[_M]) -> list[_M]:
    with path.open(encoding="utf-8") as fh:
        return [model.model_validate_json(line) for line in fh if line.strip()]


def _write_faiss(path: Path, vectors: Vectors) -> None:
    import faiss

    # Inner product equals cosine similarity on L2-normalised vectors.
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    faiss.write_index(index, str(path))


def _sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _build_id(manifest: Manifest) -> str:
    key = "".join(sorted(manifest.files.values())) + manifest.built_at
    return hashlib.sha256(key.encode()).hexdigest()[:12]


def _point_to(index_dir: Path, name: str) -> None:
    tmp = index_dir / f".{_POINTER}.{os.getpid()}"
    with tmp.open("w") as fh:
        fh.write(name + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, index_dir / _POINTER)
    _fsync_dir(index_dir)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_old_builds(index_dir: Path, *, keep: str) -> None:
    for old in [*index_dir.glob("build-*"), *index_dir.glob(".build-*")]:
        if old.name != keep and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
