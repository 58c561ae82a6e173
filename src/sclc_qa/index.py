"""Build, save, load and verify `index/`: FAISS vectors, chunk and sentence metadata, manifest.

Layout (every file readable with a text editor or `faiss.read_index`):

    index/CURRENT                  name of the live build folder, replaced atomically
    index/build-<id>/manifest.json corpus and model SHA-256, chunking settings, counts, file hashes;
                                   <id> is the start of its own SHA-256, so a damaged manifest is
                                   told apart from a changed corpus or model
    index/build-<id>/documents.jsonl each document's sections and blocks (its text stays in corpus/)
    index/build-<id>/chunks.jsonl  one Chunk per line
    index/build-<id>/sentences.jsonl
    index/build-<id>/chunks.faiss  IndexFlatIP over normalised chunk vectors
    index/build-<id>/sentences.faiss

    index/cache/<key>/             one document's parse, sentences, chunks and vectors, keyed by
                                   its id, content hash, the parsing code, model and settings

A build writes a new folder and only then points CURRENT at it, so a crash mid-build leaves the
previous index intact and loadable. A build embeds only documents whose cache entry is missing:
adding or changing one document re-embeds that one; removing a file drops its entry.

This module writes and reads build folders; `index_manifest` holds the manifest,
`index_parts` each document's cached share, and `index_files` the crash-safe file handling.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import ValidationError

from . import __version__
from .config import ChunkSettings
from .corpus import corpus_files, load_metadata, read_text, sha256_text
from .digests import sha256_file
from .embedding import Embedder, Vectors
from .errors import IndexMissingError, StaleIndexError
from .index_files import (
    CACHE,
    POINTER,
    exclusive,
    fsync_dir,
    point_to,
    read_jsonl,
    remove_debris,
    remove_old_builds,
    write_jsonl,
)
from .index_manifest import (
    FORMAT,
    Counts,
    DocumentInfo,
    EmbeddingInfo,
    Manifest,
    ModelInfo,
    build_id,
    pipeline_sha256,
    read_manifest,
)
from .index_parts import (
    Meter,
    Outline,
    assemble,
    cache_key,
    cut_document,
    load_part,
    prune_cache,
    save_part,
)
from .models import Chunk, Document, Sentence
from .tokens import ENCODING

__all__ = ["FORMAT", "Index", "Manifest", "build_index", "load_index", "pipeline_sha256"]

# Files at least this large (the query encoder's weights, ~90 MB) are hashed on a thread while
# the caller goes on loading: hashing releases the GIL, so on two cores it costs no wall time.
# Smaller files, read by `load_index` itself, are hashed before they are read.
_BACKGROUND_HASH_BYTES = 8 << 20
_FILES = ("documents.jsonl", "chunks.jsonl", "sentences.jsonl", "chunks.faiss", "sentences.faiss")


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
    pending: Future[None] | None = field(default=None, repr=False, compare=False)

    def verified(self) -> Index:
        """This index, once the large files hashed in the background (see `load_index`) have
        matched the manifest; raises `StaleIndexError` if one does not."""
        if self.pending is not None:
            self.pending.result()
        return self


def build_index(
    corpus_dir: Path,
    index_dir: Path,
    embedder: Embedder,
    settings: ChunkSettings,
    *,
    progress: bool = False,
    on_step: Callable[[str], None] | None = None,
) -> Manifest:
    """Parse, chunk and embed the corpus, then swap the new index in atomically.

    Incremental: each document's parse, chunks and vectors are cached under its content hash
    (`index/cache/`), so only new or changed documents are embedded again. One build at a time
    per index folder: a second one is refused while the first runs, and each build starts by
    removing what killed builds left behind."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with exclusive(index_dir):
        remove_debris(index_dir)
        return _build(corpus_dir, index_dir, embedder, settings, progress, on_step)


def _build(
    corpus_dir: Path,
    index_dir: Path,
    embedder: Embedder,
    settings: ChunkSettings,
    progress: bool,
    on_step: Callable[[str], None] | None,
) -> Manifest:
    started = time.perf_counter()
    say = on_step or (lambda _msg: None)
    paths = corpus_files(corpus_dir)
    cache = index_dir / CACHE
    texts = {p: read_text(p) for p in paths}
    keys = {p: cache_key(p.stem, texts[p], embedder, settings) for p in paths}
    cached = {p: load_part(cache / keys[p], texts[p]) for p in paths}
    todo = [p for p in paths if cached[p] is None]  # missing or unreadable: never trusted
    say(f"{len(paths)} document(s): {len(paths) - len(todo)} unchanged, {len(todo)} to embed")
    cut = {p: cut_document(p, texts[p], embedder, settings) for p in todo}
    meter = Meter(sum(c.wordpieces for c in cut.values()), show=progress)
    parts = []
    for path in paths:
        part = cached[path]
        if part is None:
            part = cut[path].embed(embedder, meter)
            save_part(cache / keys[path], part)
        parts.append(part)
    meter.close()
    docs = [p.doc for p in parts]
    sentences, chunks, vectors = assemble(parts)
    chunk_vecs, sent_vecs = vectors[0], vectors[1]
    embed_seconds = meter.seconds
    say(
        f"{len(chunks)} chunks and {len(sentences)} citable sentences"
        + (
            f"; embedded {meter.wordpieces} word pieces in {embed_seconds:.1f} s "
            f"({meter.wordpieces / max(embed_seconds, 1e-9):,.0f}/s, {embedder.runtime})"
            if todo
            else ""
        )
    )

    index_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=index_dir))
    try:
        tmp.chmod(0o755)
        write_jsonl(tmp / "documents.jsonl", [Outline.of(d) for d in docs])
        write_jsonl(tmp / "chunks.jsonl", chunks)
        write_jsonl(tmp / "sentences.jsonl", sentences)
        _write_faiss(tmp / "chunks.faiss", chunk_vecs)
        _write_faiss(tmp / "sentences.faiss", sent_vecs)
        # The embedder's query encoder, if it has one: loads in a fraction of the model's time.
        files = [*_FILES, *embedder.export(tmp)]
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
            documents=tuple(
                DocumentInfo(
                    id=p.doc.id,
                    file=path.name,
                    format=p.doc.format,
                    sha256=p.doc.sha256,
                    chars=len(p.doc.text),
                    sections=len(p.doc.sections),
                    chunks=len(p.chunks),
                    sentences=len(p.sentences),
                    embedded=path in todo,
                )
                for path, p in zip(paths, parts, strict=True)
            ),
            counts=Counts(
                documents=len(docs),
                sections=sum(len(d.sections) for d in docs),
                chunks=len(chunks),
                sentences=len(sentences),
            ),
            embedding=EmbeddingInfo(
                documents=len(todo),
                wordpieces=meter.wordpieces,
                seconds=round(embed_seconds, 2),
                runtime=embedder.runtime if todo else "",
            ),
            files={name: sha256_file(tmp / name) for name in files},
        )
        sealed = (manifest.model_dump_json(indent=2) + "\n").encode("utf-8")
        (tmp / "manifest.json").write_bytes(sealed)
        fsync_dir(tmp)
        final = index_dir / f"build-{build_id(sealed)}"
        if final.exists():
            shutil.rmtree(final)
        os.replace(tmp, final)
        point_to(index_dir, final.name)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    remove_old_builds(index_dir, keep=final.name)
    prune_cache(cache, keep={keys[p] for p in paths})
    return manifest


def _write_faiss(path: Path, vectors: Vectors) -> None:
    import faiss

    # Inner product equals cosine similarity on L2-normalised vectors.
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    faiss.write_index(index, str(path))


def load_index(
    corpus_dir: Path,
    index_dir: Path,
    *,
    model_sha256: str | None,
    settings: ChunkSettings,
    wait: bool = True,
) -> Index:
    """Load the live build and refuse it, with the fix in the message, if anything has changed.

    With `wait=False` the large files that loading does not read (the query encoder's weights)
    may still be being hashed when this returns: call `Index.verified()` before using them."""
    fix = "run `sclc-qa build`"
    pointer = index_dir / POINTER
    if not pointer.is_file():
        raise IndexMissingError(f"no index in {index_dir}/; {fix} to create it")
    name = pointer.read_bytes()[:200].decode("utf-8", errors="replace").strip()
    if not re.fullmatch(r"build-[0-9a-f]{12}", name):
        # Whatever it holds (binary, 100 KB of text), say so in one short line.
        raise StaleIndexError(f"{pointer} does not name a build folder; {fix}")
    path = index_dir / name
    manifest = read_manifest(path, fix)
    small: dict[Path, str] = {}
    large: dict[Path, str] = {}
    for name, digest in manifest.files.items():
        file = path / name
        if not file.is_file():
            raise StaleIndexError(f"{file} is missing or corrupt; {fix}")
        (large if file.stat().st_size >= _BACKGROUND_HASH_BYTES else small)[file] = digest
    _check_files(small, fix)
    pending = _check_in_background(large, fix) if large else None
    if model_sha256 is not None and manifest.model.sha256 != model_sha256:
        raise StaleIndexError(
            f"{path} was built with model sha256 {manifest.model.sha256[:12]}…, the installed "
            f"model is {model_sha256[:12]}…; {fix}"
        )
    if manifest.chunking != settings:
        raise StaleIndexError(f"{path} was built with other chunking settings; {fix}")
    if manifest.pipeline_sha256 != pipeline_sha256():
        raise StaleIndexError(f"{path} was built by other parsing or chunking code; {fix}")
    files = {p.stem: p for p in corpus_files(corpus_dir)}
    built = {d.id: d for d in manifest.documents}
    if set(built) != set(files):
        added, removed = sorted(set(files) - set(built)), sorted(set(built) - set(files))
        raise StaleIndexError(
            f"{path} was built from other documents (new: {added or 'none'}, "
            f"gone: {removed or 'none'}); {fix}"
        )
    texts = {doc_id: read_text(p) for doc_id, p in files.items()}
    for doc_id, info in built.items():
        digest = sha256_text(texts[doc_id])
        if files[doc_id].name != info.file or digest != info.sha256:
            raise StaleIndexError(
                f"{path} was built from a different {info.file} (sha256 {info.sha256[:12]}…, "
                f"now {files[doc_id].name} {digest[:12]}…); {fix}"
            )
    import faiss

    try:
        outlines = read_jsonl(path / "documents.jsonl", Outline)
        chunks = tuple(read_jsonl(path / "chunks.jsonl", Chunk))
        sentences = tuple(read_jsonl(path / "sentences.jsonl", Sentence))
        chunk_vectors = faiss.read_index(str(path / "chunks.faiss"))
        sentence_vectors = faiss.read_index(str(path / "sentences.faiss"))
    except (OSError, ValidationError, ValueError, RuntimeError) as exc:
        raise StaleIndexError(f"{path} is corrupt ({exc}); {fix}") from exc
    if chunk_vectors.ntotal != len(chunks) or sentence_vectors.ntotal != len(sentences):
        raise StaleIndexError(f"{path} vectors and metadata disagree; {fix}")
    if sorted(o.id for o in outlines) != sorted(built):
        raise StaleIndexError(f"{path}/documents.jsonl does not match its manifest; {fix}")
    docs = {}
    for o in outlines:
        own = o.with_text(texts[o.id])
        docs[o.id] = own.model_copy(update={"title": load_metadata(corpus_dir, own).title})
    index = Index(path, manifest, docs, chunks, sentences, chunk_vectors, sentence_vectors, pending)
    return index.verified() if wait else index


def _check_files(digests: dict[Path, str], fix: str) -> None:
    for file, digest in digests.items():
        if sha256_file(file) != digest:
            raise StaleIndexError(f"{file} is missing or corrupt; {fix}")


def _check_in_background(digests: dict[Path, str], fix: str) -> Future[None]:
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sclc-qa-hash")
    try:
        return pool.submit(_check_files, digests, fix)
    finally:
        pool.shutdown(wait=False)  # the thread ends with its one task
