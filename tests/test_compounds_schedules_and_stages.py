"""An acronym spelled by a compound word's two parts; a schedule asked without an amount; a
group of people counted as the text's patients; a follow-up stated as a condition; an
endpoint asked bare answered by its rate where no median is given; a concentration in the
body asked as a measure; an enzyme's name with its "-ase" word; a figure chosen by the stage
its label names.

Every sentence, name and figure here is made up; none is a document's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sclc_qa.abbreviations import spelled_by
from sclc_qa.answering.stages import stages, stated_apart
from sclc_qa.mentions import named_tokens
from sclc_qa.question import profile
from sclc_qa.spans import find
from test_answering_stages import _answers_in


@pytest.mark.parametrize(
    ("short", "text", "spelled"),
    [
        ("ZPC", "zetopharyngeal carcinoma", True),  # zeto|pharyngeal
        ("QRC", "quellorectal cancer", True),
        ("ZCC", "zetocellular carcinoma of the liver", True),
        ("ZIST", "zetointestinal stromal tumours", True),
        # Only after a combining form that ends in "o", of three letters at least, before a
        # word of five: "zepharyngeal" has none, "zoplin" is too short a word.
        ("ZPC", "zepharyngeal carcinoma", False),
        ("ZPC", "zoplin carcinoma", False),
        ("ZQC", "zetopharyngeal carcinoma", False),
    ],
)
def test_a_compound_word_spells_an_acronym_by_its_two_parts(
    short: str, text: str, spelled: bool
) -> None:
    assert spelled_by(short, text) is spelled


def test_an_acronym_the_text_never_writes_is_named_by_its_compound_words(tmp_path: Path) -> None:
    text = (
        "In 40 children with zetopharyngeal carcinoma, the 3-year event-free survival rate was "
        "61%. Quellin was well tolerated."
    )
    assert _answers_in(tmp_path, text, "What was the 3-year EFS rate in paediatric ZPC?") == ["61%"]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How often was zentamab given?", "dose"),
        ("How often and for how many cycles was zentamab given with quellin?", "dose"),
        ("How many cycles of zentamab were given?", "count"),
        ("How often does zeta rash occur with zentamab?", "percent"),
    ],
)
def test_how_often_a_drug_is_given_asks_its_schedule(question: str, kind: str) -> None:
    assert profile(question).kind == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Zentamab was given every 3 weeks for up to six cycles.",
            ["every 3 weeks for up to six cycles"],
        ),
        ("Quellin was given once every two weeks.", ["once every two weeks"]),
        ("Rash occurred every year in some.", []),
    ],
)
def test_a_schedule_without_an_amount_is_found(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in find(text, "schedule")] == expected


def test_a_schedule_belongs_to_every_drug_of_its_clause(tmp_path: Path) -> None:
    text = (
        "Patients received zentamab-qxyz or placebo in combination with quellin plus "
        "zetoplatin every 3 weeks for up to six cycles, followed by maintenance. Zeta rash "
        "occurred in 12% of patients."
    )
    assert _answers_in(tmp_path, text, "How often was zentamab given?") == [
        "every 3 weeks for up to six cycles"
    ]


def test_a_group_of_people_is_counted_as_the_patients_the_text_counts(tmp_path: Path) -> None:
    text = (
        "Sixty-two patients with zetal prostate cancer were randomly assigned 2:1 to zentamab "
        "or placebo. Of 300 men screened, 48 had zeta nodes."
    )
    found = _answers_in(
        tmp_path,
        text,
        "How many men with zetal prostate cancer were randomly assigned to zentamab?",
        "How many men were screened?",
    )
    assert found == ["Sixty-two patients", "300 men"]


@pytest.mark.parametrize(
    ("question", "kind", "or_else"),
    [
        # The follow-up is a condition; the endpoint asked bare is its median, else its rate.
        ("After 70 months' median follow-up, what EFS did ZENITH-9 report?", "duration", "percent"),
        ("At a median follow-up of 5 years, what OS did ZENITH-9 report?", "duration", "percent"),
        ("What was the median follow-up in ZENITH-9?", "duration", None),
        ("What median EFS did ZENITH-9 report?", "duration", None),
        ("What EFS rate did ZENITH-9 report after 70 months of follow-up?", "percent", None),
    ],
)
def test_a_follow_up_stated_asks_no_median(question: str, kind: str, or_else: str | None) -> None:
    prof = profile(question)
    assert (prof.kind, prof.or_else) == (kind, or_else)


def test_an_endpoint_asked_bare_is_answered_by_its_rate_where_no_median_is_given(
    tmp_path: Path,
) -> None:
    text = (
        "The 58 patients treated on ZENITH-9 had an event-free survival (EFS) rate of 91.2% "
        "after a median follow-up of 70 months. Zeta rash was rare."
    )
    [answer] = _answers_in(
        tmp_path, text, "After 70 months median follow-up, what EFS did ZENITH-9 report?"
    )
    assert answer is not None and "91.2%" in answer


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What peak plasma zetanol level did patients reach?", "measure"),
        ("What serum quellin levels were seen?", "measure"),
        ("What level of evidence supports zetanol?", "fact"),
    ],
)
def test_a_level_in_the_body_is_asked_as_a_measure(question: str, kind: str) -> None:
    assert profile(question).kind == kind


def test_a_molar_concentration_is_a_measure() -> None:
    text = "Dosing aimed at a 20 mM peak plasma zetanol concentration (median reached, 16.4 mM)."
    assert [text[s.start : s.end] for s in find(text, "measure")] == ["20 mM", "16.4 mM"]


def test_an_enzyme_is_named_with_its_ase_word(tmp_path: Path) -> None:
    text = (
        "Zetoids lack the enzyme L-zetanolactone oxidase required for quellic acid synthesis "
        "and must take it in food. Zeta rash was rare."
    )
    assert _answers_in(tmp_path, text, "Which enzyme do zetoids lack?") == [
        "L-zetanolactone oxidase"
    ]


def test_a_stage_with_a_lower_case_letter_is_read() -> None:
    assert stages("for stage IIb disease") == {(2, "B")}
    assert stated_apart(stages("stage IV"), "patients with stage IIb disease")
    assert not stated_apart(stages("stage II"), "patients with stage IIb disease")
    assert not stated_apart(stages("stage IV"), "patients in the zentamab group")


def test_a_figure_is_chosen_by_the_stage_its_label_names(tmp_path: Path) -> None:
    text = (
        "In ZENITH-9, the 5-year EFS rates were 100% for patients with stage IIb disease, "
        "81.5% for patients with stage III disease, and 79.4% for patients with stage IV "
        "disease."
    )
    found = _answers_in(
        tmp_path,
        text,
        "What was the 5-year EFS in ZENITH-9 for stage IV patients?",
        "What was the 5-year EFS in ZENITH-9 for stage III patients?",
    )
    assert [a and a.split(" for ")[0] for a in found] == ["79.4%", "81.5%"]


def test_how_much_more_common_is_answered_by_a_relative_risk(tmp_path: Path) -> None:
    text = (
        "Zeta leak lasting more than 5 days was more common after full quell dissection "
        "(RR, 2.61; 95% CI, 1.10–6.20; P = .03). Zeta rash was rare."
    )
    found = _answers_in(
        tmp_path, text, "How much more common was zeta leak after full quell dissection?"
    )
    assert found == ["RR, 2.61; 95% CI, 1.10–6.20; P = .03"]


@pytest.mark.parametrize("unit", ["mM", "µM", "nM", "mEq", "mg/dL", "mIU/mL", "mmol/L"])
def test_a_unit_with_capitals_is_no_name(unit: str) -> None:
    assert named_tokens(f"Zetanol reached 16.4 {unit} in ZENITH-9.") == ["ZENITH-9"]
