"""Follow-up questions in a conversation, rewritten to stand alone before they are answered.

Chat users ask "What was the OS hazard ratio in CASPIAN?" and then "and what about its PFS?".
The engine answers one self-contained question at a time, so the follow-up is resolved against
the earlier user turns first, by three general rules:

* "what about X?" / "and X?" where X names a trial or drug: the previous question, about X;
* "what about X?" where X names another endpoint (PFS for OS): the previous question, for X;
* "what about trial B?" after a question on a drug in trial A: the same figure, asked afresh of
  B from the previous question's analysis (kind, endpoint, time point), without A's drug;
* "and <another figure>?" ("and the median OS in each arm?"): that figure, of the last subject;
* a pronoun ("it", "its", "the trial", "this drug") with no name in the turn: the most recent
  trial or drug named earlier takes its place;
* no name and no pronoun, but a figure that only a trial reports (a hazard ratio, a median, a
  rate, a phase, a dose): the question is about the trial or drug named most recently.

A turn that names its own subject, or that nothing earlier can complete, is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .domain import domain
from .mentions import is_druglike, named_tokens, written
from .question import ENDPOINTS, Kind, profile

__all__ = ["resolve_followup"]

# Endpoints that can stand in for each other in the same question ("OS HR" → "PFS HR").
_SWAPPABLE = ("pfs", "os", "orr", "dcr")
_WHAT_ABOUT = re.compile(
    r"^\s*(?:(?:and|also|ok(?:ay)?|so|then|but)[\s,]+)*(?:what|how)\s+about\s+(?P<focus>.+?)"
    r"[\s?.!]*$",
    re.I,
)
_AND = re.compile(r"^\s*and\s+(?:for\s+|in\s+|with\s+)?(?P<focus>.+?)[\s?.!]*$", re.I)
_LEADING_PRONOUN = re.compile(r"^(?:(?:its|their|the|that|this|those)\s+)+", re.I)
_NOUN = r"(?:trial|study|drug|agent|regimen|combination|antibody|therapy|treatment)"
_POSSESSIVE = re.compile(r"\b(?:its|their)\b", re.I)
_PRONOUN = re.compile(
    rf"\b(?:(?:this|that|the|same)\s+{_NOUN}s?|it|they|them)\b(?!-)",
    re.I,
)
_DRUG_NOUN = re.compile(r"\b(?:drug|agent|antibody|therapy|treatment)s?\b", re.I)
_MAX_ELLIPSIS_WORDS = 8
# Answers that belong to one trial or drug: asked without naming one, they mean the last one.
_TRIAL_FIGURES: frozenset[Kind] = frozenset(
    {"hr", "ci", "pvalue", "difference", "duration", "percent", "count", "phase", "status", "dose"}
)


# How a figure question is restated for another subject: wordings that `profile` reads back as
# the same kind ("median OS" is a duration, "OS hazard ratio" a hazard ratio, "OS rate" a rate).
_RESTATED: dict[str, str] = {
    "hr": "{endpoint} hazard ratio",
    "duration": "median {endpoint}",
    "percent": "{endpoint} rate",
    "difference": "{endpoint} gain",
    "dose": "dose",
    "phase": "phase",
    "count": "number of patients",
}


@dataclass(frozen=True)
class _Turn:
    """A resolved user turn and the trial or drug names in it, found once."""

    text: str
    names: tuple[str, ...]


def resolve_followup(turns: Sequence[str], specific: Callable[[str], bool]) -> str:
    """The last of `turns` (a conversation's user messages, oldest first) made self-contained.

    `specific(name)` says whether a name narrows a question to one trial or drug (the corpus
    vocabulary knows it and it is not a topic word such as "SCLC").
    """
    resolved: list[_Turn] = []
    for turn in turns:
        names = _names(turn, specific)
        text = _resolve(turn, names, resolved)
        resolved.append(_Turn(text, names if text == turn else _names(text, specific)))
    return resolved[-1].text if resolved else ""


def _resolve(turn: str, names: tuple[str, ...], earlier: list[_Turn]) -> str:
    if not earlier:
        return turn
    previous = earlier[-1]
    match = _WHAT_ABOUT.match(turn)
    if match is None and len(turn.split()) <= _MAX_ELLIPSIS_WORDS:
        match = _AND.match(turn)
    if match is not None:
        focus = _LEADING_PRONOUN.sub("", match.group("focus")).strip()
        if names and not is_druglike(names[0]) and _trial_and_drug(previous):
            # "What about trial B?" after "X's figure in trial A": the drug belonged to A, so
            # the same question is asked afresh about B from its analysis, without the drug.
            restated = _restate(previous.text, names[0])
            if restated:
                return restated
        if not names and _asks_its_own_figure(focus, previous.text):
            # "and the median OS in each arm?" after an HR question: a new figure of the same
            # subject, not the previous figure for another endpoint.
            subject = _antecedent(earlier, turn)
            if subject:
                return f"{focus[0].upper()}{focus[1:]} in {subject}?"
        rewritten = _swap_subject(previous, names[0]) if names else None
        rewritten = rewritten or _swap_endpoint(previous.text, focus)
        if rewritten:
            return rewritten
        if not names:
            subject = _antecedent(earlier, turn)
            if subject and focus:
                return f"What about {focus} in {subject}?"
        return turn
    if names:
        return turn
    subject = _antecedent(earlier, turn)
    if subject is None:
        return turn
    if _PRONOUN.search(turn) or _POSSESSIVE.search(turn):
        turn = _POSSESSIVE.sub(f"{subject}'s", turn)
        return _PRONOUN.sub(subject, turn)
    if profile(turn).kind in _TRIAL_FIGURES:
        return f"{turn.rstrip(' ?.!')} in {subject}?"
    return turn


def _trial_and_drug(turn: _Turn) -> bool:
    kinds = {is_druglike(n) for n in turn.names}
    return kinds == {True, False}


def _restate(previous: str, subject: str) -> str | None:
    """The previous figure question, asked of `subject` in a canonical wording that the question
    analysis reads back to the same kind, endpoint and time point; None if not a figure."""
    prof = profile(previous)
    measure = _RESTATED.get(prof.kind)
    if measure is None:
        return None
    endpoint = " ".join(domain().endpoints[e].display for e in sorted(prof.endpoints))
    when = " ".join(f"{m // 12}-year" if m % 12 == 0 else f"{m}-month" for m in prof.time_points)
    words = " ".join(w for w in (when, measure.format(endpoint=endpoint).strip()) if w)
    return f"What was the {' '.join(words.split())} in {subject}?"


def _asks_its_own_figure(focus: str, previous: str) -> bool:
    """Whether a follow-up's focus states a figure of another kind than the previous question's
    ("median OS" after a hazard ratio), rather than only another endpoint."""
    bare = re.sub(r"^(?:the|its|their)\s+", "", focus.strip(" ?.!"), flags=re.I)
    if any(pattern.fullmatch(bare) for pattern in ENDPOINTS.values()):
        return False  # "and its PFS?": an endpoint alone names no figure of its own
    own = profile(focus).kind
    return own in _TRIAL_FIGURES and own != profile(previous).kind


def _names(text: str, specific: Callable[[str], bool]) -> tuple[str, ...]:
    return tuple(n for n in named_tokens(text) if specific(n))


def _swap_subject(previous: _Turn, new: str) -> str | None:
    """The previous question about `new` instead of the name of the same sort it had."""
    if not previous.names:
        return None
    same_sort = [n for n in previous.names if is_druglike(n) == is_druglike(new)]
    target = (same_sort or previous.names)[-1]
    return written(target).sub(new, previous.text, count=1)


def _swap_endpoint(previous: str, focus: str) -> str | None:
    """The previous question with its endpoint replaced by the one `focus` names, if any."""
    wanted = next(
        (m for e in _SWAPPABLE if (m := ENDPOINTS[e].search(focus)) is not None),
        None,
    )
    if wanted is None:
        return None
    for endpoint in _SWAPPABLE:
        found = ENDPOINTS[endpoint].search(previous)
        if found is not None and not ENDPOINTS[endpoint].search(focus):
            return previous[: found.start()] + wanted.group() + previous[found.end() :]
    return None


def _antecedent(earlier: list[_Turn], turn: str) -> str | None:
    """The most recent trial (or, if `turn` says "the drug", drug) named in `earlier`; failing
    that, the most recent name of either sort."""
    wants_drug = _DRUG_NOUN.search(turn) is not None
    named = [n for question in earlier for n in question.names]
    preferred = [n for n in named if is_druglike(n) == wants_drug]
    candidates = preferred or named
    return candidates[-1] if candidates else None
