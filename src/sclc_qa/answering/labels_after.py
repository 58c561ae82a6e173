"""Figures labelled by the values after them. In "the rates were 70% for patients with less
than 4% zeta cells, 45% for those with 4% to 20%, and 15% for those with more than 20%" each
figure is named by what follows it, up to the next figure: a question about the 4% to 20%
group asks the figure whose own label states those values, though another figure stands
nearer after the question's words."""

from __future__ import annotations

import re

from ..bounds import age_groups, same_ages
from ..question import Profile
from ..spans import Span

# Where a figure's label ends besides the next figure: the other side of a comparison, or a
# clause break ("…; P = .08").
_LABEL_END = re.compile(r"\b(?:compared|versus|vs)\b|[;:]|\s[-\u2013\u2014]\s", re.I)
# A value with its unit ("5%", "30 mm", "2.5 mg/kg"): a condition the question states. A
# number of time units dates a figure rather than labelling it, and is read elsewhere; a
# number inside a name ("QKP-4 pathway") is no value.
_VALUE = re.compile(
    r"(?<![\w.-])(\d+(?:\.\d+)?)\s*"
    r"(%|(?:mm|cm|mg|g|kg|[µμ]g|mcg|ng|ml|l|gy|iu|mmol|mol)(?:/[a-z0-9²]+)*\b)",
    re.I,
)


def labelled_after(text: str, spans: list[Span], prof: Profile) -> set[int]:
    """The start of the one span whose label after it holds more of the values the question
    states (and the age group it asks) than any other span's label; none when no label holds
    one, or two hold as many."""
    asked = _values(prof.text)
    ages = age_groups(prof.text)
    if len(spans) < 2 or not (asked or ages):
        return set()

    def holds(label: str) -> int:
        # "… for children younger than 15 years and 20% to 60% for those aged 15 to 19
        # years": an age group asked counts as one value its label states.
        stated = age_groups(label)
        return len(_values(label) & asked) + any(same_ages(a, b) for a in ages for b in stated)

    held = {sp.start: holds(_label(text, sp, spans)) for sp in spans}
    top = max(held.values())
    winners = [at for at, n in held.items() if n == top]
    return set(winners) if top and len(winners) == 1 else set()


def _label(text: str, span: Span, spans: list[Span]) -> str:
    """The words after `span` up to the next span, the other side of a comparison, or a
    clause break."""
    end = min((sp.start for sp in spans if sp.start >= span.end), default=len(text))
    stop = _LABEL_END.search(text, span.end, end)
    return text[span.end : stop.start() if stop else end]


def _values(text: str) -> set[tuple[str, str]]:
    return {(n, unit.lower()) for n, unit in _VALUE.findall(text)}
