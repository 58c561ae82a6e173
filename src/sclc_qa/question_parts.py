"""The separate questions one question asks: "When was X approved, where, and for which
cancer?" asks a time, a place and a name. Each part is classified like a question of its own;
a question whose parts ask things of different kinds is answered by the statement that gives
them all, not by the one figure or name its first part asks."""

from __future__ import annotations

import re
from functools import lru_cache

from .domain import domain
from .mentions import written
from .question import Profile, profile

__all__ = ["asked_parts", "asks_different_things", "coordinated"]

_AUXILIARY = r"(?:did|was|were|is|are|does|do|has|have|had|will|would|could|can|should)"
_PREPOSITION = r"(?:(?:in|for|at|by|to|from|of|on|with|against)\s+)?"
# An adverb before a part's question word: "…, and roughly what share …?".
_ADVERB = r"(?:(?:roughly|approximately|about|also|then|exactly|precisely|typically)\s+)?"
# A part opens with a question word. "When"/"where" open a question only before an auxiliary
# or on their own ("approved where, when, and …"); "When X binds Y, which …?" opens a clause.
_OPENS_PART = re.compile(
    _ADVERB + _PREPOSITION + r"(?:what|which|who|whom|whose|why|how)\b"
    r"|(?:when|where)\b(?=\s+" + _AUXILIARY + r"\b|\s*(?:,|$|and\b))",
    re.I,
)
# A sentence of the question opens a part of its own with an auxiliary ("Did X improve OS?") or
# an imperative ("Give the HR and P value.").
_OPENS_SENTENCE = re.compile(
    r"(?:" + _AUXILIARY + r"|give|report|state|list|name|provide|quote)\b", re.I
)
# Where one part ends and the next begins: a comma, or "and"/"or" before a question word.
_BETWEEN_PARTS = re.compile(
    r",\s*(?:(?:and|or)\s+)?"
    r"|\s+(?:and|or)\s+(?=" + _PREPOSITION + r"(?:what|which|who|whom|whose|why|how|when|where)\b)",
    re.I,
)
# Kinds that are figures: several of them in one question ("what dose, and for how long?")
# are each found by their own grammar beside the main one (question.Profile.also).
_FIGURE_KINDS = frozenset(
    {"hr", "ci", "pvalue", "duration", "difference", "percent", "count", "dose", "age", "cost"}
)


@lru_cache(maxsize=4096)
def asked_parts(question: str) -> tuple[str, ...]:
    """What each part of `question` that opens with a question word asks: its answer kind,
    or for a name the class of name ("entity:drug", "entity:place"; the asked noun when the
    class is not one the domain knows)."""
    kinds = []
    sentences = [t.strip() for t in re.split(r"\?\s+(?=\w)|\.\s+(?=[A-Z])", question.strip())]
    parts = [
        part.strip().rstrip("?.").strip()
        for sentence in sentences
        for part in _BETWEEN_PARTS.split(sentence)
    ]
    for part in parts:
        opens = _OPENS_PART.match(part) or (len(sentences) > 1 and _OPENS_SENTENCE.match(part))
        if not part or not opens:
            continue
        asked = profile(part + "?")
        if asked.kind == "entity":
            kinds.append("entity:" + (domain().entity_class(asked.target) or asked.target))
        else:
            kinds.append(asked.kind)
    return tuple(kinds)


def asks_different_things(question: str) -> bool:
    """Whether `question` asks, in separate parts, for things of different kinds, not all
    figures: a name and a year, a place and a time, a name and a rate."""
    kinds = set(asked_parts(question))
    return len(kinds) > 1 and not kinds <= _FIGURE_KINDS


# Plain lower-case words that may follow a coordinated name before "and" ("ZRK1 gene fusions
# and ZRK2 fusions"), at most.
_NAME_TAIL = 2


# What joins two coordinated names: their plain tail words, an optional comma, "and".
_JOINED = re.compile(rf"(?:\s+[a-z-]+){{0,{_NAME_TAIL}}},?\s+and\s+(?:the\s+)?")


@lru_cache(maxsize=1024)
def _coordinated(text: str, names: tuple[str, ...]) -> tuple[str, ...]:
    # Where each name stands whole (`written`: compiled once a name), then which name's
    # end runs into another's start through `_JOINED`: one pattern, not one per pair of names.
    starts = {n: [m.start() for m in written(n).finditer(text)] for n in dict.fromkeys(names)}
    out: list[str] = []
    for a, a_at in starts.items():
        for b, b_at in starts.items():
            if a == b:
                continue
            if any(_JOINED.fullmatch(text, i + len(a), j) for i in a_at for j in b_at if j > i):
                out += [n for n in (a, b) if n not in out]
    return tuple(out)


def coordinated(prof: Profile) -> tuple[str, ...]:
    """The names a question asks about side by side, each its own subject: "How common are
    ZRK1 fusions and ZRK2 fusions?" → ZRK1, ZRK2 (each may be stated in a sentence of its
    own); not "zentamab in ZENITH-1", one subject, nor "A or B", a choice between them
    (read by the comparison of their figures)."""
    return _coordinated(prof.text, prof.names)
