"""Other names that `domain.json` gives a thing: a people's adjective for its place and the
reverse ("Dutch", "the Netherlands"), a regulator's full name for its abbreviation ("FDA", "the
Food and Drug Administration"). The vocabulary reads them to say whether a text names what a
question does.
"""

from __future__ import annotations

import re

from .domain import domain

__all__ = ["REGULATOR_FULL_NAMES", "REGULATOR_NAMES", "is_people", "same_place"]

# Each people's adjective with its places, and each place with its adjectives (data/domain.json).
_SAME_PLACE: dict[str, tuple[str, ...]] = {}
for _adjective, _places in domain().demonyms.items():
    _SAME_PLACE[_adjective] = _places
    for _place in _places:
        _SAME_PLACE[_place] = (*_SAME_PLACE.get(_place, ()), _adjective)


# Each regulator's own names as written in full (data/domain.json), not the places it
# approves for: "FDA" is named by "the Food and Drug Administration" where a document never
# abbreviates it, not by its country, which may name the country alone.
REGULATOR_FULL_NAMES: dict[str, tuple[str, ...]] = {
    key: tuple(a for a in aliases if re.search(r"Administration|Agency|Commission", a))
    for key, aliases in domain().regulators.items()
}
# The same, as patterns keyed by the abbreviation in lower case.
REGULATOR_NAMES: dict[str, tuple[re.Pattern[str], ...]] = {
    key.lower(): tuple(re.compile(rf"\b{re.escape(name)}\b") for name in names)
    for key, names in REGULATOR_FULL_NAMES.items()
}


def _singular(word: str) -> str:
    """A word as `_SAME_PLACE` keys it: a people named in the plural ("Americans") as its
    adjective ("american")."""
    lower = word.lower()
    return lower[:-1] if lower not in _SAME_PLACE and lower.endswith("s") else lower


def same_place(name: str) -> tuple[str, ...]:
    """The places a people's adjective names, or the adjectives a place's name has:
    "Dutch" → the Netherlands, "Americans" (its people) → the United States."""
    return _SAME_PLACE.get(_singular(name), ())


def is_people(word: str) -> bool:
    """Whether a word names a people: "Americans", "Japanese"."""
    return _singular(word) in domain().demonyms
