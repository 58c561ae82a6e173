"""A learned, calibrated confidence: P(the answer is right | what the answer step saw).

The answer step describes its best candidate by a few features (how well the sentence matches,
whether it names what the question depends on, whether a span of the asked type was found, the
margin over the runner-up, whether the dense and lexical rankings agree, …). Gradient-boosted
trees fitted on the dev split only (`scripts/train_confidence.py`) turn them into log-odds, and
Platt scaling fitted on cross-validated scores calibrates them, so "0.9" means right about nine
times in ten on questions the model was not fitted on. Trees, not a linear model: held out by
the batch a question was written in, they rank right above wrong answers better (the training
script prints both). The fitted trees live in `data/confidence.json`: versioned, with the SHA-256
of its payload checked on load like the index's files, and walked here with numpy, so serving
needs no scikit-learn.
"""

from __future__ import annotations

import hashlib
import json
import math
from functools import cached_property, lru_cache
from importlib.resources import files
from typing import TypeVar

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .errors import ModelError

__all__ = [
    "FEATURES",
    "BoostedTrees",
    "ConfidenceModel",
    "Tree",
    "load_confidence_model",
    "payload_sha256",
    "read_confidence_model",
    "read_verified",
]

# What the answer step reports about its best candidate, in this order (see answering/answerer.py).
FEATURES: tuple[str, ...] = (
    "score",  # the sentence's match score
    "margin",  # score minus the runner-up's
    "lexical",  # weighted share of the question's terms in the sentence
    "dense",  # cosine of sentence and question
    "rank",  # 1 / (1 + retrieval rank of its passage)
    "coverage",  # the names the question depends on: named by the sentence (1) … not at all (0)
    "concepts",  # the concepts it names
    "typed",  # the question asks for a figure of a type (HR, duration, rate, …)
    "spans",  # the sentence holds a span of that type
    "extracted",  # a span was extracted and passed its checks
    "entity",  # the question asks for a name (which drug, trial, …)
    "explain",  # the question asks how / why / what
    "names",  # how many names the question depends on
    "answer_share",  # answer length / sentence length
    "same_sentence",  # the answer comes from the best sentence itself
    "table",  # the answer sits in a table row
    "candidates",  # log(1 + figures of the asked type in the sentence): more is more ambiguous
    "several",  # the question asks for several figures (arms, groups, time points)
    "time_point",  # asked at a time point: the sentence states it (1), states none (0.5)
    "listed",  # the answer is the items of a list that the best sentence introduces
    "unseen",  # share of the question's plain content words that no document uses
    "focus_here",  # the question's most specific word is in the sentence (1), not (0), none (0.5)
    "parts",  # the share of the asked figures (parts, arms) the answer holds; 0 when none found
    "dense_rank",  # 1 / (1 + candidates more similar to the question): do the two signals agree?
    "lexical_rank",  # 1 / (1 + candidates matching more of its terms)
    "mechanism",  # the question asks how or why
    "yesno",  # the question asks yes or no
    "shape",  # how/why, yes/no, definition: the sentence has that answer's shape (1) or not (0)
    "echo",  # share of the answer's terms the question itself uses: restating is not answering
    "repeated",  # how many of the next three candidates also state the answer
    "rivals",  # log(1 + near-tied candidates naming all the question depends on): ambiguity
    "compared",  # a comparison: the least sure of the compared figures, each on its own sentence
    "learned",  # the sentence ranker's log-odds that this sentence states the answer (0: none)
    "unstated",  # share of the question's numbers that the sentence and its context leave out
    "unseen_length",  # the longest content word no document uses, over 12 letters, at most 1
    "of_class",  # a which-question's answer is of the class asked (1) or not (0); 0.5: no class
    "ungrouped",  # share of the terms of the asked subgroup that the sentence and context leave out
)


class Tree(BaseModel):
    """One regression tree of the boosted ensemble, as parallel node arrays (node 0 the root):
    at an inner node, a value at or below `threshold` goes `left`, above it `right`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    leaf: tuple[bool, ...]
    value: tuple[float, ...] = Field(description="A leaf's contribution to the log-odds.")

    @model_validator(mode="after")
    def _well_formed(self) -> Tree:
        n = len(self.leaf)
        arrays = (self.feature, self.threshold, self.left, self.right, self.value)
        if n == 0 or any(len(a) != n for a in arrays):
            raise ValueError("a tree's node arrays must be non-empty and of one length")
        for i in range(n):
            # Children come after their parent, so every walk from the root ends at a leaf.
            if not self.leaf[i] and not (i < self.left[i] < n and i < self.right[i] < n):
                raise ValueError(f"node {i} points outside its tree")
        return self

    def output(self, x: list[float]) -> float:
        node = 0
        while not self.leaf[node]:
            go_left = x[self.feature[node]] <= self.threshold[node]
            node = self.left[node] if go_left else self.right[node]
        return self.value[node]


class BoostedTrees(BaseModel):
    """A fitted ensemble: the baseline log-odds plus every tree's output, over named features."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    features: tuple[str, ...]
    baseline: float = Field(description="The log-odds before any tree.")
    trees: tuple[Tree, ...]
    trained_on: dict[str, str | int | float] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _features_exist(self) -> BoostedTrees:
        n = len(self.features)
        if any(
            not t.leaf[i] and not 0 <= t.feature[i] < n
            for t in self.trees
            for i in range(len(t.leaf))
        ):
            raise ValueError("a tree splits on a feature the model does not have")
        return self

    def logit(self, x: list[float]) -> float:
        """The log-odds for one row of features, in `features` order."""
        return self.baseline + sum(tree.output(x) for tree in self.trees)

    def logits(self, x: np.ndarray) -> np.ndarray:
        """The log-odds of every row of `x` (rows × `features`), all trees walked together a
        level at a time: a question's candidates cost a fraction of a millisecond, where walking
        each tree for each row in Python costs tens."""
        feature, threshold, child, value, roots, depth = self._packed
        rows = np.arange(len(x))[:, None]
        node = np.broadcast_to(roots, (len(x), len(roots)))
        for _ in range(depth):
            right = x[rows, feature[node]] > threshold[node]
            node = child[node, right.astype(np.int64)]
        out: np.ndarray = self.baseline + value[node].sum(axis=1)
        return out

    @cached_property
    def _packed(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, int]:
        """Every tree's nodes in flat arrays (feature, threshold, child as [left, right], value),
        each tree's root, and the deepest leaf's depth. A leaf is its own child, so a walk of
        that many steps ends on a leaf from any root."""
        feature: list[int] = []
        threshold: list[float] = []
        child: list[tuple[int, int]] = []
        value: list[float] = []
        roots: list[int] = []
        depth = 0
        for t in self.trees:
            base = len(feature)
            roots.append(base)
            levels = [0] * len(t.leaf)
            for i in range(len(t.leaf)):
                if t.leaf[i]:
                    feature.append(0)
                    threshold.append(np.inf)
                    child.append((base + i, base + i))
                    depth = max(depth, levels[i])
                else:
                    feature.append(t.feature[i])
                    threshold.append(t.threshold[i])
                    child.append((base + t.left[i], base + t.right[i]))
                    levels[t.left[i]] = levels[t.right[i]] = levels[i] + 1
                value.append(t.value[i])
        return (
            np.asarray(feature, dtype=np.int64),
            np.asarray(threshold, dtype=np.float64),
            np.asarray(child, dtype=np.int64).reshape(-1, 2),
            np.asarray(value, dtype=np.float64),
            np.asarray(roots, dtype=np.int64),
            depth,
        )


_Model = TypeVar("_Model", bound=BoostedTrees)


class ConfidenceModel(BoostedTrees):
    """Sum the trees, calibrate: `predict` is a probability in [0, 1]."""

    platt_a: float = Field(description="Calibration: p = 1 / (1 + exp(-(a * z + b))).")
    platt_b: float
    threshold: float = Field(ge=0.0, le=1.0, description="Abstain below this probability.")

    def predict(self, values: dict[str, float]) -> float:
        z = float(self.logits(np.asarray([[values.get(name, 0.0) for name in self.features]]))[0])
        t = self.platt_a * z + self.platt_b
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, t))))


def payload_sha256(payload: dict[str, object]) -> str:
    """The digest stored beside the model: of its canonical JSON, so any edit is caught."""
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def load_confidence_model() -> ConfidenceModel | None:
    """The packaged model, verified; None when none has been trained yet."""
    resource = files("sclc_qa").joinpath("data", "confidence.json")
    if not resource.is_file():
        return None
    return read_confidence_model(resource.read_text(encoding="utf-8"))


def read_confidence_model(
    text: str, *, where: str = "sclc_qa/data/confidence.json"
) -> ConfidenceModel:
    """Parse and verify a model file: its digest must match and its features be ours."""
    fix = "retrain it with scripts/train_confidence.py or reinstall sclc-qa"
    return read_verified(text, ConfidenceModel, FEATURES, where=where, fix=fix)


def read_verified(
    text: str, model: type[_Model], features: tuple[str, ...], *, where: str, fix: str
) -> _Model:
    """A fitted model file parsed and verified: its payload's digest must match the `sha256`
    stored beside it, and its `features` be `features`, else a `ModelError` saying `fix`."""
    try:
        record = json.loads(text)
        digest = record.pop("sha256")
    except (ValueError, KeyError, AttributeError, TypeError) as exc:
        raise ModelError(f"{where} is unreadable ({exc}); {fix}") from exc
    if payload_sha256(record) != digest:
        raise ModelError(f"{where} does not match its sha256; {fix}")
    try:
        fitted = model.model_validate(record)
    except ValidationError as exc:
        raise ModelError(f"{where} is invalid ({exc.errors()[0]['msg']}); {fix}") from exc
    if fitted.features != features:
        raise ModelError(f"{where} was trained on other features; {fix}")
    return fitted
