"""Names in other forms (a study by another abbreviation of its group, a shortened drug in a
regimen, an item with its short form in brackets), ratios and effect sizes, and the runs of
figures a question of several parts asks.

Every sentence, name and figure here is made up; none is a document's.
"""

from __future__ import annotations

from pathlib import Path

from sclc_qa.abbreviations import spelled_by
from sclc_qa.other_names import by_group_number, numbered_names
from sclc_qa.question import profile
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
    # A plain word or a month before a number, or a year, is no study; the group is spelled
    # just before its study's name, not anywhere in the sentence.
    texts = [
        "Table 301 lists the Zeta Quell Group arms. In 2020, ZQ 2020 began.",
        "The ZQG-5512 study and the Zeta Alpha Quell Group (ZAQG-88) study both closed.",
    ]
    numbered = numbered_names(texts)
    assert set(numbered) == {"5512"}
    assert by_group_number("ZQG 301", numbered, spelled_by) is None
    assert by_group_number("ZAQG 5512", numbered, spelled_by) is None


def test_a_question_naming_the_group_otherwise_is_answered_not_refused(tmp_path: Path) -> None:
    text = (
        "The Zeta and Quell Group trial (ZQG-4417) compared morimab with tovimab in 80 "
        "patients. Median survival was 9.1 months with morimab in ZQG-4417."
    )
    (answer,) = _answers_in(tmp_path, text, "What was median survival with morimab in ZAQG 4417?")
    assert answer == "9.1 months"


def test_an_effect_size_is_read_with_its_sign_and_interval(tmp_path: Path) -> None:
    text = (
        "Quell training and zeta recall were linked in 5 trials; the pooled effect size was "
        "–1.2 (95% CI, –2.0 to –0.4). Against fatigue, the standardized mean difference [SMD] "
        "was 2.5 in one study."
    )
    recall, fatigue = _answers_in(
        tmp_path,
        text,
        "What effect size did quell training have on zeta recall?",
        "What was the SMD for fatigue?",
    )
    assert recall is not None and "–1.2 (95% CI, –2.0 to –0.4)" in recall
    assert fatigue is not None and "2.5" in fatigue
    assert profile("What effect size did quell training have?").kind == "hr"  # a measure asked


def test_a_refusal_names_the_ratio_the_question_asks() -> None:
    from sclc_qa.answering.reasons import Reasons

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
    # "at least", "at what" set a bound or ask a value, not a second time.
    from sclc_qa.answering.runs import asks_several

    for asked, several in (
        ("What share had quell fatigue before zentamab and at the last visit?", True),
        ("What share had quell fatigue after zentamab and at least grade 2 pain?", False),
        ("At what rate did zeta fall after zentamab and at what dose?", False),
    ):
        assert asks_several(profile(asked)) is several, asked


def test_a_shortened_drug_in_a_regimen_is_read_as_the_drug_it_begins() -> None:
    from sclc_qa.answering.shorthand import drug_words, expanded

    drugs = drug_words(["zentabine", "zentabinequellitaxel", "quellitaxel", "zorumab", "zoratinib"])
    assert drugs[:2] == ("zorumab", "zentabine") and "zoratinib" in drugs  # shortest first

    def known(word: str) -> bool:
        return word.lower() in drugs

    assert expanded("Zent-quellitaxel", drugs, known) == "zentabine-quellitaxel"
    assert expanded("Quellitaxel/Zent", drugs, known) == "Quellitaxel/zentabine"
    # "Zor" begins two drugs; "zentabine-quellitaxel" needs no reading; one word is no regimen;
    # a regimen names one drug in full at least, and shortens the others with a capital.
    assert expanded("Zor-quellitaxel", drugs, known) is None
    assert expanded("zentabine-quellitaxel", drugs, known) is None
    assert expanded("Zent", drugs, known) is None
    assert expanded("Zent/Quell", drugs, known) is None
    assert expanded("zent-quellitaxel", drugs, known) is None


def test_a_question_shortening_a_drug_of_a_regimen_is_answered(tmp_path: Path) -> None:
    text = (
        "Zentabine plus quellitaxel gave a 41% response rate in women with zetoma. Zorumab "
        "alone gave 12%."
    )
    engine = _section_engine(tmp_path, text)
    answer = engine.ask("Zent-quellitaxel response rate in zetoma?", min_confidence=0.0)
    assert answer.answer is not None and answer.answer.startswith("41%")
    # A word the documents begin no drug with is still never mentioned.
    assert "not mention" in _refusal(engine, "Quo-quellitaxel response rate in zetoma?")


def test_a_ratio_in_brackets_after_the_words_it_is_of_is_read(tmp_path: Path) -> None:
    text = (
        "Of the 120 enrolled, 60 took morimab. The odds ratio of remission was higher with "
        "morimab (2.4; P = .01) in ZQG-4417. The odds ratio of rash with tovimab (1.5 mg/kg) "
        "was not given."
    )
    remission, rash = _answers_in(
        tmp_path,
        text,
        "What was the odds ratio of remission in ZQG-4417?",
        "What was the odds ratio of rash with tovimab?",
    )
    assert remission is not None and "2.4; P = .01" in remission
    assert rash is None or "1.5" not in rash  # a dose in brackets is no ratio


def test_a_recurrence_rate_is_not_answered_by_a_response_rate(tmp_path: Path) -> None:
    text = (
        "Women with zetoma of the uterus were followed for recurrence after surgery. A regimen of "
        "zentabine plus quellitaxel had a 48% response rate in women with unresectable zetoma."
    )
    engine = _section_engine(tmp_path / "response", text)
    assert "no recurrence rate" in _refusal(engine, "What is the recurrence rate of zetoma?")
    text = "In omaloma, the rate of local recurrence after surgery was 22%, and 30% responded."
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
