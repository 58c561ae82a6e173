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
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
from pydantic import BaseModel, ConfigDict, ValidationError

from . import __version__
from .chunking import build_chunks, build_sentences, embed_text
from .config import ChunkSettings
from .corpus import corpus_files, load_metadata, parse_file, read_text, sha256_text
from .digests import sha256_file
from .embedding import Embedder, Vectors
from .errors import IndexBusyError, IndexMissingError, StaleIndexError
from .models import Chunk, Document, DocumentFormat, Section, Sentence
from .tokens import ENCODING, count_tokens

__all__ = ["FORMAT", "Index", "Manifest", "build_index", "load_index", "pipeline_sha256"]

# 2: per-document cache, documents.jsonl, the ONNX query encoder; 3: the build folder is named
# after the manifest's SHA-256
FORMAT = 3
_CACHE_FORMAT = 2  # the layout of cache entries (index/cache/), unchanged since format 2
_POINTER = "CURRENT"
# Files at least this large (the query encoder's weights, ~90 MB) are hashed on a thread while
# the caller goes on loading: hashing releases the GIL, so on two cores it costs no wall time.
# Smaller files, read by `load_index` itself, are hashed before they are read.
_BACKGROUND_HASH_BYTES = 8 << 20
_M = TypeVar("_M", bound=BaseModel)
_CACHE = "cache"
_LOCK = ".build.lock"
_FILES = ("documents.jsonl", "chunks.jsonl", "sentences.jsonl", "chunks.faiss", "sentences.faiss")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ModelInfo(_Strict):
    name: str
    sha256: str
    dim: int
    max_wordpieces: int


class DocumentInfo(_Strict):
    id: str
    file: str
    format: DocumentFormat
    sha256: str
    chars: int
    sections: int
    chunks: int
    sentences: int
    embedded: bool = False  # embedded by this build; False: taken from the cache


class EmbeddingInfo(_Strict):
    """What this build embedded (documents new or changed since the last one)."""

    documents: int
    wordpieces: int
    seconds: float


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
    embedding: EmbeddingInfo
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
    pending: Future[None] | None = field(default=None, repr=False, compare=False)

    def verified(self) -> Index:
        """This index, once the large files hashed in the background (see `load_index`) have
        matched the manifest; raises `StaleIndexError` if one does not."""
        if self.pending is not None:
            self.pending.result()
        return self


@dataclass(frozen=True)
class _Part:
    """One document's share of an index, with ids counted from 0: what the cache keeps."""

    doc: Document
    sentences: list[Sentence]
    chunks: list[Chunk]
    vectors: Vectors  # chunk vectors, then sentence vectors
    wordpieces: int = 0  # embedded in this build (0: came from the cache)


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
    with _exclusive(index_dir):
        _remove_debris(index_dir)
        return _build(corpus_dir, index_dir, embedder, settings, progress, on_step)


@contextmanager
def _exclusive(index_dir: Path) -> Iterator[None]:
    """Hold `index_dir/.build.lock` for the build; the kernel drops it if the process dies."""
    fd = os.open(index_dir / _LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IndexBusyError(
                f"a build is already running in {index_dir}/; wait for it to finish"
            ) from None
        yield
    finally:
        os.close(fd)


def _remove_debris(index_dir: Path) -> None:
    """Half-written build folders, cache entries and pointers of builds that were killed: with
    the lock held, no live build owns them."""
    for junk in [
        *index_dir.glob(".build-*"),
        *(index_dir / _CACHE).glob(".part-*"),
        *index_dir.glob(f".{_POINTER}.*"),
    ]:
        if junk.is_dir():
            shutil.rmtree(junk, ignore_errors=True)
        else:
            junk.unlink(missing_ok=True)


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
    cache = index_dir / _CACHE
    texts = {p: read_text(p) for p in paths}
    keys = {p: _cache_key(p.stem, texts[p], embedder, settings) for p in paths}
    cached = {p: _load_part(cache / keys[p], texts[p]) for p in paths}
    todo = [p for p in paths if cached[p] is None]  # missing or unreadable: never trusted
    say(f"{len(paths)} document(s): {len(paths) - len(todo)} unchanged, {len(todo)} to embed")
    cut = {p: _cut(p, texts[p], embedder, settings) for p in todo}
    meter = _Meter(sum(c.wordpieces for c in cut.values()), show=progress)
    parts = []
    for path in paths:
        part = cached[path]
        if part is None:
            part = cut[path].embed(embedder, meter)
            _save_part(cache / keys[path], part)
        parts.append(part)
    meter.close()
    docs = [p.doc for p in parts]
    sentences, chunks, vectors = _assemble(parts)
    chunk_vecs, sent_vecs = vectors[0], vectors[1]
    embed_seconds = meter.seconds
    say(
        f"{len(chunks)} chunks and {len(sentences)} citable sentences"
        + (f"; embedded {meter.wordpieces} word pieces in {embed_seconds:.1f} s" if todo else "")
    )

    index_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=index_dir))
    try:
        tmp.chmod(0o755)
        _write_jsonl(tmp / "documents.jsonl", [_Outline.of(d) for d in docs])
        _write_jsonl(tmp / "chunks.jsonl", chunks)
        _write_jsonl(tmp / "sentences.jsonl", sentences)
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
                documents=len(todo), wordpieces=meter.wordpieces, seconds=round(embed_seconds, 2)
            ),
            files={name: sha256_file(tmp / name) for name in files},
        )
        sealed = (manifest.model_dump_json(indent=2) + "\n").encode("utf-8")
        (tmp / "manifest.json").write_bytes(sealed)
        _fsync_dir(tmp)
        final = index_dir / f"build-{_build_id(sealed)}"
        if final.exists():
            shutil.rmtree(final)
        os.replace(tmp, final)
        _point_to(index_dir, final.name)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _remove_old_builds(index_dir, keep=final.name)
    _prune_cache(cache, keep={keys[p] for p in paths})
    return manifest


class _Outline(_Strict):
    """A parsed document without its text, which stays in corpus/ (and is verified on load)."""

    id: str
    format: DocumentFormat
    title: str
    sha256: str
    sections: tuple[Section, ...]

    @classmethod
    def of(cls, doc: Document) -> _Outline:
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


def _cache_key(doc_id: str, text: str, embedder: Embedder, settings: ChunkSettings) -> str:
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


@dataclass(frozen=True)
class _Cut:
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

    def embed(self, embedder: Embedder, meter: _Meter) -> _Part:
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
        return _Part(self.doc, self.sentences, self.chunks, vectors, self.wordpieces)


# Texts embedded per call: large enough to batch well, small enough for a live ETA.
_SLICE = 512


def _cut(path: Path, text: str, embedder: Embedder, settings: ChunkSettings) -> _Cut:
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
    return _Cut(doc, sents, chunks, texts, [embedder.count_wordpieces(t) for t in texts])


def _save_part(folder: Path, part: _Part) -> None:
    """Write a cache entry atomically: a half-written entry is never taken for a whole one."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".part-", dir=folder.parent))
    try:
        tmp.chmod(0o755)  # as readable as the build folders (mkdtemp makes it 0700)
        _write_jsonl(tmp / "document.jsonl", [_Outline.of(part.doc)])
        _write_jsonl(tmp / "sentences.jsonl", part.sentences)
        _write_jsonl(tmp / "chunks.jsonl", part.chunks)
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


def _load_part(folder: Path, text: str) -> _Part | None:
    """A cache entry, or None when it is unreadable (it is then rebuilt, never trusted)."""
    try:
        outline = _read_jsonl(folder / "document.jsonl", _Outline)[0]
        sents = _read_jsonl(folder / "sentences.jsonl", Sentence)
        chunks = _read_jsonl(folder / "chunks.jsonl", Chunk)
        vectors = np.load(folder / "vectors.npy", allow_pickle=False)
    except (OSError, IndexError, ValidationError, ValueError):
        return None
    if vectors.shape[0] != len(sents) + len(chunks):
        return None
    return _Part(outline.with_text(text), sents, chunks, vectors)


def _assemble(
    parts: Sequence[_Part],
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
    pointer = index_dir / _POINTER
    if not pointer.is_file():
        raise IndexMissingError(f"no index in {index_dir}/; {fix} to create it")
    name = pointer.read_bytes()[:200].decode("utf-8", errors="replace").strip()
    if not re.fullmatch(r"build-[0-9a-f]{12}", name):
        # Whatever it holds (binary, 100 KB of text), say so in one short line.
        raise StaleIndexError(f"{pointer} does not name a build folder; {fix}")
    path = index_dir / name
    manifest = _read_manifest(path, fix)
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
        outlines = _read_jsonl(path / "documents.jsonl", _Outline)
        chunks = tuple(_read_jsonl(path / "chunks.jsonl", Chunk))
        sentences = tuple(_read_jsonl(path / "sentences.jsonl", Sentence))
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


def _read_manifest(path: Path, fix: str) -> Manifest:
    """The build's manifest, refused as missing, from another version, or corrupt: the folder's
    name is the start of the manifest's SHA-256, so any damage to it shows as such here, not as
    a changed corpus, model or setting further on."""
    try:
        sealed = (path / "manifest.json").read_bytes()
    except OSError as exc:
        raise StaleIndexError(
            f"{path}/manifest.json is missing or unreadable ({exc.strerror or exc}); {fix}"
        ) from None
    try:  # another version's manifest may not match this schema: read what says whose it is
        header = json.loads(sealed)
        built_by = (header["package_version"], header["format"])
    except (ValueError, KeyError, TypeError):
        built_by = None  # not even JSON: damaged, as the hash below says
    if built_by is not None and built_by != (__version__, FORMAT):
        version, fmt = (str(v)[:40] for v in built_by)
        raise StaleIndexError(
            f"{path} was built by sclc-qa {version} (format {fmt}); "
            f"this is {__version__} (format {FORMAT}); {fix}"
        )
    if _build_id(sealed) != path.name.removeprefix("build-"):
        raise StaleIndexError(
            f"{path}/manifest.json is corrupt (its SHA-256 does not match the build's name); {fix}"
        )
    # Sealed by this version, yet not its schema (a bug): still one line.
    try:
        return Manifest.model_validate_json(sealed)
    except ValidationError as exc:
        raise StaleIndexError(
            f"{path}/manifest.json is unreadable ({exc.error_count()} errors); {fix}"
        ) from None


def pipeline_sha256() -> str:
    """Fingerprint of the code that turns text into chunks: a change there makes an index stale
    even when the corpus, the model and the version number are unchanged."""
    from . import chunking, corpus, markdown, sentences, tokens

    digest = hashlib.sha256()
    for module in (corpus, markdown, sentences, chunking, tokens):
        digest.update(Path(module.__file__ or "").read_bytes())
    digest.update(files("sclc_qa").joinpath("data", "markdown.json").read_bytes())
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


def _build_id(sealed: bytes) -> str:
    """A build's id: the start of its manifest file's SHA-256 (the manifest holds every other
    file's hash and the build time, so ids differ between builds)."""
    return hashlib.sha256(sealed).hexdigest()[:12]


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


def _prune_cache(cache: Path, *, keep: set[str]) -> None:
    """Drop entries of documents that are gone or changed, and debris of interrupted writes."""
    if not cache.is_dir():
        return
    for entry in cache.iterdir():
        if entry.name not in keep and entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)


class _Meter:
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


def _remove_old_builds(index_dir: Path, *, keep: str) -> None:
    for old in [*index_dir.glob("build-*"), *index_dir.glob(".build-*")]:
        if old.name != keep and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
