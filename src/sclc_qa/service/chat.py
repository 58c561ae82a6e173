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

from ..models import Answer, Citation
from ..tokens import count_tokens
from .schemas import (
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
                lines.append(
                    f'- {alt.display} [{c.section}] in {c.doc}: "{_shorten(c.display, 0)}" '
                    f"({c.start}–{c.end})"
                )
        lines.append("\nSources:")
    for i, c in enumerate(answer.citations[:SOURCES_SHOWN], start=1):
        focus = _focus(c, answer.display or answer.answer) if i == 1 else 0
        quote = _shorten(c.display or c.quote, focus)
        lines.append(f'{i}. [{c.section}] {_where(c)}: "{quote}" ({c.start}–{c.end}) in {c.doc}')
    return "\n".join(lines)


def _focus(c: Citation, answer: str | None) -> int:
    """Where the answer sits in the citation's display text (0 when it cannot be found)."""
    return max(0, (c.display or c.quote).find(answer)) if answer else 0


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


def _where(c: Citation) -> str:
    return f"{c.title} ({c.label})" if c.label else c.title


def _shorten(text: str, focus: int) -> str:
    """At most about QUOTE_CHARS of `text` on one line, cut at spaces, keeping `focus` (an
    offset into `text`, e.g. where the answer starts) in view."""
    if len(text) <= QUOTE_CHARS:
        return " ".join(text.split())
    start = max(0, min(focus - QUOTE_CHARS // 3, len(text) - QUOTE_CHARS))
    end = start + QUOTE_CHARS
    if start > 0:
        start = text.find(" ", start) + 1 or start
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    body = " ".join(text[start:end].split())
    return ("… " if start > 0 else "") + body + (" …" if end < len(text) else "")
