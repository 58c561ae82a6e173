"""lexical.py: the tokens BM25 and sentence scoring share."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from sclc_qa.corpus import load_corpus
from sclc_qa.lexical import BM25, STOPWORDS, normalize, stem, tokenize

ROOT = Path(__file__).resolve().parent.parent


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
    # A negating prefix with a hyphen is also the word closed up: "non-zetal" is "nonzetal".
    assert stem("nonzetal") in tokenize("non-zetal") and stem("nonzetal") in tokenize("Nonzetal")


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


# ------------------------------------------------------------------ BM25


def test_bm25_scores_as_bm25s_does_on_both_evaluation_documents() -> None:
    """bm25s is the reference: the same scores, bit for bit, for every evaluation question
    over every block of the review and the PDQ summary; the same documents hold each term."""
    import bm25s

    docs = load_corpus(ROOT / "eval" / "corpus")
    passages = [
        tokenize(doc.text[b.start : b.end]) for doc in docs for s in doc.sections for b in s.blocks
    ]
    reference = bm25s.BM25()
    reference.index(passages, show_progress=False)
    ours = BM25(passages)
    questions = [
        json.loads(line)["question"]
        for name in ("questions.jsonl", "test.jsonl")
        for line in (ROOT / "eval" / name).read_text(encoding="utf-8").splitlines()
    ]
    assert len(passages) > 1000 and len(questions) > 1000
    for question in questions:
        terms = tokenize(question)
        if not terms:
            continue
        expected = np.asarray(reference.get_scores(terms))
        assert np.array_equal(ours.get_scores(terms), expected), question
        for term in terms:
            assert np.array_equal(ours.having(term), np.flatnonzero(reference.get_scores([term])))


def test_bm25_counts_repeated_terms_and_ignores_unknown_ones() -> None:
    bm25 = BM25([["pd-l1", "durvalumab"], ["etoposide"], ["durvalumab", "durvalumab"]])
    once, twice = bm25.get_scores(["durvalumab"]), bm25.get_scores(["durvalumab"] * 2)
    assert once[1] == 0 and once[2] > once[0] > 0
    np.testing.assert_allclose(twice, 2 * once)
    assert not bm25.get_scores(["nivolumab"]).any() and not bm25.get_scores([]).any()
    assert bm25.having("durvalumab").tolist() == [0, 2] and bm25.having("nivolumab").size == 0
    assert BM25([]).get_scores(["x"]).shape == (0,)


def test_bm25_weighs_each_term_by_its_given_weight() -> None:
    bm25 = BM25([["ros1", "rearrang"], ["non-small", "lung", "cancer"], ["lung"]])
    plain = bm25.get_scores(["ros1", "lung"])
    weighted = bm25.get_scores(["ros1", "lung"], [1.0, 0.25])
    np.testing.assert_allclose(weighted[0], plain[0])
    np.testing.assert_allclose(weighted[1:], 0.25 * plain[1:], rtol=1e-6)


def test_a_small_number_spelt_out_is_its_digits() -> None:
    assert tokenize("five-year survival") == tokenize("5-year survival")
    assert tokenize("after two years") == tokenize("after 2 years")
    assert "one" in tokenize("one of the arms")  # "one" alone is seldom a number
    assert tokenize("one-year rate") == tokenize("1-year rate")


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("tumour", "tumor"),
        ("tumours", "tumors"),
        ("favourable", "favorable"),
        ("randomised", "randomized"),
        ("randomisation", "randomization"),
        ("oesophageal", "esophageal"),
        ("anaemia", "anemia"),
        ("haematological", "hematological"),
        ("diarrhoea", "diarrhea"),
        ("paediatric", "pediatric"),
        ("centre", "center"),
        ("foetal", "fetal"),
        # Left alone: no British form, or "-ise" in American spelling too.
        ("four", "four"),
        ("hour", "hour"),
        ("promising", "promising"),
        ("exercise", "exercise"),
        ("otherwise", "otherwise"),
        ("raised", "raised"),
        ("does", "does"),
    ],
)
def test_british_spellings_read_as_american(british: str, american: str) -> None:
    from sclc_qa.lexical import american as spelled

    assert spelled(british) == american


def test_a_one_word_superlative_is_the_most_of_its_adjective() -> None:
    """ "The commonest subtype" asks what a text writes as "the most common subtype"."""
    assert tokenize("the commonest subtype") == tokenize("the most common subtype")
    assert tokenize("the rarest subtype") == tokenize("the most rare subtype")
