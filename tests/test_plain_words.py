"""A question in a reader's plain words where the documents use the clinical ones: an organ's
noun for the text's adjective ("stomach cancer" for "gastric cancer"), a compound of two organs
that names both ("esophagogastric"), and a rate's base that counts no one."""

from __future__ import annotations

from pathlib import Path

from sclc_qa.organ_words import OrganWords
from sclc_qa.routing import _same
from test_answering_stages import _answers_in


def test_an_organs_noun_is_read_as_the_adjective_the_documents_write() -> None:
    organs = OrganWords(["Gastric cancer is rare in Zetland.", "Zetamab for gastric cancer."])
    assert organs.read("How common is stomach cancer?") == "How common is gastric cancer?"
    # Only before a word the documents write after the adjective, and never after the noun.
    assert organs.read("What is the stomach wall?") == "What is the stomach wall?"
    written = OrganWords(["Stomach cancer is rare.", "Gastric cancer.", "Gastric cancer."])
    assert written.read("How common is stomach cancer?") == "How common is stomach cancer?"
    # Once is not enough: a stray use of the phrase.
    once = OrganWords(["Gastric cancer is rare in Zetland."])
    assert once.read("How common is stomach cancer?") == "How common is stomach cancer?"


def test_an_organs_noun_finds_the_figure_the_text_gives_by_its_adjective(tmp_path: Path) -> None:
    doc = (
        "An estimated 12,400 new gastric cancers will occur in Zetland in 2025. Gastric cancer "
        "deaths are fewer."
    )
    (cases,) = _answers_in(tmp_path, doc, "How many new stomach cancers will occur in Zetland?")
    assert cases == "12,400 new gastric cancers"


def test_a_compound_of_two_organs_names_both() -> None:
    # "zetoetal": the second organ after the first's combining vowel, in either stem's length.
    assert _same("etal", {"zetoetal", "cancer"})
    assert _same("etalic", {"zetoetal"})
    # Not a compound: the topic's letters at the end of a word without a combining vowel, or
    # after too short a first part.
    assert not _same("etal", {"brzetal"})
    assert not _same("etal", {"zoetal"})


def test_the_base_of_a_rate_counts_no_one(tmp_path: Path) -> None:
    doc = (
        "In people aged 25 to 39 years, zetal cancer rose from 0.27 cases per 100,000 "
        "individuals to 0.45 cases per 100,000 individuals."
    )
    (count,) = _answers_in(tmp_path, doc, "How many new cases of zetal cancer were there?")
    assert count is None or "100,000" not in count
