"""Figures a sentence writes in more than one piece, read as one: a count with its share in the
bracket after it ("6 (9%)"), two rates as the ends of one range ("between 1 in 150,000 and 1 in
400,000"), and an age a sentence states of its subject ("the age at diagnosis ranges from 18 to
75 years"). `spans` finds each piece; these say where the whole figure stands."""

from __future__ import annotations

import re

__all__ = ["count_before", "joined_bounds", "joined_ranges", "stated_ages"]


def count_before(text: str, at: int) -> tuple[int, int] | None:
    """Where the count stands whose share in brackets opens just before `at` ("died in 6 (9%)"
    or "6 [9%]" → the "6"), or None."""
    counted = _COUNT_BEFORE.search(text, 0, at)
    return counted.span(1) if counted is not None else None


def joined_ranges(text: str, places: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """`places` (in order) with two rates written as the ends of one range joined: "between 1 in
    150,000 and 1 in 400,000", "between 10% and 20%", "1 in 200 to 1 in 500" (not "10% and 20%"
    without "between": two figures). Each as (start, end, index of its first piece)."""
    out: list[tuple[int, int, int]] = []
    for i, (start, end) in enumerate(places):
        last = out[-1] if out else None
        if last is not None and _RANGE_JOIN.fullmatch(text, last[1], start):
            opened = _BETWEEN.search(text, 0, last[0])
            if opened is not None or text[last[1] : start].strip() != "and":
                out[-1] = (opened.start() if opened is not None else last[0], end, last[2])
                continue
        out.append((start, end, i))
    return out


def stated_ages(text: str) -> list[tuple[int, int]]:
    """Where the ages a sentence states of its subject stand: "The age at diagnosis ranges from
    18 to 75 years", "median age, 49 y", "between the ages of 25 and 70 years"."""
    return [m.span("value") for m in _AGE_STATED.finditer(text)]


_RANGE_JOIN = re.compile(r"\s+(?:and|to)\s+")
_BETWEEN = re.compile(r"\b(?:between|from)\s+$", re.I)
_AGE_STATED = re.compile(
    r"\bages?\b[^.;()\d]{0,40}?(?:\b(?:ranged?|ranges|was|were|is|of|from|between)\s+|,\s*)"
    r"(?:from\s+|between\s+)?(?P<value>\d+(?:\.\d+)?(?:\s*(?:to|and|[-‒–])\s*\d+(?:\.\d+)?)?"
    r"\s+(?:years?|y)\b)",
    re.I,
)
# A count with its share in the bracket after it ("died in 6 (9%)"), not a label's number
# ("grade 3 (7%)", "day 8 (7%)") nor a number ending another figure ("1.5 (7%)", "1/5 (7%)",
# "4 of 70 (6%)").
_COUNT_BEFORE = re.compile(
    r"(?<![\w.,/–‒-])(?<!grade )(?<!stage )(?<!phase )(?<!type )(?<!day )(?<!week )(?<!cycle )"
    r"(?<!arm )(?<!level )(?<!table )(?<!figure )(?<!of )(\d{1,3}(?:,\d{3})*)\s*[(\[]\s*$",
    re.I,
)


# Two bounds of one measure: "> 1 cm but ≤ 2 cm", "≥ 5 mm and < 10 mm".
_LOWER_BOUND = re.compile(r"\s*[>≥]")
_UPPER_BOUND = re.compile(r"\s*(?:but|and)\s+[<≤]")


def joined_bounds(text: str, places: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """`places` (in order) with a lower bound and the upper bound after it joined into one
    measure ("> 1 cm but ≤ 2 cm"), each as (start, end, index of its first piece)."""
    out: list[tuple[int, int, int]] = []
    for i, (start, end) in enumerate(places):
        last = out[-1] if out else None
        if (
            last is not None
            and _LOWER_BOUND.match(text, last[0])
            and _UPPER_BOUND.fullmatch(text[last[1] : start + 1])
        ):
            out[-1] = (last[0], end, last[2])
            continue
        out.append((start, end, i))
    return out
