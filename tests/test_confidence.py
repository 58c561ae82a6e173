"""confidence.py: the learned model's arithmetic and its verification (fast, no index)."""

from __future__ import annotations

import json

import pytest

from sclc_qa.confidence import (
    FEATURES,
    ConfidenceModel,
    load_confidence_model,
    payload_sha256,
    read_confidence_model,
)
from sclc_qa.errors import ModelError


def _payload(**changes: object) -> dict[str, object]:
    n = len(FEATURES)
    payload: dict[str, object] = {
        "version": 1,
        "features": list(FEATURES),
        "mean": [0.0] * n,
        "scale": [1.0] * n,
        "coef": [1.0 if f == "coverage" else 0.0 for f in FEATURES],
        "intercept": 0.0,
        "platt_a": 2.0,
        "platt_b": -1.0,
        "threshold": 0.5,
        "trained_on": {"split": "dev"},
    }
    payload.update(changes)
    return payload


def _file(payload: dict[str, object]) -> str:
    return json.dumps({**payload, "sha256": payload_sha256(payload)})


def test_predict_is_a_calibrated_logistic_of_standardised_features() -> None:
    model = read_confidence_model(_file(_payload()))
    # z = coverage; p = sigmoid(2 z - 1)
    assert model.predict({"coverage": 0.5}) == pytest.approx(0.5)
    assert model.predict({"coverage": 1.0}) == pytest.approx(1 / (1 + 2.718281828**-1), 1e-6)
    assert model.predict({"coverage": 0.0}) < model.predict({"coverage": 1.0})
    assert 0.0 < model.predict({"coverage": -1e9}) < 1e-9  # clamped, no overflow


def test_an_edited_model_file_is_refused() -> None:
    record = json.loads(_file(_payload()))
    record["threshold"] = 0.1  # changed after the digest was taken
    with pytest.raises(ModelError, match="does not match its sha256"):
        read_confidence_model(json.dumps(record))


@pytest.mark.parametrize("text", ["", "not json", "[]", json.dumps({"version": 1})])
def test_an_unreadable_model_file_is_one_clear_error(text: str) -> None:
    with pytest.raises(ModelError, match="retrain it"):
        read_confidence_model(text)


def test_a_model_fitted_on_other_features_is_refused() -> None:
    payload = _payload(features=["score"], mean=[0.0], scale=[1.0], coef=[1.0])
    with pytest.raises(ModelError, match="other features"):
        read_confidence_model(_file(payload))


def test_the_shipped_model_verifies_and_was_fitted_on_dev() -> None:
    model = load_confidence_model()
    assert isinstance(model, ConfidenceModel)
    assert model.trained_on["split"] == "dev"
    assert 0.0 < model.threshold < 1.0
