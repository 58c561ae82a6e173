"""A figure from a comparison other than the one asked: "the HR for A versus B?" is not answered
by a sentence whose arms are C and B ("longer in the C group than in the B group"), however
well the rest of it reads."""

from __future__ import annotations

import re
from itertools import permutations

from ..mentions import is_druglike, says_word, written
from ..question import Profile

__all__ = ["other_comparison"]

# Two names the question sets against each other: "A versus B", "A vs. B", "A compared with B".
_SIDES = re.compile(
    r"([\w+/-]+)\s+(?:versus|vs\.?|compared\s+(?:with|to)|against)\s+(?:the\s+)?([\w+/-]+)",
    re.I,
)
# An arm a sentence labels: "in the C group", "with the C arm" (one or two words before it).
_ARM = re.compile(r"\b(?:in|with)\s+the\s+([\w+/-]+(?:\s+[\w+/-]+)?)\s+(?:group|arm)\b", re.I)
# What a side's word may end with besides its name: "ZR-CHOP-based", "zentamab-treated".
_SUFFIX = re.compile(r"-(?:based|treated|containing|alone|only|like|arm|group)$", re.I)


def other_comparison(prof: Profile, sentence: str, around: list[str]) -> tuple[str, str] | None:
    """(what is asked, what the sentence compares) when the question sets two names against
    each other and the sentence's labelled arms keep one of them but set it against a third,
    one that neither name is part of, the other name written neither in the sentence nor in
    what it sits under."""
    arms = [m.group(1) for m in _ARM.finditer(sentence)]
    asked = next((m for m in _SIDES.finditer(prof.text) if all(map(_named, m.groups()))), None)
    if len(arms) < 2 or asked is None:
        return None
    sides = [_SUFFIX.sub("", side) for side in asked.groups()]
    for a, b in permutations(sides):
        if any(_part_of(a, text) for text in around):
            continue
        kept = [arm for arm in arms if _part_of(b, arm)]
        others = [arm for arm in arms if not _part_of(b, arm) and not _part_of(a, arm)]
        if kept and others:
            return f"{sides[0]} against {sides[1]}", f"{others[0]} against {b}"
    return None


def _named(word: str) -> bool:
    """Whether a side is a name: a regimen's letters or a code ("ZR-CHOP", "ZX-12"), or a drug."""
    return re.search(r"[A-Z0-9]", word) is not None or is_druglike(word)


def _part_of(name: str, text: str) -> bool:
    """Whether `text` writes `name`, in any case, alone or as a hyphenated word's part
    ("zentamab" in "the zentamab-containing arm")."""
    return (
        says_word(text, name)
        or written(name).search(text) is not None  # "zentamab and quellin" for "zentamab-quellin"
    )
