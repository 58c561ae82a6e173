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
from sclc_qa.question import profile
from sclc_qa.question_phrase import class_phrase, which_phrase
from sclc_qa.series import examples_of
from sclc_qa.spans import find
from test_answering_stages import _answers_in


@pytest.mark.parametrize(
    ("question", "target"),
    [
        ("Which immune cell types carry ZR-1?", "cell"),
        ("Which kinds of cells carry ZR-1?", "cell"),
        ("What sorts of tumours respond to quellimab?", "tumour"),
        ("Which cells carry ZR-1?", "cell"),
    ],
)
def test_a_class_asked_by_its_sort_asks_the_class(question: str, target: str) -> None:
    assert profile(question).target == target


def test_a_class_named_without_its_sort_noun_finds_its_examples() -> None:
    assert class_phrase("immune cell types") == "immune cell"
    assert class_phrase("cell types") == "cell"
    assert class_phrase("types") == "types"  # nothing before it to be the class
    text = "ZR-1 sits on immune cells such as T cells, B cells, and zeta killer (ZK) cells."
    span = examples_of(text, "immune cell")
    assert span is not None and text[span[0] : span[1]] == (
        "T cells, B cells, and zeta killer (ZK) cells"
    )


def test_which_cell_types_are_answered_by_the_whole_list(tmp_path: Path) -> None:
    text = (
        "ZR-1, a checkpoint molecule found on the surface of immune cells such as T cells, "
        "B cells, and zeta killer (ZK) cells, sends inhibitory signals by binding quellin 1 "
        "(QL1) and quellin 2 (QL2)."
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
    text = (
        "Median survival was 27.4 weeks for patients treated every 3 weeks and 26.1 weeks "
        "for patients treated weekly."
    )
    times = find(text, "duration")
    assert [text[s.start : s.end] for s in run_of(text, times[-1])] == ["27.4 weeks", "26.1 weeks"]


def test_times_asked_of_two_schedules_keep_each_ones_label(tmp_path: Path) -> None:
    text = (
        "A meta-analysis of five trials compared zetaxel schedules. Median survival was 27.4 "
        "weeks for patients treated every 3 weeks and 26.1 weeks for patients treated weekly "
        "(log-rank P = .24)."
    )
    (found,) = _answers_in(
        tmp_path, text, "What were the median survivals with 3-weekly and weekly zetaxel?"
    )
    assert found is not None and found.startswith("27.4 weeks") and found.endswith("weekly")


def test_figures_labelled_by_each_name_asked_together_are_all_given(tmp_path: Path) -> None:
    text = (
        "The zeta trial compared Zx-QXd with quellitaxel. In the squamous subgroup, the median "
        "PFS was 2.8 months with Zx-QXd versus 3.9 months with quellitaxel (HR, 1.41; 95% CI, "
        "0.95–2.08)."
    )
    both, one = _answers_in(
        tmp_path,
        text,
        "What median PFS did Zx-QXd and quellitaxel give in squamous tumours?",
        "What was the median PFS with quellitaxel?",
    )
    assert both == "2.8 months with Zx-QXd versus 3.9 months with quellitaxel"
    assert one == "3.9 months with quellitaxel"


def test_a_why_answered_by_a_consequence_cites_the_sentence_it_draws_from(
    tmp_path: Path,
) -> None:
    text = (
        "The true zeta folds are devoid of lymphatics. As a result, cancer confined to the "
        "true zeta folds rarely, if ever, presents with involved lymph nodes. Other sites differ."
    )
    (found,) = _answers_in(
        tmp_path, text, "Why does cancer confined to the true zeta folds almost never reach nodes?"
    )
    assert found == "The true zeta folds are devoid of lymphatics"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "The trial compared quellimab versus ZETREME (zetuximab, cisplatin, and 5-FU for up "
            "to six cycles) in 900 patients.",
            "zetuximab, cisplatin, and 5-FU for up to six cycles",
        ),
        ("ZETREME (two words) was used.", None),  # too short to say what it is
        ("ZETREME (NCT01234567) enrolled 90 patients.", None),  # a code
        ("ZETREME (n = 90) was used in some detail.", None),  # a count
        ("ZETREME (which was stopped early) was used.", None),  # a clause
    ],
)
def test_what_a_name_holds_in_brackets_after_it_says_what_it_is(
    text: str, said: str | None
) -> None:
    span = describing_span(text, ("ZETREME",))
    assert (text[span[0] : span[1]] if span else None) == said


def test_what_is_a_regimen_is_answered_by_what_it_holds_in_brackets(tmp_path: Path) -> None:
    text = (
        "The trial compared quellimab plus zetamab versus ZETREME (zetuximab, cisplatin, and "
        "5-FU for up to six cycles followed by zetuximab maintenance) in 947 patients."
    )
    (found,) = _answers_in(tmp_path, text, "What is the ZETREME regimen?")
    assert found == (
        "zetuximab, cisplatin, and 5-FU for up to six cycles followed by zetuximab maintenance"
    )


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
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
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


def test_a_pair_of_drugs_joined_by_a_hyphen_is_written_with_plus_between_hyphens(
    tmp_path: Path,
) -> None:
    text = (
        "In the ZQ-1599 trial for PS 2 patients, attenuated doses were used. Response rates were "
        "25% in the quellplatin-plus-zetacitabine arm and 16% in the carboplatin-plus-zetaxel "
        "arm, and median survival was similar."
    )
    (found,) = _answers_in(
        tmp_path,
        text,
        "In ZQ-1599 for PS 2 patients, which doublet had the better response rate, "
        "quellplatin-zetacitabine or carboplatin-zetaxel?",
    )
    assert found is not None and found.startswith("25% in the quellplatin-plus-zetacitabine arm")


def test_a_cutoff_asked_is_not_answered_by_a_passage_without_a_value(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    unvalued = (
        "Serum ZTH levels are typically much higher in zetathyroid carcinoma than in adenoma, a "
        "feature of primary hyperzetathyroidism (HZT)."
    )
    valued = "A Zeiss score cutoff of 3 or more points designates a malignant zetal tumour."
    assert _answers_in(
        tmp_path / "a", unvalued, "What ZTH cutoff separates zetathyroid carcinoma from adenoma?"
    ) == [None]
    (found,) = _answers_in(
        tmp_path / "b", valued, "What Zeiss score cutoff means a zetal tumour is malignant?"
    )
    assert found is not None and "3 or more points" in found


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ("What cumulative zetamide dose raises bladder zetoma risk?", "cumulative zetamide dose"),
        ("Which gene variant lowers the risk?", "gene variant"),
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
