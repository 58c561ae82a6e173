"""How the `sclc-qa` command reports failure: one `error: …` line on stderr and an exit code
(2 for input the user can fix, 1 for everything else, 130 for Ctrl+C).

Its own module so that `cli.py` and `cli_serve.py` fail the same way without importing each
other.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperGroup

from .errors import InvalidQueryError, SclcQaError
from .formatting import one_line

__all__ = ["ErrorsOnOneLine", "bad_input"]


class ErrorsOnOneLine(TyperGroup):
    """Turns usage errors and library errors into one `error: …` line and an exit code."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            code = super().main(
                args,
                prog_name,
                complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
        except typer.TyperException as exc:  # usage errors: bad option, missing argument, …
            message = exc.format_message().rstrip(".")
            ctx = getattr(exc, "ctx", None)
            hint = f"; see `{ctx.command_path} --help`" if ctx is not None else ""
            code = _fail(message + hint, exc.exit_code)
        except typer.Abort:
            code = _fail("interrupted", 130)
        except InvalidQueryError as exc:
            code = _fail(str(exc), 2)
        except SclcQaError as exc:
            code = _fail(str(exc), 1)
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


def _fail(message: str, code: int) -> int:
    typer.echo(f"error: {one_line(message)}", err=True)
    return code


def bad_input(message: str) -> typer.Exit:
    """Print `error: …` and return the exit (code 2) to raise, for input the user can fix."""
    return typer.Exit(_fail(message, 2))
