"""Retrieved passages → the shortest verbatim answer, its citations, a confidence, or an
abstention that says why.

No language model: the question arrives analysed (its kind, endpoint and names, in its
`Query.profile`); `SentenceScorer` ranks the sentences of the retrieved passages; `Extractor`
cuts the best one down to a span by rules for that kind; a trained model turns the evidence into
a calibrated confidence (`Weigher`); below the threshold, or when what the question depends on
is missing (`constraints`), the answer is an abstention with its reason.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from functools import cached_property

from ..abbreviations import Definition, spelled_by
from ..citing import Citer
from ..confidence import load_confidence_model
from ..config import AnswerSettings
from ..corpus import display_text
from ..index import Index
from ..models import Answer, Citation
from ..other_names import by_group_number, numbered_names
from ..question import ENDPOINTS, Profile
from ..question_parts import coordinated
from ..retrieval import Hit, Query
from ..vocabulary import Vocabulary, name_keys
from . import constraints
from .approvals import other_approval
from .compared import ComparedAnswers, Retrieve
from .comparisons import Comparer, offers_alternatives
from .entities import EntityExtractor
from .exclusions import excluded_first
from .extraction import Extracted, Extractor
from .figures import FigureExtractor
from .given import given_figures
from .glossary import ASKS_EXPANSION, GlossaryAnswerer
from .keyed_rows import ROW_ASKED_KINDS, keyed_row
from .kinds import TYPED
from .ranking import load_ranker
from .reasons import Reasons, abstention
from .scoring import Scored, SentenceScorer
from .set_against import unheard_comparator
from .shorthand import drug_words, expanded
from .unheard import (
    unheard_class,
    unheard_condition,
    unheard_group,
    unheard_object,
    unheard_owner,
    unheard_quantity,
    unheard_site,
    unheard_treatment,
)
from .weighing import Weigher
from .written_forms import as_written

__all__ = ["Answerer", "Retrieve"]

# How far down the candidates a typed question looks for a sentence holding a figure of its
# type when the first holds none.
_FIGURE_LOOK = 3
# A question that sets terms apart: "Z2a versus Z2b: what's the difference?" (not "Z3 N0 M0:
# what stage?", which combines them).
_TELLS_APART = re.compile(r"\b(?:differen\w*|differ|versus|vs\.?|distinguish\w*|compared?)\b", re.I)
_WEBSITE = re.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:gov|org|com|net|edu|int)", re.I)
# A section a question names as its source: "According to the introduction, …", "per the
# abstract", "in the discussion".
_NAMED_SECTION = re.compile(
    r"\b(?:in|according to|per|from) the (introduction|abstract|discussion|conclusions?|"
    r"background|overview)\b",
    re.I,
)
# An interval, asked for beside a ratio or stated with one.
_INTERVAL = re.compile(r"\bCI\b|\bconfidence interval", re.I)
# "How did X affect (change, influence) Y?": asks X's effect on Y, which a sentence must name.
_EFFECT_ON = re.compile(r"\b(?:affect|impact|influenc|chang|alter)(?:e|ed|es|s|ing)?\b", re.I)
# The threshold of the hand-set confidence, used only when no trained model is installed.
_HEURISTIC_THRESHOLD = 0.38
# An abstention's confidence when the best passage lacks what the question depends on: it is
# low however well the passage reads.
_UNCOVERED = 0.1


class Answerer:
    """Answers questions from one loaded index; immutable, so safe across threads."""

    def __init__(
        self,
        index: Index,
        definitions: Sequence[Definition],
        settings: AnswerSettings,
        lead_ins: Sequence[tuple[int, ...]] | None = None,
    ) -> None:
        self.index = index
        self.settings = settings
        self.vocab = Vocabulary(index, definitions, lead_ins)
        self.citer = Citer(index)
        self.model = load_confidence_model()
        self.reasons = Reasons(len(index.documents))
        self.glossary = GlossaryAnswerer(index, self.vocab, self.citer)
        figures = FigureExtractor(index, self.vocab)
        self.scorer = SentenceScorer(
            index, self.vocab, self.citer, figures.spans, settings.passages, load_ranker()
        )
        entities = EntityExtractor(index, self.vocab)
        self.figures = figures
        self.extractor = Extractor(
            index, self.vocab, figures, entities, self.scorer.names_a_cell, self.scorer.entries
        )
        self.comparer = Comparer(index, self.scorer)
        self.weigher = Weigher(index, self.scorer, self.model)
        self.compared = ComparedAnswers(
            index, self.citer, self.reasons, self.comparer, figures, self.weigher
        )

    def answer(
        self,
        question: str,
        query: Query,
        hits: Sequence[Hit],
        *,
        min_confidence: float | None = None,
    ) -> Answer:
        """Answer from `hits`; abstain below `min_confidence` (default: the configured one)."""
        return self.decide(question, query, hits, min_confidence=min_confidence)[0]

    @cached_property
    def _numbered(self) -> dict[str, list[tuple[str, str]]]:
        """Each study number the documents give, with its name and the words before it, for a
        study asked by another abbreviation of its group: read on the first question that
        names an unknown one."""
        return numbered_names(s.text for s in self.index.sentences)

    @cached_property
    def _drug_words(self) -> tuple[str, ...]:
        """The drugs the documents write, for shortened names in a regimen: read on the first
        question that writes one, not at start-up (a scan of every name key)."""
        return drug_words(self.vocab.vocab_keys)

    @property
    def threshold(self) -> float:
        """The abstention threshold in use: the trained model's, unless settings override it."""
        if self.settings.abstain_below is not None:
            return self.settings.abstain_below
        return self.model.threshold if self.model is not None else _HEURISTIC_THRESHOLD

    def decide(
        self,
        question: str,
        query: Query,
        hits: Sequence[Hit],
        *,
        min_confidence: float | None = None,
        retrieve: Retrieve | None = None,
    ) -> tuple[Answer, dict[str, float] | None]:
        """The answer, and the features its confidence was computed from (None when it was
        decided before any candidate was weighed: an unknown name, no passage, …).
        `retrieve(text)` searches again, for a comparison whose subjects' figures are not all
        among `hits`."""
        threshold = self.threshold if min_confidence is None else min_confidence
        entries = self.scorer.entries

        def known(name: str) -> bool:
            """The documents write the name, or define it by an entry of their own."""
            return self.vocab.known(name) or bool(entries.of(name))

        def respelled(name: str) -> str | None:
            return by_group_number(name, self._numbered, spelled_by) or expanded(
                name, self._drug_words, known
            )

        prof = as_written(query.profile, known, respelled)
        if (
            prof.kind == "fact"
            and len(prof.names) > 1
            and _TELLS_APART.search(prof.text)
            and all(map(entries.of, prof.names))
        ):
            # "Z2a versus Z2b: what's the difference?": terms each defined by an entry of its
            # own, asked as such.
            prof = dataclasses.replace(prof, kind="definition")
        if prof is not query.profile:
            query = dataclasses.replace(query, profile=prof)
        # A website the question cites ("the ClinicalTrials.gov number") names where a figure
        # is registered, not something the text must write.
        unknown = [n for n in prof.names if not known(n) and not _WEBSITE.fullmatch(n)]
        spelled_out = [n for n in unknown if any(p.fullmatch(n) for p in ENDPOINTS.values())]
        if spelled_out:
            # "pCR" where the text writes "pathological complete response": an endpoint the
            # question already asks by its own pattern, not a name the text must write.
            prof = dataclasses.replace(
                prof, names=tuple(n for n in prof.names if n not in spelled_out)
            )
            query = dataclasses.replace(query, profile=prof)
            unknown = [n for n in unknown if n not in spelled_out]
        if unknown:
            return abstention(question, self.reasons.not_mentioned(unknown), 0.0), None
        unheard = unheard_class(prof, self.vocab, query.route)
        if unheard:
            return abstention(question, self.reasons.not_mentioned([f"any {unheard}"]), 0.0), None
        condition = (
            unheard_condition(prof, self.vocab)
            or unheard_group(prof, self.vocab)
            or unheard_quantity(prof, self.vocab)
            or unheard_treatment(prof, self.vocab)
            or unheard_site(prof, self.vocab)
            or unheard_object(prof, self.vocab)
            or unheard_owner(prof, self.vocab)
            or unheard_comparator(prof, self.vocab)
        )
        if condition:
            return abstention(question, self.reasons.not_mentioned([condition]), 0.0), None
        subjects = self.comparer.subjects(prof) if prof.prefer else []
        if subjects:
            compared = self.compared.winner(question, query, hits, subjects, threshold, retrieve)
            if compared is not None:
                return compared
        # A term with its own entry ("N2 = …", "BI-RADS 0: …") is defined there, unless its
        # expansion is asked.
        has_entry = bool(entries.asked(prof)) and not ASKS_EXPANSION.search(question)
        if prof.kind == "glossary" and not has_entry:
            defined = self.glossary.answer(question, query.route)
            if defined is not None and defined.confidence >= threshold:
                return defined, None
            if ASKS_EXPANSION.search(question):
                term = next((n for n in prof.names), "the term")
                return abstention(question, self.reasons.not_spelled_out(term), 0.0), None
        scored = self._in_asked_section(question, self.scorer.score(query, hits))
        scored = constraints.saying_more(self.index, self.vocab, prof, scored)
        scored = constraints.of_asked_disease(self.index, self.vocab, prof, scored)
        scored = excluded_first(self.index, prof, scored)
        if not scored:
            return abstention(question, self.reasons.nothing_matches(), 0.0), None
        best = scored[0]
        key_names = self.scorer.key_names(prof)
        asked_terms = self.scorer.coverage.defined_terms(key_names, prof)
        if len(asked_terms) > 1:
            # "What defines Z2a versus Z2b?": each term's own entry answers its part; the one
            # asked first is the answer.
            best = next(
                (
                    s
                    for s in scored[:_FIGURE_LOOK]
                    if s.coverage > 0 and self.vocab.said_by(s.sid, asked_terms[0])
                ),
                best,
            )
        if prof.kind in ROW_ASKED_KINDS:
            best = keyed_row(best, scored, lambda sid: self.scorer.keyed(sid, prof))
        if prof.kind == "hr" and _INTERVAL.search(prof.text) and not self._interval(best):
            # "What HR …, with its 95% CI?": of the first candidates, the one that states its
            # ratio with the interval asked, as the next that gives enough figures is taken.
            best = next(
                (s for s in scored[1:_FIGURE_LOOK] if s.coverage > 0 and self._interval(s)),
                best,
            )
        wanted = _figures_wanted(prof, best)
        if wanted:
            # The next of the first candidates that gives as many, about the subject, answers.
            best = next(
                (s for s in scored[1:_FIGURE_LOOK] if len(s.spans) >= wanted and s.coverage > 0),
                best,
            )
        asks_effect = prof.kind == "yesno" or (
            prof.kind == "mechanism" and _EFFECT_ON.search(prof.text) is not None
        )
        if asks_effect and prof.endpoints and not self._states(prof.endpoints, best):
            # "Did X improve OS?" where the best sentence gives X's PFS: the next of the first
            # candidates that names the endpoint asked, as much about the subject.
            best = next(
                (
                    s
                    for s in scored[1:_FIGURE_LOOK]
                    if s.coverage >= max(best.coverage, 1e-9) and self._states(prof.endpoints, s)
                ),
                best,
            )
        concept_only = prof.kind in TYPED and key_names and best.coverage == 1.0
        # "A in X versus B in Y?" where no one passage states both sides: each side's figure
        # from its own sentence, both cited.
        sided = prof.kind in TYPED and offers_alternatives(prof.text)
        if best.coverage == 0.0 and sided:
            each = self.compared.each_side(question, query, hits, threshold, retrieve)
            if each is not None:
                return each
        if best.coverage == 0.0 or (concept_only and best.concepts == 0.0):
            # The best passage never names what the question is about: it cannot answer it.
            why = self.reasons.missing(prof, key_names)
            return self._abstain(question, why, _UNCOVERED * best.score, scored), None
        found = self.extractor.extract(prof, best, scored)
        features = self.weigher.features(query, best, scored, found, len(key_names))
        confidence = self.weigher.confidence(prof, best, scored, found, features)
        if found is None and sided and best.coverage > 0.0:
            each = self.compared.each_side(question, query, hits, threshold, retrieve)
            if each is not None:
                return each
        if found is None and prof.or_else:
            # "What was EFS with X?" where the text gives only EFS rates: the rate answers.
            instead = dataclasses.replace(prof, kind=prof.or_else, or_else=None)
            retried = self.decide(
                question,
                dataclasses.replace(query, profile=instead),
                hits,
                min_confidence=min_confidence,
                retrieve=retrieve,
            )
            if not retried[0].abstained:
                return retried
        if found is None:
            given = (
                given_figures(self.index, scored, prof) if key_names and prof.kind in TYPED else []
            )
            why = self.reasons.missing(prof, key_names, given)
            return self._abstain(question, why, confidence, scored), features
        if asks_effect and prof.endpoints and not self._states(prof.endpoints, best):
            # "Did X improve OS?", "How did X affect OS?" are not settled by a sentence about
            # X's PFS.
            why = self.reasons.missing(prof, key_names)
            return self._abstain(question, why, confidence, scored), features
        stated = self.index.sentences[best.sid].text
        why = other_approval(self.reasons, prof.text, stated)
        if why:
            # "When did the FDA approve X?" is not answered by X's approval in China, nor
            # "when was X approved for quelloma?" by its approval for zetoma.
            return self._abstain(question, why, confidence, scored), features
        sent = self.index.sentences[found.located(best.sid)]
        said = constraints.withheld(
            prof, sent.text, found.start - sent.start, found.end - sent.start
        )
        if said:
            # "What did ZENITH-9 show?" answered by "… results have not yet been reported".
            at = sent.start + sent.text.index(said)
            shown = display_text(self.index.documents[sent.doc], at, at + len(said))
            return self._abstain(
                question, self.reasons.withheld(shown), confidence, scored
            ), features
        other_group = constraints.other_group(self.index, self.vocab, prof, best, found)
        if other_group:
            why = self.reasons.missing(prof, [other_group])
            return self._abstain(question, why, confidence, scored), features
        answer: Answer | None = None
        names = coordinated(prof) if prof.kind in TYPED else ()
        if len(names) > 1:
            answer = self._answer(question, best, scored, found, confidence)
            if not self._names_all(names, answer):
                # "How common are A and B?" where B's figure stands in another section: each
                # subject's own, found by a search of its own.
                each = self.compared.each_side(question, query, hits, threshold, retrieve, names)
                if each is not None:
                    return each
        if confidence < threshold:
            why = self.reasons.unclear(confidence, threshold)
            return self._abstain(question, why, confidence, scored), features
        return answer or self._answer(question, best, scored, found, confidence), features

    def _names_all(self, names: Sequence[str], answer: Answer) -> bool:
        """Whether the answer and the passage it is quoted from name every one of `names`."""
        said = " ".join([answer.answer or "", *(c.quote for c in answer.citations[:1])])
        keys = name_keys(said)
        return all(self.vocab.mentions(n, keys, said) for n in names)

    def _interval(self, cand: Scored) -> bool:
        """Whether the candidate's first figure is stated with its confidence interval."""
        if not cand.spans:
            return False
        span = cand.spans[0]
        return (
            _INTERVAL.search(self.index.sentences[cand.sid].text[span.start : span.end]) is not None
        )

    def _states(self, endpoints: frozenset[str], best: Scored) -> bool:
        """Whether the sentence names one of the endpoints (in its own words)."""
        text = self.index.sentences[best.sid].text
        return any(ENDPOINTS[e].search(text) for e in endpoints)

    def _in_asked_section(self, question: str, scored: list[Scored]) -> list[Scored]:
        """`scored` with the candidates in the section the question names first ("According to
        the introduction, …": the introduction's figure, not the abstract's look-alike); as it
        was when it names none, or no candidate's section is titled so."""
        named = _NAMED_SECTION.search(question)
        if named is None:
            return scored
        word = named.group(1).lower().rstrip("s")

        def titled(c: Scored) -> bool:
            sent = self.index.sentences[c.sid]
            return any(word in t.lower() for t in self.citer.path(sent.doc, sent.section))

        return sorted(scored, key=lambda c: not titled(c))  # stable: each side keeps its order

    def _answer(
        self, question: str, best: Scored, scored: list[Scored], found: Extracted, conf: float
    ) -> Answer:
        primary = self._primary(best, found)
        support = [self._citation(s) for s in scored[1:3]]
        if found.sid != best.sid:
            support.insert(0, self._citation(best))
        doc_text = self.index.documents[primary.doc].text
        return Answer(
            question=question,
            answer=doc_text[found.start : found.end],
            display=self.citer.display(primary.doc, found.start, found.end),
            start=found.start,
            end=found.end,
            citations=(primary, *[c for c in support if c.start != primary.start][:3]),
            confidence=round(conf, 4),
            abstained=False,
        )

    def _primary(self, best: Scored, found: Extracted) -> Citation:
        if found.sid >= 0:
            return self.citer.sentence(self.index.sentences[found.sid], best.score)
        # A table group heading, a list, an answer across sentences: cite that span.
        start, end = found.cite or (found.start, found.end)
        at = self.index.sentences[found.near_or(best.sid)]
        return self.citer.span(at, start, end, best.score)

    def _citation(self, s: Scored) -> Citation:
        return self.citer.sentence(self.index.sentences[s.sid], s.score)

    def _abstain(self, question: str, reason: str, conf: float, scored: list[Scored]) -> Answer:
        """An abstention that still cites the closest passages, for the reader to check."""
        related = tuple(self._citation(s) for s in scored[:3])
        return abstention(question, reason, conf, related)


def _figures_wanted(prof: Profile, best: Scored) -> int:
    """How many figures of the asked type a sentence must give to answer, when the best one
    gives too few; 0 when it gives enough. A sentence with none cannot give one (a trial's
    design ranked above its results); "which schedules …?" is not answered by a sentence that
    gives one."""
    if prof.kind not in TYPED:
        return 0
    if not best.spans:
        return 1
    if prof.plural and not prof.also and len(best.spans) == 1:
        return 2
    return 0
