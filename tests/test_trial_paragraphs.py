"""A trial's results told over several paragraphs, as treatment summaries write them: a numbered
item names the trial, the paragraph after it goes on "In this trial, …", and the trial is one
of a series ("ZETA I", "ZETA II")."""

from __future__ import annotations

from pathlib import Path

from sclc_qa.mentions import named_tokens
from test_answering_stages import _answers_in

_SERIES = (
    "Evidence (chemoradiation):\n\n"
    "1. The ZETA I trial showed that chemoradiation with zetamab was better than "
    "radiation alone.\n\n"
    "In this randomized trial, 412 patients were assigned to receive 50 Gy of radiation with "
    "or without zetamab. Zetamab was given as a single dose (14 mg/m2) on the first day.\n\n"
    "- Local failure was lower with chemoradiation.\n\n"
    "2. In the ZETA II trial, 880 patients were assigned to zetamab or etamab."
)


def test_a_trials_number_in_its_series_is_part_of_its_name() -> None:
    assert named_tokens("Which was larger, ZETA I or ZETA II?") == ["ZETA I", "ZETA II"]
    assert named_tokens("Phase II results?") == []


def test_a_paragraph_going_on_about_the_trial_before_is_that_trials(tmp_path: Path) -> None:
    size, dose = _answers_in(
        tmp_path,
        _SERIES,
        "How many patients were randomized in ZETA I?",
        "What dose of zetamab was given in ZETA I?",
    )
    assert size == "412 patients"
    assert dose == "14 mg/m2"  # not the radiation's 50 Gy: a dose in Gy is no drug's


def test_larger_trial_and_higher_dose_compare_counts_and_doses(tmp_path: Path) -> None:
    text = (
        "In the ZETA I trial, 412 patients received zetamab (12 mg/m2) with 50 Gy of radiation. "
        "In the ETA-9 trial, 650 patients received zetamab (15 mg/m2) with 45 Gy of radiation."
    )
    larger, dose = _answers_in(
        tmp_path,
        text,
        "Which was the larger trial, ZETA I or ETA-9?",
        "Which trial gave the higher zetamab dose, ZETA I or ETA-9?",
    )
    assert larger is not None and larger.startswith("ETA-9")
    assert dose is not None and dose.startswith("ETA-9") and "15 mg/m2" in dose


def test_a_bullet_reports_on_the_trial_its_lead_in_paragraph_goes_on_about(
    tmp_path: Path,
) -> None:
    (hr,) = _answers_in(
        tmp_path,
        _SERIES.replace(
            "- Local failure was lower with chemoradiation.",
            "- Local failure was lower with chemoradiation (HR, 0.52; 95% CI, 0.40–0.68).",
        ),
        "What was the hazard ratio for local failure in ZETA I?",
    )
    assert hr is not None and hr.startswith("HR, 0.52")
