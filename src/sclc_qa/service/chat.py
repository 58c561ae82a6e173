"""OpenAI-compatible chat: an `Answer` as a chat completion, whole or as Server-Sent Events.

The reply's text is the verbatim answer with a bracketed section marker, then a short "Sources"
list; an abstention is said as such, with its reason. The structured citations ride along in
the extra `citations` field, so a client can check every quote against the corpus.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator, Sequence

from ..formatting import labelled, shorten
from ..models import Answer, Citation
from ..tokens import count_tokens
from .chat_schemas import (
    ChatChoice,
    ChatChunk,
    ChatChunkChoice,
    ChatCompletion,
    ChatDelta,
    ChatMessage,
    Usage,
    _Message,
)

__all__ = ["completion", "reply_text", "stream", "user_turns"]

SOURCES_SHOWN = 3
QUOTE_CHARS = 240


def user_turns(messages: Sequence[ChatMessage]) -> list[str]:
    """The text of every user message, oldest first; blank ones dropped."""
    return [t for m in messages if m.role == "user" and (t := m.text()).strip()]


def reply_text(answer: Answer, *, rewritten: bool) -> str:
    """ "HR = 0.73 [4.1.1]", a blank line, then "Sources:" with one quoted line per citation.

    When documents disagree, each other document's figure follows the answer on a line of its
    own, with its section and document, and the sources list names every document."""
    lines: list[str] = []
    if rewritten:
        lines.append(f"(Answering: {answer.question})\n")
    if answer.abstained or answer.answer is None:
        lines.append(f"No answer. {answer.reason or 'The review has no supporting passage.'}")
        if answer.citations:
            lines.append("\nClosest passages (not an answer):")
    else:
        lines.append(f"{answer.display or answer.answer} [{answer.citations[0].section}]")
        if answer.alternatives:
            lines.append(answer.note or "The sources disagree:")
            first = answer.citations[0]
            lines.append(f"- {answer.display or answer.answer} [{first.section}] in {first.doc}")
            for alt in answer.alternatives:
                c = alt.citation
                quote = shorten(c.display, QUOTE_CHARS)
                lines.append(
                    f'- {alt.display} [{c.section}] in {c.doc}: "{quote}" ({c.start}–{c.end})'
                )
        lines.append("\nSources:")
    for i, c in enumerate(answer.citations[:SOURCES_SHOWN], start=1):
        focus = _focus(c, answer.display or answer.answer) if i == 1 else None
        quote = shorten(c.display or c.quote, QUOTE_CHARS, focus=focus)
        lines.append(
            f'{i}. [{c.section}] {labelled(c.title, c)}: "{quote}" ({c.start}–{c.end}) in {c.doc}'
        )
    return "\n".join(lines)


def _focus(c: Citation, answer: str | None) -> tuple[int, int] | None:
    """Where the answer sits in the citation's display text (None when it cannot be found)."""
    at = (c.display or c.quote).find(answer) if answer else -1
    return (at, at + len(answer)) if answer and at >= 0 else None


def completion(answer: Answer, prompt: str, *, rewritten: bool) -> ChatCompletion:
    content = reply_text(answer, rewritten=rewritten)
    return ChatCompletion(
        id=_id(),
        created=int(time.time()),
        choices=[ChatChoice(message=_Message(content=content))],
        usage=_usage(prompt, content),
        citations=list(answer.citations),
        answer=answer,
    )


def stream(answer: Answer, prompt: str, *, rewritten: bool, include_usage: bool) -> Iterator[str]:
    """The completion as SSE `data:` lines in OpenAI's chunk format, ending with `[DONE]`.

    The text goes out a line at a time; the chunk that finishes carries the citations and
    the structured answer.
    """
    content = reply_text(answer, rewritten=rewritten)
    cid, created = _id(), int(time.time())

    def event(chunk: ChatChunk) -> str:
        # Leave out what a chunk does not carry (usage, citations, an empty delta's role), but
        # keep nulls inside the answer and its citations: they are part of their shape.
        data = {k: v for k, v in chunk.model_dump(mode="json").items() if v is not None}
        for c in data["choices"]:
            c["delta"] = {k: v for k, v in c["delta"].items() if v is not None}
        return f"data: {json.dumps(data, ensure_ascii=False)}\n\n"

    def choice(delta: ChatDelta, finish: bool = False) -> list[ChatChunkChoice]:
        return [ChatChunkChoice(delta=delta, finish_reason="stop" if finish else None)]

    yield event(ChatChunk(id=cid, created=created, choices=choice(ChatDelta(role="assistant"))))
    for piece in content.splitlines(keepends=True):
        yield event(ChatChunk(id=cid, created=created, choices=choice(ChatDelta(content=piece))))
    yield event(
        ChatChunk(
            id=cid,
            created=created,
            choices=choice(ChatDelta(), finish=True),
            citations=list(answer.citations),
            answer=answer,
        )
    )
    if include_usage:
        yield event(ChatChunk(id=cid, created=created, choices=[], usage=_usage(prompt, content)))
    yield "data: [DONE]\n\n"


def _usage(prompt: str, content: str) -> Usage:
    p, c = count_tokens(prompt), count_tokens(content)
    return Usage(prompt_tokens=p, completion_tokens=c, total_tokens=p + c)


def _id() -> str:
    return f"chatcmpl-{uuid.uuid4().hex}"
