"""A figure stated in a table row's one cell of prose; a disease counted by its "cases"; a study
named only to set it beside the paragraph's own ("unlike the X trial"), which neither takes the
paragraph over nor lends its name to the sentences after it.

Every sentence, name and figure here is made up; none is a document's.
"""

from __future__ import annotations

from pathlib import Path

from test_answering_stages import _answers_in, _refusal, _section_engine, _spans_in

_ROW_OF_PROSE = (
    "| Agent | Action | Caution | Evidence |\n|---|---|---|---|\n"
    "| Quellidone | Softens zeta deposits. | Avoid in renal failure. | In a series of adults "
    "with zeta disease, roughly 35% of patients were free of pain within 2 days of a dose. |\n"
    "| Zentazine | Binds zentin. | Avoid in pregnancy. | None published. |"
)


def test_a_figure_in_a_rows_one_cell_of_prose_answers(tmp_path: Path) -> None:
    answers = _answers_in(
        tmp_path,
        _ROW_OF_PROSE,
        "With quellidone, how many adults with zeta disease were free of pain within 2 days?",
    )
    assert answers == ["roughly 35%"]


def test_a_row_of_several_cells_stating_figures_is_read_by_its_headers(tmp_path: Path) -> None:
    # Two cells of prose each stating a share: the row's headers must say which is asked.
    text = (
        "| Agent | Trial one | Trial two |\n|---|---|---|\n"
        "| Quellidone | In the first series of adults, about 35% of them were free of pain. "
        "| In the second series of adults, about 52% of them were free of pain. |"
    )
    spans = _spans_in(tmp_path, text, "Quellidone", "How many adults were free of pain?")
    assert spans == [[]]


def test_a_disease_counted_by_its_cases(tmp_path: Path) -> None:
    text = (
        "Estimated new cases of and deaths from zetal cancer in Zetland in 2031:\n\n"
        "- New cases: 4,410.\n- Deaths: 1,020.\n\nZetal cancer is rare."
    )
    answers = _answers_in(tmp_path, text, "How many new zetal cancers are expected in 2031?")
    assert answers == ["4,410"]


_CONTRASTED = (
    "The ZEPHYR-2 trial enrolled 410 women with zeta cancer. Unlike the QUELL-7 trial, women "
    "with prior zentamab were eligible. Women were assigned to quellimab (200 mg IV) every 3 "
    "weeks for four cycles or to placebo."
)


def test_a_study_set_beside_the_paragraphs_own_does_not_take_it_over(tmp_path: Path) -> None:
    engine = _section_engine(tmp_path, _CONTRASTED)
    answer = engine.ask("What dose of quellimab was given in ZEPHYR-2?", min_confidence=0.0)
    assert answer.answer == "200 mg IV"
    # The contrasted trial's name lends itself to no sentence after it.
    refused = _refusal(engine, "How many cycles of quellimab were given in QUELL-7?")
    assert "QUELL-7" in refused
