"""What a question asks, read apart from the conditions it states (a cutoff given with its
value, a study's title); names typed without their accents; a study asked by the initials of
its title's capitalised words; and a figure dated by the time written right after it.

Every sentence, name and figure here is made up; none is a document's.
"""

from __future__ import annotations

from pathlib import Path

from sclc_qa.abbreviations import capital_initials
from sclc_qa.answering.name_lists import counted_run
from sclc_qa.answering.runs import asks_several
from sclc_qa.lexical import stem, tokenize
from sclc_qa.question import profile
from sclc_qa.routing import _topics
from sclc_qa.series import series
from sclc_qa.vocabulary import squash
from test_answering_stages import _answers_in, _refusal, _section_engine, _spans_in


def test_a_cutoff_given_with_its_value_is_a_condition_not_the_question() -> None:
    asked = profile("What sensitivity did the zeta scan reach at a 4 mm cutoff?")
    assert asked.kind == "percent" and asked.endpoints == {"sens"}
    assert profile("What was zeta scanning's specificity with a threshold of 10%?").kind == (
        "percent"
    )
    # A cutoff asked for is still how the text delimits a term.
    assert profile("What cutoff defines zeta positivity?").kind == "definition"
    assert profile("What threshold of quell thickness is used?").kind == "definition"
    # A number inside a name, or a time point, is no cutoff's value.
    assert profile("What ZQ-9 cutoff score marks zetal distress?").kind == "definition"
    assert profile("What was the 5-year OS cutoff used?").endpoints == {"os"}


def test_how_long_opening_a_question_asks_a_time_even_of_a_dose() -> None:
    assert profile("ZQ-1: how long did the first dose take to infuse?").kind == "duration"
    assert profile("In ZQ-1, how long was each zentamab dose given over?").kind == "duration"
    assert profile("For how long was zentamab given at the 10 mg dose?").kind == "duration"
    # A dose asked with its duration is still a dose, the duration its other part.
    assert profile("In ZQ-1, what zentamab dose was given and for how long?").kind == "dose"


def test_a_figure_asked_of_a_thing_is_no_definition_of_it() -> None:
    assert profile("What is the quell-to-zeta ratio for zentoma?").kind != "definition"
    assert profile("What are zetal cells of Quell?").kind == "definition"
    assert profile("What is zetoma in situ?").kind == "definition"


def test_an_endpoints_figure_of_something_is_no_definition() -> None:
    assert profile("What is the overall survival of zentoma patients?").kind != "definition"
    assert profile("What is overall survival?").kind == "definition"
    # Long-term survival is the share alive after many years, not a median time.
    assert profile("Long-term survival with quelloma?").kind == "percent"
    assert profile("What is the long-term survival of zentoma patients?").kind == "percent"
    assert profile("What was the median long-term survival with quelloma?").kind == "duration"
    assert profile("How long is long-term survival in quelloma?").kind == "duration"


def test_a_studys_title_names_no_endpoint() -> None:
    asked = profile("What did the Zeta Quell Survival Study conclude about zentoma grade?")
    assert asked.endpoints == frozenset() and asked.kind != "duration"
    assert profile("What was overall survival in the Zeta Quell trial?").endpoints == {"os"}


def test_a_name_is_found_without_its_accents() -> None:
    assert squash("Zöller") == squash("Zoller") == "zoller"
    assert "zoller" in tokenize("a Zöller syndrome")


def test_a_name_typed_without_its_accents_is_answered(tmp_path: Path) -> None:
    engine = _section_engine(
        tmp_path, "Quellosis occurs in 12% of patients with Zöller syndrome, mostly after 40."
    )
    got = engine.ask("How common is quellosis in Zoller syndrome?", min_confidence=0.0)
    assert got.answer is not None and "12%" in got.answer


def test_initials_of_a_titles_capitalised_words() -> None:
    found = capital_initials("In the Zeta and Quell Adjuvant Nodal trial, 23% had relapsed.")
    assert "zqan" in found
    # Three capitalised words spell too many short forms by chance; a plain word ends the run,
    # and so does a stop or a bracket.
    assert "zqa" not in found and not capital_initials("The Zeta Quell trial was small.")
    assert not capital_initials("Zeta Quell. Adjuvant Nodal (Trial) Group")


def test_a_study_asked_by_its_initials_is_answered(tmp_path: Path) -> None:
    text = (
        "In the Zeta and Quell Adjuvant Nodal trial, 23% of nodes were found to hold zetal "
        "cells. Zentoma nodes are sampled under local anaesthesia."
    )
    engine = _section_engine(tmp_path, text)
    got = engine.ask("What share of nodes held zetal cells in ZQAN?", min_confidence=0)
    assert got.answer is not None and "23%" in got.answer
    # Initials that no title spells are still a name the documents do not mention.
    assert "ZQXN" in _refusal(engine, "What share of nodes held zetal cells in ZQXN?")


def test_a_figure_is_dated_by_the_time_written_after_it(tmp_path: Path) -> None:
    text = "Survival of zentoma varies: 35% to 55% at 4 years and 15% to 45% at 9 years."
    (nine,) = _spans_in(tmp_path, text, "Survival of", "What is the 9-year survival of zentoma?")
    assert nine[0].startswith("15% to 45%")
    (four,) = _answers_in(_fresh(tmp_path), text, "What is the 4-year survival of zentoma?")
    assert four is not None and "35% to 55%" in four


def _fresh(tmp_path: Path) -> Path:
    """A new folder under `tmp_path`, for a second index in one test."""
    return tmp_path / "again"


def test_two_rates_asked_together_are_both_answered_with_their_labels(tmp_path: Path) -> None:
    text = (
        "Read against biopsy, the zeta scan found 93% of zentomas. At 7 mm it had 97% "
        "sensitivity and 58% specificity. Zeta scans take ten minutes."
    )
    (got,) = _answers_in(
        tmp_path, text, "What sensitivity and specificity did the zeta scan reach at 7 mm?"
    )
    assert got == "97% sensitivity and 58% specificity"
    # One measure asked at a level of the other is a single figure: no run is asked.
    assert not asks_several(profile("How sensitive was the zeta scan at 58% specificity?"))


def test_a_listed_items_own_examples_stay_with_it(tmp_path: Path) -> None:
    text = (
        "Zentoma has several known risk factors. Among these factors are quell exposure, a "
        "high-salt diet, and hormonal factors such as early zetarche, zetal cysts, and a late "
        "quellopause. Zentoma is rare."
    )
    (got,) = _answers_in(
        tmp_path, text, "Apart from age, which risk factors for zentoma are named?"
    )
    assert got is not None and got.endswith("a late quellopause")
    # … however many there are; and a run counted by the sentence counts its own items only.
    longer = text.replace("zetal cysts,", "zetal cysts, prior quell use, a zeta diet,")
    assert series(longer) and longer[slice(*series(longer)[0])].endswith("a late quellopause")
    counted = "Zentoma has three risk factors: " + text.split("are ", 1)[1]
    assert counted_run(counted, 3, "three|3", "factors") is not None


def test_a_figure_is_of_the_arm_named_after_it_not_the_name_before(tmp_path: Path) -> None:
    text = (
        "Zeta bleeding rates were 6.1% in the arm assigned to quellplatin plus zentamab and "
        "1.2% in the quellplatin-alone arm (*P* = .02). Zeta bleeding is rare."
    )
    with_drug, added = _spans_in(
        tmp_path,
        text,
        "Zeta bleeding rates",
        "How often did zeta bleeding occur with zentamab?",
        "How often did zeta bleeding occur when zentamab was added to quellplatin?",
    )
    assert with_drug[0] == added[0] == "6.1%"


def test_how_many_of_a_group_had_an_outcome_asks_a_share() -> None:
    assert profile("How many zentoma biopsies did not yield enough tissue?").kind == "percent"
    assert profile("How many carriers develop quelloma by age 70?").kind == "percent"
    # Who were enrolled, or died in a place over a year, are counted.
    assert profile("How many women were enrolled in the zeta trial?").kind == "count"
    assert profile("How many women die of zentoma each year?").kind == "count"


def test_a_gland_or_duct_in_a_title_is_named_by_its_organs_word() -> None:
    assert _topics("Zetary Gland Cancer Treatment (PDQ®)") == {stem("zetary")}
    assert _topics("Eta Duct Cancer Treatment") == {stem("eta")}


def test_a_rate_keeps_the_time_written_after_it(tmp_path: Path) -> None:
    text = "In a series of 30 quellomas, the overall survival rate was 77% at 20 years."
    (got,) = _answers_in(tmp_path, text, "Long-term survival with quelloma?")
    assert got == "77% at 20 years"
