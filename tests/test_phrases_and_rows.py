"""Readings of a question's phrases and of a table's lines that no one document's wording
taught: a time phrase after what is counted, a combination that is one arm, a run of
adjectives before a treatment, a table line that goes on under the row above, an acronym of a
closed compound. Every name and figure here is made up."""

from __future__ import annotations

from pathlib import Path

from sclc_qa.acronyms import Acronyms
from sclc_qa.answering.alternatives import one_regimen
from sclc_qa.answering.counts import _counting
from sclc_qa.question import profile
from test_answering_stages import _answers_in, _refusal, _section_engine, _spans_in


def test_a_time_phrase_after_the_noun_says_when_not_what_is_counted(tmp_path: Path) -> None:
    found = _counting("How many hours before bed should coffee be avoided?")
    assert found is not None and found[1] == ("hours",)
    found = _counting("How many days after zentectomy may patients shower?")
    assert found is not None and found[1] == ("days",)
    text = (
        "Patients should avoid coffee and zentaberry juice 5–7 hours before bedtime and keep a "
        "fixed schedule."
    )
    assert _answers_in(
        tmp_path, text, "How many hours before bed should zentaberry juice be avoided?"
    ) == ["5–7 hours"]


def test_drugs_written_as_one_combination_are_one_arm_not_subjects() -> None:
    drugs = ["zetamab", "quellinib", "orbaplatin"]
    one = "Concurrent vs sequential zeta-radiation with zetamab C, quellinib and orbaplatin:"
    assert one_regimen(one + " which arm lived longer?", drugs)
    assert one_regimen("Did zetamab plus quellinib help?", drugs[:2])
    assert not one_regimen("Which had the longer OS, zetamab or quellinib?", drugs[:2])
    assert not one_regimen("Which of zetamab, quellinib and orbaplatin was best?", drugs)
    assert not one_regimen("Between zetamab and quellinib, which is safer?", drugs[:2])
    assert not one_regimen("Was zetamab 40 mg and quellinib the better arm?", drugs[:2])
    # A bare "A and B" with nothing that gives them together is two subjects.
    assert not one_regimen("Zetamab and quellinib: which had the longer OS?", drugs[:2])
    assert one_regimen("Zetamab plus quellinib: which arm did better?", drugs[:2])
    assert one_regimen("With the combination of zetamab and quellinib, which arm?", drugs[:2])


def test_one_combination_asked_by_arm_is_not_refused_as_a_comparison_of_its_drugs(
    tmp_path: Path,
) -> None:
    text = (
        "In the first trial, zetamab, quellinib, and orbaplatin were given concurrently with "
        "zeta-radiation, compared with the same drugs followed by zeta-radiation. "
        "Five-year survival favored concurrent therapy (31% vs. 12%)."
    )
    engine = _section_engine(tmp_path, text)
    answer = engine.ask(
        "Concurrent vs sequential zeta-radiation with zetamab, quellinib and orbaplatin: which "
        "arm had better 5-year survival?",
        min_confidence=0.0,
    )
    assert "but not" not in (answer.reason or "")  # no drug's figure is missing: none is asked


def test_a_run_of_adjectives_before_a_treatment_names_its_kind(tmp_path: Path) -> None:
    text = "Zentoma is treated with zentamab chemotherapy given over four cycles before surgery."
    engine = _section_engine(tmp_path, text)
    refused = _refusal(
        engine, "How many cycles of quellothermic intrazental chemotherapy are given for zentoma?"
    )
    assert "quellothermic intrazental chemotherapy" in refused
    # A verb or a preposition before the treatment's noun is no kind of it.
    kept = engine.ask("Why do zentoma slides precede chemotherapy?", min_confidence=0.0)
    assert "slides" not in (kept.reason or "") and "precede" not in (kept.reason or "")
    typical = engine.ask("How long is the typical zentamab chemotherapy given?", min_confidence=0)
    assert "typical" not in (typical.reason or "")


def test_a_table_line_under_a_row_is_read_as_prose_for_its_figure(tmp_path: Path) -> None:
    table = (
        "| Reference | Cancer Type | Design | Outcomes |\n"
        "| --- | --- | --- | --- |\n"
        "| Zorin et al., 2011 | Mixed | N = 90; RCT | Better sleep with ZBT |\n"
        "| ZBT: 7 weekly sessions, light therapy, sleep restriction |\n"
        "| Quell et al., 2013 | Breast | N = 40; RCT | No change |\n"
        "| ZBT: 3 weekly sessions, relaxation |\n"
    )
    assert _answers_in(
        tmp_path, table, "How many sessions did the ZBT in Zorin et al. 2011 use?"
    ) == ["7 weekly sessions"]


def test_an_acronym_may_take_two_letters_from_a_closed_compound() -> None:
    texts = [
        "In a National Zentoma Database series of 120 patients, few had nodes.",
        "The National Zentoma Database review found the same.",
        "The data were pooled on a common base.",
    ]
    assert Acronyms(texts, []).phrase("NZDB") == "national zentoma database"
    # Only when both words of the compound are words the documents use on their own.
    assert Acronyms(texts[:2], []).phrase("NZDB") is None
    # And only in a name written with capitals: everyday compounds spell no acronym.
    plain = ["the healthcare team met", "the healthcare team said", "health and care"]
    assert Acronyms(plain, []).phrase("HCT") is None


def test_what_portion_of_many_asks_a_share() -> None:
    assert profile("What portion of relapses are local?").kind == "percent"
    assert profile("What portion of all patients relapse?").kind == "percent"
    for anatomy in (
        "Which portion of the zentum is removed?",
        "Which portion of the zentum's wall is removed?",
        "Which portion of the gland lies behind the zentum?",
        "What portion of the zentums does the tumour invade?",
    ):
        assert profile(anatomy).kind != "percent", anatomy


def test_a_bracketed_figure_in_a_list_is_its_items_not_a_later_ones(tmp_path: Path) -> None:
    text = (
        "In zentoma, sequencing found other alterations, including ZAP amplifications (in "
        "15–35% of cases), QUELL pathway mutations (~18%), and losses of chromatin genes such "
        "as ZKT2C/D and ZREBB (31, 32)."
    )
    engine = _section_engine(tmp_path, text)
    assert "ZKT2C/D" in _refusal(engine, "How often are ZKT2C/D genes altered in zentoma?")
    asked = engine.ask("How often are QUELL pathway mutations found in zentoma?", min_confidence=0)
    assert asked.answer == "~18%"


def test_a_ligand_numbered_after_a_hyphenated_stem_is_not_its_siblings(tmp_path: Path) -> None:
    text = (
        "Although zentoma cells display scant ZD-L1 (~4%), 21.5–48.1% of intratumoral immune "
        "cells express ZD-L1. ZD-1 binds ZD-L1 and ZD-L2."
    )
    other, own = _spans_in(
        tmp_path,
        text,
        "scant ZD-L1",
        "What percentage of zentoma tumour cells express ZD-L2?",
        "What share of intratumoral immune cells express ZD-L1?",
    )
    assert other == []  # ZD-L1's figures, in a sentence that never writes ZD-L2
    assert "21.5–48.1%" in own


def test_a_list_of_bracketed_figures_answers_only_for_the_item_asked(tmp_path: Path) -> None:
    text = (
        "In a series of 52 cases of zentoma apoplexy, the presenting signs included headache "
        "(71%), vomiting (44%), visual field defects (58%), and syncope (6%)."
    )
    marker = "zentoma apoplexy"
    fever, vomiting, both, each = _spans_in(
        tmp_path,
        text,
        marker,
        "In the zentoma apoplexy series, what percentage presented with fever?",
        "In the zentoma apoplexy series, what percentage presented with vomiting?",
        "How often were headache and visual field defects seen in zentoma apoplexy?",
        "What share had each presenting sign in zentoma apoplexy?",
    )
    assert fever == []  # no item is fever: each figure is its own item's
    assert vomiting == ["44%"]
    assert set(both) == {"71%", "58%"}
    assert len(each) == 4  # asked across the items: any may answer


def test_a_bullet_that_names_no_phase_reports_on_the_study_its_item_introduced(
    tmp_path: Path,
) -> None:
    text = (
        "1. In an open-label, phase III trial, zentinib was compared with quellinib in 400 "
        "patients with zentoma.\n\n"
        "- The median PFS was longer with zentinib than with quellinib (11.0 months vs. 8.0 "
        "months; HR, 0.70; 95% CI, 0.55–0.90)."
    )
    engine = _section_engine(tmp_path, text)
    refused = _refusal(engine, "What was the PFS hazard ratio in the phase II quellinib trial?")
    assert "phase II" in refused and "phase III" in refused
    asked = engine.ask(
        "What was the PFS hazard ratio in the phase III zentinib trial?", min_confidence=0
    )
    assert asked.answer is not None and "0.70" in asked.answer


def test_a_figure_of_something_no_document_mentions_is_refused_naming_it(
    tmp_path: Path,
) -> None:
    text = "The ZD-L1 tumour proportion score was 50% or greater in 30% of zentoma patients."
    engine = _section_engine(tmp_path, text)
    refused = _refusal(engine, "What is the ZD-L1 tumour proportion score of quellwater?")
    assert "quellwater" in refused
    kept = engine.ask(
        "What share of zentoma patients had a ZD-L1 score of 50% or greater?", min_confidence=0
    )
    assert not kept.abstained
    # A known owner with a word that says when is no unheard owner.
    today = engine.ask("What is the ZD-L1 score of zentoma patients today?", min_confidence=0)
    assert "today" not in (today.reason or "")
    # Words that close an endpoint's name ("… and duration of response?") are no owner:
    # test_answering_stages.test_parts_from_both_neighbours_are_all_inside_the_quote.


def test_an_endpoint_in_a_list_is_like_the_question_that_abbreviates_it(tmp_path: Path) -> None:
    text = (
        "In the ZENITH-4 trial, zentamab improved median overall survival (14.1 vs 9.8 months), "
        "progression-free survival (6.0 vs 4.1 months), and objective response (40% vs 30%)."
    )
    os_, pfs = _answers_in(
        tmp_path,
        text,
        "What was the median OS with zentamab in ZENITH-4?",
        "What was the median PFS with zentamab in ZENITH-4?",
    )
    assert os_ is not None and "14.1" in os_
    assert pfs is not None and "6.0" in pfs


def test_a_name_after_the_list_is_no_later_items(tmp_path: Path) -> None:
    text = (
        "In the phase III trial, median overall survival (14.1 months), median progression-free "
        "survival (6.0 months), and objective response rate (40%) all favoured zentamab."
    )
    found = _answers_in(tmp_path, text, "What was the median overall survival with zentamab?")
    assert found == ["14.1 months"]


def test_an_earlier_sentence_of_the_paragraph_names_no_phase_for_a_trials_figure(
    tmp_path: Path,
) -> None:
    text = (
        "Earlier phase II studies of zentinib had shown activity in zentoma. In the ZENITH-4 "
        "trial, median PFS with zentinib was 11.0 months versus 8.0 months with quellinib."
    )
    found = _answers_in(
        tmp_path, text, "What was the median PFS with zentinib in the phase III ZENITH-4 trial?"
    )
    assert found[0] is not None and "11.0 months" in found[0]
