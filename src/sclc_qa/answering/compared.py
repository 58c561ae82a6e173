"""Answers computed from several subjects' figures, each stated by its own sentence: "which
had the lower HR, A or B?" (the winner) and "A in X versus B in Y?" (each side), every figure
cited and the note saying what was compared."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from ..bounds import age_groups
from ..citing import Citer
from ..domain import domain
from ..index import Index
from ..lexical import tokenize
from ..models import Answer, Citation
from ..retrieval import Hit, Query
from .classes import trial_like
from .comparisons import Compared, Comparer
from .extracted import Extracted
from .figures import FigureExtractor
from .reasons import Reasons, abstention, join
from .scoring import Scored
from .verdicts import polarity, stated_verdict
from .weighing import Weigher

__all__ = ["ComparedAnswers", "Retrieve"]

# "Which trial had …?", "who …?", "did A or B …?": a comparison asks for a name, answered with its
# figure where the figure's sentence writes it (`Comparer.span`), the figures in the note.
_WHICH = re.compile(r"\b(?:which|who|whose|or)\b", re.I)
# A comparison that asks for a name ("which …?", "who …?"), not for a figure the subjects share.
_ASKS_NAME = re.compile(r"\b(?:which|who|whose)\b", re.I)
# How a compared answer's note words the winning end.
_PREFERRED = {"high": "higher", "low": "lower"}

# How many sentences either side of a found figure's are read for a comparison stated in words.
_VERDICT_REACH = 3
# The figures in brackets just after a verdict, past what it is set against or the rest of what
# it qualifies: "… than with B (12% vs. 6%; OR, …)", "… nausea and vomiting (8% vs. 18%": the
# pair of figures.
_FIGURES_AFTER = re.compile(
    r"[^();.]{0,80}?\s*\((\d[\d.,]*\s*%?\s+(?:vs\.?|versus)\s+\d[\d.,]*\s*%?)"
)
# How many of the first passages retrieved are read for one sentence that compares the subjects.
_TOGETHER_LOOK = 3


def _names_all(text: str, names: Sequence[str]) -> bool:
    """Whether `text` names every one of `names`, each as a whole word."""
    return all(re.search(rf"\b{re.escape(n)}\b", text, re.I) for n in names)


# Searches the index again for a text (with the caller's document filter): question → hits.
Retrieve = Callable[[str], Sequence[Hit]]


class ComparedAnswers:
    """Finds each subject's figure (through the comparer) and answers from them."""

    def __init__(
        self,
        index: Index,
        citer: Citer,
        reasons: Reasons,
        comparer: Comparer,
        figures: FigureExtractor,
        weigher: Weigher,
    ) -> None:
        self.index = index
        self.citer = citer
        self.reasons = reasons
        self.comparer = comparer
        self.figures = figures
        self.weigher = weigher

    def winner(
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
        if missing and not _ASKS_NAME.search(question) and self.comparer.shared(found, missing):
            return None  # "How much longer with A or B?": one figure stated for both answers
        if missing:
            in_words = self._stated(question, query, hits, names, found, threshold)
            if in_words is not None:
                return in_words
            why = self.reasons.partial(measure, [c.name for c in found], missing)
            return abstention(question, why, 0.0, related), None
        said = self._stated(question, query, hits, names, found, threshold, together=True)
        if said is not None:
            # "More zentitis with A than with B (12% vs. 6%)": one sentence that sets the
            # subjects side by side, in more of the question's words than the figures' own
            # sentences, says which.
            return said
        won = self.comparer.winner(found, prof.prefer)
        if won is None:
            why = f"{self.reasons.says('reports')} the same {measure} for {join(names, 'and')}."
            return abstention(question, why, 0.0, related), None
        plain = dataclasses.replace(
            prof, text=won.name, kind=prof.measure or prof.kind, also=frozenset()
        )
        start, end, at = self.comparer.span(
            won,
            lambda t, sp: self.figures.widen(t, sp, plain),
            name_only=_WHICH.search(question) is not None,
            trial_asked=domain().entity_class(prof.target) == "trial",
            aliases=self.comparer.side_names(prof, won.name),
        )
        confidence, features = self._least_sure(dataclasses.replace(query, profile=plain), found)
        if confidence < threshold:
            why = self.reasons.unclear(confidence, threshold)
            return abstention(question, why, confidence, related), features
        ordered = [won, *[c for c in found if c is not won]]
        # The sentence that holds the answer comes first; the figures' own follow it.
        primary = self.citer.sentence(self.index.sentences[at], won.scored.score)
        cited = [self._citation(c.scored) for c in ordered]
        if at == won.scored.sid:
            cited = cited[1:]
        stated = "; ".join(f"{c.name} {c.figure}" for c in ordered)
        if prof.kind == "difference" and len(ordered) == 2:
            # "By how much higher in A than in B?": the texts state each figure, not the gap.
            gap = abs(ordered[0].value - ordered[1].value)
            points = " percentage points" if prof.measure == "percent" else ""
            stated += f"; a difference of {gap:.3g}{points}, computed from the two"
        note = (
            f"Compared from the {measure} each source states: {stated}; the"
            f" {_PREFERRED[prof.prefer]} is {won.name}'s."
        )
        return self._answered(question, (start, end), (primary, *cited), confidence, note), features

    def each_side(
        self,
        question: str,
        query: Query,
        hits: Sequence[Hit],
        threshold: float,
        retrieve: Retrieve | None,
        names: Sequence[str] = (),
    ) -> tuple[Answer, dict[str, float] | None] | None:
        """Each compared subject's figure (or each of `names`', subjects asked side by side),
        the first subject's as the answer and every one in the note and the citations; None
        unless every subject's figure is found."""
        prof = query.profile
        if not names:
            names = self.comparer.subjects(prof)
            if not all(trial_like(n) for n in names):
                return None  # drugs side by side are arms, which one trial's sentences compare
        if len(names) < 2:
            return None
        found, missing = self.comparer.figures(query, hits, names, retrieve)
        if len(found) < 2 or missing:
            return None
        first = found[0]
        plain = dataclasses.replace(prof, text=first.name, also=frozenset())
        start, end, at = self.comparer.span(
            first,
            lambda t, sp: self.figures.widen(t, sp, plain),
            aliases=self.comparer.side_names(prof, first.name),
        )
        confidence, features = self._least_sure(dataclasses.replace(query, profile=plain), found)
        related = tuple(self._citation(c.scored) for c in found)
        if confidence < threshold:
            return abstention(
                question, self.reasons.unclear(confidence, threshold), confidence, related
            ), features
        primary = self.citer.sentence(self.index.sentences[at], first.scored.score)
        cited = related[1:] if at == first.scored.sid else related
        stated = "; ".join(f"{c.name} {c.figure}" for c in found)
        measure = self.reasons.measured(prof.measure or prof.kind, prof.endpoints)
        note = f"Each from its own source, the {measure} stated: {stated}."
        return self._answered(question, (start, end), (primary, *cited), confidence, note), features

    def _answered(
        self,
        question: str,
        span: tuple[int, int],
        citations: tuple[Citation, ...],
        confidence: float,
        note: str,
    ) -> Answer:
        """The answer quoted from `span` of the first citation's document."""
        start, end = span
        doc = citations[0].doc
        return Answer(
            question=question,
            answer=self.index.documents[doc].text[start:end],
            display=self.citer.display(doc, start, end),
            start=start,
            end=end,
            citations=citations,
            confidence=round(confidence, 4),
            abstained=False,
            note=note,
        )

    def _stated(
        self,
        question: str,
        query: Query,
        hits: Sequence[Hit],
        names: list[str],
        found: Sequence[Compared],
        threshold: float,
        *,
        together: bool = False,
    ) -> tuple[Answer, dict[str, float] | None] | None:
        """A sentence that states the comparison in words ("… were better with A"), when the
        figures of only some subjects are found: near a found figure's sentence first, then in
        the passages retrieved; or (`together`) one of the first passages retrieved that names
        every subject and the question's own term beside the verdict. None when no sentence
        states it, or the answer is unsure."""
        prof = query.profile
        wanted = polarity(prof.text)
        if not wanted:
            return None
        sentences = self.index.sentences
        near = [
            at
            for c in found
            for at in range(c.scored.sid - _VERDICT_REACH, c.scored.sid + _VERDICT_REACH + 1)
            if 0 <= at < len(sentences) and sentences[at].doc == sentences[c.scored.sid].doc
        ]
        retrieved = [sid for hit in hits for sid in hit.chunk.sentence_ids]
        asked = set(query.terms) - {t for n in names for t in tokenize(n)}
        if together:

            def saying(sid: int) -> int:
                return len(asked & set(tokenize(sentences[sid].text)))

            beaten = max(saying(c.scored.sid) for c in found)
            # A sentence about an age group the question does not ask ("in patients older
            # than 75, more X with B") speaks of a subgroup, not of the subjects.
            ages = bool(age_groups(prof.text))
            near, retrieved = (
                [],
                [
                    sid
                    for hit in hits[:_TOGETHER_LOOK]
                    for sid in hit.chunk.sentence_ids
                    if _names_all(sentences[sid].text, names)
                    and saying(sid) > beaten
                    and (ages or not age_groups(sentences[sid].text))
                ],
            )
        # Together, the verdict must be on what is asked: "more nausea with A?" is not said by
        # "more zentopenia with B".
        about = frozenset(asked) if together else frozenset()
        for sid in dict.fromkeys([*near, *retrieved]):
            sent = sentences[sid]
            verdict = stated_verdict(sent.text, names, wanted, prof.endpoints, about)
            if verdict is None:
                continue
            # Weighed once, for the first verdict found: the found figures decide it.
            plain = dataclasses.replace(prof, kind=prof.measure or prof.kind)
            confidence, features = self._least_sure(
                dataclasses.replace(query, profile=plain), found
            )
            if confidence < threshold:
                return None
            cited = self.citer.sentence(sent, found[0].scored.score)
            # … with the figures that follow it: "… than with B (12% vs. 6%".
            after = _FIGURES_AFTER.match(sent.text, verdict[1])
            span = (sent.start + verdict[0], sent.start + (after.end(1) if after else verdict[1]))
            figures = tuple(self._citation(c.scored) for c in found if c.scored.sid != sid)
            note = "The text states the comparison in words; the figures found are cited."
            return self._answered(question, span, (cited, *figures), confidence, note), features
        return None

    def _least_sure(
        self, query: Query, found: Sequence[Compared]
    ) -> tuple[float, dict[str, float]]:
        """The confidence in the least sure of the compared figures, each weighed on its own
        sentence, and its features."""
        weighed = []
        for c in found:
            at = Extracted(c.scored.sid, 0, 0)
            features = {
                **self.weigher.features(query, c.scored, [c.scored], at, 1),
                "compared": 1.0,
            }
            conf = self.weigher.confidence(query.profile, c.scored, [c.scored], at, features)
            weighed.append((conf, features))
        return min(weighed, key=lambda w: w[0])

    def _citation(self, s: Scored) -> Citation:
        return self.citer.sentence(self.index.sentences[s.sid], s.score)
