"""A group a question names by a plain word that a sentence's context names only negated or
opposed: a figure for "nonsquamous" zentomas does not answer for squamous ones, nor one for
"unresectable" tumours for resectable ones, nor one for "long-term" users for short-term ones.
The prefixes are English's negating ones. A question that names a
negated group is not read the other way round: "non-zentamab regimens" is a name's negation,
which the plain word does not oppose."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..domain import domain
from ..lexical import STOPWORDS

__all__ = ["Polar", "other_polarity", "polar_words"]

_NEGATING = ("non-", "non", "un", "in", "im")
# Shorter words are too often whole words of their own behind a prefix ("in" + "tent").
_SHORTEST = 5
_WORD = re.compile(r"[a-z][a-z0-9-]+")


Polar = tuple[tuple[str, tuple[str, ...]], ...]


def other_polarity(asked: str | Polar, texts: list[str]) -> tuple[str, str] | None:
    """(the word asked, the opposite the evidence states) when the question (or its
    `polar_words`) names a group by a word and the nearest of `texts` (the sentence, then what
    it sits under) that names the word or its negation names only the opposite; None
    otherwise."""
    for word, opposites in _polar_words(asked) if isinstance(asked, str) else asked:
        for text in texts:
            low = text.lower()
            if any(_says(low, w) for w in _forms(word)):
                break
            negated = next((o for o in opposites if _says(low, o)), None)
            if negated:
                return word, negated
    return None


@lru_cache(maxsize=256)
def _polar_words(question: str) -> Polar:
    """Each plain word of the question long enough to carry a negating prefix, with the forms
    that negate it, and each word (with the word it qualifies) that has an opposite, with
    that; none whose negation or opposite the question also writes."""
    found = _WORD.findall(question.lower())
    words = set(found)
    out: list[tuple[str, tuple[str, ...]]] = []
    for i, word in enumerate(found):
        if word in found[:i]:
            continue  # read once, where the question first writes it
        opposed = _opposed(word, found[i + 1] if i + 1 < len(found) else "")
        if opposed:
            if " " in opposed[0] and "-" not in word:
                word = f"{word} {found[i + 1]}"  # "lower third": the words it sets apart
            sides = {o for o in opposed if " " not in o} | {
                o.split()[0] for o in opposed if "-" not in word
            }
            low = question.lower()
            coordinated = any(  # "short- and long-term": both sides asked
                re.search(rf"\b{re.escape(o.split('-')[0])}-\s", low) for o in opposed if "-" in o
            )
            if not words & sides and not coordinated and not any(o in low for o in opposed):
                out.append((word, opposed))  # "upper" against "lower", both sides not asked
            continue
        if word in STOPWORDS or len(word) < _SHORTEST or word.startswith(_NEGATING):
            continue
        opposites = tuple(p + word for p in _NEGATING)
        if not words & set(opposites):  # "squamous or nonsquamous": both sides asked
            out.append((word, opposites))
    return tuple(out)


def _opposed(word: str, after: str) -> tuple[str, ...]:
    """The words that set a group against the one `word` names: a word's opposite with the
    word `after` it, which it qualifies ("lower third": "upper third"; not "lower" alone, a
    comparison as often as a place), or a hyphenated word's with one part opposed
    ("low-grade": "high-grade", also written "high grade")."""
    d = domain()
    whole = [
        f"{o} {after}"
        for pair in d.opposite_words
        if word in pair and after and after not in STOPWORDS
        for o in pair
        if o != word
    ]
    parts = word.split("-")
    if len(parts) < 2:
        return tuple(whole)
    swapped = [
        [*parts[:i], o, *parts[i + 1 :]]
        for i, p in enumerate(parts)
        for pair in d.opposite_parts
        if p in pair
        for o in pair
        if o != p
    ]
    return tuple(whole + [f(s) for s in swapped for f in ("-".join, " ".join)])


def _forms(word: str) -> tuple[str, ...]:
    """`word` as the text may write it: a hyphenated word also with a space ("low grade")."""
    return (word, word.replace("-", " ")) if "-" in word else (word,)


def _says(text: str, word: str) -> bool:
    """Whether `text` writes `word` whole: no letter, digit, "_" or hyphen touching it. Found
    with `str.find`, not a pattern per word: a question's words are mostly new, and compiling
    a pattern for each cost more than the search."""
    at = text.find(word)
    while at != -1:
        end = at + len(word)
        if (at == 0 or not _joins(text[at - 1])) and (end == len(text) or not _joins(text[end])):
            return True
        at = text.find(word, at + 1)
    return False


def _joins(c: str) -> bool:
    return c.isalnum() or c in "_-"


def polar_words(question: str, known: Callable[[str], bool]) -> Polar:
    """The question's words whose negation the documents use (`known`): the only ones
    `other_polarity` can find opposed, worked out once per question."""
    return tuple(
        (word, kept)
        for word, opposites in _polar_words(question)
        if (kept := tuple(o for o in opposites if known(o)))
    )
