"""A sentence cut into its clauses: at semicolons, colons and the commas before a participle or
a relative word, never inside brackets. The explaining clause of a how/why answer is one of
them.
"""

from __future__ import annotations

import itertools
import re

from .spans import strip_citation

__all__ = ["clauses"]

_CLAUSE_CUT = re.compile(
    r";\s+|:\s+|,\s+(?=(?:thereby|which|while|whereas|leading|resulting|thus|offering|"
    r"supporting|providing|indicating|highlighting|suggesting|positioning|but|yet|where|"
    r"and thereby|enhancing|restoring|promoting|driving|inducing|triggering|culminating|"
    r"converting|rendering|allowing|forming|generating|preventing|demonstrating|showing|"
    r"reaching|yielding|achieving|extending|establishing|exerting|halting|recruiting)\b)"
)


def clauses(text: str) -> list[tuple[int, int]]:
    """Clause spans of a sentence, cut at semicolons, colons and participial commas, but never
    inside parentheses."""
    cuts = [0]
    depth = 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ";:,":
            m = _CLAUSE_CUT.match(text, i)
            if m:
                cuts.append(m.end())
    cuts.append(len(text) + 1)
    out = []
    for a, b in itertools.pairwise(cuts):
        s, e = strip_citation(text, a, min(b, len(text)))
        if e > s:
            out.append((s, e))
    return out
