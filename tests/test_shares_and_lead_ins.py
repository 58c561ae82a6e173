"""A share keeps the count it is taken from ("23% (41 of 178)"); a list's lead-in that turns
to a name the question does not ask lists that name's things, not the answer; a terse "median
age" asks an age, stated of whom it is; the members a sentence gives for the asked class ("zeta
receptor antagonists, such as A and B") answer it; a clause in the question's own words gives
way to the clause before it, which says what it names; "do we know which …?" asks yes or no;
"so far," is no item of a series. Every name and figure here is made up."""

from __future__ import annotations

from pathlib import Path

from sclc_qa.question import profile
from sclc_qa.series import examples_of, series
from test_answering_stages import _answers_in


def test_a_share_keeps_the_count_in_brackets_after_it(tmp_path: Path) -> None:
    text = (
        "Crossover from the quellib group to the zentinib group occurred in 23% (41 of 178) of "
        "patients assigned to quellib. Grade 3 rash was reported in 9% [n = 16] of patients "
        "who received zentinib."
    )
    crossed, rash = _answers_in(
        tmp_path,
        text,
        "What share of the quellib arm crossed over to zentinib?",
        "How often was grade 3 rash seen with zentinib?",
    )
    assert crossed is not None and crossed.startswith("23% (41 of 178)")
    assert rash is not None and rash.startswith("9% [n = 16]")


def test_a_lead_in_that_turns_to_another_name_lists_that_names_things(tmp_path: Path) -> None:
    text = (
        "Histological review can separate indolent and aggressive zentomas according to the "
        "nuclear size of the tumour cells. The Quell index can separate benign and malignant "
        "zentomas, based on several features, including:\n\n"
        "- Capsule breach.\n- Vessel ingrowth.\n- Clear-cell share.\n- Spindle forms."
    )
    answer, listed = _answers_in(
        tmp_path,
        text,
        "How do pathologists tell indolent from aggressive zentomas?",
        # A question that asks the list's own things still gets them.
        "Which features does the Quell index rest on?",
    )
    assert answer is not None and "nuclear size" in answer and "Capsule" not in answer
    assert listed is not None and "Vessel ingrowth" in listed


def test_a_terse_median_age_asks_an_age_stated_of_whom_it_is(tmp_path: Path) -> None:
    assert profile("Zentoma median age at diagnosis?").kind == "age"
    assert profile("median age of patients with quellosis?").kind == "age"
    # A median age that qualifies a group is no age asked.
    assert profile("What was the median OS in patients with a median age of 60?").kind != "age"
    text = (
        "The median age of patients with zentoma is 53 years. Most patients are treated within "
        "6 weeks of diagnosis."
    )
    (answer,) = _answers_in(tmp_path, text, "Zentoma median age at diagnosis?")
    assert answer == "53 years"


def test_members_given_for_the_asked_class_answer_it(tmp_path: Path) -> None:
    text = (
        "In patients with a high zeta output, zeta blockers, such as quellastat and morrostat, "
        "and zeta receptor antagonists, such as vintolane and perizolane, should be considered. "
        "Relapses may be palliated with surgery, quelling agents (i.e., dorastat and pelistat), "
        "or radiation therapy."
    )
    antagonists, quelling = _answers_in(
        tmp_path,
        text,
        "Which zeta receptor antagonists are used when zeta output stays high?",
        "Which quelling agents can palliate a relapse?",
    )
    assert antagonists == "vintolane and perizolane"
    assert quelling == "dorastat and pelistat"


def test_members_of_a_class_run_to_the_items_end() -> None:
    text = "Zeta cells secrete factors like ZF-1, ZF-2, and ZF-3, further drawing in quell cells."
    found = examples_of(text, "factors")
    assert found is not None and text[found[0] : found[1]] == "ZF-1, ZF-2, and ZF-3"
    # A run that a verb ends is no list the sentence closes.
    assert examples_of("Zeta agents such as ZA-1 were tried.", "zeta agents") is None


def test_a_clause_in_the_questions_own_words_gives_way_to_the_one_that_says_it(
    tmp_path: Path,
) -> None:
    text = (
        "Moreover, ZR-7 binds quellin away from its partner and strips the partner from the "
        "surface of the presenting cells (PCs), exerting “contact-free” zeta cell blockade "
        "(12, 13). In the tumour, high ZR-7 levels keep the immune response suppressed."
    )
    (answer,) = _answers_in(
        tmp_path, text, "What is meant by ZR-7's 'contact-free' blockade of zeta cells?"
    )
    assert answer is not None and "binds quellin away from its partner" in answer


def test_asking_whether_it_is_known_which_asks_yes_or_no(tmp_path: Path) -> None:
    assert profile("Do we know which zentoma patients are likely to relapse?").kind == "yesno"
    assert profile("Is it clear what causes quellosis?").kind == "yesno"
    assert profile("Which drugs are known to work in zentoma?").kind == "entity"
    text = (
        "Age, sex and stage have been studied for their link to relapse in zentoma. So far, "
        "there is no clear picture of which patients are at higher risk of relapse after "
        "quellectomy or zeta therapy."
    )
    (answer,) = _answers_in(
        tmp_path, text, "Do we know which zentoma patients are likely to relapse?"
    )
    assert answer is not None and "no clear picture" in answer


def test_a_setting_phrase_before_a_comma_is_no_item_of_a_series() -> None:
    text = "So far, there is no sign of which zentomas relapse after quellectomy or zeta therapy."
    assert series(text) == []
