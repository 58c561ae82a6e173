"""Figures of subjects asked side by side and stated in one sentence.

"How common are ZRK1 fusions and ZRK2 amplifications?" asks one figure per subject. A sentence
that lists them ("…, including ZRK1 fusions (in 3% of cases), ZRK2 amplifications (~1%), and …")
answers with the run from the first subject to the last one's figure: each figure is quoted
with the subject it belongs to, and nothing after the last is taken in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..question import Profile, profile
from ..question_parts import coordinated, coordinated_phrases, part_questions
from ..spans import Span
from .figures import FigureExtractor
from .runs import balanced

__all__ = ["side_by_side", "side_by_side_asked"]


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


def side_by_side_asked(
    figures: FigureExtractor, prof: Profile, sid: int, text: str, spans: Sequence[Span]
) -> tuple[int, int] | None:
    """The run of sentence `sid` (`text`, its markup masked; `spans`, its figures of the asked
    kind) that answers each subject a figure question asks side by side: names ("how common
    are ZRK1 and ZRK2 fusions?"), else plain phrases joined by "and" ("how often were zentic
    pain and visual loss seen?"), else the parts it asks in turn ("the remission rate, and how
    much infection?"); None otherwise."""

    def widen(sp: Span) -> tuple[int, int]:
        return figures.widen(text, sp, prof)

    names = coordinated(prof)
    if len(names) > 1:
        return side_by_side(text, spans, names, widen)
    for pair in coordinated_phrases(prof.text):
        found = side_by_side(text, spans, pair, widen)
        if found is not None:
            return found
    return _each_part(figures, prof, sid, text)


def _each_part(
    figures: FigureExtractor, prof: Profile, sid: int, text: str
) -> tuple[int, int] | None:
    """For a question asking figures of one kind in parts ("the remission rate, and how much
    zentic infection?"), the run from the best figure of the first part to that of the last,
    when each part has one of its own."""
    parts = part_questions(prof.text) if not prof.also else ()
    chosen = []
    for part in parts:
        ranked = figures.spans(sid, replace(profile(part + "?"), kind=prof.kind))
        if not ranked:
            return None
        chosen.append(ranked[0])
    if len({sp.start for sp in chosen}) < 2:
        return None
    last = max(chosen, key=lambda sp: sp.start)
    return balanced(text, min(sp.start for sp in chosen), figures.widen(text, last, prof)[1])
