"""cuda_encoder.py: a build embeds on an NVIDIA GPU when one can be used, says so, and refuses
`--device cuda` with the reason when none can; the GPU's code path agrees with the CPU's.

No GPU runs these tests: the torch path is checked on torch's CPU device (the same module and
batches, moved to another device), and the routing with a stand-in GPU encoder."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from sclc_qa import cuda_encoder, embedding_minilm
from sclc_qa.cli import app
from sclc_qa.embedding import QUERY_ENCODER, MiniLMEmbedder, model_dir
from sclc_qa.engine import Engine
from sclc_qa.errors import ModelError
from sclc_qa.onnx_encoder import Batch, batches_by_length

TEXTS = [
    "zentamab",
    "a short example about quellimab",
    "the ZENITH-4 trial gave a hazard ratio of 0.81 (95% CI 0.66-0.99) for overall survival",
    "ZX1 is expressed on the surface of zentoma cells, which makes it a target for antibodies "
    "that engage T cells; early trials reported responses in a third of patients",
    "median follow-up",
    "grade 3 or worse adverse events",
]


def _unreachable() -> Path:
    raise AssertionError("the ONNX graph was asked for although no GPU path could use it")


def test_without_a_driver_auto_falls_back_and_cuda_is_refused_with_why(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cuda_encoder, "cuda_driver", lambda: False)
    assert cuda_encoder.open_gpu(_unreachable, model_dir(), required=False) is None
    with pytest.raises(ModelError, match=r"cannot embed on CUDA: no NVIDIA driver"):
        cuda_encoder.open_gpu(_unreachable, model_dir(), required=True)


def test_an_embedder_for_cuda_without_one_fails_before_any_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cuda_encoder, "cuda_driver", lambda: False)
    with pytest.raises(ModelError, match="no NVIDIA driver"):
        MiniLMEmbedder(device="cuda", prepare=True)
    assert MiniLMEmbedder(device="auto").runtime.startswith("cpu: onnxruntime")


@pytest.mark.skipif(cuda_encoder.cuda_driver(), reason="this machine has an NVIDIA driver")
def test_build_device_cuda_without_a_gpu_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    result = CliRunner().invoke(app, ["--index-dir", str(index_dir), "build", "--device", "cuda"])
    assert result.exit_code == 1, result.output
    assert result.stderr.strip() == (
        "error: cannot embed on CUDA: no NVIDIA driver (libcuda.so.1) can be loaded"
    )
    assert not index_dir.exists()


@pytest.mark.slow
def test_each_gpu_path_that_cannot_run_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a driver but no usable GPU runtime, both paths are tried and both reasons given."""
    torch = pytest.importorskip("torch")
    if torch.cuda.is_available():
        pytest.skip("torch sees a GPU here")
    monkeypatch.setattr(cuda_encoder, "cuda_driver", lambda: True)
    with pytest.raises(ModelError) as raised:
        cuda_encoder.open_gpu(_unreachable, model_dir(), required=True)
    assert "no CUDA provider" in str(raised.value)
    assert "sees no CUDA device" in str(raised.value)


@pytest.fixture(scope="module")
def onnx_cpu(engine: Engine) -> MiniLMEmbedder:
    embedder = MiniLMEmbedder()
    embedder.use_compiled(engine.index.path / QUERY_ENCODER)
    return embedder


@pytest.mark.slow
def test_the_torch_path_agrees_with_the_onnx_one(onnx_cpu: MiniLMEmbedder) -> None:
    """The module the GPU runs, on torch's CPU device, over one padded batch."""
    torch_path = cuda_encoder.torch_encoder(model_dir(), "cpu")
    assert torch_path.runtime.startswith("cpu: torch ")
    pieces = [onnx_cpu._wordpieces.encode(t).ids for t in TEXTS]
    (batch,) = batches_by_length(pieces, max_wordpieces=10_000, max_texts=100)
    got = np.empty((len(TEXTS), onnx_cpu.dim), np.float32)
    got[batch.rows] = torch_path.run(batch)
    cosines = np.sum(got * onnx_cpu.encode(TEXTS), axis=1)
    assert cosines.min() >= 0.9999


@pytest.mark.slow
def test_large_batches_go_to_the_gpu_and_questions_stay_on_the_cpu(
    onnx_cpu: MiniLMEmbedder, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[int, int]] = []

    def run(batch: Batch) -> np.ndarray:
        seen.append(batch.input_ids.shape)
        return onnx_cpu._onnx().run(batch, threads=1)

    monkeypatch.setattr(
        embedding_minilm,
        "open_gpu",
        lambda *_, **__: cuda_encoder.GpuEncoder("cuda: a stand-in", run),
    )
    embedder = MiniLMEmbedder(device="auto")
    embedder.use_compiled(engine.index.path / QUERY_ENCODER)
    assert embedder.runtime == "cuda: a stand-in"
    vectors = embedder.encode(TEXTS)
    assert len(seen) == 1 and seen[0][0] == len(TEXTS)  # one GPU batch, not the CPU's several
    np.testing.assert_allclose(vectors, onnx_cpu.encode(TEXTS), atol=1e-5)
    embedder.encode(TEXTS[:1])
    assert len(seen) == 1  # a question is encoded on the CPU
