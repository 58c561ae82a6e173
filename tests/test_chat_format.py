"""How an `Answer` reads as a chat reply, whole and streamed (no engine needed)."""

from __future__ import annotations

import json

from sclc_qa.models import Answer, Citation
from sclc_qa.service.chat import completion, reply_text, stream

QUOTE = (
    "Moreover, Paz-Ares et al. reported that first-line treatment with durvalumab plus platinum "
    "and etoposide for ES-SCLC prolonged the median OS by 2.7 months (13.0 months vs 10.3 months; "
    "HR = 0.73; 95% CI 0.59 - 0.91; P = 0.0047) in the CASPIAN phase III study (18)."
)
START = 25116


def citation(quote: str = QUOTE, start: int = START, section: str = "4.1.1") -> Citation:
    return Citation(
        doc="review",
        section=section,
        title="First-line chemoimmunotherapy",
        label=None,
        quote=quote,
        start=start,
        end=start + len(quote),
        score=0.5,
    )


def answered() -> Answer:
    span = "HR = 0.73"
    at = START + QUOTE.index(span)
    return Answer(
        question="What was the OS hazard ratio in CASPIAN?",
        answer=span,
        start=at,
        end=at + len(span),
        citations=(citation(), citation("Short second quote.", 30000, "5")),
        confidence=0.9,
        abstained=False,
    )


def abstained(citations: tuple[Citation, ...] = ()) -> Answer:
    return Answer(
        question="What is the capital of France?",
        answer=None,
        citations=citations,
        confidence=0.0,
        abstained=True,
        reason="The review does not mention France.",
    )


def test_an_answer_reads_answer_marker_then_sources() -> None:
    lines = reply_text(answered(), rewritten=False).splitlines()
    assert lines[0] == "HR = 0.73 [4.1.1]"
    assert lines[2] == "Sources:"
    assert lines[3].startswith('1. [4.1.1] First-line chemoimmunotherapy: "')
    assert lines[3].endswith(f"({START}–{START + len(QUOTE)}) in review")  # names its document
    assert lines[4] == (
        '2. [5] First-line chemoimmunotherapy: "Short second quote." (30000–30019) in review'
    )


def test_a_long_quote_is_cut_around_the_answer() -> None:
    first = reply_text(answered(), rewritten=False).splitlines()[3]
    assert "HR = 0.73" in first
    assert "CASPIAN" in first
    assert "… " in first  # the start of the sentence was cut, and says so


def test_a_rewritten_question_is_shown_first() -> None:
    text = reply_text(answered(), rewritten=True)
    assert text.startswith("(Answering: What was the OS hazard ratio in CASPIAN?)\n\n")


def test_an_abstention_says_so_and_does_not_present_passages_as_answers() -> None:
    assert reply_text(abstained(), rewritten=False) == (
        "No answer. The review does not mention France."
    )
    with_passages = reply_text(abstained((citation(),)), rewritten=False)
    assert "Closest passages (not an answer):" in with_passages
    assert "Sources:" not in with_passages


def test_a_completion_carries_citations_answer_and_usage() -> None:
    done = completion(answered(), "What was the OS hazard ratio in CASPIAN?", rewritten=False)
    assert done.id.startswith("chatcmpl-")
    assert done.choices[0].message.content.startswith("HR = 0.73 [4.1.1]")
    assert done.citations[0].quote == QUOTE
    assert done.answer.answer == "HR = 0.73"
    assert done.usage.total_tokens == done.usage.prompt_tokens + done.usage.completion_tokens > 0


def test_the_stream_is_openai_chunks_then_done() -> None:
    events = list(stream(answered(), "q", rewritten=False, include_usage=True))
    assert all(e.startswith("data: ") and e.endswith("\n\n") for e in events)
    assert events[-1] == "data: [DONE]\n\n"
    chunks = [json.loads(e[6:]) for e in events[:-1]]
    assert {c["object"] for c in chunks} == {"chat.completion.chunk"}
    assert len({c["id"] for c in chunks}) == 1
    assert chunks[0]["choices"][0]["delta"] == {"role": "assistant"}
    text = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks if c["choices"])
    assert text == reply_text(answered(), rewritten=False)
    finish = [c for c in chunks if c["choices"] and c["choices"][0].get("finish_reason")]
    assert len(finish) == 1 and finish[0]["citations"][0]["section"] == "4.1.1"
    assert chunks[-1]["choices"] == [] and chunks[-1]["usage"]["total_tokens"] > 0


def test_without_usage_there_is_no_usage_chunk() -> None:
    events = list(stream(abstained(), "q", rewritten=False, include_usage=False))
    assert not any('"usage"' in e for e in events)
