"""A drug asked about on its own is not answered by a sentence that gives it only combined."""

from __future__ import annotations

import pytest

from sclc_qa.answering.regimens import other_regimen

NAMES = ("zentamab", "ZENITH-4")


@pytest.mark.parametrize(
    ("question", "sentence", "combination"),
    [
        (
            "What ORR did zentamab monotherapy reach in ZENITH-4?",
            "In ZENITH-4, quellimab plus zentamab reached an ORR of 31%.",
            "quellimab plus zentamab",
        ),
        (
            "Median PFS with zentamab alone in ZENITH-4?",
            "Median PFS was 6.1 months in the quellimab-plus-zentamab-plus-chemotherapy arm.",
            "quellimab-plus-zentamab-plus-chemotherapy",
        ),
        (
            "What response rate did single-agent zentamab give in ZENITH-4?",
            "Zentamab combined with chemotherapy gave a response rate of 44%.",
            "Zentamab combined with chemotherapy",
        ),
    ],
)
def test_a_drug_asked_alone_is_not_answered_by_its_combination(
    question: str, sentence: str, combination: str
) -> None:
    assert other_regimen(question, NAMES, sentence) == ("zentamab alone", combination)


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # The sentence gives the drug alone as well.
        (
            "What ORR did zentamab monotherapy reach in ZENITH-4?",
            "The ORR was 31% with quellimab plus zentamab and 12% with zentamab alone.",
        ),
        # The drug stands on its own in the sentence.
        (
            "What ORR did zentamab monotherapy reach in ZENITH-4?",
            "In ZENITH-4, zentamab reached an ORR of 12%.",
        ),
        # The question sets the combination against the drug alone: both arms asked.
        (
            "ORR with quellimab plus zentamab versus zentamab alone in ZENITH-4?",
            "In ZENITH-4, quellimab plus zentamab reached an ORR of 31% (vs 12%).",
        ),
        # Not asked alone.
        (
            "What ORR did zentamab reach in ZENITH-4?",
            "In ZENITH-4, quellimab plus zentamab reached an ORR of 31%.",
        ),
        # A hyphened word that is no other treatment ("zentamab-treated").
        (
            "What ORR did zentamab alone reach in ZENITH-4?",
            "Among zentamab-treated patients in ZENITH-4, the ORR was 12%.",
        ),
    ],
)
def test_a_drug_given_alone_or_not_asked_alone_passes(question: str, sentence: str) -> None:
    assert other_regimen(question, NAMES, sentence) is None
