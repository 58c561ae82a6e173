"""Shared fixtures for both tiers.

Fast tier: the real review parsed with `sclc_qa.corpus`, and indexes built with the deterministic
`HashingEmbedder` (no torch). Slow tier (`-m slow`): one real MiniLM index built once per session
into a temporary folder, and one `Engine` loaded from it, shared by every end-to-end test.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Test the working tree, whether or not the package is installed into the venv.
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from sclc_qa.config import AnswerSettings, Settings  # noqa: E402
from sclc_qa.corpus import load_corpus  # noqa: E402
from sclc_qa.embedding import HashingEmbedder, MiniLMEmbedder  # noqa: E402
from sclc_qa.engine import Engine  # noqa: E402
from sclc_qa.models import Document  # noqa: E402

CORPUS_DIR = ROOT / "corpus"
DOC_ID = "es-sclc-immunotherapy-review"
CORPUS_FILE = CORPUS_DIR / f"{DOC_ID}.txt"
EVAL_FILE = ROOT / "eval" / "questions.jsonl"


@pytest.fixture(scope="session", autouse=True)
def _hermetic_environment() -> Iterator[None]:
    """Settings read SCLC_QA_* from the environment; a developer's shell must not change tests."""
    with pytest.MonkeyPatch.context() as mp:
        for name in list(os.environ):
            if name.upper().startswith("SCLC_QA_"):
                mp.delenv(name)
        mp.setenv("HF_HUB_OFFLINE", "1")
        mp.setenv("TRANSFORMERS_OFFLINE", "1")
        if os.environ.get("PYTEST_XDIST_WORKER"):
            # `pytest -n 2` (scripts/check): the workers share the cores, as `serve`'s processes
            # do, so an idle encoding thread yields its core instead of spin-waiting on it.
            mp.setenv("SCLC_QA_QUERY_SPINNING", "false")
        yield


@pytest.fixture(scope="session")
def corpus_doc() -> Document:
    """The real review, parsed (it is the only document in corpus/)."""
    docs = load_corpus(CORPUS_DIR)
    assert [d.id for d in docs] == [DOC_ID]
    return docs[0]


@pytest.fixture(scope="session")
def corpus_text() -> str:
    with CORPUS_FILE.open(encoding="utf-8", newline="") as fh:
        return fh.read()


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A private, writable copy of corpus/ for tests that modify the corpus."""
    target = tmp_path / "corpus"
    target.mkdir()
    shutil.copyfile(CORPUS_FILE, target / CORPUS_FILE.name)
    return target


@pytest.fixture(scope="session")
def hashing_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings of a read-only index of the real corpus built with the fake embedder."""
    settings = Settings(
        corpus_dir=CORPUS_DIR, index_dir=tmp_path_factory.mktemp("hashing") / "index"
    )
    Engine.build(settings, embedder=HashingEmbedder())
    return settings


@pytest.fixture(scope="session")
def hashing_engine(hashing_settings: Settings) -> Engine:
    """An Engine over the real corpus with the fake embedder: lexical behaviour, no torch."""
    return Engine.load(hashing_settings, embedder=HashingEmbedder())


@pytest.fixture(scope="session")
def real_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A real MiniLM index, built once per session (~15 s)."""
    settings = Settings(corpus_dir=CORPUS_DIR, index_dir=tmp_path_factory.mktemp("real") / "index")
    Engine.build(settings)
    return settings


@pytest.fixture(scope="session")
def engine(real_settings: Settings) -> Engine:
    """The engine every slow test shares, loaded exactly as a user would load it."""
    return Engine.load(real_settings)


@pytest.fixture(scope="session")
def minilm() -> MiniLMEmbedder:
    """The real embedder, unloaded: construction verifies the weights and reads the word-piece
    tokenizer only; torch loads on the first `encode`."""
    return MiniLMEmbedder()


@pytest.fixture(scope="session")
def service_app(engine: Engine, real_settings: Settings) -> Any:
    """The FastAPI app over the shared real engine (already loaded, so it is ready at once)."""
    from sclc_qa.service import create_app

    return create_app(real_settings, engine=engine)


@pytest.fixture(scope="session")
def client(service_app: Any) -> Iterator[Any]:
    """An in-process HTTP client; server-side exceptions are raised, not turned into 500s."""
    from fastapi.testclient import TestClient

    with TestClient(service_app, raise_server_exceptions=True) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def live_server(service_app: Any) -> Iterator[str]:
    """The app served by uvicorn on a free loopback port, for real clients (OpenAI's, a
    browser); yields the base URL."""
    from readiness import served

    with served(service_app) as base:
        yield base


FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def multi_settings(real_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The review plus two small Markdown reports of one (invented) trial that disagree on its
    hazard ratio. Starts from a copy of the review's cache entry, so only the two are embedded."""
    root = tmp_path_factory.mktemp("multi")
    corpus = root / "corpus"
    corpus.mkdir()
    for source in [CORPUS_FILE, CORPUS_DIR / f"{DOC_ID}.meta.json"]:
        shutil.copyfile(source, corpus / source.name)
    for source in sorted((FIXTURES / "disagree").glob("orion-*.md")):
        shutil.copyfile(source, corpus / source.name)
    shutil.copytree(real_settings.index_dir / "cache", root / "index" / "cache")
    # The confidence model's threshold was fitted on the evaluation documents; these two reports
    # are a few sentences each, so their answers are judged at a lower one.
    settings = Settings(
        corpus_dir=corpus, index_dir=root / "index", answer=AnswerSettings(abstain_below=0.3)
    )
    Engine.build(settings)
    return settings


@pytest.fixture(scope="session")
def multi_engine(multi_settings: Settings) -> Engine:
    return Engine.load(multi_settings)
