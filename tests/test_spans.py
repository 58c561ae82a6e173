"""spans.py: typed answer spans inside one sentence, each tagged with its endpoint."""

from __future__ import annotations

import pytest

from sclc_qa.clause_spans import clauses
from sclc_qa.endpoint_mentions import endpoint_of
from sclc_qa.models import Document
from sclc_qa.name_spans import names
from sclc_qa.spans import find, mask_markup, strip_citation, value_at

CASPIAN = (
    "Moreover, Paz-Ares et\u00a0al. reported that first-line treatment with durvalumab plus "
    "platinum and etoposide for ES-SCLC prolonged the median OS by 2.7 months (13.0 months vs "
    "10.3 months; HR = 0.73; 95% CI 0.59 - 0.91; P = 0.0047) in the CASPIAN phase III study (18)."
)
IMFORTE = (
    "Critically, the phase III IMforte trial demonstrated that lurbinectedin plus atezolizumab as "
    "maintenance therapy (after first-line induction, not at second-line progression) "
    "significantly improved progression-free survival (5.4 vs. 2.1 months; HR 0.54, p < 0.0001) "
    "and overall survival (13.2 vs. 10.6 months; HR 0.73, p = 0.0174) compared with atezolizumab "
    "alone (92, 93)."
)
IMPOWER = (
    "Horn et\u00a0al. reported that atezolizumab in combination with carboplatin and etoposide "
    "prolonged median overall survival (OS) by 2.0 months compared with chemotherapy alone "
    "(12.3 months vs 10.3 months), demonstrating a significant benefit (hazard ratio (HR) 0.70; "
    "95% confidence interval (95% CI) 0.54–0.91; P = 0.007) in the IMpower133 trial (15)."
)


def spans(text: str, kind: str) -> list[tuple[str, str | None]]:
    return [(text[s.start : s.end], s.endpoint) for s in find(text, kind)]


def test_the_sentences_are_verbatim_from_the_review(corpus_doc: Document) -> None:
    for sentence in (CASPIAN, IMFORTE, IMPOWER):
        assert sentence in corpus_doc.text


def test_caspian_hazard_ratio_with_its_ci_and_p_value() -> None:
    assert spans(CASPIAN, "hr") == [("HR = 0.73; 95% CI 0.59 - 0.91; P = 0.0047", "os")]
    assert spans(CASPIAN, "ci") == [("95% CI 0.59 - 0.91", "os")]
    assert spans(CASPIAN, "pvalue") == [("P = 0.0047", "os")]


def test_imforte_pfs_and_os_hazard_ratios_are_told_apart() -> None:
    assert spans(IMFORTE, "hr") == [("HR 0.54, p < 0.0001", "pfs"), ("HR 0.73, p = 0.0174", "os")]
    assert spans(IMFORTE, "duration") == [
        ("5.4 vs. 2.1 months", "pfs"),
        ("13.2 vs. 10.6 months", "os"),
    ]


def test_a_spelled_out_interval_with_its_bracketed_abbreviation() -> None:
    text = "It was noninferior (hazard ratio [HR], 1.01; 90% confidence interval [CI], 0.83–1.24)."
    assert [t for t, _ in spans(text, "hr")] == [
        "hazard ratio [HR], 1.01; 90% confidence interval [CI], 0.83–1.24"
    ]


def test_impower133_durations_difference_and_spelled_out_hazard_ratio() -> None:
    assert ("12.3 months vs 10.3 months", "os") in spans(IMPOWER, "duration")
    assert spans(IMPOWER, "difference") == [("by 2.0 months", "os")]
    assert spans(IMPOWER, "hr") == [
        (
            "hazard ratio (HR) 0.70; 95% confidence interval (95% CI) 0.54–0.91; P = 0.007",
            "os",
        )
    ]
    assert spans(CASPIAN, "difference") == [("by 2.7 months", "os")]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("accounting for 12.4% of all new cases", "percent", ["12.4%"]),
        ("fewer than 20% of patients (95% CI 10-30)", "percent", ["fewer than 20%"]),
        ("up to 7 months", "duration", ["up to 7 months"]),
        # Hedges stack, and "only" is one: the figure is "only about", not "about".
        ("gained only about 3 weeks", "duration", ["only about 3 weeks"]),
        ("only 4% of cases", "percent", ["only 4%"]),
        (
            "(HR for death, 0.76; 95% CI, 0.60−0.95)",
            "hr",
            ["HR for death, 0.76; 95% CI, 0.60−0.95"],
        ),
        # … and of any outcome named before its comma.
        (
            "(relative risk [RR] of remission, 2.40; 95% CI, 1.20–4.80)",
            "hr",
            ["relative risk [RR] of remission, 2.40; 95% CI, 1.20–4.80"],
        ),
        ("rose to 20–25% at two years", "percent", ["20–25%"]),
        ("In 2022, it caused 1.8 million deaths (2).", "year", ["2022"]),
        ("It caused 1.8 million deaths (2).", "count", ["1.8 million"]),
        # A hedge is part of the figure, whatever its case.
        (
            "Approximately 250,000 patients (15, 16) were diagnosed.",
            "count",
            ["Approximately 250,000"],
        ),
        ("for approximately 2.5 million new cases", "count", ["approximately 2.5 million"]),
        ("Approximately 70% of patients are diagnosed", "percent", ["Approximately 70%"]),
        # A bracketed range right after a rate is its interval, not a rate of its own.
        ("was 64% (41.2%–83.5%) at one year", "percent", ["64%"]),
        ("was 64% (in 12%–20% more) at one year", "percent", ["64%", "12%–20%"]),
        # Every ratio a study reports with its CI, as a hazard ratio is.
        (
            "mortality fell (rate ratio, 0.80; 95% CI, 0.73–0.93) and",
            "hr",
            ["rate ratio, 0.80; 95% CI, 0.73–0.93"],
        ),
        (
            "a standardized incidence ratio (SIR) of 2.3 (95% CI, 1.4-3.6).",
            "hr",
            ["standardized incidence ratio (SIR) of 2.3 (95% CI, 1.4-3.6)"],
        ),
        ("the SMR was 1.5, and", "hr", ["SMR was 1.5"]),
        # A rate per so many people; a change stated as a share.
        ("and 5.0 per 1,000 in the control group", "percent", ["5.0 per 1,000"]),
        ("is 0.13 cases per 100,000 person-years", "percent", ["0.13 cases per 100,000"]),
        ("12 to 15 per 100,000 person-years", "percent", ["12 to 15 per 100,000"]),
        ("a 20% relative reduction in mortality", "difference", ["20% relative reduction"]),
        ("a 60% increase in incidence", "difference", ["60% increase"]),
        ("20% of patients", "difference", []),
        # An age as a criterion states it.
        ("start at age 40 years and stop at 74", "age", ["age 40 years"]),
        ("individuals aged 55 to 80 years who", "age", ["aged 55 to 80 years"]),
        (
            "patients 65 years or older; women in their 40s",
            "age",
            ["65 years or older", "in their 40s"],
        ),
        ("the median age was 62 years; a 5-year rate", "age", ["62 years"]),
        ("its median age at onset is about 58 years", "age", ["about 58 years"]),
        # A share in words, with its hedge.
        (
            "a malignancy in approximately one-fourth of patients with lymph nodes",
            "percent",
            ["approximately one-fourth"],
        ),
        ("Two-thirds of patients and half of the controls", "percent", ["Two-thirds", "half"]),
        ("one third of the dose; behalf of the board", "percent", ["one third"]),
        ("a phase III trial and a phase I/II study", "phase", ["phase III", "phase I/II"]),
        ("treated with 45 Gy/30 F or 50Gy/25F", "dose", ["45 Gy/30 F", "50Gy/25F"]),
        ("median OS from 8 months to 12 months", "duration", ["from 8 months to 12 months"]),
        ("given at 300 mg twice daily until progression", "dose", ["300 mg twice daily"]),
        # A route's abbreviation in brackets is part of the schedule it goes on with.
        (
            "given at 250mg intravenously (IV) every 3 weeks",
            "dose",
            ["250mg intravenously (IV) every 3 weeks"],
        ),
        (
            "regimens include 18 Gy × 3, 12 Gy to 12.5 Gy × 4 and 60 Gy in 30 fractions",
            "dose",
            ["18 Gy × 3", "12 Gy to 12.5 Gy × 4", "60 Gy in 30 fractions"],
        ),
        ("10 mg/kg every 3 weeks", "dose", ["10 mg/kg every 3 weeks"]),
        # How often, where no amount is given.
        ("injections were given 2 to 3 times a week, but", "schedule", ["2 to 3 times a week"]),
        ("about twice a day; three times in all", "schedule", ["about twice a day"]),
        # A mass or amount per whatever it is given by; a level is no dose.
        (
            "low-dose zentin (30 ng/kg body weight), not 150 µg/mouse/d; haemoglobin 12 g/dL",
            "dose",
            ["30 ng/kg body weight", "150 µg/mouse/d"],
        ),
        ("960 mg orally once daily", "dose", ["960 mg orally once daily"]),
        (
            "800 mg on day 1 and day 8 of each cycle",
            "dose",
            ["800 mg on day 1 and day 8 of each cycle"],
        ),
        ("90 mg every day for 7 days; then", "dose", ["90 mg every day for 7 days"]),
        # The drug's name, when the schedule goes on after it; "once every"; "for up to".
        (
            "got 60 mg of zentamab by mouth daily or placebo",
            "dose",
            ["60 mg of zentamab by mouth daily"],
        ),
        ("10 mg of zentamab and 5 mg of quellimab", "dose", ["10 mg", "5 mg"]),
        (
            "240 mg once every 2 weeks for up to four 21-day cycles",
            "dose",
            ["240 mg once every 2 weeks for up to four 21-day cycles"],
        ),
        # So many of so many, spelled out or with "the" between.
        ("judged that three of the 58 people improved", "count", ["three of the 58"]),
        ("Eleven of the 16 adults had grafts", "count", ["Eleven of the 16"]),
    ],
)
def test_typed_spans(text: str, kind: str, expected: list[str]) -> None:
    assert [t for t, _ in spans(text, kind)] == expected


def test_fraction_range_dose_is_whole() -> None:
    assert spans("treated with 2Gy*(20-30) F", "dose") == [("2Gy*(20-30) F", None)]


def test_endpoint_is_the_nearest_named_before_the_span() -> None:
    text = "ORR was 40%, PFS was 5 months and OS was 12 months."
    assert endpoint_of(text, text.index("40%")) == "orr"
    assert endpoint_of(text, text.index("5 months")) == "pfs"
    assert endpoint_of(text, text.index("12 months")) == "os"
    assert endpoint_of("A 38% ORR was seen.", 2) == "orr"  # right after, within reach
    assert endpoint_of("Nothing is named here: 5 months.", 23) is None


def test_an_endpoint_measured_on_another_keeps_its_own() -> None:
    # "follow-up for survival" is a follow-up; "progression or death" is PFS's composite.
    follow = "The median follow-up for overall survival was 27.5 months."
    assert endpoint_of(follow, follow.index("27.5")) == "followup"
    composite = "ZX1 cut the risk of progression or death by 38%."
    assert endpoint_of(composite, composite.index("38%")) == "pfs"
    both = "Median OS was 14 months; the PFS or OS benefit was 3 months."
    assert endpoint_of(both, both.index("3 months")) == "os"


def test_strip_citation_trims_reference_lists_and_the_final_period() -> None:
    text = "It helped (15–17, 73–75)."
    assert text[slice(*strip_citation(text, 0, len(text)))] == "It helped"
    text = "It helped in 2019 (15)."
    assert text[slice(*strip_citation(text, 0, len(text)))] == "It helped in 2019"
    text = "The HR (0.73)."
    assert text[slice(*strip_citation(text, 0, len(text)))] == "The HR (0.73)"
    # A link's target is markup no reader sees, and goes with its opening bracket.
    text = "[Zeta therapy](/types/zeta-pdq#_12)."
    assert text[slice(*strip_citation(text, 0, len(text)))] == "Zeta therapy"


def test_clauses_never_cut_inside_parentheses() -> None:
    parts = [IMPOWER[a:b] for a, b in clauses(IMPOWER)]
    assert len(parts) == 2
    assert parts[1].startswith("demonstrating a significant benefit (hazard ratio (HR) 0.70;")
    assert parts[1].endswith("in the IMpower133 trial")
    assert all("(" not in p or p.count("(") == p.count(")") for p in parts)


def test_names_in_a_sentence() -> None:
    found = {(IMPOWER[s.start : s.end], s.kind) for s in names(IMPOWER)}
    assert {
        ("Horn et\u00a0al.", "author"),
        ("atezolizumab", "name"),
        ("IMpower133", "name"),
    } <= found
    assert ("CASPIAN", "name") in {(CASPIAN[s.start : s.end], s.kind) for s in names(CASPIAN)}


def test_hyphenated_author_names_are_whole() -> None:
    authors = [CASPIAN[s.start : s.end] for s in names(CASPIAN) if s.kind == "author"]
    assert authors == ["Paz-Ares et\u00a0al."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A multiple keeps the comparative, and what it compares, that follow it.
        ("a smoker has a tenfold higher risk", ["tenfold higher risk"]),
        ("the risk was 2.5-fold higher", ["2.5-fold higher"]),
        ("responses were 3 times more frequent", ["3 times more frequent"]),
        ("the drug was given 3 times a day", []),
        ("and is up to 35 times as expensive", ["up to 35 times as expensive"]),
        ("the dose was given 3 times per week", []),
        ("prolonged OS by 2.7 months", ["by 2.7 months"]),
        # A range whose first number's hyphen waits for "fold".
        ("incidence that is 40- to 380-fold higher", ["40- to 380-fold higher"]),
    ],
)
def test_differences_and_multiples(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in find(text, "difference")] == expected


def test_markup_is_masked_at_the_same_offsets() -> None:
    from sclc_qa.spans import mask_markup

    text = "the [TRIAL-1](/trials/NCT01#x) result: *P* = .04; hazard ratio [HR], 0.8"
    masked = mask_markup(text)
    assert len(masked) == len(text)
    assert "(/trials" not in masked and "[HR]" in masked
    assert [masked[s.start : s.end] for s in find(masked, "pvalue")] == ["P  = .04"]
    assert [text[s.start : s.end] for s in find(masked, "hr")] == ["hazard ratio [HR], 0.8"]


def test_a_multiple_keeps_what_it_is_a_multiple_of() -> None:
    def found(text: str) -> list[str]:
        return [text[x.start : x.end] for x in find(text, "difference")]

    assert found("ZX1 binds ZX2 with >10-fold higher affinity (4, 5).") == [
        ">10-fold higher affinity"
    ]
    assert found("The risk is, on average, tenfold higher than in never smokers.") == [
        "tenfold higher"
    ]
    assert found("Zentamab was given 3 times a day.") == []


def test_a_ratio_after_its_label_with_a_bare_interval() -> None:
    # "Relative risk of death … (95% CI): 0.68 (0.52–0.89)", the label in bold, capitalised.
    text = mask_markup(
        "Relative risk of zentoma death, screening versus control (95% CI):** 0.68\n(0.52–0.89)."
    )
    (ratio,) = find(text, "hr")
    assert text[ratio.start : ratio.end].endswith("0.68\n(0.52–0.89)")
    assert ratio.endpoint == "os"  # the death named in its label
    assert text[value_at(text, ratio) :].startswith("0.68")
    (bare,) = find("The HR was 0.73 (0.59-0.91) overall.", "hr")
    assert bare.end - bare.start == len("HR was 0.73 (0.59-0.91)")


def test_radiation_doses_and_ranges_with_one_unit() -> None:
    text = (
        "Exposure is 4 to 24 mSv per scan; most studies use 40 Gy to 70 Gy (1.8–2.0 Gy per "
        "fraction)."
    )
    assert [text[s.start : s.end] for s in find(text, "dose")] == [
        "4 to 24 mSv",
        "40 Gy to 70 Gy",
        "1.8–2.0 Gy per fraction",
    ]


def test_a_mean_with_its_spread_is_one_figure() -> None:
    def figures(text: str, kind: str) -> list[str]:
        return [text[s.start : s.end] for s in find(text, kind)]

    assert figures("The mean reduction was 12.5% ± 3.1%.", "percent") == ["12.5% ± 3.1%"]
    assert figures("Mean survival (26.7 ± 11.9 months)", "duration") == ["26.7 ± 11.9 months"]
    assert figures("Survival was 13.6 +/- 4.4 months.", "duration") == ["13.6 +/- 4.4 months"]


def test_ratios_listed_after_a_labelled_one_are_each_a_ratio() -> None:
    text = (
        "The HR was 0.60 (95% CI, 0.50–0.72) for the ZRK1 >50% group, 0.70 (95% CI, "
        "0.60–0.82) for the ZRK1 >20% group, and 0.80 (95% CI, 0.70–0.91) for the rest."
    )
    assert [text[s.start : s.end] for s in find(text, "hr")] == [
        "HR was 0.60 (95% CI, 0.50–0.72)",
        "0.70 (95% CI, 0.60–0.82)",
        "0.80 (95% CI, 0.70–0.91)",
    ]
    # A bare number with no interval is not a ratio of the list.
    alone = "The HR was 0.60 (95% CI, 0.50–0.72) for group A, 12 patients for group B."
    assert len(find(alone, "hr")) == 1


def test_a_subscript_label_glued_to_its_ratio() -> None:
    text = "PFS was longer (HRdisease progression or death, 0.16; 95% CI, 0.10–0.24)."
    (ratio,) = find(text, "hr")
    assert (text[ratio.start : ratio.end], ratio.endpoint) == (
        "HRdisease progression or death, 0.16; 95% CI, 0.10–0.24",
        "pfs",
    )
    death = "Survival improved (HRdeath, 0.72; 95% CI, 0.60–0.90)."
    assert [(s.endpoint) for s in find(death, "hr")] == ["os"]
    # A label in capitals first, then words: "HRZNS recurrence or death" (recurrence or death:
    # the recurrence-free endpoint); capitals alone glue no label ("HRQoL" is no ratio).
    zns = "- The HRZNS disease recurrence or death was 0.31 (95% CI, 0.12–0.77) for zentinib."
    (glued,) = find(zns, "hr")
    assert zns[glued.start : glued.end].startswith("HRZNS disease") and glued.endpoint == "rfs"
    assert find("HRQoL was 75 points in both arms.", "hr") == []
    assert find("HRQOL score was 70 in both arms.", "hr") == []
    # A value is no "95%" of an interval after the comma.
    assert find("HR of death in women, 95% CI, 0.5–0.9.", "hr") == []


def test_a_ratio_named_before_a_verb_is_its_figure() -> None:
    """ "The relative risk of zeta cancer was 32.8 for …": the ratio's label may say what it
    is of before its verb; the answer is the figure, not the clause."""
    text = "The relative risk of zeta cancer was 32.8 for carriers of both markers."
    assert [text[s.start : s.end] for s in find(text, "hr")] == ["32.8"]
    # A label that is only the ratio's name stays with it.
    labelled = "The odds ratio (OR) was 7.6 (95% CI, 3.8–15.2)."
    assert [labelled[s.start : s.end] for s in find(labelled, "hr")] == [
        "odds ratio (OR) was 7.6 (95% CI, 3.8–15.2)"
    ]


def test_shares_spelled_out_and_hedged_counts() -> None:
    """ "Ninety-five percent of zetomas" is a share as "95%" is; "about 909 procedures" keeps
    its hedge, as a number with a comma does; an age is still no count."""
    text = "Ninety-five percent of zetomas are ZPV related; twenty percent are not."
    assert [text[s.start : s.end] for s in find(text, "percent")] == [
        "Ninety-five percent",
        "twenty percent",
    ]
    text = "The number needed to treat was about 909 procedures in patients aged 55 years."
    assert [text[s.start : s.end] for s in find(text, "count")] == ["about 909"]


def test_a_hedge_wrapped_across_lines_stays_with_its_figure() -> None:
    text = "This type of zetoma is curable in less\nthan 5% of patients."
    assert [text[s.start : s.end] for s in find(text, "percent")] == ["less\nthan 5%"]


def _texts(text: str, kind: str) -> list[str]:
    return [text[s.start : s.end] for s in find(text, kind)]


def test_a_count_with_its_share_in_brackets_is_one_figure() -> None:
    assert _texts("Of 64 patients, 6 (9%) died.", "percent") == ["6 (9%)"]
    assert _texts("In all, 1,204 (12.5%) women were recalled.", "percent") == ["1,204 (12.5%)"]
    # A label's number, or the end of another figure, is no count of the share.
    assert _texts("Grade 3 (7%) events were rare.", "percent") == ["7%"]
    assert _texts("It rose in 2019 (7%).", "percent") == ["7%"]
    assert _texts("Of these, 27 of 70 (39%) responded.", "percent")[-1] == "39%"


def test_an_age_the_sentence_states_of_its_subject() -> None:
    text = "The age at diagnosis of zetomas ranges from 18 to 75 years (median age, 49 y)."
    assert _texts(text, "age") == ["18 to 75 years", "49 y"]
    assert _texts("Flares began between the ages of 22 and 75 years.", "age") == ["22 and 75 years"]
    # A duration is no age: "at 5 years" after an age criterion.
    assert _texts("At age 50, the rate was 20% at 5 years.", "age") == ["age 50"]
    # An age as a bound: "older than", "younger than".
    text = "Zentamab is too toxic for most patients older than 75 years or younger than 18."
    assert _texts(text, "age") == ["older than 75 years", "younger than 18"]


def test_two_rates_as_the_ends_of_one_range_are_one_figure() -> None:
    text = "Estimates range between 1 in 150,000 and 1 in 400,000 people."
    assert _texts(text, "percent") == ["between 1 in 150,000 and 1 in 400,000"]
    assert _texts("Rates between 10% and 20% were seen.", "percent") == ["between 10% and 20%"]
    # Two rates joined by "and" alone are two figures.
    assert _texts("OS was 40% and PFS 20%.", "percent") == ["40%", "20%"]


def test_a_dose_keeps_the_days_on_in_its_cycle() -> None:
    for text, dose in (
        ("Start zentinib at 5 mg daily, 21 out of 28 days.", "5 mg daily, 21 out of 28 days"),
        ("Zentinib 20 mg daily for 14 of every 21 days.", "20 mg daily for 14 of every 21 days"),
        (
            "Zentamab 10 mg/kg on days 1 and 8 of a 21-day cycle.",
            "10 mg/kg on days 1 and 8 of a 21-day cycle",
        ),
    ):
        assert [text[s.start : s.end] for s in find(text, "dose")] == [dose]


def test_a_dose_keeps_its_route_and_prescribers_frequency() -> None:
    text = "Zentrogest 250 mg IM x 1; zentadine 0.2 mg/24 h transdermal or 0.3 mg PO q24h."
    assert [text[s.start : s.end] for s in find(text, "dose")] == [
        "250 mg IM x 1",
        "0.2 mg/24 h transdermal",
        "0.3 mg PO q24h",
    ]


def test_a_rate_per_million_with_whom_and_when() -> None:
    text = (
        "It is approximately 3 cases per 1 million people per year; fewer than four cases per 1 "
        "million."
    )
    assert [text[s.start : s.end] for s in find(text, "percent")] == [
        "approximately 3 cases per 1 million people per year",
        "fewer than four cases per 1 million",
    ]


def test_a_benefit_or_detriment_stated_as_a_share_is_a_difference() -> None:
    text = (
        "It gave a 12% absolute benefit, an absolute detriment of 4% at 3 years, and a loss of 3%."
    )
    assert [text[s.start : s.end] for s in find(text, "difference")] == [
        "12% absolute benefit",
        "absolute detriment of 4%",
        "a loss of 3%",
    ]
    # What changed may stand between the share and its change.
    text = "It showed a 42% risk reduction in relapse and a 20% relative mortality reduction."
    assert [text[s.start : s.end] for s in find(text, "difference")] == [
        "42% risk reduction",
        "20% relative mortality reduction",
    ]


def test_a_person_named_with_a_degree_is_one_as_an_author_is() -> None:
    text = "- Zeta Quell-Varo, MD (Eta Cancer Institute) and Theta R. Vale, PhD, MPH"
    assert [(text[s.start : s.end], s.kind) for s in names(text) if s.kind == "author"] == [
        ("Zeta Quell-Varo", "author"),
        ("Theta R. Vale", "author"),
    ]


def test_a_year_before_1900_or_a_decade_unless_it_counts_or_measures() -> None:
    text = "Zentamin was isolated in 1834 and first given in Ruritania in the 1910s."
    assert _texts(text, "year") == ["1834", "1910s"]
    assert _texts("Each patient took 1500 mg; 1834 patients enrolled.", "year") == []


def test_hours_are_a_time_and_as_soon_as_its_hedge() -> None:
    text = "Uptake fell as soon as 24 hours after the first dose of zentamab."
    assert _texts(text, "duration") == ["as soon as 24 hours"]


def test_bounding_and_averaging_hedges_stay_with_their_figure() -> None:
    """ "no more than 2%" is the opposite of "more than 2%": the whole hedge is the answer's."""
    assert _texts("Zentic adenomas are no more than 2% of specimens.", "percent") == [
        "no more than 2%"
    ]
    assert _texts("Rates as high as 28% were seen at autopsy.", "percent") == ["as high as 28%"]
    assert _texts("The phase lasts an average of 15 days.", "duration") == ["an average of 15 days"]


def test_a_duration_may_be_minutes() -> None:
    text = "The first dose took 3.6 minutes (range, 1–12) with zentamab and 4 hours with IV."
    assert [text[s.start : s.end] for s in find(text, "duration")] == ["3.6 minutes", "4 hours"]
