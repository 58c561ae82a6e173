"""sclc-qa: extractive, cited answers from the small-cell lung cancer immunotherapy literature.

    from sclc_qa import Engine
    engine = Engine.load()
    answer = engine.ask("What was the OS hazard ratio in CASPIAN?")

Importing this package is cheap: the embedding model loads only when an engine needs it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .config import Settings
from .errors import (
    CorpusError,
    IndexMissingError,
    InvalidQueryError,
    ModelError,
    SclcQaError,
    StaleIndexError,
)
from .models import Answer, Citation, Passage, SectionSummary

__version__ = "0.1.0"

__all__ = [
    "Answer",
    "Citation",
    "CorpusError",
    "Engine",
    "IndexMissingError",
    "InvalidQueryError",
    "ModelError",
    "Passage",
    "SclcQaError",
    "SectionSummary",
    "Settings",
    "StaleIndexError",
    "__version__",
]

if TYPE_CHECKING:
    from .engine import Engine


def __getattr__(name: str) -> Any:
    # Engine pulls in numpy and faiss; keep `import sclc_qa` light for tools that only need models.
    if name == "Engine":
        from .engine import Engine

        return Engine
    raise AttributeError(f"module 'sclc_qa' has no attribute {name!r}")
