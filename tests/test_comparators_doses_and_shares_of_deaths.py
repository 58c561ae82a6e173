"""What a question sets something against ("compared zentamab with quellpuncture") when no
document names it; the drug a dose is of read past the word that says which dose ("the
starting dose of zentoline"), and a word of order or amount ("the extra dose") never taken
for a drug; "which company …?" never answered by a drug or by a table row that names no
company; a disease asked in the plural ("zeta cell lymphomas") still held to its own figures;
a share of deaths ("what share of zetoma deaths …") asking a share, not a death rate; a time
the question writes in words ("ten years after …") never its own answer; a figure stated for
one sex not offered for the other; an answer found in another document than the best
passage's read in its own document; a figure for adults not offered for children.

Every sentence, name and figure here is made up; none is a document's.
"""

from __future__ import annotations

from pathlib import Path

from sclc_qa.answering.extraction import Extracted
from sclc_qa.question import profile
from test_answering_stages import _answers_in, _engine_over, _refusal, _section_engine


def test_a_dose_is_of_the_drug_after_the_word_that_says_which_dose() -> None:
    assert "zentoline" in profile("What starting dose of zentoline is advised for rash?").names
    assert "zentoline" in profile("What is the usual dose of zentoline?").names
    # "extra", "additional" say which dose; they are no drug the text must name.
    asked = profile("In ZETA-2, what zentamab dose was given, and when was the extra dose?")
    assert "extra" not in asked.names and "zentamab" in asked.names
    assert "additional" not in profile("When was the additional dose of zentamab?").names


def test_a_dose_of_a_drug_no_document_names_is_refused(tmp_path: Path) -> None:
    engine = _section_engine(
        tmp_path,
        "Zentamab was given at 1,050 mg once weekly for 4 weeks, then every 2 weeks.",
    )
    assert "quellothyrox" in _refusal(
        engine, "What starting dose of quellothyrox is recommended for zentitis?"
    )


def test_what_a_question_compares_with_must_be_named(tmp_path: Path) -> None:
    engine = _section_engine(
        tmp_path,
        "The phase III ZETA-7 trial compared zentamab with chemotherapy in relapsed zetoma. "
        "For a smoker, the risk of zetoma is tenfold higher than in a lifetime nonsmoker.",
    )
    assert "quellpuncture" in _refusal(
        engine, "Which trial compared zentamab with quellpuncture in relapsed zetoma?"
    )
    assert "quellpuncture" in _refusal(engine, "Was zentamab tested versus quellpuncture?")
    # A shorter word for one the text writes, and people, are no unknown comparator.
    assert "ZETA-7" in (
        engine.ask("Which trial compared zentamab with chemo?", min_confidence=0.0).answer or ""
    )
    answered = engine.ask(
        "Compared with someone who never smoked, how much more likely is a smoker to get zetoma?",
        min_confidence=0.0,
    )
    assert not answered.abstained and "tenfold" in (answered.answer or "")


def test_which_company_is_never_answered_by_a_drug_or_a_bare_row(tmp_path: Path) -> None:
    engine = _section_engine(
        tmp_path,
        "Evidence (zentamab plus quellimab):\n\n"
        "Zentamab plus quellimab improved survival in the ZETA-9 trial.\n\n"
        "| Registration | Drug | Phase | Status |\n"
        "|---|---|---|---|\n"
        "| NCT04501276 | ZQ116 | I | Recruiting |\n",
    )
    assert "no company" in _refusal(engine, "Which company developed quellimab?")
    assert "no company" in _refusal(engine, "Which company developed the antibody ZQ116?")


def test_a_disease_asked_in_the_plural_keeps_to_its_own_figures(tmp_path: Path) -> None:
    engine = _section_engine(
        tmp_path,
        "Zeta cell lymphoma (ZCL) and non-zeta cell lymphoma (NZCL) differ in their biology. "
        "Activating ZRK variants are found in 25% to 30% of NZCL.",
    )
    reason = _refusal(engine, "What fraction of zeta cell lymphomas carry ZRK variants?")
    assert "NZCL" in reason


def test_a_share_of_deaths_asks_a_share() -> None:
    asked = profile("What share of zetoma deaths can be attributed to quellwork exposure?")
    assert asked.kind == "percent" and "os" not in asked.endpoints
    # A death rate, or a share that dies, still asks about deaths.
    assert "os" in profile("What share of zetoma patients were alive at 2 years?").endpoints
    assert "os" in profile("What was the zetoma death rate?").endpoints


def test_a_share_of_deaths_is_answered(tmp_path: Path) -> None:
    assert _answers_in(
        tmp_path,
        "When quellwork exposures are all considered together, 9% to 15% of all zetoma deaths "
        "can be attributed to them.",
        "What share of zetoma deaths can be attributed to quellwork exposures?",
    ) == ["9% to 15% of all zetoma deaths"]


def test_a_time_the_question_writes_in_words_is_not_its_answer(tmp_path: Path) -> None:
    [answer] = _answers_in(
        tmp_path,
        "Compared with the risk in persistent smokers, a reduction in zetoma mortality has been "
        "noted after 10 years of cessation.",
        "Ten years after quitting, how much lower is zetoma mortality than in smokers?",
    )
    assert answer is None or "10 years" not in answer


def test_a_figure_stated_for_one_sex_is_not_offered_for_the_other(tmp_path: Path) -> None:
    text = (
        "The incidence in Zetan men was higher than in Quellan men (66.5 vs. 60.0 cases per "
        "100,000 men, respectively), whereas among women the incidence in Zetan women was "
        "lower than in Quellan women (43.2 vs. 52.2 cases per 100,000 women, respectively)."
    )
    women, men = _answers_in(
        tmp_path,
        text,
        "Did Zetan women or Quellan women have the higher incidence?",
        "Did Zetan men or Quellan men have the higher incidence?",
    )
    assert women is not None and "100,000 women" in women
    assert men is not None and "100,000 men" in men


def test_a_figure_stated_for_adults_is_not_offered_for_children(tmp_path: Path) -> None:
    engine = _section_engine(
        tmp_path,
        "The maker of Quell Tea states that adults may drink from 30 to 360 mL a day.",
    )
    assert "adults" in _refusal(
        engine, "How many mL of Quell Tea a day are suggested for children?"
    )
    answer = engine.ask(
        "How many mL of Quell Tea may adults drink a day?", min_confidence=0.0
    ).answer
    assert answer is not None and "30 to 360" in answer


def test_an_answer_is_located_in_its_own_sentence_first() -> None:
    assert Extracted(7, 10, 20).located(3) == 7
    assert Extracted(-1, 10, 20, near=5).located(3) == 5
    assert Extracted(-1, 10, 20).located(3) == 3


def test_a_list_of_drugs_does_not_name_a_company(tmp_path: Path) -> None:
    engine = _engine_over(
        tmp_path,
        "review",
        "# Review\n\n## Immunotherapy\n\nThe development of immunotherapy has led researchers "
        "to focus on zetoma.\n\n" + "".join(f"Paragraph {i} on care.\n\n" for i in range(20)),
        summary="# Summary\n\n"
        + "".join(f"## Part {i}\n\nText {i} on imaging in zetoma.\n\n" for i in range(20))
        + "## Evidence\n\nEvidence (zentamab plus quellimab):\n\n"
        "1. Zentamab plus quellimab improved survival in ZETA-9.\n",
    )
    assert "no company" in _refusal(engine, "Which company developed quellimab?")


def test_one_sentence_that_compares_the_subjects_says_which(tmp_path: Path) -> None:
    text = (
        "The response rate was higher with quellplatin (30%) than with zentaplatin (24%). "
        "More zentopenia was seen with zentaplatin than with quellplatin (12% vs. 6%; OR, "
        "2.27; 95% CI, 1.71–3.01), but quellplatin caused more nausea (8% vs. 18%)."
    )
    [answer] = _answers_in(
        tmp_path,
        text,
        "Which drug causes more zentopenia, zentaplatin or quellplatin, and at what rates?",
    )
    assert answer is not None and "zentaplatin" in answer and "12% vs. 6%" in answer


def test_a_comparative_after_which_is_no_class(tmp_path: Path) -> None:
    engine = _section_engine(
        tmp_path,
        "Up to 80% of zetal tumors are functioning on hormone testing, while 40% of patients "
        "present with symptoms of hormone excess.",
    )
    for question in (
        "Which is higher in zetoma: the share of zetal tumors that are functioning, or the "
        "share of patients who present with symptoms?",
        "Which is more common in zetoma: functioning zetal tumors or symptoms?",
    ):
        reason = engine.ask(question, min_confidence=0.0).reason or ""
        assert "any higher" not in reason and "any more" not in reason
