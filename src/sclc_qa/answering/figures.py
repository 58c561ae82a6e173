"""Typed figures in one sentence — hazard ratios, rates, durations, counts, doses, years — for
the asked endpoint, ranked by how closely they follow what the question names (the order is
`figure_ranking`'s)."""

from __future__ import annotations

import re

from ..domain import domain
from ..endpoint_mentions import asked_site, endpoints_named, names_site, other_summary, site_of
from ..index import Index
from ..lexical import stem
from ..mentions import follow_up_points, time_points
from ..models import Sentence
from ..question import TIME_TO_EVENT, Profile
from ..question_kinds import HOW_OFTEN_SHOULD
from ..question_parts import asked_parts
from ..spans import PER_YEAR, Span, find, mask_markup
from ..tables import best_cell, holds_dose, limit_figure, row_figure
from ..vocabulary import Vocabulary
from .collective import introduced_together, stated_together
from .context import context_endpoint, earlier_time_points
from .counts import counted
from .figure_filters import (
    asks_control_arm,
    conceded,
    conditional,
    names_arms,
    not_siblings,
    of_asked_drug,
    with_asked_direction,
    word_stems,
    years_in,
)
from .figure_ranking import rank_figures
from .figure_widening import CHANGE_NOUN, widen
from .item_figures import of_other_items
from .kinds import STATEMENT, TYPED
from .name_lists import introduced_list
from .ratios import of_asked_ratio
from .runs import (
    BY,
    EVERY,
    EVERY_REACH,
    at_time_point,
    interval_after,
    outside_intervals,
    part_kind,
    rate_pairs,
    read_at,
    run_of,
    scheduled,
)
from .shares import asked_shares

__all__ = ["FigureExtractor"]

# A question of how often, or of a schedule; and a schedule that is an interval alone.
_SCHEDULE_ASKED = re.compile(r"\bhow (?:often|frequently)\b|\bschedul|\binterval|\bfrequency", re.I)
_INTERVAL = re.compile(r"(?:once\s+)?every\b", re.I)


def _found(text: str, kind: str) -> list[Span]:
    """`find`, where "risk_ratio" is a ratio labelled as one of risks, odds or rates ("RR, 1.8";
    not a hazard ratio, a time-to-event result's)."""
    if kind != "risk_ratio":
        return find(text, kind)
    return [s for s in find(text, "hr") if _RISK_RATIO.search(text, max(0, s.start - 30), s.end)]


_RISK_RATIO = re.compile(
    r"\b(?:a?RR|a?OR|IRR|relative risks?|risk ratios?|odds ratios?|rate ratios?)\b"
)
# How much more (or less) likely something was: a ratio of risks or odds answers it.
_RELATIVE_ASKED = re.compile(
    r"\bhow\s+much\s+(?:more|less)\s+(?:common|likely|frequent|often|rare|risk)", re.I
)

# A figure opened by a comparator ("≥50% of cells") is a cutoff that defines a group.
_CUTOFF = "≥≤<>"
# Figures an arm of a study reports on its own.
_PER_ARM = frozenset({"percent", "duration", "count"})
# Figures a list may give one per item under a lead-in that names their endpoint.
_LISTED = frozenset({"percent", "duration"})
_INTERVALS = re.compile(r"[\s-]*(?:intervals?|apart)\b", re.I)
# A question that asks when something was read ("after how long were they assessed?").
_ASKS_WHEN = re.compile(r"\bafter how long\b|\bat what (?:time|point)\b|\bwhen\b", re.I)
# Parts of a schedule, whose length is no time on treatment.
_SCHEDULE_PARTS = frozenset({"cycle", "cycles", "interval", "break", "washout", "run-in"})
# What a length written before it lasts: "a 12-week program", "21-day cycles".
_PERIOD_AFTER = re.compile(r"\s+(" + "|".join(map(re.escape, domain().period_nouns)) + r")\b", re.I)
# A rate per unit of time ("fell by 2% per year", "3% annually"): a yearly change, not the
# cumulative rate at a time point.
_PER_PERIOD = re.compile(
    r"\s*(?:per|a|each|every)\s+(?:year|month|annum)\b|\s*(?:annually|yearly)\b", re.I
)
# A rate question that compares two groups ("how does A's rate compare with B's?"), and a
# figure that says one is a multiple of the other ("nearly twice", "3 times", "tenfold").
_COMPARES = re.compile(r"\bcompar(?:e|ed|es|ing)\b|\bthan\b|\bvs\.?(?!\w)|\bversus\b", re.I)
_MULTIPLE = re.compile(r"\b(?:twice|double|times|\w+-?fold)\b", re.I)
# A dose question that asks how a dose is changed ("what dose adjustment …?").
_DOSE_CHANGE_ASKED = re.compile(r"\bdose\s+(?:adjust|reduc|modif|chang|lower)", re.I)
# How common a disease or condition is: asked of the people who have it, not of its survival.
_HOW_COMMON = re.compile(r"\bhow (?:common|frequent|prevalent|rare)\b", re.I)
# A share each year ("about 3% per year"), which no rate at a time point is, and which only a
# question of how fast or how much a year asks.
_YEARLY_ASKED = re.compile(
    r"\b(?:per|a|each|every)\s+year\b|\bannual(?:ly)?\b|\byearly\b|\bhow (?:fast|quickly)\b|"
    r"\b(?:ris|increas|grow|climb|fall|fell|declin|decreas|drop)\w*\b",
    re.I,
)
_EACH_YEAR = re.compile(rf"(?:{PER_YEAR})$", re.I)
# A share stated as a relative or absolute change, and a question that asks a change.
_RELATIVE_CHANGE_AFTER = re.compile(rf"\s+(?:relative|absolute)\s+(?:{CHANGE_NOUN}|improvement)\b")
_CHANGE_WORDS = re.compile(
    r"\b(?:reduc|increas|decreas|improv|rais|lower|cut|drop|declin|chang|benefit|gain|boost|"
    r"more|less|fewer|higher|greater)\w*|\bhow much\b|\bby how\b",
    re.I,
)
# A rate per so many people or person-years: "per 100,000", "per 1,000 women".
_PER_POPULATION = re.compile(r"\bper\s+(?:\d{1,3}(?:,\d{3})+|hundred|thousand|million)\b", re.I)


def _named_dose(doc_text: str, sent: Sentence, prof: Profile) -> Span | None:
    """The dose a cell states of what the question names, whatever its column: "What dose is
    Zentex?" in a row whose comment reads "Zentex brand for flushes 5 mg PO qhs"."""
    asked = {n.lower() for n in prof.names}
    for c in sent.cells:
        written = mask_markup(doc_text[c.start : c.end])
        named = [m.end() for m in re.finditer(r"[\w-]+", written) if m.group().lower() in asked]
        doses = find(written, "dose") if named else []
        if doses:
            # "… 1–10 mg/mL in ZX-1 cells and in ZX-2 cells at 2–5 mg/mL": the dose after the name.
            dose = next((d for d in doses if d.start >= named[0]), doses[0])
            return Span(c.start + dose.start, c.start + dose.end, "cell")
    return None


class FigureExtractor:
    """Finds and ranks figures of the asked kind; read-only after construction."""

    def __init__(self, index: Index, vocab: Vocabulary) -> None:
        self.index = index
        self.vocab = vocab

    def spans(self, sid: int, prof: Profile) -> list[Span]:
        """Spans of the asked kind, for the asked endpoint, best first."""
        sent = self.index.sentences[sid]
        if sent.kind == "table_row":
            found = self._row(sent, prof)
            # A row of one cell is a line of prose under the row above ("ZBT: 5 weekly
            # sessions, …", a cell that ran over several lines): where its cell gives no figure
            # by its header, it is read as a sentence.
            if found or len(sent.cells) != 1 or prof.kind not in TYPED:
                return found
        kinds: list[str] = [prof.kind]
        if prof.kind == "difference":
            kinds = ["difference", "duration"]
            if _RELATIVE_ASKED.search(prof.text):
                # "How much more common was X with A?": "(RR, 1.8; 95% CI, …)", a relative
                # risk, answers as well as a gap in points (a time does not).
                kinds = ["difference", "risk_ratio"]
        if prof.kind == "dose" and _DOSE_CHANGE_ASKED.search(prof.text):
            kinds = ["dose", "difference"]  # "what dose adjustment?": "a dose reduction of 50%"
        if prof.kind not in TYPED and prof.kind != "phase":
            return []
        text = mask_markup(sent.text)
        spans = [s for k in kinds for s in _found(text, k)]
        schedule = prof.kind == "dose" and not spans
        if schedule:
            # "Injections were given 2 to 3 times a week": how often, where no amount is given;
            # an interval alone ("every 4 weeks") only when how often is asked, not what dose.
            spans = [
                Span(s.start, s.end, "dose", s.endpoint)
                for s in find(text, "schedule")
                if _SCHEDULE_ASKED.search(prof.text) or not _INTERVAL.match(text, s.start)
            ]
        if stated_together(text, spans, prof) or introduced_together(
            self.index, self.vocab, sid, spans, prof
        ):
            return []  # "Trials (A, B, C) raised OS to X": no one trial's figure
        if prof.kind == "difference" and not spans:  # no gain stated: the rates it lies between
            rates = outside_intervals(text, find(text, "percent"))
            # … set against each other ("60% vs. 40%"), else listed side by side, one per
            # group ("9% from current smokers …, and 41% from never-smokers").
            spans = rate_pairs(text, rates) or [r for r in rates if len(run_of(text, r)) > 1]
        if prof.kind == "percent" and not spans and _COMPARES.search(prof.text):
            # "How does the rate in A compare with B?": "A's rate is nearly twice B's", when
            # the sentence gives no rate of its own.
            spans = [s for s in find(text, "difference") if _MULTIPLE.search(text, s.start, s.end)]
        if prof.kind in ("percent", "count"):
            spans = outside_intervals(text, spans)  # "(95% CI, 929–6,378)" bounds, not counts
        if prof.kind == "duration":
            spans = [s for s in spans if not BY.search(text[: s.start])]
            # "21-day cycles", "a 5-year course": the length of what the question names; else,
            # where no other duration is left, of a whole course, never of one cycle of it.
            spans = [s for s in spans if _period_asked(text, s, prof.text)] or [
                s for s in spans if not _period_part(text, s)
            ]
            if prof.endpoints:
                # A median OS is a duration survived, never the time point a rate was read at.
                spans = [s for s in spans if not at_time_point(text, s.start, s.end)]
            elif (
                not prof.time_points and not _ASKS_WHEN.search(prof.text) and find(text, "percent")
            ):
                # … nor is how long after X something happens ("survival rates at 5 years
                # were 24%").
                spans = [s for s in spans if not read_at(text, s.start)]
        if prof.kind == "hr":
            spans = of_asked_ratio(text, spans, prof.text)  # an odds ratio is no hazard ratio
        if prof.kind == "hr" and spans and not endpoints_named(text):
            inherited = context_endpoint(self.index, self.vocab, sid)
            spans = [Span(s.start, s.end, s.kind, inherited) for s in spans]
        elif prof.kind in _LISTED and spans and _opens_on_bare_figure(text, spans[0]):
            # "The response rates were as follows:" / "- 41% in the ZETA-2 trial.": an item
            # that opens on its figure, naming no endpoint, gives the one its lead-in names.
            inherited = context_endpoint(self.index, self.vocab, sid, lead_in_only=True)
            if inherited is not None:
                spans = [Span(s.start, s.end, s.kind, inherited) for s in spans]
        if prof.endpoints and prof.kind not in ("count", "dose", "age", "cost", "measure"):
            # A count or a dose is no endpoint's: "what dose, and what response rate?"
            spans = [s for s in spans if s.endpoint in prof.endpoints or s.kind == "phase"]
            rated = {ep for ep in prof.endpoints if part_kind(prof.kind, ep, prof) == prof.kind}
            if prof.kind == "percent" and rated and "duration" in asked_parts(prof.text):
                # "What response rate, and how long did they live?": the rate is the response's;
                # survival asked in a part of its own, at no time point, is its median ("what
                # rates for PFS, OS and response?" asks rates of all three).
                spans = [s for s in spans if s.endpoint in rated or s.kind == "phase"]
        if prof.endpoints and other_summary(prof.text, text):
            return []  # a median of studies answers nothing about their pooled estimate
        if prof.endpoints and prof.kind in _PER_ENDPOINT:
            # An intracranial response rate is not the response rate, nor the reverse, unless
            # the question names the site elsewhere ("… in patients with brain metastases").
            asked = asked_site(prof.text)
            spans = [
                s
                for s in spans
                if (site := site_of(text, s.start)) == asked
                or (asked is None and site is not None and names_site(prof.text, site))
            ]
        if prof.kind in ("percent", "duration"):
            # "a 30% ORR in patients with ≥50% marker-positive cells": a figure opened by a
            # comparator is a cutoff that defines a subgroup, not a result; it answers only when
            # the sentence states nothing else.
            spans = [s for s in spans if text[s.start] not in _CUTOFF] or spans
        if prof.kind == "percent":
            spans = asked_shares(text, spans, prof)
            if prof.time_points or not _YEARLY_ASKED.search(prof.text):
                # "3% per year" is a change, no 5-year rate nor share of a group
                spans = [s for s in spans if not _EACH_YEAR.search(text, s.start, s.end)]
            if not prof.endpoints and _HOW_COMMON.search(prof.text):
                # "How common is zetal cancer?": how many have it, not how many survive it.
                spans = [s for s in spans if s.endpoint not in TIME_TO_EVENT]
            if not _CHANGE_WORDS.search(prof.text):
                # "230 vs. 177, a 22.7% relative increase": how much a count rose, not a rate.
                spans = [s for s in spans if not _RELATIVE_CHANGE_AFTER.match(text, s.end)]
        if prof.kind == "count":
            spans = counted(text, spans, prof)
        if prof.kind == "dose":
            spans = [
                s for s in spans if s.kind == "dose" or "dose" in text[s.start : s.end].lower()
            ]
            spans = of_asked_drug(text, spans, prof, schedule=schedule)
        if prof.time_points and prof.kind in ("percent", "hr"):
            # A rate or ratio the sentence dates at another time, or follow-up ("during a
            # 15-year follow-up"), answers nothing about the one asked. A rate that names no
            # time point is at the one a sentence just before, in its section, gave the same
            # endpoint ("- The 2-year DFS rate was … . - The DFS rate in the ITT population was
            # …").
            stated = time_points(text) or follow_up_points(text)
            if not stated and prof.kind == "percent":
                stated = earlier_time_points(self.index, sid, prof.endpoints)
            if stated and not stated & prof.time_points:
                return []
            if prof.kind == "percent" and not _PER_PERIOD.search(prof.text):
                spans = [s for s in spans if not _PER_PERIOD.match(text, s.end)]
        asked_years = years_in(prof.text)
        if asked_years and prof.kind != "year":
            # A list item is dated by the sentence that introduces it ("Estimates for 2031:").
            years = years_in(text) or {
                y for at in self.vocab.lead_in[sid] for y in years_in(self.index.sentences[at].text)
            }
            if years and not years & asked_years:
                return []  # "In 2022, … 2.5 million new cases" says nothing of 2025
        if prof.kind == "duration" and HOW_OFTEN_SHOULD.search(prof.text):
            # "How often should X be done?" asks the time between two ("every 2 years"), not
            # an age, a follow-up or a median.
            spans = [
                sp
                for sp in spans
                if EVERY.search(text, max(0, sp.start - EVERY_REACH), sp.start)
                or _INTERVALS.match(text, sp.end)
            ]
        elif prof.kind == "duration" and not _SCHEDULE_ASKED.search(prof.text):
            # "27.4 weeks for patients treated every 3 weeks": not the interval.
            spans = [sp for sp in spans if not scheduled(text, sp)]
        if prof.kind == "percent" and _PER_POPULATION.search(prof.text):
            # "… per 100,000 person-years?" asks a rate per so many: a share ("20% of all
            # zentic tumours") is another measure.
            spans = [sp for sp in spans if _PER_POPULATION.search(text, sp.start, sp.end)]
        if spans and prof.kind in _PER_ARM and asks_control_arm(prof.text):
            around = (text, *(self.index.sentences[p].text for p in self.vocab.prev[sid]))
            if not any(names_arms(t) for t in around):
                return []  # a single-arm study's figure is no control group's
        spans = conceded(text, not_siblings(text, spans, prof), prof)
        spans = conditional(text, spans, prof.text)
        spans = of_other_items(text, spans, prof)
        spans = with_asked_direction(text, spans, prof.text)
        return self._rank(text, spans, prof)

    def _row(self, sent: Sentence, prof: Profile) -> list[Span]:
        """Spans of the asked kind in a table row, read cell by cell under their headers."""
        if prof.kind in STATEMENT:
            return []  # a table states facts; it explains, settles or defines nothing
        doc_text = self.index.documents[sent.doc].text
        if prof.kind in TYPED and prof.kind != "dose":
            figure = row_figure(doc_text, sent, prof)
            if figure is not None and prof.kind == "measure":
                # A cell states a measure with what it is of ("… across its widest axis"):
                # the cell answers, as a table is answered cell by cell.
                held = next(c for c in sent.cells if c.start <= figure.start < c.end)
                return [Span(held.start, held.end, "cell")]
            return [figure] if figure is not None else []
        if prof.kind == "entity" and prof.plural:
            # "Which structures does T4 invade?": the items a cell names after the words
            # asked ("T4 = Tumor invades adjacent structures (i.e., A, B, C)").
            for c in sent.cells:
                listed = introduced_list(mask_markup(doc_text[c.start : c.end]), prof)
                if listed is not None:
                    return [Span(c.start + listed[0], c.start + listed[1], "cell")]
        if prof.kind == "dose":
            limit = limit_figure(doc_text, sent, prof)
            if limit is not None:
                return [limit]
            named = _named_dose(doc_text, sent, prof)
            if named is not None:
                return [named]
        cell = best_cell(doc_text, sent, prof)
        if prof.kind == "dose" and (cell is None or not holds_dose(doc_text, sent, cell)):
            # A row of prose ("… only with low-dose zentamab (30 ng/kg) …"): the doses it
            # states, in the cell asked or, if none is, in any.
            where = [cell] if cell is not None else sent.cells
            return [
                Span(c.start + f.start, c.start + f.end, "cell")
                for c in where
                for f in find(mask_markup(doc_text[c.start : c.end]), "dose")
            ][:1]
        return [cell] if cell is not None else []

    def widen(self, text: str, span: Span, prof: Profile) -> tuple[int, int]:
        """The answer's bounds around `span`: see `figure_widening.widen`."""
        return widen(text, span, prof)

    def missing_parts(self, text: str, s: int, e: int, prof: Profile) -> list[tuple[str, str]]:
        """The asked parts, as (kind, endpoint), that no figure within `text[s:e]` reports: an
        endpoint of the asked kind ("median OS and PFS"), or another kind asked beside it
        ("median PFS and the 18-month PFS rate"; endpoint "" when any will do)."""
        out: list[tuple[str, str]] = []
        if len(prof.endpoints) >= 2 and prof.kind in _PER_ENDPOINT:
            for ep in sorted(prof.endpoints):
                kind = part_kind(prof.kind, ep, prof)
                if not any(
                    sp.endpoint == ep and s <= sp.start and sp.end <= e for sp in find(text, kind)
                ):
                    out.append((kind, ep))
        for kind in sorted(prof.also & _PER_ENDPOINT):
            if not any(s <= sp.start and sp.end <= e for sp in find(text, kind)):
                out.append((kind, next(iter(prof.endpoints)) if len(prof.endpoints) == 1 else ""))
        return out

    def part(self, text: str, kind: str, endpoint: str) -> tuple[int, int] | None:
        """The first figure of `kind` for `endpoint` (any, when "") in `text`, with its
        interval."""
        for sp in find(text, kind):
            if not endpoint or sp.endpoint == endpoint:
                return sp.start, sp.end + interval_after(text, sp.end)
        return None

    def _rank(self, text: str, spans: list[Span], prof: Profile) -> list[Span]:
        """Best first: the span nearest after the question's rarest words and names, a comparison
        for a median, a difference ("by 2.7 months") only when one is asked."""
        return rank_figures(text, spans, prof, self.vocab)


# Kinds of figure that are reported per endpoint ("median OS … median PFS …").
_PER_ENDPOINT = frozenset({"duration", "percent", "hr"})


def _period_asked(text: str, span: Span, question: str) -> bool:
    """Whether a length written before what lasts it ("a 12-week program") is asked: the
    question names what lasts it. Any other duration is."""
    period = _PERIOD_AFTER.match(text, span.end)
    if period is None or "-" not in text[span.start : span.end]:
        return True
    return stem(period.group(1).lower()) in word_stems(question)


def _period_part(text: str, span: Span) -> bool:
    """Whether a length written before what lasts it is one part of a schedule ("21-day
    cycles", "a 2-week break"), not a whole course of it ("a 12-week course")."""
    period = _PERIOD_AFTER.match(text, span.end)
    return period is not None and period.group(1).lower() in _SCHEDULE_PARTS


def _opens_on_bare_figure(text: str, span: Span) -> bool:
    """Whether `text` opens on the figure `span` and names no endpoint."""
    return not text[: span.start].strip() and not endpoints_named(text)
