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
# What may follow the new residue: a frameshift and where it stops ("fs*2", "fsTer2").
_TAIL = r"(?:fs(?:\*|Ter|X)?\d*)?"
# "p.Arg525His", "p.(Arg525His)", "Asp140Glyfs*2", "Asp140fs", "Arg525Ter", "Arg525*", "Arg525=".
_THREE_LETTER = re.compile(rf"(?:p\.)?\(?({_THREE})(\d+)({_THREE}|\*|=|(?=fs))({_TAIL})\)?")
# "p.R525H", "R525H", "D140Gfs*2", "D140fs", "R525*", "R525=": one capital, the position, then
# the new residue or a frameshift (a bare "R525" is a residue, not a change).
_ONE_LETTER = re.compile(rf"(?:p\.)?\(?([A-Z])(\d+)([A-Z*=]|(?=fs))({_TAIL})\)?")


@lru_cache(maxsize=1 << 12)
def protein_key(word: str) -> str | None:
    """The one-letter key of a protein change written in either code ("p.Arg525His" and
    "R525H" → "r525h"; a stop is "x", a silent change "eq": "Arg525Ter" → "r525x"), or None
    for a word of neither shape. A word of the one-letter shape that is no change ("H2O") is
    keyed as the vocabulary keys it anyway."""
    three = _THREE_LETTER.fullmatch(word)
    if three is not None:
        codes = domain().amino_acids
        before, at, after, tail = three.groups()
        tail = re.sub(_THREE, lambda m: codes[m.group()], tail)  # "fsTer2" → "fs*2"
        new = "=" if after == before else codes.get(after, after)
        return _key(codes[before] + at + new + tail)
    one_letter = _ONE_LETTER.fullmatch(word)
    if one_letter is None:
        return None
    before, at, after, tail = one_letter.groups()
    # The same residue again is a silent change, as "=" writes it ("R525R", "p.Arg525Arg").
    return _key(before + at + ("=" if after == before else after) + tail)


def _key(change: str) -> str:
    """Letters and digits, lower case, as the vocabulary keys names; a stop ("*") is "x", a
    silent change ("=") "eq" ("D140Gfs*2" → "d140gfsx2", "R525=" → "r525eq")."""
    change = change.replace("*", "x").replace("=", "eq")
    return re.sub(r"[^a-z0-9]", "", change.lower())
