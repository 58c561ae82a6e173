"""A learned, calibrated confidence: P(the answer is right | what the answer step saw).

The answer step describes its best candidate by a few features (how well the sentence matches,
whether it names what the question depends on, whether a span of the asked type was found, the
margin over the runner-up, …). A logistic regression fitted on the dev split only
(`scripts/train_confidence.py`) turns them into a probability, and Platt scaling fitted on
cross-validated scores calibrates it, so "0.9" means right about nine times in ten on questions
the model was not fitted on. The fitted parameters live in `data/confidence.json`: versioned,
with the SHA-256 of its payload checked on load like the index's files.
"""

from __future__ import annotations

import hashlib
import json
import math
from functools import lru_cache
from importlib.resources import files

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ModelError

__all__ = [
    "FEATURES",
    "ConfidenceModel",
    "load_confidence_model",
    "payload_sha256",
    "read_confidence_model",
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
)


class ConfidenceModel(BaseModel):
    """Standardise, weigh, squash, calibrate: `predict` is a probability in [0, 1]."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    platt_a: float = Field(description="Calibration: p = 1 / (1 + exp(-(a * z + b))).")
    platt_b: float
    threshold: float = Field(ge=0.0, le=1.0, description="Abstain below this probability.")
    trained_on: dict[str, str | int | float] = Field(default_factory=dict)

    def predict(self, values: dict[str, float]) -> float:
        z = self.intercept
        for name, mu, sd, w in zip(self.features, self.mean, self.scale, self.coef, strict=True):
            z += w * (values.get(name, 0.0) - mu) / (sd or 1.0)
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
    try:
        record = json.loads(text)
        digest = record.pop("sha256")
    except (ValueError, KeyError, AttributeError, TypeError) as exc:
        raise ModelError(f"{where} is unreadable ({exc}); {fix}") from exc
    if payload_sha256(record) != digest:
        raise ModelError(f"{where} does not match its sha256; {fix}")
    try:
        model = ConfidenceModel.model_validate(record)
    except ValidationError as exc:
        raise ModelError(f"{where} is invalid ({exc.errors()[0]['msg']}); {fix}") from exc
    if model.features != FEATURES:
        raise ModelError(f"{where} was trained on other features; {fix}")
    return model
