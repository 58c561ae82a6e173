"""lexical.py: the tokens BM25 and sentence scoring share."""

from __future__ import annotations

import pytest

from sclc_qa.lexical import STOPWORDS, normalize, stem, tokenize


@pytest.mark.parametrize(
    "name", ["ASTRUM-005", "NCT04885998", "PD-L1", "IMpower133", "CD8+", "ES-SCLC", "0.73"]
)
def test_names_survive_whole(name: str) -> None:
    assert name.lower() in tokenize(f"In {name}, benefit was seen.")


def test_compounds_also_yield_their_stemmed_parts() -> None:
    assert tokenize("anti-angiogenic agents") == [
        "anti-angiogenic",
        "anti",
        stem("angiogenic"),
        stem("agents"),
    ]
    assert tokenize("anti-angiogenic", parts=False) == ["anti-angiogenic"]
    # Short and numeric parts are not split out: "PD-L1" never matches a bare "pd".
    assert tokenize("PD-L1") == ["pd-l1"]
    assert tokenize("ASTRUM-005") == ["astrum-005", "astrum"]


def test_plain_words_are_stemmed_and_stopwords_dropped() -> None:
    assert tokenize("What was the overall survival in the trial?") == [
        stem("overall"),
        stem("survival"),
    ]
    assert stem("survival") == stem("survivals")
    assert {"what", "the", "trial", "vs"} <= STOPWORDS


def test_statistics_tokenise_to_their_numbers() -> None:
    assert tokenize("HR = 0.73; 95% CI 0.59 - 0.91") == ["hr", "0.73", "95", "ci", "0.59", "0.91"]


def test_unicode_dashes_and_widths_are_normalised() -> None:
    assert tokenize("PD\u2011L1 PD\u2013L1 PD\u2212L1 ＰＤ-Ｌ1") == ["pd-l1"] * 4
    assert normalize("  Overall\u00a0Survival \u2212 HR\t0.73 ") == "overall survival - hr 0.73"
