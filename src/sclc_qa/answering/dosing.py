"""Whether a dose found answers the dose asked: stated the same way (a flat dose in milligrams,
or one by body weight or area), by the route asked ("subcutaneous", not "IV"), and for the drug
asked, not for the drug whose name its bracket follows ("hydroxyurea (up to 4 g/day) was
compared with zetoposide" gives no zetoposide dose). Each check returns the reason's words, or
"" when the dose answers."""

from __future__ import annotations

import re

from ..lexical import stem
from ..mentions import is_druglike

__all__ = ["other_dosing"]

# How a dose is asked and stated: a flat dose in milligrams, or one by body weight or area.
_FLAT_ASKED = re.compile(r"\b(?:flat|fixed)\s+dose|\bin\s+(?:milligrams|mg)\b(?!\s*/)", re.I)
_SCALED_ASKED = re.compile(
    r"\b(?:per\s+kilogram|per\s+kg|mg/kg|weight[- ]based|by\s+(?:body\s+)?weight|"
    r"per\s+(?:square\s+metre|square\s+meter|m2|m²)|mg/m2|mg/m²|body\s+surface)\b",
    re.I,
)
_SCALED = re.compile(r"mg\s*/\s*(?:kg|m2|m²)|AUC\s*\d", re.I)

# The routes a dose is given by, each as questions and texts write it.
_ROUTES = {
    "subcutaneous": re.compile(r"\b(?:subcutaneous(?:ly)?|SC|s\.c\.|subcut)(?![\w.])", re.I),
    "intravenous": re.compile(r"\b(?:intravenous(?:ly)?|IV|i\.v\.)(?![\w.])", re.I),
    "oral": re.compile(r"\b(?:oral(?:ly)?|by mouth|PO|p\.o\.)(?![\w.])", re.I),
    "intramuscular": re.compile(r"\b(?:intramuscular(?:ly)?|IM|i\.m\.)(?![\w.])", re.I),
    "topical": re.compile(r"\btopical(?:ly)?\b", re.I),
}
# The drug a dose question asks about: "what zetoposide dose …", "the dose of zetoposide".
_WORD = r"([A-Za-z][\w-]{3,})"
_DOSE_OF = (
    re.compile(r"\b" + _WORD + r"(?:\s+(?:and|or)\s+" + _WORD + r")?\s+dos(?:e|es|ing)\b", re.I),
    re.compile(
        r"\bdos(?:e|es|ing)\s+of\s+" + _WORD + r"(?:\s*(?:,|and|or|versus|vs\.?)\s+" + _WORD + ")?",
        re.I,
    ),
)
# Words before "dose" that say which dose, not whose: "what starting dose", "the daily dose".
_NOT_A_DRUG = frozenset(
    {
        "what",
        "which",
        "starting",
        "daily",
        "total",
        "weekly",
        "usual",
        "maximum",
        "recommended",
        "loading",
        "maintenance",
        "standard",
        "median",
        "mean",
        "initial",
        "same",
        "higher",
        "lower",
        "high",
        "low",
        "flat",
        "fixed",
        "radiation",
        "single",
        "cumulative",
        "equivalent",
        "that",
    }
)
# Words before a dose's bracket that say how or when it is given, not whose it is: "a single
# dose (14 mg/m2)", "for 1 year (240 mg …)".
_DOSING_WORDS = _NOT_A_DRUG | {
    "dose",
    "doses",
    "dosage",
    "dosing",
    "regimen",
    "schedule",
    "infusion",
    "injection",
    "injections",
    "cycle",
    "cycles",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
}
# A drug's name right before the bracket that holds its dose: "hydroxyurea (" (a drug by its
# stem, or a name the question writes: "for 1 year (240 mg …)" gives the drug asked its dose).
_OWNER = re.compile(r"([A-Za-z][\w-]{3,})\s*\($")


def other_dosing(question: str, text: str, start: int, end: int) -> str:
    """The dose the question asks, as a reason's words, when the dose at `text[start:end]` is
    stated another way, by another route or for another drug; "" when it answers."""
    given = text[start:end]
    scaled = _SCALED.search(given) is not None
    if _FLAT_ASKED.search(question) and scaled:
        return f"a flat dose in milligrams (the dose given is {given.strip()})"
    if _SCALED_ASKED.search(question) and not scaled and re.search(r"\bmg\b", given):
        return f"a dose by body weight or area (the dose given is {given.strip()})"
    around = _bracket(text, start, end)
    asked = [r for r, p in _ROUTES.items() if p.search(question)]
    stated = [r for r, p in _ROUTES.items() if p.search(around)]
    if len(asked) == 1 and stated and asked[0] not in stated:
        return f"{asked[0]} use (the dose given is {stated[0]})"
    drugs = _asked_drugs(question)
    owner = _OWNER.search(text, 0, start - (len(given) - len(given.lstrip())))
    if drugs and owner and text.rfind("(", 0, start) == owner.end() - 1:
        whose = owner.group(1)
        named = is_druglike(whose) or (
            whose.lower() not in _DOSING_WORDS
            and re.search(rf"\b{re.escape(whose)}\b", question, re.I) is not None
        )
        if named and stem(whose.lower()) not in {stem(d.lower()) for d in drugs}:
            return f"{drugs[0]} (the dose given is {whose}'s)"
    return ""


def _asked_drugs(question: str) -> list[str]:
    """The drugs whose doses the question asks, by the words before "dose" or after "dose of"
    ("the zentamab and quellimab doses", "the doses of zentamab and quellimab")."""
    for pattern in _DOSE_OF:
        for m in pattern.finditer(question):
            words = [w for w in m.groups() if w and w.lower() not in _NOT_A_DRUG]
            if words:
                return words
    return []


def _bracket(text: str, start: int, end: int) -> str:
    """The dose with the bracket it stands in, if any ("(0.15 mg/kg IV)")."""
    opened = text.rfind("(", 0, start)
    closed = text.find(")", end)
    if (
        opened >= 0
        and ")" not in text[opened:start]
        and closed >= 0
        and "(" not in text[end:closed]
    ):
        return text[opened : closed + 1]
    return text[start:end]
