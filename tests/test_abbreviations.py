"""abbreviations.py: definitions the corpus states (glossary, table notes, "long form (SHORT)")."""

from __future__ import annotations

import pytest

from sclc_qa.abbreviations import _NOTE_ITEM, Definition, find_definitions, initials, spelled_by
from sclc_qa.chunking import build_sentences
from sclc_qa.corpus import parse_document
from sclc_qa.models import Document


def definitions_of(doc: Document) -> list[Definition]:
    sentences = build_sentences(
        doc, first_id=0, max_wordpieces=256, count_wordpieces=lambda t: len(t.split()) + 2
    )
    return find_definitions({doc.id: doc}, sentences)


def in_text(text: str) -> dict[str, str]:
    return {d.short: d.long for d in definitions_of(parse_document("d", text))}


@pytest.fixture(scope="module")
def review_definitions(corpus_doc: Document) -> list[Definition]:
    return definitions_of(corpus_doc)


def test_initials_split_hyphens_and_slashes() -> None:
    assert initials(["low-dose", "radiotherapy"]) == "ldr"
    assert initials(["immune", "checkpoint", "inhibitors"]) == "ici"
    assert initials(["PD-1/CTLA-4"]) == "p1c4"


def test_words_spell_a_short_form_by_their_initials_a_capital_word_by_its_letters() -> None:
    assert spelled_by("RCTs", "nine randomized controlled trials were pooled")
    assert spelled_by("LDZ", "low-dose zentaplatin")  # a hyphenated word gives two letters
    assert spelled_by("PZNSL", "Primary ZNS Lymphoma Treatment")
    assert spelled_by("PZL", "Primary ZNS Lymphoma Treatment")  # "ZNS" by its initial too
    assert not spelled_by("PZNL", "Primary ZNS Lymphoma Treatment")  # "ZN" is no word's
    assert not spelled_by("ZLT", "Zeta and Lymphoma Treatment")  # words side by side only


def test_long_forms_may_start_with_a_retrieval_stopword() -> None:
    # Only articles and joining words are skipped, not all of lexical.STOPWORDS.
    found = in_text("We used the per protocol (PP) set and the study drug exposure (SDE) set.")
    assert found == {"PP": "per protocol", "SDE": "study drug exposure"}


def test_every_definition_points_at_both_forms(
    corpus_doc: Document, review_definitions: list[Definition]
) -> None:
    text = corpus_doc.text
    assert review_definitions
    for d in review_definitions:
        assert d.doc == corpus_doc.id
        assert text[d.start : d.end] == d.long
        assert text[d.short_start : d.short_end] == d.short


def test_glossary_and_table_note_definitions(review_definitions: list[Definition]) -> None:
    by_source: dict[str, set[tuple[str, str]]] = {}
    for d in review_definitions:
        by_source.setdefault(d.source, set()).add((d.short, d.long))
    assert len(by_source["glossary"]) == 76
    assert ("LDRT", "low-dose radiotherapy") in by_source["glossary"]
    assert ("M phase", "mitotic phase") in by_source["glossary"]
    assert by_source["table_note"] == {
        ("ADC", "antibody-drug conjugates"),
        ("BiTEs", "bispecific T-cell engagers"),
        ("TiTE", "trispecific T-cell engager"),
    }


def test_definitions_in_running_text_of_the_review(review_definitions: list[Definition]) -> None:
    found = {(d.short, d.long) for d in review_definitions if d.source == "text"}
    assert {
        ("ICIs", "immune checkpoint inhibitors"),
        ("CTLs", "cytotoxic T lymphocytes"),
        ("TDLN", "tumor-draining lymph nodes"),
        ("BNCT", "boron neutron capture therapy"),
        ("HR", "hazard ratio"),
    } <= found


def test_long_forms_are_found_by_their_initials() -> None:
    assert in_text(
        "Immune checkpoint inhibitors (ICIs) help. Tumor mutational burden (TMB) was high, "
        "and natural killer (NK) cells rose. Antibody-drug conjugates (ADCs) exist."
    ) == {
        "ICIs": "Immune checkpoint inhibitors",
        "TMB": "Tumor mutational burden",
        "NK": "natural killer",
        "ADCs": "Antibody-drug conjugates",
    }
    # A capital S is a letter of the long form, not a plural's.
    assert in_text("The Zentoma Imaging Reporting and Data System (ZI-RADS) grades scans.") == {
        "ZI-RADS": "Zentoma Imaging Reporting and Data System"
    }


def test_statistics_and_citations_in_parentheses_are_not_definitions() -> None:
    assert in_text("Benefit was seen (HR 0.70; 95% CI 0.54-0.91). See refs (15, 16).") == {}
    assert in_text("It was given with the drug (Tecentriq) daily.") == {}


def test_low_dose_radiotherapy_defines_ldrt() -> None:
    found = in_text("Recent studies show that low-dose radiotherapy (LDRT) works.")
    assert found == {"LDRT": "low-dose radiotherapy"}


def test_a_drug_short_name_of_clipped_words_is_defined() -> None:
    found = in_text("Zentopotamab deruxtecan (Zento-DXd) and trastuzumab deruxtecan (T-DXd) act.")
    assert found == {"Zento-DXd": "Zentopotamab deruxtecan", "T-DXd": "trastuzumab deruxtecan"}
    assert in_text("It was given with the drug (Zento-DXd) daily.") == {}


def test_a_quoted_long_form_is_defined_without_its_quotes() -> None:
    found = in_text("It was named “zento neutron radiotherapy (Z-NRT)” in 2020.")
    assert found == {"Z-NRT": "zento neutron radiotherapy"}
    found = in_text("It was named “zento neutron radiotherapy” (ZNRT) in 2020.")
    assert found == {"ZNRT": "zento neutron radiotherapy"}


def test_a_table_note_item_is_an_abbreviation_and_its_long_form() -> None:
    note = "ORR, objective response rate; OS, overall survival; 2L, second line."
    assert [m.group(1, 2) for m in _NOTE_ITEM.finditer(note)] == [
        ("ORR", "objective response rate"),
        ("OS", "overall survival"),
        ("2L", "second line"),
    ]
    # A note's prose is no definition: "staging, if possible" defines nothing.
    prose = "bInvolvement must be microscopically confirmed in pathological staging, if possible."
    assert list(_NOTE_ITEM.finditer(prose)) == []


def test_an_eponyms_acronym_leaves_out_its_head_noun() -> None:
    found = in_text("Patients with Zeta-Eta-Hoff syndrome (ZEH) and Hoff disease (HD) were seen.")
    assert found == {"ZEH": "Zeta-Eta-Hoff syndrome", "HD": "Hoff disease"}


def test_an_abbreviation_spelled_out_after_it_in_brackets() -> None:
    found = in_text("Staging by ZNE (zeta, node, extension) was used.")
    assert found == {"ZNE": "zeta, node, extension"}
    # A regimen named by its drugs, some by trade names the text does not give.
    found = in_text(
        "They received hyper-ZAVE (hyperfractionated zentamab, alotinib, vorubicin, and "
        "etoposide) or QZP (zentamab, quolimab, and pemetrexed)."
    )
    assert found == {
        "hyper-ZAVE": "hyperfractionated zentamab, alotinib, vorubicin, and etoposide",
        "QZP": "zentamab, quolimab, and pemetrexed",
    }
    # As many words as letters is not enough: a regimen lists drugs, most named by their stems.
    assert in_text("Follow-up by ZNE (zeta, kappa, and theta) was done.") == {}
    assert in_text("The arm ZA (zentamab and alotinib) and ZX (zentamab and tumours).") == {
        "ZA": "zentamab and alotinib"
    }


def test_a_term_defined_after_its_colon() -> None:
    found = in_text("ZMR: Zeta molecular response (previously called QMR). This means less.")
    assert found == {"ZMR": "Zeta molecular response"}
    assert in_text("NOTE: Zeta results are pending.") == {}


def test_an_abbreviation_may_leave_out_a_names_small_words() -> None:
    """ "ZJCC" by "Zetland Joint Committee on Cancer": "on" gives no letter; it may still give
    its initial."""
    assert spelled_by("ZJCC", "the Zetland Joint Committee on Cancer staging system")
    assert spelled_by("ZJCOC", "the Zetland Joint Committee on Cancer staging system")
