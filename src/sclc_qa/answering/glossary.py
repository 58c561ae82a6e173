"""Abbreviation questions ("What does X stand for?", "What is the abbreviation for …?"),
answered from the definitions the documents give, each cited where it is defined."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..abbreviations import Definition
from ..citing import Citer
from ..index import Index
from ..lexical import american, normalize, tokenize
from ..models import Answer
from ..question_kinds import EXPANSION_WORDS
from ..question_phrase import asked_term
from ..vocabulary import Vocabulary
from .explanations import describing_span

__all__ = ["ASKS_EXPANSION", "GlossaryAnswerer"]

# A defined abbreviation is stated by the text itself; this is the confidence of reading it back.
_DEFINED = 0.95
# The same abbreviation defined again elsewhere: cited as support, a little less surely.
_ALSO_DEFINED = 0.9
_REVERSE = re.compile(
    r"abbreviat\w* (for|of|as|to)|acronym (for|of)|short (form|name) (for|of)", re.I
)
# "What does X stand for?": a question that names expansion as what it asks.
ASKS_EXPANSION = re.compile(EXPANSION_WORDS, re.I)
# Asked for the long form itself (also "expand", "meaning"): the expansion alone answers.
_SPELLED_OUT = re.compile(
    rf"{EXPANSION_WORDS}|\bexpan(?:d|sion)\b|meaning\b|\bmean\b",
    re.I,
)
_QUESTION_WORDS = frozenset({"what", "does", "is", "are", "the", "for", "stand"})


@lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    """A term's word stems, in American spelling, for matching whatever order and number."""
    spelled = re.sub(r"[a-z]+", lambda m: american(m.group()), normalize(text))
    return frozenset(t for t in tokenize(spelled) if t.isalpha())


def _routed(defs: list[Definition], route: frozenset[str] | None) -> Definition:
    """The first of `defs` given in a document of `route`, else the first of all."""
    return next((d for d in defs if route is None or d.doc in route), defs[0])


class GlossaryAnswerer:
    """Looks a question's term up among the documents' definitions."""

    def __init__(self, index: Index, vocab: Vocabulary, citer: Citer) -> None:
        self.index = index
        self.vocab = vocab
        self.citer = citer

    def answer(self, question: str, route: frozenset[str] | None = None) -> Answer | None:
        """The expansion (or, asked the other way, the abbreviation), or None if undefined;
        where the question is `route`d to some documents ("In the zeta summary, what does X
        stand for?"), as one of them defines it, if any does."""
        q = unicodedata.normalize("NFKC", question)
        if _REVERSE.search(q):
            # The long form's words, in any spelling or number ("tumour-primed zeta node"
            # finds "tumor-primed zeta nodes"); the longest long form named wins.
            asked_words = _words(q)
            for long, defs in sorted(self.vocab.defs_by_long.items(), key=lambda kv: -len(kv[0])):
                if len(long) > 3 and (spelled := _words(long)) and spelled <= asked_words:
                    d = _routed(defs, route)
                    return self._answer(question, d, d.short_start, d.short_end)
        low = q.lower()
        multi = [
            k
            for k in self.vocab.defs_by_short
            if " " in k and re.search(rf"\b{re.escape(k)}\b", low)
        ]
        if multi:  # a defined term of several words
            d = _routed(self.vocab.defs_by_short[max(multi, key=len)], route)
            return self._answer(question, d, *self._expanded(q, d))
        asked = asked_term(q) or q  # "In TNM staging, what does N2 mean?" asks about N2
        words = re.findall(r"[A-Za-z0-9][A-Za-z0-9\-+/:]*[A-Za-z0-9+]|[A-Za-z]", asked)
        for word in sorted(words, key=lambda w: (not any(c.isupper() for c in w[1:]), -len(w))):
            key = word.lower()
            found = (
                self.vocab.defs_by_short.get(key)
                or self.vocab.symbols.get(key)
                or self.vocab.names.get(key)
            )
            if found and word.lower() not in _QUESTION_WORDS:
                d = _routed(found, route)
                return self._answer(question, d, *self._expanded(q, d))
        return None

    def _expanded(self, question: str, d: Definition) -> tuple[int, int]:
        """The long form; for "What is X?", when the defining sentence goes on to say what X
        is ("Long form (X) is an antibody-drug conjugate …"), the long form through that
        description."""
        if _SPELLED_OUT.search(question):
            return d.start, d.end
        sent = self.index.sentences[d.sentence_id]
        said = describing_span(sent.text, (d.short, d.long))
        if said is None or sent.start + said[0] < max(d.end, d.short_end):
            return d.start, d.end
        return min(d.start, d.short_start), sent.start + said[1]

    def _answer(self, question: str, d: Definition, start: int, end: int) -> Answer:
        sent = self.index.sentences[d.sentence_id]
        primary = self.citer.sentence(sent, 1.0)
        doc_text = self.index.documents[d.doc].text
        others = [
            self.citer.sentence(self.index.sentences[o.sentence_id], _ALSO_DEFINED)
            for o in self.vocab.defs_by_short.get(d.short.lower(), [])
            if o.sentence_id != d.sentence_id
        ][:2]
        return Answer(
            question=question,
            answer=doc_text[start:end],
            display=self.citer.display(d.doc, start, end),
            start=start,
            end=end,
            citations=(primary, *others),
            confidence=_DEFINED,
            abstained=False,
        )
