"""Kinds of answer asked in words the first documents seldom used: an amount of money, a
cohort's size, what happens to a figure."""

from __future__ import annotations

from pathlib import Path

import pytest

from sclc_qa.question import profile
from sclc_qa.question_kinds import uncontracted
from sclc_qa.spans import find
from test_answering_stages import _answers_in


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What does zeta genotyping cost?", "cost"),
        ("How expensive is a zeta scan?", "cost"),
        ("How much do patients pay for the zeta panel?", "cost"),
        ("Does A or B cost more lung function at 6 months?", "percent"),
        ("Is zeta screening cost-effective?", "yesno"),
        ("How many patients were in the zeta cohort?", "count"),
        ("How many patients had a response to zetamab?", "percent"),
    ],
)
def test_the_kind_asked(question: str, kind: str) -> None:
    assert profile(question).kind == kind


def test_what_happens_to_asks_no_name_of_a_class() -> None:
    asked = profile("What happens to survival at 2 years with zeta radiotherapy?")
    assert asked.kind != "entity" and asked.target == ""


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Zeta genotyping costs less than $200 in most laboratories.", "less than $200"),
        ("A course cost US$ 3.5 million in total.", "US$ 3.5 million"),
        ("Each scan was billed at 1,200 euros.", "1,200 euros"),
    ],
)
def test_an_amount_of_money_is_a_figure(text: str, figure: str) -> None:
    assert [text[s.start : s.end] for s in find(text, "cost")] == [figure]


def test_a_hedge_of_excess_is_part_of_its_figure_and_a_hedge_is_a_word() -> None:
    text = "The 5-year survival rate for early disease exceeds 85%."
    assert [text[s.start : s.end] for s in find(text, "percent")] == ["exceeds 85%"]
    text = "It fell from 4.1% in the control group to 2.9%."
    assert [text[s.start : s.end] for s in find(text, "percent")] == ["4.1%", "2.9%"]


def test_money_answers_a_cost_and_a_change_is_told_by_its_verb(tmp_path: Path) -> None:
    text = (
        "Zeta genotyping costs less than $200, and 12% of laboratories offer it. "
        "Adjuvant zeta radiotherapy was detrimental, reducing 2-year survival from 61% to 55%."
    )
    cost, change = _answers_in(
        tmp_path,
        text,
        "How much does zeta genotyping cost?",
        "What happens to 2-year survival with adjuvant zeta radiotherapy?",
    )
    assert cost == "less than $200"
    assert change == "reducing 2-year survival from 61% to 55%"


def test_a_rates_base_and_a_schedules_period_stay_with_their_figures(tmp_path: Path) -> None:
    text = (
        "Perforation occurred in 0 to 9 cases per 10,000 procedures. "
        "After zeta surgery, a rectal examination should be done every 4 months for the "
        "first 3 years."
    )
    rate, schedule = _answers_in(
        tmp_path,
        text,
        "How often does perforation occur?",
        "After zeta surgery, how often should a rectal examination be done?",
    )
    assert rate == "0 to 9 cases per 10,000 procedures"
    assert schedule == "every 4 months for the first 3 years"


def test_a_cumulative_figure_is_at_its_whole_follow_up(tmp_path: Path) -> None:
    text = (
        "In a 10-year follow-up of the zeta screening study, cumulative mortality fell from "
        "4.1% in the control group to 2.9% in the screened group."
    )
    at_five, at_ten = _answers_in(
        tmp_path,
        text,
        "What was cumulative mortality at 5 years in the zeta screening study?",
        "What was cumulative mortality at 10 years in the zeta screening study?",
    )
    assert at_five is None
    assert at_ten is not None and ("4.1%" in at_ten or "2.9%" in at_ten)


def test_a_contraction_is_read_spelled_out() -> None:
    assert uncontracted("What's the yearly risk? It doesn't say; Barrett's isn't") == (
        "What is the yearly risk? It does not say; Barrett's is not"
    )
    assert profile(uncontracted("What’s the yearly risk of zetoma?")).kind == "percent"


def test_people_who_will_die_and_a_multiple_of_risk(tmp_path: Path) -> None:
    text = (
        "It is estimated that 9,310 Americans will die of zeta cancer in 2031. "
        "Individuals who smoke have a threefold to fivefold increased risk of zeta cancer."
    )
    deaths, multiple = _answers_in(
        tmp_path,
        text,
        "How many Americans are expected to die of zeta cancer in 2031?",
        "How much does smoking raise zeta cancer risk?",
    )
    assert deaths == "9,310 Americans"
    assert multiple == "threefold to fivefold increased risk"
    assert profile("How much does smoking raise zeta cancer risk?").kind == "difference"
    assert profile("How much was the risk of zeta cancer increased with zentamab?").kind == (
        "difference"
    )


def test_a_combo_is_a_regimen_and_cures_is_a_verb() -> None:
    asked = profile("Which 3-drug chemo combo has worked in zeta cancer?")
    assert asked.kind == "entity" and asked.target == "combo"
    assert profile("Which gluten-free diet cures zeta cancer?").target == "diet"


def test_a_change_stated_before_its_share() -> None:
    text = "A dose reduction of 50% may be advised; testing may delay therapy by 2 weeks."
    assert [text[s.start : s.end] for s in find(text, "difference")] == [
        "dose reduction of 50%",
        "by 2 weeks",
    ]


def test_a_rate_with_its_base_in_brackets() -> None:
    text = "Yearly zeta cancer incidence rates ranged from 12.4 to 13.0 (per 100,000)."
    assert [text[s.start : s.end] for s in find(text, "percent")] == ["12.4 to 13.0 (per 100,000)"]
