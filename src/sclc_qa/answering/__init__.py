"""The answer step: an analysed question and its retrieved passages → a cited, verbatim answer
or an abstention that says why.

Stages, each its own module: `scoring` (which sentence), `figures`, `entities`, `explanations`
and `glossary` (the span, per kind of answer), `extraction` (which extractor runs for which
kind), `reasons` (why not), and `answerer`, which only orchestrates them.
"""

from .answerer import Answerer

__all__ = ["Answerer"]
