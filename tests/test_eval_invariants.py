"""What every answer promises, checked on every dev question of eval/questions.jsonl (slow).

The shared engine indexes the review only, so the questions on the second document are asked of
the review too: whatever comes back must still keep every promise. test_eval_floors.py checks
them on the two-document index. The frozen test split is never asked here one by one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from promises import problems
from sclc_qa.engine import Engine
from sclc_qa.evaluation import EvalQuestion, load_questions

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
EVAL_FILE = ROOT / "eval" / "questions.jsonl"
QUESTIONS = load_questions(EVAL_FILE)


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.id for q in QUESTIONS])
def test_answer_invariants(engine: Engine, question: EvalQuestion) -> None:
    answer = engine.ask(question.question)
    raw = engine.ask(question.question, min_confidence=0.0)
    assert problems(answer) == []
    assert problems(raw) == []
    assert answer.question == " ".join(question.question.split())
