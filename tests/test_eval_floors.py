"""Regression floors on the shared review-only engine (conftest), slow. It can answer only the
review's questions: it scores those of both splits and skips, and counts, the rest. The floors
and their measurements are in tests/floors.py; tests/test_eval_two_documents.py scores the
two-document index.
"""

from __future__ import annotations

import pytest

from floors import NSCLC, REVIEW, REVIEW_ONLY, check, recorder, splits
from sclc_qa.engine import Engine
from sclc_qa.evaluation import EvalReport, evaluate

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def review_problems() -> dict[str, list[str]]:
    """Question id → the promises its answers on the review-only index broke."""
    return {}


@pytest.fixture(scope="module")
def review_report(engine: Engine, review_problems: dict[str, list[str]]) -> EvalReport:
    return evaluate(engine, splits(), on_answer=recorder(review_problems))


def test_questions_on_other_documents_are_skipped_and_counted(review_report: EvalReport) -> None:
    dev, test = review_report.splits["dev"], review_report.splits["test"]
    assert (dev.questions, dev.evaluated, dev.skipped) == (6147, 3564, {NSCLC: 2583})
    assert (test.questions, test.evaluated, test.skipped) == (425, 265, {NSCLC: 160})
    assert list(dev.per_document) == [REVIEW] and list(test.per_document) == [REVIEW]


@pytest.mark.parametrize("key", list(REVIEW_ONLY), ids=lambda k: f"{k[0]}-{k[1][:6]}")
def test_review_only_floors(review_report: EvalReport, key: tuple[str, str]) -> None:
    split, doc = key
    assert check(review_report.splits[split].per_document[doc], REVIEW_ONLY[key]) == []


def test_answers_on_the_review_only_index_keep_their_promises(
    review_report: EvalReport, review_problems: dict[str, list[str]]
) -> None:
    """Every promise on every answer the review-only report asked for, both splits, at the
    shipped threshold and at 0 after an abstention (test_eval_invariants.py asks this index
    the questions on other documents)."""
    assert review_report.splits["test"].evaluated == 265
    assert review_problems == {}


def test_the_test_split_keeps_totals_only(review_report: EvalReport) -> None:
    test = review_report.splits["test"]
    assert test.frozen and test.results == [] and test.failures == []
    assert review_report.splits["dev"].results


def test_hybrid_beats_each_retriever_alone(review_report: EvalReport) -> None:
    for split in ("dev", "test"):
        r = review_report.splits[split].per_document[REVIEW].retrieval
        assert r["hybrid"].recall_at[1] > r["lexical"].recall_at[1], split
        assert r["hybrid"].recall_at[1] > r["dense"].recall_at[1], split
