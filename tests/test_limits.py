"""A question that asks a limit ("at most how many …?", "how high can the dose go?") is answered
by the figure the text states as that limit, in a sentence or in a table row, not by the usual
figure beside it."""

from __future__ import annotations

from pathlib import Path

from sclc_qa.bounds import limit_asked, limit_start
from test_answering_stages import _BACKGROUND, _answers_in, _engine_over


def test_a_question_asks_a_limit_by_its_words() -> None:
    for asked in (
        "At most how many cycles of zentaplatin are given?",
        "How high can the quellizine dose safely go?",
        "What is the maximum daily dose of quellizine?",
        "Up to what dose can zentamab be raised?",
    ):
        assert limit_asked(asked) == "upper", asked
    assert limit_asked("At least how many nodes should be removed?") == "lower"
    # A dose a trial found is no limit asked of the text; nor is a plain dose.
    assert limit_asked("What was the maximum tolerated dose of zentamab?") is None
    assert limit_asked("What dose of zentamab is given?") is None
    # A bound the question states, a count of people, how long before something, a trial's
    # terms ("maximum-tolerated", "minimum residual"), a time to a maximum: no limit asked.
    for stated in (
        "What share had at most grade 2 events?",
        "How many people can get zentoma?",
        "How long can it be before the rash goes away?",
        "What was the maximum-tolerated dose?",
        "Is minimum residual zentoma measured?",
        "What was the time to maximum response?",
    ):
        assert limit_asked(stated) is None, stated


def test_a_figure_is_stated_as_a_limit_by_the_words_just_before_it() -> None:
    text = "Safe to raise the dose up to 8 mg daily; usually 1 mg daily."
    assert limit_start(text, text.index("8 mg"), "upper") == text.index("up to")
    assert limit_start(text, text.index("1 mg"), "upper") is None
    assert limit_start("at least 1,500 mL", 9, "lower") == 0
    # The words stand on their own: "follow-up to 24 months" states no limit.
    followed = "Median follow-up to 24 months."
    assert limit_start(followed, followed.index("24"), "upper") is None


def test_a_limit_asked_is_answered_by_the_figure_stated_as_one(tmp_path: Path) -> None:
    text = (
        "Zentaplatin is stopped after three courses when zentoma does not shrink; otherwise it "
        "may go on for no more than five courses."
    )
    (most,) = _answers_in(tmp_path, text, "At most how many courses of zentaplatin can be given?")
    assert most == "no more than five courses"


def test_a_limit_asked_of_a_table_row_is_the_cell_that_states_it(tmp_path: Path) -> None:
    doc = (
        "# Zentoma care\n\n## Drugs\n\nTable 4. Zentolytics\n\n"
        "| Drug | Dose | Comments |\n| --- | --- | --- |\n"
        "| Quellizine | 1–2 mg daily | Safe to increase dose up to 8 mg daily. |\n"
        "| Zetadine | 4 mg daily | Drowsiness. |\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "care", doc)
    usual = engine.ask("What is the usual quellizine dose?", min_confidence=0.0)
    assert usual.answer == "1–2 mg daily"
    most = engine.ask("How high can the quellizine dose safely go?", min_confidence=0.0)
    assert most.answer == "up to 8 mg daily"
