"""What every answer promises, as one check shared by the library and HTTP tests."""

from __future__ import annotations

from pathlib import Path

from sclc_qa.models import Answer

ROOT = Path(__file__).resolve().parent.parent


def read_corpus(folder: Path = ROOT / "corpus") -> dict[str, str]:
    """Document id → text of each document in `folder` (plain text and Markdown, not its
    README or ATTRIBUTION), straight from disk: the engine's own copy is not the reference."""
    texts = {}
    for path in sorted(folder.iterdir()):
        if path.suffix in (".txt", ".md") and not path.stem.isupper():
            with path.open(encoding="utf-8", newline="") as fh:
                texts[path.stem] = fh.read()
    return texts


CORPUS = read_corpus()


def problems(answer: Answer) -> list[str]:
    found = []
    if not 0.0 <= answer.confidence <= 1.0:
        found.append(f"confidence {answer.confidence}")
    if answer.abstained != (answer.answer is None):
        found.append("abstained but answered, or answered None")
    for i, c in enumerate(answer.citations):
        if c.doc not in CORPUS:
            found.append(f"citation {i} names unknown document {c.doc}")
        elif CORPUS[c.doc][c.start : c.end] != c.quote:
            found.append(f"citation {i} quote is not text[start:end]")
    if answer.answer is None:
        if (answer.start, answer.end) != (None, None):
            found.append("abstention with offsets")
        return found
    if not answer.citations:
        return [*found, "answer without citations"]
    first = answer.citations[0]
    if answer.answer not in first.quote:
        found.append("answer is not inside citations[0].quote")
    if answer.start is not None and answer.end is not None:
        if CORPUS.get(first.doc, "")[answer.start : answer.end] != answer.answer:
            found.append("answer offsets do not index the answer")
        if not first.start <= answer.start <= answer.end <= first.end:
            found.append("answer offsets fall outside citations[0]")
    if not answer.answer.strip():
        found.append("blank answer")
    for i, alt in enumerate(answer.alternatives):
        c = alt.citation
        if CORPUS.get(c.doc, "")[c.start : c.end] != c.quote:
            found.append(f"alternative {i} quote is not text[start:end]")
        if CORPUS.get(c.doc, "")[alt.start : alt.end] != alt.answer or alt.answer not in c.quote:
            found.append(f"alternative {i} answer is not its text[start:end] inside its quote")
        if c.doc == first.doc:
            found.append(f"alternative {i} comes from the answer's own document")
    return found
