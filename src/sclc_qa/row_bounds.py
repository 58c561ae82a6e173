"""The ranges a question bounds ("larger than 10 cm", "5 or fewer mitoses", "more than 5 and up
to 10 cm") and the ranges a table row's cells state ("≤2", ">2 to ≤5", ">5 per 50", a unit
in the column's header: "Size (cm)"): how well a row's ranges match the asked ones, each
asked range to its own cell. A risk table by size and count is read this way."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import permutations

__all__ = ["Bounded", "asked_ranges", "match", "stated_ranges"]

_NUM = r"(\d+(?:\.\d+)?)(?!\.?\d)"
_UNIT = r"(?:\s*(cm|mm)\b)?"
_ABOVE = r">=|≥|>|over|above|more than|larger than|greater than|bigger than|exceeding|at least"
_BELOW = (
    r"<=|≤|<|under|below|less than|fewer than|smaller than|up to|at most|"
    r"(?:not|no)\s+(?:more|larger|greater|bigger)\s+than|not\s+(?:over|above|exceeding)"
)
# "> 10 cm", "up to 10", "5 cm or larger", "5 or fewer"; not a share ("> 50%") or an age.
_BOUND = re.compile(
    rf"(?:(?P<above>{_ABOVE})|(?P<below>{_BELOW}))\s*{_NUM}{_UNIT}(?!\s*%|\s*(?:years?|y)\b)|"
    rf"(?<![\d.]){_NUM}{_UNIT}\s+or\s+(?:(?P<more>more|larger|greater|bigger|above|higher)|"
    r"(?:fewer|less|smaller|under|below|lower))\b",
    re.I,
)
# What may stand between a range's lower and upper bound: "> 2 to ≤ 5", "> 3 cm but ≤ 4 cm",
# "more than 5 and up to 10".
_JOIN = re.compile(r"\s*(?:cm|mm)?\s*(?:,\s*)?(?:to|and|but|-|–)?\s*(?:not\s+)?$", re.I)
_MM = {"cm": 10.0, "mm": 1.0}
# A header's unit: "Size (cm)", "Diameter, mm".
_HEADER_UNIT = re.compile(r"[(,]\s*(cm|mm)\s*\)?", re.I)


@dataclass(frozen=True)
class Bounded:
    """A range from `low` to `high` (either end open: ±infinity), in millimetres when a size
    (`sized`), else in the text's own numbers."""

    low: float
    high: float
    sized: bool

    def within(self, other: Bounded) -> bool:
        return other.low <= self.low and self.high <= other.high

    def meets(self, other: Bounded) -> bool:
        return self.low < other.high and other.low < self.high


def _ranges(text: str, unit: str | None = None) -> list[Bounded]:
    """The ranges `text` bounds, a lower bound and the upper one after it joined into one (in
    the unit either gives: "more than 5 and up to 10 cm")."""
    found: list[tuple[int, float, float, str]] = []  # end, low, high, unit
    for m in _BOUND.finditer(text):
        first = m.group(3) is not None
        value = float(m.group(3) if first else m.group(5))
        used = (m.group(4 if first else 6) or unit or "").lower()
        above = m.group("above") is not None or m.group("more") is not None
        if found and not above:
            end, low, high, lower_unit = found[-1]
            if math.isinf(high) and low < value and _JOIN.fullmatch(text, end, m.start()):
                found[-1] = (m.end(), low, value, used or lower_unit)
                continue
        found.append(
            (m.end(), value, math.inf, used) if above else (m.end(), -math.inf, value, used)
        )
    return [
        Bounded(low * _MM.get(used, 1.0), high * _MM.get(used, 1.0), used in _MM)
        for _, low, high, used in found
    ]


def asked_ranges(question: str) -> list[Bounded]:
    """The ranges a question bounds: "a zetoma larger than 10 cm with 5 or fewer mitoses" →
    (100 mm, ∞) and (−∞, 5)."""
    return _ranges(question)


def stated_ranges(cells: Sequence[tuple[str, str]]) -> list[Bounded]:
    """The ranges a row's (header, cell text) pairs state, a cell's numbers in its header's
    unit when it gives one."""
    out: list[Bounded] = []
    for header, text in cells:
        unit = _HEADER_UNIT.search(header)
        out.extend(_ranges(text, unit.group(1) if unit else None))
    return out


def match(asked: Sequence[Bounded], stated: Sequence[Bounded]) -> float | None:
    """How well the stated ranges match the asked ones, each asked range paired with its own
    stated one: 1 when each is stated as asked, less for a range that only holds or lies in
    the asked one, 0 for one the row contradicts. None when either side bounds nothing."""
    if not asked or not stated:
        return None
    asked, stated = list(asked)[:_MOST], list(stated)[:_MOST]
    pad = [None] * max(0, len(asked) - len(stated))
    best = 0.0
    for order in permutations([*stated, *pad], len(asked)):
        best = max(best, sum(_pair(a, s) for a, s in zip(asked, order, strict=True)))
    return best / len(asked)


# Ranges paired at most (a row of many bounds is read by its first few).
_MOST = 4


def _pair(asked: Bounded, stated: Bounded | None) -> float:
    if stated is None or asked.sized != stated.sized or not asked.meets(stated):
        return 0.0
    if asked == stated:
        return 1.0
    return 0.5 if asked.within(stated) or stated.within(asked) else 0.25
