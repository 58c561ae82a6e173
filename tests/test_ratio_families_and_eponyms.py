"""A ratio asked by its family (an odds ratio is no hazard ratio), a name made of two people's
names joined by a hyphen, and a title whose participle before "Cancer" names no disease.

Every sentence, name and figure here is made up; none is a document's.
"""

from __future__ import annotations

from pathlib import Path

from sclc_qa.answering.ratios import family, of_asked_ratio
from sclc_qa.mentions import named_tokens
from sclc_qa.question import profile
from sclc_qa.routing import _topics
from sclc_qa.spans import find
from test_answering_stages import _refusal, _section_engine
from test_routing import summaries_engine


def test_a_ratio_is_of_the_family_its_words_name() -> None:
    assert family("the odds ratio") == "odds"
    assert family("OR") == "odds" and family("or") is None
    assert family("hazard ratio (HR)") == family("RR") == family("incidence rate ratio")
    assert family("relative risk") == "relative"
    assert family("standardized incidence ratio") == family("SMR") == "standardised"
    assert family("effect size") == family("SMD") == family("Hedges' g") == "effect"
    # "ES-SCLC" is a disease, not an effect size ("ES = 0.4").
    assert family("in ES-SCLC") is None and family("ES = 0.4") == "effect"
    # The last one named is the figure's: "OR, not HR" would be read as HR.
    assert family("the OR was 1.2, and the HR") == "relative"


def test_a_ratio_of_another_family_does_not_answer() -> None:
    text = "Zeta relapse was likelier in quell users (HR, 2.4; 95% CI, 1.1–5.0)."
    spans = find(text, "hr")
    assert spans
    assert of_asked_ratio(text, spans, "What was the odds ratio of zeta relapse?") == []
    assert of_asked_ratio(text, spans, "What was the HR of zeta relapse?") == spans
    # A relative risk is asked of a hazard ratio as readers use the words.
    assert of_asked_ratio(text, spans, "What was the relative risk of zeta relapse?") == spans
    # A question that names no ratio takes any.
    assert of_asked_ratio(text, spans, "How much likelier was zeta relapse?") == spans
    # A figure listed after its label keeps the label's family.
    text = "The OR was 1.9 (95% CI, 1.2–3.0) for quell users, 1.4 (95% CI, 1.0–2.0) for others."
    spans = find(text, "hr")
    assert spans and of_asked_ratio(text, spans, "What odds ratio for others?") == spans
    assert of_asked_ratio(text, spans, "What hazard ratio for others?") == []


def test_an_odds_ratio_is_refused_where_only_a_hazard_ratio_is_given(tmp_path: Path) -> None:
    text = (
        "Zeta relapse was likelier in quell users than in others (HR, 2.4; 95% CI, 1.1–5.0). "
        "Quell users were followed for 3 years."
    )
    engine = _section_engine(tmp_path, text)
    assert "odds ratio" in _refusal(
        engine, "What was the odds ratio of zeta relapse in quell users?"
    )
    got = engine.ask("What was the HR of zeta relapse in quell users?", min_confidence=0.0)
    assert got.answer is not None and "2.4" in got.answer


def test_two_surnames_joined_by_a_hyphen_are_one_name() -> None:
    assert "Zeller-Quint" in named_tokens("What does Zeller-Quint stage IIb mean?")
    assert "Zeller-Quint-Oom" in named_tokens("Is the Zeller-Quint-Oom test used?")
    # A word opening the question is read as before; short parts are no surnames.
    assert "Zeller-Quint" not in named_tokens("Zeller-Quint staging: what is IIb?")
    assert "Ab-Cd" not in named_tokens("Is the Ab-Cd score used?")


def test_a_stage_of_a_named_system_is_answered_from_that_systems_table(tmp_path: Path) -> None:
    # The other document's staging table has a stage of the same name.
    table = "| Stage | Description |\n|---|---|\n| I | {} |\n| {} | {} |"
    engine = summaries_engine(
        tmp_path,
        {
            "zetoma": "# Zetoma\n\n## Staging\n\nTable 1. Zeller-Quint Staging System\n\n"
            + table.format("Encapsulated zetoma.", "IIb", "Zetoma grown into the quell fat.")
            # … a summary of more than a table, in which the system's name is a rare one
            + "\n\n## Care\n\n"
            + " ".join(f"Zetoma care step {i} is done." for i in range(20)),
            "zz-etal": "# Etal Cancer\n\n## Staging\n\nTable 1. Omal Staging of Etal Cancer\n\n"
            + table.format("Etal tumour of 2 cm.", "IIB", "Etal tumour fixed to the omal wall."),
        },
    )
    question = "What does Zeller-Quint stage IIb mean?"
    got = engine.ask(question, min_confidence=0.0)
    assert got.answer == "Zetoma grown into the quell fat."
    # The system's name is one the answer depends on: the other table's row, under a caption
    # that never writes it, cannot answer, however well it ranks.
    scorer = engine._answerer.scorer
    names = scorer.key_names(profile(question))
    assert names == ["Zeller-Quint"]
    other = next(i for i, s in enumerate(engine.index.sentences) if "omal wall" in s.text)
    assert scorer.coverage.of(other, names, profile(question))[0] == 0.0


def test_a_participle_before_the_head_names_no_disease() -> None:
    assert _topics("ZETA1 and Associated Cancer Risks (PDQ®)") == frozenset()
    assert _topics("Quell-Induced Cancer") == frozenset()
    assert _topics("Zetal Cancer and Associated Risks") == {"zetal"}


def test_a_figure_dash_joins_an_intervals_bounds() -> None:
    # U+2012, the figure dash some summaries set between an interval's bounds.
    text = "Zeta relapse was likelier with quell (OR, 2.60; 95% CI, 1.45\u20124.64; P = .001)."
    assert [text[s.start : s.end] for s in find(text, "hr")] == [
        "OR, 2.60; 95% CI, 1.45\u20124.64; P = .001"
    ]


def test_a_ratio_of_a_group_named_with_a_genes_digits() -> None:
    # What the ratio is of may hold a gene's digits, and run past sixty characters.
    text = (
        "The OR for zeta cancer risk in the women who carry *ZETA12/2* pathogenic variants was "
        "4.4 (95% CI, 2.9-7.1)."
    )
    assert [text[s.start : s.end] for s in find(text, "hr")] == ["4.4 (95% CI, 2.9-7.1)"]
    # … but not another figure's digits: "in 2 of 9 women" breaks what it is of.
    text = "The OR for zeta cancer in 2 of 9 women was 5.0 overall."
    assert [text[s.start : s.end] for s in find(text, "hr")] == []


def test_a_genes_symbol_spelled_out_in_brackets_after_it(tmp_path: Path) -> None:
    text = (
        "The *ZAPL2* (Zeta And Partner of *LIM4*) gene lies on chromosome 9. "
        "The *QEX7* (quell protein) gene is another. ZAPL2 carriers had more quell relapse."
    )
    engine = _section_engine(tmp_path, text)
    got = engine.ask("What does ZAPL2 stand for?", min_confidence=0.0)
    assert got.answer == "Zeta And Partner of *LIM4*"
    vocab = engine._answerer.vocab
    # Words that do not spell the symbol are no spelling out of it.
    assert set(vocab.symbols) == {"zapl2"}
    # … and a sentence writing the symbol does not carry the words of its name.
    said = next(i for i, s in enumerate(engine.index.sentences) if "more quell relapse" in s.text)
    assert "partner" not in vocab.tokens[said]


def test_a_question_naming_two_ratios_takes_either() -> None:
    text = "Quell users had more zeta relapse (OR, 2.4; 95% CI, 1.1–5.0)."
    spans = find(text, "hr")
    question = "Which is higher: the odds ratio for quell users or the hazard ratio for others?"
    assert spans and of_asked_ratio(text, spans, question) == spans


def test_a_gene_named_in_a_title_routes_questions_on_it_there(tmp_path: Path) -> None:
    # Both summaries write the gene; the one titled by it is about it.
    engine = summaries_engine(
        tmp_path,
        {
            "zeta2": "# ZETA2-Associated Cancer Risks\n\n## Treatment\n\n"
            "Quellib works in such tumours because ZETA2 repairs broken strands with ZETA1.",
            "omal": "# Omal Cancer Treatment\n\n## Genes\n\n"
            "ZETA2 variants are found in 2% of omal cancers. "
            "Quellib works in omal tumours because it blocks their growth signal.",
        },
    )
    asked = "Why would quellib work in ZETA2-deficient tumours?"
    answer = engine.ask(asked, min_confidence=0.0)
    assert answer.citations and answer.citations[0].doc == "zeta2"


def test_a_genes_spelled_out_name_is_kept_apart_from_other_definitions() -> None:
    from sclc_qa.corpus import parse_document
    from test_abbreviations import definitions_of

    text = "The *ZAPL2* (Zeta And Partner of *LIM4*) gene and zeta node (ZN) status."
    found = {d.short: d.source for d in definitions_of(parse_document("d", text))}
    assert found == {"ZAPL2": "symbol", "ZN": "text"}


def test_a_ratio_of_one_cancer_does_not_answer_for_another() -> None:
    # Organs' words name the cancers (a common noun or adjective, not a document's fact).
    text = "The OR for breast cancer risk in women with ZETA2 variants was 4.1 (95% CI, 2.2-7.9)."
    spans = find(text, "hr")
    assert spans
    assert of_asked_ratio(text, spans, "What OR for lung cancer did the consortium report?") == []
    assert of_asked_ratio(text, spans, "What breast cancer OR was reported?") == spans
    # A question naming no cancer, "cancer" alone, or a word that is no organ's, asks of none.
    assert of_asked_ratio(text, spans, "What OR for ZETA2 carriers?") == spans
    assert of_asked_ratio(text, spans, "What was the odds ratio of cancer?") == spans
    assert of_asked_ratio(text, spans, "What OR for invasive cancer?") == spans
    # A ratio listed after another is of what follows it, not of the first one's words.
    text = (
        "The OR for breast cancer was 2.0 (95% CI, 1.1-3.6), and 3.1 (95% CI, 1.5-6.4) for "
        "lung cancer."
    )
    spans = find(text, "hr")
    assert [text[s.start : s.end] for s in of_asked_ratio(text, spans, "OR for lung cancer?")] == [
        "3.1 (95% CI, 1.5-6.4)"
    ]


def test_a_hormone_receptor_is_no_hazard_ratio() -> None:
    assert family("HR-positive") is None and family("HR+ disease") is None
    assert family("AND/OR") is None


def test_a_definition_is_read_from_the_row_keyed_by_the_stage_asked(tmp_path: Path) -> None:
    text = (
        "Zetal staging is by the Omal system, and it defines each stage as follows.\n\n"
        "Table 1. Definitions of Omal Stage Z\n\n"
        "| Stage | Definition |\n|---|---|\n"
        "| Z | Zetal tumour confined to the omum. |\n"
        "| ZA | Tumour of 2 cm or less, invading 1 mm or less. |\n"
        "| ZB | Tumour over 2 cm, or invading over 1 mm. |"
    )
    got = _section_engine(tmp_path, text).ask(
        "How is Omal stage ZB zetal cancer defined?", min_confidence=0.0
    )
    assert got.answer is not None and "Tumour over 2 cm, or invading over 1 mm." in got.answer


def test_the_words_before_a_labelled_ratio_are_not_what_it_is_of() -> None:
    # "(RR, 1.6 …)" after "… localized cancers": its label is in the figure, and the words
    # before it say what rose, not a cancer of another site.
    text = "Eligible women had a 60% rise in localized cancers (RR, 1.60; 95% CI, 1.42-1.79)."
    spans = find(text, "hr")
    assert spans and of_asked_ratio(text, spans, "By how much did zeta cancer rise (RR)?") == spans


def test_a_gene_titled_summary_yields_to_the_one_naming_the_asked_trial(tmp_path: Path) -> None:
    engine = summaries_engine(
        tmp_path,
        {
            "zeta2": "# ZETA2-Associated Cancer Risks\n\n## Carriers\n\n"
            "ZETA2 carriers had more quell relapse in several cohorts.",
            "omal": "# Omal Cancer Treatment\n\n## Trials\n\n"
            "In the Quellora trial, 14% of patients carried ZETA2 variants.",
        },
    )
    asked = "In the Quellora trial, what share of patients carried ZETA2 variants?"
    got = engine.ask(asked, min_confidence=0.0)
    assert got.answer is not None and got.answer.startswith("14%")
