"""What a question asks, read apart from the conditions it states (a cutoff given with its
value, a study's title); names typed without their accents; a study asked by the initials of
its title's capitalised words; and a figure dated by the time written right after it.

Every sentence, name and figure here is made up; none is a document's.
"""

from __future__ import annotations

from pathlib import Path

from sclc_qa.abbreviations import capital_initials
from sclc_qa.lexical import tokenize
from sclc_qa.question import profile
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


def test_how_long_opening_a_question_asks_a_time_even_of_a_dose() -> None:
    assert profile("ZQ-1: how long did the first dose take to infuse?").kind == "duration"
    assert profile("In ZQ-1, how long was each zentamab dose given over?").kind == "duration"
    # A dose asked with its duration is still a dose, the duration its other part.
    assert profile("In ZQ-1, what zentamab dose was given and for how long?").kind == "dose"


def test_a_figure_asked_of_a_thing_is_no_definition_of_it() -> None:
    assert profile("What is the quell-to-zeta ratio for zentoma?").kind != "definition"
    assert profile("What are zetal cells of Quell?").kind == "definition"


def test_an_endpoints_figure_of_something_is_no_definition() -> None:
    assert profile("What is the 5-year survival of zentoma?").kind == "percent"
    assert profile("What is overall survival?").kind == "definition"
    # Long-term survival is the share alive after many years, not a median time.
    assert profile("Long-term survival with quelloma?").kind == "percent"
    assert profile("What is the long-term survival of zentoma patients?").kind == "percent"
    assert profile("What was the median long-term survival with quelloma?").kind == "duration"


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
    found = capital_initials("In the Zeta, Quell, Alone or in Tandem trial, 31% had relapsed.")
    assert "zqat" in found
    # Three capitalised words spell too many short forms by chance; a plain word ends the run.
    assert "zqa" not in found and not capital_initials("The Zeta Quell trial was small.")


def test_a_study_asked_by_its_initials_is_answered(tmp_path: Path) -> None:
    text = (
        "In the Zeta, Quell, Alone or in Tandem trial, 31% of biopsies held too little tissue. "
        "Zentoma biopsies are taken under local anaesthesia."
    )
    engine = _section_engine(tmp_path, text)
    got = engine.ask("What share of biopsies held too little tissue in ZQAT?", min_confidence=0)
    assert got.answer is not None and "31%" in got.answer
    # Initials that no title spells are still a name the documents do not mention.
    assert "ZQXT" in _refusal(engine, "What share of biopsies held too little tissue in ZQXT?")


def test_a_figure_is_dated_by_the_time_written_after_it(tmp_path: Path) -> None:
    text = "Survival of zentoma varies: 30% to 60% at 5 years and 20% to 40% at 10 years."
    (ten,) = _spans_in(tmp_path, text, "Survival of", "What is the 10-year survival of zentoma?")
    assert ten[0].startswith("20% to 40%")
    (five,) = _answers_in(_fresh(tmp_path), text, "What is the 5-year survival of zentoma?")
    assert five is not None and "30% to 60%" in five


def _fresh(tmp_path: Path) -> Path:
    """A new folder under `tmp_path`, for a second index in one test."""
    (tmp_path / "again").mkdir()
    return tmp_path / "again"


def test_two_rates_asked_together_are_both_answered_with_their_labels(tmp_path: Path) -> None:
    text = (
        "Using a cutoff of 4 mm, the zeta scan had 97% sensitivity and 58% specificity. "
        "Zeta scans take ten minutes."
    )
    (got,) = _answers_in(
        tmp_path, text, "What sensitivity and specificity did the zeta scan reach at 4 mm?"
    )
    assert got == "97% sensitivity and 58% specificity"


def test_a_listed_items_own_examples_stay_with_it(tmp_path: Path) -> None:
    text = (
        "Zentoma has several known risk factors. Among these factors are quell exposure, a "
        "high-salt diet, and hormonal factors such as early zetarche, nulliparity, and late "
        "quellopause. Zentoma is rare."
    )
    (got,) = _answers_in(
        tmp_path, text, "Apart from age, which risk factors for zentoma are named?"
    )
    assert got is not None and got.endswith("late quellopause")


def test_a_figure_is_of_the_arm_named_after_it_not_the_name_before(tmp_path: Path) -> None:
    text = (
        "Rates of zeta bleeding were 4.4% in the group assigned to chemotherapy plus zentamab "
        "and 0.7% in the chemotherapy-alone group (*P* < .001). Zeta bleeding is rare."
    )
    with_drug, added = _spans_in(
        tmp_path,
        text,
        "Rates of",
        "How often did zeta bleeding occur with zentamab?",
        "How often did zeta bleeding occur when zentamab was added to chemotherapy?",
    )
    assert with_drug[0] == added[0] == "4.4%"
    # … while a gain over the other arm ("compared with chemotherapy alone") is no arm's figure.
    gain = "Adding zentamab prolonged median OS by 4.5 months compared with chemotherapy alone."
    (got,) = _answers_in(
        _fresh(tmp_path),
        f"{gain} Zeta bleeding is rare.",
        "By how many months did adding zentamab to chemotherapy lengthen median survival?",
    )
    assert got == "4.5 months"
