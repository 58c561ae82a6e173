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
    """(the question's phase, the sentence's) as written, when each names a phase and they
    share none; None otherwise. A question that asks which phase a trial is names none it
    relies on."""
    asked, stated = _PHASE.search(question), _PHASE.search(text)
    if asked is None or stated is None or phases(question) & phases(text):
        return None
    return asked[0], stated[0]
