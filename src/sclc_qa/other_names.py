"""Another name a text gives for what it just spoke of: "tumours of the apex, frequently termed
Zentoma tumours", "Zeta-1, also called CD999". The answer step answers "what is X also
called?" with it; the vocabulary lets a passage under one name ("Apex Tumours") be about the
thing asked by the other ("Zentoma").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["NAMING", "other_names"]

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
_NAMED = re.compile(r"(?:([A-Za-z][\w-]*)\s+)?([A-Za-z0-9][\w-]*)\s*[,(]\s*$")


def other_names(texts: Iterable[str]) -> list[tuple[str, str]]:
    """(a word of the other name, the two words it names) for every naming phrase in `texts`:
    ("Zentoma", "apex tumours"). Only the name's own words (capitalised, or holding a digit),
    not the common nouns that follow them ("tumours")."""
    found = []
    for text in texts:
        for m in NAMING.finditer(text):
            named = _NAMED.search(text, max(0, m.start() - 80), m.start())
            if named is None:
                continue
            thing = " ".join(w for w in named.groups() if w)
            found += [
                (word, thing)
                for word in re.findall(r"[\w-]+", m.group("name"))
                if re.search(r"[A-Z0-9]", word)
            ]
    return found
