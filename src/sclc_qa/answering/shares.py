"""Which of a sentence's shares may be the rate a question asks: not a marker's level ("PD-L1
on at least 1% of tumor cells"), not a ranking's probability, not a share the question itself
states as its group's cutoff ("≥50%"), and not a share written as the modifier of another noun
("a 75% crossover").

Plain functions of a sentence's text, its spans and the question's analysis.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..domain import domain
from ..lexical import STOPWORDS, stem, tokenize
from ..question import ENDPOINTS, Profile
from ..spans import Span

__all__ = [
    "asked_shares",
    "labels_another",
    "marker_level",
    "not_rankings",
    "not_stated_shares",
    "ranking_probability",
]


def asked_shares(text: str, spans: list[Span], prof: Profile) -> list[Span]:
    """The shares among `spans` (a percent question's) that may be the rate asked."""
    spans = not_stated_shares(text, spans, prof.text)  # "in half of zeta cells"
    if prof.endpoints:
        # A share of cells or an expression cutoff defines who was studied, not how they fared.
        spans = [s for s in spans if not marker_level(text, s)]
    spans = not_rankings(text, spans, prof.text)
    if prof.endpoints:
        # "with a 75% crossover": a share of another thing than the rate asked.
        q_words = set(tokenize(prof.text))
        spans = [s for s in spans if not labels_another(text, s, q_words, prof.endpoints)]
    return spans


def marker_level(text: str, span: Span) -> bool:
    """Whether a share is a marker's level, not an outcome's rate: a share of cells ("PD-L1 on
    at least 1% of tumor cells") or an expression cutoff ("expression ≥1% versus <1%"). Such a
    share defines who was studied; it answers no question about how they fared."""
    return bool(
        _OF_CELLS.match(text, span.end)
        or _EXPRESSED.search(text, max(0, span.start - 30), span.start)
    )


def labels_another(text: str, span: Span, q_words: set[str], endpoints: frozenset[str]) -> bool:
    """Whether a share is written as a modifier of a noun the question does not ask about: "a
    75% crossover", "a 40% reduction" state how much of something else, not the rate asked. A
    word of the question, an asked endpoint's name, a people noun or a function word after the
    share labels nothing else."""
    m = _NOUN_AFTER.match(text, span.end)
    if m is None or _PER.search(text, span.start, span.end):
        return False  # "0.13 cases per 100,000 person-years": a rate's base, not another thing
    word = m.group(1).lower()
    if word in STOPWORDS or word in _NOT_LABELS or word in domain().people_nouns:
        return False
    asked = stem(word) in q_words or any(ENDPOINTS[e].match(text, m.start(1)) for e in endpoints)
    return not asked


_PER = re.compile(r"\bper\s")
# The word right after a share, before any bracket or punctuation.
_NOUN_AFTER = re.compile(r"\s+([a-z][a-z-]{3,})\b")
# Words after a share that do not make it another thing's: verbs and adverbs of reporting, and
# how a sentence goes on ("45% versus 30%", "45% respectively").
_NOT_LABELS = frozenset(
    {
        "versus",
        "respectively",
        "compared",
        "overall",
        "each",
        "alone",
        "among",
        "within",
        "across",
        "during",
        "after",
        "before",
        "higher",
        "lower",
        "more",
        "less",
        "greater",
        "fewer",
        "reported",
        "observed",
        "achieved",
        "experienced",
        "developed",
        "showed",
        "remained",
        "received",
        "treated",
        "group",
        "groups",
        "arm",
        "arms",
        "cohort",
        "rate",
        "rates",
        "probability",
    }
)


def ranking_probability(text: str, span: Span) -> bool:
    """Whether a share is a network meta-analysis's probability that a treatment ranks first
    ("the highest rank probability for ORR (31.2%)", "ranking probabilities … PFS (87.0%)"):
    how sure the ranking is, not how many patients responded or lived."""
    return _RANKING.search(text, max(0, span.start - _RANKING_REACH), span.start) is not None


def not_rankings(text: str, spans: list[Span], question: str) -> list[Span]:
    """The shares among `spans` that are no ranking's probability, unless the question asks
    how a meta-analysis ranked treatments."""
    if _ASKS_RANKING.search(question):
        return spans
    return [s for s in spans if not ranking_probability(text, s)]


_ASKS_RANKING = re.compile(r"\brank|\bSUCRA\b|\bprobabilit", re.I)
# A ranking's probability, named no further back in the sentence than an item or two of a list
# of them ("… PFS (87.0%) and OS (52.6%)").
_RANKING = re.compile(r"\b(?:rank(?:ing)?\s+probabilit\w*|SUCRA)\b", re.I)
_RANKING_REACH = 100


# "… of tumor cells", "… of tumour-infiltrating immune cells"; "expression ≥", "TPS of".
_OF_CELLS = re.compile(r"\s*(?:of\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}cells\b", re.I)
_EXPRESSED = re.compile(
    r"\b(?:express(?:ion|ed|ing)?|TPS|(?:tumou?r )?proportion score|positivity)\b[^.;,]*$", re.I
)


# A share a question states in words ("in at least half of zeta cells"), as text writes it: 50%.
_WORDED_SHARES = {"half": 50.0, "quarter": 25.0, "third": 33.0, "tenth": 10.0}
_PLAIN_SHARE = re.compile(r"[≥≤<>]?\s*(\d+(?:\.\d+)?)\s*%")


def not_stated_shares(text: str, spans: list[Span], question: str) -> list[Span]:
    """The shares among `spans` other than those the question states, in figures ("≥50%") or
    in words ("in at least half of zeta cells"): a stated share is the cutoff of whom the
    question asks about, never what it asks."""
    stated = _stated_shares(question)
    out = []
    for s in spans:
        plain = _PLAIN_SHARE.fullmatch(text[s.start : s.end].strip())
        if plain is None or float(plain.group(1)) not in stated:
            out.append(s)
    return out


@lru_cache(maxsize=256)
def _stated_shares(question: str) -> frozenset[float]:
    """The shares a question states, read once per question (every candidate sentence asks)."""
    words = set(re.findall(r"[a-z]+", question.lower()))
    stated = {float(m.group(1)) for m in _PLAIN_SHARE.finditer(question)}
    return frozenset(stated | {share for word, share in _WORDED_SHARES.items() if word in words})
