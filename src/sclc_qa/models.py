"""The typed values that cross module, library and network boundaries.

Every span carries `start`/`end` character offsets into its document's text, so any client can
check `doc_text[start:end] == text` (or `== quote`) without trusting us.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Alternative",
    "Answer",
    "Block",
    "BlockKind",
    "Cell",
    "Chunk",
    "Citation",
    "Document",
    "DocumentFormat",
    "DocumentMeta",
    "Excerpt",
    "Passage",
    "Section",
    "SectionSummary",
    "Sentence",
    "Verification",
]

BlockKind = Literal[
    "paragraph", "caption", "table_header", "table_row", "table_note", "glossary_entry"
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Cell(_Frozen):
    """One field of a table row or glossary entry; its text is `doc_text[start:end]`."""

    header: str
    start: int
    end: int


class Block(_Frozen):
    """A paragraph, caption, table row, table note or glossary entry inside a section."""

    kind: BlockKind
    start: int
    end: int
    label: str | None = None
    context: str = Field("", description="What makes a row self-describing: table, title, groups.")
    cells: tuple[Cell, ...] = ()
    groups: tuple[Cell, ...] = Field((), description="Table group headings that apply to a row.")


class Section(_Frozen):
    """A section as the document heads it: a numbered one keeps its number (`4.1.1`), an
    unnumbered one gets a stable id from its heading path; plus the `abstract` and `glossary`."""

    doc: str
    id: str
    title: str
    path: tuple[str, ...] = Field(
        (), description="Heading titles from the outermost down to this section's own."
    )
    start: int = Field(description="Offset of the heading (or of the text, for the abstract).")
    end: int
    blocks: tuple[Block, ...] = ()


DocumentFormat = Literal["text", "markdown"]


class Document(_Frozen):
    """One corpus file: its id is the file stem."""

    id: str
    format: DocumentFormat = "text"
    title: str = Field("", description="From its metadata, else its own title, else its id.")
    text: str = Field(repr=False)
    sha256: str
    sections: tuple[Section, ...]


class SectionSummary(_Frozen):
    """What `sclc-qa sections` lists."""

    doc: str
    section: str
    title: str
    start: int
    end: int
    blocks: int
    chunks: int


class Sentence(_Frozen):
    """The smallest citable unit: a prose or caption sentence, a table row, a glossary entry."""

    id: int
    doc: str
    section: str
    title: str
    kind: BlockKind
    label: str | None
    start: int
    end: int
    text: str
    display: str = Field("", description="What a reader sees of `text`: no markup.")
    context: str = ""
    cells: tuple[Cell, ...] = ()
    groups: tuple[Cell, ...] = ()


class Chunk(_Frozen):
    """A retrievable passage: never crosses a section, always within the embedder's limit."""

    id: int
    doc: str
    section: str
    title: str
    label: str | None
    kind: BlockKind
    start: int
    end: int
    text: str = Field(description="Exactly doc_text[start:end].")
    search_text: str = Field(description="What is embedded and indexed: title, context, text.")
    sentence_ids: tuple[int, ...]


class Passage(_Frozen):
    """A ranked search hit."""

    doc: str
    section: str
    title: str
    label: str | None
    text: str
    start: int
    end: int
    score: float
    display: str = Field("", description="What a reader sees of `text`: no markup.")
    path: tuple[str, ...] = Field((), description="The section's heading path.")
    doc_title: str = ""


class Citation(_Frozen):
    """A verbatim quote that supports an answer; `quote == doc_text[start:end]`."""

    doc: str
    section: str
    title: str
    label: str | None
    quote: str
    start: int
    end: int
    score: float
    context: str | None = Field(None, description="For table rows: the table and group headings.")
    display: str = Field("", description="The quote as a reader sees it: no markup.")
    path: tuple[str, ...] = Field((), description="The section's heading path.")
    doc_title: str = ""


class Alternative(_Frozen):
    """What another document gives for the same fact, when it differs from the answer."""

    answer: str
    display: str
    start: int
    end: int
    confidence: float = Field(ge=0.0, le=1.0)
    citation: Citation


class Answer(_Frozen):
    """The reply to a question: a verbatim span from `citations[0].quote`, or an abstention."""

    question: str
    answer: str | None
    start: int | None = Field(None, description="Offset of the answer span in its document.")
    end: int | None = None
    citations: tuple[Citation, ...] = ()
    confidence: float = Field(ge=0.0, le=1.0)
    abstained: bool
    reason: str | None = None
    display: str | None = Field(None, description="The answer as a reader sees it: no markup.")
    alternatives: tuple[Alternative, ...] = Field(
        (), description="Other documents' differing figures for the same fact, each cited."
    )
    note: str | None = Field(None, description="Says when sources disagree.")
    timing_ms: float = Field(0.0, description="Time the engine spent on this answer.")


class DocumentMeta(_Frozen):
    """A document's bibliographic record, from `<id>.meta.json` beside its text when present."""

    doc: str
    title: str
    authors: str | None = None
    journal: str | None = None
    publisher: str | None = None
    year: int | None = None
    volume: str | None = None
    article_number: str | None = None
    doi: str | None = None
    pmid: str | None = None
    url: str | None = None
    license: str | None = None
    sha256: str = Field(description="SHA-256 of the text that offsets index into.")
    chars: int = Field(description="Length of the text in characters.")


class Excerpt(_Frozen):
    """A stretch of a document: `text == doc_text[start:end]`."""

    doc: str
    section: str
    title: str
    start: int
    end: int
    text: str


class Verification(_Frozen):
    """Whether a quote is what the document holds at `[start:end]`."""

    verified: bool
    text: str = Field(description="The document's text at [start:end].")
