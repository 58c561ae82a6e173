"""A definition asked of a table's row: "How is stage ZB defined?" is answered by the row
whose first cell is "ZB" under "Stage", when the ranking puts another candidate first (a
sentence about the staging system, a row of another table)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .scoring import Scored

__all__ = ["ROW_ASKED_KINDS", "keyed_row"]

# Questions that a table row keyed by their subject answers whole (a definition; another
# question may ask one cell of a row, "what treatment for stage ZB?").
ROW_ASKED_KINDS = ("definition",)
# How far down the candidates such a row is looked for.
_ROW_LOOK = 6


def keyed_row(best: Scored, scored: Sequence[Scored], keyed: Callable[[int], bool]) -> Scored:
    """`best`, or when it is no row keyed by what the question asks (`keyed(sid)`), the first
    such row among the first candidates that names the question's subjects as well."""
    if keyed(best.sid):
        return best
    return next(
        (s for s in scored[1:_ROW_LOOK] if s.coverage >= best.coverage and keyed(s.sid)), best
    )
