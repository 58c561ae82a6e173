"""When documents disagree: the same figure asked of each document that speaks to it.

A trial's hazard ratio can differ between an interim analysis in one paper and an update in
another. The answer must not silently pick one, so after the best answer is chosen, every other
document among the top passages is asked the same question on its own. A confident answer from
it that is a *different figure* about the *same named subject* (the trial or drug the question
names) becomes an `Alternative`, with its own citation, and the answer's `note` says so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .answering import Answerer
from .citing import Citer
from .models import Alternative, Answer
from .retrieval import Hit, Query, Retriever
from .vocabulary import squash

__all__ = ["Disagreements", "figures"]

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def figures(text: str) -> tuple[str, ...]:
    """The numbers in an answer, in order: "HR, 0.73; 95% CI, 0.59−0.91" → 0.73, 95, 0.59, 0.91.
    Two answers state the same figure when these agree, whatever their punctuation."""
    return tuple(m.group().replace(",", "") for m in _NUMBER.finditer(text))


class Disagreements:
    """Finds other documents' differing figures for an answer; immutable, thread-safe."""

    def __init__(self, retriever: Retriever, answerer: Answerer, citer: Citer) -> None:
        self._retriever = retriever
        self._answerer = answerer
        self._citer = citer

    def check(
        self, answer: Answer, query: Query, hits: Sequence[Hit], allowed: frozenset[str] | None
    ) -> Answer:
        """`answer`, with `alternatives` and a `note` when another document differs."""
        if answer.answer is None or not answer.citations or not figures(answer.answer):
            return answer  # only figures can disagree; wordings of one fact always differ
        names = query.profile.names
        if not names:
            return answer  # without a named subject, "the same fact" cannot be told apart
        own = answer.citations[0].doc
        passages = self._answerer.settings.passages
        others = dict.fromkeys(h.chunk.doc for h in hits[:passages] if h.chunk.doc != own)
        alternatives = []
        for doc in others:
            if allowed is not None and doc not in allowed:
                continue
            alt = self._ask_one(query, doc, passages)
            if alt is None or alt.answer is None or not alt.citations:
                continue
            if figures(alt.answer) == figures(answer.answer):
                continue
            if not self._same_subject(alt, names):
                continue
            alternatives.append(
                Alternative(
                    answer=alt.answer,
                    display=alt.display or alt.answer,
                    start=alt.start or 0,
                    end=alt.end or 0,
                    confidence=alt.confidence,
                    citation=alt.citations[0],
                )
            )
        if not alternatives:
            return answer
        first = answer.citations[0]
        said = [f"{first.doc_title or first.doc} gives {answer.display or answer.answer}"] + [
            f"{a.citation.doc_title or a.citation.doc} gives {a.display}" for a in alternatives
        ]
        note = "The sources disagree: " + "; ".join(said) + "."
        return answer.model_copy(update={"alternatives": tuple(alternatives), "note": note})

    def _ask_one(self, query: Query, doc: str, passages: int) -> Answer | None:
        hits = self._retriever.search(query, passages, docs=frozenset({doc}))
        if not hits:
            return None
        alt = self._answerer.answer(query.text, query, hits)
        return None if alt.abstained else alt

    @staticmethod
    def _same_subject(alt: Answer, names: Sequence[str]) -> bool:
        """Every name the question gives (trial, drug) appears where the other figure is stated:
        its sentence, table, section headings or the document's title."""
        cited = alt.citations[0]
        where = squash(" ".join([cited.quote, cited.context or "", *cited.path, cited.doc_title]))
        return all(squash(n) in where for n in names)
