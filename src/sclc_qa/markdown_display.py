"""Inline Markdown → display text: what a reader sees of a raw span, each character mapped
back to the offset it was read at, so that a display string still points at `text[s:e]`.

Its own module because both the section walk (`markdown`) and the block builders
(`markdown_blocks`) read display text: headings, captions and table headers by `clean`, and
prose blocks by `display` (to drop navigation and image-only lines). Links keep their words,
citation markers go with their brackets, images, emphasis and HTML tags leave no text.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline, autolink, image, link

__all__ = ["Cleaned", "clean", "display"]

_SEPARATOR = re.compile(r"^[\s,;\-–—]*$")  # between the links of one marker: [[3](#a),[4](#b)]
_WORDS = re.compile(r"\s+|\S+")
_CITATION = re.compile(r"^[\d\s,\-–]+$")
_CLOSERS = (".", ",", ";", ":", ")")
_RuleFunc = Callable[[StateInline, bool], bool]


@dataclass(frozen=True)
class Cleaned:
    """The display form of a raw span: `text[i]` was read at `offsets[i]` of the raw document."""

    text: str
    offsets: tuple[int, ...]


@dataclass
class _Run:
    """Display characters with their raw offsets; `href` is set for a link's words."""

    text: str
    offsets: list[int]
    href: str | None = None

    def add(self, piece: str, at: list[int]) -> None:
        self.text += piece
        self.offsets.extend(at)

    def keep(self, lo: int, hi: int) -> None:
        self.text, self.offsets = self.text[lo:hi], self.offsets[lo:hi]


def clean(text: str, start: int, end: int) -> Cleaned:
    """The display form of the raw span `text[start:end]`: links reduced to their words,
    citation markers, images, emphasis and HTML tags gone, escapes and entities resolved,
    whitespace runs folded to one space.

    The span is read within its whole lines, so that a sentence cut from a block reads as
    that stretch of the block: "**Bold.**" cut to "**Bold." still reads "Bold."."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", max(start, end - 1))
    hi = len(text) if hi < 0 else hi
    shown, offsets, _ = display(text[lo:hi])
    first = bisect.bisect_left(offsets, start - lo)
    last = bisect.bisect_left(offsets, end - lo)
    first += shown[first:last].startswith(" ")
    last -= last > first and shown[last - 1] == " "
    return Cleaned(shown[first:last], tuple(lo + o for o in offsets[first:last]))


@lru_cache(maxsize=2048)
def display(span: str) -> tuple[str, array[int], bool]:
    """Display text, offsets into `span`, and whether the span holds only links and images."""
    runs = _runs(span)
    only_links = all(r.href is not None or not r.text.strip() for r in runs)
    chars: list[str] = []
    offsets = array("I")  # compact: the cache holds many
    spaced = True  # no leading space
    for run in _drop_markers(runs):
        for word in _WORDS.finditer(run.text):
            if not word.group().isspace():
                chars.append(word.group())
                offsets.extend(run.offsets[word.start() : word.end()])
                spaced = False
            elif not spaced:
                chars.append(" ")
                offsets.append(run.offsets[word.start()])
                spaced = True
    if spaced and chars:
        chars.pop()
        offsets.pop()
    return "".join(chars), offsets, only_links


@cache
def _inline_parser() -> MarkdownIt:
    # text_join would merge escapes and entities into plain text and lose their raw length.
    md = MarkdownIt("commonmark").disable("text_join")
    for name, rule in (("link", link), ("image", image), ("autolink", autolink)):
        md.inline.ruler.at(name, _ending(rule))
    return md


def _ending(rule: _RuleFunc) -> _RuleFunc:
    """Wrap an inline rule so that its link or image token records where its raw text ends:
    alignment then jumps over destinations and titles instead of searching through them."""

    def wrapped(state: StateInline, silent: bool) -> bool:
        count = len(state.tokens)
        found = rule(state, silent)
        if found and not silent:
            opened = (t for t in state.tokens[count:] if t.type in ("link_open", "image"))
            tok = next(opened, None)
            if tok is not None:
                tok.meta["end"] = state.pos
        return found

    return wrapped


def _runs(span: str) -> list[_Run]:
    """The span's inline tokens as display runs, each character aligned to the span by a
    monotonic search: token text is verbatim source, only markup lies between."""
    # Same length as the span, so positions stay raw; markdown-it would fold "\r\n" to "\n".
    src = span.replace("\r\n", " \n").replace("\r", "\n")
    runs: list[_Run] = []
    link: _Run | None = None
    cursor = link_end = 0
    for tok in _inline_parser().parseInline(src)[0].children or []:
        piece, at = tok.content, []
        if tok.type in ("text", "code_inline"):
            at = _align(src, piece, cursor)
        elif tok.type == "text_special":  # an escape or entity reads at where its markup starts
            found = src.find(tok.markup, cursor)
            at = [found if found >= 0 else cursor] * len(piece)
            cursor = at[0] + len(tok.markup) if at else cursor
        elif tok.type in ("softbreak", "hardbreak"):
            found = src.find("\n", cursor)
            piece, at = " ", [found if found >= 0 else min(cursor, len(src) - 1)]
        elif tok.type == "html_inline":
            found = src.find(piece, cursor)
            cursor = found + len(piece) if found >= 0 else cursor
        elif tok.type == "image":
            cursor = max(cursor, tok.meta.get("end", cursor))
        elif tok.type == "link_open":
            link, link_end = _Run("", [], str(tok.attrGet("href") or "")), tok.meta.get("end", 0)
        elif tok.type == "link_close" and link is not None:
            runs.append(link)
            link, cursor = None, max(cursor, link_end)
        elif tok.markup and src.startswith(tok.markup, cursor):  # emphasis delimiters
            cursor += len(tok.markup)
        if not at:
            continue
        cursor = max(cursor, at[-1] + 1)
        if link is not None:
            link.add(piece, at)
        elif runs and runs[-1].href is None:
            runs[-1].add(piece, at)
        else:
            runs.append(_Run(piece, at))
    return runs


def _align(src: str, piece: str, cursor: int) -> list[int]:
    """Offsets of a token's text in the span, at or after the cursor."""
    found = src.find(piece, cursor)
    if found >= 0:
        return list(range(found, found + len(piece)))
    # Code spans fold line breaks into spaces: match character by character.
    at = []
    for ch in piece:
        k = cursor
        while k < len(src) and src[k] != ch and not (ch == " " and src[k].isspace()):
            k += 1
        hit = k < len(src)
        at.append(k if hit else max(0, min(cursor, len(src) - 1)))
        cursor = k + 1 if hit else cursor
    return at


def _drop_markers(runs: list[_Run]) -> list[_Run]:
    """Citation markers go with their brackets: links enclosed in a bracket pair
    ("[[1](#cit/…)]", "[[PUBMED Abstract](…)]", "[[3](#a),[4](#b)]"), and bare fragment
    links numbered like citations ("[2](#cit/…)")."""
    out: list[_Run] = []
    i = 0
    while i < len(runs):
        if runs[i].href is None:
            out.append(runs[i])
            i += 1
            continue
        j = i  # the last link of a group joined by separators
        while (
            j + 2 < len(runs)
            and runs[j + 1].href is None
            and _SEPARATOR.match(runs[j + 1].text)
            and runs[j + 2].href is not None
        ):
            j += 2
        before = out[-1] if out and out[-1].href is None else None
        after = runs[j + 1] if j + 1 < len(runs) and runs[j + 1].href is None else None
        opened = before is not None and before.text.endswith("[")
        closed = after is not None and after.text.startswith("]")
        cited = all(
            (r.href or "").startswith("#") and _CITATION.match(r.text) for r in runs[i : j + 1 : 2]
        )
        if not ((opened and closed) or cited):
            out.append(runs[i])
            i += 1
            continue
        if before is not None and opened:
            before.keep(0, -1)
        if after is not None and closed:
            after.keep(1, len(after.text))
        if before is not None and after is not None and after.text.startswith(_CLOSERS):
            before.keep(0, len(before.text.rstrip()))  # "cancer [[1](#c)]." → "cancer."
        i = j + 1
    return out
