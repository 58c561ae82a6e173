"""The alternatives a comparison question offers ("A in X or B in Y", "between A and B"), read
from its wording alone: which names stand on each side, and the question with the other sides
taken out so that each subject can be searched for on its own."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from itertools import pairwise

from ..mentions import written
from ..vocabulary import squash

__all__ = ["offers_alternatives", "one_regimen", "rarest_per_side", "sides_of", "without_others"]

# What separates the alternatives a question offers: "A or B", "A vs B", "A versus B"; not the
# "or" of a bound ("50% or more", "aged 70 or older").
_ALTERNATIVES = re.compile(
    r",?\s+(?:or(?!\s+(?:more|less|higher|lower|greater|fewer|above|below|older|younger|"
    r"longer|shorter|later|earlier|over|under|worse|better)\b)|vs\.?|versus)\s+",
    re.I,
)
# "Between A and B, which …": the two sides of the choice.
_BETWEEN = re.compile(r"\bbetween\s+(.+?)\s+and\s+(.+)", re.I)
# What joins the drugs of one combination: "A, B and C", "A plus B", "A + B", "A/B", "A with B";
# a short word may end a name first ("zetamycin C, …", "interferon alfa and …").
_JOINED = re.compile(
    r"(?:\s+[A-Za-z0-9-]{1,4})?\s*(?:,\s*(?:and\s+)?|\s(?:and|plus|with)\s|\+|/)\s*", re.I
)
# What sets a list up as a choice: "between A and B", "which of A, B and C", "among A and B".
_CHOOSES = re.compile(r"\b(?:between|which of|one of|each of|among|amongst|either|both)\s*$", re.I)
# What marks drugs joined by "and" as given together: "with A and B", "the combination of",
# "regimen", "arm".
_TOGETHER = re.compile(r"\b(?:with|combination|combined|regimens?|arms?|doublet|triplet)\b", re.I)


def offers_alternatives(text: str) -> bool:
    """Whether the question sets subjects side by side ("A in X versus B in Y")."""
    return len(sides_of(text)) >= 2


def sides_of(text: str) -> list[str]:
    """The alternatives a question offers: "between A and B", else what "or" / "vs" separate
    after its last colon (one side when it offers none)."""
    between = _BETWEEN.search(text)
    if between:
        return list(between.groups())
    sides = _ALTERNATIVES.split(text.split(":")[-1])
    # The first alternative starts after the last comma before it: "Per the ZX registry, was
    # it commoner in stage A or B?" offers A or B, not the registry.
    sides[0] = re.split(r"[,;]\s", sides[0])[-1]
    return sides


def one_regimen(text: str, names: Sequence[str]) -> bool:
    """Whether `names` are written as one combination ("with zetamycin, zetaplatin and
    quellplatin", "A plus B"), which is one arm's treatment, not alternatives to compare; a list
    set up as a choice ("between A and B", "which of A, B and C") is not one, nor a bare "A and
    B" that nothing marks as given together ("with", "plus", a combination, a regimen, an arm)."""
    found = sorted(
        (m.start(), m.end())
        for n in names
        if (m := re.compile(written(n).pattern, re.I).search(text)) is not None
    )
    if len(found) < 2 or len(found) < len(set(names)):
        return False
    gaps = [text[a_end:b_start] for (_, a_end), (b_start, _) in pairwise(found)]
    if not all(_JOINED.fullmatch(gap) for gap in gaps) or _CHOOSES.search(text[: found[0][0]]):
        return False
    together = any(not re.fullmatch(r"[\w\s-]*\band\s*", gap) for gap in gaps)
    return together or _TOGETHER.search(text) is not None


def rarest_per_side(
    sides: Sequence[str], names: Sequence[str], share: Mapping[str, float]
) -> list[str] | None:
    """Each side's rarest name (least shared by the corpus's passages), when every side has one
    and no two sides the same; else None."""
    picked = [
        min(here, key=lambda n: share.get(squash(n), 0.0))
        for side in sides
        if (here := [n for n in names if n in side])
    ]
    return picked if len(picked) == len(sides) and len(set(picked)) == len(picked) else None


def without_others(text: str, names: Sequence[str]) -> str:
    """The question with the other compared names taken out, so a search finds this one's: the
    other alternatives whole when the question lists them after a colon ("…: X in A, or Y in
    B?" keeps "…: X in A"), else the other names."""
    head, colon, tail = text.rpartition(":")
    sides = _ALTERNATIVES.split(tail)
    if colon and len(sides) >= 2:
        kept = [side for side in sides if not any(n in side for n in names)]
        if kept and len(kept) < len(sides):
            return " ".join(f"{head}{colon} {' '.join(kept)}".split())
    for name in names:
        text = written(name).sub(" ", text)
    return " ".join(text.split())
