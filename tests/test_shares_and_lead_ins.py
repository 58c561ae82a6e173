"""A share keeps the count it is taken from ("31% (85 of 277)"), and a list's lead-in that turns
to a name the question does not ask lists that name's things, not the answer. Every name and
figure here is made up."""

from __future__ import annotations

from pathlib import Path

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
