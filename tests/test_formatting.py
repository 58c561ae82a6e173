"""The one way the CLI and the chat reply show quotes and places (`sclc_qa.formatting`)."""

from __future__ import annotations

from sclc_qa.formatting import labelled, one_line, section_name, shorten, where
from sclc_qa.models import Citation


def citation(section: str = "4.1.1", label: str | None = None, **extra: object) -> Citation:
    fields: dict[str, object] = {
        "doc": "review",
        "section": section,
        "title": "First-line chemoimmunotherapy",
        "label": label,
        "quote": "HR = 0.73",
        "start": 10,
        "end": 19,
        "score": 0.5,
    }
    return Citation(**(fields | extra))  # type: ignore[arg-type]


def test_one_line_joins_every_kind_of_white_space() -> None:
    assert one_line(" a\n b\t c\u2028d\u00a0 ") == "a b c d"


def test_shorten_keeps_the_focus_and_marks_the_cuts() -> None:
    text = "word " * 60 + "HR = 0.73 " + "word " * 60
    at = text.index("HR = 0.73")
    short = shorten(text, 80, focus=(at, at + len("HR = 0.73")))
    assert "HR = 0.73" in short
    assert short.startswith("… ") and short.endswith(" …")
    assert len(short) <= 84
    assert "\n" not in short


def test_shorten_leaves_short_text_whole_on_one_line() -> None:
    assert shorten("a\n b\t c", 80) == "a b c"


def test_shorten_without_a_focus_keeps_the_start() -> None:
    text = "First words. " + "filler " * 100
    short = shorten(text, 60)
    assert short.startswith("First words.") and short.endswith(" …")


def test_shorten_a_focus_at_the_end_keeps_the_end() -> None:
    text = "filler " * 100 + "the end HR = 0.73"
    at = text.index("HR = 0.73")
    short = shorten(text, 60, focus=(at, len(text)))
    assert short.startswith("… ") and short.endswith("HR = 0.73")


def test_shorten_never_cuts_inside_a_word() -> None:
    text = " ".join(f"w{i:03d}" for i in range(200))
    for piece in shorten(text, 77, focus=(500, 504)).strip("… ").split():
        assert len(piece) == 4 and piece.startswith("w")


def test_places_read_the_same_everywhere() -> None:
    numbered = citation()
    assert section_name(numbered) == "4.1.1 First-line chemoimmunotherapy"
    assert where(numbered) == "review › 4.1.1 First-line chemoimmunotherapy"
    table = citation(label="Table 2")
    assert where(table) == "review › 4.1.1 First-line chemoimmunotherapy (Table 2)"
    assert labelled("First-line chemoimmunotherapy", table) == (
        "First-line chemoimmunotherapy (Table 2)"
    )
    markdown = citation(section="treatment-stage-iv-x1", path=("Treatment", "Stage IV"))
    assert section_name(markdown) == "Treatment › Stage IV"
    assert section_name(citation(section="glossary")).startswith("glossary ")
