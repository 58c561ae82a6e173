"""Long forms with a joining word the short form skips ("Tracking, Registry, and Outcome
Survey (TROS)") and short forms joined by a colon ("Ho:YLF"); "spelled out" asked as an
expansion; "how long is X?" answered by a length when the text gives no time; "how many X per
million?" answered by a rate; a ratio stated with "is" after what it is associated with; "each
year" asking no figure for each group; a verb after "to" that is no body site ("for a tumour to
count as …"); "through age N" as a bound on an age.

Every sentence, name and figure here is made up; none is a document's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sclc_qa.answering.runs import asks_several
from sclc_qa.question import profile
from sclc_qa.spans import find
from test_answering_stages import _answers_in, _refusal, _section_engine

_SPELLINGS = (
    "Tumours were ablated with holmium:yttrium-lithium-fluoride (Ho:YLF) lasers in most "
    "centres. Cases came from the National Tracking, Registry, and Outcome Survey (NTROS) "
    "Program between 1990 and 2004. Survival was longest in younger patients."
)


def test_a_long_form_may_hold_a_joining_word_its_short_form_skips(tmp_path: Path) -> None:
    assert (
        _answers_in(tmp_path, _SPELLINGS, "What does NTROS stand for?", "NTROS?")
        == ["National Tracking, Registry, and Outcome Survey"] * 2
    )


def test_a_short_form_joined_by_a_colon_is_spelled_out(tmp_path: Path) -> None:
    assert (
        _answers_in(
            tmp_path,
            _SPELLINGS,
            "What does Ho:YLF stand for?",
            "What is the Ho:YLF laser, spelled out?",
            "Ho:YLF?",
        )
        == ["holmium:yttrium-lithium-fluoride"] * 3
    )


def test_a_name_whose_short_form_skips_a_joining_word_is_searched_as_written(
    tmp_path: Path,
) -> None:
    """The short form is how such a name is written: its long form, spelled out once, would
    draw a search to that one sentence, so it is read only when asked what the name stands
    for."""
    engine = _section_engine(tmp_path, _SPELLINGS)
    assert "ntros" not in engine._answerer.vocab.defs_by_short
    assert engine._answerer.vocab.names["ntros"][0].source == "joined"
    query = engine._retriever.prepare("Which years did the NTROS Program cover?")
    assert "track" not in query.expansion and "tracking" not in query.expansion


_DUCT = (
    "The quellar duct runs from the gland to the skin. In adults, it is about 6 cm in length, "
    "and in children about 2 cm. Its lining is renewed every 3 weeks."
)


def test_how_long_a_thing_is_may_be_its_length(tmp_path: Path) -> None:
    assert _answers_in(
        tmp_path,
        _DUCT,
        "Roughly how long is the quellar duct in adults?",
        "How long is the quellar duct in children?",
    ) == ["about 6 cm", "about 2 cm"]


def test_how_long_still_asks_a_time_first() -> None:
    assert profile("How long is the quellar duct?").or_else == "measure"
    assert profile("How long was the median follow-up?").or_else is None
    assert profile("How long did the infusion take?").or_else is None


def test_how_many_per_million_is_answered_by_a_rate(tmp_path: Path) -> None:
    text = (
        "Quellar cancer is rare: in 2010, its yearly incidence was 2.2 per million people. "
        "Its cause is unknown, though smoking raises the risk."
    )
    question = "How many cases of quellar cancer per million arise each year?"
    assert profile(question).or_else == "percent"
    assert _answers_in(tmp_path, text, question) == ["2.2 per million people"]


@pytest.mark.parametrize(
    ("sentence", "ratio"),
    [
        (
            "The relative risk associated with heavy smoking is 3.7, and the attributable risk "
            "is 41.5%.",
            "relative risk associated with heavy smoking is 3.7",
        ),
        (
            "The odds ratio with daily zentol use was 0.62.",
            "odds ratio with daily zentol use was 0.62",
        ),
    ],
)
def test_a_ratio_stated_with_is_after_what_it_goes_with(sentence: str, ratio: str) -> None:
    assert [sentence[s.start : s.end] for s in find(sentence, "hr")] == [ratio]


def test_each_year_asks_no_figure_for_each_group() -> None:
    assert not asks_several(profile("How common is quellar cancer in women each year?"))
    assert asks_several(profile("What was the median PFS in each arm?"))


def test_a_verb_after_to_is_no_body_site(tmp_path: Path) -> None:
    text = (
        "Minimally invasive zetoma: zetoma (≤2 cm in greatest dimension) with a mostly flat "
        "pattern and ≤4 mm invasion in greatest dimension. Deeper lesions are staged as Z1."
    )
    engine = _section_engine(tmp_path, text)
    asked = "How much invasion is allowed for a tumour to count as minimally invasive zetoma?"
    assert not engine.ask(asked, min_confidence=0.0).abstained
    assert "zentacle" in _refusal(engine, "How are metastases to the zentacle treated?")


def test_through_an_age_bounds_it() -> None:
    text = "Rates are higher in Quellish women through age 70 years, at which point they fall."
    assert [text[s.start : s.end] for s in find(text, "age")] == ["through age 70 years"]


_NAMES = (
    "Use of complementary and alternative medicine (CAM) is common. The Food and Drug "
    "Administration (FDA) approved it. We used Cancer Screening and Cancer Care (CSCC) data. "
    "The tool aims to remodel (arm) the way care is given."
)


def test_a_joining_word_is_tried_both_as_a_letter_and_as_none(tmp_path: Path) -> None:
    engine = _section_engine(tmp_path, _NAMES)
    asked = [
        engine.ask(f"What does {s} stand for?", min_confidence=0.0).answer
        for s in ("CAM", "FDA", "CSCC")
    ]
    assert asked == [
        "complementary and alternative medicine",
        "Food and Drug Administration",
        "Cancer Screening and Cancer Care",
    ]
    # A bracketed word in lower case is no name's short form.
    assert "arm" not in engine._answerer.vocab.names


def test_spelled_out_asks_an_expansion_only_of_a_term() -> None:
    assert profile("What is the Ho:YLF laser, spelled out?").kind == "glossary"
    assert profile("Which age limits are spelled out in the guideline?").kind != "glossary"


def test_how_long_a_thing_is_taken_or_a_course_lasts_is_a_time() -> None:
    for question in (
        "How long is tamoxifen taken?",
        "How long are women treated with tamoxifen?",
        "How long is the recovery after surgery?",
        "How long is an acupuncture session?",
    ):
        assert profile(question).or_else is None, question
    assert profile("How long is the quellar duct in women?").or_else == "measure"


def test_in_each_year_of_a_study_still_asks_a_figure_for_each() -> None:
    assert asks_several(profile("What was the incidence in each year of the study?"))
    assert asks_several(profile("What was the rate in each year?"))
