"""Sizes, volumes and concentrations asked and answered as measures with their units; a bound
("within") kept with its figure; shares in square brackets after their counts; two names of
one trial joined by a slash; a table row whose key is a code; a property named by a word in
-ing that no document writes, though one writes its stem.

Every sentence, name and figure here is made up; none is a document's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sclc_qa.answering.runs import balanced
from sclc_qa.question import profile
from sclc_qa.spans import find
from sclc_qa.vocabulary import name_keys
from test_answering_stages import _answers_in, _engine_over, _refusal


def _found(text: str, kind: str) -> list[str]:
    return [text[s.start : s.end] for s in find(text, kind)]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How large are zeta nodules when they first bleed?", "measure"),
        ("How big can a quell cyst grow?", "measure"),
        ("What is the usual size of a zentoma at diagnosis?", "measure"),
        ("How much water should people on zentamab drink?", "measure"),
        ("What neutrophil count rules out zentamab?", "measure"),
        # A gain is a difference; a study's size is the people it enrolled.
        ("How large was the survival gain with zentamab?", "difference"),
        ("How big a drop in zeta pain did patients need to notice it?", "difference"),
        ("How large were the zentamab trials?", "count"),
        ("What was the sample size of ZQ-2?", "fact"),
        ("How wide a rim of quell tissue is removed?", "measure"),
        ("What volume of zentol is infused?", "measure"),
        # A figure of its own kind asked "how large", a gain asked with any verb, the size of
        # a study or an effect, and counts that are no measure's.
        ("How large was the zeta response rate?", "percent"),
        ("How large can the gain with zentamab be?", "difference"),
        ("What is the size of the benefit with zentamab?", "difference"),
        ("What cohort size did ZQ-2 enrol?", "fact"),
        ("What does the zeta mutation count predict?", "fact"),
        ("What blood counts are checked on zentamab?", "fact"),
        ("What zeta count of patients was needed?", "fact"),
        # Why a measure is what it is asks a reason.
        ("Why is the zeta margin 5 mm wide, and how large should it be?", "mechanism"),
    ],
)
def test_a_size_a_volume_or_a_concentration_is_asked_as_a_measure(question: str, kind: str) -> None:
    assert profile(question).kind == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quell cysts measured 3 × 5 cm on average.", ["3 × 5 cm"]),
        ("A platelet count (45,000–60,000/mm3) was required.", ["45,000–60,000/mm3"]),
        ("Serum zentin above 2.4 mg/dL marked relapse.", ["2.4 mg/dL"]),
        ("Those with under 150 cells/μl fared worse.", ["under 150 cells/μl"]),
        ("Drink at least 2 L per day of water.", ["at least 2 L per day"]),
        (
            "They were told to drink six 8-oz. glasses of water daily.",
            ["six 8-oz. glasses of water daily"],
        ),
        # A lower and an upper bound are one measure.
        ("ZX2 lesions are >4 mm but ≤9 mm across.", [">4 mm but ≤9 mm"]),
        (
            "An ANC of at least 1.5 × 10^9/L and hCG under 5 mIU/mL.",
            ["at least 1.5 × 10^9/L", "under 5 mIU/mL"],
        ),
        ("Quell cysts within 5 mm of the cortex and a 2-cm rim.", ["within 5 mm", "2-cm"]),
        ("ZX3 lesions ≥6 mm and <8 mm grow.", ["≥6 mm and <8 mm"]),
        ("Drink 4 (350-mL) cups of water a day.", ["4 (350-mL) cups of water a day"]),
        # A share or a dose is no measure; a line of therapy ("2L") is no litre; part of a
        # number is none ("1.5 glasses" states no "5 glasses").
        ("Zentamab 40 mg was given to 30% of patients.", []),
        ("In the 2L setting, zentamab is given.", []),
        ("They drank 1.5 glasses.", []),
    ],
)
def test_measures_are_found_with_their_units(text: str, expected: list[str]) -> None:
    assert _found(text, "measure") == expected


def test_a_measure_is_answered_from_prose_and_from_a_row_keyed_by_a_code(tmp_path: Path) -> None:
    text = (
        "Patients on zentamab were advised to take in at least 2 L per day of clear fluid.\n\n"
        "| Category | Code | Description |\n|---|---|---|\n"
        "|  | Q2c | Zeta lesion >3 mm but ≤7 mm in widest extent. |\n"
        "|  | Q2d | Zeta lesion >7 mm in widest extent. |"
    )
    answers = _answers_in(
        tmp_path,
        text,
        "How much fluid should patients on zentamab drink?",
        "How big is a Q2c lesion?",
    )
    # A row's cell is the answer, with what its measure is of.
    assert answers == ["at least 2 L per day", "Zeta lesion >3 mm but ≤7 mm in widest extent."]


def test_within_bounds_a_time_or_a_size_but_not_a_share_or_a_count() -> None:
    text = "Within 3 to 5 weeks of quellectomy, patients began zentamab."
    assert _found(text, "duration") == ["Within 3 to 5 weeks"]
    assert _found("Zeta bleeding stops within 36 hours in most.", "duration") == ["within 36 hours"]
    assert _found("Zentin stayed within 12% of baseline.", "percent") == ["12%"]


def test_a_count_keeps_its_share_in_square_brackets() -> None:
    text = "Fewer stopped zentamab than placebo (48 [22%] vs. 71 [35%]; P = .01)."
    assert _found(text, "percent") == ["48 [22%]", "71 [35%]"]
    # A share in square brackets after a round one's count is not its share.
    assert _found("Of those (48 [22%]) most relapsed.", "percent") == ["48 [22%]"]
    assert _found("In 48 (22%] of cases.", "percent") == ["22%"]


def test_a_span_takes_in_the_square_brackets_it_opens_or_closes() -> None:
    text = "ratio (48 [22%] vs. 71 [35%])"
    start = text.index("22%")
    end = text.index("35%") + 3
    assert text[slice(*balanced(text, start, end))] == "[22%] vs. 71 [35%]"
    assert balanced(text, text.index("(") + 1, text.index("71") + 2) == (
        text.index("(") + 1,
        text.index("71") + 2,
    )


def test_each_of_two_names_joined_by_a_slash_names_the_trial() -> None:
    keys = name_keys("Unlike the Zeta 12/ZENITH-4 trial, quellimab was given weekly.")
    assert {"zenith4", "12"} <= keys
    assert "zenith4" in name_keys("the ZENITH-4/Quell trial")
    # Short names joined by a slash are keyed by their parts, not as a trial's: "ZQ-1/ZQ-L1".
    assert "zql1" not in name_keys("anti-ZQ-1/ZQ-L1 drugs")


def test_a_gerund_property_is_unheard_where_only_its_stem_is_written(tmp_path: Path) -> None:
    doc = (
        "# Zentoma\n\n## Care\n\nZentamab vials are boiled before use and stored at room "
        "temperature; the freezing of samples is avoided. At that point, dosing resumed. "
        "Zentamab shrank zentoma in 40% of patients.\n\n"
        + "".join(f"Paragraph {i} on follow-up and imaging.\n\n" for i in range(30))
    )
    engine = _engine_over(tmp_path, "zentoma", doc)
    reason = _refusal(engine, "What is the boiling point of zentamab?")
    assert reason == "The review does not mention any boiling point."
    # Written as asked, the property may be stated.
    answered = engine.ask("What is the freezing point of zentamab?", min_confidence=0.0)
    assert answered.reason != "The review does not mention any freezing point."
    # … or written as its verb ("use" for "using").
    using = engine.ask("What is the using point of zentamab?", min_confidence=0.0)
    assert using.reason != "The review does not mention any using point."
