"""What the sentences around a figure's say of it when it does not: the endpoint a ratio with
none of its own reports ("Survival was longer with A. The HR was 0.7."), and the time point a
rate that names none is read at ("The 2-year DFS rate was … . The DFS rate in the ITT population
was …")."""

from __future__ import annotations

from ..endpoint_mentions import endpoints_named
from ..index import Index
from ..mentions import time_points
from ..spans import mask_markup
from ..vocabulary import Vocabulary

__all__ = ["context_endpoint", "earlier_time_points"]

# How many sentences back a rate that names no time point may take the one stated for its
# endpoint: a list item or two, each of a sentence or two.
_EARLIER_REACH = 3


def context_endpoint(
    index: Index, vocab: Vocabulary, sid: int, *, lead_in_only: bool = False
) -> str | None:
    """The one endpoint the nearest sentence before `sid` that names any does: the sentence
    before in the paragraph (unless `lead_in_only`), else the list's lead-in. None when it
    names several."""
    before = () if lead_in_only else vocab.prev[sid]
    for at in (*before, *vocab.lead_in[sid]):
        named = endpoints_named(mask_markup(index.sentences[at].text))
        if named:
            return next(iter(named)) if len(named) == 1 else None
    return None


def earlier_time_points(index: Index, sid: int, endpoints: frozenset[str]) -> frozenset[int]:
    """The time points of the nearest of the few sentences before `sid` in its section that
    names one of `endpoints` with a time point; empty when none does."""
    sents = index.sentences
    here = sents[sid]
    for at in range(sid - 1, max(-1, sid - 1 - _EARLIER_REACH), -1):
        before = sents[at]
        if before.doc != here.doc or before.section != here.section:
            break
        points = time_points(before.text)
        if points and endpoints_named(before.text) & endpoints:
            return points
    return frozenset()
