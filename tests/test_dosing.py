"""A dose answers the dose asked only if it is stated the same way, by the route asked and for
the drug asked: the dose in brackets after another drug's name is that drug's."""

from __future__ import annotations

from pathlib import Path

from sclc_qa.answering.dosing import _RANGE, other_dosing
from sclc_qa.question import profile
from test_answering_stages import _answers_in, _refusal, _section_engine


def _check(question: str, text: str, dose: str) -> str:
    start = text.index(dose)
    return other_dosing(profile(question), text, start, start + len(dose))


def test_a_dose_in_brackets_after_another_drug_is_that_drugs() -> None:
    text = "In a study of 64 patients, quellimab (up to 3 mg/kg) was set against zetoposide."
    other = "zetoposide (the dose given is quellimab's)"
    assert _check("What zetoposide dose was used?", text, "up to 3 mg/kg") == other
    assert _check("What dose of zetoposide was given?", text, "up to 3 mg/kg") == other
    # Its own drug's dose answers, however the question words it, and so does a dose of no
    # drug named ("what starting dose …?").
    assert _check("What quellimab dose was used?", text, "up to 3 mg/kg") == ""
    assert _check("What starting dose was used?", text, "up to 3 mg/kg") == ""
    # Both drugs asked: either one's dose is asked.
    assert _check("How do the zetoposide and quellimab doses differ?", text, "up to 3 mg/kg") == ""
    # A word before the question's comma is no drug whose dose it asks.
    stated = "The study gave 2 years of zentamab (70 mg) or placebo after zentectomy."
    assert _check("After zentectomy, what dose was used?", stated, "70 mg") == ""
    # A word that names no drug ("for 2 years (…)") owns no dose.
    yearly = "Adjuvant zentamab for 2 years (120 mg every 4 weeks) followed zentectomy."
    assert _check("What zentamab schedule and dose were used?", yearly, "120 mg") == ""
    # A pair asked by its slash: the dose in brackets after its second drug is the pair's.
    pair = "Patients received zentafluridine/quellacil (12 mg/m2 three times a week) or placebo."
    asked = "What's the dosing schedule for zentafluridine/quellacil in the study?"
    assert _check(asked, pair, "12 mg/m2") == ""
    # A word the question names is a drug, whatever its stem.
    urea = "Quellurea (2–6 g/day) was set against zetoposide."
    assert _check("What zetoposide dose was used against quellurea?", urea, "2–6 g/day") == (
        "zetoposide (the dose given is Quellurea's)"
    )


def test_a_dose_given_by_another_route_does_not_answer() -> None:
    text = "Patients received quelladribine (0.4 mg/kg IV) on days 1 to 3."
    assert _check("What subcutaneous quelladribine dose is used?", text, "0.4 mg/kg") == (
        "subcutaneous use (the dose given is intravenous)"
    )
    assert _check("What intravenous quelladribine dose is used?", text, "0.4 mg/kg") == ""
    assert _check("What quelladribine dose is used?", text, "0.4 mg/kg") == ""
    # A stage or a site written like a route is none: "stage IV", "oral cavity".
    sc = "Zentamab (10 mg/kg SC) was given every week."
    assert _check("What zentamab dose is used in stage IV zentoma?", sc, "10 mg/kg") == ""
    assert _check("What zentamab dose is used in oral cavity zentoma?", sc, "10 mg/kg") == ""


def test_a_flat_dose_is_not_answered_by_one_by_weight() -> None:
    text = "Zentamab was given at 10 mg/kg every 2 weeks."
    assert _check("What flat dose of zentamab is given?", text, "10 mg/kg").startswith(
        "a flat dose in milligrams"
    )


def test_the_answer_abstains_on_another_drugs_dose(tmp_path: Path) -> None:
    text = (
        "In a randomized study of 88 patients, zetacitabine or quellurea (2–6 g/day) was "
        "given. Event-free survival did not differ."
    )
    other, own = _answers_in(
        tmp_path,
        text,
        "What dose of zetacitabine was given in the study against quellurea?",
        "What dose of quellurea was given in the study against zetacitabine?",
    )
    assert other is None and own == "2–6 g/day"


def test_a_maximum_asked_is_not_answered_by_one_usual_dose(tmp_path: Path) -> None:
    table = (
        "| Drug | Dose | Comments |\n"
        "| --- | --- | --- |\n"
        "| Zentabalin | 60 mg daily | Adjust for renal dysfunction. |\n"
        "| Quellizine | 10–40 mg q6h | Sedating. |\n"
        "| Orbazepam CR | 3–9 mg | Maximum suggested dose for women: 3.5 mg. |\n"
    )
    engine = _section_engine(tmp_path, table)
    refused = _refusal(engine, "What is the maximum daily dose of zentabalin?")
    assert "zentabalin" in refused.lower() and "60 mg daily" in refused
    most = engine.ask("Max suggested Orbazepam CR dose for women?", min_confidence=0.0)
    assert most.answer == "3.5 mg"  # a decimal point ends no clause
    highest = engine.ask("What is the highest dose of quellizine?", min_confidence=0.0)
    assert highest.answer is not None and "10–40 mg" in highest.answer


def test_a_maximum_stated_in_words_answers_and_a_schedules_days_are_no_range(
    tmp_path: Path,
) -> None:
    text = (
        "The daily dose of zentarol should not exceed 400 mg. The maximum daily dose of "
        "quellamide is 30 mg."
    )
    engine = _section_engine(tmp_path, text)
    for question, dose in (
        ("What is the maximum daily dose of zentarol?", "400 mg"),
        ("What is the maximum daily dose of quellamide?", "30 mg"),
    ):
        answer = engine.ask(question, min_confidence=0.0).answer
        assert answer is not None and dose in answer, question
    # A schedule's days are no range of doses: one dose given over days 1–3 states no most.
    assert _RANGE.search("100 mg/m2 on days 1–3") is None
    assert _RANGE.search("25–50 mg") is not None
