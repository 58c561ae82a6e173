"""Which documents a question is about: those that mention every trial, drug or gene it names,
when only some do, and those that call themselves the kind of document it asks ("the review").
A passage of another document cannot answer it, so retrieval searches only these."""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property

from .index import Index

__all__ = ["Router"]

# The kinds of document a text may call itself, and a question may ask by ("the review").
_SOURCE_KINDS = r"(review|summary|article|paper|report|guideline)"
_SELF_NAMING = re.compile(rf"\b[Tt]his {_SOURCE_KINDS}\b")
_ASKED_SOURCE = re.compile(rf"\b(?:the|this) {_SOURCE_KINDS}\b")
# A document calls itself a kind when it does so this often (once may quote another's).
_SELF_NAMED = 2
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-]*")
_TWO_CAPITALS = re.compile(r"[A-Z].*[A-Z]")


class Router:
    """Routes questions to documents. Immutable after construction apart from what each
    document calls itself, read once when a question first needs it."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._doc_terms: dict[str, set[str]] = {d: set() for d in index.documents}
        for c in index.chunks:
            self._doc_terms[c.doc].update(_words(c.search_text))

    @cached_property
    def _doc_kinds(self) -> dict[str, str | None]:
        """What each document calls itself ("This review …", "this summary …"), if it does:
        read on the first question that names a kind of document, not at start-up (a scan of
        every document's text; two threads that both read it get the same answer)."""
        return {d: _self_named(doc.text) for d, doc in self.index.documents.items()}

    def route(self, names: tuple[str, ...], norm: str) -> frozenset[str] | None:
        """A question that names a trial, drug or gene only some documents mention is about
        those documents: a passage of another cannot answer it (a document that never names a
        trial cannot give that trial's figures). So is one that names the kind of document it
        asks ("the review", "the summary") when only some call themselves so. None when every
        document, or none, qualifies."""
        every = frozenset(self._doc_terms)
        keep = every
        asked = set(_ASKED_SOURCE.findall(norm))
        if len(asked) == 1:  # "the summary at the top of the review" names two kinds: neither
            having = frozenset(d for d, kind in self._doc_kinds.items() if kind in asked)
            if having:
                keep &= having
        for name in names:
            words = _words(name)
            if not words:
                continue
            having = frozenset(d for d, vocab in self._doc_terms.items() if words <= vocab)
            if having and having != every:
                keep &= having
        return keep if keep and keep != every else None


def _words(text: str) -> set[str]:
    """Words as a name is matched: a word with two or more capitals (an acronym, a trial name)
    by its case, so that a common word does not name a trial spelled like it in capitals; other
    words lower-cased."""
    return {w if _TWO_CAPITALS.search(w) else w.lower() for w in _WORD.findall(text)}


def _self_named(text: str) -> str | None:
    """The kind of document a text calls itself most often ("This review …"), None if none."""
    counts = Counter(m.group(1) for m in _SELF_NAMING.finditer(text)).most_common(1)
    return counts[0][0] if counts and counts[0][1] >= _SELF_NAMED else None
