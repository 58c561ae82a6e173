"""What a question sets a treatment it names against ("which trial compared zentamab with
quellpuncture?"), when no document uses the other side's words: no passage compares with it,
and the abstention names it, decided before any passage is weighed (as `unheard` does for a
class, a condition or a group)."""

from __future__ import annotations

import re
from itertools import takewhile

from ..lexical import STOPWORDS
from ..question import Profile
from ..vocabulary import Vocabulary
from .unheard import people_word, readable_word, unheard_word

__all__ = ["unheard_comparator"]

# What a named treatment is set against: "compared zentamab with quellpuncture", "zentamab
# versus quellpuncture": the side before the joining word (which must hold a name the question
# asks) and the other side's words, past an article, to three.
_COMPARATOR = re.compile(
    r"\bcompar(?:ed|ing|es?)\s+(?P<left>[^?.;:]*?)\s+(?:with|against)\s+"
    r"(?:(?:the|an?|any)\s+)?(?P<right>[a-z]+(?:\s+[a-z]+){0,2})"
    r"|(?P<before>[\w-]+)\s+(?:compared\s+(?:with|to)|versus|vs\.?)\s+"
    r"(?:(?:the|an?|any)\s+)?(?P<other>[a-z]+(?:\s+[a-z]+){0,2})",
    re.I,
)
_WORD = re.compile(r"[\w-]+")


def unheard_comparator(prof: Profile, vocab: Vocabulary) -> str:
    """The other side's words when none of them is one a document uses ("which trial compared
    zentamab with quellpuncture?"); "" when none. Only a side set against a name the question
    asks is read ("compared with nonsmokers, how much …" sets people against people), and a
    word a document writes longer or shorter is heard ("chemo", "chemotherapy"), as is one in
    any spelling; a word of the side heard makes the side heard ("ordinary primary zetosis")."""
    asked = {w.lower() for n in prof.names for w in _WORD.findall(n)}
    for m in _COMPARATOR.finditer(prof.text):
        left, right = (m["left"], m["right"]) if m["right"] else (m["before"], m["other"])
        if not asked & {w.lower() for w in _WORD.findall(left)}:
            continue
        words = list(takewhile(lambda w: w not in STOPWORDS, right.lower().split()))
        if not words or people_word(words[0]):
            continue  # "compared with someone who never smoked": people, not a treatment
        read = [w for w in words if readable_word(w)]
        if read and all(unheard_word(w, vocab) for w in read):
            return " ".join(words)
    return ""
