"""The OpenAI-compatible endpoint, driven by the official `openai` client over real HTTP."""

from __future__ import annotations

from typing import Any

import httpx
import openai
import pytest
from openai import OpenAI

pytestmark = pytest.mark.slow

CASPIAN = "What was the OS hazard ratio in CASPIAN?"


@pytest.fixture(scope="module")
def oai(live_server: str) -> OpenAI:
    return OpenAI(base_url=f"{live_server}/v1", api_key="not-needed", max_retries=0, timeout=30)


def user(text: str) -> dict[str, Any]:
    return {"role": "user", "content": text}


def test_models_lists_sclc_qa(oai: OpenAI) -> None:
    assert [m.id for m in oai.models.list()] == ["sclc-qa"]


def test_a_plain_completion_cites_its_section(oai: OpenAI, corpus_text: str) -> None:
    done = oai.chat.completions.create(model="sclc-qa", messages=[user(CASPIAN)])
    content = done.choices[0].message.content or ""
    assert done.choices[0].finish_reason == "stop"
    assert done.choices[0].message.role == "assistant"
    answer_line = content.splitlines()[0]
    assert "0.73" in answer_line and answer_line.endswith("[4.1.1]")
    assert "Sources:" in content
    citations = (done.model_extra or {})["citations"]
    assert citations[0]["section"] == "4.1.1"
    for c in citations:
        assert corpus_text[c["start"] : c["end"]] == c["quote"]
    assert (done.model_extra or {})["answer"]["answer"] in citations[0]["quote"]
    assert done.usage is not None and done.usage.completion_tokens > 0


def test_streaming_sends_the_same_reply_in_chunks(oai: OpenAI) -> None:
    whole = oai.chat.completions.create(model="sclc-qa", messages=[user(CASPIAN)])
    chunks = list(
        oai.chat.completions.create(
            model="sclc-qa",
            messages=[user(CASPIAN)],
            stream=True,
            stream_options={"include_usage": True},
        )
    )
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == whole.choices[0].message.content
    assert len({c.id for c in chunks}) == 1
    assert chunks[0].choices[0].delta.role == "assistant"
    finishing = [c for c in chunks if c.choices and c.choices[0].finish_reason == "stop"]
    assert len(finishing) == 1
    assert (finishing[0].model_extra or {})["citations"][0]["section"] == "4.1.1"
    assert chunks[-1].usage is not None and chunks[-1].usage.total_tokens > 0


def test_the_stream_ends_with_done(live_server: str) -> None:
    body = {"model": "sclc-qa", "messages": [user(CASPIAN)], "stream": True}
    with httpx.stream("POST", f"{live_server}/v1/chat/completions", json=body) as r:
        assert r.headers["content-type"].startswith("text/event-stream")
        events = [line for line in r.iter_lines() if line]
    assert all(e.startswith("data: ") for e in events)
    assert events[-1] == "data: [DONE]"


def test_a_follow_up_resolves_the_trial_from_earlier_turns(oai: OpenAI) -> None:
    first = oai.chat.completions.create(model="sclc-qa", messages=[user(CASPIAN)])
    history = [
        user(CASPIAN),
        {"role": "assistant", "content": first.choices[0].message.content},
        user("and what about IMpower133?"),
    ]
    done = oai.chat.completions.create(model="sclc-qa", messages=history)
    answer = (done.model_extra or {})["answer"]
    assert answer["question"] == "What was the OS hazard ratio in IMpower133?"
    assert "0.70" in (answer["answer"] or "")
    assert "(Answering: What was the OS hazard ratio in IMpower133?)" in (
        done.choices[0].message.content or ""
    )


def test_its_pfs_is_resolved_too(oai: OpenAI) -> None:
    history = [user(CASPIAN), user("and what about its PFS?")]
    done = oai.chat.completions.create(model="sclc-qa", messages=history)
    assert (done.model_extra or {})["answer"]["question"] == (
        "What was the PFS hazard ratio in CASPIAN?"
    )


def test_an_unanswerable_question_abstains_in_words(oai: OpenAI) -> None:
    done = oai.chat.completions.create(
        model="sclc-qa", messages=[user("What is the capital of France?")]
    )
    content = done.choices[0].message.content or ""
    assert content == "No answer. The review does not mention France."
    assert (done.model_extra or {})["answer"]["abstained"] is True


def test_content_parts_and_system_messages_are_understood(oai: OpenAI) -> None:
    done = oai.chat.completions.create(
        model="sclc-qa",
        messages=[
            {"role": "system", "content": "You are helpful."},
            {"role": "user", "content": [{"type": "text", "text": CASPIAN}]},
        ],
        temperature=0.2,
        max_tokens=100,
    )
    assert "0.73" in (done.choices[0].message.content or "")


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"messages": [user("   ")]}, "no user message"),
        ({"messages": [{"role": "assistant", "content": "hi"}]}, "no user message"),
        ({"messages": []}, "at least 1 item"),
        ({"messages": [user("x" * 2001)]}, "over 2000 characters"),
        ({"messages": [user(CASPIAN)], "n": 2}, "n:"),
        ({"messages": [user(CASPIAN)], "model": "gpt-4o"}, "model:"),
    ],
)
def test_bad_requests_raise_the_clients_422(
    oai: OpenAI, kwargs: dict[str, Any], fragment: str
) -> None:
    kwargs.setdefault("model", "sclc-qa")
    with pytest.raises(openai.UnprocessableEntityError) as caught:
        oai.chat.completions.create(**kwargs)
    assert fragment in caught.value.message
