"""The coordinated-series grammar: which comma runs enumerate, and where a series starts and
ends."""

from __future__ import annotations

import pytest

from sclc_qa.series import series, series_items


def _read(text: str, least: int = 3) -> list[str]:
    return [text[a:b] for a, b in series(text, least=least)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A lead-in ("include", "associated with", "exposure to") is not the first item.
        (
            "Local options include laser ablation, cryotherapy, and zento-blue light therapy.",
            ["laser ablation, cryotherapy, and zento-blue light therapy"],
        ),
        (
            "These variants are associated with male sex, older age, a history of asthma, and "
            "poor outcome.",
            ["male sex, older age, a history of asthma, and poor outcome"],
        ),
        # Without the serial comma, the last part joins two items.
        ("Quartz, talc, soot and tar are known risk factors.", ["Quartz, talc, soot and tar"]),
        # A series in brackets ends at its bracket; a bracket inside an item does not cut it.
        (
            "Each subtype has its factor (ZX1, ZX2, zento homeobox 3 (ZH3) and quell protein 1 "
            "(QP1), respectively).",
            ["ZX1, ZX2, zento homeobox 3 (ZH3) and quell protein 1 (QP1)"],
        ),
        # A first part that sums up the series names it; it is not an item.
        (
            "The three trials, ZENITH-1, ZENITH-2, and ZENITH-3, were approved.",
            ["ZENITH-1, ZENITH-2, and ZENITH-3"],
        ),
        # What follows the closing item is another clause.
        (
            "Schedules include 20 Gy × 2, 10 Gy × 4, and 8 Gy × 5, and give a higher dose.",
            ["20 Gy × 2, 10 Gy × 4, and 8 Gy × 5"],
        ),
    ],
)
def test_series_are_read_whole(text: str, expected: list[str]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Clauses joined by commas: a finite verb, a participle.
        "In 2020, the trial enrolled 300 patients, and the results were positive.",
        "Recently, several early and late studies have combined zentamab with quellimab.",
        "Zentamab moves T cells to the tumour, generating a response, and forming memory.",
        # Two items and no conjunction: a citation, not a series.
        "Zentamab was approved (12, 13).",
        # A long part is a clause, not an item.
        "Zentamab, which was developed over many years by a large group of scientists in "
        "several countries around the world, quellimab, and talc were compared.",
    ],
)
def test_clauses_and_citations_are_not_series(text: str) -> None:
    assert _read(text) == []


def test_two_items_count_only_when_asked_for() -> None:
    text = "Options include zentamab and quellimab."
    assert _read(text) == []
    assert _read("Options include zentamab, quellimab, and talc.", least=3) == [
        "zentamab, quellimab, and talc"
    ]


def test_a_series_splits_into_its_items_at_its_own_bracket_depth() -> None:
    text = "driven by ZF1, ZF2, homeobox 3 (ZF3, a factor) and ZF4, respectively"
    start, end = text.index("ZF1"), text.index(", respectively")
    items = [text[a:b] for a, b in series_items(text, start, end)]
    assert items == ["ZF1", "ZF2", "homeobox 3 (ZF3, a factor)", "ZF4"]


def test_a_summing_first_part_with_one_item_after_it_is_no_series() -> None:
    """ "These trials set X as the standard, extending A and B": a first part that sums up, and
    one part after it, leave no items to read (this once raised an IndexError)."""
    text = "These trials set zentamab as the standard, extending OS to 12 months and PFS to 5."
    assert all(isinstance(s, tuple) for s in series(text, least=2))


def test_a_scene_set_before_a_comma_is_no_item_of_the_series_announced_after_it() -> None:
    text = "Currently, the agents mainly include zentamab (ZM), quellimab (QM), and talc therapy."
    assert _read(text) == ["zentamab (ZM), quellimab (QM), and talc therapy"]
    # Without a word that announces items, the scene stays where it was: no series.
    assert (
        _read("In addition, zentamab is tried with quellimab, a pairing that spares T cells.") == []
    )
