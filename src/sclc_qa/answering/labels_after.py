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

# A label after a figure opens right after it (past its bracket) with a preposition or a
# relative pronoun: "45% for patients with …", "12% in those aged …", "55% who were …";
# words after a comma or a verb are the next clause's ("70%, while for those aged … it
# was 61%").
_LABEL_OPENS = re.compile(
    r"\s*(?:\([^()]*\)\s*)?(?:(?P<prep>for|in|among|with|of)|who|whose|that)\b", re.I
)
# Where a figure's label ends besides the next figure: the other side of a comparison, or a
# clause break ("…; P = .08", ", and …", ", while …"); after a preposition, a verb too (a
# relative clause holds its own: "who were 100% adherent").
_LABEL_END = re.compile(
    r"\b(?:compared|versus|vs)\b|[;:]|\s[-\u2013\u2014]\s|,\s+(?:and|while|whereas|but)\b",
    re.I,
)
_VERB = re.compile(r"\b(?:was|were|is|are|had|gave)\b", re.I)
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
        # "… 30% for those younger than 12 years and 55% for those aged 12 to 17 years": an
        # age group asked counts as one value its label states.
        stated = age_groups(label)
        return len(_values(label) & asked) + any(same_ages(a, b) for a in ages for b in stated)

    held = {sp.start: holds(_label(text, sp, spans)) for sp in spans}
    top = max(held.values())
    winners = [at for at, n in held.items() if n == top]
    return set(winners) if top and len(winners) == 1 else set()


def _label(text: str, span: Span, spans: list[Span]) -> str:
    """The words after `span` that label it, up to the next span, the other side of a
    comparison, a clause break or a verb; "" when none open right after it."""
    opens = _LABEL_OPENS.match(text, span.end)
    if opens is None:
        return ""
    end = min((sp.start for sp in spans if sp.start >= span.end), default=len(text))
    stops = [_LABEL_END.search(text, span.end, end)]
    if opens["prep"]:
        stops.append(_VERB.search(text, span.end, end))
    return text[span.end : min((m.start() for m in stops if m), default=end)]


def _values(text: str) -> set[tuple[str, str]]:
    return {(n, unit.lower()) for n, unit in _VALUE.findall(text)}
