"""Where a question's words and names stand in a sentence, and how far a candidate span is from
them: the figure or name that answers sits next to what the question asks about."""

from __future__ import annotations

import math

from ..lexical import normalize, tokenize
from ..mentions import written
from ..question import Profile
from ..vocabulary import Vocabulary

__all__ = ["NAME_WEIGHT", "Anchors", "anchor_cost", "anchors"]

# A question's specific names outweigh its other words (weighted by rarity, at most 1) when
# placing a figure: "HR in trial X" is about X first.
NAME_WEIGHT = 10.0
# A generic name (one the corpus uses everywhere) still says more than a plain word.
_GENERIC_NAME_WEIGHT = 2.0

Anchors = list[tuple[float, list[tuple[int, int]]]]


def anchors(text: str, prof: Profile, vocab: Vocabulary) -> Anchors:
    """(weight, places) for each question word or name found in `text`: names that narrow the
    question weigh most, then words by rarity."""
    low = text.lower()
    groups: Anchors = []
    name_words: set[str] = set()
    # The text's abbreviation for a long form the question spells out stands for it as a name.
    for n in (*prof.names, *prof.aliases):
        places = [(m.start(), m.end()) for m in written(n.lower()).finditer(low)]
        name_words |= set(tokenize(n, parts=False))
        if places:
            groups.append((NAME_WEIGHT if vocab.specific(n) else _GENERIC_NAME_WEIGHT, places))
    norm = normalize(text) if len(normalize(text)) == len(text) else low
    top = vocab.default_idf
    for term in dict.fromkeys(tokenize(prof.text, parts=False)):
        if term in name_words or len(term) < 2 or term.isdigit():
            continue
        # A stem that turned a final "y" into "i" ("lobectomi") is matched without it, so it
        # still starts the word as written ("lobectomy", "lobectomies").
        prefix = term[:-1] if term.endswith("i") and len(term) > 4 else term
        places = _starting(prefix, norm)
        if places:
            groups.append((vocab.idf.get(term, top) / top, places))
    return groups


def _starting(term: str, text: str) -> list[tuple[int, int]]:
    """Where `term` starts a word of `text` ("surviv" in "survival"): no letter or digit just
    before it (ASCII, as `text` is normalised), each place after the last one's end."""
    places = []
    at = text.find(term)
    while at != -1:
        if at == 0 or not ("a" <= text[at - 1] <= "z" or "0" <= text[at - 1] <= "9"):
            places.append((at, at + len(term)))
            at = text.find(term, at + len(term))
        else:
            at = text.find(term, at + 1)
    return places


def anchor_cost(groups: Anchors, start: int, end: int, cap: float = math.inf) -> float:
    """Weighted mean distance from a span to each anchor; spans after an anchor are preferred
    (answers follow their subject: "PFS … HR 0.54"), so a span before one counts triple."""
    if not groups:
        return 0.0
    total = weight = 0.0
    for w, places in groups:
        best = math.inf
        for a_start, a_end in places:
            if start >= a_end:
                d = float(start - a_end)
            elif end <= a_start:
                d = 3.0 * (a_start - end)
            else:
                d = 0.0
            best = min(best, d)
        total += w * min(best, cap)
        weight += w
    return total / weight
