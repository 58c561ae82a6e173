"""The several figures one answer holds: the run of arms a comparison reports together ("23.7
months in the A group and 16.6 months in the B group"), the other parts a question asks beside
its main figure, and how many of the asked parts an answer holds."""

from __future__ import annotations

import itertools
import re

from ..mentions import is_druglike
from ..question import TIME_TO_EVENT, Profile
from ..question_kinds import ENDPOINTS
from ..question_parts import asked_parts
from ..spans import Span, find, mask_markup
from .counts import counted
from .figure_filters import respective_position
from .kinds import TYPED
from .labels import labelled_after

__all__ = [
    "BY",
    "EVERY",
    "EVERY_REACH",
    "asks_several",
    "at_time_point",
    "balanced",
    "interval_after",
    "outside_intervals",
    "paired",
    "part_kind",
    "parts_share",
    "rate_pairs",
    "run_of",
    "scheduled",
    "with_other_parts",
]

# "prolonged OS by 2.7 months": a difference, not a duration.
BY = re.compile(r"\bby\s+(?:about\s+|approximately\s+|up to\s+)?$")
# "At 24 months, the rate was …", "3 years after surgery": the time point a figure was read at,
# not a duration measured (before the span, and after it).
_AT_TIME = re.compile(r"\b(?:at|after|within|beyond)\s+$", re.I)
_TIME_SINCE = re.compile(r"\s+(?:after|since)\b", re.I)


def read_at(text: str, start: int) -> bool:
    """Whether the duration starting at `start` is the time point something was read at ("at
    24 months", "at 5 and 10 years"), by the word before it (not "after 3 weeks" nor "3 years
    after surgery", which may say how long)."""
    return bool(_AT_TIME_RUN.search(text, max(0, start - _AT_RUN_REACH), start))


# The word a time point is read at, before a run of them: "at 5 years and 10 years", "at 1, 3
# and 5 years" (each of the run is read at).
_AT_TIME_RUN = re.compile(r"\bat\s+(?:[\d.]+(?:\s*[a-z]+)?,?\s+(?:and\s+|or\s+)?)*$", re.I)
_AT_RUN_REACH = 60  # characters: a few time points before the one read


def at_time_point(text: str, start: int, end: int) -> bool:
    """Whether the duration at text[start:end] is when something was measured ("at 24 months",
    "(about 3 years after surgery)") rather than how long it lasted."""
    return bool(_AT_TIME.search(text[:start]) or _TIME_SINCE.match(text, end))


# Two sides compared: each side's figure, unless only a ratio is asked, which compares them
# itself ("RR for six or more partners vs one").
_SIDES = re.compile(
    r"\bvs\.?\b|\bversus\b|\bagainst\b|\brelative to\b|\bcompared?\b|\bbetween\b|\bthan\b|"
    r"\bwith and without\b",
    re.I,
)
_EACH = re.compile(
    # (Not "each year", "each day" as an adverb: how often, per unit of time; "in each year of
    # the study" still asks a figure for each.)
    r"\bboth\b|\beach\b(?!\s+(?:year|month|week|day|hour|night)\b(?!\s+of\b))|"
    r"\b(?:in|on|during|for)\s+each\b|\b(?:arms|groups|cohorts)\b|"
    # "how does X differ by stage?", "vary across groups": the figure of each.
    r"\b(?:differ|diverge|var(?:y|ies|ied))\w*\s+(?:by|across|among|between|with)\b",
    re.I,
)
# "at low, middle and high dose", "for a low, a middle or a high dose": a figure asked for each
# of several groups.
_LISTED = re.compile(
    r"\w+,\s+(?:(?:a|an|the)\s+)?[\w-]+,?\s+(?:and|or)\s+\w+"
    # three or more items closing the question with bare commas: "… by stage: A, B, C?",
    # "… by stage (A, B, C)?"
    r"|[\w-]+,\s+[\w-]+,\s+[\w-]+[\s?.)\]]*$",
    re.I,
)
# A preposition of time ("at least", "at what", "at which" are none).
_WHEN = r"(?:at(?!\s+(?:least|most|what|which|any)\b)|before|after|during)"
# "with A and with B", "on A, or on B": one preposition repeated before each arm or group; and
# two times, each by its own preposition: "before surgery and at 12 months".
_PARALLEL = re.compile(
    r"\b(with|on|in|for|among|receiving)\s+[^,;?]{1,60}?,?\s(?:and|or)\s+\1\b|"
    rf"\b{_WHEN}\s+[^,;?]{{1,40}}?,?\s(?:and|or)\s+(?:again\s+)?{_WHEN}\b",
    re.I,
)
_CHOICE = re.compile(r"\b(?:which|who)\b[^?]*\bor\b|\bor\b[^?]*\b(?:which|who)\b", re.I)
_OR = re.compile(r"\bor\b", re.I)
_WHICH_WHO = re.compile(r"\b(?:which|who)\b", re.I)
_INTERVAL = re.compile(r"\s*\((?:95|90)\s*%\s*(?:CI|confidence interval)[^)]*\)")
# Words that join one arm's figure to the next in a comparison.
_JOINT = re.compile(
    r"\band\b|\bor\b|\bplus\b|\bvs\b|\bversus\b|\bcompared with\b|\bwhile\b|\bwhereas\b|\bthan\b|,"
)
_PAIRED = re.compile(r"\b(vs\.?|versus|to)\b")  # a figure that is already a pair: "X vs Y months"
# …but "5% to 8%" is one figure, a range of rates.
_RATE_RANGE = re.compile(r"\D{0,15}\d+(?:\.\d+)?\s*%?\s*to\s*\d+(?:\.\d+)?\s*%")
_RUN_REACH = 90  # characters between two figures of one comparison (an arm's name, its CI)
_MAX_RUN = 4  # arms of one trial reported in one sentence
_PART_REACH = 120  # characters between two parts of one answer stated in one sentence


def with_other_parts(text: str, s: int, e: int, prof: Profile, span: Span) -> tuple[int, int]:
    """Take in the nearest figure of each other kind the question asks for ("median OS and
    HR"), and of the same kind for each other endpoint it asks ("PFS and OS"), when the
    sentence states it close by (with the rest of its run when several arms or time points
    are asked); a part it does not state is left out."""
    # Each other kind once per asked endpoint ("median PFS, OS and ORR" asks two durations
    # beside the rate), or once when no endpoint is asked.
    wanted = [
        (kind, frozenset({ep}) if ep else frozenset())
        for kind in sorted(prof.also)
        for ep in (sorted(prof.endpoints) or [""])
    ]
    wanted += [
        (part_kind(span.kind, ep, prof), frozenset({ep}))
        for ep in sorted(prof.endpoints - {span.endpoint})
    ]
    at = respective_position(text, prof.text)  # the asked time's place in each pair, if paired
    for kind, endpoints in wanted:
        near = [
            x
            for x in find(text, kind)
            if (x.end <= s or x.start >= e) and (not endpoints or x.endpoint in endpoints)
        ]
        if kind in ("percent", "count"):
            near = outside_intervals(text, near)  # "(95% CI, 47%–54%)": bounds, no part
        if kind == "count":
            near = counted(text, near, prof)  # "how many new cases": a number of cases
        if not near:
            continue
        best = min(near, key=lambda x: s - x.end if x.end <= s else x.start - e)
        if at is not None and len(pair := run_of(text, best)) == 2:
            best = pair[at]  # "… and OS rates of C% and D%, respectively": the asked time's
        gap = s - best.end if best.end <= s else best.start - e
        if gap <= _PART_REACH:
            # A part asked at several time points or arms is its whole run: "and OS rates of
            # 70% and 35%", not the first of them.
            run = run_of(text, best) if asks_several(prof) else [best]
            last = max(run[-1].end, best.end)
            if last > e and kind in ("percent", "duration"):
                # The last part keeps its interval and a label named after it ("… and 86%
                # (95% CI, 84%–88%) for zeta").
                last = labelled_after(text, last + interval_after(text, last))
            s, e = min(s, run[0].start, best.start), max(e, last)
    return s, e


def part_kind(kind: str, endpoint: str, prof: Profile) -> str:
    """The kind of figure an asked endpoint is reported as, beside a figure of `kind`: with a
    response rate, a time-to-event endpoint asked at no time point is its median ("ORR and
    PFS?" → a rate and a duration)."""
    if kind == "percent" and endpoint in TIME_TO_EVENT and not prof.time_points:
        return "duration"
    return kind


def parts_share(answer: str, prof: Profile) -> float:
    """How much of what a several-part question asks the answer holds: its figures over the
    figures asked (the main one, each other kind, each other endpoint, two arms for a
    comparison), at most 1. A paired figure ("X vs Y months") counts as two. 1 when a single
    figure, or no figure, is asked."""
    if prof.kind not in TYPED:
        return 1.0
    asked = 1 + len(prof.also) + max(0, len(prof.endpoints) - 1)
    if asks_several(prof):
        asked = max(asked, 2)
    if asked == 1:
        return 1.0
    text = mask_markup(answer)
    found = outside_intervals(text, [x for k in _PART_KINDS for x in find(text, k)])
    spans = sorted({(x.start, x.end) for x in found}, key=lambda se: (se[0], -se[1]))
    outer: list[tuple[int, int]] = []
    for start, end in spans:
        if not outer or start >= outer[-1][1]:
            outer.append((start, end))
    figures = sum(2 if paired(text[a:b]) else 1 for a, b in outer)
    return min(1.0, figures / asked)


_PART_KINDS = ("hr", "duration", "percent", "dose", "difference")


def asks_several(prof: Profile) -> bool:
    """Whether the question asks a figure for several arms, groups or time points."""
    return bool(
        prof.plural  # "which dosing schedules …": all the figures the sentence lists
        or _CHOICE.search(prof.text)  # "A or B: which did better?": both, each with its label
        # "Did A or B have the higher rate?": the figures compared ("which …, A or B?" is a
        # name, each figure cited by the comparison).
        or bool(prof.prefer and _OR.search(prof.text) and not _WHICH_WHO.search(prof.text))
        or ((prof.kind != "hr" or prof.also) and _SIDES.search(prof.text))
        or _EACH.search(prof.text)
        or _LISTED.search(prof.text)
        or _PARALLEL.search(prof.text)  # "median PFS with A and with B"
        or len(prof.time_points) > 1
        or (prof.kind == "dose" and sum(map(is_druglike, prof.names)) > 1)  # "doses of A and B"
        # "What share were X, and what share Y?": two parts asking a figure of one kind.
        or asked_parts(prof.text).count(prof.kind) > 1
        or _joined_measures(prof)
    )


# A test's measures of accuracy, which a sentence gives side by side ("93% sensitivity and 71%
# specificity").
_ACCURACY = frozenset({"sens", "spec", "ppv", "npv"})
# What joins two measures asked together: "sensitivity and specificity", "sensitivity, PPV".
_MEASURES_JOINED = re.compile(r"\s*(?:,|&|/|and|,\s*and)\s*(?:the\s+)?", re.I)


def _joined_measures(prof: Profile) -> bool:
    """Whether the question asks two of a test's measures of accuracy joined by "and" or a comma
    ("What sensitivity and specificity …?"), not one at a given level of the other ("how
    sensitive … at 95% specificity?")."""
    if prof.kind != "percent" or len(prof.endpoints & _ACCURACY) < 2:
        return False
    places = sorted(
        (m.start(), m.end())
        for name in prof.endpoints & _ACCURACY
        for m in ENDPOINTS[name].finditer(prof.text)
    )
    return any(
        _MEASURES_JOINED.fullmatch(prof.text, a_end, b_start) is not None
        for (_, a_end), (b_start, _) in itertools.pairwise(places)
    )


def interval_after(text: str, end: int) -> int:
    """Length of a "(95% CI …)" right after `end`, else 0."""
    m = _INTERVAL.match(text, end)
    return m.end() - end if m else 0


# How a time between two is written: "every 2 years", "each 6 months" (a reach of characters
# back from the figure that covers "every other").
EVERY = re.compile(r"\b(?:every|each|once in)\s+(?:other\s+)?$", re.I)
EVERY_REACH = 12


# "every 3 weeks", "once in 2 years": a schedule's interval ("each 21 days long" may be a
# length, so "each" is left out here).
_SCHEDULED = re.compile(r"\b(?:every|once in)\s+(?:other\s+)?$", re.I)


def scheduled(text: str, span: Span) -> bool:
    """Whether `span` is the time between doses or visits ("every 3 weeks"), no time a median,
    a follow-up or an age is."""
    return _SCHEDULED.search(text, max(0, span.start - EVERY_REACH), span.start) is not None


def run_of(text: str, span: Span) -> list[Span]:
    """The figures of `span`'s kind and measure (its endpoint, a follow-up read as none) that the
    sentence lists with it, one per arm or group: neighbours joined by "and", "vs", "versus",
    "compared with", "while" or a comma, within one clause (no semicolon) and a short reach."""
    same = [
        x
        for x in find(text, span.kind)
        if _measured(x) == _measured(span)
        and (x == span or not (BY.search(text[: x.start]) or scheduled(text, x)))
    ]
    if span.kind == "percent":
        same = outside_intervals(text, same)
    if span not in same:
        return [span]
    i = same.index(span)
    lo = hi = i
    while lo > 0 and _joined(text[same[lo - 1].end : same[lo].start]):
        lo -= 1
    while hi + 1 < len(same) and _joined(text[same[hi].end : same[hi + 1].start]):
        hi += 1
    return same[lo : hi + 1][:_MAX_RUN]


def _measured(span: Span) -> str | None:
    """What a figure measures, for telling one run's figures apart: "41% … at follow-up" is a
    share read at follow-up, no follow-up time (only a duration measures that)."""
    if span.endpoint == "followup" and span.kind != "duration":
        return None
    return span.endpoint


def outside_intervals(text: str, spans: list[Span]) -> list[Span]:
    """The spans that are not a bound of one of `text`'s confidence intervals ("95% CI,
    38.2%–47.4%"): a bound is no arm's figure."""
    cis = find(text, "ci")
    return [s for s in spans if not any(c.start <= s.start < c.end for c in cis)]


def paired(figure: str) -> bool:
    """Whether one figure states two values, one per arm ("15.4 vs 10.9 months")."""
    return _PAIRED.search(figure) is not None and _RATE_RANGE.fullmatch(figure) is None


def _joined(between: str) -> bool:
    if _NEXT_LABELLED.fullmatch(between):
        return True  # "(A: 93.8%; B: 77.8%)": each figure after its label
    # What an arm's brackets hold (its counts, its interval: "(12 of 300; 95% CI, 2%–6%)") is
    # no break between arms.
    bare = _BRACKETED.sub("", between)
    return len(bare) <= _RUN_REACH and ";" not in bare and _JOINT.search(bare) is not None


_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


# Between two labelled figures of one list: "; thymic carcinoma: ".
_NEXT_LABELLED = re.compile(r"\s*;\s*[^;:()]{1,40}:\s*")


def balanced(text: str, s: int, e: int) -> tuple[int, int]:
    """Grow a span to take in the brackets it opens or closes: "(64%), … (9%" → "(64%), … (9%)",
    "51%] vs. 149 [67%" → "[51%] vs. 149 [67%]" (round and square ones each in their own pairs)."""
    for opening, closing in _BRACKETS:
        depth = low = 0
        for ch in text[s:e]:
            depth += (ch == opening) - (ch == closing)
            low = min(low, depth)
        if low < 0:
            opened = text.rfind(opening, 0, s)
            s = opened if opened >= 0 else s
            depth -= low
        if depth > 0:
            closed = text.find(closing, e)
            e = closed + 1 if closed >= 0 else e
    return s, e


_BRACKETS = (("(", ")"), ("[", "]"))


# What joins the two rates a gain lies between: "60% vs. 40%", "60% versus 40%".
_VERSUS = re.compile(r"\s*(?:vs\.?|versus|compared with)\s*")


def rate_pairs(text: str, rates: list[Span]) -> list[Span]:
    """The first rate of each pair set against each other ("60% vs. 40%"): a gain that is not
    stated lies between them."""
    return [a for a, b in itertools.pairwise(rates) if _VERSUS.fullmatch(text[a.end : b.start])]
