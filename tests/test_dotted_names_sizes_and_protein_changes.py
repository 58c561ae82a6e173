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
"ULN") named by the long form a text writes instead; "in which situations …" asking no
class a text must name; "who was excluded …" asking which patients; a rate's time point ("at 5
years") no answer to "how long after …"; "what share relapse …" asking a share, not a class;
a phrase set before a name between commas saying what it is ("the RNA zetase, ZQX41,"); a
bracketed list that names each figure first ("(Low, 18.5%; …; Extreme, 8.6%)").

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
    # What it found is still what is withheld, and so is which drug did better.
    assert "not yet been disclosed" in _refusal(engine, "What did the zentamab trial show?")
    compared = _section_engine(
        tmp_path / "compared",
        "The phase III ZETA-3 trial compared zentamab with quellin for overall survival; results "
        "have not yet been reported.",
    )
    assert "not yet been reported" in _refusal(
        compared, "Which drug gave longer overall survival in ZETA-3?"
    )


def test_how_many_takes_the_count_a_share_is_of(tmp_path: Path) -> None:
    text = (
        "Adverse events led to discontinuation in 23 patients (25%) and included zentitis in "
        "12 patients (13%) and rash in 5 patients (5%)."
    )
    assert _answers_in(
        tmp_path / "patients",
        text,
        "How many patients had zentitis?",
        "What share of patients had zentitis?",
    ) == ["12 patients (13%)", "13%"]
    # A grade, an age or a trial's number before the bracket counts no one.
    assert _answers_in(
        tmp_path / "grades",
        "Events included grade 3 zentitis (13%); those aged 70 or older (30%) had rash.",
        "How many patients had grade 3 zentitis?",
        "How many patients aged 70 or older had rash?",
    ) == ["13%", "30%"]


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


def test_a_length_before_what_lasts_it_is_a_duration(tmp_path: Path) -> None:
    text = "The zeta schedule assumes a 12-week program; the 2-year OS rate was 40%."
    assert [text[s.start : s.end] for s in find(text, "duration")] == ["12-week"]
    # … of what it lasts, only: a cycle's length is no time on treatment.
    assert _answers_in(
        tmp_path,
        "Patients received zentamab in 21-day cycles, and the median duration of treatment was "
        "4.2 months. The quell schedule assumes a 12-week program of uninterrupted use.",
        "How long did patients receive zentamab?",
        "How long a program does the quell schedule assume?",
    ) == ["4.2 months", "12-week"]


@pytest.mark.parametrize(
    ("question", "share"),
    [
        ("How many patients' records did the bureau review?", False),
        ("How many patients were reviewed by the bureau?", False),
        ("How many patients were analysed?", False),
        ("How many patients responded to zentamab?", True),
        ("How many patients had zentitis?", True),
        ("How many patients had zentitis when evaluated at 12 weeks?", True),
        ("How many patients' tumours shrank?", True),
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
    assert which_phrase("Which two most common events led to stopping?") == (
        "two most common events"
    )


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("p.Arg77His", "r77h"),
        ("Arg77His", "r77h"),
        ("p.R77H", "r77h"),
        ("R77H", "r77h"),
        ("p.(Arg77His)", "r77h"),
        ("p.Asp14Glyfs*2", "d14gfsx2"),
        ("D14Gfs*2", "d14gfsx2"),
        ("p.Asp14GlyfsTer2", "d14gfsx2"),
        ("Arg77Ter", "r77x"),
        ("R77*", "r77x"),
        ("Arg77=", "r77eq"),
        ("Sec61A", None),
        ("T1N0M0", None),
        ("B7H3", None),
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
    # "non-" and "low-" change what is named: no long form is read past them.
    other = _section_engine(
        tmp_path / "changed", "Some had non-small cell zetoma (SCZ) or low-dose zentamab (DZ)."
    )
    for short in ("SCZ", "DZ"):
        assert other.ask(f"What does {short} stand for?", min_confidence=0.0).answer is None


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
    # A condition the question names by a word of it: the drug a figure holds with.
    assert _answers_in(
        tmp_path / "with",
        "Median OS was 11.0 months with quellin (14.2 months for patients given zentamab).",
        "What was the median OS with zentamab?",
        "What was the median OS with quellin?",
    ) == ["14.2 months", "11.0 months"]


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
    engine = _section_engine(tmp_path / "name", text)
    assert "ALT-77" in _refusal(engine, "What is ALT-77?")  # a name's part, not the enzyme


def test_situations_are_no_class_a_document_must_name(tmp_path: Path) -> None:
    text = (
        "ZRT may be considered to reduce the risk of local recurrence if any of the following "
        "are present:\n\n- Involvement of multiple nodal stations.\n- Close resection margins."
    )
    answer = _answers_in(
        tmp_path, text, "In which situations may ZRT be considered to cut recurrence risk?"
    )[0]
    assert answer is not None and "multiple nodal stations" in answer


def test_who_was_excluded_asks_which_patients() -> None:
    for question in ("Who was kept out of the ZETA-3 trial?", "Who is eligible for zentamab?"):
        asked = profile(question)
        assert (asked.target, asked.plural) == ("patient", True)
    assert profile("Who first described zetoma?").target == "who"


def test_a_rates_time_point_is_no_time_until_it(tmp_path: Path) -> None:
    text = (
        "In 50 cases of zetal carcinoma of the zeta gland arising after radiation, survival rates "
        "at 5 years and 10 years were 24% and 18%, respectively. The median time between "
        "radiation therapy and diagnosis of the neoplasm is approximately 15.5 years."
    )
    assert _answers_in(
        tmp_path / "latency",
        text,
        "How long after radiation exposure does zetal carcinoma of the zeta gland appear?",
    ) == ["approximately 15.5 years"]
    # A time after an event, with a rate beside it, may be how long after it.
    answer = _answers_in(
        tmp_path / "after",
        "About 40% to 60% of patients relapse, typically between 2 to 5 years after resection.",
        "What fraction of patients relapse after surgery, and typically how long after?",
    )[0]
    assert answer is not None and "between 2 to 5 years" in answer


def test_a_share_noun_before_a_verb_is_the_whole_phrase(tmp_path: Path) -> None:
    assert which_phrase("What share relapse after surgery?") == "share"
    assert which_phrase("What proportion survive 5 years?") == "proportion"
    answer = _answers_in(
        tmp_path,
        "About 40% to 60% of patients relapse, typically between 2 to 5 years after resection.",
        "What share relapse after surgery?",
    )[0]
    assert answer is not None and "40% to 60%" in answer


def test_a_phrase_set_before_a_name_says_what_it_is(tmp_path: Path) -> None:
    assert _answers_in(
        tmp_path,
        "Germline variants in the RNA zetase, *ZQX41*, are associated with a dominant "
        "predisposition to zetal neoplasms.",
        "What kind of protein is ZQX41?",
    ) == ["RNA zetase"]


def test_a_list_that_names_each_figure_first(tmp_path: Path) -> None:
    text = (
        "Four subgroups of patients with zetal fatigue were identified (Low, 18.5%; Moderate, "
        "43.6%; Severe, 29.3%; Extreme, 8.6%)."
    )
    assert _answers_in(
        tmp_path,
        text,
        "What fraction fell into the extreme fatigue subgroup?",
        "What fraction fell into the moderate subgroup?",
    ) == ["8.6%", "43.6%"]


def test_what_the_second_review_found(tmp_path: Path) -> None:
    """Inputs the rules above once answered wrongly (each made up)."""
    cases = [
        (
            "In the ZETA-3 trial, zentamab, a bispecific antibody, improved survival over quellin.",
            "What is zentamab?",
            "a bispecific antibody",
        ),
        (
            "Patients received a 12-week course of zentamab.",
            "How long was zentamab treatment?",
            "12-week",
        ),
        (
            "Zentamab is given at 10 mg/kg every 3 weeks (7 mg/kg when combined with quellin). "
            "Zentamab may also be combined with vorbatin.",
            "What dose of zentamab is given when combined with vorbatin?",
            "10 mg/kg every 3 weeks",
        ),
        (
            "Zentitis resolved after 3 weeks in 85% of zentamab-treated patients.",
            "How long did it take zentitis to resolve?",
            "3 weeks",
        ),
        (
            "In 2019, Zetacorp selected Helena Marsh to lead ZETA-3.",
            "Who was selected by Zetacorp to lead ZETA-3?",
            "Helena Marsh",
        ),
        (
            "In ZETA-3, responses to zentamab occurred in 12 evaluable patients (13%).",
            "How many evaluable patients responded to zentamab in ZETA-3?",
            "12 evaluable patients (13%)",
        ),
    ]
    for i, (text, question, expected) in enumerate(cases):
        assert _answers_in(tmp_path / str(i), text, question) == [expected], question
    engine = _section_engine(
        tmp_path / "cases",
        "Zentamab was given to 40 adults. Grade 3 zentitis developed in six patients.",
    )
    assert "case" in _refusal(engine, "Which cases of zentitis were fatal?")
    assert protein_key("D14fs") == protein_key("p.Asp14fs") == "d14fs"
    assert protein_key("R77R") == protein_key("p.Arg77Arg") == protein_key("R77=") == "r77eq"
    assert which_phrase("What percentage point difference in ORR was there?") == (
        "percentage point difference"
    )
    assert counts_a_share("How many patients are being evaluated in ZETA-5?") is False
