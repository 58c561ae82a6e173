"""A trial whose name holds a dot ("ZQ.12") found in its own item of a list of bracketed
figures; "which trial …, and in what phase?" answered while its results are still awaited; a
share in brackets after the count asked for ("12 patients (13%)"); a group's size written
"(N = 112)"; a length written before what lasts it ("a 12-week program"); "how many patients'
records …" and "how many patients were reviewed …" asking a number, not a share; an adverb
before the verb ending a which-phrase ("which variant most often serves …"); a protein change
found however it is written ("p.Arg77His", "R77H"); a long form after a dashed prefix
("post–zeta stem cell transplant (ZSCT)"); an abbreviation asked "in the quelloma summary"
spelled out by that summary's definition; a figure held under a condition in brackets
("1,050 mg [1,400 mg if >80 kg]") answering only that condition; a common abbreviation ("ALT",
"ULN") named by the long form a text writes instead.

Every sentence, name and figure here is made up; none is a document's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sclc_qa.protein_changes import protein_key
from sclc_qa.question import profile
from sclc_qa.question_phrase import which_phrase
from sclc_qa.question_shares import counts_a_share
from sclc_qa.spans import find
from test_answering_stages import _answers_in, _engine_over, _refusal, _section_engine


def test_a_dotted_trial_name_is_its_own_items_name(tmp_path: Path) -> None:
    text = (
        "Survival was longer in the Zeta Group pooled analysis (pooled HR, 0.81; 95% CI, "
        "0.70–0.94); the QUELL trial (HR, 0.74; 95% CI, 0.51–1.07); and the Northern Oncology "
        "Group ZQ.12 trial (HR, 0.62; 95% CI, 0.44–0.88)."
    )
    assert _answers_in(
        tmp_path,
        text,
        "What was the hazard ratio for survival in the ZQ.12 trial?",
        "What was the hazard ratio in the QUELL trial?",
    ) == ["HR, 0.62; 95% CI, 0.44–0.88", "HR, 0.74; 95% CI, 0.51–1.07"]


def test_a_trial_awaiting_results_is_still_named(tmp_path: Path) -> None:
    engine = _section_engine(
        tmp_path,
        "A multicenter phase II trial (NCT07654321) is evaluating zentamab with or without "
        "quellin in relapsed zetoma; detailed results have not yet been disclosed.",
    )
    answer = engine.ask(
        "Which trial is testing zentamab with or without quellin, and in what phase?",
        min_confidence=0.0,
    ).answer
    assert answer is not None and "NCT07654321" in answer and "phase II" in answer
    # What it found is still what is withheld.
    assert "not yet been disclosed" in _refusal(engine, "What did the zentamab trial show?")


def test_how_many_takes_the_count_a_share_is_of(tmp_path: Path) -> None:
    text = (
        "Adverse events led to discontinuation in 23 patients (25%) and included zentitis in "
        "12 patients (13%) and rash in 5 patients (5%)."
    )
    assert _answers_in(
        tmp_path,
        text,
        "How many patients had zentitis?",
        "What share of patients had zentitis?",
    ) == ["12 patients (13%)", "13%"]


def test_a_group_size_written_n_equals(tmp_path: Path) -> None:
    assert _answers_in(
        tmp_path / "rats",
        "Zeta rats (N = 112) were assigned to one of three groups.",
        "How many zeta rats were in the study?",
    ) == ["N = 112"]
    assert _answers_in(
        tmp_path / "patients",
        "We enrolled patients (n = 45) with quelloma.",
        "How many patients were enrolled?",
    ) == ["n = 45"]


def test_a_length_before_what_lasts_it_is_a_duration() -> None:
    text = "The zeta schedule assumes a 12-week program; the 2-year OS rate was 40%."
    assert [text[s.start : s.end] for s in find(text, "duration")] == ["12-week"]


@pytest.mark.parametrize(
    ("question", "share"),
    [
        ("How many patients' records did the bureau review?", False),
        ("How many patients were reviewed by the bureau?", False),
        ("How many patients were analysed?", False),
        ("How many patients responded to zentamab?", True),
        ("How many patients had zentitis?", True),
    ],
)
def test_reviewed_patients_are_counted(question: str, share: bool) -> None:
    assert counts_a_share(question) is share


def test_an_adverb_before_the_verb_ends_the_phrase() -> None:
    assert which_phrase("Which somatic ZQ1 variant most often serves as the second hit?") == (
        "somatic ZQ1 variant"
    )
    assert which_phrase("Which trial still recruits?") == "trial"
    assert which_phrase("Which most common side effect led to stopping?") == (
        "most common side effect"
    )


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("p.Arg77His", "r77h"),
        ("Arg77His", "r77h"),
        ("p.R77H", "r77h"),
        ("R77H", "r77h"),
        ("p.(Arg77His)", "r77h"),
        ("p.Asp14Glyfs*2", "d14gfs2"),
        ("D14Gfs*2", "d14gfs2"),
        ("p.Met1Ile", "m1i"),
        ("Arg77", None),
        ("R77", None),
        ("CD8", None),
        ("ZQ1", None),
    ],
)
def test_a_protein_change_has_one_key_in_either_code(word: str, key: str | None) -> None:
    assert protein_key(word) == key


def test_a_protein_change_is_found_in_the_other_code(tmp_path: Path) -> None:
    text = (
        "In nearly 80% of cases, a second, somatic variant (often the ZQ1 p.Arg77His "
        "variant) is acquired on the other ZQ1 allele."
    )
    assert _answers_in(
        tmp_path,
        text,
        "How often is R77H the second hit?",
        "Which somatic ZQ1 variant most often serves as the second hit?",
    ) == ["nearly 80% of cases", "ZQ1 p.Arg77His variant"]
    assert profile("How often is R77H the second hit?").names == ("R77H",)


def test_a_long_form_after_a_dashed_prefix(tmp_path: Path) -> None:
    engine = _section_engine(
        tmp_path,
        "Two donor leukemias occurred post–zeta stem cell transplant (ZSCT) from a related donor.",
    )
    assert engine.ask("What does ZSCT stand for?", min_confidence=0.0).answer == (
        "zeta stem cell transplant"
    )


def test_an_abbreviation_asked_of_one_summary_is_spelled_out_by_it(tmp_path: Path) -> None:
    background = "".join(f"Paragraph {i} describes general care.\n\n" for i in range(20))
    engine = _engine_over(
        tmp_path,
        "zetoma",
        "# Zetoma Treatment\n\n## Care\n\nIn zetoma, some had zeta-quell therapy (ZQT).\n\n"
        + background,
        quelloma="# Quelloma Treatment\n\n## Care\n\nIn quelloma, leukemias followed zonal "
        "quell transplant (ZQT) from a related donor.\n\n" + background,
    )
    cited = engine.ask("In the quelloma summary, what does ZQT stand for?", min_confidence=0.0)
    assert cited.answer == "zonal quell transplant" and cited.citations[0].doc == "quelloma"
    first = engine.ask("What does ZQT stand for?", min_confidence=0.0)
    assert first.citations[0].doc == "zetoma"  # no summary asked: the first definition


def test_a_figure_held_under_a_condition_answers_only_that_condition(tmp_path: Path) -> None:
    text = (
        "Patients received zentamab (1,050 mg [1,400 mg if >80 kg] IV) once weekly. Quellin "
        "was given at 20 mg daily (10 mg for patients with renal impairment)."
    )
    assert _answers_in(
        tmp_path,
        text,
        "What zentamab dose did patients weighing over 80 kg receive?",
        "What zentamab dose did patients receive?",
        "What quellin dose was given to patients with renal impairment?",
    ) == ["1,400 mg", "1,050 mg", "10 mg"]


def test_a_common_abbreviation_is_named_by_its_long_form(tmp_path: Path) -> None:
    text = (
        "With zentinib, elevation of alanine transaminase to more than five times the upper "
        "limit of normal occurred in 27% of patients."
    )
    assert _answers_in(
        tmp_path,
        text,
        "In what share of patients did ALT climb above five times the upper limit with zentinib?",
        "What share had ALT above 5 times ULN with zentinib?",
    ) == ["27% of patients", "27% of patients"]
