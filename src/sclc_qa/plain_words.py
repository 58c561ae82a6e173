"""A question in a reader's plain words where the documents use the clinical ones: an organ's
noun for its adjective ("stomach cancer" where a summary only ever writes "gastric cancer",
"ovary tumours" for "ovarian tumours"), and a lay phrase for its term ("blood in the urine" for
"hematuria"). A reader knows the two are one; stemming does not ("stomach" and "gastric" share
no letters), so retrieval, routing and coverage would miss the text's own words.

A plain phrase is read as the clinical term only where the documents never write the phrase
and write the term at least twice; an organ's noun only before a word the documents write after
the adjective and never after the noun (where a document says "stomach wall" itself, the
question's "stomach wall" stays). The words are `domain.json`'s `organ_adjectives`,
`lay_terms` and `common_abbreviations` (in capitals: "ALT" for "alanine transaminase").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import TypeAlias

from .domain import domain

__all__ = ["PlainWords"]

# How often the documents must write the clinical phrase: once may be a stray use.
_FEWEST_USES = 2
# Remembered readings ((phrase, next word) → replacement or None); questions reuse a few.
_MEMO_MAX = 4096

# How a reading is found: (plain phrase, the word after it) → the clinical words, or None.
_Finder: TypeAlias = Callable[[str, str], "str | None"]


class PlainWords:
    """Reads a question's plain words as the clinical words the documents write. Read-only after
    construction but for its memo and the lower-cased text it reads on the first question that
    uses a plain word."""

    def __init__(self, texts: Iterable[str]) -> None:
        """`texts`: what the documents say, in pieces no phrase runs across (their sentences)."""
        self._texts = list(texts)
        self._memo: dict[tuple[str, str], str | None] = {}
        self._organs = _alternation(domain().organ_adjectives, r"\s+([a-z][a-z-]*)\b")
        self._lay = _alternation(domain().lay_terms, r"\b")
        # A clinical abbreviation in capitals, not a name's part ("ALT", not "ALT-77").
        capitals = [a.upper() for a in domain().common_abbreviations]
        self._abbreviations = _alternation(capitals, r"\b(?![-‒–]\d)", flags=0)

    @cached_property
    def _lower(self) -> str:
        return "\n".join(t.lower() for t in self._texts)

    def read(self, question: str) -> str:
        """`question` with each plain phrase the documents never write replaced by the clinical
        words they do write there."""
        if self._lay is not None:
            question = self._lay.sub(self._lay_term, question)
        if self._abbreviations is not None:
            question = self._abbreviations.sub(self._lay_term, question)
        if self._organs is not None:
            question = self._organs.sub(self._organ_phrase, question)
        return question

    def _lay_term(self, m: re.Match[str]) -> str:
        term = self._remembered(m.group(1).lower(), "", self._find_term)
        return m.group(0) if term is None else term

    def _organ_phrase(self, m: re.Match[str]) -> str:
        noun, after = m.group(1), m.group(2)
        adjective = self._remembered(noun.lower(), after.lower(), self._find_adjective)
        return m.group(0) if adjective is None else f"{adjective} {after}"

    def _remembered(self, phrase: str, after: str, find: _Finder) -> str | None:
        key = (phrase, after)
        if key not in self._memo:
            if len(self._memo) >= _MEMO_MAX:
                self._memo.clear()
            self._memo[key] = find(phrase, after)
        return self._memo[key]

    def _find_term(self, phrase: str, _after: str) -> str | None:
        text = self._lower
        if _phrase(phrase).search(text):
            return None
        terms = domain().lay_terms.get(phrase, ()) or domain().common_abbreviations.get(phrase, ())
        return next((t for t in terms if len(_phrase(t).findall(text)) >= _FEWEST_USES), None)

    def _find_adjective(self, noun: str, after: str) -> str | None:
        text = self._lower
        if after not in text or _phrase(f"{noun} {after}").search(text):
            return None
        adjectives = domain().organ_adjectives.get(noun, ())
        return next(
            (a for a in adjectives if len(_phrase(f"{a} {after}").findall(text)) >= _FEWEST_USES),
            None,
        )


def _alternation(words: Iterable[str], after: str, flags: int = re.I) -> re.Pattern[str] | None:
    """One pattern for `words` as whole words, longest first, then `after` (in any case unless
    `flags` says otherwise)."""
    ordered = sorted(words, key=len, reverse=True)
    if not ordered:
        return None
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in ordered) + r")" + after, flags)


def _phrase(words: str) -> re.Pattern[str]:
    """`words` as whole words, any space between them."""
    return re.compile(r"\b" + r"\s+".join(re.escape(w) for w in words.split()) + r"\b")
