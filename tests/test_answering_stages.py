"""Each answering stage on its own: figures, entities, explanations, reasons, anchors.

Sentences here are written for the test, so each rule is shown on text it was not fitted to.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sclc_qa.answering.anchors import anchor_cost
from sclc_qa.answering.counts import counted, counts_several
from sclc_qa.answering.entities import EntityExtractor
from sclc_qa.answering.explanations import explaining_clause
from sclc_qa.answering.figures import FigureExtractor
from sclc_qa.answering.labels import endpoint_after
from sclc_qa.answering.naming import stem_class
from sclc_qa.answering.objects import headed_by
from sclc_qa.answering.ranking import RANK_FEATURES, read_ranker
from sclc_qa.answering.reasons import Reasons, join
from sclc_qa.answering.runs import asks_several, at_time_point, outside_intervals, parts_share
from sclc_qa.answering.shapes import clause_of, has_statement_shape, has_verdict, series_length
from sclc_qa.answering.verdicts import polarity, stated_verdict
from sclc_qa.confidence import payload_sha256
from sclc_qa.config import Settings
from sclc_qa.embedding import HashingEmbedder
from sclc_qa.engine import Engine
from sclc_qa.name_spans import names
from sclc_qa.question import profile
from sclc_qa.question_parts import coordinated
from sclc_qa.retrieval import Hit
from sclc_qa.spans import find
from sclc_qa.vocabulary import name_keys
from stumps import stump

# A section of filler after the text a test is about: a document long enough that retrieval
# has something to rank the answering passage above.
_BACKGROUND = "## Background\n\n" + "".join(
    f"Background paragraph {i} describes general care, follow-up and imaging.\n\n"
    for i in range(30)
)


def _engine_over(tmp_path: Path, name: str, text: str, **others: str) -> Engine:
    """An engine over one Markdown document written for the test, and any `others` (name →
    text) beside it (fake embedder: no model)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir(parents=True)  # a test may keep several engines in sub-folders
    for doc, body in {name: text, **others}.items():
        (corpus / f"{doc}.md").write_text(body, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    Engine.build(settings, embedder=HashingEmbedder())
    return Engine.load(settings, embedder=HashingEmbedder())


def _stages(engine: Engine) -> tuple[FigureExtractor, EntityExtractor]:
    answerer = engine._answerer
    return FigureExtractor(answerer.index, answerer.vocab), EntityExtractor(
        answerer.index, answerer.vocab
    )


def _section_engine(tmp_path: Path, text: str) -> Engine:
    """An engine over one document ("doc") whose one section is `text`, beside background."""
    return _engine_over(tmp_path, "doc", f"# Doc\n\n## Section\n\n{text}\n\n{_BACKGROUND}")


def _answers_in(tmp_path: Path, text: str, *questions: str) -> list[str | None]:
    """Each question's answer at threshold 0, from an index of one document whose one section
    is `text`."""
    engine = _section_engine(tmp_path, text)
    return [engine.ask(q, min_confidence=0.0).answer for q in questions]


def _refusal(engine: Engine, question: str) -> str:
    """The reason `engine` gives for abstaining on `question` at threshold 0; fails when it
    answers."""
    answer = engine.ask(question, min_confidence=0.0)
    assert answer.abstained and answer.reason is not None, answer.answer
    return answer.reason


def _indexed(tmp_path: Path, text: str, marker: str) -> tuple[Engine, int]:
    """An engine over one document ("doc") whose one section is `text`, and the id of the
    sentence holding `marker`."""
    engine = _section_engine(tmp_path, text)
    return engine, next(i for i, s in enumerate(engine.index.sentences) if marker in s.text)


def _spans_in(tmp_path: Path, text: str, marker: str, *questions: str) -> list[list[str]]:
    """For each question, the figures the sentence holding `marker` gives it (of its kind, best
    first), in an index of one document whose one section is `text`."""
    engine, sid = _indexed(tmp_path, text, marker)
    figures, _ = _stages(engine)
    sents = engine.index.sentences
    return [
        [sents[sid].text[s.start : s.end] for s in figures.spans(sid, profile(q))]
        for q in questions
    ]


def _rank_low_first(engine: Engine, feature: str) -> None:
    """Give `engine` a ranker of one split that puts candidates with `feature` at 0 first."""
    payload = {
        "version": 1,
        "features": list(RANK_FEATURES),
        "baseline": 0.0,
        "trees": [stump(RANK_FEATURES, feature, 0.5, 1.0, -1.0)],
        "trained_on": {"split": "dev"},
    }
    verified = json.dumps({**payload, "sha256": payload_sha256(payload)})
    engine._answerer.scorer.ranker = read_ranker(verified)


def _first_rate(figures: FigureExtractor, text: str, question: str) -> str:
    """The rate of `text` that the figure ranker puts first for `question`."""
    ranked = figures._rank(text, find(text, "percent"), profile(question))
    return text[ranked[0].start : ranked[0].end]


def _widened(figures: FigureExtractor, text: str, question: str, kind: str = "percent") -> str:
    """What `text`'s first figure of `kind` is widened to as the answer to `question`."""
    s, e = figures.widen(text, find(text, kind)[0], profile(question))
    return text[s:e]


def test_a_span_after_its_subject_is_nearer_than_one_before_it() -> None:
    groups = [(1.0, [(10, 14)])]
    assert anchor_cost(groups, 20, 25) < anchor_cost(groups, 0, 4)
    assert anchor_cost(groups, 11, 13) == 0.0
    assert anchor_cost([], 0, 5) == 0.0


def test_a_time_point_is_not_a_duration_measured() -> None:
    def read_at(text: str) -> list[bool]:
        return [at_time_point(text, s.start, s.end) for s in find(text, "duration")]

    assert read_at("At 30 months, the OS rate was 61% with zentamab.") == [True]
    assert read_at("The rate (about 4 years after surgery) was 51%.") == [True]
    assert read_at("Median OS was 17.5 months with zentamab.") == [False]
    assert read_at("OS was 14.2 months vs 11.9 months with placebo.") == [False]


def test_a_trial_named_once_is_the_subject_of_its_whole_paragraph(tmp_path: Path) -> None:
    report = (
        "## Results\n\n"
        "The ZENITH-7 trial randomly assigned 400 patients to zentamab or placebo. "
        "Patients were stratified by region. Treatment continued until progression. "
        "Scans were read centrally. Follow-up visits were monthly. "
        "High marker load was defined as at least 12 units per liter.\n\n"
        "The QUILL-2 trial tested quellimab. Its high marker load was defined as 8 units.\n\n"
        + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "report", report)
    scorer = engine._answerer.scorer
    prof = profile("What defined high marker load in ZENITH-7?")
    sids = {s.text: i for i, s in enumerate(engine.index.sentences)}
    late = sids["High marker load was defined as at least 12 units per liter."]
    other = sids["Its high marker load was defined as 8 units."]
    assert scorer.coverage.of(late, ["ZENITH-7"], prof)[0] > 0
    assert scorer.coverage.of(other, ["ZENITH-7"], prof)[0] == 0


def test_a_comparison_takes_the_paired_figure_and_its_interval(hashing_engine: Engine) -> None:
    figures, _ = _stages(hashing_engine)
    text = "Median OS was 14.2 months (95% CI, 12.0-16.1) vs 11.9 months with placebo."
    prof = profile("Median OS with the new drug versus placebo?")
    span = find(text, "duration")[0]
    s, e = figures.widen(text, span, prof)
    assert text[s:e] == "14.2 months (95% CI, 12.0-16.1) vs 11.9 months"
    alone = profile("What was the median OS with the new drug?")
    s, e = figures.widen(text, span, alone)
    assert text[s:e] == "14.2 months (95% CI, 12.0-16.1)"


def test_a_figure_belongs_to_the_name_just_before_it(hashing_engine: Engine) -> None:
    figures, _ = _stages(hashing_engine)
    text = "The ORR was 41% with durvalumab, while with atezolizumab the ORR was 23%."
    assert _first_rate(figures, text, "ORR with atezolizumab?") == "23%"


def test_an_entity_of_the_asked_class_is_chosen(hashing_engine: Engine) -> None:
    _, entities = _stages(hashing_engine)
    text = "The phase III ALPHA-7 trial, run by Nordic Oncology, tested pembrolizumab weekly."
    found = entities.span(text, profile("Which drug did ALPHA-7 test?"))
    assert found is not None
    (s, e), _cost = found
    assert text[s:e] == "pembrolizumab"
    assert entities.span("No names here at all.", profile("Which drug was used?")) is None


def test_which_xs_takes_the_plain_word_list_the_asked_words_introduce(
    hashing_engine: Engine,
) -> None:
    _, entities = _stages(hashing_engine)
    text = (
        "Bronchoscopic options that spare the airway include balloon dilation, stenting, "
        "argon plasma coagulation, and Q-laser ablation, and work within days."
    )
    found = entities.span(text, profile("Which bronchoscopic options are there?"))
    assert found is not None
    (s, e), _cost = found
    assert text[s:e] == "balloon dilation, stenting, argon plasma coagulation, and Q-laser ablation"
    # One option asked for: the list is not taken.
    single = entities.span(text, profile("Which bronchoscopic option is best?"))
    assert single is None or text[single[0][0] : single[0][1]] == "Q-laser"


def test_which_xs_takes_the_whole_list_with_items_spelled_out(hashing_engine: Engine) -> None:
    _, entities = _stages(hashing_engine)

    def listed(text: str, question: str) -> str:
        found = entities.span(text, profile(question))
        assert found is not None
        (s, e), _cost = found
        return text[s:e]

    factors = (
        "Four factors define the groups: ZKA1, QRN2, ZEP class 4 homeobox 2 (ZEP4B2) and "
        "quell-associated protein 3 (QAP3)."
    )
    assert listed(factors, "Which factors define the groups?") == factors[32:-1]
    # A bracket that names an item's parts keeps the item it follows.
    regions = "Zeta and East Etalia (Zetania, Quellia, and Omria), Rhovia, and Tauland lead."
    assert listed(regions, "Which regions have high zentoma rates?") == regions[:-6]
    peaks = "Rates peak in East Etalia (Zetania, Quellia), Rhovia, and Tauland."
    assert listed(peaks, "Which regions have high zentoma rates?") == peaks[14:-1]
    # Greek letters end names: "IFN-γ" is one name, not "IFN".
    cytokines = "Activated cells secrete IFN-γ, IL-2, and TNF-α into the niche."
    assert listed(cytokines, "Which cytokines do activated cells secrete?") == (
        "IFN-γ, IL-2, and TNF-α"
    )
    # What the question's own verb takes, when no asked word introduces it.
    revived = "Thus it revives quell uptake, zeta folding, and etal export, while priming."
    assert listed(revived, "Which quell cell processes does zetamab revive?") == (
        "quell uptake, zeta folding, and etal export"
    )
    catalysed = (
        "Etal kinases are enzymes that catalyse zeta capping (ZC) and quell tagging (QT) (9)."
    )
    assert listed(catalysed, "Which reactions are etal kinases thought to catalyse?") == (
        "zeta capping (ZC) and quell tagging (QT)"
    )
    # A question ending on a preposition has no verb of its own there.
    partnered = "Zetamab combines well with quellin, etalin and zetalin in the clinic."
    with_found = entities.span(partnered, profile("Which drugs does zetamab combine with?"))
    assert with_found is None or not partnered[: with_found[0][0]].endswith("well with ")
    # No name at all: what the sentence says is the thing asked.
    said = "Multivariate analysis showed that\nzeta impairment was the strongest single predictor."
    asked = "What was the single strongest predictor of survival?"
    assert listed(said, asked) == "zeta impairment"
    assert entities.span("It was the strongest predictor of survival.", profile(asked)) is None
    # Names bridged by words and a bracket, but no comma, "and" or "or": no list.
    single = "Growth needs ZKA1 bound to its cofactor (ZKB)."
    assert listed(single, "Which factors does growth need?") in ("ZKA1", "ZKB")


def test_a_name_that_says_its_own_class_is_chosen(hashing_engine: Engine) -> None:
    _, entities = _stages(hashing_engine)
    cases = [
        # the name ends with the asked class's word
        (
            "Variants were found by the Zeta Dx Panel Test (Quill Scientific).",
            "Which test found the variants?",
            "Zeta Dx Panel Test",
        ),
        # it abbreviates, in brackets, the phrase that ends with that word
        (
            "Once bound, ZX1 recruits and activates quellin kinase phosphatase 4 (QKP-4) (12).",
            "Which phosphatase does ZX1 recruit once bound?",
            "QKP-4",
        ),
        # its head word before "for" says it too; "&" joins two of them
        (
            "Zeta Quell, MD, FRCPC (Quorn Institute for Zeta Research & Etal Trials Group)",
            "Which institution is Zeta Quell affiliated with?",
            "Quorn Institute for Zeta Research",
        ),
        (
            "Zeta Quell, MD, FRCPC (Quorn Institute for Zeta Research & Etal Trials Group)",
            "Which institutions is Zeta Quell affiliated with?",
            "Quorn Institute for Zeta Research & Etal Trials Group",
        ),
        # a brand, marked so, whatever its case, joins it too
        (
            "Variants were confirmed by the zetascan® ZX1 Variant Test.",
            "Which test confirmed the variants?",
            "zetascan® ZX1 Variant Test",
        ),
        # the name's own modifiers before it join it
        (
            "Positivity was judged with the ZX1 IHC 7Q2 quellDx assay.",
            "Which ZX1 assay was used to define positivity?",
            "ZX1 IHC 7Q2 quellDx assay",
        ),
        # … asked by a kindred word of its head ("test" for an assay)
        (
            "Positivity was judged with the ZX1 IHC 7Q2 quellDx assay.",
            "Which ZX1 test was used to define positivity?",
            "ZX1 IHC 7Q2 quellDx assay",
        ),
        # an appositive says its class, however far the question's words stand
        (
            "ZRG1, the zeta regulator gene, is expressed less in zentoma, and with ZX7 this adds "
            "to the loss of tolerance.",
            "Which gene's reduced expression adds to the loss of tolerance in zentoma?",
            "ZRG1",
        ),
    ]
    for text, question, expected in cases:
        found = entities.span(text, profile(question))
        assert found is not None, question
        (s, e), _cost = found
        assert text[s:e] == expected, question
    # A bracketed id after "the X trial" is X's, not what "trial" names; X is named a trial
    # only by the word after it, which may follow several names.
    from sclc_qa.answering.naming import names_its_class

    text = "The ZENITH-7 trial (NCT01234567) enrolled 400 patients after zentamab."
    spans = {text[c.start : c.end]: c for c in names(text)}
    cands = list(spans.values())
    assert names_its_class(text, spans["NCT01234567"], "trial", cands) == 0
    assert names_its_class(text, spans["ZENITH-7"], "trial", cands) == 1


def test_a_company_is_answered_with_the_words_that_make_it_one(hashing_engine: Engine) -> None:
    _, entities = _stages(hashing_engine)
    text = "Recently approved by Zentara Biopharma Co., Ltd., the ZX1 antibody entered ZENITH-4."
    found = entities.span(text, profile("Which company got ZX1 approved?"))
    assert found is not None
    (s, e), _cost = found
    assert text[s:e] == "Zentara Biopharma Co., Ltd."


def test_who_is_answered_by_an_author_from_a_lower_scored_sentence(tmp_path: Path) -> None:
    from sclc_qa.answering.scoring import Scored

    doc = (
        "# Trials\n\n## First line\n\nZENITH-4 and ORBIT-2 are two phase III trials of "
        "zentamab. Novak et al. reported that zentamab prolonged median OS by 2.0 months.\n\n"
        + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "authors", doc)
    entities = engine._answerer.extractor.entities
    sents = engine.index.sentences
    first = next(i for i, s in enumerate(sents) if s.text.startswith("ZENITH-4 and"))
    second = next(i for i, s in enumerate(sents) if s.text.startswith("Novak"))
    ranked = [Scored(first, 1.0, 1.0, ()), Scored(second, 0.7, 1.0, ())]
    found = entities.best(profile("Who published the ZENITH-4 zentamab result?"), ranked)
    assert found is not None
    sid, start, end = found
    assert sid == second and engine.index.documents["authors"].text[start:end] == "Novak et al."


def test_how_questions_get_the_explaining_clause_not_a_token(hashing_engine: Engine) -> None:
    vocab = hashing_engine._answerer.vocab
    text = (
        "The bispecific engager links CD3 on T cells to DLL3 on tumour cells, thereby "
        "redirecting cytotoxic T cells to kill DLL3-expressing cells regardless of their "
        "own antigen specificity or prior priming in the lymph node."
    )
    s, e = explaining_clause(text, profile("How does the engager redirect T cells?"), vocab)
    clause = text[s:e]
    assert len(clause.split()) > 5
    assert "links CD3" in clause or "redirecting" in clause
    short = "It binds PD-L1."
    assert explaining_clause(short, profile("How does it work?"), vocab) == (0, 14)
    # A result clause that restates the question keeps the clause before it, which says how.
    text = (
        "Zentamab is a selective human IgG1 monoclonal antibody that blocks ligand binding to its "
        "receptor on lymphocytes, allowing T cells to recognize and kill tumor cells in the node."
    )
    s, e = explaining_clause(text, profile("How does zentamab let T cells kill tumors?"), vocab)
    assert "blocks ligand binding" in text[s:e] and "allowing T cells" in text[s:e]


def test_reasons_name_what_is_missing_in_plain_words() -> None:
    one, many = Reasons(1), Reasons(2)
    assert one.not_mentioned(["X-1"]) == "The review does not mention X-1."
    assert many.not_mentioned(["X-1", "Y-2"]) == "The documents do not mention X-1 or Y-2."
    prof = profile("What was the response rate in TRIAL-9?")
    assert one.missing(prof, ["TRIAL-9"]) == "The review reports no response rate for TRIAL-9."
    assert join(["a", "b", "a", "c"]) == "a, b or c"
    median = profile("What was the median OS in TRIAL-9?")
    assert one.missing(median, ["TRIAL-9"], ["OS hazard ratio", "P value"]) == (
        "The review gives TRIAL-9's OS hazard ratio and P value, but no OS duration."
    )
    assert many.missing(median, ["X-1", "Y-2"], ["OS hazard ratio"]) == (
        "The documents give the OS hazard ratio for X-1 and Y-2, but no OS duration."
    )


def test_each_arm_of_a_comparison_is_answered(hashing_engine: Engine) -> None:
    figures, _ = _stages(hashing_engine)
    text = (
        "The median PFS was 20.1 months in the combination group and 14.8 months in the "
        "control group (HR, 0.62; 95% CI, 0.50-0.77)."
    )
    span = find(text, "duration")[1]
    s, e = figures.widen(text, span, profile("Median PFS, combination vs control?"))
    assert text[s:e] == "20.1 months in the combination group and 14.8 months in the control group"
    # One arm's figure asked: with its own label, which says whose it is.
    s, e = figures.widen(text, span, profile("Median PFS in the control group?"))
    assert text[s:e] == "14.8 months in the control group"


def test_other_asked_parts_are_taken_in_when_stated_nearby(hashing_engine: Engine) -> None:
    figures, _ = _stages(hashing_engine)
    text = "Median OS was 13.1 months (HR = 0.66; P = 0.001), a gain over placebo."
    prof = profile("Median OS and hazard ratio in the trial?")
    assert prof.kind == "hr" and prof.also == {"duration"}
    span = find(text, "hr")[0]
    s, e = figures.widen(text, span, prof)
    assert text[s:e] == "13.1 months (HR = 0.66; P = 0.001)"


def test_a_run_of_figures_keeps_its_brackets_balanced() -> None:
    from sclc_qa.answering.runs import balanced

    text = "local stage (64%), regional stage (36%), or distant stage (9%)."
    s, e = balanced(text, text.index("64"), text.index("9%") + 2)
    assert text[s:e] == "(64%), regional stage (36%), or distant stage (9%)"


def test_a_run_of_labelled_figures_starts_at_the_first_label(hashing_engine: Engine) -> None:
    figures, _ = _stages(hashing_engine)
    text = "Response was seen in the young group (41%), the middle group (30%) and the old (12%)."
    prof = profile("What were the response rates in the young, middle and old groups?")
    span = next(s for s in find(text, "percent") if text[s.start : s.end] == "41%")
    s, e = figures.widen(text, span, prof)
    assert text[s:e] == "the young group (41%), the middle group (30%) and the old (12%)"


def test_each_asked_endpoint_is_a_part_with_its_label(hashing_engine: Engine) -> None:
    figures, _ = _stages(hashing_engine)
    text = (
        "Zentamab improved progression-free survival (6.1 vs. 4.0 months; HR 0.61) and "
        "overall survival (15.2 vs. 12.9 months; HR 0.80) compared with placebo."
    )
    assert _widened(figures, text, "ZENITH-4 zentamab: PFS and OS vs placebo?", "duration") == (
        "progression-free survival (6.1 vs. 4.0 months; HR 0.61) and "
        "overall survival (15.2 vs. 12.9 months; HR 0.80)"
    )


def test_a_figure_the_question_states_is_a_condition_not_the_answer(
    hashing_engine: Engine,
) -> None:
    figures, _ = _stages(hashing_engine)
    text = "In tumors with PD-L1 on at least 1% of cells, the 2-year DFS rate was 70.2%."
    prof = profile("PD-L1 ≥1%: what was the DFS rate at 2 years?")
    ranked = figures._rank(text, find(text, "percent"), prof)
    assert [text[x.start : x.end] for x in ranked] == ["70.2%"]


def test_a_dose_belongs_to_the_drug_it_is_stated_for(hashing_engine: Engine) -> None:
    figures, _ = _stages(hashing_engine)
    text = "Patients received pemetrexed and cisplatin plus 200 mg of zentamab every 3 weeks."
    doses = find(text, "dose")
    assert figures._rank(text, doses, profile("What zentamab dose was used?"))
    from sclc_qa.answering.figure_filters import of_asked_drug as _of_asked_drug

    assert _of_asked_drug(text, doses, profile("What pemetrexed dose was used?")) == []


def test_a_rate_and_a_time_to_event_endpoint_asked_together_are_both_answered(
    hashing_engine: Engine,
) -> None:
    figures, _ = _stages(hashing_engine)
    text = "Zentamab yielded modest efficacy (ORR 20–25%; mPFS 2.5–3 months) in relapsed zentoma."
    # PFS asked beside a response rate, at no time point, is its median: a duration.
    asked = "What response rate and PFS did zentamab give?"
    assert _widened(figures, text, asked) == "ORR 20–25%; mPFS 2.5–3 months"


def test_a_figure_said_of_each_arm_keeps_it(hashing_engine: Engine) -> None:
    figures, _ = _stages(hashing_engine)
    text = "Grade 3 neurotoxicity was less than 15% in each arm of the zentamab trial."
    asked = "How much neurotoxicity did the zentamab trial see?"
    assert _widened(figures, text, asked) == "less than 15% in each arm"


def test_a_dose_is_no_endpoints_figure(tmp_path: Path) -> None:
    doc = "The trial included 118 patients who received zentinib (300 mg orally twice daily)."
    asked = "For zentinib: what dose was given and what response rate was seen?"
    assert _spans_in(tmp_path, doc, "300 mg", asked) == [["300 mg orally twice daily"]]
    # "in the A and B groups" asks each group's figure.
    from sclc_qa.answering.runs import asks_several

    assert asks_several(profile("Median OS in the zentamab and placebo groups?"))
    # Groups listed with bare commas at the question's end: each group's figure.
    assert asks_several(
        profile("How does 5-year zentoma survival change by stage - early, mid, late?")
    )
    assert not asks_several(profile("In ZENITH-4, with zentamab, what was 5-year survival?"))
    # The same list in brackets, and "how does X differ by …": each group's figure.
    assert asks_several(profile("How does 5-year zentoma survival differ by stage (A, B, C)?"))
    assert asks_several(profile("How does 5-year zentoma survival vary by stage at diagnosis?"))
    assert not asks_several(profile("By how much did zentamab lower the zentoma rate?"))


def test_a_dosing_schedule_is_answered_whole(hashing_engine: Engine) -> None:
    figures, _ = _stages(hashing_engine)
    text = (
        "The approved dose of zentinib is 40 mg every day for 5 days; if tolerated, the dose "
        "is increased to 80 mg every day. Quellimab was given at 200 mg every 3 weeks."
    )
    asked = "How is zentinib dosed?"
    assert _widened(figures, text, asked, "dose") == (
        "40 mg every day for 5 days; if tolerated, the dose is increased to 80 mg every day"
    )
    both = "Arm 1: Zentamab 60 mg plus quellimab 1,200 mg with chemotherapy, then quellimab alone."
    assert _widened(figures, both, "What doses of zentamab and quellimab were given?", "dose") == (
        "Zentamab 60 mg plus quellimab 1,200 mg"
    )
    assert _widened(figures, both, "What dose of zentamab was given?", "dose") == "60 mg"


def test_what_were_the_figures_takes_each_arm(hashing_engine: Engine) -> None:
    figures, _ = _stages(hashing_engine)
    text = (
        "The 5-year OS rates were 42.9% (95% CI, 38.2%–47.4%) in the zentamab group and "
        "33.4% (95% CI, 27.3%–39.6%) in the placebo group."
    )
    prof = profile("What were the 5-year OS rates with zentamab and placebo?")
    span = figures._rank(text, outside_intervals(text, find(text, "percent")), prof)[0]
    s, e = figures.widen(text, span, prof)
    assert text[s:e].startswith("42.9%")
    assert text[s:e].endswith("33.4% (95% CI, 27.3%–39.6%) in the placebo group")


def test_parts_named_by_their_endpoints_keep_the_first_name(hashing_engine: Engine) -> None:
    figures, _ = _stages(hashing_engine)
    text = "Zentamab plus placebo gave modest activity (ORR 12–18%; mPFS 2.1–2.4 months)."
    prof = profile("Zentamab in relapsed disease: ORR and mPFS?")
    span = find(text, "percent")[0]
    s, e = figures.widen(text, span, prof)
    assert text[s:e] == "ORR 12–18%; mPFS 2.1–2.4 months"


def test_the_share_of_asked_parts_an_answer_holds() -> None:
    both = profile("What were the median PFS and OS with zentamab?")
    assert parts_share("6.1 vs. 4.0 months; HR 0.61) and OS (15.2 vs. 12.9 months", both) == 1.0
    assert parts_share("6.1 months", both) == 0.5
    arms = profile("What was the ORR in each arm?")
    assert parts_share("41% (95% CI, 30%-52%)", arms) == 0.5  # an interval is not an arm
    assert parts_share("41% with zentamab and 30% with placebo", arms) == 1.0
    assert parts_share("anything", profile("How does zentamab work?")) == 1.0


def test_a_definition_is_what_the_text_delimits_the_term_by() -> None:
    from sclc_qa.answering.explanations import defining_span

    text = (
        "Major response was defined as 10% or fewer viable tumor cells (12), as in earlier trials."
    )
    s, e = defining_span(text) or (0, 0)
    assert text[s:e] == "10% or fewer viable tumor cells"
    text = "Central tumors (within 2 cm of the airway) were excluded."
    s, e = defining_span(text) or (0, 0)
    assert text[s:e] == "within 2 cm of the airway"
    assert defining_span("Zentamab improved survival.") is None
    assert profile("How did ZENITH-4 define a major response?").kind == "definition"
    assert profile("What counted as a positive scan?").kind == "definition"
    text = "Type Z, which is characterized by loss of ASCL1 and an immune signature (35), is rare."
    s, e = defining_span(text) or (0, 0)
    assert text[s:e] == "loss of ASCL1 and an immune signature"
    assert defining_span("Central tumors (within 2 cm of the airway).", criteria=False) is None
    assert profile("What characterizes the inflamed subtype?").kind == "definition"
    assert profile("a-EJ meaning?").kind == "glossary"
    assert profile("ZQG = ?").kind == "glossary"  # an abbreviation alone: its expansion
    kind_of = profile("What kind of antibody is zentamab?")
    assert (kind_of.kind, kind_of.target) == ("definition", "")
    assert profile("What type of radiotherapy is tested in ZENITH-4?").kind == "entity"


def test_what_a_thing_is_is_the_phrase_the_text_calls_it() -> None:
    from sclc_qa.answering.explanations import describing_span

    for text, name, said in [
        (
            "Zentamab (ZX-1) is a bispecific antibody that binds CD3; it is safe.",
            "zentamab",
            "a bispecific antibody that binds CD3",
        ),
        (
            "Zentamab vedotin (Zen-DXd) is an antibody-drug conjugate (12).",
            "Zen-DXd",
            "an antibody-drug conjugate",
        ),
        ("In 2024, zentamab, a CD3 engager, was approved.", "zentamab", "a CD3 engager"),
        (
            "Zentamab (ZX-1) is the first-in-class ZX3-targeted T-cell engager (TCE).",
            "zentamab",
            "the first-in-class ZX3-targeted T-cell engager (TCE)",
        ),
    ]:
        s, e = describing_span(text, (name,)) or (0, 0)
        assert text[s:e] == said
    assert describing_span("Zentamab improved survival.", ("zentamab",)) is None


def test_a_long_name_is_mentioned_by_the_abbreviation_defined_for_it(tmp_path: Path) -> None:
    doc = (
        "# Drugs\n\n## Zentamab\n\n"
        "Zentamab vedotin (Zen-V) is an antibody-drug conjugate. "
        "Two phase III trials of Zen-V were stopped because of toxicity.\n\n" + _BACKGROUND
    )
    vocab = _engine_over(tmp_path, "alias", doc)._answerer.vocab
    text = "Two phase III trials of Zen-V were stopped because of toxicity."
    keys = frozenset({"zenv", "trials", "phase"})
    assert vocab.mentions("zentamab vedotin", keys, text)
    assert not vocab.mentions("placebotamab vedotin", keys, text)


def test_a_yes_no_question_on_an_endpoint_needs_a_sentence_that_names_it(tmp_path: Path) -> None:
    doc = (
        "# Trial\n\n## Results\n\n"
        "In the ZENITH-4 trial, maintenance zentamab prolonged PFS but raised toxicity.\n\n"
        + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "yesno", doc)
    reason = _refusal(engine, "Did zentamab improve overall survival in ZENITH-4?")
    assert "OS" in reason
    pfs = engine.ask("Did zentamab improve PFS in ZENITH-4?", min_confidence=0.0)
    assert not pfs.abstained


def test_a_code_with_digits_is_not_read_as_initials(hashing_engine: Engine, tmp_path: Path) -> None:
    vocab = hashing_engine._answerer.vocab
    assert vocab.known("GD")  # the initials of two words the review writes side by side
    assert not vocab.known("G12D")  # a variant's code, which the review never writes
    # A range of staging categories is known when each category is.
    doc = "Zentomas staged T1 to T2 were resected.\n\n" + _BACKGROUND
    staged = _engine_over(tmp_path, "staged", doc)._answerer.vocab
    assert staged.known("T1-T2")
    assert not staged.known("T1-T3")


def test_compound_names_are_known_by_their_parts(hashing_engine: Engine) -> None:
    vocab = hashing_engine._answerer.vocab
    assert vocab.known("CTLA-4/PD-1")
    assert vocab.known("PD-L1-positive")  # a known name with a describing word after it
    assert not vocab.known("Zorblax-positive")
    assert not vocab.known("CTLA-4/Zorblax")
    assert vocab.mentions("PD-L1-positive", frozenset({"pdl1"}), "PD-L1 expression")
    assert vocab.mentions("CD8", frozenset({"cd8+"}), "intratumoral CD8+ T cells")
    assert not vocab.mentions("CD4", frozenset({"cd8+"}), "intratumoral CD8+ T cells")
    # What acts against a target is named by the target: "anti-ZX1" by "ZX1 inhibitors".
    assert vocab.mentions("anti-ZX1", frozenset({"zx1"}), "ZX1 inhibitors were given")
    assert not vocab.mentions("anti-ZX1", frozenset({"zx2"}), "ZX2 inhibitors were given")
    # A name of three words or more, by each pair of neighbours (the keys a sentence has).
    treated = "patients treated at Grand Lakes Cancer Institute"
    assert vocab.mentions("Grand Lakes Cancer", frozenset(name_keys(treated)), treated)
    assert not vocab.mentions("Grand Lakes Cancer", frozenset(name_keys("Grand Cancer")), "")


def test_list_items_are_read_under_their_lead_in(tmp_path: Path) -> None:
    from sclc_qa.answering.answerer import Answerer

    doc = (
        "# Trials\n\n## Results\n\n"
        "1. The phase III ZENITH-4 trial randomly assigned 600 patients to zentamab or "
        "placebo. The primary end point was PFS.\n\n"
        "- The median PFS was 9.9 months with zentamab and 5.1 months with placebo.\n"
        "- The 2-year OS rate was 41% with zentamab.\n\n"
        "A different paragraph about something else entirely.\n"
    )
    engine = _engine_over(tmp_path, "zenith", doc)
    answerer: Answerer = engine._answerer
    sents = answerer.index.sentences
    item = next(i for i, s in enumerate(sents) if "9.9 months" in s.text)
    lead = answerer.vocab.lead_in[item]
    assert lead and any("ZENITH-4" in sents[i].text for i in lead)
    other = next(i for i, s in enumerate(sents) if "different paragraph" in s.text)
    assert answerer.vocab.lead_in[other] == ()
    answer = engine.ask("What was the median PFS with zentamab in ZENITH-4?", min_confidence=0.0)
    assert not answer.abstained and answer.answer is not None
    assert answer.answer.startswith("9.9 months")
    rate = engine.ask("What was the 5-year OS rate in ZENITH-4?", min_confidence=0.0)
    assert rate.abstained  # only a 2-year rate is stated


def test_which_had_the_lower_figure_is_computed_from_each_ones_own(tmp_path: Path) -> None:
    doc = (
        "# Two trials\n\n## Results\n\n"
        "In the phase III NORDA-2 trial, zentamab improved OS (HR = 0.81; 95% CI, 0.70-0.94).\n\n"
        "In the phase III SOLVA-9 trial, quellimab improved OS (HR = 0.64; 95% CI, 0.52-0.79).\n\n"
        "The phase II KESTA-1 trial reported no hazard ratio at all.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "trials", doc)

    lower = engine.ask("Which trial had the lower OS HR, NORDA-2 or SOLVA-9?", min_confidence=0.0)
    assert not lower.abstained and lower.answer is not None
    assert "0.64" in lower.answer and "0.81" not in lower.answer
    assert lower.note is not None and "NORDA-2" in lower.note and "SOLVA-9" in lower.note
    assert {c.quote for c in lower.citations[:2]} >= {
        next(c.quote for c in lower.citations if "0.64" in c.quote),
        next(c.quote for c in lower.citations if "0.81" in c.quote),
    }
    higher = engine.ask("Which trial had the higher OS HR, NORDA-2 or SOLVA-9?", min_confidence=0.0)
    assert higher.answer is not None and "0.81" in higher.answer

    partial = engine.ask("Which trial had the lower OS HR, NORDA-2 or KESTA-1?", min_confidence=0.0)
    assert partial.abstained
    assert partial.reason == "The review gives NORDA-2's hazard ratio but not KESTA-1's."


def test_a_figure_two_subjects_share_answers_how_much_but_not_which(tmp_path: Path) -> None:
    """ "How much longer with A or B?" is answered by the one figure a sentence gives them
    both; "which …, A or B?" cannot be, as neither has a figure of its own."""
    doc = (
        "# Two drugs\n\n## Results\n\n"
        "Zentamab and quellimab both conferred modest gains in first-line ZCLC, yet the absolute"
        " OS extension was only about 3 months.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "drugs", doc)
    how_much = engine.ask(
        "Roughly how much longer do patients live with zentamab or quellimab?", min_confidence=0.0
    )
    assert how_much.answer is not None and "about 3 months" in how_much.answer
    which = engine.ask(
        "Which gave the longer OS extension, zentamab or quellimab?", min_confidence=0.0
    )
    assert which.abstained


def test_which_gained_more_is_computed_from_each_ones_gain(tmp_path: Path) -> None:
    doc = (
        "# Two trials\n\n## Results\n\n"
        "In the ALPHA-1 trial, zentamab prolonged median OS by 2.1 months over placebo.\n\n"
        "First-line quellimab prolonged median OS compared with placebo (15.4 vs 10.9 months; "
        "HR = 0.63; 95% CI, 0.49-0.82) in patients with measurable disease enrolled in the "
        "phase III BETA-2 trial.\n\n"
        "Both ALPHA-1 and BETA-2 enrolled patients with a median OS of 8-10 months on placebo.\n\n"
        + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "gains", doc)
    answer = engine.ask(
        "ALPHA-1 vs BETA-2: which added more median OS over placebo?", min_confidence=0.0
    )
    # BETA-2's gain (4.5 months) is computed from its pair; the shared sentence is no one's.
    # The answer to "which" holds the name, and the figure where it is stated near it.
    assert answer.answer is not None
    assert "BETA-2" in answer.answer and "15.4 vs 10.9 months" in answer.answer
    assert answer.note is not None and "by 2.1 months" in answer.note
    assert "15.4 vs 10.9 months" in answer.note


@pytest.mark.parametrize(
    ("first", "trial", "opens", "closes"),
    [
        # The name opens the sentence, 200 characters before its figure: "which" is answered
        # by both, verbatim from the one sentence.
        (
            "The single-arm phase II GAMMA-3 trial (NCT09999999) evaluated zentamab given with "
            "low-dose thoracic radiotherapy in previously untreated patients, was well tolerated "
            "across all dose levels and produced durable responses: the confirmed response rate "
            "was 71.4%.",
            "GAMMA-3",
            "GAMMA-3",
            "71.4%",
        ),
        # "benchmark" ends in the name's letters, nearer the figure: the answer starts at the
        # name written whole.
        (
            "The MARK trial tested zentamab in untreated patients, and against the benchmark set "
            "by earlier trials its confirmed response rate was 62.0%.",
            "MARK",
            "MARK trial",
            "62.0%",
        ),
    ],
    ids=["far-apart", "whole-word"],
)
def test_which_keeps_the_name_written_whole_with_its_figure(
    tmp_path: Path, first: str, trial: str, opens: str, closes: str
) -> None:
    doc = (
        f"# Two trials\n\n## Results\n\n{first}\n\n"
        "In the DELTA-8 trial, quellimab plus chemotherapy gave a response rate of 58.0%.\n\n"
        + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "which", doc)
    answer = engine.ask(
        f"Which had the higher response rate: zentamab in {trial} or quellimab in DELTA-8?",
        min_confidence=0.0,
    )
    assert answer.answer is not None
    assert answer.answer.startswith(opens) and answer.answer.endswith(closes)


def test_a_subject_is_searched_for_with_its_own_alternative_only() -> None:
    from sclc_qa.answering.alternatives import without_others

    question = "Which had the higher pCR rate: zentamab in ALPHA-1 or quellimab in BETA-2?"
    assert (
        without_others(question, ["BETA-2"]) == "Which had the higher pCR rate: zentamab in ALPHA-1"
    )
    assert without_others("Lower HR, ALPHA-1 or BETA-2?", ["ALPHA-1"]) == "Lower HR, or BETA-2?"


def test_a_sentence_that_introduces_a_list_is_answered_by_its_items(tmp_path: Path) -> None:
    doc = (
        "# Care\n\n## Options for tumours invading the chest wall\n\n"
        "Treatment options for tumours that invade the chest wall include:\n\n"
        "1. Surgery alone.\n2. Surgery and radiation therapy.\n3. Radiation therapy alone.\n\n"
        + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "care", doc)
    answer = engine.ask(
        "What treatment options are there for tumours invading the chest wall?",
        min_confidence=0.0,
    )
    assert answer.answer is not None and answer.start is not None
    assert "Surgery alone." in answer.answer and "Radiation therapy alone." in answer.answer
    quote = answer.citations[0].quote
    assert answer.answer in quote  # the list is cited as one span of its section
    assert (tmp_path / "corpus" / "care.md").read_text(encoding="utf-8")[
        answer.start : answer.end
    ] == (answer.answer)


def test_a_list_of_headed_items_is_an_enumeration_however_long_each_gloss(
    tmp_path: Path,
) -> None:
    """ "1. Stable zentoma (i.e., …)": a short head, then a long gloss; the items still answer
    "what are the indications …?"."""
    gloss = "disease that stays stable or shrinks on zentamab when a full resection is possible"
    doc = (
        "# Care\n\n## Surgery for advanced zentoma\n\n"
        "Overall, the indications for surgery in advanced zentoma include:\n\n"
        f"1. Stable zentoma (i.e., {gloss}, as judged on two scans taken months apart).\n"
        f"2. Limited progression (i.e., isolated deposits growing on zentamab while {gloss}).\n"
        "3. Emergencies such as bleeding or perforation.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "care", doc)
    asked = "What are the indications for surgery in advanced zentoma?"
    answer = engine.ask(asked, min_confidence=0.0).answer
    assert answer is not None and "Stable zentoma" in answer and "Emergencies" in answer


def test_an_abbreviation_in_brackets_is_answered_with_its_long_form(tmp_path: Path) -> None:
    doc = (
        "# Imaging\n\n## Response\n\n"
        "Nodules were found by low-dose computed tomography (LDCT) "
        "in every trial.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "imaging", doc)
    _, entities = _stages(engine)
    index = engine._answerer.index
    sid, sent = next((i, s) for i, s in enumerate(index.sentences) if "(LDCT)" in s.text)
    text = index.documents[sent.doc].text
    start = text.index("(LDCT)", sent.start) + 1
    s, e = entities._spelled_out(sid, start, start + len("LDCT"))
    assert text[s:e] == "low-dose computed tomography (LDCT)"
    plain = text.index("Nodules", sent.start)
    assert entities._spelled_out(sid, plain, plain + 7) == (plain, plain + 7)


def test_a_clause_that_announces_an_enumeration_is_answered_by_it(hashing_engine: Engine) -> None:
    vocab = hashing_engine._answerer.vocab
    text = (
        "Two strategies dominate current practice in this setting: (i) early consolidation with "
        "thoracic radiotherapy after induction; and (ii) maintenance with a checkpoint inhibitor "
        "until progression or toxicity."
    )
    s, e = explaining_clause(text, profile("What are the two dominant strategies?"), vocab)
    assert text[s:e].startswith("(i) early consolidation")
    assert "(ii) maintenance" in text[s:e]


def test_a_figure_followed_by_its_arm_is_that_arms(hashing_engine: Engine) -> None:
    figures, _ = _stages(hashing_engine)
    text = "The 12-month PFS rate was 38.5% with zentamab versus 21% with placebo."
    assert _first_rate(figures, text, "PFS rate on zentamab?") == "38.5%"
    swapped = "The 12-month PFS rate was 21% with placebo versus 38.5% with zentamab."
    assert _first_rate(figures, swapped, "PFS rate on zentamab?") == "38.5%"
    # Its interval between the figure and the arm does not part them.
    ci = (
        "The 5-year OS rates were 42.9% (95% CI, 38.2%–47.4%) in the zentamab group and 33.4% "
        "(95% CI, 27.3%–39.6%) in the placebo group."
    )
    asked_ci = "What share of patients given zentamab were alive at 5 years?"
    assert _first_rate(figures, ci, asked_ci) == "42.9%"
    # A group the question asks about labels the figure before it, however far the sentence's
    # opening subject stands.
    groups = (
        "In 2,000 specimens from patients treated at Grand Lakes Cancer Institute, ZX1 variants "
        "were found in 15% of tumors from former smokers (181 of 1,218; 95% CI, 13%-17%), 6% "
        "from current smokers (20 of 344), and 52% from never-smokers (302 of 580)."
    )
    asked = profile("At Grand Lakes Cancer Institute, how often was ZX1 found in never-smokers?")
    ranked = figures._rank(groups, outside_intervals(groups, find(groups, "percent")), asked)
    assert groups[ranked[0].start : ranked[0].end] == "52%"
    # "X% of <the group asked about>" is that group's figure, though plain words label it and
    # the question's name stands closer to another figure.
    share = (
        "Although tumour cells show little ZX1 (~7%), 21–48% of stromal immune cells express ZX1."
    )
    asked_share = "What fraction of stromal immune cells express ZX1?"
    assert _first_rate(figures, share, asked_share) == "21–48%"
    # … also behind a modifier the question words otherwise ("intra-stromal immune cells"),
    # but not past the bracket that ends the label.
    modified = "Tumour cells show little ZX1 (~7%), and 21–48% of intrastromal immune cells do."
    assert _first_rate(figures, modified, "What share of immune cells inside the stroma?") == (
        "21–48%"
    )
    cut = "ZX1 amplifications (in 20–30% of cases), QKP-4 pathway mutations (~25%) and others."
    assert _first_rate(figures, cut, "How often are there QKP-4 pathway mutations?") == "~25%"


def test_a_bracketed_figure_is_labelled_by_the_words_before_it(hashing_engine: Engine) -> None:
    figures, _ = _stages(hashing_engine)
    text = (
        "The 5-year survival varies for patients at local stage (64%), nodal stage (36%), or "
        "distant stage (9%)."
    )
    assert _first_rate(figures, text, "5-year survival once spread to distant organs?") == "9%"
    assert _first_rate(figures, text, "5-year survival at a nodal stage?") == "36%"
    # A word every label shares ("stage") tells none apart.
    assert _first_rate(figures, text, "5-year survival by stage?") == "64%"


def test_a_group_of_people_labels_its_bracketed_figure_however_common_its_word(
    tmp_path: Path,
) -> None:
    """In a document about women, "women" is a common word, yet "men (12%) and women (31%)"
    still gives women's figure to a question on women."""
    common = "".join(f"Women in cohort {i} were followed for care.\n\n" for i in range(20))
    doc = (
        "# Zeta-Eta-Hoff Syndrome\n\n## Zetal cysts\n\n"
        "In a study of 176 patients, zetal collapse occurred in men (12%) and women (31%).\n\n"
        + common
        + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "zeh", doc)
    asked = "In the study of 176 patients, how often did women have zetal collapse?"
    assert engine.ask(asked, min_confidence=0).answer == "31%"
    assert engine.ask(asked.replace("women", "men"), min_confidence=0).answer == "12%"


def test_counts_are_read_after_their_label_and_years_are_not_counts(tmp_path: Path) -> None:
    doc = (
        "# Burden\n\n## Figures\n\n"
        "In 2019, the disease caused about 1.1 million new cases worldwide.\n\n"
        "Estimated new cases and deaths in the United Kingdom in 2024:\n\n"
        "- New cases: 48,500.\n- Deaths: 35,100.\n\n"
        "Survival from 2010 to 2016 for patients was studied in a registry.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "burden", doc)
    answer = engine.ask("How many new cases were expected in the UK in 2024?", min_confidence=0)
    assert answer.answer == "48,500"
    # Every conjunct of a long counted phrase is counted: "new lung disease cases and deaths".
    both = "How many new lung disease cases and deaths are expected in the United Kingdom in 2024?"
    figures, _ = _stages(engine)
    sents = engine.index.sentences
    deaths = next(i for i, s in enumerate(sents) if s.text.startswith("Deaths"))
    assert [sents[deaths].text[s.start : s.end] for s in figures.spans(deaths, profile(both))] == [
        "35,100"
    ]
    # A word with a slash in the counted phrase ("zeta/eta cancer cases") keeps it one phrase:
    # both counts are asked, from the list that gives them.
    slashed = "How many new zeta/eta cancer cases and how many deaths are expected in 2024?"
    assert engine.ask(slashed, min_confidence=0).answer == "New cases: 48,500.\n- Deaths: 35,100."
    dated = next(i for i, s in enumerate(sents) if "2010 to 2016" in s.text)
    assert figures.spans(dated, profile("How many patients were studied?")) == []
    other_year = next(i for i, s in enumerate(sents) if "In 2019" in s.text)
    assert figures.spans(other_year, profile("How many new cases were there in 2024?")) == []
    # A list item is dated by the sentence that introduces it.
    assert figures.spans(deaths, profile("How many people died in the UK in 2020?")) == []


def test_a_counted_noun_belongs_to_the_nearest_number_before_it(tmp_path: Path) -> None:
    doc = "ZENITH-4 showed 12 serious events in 41.5% of patients with quellimab."
    enrolled = "How many patients were enrolled in ZENITH-4?"
    events = "How many serious events were seen in ZENITH-4?"
    # "patients" follows 41.5%, not 12: the sentence states no count of patients.
    assert _spans_in(tmp_path, doc, "ZENITH-4", enrolled, events) == [[], ["12 serious events"]]


def test_a_noun_that_modifies_a_counted_event_is_not_what_is_counted(tmp_path: Path) -> None:
    doc = (
        "In ZENITH-4, 88 zentoma deaths occurred in the screened group and 91 in the control group."
    )
    diagnosed = "How many zentomas were diagnosed in ZENITH-4?"
    died = "How many zentoma deaths were there in ZENITH-4?"
    # "88 zentoma deaths" counts deaths: no count of zentomas diagnosed.
    assert _spans_in(tmp_path, doc, "ZENITH-4", diagnosed, died) == [[], ["88 zentoma deaths"]]


def test_people_with_a_newly_diagnosed_disease_are_a_studys_not_new_cases(tmp_path: Path) -> None:
    doc = "In a randomized trial, 346 patients with newly diagnosed zetoma received zentamab."
    asked = "How many new cases of zetoma are diagnosed per year?"
    assert _spans_in(tmp_path, doc, "In a randomized", asked) == [[]]
    done = "Last year 510 patients were newly diagnosed with zetoma."
    assert _spans_in(tmp_path / "done", done, "Last year", asked) == [["510 patients"]]


def test_a_count_keeps_its_share_before_the_verb_asked_and_its_base_after(tmp_path: Path) -> None:
    doc = "Of 70 patients with zetal tumours, 5 (7%) reportedly died from metastatic zetoma."
    asked = "Among 70 patients with zetal tumours, how many died of metastatic zetoma?"
    assert _spans_in(tmp_path, doc, "Of 70", asked) == [["5 (7%) reportedly died"]]
    # A count given per so many keeps its base: the rate is the answer.
    doc = "First screens detect 9 to 26 zetomas per 1,000 screens, later ones far fewer."
    asked = "How many zetomas per 1,000 screens does a first screen find?"
    assert _spans_in(tmp_path / "per", doc, "First screens", asked)[0][0] == (
        "9 to 26 zetomas per 1,000 screens"
    )


def test_how_many_people_die_counts_the_deaths_not_the_people(tmp_path: Path) -> None:
    doc = (
        "# Burden\n\n## Figures\n\n"
        "Estimated new cases and deaths from zentoma in Freedonia in 2031:\n\n"
        "- New cases: 48,500.\n- Deaths: 35,100.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "deaths", doc)
    died = engine.ask(
        "How many people in Freedonia are expected to die of zentoma in 2031?", min_confidence=0.0
    )
    assert died.answer == "35,100"
    new = engine.ask(
        "How many people in Freedonia are expected to get zentoma in 2031?", min_confidence=0.0
    )
    assert new.answer == "48,500"


def test_a_count_and_a_share_asked_together_are_both_answered(tmp_path: Path) -> None:
    doc = (
        "In 2031, zentoma caused approximately 3.1 million new cases worldwide (accounting for "
        "14.2% of all new cancer cases), and led to 1.6 million deaths, with a mortality rate of "
        "16.5%."
    )
    share, died = _answers_in(
        tmp_path,
        doc,
        "How many new zentoma cases were there in 2031, and what share of all new cancers?",
        # "How many people died of X": the verb's events (deaths) are counted.
        "In 2031, how many people died of zentoma and what was the mortality rate?",
    )
    assert share == (
        "approximately 3.1 million new cases worldwide (accounting for 14.2% of all new cancer "
        "cases)"
    )
    assert died == "1.6 million deaths, with a mortality rate of 16.5%"


def test_a_part_stated_in_the_next_sentence_joins_the_answer(hashing_engine: Engine) -> None:
    answer = hashing_engine.ask(
        "In CeLEBrATE, what were median overall survival and median PFS?", min_confidence=0
    )
    assert answer.answer is not None and "12.9 months" in answer.answer
    assert "6.2 months" in answer.answer
    quote = answer.citations[0].quote
    assert answer.answer in quote and quote.startswith("The 1-year OS rate") and quote.endswith(".")


def test_a_reason_answers_why_and_a_means_answers_how() -> None:
    from sclc_qa.answering.shapes import explains

    because = "Because fewer nodes are missed, staging is more accurate."
    by = "The antibody works by binding the receptor on T cells."
    assert explains("Why does sampling more nodes help?", because)
    assert not explains("Why does sampling more nodes help?", by)
    assert explains("How does the antibody work?", by)
    assert not explains("How does the antibody work?", "Staging was more accurate.")
    # "Why is X not done?" is answered by a drawback of doing it, not by its benefit.
    why_not = "Why do surgeons avoid zentamab before an operation?"
    assert explains(why_not, "Zentamab can be harmful to wound healing in the first weeks.")
    assert not explains(why_not, "A single course of zentamab can lower the risk of relapse.")
    assert explains("Why isn't zentamab used early?", "There is concern about its harms.")
    assert not explains("Why is zentamab given?", "There is concern that it breeds resistance.")
    # … and by what a drawback leads to, drawn from the sentence before; a why of a benefit not.
    assert explains(why_not, "Therefore, zentamab is seldom used before surgery.")
    assert not explains("Why is zentamab given?", "Therefore, zentamab prophylaxis is used.")
    # A means is also a verb acting on a target, or a consequence linker.
    acting = "Zentamab traps the enzyme on DNA, thereby stalling the replication fork."
    assert explains("How does zentamab kill the cell?", acting)
    assert explains("How does it work?", "The drug up-regulates MHC-I on tumor cells.")
    assert not explains("How does it work?", "The targeted agent was approved in 2020.")
    # What holds something back is asked as a reason, stated as what limits it.
    limited = "Its use remains constrained by the scarcity of cyclotrons."
    assert explains("What is holding back QKP-4 therapy?", limited)
    assert explains("What's the main obstacle to using QKP-4?", limited)
    assert not explains("What is holding back QKP-4 therapy?", by)
    # A reason is also named as such: a consequence, an explanation, what accounts for it.
    named = "One potential explanation was the delay before radiation therapy."
    assert explains("Why did zetaplatin underperform?", named)
    assert explains("Why does glycolysis rise?", "The shift is a consequence of ZX1 activation.")


def test_the_last_arm_of_a_run_keeps_its_label(hashing_engine: Engine) -> None:
    figures, _ = _stages(hashing_engine)
    text = (
        "The 3-year OS rate was 71% in the zentamab group and 52% in the placebo group (HR, 0.6)."
    )
    prof = profile("What were the 3-year OS rates with zentamab and placebo?")
    s, e = figures.widen(text, find(text, "percent")[0], prof)
    assert text[s:e] == "71% in the zentamab group and 52% in the placebo group"
    bare = "The 3-year OS rate was 71% and 52% in the placebo group."
    s, e = figures.widen(bare, find(bare, "percent")[0], prof)
    assert bare[s:e] == "71% and 52%"  # the first arm has no label: none is taken


def test_another_asked_endpoint_comes_with_its_whole_run(hashing_engine: Engine) -> None:
    figures, _ = _stages(hashing_engine)
    text = (
        "ZENITH-4 gave PFS rates of 41% and 22% at one and three years, "
        "and OS rates of 70% and 35%."
    )
    question = "In ZENITH-4, what were the PFS and OS rates at 1 and 3 years?"
    assert _widened(figures, text, question).endswith("OS rates of 70% and 35%")


def test_a_range_of_rates_is_one_figure_and_or_joins_two(hashing_engine: Engine) -> None:
    figures, _ = _stages(hashing_engine)
    text = "Surgery carries a 5% to 8% mortality with resection A or a 1% to 3% mortality with B."
    prof = profile("Mortality: resection A versus B?")
    s, e = figures.widen(text, find(text, "percent")[1], prof)
    # The last rate keeps the endpoint named after it, as the first does.
    assert text[s:e] == "5% to 8% mortality with resection A or a 1% to 3% mortality"
    assert parts_share("5% to 8%", prof) == 0.5 and parts_share("5% vs 8%", prof) == 1.0


def test_a_sentence_that_is_only_a_link_answers_nothing(tmp_path: Path) -> None:
    doc = (
        "# Care\n\n## Local therapy\n\n[Endoscopic therapies](/care#_12)\n\n"
        "Endoscopic therapies that spare the airway include cryotherapy and laser therapy.\n\n"
        + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "care", doc)
    answer = engine.ask("Which endoscopic therapies spare the airway?", min_confidence=0)
    assert answer.answer is not None and "cryotherapy" in answer.answer
    assert all("](/care" not in c.quote for c in answer.citations)


def test_parts_from_both_neighbours_are_all_inside_the_quote(tmp_path: Path) -> None:
    doc = (
        "# Trial\n\n## Results\n\nThe median DoR was 8.1 months. In the ZENITH-4 trial the "
        "median OS was 12.9 months. Median PFS reached 6.2 months.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "neighbours", doc)
    answer = engine.ask(
        "In ZENITH-4, what were the median OS, PFS and duration of response?", min_confidence=0
    )
    assert answer.answer is not None
    assert all(f in answer.answer for f in ("8.1 months", "12.9 months", "6.2 months"))
    quote = answer.citations[0].quote
    assert answer.answer in quote and quote.startswith("The median DoR")


def test_a_preposition_repeated_before_each_arm_asks_for_both(hashing_engine: Engine) -> None:
    figures, _ = _stages(hashing_engine)
    text = (
        "The median PFS was 23.7 months in the zentamab group and 16.6 months in the placebo group."
    )
    prof = profile("ZENITH-2: median PFS with zentamab plus lorbitinib and with placebo?")
    assert asks_several(prof)
    assert not asks_several(profile("What was the median PFS with zentamab plus lorbitinib?"))
    # The second arm ranks first (it follows "placebo"): the run is still taken whole, and
    # the last arm keeps its label.
    s, e = figures.widen(text, find(text, "duration")[1], prof)
    assert text[s:e] == "23.7 months in the zentamab group and 16.6 months in the placebo group"


def test_a_figure_asked_against_another_arm_takes_both_arms_beside_the_ratio(
    hashing_engine: Engine,
) -> None:
    figures, _ = _stages(hashing_engine)
    text = (
        "The median PFS was 31.4 months with zentamab and 6.2 months with placebo (HR, 0.21; "
        "95% CI, 0.12–0.30)."
    )
    prof = profile("What median PFS did zentamab give in ZENITH-3, against placebo, and the HR?")
    assert asks_several(prof)
    s, e = figures.widen(text, find(text, "hr")[0], prof)
    assert text[s:e].startswith("31.4 months with zentamab and 6.2 months")


def test_another_kind_is_asked_once_per_endpoint(hashing_engine: Engine) -> None:
    figures, _ = _stages(hashing_engine)
    text = "Median PFS was 8.2 months, OS 20.1 months, and the ORR reached 50.0% in the cohort."
    prof = profile("In the zentamab cohort, what were median PFS, OS and ORR?")
    s, e = figures.widen(text, find(text, "percent")[0], prof)
    # The later figures are named by their endpoints, so the first one keeps its label too.
    assert text[s:e] == "Median PFS was 8.2 months, OS 20.1 months, and the ORR reached 50.0%"


def test_a_part_of_another_kind_is_taken_from_the_sentence_before(tmp_path: Path) -> None:
    doc = (
        "# Trial\n\n## Results\n\n- The median PFS was 16.8 months with zentamab versus "
        "5.6 months with placebo.[[16](#cit/s.16)][[Level of evidence B1](/popups/810025)] "
        "The 18-month PFS rate was 44.2% with zentamab versus 27% with placebo.\n"
        "- Benefit was seen in all subgroups.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "kinds", doc)
    answer = engine.ask(
        "What was median PFS with zentamab and the 18-month PFS rate?",
        min_confidence=0,
    )
    assert answer.answer is not None
    assert "16.8 months" in answer.answer and "44.2%" in answer.answer
    quote = answer.citations[0].quote
    assert answer.answer in quote and "subgroups" not in quote


def test_a_verdict_is_recognised_in_its_common_forms() -> None:
    from sclc_qa.answering.shapes import _VERDICT

    for stated in (
        "Patients with active autoimmune disease cannot be treated with zentamab.",
        "The combination remains investigational after progression.",
        "Both phase III trials were discontinued because of toxicity.",
        "Robust predictive biomarkers are lacking.",
        "Zentamab failed to improve OS.",
    ):
        assert _VERDICT.search(stated), stated
    assert not _VERDICT.search("Zentamab was given to patients in two phase II cohorts.")


def test_a_reason_stated_by_the_next_sentence_answers_why(tmp_path: Path) -> None:
    doc = (
        "# Care\n\n## Diagnosis\n\nBefore treatment begins, an experienced pathologist must "
        "review the biopsy material. This is critical because small cell tumours can be "
        "confused with other types under the microscope.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "reasons", doc)
    answer = engine.ask(
        "Why must an experienced pathologist review the biopsy material before treatment?",
        min_confidence=0,
    )
    assert answer.answer is not None and "confused with other types" in answer.answer
    assert answer.answer in answer.citations[0].quote


def test_between_a_and_b_names_the_two_sides_compared(tmp_path: Path) -> None:
    doc = (
        "# KRAS\n\n## Adagrasib\n\nThe median PFS with adagrasib was 6.5 months in KRAS G12C "
        "disease.\n\n## Sotorasib\n\nThe median PFS with sotorasib was 6.8 months.\n\n"
        + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "kras", doc)
    comparer = engine._answerer.comparer
    prof = profile(
        "Between adagrasib and sotorasib for pretreated KRAS G12C disease, which had the "
        "longer median PFS?"
    )
    assert comparer.subjects(prof) == ["adagrasib", "sotorasib"]


def test_a_yes_no_answer_keeps_the_conclusion_drawn_in_the_next_sentence(tmp_path: Path) -> None:
    from sclc_qa.answering.scoring import Scored

    finding = "In ZENITH-4, zentamab maintenance improved PFS compared with placebo."
    verdict = "However, zentamab remains investigational after progression (12)."
    doc = f"# Trial\n\n## Results\n\n{finding} {verdict}\n\nA new paragraph.\n\n" + _BACKGROUND
    engine = _engine_over(tmp_path, "verdict", doc)
    answerer = engine._answerer
    sid = next(i for i, s in enumerate(answerer.index.sentences) if s.text.startswith("In ZEN"))
    best = Scored(sid, 1.0, 1.0, ())
    text = answerer.index.documents["verdict"].text
    asked = answerer.extractor.extract(
        profile("Is zentamab an option after progression?"), best, []
    )
    assert asked is not None and asked.cite is not None
    assert text[asked.start : asked.end] == f"{finding} {verdict[: verdict.index(' (12)')]}"
    assert text[asked.cite[0] : asked.cite[1]].startswith(finding)
    # Other kinds keep to the best sentence.
    how = answerer.extractor.extract(profile("How did zentamab do in ZENITH-4?"), best, [])
    assert how is not None and text[how.start : how.end] == finding[:-1]


def test_an_answer_naming_a_later_figures_endpoint_names_the_first_ones_too() -> None:
    from sclc_qa.answering.labels import endpoint_label

    def grown(text: str, answer: str) -> str:
        start = text.index(answer)
        return text[endpoint_label(text, start, start + len(answer)) : start + len(answer)]

    text = "It was active (among 35 patients, the confirmed ORR was 80% and the DCR 91.4%)."
    assert grown(text, "80% and the DCR 91.4%") == "the confirmed ORR was 80% and the DCR 91.4%"
    text = "In ZENITH-4, median PFS was 8.2 months, OS 20.1 months, and the ORR reached 50.0%."
    assert grown(text, "8.2 months, OS 20.1 months").startswith("median PFS was 8.2")
    # Figures told apart by arm, a single figure with its CI, a word inside a closed bracket.
    arms = "The 5-year OS rate was 88% in the zentamab group and 78% in the placebo group."
    assert grown(arms, "88% in the zentamab group and 78%") == "88% in the zentamab group and 78%"
    assert grown("The ORR was 64% (95% CI, 46%–79%).", "64% (95% CI, 46%–79%)").startswith("64%")
    text = "As maintenance (not at progression) it improved PFS 5.4 vs. 2.1 months and OS 13.2."
    assert grown(text, "PFS 5.4 vs. 2.1 months and OS 13.2") == "PFS 5.4 vs. 2.1 months and OS 13.2"


def test_a_cutoff_that_defines_a_subgroup_is_not_its_result(tmp_path: Path) -> None:
    line = "Phase I data showed a 38% ORR in patients with ≥50% ZX3-expressing tumor cells."
    engine = _engine_over(tmp_path, "cutoff", f"# Trial\n\n## Results\n\n{line}\n\n" + _BACKGROUND)
    figures, _ = _stages(engine)
    sid = next(i for i, s in enumerate(engine.index.sentences) if s.text.startswith("Phase I"))
    asked = profile("What was the response rate in tumours with high ZX3 expression?")
    spans = figures.spans(sid, asked)
    text = engine.index.sentences[sid].text
    assert [text[s.start : s.end] for s in spans] == ["38%"]


def test_a_row_keyed_by_the_term_asked_about_defines_it(tmp_path: Path) -> None:
    # Z2 is named by more stage-group rows than the first candidates hold: the row keyed by it
    # is looked up.
    groups = "".join(f"| {g} | T{t}, Z2, M0 |\n" for g, t in zip("ABCDEF", "123456", strict=True))
    table = (
        "# Staging\n\n## M categories\n\n| M category | Description |\n|---|---|\n"
        "| M1a | Separate tumor nodules in a contralateral lobe. |\n"
        "| M1z | Single extrathoracic metastasis in a single organ. |\n\n"
        "## Stage groups\n\n| Stage | Groups |\n|---|---|\n| IVA | Any T, Any N, M1z |\n"
        + groups
        + "\n## Z categories\n\n| Z category | Description |\n|---|---|\n"
        "| Z1 | Metastasis in ipsilateral peribronchial lymph nodes. |\n"
        "| Z2 | Metastasis in ipsilateral mediastinal lymph nodes. |\n\n"
    )
    engine = _engine_over(tmp_path, "staging", table + _BACKGROUND)
    answer = engine.ask("What does M1z mean in staging?", min_confidence=0.0)
    assert answer.answer == "Single extrathoracic metastasis in a single organ."
    answer = engine.ask("What does Z2 mean in lung cancer staging?", min_confidence=0.0)
    assert answer.answer == "Metastasis in ipsilateral mediastinal lymph nodes."


def test_the_row_naming_every_asked_name_is_a_candidate_once_its_table_is_found(
    tmp_path: Path,
) -> None:
    # The row asked about carries a long illustration cell, which can rank it out of the
    # retrieved passages; once a sibling row is found, the row naming all of "Q3, Z3, M0" is
    # weighed too, and the rows that miss one of them rank below it.
    short = "".join(
        f"| G{i} | Q{t}, Z{z}, M0 |  |\n"
        for i, (t, z) in enumerate([(1, 3), (2, 3), (4, 3), (3, 1), (3, 2), (1, 2)])
    )
    drawing = "Drawing shows a primary tumour with separate nodules and lymph nodes. " * 12
    table = (
        "# Staging\n\n## Stage groups\n\n| Stage | Groups | Illustration |\n|---|---|---|\n"
        + short
        + f"| G9 | Q3, Z3, M0 | {drawing} |\n\n"
    )
    background = _BACKGROUND + "".join(f"Care note {i} on imaging.\n\n" for i in range(80))
    engine = _engine_over(tmp_path, "staging", table + background)
    question = "Which stage group is Q3, Z3, M0?"
    query = engine._retriever.prepare(question)
    hits = [
        h
        for h in engine._retriever.search(query, 8)
        if h.chunk.kind == "table_row" and "G9" not in h.chunk.text
    ]
    assert hits
    scored = engine._answerer.scorer.score(query, hits[:1])
    assert engine.index.sentences[scored[0].sid].text.startswith("G9 | Q3, Z3, M0")
    assert engine.ask(question, min_confidence=0.0).answer == "G9"


def test_a_run_of_doses_keeps_the_asked_name_that_labels_its_first(hashing_engine: Engine) -> None:
    figures, _ = _stages(hashing_engine)
    text = "Arm 1: Zentamab 50 mg plus quellimab 900 mg with chemotherapy."
    prof = profile("What doses of zentamab and quellimab were given in arm 1?")
    span = find(text, "dose")[0]
    s, e = figures.widen(text, span, prof)
    assert text[s:e] == "Zentamab 50 mg plus quellimab 900 mg"


def test_figures_reported_side_by_side_are_each_their_labels(tmp_path: Path) -> None:
    doc = (
        "# One trial\n\n## Results\n\n"
        "In the phase III ZENITH-7 trial, two antibodies were compared.\n\n"
        "The median PFS was 20.1 months in the zentamab group and 14.2 months in the "
        "quellimab group (HR, 0.70; 95% CI, 0.58-0.85).\n\n"
        "Subcutaneous zentamab gave a median PFS of 6.1 months in another study.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "side", doc)
    answer = engine.ask(
        "ZENITH-7: zentamab or quellimab - which gave longer median PFS?", min_confidence=0.0
    )
    assert not answer.abstained and answer.answer is not None
    assert answer.answer.startswith("20.1 months") and "zentamab" in answer.answer
    assert answer.note is not None and "quellimab 14.2 months" in answer.note
    # The other order, the names first: "A (30%) and B (21%)".
    from sclc_qa.answering.comparisons import _labels

    text = "response rates were zentamab (30%) and quellimab (21%)"
    run = find(text, "percent")
    assert _labels(text, run, ["quellimab", "zentamab"]) == ["zentamab", "quellimab"]
    assert _labels(text, run[:1], ["zentamab"]) is None


def test_a_this_sentence_that_gives_the_reason_is_the_answer_to_why(tmp_path: Path) -> None:
    doc = (
        "# Care\n\n## Diagnosis\n\n"
        "Before zentamab is started, a trained reader must review the biopsy slides. "
        "This matters because quellomas can be mistaken for zentomas under the microscope. "
        "Stains help in hard cases.\n\n"
        "## Mechanism\n\n"
        "Zentamab binds ZX1 on tumour cells. This blocks binding of ZX2 to its receptor.\n\n"
        + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "care", doc)
    why = engine.ask("Why does it matter that the biopsy slides are reviewed?", min_confidence=0.0)
    assert why.answer is not None and "mistaken for zentomas" in why.answer
    # A "This …" sentence that only words a means still needs what it refers back to.
    how = engine.ask("How does zentamab block ZX2?", min_confidence=0.0)
    assert how.answer is not None and "binds ZX1" in how.answer


def test_an_endpoint_asked_by_its_abbreviation_is_not_an_unknown_name(tmp_path: Path) -> None:
    doc = (
        "# Trial\n\n## Results\n\n"
        "In ZENITH-2, the pathological complete response rate was 31% with zentamab.\n\n"
        "Lymph node evaluation should include 9 to 14 lymph nodes.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "pcr", doc)
    rate = engine.ask("ZENITH-2 pCR rate with zentamab?", min_confidence=0.0)
    assert rate.answer is not None and rate.answer.startswith("31%")
    # "How many X should …": the modal ends the counted noun, and a range is one count.
    nodes = engine.ask("How many lymph nodes should be examined?", min_confidence=0.0)
    assert nodes.answer == "9 to 14 lymph nodes"


def test_what_is_an_abbreviation_gives_its_long_form_and_what_it_is(tmp_path: Path) -> None:
    doc = (
        "# Drugs\n\n## Conjugates\n\n"
        "Zentopotamab deruxtecan (Zento-DXd) is an antibody-drug conjugate that targets ZX1.\n\n"
        "Low-dose zentotherapy (LDZT) was given weekly.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "conjugates", doc)
    what = engine.ask("What is Zento-DXd?", min_confidence=0.0)
    assert what.answer == (
        "Zentopotamab deruxtecan (Zento-DXd) is an antibody-drug conjugate that targets ZX1"
    )
    spelled = engine.ask("What does Zento-DXd stand for?", min_confidence=0.0)
    assert spelled.answer == "Zentopotamab deruxtecan"
    # Nothing said of what it is: the long form alone.
    assert engine.ask("What is LDZT?", min_confidence=0.0).answer == "Low-dose zentotherapy"


def test_which_xs_is_answered_by_the_series_that_lists_them(tmp_path: Path) -> None:
    doc = (
        "# Care\n\n## Local options\n\n"
        "Zentomas of the airway are often found early. "
        "Airway treatments that spare the lung include laser ablation, cryotherapy, balloon "
        "dilation, and zento-blue light therapy.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "local", doc)
    answer = engine.ask("Which airway treatments spare the lung?", min_confidence=0.0)
    assert (
        answer.answer
        == "laser ablation, cryotherapy, balloon dilation, and zento-blue light therapy"
    )


def test_a_share_keeps_what_it_is_a_share_of() -> None:
    from sclc_qa.answering.labels import base_end

    def based(text: str, figure: str) -> str:
        start = text.index(figure)
        return text[start : base_end(text, start + len(figure))]

    assert based("ZX1 is overexpressed in 70-80% of SCLC tumors.", "70-80%") == (
        "70-80% of SCLC tumors"
    )
    # The base ends where what it did begins: a verb, a function word, a participle.
    text = "In 18.5–56.3% of intratumoral immune cells express ZX1."
    assert based(text, "18.5–56.3%") == "18.5–56.3% of intratumoral immune cells"
    assert based("It was 45% of patients treated with zentamab.", "45%") == "45% of patients"
    assert based("It was 45% in the zentamab arm.", "45%") == "45%"
    assert based("Response was 45% of the.", "45%") == "45%"


def test_a_figure_labelled_after_its_base_is_that_arms(hashing_engine: Engine) -> None:
    figures, _ = _stages(hashing_engine)
    text = (
        "Complete response occurred in 4.0% of patients in the placebo group and in 18.1% of "
        "patients in the zentamab group."
    )
    asked = "What was the complete response rate with zentamab?"
    assert _first_rate(figures, text, asked) == "18.1%"


def test_an_item_after_one_wrapped_over_many_lines_keeps_its_lead_in(tmp_path: Path) -> None:
    """A trial's bold heading, then its bullets, one of them wrapped over a dozen lines: the
    bullets after it still report on the heading, not on the wrapped lines."""
    from sclc_qa.blocks import list_lead_ins

    wrapped = "\n".join(f"Women of cohort {i} were excluded at entry." for i in range(12))

    doc = (
        "# Trials\n\n## Appendix\n\n"
        "**Zentoma Screening Plan, Atlantis 1971**\n\n"
        "- **Age at entry:** 40 to 64 years.\n"
        f"- **Cause of death attribution:** {wrapped}\n"
        "- **Relative risk of zentoma death (95% CI):** 0.71 (0.55–0.93) at 10 years.\n"
    )
    engine = _engine_over(tmp_path, "plans", doc)
    sents = engine.index.sentences
    risk = next(i for i, s in enumerate(sents) if "0.71" in s.text)
    lead = list_lead_ins(engine.index)[risk]
    assert lead and "Zentoma Screening Plan" in sents[lead[0]].text
    answer = engine.ask(
        "In the Zentoma Screening Plan, what was the relative risk of zentoma death at 10 years?",
        min_confidence=0.0,
    )
    assert answer.answer is not None and answer.answer.endswith("0.71 (0.55–0.93)")


def test_which_trial_is_answered_by_the_name_its_lead_in_gives(tmp_path: Path) -> None:
    doc = (
        "# Neoadjuvant therapy\n\n## Trials\n\n"
        "1. ZENITH 7X was a phase III trial that enrolled 700 patients with resectable "
        "disease who received zentamab with chemotherapy or placebo.\n"
        "   - The complete response rate was 25.3% in the zentamab group and 4.7% in the "
        "placebo group.\n\n"
        "2. ZENITH 816 was a phase III trial that enrolled 358 patients who received "
        "quellimab with chemotherapy or chemotherapy alone.\n"
        "   - The complete response rate was 2.2% in the quellimab group and 1.1% in the "
        "control group.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "lead-ins", doc)
    answer = engine.ask(
        "Which trial reported the higher complete response rate, ZENITH 816 or ZENITH 7X?",
        min_confidence=0,
    )
    assert answer.answer == "ZENITH 7X"
    first = answer.citations[0]
    assert answer.answer in first.quote and "was a phase III trial" in first.quote
    assert any("25.3%" in c.quote for c in answer.citations[1:])
    text = engine.index.documents["lead-ins"].text
    assert answer.start is not None and text[answer.start : answer.end] == "ZENITH 7X"


def test_series_length_counts_an_enumerations_items_not_a_clauses_commas() -> None:
    # The first item may close a long clause; asides in brackets carry commas of their own.
    listed = (
        "The ZX1 family of enzymes mediate quick splice repair (QSR) and slow fold repair "
        "(SFR, a slower route), and late end joining (LEJ) (12)."
    )
    assert series_length(listed) == 3
    assert series_length("Common reactions were rash, cough, nausea, fatigue, and fever.") == 5
    assert series_length("Zentamab binds MARK and blocks its signal.") == 2
    # Commas between clauses, with no closing "and" / "or", make no series.
    assert series_length("In ZENITH-7, the median OS was 12.0 months, compared with 9.1.") == 1
    assert series_length("Quellimab is approved.") == 1


def test_clause_of_is_the_clause_that_holds_the_span() -> None:
    text = (
        "Zentamab is now first-line for zentoma, extending OS by 3 months, yet lasting "
        "remissions are seen in fewer than 15% of patients; costs remain high."
    )
    at = text.index("fewer")
    assert (
        clause_of(text, at, at + 14)
        == "yet lasting remissions are seen in fewer than 15% of patients"
    )
    at = text.index("3 months")
    assert clause_of(text, at, at + 8) == "extending OS by 3 months"
    assert clause_of("Quellimab shrank 40% of tumors.", 17, 20) == "Quellimab shrank 40% of tumors."


def test_a_figure_is_labelled_by_its_hyphenated_arm_after_for_patients_in_the(
    tmp_path: Path,
) -> None:
    doc = (
        "# Trial\n\n## Results\n\n"
        "ZENITH-7 randomly assigned 580 patients to zentamab with or without chemotherapy.\n\n"
        "The median PFS was 6.0 months (5.1-7.2) for patients in the zentamab-monotherapy group "
        "and 9.1 months (8.0-10.4) for patients in the zentamab-plus-chemotherapy group.\n\n"
        + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "arms", doc)
    both = engine.ask(
        "What was the median PFS with zentamab plus chemotherapy in ZENITH-7?", min_confidence=0.0
    )
    assert both.answer is not None and both.answer.startswith("9.1 months")
    alone = engine.ask(
        "What was the median PFS with zentamab monotherapy in ZENITH-7?", min_confidence=0.0
    )
    assert alone.answer is not None and alone.answer.startswith("6.0 months")


def test_a_rate_measured_at_a_site_answers_only_a_question_about_that_site(
    tmp_path: Path,
) -> None:
    doc = (
        "# Trial\n\n## Results\n\n"
        "ZENITH-9 enrolled 140 patients who received quellimab.\n\n"
        "Among 40 patients with stable brain metastases, the intracranial objective response "
        "rate was 31.0% with quellimab.\n\n"
        "In ZENITH-9, the objective response rate was 44.0% with quellimab.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "sites", doc)
    figures, _ = _stages(engine)
    sents = engine.index.sentences
    inside = next(i for i, s in enumerate(sents) if "intracranial" in s.text)
    overall = next(i for i, s in enumerate(sents) if "44.0%" in s.text)
    plain = profile("What was the response rate with quellimab in ZENITH-9?")
    cns = profile("What CNS response rate did quellimab achieve in ZENITH-9?")
    assert figures.spans(inside, plain) == [] and figures.spans(overall, cns) == []
    assert [sents[inside].text[s.start : s.end] for s in figures.spans(inside, cns)] == ["31.0%"]
    # A question that names the site elsewhere may take the site's figure.
    brain = profile("What response rate did quellimab give patients with brain metastases?")
    assert figures.spans(inside, brain) != []


def test_a_sentence_stating_another_stage_does_not_answer_for_its_headings_stage(
    tmp_path: Path,
) -> None:
    doc = (
        "# Zentoma\n\n## Treatment of stages IIA and IIB zentoma\n\n"
        "The 5-year survival rate for patients with stage IIA zentoma is 40% to 50%.\n\n"
        + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "stages", doc)
    assert engine.ask("5-year survival for stage IIA zentoma?", min_confidence=0.0).answer == (
        "40% to 50%"
    )
    other = engine.ask("5-year survival for stage IIB zentoma?", min_confidence=0.0)
    assert other.abstained and other.answer is None


def test_a_trial_on_one_side_and_a_drug_on_the_other_are_compared(tmp_path: Path) -> None:
    doc = (
        "# Trials\n\n## Combinations\n\n"
        "In the phase II ZENITH-3 trial, the combination of quellimab and chemotherapy showed "
        "first-line activity. The objective response rate was 61.0% (95% CI 50.1-70.9).\n\n"
        "In a phase Ib study, zentamab plus chemotherapy was tolerable, and the objective "
        "response rate was 48.0%.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "sides", doc)
    answer = engine.ask(
        "Which had the higher response rate: the ZENITH-3 regimen or zentamab plus "
        "chemotherapy in the phase Ib study?",
        min_confidence=0.0,
    )
    # The figure's sentence does not write its trial's name: the figure answers, and the note
    # names the winner beside both figures.
    assert answer.answer == "61.0% (95% CI 50.1-70.9)"
    assert answer.note is not None and "48.0%" in answer.note
    assert answer.note.endswith("the higher is ZENITH-3's.")


def test_a_winner_is_labelled_by_the_name_its_figure_sentence_writes(tmp_path: Path) -> None:
    # The question offers "zentamab plus chemotherapy in ZENITH-7"; the figure's sentence names
    # the arm, in a hyphenated label, not the trial: the answer is that arm with its figure.
    doc = (
        "# Trials\n\n## ZENITH-7\n\nThe phase III ZENITH-7 trial compared zentamab plus "
        "chemotherapy with zentamab alone in untreated zentoma.\n\n"
        "- Median PFS was 31.5 months for patients in the zentamab-plus-chemotherapy group and "
        "19.2 months in the zentamab-alone group.\n\n"
        "## QUASAR-2\n\nIn the QUASAR-2 trial of quellimab, median PFS was 27.4 months.\n\n"
        + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "arms", doc)
    answer = engine.ask(
        "Which gave the longer median PFS, quellimab in QUASAR-2 or zentamab plus "
        "chemotherapy in ZENITH-7?",
        min_confidence=0.0,
    )
    assert answer.answer == "31.5 months for patients in the zentamab-plus-chemotherapy group"
    comparer = engine._answerer.comparer
    prof = profile("Which was longer, quellimab in QUASAR-2 or zentamab in ZENITH-7?")
    assert comparer.side_names(prof, "ZENITH-7") == ["zentamab"]
    assert comparer.side_names(prof, "QUASAR-2") == ["quellimab"]


def test_each_arm_is_compared_on_the_figure_its_label_names(tmp_path: Path) -> None:
    # Both sentences also give the shared control arm's figure: each subject's is the one its
    # own arm label follows, not the first of the sentence.
    doc = (
        "# Trial\n\n## ZENITH-9\n\nZENITH-9 randomly assigned 900 patients with zentoma to "
        "three arms.\n\n"
        "- The 24-month OS rate was 31.5% in the zentamab-plus-chemotherapy arm and 20.1% in "
        "the chemotherapy-alone arm.\n"
        "- The 24-month OS rate was 35.2% in the quellimab-plus zentamab-and-chemotherapy arm "
        "and 20.1% in the chemotherapy-alone arm.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "arms", doc)
    answer = engine.ask(
        "In ZENITH-9, which arm had the higher 24-month survival: zentamab plus chemo, or "
        "quellimab plus zentamab plus chemo?",
        min_confidence=0.0,
    )
    assert answer.answer == "35.2% in the quellimab-plus zentamab-and-chemotherapy arm"
    assert answer.note is not None and "31.5%" in answer.note


def test_the_study_referred_back_to_is_the_one_named_before(tmp_path: Path) -> None:
    # "The pooled analysis" is the meta-analysis of the sentence before, whose trials the
    # question abbreviates ("RCTs"); a meta-analysis introduces a study of its own.
    text = (
        "A recent meta-analysis of 9 randomized controlled trials compared 11 regimens for "
        "zentoma. The pooled analysis showed that zentamab reduced the risk of death compared "
        "with chemotherapy alone (HR 0.55, 95% CI 0.40-0.75).\n\n"
        "In the ZENITH-3 trial, quellimab reduced the risk of death (HR 0.81; P = 0.03)."
    )
    question = "In the meta-analysis of 9 RCTs, what was the hazard ratio for death with zentamab?"
    assert _answers_in(tmp_path, text, question) == ["HR 0.55, 95% CI 0.40-0.75"]


def test_a_figure_question_passes_over_a_first_sentence_without_one(tmp_path: Path) -> None:
    # A ranker that puts sentences holding no figure first (a trial's design above its
    # results): the answer still comes from the next sentence, which holds the asked rate.
    text = (
        "The ZENITH-8 study randomly assigned 300 patients with operable zentoma to zentascan "
        "or quelloscan imaging to detect occult bone metastases.\n\n"
        "- Patients with stage I disease had a detection rate of 5%; however, individuals with "
        "stage III disease had a detection rate of 13.2%."
    )
    engine, _ = _indexed(tmp_path, text, "13.2%")
    _rank_low_first(engine, "spans")
    question = "In ZENITH-8, what was the bone metastasis detection rate for stage III?"
    answer = engine.ask(question, min_confidence=0.0)
    assert answer.answer == "13.2%"


def test_a_row_keyed_by_the_asked_name_is_told_from_one_that_lists_it(tmp_path: Path) -> None:
    text = (
        "| Category | Description |\n|---|---|\n| Z1 | Zentoma confined to one lobe. |\n"
        "| Z2 | Zentoma in both lobes. |\n\n| Stage | Categories |\n|---|---|\n| IV | Any Q, Z2 |\n"
    )
    engine, _ = _indexed(tmp_path, text, "both lobes")
    scorer = engine._answerer.scorer
    rows = {s.text: s for s in engine.index.sentences if s.kind == "table_row"}
    asked = profile("What does Z2 denote?")
    assert scorer._keyed_by(rows["Z2 | Zentoma in both lobes."], asked)
    assert not scorer._keyed_by(rows["IV | Any Q, Z2"], asked)
    assert not scorer._keyed_by(rows["Z1 | Zentoma confined to one lobe."], asked)


def test_a_plural_figure_question_passes_over_a_sentence_giving_one(tmp_path: Path) -> None:
    # A ranker that puts sentences with no series first: "which schedules …?" is still
    # answered by the sentence that lists several.
    text = (
        "Early ZENITH-1 trials of zentamab found its tolerated dose at 20 mg × 3 for small "
        "tumors.\n\nCommonly used zentamab schedules include 20 mg × 3, 10 mg to 15 mg × 4, "
        "and 8 mg × 5."
    )
    engine, _ = _indexed(tmp_path, text, "Commonly used")
    _rank_low_first(engine, "series")
    answer = engine.ask("Which zentamab dosing schedules are commonly used?", min_confidence=0.0)
    assert answer.answer == "20 mg × 3, 10 mg to 15 mg × 4, and 8 mg × 5"


def test_study_as_a_modifier_does_not_start_another_study(tmp_path: Path) -> None:
    # "study treatment", "the overall study population": still the trial the paragraph named.
    text = (
        "The phase III ZENITH-6 trial randomly assigned 400 patients with resected zentoma to "
        "zentamab or placebo. Patients started study treatment within 12 weeks of surgery. "
        "The primary end point was DFS in the overall study population and in patients with a "
        "high marker score, as determined using the Q7 zentara assay.\n\n"
        "In the QUASAR-1 trial, quellimab improved DFS in the overall study population."
    )
    question = "Which assay was used to measure the marker score in ZENITH-6?"
    assert _answers_in(tmp_path, text, question) == ["Q7 zentara assay"]


def test_a_class_of_things_no_document_names_is_refused_by_name(tmp_path: Path) -> None:
    doc = (
        "# Zentoma\n\n## Treatment\n\nZentamab shrank the tumor in 40% of patients with "
        "zentoma in ZENITH-4, a point its advantages rest on. Quellimab was approved by "
        "Zentara Biopharma. The zx3 subtype of zentoma shows the highest ZX1 score.\n\n"
        + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "zentoma", doc)
    refused = engine.ask("Which planet is zentoma named after?", min_confidence=0.0)
    assert refused.abstained and refused.reason == "The review does not mention any planet."
    # A property of a kind no document uses: a point, but a boiling one.
    boiling = engine.ask("What is the boiling point of zentamab?", min_confidence=0.0)
    assert boiling.reason == "The review does not mention any boiling point."
    # A kind of a class the text names, by a plain word no document uses.
    club = engine.ask(
        "Which football subtype of zentoma shows the highest ZX1 score?", min_confidence=0
    )
    assert club.reason == "The review does not mention any football subtype."
    # A word for a kind of thing, not a class of named things, is no class unheard of.
    habits = engine.ask("Which eating habits raise the risk of zentoma?", min_confidence=0)
    assert "habit" not in (habits.reason or "")
    # The documents' own words under another spelling, a class the answerer knows by its
    # members, and a phrase headed by no class noun are all still looked for.
    for question in (
        "Which tumour did zentamab shrink?",
        "Which company makes zentamab?",
        "What kinds of patients received zentamab?",
        "What are the supposed advantages of zentamab?",
        # another word for the same kind of grouping: the text's "subtype"
        "Which cluster of zentoma shows the highest ZX1 score?",
    ):
        answer = engine.ask(question, min_confidence=0.0)
        assert "does not mention any" not in (answer.reason or ""), question


def test_a_list_introduced_by_the_best_sentence_gives_its_items_figures(tmp_path: Path) -> None:
    from sclc_qa.answering.scoring import Scored

    doc = (
        "# Zentoma\n\n## Statistics\n\nEstimated zentoma figures in Freedonia for 2030:\n\n"
        "- New cases: 1,200.\n- Deaths: 300.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "zentoma", doc)
    extractor, text = engine._answerer.extractor, engine.index.documents["zentoma"].text
    intro = next(i for i, s in enumerate(engine.index.sentences) if s.text.endswith("2030:"))
    both = profile(
        "How many new adult zentoma cases and adult zentoma deaths are expected in Freedonia?"
    )
    found = extractor.extract(both, Scored(intro, 1.0, 1.0, ()), [])
    assert (
        found is not None and text[found.start : found.end] == "New cases: 1,200.\n- Deaths: 300."
    )
    one = profile("How many zentoma deaths are expected in Freedonia in 2030?")
    found = extractor.extract(one, Scored(intro, 1.0, 1.0, ()), [])
    assert found is not None and text[found.start : found.end] == "300"


def test_a_figure_followed_by_its_measure_then_its_group_belongs_to_that_group(
    hashing_engine: Engine,
) -> None:
    figures, _ = _stages(hashing_engine)
    text = (
        "A 12% to 15% mortality rate with zentectomy or a 4% to 6% mortality rate with "
        "quellectomy can be expected."
    )
    # The question's "zentectomy" stems to "zentectomi", which must still find the word.
    assert _first_rate(figures, text, "What mortality comes with a zentectomy?") == "12% to 15%"
    assert _first_rate(figures, text, "What mortality comes with a quellectomy?") == "4% to 6%"


def test_an_arm_without_a_name_is_not_answered_by_the_arm_with_it(tmp_path: Path) -> None:
    doc = (
        "# Zentoma\n\n## Trials\n\nIn ZENITH-4, zentamab plus quellinib and chemotherapy gave a "
        "median OS of 17.4 vs 10.2 months with chemotherapy alone.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "zentoma", doc)
    left_out = (
        "In ZENITH-4, what was the median OS with zentamab plus chemotherapy without quellinib?"
    )
    refused = _refusal(engine, left_out)
    assert refused.endswith("for the arm without quellinib.")
    both = "In ZENITH-4, what was median OS with zentamab and chemo with or without quellinib?"
    assert "without quellinib" not in (engine.ask(both, min_confidence=0.0).reason or "")


def test_a_drug_asked_alone_is_not_answered_by_its_combination(tmp_path: Path) -> None:
    doc = (
        "# Zentoma\n\n## Trials\n\nIn ZENITH-4, quellimab plus zentamab gave an objective "
        "response rate of 38% in zentoma.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "zentoma", doc)
    refused = _refusal(engine, "What response rate did zentamab monotherapy give in ZENITH-4?")
    assert "zentamab alone (the figure given is for quellimab plus zentamab)" in refused
    answered = engine.ask("What response rate did zentamab give in ZENITH-4?", min_confidence=0.0)
    assert answered.answer == "38%"


def test_which_trial_is_answered_by_the_trial_its_paragraph_opens_with(tmp_path: Path) -> None:
    from sclc_qa.answering.scoring import Scored

    doc = (
        "The phase III ZENITH-4 trial (NCT01234567) enrolled 300 patients with zentoma. "
        "Patients were assigned to zentamab plus quellinib or to quellinib alone. The primary "
        "end point was PFS."
    )
    engine, assigned = _indexed(tmp_path, doc, "Patients were")
    found = engine._answerer.extractor.entities.best(
        profile("Which trial compared zentamab plus quellinib with quellinib alone?"),
        [Scored(assigned, 1.0, 1.0, ())],
    )
    assert found is not None
    _sid, start, end = found
    assert engine.index.documents["doc"].text[start:end] == "ZENITH-4"


def _cells(tmp_path: Path, table: str, marker: str, *questions: str) -> list[str | None]:
    """What `best_cell` answers each question with from the row holding `marker`, in an index
    of one document whose one section is `table`."""
    from sclc_qa.tables import best_cell

    engine, sid = _indexed(tmp_path, table, marker)
    text, row = engine.index.documents["doc"].text, engine.index.sentences[sid]
    spans = [best_cell(text, row, profile(q)) for q in questions]
    return [None if sp is None else text[sp.start : sp.end] for sp in spans]


def test_a_cell_the_question_quotes_is_given_not_asked(tmp_path: Path) -> None:
    table = (
        "| Questions | Assessment |\n|---|---|\n"
        "| Have you moved house lately? (Flat, farm, other.) | Upheaval |\n"
        "| Do you sleep through the night? | Rest |"
    )
    asked = "'Have you moved house lately?' - what does that question assess?"
    assert _cells(tmp_path, table, "Have you moved", asked) == ["Upheaval"]


def test_a_row_asked_for_two_of_its_cells_answers_with_both(tmp_path: Path) -> None:
    table = (
        "| NCT ID | Drug | Phase | Stage |\n|---|---|---|---|\n"
        "| NCT01234567 | Zentamab | II | Limited stage |\n"
        "| NCT07654321 | Quellimab | III | Extensive stage |"
    )
    assert _cells(
        tmp_path,
        table,
        "NCT01234567",
        "What is the NCT ID of the zentamab trial, and which stage does it enrol?",
        "In the table of ongoing trials, which stage does the zentamab trial enrol?",
    ) == ["NCT01234567 | Zentamab | II | Limited stage", "Limited stage"]
    # The second thing asked as a yes/no clause: "…, and is it still recruiting?"; "finished"
    # asks the status as "completed" or "recruiting" does; columns listed side by side after
    # one wh-word: the row from the first to the last.
    status = (
        "| NCT ID | Drug | Population | Status |\n|---|---|---|---|\n"
        "| NCT01234567 | Zentamab | LS-ZCLC | Active, not recruiting |\n"
        "| NCT07654321 | Quellimab | ES-ZCLC | Recruiting |"
    )
    listed = "In the table of trials, what phase, population and status has zentamab?"
    assert (
        _cells(
            tmp_path / "status",
            status,
            "NCT01234567",
            "Which population is the zentamab trial in, and is it still recruiting?",
            "Which population does the zentamab trial enrol, and has it finished?",
            listed,
        )
        == ["LS-ZCLC | Active, not recruiting"] * 3
    )
    phases = status.replace("| Drug |", "| Drug | Phase |").replace("|---|\n", "|---|---|\n", 1)
    phases = phases.replace("Zentamab |", "Zentamab | II |").replace(
        "Quellimab |", "Quellimab | III |"
    )
    assert _cells(
        tmp_path / "phases",
        phases,
        "NCT01234567",
        listed,
        "In the table of trials, what phase is the zentamab trial in?",
    ) == ["II | LS-ZCLC | Active, not recruiting", "II"]


def test_several_asked_of_a_row_take_the_rows_that_continue_its_column(tmp_path: Path) -> None:
    """A cell spanning rows in the source ("| Stage 0 | Surgery |" then "| Zentotherapy |"):
    "what are the options …?" answers with every row of it, one option with the row's own."""
    table = (
        "Table 5. Treatment Options for Zentoma\n\n"
        "| Stage | | Treatment Options |\n|---|---|---|\n"
        "| Stage 0 zentoma | | Surgery |\n"
        "| Zentotherapy |\n"
        "| Stage I zentoma | | Quellectomy |\n"
        "| Radiation therapy |\n"
    )
    engine = _section_engine(tmp_path, table)
    several = engine.ask(
        "According to the treatment options table, what are the options for stage 0 zentoma?",
        min_confidence=0.0,
    )
    assert several.answer is not None and several.answer.startswith("Surgery")
    assert several.answer.endswith("Zentotherapy") and "Quellectomy" not in several.answer
    text = engine.index.documents["doc"].text
    assert text[several.citations[0].start : several.citations[0].end] == several.citations[0].quote
    assert several.answer in several.citations[0].quote
    one = engine.ask(
        "In the treatment options table, what is the first option for stage 0 zentoma?",
        min_confidence=0.0,
    )
    assert one.answer == "Surgery"


def test_how_often_should_is_answered_by_the_time_between_two(tmp_path: Path) -> None:
    """ "How often should …?" asks "every 2 years", not an age or a median follow-up."""
    doc = (
        "Women aged 50 to 74 years kept most of the benefit by having a zentogram every 2 "
        "years. The median follow-up after zentectomy was 43 months."
    )
    every, follow_up = _answers_in(
        tmp_path,
        doc,
        "How often should women aged 50 to 74 have a zentogram?",
        "How often should scans be done during follow-up after zentectomy?",
    )
    assert every == "every 2 years"
    assert follow_up is None
    asked = profile("How often should women be screened with zentography?")
    assert (asked.kind, asked.also) == ("duration", frozenset())


def test_a_term_defined_by_its_class_is_found_among_the_first_candidates(tmp_path: Path) -> None:
    """ "What counts as an interval zentoma?": the sentence that opens with the term and says
    what it is by its class, though sentences that repeat more of the question outrank it."""
    from sclc_qa.answering.explanations import genus_definition
    from sclc_qa.lexical import tokenize

    asked = set(tokenize("What counts as an interval breast zentoma?"))
    text = "Interval zentomas are zentomas that are diagnosed between two screens (12)."
    span = genus_definition(text, asked)
    assert span is not None and text[span[0] : span[1]] == (
        "zentomas that are diagnosed between two screens"
    )
    assert genus_definition("Screen zentomas are zentomas that grow.", asked) is None
    assert genus_definition("Interval zentomas are common in dense breasts.", asked) is None
    doc = (
        "Interval breast zentomas were more likely than screen-detected breast zentomas to be "
        "large in a registry study. Interval zentomas are zentomas that are diagnosed between "
        "a normal screen and the next one."
    )
    (answer,) = _answers_in(tmp_path, doc, "What counts as an interval breast zentoma?")
    assert answer == "zentomas that are diagnosed between a normal screen and the next one"


def test_a_question_that_counts_what_it_asks_takes_the_list_of_that_many(tmp_path: Path) -> None:
    """ "What four biases …?": the list, in another section, whose lead-in names the class and
    whose four items each open with a bold label, however long each description runs; cited
    in the list's own section."""
    long = "It moves the date of diagnosis earlier" + ", and then earlier" * 12 + " than before."
    doc = (
        "# Screening\n\n## Outcomes\n\nScreen-detected zentomas had better survival than "
        "zentomas found outside screening, after controlling for zentoma size.\n\n"
        "## Biases\n\nThis concept is explained by the following four types of bias:\n\n"
        f"1. **Lead-time bias**: {long}\n"
        f"2. **Length bias**: {long}\n"
        "3. **Overdiagnosis bias**: Screening finds zentomas that would never harm.\n"
        "4. **Healthy volunteer bias**: Those who take part are healthier.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "screening", doc)
    answer = engine.ask(
        "What four biases make screen-detected zentomas look like they have better survival?",
        min_confidence=0.0,
    )
    assert answer.answer is not None
    for label in ("Lead-time bias", "Length bias", "Overdiagnosis bias", "Healthy volunteer bias"):
        assert label in answer.answer
    assert answer.citations[0].section == "biases"
    assert answer.answer in answer.citations[0].quote


def test_a_question_that_counts_what_it_asks_takes_the_run_a_sentence_counts(
    tmp_path: Path,
) -> None:
    """ "Which three disorders …?": the sentence that counts three of them and lists them
    after a colon, not the better-matching one that only refers back to "the three"."""
    text = (
        "Zeta neoplasms (ZN) grow slowly and spread late. The ZN family spans three major "
        "zetal disorders: chronic zetocytic leukemia (CZL), juvenile zetocytic leukemia (JZL), "
        "and atypical quelloid leukemia (aQL). A lesion outside the three major ZN disorders "
        "is filed as ZN, other."
    )
    from sclc_qa.answering.lists import counted_list

    engine, counting = _indexed(tmp_path, text, "spans three major")
    referring = next(i for i, t in enumerate(engine.index.sentences) if "outside the" in t.text)
    answerer = engine._answerer
    asked = profile("Which three major disorders make up the ZN group?")
    found = counted_list(answerer.index, answerer.vocab, asked, [referring, counting])
    assert found is not None and found[0] == counting
    listed = engine.index.documents["doc"].text[found[1] : found[2]]
    assert listed == (
        "chronic zetocytic leukemia (CZL), juvenile zetocytic leukemia (JZL), and atypical "
        "quelloid leukemia (aQL)"
    )
    # A run of another length is not the one asked.
    asked_two = profile("Which two major disorders make up the ZN group?")
    assert counted_list(answerer.index, answerer.vocab, asked_two, [counting]) is None


def test_two_parts_asking_a_share_each_get_both(tmp_path: Path) -> None:
    """ "What share were X, and what share Y?" asks two figures of one kind: the run of both."""
    doc = (
        "At three years in ZENITH-8, 69.6% of patients were alive and 35.1% were free of "
        "progression."
    )
    (answer,) = _answers_in(
        tmp_path,
        doc,
        "In ZENITH-8 at three years, what share were alive, and what share were free of "
        "progression?",
    )
    assert answer is not None and "69.6%" in answer and "35.1%" in answer


def test_complete_responses_are_not_the_response_rate(tmp_path: Path) -> None:
    """A complete response is one part of the objective response: "including complete
    responses in 43%" answers the complete response rate, not the response rate."""
    doc = (
        "The ZAP regimen was given to 37 patients. A 92% response rate (34 of 37 patients) was "
        "achieved, including complete responses in 43% of patients."
    )
    overall, complete = _answers_in(
        tmp_path,
        doc,
        "What response rate did the ZAP regimen achieve?",
        "What complete response rate did the ZAP regimen achieve?",
    )
    assert overall == "92% response rate"
    assert complete is not None and complete.startswith("43%")


def test_a_rate_per_so_many_is_not_answered_by_a_share(tmp_path: Path) -> None:
    """ "Per 100,000 person-years?" asks a rate per so many people: "20% of all zentomas" is
    another measure; the rate keeps the base it counts."""
    doc = (
        "The overall incidence of zentoma is 0.13 cases per 100,000 person-years, based on "
        "registry data. Zentic carcinomas account for approximately 20% of all zentic tumours."
    )
    per, share = _answers_in(
        tmp_path,
        doc,
        "What is the incidence of zentoma per 100,000 person-years?",
        "What is the incidence of zentic carcinoma per 100,000 people?",
    )
    assert per == "0.13 cases per 100,000 person-years"
    assert share is None


def test_the_word_before_the_asked_noun_says_which_column_it_is() -> None:
    """ "What patient group does it enrol?" asks the population column, not the heading of the
    row's group ("Zeta inhibitors"); "which drug class …?" asks that heading."""
    from sclc_qa.models import Cell, Sentence
    from sclc_qa.tables import best_cell

    values = [("NCT ID", "NCT01234567"), ("Drug", "Zentamab"), ("Phase", "II")]
    values += [("Cancer stage", "ZRK1 Positive ZCLC"), ("Status", "Recruiting")]
    text, cells = "", []
    for header, value in values:
        text += "\t"
        cells.append(Cell(header=header, start=len(text), end=len(text) + len(value)))
        text += value + "\n"
    group = Cell(header="Group", start=len(text), end=len(text) + len("Zeta inhibitors"))
    text += "Zeta inhibitors"
    row = Sentence(
        id=0, doc="doc", section="1", title="Trials", kind="table_row", label="Table 3",
        start=0, end=len(text), text=text, cells=tuple(cells), groups=(group,),
    )  # fmt: skip
    asked = profile("What patient group does the zentamab trial in Table 3 enroll?")
    span = best_cell(text, row, asked)
    assert span is not None and text[span.start : span.end] == "ZRK1 Positive ZCLC"
    kind = profile("Which drug class does the zentamab trial test?")
    span = best_cell(text, row, kind)
    assert span is not None and text[span.start : span.end] == "Zeta inhibitors"


# A trials table: registration number, drug, population, status.
_TRIALS = (
    "| NCT ID | Drug | Stage | Status |\n|---|---|---|---|\n"
    "| NCT01234567 | Zentamab | ZCLC | Recruiting |\n"
    "| NCT07654321 | Quellimab | Extensive stage | Completed |"
)


def test_a_dose_is_answered_only_from_a_cell_that_can_hold_one(tmp_path: Path) -> None:
    """A row's disease or status cell names no dose, however the question's words match it."""
    from sclc_qa.tables import best_cell, holds_dose

    engine, sid = _indexed(tmp_path, _TRIALS, "NCT01234567")
    text, row = engine.index.documents["doc"].text, engine.index.sentences[sid]
    asked = profile("What dose of zentamab is recommended for relapsed zentoma cancer?")
    cell = best_cell(text, row, asked)
    assert cell is not None and not holds_dose(text, row, cell)
    assert engine._answerer.figures.spans(sid, asked) == []
    dosed = (
        "| NCT ID | Drug | Intervention |\n|---|---|---|\n"
        "| NCT01234567 | Zentamab | Zentamab every 2 weeks |\n"
        "| NCT07654321 | Quellimab | Quellimab 10 mg/kg |"
    )
    engine, sid = _indexed(tmp_path / "dosed", dosed, "NCT01234567")
    text, row = engine.index.documents["doc"].text, engine.index.sentences[sid]
    (span,) = engine._answerer.figures.spans(sid, profile("What dose of zentamab was given?"))
    assert text[span.start : span.end] == "Zentamab every 2 weeks"


def test_the_row_whose_ranges_hold_the_asked_size_and_count(tmp_path: Path) -> None:
    """A risk table by size and count, its shared cells written once: the row for "over 10 cm
    with more than 5 mitoses", its rate a bare number under a "(%)" header, the count's
    abbreviation named by the table's note."""
    table = (
        "Table 1. Risk of Zetomas by Size and Count\n\n"
        "| Mitoses (per 50 HPF) | Size (cm) | Spread Rate (%) | Risk |\n|---|---|---|---|\n"
        "| HPF = high-power field. | | | |\n"
        "| ≤5 per 50 | ≤2 | 0 | None |\n"
        "| >2 to ≤10 | 3.6 | Low |\n"
        "| >10 | 12 | Moderate |\n"
        "| >5 per 50 | ≤2 | 0 | None |\n"
        "| >2 to ≤10 | 55 | High |\n"
        "| >10 | 86 | High |"
    )
    asked = (
        "What is the spread rate of a zetoma larger than 10 cm with more than 5 mitoses per 50 "
        "HPF?",
        "Spread rate for a zetoma over 10 cm with 5 or fewer mitoses per 50 HPF?",
    )
    assert _answers_in(tmp_path, table, *asked) == ["86", "12"]


def test_a_bracketed_figure_is_named_by_two_asked_words_only_its_label_holds(
    tmp_path: Path,
) -> None:
    common = "".join(
        f"Zetoma note {i}: the peripheral nervous system and the immune system vary by site. "
        for i in range(12)
    )
    text = (
        common + "Of 88 zetoma relapses, the spleen was involved in 41 (46.6%), the bone marrow "
        "in 20 (22.7%), the peripheral nervous system (17.0%) in 15 and the kidney (9.1%) in 8."
    )
    asked = "How often did zetoma relapse involve the peripheral nervous system?"
    assert _answers_in(tmp_path, text, asked) == ["17.0%"]


def test_a_list_item_that_only_links_a_term_settles_nothing(tmp_path: Path) -> None:
    doc = (
        "# Zeta Disease Treatment\n\n## Forms\n\n"
        "Zeta disease takes these forms:\n\n"
        "- [Quell nodule](/types/zeta#_1).\n"
        "- [Zetal growth](/types/zeta#_2) (ZG) (uncommon).\n\n"
        "### Quell Nodule\n\n"
        "In many women, quell nodules shrink without treatment.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "zeta", doc)
    answer = engine.ask("Can a quell nodule disappear without therapy?", min_confidence=0.0)
    assert answer.answer is not None and "shrink" in answer.answer


def test_a_site_no_document_names_is_not_staged(tmp_path: Path) -> None:
    table = (
        "Table 3. T Categories for Zetoma\n\n"
        "| T Category | Description |\n|---|---|\n"
        "| T1 | Zetoma up to 2 cm, confined to the gland. |\n"
        "| T3 | Zetoma of any size that invades the diaphragm. |"
    )
    engine = _section_engine(tmp_path, table)
    refused = _refusal(engine, "What T category fits a zetoma in the right zentacle?")
    assert "zentacle" in refused
    staged = engine.ask("What T category is a zetoma that invades the diaphragm?")
    assert staged.answer == "T3"


def test_a_route_is_asked_where_the_text_writes_a_pathway(tmp_path: Path) -> None:
    text = (
        "Zetoma seems to arise along two distinct pathways: a viral one, in which ZPV enters the "
        "genome, and an ultraviolet one, marked by heavy sun exposure."
    )
    engine = _section_engine(tmp_path, text)
    answer = engine.ask("Along which two routes does zetoma arise?", min_confidence=0.0)
    assert answer.answer is not None and "ZPV" in answer.answer


def test_a_why_answered_by_a_consequence_is_answered_by_what_it_draws_from(
    tmp_path: Path,
) -> None:
    doc = (
        "# Zetoma Treatment\n\n## Outlook\n\n"
        "Most zetomas are cured with drugs alone, wherever they have reached. "
        "Hence the ZNM grid tells little about a patient's outcome. Cure rests on the "
        "following:\n\n- Zetal type.\n- Level of serum zeta-hCG.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "zeta", doc)
    answer = engine.ask("Why doesn't the ZNM grid predict zetoma outcome?", min_confidence=0.0)
    assert answer.answer is not None and "cured with drugs alone" in answer.answer


def test_a_count_in_a_cell_keeps_the_share_bracketed_after_it(tmp_path: Path) -> None:
    table = (
        "Table 2. Zetomas by Site\n\n"
        "| Site | No. (%) |\n|---|---|\n"
        "| Scalp | 412 (31.5) |\n"
        "| Forearm | 77 (5.9) |\n"
        "| Heel | 9 (0.7) |"
    )
    asked = ("How many zetomas arose on the forearm?",)
    assert _answers_in(tmp_path, table, *asked) == ["77 (5.9)"]


def test_what_became_of_a_trial_asks_its_status(tmp_path: Path) -> None:
    from sclc_qa.tables import best_cell

    engine, sid = _indexed(tmp_path, _TRIALS, "NCT01234567")
    text, row = engine.index.documents["doc"].text, engine.index.sentences[sid]
    cell = best_cell(text, row, profile("What became of the zentamab trial in ZCLC?"))
    assert cell is not None and text[cell.start : cell.end] == "Recruiting"


def test_a_dose_stated_beside_what_the_question_names_in_any_cell(tmp_path: Path) -> None:
    """A brand's dose in a comment cell answers "what dose is the brand?", not the dose column."""
    table = (
        "| Medication | Dose | Comment |\n|---|---|---|\n"
        "| Zentoxetine | 10–20 mg PO daily | Quellor branded product 7.5 mg PO qhs |\n"
        "| Zentafaxine | 37.5 mg PO daily | Nausea common |"
    )
    engine, sid = _indexed(tmp_path, table, "Quellor")
    text = engine.index.documents["doc"].text
    (span,) = engine._answerer.figures.spans(sid, profile("What dose is the Quellor product?"))
    assert text[span.start : span.end] == "7.5 mg PO qhs"
    (span,) = engine._answerer.figures.spans(sid, profile("What dose of zentoxetine is used?"))
    assert text[span.start : span.end] == "10–20 mg PO daily"
    # Of two names' doses in one cell, the one written after the asked name.
    cells = (
        "| Cell line | Outcome |\n|---|---|\n"
        "| ZX-1 and ZX-2 | Cytotoxic in ZX-1 at 1–10 mg/mL and in ZX-2 cells at 2–5 mg/mL |"
    )
    engine, sid = _indexed(tmp_path / "two", cells, "Cytotoxic")
    text = engine.index.documents["doc"].text
    asked = profile("At what concentrations was cytotoxicity seen in ZX-2 cells?")
    (span,) = engine._answerer.figures.spans(sid, asked)
    assert text[span.start : span.end] == "2–5 mg/mL"


def test_a_figure_belongs_to_the_series_member_written_last_before_it() -> None:
    from sclc_qa.answering.figure_filters import not_siblings as _not_siblings

    text = (
        "ZENITH-2 reported an ORR of 24.5% with zentamab, and ZENITH-5 then failed to improve "
        "OS (HR = 0.97, P = 0.41) with grade ≥3 events in 48.6% of patients."
    )
    hr = find(text, "hr")
    assert _not_siblings(text, hr, profile("What was the OS HR with zentamab in ZENITH-2?")) == []
    assert _not_siblings(text, hr, profile("What was the OS HR in ZENITH-5?")) == hr
    # Both members asked: each figure is one of theirs.
    both = profile("How did grade ≥3 event rates compare between ZENITH-2 and ZENITH-5?")
    rates = find(text, "percent")
    assert _not_siblings(text, rates, both) == rates


def test_a_figure_labelled_a_change_the_other_way_does_not_answer() -> None:
    from sclc_qa.answering.figure_filters import with_asked_direction

    text = "Partial response: a 50% reduction in lesions; progression: a 25% increase in lesions."
    rates = find(text, "percent")

    def kept(question: str) -> list[str]:
        return [text[sp.start : sp.end] for sp in with_asked_direction(text, rates, question)]

    assert kept("By how much must lesions grow to count as progression?") == ["25%"]
    assert kept("How much must lesions shrink for a partial response?") == ["50%"]
    # A question asking no one way (or both) keeps every figure.
    assert kept("What thresholds define response and progression?") == ["50%", "25%"]
    # A hedge before the number is not the figure's label; the word after it is.
    hedged = "Response: approximately 40% reduction; progression: more than 30% growth."
    spans = find(hedged, "percent")
    grow = with_asked_direction(hedged, spans, "How much must lesions grow to progress?")
    assert [hedged[sp.start : sp.end] for sp in grow] == ["more than 30%"]


def test_a_count_of_so_many_keeps_the_share_it_makes(tmp_path: Path) -> None:
    doc = (
        "# Zetoma\n\n## Germline Studies\n\n"
        "In the Quorn germline study, harmful zeta variants were carried by 7 of the 31 "
        "patients (23%), against 12% in the Etal cohort (P = .04).\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "zetoma", doc)
    answer = engine.ask(
        "In the Quorn germline study, how many patients carried a pathogenic zeta variant?",
        min_confidence=0.0,
    )
    assert answer.answer == "7 of the 31 patients (23%)"
    # A share in brackets after a comparison is the other group's, not the count's.
    mends = engine._answerer.extractor.figures
    compared = "Variants were seen in 20% of patients versus placebo (12%)."
    span = find(compared, "percent")[0]
    s, e = mends.widen(compared, span, profile("What share of patients had variants?"))
    assert "12%" not in compared[s:e]


def test_a_conceded_study_does_not_own_the_main_clause_figures() -> None:
    from sclc_qa.answering.figure_filters import conceded

    text = (
        "While the Zenith phase II study found 12% grade 5 events with zentamab, a later "
        "systematic review of 410 patients found a 2% to 3% risk of grade 5 events."
    )
    rates = find(text, "percent")
    asked = profile("How often were grade 5 events seen with zentamab in the Zenith study?")
    assert [text[sp.start : sp.end] for sp in conceded(text, rates, asked)] == ["12%"]
    # The review asked about by its own words: no name of the opening clause only.
    review = profile("What grade 5 risk did the systematic review find?")
    assert conceded(text, rates, review) == rates
    # The main clause goes on about the same subject: its figures are the question's.
    same = "Although zentoma cells rarely show ZRK1 (~4%), 30% of its immune cells express ZRK1."
    shares = find(same, "percent")
    assert (
        conceded(same, shares, profile("What share of immune cells in zentoma express ZRK1?"))
        == shares
    )


@pytest.mark.parametrize(
    ("target", "text", "name", "expected"),
    [
        ("drug", "It was given with quellimab.", "quellimab", 1.0),
        ("drug", "It was given in ZENITH-4.", "ZENITH-4", 0.0),
        ("trial", "It was given in ZENITH-4.", "ZENITH-4", 1.0),
        ("who", "As Zorn et al. reported, it worked.", "Zorn et al.", 1.0),
        ("who", "As the ZENITH-4 group reported, it worked.", "ZENITH-4", 0.0),
        ("company", "It is made by Zeta Pharmaceutical Co., Ltd.", "Zeta", 1.0),
        ("colour", "It was given with quellimab.", "quellimab", 0.5),
    ],
)
def test_an_answer_of_the_asked_class_is_told_from_one_of_another(
    target: str, text: str, name: str, expected: float
) -> None:
    """The confidence model's reading of a which-answer: the asked class (1), another (0), or
    a question that asks for no known class (0.5)."""
    from sclc_qa.answering.classes import answer_of_class

    start = text.index(name)
    assert answer_of_class(target, text, start, start + len(name)) == expected


def test_a_figure_is_labelled_by_the_content_words_after_it(tmp_path: Path) -> None:
    # The label after a bracketed range reads past its small words ("of this … was …").
    text = (
        "In the ZENITH model study, zeta-cell deaths fell by 44% (model range, 30%–52%) "
        "overall; 31% (model range, 20%–45%) of this decline was attributed to screening."
    )
    (answer,) = _answers_in(
        tmp_path,
        text,
        "In the ZENITH model study, what share of the decline in deaths was attributed to "
        "screening?",
    )
    assert answer is not None and answer.startswith("31%")


def test_a_figure_for_another_condition_named_alike_does_not_answer() -> None:
    from sclc_qa.answering.constraints import other_condition

    stated = "Grade 3 zentonia occurred in 4.4% of patients who received zentamab."
    asked = "What was the rate of grade 3 zentonitis with zentamab?"
    assert other_condition(asked, stated) == ("zentonitis", "zentonia")
    assert other_condition(asked, stated + " Zentonitis was rare.") is None
    # Another form of the question's own word is no other condition.
    assert other_condition("Survival after zentosis diagnosis?", "Those diagnosed had 9%.") is None
    assert other_condition("Rate of zentitis?", "Zentosis was seen in 3%.") is None


def test_an_approval_by_another_regulator_does_not_answer() -> None:
    from sclc_qa.answering.approvals import other_regulator as _other_regulator

    china = "In June 2029, zentamab gained approval in China for relapsed zentoma."
    assert _other_regulator("When did the FDA approve zentamab?", china) == ("FDA", "NMPA")
    assert _other_regulator("When was zentamab approved in China?", china) is None
    assert _other_regulator("When was zentamab approved?", china) is None
    # A place named for something else than an approval is no regulator's.
    run = "The ZENITH-4 trial of zentamab enrolled patients in China."
    assert _other_regulator("When did the FDA approve zentamab?", run) is None
    assert Reasons(2).other_regulator("FDA", "NMPA") == (
        "The documents report an approval by NMPA, not by FDA."
    )


def test_a_question_of_a_name_and_a_year_is_answered_by_the_sentence_with_both(
    tmp_path: Path,
) -> None:
    text = (
        "Regulators approved zentamab, an antibody against ZX1, as the first quellin blocker "
        "for the treatment of metastatic zentoma in 2029 (12, 13). Zentamab later entered "
        "trials in other tumours."
    )
    both, one = _answers_in(
        tmp_path,
        text,
        "Which was the first quellin blocker approved, and in what year?",
        "In what year was the first quellin blocker approved?",
    )
    assert both == (
        "Regulators approved zentamab, an antibody against ZX1, as the first quellin blocker "
        "for the treatment of metastatic zentoma in 2029"
    )
    assert one == "2029"


def test_a_figure_for_patients_at_another_line_of_treatment_ranks_below(tmp_path: Path) -> None:
    text = (
        "In ZENITH-4, zentamab gave an objective response rate of 61% among patients who had "
        "received prior platinum-based chemotherapy. Among the 69 treatment-naive patients of "
        "ZENITH-4, the objective response rate with zentamab was 84%."
    )
    untreated, pretreated = _answers_in(
        tmp_path,
        text,
        "What response rate did zentamab achieve in untreated patients in ZENITH-4?",
        "What response rate did zentamab achieve in previously treated patients in ZENITH-4?",
    )
    assert untreated == "84%"
    assert pretreated == "61%"


def test_a_size_is_looked_up_in_the_row_whose_range_holds_it(tmp_path: Path) -> None:
    table = (
        "| Z category | Description |\n|---|---|\n"
        "| Z1 | Zentoma ≤3 cm in greatest dimension. |\n"
        "| Z1a | Zentoma ≤1 cm in greatest dimension. |\n"
        "| Z1b | Zentoma >1 cm but ≤3 cm in greatest dimension. |\n"
        "| Z2 | Zentoma >3 cm but ≤5 cm in greatest dimension. |\n"
        "| Z4 | Zentoma >7 cm or zentoma of any size invading the quell. |"
    )
    small, large = _answers_in(
        tmp_path,
        table,
        "Which Z category fits a 2.5 cm zentoma?",
        "A zentoma 4.5 cm across: which Z category is that?",
    )
    assert (small, large) == ("Z1b", "Z2")


def test_a_figure_for_another_size_subgroup_is_no_answer(tmp_path: Path) -> None:
    engine, _ = _indexed(
        tmp_path,
        "In ZENITH-4, zentamab prolonged survival in patients with zentomas 4 cm or larger "
        "(HR, 0.69; 90% CI, 0.48–0.99).",
        "ZENITH-4",
    )
    other = _refusal(engine, "In ZENITH-4, what was the survival HR for zentomas 5 cm or larger?")
    assert "4 cm or larger" in other
    same = engine.ask(
        "In ZENITH-4, what was the survival HR for zentomas 4 cm or larger?", min_confidence=0.0
    )
    assert same.answer == "HR, 0.69; 90% CI, 0.48–0.99"


def test_a_figure_whose_passage_never_names_the_subgroup_asked_is_no_answer(
    tmp_path: Path,
) -> None:
    engine, _ = _indexed(
        tmp_path,
        "In ZENITH-4, the median duration of response with zentamab was 11.4 months. "
        "Among patients with zentic liver lesions, the median PFS with zentamab was 6.2 months.",
        "ZENITH-4",
    )
    refused = _refusal(
        engine,
        "What was the median duration of response with zentamab in patients with quellic "
        "bone lesions?",
    )
    assert "patients with quellic bone lesions" in refused
    named = engine.ask(
        "What median PFS did zentamab give in patients with zentic liver lesions?",
        min_confidence=0.0,
    )
    assert named.answer == "6.2 months"
    # A group the passage names ("the ZENITH-4 cohort") is the one it reports on.
    whole = engine.ask(
        "What was the median duration of response with zentamab in the whole ZENITH-4 cohort?",
        min_confidence=0.0,
    )
    assert whole.answer == "11.4 months"


def test_a_figure_from_another_phase_of_study_is_no_answer(tmp_path: Path) -> None:
    from sclc_qa.answering.phases import other_phase, phases

    assert phases("the phase I/II ZENITH-4 study") == {1, 2}
    engine, _ = _indexed(
        tmp_path,
        "Phase I data showed a 41% ORR with zentamab in ZX1-high zentoma, and the phase II "
        "ZENITH-9 study further confirmed zentamab's efficacy across ZX1 levels.",
        "ZENITH-9",
    )
    other = _refusal(
        engine, "What objective response rate did zentamab achieve in the phase II ZENITH-9 study?"
    )
    assert "Phase I" in other
    same = engine.ask("What ORR did zentamab achieve in phase I?", min_confidence=0.0)
    assert same.answer == "41% ORR"
    # The clause the figure is in decides, not every phase its sentence names.
    assert other_phase("in the phase II study?", "Phase I data showed a 41% ORR") == (
        "phase II",
        "Phase I",
    )


def test_a_citation_between_two_sentences_does_not_end_their_paragraph(tmp_path: Path) -> None:
    """PDQ-style "….[[67](#cit/section_3.67)] The study …": the study the first sentence
    names is the subject of the next one, which reports its figure."""
    report = (
        "## Results\n\n"
        "A trial of zentamab in 400 patients was run in the Netherlands.[[67](#cit/section_3.67)]"
        " The study showed 5.0 per 1,000 interval cancers in the control group."
        "[[68](#cit/section_3.68),[69](#cit/section_3.69)]\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "report", report)
    sids = {s.text: i for i, s in enumerate(engine.index.sentences)}
    late = sids["The study showed 5.0 per 1,000 interval cancers in the control group."]
    assert engine._answerer.vocab.block[late] == (late - 1,)
    prof = profile("What was the interval cancer rate in the Dutch zentamab trial?")
    assert engine._answerer.scorer.coverage.of(late, ["Dutch"], prof)[0] > 0


def test_a_peoples_adjective_names_its_place(tmp_path: Path) -> None:
    doc = "# Trial\n\n## Results\n\nA cohort in Norway was followed.\n\n" + _BACKGROUND
    vocab = _engine_over(tmp_path, "place", doc)._answerer.vocab
    assert vocab.mentions("Norwegian", frozenset({"norway", "cohort"}), "A cohort in Norway")
    assert vocab.mentions("Norway", frozenset({"norwegian"}), "A Norwegian cohort")
    assert not vocab.mentions("Swedish", frozenset({"norway", "cohort"}), "A cohort in Norway")
    # … and so the documents know it: "the Norwegian cohort" asks of the one in Norway.
    assert vocab.known("Norwegian") and not vocab.known("Swedish")


def test_numbers_the_question_states_and_the_sentence_leaves_out_are_weighed(
    tmp_path: Path,
) -> None:
    """The confidence reads the share of the question's numbers ("aged 70 to 79") that the
    answer's sentence and what it sits under leave out ("aged 40 to 49")."""
    text = (
        "The PPV was 6.3% for women aged 40 to 49 years. "
        "Zentamab was given to 273 patients.\n\n## Stage 3\n\nThe rate was 12% at 5 years."
    )
    engine, sid = _indexed(tmp_path, text, "6.3%")
    weigher = engine._answerer.weigher
    ask = profile
    assert weigher._unstated_numbers(ask("PPV for women aged 70 to 79?"), sid) == 1.0
    assert weigher._unstated_numbers(ask("PPV for women aged 40 to 79?"), sid) == 0.5
    assert weigher._unstated_numbers(ask("PPV for women in their forties?"), sid) == 0.0
    late = next(i for i, s in enumerate(engine.index.sentences) if "12% at 5" in s.text)
    assert weigher._unstated_numbers(ask("Rate at 5 years in stage 3?"), late) == 0.0


def test_at_what_age_is_answered_with_the_age_stated(tmp_path: Path) -> None:
    text = (
        "The ZENITH-9 screening trial enrolled people aged 55 to 74 years who had smoked. "
        "Screening was offered every year for 3 years."
    )
    assert _answers_in(tmp_path, text, "What age range was eligible for ZENITH-9?") == [
        "aged 55 to 74 years"
    ]


def test_each_count_asked_for_is_answered(tmp_path: Path) -> None:
    doc = (
        "In 2031, zentoma caused approximately 3.1 million new cases worldwide (accounting for "
        "14.2% of all new cancer cases), and led to 1.6 million deaths, with a mortality rate of "
        "16.5%."
    )
    (both,) = _answers_in(
        tmp_path, doc, "Zentoma in 2031: how many new cases and how many deaths were there?"
    )
    assert both is not None
    assert both.startswith("approximately 3.1 million new cases") and both.endswith("deaths")


def test_a_people_counted_by_their_adjective_counts_what_they_are_asked_to_have(
    tmp_path: Path,
) -> None:
    # "How many Norwegians …" counts people, and "to be diagnosed with, and to die of" counts
    # the new cases and the deaths.
    doc = (
        "Estimated new cases and deaths from zentoma in Norway in 2031:\n\n"
        "- New cases: 4,850.\n- Deaths: 3,510."
    )
    asked = "How many Norwegians are expected to be diagnosed with, and to die of, zentoma in 2031?"
    engine, deaths = _indexed(tmp_path, doc, "Deaths:")
    figures, _ = _stages(engine)
    sents = engine.index.sentences
    given = [
        [sents[i].text[s.start : s.end] for s in figures.spans(i, profile(asked))]
        for i in (deaths - 1, deaths)
    ]
    assert given == [["4,850"], ["3,510"]]


def test_how_much_less_often_asks_each_arms_share(tmp_path: Path) -> None:
    doc = (
        "Brain progression events were less frequent with quellimab (12%) than with zentamab "
        "(45%) (HR, 0.16; 95% CI, 0.10-0.28)."
    )
    asked = "How much less often did brain progression happen with quellimab than zentamab?"
    assert profile(asked).kind == "percent"
    assert _answers_in(tmp_path, doc, asked) == ["with quellimab (12%) than with zentamab (45%)"]


def test_a_row_keyed_by_the_term_is_a_candidate_though_retrieval_missed_it(
    tmp_path: Path,
) -> None:
    # Only the paragraph naming the staging system is retrieved: the row that defines Z2, in
    # the same document, is weighed all the same.
    table = (
        "# Staging\n\n## System\n\nThe QTM system stages zentoma by tumour, node and spread.\n\n"
        "## Z categories\n\n| Z category | Description |\n|---|---|\n"
        "| Z1 | Metastasis in ipsilateral peribronchial lymph nodes. |\n"
        "| Z2 | Metastasis in ipsilateral mediastinal lymph nodes. |\n\n"
    )
    engine = _engine_over(tmp_path, "staging", table + _BACKGROUND)
    query = engine._retriever.prepare("In QTM staging, what does Z2 mean?")
    hits = [h for h in engine._retriever.search(query, 10) if "QTM system" in h.chunk.text]
    scored = engine._answerer.scorer.score(query, hits)
    texts = [engine.index.sentences[c.sid].text for c in scored]
    assert "Z2 | Metastasis in ipsilateral mediastinal lymph nodes." in texts
    assert "Z1 | Metastasis in ipsilateral peribronchial lymph nodes." not in texts


def test_an_entry_that_opens_with_its_term_defines_it(tmp_path: Path) -> None:
    # "| Z2 = … |" in a one-column table, and "0: …" in a list whose lead-in names the scheme
    # ("ZI-RADS 0"); an unknown code of a known scheme is still not mentioned.
    doc = (
        "# Zentoma\n\n## Categories\n\n"
        "The following Zentoma Imaging Reporting and Data System (ZI-RADS) categories are used "
        "for reporting scans:\n\n"
        "- 0: Incomplete—needs additional imaging for comparison.\n"
        "- 1: Negative; the risk of zentoma within 1 year is 1%.\n\n"
        "## Nodes\n\n| Nodes |\n|---|\n"
        "| Z1 = Metastasis in anterior lymph nodes. |\n"
        "| Z2 = Metastasis in deep intrathoracic or cervical lymph nodes. |\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "entries", doc)
    asked = {
        "In the staging of zentoma, what does Z2 denote?": (
            "Metastasis in deep intrathoracic or cervical lymph nodes."
        ),
        "What does a ZI-RADS 0 result on my scan mean?": (
            "Incomplete—needs additional imaging for comparison."
        ),
    }
    for question, expected in asked.items():
        assert engine.ask(question, min_confidence=0.0).answer == expected
    unknown = engine.ask("What does ZI-RADS 7 mean?", min_confidence=0.0)
    assert unknown.abstained and "ZI-RADS 7" in (unknown.reason or "")


def test_a_figure_in_a_table_row_is_read_from_the_cell_asked_for(tmp_path: Path) -> None:
    # By the column's header ("Subtype B3"), or, in a two-cell row, by the label the question
    # uses ("Myasthenia gravis association | Approximately 71%").
    doc = (
        "# Zentoma\n\n## Survival\n\nTable 1. Disease-free survival by subtype\n\n"
        "| Study | Subtype | | |\n|---|---|---|---|\n| | A | B2 | B3 |\n"
        "| Trial 1 (N = 100) | 100% | 83% | 36% |\n"
        "| Trial 2 (N = 178) | 95% | 71% | 40% |\n\n"
        "## Subtype B2\n\nTable 2. Characteristics of subtype B2 zentoma\n\n| | |\n|---|---|\n"
        "| Myasthenia gravis association. | Approximately 71%. |\n"
        "| Share of all zentomas. | Approximately 20%–36%. |\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "rows", doc)
    asked = {
        "In the 178-patient series, what was 10-year disease-free survival for subtype B3?": "40%",
        "How often is myasthenia gravis associated with subtype B2 zentoma?": "Approximately 71%",
    }
    for question, expected in asked.items():
        assert engine.ask(question, min_confidence=0.0).answer == expected


def test_a_figure_from_a_study_of_another_size_does_not_answer(tmp_path: Path) -> None:
    doc = (
        "# Zentoma\n\n## Survival\n\nIn a series of 85 patients with zentoma, the 5-year "
        "survival rate was 96% for stage I disease.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "sizes", doc)
    other = engine.ask(
        "What was 5-year survival for stage I zentoma in the 273-patient study?",
        min_confidence=0.0,
    )
    assert other.abstained and "273-patient" in (other.reason or "")
    same = engine.ask(
        "What was 5-year survival for stage I zentoma in the 85-patient series?",
        min_confidence=0.0,
    )
    assert same.answer == "96%"


def test_a_term_is_looked_up_by_the_run_of_its_words_an_entry_is_keyed_by(
    tmp_path: Path,
) -> None:
    doc = (
        # The caption names the system: a name no document writes is refused as unmentioned.
        "# Zentoma\n\n## Stages\n\nTable 8. Quell-Zentoma Staging System for Zentoma\n\n"
        "| Stage | Description |\n|---|---|\n| I | Completely encapsulated. |\n"
        "| IVa | Pleural or pericardial dissemination. |\n"
        "| IVb | Lymphogenous or hematogenous metastases. |\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "stages", doc)
    answer = engine.ask("What does Quell-Zentoma stage IVa mean?", min_confidence=0.0)
    assert answer.answer == "Pleural or pericardial dissemination."


def test_a_comparison_is_answered_by_the_figures_given_side_by_side(tmp_path: Path) -> None:
    doc = (
        "A phase II trial of zentamab enrolled patients with recurrent zentoma or zentic "
        "carcinoma. The median progression-free survival (PFS) was 10.6 months (12.1 months for "
        "patients with zentoma vs. 2.9 months for patients with zentic carcinoma). The "
        "disease-control rate was 88% (zentoma: 93.8%; zentic carcinoma: 77.8%)."
    )
    compared, higher = _answers_in(
        tmp_path,
        doc,
        "With zentamab, how did median PFS compare between zentoma and zentic carcinoma?",
        "On zentamab, did zentoma or zentic carcinoma patients have the higher disease-control "
        "rate?",
    )
    assert compared is not None and compared.startswith("12.1 months") and "2.9 months" in compared
    assert higher is not None and "93.8%" in higher and "77.8%" in higher


def test_trials_described_item_by_item_are_compared_by_their_ratios(tmp_path: Path) -> None:
    # Each trial is a bold line and a list whose items wrap onto further lines; the figure is
    # in the last item, after its label. A bigger reduction is the lower ratio.
    def trial(name: str, ratio: str) -> str:
        return (
            f"**{name} (County of the Two-County Trial), Sweden 1977**\n\n"
            "- **Age at entry:** 40 to 74 years.\n"
            "- **Randomization:** Geographic cluster, with stratification for residence (urban or\n"
            "rural), and size. The process has not\nbeen described.\n"
            "- **Follow-up duration:** 12 years.\n"
            "- **Relative risk of zentoma death, screening versus control (95% CI):** "
            f"{ratio}.\n\n"
        )

    doc = (
        "# Trials\n\n## Appendix\n\n"
        + trial("Zentberg", "0.68\n(0.52–0.89)")
        + trial("Quellstad", "0.82\n(0.64–1.05)")
        + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "trials", doc)
    answer = engine.ask(
        "Two-County trial: which county showed the bigger zentoma mortality reduction, "
        "Zentberg or Quellstad? Give the RRs.",
        min_confidence=0.0,
    )
    assert answer.answer is not None and answer.answer.endswith("0.68\n(0.52–0.89)")
    assert answer.citations[0].quote.startswith("Relative risk")
    assert answer.note is not None and "0.68" in answer.note and "0.82" in answer.note
    assert answer.note.endswith("the lower is Zentberg's.")


def test_figures_stated_per_age_group_answer_for_the_group_asked(tmp_path: Path) -> None:
    doc = (
        "Based on a meta-analysis, the number of people needed to invite for screening to "
        "prevent one zentoma death depends on age: for people aged 39 to 49 years, 1,904 people "
        "needed (95% confidence interval [CI], 929–6,378); for people aged 50 to 59 years, 1,339 "
        "people needed (95% CI, 322–7,455); and for people aged 60 to 69 years, 377 people "
        "needed (95% CI, 230–1,050)."
    )
    sixties, other, nni = _answers_in(
        tmp_path,
        doc,
        "How many people in their 60s must be invited to screening to prevent one zentoma death?",
        "What is the number needed to invite to prevent one zentoma death for people aged 70 "
        "to 74?",
        "Number needed to invite to prevent one zentoma death at ages 39-49?",
    )
    assert sixties == "377 people"
    assert other is None  # figures are given for other ages only
    assert nni is not None and nni.startswith("1,904")
    assert profile("What is the NNT to prevent one death?").kind == "count"


def test_a_long_name_is_answered_with_the_abbreviation_it_defines(tmp_path: Path) -> None:
    doc = (
        "Better evidence may come from the ongoing Zentoma Tomographic Imaging Screening Trial "
        "(ZTIST), which compares tomographic imaging with standard imaging, with the rate of "
        "advanced zentomas as its primary outcome."
    )
    (named,) = _answers_in(
        tmp_path,
        doc,
        "Which ongoing trial compares tomographic imaging with standard imaging by the rate of "
        "advanced zentomas?",
    )
    assert named == "Zentoma Tomographic Imaging Screening Trial (ZTIST)"


def test_a_dose_stated_another_way_does_not_answer(tmp_path: Path) -> None:
    doc = (
        "In ZENITH-9, zentamab was given at 10 mg/kg intravenously every 2 weeks for up to 12 "
        "months. In ZENITH-10, quellimab was given at a dose of 1,500 mg every 4 weeks."
    )
    flat, scaled, any_dose = _answers_in(
        tmp_path,
        doc,
        "What flat dose of zentamab in milligrams was used in ZENITH-9?",
        "What weight-based dose of quellimab was used in ZENITH-10?",
        "What dose of zentamab was used in ZENITH-9?",
    )
    assert flat is None and scaled is None
    assert any_dose is not None and any_dose.startswith("10 mg/kg")


def test_a_figure_is_labelled_by_the_group_that_received_an_arm(tmp_path: Path) -> None:
    doc = (
        "The study showed fewer interval zentomas in the MRI group (2.5 per 1,000 screenings in "
        "the group invited to receive MRI, 0.8 per 1,000 in the group that actually received "
        "MRI, and 5.0 per 1,000 in the group that received mammography only). Each group was "
        "followed for 2 years, and no group was told its assignment."
    )
    (rate,) = _answers_in(
        tmp_path, doc, "What was the interval zentoma rate in the mammography-only group?"
    )
    assert rate == "5.0 per 1,000 in the group that received mammography only"


def test_of_two_labelled_figures_the_one_whose_label_says_more_answers(tmp_path: Path) -> None:
    doc = (
        "At the population level, it is estimated that 92.3% (95% CI, 91.4%–93.1%) of zentoma "
        "biopsy diagnoses would be verified by an expert reference diagnosis, with 4.6% (95% CI, "
        "3.9%–5.3%) of initial zentoma biopsies estimated to be overinterpreted."
    )
    (share,) = _answers_in(
        tmp_path,
        doc,
        "At the population level, what share of initial zentoma biopsies are estimated to be "
        "overinterpreted?",
    )
    assert share is not None and share.startswith("4.6%")


def test_subjects_asked_as_a_list_are_answered_from_the_items_that_state_them(
    tmp_path: Path,
) -> None:
    doc = (
        "The three main subtypes of zentoma include:\n\n"
        "- Quellic carcinoma (25% of zentomas).\n- Zentic carcinoma (40% of zentomas).\n"
        "- Large-cell carcinoma (10% of zentomas).\n\nOther subtypes are rare."
    )
    (shares,) = _answers_in(
        tmp_path, doc, "What share of zentomas are zentic, quellic and large-cell carcinoma?"
    )
    assert shares is not None and all(p in shares for p in ("25%", "40%", "10%"))


def test_a_sentence_stating_the_age_group_asked_ranks_first(tmp_path: Path) -> None:
    doc = (
        "An RCT of supplemental MRI versus scans only in 40,373 people aged 50 to 75 years with "
        "dense zentomas in the Netherlands was performed. The Zentic Strategic Randomized Trial "
        "(Z-START) randomly assigned people aged 40 to 49 years to scans with or without "
        "ultrasound."
    )
    engine, sid = _indexed(tmp_path, doc, "Z-START")
    query = engine._retriever.prepare("Which RCT added ultrasound to scans in people in their 40s?")
    scored = engine._answerer.scorer.score(query, engine._retriever.search(query, 10))
    assert scored[0].sid == sid


def test_a_sentence_setting_apart_what_the_question_sets_apart_gains() -> None:
    from sclc_qa.answering.populations import AskedGroup

    apart = "However, apart from zentamab, no other zeta inhibitors have been approved."
    own = "Zentamab was approved for third-line treatment of zentoma in 2031."
    for asked in (
        "Besides zentamab, has any zeta inhibitor been approved for zentoma?",
        "Has any zeta inhibitor other than zentamab been approved for zentoma?",
    ):
        group = AskedGroup.of(profile(asked))
        assert group.factor(apart, frozenset) > group.factor(own, frozenset) == 1.0, asked
    # Setting apart another name is no answer to this question.
    group = AskedGroup.of(profile("Besides quellimab, was any zeta inhibitor approved?"))
    assert group.factor(apart, frozenset) == 1.0


def test_a_bare_number_under_a_ratio_header_is_the_ratio(tmp_path: Path) -> None:
    doc = (
        "# Zentoma\n\n## Risk after screening\n\nTable 3. Later zentoma by screening result\n\n"
        "| Screening Result | Absolute Risk per 1,000 People-Years | Relative Risk vs. People Who "
        "Screened Negative |\n|---|---|---|\n| Negative | 2.5 | 1.0 |\n| Atypia | 6.9 | 2.9 |\n\n"
        + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "risk", doc)
    answer = engine.ask(
        "Compared with people who screened negative, what is the relative risk of later zentoma "
        "after a screen showing atypia?",
        min_confidence=0.0,
    )
    assert answer.answer == "2.9"


def test_groups_listed_with_articles_are_each_asked(hashing_engine: Engine) -> None:
    figures, _ = _stages(hashing_engine)
    text = "The 5-year rate was 64% at local stage, 36% at regional stage, or 9% at distant stage."
    asked = "What is the 5-year rate at a local, a regional and a distant stage?"
    assert asks_several(profile(asked))
    # The last group keeps its label, as the others have theirs.
    expected = "64% at local stage, 36% at regional stage, or 9% at distant stage"
    assert _widened(figures, text, asked) == expected


def test_a_part_asked_beside_takes_the_asked_time_of_a_respectively_pair(
    hashing_engine: Engine,
) -> None:
    figures, _ = _stages(hashing_engine)
    text = (
        "PFS rates were 27.3% and 20.7% at one and three years, and OS rates 69.6% and 35.1%, "
        "respectively."
    )
    asked = "At three years, what share were alive, and what share alive without progression?"
    s, e = figures.widen(text, find(text, "percent")[1], profile(asked))
    assert "20.7%" in text[s:e] and text[s:e].endswith("35.1%")


def test_an_arms_bracketed_counts_do_not_break_its_run(hashing_engine: Engine) -> None:
    figures, _ = _stages(hashing_engine)
    text = (
        "Variants were found in 6% from current smokers (20 of 344; 95% CI, 4%–9%) and 52% "
        "from never-smokers (302 of 580)."
    )
    asked = "How often were variants found in never-smokers versus current smokers?"
    assert _widened(figures, text, asked) == (
        "6% from current smokers (20 of 344; 95% CI, 4%–9%) and 52% from never-smokers"
    )


def test_subjects_asked_side_by_side_are_answered_from_their_own_sentences(
    tmp_path: Path,
) -> None:
    text = (
        "Fusions involving the ZRK1 gene are seen in up to 2% of tumours. ZRK2 gene fusions "
        "occur in up to 1% of tumours."
    )
    (answer,) = _answers_in(tmp_path, text, "How common are ZRK1 fusions and ZRK2 fusions?")
    assert answer is not None and "up to 2%" in answer and answer.endswith("up to 1% of tumours")
    assert coordinated(profile("How common are ZRK1 fusions and ZRK2 fusions?")) == (
        "ZRK1",
        "ZRK2",
    )
    assert coordinated(profile("Was ZRK1 or ZRK2 more common?")) == ()


def test_the_longest_word_no_document_uses_is_weighed(tmp_path: Path) -> None:
    """A long unseen word is more often a subject the documents never treat than a
    paraphrase: the confidence reads its length."""
    engine, _ = _indexed(tmp_path, "Zentamab improved survival in 273 patients.", "273")
    scorer = engine._answerer.scorer
    prepare = engine._retriever.prepare
    assert scorer.unseen_length(prepare("Did zentamab improve survival?")) == 0.0
    long_word = scorer.unseen_length(prepare("Does zentamab treat mesothelioma?"))
    short_word = scorer.unseen_length(prepare("Does zentamab shrink tumours?"))
    assert long_word == 1.0 and 0.0 < short_word < long_word


def test_a_finding_of_noninferiority_or_equivalence_settles_a_yes_no_question() -> None:
    assert has_verdict("Sublobar resection was noninferior to lobar resection for DFS.")
    assert has_verdict("Zentamab was non-inferior to placebo.")
    assert has_verdict("The two schedules were equivalent for OS.")
    assert not has_verdict("The primary end point was disease-free survival.")


def test_a_count_of_people_before_its_verb_is_read_in_a_question_of_several_parts() -> None:
    text = "(among 35 enrolled patients, the confirmed ORR was 80% and the DCR 91.4%)"
    asked = profile("How many patients took part, and what were the response and control rates?")
    assert [text[s.start : s.end] for s in counted(text, find(text, "count"), asked)] == [
        "35 enrolled patients"
    ]


def test_several_things_counted_are_each_answered_acronyms_included(tmp_path: Path) -> None:
    doc = "A meta-analysis of 12 randomized controlled trials evaluated 15 zentamab regimens."
    question = "How many RCTs and regimens did the zentamab meta-analysis cover?"
    assert counts_several(profile(question))
    assert not counts_several(profile("How many RCTs did the zentamab meta-analysis cover?"))
    assert _answers_in(tmp_path, doc, question) == [
        "12 randomized controlled trials evaluated 15 zentamab regimens"
    ]


def test_a_plural_question_gets_the_figure_of_each_listed_item(tmp_path: Path) -> None:
    text = (
        "The main zentoma subtypes are:\n\n"
        "- Alpha zentoma (40% of zentomas).\n- Beta zentoma (25% of zentomas)."
    )
    (answer,) = _answers_in(
        tmp_path, text, "What are the main zentoma subtypes and what share of zentomas is each?"
    )
    assert answer is not None and "40%" in answer and "25%" in answer


def test_dose_and_fractionation_asks_the_total_and_the_dose_per_fraction(
    hashing_engine: Engine,
) -> None:
    figures, _ = _stages(hashing_engine)
    text = "Most studies use 40 Gy to 70 Gy with a standard scheme (1.8–2.0 Gy per fraction)."
    both = "What dose and fractionation are used for zentoma?"
    assert _widened(figures, text, both, "dose") == (
        "40 Gy to 70 Gy with a standard scheme (1.8–2.0 Gy per fraction)"
    )
    assert _widened(figures, text, "What dose is used for zentoma?", "dose") == "40 Gy to 70 Gy"


def test_a_relative_clause_keeps_what_it_is_said_of(hashing_engine: Engine) -> None:
    vocab = hashing_engine._answerer.vocab
    text = (
        "In the Zenith trial, income level, which correlates with the risk of death from "
        "zentoma, differed markedly between the two groups, rendering the results uninterpretable."
    )
    s, e = explaining_clause(text, profile("Why were the Zenith results uninterpretable?"), vocab)
    assert text[s:e].startswith("In the Zenith trial, income level, which correlates")


def test_a_nested_list_reports_on_its_outer_lead_in_and_a_bare_ratio_on_its_endpoint(
    tmp_path: Path,
) -> None:
    text = (
        "1. The phase III ZENITH-1 trial randomly assigned 400 patients with zentoma to "
        "zentamab or placebo.\n\n"
        "1. The median follow-up was 30.0 months.\n"
        "2. Overall survival favored zentamab regardless of the ZRK1 score.\n\n"
        "- The HR was 0.60 (95% CI, 0.50–0.72) for the ZRK1 >50% group, 0.70 (95% CI, "
        "0.60–0.82) for the ZRK1 >20% group, and 0.80 (95% CI, 0.70–0.91) for the ZRK1 >1% group."
    )
    (answer,) = _answers_in(
        tmp_path, text, "ZENITH-1: what OS hazard ratio was reported with a ZRK1 score above 20%?"
    )
    assert answer == "0.70 (95% CI, 0.60–0.82)"


def test_how_many_of_each_of_two_things_reads_both_labelled_items(tmp_path: Path) -> None:
    text = (
        "Estimated new cases and deaths from zentoma in Zentland in 2025:\n\n"
        "- New cases: 1,200.\n- Deaths: 800."
    )
    (answer,) = _answers_in(
        tmp_path,
        text,
        "How many new adult lung zentoma cases and how many adult lung zentoma deaths were "
        "expected in Zentland in 2025?",
    )
    assert answer is not None and "1,200" in answer and "800" in answer


def test_a_name_in_apposition_after_the_asked_phrase_is_of_its_class(
    hashing_engine: Engine,
) -> None:
    _, entities = _stages(hashing_engine)
    # A code name does not look like a drug; the phrase before it says it is one.
    text = "The ZRK1 inhibitor ZX-4471 blocks zentoma growth in mice."
    found = entities._chosen(text, profile("Which ZRK1 inhibitors block zentoma growth?"))
    assert found is not None
    (s, e), _, other_class = found
    assert (text[s:e], other_class) == ("ZX-4471", False)


def test_the_last_arm_keeps_its_treatment_as_its_label(tmp_path: Path) -> None:
    text = (
        "The median PFS was 16.8 months with zentamab versus 5.6 months with placebo "
        "(HR, 0.52; 95% CI, 0.42–0.65)."
    )
    (answer,) = _answers_in(
        tmp_path, text, "What median PFS did zentamab achieve compared with placebo?"
    )
    assert answer == "16.8 months with zentamab versus 5.6 months with placebo"


def test_a_single_arm_figure_answers_nothing_of_a_control_arm(tmp_path: Path) -> None:
    single = (
        "In the phase II ZENITH-2 trial, zentamab with chemotherapy showed encouraging activity. "
        "The median OS was 12.9 months (95% CI 11.6–17.5)."
    )
    asked = "What median overall survival did the placebo group have in ZENITH-2?"
    assert _answers_in(tmp_path, single, asked) == [None]
    both = (
        "In the phase III ZENITH-2 trial, the median OS was 12.9 months with zentamab versus "
        "10.1 months with placebo."
    )
    (answer,) = _answers_in(tmp_path / "both", both, asked)
    assert answer is not None and "10.1 months" in answer


def test_the_sentence_for_the_asked_side_of_a_share_cutoff_answers(tmp_path: Path) -> None:
    text = (
        "1. The ZENITH-3 trial grouped patients by ZRK1 status (either ≥1% or <1%).\n\n"
        "- Among patients with ZRK1 ≥1%, the median OS was 17.1 months. The 5-year OS rate was "
        "24% with zentamab and 14% with chemotherapy.\n"
        "- Among patients with ZRK1 <1%, the median OS was 17.4 months. The 5-year OS rate was "
        "19% with zentamab and 7% with chemotherapy."
    )
    (answer,) = _answers_in(
        tmp_path, text, "For ZRK1-negative (<1%) patients in ZENITH-3, what was the 5-year OS rate?"
    )
    assert answer is not None and answer.startswith("19%")


def test_figures_comparing_the_asked_endpoint_settle_a_yes_no_question() -> None:
    asked = profile("Did zentamab help patients live longer than docetaxel?")
    compared = (
        "The median OS was 7.6 months with zentamab versus 9.4 months with docetaxel "
        "(HR, 1.32; 95% CI, 0.91–1.92)."
    )
    assert has_statement_shape(asked, compared)
    # Another endpoint's comparison, or the endpoint's figure for one arm, settles nothing.
    assert not has_statement_shape(
        asked, "The median PFS was 2.8 months with zentamab versus 3.9 months with docetaxel."
    )
    assert not has_statement_shape(asked, "The median OS was 7.6 months with zentamab.")


def test_a_share_keeps_its_endpoint_and_the_group_asked_for() -> None:
    text = "Phase I data showed a 38% ORR in patients with ≥50% ZRK1-positive cells, and more."
    e = text.index("38%") + 3
    assert text[text.index("38%") : endpoint_after(text, e, "What ORR did it show?")] == "38% ORR"
    whom = "What ORR did it show, and in patients with what level of ZRK1?"
    assert text[text.index("38%") : endpoint_after(text, e, whom)] == (
        "38% ORR in patients with ≥50% ZRK1-positive cells"
    )
    # A capitalised word after a share that is no endpoint is no label of it.
    other = "It was 38% NEW here."
    assert endpoint_after(other, other.index("%") + 1, "What share?") == other.index("%") + 1
    # A rate noun written straight after the share says what it measures; "in", "of" do not.
    rated = "Zetascan had a 61% false-positive rate in the cohort."
    end = endpoint_after(rated, rated.index("%") + 1, "How often was it wrong?")
    assert rated[rated.index("61%") : end] == "61% false-positive rate"
    cut = "It gave a 12% reduction in the rate of relapse."
    assert endpoint_after(cut, cut.index("%") + 1, "By how much?") == cut.index("%") + 1


def test_a_sentence_that_points_to_another_summary_is_no_candidate(tmp_path: Path) -> None:
    text = (
        "For a more detailed explanation of lead-time bias in zentoma screening, see "
        "[Screening Overview](/screening/overview). Lead-time bias means that zentoma "
        "detected by screening earlier than symptoms would have shown it only advances the "
        "date of diagnosis."
    )
    engine, pointer = _indexed(tmp_path, text, "see [Screening")
    query = engine._retriever.prepare("Explain lead-time bias in zentoma screening.")
    scored = engine._answerer.scorer.score(query, engine._retriever.search(query, 8))
    assert scored and pointer not in {s.sid for s in scored}


def test_a_time_point_stated_after_the_trial_is_named_is_a_candidate(tmp_path: Path) -> None:
    """The sentence with the rates names no trial, and the passage found holds only the one
    that does: the paragraph's next sentences at the asked time point are candidates too."""
    text = (
        "The phase II ZENITH-1 trial tested zentamab with low-dose radiotherapy in 48 patients. "
        "It was well tolerated. Two-year follow-up showed OS rates of 71.2% and 38.4% at one "
        "and three years, respectively."
    )
    engine, sid = _indexed(tmp_path, text, "ZENITH-1")
    (chunk,) = [c for c in engine.index.chunks if sid in c.sentence_ids][:1]
    query = engine._retriever.prepare("ZENITH-1 survival at 1 and 3 yrs?")
    alone = chunk.model_copy(update={"sentence_ids": (sid,)})
    scored = engine._answerer.scorer.score(query, [Hit(alone, 1.0, 0, 0)])
    assert sid + 2 in {s.sid for s in scored}


def test_a_table_row_naming_less_than_the_best_sentence_does_not_answer(tmp_path: Path) -> None:
    text = (
        "Maintenance lorbitinib plus zentamab prolonged PFS in ZX1-positive zentoma but was "
        "associated with more hematologic toxicity, mainly grade 3 neutropenia.\n\n"
        "| NCT number | Drug | Phase | Patients |\n|---|---|---|---|\n"
        "| NCT09990001 | Zentamab | II | ZX1 positive zentoma |\n"
        "| NCT09990002 | Other drug | I | Solid tumours |"
    )
    (answer,) = _answers_in(
        tmp_path,
        text,
        "What was the main toxicity of adding zentamab to lorbitinib maintenance in "
        "ZX1-positive patients?",
    )
    assert answer is not None and "neutropenia" in answer


def test_a_name_said_to_be_the_first_answers_which_was_the_first(tmp_path: Path) -> None:
    text = (
        "Zentamab is the first ZRK1 antibody to yield a significant and clinically meaningful "
        "survival benefit in the first-line treatment of zentoma, ahead of lorbitinib and ZX-12."
    )
    asked = "Which anti-ZRK1 drug was the first to show a clinically meaningful survival gain?"
    assert _answers_in(tmp_path, text, asked) == ["Zentamab"]


def test_a_figure_for_one_gene_group_does_not_answer_for_another(tmp_path: Path) -> None:
    text = (
        "ZRK1 rearrangements occur in 4% of zentomas and ZRK2 variants in 11%.\n\n"
        "A pooled analysis of patients with *ZRK2*-altered zentoma who received zentamab in "
        "ZENITH-6 was published in abstract form. The objective response rate was 41.2%. "
        "The median PFS was 5.9 months (95% CI, 5.1–7.4)."
    )
    alk, same = _answers_in(
        tmp_path,
        text,
        "What median PFS did zentamab give the ZRK1-rearranged patients of ZENITH-6?",
        "What median PFS did zentamab give the ZRK2-mutant patients of ZENITH-6?",
    )
    assert alk is None and same is not None and same.startswith("5.9 months")


def test_a_figure_for_one_kind_of_change_does_not_answer_for_another_of_the_gene(
    tmp_path: Path,
) -> None:
    text = (
        "ZENITH-8 enrolled patients with ZRK2 variants or ZRK2-overexpressing zentoma. "
        "Ninety patients with *ZRK2* variants were enrolled. The objective response rate was "
        "55% (95% CI, 44%–65%)."
    )
    other, negated, same = _answers_in(
        tmp_path,
        text,
        "What response rate did the ZRK2-overexpressing cohort of ZENITH-8 have?",
        "In ZENITH-8, what was the response rate with ZRK2 overexpression (without ZRK2 variants)?",
        "What response rate did ZRK2-mutant zentoma have in ZENITH-8?",
    )
    assert other is None and negated is None
    assert same is not None and same.startswith("55%")


def test_stages_compared_after_a_source_are_the_choice_and_label_their_figures(
    tmp_path: Path,
) -> None:
    text = (
        "In the ZX registry, the rate of recurrence was 4% in patients with stage I disease, "
        "21% for stage II disease, 61% for stage IVA disease, and 47% for stage IVB disease."
    )
    (answer,) = _answers_in(
        tmp_path, text, "Per the ZX registry, was recurrence more common in stage IVA or IVB?"
    )
    assert answer is not None and answer.startswith("61%")


def test_a_figure_asked_with_versus_without_a_treatment_asks_both_arms(tmp_path: Path) -> None:
    text = (
        "In the ZX registry, median OS was 131 months (95% CI, 101–160) with ZX-RT compared "
        "with 98 months (95% CI, 77–120) in patients treated with surgery alone (*P* = .041)."
    )
    (answer,) = _answers_in(
        tmp_path, text, "ZX registry: median OS with vs without ZX-RT, and the P value?"
    )
    assert answer is not None and answer.startswith("131 months") and "98 months" in answer


def test_a_gap_between_two_subjects_figures_is_answered_from_both(tmp_path: Path) -> None:
    text = (
        "In ZENITH-1, grade 3 or higher immune-related adverse events occurred in 48.5% of "
        "patients. In ZENITH-2, grade 3 or higher immune-related adverse events occurred in "
        "31.0% of patients."
    )
    engine = _section_engine(tmp_path, text)
    answer = engine.ask(
        "How much more frequent were grade 3+ immune-related adverse events in ZENITH-1 than "
        "in ZENITH-2?",
        min_confidence=0.0,
    )
    assert answer.answer is not None and "48.5%" in answer.answer
    assert answer.note is not None and "a difference of 17.5 percentage points" in answer.note


def test_subjects_asked_side_by_side_are_answered_each_with_its_figure(
    hashing_engine: Engine,
) -> None:
    from sclc_qa.answering.pairs import side_by_side

    figures, _ = _stages(hashing_engine)
    text = (
        "Other alterations include ZRK1 fusions (in 3–5% of cases), ZRK2 amplifications "
        "(~1%), and changes in chromatin genes (12%)."
    )
    prof = profile("How common are ZRK1 fusions and ZRK2 amplifications?")
    assert coordinated(prof) == ("ZRK1", "ZRK2")
    spans = find(text, "percent")
    found = side_by_side(text, spans, coordinated(prof), lambda sp: figures.widen(text, sp, prof))
    assert found is not None
    assert text[found[0] : found[1]] == "ZRK1 fusions (in 3–5% of cases), ZRK2 amplifications (~1%)"
    # Figures paired only by order ("respectively") are not each after their own subject.
    text = "ZRK1 fusions and ZRK2 amplifications occur in 3% and 1%, respectively."
    found = side_by_side(
        text, find(text, "percent"), ("ZRK1", "ZRK2"), lambda sp: (sp.start, sp.end)
    )
    assert found is None


def test_results_the_text_says_are_not_known_yet_are_not_an_answer() -> None:
    from sclc_qa.answering.constraints import withheld

    sentence = (
        "ZENITH-9 is enrolling patients with ZCLC; detailed results have not yet been reported."
    )
    design = sentence.index(";")
    asked = profile("What did the ZENITH-9 trial show?")
    assert withheld(asked, sentence, 0, design) == "detailed results have not yet been reported"
    # The answer takes the clause in, whatever the question's words.
    open_ = profile("What is known about ZENITH-9?")
    assert withheld(open_, sentence, 0, len(sentence)) != ""
    # Asked what the trial enrols: the design is the answer.
    assert withheld(profile("Whom does ZENITH-9 enrol?"), sentence, 0, design) == ""
    # A yes/no question is answered by that clause.
    assert withheld(profile("Has ZENITH-9 reported results?"), sentence, 0, len(sentence)) == ""
    assert withheld(asked, "ZENITH-9 met its primary endpoint.", 0, 20) == ""


def test_a_name_continued_by_of_after_an_organisation_word_is_one_name() -> None:
    from sclc_qa.answering.name_lists import joined_names

    text = "Reviewed by Zena Quill, MD (University of Zenith Medical Center) and Omar Vale."
    joined = [text[s.start : s.end] for s in joined_names(text, names(text))]
    assert "University of Zenith Medical Center" in joined
    # "of" after a name that heads nothing keeps the two names apart.
    text = "Zentamab of Quellor Pharma was compared with Vexitan."
    joined = [text[s.start : s.end] for s in joined_names(text, names(text))]
    assert "Zentamab" in joined and not any(j.startswith("Zentamab of") for j in joined)
    # Two names only a space parts are one: "ZetaSeq Panel 300", not "ZetaSeq" and "Panel 300".
    text = "Plasma was analyzed with the capture-based ZetaSeq Panel 300 ctDNA assay (Quell)."
    joined = [text[s.start : s.end] for s in joined_names(text, names(text))]
    assert "ZetaSeq Panel 300 ctDNA" in joined and "Quell" in joined


def test_what_a_thing_is_made_of_is_answered_by_what_it_consists_of(tmp_path: Path) -> None:
    from sclc_qa.answering.shapes import has_statement_shape, states_makeup

    made = (
        "It consists of two binding domains, one for ZRK1 and one for CD3, fused to an Fc region."
    )
    does = "By tethering tumour cells to T cells, zentamab drives T-cell killing."
    for question in ("How is zentamab built?", "What is zentamab made of?"):
        prof = profile(question)
        assert has_statement_shape(prof, made) and not has_statement_shape(prof, does)
        assert states_makeup(question, made)
    # How it works is still answered by the means.
    assert not states_makeup("How does zentamab work?", made)
    text = f"Zentamab is a first-in-class bispecific antibody. {made} {does}"
    (answer,) = _answers_in(tmp_path, text, "How is zentamab built?")
    assert answer is not None and answer.startswith("It consists of two binding domains")


def test_a_markers_level_is_not_an_outcomes_rate() -> None:
    from sclc_qa.answering.shares import marker_level

    text = "Zentamab improved DFS in patients whose tumors had ZRK1 on at least 1% of tumor cells."
    (span,) = find(text, "percent")
    assert marker_level(text, span)
    text = "Benefit was larger with ZRK1 expression ≥50% versus <50% (HR, 0.41)."
    assert all(marker_level(text, sp) for sp in find(text, "percent"))
    text = "The 3-year OS rate was 41% with zentamab and 29% with placebo."
    assert not any(marker_level(text, sp) for sp in find(text, "percent"))


def test_several_counts_asked_are_read_from_the_items_that_state_them(tmp_path: Path) -> None:
    text = (
        "Estimated new cases and deaths from zentoma in Zedland in 2031:\n\n"
        "- New cases: 12,340.\n- Deaths: 5,670.\n\n"
        "Zentoma is the leading cause of death from cancer in Zedland."
    )
    (answer,) = _answers_in(
        tmp_path, text, "How many new zentoma cases and zentoma deaths are expected in 2031?"
    )
    assert answer is not None and "12,340" in answer and "5,670" in answer


def test_which_drug_is_approved_is_not_answered_by_the_regulator(hashing_engine: Engine) -> None:
    _, entities = _stages(hashing_engine)
    text = (
        "Zentamab, quellinib and vexitinib are all approved by the FDA for patients with ZRK1 "
        "fusions who already had a TKI."
    )
    prof = profile("Which ZRK1 drug is approved for patients who already had a ZRK1 TKI?")
    chosen = entities._chosen(text, prof)
    assert chosen is not None
    assert text[chosen[0][0] : chosen[0][1]] in ("Zentamab", "quellinib", "vexitinib")


def test_a_drug_stem_says_the_class_the_sentence_does_not(tmp_path: Path) -> None:
    # The sentence never calls quellaciclib a CDK4/6 inhibitor; its stem does, as it tells a
    # reader who knows the stems. A drug of another stem is not put in the asked place.
    (answer,) = _answers_in(
        tmp_path,
        "CDK4/6 inhibition slows zentoma growth in cell lines. In particular, quellaciclib "
        "arrested the cell cycle most completely and was associated with the longest delay in "
        "growth, while zentinib was given after surgery.",
        "Which CDK4/6 inhibitor arrested the cell cycle most completely?",
    )
    assert answer == "quellaciclib"
    assert stem_class("quellaciclib") == {"cdk4", "6", "inhibitor"}
    assert "cdk4" not in stem_class("zentinib") and stem_class("CDK4") == frozenset()


def test_a_defined_abbreviation_carries_its_long_forms_words(tmp_path: Path) -> None:
    # "ES-ZT" is read as "extensive-stage zentoma", the document's own definition, so a
    # question in the long form's words ("extensive disease") matches the sentence that
    # abbreviates it; a sentence without the abbreviation gains nothing.
    engine, sid = _indexed(
        tmp_path,
        "Extensive-stage zentoma (ES-ZT) is common. Approximately 70% of patients are "
        "diagnosed with ES-ZT on initial examination. Fewer than 20% of patients respond.",
        "initial examination",
    )
    tokens = engine._answerer.vocab.tokens
    assert {"extens", "stage", "zentoma"} <= tokens[sid]
    assert "extens" not in tokens[sid + 1]


def test_several_asked_are_answered_by_the_whole_list_an_item_belongs_to(
    tmp_path: Path,
) -> None:
    # The best sentence may be one item ("Night sweats."); its lead-in names the asked class,
    # so the list is the answer. An item of a list whose lead-in names another class is not.
    text = (
        "Zentoma may present with symptoms or be found on imaging. The most common symptoms "
        "at presentation include:\n\n- Zentic rash.\n- Night sweats.\n- Quellian cough.\n\n"
        "Risk factors include:\n\n- Smoking.\n- Radon.\n\nSymptoms may come from local growth."
    )
    from sclc_qa.answering.scoring import Scored

    engine, item = _indexed(tmp_path, text, "Night sweats")
    other = next(i for i, s in enumerate(engine.index.sentences) if s.text.startswith("Radon"))
    extractor = engine._answerer.extractor
    prof = profile("What symptoms do zentoma patients most often present with?")
    found = extractor.extract(prof, Scored(item, 1.0, 1.0, ()), [Scored(item, 1.0, 1.0, ())])
    doc = engine.index.documents["doc"].text
    assert found is not None
    assert doc[found.start : found.end] == "Zentic rash.\n- Night sweats.\n- Quellian cough."
    found = extractor.extract(prof, Scored(other, 1.0, 1.0, ()), [Scored(other, 1.0, 1.0, ())])
    assert found is not None and doc[found.start : found.end].startswith("Radon")


def test_a_figure_for_another_disease_does_not_answer(tmp_path: Path) -> None:
    # Each disease is defined by its abbreviation; a figure stated for one is not the other's,
    # while a stage of a disease ("ES-ZCL") is the same population.
    text = (
        "Zeta cell lymphoma (ZCL) and non-zeta cell lymphoma (NZCL) differ. Extensive-stage "
        "zeta cell lymphoma (ES-ZCL) is common. Activating ZRK1 variants are found in 25% to "
        "30% of NZCL. Median survival is 9.1 months in ES-ZCL."
    )
    engine = _section_engine(tmp_path, text)
    other = _refusal(engine, "How often is ZRK1 mutated in ZCL?")
    assert "(the figure given is for NZCL)" in other
    own = engine.ask("How often is ZRK1 mutated in NZCL?", min_confidence=0.0)
    assert own.answer is not None and own.answer.startswith("25% to 30%")
    staged = engine.ask("What is the median survival in ZCL?", min_confidence=0.0)
    assert staged.answer is not None and staged.answer.startswith("9.1 months")


def test_a_statement_about_another_disease_does_not_answer(tmp_path: Path) -> None:
    # How a drug works in one disease, or whether it is an option there, says nothing of another.
    text = (
        "Zeta cell lymphoma (ZCL) and non-zeta cell lymphoma (NZCL) differ. In NZCL, zentamab "
        "works by binding ZRK1 and thereby starving the tumour cells of zentin."
    )
    engine = _section_engine(tmp_path, text)
    other = _refusal(engine, "How does zentamab work in ZCL?")
    assert "(the passage given is for NZCL)" in other
    own = engine.ask("How does zentamab work in NZCL?", min_confidence=0.0)
    assert own.answer is not None and "binding ZRK1" in own.answer


def test_a_disease_and_its_plural_abbreviation_are_one_population(tmp_path: Path) -> None:
    text = (
        "Zeta epithelial tumors (ZETs) are rare. A zeta epithelial tumor (ZET) grows slowly. "
        "In a phase II trial of recurrent ZETs, quellimab was given at 400 mg/m2 every 3 weeks."
    )
    engine = _section_engine(tmp_path, text)
    dose = engine.ask(
        "What quellimab dose was used in the recurrent ZET trial?", min_confidence=0.0
    )
    assert dose.answer is not None and dose.answer.startswith("400 mg/m2")


def test_a_sentence_on_the_study_of_the_asked_size_comes_first(tmp_path: Path) -> None:
    text = (
        "In a series of 120 patients with zentoma, 10-year DFS was 55%. In a series of 240 "
        "patients with zentoma, 10-year DFS was 35%."
    )
    (larger, smaller) = _answers_in(
        tmp_path,
        text,
        "In the 240-patient series, what was 10-year DFS in zentoma?",
        "In the 120-patient series, what was 10-year DFS in zentoma?",
    )
    assert (larger, smaller) == ("35%", "55%")


def test_a_statistic_asked_for_is_a_value_not_a_clause_without_one(tmp_path: Path) -> None:
    text = (
        "In ZENITH-4, the AUC of zentography was 0.81 in women aged 40 to 49. A second ZENITH-4 "
        "report found a trend toward a higher AUC for quellography in women aged 65 and older."
    )
    engine = _section_engine(tmp_path, text)
    older = _refusal(
        engine,
        "What AUC did the second ZENITH-4 report give for zentography in women aged 65 and older?",
    )
    assert "no AUC" in older
    younger = engine.ask("What AUC did zentography reach in ZENITH-4?", min_confidence=0.0)
    assert younger.answer is not None and "0.81" in younger.answer


def test_a_figure_for_other_stages_or_tumour_kinds_is_refused_by_name(tmp_path: Path) -> None:
    text = (
        "For patients with stage III or stage IV zentoma, 5-year survival was 41%. In a phase "
        "II trial of quellimab in patients with zetic carcinoma, the median PFS was 7.1 months."
    )
    engine = _section_engine(tmp_path, text)
    staged = _refusal(engine, "What was 5-year survival for stage I zentoma?")
    assert "stage I (the figure given is for stage III or stage IV)" in staged
    kind = _refusal(engine, "What median PFS did quellimab give in zentoma?")
    assert "zentoma (the figure given is for zetic carcinoma)" in kind
    own = engine.ask("What median PFS did quellimab give in zetic carcinoma?", min_confidence=0.0)
    assert own.answer is not None and own.answer.startswith("7.1 months")


def test_where_a_trial_ran_is_read_from_the_sentences_after_the_one_naming_it(
    tmp_path: Path,
) -> None:
    # The sentence that describes the trial says nothing of where; its paragraph, past the
    # list of results, does ("This study, performed in …").
    text = (
        "A phase III trial compared zentamab with zentamab plus quellimab in 312 frail patients "
        "with zentoma.\n\n"
        "- Median OS was 4.1 months for the zentamab group and 7.7 months for the combination.\n"
        "- Rash was more frequent in the combination arm.\n\n"
        "This study, which was run at six hospitals in Portugal, reported long survival."
    )
    (answer,) = _answers_in(
        tmp_path,
        text,
        "Where was the trial of zentamab vs zentamab plus quellimab in frail patients run?",
    )
    assert answer == "Portugal"


def test_which_trial_asks_the_id_column_over_the_columns_its_words_describe(
    tmp_path: Path,
) -> None:
    from sclc_qa.tables import best_cell

    table = (
        "| Clinical trials.gov ID | Intervention | Phase | Treatment line | Cancer stage |\n"
        "|---|---|---|---|---|\n"
        "| NCT01234567 | 45 Gy/30 F | III | First-line treatment | LS-ZCLC |\n"
        "| NCT07654321 | 30 Gy/10 F | II | Maintenance treatment | ES-ZCLC |"
    )
    engine, sid = _indexed(tmp_path, table, "NCT01234567")
    text, row = engine.index.documents["doc"].text, engine.index.sentences[sid]
    asked = profile("Which phase III trial gives a weekly zentamab regimen in LS-ZCLC?")
    span = best_cell(text, row, asked)
    assert span is not None and text[span.start : span.end] == "NCT01234567"
    dose = profile("What radiotherapy dose does the phase III LS-ZCLC trial give?")
    span = best_cell(text, row, dose)
    assert span is not None and text[span.start : span.end] == "45 Gy/30 F"


def test_a_possessive_which_phrase_asks_for_its_owner() -> None:
    regimens = profile("In the zentoma studies, which regimens' arms closed early?")
    assert (regimens.kind, regimens.target) == ("entity", "regimen")
    company = profile("Which company's antibody was approved first?")
    assert company.target == "company"
    # A possessive that only describes ("children's tumour") leaves the noun it describes asked.
    assert profile("Which children's tumour was zentamab approved for?").target == "tumour"


def test_the_clause_about_what_is_set_against_the_subject_does_not_answer(
    hashing_engine: Engine,
) -> None:
    vocab = hashing_engine._answerer.vocab
    text = (
        "Blocking ZRK1 mainly revives worn-out cytotoxic T cells inside the zentoma mass and "
        "its stroma, while blocking ZRK2 mainly widens the pool of newly primed helper T cells "
        "in the draining lymph nodes of the limb."
    )
    for asked in (
        "Where does blocking ZRK2 mainly act, as opposed to blocking ZRK1?",
        "Unlike ZRK1 blockade, where does ZRK2 blockade mainly act?",
        "What does blocking ZRK2 do that blocking ZRK1 doesn't?",
    ):
        s, e = explaining_clause(text, profile(asked), vocab)
        assert text[s:e].startswith("while blocking ZRK2"), asked
    # A that-clause the question only reports is set against nothing.
    from sclc_qa.answering.explanations import _CONTRAST

    assert _CONTRAST.search("What suggests that blocking ZRK1 doesn't widen the pool?") is None


def test_a_figure_in_a_passage_about_one_sex_does_not_answer_for_the_other(
    tmp_path: Path,
) -> None:
    text = (
        "Zentoma risk rose with age, with older men at the highest risk. The rate was 41.2 per "
        "100,000 person-years among patients aged 70 to 74 years."
    )
    doc = f"# Zentoma\n\n## Age\n\n{text}\n\n{_BACKGROUND}"
    engine = _engine_over(tmp_path, "doc", doc)
    refused = _refusal(engine, "What is the zentoma rate for women aged 70 to 74?")
    assert "women (the passage given reports on men)" in refused
    men = engine.ask("What is the zentoma rate for men aged 70 to 74?", min_confidence=0.0)
    assert men.answer is not None and men.answer.startswith("41.2 per 100,000")


def test_a_sentence_naming_no_disease_is_about_its_documents_disease(tmp_path: Path) -> None:
    # The document's title names its disease; a figure in a sentence that names none is that
    # disease's, not the one the question asks about.
    text = (
        "Zeta cell lymphoma (ZCL) and non-zeta cell lymphoma (NZCL) differ. Activating ZRK1 "
        "variants are found in 25% to 30% of patients."
    )
    doc = f"# Non-Zeta Cell Lymphoma Treatment\n\n## Section\n\n{text}\n\n{_BACKGROUND}"
    engine = _engine_over(tmp_path, "doc", doc)
    other = _refusal(engine, "How often is ZRK1 mutated in ZCL?")
    assert "(the figure given is for NZCL)" in other
    own = engine.ask("How often is ZRK1 mutated in NZCL?", min_confidence=0.0)
    assert own.answer is not None and own.answer.startswith("25% to 30%")


def test_a_name_evidently_of_the_asked_class_answers_before_the_words_describing_it(
    tmp_path: Path,
) -> None:
    # The maker, the authors and the country each open their sentence, far before the words
    # the question describes them by; their own words say what they are.
    text = (
        "Licensed from Zeta Pharmaceuticals, the fixed-dose pair zentamab and quellimab now "
        "reaches many clinics treating zentoma, and its twin mechanism makes it an easy "
        "partner for later combinations. Quell et\u00a0al. went further and found a "
        "lymphocyte-rich kind of zentoma, ZCL-I, marked by low ZRK1 and ZRK2 levels. Sold in "
        "Portugal since March 2021 for zentoma that returns after first-line care, vostamab "
        "is also tried in several other cancers."
    )
    assert _answers_in(
        tmp_path,
        text,
        "Which drug maker licensed the pair zentamab and quellimab?",
        "Who found the lymphocyte-rich ZCL-I kind of zentoma?",
        "In which country was vostamab first sold for zentoma that returns?",
    ) == ["Zeta Pharmaceuticals", "Quell et\u00a0al.", "Portugal"]


def test_which_country_is_not_answered_by_a_sentence_naming_none(tmp_path: Path) -> None:
    text = "Zentamab gained approval in 2019 and is widely used against zentoma."
    engine = _section_engine(tmp_path, text)
    reason = _refusal(engine, "Which country was first to approve zentamab?")
    assert "name no country" in reason or "names no country" in reason
    # "Who …?" with no person in the passage: no one is named, not "no who".
    reason = _refusal(engine, "Who first gave zentamab its approval?")
    assert " who" not in reason.removeprefix("Who")


def test_an_abbreviation_asked_for_its_long_form_in_british_spelling(tmp_path: Path) -> None:
    text = "Zentamab acts in tumor-primed zeta nodes (TPZN), from which T cells then travel on."
    assert _answers_in(tmp_path, text, "What is tumour-primed zeta node abbreviated as here?") == [
        "TPZN"
    ]


def test_a_long_form_names_its_abbreviation_only_as_a_word_of_its_own(tmp_path: Path) -> None:
    text = "Zeta cell lymphoma (ZCL) and non-zeta cell lymphoma (NZCL) differ."
    engine = _section_engine(tmp_path, text)
    vocab = engine._answerer.vocab
    assert vocab.mentions("ZCL", frozenset(), "Outcomes in zeta cell lymphoma vary.")
    assert not vocab.mentions("ZCL", frozenset(), "Outcomes in non-zeta cell lymphoma vary.")


def test_an_effect_on_an_endpoint_is_not_answered_by_another_endpoint(tmp_path: Path) -> None:
    text = (
        "In ZENITH-5, pathological complete response was higher with perioperative zentamab "
        "(21.4%) than with chemotherapy alone (6.1%). In ZENITH-6, adjuvant quellimab improved "
        "overall survival over observation in resected zentoma."
    )
    engine = _section_engine(tmp_path, text)
    other = _refusal(engine, "How did perioperative zentamab affect OS in ZENITH-5?")
    assert "no OS result" in other
    own = engine.ask("How did adjuvant quellimab affect OS in ZENITH-6?", min_confidence=0)
    assert own.answer is not None and "overall survival" in own.answer


def test_two_trials_set_side_by_side_are_answered_each_from_its_own_sentence(
    tmp_path: Path,
) -> None:
    text = (
        "In the phase III ZENITH-4 trial, zentamab plus chemotherapy prolonged median OS "
        "(17.2 vs 12.6 months) in untreated zentoma.\n\n"
        "Quellin kinase is expressed in most zentomas and drives their growth.\n\n"
        "In the phase III ZENITH-9 trial, quellimab plus chemotherapy extended median OS from "
        "11.9 months to 16.4 months in untreated zentoma."
    )
    engine = _section_engine(tmp_path, text)
    answer = engine.ask(
        "Median OS: zentamab in ZENITH-4 versus quellimab in ZENITH-9?", min_confidence=0.0
    )
    assert answer.answer is not None and "17.2" in answer.answer
    assert answer.note is not None and "16.4 months" in answer.note
    quotes = " ".join(c.quote for c in answer.citations)
    assert "ZENITH-4" in quotes and "ZENITH-9" in quotes


def test_a_bound_is_not_a_choice_between_alternatives() -> None:
    from sclc_qa.answering.comparisons import offers_alternatives

    assert offers_alternatives("Median PFS in ZENITH-4 versus ZENITH-9?")
    assert not offers_alternatives("Median PFS in ZENITH-4 for ZRK1 of 50% or more?")


def test_another_name_is_the_one_the_text_gives_after_the_subject(tmp_path: Path) -> None:
    text = (
        "Two receptors matter most here: zeta receptor 1 (ZR-1, also called CD999) and "
        "quellin receptor 2 (QR-2, also called CD998). Zentomas of the upper pole, frequently "
        "termed Quell tumors, are rare."
    )
    assert _answers_in(
        tmp_path,
        text,
        "ZR-1 is also known as which CD molecule?",
        "What's the other CD name for QR-2?",
        "What are zentomas of the upper pole commonly called?",
        "What are the alternative CD names for ZR-1 and QR-2?",
    ) == [
        "CD999",
        "CD998",
        "Quell tumors",
        "CD999) and quellin receptor 2 (QR-2, also called CD998",
    ]
    # A former name, by the phrase that gives it.
    former = (
        "Zentocytoma is an uncommon zetal gland growth. In early reports this growth was "
        "originally termed quellular blastoma; the label was later dropped."
    )
    asked = "What was zentocytoma originally called?"
    assert _answers_in(tmp_path / "former", former, asked) == ["quellular blastoma"]


def test_a_biomarker_asked_is_of_the_gene_like_names_not_the_drugs() -> None:
    from sclc_qa.answering.classes import of_class
    from sclc_qa.name_spans import names

    text = "Quellimab plus zentaparib prolonged survival in ZRK11-high zentoma in ZENITH-004."
    cands = names(text)
    for asked in ("biomarker", "target", "gene"):
        assert [text[c.start : c.end] for c in of_class(text, cands, asked)] == ["ZRK11-high"]


def test_a_list_opening_with_a_bracketed_abbreviation_is_read_from_its_long_form(
    tmp_path: Path,
) -> None:
    text = (
        "ZETA enzymes take part in two kinds of upkeep, zeta base repair (ZBR) and quellin "
        "recombination repair (QRR)."
    )
    engine, sid = _indexed(tmp_path, text, "ZBR")
    doc = engine.index.documents["doc"].text
    start, end = doc.index("(ZBR)"), doc.index("(QRR)") + len("(QRR)")
    _, entities = _stages(engine)
    found = entities._spelled_out(sid, start, end)
    assert (
        doc[found[0] : found[1]] == "zeta base repair (ZBR) and quellin recombination repair (QRR)"
    )


def test_a_condition_no_document_names_is_not_answered(tmp_path: Path) -> None:
    text = "Zentamab is the first-line treatment for zentoma, with cisplatin at 75 mg/m2."
    engine = _section_engine(tmp_path, text)
    other = _refusal(engine, "What is the first-line treatment for quellocytoma?")
    assert "quellocytoma" in other
    # Words that only end like a condition's name are not one ("doses", "purposes").
    own = engine.ask("What cisplatin doses are given with zentamab for zentoma?", min_confidence=0)
    assert own.answer is not None and "75 mg/m2" in own.answer


def test_a_rate_keeps_its_base_of_time_and_people() -> None:
    from sclc_qa.answering.labels import per_base_end

    text = "Zentoma returns at a 3% to 4% risk per patient per year after surgery."
    end = text.index("4%") + 2
    assert text[text.index("3%") : per_base_end(text, end)] == "3% to 4% risk per patient per year"
    text = "The rate was 2.7% per year for new zentomas."
    assert text[13 : per_base_end(text, 17)] == "2.7% per year"
    text = "Rash occurred in 4% of patients per protocol."
    assert per_base_end(text, text.index("4%") + 2) == text.index("4%") + 2


def test_a_verb_with_its_particle_or_an_adverb_ends_the_which_phrase() -> None:
    sensor = profile("After the spindle breaks, which zeta sensor picks up the loose fragments?")
    assert (sensor.kind, sensor.target) == ("entity", "sensor")
    # An adverb before the verb is no noun of the phrase; "family" is a noun, not an adverb.
    assert profile("With zentamab, which toxicity mainly rose?").target == "toxicity"
    assert profile("Which zentoma gene family is lost first?").target == "family"
    # "Which" standing for a whole noun phrase: a verb with its particle asks for no class.
    assert profile("Which picks up zentic lesions more reliably, ZX1 or ZX2?").target == ""


def test_a_preposition_ends_the_which_phrase_and_each_of_asks_several() -> None:
    asked = profile("Name the zeta factor behind each of the three zentoma subtypes.")
    assert (asked.kind, asked.target, asked.plural) == ("entity", "factor", True)
    assert profile("Which zeta gene among those is lost first?").target == "gene"
    # One per subtype, yet the class is named in the singular: it stays whole.
    assert profile("Which zeta factor drives each of the subtypes?").target == "factor"


def test_which_adverse_event_asks_for_the_event_not_its_rate() -> None:
    for asked in (
        "When zentamab was added to quellimab, which toxicity mainly rose?",
        "Which adverse event was most common with zentamab?",
    ):
        assert profile(asked).kind == "entity", asked
    # "What toxicity rate …" still asks a figure.
    assert profile("What toxicity rate did zentamab show?").kind == "percent"


def test_a_numbered_trial_is_not_named_by_its_series_name() -> None:
    # "ZENITH-2" is a trial of its own: a question on ZENITH is not answered by it.
    keys = name_keys("In the ZENITH-2 trial, zentamab-quellimab was given.")
    assert "zenith2" in keys and "zenith" not in keys
    assert {"zentamab", "quellimab"} <= keys  # a regimen's parts are still its drugs


def test_the_subgroup_a_question_narrows_to_is_read_by_its_grammar() -> None:
    from sclc_qa.answering.populations import subgroup_terms

    cases = {
        "In ZENITH-4, what median OS did patients with ZRK1 ≥90% reach?": {"zrk1", "90"},
        "What was the DFS HR in the stage IB subgroup of ZENITH-5?": {"stage", "ib"},
        "What median PFS did zentamab give in patients with brain metastases?": {
            "brain",
            "metastas",
        },
        "Among treatment-naive patients, what response rate did zentamab reach?": {
            "treatment-naive",
            "treatment",
            "naiv",
        },
        # no group narrowed to: a share "of patients" names none
        "What percentage of patients had grade 3 events with zentamab?": set(),
    }
    for question, expected in cases.items():
        assert subgroup_terms(question) == expected, question


def test_a_passage_under_one_name_answers_for_the_other_name_the_text_gives(
    tmp_path: Path,
) -> None:
    from sclc_qa.other_names import other_names

    said = "Tumors of the zeta apex, frequently termed Quellan tumors, are rare."
    assert other_names([said, "A drug called Zentamab was given."]) == [("Quellan", "zeta apex")]
    # The section is headed by one name; the question asks by the other.
    doc = (
        f"# Zentoma Treatment\n\n## Zeta Apex Tumors\n\n{said}\n\n### Radiation therapy\n\n"
        "In the preoperative setting, a dose of 45 Gy over 5 weeks is recommended.\n\n"
        f"{_BACKGROUND}"
    )
    engine = _engine_over(tmp_path, "doc", doc)
    dose = engine.ask(
        "What radiation dose is advised before surgery for a Quellan tumour?", min_confidence=0.0
    )
    assert dose.answer is not None and dose.answer.startswith("45 Gy")


def test_a_gain_not_stated_is_answered_by_the_pair_of_rates_it_lies_between(
    tmp_path: Path,
) -> None:
    text = (
        "In a series of 212 patients, those who had zentectomy fared better than those who had "
        "quellectomy (61.2% vs. 38.4%; P = .02). Zentoma is rare."
    )
    (gain,) = _answers_in(
        tmp_path, text, "Zentectomy or quellectomy: which did better and by how much?"
    )
    assert gain == "61.2% vs. 38.4%"


def test_a_share_the_question_states_in_words_is_its_cutoff_not_the_answer(
    tmp_path: Path,
) -> None:
    text = (
        "ZENITH-4 enrolled patients with ZRK1 expression on 50% or more of tumour cells. Of "
        "those screened, 28.4% had ZRK1 expression at that level."
    )
    assert _answers_in(
        tmp_path,
        text,
        "In ZENITH-4, how often was ZRK1 expressed on at least half of tumour cells?",
    ) == ["28.4%"]


def test_a_tumour_category_beside_a_study_is_no_second_subject(tmp_path: Path) -> None:
    text = (
        "In the largest ZBRT series, from Quell Medical Center, 600 patients with T1 to T2 "
        "zentomas had a median OS of 40.2 months. T1-T2 zentomas are small."
    )
    comparer = _section_engine(tmp_path, text)._answerer.comparer
    largest = profile("Which centre reported the largest ZBRT series for T1-T2 zentomas?")
    assert comparer.subjects(largest) == []


def test_a_pronoun_subject_is_answered_by_the_name_opening_the_sentence_before(
    tmp_path: Path,
) -> None:
    text = (
        "ZLCT is recognised as a high-grade zeta carcinoma. It has a very poor prognosis, like "
        "that of quellian cell cancer."
    )
    assert _answers_in(
        tmp_path,
        text,
        "Which zeta carcinoma has a prognosis about as poor as quellian cell cancer?",
    ) == ["ZLCT"]


def test_a_group_the_evidence_names_only_negated_is_another_group() -> None:
    from sclc_qa.answering.polarity import other_polarity, polar_words

    asked = "In previously treated squamous zentoma, what median OS did zentamab give?"
    lead = "A phase III trial enrolled 300 patients with nonsquamous zentoma."
    figure = "Median OS was 9.2 months with zentamab."
    assert other_polarity(asked, [figure, lead]) == ("squamous", "nonsquamous")
    # The nearest text that names either side decides: here the sentence itself.
    assert other_polarity(asked, ["Squamous tumours: median OS 9.2 months.", lead]) is None
    # Both sides asked, or a negation no document uses: nothing to set apart.
    assert other_polarity("Squamous or nonsquamous: which did better?", [figure, lead]) is None
    assert polar_words(asked, lambda w: w == "nonsquamous") == (("squamous", ("nonsquamous",)),)


def test_a_group_the_evidence_names_only_by_its_opposite_is_another_group() -> None:
    from sclc_qa.answering.polarity import other_polarity

    long_term = "Zentol taken long-term doubled the odds of zetal disease (OR, 2.1)."
    asked = "What odds ratio did short-term zentol give for zetal disease?"
    assert other_polarity(asked, [long_term]) == ("short-term", "long-term")
    upper = "Zetomas of the gland's upper pole made up 9 of 33 cases."
    assert other_polarity("How many zetomas were in the lower pole?", [upper]) == (
        "lower pole",
        "upper pole",
    )
    assert other_polarity("What share had low-grade zetomas?", ["It was 40% in high grade."]) == (
        "low-grade",
        "high grade",
    )
    # A comparative is no place (its opposite, "upper doses", is never written); both sides
    # asked set nothing apart.
    assert other_polarity("Did lower doses of zentol help?", ["The upper limit was 5 mg."]) is None
    assert other_polarity("Did short-term and long-term users differ?", [long_term]) is None
    assert other_polarity("Did short- and long-term users differ?", [long_term]) is None
    # The asked word written with a space is the asked word.
    assert other_polarity("What share had low-grade zetomas?", ["40% were low grade."]) is None


def test_a_table_row_answers_a_question_asking_two_of_its_cells(tmp_path: Path) -> None:
    doc = (
        "# Zentoma trials\n\n## Registered trials\n\nTable 1. Registered zentoma trials\n\n"
        "| NCT number | Drug | Phase | Population | Status |\n|---|---|---|---|---|\n"
        "| NCT09000001 | zentamab | II | LS-ZCL | Recruiting |\n"
        "| NCT09000002 | quellimab | III | ES-ZCL | Completed |\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "trials", doc)
    answer = engine.ask(
        "In Table 1, which registered trial is testing quellimab, and in which population?",
        min_confidence=0.0,
    )
    assert answer.answer is not None
    assert "NCT09000002" in answer.answer and "ES-ZCL" in answer.answer


def test_another_name_is_sought_in_every_candidate(tmp_path: Path) -> None:
    doc = (
        "# Zeta receptors\n\n## ZX1\n\n"
        "ZX1, a checkpoint molecule on T cells, B cells and NK cells, transmits inhibitory "
        "signals when ZX1 binds its ligands ZL1 and ZL2. ZX1 mainly inhibits T cells. "
        "The tail of ZX1 holds two motifs. ZX1 oligomerization requires phosphorylation of ZX1. "
        "ZX1 blockade restores T cells. ZX1 signalling recruits ZP-2 to ZX1.\n\n"
        "## Receptors studied\n\nThe receptors most studied in zentoma are zeta antigen 4 "
        "(ZX4, also called CD998) and zeta receptor 1 (ZX1, also called CD999).\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "receptors", doc)
    answer = engine.ask("ZX1 is also known as which CD molecule?", min_confidence=0.0)
    assert answer.answer == "CD999"


def test_several_things_of_no_named_class_are_answered_by_the_whole_list(tmp_path: Path) -> None:
    from sclc_qa.answering.scoring import Scored

    doc = (
        "# Zentoma\n\n## Zentamab before surgery\n\n"
        "The role of zentamab before surgery was tested in trials. The proposed benefits of "
        "zentamab before surgery include:\n\n- Smaller zentomas at resection.\n"
        "- Earlier clearance of zeta cells.\n- Better tolerability.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "benefits", doc)
    sents = engine.index.sentences
    item = next(i for i, s in enumerate(sents) if s.text.startswith("Earlier clearance"))
    asked = profile("What are the supposed advantages of giving zentamab before surgery?")
    found = engine._answerer.extractor.extract(asked, Scored(item, 1.0, 1.0, ()), [])
    assert found is not None
    text = engine.index.documents[sents[item].doc].text[found.start : found.end]
    assert text.startswith("Smaller zentomas") and text.endswith("Better tolerability.")


def test_a_ratio_asked_with_its_interval_comes_from_the_sentence_that_gives_both(
    tmp_path: Path,
) -> None:
    doc = (
        "# Zentoma\n\n## ZENITH-4\n\n"
        "In ZENITH-4, zentamab plus chemotherapy prolonged median OS over chemotherapy alone "
        "(19.3 vs 11.9 months; HR = 0.61; P = 0.0002) in first-line zentoma. "
        "The pooled analysis found zentamab plus chemotherapy reduced the risk of death "
        "(HR 0.61, 95% CI 0.47–0.80).\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "ratio", doc)
    answer = engine.ask(
        "In ZENITH-4, what HR for death did zentamab plus chemotherapy have versus chemotherapy "
        "in first-line zentoma, with its 95% CI?",
        min_confidence=0.0,
    )
    assert answer.answer == "HR 0.61, 95% CI 0.47–0.80"


def test_a_name_is_answered_by_the_item_paired_with_it_respectively(tmp_path: Path) -> None:
    from sclc_qa.answering.respective import respective_item

    text = (
        "Zentoma falls into high (ZCL-A, ZCL-B) and low (ZCL-C, ZCL-D) groups, each driven by "
        "its own factor (ZRK1, QKP4, zeta homeobox 2 (ZHB2) and quellin 1 (QLN1), respectively)."
    )
    paired = {n: respective_item(text, n) for n in ("ZCL-A", "ZCL-C", "ZCL-D")}
    assert {n: text[a:b] for n, (a, b) in paired.items()} == {
        "ZCL-A": "ZRK1",
        "ZCL-C": "zeta homeobox 2 (ZHB2)",
        "ZCL-D": "quellin 1 (QLN1)",
    }
    # Lists of different lengths pair nothing; nor does a sentence without "respectively".
    assert respective_item(text.replace("ZRK1, ", ""), "ZCL-A") is None
    assert respective_item(text.replace(", respectively", ""), "ZCL-A") is None
    assert _answers_in(tmp_path, text, "Which factor drives the ZCL-D group?") == [
        "quellin 1 (QLN1)"
    ]


def test_a_part_asked_beside_the_figure_is_taken_from_the_list_its_paragraph_opens(
    tmp_path: Path,
) -> None:
    text = (
        "ZENITH-7 was a phase II trial of zentamab (40 mg orally twice daily) in patients with "
        "zentoma. The cohort enrolled 120 patients.\n\n"
        "- Among 112 evaluable patients, the objective response rate was 38.2% (95% CI, "
        "29.1%–47.9%).\n"
        "- The median PFS was 5.4 months."
    )
    (answer,) = _answers_in(
        tmp_path, text, "In ZENITH-7, what zentamab dose was given, and what response rate?"
    )
    assert answer is not None
    assert answer.startswith("40 mg orally twice daily") and answer.endswith(
        "38.2% (95% CI, 29.1%–47.9%)"
    )


@pytest.mark.parametrize(
    "text",
    ["zentoma surviv", "resurvival survival", "a-survival b_survival 9survival", "survivsurviv"],
)
def test_word_starts_and_whole_words_are_found_as_their_patterns_find_them(text: str) -> None:
    import re

    from sclc_qa.answering.anchors import _starting
    from sclc_qa.answering.polarity import _says

    starts = [(m.start(), m.end()) for m in re.finditer(r"(?<![a-z0-9])surviv", text)]
    assert _starting("surviv", text) == starts
    for word in ("survival", "surviv", "zentoma"):
        whole = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None
        assert _says(text, word) == whole


def test_a_ranking_probability_is_no_rate_of_an_outcome(tmp_path: Path) -> None:
    text = (
        "Zentamab plus chemotherapy reduced the risk of death (HR 0.61). Bayesian ranking "
        "probabilities placed zentamab first for PFS (98.9%) and OS (41.4%) among 15 regimens, "
        "and it had the highest rank probability for objective response rate (ORR; 23.5%)."
    )
    rate, year, ranked = _answers_in(
        tmp_path,
        text,
        "What objective response rate did zentamab plus chemotherapy achieve?",
        "What was the 1-year OS rate with zentamab plus chemotherapy?",
        "What ranking probability did zentamab get for ORR?",
    )
    assert rate is None and year is None
    assert ranked is not None and "23.5%" in ranked


def test_a_scheme_asked_is_named_by_the_text_s_word_for_that_kind_of_grouping(
    tmp_path: Path,
) -> None:
    text = (
        "According to the Zeta Oncology Study Group (ZOSG) staging system, ZTCL is classified "
        "into limited-stage ZTCL (LS-ZTCL) and extensive-stage ZTCL (ES-ZTCL)."
    )
    (answer,) = _answers_in(
        tmp_path, text, "Which staging scheme sorts ZTCL into limited versus extensive disease?"
    )
    assert answer is not None and "ZOSG" in answer
    # A scheme of doses asks a schedule, not a name.
    assert profile("Which dosing scheme was used in ZENITH-1?").kind == "dose"
    assert profile("Which staging scheme is used for zentoma?").kind == "entity"


def test_local_control_is_an_endpoint_of_its_own(tmp_path: Path) -> None:
    text = (
        "ZENITH-9 studied the 20 Gy × 3 regimen in 61 patients with peripheral zentomas. "
        "This trial demonstrated a 3-year OS rate of 61% and 3-year primary tumor control of 97%."
    )
    both, survival = _answers_in(
        tmp_path,
        text,
        "ZENITH-9: three-year survival and primary tumor control with 20 Gy x 3?",
        "What was the 3-year survival rate in ZENITH-9?",
    )
    assert both is not None and "61%" in both and "97%" in both
    assert survival == "61%"
    assert profile("What was 2-year local control after SBRT?").endpoints == {"lc"}


def test_a_group_named_by_a_word_no_document_uses_is_not_reported_on(tmp_path: Path) -> None:
    from sclc_qa.answering.populations import group_phrases

    text = (
        "Zentamab is given at 400 mg orally twice daily to patients with extensive-stage zentoma."
    )
    engine = _section_engine(tmp_path, text)
    assert "patients on quellysis" in _refusal(
        engine, "How should the zentamab dose be adjusted for patients on quellysis?"
    )
    # A word the documents write inside a hyphenated one is used; so is another spelling.
    assert engine.ask("What dose of zentamab do patients with extensive zentoma get?").answer
    assert group_phrases("Which share of patients on zentamab develop grade 3 rash?") == [
        ("patients on zentamab", "zentamab")
    ]


def test_a_share_for_the_open_ended_age_group_asked_is_the_one_its_clause_names(
    tmp_path: Path,
) -> None:
    text = (
        "Approximately two-thirds of patients with zentoma are aged 65 years or older, and "
        "approximately 40% are aged 70 years or older."
    )
    (answer,) = _answers_in(
        tmp_path, text, "About what proportion of people with zentoma are aged 70 or older?"
    )
    assert answer == "approximately 40%"


def test_a_these_sentence_that_names_the_subject_in_a_later_clause_answers_itself(
    tmp_path: Path,
) -> None:
    """ "These agents include: (a) …; (b) zentamab …" says how zentamab works itself; "These
    changes raise quellimab's effect" needs the sentence that says what the changes are."""
    from sclc_qa.answering.clauses import Clauses

    text = (
        "Several agents act on the tumour in different ways. These agents include: (a) talc "
        "dries the pleura; (b) zentamab blocks the ZR1 receptor, starving the tumour cells.\n\n"
        "Voltinib switches on the STING pathway and recruits killer cells. These changes "
        "markedly raise the effect of quellimab in later lines."
    )
    engine, listed = _indexed(tmp_path, text, "These agents include")
    clauses = Clauses(engine.index, engine._answerer.vocab)
    sid, start, end, _ = clauses.explaining(profile("How does zentamab harm tumour cells?"), listed)
    assert sid == listed and "zentamab blocks" in engine.index.documents["doc"].text[start:end]
    changes = next(i for i, s in enumerate(engine.index.sentences) if "These changes" in s.text)
    sid, _, _, _ = clauses.explaining(profile("Why does voltinib help quellimab?"), changes)
    assert sid == changes - 1


def test_a_figure_after_the_prefixed_form_of_an_asked_word_is_the_other_settings(
    tmp_path: Path,
) -> None:
    """Asked "adjuvant", the dose after "neoadjuvant" is the other setting's; asked
    "squamous", the rate after "nonsquamous" the other group's."""
    text = (
        "Patients received neoadjuvant talc plus zentamab (300 mg) every 3 weeks for three "
        "cycles, followed by adjuvant zentamab alone for 1 year (150 mg once every 2 weeks for "
        "6 months). In nonsquamous "
        "zentoma the response rate was 41%, and in squamous zentoma, 23%."
    )
    dose, neo = _spans_in(
        tmp_path / "dose",
        text,
        "neoadjuvant",
        "What adjuvant zentamab dose was given?",
        "What neoadjuvant zentamab dose was given?",
    )
    assert dose[0] == "150 mg once every 2 weeks for 6 months"
    assert neo[0].startswith("300 mg")
    (rate,) = _spans_in(
        tmp_path / "rate", text, "nonsquamous", "What was the response rate in squamous zentoma?"
    )
    assert rate[0] == "23%"


def test_a_rate_asked_beside_how_long_they_lived_is_the_responses_not_survivals(
    tmp_path: Path,
) -> None:
    """ "What response rate, and how long did they live?" asks survival as a median, a part of
    its own: a survival rate is no answer to the rate part. Asked as rates of both, it is."""
    text = "With zentaplatin, the 2-year OS rate was 20% and the response rate reached 45%."
    parts, both = _spans_in(
        tmp_path,
        text,
        "zentaplatin",
        "What response rate did zentaplatin reach, and how long did patients live?",
        "What rates did zentaplatin give for OS and response rate?",
    )
    assert parts == ["45%"]
    assert set(both) == {"20%", "45%"}


def test_an_amount_of_something_no_document_names_is_not_reported_on(tmp_path: Path) -> None:
    text = (
        "Zentamab is given at 400 mg orally twice daily to patients with extensive-stage "
        "zentoma, and 35% of patients had a grade 3 rash. It extended median survival by 2.1 "
        "months."
    )
    engine = _section_engine(tmp_path, text)
    assert "quellberry" in _refusal(engine, "How much quellberry juice can I take with zentamab?")
    # A count of people is no unheard thing, whatever the question calls them.
    counted = engine.ask("How many adult zentomites had a rash?", min_confidence=0.0)
    assert "zentomites" not in (counted.reason or "")
    # Comparatives and words of amount measure nothing of their own.
    assert engine.ask("How much extra survival did zentamab give?", min_confidence=0.0).answer
    assert engine.ask("How much longer did people live with zentamab?", min_confidence=0.0).answer


def test_a_figure_stated_for_several_trials_together_is_no_one_trials(tmp_path: Path) -> None:
    text = (
        "Landmark trials (ZENITH-1, ZENITH-2, QUELL-3) made zentamab the standard, raising the "
        "2-year OS rate to 20–25%. In ZENITH-4 and QUELL-5 the 2-year OS rates were 31% and "
        "27%, respectively."
    )
    (together,) = _spans_in(
        tmp_path / "a", text, "Landmark", "What was the 2-year OS rate in ZENITH-2?"
    )
    assert together == []
    (own,) = _spans_in(
        tmp_path / "b", text, "respectively", "What was the 2-year OS rate in QUELL-5?"
    )
    assert own


def test_a_pooled_analysis_of_two_trials_gives_neither_its_own_figure(tmp_path: Path) -> None:
    """The list items under "a pooled analysis of patients in A (n = 78) or B (n = 39)" state
    figures for both together, however many endpoints an item gives."""
    pooled = (
        "A pooled analysis of patients who received zentamab in ZENITH-Lung05 (n = 78) or "
        "QUELL-3 (n = 39) was published.\n\n"
        "- The median PFS was 5.8 months, and the median OS was 15.6 months."
    )
    (none,) = _spans_in(
        tmp_path / "a", pooled, "median PFS", "What median OS did patients reach in QUELL-3?"
    )
    assert none == []
    own = pooled.replace("in ZENITH-Lung05 (n = 78) or QUELL-3 (n = 39)", "in QUELL-3 (n = 39)")
    (found,) = _spans_in(
        tmp_path / "b", own, "median PFS", "What median OS did patients reach in QUELL-3?"
    )
    assert found == ["15.6 months"]


def test_a_kind_of_treatment_named_by_a_word_no_document_uses_is_not_reported_on(
    tmp_path: Path,
) -> None:
    text = "The ZA subtype of zentoma responds best to zentamab therapy, with a 40% response rate."
    engine = _section_engine(tmp_path, text)
    refused = _refusal(engine, "Which zentoma subtype responds best to quellopathic remedies?")
    assert "quellopathic remedies" in refused
    kept = engine.ask("Which zentoma subtype responds best to zentamab therapy?", min_confidence=0)
    assert "zentamab therapy" not in (kept.reason or "")


def test_a_gain_stated_from_one_median_to_another_is_compared_as_their_gap(
    tmp_path: Path,
) -> None:
    text = (
        "In ZENITH-1, zentamab extended the median OS from 10.0 months to 12.0 months. "
        "In ZENITH-2, quellimab improved median OS (15.0 vs 12.0 months)."
    )
    engine = _section_engine(tmp_path, text)
    answer = engine.ask(
        "Which gave the bigger median OS gain: zentamab in ZENITH-1 or quellimab in ZENITH-2?",
        min_confidence=0.0,
    )
    assert answer.note is not None and "the higher is ZENITH-2's" in answer.note


def test_two_subjects_with_the_same_gain_are_told_as_a_tie(tmp_path: Path) -> None:
    text = (
        "In ZENITH-1, zentamab extended the median OS from 10.0 months to 12.0 months. "
        "In ZENITH-2, quellimab improved median OS (15.0 vs 13.0 months)."
    )
    engine = _section_engine(tmp_path, text)
    reason = _refusal(
        engine,
        "Which gave the bigger median OS gain: zentamab in ZENITH-1 or quellimab in ZENITH-2?",
    )
    assert "the same" in reason and "ZENITH-1 and ZENITH-2" in reason


def test_a_long_form_the_question_spells_out_finds_its_abbreviations_figure(
    tmp_path: Path,
) -> None:
    text = (
        "Zentoma is classified into limited-stage zentoma (LS-ZEN) and extensive-stage zentoma "
        "(ES-ZEN). Most patients are diagnosed with ES-ZEN. The 5-year survival rate for LS-ZEN "
        "is only 10%-15%, while for ES-ZEN, it is even lower at 1%-2%."
    )
    assert _answers_in(
        tmp_path,
        text,
        "What is the 5-year survival rate for extensive-stage zentoma?",
        "What is the 5-year survival rate for limited-stage zentoma?",
    ) == ["1%-2%", "only 10%-15%"]


def test_a_measures_abbreviation_is_not_a_subject_the_figure_follows(tmp_path: Path) -> None:
    text = (
        "ZENITH-4 reported the hazard ratio (HR) for death by zentomarker score. "
        "The HR was 0.68 (95% CI, 0.57–0.81) for the score >50% group, 0.75 (95% CI, "
        "0.64–0.87) for the score >20% group, and 0.79 (95% CI, 0.70–0.89) for the score >1% "
        "group."
    )
    assert _answers_in(
        tmp_path, text, "ZENITH-4: what hazard ratio was reported for a score above 20%?"
    ) == ["0.75 (95% CI, 0.64–0.87)"]


def test_a_plural_abbreviation_finds_the_other_name_given_to_its_singular(
    tmp_path: Path,
) -> None:
    text = (
        "ZCL of the upper lobe, frequently termed Quill tumors, occurs in less than 5% of "
        "patients. Such tumors are hard to treat."
    )
    assert _answers_in(tmp_path, text, "What are upper lobe ZCLs often called?") == ["Quill tumors"]


def test_a_chromosome_band_is_asked_by_a_word_for_the_same_kind_of_place(tmp_path: Path) -> None:
    """A text that writes "chromosome" and "locus" but never "band" still answers which band a
    gene sits on: the same kind of place, in other words."""
    text = "ZRK1 comprises 12 exons and maps to chromosome 9q21.3, a locus shared with ZRK2."
    answer = _section_engine(tmp_path, text).ask(
        "On which chromosome band does ZRK1 sit?", min_confidence=0.0
    )
    assert not answer.abstained and answer.answer is not None and "9q21.3" in answer.answer


def test_where_asked_after_the_scene_a_question_sets_asks_a_place(tmp_path: Path) -> None:
    text = (
        "A phase III trial compared zentamab alone with zentamab plus quellimab in 205 "
        "patients. Median OS was 5.3 months for the zentamab-alone group and 9.3 months for "
        "the combination group. This study, which was performed in eight centers in Portugal "
        "and one center in Chile, reported higher rates of OS than other studies."
    )
    assert _answers_in(
        tmp_path,
        text,
        "In the trial of zentamab alone vs zentamab-quellimab, where were most centres located?",
    ) == ["Portugal"]


def test_a_sentence_that_says_whom_it_reports_on_does_not_answer_for_another_group(
    tmp_path: Path,
) -> None:
    text = (
        "ZENITH-9 enrolled patients with resected stage ZA or ZB zentoma. In the overall study "
        "population, the median DFS was 53.6 months in the zentamab group and 42.0 months in "
        "the placebo group (HR, 0.76; 95% CI, 0.63–0.91; P = .0014). ZENITH-3 tested "
        "quellinib in treatment-naive and pretreated zentoma with ZX4 variants. Among the 99 "
        "patients who had been followed "
        "for at least 9 months, the objective response rate was 46% (95% CI, 36%–57%). Among "
        "33 patients with previously treated stable zentic metastases, the intracranial "
        "response rate was 33.3%."
    )
    engine = _section_engine(tmp_path, text)
    reason = _refusal(
        engine, "What was the DFS hazard ratio for zentamab in the stage ZB subgroup of ZENITH-9?"
    )
    assert "the overall study population" in reason
    reason = _refusal(
        engine, "Among treatment-naive patients in ZENITH-3, what response rate did quellinib give?"
    )
    assert "the 99 patients who had been followed" in reason
    # The trial's own patients are no subgroup of it.
    kept = engine.ask(
        "Among ZENITH-3 patients with stable zentic metastases, what intracranial response "
        "rate did quellinib achieve?",
        min_confidence=0.0,
    )
    assert kept.answer == "33.3%"


def test_a_share_bounded_group_is_not_answered_by_a_sentence_about_other_patients(
    tmp_path: Path,
) -> None:
    text = (
        "ZENITH-7 compared zentamab with chemotherapy in zentoma with ZRK1 of 50% or more. "
        "Among 64 patients who received zentamab plus chemotherapy after progression, the "
        "median OS was 15.1 months."
    )
    reason = _refusal(
        _section_engine(tmp_path, text),
        "In ZENITH-7, what was median OS with zentamab for ZRK1 of 90% or higher?",
    )
    assert "ZRK1 of 90% or higher" in reason and "64 patients who received" in reason


def test_a_share_that_modifies_another_noun_is_not_the_rate_asked(tmp_path: Path) -> None:
    text = (
        "Further follow-up of ZENITH-2 confirmed an OS advantage for zentamab; the median OS "
        "was 30 months versus 14.2 months with chemotherapy, with a 75% crossover to zentamab "
        "afterwards. The 2-year OS rate was 45% with zentamab."
    )
    engine = _section_engine(tmp_path, text)
    assert engine.ask(
        "What was the 5-year overall survival rate with zentamab in ZENITH-2?", min_confidence=0
    ).abstained
    asked = engine.ask("What share of patients had a crossover in ZENITH-2?", min_confidence=0)
    assert asked.answer == "75%"


def test_a_rate_naming_no_time_point_is_at_the_one_stated_just_before(tmp_path: Path) -> None:
    text = (
        "ZENITH-6 randomly assigned 257 patients to zentinib or chemotherapy.\n\n"
        "- The 2-year DFS rate was 93.8% in the zentinib group and 63.0% in the chemotherapy "
        "group.\n"
        "- The ITT population included patients with stage ZB disease. The DFS rate in the ITT "
        "population was 93.6% for patients who received zentinib and 63.7% for patients who "
        "received chemotherapy."
    )
    engine = _section_engine(tmp_path, text)
    assert engine.ask("What was 3-year DFS with zentinib in ZENITH-6?", min_confidence=0).abstained
    kept = engine.ask("What was 2-year DFS with zentinib in ZENITH-6?", min_confidence=0)
    assert kept.answer is not None and kept.answer.startswith("93.")


def test_a_figure_for_selected_patients_is_no_figure_for_the_stage_as_a_whole(
    tmp_path: Path,
) -> None:
    text = (
        "Stage ZC zentoma is rarely curable. In small case series, selected patients with ZT4, "
        "ZN0–1 disease, solely as the result of satellite nodules within the primary lobe, had "
        "5-year survival rates of 20%."
    )
    engine = _section_engine(tmp_path, text)
    reason = _refusal(engine, "What is the 5-year survival for stage ZC zentoma?")
    assert "selected patients with ZT4" in reason
    kept = engine.ask(
        "What 5-year survival did patients with satellite nodules reach?", min_confidence=0
    )
    assert kept.answer is not None and "20%" in kept.answer


def test_subjects_asked_side_by_side_each_get_their_figure_from_their_own_section(
    tmp_path: Path,
) -> None:
    doc = (
        "# Zentoma\n\n## ZRK1 inhibitors\n\n*ZRK1* rearrangements occur in approximately 1% to "
        "2% of patients with zentoma. Quellinib treats them.\n\n## Other fusions\n\nSomatic "
        "gene fusions in *ZRK4* occur across many solid tumors, including in fewer than 0.5% "
        "of zentoma tumors.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "zentoma", doc)
    answer = engine.ask(
        "How common are ZRK1 rearrangements and ZRK4 fusions in zentoma?", min_confidence=0
    )
    assert answer.note is not None
    assert "1% to 2%" in answer.note and "fewer than 0.5%" in answer.note
    assert {c.section for c in answer.citations} >= {"zrk1-inhibitors", "other-fusions"}


def test_a_part_asked_is_taken_from_an_earlier_item_of_the_same_list(tmp_path: Path) -> None:
    text = (
        "ZENITH-24 randomly assigned 305 patients to zentamab or chemotherapy.\n\n"
        "1. Zentamab tumour expression was assessed centrally.\n"
        "2. Zentamab improved median PFS (10.3 months vs. 6.0 months; HR, 0.50). The response "
        "rate (44.8% vs. 27.8%) was also higher with zentamab.\n"
        "3. Further follow-up confirmed an OS advantage; the median OS with zentamab was 30 "
        "months versus 14.2 months with chemotherapy."
    )
    answer = _answers_in(
        tmp_path,
        text,
        "In ZENITH-24, what were median PFS and median OS with zentamab versus chemotherapy?",
    )[0]
    assert answer is not None and "10.3 months" in answer and "30 months" in answer


def test_a_figure_of_a_labelled_run_keeps_its_own_label(tmp_path: Path) -> None:
    text = (
        "In the ZENITH series of zentoma, ZRK1 variants were found in 15% of tumors from former "
        "smokers, 6% from current smokers, and 52% from never-smokers."
    )
    assert _answers_in(
        tmp_path, text, "In the ZENITH series, how common were ZRK1 variants among never-smokers?"
    ) == ["52% from never-smokers"]


def test_how_much_a_ratio_changed_the_risk_is_answered_with_the_change_it_restates(
    tmp_path: Path,
) -> None:
    text = (
        "The ZENPORT meta-analysis pooled ten trials of zentotherapy after surgery.\n\n"
        "- An 18% relative increase in the risk of death for patients who received zentotherapy "
        "compared with surgery alone (HR, 1.18; P = .002)."
    )
    engine = _section_engine(tmp_path, text)
    asked = engine.ask(
        "By how much did zentotherapy raise the relative risk of death in ZENPORT?",
        min_confidence=0,
    )
    assert asked.answer is not None
    assert asked.answer.startswith("18% relative increase") and "HR, 1.18" in asked.answer
    plain = engine.ask("What was the hazard ratio for death with zentotherapy?", min_confidence=0)
    assert plain.answer is not None and plain.answer.startswith("HR, 1.18")


def test_a_question_naming_the_kind_of_document_is_answered_from_the_one_so_called(
    tmp_path: Path,
) -> None:
    engine = _engine_over(
        tmp_path,
        "zentoma-review",
        "# Zentoma review\n\n## Outcomes\n\nThis review covers zentoma care. Zentamab raised "
        "survival at 2 years to 20–25%. This review ends here.\n",
        **{
            "zentoma-summary": "# Zentoma summary\n\n## Outcomes\n\nThis summary covers zentoma "
            "care. The 2-year survival rate with zentamab cited was 55%. This summary is updated "
            "yearly.\n"
        },
    )
    review = engine.ask(
        "What 2-year survival rate with zentamab does the review cite?", min_confidence=0
    )
    summary = engine.ask(
        "What 2-year survival rate with zentamab does the summary cite?", min_confidence=0
    )
    assert review.citations[0].doc == "zentoma-review" and review.answer == "20–25%"
    assert summary.citations[0].doc == "zentoma-summary" and summary.answer == "55%"


def test_a_class_asked_by_its_abbreviation_and_a_regulator_written_in_full(
    tmp_path: Path,
) -> None:
    """ "Which TKI did the FDA approve?": a drug whose stem says tyrosine kinase inhibitor, in
    a sentence that writes the regulator's name in full; "which country's study?": a people's
    adjective ("a Zetanian study" where "Zetania" is nowhere written is no place here, so a
    real one: "Norwegian")."""
    doc = (
        "Tyrosine kinase inhibitors (TKIs) changed zeta care. In 2031 the U.S. Food and Drug "
        "Administration cleared zentatinib for untreated advanced zeta cancer. A Norwegian "
        "registry study reported three patients who had partial responses to quellumab."
    )
    drug, country = _answers_in(
        tmp_path,
        doc,
        "Which TKI did the FDA clear for untreated advanced zeta cancer?",
        "Which country's registry study reported partial responses to quellumab?",
    )
    assert (drug, country) == ("zentatinib", "Norwegian")


def test_a_peoples_adjective_before_a_trial_name_describes_it(tmp_path: Path) -> None:
    """ "The Danish QUORA-7 trial": the name says which trial, though its paragraph never says
    where it ran (another paragraph names Denmark); "the Danish RCT" names no trial, so there
    the adjective still narrows."""
    doc = (
        "Zeta registries in Denmark record every case. No randomized controlled trial has "
        "compared zeta surgeons.\n\n"
        "QUORA-7 was a phase III trial of zentatinib for 2 or 4 years after surgery. "
        "The 5-year OS rate was 88% in the 4-year arm and 71% in the 2-year arm."
    )
    engine = _section_engine(tmp_path, doc)
    answer = engine.ask(
        "In the Danish QUORA-7 trial, what was 5-year OS with 4 and with 2 years of zentatinib?",
        min_confidence=0.0,
    )
    assert answer.answer is not None and "88%" in answer.answer and "71%" in answer.answer
    assert "Danish" in _refusal(engine, "What was 5-year OS in the Danish RCT of zentatinib?")


def test_a_results_paragraph_reports_on_the_study_its_section_introduced(tmp_path: Path) -> None:
    """ "**Evidence.** … the ZETA-4 trial …" / "**Efficacy.** The rate was …": the results
    paragraph names no study, so it reports on the one before it in its section; a paragraph
    that introduces a study of its own ("In an RCT in Zetland, …") is that study's."""
    doc = (
        "# Doc\n\n## Zeta-Fused Tumors\n\n### Zentamab\n\n"
        "**Evidence.** Thirty patients with zeta-fused tumors were treated in the single-arm "
        "ZETA-4 trial.\n\n"
        "**Efficacy.** For all 30 patients, the complete cytologic response rate was 61%.\n\n"
        "In an RCT in Zetland, 7,420 people were randomly assigned to zentamab or "
        "observation.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "doc", doc)
    answer = engine.ask("Complete cytologic response rate in ZETA-4?", min_confidence=0.0)
    assert answer.answer == "61%"
    other = engine.ask(
        "How many people were randomly assigned to zentamab or observation in ZETA-4?",
        min_confidence=0.0,
    )
    assert "7,420" not in (other.answer or "")


def test_a_list_item_that_opens_on_its_figure_gives_its_lead_ins_endpoint(
    tmp_path: Path,
) -> None:
    """ "The objective response rates were as follows:" / "- 44% … in the ZETA-2 trial.": the
    item's rate is the response rate; an item that opens on something else ("Rash was reported
    in 38% …") gives that, not the lead-in's endpoint."""
    doc = (
        "**Efficacy.** The objective response rates were as follows:\n\n"
        "- 51% (95% CI, 40%–60%) for patients in the ZETA-1 trial.\n"
        "- 44% (95% CI, 30%–58%) for patients in the ZETA-2 trial.\n"
        "- Rash was reported in 38% of patients in the ZETA-3 trial."
    )
    engine = _section_engine(tmp_path, doc)
    answer = engine.ask("ORR in ZETA-2?", min_confidence=0.0)
    assert answer.answer is not None and answer.answer.startswith("44%")
    other = engine.ask("What was the objective response rate in ZETA-3?", min_confidence=0.0)
    assert "38%" not in (other.answer or "")


def test_a_comparison_stated_in_words_names_the_subject_it_favours() -> None:
    """ "Rates were better with A", "A showed higher rates than B", "X … more often than did
    Y": the favoured subject inside the verdict; none where the subject asked is the one on
    the other side of "than", the words point another way, the comparative is denied or bounds
    an amount, or the verdict is on another endpoint than the one asked."""
    text = "Response rates (31% vs. 12%) were significantly better with zentamab, but OS was not."
    start, end = stated_verdict(text, ["quellumab", "zentamab"], "better") or (0, 0)
    assert text[start:end] == "better with zentamab"
    text = "Zentamab demonstrated higher response rates and longer OS than quellumab."
    start, end = stated_verdict(text, ["quellumab", "zentamab"], "high") or (0, 0)
    assert text[start:end] == "Zentamab demonstrated higher response rates"
    assert stated_verdict(text, ["quellumab", "zentamab"], "high", frozenset({"os"})) is None
    text = "Women developed zetomas more often than did men."
    assert stated_verdict(text, ["men"], "high") is None
    assert stated_verdict(text, ["women"], "low") is None
    denied = "Response rates were not better with zentamab."
    bound = "Zentamab gave responses in more than 40% of patients."
    judged = "Toxicity was worse with zentamab."
    assert stated_verdict(denied, ["zentamab"], "better") is None
    assert stated_verdict(bound, ["zentamab"], "high") is None
    assert stated_verdict(judged, ["zentamab"], "low") is None
    assert (polarity("Was the benefit bigger in A or B?"), polarity("fewer or more?")) == (
        "high",
        "",
    )
    assert polarity("Which worked better, A or B?") == "better"


def test_which_was_better_answered_by_a_verdict_when_one_side_has_no_figure(
    tmp_path: Path,
) -> None:
    """ "Which gave better response rates, zentamab or quellumab?": the text gives one pair
    of figures without naming whose is whose, and says in words which was better."""
    doc = (
        "A trial from Zetland compared zentamab with quellumab in 180 older patients.\n\n"
        "- Response rates (22% vs. 10%) were significantly better with zentamab, but median "
        "survival did not differ."
    )
    answer = _answers_in(
        tmp_path,
        doc,
        "Which gave better response rates in the Zetland trial, zentamab or quellumab?",
    )[0]
    assert answer is not None and "zentamab" in answer and "quellumab" not in answer


def test_this_gene_is_the_gene_the_sentence_before_named(tmp_path: Path) -> None:
    """ "Amplification of this gene …" answers "which gene …?" with the gene the sentence
    before it named; "this pathway" does not answer "which gene …?"."""
    doc = (
        "Several zeta variants guide treatment. The *ZMT* oncogene encodes a zeta growth factor "
        "receptor. Amplification of this gene has been associated with secondary resistance to "
        "quellinib. The *QRK* pathway signals through ZMT. Activation of this pathway has "
        "been associated with late relapse after zentamab."
    )
    answers = _answers_in(
        tmp_path,
        doc,
        "Amplification of which oncogene has been linked to secondary resistance to quellinib?",
        "Which gene has been associated with late relapse after zentamab?",
    )
    assert answers[0] == "ZMT" and answers[1] != "ZMT"


def test_a_results_list_after_a_design_paragraph_reports_on_the_study_above(
    tmp_path: Path,
) -> None:
    """A numbered study, its arms, a paragraph on its design ("designed as a superiority
    trial"), then "- Enrollment was stopped early because of futility.": the list reports on
    the numbered study. A list under a paragraph that introduces a capitalised study of its own
    ("The Zeta Trial in Quorn (ZTQ) compared …") is about that one."""
    doc = (
        "1. The randomized phase III QUORA-5 study enrolled 512 patients with zeta cancer.\n\n"
        "- Arm A: zentamab every 3 weeks.\n- Arm B: quellumab every 4 weeks.\n\n"
        "The primary objective was OS. The study was designed as a superiority trial with 80% "
        "power.\n\n"
        "- Enrollment was stopped early because of futility.\n\n"
        "The Zeta Trial in Quorn (ZTQ) compared zeta screening with usual care. Interim "
        "results showed:\n\n"
        "- A recall rate of 4.1% with screening."
    )
    answers = _answers_in(
        tmp_path,
        doc,
        "Why was enrollment in QUORA-5 stopped early?",
        "What recall rate did QUORA-5 report?",
    )
    assert answers[0] is not None and "futility" in answers[0]
    assert "4.1%" not in (answers[1] or "")


def test_a_count_whose_noun_both_question_and_text_leave_out(tmp_path: Path) -> None:
    """ "Of the new zeta cancer cases, how many are in men?": "cases" is counted, and "Of the
    new cases, an estimated 1,230 will occur in men" counts them with its noun left out; a
    number with no such clause before it ("2,400 will die") is not a count of cases."""
    doc = (
        "In 2031, an estimated 3,160 Zetlanders will be diagnosed with zeta cancer, and 2,400 "
        "will die of it. Of the new cases, an estimated 1,230 will occur in men, and 1,930 "
        "will occur in women."
    )
    question = "Of the new zeta cancer cases in 2031, how many are in men?"
    answer = _answers_in(tmp_path, doc, question)[0]
    assert answer is not None and answer.startswith("1,230")
    found = [doc[s.start : s.end] for s in counted(doc, find(doc, "count"), profile(question))]
    assert "1,230" in found and "2,400" not in found


def test_two_names_joined_by_a_hyphen_one_hyphenated_itself(tmp_path: Path) -> None:
    """ "zentaplatin-5-ZU" is zentaplatin and 5-ZU, whichever hyphen joins them."""
    doc = (
        "# Drugs\n\n## Regimens\n\n"
        "Survival with zentaplatin and 5-ZU was 12 months. 5-ZU was given weekly.\n\n" + _BACKGROUND
    )
    vocab = _engine_over(tmp_path, "joined", doc)._answerer.vocab
    text = "Survival with zentaplatin and 5-ZU was 12 months."
    keys = frozenset({"zentaplatin", "5zu", "survival"})
    assert vocab.known("zentaplatin-5-ZU")
    assert vocab.mentions("zentaplatin-5-ZU", keys, text)
    assert not vocab.mentions("quellaplatin-5-ZU", keys, text)


def test_a_range_of_two_neighbouring_stages_is_named_as_a_pair(tmp_path: Path) -> None:
    """ "Stage I-II" is "stage I and stage II"; "I-III" is not "I and III"."""
    doc = "# Zeta\n\n## Stages\n\nMost had stage I and stage II zetoma.\n\n" + _BACKGROUND
    vocab = _engine_over(tmp_path, "pair", doc)._answerer.vocab
    text = "Most had stage I and stage II zetoma."
    keys = frozenset({"i", "ii", "zetoma"})
    assert vocab.mentions("I-II", keys, text)
    assert not vocab.mentions("I-III", keys, "Most had stage I and stage III zetoma.")


def test_which_reviewer_asks_a_person_named_with_a_degree(tmp_path: Path) -> None:
    doc = (
        "The lead reviewers for Zeta Treatment are:\n\n"
        "- Quella Varo, MD (Eta Cancer Institute)\n"
        "- Zeno Tark, MD, PhD (Theta University Medical Center)\n"
    )
    (reviewer,) = _answers_in(
        tmp_path, doc, "Which reviewer of the zeta summary is based at the Eta Cancer Institute?"
    )
    assert reviewer == "Quella Varo"


def test_an_eponym_asked_by_its_head_keeps_its_possessive(tmp_path: Path) -> None:
    text = (
        "The intervention was one-time endoscopy, completed by experts, using Quell’s zeta "
        "staining to identify dysplasia or occult zentoma."
    )
    asked = "What stain did the endoscopy use to find dysplasia?"
    assert _answers_in(tmp_path, text, asked) == ["Quell’s zeta staining"]


def test_a_subgroup_a_passage_opens_on_answers_only_for_it(tmp_path: Path) -> None:
    from sclc_qa.answering.populations import AskedGroup

    doc = (
        "# Zentoma\n\n## Second-line therapy\n\nEvidence (zentamab):\n\n"
        "1. The phase III ZENITH-4 trial compared zentamab with docetaxel in 604 patients.\n\n"
        "- The median OS was 13.1 months with zentamab and 11.2 months with docetaxel (HR, 0.91).\n"
        "- In the nonzentic histology subgroup, the median PFS was 5.1 months with zentamab "
        "versus 3.2 months with docetaxel. The median OS was 14.4 months with zentamab versus "
        "12.0 months with docetaxel.\n"
        "- In the zentic histology subgroup, the median PFS was 2.6 months with zentamab versus "
        "3.8 months with docetaxel. The median OS was 7.3 months with zentamab versus 9.1 "
        "months with docetaxel.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "zentoma", doc)
    for asked, said in (
        ("What median overall survival did zentamab achieve in ZENITH-4?", "13.1 months"),
        ("What was the median OS with zentamab in the zentic subgroup of ZENITH-4?", "7.3 months"),
    ):
        answer = engine.ask(asked, min_confidence=0.0)
        assert answer.answer is not None and answer.answer.startswith(said), asked
    # The nearest opening decides: a sentence under the zentic subgroup's is not the
    # nonzentic one's.
    group = AskedGroup.of(profile("What was the median OS in zentic zentoma?"))
    after = ["The median OS was 7.3 months.", "In the zentic histology subgroup, the PFS was …"]
    before = ["In the nonzentic histology subgroup, the PFS was …"]
    assert group.factor(after[0], frozenset, lambda: [*after, *before]) == 1.0
    assert group.factor(after[0], frozenset, lambda: before) < 1.0


def test_a_dose_of_a_drug_in_lower_case_is_that_drugs_or_none(tmp_path: Path) -> None:
    doc = (
        "# Zentoma\n\n## Treatment\n\nQuellimab was given at 40 mg/kg every 3 weeks.\n\n"
        "Zentoline lowered hormone levels in 70% of patients.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "zentoma", doc)
    for asked, missing in (
        ("What zentoline dose is usually used?", "zentoline"),
        ("What dose of pravotide is used for zentoma?", "pravotide"),
    ):
        answer = engine.ask(asked, min_confidence=0.0)
        assert answer.abstained and missing in (answer.reason or "").lower(), asked


def test_plain_phrases_asked_side_by_side_are_each_answered(tmp_path: Path) -> None:
    from sclc_qa.question_parts import coordinated_phrases

    assert coordinated_phrases("How often were zentic pain and visual loss seen?")[:2] == (
        ("zentic pain", "visual loss seen"),
        ("zentic pain", "visual loss"),
    )
    assert ("early", "late", "distant stage") in coordinated_phrases(
        "What is the survival at early, late and distant stage?"
    )
    doc = (
        "# Zentoma\n\n## Presentation\n\nIn a series of 40 cases of zentic apoplexy, the signs "
        "included zentic pain (63%), vomiting (50%), visual loss (61%) and fever (12%).\n\n"
        + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "zentoma", doc)
    answer = engine.ask(
        "In the 40-case zentic apoplexy series, how often were zentic pain and visual loss "
        "present?",
        min_confidence=0.0,
    )
    assert answer.answer == "zentic pain (63%), vomiting (50%), visual loss (61%)"


def test_the_comparison_arm_asked_labels_its_figure(tmp_path: Path) -> None:
    doc = (
        "# Zentoma\n\n## Later lines\n\nIn the ZETA-9 trial, the median PFS was longer in "
        "patients who received zentafenib (4.8 months) compared with patients who received "
        "placebo (0.9 months) (HR, 0.27; 95% CI, 0.19–0.39).\n\n"
        # A comparison arm is named everywhere: its word is as common as "median".
        + "".join(f"Study {i} compared a zeta drug with placebo.\n\n" for i in range(30))
        + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "zentoma", doc)
    asked = engine.ask("In the ZETA-9 trial, what was median PFS on placebo?", min_confidence=0.0)
    assert asked.answer == "0.9 months"
    both = engine.ask(
        "What median PFS did zentafenib and placebo reach in ZETA-9?", min_confidence=0.0
    )
    assert both.answer is not None and "4.8 months" in both.answer


def test_figures_of_one_kind_asked_in_parts_are_each_answered(tmp_path: Path) -> None:
    from sclc_qa.question_parts import part_questions

    assert part_questions("ZX-R: complete remission rate and how much zentic infection?") == (
        "ZX-R: complete remission rate",
        "how much zentic infection",
    )
    # A part that sets the scene asks nothing of its own.
    assert part_questions("Three years out, what share of ZETA patients were alive?") == ()
    doc = (
        "# Zentoma\n\n## Relapse\n\nAmong 18 patients who received the ZX-R regimen, the "
        "complete remission rate was 86%, but high rates (39%) of zentic infection were "
        "reported.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "zentoma", doc)
    answer = engine.ask(
        "ZX-R: complete remission rate and how much zentic infection?", min_confidence=0.0
    )
    assert answer.answer == "86%, but high rates (39%)"


def test_a_list_under_another_trials_item_does_not_report_on_the_asked_one(
    tmp_path: Path,
) -> None:
    doc = (
        "# Zentoma\n\n## Later lines\n\nEvidence (zentamab in zentic disease):\n\n"
        "1. ZETA-1 was a phase I, single-arm trial of 56 patients with zentic disease.\n\n"
        "- An overall response was seen in 49 of 56 patients (88%).\n\n"
        "Evidence (zentamab after two lines):\n\n"
        "1. QUORA-3 was a phase III open-label trial of 476 patients. Patients were randomly "
        "assigned to zentamab or quellafenib.\n\n"
        "- The median PFS was 4.2 months in the zentamab arm and 5.6 months in the "
        "quellafenib arm.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "zentoma", doc)
    answer = engine.ask("What was the median PFS with zentamab in ZETA-1?", min_confidence=0.0)
    assert answer.abstained, answer.answer
    answer = engine.ask("What was the median PFS with zentamab in QUORA-3?", min_confidence=0.0)
    assert answer.answer is not None and answer.answer.startswith("4.2 months")


def test_a_combination_asked_is_not_answered_by_another_combination() -> None:
    from sclc_qa.answering.regimens import other_combination

    sentence = (
        "The median OS was 14.0 months in the zentamab-plus-chemotherapy arm compared with "
        "11.3 months in the chemotherapy-alone arm."
    )
    assert other_combination(
        "What was the median OS in the zentamab + quellimab arm of ZETA-6?", sentence
    ) == ("zentamab plus quellimab", "zentamab-plus-chemotherapy")
    # The cytotoxic asked may be what the sentence calls chemotherapy; a comparison asked
    # is read elsewhere.
    for asked in (
        "What was the median OS with zentamab plus zentaplatin in ZETA-6?",
        "What was the median OS with zentamab plus quellimab versus chemotherapy?",
    ):
        assert other_combination(asked, sentence) is None, asked


def test_a_sentence_naming_the_mechanisms_of_action_explains_how() -> None:
    from sclc_qa.answering.shapes import explains

    asked = "How is zentic node transfer thought to work?"
    assert explains(
        asked,
        "The proposed mechanisms of action include new routes of drainage and new zentic vessels.",
    )
    assert not explains(asked, "Zentic node transfer moves healthy nodes to the affected limb.")


def test_a_figure_keeps_its_spelled_out_interval_and_its_open_bound(
    hashing_engine: Engine,
) -> None:
    figures, _ = _stages(hashing_engine)
    rate = "Zentamab gave a response rate of 63% (95% confidence interval, 41%–81%) in zentoma."
    assert _widened(figures, rate, "What response rate did zentamab give?") == (
        "63% (95% confidence interval, 41%–81%)"
    )
    # "… or slightly higher" makes the figure a floor: it is part of the answer.
    floor = "Zentoma was relieved by doses of 24 Gy or slightly higher."
    asked = "What radiation dose relieves zentoma?"
    assert _widened(figures, floor, asked, "dose") == "24 Gy or slightly higher"
    # An amount in (million) units is a dose.
    dosed = "Zetaferon is taken beside other agents at 3 to 15 million units a day."
    first = find(dosed, "dose")[0]
    assert dosed[first.start : first.end].startswith("3 to 15 million units")


def test_a_compound_name_is_named_by_its_parts_in_the_sentence_and_its_heading(
    tmp_path: Path,
) -> None:
    vocab_parts = frozenset({"hiv", "zs"})
    doc = (
        "# Zentoma Care\n\n## Treatment of HIV-Associated Zentoma Sarcoma\n\n"
        "Zentoma sarcoma (ZS) lesions respond to local radiation therapy. ZS lesions were "
        "eased by doses of 18 Gy or slightly higher.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "zs", doc)
    vocab = engine._answerer.vocab
    # Two-letter abbreviations are parts of a compound name too ("HIV-ZS").
    assert vocab.mentions("HIV-ZS", vocab_parts, "")
    assert not vocab.mentions("HIV-ZS", frozenset({"zs"}), "")
    # "ZS" said by the sentence, "HIV" by its heading: the sentence is about HIV-ZS.
    answer = engine.ask("What radiation dose eases HIV-ZS lesions?", min_confidence=0.0)
    assert answer.answer == "18 Gy or slightly higher"


def test_a_passage_about_another_documents_disease_does_not_answer(tmp_path: Path) -> None:
    zeta = (
        "# Zeta Sarcoma Treatment (PDQ®)\n\n## General Information\n\n"
        "Zeta sarcoma (ZS) arises in the skin. Most ZS lesions respond to local therapy.\n\n"
        + _BACKGROUND
    )
    quell = (
        "# Quell Cancer Treatment (PDQ®)\n\n## Prognosis\n\n"
        "The 10-year overall survival rate of patients treated with surgery was 41%.\n"
    )
    engine = _engine_over(tmp_path, "zeta", zeta, quell=quell)
    asked = engine.ask("What is the 10-year overall survival rate for ZS?", min_confidence=0.0)
    assert asked.abstained and "Quell Cancer" in (asked.reason or "")
    # Asked about the other document's disease, its passage answers.
    other = engine.ask("What is the 10-year overall survival rate in quell cancer?")
    assert other.answer == "41%"


def test_a_disease_is_asked_by_any_generic_head_after_its_own_words(tmp_path: Path) -> None:
    zeta = (
        "# Zeta Trophoblastic Disease Treatment (PDQ®)\n\n## General Information\n\n"
        "Zeta trophoblastic neoplasia (ZTN) follows a zeta pregnancy. Most ZTN responds to "
        "quellotrexate.\n\n" + _BACKGROUND
    )
    quell = (
        "# Quell Cancer Treatment (PDQ®)\n\n## Recurrent Disease\n\n"
        "Vexitabine was given at 900 mg/m2 on days 1 and 8 for recurrent disease.\n"
    )
    engine = _engine_over(tmp_path, "zeta", zeta, quell=quell)
    for asked in (
        "What vexitabine dose is used for recurrent zeta trophoblastic neoplasia?",
        "What vexitabine dose is used for recurrent zeta trophoblastic tumors?",
    ):
        answer = engine.ask(asked, min_confidence=0.0)
        assert answer.abstained and "Quell Cancer" in (answer.reason or ""), asked
    assert engine.ask("What vexitabine dose is used for recurrent ZTN?", min_confidence=0).abstained
    # The other document's disease is answered there.
    other = engine.ask("What vexitabine dose is used for recurrent quell cancer?")
    assert other.answer is not None and "900 mg/m2" in other.answer


def test_the_topics_of_a_dropped_index_are_not_kept(tmp_path: Path) -> None:
    import gc
    import weakref

    from sclc_qa.answering import constraints, topics, unheard

    zeta = "# Zeta Sarcoma Treatment (PDQ®)\n\n## General Information\n\n" + _BACKGROUND
    engine = _engine_over(tmp_path, "zeta", zeta)
    engine.ask("What is the 10-year overall survival rate for zeta sarcoma?", min_confidence=0.0)
    assert not unheard._heard("zentalysis", engine._answerer.vocab)  # reads the hyphen parts
    kept = [
        topics._topics.done,  # type: ignore[attr-defined]
        constraints._diseases.done,  # type: ignore[attr-defined]
        unheard._hyphen_parts.done,  # type: ignore[attr-defined]
    ]
    assert all(engine._answerer.vocab in done for done in kept)
    vocab = weakref.ref(engine._answerer.vocab)
    del engine
    gc.collect()
    assert vocab() is None  # no cache of work done for the index keeps it alive


def test_a_disease_named_of_something_is_asked_in_the_plural_of_its_head(
    tmp_path: Path,
) -> None:
    zeta = (
        "# Cancer of Unknown Zeta Treatment (PDQ®)\n\n## General Information\n\n"
        "Cancer of unknown zeta arises in the skin. Most lesions respond to local therapy.\n\n"
        + _BACKGROUND
    )
    quell = (
        "# Quell Cancer Treatment (PDQ®)\n\n## Histology\n\n"
        "About 85% of quell cancers are squamous cell carcinomas.\n"
    )
    engine = _engine_over(tmp_path, "zeta", zeta, quell=quell)
    asked = engine.ask(
        "What percentage of cancers of unknown zeta are squamous cell carcinomas?",
        min_confidence=0.0,
    )
    assert asked.abstained and "Quell Cancer" in (asked.reason or "")


def test_which_noun_is_answered_by_the_phrase_it_heads_where_no_name_stands(
    tmp_path: Path,
) -> None:
    doc = (
        "# Zeta Sarcoma Treatment\n\n## Treatment of HIV-Associated Zeta Sarcoma\n\n"
        "Treatment of HIV-associated zeta sarcoma (ZS) may result in the following:\n\n"
        "- Palliation of lesions.\n- Control of symptoms.\n\n"
        "### Local modalities\n\n"
        "Zentinoin 0.25% gel cleared lesions in a placebo-controlled, two-centre study. "
        "Small lesions may be treated by cryotherapy.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "zs", doc)
    answer = engine.ask(
        "Which topical gel cleared HIV-associated ZS lesions in a placebo-controlled study?",
        min_confidence=0.0,
    )
    # Not the question's own subject spelled out ("zeta sarcoma (ZS)"), nor the whole sentence.
    assert answer.answer == "Zentinoin 0.25% gel"
    # A plain adjective, capitalised only by the sentence's start, names nothing.
    which = profile("Which surgery may be enough for small lesions?")
    assert headed_by("Palliative surgery may be enough for small lesions.", which) is None
    assert headed_by("Lesions were removed by Quell surgery.", which) == (24, 37)
    # … nor one after a list's marker.
    assert headed_by("- Palliative surgery may be enough for small lesions.", which) is None


def test_what_a_term_is_considered_to_be_defines_it(tmp_path: Path) -> None:
    doc = (
        "# Zetoma\n\n## Reactions\n\n"
        "Management of ZRS typically includes continuing the zeta regimen.\n\n"
        "Zeta reaction syndrome (ZRS) is not clearly delimited, but is regarded as the abrupt "
        "worsening of zetoma soon after starting the zeta regimen. ZRS is not approved, but "
        "the zeta regimen is.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "zetoma", doc)
    # A defined short form is answered by its long form through what it is said to be.
    answer = engine.ask("What is ZRS?", min_confidence=0.0)
    assert answer.answer is not None
    assert answer.answer.startswith("Zeta reaction syndrome (ZRS)")
    assert answer.answer.endswith(
        "the abrupt worsening of zetoma soon after starting the zeta regimen"
    )


def test_a_term_asked_in_full_finds_the_entry_keyed_by_its_short_form(tmp_path: Path) -> None:
    doc = (
        "# Zetoma\n\n## Response\n\nResponses are graded as zeta response (ZR), partial zeta "
        "response (PZR) or major zeta response (MZR):\n\n"
        "- **ZR:** No detectable zetoma for at least 4 weeks.\n"
        "- **PZR:** A 50% reduction in the number of zetoma lesions.\n"
        "- **MZR:** Major zeta response.\n\n" + _BACKGROUND
    )
    engine = _engine_over(tmp_path, "zetoma", doc)
    entries = engine._answerer.scorer.entries
    text = engine.index.documents["zetoma"].text

    def defined(question: str) -> list[str]:
        return [text[e.start : e.end] for e in entries.asked(profile(question))]

    assert defined("What counts as a zeta response in the grading?") == [
        "No detectable zetoma for at least 4 weeks."
    ]
    # An entry that only spells its short form out defines nothing.
    assert "Major zeta response." not in defined("What counts as a major zeta response?")
