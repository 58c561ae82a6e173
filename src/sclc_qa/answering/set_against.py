"""What a question sets a treatment against ("which trial compared zentamab with
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

# What a treatment is set against: "compared zentamab with quellpuncture", "zentamab versus
# quellpuncture", "compared with quellpuncture, …": the other side's words, past an article, to
# three.
_COMPARATOR = re.compile(
    r"(?:\bcompar(?:ed|ing|es?)\s+[^?.;:]*?\s+(?:with|against)|"
    r"\b(?:compared?\s+(?:with|to)|versus|vs\.?))\s+"
    r"(?:(?:the|an?|any)\s+)?(?P<other>[a-z]+(?:\s+[a-z]+){0,2})",
    re.I,
)
# Words that open no other side: "compared outcomes with respect to X", "with vs without X".
_NO_SIDE = frozenset({"respect", "regard", "reference", "without", "those", "baseline"})


def unheard_comparator(prof: Profile, vocab: Vocabulary) -> str:
    """The other side's words when none of them is one a document uses ("which trial compared
    zentamab with quellpuncture?"); "" when none. People are no side ("compared with someone
    who never smoked"), nor a purpose after "to" ("compared X to determine …") or "with respect
    to"; a word a document writes longer or with an ending more is heard ("chemo",
    "chemotherapies"), as is one in any spelling; a word of the side heard makes the side heard
    ("ordinary primary zetosis")."""
    for m in _COMPARATOR.finditer(prof.text):
        words = list(takewhile(lambda w: w not in STOPWORDS, m["other"].lower().split()))
        if not words or people_word(words[0]) or words[0] in _NO_SIDE:
            continue  # "compared with someone who never smoked": people, not a treatment
        read = [w for w in words if readable_word(w)]
        if read and all(unheard_word(w, vocab) for w in read):
            return " ".join(words)
    return ""
