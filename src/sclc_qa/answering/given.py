"""What the documents do give about a question's subject when the figure it asks is missing,
so an abstention can say so: "The documents give ZENITH-1's OS hazard ratio and P value, but
no median OS"."""

from __future__ import annotations

from collections.abc import Sequence

from ..domain import domain
from ..index import Index
from ..question import Profile
from ..spans import find, mask_markup
from .reasons import Reasons
from .scoring import Scored
from .shares import ranking_probability

__all__ = ["given_figures"]

# From this many top sentences that name the subject, these kinds, at most this many named.
_GIVEN_FROM = 8
# …that name the subject: by themselves, their heading or the sentences next to them (the
# coverage scoring gives a subject named nearby, _NAMED_NEARBY).
_NAMED = 0.75
_GIVEN_KINDS = ("hr", "pvalue", "duration", "percent", "dose")
_GIVEN_AT_MOST = 3
# Endpoints whose figures are outcomes a reason names ("OS hazard ratio"): every endpoint of the
# domain file but the follow-up time.
_OUTCOMES = frozenset(domain().endpoints) - {"followup"}


def given_figures(index: Index, scored: Sequence[Scored], prof: Profile) -> list[str]:
    """The figures the documents do give about the question's subject, when the asked one is
    missing: from the top sentences that name it, "OS hazard ratio", "P value", …"""
    out: list[str] = []
    for cand in scored[:_GIVEN_FROM]:
        if cand.coverage < _NAMED:
            continue
        text = mask_markup(index.sentences[cand.sid].text)
        for kind in _GIVEN_KINDS:
            for span in find(text, kind):
                if kind == "percent" and ranking_probability(text, span):
                    continue  # how sure a ranking is, no rate of an outcome
                outcome = span.endpoint in _OUTCOMES and kind != "pvalue"
                endpoints = {span.endpoint} if span.endpoint and outcome else set()
                out.append(Reasons.measured(kind, endpoints))
    asked = Reasons.measured(prof.kind, prof.endpoints)
    return [g for g in dict.fromkeys(out) if g != asked][:_GIVEN_AT_MOST]
