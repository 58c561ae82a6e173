"""What every answer promises, checked on every question of eval/questions.jsonl (slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from promises import problems
from sclc_qa.engine import Engine
from sclc_qa.evaluation import load_questions

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
EVAL_FILE = ROOT / "eval" / "questions.jsonl"
QUESTIONS = load_questions(EVAL_FILE)


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.id for q in QUESTIONS])
def test_answer_invariants(engine: Engine, question) -> None:  # type: ignore[no-untyped-def]
    answer = engine.ask(question.question)
    raw = engine.ask(question.question, min_confidence=0.0)
    assert problems(answer) == []
    assert problems(raw) == []
    assert answer.question == " ".join(question.question.split())
