"""SHA-256 of files, streamed: the model and the query encoder's weights (~90 MB each) are
hashed before use without ever being held in memory whole. Hashing releases the GIL, so it runs
on a thread beside other work."""

from __future__ import annotations

import hashlib
from pathlib import Path

__all__ = ["sha256_file"]


def sha256_file(path: Path) -> str:
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()
