"""A trial's registration asked ("the NCT number of …", "its ClinicalTrials.gov identifier"):
the identifier a sentence gives, not the sentence, and not a count ("number of")."""

from __future__ import annotations

import re

__all__ = ["asks_registration", "registration"]

_ASKS = re.compile(
    r"\b(?:registration|registry|NCT|ClinicalTrials\.gov|trial)\s+(?:numbers?|identifiers?|IDs?)\b"
    r"|\bregistered\s+(?:as|under)\b",
    re.I,
)
# Registries' identifiers: ClinicalTrials.gov, ISRCTN, the Chinese and EU registries.
_IDENTIFIER = re.compile(r"\b(?:NCT\d{8}|ISRCTN\d{8}|ChiCTR[-\w]{6,}|\d{4}-\d{6}-\d{2})\b")


def asks_registration(question: str) -> bool:
    """Whether the question asks for a trial's registration identifier."""
    return _ASKS.search(question) is not None


def registration(text: str) -> tuple[int, int] | None:
    """Where `text` gives a registry's identifier, if it does: the first one."""
    found = _IDENTIFIER.search(text)
    return found.span() if found is not None else None
