"""Figures of subjects asked side by side and stated in one sentence.

"How common are ZRK1 fusions and ZRK2 amplifications?" asks one figure per subject. A sentence
that lists them ("…, including ZRK1 fusions (in 3% of cases), ZRK2 amplifications (~1%), and …")
answers with the run from the first subject to the last one's figure: each figure is quoted
with the subject it belongs to, and nothing after the last is taken in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..question_parts import coordinated_phrases
from ..spans import Span
from .runs import balanced

__all__ = ["labelled_pair", "side_by_side"]


def side_by_side(
    text: str,
    spans: Sequence[Span],
    names: Sequence[str],
    widen: Callable[[Span], tuple[int, int]],
) -> tuple[int, int] | None:
    """(start, end) in `text` from the first of `names` to the widened figure of the last,
    when each name is followed by a figure of its own among `spans` before the next name
    comes; None when any name is missing here or lacks a figure of its own ("A and B rose to
    30% and 40%, respectively" pairs them by order, not by place, and is left to the caller)."""
    spans = [
        sp for sp in spans if sp.kind not in ("cell", "group")
    ]  # a table's cells are answered cell by cell
    if len(names) < 2 or len(spans) < 2:
        return None
    at = []
    for name in names:
        found = re.search(rf"(?<![\w-]){re.escape(name)}(?!\w)", text, re.I)
        if found is None:
            return None
        at.append(found.start())
    at.sort()
    last: Span | None = None
    for pos, nxt in zip(at, [*at[1:], len(text)], strict=True):
        last = next((sp for sp in spans if pos <= sp.start < nxt), None)
        if last is None:
            return None
    assert last is not None
    return balanced(text, at[0], widen(last)[1])


def labelled_pair(
    question: str,
    text: str,
    spans: Sequence[Span],
    widen: Callable[[Span], tuple[int, int]],
) -> tuple[int, int] | None:
    """`side_by_side` for plain phrases the question joins by "and" ("how often were zentic
    pain and visual loss seen?"), the longest pair the text labels a figure with each of."""
    for pair in coordinated_phrases(question):
        found = side_by_side(text, spans, pair, widen)
        if found is not None:
            return found
    return None
