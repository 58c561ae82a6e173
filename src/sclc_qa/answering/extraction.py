"""The best sentence → the shortest verbatim span that answers, by the kind of answer asked.

Each answer kind has its extractors, tried in order until one finds a span: a typed figure for
numbers; a table cell or glossary entry; a name of the asked class for which/what/who; the
explaining clause for how/why and everything else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from ..domain import domain
from ..index import Index
from ..lexical import tokenize
from ..question import Profile
from ..question_parts import asks_different_things, coordinated
from ..question_phrase import class_phrase
from ..series import examples_of, series
from ..spans import Span, mask_markup, strip_citation
from ..tables import bare_cell, continued
from ..vocabulary import Vocabulary
from .aliases import alias_answer, asks_alias
from .anchors import anchor_cost, anchors
from .classes import names_none
from .clauses import Clauses, going_on, runs_into
from .counts import counts_several
from .cutoffs import asks_cutoff, cutoff_value, states_value
from .entities import EntityExtractor
from .entries import Entries
from .exclusions import asks_excluded, excluded_clause
from .explanations import defining_span, describing_span, genus_definition
from .extracted import Extracted
from .figure_filters import NUMBER
from .figures import FigureExtractor
from .kinds import STATEMENT, TYPED
from .lists import answer as list_answer
from .lists import counted_list, list_items
from .pairs import side_by_side_asked
from .registrations import asks_registration, registration
from .respective import respective_item
from .scoring import Scored

__all__ = ["Extracted", "Extractor"]


# The most sentences after an answer's own that a part asked beside it is looked for in.
_BLOCK_REACH = 4
# The first candidates looked at for a row that defines the term asked about.
_FIRST_LOOKED_AT = 3
# The first candidates looked at for a list with as many items as the question asks for.
_COUNTED_LOOK = 10
# The first candidates looked at for a sentence that defines the term by its class: one that
# repeats little of the question but the term ranks lower than a row keyed by it.
_DEFINING_LOOK = 30
# Classes whose members are proper names: a sentence that names none does not answer.
_NAMES_ONLY = frozenset({"place", "company", "author"})
# A question that lists its subjects: "A, B and C", "A, B, or C".
_LISTED_ASKED = re.compile(r"\w+,\s+[\w -]+?,?\s+(?:and|or)\s+\w+")

_Step = Callable[[Profile, Scored, list[Scored]], Extracted | None]


class Extractor:
    """Runs the extractors for the question's kind over the scored sentences."""

    def __init__(
        self,
        index: Index,
        vocab: Vocabulary,
        figures: FigureExtractor,
        entities: EntityExtractor,
        names_a_cell: Callable[[int, Profile], bool],
        entries: Entries,
    ) -> None:
        self.index = index
        self.vocab = vocab
        self.figures = figures
        self.entities = entities
        self.names_a_cell = names_a_cell
        self.entries = entries
        self.clauses = Clauses(index, vocab)
        # Extractors per kind of answer, in the order they are tried. A figure question has
        # only one: without a figure of the asked kind there is no answer.
        self._open: tuple[_Step, ...] = (
            self._alias,
            self._excluded,
            self._defining_row,
            self._registration,
            self._cutoff,
            self._defined,
            self._typed,
            self._listed,
            self._glossary_entry,
            self._keyed_row,
            self._series,
            self._respective,
            self._entity,
            self._whole_row,
            self._clause,
        )

    def extract(self, prof: Profile, best: Scored, scored: list[Scored]) -> Extracted | None:
        """The answer span for the best sentence, or None when nothing of the asked kind is
        there."""
        steps = (self._typed,) if prof.kind in TYPED else self._open
        for step in steps:
            found = step(prof, best, scored)
            if found is None or self._valueless_cutoff(prof, found):
                continue
            if step != self._entity and self._names_none_asked(prof, best, found):
                continue  # a list, row or series of drugs for "which company makes X?"
            return self._every_part(prof, found)
        return None

    def _names_none_asked(self, prof: Profile, best: Scored, found: Extracted) -> bool:
        """Whether a question that only a place's or a company's name answers got a span that
        cannot name one (`classes.names_none`)."""
        asked = domain().entity_class(prof.target)
        if prof.kind != "entity" or asked is None:
            return False
        sent = self.index.sentences[found.located(best.sid)]
        whole_row = sent.kind == "table_row" and found.sid >= 0
        span = self.index.documents[sent.doc].text[found.start : found.end]
        return names_none(asked, span, sent.cells if whole_row else None)

    def _valueless_cutoff(self, prof: Profile, found: Extracted) -> bool:
        """Whether a cutoff is asked and the span found states no value at all."""
        if prof.kind != "definition" or not asks_cutoff(prof.text) or found.sid < 0:
            return False
        text = self.index.documents[self.index.sentences[found.sid].doc].text
        return not states_value(text[found.start : found.end])

    def _every_part(self, prof: Profile, found: Extracted) -> Extracted:
        """For a question that asks things of different kinds ("which drug, and in what
        year?"), the sentence that states the part found, which states the others with it;
        the span found answers one part only."""
        if found.sid < 0 or not asks_different_things(prof.text):
            return found
        sent = self.index.sentences[found.sid]
        if sent.kind == "table_row":
            # "Which trial …, and in which stage?": the row, which holds both cells.
            return Extracted(found.sid, sent.start, sent.end)
        if sent.kind not in ("paragraph", "caption"):
            return found
        s, e = strip_citation(sent.text, 0, len(sent.text))
        return Extracted(found.sid, sent.start + s, sent.start + e)

    def _typed(self, prof: Profile, best: Scored, scored: list[Scored]) -> Extracted | None:
        """A figure, table cell or group heading already found while scoring; or, for a
        sentence that introduces a list ("Estimated cases in 2031:"), the items that state it."""
        if not best.spans:
            return self._listed_figures(prof, best.sid)
        lead = self.vocab.lead_in[best.sid]
        several = prof.plural or (prof.kind == "count" and counts_several(prof))
        if lead and (several or _LISTED_ASKED.search(prof.text)):
            # "What share are A, B and C?", "… and what share is each?": the items of the best
            # one's list that state one each ("- A (25% of …)", "- B (40% …)"), cited together.
            listed = self._listed_figures(prof, lead[0])
            if listed is not None and listed.sid < 0:
                return listed
        if prof.kind == "count" and len(best.spans) > 1 and (prof.plural or counts_several(prof)):
            # "How many new cases and how many deaths?": each count the sentence gives, each
            # already matched to a counted noun, from the first to the last.
            sent = self.index.sentences[best.sid]
            start = min(sp.start for sp in best.spans)
            end = max(sp.end for sp in best.spans)
            return Extracted(best.sid, sent.start + start, sent.start + end)
        if len(best.spans) > 1:
            # "How common are A and B?", "how often were zentic pain and visual loss seen?",
            # "the remission rate, and how much infection?": each stated here with its figure.
            sent = self.index.sentences[best.sid]
            text = mask_markup(sent.text)
            paired = side_by_side_asked(self.figures, prof, best.sid, text, best.spans)
            if paired is not None:
                return Extracted(best.sid, sent.start + paired[0], sent.start + paired[1])
        return self._figure(prof, best.sid, best.spans[0])

    def _figure(self, prof: Profile, sid: int, span: Span) -> Extracted:
        """Sentence `sid`'s figure `span`, widened to what it needs (its interval, its label)
        and stretched to a sentence next door for an asked part this one lacks."""
        if span.kind == "group":
            return Extracted(-1, span.start, span.end)
        if span.kind == "cell":
            return self._cell(prof, sid, span)
        sent = self.index.sentences[sid]
        text = mask_markup(sent.text)
        s, e = self.figures.widen(text, span, prof)
        found = Extracted(sid, sent.start + s, sent.start + e)
        for kind, endpoint in self.figures.missing_parts(text, s, e, prof):
            found = self._next_door(found, sid, partial(self._stated_part, kind, endpoint))
        for name in coordinated(prof):
            if not self.vocab.said_by(sid, name):
                # "How common are A and B?": B's figure from the sentence next door that names B.
                found = self._next_door(found, sid, partial(self._named_part, prof.kind, name))
        return found

    def _cell(self, prof: Profile, sid: int, span: Span) -> Extracted:
        """A table cell; for a question asking several, with the rows below that continue its
        column, cited together."""
        sent = self.index.sentences[sid]
        if not prof.plural:
            return Extracted(sid, *bare_cell(self.index.documents[sent.doc].text, span))
        end = continued(self.index.documents[sent.doc].text, self.index.sentences, sid, span)
        return Extracted(sid if end == span.end else -1, span.start, end)

    def _stated_part(self, kind: str, endpoint: str, _: int, text: str) -> tuple[int, int] | None:
        """Where a sentence (its text markup-masked) states a figure of `kind` for `endpoint`."""
        return self.figures.part(text, kind, endpoint)

    def _named_part(self, kind: str, name: str, k: int, text: str) -> tuple[int, int] | None:
        """Where sentence `k` (its text markup-masked) states a figure of `kind` for `name`,
        which it names."""
        if not self.vocab.said_by(k, name):
            return None
        return self.figures.part(text, kind, "")

    def _listed_figures(self, prof: Profile, sid: int) -> Extracted | None:
        """The figures of the asked kind in the items of the list sentence `sid` introduces:
        one item's figure widened as any figure is, or several items (one part each) cited
        together from the first to the last that states one."""
        stating = [
            (k, found)
            for k in list_items(self.index, self.vocab, sid)
            if (found := self.figures.spans(k, prof))
        ]
        if not stating:
            return None
        if len(stating) == 1:
            ((k, found),) = stating
            return self._figure(prof, k, found[0])
        first, last = self.index.sentences[stating[0][0]], self.index.sentences[stating[-1][0]]
        return Extracted(-1, first.start, last.end)

    def _next_door(
        self,
        found: Extracted,
        sid: int,
        locate: Callable[[int, str], tuple[int, int] | None],
    ) -> Extracted:
        """`found` stretched over the sentence just before `sid` in its paragraph, or one of
        the few after it that go on with it (its paragraph's, then its list's items), when
        `locate` finds the missing part there ("… median OS of 12.9 months. Median PFS reached
        6.2 months"): one span, cited across every sentence it covers."""
        sents = self.index.sentences
        cited = found.cite or (sents[sid].start, sents[sid].end)
        lead = self.vocab.lead_in[sid]
        # Then the earlier items of its list ("2. Median PFS was … 3. Median OS was …").
        siblings = [
            k
            for k in range(sid - 2, max(-1, sid - 1 - _BLOCK_REACH), -1)
            if lead and self.vocab.lead_in[k] == lead and sents[k].section == sents[sid].section
        ]
        for k in (sid - 1, *going_on(self.index, self.vocab, sid, _BLOCK_REACH), *siblings):
            if k < 0 or (
                k < sid and k not in siblings and not runs_into(self.index, self.vocab, k, sid)
            ):
                continue
            other = sents[k]
            part = locate(k, mask_markup(other.text))
            if part is not None:
                start, end = other.start + part[0], other.start + part[1]
                cite = (min(cited[0], other.start), max(cited[1], other.end))
                return Extracted(-1, min(found.start, start), max(found.end, end), cite)
        return found

    def _listed(self, prof: Profile, best: Scored, scored: list[Scored]) -> Extracted | None:
        """The items of the list the best sentence introduces, or sits in (`lists.answer`)."""
        sids = [c.sid for c in scored[:_COUNTED_LOOK]]
        counted = counted_list(self.index, self.vocab, prof, sids)
        if counted is not None:
            first, start, end = counted
            return Extracted(-1, start, end, near=first)
        found = list_answer(self.index, self.vocab, prof, best.sid)
        return Extracted(*found) if found is not None else None

    def _glossary_entry(
        self, prof: Profile, best: Scored, scored: list[Scored]
    ) -> Extracted | None:
        """A glossary line: its definition cell."""
        sent = self.index.sentences[best.sid]
        if sent.kind == "glossary_entry" and len(sent.cells) == 2:
            cell = sent.cells[1]
            return Extracted(best.sid, cell.start, cell.end)
        return None

    def _keyed_row(self, prof: Profile, best: Scored, scored: list[Scored]) -> Extracted | None:
        """A table row keyed by what the question names (its NCT id) answers from its cell,
        unless it names less of what the question asks than the best sentence does."""
        for cand in scored[:3]:
            if (
                cand.coverage >= best.coverage
                and cand.spans
                and cand.spans[0].kind in ("cell", "group")
                and self.names_a_cell(cand.sid, prof)
            ):
                span = cand.spans[0]
                if span.kind == "group":
                    return Extracted(-1, span.start, span.end)
                return self._cell(prof, cand.sid, span)
        return None

    def _series(self, prof: Profile, best: Scored, scored: list[Scored]) -> Extracted | None:
        """For "which X-s …?", the members the best sentence gives just after X ("X, such as A
        and B"); else a series in it ("A, B, C, and D") nearest the question's words, when it
        says more than the question: its items may be plain phrases that no name list would
        find."""
        sent = self.index.sentences[best.sid]
        if not prof.plural or prof.kind in STATEMENT or sent.kind not in ("paragraph", "caption"):
            return None
        text = mask_markup(sent.text)
        given = examples_of(text, class_phrase(prof.asked_about)) if prof.asked_about else None
        if given is not None:  # "… and zeta blockers, such as A and B, should …"
            return Extracted(best.sid, sent.start + given[0], sent.start + given[1])
        asked = set(tokenize(prof.text))
        found = [(a, b) for a, b in series(text) if set(tokenize(text[a:b])) - asked]
        if not found:
            return None
        groups = anchors(text, prof, self.vocab)
        a, b = min(found, key=lambda ab: (anchor_cost(groups, *ab), ab[0]))
        return Extracted(best.sid, sent.start + a, sent.start + b)

    def _respective(self, prof: Profile, best: Scored, _: list[Scored]) -> Extracted | None:
        """For a name of a class asked of one name, the item a sentence pairs with that name
        "respectively" ("A and B, driven by X and Y, respectively": B's is Y)."""
        if prof.kind != "entity" or prof.plural:
            return None
        sent = self.index.sentences[best.sid]
        for name in prof.names:
            item = respective_item(sent.text, name)
            if item is not None:
                return Extracted(best.sid, sent.start + item[0], sent.start + item[1])
        return None

    def _entity(self, prof: Profile, best: Scored, scored: list[Scored]) -> Extracted | None:
        """For which/what/who questions, a name of the asked class."""
        if prof.kind not in ("entity", "phase") and not prof.target:
            return None
        found = self.entities.best(prof, scored)
        return Extracted(*found) if found is not None else None

    def _whole_row(self, prof: Profile, best: Scored, scored: list[Scored]) -> Extracted | None:
        sent = self.index.sentences[best.sid]
        return Extracted(best.sid, sent.start, sent.end) if sent.kind == "table_row" else None

    def _excluded(self, prof: Profile, best: Scored, scored: list[Scored]) -> Extracted | None:
        """For "who was excluded from X?": the clause of the best sentence that says who was."""
        sent = self.index.sentences[best.sid]
        found = excluded_clause(sent.text) if asks_excluded(prof) else None
        return Extracted(best.sid, sent.start + found[0], sent.start + found[1]) if found else None

    def _alias(self, prof: Profile, best: Scored, scored: list[Scored]) -> Extracted | None:
        """For "X is also known as …?", "what is X commonly called?": the other name the
        candidates give X, the first that gives one (a naming phrase after X is rare and says
        exactly this, wherever the sentence ranks)."""
        if not asks_alias(prof.text):
            return None
        found = alias_answer(self.index, self.vocab, prof, [c.sid for c in scored])
        return Extracted(*found) if found is not None else None

    def _defining_row(self, prof: Profile, best: Scored, scored: list[Scored]) -> Extracted | None:
        """For "what does N2 mean?": the entry that defines the term asked about ("N2 |
        Metastasis in …", "N2 = …"), in a document of the first candidates, those among them
        first."""
        if prof.kind not in ("glossary", "definition"):
            return None
        first = {c.sid: i for i, c in enumerate(scored[:_FIRST_LOOKED_AT])}
        docs = {self.index.sentences[sid].doc for sid in first}
        found = [e for e in self.entries.asked(prof) if self.index.sentences[e.sid].doc in docs]
        if not found:
            return None
        e = min(found, key=lambda e: (e.sid != best.sid, e.sid not in first, first.get(e.sid, 0)))
        return Extracted(e.sid, e.start, e.end)

    def _clause(self, prof: Profile, best: Scored, scored: list[Scored]) -> Extracted | None:
        """The clause that explains (`clauses`). None for a question that only a name answers
        ("which country …?") once no name of its class was found."""
        if prof.kind == "entity" and domain().entity_class(prof.target) in _NAMES_ONLY:
            return None
        sid, start, end, cite = self.clauses.explaining(prof, best.sid)
        if prof.target in domain().statistic_abbreviations:
            # "What AUC …?" asks for a value: a clause that states none but the question's own
            # numbers ("in women aged 65") is no answer.
            clause = self.index.documents[self.index.sentences[sid].doc].text[start:end]
            if not set(NUMBER.findall(clause)) - set(NUMBER.findall(prof.text)):
                return None
        return Extracted(sid, start, end, cite)

    def _registration(self, prof: Profile, best: Scored, scored: list[Scored]) -> Extracted | None:
        """For "what is the NCT number of …?": the identifier the first candidate that gives
        one states, the best first."""
        if not asks_registration(prof.text):
            return None
        return self._first_stated(scored, registration)

    def _cutoff(self, prof: Profile, best: Scored, scored: list[Scored]) -> Extracted | None:
        """For "what cutoff (threshold) …?": the value a sentence of the first candidates sets
        by its cutoff's word, the best first."""
        if prof.kind != "definition" or not asks_cutoff(prof.text):
            return None
        return self._first_stated(scored, cutoff_value)

    def _first_stated(
        self, scored: list[Scored], locate: Callable[[str], tuple[int, int] | None]
    ) -> Extracted | None:
        """The span `locate` finds in the first of the first candidates where it finds one, the
        best first (read without markup, cited in the document)."""
        for cand in scored[:_FIRST_LOOKED_AT]:
            sent = self.index.sentences[cand.sid]
            span = locate(mask_markup(sent.text))
            if span is not None:
                return Extracted(cand.sid, sent.start + span[0], sent.start + span[1])
        return None

    def _defined(self, prof: Profile, best: Scored, scored: list[Scored]) -> Extracted | None:
        """For "how was X defined?", and "what is X?" where no glossary defines X: what the
        best sentence delimits X by, if it does (a bracketed criterion only for the first)."""
        if prof.kind not in ("definition", "glossary"):
            return None
        sent = self.index.sentences[best.sid]
        text = mask_markup(sent.text)
        asked = frozenset(tokenize(prof.text))
        span = defining_span(text, criteria=prof.kind == "definition", asked=asked)
        if span is None:
            # "What kind of antibody is X?": what the sentence says X is.
            span = describing_span(text, prof.names)
        if span is None:
            return self._defined_by_class(asked, scored)
        return Extracted(best.sid, sent.start + span[0], sent.start + span[1])

    def _defined_by_class(self, asked: frozenset[str], scored: list[Scored]) -> Extracted | None:
        """ "What counts as an interval zentoma?": of the first candidates, the sentence that
        opens with the term (`asked`: the question's stems) and says what it is by its class
        ("Interval zentomas are zentomas that …"). Such a sentence repeats few of the
        question's words, so it may rank low."""
        for cand in scored[:_DEFINING_LOOK]:
            sent = self.index.sentences[cand.sid]
            span = genus_definition(mask_markup(sent.text), asked)
            if span is not None:
                return Extracted(cand.sid, sent.start + span[0], sent.start + span[1])
        return None
