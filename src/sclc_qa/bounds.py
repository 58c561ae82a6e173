"""A size a question gives ("a 2.5 cm tumour") and the bounds a sentence sets on it ("Tumor
>2 cm but ≤3 cm", "larger than 3 cm but not larger than 4 cm", "5 cm or smaller"): which
sentence's range holds the size, and how narrowly. Classification tables (a T category by
tumour size) are read this way."""

from __future__ import annotations

import math
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "Range",
    "age_groups",
    "age_points",
    "asked_sizes",
    "fit",
    "limit_asked",
    "limit_start",
    "other_bounds",
    "other_size",
    "same_ages",
    "share_bounds",
    "share_group",
    "study_sizes",
]

_UNITS = {"cm": 10.0, "mm": 1.0}  # in millimetres: "25 mm" is "2.5 cm"
_NUM = r"(\d+(?:\.\d+)?)"
_UNIT = r"\s*(cm|mm)\b"
_ABOVE = r"(?:>|≥|over|more than|larger than|greater than|bigger than|exceeding|at least)"
_BELOW = (
    r"(?:<|≤|under|less than|smaller than|up to|at most|no more than|not more than|"
    r"no larger than|not larger than|not exceeding)"
)
_LOWER = re.compile(rf"{_ABOVE}\s*{_NUM}{_UNIT}", re.I)
_UPPER = re.compile(rf"{_BELOW}\s*{_NUM}{_UNIT}", re.I)
_OR_MORE = re.compile(rf"{_NUM}{_UNIT}\s+or\s+(?:more|larger|greater|bigger|above)\b", re.I)
_OR_LESS = re.compile(rf"{_NUM}{_UNIT}\s+or\s+(?:less|smaller|under|below)\b", re.I)
_SIZE = re.compile(rf"{_NUM}{_UNIT}", re.I)
_BOUNDS = (_LOWER, _UPPER, _OR_MORE, _OR_LESS)


@dataclass(frozen=True)
class Range:
    """Sizes from `low` to `high`, in millimetres (either end open: ±infinity)."""

    low: float = -math.inf
    high: float = math.inf

    def holds(self, size: float) -> bool:
        return self.low < size <= self.high

    @property
    def width(self) -> float:
        return self.high - self.low


def _mm(number: str, unit: str) -> float:
    return float(number) * _UNITS[unit.lower()]


def asked_sizes(question: str) -> list[float]:
    """The sizes the question gives as a value (in millimetres), not as a bound: "a 2.5 cm
    tumour", not "tumours over 4 cm" or "4 cm or larger"."""
    bounded = {m.start(1) for pat in _BOUNDS for m in pat.finditer(question)}
    return [_mm(m[1], m[2]) for m in _SIZE.finditer(question) if m.start(1) not in bounded]


def _range(text: str) -> Range | None:
    """The range the text's first bounds set ("> 2 cm but ≤ 3 cm"); None without a bound."""
    lows = [_mm(m[1], m[2]) for pat in (_LOWER, _OR_MORE) for m in pat.finditer(text)]
    highs = [_mm(m[1], m[2]) for pat in (_UPPER, _OR_LESS) for m in pat.finditer(text)]
    if not lows and not highs:
        return None
    low = min(lows) if lows else -math.inf
    high = min((h for h in highs if h > low), default=math.inf)
    return Range(low, high)


def fit(sizes: list[float], text: str) -> float | None:
    """How well the text's range fits the asked sizes: None when it sets no bound; 0 when a
    size falls outside it; else the closer to 1 the narrower it is (one bound: 0.5)."""
    if not sizes:
        return None
    found = _range(text)
    if found is None:
        return None
    if not all(found.holds(s) for s in sizes):
        return 0.0
    if math.isinf(found.width):
        return 0.5
    return 0.5 + 0.5 / (1.0 + found.width / 10.0)


def _bounds(text: str) -> list[tuple[float, str]]:
    """Each bound the text sets on a size: its value in millimetres and its words."""
    return [(_mm(m[1], m[2]), m[0]) for pat in _BOUNDS for m in pat.finditer(text)]


def other_bounds(question: str, text: str) -> tuple[str, str] | None:
    """(the question's bound, the text's) when both bound a size and share no value: "tumours
    5 cm or larger" is not answered by a figure for "tumours 4 cm or larger"; None otherwise."""
    asked = _bounds(question)
    stated = _bounds(text) if asked else []
    if not stated or {v for v, _ in asked} & {v for v, _ in stated}:
        return None
    return asked[0][1], stated[0][1]


# An age group: "aged 70 to 79", "ages 39-49", "40 to 49 years", "women in their 60s".
_AGES = re.compile(
    r"\bage[ds]?\s+(?:of\s+)?(\d{2})\s*(?:to|through|–|—|-)\s*(\d{2})\b|"
    r"\b(\d{2})\s*(?:to|through|–|—|-)\s*(\d{2})\s*(?:years?|y)\b|"
    r"\bin\s+their\s+(\d)0s\b",
    re.I,
)
# An open-ended one: "aged 70 years or older", "65 and over", "older than 75", "younger than 50".
_OPEN_AGES = re.compile(
    r"\b(?:age[ds]?\s+)?(\d{2})\s*(?:years?(?:\s+of\s+age)?\s+)?(?:or|and)\s+"
    r"(older|over|above|younger|under)\b(?![\w-])|"
    r"\b(older|younger)\s+than\s+(\d{2})\b(?!\s*(?:%|percent|cm|mm|months?|weeks?|days?))",
    re.I,
)
# One age, as a cumulative risk is reached: "at age 65 years", "by the age of 75" (not "at age
# 70 to 79", a group).
_AT_AGE = re.compile(
    r"\b(?:at|by)\s+(?:the\s+)?age\s+(?:of\s+)?(\d{2})\b(?!\s*(?:months?|weeks?|days?)\b)"
    r"(?!\s*(?:years?\s+)?(?:(?:to|through|–|—|-|or|and)\s*(?:\d|older|younger|over|above|"
    r"under|more|later|beyond|up)|onwards?\b))",
    re.I,
)
# "aged between 50 and 69", "between 40 and 49 years of age".
_BETWEEN_AGES = re.compile(
    r"\bage[ds]?\s+between\s+(\d{2})\s+and\s+(\d{2})\b"
    r"|\bbetween\s+(\d{2})\s+and\s+(\d{2})\s+years?\s+of\s+age\b",
    re.I,
)
# The oldest age an open-ended group reaches, as a number.
_OLDEST = 150
# Ages a text and a question may round differently ("39-49" and "40 to 49").
_AGE_SLACK = 1


# Sentences whose age groups are remembered: ranking asks again for every candidate sentence of
# every question that names an age group, and a document has a few thousand sentences.
_AGE_MEMO = 1 << 14


@lru_cache(maxsize=_AGE_MEMO)
def age_groups(text: str) -> tuple[tuple[int, int], ...]:
    """The age groups a text names, as (youngest, oldest) in years: "aged 40 to 49" → (40,
    49), "in their 60s" → (60, 69), "aged 70 or older" → (70, 150), "younger than 50" →
    (0, 50)."""
    out = []
    for m in _OPEN_AGES.finditer(text):
        age, way = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        older = way.lower() in ("older", "over", "above")
        out.append((int(age), _OLDEST) if older else (0, int(age)))
    for m in _BETWEEN_AGES.finditer(text):
        lo, hi = (int(g) for g in m.groups() if g is not None)
        out.append((lo, hi))
    for m in _AGES.finditer(text):
        if m.group(5) is not None:
            decade = int(m.group(5)) * 10
            out.append((decade, decade + 9))
        else:
            lo, hi = (int(g) for g in m.groups()[:4] if g is not None)
            out.append((lo, hi))
    return tuple(out)


@lru_cache(maxsize=_AGE_MEMO)
def age_points(text: str) -> tuple[tuple[int, int], ...]:
    """The single ages a text names a figure at, as (age, age): "by age 65" → (65, 65). Kept
    apart from `age_groups`: an age a risk is reached by says which figure is not asked, but
    a group holding it ("in their 40s") does not label that age's sentence."""
    return tuple((int(m.group(1)), int(m.group(1))) for m in _AT_AGE.finditer(text))


def same_ages(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two age groups are the same, as texts round them ("39-49" and "40 to 49"); one
    age is the same as a group that holds it ("at age 75" is in "aged 50 to 75")."""
    for one, group in ((a, b), (b, a)):
        if one[0] == one[1] and group[0] != group[1]:
            return group[0] - _AGE_SLACK <= one[0] <= group[1] + _AGE_SLACK
    return abs(a[0] - b[0]) <= _AGE_SLACK and abs(a[1] - b[1]) <= _AGE_SLACK


# A group bounded by a share: "ZRK1 ≥40%", "a ZRK1 score above 15%", "expression of 5% or
# more", "ZRK1-negative (<1%)". "At least" and "≥" are one side; exact equality is not read apart.
_SHARE_ABOVE = r"(?:>|≥|over|above|more than|greater than|higher than|at least|exceeding)"
_SHARE_BELOW = r"(?:<|≤|under|below|less than|lower than|fewer than|at most|up to)"
_SHARE_BOUND = re.compile(
    rf"(?P<above>{_SHARE_ABOVE})\s*{_NUM}\s*%|(?P<below>{_SHARE_BELOW})\s*(\d+(?:\.\d+)?)\s*%|"
    r"(\d+(?:\.\d+)?)\s*%\s+or\s+(?:(?P<more>more|higher|greater|above)|less|lower|below)\b",
    re.I,
)


@lru_cache(maxsize=_AGE_MEMO)
def share_bounds(text: str) -> frozenset[tuple[str, float]]:
    """The groups a text bounds by a share, as (">" or "<", the share in percent): "ZRK1 >15%"
    and "a ZRK1 score above 15%" are both (">", 15.0)."""
    out = set()
    for m in _SHARE_BOUND.finditer(text):
        value = float(next(g for g in (m.group(2), m.group(4), m.group(5)) if g is not None))
        above = m.group("above") is not None or m.group("more") is not None
        out.add((">" if above else "<", value))
    return frozenset(out)


# A share-bounded group as written, with the word it bounds: "ZRK1 of 90% or higher".
_SHARE_GROUP = re.compile(rf"(?:[\w-]+\s+(?:of\s+)?)?(?:{_SHARE_BOUND.pattern})", re.I)


def share_group(text: str) -> str | None:
    """The first group `text` bounds by a share, as written with the marker before it."""
    m = _SHARE_GROUP.search(text)
    return m.group(0) if m else None


# A study named by its size: "the 212-patient series", "(N = 140)", "a series of 57".
_STUDY_SIZE = re.compile(
    r"\b(\d[\d,]*)[- ](?:patients?|cases?|participants?|subjects?|women|men|people)\b|"
    r"\b[Nn]\s*=\s*(\d[\d,]*)|\bseries of (\d[\d,]*)\b"
)


def study_sizes(text: str) -> set[str]:
    """The study sizes `text` names, as digits ("1,218" → "1218")."""
    return {n.replace(",", "") for m in _STUDY_SIZE.finditer(text) for n in m.groups() if n}


def other_size(asked: AbstractSet[str], sentence: str) -> tuple[str, str] | None:
    """(asked, stated) when the question names its study by a size (`asked`, its
    `study_sizes`) and the sentence reports a study of another size, never writing the asked
    one: "in the 212-patient series" is not answered by the row "(N = 140) | … | 31%"."""
    stated = study_sizes(sentence)
    if not asked or not stated or asked & stated:
        return None
    if any(re.search(rf"(?<![\d.,]){n}(?![\d.,]\d)", sentence.replace(",", "")) for n in asked):
        return None
    return min(asked), min(stated)


# A question that asks a limit: "at most how many cycles?", "how high can the dose go?", "the
# maximum daily dose?" (not "the maximum tolerated dose", a dose found in a trial, nor "at
# least …" asked of a figure the question states); or "at least how many?", "the minimum …?".
_UPPER_ASKED = re.compile(
    r"\bat (?:the )?most\s+(?:how|what)\b|\bhow (?:many|much|long)\b[^?]*\bat (?:the )?most\s*\?*$|"
    r"(?<!time to )\bmax(?:imum)?\b(?![- ](?:tolerated|response|residual|likelihood|intensity))|"
    r"\bupper limit\b|\bup to (?:what|how)\b|"
    r"\bhow (?:high|far|large|big|much)\b[^?]*?\bcan\b[^?]*?\b(?:go|get|be (?:raised|increased|"
    r"escalated|given))\b",
    re.I,
)
_LOWER_ASKED = re.compile(
    r"\bat least (?:how|what)\b|\bminimum\b(?![- ]residual)|\blower limit\b", re.I
)
# A figure stated as such a limit: "up to 20 mg", "no more than six cycles", "≤50" (words
# standing on their own: not the "up to" of "follow-up to 24 months").
_UPPER_STATED = re.compile(
    r"(?:(?<![\w-])(?:up to|at most|no more than|not more than|a maximum of|maximum of|"
    r"not to exceed|not exceeding)|≤)\s*",
    re.I,
)
_LOWER_STATED = re.compile(
    r"(?:(?<![\w-])(?:at least|no less than|not less than|a minimum of|minimum of)|≥)\s*", re.I
)


def limit_asked(question: str) -> str | None:
    """ "upper" when the question asks a most ("at most how many …?", "how high can it go?"),
    "lower" when it asks a least, else None."""
    if _UPPER_ASKED.search(question):
        return "upper"
    return "lower" if _LOWER_ASKED.search(question) else None


def limit_start(text: str, start: int, limit: str) -> int | None:
    """Where the words that state the figure at `start` of `text` as the limit asked begin, by
    its own words or those just before it ("up to 20 mg daily" an upper one, "at least 3,000
    mL" a lower one); None when it is stated as no such limit."""
    pattern = _UPPER_STATED if limit == "upper" else _LOWER_STATED
    if pattern.match(text, start):
        return start
    reach = max(0, start - _LIMIT_REACH)
    return next((m.start() for m in pattern.finditer(text, reach, start) if m.end() == start), None)


# How far before a figure (characters) the words that make it a limit may start.
_LIMIT_REACH = 20
