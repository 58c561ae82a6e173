"""Tumour kinds by their "-oma" words, in a question and in what a figure is stated for."""

from __future__ import annotations

from sclc_qa.answering.tumours import other_tumour, tumours


def test_tumour_kinds_are_read_with_the_words_that_narrow_a_generic_head() -> None:
    assert tumours("patients with recurrent zentoma") == {("zentoma",)}
    assert tumours("in zetic carcinoma and in squamous cell carcinomas") == {
        ("zetic", "carcinoma"),
        ("squamous", "cell", "carcinoma"),
    }
    assert tumours("the phase II trial") == frozenset()


def test_a_figure_for_another_tumour_kind_does_not_answer() -> None:
    question = "What median PFS did quellimab give in recurrent zentoma?"
    other = "Among patients with zetic carcinoma, median PFS was 7.1 months."
    assert other_tumour(question, [other]) == ("zentoma", "zetic carcinoma")
    # The sentence names none: the one before it in its paragraph says which.
    assert other_tumour(question, ["Median PFS was 7.1 months.", other]) == (
        "zentoma",
        "zetic carcinoma",
    )
    # A kind and a narrower or wider one of it are one population.
    assert other_tumour("ORR in adenocarcinoma?", ["In carcinoma, the ORR was 20%."]) is None
    assert other_tumour(question, ["In recurrent zentoma, median PFS was 7.1 months."]) is None
    assert other_tumour(question, ["Median PFS was 7.1 months."]) is None
