"""Retrieved passages → the shortest verbatim answer, its citations, a confidence, or an
abstention that says why.

No language model: the question arrives analysed (its kind, endpoint and names, in its
`Query.profile`); `SentenceScorer` ranks the sentences of the retrieved passages; `Extractor`
cuts the best one down to a span by rules for that kind; a trained model turns the evidence into
a calibrated confidence; below the threshold, or when what the question depends on is missing,
the answer is an abstention with its reason.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Sequence

from ..abbreviations import Definition
from ..bounds import other_bounds
from ..citing import Citer
from ..confidence import load_confidence_model
from ..config import AnswerSettings
from ..domain import domain
from ..index import Index
from ..lexical import STOPWORDS, tokenize
from ..mentions import time_points, written
from ..models import Answer, Citation
from ..question import ENDPOINTS, Profile
from ..retrieval import Hit, Query
from ..vocabulary import Vocabulary
from .comparisons import Comparer
from .entities import EntityExtractor
from .extraction import Extracted, Extractor
from .figures import FigureExtractor
from .glossary import ASKS_EXPANSION, GlossaryAnswerer
from .kinds import STATEMENT, TYPED
from .phases import other_phase
from .ranking import load_ranker
from .reasons import Reasons, join
from .runs import asks_several, parts_share
from .scoring import Scored, SentenceScorer
from .shapes import clause_of, has_statement_shape

__all__ = ["Answerer", "Retrieve"]

# Searches the index again for a text (with the caller's document filter): question → hits.
Retrieve = Callable[[str], Sequence[Hit]]

# "Which trial had …?", "who …?", "did A or B …?": the answer to a comparison is a name, its
# figures the note's.
_WHICH = re.compile(r"\b(?:which|who|whose|or)\b", re.I)
# How far down the candidates a typed question looks for a sentence holding a figure of its
# type when the first holds none.
_FIGURE_LOOK = 3
# The threshold of the hand-set confidence, used only when no trained model is installed.
_HEURISTIC_THRESHOLD = 0.38
# An abstention's confidence when the best passage lacks what the question depends on: it is
# low however well the passage reads.
_UNCOVERED = 0.1
# Confidence features: an answer the next few candidates also state is more likely right; a
# candidate within a fifth of the best score that also names everything the question depends
# on is a rival reading of it.
_RUNNERS_UP, _NEAR_TIE = 3, 0.8
# Words that head a which/what phrase without naming a class of things: "what kind of …",
# "which is likelier …", "what precisely …", "what became of …".
_NOT_A_CLASS = re.compile(r"(?:kind|type|sort|class|form|one|thing)s?|\w+(?:ly|ed|ier|est|ing)")
# An arm that leaves a name out: "A plus chemotherapy without B" (not "with and without B").
_WITHOUT = re.compile(r"(?<!\bwith and )(?<!\bwith or )\bwithout\s+(?:the\s+)?([\w-]+)", re.I)
_LEFT_OUT_BEFORE = re.compile(r"\b(?:without|no|minus|excluding|omitting)\s+(?:the\s+)?$", re.I)
# An approval, asked about or reported, and the regulators that give one (by their names or
# the places they approve for: data/domain.json), matched as written.
_APPROVAL = re.compile(r"\b(?:approv\w*|clear(?:ed|ance)|authori[sz]\w*|licen[cs]\w*)\b", re.I)
_REGULATORS = {
    name: re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, aliases)) + r")(?![\w])")
    for name, aliases in domain().regulators.items()
}
# "What is the freezing point of X?": a property of X, its kind named by the word before it.
_PROPERTY = re.compile(
    r"\s*(?:what|which)\s+(?:is|was|are|were)\s+(?:the|an?)\s+([a-z]+)\s+([a-z]+)\s+(?:of|for|in)\b",
    re.I,
)
# Other spellings of a word, tried before deciding no document uses it ("tumour" → "tumor").
_SPELLINGS = (("our", "or"), ("oe", "e"), ("ae", "e"), ("ise", "ize"))


class Answerer:
    """Answers questions from one loaded index; immutable, so safe across threads."""

    def __init__(
        self, index: Index, definitions: Sequence[Definition], settings: AnswerSettings
    ) -> None:
        self.index = index
        self.settings = settings
        self.vocab = Vocabulary(index, definitions)
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
        self.extractor = Extractor(index, self.vocab, figures, entities, self.scorer.names_a_cell)
        self.comparer = Comparer(index, self.scorer)

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
        prof = query.profile
        unknown = [n for n in prof.names if not self.vocab.known(n)]
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
            return _abstain(question, self.reasons.not_mentioned(unknown), 0.0), None
        unheard = _unheard_class(prof, self.vocab)
        if unheard:
            return _abstain(question, self.reasons.not_mentioned([f"any {unheard}"]), 0.0), None
        subjects = self.comparer.subjects(prof) if prof.prefer else []
        if subjects:
            compared = self._compare(question, query, hits, subjects, threshold, retrieve)
            if compared is not None:
                return compared
        if prof.kind == "glossary":
            defined = self.glossary.answer(question)
            if defined is not None and defined.confidence >= threshold:
                return defined, None
            if ASKS_EXPANSION.search(question):
                term = next((n for n in prof.names), "the term")
                return _abstain(question, self.reasons.not_spelled_out(term), 0.0), None
        scored = self.scorer.score(query, hits)
        if not scored:
            return _abstain(question, self.reasons.nothing_matches(), 0.0), None
        best = scored[0]
        wanted = _figures_wanted(prof, best)
        if wanted:
            # The next of the first candidates that gives as many, about the subject, answers.
            best = next(
                (s for s in scored[1:_FIGURE_LOOK] if len(s.spans) >= wanted and s.coverage > 0),
                best,
            )
        key_names = self.scorer.key_names(prof)
        concept_only = prof.kind in TYPED and key_names and best.coverage == 1.0
        if best.coverage == 0.0 or (concept_only and best.concepts == 0.0):
            # The best passage never names what the question is about: it cannot answer it.
            why = self.reasons.missing(prof, key_names)
            return self._abstain(question, why, _UNCOVERED * best.score, scored), None
        found = self.extractor.extract(prof, best, scored)
        features = self._features(query, best, scored, found, len(key_names))
        confidence = self._confidence(prof, best, scored, found, features)
        if found is None:
            given = self.figures.given(scored, prof) if key_names and prof.kind in TYPED else []
            why = self.reasons.missing(prof, key_names, given)
            return self._abstain(question, why, confidence, scored), features
        if prof.kind == "yesno" and prof.endpoints and not self._states(prof.endpoints, best):
            # "Did X improve OS?" is not settled by a sentence about X's PFS.
            why = self.reasons.missing(prof, key_names)
            return self._abstain(question, why, confidence, scored), features
        stated = self.index.sentences[best.sid].text
        other = _other_regulator(prof.text, stated)
        if other:
            # "When did the FDA approve X?" is not answered by X's approval in China.
            return self._abstain(
                question, self.reasons.other_regulator(*other), confidence, scored
            ), features
        other_group = self._other_group(prof, best, found)
        if other_group:
            why = self.reasons.missing(prof, [other_group])
            return self._abstain(question, why, confidence, scored), features
        if confidence < threshold:
            why = self.reasons.unclear(confidence, threshold)
            return self._abstain(question, why, confidence, scored), features
        return self._answer(question, best, scored, found, confidence), features

    def _compare(
        self,
        question: str,
        query: Query,
        hits: Sequence[Hit],
        names: list[str],
        threshold: float,
        retrieve: Retrieve | None,
    ) -> tuple[Answer, dict[str, float] | None] | None:
        """ "Which had the lower HR, A or B?": each one's figure from its own sentence, the
        winner computed, both cited; with the features of the least sure figure (None when it
        abstains before weighing any). None when no subject's figure is found (the ordinary
        path then answers or abstains)."""
        prof = query.profile
        found, missing = self.comparer.figures(query, hits, names, retrieve)
        if len(found) < 2 and not (found and missing):
            return None
        measure = self.reasons.measure(prof.measure or prof.kind)
        related = tuple(self._citation(c.scored) for c in found)
        if missing:
            why = self.reasons.partial(measure, [c.name for c in found], missing)
            return _abstain(question, why, 0.0, related), None
        won = self.comparer.winner(found, prof.prefer)
        if won is None:
            why = f"{self.reasons.says('reports')} the same {measure} for {join(names)}."
            return _abstain(question, why, 0.0, related), None
        plain = dataclasses.replace(
            prof, text=won.name, kind=prof.measure or prof.kind, also=frozenset()
        )
        start, end, at = self.comparer.span(
            won,
            lambda t, sp: self.figures.widen(t, sp, plain),
            name_only=_WHICH.search(question) is not None,
            aliases=self.comparer.side_names(prof, won.name),
        )
        confidence, features = min(
            (
                self._confidence_of(
                    dataclasses.replace(query, profile=plain),
                    c.scored,
                    Extracted(c.scored.sid, 0, 0),
                )
                for c in found
            ),
            key=lambda weighed: weighed[0],
        )
        if confidence < threshold:
            why = self.reasons.unclear(confidence, threshold)
            return _abstain(question, why, confidence, related), features
        ordered = [won, *[c for c in found if c is not won]]
        # The sentence that holds the answer comes first; the figures' own follow it.
        primary = self.citer.sentence(self.index.sentences[at], won.scored.score)
        cited = [self._citation(c.scored) for c in ordered]
        if at == won.scored.sid:
            cited = cited[1:]
        doc_text = self.index.documents[primary.doc].text
        stated = "; ".join(f"{c.name} {c.figure}" for c in ordered)
        return Answer(
            question=question,
            answer=doc_text[start:end],
            display=self.citer.display(primary.doc, start, end),
            start=start,
            end=end,
            citations=(primary, *cited),
            confidence=round(confidence, 4),
            abstained=False,
            note=f"Compared from the {measure} each source states: {stated}.",
        ), features

    def _other_group(self, prof: Profile, best: Scored, found: Extracted) -> str:
        """The group the question asks about when the best sentence states its answer for
        another one, as the reason names it; "" when it does not. "… for tumours 5 cm or
        larger" is not answered by the 4 cm subgroup's figure, "… in the phase II study" by the
        phase I study's (the clause the figure is in decides), "… for A plus chemo without B"
        by the arm that adds B."""
        sent = self.index.sentences[best.sid]
        bounds = other_bounds(prof.text, sent.text)
        if bounds:
            return f"{bounds[0]} (the figure given is for {bounds[1]})"
        if prof.kind in TYPED and found.sid == best.sid:
            clause = clause_of(sent.text, found.start - sent.start, found.end - sent.start)
            phase = other_phase(prof.text, clause)
            if phase:
                return f"the {phase[0]} study (the figure given is from {phase[1]})"
        left_out = _left_out(prof, sent.text)
        return f"the arm without {left_out}" if left_out else ""

    def _states(self, endpoints: frozenset[str], best: Scored) -> bool:
        """Whether the sentence names one of the endpoints (in its own words)."""
        text = self.index.sentences[best.sid].text
        return any(ENDPOINTS[e].search(text) for e in endpoints)

    def _confidence_of(
        self, query: Query, best: Scored, found: Extracted
    ) -> tuple[float, dict[str, float]]:
        """The confidence in one compared figure, weighed on its own sentence."""
        features = {**self._features(query, best, [best], found, 1), "compared": 1.0}
        return self._confidence(query.profile, best, [best], found, features), features

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

    def _features(
        self,
        query: Query,
        best: Scored,
        scored: list[Scored],
        found: Extracted | None,
        names: int,
    ) -> dict[str, float]:
        """What the confidence model weighs (names and meanings in confidence.FEATURES)."""
        prof = query.profile
        sent = self.index.sentences[best.sid]
        share, parts, echo, repeated = 0.0, 0.0, 0.0, 0
        if found is not None:
            share = (found.end - found.start) / max(1, sent.end - sent.start)
            answer = self.index.documents[sent.doc].text[found.start : found.end]
            parts = parts_share(answer, prof)
            said = set(tokenize(answer))
            echo = len(said & set(query.terms)) / len(said) if said else 0.0
            wanted = answer.casefold()
            repeated = sum(
                wanted in self.index.sentences[s.sid].text.casefold()
                for s in scored[1 : 1 + _RUNNERS_UP]
            )
        rivals = sum(s.coverage == 1.0 and s.score > _NEAR_TIE * best.score for s in scored)
        return {
            "score": best.score,
            "margin": best.score - scored[1].score if len(scored) > 1 else best.score,
            "lexical": best.lexical,
            "dense": best.dense,
            "rank": 1.0 / (1 + best.rank),
            "coverage": best.coverage,
            "concepts": best.concepts,
            "typed": float(prof.kind in TYPED),
            "spans": float(bool(best.spans)),
            "extracted": float(found is not None),
            "entity": float(prof.kind == "entity"),
            "explain": float(prof.kind in STATEMENT or prof.kind == "fact"),
            "names": float(names),
            "answer_share": min(1.0, share),
            "same_sentence": float(found is not None and found.sid == best.sid),
            "table": float(sent.kind == "table_row"),
            "candidates": math.log1p(len(best.spans)),
            "several": float(asks_several(prof)),
            "time_point": _time_point_match(prof, sent.text),
            "listed": float(found is not None and found.sid < 0 and sent.kind == "paragraph"),
            "unseen": self.scorer.unseen_share(query),
            "focus_here": self.scorer.focus_here(query, best.sid),
            "parts": parts,
            "dense_rank": 1.0 / (1 + sum(s.dense > best.dense for s in scored)),
            "lexical_rank": 1.0 / (1 + sum(s.lexical > best.lexical for s in scored)),
            "mechanism": float(prof.kind == "mechanism"),
            "yesno": float(prof.kind == "yesno"),
            "shape": float(has_statement_shape(prof, sent.text)) if prof.kind in STATEMENT else 0.5,
            "echo": echo,
            "repeated": float(repeated),
            "rivals": math.log1p(rivals),
            "compared": 0.0,
            "learned": best.learned,
        }

    def _confidence(
        self,
        prof: Profile,
        best: Scored,
        scored: list[Scored],
        found: Extracted | None,
        features: dict[str, float],
    ) -> float:
        if self.model is not None:
            return self.model.predict(features)
        # No trained model (a fresh checkout before `scripts/train_confidence.py`): the
        # hand-set rule the model replaced.
        conf = 1.6 * best.score + 0.8 * features["margin"]
        if prof.kind in TYPED and not best.spans:
            conf *= 0.3
        if found is None:
            conf *= 0.5
        return float(min(1.0, max(0.0, conf)))

    def _primary(self, best: Scored, found: Extracted) -> Citation:
        if found.sid >= 0:
            return self.citer.sentence(self.index.sentences[found.sid], best.score)
        # A table group heading, a list, an answer across sentences: cite that span.
        start, end = found.cite or (found.start, found.end)
        return self.citer.span(self.index.sentences[best.sid], start, end, best.score)

    def _citation(self, s: Scored) -> Citation:
        return self.citer.sentence(self.index.sentences[s.sid], s.score)

    def _abstain(self, question: str, reason: str, conf: float, scored: list[Scored]) -> Answer:
        """An abstention that still cites the closest passages, for the reader to check."""
        related = tuple(self._citation(s) for s in scored[:3])
        return _abstain(question, reason, conf, related)


def _abstain(
    question: str, reason: str, confidence: float, related: tuple[Citation, ...] = ()
) -> Answer:
    return Answer(
        question=question,
        answer=None,
        citations=related,
        confidence=round(min(confidence, 1.0), 4),
        abstained=True,
        reason=reason,
    )


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


def _unheard_class(prof: Profile, vocab: Vocabulary) -> str:
    """What a question asks for when no document uses its word: the class of a which/what
    question ("which comet …?"), or the kind of a property asked of something ("what is the
    freezing point of X?": a point, but a freezing one). No passage can state one. "" when the
    documents use the word, when the class is one the entity step knows by its members (drugs,
    trials, companies, …, written in their own words), or when the phrase's head is not a class
    noun at all."""
    prop = _PROPERTY.match(prof.text)
    if prop is not None:
        modifier, head = prop.group(1).lower(), prop.group(2).lower()
        # "Freezing" may name a kind of point, though no class is named in -ing.
        plain = _plain_word(modifier) or modifier.endswith("ing")
        if plain and not _used(modifier, vocab) and _used(head, vocab):
            return f"{modifier} {head}"
    words = prof.asked_about.split()
    target = prof.target
    if (
        prof.kind != "entity"
        or not words
        or not _plain_word(target)
        or _NOT_A_CLASS.fullmatch(words[-1].lower())
        or domain().entity_class(target) is not None
    ):
        return ""
    return "" if _used(target, vocab) else target


def _plain_word(word: str) -> bool:
    """A word that may name a class or kind: letters only, not a stopword, not an adverb or a
    participle ("precisely", "alleged")."""
    return (
        word.isalpha()
        and len(word) >= 4
        and word not in STOPWORDS
        and not _NOT_A_CLASS.fullmatch(word)
    )


def _used(word: str, vocab: Vocabulary) -> bool:
    """Whether any document uses `word`, in any of its spellings ("tumour", "tumor")."""
    spellings = {word} | {word.replace(a, b) for a, b in _SPELLINGS}
    return any(t in vocab.idf for s in spellings for t in tokenize(s))


def _other_regulator(question: str, sentence: str) -> tuple[str, str] | None:
    """(asked, stated) when the question asks about an approval by one regulator and the
    sentence reports an approval only by others (an approval in China for "when did the FDA
    approve …?"); None otherwise."""
    if not (_APPROVAL.search(question) and _APPROVAL.search(sentence)):
        return None
    asked = [r for r, pattern in _REGULATORS.items() if pattern.search(question)]
    stated = [r for r, pattern in _REGULATORS.items() if pattern.search(sentence)]
    if asked and stated and not set(asked) & set(stated):
        return join(asked, "or"), join(stated, "or")
    return None


def _left_out(prof: Profile, sentence: str) -> str:
    """A name the question leaves out of its arm ("A plus chemo without B") that the sentence
    states as given, not as left out: its figures are for the arm with that name. "" when
    there is none ("with and without B" asks both arms)."""
    for m in _WITHOUT.finditer(prof.text):
        name = next((n for n in prof.names if m.group(1).lower() == n.lower()), None)
        if name is None:
            continue
        said = [w.start() for w in written(name.lower()).finditer(sentence.lower())]
        if said and any(not _LEFT_OUT_BEFORE.search(sentence[max(0, at - 20) : at]) for at in said):
            return name
    return ""


def _time_point_match(prof: Profile, text: str) -> float:
    """1 when the sentence states the asked time point, 0.5 when it states none, 0 otherwise
    (and 0 when no time point is asked)."""
    if not prof.time_points:
        return 0.0
    stated = time_points(text)
    return 0.5 if not stated else float(bool(stated & prof.time_points))
