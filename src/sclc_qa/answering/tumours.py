"""The kinds of tumour a question and a sentence name by their "-oma" words: a figure for thymic
carcinoma does not answer for thymoma, nor one for a zentoma for a quelloma."""

from __future__ import annotations

import re

from ..domain import domain
from ..lexical import STOPWORDS

__all__ = ["other_tumour", "tumours"]

_OMA = re.compile(r"\b([a-z]+oma)s?\b")
# Heads that a word before them narrows ("zetic carcinoma", "squamous cell carcinoma").
_GENERIC = domain().narrowed_tumour_heads
_WORD = re.compile(r"([a-z][a-z-]*)\s+$")


def tumours(text: str) -> frozenset[tuple[str, ...]]:
    """Each tumour kind `text` names, as its words ("thymoma",) or ("thymic", "carcinoma")."""
    low = text.lower()
    out: set[tuple[str, ...]] = set()
    for m in _OMA.finditer(low):
        words = [m.group(1)]
        if m.group(1) in _GENERIC:
            before = low[: m.start()]
            for _ in range(2):
                w = _WORD.search(before)
                if w is None or w.group(1) in STOPWORDS:
                    break
                words.insert(0, w.group(1))
                before = before[: w.start()]
        out.add(tuple(words))
    return frozenset(out)


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One names the other: a kind and a narrower one ("carcinoma", "thymic carcinoma"), or
    one head within the other ("carcinoma" in "adenocarcinoma")."""
    if set(a) <= set(b) or set(b) <= set(a):
        return True
    return a[-1] in b[-1] or b[-1] in a[-1]


def other_tumour(question: str, texts: list[str]) -> tuple[str, str] | None:
    """(the tumour kinds asked, those the sentence names instead) when each names some and
    none of the sentence's is one of the question's; None otherwise. `texts` are the sentence
    and then what comes before it, nearest first: the first that names a kind says which."""
    asked = tumours(question)
    stated = next((found for t in texts if (found := tumours(t))), frozenset())
    if not asked or not stated or any(_compatible(a, s) for a in asked for s in stated):
        return None
    return _named(asked), _named(stated)


def _named(kinds: frozenset[tuple[str, ...]]) -> str:
    return " or ".join(sorted(" ".join(k) for k in kinds))
