"""A drug written in a regimen by the first letters of its name, as clinicians shorten them
("Zent-quellitaxel"): read as the one drug the documents write that begins so, so that the
regimen is found, not refused as never mentioned."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..domain import domain
from ..mentions import is_druglike

__all__ = ["drug_words", "expanded"]

# A shortened drug: three to six letters ("Zen", "Quell"); fewer begin too many names.
_SHORT = re.compile(r"[A-Za-z]{3,6}")
_JOINS = re.compile(r"([-/+])")


def drug_words(keys: Iterable[str]) -> tuple[str, ...]:
    """The drugs among a corpus's name keys (lower case, no spaces): each that looks like one by
    its stem, shortest first."""
    stems = tuple(domain().drug_stems)
    found = {k for k in keys if k.isalpha() and k.endswith(stems) and is_druglike(k)}
    return tuple(sorted(found, key=lambda k: (len(k), k)))


def expanded(name: str, drugs: Iterable[str], known: Callable[[str], bool]) -> str | None:
    """`name`, a regimen of two drugs or more ("Zent-quellitaxel"), with each shortened drug
    written out ("zentabine-quellitaxel"); None unless one part at least is a drug the
    documents write in full, and every other one begins, capitalised, the name of only one
    drug they write (a drug and its regimens, "zentabine" and "zentabinequellin", count as
    one): "Pre-Op" or "Dos-Met" is no regimen."""
    pieces = _JOINS.split(name)
    words = pieces[::2]
    if len(words) < 2 or not any(is_druglike(w) and known(w) for w in words):
        return None
    drugs = tuple(drugs)
    out, changed = list(pieces), False
    for i, word in enumerate(words):
        if is_druglike(word) and known(word):
            continue
        full = _only_drug(word, drugs)
        if full is None:
            return None
        out[2 * i] = full
        changed = True
    return "".join(out) if changed else None


def _only_drug(word: str, drugs: tuple[str, ...]) -> str | None:
    """The one drug `word` begins, if it is short, capitalised and begins no other."""
    if _SHORT.fullmatch(word) is None or not word[0].isupper():
        return None
    short = word.lower()
    begun = [d for d in drugs if d.startswith(short)]
    if not begun or not all(d.startswith(begun[0]) for d in begun):
        return None
    return begun[0]
