"""Who a trial kept out: "which patients were excluded from ZETA-3?" is answered by the sentence
that says who was excluded, which a trial's description often holds a few sentences after
naming the trial ("… 878 patients received A or A plus B. Patients with zentic tumors or brain
metastases were excluded."), and by its clause that does ("…; patients with X or Y were excluded
from enrollment").
"""

from __future__ import annotations

import re

from ..index import Index
from ..question import Profile
from ..spans import strip_citation
from .scoring import Scored

__all__ = ["asks_excluded", "excluded_clause", "excluded_first"]

# A question of who was kept out: "who was excluded", "which patients were ineligible", "kept
# out", "what were the exclusion criteria".
_ASKS = re.compile(
    r"\b(?:excluded?|exclusions?|kept\s+out|barred|ineligible|not\s+eligible|left\s+out)\b",
    re.I,
)
# … of whom, or by what criteria: not "when is zetoma excluded as a diagnosis?".
_ASKS_WHO = re.compile(
    r"\b(?:who|whom|which\s+(?:patients|people|participants|groups?)|what\s+(?:patients|people)|"
    r"exclusions?|exclusion\s+criteria)\b",
    re.I,
)
# A sentence that says who was: the words a trial's description uses.
_SAYS = re.compile(
    r"\b(?:were|was|are|been)\s+(?:also\s+)?(?:excluded|ineligible|not\s+eligible)\b|"
    r"\bexclusion\s+criteria\b",
    re.I,
)
# How many candidates are looked through for one that says who was excluded.
_LOOK = 15


def asks_excluded(prof: Profile) -> bool:
    """Whether the question asks who (or by what criteria) was kept out of a trial."""
    return _ASKS.search(prof.text) is not None and _ASKS_WHO.search(prof.text) is not None


def excluded_first(index: Index, prof: Profile, scored: list[Scored]) -> list[Scored]:
    """`scored` with the first candidate that says who was excluded, in the best candidate's
    section and covering some of what the question names, brought to the front; as it was when
    the best says so already, or none does."""
    if not scored or not asks_excluded(prof):
        return scored
    sents = index.sentences
    first = sents[scored[0].sid]
    if _SAYS.search(first.text):
        return scored
    for at, c in enumerate(scored[1:_LOOK], 1):
        sent = sents[c.sid]
        if (
            c.coverage > 0
            and (sent.doc, sent.section) == (first.doc, first.section)
            and _SAYS.search(sent.text)
        ):
            return [c, *scored[:at], *scored[at + 1 :]]
    return scored


def excluded_clause(text: str) -> tuple[int, int] | None:
    """(start, end) in `text` of the clause that says who was excluded: between the semicolons
    (or the sentence's ends) around the words that say so, without a joining word before it or
    a reference after it; None when none does."""
    m = _SAYS.search(text)
    if m is None:
        return None
    start = text.rfind(";", 0, m.start()) + 1
    stop = text.find(";", m.end())
    end = len(text) if stop < 0 else stop
    if _NOT_SAID.search(text, start, end):
        return None  # "exclusion criteria were not reported" says nothing of whom
    listed = _CRITERIA_ARE.match(text, m.end()) if m[0].lower().startswith("excl") else None
    if listed is not None:
        start = listed.end()  # "Exclusion criteria included A, B and C": the list
    else:
        opened = _OPENER.match(text, start)
        start = opened.end() if opened else start
    return strip_citation(text, start, end)


# A clause that says whom it does not tell: "… were not reported".
_NOT_SAID = re.compile(r"\bnot\s+(?:reported|stated|specified|described|given)\b", re.I)
# What follows the criteria's own words: "exclusion criteria included / were / :".
_CRITERIA_ARE = re.compile(r"\s*(?:included|include|were|was|are|comprised|:)\s*", re.I)


# Spaces and a joining word that open a clause: "…; however, patients with X were excluded".
_OPENER = re.compile(r"\s*(?:(?:however|but|and|whereas|although)\b,?\s*)?", re.I)
