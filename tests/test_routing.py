"""Which documents a question is routed to: by the disease its title names."""

from __future__ import annotations

from pathlib import Path

from sclc_qa.config import Settings
from sclc_qa.embedding import HashingEmbedder
from sclc_qa.engine import Engine
from sclc_qa.routing import Router, _topics


def test_a_title_names_its_disease_not_its_kind_of_document() -> None:
    assert _topics("Zeta Cancer Screening (PDQ®)") == {"zeta"}
    assert _topics("Zetoma and Zetic Carcinoma Treatment") == {"zetoma", "zetic"}
    assert _topics("Non-Small Cell Zeta Cancer Treatment") == {"zeta"}
    # "Cell" names no disease: "Zetal Cell Cancer" is the zetal organ's.
    assert _topics("Zetal Cell Cancer Treatment") == {"zetal"}
    assert _topics("A review of care pathways") == frozenset()
    # Each disease coordinated before the head: "Zeta and Other Etal Cancers".
    assert _topics("Zeta and Other Etal Cancers Screening") == {"zeta", "etal"}
    # … and each listed before it by commas or "&", by the item's first word.
    assert _topics("Zeta, Omal Duct, & Primary Etal Cancers Screening") == {"zeta", "omal", "etal"}


def test_a_title_about_people_with_any_cancer_names_no_disease() -> None:
    # "With", "in", "and" before the head are no disease: else every question holding the
    # word would be about that one summary.
    assert _topics("Zeta Fatigue in Adults With Cancer (PDQ®)") == frozenset()
    assert _topics("Quell Care in Cancer") == frozenset()
    assert _topics("Quellin and Cancer (PDQ®)") == frozenset()


def summaries_engine(tmp_path: Path, bodies: dict[str, str]) -> Engine:
    """An engine over one Markdown summary per entry of `bodies` (file stem → text before a
    shared "Background" section of filler), built with the hashing embedder."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    filler = "".join(f"Paragraph {i} describes general care.\n\n" for i in range(20))
    for stem, body in bodies.items():
        (corpus / f"{stem}.md").write_text(f"{body}\n\n## Background\n\n{filler}", encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    Engine.build(settings, embedder=HashingEmbedder())
    return Engine.load(settings, embedder=HashingEmbedder())


def _two_summaries(tmp_path: Path) -> Engine:
    return summaries_engine(
        tmp_path,
        {
            "zeta": "# Zetal Cancer Screening\n\n## Accuracy of cytology\n\n"
            "Brush cytology had a sensitivity of 41% and was widely used in screening programs.",
            "eta": "# Etal Cancer Screening\n\n## Tests\n\nIn one series, its sensitivity was 77%.",
        },
    )


def test_a_question_naming_a_disease_is_answered_from_its_documents(tmp_path: Path) -> None:
    engine = _two_summaries(tmp_path)
    answer = engine.ask(
        "What is the sensitivity of brush cytology for etal cancer?", min_confidence=0.0
    )
    assert answer.answer == "77%"
    assert answer.citations[0].doc == "eta"
    # Named by another form of the organ's word, or not named at all: any document.
    assert (
        engine.ask("What is the sensitivity of brush cytology?", min_confidence=0.0).answer == "41%"
    )


def test_a_section_the_question_names_is_read_first(tmp_path: Path) -> None:
    from test_answering_stages import _engine_over

    doc = (
        "# Zeta review\n\n## Abstract\n\nAdding zetamab extends survival by 2–4 months.\n\n"
        "## 1 Introduction\n\n"
        "In phase III trials, zetamab prolonged overall survival by 3 to 7 months.\n\n"
        "## Background\n\n" + "".join(f"Paragraph {i} describes care.\n\n" for i in range(20))
    )
    engine = _engine_over(tmp_path, "zeta", doc)
    asked = "According to the introduction, by how many months does zetamab extend survival?"
    assert engine.ask(asked, min_confidence=0.0).answer == "3 to 7 months"
    asked = "In the abstract, by how many months does zetamab extend survival?"
    assert engine.ask(asked, min_confidence=0.0).answer == "2–4 months"


def test_a_peoples_adjective_routes_to_documents_naming_its_place(tmp_path: Path) -> None:
    """ "… the Chinese screening study?" is about a document that says "a study from China",
    not only about one that writes "Chinese"; a paragraph that names its study first reports
    on it for several sentences."""
    steps = " ".join(f"Step {i} of the zetoscopy protocol was followed." for i in range(7))
    engine = summaries_engine(
        tmp_path,
        {
            "zeta": "# Zetal Cancer Screening\n\n## Benefit\n\n"
            f"A study from China assessed one-time zetoscopy in villages. {steps} In a 10-year "
            "follow-up, the incidence of zetal cancer was lower in the intervention group "
            "(5.92% vs. 4.17%).",
            "eta": "# Etal Cancer Screening\n\n## Workers\n\n"
            "Chinese workers exposed to etalines were screened with urine cytology.",
        },
    )
    asked = "What was the incidence in the intervention vs control group of the Chinese study?"
    answer = engine.ask(asked, min_confidence=0.0)
    assert answer.answer == "5.92% vs. 4.17%"
    assert answer.citations[0].doc == "zeta"


def test_an_organs_noun_routes_to_the_title_that_names_it_by_its_adjective(
    tmp_path: Path,
) -> None:
    engine = summaries_engine(
        tmp_path,
        {
            "renal": "# Renal Cell Cancer Treatment\n\n## Imaging\n\n"
            "Zetography had a sensitivity of 63% for small tumors.",
            "eta": "# Etal Cancer Screening\n\n## Tests\n\nZetography had a sensitivity of 28%.",
        },
    )
    answer = engine.ask("How sensitive is zetography for kidney cancer?", min_confidence=0.0)
    assert answer.answer == "63%"
    assert answer.citations[0].doc == "renal"
    # A question that only says "cell" names neither document's disease.
    assert engine._retriever.prepare("Which cell type do etal tumors arise from?").route == {"eta"}


def test_a_name_written_in_words_routes_to_the_one_document_naming_it(tmp_path: Path) -> None:
    """ "Zentor" asked with zetal cancer is about the one document that names Zentor and writes
    of zetal cancer, though another's title names the disease."""
    engine = summaries_engine(
        tmp_path,
        {
            "zeta": "# Zetal Cancer Screening\n\n## Recurrence\n\n"
            "After resection, zetal cancer recurred in 45% of patients within a year.",
            "herb": "# Zentor Extracts\n\n## Zetal cancer\n\n"
            "Patients with zetal cancer received Zentor injections after resection; the "
            "recurrence rate was 31% at 1 year.",
        },
    )
    answer = engine.ask(
        "What was the recurrence rate with Zentor after resection of zetal cancer?",
        min_confidence=0.0,
    )
    assert answer.answer is not None and "31%" in answer.answer
    assert answer.citations[0].doc == "herb"


# A summary whose tumours are diagnosed at another age than the summary asked about.
_ZETAL = (
    "# Zetal Cancer Treatment\n\n## Tumours\n\n"
    "Zetal tumors are diagnosed at a median age of 64 years in sporadic cases."
)


def test_an_acronym_for_one_documents_title_routes_there_over_an_organs_title(
    tmp_path: Path,
) -> None:
    """ "ZEH" asked with zetal tumours: the zetal summary never writes ZEH, and ZEH stands for
    the title of the one document that does (its text defines "Zeta-Eta-Hoff syndrome")."""
    engine = summaries_engine(
        tmp_path,
        {
            "zetal": _ZETAL,
            "zeh": "# Zeta-Eta-Hoff Syndrome\n\n## Introduction\n\n"
            "Zeta-Eta-Hoff syndrome (ZEH) is inherited. In ZEH, zetal tumors are diagnosed "
            "at a median age of 48 years.",
        },
    )
    answer = engine.ask("At what age are zetal tumors diagnosed in ZEH?", min_confidence=0.0)
    assert answer.answer is not None and "48 years" in answer.answer
    assert answer.citations[0].doc == "zeh"


def test_an_acronym_asked_in_the_singular_routes_like_its_plural(tmp_path: Path) -> None:
    """ "A zetal ZST": the zetal summary never writes ZST; the text that does defines "zeta
    stromal tumors (ZSTs)", in the plural, and its title is theirs."""
    engine = summaries_engine(
        tmp_path,
        {
            "zetal": _ZETAL,
            "zst": "# Zeta Stromal Tumors Treatment\n\n## Introduction\n\n"
            "Zeta stromal tumors (ZSTs) arise anywhere. A zetal ZST is diagnosed at a median "
            "age of 48 years.",
        },
    )
    answer = engine.ask("At what age is a zetal ZST diagnosed?", min_confidence=0.0)
    assert answer.answer is not None and "48 years" in answer.answer
    assert answer.citations[0].doc == "zst"


def test_an_acronym_no_document_writes_spells_a_title_by_its_initials(tmp_path: Path) -> None:
    """ "PZNSL" is written nowhere, but the words of one title spell it ("ZNS" in capitals
    giving all its letters): the question is that summary's, and its sentences answer for the
    subject they never name."""
    engine = summaries_engine(
        tmp_path,
        {
            "pznsl": "# Primary ZNS Lymphoma Treatment\n\n## Induction\n\n"
            "A pooled analysis of zentamab trials found longer PFS with zentamab (HR, 0.61; "
            "95% CI, 0.44-0.93).",
            "zcml": "# Zeta Myeloid Leukemia Treatment\n\n## Induction\n\n"
            "In zeta myeloid leukemia, zentamab trials found longer PFS with zentamab (HR, "
            "0.83; 95% CI, 0.71-0.97).",
        },
    )
    answer = engine.ask("What PFS hazard ratio did zentamab give in PZNSL?", min_confidence=0.0)
    assert answer.answer is not None and "0.61" in answer.answer
    assert answer.citations[0].doc == "pznsl"


def test_an_acronym_other_documents_also_write_names_no_one_documents_subject(
    tmp_path: Path,
) -> None:
    """ "ZCC" stands for the zeta summary's title, but a review writes it too: a question
    naming it may be about either, and is routed by nothing else."""
    engine = summaries_engine(
        tmp_path,
        {
            "zcc": "# Zeta Cell Carcinoma Treatment\n\n## Response\n\n"
            "Zeta cell carcinoma (ZCC) responds to etamab in 22% of patients.",
            "review": "# A review of etamab\n\n## Other tumours\n\n"
            "In ZCC, etamab combined with zetaplatin gave responses in 35% of patients.",
        },
    )
    answer = engine.ask(
        "What response did etamab combined with zetaplatin give in ZCC?", min_confidence=0.0
    )
    assert answer.answer is not None and "35%" in answer.answer
    assert answer.citations[0].doc == "review"


def test_a_short_form_spelled_like_a_common_word_is_one_only_in_capitals(
    tmp_path: Path,
) -> None:
    """ "who" asks no organisation and "a" is no clipped "AI": neither brings in the long form
    a text defines for "WHO" or "AI"; "WHO" in capitals does."""
    engine = summaries_engine(
        tmp_path,
        {
            "zeta": "# Zetoma\n\n## Grading\n\n"
            "The World Health Organization (WHO) grades zetomas. Artificial intelligence (AI) "
            "reads their scans. Zetomas were first described by Hoff in 1961.",
        },
    )
    prepare = engine._retriever.prepare
    assert not prepare("Who first described a zetoma?").expansion
    assert {"world", "health"} <= set(prepare("How does the WHO grade zetomas?").expansion)


def test_a_routed_documents_title_words_tell_none_of_its_passages_apart(tmp_path: Path) -> None:
    """Routed to the Zeta-Eta-Hoff summary, the words of its title (which "ZEH" expands to)
    are every passage's subject: the passage on prevalence answers, not those that repeat the
    syndrome's name."""
    features = "\n\n".join(
        f"Zeta-Eta-Hoff syndrome (ZEH) feature {i} is common in Zeta-Eta-Hoff syndrome."
        for i in range(12)
    )
    # Prevalence is a common word elsewhere, the syndrome's name a rare one.
    other = "\n\n".join(f"The prevalence of zetal finding {i} was measured." for i in range(40))
    engine = summaries_engine(
        tmp_path,
        {
            "zeh": "# Zeta-Eta-Hoff Syndrome\n\n## Features\n\n"
            f"{features}\n\n## Prevalence\n\n"
            "Studies have reported prevalence estimates between 1 in 150,000 and 1 in 400,000 "
            "for ZEH.",
            "zeta": "# Zetal Cancer Treatment\n\n## Prevalence\n\n" + other,
        },
    )
    answer = engine.ask("How common is ZEH - what prevalence figures have been reported?")
    assert answer.answer == "between 1 in 150,000 and 1 in 400,000"
    assert answer.citations[0].doc == "zeh"


def test_a_summary_about_no_disease_is_searched_for_the_disease_it_writes(tmp_path: Path) -> None:
    """A symptom's summary ("Quell Fatigue") speaks of people with any cancer: a question naming
    the disease a title names ("etal cancer") may be about it, when it writes that disease."""
    engine = summaries_engine(
        tmp_path,
        {
            "eta": "# Etal Cancer Screening\n\n## Tests\n\nZetography had a sensitivity of 28%.",
            "fatigue": "# Quell Fatigue in Adults With Cancer\n\n## Studies\n\n"
            "In 90 women with etal cancer, quell fatigue lasted a median of 14 weeks after it.",
            "omal": "# Quell Sleep\n\n## Studies\n\nIn 60 men with omal cancer, sleep was poor.",
        },
    )
    asked = "In women with etal cancer, how long did quell fatigue last?"
    answer = engine.ask(asked, min_confidence=0.0)
    assert answer.answer == "14 weeks"
    assert answer.citations[0].doc == "fatigue"
    # A summary about no disease that never writes the one asked is not searched for it.
    assert Router(engine.index).route((), "how poor was sleep in etal cancer?") == {
        "eta",
        "fatigue",
    }


def test_a_name_only_a_summary_about_no_disease_writes_leaves_the_diseases_own(
    tmp_path: Path,
) -> None:
    # The zeta screening summary writes the regulator out in full; the symptom summary, about
    # no disease, abbreviates it and writes zeta cancer too.
    engine = summaries_engine(
        tmp_path,
        {
            "zeta": "# Zetal Cancer Screening\n\n## Harms\n\n"
            "A Zetland Drug Agency notice recommends against screening for zetal cancer with "
            "current tests.",
            "itch": "# Itching\n\n## Causes\n\n"
            "The ZDA has approved quellin for itch in people with zetal cancer or etal cancer.",
        },
    )
    answer = engine.ask(
        "Does the ZDA support current tests to screen for zetal cancer?", min_confidence=0.0
    )
    assert answer.citations and answer.citations[0].doc == "zeta"
