"""The report's PNG plots. matplotlib is imported here only, when a report is written, with the
Agg backend (no display needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .metrics import KS
from .runner import EvalReport

__all__ = ["plot_recall", "plot_reliability", "plot_risk_coverage"]

_SPLIT_STYLES = ("-", "--", ":", "-.")
_MODE_MARKERS = {"hybrid": "o", "lexical": "s", "dense": "^"}


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _save(plt: Any, fig: Any, ax: Any, title: str, path: Path) -> None:
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7)
    ax.set_title(title)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def plot_recall(report: EvalReport, path: Path) -> None:
    """Recall@k of each retriever, one line style per split."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6.5, 4.2))
    for style, split in zip(_SPLIT_STYLES * 4, report.splits.values(), strict=False):
        for mode, scores in split.overall.retrieval.items():
            if scores.n:
                ax.plot(
                    list(KS),
                    [scores.recall_at[k] for k in KS],
                    style,
                    marker=_MODE_MARKERS.get(mode, "x"),
                    label=f"{split.name} {mode}",
                )
    ax.set_xlabel("k (passages)")
    ax.set_ylabel("recall@k (gold section or evidence)")
    ax.set_xticks(list(KS))
    ax.set_ylim(0, 1.02)
    _save(plt, fig, ax, "Retrieval: recall@k by retriever", path)


def plot_risk_coverage(report: EvalReport, path: Path) -> None:
    """Risk against coverage as the threshold moves: each split overall (thick) and each of its
    documents (thin); a dot marks the threshold in use."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6.5, 4.2))
    top = 0.3
    for style, split in zip(_SPLIT_STYLES * 4, report.splits.values(), strict=False):
        curves = [(f"{split.name} overall", split.risk_coverage, 2.0)] + [
            (f"{split.name} {doc}", pts, 0.9)
            for doc, pts in split.risk_coverage_per_document.items()
        ]
        for label, pts, width in curves:
            if not pts:
                continue
            line = ax.plot(
                [p.coverage for p in pts], [p.risk for p in pts], style, lw=width, label=label
            )[0]
            used = min(pts, key=lambda p: abs(p.threshold - report.threshold))
            ax.plot([used.coverage], [used.risk], "o", color=line.get_color())
            top = max(top, max(p.risk for p in pts) + 0.05)
    ax.set_xlabel("coverage (share of all questions answered)")
    ax.set_ylabel("risk (share of answers that are wrong)")
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, min(top, 1.02))
    title = f"Risk–coverage as the threshold moves (dot: {report.threshold:.2f})"
    _save(plt, fig, ax, title, path)


def plot_reliability(report: EvalReport, path: Path) -> None:
    """Observed accuracy of the raw answers in each confidence bin, against the bin's mean
    confidence; the diagonal is perfect calibration."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6.5, 4.2))
    ax.plot([0, 1], [0, 1], color="grey", lw=0.8, label="perfectly calibrated")
    for style, split in zip(_SPLIT_STYLES * 4, report.splits.values(), strict=False):
        bins = [b for b in split.reliability if b.n and b.confidence is not None]
        if not bins:
            continue
        ece = split.overall.ece
        ax.plot(
            [b.confidence for b in bins],
            [b.accuracy for b in bins],
            style,
            marker="o",
            label=f"{split.name} (ECE {ece:.3f})" if ece is not None else split.name,
        )
        for b in bins:
            ax.annotate(
                str(b.n),
                (b.confidence, b.accuracy),
                fontsize=6,
                xytext=(3, -8),
                textcoords="offset points",
            )
    ax.axvline(report.threshold, color="red", lw=0.8, ls=":", label="threshold in use")
    ax.set_xlabel("confidence (mean of the bin; 10 bins)")
    ax.set_ylabel("observed accuracy of the answers")
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, 1.02)
    _save(plt, fig, ax, "Reliability of the confidence (raw answers)", path)
