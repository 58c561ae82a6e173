"""What the evaluation floors share (tests/test_eval_floors.py scores the review-only index,
tests/test_eval_two_documents.py the two-document one): the floors, the check, the splits and
the promise recorder. Two files, so that `pytest -n 2` runs the two evaluations side by side.

REVIEW_ONLY and TWO_DOCS hold every threshold, a little under what was measured with the default
Settings on the submitted code (the table below); raise them as answers improve. The test split
is frozen: these checks read its totals only, never a question of it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import promises
from sclc_qa.evaluation import EvalQuestion, Metrics, Split, load_split
from sclc_qa.models import Answer

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "eval"
REVIEW = "es-sclc-immunotherapy-review"
NSCLC = "types-lung-hp-non-small-cell-lung-treatment-pdq"
# (split, document) → floors, about 0.02–0.03 under what was measured; "max_risk" is a ceiling,
# about 0.03–0.05 over. Measured with the learned ranker (data/ranker.json) and confidence
# (data/confidence.json, threshold 0.67), both fitted on the 2,402-question dev split, so dev
# figures are mostly in-sample:
#                      accuracy  abstention F1  recall@5  risk
#   review-only index
#     dev  review        0.817       0.790        0.997   0.047
#     test review        0.785       0.802        1.000   0.128
#   two-document index
#     dev  review        0.810       0.784        0.981   0.045
#     dev  NSCLC         0.776       0.778        0.986   0.082
#     test review        0.780       0.780        0.979   0.149
#     test NSCLC         0.730       0.706        0.991   0.184
Floors = dict[str, float]


def floors(accuracy: float, abstention_f1: float, recall_at_5: float, max_risk: float) -> Floors:
    return {
        "answer_accuracy": accuracy,
        "abstention_f1": abstention_f1,
        "recall_at_5": recall_at_5,
        "max_risk": max_risk,
    }


REVIEW_ONLY: dict[tuple[str, str], Floors] = {
    ("dev", REVIEW): floors(0.79, 0.77, 0.96, 0.08),
    ("test", REVIEW): floors(0.76, 0.78, 0.98, 0.16),
}
TWO_DOCS: dict[tuple[str, str], Floors] = {
    ("dev", REVIEW): floors(0.79, 0.76, 0.96, 0.08),
    ("dev", NSCLC): floors(0.75, 0.75, 0.96, 0.12),
    ("test", REVIEW): floors(0.75, 0.75, 0.96, 0.18),
    ("test", NSCLC): floors(0.70, 0.68, 0.96, 0.22),
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


# Issue 8: `/search` must beat plain BM25 (bm25s, the `lexical` ranker) at recall@1 by this much,
# per document of the two-document index. On the review alone the hybrid leads plain BM25 by
# less on test (README: 0.916 against 0.900), and is held above it.
BM25_MARGIN = 0.03


def recorder(found: dict[str, list[str]]) -> Callable[[EvalQuestion, Answer], None]:
    """An `on_answer` hook that records, by question id, the promises (tests/promises.py) each
    answer breaks, and a question not echoed as asked (whitespace collapsed)."""

    def record(q: EvalQuestion, answer: Answer) -> None:
        problems = promises.problems(answer)
        if answer.question != " ".join(q.question.split()):
            problems.append(f"question echoed as {answer.question!r}")
        if problems:
            found.setdefault(q.id, []).extend(problems)

    return record
