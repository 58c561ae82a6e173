"""Markdown documents → sections → blocks, with exact character offsets into the raw text.

Why a second parser: Markdown sources (the PDQ summaries) mark headings, lists and pipe tables as
syntax rather than layout. markdown-it (CommonMark plus GFM tables) decides the structure; this
module only maps its line ranges and inline tokens back onto the raw string, so that every
block, cell and display character points at characters a client can check with `text[s:e]`.

Reference lists, navigation links and boilerplate sections (listed in `data/markdown.json`) are
never answer sources: they yield no blocks, and skipped sections are left out of the document.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
import unicodedata
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline, autolink, image, link
from markdown_it.token import Token

from .models import Block, Cell, Document, Section

__all__ = ["Cleaned", "clean", "parse_markdown"]

_NEWLINE = re.compile(r"\r\n|\r|\n")  # the line breaks markdown-it counts lines by
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.?(?=\s|$)")  # "4.1.1 First-line", "2. Methods"
_CAPTION = re.compile(r"^Table\s+(\d+[A-Za-z]?)\s*[.:|]\s*")
# A lone cell that is a table footnote: "aReprinted with…" (superscript a, not "eGFR"),
# "Note: …", or a legend ("QOL = quality of life.", "T = tumor; N = node"), but not a
# definition row ("M0 = No distant metastasis."). Length alone is no sign: flattened
# multi-paragraph cells also give long lone cells.
_FOOTNOTE = re.compile(
    r"^(?:[a-z*†‡§¶](?=[A-Z][a-z])|(?:Notes?|Sources?|Adapted|Reprinted|Abbreviations?)\b"
    r"|\S+ = (?:[a-z]|[^;]+; \S+ = ))"
)
_SEPARATOR = re.compile(r"^[\s,;\-–—]*$")  # between the links of one marker: [[3](#a),[4](#b)]
_WORDS = re.compile(r"\s+|\S+")
_CITATION = re.compile(r"^[\d\s,\-–]+$")
_DASHES = "-–—: "
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


@dataclass
class _Draft:
    title: str
    path: tuple[str, ...]
    line: int  # of the heading; -1 for the preamble
    blocks: list[Block] = field(default_factory=list)
    id: str = ""


@dataclass(frozen=True)
class _Lines:
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]  # excluding the line break

    @classmethod
    def of(cls, text: str) -> _Lines:
        breaks = list(_NEWLINE.finditer(text))
        starts = (0, *(m.end() for m in breaks))
        return cls(text, starts, (*(m.start() for m in breaks), len(text)))

    def trim(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def line(self, n: int) -> tuple[int, int]:
        return self.trim(self.starts[n], self.ends[n])


def parse_markdown(doc_id: str, text: str) -> Document:
    """Split a Markdown document into sections (ids from its own headings) and their blocks."""
    lines = _Lines.of(text)
    tokens = _block_parser().parse(text)
    tables = [i for i, tok in enumerate(tokens) if tok.type == "table_open"]
    captions = {i: _caption(lines, tokens, i) for i in tables}
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
            title = clean(text, *_content_span(lines, tokens[i + 1].content, first, last)).text
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
            block = _paragraph(lines, tokens, i, captions.get(i + 3))
            current.blocks.extend([block] if block else [])
        elif tok.type == "table_open":
            caption = captions[i]
            label = caption[0] if caption else f"Table {tables.index(i) + 1}" if by_order else None
            title = caption[1] if caption else ""
            current.blocks.extend(_table(lines, tokens, i, depth, label, title))
    if not heads:
        drafts[0].id, drafts[0].title = "body", doc_id
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    sections = _sections(doc_id, drafts, lines, heads)
    return Document(
        id=doc_id, format="markdown", title=doc_title, text=text, sha256=sha, sections=sections
    )


def clean(text: str, start: int, end: int) -> Cleaned:
    """The display form of the raw span `text[start:end]`: links reduced to their words,
    citation markers, images, emphasis and HTML tags gone, escapes and entities resolved,
    whitespace runs folded to one space.

    The span is read within its whole lines, so that a sentence cut from a block reads as
    that stretch of the block: "**Bold.**" cut to "**Bold." still reads "Bold."."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", max(start, end - 1))
    hi = len(text) if hi < 0 else hi
    shown, offsets, _ = _display(text[lo:hi])
    first = bisect.bisect_left(offsets, start - lo)
    last = bisect.bisect_left(offsets, end - lo)
    first += shown[first:last].startswith(" ")
    last -= last > first and shown[last - 1] == " "
    return Cleaned(shown[first:last], tuple(lo + o for o in offsets[first:last]))


def _sections(
    doc_id: str, drafts: list[_Draft], lines: _Lines, heads: list[int]
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


def _content_span(lines: _Lines, content: str, first: int, last: int) -> tuple[int, int]:
    """Raw offsets of an inline token's trimmed content: markdown-it drops line prefixes
    (indentation, list markers, `>`), but the first and last content lines are verbatim
    suffixes and prefixes of their raw lines, so a reverse search pins them down."""
    text, parts = lines.text, content.split("\n")
    head, tail = parts[0], parts[-1].lstrip()
    start = text.rfind(head, lines.starts[first], lines.ends[first]) if head else -1
    start = start if start >= 0 else lines.line(first)[0]
    end = text.rfind(tail, lines.starts[last], lines.ends[last]) if tail else -1
    end = end + len(tail) if end >= 0 else lines.line(last)[1]
    return lines.trim(start, max(start, end))


def _paragraph(
    lines: _Lines, tokens: list[Token], i: int, caption: tuple[str, str, int, int] | None
) -> Block | None:
    """A prose block, a table's caption, or nothing for navigation and image-only lines."""
    if caption is not None:
        return Block(kind="caption", start=caption[2], end=caption[3], label=caption[0])
    first, stop = tokens[i].map or (0, 1)
    start, end = _content_span(lines, tokens[i + 1].content, first, stop - 1)
    # Text that starts with a letter or digit has words outside links: no need to parse it.
    if not lines.text[start : start + 1].isalnum():
        shown, _, only_links = _display(lines.text[start:end])
        if only_links or not shown:
            return None
    return Block(kind="paragraph", start=start, end=end)


def _caption(lines: _Lines, tokens: list[Token], i: int) -> tuple[str, str, int, int] | None:
    """("Table 3", title, start, end) when the paragraph right before table i is its caption."""
    span = tokens[i - 3].map if i >= 3 and tokens[i - 1].type == "paragraph_close" else None
    if not span:
        return None
    first, stop = span
    start, end = _content_span(lines, tokens[i - 2].content, first, stop - 1)
    shown = clean(lines.text, start, end).text
    found = _CAPTION.match(shown)
    return (f"Table {found.group(1)}", shown[found.end() :], start, end) if found else None


def _row_cells(lines: _Lines, n: int, depth: int, columns: int) -> list[tuple[int, int]]:
    """Trimmed raw cells of table line n, split as markdown-it splits them (`\\|` escapes a
    pipe; outer pipes are optional), padded or cut to the header's column count."""
    text, (start, end) = lines.text, (lines.starts[n], lines.ends[n])
    while start < end and (text[start] in " \t" or (text[start] == ">" and depth > 0)):
        depth -= text[start] == ">"  # blockquote markers the table's container consumed
        start += 1
    start, end = lines.trim(start, end)
    cells: list[tuple[int, int]] = []
    begin, escaped = start, False
    for k in range(start, end):
        if text[k] == "|" and not escaped:
            cells.append((begin, k))
            begin = k + 1
        escaped = text[k] == "\\"
    cells.append((begin, end))
    if cells and cells[0][0] == cells[0][1]:
        cells.pop(0)
    if cells and cells[-1][0] == cells[-1][1]:
        cells.pop()
    cells = cells[:columns] + [(end, end)] * (columns - len(cells))
    return [lines.trim(s, e) for s, e in cells]


def _table(
    lines: _Lines, tokens: list[Token], i: int, depth: int, label: str | None, title: str
) -> list[Block]:
    """Header block, then one block per row; a row whose first cell is empty belongs to the
    last row that had one, whose first cell becomes its group."""
    end_at = next(j for j in range(i, len(tokens)) if tokens[j].type == "table_close")
    rows = [t.map[0] for t in tokens[i:end_at] if t.type == "tr_open" and t.map]
    columns = sum(t.type == "th_open" for t in tokens[i:end_at])
    text, context = lines.text, " | ".join(p for p in (label or "Table", title) if p)
    headers: list[str] = []
    for k, (s, e) in enumerate(_row_cells(lines, rows[0], depth, columns)):
        headers.append(clean(text, s, e).text or (headers[-1] if headers else f"Column {k + 1}"))
    blocks: list[Block] = []
    parent: Cell | None = None
    for n in rows:
        raw = _row_cells(lines, n, depth, columns)
        cells = [
            Cell(header=h, start=s, end=e) for h, (s, e) in zip(headers, raw, strict=True) if s < e
        ]
        if all(not text[c.start : c.end].strip(_DASHES) for c in cells):
            continue  # blank or "---" rows: layout, not data
        start, end = cells[0].start, cells[-1].end
        if n == rows[0]:
            blocks.append(Block(kind="table_header", start=start, end=end, label=label,
                                context=context, cells=tuple(cells)))  # fmt: skip
            continue
        lone = len(cells) == 1 and columns > 1
        if lone and _FOOTNOTE.match(clean(text, start, end).text):
            blocks.append(Block(kind="table_note", start=start, end=end, label=label,
                                context=context))  # fmt: skip
            continue
        if lone and blocks and blocks[-1].kind == "table_row":
            # A multi-paragraph cell flattened to one line per paragraph: the line continues
            # the previous row's last cell, under the same group.
            cells = [cells[0].model_copy(update={"header": blocks[-1].cells[-1].header})]
        elif raw[0][0] < raw[0][1]:
            parent, lone = Cell(header="Group", start=raw[0][0], end=raw[0][1]), False
        grouped = parent is not None and (lone or raw[0][0] == raw[0][1])
        groups = (parent,) if grouped and parent is not None else ()
        row_context = " | ".join([context, *(clean(text, g.start, g.end).text for g in groups)])
        blocks.append(Block(kind="table_row", start=start, end=end, label=label,
                            context=row_context, cells=tuple(cells), groups=groups))  # fmt: skip
    return blocks


@cache
def _block_parser() -> MarkdownIt:
    # Block structure only: inline content is parsed per span, on demand, by `_display`.
    return MarkdownIt("commonmark").enable("table").disable("inline")


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


@lru_cache(maxsize=2048)
def _display(span: str) -> tuple[str, array[int], bool]:
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
