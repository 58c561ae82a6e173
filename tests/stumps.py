"""One-split trees in the node-array form of `confidence.Tree`, for the model tests."""

from __future__ import annotations


def stump(
    features: tuple[str, ...], feature: str, threshold: float, below: float, above: float
) -> dict[str, object]:
    """A one-split tree on `feature`: `below` at or under the threshold, `above` over it."""
    return {
        "feature": [features.index(feature), 0, 0],
        "threshold": [threshold, 0.0, 0.0],
        "left": [1, 0, 0],
        "right": [2, 0, 0],
        "leaf": [False, True, True],
        "value": [0.0, below, above],
    }
