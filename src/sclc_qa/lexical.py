"""Lexical analysis shared by the BM25 ranker and sentence scoring.

Tokens keep the names a small dense model blurs: "ASTRUM-005", "NCT04885998", "PD-L1",
"IMpower133", "0.73" and "CD8+" survive whole; plain words are stemmed; hyphenated words also
yield their parts so "anti-angiogenic" still matches "angiogenic".
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt

__all__ = ["BM25", "STOPWORDS", "american", "normalize", "stem", "tokenize"]

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


# British spellings read as American, so that a term asked as "tumour-primed zeta node",
# "oesophageal" or "anaemia" finds the definition written "tumor-primed zeta nodes",
# "esophageal", "anemia". Applied to both sides of a comparison, a rule that also catches a
# word it was not meant for ("contour") only renames that word on both sides. (Not applied to
# retrieval's tokens: measured there, it moved dev's first-right sentence by -0.004.)
_AMERICAN = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"^([a-z]{3,})our(s|ed|ing|able|ably|ite|ites|al|ful)?$", r"\1or\2"),
        (r"^([a-z]{4,})is(e|ed|es|ing|er|ers|ation|ations)$", r"\1iz\2"),
        (r"aem", "em"),  # haem-, anaemia, leukaemia, -aemia
        (r"^aet", "et"),  # aetiology
        (r"paed", "ped"),  # paediatric, orthopaedic
        (r"gynaec", "gynec"),
        (r"^(oe|foe)", lambda m: m.group(1)[:-2] + "e"),  # oesophagus, oedema, foetal
        (r"oea$", "ea"),  # diarrhoea, dyspnoea
        (r"^(cen|me|li|fi|thea|cali)(t|b)re(s?)$", r"\1\2er\3"),  # centre, fibre
    )
)
# Words whose "-ise" is American spelling too.
_ISE = frozenset(
    [
        "otherwise",
        "exercise",
        "comprise",
        "premise",
        "expertise",
        "promise",
        "surprise",
        "precise",
        "concise",
        "supervise",
        "compromise",
        "enterprise",
        "merchandise",
        "franchise",
        "televise",
        "improvise",
        "despise",
        "disguise",
        "treatise",
        "paradise",
        "circumcise",
        "chemise",
    ]
)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return str(_stemmer().stemWord(word))  # type: ignore[attr-defined]


@lru_cache(maxsize=65536)
def american(word: str) -> str:
    """`word` (lower case) in American spelling where British spelling differs by rule."""
    if {word, word[:-1], word[:-3] + "e"} & _ISE:
        return word
    for pattern, repl in _AMERICAN:
        word = pattern.sub(repl, word)
    return word


# A superlative written as one word is the "most …" a text writes ("most" is a stopword): "the
# commonest zentoma" asks what "the most common zentoma" states.
_SUPERLATIVES = {"commonest": "common", "rarest": "rare", "likeliest": "likely"}

# Small numbers are written either way: "five-year survival" is "5-year survival".
_SPELT = "one two three four five six seven eight nine ten eleven twelve"
_NUMBER_WORDS = {w: str(n) for n, w in enumerate(_SPELT.split(), start=1)}
# "One" alone is seldom a number ("one of the", "no one"); "one-year" is.
_NUMBER_WORD = re.compile(r"^(one(?=-)|" + "|".join(list(_NUMBER_WORDS)[1:]) + r")(?=-|$)")


# A negating prefix written with a hyphen, and the word it closes up with.
_NON = re.compile(r"non-([a-z]{3,})")


def _accentless(text: str) -> str:
    """`text` with its letters' accents dropped: "Zöller" is one term, "zoller", as readers
    type it, not "z" and "ller"."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def tokenize(text: str, *, parts: bool = True) -> list[str]:
    """Index terms of `text`, stopwords dropped; compounds kept whole (and split into parts);
    a small number spelt out as its digits."""
    out: list[str] = []
    for tok in _TOKEN.findall(_accentless(normalize(text))):
        tok = tok.strip(".")
        if not tok or tok in STOPWORDS:
            continue
        tok = _NUMBER_WORD.sub(lambda m: _NUMBER_WORDS[m.group(1)], tok)
        tok = _SUPERLATIVES.get(tok, tok)
        if tok.isalpha():
            out.append(stem(tok))
            continue
        out.append(tok)
        closed = _NON.match(tok)
        if parts and closed:
            out.append(stem("non" + closed.group(1)))  # "non-zetal" is "nonzetal"
        if parts and re.search(r"[-/]", tok):
            out.extend(
                stem(p)
                for p in re.split(r"[-/]", tok)
                if len(p) >= 3 and p.isalpha() and p not in STOPWORDS
            )
    return out


class BM25:
    """Okapi BM25 scored exactly as bm25s scores it by default (Lucene's variant, k1 1.5,
    b 0.75), from an inverted index of numpy arrays built in a few milliseconds.

    bm25s is the reference (a test holds the scores equal on every chunk and evaluation
    question); this copy keeps bm25s and scipy, a fifth of a second of imports, out of every
    process that answers questions."""

    def __init__(self, docs: Sequence[Sequence[str]], *, k1: float = 1.5, b: float = 0.75):
        self.size = len(docs)
        lengths = [len(d) for d in docs]
        average = np.array(lengths).mean() if docs else np.float64(0.0)
        postings: dict[str, tuple[list[int], list[float]]] = {}
        for doc, tokens in enumerate(docs):
            counts = Counter(tokens)
            tf = np.array(list(counts.values()), dtype=np.float32)
            # bm25s's arithmetic, types included: float32 counts over a float64 length ratio.
            tfc = tf / (k1 * ((1 - b) + b * lengths[doc] / average) + tf)
            for term, value in zip(counts, tfc.tolist(), strict=True):
                ids, values = postings.setdefault(term, ([], []))
                ids.append(doc)
                values.append(value)
        self._postings: dict[str, tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]] = {}
        for term, (ids, values) in postings.items():
            idf = np.float32(math.log(1 + (self.size - len(ids) + 0.5) / (len(ids) + 0.5)))
            weights = (idf * np.array(values, dtype=np.float64)).astype(np.float32)
            self._postings[term] = (np.array(ids, dtype=np.int64), weights)

    def get_scores(
        self, terms: Iterable[str], weights: Iterable[float] | None = None
    ) -> npt.NDArray[np.float32]:
        """Each document's score for the query `terms` (a repeated term counts again), each
        term's contribution times its weight when `weights` are given."""
        scores = np.zeros(self.size, dtype=np.float32)
        for term, weight in zip(terms, weights or itertools.repeat(1.0), strict=False):
            posting = self._postings.get(term)
            if posting is not None:
                scores[posting[0]] += posting[1] if weight == 1.0 else weight * posting[1]
        return scores

    def having(self, term: str) -> npt.NDArray[np.int64]:
        """The documents that contain `term`, in order."""
        posting = self._postings.get(term)
        return posting[0] if posting is not None else np.zeros(0, dtype=np.int64)
