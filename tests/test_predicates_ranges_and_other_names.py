"""A share labelled by the verb after it ("9% were ZQ7 positive"), with a name of the question
counting more than a common word and a hyphenated question word matching two words apart;
"between A and B" as a range whose "between" belongs to it; another name asked the other way
round ("CD999 is another name for which receptor?"); a long form with one modifier its short
form skips ("complete bilateral zetal node dissection (CZND)"); "how many end up surviving?"
asking a share; a risk reached "by age 70" not given for "at age 80"; a ratio stated as "the
pooled estimate … was 0.57 (95% CI, …)".

Every sentence, name and figure here is made up; none is a document's.
"""

from __future__ import annotations

from pathlib import Path

from sclc_qa.answering.scoring import _LINK_ONLY
from sclc_qa.bounds import age_groups, age_points, same_ages
from sclc_qa.question import profile
from sclc_qa.spans import find
from test_answering_stages import _answers_in, _section_engine

_SERIES = (
    "In a series of 812 patients with zetal cancer, 97% of the tumours were quellin receptor "
    "positive, 71% were tavin receptor positive, 12% were ZQ7 positive, and 0.4% were "
    "triple negative. The mean age at diagnosis is between 55 and 65 years."
)


def test_a_share_is_labelled_by_the_verb_after_it(tmp_path: Path) -> None:
    assert _answers_in(
        tmp_path,
        _SERIES,
        "What share of tumours were ZQ7 positive?",
        "How often is zetal cancer ZQ7-positive?",
        "What share of the tumours were triple negative?",
        "What share were tavin receptor positive?",
        "What share of tumours were quellin receptor positive?",
    ) == ["12%", "12%", "0.4%", "71%", "97% of the tumours"]

    # The subject before a list of labelled figures is as near to each: their labels decide.
    flushes = (
        "Of the 52 men given a single zentarone shot, 88% reported fewer flushes, and 41% "
        "reported complete resolution of flushes."
    )
    assert _answers_in(
        tmp_path / "flushes",
        flushes,
        "After a zentarone shot, what percentage of men had their flushes go away completely?",
        "What percentage of men reported fewer flushes after the zentarone shot?",
    ) == ["41%", "88%"]


def test_a_range_between_two_figures_keeps_its_between(tmp_path: Path) -> None:
    for text, kind, span in (
        ("Onset is between 55 and 65 years.", "duration", "between 55 and 65 years"),
        ("Between 5% and 10% of cases recur.", "percent", "Between 5% and 10%"),
        ("Women aged between 50 and 69 years attend.", "age", "aged between 50 and 69 years"),
    ):
        assert [text[s.start : s.end] for s in find(text, kind)] == [span]
    assert (
        _answers_in(
            tmp_path,
            _SERIES,
            "At what age is zetal cancer usually diagnosed?",
            "What is the mean age at diagnosis?",
        )
        == ["between 55 and 65 years"] * 2
    )


_NAMES = (
    "Zeta checkpoints include quellin-binding receptor 2 (QBR-2, also called CD998) and "
    "tavin-associated receptor 5 (TAR-5, also called CD999), both receptors on T cells."
)


def test_another_name_is_answered_either_way_round(tmp_path: Path) -> None:
    assert _answers_in(
        tmp_path,
        _NAMES,
        "CD999 is another name for which checkpoint receptor?",
        "Which receptor is also known as CD998?",
        "What is CD999 also called?",
        "What is another name for QBR-2?",
        "What is TAR-5 also called?",
    ) == ["TAR-5", "QBR-2", "TAR-5", "CD998", "CD999"]


def test_a_long_form_may_leave_out_one_modifier(tmp_path: Path) -> None:
    text = (
        "Patients had lobectomy with complete bilateral zetal node dissection (CZND) at "
        "surgery. CZND improved staging. Margins were checked by the quellin-tavin assay (QA)."
    )
    assert (
        _answers_in(tmp_path, text, "What does CZND stand for?", "CZND?")
        == ["complete bilateral zetal node dissection"] * 2
    )
    engine = _section_engine(tmp_path / "vocabulary", text)
    # Read only when asked what it stands for: a search is not drawn by its long form.
    assert engine._answerer.vocab.names["cznd"][0].source == "joined"
    # Two letters are spelled by too many runs of words with one left out.
    assert "qa" not in engine._answerer.vocab.names


def test_how_many_come_to_an_outcome_asks_a_share(tmp_path: Path) -> None:
    assert profile("How many end up surviving long term?").kind == "percent"
    assert profile("How many go on to relapse after surgery?").kind == "percent"
    text = (
        "Radiation alone gives long-term survival in 4% to 9% of patients and relief of "
        "symptoms. A total of 280 patients were treated."
    )
    assert _answers_in(
        tmp_path,
        text,
        "If a patient gets radiation alone, how many end up surviving long term?",
    ) == ["4% to 9% of patients"]


def test_a_risk_reached_by_one_age_is_not_another_ages(tmp_path: Path) -> None:
    text = (
        "At age 70 years, men have an estimated cumulative zetal cancer risk of 1.1% if they "
        "carry ZT1 variants and 5.9% if they carry ZT2 variants."
    )
    engine = _section_engine(tmp_path, text)
    asked = "What is the cumulative risk by age 70 for ZT2 carriers?"
    assert engine.ask(asked, min_confidence=0.0).answer == "5.9%"
    refused = engine.ask(
        "What is the cumulative zetal cancer risk at age 80 for ZT2 carriers?", min_confidence=0.0
    )
    assert refused.abstained
    assert refused.reason is not None and "age 80" in refused.reason and "age 70" in refused.reason


_POOLED = (
    "The meta-analysis pooled risk ratio (RR) estimate of zetal cancer mortality associated "
    "with endoscopic screening was 0.61 (95% confidence interval [CI], 0.50–0.74), with all "
    "but one study showing a reduction. The pooled estimate for the five studies with the "
    "never-screened comparator group was 0.57 (95% CI, 0.47–0.69). One study used a "
    "radiographic comparator (RR of 0.71)."
)


def test_a_ratio_stated_as_an_estimate_with_its_interval(tmp_path: Path) -> None:
    """The ratio named once ("pooled risk ratio (RR) estimate of …"), then only "the pooled
    estimate … was X (95% CI, …)"; a share with an interval is no ratio."""
    assert [_POOLED[s.start : s.end] for s in find(_POOLED, "hr")] == [
        "0.61 (95% confidence interval [CI], 0.50–0.74)",
        "0.57 (95% CI, 0.47–0.69)",
        "RR of 0.71",
    ]
    assert find("The pooled estimate was 42% (95% CI, 30%–50%).", "hr") == []
    assert _answers_in(
        tmp_path,
        _POOLED,
        "Pooled RR for zetal cancer mortality with endoscopic screening?",
        "Pooled RR for endoscopy versus never screened?",
    ) == ["0.61 (95% confidence interval [CI], 0.50–0.74)", "0.57 (95% CI, 0.47–0.69)"]


def test_labels_after_figures_do_not_overreach(tmp_path: Path) -> None:
    """Found by the review: a label ends where another clause opens; a figure stated for its
    own arm keeps that arm's words; an endpoint asked names its figure before any verb after
    another one does."""
    arms = (
        "In the placebo arm, 20% had a complete response; in the zentamab arm, 40% had a "
        "complete response; in the varlimab arm, 55% had a complete response. In the quellan "
        "group 48% had disease control and in the observation group 22% had disease control."
    )
    assert _answers_in(
        tmp_path,
        arms,
        "What percentage had a complete response in the placebo arm?",
        "What percentage had a complete response in the varlimab arm?",
        "What share had disease control in the observation group?",
    ) == ["20%", "55%", "22%"]
    assert _answers_in(
        tmp_path / "rate",
        "In ZQ5 positive disease, the response rate was 50%, and 20% were ZQ5 positive overall.",
        "What was the response rate in ZQ5-positive disease?",
    ) == ["50%"]


def test_another_name_matches_whole_names(tmp_path: Path) -> None:
    text = (
        "Tavin receptor 5 (TAR5, also called CD99) binds zeta, and quellin receptor 2 (QR2, "
        "also called CD999) binds eta. The zeta death-ligand 1 (also called CD998) sits on "
        "tumour cells."
    )
    assert _answers_in(
        tmp_path,
        text,
        "CD999 is another name for which receptor?",
        "CD99 is another name for which receptor?",
        "CD998 is another name for which ligand?",
    ) == ["QR2", "TAR5", "death-ligand 1"]


def test_one_age_is_in_a_group_that_holds_it() -> None:
    assert age_points("Should screening stop at age 75?") == ((75, 75),)
    assert age_groups("Should screening stop at age 75?") == ()
    assert same_ages((75, 75), (50, 75)) and same_ages((45, 45), (40, 49))
    assert not same_ages((80, 80), (70, 70)) and not same_ages((80, 80), (50, 75))
    for open_ended in ("at age 65 years or more", "at age 65 onwards", "at age 18 months"):
        assert age_points(open_ended) == ()
    assert age_groups("women aged between 50 and 69") == ((50, 69),)
    assert age_groups("women between 50 and 69 years of age") == ((50, 69),)
    # A difference between two figures is no range.
    text = "The difference between 5 and 10 months was small."
    assert [text[s.start : s.end] for s in find(text, "duration")] == ["10 months"]


def test_a_sentence_that_only_lists_other_documents_states_nothing() -> None:
    pointers = (
        "Other summaries on [Zetal Cancer Prevention](/types/zeta/prevention); [Zetal Cancer\n"
        "Treatment](/types/zeta/treatment); and [Levels of Evidence](/levels) are also available.",
        "For more information, see the [Clear Zeta Sarcoma](/types/zeta#_10) section in Zeta "
        "Tumor and Other Childhood Zeta Tumors Treatment.",
    )
    for text in pointers:
        assert _LINK_ONLY.fullmatch(text)
    statements = (
        "Treatment options include [surgery](/a), [radiation](/b), and [quellplatin](/c).",
        # Found by the review: what follows the links, or the pointer, may state a fact.
        "Other reviews of [ZX1 inhibitors](/a) reported a 30% response rate.",
        "Other guidelines, such as [the Borin panel](/a), recommend 4 to 6 cycles of zetaplatin.",
        "For limited-stage disease, see [Treatment](/a); the standard is 45 Gy in 30 fractions.",
    )
    for text in statements:
        assert not _LINK_ONLY.fullmatch(text)


def test_two_nouns_may_modify_the_plural_a_which_phrase_asks(tmp_path: Path) -> None:
    asked = profile("Which patient and tumour characteristics go along with ZT9 variants?")
    assert asked.asked_about == "patient and tumour characteristics"
    assert profile("Which patient and tumour features are linked to ZT9?").target == "feature"
    # Found by the review: a verb in -s is no plural noun; a class word is what is asked.
    for question in (
        "Which drug and regimen works for older patients?",
        "Which drug and dose levels were tested?",
        "What linker and payload does the ZX1 conjugate carry?",
    ):
        assert len(profile(question).asked_about.split()) == 1, question
    text = (
        "ZT9 variants occur in 2% of zetal cancers. These ZT9 variants are associated with "
        "female sex, never-smoking status, brain metastasis and poor prognosis."
    )
    assert _answers_in(
        tmp_path, text, "Which patient and tumour characteristics go along with ZT9 variants?"
    ) == ["female sex, never-smoking status, brain metastasis and poor prognosis"]


def test_exams_and_structures_are_asked_by_what_the_text_lists(tmp_path: Path) -> None:
    """ "Exam" is a kind of test the text calls an examination; "structure" names no class a
    text would write, so neither is refused as a class no document mentions."""
    text = (
        "Endoscopic examination, zetography, and magnetic resonance imaging are useful in "
        "determining the local extent of the zetal tumor. T2 tumors invade any of the "
        "following: corpus zetosum or periurethral muscle."
    )
    exams, structures = _answers_in(
        tmp_path,
        text,
        "Which exams help define the local extent of a zetal tumor?",
        "Which structures does a T2 zetal tumor invade?",
    )
    assert exams == "Endoscopic examination, zetography, and magnetic resonance imaging"
    assert structures is not None and "corpus zetosum or periurethral muscle" in structures


def test_a_class_named_before_structures_is_still_asked_for(tmp_path: Path) -> None:
    text = "The quellar bridge has steel beams. Zetal tumors invade nearby structures early."
    refused = _section_engine(tmp_path, text).ask(
        "Which crystal structures does zetaplatin form?", min_confidence=0.0
    )
    assert refused.abstained
