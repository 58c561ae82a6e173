"""An answer's figures keep their labels: when a later figure of the answer is named (its
group in brackets, its endpoint), the first one's name joins the answer too, so "80% and the DCR
91.4%" is read "the confirmed ORR was 80% and the DCR 91.4%"; a share keeps what it is a share
of ("13% of lung adenocarcinomas")."""

from __future__ import annotations

import re

from ..domain import domain
from ..lexical import STOPWORDS
from ..question import ENDPOINTS

__all__ = [
    "ARM_AFTER",
    "ARM_LABEL",
    "PREDICATE_AFTER",
    "base_end",
    "endpoint_after",
    "endpoint_label",
    "first_label",
    "labelled_after",
    "own_label_end",
    "per_base_end",
]

# "X% of <whom>": the base is a short noun phrase ("SCLC tumors", "intratumoral immune cells");
# read at most this many words, stopping at the first function word or past participle, which
# opens what the base did rather than what it is ("… of patients treated with …").
_BASE_WORDS = 3
_OF_BASE = re.compile(r"\s+of\s+(?:(?:the|all|these|those)\s+)?")
_BASE_WORD = re.compile(r"[A-Za-z][\w+/-]*")


def base_end(text: str, e: int) -> int:
    """The end of a share's base written just after it ("70-80%" → "70-80% of SCLC tumors"),
    else `e`: without its base, a share does not say whom it counts."""
    of = _OF_BASE.match(text, e)
    if of is None:
        return e
    pos, end = of.end(), e
    for i in range(_BASE_WORDS):
        word = _BASE_WORD.match(text, pos)
        if word is None:
            break
        low = word.group().lower()
        if low in STOPWORDS or (i and low.endswith("ed")):
            break
        end = word.end()
        if text[end : end + 1] != " ":
            break
        pos = end + 1
    return end


# Whom a rate counts ("person-years" before "person", which would cut it short).
_COUNTED = (
    r"(?:person-years|patient-years|women-years|patients?|persons?|people|women|men|screenings?|"
    r"screens|examinations)"
)
# A rate's base of time or people, right after it: "3% risk per patient per year", "0.5% per
# year", "12 per 100,000 person-years".
_PER_BASE = re.compile(
    r"(?:\s+(?:risk|rate|chance|incidence))?\s+per\s+(?:[\d,]+\s+)?"
    rf"(?:{_COUNTED}|years?|months?)"
    r"(?:\s+per\s+(?:years?|months?))?\b"
)
# A rate's figure that ends on "per <number>" ("0.4 cases per 100,000"), and whom it counts.
_PER_NUMBER = re.compile(r"\bper\s+[\d,]+$")
_PER_NUMBER_REACH = 20
# … whatever is counted, in a plural noun, and the time it is counted over: "0 to 9 cases per
# 10,000 procedures", "1 per 100,000 men per year".
_BASE_NOUN = re.compile(
    rf"\s+(?:{_COUNTED}|(?!versus\b|whereas\b)[a-z]{{3,}}s)\b"
    r"(?:\s+(?:per|a|each)\s+(?:years?|months?)\b)?"  # "… per 100,000 men per year"
)


def per_base_end(text: str, e: int) -> int:
    """The end of a rate's base written just after it ("3% risk per patient per year"), else
    `e`: without it, a yearly rate reads as a lifetime one."""
    base = _PER_BASE.match(text, e)
    if base is None and _PER_NUMBER.search(text, max(0, e - _PER_NUMBER_REACH), e):
        base = _BASE_NOUN.match(text, e)  # "0.4 cases per 100,000" + " person-years"
    return base.end() if base is not None else e


# A share's own rate noun, with up to two words that say which ("61% false-positive rate",
# "a 12% complication rate"), written straight after it.
_RATE_NOUN_AFTER = re.compile(
    r"(?:\s+(?!(?:of|in|for|and|or|vs|versus|with|at|to|than|the|a|an|was|were|is|are|by|from)"
    r"\b)[a-z][\w-]*){0,2}\s+rates?\b"
)


def endpoint_after(text: str, e: int, question: str) -> int:
    """The end of an endpoint named right after a share ("41%" → "41% ORR", or in words, when
    the question asks it: "71%" → "71% specificity"), else `e`; and
    when the question asks in whom ("… in patients with what level of X?"), the end of the
    group that follows it ("… in patients with ≥30% X-positive cells")."""
    named = _ABBREVIATED_AFTER.match(text, e)
    if named is not None and any(p.fullmatch(named.group(1)) for p in ENDPOINTS.values()):
        e = named.end()
    elif (gap := _GAP.match(text, e)) is not None:
        # "… and 71% specificity": an asked endpoint in words, whole (a pattern may match only
        # a word's stem: "toxicit").
        words = (
            m.end()
            for p in ENDPOINTS.values()
            if p.search(question)
            and (m := p.match(text, gap.end()))
            and not _WORD_GOES_ON.match(text, m.end())
        )
        e = max(words, default=e)
    rate = _RATE_NOUN_AFTER.match(text, e)
    e = rate.end() if rate is not None else e  # "a 61% false-positive rate": what it measures
    e = labelled_after(text, e)
    if _ASKS_WHOM.search(question):
        whom = _WHOM_AFTER.match(text, e)
        e = whom.end() if whom is not None else e
    return e


def labelled_after(text: str, e: int) -> int:
    """The end of "for <endpoint>" right after a figure ("44% (95% CI, 40%–48%) for zeta": the
    endpoint it is for, named after it), else `e`."""
    labelled = _FOR_AFTER.match(text, e)
    if labelled is None:
        return e
    return max(
        (m.end() for p in ENDPOINTS.values() if (m := p.match(text, labelled.end()))), default=e
    )


# The space between a figure and the endpoint written after it, on one line.
_GAP = re.compile(r"[ \t]+")
# A word that goes on past where an endpoint's pattern stopped ("toxicit|ies").
_WORD_GOES_ON = re.compile(r"[\w-]")
# "for" before an endpoint named after its figure: "51% for sensitivity".
_FOR_AFTER = re.compile(r"\s+for\s+(?:the\s+)?")
# An endpoint's abbreviation written just after its figure: "41% ORR".
_ABBREVIATED_AFTER = re.compile(r"\s+([A-Z]{2,5})\b")
# "In patients with what level of X", "in which patients", "for what group": the figure's group
# is asked too.
_ASKS_WHOM = re.compile(
    r"\b(?:in|among|for)\s+(?:patients|people|those|tumou?rs)\s+(?:with|whose)\s+(?:what|which)\b|"
    r"\b(?:in|among|for)\s+(?:which|what)\s+(?:patients|people|group|subgroup|population)\b",
    re.I,
)
_WHOM_AFTER = re.compile(
    r"\s+(?:in|among|for)\s+(?:(?:the|those|all)\s+)?(?:patients|people|participants|those|"
    r"tumou?rs)\s+(?:with|whose|who|whom|that)\b[^,;.()]*(?:\([^()]*\)[^,;.()]*)*"
)


def first_label(text: str, s: int, e: int) -> int:
    """ "group A (40%), group B (25%), …": when the figures of an answer each follow
    their group's label in brackets, the later labels are inside it, so the first one joins it
    too (as many words as the second label has). Else `s` unchanged."""
    opening = text[:s].rstrip()
    if not (text.startswith("(", s) or opening.endswith("(")):
        return endpoint_label(text, s, e)
    label = _LABEL.search(text, s, e)
    if label is None or re.match(r"\w+(?:ing|ed)\b", label.group(1)):
        return s  # "…), demonstrating a benefit (…": a clause goes on, not another group
    bracket = s if text.startswith("(", s) else len(opening) - 1
    words = list(re.finditer(r"[\w-]+", text[:bracket]))
    n = len(label.group(1).split())
    return words[-n].start() if len(words) >= n else s


_LABEL = re.compile(
    r"\)\s*[,;]?\s*(?:and|or|vs\.?|versus|compared with|than)?\s*([\w-]+(?:\s+[\w-]+){0,3})\s*\(\s*"
)


# A figure's value: a number with its unit ("80%", "8.2 months").
_VALUE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|months?\b|years?\b|weeks?\b)")
_BRACKETED = re.compile(r"\([^()]*\)")
# Where a figure's label may begin, looking back from it: a clause or bracket opens.
_OPENING = re.compile(r"[,;:(]\s*|^")
# Words that belong to a label before its endpoint: "the confirmed ORR", "the 5-year OS rate".
_LABEL_WORD = re.compile(
    r"(?:the|a|an|median|mean|confirmed|overall|estimated|objective|"
    r"\d+-(?:year|month)|one-year|two-year|three-year|five-year)\s+$",
    re.I,
)
# How far back a label may start (characters).
_LABEL_REACH = 60


def endpoint_label(text: str, start: int, end: int) -> int:
    """Where an answer that names the endpoint of a later figure starts once its first figure
    keeps its label too: "80% and the DCR 91.4%" grows to "the confirmed ORR was 80% and the
    DCR 91.4%". The label is the first endpoint named between the clause's opening and the
    figure, with the words that qualify it ("the 5-year OS rate"); an answer whose figures are
    told apart by arm or time point ("88% with A and 78% with B"), or with no endpoint named
    close before it, keeps `start`."""
    unbracketed = _BRACKETED.sub(" ", text[start:end])  # a CI is part of its figure
    first = _VALUE.search(unbracketed)
    if first is None or not any(p.search(unbracketed, first.end()) for p in ENDPOINTS.values()):
        return start  # one figure, or figures told apart by arm or time, not by endpoint
    if labelled_after(unbracketed, first.end()) > first.end():
        return start  # "51% for zeta and 86% for eta": each labelled after its figure
    opening = max(
        (m.end() for m in _OPENING.finditer(text, max(0, start - _LABEL_REACH), start)),
        default=max(0, start - _LABEL_REACH),
    )
    named = [
        m.start()
        for p in ENDPOINTS.values()
        for m in p.finditer(text, opening, start)
        if text.count(")", m.start(), start) <= text.count("(", m.start(), start)
    ]  # not a word inside a bracket that closes before the figure
    if not named:
        return start
    label = min(named)
    while (word := _LABEL_WORD.search(text, opening, label)) is not None:
        label = word.start()
    return label


# An arm's label after its figure: "in the osimertinib group", "with placebo arm".
ARM_LABEL = re.compile(
    r"\s+(?:with|in|on|for|among)\s+(?:the\s+)?(?:[^,;.()]{1,40}?\b(?:group|arm|cohort)s?\b"
    # … or the arm's treatment alone, ending the figure: "4.2 months with placebo (HR …)".
    r"|[A-Za-z][\w-]*(?:\s+(?:plus|and|\+)\s+[A-Za-z][\w-]*)?(?:\s+(?:alone|only))?"
    r"(?=\s*(?:[,;.()]|$)|\s+(?:versus|vs\.?|and|compared)\s))"
)
ARM_AFTER = re.compile(
    # "… (95% CI …) mortality rate with <arm>": the figure's own measure words may come first;
    # "A% and B%, respectively, in the <arm> group": a pair's arm follows its "respectively".
    r"\s*(?:\([^()]*\)\s*)?(?:,?\s*respectively,?\s*)?(?:[a-z][a-z-]*\s+){0,3}?"
    r"(?:with|in|on|for|among|receiving|after|from|of)\s+(?:the\s+)?"
    # "… for patients in the <arm> group": the people are no label, their arm is.
    r"(?:(?:patients|participants|those)\s+(?:in|on|receiving|given|treated with)\s+(?:the\s+)?"
    # "… in the group that (actually) received <arm>", "… in the group assigned to <arm>":
    # the group is no label, its arm is.
    r"|(?:group|arm|cohort)\s+(?:that|who|which)\s+(?:actually\s+)?(?:received|underwent|got|"
    r"was\s+(?:invited|assigned|randomi[sz]ed)\s+to(?:\s+receive)?)\s+"
    r"|(?:group|arm|cohort)\s+(?:assigned|randomi[sz]ed|allocated)\s+to(?:\s+receive)?\s+)?"
)


# What a share counts, said by the verb right after it (or after its base): "12% were ZQ7
# positive", "30% of them had zetal flares". The words after the verb label the figure as
# an arm's name after "with" does.
PREDICATE_AFTER = re.compile(
    r"\s*(?:were|was|are|is|had|has|have|showed|developed|experienced|reported|achieved|received|"
    r"underwent)\s+(?:also\s+|still\s+)?"
)

# A figure's own group or time, written right after it: "from never-smokers", "after complete
# resection", "in the zentamab group", "at 4 years" (to the comma, bracket or joining word that
# ends it).
_OWN_LABEL = re.compile(
    r"\s+(?:from|in|among|for|after|with|at)\s+[^,;()\[\]]{1,40}?"
    r"(?=\s*(?:[,;()\[]|\.\s|\.?$)|\s+(?:and|versus|vs\.?|compared|while|whereas)\b)"
)


def own_label_end(text: str, end: int) -> int:
    """Where a figure ending at `end` ends with the group or time written right after it, when
    one of a run of figures each labelled so ("15% from former smokers, 6% from current
    smokers, and 52% from never-smokers"; "81% at 1 year, 64% at 4 years"); `end` when none
    is."""
    label = _OWN_LABEL.match(text, end)
    return label.end() if label is not None else end


# A time written right after a figure, which dates it: "70% at 2 years", "46% by 5 years".
_TIME_AFTER = re.compile(
    r"\s*(?:at|by|after)\s+(?:\d+|" + "|".join(domain().number_words) + r")[\s-]*"
    r"(?:years?|months?|weeks?)\b",
    re.I,
)


def time_after(text: str, end: int) -> int:
    """The end of the time written right after the figure ending at `end` ("… at 8 years"),
    else `end`."""
    found = _TIME_AFTER.match(text, end)
    return found.end() if found is not None else end
