"""Which of several trials or drugs had the higher or lower figure, computed from the figure
each one's own sentence states, both cited; never guessed from one sentence's wording. Which
subjects the question sets side by side is read from its wording by `alternatives`."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..domain import domain
from ..index import Index
from ..mentions import is_druglike, is_stage, is_tnm, written
from ..question import Kind, Profile
from ..retrieval import Hit, Query
from ..spans import Span, mask_markup, value_at
from .alternatives import (
    offers_alternatives,
    one_regimen,
    rarest_per_side,
    sides_of,
    without_others,
)
from .figure_filters import NUMBER
from .runs import balanced, run_of
from .scoring import Scored, SentenceScorer

__all__ = ["Compared", "Comparer", "offers_alternatives"]

# A subject's figure is taken only from a sentence that names the subject, or sits under (or
# just after) text that does: coverage of at least this.
_COVERED = 0.7
# The subject's name joins the answer when it stands this close to its figure (characters).
_NAME_REACH = 60
# The word that closes an arm's label after its name, a few words on at most ("… in the
# zentamab-plus quellimab-and-chemotherapy arm").
_ARM_WORD = re.compile(r"(?:\s[\w-]+){0,3}?\s+(?:group|arm|cohort)s?\b")
# How many of the best sentences are read for one that reports every subject's figure.
_SIDE_BY_SIDE_LOOK = 3


@dataclass(frozen=True)
class Compared:
    """One subject's figure: where it is stated and its value."""

    name: str
    scored: Scored
    span: Span
    value: float
    figure: str  # the figure as the sentence writes it


class Comparer:
    """Finds each compared subject's figure among the retrieved passages and picks the winner."""

    def __init__(self, index: Index, scorer: SentenceScorer) -> None:
        self.index = index
        self.scorer = scorer

    def subjects(self, prof: Profile) -> list[str]:
        """The names compared: one per alternative when the question offers them ("… X in A,
        or Y in B?": the most specific name of each side), else the question's specific names
        of one sort (trials, or drugs), when there are at least two; else each alternative's
        rarest name of any sort (a trial on one side, a drug on the other)."""
        names = self.scorer.key_names(prof)
        sides = sides_of(prof.text)
        share = self.scorer.vocab.key_share
        # "Which drug / regimen …, A in X or B in Y?" names drugs; else trials are the subjects.
        drugs_first = domain().entity_class(prof.target) in ("drug", "regimen")
        trials = [n for n in names if not is_druglike(n)]
        # "the largest ZBRT series for T1-T2 zentomas", "IIIA-N2 responders in ZETA-3": a
        # category or a stage says whom, it is no subject.
        if any(not (is_tnm(n) or is_stage(n)) for n in trials):
            trials = [n for n in trials if not (is_tnm(n) or is_stage(n))]
        drugs = [n for n in names if is_druglike(n)]
        sorts = (drugs, trials) if drugs_first else (trials, drugs)
        for group in sorts if len(sides) >= 2 else ():
            # Names of one sort on every side (trials, or drugs): each side's rarest.
            picked = rarest_per_side(sides, group, share)
            if picked:
                return picked
        for group in sorts:
            # "… with drugs A, B and C: which arm …?": one combination is no set of subjects.
            if len(group) >= 2 and not (group is drugs and one_regimen(prof.text, group)):
                return group
        # "… the Q-1 regimen or zentamab in the phase I study?": a trial on one side, a drug on
        # the other, each side's rarest name is its subject; else one trial and its drug are
        # one subject, not two to compare.
        return (rarest_per_side(sides, names, share) if len(sides) >= 2 else None) or []

    def side_names(self, prof: Profile, name: str) -> list[str]:
        """The question's other names on `name`'s side of the choice ("zentamab in ZENITH-7":
        the drug beside the trial), so an answer may label the figure with whichever of them
        its sentence writes; empty when the question offers no alternatives."""
        sides = sides_of(prof.text)
        if len(sides) < 2:
            return []
        own = [side for side in sides if name in side]
        if len(own) != 1:
            return []
        others = [side for side in sides if side is not own[0]]
        return [
            n
            for n in self.scorer.key_names(prof)
            if n != name and n in own[0] and not any(n in side for side in others)
        ]

    def figures(
        self,
        query: Query,
        hits: Sequence[Hit],
        names: Sequence[str],
        retrieve: Callable[[str], Sequence[Hit]] | None = None,
    ) -> tuple[list[Compared], list[str]]:
        """Each name's figure of the compared kind, and the names none was found for. A name
        whose figure is not among `hits` is searched for on its own, with the other names left
        out of the question."""
        prof = query.profile
        kind = prof.measure or prof.kind
        side_by_side = self._side_by_side(query, hits, names, kind)
        if side_by_side:
            return side_by_side, []
        found: list[Compared] = []
        missing: list[str] = []
        # The drug whose dose is compared on every side ("the higher zetamab dose, A or B?");
        # other names beside the compared ones are each side's own ("X in A or Y in B").
        fixed = tuple(n for n in prof.names if n not in names and is_druglike(n))
        fixed = fixed if kind == "dose" else ()
        for name in names:
            own = dataclasses.replace(
                prof, kind=kind, names=(name, *fixed), also=frozenset(), measure=None, prefer=""
            )
            own_query = dataclasses.replace(query, profile=own)
            others = [n for n in names if n != name]
            best = self._best(own_query, hits, others)
            if best is None and retrieve is not None:
                alone = without_others(query.text, others)
                # Its own search's passages alternate with the first search's: the scorer
                # reads only the first passages it is given.
                best = self._best(own_query, _interleaved(retrieve(alone), hits), others)
            if best is None:
                missing.append(name)
                continue
            text = self.index.sentences[best.sid].text
            span = _labelled(text, best.spans, name)
            number = NUMBER.search(text, value_at(text, span), span.end)
            if number is None:
                missing.append(name)
                continue
            if any(c.scored.sid == best.sid and c.span == span for c in found):
                missing.append(name)  # one figure for two subjects: neither is its own
                continue
            figure = text[span.start : span.end]
            found.append(Compared(name, best, span, _value(figure, kind, number), figure))
        return found, missing

    def shared(self, found: Sequence[Compared], missing: Sequence[str]) -> bool:
        """Whether every subject without a figure of its own is named by a found figure's
        sentence ("A and B both added about 2 months"): the figure is theirs together."""
        return bool(found) and all(
            any(self.scorer.vocab.said_by(c.scored.sid, name) for c in found) for name in missing
        )

    def _side_by_side(
        self, query: Query, hits: Sequence[Hit], names: Sequence[str], kind: Kind
    ) -> list[Compared]:
        """Every subject's figure from one sentence that reports them together ("20.1 months
        in the A group and 14.2 months in the B group", "A (30%) and B (21%)"): a run of
        figures of the kind, one per subject, each labelled by its name. Empty when no top
        sentence does; each subject is then looked for on its own."""
        own = dataclasses.replace(
            query.profile, kind=kind, also=frozenset(), measure=None, prefer=""
        )
        scored = self.scorer.score(dataclasses.replace(query, profile=own), hits)
        for best in scored[:_SIDE_BY_SIDE_LOOK]:
            if best.coverage < _COVERED:
                continue
            text = mask_markup(self.index.sentences[best.sid].text)
            for span in best.spans:
                run = run_of(text, span)
                labels = _labels(text.lower(), run, names)
                figures = [text[sp.start : sp.end] for sp in run]
                numbers = [NUMBER.search(text, value_at(text, sp), sp.end) for sp in run]
                if labels is None or not all(numbers):
                    continue
                return [
                    Compared(name, best, sp, _value(figure, kind, number), figure)
                    for name, sp, figure, number in zip(labels, run, figures, numbers, strict=True)
                    if number is not None
                ]
        return []

    def _best(self, query: Query, hits: Sequence[Hit], others: Sequence[str]) -> Scored | None:
        """The best sentence that names this subject and states a figure of the kind; one that
        names none of the other subjects first (a figure shared by several is no one's own)."""
        scored = [s for s in self.scorer.score(query, hits) if s.spans and s.coverage >= _COVERED]
        alone = (s for s in scored if not any(self.scorer.vocab.said_by(s.sid, o) for o in others))
        return next(alone, scored[0] if scored else None)

    @staticmethod
    def winner(found: list[Compared], prefer: str) -> Compared | None:
        """The subject at the preferred end; None on a tie (the documents then decide nothing)."""
        ordered = sorted(found, key=lambda c: c.value, reverse=prefer == "high")
        if len(ordered) < 2 or ordered[0].value == ordered[1].value:
            return None
        return ordered[0]

    def span(
        self,
        won: Compared,
        widen: Callable[[str, Span], tuple[int, int]],
        *,
        name_only: bool = False,
        trial_asked: bool = False,
        aliases: Sequence[str] = (),
    ) -> tuple[int, int, int]:
        """The winner's figure in its document, with its name when the sentence states it
        close by ("<drug> (30%)"), and the id of the sentence that holds it. With `name_only`
        ("which …?"), the name with its figure wherever their sentence states both. A figure
        whose sentence does not write the name (a trial named in a list's lead-in, its results
        in the items) answers alone, the note and the cited section naming the winner: the
        quote shows what makes it win. Only "which trial …?" (`trial_asked`) is answered by the
        name alone where the sentences that introduce the figure write it, the figures then in
        the note: a trial's name is what such a question asks, and the figure's section (the
        drug's, or the disease's) often does not name the trial."""
        sid = won.scored.sid
        sent = self.index.sentences[sid]
        text = mask_markup(sent.text)
        s, e = widen(text, won.span)
        low = text.lower()
        key = won.name.lower()
        # For "which …?" the name is the answer and the figure its support: both are kept
        # wherever the sentence states the two; a name only other sentences state answers alone.
        reach = len(text) if name_only else _NAME_REACH
        before: list[int] = []
        after = None
        # The name written whole ("MATCH" is not the end of "mismatch"); failing that, another
        # name of its side that the sentence writes (the trial's drug).
        for label in (key, *(a.lower() for a in aliases)):
            named = _compound(label)
            before = [m.start() for m in named.finditer(low, max(0, s - reach), s)]
            after = named.search(low, e, e + reach)
            if before or after is not None:
                break
        if before:
            s = before[-1]
        elif after is not None:
            e = after.end()
            arm = _ARM_WORD.match(text, e)  # "… in the <name> group": the label whole
            e = arm.end() if arm else e
        elif name_only and trial_asked:
            # The figure's sentence does not write the trial's name plainly: the name alone.
            for at_sid in (sid, *self.scorer.vocab.prev[sid], *self.scorer.vocab.lead_in[sid]):
                at = self._named_at(at_sid, key, s if at_sid == sid else 0)
                if at is not None:
                    return (*at, at_sid)
        if name_only and (before or after is not None):
            # "Which gave more, A in X or B in Y?": the side whole, its other names before the
            # figure too ("B … (12.0 months) … in Y"), whichever of them the question means
            # (not after it, where another side's figures may stand).
            for alias in aliases:
                earlier = [m.start() for m in _compound(alias.lower()).finditer(low, 0, s)]
                if earlier:
                    s = earlier[-1]
        s, e = balanced(text, s, e)
        return sent.start + s, sent.start + e, sid

    def _named_at(self, sid: int, key: str, near: int) -> tuple[int, int] | None:
        """Where sentence `sid` writes the lower-cased name `key` (the place nearest `near`),
        in document offsets; None when it does not."""
        sent = self.index.sentences[sid]
        low = mask_markup(sent.text).lower()
        at = [m.start() for m in written(key).finditer(low)]
        if not at:
            return None
        nearest = min(at, key=lambda i: abs(i - near))
        return sent.start + nearest, sent.start + nearest + len(key)


def _labels(low: str, run: Sequence[Span], names: Sequence[str]) -> list[str] | None:
    """The name that labels each figure of `run` in the lower-cased sentence `low`, one name
    per figure and every name used: each written just after its figure ("14.2 months in the B
    group"), or each just before it ("B (21%)"). None when neither reading labels them all."""
    if len(run) != len(names) or len(run) < 2:
        return None
    ends = [s.end for s in run]
    starts = [s.start for s in run]
    after = [(e, nxt) for e, nxt in zip(ends, [*starts[1:], ends[-1] + _NAME_REACH], strict=True)]
    before = [
        (prev, s) for prev, s in zip([starts[0] - _NAME_REACH, *ends[:-1]], starts, strict=True)
    ]
    for windows in (after, before):
        labels = []
        for lo, hi in windows:
            here = [n for n in names if _names_in(low[max(0, lo) : hi], n)]
            if len(here) != 1:
                break
            labels.append(here[0])
        else:
            if len(set(labels)) == len(names):
                return labels
    return None


def _labelled(text: str, spans: Sequence[Span], name: str) -> Span:
    """Of a sentence's figures, the one labelled by `name` just after it ("29% in the
    zentamab-plus-chemotherapy arm and 22% in the chemotherapy-alone arm": zentamab's is the
    first); else the best figure."""
    low = text.lower()
    named = _compound(name.lower())
    for sp in spans:
        label = _LABEL_OPENS.match(low, sp.end)
        if label is not None and named.match(low, label.end()):
            return sp
    return spans[0]


# What opens a figure's label after it: "… in the <arm>", "… with <drug>", "… among patients
# treated with <drug>", "… for stage <stage>", past an interval in brackets.
_LABEL_OPENS = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:in|among|with|for)\s+(?:the\s+)?"
    r"(?:patients\s+(?:in|on|treated\s+with|receiving|with)\s+(?:the\s+)?)?"
    r"(?:(?:stage|grade|type|group|cohort|arm)\s+)?"
)


@lru_cache(maxsize=1 << 10)
def _compound(name: str) -> re.Pattern[str]:
    """`name` whole, or as the head of a hyphenated arm label ("zentamab-plus-chemotherapy")."""
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?:-[a-z]+)*(?![\w-])")


def _names_in(window: str, name: str) -> bool:
    return written(name.lower()).search(window) is not None


def _value(figure: str, kind: str, number: re.Match[str]) -> float:
    """The figure's value: its first number, or for a gain asked of a paired figure ("15.4 vs
    10.9 months", "from 10.8 months to 15.3 months"), the difference of the pair."""
    pair = _PAIR.search(figure)
    if kind == "difference" and pair is not None:
        return abs(float(pair.group(1)) - float(pair.group(2)))
    change = _FROM_TO.search(figure)
    if change is not None and kind == "difference":
        return abs(float(change.group(2)) - float(change.group(1)))
    if change is not None:
        return float(change.group(2))  # "from 9 months (control) to 12 months": the new
    return float(number.group())


_FROM_TO = re.compile(r"\bfrom\s+(\d+(?:\.\d+)?).*?\bto\s+(\d+(?:\.\d+)?)")
_PAIR = re.compile(r"(\d+(?:\.\d+)?)\s*(?:[a-z]+\s*)?(?:vs\.?|versus)\s*(\d+(?:\.\d+)?)")


def _interleaved(first: Sequence[Hit], second: Sequence[Hit]) -> list[Hit]:
    """Hits of two searches taken in turn, each passage once."""
    out: list[Hit] = []
    seen: set[int] = set()
    for pair in itertools.zip_longest(first, second):
        for hit in pair:
            if hit is not None and id(hit.chunk) not in seen:
                seen.add(id(hit.chunk))
                out.append(hit)
    return out
