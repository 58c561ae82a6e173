"""confidence.py: the learned model's arithmetic and its verification (fast, no index)."""

from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from sclc_qa.confidence import (
    FEATURES,
    ConfidenceModel,
    load_confidence_model,
    payload_sha256,
    read_confidence_model,
)
from sclc_qa.errors import ModelError
from stumps import stump


def _stump(feature: str, threshold: float, below: float, above: float) -> dict[str, object]:
    return stump(FEATURES, feature, threshold, below, above)


def _payload(**changes: object) -> dict[str, object]:
    payload: dict[str, object] = {
        "version": 2,
        "features": list(FEATURES),
        "baseline": 0.5,
        "trees": [_stump("coverage", 0.5, -1.0, 1.0), _stump("margin", 0.1, 0.0, 0.5)],
        "platt_a": 2.0,
        "platt_b": -1.0,
        "threshold": 0.5,
        "trained_on": {"split": "dev"},
    }
    payload.update(changes)
    return payload


def _file(payload: dict[str, object]) -> str:
    return json.dumps({**payload, "sha256": payload_sha256(payload)})


def _sigmoid(t: float) -> float:
    return 1 / (1 + math.exp(-t))


def test_predict_sums_the_trees_and_calibrates() -> None:
    model = read_confidence_model(_file(_payload()))
    # z = 0.5 + (-1 | +1 by coverage) + (0 | 0.5 by margin); p = sigmoid(2 z - 1)
    assert model.predict({"coverage": 0.5, "margin": 0.0}) == pytest.approx(_sigmoid(-2.0))
    assert model.predict({"coverage": 1.0, "margin": 0.0}) == pytest.approx(_sigmoid(2.0))
    assert model.predict({"coverage": 1.0, "margin": 0.3}) == pytest.approx(_sigmoid(3.0))
    huge = _payload(platt_a=1e9)
    assert 0.0 < read_confidence_model(_file(huge)).predict({"coverage": 0.0}) < 1e-9  # clamped


def test_a_tree_that_points_outside_itself_is_refused() -> None:
    loop = {**_stump("coverage", 0.5, 0.0, 1.0), "left": [0, 0, 0]}  # the root its own child
    with pytest.raises(ModelError, match="invalid"):
        read_confidence_model(_file(_payload(trees=[loop])))
    unknown = {**_stump("coverage", 0.5, 0.0, 1.0), "feature": [len(FEATURES), 0, 0]}
    with pytest.raises(ModelError, match="invalid"):
        read_confidence_model(_file(_payload(trees=[unknown])))


def test_exported_trees_predict_what_scikit_learn_predicts() -> None:
    """The training script's export, evaluated in plain Python, gives sklearn's own log-odds."""
    sklearn = pytest.importorskip("sklearn.ensemble")
    train = _training_script()
    rng = np.random.default_rng(0)
    x = rng.random((400, len(FEATURES)))
    y = (x[:, 0] + 0.5 * x[:, 3] + 0.3 * rng.random(400) > 0.9).astype(int)
    fitted = sklearn.HistGradientBoostingClassifier(**train.TREES, early_stopping=False).fit(x, y)
    baseline, trees = train.export(fitted)
    model = read_confidence_model(
        _file(_payload(baseline=baseline, trees=trees, platt_a=1.0, platt_b=0.0))
    )
    ours = [model.predict(dict(zip(FEATURES, row, strict=True))) for row in x[:50]]
    theirs = [_sigmoid(z) for z in fitted.decision_function(x[:50])]
    assert ours == pytest.approx(theirs, abs=1e-9)


def _training_script() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "scripts" / "train_confidence.py"
    spec = importlib.util.spec_from_file_location("train_confidence", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
    payload = _payload(features=["score"], trees=[])
    with pytest.raises(ModelError, match="other features"):
        read_confidence_model(_file(payload))


def test_the_shipped_model_verifies_and_was_fitted_on_dev() -> None:
    model = load_confidence_model()
    assert isinstance(model, ConfidenceModel)
    assert model.trained_on["split"] == "dev"
    assert 0.0 < model.threshold < 1.0
