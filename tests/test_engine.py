"""engine.py: the composition root — load/build, input validation, sections, thread safety."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from sclc_qa import Engine as LazyEngine
from sclc_qa import IndexMissingError, InvalidQueryError, Settings, StaleIndexError
from sclc_qa.abbreviations import find_definitions
from sclc_qa.config import AnswerSettings
from sclc_qa.embedding import MODEL_SHA256, HashingEmbedder
from sclc_qa.engine import Engine
from sclc_qa.models import Answer

QUESTIONS = [
    "What was the OS hazard ratio in CASPIAN?",
    "What phase is NCT04885998?",
    "What does LDRT stand for?",
    "What was the OS HR in KEYNOTE-604?",
    "PFS hazard ratio in CASPIAN?",
    "Median OS in the atezolizumab arm of IMpower133?",
    "Which drug is the first DLL3-targeted bispecific T-cell engager?",
    "How does LDRT affect the tumor microenvironment?",
]


def comparable(answer: Answer) -> dict[str, object]:
    return answer.model_dump(exclude={"timing_ms"})


# ------------------------------------------------------------------ fast (fake embedder)


def test_the_package_exports_the_engine_lazily() -> None:
    assert LazyEngine is Engine


@pytest.mark.parametrize("question", ["", "   ", "\n\t"])
def test_an_empty_question_is_refused(hashing_engine: Engine, question: str) -> None:
    with pytest.raises(InvalidQueryError, match="empty"):
        hashing_engine.ask(question)
    with pytest.raises(InvalidQueryError, match="empty"):
        hashing_engine.search(question)


MAX_TOP_K = AnswerSettings().max_top_k


@pytest.mark.parametrize("top_k", [0, -1, MAX_TOP_K + 1, 1000])
def test_top_k_out_of_range_is_refused(hashing_engine: Engine, top_k: int) -> None:
    with pytest.raises(InvalidQueryError, match="top_k"):
        hashing_engine.ask("HR for OS in CASPIAN?", top_k=top_k)
    with pytest.raises(InvalidQueryError, match="top_k"):
        hashing_engine.search("HR for OS in CASPIAN?", top_k=top_k)


def test_the_top_k_limit_is_the_setting(hashing_engine: Engine) -> None:
    """`settings.answer.max_top_k` bounds the engine as it bounds the CLI and the HTTP API."""
    settings = hashing_engine.settings.model_copy(update={"answer": AnswerSettings(max_top_k=7)})
    engine = Engine(hashing_engine.index, HashingEmbedder(), settings)
    assert len(engine.search("HR for OS in CASPIAN?", top_k=7)) == 7
    with pytest.raises(InvalidQueryError, match="between 1 and 7, got 8"):
        engine.search("HR for OS in CASPIAN?", top_k=8)
    with pytest.raises(InvalidQueryError, match="between 1 and 7, got 8"):
        engine.ask("HR for OS in CASPIAN?", top_k=8)


def test_a_very_long_question_is_refused(hashing_engine: Engine) -> None:
    with pytest.raises(InvalidQueryError, match="5000 characters"):
        hashing_engine.ask("x" * 5000)
    with pytest.raises(InvalidQueryError, match="characters"):
        hashing_engine.search("y" * 2001)
    assert isinstance(InvalidQueryError("x"), ValueError)


def test_the_length_limit_is_inclusive(hashing_engine: Engine) -> None:
    limit = hashing_engine.settings.answer.max_question_chars
    answer = hashing_engine.ask("z" * (limit - 1) + "?")
    assert answer.question == "z" * (limit - 1) + "?"


def test_a_question_longer_than_the_embedder_window_is_answered(hashing_engine: Engine) -> None:
    # 400 words: under the character limit, over the model's word-piece limit. The dense side
    # sees what fits; the question is kept whole.
    question = "What was the OS hazard ratio in CASPIAN? " + "please " * 250
    answer = hashing_engine.ask(question)
    assert answer.question == " ".join(question.split())


def test_whitespace_in_the_question_is_collapsed(hashing_engine: Engine) -> None:
    answer = hashing_engine.ask("  What does\tLDRT\n stand for?  ")
    assert answer.question == "What does LDRT stand for?"


def test_top_k_bounds_the_citations(hashing_engine: Engine) -> None:
    question = "Median OS in the atezolizumab arm of IMpower133?"
    assert len(hashing_engine.ask(question, top_k=1).citations) <= 1
    assert len(hashing_engine.search(question, top_k=1)) == 1
    assert len(hashing_engine.search(question, top_k=MAX_TOP_K)) > 10


def test_sections_summarise_the_index(hashing_engine: Engine) -> None:
    sections = hashing_engine.sections()
    assert [s.section for s in sections][:3] == ["abstract", "1", "2"]
    assert len(sections) == 22
    assert sum(s.chunks for s in sections) == len(hashing_engine.index.chunks)
    by_id = {s.section: s for s in sections}
    assert by_id["4.1.1"].title == "First-line chemoimmunotherapy"
    assert (by_id["4.1"].blocks, by_id["4.1"].chunks) == (0, 0)
    assert by_id["glossary"].blocks == 76


def test_load_without_an_index(tmp_path: Path) -> None:
    settings = Settings(corpus_dir=Path("corpus").resolve(), index_dir=tmp_path / "none")
    with pytest.raises(IndexMissingError, match="sclc-qa build"):
        Engine.load(settings, embedder=HashingEmbedder())


def test_ask_reports_latency(hashing_engine: Engine) -> None:
    assert hashing_engine.ask("HR for OS in CASPIAN?").timing_ms > 0


# ------------------------------------------------------------------ slow (real model)


@pytest.mark.slow
def test_the_real_index_is_bound_to_the_pinned_model(
    engine: Engine, real_settings: Settings
) -> None:
    assert engine.index.manifest.model.sha256 == MODEL_SHA256
    assert engine.index.manifest.model.dim == 384
    with pytest.raises(StaleIndexError, match="model"):
        Engine.load(real_settings, embedder=HashingEmbedder())


@pytest.mark.slow
def test_ask_is_thread_safe(engine: Engine, real_settings: Settings) -> None:
    questions = [QUESTIONS[i % len(QUESTIONS)] for i in range(40)]
    # A freshly loaded engine: its query-vector cache fills while the threads contend.
    cold = Engine.load(real_settings)
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = [comparable(a) for a in pool.map(cold.ask, questions)]
    sequential = [comparable(engine.ask(q)) for q in questions]
    assert parallel == sequential
    assert len({str(a["answer"]) for a in parallel}) > 3


@pytest.mark.slow
def test_search_is_thread_safe(engine: Engine, real_settings: Settings) -> None:
    queries = [f"{q} (variant {i % 3})" for i, q in enumerate(QUESTIONS * 3)]
    cold = Engine.load(real_settings)
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = list(pool.map(lambda q: cold.search(q, top_k=5), queries))
    assert parallel == [engine.search(q, top_k=5) for q in queries]


@pytest.mark.slow
def test_a_valid_question_never_overflows_the_model_through_expansion(engine: Engine) -> None:
    shorts = sorted(
        {d.short for d in find_definitions(engine.index.documents, engine.index.sentences)}
        - {"M phase"}
    )
    question = "Compare " + ", ".join(shorts[:40]) + "?"
    assert engine.embedder.count_wordpieces(question) <= engine.embedder.max_wordpieces - 32
    assert engine.ask(question).question == question


@pytest.mark.slow
def test_a_question_past_the_model_window_is_answered(engine: Engine) -> None:
    question = "What was the OS hazard ratio in CASPIAN? " + "Pneumonoultramicroscopic " * 70
    assert engine.embedder.count_wordpieces(question) > engine.embedder.max_wordpieces
    assert len(engine.ask(question).question) <= engine.settings.answer.max_question_chars
