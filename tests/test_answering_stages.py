"""Each answering stage on its own: figures, entities, explanations, reasons, anchors.

Sentences here are written for the test, so each rule is shown on text it was not fitted to.
"""

from __future__ import annotations

from sclc_qa.answering.anchors import anchor_cost
from sclc_qa.answering.entities import EntityExtractor
from sclc_qa.answering.explanations import explaining_clause
from sclc_qa.answering.figures import FigureExtractor
from sclc_qa.answering.reasons import Reasons, join
from sclc_qa.engine import Engine
from sclc_qa.question import profile
from sclc_qa.spans import find


def _stages(engine: Engine) -> tuple[FigureExtractor, EntityExtractor]:
    answerer = engine._answerer
    return FigureExtractor(answerer.index, answerer.vocab), EntityExtractor(
        answerer.index, answerer.vocab
    )


def test_a_span_after_its_subject_is_nearer_than_one_before_it() -> None:
    groups = [(1.0, [(10, 14)])]
    assert anchor_cost(groups, 20, 25) < anchor_cost(groups, 0, 4)
    assert anchor_cost(groups, 11, 13) == 0.0
    assert anchor_cost([], 0, 5) == 0.0


def test_a_comparison_takes_the_paired_figure_and_its_interval(hashing_engine: Engine) -> None:
    figures, _ = _stages(hashing_engine)
    text = "Median OS was 14.2 months (95% CI, 12.0-16.1) vs 11.9 months with placebo."
    prof = profile("Median OS with the new drug versus placebo?")
    span = find(text, "duration")[0]
    s, e = figures.widen(text, span, prof)
    assert text[s:e] == "14.2 months (95% CI, 12.0-16.1) vs 11.9 months"
    alone = profile("What was the median OS with the new drug?")
    s, e = figures.widen(text, span, alone)
    assert text[s:e] == "14.2 months (95% CI, 12.0-16.1)"


def test_a_figure_belongs_to_the_name_just_before_it(hashing_engine: Engine) -> None:
    figures, _ = _stages(hashing_engine)
    text = "The ORR was 41% with durvalumab, while with atezolizumab the ORR was 23%."
    ranked = figures._rank(text, find(text, "percent"), profile("ORR with atezolizumab?"))
    assert text[ranked[0].start : ranked[0].end] == "23%"


def test_an_entity_of_the_asked_class_is_chosen(hashing_engine: Engine) -> None:
    _, entities = _stages(hashing_engine)
    text = "The phase III ALPHA-7 trial, run by Nordic Oncology, tested pembrolizumab weekly."
    found = entities.span(text, profile("Which drug did ALPHA-7 test?"))
    assert found is not None
    (s, e), _cost = found
    assert text[s:e] == "pembrolizumab"
    assert entities.span("No names here at all.", profile("Which drug was used?")) is None


def test_how_questions_get_the_explaining_clause_not_a_token(hashing_engine: Engine) -> None:
    vocab = hashing_engine._answerer.vocab
    text = (
        "The bispecific engager links CD3 on T cells to DLL3 on tumour cells, thereby "
        "redirecting cytotoxic T cells to kill DLL3-expressing cells regardless of their "
        "own antigen specificity or prior priming in the lymph node."
    )
    s, e = explaining_clause(text, profile("How does the engager redirect T cells?"), vocab)
    clause = text[s:e]
    assert len(clause.split()) > 5
    assert "links CD3" in clause or "redirecting" in clause
    short = "It binds PD-L1."
    assert explaining_clause(short, profile("How does it work?"), vocab) == (0, 14)


def test_reasons_name_what_is_missing_in_plain_words() -> None:
    one, many = Reasons(1), Reasons(2)
    assert one.not_mentioned(["X-1"]) == "The review does not mention X-1."
    assert many.not_mentioned(["X-1", "Y-2"]) == "The documents do not mention X-1 or Y-2."
    prof = profile("What was the response rate in TRIAL-9?")
    assert one.missing(prof, ["TRIAL-9"]) == "The review reports no response rate for TRIAL-9."
    assert join(["a", "b", "a", "c"]) == "a, b or c"
