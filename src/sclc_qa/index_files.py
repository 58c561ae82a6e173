"""The file handling under `index/` that must survive a crash: durable JSONL writes, the atomic
`CURRENT` pointer, the build lock, and the clean-up of what killed builds left behind.

Kept apart from `index.py` so that the build and the load read as what they do, not as fsync
calls; nothing here knows what a chunk or a manifest means.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from .errors import IndexBusyError

__all__ = [
    "CACHE",
    "POINTER",
    "exclusive",
    "fsync_dir",
    "point_to",
    "read_jsonl",
    "remove_debris",
    "remove_old_builds",
    "write_jsonl",
]

POINTER = "CURRENT"
CACHE = "cache"
_LOCK = ".build.lock"
_M = TypeVar("_M", bound=BaseModel)


@contextmanager
def exclusive(index_dir: Path) -> Iterator[None]:
    """Hold `index_dir/.build.lock` for the build; the kernel drops it if the process dies."""
    fd = os.open(index_dir / _LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IndexBusyError(
                f"a build is already running in {index_dir}/; wait for it to finish"
            ) from None
        yield
    finally:
        os.close(fd)


def remove_debris(index_dir: Path) -> None:
    """Half-written build folders, cache entries and pointers of builds that were killed: with
    the lock held, no live build owns them."""
    for junk in [
        *index_dir.glob(".build-*"),
        *(index_dir / CACHE).glob(".part-*"),
        *index_dir.glob(f".{POINTER}.*"),
    ]:
        if junk.is_dir():
            shutil.rmtree(junk, ignore_errors=True)
        else:
            junk.unlink(missing_ok=True)


def remove_old_builds(index_dir: Path, *, keep: str) -> None:
    for old in [*index_dir.glob("build-*"), *index_dir.glob(".build-*")]:
        if old.name != keep and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)


def write_jsonl(path: Path, items: Sequence[BaseModel]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for item in items:
            fh.write(item.model_dump_json() + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def read_jsonl(path: Path, model: type[_M]) -> list[_M]:
    with path.open(encoding="utf-8") as fh:
        return [model.model_validate_json(line) for line in fh if line.strip()]


def point_to(index_dir: Path, name: str) -> None:
    """Make `index_dir/CURRENT` name the build folder `name`, atomically and durably."""
    tmp = index_dir / f".{POINTER}.{os.getpid()}"
    with tmp.open("w") as fh:
        fh.write(name + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, index_dir / POINTER)
    fsync_dir(index_dir)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
