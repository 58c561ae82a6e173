"""Another name a text gives for what it just spoke of: "tumours of the apex, frequently termed
Zentoma tumours", "Zeta-1, also called CD999". The answer step answers "what is X also
called?" with it; the vocabulary lets a passage under one name ("Apex Tumours") be about the
thing asked by the other ("Zentoma"). And a study under another abbreviation of its group:
"ZAQG 4417" for the "ZQG-4417" of "the Zeta and Quell Group trial (ZQG-4417)".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

__all__ = ["NAMED", "NAMING", "by_group_number", "numbered_names", "other_names"]

# The text naming what it just spoke of: ", also called X", "(also known as X)", "frequently
# termed X", "was originally called X"; the name runs to the next bracket, comma, semicolon or
# clause word.
NAMING = re.compile(
    r"(?:\b(?:also|commonly|frequently|often|usually|sometimes|otherwise|generally|originally|"
    r"formerly|previously|initially|once)\s+)?"
    r"\b(?:called|known as|termed|named|referred to as|designated)\s+"
    r"(?P<name>[^\s(),;.][^(),;]*?)(?=\s*(?:[(),;]|\.(?:\s|$)|$|\s(?:and|or|which|that|is|are|"
    r"was|were|occurs?|in|with)\b))",
    re.I,
)
# The two words just before the naming phrase, which a comma or bracket sets off: what is named
# ("… of the apex tumours, frequently termed …"). Without one, the phrase may name something
# else than the words before it ("a drug called X").
NAMED = re.compile(r"(?:([A-Za-z][\w-]*)\s+)?([A-Za-z0-9][\w-]*)\s*[,(]\s*$")


def other_names(texts: Iterable[str]) -> list[tuple[str, str]]:
    """(a word of the other name, the two words it names) for every naming phrase in `texts`:
    ("Zentoma", "apex tumours"). Only the name's own words (capitalised, or holding a digit),
    not the common nouns that follow them ("tumours")."""
    found = []
    for text in texts:
        for m in NAMING.finditer(text):
            named = NAMED.search(text, max(0, m.start() - 80), m.start())
            if named is None:
                continue
            thing = " ".join(w for w in named.groups() if w)
            found += [
                (word, thing)
                for word in re.findall(r"[\w-]+", m.group("name"))
                if re.search(r"[A-Z0-9]", word)
            ]
    return found


# A study numbered within its group: an abbreviation of two capitals at least, then a number of
# three digits at least that is no year, joined by a hyphen, a space or nothing ("ZQG-4417",
# "ZQG 4417"; in a question, "ZAQG 4417" too; not "In 2020", "Table 301").
_NUMBERED = re.compile(
    r"(?<![\w-])(?P<group>(?=[A-Za-z]*[A-Z][a-z]*[A-Z])[A-Z][A-Za-z]{1,7})[- ]?"
    r"(?P<number>(?!(?:19|20)\d\d(?!\d))\d{3,6})(?![\w-])"
)
# How far before a study's name its group is spelled out: "The Zeta and Quell Group trial ([".
_GROUP_REACH = 80


def numbered_names(texts: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    """Each study number the texts give, with the name it is written under and the words just
    before it: "4417" → [("ZQG-4417", "The Zeta and Quell Group trial (")]."""
    found: dict[str, list[tuple[str, str]]] = {}
    for text in texts:
        for m in _NUMBERED.finditer(text):
            before = text[max(0, m.start() - _GROUP_REACH) : m.start()]
            found.setdefault(m["number"], []).append((m.group(), before))
    return found


def by_group_number(
    name: str, numbered: dict[str, list[tuple[str, str]]], spelled: Callable[[str, str], bool]
) -> str | None:
    """The name a text writes for the study `name` calls by another abbreviation of its group:
    "ZAQG 4417" is the "ZQG-4417" written just after "the Zeta and Quell Group trial", whose
    words spell the asked letters (`spelled(letters, words)`). None when no text gives the
    number, or none that gives it spells the asked letters out just before it."""
    asked = _NUMBERED.fullmatch(name)
    if asked is None:
        return None
    letters = asked["group"].upper()
    for written, before in numbered.get(asked["number"], ()):
        other = _NUMBERED.fullmatch(written)
        if other is not None and other["group"].upper() != letters and spelled(letters, before):
            return written
    return None
