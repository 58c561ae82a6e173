"""The corruption matrix: every file of a built index and of the model, each missing, truncated,
with flipped bytes or with invalid UTF-8 in it. Loading the engine then either recovers or stops
with one `SclcQaError` line that says what is wrong; never another exception or a traceback.

Fast: the index is the real corpus built with the fake embedder, which also ships a stand-in
query encoder (`query-encoder.onnx` and its weights) so the index holds every file a real one
does; those files are refused by their manifest hash before ONNX Runtime would read them (bytes
that pass the hash but do not load are `test_embedding`'s slow encoder test). The model files are
the real package's, in a copy (`Settings.model_dir`), so nothing installed is touched. A sample
runs through `sclc-qa ask` too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sclc_qa import onnx_encoder
from sclc_qa.config import Settings
from sclc_qa.embedding import ENCODER_CACHE, MODEL_FILES, MODEL_SHA256, HashingEmbedder, model_dir
from sclc_qa.engine import Engine
from sclc_qa.errors import ModelError, SclcQaError
from sclc_qa.index import build_index
from sclc_qa.onnx_encoder import FILES, cached_export

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
MODES = ("missing", "truncated", "flipped", "invalid-utf8")
# The files of a built index (relative to the index folder; the build folder's name is
# `build-*` and the cache entry's a hash, so they are written generically), found in the
# template index and checked against this list so that a new file cannot go untested.
INDEX_FILES = (
    "CURRENT",
    ".build.lock",
    "build-*/manifest.json",
    "build-*/documents.jsonl",
    "build-*/chunks.jsonl",
    "build-*/sentences.jsonl",
    "build-*/chunks.faiss",
    "build-*/sentences.faiss",
    "build-*/query-encoder.onnx",
    "build-*/query-encoder.onnx.data",
    "cache/*/document.jsonl",
    "cache/*/chunks.jsonl",
    "cache/*/sentences.jsonl",
    "cache/*/vectors.npy",
    "cache/*/text.sha256",
)
# Files the engine does not read when it loads: damaged, the next build mends them.
MENDED_BY_BUILD = (".build.lock", "cache/")
MODEL = ("model.safetensors", *MODEL_FILES)


class EncoderEmbedder(HashingEmbedder):
    """The fake embedder, with a stand-in query encoder exported into each build."""

    def export(self, folder: Path) -> tuple[str, ...]:
        for name in FILES:
            (folder / name).write_bytes(f"stand-in {name}\n".encode())
        return FILES


def damage(path: Path, mode: str) -> None:
    """Replace `path` (never writing through a symlink) with a damaged copy, or remove it."""
    data = path.read_bytes()
    path.unlink()
    middle = len(data) // 2
    if mode == "missing":
        return
    if mode == "truncated":
        damaged = data[:middle]
    elif mode == "flipped":
        flipped = bytearray(data)
        for at in {len(data) // 4, middle, 3 * len(data) // 4} if data else set():
            flipped[at] ^= 0xFF
        damaged = bytes(flipped)
    else:
        damaged = data[:middle] + b"\xff\xfe\xc3(" + data[middle:]
    path.write_bytes(damaged)


def one_clear_line(exc: BaseException) -> str:
    """The message of an error sclc-qa raises on purpose: one line, bounded, not empty."""
    assert isinstance(exc, SclcQaError), f"{type(exc).__name__}: {exc}"
    message = str(exc)
    assert message and "\n" not in message and len(message) <= 600, message
    return message


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built index (two builds, so the lock file exists and the cache entry is reused)."""
    index_dir = tmp_path_factory.mktemp("template") / "index"
    for _ in range(2):
        build_index(CORPUS, index_dir, EncoderEmbedder(), Settings().chunking)
    return index_dir


@pytest.fixture
def index_dir(template: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "index"
    shutil.copytree(template, copy)
    return copy


def settings_for(index_dir: Path, **more: Path) -> Settings:
    return Settings(corpus_dir=CORPUS, index_dir=index_dir, **more)


def test_the_matrix_covers_every_file_of_an_index(template: Path) -> None:
    found = sorted(str(p.relative_to(template)) for p in template.rglob("*") if p.is_file())
    assert len(found) == len(INDEX_FILES)
    for pattern in INDEX_FILES:
        assert len(list(template.glob(pattern))) == 1, pattern


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", INDEX_FILES)
def test_a_damaged_index_file_is_one_line_or_mended(index_dir: Path, name: str, mode: str) -> None:
    (path,) = index_dir.glob(name)
    damage(path, mode)
    settings = settings_for(index_dir)
    if name.startswith(MENDED_BY_BUILD):
        Engine.build(settings, embedder=EncoderEmbedder())
    try:
        engine = Engine.load(settings, embedder=EncoderEmbedder())
    except Exception as exc:
        message = one_clear_line(exc)
        assert not name.startswith(MENDED_BY_BUILD), message
        assert "sclc-qa build" in message
        # The message names the file at fault (a missing CURRENT is a missing index).
        shown = "no index in" if (name, mode) == ("CURRENT", "missing") else path.name
        assert shown in message
    else:
        assert name.startswith(MENDED_BY_BUILD), f"{name} {mode}: loaded as if intact"
        assert not engine.ask("What was the OS hazard ratio in CASPIAN?").abstained


def model_copy(tmp_path: Path) -> Path:
    """The packaged model folder, its folders real and every file a symlink to the original."""
    source, target = model_dir(), tmp_path / "model"
    for item in source.rglob("*"):
        if item.is_file():
            (target / item.relative_to(source)).parent.mkdir(parents=True, exist_ok=True)
            (target / item.relative_to(source)).symlink_to(item)
    return target


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", MODEL)
def test_a_damaged_model_file_is_one_line(
    template: Path, tmp_path: Path, name: str, mode: str
) -> None:
    copy = model_copy(tmp_path)
    damage(copy / name, mode)
    with pytest.raises(Exception) as info:  # any exception: `one_clear_line` judges it
        if name == "model.safetensors":
            # Read to build (and export) only: serving embeds with the index's own encoder.
            Engine.build(settings_for(tmp_path / "index", model_dir=copy))
        else:
            Engine.load(settings_for(template, model_dir=copy))
    message = one_clear_line(info.value)
    assert isinstance(info.value, ModelError)
    assert str(copy / name) in message and "reinstall" in message


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", [*FILES, "sha256.json"])
def test_a_damaged_encoder_export_is_exported_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, mode: str
) -> None:
    """index/encoder/ (the cached ONNX export): anything damaged is exported again, whole.
    The export itself is faked; it is the cache's checking that is under test."""
    exports: list[Path] = []

    def export(model_directory: Path, folder: Path) -> None:
        exports.append(folder)
        for file in FILES:
            (folder / file).write_bytes(f"export of {file}\n".encode())

    monkeypatch.setattr(onnx_encoder, "export_onnx", export)
    cache = tmp_path / ENCODER_CACHE
    folder = cached_export(model_dir(), MODEL_SHA256, cache)
    damage(folder / name, mode)
    assert cached_export(model_dir(), MODEL_SHA256, cache) == folder
    assert len(exports) == 2
    for file in FILES:
        assert (folder / file).read_bytes() == f"export of {file}\n".encode()
    assert [p.name for p in cache.iterdir()] == [folder.name]


@pytest.mark.parametrize(
    ("where", "name", "mode"),
    [
        ("index", "CURRENT", "invalid-utf8"),
        ("index", "build-*/manifest.json", "flipped"),
        ("index", "build-*/chunks.faiss", "truncated"),
        ("model", "tokenizer.json", "flipped"),
    ],
)
def test_the_cli_says_it_in_one_line(
    index_dir: Path, tmp_path: Path, where: str, name: str, mode: str
) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    if where == "model":
        copy = model_copy(tmp_path)
        damage(copy / name, mode)
        env["SCLC_QA_MODEL_DIR"] = str(copy)
    else:
        (path,) = index_dir.glob(name)
        damage(path, mode)
    cli = [sys.executable, "-m", "sclc_qa", "--index-dir", str(index_dir), "--corpus-dir"]
    done = subprocess.run(
        [*cli, str(CORPUS), "ask", "What was the OS hazard ratio in CASPIAN?"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("error: ") and done.stderr.count("\n") == 1, done.stderr
    assert Path(name).name in done.stderr
