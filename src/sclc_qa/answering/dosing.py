"""Whether a dose found answers the dose asked: stated the same way (a flat dose in milligrams,
or one by body weight or area), by the route asked ("subcutaneous", not "IV"), and for the drug
asked, not for the drug whose name its bracket follows ("hydroxyurea (up to 4 g/day) was
compared with zetoposide" gives no zetoposide dose). Each check returns the reason's words, or
"" when the dose answers."""

from __future__ import annotations

import re

from ..lexical import stem
from ..mentions import is_druglike
from ..question import Profile

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
# Words before a dose's bracket that say how or when it is given, not whose it is: "a single
# dose (14 mg/m2)", "for 1 year (240 mg …)". (The drugs asked are the question's names, a
# lower-case one written before "dose" among them: `question.profile`.)
_DOSING_WORDS = frozenset(
    {
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
)
# The word a question writes right before "dose" or after "dose of" ("Zentamab dose …?", "the
# dose of zentamab", "the dosing schedule for zentamab/quellib"), whatever its case: a drug
# asked, as the question's names are.
_DOSE_OF = (
    re.compile(r"([A-Za-z][\w/-]+)\s+dos(?:e|es|ing|age)\b"),
    re.compile(
        r"\bdos(?:e|es|ing|age)(?:\s+(?:schedule|regimen))?\s+(?:of|for)\s+([A-Za-z][\w/-]+)"
    ),
)
# A drug's name right before the bracket that holds its dose: "hydroxyurea (" (a drug by its
# stem, or a name the question writes: "for 1 year (240 mg …)" gives the drug asked its dose).
_OWNER = re.compile(r"([A-Za-z][\w-]{3,})\s*\($")


def other_dosing(prof: Profile, text: str, start: int, end: int) -> str:
    """The dose the question asks, as a reason's words, when the dose at `text[start:end]` is
    stated another way, by another route or for another drug; "" when it answers."""
    question = prof.text
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
    owner = _OWNER.search(text, 0, start - (len(given) - len(given.lstrip())))
    if prof.names and owner and text.rfind("(", 0, start) == owner.end() - 1:
        whose = owner.group(1)
        named = is_druglike(whose) or (
            whose.lower() not in _DOSING_WORDS
            and re.search(rf"\b{re.escape(whose)}\b", question, re.I) is not None
        )
        asked_names = _asked(prof)
        if named and stem(whose.lower()) not in asked_names:
            drug = next((n for n in prof.names if is_druglike(n) or n.islower()), prof.names[0])
            return f"{drug} (the dose given is {whose}'s)"
    return ""


def _asked(prof: Profile) -> set[str]:
    """The stems of what the question asks the dose of: its names and the word it writes by
    "dose", each whole and in its parts ("zentafluridine/quellacil", "ZX-1")."""
    dosed = [m[1] for pattern in _DOSE_OF for m in pattern.finditer(prof.text)]
    return {
        stem(part.lower())
        for name in (*prof.names, *dosed)
        for part in (name, *re.split(r"[\s/-]+", name))
        if part
    }


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
