"""embedding.py: the pinned MiniLM model (verified, never truncating) and the fake embedder."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from sclc_qa.embedding import (
    MODEL_SHA256,
    QUERY_ENCODER,
    HashingEmbedder,
    MiniLMEmbedder,
    model_dir,
    verify_model,
)
from sclc_qa.errors import ModelError, SclcQaError

SRC = Path(__file__).resolve().parent.parent / "src"


def tampered_copy(tmp_path: Path, weights: bytes) -> Path:
    """The packaged model folder with other weights: every other file is a symlink."""
    target = tmp_path / "model"
    target.mkdir()
    for item in model_dir().iterdir():
        if item.name != "model.safetensors":
            (target / item.name).symlink_to(item)
    (target / "model.safetensors").write_bytes(weights)
    return target


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


# ------------------------------------------------------------------ verification (fast)


def test_the_packaged_weights_match_the_pinned_hash(minilm: MiniLMEmbedder) -> None:
    assert verify_model(model_dir()) == MODEL_SHA256
    assert minilm.sha256 == MODEL_SHA256
    assert (minilm.dim, minilm.max_wordpieces) == (384, 256)


def test_a_tampered_copy_is_refused(tmp_path: Path) -> None:
    weights = bytearray((model_dir() / "model.safetensors").read_bytes())
    weights[-1] ^= 0xFF  # same size, one byte different
    copy = tampered_copy(tmp_path, bytes(weights))
    with pytest.raises(ModelError, match=MODEL_SHA256) as info:
        MiniLMEmbedder(copy)
    assert str(copy / "model.safetensors") in str(info.value)
    with pytest.raises(ModelError, match="refusing"):
        verify_model(copy)
    assert isinstance(info.value, SclcQaError)


def test_missing_weights_are_refused(tmp_path: Path) -> None:
    copy = tampered_copy(tmp_path, b"")
    (copy / "model.safetensors").unlink()
    with pytest.raises(ModelError, match="not found"):
        MiniLMEmbedder(copy)


def test_a_copy_with_the_right_bytes_is_accepted(tmp_path: Path) -> None:
    copy = tampered_copy(tmp_path, (model_dir() / "model.safetensors").read_bytes())
    assert MiniLMEmbedder(copy).sha256 == MODEL_SHA256


def test_word_pieces_include_cls_and_sep(minilm: MiniLMEmbedder) -> None:
    assert minilm.count_wordpieces("") == 2
    assert minilm.count_wordpieces("survival") == 3
    assert minilm.count_wordpieces("word " * 254) == 256


def test_encode_refuses_over_long_text_before_loading_the_model() -> None:
    # In a fresh interpreter: refusing must not need (or import) torch.
    result = run_python(
        """
        import sys
        from sclc_qa.embedding import MiniLMEmbedder
        from sclc_qa.errors import ModelError
        e = MiniLMEmbedder()
        try:
            e.encode(["short", "word " * 255])
        except ModelError as exc:
            print("refused:", exc)
        heavy = ("torch", "transformers", "sentence_transformers")
        print("heavy:", sorted(m for m in heavy if m in sys.modules))
        """
    )
    assert result.returncode == 0, result.stderr
    assert "refused: 1 text(s) exceed 256 word pieces and would be truncated" in result.stdout
    assert "heavy: []" in result.stdout


def test_importing_the_package_is_cheap() -> None:
    result = run_python(
        """
        import sys
        import sclc_qa
        from sclc_qa import Answer, Settings, StaleIndexError
        heavy = ("numpy", "faiss", "torch", "transformers", "sentence_transformers", "bm25s")
        print(sorted(m for m in heavy if m in sys.modules))
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# ------------------------------------------------------------------ the fake embedder


def test_hashing_embedder_is_deterministic_and_unit_norm() -> None:
    fake = HashingEmbedder(dim=64)
    texts = ["Overall survival in CASPIAN", "overall SURVIVAL in caspian", "tarlatamab", ""]
    a, b = fake.encode(texts), HashingEmbedder(dim=64).encode(texts)
    assert a.shape == (4, 64) and a.dtype == np.float32
    np.testing.assert_array_equal(a, b)
    np.testing.assert_allclose(np.linalg.norm(a[:3], axis=1), 1.0, rtol=1e-6)
    assert float(a[0] @ a[1]) == pytest.approx(1.0)  # case-insensitive bag of words
    assert float(a[0] @ a[2]) < 0.5
    assert not a[3].any()


# ------------------------------------------------------------------ the real model (slow)


@pytest.fixture(scope="module")
def both_backends(minilm: MiniLMEmbedder) -> tuple[MiniLMEmbedder, MiniLMEmbedder]:
    return minilm, MiniLMEmbedder(backend="sentence-transformers")


@pytest.mark.slow
def test_backends_give_the_same_unit_vectors(
    both_backends: tuple[MiniLMEmbedder, MiniLMEmbedder], corpus_doc
) -> None:
    light, reference = both_backends
    longest = max(
        (corpus_doc.text[b.start : b.end] for s in corpus_doc.sections for b in s.blocks),
        key=light.count_wordpieces,
    )
    # Cut the longest block to the model limit so padding and a full-length input both occur.
    words = longest.split()
    while light.count_wordpieces(" ".join(words)) > 256:
        words.pop()
    texts = [
        "What was the OS hazard ratio in CASPIAN?",
        "LDRT",
        " ".join(words),
        "Tarlatamab is the first-in-class DLL3-targeted bispecific T-cell engager (BiTE).",
    ]
    assert light.count_wordpieces(texts[2]) > 240
    a, b = light.encode(texts), reference.encode(texts)
    assert a.shape == b.shape == (4, 384)
    assert a.dtype == b.dtype == np.float32
    assert float(np.abs(a - b).max()) < 1e-5
    np.testing.assert_allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-5)
    # Batching does not change a vector (padding is masked out of the mean).
    alone = light.encode([texts[1]])[0]
    assert float(np.abs(alone - a[1]).max()) < 1e-5


@pytest.mark.slow
def test_vectors_carry_meaning(minilm: MiniLMEmbedder) -> None:
    q, near, far = minilm.encode(
        [
            "overall survival benefit of durvalumab",
            "durvalumab prolonged overall survival",
            "the glossary lists abbreviations",
        ]
    )
    assert float(q @ near) > float(q @ far) + 0.2


@pytest.mark.slow
def test_encode_takes_exactly_the_limit_and_refuses_one_more(minilm: MiniLMEmbedder) -> None:
    at_limit = "word " * 254
    assert minilm.encode([at_limit]).shape == (1, 384)
    with pytest.raises(ModelError, match="exceed 256 word pieces"):
        minilm.encode([at_limit + "word"])
    assert minilm.encode([]).shape == (0, 384)


@pytest.mark.slow
def test_truncate_keeps_the_longest_prefix_that_fits(minilm: MiniLMEmbedder) -> None:
    short = "What was the OS hazard ratio in CASPIAN?"
    assert minilm.truncate(short) == short
    long = "durvalumab extended overall survival " * 80
    cut = minilm.truncate(long)
    assert long.startswith(cut)
    assert minilm.count_wordpieces(cut) == minilm.max_wordpieces
    assert minilm.encode([cut]).shape == (1, 384)


@pytest.mark.slow
def test_the_index_ships_a_compiled_encoder_that_gives_the_reference_vectors(
    engine, both_backends: tuple[MiniLMEmbedder, MiniLMEmbedder]
) -> None:
    assert QUERY_ENCODER in engine.index.manifest.files
    texts = ["What was the OS hazard ratio in CASPIAN?", "LDRT", "tarlatamab DLL3 BiTE " * 20]
    compiled = engine.embedder.encode(texts)
    reference = both_backends[1].encode(texts)
    assert float(np.abs(compiled - reference).max()) < 1e-5


@pytest.mark.slow
def test_loading_the_engine_does_not_import_transformers(real_settings) -> None:
    done = run_python(
        f"""
        import sys
        from sclc_qa import Engine, Settings
        Engine.load(Settings(index_dir={str(real_settings.index_dir)!r}))
        print(sorted(m for m in sys.modules if m.split(".")[0] == "transformers"))
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.slow
def test_an_unloadable_compiled_encoder_falls_back_to_tracing(tmp_path: Path) -> None:
    broken = tmp_path / QUERY_ENCODER
    broken.write_bytes(b"not a TorchScript archive")
    embedder = MiniLMEmbedder()
    embedder.use_compiled(broken)
    reference = MiniLMEmbedder(backend="sentence-transformers").encode(["LDRT"])
    assert float(np.abs(embedder.encode(["LDRT"]) - reference).max()) < 1e-5
