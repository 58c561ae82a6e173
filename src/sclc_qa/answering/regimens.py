"""A drug asked about on its own and a sentence that gives it only in combination: "ORR with
zentamab monotherapy" is not answered by "zentamab plus quellimab achieved an ORR of 30%"; nor
a combination asked by a sentence that joins one of its drugs to something else."""

from __future__ import annotations

import re

from ..domain import domain
from ..mentions import is_druglike

__all__ = ["other_arm", "other_combination", "other_regimen"]

# A drug said to be given on its own, before or after its name.
_ALONE_AFTER = re.compile(
    r"^[\s-]*(?:alone|monotherapy|on\s+its\s+own|by\s+itself|as\s+(?:a\s+)?single[\s-]agent)\b",
    re.I,
)
_ALONE_BEFORE = re.compile(r"\b(?:single[\s-]agent|single[\s-]drug)\s*$", re.I)
# A question that sets an arm against another asks about the combination too ("A plus B versus
# A alone"): the sentence on the combination answers it.
_COMPARED = re.compile(r"\b(?:versus|vs\.?|compared|comparison|than|over|against)\b|\bor\b", re.I)
# The words that join a drug to another in one regimen, before or after its name.
_JOINED_BEFORE = re.compile(
    r"([\w-]+)\s*(?:\bplus|\+|\bcombined\s+with|\bin\s+combination\s+with|\badded\s+to)\s*$",
    re.I,
)
_JOINED_AFTER = re.compile(
    r"^\s*(?:plus\b|\+|combined\s+with\b|in\s+combination\s+with\b|added\s+to\b)\s*([\w-]+)",
    re.I,
)
# What else a regimen joins to a drug, besides another drug by its stem.
_PARTNERS = re.compile(r"(?i)^(?:chemo(?:therapy)?|chemoradiation|radiotherapy|placebo)$")
_COMPOUND = re.compile(r"[\w-]+")


def other_regimen(question: str, names: tuple[str, ...], sentence: str) -> tuple[str, str] | None:
    """(the drug alone as asked, the combination the sentence gives instead) when the question
    asks about one drug on its own, sets it against no other arm, and the sentence names that
    drug only joined to another ("zentamab plus quellimab", "zentamab-plus-chemotherapy arm");
    None when the sentence also gives it alone or the question asks no such thing."""
    if _COMPARED.search(question):
        return None
    for name in names:
        if not is_druglike(name) or not _asked_alone(question, name):
            continue
        joined = []
        for m in _found(name, sentence):
            combination = _joined(sentence, m.start(), m.end())
            if not combination:
                return None  # named here on its own, or as the asked arm is
            joined.append(combination)
        if joined:
            return f"{name} alone", joined[0]
    return None


def _asked_alone(question: str, name: str) -> bool:
    for m in _found(name, question):
        if _ALONE_AFTER.search(question[m.end() :]) or _ALONE_BEFORE.search(question[: m.start()]):
            return True
    return False


def _found(name: str, text: str) -> list[re.Match[str]]:
    """Where `text` writes `name`, in a hyphened compound too ("ZRK-plus-zentamab arm")."""
    return list(re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I))


def _joined(sentence: str, start: int, end: int) -> str:
    """The regimen that joins the drug at `start:end` to another, as the sentence writes it
    ("ZRK plus zentamab"); "" when the drug stands on its own there."""
    if _ALONE_AFTER.search(sentence[end:]) or _ALONE_BEFORE.search(sentence[:start]):
        return ""
    left = start
    while left > 0 and (sentence[left - 1].isalnum() or sentence[left - 1] == "-"):
        left -= 1
    right = end
    while right < len(sentence) and (sentence[right].isalnum() or sentence[right] == "-"):
        right += 1
    compound = sentence[left:right]
    if any(_partner(p) for p in compound.split("-") if p.lower() != sentence[start:end].lower()):
        return compound
    before = _JOINED_BEFORE.search(sentence[:left])
    if before and _partner(before.group(1)):
        return sentence[before.start() : right]
    after = _JOINED_AFTER.search(sentence[right:])
    if after and _partner(after.group(1)):
        return sentence[left : right + after.end()]
    return ""


def _partner(word: str) -> bool:
    """Whether `word` can be a regimen's other part: a drug by its stem, or chemotherapy."""
    return is_druglike(word) or _PARTNERS.match(word) is not None or word.lower() == "plus"


# Two drugs asked as one regimen: "zentamab plus quellimab", "zentamab + quellimab".
_ASKED_PAIR = re.compile(
    r"([\w-]+)\s*(?:\bplus\b|\+|\bcombined\s+with\b|\bwith\b)\s*([\w-]+)", re.I
)


def other_combination(question: str, sentence: str) -> tuple[str, str] | None:
    """(the combination asked, the one the sentence gives instead) when the question asks about
    two drugs as one regimen ("the zentamab plus quellimab arm") and the sentence names neither
    that regimen nor the second drug, only the first joined to something else ("the
    zentamab-plus-chemotherapy arm"); None otherwise."""
    if _COMPARED.search(question):
        return None
    for m in _ASKED_PAIR.finditer(question):
        first, second = m.group(1), m.group(2)
        if not (is_druglike(first) and is_druglike(second)):
            continue
        if any(_found(part, sentence) for part in (second, *second.split("-")) if part):
            continue  # the second drug is named: the sentence may give the regimen asked
        joined = [
            c for c in (_joined(sentence, f.start(), f.end()) for f in _found(first, sentence)) if c
        ]
        if joined and not (_cytotoxic(second) and _CHEMO.search(joined[0])):
            # (a cytotoxic asked may be what the sentence calls chemotherapy)
            return f"{first} plus {second}", joined[0]
    return None


_CHEMO = re.compile(r"(?i)(?<![^\W_])chemo(?:therapy)?\b")


def _cytotoxic(drug: str) -> bool:
    """Whether a drug, or a part of a hyphened regimen ("zentaplatin-etoposide"), is a
    cytotoxic by its stem."""
    return any(part.lower().endswith(domain().cytotoxic_stems) for part in drug.split("-") if part)


# The arm an answer's figures are given for: "11 months in the quellimab arm", "… in the
# quellimab-plus-chemotherapy group", "… for patients who received quellimab".
_ARM_OF_FIGURE = re.compile(
    r"\b(?:in|with|for|among)\s+(?:the\s+)?(?:"
    r"([\w-]+(?:\s+(?:plus|and|\+)\s+[\w-]+)?)\s+(?:arm|group|cohort)s?\b|"
    r"(?:patients|those)\s+(?:who\s+)?(?:received|receiving|given|treated\s+with)\s+"
    r"(?:the\s+)?([\w-]+(?:\s+(?:plus|and|\+)\s+[\w-]+)?))",
    re.I,
)


def other_arm(
    names: tuple[str, ...], sentence: str, start: int, end: int
) -> tuple[str, str] | None:
    """(the drug asked, the drug whose arm the answer's figures are given for) when the
    question names one drug, the sentence never names it, and the answer at `start:end`
    labels its first figure as another drug's arm ("PFS was 11 months in the quellimab arm"
    for "… with zentamab?"); None otherwise."""
    asked = [n for n in names if is_druglike(n)]
    if len(asked) != 1 or _found(asked[0], sentence):
        return None
    # The first arm named is the first figure's: a comparator's arm after it is no answer to
    # whose figure it is ("11 months in the experimental arm versus 6 in the quellimab arm").
    label = _ARM_OF_FIGURE.search(sentence, start, end)
    if label is None:
        return None
    arm = label.group(1) or label.group(2)
    drug = next((p for p in re.split(r"[\s+-]+", arm) if is_druglike(p)), None)
    return (asked[0], drug) if drug is not None else None
