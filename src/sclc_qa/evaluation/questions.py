"""Question files: one JSON object a line, read into typed questions and named splits.

Two schemas share one model. The review's first questions carry no `doc` (they predate the
second document, so they are about the review) and no `parts`, `evidence` or `note`; the newer
ones carry all of them. A split named `test`, or read from a file named `test.jsonl`, is frozen:
its report keeps totals only, never a per-question result (see EVAL-GUIDE.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..errors import SclcQaError

__all__ = [
    "CATEGORIES",
    "DEFAULT_DOC",
    "FROZEN_FILES",
    "Category",
    "EvalQuestion",
    "Split",
    "load_questions",
    "load_split",
]

Category = Literal[
    # the review's first question file
    "numeric",
    "entity",
    "table",
    "glossary",
    "mechanism",
    "paraphrase",
    "comparison",
    "unanswerable",
    # the multi-document schema adds these
    "definition",
    "list",
    "yesno",
    "multipart",
]
CATEGORIES: tuple[Category, ...] = Category.__args__  # type: ignore[attr-defined]

# The document a question without a `doc` field is about: the old file was written on the review
# alone, when it was the only document.
DEFAULT_DOC = "es-sclc-immunotherapy-review"
# File names whose questions are frozen held-out tests, whatever the split is called.
FROZEN_FILES = frozenset({"test.jsonl"})
FROZEN_SPLITS = frozenset({"test"})


class EvalQuestion(BaseModel):
    """One question with its gold: any of `answers` counts; every one of `parts` must appear for
    a fully right multipart answer; `sections` are section ids (`4.1.1`) or heading paths
    (`A > B > C`) of `doc`; `evidence` are exact strings of the sentence or row that answers."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    question: str = Field(min_length=1)
    answerable: bool
    doc: str = DEFAULT_DOC
    sections: tuple[str, ...] = ()
    answers: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    category: Category
    note: str = ""


class Split(BaseModel):
    """A named question set (`dev`, `test`) and whether it is frozen."""

    model_config = ConfigDict(frozen=True)

    name: str = Field(min_length=1)
    file: str = Field("", description="Where the questions were read from, for the report.")
    questions: tuple[EvalQuestion, ...]
    frozen: bool = Field(
        False, description="A held-out split: its report keeps totals, never a question's result."
    )

    @model_validator(mode="before")
    @classmethod
    def _test_is_always_frozen(cls, data: Any) -> Any:
        # No caller can unfreeze the test split: its name or its file name freezes it.
        if isinstance(data, dict) and (
            data.get("name") in FROZEN_SPLITS
            or Path(str(data.get("file", ""))).name in FROZEN_FILES
        ):
            return {**data, "frozen": True}
        return data


def load_questions(path: Path) -> list[EvalQuestion]:
    """Read a JSONL question file; one clear error for the first bad line."""
    if not path.is_file():
        raise SclcQaError(f"question file {path} does not exist")
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(EvalQuestion.model_validate_json(line))
        except ValidationError as exc:
            first = exc.errors()[0]
            raise SclcQaError(
                f"{path}:{n}: {first['msg']} at {'.'.join(map(str, first['loc'])) or 'line'}"
            ) from exc
    if not out:
        raise SclcQaError(f"question file {path} holds no questions")
    seen: set[str] = set()
    for q in out:
        if q.id in seen:
            raise SclcQaError(f"{path}: question id {q.id!r} appears twice")
        seen.add(q.id)
    return out


def load_split(name: str, path: Path, *, frozen: bool = False) -> Split:
    """Read `path` as the split `name`; `test`, or a file named `test.jsonl`, is always frozen."""
    return Split(name=name, file=str(path), questions=tuple(load_questions(path)), frozen=frozen)
