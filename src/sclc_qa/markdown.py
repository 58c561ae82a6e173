"""Markdown documents → sections → blocks, with exact character offsets into the raw text.

Why a second parser: Markdown sources (the PDQ summaries) mark headings, lists and pipe tables as
syntax rather than layout. markdown-it (CommonMark plus GFM tables) decides the structure; these
modules only map its line ranges and inline tokens back onto the raw string, so that every
block, cell and display character points at characters a client can check with `text[s:e]`.

This module walks the headings: the document's title, each section's heading path, id and
extent, and which sections are skipped. What a paragraph or table yields is `markdown_blocks`;
the display text of a raw span (`clean`, re-exported here) is `markdown_display`.

Reference lists, navigation links and boilerplate sections (listed in `data/markdown.json`) are
never answer sources: they yield no blocks, and skipped sections are left out of the document.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from markdown_it import MarkdownIt

from .markdown_blocks import Lines, content_span, paragraph_block, table_blocks, table_caption
from .markdown_display import Cleaned, clean
from .models import Block, Document, Section

__all__ = ["Cleaned", "clean", "parse_markdown"]

_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.?(?=\s|$)")  # "4.1.1 First-line", "2. Methods"


@dataclass
class _Draft:
    title: str
    path: tuple[str, ...]
    line: int  # of the heading; -1 for the preamble
    blocks: list[Block] = field(default_factory=list)
    id: str = ""


def parse_markdown(doc_id: str, text: str) -> Document:
    """Split a Markdown document into sections (ids from its own headings) and their blocks."""
    lines = Lines.of(text)
    tokens = _block_parser().parse(text)
    tables = [i for i, tok in enumerate(tokens) if tok.type == "table_open"]
    captions = {i: table_caption(lines, tokens, i) for i in tables}
    by_order = not any(captions.values())  # "Table N" by order only if no caption numbers one
    drafts = [_Draft("Preamble", (), -1, id="preamble")]
    current: _Draft | None = drafts[0]
    heads: list[int] = []
    stack: list[tuple[int, str]] = []
    skip_below: int | None = None
    titled = False  # once a heading deeper than H1 is seen, H1s are sections, not the title
    doc_title = ""  # the first title H1 (metadata, when present, overrides it)
    depth = 0
    for i, tok in enumerate(tokens):
        if tok.type in ("blockquote_open", "blockquote_close"):
            depth += tok.nesting
        elif tok.type == "heading_open" and tok.map:
            level, (first, stop) = int(tok.tag[1:]), tok.map
            last = first if tok.markup.startswith("#") else stop - 2  # setext: underline below
            title = clean(text, *content_span(lines, tokens[i + 1].content, first, last)).text
            heads.append(first)
            if level == 1 and not titled:
                doc_title = doc_title or title
                continue
            titled = True
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, title))
            path = tuple(t for _, t in stack)
            if skip_below is not None and level > skip_below:
                current = None
            elif _is_skipped(path):
                skip_below, current = level, None
            else:
                skip_below, current = None, _Draft(title, path, first)
                drafts.append(current)
        elif current is None:
            continue
        elif tok.type == "paragraph_open" and tok.map:
            block = paragraph_block(lines, tokens, i, captions.get(i + 3))
            current.blocks.extend([block] if block else [])
        elif tok.type == "table_open":
            caption = captions[i]
            label = caption[0] if caption else f"Table {tables.index(i) + 1}" if by_order else None
            title = caption[1] if caption else ""
            current.blocks.extend(table_blocks(lines, tokens, i, depth, label, title))
    if not heads:
        drafts[0].id, drafts[0].title = "body", doc_id
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    sections = _sections(doc_id, drafts, lines, heads)
    return Document(
        id=doc_id, format="markdown", title=doc_title, text=text, sha256=sha, sections=sections
    )


def _sections(
    doc_id: str, drafts: list[_Draft], lines: Lines, heads: list[int]
) -> tuple[Section, ...]:
    """A headed section runs from its heading to its last non-blank line before the next
    heading of any level, so sections never overlap. Numbered headings keep their number as
    the id, others get their slugged heading path; repeats get "-2", "-3"."""
    used: set[str] = set()
    out = []
    for draft in drafts:
        if draft.line < 0:  # the preamble: only what it holds
            if not draft.blocks:
                continue
            start, end = draft.blocks[0].start, max(b.end for b in draft.blocks)
        else:
            stop = bisect.bisect_right(heads, draft.line)
            n = heads[stop] if stop < len(heads) else len(lines.starts)
            start, end = lines.line(draft.line)
            end = next((e for s, e in map(lines.line, range(n - 1, draft.line, -1)) if s < e), end)
        numbered = _NUMBERED.match(draft.title)
        base = draft.id or (numbered.group(1) if numbered else "/".join(map(_slug, draft.path)))
        sid, k = base, 1
        while sid in used:
            k += 1
            sid = f"{base}-{k}"
        used.add(sid)
        out.append(Section(doc=doc_id, id=sid, title=draft.title, path=draft.path, start=start,
                           end=end, blocks=tuple(draft.blocks)))  # fmt: skip
    return tuple(out)


def _slug(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-") or "section"


def _is_skipped(path: tuple[str, ...]) -> bool:
    """Whether the heading at the end of `path` (its titles, outermost first) opens a skipped
    section: an entry matches the path's last titles, each by normalised prefix."""
    slugs = [_slug(t) for t in path]
    return any(
        len(entry) <= len(slugs)
        and all(
            s == p or s.startswith(p + "-")
            for s, p in zip(slugs[-len(entry) :], entry, strict=True)
        )
        for entry in _skipped_headings()
    )


@cache
def _skipped_headings() -> tuple[tuple[str, ...], ...]:
    data = json.loads(files("sclc_qa").joinpath("data/markdown.json").read_text("utf-8"))
    return tuple(tuple(_slug(t) for t in h.split(" > ")) for h in data["skip_sections"])


@cache
def _block_parser() -> MarkdownIt:
    # Block structure only: inline content is parsed per span, on demand, by `markdown_display`.
    return MarkdownIt("commonmark").enable("table").disable("inline")
