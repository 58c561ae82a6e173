"""Which sentences a sentence is read with: the earlier sentences of its paragraph (where a
trial is usually named before its results), and the block that introduces its Markdown list (a
trial's description before the list of its results). Worked out once per loaded index.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .index import Index
from .models import Sentence

__all__ = ["leads_in", "list_lead_ins", "opens_item", "previous_in_block"]

# Markdown citation links between sentences: "[[67](#cit/section_3.67)]", "[[1](#a),[2](#b)]",
# "[[6](#cit/…)-[9](#cit/…)]".
_CITATION_LINKS = re.compile(r"\[(?:\[[^\[\]]*\]\([^()\s]*\)[,\s\-–]*)+\]")


def leads_in(sent: Sentence) -> bool:
    """Whether a sentence ends with a colon as a reader sees it, and so introduces what follows
    (a citation marker may stand after the colon in the Markdown: "include:[[1](…)]")."""
    return (sent.display or sent.text).rstrip().endswith(":")


# How far back (in sentences) a list item looks for the block that introduces its list.
_LIST_REACH = 40
# The lead-in block's sentences kept, from its end back: enough for a trial's description.
_LEAD_IN_SENTENCES = 8
_ITEM = re.compile(r"[ \t]*(?:[-*+]|(\d+)[.)])[ \t]+")


def _item(text: str, pos: int) -> tuple[int, int | None] | None:
    """(line start, number or None for a bullet) of the list item that holds `pos`: on its
    first line, or on a line its text wraps onto ("- **Randomization:** … (urban or\nrural),
    …"), with no blank line between."""
    line = text.rfind("\n", 0, pos) + 1
    for _ in range(_WRAPPED_LINES):
        m = _ITEM.match(text, line)
        if m is not None:
            return line, int(m.group(1)) if m.group(1) else None
        if line == 0:
            return None
        before = text.rfind("\n", 0, line - 1) + 1
        if not text[before : line - 1].strip():
            return None  # a paragraph of its own (a blank line above), not an item's text
        line = before
    return None


def in_numbered_item(text: str, pos: int) -> bool:
    """Whether `pos` lies in a numbered list item ("2. The ZETA-2 trial …"), not a bullet."""
    item = _item(text, pos)
    return item is not None and item[1] is not None


def opens_item(text: str, pos: int) -> bool:
    """Whether a sentence at `pos` is the first of a list item: only the item's marker (and
    the opening of a bold label, "1. **Zeta bias**: …") stands before it on its line."""
    line = text.rfind("\n", 0, pos) + 1
    m = _ITEM.match(text, line)
    return m is not None and text[m.end() : pos] in ("", "**")


# How many lines back a wrapped item's first line may be.
_WRAPPED_LINES = 40


def _same_place(a: Sentence, b: Sentence) -> bool:
    return a.doc == b.doc and a.section == b.section


def _block_of(sents: Sequence[Sentence], text: str, j: int) -> tuple[int, ...]:
    """Sentence `j` and the sentences before it in its block (its list item's line, or its
    paragraph up to the blank line before it), nearest first."""
    item = _item(text, sents[j].start)
    begin = item[0] if item is not None else text.rfind("\n\n", 0, sents[j].start) + 2
    chain = [j]
    while (
        len(chain) < _LEAD_IN_SENTENCES
        and j > 0
        and _same_place(sents[j - 1], sents[j])
        and sents[j - 1].start >= begin
    ):
        j -= 1
        chain.append(j)
    return tuple(chain)


def list_lead_ins(index: Index) -> list[tuple[int, ...]]:
    """For each sentence of a Markdown list item, the block that introduces its list: a
    trial's description ("1. The phase III X trial randomly assigned …") followed by its
    results ("- The median PFS was …", or a list numbered afresh from 1). A list's items
    report on what its lead-in names. Empty for every other sentence."""
    sents = index.sentences
    out: list[tuple[int, ...]] = [()] * len(sents)
    for i, s in enumerate(sents):
        if s.kind != "paragraph":
            continue
        text = index.documents[s.doc].text
        mine = _item(text, s.start)
        if mine is None:
            continue
        expect = mine[1]  # walking back, the number the previous item of this list has
        here = mine[0]
        for j in range(i - 1, max(-1, i - 1 - _LIST_REACH), -1):
            p = sents[j]
            if not _same_place(p, s) or p.kind != "paragraph":
                break
            item = _item(text, p.start)
            if item is not None and item[0] == here:
                continue  # another sentence of the same item
            if item is not None and item[1] is None and mine[1] is None:
                here = item[0]  # an earlier bullet of the same list
                continue
            if item is not None and mine[1] is not None:
                if item[1] is None:
                    continue  # bullets nested between numbered items
                if expect is not None and item[1] == expect - 1:
                    here, expect = item[0], item[1]
                    continue
                if expect != 1:
                    break  # another list, not the one this item starts
            block = _block_of(sents, text, j)
            if len(block) == 1 and leads_in(p) and j > 0 and _same_place(sents[j - 1], p):
                # "The following results were observed:" names nothing itself: the list
                # before it (the trial's arms) has the lead-in that does.
                block += out[j - 1]
            out[i] = block
            break
    return out


def previous_in_block(
    sents: Sequence[Sentence], reach: int, texts: dict[str, str]
) -> list[tuple[int, ...]]:
    """Up to `reach` earlier sentences of the same paragraph, nearest first: where a trial
    is usually named. A citation between two sentences of the documents' `texts`
    ("….[[67](#cit/section_3.67)] The study …") is not a paragraph break."""
    prev: list[tuple[int, ...]] = []
    for i, s in enumerate(sents):
        chain: list[int] = []
        j = i - 1
        crossed = False
        while j >= 0 and len(chain) < reach:
            p = sents[j]
            if p.section != s.section or p.kind != s.kind or s.kind not in ("paragraph", "caption"):
                break
            between = sents[j + 1].start - p.end
            if between > 3:
                gap = texts[p.doc][p.end : sents[j + 1].start]
                if "\n" not in gap:
                    between = len(_CITATION_LINKS.sub("", gap))
            if between > 3:  # a paragraph break
                if crossed or not _REFERS_BACK.match(sents[j + 1].text):
                    break
                # "In this trial, …" opening a paragraph goes on about the study the paragraph
                # before named: that one is read as its own, once.
                crossed = True
            chain.append(j)
            j -= 1
        prev.append(tuple(chain))
    return prev


# A paragraph that opens by referring back to a study: "In this randomized trial, …", "This
# study …", "In these patients' trial, …" (plain lower-case words between).
_REFERS_BACK = re.compile(
    r"\s*(?:(?:In|For|Of|From|Within|Across)\s+)?(?:this|these|that|those|This|These|That|Those)"
    r"\s+(?:[a-z-]+\s+){0,2}(?:trial|study|studies|analysis|cohort|series)\b"
)
