"""The composition root: one object that builds or loads the index and answers questions.

The CLI, the HTTP service and the evaluation runner are thin shells over `Engine`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from .config import SearchMode, Settings
from .corpus import load_metadata
from .embedding import ENCODER_CACHE, QUERY_ENCODER, Embedder, MiniLMEmbedder
from .errors import InvalidQueryError, NotFoundError
from .index import Index, Manifest, build_index, load_index
from .models import (
    Answer,
    DocumentMeta,
    Excerpt,
    Passage,
    SectionSummary,
    Verification,
)

if TYPE_CHECKING:
    from .retrieval import Hit

__all__ = ["Engine"]


class Engine:
    """Load once, then call `ask` and `search` from any number of threads."""

    def __init__(self, index: Index, embedder: Embedder, settings: Settings) -> None:
        # The answering steps load here, not with the module: a build never needs them.
        from .abbreviations import find_definitions
        from .answering import Answerer
        from .blocks import list_lead_ins
        from .citing import Citer
        from .disagreement import Disagreements
        from .retrieval import Retriever

        self.index = index
        self.settings = settings
        self.embedder = embedder
        definitions = find_definitions(index.documents, index.sentences)
        # Which paragraph introduces each list item: retrieval and the answer step both read it.
        lead_ins = list_lead_ins(index)
        self._retriever = Retriever(index, embedder, definitions, settings.retrieval, lead_ins)
        self._answerer = Answerer(index, definitions, settings.answer, lead_ins)
        self._citer = Citer(index)
        self._disagreements = Disagreements(self._retriever, self._answerer, self._citer)
        self._metadata = {
            doc.id: load_metadata(settings.corpus_dir, doc) for doc in index.documents.values()
        }

    @classmethod
    def load(
        cls,
        settings: Settings | None = None,
        *,
        embedder: Embedder | None = None,
        warm: bool = True,
    ) -> Engine:
        """Open the index under `settings.index_dir`, verified against the corpus and the model.
        The model's weights are read only if the index has no query encoder of its own.

        `warm=False` leaves the encoder's runtime to the first question (or `warm_up`): a
        server loads once and forks its workers, and each must start its own runtime."""
        settings = settings or Settings()
        embedder = embedder or MiniLMEmbedder(
            settings.model_dir,
            weights=False,
            query_threads=settings.query_threads,
            query_spinning=settings.query_spinning,
        )
        index = load_index(
            settings.corpus_dir,
            settings.index_dir,
            model_sha256=embedder.sha256,
            settings=settings.chunking,
            wait=False,  # the encoder's weights are hashed while the rest loads
        )
        engine = cls(index, embedder, settings)
        index.verified()
        if QUERY_ENCODER in index.manifest.files:  # verified with the rest of the index
            embedder.use_compiled(index.path / QUERY_ENCODER)
        if warm:
            engine.warm_up()
        return engine

    def warm_up(self) -> None:
        """Start the encoder's runtime now rather than in the first question."""
        self.ask("What does this review cover?")

    @staticmethod
    def build(
        settings: Settings | None = None,
        *,
        embedder: Embedder | None = None,
        progress: bool = False,
        on_step: Callable[[str], None] | None = None,
    ) -> Manifest:
        """(Re)build the index from the corpus; atomic, deterministic."""
        settings = settings or Settings()
        embedder = embedder or MiniLMEmbedder(
            settings.model_dir,
            cache_dir=settings.index_dir / ENCODER_CACHE,
            prepare=True,
            device=settings.build_device,
        )
        return build_index(
            settings.corpus_dir,
            settings.index_dir,
            embedder,
            settings.chunking,
            progress=progress,
            on_step=on_step,
        )

    def ask(
        self,
        question: str,
        *,
        top_k: int = 5,
        docs: Collection[str] | None = None,
        min_confidence: float | None = None,
    ) -> Answer:
        """Answer `question` with a verbatim span and citations, or abstain with a reason.

        `docs` restricts the answer to those document ids (None: every document). When other
        documents give a different figure for the same fact, `alternatives` holds each one, cited,
        and `note` says so. `min_confidence` overrides the configured abstention threshold
        (evaluation sweeps it).
        """
        return self.diagnose(question, top_k=top_k, docs=docs, min_confidence=min_confidence)[0]

    def diagnose(
        self,
        question: str,
        *,
        top_k: int = 5,
        docs: Collection[str] | None = None,
        min_confidence: float | None = None,
    ) -> tuple[Answer, dict[str, float] | None]:
        """`ask`, plus the features its confidence was computed from (see
        `confidence.FEATURES`; None when no candidate was weighed): what the confidence model
        is trained on, and a way to see why an answer got its confidence."""
        started = time.perf_counter()
        question = self._check(question, top_k)
        allowed = self._filter(docs)
        query = self._retriever.prepare(question)
        hits = self._retriever.search(
            query, max(top_k, self.settings.answer.passages), docs=allowed
        )
        passages = max(top_k, self.settings.answer.passages)

        def retrieve(text: str) -> list[Hit]:
            again = self._retriever.prepare(text)
            return self._retriever.search(again, passages, docs=allowed)

        answer, features = self._answerer.decide(
            question, query, hits, min_confidence=min_confidence, retrieve=retrieve
        )
        if not answer.abstained:
            answer = self._disagreements.check(answer, query, hits, allowed)
        answer = answer.model_copy(
            update={
                "citations": answer.citations[: max(top_k, 1)],
                "timing_ms": round((time.perf_counter() - started) * 1000, 2),
            }
        )
        return answer, features

    def search(
        self,
        query: str,
        *,
        top_k: int = 5,
        mode: SearchMode = "hybrid",
        docs: Collection[str] | None = None,
    ) -> list[Passage]:
        """The `top_k` best passages for `query`, from `docs` (None: every document)."""
        query = self._check(query, top_k)
        allowed = self._filter(docs)
        prepared = self._retriever.prepare(query)
        hits = self._retriever.search(prepared, top_k, mode=mode, docs=allowed)
        return [self._citer.passage(h) for h in hits]

    def resolve(self, turns: list[str]) -> str:
        """The last of a conversation's user turns, made self-contained: "and what about its
        PFS?" after a question about CASPIAN becomes a question about CASPIAN's PFS."""
        from .conversation import resolve_followup

        if not turns:
            raise InvalidQueryError("the conversation has no question in it", param="messages")
        cleaned = [" ".join(t.split()) for t in turns]
        for turn in cleaned:
            _check_text(turn)
        vocab = self._answerer.vocab
        resolved = resolve_followup(
            cleaned, lambda n: vocab.specific(n) and not vocab.is_concept(n)
        )
        if len(resolved) > self.settings.answer.max_question_chars:
            return cleaned[-1]  # a rewrite may not push a valid question over the limit
        return resolved

    @property
    def threshold(self) -> float:
        """The confidence below which `ask` abstains."""
        return self._answerer.threshold

    @property
    def manifest(self) -> Manifest:
        """What the loaded index was built from: corpus and model hashes, settings, counts."""
        return self.index.manifest

    def documents(self) -> list[DocumentMeta]:
        """The bibliographic record of every indexed document."""
        return [self._metadata[d] for d in sorted(self._metadata)]

    def verify(self, doc: str, start: int, end: int, quote: str) -> Verification:
        """Check a citation: is `quote` exactly the document's text at `[start:end]`?"""
        text = self._text(doc, start, end)
        return Verification(verified=text == quote, text=text)

    def context(self, doc: str, start: int, end: int) -> Excerpt:
        """The paragraph, table row or glossary entry that holds `[start:end]`, or failing that
        the section where the range starts, widened to cover the range."""
        self._text(doc, start, end)
        sections = self.index.documents[doc].sections
        section = next(
            (s for s in reversed(sections) if s.start <= start), sections[0] if sections else None
        )
        if section is None:
            raise NotFoundError(f"{doc} has no sections")
        for block in section.blocks:
            if block.start <= start and end <= block.end:
                return self._excerpt(doc, section.id, section.title, block.start, block.end)
        lo, hi = min(section.start, start), max(section.end, end)
        return self._excerpt(doc, section.id, section.title, lo, hi)

    def sections(self) -> list[SectionSummary]:
        """Every section of every document, with block and chunk counts."""
        chunks: dict[tuple[str, str], int] = {}
        for c in self.index.chunks:
            chunks[(c.doc, c.section)] = chunks.get((c.doc, c.section), 0) + 1
        return [
            SectionSummary(
                doc=doc.id,
                section=s.id,
                title=s.title,
                start=s.start,
                end=s.end,
                blocks=len(s.blocks),
                chunks=chunks.get((doc.id, s.id), 0),
            )
            for doc in self.index.documents.values()
            for s in doc.sections
        ]

    def _check(self, text: str, top_k: int) -> str:
        if not isinstance(text, str) or not text.strip():
            raise InvalidQueryError(
                "the question is empty; ask something, e.g. 'What was the OS HR in CASPIAN?'",
                param="question",
            )
        text = " ".join(text.split())
        _check_text(text)
        limit = self.settings.answer.max_question_chars
        if len(text) > limit:
            raise InvalidQueryError(
                f"the question is {len(text)} characters long; the limit is {limit}",
                param="question",
            )
        most = self.settings.answer.max_top_k
        if not 1 <= top_k <= most:
            raise InvalidQueryError(
                f"top_k must be between 1 and {most}, got {top_k}", param="top_k"
            )
        return text

    def _text(self, doc: str, start: int, end: int) -> str:
        document = self.index.documents.get(doc)
        if document is None:
            known = ", ".join(sorted(self.index.documents))
            raise NotFoundError(f"no document {doc!r}; the corpus holds: {known}")
        if not 0 <= start <= end <= len(document.text):
            raise InvalidQueryError(
                f"[{start}:{end}] is not a range of {doc}, which is {len(document.text)} "
                "characters long",
                param="start" if not 0 <= start <= len(document.text) else "end",
            )
        return document.text[start:end]

    def _excerpt(self, doc: str, section: str, title: str, start: int, end: int) -> Excerpt:
        text = self.index.documents[doc].text[start:end]
        return Excerpt(doc=doc, section=section, title=title, start=start, end=end, text=text)

    def _filter(self, docs: Collection[str] | None) -> frozenset[str] | None:
        """A document filter, checked: every id must name an indexed document."""
        if docs is None:
            return None
        wanted = frozenset(docs)
        known = ", ".join(sorted(self.index.documents))
        if not wanted:
            raise InvalidQueryError(
                f"the filter names no documents; the index holds: {known}", param="docs"
            )
        unknown = sorted(wanted - set(self.index.documents))
        if unknown:
            raise NotFoundError(
                f"no document {', '.join(map(repr, unknown))}; the index holds: {known}",
                param="docs",
            )
        return wanted


def _check_text(text: str) -> None:
    """Refuse text that is not valid Unicode (a lone surrogate from a JSON "\\ud83d" escape):
    the tokenizer and the model cannot read it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidQueryError(
            f"the question holds a character that is not valid Unicode text at position "
            f"{exc.start} (a lone surrogate?)",
            param="question",
        ) from None
