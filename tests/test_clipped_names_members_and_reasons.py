"""A subject asked by a short form only another document writes ("ZPC", defined there as
"zetopharyngeal carcinomas (also called ZPC)") searched in every document that writes it out;
a disease's name clipped ("zeto" for zetochromocytoma) routed to its summary; one member of a
numbered family ("type 4") not answered by a row on another ("type 2"); a reason said as what
the thing contributed to, as what doing it results in after a semicolon, or opening the next
sentence; "which molecules get released?" asking molecules; a table row whose column of the
class asked is the question's own name answering nothing of that class; a Markdown reference
after a cell trimmed from it; "4 cm or smaller" keeping its bound; a study named after the
question's subject ("ZPC-2003") no answer unless a study is asked; each figure for the sex its
own label names; a bare number set against the next figure in one bracket; a figure from
another comparison than the one asked refused; a stage no subject of a comparison; doses that
name the arms leaving a timed endpoint asked. Each rule beside the cases where it must not
reach (the reviews' findings).

Every sentence, name and figure here is made up; none is a document's.
"""

from __future__ import annotations

from pathlib import Path

from sclc_qa.abbreviations import _in_text
from sclc_qa.answering.numbered import asked_members, speaks_of_others
from sclc_qa.answering.shapes import gives_reason
from sclc_qa.lexical import normalize
from sclc_qa.models import Sentence
from sclc_qa.question import profile
from sclc_qa.spans import Span, strip_citation
from sclc_qa.tables import bare_cell
from test_answering_stages import _answers_in, _engine_over


def _sentence(text: str) -> Sentence:
    return Sentence(
        id=0, doc="d", section="s", title="t", kind="paragraph", label=None,
        start=0, end=len(text), text=text,
    )  # fmt: skip


def test_a_short_form_introduced_as_another_name_is_defined() -> None:
    text = "Only zetal carcinomas (also called ZC) are covered here; quell nodes (known as QN) too."
    found = {d.short: d.long for d in _in_text(text, _sentence(text))}
    assert found == {"ZC": "zetal carcinomas", "QN": "quell nodes"}
    quoted = 'It covers zetal carcinomas (also called "ZC" or zetomas) alone.'
    assert [(d.short, d.long) for d in _in_text(quoted, _sentence(quoted))] == [
        ("ZC", "zetal carcinomas")
    ]


_ADULT = (
    "# Zetopharyngeal Carcinoma Treatment\n\n## General Information\n\n"
    "Of the tumours arising in the zetopharynx, this summary covers only zetopharyngeal "
    "carcinomas (also called ZPC).\n\nZetopharyngeal carcinoma is treated with radiation "
    "alone at stage I.\n"
)
_CHILD = (
    "# Childhood Zetopharyngeal Cancer Treatment\n\n## Surgery\n\n"
    "Surgery has little place in childhood zetopharyngeal carcinoma, because it has usually "
    "spread too far locally to be removed.\n\n## Follow-up\n\nChildren are seen every 3 "
    "months for 2 years.\n"
)


def test_a_short_form_one_document_defines_is_searched_where_others_write_it_out(
    tmp_path: Path,
) -> None:
    engine = _engine_over(tmp_path, "adult", _ADULT, child=_CHILD)
    for question in (
        "Why is ZPC hardly ever treated with surgery?",
        "Why are ZPCs hardly ever treated with surgery?",  # the short form in the plural
    ):
        asked = profile(question)
        routed = engine._retriever._router.route(asked.names, normalize(question))
        assert routed is None or {"adult", "child"} <= routed, question
        answer = engine.ask(question, min_confidence=0.0)
        assert answer.citations and answer.citations[0].doc == "child", question
        assert answer.answer is not None and "spread too far locally" in answer.answer


_ZETO = (
    "# Zetochromocytoma Treatment\n\n## Surgery\n\n"
    "After resection of a zetochromocytoma, 40% of patients with recurrence develop "
    "metastatic disease.\n"
)
_QUELLO = (
    "# Quellosarcoma Treatment\n\n## Recurrence\n\n"
    "After resection of a quellosarcoma, 12% of patients with recurrence develop "
    "metastatic disease.\n"
)


def test_a_clipped_disease_name_routes_to_its_summary(tmp_path: Path) -> None:
    engine = _engine_over(tmp_path, "zeto", _ZETO, quello=_QUELLO)
    router = engine._retriever._router
    for question in (
        "Once a zeto recurs, how many of those patients develop metastases?",
        "Once zetos recur, how many of those patients develop metastases?",
    ):
        assert router.route(profile(question).names, normalize(question)) == {"zeto"}


def test_an_everyday_word_is_no_clipped_organ(tmp_path: Path) -> None:
    zetal = (
        "# Zetal Cancer Treatment\n\n## Options\n\nThe main advantage of zentamab over "
        "quellin is a lower rate of zentopenia.\n"
    )
    prosal = "# Prosal Cancer Treatment\n\n## Options\n\nSurgery and radiation are both used.\n"
    engine = _engine_over(tmp_path, "zetal", zetal, prosal=prosal)
    question = "What are the pros and cons of zentamab compared with quellin?"
    routed = engine._retriever._router.route(profile(question).names, normalize(question))
    assert routed != {"prosal"}


def test_another_member_of_a_numbered_family_is_not_the_one_asked() -> None:
    asked = asked_members("Which gene matches the old label zeta syndrome type 4?")
    assert asked == (("type", frozenset({4})),)
    assert speaks_of_others("Formerly referred to as zeta syndrome type 2.", asked)
    assert not speaks_of_others("Formerly referred to as zeta syndrome type IV.", asked)
    assert not speaks_of_others("Zeta syndrome is inherited.", asked)
    # Other spellings of the member asked: a letter after it, a hyphen.
    assert not speaks_of_others("Zeta syndrome type 4A (formerly type 2) is rare.", asked)
    assert not speaks_of_others("The type-4 form (once called type 2) is rare.", asked)
    # Ranges, lists, Roman numerals past X, letters, and open bounds name the member asked.
    grade = asked_members("How common was grade 3 zentitis?")
    assert not speaks_of_others("Grades 2–4 zentitis occurred in 9%.", grade)
    assert not speaks_of_others("Grade 2 or higher zentitis occurred in 20%.", grade)
    assert not speaks_of_others("Grade ≥2 zentitis in 12%; grade 1 in 30%.", grade)
    assert speaks_of_others("Grade 2 zentitis occurred in 14%.", grade)
    assert not speaks_of_others("Types 1-3 and 5 are caused by ZQK.", asked_members("type 2?"))
    assert not speaks_of_others("Types 1 to 20 are listed.", asked_members("type 15?"))
    assert not speaks_of_others("Type XI is caused by ZQK.", asked_members("type 11?"))
    assert not speaks_of_others("In cohorts A–C the rate was 31%.", asked_members("cohort B?"))
    # A measure after a family's noun is no member of it.
    assert asked_members("In the zentamab arm 12 weeks after surgery, what was the rate?") == ()


def test_the_row_of_the_member_asked_answers_without_its_reference(tmp_path: Path) -> None:
    rows = "".join(
        f"| *{gene}* [[{n}](#cit/section_1.{n})] | Formerly called zeta syndrome type {n}. |\n"
        for n, gene in enumerate(("ZQD", "ZQAF2* (*ZQ5", "ZQC", "ZQB"), 1)
    )
    table = "| Gene | Comment |\n|---|---|\n" + rows
    [answer] = _answers_in(
        tmp_path, table, "Which ZQ gene matches the old label zeta syndrome type 4?"
    )
    assert answer == "*ZQB*"


def test_a_cell_keeps_its_own_brackets_and_loses_only_markup() -> None:
    for text, kept in (
        ("*ZQ4* [[13](#cit/section_1.13)]", "*ZQ4*"),
        ("[Zeta therapy](/types/zeta#_12)", "Zeta therapy"),
        ("4.5 (1–12)", "4.5 (1–12)"),
        ("3 cm (2–5) [[2](#cit/section_2.2)]", "3 cm (2–5)"),
        ("Zeta lesion >7 mm in widest extent.", "Zeta lesion >7 mm in widest extent."),
        (
            "Stage III [zetal cancer](/Common/PopUps/x)",
            "Stage III [zetal cancer](/Common/PopUps/x)",
        ),
    ):
        start, end = bare_cell(text, Span(0, len(text), "cell"))
        assert text[start:end] == kept


def test_a_markdown_reference_after_a_sentence_is_trimmed() -> None:
    text = "a 91% rate.[[14](#cit/section_1.14)-[16](#cit/section_1.16)]"
    start, end = strip_citation(text, 0, len(text))
    assert text[start:end] == "a 91% rate"


def test_what_a_thing_contributed_to_is_a_reason_for_what_is_asked() -> None:
    question = "Why was survival in the zentamab arm so long?"
    assert gives_reason(question, "The late switch to quellimab likely contributed to survival.")
    assert not gives_reason(question, "Median survival was 30 months in the zentamab arm.")
    # Contributing to something else states no reason for it.
    assert not gives_reason(
        question, "Twelve centres contributed to the ZETA registry, whose zentamab arm lived long."
    )


def test_what_doing_it_results_in_explains_why_not(tmp_path: Path) -> None:
    [answer] = _answers_in(
        tmp_path,
        "Zeta-adrenergic blockers must not be started ahead of quell-adrenergic blockers; doing "
        "so removes zeta-adrenergic receptor-mediated widening of vessels and results in "
        "unopposed quell-adrenergic receptor-mediated narrowing, which may bring on a crisis.",
        "Why must a zeta blocker never be started before quell blockade?",
    )
    assert answer is not None and "unopposed quell-adrenergic" in answer


def test_a_reason_does_not_run_past_where_the_sentence_turns(tmp_path: Path) -> None:
    [answer] = _answers_in(
        tmp_path,
        "Zentamab is avoided in the elderly since their renal clearance of it is roughly "
        "halved, and it is therefore kept for younger patients; in them, the weekly schedule "
        "leads to response rates above 60%.",
        "Why is zentamab avoided in the elderly?",
    )
    assert answer is not None and "60%" not in answer


def test_a_reason_the_next_sentence_opens_with_answers_why(tmp_path: Path) -> None:
    engine = _engine_over(
        tmp_path,
        "doc",
        "# Doc\n\n## Section\n\nA few groups have suggested zetal symptom scores as a way to "
        "screen for zetoma. Because such scores are read in people with symptoms, they are not "
        "screening in the strict sense, and this summary does not cover them.\n",
    )
    question = profile("Why aren't zetal symptom scores covered as a zetoma screening method?")
    first = next(s.id for s in engine.index.sentences if s.text.startswith("A few groups"))
    sid, start, end, _ = engine._answerer.extractor.clauses.explaining(question, first)
    said = engine.index.documents["doc"].text[start:end]
    assert sid == first + 1 and said.startswith("Because such scores")


def test_a_passive_with_get_asks_the_noun_before_it() -> None:
    asked = profile("When zentamab binds a T cell, which cytotoxic molecules get released?")
    assert asked.target == "molecule"


_TRIALS = (
    "| NCT | Drug | Registration URL | Phase | Combined with |\n|---|---|---|---|---|\n"
    "| NCT01234567 | Zentamab | https://example.org/NCT01234567 | III | Quellin |\n"
    "| NCT07654321 | Quellumab | https://example.org/NCT07654321 | II | Zetoxel |\n"
)


def test_a_row_whose_class_column_is_the_question_s_own_name_answers_no_class(
    tmp_path: Path,
) -> None:
    background = (
        "Zentamab bridges zeta-positive cells to T cells, which then set free zetzyme B and "
        "quellin and kill the tumour cells quickly."
    )
    released, combined = _answers_in(
        tmp_path,
        _TRIALS + "\n" + background,
        "When zentamab links a T cell to a zeta-positive cell, which cytotoxic molecules get "
        "released to kill it?",
        "Which drug is combined with zentamab in NCT01234567?",
    )
    assert released is None or "example.org" not in released
    # A column whose heading the question uses still answers.
    assert combined == "Quellin"


def test_a_size_keeps_its_bound(tmp_path: Path) -> None:
    [answer] = _answers_in(
        tmp_path,
        "Zetalectomy through a laparoscope is favoured for tumours of about 4 cm or smaller "
        "across.",
        "Up to what size is laparoscopic zetalectomy favoured?",
    )
    assert answer == "about 4 cm or smaller"


def test_a_study_named_after_the_subject_answers_only_a_study_asked(tmp_path: Path) -> None:
    text = (
        "The ZPC-2003 study added 6 months of quellferon maintenance in children with ZPC. "
        "Patients whose ZPC returns locally may be irradiated again at a moderate dose with "
        "external beams."
    )
    kind, study = _answers_in(
        tmp_path,
        text,
        "For a local recurrence of ZPC, what kind of re-irradiation do selected patients get?",
        "Which ZPC study added quellferon maintenance?",
    )
    assert kind is None or "ZPC-2003" not in kind
    assert study is not None and "ZPC-2003" in study


def test_each_figure_is_for_the_people_its_own_label_names(tmp_path: Path) -> None:
    text = (
        "The annual incidence of zetal cancer in the registry was 3.1 per million for men and "
        "1.2 per million for women."
    )
    women, men = _answers_in(
        tmp_path,
        text,
        "How many women per million get zetal cancer each year?",
        "How many men per million get zetal cancer each year?",
    )
    assert women == "1.2 per million for women" and men == "3.1 per million for men"


def test_a_figure_for_the_group_asked_is_not_outranked_by_another_of_theirs(
    tmp_path: Path,
) -> None:
    [answer] = _answers_in(
        tmp_path,
        "The response rate to zentamab among women with zetal cancer was 52%, much higher than "
        "the 20% reported in earlier trials in women.",
        "What was the response rate to zentamab among women with zetal cancer?",
    )
    assert answer is not None and answer.startswith("52%")


def test_a_label_naming_both_groups_is_for_both(tmp_path: Path) -> None:
    [answer] = _answers_in(
        tmp_path,
        "Zetal cancer incidence was 4.3 per million in men and women with quell syndrome but "
        "only 0.2 per million in women without it.",
        "What is the zetal cancer incidence in women with quell syndrome?",
    )
    assert answer is not None and answer.startswith("4.3 per million")


def test_a_bare_number_set_against_the_figure_after_it_answers_with_it(tmp_path: Path) -> None:
    [answer] = _answers_in(
        tmp_path,
        "Among women, the incidence of zetal cancer in Zetland women was lower than in Quelland "
        "women (31.4 vs. 40.6 cases per 100,000 women).",
        "Did Zetland women or Quelland women have the higher zetal cancer incidence?",
    )
    assert answer is not None and answer.startswith("31.4 vs. 40.6 cases per 100,000")


_ARMS = (
    "Zentamab plus quellin was compared with ZR-CHOP in 412 patients with zetal lymphoma. "
    "After 60 months, median survival was longer in the ZV-CAP group (71.2 months) than in "
    "the ZR-CHOP group (48.9 months) (HR, 0.71; 95% CI, 0.55–0.90)."
)


def test_a_figure_of_another_comparison_is_not_the_one_asked(tmp_path: Path) -> None:
    engine = _engine_over(tmp_path, "doc", f"# Doc\n\n## Section\n\n{_ARMS}\n")
    for question in (
        "What was the OS hazard ratio for ZB versus ZR-CHOP?",
        "What was the OS hazard ratio for ZB Versus ZR-CHOP?",
    ):
        other = engine.ask(question, min_confidence=0.0)
        assert other.abstained and "ZV-CAP against ZR-CHOP" in (other.reason or ""), question
    for question in (
        "What was the OS hazard ratio for ZV-CAP versus ZR-CHOP?",
        "What was the OS hazard ratio for ZV-CAP versus ZR-CHOP-based therapy?",
        "Zv-cap versus ZR-CHOP: what was the OS hazard ratio?",
    ):
        asked = engine.ask(question, min_confidence=0.0)
        assert asked.answer is not None and asked.answer.startswith("HR, 0.71"), question


def test_a_stage_is_whom_a_comparison_is_for_not_a_subject(tmp_path: Path) -> None:
    text = (
        "In the largest series (ZETA-0412), 412 patients with stage IIIA (N2) zetoma were given "
        "three cycles of induction chemotherapy. The 251 responding patients were then randomly "
        "assigned to resection or radiation therapy.\n\n"
        "- Median OS was 15.1 months for patients assigned to resection versus 16.8 months for "
        "patients assigned to radiation therapy (HR, 1.04; 95% CI, 0.80–1.31)."
    )
    [answer] = _answers_in(
        tmp_path,
        text,
        "In ZETA-0412, did stage IIIA-N2 responders live longer with surgery or with "
        "radiotherapy, going by median OS?",
    )
    assert answer is not None and "16.8 months" in answer


def test_doses_that_name_the_arms_leave_the_timed_endpoint_asked() -> None:
    asked = profile("How did 70 Gy compare with the standard dose for 5-year local control?")
    assert asked.kind == "percent"
    assert profile("What is the standard dose of zentamab?").kind == "dose"


def test_an_open_bound_in_roman_numerals_or_through_a_range_asks_no_single_member() -> None:
    assert asked_members("What is the rate of grade III or higher toxicity with zentamab?") == ()
    assert not speaks_of_others("Types 1 through 4 zetoma are listed.", asked_members("type 4?"))


def test_a_dose_asked_for_a_time_stays_a_dose() -> None:
    for question in (
        "At what dose was zentamab given for 12 months to improve OS?",
        "What dose of zentamab was chosen in ZETA-3 based on 2-year OS?",
        "What was the recommended dose of zentamab for 2 years after response in terms of PFS?",
    ):
        assert profile(question).kind == "dose", question


def test_what_contributed_to_this_is_a_reason() -> None:
    question = "Why did the survival benefit of zentamab fade after two years?"
    assert gives_reason(question, "Crossover of controls to zentamab likely contributed to this.")


def test_a_reference_before_a_cell_s_full_stop_is_trimmed() -> None:
    text = "ZQB [[13](#cit/section_1.13)]."
    start, end = bare_cell(text, Span(0, len(text), "cell"))
    assert text[start:end] == "ZQB"
