"""Text for people: quotes cut to one line around the answer, and where a passage sits.

The command line and the OpenAI-compatible chat reply both show citations this way.
"""

from __future__ import annotations

from .models import Citation, Passage

__all__ = ["labelled", "one_line", "section_name", "shorten", "where"]


def one_line(text: str) -> str:
    """`text` with every run of white space (line breaks included) as one space."""
    return " ".join(text.split())


def shorten(text: str, width: int, *, focus: tuple[int, int] | None = None) -> str:
    """One line of at most about `width` characters of `text`, cut at spaces, with `focus` (a
    `[start, end)` span of `text`, such as where the answer sits) in view; a cut is marked
    `… ` at the start and ` …` at the end."""
    if len(one_line(text)) <= width:
        return one_line(text)
    start = 0
    if focus is not None:
        lo, hi = max(0, focus[0]), min(len(text), focus[1])
        start = max(0, min(lo - max(0, width - (hi - lo)) // 2, len(text) - width))
    end = min(len(text), start + width)
    if start > 0 and " " in text[start:end]:
        start = text.index(" ", start)
    if end < len(text) and " " in text[start:end]:
        end = text.rindex(" ", start, end)
    body = one_line(text[start:end])
    return ("… " if start > 0 else "") + body + (" …" if end < len(text) else "")


def section_name(p: Passage | Citation) -> str:
    """`4.1.1 First-line chemoimmunotherapy`; an unnumbered (Markdown) section by its heading
    path, `Treatment › Stage IV`, rather than its long id."""
    numbered = p.section.replace(".", "").isdigit() or p.section in ("abstract", "glossary")
    return f"{p.section} {p.title}" if numbered else " › ".join(p.path) or p.title


def labelled(text: str, p: Passage | Citation) -> str:
    """`text`, then the table or figure label of the passage if it has one: `… (Table 2)`."""
    return f"{text} ({p.label})" if p.label else text


def where(p: Passage | Citation) -> str:
    """`es-sclc-immunotherapy-review › 4.1.1 First-line chemoimmunotherapy (Table 2)`."""
    return labelled(f"{p.doc} › {section_name(p)}", p)
