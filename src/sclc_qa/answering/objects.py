"""What a sentence says of the thing asked, where no name answers: the things a question's own
verb takes ("Which zeta functions does the blockade restore?" → "restores A, B, and C", a list
no word of the question introduces), or what the sentence says is the thing asked ("Which
factor predicted survival most?" → "zeta impairment was the strongest predictor")."""

from __future__ import annotations

import re

from ..clause_spans import clauses
from ..lexical import tokenize
from ..question import Profile
from ..question_phrase import PREPOSITIONS
from ..spans import strip_citation

__all__ = ["headed_by", "said_to_be", "verb_object"]

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
    if verb in PREPOSITIONS:
        return None  # "… does X interact with?": no verb of its own at the end
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


# Where a subject phrase opens: the sentence's start, or after "that", a comma, colon or
# semicolon ("… showed that zeta impairment was …").
_SUBJECT_OPENS = re.compile(r"(?:^|\bthat\s+|[,:;]\s+)")
_PRONOUN = re.compile(r"(?:it|this|that|these|those|they|which|there)\b", re.I)
_MAX_SUBJECT_WORDS = 6


def said_to_be(text: str, prof: Profile) -> tuple[int, int] | None:
    """The subject the sentence says is the thing asked ("X was the most important single
    predictor of …" for "what was the strongest predictor …?"); None when it says none, or its
    subject is a pronoun."""
    head = prof.target
    if len(head) < 4:
        return None
    # A long head by its stem ("predictor", "predictors"); a short one whole ("gene", not
    # "general").
    said = rf"{re.escape(head[:5])}\w*" if len(head) > 5 else rf"{re.escape(head)}s?"
    copula = re.search(
        rf"\s+(?:is|was|are|were|remains|remained)\s+(?:the|an?)\s+(?:[\w-]+\s+){{0,4}}?"
        rf"{said}\b",
        text,
        re.I,
    )
    if copula is None:
        return None
    start = max(m.end() for m in _SUBJECT_OPENS.finditer(text, 0, copula.start()))
    subject = text[start : copula.start()]
    if not subject or len(subject.split()) > _MAX_SUBJECT_WORDS or _PRONOUN.match(subject):
        return None
    return start, copula.start()


# A modifier that names: a word with a digit in it ("Zentinoin 0.1% gel": a product's strength)
# or a capital not owed to the sentence's start ("the Quell assay"), not a plain adjective ("a
# randomized trial", "Palliative surgery").
_DIGIT, _CAPITAL = re.compile(r"\d"), re.compile(r"[A-Z]")
# Words that end a noun phrase read leftwards: function words, verbs' auxiliaries, punctuation.
_PHRASE_BREAK = re.compile(
    r"(?i:the|an?|of|in|on|with|for|and|or|by|to|at|from|as|is|are|was|were|be|been|has|have|"
    r"had|that|which|who|this|these|those|its|their)$"
)
_MAX_MODIFIERS = 3
# What may stand before a sentence's first word: spaces, a list's marker, markup.
_OPENS_BEFORE = re.compile(r"[\s\-*•#>\d.)]*")


def headed_by(text: str, prof: Profile) -> tuple[int, int] | None:
    """For "which topical gel …?" where the sentence has no name: the noun phrase the asked
    noun heads, when a word in it names ("Zentinoin 0.1% gel provided …" → "Zentinoin 0.1%
    gel") and is not the question's own; None otherwise. `text` is one sentence."""
    head = prof.target.lower()
    if len(head) < 3 or prof.plural:
        return None
    asked = set(tokenize(prof.text))
    for m in re.finditer(rf"\b{re.escape(head.removesuffix('s'))}s?\b", text, re.I):
        words = list(re.finditer(r"[\w.%+-]+", text[: m.start()]))
        modifiers: list[re.Match[str]] = []
        for w in reversed(words):
            gap = text[w.end() : (modifiers[-1].start() if modifiers else m.start())]
            if gap.strip() or _PHRASE_BREAK.match(w.group()) or len(modifiers) >= _MAX_MODIFIERS:
                break
            modifiers.append(w)
        naming = [
            w
            for w in modifiers
            if (
                _DIGIT.search(w.group())
                or (
                    _OPENS_BEFORE.fullmatch(text, 0, w.start()) is None
                    and _CAPITAL.search(w.group())
                )
            )
            and not set(tokenize(w.group())) <= asked
        ]
        if naming:
            return modifiers[-1].start(), m.end()
    return None
