"""Organs a question names by their plain noun where the documents use the adjective: "stomach
cancer" where a summary only ever writes "gastric cancer", "ovary tumours" for "ovarian
tumours". A reader knows the two are one; stemming does not ("stomach" and "gastric" share no
letters), so retrieval, routing and coverage would miss the text's own phrase.

The noun is read as the adjective only before a word the documents write after the adjective
(at least twice) and never after the noun: where a document says "stomach wall" itself, the
question's "stomach wall" stays. The nouns and adjectives are `domain.json`'s `organ_adjectives`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property

from .domain import domain

__all__ = ["OrganWords"]

# How often the documents must write the adjective's phrase: once may be a stray use.
_FEWEST_USES = 2
# Remembered readings ((noun, next word) → adjective or None); questions reuse a few organs.
_MEMO_MAX = 4096


class OrganWords:
    """Reads, in a question, an organ's plain noun as the adjective the documents use before
    the same word. Read-only after construction but for its memo and the lower-cased text it
    reads on the first question naming an organ."""

    def __init__(self, texts: Iterable[str]) -> None:
        """`texts`: what the documents say, in pieces no phrase runs across (their sentences)."""
        self._texts = list(texts)
        self._memo: dict[tuple[str, str], str | None] = {}
        nouns = sorted(domain().organ_adjectives, key=len, reverse=True)
        self._pattern = (
            re.compile(
                r"\b(" + "|".join(re.escape(n) for n in nouns) + r")\s+([a-z][a-z-]*)\b", re.I
            )
            if nouns
            else None
        )

    @cached_property
    def _lower(self) -> str:
        return "\n".join(t.lower() for t in self._texts)

    def read(self, question: str) -> str:
        """`question` with each organ noun the documents never write before its next word
        replaced by the adjective they do write there."""
        if self._pattern is None:
            return question
        return self._pattern.sub(self._replacement, question)

    def _replacement(self, m: re.Match[str]) -> str:
        noun, after = m.group(1), m.group(2)
        adjective = self.adjective(noun.lower(), after.lower())
        return m.group(0) if adjective is None else f"{adjective} {after}"

    def adjective(self, noun: str, after: str) -> str | None:
        """The adjective the documents write before `after` for the organ `noun`, when they
        never write `noun` there; else None."""
        key = (noun, after)
        if key in self._memo:
            return self._memo[key]
        found = self._find(noun, after)
        if len(self._memo) >= _MEMO_MAX:
            self._memo.clear()
        self._memo[key] = found
        return found

    def _find(self, noun: str, after: str) -> str | None:
        text = self._lower
        if after not in text or _phrase(noun, after).search(text):
            return None
        for adjective in domain().organ_adjectives.get(noun, ()):
            if len(_phrase(adjective, after).findall(text)) >= _FEWEST_USES:
                return adjective
        return None


def _phrase(first: str, after: str) -> re.Pattern[str]:
    """`first` then `after`, as whole words with any space between."""
    return re.compile(rf"\b{re.escape(first)}\s+{re.escape(after)}\b")
