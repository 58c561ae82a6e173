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
_NUMBER = r"(?:\d{1,3}|[IVX]{1,4}|[A-D])(?![\w.,]\d)"
# "type 4", "grades 3 and 4", "levels II–IV", "cohorts A or B": a family noun and its numbers.
_MEMBERS = re.compile(
    rf"\b({_FAMILY})\s+({_NUMBER}(?:\s*(?:,|and|or|to|-|–|/)\s*{_NUMBER})*)\b"
    # "grade 2 or higher", "grade 3+": every member from there on, read as naming none.
    r"(\s*(?:or\s+(?:higher|greater|more|above|worse|over)|\+))?",
)
_ONE = re.compile(_NUMBER)
_ROMAN = {
    r: i for i, r in enumerate(("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"), 1)
}


def _family(noun: str) -> str:
    """A family noun's singular, lower-cased: "Grades" → "grade", "categories" → "category"."""
    low = noun.lower()
    if low.endswith("ies"):
        return low[:-3] + "y"
    if low.endswith(("sses", "ses")) and low.startswith("class"):
        return "class"
    return low[:-1] if low.endswith("s") and not low.endswith("ss") else low


def _value(number: str) -> int | str:
    """A member's number as a value, so that "II" and "2" are one member."""
    if number.isdigit():
        return int(number)
    return _ROMAN.get(number, number)


def _members(text: str) -> dict[str, set[int | str]]:
    """Each family `text` numbers, with the members it names (a range "3–5" names 3, 4, 5)."""
    out: dict[str, set[int | str]] = {}
    for m in _MEMBERS.finditer(text):
        if m.group(3):
            continue
        values = [_value(n) for n in _ONE.findall(m.group(2))]
        named = set(values)
        ranged = re.search(r"\s*(?:to|-|–)\s*", m.group(2))
        ints = [v for v in values if isinstance(v, int)]
        if ranged and len(ints) == 2 and 0 < ints[1] - ints[0] <= 10:
            named |= set(range(ints[0], ints[1] + 1))
        out.setdefault(_family(m.group(1)), set()).update(named)
    return out


@lru_cache(maxsize=1024)
def asked_members(question: str) -> tuple[tuple[str, frozenset[int | str]], ...]:
    """The numbered members a question names, by family: (("type", {4}),) for "… type 4?"."""
    return tuple((f, frozenset(v)) for f, v in _members(question).items())


def speaks_of_others(text: str, asked: tuple[tuple[str, frozenset[int | str]], ...]) -> bool:
    """Whether `text` names members of a family the question asks one of, and none of those
    asked: "syndrome type 2" for a question on type 4."""
    if not asked:
        return False
    stated = _members(text)
    return any(family in stated and not stated[family] & values for family, values in asked)
