"""Ranges a question bounds against the ranges a table row's cells state."""

from __future__ import annotations

import math

from sclc_qa.row_bounds import Bounded, asked_ranges, match, stated_ranges


def test_a_question_bounds_a_size_and_a_count_each_its_own_range() -> None:
    asked = asked_ranges("A zetoma over 10 cm with 5 or fewer mitoses per 50 fields?")
    assert asked == [Bounded(100.0, math.inf, True), Bounded(-math.inf, 5.0, False)]
    # A lower bound and the upper one after it are one range, in the unit either gives.
    assert asked_ranges("more than 5 and up to 10 cm") == [Bounded(50.0, 100.0, True)]
    assert asked_ranges("larger than 4 cm but not over 5 cm") == [Bounded(40.0, 50.0, True)]
    # A share and an age are other bounds' (`bounds.py`).
    assert asked_ranges("PD-L1 over 50% in patients older than 65") == []


def test_a_cell_reads_its_numbers_in_its_headers_unit() -> None:
    cells = [("Grade (mitoses)", ">5 per 50"), ("Size (cm)", ">2 to ≤5"), ("Rate (%)", "12")]
    assert stated_ranges(cells) == [
        Bounded(5.0, math.inf, False),
        Bounded(20.0, 50.0, True),
    ]
    assert stated_ranges([("T", "Tumor >3 cm but ≤4 cm.")]) == [Bounded(30.0, 40.0, True)]


def test_each_asked_range_is_matched_by_a_cell_of_its_own() -> None:
    asked = asked_ranges("over 10 cm with more than 5 mitoses")
    right = stated_ranges([("G", ">5 per 50"), ("Size (cm)", ">10")])
    # ">5" holds "over 10 cm" too, but it is the count's cell: one cell per asked range.
    smaller = stated_ranges([("G", ">5 per 50"), ("Size (cm)", "≤2")])
    assert match(asked, right) == 1.0
    assert match(asked, smaller) == 0.5
    assert match(asked, []) is None and match([], right) is None
