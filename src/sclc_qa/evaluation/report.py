"""An `EvalReport` as people read it: a plain-text summary with the splits side by side, and a
Markdown report with the same tables and PNG plots (recall@k per retriever, risk–coverage,
reliability). A frozen split shows totals per document and per category, never a question."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from .metrics import Metrics, QuestionResult
from .runner import EvalReport, SplitReport, skipped_line

__all__ = ["FAILURES_SHOWN", "GAP", "format_summary", "gaps", "write_report"]

FAILURES_SHOWN = 15
# EVAL-GUIDE.md: when test trails dev by more than this, the method is fitted to dev.
GAP = 0.05

Row = tuple[str, Callable[[Metrics], str]]


def _f(x: float | None, digits: int = 3) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def _recall(m: Metrics, mode: str = "hybrid") -> str:
    s = m.retrieval.get(mode)
    return "–" if s is None or not s.n else " / ".join(f"{s.recall_at[k]:.3f}" for k in (1, 3, 5))


def _mrr(modes: Sequence[str]) -> Callable[[Metrics], str]:
    def mrr(m: Metrics) -> str:
        scores = [m.retrieval.get(mode) for mode in modes]
        return " / ".join(_f(s.mrr_at_10) if s and s.n else "–" for s in scores)

    return mrr


def _parts(m: Metrics) -> str:
    if not m.parts_questions:
        return "–"
    return (
        f"{_f(m.parts_accuracy)} / {_f(m.parts_accuracy_with_alternatives)} (n={m.parts_questions})"
    )


def _rows(modes: Sequence[str]) -> list[Row]:
    return [
        ("questions (answerable / not)", lambda m: f"{m.n} ({m.answerable} / {m.unanswerable})"),
        ("answer accuracy", lambda m: _f(m.answer_accuracy)),
        ("risk (wrong / answers given)", lambda m: f"{_f(m.risk)} ({m.answered})"),
        ("coverage", lambda m: _f(m.coverage)),
        ("overall accuracy", lambda m: _f(m.overall_accuracy)),
        (
            "abstention P / R / F1",
            lambda m: " / ".join(
                _f(x) for x in (m.abstention_precision, m.abstention_recall, m.abstention_f1)
            ),
        ),
        ("parts accuracy (answer / +alts)", _parts),
        ("recall@1 / @3 / @5 (hybrid)", _recall),
        (f"MRR@10 {' / '.join(modes)}", _mrr(modes)),
        ("median factoid answer (chars)", lambda m: _f(m.median_answer_chars, 0)),
        ("calibration error (ECE)", lambda m: _f(m.ece)),
        ("latency p50 / p95 (ms)", lambda m: f"{m.latency_ms_p50:.1f} / {m.latency_ms_p95:.1f}"),
    ]


def _table(
    label_width: int, names: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]]
) -> list[str]:
    widths = [max([len(n)] + [len(cells[i]) for _, cells in rows]) for i, n in enumerate(names)]
    head = (
        " " * label_width + "  " + "  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))
    )
    out = [head.rstrip()]
    for label, cells in rows:
        line = (
            label.ljust(label_width)
            + "  "
            + "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))
        )
        out.append(line.rstrip())
    return out


def _group(report: EvalReport, pick: Callable[[SplitReport], Metrics | None]) -> list[str]:
    rows = []
    for label, fn in _rows(report.modes):
        cells = []
        for split in report.splits.values():
            m = pick(split)
            cells.append(fn(m) if m is not None else "–")
        rows.append((label, cells))
    return _table(max(len(r[0]) for r in rows), list(report.splits), rows)


def _category_rows(report: EvalReport) -> list[tuple[str, list[str]]]:
    rows = []
    for c in _all_categories(report):
        cells = []
        for split in report.splits.values():
            m = split.per_category.get(c)
            cells.append(
                "–"
                if m is None
                else f"{m.n:>3}  acc {_f(m.overall_accuracy)}  risk {_f(m.risk)}"
                + (f"  parts {_f(m.parts_accuracy)}" if m.parts_questions else "")
            )
        rows.append((c, cells))
    return rows


def _all_categories(report: EvalReport) -> list[str]:
    seen: dict[str, None] = {}
    for split in report.splits.values():
        seen.update(dict.fromkeys(split.per_category))
    return list(seen)


def _all_documents(report: EvalReport) -> list[str]:
    seen: dict[str, None] = {}
    for split in report.splits.values():
        seen.update(dict.fromkeys(split.per_document))
    return list(seen)


def _in_document(doc: str) -> Callable[[SplitReport], Metrics | None]:
    return lambda split: split.per_document.get(doc)


def gaps(report: EvalReport) -> list[str]:
    """Where a frozen split's answer accuracy trails a dev split's by more than GAP."""
    out = []
    devs = [s for s in report.splits.values() if not s.frozen]
    for test in (s for s in report.splits.values() if s.frozen):
        for dev in devs:
            pairs = [("overall", dev.overall, test.overall)] + [
                (d, dev.per_document[d], test.per_document[d])
                for d in dev.per_document
                if d in test.per_document
            ]
            for where, a, b in pairs:
                if a.answer_accuracy is not None and b.answer_accuracy is not None:
                    gap = a.answer_accuracy - b.answer_accuracy
                    if gap > GAP:
                        out.append(
                            f"{test.name} trails {dev.name} by {gap:.3f} in answer accuracy "
                            f"({where}): the method is fitted to {dev.name}"
                        )
    return out


def _where(r: QuestionResult) -> str:
    if r.cited_section is None:
        return ""
    short = len(r.cited_section) <= 12 or not r.cited_path
    return f" from {r.cited_doc}: {r.cited_section if short else r.cited_path}"


def _one_line(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def format_summary(report: EvalReport, *, failures_shown: int = FAILURES_SHOWN) -> str:
    """The plain-text summary `sclc-qa eval` prints: splits in columns; failures of non-frozen
    splits only (the first `failures_shown`)."""
    lines = [
        f"index: {len(report.documents)} document(s): {', '.join(report.documents)}; "
        f"abstention threshold {report.threshold:.2f}"
    ]
    for s in report.splits.values():
        best = (
            f", best threshold here {s.best_threshold:.2f}" if s.best_threshold is not None else ""
        )
        frozen = "; frozen: totals only" if s.frozen else ""
        lines.append(f"{s.name}: {s.file or '(in memory)'}, {s.questions} questions{best}{frozen}")
        if (skipped := skipped_line(s)) is not None:
            lines.append(f"  {s.name} {skipped}")
    lines.append(
        f"factoid kinds (median answer length): {', '.join(report.factoid_categories)}; "
        "risk counts answered unanswerable questions as wrong"
    )
    lines += ["", "overall", *_group(report, lambda s: s.overall)]
    for doc in _all_documents(report):
        lines += ["", doc, *_group(report, _in_document(doc))]
    rows = _category_rows(report)
    lines += ["", "per category (n, overall accuracy, risk, parts)"]
    lines += _table(max(len(c) for c, _ in rows) if rows else 8, list(report.splits), rows)
    if found := gaps(report):
        lines += ["", *(f"warning: {g}" for g in found)]
    for s in report.splits.values():
        if s.frozen:
            continue
        shown = s.failures[:failures_shown]
        more = f", first {len(shown)} shown" if len(s.failures) > len(shown) else ""
        lines += ["", f"{s.name} failures: {len(s.failures)}{more}"]
        for f in shown:
            got = (
                f'"{_one_line(f.answer, 60)}"'
                if f.answer is not None
                else f"abstained ({_one_line(f.reason or '', 60)})"
            )
            lines.append(f"  {f.id} [{f.category}] {_one_line(f.question, 70)} → {got}{_where(f)}")
    return "\n".join(lines)


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    def cell(x: str) -> str:
        return x.replace("|", "\\|").replace("\n", " ")

    return [
        "| " + " | ".join(map(cell, header)) + " |",
        "|" + "---|" * len(header),
        *("| " + " | ".join(map(cell, r)) + " |" for r in rows),
    ]


def _md_group(report: EvalReport, pick: Callable[[SplitReport], Metrics | None]) -> list[str]:
    rows = []
    for label, fn in _rows(report.modes):
        rows.append(
            [
                label,
                *((fn(m) if (m := pick(s)) is not None else "–") for s in report.splits.values()),
            ]
        )
    return _md_table(["metric", *report.splits], rows)


def write_report(report: EvalReport, path: Path) -> list[Path]:
    """Write the Markdown report and its three PNG plots beside it; returns the files written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pngs = {
        "recall": path.with_name(path.stem + "-recall.png"),
        "risk": path.with_name(path.stem + "-risk-coverage.png"),
        "reliability": path.with_name(path.stem + "-reliability.png"),
    }
    from .plots import plot_recall, plot_reliability, plot_risk_coverage

    plot_recall(report, pngs["recall"])
    plot_risk_coverage(report, pngs["risk"])
    plot_reliability(report, pngs["reliability"])
    lines = [
        "# sclc-qa evaluation",
        "",
        f"Index: {len(report.documents)} document(s): {', '.join(report.documents)}. "
        f"Abstention threshold {report.threshold:.2f}. Answers are asked with no document "
        "filter; the figures are grouped by the document each question is about. The median "
        f"answer length is over the factoid kinds ({', '.join(report.factoid_categories)}); "
        "risk counts an answered unanswerable question as wrong; reliability and ECE use the "
        "raw answers (threshold 0).",
        "",
    ]
    split_rows = [
        [
            s.name,
            s.file or "(in memory)",
            str(s.questions),
            str(s.evaluated),
            skipped_line(s) or "none",
            _f(s.best_threshold, 2),
            "yes: totals only" if s.frozen else "no",
        ]
        for s in report.splits.values()
    ]
    lines += _md_table(
        ["split", "file", "questions", "evaluated", "skipped", "best threshold", "frozen"],
        split_rows,
    )
    lines += ["", "## Overall", "", *_md_group(report, lambda s: s.overall)]
    lines += ["", f"![recall@k by retriever]({pngs['recall'].name})"]
    lines += ["", "## Per document"]
    for doc in _all_documents(report):
        lines += ["", f"### {doc}", "", *_md_group(report, _in_document(doc))]
    lines += ["", "## Per category", ""]
    lines += _md_table(
        ["category", *report.splits], [[c, *cells] for c, cells in _category_rows(report)]
    )
    lines += [
        "",
        "## Risk–coverage and reliability",
        "",
        f"![risk-coverage]({pngs['risk'].name})",
        "",
        f"![reliability]({pngs['reliability'].name})",
    ]
    if found := gaps(report):
        lines += ["", "## Warnings", "", *(f"- {g}" for g in found)]
    for s in report.splits.values():
        if s.frozen:
            continue
        lines += ["", f"## {s.name} failures ({len(s.failures)})", ""]
        if s.failures:
            lines += _md_table(
                ["id", "doc", "category", "question", "answer / reason", "cited"],
                [
                    [
                        f.id,
                        f.doc,
                        f.category,
                        f.question,
                        (f.answer if f.answer is not None else f"(abstained) {f.reason}")[:140],
                        _where(f).removeprefix(" from "),
                    ]
                    for f in s.failures
                ],
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [path, *pngs.values()]
