"""What every answer promises, for questions about documents the index does not hold (slow).

The shared engine indexes the review only. test_eval_floors.py checks every promise on each
answer its evaluations ask for: the review's questions on this index, and every question on the
two-document index. The dev questions on the other documents are asked of the review here:
whatever comes back must still keep every promise. The frozen test split is never asked here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from promises import problems
from sclc_qa.engine import Engine
from sclc_qa.evaluation import DEFAULT_DOC, EvalQuestion, load_questions

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
EVAL_FILE = ROOT / "eval" / "questions.jsonl"
QUESTIONS = [q for q in load_questions(EVAL_FILE) if q.doc != DEFAULT_DOC]


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.id for q in QUESTIONS])
def test_answer_invariants(engine: Engine, question: EvalQuestion) -> None:
    answer = engine.ask(question.question)
    assert problems(answer) == []
    if answer.abstained:  # else the answer given at the threshold is the one 0 gives
        assert problems(engine.ask(question.question, min_confidence=0.0)) == []
    assert answer.question == " ".join(question.question.split())
