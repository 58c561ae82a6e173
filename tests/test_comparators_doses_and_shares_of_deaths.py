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

from sclc_qa.answering.extracted import Extracted
from sclc_qa.question import profile
from test_answering_stages import _answers_in, _engine_over, _refusal, _section_engine


def test_a_dose_is_of_the_drug_after_the_word_that_says_which_dose() -> None:
    assert "zentoline" in profile("What starting dose of zentoline is advised for rash?").names
    assert "zentoline" in profile("What is the usual dose of zentoline?").names
    # "extra", "additional" say which dose; they are no drug the text must name.
    asked = profile("In ZETA-2, what zentamab dose was given, and when was the extra dose?")
    assert "extra" not in asked.names and "zentamab" in asked.names
    assert "additional" not in profile("When was the additional dose of zentamab?").names


def test_a_dose_for_a_group_or_a_purpose_names_no_drug(tmp_path: Path) -> None:
    for question in (
        "What is the usual dose for prophylaxis?",
        "What is the starting dose for people with kidney disease?",
    ):
        assert profile(question).names == (), question
    assert "zentamab" in profile("What is the dose for zentamab?").names
    # A group of one sex or age is what the dose's label names, not a drug it is of.
    [adults] = _answers_in(
        tmp_path,
        "Zentoline is started at 20 mg once daily in adults with zetoma; in patients with "
        "renal impairment the starting dose is 10 mg once daily.",
        "What is the recommended starting dose of zentoline for adults?",
    )
    assert adults is not None and "20 mg" in adults


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
    assert "quellpuncture" in _refusal(engine, "Was zentamab versus quellpuncture tested?")
    # A longer spelling of a document's word is that word.
    assert "ZETA-7" in (
        engine.ask("Which trial compared zentamab with chemotherapies?", min_confidence=0.0).answer
        or ""
    )
    # A shorter word for one the text writes, and people, are no unknown comparator.
    assert "ZETA-7" in (
        engine.ask("Which trial compared zentamab with chemo?", min_confidence=0.0).answer or ""
    )
    for question in (
        "Compared with someone who never smoked, how much more likely is a smoker to get zetoma?",
        # People set against people, not a treatment against one the text never names.
        "Compared with nonsmokers, how much higher is the risk of zetoma in smokers?",
    ):
        answered = engine.ask(question, min_confidence=0.0)
        assert not answered.abstained and "tenfold" in (answered.answer or ""), question
    # Neither a purpose after "to" nor "with respect to" sets anything against zentamab.
    for question in (
        "Which trial compared zentamab dosing schedules to determine the optimal dose?",
        "Which trial compared outcomes with respect to zentamab?",
    ):
        reason = engine.ask(question, min_confidence=0.0).reason or ""
        assert "determine" not in reason and "respect" not in reason, question


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
    assert "os" not in profile("What share of zetoma deaths involve quellwork exposure?").endpoints
    # A share of deaths in an arm or at a time is a death rate.
    assert "os" in profile("What was the percentage of deaths at 2 years with zentamab?").endpoints
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


def test_children_may_be_written_as_an_age(tmp_path: Path) -> None:
    engine = _section_engine(
        tmp_path,
        "Zetoma is mainly a disease of adults; only 2% of cases occur before the age of 18 years.",
    )
    answer = engine.ask("What share of zetoma cases occur in children?", min_confidence=0.0)
    assert answer.answer is not None and "2%" in answer.answer
    # … but a time under a year is no age.
    [under] = _answers_in(
        tmp_path / "time",
        "In a series of 701 adults, 4% of those with symptoms for less than 1 year had zetal "
        "change, whereas it was found in 21% of those with more than 10 years of symptoms.",
        "How often was zetal change found with symptoms under 1 year versus over 10 years?",
    )
    assert under is not None and "%" in under


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


def test_a_name_of_no_known_class_still_answers_where_or_which_company(tmp_path: Path) -> None:
    engine = _section_engine(
        tmp_path,
        "The ZETA-3 trial was run at 40 centres in North America.\n\n"
        "| Drug | Maker | Status |\n|---|---|---|\n| Zentamab | Quellgen | Approved |\n",
    )
    where = engine.ask("Where was the ZETA-3 trial run?", min_confidence=0.0).answer
    assert where is not None and "North America" in where
    maker = engine.ask("Which company makes zentamab?", min_confidence=0.0).answer
    assert maker is not None and "Quellgen" in maker


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


def test_a_verdict_on_another_measure_or_a_subgroup_does_not_say_which(tmp_path: Path) -> None:
    [nausea] = _answers_in(
        tmp_path / "measure",
        "The response rate was higher with quellplatin (30%) than with zentaplatin (24%). More "
        "zentopenia was seen with zentaplatin than with quellplatin (12% vs. 6%), but "
        "quellplatin caused more nausea (8% vs. 18%).",
        "Which drug causes more nausea, zentaplatin or quellplatin, and at what rates?",
    )
    assert nausea == "quellplatin caused more nausea (8% vs. 18%"
    [overall] = _answers_in(
        tmp_path / "subgroup",
        "Zentopenia occurred in 12% with zentaplatin and 6% with quellplatin. In patients older "
        "than 75 years, more zentopenia was seen with quellplatin than with zentaplatin (20% vs. "
        "10%).",
        "Which drug causes more zentopenia, zentaplatin or quellplatin, and at what rates?",
    )
    assert overall is None or ("older" not in overall and "20% vs. 10%" not in overall)


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


def test_who_was_excluded_is_answered_by_the_sentence_that_says_so(tmp_path: Path) -> None:
    [kept_out, clause] = [
        _section_engine(tmp_path / name, text).ask(question, min_confidence=0.0).answer
        for name, text, question in (
            (
                "later",
                "In a randomized study of 878 patients with zetoma, 444 patients received "
                "quellplatin alone and 434 received quellplatin plus zentamab. Median survival "
                "was 12.3 months with zentamab. Rates of bleeding were 4.4% with zentamab. "
                "Patients with squamous tumors, brain metastases or hemoptysis were excluded.",
                "Who was excluded from the randomized trial adding zentamab to quellplatin?",
            ),
            (
                "clause",
                "In the ZETA-5 trials of quellimab, all patients had a performance status of 0 "
                "or 1; however, patients with autoimmune disease or interstitial lung disease "
                "were excluded from enrollment.",
                "Which patients were excluded from the ZETA-5 trials of quellimab?",
            ),
        )
    ]
    assert kept_out is not None and "brain metastases" in kept_out
    assert clause == (
        "patients with autoimmune disease or interstitial lung disease were excluded from "
        "enrollment"
    )


def test_exclusions_are_read_only_when_asked_of_whom(tmp_path: Path) -> None:
    engine = _section_engine(
        tmp_path,
        "Zetoma is excluded as a diagnosis when quellin levels are normal. In ZETA-11, women "
        "who were pregnant were excluded. In ZETA-8, exclusion criteria included prior "
        "chemotherapy, active infection and pregnancy. In ZETA-7, exclusion criteria were not "
        "reported.",
    )
    diagnosis = engine.ask("When is zetoma excluded as a diagnosis?", min_confidence=0.0)
    assert "ZETA-11" not in (diagnosis.answer or "")
    criteria = engine.ask("What were the exclusion criteria of ZETA-8?", min_confidence=0.0)
    assert criteria.answer == "prior chemotherapy, active infection and pregnancy"
    unsaid = engine.ask("Who was excluded from ZETA-7?", min_confidence=0.0)
    assert "not reported" not in (unsaid.answer or "")


def test_a_comparator_needs_no_name_before_it_and_a_new_stem_is_unheard(tmp_path: Path) -> None:
    engine = _section_engine(
        tmp_path,
        "The phase III ZETA-7 trial compared zentamab with chemotherapy in relapsed zetoma.",
    )
    for question in (
        "Which trial compared surgery with quellpuncture?",
        "Compared with quellpuncture, how long was survival with zentamab?",
        "Which trial compared zentamab with zentamabolix?",
    ):
        assert engine.ask(question, min_confidence=0.0).abstained, question


def test_a_dose_for_a_drug_of_no_known_stem_names_it() -> None:
    assert "dexamethasone" in profile("What is the recommended dose for dexamethasone?").names


def test_a_table_row_naming_a_known_place_answers_where(tmp_path: Path) -> None:
    engine = _section_engine(
        tmp_path, "| Trial | Sites | Drug |\n|---|---|---|\n| ZETA-4 | Japan | quellimab |\n"
    )
    answer = engine.ask("Where was ZETA-4 conducted?", min_confidence=0.0).answer
    assert answer is not None and "Japan" in answer
