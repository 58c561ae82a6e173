"""The classes of things a which-question asks for (data/domain.json `entity_classes`), and
how a name in a sentence shows it is of one: authors as "X et al.", drugs by their stems,
trials by their acronyms and numbers, genes by capitals and digits, companies by the words
that follow them, places among the known countries."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..domain import domain
from ..mentions import is_druglike
from ..models import Cell
from ..other_forms import REGULATOR_FULL_NAMES
from ..spans import Span

__all__ = [
    "IS_CLASS",
    "REGULATORS",
    "answer_of_class",
    "company_end",
    "evidently",
    "names_none",
    "of_class",
    "trial_like",
]

# A gene's or protein's name: capitals and digits, six capitals at most ("PD-L1", "ZRK1",
# "EGFR", "ZRK11-high"; not "ZENITH-004" or an NCT id).
_GENELIKE = re.compile(
    r"(?!NCT\d)(?=(?:[^A-Z]*[A-Z]){1,6}[^A-Z]*$)[A-Z][A-Z0-9]*(?:-[A-Z0-9]{1,2})*(?:-[a-z]+)?"
)
# A trial's name: an NCT id, a word with a number ("ZENITH-4", "ZENITH-Lung01"), or a long
# acronym.
_TRIALLIKE = re.compile(
    r"^(NCT\d+|[A-Z][A-Za-z]*(?:-[A-Z][a-z]+)?[-\s]?\d+[A-Za-z]?|[A-Z]{4,}(?:[- ]\d+)?)$"
)
# A name the text calls a trial or study ("the ZENOS trial", "the Zeta-Lung study").
_CALLED_TRIAL = re.compile(r"\s*(?:trials?|study|studies)\b")


def of_class(text: str, cands: list[Span], target: str) -> list[Span]:
    """The candidates of the class the question asks for (a drug, a trial, …); [] if no class."""
    kind = domain().entity_class(target)
    if kind is None:
        return []
    return [c for c in cands if IS_CLASS[kind](c, text)]


def answer_of_class(target: str | None, text: str, start: int, end: int) -> float:
    """Whether the answer `text[start:end]` is a name of the class the question asks for (1)
    or not (0), as the confidence model reads it; 0.5 when the question asks for no known
    class. "Which zentamab-like drug …?" answered "quellimab" is; answered "ZENITH-4" is not."""
    kind = domain().entity_class(target) if target else None
    if kind is None:
        return 0.5
    if kind == "author":
        return float(_AUTHOR.search(text, start, end) is not None)
    return float(IS_CLASS[kind](Span(start, end, "name"), text))


_AUTHOR = re.compile(r"\bet\s*al\b")


def trial_like(name: str) -> bool:
    """Whether a name is written as trials are ("ZENITH-4", "NCT01234567", "ZENITH")."""
    return _TRIALLIKE.match(name) is not None


def evidently(asked: str | None, c: Span, text: str) -> bool:
    """Whether the name is of the asked class by itself, wherever it stands: an "X et al."
    for "who …?", a known country or its people's adjective ("a Norwegian study") for "which
    country …?", a name with its company word ("Zeta Pharma") for "which maker …?". Such a name
    may be the sentence's subject, standing before the words that describe it ("Zeta Pharma's
    zentamab was approved …")."""
    if asked == "author":
        return c.kind == "author"
    if asked == "place":
        name = text[c.start : c.end].lower()
        return name in domain().places or name in domain().demonyms
    return asked == "company" and IS_CLASS["company"](c, text)


def names_none(asked: str, span: str, cells: Sequence[Cell] | None = None) -> bool:
    """Whether `span`, an answer to a question that only a place's or a company's name answers
    (`asked`), cannot name one: a whole table row (its `cells`) with no column for the class
    ("Maker", "Country"), or a list or series of drugs and trials, that names no known place (a
    country, a people's adjective) or company (by the words that end its name)."""
    if asked not in ("place", "company"):
        return False
    if cells is not None:
        if any(domain().entity_class(w.lower()) == asked for c in cells for w in c.header.split()):
            return False
    elif not any(is_druglike(w) or trial_like(w) for w in re.findall(r"[\w-]+", span)):
        return False
    for m in _CAPITALISED_RUN.finditer(span):
        name = m.group(0).lower()
        if asked == "place" and (name in domain().places or name in domain().demonyms):
            return False
        if asked == "company" and IS_CLASS["company"](Span(m.start(), m.end(), "name"), span):
            return False
    return True


# A run of capitalised words: a place's or an organisation's name ("Zeta Pharma Ltd").
_CAPITALISED_RUN = re.compile(r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*")


def company_end(text: str, end: int) -> int:
    """The end of the company words that follow a name ("<Name> Pharmaceutical Co., Ltd"),
    else `end`."""
    suffixes = domain().organisation_suffixes
    while (word := _NEXT_WORD.match(text, end)) and word.group(1).lower() in suffixes:
        end = word.end()
    return end


_NEXT_WORD = re.compile(r"\.?,?\s([A-Za-z]+)\.?")

# The regulators' own names, abbreviated and in full, not the places they approve for.
REGULATORS = frozenset(name for key, full in REGULATOR_FULL_NAMES.items() for name in (key, *full))


def _placelike(name: str) -> bool:
    """One capitalised word ("Zetania"), a known place of several ("Costa Rica"), or words
    a place's head ends ("Zeta County", "Eta Province")."""
    words = name.split()
    return _CAPITALISED.fullmatch(name) is not None and (
        len(words) == 1 or name.lower() in domain().places or words[-1] in _PLACE_HEADS
    )


_CAPITALISED = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,3}")
_PLACE_HEADS = frozenset(
    {"County", "Province", "State", "City", "Region", "District", "Prefecture"}
)


# How a name shows its class: authors as "X et al.", drugs by their stems, regimens joined by
# "/" or "+", places as capitalised words, trials as acronyms with numbers or NCT ids,
# companies by the words that follow them ("Pharmaceutical", "Inc").
IS_CLASS: dict[str, Callable[[Span, str], bool]] = {
    "author": lambda c, text: c.kind == "author",
    "drug": lambda c, text: is_druglike(text[c.start : c.end]),
    "regimen": lambda c, text: re.search(r"[/+]", text[c.start : c.end]) is not None,
    "place": lambda c, text: _placelike(text[c.start : c.end]),
    "trial": lambda c, text: (
        _TRIALLIKE.match(text[c.start : c.end]) is not None
        or _CALLED_TRIAL.match(text, c.end) is not None
    ),
    "gene": lambda c, text: (
        _GENELIKE.fullmatch(text[c.start : c.end]) is not None
        and not is_druglike(text[c.start : c.end])
    ),
    "company": lambda c, text: (
        company_end(text, c.end) > c.end
        or text[c.start : c.end].split()[-1].lower() in domain().organisation_suffixes
    ),
}
