"""Which ratio a figure is: an odds ratio does not answer a question about a hazard ratio, nor
an effect size one about an odds ratio, though all are read and extracted alike (`spans.py`'s
"hr" kind).

A ratio's family is read from the words that name it, in the question and just before the figure
in the sentence. Hazards and risks are one family here: readers ask a "relative risk" of what a
trial reports as a hazard ratio, and the two are read alike.
"""

from __future__ import annotations

import re

from ..domain import domain
from ..question_kinds import HAZARD_RATIO
from ..spans import Span

__all__ = ["family", "of_asked_ratio"]

# The words that name each family, capitals only for the abbreviations ("OR" is not "or").
_FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "effect",
        re.compile(
            r"(?i:effect sizes?|standardi[sz]ed mean differences?|\bcohen'?s d\b|"
            r"\bhedges?'?s?'? g\b)|\bSMDs?\b|\bES(?=\s*=)"
        ),
    ),
    (
        "standardised",
        re.compile(
            r"(?i:(?:standardi[sz]ed )?(?:incidence|mortality) ratios?)|\bSIRs?\b|\bSMRs?\b"
        ),
    ),
    ("odds", re.compile(r"(?i:odds ratios?)|(?<!/)\bORs?\b(?![-+/])")),  # not "AND/OR"
    (
        "relative",
        re.compile(
            r"(?i:hazard ratios?|relative (?:risks?|rates?)|(?:risk|rate) ratios?)|"
            r"\b(?:HR|RR|IRR)s?\b(?![-+])"  # "HR-positive", "HR+": a hormone receptor
        ),
    ),
)
# A cancer named by its organ's word before its head ("breast cancer", "renal carcinoma"); a
# word that names no organ ("second", "invasive", "ER-negative") names no other cancer.
_CANCER = re.compile(r"\b([A-Za-z]+)\s+(?:cancers?|carcinomas?)\b")
_ORGANS = frozenset(
    w for noun, adjectives in domain().organ_adjectives.items() for w in (noun, *adjectives)
)
# How far before a figure (characters) the words naming its ratio are looked for, when the
# figure's own span does not hold them ("HR was 0.61 (…) for A, 0.77 (…) for B").
_LABEL_REACH = 120


def family(words: str) -> str | None:
    """The family of the last ratio `words` name ("… odds ratio …" → "odds"), or None."""
    named = _last_named(words)
    return named[0] if named else None


def _last_named(words: str) -> tuple[str, int] | None:
    """The family of the last ratio `words` name, and where its name ends: the words after it
    are what the ratio is of."""
    found = [
        (m.start(), name, m.end()) for name, pattern in _FAMILIES for m in pattern.finditer(words)
    ]
    if not found:
        return None
    _, name, end = max(found)
    return name, end


def of_asked_ratio(text: str, spans: list[Span], question: str) -> list[Span]:
    """The ratios in `text` of a family the question names ("Which is higher: A's odds ratio
    or B's relative risk?" names two), or whose family the sentence does not say; all of them
    when the question names no ratio ("What was the effect of A?"). A ratio whose words say it
    is of one organ's cancer is dropped for a question naming only others'."""
    asked = {family(m.group()) for m in HAZARD_RATIO.finditer(question)} - {None}
    sites = _cancers(question)
    kept = []
    for s in spans:
        before = text[max(0, s.start - _LABEL_REACH) : s.start]
        labelled = family(text[s.start : s.end])  # "OR, 2.4 (…)": its words are its own
        named = None if labelled else _last_named(before)
        own = labelled or (named[0] if named else None)
        if asked and own is not None and own not in asked:
            continue
        # "The OR for breast cancer risk … was 5.0" is no odds ratio for lung cancer: what a
        # ratio is of lies between its label and its figure, or, for one listed after another
        # ("… was 2.0 (…), and 3.1 (…) for lung cancer"), after the figure before it.
        label = before[named[1] :] if named else ""
        previous = [p.end for p in spans if s.start - len(label) <= p.end <= s.start]
        if previous:
            label = text[max(previous) : s.start]
        of = _cancers(label)
        if sites and of and not sites & of:
            continue
        kept.append(s)
    return kept


def _cancers(words: str) -> set[str]:
    """The cancers `words` name by the organ's word before "cancer" ("breast cancer" →
    {"breast"}; "invasive cancer" → none)."""
    return {m.lower() for m in _CANCER.findall(words) if m.lower() in _ORGANS}
