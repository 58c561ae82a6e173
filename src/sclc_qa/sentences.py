"""Sentence boundaries that survive scientific prose.

"et al.", "vs.", "e.g.", decimals ("0.73"), "95% CI 0.59 - 0.91", "HR = 0.73" and citation lists
like "(15–17, 73–75)" never end a sentence; a period inside parentheses never does either.
"""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")

# Words that end with a period without ending the sentence (compared lower-cased, without the dot).
_ABBREVIATIONS = frozenset(
    [
        "al",
        "vs",
        "e.g",
        "i.e",
        "etc",
        "fig",
        "figs",
        "approx",
        "ca",
        "cf",
        "no",
        "nos",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "st",
        "resp",
        "incl",
        "ref",
        "refs",
        "vol",
        "eq",
        "min",
        "max",
        "mg",
        "kg",
        "ml",
        "dl",
        "mo",
        "yr",
        "yrs",
        "pts",
        "inc",
        "ltd",
        "co",
        "jr",
        "sr",
        "vs.",
    ]
)
_STARTER = re.compile(r"[\"“‘(\[]?[A-Z0-9]")


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, shifted by `offset`, whitespace-trimmed."""
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch in ".!?" and depth == 0 and _ends_sentence(text, i):
            end = i + 1
            while end < n and text[end] in '"”’':
                end += 1
            spans.append((start, end))
            start = end
        i += 1
    spans.append((start, n))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s + offset, e + offset))
    return out


def _ends_sentence(text: str, i: int) -> bool:
    nxt = i + 1
    while nxt < len(text) and text[nxt] in '"”’':
        nxt += 1
    rest = text[nxt:]
    if not rest.strip():
        return False  # the final sentence is closed by the caller
    gap = len(rest) - len(rest.lstrip())
    if gap == 0:
        # "(154).In Cell line-derived…": a missing space after a citation still ends a sentence.
        return text[i - 1 : i] == ")" and re.match(r"[A-Z][a-z]", rest) is not None
    if not _STARTER.match(rest[gap:]):
        return False
    word = re.search(r"([A-Za-z][A-Za-z.]*)$", text[max(0, i - 12) : i])
    if word:
        w = word.group(1).lower()
        if w in _ABBREVIATIONS or (len(w) == 1 and text[i - 1].isupper()):
            return False
        if _DOTTED.fullmatch(w):
            return False  # "the U.S. Food and Drug Administration": initials, not an ending
    return not text[i - 1 : i].isdigit() or rest[gap:][:1].isupper() or rest[gap:][:1] == "("
