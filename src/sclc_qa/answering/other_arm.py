"""A figure from a comparison other than the one asked: "the HR for A versus B?" is not answered
by a sentence whose arms are C and B ("longer in the C group than in the B group"), however
well the rest of it reads."""

from __future__ import annotations

import re
from itertools import permutations

from ..mentions import is_druglike, written
from ..question import Profile

__all__ = ["other_comparison"]

# Two names the question sets against each other: "A versus B", "A vs. B", "A compared with B".
_SIDES = re.compile(
    r"([\w+/-]+)\s+(?:versus|vs\.?|compared\s+(?:with|to)|against)\s+(?:the\s+)?([\w+/-]+)"
)
# An arm a sentence labels: "in the C group", "with the C arm" (one or two words before it).
_ARM = re.compile(r"\b(?:in|with)\s+the\s+([\w+/-]+(?:\s+[\w+/-]+)?)\s+(?:group|arm)\b", re.I)


def other_comparison(prof: Profile, sentence: str, around: list[str]) -> tuple[str, str] | None:
    """(what is asked, what the sentence compares) when the question sets two names against
    each other and the sentence's labelled arms keep one of them but set it against a third,
    the other name written neither in the sentence nor in what it sits under."""
    arms = [m.group(1) for m in _ARM.finditer(sentence)]
    asked = next((m for m in _SIDES.finditer(prof.text) if all(map(_named, m.groups()))), None)
    if len(arms) < 2 or asked is None:
        return None
    for a, b in permutations(asked.groups()):
        if any(written(a).search(text) for text in around):
            continue
        kept = [arm for arm in arms if written(b).search(arm)]
        others = [arm for arm in arms if arm not in kept]
        if kept and others:
            return f"{asked[1]} against {asked[2]}", f"{others[0]} against {b}"
    return None


def _named(word: str) -> bool:
    """Whether a side is a name: a regimen's letters or a code ("R-CHOP", "ZX-12"), or a drug."""
    return re.search(r"[A-Z0-9]", word) is not None or is_druglike(word)
