"""The answering package (through Engine.ask): verbatim, cited answers and honest abstentions."""

from __future__ import annotations

import pytest

from sclc_qa.engine import Engine
from sclc_qa.evaluation import normalize_answer
from sclc_qa.models import Answer

DOC_ID = "es-sclc-immunotherapy-review"


def check_answer(engine: Engine, answer: Answer) -> None:
    """What every answer promises: verbatim quotes, the answer inside the first quote."""
    assert 0.0 <= answer.confidence <= 1.0
    assert answer.abstained == (answer.answer is None)
    for c in answer.citations:
        assert engine.index.documents[c.doc].text[c.start : c.end] == c.quote
    if answer.answer is None:
        assert answer.start is None and answer.end is None and answer.reason
        return
    first = answer.citations[0]
    text = engine.index.documents[first.doc].text
    assert answer.answer in first.quote
    assert answer.start is not None and answer.end is not None
    assert text[answer.start : answer.end] == answer.answer
    assert first.start <= answer.start < answer.end <= first.end
    assert answer.reason is None


# ------------------------------------------------------------------ fast (fake embedder)
# Definitions and unknown names do not depend on the embedding model.


def test_an_abbreviation_is_expanded_from_the_glossary(hashing_engine: Engine) -> None:
    answer = hashing_engine.ask("What does LDRT stand for?")
    check_answer(hashing_engine, answer)
    assert answer.answer == "low-dose radiotherapy"
    assert answer.citations[0].section == "glossary"
    assert answer.citations[0].quote == "LDRT low-dose radiotherapy"


def test_a_long_form_is_abbreviated(hashing_engine: Engine) -> None:
    answer = hashing_engine.ask("What is the abbreviation for low-dose radiotherapy?")
    check_answer(hashing_engine, answer)
    assert answer.answer == "LDRT"


def test_a_two_word_glossary_term(hashing_engine: Engine) -> None:
    answer = hashing_engine.ask("What does M phase stand for?")
    check_answer(hashing_engine, answer)
    assert answer.answer == "mitotic phase"


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("What was the OS HR in KEYNOTE-604?", "KEYNOTE-604"),
        ("What phase is NCT99999999?", "NCT99999999"),
        ("What was the median OS with sintilimab?", "sintilimab"),
    ],
)
def test_a_name_the_review_never_mentions_is_an_abstention(
    hashing_engine: Engine, question: str, name: str
) -> None:
    assert name.lower() not in hashing_engine.index.documents[DOC_ID].text.lower()
    answer = hashing_engine.ask(question)
    check_answer(hashing_engine, answer)
    assert answer.abstained and answer.answer is None
    assert name in (answer.reason or "")


def test_confidence_zero_never_abstains_for_want_of_confidence(hashing_engine: Engine) -> None:
    answer = hashing_engine.ask("What was the OS hazard ratio in CASPIAN?", min_confidence=0.0)
    check_answer(hashing_engine, answer)
    assert not answer.abstained


def test_min_confidence_is_honoured_by_every_answer(hashing_engine: Engine) -> None:
    for question in ("What was the OS hazard ratio in CASPIAN?", "What does LDRT stand for?"):
        answer = hashing_engine.ask(question, min_confidence=0.99)
        assert answer.abstained or answer.confidence >= 0.99, (question, answer.confidence)


# ------------------------------------------------------------------ slow (real model)


@pytest.mark.slow
def test_caspian_os_hazard_ratio(engine: Engine) -> None:
    answer = engine.ask("What was the OS hazard ratio in CASPIAN?")
    check_answer(engine, answer)
    assert answer.answer is not None and "0.73" in answer.answer
    assert answer.citations[0].section == "4.1.1"
    assert "CASPIAN" in answer.citations[0].quote
    assert answer.confidence >= engine.threshold


@pytest.mark.slow
def test_phase_of_a_trial_from_table_3(engine: Engine) -> None:
    answer = engine.ask("What phase is NCT04885998?")
    check_answer(engine, answer)
    assert answer.answer == "III"
    first = answer.citations[0]
    assert (first.section, first.label) == ("4.4.1", "Table 3")
    assert first.quote.startswith("NCT04885998")
    assert first.context is not None and "DLL-3 targeted treatment › BiTEs" in first.context


@pytest.mark.slow
def test_ldrt_stands_for_low_dose_radiotherapy(engine: Engine) -> None:
    answer = engine.ask("What does LDRT stand for?")
    check_answer(engine, answer)
    assert normalize_answer(answer.answer or "") == "low-dose radiotherapy"


@pytest.mark.slow
def test_keynote_604_is_not_in_the_review(engine: Engine) -> None:
    answer = engine.ask("What was the OS HR in KEYNOTE-604?")
    check_answer(engine, answer)
    assert answer.abstained and "KEYNOTE-604" in (answer.reason or "")


@pytest.mark.slow
def test_caspian_reports_no_pfs_hazard_ratio(engine: Engine) -> None:
    answer = engine.ask("PFS hazard ratio in CASPIAN?")
    check_answer(engine, answer)
    assert answer.abstained and answer.answer is None
    assert "PFS" in (answer.reason or "")


@pytest.mark.slow
def test_imforte_pfs_hazard_ratio_is_not_the_os_one(engine: Engine) -> None:
    answer = engine.ask("What was the PFS hazard ratio in IMforte?")
    check_answer(engine, answer)
    assert answer.answer is not None and "0.54" in answer.answer and "0.73" not in answer.answer
    assert answer.citations[0].section == "4.1.2"


@pytest.mark.slow
def test_impower133_median_os(engine: Engine) -> None:
    answer = engine.ask("Median OS in the atezolizumab arm of IMpower133?")
    check_answer(engine, answer)
    assert answer.answer is not None and "12.3 months" in answer.answer
    assert len(answer.answer) < 40


@pytest.mark.slow
def test_support_citations_are_distinct(engine: Engine) -> None:
    answer = engine.ask("What was the OS hazard ratio in CASPIAN?", top_k=5)
    starts = [c.start for c in answer.citations]
    assert len(starts) == len(set(starts)) > 1


@pytest.mark.slow
def test_respectively_maps_the_asked_year_to_its_figure(engine: Engine) -> None:
    """ "… OS rates of 69.6% and 35.1% at one and three years, respectively": 3-year → 35.1%."""
    three = engine.ask("What was the 3-year OS rate in the MATCH follow-up?")
    one = engine.ask("What was the 1-year PFS rate in the MATCH follow-up?")
    for answer in (three, one):
        check_answer(engine, answer)
    assert three.answer == "35.1%"
    assert one.answer == "27.3%"


@pytest.mark.slow
def test_an_acronym_is_counted_by_the_words_it_stands_for(engine: Engine) -> None:
    answer = engine.ask("How many RCTs were pooled in the meta-analysis of first-line regimens?")
    check_answer(engine, answer)
    assert answer.answer is not None and answer.answer.startswith("12 randomized")
