"""evaluation.py: question files, metrics, risk–coverage and the report (scripted engine, fast)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sclc_qa.config import Settings
from sclc_qa.errors import SclcQaError
from sclc_qa.evaluation import (
    EvalQuestion,
    EvalReport,
    load_questions,
    normalize_answer,
    risk_coverage,
    run_eval,
    write_report,
)
from sclc_qa.models import Answer, Citation, Passage

# ------------------------------------------------------------------ normalize_answer


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HR = 0.73", "hr = 0.73"),
        ("  Low\u2011dose\n\tRadiotherapy  ", "low-dose radiotherapy"),
        ("0.54\u20130.91", "0.54-0.91"),  # en dash
        ("\u22120.5", "-0.5"),  # minus sign
        ("a\u2014b\u2010c\u2012d\u2015e", "a-b-c-d-e"),
        ("\uff28\uff32\u00a0\uff10.\uff17\uff13", "hr 0.73"),  # full-width letters, no-break space
        ("\ufb01rst-line", "first-line"),  # NFKC ligature
        ("PD\ufe63L1 PD\uff0dL1", "pd-l1 pd-l1"),
    ],
)
def test_normalize_answer(raw: str, expected: str) -> None:
    assert normalize_answer(raw) == expected


# ------------------------------------------------------------------ load_questions


def write_lines(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = json.dumps(
    {
        "id": "q1",
        "question": "HR for OS in CASPIAN?",
        "answerable": True,
        "sections": ["4.1.1"],
        "answers": ["HR = 0.73"],
        "category": "numeric",
    }
)


def test_load_questions_reads_jsonl_and_skips_blank_lines(tmp_path: Path) -> None:
    questions = load_questions(write_lines(tmp_path / "q.jsonl", GOOD, "", "  "))
    assert questions == [
        EvalQuestion(
            id="q1",
            question="HR for OS in CASPIAN?",
            answerable=True,
            sections=("4.1.1",),
            answers=("HR = 0.73",),
            category="numeric",
        )
    ]


@pytest.mark.parametrize(
    "bad",
    [
        "{not json",
        json.dumps({"id": "q2", "question": "x?", "answerable": True, "category": "unknown"}),
        json.dumps({"id": "q2", "answerable": True, "category": "numeric"}),
        json.dumps({"id": "q2", "question": "", "answerable": False, "category": "unanswerable"}),
        json.dumps(
            {"id": "q2", "question": "x?", "answerable": False, "category": "unanswerable", "x": 1}
        ),
    ],
)
def test_load_questions_names_the_bad_line(tmp_path: Path, bad: str) -> None:
    path = write_lines(tmp_path / "q.jsonl", GOOD, bad)
    with pytest.raises(SclcQaError, match=r"q\.jsonl:2: "):
        load_questions(path)


def test_load_questions_refuses_missing_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(SclcQaError, match="does not exist"):
        load_questions(tmp_path / "missing.jsonl")
    with pytest.raises(SclcQaError, match="no questions"):
        load_questions(write_lines(tmp_path / "empty.jsonl", ""))


# ------------------------------------------------------------------ run_eval on a scripted engine


def cite(section: str, quote: str) -> Citation:
    return Citation(
        doc="d",
        section=section,
        title=section,
        label=None,
        quote=quote,
        start=0,
        end=len(quote),
        score=1.0,
    )


def said(question: str, text: str, section: str, confidence: float) -> Answer:
    return Answer(
        question=question,
        answer=text,
        start=0,
        end=len(text),
        citations=(cite(section, text),),
        confidence=confidence,
        abstained=False,
    )


def silent(question: str, confidence: float) -> Answer:
    return Answer(
        question=question, answer=None, confidence=confidence, abstained=True, reason="no"
    )


def passage(section: str) -> Passage:
    return Passage(
        doc="d", section=section, title=section, label=None, text="t", start=0, end=1, score=1.0
    )


@dataclass
class ScriptedEngine:
    """Stands in for Engine: fixed raw answers, thresholded exactly as `Engine.ask` documents."""

    answers: dict[str, Answer]
    rankings: dict[str, dict[str, list[str]]]
    settings: Settings = field(default_factory=Settings)
    calls: list[tuple[str, float | None]] = field(default_factory=list)

    def ask(self, question: str, *, top_k: int = 5, min_confidence: float | None = None) -> Answer:
        self.calls.append((question, min_confidence))
        raw = self.answers[question]
        threshold = self.settings.answer.abstain_below if min_confidence is None else min_confidence
        if not raw.abstained and raw.confidence < threshold:
            return silent(question, raw.confidence)
        return raw

    def search(self, query: str, *, top_k: int = 5, mode: str = "hybrid") -> list[Passage]:
        return [passage(s) for s in self.rankings[query][mode][:top_k]]


def q(
    qid: str,
    answerable: bool,
    sections: tuple[str, ...] = (),
    answers: tuple[str, ...] = (),
    category: str = "numeric",
) -> EvalQuestion:
    return EvalQuestion(
        id=qid,
        question=f"question {qid}?",
        answerable=answerable,
        sections=sections,
        answers=answers,
        category=category if answerable else "unanswerable",
    )


QUESTIONS = [
    q("q1", True, ("4.1.1",), ("0.73",)),  # right
    q("q2", True, ("4.2",), ("low-dose radiotherapy",), "glossary"),  # right, after normalising
    q("q3", True, ("4.1.2",), ("0.54",)),  # wrong value
    q("q4", True, ("4.3",), ("7 months",)),  # abstains below the threshold
    q("q5", False),  # abstains: right
    q("q6", False),  # answers: wrong
    q("q7", False),  # abstains: right
    q("q8", True, ("4.4.1",), ("III",), "table"),  # right value, wrong section
]
ANSWERS = {
    "q1": ("HR = 0.73", "4.1.1", 0.9),
    "q2": ("Low\u2011dose  Radiotherapy", "4.2", 0.7),
    "q3": ("0.73", "4.1.2", 0.6),
    "q4": ("7 months", "4.3", 0.2),
    "q6": ("12 months", "1", 0.5),
    "q8": ("phase III", "3.3.1", 0.8),
}
RANKS = {  # 1-based rank of the gold section per retriever (None: not in the top 10)
    "q1": {"hybrid": 1, "lexical": 2, "dense": None},
    "q2": {"hybrid": 2, "lexical": 1, "dense": 1},
    "q3": {"hybrid": None, "lexical": None, "dense": 4},
    "q4": {"hybrid": 3, "lexical": 5, "dense": 1},
    "q8": {"hybrid": 1, "lexical": 1, "dense": 2},
}


def ranking(gold: str, rank: int | None) -> list[str]:
    out = ["x"] * 10
    if rank is not None:
        out[rank - 1] = gold
    return out


@pytest.fixture(scope="module")
def scripted() -> ScriptedEngine:
    answers, rankings = {}, {}
    for question in QUESTIONS:
        if question.id in ANSWERS:
            text, section, confidence = ANSWERS[question.id]
            answers[question.question] = said(question.question, text, section, confidence)
        else:
            answers[question.question] = silent(question.question, 0.1)
        if question.answerable:
            rankings[question.question] = {
                mode: ranking(question.sections[0], r) for mode, r in RANKS[question.id].items()
            }
    return ScriptedEngine(answers, rankings)


@pytest.fixture(scope="module")
def report(scripted: ScriptedEngine) -> EvalReport:
    return run_eval(scripted, QUESTIONS)  # type: ignore[arg-type]


def test_counts_and_answer_accuracy(report: EvalReport) -> None:
    assert (report.questions, report.answerable, report.unanswerable) == (8, 5, 3)
    assert report.answer_accuracy == pytest.approx(2 / 5)
    assert {r.id for r in report.results if r.correct} == {"q1", "q2", "q5", "q7"}
    assert [f.id for f in report.failures] == ["q3", "q4", "q6", "q8"]


def test_abstention_precision_recall_f1(report: EvalReport) -> None:
    # Abstained on q4 (answerable), q5, q7; answered q6 (unanswerable).
    assert report.abstention_precision == pytest.approx(2 / 3, abs=1e-4)
    assert report.abstention_recall == pytest.approx(2 / 3, abs=1e-4)
    assert report.abstention_f1 == pytest.approx(2 / 3, abs=1e-4)


def test_retrieval_recall_and_mrr_per_retriever(report: EvalReport) -> None:
    hybrid, lexical, dense = (report.retrieval[m] for m in ("hybrid", "lexical", "dense"))
    assert (hybrid.recall_at[1], hybrid.recall_at[3], hybrid.recall_at[10]) == (0.4, 0.8, 0.8)
    assert (lexical.recall_at[1], lexical.recall_at[5]) == (0.4, 0.8)
    assert (dense.recall_at[1], dense.recall_at[3], dense.recall_at[4]) == (0.4, 0.6, 0.8)
    assert hybrid.mrr_at_10 == pytest.approx((1 + 1 / 2 + 1 / 3 + 1) / 5, abs=1e-4)
    assert [r.first_relevant_rank for r in report.results] == [1, 2, None, 3, None, None, None, 1]


def test_answer_length_threshold_and_categories(report: EvalReport) -> None:
    # Answers given at the configured threshold: q1, q2, q3, q6, q8.
    lengths = sorted(len(ANSWERS[i][0]) for i in ("q1", "q2", "q3", "q6", "q8"))
    assert report.median_answer_chars == lengths[2]
    assert report.threshold == Settings().answer.abstain_below
    assert report.per_category["numeric"] == {
        "n": 3,
        "correct": round(1 / 3, 4),
        "abstained": round(1 / 3, 4),
    }
    assert report.per_category["unanswerable"]["correct"] == round(2 / 3, 4)


def test_raw_answers_are_asked_with_threshold_zero(scripted: ScriptedEngine) -> None:
    thresholds = {m for _, m in scripted.calls}
    assert thresholds == {None, 0.0}


def test_risk_coverage_moves_with_the_threshold(report: EvalReport) -> None:
    curve = report.risk_coverage
    assert [p.threshold for p in curve] == [i / 100 for i in range(101)]
    coverages = [p.coverage for p in curve]
    assert coverages == sorted(coverages, reverse=True)
    assert all(0.0 <= p.risk <= 1.0 and 0.0 <= p.overall_accuracy <= 1.0 for p in curve)
    at = {p.threshold: p for p in curve}
    # Threshold 0: the six raw answers are given; q1, q2 and q4 (right, but under 0.35) are right.
    assert at[0.0].coverage == pytest.approx(6 / 8)
    assert at[0.0].risk == pytest.approx(1 - 3 / 6, abs=1e-4)
    assert at[0.0].overall_accuracy == pytest.approx((3 + 2) / 8)
    # Threshold 0.85: only q1 (0.9) is given, and it is right; all three unanswerables abstain.
    assert at[0.85].coverage == pytest.approx(1 / 8)
    assert at[0.85].risk == 0.0
    assert at[0.85].overall_accuracy == pytest.approx((1 + 3) / 8)
    best = max(curve, key=lambda p: (p.overall_accuracy, -p.threshold))
    assert report.best_threshold == best.threshold


def test_risk_coverage_on_an_empty_list() -> None:
    [point] = risk_coverage([], [0.5])
    assert (point.coverage, point.risk, point.overall_accuracy) == (0.0, 0.0, 0.0)


def test_write_report_writes_markdown_and_two_plots(report: EvalReport, tmp_path: Path) -> None:
    files = write_report(report, tmp_path / "out" / "report.md")
    assert [f.name for f in files] == [
        "report.md",
        "report-recall.png",
        "report-risk-coverage.png",
    ]
    for png in files[1:]:
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = files[0].read_text(encoding="utf-8")
    assert "8 questions (5 answerable, 3 unanswerable)." in text
    assert "| hybrid | 0.400 | 0.800 | 0.800 | 0.800 |" in text
    assert "| answer accuracy (answerable) | 0.400 |" in text
    assert "## Failures (4)" in text
    assert "| q4 | numeric | question q4? | (abstained) no |" in text
    assert "![recall@k](report-recall.png)" in text
