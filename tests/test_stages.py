"""Disease stages as a question and a sentence name them."""

from __future__ import annotations

import pytest

from sclc_qa.answering.stages import other_stage, stages


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("stage IIIA zentoma", {(3, "A")}),
        ("Stage III or stage IV disease", {(3, ""), (4, "")}),
        ("stages IB–IIIA", {(1, "B"), (2, ""), (3, "A")}),
        ("stages I and II, and stage 0", {(0, ""), (1, ""), (2, "")}),
        ("the phase III trial", set()),
    ],
)
def test_stages_are_read_with_their_letters_and_ranges(text: str, named: set) -> None:
    assert stages(text) == named


def test_a_figure_for_other_stages_does_not_answer_for_the_asked_one() -> None:
    question = "What was 5-year survival for stage I zentoma?"
    late = "For patients with stage III or stage IV zentoma, 5-year survival was 41%."
    assert other_stage(question, late) == ("stage I", "stage III or stage IV")
    listed = "Five-year survival was 90% for stage I and 41% for stage III disease."
    assert other_stage(question, listed) is None
    # A stage holds its lettered substages, either way round.
    assert other_stage("Survival in stage IIIA zentoma?", "In stage III disease, 30%.") is None
    assert other_stage("Survival in stage IIIB zentoma?", "In stage IIIA disease, 30%.") == (
        "stage IIIB",
        "stage IIIA",
    )
    # A sentence that names no stage is for the question to judge by other means.
    assert other_stage(question, "Five-year survival was 41%.") is None
