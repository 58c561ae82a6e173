"""Per-question results → the figures of one group of questions (a split, a document, a
category): accuracy, risk, abstention, parts, retrieval, answer length, latency, calibration; and
the risk–coverage curve and reliability bins over raw (never-thresholded) answers."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "FACTOID_CATEGORIES",
    "KS",
    "Metrics",
    "QuestionResult",
    "ReliabilityBin",
    "RetrievalScores",
    "ThresholdPoint",
    "percentile",
    "reliability",
    "risk_coverage",
    "summarise",
]

KS = tuple(range(1, 11))
# The kinds whose answer is one short span (a figure, a name, a cell, or a few of them), so a
# long answer means a sentence was returned where a span would do. Lists, definitions, how/why,
# yes/no and comparisons are left out: a whole sentence can be the right answer there.
FACTOID_CATEGORIES = ("numeric", "entity", "table", "multipart")
RELIABILITY_BINS = 10


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class QuestionResult(_Model):
    """What happened to one question: kept for dev splits only, never for a frozen one."""

    id: str
    question: str
    doc: str
    category: str
    answerable: bool
    answer: str | None
    abstained: bool
    reason: str | None
    confidence: float
    cited_doc: str | None = None
    cited_section: str | None = Field(None, description="Section id of citations[0].")
    cited_path: str | None = Field(None, description="Its heading path, `A > B > C`.")
    correct: bool
    parts: bool | None = Field(None, description="All parts in the answer (None: no parts).")
    parts_with_alternatives: bool | None = None
    raw_answered: bool = Field(description="Answered with the abstention threshold at 0.")
    raw_confidence: float
    raw_correct: bool
    ranks: dict[str, int | None] = Field(
        default_factory=dict, description="Retriever → 1-based rank of the first relevant passage."
    )
    latency_ms: float


class RetrievalScores(_Model):
    n: int = Field(description="Answerable questions searched.")
    recall_at: dict[int, float]
    mrr_at_10: float


class ThresholdPoint(_Model):
    threshold: float
    coverage: float
    risk: float
    overall_accuracy: float


class ReliabilityBin(_Model):
    lo: float
    hi: float
    n: int
    confidence: float | None = Field(description="Mean confidence of the answers in the bin.")
    accuracy: float | None = Field(description="Share of them that are right.")


class Metrics(_Model):
    """The figures of one group of questions; None where a figure is undefined (no answers to
    take a risk over, no unanswerable questions to recall, …)."""

    n: int
    answerable: int
    unanswerable: int
    answered: int = Field(description="Answers given at the configured threshold.")
    correct: int = Field(description="Answerable questions answered right.")
    answer_accuracy: float | None = Field(description="correct / answerable.")
    overall_accuracy: float = Field(description="Also credits abstaining on unanswerable ones.")
    coverage: float = Field(description="answered / n.")
    risk: float | None = Field(description="Share of the answers given that are wrong.")
    abstention_precision: float | None
    abstention_recall: float | None
    abstention_f1: float | None
    parts_questions: int
    parts_accuracy: float | None = Field(description="Every part in the answer.")
    parts_accuracy_with_alternatives: float | None = Field(
        description="Every part in the answer or one of its alternatives."
    )
    retrieval: dict[str, RetrievalScores]
    median_answer_chars: float | None = Field(description="Over factoid answers given.")
    ece: float | None = Field(description="Expected calibration error of raw answers.")
    latency_ms_p50: float
    latency_ms_p95: float


def _share(k: int, n: int) -> float | None:
    return round(k / n, 4) if n else None


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    idx = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return round(ordered[idx], 2)


def _retrieval(ranks: Sequence[int | None]) -> RetrievalScores:
    n = len(ranks)
    return RetrievalScores(
        n=n,
        recall_at={
            k: round(sum(1 for r in ranks if r is not None and r <= k) / max(n, 1), 4) for k in KS
        },
        mrr_at_10=round(sum(1 / r for r in ranks if r is not None and r <= 10) / max(n, 1), 4),
    )


def summarise(results: Sequence[QuestionResult]) -> Metrics:
    """The figures of a group of results."""
    answerable = [r for r in results if r.answerable]
    answered = [r for r in results if not r.abstained]
    correct = sum(1 for r in answerable if r.correct)
    wrong = sum(1 for r in answered if not (r.answerable and r.correct))
    tp = sum(1 for r in results if r.abstained and not r.answerable)
    precision = _share(tp, sum(1 for r in results if r.abstained))
    recall = _share(tp, len(results) - len(answerable))
    fp = sum(1 for r in results if r.abstained and r.answerable)
    fn = sum(1 for r in results if not r.abstained and not r.answerable)
    f1 = _share(2 * tp, 2 * tp + fp + fn)
    with_parts = [r for r in results if r.parts is not None]
    modes = list(dict.fromkeys(m for r in answerable for m in r.ranks))
    lengths = [
        len(r.answer) for r in answered if r.answer is not None and r.category in FACTOID_CATEGORIES
    ]
    latencies = [r.latency_ms for r in results]
    return Metrics(
        n=len(results),
        answerable=len(answerable),
        unanswerable=len(results) - len(answerable),
        answered=len(answered),
        correct=correct,
        answer_accuracy=_share(correct, len(answerable)),
        overall_accuracy=_share(sum(1 for r in results if r.correct), len(results)) or 0.0,
        coverage=_share(len(answered), len(results)) or 0.0,
        risk=_share(wrong, len(answered)),
        abstention_precision=precision,
        abstention_recall=recall,
        abstention_f1=f1,
        parts_questions=len(with_parts),
        parts_accuracy=_share(sum(1 for r in with_parts if r.parts), len(with_parts)),
        parts_accuracy_with_alternatives=_share(
            sum(1 for r in with_parts if r.parts_with_alternatives), len(with_parts)
        ),
        retrieval={m: _retrieval([r.ranks.get(m) for r in answerable]) for m in modes},
        median_answer_chars=float(statistics.median(lengths)) if lengths else None,
        ece=_ece(reliability(results)),
        latency_ms_p50=percentile(latencies, 0.5),
        latency_ms_p95=percentile(latencies, 0.95),
    )


def risk_coverage(
    results: Sequence[QuestionResult], thresholds: Sequence[float]
) -> list[ThresholdPoint]:
    """Move the abstention threshold over the raw answers.

    Coverage is the share of all questions answered; risk is the share of answered ones that are
    wrong (an answered unanswerable question is wrong); overall accuracy also credits abstaining
    on the unanswerable ones.
    """
    n = max(len(results), 1)
    points = []
    for t in thresholds:
        given = [r for r in results if r.raw_answered and r.raw_confidence >= t]
        right = sum(1 for r in given if r.answerable and r.raw_correct)
        held_back = sum(
            1
            for r in results
            if not r.answerable and not (r.raw_answered and r.raw_confidence >= t)
        )
        points.append(
            ThresholdPoint(
                threshold=round(t, 3),
                coverage=round(len(given) / n, 4),
                risk=round(1 - right / len(given), 4) if given else 0.0,
                overall_accuracy=round((right + held_back) / n, 4),
            )
        )
    return points


def reliability(
    results: Sequence[QuestionResult], bins: int = RELIABILITY_BINS
) -> list[ReliabilityBin]:
    """Raw answers binned by confidence, each bin's mean confidence against its accuracy (an
    answered unanswerable question is wrong). Raw, so the bins under the threshold fill too."""
    given = [r for r in results if r.raw_answered]
    out = []
    for i in range(bins):
        lo, hi = i / bins, (i + 1) / bins
        inside = [
            r
            for r in given
            if lo <= r.raw_confidence < hi or (i == bins - 1 and r.raw_confidence >= hi)
        ]
        out.append(
            ReliabilityBin(
                lo=round(lo, 3),
                hi=round(hi, 3),
                n=len(inside),
                confidence=round(statistics.fmean(r.raw_confidence for r in inside), 4)
                if inside
                else None,
                accuracy=_share(
                    sum(1 for r in inside if r.answerable and r.raw_correct), len(inside)
                ),
            )
        )
    return out


def _ece(bins: Sequence[ReliabilityBin]) -> float | None:
    total = sum(b.n for b in bins)
    if not total:
        return None
    gap = sum(
        b.n * abs(b.accuracy - b.confidence)
        for b in bins
        if b.accuracy is not None and b.confidence is not None
    )
    return round(gap / total, 4)
