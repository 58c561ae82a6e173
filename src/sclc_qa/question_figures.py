"""The figures a question asks beyond its kind: which of several had the higher or lower figure
("Which trial had the lower HR?"), and other figures asked beside the main one ("median OS and
HR").

Its own module because both read a question as a set of figures rather than as one kind: they
are the `measure`, `prefer` and `also` of a `Profile`, pure functions of the question's text
(and, for `also`, of the kind and endpoints `question` found).
"""

from __future__ import annotations

import re

from .question_kinds import (
    ENDPOINTS,
    FIGURES,
    HAZARD_RATIO,
    HOW_OFTEN_SHOULD,
    KIND_RULES,
    MEDIAN,
    PART_JOINER,
    RATE_ENDPOINTS,
    TIME_TO_EVENT,
    Kind,
)

__all__ = ["across_subjects", "also_asked", "comparison"]

# A choice: "which …", or alternatives before a question mark ("… larger with A or with B?
# Give both.").
_CHOOSE = re.compile(
    r"\b(which|who|whose)\b|\bwhat (trial|drug|regimen|arm|study)\b|\bor\b[^?]*\?", re.I
)
_COMPARED = frozenset({"difference", "percent", "duration"})
# A bound left open ("5% or more", "aged 70 and older", "grade 3 or worse", "at least half"):
# neither a choice nor a comparative.
_OPEN_BOUND = re.compile(
    r"\b(?:or|and)\s+(?:more|higher|greater|above|over|less|lower|fewer|below|under|older|"
    r"younger|worse|better)\b|\bat\s+(?:least|most)\b",
    re.I,
)
_LOWER = re.compile(
    r"\b(lower|lowest|smaller|smallest|less|least|fewer|fewest|shorter|shortest)\b", re.I
)
_HIGHER = re.compile(
    r"\b(higher|highest|greater|greatest|more|most|larger|largest|longer|longest|better|best|"
    r"bigger|biggest|superior)\b",
    re.I,
)
_BETTER = re.compile(r"\b(better|best|superior)\b", re.I)
_WORSE = re.compile(r"\b(worse|worst|inferior)\b", re.I)
# "The bigger mortality reduction", "the greatest survival benefit": a lower ratio.
_GAIN = re.compile(
    r"\b(?:higher|greater|greatest|more|most|larger|largest|bigger|biggest)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:reduction|benefit|improvement|decrease|drop)\b",
    re.I,
)
# "Which cut the risk of death more?": a bigger cut of a risk is a lower ratio.
_CUT_MORE = re.compile(
    r"\b(?:cut|cuts|reduc\w*|lower(?:ed|s)?|decreas\w*|lessen\w*)\b[^?]{0,40}?\b(?:more|most)\b|"
    # "the largest reduction in the risk of death"
    r"\b(?:larger|largest|greater|greatest|bigger|biggest)\s+(?:[\w-]+\s+)?"
    r"(?:reductions?|decreases?|cuts?|drops?)\b",
    re.I,
)
_IMPLIED_MEASURE: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    # "Which gave the higher zetamab dose?": the doses compared.
    (
        "dose",
        re.compile(
            r"\b(?:higher|highest|lower|lowest|larger|largest|bigger|smaller|smallest)\s+"
            r"(?:[\w-]+\s+)?dos(?:e|es|ing)\b",
            re.I,
        ),
    ),
    # "Which was the larger trial?", "which arm had more people?": how many each enrolled.
    (
        "count",
        re.compile(
            r"\b(?:larger|largest|bigger|biggest|smaller|smallest)\s+(?:[\w-]+\s+)?"
            r"(?:trials?|study|studies|cohorts?|samples?|arms?|groups?)\b|"
            r"\b(?:more|most|fewer|fewest)\s+(?:patients|participants|people|persons|women|men|"
            r"subjects|individuals|children)\b",
            re.I,
        ),
    ),
    ("duration", re.compile(r"\b(?:longer|longest|shorter|shortest)\b", re.I)),
    # "Which cut the risk of death the most?": a reduction in a risk is its hazard ratio.
    (
        "hr",
        re.compile(
            r"\b(?:reduc\w*|cut|cuts|lower\w*|decreas\w*)\s+(?:in\s+)?(?:the\s+)?(?:relative\s+)?"
            r"risk of (?:death|progression|recurrence|relapse|disease progression)\b",
            re.I,
        ),
    ),
    (
        "percent",
        re.compile(
            r"\b(?:more|less|most|least)\s+(?:common(?:ly)?|frequent(?:ly)?|often|likely)\b",
            re.I,
        ),
    ),
)
_HOW_LONG = re.compile(
    r"\bhow long\b|\bfor how many (?:days|weeks|months|years|cycles)\b|"
    # "what dose and duration of X?", "dose and length of treatment"
    r"\b(?:dose|dosing|dosage)\s+(?:and|&)\s+(?:the\s+)?(?:duration|length)\b",
    re.I,
)


def comparison(text: str) -> tuple[Kind | None, str]:
    """(figure kind, "low" or "high") when the question asks which of several had the higher or
    lower figure; (None, "") otherwise. A better hazard ratio is a lower one."""
    text = _OPEN_BOUND.sub("", text)  # "marker of 5% or more" bounds a group, it compares nothing
    if not _CHOOSE.search(text):
        return None, ""
    measure: Kind | None = next(
        (k for k, pat in KIND_RULES if k in _COMPARED and pat.search(text)),
        None,
    )
    if HAZARD_RATIO.search(text):
        measure = "hr"
    if measure is None:
        # No figure named, but the comparative names its kind: "lived longer" compares times,
        # "less common" compares shares.
        measure = next((k for k, pat in _IMPLIED_MEASURE if pat.search(text)), None)
    if measure is None:
        # "… had more severe adverse events, A or B?": an endpoint reported as a share of
        # patients is compared by its rate.
        named = {e for e, pat in ENDPOINTS.items() if pat.search(text)}
        measure = "percent" if named and named <= RATE_ENDPOINTS else None
    if measure is None:
        return None, ""
    prefer = _direction(text)
    if not prefer:
        return None, ""
    if measure == "hr" and (_BETTER.search(text) or _GAIN.search(text) or _CUT_MORE.search(text)):
        prefer = "low"  # a better ratio, or a bigger reduction or benefit, is a lower one
    elif measure == "hr" and _WORSE.search(text):
        prefer = "high"
    return measure, prefer


def _direction(text: str) -> str:
    """ "low" or "high" as the question's comparative words point one way; "" when they point
    both ways or none. "Worse" is the higher rate of harms, else the lower figure (a worse
    hazard ratio is a higher one: the caller turns it)."""
    low, high = _LOWER.search(text), _HIGHER.search(text)
    if not (low or high) and _WORSE.search(text):
        harms = {e for e, pat in ENDPOINTS.items() if pat.search(text)} == {"tox"}
        return "high" if harms else "low"
    if bool(low) == bool(high):
        return ""
    return "low" if low else "high"


def across_subjects(text: str, endpoints: frozenset[str]) -> tuple[Kind | None, str]:
    """(figure kind, "low" or "high") when a question asks how much one subject's figure
    exceeds another's ("by how many points was the rate higher in ZENITH-1 than in ZENITH-2?"):
    texts state each subject's figure, seldom the difference, so it is compared from those.
    (None, "") otherwise, and for a gain each subject had over its own control ("how much more
    did A extend OS than B did?" asks two differences)."""
    if not _ACROSS.search(text) or _OWN_GAIN.search(text):
        return None, ""
    if (endpoints and endpoints <= RATE_ENDPOINTS) or _asks("percent", text):
        measure: Kind = "percent"
    elif endpoints and endpoints <= TIME_TO_EVENT:
        measure = "duration"
    else:
        return None, ""
    prefer = _direction(text)
    return (measure, prefer) if prefer else (None, "")


# "How much more …, in A than in B", "by how many points … with A than with B": a name after
# "than".
_ACROSS = re.compile(
    r"\b(?:how much|by how (?:many|much)|by what)\b[^?]*\bthan\s+(?:in|with|for|on|among)?\s*"
    r"(?:the\s+)?(?-i:[A-Z0-9])",
    re.I,
)
# A subject's own gain over its control: "extend", "gain", "improve", "over chemotherapy".
_OWN_GAIN = re.compile(
    r"\b(?:extend\w*|prolong\w*|gain\w*|improve\w*|benefit\w*|over|versus|vs\.?)\b", re.I
)


def _asks(kind: Kind, text: str) -> bool:
    """Whether `text` has the words that ask for a figure of `kind`."""
    return any(k == kind and pat.search(text) for k, pat in KIND_RULES)


def also_asked(text: str, kind: Kind, endpoints: frozenset[str]) -> frozenset[str]:
    """Other figures a question with several parts asks for beside its main one: "median OS
    and HR" → {duration} beside hr; "how many enrolled, and the ORR?" → {percent} beside the
    count; "what dose, and for how long?" → {duration} beside the dose. A hazard ratio's CI
    and P value come with it already."""
    if (
        kind == "count"
        and PART_JOINER.search(text)
        and (endpoints & RATE_ENDPOINTS or _asks("percent", text))
    ):
        return frozenset({"percent"})  # "how many died, and what was the mortality rate?"
    if kind == "count" and PART_JOINER.search(text) and _asks("dose", text):
        return frozenset({"dose"})  # "how was X dosed, and for how many cycles?"
    if kind == "percent" and PART_JOINER.search(text) and _asks("count", text):
        return frozenset({"count"})  # "how many new cases, and what share of all cancers?"
    if kind == "dose" and PART_JOINER.search(text) and _HOW_LONG.search(text):
        return frozenset({"duration"})  # "what dose was given, and for how long?"
    if kind == "dose" and PART_JOINER.search(text) and _asks("percent", text):
        return frozenset({"percent"})  # "what dose was given, and what response rate?"
    if kind == "difference" and PART_JOINER.search(text):
        # "How many months did X add, and what was the P value?": the gain's statistics too.
        stats = ("hr", "ci", "pvalue")
        return frozenset(k for k, pat in KIND_RULES if k in stats and pat.search(text))
    if kind not in FIGURES or not PART_JOINER.search(text):
        return frozenset()
    # The ratio's own words ask nothing more: "relative risk … with both markers" no rate.
    rest = HAZARD_RATIO.sub(" ", text) if kind == "hr" else text
    found = {k for k, pat in KIND_RULES if k in FIGURES and pat.search(rest)} - {kind}
    if kind == "hr":
        found = (found - {"ci", "pvalue"}) | _arms_asked_apart(text)
        if "duration" in found and _asks("difference", text):
            # "By how many months did X extend OS, and the HR?": the gain, where one is
            # stated, beside the medians it is the gap between.
            found |= {"difference"}
    elif kind in ("percent", "duration"):
        found -= {"ci"}  # widened with its figure: "12.3 months (95% CI, 10.8–15.8)"
    if kind == "percent" and MEDIAN.search(text) is None and not _HOW_LONG.search(text):
        # "rate … at 24 months": the months date the rate ("how long …, and what rate?"
        # asks a time of its own)
        found -= {"duration"}
    if kind == "duration" and HOW_OFTEN_SHOULD.search(text):
        found -= {"percent"}  # "how often should X be done?" asks no share
    return frozenset(found)


def _arms_asked_apart(text: str) -> set[Kind]:
    """The arms' own figures, asked in a part of their own beside a hazard ratio: "ZENITH-1:
    PFS with zentamab versus placebo, and the PFS hazard ratio?" asks both medians and the HR;
    "the HR for PFS with zentamab versus placebo?" asks the HR alone."""
    found: set[Kind] = set()
    for part in _PART.split(text):
        if HAZARD_RATIO.search(part) or not _ARMS.search(part):
            continue
        named = {e for e, pat in ENDPOINTS.items() if pat.search(part)}
        if named & TIME_TO_EVENT:
            found.add("duration")
        if named & RATE_ENDPOINTS:
            found.add("percent")
    return found


# Where a question's parts meet: ", and", or "and" before what opens a part of its own.
_PART = re.compile(r",\s*(?:and|as well as)\s+|\s+and\s+(?=(?:the|its|what|how)\b)", re.I)
# Arms set against each other, or each arm asked.
_ARMS = re.compile(
    r"\b(?:versus|vs\.?|compared (?:with|to)|against|(?:each|both|the two) (?:arms?|groups?))\b",
    re.I,
)
