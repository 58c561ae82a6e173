"""Every sentence of the retrieved passages, scored as the place that answers the question.

A sentence's score mixes lexical coverage of the question (with its paragraph's context), dense
similarity, the rank of its passage and whether it holds an answer of the asked kind; the names
the question depends on (its trial, drug, gene) must be named by the sentence or the text it
sits under, else it cannot answer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import partial

import numpy as np

from ..bounds import share_bounds
from ..citing import Citer
from ..index import Index
from ..lexical import tokenize
from ..mentions import describes, time_points
from ..models import Sentence
from ..question import ENDPOINTS, Profile
from ..retrieval import Hit, Query, row_products
from ..row_bounds import Bounded, asked_ranges, match, stated_ranges
from ..spans import Span
from ..tables import keyed_by
from ..vocabulary import ANAPHOR, Vocabulary, squash
from .coverage import NameCoverage
from .entries import Entries
from .kinds import STAT_WORDS, STATEMENT, TYPED
from .numbered import asked_members, speaks_of_others
from .populations import AskedGroup
from .ranking import RANKED, RankerModel, kind_flags, rank_features
from .shapes import clause_of, has_statement_shape, series_length

__all__ = ["Scored", "SentenceScorer"]

# Sentence score = lexical coverage, dense similarity, rank of the retrieved chunk, and a bonus
# for holding an answer of the asked shape. Their product with coverage orders candidates; the
# confidence is a trained model over these parts (confidence.py), not this sum.
W_LEX, W_DENSE, W_RANK, W_SHAPE = 0.45, 0.40, 0.05, 0.10


# A stem this long is a long word (a disease's name often is; "tumour" stems to 6 letters).
_LONG_WORD = 12
# A table row's weight for a question a statement answers (how/why, yes/no, a definition).
_ROW_FOR_STATEMENT = 0.3
# A list item that only names a linked term ("- [Zetal growth](…) (ZG) (uncommon)", its
# opening bracket before the sentence): it explains, settles or defines nothing.
_TERM_LINK = re.compile(r"\s*\[?[^\[\]]*\]\([^)]*\)(?:\s*\([^()]*\))*[\s.]*")
# The list items a lead-in found among the passages brings in as candidates (a trial's results).
_ITEMS_PER_LEAD_IN = 16
# The sentences after one that names the asked trial that report on it, as candidates: a
# result is seldom more than two sentences from the trial's name.
_FOLLOWING = 2
# A line that only links to another section ("[Other therapies](/…#_535)") states nothing.
_LINK_ONLY = re.compile(
    r"\s*\[[^\]]*\]\([^)]*\)[\s.]*"
    # … or that points to one: "For more information (about X), see [Y](…)."
    r"|\s*(?:For|To)\b[^.]{0,200}?\b[Ss]ee\s+(?:the\s+)?\[[^\]]*\]\([^)]*\)[^.;:\d]{0,120}\.?\s*"
    # … or that lists other documents: "Other summaries on [X](…); [Y](…); and [Z](…) are also
    # available." (not "Other reviews of [X](…) reported …": what follows the links says only
    # that they are there).
    r"|\s*Other\s+(?:[\w-]+\s+){0,2}(?:summaries|documents|sections|chapters|topics)\b"
    r"[^.\[]{0,80}\[[^\]]*\]\([^)]*\)(?:[^.\[]{0,20}\[[^\]]*\]\([^)]*\))*"
    r"(?:[,;]?\s*(?:and\s+)?(?:are|is)\s+(?:also\s+)?available[^.\[\d]{0,40})?[\s.]*"
)


# A table row whose ranges leave out what the question bounds keeps this share of its score,
# and half its share of the ranges it does state as asked (see `row_bounds.match`).
_UNMATCHED_RANGES = 0.3
# A sentence that names only other members of a numbered family than the one asked ("type 2"
# for "type 4?") keeps this share of its score: it is about another member, though the
# family's other words match.
_OTHER_MEMBER = 0.4


@dataclass(frozen=True)
class Scored:
    """One candidate sentence and the parts of its score."""

    sid: int
    score: float
    coverage: float
    spans: tuple[Span, ...]
    concepts: float = 1.0
    lexical: float = 0.0
    dense: float = 0.0
    rank: int = 0
    # What the learned ranker saw (ranking.RANK_FEATURES) and its log-odds; candidates are
    # ordered by it when a ranker is trained, else by `score`.
    features: tuple[float, ...] = ()
    learned: float = 0.0


# A candidate before ordering: Scored's fields from sid to rank, in that order.
_Row = tuple[int, float, float, tuple[Span, ...], float, float, float, int]


class SentenceScorer:
    """Scores candidate sentences for one question; read-only after construction."""

    def __init__(
        self,
        index: Index,
        vocab: Vocabulary,
        citer: Citer,
        typed_spans: Callable[[int, Profile], list[Span]],
        passages: int,
        ranker: RankerModel | None = None,
    ) -> None:
        self.index = index
        self.ranker = ranker
        self.vocab = vocab
        self.citer = citer
        self.typed_spans = typed_spans
        self.passages = passages
        self._vectors = index.sentence_vectors.reconstruct_n(0, index.sentence_vectors.ntotal)
        # Per-sentence facts remembered as candidates recur (a dict's item assignment is atomic,
        # so threads that serve questions together can share them).
        self._context: dict[int, frozenset[str]] = {}
        self.entries = Entries(index, vocab)
        self.coverage = NameCoverage(index, vocab, citer, self.entries)
        tables: dict[tuple[str, str, str | None], list[int]] = {}
        for sent in index.sentences:
            if sent.kind == "table_row":
                tables.setdefault((sent.doc, sent.section, sent.label), []).append(sent.id)
        self._tables = {key: tuple(rows) for key, rows in tables.items()}

    def score(self, query: Query, hits: Sequence[Hit]) -> list[Scored]:
        """The sentences of the top passages, best first; those missing a required name last."""
        prof = query.profile
        seen: dict[int, int] = {}
        for rank, hit in enumerate(hits[: self.passages]):
            if hit.chunk.kind == "glossary_entry" and prof.kind != "glossary":
                continue  # a glossary line defines a term; it answers nothing else
            for sid in hit.chunk.sentence_ids:
                seen.setdefault(sid, rank)
        # A trial's description found, its results are candidates too: the list items that
        # report on it, which a passage boundary may have cut off ("1. The X trial …" / "- The
        # median PFS was …").
        for sid, rank in list(seen.items()):
            for item in self.vocab.items.get(sid, ())[:_ITEMS_PER_LEAD_IN]:
                seen.setdefault(item, rank)
        if not seen:
            return []
        weights = self._term_weights(query)
        total = sum(weights.values()) or 1.0
        key_names = self.key_names(prof)
        if key_names and prof.time_points:
            # A sentence that names the trial found, the ones after it in its paragraph that
            # state the asked time point report on it too ("… the ZENITH-1 trial …. At 3
            # years, OS rates were …"), though the passage that holds them names nothing the
            # question asks.
            sents = self.index.sentences
            for sid, rank in list(seen.items()):
                if self._names_all(sid, key_names):
                    for nxt in range(sid + 1, min(sid + 1 + _FOLLOWING, len(sents))):
                        if sid in self.vocab.block[nxt] and (
                            time_points(sents[nxt].text) & prof.time_points
                        ):
                            seen.setdefault(nxt, rank)
        # A table found, its row that names everything the question names is a candidate too,
        # however long its other cells make it for retrieval ("Q3, Z3, M0": which group?).
        if key_names:
            # Each table once, at the rank of its first row found.
            found: dict[tuple[str, str, str | None], int] = {}
            for sid, rank in seen.items():
                sent = self.index.sentences[sid]
                if sent.kind == "table_row":
                    found.setdefault((sent.doc, sent.section, sent.label), rank)
            for table, rank in found.items():
                for row in self._tables[table]:
                    if row not in seen and self._names_all(row, key_names):
                        seen[row] = rank
        if prof.kind in ("glossary", "definition"):
            # "What does N2 mean?": the entry that defines the term, in a document found.
            docs = {self.index.sentences[sid].doc for sid in seen}
            for entry in self.entries.asked(prof):
                if self.index.sentences[entry.sid].doc in docs:
                    seen.setdefault(entry.sid, 0)
        ranges = asked_ranges(prof.text)  # "over 10 cm, 5 or fewer mitoses": a table's row
        members = asked_members(prof.text)  # "syndrome type 4"
        focus = self._focus_term(query)
        group = AskedGroup.of(prof, lambda word: all(t in self.vocab.idf for t in tokenize(word)))
        name_terms = {t for n in prof.names for t in tokenize(n)}
        predicate = {t: w for t, w in weights.items() if t not in name_terms}
        predicate_total = sum(predicate.values()) or 1.0
        ids = np.fromiter(seen, dtype=np.int64)
        dense = row_products(self._vectors[ids], query.vector)
        paired = row_products(self._paired(ids), query.vector)
        rows: list[_Row] = []
        described: list[tuple[float, ...]] = []
        sims = zip(ids.tolist(), dense.tolist(), paired.tolist(), strict=True)
        for sid, dsim, psim in sims:
            sent = self.index.sentences[sid]
            if _LINK_ONLY.fullmatch(sent.text) or (
                prof.kind in STATEMENT and _TERM_LINK.fullmatch(sent.text)
            ):
                continue  # "[Other therapies](/…#_535)", "For more, see […](…)": no statement
            toks, ctx = self.vocab.tokens[sid], self.context_tokens(sid)
            lex = sum(
                w * (1.0 if t in toks else 0.5 if t in ctx else 0.0) for t, w in weights.items()
            )
            lex /= total
            coverage, concepts = self.coverage.of(sid, key_names, prof)
            spans = tuple(self.typed_spans(sid, prof))
            shaped = has_statement_shape(prof, sent.text)
            base = W_LEX * lex + W_DENSE * max(dsim, 0.0) + W_RANK / (1 + seen[sid])
            if prof.kind in TYPED or (prof.kind in ("phase", "status") and not spans):
                base *= 1.0 if spans else 0.35
            elif sent.kind == "table_row" and prof.kind in STATEMENT:
                base *= _ROW_FOR_STATEMENT  # a row of a table explains, settles or defines nothing
            elif shaped:
                base += 2 * W_SHAPE  # a definition, a reason or means, a verdict: see below
            elif spans and (sent.kind != "table_row" or self.names_a_cell(sid, prof)):
                # Holds an answer of the asked shape; for a table row, only the row whose
                # cell is what the question names (its NCT id, its drug).
                base += 2 * W_SHAPE
            if prof.time_points and spans and time_points(sent.text) & prof.time_points:
                base += W_SHAPE  # states the asked time point: "5-year OS rate, 27% vs. 20%"
            # A number is only an answer about the trial it is reported for; an explanation
            # often names its subject a sentence earlier.
            if prof.kind in TYPED:
                score = base * (0.25 + 0.75 * coverage) * (0.7 + 0.3 * concepts)
            else:
                score = base * (0.6 + 0.4 * coverage) * (0.8 + 0.2 * concepts)
            if prof.kind in TYPED and focus and focus not in toks and not sent.cells:
                # A figure is about the question's most specific word (an adverse event, a
                # biomarker) or not about it at all.
                score *= 0.5
            score *= group.factor(
                sent.text, partial(self._stated_shares, sid), partial(self.vocab.around, sid)
            )
            if ranges and sent.kind == "table_row":
                matched = match(ranges, self._row_ranges(sid))
                if matched is not None:
                    # The row for the asked size and count: a row that leaves one out keeps a
                    # share of its score.
                    score *= 1.0 if matched == 1.0 else _UNMATCHED_RANGES + 0.5 * matched
            if speaks_of_others(sent.text, members):
                score *= _OTHER_MEMBER

            rows.append((sid, score, coverage, spans, concepts, lex, dsim, seen[sid]))
            stated = time_points(sent.text) & prof.time_points if prof.time_points else None
            said = _share(predicate, toks) / predicate_total
            # What the clause holding the figure says, not the whole sentence: "…, yet few
            # patients (20%) respond" is not about what the opening clause matches.
            said_here = (
                _share(predicate, set(tokenize(clause_of(sent.text, spans[0].start, spans[0].end))))
                / predicate_total
                if spans
                else said
            )
            described.append(
                (
                    said,
                    float(bool(spans)),
                    float(shaped),
                    0.5 if stated is None else float(bool(stated)),
                    0.5 if focus is None else float(focus in toks or focus in ctx),
                    float(sent.kind == "table_row"),
                    float(not self.vocab.prev[sid]),
                    float(ANAPHOR.match(sent.text) is not None),
                    math.log(1 + len(sent.text)),
                    math.log(series_length(sent.text)),
                    said_here,
                    float(self._keyed_by(sent, prof)),
                    psim,
                )
            )
        return self._ordered(prof, rows, described)

    def _names_all(self, sid: int, names: Sequence[str]) -> bool:
        """Whether sentence `sid` names every one of `names` itself."""
        return all(self.vocab.said_by(sid, n) for n in names)

    def keyed(self, sid: int, prof: Profile) -> bool:
        """Whether sentence `sid` is a table row whose first cell is what the question asks
        ("stage ZB" and the row "ZB" under "Stage")."""
        return self._keyed_by(self.index.sentences[sid], prof)

    def _keyed_by(self, sent: Sentence, prof: Profile) -> bool:
        """Whether `sent` is a table row whose first cell is a name the question asks about:
        the row that defines it ("Z2 | Zentoma in both lobes"), not one listing it among others."""
        return keyed_by(self.index.documents[sent.doc].text, sent, prof)

    def _paired(self, ids: np.ndarray) -> np.ndarray:
        """Each sentence's vector read with the sentence just before it in its paragraph (their
        normalised sum): the answer to "how does X …?" often follows the sentence naming X and
        does not name X itself ("However, it is limited by …")."""
        before = np.asarray([(self.vocab.prev[i] or (i,))[0] for i in ids.tolist()], dtype=np.int64)
        pair: np.ndarray = self._vectors[ids] + self._vectors[before]
        norms: np.ndarray = np.linalg.norm(pair, axis=1, keepdims=True)
        unit: np.ndarray = pair / np.maximum(norms, 1e-12)
        return unit

    def _ordered(
        self,
        prof: Profile,
        rows: list[_Row],
        described: list[tuple[float, ...]],
    ) -> list[Scored]:
        """The candidates best first, each with its ranking features (`ranking.RANK_FEATURES`)
        and, when a ranker is trained, its log-odds. A sentence that misses a name the question
        depends on cannot answer it, however similar it reads: it ranks below every sentence
        that does name it. The ranker reorders the first candidates, those it was fitted on;
        the rest follow."""
        signals = [(r[1], r[5], r[6], r[7], r[2], r[4]) for r in rows]
        features = rank_features(signals, described, kind_flags(prof))
        order = sorted(range(len(rows)), key=lambda i: (rows[i][2] == 0.0, -rows[i][1], rows[i][0]))
        learned = [0.0] * len(rows)
        if self.ranker is not None and order:
            head = order[:RANKED]
            logits = self.ranker.logits(np.asarray([features[i] for i in head]))
            for i, z in zip(head, logits.tolist(), strict=True):
                learned[i] = z
            head.sort(key=lambda i: (rows[i][2] == 0.0, -learned[i], rows[i][0]))
            order = head + order[RANKED:]
        return [Scored(*rows[i], features=features[i], learned=learned[i]) for i in order]

    def _term_weights(self, query: Query) -> dict[str, float]:
        """Each question term by rarity; expansions count half, and for explanations the names
        count less than the predicate that must match."""
        prof = query.profile
        weights = {t: self.vocab.idf.get(t, self.vocab.default_idf) for t in query.terms}
        for t in query.expansion:
            weights.setdefault(t, 0.5 * self.vocab.idf.get(t, self.vocab.default_idf))
        if prof.kind not in TYPED:
            # Names are checked by coverage; what must match an explanation is the predicate
            # (what the subject does), not the subject every nearby sentence repeats.
            describing = set(tokenize(prof.asked_about))
            for t in ({t for n in prof.names for t in tokenize(n)} - describing) & weights.keys():
                weights[t] *= 0.3
        return weights

    def key_names(self, prof: Profile) -> list[str]:
        """Names that narrow the question: specific, and not an endpoint or statistic. A people's
        adjective written just before another such name describes it ("the Danish ZETA-9
        trial"): the name says which trial, and the text need not say where it ran."""
        names = [
            n
            for n in prof.names
            if self.vocab.specific(n)
            and squash(n) not in STAT_WORDS
            and squash(n).removesuffix("s") not in STAT_WORDS  # "HRs", "RRs"
            and not any(p.fullmatch(n) for p in ENDPOINTS.values())
        ]
        # An abbreviation of a phrase ("RCT") names no one study for an adjective to describe.
        named = [n for n in names if not self.vocab.abbreviates_phrase(n)]
        return [n for n in names if not describes(n, named, prof.text)]

    def names_a_cell(self, sid: int, prof: Profile) -> bool:
        """Whether a cell of this table row is exactly a specific name the question uses."""
        sent = self.index.sentences[sid]
        if not sent.cells or not prof.names:
            return False
        text = self.index.documents[sent.doc].text
        values = {squash(text[c.start : c.end]) for c in sent.cells}
        return any(
            squash(n) in values and self.vocab.specific(n) and not self.vocab.is_concept(n)
            for n in prof.names
        )

    def unseen_share(self, query: Query) -> float:
        """The share of the question's plain content words that no document uses: a question
        about something the documents never mention ("boiling point") is not answered by them."""
        words = self._plain_words(query)
        if not words:
            return 0.0
        return sum(t not in self.vocab.idf for t in words) / len(words)

    def unseen_length(self, query: Query) -> float:
        """The length of the longest plain content word no document uses, over
        `_LONG_WORD`, at most 1: an unseen long word is more often a subject the documents
        never treat (a disease's long name) than a paraphrase ("shrink", "rough")."""
        unseen = [len(t) for t in self._plain_words(query) if t not in self.vocab.idf]
        return min(1.0, max(unseen, default=0) / _LONG_WORD)

    def _plain_words(self, query: Query) -> list[str]:
        """The question's content words (stemmed) that are no part of a name it asks about."""
        name_terms = {t for n in query.profile.names for t in tokenize(n)}
        return [t for t in query.terms if t.isalpha() and len(t) > 3 and t not in name_terms]

    def focus_here(self, query: Query, sid: int) -> float:
        """1 when the question's most specific word is in the sentence (or what it sits under),
        0 when it is not, 0.5 when the question has no such word."""
        focus = self._focus_term(query)
        if focus is None:
            return 0.5
        return float(focus in self.vocab.tokens[sid] or focus in self.context_tokens(sid))

    def _focus_term(self, query: Query) -> str | None:
        """The question's rarest plain word that the corpus uses, if it is rare enough to
        define what is asked about (names are handled by coverage)."""
        name_terms = {t for n in query.profile.names for t in tokenize(n)}
        cands = [
            t
            for t in query.terms
            if t in self.vocab.idf and t not in name_terms and t.isalpha() and len(t) > 3
        ]
        if not cands:
            return None
        best = max(cands, key=lambda t: self.vocab.idf[t])
        return best if self.vocab.idf[best] >= 0.8 * self.vocab.default_idf else None

    def _row_ranges(self, sid: int) -> list[Bounded]:
        """The ranges a table row's cells and the cells it sits under state."""
        sent = self.index.sentences[sid]
        text = self.index.documents[sent.doc].text
        return stated_ranges(
            [(c.header, text[c.start : c.end]) for c in (*sent.groups, *sent.cells)]
        )

    def _stated_shares(self, sid: int) -> frozenset[tuple[str, float]]:
        """The groups bounded by a share that a sentence reports on: those it states, else
        those the sentence before it states, else its list's lead-in."""
        texts = self.index.sentences
        for at in (sid, *self.vocab.prev[sid][:1]):
            if stated := share_bounds(texts[at].text):
                return stated
        return frozenset().union(*(share_bounds(texts[p].text) for p in self.vocab.lead_in[sid]))

    def context_tokens(self, sid: int) -> frozenset[str]:
        """The terms of what a sentence sits under: its heading, the sentences before it in its
        block and the paragraph that leads into its list (remembered: candidates recur)."""
        found = self._context.get(sid)
        if found is None:
            sent = self.index.sentences[sid]
            extra: set[str] = set(tokenize(sent.title))
            for p in (*self.vocab.prev[sid], *self.vocab.lead_in[sid]):
                extra |= self.vocab.tokens[p]
            found = self._context[sid] = frozenset(extra)
        return found


def _share(weights: dict[str, float], tokens: AbstractSet[str]) -> float:
    """The summed weight of the terms among `tokens`."""
    return sum(w for t, w in weights.items() if t in tokens)
