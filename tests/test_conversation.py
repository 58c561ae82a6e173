"""Follow-up resolution: pure rules over strings, tested with a stand-in vocabulary."""

from __future__ import annotations

import pytest

from sclc_qa.conversation import resolve_followup

KNOWN = {"CASPIAN", "IMpower133", "ASTRUM-005", "durvalumab", "serplulimab", "tarlatamab"}


def specific(name: str) -> bool:
    return name in KNOWN


def resolve(*turns: str) -> str:
    return resolve_followup(list(turns), specific)


def test_a_first_question_is_left_alone() -> None:
    assert resolve("What was the OS hazard ratio in CASPIAN?") == (
        "What was the OS hazard ratio in CASPIAN?"
    )


@pytest.mark.parametrize(
    "followup", ["and what about its PFS?", "What about PFS?", "And PFS?", "how about the PFS"]
)
def test_another_endpoint_replaces_the_previous_one(followup: str) -> None:
    assert resolve("What was the OS hazard ratio in CASPIAN?", followup) == (
        "What was the PFS hazard ratio in CASPIAN?"
    )


def test_another_trial_replaces_the_previous_one() -> None:
    assert resolve("What was the OS hazard ratio in CASPIAN?", "What about IMpower133?") == (
        "What was the OS hazard ratio in IMpower133?"
    )


def test_a_drug_replaces_a_drug_not_the_trial() -> None:
    assert resolve("What OS gain did durvalumab give in CASPIAN?", "and serplulimab?") == (
        "What OS gain did serplulimab give in CASPIAN?"
    )


def test_chains_resolve_against_the_resolved_turns() -> None:
    turns = ("What was the OS hazard ratio in CASPIAN?", "What about IMpower133?", "and its PFS?")
    assert resolve(*turns) == "What was the PFS hazard ratio in IMpower133?"


@pytest.mark.parametrize(
    ("followup", "expected"),
    [
        ("What phase was it?", "What phase was CASPIAN?"),
        ("Which drug did the trial test?", "Which drug did CASPIAN test?"),
        ("What was its ORR?", "What was CASPIAN's ORR?"),
    ],
)
def test_a_pronoun_takes_the_most_recent_trial(followup: str, expected: str) -> None:
    assert resolve("What was the OS hazard ratio in CASPIAN?", followup) == expected


def test_the_drug_prefers_a_drug_named_earlier() -> None:
    turns = (
        "Which trial tested serplulimab?",
        "Tell me about ASTRUM-005",
        "What dose of the drug?",
    )
    assert resolve(*turns) == "What dose of serplulimab?"


def test_a_new_attribute_of_the_same_subject() -> None:
    assert resolve("What was the OS hazard ratio in CASPIAN?", "What about toxicity?") == (
        "What about toxicity in CASPIAN?"
    )


@pytest.mark.parametrize(
    "turn",
    [
        "What was the median OS in IMpower133?",  # names its own subject
        "What does DLL3 stand for?",  # no pronoun, no ellipsis
        "Is it true that tumours evade immunity?",  # nothing earlier names a trial here…
    ],
)
def test_self_contained_turns_are_kept(turn: str) -> None:
    earlier = "What is small-cell lung cancer?"
    assert resolve(earlier, turn) == turn


def test_a_long_and_sentence_is_not_an_ellipsis() -> None:
    long = "and what were the main adverse events reported with chemotherapy overall"
    assert resolve("What was the OS hazard ratio in CASPIAN?", long) == long


def test_no_turns() -> None:
    assert resolve_followup([], specific) == ""


@pytest.mark.parametrize(
    ("followup", "expected"),
    [
        ("What was the median OS?", "What was the median OS in CASPIAN?"),
        ("What was the OS hazard ratio?", "What was the OS hazard ratio in CASPIAN?"),
        ("What phase was the study?", "What phase was CASPIAN?"),  # "the study": a pronoun
    ],
)
def test_a_trial_figure_asked_without_a_name_is_about_the_last_trial(
    followup: str, expected: str
) -> None:
    assert resolve("Which drug did CASPIAN test?", followup) == expected


def test_a_general_question_without_a_name_stays_general() -> None:
    turn = "How do bispecific T-cell engagers work?"
    assert resolve("What was the OS hazard ratio in CASPIAN?", turn) == turn


def test_another_trial_drops_the_drug_of_the_first() -> None:
    assert resolve(
        "What was the OS hazard ratio for durvalumab in CASPIAN?", "and what about ASTRUM-005?"
    ) == ("What was the OS hazard ratio in ASTRUM-005?")
    assert resolve(
        "What was the 2-year OS rate with durvalumab in CASPIAN?", "What about IMpower133?"
    ) == ("What was the 2-year OS rate in IMpower133?")


def test_another_figure_of_the_same_subject_is_its_own_question() -> None:
    assert (
        resolve("What was the PFS hazard ratio in CASPIAN?", "and the median OS in each arm?")
        == "Median OS in each arm in CASPIAN?"
    )
