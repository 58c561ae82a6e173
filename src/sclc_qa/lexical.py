"""Lexical analysis shared by the BM25 ranker and sentence scoring.

Tokens keep the names a small dense model blurs: "ASTRUM-005", "NCT04885998", "PD-L1",
"IMpower133", "0.73" and "CD8+" survive whole; plain words are stemmed; hyphenated words also
yield their parts so "anti-angiogenic" still matches "angiogenic".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["STOPWORDS", "normalize", "stem", "tokenize"]

_DASHES = re.compile(r"[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d]")
_TOKEN = re.compile(r"[a-z0-9]+(?:[-/.][a-z0-9]+)*\+?")
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "me",
        "might",
        "more",
        "most",
        "of",
        "on",
        "or",
        "our",
        "over",
        "per",
        "s",
        "so",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "under",
        "up",
        "via",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "about",
        "after",
        "also",
        "among",
        "any",
        "both",
        "each",
        "other",
        "only",
        "same",
        "some",
        "than",
        "too",
        "very",
        "vs",
        "versus",
        "reported",
        "report",
        "reports",
        "show",
        "showed",
        "shown",
        "study",
        "trial",
        "review",
        "tell",
        "give",
        "describe",
        "explain",
        "please",
        "much",
        "many",
    ]
)


def normalize(text: str) -> str:
    """NFKC, lower case, every Unicode dash or minus as "-", whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _DASHES.sub("-", text)
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _stemmer() -> object:
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return str(_stemmer().stemWord(word))  # type: ignore[attr-defined]


def tokenize(text: str, *, parts: bool = True) -> list[str]:
    """Index terms of `text`, stopwords dropped; compounds kept whole (and split into parts)."""
    out: list[str] = []
    for tok in _TOKEN.findall(normalize(text)):
        tok = tok.strip(".")
        if not tok or tok in STOPWORDS:
            continue
        if tok.isalpha():
            out.append(stem(tok))
            continue
        out.append(tok)
        if parts and re.search(r"[-/]", tok):
            out.extend(
                stem(p)
                for p in re.split(r"[-/]", tok)
                if len(p) >= 3 and p.isalpha() and p not in STOPWORDS
            )
    return out
