"""What an extractor finds: an answer span in its document, the sentence it is quoted from,
and, for an answer across sentences, the span it is cited as."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Extracted"]


@dataclass(frozen=True)
class Extracted:
    """An answer span in its document; `sid` is the sentence it is quoted from, or -1 for a
    table's group heading, a list or an answer across sentences (cited as the span `cite`,
    by default the answer itself)."""

    sid: int
    start: int
    end: int
    cite: tuple[int, int] | None = None
    # For an answer across sentences, one of them (its document and section are the span's),
    # when that is not the best candidate's: -1 for the best candidate.
    near: int = -1

    def near_or(self, best: int) -> int:
        """The sentence that locates an answer across sentences: `near`, else `best`."""
        return self.near if self.near >= 0 else best

    def located(self, best: int) -> int:
        """The sentence whose document and section hold the span: its own, else `near_or`.
        Not always the best candidate's: a part may come from another document."""
        return self.sid if self.sid >= 0 else self.near_or(best)
