"""A figure named by the values written after it; counts spelled out before their share; a
list item that leads into a list of its own; a survival figure asked with no measure, and
answered by a rate where no median is given; time points in weeks; drug codes that are no
endpoints; volumes as doses; words for parts and for kindred classes that no document needs
to write; results not yet published, which bear on no definition.

Every sentence, name and figure here is made up; none is a document's.
"""

from __future__ import annotations

from pathlib import Path

from sclc_qa.answering.labels_after import labelled_after
from sclc_qa.answering.lists import answer as list_answer
from sclc_qa.question import profile
from sclc_qa.spans import find
from test_answering_stages import _answers_in, _engine_over, _indexed, _refusal, _section_engine

_RATES_BY_GROUP = (
    "In the ZQ-4 study, the quell-free rates were 70% for patients with less than 4% zeta "
    "cells, 45% for patients with 4% to 20% zeta cells, and 15% for patients with more than "
    "20% zeta cells."
)
_RATES = ("70%", "45%", "15%")


def test_the_figure_whose_label_after_it_states_the_values_asked() -> None:
    asked = profile("In ZQ-4, what was the quell-free rate with 4% to 20% zeta cells?")
    # The figures stated, less those the question states itself (conditions, not answers).
    spans = [
        s for s in find(_RATES_BY_GROUP, "percent") if _RATES_BY_GROUP[s.start : s.end] in _RATES
    ]
    figures = {s.start: _RATES_BY_GROUP[s.start : s.end] for s in spans}
    labelled = labelled_after(_RATES_BY_GROUP, spans, asked)
    assert [figures[at] for at in labelled] == ["45%"]
    # No value asked, or two labels holding as many: no figure is named so.
    assert labelled_after(_RATES_BY_GROUP, spans, profile("What was the quell-free rate?")) == set()
    even = profile("What was the quell-free rate around 20% zeta cells?")
    assert labelled_after(_RATES_BY_GROUP, spans, even) == set()


def test_a_group_asked_by_its_values_gets_its_own_rate(tmp_path: Path) -> None:
    (got,) = _answers_in(
        tmp_path,
        _RATES_BY_GROUP,
        "In the ZQ-4 study, what was the quell-free rate for patients with 4% to 20% zeta cells?",
    )
    assert got is not None and got.startswith("45%")


def test_a_count_spelled_out_before_its_share_is_a_count(tmp_path: Path) -> None:
    text = (
        "Thirty-two (2.1%) zetal deaths were reported for quellplatin-based regimens and 19 "
        "(1.2%) zetal deaths were reported for nonquellplatin regimens."
    )
    assert [text[s.start : s.end] for s in find(text, "count")][:1] == ["Thirty-two"]
    (got,) = _answers_in(
        tmp_path, text, "How many zetal deaths were reported with quellplatin-based regimens?"
    )
    assert got is not None and got.startswith("Thirty-two")


def test_a_last_item_that_leads_into_a_list_brings_its_items(tmp_path: Path) -> None:
    engine, sid = _indexed(
        tmp_path,
        "Zeta brachytherapy at the margin has been studied after limited quellectomy.\n\n"
        "Evidence (zeta brachytherapy):\n\n"
        "1. A trial that assigned 180 patients to quellectomy with or without zeta "
        "brachytherapy reported the following:\n\n"
        "- No difference in local quell recurrence (4-year estimate, 11.0% vs. 13.5%).\n"
        "- No difference in overall survival (4-year estimate, 58.2% vs. 57.9%).",
        "has been studied",
    )
    asked = profile("Does zeta brachytherapy after quellectomy reduce local quell recurrence?")
    # The sentence that names the question's subject is followed by a lead-in whose one item
    # leads into the results: the answer is that item with the results it lists.
    found = list_answer(engine.index, engine._answerer.vocab, asked, sid)
    assert found is not None
    _, start, end = found
    doc = engine.index.documents[engine.index.sentences[sid].doc]
    assert doc.text[start:end].startswith("A trial that assigned 180 patients")
    assert doc.text[start:end].rstrip().endswith("58.2% vs. 57.9%).")


def test_a_survival_figure_asked_with_no_measure_may_be_a_rate() -> None:
    assert profile("What was event-free survival with zentamab?").or_else == "percent"
    assert profile("What was median event-free survival with zentamab?").or_else is None
    assert profile("What was the event-free survival rate with zentamab?").or_else is None


def test_a_rate_answers_a_survival_asked_with_no_measure_where_no_median_is_given(
    tmp_path: Path,
) -> None:
    (got,) = _answers_in(
        tmp_path,
        "In the ZQ-8 series, the 3-year event-free survival was 61.5% for tumours of 4 cm or less.",
        "In ZQ-8, what was event-free survival for tumours of 4 cm or less?",
    )
    assert got is not None and "61.5%" in got


def test_a_survival_at_a_number_of_weeks_is_a_rate() -> None:
    assert profile("Zentamab vs placebo: 12-week PFS in each arm?").kind == "percent"
    assert profile("What was the 6-week disease control with zentamab?").kind == "percent"
    assert profile("How long is the 6-week zentamab course?").kind == "duration"


def test_a_drug_code_names_no_endpoint() -> None:
    assert profile("What dose of AE-417 was given in ZQ-3?").endpoints == frozenset()
    assert profile("How was OS-22 dosed?").endpoints == frozenset()
    assert profile("Which AEs occurred with zentamab?").endpoints == {"tox"}


def test_a_volume_is_a_dose_by_its_weight_or_its_schedule() -> None:
    def doses(text: str) -> list[str]:
        return [text[s.start : s.end] for s in find(text, "dose")]

    assert doses("Patients took ZQ-5 (85 mL administered orally twice daily).") == [
        "85 mL administered orally twice daily"
    ]
    assert doses("The top dose was 1.8 mL/kg/day of ZQ-5.") == ["1.8 mL/kg/day"]
    assert doses("The tumour's volume was 85 mL at baseline.") == []


def test_a_word_for_a_part_asks_no_class_a_document_must_write(tmp_path: Path) -> None:
    engine = _section_engine(
        tmp_path,
        "Zentamab quellotin contains a humanised zeta antibody, a quellane toxin, and a "
        "cleavable linker.",
    )
    got = engine.ask("What three pieces make up zentamab quellotin?", min_confidence=0.0)
    assert got.answer is not None and "cleavable linker" in got.answer


def test_a_kindred_class_word_is_no_unheard_class(tmp_path: Path) -> None:
    engine = _section_engine(
        tmp_path,
        "Exploratory analyses suggest that a 9-protein zeta signature may serve as a "
        "predictive biomarker for zentamab.",
    )
    got = engine.ask("What predictors of benefit from zentamab were found?", min_confidence=0.0)
    assert got.answer is not None and "zeta signature" in got.answer
    # A class no document writes, nor any word kindred to it, is still refused.
    assert "comet" in _refusal(engine, "Which comet predicts benefit from zentamab?")


def test_results_not_yet_published_bear_on_no_definition(tmp_path: Path) -> None:
    engine = _engine_over(
        tmp_path,
        "doc",
        "# Doc\n\n## Section\n\n"
        "Quellix, a powdered preparation of zeta cartilage, was given to 20 patients in a "
        "study described in an abstract,[[3](#cit/section_5.3)] but complete results of this "
        "study have not been published.\n",
    )
    got = engine.ask("What is Quellix?", min_confidence=0.0)
    assert got.answer is not None and "powdered preparation" in got.answer
    # Asked what the study found, the clause is the reason, as a reader sees it.
    why = _refusal(engine, "What did the Quellix study show?")
    assert "have not been published" in why and "[[" not in why and "](" not in why


def test_an_age_group_asked_labels_the_figure_after_it(tmp_path: Path) -> None:
    (got,) = _answers_in(
        tmp_path,
        "For zetoma, the 5-year survival rate has risen from 48% to 70% for children younger "
        "than 15 years and from 25% to 61% for adolescents aged 15 to 19 years.",
        "How has 5-year survival for zetoma changed in 15-19 year olds?",
    )
    assert got is not None and got.startswith("from 25% to 61%")


def test_a_range_keeps_the_from_that_makes_it_a_change() -> None:
    text = "Zentamab lowered quell-free survival from 61% to 54% at 2 years."
    assert [text[s.start : s.end] for s in find(text, "percent")] == ["from 61% to 54%"]


def test_a_decade_keeps_the_part_of_it_named() -> None:
    text = "Zeta extracts were first described in the mid-1960s and again in the early 1990s."
    assert [text[s.start : s.end] for s in find(text, "year")] == ["mid-1960s", "early 1990s"]


def test_an_approval_for_another_condition_answers_no_question_about_this_one(
    tmp_path: Path,
) -> None:
    engine = _section_engine(
        tmp_path,
        "The FDA approved zentamab, an antibody against ZQ-4, as the first inhibitor for the "
        "treatment of advanced metastatic zetoma in 2013.\n\nQuelloma is a cancer rarer than "
        "zetoma and is treated with quellplatin. Small-cell lung cancer is treated with "
        "zentamab in trials.",
    )
    why = _refusal(engine, "When did the FDA approve zentamab for small-cell lung cancer?")
    assert "zetoma" in why and "small-cell lung cancer" in why
    got = engine.ask("When did the FDA approve zentamab for zetoma?", min_confidence=0.0)
    assert got.answer is not None and "2013" in got.answer
    # Asked which condition it was approved for, the sentence answers.
    got = engine.ask("When did the FDA approve zentamab, and for which cancer?", min_confidence=0.0)
    assert got.answer is not None and "zetoma" in got.answer
