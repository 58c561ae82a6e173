"""Several documents of different layouts in one index: filters, citations that name their
source, and answers that show where sources disagree (real model; slow)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from sclc_qa.config import Settings
from sclc_qa.disagreement import figures
from sclc_qa.engine import Engine
from sclc_qa.errors import InvalidQueryError, NotFoundError
from sclc_qa.models import Answer

REVIEW = "es-sclc-immunotherapy-review"
INTERIM, FINAL = "orion-7-interim", "orion-7-final"
HR_QUESTION = "What was the overall survival hazard ratio in ORION-7?"


def test_figures_ignore_punctuation_and_style() -> None:
    assert figures("HR for death, 0.71; 95% CI, 0.57–0.88; P = .002") == (
        "0.71",
        "95",
        "0.57",
        "0.88",
        "002",
    )
    assert figures("HR = 0.71 (95% CI 0.57-0.88, P=.002)") == figures(
        "HR, 0.71; 95% CI, 0.57−0.88; P = .002"
    )
    assert figures("1,234 patients") == ("1234",)


def _verbatim(engine: Engine, answer: Answer) -> None:
    citations = [*answer.citations, *(a.citation for a in answer.alternatives)]
    for c in citations:
        assert engine.index.documents[c.doc].text[c.start : c.end] == c.quote
    for a in answer.alternatives:
        assert engine.index.documents[a.citation.doc].text[a.start : a.end] == a.answer
        assert a.answer in a.citation.quote


pytestmark = pytest.mark.slow


def test_disagreeing_documents_are_both_shown(multi_engine: Engine) -> None:
    answer = multi_engine.ask(HR_QUESTION)
    assert not answer.abstained and answer.answer is not None
    assert len(answer.alternatives) == 1
    given = {
        answer.citations[0].doc: answer.answer,
        answer.alternatives[0].citation.doc: answer.alternatives[0].answer,
    }
    assert set(given) == {INTERIM, FINAL}
    assert "0.71" in given[INTERIM] and "0.79" in given[FINAL]
    assert answer.note is not None
    assert "ORION-7: interim analysis" in answer.note
    assert "ORION-7: final overall survival analysis" in answer.note
    _verbatim(multi_engine, answer)


def test_a_document_filter_picks_one_source_and_hides_the_other(multi_engine: Engine) -> None:
    answer = multi_engine.ask(HR_QUESTION, docs=[INTERIM])
    assert answer.answer is not None and "0.71" in answer.answer
    assert answer.alternatives == ()
    assert {c.doc for c in answer.citations} == {INTERIM}


def test_agreeing_or_unrelated_documents_add_no_alternatives(multi_engine: Engine) -> None:
    answer = multi_engine.ask("What was the OS hazard ratio in CASPIAN?")
    assert answer.answer is not None and "0.73" in answer.answer
    assert answer.citations[0].doc == REVIEW
    assert answer.alternatives == () and answer.note is None


def test_citations_name_document_heading_path_and_display(multi_engine: Engine) -> None:
    answer = multi_engine.ask(HR_QUESTION, docs=[INTERIM])
    c = answer.citations[0]
    assert c.doc_title == "ORION-7: interim analysis"
    assert c.path == ("Results",) and c.section == "results"
    assert c.display == " ".join(c.quote.split())
    review = multi_engine.ask("What was the OS hazard ratio in CASPIAN?").citations[0]
    assert review.section == "4.1.1"
    assert review.path[-1] == "First-line chemoimmunotherapy" and len(review.path) == 3


def test_search_filters_by_document(multi_engine: Engine) -> None:
    hits = multi_engine.search("overall survival hazard ratio", top_k=10, docs=[REVIEW])
    assert hits and {p.doc for p in hits} == {REVIEW}
    both = multi_engine.search("velmarolimab overall survival", top_k=10)
    assert {INTERIM, FINAL} <= {p.doc for p in both}


@pytest.mark.parametrize(
    ("docs", "error"),
    [(["no-such-doc"], NotFoundError), ([], InvalidQueryError), ([REVIEW, "nope"], NotFoundError)],
)
def test_an_unknown_or_empty_filter_is_refused(
    multi_engine: Engine, docs: list[str], error: type[Exception]
) -> None:
    with pytest.raises(error, match="the index holds") as info:
        multi_engine.ask(HR_QUESTION, docs=docs)
    assert getattr(info.value, "param", None) == "docs"


@pytest.fixture(scope="module")
def multi_client(multi_engine: Engine, multi_settings: Settings) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from sclc_qa.service import create_app

    with TestClient(create_app(multi_settings, engine=multi_engine)) as client:
        yield client


def test_http_ask_carries_alternatives_and_takes_a_filter(multi_client: Any) -> None:
    body = multi_client.post("/ask", json={"question": HR_QUESTION}).json()
    assert len(body["alternatives"]) == 1 and body["note"].startswith("The sources disagree")
    only = multi_client.post("/ask", json={"question": HR_QUESTION, "docs": [FINAL]}).json()
    assert "0.79" in only["answer"] and only["alternatives"] == []
    found = multi_client.post("/search", json={"query": "velmarolimab", "docs": [INTERIM]})
    assert {p["doc"] for p in found.json()["results"]} == {INTERIM}


@pytest.mark.parametrize(
    ("path", "body", "status"),
    [
        ("/ask", {"question": HR_QUESTION, "docs": ["no-such-doc"]}, 404),
        ("/search", {"query": "velmarolimab", "docs": ["nope"]}, 404),
        ("/search", {"query": "velmarolimab", "docs": []}, 422),
        ("/ask", {"question": HR_QUESTION, "docs": "orion-7-final"}, 422),
    ],
)
def test_http_bad_filters_name_docs(multi_client: Any, path: str, body: Any, status: int) -> None:
    response = multi_client.post(path, json=body)
    assert response.status_code == status
    assert response.json()["error"]["param"] == "docs"


def test_openai_reply_lists_both_sources(multi_client: Any) -> None:
    reply = multi_client.post(
        "/v1/chat/completions",
        json={"model": "sclc-qa", "messages": [{"role": "user", "content": HR_QUESTION}]},
    ).json()
    text = reply["choices"][0]["message"]["content"]
    assert "The sources disagree" in text
    assert f"in {INTERIM}" in text and f"in {FINAL}" in text
    assert len(reply["answer"]["alternatives"]) == 1
