"""Retrieved passages → the shortest verbatim answer, its citations, a confidence, or an abstention.

No language model: the question is profiled (what kind of answer, which endpoint, which names),
every sentence of the retrieved chunks is scored (lexical coverage with the corpus's own context,
dense similarity, retrieval rank, whether it holds an answer of the asked kind for the asked
endpoint and names), and the best one is cut down to a span by rules for that kind.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .abbreviations import Definition, initials
from .citing import Citer
from .confidence import load_confidence_model
from .config import AnswerSettings
from .index import Index
from .lexical import normalize, stem, tokenize
from .models import Answer, Citation, Sentence
from .question import ENDPOINTS, Profile, is_druglike
from .retrieval import Hit, Query
from .spans import Span, clauses, find, names, strip_citation
from .tables import best_cell
from .vocabulary import ANAPHOR, Vocabulary, heading_keys, name_keys, squash

__all__ = ["Answerer"]

_TYPED = frozenset(
    {"hr", "ci", "pvalue", "duration", "difference", "percent", "year", "count", "dose"}
)
_MEASURE = {
    "hr": "hazard ratio",
    "ci": "confidence interval",
    "pvalue": "P value",
    "duration": "duration",
    "difference": "difference",
    "percent": "rate",
    "year": "year",
    "count": "number",
    "dose": "dose",
    "phase": "phase",
    "status": "status",
}
_ENDPOINT_NAMES = {
    "os": "OS",
    "pfs": "PFS",
    "orr": "response rate",
    "dcr": "disease control rate",
    "tox": "adverse-event rate",
    "followup": "follow-up",
}
# Sentence score = lexical coverage, dense similarity, rank of the retrieved chunk.
W_LEX, W_DENSE, W_RANK, W_SHAPE = 0.45, 0.40, 0.05, 0.10
_EXPANSION = re.compile(r"stands? for|abbreviat|acronym|short for|full (name|form)", re.I)
_COMPARATIVE = re.compile(r"\bvs\.?\b|\bversus\b|\bcompared?\b|\bboth\b|\beach\b", re.I)
_PEOPLE = frozenset({"case", "patient", "peopl", "person", "individu", "subject"})
_NAME_WEIGHT = 10.0  # a question's names outweigh its other words when placing a figure
_SUBJECT_CAP = 100.0
_TERM_CAP = 100.0  # so that one far-off question word does not decide
_FAR = 40.0  # characters between a candidate name and the words that describe it
_CASUAL_WORDS = frozenset({"the", "a", "an", "two", "three", "other", "main", "first", "of"})
_PARTICIPLE = re.compile(r"(thereby|thus|which|leading|resulting|culminating|halting|exerting)\b")
_MEANS = re.compile(r"(by|via|through)\b")
_BY = re.compile(r"\bby\s+(?:about\s+|approximately\s+|up to\s+)?$")
_STAT_WORDS = frozenset({"os", "pfs", "orr", "dcr", "hr", "ci", "mos", "mpfs", "trae", "traes"})
# A study introduced as new, not "this study" continuing the one before.
_OTHER_STUDY = re.compile(r"(?<!this )(?<!This )(?<!same )\b(trial|study|studies|cohort)\b")
_STUDY = re.compile(r"\b(trial|study|studies|analysis|cohort)\b", re.I)
_TRIALLIKE = re.compile(r"^(NCT\d+|[A-Z][A-Za-z]*[-\s]?\d+[A-Za-z]?|[A-Z]{4,}(?:[- ]\d+)?)$")


@dataclass(frozen=True)
class _Scored:
    sid: int
    score: float
    coverage: float
    spans: tuple[Span, ...]
    concepts: float = 1.0
    lexical: float = 0.0
    dense: float = 0.0
    rank: int = 0


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
        # How reasons name the sources: one document is "the review" (the product's corpus).
        self._plural = len(index.documents) > 1
        self._source = "The documents" if self._plural else "The review"
        self._vectors = index.sentence_vectors.reconstruct_n(0, index.sentence_vectors.ntotal)

    # ----------------------------------------------------------------- public

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
    ) -> tuple[Answer, dict[str, float] | None]:
        """The answer, and the features its confidence was computed from (None when it was
        decided before any candidate was weighed: an unknown name, no passage, …)."""
        threshold = self.threshold if min_confidence is None else min_confidence
        prof = query.profile  # the question analysed once, when it was prepared
        unknown = [n for n in prof.names if not self.vocab.known(n)]
        if unknown:
            why = f"{self._says('does')} not mention {_join(unknown)}."
            return self._abstain(question, why, hits, query, 0.0), None
        if prof.kind == "glossary":
            found = self._glossary(question, prof)
            if found is not None and found.confidence >= threshold:
                return found, None
            if _EXPANSION.search(question):
                term = next((n for n in prof.names), "the term")
                why = f"{self._says('uses')} {term} without spelling it out."
                return self._abstain(question, why, hits, query, 0.0), None
        scored = self._score(query, prof, hits)
        if not scored:
            why = f"Nothing in {self._source.lower()} matches the question."
            return self._abstain(question, why, hits, query, 0.0), None
        best = scored[0]
        concept_only = prof.kind in _TYPED and self._key_names(prof) and best.coverage == 1.0
        if best.coverage == 0.0 or (concept_only and best.concepts == 0.0):
            # The best passage never names what the question is about: it cannot answer it.
            why = self._why(prof, best)
            return self._abstain(question, why, hits, query, 0.1 * best.score, scored), None
        result = self._extract(prof, best, scored)
        features = self._features(prof, best, scored, result)
        confidence = self._confidence(prof, best, scored, result is not None, features)
        if result is None or not result[2]:
            why = self._why(prof, best)
            return self._abstain(question, why, hits, query, confidence, scored), features
        if confidence < threshold:
            abstained = self._abstain(
                question,
                "The closest passage does not clearly answer the question "
                f"(confidence {confidence:.2f} < {threshold:.2f}).",
                hits,
                query,
                confidence,
                scored,
            )
            return abstained, features
        cite_sid, (start, end), _typed = result
        sent = self.index.sentences[cite_sid] if cite_sid >= 0 else None
        primary = self._citation_for(best, cite_sid, start, end)
        support = [self._citation(self.index.sentences[s.sid], s.score) for s in scored[1:3]]
        if sent is None or cite_sid != best.sid:
            support.insert(0, self._citation(self.index.sentences[best.sid], best.score))
        doc_text = self.index.documents[primary.doc].text
        answer = Answer(
            question=question,
            answer=doc_text[start:end],
            display=self.citer.display(primary.doc, start, end),
            start=start,
            end=end,
            citations=(primary, *[c for c in support if c.start != primary.start][:3]),
            confidence=round(confidence, 4),
            abstained=False,
        )
        return answer, features

    # --------------------------------------------------------------- scoring

    def _score(self, query: Query, prof: Profile, hits: Sequence[Hit]) -> list[_Scored]:
        seen: dict[int, int] = {}
        for rank, hit in enumerate(hits[: self.settings.passages]):
            if hit.chunk.kind == "glossary_entry" and prof.kind != "glossary":
                continue  # a glossary line defines a term; it answers nothing else
            for sid in hit.chunk.sentence_ids:
                seen.setdefault(sid, rank)
        if not seen:
            return []
        weights = {t: self.vocab.idf.get(t, self.vocab.default_idf) for t in query.terms}
        for t in query.expansion:
            weights.setdefault(t, 0.5 * self.vocab.idf.get(t, self.vocab.default_idf))
        if prof.kind not in _TYPED:
            # Names are checked by coverage; what must match an explanation is the predicate
            # ("shut off TCR-proximal signalling"), not the subject every nearby sentence repeats.
            describing = set(tokenize(prof.asked_about))
            for t in ({t for n in prof.names for t in tokenize(n)} - describing) & weights.keys():
                weights[t] *= 0.3
        total = sum(weights.values()) or 1.0
        key_names = self._key_names(prof)
        focus = self._focus_term(query, prof)
        ids = np.fromiter(seen, dtype=np.int64)
        dense = self._vectors[ids] @ query.vector
        out = []
        for sid, dsim in zip(ids.tolist(), dense.tolist(), strict=True):
            sent = self.index.sentences[sid]
            toks, ctx = self.vocab.tokens[sid], self._context_tokens(sid)
            lex = sum(
                w * (1.0 if t in toks else 0.5 if t in ctx else 0.0) for t, w in weights.items()
            )
            lex /= total
            coverage, concepts = self._coverage(sid, key_names, prof)
            spans = tuple(self._typed_spans(sid, prof))
            base = W_LEX * lex + W_DENSE * max(dsim, 0.0) + W_RANK / (1 + seen[sid])
            if prof.kind in _TYPED or (prof.kind in ("phase", "status") and not spans):
                base *= 1.0 if spans else 0.35
            elif spans and (
                self.index.sentences[sid].kind != "table_row" or self._names_a_cell(sid, prof)
            ):
                # Holds an answer of the asked shape; for a table row, only the row whose
                # cell is what the question names (its NCT id, its drug).
                base += 2 * W_SHAPE
            # A number is only an answer about the trial it is reported for; an explanation
            # often names its subject a sentence earlier.
            if prof.kind in _TYPED:
                score = base * (0.25 + 0.75 * coverage) * (0.7 + 0.3 * concepts)
            else:
                score = base * (0.6 + 0.4 * coverage) * (0.8 + 0.2 * concepts)
            if prof.kind in _TYPED and focus and focus not in toks and not sent.cells:
                # A figure is about the question's most specific word ("myocarditis") or not
                # about it at all.
                score *= 0.5
            out.append(_Scored(sid, score, coverage, spans, concepts, lex, dsim, seen[sid]))
        # A sentence that misses a name the question depends on cannot answer it, however
        # similar it reads: it ranks below every sentence that does name it.
        out.sort(key=lambda s: (s.coverage == 0.0, -s.score, s.sid))
        return out

    def _features(
        self,
        prof: Profile,
        best: _Scored,
        scored: list[_Scored],
        result: tuple[int, tuple[int, int], bool] | None,
    ) -> dict[str, float]:
        """What the confidence model weighs (names and meanings in confidence.FEATURES)."""
        sent = self.index.sentences[best.sid]
        share = 0.0
        if result is not None:
            start, end = result[1]
            share = (end - start) / max(1, sent.end - sent.start)
        return {
            "score": best.score,
            "margin": best.score - scored[1].score if len(scored) > 1 else best.score,
            "lexical": best.lexical,
            "dense": best.dense,
            "rank": 1.0 / (1 + best.rank),
            "coverage": best.coverage,
            "concepts": best.concepts,
            "typed": float(prof.kind in _TYPED),
            "spans": float(bool(best.spans)),
            "extracted": float(result is not None and result[2]),
            "entity": float(prof.kind == "entity"),
            "explain": float(prof.kind in ("mechanism", "fact")),
            "names": float(len(self._key_names(prof))),
            "answer_share": min(1.0, share),
            "same_sentence": float(result is not None and result[0] == best.sid),
            "table": float(sent.kind == "table_row"),
        }

    def _confidence(
        self,
        prof: Profile,
        best: _Scored,
        scored: list[_Scored],
        found: bool,
        features: dict[str, float],
    ) -> float:
        if self.model is not None:
            return self.model.predict(features)
        # No trained model (a fresh checkout before `scripts/train_confidence.py`): the
        # hand-set rule the model replaced.
        margin = best.score - scored[1].score if len(scored) > 1 else best.score
        conf = 1.6 * best.score + 0.8 * margin
        if prof.kind in _TYPED and not best.spans:
            conf *= 0.3
        if not found:
            conf *= 0.5
        return float(min(1.0, max(0.0, conf)))

    def _focus_term(self, query: Query, prof: Profile) -> str | None:
        """The question's rarest plain word that the corpus uses, if it is rare enough to
        define what is asked about (names are handled by coverage)."""
        name_terms = {t for n in prof.names for t in tokenize(n)}
        cands = [
            t
            for t in query.terms
            if t in self.vocab.idf and t not in name_terms and t.isalpha() and len(t) > 3
        ]
        if not cands:
            return None
        best = max(cands, key=lambda t: self.vocab.idf[t])
        return best if self.vocab.idf[best] >= 0.8 * self.vocab.default_idf else None

    def _names_a_cell(self, sid: int, prof: Profile) -> bool:
        sent = self.index.sentences[sid]
        if not sent.cells or not prof.names:
            return False
        text = self.index.documents[sent.doc].text
        values = {squash(text[c.start : c.end]) for c in sent.cells}
        return any(
            squash(n) in values and self.vocab.specific(n) and not self.vocab.is_concept(n)
            for n in prof.names
        )

    def _key_names(self, prof: Profile) -> list[str]:
        """Names that narrow the question: specific, and not an endpoint or statistic."""
        return [
            n
            for n in prof.names
            if self.vocab.specific(n)
            and squash(n) not in _STAT_WORDS
            and not any(p.fullmatch(n) for p in ENDPOINTS.values())
        ]

    def _coverage(self, sid: int, key_names: list[str], prof: Profile) -> tuple[float, float]:
        """(identifiers, concepts). Identifiers — trials, drugs, NCT ids, genes — must be named
        by the sentence (1), its table or heading (0.9) or the sentences just before it (0.75),
        else 0: a passage about another trial cannot answer. Concepts the corpus defines as
        abbreviations ("ICI", "FDA") only weigh on the score, as they are often paraphrased."""
        sent = self.index.sentences[sid]
        describing = set(prof.asked_about.split())
        # A sentence that names its own study is not about the previous sentence's trial.
        own_study = bool(_STUDY.search(sent.text))
        # What the sentence sits under also names its subject: its table, its section's
        # headings, and the title of its document (a report titled by its trial's name).
        path = " ".join(self.citer.path(sent.doc, sent.section))
        doc_title = self.index.documents[sent.doc].title
        heading = heading_keys(f"{sent.context} {sent.title} {sent.label or ''} {path} {doc_title}")
        hard, soft = 1.0, []
        for name in key_names:
            if self.vocab.mentions(name, self.vocab.keys[sid], sent.text):
                got = 1.0
            elif self.vocab.mentions(name, heading, ""):
                got = 0.9
            elif not own_study and self._named_before(sid, name):
                got = 0.75
            elif self.vocab.next_refers_back(sid) and self.vocab.mentions(
                name, self.vocab.keys[sid + 1], self.index.sentences[sid + 1].text
            ):
                got = 0.75  # "… bottleneck. This …B-NIT…": the next sentence names the subject
            else:
                got = 0.0
            if self.vocab.is_concept(name) or name in describing:
                soft.append(got)
            else:
                hard = min(hard, got)
        return hard, (sum(soft) / len(soft) if soft else 1.0)

    def _named_before(self, sid: int, name: str) -> bool:
        """Named in the sentences just before, with no other study introduced in between."""
        for p in self.vocab.prev[sid]:
            text = self.index.sentences[p].text
            if self.vocab.mentions(name, self.vocab.keys[p], text):
                return True
            if _OTHER_STUDY.search(text):
                return False
        return False

    def _context_tokens(self, sid: int) -> frozenset[str]:
        sent = self.index.sentences[sid]
        extra: set[str] = set(tokenize(sent.title))
        for p in self.vocab.prev[sid]:
            extra |= self.vocab.tokens[p]
        return frozenset(extra)

    # ------------------------------------------------------------- extraction

    def _typed_spans(self, sid: int, prof: Profile) -> list[Span]:
        """Spans of the asked kind, for the asked endpoint, best first."""
        sent = self.index.sentences[sid]
        if sent.kind == "table_row":
            doc_text = self.index.documents[sent.doc].text
            cell = best_cell(doc_text, sent, prof)
            if cell is None:
                return []
            if prof.kind in _TYPED and prof.kind != "dose":
                return []
            return [cell]
        kinds = [prof.kind]
        if prof.kind == "difference":
            kinds = ["difference", "duration"]
        if prof.kind not in _TYPED and prof.kind != "phase":
            return []
        text = sent.text
        spans = [s for k in kinds for s in find(text, k)]
        if prof.kind == "percent":
            cis = find(text, "ci")
            spans = [s for s in spans if not any(c.start <= s.start < c.end for c in cis)]
        if prof.kind == "duration":
            # "prolonged OS by 2.7 months" is a difference, not a duration.
            spans = [s for s in spans if not _BY.search(text[: s.start])]
        if prof.endpoints and prof.kind != "count":
            spans = [s for s in spans if s.endpoint in prof.endpoints or s.kind == "phase"]
        if prof.kind == "count":
            spans = self._counted(text, spans, prof)
        return self._rank_spans(text, spans, prof)

    def _counted(self, text: str, spans: list[Span], prof: Profile) -> list[Span]:
        """For "how many X", keep numbers followed (within three words) by X."""
        m = re.search(
            r"(?:how many|number of)\s+((?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:are|were|is|was|do|does|"
            r"did|have|has|had|can|could|will|would|in|of|among|per|across|worldwide|globally|"
            r"each|every)\b",
            prof.text,
            re.I,
        ) or re.search(r"(?:how many|number of)\s+((?:[\w-]+\s*){1,3})", prof.text, re.I)
        if not m:
            return spans
        word = m.group(1).split()[-1]
        noun = stem(word.lower())
        nouns = _PEOPLE if noun in _PEOPLE else {noun}
        # "How many RCTs …" counts "randomized controlled trials": match an acronym by initials.
        acronym = re.sub(r"(?<=[A-Z])s$", "", word).lower() if word[:2].isupper() else ""
        out = []
        for s in spans:
            words = list(re.finditer(r"[A-Za-z][A-Za-z\-]*", text[s.end : s.end + 80]))[:5]
            for i, w in enumerate(words):
                hit = stem(w.group().lower()) in nouns
                if not hit and acronym and len(acronym) > 1:
                    run = words[i : i + len(acronym)]
                    hit = initials(x.group() for x in run) == acronym and len(run) == len(acronym)
                    w = run[-1] if hit else w
                if hit:
                    out.append(Span(s.start, s.end + w.end(), s.kind, s.endpoint))
                    break
        return out

    def _rank_spans(self, text: str, spans: list[Span], prof: Profile) -> list[Span]:
        """Best first: the span nearest after the question's rarest words and names, a comparison
        for a median, a difference ("by 2.7 months") only when one is asked."""
        if not spans:
            return []
        anchors = self._anchors(text, prof)
        asked = {squash(n) for n in prof.names}
        found = names(text)
        others = [sp for sp in found if squash(text[sp.start : sp.end]) not in asked]
        mine = [sp for sp in found if squash(text[sp.start : sp.end]) in asked]
        q_norm = normalize(prof.text)

        def key(s: Span) -> tuple[float, int]:
            cost = _anchor_cost(anchors, s.start, s.end)
            seg = text[s.start : s.end]
            if normalize(seg) in q_norm:
                cost += 1000  # the question already states it ("compared with 8–10 months")
            # "for LS-SCLC … 10%-15%, while for ES-SCLC … 1%-2%": a figure belongs to the name
            # just before it; one that follows a name the question did not ask about loses.
            before = [n for n in others + mine if n.end <= s.start]
            if mine and before and max(before, key=lambda n: n.end) in others:
                cost += 40
            by = _BY.search(text[: s.start])
            if prof.kind == "difference":
                cost -= 80 if (s.kind == "difference" or by) else 0
            elif s.kind == "duration":
                cost -= 30 if re.search(r"\b(vs\.?|versus|to)\b", seg) else 0
            return (cost, s.start)

        ranked = sorted(spans, key=key)
        return _respectively(text, ranked, prof.text) or ranked

    def _anchors(self, text: str, prof: Profile) -> list[tuple[float, list[tuple[int, int]]]]:
        """(weight, places) for each question word or name found in `text`: names that narrow
        the question weigh most, then words by rarity."""
        low = text.lower()
        groups: list[tuple[float, list[tuple[int, int]]]] = []
        name_words: set[str] = set()
        for n in prof.names:
            places = [
                (m.start(), m.end())
                for m in re.finditer(r"(?<![\w-])" + re.escape(n.lower()) + r"(?![\w-])", low)
            ]
            name_words |= set(tokenize(n, parts=False))
            if places:
                groups.append((_NAME_WEIGHT if self.vocab.specific(n) else 2.0, places))
        norm = normalize(text) if len(normalize(text)) == len(text) else low
        top = self.vocab.default_idf
        for term in dict.fromkeys(tokenize(prof.text, parts=False)):
            if term in name_words or len(term) < 2 or term.isdigit():
                continue
            places = [
                (m.start(), m.end()) for m in re.finditer(r"(?<![a-z0-9])" + re.escape(term), norm)
            ]
            if places:
                groups.append((self.vocab.idf.get(term, top) / top, places))
        return groups

    def _best_entity(
        self, prof: Profile, scored: list[_Scored]
    ) -> tuple[int, tuple[int, int], bool] | None:
        """Among the top sentences, the name standing closest to what the question describes;
        a sentence scored 10% lower must bring its candidate 10 characters closer."""
        best_score = scored[0].score
        choice: tuple[float, int, tuple[int, int]] | None = None
        for cand in scored[:5]:
            if cand.score < 0.6 * best_score or cand.coverage < min(scored[0].coverage, 0.75):
                continue
            sent = self.index.sentences[cand.sid]
            if sent.kind not in ("paragraph", "caption"):
                continue
            found = self._entity_span(sent.text, prof)
            if found is None:
                continue
            (s, e), cost = found
            total = cost + 100 * (best_score - cand.score) / max(best_score, 1e-9)
            total += 40 * max(0.0, scored[0].coverage - cand.coverage)
            if choice is None or total < choice[0]:
                choice = (total, cand.sid, (sent.start + s, sent.start + e))
        if choice is None or choice[0] > _FAR:
            return None  # no name stands near what is asked: the answer is a phrase, not a name
        return choice[1], choice[2], True

    def _extract(
        self, prof: Profile, best: _Scored, scored: list[_Scored]
    ) -> tuple[int, tuple[int, int], bool] | None:
        """(sentence id, (start, end) in the document, whether it answers) for the best sentence."""
        sent = self.index.sentences[best.sid]
        text = sent.text
        if best.spans:
            span = best.spans[0]
            if span.kind == "group":
                return -1, (span.start, span.end), True
            if span.kind == "cell":
                return best.sid, (span.start, span.end), True
            s, e = self._widen(text, span, prof)
            return best.sid, (sent.start + s, sent.start + e), True
        if prof.kind in _TYPED:
            return None
        if sent.kind == "glossary_entry" and len(sent.cells) == 2:
            cell = sent.cells[1]
            return best.sid, (cell.start, cell.end), True
        for cand in scored[:3]:
            # A table row keyed by what the question names (its NCT id) answers from its cell.
            if (
                cand.spans
                and cand.spans[0].kind in ("cell", "group")
                and self._names_a_cell(cand.sid, prof)
            ):
                span = cand.spans[0]
                sid = -1 if span.kind == "group" else cand.sid
                return sid, (span.start, span.end), True
        if prof.kind in ("entity", "phase") or prof.target:
            found = self._best_entity(prof, scored)
            if found is not None:
                return found
        if sent.kind == "table_row":
            return best.sid, (sent.start, sent.end), True
        sent = self.index.sentences[best.sid]
        sid = best.sid
        if prof.kind == "mechanism" and ANAPHOR.match(text) and self.vocab.prev[sid]:
            # "This trapping prevents …": the mechanism itself is in the sentence before.
            sid = self.vocab.prev[sid][0]
            sent = self.index.sentences[sid]
            text = sent.text
        s, e = self._clause(text, prof)
        return sid, (sent.start + s, sent.start + e), True

    def _widen(self, text: str, span: Span, prof: Profile) -> tuple[int, int]:
        """Attach an immediately following "(95% CI …)" to a rate or duration."""
        s, e = span.start, span.end
        if span.kind == "difference":
            s = span.start + len(re.match(r"by\s+", text[span.start :]).group())  # type: ignore[union-attr]
        if span.kind in ("percent", "duration"):
            m = re.match(r"\s*\((?:95|90)\s*%\s*CI[^)]*\)", text[e:])
            if m:
                e += m.end()
        if _COMPARATIVE.search(prof.text):
            # "OS rate at 1 year vs 3 years?" → "69.6% and 35.1%": take the paired figure too.
            m = re.match(r"(\s*(?:,|and|vs\.?|versus|to)\s+)", text[e:])
            if m:
                nxt = [x for x in find(text, span.kind) if x.start == e + m.end()]
                if nxt:
                    e = nxt[0].end
        return s, e

    def _entity_span(self, text: str, prof: Profile) -> tuple[tuple[int, int], float] | None:
        """The name in `text` that answers a which/what question, and how far it stands from
        the words describing it (lower is better)."""
        asked = {k for n in prof.names for k in name_keys(n)}
        q_keys = name_keys(prof.text)
        q_norm = normalize(prof.text)
        cands = []
        for sp in names(text):
            word = text[sp.start : sp.end]
            key = squash(word)
            pieces = [p for p in re.split(r"[-/]", word) if p]
            rest = [p for p in pieces if squash(p) not in asked]
            if not key or key in q_keys:
                continue
            if len(rest) < len(pieces) and all(p.islower() for p in rest):
                continue  # "DLL3-targeted" restates the question's DLL3; "SCLC-A" names a subtype
            if any(
                normalize(d.long) in q_norm for d in self.vocab.defs_by_short.get(word.lower(), [])
            ):
                continue  # "AURKAi" when the question says "Aurora A kinase inhibitor"
            if any(
                d.short.lower() in q_norm for d in self.vocab.defs_by_long.get(normalize(word), [])
            ):
                continue  # "Rovalpituzumab tesirine" when the question says "Rova-T"
            cands.append(sp)
        if not cands:
            return None
        target = prof.target
        if target == "who" or target.startswith("author"):
            preferred = [c for c in cands if c.kind == "author"]
        elif re.match(r"(drug|agent|antibod|inhibitor|compound|adc)", target):
            preferred = [c for c in cands if is_druglike(text[c.start : c.end])]
        elif re.match(r"(regimen|combination|triplet|doublet)", target):
            preferred = [c for c in cands if re.search(r"[/+]", text[c.start : c.end])]
        elif re.match(r"(countr|nation|region|place)", target):
            preferred = [c for c in cands if re.fullmatch(r"[A-Z][a-z]+", text[c.start : c.end])]
        elif re.match(r"(trial|stud)", target):
            preferred = [c for c in cands if _TRIALLIKE.match(text[c.start : c.end])]
        else:
            preferred = []
        if target not in _STAT_WORDS:
            cands = [c for c in cands if squash(text[c.start : c.end]) not in _STAT_WORDS] or cands
        if not (target == "who" or target.startswith("author")):
            cands = [c for c in cands if c.kind != "author"] or cands
        described = self._described(text, prof)
        # Where the question's own words stand, names (the subject) weighing least: the answer
        # sits by what is asked of it ("targets PD-1 and CTLA-4"), not by its subject.
        anchors = self._anchors(text, prof)
        terms = [g for g in anchors if g[0] < _NAME_WEIGHT]
        subjects = [(1.0, g[1]) for g in anchors if g[0] >= _NAME_WEIGHT]

        def cost(c: Span) -> tuple[float, int]:
            places = [(a, b) for a, b in described if b <= c.start or a >= c.end]
            if places:
                base = float(min(c.start - b if b <= c.start else a - c.end for a, b in places))
            else:
                base = 30.0 if prof.asked_about else 0.0
            base += 0.5 * _anchor_cost(terms, c.start, c.end, cap=_TERM_CAP)
            base += 0.2 * _anchor_cost(subjects, c.start, c.end, cap=_SUBJECT_CAP)
            penalty = 0.0 if not preferred or c in preferred else 15.0
            if self.vocab.key_share.get(squash(text[c.start : c.end]), 0.0) >= 0.08:
                penalty += 40.0  # a topic word ("SCLC") is rarely the answer to "which …?"
            return (base + penalty, c.start)

        ranked = sorted(cands, key=cost)
        first = ranked[0]
        first_cost = cost(first)[0]
        if not prof.plural:
            grown = self._noun_phrase(text, first, prof)
            return (grown.start, grown.end), first_cost
        # "TIGIT or LAG-3", "SCLC-A, SCLC-N": extend over a list joined by commas, and, or.
        ordered = sorted(cands, key=lambda c: c.start)
        i = ordered.index(first)
        lo = hi = i
        joint = re.compile(r"(,\s*|\s*,?\s*(and|or)\s+|\s*/\s*)")
        while lo > 0 and joint.fullmatch(text[ordered[lo - 1].end : ordered[lo].start]):
            lo -= 1
        while hi + 1 < len(ordered) and joint.fullmatch(
            text[ordered[hi].end : ordered[hi + 1].start]
        ):
            hi += 1
        return (ordered[lo].start, ordered[hi].end), first_cost

    @staticmethod
    def _described(text: str, prof: Profile) -> list[tuple[int, int]]:
        """Where the words describing the answer ("staging system", "radioligand") stand: the
        whole phrase when the text has it, else each of its words."""
        low = text.lower()
        phrase = prof.asked_about.lower()
        whole = (
            [(m.start(), m.end()) for m in re.finditer(re.escape(phrase), low)] if phrase else []
        )
        if whole:
            return whole
        places: list[tuple[int, int]] = []
        for word in prof.asked_about.split():
            if word.lower() in _CASUAL_WORDS:
                continue
            stemmed = stem(word.lower()) if word.isalpha() else word.lower()
            places += [(m.start(), m.end()) for m in re.finditer(re.escape(stemmed[:6]), low)]
        return places

    @staticmethod
    def _noun_phrase(text: str, name: Span, prof: Profile) -> Span:
        """Grow a name into the phrase the question asks for: "STING" → "STING pathway" when a
        pathway is asked, "CD8+" → "stem-like CD8+ T cells" when cells are."""
        start, end = name.start, name.end
        head = prof.target
        if head and len(head) > 2:
            m = re.match(
                r"((?:\s+[\w+-]+){0,2}?\s+" + re.escape(head[:5]) + r"\w*)", text[end:], re.I
            )
            if m:
                end += m.end()
                pre = re.search(r"((?:[a-z]+-[a-z]+)\s+)$", text[:start])
                if pre:
                    start -= len(pre.group(1))
        return Span(start, end, name.kind, name.endpoint)

    def _clause(self, text: str, prof: Profile) -> tuple[int, int]:
        """The clause that best matches the question's terms; short sentences stay whole."""
        parts = clauses(text)
        whole = strip_citation(text, 0, len(text))
        if len(parts) <= 1 or whole[1] - whole[0] <= 140:
            return whole
        q = set(tokenize(prof.text))

        def overlap(span: tuple[int, int]) -> float:
            toks = set(tokenize(text[span[0] : span[1]]))
            return sum(self.vocab.idf.get(t, self.vocab.default_idf) for t in q & toks)

        scores = [overlap(p) for p in parts]
        i = max(range(len(parts)), key=lambda k: (scores[k], -k))
        s, e = parts[i]
        if prof.kind == "mechanism" and i > 0 and _PARTICIPLE.match(text, s):
            # ", thereby shutting down X": how X happens is the clause before.
            s = parts[i - 1][0]
        elif (
            prof.kind in ("mechanism", "fact")
            and i + 1 < len(parts)
            and (e - s < 60 or _MEANS.match(text, parts[i + 1][0]))
        ):
            e = parts[i + 1][1]
        return s, e

    # -------------------------------------------------------------- glossary

    def _glossary(self, question: str, prof: Profile) -> Answer | None:
        q = unicodedata.normalize("NFKC", question)
        reverse = re.search(
            r"abbreviat\w* (for|of)|acronym (for|of)|short (form|name) (for|of)", q, re.I
        )
        if reverse:
            qn = normalize(q)
            for long, defs in sorted(self.vocab.defs_by_long.items(), key=lambda kv: -len(kv[0])):
                if len(long) > 3 and long in qn:
                    d = defs[0]
                    return self._definition_answer(question, d, d.short_start, d.short_end)
        low = q.lower()
        multi = [
            k
            for k in self.vocab.defs_by_short
            if " " in k and re.search(rf"\b{re.escape(k)}\b", low)
        ]
        if multi:  # "M phase"
            d = self.vocab.defs_by_short[max(multi, key=len)][0]
            return self._definition_answer(question, d, d.start, d.end)
        words = re.findall(r"[A-Za-z0-9][A-Za-z0-9\-+/]*[A-Za-z0-9+]|[A-Za-z]", q)
        for word in sorted(words, key=lambda w: (not any(c.isupper() for c in w[1:]), -len(w))):
            found = self.vocab.defs_by_short.get(word.lower())
            if found and word.lower() not in {"what", "does", "is", "are", "the", "for", "stand"}:
                d = found[0]
                return self._definition_answer(question, d, d.start, d.end)
        return None

    def _definition_answer(self, question: str, d: Definition, start: int, end: int) -> Answer:
        sent = self.index.sentences[d.sentence_id]
        primary = self._citation(sent, 1.0)
        doc_text = self.index.documents[d.doc].text
        others = [
            self._citation(self.index.sentences[o.sentence_id], 0.9)
            for o in self.vocab.defs_by_short.get(d.short.lower(), [])
            if o.sentence_id != d.sentence_id
        ][:2]
        return Answer(
            question=question,
            answer=doc_text[start:end],
            display=self.citer.display(d.doc, start, end),
            start=start,
            end=end,
            citations=(primary, *others),
            confidence=0.95,
            abstained=False,
        )

    # ------------------------------------------------------------- citations

    def _citation(self, sent: Sentence, score: float) -> Citation:
        return self.citer.sentence(sent, score)

    def _citation_for(self, best: _Scored, cite_sid: int, start: int, end: int) -> Citation:
        if cite_sid >= 0:
            return self._citation(self.index.sentences[cite_sid], best.score)
        # A table group heading: cite the heading line itself.
        return self.citer.span(self.index.sentences[best.sid], start, end, best.score)

    def _abstain(
        self,
        question: str,
        reason: str,
        hits: Sequence[Hit],
        query: Query,
        confidence: float,
        scored: list[_Scored] | None = None,
    ) -> Answer:
        related = [self._citation(self.index.sentences[s.sid], s.score) for s in (scored or [])[:3]]
        return Answer(
            question=question,
            answer=None,
            citations=tuple(related),
            confidence=round(min(confidence, 1.0), 4),
            abstained=True,
            reason=reason,
        )

    def _says(self, verb: str) -> str:
        """ "The review reports" or "The documents report": the subject with its verb agreed."""
        return f"{self._source} {_PLURAL_VERBS[verb] if self._plural else verb}"

    def _why(self, prof: Profile, best: _Scored) -> str:
        measure = _MEASURE.get(prof.kind, "answer")
        endpoint = " / ".join(_ENDPOINT_NAMES[e] for e in sorted(prof.endpoints))
        what = f"{endpoint} {measure}".strip() if endpoint else measure
        # "response rate" + "rate" must not read "response rate rate".
        what = re.sub(r"\b(\w+) \1\b", r"\1", what)
        about = self._key_names(prof)
        where = f" for {_join(about)}" if about else ""
        return f"{self._says('reports')} no {what}{where}."


_PLURAL_VERBS = {"does": "do", "uses": "use", "reports": "report"}
# The threshold of the hand-set confidence, used only when no trained model is installed.
_HEURISTIC_THRESHOLD = 0.38


def _anchor_cost(
    anchors: list[tuple[float, list[tuple[int, int]]]], start: int, end: int, cap: float = math.inf
) -> float:
    """Weighted mean distance from a span to each anchor; spans after an anchor are preferred
    (answers follow their subject: "PFS … HR 0.54")."""
    if not anchors:
        return 0.0
    total = weight = 0.0
    for w, places in anchors:
        best = math.inf
        for a_start, a_end in places:
            if start >= a_end:
                d = float(start - a_end)
            elif end <= a_start:
                d = 3.0 * (a_start - end)
            else:
                d = 0.0
            best = min(best, d)
        total += w * min(best, cap)
        weight += w
    return total / weight


_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "ten": 10,
    "twelve": 12,
}
_CONDITIONS = re.compile(
    r"\b(?:at|in|for|after|of)\s+(\w+)\s+and\s+(\w+)\s+(years?|months?|weeks?|cycles?)\b", re.I
)


def _as_number(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word)


def _respectively(text: str, spans: list[Span], question: str) -> list[Span] | None:
    """ "PFS rates of 27.3% and 20.7% at one and three years, and OS rates of 69.6% and 35.1%,
    respectively": a question about the 3-year OS rate gets the second OS figure."""
    if "respectively" not in text.lower() or len(spans) < 2:
        return None
    m = _CONDITIONS.search(text)
    if not m:
        return None
    values = [_as_number(m.group(1)), _as_number(m.group(2))]
    unit = m.group(3).lower().rstrip("s")
    asked = {
        _as_number(x.group(1))
        for x in re.finditer(rf"\b(\w+)[- ]{unit}s?\b", question, re.I)
        if _as_number(x.group(1)) is not None
    }
    if len(asked) != 1 or next(iter(asked)) not in values:
        return None
    k = values.index(next(iter(asked)))
    first = spans[0]
    pair = sorted((x for x in spans if x.endpoint == first.endpoint), key=lambda x: x.start)
    if len(pair) < 2:
        return None
    i = next((j for j, x in enumerate(pair) if x == first), 0)
    i = i - (i % 2) + k  # the figure at position k of the pair the best span belongs to
    if i >= len(pair):
        return None
    chosen = pair[i]
    return [chosen, *[x for x in spans if x != chosen]]


def _join(items: Sequence[str]) -> str:
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]
