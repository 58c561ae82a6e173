"""Corpus files → documents → sections → blocks, with exact character offsets.

`corpus/` holds `.txt` and `.md` files; each file's stem is its document id. Markdown goes to
`markdown.parse_markdown`; plain text to `parse_document` here. Parsing is pure: both read a
string and return values. The review's flattened layout is described in its metadata:
headings on their own line ("4.1.1 Title"), one table cell per tab-indented line with blank
lines between rows, captions that start "Figure N |" or "Table N |", and a closing glossary of
"ABBR expansion" lines.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import CorpusError
from .models import Block, Cell, Document, DocumentFormat, DocumentMeta, Section

__all__ = [
    "NOT_DOCUMENTS",
    "SUFFIXES",
    "corpus_files",
    "display_text",
    "load_corpus",
    "load_metadata",
    "parse_document",
    "parse_file",
    "read_text",
    "sha256_text",
]

# The formats a document may come in, by file suffix.
SUFFIXES: dict[str, DocumentFormat] = {".txt": "text", ".md": "markdown"}
# Files that describe the folder rather than belong to it (corpus/ATTRIBUTION.md names the
# review's licence); by the usual convention their names are upper case.
NOT_DOCUMENTS = frozenset({"ATTRIBUTION", "CHANGELOG", "LICENSE", "NOTICE", "README"})

_HEADING = re.compile(r"^[ \u00a0]?(\d+(?:\.\d+){0,3})[ \u00a0]+([A-Za-z][^\t]{0,150})$")
_NAMED_SECTIONS = {"glossary": "Glossary", "abbreviations": "Glossary"}
_CAPTION = re.compile(r"^\s*(Figure|Fig\.|Table)[\s\u00a0]+(\d+)[\s\u00a0]*\|")
# "ADC, antibody-drug conjugates; BiTEs, bispecific T-cell engagers; ..." under a table.
_TABLE_NOTE = re.compile(r"^(?:[\w\-/+]+, [^;]+; )*[\w\-/+]+, [^;]+\.?$")
_BLANK = re.compile(r"^[\s\u00a0]*$")


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # excludes the newline
    text: str

    @property
    def blank(self) -> bool:
        return _BLANK.match(self.text) is not None

    @property
    def is_cell(self) -> bool:
        return self.text.startswith("\t")


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def corpus_files(corpus_dir: Path) -> list[Path]:
    """Every document file in `corpus_dir` (`*.txt`, `*.md`), sorted by id; ids must be unique."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder {corpus_dir} does not exist; put the review's .txt there")
    paths = sorted(
        (
            p
            for p in corpus_dir.iterdir()
            if p.suffix in SUFFIXES and p.stem not in NOT_DOCUMENTS and p.is_file()
        ),
        key=lambda p: (p.stem, p.suffix),
    )
    if not paths:
        raise CorpusError(f"corpus folder {corpus_dir} holds no .txt or .md documents")
    seen: dict[str, Path] = {}
    for path in paths:
        if path.stem in seen:
            raise CorpusError(
                f"{seen[path.stem].name} and {path.name} would both be document {path.stem!r}; "
                "rename one of them"
            )
        seen[path.stem] = path
    return paths


def read_text(path: Path) -> str:
    """A document's text exactly as on disk: offsets index into this string."""
    try:
        # newline="" keeps offsets true to the bytes on disk (no \r\n translation).
        with path.open(encoding="utf-8", newline="") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"cannot read {path} as UTF-8 text: {exc}") from exc
    if not text.strip():
        raise CorpusError(f"{path} is empty")
    return text


def parse_file(path: Path, text: str) -> Document:
    """Parse one document by its format (file suffix); its id is the file stem."""
    if SUFFIXES[path.suffix] == "markdown":
        from .markdown import parse_markdown

        return parse_markdown(path.stem, text)
    return parse_document(path.stem, text)


def load_corpus(corpus_dir: Path) -> list[Document]:
    """Every document in `corpus_dir`, parsed and titled from its metadata; sorted by id."""
    docs = []
    for path in corpus_files(corpus_dir):
        doc = parse_file(path, read_text(path))
        docs.append(doc.model_copy(update={"title": load_metadata(corpus_dir, doc).title}))
    return docs


def display_text(doc: Document, start: int, end: int) -> str:
    """What a reader sees of `doc.text[start:end]`: Markdown without its markup (links by their
    words, no reference markers or emphasis), whitespace runs as one space."""
    if doc.format == "markdown":
        from .markdown import clean

        return clean(doc.text, start, end).text
    return " ".join(doc.text[start:end].split())


def load_metadata(corpus_dir: Path, doc: Document) -> DocumentMeta:
    """`<id>.meta.json` beside the text, if any: title, authors, journal, DOI, licence.

    A document without one is still served, titled by its id; a malformed one is an error.
    """
    path = corpus_dir / f"{doc.id}.meta.json"
    record: dict[str, object] = {}
    if path.is_file():
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CorpusError(f"cannot read {path} as JSON: {exc}") from exc
        if not isinstance(record, dict):
            raise CorpusError(f"{path} must hold a JSON object")
    fields = set(DocumentMeta.model_fields) - {"doc", "sha256", "chars"}
    known = {k: (str(v) if k != "year" else v) for k, v in record.items() if k in fields}
    known.setdefault("title", doc.title or doc.id)
    try:
        return DocumentMeta(doc=doc.id, sha256=doc.sha256, chars=len(doc.text), **known)
    except ValueError as exc:
        raise CorpusError(f"{path} has an invalid field: {exc}") from exc


def parse_document(doc_id: str, text: str) -> Document:
    """Split a document into its sections (ids as the document numbers them) and their blocks."""
    lines = list(_lines(text))
    heads = _find_headings(lines)
    sections: list[Section] = []
    first = heads[0][0] if heads else len(lines)
    preamble = [ln for ln in lines[:first]]
    if any(not ln.blank for ln in preamble):
        sid, title = ("abstract", "Abstract") if heads else ("body", doc_id)
        section = _section(doc_id, sid, title, preamble, preamble[0].start)
        sections.append(section.model_copy(update={"path": (title,)}))
    titles = {sid: title for _, sid, title in heads}
    for n, (idx, sid, title) in enumerate(heads):
        stop = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        section = _section(doc_id, sid, title, lines[idx + 1 : stop], lines[idx].start)
        sections.append(section.model_copy(update={"path": _outline_path(sid, titles)}))
    return Document(id=doc_id, text=text, sha256=sha256_text(text), sections=tuple(sections))


def _outline_path(sid: str, titles: dict[str, str]) -> tuple[str, ...]:
    """Titles of "4", "4.1" and "4.1.1" for section 4.1.1: where it sits in the outline."""
    parts = sid.split(".")
    prefixes = [".".join(parts[: n + 1]) for n in range(len(parts))]
    return tuple(titles[p] for p in prefixes if p in titles)


def _lines(text: str) -> Iterator[_Line]:
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        yield _Line(pos, pos + len(body), body)
        pos += len(raw)


def _find_headings(lines: list[_Line]) -> list[tuple[int, str, str]]:
    """Numbered headings that continue the outline (1 → 1.1 → 2 …), plus a closing glossary."""
    found: list[tuple[int, str, str]] = []
    current: tuple[int, ...] = ()
    for i, line in enumerate(lines):
        if line.is_cell or len(line.text) > 160:
            continue
        named = line.text.strip().lower()
        if named in _NAMED_SECTIONS:
            found.append((i, "glossary", _NAMED_SECTIONS[named]))
            continue
        m = _HEADING.match(line.text)
        if not m or m.group(2).rstrip().endswith((".", ",", ";")):
            continue
        number = tuple(int(p) for p in m.group(1).split("."))
        if number in _next_numbers(current):
            current = number
            found.append((i, m.group(1), m.group(2).strip()))
    return found


def _next_numbers(current: tuple[int, ...]) -> set[tuple[int, ...]]:
    if not current:
        return {(1,)}
    options = {(*current, 1)}
    for depth in range(1, len(current) + 1):
        options.add((*current[: depth - 1], current[depth - 1] + 1))
    return options


def _section(doc_id: str, sid: str, title: str, body: list[_Line], start: int) -> Section:
    end = max((ln.end for ln in body if not ln.blank), default=start)
    blocks = _glossary_blocks(body) if sid == "glossary" else _blocks(body)
    return Section(doc=doc_id, id=sid, title=title, start=start, end=end, blocks=tuple(blocks))


def _trimmed(line: _Line) -> tuple[int, int]:
    """Offsets of the line without surrounding whitespace (including no-break spaces)."""
    lead = len(line.text) - len(line.text.lstrip(" \t\u00a0"))
    trail = len(line.text) - len(line.text.rstrip(" \t\u00a0"))
    return line.start + lead, line.end - trail


def _blocks(body: list[_Line]) -> list[Block]:
    blocks: list[Block] = []
    i = 0
    after_table = False
    while i < len(body):
        line = body[i]
        if line.blank:
            i += 1
            continue
        start, end = _trimmed(line)
        caption = _CAPTION.match(line.text)
        if caption:
            kind = "Figure" if caption.group(1).startswith("Fig") else "Table"
            label = f"{kind} {caption.group(2)}"
            blocks.append(Block(kind="caption", start=start, end=end, label=label))
            if kind == "Table":
                i, rows = _table(body, i + 1, label, line.text[caption.end() :].strip())
                blocks.extend(rows)
                after_table = True
                continue
        elif after_table and _TABLE_NOTE.match(line.text.strip()):
            note_label = next(b.label for b in reversed(blocks) if b.kind == "caption")
            blocks.append(Block(kind="table_note", start=start, end=end, label=note_label))
        else:
            blocks.append(Block(kind="paragraph", start=start, end=end))
        after_table = False
        i += 1
    return blocks


def _cell_groups(body: list[_Line], i: int) -> Iterator[tuple[int, list[_Line]]]:
    """Runs of tab-indented lines separated by blank lines; stops at the first prose line."""
    group: list[_Line] = []
    while i < len(body):
        line = body[i]
        if line.is_cell:
            group.append(line)
        elif line.blank:
            if group:
                yield i, group
                group = []
        else:
            break
        i += 1
    if group:
        yield i, group


def _cell(line: _Line, header: str) -> Cell:
    start, end = _trimmed(line)
    return Cell(header=header, start=start, end=max(start, end))


def _table(body: list[_Line], i: int, label: str, title: str) -> tuple[int, list[Block]]:
    """Header row, then rows; short runs are group headings, extra leading cells are sub-groups."""
    blocks: list[Block] = []
    headers: list[str] = []
    group = subgroup = ""
    group_cells: list[Cell] = []
    sub_cells: list[Cell] = []
    stop = i
    for end, cells in _cell_groups(body, i):
        stop = end
        texts = [c.text.strip(" \t\u00a0") for c in cells]
        if not headers:
            headers = texts
            start, end = _trimmed(cells[0])[0], _trimmed(cells[-1])[1]
            ctx = f"{label} | {title}"
            header_cells = tuple(_cell(c, h) for c, h in zip(cells, headers, strict=True))
            blocks.append(
                Block(
                    kind="table_header",
                    start=start,
                    end=end,
                    label=label,
                    context=ctx,
                    cells=header_cells,
                )
            )
            continue
        extra = len(cells) - len(headers)
        if extra < 0:
            group, subgroup = " ".join(t for t in texts if t), ""
            group_cells = [_cell(c, "Group") for c, t in zip(cells, texts, strict=True) if t]
            sub_cells = []
            continue
        if extra > 0:
            subgroup = " ".join(t for t in texts[:extra] if t)
            sub_cells = [
                _cell(c, "Subgroup") for c, t in zip(cells[:extra], texts[:extra], strict=True) if t
            ]
        row = cells[extra:]
        path = " › ".join(p for p in (group, subgroup) if p)
        ctx = f"{label} | {title}" + (f" | {path}" if path else "")
        blocks.append(
            Block(
                kind="table_row",
                start=_trimmed(row[0])[0],
                end=max(_trimmed(c)[1] for c, t in zip(row, texts[extra:], strict=True) if t),
                label=label,
                context=ctx,
                cells=tuple(_cell(c, h) for c, h in zip(row, headers, strict=True)),
                groups=(*group_cells, *sub_cells),
            )
        )
    return stop, blocks


def _glossary_blocks(body: list[_Line]) -> list[Block]:
    blocks = []
    for line in body:
        if line.blank:
            continue
        start, end = _trimmed(line)
        text = line.text[start - line.start : end - line.start]
        cut = _term_length(text)
        if cut is None:
            blocks.append(Block(kind="paragraph", start=start, end=end))
            continue
        exp_start = start + cut + (len(text[cut:]) - len(text[cut:].lstrip()))
        cells = (
            Cell(header="Abbreviation", start=start, end=start + cut),
            Cell(header="Expansion", start=exp_start, end=end),
        )
        blocks.append(
            Block(kind="glossary_entry", start=start, end=end, context="Glossary", cells=cells)
        )
    return blocks


def _term_length(text: str) -> int | None:
    """Where the abbreviation ends in "ABBR expansion"; a two-word term ("M phase mitotic phase")
    repeats its second word in the expansion."""
    words = text.split(" ")
    if len(words) < 2:
        return None
    n = 1
    if len(words) >= 4 and len(words[0]) <= 3 and words[1] in words[2:]:
        n = 2
    return len(" ".join(words[:n]))
