"""An acronym spelled by a compound word's two parts; a schedule asked without an amount; a
group of people counted as the text's patients; a follow-up stated as a condition; an
endpoint asked bare answered by its rate where no median is given; a concentration in the
body asked as a measure; an enzyme's name with its "-ase" word; a figure chosen by the stage
its label names; a relative risk for "how much more common"; units that are no names; a
list whose first item holds a bracketed list of its own.

Every sentence, name and figure here is made up; none is a document's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sclc_qa.abbreviations import spelled_by
from sclc_qa.answering.name_lists import list_around
from sclc_qa.answering.stages import stages, stated_apart
from sclc_qa.mentions import is_druglike, named_tokens
from sclc_qa.name_spans import names
from sclc_qa.question import profile
from sclc_qa.series import series
from sclc_qa.spans import find
from test_answering_stages import _answers_in


@pytest.mark.parametrize(
    ("short", "text", "spelled"),
    [
        ("NQC", "nasoquellic carcinoma", True),  # naso|quellic
        ("CZC", "colozetal cancer", True),
        ("HZC", "hepatozetular carcinoma of the liver", True),
        ("GZST", "gastrozetinal stromal tumours", True),
        # Only after a known combining form, before a word of five letters at least:
        # "zetoquellic" opens with none, "nasoquel" joins too short a word.
        ("ZQC", "zetoquellic carcinoma", False),
        ("NQC", "nasoquel carcinoma", False),
        ("NZC", "nasoquellic carcinoma", False),
        # Two letters spell too much by chance: no compound reading for them.
        ("NQ", "nasoquellic", False),
    ],
)
def test_a_compound_word_spells_an_acronym_by_its_two_parts(
    short: str, text: str, spelled: bool
) -> None:
    assert spelled_by(short, text) is spelled


def test_an_acronym_the_text_never_writes_is_named_by_its_compound_words(tmp_path: Path) -> None:
    text = (
        "Among 40 children treated for nasoquellic carcinoma, event-free survival at 3 years "
        "was 61%. Quellin was well tolerated."
    )
    found = _answers_in(
        tmp_path,
        text,
        "What was the 3-year EFS rate in paediatric NQC?",
        "What was the 3-year EFS rate in paediatric RZS?",  # spelled by no words here
    )
    assert found == ["61%", None]


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
            "Zentamab went in every 4 weeks for up to eight doses.",
            ["every 4 weeks for up to eight doses"],
        ),
        ("Quellin was given once every two weeks.", ["once every two weeks"]),
        ("Rash occurred every year in some.", []),
    ],
)
def test_a_schedule_without_an_amount_is_found(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in find(text, "schedule")] == expected


def test_a_schedule_belongs_to_every_drug_of_its_clause(tmp_path: Path) -> None:
    text = (
        "Each arm had zetoplatin, then zentamab-qxyz or a dummy infusion alongside quellin "
        "once every 2 weeks for 12 cycles, then maintenance. CT scans were repeated every 8 "
        "weeks. Zeta rash occurred in 12% of patients."
    )
    found = _answers_in(
        tmp_path,
        text,
        "How often was zentamab given?",
        "What dose of zentamab was given?",  # an interval alone is no dose
        "How often were CT scans of zentamab patients done?",  # a scan's interval is no drug's
    )
    assert found[:2] == ["once every 2 weeks for 12 cycles", None]
    assert found[2] != "once every 2 weeks for 12 cycles"


def test_a_group_of_people_is_counted_as_the_patients_the_text_counts(tmp_path: Path) -> None:
    text = (
        "Sixty-two patients with zetal prostate cancer were enrolled in ZENITH-3, half on "
        "zentamab. Of 300 men screened, 48 had zeta nodes."
    )
    found = _answers_in(
        tmp_path,
        text,
        "How many men with zetal prostate cancer were enrolled in ZENITH-3?",
        "How many men were screened?",
    )
    assert found == ["Sixty-two patients", "300 men"]


def test_a_group_is_not_counted_as_patients_where_the_text_names_groups(tmp_path: Path) -> None:
    text = "ZENITH-5 enrolled 420 adult patients with zetoma. Zeta rash was rare."
    assert _answers_in(tmp_path, text, "How many children did ZENITH-5 enroll?") == [None]


@pytest.mark.parametrize(
    ("question", "kind", "or_else"),
    [
        # The median follow-up is a condition; the endpoint asked bare is its median, else
        # its rate.
        ("After 40 months' median follow-up, what EFS did ZENITH-9 report?", "duration", "percent"),
        ("At a median follow-up of 5 years, what OS did ZENITH-9 report?", "duration", "percent"),
        ("What was the median follow-up in ZENITH-9?", "duration", None),
        ("What median EFS did ZENITH-9 report?", "duration", None),
        ("What EFS rate did ZENITH-9 report after 40 months of median follow-up?", "percent", None),
    ],
)
def test_a_follow_up_stated_asks_no_median(question: str, kind: str, or_else: str | None) -> None:
    prof = profile(question)
    assert (prof.kind, prof.or_else) == (kind, or_else)


def test_a_follow_up_that_is_no_median_dates_what_is_asked() -> None:
    # "after 5 years of follow-up" is a time point, not a condition to read past.
    prof = profile("What was the OS with zentamab after 5 years of follow-up?")
    assert prof.kind != "duration" and prof.or_else is None


def test_an_endpoint_asked_bare_is_answered_by_its_rate_where_no_median_is_given(
    tmp_path: Path,
) -> None:
    text = (
        "On ZENITH-9, the event-free survival (EFS) rate among the 58 children was 91.2%, a "
        "median of 40 months on. Zeta rash was rare."
    )
    [answer] = _answers_in(
        tmp_path, text, "After 40 months median follow-up, what EFS did ZENITH-9 report?"
    )
    assert answer is not None and "91.2%" in answer


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What peak plasma zetanol level did patients reach?", "measure"),
        ("What serum quellin levels were seen?", "measure"),
        ("What level of evidence supports zetanol?", "fact"),
        ("What serum tumor marker level is used to follow zetoma?", "fact"),
        ("What happens to blood zetose levels with zentamab?", "fact"),
    ],
)
def test_a_level_in_the_body_is_asked_as_a_measure(question: str, kind: str) -> None:
    assert profile(question).kind == kind


def test_a_molar_concentration_is_a_measure() -> None:
    text = "Zetanol in blood topped out near 8.5 µM on day 2, and 3 mM in the cysts."
    assert [text[s.start : s.end] for s in find(text, "measure")] == ["8.5 µM", "3 mM"]


def test_an_enzyme_is_named_with_its_ase_word(tmp_path: Path) -> None:
    text = (
        "Quellids have no working Q-zetanolide reductase, the enzyme that makes quellic acid. "
        "Zetanol blocks the enzyme QX7 in zetal disease."
    )
    found = _answers_in(
        tmp_path, text, "Which enzyme do quellids lack?", "Which enzyme does zetanol block?"
    )
    assert found == ["Q-zetanolide reductase", "QX7"]


def test_a_stage_with_a_lower_case_letter_is_read() -> None:
    assert stages("among those at stage IIa") == {(2, "A")}
    assert stated_apart(stages("stage IV"), "among those at stage IIa")
    assert not stated_apart(stages("stage II"), "among those at stage IIa")
    assert not stated_apart(stages("stage IV"), "patients in the zentamab group")


def test_a_figure_is_chosen_by_the_stage_its_label_names(tmp_path: Path) -> None:
    text = (
        "Five years on ZENITH-9, EFS was 97% in patients at stage IIa, 81.5% in patients at "
        "stage III and 79.4% in patients at stage IV."
    )
    found = _answers_in(
        tmp_path,
        text,
        "What was the 5-year EFS in ZENITH-9 for stage IV patients?",
        "What was the 5-year EFS in ZENITH-9 for stage III patients?",
    )
    assert [a and a.split(" in ")[0] for a in found] == ["79.4%", "81.5%"]


def test_how_much_more_common_is_answered_by_a_relative_risk(tmp_path: Path) -> None:
    text = (
        "Full quell dissection brought more week-long zeta leaks than sampling did (RR, 2.61; "
        "95% CI, 1.10–6.20; P = .03). Zeta rash was rare."
    )
    found = _answers_in(
        tmp_path, text, "How much more common was zeta leak after full quell dissection?"
    )
    assert found == ["RR, 2.61; 95% CI, 1.10–6.20; P = .03"]


def test_how_much_more_common_is_not_answered_by_a_hazard_ratio(tmp_path: Path) -> None:
    text = (
        "Zeta leak followed full quell dissection in 25% and sampling in 10%, and the overall "
        "survival HR was 0.80. Zeta rash was rare."
    )
    [found] = _answers_in(
        tmp_path, text, "How much more common was zeta leak after full quell dissection?"
    )
    assert found is None or "0.80" not in found


@pytest.mark.parametrize("unit", ["mM", "µM", "nM", "mEq", "mg/dL", "mIU/mL", "mmol/L"])
def test_a_unit_with_capitals_is_no_name(unit: str) -> None:
    assert named_tokens(f"Zetanol reached 16.4 {unit} in ZENITH-9.") == ["ZENITH-9"]


def test_a_series_whose_first_item_holds_its_own_bracketed_list_is_read_whole() -> None:
    text = (
        "Zeta and East Etalia (Zetania, Quellia, and Omira), Borovia, and Rhovia have the "
        "highest zetoma rates."
    )
    found = [text[a:b] for a, b in series(text)]
    assert found[0] == "Zeta and East Etalia (Zetania, Quellia, and Omira), Borovia, and Rhovia"
    assert "Zetania, Quellia, and Omira" in found  # the inner list is still a series of its own


def test_a_name_list_inside_a_bracket_grows_to_the_list_it_is_part_of() -> None:
    text = "Zeta and East Etalia (Zetania, Quellia, and Omira), Borovia, and Rhovia lead."
    cands = names(text)
    inner = next(c for c in cands if text[c.start : c.end] == "Quellia")
    s, e = list_around(text, cands, inner)
    assert text[s:e] == "Zeta and East Etalia (Zetania, Quellia, and Omira), Borovia, and Rhovia"


@pytest.mark.parametrize(
    ("word", "druglike"),
    [
        ("zetafluorouracil", True),  # as fluorouracil
        ("dihydrouracil", False),  # a metabolite's level, not a drug
        ("quellovorin", True),  # -vorin, as leucovorin
        ("zetocarbazine", True),
        ("zetaferon", False),  # interferons are cytokines the texts write of as often
        ("quelloxifen", True),
        ("zetreotide", True),
        ("zentazapine", True),
        ("rapine", False),
        ("quelltraline", True),
        ("alpine", False),
        ("conference", False),
    ],
)
def test_more_drug_stems_name_drugs(word: str, druglike: bool) -> None:
    assert is_druglike(word) is druglike


def test_a_drug_of_a_newer_stem_is_a_name_in_lower_case() -> None:
    text = "Patients had zetoplatin and zetafluorouracil, then quellovorin."
    assert named_tokens(text) == ["zetoplatin", "zetafluorouracil", "quellovorin"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Escalation raised zeta deaths (HR, 1.42 [1.05–1.91]; P = .01).", "HR, 1.42 [1.05–1.91]"),
        ("The HR was 0.81 [95% CI, 0.70-0.93] overall.", "HR was 0.81 [95% CI, 0.70-0.93]"),
        ("The HR was 0.81 (0.70–0.93) overall.", "HR was 0.81 (0.70–0.93)"),
        ("The HR was 0.81 [23-25].", "HR was 0.81"),  # a citation's range, not an interval
    ],
)
def test_a_ratio_keeps_its_interval_in_square_brackets(text: str, expected: str) -> None:
    assert [text[s.start : s.end] for s in find(text, "hr")] == [expected]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("Zetomas larger than 4.5 cm carry a poor prognosis.", "measure", ["larger than 4.5 cm"]),
        ("Zetomas no larger than 2 cm were shaved.", "measure", ["no larger than 2 cm"]),
        # A comparison with another arm's figure is no bound on it.
        (
            "Zeta response was 45% with zentamab, higher than 30% with sham.",
            "percent",
            ["45%", "30%"],
        ),
        (
            "Median OS was 14 months, longer than 9 months with sham.",
            "duration",
            ["14 months", "9 months"],
        ),
    ],
)
def test_a_comparative_bound_is_kept_with_its_figure(
    text: str, kind: str, expected: list[str]
) -> None:
    assert [text[s.start : s.end] for s in find(text, kind)] == expected


def test_a_grown_phrase_keeps_the_place_it_is_of(tmp_path: Path) -> None:
    text = (
        "Zeta cancer is rare in most places; the Zetan population of southern Quellia has the "
        "highest rates. Quell is rare."
    )
    found = _answers_in(tmp_path, text, "Which population has the highest zeta cancer rates?")
    assert found == ["Zetan population of southern Quellia"]


def test_only_a_people_takes_the_place_it_is_of(tmp_path: Path) -> None:
    text = "Responses were best with the ZX1 pathway of Quell et al in zetoma. Quell is rare."
    assert _answers_in(tmp_path, text, "Which pathway gave the best responses?") == ["ZX1 pathway"]
