"""What reading questions on a summary of several related diseases found: a passage is about the
disease its headings name, not only its document's title's; a disease named by a modifier and
another's abbreviation ("atypical ZCL") is the one whose long form those words spell; a table
cell set under a group row by a dash is the text the question repeats, not what it asks."""

from __future__ import annotations

from pathlib import Path

from test_answering_stages import _BACKGROUND, _engine_over

_NEOPLASMS = (
    "# Zeta Neoplasms Treatment (PDQ®)\n\n## General Information\n\n"
    "Zeta neoplasms (ZN) include chronic zetacytic leukemia (CZL) and atypical chronic "
    "quellocytic leukemia (aCQL). Atypical CQL is rare.\n\n"
    "## Treatment of Chronic Zetacytic Leukemia\n\n### Disease Overview\n\n"
    "Transformation to zetoblastic leukemia occurs in approximately 35% of cases.\n\n"
    "## Treatment of Atypical Chronic Quellocytic Leukemia\n\n### Disease Overview\n\n"
    "Zetocytes make up less than 7% of marrow cells. The exact incidence of aCQL is "
    "unknown.\n\n" + _BACKGROUND
)


def test_a_passage_is_about_the_disease_its_headings_name(tmp_path: Path) -> None:
    # The sentence names no disease; its heading names CZL, one kind of the title's ZN.
    engine = _engine_over(tmp_path, "zn", _NEOPLASMS)
    answer = engine.ask("How often does CZL transform to zetoblastic leukemia?", min_confidence=0.0)
    assert answer.answer is not None and answer.answer.startswith("approximately 35%")


def test_a_modifier_and_another_diseases_abbreviation_name_the_longer_disease(
    tmp_path: Path,
) -> None:
    # "atypical CQL" spells "atypical chronic quellocytic leukemia", the text's aCQL, though
    # only another summary defines CQL; and the passage under aCQL's heading is about it.
    other = (
        "# Chronic Quellocytic Leukemia Treatment (PDQ®)\n\n## Overview\n\n"
        "Chronic quellocytic leukemia (CQL) is treated with quellinib. Most CQL responds.\n"
    )
    engine = _engine_over(tmp_path, "zn", _NEOPLASMS, cql=other)
    share = engine.ask(
        "In atypical CQL, zetocytes make up less than what share of marrow cells?",
        min_confidence=0.0,
    )
    assert share.answer is not None and share.answer.startswith("less than 7%")
    known = engine.ask("Is the incidence of atypical CQL known?", min_confidence=0.0)
    assert not known.abstained and "incidence of aCQL is unknown" in known.citations[0].quote


def test_a_cell_set_under_a_group_row_by_a_dash_is_what_the_question_repeats(
    tmp_path: Path,
) -> None:
    doc = (
        "# Rash\n\n## Causes\n\nTable 3. Rash by Disease\n\n"
        "| Condition | Frequency of Rash (%) |\n| --- | --- |\n"
        "| Zetal: |  |\n| – Zeta disease | 44 |\n| – Quell lymphoma | 12 |\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "rash", doc)
    answer = engine.ask("How common is a rash in zeta disease?", min_confidence=0.0)
    assert answer.answer == "44"
