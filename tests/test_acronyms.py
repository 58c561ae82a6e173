"""Acronyms a question uses that the documents never write, read as the phrase they write."""

from __future__ import annotations

from pathlib import Path

from sclc_qa.acronyms import Acronyms
from test_answering_stages import _answers_in

_TEXT = (
    "Zetopharyngeal carcinoma is rare. Screening for zetopharyngeal carcinoma uses plasma DNA. "
    "Patients with zetopharyngeal carcinomas were followed. Therapy may be given. "
    "The safety profile was acceptable; the safety profile of zetamab was known."
)


def test_an_acronym_of_a_compound_is_spelled_out() -> None:
    acronyms = Acronyms([_TEXT], [])
    assert acronyms.spell_out("How is ZPC screened?") == (
        "How is zetopharyngeal carcinoma screened?"
    )
    assert acronyms.spell_out("How many ZPCs?") == "How many zetopharyngeal carcinomas?"


def test_no_phrase_is_read_from_function_words_prefixes_or_a_single_use() -> None:
    acronyms = Acronyms([_TEXT + " Tumour mutational load was high."], [])
    assert acronyms.phrase("TMB") is None  # "therapy may be": function words
    assert acronyms.phrase("SPF") is None  # "safety pro|file": a prefix, not a compound
    assert acronyms.phrase("TML") is None  # written once: initials may coincide


def test_a_function_word_inside_a_term_is_one_of_its_letters() -> None:
    text = "Zetoma in situ was found. Zetoma in situ is treated by excision."
    assert Acronyms([text], []).phrase("ZIS") == "zetoma in situ"


def test_an_acronym_the_documents_write_or_define_is_left_alone() -> None:
    written = Acronyms([_TEXT + " ZPC staging differs."], [])
    assert written.phrase("ZPC") is None
    assert Acronyms([_TEXT], ["ZPC"]).phrase("ZPC") is None


def test_two_terms_with_the_same_initials_are_not_guessed_between() -> None:
    text = "zeta pancreatic cancer; zeta pancreatic cancer; zonal prostate cancer; " * 2
    assert Acronyms([text], []).phrase("ZPC") is None


def test_the_question_is_answered_with_the_phrase_in_its_place(tmp_path: Path) -> None:
    doc = (
        "Circulating DNA was detected in 95% of patients with advanced zetopharyngeal "
        "carcinoma. Zetopharyngeal carcinoma is common in the south."
    )
    assert _answers_in(
        tmp_path, doc, "In advanced ZPC, how often is circulating DNA detected?"
    ) == ["95% of patients"]
