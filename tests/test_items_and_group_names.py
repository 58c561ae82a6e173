"""Items that hold a short form in brackets, and the other forms a document's names take.

Every sentence, name and figure here is made up; none is a document's.
"""

from __future__ import annotations

from pathlib import Path

from sclc_qa.abbreviations import spelled_by
from sclc_qa.other_names import by_group_number, numbered_names
from sclc_qa.series import examples_of
from test_answering_stages import _answers_in, _refusal, _section_engine


def test_an_item_may_hold_its_short_form_in_brackets() -> None:
    text = "Quellin sits on zeta cells such as Z cells, Q cells, and sleepy quell (SQ) cells, too."
    found = examples_of(text, "zeta cells")
    assert (
        found is not None
        and text[found[0] : found[1]] == "Z cells, Q cells, and sleepy quell (SQ) cells"
    )
    text = "It was tried with zeta blockers, such as morimab, tovimab, and zentamab (ZM), in 2019."
    found = examples_of(text, "zeta blockers")
    assert found is not None and text[found[0] : found[1]] == "morimab, tovimab, and zentamab (ZM)"
    # A reference number in brackets is no short form: the item ends before it.
    assert (
        examples_of("Zeta blockers, such as ZA, ZB, and ZC (12), were tried.", "zeta blockers")
        is None
    )


def test_the_word_after_the_last_comma_is_not_counted_in_the_last_item() -> None:
    # The ", and" that opens the last item is no word of it: "very late zeta factor" is four.
    text = "Zeta cells give off factors such as ZF-1, ZF-2, and very late zeta factor, in turn."
    found = examples_of(text, "factors")
    assert (
        found is not None and text[found[0] : found[1]] == "ZF-1, ZF-2, and very late zeta factor"
    )


def test_a_study_is_found_under_another_abbreviation_of_its_group() -> None:
    texts = ["The Zeta and Quell Group trial (ZQG-4417), which compared A with B, enrolled 80."]
    numbered = numbered_names(texts)
    assert by_group_number("ZAQG 4417", numbered, spelled_by) == "ZQG-4417"
    assert by_group_number("ZAQG-4417", numbered, spelled_by) == "ZQG-4417"
    # Letters the sentence does not spell, or another number, are another study.
    assert by_group_number("QTG 4417", numbered, spelled_by) is None
    assert by_group_number("ZAQG 4418", numbered, spelled_by) is None


def test_a_question_naming_the_group_otherwise_is_answered_not_refused(tmp_path: Path) -> None:
    text = (
        "The Zeta and Quell Group trial (ZQG-4417) compared morimab with tovimab in 80 "
        "patients. Median survival was 9.1 months with morimab in ZQG-4417."
    )
    (answer,) = _answers_in(tmp_path, text, "What was median survival with morimab in ZAQG 4417?")
    assert answer == "9.1 months"


def test_an_effect_size_is_read_with_its_sign_and_interval(tmp_path: Path) -> None:
    text = (
        "Across 9 studies, zeta training improved recall (effect size, –0.31; 95% CI, –0.52 to "
        "–0.10; P = .004) but not speed. Quell therapy lowered fatigue (SMD, 0.44; 95% CI, "
        "0.20–0.68)."
    )
    recall, fatigue = _answers_in(
        tmp_path,
        text,
        "What effect size did zeta training have on recall?",
        "What was the SMD for fatigue with quell therapy?",
    )
    assert recall is not None and recall.startswith("effect size, –0.31; 95% CI, –0.52 to –0.10")
    assert fatigue is not None and fatigue.startswith("SMD, 0.44; 95% CI, 0.20–0.68")


def test_a_refusal_names_the_ratio_the_question_asks() -> None:
    from sclc_qa.answering.reasons import Reasons
    from sclc_qa.question import profile

    reasons = Reasons(documents=2)
    asked = profile("What effect size did zeta training have on recall in ZQG-4417?")
    assert (
        reasons.missing(asked, ["ZQG-4417"]) == "The documents report no effect size for ZQG-4417."
    )
    asked = profile("What was the hazard ratio for death in ZQG-4417?")
    assert "hazard ratio for ZQG-4417" in reasons.missing(asked, ["ZQG-4417"])


def test_a_share_asked_at_two_times_is_answered_with_both(tmp_path: Path) -> None:
    text = (
        "Quell fatigue was reported by 38% of patients before zentamab and 22% of patients at "
        "the last follow-up visit. The 3-year survival for zetoma of the wrist is about 70% "
        "versus 10% to 30% for the other sites."
    )
    times, sites = _answers_in(
        tmp_path,
        text,
        "What share of patients had quell fatigue before zentamab and at the last follow-up?",
        "What is the 3-year survival for zetoma of the wrist, and for the other sites?",
    )
    assert times is not None and times.startswith("38% of patients before zentamab and 22%")
    assert sites == "about 70% versus 10% to 30%"


def test_a_shortened_drug_in_a_regimen_is_read_as_the_drug_it_begins() -> None:
    from sclc_qa.answering.shorthand import drug_words, expanded

    drugs = drug_words(["zentabine", "zentabinequellitaxel", "quellitaxel", "zorumab", "zoratinib"])
    assert drugs[:2] == ("zorumab", "zentabine") and "zoratinib" in drugs  # shortest first

    def known(word: str) -> bool:
        return word.lower() in drugs

    assert expanded("Zent-quellitaxel", drugs, known) == "zentabine-quellitaxel"
    assert expanded("Zent/Quell", drugs, known) == "zentabine/quellitaxel"
    # "Zor" begins two drugs; "Zentabine-quellitaxel" needs no reading; one word is no regimen.
    assert expanded("Zor-quellitaxel", drugs, known) is None
    assert expanded("zentabine-quellitaxel", drugs, known) is None
    assert expanded("Zent", drugs, known) is None


def test_a_ratio_in_brackets_after_what_it_favoured_is_read(tmp_path: Path) -> None:
    text = (
        "In ZQG-4417, 80 patients were given morimab or tovimab. The hazard ratio for death "
        "favored morimab (0.71; 95% CI, 0.52–0.96)."
    )
    (answer,) = _answers_in(tmp_path, text, "What was the hazard ratio for death in ZQG-4417?")
    assert answer is not None and "0.71; 95% CI, 0.52–0.96" in answer


def test_a_recurrence_rate_is_not_answered_by_a_response_rate(tmp_path: Path) -> None:
    text = (
        "Women with zetoma of the uterus were followed for recurrence after surgery. A regimen of "
        "zentabine plus quellitaxel had a 48% response rate in women with unresectable zetoma."
    )
    (tmp_path / "response").mkdir()
    engine = _section_engine(tmp_path / "response", text)
    assert "no recurrence rate" in _refusal(engine, "What is the recurrence rate of zetoma?")
    text = "In omaloma, the rate of local recurrence after surgery was 22%, and 30% responded."
    (tmp_path / "recurrence").mkdir()
    (answer,) = _answers_in(tmp_path / "recurrence", text, "What was the recurrence rate?")
    assert answer == "22%"


def test_the_last_share_of_a_run_keeps_its_base_and_its_arm(tmp_path: Path) -> None:
    text = (
        "Rash occurred in 31% of patients in the morimab group and 12% of patients in the "
        "placebo group. Quell decline affected 44% of the women, compared with only 8% of "
        "controls, by year two."
    )
    arms, controls = _answers_in(
        tmp_path,
        text,
        "How often did rash occur in each group?",
        "How common was quell decline in the women compared with controls?",
    )
    assert arms == "31% of patients in the morimab group and 12% of patients in the placebo group"
    assert controls is not None and controls.endswith("compared with only 8% of controls")
