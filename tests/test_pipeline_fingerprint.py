"""The index's fingerprint of its parsing code covers every module that shapes what it stores:
a change to one of them must make an index stale, or an old index answers with new code."""

from __future__ import annotations

import ast
from pathlib import Path

import sclc_qa
from sclc_qa.index_manifest import PARSING_MODULES

# Modules the parsing code imports that shape nothing stored: settings, which the cache key
# holds on their own, and error messages.
_OUTSIDE = {"config", "errors"}


def _imports(name: str) -> set[str]:
    """The package's modules that module `name` imports, at any depth: `from .x import …` and
    `from . import x`."""
    tree = ast.parse((Path(sclc_qa.__file__).parent / f"{name}.py").read_text())
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
    return found


def test_every_module_the_parsing_code_imports_is_fingerprinted() -> None:
    missing = {
        imported
        for name in PARSING_MODULES
        for imported in _imports(name)
        if imported not in PARSING_MODULES and imported not in _OUTSIDE
    }
    assert missing == set()
