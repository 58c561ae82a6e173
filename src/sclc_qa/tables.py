"""Table lookups: which cell of a row (or which of its group headings) a question asks for.

Header words are matched through hints that hold for clinical-trial tables in general ("which
phase" → Phase, "still recruiting?" → Status, "what dose" → Intervention), never for one table.
"""

from __future__ import annotations

from .domain import domain
from .lexical import normalize, tokenize
from .models import Cell, Sentence
from .question import Profile
from .spans import Span

__all__ = ["best_cell"]

# Header words → question words that point at that column (data/domain.json).
_HEADER_HINTS = domain().table_header_hints
# Kinds of question whose answer is a column of the same name.
_COLUMN_KINDS = domain().table_column_kinds


def best_cell(doc_text: str, sent: Sentence, prof: Profile) -> Span | None:
    """The table cell (or group heading) a question about this row asks for."""
    q_stems = set(tokenize(prof.text))
    q_norm = normalize(prof.text)
    best: tuple[float, Cell] | None = None
    for cell in (*sent.cells, *sent.groups):
        value = doc_text[cell.start : cell.end].strip()
        if not value or value == "/" or normalize(value) in q_norm:
            continue
        header = set(tokenize(cell.header))
        hints = set(header)
        for h in header:
            for key, words in _HEADER_HINTS.items():
                if h.startswith(key):
                    hints |= words
        if cell.header == "Group" or cell.header == "Subgroup":
            hints |= _HEADER_HINTS["group"]
        score = len(q_stems & hints) - 0.1 * len(header)
        if prof.kind in _COLUMN_KINDS and any(h.startswith(prof.kind) for h in header):
            score += 2
        if best is None or score > best[0]:
            best = (score, cell)
    if best is None or best[0] <= 0:
        return None
    cell = best[1]
    kind = "group" if cell.header in ("Group", "Subgroup") else "cell"
    return Span(cell.start, cell.end, kind)
