"""Every exception sclc-qa raises; the CLI and HTTP edges translate them."""

from __future__ import annotations

__all__ = [
    "CorpusError",
    "IndexBusyError",
    "IndexMissingError",
    "InvalidQueryError",
    "ModelError",
    "NotFoundError",
    "SclcQaError",
    "StaleIndexError",
]


class SclcQaError(Exception):
    """Base class: the message names the object at fault and, where there is one, the fix."""


class CorpusError(SclcQaError):
    """The corpus folder is missing, empty or unreadable."""


class ModelError(SclcQaError):
    """The packaged embedding model is missing or its weights fail verification."""


class IndexMissingError(SclcQaError):
    """No index has been built yet."""


class IndexBusyError(SclcQaError):
    """Another build is writing the same index folder."""


class StaleIndexError(SclcQaError):
    """The index on disk does not match the corpus, the model or this version, or is corrupt."""


class InvalidQueryError(SclcQaError, ValueError):
    """A question or search parameter is unusable (empty, too long, top_k out of range).

    `param` names the argument at fault ("question", "top_k", "start", …) for edges that report
    it, such as the HTTP API's `error.param`."""

    def __init__(self, message: str, *, param: str | None = None) -> None:
        super().__init__(message)
        self.param = param


class NotFoundError(SclcQaError, LookupError):
    """A document or range that a client named does not exist; `param`, when given, names the
    argument that named it ("docs")."""

    def __init__(self, message: str, *, param: str | None = None) -> None:
        super().__init__(message)
        self.param = param
