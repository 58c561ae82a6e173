"""The disease stages a question names and the ones a sentence reports on: a survival rate for
stage III or IV disease does not answer for stage I, nor a stage ZB figure for stage ZA."""

from __future__ import annotations

import re

__all__ = ["other_stage", "stages", "stated_apart"]

_ROMAN = {"0": 0, "I": 1, "II": 2, "III": 3, "IV": 4}
_ONE = r"(0|IV|I{1,3})([ABCabc]?)\d?"
# "stage IIIA", "stages II and III", "stage III or stage IV", "stages IB–IIIA", "stage I-II".
_STAGE = re.compile(
    rf"\b[Ss]tages?\s+{_ONE}\b((?:\s*(?:,|–|-|to|and|or|through)\s*(?:[Ss]tage\s+)?{_ONE}\b)*)"
)
_MORE = re.compile(rf"(,|–|-|to|and|or|through)\s*(?:[Ss]tage\s+)?{_ONE}\b")


def stages(text: str) -> frozenset[tuple[int, str]]:
    """(number, letter) for each stage `text` names; a range names every stage in it, without
    letters between its ends ("stages IB–IIIA": IB, II, IIIA)."""
    out: set[tuple[int, str]] = set()
    for m in _STAGE.finditer(text):
        prev = (_ROMAN[m.group(1)], m.group(2).upper())  # "stage IIa" is IIA
        out.add(prev)
        for more in _MORE.finditer(m.group(3)):
            this = (_ROMAN[more.group(2)], more.group(3).upper())
            if more.group(1) in ("–", "-", "to", "through"):
                out.update((n, "") for n in range(prev[0] + 1, this[0]))
            out.add(this)
            prev = this
    return frozenset(out)


def _same(a: tuple[int, str], b: tuple[int, str]) -> bool:
    """One stage names the other: the same number, and the same letter or none on one side
    ("stage III" holds "stage IIIA")."""
    return a[0] == b[0] and (not a[1] or not b[1] or a[1] == b[1])


def other_stage(question: str, text: str) -> tuple[str, str] | None:
    """(the stages asked, the stages stated) as written, when the question and the text each
    name stages and share none; None otherwise."""
    asked, stated = stages(question), stages(text)
    if not asked or not stated or any(_same(a, b) for a in asked for b in stated):
        return None
    return _written(question), _written(text)


def stated_apart(asked: frozenset[tuple[int, str]], label: str) -> bool:
    """Whether a figure's label ("… among those at stage IIa") names stages, none of
    them one of those `asked`: the figure is another stage's."""
    said = stages(label)
    return bool(asked and said) and not any(_same(a, b) for a in asked for b in said)


def _written(text: str) -> str:
    found = _STAGE.search(text)
    return found.group(0) if found else ""
