"""A cutoff asked ("what ZA-1 cutoff counted as positive?", "which threshold …?"): the value the
text sets by its word ("the reference value that designates a positive test is 20 U/mL", "a
threshold of ≥50%"), not the clause that defines the term around it."""

from __future__ import annotations

import re

__all__ = ["asks_cutoff", "cutoff_value", "states_value"]

# The words by which a question asks, and a text sets, the value that divides positive from
# negative.
_CUTOFF_WORDS = r"cut-?offs?(?: values?| points?)?|cut-?points?|thresholds?|reference values?"
_ASKS = re.compile(rf"\b(?:what|which)\b[^?]*\b(?:{_CUTOFF_WORDS})\b", re.I)
_SET_BY = re.compile(rf"\b(?:{_CUTOFF_WORDS})\b", re.I)
# A value with its unit or comparator, after the cutoff's word: "20 U/mL", "≥50%", "1.5 cm".
_VALUE = re.compile(
    r"(?:[≥≤<>]=?\s*|\b(?:at least|more than|less than|greater than|above|below)\s+)?"
    r"(?<![\w.])\d+(?:[.,]\d+)?\s*(?:%|(?:[A-Za-zμµ]+/[A-Za-z]+|mg|ng|µg|mm|cm|Gy|IU|U)\b)"
)
# How far after its word (characters) the value may stand: "… that designates a positive
# screening test is 20 U/mL".
_REACH = 70


def asks_cutoff(question: str) -> bool:
    """Whether the question asks which value a test or marker is cut off at."""
    return _ASKS.search(question) is not None


def cutoff_value(text: str) -> tuple[int, int] | None:
    """Where `text` states the value its cutoff word sets, if it does."""
    for word in _SET_BY.finditer(text):
        value = _VALUE.search(text, word.end(), word.end() + _REACH)
        if value is not None:
            return value.span()
    return None


# What any value is written with: a digit, a number word, a comparison or a bound ("above the
# upper limit of normal", "twice the normal level", "within one millimetre").
_ANY_VALUE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twice|half|double|above|below|"
    r"greater|less|more|fewer|exceed\w*|upper|lower|limit|times|within)\b",
    re.I,
)


def states_value(text: str) -> bool:
    """Whether `text` states any value a cutoff could be: a span without one ("Serum ZTH is
    higher in carcinoma (HZT)") names what is measured, not where it is divided."""
    return _ANY_VALUE.search(text) is not None
