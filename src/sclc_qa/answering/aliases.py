"""Another name for something: "X is also known as which CD molecule?", "what are X commonly
called?". The text gives one by a naming phrase after the thing ("Zeta-1, also called CD999",
"tumours of the apex, frequently termed Zentoma tumours"); the answer is the name it gives.
"""

from __future__ import annotations

import dataclasses
import re

from ..abbreviations import singular
from ..lexical import stem, tokenize
from ..other_names import NAMING
from ..question import Profile

__all__ = ["alias_span", "asks_alias"]

# A question that asks for another name of what it names.
_ASKS = re.compile(
    r"\balso (?:known as|called|named|termed|goes by|referred to as)\b|"
    r"\b(?:other|another|alternative|alternate)\s+(?:[\w-]+\s+)?(?:names?|designations?|terms?)\b|"
    r"\b(?:commonly|usually|often|frequently|otherwise|generally)\s+(?:called|known|termed|named)\b|"
    r"\bgoes by\b|\baka\b",
    re.I,
)
# The name of a subject stands this close before the phrase that names it again.
_SUBJECT_REACH = 80
_MAX_WORDS = 6


def asks_alias(question: str) -> bool:
    return _ASKS.search(question) is not None


def alias_span(text: str, prof: Profile) -> tuple[int, int] | None:
    """The other name `text` gives for the question's subject: its names, else its own words,
    written shortly before the naming phrase; None when no such phrase follows the subject.
    Asked for several names' ("for A and B"), the span from the first one's to the last's,
    when the text gives each."""
    if len(prof.names) > 1:
        each = [_alias_of(text, dataclasses.replace(prof, names=(n,))) for n in prof.names]
        if all(each):
            spans = [e for e in each if e is not None]
            return min(s for s, _ in spans), max(e for _, e in spans)
    return _alias_of(text, prof)


def _alias_of(text: str, prof: Profile) -> tuple[int, int] | None:
    cue_free = _ASKS.sub(" ", prof.text)
    subject_words = {t for t in tokenize(cue_free) if t.isalpha() and len(t) > 2}
    hint = prof.target.lower() if prof.target else ""
    best: tuple[tuple[int, int, int], tuple[int, int]] | None = None
    for m in NAMING.finditer(text):
        name = m.group("name").strip()
        if not name or len(name.split()) > _MAX_WORDS:
            continue
        before = text[max(0, m.start() - _SUBJECT_REACH) : m.start()]
        if prof.names:
            # A plural abbreviation ("ZCLs") names what its singular does.
            forms = {f for n in prof.names for f in (n, singular(n))}
            near = [before.rfind(f) for f in forms if f in before]
            if not near:
                continue
            distance = len(before) - max(near)
        else:
            said = [w for w in re.findall(r"[A-Za-z]+", before) if stem(w.lower()) in subject_words]
            if len(said) < min(2, len(subject_words)):
                continue
            distance = 0
        if name in prof.text:
            continue  # the question's own name is not the other one
        # "which CD molecule?": a name that opens with the hint the question gives of it first.
        hinted = 0 if _hinted(name, prof.asked_about, hint) else 1
        key = (hinted, distance, m.start("name"))
        if best is None or key < best[0]:
            best = key, (m.start("name"), m.start("name") + len(name))
    return None if best is None else best[1]


def _hinted(name: str, asked_about: str, target: str) -> bool:
    """Whether the name starts with a word the question puts before what it asks ("CD")."""
    words = [w for w in asked_about.split() if w.lower() != target]
    return any(name.lower().startswith(w.lower()) for w in words if len(w) > 1)
