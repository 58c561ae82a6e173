"""A figure named by the values written after it; counts spelled out before their share; a
list item that leads into a list of its own; a survival figure asked with no measure, and
answered by a rate where no median is given; time points in weeks; drug codes that are no
endpoints; volumes as doses; words for parts and for kindred classes that no document needs
to write; results not yet published, which bear on no definition.

Every sentence, name and figure here is made up; none is a document's.
"""

from __future__ import annotations

from pathlib import Path

from sclc_qa.answering.entities import _noun_phrase
from sclc_qa.answering.labels_after import labelled_after
from sclc_qa.answering.lists import answer as list_answer
from sclc_qa.question import profile
from sclc_qa.spans import Span, find
from test_answering_stages import _answers_in, _engine_over, _indexed, _refusal, _section_engine

_RELAPSE_BY_DEPTH = (
    "Among ZQ-4 participants, zeta relapse occurred in 12% of those whose biopsies held under "
    "2 mm of quell tissue, 31% of those with 2 mm to 6 mm, and 58% above 6 mm."
)
_RELAPSES = ("12%", "31%", "58%")


def test_the_figure_whose_label_after_it_states_the_values_asked() -> None:
    asked = profile("In ZQ-4, how often did zeta relapse occur with 2 mm to 6 mm of quell tissue?")
    # The figures stated, less those the question states itself (conditions, not answers).
    text = _RELAPSE_BY_DEPTH
    spans = [s for s in find(text, "percent") if text[s.start : s.end] in _RELAPSES]
    figures = {s.start: text[s.start : s.end] for s in spans}
    assert [figures[at] for at in labelled_after(text, spans, asked)] == ["31%"]
    # No value asked, or two labels holding as many: no figure is named so.
    assert labelled_after(text, spans, profile("How often did zeta relapse occur?")) == set()
    even = profile("How often did zeta relapse occur around 2 mm of quell tissue?")
    assert labelled_after(text, spans, even) == set()


def test_a_label_written_before_its_figure_names_no_figure_after_it() -> None:
    # The next clause's group ("while for those aged 13 to 18 …") labels its own figure, not
    # the one before it.
    text = (
        "In ZQ-5, the quell-free rate for children younger than 13 years was 66%, while for "
        "those aged 13 to 18 years it was 52%."
    )
    spans = find(text, "percent")
    asked = profile("In ZQ-5, what was the quell-free rate for those aged 13-18?")
    assert labelled_after(text, spans, asked) == set()


def test_a_group_asked_by_its_values_gets_its_own_rate(tmp_path: Path) -> None:
    # The question's own shares are conditions; the figure whose label states them answers,
    # not the first after the question's words.
    (got,) = _answers_in(
        tmp_path,
        "Zeta relapse rates in ZQ-4 were 12% among those with fewer than 8% quell cells, 31% "
        "among those with 8% to 25% quell cells, and 58% among those with more than 25% quell "
        "cells.",
        "In ZQ-4, what was the zeta relapse rate with 8% to 25% quell cells?",
    )
    assert got is not None and got.startswith("31%")


def test_a_count_spelled_out_before_its_share_is_a_count(tmp_path: Path) -> None:
    text = (
        "In the pooled analysis, sixty-three (4.4%) zetal deaths followed quellplatin doublets, "
        "against 40 (2.9%) after other regimens."
    )
    assert [text[s.start : s.end] for s in find(text, "count")][:1] == ["sixty-three"]
    (got,) = _answers_in(tmp_path, text, "How many zetal deaths followed quellplatin doublets?")
    assert got is not None and got.startswith("sixty-three")
    # Not an age, nor a bound of an interval.
    assert find("Patients aged seventy or older were left out.", "count") == []
    ci = "Zeta scores fell by seventy (95% CI, 61-79) points."
    assert "seventy" not in [ci[s.start : s.end] for s in find(ci, "count")]


def test_a_last_item_that_leads_into_a_list_brings_its_items(tmp_path: Path) -> None:
    engine, sid = _indexed(
        tmp_path,
        "Zeta irrigation during quellectomy has been tested.\n\n"
        "Supporting data:\n\n"
        "1. In a randomised study of 96 patients, investigators observed:\n\n"
        "- Similar quell relapse at 3 years (9% and 10%).\n"
        "- Similar survival (71% and 69%).",
        "has been tested",
    )
    asked = profile("Does zeta irrigation during quellectomy lower quell relapse?")
    # The sentence that names the question's subject is followed by a lead-in whose one item
    # leads into the results: the answer is that item with the results it lists.
    found = list_answer(engine.index, engine._answerer.vocab, asked, sid)
    assert found is not None
    _, start, end = found
    doc = engine.index.documents[engine.index.sentences[sid].doc]
    assert doc.text[start:end].startswith("In a randomised study of 96 patients")
    assert doc.text[start:end].rstrip().endswith("(71% and 69%).")


def test_a_survival_figure_asked_with_no_measure_may_be_a_rate() -> None:
    assert profile("What was event-free survival with zentamab?").or_else == "percent"
    assert profile("What was median event-free survival with zentamab?").or_else is None
    assert profile("What was the event-free survival rate with zentamab?").or_else is None


def test_a_rate_answers_a_survival_asked_with_no_measure_where_no_median_is_given(
    tmp_path: Path,
) -> None:
    (got,) = _answers_in(
        tmp_path,
        "In the ZQ-8 series, the 3-year event-free survival was 61.5% for tumours of 4 cm or less.",
        "In ZQ-8, what was event-free survival for tumours of 4 cm or less?",
    )
    assert got is not None and "61.5%" in got


def test_a_survival_at_a_number_of_weeks_is_a_rate() -> None:
    assert profile("Zentamab vs placebo: 12-week PFS in each arm?").kind == "percent"
    assert profile("What was the 6-week disease control with zentamab?").kind == "percent"
    # A course, a study or a scan of so many weeks dates no endpoint.
    assert profile("How long is the 6-week zentamab course?").kind == "duration"
    assert profile("Who ran the 24-week ZETA trial?").kind == "entity"
    assert profile("What did the 12-week MRI show?").kind != "percent"
    assert profile("What happens after 6 weeks of zentamab?").kind != "percent"


def test_a_drug_code_names_no_endpoint() -> None:
    assert profile("What dose of AE-417 was given in ZQ-3?").endpoints == frozenset()
    assert profile("How was OS-221 dosed?").endpoints == frozenset()
    # An endpoint at a time is no code: "PFS-6", the share free of progression at 6 months.
    assert profile("What was PFS-6 with zentamab?").endpoints == {"pfs"}
    assert profile("Which AEs occurred with zentamab?").endpoints == {"tox"}


def test_a_volume_is_a_dose_by_its_weight_or_its_schedule() -> None:
    def doses(text: str) -> list[str]:
        return [text[s.start : s.end] for s in find(text, "dose")]

    assert doses("Patients took ZQ-5 (85 mL administered orally twice daily).") == [
        "85 mL administered orally twice daily"
    ]
    assert doses("The top dose was 1.8 mL/kg/day of ZQ-5.") == ["1.8 mL/kg/day"]
    assert doses("The tumour's volume was 85 mL at baseline.") == []
    # … nor a drain's or a loss's, however often.
    assert doses("Blood loss was 300 mL daily for 3 days.") == []
    assert doses("Drainage of 150 mL/day went on.") == []
    assert doses("Patients got 50 mL given IV.") == ["50 mL given IV"]


def test_a_word_for_a_part_asks_no_class_a_document_must_write(tmp_path: Path) -> None:
    engine = _section_engine(
        tmp_path,
        "Zentamab quellotin contains a humanised zeta antibody, a quellane toxin, and a "
        "cleavable linker.",
    )
    got = engine.ask("What three pieces make up zentamab quellotin?", min_confidence=0.0)
    assert got.answer is not None and "cleavable linker" in got.answer


def test_a_kindred_class_word_is_no_unheard_class(tmp_path: Path) -> None:
    engine = _section_engine(
        tmp_path,
        "Exploratory analyses suggest that a 9-protein zeta signature may serve as a "
        "predictive biomarker for zentamab.",
    )
    got = engine.ask("What predictors of benefit from zentamab were found?", min_confidence=0.0)
    assert got.answer is not None and "zeta signature" in got.answer
    # A kindred word grows no name into a word that merely opens like it ("markedly").
    text = "QLN1 was markedly raised in zetoma; the QLN1 marker predicted relapse."
    asked = profile("Which biomarker predicted quell relapse in zetoma?")
    grown = [_noun_phrase(text, Span(at, at + 4, "name"), asked) for at in (0, 40)]
    assert [text[g.start : g.end] for g in grown] == ["QLN1", "QLN1 marker"]
    # A class no document writes, nor any word kindred to it, is still refused.
    assert "comet" in _refusal(engine, "Which comet predicts benefit from zentamab?")


def test_a_weakness_is_asked_by_its_kindred_word(tmp_path: Path) -> None:
    engine = _section_engine(
        tmp_path, "Zeta-P tumours show a marked dependency on quellate synthesis."
    )
    got = engine.ask("What weakness marks zeta-P tumours?", min_confidence=0.0)
    assert got.answer is not None and "quellate synthesis" in got.answer


def test_results_not_yet_published_bear_on_no_definition(tmp_path: Path) -> None:
    engine = _engine_over(
        tmp_path,
        "doc",
        "# Doc\n\n## Section\n\n"
        "Quellix is a zeta cartilage extract whose results have not been published.\n\n"
        "A 12-patient Quellix series was shown at a meeting,[[2](#cit/section_2.2)] yet its "
        "full results have not been released.\n",
    )
    got = engine.ask("What is Quellix?", min_confidence=0.0)
    assert got.answer is not None and "zeta cartilage extract" in got.answer
    # Asked what a study found, the clause is the reason, as a reader sees it.
    why = _refusal(engine, "What did the 12-patient Quellix series show?")
    assert "full results have not been released" in why
    assert "[[" not in why and "](" not in why and "that yet" not in why


def test_an_approval_for_another_condition_answers_no_question_about_this_one(
    tmp_path: Path,
) -> None:
    engine = _section_engine(
        tmp_path,
        "The FDA approved zentamab, an antibody against ZQ-4, as the first inhibitor for the "
        "treatment of advanced metastatic zetoma in 2013.\n\nQuelloma is a cancer rarer than "
        "zetoma and is treated with quellplatin. Small-cell lung cancer is treated with "
        "zentamab in trials.",
    )
    why = _refusal(engine, "When did the FDA approve zentamab for small-cell lung cancer?")
    assert "zetoma" in why and "small-cell lung cancer" in why
    got = engine.ask("When did the FDA approve zentamab for zetoma?", min_confidence=0.0)
    assert got.answer is not None and "2013" in got.answer
    # A use names no other condition.
    for asked in ("for clinical use", "for marketing"):
        got = engine.ask(f"When did the FDA approve zentamab {asked}?", min_confidence=0.0)
        assert got.answer is not None and "2013" in got.answer, asked
    # Asked which condition it was approved for, the sentence answers.
    got = engine.ask("When did the FDA approve zentamab, and for which cancer?", min_confidence=0.0)
    assert got.answer is not None and "zetoma" in got.answer


def test_an_age_group_asked_labels_the_figure_after_it(tmp_path: Path) -> None:
    (got,) = _answers_in(
        tmp_path,
        "Ten-year zeta survival went from 40% to 52% among patients under 12 years and from "
        "33% to 47% among those aged 12 to 17 years.",
        "How has ten-year zeta survival changed for patients aged 12-17?",
    )
    # The age group's own figures, with the "from" that makes them a change.
    assert got is not None and got.startswith("from 33% to 47%")


def test_a_decade_keeps_the_part_of_it_named() -> None:
    text = "Zeta extracts were first described in the mid-1960s and again in the early 1990s."
    assert [text[s.start : s.end] for s in find(text, "year")] == ["mid-1960s", "early 1990s"]


def test_a_relative_clause_after_a_figure_labels_it() -> None:
    text = (
        "In ZQ-6, 63% of patients took at least half of their doses, 38% who took at least 75% "
        "of them, and 21% who took 100%."
    )
    asked = profile("In ZQ-6, what share of patients took 100% of their doses?")
    spans = [s for s in find(text, "percent") if text[s.start : s.end] in ("63%", "38%", "21%")]
    figures = {s.start: text[s.start : s.end] for s in spans}
    assert [figures[at] for at in labelled_after(text, spans, asked)] == ["21%"]


def test_a_comparison_at_a_number_of_weeks_asks_a_rate() -> None:
    assert profile("How did zeta therapy compare with usual care at 6 weeks?").kind == "percent"
    assert profile("What happens at 6 weeks after quellectomy?").kind != "percent"
