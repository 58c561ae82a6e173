"""Which answer kinds are figures, and which question names are statistics rather than subjects."""

from __future__ import annotations

from ..domain import domain
from ..question_kinds import FIGURE_KINDS

__all__ = ["STATEMENT", "STAT_WORDS", "TYPED"]

# Kinds answered by a typed figure found by a grammar in spans.py: without one, no answer.
TYPED = FIGURE_KINDS | {"year"}
# Kinds answered by a statement, not a value: a table cell answers none of them.
STATEMENT = frozenset({"mechanism", "yesno", "definition"})
# Endpoint and statistic abbreviations: a question naming them says what is measured, not
# whose figure it is, so they never narrow coverage and are never an entity answer.
STAT_WORDS = domain().statistic_abbreviations
