"""Two lists paired "respectively": "A, B and C, driven by X, Y and Z, respectively" pairs B
with Y. A question that names B and asks for its kind of thing is answered by Y, not by the
first name of the second list nor by the sentence.

The second list is the coordinated series that ends at "respectively"; the first is the run of
names before it written like the question's name ("ZCL-A, ZCL-B …" for "ZCL-B"). They pair only
when both hold as many items: otherwise the sentence pairs something else.
"""

from __future__ import annotations

import re

from ..mentions import named_tokens
from ..series import series, series_items

__all__ = ["respective_item"]

_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
# How far before "respectively" the second list may end: ", " or "), ".
_REACH = 3


def respective_item(text: str, name: str) -> tuple[int, int] | None:
    """Where the item that `text` pairs with `name` stands, or None when it pairs none."""
    said = _RESPECTIVELY.search(text)
    if said is None:
        return None
    ending = [s for s in series(text, least=2) if 0 <= said.start() - s[1] <= _REACH]
    if not ending:
        return None
    start, end = ending[-1]
    items = series_items(text, start, end)
    shape = _shape(name)
    firsts = [n for n in named_tokens(text[:start]) if _shape(n) == shape]
    firsts = list(dict.fromkeys(firsts))
    if len(firsts) != len(items) or name not in firsts:
        return None
    return items[firsts.index(name)]


def _shape(word: str) -> str:
    """How a name is written, by kind of character: "ZCL-B" and "ZCL-A" alike, not "NE-low"."""
    classes = re.sub(r"[A-Z]", "A", re.sub(r"[a-z]", "a", re.sub(r"\d", "9", word)))
    return re.sub(r"(.)\1+", r"\1", classes)
