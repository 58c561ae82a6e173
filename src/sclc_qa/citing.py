"""Citations and passages as readers see them: the verbatim quote with its offsets, beside its
display text (no markup), its section's heading path and its document's title.

One place builds every `Citation` and `Passage`, so the library, the CLI, the chat page and the
OpenAI-compatible reply all show the same thing for the same span.
"""

from __future__ import annotations

from .corpus import display_text
from .index import Index
from .models import Citation, Passage, Section, Sentence
from .retrieval import Hit

__all__ = ["Citer"]


class Citer:
    """Builds citations over one loaded index; immutable after construction."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._sections: dict[tuple[str, str], Section] = {
            (doc.id, s.id): s for doc in index.documents.values() for s in doc.sections
        }

    def display(self, doc: str, start: int, end: int) -> str:
        """`doc`'s text at `[start:end]` without markup."""
        return display_text(self.index.documents[doc], start, end)

    def path(self, doc: str, section: str) -> tuple[str, ...]:
        found = self._sections.get((doc, section))
        return found.path if found is not None else ()

    def sentence(self, sent: Sentence, score: float) -> Citation:
        """Cite a whole sentence, table row or glossary entry."""
        return self.span(sent, sent.start, sent.end, score, display=sent.display or None)

    def span(
        self,
        sent: Sentence,
        start: int,
        end: int,
        score: float,
        *,
        display: str | None = None,
    ) -> Citation:
        """Cite `[start:end]`, which lies in `sent`'s section (a table group heading, say)."""
        doc = self.index.documents[sent.doc]
        return Citation(
            doc=sent.doc,
            section=sent.section,
            title=sent.title,
            label=sent.label,
            quote=doc.text[start:end],
            start=start,
            end=end,
            score=round(float(score), 4),
            context=sent.context or None,
            display=display if display is not None else display_text(doc, start, end),
            path=self.path(sent.doc, sent.section),
            doc_title=doc.title or doc.id,
        )

    def passage(self, hit: Hit) -> Passage:
        c = hit.chunk
        doc = self.index.documents[c.doc]
        return Passage(
            doc=c.doc,
            section=c.section,
            title=c.title,
            label=c.label,
            text=c.text,
            start=c.start,
            end=c.end,
            score=round(hit.score, 6),
            display=display_text(doc, c.start, c.end),
            path=self.path(c.doc, c.section),
            doc_title=doc.title or doc.id,
        )
