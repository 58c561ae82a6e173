"""The `sclc-qa` command: parse arguments, call `Engine`, print.

Every library error becomes one `error: …` line on stderr and a non-zero exit (2 for unusable
input, 1 for everything else, such as a missing or stale index; see `cli_errors`). The engine
is imported inside each command so that `sclc-qa --help` stays fast. `cli_serve` runs the
server processes behind `sclc-qa serve`; `cli_eval` is `sclc-qa eval`.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from pydantic import ValidationError
from pydantic_settings import SettingsError

from . import __version__
from .cli_errors import ErrorsOnOneLine, bad_input
from .cli_eval import FAILURES_SHOWN as FAILURES_SHOWN  # re-exported: it was defined here
from .cli_eval import eval_
from .cli_serve import run_service, service_settings
from .config import BuildDevice, SearchMode, Settings
from .formatting import one_line, shorten, where

if TYPE_CHECKING:
    from .engine import Engine
    from .models import Answer

__all__ = ["app", "main"]

QUOTE_CHARS = 200
PREVIEW_CHARS = 100


app = typer.Typer(
    cls=ErrorsOnOneLine,
    name="sclc-qa",
    help="Extractive, cited answers from the small-cell lung cancer immunotherapy review.\n\n"
    "First run `sclc-qa build` once, then `sclc-qa ask`.",
    epilog="Settings can also come from SCLC_QA_* environment variables, "
    "e.g. SCLC_QA_INDEX_DIR=/tmp/index.",
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


_DOC_OPTION = typer.Option(
    "--doc",
    help="Only this document id; repeat for several (`sclc-qa sections` lists them) [all].",
)


@dataclass(frozen=True)
class _Paths:
    corpus_dir: Path | None
    index_dir: Path | None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sclc-qa {__version__}")
        raise typer.Exit()


@app.callback()
def _global_options(
    ctx: typer.Context,
    index_dir: Annotated[
        Path | None,
        typer.Option(help="Where the index lives [default: index, or $SCLC_QA_INDEX_DIR]."),
    ] = None,
    corpus_dir: Annotated[
        Path | None,
        typer.Option(help="Folder of *.txt documents [default: corpus, or $SCLC_QA_CORPUS_DIR]."),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    ctx.obj = _Paths(corpus_dir=corpus_dir, index_dir=index_dir)


def _settings(ctx: typer.Context) -> Settings:
    paths: _Paths = ctx.obj
    given: dict[str, Any] = {"corpus_dir": paths.corpus_dir, "index_dir": paths.index_dir}
    try:
        return Settings(**{k: v for k, v in given.items() if v is not None})
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(map(str, first["loc"]))
        raise bad_input(f"invalid setting {field}: {first['msg']}") from exc
    except SettingsError as exc:  # an SCLC_QA_* variable that is not even JSON where JSON is due
        raise bad_input(f"invalid setting: {exc}") from exc


def _engine(ctx: typer.Context, *, warm: bool = False) -> Engine:
    """A one-shot command starts the encoder's runtime in its one question, not in a warm-up
    question of its own first; `eval` warms up so that no question's latency carries it."""
    from .engine import Engine

    return Engine.load(_settings(ctx), warm=warm)


@app.command()
def build(
    ctx: typer.Context,
    device: Annotated[
        BuildDevice | None,
        typer.Option(
            case_sensitive=False,
            help="Where to embed the corpus: cuda (an NVIDIA GPU), cpu, or auto (the GPU when "
            "one can be used) [default: auto, or $SCLC_QA_BUILD_DEVICE].",
        ),
    ] = None,
) -> None:
    """Parse, chunk and embed the corpus into the index (about 8 s on 2 CPU cores).

    \b
    Examples:
      sclc-qa build
      sclc-qa --index-dir /tmp/index build
      sclc-qa build --device cuda
    """
    from .engine import Engine

    settings = _settings(ctx)
    if device is not None:
        settings = settings.model_copy(update={"build_device": device})
    manifest = Engine.build(
        settings,
        # A progress bar in a CI log is one very long line; show it only to a person.
        progress=sys.stderr.isatty(),
        on_step=lambda step: typer.echo(f"  {step}", err=True),
    )
    n = manifest.counts
    typer.echo(
        f"built {settings.index_dir}/: {_plural(n.documents, 'document')}, "
        f"{_plural(n.sections, 'section')}, {_plural(n.chunks, 'chunk')}, "
        f"{_plural(n.sentences, 'sentence')} in {manifest.build_seconds:.1f} s"
    )


@app.command()
def ask(
    ctx: typer.Context,
    question: Annotated[str, typer.Argument(help="A question about the review.")],
    json_: Annotated[bool, typer.Option("--json", help="Print the Answer as JSON.")] = False,
    top_k: Annotated[
        int,
        typer.Option(
            help="Passages to consider and citations to show "
            "(at most 50, or $SCLC_QA_ANSWER__MAX_TOP_K)."
        ),
    ] = 5,
    doc: Annotated[list[str] | None, _DOC_OPTION] = None,
) -> None:
    """Answer a question with a verbatim span from the documents and its citations.

    Prints the answer (or `No answer: <reason>`), the confidence, then one line per
    citation: [document › section title] "quote" (Markdown shown without its markup). When
    documents give different figures for the same fact, each one is listed with its source.

    \b
    Examples:
      sclc-qa ask "What was the OS hazard ratio in CASPIAN?"
      sclc-qa ask "Which trial tested serplulimab?" --top-k 3
      sclc-qa ask "What does DLL3 stand for?" --json | jq .citations[0].quote
      sclc-qa --corpus-dir mydocs ask "Median OS with osimertinib?" --doc nsclc-pdq
    """
    _check_request(_settings(ctx), question, top_k)
    answer = _engine(ctx).ask(question, top_k=top_k, docs=doc)
    if json_:
        typer.echo(answer.model_dump_json(indent=2))
        return
    _print_answer(answer)


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="What to look for.")],
    json_: Annotated[bool, typer.Option("--json", help="Print the passages as JSON.")] = False,
    top_k: Annotated[
        int, typer.Option(help="How many passages (at most 50, or $SCLC_QA_ANSWER__MAX_TOP_K).")
    ] = 5,
    mode: Annotated[
        SearchMode, typer.Option(case_sensitive=False, help="Which retriever ranks passages.")
    ] = "hybrid",
    doc: Annotated[list[str] | None, _DOC_OPTION] = None,
) -> None:
    """Show the passages that best match a query, best first, with their scores.

    \b
    Examples:
      sclc-qa search "tarlatamab DLL3"
      sclc-qa search "CASPIAN overall survival" --mode lexical --top-k 10
      sclc-qa search "trilaciclib myelopreservation" --json
      sclc-qa search "durvalumab" --doc es-sclc-immunotherapy-review
    """
    _check_request(_settings(ctx), query, top_k)
    passages = _engine(ctx).search(query, top_k=top_k, mode=mode, docs=doc)
    if json_:
        typer.echo(json.dumps([p.model_dump(mode="json") for p in passages], indent=2))
        return
    for p in passages:
        typer.echo(f"{p.score:6.3f}  {where(p)}  {shorten(p.display or p.text, PREVIEW_CHARS)}")


@app.command()
def sections(
    ctx: typer.Context,
    json_: Annotated[bool, typer.Option("--json", help="Print the sections as JSON.")] = False,
) -> None:
    """List every section of the indexed documents with its block and chunk counts.

    Fails (exit 1) when the index is missing or stale, so scripts use it as a check.

    \b
    Examples:
      sclc-qa sections
      sclc-qa sections --json
    """
    rows = _engine(ctx).sections()
    if json_:
        typer.echo(json.dumps([s.model_dump(mode="json") for s in rows], indent=2))
        return
    width = max((len(s.section) for s in rows), default=7)
    doc = None
    for s in rows:
        if s.doc != doc:
            doc = s.doc
            typer.echo(f"{doc}\n  {'section':<{width}}  blocks  chunks  title")
        typer.echo(f"  {s.section:<{width}}  {s.blocks:>6}  {s.chunks:>6}  {s.title}")


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Interface to listen on (0.0.0.0: all).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            max=32,
            help="Server processes, forked with one engine the supervisor loads; one per core "
            "for throughput [default: 2].",
        ),
    ] = None,
    threads: Annotated[
        int | None,
        typer.Option(min=1, max=64, help="Questions each process answers at once [default: 2]."),
    ] = None,
    log_questions: Annotated[
        bool, typer.Option("--log-questions", help="Put question text in the request log.")
    ] = False,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            help="Answer only requests for this Host (no port; *.example.org for subdomains); "
            "repeat for several; others get 400 "
            "[default: any, or $SCLC_QA_SERVICE__ALLOWED_HOSTS].",
        ),
    ] = None,
) -> None:
    """Serve the HTTP API, the OpenAI-compatible chat endpoint and the chat page.

    The index and model load once (about a second); /readyz is 200 with the index build once
    questions can be answered. Every worker serves the build verified at start; a rebuild is
    served after SIGHUP (verified, then all workers replaced) or a restart. Logs
    are JSON lines on stderr. Ctrl+C or SIGTERM stops it.

    \b
    Examples:
      sclc-qa serve                         # http://127.0.0.1:8000/ (chat page), /docs (API)
      sclc-qa serve --host 0.0.0.0 --port 8080
      sclc-qa serve --workers 1             # one process: half the memory and throughput
      sclc-qa serve --host 0.0.0.0 --allowed-host qa.example.org --allowed-host localhost
    """
    settings = _settings(ctx)
    given = {
        "processes": workers,
        "threads": threads,
        "log_questions": log_questions or None,
        "allowed_hosts": allowed_host or None,
    }
    service = service_settings(settings, {k: v for k, v in given.items() if v})
    run_service(settings.model_copy(update={"service": service}), host=host, port=port)


app.command("eval")(eval_)  # `cli_eval` defines it; registered here, after `serve`


def _print_answer(answer: Answer) -> None:
    if answer.abstained or answer.answer is None:
        typer.echo(f"No answer: {one_line(answer.reason or 'no supporting passage found')}")
    else:
        typer.echo(one_line(answer.display or answer.answer))
    typer.echo(f"confidence {answer.confidence:.2f} ({answer.timing_ms:.0f} ms)")
    for i, c in enumerate(answer.citations):
        # Show the first quote around the answer span, which may sit far into a long sentence.
        shown = c.display or c.quote
        focus = None
        if i == 0 and answer.display and answer.display in shown:
            at = shown.index(answer.display)
            focus = (at, at + len(answer.display))
        typer.echo(f'[{where(c)}] "{shorten(shown, QUOTE_CHARS, focus=focus)}"')
    if answer.alternatives:
        typer.echo(one_line(answer.note or "The sources disagree."))
        for alt in answer.alternatives:
            c = alt.citation
            typer.echo(f'  {one_line(alt.display)}  [{where(c)}] "{shorten(c.display, 120)}"')


def _check_request(settings: Settings, text: str, top_k: int) -> None:
    """Refuse a blank or over-long question or an out-of-range --top-k at once, by the
    settings' limits (the engine's and the HTTP API's), before the engine spends seconds
    loading."""
    if not text.strip():
        raise bad_input(
            "the question is empty; ask something, e.g. 'What was the OS HR in CASPIAN?'"
        )
    limit = settings.answer.max_question_chars
    length = len(one_line(text))  # as the engine counts: runs of white space as one
    if length > limit:
        raise bad_input(f"the question is {length} characters long; the limit is {limit}")
    if not 1 <= top_k <= settings.answer.max_top_k:
        raise bad_input(f"--top-k must be between 1 and {settings.answer.max_top_k}, got {top_k}")


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def main() -> None:
    """The `sclc-qa` console script."""
    app()
