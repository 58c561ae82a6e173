"""Named splits (dev, test) → one report: every question asked and searched on one engine.

Only the public engine API is called (`ask`, `search`, `index.documents`). Questions are asked
without a document filter, since the system has to find the right document itself; results are
then grouped per document and per kind. A frozen split keeps totals only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..config import SearchMode
from ..models import Answer, Passage
from .metrics import (
    FACTOID_CATEGORIES,
    KS,
    Metrics,
    QuestionResult,
    ReliabilityBin,
    ThresholdPoint,
    reliability,
    risk_coverage,
    summarise,
)
from .questions import CATEGORIES, EvalQuestion, Split
from .scoring import first_relevant_rank, is_correct, parts_found

__all__ = ["MODES", "EvalEngine", "EvalReport", "SplitReport", "evaluate", "skipped_line"]

MODES: tuple[SearchMode, ...] = ("hybrid", "lexical", "dense")
THRESHOLDS = tuple(i / 100 for i in range(101))


class _Index(Protocol):
    @property
    def documents(self) -> Mapping[str, object]: ...


class EvalEngine(Protocol):
    """The part of `Engine` that evaluation uses (a scripted stand-in serves the unit tests)."""

    @property
    def threshold(self) -> float:
        """The confidence below which `ask` abstains."""
        ...

    @property
    def index(self) -> _Index: ...

    def ask(
        self, question: str, *, top_k: int = ..., min_confidence: float | None = ...
    ) -> Answer: ...

    def search(self, query: str, *, top_k: int = ..., mode: SearchMode = ...) -> list[Passage]: ...


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SplitReport(_Model):
    """The figures of one split: overall, per document and per category."""

    name: str
    file: str
    frozen: bool
    questions: int = Field(description="Questions in the file.")
    evaluated: int = Field(description="Those on documents in the index.")
    skipped: dict[str, int] = Field(description="Document not in the index → questions skipped.")
    overall: Metrics
    per_document: dict[str, Metrics]
    per_category: dict[str, Metrics]
    best_threshold: float | None = Field(description="Best overall accuracy on this split.")
    risk_coverage: list[ThresholdPoint]
    risk_coverage_per_document: dict[str, list[ThresholdPoint]]
    reliability: list[ReliabilityBin]
    failures: list[QuestionResult] = Field(description="Wrong ones, in file order; dev only.")
    results: list[QuestionResult] = Field(description="Every question's result; dev only.")

    @model_validator(mode="after")
    def _frozen_keeps_totals_only(self) -> SplitReport:
        if self.frozen and (self.failures or self.results):
            raise ValueError(f"split {self.name!r} is frozen: it keeps no per-question results")
        return self


class EvalReport(_Model):
    """Several splits scored on one engine, side by side."""

    documents: list[str] = Field(description="The documents in the index.")
    threshold: float = Field(description="The abstention threshold in use.")
    factoid_categories: tuple[str, ...] = FACTOID_CATEGORIES
    modes: tuple[str, ...] = MODES
    splits: dict[str, SplitReport]


def evaluate(
    engine: EvalEngine,
    splits: Sequence[Split],
    *,
    modes: Sequence[SearchMode] = MODES,
    on_progress: Callable[[str, int, int], None] | None = None,
    on_answer: Callable[[EvalQuestion, Answer], None] | None = None,
) -> EvalReport:
    """Ask and search every question of every split; `on_progress(split, done, total)`, and
    `on_answer(question, answer)` for every answer asked (the thresholded one, and the raw one
    after an abstention): a caller checks properties of answers without asking again."""
    names = [s.name for s in splits]
    if len(set(names)) != len(names):
        raise ValueError(f"split names must differ: {names}")
    documents = sorted(engine.index.documents)
    return EvalReport(
        documents=documents,
        threshold=engine.threshold,
        modes=tuple(modes),
        splits={
            s.name: _split(engine, s, set(documents), modes, on_progress, on_answer) for s in splits
        },
    )


def skipped_line(split: SplitReport) -> str | None:
    """`skipped: 160 questions on documents not in the index: a (100), b (60)`, or None."""
    if not split.skipped:
        return None
    total = sum(split.skipped.values())
    docs = ", ".join(f"{d} ({n})" for d, n in split.skipped.items())
    noun = "question" if total == 1 else "questions"
    return f"skipped: {total} {noun} on documents not in the index: {docs}"


def _split(
    engine: EvalEngine,
    split: Split,
    documents: set[str],
    modes: Sequence[SearchMode],
    on_progress: Callable[[str, int, int], None] | None,
    on_answer: Callable[[EvalQuestion, Answer], None] | None = None,
) -> SplitReport:
    asked = [q for q in split.questions if q.doc in documents]
    skipped: dict[str, int] = {}
    for q in split.questions:
        if q.doc not in documents:
            skipped[q.doc] = skipped.get(q.doc, 0) + 1
    results = []
    for i, q in enumerate(asked, 1):
        results.append(_one(engine, q, modes, on_answer))
        if on_progress:
            on_progress(split.name, i, len(asked))
    by_doc = {d: [r for r in results if r.doc == d] for d in sorted({r.doc for r in results})}
    by_category = {c: [r for r in results if r.category == c] for c in CATEGORIES}
    curve = risk_coverage(results, THRESHOLDS)
    best = max(curve, key=lambda p: (p.overall_accuracy, -p.threshold)) if results else None
    keep = not split.frozen
    return SplitReport(
        name=split.name,
        file=split.file,
        frozen=split.frozen,
        questions=len(split.questions),
        evaluated=len(results),
        skipped=dict(sorted(skipped.items())),
        overall=summarise(results),
        per_document={d: summarise(rs) for d, rs in by_doc.items()},
        per_category={c: summarise(rs) for c, rs in by_category.items() if rs},
        best_threshold=best.threshold if best else None,
        risk_coverage=curve,
        risk_coverage_per_document={d: risk_coverage(rs, THRESHOLDS) for d, rs in by_doc.items()},
        reliability=reliability(results),
        failures=[r for r in results if not r.correct] if keep else [],
        results=results if keep else [],
    )


def _one(
    engine: EvalEngine,
    q: EvalQuestion,
    modes: Sequence[SearchMode],
    on_answer: Callable[[EvalQuestion, Answer], None] | None = None,
) -> QuestionResult:
    ranks: dict[str, int | None] = {}
    if q.answerable:
        for mode in modes:
            ranks[mode] = first_relevant_rank(
                q, engine.search(q.question, top_k=max(KS), mode=mode)
            )
    a = engine.ask(q.question)
    # Given at the threshold, it is what threshold 0 gives too: ask again only after abstaining.
    raw = engine.ask(q.question, min_confidence=0.0) if a.abstained else a
    if on_answer is not None:
        for answer in (a, raw) if raw is not a else (a,):
            on_answer(q, answer)
    first = a.citations[0] if a.citations and not a.abstained else None
    return QuestionResult(
        id=q.id,
        question=q.question,
        doc=q.doc,
        category=q.category,
        answerable=q.answerable,
        answer=a.answer,
        abstained=a.abstained,
        reason=a.reason,
        confidence=a.confidence,
        cited_doc=first.doc if first else None,
        cited_section=first.section if first else None,
        cited_path=" > ".join(first.path) if first else None,
        correct=is_correct(q, a),
        parts=parts_found(q, a),
        parts_with_alternatives=parts_found(q, a, alternatives=True),
        raw_answered=not raw.abstained,
        raw_confidence=raw.confidence,
        raw_correct=not raw.abstained and is_correct(q, raw),
        ranks=ranks,
        latency_ms=a.timing_ms,
    )
