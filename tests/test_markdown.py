"""Tests for `sclc_qa.markdown`: tiny hand-made documents, then invariants over real PDQ files."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from sclc_qa.markdown import clean, parse_markdown
from sclc_qa.models import Block, Document, Section

PDQ_DIR = Path("/work/shared/corpus-pdq")
NSCLC = PDQ_DIR / "types-lung-hp-non-small-cell-lung-treatment-pdq.md"


def _section(doc: Document, sid: str) -> Section:
    return next(s for s in doc.sections if s.id == sid)


def _raw(doc: Document, block: Block) -> str:
    return doc.text[block.start : block.end]


def _assert_invariants(doc: Document) -> None:
    """Every block and cell is a non-empty, trimmed raw slice inside its section; sections are
    in order and do not overlap; ids are unique."""
    text = doc.text
    assert len({s.id for s in doc.sections}) == len(doc.sections)
    for before, after in zip(doc.sections, doc.sections[1:], strict=False):
        assert before.end <= after.start
    for sec in doc.sections:
        assert sec.start <= sec.end
        for block in sec.blocks:
            assert sec.start <= block.start < block.end <= sec.end, (sec.id, block)
            for cell in (block, *block.cells, *block.groups):
                raw = text[cell.start : cell.end]
                assert raw and raw == raw.strip(), (sec.id, block.kind, raw[:60])
            assert "Go to Patient Version" not in text[block.start : block.end]
            cleaned = clean(text, block.start, block.end)
            assert len(cleaned.offsets) == len(cleaned.text)
            assert all(block.start <= o < block.end for o in cleaned.offsets)
            assert list(cleaned.offsets) == sorted(cleaned.offsets)


# --- headings and sections ------------------------------------------------------------------

HEADED = """# Site Title - NCI

# Site Title–Health Professional Version

Text before any section.

## 2. Methods

Methods text.

### 4.1.1 First-line chemo

Chemo text.

## Treatment of *EGFR*-Mutant Café Disease

Intro.

### Surgery

Surgery text.

### Surgery

Again.

Setext Heading
--------------

Setext text.

# Late H1

Late text.
"""


def test_numbered_unnumbered_duplicate_setext_and_title_headings() -> None:
    doc = parse_markdown("d", HEADED)
    assert doc.format == "markdown"
    ids = [s.id for s in doc.sections]
    assert ids == [
        "preamble",
        "2",
        "4.1.1",
        "treatment-of-egfr-mutant-cafe-disease",
        "treatment-of-egfr-mutant-cafe-disease/surgery",
        "treatment-of-egfr-mutant-cafe-disease/surgery-2",
        "setext-heading",
        "late-h1",
    ]
    treat = _section(doc, "treatment-of-egfr-mutant-cafe-disease")
    assert treat.title == "Treatment of EGFR-Mutant Café Disease"
    assert HEADED[treat.start :].startswith("## Treatment")
    assert HEADED[: treat.end].endswith("Intro.")  # own content only, not its subsections
    assert [_raw(doc, b) for b in treat.blocks] == ["Intro."]
    surgery = _section(doc, "treatment-of-egfr-mutant-cafe-disease/surgery-2")
    assert surgery.path == ("Treatment of EGFR-Mutant Café Disease", "Surgery")
    assert _section(doc, "setext-heading").path == ("Setext Heading",)
    preamble = doc.sections[0]
    assert preamble.title == "Preamble"
    assert [_raw(doc, b) for b in preamble.blocks] == ["Text before any section."]
    _assert_invariants(doc)


def test_document_without_headings_is_one_body_section() -> None:
    doc = parse_markdown("plain", "Just a paragraph.\n\nAnd another.\n")
    assert [(s.id, s.title) for s in doc.sections] == [("body", "plain")]
    assert len(doc.sections[0].blocks) == 2


def test_sha256_is_of_the_utf8_text() -> None:
    import hashlib

    text = "## Ünïcode\n\nText.\n"
    assert parse_markdown("d", text).sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- lists, quotes, line endings --------------------------------------------------------------


def test_list_items_and_quotes_are_paragraphs_without_markers() -> None:
    text = (
        "## Risks\n\n- First risk.\n- Second risk\n  continues here.\n\n"
        "1. Numbered item.\n   - Nested item.\n\n> Quoted *text*\n> goes on.\n"
    )
    doc = parse_markdown("d", text)
    blocks = [_raw(doc, b) for b in doc.sections[0].blocks]
    assert blocks == [
        "First risk.",
        "Second risk\n  continues here.",
        "Numbered item.",
        "Nested item.",
        "Quoted *text*\n> goes on.",
    ]
    assert all(b.kind == "paragraph" for b in doc.sections[0].blocks)


def test_crlf_offsets_are_faithful() -> None:
    text = "## One\r\n\r\nFirst *line*\r\nsecond line.\r\n\r\n## Two\r\n\r\nMore.\r\n"
    doc = parse_markdown("d", text)
    block = doc.sections[0].blocks[0]
    assert _raw(doc, block) == "First *line*\r\nsecond line."
    assert clean(text, block.start, block.end).text == "First line second line."
    assert _raw(doc, doc.sections[1].blocks[0]) == "More."
    _assert_invariants(doc)


# --- tables -----------------------------------------------------------------------------------

TABLE = """## Staging

Table 3. Definitions of *Tumor* (T)

| T Category | | T Criteria |
| --- | --- | --- |
|  |  |  |
| --- | --- | --- |
| aReprinted with permission from AJCC: Lung. In: Amin MB, Edge SB, et al., eds. 2017. | | |
| T1 | | Tumor ≤3 cm. |
|  | T1a | Tumor ≤1 cm \\| small. |
|  | T1b | Tumor >1 cm. |
| T2 | | Tumor >3 cm. |
"""


def test_table_caption_header_rows_subrows_notes_and_escaped_pipes() -> None:
    doc = parse_markdown("d", TABLE)
    blocks = doc.sections[0].blocks
    kinds = [b.kind for b in blocks]
    assert kinds == ["caption", "table_header", "table_note"] + ["table_row"] * 4
    caption, header, note, t1, t1a, t1b, t2 = blocks
    assert caption.label == "Table 3" and _raw(doc, caption).startswith("Table 3.")
    assert [c.header for c in header.cells] == ["T Category", "T Criteria"]
    assert _raw(doc, note).startswith("aReprinted")
    assert t1.context == "Table 3 | Definitions of Tumor (T)" and t1.groups == ()
    assert [(c.header, TABLE[c.start : c.end]) for c in t1a.cells] == [
        ("T Category", "T1a"),
        ("T Criteria", "Tumor ≤1 cm \\| small."),
    ]
    assert [TABLE[g.start : g.end] for g in t1a.groups] == ["T1"]
    assert t1a.groups[0].header == "Group"
    assert t1b.context == "Table 3 | Definitions of Tumor (T) | T1"
    assert t2.groups == () and all(b.label == "Table 3" for b in blocks)
    assert _raw(doc, t1a) == "T1a | Tumor ≤1 cm \\| small."
    _assert_invariants(doc)


def test_lone_cells_are_footnotes_or_continue_the_previous_row() -> None:
    text = (
        "## S\n\n| Stage | TNM | Definitions |\n|---|---|---|\n"
        "| QOL = quality of life. | | |\n"
        "| IA | T1, N0, M0 | T1 = Tumor ≤3 cm. |\n"
        "| M0 = No distant metastasis. | | |\n"
        "| IB | T2, N0 | T2 = Tumor >3 cm. |\n"
        "| eGFR ≥60 | x | y |\n"
    )
    blocks = parse_markdown("d", text).sections[0].blocks
    assert [b.kind for b in blocks] == ["table_header", "table_note"] + ["table_row"] * 4
    ia, cont, ib = blocks[2:5]
    assert [c.header for c in cont.cells] == ["Definitions"]
    assert [text[g.start : g.end] for g in cont.groups] == ["IA"]
    assert cont.context == "Table 1 | IA"
    assert ia.groups == () and ib.groups == ()


def test_a_row_short_of_cells_fills_the_last_columns_under_the_row_above() -> None:
    """Cells that spanned rows in the source are written once: the rows below them are short,
    and what they write belongs to the last columns, grouped under the cell they shared."""
    text = (
        "## S\n\n| Grade | Size (cm) | Rate (%) | Risk |\n|---|---|---|---|\n"
        "| ≤5 per 50 | ≤2 | 0 | None |\n"
        "| >2 to ≤5 | 1.9 | Low |\n"
        "| >5 per 50 | ≤2 | 0 | None |\n"
        "| >5 to ≤10 | 55 | High |\n"
    )
    rows = [b for b in parse_markdown("d", text).sections[0].blocks if b.kind == "table_row"]
    cells = [[(c.header, text[c.start : c.end]) for c in r.cells] for r in rows]
    assert cells[1] == [("Size (cm)", ">2 to ≤5"), ("Rate (%)", "1.9"), ("Risk", "Low")]
    assert [text[g.start : g.end] for g in rows[3].groups] == [">5 per 50"]
    text = (
        "## S\n\n| Stage | Subgroup | Options |\n|---|---|---|\n"
        "| Zentoma | Resectable | Surgery |\n"
        "| Quellar tumors | Radiation |\n"
        "| Chemoradiation |\n"
    )
    rows = [b for b in parse_markdown("d", text).sections[0].blocks if b.kind == "table_row"]
    assert [c.header for c in rows[1].cells] == ["Subgroup", "Options"]
    # A lone line after a short row continues its last cell, under both the cells it shares.
    assert [text[g.start : g.end] for g in rows[2].groups] == ["Zentoma", "Quellar tumors"]


def test_bold_rows_head_and_group_the_rows_below_them() -> None:
    """A table of several parts: a lone bold cell groups the rows under it, a row of bold
    cells is their header; neither is a row of data."""
    text = (
        "## S\n\n|  |  |  |\n| --- | --- | --- |\n"
        "| **Zentor** | | |\n"
        "| **Model** | **Outcome** | **Reference** |\n"
        "| Mice | Growth slowed. | [1] |\n"
        "| **Quellex** | | |\n"
        "| Rats | No effect. | [2] |\n"
    )
    blocks = parse_markdown("d", text).sections[0].blocks
    rows = [b for b in blocks if b.kind == "table_row"]
    assert [text[b.start : b.end] for b in rows] == [
        "Mice | Growth slowed. | [1]",
        "Rats | No effect. | [2]",
    ]
    assert [c.header for c in rows[0].cells] == ["Model", "Outcome", "Reference"]
    assert [[text[g.start : g.end] for g in r.groups] for r in rows] == [
        ["**Zentor**"],
        ["**Quellex**"],
    ]
    assert rows[1].context.endswith("| Quellex")


def test_a_second_header_row_labels_the_columns_a_heading_spans() -> None:
    # Markdown has one header row; a heading spanning columns ("Subtype" over A, AB, B1) is
    # followed by a first row that labels each column, which joins the header.
    text = (
        "## S\n\n| Study | Subtype | | |\n|---|---|---|---|\n| | A | AB | B1 |\n"
        "| Trial 1 (N = 100) | 100% | 90% | 83% |\n"
    )
    blocks = parse_markdown("d", text).sections[0].blocks
    assert [b.kind for b in blocks] == ["table_header", "table_row"]
    assert [c.header for c in blocks[1].cells] == [
        "Study",
        "Subtype A",
        "Subtype AB",
        "Subtype B1",
    ]
    # A first row of values, or of sentences, is data.
    for first in ("| | 12% | 14% | 15% |", "| | Any stage. | T1 only. | N0. |"):
        table = text.replace("| | A | AB | B1 |", first)
        rows = [b for b in parse_markdown("d", table).sections[0].blocks if b.kind == "table_row"]
        assert len(rows) == 2 and rows[-1].cells[1].header == "Subtype"


def test_uncaptioned_tables_are_numbered_only_when_unambiguous() -> None:
    bare = "## A\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n| p | q |\n|---|---|\n| 3 | 4 |\n"
    labels = {b.label for b in parse_markdown("d", bare).sections[0].blocks}
    assert labels == {"Table 1", "Table 2"}
    mixed = bare.replace("## A\n\n", "## A\n\nTable 7: Seven.\n\n")
    blocks = parse_markdown("d", mixed).sections[0].blocks
    assert [b.label for b in blocks if b.kind == "table_row"] == ["Table 7", None]


def test_table_inside_blockquote_and_empty_header_cell() -> None:
    text = "## Q\n\n> | | b |\n> |---|---|\n> | 1 | 2 |\n"
    doc = parse_markdown("d", text)
    header, row = doc.sections[0].blocks
    assert [c.header for c in header.cells] == ["b"]
    assert [c.header for c in row.cells] == ["Column 1", "b"]
    assert [text[c.start : c.end] for c in row.cells] == ["1", "2"]
    _assert_invariants(doc)


# --- what is skipped --------------------------------------------------------------------------

SKIPPY = """## Treatment

[Go to Patient Version](/types/lung/patient/x)

Real text.[[1](#cit/section_1.1)]

[Enlarge](https://x/a.jpg)![Drawing of a lung.](https://x/a-750.jpg "Drawing")

###### References

1. Smith J: A paper. Lancet 1: 1, 2020. [[PUBMED Abstract](http://pubmed/1)]

### Surgery

Surgery text.

## Latest Updates to This Summary (05/15/2025)

Editorial changes were made.

## About This PDQ Summary

### Purpose of This Summary

Boilerplate.

### Reviewers and Updates

The lead reviewer is Ada Quill, MD.

## Levels of Evidence

Graded evidence.

## Bibliography

Book.

## Key References for Zeta Cancer Treatment

- Quill A, Zeller B: Zentamab for zeta cancer: a randomised trial. Lancet 2: 2, 2021.
"""


def test_references_navigation_and_boilerplate_emit_no_blocks() -> None:
    doc = parse_markdown("d", SKIPPY)
    # Under "About This PDQ Summary" only the generic boilerplate is skipped; a heading of
    # the same name elsewhere is content.
    assert [s.id for s in doc.sections] == [
        "treatment",
        "treatment/surgery",
        "about-this-pdq-summary",
        "about-this-pdq-summary/reviewers-and-updates",
        "levels-of-evidence",
    ]
    assert [_raw(doc, b) for s in doc.sections[3:] for b in s.blocks] == [
        "The lead reviewer is Ada Quill, MD.",
        "Graded evidence.",
    ]
    assert [_raw(doc, b) for b in doc.sections[0].blocks] == ["Real text.[[1](#cit/section_1.1)]"]
    for word in ("Go to Patient", "Enlarge", "Smith", "Editorial", "Boilerplate", "Book", "Zeller"):
        assert all(word not in _raw(doc, b) for s in doc.sections for b in s.blocks)
    # The parent's span ends at its last non-blank line before its skipped References.
    assert SKIPPY[: doc.sections[0].end].endswith('"Drawing")')
    _assert_invariants(doc)


# --- clean ------------------------------------------------------------------------------------


def _assert_aligned(text: str, start: int, end: int) -> str:
    """Plain display chars sit at their own raw offset; returns the display text."""
    got = clean(text, start, end)
    assert len(got.offsets) == len(got.text)
    assert list(got.offsets) == sorted(got.offsets)
    for ch, at in zip(got.text, got.offsets, strict=True):
        assert start <= at < end
        if ch != " " and text[at] not in "&\\":
            assert text[at] == ch, (ch, at, text[at])
    return got.text


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("in 2025:[[1](#cit/section_1.1)]", "in 2025:"),
        ("smoke.[[3](#cit/section_1.3),[4](#cit/section_1.4)] Next", "smoke. Next"),
        ("pollution.[[10](#cit/a)-[12](#cit/b)]", "pollution."),
        ('2005. [[PUBMED Abstract](http://x/?a=1 "http://x")] Done', "2005. Done"),
        ("cancer [[2](#cit/x)].", "cancer."),
        ("see [2](#cit/x) here", "see here"),
        ('the [NCI website](https://x "https://x website") lists', "the NCI website lists"),
        ("Carcinoma *in situ* and **ALK** and _x_", "Carcinoma in situ and ALK and x"),
        ("a `co de` b <sup>c</sup>", "a co de b c"),
        ("![alt text](i.png)Stage IA", "Stage IA"),
        ("first\nsecond   third", "first second third"),
        ("\\[not a link\\]", "[not a link]"),
    ],
)
def test_clean_display_text_and_offsets(raw: str, shown: str) -> None:
    assert _assert_aligned(raw, 0, len(raw)) == shown


def test_clean_escapes_and_entities_map_to_where_they_start() -> None:
    raw = "AT&amp;T \\| &frac34;"
    got = clean(raw, 0, len(raw))
    assert got.text == "AT&T | ¾"
    assert got.offsets == (0, 1, 2, 7, 8, 9, 11, 12)


def test_clean_of_an_inner_span_offsets_into_the_whole_document() -> None:
    text = "## H\n\nFirst sentence.[[1](#c)] Second *one* here.\n"
    doc = parse_markdown("d", text)
    block = doc.sections[0].blocks[0]
    start = text.index("Second")
    got = clean(text, start, block.end)
    assert got.text == "Second one here."
    assert text[got.offsets[0] : got.offsets[-1] + 1] == "Second *one* here."
    assert clean(text, block.start, block.end).text == "First sentence. Second one here."


def test_clean_of_a_span_cut_inside_markup_reads_as_that_stretch_of_the_block() -> None:
    text = '- **Bold first.** Then [a link.](/x "t")\n'
    view = clean(text, 0, len(text))
    assert view.text == "- Bold first. Then a link."
    for sentence in ("Bold first.", "Then a link."):
        s = view.text.index(sentence)
        e = s + len(sentence)
        start, end = view.offsets[s], view.offsets[e - 1] + 1
        assert text[start:end] in ("Bold first.", "Then [a link.")
        assert clean(text, start, end).text == sentence


# --- the real PDQ corpus ----------------------------------------------------------------------


ABOUT_BOILERPLATE = (
    "Purpose of This Summary",
    "Levels of Evidence",
    "Permission to Use This Summary",
    "Disclaimer",
    "Contact Us",
)


def _skipped_regions(text: str) -> list[tuple[int, int]]:
    """Spans of References and the generic About-This-PDQ-Summary sections, read from the ATX
    headings."""
    heads = [
        (m.start(), len(m.group(1)), m.group(2).strip())
        for m in re.finditer(r"^(#{1,6}) (.*)$", text, re.MULTILINE)
    ]
    regions = []
    for n, (at, level, title) in enumerate(heads):
        if title == "References" or title in ABOUT_BOILERPLATE:
            stop = next((a for a, lv, _ in heads[n + 1 :] if lv <= level), len(text))
            regions.append((at, stop))
    return regions


def _assert_pdq_invariants(doc: Document) -> None:
    _assert_invariants(doc)
    for lo, hi in _skipped_regions(doc.text):
        for sec in doc.sections:
            assert all(b.end <= lo or b.start >= hi for b in sec.blocks), sec.id


def _read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as fh:
        return fh.read()


@pytest.mark.skipif(not NSCLC.is_file(), reason="PDQ corpus not present")
def test_real_nsclc_file() -> None:
    text = _read(NSCLC)
    began = time.perf_counter()
    doc = parse_markdown(NSCLC.stem, text)
    assert time.perf_counter() - began < 3.0
    _assert_pdq_invariants(doc)
    assert len(doc.sections) > 100
    rows = [
        b for s in doc.sections for b in s.blocks if b.kind == "table_row" and b.label == "Table 1"
    ]
    assert rows and rows[0].context.startswith("Table 1 | Definitions of Primary Tumor (T)")
    t1mi = next(b for b in rows if text[b.start : b.end].startswith("T1mi"))
    assert [c.header for c in t1mi.cells] == ["T Category", "T Criteria"]
    assert [text[g.start : g.end] for g in t1mi.groups] == ["T1"]
    assert all(s.title != "Current Clinical Trials" for s in doc.sections)


def _sample() -> list[Path]:
    paths = sorted(p for p in PDQ_DIR.glob("*.md") if p != NSCLC) if PDQ_DIR.is_dir() else []
    return paths[::13][:20]


@pytest.mark.skipif(not _sample(), reason="PDQ corpus not present")
@pytest.mark.parametrize("path", _sample(), ids=lambda p: p.stem[:40])
def test_real_pdq_sample(path: Path) -> None:
    doc = parse_markdown(path.stem, _read(path))
    assert doc.sections
    _assert_pdq_invariants(doc)
