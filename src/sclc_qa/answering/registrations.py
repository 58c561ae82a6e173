"""A trial's registration asked ("the NCT number of …", "its ClinicalTrials.gov identifier"):
the identifier a sentence gives, not the sentence, and not a count ("number of")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..index import Index
from ..spans import mask_markup

__all__ = ["asks_registration", "registration_among"]

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


def registration_among(index: Index, sids: Iterable[int]) -> tuple[int, int, int] | None:
    """(sentence id, document start, end) of the first identifier the first of `sids` that
    gives one states."""
    for sid in sids:
        sent = index.sentences[sid]
        found = _IDENTIFIER.search(mask_markup(sent.text))
        if found is not None:
            return sid, sent.start + found.start(), sent.start + found.end()
    return None
