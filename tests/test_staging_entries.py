"""A staging table's cells that define their codes ("Tis = …", "N1 = …") answer what a code
is, however the question asks it: "what is Tis (formerly …)?", "which nodes count as N1?"."""

from __future__ import annotations

from pathlib import Path

from sclc_qa.question import profile
from sclc_qa.question_phrase import asked_term
from test_answering_stages import _engine_over

_TABLE = (
    "# Zeta Cancer Treatment\n\n## Stage Information\n\n"
    "Table 1. Zeta cancer stages\n\n"
    "| Stage | TNM | Description |\n| --- | --- | --- |\n"
    "| 0 | Tis, N0, M0 | Tis = Zetal intraepithelial lesion (previously termed zeta in situ). |\n"
    "| N0 = No regional lymph node metastasis. |\n"
    "| IIIA | T1, N1, M0 | T1 = Tumor ≤2 cm. |\n"
    "| IIIB | T4, N1, M0 | T4 = Tumor invades the zetal wall.c,d |\n"
    "| N1 = Metastasis in inguinal or iliac nodes. |\n\n"
    "## Background\n\n" + "".join(f"Paragraph {i} describes general care.\n\n" for i in range(20))
)


def test_the_term_a_question_asks_what_it_is() -> None:
    asked = "In zeta staging, what is Tis (what used to be called zeta in situ)?"
    assert asked_term(asked) == "Tis"
    assert profile(asked).kind == "glossary"
    assert asked_term("Which node groups count as N1 in zeta staging?") == "N1"
    assert profile("Which node groups count as N1 in zeta staging?").kind == "definition"
    assert asked_term("ZDLN - what is that abbreviation?") is None


def test_a_code_defined_in_a_later_cell_is_answered_by_its_definition(tmp_path: Path) -> None:
    engine = _engine_over(tmp_path, "zeta", _TABLE)
    tis = engine.ask(
        "In zeta staging, what is Tis (what used to be called zeta in situ)?", min_confidence=0.0
    )
    assert tis.answer is not None and tis.answer.startswith("Zetal intraepithelial lesion")
    n1 = engine.ask("Which node groups count as N1 in zeta staging?", min_confidence=0.0)
    assert n1.answer == "Metastasis in inguinal or iliac nodes."


def test_a_legend_spells_out_its_abbreviations(tmp_path: Path) -> None:
    legend = _TABLE.replace(
        "| N1 = Metastasis in inguinal or iliac nodes. |\n",
        "| N1 = Metastasis in inguinal or iliac nodes. |\n"
        "| T = primary tumor; N = regional lymph node; ZNE = zetanodal extension. | | |\n",
    )
    engine = _engine_over(tmp_path, "zeta", legend)
    assert engine.ask("What does ZNE stand for?", min_confidence=0.0).answer == (
        "zetanodal extension"
    )


def test_a_definitions_footnote_markers_are_no_part_of_it(tmp_path: Path) -> None:
    engine = _engine_over(tmp_path, "zeta", _TABLE)
    t4 = engine.ask("In zeta staging, what does T4 mean?", min_confidence=0.0)
    assert t4.answer == "Tumor invades the zetal wall."
