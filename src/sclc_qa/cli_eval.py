"""`sclc-qa eval`: score the question files against the index and print or write the report.

Kept out of `cli.py`, which registers it (after `serve`, as before), because it alone reads
question files and writes files of its own; the other commands ask the engine and print.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from .cli_errors import bad_input
from .errors import SclcQaError

__all__ = ["FAILURES_SHOWN", "eval_"]

FAILURES_SHOWN = 15


def eval_(
    ctx: typer.Context,
    dev: Annotated[
        Path, typer.Argument(help="The dev question file: its failures are listed.")
    ] = Path("eval/questions.jsonl"),
    test: Annotated[
        Path, typer.Option(help="The frozen test file, scored beside dev: totals only.")
    ] = Path("eval/test.jsonl"),
    no_test: Annotated[bool, typer.Option("--no-test", help="Score dev alone.")] = False,
    json_: Annotated[bool, typer.Option("--json", help="Print the full report as JSON.")] = False,
    report: Annotated[
        Path | None,
        typer.Option(help="Also write a Markdown report here, with PNG plots beside it."),
    ] = None,
) -> None:
    """Score dev and test side by side: overall, per document and per kind of question.

    Questions on documents that are not in the index are skipped and counted. The test split
    is frozen: it shows totals per document and per kind only; dev lists its failures.

    \b
    Examples:
      sclc-qa --corpus-dir eval/corpus --index-dir index-eval eval
      sclc-qa eval --no-test --report eval/report/report.md
      sclc-qa eval --json | jq '.splits.test.overall.answer_accuracy'
    """
    from .cli import _engine  # at run time: `cli` is loaded by then, and a stand-in is honoured
    from .evaluation import evaluate, format_summary, load_split, write_report

    try:
        splits = [load_split("dev", dev)]
        if not no_test:
            splits.append(load_split("test", test))
    except SclcQaError as exc:
        raise bad_input(str(exc)) from exc  # the question files are the user's input
    if report is not None:
        _writable(report)  # before the evaluation's minutes of work, not after
    engine = _engine(ctx, warm=True)
    result = evaluate(engine, splits, on_progress=_progress if sys.stderr.isatty() else None)
    if json_:
        typer.echo(result.model_dump_json(indent=2))
    else:
        typer.echo(format_summary(result, failures_shown=FAILURES_SHOWN))
    if report is not None:
        for path in write_report(result, report):
            typer.echo(f"wrote {path}", err=True)


def _progress(split: str, done: int, total: int) -> None:
    typer.echo(f"\r  {split}: {done}/{total} questions", err=True, nl=done == total)


def _writable(path: Path) -> None:
    """The report's folder exists (or can be made) and takes files."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise bad_input(f"cannot write the report to {path}: {exc.strerror or exc}") from None
    if path.is_dir() or not os.access(path.parent, os.W_OK):
        raise bad_input(f"cannot write the report to {path}: not a writable file path")
