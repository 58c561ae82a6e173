"""all-MiniLM-L6-v2 on an NVIDIA GPU, for builds: ONNX Runtime's CUDA provider where it is
installed (`onnxruntime-gpu`), else torch on CUDA.

Why only builds: a question is one short text, and serving stays free of torch; a corpus is
thousands of texts, which a GPU embeds tens of times faster than two cores. Why looked for without
torch: on a machine with no NVIDIA driver (`libcuda`) the answer is known from one failed library
load, so a CPU build never pays torch's import to learn that there is no GPU.

Both paths run the same computation as the CPU one (mean pooling over word pieces, then L2
normalisation, in fp32 with TF32 off): their vectors agree with it to a cosine of 0.9999.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .errors import ModelError
from .onnx_encoder import Batch, Vectors, pooled_module

__all__ = [
    "GPU_BATCH_TEXTS",
    "GPU_BATCH_WORDPIECES",
    "GpuEncoder",
    "cuda_driver",
    "open_gpu",
    "torch_encoder",
]

# A GPU is fed far larger batches than the CPU's 512 word pieces: on an H200 the encoder's time
# per batch barely grows up to tens of thousands of word pieces, and each batch pays a launch
# and a copy. 256 texts of the longest chunks (256 pieces each) fill one batch.
GPU_BATCH_WORDPIECES = 65_536
GPU_BATCH_TEXTS = 1_024


def cuda_driver() -> bool:
    """Whether an NVIDIA driver can be loaded here (no torch, no ONNX Runtime import)."""
    try:
        ctypes.CDLL("libcuda.so.1")
    except OSError:
        return False
    return True


@dataclass(frozen=True)
class GpuEncoder:
    """One way to run the model on the GPU; `runtime` names it for the build's report."""

    runtime: str
    run: Callable[[Batch], Vectors]


def open_gpu(
    graph: Callable[[], Path], model_directory: Path, *, required: bool
) -> GpuEncoder | None:
    """The model on the GPU: the exported ONNX graph (`graph()`, exported on demand) on ONNX
    Runtime's CUDA provider, else the weights in `model_directory` (verified by the caller) on
    torch. None when neither can run here; with `required`, a `ModelError` that says why."""
    reasons: list[str] = []
    if not cuda_driver():
        reasons.append("no NVIDIA driver (libcuda.so.1) can be loaded")
    else:
        for attempt in (_onnxruntime_cuda, _torch_cuda):
            try:
                return attempt(graph, model_directory)
            except _Unavailable as exc:
                reasons.append(str(exc))
    if required:
        raise ModelError("cannot embed on CUDA: " + "; ".join(reasons))
    return None


class _Unavailable(Exception):
    """This GPU path cannot run here; the message says why."""


def _onnxruntime_cuda(graph: Callable[[], Path], _model_directory: Path) -> GpuEncoder:
    import onnxruntime as ort

    if "CUDAExecutionProvider" not in ort.get_available_providers():
        raise _Unavailable(f"onnxruntime {ort.__version__} has no CUDA provider")
    options = ort.SessionOptions()
    options.log_severity_level = 3
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    try:
        session = ort.InferenceSession(
            str(graph()),
            options,
            # TF32 off: full fp32, as on the CPU.
            providers=[("CUDAExecutionProvider", {"use_tf32": 0}), "CPUExecutionProvider"],
        )
    except Exception as exc:  # ONNX Runtime raises its own unrelated exception classes
        raise _Unavailable(f"onnxruntime's CUDA provider failed to start ({exc})") from None
    if session.get_providers()[0] != "CUDAExecutionProvider":
        raise _Unavailable("onnxruntime fell back to the CPU")

    def run(batch: Batch) -> Vectors:
        feed = {"input_ids": batch.input_ids, "attention_mask": batch.attention_mask}
        return np.asarray(session.run(None, feed)[0], dtype=np.float32)

    return GpuEncoder(f"cuda: onnxruntime {ort.__version__}", run)


def _torch_cuda(_graph: Callable[[], Path], model_directory: Path) -> GpuEncoder:
    try:
        import torch
    except ImportError:
        raise _Unavailable("torch is not installed") from None
    if not torch.cuda.is_available():
        raise _Unavailable(f"torch {torch.__version__} sees no CUDA device")
    return torch_encoder(model_directory, "cuda")


def torch_encoder(model_directory: Path, device: str) -> GpuEncoder:
    """The pooled model on torch's `device` ("cuda", or "cpu" where a test checks this path)."""
    import torch

    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    module: Any = pooled_module(model_directory).to(device)
    name = torch.cuda.get_device_name() if device == "cuda" else device

    def run(batch: Batch) -> Vectors:
        with torch.inference_mode():
            ids = torch.from_numpy(batch.input_ids).to(device, non_blocking=True)
            mask = torch.from_numpy(batch.attention_mask).to(device, non_blocking=True)
            out = module(ids, mask)
        return np.ascontiguousarray(out.float().cpu().numpy(), dtype=np.float32)

    return GpuEncoder(f"{device}: torch {torch.__version__}, {name}", run)
