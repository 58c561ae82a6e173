"""The things a question's own verb takes in a sentence: "Which zeta functions does the blockade
restore?" is answered by what the sentence says the blockade restores ("restores A, B, and C"),
a list no word of the question introduces."""

from __future__ import annotations

import re

from ..clause_spans import clauses
from ..question import Profile
from ..spans import strip_citation

__all__ = ["verb_object"]

# The question's verb, last before its question mark, after an auxiliary and its subject or
# after "to": "… does the blockade restore?", "… are zeta enzymes said to mediate?".
_ASKED_VERB = re.compile(
    r"\b(?:do|does|did|can|could|may|might|will|would|should|to)\s+(?:[^?]*\s)?([a-z]{4,})\s*\?\s*$"
)
# Several things, not one: a comma, "and" or "or" between them.
_SEVERAL = re.compile(r",\s|\s(?:and|or)\s")
_GOES_ON = re.compile(
    r"\s(?=(?:in|into|for|with|that|which|who|as|at|on|from|by|than|when|while|because|but|to)\s)"
)
# An object read as a list is a phrase or a few, not the rest of a long sentence.
_MAX_OBJECT = 200


def verb_object(text: str, prof: Profile) -> tuple[int, int] | None:
    """For a question asking for several things by its own verb, the several things that
    verb takes in `text` (to its clause's end); None when the sentence does not use the verb
    or it takes one thing."""
    if not prof.plural:
        return None
    asked = _ASKED_VERB.search(prof.text)
    if asked is None:
        return None
    verb = asked.group(1)
    base = verb[:-1] if verb.endswith("e") else verb
    used = re.search(rf"\b{re.escape(base)}(?:e|es|ed|ing|s)?\s+", text)
    if used is None:
        return None
    clause_end = next((b for a, b in clauses(text) if a <= used.start() < b), len(text))
    start, end = strip_citation(text, used.end(), clause_end)
    joints = list(_SEVERAL.finditer(text, start, end))
    if not joints or end - start > _MAX_OBJECT:
        return None
    # The last thing ends before a phrase that goes on the clause ("… and C into the niche").
    going_on = _GOES_ON.search(text, joints[-1].end(), end)
    return start, going_on.start() if going_on else end
