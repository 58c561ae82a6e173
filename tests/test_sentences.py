"""sentences.py: sentence boundaries in scientific prose."""

from __future__ import annotations

import itertools

import pytest

from sclc_qa.models import Document
from sclc_qa.sentences import split_sentences


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Horn et al. reported a benefit. It was modest.",
            ["Horn et al. reported a benefit.", "It was modest."],
        ),
        (
            "Paz-Ares et al. In the CASPIAN study durvalumab helped. Next.",
            ["Paz-Ares et al. In the CASPIAN study durvalumab helped.", "Next."],
        ),
        (
            "Horn et\u00a0al. In IMpower133 it helped. Next.",
            ["Horn et\u00a0al. In IMpower133 it helped.", "Next."],
        ),
        (
            "Atezolizumab vs. Placebo was tested. Then more.",
            ["Atezolizumab vs. Placebo was tested.", "Then more."],
        ),
        (
            "Some agents, e.g. Cisplatin, were tested. Others i.e. Etoposide too.",
            ["Some agents, e.g. Cisplatin, were tested.", "Others i.e. Etoposide too."],
        ),
        (
            "Median OS was 13.0 months vs 10.3 months. HR 0.73 held.",
            ["Median OS was 13.0 months vs 10.3 months.", "HR 0.73 held."],
        ),
        (
            "OS improved (HR = 0.73; 95% CI 0.59 - 0.91; P = 0.0047) in CASPIAN. Next one.",
            ["OS improved (HR = 0.73; 95% CI 0.59 - 0.91; P = 0.0047) in CASPIAN.", "Next one."],
        ),
        (
            "The HR = 0.73 and 95% CI 0.59 - 0.91 were reported. Next.",
            ["The HR = 0.73 and 95% CI 0.59 - 0.91 were reported.", "Next."],
        ),
        (
            "This was confirmed (15–17, 73–75). The next trial failed.",
            ["This was confirmed (15–17, 73–75).", "The next trial failed."],
        ),
        (
            "The drug (approved in 2019. See the label) works. It is used.",
            ["The drug (approved in 2019. See the label) works.", "It is used."],
        ),
        (
            "FZ-AD005 combines FZ-A038 with DXd (154).In Cell line-derived xenograft models it "
            "worked.",
            [
                "FZ-AD005 combines FZ-A038 with DXd (154).",
                "In Cell line-derived xenograft models it worked.",
            ],
        ),
        (
            "Approximately 250,000 patients were treated in 2022. Most died.",
            ["Approximately 250,000 patients were treated in 2022.", "Most died."],
        ),
        ("Is it effective? Yes! It is.", ["Is it effective?", "Yes!", "It is."]),
        ("Samples from J. Smith were used. Done.", ["Samples from J. Smith were used.", "Done."]),
        ("A final clause without a period", ["A final clause without a period"]),
    ],
)
def test_boundaries(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_spans_are_trimmed_and_shifted_by_offset() -> None:
    text = "  First one.   Second one.  "
    assert split_sentences(text) == [(2, 12), (15, 26)]
    assert split_sentences(text, offset=100) == [(102, 112), (115, 126)]


def test_whitespace_only_text_has_no_sentences() -> None:
    assert split_sentences("   \n\t ") == []


def test_no_character_is_lost(corpus_doc: Document) -> None:
    text = corpus_doc.text
    for section in corpus_doc.sections:
        for block in section.blocks:
            if block.kind != "paragraph":
                continue
            spans = split_sentences(text[block.start : block.end], block.start)
            assert spans[0][0] == block.start and spans[-1][1] == block.end
            for (_, e1), (s2, _) in itertools.pairwise(spans):
                assert e1 <= s2 and not text[e1:s2].strip()


def test_the_caspian_sentence_is_one_sentence(corpus_doc: Document) -> None:
    block = next(
        b
        for s in corpus_doc.sections
        if s.id == "4.1.1"
        for b in s.blocks
        if "CASPIAN phase III study" in corpus_doc.text[b.start : b.end]
    )
    text = corpus_doc.text
    sentences = [text[s:e] for s, e in split_sentences(text[block.start : block.end], block.start)]
    caspian = [s for s in sentences if "CASPIAN phase III study" in s]
    assert caspian == [
        "Moreover, Paz-Ares et\u00a0al. reported that first-line treatment with durvalumab plus "
        "platinum and etoposide for ES-SCLC prolonged the median OS by 2.7 months (13.0 months vs "
        "10.3 months; HR = 0.73; 95% CI 0.59 - 0.91; P = 0.0047) in the CASPIAN phase III study "
        "(18)."
    ]


def test_prose_sentences_of_the_review_start_and_end_cleanly(corpus_doc: Document) -> None:
    text = corpus_doc.text
    odd = []
    for section in corpus_doc.sections:
        for block in section.blocks:
            if block.kind not in ("paragraph", "caption"):
                continue
            for s, e in split_sentences(text[block.start : block.end], block.start):
                sentence = text[s:e]
                if sentence[-1] not in ".?!" or not (sentence[0].isupper() or sentence[0] in '“"('):
                    odd.append(sentence[:60])
    assert odd == []
