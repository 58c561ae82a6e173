"""A comparison the text states in words: "Response rates were better with zentamab", "Men
developed renal tumours more often than did women". When the figures of only one of the
compared subjects are found, such a sentence still answers "which was better, A or B?": the
quote is the verdict, the subject it favours inside it."""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["polarity", "stated_verdict"]

# Comparative words, by the end they favour.
_HIGH = r"higher|greater|better|more|longer|larger|bigger|superior|improved"
_LOW = r"lower|fewer|less|shorter|smaller|worse|inferior"
_COMPARATIVE = re.compile(rf"\b(?:(?P<high>{_HIGH})|(?P<low>{_LOW}))\b", re.I)
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
    """ "high" or "low" as a text's comparative words point one way, else ""."""
    ends = {"high" if m.group("high") else "low" for m in _COMPARATIVE.finditer(text)}
    return next(iter(ends)) if len(ends) == 1 else ""


def stated_verdict(text: str, subjects: Sequence[str], wanted: str) -> tuple[int, int] | None:
    """(start, end) in `text` of a verdict that favours one of `subjects` at the `wanted` end
    ("high" or "low"): the subject and the comparative, with what it qualifies. None when the
    text states none, or favours a subject on the other side of "than" / "versus"."""
    for comp in _COMPARATIVE.finditer(text):
        if ("high" if comp.group("high") else "low") != wanted:
            continue
        against = _AGAINST.search(text, comp.end())
        tail = text[comp.end() : against.start() if against else len(text)]
        for name in subjects:
            word = re.escape(name)
            after = re.match(rf"{_AFTER}{word}\b", tail, re.I)
            if after is not None:
                end = comp.end() + after.end()
                start = comp.start()
                break
            before = re.search(rf"\b{word}{_BEFORE}$", text[: comp.start()], re.I)
            if before is not None and not _AGAINST.search(text, before.end(), comp.start()):
                start = before.start()
                qualified = _QUALIFIED.match(text, comp.end())
                end = qualified.end() if qualified else comp.end()
                break
        else:
            continue
        return start, end
    return None
