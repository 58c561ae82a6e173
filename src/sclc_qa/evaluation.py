"""Question file → retrieval and answer metrics, baselines, risk–coverage, and a Markdown report.

The engine never reads this module's inputs: evaluation only calls the public `Engine` API.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import SclcQaError
from .models import Answer

if TYPE_CHECKING:
    from .engine import Engine

__all__ = [
    "EvalQuestion",
    "EvalReport",
    "load_questions",
    "normalize_answer",
    "run_eval",
    "write_report",
]

Category = Literal[
    "numeric",
    "entity",
    "table",
    "glossary",
    "mechanism",
    "paraphrase",
    "comparison",
    "unanswerable",
]
KS = tuple(range(1, 11))
Mode = Literal["hybrid", "dense", "lexical"]
MODES: tuple[Mode, ...] = ("hybrid", "lexical", "dense")
_DASHES = re.compile(r"[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d-]")


class EvalQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    question: str = Field(min_length=1)
    answerable: bool
    sections: tuple[str, ...] = ()
    answers: tuple[str, ...] = ()
    category: Category


class QuestionResult(BaseModel):
    id: str
    question: str
    category: str
    answerable: bool
    answer: str | None
    abstained: bool
    reason: str | None
    confidence: float
    cited_section: str | None
    correct: bool
    first_relevant_rank: int | None = Field(description="1-based rank of the first gold section.")
    latency_ms: float


class RetrievalScores(BaseModel):
    recall_at: dict[int, float]
    mrr_at_10: float


class ThresholdPoint(BaseModel):
    threshold: float
    coverage: float
    risk: float
    overall_accuracy: float


class EvalReport(BaseModel):
    """Everything `sclc-qa eval --json` prints."""

    questions: int
    answerable: int
    unanswerable: int
    retrieval: dict[str, RetrievalScores]
    answer_accuracy: float
    abstention_precision: float
    abstention_recall: float
    abstention_f1: float
    median_answer_chars: float
    latency_ms_p50: float
    latency_ms_p95: float
    threshold: float
    best_threshold: float
    per_category: dict[str, dict[str, float]]
    risk_coverage: list[ThresholdPoint]
    failures: list[QuestionResult]
    results: list[QuestionResult]


def normalize_answer(text: str) -> str:
    """NFKC, lower case, every Unicode dash or minus as "-", whitespace collapsed."""
    text = _DASHES.sub("-", unicodedata.normalize("NFKC", text).lower())
    return " ".join(text.split())


def load_questions(path: Path) -> list[EvalQuestion]:
    """Read a JSONL question file; one clear error for the first bad line."""
    if not path.is_file():
        raise SclcQaError(f"question file {path} does not exist")
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(EvalQuestion.model_validate_json(line))
        except ValidationError as exc:
            first = exc.errors()[0]
            raise SclcQaError(
                f"{path}:{n}: {first['msg']} at {'.'.join(map(str, first['loc'])) or 'line'}"
            ) from exc
    if not out:
        raise SclcQaError(f"question file {path} holds no questions")
    return out


def is_correct(q: EvalQuestion, a: Answer) -> bool:
    if not q.answerable:
        return a.abstained
    if a.abstained or a.answer is None or not a.citations:
        return False
    got = normalize_answer(a.answer)
    return a.citations[0].section in q.sections and any(
        normalize_answer(g) in got for g in q.answers
    )


def _rank(
    engine: Engine, q: EvalQuestion, mode: Literal["hybrid", "dense", "lexical"]
) -> int | None:
    passages = engine.search(q.question, top_k=max(KS), mode=mode)
    for i, p in enumerate(passages, 1):
        if p.section in q.sections:
            return i
    return None


def _retrieval(ranks: Sequence[int | None]) -> RetrievalScores:
    n = max(len(ranks), 1)
    return RetrievalScores(
        recall_at={k: round(sum(1 for r in ranks if r is not None and r <= k) / n, 4) for k in KS},
        mrr_at_10=round(sum(1 / r for r in ranks if r is not None and r <= 10) / n, 4),
    )


def _percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    idx = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return round(ordered[idx], 2)


def _abstention(results: Sequence[QuestionResult]) -> tuple[float, float, float]:
    tp = sum(1 for r in results if r.abstained and not r.answerable)
    fp = sum(1 for r in results if r.abstained and r.answerable)
    fn = sum(1 for r in results if not r.abstained and not r.answerable)
    p = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
    return round(p, 4), round(rec, 4), round(f1, 4)


def risk_coverage(
    raw: Sequence[tuple[EvalQuestion, Answer]], thresholds: Sequence[float]
) -> list[ThresholdPoint]:
    """Move the abstention threshold over raw (never-thresholded) answers.

    Coverage is the share of all questions answered; risk is the share of answered ones that are
    wrong (an answered unanswerable question is wrong); overall accuracy also credits abstaining
    on the unanswerable ones.
    """
    points = []
    for t in thresholds:
        answered = [(q, a) for q, a in raw if not a.abstained and a.confidence >= t]
        right = sum(1 for q, a in answered if q.answerable and is_correct(q, a))
        abstained_ok = sum(
            1 for q, a in raw if not q.answerable and (a.abstained or a.confidence < t)
        )
        points.append(
            ThresholdPoint(
                threshold=round(t, 3),
                coverage=round(len(answered) / max(len(raw), 1), 4),
                risk=round(1 - right / len(answered), 4) if answered else 0.0,
                overall_accuracy=round((right + abstained_ok) / max(len(raw), 1), 4),
            )
        )
    return points


def run_eval(
    engine: Engine,
    questions: Sequence[EvalQuestion],
    *,
    on_progress: Callable[[int, int], None] | None = None,
) -> EvalReport:
    """Run every question through search (three retrievers) and ask; compute the figures."""
    results: list[QuestionResult] = []
    raw: list[tuple[EvalQuestion, Answer]] = []
    ranks: dict[str, list[int | None]] = {"hybrid": [], "lexical": [], "dense": []}
    for i, q in enumerate(questions):
        if q.answerable:
            for mode in MODES:
                ranks[mode].append(_rank(engine, q, mode))
        a = engine.ask(q.question)
        raw.append((q, engine.ask(q.question, min_confidence=0.0)))
        results.append(
            QuestionResult(
                id=q.id,
                question=q.question,
                category=q.category,
                answerable=q.answerable,
                answer=a.answer,
                abstained=a.abstained,
                reason=a.reason,
                confidence=a.confidence,
                cited_section=a.citations[0].section if a.citations and not a.abstained else None,
                correct=is_correct(q, a),
                first_relevant_rank=ranks["hybrid"][-1] if q.answerable else None,
                latency_ms=a.timing_ms,
            )
        )
        if on_progress:
            on_progress(i + 1, len(questions))
    answerable = [r for r in results if r.answerable]
    p, rec, f1 = _abstention(results)
    lengths = [len(r.answer) for r in results if r.answer is not None]
    latencies = [r.latency_ms for r in results]
    per_category: dict[str, dict[str, float]] = {}
    for cat in sorted({r.category for r in results}):
        rs = [r for r in results if r.category == cat]
        per_category[cat] = {
            "n": len(rs),
            "correct": round(sum(r.correct for r in rs) / len(rs), 4),
            "abstained": round(sum(r.abstained for r in rs) / len(rs), 4),
        }
    curve = risk_coverage(raw, [i / 100 for i in range(0, 101)])
    best = max(curve, key=lambda pt: (pt.overall_accuracy, -pt.threshold))
    return EvalReport(
        questions=len(results),
        answerable=len(answerable),
        unanswerable=len(results) - len(answerable),
        retrieval={m: _retrieval(r) for m, r in ranks.items()},
        answer_accuracy=round(sum(r.correct for r in answerable) / max(len(answerable), 1), 4),
        abstention_precision=p,
        abstention_recall=rec,
        abstention_f1=f1,
        median_answer_chars=float(statistics.median(lengths)) if lengths else 0.0,
        latency_ms_p50=_percentile(latencies, 0.5),
        latency_ms_p95=_percentile(latencies, 0.95),
        threshold=engine.settings.answer.abstain_below,
        best_threshold=best.threshold,
        per_category=per_category,
        risk_coverage=curve,
        failures=[r for r in results if not r.correct],
        results=results,
    )


def write_report(report: EvalReport, path: Path) -> list[Path]:
    """Write the Markdown report and its two PNG plots beside it; returns the files written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    recall_png = path.with_name(path.stem + "-recall.png")
    risk_png = path.with_name(path.stem + "-risk-coverage.png")
    _plot_recall(report, recall_png)
    _plot_risk(report, risk_png)
    r = report.retrieval
    lines = [
        "# sclc-qa evaluation",
        "",
        f"{report.questions} questions ({report.answerable} answerable, "
        f"{report.unanswerable} unanswerable).",
        "",
        "## Retrieval (section of the gold answer among the top passages)",
        "",
        "| retriever | recall@1 | recall@3 | recall@5 | recall@10 | MRR@10 |",
        "|---|---|---|---|---|---|",
    ]
    for mode in ("hybrid", "lexical", "dense"):
        s = r[mode]
        lines.append(
            f"| {mode} | {s.recall_at[1]:.3f} | {s.recall_at[3]:.3f} | {s.recall_at[5]:.3f} | "
            f"{s.recall_at[10]:.3f} | {s.mrr_at_10:.3f} |"
        )
    lines += [
        "",
        f"![recall@k]({recall_png.name})",
        "",
        "## Answers",
        "",
        "| metric | value |",
        "|---|---|",
        f"| answer accuracy (answerable) | {report.answer_accuracy:.3f} |",
        f"| abstention precision | {report.abstention_precision:.3f} |",
        f"| abstention recall | {report.abstention_recall:.3f} |",
        f"| abstention F1 | {report.abstention_f1:.3f} |",
        f"| median answer length (chars) | {report.median_answer_chars:.0f} |",
        f"| latency p50 / p95 (ms) | {report.latency_ms_p50:.1f} / {report.latency_ms_p95:.1f} |",
        f"| abstention threshold in use | {report.threshold:.2f} |",
        f"| threshold with best overall accuracy on this file | {report.best_threshold:.2f} |",
        "",
        f"![risk-coverage]({risk_png.name})",
        "",
        "## Per category",
        "",
        "| category | n | correct | abstained |",
        "|---|---|---|---|",
    ]
    for cat, m in report.per_category.items():
        lines.append(f"| {cat} | {m['n']:.0f} | {m['correct']:.3f} | {m['abstained']:.3f} |")
    lines += ["", f"## Failures ({len(report.failures)})", ""]
    if report.failures:
        lines += ["| id | category | question | answer / reason | cited |", "|---|---|---|---|---|"]
        for f in report.failures:
            got = f.answer if f.answer is not None else f"(abstained) {f.reason}"
            cell = got.replace("|", "\\|").replace("\n", " ")[:140]
            lines.append(
                f"| {f.id} | {f.category} | {f.question.replace('|', '/')} | {cell} | "
                f"{f.cited_section or ''} |"
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [path, recall_png, risk_png]


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _plot_recall(report: EvalReport, path: Path) -> None:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6, 4))
    for mode, style in (("hybrid", "o-"), ("lexical", "s--"), ("dense", "^:")):
        scores = report.retrieval[mode].recall_at
        ax.plot(list(KS), [scores[k] for k in KS], style, label=mode)
    ax.set_xlabel("k (passages)")
    ax.set_ylabel("section recall@k")
    ax.set_xticks(list(KS))
    ax.set_ylim(0, 1.02)
    ax.grid(alpha=0.3)
    ax.legend()
    ax.set_title("Retrieval: recall@k by retriever")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def _plot_risk(report: EvalReport, path: Path) -> None:
    plt = _pyplot()
    pts = report.risk_coverage
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot([p.coverage for p in pts], [p.risk for p in pts], "-", label="risk vs coverage")
    used = min(pts, key=lambda p: abs(p.threshold - report.threshold))
    ax.plot([used.coverage], [used.risk], "ro", label=f"threshold {report.threshold:.2f}")
    ax.set_xlabel("coverage (share of all questions answered)")
    ax.set_ylabel("risk (share of answers that are wrong)")
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, max(0.3, max(p.risk for p in pts) + 0.05))
    ax.grid(alpha=0.3)
    ax.legend()
    ax.set_title("Risk–coverage as the confidence threshold moves")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
