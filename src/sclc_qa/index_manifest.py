"""The manifest of a build, `index/build-<id>/manifest.json`: what the index was built from
(corpus, model, chunking settings, parsing code) and the hash of every file beside it.

A build seals it; loading reads it back before anything else and compares it with what is on
disk now. The folder's `<id>` is the start of the manifest's own SHA-256, so a damaged manifest
is told apart from a changed corpus or model.
"""

from __future__ import annotations

import hashlib
import json
from importlib import import_module
from importlib.resources import files
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from . import __version__
from .config import ChunkSettings
from .errors import StaleIndexError
from .models import DocumentFormat

__all__ = [
    "FORMAT",
    "Counts",
    "DocumentInfo",
    "EmbeddingInfo",
    "Manifest",
    "ModelInfo",
    "build_id",
    "pipeline_sha256",
    "read_manifest",
]

# 2: per-document cache, documents.jsonl, the ONNX query encoder; 3: the build folder is named
# after the manifest's SHA-256
FORMAT = 3


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
    runtime: str = ""  # what embedded them, e.g. "cuda: torch 2.13.0, NVIDIA H200"


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


def read_manifest(path: Path, fix: str) -> Manifest:
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
    if build_id(sealed) != path.name.removeprefix("build-"):
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


def build_id(sealed: bytes) -> str:
    """A build's id: the start of its manifest file's SHA-256 (the manifest holds every other
    file's hash and the build time, so ids differ between builds)."""
    return hashlib.sha256(sealed).hexdigest()[:12]


# The modules that turn text into chunks, and the models they fill (the index stores them): a
# module they import is here too, but for settings (`config`, in the cache key on their own)
# and error messages (`errors`).
PARSING_MODULES = (
    "corpus",
    "markdown",
    "markdown_blocks",
    "markdown_display",
    "models",
    "sentences",
    "chunking",
    "tokens",
)


def pipeline_sha256() -> str:
    """Fingerprint of the code that turns text into chunks: a change there makes an index stale
    even when the corpus, the model and the version number are unchanged."""
    parsing = [import_module(f"{__package__}.{name}") for name in PARSING_MODULES]
    digest = hashlib.sha256()
    for module in parsing:
        digest.update(Path(module.__file__ or "").read_bytes())
    digest.update(files("sclc_qa").joinpath("data", "markdown.json").read_bytes())
    return digest.hexdigest()
