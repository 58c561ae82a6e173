"""Request and response bodies of the HTTP API, beyond the library's own models.

Requests forbid unknown fields, so a misspelt `top_k` is a 422 that names it rather than a
silently ignored option. Responses reuse the library's `Answer`, `Passage`, `SectionSummary`,
`DocumentMeta`, `Excerpt` and `Verification` unchanged. The OpenAI chat bodies that hold no
limit of ours are in `chat_schemas` and re-exported here.

The limits a request is held to (question length, `top_k`) are the settings' own
(`AnswerSettings`), so the app builds its request models from its settings with
`request_models`; the classes below carry the default settings' limits.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    create_model,
    field_validator,
)

from ..config import AnswerSettings, SearchMode
from ..models import Passage
from .chat_schemas import (
    MODEL_ID,
    ChatChoice,
    ChatChunk,
    ChatChunkChoice,
    ChatCompletion,
    ChatDelta,
    ChatMessage,
    ContentPart,
    ModelCard,
    ModelList,
    Usage,
)

__all__ = [
    "AskRequest",
    "ChatChoice",
    "ChatChunk",
    "ChatChunkChoice",
    "ChatCompletion",
    "ChatDelta",
    "ChatMessage",
    "ChatRequest",
    "ContentPart",
    "ErrorBody",
    "ErrorResponse",
    "Health",
    "ModelCard",
    "ModelList",
    "Readiness",
    "RequestModels",
    "SearchRequest",
    "SearchResponse",
    "StreamOptions",
    "Usage",
    "VerifyRequest",
    "request_models",
]

_DEFAULTS = AnswerSettings()
# A quote to verify: longer than any passage, bounded so a check stays cheap.
MAX_QUOTE_CHARS = 20_000
DEFAULT_TOP_K = 5


DocId = Annotated[str, StringConstraints(min_length=1, max_length=200)]
DocFilter = Annotated[
    list[DocId] | None,
    Field(
        min_length=1,
        max_length=100,
        description="Only these document ids (see GET /documents); omitted or null: all.",
        examples=[["es-sclc-immunotherapy-review"]],
    ),
]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _not_blank(value: str, what: str) -> str:
    if not value.strip():
        raise ValueError(f"{what} must not be blank")
    return value


def _integer(value: Any) -> Any:
    # JSON has no separate integer type (3.0 is an integer), but true and "3" are not numbers.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("Input should be a valid integer")
    return value


def _number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("Input should be a valid number")
    return value


def _boolean(value: Any) -> Any:
    if not isinstance(value, bool):
        raise ValueError("Input should be a valid boolean")
    return value


# Pydantic's lax mode would turn true into 1 and "3" into 3; a JSON API should say no.
JsonInt = Annotated[int, BeforeValidator(_integer)]
JsonFloat = Annotated[float, BeforeValidator(_number)]
JsonBool = Annotated[bool, BeforeValidator(_boolean)]


def _question_limits(max_chars: int) -> Any:
    # `pattern` tells schema-driven clients (and fuzzers) that a blank string is not valid.
    return Field(min_length=1, max_length=max_chars, json_schema_extra={"pattern": r"\S"})


Question = Annotated[str, _question_limits(_DEFAULTS.max_question_chars)]


def _question_field(max_chars: int) -> Any:
    return Field(description=f"1–{max_chars} characters, not blank.")


def _top_k_field(max_top_k: int, description: str | None = None) -> Any:
    return Field(DEFAULT_TOP_K, ge=1, le=max_top_k, description=description)


_ASK_TOP_K = "Passages to consider and citations to return."
_CHAT_TOP_K = "Citations to return (an extension)."


class AskRequest(_Request):
    """A question about the review."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"question": "What was the OS hazard ratio in CASPIAN?"}]},
    )

    question: Question = _question_field(_DEFAULTS.max_question_chars)
    top_k: JsonInt = _top_k_field(_DEFAULTS.max_top_k, _ASK_TOP_K)
    docs: DocFilter = None

    @field_validator("question")
    @classmethod
    def _question_not_blank(cls, value: str) -> str:
        return _not_blank(value, "question")


class SearchRequest(_Request):
    """A search over the review's passages."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"query": "tarlatamab DLL3", "top_k": 3}]},
    )

    query: Question = _question_field(_DEFAULTS.max_question_chars)
    top_k: JsonInt = _top_k_field(_DEFAULTS.max_top_k)
    mode: SearchMode = Field(
        "hybrid", description="Which ranker orders the passages; `hybrid` fuses the other two."
    )
    docs: DocFilter = None

    @field_validator("query")
    @classmethod
    def _query_not_blank(cls, value: str) -> str:
        return _not_blank(value, "query")


class SearchResponse(BaseModel):
    query: str
    results: list[Passage]


class VerifyRequest(_Request):
    """A citation to check against the corpus."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "doc": "es-sclc-immunotherapy-review",
                    "start": 0,
                    "end": 20,
                    "quote": " Small-cell lung can",
                }
            ]
        },
    )

    doc: str = Field(min_length=1, max_length=200)
    start: JsonInt = Field(ge=0)
    end: JsonInt = Field(ge=0)
    quote: str = Field(max_length=MAX_QUOTE_CHARS)


class Health(BaseModel):
    status: Literal["ok"] = "ok"


class Readiness(BaseModel):
    status: Literal["ready", "loading", "failed"]
    build: str | None = Field(
        None, description="The index build this process serves, e.g. build-3f2a9c01b7de."
    )
    error: str | None = None
    manifest: dict[str, Any] | None = Field(
        None, description="What the index was built from: corpus and model hashes, counts."
    )


class ErrorBody(BaseModel):
    type: str = Field(description="invalid_request_error, not_found, payload_too_large, …")
    message: str
    param: str | None = Field(None, description="The request field at fault, if one is.")


class ErrorResponse(BaseModel):
    """Every 4xx and 5xx has this shape, OpenAI's, so OpenAI clients show the message too."""

    error: ErrorBody
    detail: list[dict[str, Any]] | None = Field(
        None, description="For 422: every field error, as {loc, msg, type}."
    )


# --- OpenAI-compatible chat ------------------------------------------------------------------


class StreamOptions(_Request):
    include_usage: JsonBool = False


class ChatRequest(_Request):
    """OpenAI's chat-completion request. Sampling, format and tool options are accepted and
    change nothing: the answer is extracted, not generated, and always comes back as text."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "model": MODEL_ID,
                    "messages": [
                        {"role": "user", "content": "What was the OS hazard ratio in CASPIAN?"},
                        {"role": "assistant", "content": "HR = 0.73 [4.1.1]"},
                        {"role": "user", "content": "and what about its PFS?"},
                    ],
                }
            ]
        },
    )

    model: Literal["sclc-qa"] = MODEL_ID
    messages: list[ChatMessage] = Field(min_length=1, max_length=200)
    stream: JsonBool = False
    stream_options: StreamOptions | None = None
    top_k: JsonInt = _top_k_field(_DEFAULTS.max_top_k, _CHAT_TOP_K)
    docs: DocFilter = None
    # Accepted for compatibility with OpenAI clients; extraction is deterministic.
    temperature: JsonFloat | None = Field(None, ge=0, le=2)
    top_p: JsonFloat | None = Field(None, ge=0, le=1)
    n: Literal[1] | None = None
    max_tokens: JsonInt | None = Field(None, ge=1)
    max_completion_tokens: JsonInt | None = Field(None, ge=1)
    presence_penalty: JsonFloat | None = Field(None, ge=-2, le=2)
    frequency_penalty: JsonFloat | None = Field(None, ge=-2, le=2)
    seed: JsonInt | None = None
    stop: str | list[str] | None = None
    user: str | None = Field(None, max_length=256)
    metadata: dict[str, str] | None = None
    store: JsonBool | None = None
    logprobs: JsonBool | None = None
    top_logprobs: JsonInt | None = Field(None, ge=0, le=20)
    logit_bias: dict[str, JsonFloat] | None = None
    response_format: dict[str, Any] | None = None
    # Sent by agent frameworks; no tool is ever called: the reply is always text.
    tools: list[dict[str, Any]] | None = None
    tool_choice: str | dict[str, Any] | None = None
    parallel_tool_calls: JsonBool | None = None
    functions: list[dict[str, Any]] | None = None
    function_call: str | dict[str, Any] | None = None
    reasoning_effort: str | None = Field(None, max_length=32)
    service_tier: str | None = Field(None, max_length=32)
    modalities: list[str] | None = None


@dataclass(frozen=True)
class RequestModels:
    """The request bodies that carry a settings limit, made for one app's settings."""

    ask: type[AskRequest]
    search: type[SearchRequest]
    chat: type[ChatRequest]
    max_question_chars: int


def request_models(answer: AnswerSettings) -> RequestModels:
    """`AskRequest`, `SearchRequest` and `ChatRequest` held to `answer`'s limits: question
    length (`max_question_chars`) and `top_k` (`max_top_k`), the same the engine applies."""
    chars, top_k = answer.max_question_chars, answer.max_top_k
    question: Any = (Annotated[str, _question_limits(chars)], _question_field(chars))
    ask = create_model(
        "AskRequest",
        __base__=AskRequest,
        __doc__=AskRequest.__doc__,
        question=question,
        top_k=(JsonInt, _top_k_field(top_k, _ASK_TOP_K)),
    )
    search = create_model(
        "SearchRequest",
        __base__=SearchRequest,
        __doc__=SearchRequest.__doc__,
        query=question,
        top_k=(JsonInt, _top_k_field(top_k)),
    )
    chat = create_model(
        "ChatRequest",
        __base__=ChatRequest,
        __doc__=ChatRequest.__doc__,
        top_k=(JsonInt, _top_k_field(top_k, _CHAT_TOP_K)),
    )
    return RequestModels(ask=ask, search=search, chat=chat, max_question_chars=chars)
