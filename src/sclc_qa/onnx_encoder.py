"""all-MiniLM-L6-v2 on ONNX Runtime: exported once from the verified weights, run without torch.

Export (build time; needs torch, transformers and onnx): the transformer, with the model's mean
pooling and L2 normalisation appended, is exported to one ONNX graph `(input_ids, attention_mask)
-> unit vectors`, then fused by ONNX Runtime's transformer optimiser (Attention,
SkipLayerNormalization, EmbedLayerNormalization, BiasGelu). The result is checked against torch on
an example batch before anyone uses it. Two files: the graph (`GRAPH`, ~40 kB) and its weights
(`WEIGHTS`), which ONNX Runtime maps into memory. Weights stay fp32: int8 dynamic quantisation
(~1.5x faster here) measured a cosine to the reference of min 0.90 per-tensor and 0.984
per-channel over the eval questions and the review's sentences and chunks, under the 0.999 that
the vectors are held to.

Encode (build and query): onnxruntime, numpy and the word-piece ids only.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from .digests import sha256_file
from .errors import ModelError

__all__ = [
    "FILES",
    "GRAPH",
    "WEIGHTS",
    "Batch",
    "OnnxEncoder",
    "batches_by_length",
    "cached_export",
    "export_key",
    "export_onnx",
    "pooled_module",
]

GRAPH = "query-encoder.onnx"  # the graph; ONNX Runtime finds the weights beside it
WEIGHTS = GRAPH + ".data"
FILES = (GRAPH, WEIGHTS)

# Bump when the exported graph changes (pooling, opset, fusions): cached exports then go stale.
RECIPE = "minilm-meanpool-l2-opset17-bertfusion-externaldata-1"
_OPSET = 17
# A batch holds at most this many word pieces, padding included, so long texts go in small
# batches and short ones in larger. On the 2-core machine, over the review's distinct texts, 512
# ran ~6,500 word pieces/s, 256 ~6,450, 1,024 ~5,950, 4,096 ~5,300 and 8,192 ~4,100: past 512
# the activations outgrow the caches. Batches of 16-64 texts all did alike.
MAX_BATCH_WORDPIECES = 512
MAX_BATCH_TEXTS = 64

Vectors = npt.NDArray[np.float32]
Ids = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Batch:
    """Texts of similar length, padded to the longest: `rows` are their places in the input."""

    rows: npt.NDArray[np.intp]
    input_ids: Ids
    attention_mask: Ids

    @property
    def wordpieces(self) -> int:
        return int(self.attention_mask.sum())


def batches_by_length(
    pieces: Sequence[Sequence[int]],
    *,
    max_wordpieces: int = MAX_BATCH_WORDPIECES,
    max_texts: int = MAX_BATCH_TEXTS,
) -> list[Batch]:
    """Sort texts by word-piece count and cut the sorted run into padded batches, so that little
    is padding; each batch's `rows` give the order back."""
    order = np.argsort(np.fromiter((len(p) for p in pieces), np.intp, len(pieces)), kind="stable")
    batches: list[Batch] = []
    start = 0
    while start < len(order):
        # Sorted ascending, so the last text taken sets the width.
        stop = start + 1
        while (
            stop < len(order)
            and stop - start < max_texts
            and (stop - start + 1) * len(pieces[order[stop]]) <= max_wordpieces
        ):
            stop += 1
        rows = order[start:stop]
        width = max(len(pieces[rows[-1]]), 1)
        ids = np.zeros((len(rows), width), np.int64)
        mask = np.zeros((len(rows), width), np.int64)
        for row, index in enumerate(rows):
            n = len(pieces[index])
            ids[row, :n] = pieces[index]
            mask[row, :n] = 1
        batches.append(Batch(rows, ids, mask))
        start = stop
    return batches


class OnnxEncoder:
    """One exported model file and its ONNX Runtime sessions, one per thread count, made on first
    use. `run` is safe from any number of threads (ONNX Runtime sessions are, and the GIL is
    released while they run)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._sessions: dict[tuple[int, bool], Any] = {}
        self._lock = threading.Lock()

    def session(self, threads: int, *, spinning: bool = True) -> Any:
        """The session that runs on `threads` intra-op threads (created once). `spinning`
        (ONNX Runtime's default) keeps idle threads spin-waiting for the next step: faster
        alone, but where processes share the cores the spinning burns what the others need."""
        key = (threads, spinning)
        with self._lock:
            if key not in self._sessions:
                self._sessions[key] = _open_session(self.path, threads, spinning)
            return self._sessions[key]

    def run(self, batch: Batch, *, threads: int, spinning: bool = True) -> Vectors:
        feed = {"input_ids": batch.input_ids, "attention_mask": batch.attention_mask}
        out = self.session(threads, spinning=spinning).run(None, feed)[0]
        return np.asarray(out, dtype=np.float32)


def _open_session(path: Path, threads: int, spinning: bool) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    if not spinning:
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3  # errors only: no per-session notices on stderr
    # No arena: a query allocates little, and an arena keeps the peak of the largest batch.
    options.enable_cpu_mem_arena = False
    try:
        return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    except Exception as exc:  # ONNX Runtime raises its own unrelated exception classes
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(
            f"{path} cannot be loaded by onnxruntime {ort.__version__} ({reason[:200]}); "
            "run `sclc-qa build` to export the query encoder again"
        ) from None


# ------------------------------------------------------------------------------ export


def export_key(model_sha256: str) -> str:
    """What an export depends on: the weights, this recipe and the exporting libraries."""
    digest = hashlib.sha256()
    for part in (model_sha256, RECIPE, *(_version(p) for p in _EXPORTERS)):
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()[:16]


_EXPORTERS = ("onnxruntime", "onnx", "torch", "transformers")


def _version(package: str) -> str:
    try:
        return f"{package}=={metadata.version(package)}"
    except metadata.PackageNotFoundError:
        return f"{package} missing"


def cached_export(model_directory: Path, model_sha256: str, cache_dir: Path) -> Path:
    """The folder in `cache_dir` that holds the export for these weights (`FILES`), exported
    first if there is no intact one. Other exports are removed: one model (~90 MB) is kept."""
    folder = cache_dir / f"minilm-{export_key(model_sha256)}"
    if _intact(folder):
        return folder
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".export-", dir=cache_dir))
    try:
        export_onnx(model_directory, tmp)
        digests = {name: sha256_file(tmp / name) for name in FILES}
        (tmp / _DIGESTS).write_text(json.dumps(digests, indent=2) + "\n")
        tmp.chmod(0o755)
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(tmp, folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for old in cache_dir.iterdir():
        if old != folder:
            shutil.rmtree(old) if old.is_dir() else old.unlink()
    return folder


_DIGESTS = "sha256.json"


def _intact(folder: Path) -> bool:
    """Every file of an export is there with the hash recorded when it was written."""
    try:
        digests = json.loads((folder / _DIGESTS).read_text())
        return all(sha256_file(folder / name) == digests[name] for name in FILES)
    except (OSError, ValueError, KeyError, TypeError):
        return False


def export_onnx(model_directory: Path, folder: Path) -> None:
    """Export the transformer in `model_directory` (weights verified by the caller), with mean
    pooling and L2 normalisation, optimised, as `FILES` in `folder` (~90 MB, a few seconds)."""
    import warnings

    import torch

    config = json.loads((model_directory / "config.json").read_text())
    with tempfile.TemporaryDirectory(prefix="sclc-qa-export-") as tmp, warnings.catch_warnings():
        # Deprecation and tracer warnings of the exporter: the check below is what counts.
        warnings.simplefilter("ignore")
        module = pooled_module(model_directory)
        example = _example(model_directory)
        raw = Path(tmp) / "raw.onnx"
        with torch.no_grad():
            torch.onnx.export(
                module,
                example,
                str(raw),
                input_names=["input_ids", "attention_mask"],
                output_names=["embedding"],
                dynamic_axes={
                    "input_ids": {0: "batch", 1: "wordpieces"},
                    "attention_mask": {0: "batch", 1: "wordpieces"},
                    "embedding": {0: "batch"},
                },
                opset_version=_OPSET,
                dynamo=False,  # the TorchScript exporter: the dynamo one needs onnxscript
            )
            expected = module(*example).numpy()
        del module  # the optimiser's peak (~600 MB) need not sit on top of torch's copy
        _optimise(
            raw, folder / GRAPH, heads=config["num_attention_heads"], hidden=config["hidden_size"]
        )
    for name in FILES:
        (folder / name).chmod(0o644)
    feed = {"input_ids": example[0].numpy(), "attention_mask": example[1].numpy()}
    got = OnnxEncoder(folder / GRAPH).session(1).run(None, feed)[0]
    worst = float(np.min(np.sum(np.asarray(got) * expected, axis=1)))
    if worst < 0.9999:
        raise ModelError(
            f"the ONNX export of {model_directory} disagrees with torch (cosine {worst:.6f}); "
            "report this with `pip list` (torch, onnx, onnxruntime versions)"
        )


def pooled_module(model_directory: Path) -> Any:
    """The bare transformer with the sentence-transformers pooling, as one torch module."""
    import torch
    import transformers

    transformers.logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    transformers.logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    # Eager attention exports to plain MatMul/Softmax, the pattern the optimiser fuses.
    transformer = transformers.AutoModel.from_pretrained(
        model_directory, local_files_only=True, attn_implementation="eager"
    )
    transformer.eval()
    transformer.config.return_dict = False

    class Pooled(torch.nn.Module):
        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            hidden = self.inner(input_ids=input_ids, attention_mask=attention_mask)[0]
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2.0, dim=1)

    return Pooled(transformer).eval()


def _example(model_directory: Path) -> tuple[Any, Any]:
    """Three texts of different lengths, so the traced batch has padding: with none, the tracer
    may take the attention mask for a no-op and leave it out of the graph."""
    import torch
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_directory / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    texts = [
        "LDRT",
        "a short example",
        "a longer example: a hazard ratio of 0.73 (95% CI 0.59-0.91) in a phase III trial",
    ]
    batch = batches_by_length([tokenizer.encode(t).ids for t in texts])[0]
    return torch.from_numpy(batch.input_ids), torch.from_numpy(batch.attention_mask)


def _optimise(raw: Path, target: Path, *, heads: int, hidden: int) -> None:
    """Fuse the BERT graph; ONNX Runtime's own graph passes run again when a session loads it."""
    import logging

    from onnxruntime.transformers.optimizer import optimize_model

    logging.getLogger("onnxruntime.transformers").setLevel(logging.ERROR)
    # opt_level 0: the Python fusions only, so the file is not tied to this machine's CPU.
    model = optimize_model(
        str(raw), model_type="bert", num_heads=heads, hidden_size=hidden, opt_level=0
    )
    # Weights in a file of their own (`WEIGHTS`, named in the graph), which ONNX Runtime maps
    # into memory instead of copying: a session then loads ~4x faster, with half the resident
    # memory, and worker processes share those pages.
    model.save_model_to_file(str(target), use_external_data_format=True)
