"""A subject asked by a short form only another document writes ("ZPC", defined there as
"zetopharyngeal carcinomas (also called ZPC)") searched in every document that writes it out;
a disease's name clipped ("zeto" for zetochromocytoma) routed to its summary; one member of a
numbered family ("type 4") not answered by a row on another ("type 2"); a reason said as what
the thing contributed to, or as what doing it results in after a semicolon; "which molecules
get released?" asking molecules; a table row whose column of the class asked is the question's
own name answering nothing of that class; a Markdown reference after a cell trimmed from it;
"5 cm or smaller" keeping its bound; a study named after the question's subject ("ZPC-2003")
no answer unless a study is asked.

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
from sclc_qa.spans import strip_citation
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


_ADULT = (
    "# Zetopharyngeal Carcinoma Treatment\n\n## General Information\n\n"
    "Tumours of many kinds occur in the zetopharynx, but only zetopharyngeal carcinomas (also "
    "called ZPC) are covered in this summary.\n\nZetopharyngeal carcinoma is treated with "
    "radiation alone at stage I.\n"
)
_CHILD = (
    "# Childhood Zetopharyngeal Cancer Treatment\n\n## Surgery\n\n"
    "Zetopharyngeal carcinoma in children is usually considered unresectable because of "
    "extensive local spread.\n\n## Follow-up\n\nChildren are seen every 3 months for 2 years.\n"
)


def test_a_short_form_one_document_defines_is_searched_where_others_write_it_out(
    tmp_path: Path,
) -> None:
    engine = _engine_over(tmp_path, "adult", _ADULT, child=_CHILD)
    question = "Why is ZPC hardly ever treated with surgery?"
    asked = profile(question)
    routed = engine._retriever._router.route(asked.names, normalize(question))
    assert routed is None or {"adult", "child"} <= routed
    answer = engine.ask(question, min_confidence=0.0)
    assert answer.citations and answer.citations[0].doc == "child"
    assert answer.answer is not None and "extensive local spread" in answer.answer


def test_a_clipped_disease_name_routes_to_its_summary(tmp_path: Path) -> None:
    zeto = (
        "# Zetochromocytoma Treatment\n\n## Surgery\n\n"
        "After resection of a zetochromocytoma, 40% of patients with recurrence develop "
        "metastatic disease.\n"
    )
    other = (
        "# Quellosarcoma Treatment\n\n## Recurrence\n\n"
        "After resection of a quellosarcoma, 12% of patients with recurrence develop "
        "metastatic disease.\n"
    )
    engine = _engine_over(tmp_path, "zeto", zeto, quello=other)
    question = "Once a zeto recurs, how many of those patients develop metastases?"
    routed = engine._retriever._router.route(profile(question).names, normalize(question))
    assert routed == {"zeto"}


def test_another_member_of_a_numbered_family_is_not_the_one_asked() -> None:
    asked = asked_members("Which gene matches the old label zeta syndrome type 4?")
    assert asked == (("type", frozenset({4})),)
    assert speaks_of_others("Formerly referred to as zeta syndrome type 2.", asked)
    assert not speaks_of_others("Formerly referred to as zeta syndrome type IV.", asked)
    assert not speaks_of_others("Zeta syndrome is inherited.", asked)
    # A range, a list and an open bound name the member asked, or leave it open.
    grade = asked_members("How common was grade 3 zentitis?")
    assert not speaks_of_others("Grades 2–4 zentitis occurred in 9%.", grade)
    assert not speaks_of_others("Grade 2 or higher zentitis occurred in 20%.", grade)
    assert speaks_of_others("Grade 2 zentitis occurred in 14%.", grade)


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


def test_what_a_thing_contributed_to_is_a_reason() -> None:
    question = "Why was survival in the zentamab arm as long as 30 months?"
    assert gives_reason(question, "Crossover probably contributed to the duration of OS.")
    assert not gives_reason(question, "Median OS was 30 months in the zentamab arm.")


def test_what_doing_it_results_in_explains_why_not(tmp_path: Path) -> None:
    [answer] = _answers_in(
        tmp_path,
        "Zeta-adrenergic blockade must never be initiated before quell-adrenergic blockade; doing "
        "so blocks zeta-adrenergic receptor-mediated dilation and results in unopposed "
        "quell-adrenergic receptor-mediated constriction, which can lead to a crisis.",
        "Why must a zeta blocker never be started before quell blockade?",
    )
    assert answer is not None and "unopposed quell-adrenergic" in answer


def test_a_passive_with_get_asks_the_noun_before_it() -> None:
    asked = profile("When zentamab binds a T cell, which cytotoxic molecules get released?")
    assert asked.target == "molecule"


def test_a_row_whose_class_column_is_the_question_s_own_name_answers_no_class(
    tmp_path: Path,
) -> None:
    table = (
        "| NCT | Drug | Registration URL | Phase | Cancer stage |\n|---|---|---|---|---|\n"
        "| NCT01234567 | Zentamab | https://example.org/NCT01234567 | III | ZCLC |\n"
        "| NCT07654321 | Quellumab | https://example.org/NCT07654321 | II | ZCLC |\n"
    )
    background = (
        "By tethering zeta-positive cells and T cells, zentamab drives T-cell activation, "
        "prompting release of zetzyme B and quellin and inducing rapid tumour-cell lysis."
    )
    [answer] = _answers_in(
        tmp_path,
        table + "\n" + background,
        "When zentamab links a T cell to a zeta-positive cell, which cytotoxic molecules get "
        "released to kill it?",
    )
    assert answer is None or "example.org" not in answer


def test_a_markdown_reference_after_a_name_is_trimmed() -> None:
    for text, kept in (
        ("*ZQ4* [[13](#cit/section_1.13)]", "*ZQ4*"),
        ("a 96% rate.[[14](#cit/section_1.14)-[16](#cit/section_1.16)]", "a 96% rate"),
    ):  # fmt: skip
        start, end = strip_citation(text, 0, len(text))
        assert text[start:end] == kept


def test_a_size_keeps_its_bound(tmp_path: Path) -> None:
    [answer] = _answers_in(
        tmp_path,
        "Laparoscopic zetalectomy is preferred when the tumour is approximately 5 cm or smaller "
        "in diameter.",
        "Up to what size is laparoscopic zetalectomy preferred?",
    )
    assert answer == "approximately 5 cm or smaller"


def test_a_study_named_after_the_subject_answers_only_a_study_asked(tmp_path: Path) -> None:
    text = (
        "The ZPC-2003 study added 6 months of quellferon maintenance in children with ZPC. "
        "Selected patients with local recurrence of ZPC may be retreated with moderate-dose "
        "external-beam radiation therapy."
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
        "The annual incidence of zetal cancer in the registry was 4.3 per million for men and "
        "1.5 per million for women."
    )
    women, men = _answers_in(
        tmp_path,
        text,
        "How many women per million get zetal cancer each year?",
        "How many men per million get zetal cancer each year?",
    )
    assert women == "1.5 per million for women" and men == "4.3 per million for men"


def test_a_bare_number_set_against_the_figure_after_it_answers_with_it(tmp_path: Path) -> None:
    [answer] = _answers_in(
        tmp_path,
        "Among women, the incidence of zetal cancer in Zetland women was lower than in Quelland "
        "women (43.2 vs. 52.2 cases per 100,000 women).",
        "Did Zetland women or Quelland women have the higher zetal cancer incidence?",
    )
    assert answer is not None and answer.startswith("43.2 vs. 52.2 cases per 100,000")


def test_a_figure_of_another_comparison_is_not_the_one_asked(tmp_path: Path) -> None:
    text = (
        "Zentamab plus quellin was compared with ZR-CHOP in 487 patients with zetal lymphoma. "
        "With a median follow-up of 82 months, the median OS was longer in the ZV-CAP group "
        "(90.7 months) than in the ZR-CHOP group (55.7 months) (HR, 0.66; 95% CI, 0.51–0.85)."
    )
    engine = _engine_over(tmp_path, "doc", f"# Doc\n\n## Section\n\n{text}\n")
    other = engine.ask("What was the OS hazard ratio for ZB versus ZR-CHOP?", min_confidence=0.0)
    assert other.abstained and "ZV-CAP against ZR-CHOP" in (other.reason or "")
    asked = engine.ask(
        "What was the OS hazard ratio for ZV-CAP versus ZR-CHOP?", min_confidence=0.0
    )
    assert asked.answer is not None and asked.answer.startswith("HR, 0.66")
