"""Members of a numbered family: "type 4", "grade 2", "cohort B". A question that asks about one
member is not answered by a sentence or row that speaks only of others of the same family
("… syndrome type 2" for "… syndrome type 4?"), however well its other words match."""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["asked_members", "speaks_of_others"]

# Nouns that number the members of a family. (A stage is read by `coverage`, a phase, a time
# point and a cycle by their own steps.)
_FAMILY = (
    r"(?i:(?:sub)?types?|grades?|class(?:es)?|groups?|cohorts?|arms?|levels?|tiers?|"
    r"categor(?:y|ies)|zones?|parts?|steps?)"
)
# A member: a number (with a letter after it, "4A"), a Roman numeral or a capital letter; not a
# measure ("arm 12 weeks after", "group 2 years").
_NUMBER = (
    r"(?:\d{1,3}[A-Da-d]?|[IVX]{1,6}|[A-D])(?![\w.,]\d)"
    r"(?!\s*(?:%|mg|kg|g\b|mL|years?|months?|weeks?|days?|hours?|times|patients|cm|mm|Gy))"
)
_JOIN = r"\s*(?:,|and|or|to|through|thru|-|–|/)\s*"
# "type 4", "type-4", "grades 3 and 4", "levels II–IV", "cohorts A or B": a family noun and
# its members.
_MEMBERS = re.compile(rf"\b({_FAMILY})[\s-]+({_NUMBER}(?:{_JOIN}{_NUMBER})*)\b")
# A family named with an open bound, "grade ≥3", "grade 3 or higher", "grade 3+": every member
# from there on, which the sentence speaks of, whatever else it names.
_OPEN = re.compile(
    rf"\b({_FAMILY})\s*(?:[≥≤><]=?\s*\d|(?:\d{{1,3}}|[IVX]{{1,6}}|[A-D])\s*(?:\+|or\s+"
    r"(?:higher|greater|more|above|worse|over|less|lower|below)))"
)
_ONE = re.compile(r"\d{1,3}|[IVX]{1,6}|[A-D]")
_RANGED = re.compile(rf"({_NUMBER})\s*(?:to|through|thru|-|–)\s*({_NUMBER})")
_ROMAN = {"I": 1, "V": 5, "X": 10}
# A range is listed out to at most this many members past its first ("types 1 to 500").
_WIDEST = 50


def _family(noun: str) -> str:
    """A family noun's singular, lower-cased: "Grades" → "grade", "categories" → "category"."""
    low = noun.lower()
    if low.endswith("ies"):
        return low[:-3] + "y"
    if low.startswith("class"):
        return "class"
    return low[:-1] if low.endswith("s") else low


def _value(number: str) -> int:
    """A member's number as an integer, so that "II", "2" and "2a" are one member, and "B" the
    second letter."""
    head = _ONE.match(number)
    digits = head.group() if head is not None else number
    if digits.isdigit():
        return int(digits)
    if re.fullmatch(r"[IVX]+", digits):
        total = 0
        for i, c in enumerate(digits):
            v = _ROMAN[c]
            total += -v if i + 1 < len(digits) and _ROMAN[digits[i + 1]] > v else v
        return total
    return ord(digits) - ord("A") + 1


def _members(text: str) -> dict[str, set[int]]:
    """Each family `text` numbers, with the members it names (a range "3–5" names 3, 4, 5; a
    family named with an open bound is left out: it may be any member)."""
    out: dict[str, set[int]] = {}
    for m in _MEMBERS.finditer(text):
        named = {_value(n) for n in re.findall(_NUMBER, m.group(2))}
        for r in _RANGED.finditer(m.group(2)):
            low, high = _value(r.group(1)), _value(r.group(2))
            if high > low:
                named |= set(range(low, min(high, low + _WIDEST) + 1))
        out.setdefault(_family(m.group(1)), set()).update(named)
    for m in _OPEN.finditer(text):
        out.pop(_family(m.group(1)), None)
    return out


@lru_cache(maxsize=1024)
def asked_members(question: str) -> tuple[tuple[str, frozenset[int]], ...]:
    """The numbered members a question names, by family: (("type", {4}),) for "… type 4?"."""
    return tuple((f, frozenset(v)) for f, v in _members(question).items())


def speaks_of_others(text: str, asked: tuple[tuple[str, frozenset[int]], ...]) -> bool:
    """Whether `text` names members of a family the question asks one of, and none of those
    asked: "syndrome type 2" for a question on type 4."""
    if not asked:
        return False
    stated = _members(text)
    return any(family in stated and not stated[family] & values for family, values in asked)
