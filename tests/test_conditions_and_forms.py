"""Readings no one document's wording taught: a condition a question opens with asks nothing, a
registry's number is no count, "how many report X" asks a share, a condition's adjective is
its noun's word, a treatment's own name before "regimen" is no kind of it, a run of figures
each read at its own time keeps the last one's time, "why" takes in the reason given after its
subject, a figure of another drug's arm is not the asked drug's, a table cell whose figures the
question states is given, the question's own subject is no member of the class it asks, and a
table row is keyed by its first column's word and value. Every name and figure here is made
up."""

from __future__ import annotations

from pathlib import Path

from sclc_qa.answering.regimens import other_arm
from sclc_qa.lexical import normalize
from sclc_qa.question import profile
from sclc_qa.tables import _akin as _row_akin
from sclc_qa.tables import _quoted
from test_answering_stages import _answers_in, _refusal, _section_engine


def test_a_condition_the_question_opens_with_asks_nothing() -> None:
    assert profile("With the 20 mg zentamab dose, what was the response rate?").kind == "percent"
    assert profile("At 30 Zy per fraction, how long did the response last?").kind == "duration"
    # The asking clause still decides when it asks the dose itself.
    assert profile("In zentoma, what dose of zentamab is given?").kind == "dose"
    # A rule anchored at the asking clause's start reads it as a question of its own.
    asked = "With the 10 mg dose, how does zentamab shrink zentomas?"
    assert profile(asked).kind == "mechanism"


def test_a_registry_number_is_an_identifier_not_a_count(tmp_path: Path) -> None:
    assert profile("What's the registry number of the phase II zentamab trial?").kind != "count"
    assert profile("What was the number of patients in the zentamab trial?").kind == "count"
    text = (
        "A phase II trial (NCT09990007) is testing zentamab after first-line chemotherapy in 48 "
        "patients with zentoma; its results are not yet reported."
    )
    asked = "What's the registry number of the phase II zentamab trial?"
    assert _answers_in(tmp_path, text, asked) == ["NCT09990007"]


def test_how_many_report_an_outcome_asks_a_share() -> None:
    assert profile("In zentoma, how many report itching after zentamab?").kind == "percent"
    assert profile("Of 212 patients, how many reported itching?").kind == "count"
    # The word that names what is counted is no outcome's verb.
    assert profile("How many reported deaths were there in the zentamab series?").kind == "count"
    assert profile("How many reports on zentamab were published?").kind == "count"


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
    assert "quellemic" in _refusal(engine, "Does quellair help patients who are quellemic?")


def test_a_treatments_own_name_before_regimen_is_no_kind_of_it(tmp_path: Path) -> None:
    text = (
        "More than 80% of patients responded to a 3-week schedule of zeta irradiation of 9 Zy "
        "given once a week, for a total of 27 Zy."
    )
    engine = _section_engine(tmp_path, text)
    answer = engine.ask(
        "In the weekly quellotherapy regimen, what dose per fraction was used?", min_confidence=0
    )
    assert answer.answer is not None and "9 Zy" in answer.answer, answer.reason
    asked = "In the quellothermic zentotherapy regimen, what dose per fraction was used?"
    assert "quellothermic" in _refusal(engine, asked)


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
        "Zentocaine sprays may ease the dry cough of chronic zentitis, which clinicians "
        "prescribe rarely and for short courses because of their metallic taste, numbness of "
        "the throat, and rare allergic reactions to the propellant, whereas quellidone syrup is "
        "given freely."
    )
    asked = (
        "Why are zentocaine sprays prescribed only rarely for the dry cough of chronic zentitis?"
    )
    (answer,) = _answers_in(tmp_path, text, asked)
    assert answer is not None and "because of their metallic taste" in answer
    assert "quellidone" not in answer  # the sentence turns to another drug: no reason of it


def test_a_figure_labelled_as_another_drugs_arm_is_not_the_asked_drugs(tmp_path: Path) -> None:
    text = (
        "Zentamab is an oral inhibitor of ZRK1 that improved response in a phase III trial. "
        "Quellinib and placebo were compared in refractory zentoid cancer (ZTC). The PFS was "
        "14 months (95% CI, 9.1–16.2) in the quellinib arm, compared with 2.3 months (95% CI, "
        "2.0–3.1) in the placebo arm."
    )
    engine = _section_engine(tmp_path, text)
    asked = "What median PFS did zentamab achieve versus placebo in the ZTC trial?"
    assert "quellinib" in _refusal(engine, asked)
    # Only the first figure's arm says whose figure it is, not a comparator's after it.
    compared = "PFS was 11 months in the experimental arm versus 6 months in the quellinib arm."
    assert other_arm(("zentamab",), compared, 0, len(compared)) is None
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
    # One number may be the question's by chance, for another row's cell.
    assert not _quoted("12%", normalize("What was the 2-year OS with the 12-month schedule?"))


def test_the_questions_own_subject_said_to_be_of_the_class_is_no_member(tmp_path: Path) -> None:
    text = (
        "Quellar wasting neuropathy (QWN) is a set of symptoms that patients and their relatives "
        "meet when zentin is lost from the nerves. In QWN, relatives are often distressed, above "
        "all by tremor, drooling and slurred speech."
    )
    asked = "Which QWN symptoms tend to distress patients and relatives the most?"
    (answer,) = _answers_in(tmp_path, text, asked)
    assert answer is not None and "tremor, drooling and slurred speech" in answer
    # A member named with the subject's short form is still one.
    text = "QWN tremor is the symptom patients fear most. Quellar wasting neuropathy (QWN) is rare."
    assert _answers_in(tmp_path / "b", text, "Which QWN symptom do patients fear most?") == [
        "QWN tremor"
    ]


def test_a_row_keyed_by_the_first_columns_word_and_value_is_the_one_asked(
    tmp_path: Path,
) -> None:
    table = (
        "ZRS scores are grouped as follows.\n\n"
        "| Zeta Grade | Finding | Five-Year Survival | Follow-up |\n"
        "| --- | --- | --- | --- |\n"
        "| 1 | Confined to the zentum | 88%–93% | Yearly ZRS scans |\n"
        "| 2 | Local spread | 61%–70% | ZRS scans every 6 months |\n"
        "| 4 | Distant spread | 9%–14% | Scans as symptoms dictate |\n"
    )
    engine = _section_engine(tmp_path, table)
    asked = profile("Zeta grade 2 (local spread) on ZRS: what is the five-year survival?")
    rows = {s.text.split(" |")[0]: s for s in engine.index.sentences if s.cells}
    keyed = {key for key, row in rows.items() if engine._answerer.scorer._keyed_by(row, asked)}
    assert keyed == {"2"}
    assert engine.ask(asked.text, min_confidence=0.0).answer == "61%–70%"
    # A key of the same shape that no row has is another row, refused by name.
    assert "grade 3" in _refusal(engine, "What is the five-year survival for zeta grade 3?")
    # A key a row holds with a lettered part ("grade 2" for "2A") is that row's.
    assert _row_akin("2", "2a") and not _row_akin("vi", "vii")
