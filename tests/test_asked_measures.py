"""What a question asks for, and which figure or passage of the documents answers it: the
measure a which-phrase names, a schedule, a share, a dose's change, a definition; rates dated
at a time point, per year, per so many or as a change; counts and the people counted; the arm
a figure belongs to; a ratio's own "for X"; shares as so many in so many; hedged ages and
doses; and a class or disease the documents a question is routed to never write."""

from __future__ import annotations

from pathlib import Path

from sclc_qa.engine import Engine
from sclc_qa.question import profile
from test_answering_stages import _answers_in
from test_routing import summaries_engine


def test_odds_is_one_thing_not_a_plural_before_its_verb() -> None:
    """ "What odds ratio for X comes with Y?" asks a ratio, not a class of things called
    "odds" ("which features go with …" reads the plural's next word as a verb)."""
    asked = profile("What odds ratio for zeta cancer comes with the ZX1 slow variant?")
    assert asked.kind == "hr"
    assert asked.asked_about == "odds ratio"
    assert profile("Which features go with zeta cancer?").asked_about == "features"
    # Its own words ("risk") ask no rate beside it; a rate named apart still is.
    assert profile("What was the relative risk of zetoma with both markers?").also == frozenset()
    assert profile("What was the HR and the 2-year OS rate with zetamab?").also == {"percent"}


def test_how_curable_asks_a_share() -> None:
    assert profile("How curable is zetal cancer found by chance?").kind == "percent"


def test_how_many_are_caused_by_asks_a_share() -> None:
    assert profile("How many zetal cancers are caused by ZPV?").kind == "percent"
    assert profile("How many zetal cancers were found by screening?").kind == "count"


def test_how_often_and_for_how_long_asks_a_schedule() -> None:
    assert profile("How often and for how long should zetamab cream be applied?").kind == (
        "duration"
    )
    assert profile("How often should zetamab cream be applied?").kind == "duration"


def test_a_yearly_change_is_no_rate_at_a_time_point(tmp_path: Path) -> None:
    """ "Mortality decreased by about 2% per year" says how fast a rate changes, not the
    5-year survival rate; the rate at the time point asked still answers."""
    changing = "From 2010 to 2020, zeta cancer mortality decreased by about 2% per year."
    stated = changing + " The 5-year overall survival rate for zeta cancer was 64%."
    question = "What is the 5-year survival rate for zeta cancer?"
    assert _answers_in(tmp_path / "a", changing, question) == [None]
    assert _answers_in(tmp_path / "b", stated, question) == ["64%"]


def _two_summaries(tmp_path: Path) -> Engine:
    return summaries_engine(
        tmp_path,
        {
            "zeta": "# Zetal Cancer Prevention\n\n## Risk factors\n\n"
            "A diet rich in fibre lowered the risk of zetal cancer in one cohort.",
            "eta": "# Etal Cancer Treatment\n\n## Stage II\n\n"
            "Stage II etal cancer is cured by surgery in most patients.",
        },
    )


def test_a_class_only_another_document_writes_is_unheard_where_the_question_is_routed(
    tmp_path: Path,
) -> None:
    """A question about etal cancer is answered from its own summary: a diet, which only the
    zetal summary writes of, is nothing that summary can name."""
    engine = _two_summaries(tmp_path)
    answer = engine.ask("Which diet cures stage II etal cancer?", min_confidence=0.0)
    assert answer.abstained and answer.reason is not None
    assert "diet" in answer.reason
    # The class is written where the question is routed: answered as before.
    kept = engine.ask("Which diet lowered the risk of zetal cancer?", min_confidence=0.0)
    assert not kept.abstained


def test_a_disease_named_by_an_organ_no_document_writes_is_unheard(tmp_path: Path) -> None:
    """ "… for zentic adenocarcinoma?" where no document writes "zentic": nothing reports
    on that disease, however much the text says about adenocarcinoma."""
    doc = "First-line therapy for metastatic etal adenocarcinoma is gemcitabine plus cisplatin."
    from test_answering_stages import _section_engine

    engine = _section_engine(tmp_path, doc)
    asked = "What is the first-line therapy for metastatic zentic adenocarcinoma?"
    answer = engine.ask(asked, min_confidence=0.0)
    assert answer.abstained and answer.reason is not None
    assert "zentic adenocarcinoma" in answer.reason
    kept = engine.ask(asked.replace("zentic", "etal"), min_confidence=0.0)
    assert kept.answer is not None and "gemcitabine" in kept.answer


def test_advice_on_taking_something_no_document_names_is_unheard(tmp_path: Path) -> None:
    """ "Should patients on zentamab get the quellpox vaccine?" where no document writes
    "quellpox": nothing advises on it, however much the text says about zentamab."""
    doc = (
        "Patients on zentamab maintenance should take it with food. Zentamab is given every 3 "
        "weeks until progression."
    )
    from test_answering_stages import _section_engine

    engine = _section_engine(tmp_path, doc)
    answer = engine.ask("Should patients on zentamab get the quellpox vaccine?", min_confidence=0.0)
    assert answer.abstained and "quellpox vaccine" in (answer.reason or "")
    habit = engine.ask(
        "Is it safe for patients on zentamab maintenance to keep smoking zentleaf?",
        min_confidence=0.0,
    )
    assert habit.abstained and "zentleaf" in (habit.reason or "")
    # What the documents write is read as before; a question that asks no advice is not read.
    kept = engine.ask("Should patients take zentamab with food?", min_confidence=0.0)
    assert not kept.abstained
    # Only the object's first word is read: a participle's object the documents write is no
    # advice on what follows it ("… receiving zentamab live longer?").
    lived = engine.ask("Do patients receiving zentamab live longer?", min_confidence=0.0)
    assert "longer" not in (lived.reason or "")
    # … but the main verb after it is read: what patients taking zentamab should avoid.
    avoid = "Should patients taking zentamab avoid quellfruit juice?"
    assert "quellfruit juice" in (engine.ask(avoid, min_confidence=0.0).reason or "")


def test_of_two_rates_in_a_sentence_the_one_dated_at_the_asked_time_answers(
    tmp_path: Path,
) -> None:
    """ "the 18-month OS rate was 25.5%, and the 24-month OS rate was 10.4%": the 2-year
    rate is the one its own clause dates at 24 months, though the other stands nearer the
    arm named; a time the sentence states once dates every clause."""
    doc = (
        "In the zetamab group, the 18-month OS rate was 35.1%, and the 24-month OS rate was "
        "24.9%. In the placebo group, the 18-month OS rate was 25.5%, and the 24-month OS rate "
        "was 10.4%. The 5-year survival rate for LS-ZCLC is only 10%, while for ES-ZCLC, it "
        "is even lower at 2%."
    )
    two_years, five_years = _answers_in(
        tmp_path,
        doc,
        "2-year survival in the placebo group?",
        "What is the 5-year survival rate for ES-ZCLC?",
    )
    assert two_years == "10.4%"
    assert five_years == "2%"


def test_a_ratio_dated_at_another_follow_up_is_not_the_one_asked(tmp_path: Path) -> None:
    doc = (
        "In the ZETA screening trial, during a 15-year follow-up period, there were 138 deaths "
        "in the screening group and 154 in the control group (relative risk [RR], 0.88; 95% "
        "confidence interval [CI], 0.69–1.12)."
    )
    other, asked = _answers_in(
        tmp_path,
        doc,
        "What was the RR in the ZETA trial after 9 years of follow-up?",
        "What was the RR in the ZETA trial after 15 years of follow-up?",
    )
    assert other is None
    assert asked is not None and "0.88" in asked


def test_incidence_is_its_own_endpoint(tmp_path: Path) -> None:
    """How many new cases arise is not how many die: a mortality rate does not answer an
    incidence asked. An incidence of adverse events is the events' rate, and a rate per so
    many person-years keeps its base."""
    from sclc_qa.endpoint_mentions import endpoint_of

    doc = (
        "In the ZETA screening trial, the zetoma mortality rate was 15.4 per 100,000 "
        "person-years in the screening group. The overall incidence of etaloma is 0.13 cases "
        "per 100,000 person-years, based on registry data."
    )
    reduced, incidence = _answers_in(
        tmp_path,
        doc,
        "How much did the ZETA screening trial reduce zetoma incidence?",
        "What is the incidence of etaloma?",
    )
    assert reduced is None
    assert incidence == "0.13 cases per 100,000 person-years"
    toxic = "A high incidence (8.6%) of grade 5 toxicity was observed."
    assert endpoint_of(toxic, toxic.index("8.6")) == "tox"


def test_a_relative_increase_is_no_rate(tmp_path: Path) -> None:
    """ "230 vs. 177, a 22.7% relative increase" says how much a count rose: it answers how
    much more, not a rate asked."""
    doc = (
        "In the ZETA screening trial, zetography detected more cancers than etography alone "
        "(230 vs. 177, a 22.7% relative increase)."
    )
    rate, more = _answers_in(
        tmp_path,
        doc,
        "What recall rate did the ZETA screening trial report for zetography?",
        "By how much did zetography increase cancer detection in the ZETA screening trial?",
    )
    assert rate is None
    assert more is not None and "22.7%" in more


def test_what_counts_as_a_term_is_answered_by_its_definition(tmp_path: Path) -> None:
    """ "What counts as X?" asks no class named "counts": it asks what X is. A sentence that
    says what is defined as X answers with what it defines so; one that gives X's class and
    difference answers, however many sentences about X rank above it."""
    assert profile("What counts as an interval zetoma?").asked_about == ""
    assert profile("Which node groups count as N1?").asked_about == "node groups"
    about = "".join(
        f"In cohort {i}, interval zetomas were more often high grade than screen-detected ones. "
        for i in range(12)
    )
    doc = (
        about + "Interval zetomas are zetomas that are diagnosed between a normal screen and "
        "the next one. Lesions in the skin distal to the verge are defined as perietal cancers."
    )
    interval, perietal = _answers_in(
        tmp_path,
        doc,
        "What counts as an interval zetoma?",
        "What counts as a perietal cancer?",
    )
    assert interval == "zetomas that are diagnosed between a normal screen and the next one"
    assert perietal == "Lesions in the skin distal to the verge"


def test_two_counts_compared_in_a_bracket_count_the_noun_before_it(tmp_path: Path) -> None:
    doc = (
        "In the ZETA trial, zetography plus etography detected more zetomas than etography "
        "alone (230 vs. 177, a 22.7% relative increase)."
    )
    one, both = _answers_in(
        tmp_path,
        doc,
        "How many zetomas did zetography plus etography find in the ZETA trial?",
        "How many zetomas did zetography plus etography find compared with etography alone?",
    )
    assert one == "230"
    assert both == "230 vs. 177"


def test_a_dose_adjustment_is_answered_by_a_dose_change(tmp_path: Path) -> None:
    doc = (
        "Carriers of the ZPYD variant who receive zetacitabine may need a dose reduction of 50% "
        "or avoidance of the drug."
    )
    (adjusted,) = _answers_in(
        tmp_path, doc, "What dose adjustment of zetacitabine is advised for ZPYD carriers?"
    )
    assert adjusted == "dose reduction of 50%"


def test_a_rate_per_so_many_keeps_the_time_it_counts_over(tmp_path: Path) -> None:
    doc = "Zetal cancer is rare, with an incidence of less than 1 per 100,000 men per year."
    (rate,) = _answers_in(tmp_path, doc, "How common is zetal cancer?")
    assert rate == "less than 1 per 100,000 men per year"


def test_volunteers_and_participants_are_people_counted(tmp_path: Path) -> None:
    doc = (
        "Fourteen villages took part. Among the 6,827 participants aged 40 to 69 years in the "
        "intervention group, 3,319 volunteers were screened by zetoscopy."
    )
    (screened,) = _answers_in(
        tmp_path, doc, "How many people in the intervention villages got screened?"
    )
    assert screened == "3,319 volunteers"


def test_a_bracket_is_dated_by_the_label_just_before_it(tmp_path: Path) -> None:
    """ "… risk of death (HR, 0.61 …), and relapse at 12 years (…; HR, 0.70 …)": the ratio
    asked at 12 years is the one whose bracket that time labels."""
    doc = (
        "In ZETA-1, after a median follow-up of 13.1 years, zetamab reduced the risk of death "
        "(HR, 0.61; 95% CI, 0.49–0.76), and relapse at 12 years (17.7% vs. 29.7%; HR, 0.70; "
        "95% CI, 0.58–0.84)."
    )
    (relapse,) = _answers_in(
        tmp_path, doc, "What was the hazard ratio for relapse at 12 years in ZETA-1?"
    )
    assert relapse is not None and relapse.startswith("HR, 0.70")


def test_the_largest_reduction_in_a_risk_is_the_lowest_ratio() -> None:
    from sclc_qa.question_figures import comparison

    asked = "Of ZETA-1 and ETA-3, which trial showed the largest reduction in the risk of death?"
    assert comparison(asked) == ("hr", "low")
    assert comparison("Which cut the risk of progression more, zetamab or etamab?") == ("hr", "low")


def test_an_asked_drug_inside_an_arms_words_labels_its_figure(tmp_path: Path) -> None:
    doc = (
        "Median survival was 12.3 months in the group assigned to chemotherapy plus zetamab, "
        "as compared with 10.3 months in the chemotherapy-alone group (HR, 0.79)."
    )
    (added,) = _answers_in(
        tmp_path, doc, "What was median survival when zetamab was added to chemotherapy?"
    )
    assert added == "12.3 months"


def test_a_ratio_is_labelled_by_what_it_is_for(tmp_path: Path) -> None:
    """ "(RR for zetal cancer, 2.24; … and RR for etal cancer, 2.06)": each ratio is the one
    its own "for X" names; the age the clause before the bracket states dates both."""
    doc = (
        "Pooled data showed higher risks in women aged 17 years or younger at first exposure, "
        "compared with women aged 21 years or older (relative risk [RR] for zetal cancer, 2.24; "
        "95% CI, 2.11–2.38 and RR for etal cancer, 2.06; 95% CI, 1.83–2.33)."
    )
    zetal, etal = _answers_in(
        tmp_path,
        doc,
        "What was the relative risk of zetal cancer for first exposure at 17 or younger?",
        "What was the RR of etal cancer for first exposure at 17 or younger vs 21 or older?",
    )
    assert zetal is not None and zetal.startswith("relative risk [RR] for zetal cancer, 2.24")
    assert etal == "RR for etal cancer, 2.06; 95% CI, 1.83–2.33"


def test_a_share_as_so_many_in_so_many(tmp_path: Path) -> None:
    """ "About one in 1,000 women" answers a share and a count of women; "only 5 of 50
    patients" a count; "52% (302 of 580; …)" keeps the counts as its own, not a share."""
    doc = (
        "About one in 1,000 women exposed to zetastrol in utero will develop a clear cell "
        "zetoma. In a large series, only 5 of 50 patients with recurrence were salvaged. "
        "Zeta variants were found in 52% of never-smokers (302 of 580; 95% CI, 48%–56%)."
    )
    chance, women, salvaged, share = _answers_in(
        tmp_path,
        doc,
        "What is the chance that a woman exposed to zetastrol develops a clear cell zetoma?",
        "About how many women exposed to zetastrol before birth go on to develop a zetoma?",
        "In the large series, how many patients with recurrence were salvaged?",
        "How often were zeta variants found in never-smokers?",
    )
    assert (chance, women) == ("About one in 1,000", "About one in 1,000 women")
    assert salvaged is not None and "5 of 50" in salvaged
    assert share is not None and share.startswith("52%")


def test_a_count_spelled_out_and_a_phrase_run_on_past_its_verb(tmp_path: Path) -> None:
    doc = (
        "The scores from the eight risk factors are summed into the zeta stage (e.g., stage "
        "II:4, stage IV:9)."
    )
    (factors,) = _answers_in(
        tmp_path, doc, "How many risk factors feed into the score that zeta staging appends?"
    )
    assert factors == "eight risk factors"


def test_hedges_of_ages_and_doses_and_a_multiple_compared(tmp_path: Path) -> None:
    doc = (
        "Clear cell zetoma peaks before age 30 years. Zetal lesions thicker than 0.5 cm receive "
        "a dose of at least 75 Gy to the primary tumor. When corrected for hysterectomy, the "
        "zetal mortality rate for women in the north is nearly twice the mortality rate for "
        "women in the south. Zetamab gave a complete clinical response rate of 50% to 86% in "
        "small series."
    )
    age, dose, compared, complete = _answers_in(
        tmp_path,
        doc,
        "At what age does clear cell zetoma peak?",
        "What minimum radiation dose do zetal lesions thicker than 0.5 cm get?",
        "How does the zetal death rate in the north compare with the south?",
        "What complete response rate did zetamab achieve?",
    )
    assert (age, dose) == ("before age 30 years", "at least 75 Gy")
    assert (compared, complete) == ("nearly twice", "50% to 86%")


def test_a_markers_plus_sign_is_spelled_out() -> None:
    from sclc_qa.question_kinds import uncontracted

    assert uncontracted("RR in high-risk ZPV+ women with 7+ births?") == (
        "RR in high-risk ZPV-positive women with 7+ births?"
    )
    assert uncontracted("What share is CIN2+?") == "What share is CIN2+?"


def test_dotted_initials_end_no_sentence() -> None:
    from sclc_qa.sentences import split_sentences

    text = "It was approved by the U.S. Zeta Agency in 2006. Cases rose."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "It was approved by the U.S. Zeta Agency in 2006.",
        "Cases rose.",
    ]


def test_a_country_of_two_words_is_a_place(tmp_path: Path) -> None:
    doc = "In a population-based study of zeta infection in Costa Rica, 80% of lesions had it."
    (place,) = _answers_in(
        tmp_path, doc, "In which country was the population-based study of zeta infection done?"
    )
    assert place == "Costa Rica"


def test_rates_per_hundred_compared_keep_their_bases(tmp_path: Path) -> None:
    """ "355 cases per 100,000 person-years … compared with 41 cases per 100,000 person-years":
    the last rate of a run keeps its base too, and a rate may be per 100."""
    doc = (
        "Data from a Danish nationwide cohort study reported on zeta vaccination. The incidence "
        "rate was 355 cases per 100,000 person-years in unvaccinated women compared with 41 "
        "cases per 100,000 person-years in vaccinated women. In Norway, the zeta infection rate "
        "was 37.8 infections per 100 patient-years."
    )
    danish, norway = _answers_in(
        tmp_path,
        doc,
        "Danish cohort: zeta incidence in vaccinated vs unvaccinated women?",
        "What was the zeta infection rate in Norway?",
    )
    assert danish is not None and danish.endswith("41 cases per 100,000 person-years")
    assert norway == "37.8 infections per 100 patient-years"


def test_a_peoples_adjective_opening_a_question_is_a_name() -> None:
    from sclc_qa.mentions import named_tokens

    assert "Danish" in named_tokens("Danish cohort: zeta incidence in vaccinated women?")
    assert "Which" not in named_tokens("Which cohort reported zeta incidence?")


def test_an_adverb_of_how_often_is_never_unheard(tmp_path: Path) -> None:
    doc = "The zeta infection rate was 12% among women whose partners used condoms consistently."
    (rate,) = _answers_in(
        tmp_path,
        doc,
        "What was the zeta infection rate in women whose partners always used condoms?",
    )
    assert rate == "12%"


def test_how_much_more_common_without_a_stated_gain_gives_each_groups_rate(
    tmp_path: Path,
) -> None:
    doc = (
        "Zeta variants were found in 15% of tumors from former smokers (181 of 1,218), 6% from "
        "current smokers (20 of 344), and 52% from never-smokers (302 of 580)."
    )
    (compared,) = _answers_in(
        tmp_path,
        doc,
        "How much more common were zeta variants in never-smokers than in current smokers?",
    )
    assert compared is not None and "6% from current smokers" in compared
    assert compared.endswith("52% from never-smokers")


def test_a_site_before_a_verb_names_the_patients_not_the_endpoint(tmp_path: Path) -> None:
    """ "… whose cancer has spread to distant sites are alive 5 years later" asks the survival
    of patients with distant disease, not a distant (metastasis-free) endpoint."""
    from sclc_qa.endpoint_mentions import asked_site

    asked = (
        "What share of people whose zeta cancer has spread to distant sites are alive 5 years "
        "later?"
    )
    assert asked_site(asked) is None
    assert asked_site("What was the intracranial response rate with zetamab?") == "intracranial"
    # A site's word naming the disease: the whole disease's survival, measured nowhere special.
    assert asked_site("How long do people with primary CNS zetoma usually survive?") is None
    assert asked_site("How long does the brain tumour response last?") is None
    assert asked_site("What was the median CNS progression-free survival?") == "intracranial"
    doc = (
        "The 5-year relative survival rate varies markedly for patients diagnosed at local stage "
        "(64%), regional stage (36%), or distant stage (9%)."
    )
    assert _answers_in(tmp_path, doc, asked) == ["9%"]


def test_new_cases_are_counted_by_the_disease_and_deaths_by_their_whole_phrase(
    tmp_path: Path,
) -> None:
    doc = (
        "An estimated 13,360 new zetal cancers and 4,320 zetal cancer deaths will occur in the "
        "United States in 2025."
    )
    both, cases = _answers_in(
        tmp_path,
        doc,
        "How many new zetal cancer cases and deaths are projected in the US for 2025?",
        "How many new zetal cancer cases are expected in 2025?",
    )
    assert both == "13,360 new zetal cancers and 4,320 zetal cancer deaths"
    assert cases == "13,360 new zetal cancers"


def test_a_number_of_doses_is_a_condition_and_a_vaccines_efficacy_a_share() -> None:
    asked = profile("What was the zeta vaccine efficacy against persistent ZPV with just one dose?")
    assert asked.kind == "percent"
    assert profile("What was the response rate with a single dose of zetamab?").kind == "percent"
    assert profile("What dose of zetamab was given?").kind == "dose"


_REGISTER_TABLE = """# Zeta Prevention

## Vaccination

A register-based observational study in Zetland reported the impact of a national zeta
vaccination program on zetal cancer and ZIN 3 (see Table 1).

Table 1. Estimated Relative Reduction in Zetal Cancer or ZIN 3 by Age When Vaccine Was Offered

| Estimated Relative Reduction (95% CI) | | |
| --- | --- | --- |
| Age Vaccine Was Offered | Zetal Cancer | ZIN 3 |
| 16–18 y | 34% (25–41) | 39% (36–41) |
| 14–16 y | 62% (52–71) | 75% (72–77) |
| 12–13 y | 87% (72–94) | 97% (96–78) |
"""


def test_a_table_is_named_by_the_paragraph_that_introduces_it(tmp_path: Path) -> None:
    """A row of a table does not name the study; the paragraph just before the table does.
    Under a column of reductions, a cell's share is the change a "by how much …?" asks."""
    engine = summaries_engine(tmp_path, {"zeta-prevention": _REGISTER_TABLE})
    younger = engine.ask(
        "What was the estimated relative reduction in zetal cancer for girls offered the vaccine "
        "at 12-13 in Zetland?",
        min_confidence=0.0,
    )
    assert younger.answer is not None and younger.answer.startswith("87%")
    dropped = engine.ask(
        "By how much did ZIN 3 drop for those offered zeta vaccination at 14-16 in Zetland?",
        min_confidence=0.0,
    )
    assert dropped.answer == "75%"


def test_items_a_bracket_names_after_the_words_asked(tmp_path: Path) -> None:
    doc = "A T4 zetoma invades into adjacent structures (i.e., scrotum, prostate, pubic bone)."
    assert _answers_in(tmp_path, doc, "Which adjacent structures does a T4 zetoma invade?") == [
        "scrotum, prostate, pubic bone"
    ]


_STAGING_TABLE = """# Zeta Treatment

## Stage Information

The ZIGO system is the most commonly used staging system for zetal cancer.

Table 1. Carcinoma of the Zeta

| ZIGO Nomenclature | |
| --- | --- |
| ZIGO = Zeta International Gynecologic Organization. | |
| Stage I | The carcinoma is limited to the zetal wall. |
| Stage II | The carcinoma has involved the subzetal tissue but not the pelvic wall. |
| IVb - Spread to distant organs. |
"""


def test_a_stage_asked_is_defined_by_its_row_not_by_the_schemes_name(tmp_path: Path) -> None:
    engine = summaries_engine(tmp_path, {"zeta-treatment": _STAGING_TABLE})
    stage_ii = engine.ask("ZIGO stage II zetal carcinoma - definition?", min_confidence=0.0)
    assert stage_ii.answer == (
        "The carcinoma has involved the subzetal tissue but not the pelvic wall."
    )
    stage_ivb = engine.ask("How is stage IVb zetal cancer defined?", min_confidence=0.0)
    assert stage_ivb.answer == "Spread to distant organs."


_STAGE_GROUPS = """# Zeta Cancer Treatment

## Stage Groupings

Table 1. Definitions of TNM Stage IV

| Stage | TNM | Description |
| --- | --- | --- |
| IV | T4, Any N | T4 = Tumor invades adjacent structures (i.e., zetum, etadome, pubic bone). |
"""


def test_items_a_tables_cell_names_after_the_words_asked(tmp_path: Path) -> None:
    engine = summaries_engine(tmp_path, {"zeta-treatment": _STAGE_GROUPS})
    answer = engine.ask(
        "Which adjacent structures does a T4 zeta tumor invade?", min_confidence=0.0
    )
    assert answer.answer == "zetum, etadome, pubic bone"


def test_a_range_of_multiples_and_ages_that_are_no_durations(tmp_path: Path) -> None:
    doc = (
        "Pooled data showed higher risks in women who were aged 17 years or younger at first "
        "exposure, compared with women who were aged 21 years or older (RR, 2.24). Women first "
        "exposed at age 17 years or younger have approximately two to three times the risk of "
        "zetal cancer, compared with women aged 21 years or older."
    )
    (higher,) = _answers_in(
        tmp_path,
        doc,
        "If a girl is first exposed at 17 or younger, how much higher is her zetal cancer risk "
        "than if she waits until 21 or older?",
    )
    assert higher == "approximately two to three times"


def test_events_named_by_their_plural_alone_are_counted() -> None:
    assert profile("Zetal cancer deaths: screened arm vs unscreened arm?").kind == "count"
    assert profile("Zetal cancer estimates for 2025: new diagnoses and deaths?").kind == "count"
    # A rate, a median or a survival endpoint beside them asks that figure.
    assert profile("Zetal cancer deaths and mortality rate in ZETA-1?").kind == "percent"
    assert profile("Deaths and median OS in ZETA-1?").kind == "duration"
    assert profile("OS with zetamab vs placebo?").kind == "duration"


def test_a_share_of_people_reports_what_its_clause_says_they_did() -> None:
    from sclc_qa.mentions import time_points
    from sclc_qa.spans import find

    text = "In Zetland, more than 80% of patients treated by zetectomy survive beyond 3 years."
    ((figure, endpoint),) = [(text[s.start : s.end], s.endpoint) for s in find(text, "percent")]
    assert (figure, endpoint) == ("more than 80%", "os")
    assert time_points(text) == {36}
    # Not across a clause's break: the verb of another clause says nothing of the share.
    other = "About 40% of patients had zetamab, and most survived."
    assert [s.endpoint for s in find(other, "percent")] == [None]


def test_a_pairs_time_points_and_arm_read_around_respectively(tmp_path: Path) -> None:
    doc = (
        "The 1- and 2-year EFS rates were 81.2% and 62.5%, respectively, in the zetamab group "
        "and 55.1% and 36.4%, respectively, in the placebo group."
    )
    late, control, early = _answers_in(
        tmp_path,
        doc,
        "What was the 2-year event-free survival with zetamab?",
        "What was the 2-year EFS in the placebo group?",
        "What was the 1-year EFS with zetamab?",
    )
    assert (late, control, early) == ("62.5%", "36.4%", "81.2%")


def test_a_dose_and_its_duration_asked_as_one_phrase() -> None:
    assert profile("What dose and duration of zetamab were used in ZETA-1?").also == {"duration"}
    assert profile("What dose of zetamab was used in ZETA-1?").also == frozenset()


_NODE_ENTRIES = """# Zeta Cancer Treatment

## Stage Information

The regional lymph nodes (N) are staged as follows.

N0 = No regional lymph node metastasis.

N1 = Metastasis in anterior (perizetal) lymph nodes.

N2 = Metastasis in deep intrazetal or cervical lymph nodes.
"""


def test_two_terms_asked_together_are_each_defined_by_their_own_entry(tmp_path: Path) -> None:
    """ "Which nodes count as N1 and which as N2?": no one sentence defines both, yet each
    defines its own term; the term asked first is answered."""
    engine = summaries_engine(tmp_path, {"zeta-treatment": _NODE_ENTRIES})
    answer = engine.ask("Which nodes count as N1 and which as N2?", min_confidence=0.0)
    assert answer.answer is not None and "anterior (perizetal) lymph nodes" in answer.answer
    versus = engine.ask("What defines N2 versus N1?", min_confidence=0.0)
    assert versus.answer is not None and "deep intrazetal" in versus.answer
    # … also asked as what tells them apart.
    apart = engine.ask("N1 versus N2 zeta cancer - what's the difference?", min_confidence=0.0)
    assert apart.answer is not None and "anterior (perizetal)" in apart.answer


def test_how_many_reached_an_outcome_asks_a_share() -> None:
    """ "How many reached (carried, attained, actually saw, stopped, dropped out) X" asks who
    had an outcome: a trial reports it as a share."""
    for question in (
        "In the zentamab study, how many reached a major response by 12 months?",
        "How many carried a pathogenic zeta variant?",
        "Among zeta survivors, how many get hot flashes?",
        "How many of them develop a second zetoma?",
        "How common is zentoma, and how many actually see a zentologist?",
        "How many stopped zentamab because of side effects?",
        "How many of them eventually needed surgery?",
        "How many patients dropped out?",
    ):
        assert profile(question).kind == "percent", question
    # … unless the question gives the total the count is out of.
    assert profile("Of 101 patients, how many needed surgery?").kind == "count"
