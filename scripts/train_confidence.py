#!/usr/bin/env python3
"""Fit the answer step's confidence model on the dev split only, and write data/confidence.json.

    .venv/bin/python scripts/train_confidence.py [--corpus-dir eval/corpus] [--index-dir index-eval]
                                                  [--cost 2] [--dry-run]

Every dev question (eval/questions.jsonl) whose document is indexed is asked once with the
threshold at 0, and the features its answer's confidence is computed from are recorded
(`Engine.diagnose`) with whether the answer is right by the evaluation's own rules. A logistic
regression over the standardised features is fitted; Platt scaling fitted on 5-fold
cross-validated scores (ten shuffles of the folds) calibrates it; the abstention threshold is
the one that does most good on the cross-validated answers, averaged over the shuffles, when a
wrong answer costs `--cost` abstentions. The test split is
never read. Needs scikit-learn (a dev dependency): serving only evaluates the fitted numbers.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import sclc_qa.answering.answerer as answerer_module  # noqa: E402
from sclc_qa.confidence import FEATURES, payload_sha256  # noqa: E402
from sclc_qa.config import Settings  # noqa: E402
from sclc_qa.engine import Engine  # noqa: E402
from sclc_qa.errors import IndexMissingError, StaleIndexError  # noqa: E402
from sclc_qa.evaluation.questions import load_questions  # noqa: E402
from sclc_qa.evaluation.scoring import is_correct  # noqa: E402

DEV = ROOT / "eval" / "questions.jsonl"
OUT = ROOT / "src" / "sclc_qa" / "data" / "confidence.json"
VERSION = 1
REPEATS = 10  # shuffles of the 5 folds the threshold and calibration are averaged over


def collect(engine: Engine) -> tuple[np.ndarray, np.ndarray, int]:
    """Features and labels of every dev answer whose confidence was weighed."""
    rows, labels, others = [], [], 0
    for q in load_questions(DEV):
        if q.doc not in engine.index.documents:
            continue
        answer, features = engine.diagnose(q.question, min_confidence=0.0)
        if features is None or answer.abstained:
            others += 1  # decided without a confidence (or nothing to extract): not learnable
            continue
        rows.append([features[name] for name in FEATURES])
        labels.append(int(is_correct(q, answer)))
    return np.asarray(rows, dtype=np.float64), np.asarray(labels, dtype=np.int64), others


def fit(x: np.ndarray, y: np.ndarray, cost: float) -> tuple[dict[str, object], dict[str, float]]:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    def model() -> object:
        return make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=2000))

    # Cross-validated scores over several shuffles of the folds: one split's optimum threshold
    # swings by 0.1 between shuffles (the gain curve is flat near its top), their mean does not.
    zs = [
        cross_val_predict(
            model(),
            x,
            y,
            cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=seed),
            method="decision_function",
        )
        for seed in range(REPEATS)
    ]
    stacked = np.concatenate(zs)
    platt = LogisticRegression(C=1e6, max_iter=2000).fit(
        stacked.reshape(-1, 1), np.tile(y, REPEATS)
    )
    a, b = float(platt.coef_[0][0]), float(platt.intercept_[0])
    ps = [1.0 / (1.0 + np.exp(-(a * z + b))) for z in zs]
    threshold = pick_threshold(ps, y, cost)
    full = model().fit(x, y)  # type: ignore[attr-defined]
    scaler, lr = full.steps[0][1], full.steps[1][1]
    payload: dict[str, object] = {
        "version": VERSION,
        "features": list(FEATURES),
        "mean": [float(v) for v in scaler.mean_],
        "scale": [float(v) for v in scaler.scale_],
        "coef": [float(v) for v in lr.coef_[0]],
        "intercept": float(lr.intercept_[0]),
        "platt_a": a,
        "platt_b": b,
        "threshold": threshold,
    }
    kept = [q >= threshold for q in ps]
    stats = {
        "cost": cost,
        "samples": float(len(y)),
        "right": float(y.sum()),
        "cv_repeats": float(REPEATS),
        "cv_auc": float(np.mean([roc_auc_score(y, zz) for zz in zs])),
        "cv_ece": float(np.mean([expected_calibration_error(q, y) for q in ps])),
        "cv_coverage": float(np.mean([k.mean() for k in kept])),
        "cv_risk": float(np.mean([1 - y[k].mean() if k.any() else 0.0 for k in kept])),
    }
    return payload, stats


def pick_threshold(ps: list[np.ndarray], y: np.ndarray, cost: float) -> float:
    """The threshold that does most good on cross-validated dev answers, averaged over the
    shuffles of the folds: each right answer kept counts 1, each wrong one kept costs `cost`
    (a wrong answer is worse than none)."""
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    gains = np.mean(
        [[float(y[p >= t].sum() - cost * (1 - y[p >= t]).sum()) for t in grid] for p in ps],
        axis=0,
    )
    return float(grid[int(np.argmax(gains))])


def expected_calibration_error(p: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    edges = np.linspace(0, 1, bins + 1)
    which = np.clip(np.digitize(p, edges) - 1, 0, bins - 1)
    total = 0.0
    for k in range(bins):
        mask = which == k
        if mask.any():
            total += mask.mean() * abs(p[mask].mean() - y[mask].mean())
    return float(total)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus-dir", type=Path, default=ROOT / "eval" / "corpus")
    ap.add_argument("--index-dir", type=Path, default=ROOT / "index-eval")
    ap.add_argument(
        "--cost", type=float, default=2.0, help="a wrong answer costs this many abstentions"
    )
    ap.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    args = ap.parse_args()
    settings = Settings(corpus_dir=args.corpus_dir, index_dir=args.index_dir)
    # The features do not depend on the model being replaced, which may have been trained on
    # other features: answer without it (every answer is kept at threshold 0 anyway).
    answerer_module.load_confidence_model = lambda: None
    try:
        engine = Engine.load(settings)
    except (IndexMissingError, StaleIndexError):
        print(f"building {args.index_dir} from {args.corpus_dir}", file=sys.stderr)
        Engine.build(settings)
        engine = Engine.load(settings)
    x, y, others = collect(engine)
    payload, stats = fit(x, y, args.cost)
    payload["trained_on"] = {
        "split": "dev",
        "file": str(DEV.relative_to(ROOT)),
        "file_sha256": hashlib.sha256(DEV.read_bytes()).hexdigest(),
        "documents": ",".join(sorted(engine.index.documents)),
        **{k: round(v, 4) for k, v in stats.items()},
    }
    print(json.dumps(payload["trained_on"], indent=2))
    print(f"threshold {payload['threshold']}; {others} answers decided without a confidence")
    for name, w in sorted(
        zip(FEATURES, payload["coef"], strict=True),  # type: ignore[arg-type]
        key=lambda t: -abs(t[1]),
    ):
        print(f"  {name:<15} {w:+.3f}")
    if not args.dry_run:
        record = {**payload, "sha256": payload_sha256(payload)}
        OUT.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
