"""Whether a dose found answers the dose asked: stated the same way (a flat dose in milligrams,
or one by body weight or area), by the route asked ("subcutaneous", not "IV"), and for the drug
asked, not for the drug whose name its bracket follows ("quellurea (2–6 g/day) was compared with
zetoposide" gives no zetoposide dose). Each check returns the reason's words, or "" when the
dose answers."""

from __future__ import annotations

import re

from ..bounds import limit_start
from ..lexical import stem
from ..mentions import is_druglike
from ..question import Profile
from ..question_measures import dose_subjects

__all__ = ["other_dosing"]

# How a dose is asked and stated: a flat dose in milligrams, or one by body weight or area.
_FLAT_ASKED = re.compile(r"\b(?:flat|fixed)\s+dose|\bin\s+(?:milligrams|mg)\b(?!\s*/)", re.I)
_SCALED_ASKED = re.compile(
    r"\b(?:per\s+kilogram|per\s+kg|mg/kg|weight[- ]based|by\s+(?:body\s+)?weight|"
    r"per\s+(?:square\s+metre|square\s+meter|m2|m²)|mg/m2|mg/m²|body\s+surface)\b",
    re.I,
)
_SCALED = re.compile(r"mg\s*/\s*(?:kg|m2|m²)|AUC\s*\d", re.I)

# The routes a dose is given by: asked in words ("a subcutaneous dose"; not "oral cavity"),
# stated in words or, case kept, by abbreviation ("(0.1 mg/kg SC)"; not "stage IV").
_ROUTE_WORDS = {
    "subcutaneous": r"subcutaneous(?:ly)?|subcut",
    "intravenous": r"intravenous(?:ly)?",
    "oral": r"oral(?:ly)?(?!\s+(?:cavity|cancers?|mucos\w*|lesions?|health|exams?|screening))"
    r"|by mouth",
    "intramuscular": r"intramuscular(?:ly)?",
    "topical": r"topical(?:ly)?",
}
_ROUTE_ABBREVIATIONS = {
    "subcutaneous": r"SC|s\.c\.",
    "intravenous": r"IV|i\.v\.",
    "oral": r"PO|p\.o\.",
    "intramuscular": r"IM|i\.m\.",
    "topical": r"(?!)",
}
_ASKED_ROUTES = {
    route: re.compile(rf"\b(?:{words})(?![\w.])", re.I) for route, words in _ROUTE_WORDS.items()
}
_STATED_ROUTES = {
    route: re.compile(
        rf"\b(?i:{words})(?![\w.])"
        rf"|(?<!stage )(?<!grade )\b(?:{_ROUTE_ABBREVIATIONS[route]})(?![\w.])"
    )
    for route, words in _ROUTE_WORDS.items()
}
# Words before a dose's bracket that say how or when it is given, not whose it is: "a single
# dose (14 mg/m2)", "for 1 year (240 mg …)".
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
# A dose stated as a range of amounts ("25–50 mg", "2 to 4 mg"; not a schedule's "days 1–3"),
# whose top end is a most.
_RANGE = re.compile(r"\d\s*(?:[-‒–—]|to)\s*\d[\d.,]*\s*(?:mg|g|mcg|µg|mL|units?|IU)\b", re.I)
# Words in the figure's clause, before it or in it, that state it as a most: "Maximum
# suggested dose for women: 4 mg", "should not exceed 350 mg", "the highest dose was 20 mg";
# read this many characters back, within one table cell.
_MAX_WORD = re.compile(r"\b(?:max(?:imum|imal)?|highest|upper limit|exceed\w*)\b", re.I)
_MAX_STATED = re.compile(rf"{_MAX_WORD.pattern}[^.;|]*$", re.I)
_MAX_REACH = 60
# A name right before the bracket that holds a dose ("quellurea (2–6 g/day)"), within this many
# characters of it: the drug whose dose it is, if a drug by its stem or one the question names.
_OWNER = re.compile(r"([A-Za-z][\w-]{3,})\s*\(\s*$")
_OWNER_REACH = 80


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
    asked = [r for r, p in _ASKED_ROUTES.items() if p.search(question)]
    stated = [r for r, p in _STATED_ROUTES.items() if p.search(around)]
    if len(asked) == 1 and stated and asked[0] not in stated:
        return f"{asked[0]} use (the dose given is {stated[0]})"
    if (
        prof.limit == "upper"
        and limit_start(text, start, "upper") is None
        and not _MAX_STATED.search(text, max(0, start - _MAX_REACH), start)
        and not _MAX_WORD.search(given)
        and not _RANGE.search(given)
    ):
        # "The maximum daily dose of X?" is not answered by X's one usual dose ("60 mg
        # daily"), which says nothing of how high it may go; a range's top end does.
        subjects = [n for n in prof.names if is_druglike(n)] + dose_subjects(prof.text)
        drug = subjects[0] if subjects else "the drug"
        return f"the most {drug} may be given (the dose given, {given.strip()}, is no limit)"
    owner = _OWNER.search(text, max(0, start - _OWNER_REACH), start)
    if prof.names and owner is not None:
        whose = owner.group(1)
        named = is_druglike(whose) or (
            whose.lower() not in _DOSING_WORDS
            and re.search(rf"\b{re.escape(whose)}\b", question, re.I) is not None
        )
        if named and stem(whose.lower()) not in _asked(prof):
            drug = next((n for n in prof.names if is_druglike(n) or n.islower()), prof.names[0])
            return f"{drug} (the dose given is {whose}'s)"
    return ""


def _asked(prof: Profile) -> set[str]:
    """The stems of what the question asks the dose of: its names and the word it writes by
    "dose", each whole and in its parts ("zentafluridine/quellacil", "ZX-1")."""
    return {
        stem(part.lower())
        for name in (*prof.names, *dose_subjects(prof.text))
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
