"""Work done once per loaded index: a function of an index's vocabulary remembered for as long as
that vocabulary lives, so that reloading an index frees what the old one's answers needed."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar
from weakref import WeakKeyDictionary

from ..vocabulary import Vocabulary

__all__ = ["per_index"]

T = TypeVar("T")


def per_index(work: Callable[[Vocabulary], T]) -> Callable[[Vocabulary], T]:
    """`work(vocab)`, computed on the first call for each vocabulary and kept while it lives."""
    done: WeakKeyDictionary[Vocabulary, T] = WeakKeyDictionary()

    @wraps(work)
    def remembered(vocab: Vocabulary) -> T:
        if vocab not in done:
            done[vocab] = work(vocab)
        return done[vocab]

    remembered.done = done  # type: ignore[attr-defined]
    return remembered
