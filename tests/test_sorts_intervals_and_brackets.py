"""A class asked by its sort ("which cell types …?"); verbs of belonging and of change that end
a which-phrase; a schedule's interval that is no median; figures labelled by each of the names
a question asks together; a why answered by the sentence an "As a result, …" draws from; what a
name stands for in brackets after it; a study's size asked by "how many … were in the
analysis"; things asked beyond those a question lists ("Apart from A, B and C, what other …?");
the arm without a drug found by its label; a hyphenated pair of drugs written with "-plus-"; a
cutoff never answered without a value; an adverb of focus after "what" ("what mainly holds X
back?"); "on what date …?" asked as a date.

Every sentence, name and figure here is made up; none is a document's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sclc_qa.answering.explanations import describing_span
from sclc_qa.answering.runs import run_of
from sclc_qa.answering.shapes import draws_consequence
from sclc_qa.question import profile
from sclc_qa.question_phrase import class_phrase, which_phrase
from sclc_qa.series import examples_of
from sclc_qa.spans import find
from test_answering_stages import _answers_in


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ("Which kinds of cells carry ZR-1?", "cells"),
        ("What sorts of tumours respond to quellimab?", "tumours"),
        ("What kind of antibody is quellimab?", "kind"),  # asks what it is, not for antibodies
        ("Which histologic types of zetoma respond?", "histologic types"),
    ],
)
def test_a_plural_sort_of_things_asks_the_things(question: str, phrase: str) -> None:
    assert which_phrase(question) == phrase


def test_a_class_named_without_its_sort_noun_finds_its_examples() -> None:
    assert class_phrase("immune cell types") == "immune cell"
    assert class_phrase("cell types") == "cell"
    assert class_phrase("types") == "types"  # nothing before it to be the class
    therapies = "Zetoma responds to targeted therapies such as zetinib and quellinib."
    span = examples_of(therapies, "targeted therapy")
    assert span is not None and therapies[span[0] : span[1]] == "zetinib and quellinib"
    text = "ZR-1 sits on immune cells such as T cells, B cells, and zeta killer (ZK) cells."
    span = examples_of(text, "immune cell")
    assert span is not None and text[span[0] : span[1]] == (
        "T cells, B cells, and zeta killer (ZK) cells"
    )


def test_which_cell_types_are_answered_by_the_whole_list(tmp_path: Path) -> None:
    text = (
        "ZR-1, a receptor seen mostly on immune cells such as T cells, B cells, and zeta killer "
        "(ZK) cells, dampens their activity once it binds its ligand, quellin."
    )
    found = _answers_in(
        tmp_path, text, "Which immune cell types carry ZR-1?", "What kinds of cells carry ZR-1?"
    )
    assert found == ["T cells, B cells, and zeta killer (ZK) cells"] * 2


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ("Which NCT number belongs to the phase II study of quellimab?", "NCT number"),
        ("Which code corresponds to the zeta trial?", "code"),
        ("Which term refers to loss of ZR-1?", "term"),
        ("Which tumour types respond?", "tumour types"),
    ],
)
def test_a_verb_of_belonging_ends_the_which_phrase(question: str, phrase: str) -> None:
    assert which_phrase(question) == phrase


def test_the_interval_of_a_schedule_is_no_arm_of_a_run_of_times() -> None:
    text = "Median OS was 41 weeks given every 4 weeks and 38 weeks given fortnightly."
    times = find(text, "duration")
    assert [text[s.start : s.end] for s in run_of(text, times[-1])] == ["41 weeks", "38 weeks"]


def test_times_asked_of_two_schedules_keep_each_ones_label(tmp_path: Path) -> None:
    text = (
        "Three trials compared zetaxel schedules. Median OS was 41 weeks when zetaxel was "
        "given every 4 weeks and 38 weeks when it was given fortnightly."
    )
    (found,) = _answers_in(
        tmp_path, text, "What were the median OS times with 4-weekly and fortnightly zetaxel?"
    )
    assert found is not None and found.startswith("41 weeks") and found.endswith("38 weeks")


def test_a_length_of_each_cycle_is_still_a_time(tmp_path: Path) -> None:
    text = "Patients received four cycles of zetaplatin, each 21 days long."
    assert _answers_in(tmp_path, text, "How long was each zetaplatin cycle?") == ["21 days"]


def test_figures_labelled_by_each_name_asked_together_are_all_given(tmp_path: Path) -> None:
    text = (
        "ZETA-5 set zetamab against quellitaxel. Among older patients, median PFS was 6.1 "
        "months with zetamab versus 4.4 months with quellitaxel (HR, 0.81)."
    )
    both, one, regimen = _answers_in(
        tmp_path,
        text,
        "What median PFS did zetamab and quellitaxel give older patients in ZETA-5?",
        "What was the median PFS with quellitaxel in ZETA-5?",
        "In ZETA-5, what was median PFS with zetamab plus quellitaxel?",  # one regimen asked
    )
    assert both == "6.1 months with zetamab versus 4.4 months with quellitaxel"
    assert one == "4.4 months with quellitaxel"
    assert regimen is None or "4.4 months" not in regimen


def test_a_why_answered_by_a_consequence_cites_the_sentence_it_draws_from(
    tmp_path: Path,
) -> None:
    text = (
        "The zetal membrane has no blood supply of its own. As a result, zetoma confined to it "
        "seldom spreads through the blood. Zetomas elsewhere behave otherwise."
    )
    (found,) = _answers_in(
        tmp_path, text, "Why does zetoma that stays in the zetal membrane rarely spread by blood?"
    )
    assert found == "The zetal membrane has no blood supply of its own"


def test_as_a_result_of_a_cause_states_the_cause_itself() -> None:
    why = "Why does the zetal membrane scar?"
    assert draws_consequence(why, "Therefore, the membrane scars.")
    assert not draws_consequence(why, "As a result of chronic zetitis, the membrane scars.")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Quellimab was set against ZETRA (zetaplatin, quellitaxel and zetamab given for four "
            "cycles) in 310 patients.",
            "zetaplatin, quellitaxel and zetamab given for four cycles",
        ),
        ("ZETRA (zetaplatin alone) was used.", None),  # no parts listed
        ("ZETRA (NCT01234567; 90 patients) was used.", None),  # a code
        ("ZETRA (n = 90, all adults) was used.", None),  # a count
        ("ZETRA (hazard ratio 0.72, 95% CI 0.6 to 0.9) was used.", None),  # a figure
        ("ZETRA (Table 2 and Figure 1) was used.", None),  # a reference
        ("ZETRA (which was stopped early, and replaced) was used.", None),  # a clause
    ],
)
def test_what_a_name_holds_in_brackets_after_it_says_what_it_is(
    text: str, said: str | None
) -> None:
    span = describing_span(text, ("ZETRA",))
    assert (text[span[0] : span[1]] if span else None) == said


def test_what_is_a_regimen_is_answered_by_what_it_holds_in_brackets(tmp_path: Path) -> None:
    text = (
        "Quellimab was set against ZETRA (zetaplatin, quellitaxel and zetamab given for four "
        "cycles, then zetamab alone) in 310 patients with zetoma."
    )
    (found,) = _answers_in(tmp_path, text, "What is the ZETRA regimen?")
    assert found == "zetaplatin, quellitaxel and zetamab given for four cycles, then zetamab alone"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How many patients were in the zeta observational analysis?", "count"),
        ("How many women were in the quellish registry?", "count"),
        ("How many patients had a response?", "percent"),  # a share of those treated
    ],
)
def test_how_many_were_in_a_study_asks_its_size(question: str, kind: str) -> None:
    assert profile(question).kind == kind


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        (
            "Apart from rash, nausea and pain, what other side effects were seen?",
            "other side effects",
        ),
        ("Besides A, B, and C, which drugs were tested?", "drugs"),
        ("Apart from zetoma, what else raises ZA-125?", ""),  # "else" names no class
        # A colon after a setting that lists nothing opens no phrase of its own.
        ("Stage I zetoma thicker than 0.5 cm: what dose goes to the tumour?", ""),
    ],
)
def test_things_asked_beyond_those_listed_keep_the_which_phrase(question: str, phrase: str) -> None:
    assert which_phrase(question) == phrase


def test_the_arm_without_a_drug_is_answered_by_the_figure_labelled_as_it(tmp_path: Path) -> None:
    labelled = (
        "In the phase III ZAP-1 trial, zetalimab plus chemotherapy extended the median OS from "
        "10.8 months (chemotherapy group) to 15.3 months; HR = 0.72 (95% CI 0.58–0.90)."
    )
    (found,) = _answers_in(
        tmp_path / "a",
        labelled,
        "In ZAP-1, how long was median OS for patients who got chemotherapy without zetalimab?",
    )
    assert found is not None and "10.8 months (chemotherapy group)" in found
    # A figure whose sentence gives only the arm with it answers nothing of the arm without.
    with_only = "In ZAP-2, median OS was 15.3 months with zetalimab plus chemotherapy (HR 0.72)."
    (found,) = _answers_in(
        tmp_path / "b",
        with_only,
        "In ZAP-2, what was median OS with chemotherapy without zetalimab?",
    )
    assert found is None
    # The label of another figure, after the one found, is not this one's.
    other_label = (
        "In ZAP-3, median OS was 15.3 months with zetalimab plus chemotherapy vs 10.8 months "
        "(placebo group)."
    )
    (found,) = _answers_in(
        tmp_path / "c",
        other_label,
        "In ZAP-3, what was median OS with chemotherapy without zetalimab?",
    )
    assert found is None or "15.3 months" not in found


def test_a_pair_of_drugs_joined_by_a_hyphen_is_written_with_plus_between_hyphens(
    tmp_path: Path,
) -> None:
    text = (
        "ZETA-7 enrolled frail adults with zetoma at reduced doses. Response rates were 31% in "
        "the quellplatin-plus-zetacitabine arm and 12% in the zetaxel-plus-quellimab arm, and "
        "survival was similar."
    )
    (found,) = _answers_in(
        tmp_path,
        text,
        "In ZETA-7, which arm had the better response rate, quellplatin-zetacitabine or "
        "zetaxel-quellimab?",
    )
    assert found is not None and found.startswith("31% in the quellplatin-plus-zetacitabine arm")


def test_a_cutoff_asked_is_not_answered_by_a_passage_without_a_value(tmp_path: Path) -> None:
    unvalued = (
        "Blood ZTH runs far higher in zetal carcinoma than in zetal adenoma, a sign of "
        "zetal overdrive (ZOD)."
    )
    valued = "A Zeiss score cutoff of 3 or more points designates a malignant zetal tumour."
    assert _answers_in(
        tmp_path / "a", unvalued, "What ZTH cutoff separates zetal carcinoma from adenoma?"
    ) == [None]
    in_words = "A zetal margin counts as positive when tumour lies within one millimetre of ink."
    (found,) = _answers_in(
        tmp_path / "c", in_words, "What threshold defines a positive zetal margin?"
    )
    assert found is not None and "within one millimetre" in found
    (found,) = _answers_in(
        tmp_path / "b", valued, "What Zeiss score cutoff means a zetal tumour is malignant?"
    )
    assert found is not None and "3 or more points" in found


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ("What cumulative zetamide dose raises bladder zetoma risk?", "cumulative zetamide dose"),
        ("Which gene variant lowers the risk?", "gene variant"),
        ("What lower dose of zetaplatin was used?", "lower dose"),  # an adjective
        ("What double mutation confers resistance?", "double mutation"),
    ],
)
def test_a_verb_of_change_ends_the_which_phrase(question: str, phrase: str) -> None:
    assert which_phrase(question) == phrase


@pytest.mark.parametrize(
    ("question", "kind", "phrase"),
    [
        ("What mainly holds back clinical use of Z-NIT?", "mechanism", ""),
        ("What mostly limits zetamab's reach?", "mechanism", ""),
        ("What early signs are seen?", "entity", "early signs"),  # an adjective in -ly
        ("What daily limits apply to zetamin intake?", "entity", "daily limits"),
    ],
)
def test_an_adverb_of_focus_after_what_is_no_noun_of_the_phrase(
    question: str, kind: str, phrase: str
) -> None:
    asked = profile(question)
    assert (asked.kind, asked.asked_about) == (kind, phrase)


def test_on_what_date_asks_a_date_that_a_sentence_without_one_does_not_give(
    tmp_path: Path,
) -> None:
    assert profile("On what date was zetamab approved?").kind == "year"
    text = (
        "Recently approved by Quell Pharma, the co-formulated pair zetamab and quellimab has "
        "entered the armamentarium against advanced solid tumours."
    )
    assert _answers_in(
        tmp_path, text, "On what date was the zetamab and quellimab pair approved?"
    ) == [None]
