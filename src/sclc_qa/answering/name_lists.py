"""Lists of names and of plain words in a sentence: names that one name's words join ("University
of Zenith"), the run of names a list joins around the chosen one, and the list of plain items
that the words asked about introduce ("Xs include A, B, C and D")."""

from __future__ import annotations

import re

from ..domain import domain
from ..question import Profile
from ..spans import Span
from .naming import described_places
from .runs import balanced

__all__ = ["counted_run", "introduced_list", "joined_names", "list_around"]

# What joins a list's items: a comma, "and", "or", a slash; an item may be a name spelled out
# before its bracketed abbreviation ("…, and quell-binding protein 2 (QBP2)").
_LIST_JOINT = re.compile(
    r"\)?(?:,\s*|\s*,?\s*(?:and|or)\s+|\s*[/&]\s*)(?:[\w-]+(?:\s+[\w-]+){0,4}\s*\()?"
)
# Within one item: a name, its spelled-out rest and its abbreviation ("ZEP class 4 homeobox 2
# (ZEP4B2)").
_SAME_ITEM = re.compile(r"(?:\s+[\w-]+){1,5}\s*\(")

# "Xs that … include A, B, C, and D": a list of plain words (no names) that the words asked
# about introduce. An item has at most eight words and may end with a bracket ("8 Gy × 5",
# "quell-binding protein 2 (QBP2)"); the last item stops before a word that goes on the clause.
_INTRODUCER = re.compile(r"\s(?:include[sd]?|including|such as|namely|are|were)\s+|:\s*", re.I)
_WORD = r"[\w./+×-]+"
_BRACKET = r"(?:\s*\([^()]{1,40}\))?"
_ITEM = rf"(?!(?:and|or)\s){_WORD}(?:\s+{_WORD}){{0,7}}{_BRACKET}"
_STOP = r"(?:in|for|with|that|which|who|as|at|on|from|by|than|when|while|because|but|such\s+as)\b"
_LAST_WORDS = rf"{_WORD}(?:\s+(?!{_STOP}){_WORD}){{0,6}}{_BRACKET}"
# … whose own examples go with it: "…, and hormonal factors such as A, B, and C".
_EXAMPLES = (
    rf"(?:,?\s+such\s+as\s+(?!{_STOP})(?:{_ITEM}(?:,\s+{_ITEM})*,?\s+(?:and|or)\s+)?"
    rf"{_LAST_WORDS})?"
)
_SUCH_AS = re.compile(r",?\s+such\s+as\s+", re.I)
_LAST = _LAST_WORDS + _EXAMPLES
_RUN = re.compile(rf"{_ITEM}(?:,\s+{_ITEM})+,?\s+(?:and|or)\s+{_LAST}")
# … or in a bracket that names them, where the last needs no "and": "adjacent structures (i.e.,
# scrotum, prostate, pubic bone)".
_BRACKET_INTRODUCER = re.compile(r"\s*\((?:i\.e\.|e\.g\.),?\s*", re.I)
_BRACKET_RUN = re.compile(rf"{_ITEM}(?:,\s+(?:(?:and|or)\s+)?{_ITEM})+(?=\))")
# How far after the words asked about the list may begin ("options that spare the airway
# include …").
_INTRODUCED_REACH = 60


# Between two names, what makes them one when the first ends on a word that heads such names.
_OF_HEAD = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?")


def joined_names(text: str, cands: list[Span]) -> list[Span]:
    """Names that one "of" or "for" joins into one, after a word that heads such names
    ("University" of "Zenith Medical Center", "Institute" for "Zeta Research"), or that only a
    space parts ("ZetaSeq" "Panel 300"): one name, not two."""
    heads = domain().organisation_heads
    out: list[Span] = []
    for sp in cands:
        last = out[-1] if out else None
        if last is not None and (
            text[last.end : sp.start] == " "
            or (
                _OF_HEAD.fullmatch(text, last.end, sp.start)
                and text[last.start : last.end].split()[-1].lower() in heads
            )
        ):
            out[-1] = Span(last.start, sp.end, last.kind)
        else:
            out.append(sp)
    return out


def list_around(text: str, cands: list[Span], first: Span) -> tuple[int, int]:
    """Extend the chosen name over a list joined by commas, "and", "or" or slashes, its items
    whole with their bracketed abbreviations; the name alone when no list joins it."""
    ordered = sorted(cands, key=lambda c: c.start)
    i = ordered.index(first)

    def link(a: Span, b: Span) -> str:
        gap = text[a.end : b.start]
        if _LIST_JOINT.fullmatch(gap):
            return "joint"
        return "item" if _SAME_ITEM.fullmatch(gap) else ""

    lo = hi = i
    links = []
    while lo > 0 and (kind := link(ordered[lo - 1], ordered[lo])):
        links.append(kind)
        lo -= 1
    while hi + 1 < len(ordered) and (kind := link(ordered[hi], ordered[hi + 1])):
        links.append(kind)
        hi += 1
    if "joint" not in links:
        return first.start, first.end
    start, end = balanced(text, ordered[lo].start, ordered[hi].end)
    # A list inside a bracket that the list asked goes on past ("…), Omicron and Rho").
    after = [c for c in ordered[hi + 1 :] if c.start > end]
    inside = (
        text[start - 1 : start] == "("
        and text.startswith(")", end)
        and bool(after)
        and _LIST_JOINT.fullmatch(text, end + 1, after[0].start) is not None
    )
    if text.startswith("(", start) or inside:
        # "Zeta and East Etalia (Zetania, Quellia), Omicron and Rho": the bracket names the
        # parts of the item before it, a name of capitalised words.
        bracket = start - 1 if inside else start
        owner = _OWNER.search(text, max(0, bracket - _OWNER_REACH), bracket)
        if owner is not None:
            start = owner.start()
            if inside:
                end += 1
                for c in after:
                    if not _LIST_JOINT.fullmatch(text, end, c.start):
                        break
                    end = c.end
    return start, end


# The name of capitalised words ("and", "of" between them) that ends right before a bracket
# ("South and East Etalia ("), within this many characters.
_OWNER = re.compile(r"(?<![\w-])[A-Z][\w-]*(?:\s+(?:(?:and|of|&)\s+)?[A-Z][\w-]*)*\s*$")
_OWNER_REACH = 60


def introduced_list(text: str, prof: Profile) -> tuple[int, int] | None:
    """The run of three or more items that the words asked about introduce ("Xs … include A,
    B, C and D"), when the sentence has one."""
    for _, described_end in described_places(text, prof):
        reach = described_end + _INTRODUCED_REACH
        for intro in _INTRODUCER.finditer(text, described_end, reach):
            run = _RUN.match(text, intro.end())
            if run is not None:
                stop = run.start() + len(run[0].rstrip(".,;:"))  # not the sentence's full stop
                return balanced(text, run.start(), stop)
        bracket = _BRACKET_INTRODUCER.match(text, described_end)
        if bracket is not None and (run := _BRACKET_RUN.match(text, bracket.end())) is not None:
            return run.start(), run.end()
    return None


def counted_run(text: str, count: int, words: str, head: str) -> tuple[int, int] | None:
    """The run of `count` items a sentence introduces by that count and the asked head noun
    ("This group includes three major disorders: A, B, and C" for "which three disorders
    …?"); `words` is the count as a pattern of its number and word. None when the sentence
    introduces no run of that many."""
    said = re.search(rf"\b(?:{words})\s+(?:[\w-]+\s+){{0,3}}?{re.escape(head[:5])}\w*", text, re.I)
    if said is None or (intro := _INTRODUCER.match(text, said.end())) is None:
        return None
    run = _RUN.match(text, intro.end())
    if run is None:
        return None
    # The last item's own examples ("… and C such as D and E") are not items of the run.
    listed = _SUCH_AS.split(run[0], maxsplit=1)[0]
    items = re.split(r",\s+(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", listed.rstrip(".,;:"))
    if len([i for i in items if i.strip()]) != count:
        return None
    return balanced(text, run.start(), run.start() + len(run[0].rstrip(".,;:")))
