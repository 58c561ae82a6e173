"""A protein change is one name however it is written: "p.Arg525His", "Arg525His", "p.R525H"
and "R525H" are the same variant (HGVS's three-letter and one-letter amino-acid codes, with or
without the "p." prefix). The vocabulary keys each by its one-letter form, so a question that
writes it one way finds a document that writes it the other."""

from __future__ import annotations

import re
from functools import lru_cache

from .domain import domain

__all__ = ["protein_key"]

_THREE = "|".join(sorted(domain().amino_acids))
# "p.Arg525His", "p.(Arg525His)", "Asp140Glyfs*2", "Arg525Ter", "Arg525=".
_THREE_LETTER = re.compile(rf"(?:p\.)?\(?({_THREE})(\d+)((?:{_THREE}|\*|=)?)(.*?)\)?")
# "p.R525H", "R525H", "D140Gfs*2", "R525*": one capital, the position, then the new residue,
# a frameshift or a stop (a bare "R525" is a residue, not a change).
_ONE_LETTER = re.compile(r"(?:p\.)?\(?([A-Z])(\d+)([A-Z*=]|fs)(.*?)\)?")


@lru_cache(maxsize=1 << 12)
def protein_key(word: str) -> str | None:
    """The one-letter key of a protein change written in either code ("p.Arg525His" and
    "R525H" → "r525h"), or None for any other word."""
    three = _THREE_LETTER.fullmatch(word)
    if three is not None:
        codes = domain().amino_acids
        before, at, after, rest = three.groups()
        if not after and not rest:
            return None  # "Arg525": a residue, no change
        one = codes[before] + at + (codes.get(after, after) if after else "")
        rest = re.sub(_THREE, lambda m: codes[m.group()], rest)  # "fsTer2" → "fs*2"
        return _key(one + rest)
    one_letter = _ONE_LETTER.fullmatch(word)
    return _key("".join(one_letter.groups())) if one_letter is not None else None


def _key(change: str) -> str:
    """Letters and digits, lower case, as the vocabulary keys names ("D140Gfs*2" → "d140gfs2")."""
    return re.sub(r"[^a-z0-9]", "", change.lower())
