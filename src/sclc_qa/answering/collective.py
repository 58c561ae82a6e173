"""Figures a sentence states for several trials together: "Trials (ZENITH-1, ZENITH-2, QUELL-3)
raised 2-year OS to 20–25%" gives no one of them its own rate, so it answers no question about
one of them."""

from __future__ import annotations

import re

from ..index import Index
from ..mentions import written
from ..question import Profile
from ..series import series, series_items
from ..spans import Span, mask_markup
from ..vocabulary import Vocabulary, squash
from .classes import trial_like

__all__ = ["introduced_together", "stated_together"]

# "A, B and C reported 10%, 12% and 15%, respectively": each figure is one trial's.
_RESPECTIVELY = "respectively"
# A bracket that lists names: "(ZENITH-1, ZENITH-2, QUELL-3)".
_BRACKET = re.compile(r"\(([^()]*)\)")
_ITEM_SEPARATOR = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
# Two names joined by "and" / "or", each perhaps with its bracketed count: "in ZENITH-1
# (n = 78) or ZENITH-2 (n = 39)".
_PAIR = re.compile(
    r"\b([A-Z][\w-]*(?: \d+)?)(?:\s*\([^()]*\))?\s+(?:and|or)\s+([A-Z][\w-]*(?: \d+)?)"
)


def stated_together(text: str, spans: list[Span], prof: Profile) -> bool:
    """Whether the one trial the question names stands in `text` only as an item of a list of
    trials, beside others it does not name, with fewer figures than trials: whatever figure the
    sentence states is theirs together."""
    asked = [n for n in prof.names if _study(n)]
    if len(asked) != 1 or not spans or _RESPECTIVELY in text.lower():
        return False
    # The figures of the asked endpoint: a median PFS and a median OS are not two trials'.
    asked_figures = [s for s in spans if s.endpoint in prof.endpoints] or spans
    name = squash(asked[0])
    places = [m.start() for m in written(asked[0].lower()).finditer(text.lower())]
    if not places:
        return False
    together = [
        (start, end)
        for start, end, items in _lists(text)
        if all(_study(i) for i in items)
        and any(squash(i) != name for i in items)
        and len(asked_figures) < len(items)
    ]
    return bool(together) and all(any(s <= p < e for s, e in together) for p in places)


def introduced_together(
    index: Index, vocab: Vocabulary, sid: int, spans: list[Span], prof: Profile
) -> bool:
    """Whether sentence `sid`, naming none of the question's names itself, is introduced (by
    its list's lead-in, else the sentence before it in its paragraph) by one that states its
    figures for several trials together ("A pooled analysis of A and B: - The median OS was
    …")."""
    if any(vocab.said_by(sid, n) for n in prof.names):
        return False
    return any(
        stated_together(mask_markup(index.sentences[k].text), spans, prof)
        for k in (vocab.lead_in[sid] or vocab.prev[sid])[:1]
    )


# A study's name that `trial_like` does not read: capitals, then a part with a digit
# ("ZENITH-Lung05").
_STUDY = re.compile(r"[A-Z]{3,}[\w-]*\d[\w-]*")


def _study(name: str) -> bool:
    return trial_like(name) or _STUDY.fullmatch(name) is not None


def _lists(text: str) -> list[tuple[int, int, list[str]]]:
    """(start, end, items) of each list of two or more items: a coordinated series, two names
    joined by "and" / "or", or a bracket of comma-separated items."""
    out = [
        (start, end, [text[a:b].strip() for a, b in series_items(text, start, end)])
        for start, end in series(text, least=2)
    ]
    out += [(m.start(), m.end(), [m.group(1), m.group(2)]) for m in _PAIR.finditer(text)]
    for m in _BRACKET.finditer(text):
        items = [i.strip() for i in _ITEM_SEPARATOR.split(m.group(1)) if i.strip()]
        if len(items) >= 2:
            out.append((m.start(1), m.end(1), items))
    return out
