"""Whose figure a bracket in a list gives: "… ZAP amplifications (20–30%), QUELL mutations
(~25%), and losses of genes such as ZKT2" states a share for ZAP and for QUELL, and none for
ZKT2. A figure in brackets after a list's item is that item's; a name the question asks that
the sentence writes only in a later item, past the bracket, is not what the figure is of."""

from __future__ import annotations

import re

from ..mentions import written
from ..question import Profile
from ..spans import Span

__all__ = ["of_other_items"]

# What ends one item of a list and opens the next, right after an item's bracket: "), ", "); and ".
_NEXT_ITEM = re.compile(r"\)\s*[,;]\s*(?:and\s+|or\s+)?")
# What opens an item of a list: a comma or semicolon before it, a colon, or "including" / "such
# as" (the item runs from there to its bracket).
_ITEM_OPENS = re.compile(r"(?:[,;:]|\bincluding|\bsuch as)\s+[^,;:()]*$", re.I)
# How much a bracket may hold beside its figure and still be the item's own ("(in 20–30% of
# cases)"): a few words.
_BRACKET_REST = 24


def of_other_items(text: str, spans: list[Span], prof: Profile) -> list[Span]:
    """`spans` less the figures bracketed after a list's item when every name the question asks
    that the sentence writes comes only in a later item."""
    found = [m for n in (*prof.names, *prof.aliases) if (m := written(n).search(text))]
    if not found:
        return spans
    first = min(m.start() for m in found)
    return [sp for sp in spans if not _an_earlier_items(text, sp, first)]


def _an_earlier_items(text: str, span: Span, first_name: int) -> bool:
    """Whether `span` is bracketed after a list's item that ends before `first_name`, the next
    item opening right after its bracket."""
    opened = text.rfind("(", 0, span.start)
    closed = text.find(")", span.end)
    if opened < 0 or closed < 0 or closed > first_name:
        return False
    if ")" in text[opened : span.start] or "(" in text[span.end : closed]:
        return False  # the figure is not inside this one bracket
    if (span.start - opened) + (closed - span.end) > _BRACKET_REST:
        return False  # a bracket of its own sentence, not an item's figure
    return bool(_NEXT_ITEM.match(text, closed)) and bool(_ITEM_OPENS.search(text, 0, opened))
