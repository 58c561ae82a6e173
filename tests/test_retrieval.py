"""retrieval.py: hybrid (dense + BM25) search over chunks, with definition-based expansion."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from sclc_qa.abbreviations import find_definitions
from sclc_qa.config import RetrievalSettings, Settings
from sclc_qa.embedding import HashingEmbedder
from sclc_qa.engine import Engine
from sclc_qa.lexical import stem
from sclc_qa.models import Passage
from sclc_qa.retrieval import Retriever

MODES = ("hybrid", "dense", "lexical")


def retriever_for(engine: Engine, **settings: object) -> Retriever:
    index = engine.index
    definitions = find_definitions(index.documents, index.sentences)
    return Retriever(index, engine.embedder, definitions, RetrievalSettings(**settings))


def check_passages(engine: Engine, passages: list[Passage], top_k: int) -> None:
    assert 0 < len(passages) <= top_k
    scores = [p.score for p in passages]
    assert scores == sorted(scores, reverse=True)
    assert len({(p.doc, p.start) for p in passages}) == len(passages)
    for p in passages:
        doc = engine.index.documents[p.doc]
        assert doc.text[p.start : p.end] == p.text
        section = next(s for s in doc.sections if s.id == p.section)
        assert section.start <= p.start < p.end <= section.end and p.title == section.title


# ------------------------------------------------------------------ fast (fake embedder)


def test_abbreviations_expand_to_their_long_forms(hashing_engine: Engine) -> None:
    retriever = retriever_for(hashing_engine)
    query = retriever.prepare("What is the role of LDRT with PD-1 inhibitors?")
    assert "ldrt" in query.terms
    assert {"low-dose", stem("radiotherapy")} <= set(query.expansion)
    assert not set(query.expansion) & set(query.terms)
    assert query.definitional is False
    assert query.vector.shape == (hashing_engine.embedder.dim,)


def test_long_forms_expand_to_their_abbreviations(hashing_engine: Engine) -> None:
    query = retriever_for(hashing_engine).prepare("Why combine low-dose radiotherapy with ICIs?")
    assert "ldrt" in query.expansion
    # … also spelled out in other words' order, or sharing words between two long forms.
    reordered = retriever_for(hashing_engine).prepare("Why give radiotherapy at a low dose?")
    assert "ldrt" in reordered.expansion
    shared = retriever_for(hashing_engine).prepare(
        "5-year survival in limited vs extensive stage small cell lung cancer?"
    )
    assert {"ls-sclc", "es-sclc"} <= set(shared.expansion)
    # Two words of a long form are not it.
    assert "ldrt" not in retriever_for(hashing_engine).prepare("Is the dose low?").expansion
    # A long form the question spells out is one concept: its words weigh as expansion words
    # in BM25, its abbreviation as the question's own.
    assert {"low", "dose", stem("radiotherapy")} <= query.spelled and query.abbreviated == {"ldrt"}
    own = retriever_for(hashing_engine).prepare("Why combine LDRT with ICIs?")
    assert not own.spelled and not own.abbreviated


def test_a_long_form_is_known_with_a_long_form_inside_it_abbreviated(tmp_path: Path) -> None:
    # "Early-stage ZCL" is "early-stage zeta cell lymphoma", whose abbreviation is ES-ZCL.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "zcl.md").write_text(
        "# Zeta\n\n## Terms\n\nZeta cell lymphoma (ZCL) is rare. Early-stage zeta cell "
        "lymphoma (ES-ZCL) is treated with zentamab. Late-stage zeta cell lymphoma (LS-ZCL) "
        "is treated with quellimab.\n",
        encoding="utf-8",
    )
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    Engine.build(settings, embedder=HashingEmbedder())
    engine = Engine.load(settings, embedder=HashingEmbedder())
    query = retriever_for(engine).prepare("How is early stage ZCL treated, and late stage ZCL?")
    assert {"es-zcl", "ls-zcl"} <= set(query.expansion)


def test_the_words_an_expansion_adds_count_less_than_the_questions_own(
    hashing_engine: Engine,
) -> None:
    # "ICIs" adds its long form's words; the question writes no long form of its own.
    question = "Why combine radiotherapy with ICIs?"
    scores = {}
    for weight in (0.0, 0.3, 1.0):
        retriever = retriever_for(hashing_engine, expansion_weight=weight)
        scores[weight] = retriever._lexical_scores(retriever.prepare(question))
    query = retriever.prepare(question)
    assert query.expansion and not query.spelled
    own_only = retriever._bm25.get_scores(list(query.terms))
    np.testing.assert_allclose(scores[0.0], own_only, rtol=1e-6)
    assert (scores[0.0] <= scores[0.3] + 1e-6).all() and (scores[0.3] <= scores[1.0] + 1e-6).all()
    assert (scores[0.3] < scores[1.0]).any()
    # Spelled out, "low-dose radiotherapy" weighs as its abbreviation's words would, and
    # "LDRT" as the question's own: with expansion words at 0, only "ldrt" and the rest count.
    spelled = "Why combine low-dose radiotherapy with ICIs?"
    retriever = retriever_for(hashing_engine, expansion_weight=0.0)
    query = retriever.prepare(spelled)
    rest = [t for t in query.terms if t not in query.spelled] + sorted(query.abbreviated)
    np.testing.assert_allclose(
        retriever._lexical_scores(query), retriever._bm25.get_scores(rest), rtol=1e-6
    )


def test_definitional_questions_are_flagged(hashing_engine: Engine) -> None:
    assert retriever_for(hashing_engine).prepare("What does LDRT stand for?").definitional


def test_glossary_lines_are_down_weighted_unless_a_term_is_asked(hashing_engine: Engine) -> None:
    retriever = retriever_for(hashing_engine)
    chunks = hashing_engine.index.chunks

    def glossary_rank(question: str) -> int:
        hits = retriever.search(retriever.prepare(question), 50, mode="hybrid")
        return next(i for i, h in enumerate(hits) if chunks[h.chunk.id].kind == "glossary_entry")

    assert glossary_rank("What does LDRT stand for?") < glossary_rank(
        "Is LDRT safe with immunotherapy?"
    )


def test_lexical_search_finds_a_trial_id(hashing_engine: Engine) -> None:
    passages = hashing_engine.search("NCT04885998", top_k=5, mode="lexical")
    check_passages(hashing_engine, passages, 5)
    assert (passages[0].section, passages[0].label) == ("4.4.1", "Table 3")
    assert "NCT04885998" in passages[0].text


@pytest.mark.parametrize("mode", MODES)
def test_every_mode_returns_verified_passages(hashing_engine: Engine, mode: str) -> None:
    passages = hashing_engine.search("durvalumab overall survival CASPIAN", top_k=7, mode=mode)
    check_passages(hashing_engine, passages, 7)


def test_rrf_and_convex_fusion_both_rank(hashing_engine: Engine) -> None:
    for fusion in ("rrf", "convex"):
        retriever = retriever_for(hashing_engine, fusion=fusion)
        hits = retriever.search(retriever.prepare("CASPIAN durvalumab"), 3)
        assert hits[0].chunk.section == "4.1.1"
        assert hits[0].dense_rank is not None or hits[0].lexical_rank is not None


def test_search_is_deterministic(hashing_engine: Engine) -> None:
    first = hashing_engine.search("PARP inhibitors and immunotherapy", top_k=10)
    assert hashing_engine.search("PARP inhibitors and immunotherapy", top_k=10) == first


# ------------------------------------------------------------------ slow (real model)


@pytest.mark.slow
def test_hybrid_ranks_the_caspian_passage_first(engine: Engine) -> None:
    passages = engine.search("CASPIAN durvalumab overall survival", top_k=5)
    check_passages(engine, passages, 5)
    assert passages[0].section == "4.1.1"
    assert "CASPIAN" in passages[0].text


@pytest.mark.slow
def test_an_ldrt_question_reaches_low_dose_radiotherapy_text(engine: Engine) -> None:
    passages = engine.search("What is the role of LDRT combined with immunotherapy?", top_k=3)
    check_passages(engine, passages, 3)
    assert passages[0].section == "4.2"
    assert any(p.section == "4.2" and "low-dose radiotherapy" in p.text.lower() for p in passages)


@pytest.mark.slow
@pytest.mark.parametrize("mode", MODES)
def test_every_mode_works_with_the_real_model(engine: Engine, mode: str) -> None:
    passages = engine.search("CASPIAN durvalumab overall survival", top_k=5, mode=mode)
    check_passages(engine, passages, 5)
    assert passages[0].section == "4.1.1"


@pytest.mark.slow
def test_dense_search_understands_a_paraphrase(engine: Engine) -> None:
    # No drug name or term in common with 4.3 ("anti-angiogenic", "VEGF"): dense carries it.
    question = "drugs that stop tumours from growing new blood vessels"
    dense = engine.search(question, top_k=5, mode="dense")
    assert dense[0].section == "4.3"


@pytest.mark.slow
def test_lexical_beats_dense_on_an_identifier(engine: Engine) -> None:
    lexical = engine.search("NCT04885998", top_k=3, mode="lexical")
    assert "NCT04885998" in lexical[0].text
    hybrid = engine.search("NCT04885998", top_k=3)
    assert "NCT04885998" in hybrid[0].text


def test_a_passage_naming_the_questions_rare_name_is_found(tmp_path: Path) -> None:
    """The passages naming a rare name the question uses (a trial) join the candidates and are
    boosted; a name most passages use (PD-L1) is not rare and boosts nothing."""
    from sclc_qa.config import Settings
    from sclc_qa.embedding import HashingEmbedder

    root = tmp_path
    corpus = root / "corpus"
    corpus.mkdir()
    filler = " ".join(f"Patients in cohort {i} were followed with imaging." for i in range(12))
    common = "".join(
        f"## Expression {i}\n\nHigh PD-L1 expression was defined differently in study {i}; "
        "high PD-L1 expression definitions vary, and high PD-L1 expression is common.\n\n"
        for i in range(8)
    )
    doc = (
        "# Trials\n\n## The trial\n\n"
        f"The phase III ZETA-9 trial enrolled adults. {filler} "
        "High expression meant more than half of tumour cells.\n\n" + common
    )
    (corpus / "trials.md").write_text(doc, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=root / "index")
    Engine.build(settings, embedder=HashingEmbedder())
    engine = Engine.load(settings, embedder=HashingEmbedder())
    retriever = engine._retriever
    query = retriever.prepare("How did ZETA-9 define high PD-L1 expression?")
    named = retriever._named(query, None)
    chunks = retriever.index.chunks
    assert named and all("ZETA-9" in chunks[cid].text for cid in named)
    assert set(named.values()) == {1.0}  # PD-L1 is in most passages: not a rare name
    top = engine.search(query.text, top_k=1)[0]
    assert "ZETA-9" in top.text
    assert retriever._named(retriever.prepare("How is PD-L1 expression defined?"), None) == {}


def test_row_products_match_the_matrix_product() -> None:
    import numpy as np

    from sclc_qa.retrieval import row_products

    rng = np.random.default_rng(0)
    matrix = rng.standard_normal((300, 384)).astype(np.float32)
    vector = rng.standard_normal(384).astype(np.float32)
    got = row_products(matrix, vector)
    assert got.dtype == np.float32 and got.shape == (300,)
    assert np.allclose(got, matrix @ vector, atol=1e-4)


def test_the_list_items_below_a_rare_names_passage_are_found_with_it(tmp_path: Path) -> None:
    """A trial described in a numbered item and reported in the bullets below it: the bullets
    never repeat its name, yet they are what a question about its results needs."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    follow_up = "with imaging and clinical review " * 12
    design = " ".join(f"Cohort {i} was followed {follow_up}every 6 weeks." for i in range(5))
    results = " ".join(f"In subgroup {i}, the response held at each scan." for i in range(3))
    others = "".join(
        f"## Study {i}\n\nThe 5-year OS rate was {20 + i}% in study {i} of zentoma.\n\n"
        for i in range(8)
    )
    doc = (
        "# Trials\n\n## Zentamab\n\nEvidence (zentamab):\n\n"
        f"1. The phase III ZETA-9 trial randomly assigned 600 adults. {design}\n\n"
        f"- After 5 years, the 5-year OS rate was 19.4% with zentamab. {results}\n\n" + others
    )
    (corpus / "trials.md").write_text(doc, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    Engine.build(settings, embedder=HashingEmbedder())
    engine = Engine.load(settings, embedder=HashingEmbedder())
    retriever = engine._retriever
    chunks = retriever.index.chunks
    bullet = next(c.id for c in chunks if "19.4%" in c.text)
    assert "ZETA-9" not in chunks[bullet].text
    query = retriever.prepare("In ZETA-9, what was the 5-year OS rate?")
    assert bullet in retriever._named(query, None)
    assert any("19.4%" in p.text for p in engine.search(query.text, top_k=3))
