"""Approvals a sentence reports that do not answer the one asked: by another regulator ("when
did the FDA approve X?" is not answered by its approval in China), or for another condition
("when was X approved for quelloma?" is not answered by its approval for zetoma)."""

from __future__ import annotations

import re

from ..domain import domain
from ..lexical import tokenize
from .reasons import Reasons, join

# An approval, asked about or reported, and the regulators that give one (by their names or
# the places they approve for: data/domain.json), matched as written.
_APPROVAL = re.compile(r"\b(?:approv\w*|clear(?:ed|ance)|authori[sz]\w*|licen[cs]\w*)\b", re.I)
_REGULATORS = {
    name: re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, aliases)) + r")(?![\w])")
    for name, aliases in domain().regulators.items()
}


# What an approval is for, as a sentence states it: "approved X for the treatment of advanced
# zetoma", "… as the first treatment for quelloma".
_CONDITION = r"[\w-]*(?:omas?|cancers?|carcinomas?|leuka?emias?|tumou?rs?|diseases?|syndromes?)"
_APPROVED_FOR = re.compile(
    r"\bfor\s+(?:the\s+)?(?:(?:first-line\s+|second-line\s+)?(?:treatment|therapy|management)"
    rf"\s+of\s+)?((?:[\w-]+\s+){{0,4}}?{_CONDITION})\b",
    re.I,
)
_ASKS_WHICH = re.compile(r"\b(?:which|what|whom|whose)\b", re.I)
# What the question asks it approved for: its closing "for <condition>?", the condition
# named by its head word ("for advanced quelloma", not "for clinical use" or an abbreviation,
# which the sentence may spell out).
_ASKED_FOR = re.compile(rf"\bfor\s+((?:(?!for\b)[\w-]+\s+){{0,5}}{_CONDITION})\?*\s*$", re.I)


def other_indication(question: str, sentence: str) -> tuple[str, str] | None:
    """(asked, stated) when the question asks when or whether something was approved for one
    condition and the sentence reports its approval for another, never naming the asked one:
    an approval for zetoma does not answer "when was X approved for quelloma?"."""
    if not (_APPROVAL.search(question) and _APPROVAL.search(sentence)):
        return None
    asked, stated = _ASKED_FOR.search(question), _APPROVED_FOR.search(sentence)
    if asked is None or stated is None:
        return None
    if _ASKS_WHICH.search(asked.group(1)):
        return None  # "… and for which cancer?" asks the condition itself
    words = set(tokenize(asked.group(1)))
    if not words or words & set(tokenize(sentence)):
        return None
    return asked.group(1).strip(), stated.group(1)


def other_regulator(question: str, sentence: str) -> tuple[str, str] | None:
    """(asked, stated) when the question asks about an approval by one regulator and the
    sentence reports an approval only by others (an approval in China for "when did the FDA
    approve …?"); None otherwise."""
    if not (_APPROVAL.search(question) and _APPROVAL.search(sentence)):
        return None
    asked = [r for r, pattern in _REGULATORS.items() if pattern.search(question)]
    stated = [r for r, pattern in _REGULATORS.items() if pattern.search(sentence)]
    if asked and stated and not set(asked) & set(stated):
        return join(asked, "or"), join(stated, "or")
    return None


def other_approval(reasons: Reasons, question: str, sentence: str) -> str:
    """Why `sentence` does not answer `question` about an approval (another regulator's, or
    one for another condition); "" when it may."""
    regulator = other_regulator(question, sentence)
    if regulator:
        return reasons.other_regulator(*regulator)
    indication = other_indication(question, sentence)
    return reasons.other_indication(*indication) if indication else ""
