"""answering/ranking.py: the learned order of candidate sentences, its file's verification, and
the scorer ordering by it."""

from __future__ import annotations

import json

import numpy as np
import pytest

from sclc_qa.answering.ranking import RANK_FEATURES, RankerModel, load_ranker, read_ranker
from sclc_qa.confidence import payload_sha256
from sclc_qa.engine import Engine
from sclc_qa.errors import ModelError
from stumps import stump


def _stump(feature: str, threshold: float, below: float, above: float) -> dict[str, object]:
    return stump(RANK_FEATURES, feature, threshold, below, above)


def _payload(*trees: dict[str, object]) -> dict[str, object]:
    return {
        "version": 1,
        "features": list(RANK_FEATURES),
        "baseline": -1.0,
        "trees": list(trees),
        "trained_on": {"split": "dev"},
    }


def _file(payload: dict[str, object]) -> str:
    return json.dumps({**payload, "sha256": payload_sha256(payload)})


def test_the_logit_sums_the_trees() -> None:
    model = read_ranker(_file(_payload(_stump("length", 4.0, 0.0, 2.0))))
    x = [0.0] * len(RANK_FEATURES)
    assert model.logit(x) == -1.0
    x[RANK_FEATURES.index("length")] = 5.0
    assert model.logit(x) == 1.0


def test_an_edited_or_foreign_ranker_file_is_refused() -> None:
    record = json.loads(_file(_payload()))
    record["baseline"] = 3.0
    with pytest.raises(ModelError, match="does not match its sha256"):
        read_ranker(json.dumps(record))
    with pytest.raises(ModelError, match="other features"):
        read_ranker(_file({**_payload(), "features": ["score"]}))
    with pytest.raises(ModelError, match="train_ranker"):
        read_ranker("not json")


def test_the_shipped_ranker_verifies_and_was_fitted_on_dev() -> None:
    model = load_ranker()
    assert isinstance(model, RankerModel)
    assert model.trained_on["split"] == "dev"
    # It ships because it put the right sentence first more often than the hand score did,
    # on batches of questions held out from its fitting.
    assert (
        model.trained_on["batch_first_right_learned"] > model.trained_on["batch_first_right_hand"]
    )


def test_the_scorer_orders_by_the_ranker_and_keeps_uncovered_last(hashing_engine: Engine) -> None:
    scorer = hashing_engine._answerer.scorer
    retriever = hashing_engine._retriever
    query = retriever.prepare("What was the OS hazard ratio in CASPIAN?")
    hits = retriever.search(query, 5)
    saved = scorer.ranker
    try:
        scorer.ranker = None
        by_hand = scorer.score(query, hits)
        # A ranker that scores every sentence alike, and one that prefers short sentences.
        scorer.ranker = read_ranker(_file(_payload(_stump("length", 0.0, 0.0, 0.0))))
        flat = scorer.score(query, hits)
        scorer.ranker = read_ranker(_file(_payload(_stump("length", 4.5, 1.0, -1.0))))
        shortest = scorer.score(query, hits)
    finally:
        scorer.ranker = saved
    assert len(by_hand[0].features) == len(RANK_FEATURES)
    assert {s.sid for s in by_hand} == {s.sid for s in shortest}
    covered = [s for s in shortest if s.coverage > 0]
    assert all(s.coverage > 0 for s in shortest[: len(covered)])  # uncovered stay last
    assert [s.learned for s in covered] == sorted((s.learned for s in covered), reverse=True)
    assert all(s.learned == -1.0 for s in flat)


def test_the_vectorised_walk_agrees_with_walking_each_tree() -> None:
    model = load_ranker()
    assert model is not None
    rng = np.random.default_rng(0)
    x = rng.uniform(0.0, 6.0, size=(64, len(RANK_FEATURES)))
    one_by_one = [model.logit(list(row)) for row in x]
    assert np.allclose(model.logits(x), one_by_one)
    stumps = read_ranker(_file(_payload(_stump("length", 4.0, 0.0, 2.0))))
    assert stumps.logits(np.asarray([[0.0] * len(RANK_FEATURES)])).tolist() == [-1.0]
