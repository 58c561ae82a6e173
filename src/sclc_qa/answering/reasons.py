"""Why an answer was refused, in words a reader can act on: what the documents lack, for what."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..domain import domain
from ..models import Answer, Citation
from ..question import Profile
from ..question_kinds import HAZARD_RATIO

__all__ = ["Reasons", "abstention", "join"]

_MEASURE = domain().measures
_ENDPOINT_NAMES = {k: e.display for k, e in domain().endpoints.items()}
_PLURAL_VERBS = {"does": "do", "uses": "use", "reports": "report", "names": "name"}

_OPENING_JOIN = re.compile(r"^(?:but|and|yet|although|though|while|whereas)\s+", re.I)


class Reasons:
    """Phrases abstention reasons for one index: "The review …" or "The documents …"."""

    def __init__(self, documents: int) -> None:
        self.plural = documents > 1
        # One document is "the review" (the product's corpus); several are "the documents".
        self.source = "The documents" if self.plural else "The review"

    def says(self, verb: str) -> str:
        """ "The review reports" or "The documents report": the subject with its verb agreed."""
        return f"{self.source} {_PLURAL_VERBS[verb] if self.plural else verb}"

    def not_mentioned(self, names: Sequence[str]) -> str:
        return f"{self.says('does')} not mention {join(names)}."

    def other_regulator(self, asked: str, stated: str) -> str:
        """ "The review reports an approval by NMPA, not by FDA." """
        return f"{self.says('reports')} an approval by {stated}, not by {asked}."

    def other_indication(self, asked: str, stated: str) -> str:
        """ "The review reports an approval for zetoma, not for quelloma." """
        return f"{self.says('reports')} an approval for {stated}, not for {asked}."

    def withheld(self, clause: str) -> str:
        """ "The review says that detailed results have not yet been disclosed." (A clause
        that opens by joining the one before, "… , but results …", is given without its
        joining word.)"""
        clause = _OPENING_JOIN.sub("", clause.strip())
        return f"{self.source} {'say' if self.plural else 'says'} that {clause}."

    def not_spelled_out(self, term: str) -> str:
        return f"{self.says('uses')} {term} without spelling it out."

    def nothing_matches(self) -> str:
        return f"Nothing in {self.source.lower()} matches the question."

    @staticmethod
    def unclear(confidence: float, threshold: float) -> str:
        return (
            "The closest passage does not clearly answer the question "
            f"(confidence {confidence:.2f} < {threshold:.2f})."
        )

    @staticmethod
    def measure(kind: str) -> str:
        return _MEASURE.get(kind, "figure")

    def partial(self, measure: str, given: Sequence[str], missing: Sequence[str]) -> str:
        """ "The documents give A's hazard ratio but not B's": a comparison cannot be made."""
        has = join([f"{n}'s" for n in given])
        lacks = join([f"{n}'s" for n in missing])
        return f"{self.source} give{'' if self.plural else 's'} {has} {measure} but not {lacks}."

    def missing(self, prof: Profile, about: Sequence[str], given: Sequence[str] = ()) -> str:
        """ "The review reports no OS hazard ratio for <trial>.", or, when the documents give
        other figures for it, "The review gives <trial>'s OS hazard ratio and P value, but no
        median OS." """
        what = self.measured(prof.kind, prof.endpoints)
        if prof.kind == "hr":
            what = what.replace(_MEASURE["hr"], _ratio_asked(prof.text))
        if about and given:
            has = "s" if not self.plural else ""
            if len(about) == 1:
                stated = f"{about[0]}'s {join(given, 'and')}"
            else:
                stated = f"the {join(given, 'and')} for {join(about, 'and')}"
            return f"{self.source} give{has} {stated}, but no {what}."
        where = f" for {join(about)}" if about else ""
        if prof.kind == "entity" and prof.target in domain().statistic_abbreviations:
            return f"{self.says('reports')} no {prof.target.upper()}{where}."  # "… no AUC"
        if prof.kind == "entity" and prof.target and what == "answer":
            named = "one" if prof.target == "who" else prof.target  # "… names no one for X"
            return f"{self.says('names')} no {named}{where}."  # "… names no company"
        return f"{self.says('reports')} no {what}{where}."

    @staticmethod
    def measured(kind: str, endpoints: frozenset[str] | set[str]) -> str:
        """ "OS hazard ratio", "PFS duration", "response rate": a figure by endpoint and kind."""
        measure = _MEASURE.get(kind, "answer")
        endpoint = " / ".join(_ENDPOINT_NAMES[e] for e in sorted(endpoints))
        what = f"{endpoint} {measure}".strip() if endpoint else measure
        # "response rate" + "rate" must not read "response rate rate".
        return re.sub(r"\b(\w+) \1\b", r"\1", what)


def _ratio_asked(question: str) -> str:
    """The ratio a question asks by the name it uses ("odds ratio", "effect size", "SMD"): a
    reason that says "no hazard ratio" to a question about an effect size misleads. "hazard
    ratio" for a hazard ratio, however written."""
    named = HAZARD_RATIO.search(question)
    if named is None or re.fullmatch(r"(?i:hazard ratios?)|HRs?", named.group()):
        return _MEASURE["hr"]
    name = re.sub(r"(?<=[A-Za-z])s$", "", named.group())  # "effect sizes", "ORs"
    if name.isupper() or re.match(r"(?i)cohen|hedge", name):
        return name  # an abbreviation, or a statistic by its author's name ("Cohen's d")
    return name.lower()


def join(items: Sequence[str], word: str = "or") -> str:
    """ "A", "A or B", "A, B or C" (duplicates dropped)."""
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def abstention(
    question: str, reason: str, confidence: float, related: tuple[Citation, ...] = ()
) -> Answer:
    """An abstention with its reason, citing the passages closest to an answer."""
    return Answer(
        question=question,
        answer=None,
        citations=related,
        confidence=round(min(confidence, 1.0), 4),
        abstained=True,
        reason=reason,
    )
