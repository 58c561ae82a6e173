"""Readings no one document's wording taught: a condition a question opens with asks nothing, a
registry's number is no count, "how many report X" asks a share, a condition's adjective is
its noun's word, a treatment's own name before "regimen" is no kind of it, and a run of
figures each read at its own time keeps the last one's time. Every name and figure here is
made up."""

from __future__ import annotations

from pathlib import Path

from sclc_qa.question import profile
from test_answering_stages import _answers_in, _section_engine


def test_a_condition_the_question_opens_with_asks_nothing() -> None:
    assert profile("With the 20 mg zentamab dose, what was the response rate?").kind == "percent"
    assert profile("At 30 Zy per fraction, how long did the response last?").kind == "duration"
    # The asking clause still decides when it asks the dose itself.
    assert profile("In zentoma, what dose of zentamab is given?").kind == "dose"


def test_a_registry_number_is_an_identifier_not_a_count() -> None:
    assert profile("What's the registry number of the phase II zentamab trial?").kind != "count"
    assert profile("What was the number of patients in the zentamab trial?").kind == "count"


def test_how_many_report_an_outcome_asks_a_share() -> None:
    assert profile("In zentoma, how many report itching after zentamab?").kind == "percent"
    assert profile("Of 212 patients, how many reported itching?").kind == "count"


def test_a_conditions_adjective_is_heard_in_its_noun(tmp_path: Path) -> None:
    text = (
        "Quellair given at 3 L/min did not improve breathlessness. Quellair is recommended for "
        "patients with zentemia but not for those without zentemia."
    )
    engine = _section_engine(tmp_path, text)
    answer = engine.ask(
        "Does quellair help breathlessness in patients who are not zentemic?", min_confidence=0.0
    )
    assert not answer.abstained, answer.reason
    refused = engine.ask("Does quellair help patients who are quellemic?", min_confidence=0.0)
    assert refused.abstained and "quellemic" in (refused.reason or "")


def test_a_treatments_own_name_before_regimen_is_no_kind_of_it(tmp_path: Path) -> None:
    text = (
        "More than 80% of patients responded to a 3-week schedule of zeta irradiation of 9 Zy "
        "given once a week, for a total of 27 Zy."
    )
    engine = _section_engine(tmp_path, text)
    answer = engine.ask(
        "In the weekly quellotherapy regimen, what dose per fraction was used?", min_confidence=0
    )
    assert "regimen" not in (answer.reason or "")
    refused = engine.ask(
        "In the quellothermic regimen, what dose per fraction was used?", min_confidence=0
    )
    assert refused.abstained and "quellothermic regimen" in (refused.reason or "")


def test_a_run_of_figures_each_at_its_time_keeps_the_last_ones_time(tmp_path: Path) -> None:
    text = (
        "Among 84 zentoma patients, the disease-specific survival rates were 97% at 2 years, "
        "91% at 5 years, and 88% at 10 years."
    )
    assert _answers_in(tmp_path, text, "Disease-specific survival at 2, 5 and 10 years?") == [
        "97% at 2 years, 91% at 5 years, and 88% at 10 years"
    ]


def test_why_takes_in_the_reason_the_sentence_gives_after_its_subject(tmp_path: Path) -> None:
    text = (
        "Limited evidence suggests a role for inhaled zentocaine in chronic zentitis, which "
        "should be used carefully and sparingly because of its bitter taste, suppression of "
        "the swallow reflex, and allergic reactions to stabilisers in these solutions."
    )
    asked = "Why is inhaled zentocaine used only sparingly in chronic zentitis?"
    (answer,) = _answers_in(tmp_path, text, asked)
    assert answer is not None
    assert "its bitter taste, suppression of the swallow reflex, and allergic reactions" in answer


def test_a_figure_labelled_as_another_drugs_arm_is_not_the_asked_drugs(tmp_path: Path) -> None:
    text = (
        "Zentamab is an oral inhibitor of ZRK1 that improved response in a phase III trial. "
        "Quellinib and placebo were compared in refractory zentoid cancer (ZTC). The PFS was "
        "14 months (95% CI, 9.1–16.2) in the quellinib arm, compared with 2.3 months (95% CI, "
        "2.0–3.1) in the placebo arm."
    )
    engine = _section_engine(tmp_path, text)
    refused = engine.ask(
        "What median PFS did zentamab achieve versus placebo in the ZTC trial?", min_confidence=0
    )
    assert refused.abstained and "quellinib" in (refused.reason or ""), refused.answer
    answered = engine.ask("What median PFS did quellinib achieve versus placebo?", min_confidence=0)
    assert answered.answer is not None and answered.answer.startswith("14 months")


def test_a_cell_whose_figures_the_question_states_is_given_not_asked(tmp_path: Path) -> None:
    table = (
        "| Registry ID | Intervention | Phase | Setting |\n"
        "| --- | --- | --- | --- |\n"
        "| NCT09990001 | 45 Gy/15 F | II | Second line |\n"
        "| NCT09990002 | 24 Gy/8 F | III | First line |\n"
    )
    assert _answers_in(
        tmp_path, table, "Which phase III trial in the table gives 24 Gy in 8 fractions?"
    ) == ["NCT09990002"]


def test_the_questions_own_subject_said_to_be_of_the_class_is_no_member(tmp_path: Path) -> None:
    text = (
        "Zentic wasting syndrome (ZWS) is an array of symptoms that patients and their families "
        "meet when zentin is lost from the quellar nerves. Patients and family members are "
        "often frightened and anxious about "
        "the symptoms of ZWS, particularly tremor, drooling, coughing, and hoarseness."
    )
    (answer,) = _answers_in(
        tmp_path, text, "Which ZWS symptoms tend to frighten patients and families most?"
    )
    assert answer is not None and "tremor, drooling" in answer


def test_a_row_keyed_by_the_first_columns_word_and_value_is_the_one_asked(
    tmp_path: Path,
) -> None:
    table = (
        "ZNA results are sorted into the tiers of the Zeta System.\n\n"
        "| Zeta Category | Cytology | Malignancy Rate | Suggested Treatment |\n"
        "| --- | --- | --- | --- |\n"
        "| I | Nondiagnostic | 2%–6% | Repeat ZNA (or continued surveillance, lobectomy) |\n"
        "| II | Benign | 0%–8% | Serial scans if small |\n"
        "| IV | Zentoid neoplasm | 55%–70% | Molecular testing, lobectomy |\n"
    )
    engine = _section_engine(tmp_path, table)
    asked = profile("Zeta category IV (zentoid neoplasm) on ZNA: what is the malignancy rate?")
    rows = {s.text.split(" |")[0]: s for s in engine.index.sentences if s.cells}
    keyed = {key for key, row in rows.items() if engine._answerer.scorer._keyed_by(row, asked)}
    assert keyed == {"IV"}
    assert engine.ask(asked.text, min_confidence=0.0).answer == "55%–70%"
    # A key of the same shape that no row has is another row, refused by name.
    refused = engine.ask("What is the malignancy rate for zeta category VII?", min_confidence=0)
    assert refused.abstained and "category VII" in (refused.reason or ""), refused.answer
