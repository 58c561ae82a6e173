"""The trial phase a question names and the one a sentence reports: a figure from a phase I
study does not answer for the phase II study of the same drug."""

from __future__ import annotations

import re

__all__ = ["other_phase", "phases"]

_PHASE = re.compile(r"\bphase\s+(IV|I{1,3}|[1-4])[ab]?(?:\s*/\s*(IV|I{1,3}|[1-4])[ab]?)?\b", re.I)
_NUMBER = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def phases(text: str) -> frozenset[int]:
    """The phases `text` names ("phase I/II" names both)."""
    return frozenset(
        _NUMBER[p.lower()] for m in _PHASE.finditer(text) for p in m.groups() if p is not None
    )


def other_phase(question: str, text: str) -> tuple[str, str] | None:
    """(the question's phase, the sentence's) when each names a phase and they share none;
    None otherwise. A question that asks which phase a trial is names none it relies on."""
    asked, stated = phases(question), phases(text)
    if not asked or not stated or asked & stated:
        return None
    first = _PHASE.search(question)
    said = _PHASE.search(text)
    assert first is not None and said is not None
    return first[0], said[0]
