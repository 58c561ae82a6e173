"""What a which-phrase or a dose question asks besides a name: a measure ("which dosing scheme
…?" asks a schedule, "what rate …?" a figure), and the drug a dose is of when the question
writes it in lower case ("the dose of zentoline")."""

from __future__ import annotations

import re

from .domain import domain

__all__ = [
    "GAIN_WORDS",
    "MEASURE_ASKED",
    "POPULATION_WORD",
    "STUDY_SIZE",
    "dose_subjects",
    "dosed",
    "names_a_measure",
]

_MEASURE_NOUN = re.compile(
    r"(share|proportion|portion|percentage|percent|fraction|rate|ratio|hr|p-value|value|ci|interval|dose|"
    r"dosing|fractionation|schedule|phase|year|median|number|months?|duration|status|time|range|level|"
    r"frequency|probability|gain|benefit|extension|improvement|os|pfs|orr|dcr|concentration|size|volume|count|"
    r"(?:ic|ec|ed|ld|td)\d{2})s?$",
    re.I,
)
# A scheme of doses is a schedule ("which dosing scheme …?"), and a dose adjustment a dose; a
# staging or grading scheme is a name of a class ("which staging scheme …?").
_DOSING_SCHEME = re.compile(
    r"\b(?:dos\w*|fractionation|schedul\w*|treatment)\s+schemes?$|"
    r"\bdose\s+(?:adjustments?|reductions?|modifications?|changes?)$",
    re.I,
)


# What a dose is of, written in lower case: "the dose of zentoline", "what zentoline daily dose".
# Two patterns, each read on its own: in "the starting dose of zentoline" the word before
# "dose" says which dose and the word after it whose.
_DOSED = (
    re.compile(
        r"\bdos(?:e|es|ing|age)\s+(?P<prep>of|for)\s+(?:the\s+|oral\s+|intravenous\s+)?"
        r"(?P<word>[a-z][a-z-]{4,})\b"
    ),
    re.compile(
        r"\b(?P<word>[a-z][a-z-]{4,})\s+(?:(?:daily|weekly|starting|usual|recommended|"
        r"standard|maintenance|loading|oral|total|maximum)\s+)?dos(?:e|es|ing|age)\b"
    ),
)
# People of one sex or age, whom a dose may be for: a group, never a drug the dose is of.
POPULATION_WORD = re.compile(
    r"(?:wo)?men|girls|boys|children|adults?|infants|neonates|newborns|adolescents|teenagers|"
    r"elderly|seniors|pregnant",
    re.I,
)
# What a dose is for that names no drug: people at large, or a purpose.
_PURPOSE = re.compile(r"(?:people|patients?|persons|everyone|those|prophylaxis|prevention)$", re.I)
# The endings of nouns for things done or given in general ("radiation", "treatment",
# "chemotherapy") and of adjectives ("prophylactic", "intravenous"): no drug's name.
_GENERAL_NOUN = re.compile(
    r".*(?:tion|sion|ment|ity|ness|ance|ence|therapy|ing|ed|ly|ic|al|ous|ive|ary|ar)$"
)


def dosed(text: str, names: tuple[str, ...]) -> list[str]:
    """What a dose question asks the dose of, when it writes it in lower case ("the dose of
    zentoline", "zentoline daily dose?"): a name the answer's passage must name, as a
    capitalised or stem-marked drug is."""
    known = {t.lower() for n in names for t in n.split()}
    out: list[str] = []
    found = sorted(
        (m.start(), m["word"].lower())
        for pattern in _DOSED
        for m in pattern.finditer(text)
        # "… for prophylaxis", "… for people with …": what for, not a drug; a group of one
        # sex or age ("the maximum dose for women") is kept, as the label the answer's figure
        # has, never a drug it is of (`POPULATION_WORD`)
        if m.groupdict().get("prep") != "for" or not _PURPOSE.match(m["word"])
    )
    for _, word in found:
        if word in known or word in domain().dose_qualifiers or _GENERAL_NOUN.fullmatch(word):
            continue
        out.append(word)
        known.add(word)
    return out


def names_a_measure(phrase: str, head: str) -> bool:
    """Whether a which-phrase asks a measure (a rate, a dose, a schedule), not a name."""
    return _MEASURE_NOUN.match(head) is not None or _DOSING_SCHEME.search(phrase) is not None


# What a question asks the dose of, in any case and with a slashed or hyphenated compound whole
# ("Zentamab dose …?", "the dose of zentamab", "the dosing schedule for zentamab/quellib"):
# `dosed` keeps only the lower-case ones that are not names already, for retrieval; a check of
# whose dose a passage gives reads them all.
_DOSE_SUBJECT = (
    re.compile(r"([A-Za-z][\w/-]+)\s+dos(?:e|es|ing|age)\b"),
    re.compile(
        r"\bdos(?:e|es|ing|age)(?:\s+(?:schedule|regimen))?\s+(?:of|for)\s+([A-Za-z][\w/-]+)"
    ),
)


def dose_subjects(text: str) -> list[str]:
    """The words a dose question writes by "dose" for what it asks the dose of, past the words
    that only say which dose ("what starting dose", "the daily dose")."""
    found = [m[1] for pattern in _DOSE_SUBJECT for m in pattern.finditer(text)]
    return [
        w
        for w in found
        if w.lower() not in domain().dose_qualifiers
        and not _GENERAL_NOUN.fullmatch(w.lower())
        and w.lower() not in _WH_AND_DETERMINERS
    ]


_WH_AND_DETERMINERS = frozenset({"what", "which", "the", "a", "an", "this", "that", "its", "their"})


# What a difference is: "how large was the gain?", "what is the size of the effect?".
GAIN_WORDS = (
    r"(?:benefit|gain|effect|improvement|difference|reduction|advantage|increase|decrease|drop|"
    r"rise|change|decline|gap|extension)s?\b"
)
# "How large (big) were the trials?": a study's size, the people it enrolled.
STUDY_SIZE = re.compile(
    r"\bhow (?:large|big)\s+(?:was|were|is|are)\s+(?:the\s+|these\s+|its\s+)?(?:\w+\s+)?"
    r"(?:trials?|stud(?:y|ies)|samples?|cohorts?|series|meta-analys[ie]s)\b",
    re.I,
)

# "How large are the nodules?", "what size …?", "how much fluid should one drink?", "what
# zeta-cell count …?": a physical amount with its unit (a size, a volume, a concentration),
# not a share, nor a number of people ("how large were the trials?" is their size).
MEASURE_ASKED = re.compile(
    # (A risk, a rate, a share or a role asked "how large" is a figure of its own kind.)
    rf"(?!{STUDY_SIZE.pattern})\bhow\s+(?:large|big|wide|thick|tall)\b"
    r"(?!\s+(?:an?\s+|(?:is|was|are|were)\s+(?:the\s+|its\s+|their\s+)?)(?:[\w-]+\s+){0,3}?"
    r"(?:risk|rate|proportion|share|percentage|incidence|prevalence|role|dose|number)s?\b)|"
    r"\bwhat\s+(?:(?:is|was|are|were)\s+the\s+)?"
    r"(?!(?:sample|study|trial|cohort|population|effect|dose)\b)(?:[a-z-]+\s+)?sizes?\b"
    r"(?!\s+(?:of\s+)?(?:an?\s+)?(?:dose|effect)\b)|"
    r"\bhow\s+much\s+(?:[a-z-]+\s+)?(?:fluids?|water|liquids?)\b|\bwhat\s+volume\b|"
    # "What peak plasma zetanol level …?": a concentration in the body (not "what level of
    # evidence", "what serum marker level is used", "what happens to blood zetose levels").
    r"\bwhat\s+(?:(?:is|was|are|were)\s+the\s+)?(?:(?:peak|trough|mean|median|maximum|minimum|"
    r"target|average)\s+)?(?:plasma|serum|blood|urine|urinary|tissue)\s+"
    r"(?!(?:tumou?r\s+)?(?:markers?|tests?)\b)(?:[\w-]+\s+)?levels?\b|"
    r"\bwhat\s+(?:peak|trough)\s+(?:[\w-]+\s+){0,2}levels?\b|"
    # "What zeta-cell count …?" (not "what does the count …", "what counts are …").
    r"\bwhat\s+(?!(?:does|did|do|is|was|are|were)\b)(?:[\w-]+\s+){1,3}counts?\b"
    r"(?!\s+(?:of|are|were|is|was)\b)",
    re.I,
)
