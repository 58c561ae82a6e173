"""chunking.py: citable sentences and retrievable chunks, within the embedder's limit."""

from __future__ import annotations

import itertools

import pytest

from sclc_qa.chunking import build_chunks, build_sentences, cell_text, embed_text
from sclc_qa.config import ChunkSettings
from sclc_qa.corpus import parse_document
from sclc_qa.embedding import MiniLMEmbedder
from sclc_qa.models import Chunk, Document, Sentence
from sclc_qa.tokens import count_tokens

SETTINGS = ChunkSettings()


def words(text: str) -> int:
    """The fake embedder's word-piece count: whitespace words plus [CLS] and [SEP]."""
    return len(text.split()) + 2


def cut(
    doc: Document, counter=words, settings: ChunkSettings = SETTINGS
) -> tuple[list[Sentence], list[Chunk]]:
    sentences = build_sentences(
        doc, first_id=0, max_wordpieces=settings.max_wordpieces, count_wordpieces=counter
    )
    chunks = build_chunks(
        doc,
        sentences,
        settings,
        first_id=0,
        count_tokens=count_tokens,
        count_wordpieces=counter,
    )
    return sentences, chunks


@pytest.fixture(scope="module")
def real_cut(corpus_doc: Document, minilm: MiniLMEmbedder) -> tuple[list[Sentence], list[Chunk]]:
    return cut(corpus_doc, minilm.count_wordpieces)


# ------------------------------------------------------------------ the whole review


def test_nothing_exceeds_the_models_word_piece_limit(
    real_cut: tuple[list[Sentence], list[Chunk]], minilm: MiniLMEmbedder
) -> None:
    sentences, chunks = real_cut
    assert minilm.max_wordpieces == SETTINGS.max_wordpieces == 256
    too_long = [c.id for c in chunks if minilm.count_wordpieces(c.search_text) > 256]
    too_long += [s.id for s in sentences if minilm.count_wordpieces(embed_text(s)) > 256]
    assert too_long == []


def test_texts_are_exact_slices_of_the_document(
    corpus_doc: Document, real_cut: tuple[list[Sentence], list[Chunk]]
) -> None:
    sentences, chunks = real_cut
    text = corpus_doc.text
    for s in sentences:
        assert s.text == text[s.start : s.end]
        assert s.text == s.text.strip()
        assert s.doc == corpus_doc.id
    for c in chunks:
        assert c.text == text[c.start : c.end]
        assert c.start == sentences[c.sentence_ids[0]].start
        assert c.end == sentences[c.sentence_ids[-1]].end


def test_no_chunk_crosses_a_section(
    corpus_doc: Document, real_cut: tuple[list[Sentence], list[Chunk]]
) -> None:
    sentences, chunks = real_cut
    bounds = {s.id: (s.start, s.end, s.title) for s in corpus_doc.sections}
    for c in chunks:
        start, end, title = bounds[c.section]
        assert start <= c.start < c.end <= end
        assert c.title == title
        assert {sentences[i].section for i in c.sentence_ids} == {c.section}
    for s in sentences:
        start, end, _ = bounds[s.section]
        assert start <= s.start < s.end <= end


def test_token_budget_holds_except_for_single_long_sentences(
    real_cut: tuple[list[Sentence], list[Chunk]],
) -> None:
    _, chunks = real_cut
    # The budget counts what is embedded: the text as a reader sees it (whitespace runs as one).
    over = [c for c in chunks if count_tokens(" ".join(c.text.split())) > SETTINGS.max_tokens]
    assert all(len(c.sentence_ids) == 1 for c in over)
    # The budget actually packs: most prose chunks hold more than one sentence.
    prose = [c for c in chunks if c.kind == "paragraph"]
    assert sum(len(c.sentence_ids) > 1 for c in prose) > len(prose) / 2


def test_ids_are_dense_and_every_sentence_is_in_a_chunk(
    real_cut: tuple[list[Sentence], list[Chunk]],
) -> None:
    sentences, chunks = real_cut
    assert [s.id for s in sentences] == list(range(len(sentences)))
    assert [c.id for c in chunks] == list(range(len(chunks)))
    covered = {i for c in chunks for i in c.sentence_ids}
    assert covered == set(range(len(sentences)))
    for c in chunks:
        assert list(c.sentence_ids) == list(range(c.sentence_ids[0], c.sentence_ids[-1] + 1))


def test_consecutive_chunks_of_a_paragraph_overlap_by_one_sentence(
    real_cut: tuple[list[Sentence], list[Chunk]],
) -> None:
    _, chunks = real_cut
    overlaps = [
        len(set(a.sentence_ids) & set(b.sentence_ids))
        for a, b in itertools.pairwise(chunks)
        if a.kind == b.kind == "paragraph" and a.section == b.section
    ]
    assert overlaps and max(overlaps) == SETTINGS.overlap_sentences


def test_table_rows_are_self_describing_single_chunks(
    corpus_doc: Document, real_cut: tuple[list[Sentence], list[Chunk]]
) -> None:
    sentences, chunks = real_cut
    rows = [c for c in chunks if c.kind == "table_row"]
    assert len(rows) == 49
    assert all(len(c.sentence_ids) == 1 for c in rows)
    row = next(s for s in sentences if s.kind == "table_row" and "NCT04885998" in s.text)
    assert row.label == "Table 3" and row.section == "4.4.1"
    assert dict(cell_text(corpus_doc.text, row))["Phase"] == "III"
    described = embed_text(row)
    assert described.startswith("Table 3 | Clinical trials of targeted therapy")
    assert "DLL-3 targeted treatment › BiTEs" in described
    assert "Drug: Tarlatamab" in described and "Phase: III" in described
    chunk = next(c for c in rows if row.id in c.sentence_ids)
    assert chunk.search_text == described


def test_glossary_entries_are_grouped(real_cut: tuple[list[Sentence], list[Chunk]]) -> None:
    sentences, chunks = real_cut
    glossary = [c for c in chunks if c.section == "glossary"]
    assert {c.kind for c in glossary} == {"glossary_entry"}
    assert all(len(c.sentence_ids) <= SETTINGS.glossary_entries for c in glossary)
    assert sum(len(c.sentence_ids) for c in glossary) == 76
    ldrt = next(s for s in sentences if s.text == "LDRT low-dose radiotherapy")
    assert embed_text(ldrt) == "Glossary: LDRT low-dose radiotherapy"


def test_search_text_names_section_and_caption(
    real_cut: tuple[list[Sentence], list[Chunk]],
) -> None:
    _, chunks = real_cut
    first = chunks[0]
    assert first.section == "abstract" and first.search_text.startswith("Abstract: Small-cell")
    caption = next(c for c in chunks if c.kind == "caption" and c.label == "Figure 2")
    assert caption.search_text.startswith(
        "Immune checkpoints inhibitors combination therapy | Figure 2: "
    )


def test_chunking_is_deterministic(corpus_doc: Document, minilm: MiniLMEmbedder) -> None:
    assert cut(corpus_doc, minilm.count_wordpieces) == cut(corpus_doc, minilm.count_wordpieces)


# ------------------------------------------------------------------ hand-made documents


def test_an_over_long_sentence_is_split_without_losing_text() -> None:
    clauses = [f"clause {i} has {'many ' * 7}words" for i in range(12)]
    sentence = ", ".join(clauses) + "; and ends here."
    text = f" 1 Long\n{sentence}\n"
    doc = parse_document("d", text)
    settings = ChunkSettings(max_wordpieces=40)
    sentences, chunks = cut(doc, words, settings)
    assert len(sentences) > 1
    assert all(words(embed_text(s)) <= 40 for s in sentences)
    assert all(s.text == text[s.start : s.end] for s in sentences)
    # In order, not overlapping, and nothing but whitespace between the pieces.
    assert sentences[0].start == text.index("clause 0")
    assert sentences[-1].end == text.index("here.") + len("here.")
    for a, b in itertools.pairwise(sentences):
        assert a.end <= b.start and not text[a.end : b.start].strip()
    assert " ".join(s.text for s in sentences).split() == sentence.split()
    assert all(words(c.search_text) <= 40 for c in chunks)


def test_the_pieces_of_an_over_long_markdown_row_read_without_their_links() -> None:
    from sclc_qa.markdown import parse_markdown

    link = "(/Common/PopUps/popDefinition.aspx?id=40001&version=healthprofessional)"
    outcome = ", ".join(f"[finding]{link} {i} held in {'most ' * 4}mice" for i in range(10))
    text = f"## S\n\n| Model | Outcome |\n| --- | --- |\n| Mice | {outcome}. |\n"
    sentences, _ = cut(parse_markdown("d", text), words, ChunkSettings(max_wordpieces=40))
    assert len(sentences) > 1
    assert all("PopUps" not in s.display and "finding" in s.display for s in sentences)


def test_a_clause_without_commas_is_split_into_words() -> None:
    sentence = " ".join(f"w{i}" for i in range(100)) + "."
    doc = parse_document("d", sentence)
    sentences, _ = cut(doc, words, ChunkSettings(max_wordpieces=32))
    assert all(words(s.text) <= 32 for s in sentences)
    assert " ".join(s.text for s in sentences) == sentence


def test_a_tiny_token_budget_gives_one_sentence_per_chunk() -> None:
    text = (
        "The first sentence is long enough to fill a small budget of tokens alone. "
        "The second sentence is also long enough to fill that small budget alone. "
        "Short."
    )
    doc = parse_document("d", text)
    sentences, chunks = cut(doc, words, ChunkSettings(max_tokens=16, overlap_sentences=0))
    assert len(sentences) == 3
    # 15 + 15 tokens never share a chunk; 14 + 2 fit exactly.
    assert [count_tokens(s.text) for s in sentences] == [15, 14, 2]
    assert [c.sentence_ids for c in chunks] == [(0,), (1, 2)]
    for c in chunks:
        assert count_tokens(c.text) <= 16 or len(c.sentence_ids) == 1


def test_chunks_never_join_two_paragraphs() -> None:
    text = "One. Two.\n\nThree. Four.\n"
    doc = parse_document("d", text)
    _, chunks = cut(doc)
    assert [c.text for c in chunks] == ["One. Two.", "Three. Four."]


def test_title_prefix_never_pushes_a_chunk_over_the_limit() -> None:
    title = "A section title of quite a few words"
    sentence = " ".join(f"w{i}" for i in range(30)) + "."
    doc = parse_document("d", f" 1 {title}\n{sentence}\n")
    settings = ChunkSettings(max_wordpieces=34)
    sentences, chunks = cut(doc, words, settings)
    assert all(words(embed_text(s)) <= 34 for s in sentences)
    assert all(words(c.search_text) <= 34 for c in chunks), [c.search_text for c in chunks]
