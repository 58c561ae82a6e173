"""How far a figure's answer reaches beyond the figure itself: its interval, its schedule, its
bound, its noun and share, the change it restates and, for a question of several arms or parts,
the whole run of figures it belongs to. Widening never moves an answer off its figure; it only
adds the words that make the figure say what it measures."""

from __future__ import annotations

import re

from ..domain import domain
from ..lexical import stem, tokenize
from ..question import Profile
from ..question_kinds import ENDPOINTS, HOW_OFTEN_SHOULD
from ..spans import Span
from ..vocabulary import squash
from .figure_filters import asked_names, schedule_end, with_other_dose
from .labels import (
    ARM_LABEL,
    base_end,
    endpoint_after,
    first_label,
    own_label_end,
    per_base_end,
    time_after,
)
from .runs import (
    EVERY,
    EVERY_REACH,
    asks_several,
    balanced,
    interval_after,
    paired,
    run_of,
    with_other_parts,
)

__all__ = ["CHANGE_NOUN", "widen"]

# The nouns a change is stated by: "a 27% reduction", "a 22.7% relative increase".
CHANGE_NOUN = r"(?:increase|reduction|decrease|decline|rise|drop)"


# The period a schedule holds for, written after it: "every 4 months for the first 3 years".
_FOR_PERIOD = re.compile(
    r"\s+(?:for|during|over|in)\s+(?:the\s+)?(?:first|next|following|initial)\s+"
    r"(?:\d+|one|two|three|four|five|six|ten)\s+(?:years?|months?|weeks?)\b",
    re.I,
)


# The word after "one in 1,000", which may name whom the share counts.
_COUNTED_AFTER = re.compile(r"\s+([A-Za-z][\w-]*)")
# A count as so many of so many ("9 of the 24"), and what may follow it: its noun and the
# share it makes in brackets ("patients (38%)").
_SO_MANY_OF = re.compile(r"\S+\s+(?:of|in|out\s+of)\s+(?:(?:the|these|those)\s+)?\d[\d,]*$", re.I)
_SHARE_AFTER = re.compile(
    r"(?:\s+(?!(?:versus|vs|and|or|than|compared|with)\b)[A-Za-z-]+){0,2}"
    r"\s*\(\s*\d+(?:\.\d+)?\s*%\s*\)"
)
# The other way round: a share and the count it comes from in brackets ("23% (41 of 178)",
# "12% [n = 9]"): the count is how a reader checks the share.
_COUNT = r"(?:n\s*=\s*\d[\d,]*|\d[\d,]*\s*(?:of|/|out\s+of)\s*\d[\d,]*)"
_COUNT_AFTER = re.compile(rf"\s*(?:\(\s*{_COUNT}\s*\)|\[\s*{_COUNT}\s*\])", re.I)


# "How many …?" answered by a share in brackets after its count of people ("in 12 patients
# (13%)"): the count is what was asked, the share what it makes. Not a grade, a stage, an age or
# a trial's number before its bracket ("grade 3 zentitis (13%)", "aged 70 or older (30%)").
_HOW_MANY = re.compile(r"\bhow many\b", re.I)
_COUNT_BEFORE = re.compile(
    r"(?<![\w.,/-])\d[\d,]*\s+(?:(?!(?:or|and|to|than)\s)[A-Za-z-]+\s+)?([A-Za-z]+)\s*\(\s*$"
)
_COUNT_BEFORE_REACH = 40  # characters: a count, a word before its noun ("evaluable"), the noun
_PEOPLE = domain().people_nouns | domain().group_nouns
_BRACKET_CLOSE = re.compile(r"\s*\)")


# A figure said of every arm at once: "… in each arm", "in both groups".
_EACH_ARM = re.compile(r"\s+(?:in|for|with)\s+(?:each|both|either)\s+(?:arms?|groups?|cohorts?)\b")


# "What dose and fractionation?": the total dose and the dose per fraction, both.
_FRACTIONATION = re.compile(r"\bfraction", re.I)
# A figure that is a bound, not a value: "… or more", "… or slightly higher".
_BOUNDED = frozenset({"percent", "duration", "count", "dose", "measure"})
_OPEN_BOUND = re.compile(
    r"\s+or\s+(?:slightly\s+|somewhat\s+|much\s+)?"
    r"(?:more|higher|greater|longer|older|less|lower|fewer|shorter|younger|above|below|"
    r"smaller|larger|bigger|earlier|later)\b"
)


# A bare number set against the figure after it in one bracket, whose unit it shares: "(31.4
# vs. " before "40.6 cases per 100,000".
_BARE_BEFORE = re.compile(r"\(\s*(\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*(?:vs\.?|versus)\s*$")


# "What happens to X?", "how did X change?": the answer is a change, from one figure to another.
_CHANGE_ASKED = re.compile(
    r"\bwhat (?:happens|happened|happen)\b|\bhow (?:does|did|do|has|have) [^?]*\bchanged?\b",
    re.I,
)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
# A verb of change and what changed, just before "from": "reducing OS from".
_CHANGED_FROM = re.compile(
    r"\b(?:reduc|increas|decreas|improv|rais|lower|ris|fell|fall|drop|declin|grew|grow|"
    r"worsen|shorten|lengthen|extend|prolong)\w*\s+(?:[\w-]+\s+){0,3}?from\s+$",
    re.I,
)
# A question asking how much something changed, and the relative change a sentence states just
# before the ratio that its bracket opens with ("a 27% reduction in the risk of death (HR, …").
_HOW_MUCH = re.compile(r"\bhow much\b|\bby how\b|\bby what\b", re.I)
_RELATIVE_CHANGE = re.compile(
    rf"\d+(?:\.\d+)?%\s+(?:relative\s+)?{CHANGE_NOUN}\b"
    r"[^();.]*\(\s*$",
    re.I,
)
_CHANGE_REACH = 160  # characters before a ratio where the change it restates may start


# The word right before a position: a name that may label the figure there.
_NAME_BEFORE = re.compile(r"([\w-]+)\s*$")


def _labels_each(text: str, run: list[Span], prof: Profile) -> bool:
    """Whether two or more of the run's figures are each labelled by a name the question asks
    (no endpoint's) that no other figure's label writes ("median PFS with A and B?": "2.8
    months with A versus 3.9 months with B"): each one's figure is asked, not the last one's
    alone. Not when the question joins the names as one regimen ("A plus B")."""
    if len(run) < 2 or prof.prefer or _COMBINED.search(prof.text):
        return False  # "was it higher with A or B?": a choice, its figures labelled apart
    asked = {squash(n) for n in prof.names if not any(p.fullmatch(n) for p in ENDPOINTS.values())}
    ends = [x.start for x in run[1:]] + [own_label_end(text, run[-1].end)]
    labels = [
        asked & {squash(w) for w in re.findall(r"[\w+-]+", text[x.end : end])}
        for x, end in zip(run, ends, strict=True)
    ]
    own = [
        names - set().union(*(o for j, o in enumerate(labels) if j != i))
        for i, names in enumerate(labels)
    ]
    return sum(1 for names in own if names) > 1


# Names a question joins as one regimen: "A plus B", "A + B", "A+B".
_COMBINED = re.compile(r"\S\s+(?:plus|\+)\s+\S|\w\+\w", re.I)


def widen(text: str, span: Span, prof: Profile) -> tuple[int, int]:
    """Attach an immediately following "(95% CI …)" to a rate or duration, and a share's
    count in brackets ("23% (41 of 178)") to the share; for a
    comparison, take the whole run of figures it belongs to ("23.7 months in the A group
    and 16.6 months in the B group"), each arm's figure in its own words."""
    s, e = span.start, span.end
    by = re.match(r"by\s+", text[span.start :]) if span.kind == "difference" else None
    if by is not None:
        s = span.start + by.end()
    if span.kind == "hr" and _HOW_MUCH.search(prof.text):
        # "By how much did X raise the risk of death?": the relative change a ratio in
        # brackets restates ("an 18% relative increase in the risk of death … (HR, 1.18")
        change = _RELATIVE_CHANGE.search(text, max(0, s - _CHANGE_REACH), s)
        if change is not None:
            s = change.start()
    if span.kind in ("percent", "duration") and _CHANGE_ASKED.search(prof.text):
        # "What happens to X?": a change, told by its verb ("reducing X from 61% to 55%").
        change = _CHANGED_FROM.search(text, max(0, s - _CHANGE_REACH), s)
        # … or, the verb too far before it ("rose from A to B for X and from C to D for Y"),
        # its own "from" at least.
        since = _FROM_BEFORE.search(text, max(0, s - _CHANGE_REACH), s)
        s = change.start() if change is not None else since.start() if since is not None else s
    if span.kind == "duration" and HOW_OFTEN_SHOULD.search(prof.text):
        every = EVERY.search(text, max(0, s - EVERY_REACH), s)
        s = every.start() if every is not None else s  # "every 2 years": how often
        period = _FOR_PERIOD.match(text, e)
        e = period.end() if period is not None else e  # "… for the first 3 years": how long
    if span.kind == "percent":
        count = _COUNT_AFTER.match(text, e)
        e = count.end() if count is not None else e
        counted_before = _COUNT_BEFORE.search(text, max(0, s - _COUNT_BEFORE_REACH), s)
        closed = _BRACKET_CLOSE.match(text, e)
        if (
            _HOW_MANY.search(prof.text)
            and counted_before is not None
            and stem(counted_before.group(1).lower()) in _PEOPLE
            and closed is not None
        ):
            s, e = counted_before.start(), closed.end()  # "12 patients (13%)"
    if span.kind in ("percent", "duration"):
        e += interval_after(text, e)
    if span.kind in _BOUNDED:
        bound = _OPEN_BOUND.match(text, e)  # "20 Gy or slightly higher": a floor, not a dose
        e = bound.end() if bound is not None else e
    if span.kind == "percent":
        e = endpoint_after(text, per_base_end(text, base_end(text, e)), prof.text)
        e = time_after(text, e)  # "77% at 20 years": the time the rate is at
        counted = _COUNTED_AFTER.match(text, e)
        if _SO_MANY_OF.search(text, span.start, e) and counted and _asks_of(counted[1], prof):
            e = counted.end()  # "one in 1,000 women" for "how many women …?": whom it counts
    if span.kind in ("count", "percent") and _SO_MANY_OF.match(text, span.start, span.end):
        # "9 of the 24 patients (38%)": the share in brackets restates the count.
        share = _SHARE_AFTER.match(text, e)
        e = share.end() if share is not None else e
    if span.kind in ("percent", "duration", "count"):
        both = _EACH_ARM.match(text, e)  # "less than 15% in each arm": both arms' figure
        e = both.end() if both is not None else e
    if span.kind == "dose":
        e = schedule_end(text, span, e)
        if _FRACTIONATION.search(prof.text):
            s, e = with_other_dose(text, span, s, e)
    run = run_of(text, span)  # read once: the figures listed with this one
    several = asks_several(prof) or _labels_each(text, run, prof)
    if not several and span.kind in ("percent", "duration") and len(run) > 1:
        e = own_label_end(text, e)  # "…, and 41% from never-smokers": whose figure it is
    if several and not paired(text[span.start : span.end]):
        bare = _BARE_BEFORE.search(text, 0, s)
        # "(31.4 vs. 40.6 cases per 100,000)": the first figure shares the second's unit.
        s = min(s, run[0].start, bare.start(1) if bare is not None else s)
        last = run[-1]
        if len(run) > 1 and last.end >= span.end:
            last_end = last.end + (interval_after(text, last.end) if last.kind != "hr" else 0)
            if last.kind == "percent":
                # "… 27 cases per 100,000 person-years"; "… compared with 10% of controls": the
                # last share's base, as the first's.
                last_end = per_base_end(text, base_end(text, last_end))
                # "93% sensitivity and 71% specificity": the last rate keeps its endpoint.
                last_end = endpoint_after(text, last_end, prof.text)
            e = max(e, last_end)
            # "88% in the A group and 78% in the B group": the last arm keeps its label
            # when the first one has one.
            first_end = run[0].end + interval_after(text, run[0].end)
            if run[0].kind == "percent":
                first_end = base_end(text, first_end)  # "18% of patients in the A group"
            first = ARM_LABEL.match(text, first_end)
            label = ARM_LABEL.match(text, e)
            if first is not None and label is not None:
                e = label.end()
            elif any(own_label_end(text, m.end) > m.end for m in run[:-1]):
                # "9% from current smokers, and 41% from never-smokers"
                e = own_label_end(text, e)
            # "A 50 mg plus B 900 mg": a name the question asks about, written just
            # before the first figure, labels it as the next names label theirs.
            named = _NAME_BEFORE.search(text, 0, s)
            if len(run) > 1 and named and squash(named.group(1)) in asked_names(prof):
                s = named.start(1)
    if prof.also or len(prof.endpoints) > 1:
        s, e = with_other_parts(text, s, e, prof, span)
    s, e = balanced(text, s, e)
    return first_label(text, s, e), e


def _asks_of(word: str, prof: Profile) -> bool:
    """Whether the question counts what `word` names ("how many women …?" for "women")."""
    terms = tokenize(word)
    return bool(terms) and set(terms) <= set(tokenize(prof.text))
