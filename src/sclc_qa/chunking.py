"""Sections → citable sentences and retrievable chunks. Pure functions: text in, values out.

Two granularities come out of one pass. *Sentences* (prose sentences, caption sentences, table
rows, glossary entries) are what answers quote. *Chunks* pack consecutive sentences of one block
up to a token budget and are what retrieval ranks. Neither ever crosses a section, and every
embedded text is checked against the embedder's own limit so nothing is silently truncated.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .config import ChunkSettings
from .corpus import display_text
from .models import Block, Chunk, Document, Section, Sentence
from .sentences import split_sentences

__all__ = ["build_chunks", "build_sentences", "cell_text", "embed_text"]

Counter = Callable[[str], int]


def cell_text(doc_text: str, block_or_sentence: Block | Sentence) -> list[tuple[str, str]]:
    """(header, value) pairs of a table row or glossary entry."""
    return [(c.header, doc_text[c.start : c.end]) for c in block_or_sentence.cells]


def embed_text(sentence: Sentence) -> str:
    """The self-describing text a sentence is embedded and matched by."""
    if sentence.kind == "table_row":
        if not sentence.cells:  # a piece of an over-long row
            return f"{sentence.context}. {sentence.display or sentence.text}"
        fields = "; ".join(
            f"{c.header}: {sentence.text[c.start - sentence.start : c.end - sentence.start]}"
            for c in sentence.cells
        )
        return f"{sentence.context}. {fields}"
    if sentence.kind == "glossary_entry":
        return f"Glossary: {sentence.text}"
    return sentence.display or sentence.text


def build_sentences(
    doc: Document, *, first_id: int, max_wordpieces: int, count_wordpieces: Counter
) -> list[Sentence]:
    """Every citable unit of `doc` in document order, ids from `first_id`."""
    out: list[Sentence] = []
    for section in doc.sections:
        for block in section.blocks:
            if block.kind == "table_header":
                continue
            for start, end in _block_units(doc, block):
                whole = (start, end) == (block.start, block.end)
                cells = block.cells if whole else ()
                sent = Sentence(
                    id=first_id + len(out),
                    doc=doc.id,
                    section=section.id,
                    title=section.title,
                    kind=block.kind,
                    label=block.label,
                    start=start,
                    end=end,
                    text=doc.text[start:end],
                    display=_display(doc, block, start, end),
                    context=block.context,
                    cells=cells,
                    groups=block.groups if whole else (),
                )
                for piece in _fit(doc, sent, max_wordpieces, count_wordpieces):
                    out.append(piece.model_copy(update={"id": first_id + len(out)}))
    return out


def _block_units(doc: Document, block: Block) -> list[tuple[int, int]]:
    if block.kind not in ("paragraph", "caption"):
        return [(block.start, block.end)]
    if doc.format != "markdown":
        return split_sentences(doc.text[block.start : block.end], block.start)
    # Markup ("…SCLC.[[2](#cit/…)] Patients…") hides sentence ends: split what a reader sees,
    # then map each sentence back to the raw text it came from.
    from .markdown import clean

    view = clean(doc.text, block.start, block.end)
    return [(view.offsets[s], view.offsets[e - 1] + 1) for s, e in split_sentences(view.text)]


def _display(doc: Document, block: Block, start: int, end: int) -> str:
    """A whole table row reads as its cells; anything else as its text without markup."""
    if block.cells and (start, end) == (block.start, block.end):
        return " | ".join(display_text(doc, c.start, c.end) for c in block.cells)
    return display_text(doc, start, end)


def _fit(doc: Document, sent: Sentence, limit: int, count: Counter) -> list[Sentence]:
    """Split a unit whose embedded text exceeds the model limit, packing clauses greedily."""
    if count(embed_text(sent)) <= limit:
        return [sent]
    pieces: list[Sentence] = []
    current: tuple[int, int] | None = None
    for atom in _atoms(doc, sent, limit, count):
        if current is not None:
            joined = (current[0], atom[1])
            if count(embed_text(_span(doc, sent, *joined))) <= limit:
                current = joined
                continue
            pieces.append(_span(doc, sent, *current))
        current = atom
    if current is not None:
        pieces.append(_span(doc, sent, *current))
    return pieces


def _atoms(doc: Document, sent: Sentence, limit: int, count: Counter) -> list[tuple[int, int]]:
    """Clauses (cut after ';' or ','); a clause still over the limit is cut into words."""
    text = doc.text
    atoms: list[tuple[int, int]] = []
    for m in re.finditer(r"[^;,]+[;,]?", sent.text):
        start, end = sent.start + m.start(), sent.start + m.end()
        if not text[start:end].strip():
            continue
        if count(embed_text(_span(doc, sent, start, end))) <= limit:
            atoms.append((start, end))
        else:
            atoms.extend(
                (start + w.start(), start + w.end()) for w in re.finditer(r"\S+", text[start:end])
            )
    return atoms


def _span(doc: Document, sent: Sentence, start: int, end: int) -> Sentence:
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    # A piece of an over-long unit reads, like any unit, without its markup: links' addresses
    # would fill the embedder's limit and the lexical index with words no reader sees.
    return sent.model_copy(
        update={
            "start": start,
            "end": end,
            "text": text[start:end],
            "display": display_text(doc, start, end),
            "cells": (),
        }
    )


def build_chunks(
    doc: Document,
    sentences: Sequence[Sentence],
    settings: ChunkSettings,
    *,
    first_id: int,
    count_tokens: Counter,
    count_wordpieces: Counter,
) -> list[Chunk]:
    """Pack each block's sentences into chunks of at most `settings.max_tokens` cl100k tokens."""
    chunks: list[Chunk] = []
    by_section: dict[str, list[Sentence]] = {}
    for s in sentences:
        by_section.setdefault(s.section, []).append(s)
    for section in doc.sections:
        for group in _groups(section, by_section.get(section.id, []), settings):
            for window in _windows(group, settings, count_tokens, count_wordpieces, doc, section):
                chunk = _chunk(doc, section, window, first_id + len(chunks))
                if count_wordpieces(chunk.search_text) > settings.max_wordpieces:
                    # One sentence that fits alone but not with its heading: embed it bare.
                    chunk = chunk.model_copy(
                        update={"search_text": display_text(doc, chunk.start, chunk.end)}
                    )
                chunks.append(chunk)
    return chunks


def _groups(
    section: Section, sents: list[Sentence], settings: ChunkSettings
) -> list[list[Sentence]]:
    """Sentences that may share a chunk: the same paragraph or caption; a run of glossary entries.
    Each table row stands alone, since a row is already a self-describing record."""
    groups: list[list[Sentence]] = []
    for s in sents:
        prev = groups[-1][-1] if groups else None
        same_block = prev is not None and prev.kind == s.kind and _same_block(section, prev, s)
        if s.kind == "glossary_entry" and prev is not None and prev.kind == "glossary_entry":
            same_block = len(groups[-1]) < settings.glossary_entries
        if s.kind in ("table_row", "table_note"):
            same_block = False
        if same_block:
            groups[-1].append(s)
        else:
            groups.append([s])
    return groups


def _same_block(section: Section, a: Sentence, b: Sentence) -> bool:
    for block in section.blocks:
        if block.start <= a.start < block.end or a.start == block.start:
            return block.start <= b.start < block.end
    return False


def _windows(
    group: list[Sentence],
    settings: ChunkSettings,
    count_tokens: Counter,
    count_wordpieces: Counter,
    doc: Document,
    section: Section,
) -> list[list[Sentence]]:
    windows: list[list[Sentence]] = []
    i = 0
    while i < len(group):
        window = [group[i]]
        j = i + 1
        while j < len(group):
            trial = [*window, group[j]]
            text = display_text(doc, trial[0].start, trial[-1].end)
            if count_tokens(text) > settings.max_tokens:
                break
            if count_wordpieces(_search_text(section, trial, text)) > settings.max_wordpieces:
                break
            window = trial
            j += 1
        windows.append(window)
        if j >= len(group):
            break
        i = max(i + 1, j - settings.overlap_sentences)
    return windows


def _search_text(section: Section, window: list[Sentence], text: str) -> str:
    first = window[0]
    if first.kind == "table_row":
        return embed_text(first)
    where = " › ".join(section.path) or section.title
    prefix = where if not first.label else f"{where} | {first.label}"
    return f"{prefix}: {text}"


def _chunk(doc: Document, section: Section, window: list[Sentence], cid: int) -> Chunk:
    start, end = window[0].start, window[-1].end
    text = doc.text[start:end]
    display = display_text(doc, start, end)
    return Chunk(
        id=cid,
        doc=doc.id,
        section=section.id,
        title=section.title,
        label=window[0].label,
        kind=window[0].kind,
        start=start,
        end=end,
        text=text,
        search_text=_search_text(section, window, display),
        sentence_ids=tuple(s.id for s in window),
    )
