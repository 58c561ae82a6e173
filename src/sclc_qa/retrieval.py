"""Hybrid retrieval: dense FAISS search and BM25 over the same chunks, fused by reciprocal rank.

Trial names, NCT ids, drug names and abbreviations are where a small dense model is weakest, so
the lexical side keeps them whole (see `lexical.tokenize`), and both sides see the question
expanded with the corpus's own definitions ("LDRT" ↔ "low-dose radiotherapy"). Which
documents a question is about, when only some can answer it, is `routing`'s.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np
import numpy.typing as npt

from .abbreviations import Definition, singular
from .acronyms import Acronyms
from .blocks import list_lead_ins
from .config import RetrievalSettings, SearchMode
from .domain import domain
from .embedding import Embedder, Vectors
from .index import Index
from .lexical import BM25, STOPWORDS, normalize, tokenize
from .mentions import written
from .models import Chunk
from .plain_words import PlainWords
from .question import Profile, profile
from .question_kinds import uncontracted
from .routing import Router

__all__ = ["Hit", "Query", "Retriever", "row_products"]

# The fewest plain words a long form needs to be recognised from its words in any order.
_BAG_WORDS = 3


@dataclass(frozen=True)
class Query:
    """A question prepared once for every later step: its analysis, terms, expansions and
    vector. Rankers and the answer step read these; none analyses the question again."""

    text: str
    profile: Profile
    terms: tuple[str, ...]
    expansion: tuple[str, ...]
    vector: Vectors
    # The documents that name everything the question names, when only some do (None: all).
    route: frozenset[str] | None = None
    # A long form the question spells out ("zeta cell lymphoma") is one concept: its
    # words weigh as expansion words do in BM25, and its abbreviation's words as the question's.
    spelled: frozenset[str] = frozenset()
    abbreviated: frozenset[str] = frozenset()

    @property
    def definitional(self) -> bool:
        """Asks what a term means: only then does a glossary line answer."""
        return self.profile.kind == "glossary"


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float
    dense_rank: int | None
    lexical_rank: int | None


class Retriever:
    """Ranks chunks for a query. Immutable after construction apart from a locked vector cache
    and what each document calls itself (its router's), read once when a question first needs
    it."""

    def __init__(
        self,
        index: Index,
        embedder: Embedder,
        definitions: list[Definition],
        settings: RetrievalSettings,
        lead_ins: Sequence[tuple[int, ...]] | None = None,
    ) -> None:
        """`lead_ins`: `blocks.list_lead_ins(index)`, when the caller has it already (else
        read on the first question that needs it)."""
        self.index = index
        self._lead_ins = lead_ins
        self.embedder = embedder
        self.settings = settings
        self._bm25 = BM25([tokenize(c.search_text) for c in index.chunks])
        self._short_to_long: dict[str, set[str]] = {}
        self._long_to_short: dict[str, set[str]] = {}
        # Read from what is indexed, not from the boilerplate a document's file also holds,
        # sentence by sentence (no phrase runs across two; no copy of the corpus's text).
        # A gene's name spelled out after its symbol is no other way to search for it: its
        # words are seldom what a passage about the gene says (`Vocabulary.symbols`).
        # A name's short form that skips its joining words is how the name is usually written.
        definitions = [d for d in definitions if d.source not in ("symbol", "joined")]
        self._acronyms = Acronyms([s.text for s in index.sentences], (d.short for d in definitions))
        self._plain = PlainWords(s.text for s in index.sentences)
        for d in definitions:
            short = d.short.lower()
            # "HDAC" in a question should find "HDACi", "PARP" should find "PARPi".
            # (Not "OS" as "O", "AI" as "A": three letters stay, or a question's "a" finds it.)
            for variant in {short, re.sub(r"(?<=[a-z0-9]{3})[is]$", "", short)}:
                self._short_to_long.setdefault(variant, set()).add(d.long)
            self._long_to_short.setdefault(normalize(d.long), set()).add(d.short)
        # A long form holding another's long form is also written with that one abbreviated:
        # "early-stage zeta cell lymphoma" as "early-stage ZCL".
        # (Start-up work over every pair of long forms: a substring test spares the regex.)
        inners = [(i, sorted(s)) for i, s in self._long_to_short.items() if len(i.split()) > 1]
        for long, shorts in list(self._long_to_short.items()):
            for inner, inner_shorts in inners:
                if inner != long and inner in long and written(inner).search(long):
                    for inner_short in inner_shorts:
                        variant = written(inner).sub(inner_short.lower(), long)
                        self._long_to_short.setdefault(variant, set()).update(shorts)
        self._chunk_matrix = index.chunk_vectors.reconstruct_n(0, index.chunk_vectors.ntotal)
        self._sentence_matrix = index.sentence_vectors.reconstruct_n(
            0, index.sentence_vectors.ntotal
        )
        # Sentence ids grouped by chunk, for a per-chunk max over sentence similarities.
        order: list[int] = []
        starts: list[int] = []
        for c in index.chunks:
            starts.append(len(order))
            order.extend(c.sentence_ids)
        self._order = np.asarray(order, dtype=np.int64)
        self._starts = np.asarray(starts, dtype=np.int64)
        self._doc_codes = {d: i for i, d in enumerate(sorted(index.documents))}
        self._router = Router(index, definitions)
        self._chunk_docs = np.asarray([self._doc_codes[c.doc] for c in index.chunks], np.int32)
        # Each document's title words: within a document a question is routed to, its title's
        # subject is every passage's, and tells none of them apart (unless the title names
        # several diseases, "Zetoma and Zetic Carcinoma", whose words then tell passages apart).
        self._title_terms = {
            d: frozenset() if len(self._router.topics(d)) > 1 else frozenset(tokenize(doc.title))
            for d, doc in index.documents.items()
        }
        # Each long form a question may spell out, as a whole phrase compiled once, with its
        # terms.
        self._long_patterns = [
            (long, written(long), frozenset(tokenize(long)), sorted(shorts))
            for long, shorts in self._long_to_short.items()
            if len(long) > 3
        ]
        # … and as a bag of words, for a question that spells it out in its own order or shares
        # its words between two ("early vs late stage zeta cell lymphoma"). Only long
        # forms of several words: two words together say too little.
        self._long_bags = [
            (bag, sorted(shorts))
            for long, shorts in self._long_to_short.items()
            if len(bag := _plain_words(long)) >= _BAG_WORDS
        ]
        self._cache: OrderedDict[str, Vectors] = OrderedDict()
        self._lock = threading.Lock()

    def prepare(self, text: str) -> Query:
        """Tokenise, expand with the corpus's definitions, and embed (one encoder call)."""
        text = uncontracted(text)  # "What's …?" read as "What is …?"
        text = self._acronyms.spell_out(text)  # "NPC" where the text only writes it out
        text = self._plain.read(text)  # "stomach cancer" where the text writes "gastric cancer"
        norm = normalize(text)
        words = set(re.findall(r"[a-z0-9][a-z0-9\-+/]*", norm))
        # A short form spelled like a common word ("WHO", "OR") is one only in capitals: "who
        # first described it?" asks no organisation.
        capitals = {w.lower() for w in re.findall(r"\b[A-Z][A-Z0-9]*\b", text)}
        added: list[str] = []
        for short, longs in self._short_to_long.items():
            if short in words and (short not in STOPWORDS or short in capitals):
                added.extend(sorted(longs))
        spelled_forms: list[tuple[frozenset[str], list[str]]] = []
        for long, pattern, long_terms, shorts in self._long_patterns:
            if long in norm and pattern.search(norm):  # the substring test spares most searches
                spelled_forms.append((long_terms, shorts))
        terms = tuple(tokenize(text))
        plain = set(terms)
        spelled_forms += [(bag, shorts) for bag, shorts in self._long_bags if bag <= plain]
        # A long form inside a longer one the question spells ("cell lymphoma" in
        # "zeta cell lymphoma") is not spelled out itself.
        spelled_forms = [
            (words, shorts)
            for words, shorts in spelled_forms
            if not any(words < other for other, _ in spelled_forms)
        ]
        abbreviations = [short for _, shorts in spelled_forms for short in shorts]
        added.extend(short for short in dict.fromkeys(abbreviations) if short not in added)
        expansion = tuple(t for t in tokenize(" ".join(added)) if t not in terms)
        # Reweighed only for a long form of several words ("radiotherapy" for "RT" stays a word).
        several = [(words, shorts) for words, shorts in spelled_forms if len(words) > 1]
        spelled = {w for words, _ in several for w in words}
        abbreviated = frozenset(tokenize(" ".join(s for _, shorts in several for s in shorts)))
        abbreviated -= plain
        spelled_out = frozenset(spelled & plain) - abbreviated
        extra = list(dict.fromkeys(added))
        # A question longer than the model's window still gets all its words on the lexical side;
        # the dense side sees as much of it as fits.
        window = self.embedder.truncate(text)
        dense_text = f"{window} ({'; '.join(extra)})" if extra else window
        while extra and self.embedder.count_wordpieces(dense_text) > self.embedder.max_wordpieces:
            extra.pop()  # expansions help; they must never push a valid question over the limit
            dense_text = f"{window} ({'; '.join(extra)})" if extra else window
        prof = profile(text)
        # A measure's abbreviation ("HR" for "hazard ratio") names what is asked, not whom.
        measures = domain().statistic_abbreviations
        aliases = tuple(
            a
            for a in dict.fromkeys(abbreviations)
            if a.lower() not in words and singular(a).lower() not in measures
        )
        if aliases:
            prof = replace(prof, aliases=aliases)
        route = self._router.route(prof.names, norm)
        vector = self._embed(dense_text)
        return Query(text, prof, terms, expansion, vector, route, spelled_out, abbreviated)

    @cached_property
    def _items_of(self) -> dict[int, frozenset[int]]:
        """Chunk → the chunks of the list items its sentences introduce: a trial described in
        one item ("1. The phase III ZENITH-4 trial …") and its results in the bullets below it,
        which never repeat its name. Read on the first question that names a rare name."""
        chunk_of = {sid: c.id for c in self.index.chunks for sid in c.sentence_ids}
        items: dict[int, set[int]] = {}
        lead_ins = self._lead_ins if self._lead_ins is not None else list_lead_ins(self.index)
        for sid, leads in enumerate(lead_ins):
            for lead in leads:
                own, introduced = chunk_of.get(lead), chunk_of.get(sid)
                if own is not None and introduced is not None and own != introduced:
                    items.setdefault(own, set()).add(introduced)
        return {cid: frozenset(found) for cid, found in items.items()}

    def search(
        self,
        query: Query,
        top_k: int,
        *,
        mode: SearchMode = "hybrid",
        docs: frozenset[str] | None = None,
    ) -> list[Hit]:
        """The `top_k` best chunks by `mode`, from the documents in `docs` (None: all). The
        lexical mode is plain BM25 over the question's own words, as bm25s scores it: the
        baseline the hybrid is measured against; the hybrid's BM25 also reads the words its
        abbreviations and long forms add."""
        n = min(self.settings.candidates, len(self.index.chunks))
        if query.route is not None:
            docs = query.route if docs is None else (docs & query.route) or docs
        dense_scores = self._dense_scores(query) if mode != "lexical" else None
        context = (
            frozenset.intersection(*(self._title_terms[d] for d in query.route))
            if query.route
            else frozenset()
        )
        lexical_scores = (
            self._lexical_scores(query, expanded=mode == "hybrid", context=context)
            if mode != "dense"
            else None
        )
        if docs is not None:
            # Chunks outside the filter score 0, which `_top` never takes.
            outside = ~np.isin(self._chunk_docs, [self._doc_codes[d] for d in docs])
            for scores in (dense_scores, lexical_scores):
                if scores is not None:
                    scores[outside] = 0.0
        dense = _top(dense_scores, n)
        lexical = _top(lexical_scores, n)
        fused: dict[int, float] = {}
        if self.settings.fusion == "rrf" or mode != "hybrid":
            k = self.settings.rrf_k
            for weight, ranking in (
                (self.settings.dense_weight, dense),
                (self.settings.lexical_weight, lexical),
            ):
                for rank, cid in enumerate(ranking):
                    fused[cid] = fused.get(cid, 0.0) + weight / (k + rank + 1)
        else:
            assert dense_scores is not None and lexical_scores is not None
            top_lex = float(lexical_scores.max()) or 1.0
            named = self._named(query, docs)
            for cid in {*dense, *lexical, *named}:
                fused[cid] = (
                    self.settings.dense_weight * float(dense_scores[cid])
                    + self.settings.lexical_weight * float(lexical_scores[cid]) / top_lex
                ) * (1.0 + self.settings.name_weight * named.get(cid, 0.0))
        if not query.definitional:
            # Glossary lines match every question that names an endpoint ("OS overall survival");
            # they answer only questions about what a term means.
            for cid in fused:
                if self.index.chunks[cid].kind == "glossary_entry":
                    fused[cid] *= self.settings.glossary_weight
        d_rank = {cid: r for r, cid in enumerate(dense)}
        l_rank = {cid: r for r, cid in enumerate(lexical)}
        order = sorted(fused, key=lambda cid: (-fused[cid], cid))[:top_k]
        return [
            Hit(self.index.chunks[cid], fused[cid], d_rank.get(cid), l_rank.get(cid))
            for cid in order
        ]

    def _named(self, query: Query, docs: frozenset[str] | None) -> dict[int, float]:
        """Chunk → share of the question's rare names it contains. A name is rare when few
        passages use it (a trial, an NCT id): a passage about it is a candidate however long it
        is or however little else of the question it repeats (BM25 dilutes one rare word in a
        long passage), so every passage naming one joins the candidates."""
        terms = {t for n in query.profile.names for t in tokenize(n)}
        limit = max(_RARE_MIN, int(_RARE_SHARE * len(self.index.chunks)))
        rare: list[npt.NDArray[np.intp]] = []
        for term in terms:
            having = self._bm25.having(term)
            if docs is not None:
                allowed = np.isin(self._chunk_docs[having], [self._doc_codes[d] for d in docs])
                having = having[allowed]
            if 0 < len(having) <= limit:
                rare.append(having)
        share: dict[int, float] = {}
        for having in rare:
            # A passage naming it, and the list items below one that report on what it names.
            naming = set(having.tolist())
            for cid in list(naming):
                naming |= self._items_of.get(cid, frozenset())
            for cid in naming:
                share[cid] = share.get(cid, 0.0) + 1.0 / len(rare)
        return share

    def _dense_scores(self, query: Query) -> npt.NDArray[np.float32]:
        """Cosine of each chunk, or of its best sentence when that is closer: a factoid question
        often matches one sentence better than the chunk around it."""
        chunk_sim = row_products(self._chunk_matrix, query.vector)
        if self.settings.sentence_weight <= 0:
            return np.asarray(chunk_sim, dtype=np.float32)
        sent_sim = row_products(self._sentence_matrix, query.vector)
        best_sent = np.maximum.reduceat(sent_sim[self._order], self._starts)
        w = self.settings.sentence_weight
        return np.asarray(
            (1 - w) * chunk_sim + w * np.maximum(chunk_sim, best_sent), dtype=np.float32
        )

    def _lexical_scores(
        self, query: Query, *, expanded: bool = True, context: frozenset[str] = frozenset()
    ) -> npt.NDArray[np.float32]:
        """BM25 over the question's words and, `expanded`, the words its abbreviations and
        long forms add; in the hybrid, the `context` words (the title of the documents it is
        routed to) weigh nothing."""
        expansion = list(query.expansion) if expanded else []
        terms = list(query.terms) + expansion
        if not terms:
            return np.zeros(len(self.index.chunks), dtype=np.float32)
        if not expanded:
            return self._bm25.get_scores(terms)  # plain BM25: every word weighs 1
        added = self.settings.expansion_weight
        weights = [added if t in query.spelled else 1.0 for t in query.terms] + [
            1.0 if t in query.abbreviated else added for t in expansion
        ]
        weights = [0.0 if t in context else w for t, w in zip(terms, weights, strict=True)]
        return self._bm25.get_scores(terms, weights)

    def _embed(self, text: str) -> Vectors:
        """The text's vector, from the cache or encoded (outside the lock: encoding is the
        slow step, and other threads' lookups need not wait for it)."""
        with self._lock:
            found = self._cache.get(text)
            if found is not None:
                self._cache.move_to_end(text)
                return found
        vector = np.asarray(self.embedder.encode([text])[0], dtype=np.float32)
        with self._lock:
            self._cache[text] = vector
            while len(self._cache) > _CACHED_VECTORS:
                self._cache.popitem(last=False)
        return vector


# Question vectors kept for repeated questions: 1,536 bytes each, 6 MiB in all.
_CACHED_VECTORS = 4096


# A name is rare (it picks out a trial or a drug, not a topic) when at most this share of
# passages, or this many, use it.
_RARE_SHARE = 0.01
_RARE_MIN = 5


def _top(scores: npt.NDArray[np.float32] | None, n: int) -> list[int]:
    if scores is None:
        return []
    order = np.argsort(-scores, kind="stable")[:n]
    return [int(i) for i in order if scores[i] > 0]


def _plain_words(text: str) -> frozenset[str]:
    """The stemmed plain words of `text`, compounds read as their parts."""
    return frozenset(t for t in tokenize(text) if t.isalpha())


def row_products(
    matrix: npt.NDArray[np.float32], vector: npt.NDArray[np.float32]
) -> npt.NDArray[np.float32]:
    """Each row of `matrix` times `vector`, on this thread: BLAS would split so small a product
    across cores its threads then hold, spinning, while the encoder needs them for the next
    question (on 2 cores, `ask` p50 halves)."""
    out: npt.NDArray[np.float32] = np.einsum("ij,j->i", matrix, vector)
    return out
