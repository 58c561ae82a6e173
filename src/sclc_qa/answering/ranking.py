"""A learned order for the candidate sentences: P(this sentence states the answer | what the
scorer saw of it).

The scorer's hand-weighted sum ranks the right sentence first for most questions it was written
on, and second or third for many it was not: a paragraph's topic sentence ("X is a Y") outranks
the next one, which says how X works. Gradient-boosted trees over the same signals plus a few
more (how much of the question's predicate, not its names, the sentence matches; where it sits
in its paragraph; how it ranks among the candidates on each signal), fitted on the dev split's
gold evidence by `scripts/train_ranker.py`, reorder the candidates. The model file is versioned
and hash-checked like the confidence model, and walked for all candidates at once with numpy.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import files

import numpy as np

from ..confidence import BoostedTrees, read_verified
from ..question import Profile
from .kinds import TYPED

__all__ = [
    "RANKED",
    "RANK_FEATURES",
    "RankerModel",
    "kind_flags",
    "load_ranker",
    "rank_features",
    "read_ranker",
]

# The first candidates by hand score that the ranker reorders, and is fitted on: the right
# sentence is among them for 0.96 of the answerable dev questions.
RANKED = 30

# What the scorer reports about each candidate sentence, in this order (see scoring.py).
RANK_FEATURES: tuple[str, ...] = (
    "score",  # the hand-weighted score
    "relative",  # score / the best candidate's score
    "score_rank",  # 1 / (1 + candidates scored higher)
    "lexical",  # weighted share of the question's terms in the sentence or its context
    "lexical_rank",  # 1 / (1 + candidates matching more)
    "predicate",  # weighted share of the question's terms other than its names, in the sentence
    "predicate_rank",  # 1 / (1 + candidates matching more of them)
    "dense",  # cosine of sentence and question
    "dense_rank",  # 1 / (1 + candidates more similar)
    "passage",  # 1 / (1 + retrieval rank of its passage)
    "coverage",  # the names the question depends on: named here (1), nearby (<1), not (0)
    "concepts",  # the concepts it names
    "spans",  # holds a span of the asked type
    "shape",  # how/why, yes/no, definition: has that answer's shape
    "time_point",  # states the asked time point (1), another (0), none asked (0.5)
    "focus",  # the question's most specific word is here (1), not (0), none (0.5)
    "table",  # a table row
    "opens",  # opens its paragraph (no sentence before it in the block)
    "anaphor",  # starts with "This", "It", …: continues the sentence before
    "length",  # log of its length in characters
    "series",  # log of the items its longest enumeration holds ("A, B, and C": log 3)
    "clause",  # like "predicate", in the clause that holds its first span (else the sentence)
    "keyed",  # a table row whose first cell is one of the question's names
    "dense_pair",  # cosine of the question and this sentence read with the one before it
    "dense_pair_rank",  # 1 / (1 + candidates more similar so read)
    "typed",  # the question asks a figure of a type
    "mechanism",  # … how or why
    "yesno",  # … yes or no
    "definition",  # … a definition or an expansion
    "entity",  # … a name of a class
    "several",  # … several items ("which Xs", "what are the three …")
)


def kind_flags(prof: Profile) -> tuple[float, ...]:
    """The question's kind as the last six features: typed figure, how/why, yes/no,
    definition, name of a class, several items."""
    return (
        float(prof.kind in TYPED),
        float(prof.kind == "mechanism"),
        float(prof.kind == "yesno"),
        float(prof.kind in ("definition", "glossary")),
        float(prof.kind == "entity" or bool(prof.target)),
        float(prof.plural),
    )


def rank_features(
    signals: Sequence[tuple[float, float, float, int, float, float]],
    described: Sequence[tuple[float, ...]],
    kinds: tuple[float, ...],
) -> list[tuple[float, ...]]:
    """Each candidate's features in `RANK_FEATURES` order, from its scorer signals (score,
    lexical, dense, passage rank, coverage, concepts), what the scorer described of it
    (predicate match first, then span … length, then the paired dense cosine) and the
    question's `kind_flags`; a candidate's standing on a signal is among all the question's
    candidates."""
    if not signals:
        return []
    scores = [s[0] for s in signals]
    top = max(scores) or 1.0
    standings = zip(
        _standing(scores),
        _standing([s[1] for s in signals]),
        _standing([d[0] for d in described]),
        _standing([s[2] for s in signals]),
        _standing([d[-1] for d in described]),
        strict=True,
    )
    out = []
    for (score, lexical, dense, rank, coverage, concepts), d, stood in zip(
        signals, described, standings, strict=True
    ):
        by_score, by_lexical, by_predicate, by_dense, by_pair = stood
        out.append(
            (
                *(score, score / top, by_score, lexical, by_lexical, d[0], by_predicate),
                *(dense, by_dense, 1.0 / (1 + rank), coverage, concepts),
                *d[1:],
                by_pair,
                *kinds,
            )
        )
    return out


def _standing(values: list[float]) -> list[float]:
    """Each value's standing among all: 1 / (1 + how many are higher)."""
    a = np.asarray(values)
    higher = (a[None, :] > a[:, None]).sum(axis=1)
    return [1.0 / (1.0 + int(k)) for k in higher]


class RankerModel(BoostedTrees):
    """Sum the trees: `logits` orders candidates (higher is likelier to state the answer)."""


@lru_cache(maxsize=1)
def load_ranker() -> RankerModel | None:
    """The packaged ranker, verified; None when none has been trained (the hand score ranks)."""
    resource = files("sclc_qa").joinpath("data", "ranker.json")
    if not resource.is_file():
        return None
    return read_ranker(resource.read_text(encoding="utf-8"))


def read_ranker(text: str, *, where: str = "sclc_qa/data/ranker.json") -> RankerModel:
    """Parse and verify a ranker file: its digest must match and its features be ours."""
    fix = "retrain it with scripts/train_ranker.py or reinstall sclc-qa"
    return read_verified(text, RankerModel, RANK_FEATURES, where=where, fix=fix)
