"""evaluation/: question files, the scoring rules, metrics per split, document and kind, and the
reports (hand-made answers and a scripted engine; fast)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pydantic import ValidationError

from sclc_qa import lexical
from sclc_qa.errors import SclcQaError
from sclc_qa.evaluation import (
    DEFAULT_DOC,
    EvalQuestion,
    EvalReport,
    Split,
    SplitReport,
    contains_figure,
    evaluate,
    first_relevant_rank,
    format_summary,
    is_correct,
    load_questions,
    load_split,
    normalize_answer,
    parts_found,
    passage_relevant,
    risk_coverage,
    section_matches,
    write_report,
)
from sclc_qa.models import Alternative, Answer, Citation, Passage

# ------------------------------------------------------------------ normalising


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HR = 0.73", "hr = 0.73"),
        ("  Low\u2011dose\n\tRadiotherapy  ", "low-dose radiotherapy"),
        ("0.54\u20130.91", "0.54-0.91"),  # en dash
        ("\u22120.5", "-0.5"),  # minus sign
        ("a\u2014b\u2010c\u2012d\u2015e", "a-b-c-d-e"),
        ("\uff28\uff32\u00a0\uff10.\uff17\uff13", "hr 0.73"),  # full-width letters, no-break space
        ("\ufb01rst-line", "first-line"),  # NFKC ligature
        ("PD\ufe63L1 PD\uff0dL1", "pd-l1 pd-l1"),
    ],
)
def test_normalize_answer(raw: str, expected: str) -> None:
    assert normalize_answer(raw) == expected


def test_answers_are_compared_under_the_one_normalisation() -> None:
    assert normalize_answer is lexical.normalize


# ------------------------------------------------------------------ whole figures


@pytest.mark.parametrize(
    ("text", "figure", "found"),
    [
        ("median OS 12.5 months", "2.5 months", False),  # a digit before
        ("median OS 12.5 months", "12.5 months", True),
        ("PFS 2.5 months", "2.5 months", True),
        ("PFS 2.5 months", "5 months", False),  # a "." before
        ("HR = 0.73", "0.7", False),  # a digit after
        ("1.5 years", "1", False),  # "." then a digit after
        ("HR = 0.73.", "0.73", True),  # a full stop is no part of the figure
        ("0.54\u20130.73", "0.54-0.73", True),  # dashes normalised on both sides
        ("CI 0.54-0.73", "0.73", True),  # a range's end is a whole figure
        ("phase IIIb", "phase III", False),  # a letter after
        ("(HR 0.7)", "(hr 0.7)", True),
        ("x(HR 0.7)y", "(HR 0.7)", True),  # edges that are no figure need no boundary
        ("nearly 20% of patients", "nearly 20%", True),
        ("20% and 120%", "20%", True),  # the second occurrence is not whole, the first is
        ("120%", "20%", False),
        ("anything", "", False),
    ],
)
def test_contains_figure(text: str, figure: str, found: bool) -> None:
    assert contains_figure(text, figure) is found


# ------------------------------------------------------------------ sections and heading paths

PATH = ("Stage IV NSCLC", "Targeted therapy (for patients with EGFR variants)", "Osimertinib")


@pytest.mark.parametrize(
    ("gold", "section", "path", "matches"),
    [
        ("4.1.1", "4.1.1", ("First-line", "Chemo"), True),
        ("4.1", "4.1.1", ("First-line", "Chemo"), False),
        ("glossary", "glossary", ("Glossary",), True),
        (" > ".join(PATH), "s/t/o", PATH, True),
        ("Stage IV NSCLC > Targeted therapy (for patients with *EGFR* variants) > Osimertinib",
         "s/t/o", PATH, True),  # emphasis as written after the #'s
        ("stage iv nsclc>targeted therapy (for patients with _EGFR_ variants)>OSIMERTINIB",
         "s/t/o", PATH, True),
        ("Stage IV NSCLC > Targeted therapy (for patients with EGFR variants)", "s/t", PATH, False),
        ("Osimertinib", "s/t/o", PATH, False),  # the last heading alone is not the path
        ("Stage IV NSCLC", "s", (), False),
    ],
)  # fmt: skip
def test_section_matches(gold: str, section: str, path: tuple[str, ...], matches: bool) -> None:
    assert section_matches(gold, section, path) is matches


# ------------------------------------------------------------ correctness on hand-made answers


def cite(
    quote: str, *, doc: str = "rev", section: str = "4.1.1", path: tuple[str, ...] = ()
) -> Citation:
    return Citation(
        doc=doc, section=section, title=section, label=None, quote=quote, start=0,
        end=len(quote), score=1.0, path=path,
    )  # fmt: skip


def said(
    text: str, *citations: Citation, confidence: float = 0.9, alts: tuple[str, ...] = ()
) -> Answer:
    alternatives = tuple(
        Alternative(answer=a, display=a, start=0, end=len(a), confidence=0.5, citation=cite(a))
        for a in alts
    )
    return Answer(
        question="q?", answer=text, start=0, end=len(text), citations=citations,
        confidence=confidence, abstained=False, alternatives=alternatives,
    )  # fmt: skip


def silent(confidence: float = 0.1) -> Answer:
    return Answer(question="q?", answer=None, confidence=confidence, abstained=True, reason="no")


def gold(**kw: object) -> EvalQuestion:
    base: dict[str, object] = {
        "id": "g", "question": "q?", "answerable": True, "doc": "rev", "sections": ["4.1.1"],
        "answers": ["0.73"], "category": "numeric",
    }  # fmt: skip
    return EvalQuestion.model_validate(base | kw)


QUOTE = "OS improved (HR = 0.73; 95% CI 0.59-0.91) in CASPIAN."


def test_right_answer_in_the_gold_section() -> None:
    assert is_correct(gold(), said("HR = 0.73", cite(QUOTE)))


def test_wrong_figure_look_alike_and_substring() -> None:
    q = gold(answers=["2.5 months"])
    quote = "Median PFS was 12.5 months."
    assert not is_correct(q, said("12.5 months", cite(quote)))
    assert is_correct(gold(answers=["12.5 months"]), said("12.5 months", cite(quote)))


def test_answer_must_lie_inside_the_first_quote() -> None:
    assert not is_correct(gold(), said("HR = 0.73", cite("Another sentence."), cite(QUOTE)))


def test_section_must_be_gold_and_in_the_questions_document() -> None:
    assert not is_correct(gold(), said("HR = 0.73", cite(QUOTE, section="4.2")))
    # The same section id in another document is another place.
    assert not is_correct(gold(), said("HR = 0.73", cite(QUOTE, doc="md")))


def test_gold_evidence_in_the_quote_stands_in_for_the_section() -> None:
    q = gold(evidence=["OS improved (HR = 0.73; 95% CI 0.59\u20130.91)"])
    assert is_correct(q, said("HR = 0.73", cite(QUOTE, section="4.2")))
    assert is_correct(q, said("HR = 0.73", cite(QUOTE, doc="md", section="x")))


def test_heading_path_sections_match_citations_by_path() -> None:
    q = gold(doc="md", sections=["Stage IV NSCLC > Targeted therapy (for patients with *EGFR* "
                                 "variants) > Osimertinib"])  # fmt: skip
    assert is_correct(q, said("HR = 0.73", cite(QUOTE, doc="md", section="s/t/o", path=PATH)))
    assert not is_correct(q, said("HR = 0.73", cite(QUOTE, doc="md", section="s/t", path=PATH[:2])))


def test_every_part_counts_as_a_gold_answer() -> None:
    quote = "The 2-year rate was 61% with zentamab and 9% with quellimab."
    q = gold(category="multipart", answers=["The 2-year rate was 61%"], parts=["61%", "9%"])
    assert is_correct(q, said("61% with zentamab and 9%", cite(quote)))
    assert not is_correct(q, said("9% with quellimab", cite(quote)))
    # Every part, but outside the gold section and its evidence, is still cited wrongly.
    assert not is_correct(q, said("61% with zentamab and 9%", cite(quote, section="4.2")))


def test_a_gold_sentence_s_full_stop_is_not_required() -> None:
    quote = "Zentamab is not approved for zeta cell lymphoma."
    q = gold(answers=["is not approved for zeta cell lymphoma."])
    assert is_correct(q, said("Zentamab is not approved for zeta cell lymphoma", cite(quote)))
    assert not is_correct(q, said("Zentamab is not approved", cite(quote)))


def test_abstentions() -> None:
    assert not is_correct(gold(), silent())
    unanswerable = gold(answerable=False, sections=[], answers=[], category="unanswerable")
    assert is_correct(unanswerable, silent())
    assert not is_correct(unanswerable, said("HR = 0.73", cite(QUOTE)))


def test_parts_in_the_answer_or_its_alternatives() -> None:
    q = gold(category="multipart", answers=["0.73"], parts=["0.73", "0.59-0.91"])
    full = said("HR = 0.73; 95% CI 0.59\u20130.91", cite(QUOTE))
    half = said("HR = 0.73", cite(QUOTE), alts=("0.59-0.91",))
    assert parts_found(q, full) is True
    assert parts_found(q, half) is False
    assert parts_found(q, half, alternatives=True) is True
    assert parts_found(q, silent(), alternatives=True) is False
    assert parts_found(gold(), full) is None  # no parts, no parts score


def passage(doc: str, section: str, text: str = "t", path: tuple[str, ...] = ()) -> Passage:
    return Passage(
        doc=doc, section=section, title=section, label=None, text=text, start=0, end=len(text),
        score=1.0, path=path,
    )  # fmt: skip


def test_passage_relevance_and_rank() -> None:
    q = gold(evidence=["HR = 0.73"])
    assert passage_relevant(q, passage("rev", "4.1.1"))
    assert not passage_relevant(q, passage("md", "4.1.1"))
    assert passage_relevant(q, passage("md", "z", text="... (HR = 0.73; ...)"))
    ranked = [passage("md", "4.1.1"), passage("rev", "4.2"), passage("rev", "4.1.1")]
    assert first_relevant_rank(q, ranked) == 3
    assert first_relevant_rank(q, ranked[:2]) is None


# ------------------------------------------------------------------ question files and splits


def write_lines(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


OLD = {
    "id": "q1", "question": "HR for OS in CASPIAN?", "answerable": True, "sections": ["4.1.1"],
    "answers": ["HR = 0.73"], "category": "numeric",
}  # fmt: skip
NEW = {
    "id": "n1", "question": "DFS HR of sublobar vs lobar resection?", "answerable": True,
    "doc": "md", "sections": ["Stage I > Surgery"], "answers": ["1.01"], "parts": ["1.01", "0.83"],
    "evidence": ["(HR, 1.01; 90% CI, 0.83\u20131.24"], "category": "multipart", "note": "Surgery",
}  # fmt: skip


def test_both_schemas_load_and_old_questions_are_about_the_review(tmp_path: Path) -> None:
    old, new = load_questions(
        write_lines(tmp_path / "q.jsonl", json.dumps(OLD), "", json.dumps(NEW))
    )
    assert old.doc == DEFAULT_DOC == "es-sclc-immunotherapy-review"
    assert (old.parts, old.evidence, old.note) == ((), (), "")
    assert new.doc == "md" and new.parts == ("1.01", "0.83") and new.category == "multipart"
    for category in ("glossary", "paraphrase", "definition", "list", "yesno", "multipart"):
        EvalQuestion.model_validate(OLD | {"category": category})


@pytest.mark.parametrize(
    "bad",
    [
        "{not json",
        json.dumps(OLD | {"category": "unknown"}),
        json.dumps({"id": "q2", "answerable": True, "category": "numeric"}),
        json.dumps(OLD | {"id": "q2", "question": ""}),
        json.dumps(OLD | {"id": "q2", "x": 1}),
    ],
)
def test_load_questions_names_the_bad_line(tmp_path: Path, bad: str) -> None:
    with pytest.raises(SclcQaError, match=r"q\.jsonl:2: "):
        load_questions(write_lines(tmp_path / "q.jsonl", json.dumps(OLD), bad))


def test_load_questions_refuses_missing_empty_and_duplicate(tmp_path: Path) -> None:
    with pytest.raises(SclcQaError, match="does not exist"):
        load_questions(tmp_path / "missing.jsonl")
    with pytest.raises(SclcQaError, match="no questions"):
        load_questions(write_lines(tmp_path / "empty.jsonl", ""))
    with pytest.raises(SclcQaError, match="'q1' appears twice"):
        load_questions(write_lines(tmp_path / "d.jsonl", json.dumps(OLD), json.dumps(OLD)))


def test_the_test_split_is_always_frozen(tmp_path: Path) -> None:
    lines = (json.dumps(OLD),)
    assert not load_split("dev", write_lines(tmp_path / "dev.jsonl", *lines)).frozen
    assert load_split("test", write_lines(tmp_path / "held.jsonl", *lines)).frozen
    # Named otherwise, and asked not to be, the frozen file stays frozen.
    assert load_split("dev", write_lines(tmp_path / "test.jsonl", *lines), frozen=False).frozen
    assert Split(name="test", questions=(), frozen=False).frozen


# ------------------------------------------------------------------ evaluate on a scripted engine


@dataclass
class FakeIndex:
    documents: dict[str, object]


@dataclass
class ScriptedEngine:
    """Stands in for Engine: fixed raw answers, thresholded exactly as `Engine.ask` documents."""

    answers: dict[str, Answer]
    rankings: dict[tuple[str, str], list[Passage]]
    threshold: float = 0.38
    index: FakeIndex = field(default_factory=lambda: FakeIndex({"rev": 1, "md": 2}))
    calls: list[tuple[str, float | None]] = field(default_factory=list)

    def ask(self, question: str, *, top_k: int = 5, min_confidence: float | None = None) -> Answer:
        self.calls.append((question, min_confidence))
        raw = self.answers.get(question, silent())
        if min_confidence is None:
            min_confidence = self.threshold
        if not raw.abstained and raw.confidence < min_confidence:
            return silent(raw.confidence)
        return raw

    def search(self, query: str, *, top_k: int = 5, mode: str = "hybrid") -> list[Passage]:
        return self.rankings.get((query, mode), [])[:top_k]


MD_PATH = ("Stage I", "EGFR therapy")
EVIDENCE = "noninferior for DFS (HR, 1.01"
DEV = [  # (question, its raw answer or None, hybrid / lexical / dense rank of its gold passage)
    (gold(id="d1", question="d1?"), said("HR = 0.73", cite(QUOTE), confidence=0.9), (1, 2, 2)),
    (
        gold(id="d2", question="d2?", doc="md", sections=["Stage I > *EGFR* therapy"],
             answers=["12.5 months"]),
        said("12.5 months", cite("OS 12.5 months.", doc="md", section="s/e", path=MD_PATH),
             confidence=0.7),
        (2, 1, None),
    ),
    (gold(id="d3", question="d3?", sections=["4.2"], answers=["2.5 months"]),
     said("12.5 months", cite("PFS 12.5 months", section="4.2"), confidence=0.6), (None,) * 3),
    (
        gold(id="d4", question="d4?", doc="md", sections=["Stage I > Surgery"], answers=["1.01"],
             parts=["1.01", "0.83"], evidence=[EVIDENCE], category="multipart"),
        said("1.01", cite(f"It was {EVIDENCE}; 90% CI).", doc="md", section="elsewhere"),
             confidence=0.5, alts=("0.83",)),
        (1, None, None),
    ),
    (gold(id="d5", question="d5?", answerable=False, sections=[], answers=[],
          category="unanswerable"), said("x", cite("x y"), confidence=0.2), ()),
    (gold(id="d6", question="d6?", doc="md", answerable=False, sections=[], answers=[],
          category="unanswerable"), said("HR = 0.73", cite(QUOTE), confidence=0.8), ()),
    (gold(id="d7", question="d7?", doc="gone"), None, ()),
    (gold(id="d8", question="d8?", category="entity", answers=["CASPIAN"]),
     said("CASPIAN", cite(QUOTE), confidence=0.2), (3, 1, None)),
]  # fmt: skip
TEST = [
    (gold(id="t-secret1", question="secret wrong test question?", answers=["2.5 months"]),
     said("12.5 months", cite("PFS 12.5 months"), confidence=0.9), (1, 1, 1)),
    (gold(id="t-secret2", question="secret unanswerable test question?", doc="md",
          answerable=False, sections=[], answers=[], category="unanswerable"), None, ()),
    (gold(id="t-secret3", question="secret test question on a missing doc?", doc="gone"), None, ()),
]  # fmt: skip


def ranking(q: EvalQuestion, rank: int | None) -> list[Passage]:
    # A passage of the other document in the same section id never counts.
    out = [passage("md" if q.doc == "rev" else "rev", q.sections[0] if q.sections else "x")] * 10
    if rank is not None:
        section, path = (q.sections[0], ()) if q.doc == "rev" else ("s/e", MD_PATH)
        text = EVIDENCE if q.evidence else "t"
        out[rank - 1] = passage(q.doc, section if not q.evidence else "other", text, path)
    return out


@pytest.fixture(scope="module")
def scripted() -> ScriptedEngine:
    answers, rankings = {}, {}
    for q, raw, ranks in DEV + TEST:
        if raw is not None:
            answers[q.question] = raw
        for mode, rank in zip(("hybrid", "lexical", "dense"), ranks, strict=False):
            rankings[(q.question, mode)] = ranking(q, rank)
    return ScriptedEngine(answers, rankings)


@pytest.fixture(scope="module")
def report(scripted: ScriptedEngine) -> EvalReport:
    dev = Split(name="dev", file="eval/questions.jsonl", questions=tuple(q for q, _, _ in DEV))
    test = Split(name="test", file="eval/test.jsonl", questions=tuple(q for q, _, _ in TEST))
    return evaluate(scripted, [dev, test])


def test_questions_on_missing_documents_are_skipped_and_counted(report: EvalReport) -> None:
    dev, test = report.splits["dev"], report.splits["test"]
    assert (dev.questions, dev.evaluated, dev.skipped) == (8, 7, {"gone": 1})
    assert (test.questions, test.evaluated, test.skipped) == (3, 2, {"gone": 1})
    assert report.documents == ["md", "rev"]
    assert "dev skipped: 1 question on documents not in the index: gone (1)" in format_summary(
        report
    )


def test_overall_figures(report: EvalReport) -> None:
    m = report.splits["dev"].overall
    assert (m.n, m.answerable, m.unanswerable, m.answered, m.correct) == (7, 5, 2, 5, 3)
    assert m.answer_accuracy == 0.6  # d1, d2 (by heading path), d4 (by evidence)
    assert m.risk == 0.4  # d3 (12.5 is not 2.5) and d6 (answered an unanswerable one)
    assert m.coverage == round(5 / 7, 4)
    assert m.overall_accuracy == round(4 / 7, 4)
    # Abstained on d5 (right) and d8 (answerable); answered d6 (unanswerable).
    assert (m.abstention_precision, m.abstention_recall, m.abstention_f1) == (0.5, 0.5, 0.5)
    assert (m.parts_questions, m.parts_accuracy, m.parts_accuracy_with_alternatives) == (1, 0, 1)
    # Factoid answers given: "HR = 0.73", "12.5 months" twice, "1.01".
    assert m.median_answer_chars == 10.0


def test_retrieval_per_retriever(report: EvalReport) -> None:
    r = report.splits["dev"].overall.retrieval
    assert list(r) == ["hybrid", "lexical", "dense"]
    assert r["hybrid"].n == 5
    assert (r["hybrid"].recall_at[1], r["hybrid"].recall_at[3]) == (0.4, 0.8)
    assert r["hybrid"].mrr_at_10 == round((1 + 1 / 2 + 1 + 1 / 3) / 5, 4)
    assert (r["lexical"].recall_at[1], r["lexical"].recall_at[2]) == (0.4, 0.6)
    assert r["dense"].recall_at[10] == 0.2  # the other document's 4.1.1 never counts


def test_per_document_and_per_category(report: EvalReport) -> None:
    dev = report.splits["dev"]
    assert list(dev.per_document) == ["md", "rev"]
    rev, md = dev.per_document["rev"], dev.per_document["md"]
    assert (rev.n, rev.answer_accuracy, md.n, md.answer_accuracy) == (4, round(1 / 3, 4), 3, 1.0)
    assert md.risk == round(1 / 3, 4)
    assert list(dev.per_category) == ["numeric", "entity", "unanswerable", "multipart"]
    assert dev.per_category["numeric"].n == 3
    assert dev.per_category["unanswerable"].abstention_recall == 0.5
    assert dev.per_category["numeric"].abstention_recall is None  # undefined, not 0


def test_risk_coverage_and_reliability_use_raw_answers(
    report: EvalReport, scripted: ScriptedEngine
) -> None:
    assert {m for _, m in scripted.calls} == {None, 0.0}
    dev = report.splits["dev"]
    at = {p.threshold: p for p in dev.risk_coverage}
    assert list(at) == [i / 100 for i in range(101)]
    # Threshold 0: all seven raw answers are given; d1, d2, d4 and d8 are right.
    assert (at[0.0].coverage, at[0.0].risk) == (1.0, round(3 / 7, 4))
    assert at[0.0].overall_accuracy == round(4 / 7, 4)
    # Threshold 0.85: only d1; both unanswerable ones are held back.
    assert (at[0.85].coverage, at[0.85].risk, at[0.85].overall_accuracy) == (
        round(1 / 7, 4), 0.0, round(3 / 7, 4)
    )  # fmt: skip
    assert set(dev.risk_coverage_per_document) == {"md", "rev"}
    bins = dev.reliability
    assert [b.n for b in bins] == [0, 0, 2, 0, 0, 1, 1, 1, 1, 1]
    assert (bins[2].confidence, bins[2].accuracy) == (0.2, 0.5)
    assert bins[0].accuracy is None
    assert dev.overall.ece == round(2.9 / 7, 4)
    assert risk_coverage([], [0.5])[0].coverage == 0.0


def test_every_answer_asked_reaches_on_answer_once(scripted: ScriptedEngine) -> None:
    seen: list[tuple[str, str | None, bool]] = []
    dev = Split(name="dev", file="eval/questions.jsonl", questions=tuple(q for q, _, _ in DEV))
    evaluate(scripted, [dev], on_answer=lambda q, a: seen.append((q.id, a.answer, a.abstained)))
    # d5 and d8 abstain at the threshold, then answer at 0; d7's document is not indexed.
    assert seen == [
        ("d1", "HR = 0.73", False),
        ("d2", "12.5 months", False),
        ("d3", "12.5 months", False),
        ("d4", "1.01", False),
        ("d5", None, True),
        ("d5", "x", False),
        ("d6", "HR = 0.73", False),
        ("d8", None, True),
        ("d8", "CASPIAN", False),
    ]


def test_the_frozen_split_keeps_totals_only(report: EvalReport) -> None:
    dev, test = report.splits["dev"], report.splits["test"]
    assert [f.id for f in dev.failures] == ["d3", "d6", "d8"]
    assert len(dev.results) == 7
    assert test.frozen and test.results == [] and test.failures == []
    assert (test.overall.n, test.overall.correct, test.overall.risk) == (2, 0, 1.0)
    assert set(test.per_document) == {"md", "rev"}
    dump = report.model_dump_json()
    assert "secret" not in dump and "t-secret" not in dump
    with pytest.raises(ValidationError, match="frozen"):
        SplitReport.model_validate(test.model_dump() | {"results": dev.results[:1]})


def test_summary_puts_splits_side_by_side_and_lists_dev_failures_only(report: EvalReport) -> None:
    text = format_summary(report, failures_shown=2)
    assert "dev: eval/questions.jsonl, 8 questions" in text
    assert "test: eval/test.jsonl, 3 questions" in text and "frozen: totals only" in text
    assert any(line.split() == ["dev", "test"] for line in text.splitlines())
    assert "answer accuracy" in text and "0.600" in text
    lines = text.splitlines()
    for heading in ("overall", "md", "rev", "per category (n, overall accuracy, risk, parts)"):
        assert heading in lines
    assert "dev failures: 3, first 2 shown" in text
    assert "d3 [numeric]" in text
    assert "secret" not in text and "t-secret" not in text
    assert "test failures" not in text


def test_write_report_writes_markdown_and_three_plots(report: EvalReport, tmp_path: Path) -> None:
    files = write_report(report, tmp_path / "out" / "report.md")
    assert [f.name for f in files] == [
        "report.md",
        "report-recall.png",
        "report-risk-coverage.png",
        "report-reliability.png",
    ]
    for png in files[1:]:
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = files[0].read_text(encoding="utf-8")
    assert text.startswith("# sclc-qa evaluation")
    assert "| metric | dev | test |" in text
    assert "| answer accuracy | 0.600 | 0.000 |" in text
    assert "### md" in text and "### rev" in text and "## Per category" in text
    assert "## dev failures" in text and "| d3 | rev | numeric |" in text
    assert "test failures" not in text and "secret" not in text
    assert "![reliability](report-reliability.png)" in text
