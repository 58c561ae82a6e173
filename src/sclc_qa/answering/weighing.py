"""How sure an answer is: the evidence it rests on, as the features the confidence model weighs
(their names and meanings: confidence.FEATURES), and the model's calibrated probability.

Without a trained model (a fresh checkout before `scripts/train_confidence.py`) a hand-set rule
stands in.
"""

from __future__ import annotations

import math
import re

from ..confidence import ConfidenceModel
from ..index import Index
from ..lexical import tokenize
from ..mentions import time_points
from ..question import Profile
from ..retrieval import Query
from .classes import answer_of_class
from .extracted import Extracted
from .kinds import STATEMENT, TYPED
from .populations import subgroup_terms
from .runs import asks_several, parts_share
from .scoring import Scored, SentenceScorer
from .shapes import has_statement_shape

__all__ = ["Weigher"]

# An answer the next few candidates also state is more likely right; a candidate within a
# fifth of the best score that also names everything the question depends on is a rival
# reading of it.
_RUNNERS_UP, _NEAR_TIE = 3, 0.8
# A number on its own ("70 years", "273-patient"), not inside a name ("PD-L1", "CTLA-4").
_STANDALONE = re.compile(r"(?<![\w.-])\d+(?:[.,]\d+)?(?![\w.]*\w)")


class Weigher:
    """Weighs one chosen sentence and its extracted answer; read-only after construction."""

    def __init__(self, index: Index, scorer: SentenceScorer, model: ConfidenceModel | None) -> None:
        self.index = index
        self.scorer = scorer
        self.model = model

    def features(
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
        share, parts, echo, repeated, of_class = 0.0, 0.0, 0.0, 0, 0.5
        if found is not None:
            share = (found.end - found.start) / max(1, sent.end - sent.start)
            # The span's own document: the best candidate's may be another's.
            text = self.index.documents[self.index.sentences[found.located(best.sid)].doc].text
            answer = text[found.start : found.end]
            if prof.kind == "entity":
                of_class = answer_of_class(prof.target, text, found.start, found.end)
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
            "unstated": self._unstated_numbers(prof, best.sid),
            "unseen_length": self.scorer.unseen_length(query),
            "of_class": of_class,
            "ungrouped": self._unstated_group(prof, best.sid),
        }

    def _unstated_group(self, prof: Profile, sid: int) -> float:
        """The share of the terms of the group the question narrows to ("patients with zentic
        lesions") that neither the sentence nor what it sits under uses: a figure for all
        patients does not answer for a subgroup the text never reports on."""
        asked = subgroup_terms(prof.text)
        if not asked:
            return 0.0
        said = self.scorer.vocab.tokens[sid] | self.scorer.context_tokens(sid)
        return len(asked - said) / len(asked)

    def _unstated_numbers(self, prof: Profile, sid: int) -> float:
        """The share of the numbers the question states ("aged 70 to 79", "the 273-patient
        study", "at 5 years") that neither the sentence nor what it sits under states: a
        figure for women in their forties does not answer for those in their seventies."""
        asked = set(_STANDALONE.findall(prof.text))
        if not asked:
            return 0.0
        sent = self.index.sentences[sid]
        vocab = self.scorer.vocab
        around = [self.index.sentences[p].text for p in (*vocab.prev[sid], *vocab.lead_in[sid])]
        path = self.scorer.citer.path(sent.doc, sent.section)
        stated = set(_STANDALONE.findall(" ".join([sent.text, *around, *path])))
        return len(asked - stated) / len(asked)

    def confidence(
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


def _time_point_match(prof: Profile, text: str) -> float:
    """1 when the sentence states the asked time point, 0.5 when it states none, 0 otherwise
    (and 0 when no time point is asked)."""
    if not prof.time_points:
        return 0.0
    stated = time_points(text)
    return 0.5 if not stated else float(bool(stated & prof.time_points))
