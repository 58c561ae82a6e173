"""A comparison the text states in words: "Response rates were better with zentamab", "Men
developed renal tumours more often than did women". When the figures of only one of the
compared subjects are found, such a sentence still answers "which was better, A or B?": the
quote is the verdict, the subject it favours inside it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..endpoint_mentions import endpoints_named
from ..lexical import tokenize

__all__ = ["polarity", "stated_verdict"]

# Comparative words, by what they say: more or less of a figure, or a judgement of it ("worse
# toxicity" is a judgement, not a lower figure).
_HIGH = r"higher|greater|more|longer|larger|bigger"
_LOW = r"lower|fewer|less|shorter|smaller"
_BETTER = r"better|superior|improved"
_WORSE = r"worse|inferior"
_COMPARATIVE = re.compile(
    rf"\b(?:(?P<high>{_HIGH})|(?P<low>{_LOW})|(?P<better>{_BETTER})|(?P<worse>{_WORSE}))\b", re.I
)
# A comparative denied ("were not better with A", "no longer"), or bounding an amount ("more
# than 40% of patients"): no verdict.
_DENIED = re.compile(r"\b(?:not|no|neither|nor|never|without)\s+(?:\w+\s+){0,2}$", re.I)
_BOUND = re.compile(r"\s+than\s+(?:about\s+|approximately\s+)?\d", re.I)
# What sets the other subject against the favoured one: it is named after these.
_AGAINST = re.compile(r"\b(?:than|versus|vs\.?|compared (?:with|to)|relative to)(?!\w)", re.I)
# A subject named as where the comparative holds: "better with A", "greater in patients with
# A" (a few words between), or as its doer: "A demonstrated higher …", "A … more often".
_AFTER = r"\s+(?:(?:\w+|\d\))\s+){0,3}?(?:with|in|for|among|after|on)\s+(?:(?:\w+|\d\))\s+){0,3}?"
_BEFORE = r"(?:\s+[\w-]+){0,4}?\s+"
# After the comparative, the words of what it qualifies ("higher response rates", "more
# often"), up to a word that starts another phrase.
_QUALIFIED = re.compile(r"(?:\s+(?!than\b|and\b|or\b|with\b|in\b|for\b|versus\b)[\w-]+){0,3}")


def polarity(text: str) -> str:
    """ "high", "low", "better" or "worse" as a text's comparative words all say, else ""."""
    ends = {_end(m) for m in _COMPARATIVE.finditer(text)}
    return next(iter(ends)) if len(ends) == 1 else ""


def _end(comp: re.Match[str]) -> str:
    return next(k for k in ("high", "low", "better", "worse") if comp.group(k))


def stated_verdict(
    text: str,
    subjects: Sequence[str],
    wanted: str,
    endpoints: frozenset[str] = frozenset(),
    about: frozenset[str] = frozenset(),
) -> tuple[int, int] | None:
    """(start, end) in `text` of a verdict that favours one of `subjects` the `wanted` way
    (`polarity`): the subject and the comparative, with what it qualifies. None when the text
    states none, denies it, favours a subject on the other side of "than" / "versus", or
    speaks of another endpoint than those asked, or (given `about`, index terms) of none of
    those terms ("more nausea with A" is no verdict on zentopenia)."""
    for comp in _COMPARATIVE.finditer(text):
        if _end(comp) != wanted or _DENIED.search(text, 0, comp.start()):
            continue
        if _BOUND.match(text, comp.end()):
            continue
        against = _AGAINST.search(text, comp.end())
        tail = text[comp.end() : against.start() if against else len(text)]
        for name in subjects:
            word = re.escape(name)
            after = re.match(rf"{_AFTER}{word}\b", tail, re.I)
            if after is not None:
                start, end = comp.start(), comp.end() + after.end()
                break
            before = re.search(rf"\b{word}{_BEFORE}$", text[: comp.start()], re.I)
            if before is not None and not _AGAINST.search(text, before.end(), comp.start()):
                qualified = _QUALIFIED.match(text, comp.end())
                start, end = before.start(), qualified.end() if qualified else comp.end()
                break
        else:
            continue
        named = endpoints_named(text[start:end])
        if endpoints and named and not named & endpoints:
            continue
        if about and not about & set(tokenize(text[start:end])):
            continue
        return start, end
    return None
