"""A share keeps the count it is taken from ("17% (12/70)"); a list's lead-in that turns to a
name the question does not ask lists that name's things, not the answer; a terse "median age"
asks an age, stated of whom it is; the members a sentence gives for the asked class answer it; a
clause in the question's own words gives way to the clause before it, which says what it names;
"is it known which …?" asks yes or no; "until now," is no item of a series. Every sentence, name
and figure here is made up."""

from __future__ import annotations

from pathlib import Path

from sclc_qa.question import profile
from sclc_qa.series import examples_of, series
from test_answering_stages import _answers_in


def test_a_share_keeps_the_count_in_brackets_after_it(tmp_path: Path) -> None:
    text = (
        "Of those given morimab, 17% (12/70) stopped early because of rash. Grade 3 fatigue "
        "was seen in 6% [n = 4] by week 8."
    )
    stopped, tired = _answers_in(
        tmp_path,
        text,
        "What share of morimab patients stopped early because of rash?",
        "How common was grade 3 fatigue with morimab?",
    )
    assert stopped is not None and stopped.startswith("17% (12/70)")
    assert tired is not None and tired.startswith("6% [n = 4]")


def test_a_lead_in_that_turns_to_another_name_lists_that_names_things(tmp_path: Path) -> None:
    text = (
        "Zentomas are graded by how many cells divide in ten high-power fields. The Varo "
        "checklist, which sorts benign from malignant zentomas, scores these items:\n\n"
        "- Capsule breach.\n- Vessel ingrowth.\n- Clear-cell share.\n- Spindle forms."
    )
    graded, listed = _answers_in(
        tmp_path,
        text,
        "How are zentomas graded?",
        # A question that asks the list's own things still gets them.
        "Which items does the Varo checklist score?",
    )
    assert graded is not None and "cells divide" in graded and "Capsule" not in graded
    assert listed is not None and "Vessel ingrowth" in listed


def test_a_terse_median_age_asks_an_age_stated_of_whom_it_is(tmp_path: Path) -> None:
    assert profile("Zentoma: median age at diagnosis?").kind == "age"
    assert profile("quellosis median age?").kind == "age"
    # A median age that qualifies a group, or that follows a question word, is no age asked.
    assert profile("How did PFS differ above and below the median age?").kind != "age"
    assert profile("What was the OS in patients with a median age of about 60?").kind != "age"
    text = (
        "Zentoma is found most often in the sixth decade; the median age at diagnosis of those "
        "treated at the three centres was 57 years. Surgery followed within 6 weeks."
    )
    (answer,) = _answers_in(tmp_path, text, "Zentoma: median age at diagnosis?")
    assert answer == "57 years"


def test_members_given_for_the_asked_class_answer_it(tmp_path: Path) -> None:
    text = (
        "Two classes help when zeta output stays high: zeta blockers like A1 and B2, and quell "
        "receptor antagonists, namely vintolane or perizolane. Surgery, quelling agents (e.g., "
        "dorastat) and rest can ease a relapse."
    )
    antagonists, quelling = _answers_in(
        tmp_path,
        text,
        "Which quell receptor antagonists help when zeta output stays high?",
        "Which quelling agents can ease a relapse?",
    )
    assert antagonists == "vintolane or perizolane"
    assert quelling == "dorastat"


def test_members_of_a_class_are_a_few_words_each_and_run_to_the_items_end() -> None:
    text = "Zeta cells give off factors like ZF-1, ZF-2, and ZF-3, which draw in quell cells."
    found = examples_of(text, "factors")
    assert found is not None and text[found[0] : found[1]] == "ZF-1, ZF-2, and ZF-3"
    assert examples_of("Zeta agents such as ZA-1 were tried.", "zeta agents") is None
    # An item that runs on into a clause is no example.
    assert examples_of("Zeta agents such as ZA-1 improved survival.", "zeta agents") is None
    # Read in one pass: an item never gives back what it took.
    assert examples_of("Zeta agents, such as " + "ZA-1, " * 300 + "ZA-2", "zeta agents") is None


def test_a_clause_in_the_questions_own_words_gives_way_to_the_one_that_says_it(
    tmp_path: Path,
) -> None:
    text = (
        "When given every week for a month, ZR-7 drew quellin into the lysosomes of zeta cells "
        "and broke it down within hours, leaving the membrane bare: “quiet” zeta blockade, in "
        "short."
    )
    (answer,) = _answers_in(tmp_path, text, "What is meant by “quiet” zeta blockade?")
    assert answer is not None and "broke it down within hours" in answer


def test_asking_whether_it_is_known_which_asks_yes_or_no(tmp_path: Path) -> None:
    known = profile("Is it known which zentoma patients will relapse?")
    assert known.kind == "yesno" and known.asked_about == ""
    assert profile("Which drugs are known to work in zentoma?").asked_about != ""
    text = (
        "Several traits have been weighed against relapse in zentoma. Even so, none of them "
        "reliably picks out which patients will relapse after quellectomy or zeta therapy."
    )
    (answer,) = _answers_in(tmp_path, text, "Is it known which zentoma patients will relapse?")
    assert answer is not None and "none of them reliably picks out" in answer


def test_a_setting_phrase_before_a_comma_is_no_item_of_a_series() -> None:
    text = "Until now, no study of or about zentoma has followed its patients for long."
    assert series(text) == []
