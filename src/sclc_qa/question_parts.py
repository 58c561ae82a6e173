"""The separate questions one question asks: "When was X approved, where, and for which
cancer?" asks a time, a place and a name. Each part is classified like a question of its own;
a question whose parts ask things of different kinds is answered by the statement that gives
them all, not by the one figure or name its first part asks."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .domain import domain
from .lexical import STOPWORDS
from .mentions import written
from .question import Profile, profile
from .question_kinds import FIGURE_KINDS

__all__ = [
    "asked_parts",
    "asks_different_things",
    "coordinated",
    "coordinated_phrases",
    "part_questions",
]

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


def _split(question: str) -> tuple[list[str], list[str]]:
    """The question's sentences, and its parts: each sentence split where a part ends."""
    sentences = [t.strip() for t in re.split(r"\?\s+(?=\w)|\.\s+(?=[A-Z])", question.strip())]
    parts = [
        part.strip().rstrip("?.").strip()
        for sentence in sentences
        for part in _BETWEEN_PARTS.split(sentence)
    ]
    return sentences, parts


@lru_cache(maxsize=1024)
def part_questions(question: str) -> tuple[str, ...]:
    """The parts of a question that asks several things in turn ("X: the remission rate, and
    how much zentic infection?"), each as written, when a part after the first opens with a
    question word; () when it asks one thing."""
    _, parts = _split(question)
    # A part that neither opens with a question word nor names an endpoint sets the scene
    # ("Two years on, what share …?"): it asks nothing of its own.
    asking = [p for p in parts if p and (_OPENS_PART.match(p) or profile(p + "?").endpoints)]
    if len(asking) < 2 or not any(_OPENS_PART.match(p) for p in asking[1:]):
        return ()
    return tuple(asking)


@lru_cache(maxsize=4096)
def asked_parts(question: str) -> tuple[str, ...]:
    """What each part of `question` that opens with a question word asks: its answer kind,
    or for a name the class of name ("entity:drug", "entity:place"; the asked noun when the
    class is not one the domain knows)."""
    kinds = []
    sentences, parts = _split(question)
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
    return len(kinds) > 1 and not kinds <= FIGURE_KINDS


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


# How many words a coordinated plain phrase may run to on either side of its "and".
_PHRASE_WORDS = 4
# A word a plain phrase is made of: no number, no bracket, no quote.
_PLAIN_WORD = re.compile(r"[A-Za-z][\w-]*")


@lru_cache(maxsize=1024)
def coordinated_phrases(question: str) -> tuple[tuple[str, ...], ...]:
    """The plain phrases a question joins by commas and "and" as the things it asks a figure
    of each of ("how often were zentic pain and visual loss seen?", "at local, regional and
    distant stage?"): for each "and", its items from the first to the last, the first and the
    last at each length they may have, the longest first. Where the text labels a figure with
    each ("zentic pain (63%), …, visual loss (61%)"), all are answered."""
    out: list[tuple[str, ...]] = []
    for m in re.finditer(r"\s+and\s+", question):
        items: list[list[str]] = []
        for piece in reversed(question[: m.start()].split(",")):
            words = piece.split()
            item = _phrase(reversed(words), leftward=True)
            if not item:
                break
            items.insert(0, item[::-1])
            if len(item) < len(words):
                break  # the item is the end of a clause: the list starts with it
        right = _phrase(question[m.end() :].split(), leftward=False)
        if not items or not right:
            continue
        middle = tuple(" ".join(item) for item in items[1:])
        firsts = [" ".join(items[0][i:]) for i in range(len(items[0]))]
        lasts = [" ".join(right[: i + 1]) for i in range(len(right))][::-1]
        out += [(a, *middle, b) for a in firsts for b in lasts]
    return tuple(out)


def _phrase(words: Iterable[str], leftward: bool) -> list[str]:
    """The plain words read from `words` (nearest the "and" first) up to the first that is a
    stopword or no plain word, or that a comma or the question's end closes off: read
    leftward, a word with a comma after it is not taken; read rightward, it is the last."""
    phrase: list[str] = []
    for word in words:
        bare = word.strip(",;:?.")
        closed = bare != word.lstrip("(")
        if not _PLAIN_WORD.fullmatch(bare) or bare.lower() in STOPWORDS or (leftward and closed):
            break
        phrase.append(bare)
        if closed or len(phrase) == _PHRASE_WORDS:
            break
    return phrase
