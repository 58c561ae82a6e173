"""The items of the list a sentence introduces ("Treatment options include:"), for the
extractors that answer with a list's items or with the figures its items state."""

from __future__ import annotations

from ..index import Index
from ..vocabulary import Vocabulary

__all__ = ["introduces_list", "list_items"]

# Sentences of a list read as one answer, at most: a long list is cited from its start.
_MAX_ITEMS = 12
_MAX_ITEM_CHARS = 200  # an enumerated option, feature or symptom is a phrase or one sentence


def introduces_list(index: Index, sid: int) -> bool:
    """Whether sentence `sid` introduces a list: it ends with a colon."""
    return index.sentences[sid].text.rstrip().endswith(":")


def list_items(index: Index, vocab: Vocabulary, sid: int) -> list[int]:
    """The sentences of the list that sentence `sid` introduces; [] when it introduces none, or
    a list of paragraphs (a trial's evidence) rather than an enumeration."""
    if not introduces_list(index, sid):
        return []
    sents = index.sentences
    items = []
    for k in range(sid + 1, min(len(sents), sid + _MAX_ITEMS)):
        lead = vocab.lead_in[k]
        if not lead or lead[0] != sid:
            break
        items.append(k)
    if any(sents[k].end - sents[k].start > _MAX_ITEM_CHARS for k in items):
        return []
    return items
