"""The names a sentence holds, as spans: drugs, trials, genes and proper nouns (`mentions`'s
grammar), and people, as "X et al." or named with a degree ("Zeta Quell, MD").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .mentions import named_tokens
from .spans import Span

__all__ = ["names"]

# A person named with a degree after the name: "Zeta Quell, MD", "Eta R. Vale, PhD, MPH".
_CREDENTIALED = re.compile(
    r"\b([A-Z][a-z']+(?:\s[A-Z]\.)?(?:\s(?:[a-z]{2,3}\s)?[A-Z][a-z']+(?:-[A-Z][a-z']+)?){1,2}),\s"
    r"(?:MD|PhD|MBBS|MPH|DO|RN|PharmD|FRCPC|FACP|MSc|MS|DrPH|ScD)\b"
)


# A word marked as a brand: "zetascan®", "Quellix™".
_TRADEMARKED = re.compile(r"(?<![\w-])[\w-]*[^\W\d_][\w-]*[®™]")


def names(text: str) -> list[Span]:
    """Named things in a sentence (drugs, trials, genes, proper nouns), with "X et al." authors."""
    return list(_named(text))


@lru_cache(maxsize=1 << 13)
def _named(text: str) -> tuple[Span, ...]:
    out: list[Span] = []
    pos = 0
    for name in named_tokens(text):
        i = text.find(name, pos)
        if i < 0:
            i = text.find(name)
            if i < 0:
                continue
        out.append(Span(i, i + len(name), "name"))
        pos = i + len(name)
    for m in re.finditer(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s|\u00a0)et(?:\s|\u00a0)al\.", text):
        out.append(Span(m.start(), m.end(), "author"))
    for m in _CREDENTIALED.finditer(text):  # "Zeta Quell, MD (…)": a person, as an author is
        out.append(Span(m.start(1), m.end(1), "author"))
    for m in re.finditer(r"\b[a-z]+\d+[a-z0-9]*\b", text):  # nmf3, mtDNA-like lower-case ids
        out.append(Span(m.start(), m.end(), "name"))
    for m in _TRADEMARKED.finditer(text):  # "zetascan®": a brand, whatever its case
        if not any(s.start <= m.start() < s.end for s in out):
            out.append(Span(m.start(), m.end(), "name"))
    return tuple(sorted(out, key=lambda s: s.start))
