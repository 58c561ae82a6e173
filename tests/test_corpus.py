"""corpus.py: sections, tables, captions and glossary of the review, with exact offsets."""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path

import pytest

from sclc_qa.corpus import load_corpus, parse_document, sha256_text
from sclc_qa.errors import CorpusError, SclcQaError
from sclc_qa.models import Block, Document, Section

DOC_ID = "es-sclc-immunotherapy-review"
CORPUS_FILE = Path(__file__).resolve().parent.parent / "corpus" / f"{DOC_ID}.txt"

SECTION_TITLES = {
    "abstract": "Abstract",
    "1": "Introduction",
    "2": "Molecular characteristics and subtypes of SCLC",
    "3": "Targets and mechanisms of immune checkpoints",
    "3.1": "CTLA-4",
    "3.2": "PD-1/PD-L1",
    "3.3": "Immune checkpoint inhibitors",
    "3.3.1": "CTLA-4 inhibitors",
    "3.3.2": "PD-1/PD-L1 inhibitors",
    "4": "Immune checkpoints inhibitors combination therapy",
    "4.1": "ICIs + chemotherapy",
    "4.1.1": "First-line chemoimmunotherapy",
    "4.1.2": "Second-line chemotherapy",
    "4.2": "ICIs + radiotherapy",
    "4.3": "ICIs + anti-angiogenic drugs",
    "4.4": "ICIs combined with small molecule targeted therapy",
    "4.4.1": "DLL-3 targeted therapy",
    "4.4.2": "Aurora A kinase inhibitors",
    "4.4.3": "PARP inhibitors",
    "4.5": "Epigenetic regulation drugs",
    "5": "Discussion and perspectives",
    "glossary": "Glossary",
}

TABLE_HEADERS = {
    "Table 1": [
        "Clinical trials.gov ID",
        "Drug",
        "Clinical Trial Registration URL",
        "Phase",
        "Cancer stage",
        "Status",
    ],
    "Table 2": [
        "Clinical trials.gov ID",
        "Intervention",
        "Clinical Trial Registration URL",
        "Phase",
        "Treatment line",
        "Cancer stage",
        "Status",
    ],
    "Table 3": [
        "Clinical trials.gov ID",
        "Drug",
        "Clinical Trial Registration URL",
        "Phase",
        "Cancer stage",
        "Status",
    ],
}


def _blocks(doc: Document, kind: str | None = None) -> list[tuple[Section, Block]]:
    return [(s, b) for s in doc.sections for b in s.blocks if kind is None or b.kind == kind]


def _rows_by_id(doc: Document) -> dict[str, Block]:
    rows = {}
    for _, b in _blocks(doc, "table_row"):
        rows[doc.text[b.cells[0].start : b.cells[0].end]] = b
    return rows


def _cells(doc: Document, block: Block) -> dict[str, str]:
    return {c.header: doc.text[c.start : c.end] for c in block.cells}


# ------------------------------------------------------------------ sections of the review


def test_section_ids_and_titles_of_the_review(corpus_doc: Document) -> None:
    assert [s.id for s in corpus_doc.sections] == list(SECTION_TITLES)
    assert {s.id: s.title for s in corpus_doc.sections} == SECTION_TITLES


def test_document_id_and_hash_come_from_the_file(corpus_doc: Document) -> None:
    assert corpus_doc.id == DOC_ID
    assert corpus_doc.sha256 == hashlib.sha256(CORPUS_FILE.read_bytes()).hexdigest()
    assert corpus_doc.sha256 == sha256_text(corpus_doc.text)


def test_section_offsets_point_at_their_headings(corpus_doc: Document) -> None:
    text = corpus_doc.text
    for s in corpus_doc.sections:
        line = text[s.start :].split("\n", 1)[0].strip()
        if s.id == "abstract":
            assert s.start == 0 and line.startswith("Small-cell lung cancer (SCLC)")
        elif s.id == "glossary":
            assert line == "Glossary"
        else:
            assert line == f"{s.id} {s.title}"


def test_sections_are_ordered_disjoint_and_hold_their_blocks(corpus_doc: Document) -> None:
    sections = corpus_doc.sections
    for a, b in itertools.pairwise(sections):
        assert a.end <= b.start, (a.id, b.id)
    for s in sections:
        assert s.start <= s.end
        for block in s.blocks:
            assert s.start <= block.start < block.end <= s.end, (s.id, block)
    # The two heading-only sections have no body of their own.
    empty = {s.id for s in sections if not s.blocks}
    assert empty == {"4.1", "4.4"}


def test_every_block_offset_is_exact(corpus_doc: Document) -> None:
    text = corpus_doc.text
    problems = []
    for s, b in _blocks(corpus_doc):
        got = text[b.start : b.end]
        if not got or got != got.strip():
            problems.append((s.id, b.kind, got[-30:]))
    assert problems == []


def test_every_cell_offset_is_exact(corpus_doc: Document) -> None:
    text = corpus_doc.text
    problems = []
    for s, b in _blocks(corpus_doc):
        for c in b.cells:
            value = text[c.start : c.end]
            if value != value.strip() or (value and not b.start <= c.start < c.end <= b.end):
                problems.append((s.id, b.kind, c.header, value))
        for g in b.groups:  # group headings sit above their rows
            value = text[g.start : g.end]
            if not value or value != value.strip() or g.end > b.start:
                problems.append((s.id, b.kind, g.header, value))
    assert problems == []


def test_paragraph_counts_per_section(corpus_doc: Document) -> None:
    kinds = {s.id: [b.kind for b in s.blocks] for s in corpus_doc.sections}
    assert kinds["abstract"] == ["paragraph"]
    assert kinds["1"] == ["paragraph"] * 3
    assert kinds["4.1.1"] == ["paragraph"] * 3
    assert kinds["glossary"] == ["glossary_entry"] * 76


# ------------------------------------------------------------------ tables and captions


def test_captions_are_labelled_in_document_order(corpus_doc: Document) -> None:
    captions = [(s.id, b.label) for s, b in _blocks(corpus_doc, "caption")]
    assert captions == [
        ("3", "Figure 1"),
        ("3.3.1", "Table 1"),
        ("4", "Figure 2"),
        ("4.2", "Table 2"),
        ("4.4.1", "Table 3"),
    ]
    text = corpus_doc.text
    fig1 = next(b for _, b in _blocks(corpus_doc, "caption") if b.label == "Figure 1")
    assert text[fig1.start : fig1.end].startswith("Figure\u00a01 | Molecular handshake")


def test_three_tables_with_their_header_cells(corpus_doc: Document) -> None:
    headers = _blocks(corpus_doc, "table_header")
    assert [b.label for _, b in headers] == ["Table 1", "Table 2", "Table 3"]
    for _, b in headers:
        assert [c.header for c in b.cells] == TABLE_HEADERS[b.label]
        assert [corpus_doc.text[c.start : c.end] for c in b.cells] == TABLE_HEADERS[b.label]


def test_every_row_fills_every_column_and_names_its_table(corpus_doc: Document) -> None:
    text = corpus_doc.text
    titles = {
        b.label: text[b.start : b.end].split("|", 1)[1].strip()
        for _, b in _blocks(corpus_doc, "caption")
        if b.label and b.label.startswith("Table")
    }
    counts: dict[str, int] = {}
    for _, row in _blocks(corpus_doc, "table_row"):
        assert row.label in TABLE_HEADERS
        assert [c.header for c in row.cells] == TABLE_HEADERS[row.label]
        assert row.context.startswith(f"{row.label} | {titles[row.label]}")
        assert text[row.cells[0].start : row.cells[0].end].startswith("NCT")
        counts[row.label] = counts.get(row.label, 0) + 1
    assert counts == {"Table 1": 17, "Table 2": 16, "Table 3": 16}


@pytest.mark.parametrize(
    ("nct", "label", "path"),
    [
        ("NCT04501276", "Table 1", "CTLA-4 inhibitors"),
        ("NCT05505825", "Table 1", "PD-1/CTLA-4 bispecific antibodies"),
        ("NCT04474119", "Table 1", "PD-1/CTLA-4 bispecific antibodies"),
        ("NCT06768307", "Table 2", "Sequential radiotherapy VS. concurrent radiotherapy"),
        ("NCT06586697", "Table 2", "Sequential thoracic radiotherapy"),
        ("NCT06514118", "Table 2", "Sequential thoracic radiotherapy"),
        ("NCT05552846", "Table 2", "Concurrent thoracic radiotherapy"),
        ("NCT05128630", "Table 2", "Reduced-dose hypo-fractionated thoracic radiotherapy"),
        ("NCT06179069", "Table 3", "DLL-3 targeted treatment › ADC"),
        ("NCT05361395", "Table 3", "DLL-3 targeted treatment › BiTEs"),
        ("NCT04885998", "Table 3", "DLL-3 targeted treatment › BiTEs"),
        ("NCT06077500", "Table 3", "DLL-3 targeted treatment › BiTEs"),
        ("NCT04471727", "Table 3", "DLL-3 targeted treatment › TiTE"),
        ("NCT02734004", "Table 3", "PARP inhibitors"),
        ("NCT03958045", "Table 3", "PARP inhibitors"),
    ],
)
def test_row_context_names_its_group_headings(
    corpus_doc: Document, nct: str, label: str, path: str
) -> None:
    row = _rows_by_id(corpus_doc)[nct]
    assert row.label == label
    assert row.context.endswith(f" | {path}")
    groups = [corpus_doc.text[c.start : c.end] for c in row.groups]
    assert " › ".join(groups) == path


def test_row_cells_hold_the_right_values(corpus_doc: Document) -> None:
    rows = _rows_by_id(corpus_doc)
    assert _cells(corpus_doc, rows["NCT04885998"]) == {
        "Clinical trials.gov ID": "NCT04885998",
        "Drug": "Tarlatamab",
        "Clinical Trial Registration URL": "https://clinicaltrials.gov/ct2/show/NCT04885998",
        "Phase": "III",
        "Cancer stage": "SCLC",
        "Status": "Completed",
    }
    t2 = _cells(corpus_doc, rows["NCT06125041"])
    assert t2["Intervention"] == "2Gy*(20-30) F"
    assert t2["Treatment line"] == "Maintenance treatment"
    # A blank (no-break space) status cell is empty, not whitespace.
    assert _cells(corpus_doc, rows["NCT03275597"])["Status"] == ""


def test_table_note_is_attached_to_table_3(corpus_doc: Document) -> None:
    notes = _blocks(corpus_doc, "table_note")
    assert len(notes) == 1
    section, note = notes[0]
    assert (section.id, note.label) == ("4.4.1", "Table 3")
    assert corpus_doc.text[note.start : note.end].startswith("ADC, antibody-drug conjugates;")


def test_prose_after_a_table_is_a_paragraph(corpus_doc: Document) -> None:
    section = next(s for s in corpus_doc.sections if s.id == "4.4.1")
    last = section.blocks[-1]
    assert last.kind == "paragraph"
    assert corpus_doc.text[last.start : last.end].startswith("Lastly, AMG 119")


# ------------------------------------------------------------------ glossary


def test_glossary_entries_split_term_and_expansion(corpus_doc: Document) -> None:
    entries = {}
    for _, b in _blocks(corpus_doc, "glossary_entry"):
        term, expansion = b.cells
        assert (term.header, expansion.header) == ("Abbreviation", "Expansion")
        assert term.end < expansion.start
        entries.setdefault(corpus_doc.text[term.start : term.end], []).append(
            corpus_doc.text[expansion.start : expansion.end]
        )
    assert entries["LDRT"] == ["low-dose radiotherapy"]
    assert entries["M phase"] == ["mitotic phase"]
    assert entries["PD-L1"] == ["programmed death ligand 1"]
    assert entries["NMPA"] == ["The National Medical Products Administration"]
    assert entries["PKC-θ"] == ["protein kinase C θ"]
    assert entries["BiTEs"] == [
        "DLL3-directed bispecific T-cell engagers",
        "bispecific T-cell engagers",
    ]
    assert entries["TLR9"] == ["Toll-like receptor 9"]
    # Only the two-word term keeps a space; every other term is one word.
    assert [t for t in entries if " " in t] == ["M phase"]


# ------------------------------------------------------------------ hand-made documents


def test_document_without_numbered_headings_is_one_section() -> None:
    text = "A note on trials.\n\nIt has two paragraphs, and 2 numbers.\n"
    doc = parse_document("note", text)
    assert [(s.id, s.title) for s in doc.sections] == [("body", "note")]
    blocks = doc.sections[0].blocks
    assert [text[b.start : b.end] for b in blocks] == [
        "A note on trials.",
        "It has two paragraphs, and 2 numbers.",
    ]


def test_headings_must_continue_the_outline() -> None:
    text = (
        "Preamble text.\n"
        " 1 Introduction\n"
        "Body one.\n"
        "3 Out of sequence\n"  # skips 2: prose, not a heading
        "2 patients were enrolled.\n"  # ends like a sentence: not a heading
        "1.1 Background\n"
        "Body two.\n"
        "2 Methods\n"
        "Body three.\n"
    )
    doc = parse_document("d", text)
    assert [(s.id, s.title) for s in doc.sections] == [
        ("abstract", "Abstract"),
        ("1", "Introduction"),
        ("1.1", "Background"),
        ("2", "Methods"),
    ]
    intro = doc.sections[1]
    assert [text[b.start : b.end] for b in intro.blocks] == [
        "Body one.",
        "3 Out of sequence",
        "2 patients were enrolled.",
    ]


def test_dose_cells_in_a_table_are_not_headings() -> None:
    text = (
        " 1 Radiotherapy\n"
        "Intro.\n"
        "Table 1 | Doses in trials.\n"
        "\tID\n\tDose\n\n\n"
        "\tNCT1\n\t2Gy*(20-30) F\n\n\n"
        "\tNCT2\n\t2 Gy/10 F\n\n\n"
        "After the table.\n"
        " 2 Results\n"
        "Done.\n"
    )
    doc = parse_document("d", text)
    assert [s.id for s in doc.sections] == ["1", "2"]
    section = doc.sections[0]
    rows = [b for b in section.blocks if b.kind == "table_row"]
    assert [[text[c.start : c.end] for c in r.cells] for r in rows] == [
        ["NCT1", "2Gy*(20-30) F"],
        ["NCT2", "2 Gy/10 F"],
    ]
    assert all(r.context == "Table 1 | Doses in trials." for r in rows)
    assert text[section.blocks[-1].start : section.blocks[-1].end] == "After the table."


def test_row_with_a_blank_last_cell_keeps_exact_offsets() -> None:
    # The review has one such row (NCT03275597, status "\t\u00a0"); its quote must not end in
    # whitespace, since citations quote text[start:end].
    text = "Table 1 | T.\n\tID\n\tStatus\n\n\n\tNCT1\n\t\u00a0\n\n\n\tNCT2\n\tDone\n"
    doc = parse_document("d", text)
    rows = [b for s in doc.sections for b in s.blocks if b.kind == "table_row"]
    assert len(rows) == 2
    assert text[rows[1].start : rows[1].end] == "NCT2\n\tDone"
    first = text[rows[0].start : rows[0].end]
    assert first.startswith("NCT1")
    assert first == first.strip()


# ------------------------------------------------------------------ load_corpus


def test_load_corpus_refuses_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="does not exist"):
        load_corpus(tmp_path / "nowhere")


def test_load_corpus_refuses_a_folder_without_documents(tmp_path: Path) -> None:
    (tmp_path / "notes.rtf").write_text("not a corpus document")
    (tmp_path / "README.md").write_text("describes the folder; not a document")
    with pytest.raises(CorpusError, match=r"no \.txt or \.md"):
        load_corpus(tmp_path)


def test_load_corpus_refuses_an_empty_document(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Fine.\n")
    (tmp_path / "b.txt").write_text(" \n\n\t\n")
    with pytest.raises(CorpusError, match=r"b\.txt is empty"):
        load_corpus(tmp_path)


def test_load_corpus_refuses_non_utf8(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes("caf\xe9 au lait".encode("latin-1"))
    with pytest.raises(CorpusError, match="UTF-8"):
        load_corpus(tmp_path)
    assert issubclass(CorpusError, SclcQaError)


def test_load_corpus_sorts_documents_by_file_stem(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second.\n")
    (tmp_path / "a.txt").write_text("First.\n")
    assert [d.id for d in load_corpus(tmp_path)] == ["a", "b"]


def test_crlf_offsets_are_true_to_the_bytes_on_disk(tmp_path: Path) -> None:
    lf = CORPUS_FILE.read_text(encoding="utf-8")
    (tmp_path / "crlf.txt").write_bytes(lf.replace("\n", "\r\n").encode("utf-8"))
    doc = load_corpus(tmp_path)[0]
    assert "\r\n" in doc.text
    assert doc.sha256 == hashlib.sha256((tmp_path / "crlf.txt").read_bytes()).hexdigest()
    assert [(s.id, s.title) for s in doc.sections] == list(SECTION_TITLES.items())
    reference = load_corpus(CORPUS_FILE.parent)[0]
    for crlf_section, lf_section in zip(doc.sections, reference.sections, strict=True):
        assert len(crlf_section.blocks) == len(lf_section.blocks)
        for a, b in zip(crlf_section.blocks, lf_section.blocks, strict=True):
            assert a.kind == b.kind
            got = doc.text[a.start : a.end]
            assert got.replace("\r\n", "\n") == reference.text[b.start : b.end]
            for ca, cb in zip(a.cells, b.cells, strict=True):
                assert doc.text[ca.start : ca.end] == reference.text[cb.start : cb.end]
