"""The OpenAI chat-completion bodies copied field for field: the messages a request carries and
the completion, stream chunk and model list sent back.

Apart from `schemas.py` because none of them holds a limit of ours. `ChatRequest` stays there:
like `AskRequest` it is held to the settings' limits by `request_models`. `schemas` re-exports
every name here.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..models import Answer, Citation

__all__ = [
    "MODEL_ID",
    "ChatChoice",
    "ChatChunk",
    "ChatChunkChoice",
    "ChatCompletion",
    "ChatDelta",
    "ChatMessage",
    "ContentPart",
    "ModelCard",
    "ModelList",
    "Usage",
]

MODEL_ID: Literal["sclc-qa"] = "sclc-qa"


class ContentPart(BaseModel):
    model_config = ConfigDict(extra="allow")

    type: str
    text: str | None = None


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")  # tool_calls, refusal, … are carried, not used

    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[ContentPart] | None = None
    name: str | None = None

    def text(self) -> str:
        if isinstance(self.content, str):
            return self.content
        return " ".join(p.text for p in self.content or [] if p.type == "text" and p.text)


class Usage(BaseModel):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class _Message(BaseModel):
    role: Literal["assistant"] = "assistant"
    content: str


class ChatChoice(BaseModel):
    index: int = 0
    message: _Message
    finish_reason: Literal["stop"] = "stop"
    logprobs: None = None


class ChatCompletion(BaseModel):
    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: Literal["sclc-qa"] = MODEL_ID
    choices: list[ChatChoice]
    usage: Usage
    citations: list[Citation] = Field(description="The answer's evidence, verbatim with offsets.")
    answer: Answer = Field(
        description="The structured answer, as POST /ask gives it; its `question` is the last "
        "user turn made self-contained."
    )


class ChatDelta(BaseModel):
    role: Literal["assistant"] | None = None
    content: str | None = None


class ChatChunkChoice(BaseModel):
    index: int = 0
    delta: ChatDelta
    finish_reason: Literal["stop"] | None = None
    logprobs: None = None


class ChatChunk(BaseModel):
    id: str
    object: Literal["chat.completion.chunk"] = "chat.completion.chunk"
    created: int
    model: Literal["sclc-qa"] = MODEL_ID
    choices: list[ChatChunkChoice]
    usage: Usage | None = None
    citations: list[Citation] | None = None
    answer: Answer | None = None


class ModelCard(BaseModel):
    id: Literal["sclc-qa"] = MODEL_ID
    object: Literal["model"] = "model"
    created: int
    owned_by: str = "sclc-qa"


class ModelList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelCard]
