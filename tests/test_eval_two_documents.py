"""Regression floors on a two-document index (slow): a real index of eval/corpus/ (the review
and the NSCLC PDQ summary) built once with the real embedder scores every question, as
`sclc-qa --corpus-dir eval/corpus eval` does. The floors and their measurements are in
tests/floors.py.
"""

from __future__ import annotations

import pytest

import promises
from floors import BM25_MARGIN, EVAL, NSCLC, REVIEW, TWO_DOCS, check, recorder, splits
from sclc_qa.config import Settings
from sclc_qa.engine import Engine
from sclc_qa.evaluation import EvalReport, evaluate

pytestmark = pytest.mark.slow


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
        return evaluate(eval_engine, splits(), on_answer=recorder(promise_problems))


def test_every_question_is_evaluated(report: EvalReport) -> None:
    for name, n in (("dev", 6147), ("test", 425)):
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
