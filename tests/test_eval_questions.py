"""eval/questions.jsonl is a valid, demanding test set for this corpus (fast; no engine)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from sclc_qa.evaluation import EvalQuestion, load_questions, normalize_answer
from sclc_qa.models import Document

EVAL_FILE = Path(__file__).resolve().parent.parent / "eval" / "questions.jsonl"


@pytest.fixture(scope="module")
def questions() -> list[EvalQuestion]:
    return load_questions(EVAL_FILE)


def test_size_and_mix(questions: list[EvalQuestion]) -> None:
    categories = Counter(q.category for q in questions)
    assert len(questions) >= 150
    assert categories["numeric"] >= 40
    assert categories["unanswerable"] >= 30
    assert all(categories[c] >= 10 for c in ("entity", "table", "glossary", "mechanism"))


def test_ids_and_questions_are_unique(questions: list[EvalQuestion]) -> None:
    assert len({q.id for q in questions}) == len(questions)
    assert len({normalize_answer(q.question) for q in questions}) == len(questions)


def test_unanswerable_means_no_gold(questions: list[EvalQuestion]) -> None:
    for q in questions:
        assert (q.category == "unanswerable") == (not q.answerable), q.id
        if q.answerable:
            assert q.sections and q.answers, q.id
        else:
            assert not q.sections and not q.answers, q.id


def test_every_section_with_a_body_is_covered(
    questions: list[EvalQuestion], corpus_doc: Document
) -> None:
    known = {s.id for s in corpus_doc.sections}
    with_body = {s.id for s in corpus_doc.sections if s.blocks}
    gold = Counter(s for q in questions for s in set(q.sections))
    assert set(gold) <= known
    assert set(gold) >= with_body
    assert not set(gold) & (known - with_body)  # 4.1 and 4.4 are headings only


def test_gold_answers_are_verbatim_in_a_gold_section(
    questions: list[EvalQuestion], corpus_doc: Document
) -> None:
    text = {s.id: normalize_answer(corpus_doc.text[s.start : s.end]) for s in corpus_doc.sections}
    missing = [
        (q.id, answer)
        for q in questions
        for answer in q.answers
        if not any(normalize_answer(answer) in text[s] for s in q.sections)
    ]
    assert missing == []


def test_gold_answers_are_short(questions: list[EvalQuestion]) -> None:
    assert max(len(a) for q in questions for a in q.answers) <= 90


def test_the_caspian_os_hazard_ratio_question_is_there(questions: list[EvalQuestion]) -> None:
    assert any(
        q.answerable
        and "caspian" in q.question.lower()
        and q.sections == ("4.1.1",)
        and any("0.73" in a for a in q.answers)
        for q in questions
    )


def test_unanswerable_trial_ids_are_not_in_the_review(
    questions: list[EvalQuestion], corpus_doc: Document
) -> None:
    for q in questions:
        if not q.answerable:
            for nct in re.findall(r"NCT\d{8}", q.question):
                assert nct not in corpus_doc.text, q.id
