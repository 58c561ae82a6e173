"""A question's word that a sentence also writes with a prefix that turns it into another
setting or group: asked "adjuvant", a sentence of "neoadjuvant zentamab (300 mg) …, then
adjuvant zentamab (150 mg)" gives the adjuvant dose second; asked "squamous", a rate that
follows "nonsquamous" is the other group's."""

from __future__ import annotations

from ..lexical import normalize, tokenize
from ..question import Profile

__all__ = ["after_prefixed", "prefixed_places"]

# Prefixes that make a word name another setting or group: before, around or after a step
# ("neo-", "pre-", "peri-", "post-"), or its negation ("non-", "un-").
_PREFIXES = ("neo", "non", "un", "pre", "peri", "post")
# Shorter question words would be found inside too many unrelated words.
_SHORTEST = 5


def prefixed_places(text: str, prof: Profile) -> list[tuple[list[int], list[int]]]:
    """For each word of the question that `text` writes both alone and prefixed: (where it
    stands alone, where it stands prefixed), as offsets in `text`."""
    norm = normalize(text)
    low = norm if len(norm) == len(text) else text.lower()
    out = []
    for term in dict.fromkeys(tokenize(prof.text, parts=False)):
        if len(term) < _SHORTEST or term.isdigit():
            continue
        alone: list[int] = []
        prefixed: list[int] = []
        at = low.find(term)
        while at != -1:
            word_start = at
            while word_start > 0 and (low[word_start - 1].isalpha() or low[word_start - 1] == "-"):
                word_start -= 1
            before = low[word_start:at].rstrip("-")
            if not before:
                alone.append(at)
            elif before in _PREFIXES:
                prefixed.append(at)
            at = low.find(term, at + len(term))
        if alone and prefixed:
            out.append((alone, prefixed))
    return out


def after_prefixed(places: list[tuple[list[int], list[int]]], at: int) -> bool:
    """Whether, for some such word, the nearest place before `at` is a prefixed one."""
    for alone, prefixed in places:
        last_alone = max((p for p in alone if p < at), default=-1)
        last_prefixed = max((p for p in prefixed if p < at), default=-1)
        if last_prefixed > last_alone:
            return True
    return False
