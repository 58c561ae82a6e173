"""A dose answers the dose asked only if it is stated the same way, by the route asked and for
the drug asked: the dose in brackets after another drug's name is that drug's."""

from __future__ import annotations

from pathlib import Path

from sclc_qa.answering.dosing import other_dosing
from sclc_qa.question import profile
from test_answering_stages import _answers_in


def _check(question: str, text: str, dose: str) -> str:
    start = text.index(dose)
    return other_dosing(profile(question), text, start, start + len(dose))


def test_a_dose_in_brackets_after_another_drug_is_that_drugs() -> None:
    text = "In a trial of 105 patients, quellimab (up to 4 mg/kg) was compared with zetoposide."
    assert _check("What zetoposide dose was used?", text, "up to 4 mg/kg") == (
        "zetoposide (the dose given is quellimab's)"
    )
    assert _check("What dose of zetoposide was given?", text, "up to 4 mg/kg") != ""
    # Its own drug's dose answers, however the question words it.
    assert _check("What quellimab dose was used?", text, "up to 4 mg/kg") == ""
    assert _check("What starting dose was used?", text, "up to 4 mg/kg") == ""
    # Both drugs asked; a word that names no drug ("for 1 year (240 mg …)") owns no dose.
    assert _check("How do the zetoposide and quellimab doses differ?", text, "up to 4 mg/kg") == ""
    # A word before the question's comma is no drug whose dose it asks.
    stated = "The trial gave 1 year of zentamab (50 mg) or placebo after zentectomy."
    assert _check("After zentectomy, what dose was used?", stated, "50 mg") == ""
    yearly = "Adjuvant zentamab for 1 year (240 mg every 2 weeks) followed surgery."
    assert _check("What zentamab schedule and dose were used?", yearly, "240 mg") == ""
    # A pair asked by its slash: the dose in brackets after its second drug is the pair's.
    pair = "Patients received zentafluridine/quellacil (35 mg/m2 twice a day) or placebo."
    asked = "What's the dosing schedule for zentafluridine/quellacil in the trial?"
    assert _check(asked, pair, "35 mg/m2") == ""
    # A word the question names is a drug, whatever its stem.
    urea = "Quellurea (up to 4 g/day) was compared with zetoposide."
    assert _check("What zetoposide dose was used against quellurea?", urea, "up to 4 g/day") != ""


def test_a_dose_given_by_another_route_does_not_answer() -> None:
    text = "Patients received quelladribine (0.15 mg/kg IV) on days 1 to 5."
    assert _check("What subcutaneous quelladribine dose is used?", text, "0.15 mg/kg") == (
        "subcutaneous use (the dose given is intravenous)"
    )
    assert _check("What intravenous quelladribine dose is used?", text, "0.15 mg/kg") == ""
    assert _check("What quelladribine dose is used?", text, "0.15 mg/kg") == ""


def test_a_flat_dose_is_not_answered_by_one_by_weight() -> None:
    text = "Zentamab was given at 10 mg/kg every 2 weeks."
    assert _check("What flat dose of zentamab is given?", text, "10 mg/kg").startswith(
        "a flat dose in milligrams"
    )


def test_the_answer_abstains_on_another_drugs_dose(tmp_path: Path) -> None:
    text = (
        "In a randomized trial of 170 patients, zetacitabine or quellurea (1–4 g/day) was "
        "given. Event-free survival did not differ."
    )
    other, own = _answers_in(
        tmp_path,
        text,
        "What dose of zetacitabine was given in the trial against quellurea?",
        "What dose of quellurea was given in the trial against zetacitabine?",
    )
    assert other is None and own == "1–4 g/day"
