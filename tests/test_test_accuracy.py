"""A screening test's accuracy: its sensitivity, specificity and predictive values are shares of
those tested, each a figure of its own, labelled before or after it, and summed up one way
("pooled") or another ("median")."""

from __future__ import annotations

from pathlib import Path

import pytest

from sclc_qa.answering.labels import endpoint_after
from sclc_qa.endpoint_mentions import other_summary
from sclc_qa.question import profile
from sclc_qa.spans import find
from test_answering_stages import _answers_in


@pytest.mark.parametrize(
    ("question", "endpoints"),
    [
        ("What is the specificity of zeta cytology?", {"spec"}),
        ("How sensitive is it? Give the sensitivity of the zeta swab.", {"sens"}),
        ("What positive predictive value does the zeta scan have?", {"ppv"}),
        ("Zeta swab NPV?", {"npv"}),
        ("How sensitive and specific is the zeta swab?", {"sens", "spec"}),
        ("How sensitive is the zeta swab?", {"sens"}),
    ],
)
def test_a_tests_accuracy_is_asked_as_a_share(question: str, endpoints: set[str]) -> None:
    asked = profile(question)
    assert asked.kind == "percent" and asked.endpoints == endpoints


_LABELLED_AFTER = (
    "The pooled estimates for the zeta swab were 44% (95% CI, 40%–48%) for sensitivity and "
    "91% (95% CI, 89%–93%) for specificity."
)


def test_a_figure_labelled_after_it_is_that_endpoints() -> None:
    by_figure = {
        _LABELLED_AFTER[s.start : s.end]: s.endpoint for s in find(_LABELLED_AFTER, "percent")
    }
    assert by_figure["44%"] == "sens" and by_figure["91%"] == "spec"
    end = _LABELLED_AFTER.index("91%") + len("91% (95% CI, 89%–93%)")
    assert _LABELLED_AFTER[:end].endswith("93%)")
    grown = endpoint_after(_LABELLED_AFTER, end, "What specificity?")
    assert _LABELLED_AFTER[end:grown] == " for specificity"


def test_a_pooled_estimate_is_not_a_median_across_studies() -> None:
    asked = "What was the pooled sensitivity of the zeta swab?"
    assert other_summary(asked, "The median sensitivity of the zeta swab was 70%.")
    assert not other_summary(asked, "Pooled estimates of sensitivity were 44%.")
    assert not other_summary("What was the sensitivity?", "The median sensitivity was 70%.")


def test_both_measures_asked_are_answered_with_their_labels(tmp_path: Path) -> None:
    (answer,) = _answers_in(
        tmp_path,
        _LABELLED_AFTER,
        "What were the pooled sensitivity and specificity of the zeta swab?",
    )
    assert (
        answer == "44% (95% CI, 40%–48%) for sensitivity and 91% (95% CI, 89%–93%) for specificity"
    )
