"""Question files → retrieval and answer metrics per split, document and kind, and reports.

    questions.py  the question model (both schemas), named splits, frozen test splits
    scoring.py    the scoring rules of EVAL-GUIDE.md, pure functions
    metrics.py    per-question results → the figures of a group; risk–coverage; reliability
    runner.py     `evaluate(engine, splits)`: asks and searches, groups, keeps test totals only
    report.py     the side-by-side text summary and the Markdown report
    plots.py      the PNG plots (matplotlib, imported only when a report is written)

The engine never reads these inputs: evaluation only calls the public `Engine` API.
"""

from __future__ import annotations

from .metrics import (
    FACTOID_CATEGORIES,
    Metrics,
    QuestionResult,
    ReliabilityBin,
    RetrievalScores,
    ThresholdPoint,
    reliability,
    risk_coverage,
    summarise,
)
from .questions import (
    CATEGORIES,
    DEFAULT_DOC,
    Category,
    EvalQuestion,
    Split,
    load_questions,
    load_split,
)
from .report import FAILURES_SHOWN, format_summary, gaps, write_report
from .runner import MODES, EvalEngine, EvalReport, SplitReport, evaluate, skipped_line
from .scoring import (
    contains_figure,
    first_relevant_rank,
    is_correct,
    normalize_answer,
    normalize_path,
    parts_found,
    passage_relevant,
    section_matches,
)

__all__ = [
    "CATEGORIES",
    "DEFAULT_DOC",
    "FACTOID_CATEGORIES",
    "FAILURES_SHOWN",
    "MODES",
    "Category",
    "EvalEngine",
    "EvalQuestion",
    "EvalReport",
    "Metrics",
    "QuestionResult",
    "ReliabilityBin",
    "RetrievalScores",
    "Split",
    "SplitReport",
    "ThresholdPoint",
    "contains_figure",
    "evaluate",
    "first_relevant_rank",
    "format_summary",
    "gaps",
    "is_correct",
    "load_questions",
    "load_split",
    "normalize_answer",
    "normalize_path",
    "parts_found",
    "passage_relevant",
    "reliability",
    "risk_coverage",
    "section_matches",
    "skipped_line",
    "summarise",
    "write_report",
]
