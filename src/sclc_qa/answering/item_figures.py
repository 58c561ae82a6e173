"""Whose figure a bracket in a list gives: "… ZAP amplifications (15–35%), QUELL mutations
(~18%), and losses of genes such as ZKT2" states a share for ZAP and for QUELL, and none for
ZKT2. A figure in brackets after a list's item is that item's: a name the question asks that
the sentence writes only in a later item, past the bracket, is not what the figure is of; and
in a list of such items ("rash (41%), cough (22%), …"), the items that share fewer words
with the question than another, or none, are not what it asks about ("… how many presented
with zentalgia?")."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexical import tokenize
from ..mentions import written
from ..question import ENDPOINTS, Profile
from ..spans import Span

__all__ = ["of_other_items"]

# What ends one item of a list and opens the next, right after an item's bracket: "), ", "); and ".
_NEXT_ITEM = re.compile(r"\)\s*[,;]\s*(?:and\s+|or\s+)?")
# What opens an item of a list: a comma or semicolon before it, a colon, or "including" / "such
# as" (the item runs from there to its bracket).
_ITEM_OPENS = re.compile(r"(?:[,;:]|\bincluding|\bsuch as)\s+[^,;:()]*$", re.I)
# An item of a list with its bracketed figure: its last words before the bracket ("…,
# cough (22%)", "visual field loss (37%)", "included rash (41%)").
# An aside in brackets may stand between the words and the figure ("tumours (with A and B
# features) (50%)").
# A word may hold a dot between its letters or digits ("the ZQ.12 trial (…)").
_ITEM = re.compile(
    r"((?:[^\W\d](?:[\w/+-]|\.(?=\w))*\s+){0,2}[^\W\d](?:[\w/+-]|\.(?=\w))*)\s*"
    r"(?:\([^()]*\)\s*)?\(([^()]{1,30})\)"
)
# What stands between one item's bracket and the words of the next that `_ITEM` reads: a comma
# or semicolon, and the item's first words past three.
_SEPARATOR = re.compile(r"\s*[,;][^,;:()]*")
# How many bracketed items make a list whose figures each belong to their own item.
_LIST_ITEMS = 2
# A question that asks across a list's items ("by histology", "in each group", "which …"),
# answered by any of them.
_ACROSS = re.compile(r"\b(?:each|every|by|per|which|what were|breakdown|respectively)\b", re.I)
# A question that joins several things asked.
_SEVERAL = re.compile(r"\b(?:and|or|both|as well as)\b|&", re.I)
# Where an item ends: its own bracket, or a separator with no bracket before it (a dot inside
# a name, "ZQ.12", ends nothing).
_ITEM_END = re.compile(r"[(,;]|\.(?!\w)")
# How many sentences' lists are remembered (a loaded index's candidates, several times over).
_MEMO = 8192
# How much a bracket may hold beside its figure and still be the item's own ("(in 15–35% of
# cases)"): a few words.
_BRACKET_REST = 24


def of_other_items(text: str, spans: list[Span], prof: Profile) -> list[Span]:
    """`spans` less the figures bracketed after a list's item when every name the question asks
    that the sentence writes comes only in a later item, or, in a list of two or more bracketed
    figures, when the item shares fewer words with a question that asks of one thing than
    another item does (or none)."""
    found = [m for n in (*prof.names, *prof.aliases) if (m := written(n).search(text))]
    if found:
        first = min(m.start() for m in found)
        spans = [sp for sp in spans if not _an_earlier_items(text, sp, first)]
    items = _listed(text)
    if not items or not spans or _ACROSS.search(prof.text) or prof.prefer:
        return spans
    asked = set(tokenize(prof.text))
    endpoints = [ENDPOINTS[e] for e in prof.endpoints if e in ENDPOINTS]
    # An item is like the question by the words they share, and by an endpoint the question
    # asks ("OS" for "median overall survival (14.1 months)").
    shared = [
        len(set(tokenize(m[1])) & asked) + sum(bool(p.search(m[1])) for p in endpoints)
        for m in items
    ]
    if max(shared) == 0 and not (asked - set(tokenize(text))):
        return spans  # no item is like it, but the sentence writes every word it asks
    # The items most like the question are what it asks about, or, when it joins several
    # things ("rash and visual field loss"), any it shares a word with; the others' figures
    # are theirs.
    least = 1 if _SEVERAL.search(prof.text) else max(max(shared), 1)
    others = [m for m, n in zip(items, shared, strict=True) if n < least]
    return [
        sp for sp in spans if not any(m.start(2) <= sp.start and sp.end <= m.end(2) for m in others)
    ]


@lru_cache(maxsize=_MEMO)
def _listed(text: str) -> tuple[re.Match[str], ...]:
    """The items of `text`'s lists of bracketed figures: runs of two or more, each item's
    bracket followed by a separator and the next item ("rash (41%), cough (22%), and
    fatigue (9%)"). Remembered: a candidate sentence recurs across questions."""
    if text.count("(") < _LIST_ITEMS:
        return ()
    out: list[re.Match[str]] = []
    run: list[re.Match[str]] = []
    for m in _ITEM.finditer(text):
        if run and not _SEPARATOR.fullmatch(text, run[-1].end(), m.start()):
            out += run if len(run) >= _LIST_ITEMS else []
            run = []
        run.append(m)
    return (*out, *(run if len(run) >= _LIST_ITEMS else []))


def _an_earlier_items(text: str, span: Span, first_name: int) -> bool:
    """Whether `span` is bracketed after a list's item and `first_name` lies inside a later
    item of the same list: each item opens after the last one's bracket and a separator, and
    runs to its own bracket or the next separator."""
    opened = text.rfind("(", 0, span.start)
    closed = text.find(")", span.end)
    if opened < 0 or closed < 0 or closed > first_name:
        return False
    if ")" in text[opened : span.start] or "(" in text[span.end : closed]:
        return False  # the figure is not inside this one bracket
    if (span.start - opened) + (closed - span.end) > _BRACKET_REST:
        return False  # a bracket of its own sentence, not an item's figure
    if not _ITEM_OPENS.search(text, 0, opened):
        return False
    while (joined := _NEXT_ITEM.match(text, closed)) is not None:
        ends = _ITEM_END.search(text, joined.end())
        end = ends.start() if ends else len(text)
        if joined.end() <= first_name < end:
            return True
        if ends is None or ends.group() != "(":
            return False
        closed = text.find(")", end)
        if closed < 0:
            return False
    return False
