"""What reading questions on documents the rules were not written on found: a reader's plain
words for the text's clinical ones (an organ's noun for its adjective, "stomach cancer" for
"gastric cancer"; a compound of two organs naming both; a class in another spelling), a rate's
base that counts no one, the figure for the disease or stage asked standing in for a better
match on another, and a comparison's winner given as its side whole."""

from __future__ import annotations

from pathlib import Path

from sclc_qa.plain_words import PlainWords
from sclc_qa.routing import _same
from test_answering_stages import _answers_in


def test_an_organs_noun_is_read_as_the_adjective_the_documents_write() -> None:
    organs = PlainWords(["Gastric cancer is rare in Zetland.", "Zetamab for gastric cancer."])
    assert organs.read("How common is stomach cancer?") == "How common is gastric cancer?"
    # Only before a word the documents write after the adjective, and never after the noun.
    assert organs.read("What is the stomach wall?") == "What is the stomach wall?"
    written = PlainWords(["Stomach cancer is rare.", "Gastric cancer.", "Gastric cancer."])
    assert written.read("How common is stomach cancer?") == "How common is stomach cancer?"
    # Once is not enough: a stray use of the phrase.
    once = PlainWords(["Gastric cancer is rare in Zetland."])
    assert once.read("How common is stomach cancer?") == "How common is stomach cancer?"


def test_a_lay_phrase_is_read_as_the_term_the_documents_write() -> None:
    words = PlainWords(["Hematuria is common.", "Gross hematuria in zetal cancer."])
    assert words.read("How often is blood in the urine the first sign?") == (
        "How often is hematuria the first sign?"
    )
    both = PlainWords(["Hematuria is common.", "Hematuria again.", "Blood in the urine."])
    assert both.read("Is blood in the urine a sign?") == "Is blood in the urine a sign?"
    # A reader's clipped word for the treatment the documents name in full.
    clipped = PlainWords(["Chemotherapy is given first.", "Zentamab plus chemotherapy."])
    assert clipped.read("Does chemo work for zetal cancer?") == (
        "Does chemotherapy work for zetal cancer?"
    )
    # "Birth control pills": the contraceptives the documents name.
    pills = PlainWords(["Oral contraceptives were taken by 40%.", "Oral contraceptives: no link."])
    assert pills.read("Do birth control pills affect zetoma?") == (
        "Do oral contraceptives affect zetoma?"
    )


def test_an_organs_noun_finds_the_figure_the_text_gives_by_its_adjective(tmp_path: Path) -> None:
    doc = (
        "An estimated 12,400 new gastric cancers will occur in Zetland in 2025. Gastric cancer "
        "deaths are fewer."
    )
    (cases,) = _answers_in(tmp_path, doc, "How many new stomach cancers will occur in Zetland?")
    assert cases == "12,400 new gastric cancers"


def test_a_compound_of_two_organs_names_both() -> None:
    # "zetoetal": the second organ after the first's combining vowel, in either stem's length.
    assert _same("etal", {"zetoetal", "cancer"})
    assert _same("etalic", {"zetoetal"})
    # Not a compound: the topic's letters at the end of a word without a combining vowel, or
    # after too short a first part.
    assert not _same("etal", {"brzetal"})
    assert not _same("etal", {"zoetal"})


def test_the_base_of_a_rate_counts_no_one(tmp_path: Path) -> None:
    doc = (
        "In people aged 25 to 39 years, zetal cancer rose from 0.27 cases per 100,000 "
        "individuals to 0.45 cases per 100,000 individuals."
    )
    (count,) = _answers_in(tmp_path, doc, "How many new cases of zetal cancer were there?")
    assert count is None or "100,000" not in count


def test_the_figure_for_the_disease_asked_stands_in_for_a_better_match_on_another(
    tmp_path: Path,
) -> None:
    from test_answering_stages import _section_engine

    # The best match states its figure for NZCL; the next candidate, for ZCL, answers.
    text = (
        "Zeta cell lymphoma (ZCL) and non-zeta cell lymphoma (NZCL) differ. Patients with ZCL "
        "are treated with zetamab. However, fewer than 15% of those patients achieve long-term "
        "survival. Roughly 10% of patients with NZCL end up as long-term survivors after "
        "zetamab."
    )
    engine = _section_engine(tmp_path, text)
    asked = "Roughly how many patients with ZCL end up as long-term survivors after zetamab?"
    answer = engine.ask(asked, min_confidence=0)
    assert answer.answer is not None and answer.answer.startswith("fewer than 15%")


def test_a_class_asked_in_another_spelling_is_one_the_documents_write(tmp_path: Path) -> None:
    from test_routing import summaries_engine

    engine = summaries_engine(
        tmp_path,
        {
            "zeta": "# Zetal Cancer Treatment\n\n## Resection\n\nZetal tumors with good-risk "
            "features (Tis or T1a, diameter ≤2 cm) are resected endoscopically.",
            "eta": "# Etal Cancer Screening\n\n## Tests\n\nIn one series, its sensitivity was 77%.",
        },
    )
    answer = engine.ask("Which zetal tumours are resected endoscopically?", min_confidence=0)
    assert answer.answer is not None and "Tis or T1a" in answer.answer


def test_which_side_won_is_answered_by_the_side_whole(tmp_path: Path) -> None:
    from test_answering_stages import _section_engine

    text = (
        "In ZENITH-1, zentamab extended the median OS from 10.0 months to 12.0 months. "
        "First-line quellimab prolonged median OS (15.0 vs 12.0 months) in the ZENITH-2 trial."
    )
    engine = _section_engine(tmp_path, text)
    answer = engine.ask(
        "Which gave the longer median OS: zentamab in ZENITH-1 or quellimab in ZENITH-2?",
        min_confidence=0.0,
    )
    assert answer.answer is not None
    assert answer.answer.startswith("quellimab") and answer.answer.endswith("ZENITH-2")


def test_the_figure_for_the_stage_asked_stands_in_for_a_better_match_on_another(
    tmp_path: Path,
) -> None:
    from test_answering_stages import _section_engine

    text = (
        "In the zeta biomarker study, 61% of zetal cancers found by ZA-1 had stage III or IV "
        "disease. The estimated sensitivity of ZA-1 for early-stage disease (stage I and II "
        "zetal cancer) was 44% (95% CI, 37%–58%) for a cutpoint set to obtain a fixed specificity "
        "of 95%. Stage I-II zetal cancer is rarely "
        "found by its symptoms."
    )
    engine = _section_engine(tmp_path, text)
    asked = "In the zeta biomarker study, how sensitive was ZA-1 for stage I-II disease?"
    answer = engine.ask(asked, min_confidence=0)
    assert answer.answer is not None and answer.answer.startswith("44%")


def test_a_brand_in_brackets_and_a_prefixed_tnm_category_read_as_the_documents_write() -> None:
    from sclc_qa.answering.written_forms import as_written
    from sclc_qa.question import profile

    known = {"zetaxel/quellan", "ZETA-1", "T3", "N3b", "M0"}.__contains__
    brand = profile("What's the schedule of zetaxel/quellan (Zetora) in the ZETA-1 trial?")
    assert as_written(brand, known).names == ("ZETA-1",)
    staged = profile("What stage is a pT3 N3b M0 zetal tumor?")
    assert as_written(staged, known).names == ("T3", "N3b", "M0")
    # A bracketed name after a name the documents do not write stays unknown.
    other = profile("What's the schedule of quellix (Zetora) in the ZETA-1 trial?")
    assert "Zetora" in as_written(other, known).names
    # A marker's status by its sign is the marker the text writes ("ZK1-positive").
    signed = profile("Median PFS with zentamab in ZK1+ patients in ZETA-1?")
    assert "ZK1" in as_written(signed, {"ZK1", "ZETA-1"}.__contains__).names


def test_a_schedule_keeps_its_days_written_with_a_minus_sign() -> None:
    from sclc_qa.spans import find

    text = "Zetaxel was given at 20 mg/m2 twice a day on days 1−4 and 8−11 every 21 days."
    doses = [text[s.start : s.end] for s in find(text, "dose")]
    assert doses[0] == "20 mg/m2 twice a day on days 1−4 and 8−11 every 21 days"


def test_a_plural_class_asked_is_its_singular() -> None:
    from sclc_qa.question import profile

    assert profile("Which countries enrolled patients in ZETA-1?").target == "country"
    assert profile("Which classes of drugs were tried?").target == "class"


def test_a_cutoff_asked_is_the_value_its_word_sets(tmp_path: Path) -> None:
    from sclc_qa.answering.cutoffs import asks_cutoff, cutoff_value

    assert asks_cutoff("What ZA-1 cutoff counted as a positive screen in ZETA-1?")
    assert not asks_cutoff("How was a positive ZA-1 screen defined?")
    text = "The most reported ZA-1 reference value that designates a positive test is 20 U/mL."
    span = cutoff_value(text)
    assert span is not None and text[span[0] : span[1]] == "20 U/mL"
    (value,) = _answers_in(
        tmp_path,
        "ZA-1 is a marker used to monitor zetal cancer. " + text,
        "What ZA-1 cutoff counted as a positive test?",
    )
    assert value == "20 U/mL"


def test_a_change_each_year_is_a_difference_and_keeps_its_year() -> None:
    from sclc_qa.question import profile
    from sclc_qa.spans import find

    text = "Zetal cancer incidence rates have decreased by 2.5% per year (3% to 9% a year before)."
    assert [text[s.start : s.end] for s in find(text, "difference")] == ["by 2.5% per year"]
    assert [text[s.start : s.end] for s in find(text, "percent")] == [
        "2.5% per year",
        "3% to 9% a year",
    ]
    assert find("Zetamab was given annually to 30 patients.", "difference") == []
    assert profile("How fast has zetal cancer incidence been rising lately?").kind == "difference"
    assert profile("How fast did the zeta trial enrol?").kind != "difference"


def test_a_share_each_year_is_no_rate_at_a_time_point(tmp_path: Path) -> None:
    doc = "From 2011 to 2020, zetal cancer mortality decreased by about 3% per year."
    rate, share = _answers_in(
        tmp_path,
        doc,
        "What's the 5-year survival rate for zetal cancer?",
        "What share of zetal cancer deaths involve smoking?",
    )
    assert rate is None and share is None


def test_a_term_or_stage_asked_bare_is_asked_for_its_definition() -> None:
    from sclc_qa.question import profile

    assert profile("Zetal cancer stage IVb = ?").kind == "definition"
    assert profile("What is stage IVb zetal cancer?").kind == "definition"
    assert profile("What is stage II zetal cancer treated with?").kind != "definition"
    assert profile("What is stage IIIA ZCL treated with?").kind != "definition"


def test_a_gain_asked_with_its_p_value_is_a_gain_with_it(tmp_path: Path) -> None:
    from sclc_qa.question import profile

    asked = "In ZETA-1, how many months did zetamab add to median OS, and what was the P value?"
    assert (profile(asked).kind, profile(asked).also) == ("difference", {"pvalue"})
    doc = (
        "In ZETA-1, zetamab prolonged the median OS by 3.1 months (12.4 months vs 9.3 months; "
        "HR = 0.71; P = 0.0062)."
    )
    (gain,) = _answers_in(tmp_path, doc, asked)
    assert gain is not None and gain.startswith("3.1 months") and "P = 0.0062" in gain


def test_how_common_a_disease_is_is_not_how_many_survive_it(tmp_path: Path) -> None:
    doc = (
        "The 5-year survival rate for keratinizing zetal cancer, the most common subtype of "
        "zetal cancer in the United States, is 51%. Zetal cancers are rare in the United States, "
        "with an annual incidence rate of 1.3 cases per 100,000 persons."
    )
    (common,) = _answers_in(tmp_path, doc, "How common is zetal cancer in the US?")
    assert common == "1.3 cases per 100,000 persons"


def test_whether_a_drug_improved_an_endpoint_is_read_where_the_endpoint_is_named(
    tmp_path: Path,
) -> None:
    from test_answering_stages import _section_engine

    text = (
        "1. The phase III ZENITH-5 trial compared zentamab with quellimab in 410 patients.\n\n"
        "- The trial demonstrated a significant improvement in PFS with zentamab compared with "
        "quellimab (HR, 0.70; 95% CI, 0.58–0.84; *P* = .002). However, OS did not improve "
        "significantly (HR, 0.95; 95% CI, 0.80–1.12; *P* = .40)."
    )
    engine = _section_engine(tmp_path, text)
    answer = engine.ask(
        "Did zentamab improve overall survival over quellimab in ZENITH-5?", min_confidence=0.0
    )
    assert answer.answer is not None and "OS did not improve" in answer.answer


def test_a_list_is_read_past_a_citation_after_its_colon_and_links_in_its_items(
    tmp_path: Path,
) -> None:
    link = (
        "(/Common/PopUps/popDefinition.aspx?id=40001&version=healthprofessional&language=English)"
    )
    text = (
        "Reported side effects of zentor extracts have been minimal. Common side effects "
        "include the following:[[1](#cit/a.1)-[3](#cit/a.3)]\n\n"
        f"- Soreness and [inflammation]{link} at the [injection]{link} site.\n"
        "- Headache.\n- Fever.\n"
    )
    (effects,) = _answers_in(tmp_path, text, "What are the most common side effects of zentor?")
    assert effects is not None and effects.startswith("Soreness") and effects.endswith("Fever.")


def test_a_dose_is_read_from_a_table_row_of_prose(tmp_path: Path) -> None:
    from test_answering_stages import _section_engine

    text = (
        "| Model | Outcome |\n| --- | --- |\n"
        "| Mice | Growth of ZX4 tumors slowed only with low-dose zentin (40 ng/kg body weight), "
        "not with higher doses. |\n"
        "| Rats | No effect of zentin on ZX9 tumors was seen. |\n"
    )
    engine = _section_engine(tmp_path, text)
    answer = engine.ask("Which zentin dose slowed ZX4 tumors in mice?", min_confidence=0.0)
    assert answer.answer == "40 ng/kg body weight"


def test_a_sentence_that_only_repeats_the_question_answers_nothing(tmp_path: Path) -> None:
    from sclc_qa.answering import constraints
    from test_answering_stages import _section_engine

    text = (
        "Treatment options for stage I zetal cancer include the following:\n\n"
        "1. Zentectomy.\n2. Quellation.\n\n"
        "Zentectomy includes removal of the zeta gland, perizetal fat, and the fascia, with or "
        "without a regional lymph node dissection."
    )
    engine = _section_engine(tmp_path, text)
    query = engine._retriever.prepare("What gets taken out in a zentectomy?")
    scored = engine._answerer.scorer.score(query, engine._retriever.search(query, 8))
    said = [engine.index.sentences[c.sid].text for c in scored]
    assert "Zentectomy." in said
    kept = [
        engine.index.sentences[c.sid].text
        for c in constraints.saying_more(
            engine.index, engine._answerer.vocab, query.profile, scored
        )
    ]
    assert "Zentectomy." not in kept and any("zeta gland" in t for t in kept)
    # The list's lead-in stays: its list says more.
    assert all(t in kept for t in said if t.endswith(":"))


def test_an_arm_named_in_one_hyphenated_word_labels_its_figure(tmp_path: Path) -> None:
    text = (
        "1. The phase III ZENITH-8 trial compared zentamab-rwlc plus chemotherapy with placebo "
        "plus chemotherapy.\n\n"
        "- The secondary end point of median PFS was 9.1 months (95% CI, 7.0–10.2) in the "
        "zentamab-rwlc-plus-chemotherapy group and 4.8 months (95% CI, 4.1–5.9) in the "
        "placebo-plus-chemotherapy group (HR, 0.52; 95% CI, 0.41–0.66)."
    )
    (pfs,) = _answers_in(
        tmp_path,
        text,
        "With zentamab plus chemotherapy in ZENITH-8, what was median progression-free survival?",
    )
    assert pfs is not None and pfs.startswith("9.1 months")


def test_a_registration_number_asked_is_the_identifier_not_a_count(tmp_path: Path) -> None:
    from sclc_qa.question import profile

    assert profile("What is the registration number of the ZENITH-3 trial?").kind != "count"
    assert profile("What is the number of patients in ZENITH-3?").kind == "count"
    text = (
        "An open-label, phase III trial ([NCT01234567](/clinicaltrials/NCT01234567)) compared "
        "quellimab with zentamab plus quellinib in 651 patients."
    )
    (registered,) = _answers_in(
        tmp_path,
        text,
        "What is the ClinicalTrials.gov number of the zentamab plus quellinib phase III trial?",
    )
    assert registered == "NCT01234567"


def test_how_often_a_treatment_is_given_is_its_schedule_where_no_dose_is_stated(
    tmp_path: Path,
) -> None:
    text = (
        "Zentor extracts are usually given by subcutaneous injection. In most reported "
        "studies, injections were given 2 to 3 times a week, but the duration varied."
    )
    (often,) = _answers_in(tmp_path, text, "How often are zentor shots usually given?")
    assert often == "2 to 3 times a week"


def test_a_trial_is_known_by_its_segmented_name_or_by_what_the_text_calls_it() -> None:
    from sclc_qa.answering.classes import IS_CLASS
    from sclc_qa.spans import Span

    def trial(text: str, name: str) -> bool:
        at = text.index(name)
        return IS_CLASS["trial"](Span(at, at + len(name), "name"), text)

    assert trial("In ZENOS-Lung01, zentamab was given.", "ZENOS-Lung01")
    assert trial("The phase III Zenobia study enrolled 300 patients.", "Zenobia")
    assert not trial("Zenobia enrolled 300 patients.", "Zenobia")


def test_drug_stems_include_the_mtor_and_hormone_therapy_stems() -> None:
    from sclc_qa.answering.naming import stem_class
    from sclc_qa.lexical import stem
    from sclc_qa.vocabulary import is_druglike

    assert all(map(is_druglike, ["zentarolimus", "quelltrozole", "zenlutamide", "zeldronate"]))
    assert stem_class("zentarolimus") == {stem("mtor"), stem("inhibitor")}


def test_drug_stems_include_supportive_care_stems() -> None:
    """Antidepressants, anticonvulsants, antiemetics, progestins and others a supportive-care
    summary names are drugs too (made-up names with the stems' endings)."""
    from sclc_qa.answering.naming import stem_class
    from sclc_qa.lexical import stem
    from sclc_qa.vocabulary import is_druglike

    names = ["zenoxetine", "zenfaxine", "zenapentin", "zenagabalin", "zenonidine", "zenterone"]
    names += ["zengestrol", "zenisetron", "zenopitant", "zenoprazole", "zenazepam"]
    assert all(map(is_druglike, names))
    assert stem_class("zenisetron") == {stem("5-ht3"), stem("receptor"), stem("antagonist")}
    assert not any(map(is_druglike, ["april", "control", "steroid"]))


def test_a_place_may_be_written_in_several_words() -> None:
    """A known place of several words, or words ended by a place's head word, is a place."""
    from sclc_qa.answering.classes import IS_CLASS
    from sclc_qa.spans import Span

    def place(text: str) -> bool:
        return IS_CLASS["place"](Span(0, len(text), "name", None), text)

    assert place("Zetania") and place("Costa Rica") and place("Zetan County")
    assert not place("Zeta Cohort") and not place("ZX1")


def test_a_studys_size_is_counted_in_the_people_it_enrolled(tmp_path: Path) -> None:
    from test_routing import summaries_engine

    engine = summaries_engine(
        tmp_path,
        {
            "zeta": "# Zeta Flushes\n\n## Zetopuncture\n\n"
            "A meta-analysis pooled 14 randomized trials of zetopuncture. Included trials ranged "
            "in size from 12 to 96 patients, with 6 to 18 sessions and 2 to 20 months of "
            "follow-up."
        },
    )
    answer = engine.ask("How large were the trials in the zetopuncture meta-analysis?")
    assert answer.answer is not None and "12 to 96 patients" in answer.answer
