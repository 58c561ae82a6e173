"""Regression floors per split and per document (slow).

Two engines. The shared review-only engine (conftest) can answer only the review's questions:
it scores those of both splits and skips, and counts, the rest. A two-document index built once
from eval/corpus/ with the real embedder scores everything, as
`sclc-qa --corpus-dir eval/corpus eval` does.

FLOORS holds every threshold, a little under what was measured with the default Settings on the
submitted code (see MEASURED); raise them as answers improve. The test split is frozen: these
checks read its totals only, never a question of it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import promises
from sclc_qa.config import Settings
from sclc_qa.engine import Engine
from sclc_qa.evaluation import EvalQuestion, EvalReport, Metrics, Split, evaluate, load_split
from sclc_qa.models import Answer

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "eval"
REVIEW = "es-sclc-immunotherapy-review"
NSCLC = "types-lung-hp-non-small-cell-lung-treatment-pdq"
# (split, document) → floors, about 0.02–0.03 under what was measured; "max_risk" is a ceiling,
# about 0.03–0.05 over. Measured with the learned ranker (data/ranker.json) and confidence
# (data/confidence.json, threshold 0.66), both fitted on the 2,314-question dev split, so dev
# figures are mostly in-sample:
#                      accuracy  abstention F1  recall@5  risk
#   review-only index
#     dev  review        0.807       0.781        0.996   0.056
#     test review        0.775       0.793        1.000   0.129
#   two-document index
#     dev  review        0.804       0.779        0.980   0.047
#     dev  NSCLC         0.761       0.775        0.985   0.082
#     test review        0.764       0.767        0.979   0.151
#     test NSCLC         0.722       0.731        0.991   0.178
Floors = dict[str, float]


def floors(accuracy: float, abstention_f1: float, recall_at_5: float, max_risk: float) -> Floors:
    return {
        "answer_accuracy": accuracy,
        "abstention_f1": abstention_f1,
        "recall_at_5": recall_at_5,
        "max_risk": max_risk,
    }


REVIEW_ONLY: dict[tuple[str, str], Floors] = {
    ("dev", REVIEW): floors(0.78, 0.76, 0.96, 0.09),
    ("test", REVIEW): floors(0.75, 0.77, 0.98, 0.17),
}
TWO_DOCS: dict[tuple[str, str], Floors] = {
    ("dev", REVIEW): floors(0.78, 0.75, 0.96, 0.09),
    ("dev", NSCLC): floors(0.74, 0.75, 0.96, 0.12),
    ("test", REVIEW): floors(0.74, 0.74, 0.96, 0.19),
    ("test", NSCLC): floors(0.70, 0.70, 0.96, 0.22),
}
MAX_MEDIAN_CHARS = 120  # factoid answers: a span, not a paragraph


def splits() -> list[Split]:
    return [load_split("dev", EVAL / "questions.jsonl"), load_split("test", EVAL / "test.jsonl")]


def check(m: Metrics, limits: Floors) -> list[str]:
    """The floors `m` falls through, as `metric value < floor` lines (totals only)."""
    got = {
        "answer_accuracy": m.answer_accuracy,
        "abstention_f1": m.abstention_f1,
        "recall_at_5": m.retrieval["hybrid"].recall_at[5] if "hybrid" in m.retrieval else None,
    }
    out = [f"{k} {got[k]} < {v}" for k, v in limits.items() if k in got and (got[k] or 0.0) < v]
    if m.risk is not None and m.risk > limits["max_risk"]:
        out.append(f"risk {m.risk} > {limits['max_risk']}")
    if m.median_answer_chars is not None and m.median_answer_chars > MAX_MEDIAN_CHARS:
        out.append(f"median factoid answer {m.median_answer_chars} > {MAX_MEDIAN_CHARS} chars")
    return out


# ------------------------------------------------------------------ review-only engine


@pytest.fixture(scope="module")
def review_problems() -> dict[str, list[str]]:
    """Question id → the promises its answers on the review-only index broke."""
    return {}


@pytest.fixture(scope="module")
def review_report(engine: Engine, review_problems: dict[str, list[str]]) -> EvalReport:
    return evaluate(engine, splits(), on_answer=_recorder(review_problems))


def _recorder(found: dict[str, list[str]]) -> Callable[[EvalQuestion, Answer], None]:
    """An `on_answer` hook that records, by question id, the promises (tests/promises.py) each
    answer breaks, and a question not echoed as asked (whitespace collapsed)."""

    def record(q: EvalQuestion, answer: Answer) -> None:
        problems = promises.problems(answer)
        if answer.question != " ".join(q.question.split()):
            problems.append(f"question echoed as {answer.question!r}")
        if problems:
            found.setdefault(q.id, []).extend(problems)

    return record


def test_questions_on_other_documents_are_skipped_and_counted(review_report: EvalReport) -> None:
    dev, test = review_report.splits["dev"], review_report.splits["test"]
    assert (dev.questions, dev.evaluated, dev.skipped) == (2402, 1477, {NSCLC: 925})
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


# Issue 8: `/search` must beat plain BM25 (bm25s, the `lexical` ranker) at recall@1 by this much,
# per document of the two-document index. On the review alone the hybrid leads plain BM25 by
# less on test (README: 0.916 against 0.900), and is held above it.
BM25_MARGIN = 0.03


def test_hybrid_beats_each_retriever_alone(review_report: EvalReport) -> None:
    for split in ("dev", "test"):
        r = review_report.splits[split].per_document[REVIEW].retrieval
        assert r["hybrid"].recall_at[1] > r["lexical"].recall_at[1], split
        assert r["hybrid"].recall_at[1] > r["dense"].recall_at[1], split


# ------------------------------------------------------------------ two-document engine


@pytest.fixture(scope="session")
def eval_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A real index of eval/corpus/ (the review and the NSCLC PDQ summary), built once."""
    settings = Settings(
        corpus_dir=EVAL / "corpus", index_dir=tmp_path_factory.mktemp("eval") / "index"
    )
    Engine.build(settings)
    return settings


@pytest.fixture(scope="session")
def eval_engine(eval_settings: Settings) -> Engine:
    return Engine.load(eval_settings)


@pytest.fixture(scope="module")
def promise_problems() -> dict[str, list[str]]:
    """Question id → the promises (tests/promises.py) its answers broke, filled in while the
    two-document report asks every question."""
    return {}


@pytest.fixture(scope="module")
def report(eval_engine: Engine, promise_problems: dict[str, list[str]]) -> EvalReport:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(promises, "CORPUS", promises.read_corpus(EVAL / "corpus"))
        return evaluate(eval_engine, splits(), on_answer=_recorder(promise_problems))


def test_every_question_is_evaluated(report: EvalReport) -> None:
    for name, n in (("dev", 2402), ("test", 425)):
        split = report.splits[name]
        assert (split.questions, split.evaluated, split.skipped) == (n, n, {})
        assert set(split.per_document) == {REVIEW, NSCLC}


@pytest.mark.parametrize("key", list(TWO_DOCS), ids=lambda k: f"{k[0]}-{k[1][:6]}")
def test_two_document_floors(report: EvalReport, key: tuple[str, str]) -> None:
    split, doc = key
    assert check(report.splits[split].per_document[doc], TWO_DOCS[key]) == []


def test_hybrid_beats_plain_bm25_on_each_document(report: EvalReport) -> None:
    for split in ("dev", "test"):
        for doc in (REVIEW, NSCLC):
            r = report.splits[split].per_document[doc].retrieval
            margin = r["hybrid"].recall_at[1] - r["lexical"].recall_at[1]
            assert margin >= BM25_MARGIN, (split, doc)


def test_answers_on_both_documents_keep_their_promises(
    report: EvalReport, promise_problems: dict[str, list[str]]
) -> None:
    """Every promise of tests/promises.py (verbatim quotes at their offsets, answers inside
    their first quote, …) on every answer the report asked for, on both splits: at the shipped
    threshold, and at 0 after an abstention (an answer given at the threshold is the one 0
    gives). Only the promises are checked here: no test question's answer is scored or shown."""
    assert report.splits["test"].evaluated == 425
    assert promise_problems == {}


@pytest.mark.parametrize("split", ["dev", "test"])
@pytest.mark.parametrize("doc", [REVIEW, NSCLC], ids=lambda d: d[:6])
def test_search_beats_bm25_on_both_documents(report: EvalReport, split: str, doc: str) -> None:
    r = report.splits[split].per_document[doc].retrieval
    assert r["hybrid"].recall_at[1] >= r["lexical"].recall_at[1] + BM25_MARGIN
