"""The scoring rules of EVAL-GUIDE.md, as pure functions of one question and one answer or
passage list: normalising, whole-figure matching, section and heading-path matching, correctness,
multipart answers and retrieval relevance."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lexical import normalize
from ..models import Answer, Citation, Passage
from .questions import EvalQuestion

__all__ = [
    "cited_in_gold",
    "contains_figure",
    "first_relevant_rank",
    "is_correct",
    "normalize_answer",
    "normalize_path",
    "parts_found",
    "passage_relevant",
    "section_matches",
]

_EMPHASIS = re.compile(r"[*_]")
_PATH_SEPARATOR = re.compile(r"\s*>\s*")


# Answers are compared under the one normalisation the retrieval and answer steps use (NFKC,
# lower case, every Unicode dash or minus as "-", whitespace collapsed).
normalize_answer = normalize


def normalize_path(path: str) -> str:
    """A heading path `A > B > C` as compared: normalised, Markdown emphasis (`*EGFR*`, `_x_`)
    removed, one space either side of each `>`."""
    return " > ".join(_PATH_SEPARATOR.split(normalize_answer(_EMPHASIS.sub("", path))))


def _joins(c: str) -> bool:
    """Would `c` next to a figure make it part of a longer one ("12.5" around "2.5")?"""
    return c.isalnum() or c == "."


def contains_figure(text: str, figure: str) -> bool:
    """Does `text` hold `figure` whole, after normalising both?

    Whole: no letter, digit or "." just before it, and no letter or digit just after it, nor a
    "." that a letter or digit follows (a full stop ending the sentence is no part of a figure).
    An edge of `figure` that is itself no letter, digit or "." ("(HR 0.7)") needs no boundary.
    So "2.5 months" is not in "12.5 months", "0.7" not in "0.73", "1" not in "1.5", but "0.73"
    is in "HR = 0.73." and in "0.54-0.73".
    """
    t, f = normalize_answer(text), normalize_answer(figure)
    if not f:
        return False
    at = t.find(f)
    while at != -1:
        end = at + len(f)
        clear_before = not _joins(f[0]) or at == 0 or not _joins(t[at - 1])
        clear_after = (
            not _joins(f[-1])
            or end == len(t)
            or not (
                t[end].isalnum() or (t[end] == "." and end + 1 < len(t) and t[end + 1].isalnum())
            )
        )
        if clear_before and clear_after:
            return True
        at = t.find(f, at + 1)
    return False


def section_matches(gold: str, section: str, path: Sequence[str]) -> bool:
    """A gold section names a cited or retrieved one: by its id (`4.1.1`, `glossary`), or by
    its heading path (`A > B > C`, as written in the Markdown) against the section's path."""
    if gold == section:
        return True
    return bool(path) and normalize_path(gold) == normalize_path(" > ".join(path))


def _holds_evidence(q: EvalQuestion, text: str) -> bool:
    got = normalize_answer(text)
    return any(normalize_answer(e) in got for e in q.evidence if e.strip())


def cited_in_gold(q: EvalQuestion, citation: Citation) -> bool:
    """The citation is in the question's document and a gold section, or quotes gold evidence."""
    in_section = citation.doc == q.doc and any(
        section_matches(g, citation.section, citation.path) for g in q.sections
    )
    return in_section or _holds_evidence(q, citation.quote)


def _unstopped(gold: str) -> str:
    """A gold string without the full stop (or comma, colon, semicolon) that ends the sentence
    it was copied from: an answer ending at "… with lung cancer" holds "… with lung cancer."."""
    return gold.rstrip(" .,;:") or gold


def is_correct(q: EvalQuestion, a: Answer) -> bool:
    """Right for its question: an unanswerable one abstains; an answerable one gives a gold
    answer as a whole figure, inside the first citation's quote, cited in the right place.

    A gold string's closing full stop is no part of it. For a question with `parts`, an answer
    holding every part whole is also a gold answer: "60% … and 8% …" answers "5-year PFS with
    Z vs Q?" as fully as the longer gold sentence it was cut from, and counting it wrong would
    teach the confidence model to doubt complete answers."""
    if not q.answerable:
        return a.abstained
    if a.abstained or a.answer is None or not a.citations:
        return False
    first = a.citations[0]
    gold = any(contains_figure(a.answer, _unstopped(g)) for g in q.answers)
    gold = gold or bool(parts_found(q, a))
    return (
        gold
        and normalize_answer(a.answer) in normalize_answer(first.quote)
        and cited_in_gold(q, first)
    )


def parts_found(q: EvalQuestion, a: Answer, *, alternatives: bool = False) -> bool | None:
    """For a question with `parts`: does every part appear whole in the answer (or, with
    `alternatives`, in the answer or one of the other documents' alternatives)? None without
    parts; False after an abstention."""
    if not q.parts:
        return None
    if a.abstained or a.answer is None:
        return False
    texts = [a.answer, *(alt.answer for alt in a.alternatives)] if alternatives else [a.answer]
    return all(any(contains_figure(t, part) for t in texts) for part in q.parts)


def passage_relevant(q: EvalQuestion, p: Passage) -> bool:
    """A retrieved passage is relevant when it is in a gold section of the question's document,
    or when its text holds a gold evidence string."""
    in_section = p.doc == q.doc and any(section_matches(g, p.section, p.path) for g in q.sections)
    return in_section or _holds_evidence(q, p.text)


def first_relevant_rank(q: EvalQuestion, passages: Sequence[Passage]) -> int | None:
    """1-based rank of the first relevant passage, or None."""
    return next((i for i, p in enumerate(passages, 1) if passage_relevant(q, p)), None)
