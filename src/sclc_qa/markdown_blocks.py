"""markdown-it's block tokens → `Block`s: paragraphs, table captions, table headers, rows and
notes, each with exact offsets into the raw text.

markdown-it reports a block by its line range and hands its inline content over with line
prefixes (indentation, list markers, `>`) removed; `Lines` and `content_span` map both back onto
the raw string. Its own module so that the section walk in `markdown` reads as headings and
sections, while what a paragraph or a pipe table yields is decided here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.token import Token

from .markdown_display import clean, display
from .models import Block, Cell

__all__ = ["Lines", "content_span", "paragraph_block", "table_blocks", "table_caption"]

_NEWLINE = re.compile(r"\r\n|\r|\n")  # the line breaks markdown-it counts lines by
_CAPTION = re.compile(r"^Table\s+(\d+[A-Za-z]?)\s*[.:|]\s*")
# A lone cell that is a table footnote: "aReprinted with…" (superscript a, not "eGFR"),
# "Note: …", or a legend ("QOL = quality of life.", "T = tumor; N = node"), but not a
# definition row ("M0 = No distant metastasis."). Length alone is no sign: flattened
# multi-paragraph cells also give long lone cells.
_FOOTNOTE = re.compile(
    r"^(?:[a-z*†‡§¶](?=[A-Z][a-z])|(?:Notes?|Sources?|Adapted|Reprinted|Abbreviations?)\b"
    r"|\S+ = (?:[a-z]|[^;]+; \S+ = ))"
)
_DASHES = "-–—: "
# A cell wholly in bold: in a table's body, a label over the rows below it, not data.
_BOLD_CELL = re.compile(r"\*\*[^*]+\*\*|__[^_]+__")


@dataclass(frozen=True)
class Lines:
    """The raw text's lines as markdown-it numbers them: where each starts and ends."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]  # excluding the line break

    @classmethod
    def of(cls, text: str) -> Lines:
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


def content_span(lines: Lines, content: str, first: int, last: int) -> tuple[int, int]:
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


def paragraph_block(
    lines: Lines, tokens: list[Token], i: int, caption: tuple[str, str, int, int] | None
) -> Block | None:
    """A prose block, a table's caption, or nothing for navigation and image-only lines."""
    if caption is not None:
        return Block(kind="caption", start=caption[2], end=caption[3], label=caption[0])
    first, stop = tokens[i].map or (0, 1)
    start, end = content_span(lines, tokens[i + 1].content, first, stop - 1)
    # Text that starts with a letter or digit has words outside links: no need to parse it.
    if not lines.text[start : start + 1].isalnum():
        shown, _, only_links = display(lines.text[start:end])
        if only_links or not shown:
            return None
    return Block(kind="paragraph", start=start, end=end)


def table_caption(lines: Lines, tokens: list[Token], i: int) -> tuple[str, str, int, int] | None:
    """("Table 3", title, start, end) when the paragraph right before table i is its caption."""
    span = tokens[i - 3].map if i >= 3 and tokens[i - 1].type == "paragraph_close" else None
    if not span:
        return None
    first, stop = span
    start, end = content_span(lines, tokens[i - 2].content, first, stop - 1)
    shown = clean(lines.text, start, end).text
    found = _CAPTION.match(shown)
    return (f"Table {found.group(1)}", shown[found.end() :], start, end) if found else None


def _row_cells(lines: Lines, n: int, depth: int, columns: int) -> list[tuple[int, int]]:
    """Trimmed raw cells of table line n, split as markdown-it splits them (`\\|` escapes a
    pipe; outer pipes are optional), padded or cut to the header's column count."""
    return _padded(lines, n, _written_cells(lines, n, depth), columns)


def _padded(
    lines: Lines, n: int, cells: list[tuple[int, int]], columns: int
) -> list[tuple[int, int]]:
    """The cells line n writes, trimmed, padded or cut to `columns`."""
    end = lines.trim(lines.starts[n], lines.ends[n])[1]
    cells = cells[:columns] + [(end, end)] * (columns - len(cells))
    return [lines.trim(s, e) for s, e in cells]


def _written_cells(lines: Lines, n: int, depth: int) -> list[tuple[int, int]]:
    """The cells table line n writes, untrimmed and unpadded."""
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
    return cells


def table_blocks(
    lines: Lines, tokens: list[Token], i: int, depth: int, label: str | None, title: str
) -> list[Block]:
    """Header block, then one block per row; a row whose first cell is empty belongs to the
    last row that had one, whose first cell becomes its group. In the body, a row of bold
    cells heads the rows below it afresh (a table of several parts, each with its own
    header), and a lone bold cell groups them ("**Zentor**" over the studies of Zentor)."""
    end_at = next(j for j in range(i, len(tokens)) if tokens[j].type == "table_close")
    rows = [t.map[0] for t in tokens[i:end_at] if t.type == "tr_open" and t.map]
    columns = sum(t.type == "th_open" for t in tokens[i:end_at])
    text, context = lines.text, " | ".join(p for p in (label or "Table", title) if p)
    headers: list[str] = []
    top = _row_cells(lines, rows[0], depth, columns)
    for k, (s, e) in enumerate(top):
        headers.append(clean(text, s, e).text or (headers[-1] if headers else f"Column {k + 1}"))
    sub = _sub_headers(lines, rows, depth, columns, top)
    if sub:
        headers = [f"{h} {sub[k]}" if k in sub else h for k, h in enumerate(headers)]
        rows = [rows[0], *rows[2:]]
    blocks: list[Block] = []
    parent: Cell | None = None
    heading: Cell | None = None
    spanned: Cell | None = None  # a short row's first cell, which groups the lone rows after it
    for n in rows:
        each = _written_cells(lines, n, depth)
        raw, written = _padded(lines, n, each, columns), len(each)
        if parent is not None and 1 < written < columns and raw[0][0] < raw[0][1]:
            # A row short of cells below a full one: its first cells spanned several rows in
            # the source ("| ≤5 per 50 | ≤2 | 0 | None |" then "| >2 to ≤5 | 1.9 | Low |"), so
            # what it writes fills the last columns, under the row that had the first (a row
            # that leaves its first cell empty says itself where its cells go).
            start_at, missing = raw[0][0], columns - written
            raw = [(start_at, start_at)] * missing + raw[:written]
            spanned = Cell(header="Group", start=raw[missing][0], end=raw[missing][1])
        elif written > 1:
            spanned = None
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
        if all(_BOLD_CELL.fullmatch(text[c.start : c.end]) for c in cells):
            parent = spanned = None
            if lone:
                heading = cells[0].model_copy(update={"header": "Group"})
                continue
            headers = [clean(text, s, e).text or headers[k] for k, (s, e) in enumerate(raw)]
            blocks.append(Block(kind="table_header", start=start, end=end, label=label,
                                context=context, cells=tuple(cells)))  # fmt: skip
            continue
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
        groups = (
            *((heading,) if heading is not None else ()),
            *((parent,) if grouped and parent is not None else ()),
            *((spanned,) if lone and grouped and spanned is not None else ()),
        )
        row_context = " | ".join([context, *(clean(text, g.start, g.end).text for g in groups)])
        blocks.append(Block(kind="table_row", start=start, end=end, label=label,
                            context=row_context, cells=tuple(cells), groups=groups))  # fmt: skip
    return blocks


def _sub_headers(
    lines: Lines, rows: list[int], depth: int, columns: int, top: list[tuple[int, int]]
) -> dict[int, str]:
    """A second header row, which Markdown cannot mark as one: under a heading that spans
    several columns ("Histological Subtype" over A, AB, B1 …), a first body row that labels
    each of those columns with a short word and nothing else. Column → its label; empty when
    the table has no such row."""
    spanning: set[int] = set()
    for k in range(1, columns):
        empty = top[k][0] == top[k][1]
        if empty and (k - 1 in spanning or top[k - 1][0] < top[k - 1][1]):
            spanning |= {k - 1, k}
    if not spanning or len(rows) < 2:
        return {}
    text = lines.text
    below = [clean(text, s, e).text for s, e in _row_cells(lines, rows[1], depth, columns)]
    labels = {k: below[k] for k in spanning}
    if not all(_is_label(v) for v in labels.values()):
        return {}
    if any(v for k, v in enumerate(below) if k not in spanning):
        return {}
    return labels


def _is_label(value: str) -> bool:
    """A column label: short, with a letter in it, no sentence ("B1", "Arm A", "≥65 years"; not
    "12%", not "Any stage.")."""
    return (
        0 < len(value) <= _SUB_HEADER_CHARS
        and not value.endswith(".")
        and any(c.isalpha() for c in value)
    )


# The longest label a second header row gives a column.
_SUB_HEADER_CHARS = 30
