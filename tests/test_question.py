"""question.py: what a question asks for (kind, endpoint, names)."""

from __future__ import annotations

import pytest

from sclc_qa.mentions import is_druglike, named_tokens, time_points
from sclc_qa.question import profile


@pytest.mark.parametrize(
    ("question", "kind", "endpoints"),
    [
        ("What was the OS hazard ratio in CASPIAN?", "hr", {"os"}),
        ("HR for OS in CASPIAN?", "hr", {"os"}),
        ("PFS hazard ratio in CASPIAN?", "hr", {"pfs"}),
        # Every ratio reported with a CI is one figure kind; "OR" only in capitals.
        ("What odds ratio did the ZENITH-1 case series report?", "hr", set()),
        ("Relative risk of death with screening in ZENITH-2?", "hr", {"os"}),
        ("What was the standardized incidence ratio of second cancers?", "hr", set()),
        ("What was the SIR of second cancers?", "hr", set()),
        ("What was the incidence rate ratio?", "hr", set()),
        # An age: "at what age", "how old", "what age range"; a share of an age group is a share.
        ("At what age should zentamab screening start?", "age", set()),
        ("How old must you be to qualify for screening?", "age", set()),
        ("What age range was eligible for ZENITH-3?", "age", set()),
        ("What is the usual age of people found to have zetoma?", "age", set()),
        ("What was the median age of the ZENITH-3 patients?", "age", set()),
        ("What is the age group most affected by zetoma?", "fact", set()),
        ("What share of patients were aged 70 or older?", "percent", set()),
        ("What was the risk of death reduction (hazard ratio) in IMpower133?", "hr", {"os"}),
        ("How long was median PFS in IMforte?", "duration", {"pfs"}),
        ("Median OS in the atezolizumab arm of IMpower133?", "duration", {"os"}),
        ("What does LDRT stand for?", "glossary", set()),
        ("What does ZDLN expand to?", "glossary", set()),
        # An expansion study or cohort is a trial's part, not an abbreviation's long form.
        ("In the zentamab expansion study, what proportion responded?", "percent", set()),
        ("What is the abbreviation for low-dose radiotherapy?", "glossary", set()),
        ("What is the 95% CI for OS in CASPIAN?", "ci", {"os"}),
        ("What was the p-value for the OS benefit in CASPIAN?", "pvalue", {"os"}),
        ("Median OS gain from adding durvalumab in CASPIAN?", "difference", {"os"}),
        ("What phase is NCT04885998?", "phase", set()),
        ("What is the status of NCT04885998?", "status", set()),
        # A patient's status is a condition of the question, not a trial's status asked.
        ("Which trial enrolled patients with performance status 2?", "entity", set()),
        ("What dose was used in NCT06586697?", "dose", set()),
        ("What is the ORR of tarlatamab?", "percent", {"orr"}),
        ("Which drug is a DLL3-targeted BiTE?", "entity", set()),
        ("How does LDRT affect the tumor microenvironment?", "mechanism", set()),
        # A dose the question states is a condition, not what it asks.
        ("Median OS in MATCH with low-dose radiotherapy?", "duration", {"os"}),
        ("How often was grade 5 toxicity seen with 18 Gy x 3?", "percent", {"tox"}),
        ("What radiation dose was used in MATCH?", "dose", set()),
        ("Apart from blocking CD28, how does CTLA-4 suppress T cells?", "mechanism", set()),
        ("In ZENITH-4, how did toxicity compare with and without surgery?", "fact", {"tox"}),
        ("How many deaths were expected in 2025?", "count", set()),
        ("What exactly is ivonescimab?", "glossary", set()),
        ("What exactly is cadonilimab (AK104)?", "glossary", set()),
        # An abbreviation asked on its own asks what it stands for; a plain name does not.
        ("zx-EJ?", "glossary", set()),
        ("ZRT?", "glossary", set()),
        ("Zentamab?", "fact", set()),
        ("When was ipilimumab approved by the FDA?", "year", set()),
        ("When might PORT be considered after resection?", "fact", set()),
        ("How many patients had grade 3 or worse adverse events?", "percent", {"tox"}),
        ("How many patients were enrolled in ZENITH-4?", "count", set()),
        ("What was the ORR, and how many had grade 3 adverse events?", "percent", {"orr", "tox"}),
        ("How much higher is a smoker's risk than a nonsmoker's?", "difference", set()),
    ],
)
def test_kind_and_endpoints(question: str, kind: str, endpoints: set[str]) -> None:
    p = profile(question)
    assert (p.kind, set(p.endpoints)) == (kind, endpoints)
    assert p.text == question


def test_progression_free_survival_is_not_overall_survival() -> None:
    assert set(profile("Median progression-free survival with tarlatamab?").endpoints) == {"pfs"}
    both = profile("Did PFS and overall survival improve in IMforte?")
    assert set(both.endpoints) == {"pfs", "os"}


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("What was the OS HR in KEYNOTE-604?", "KEYNOTE-604"),
        ("What phase is NCT04885998?", "NCT04885998"),
        ("HR for OS in CASPIAN?", "CASPIAN"),
        ("How long was median PFS in IMforte?", "IMforte"),
        ("Median OS in the atezolizumab arm of IMpower133?", "IMpower133"),
        ("Median OS in the atezolizumab arm of IMpower133?", "atezolizumab"),
        ("What does ALTER 1202 show?", "ALTER 1202"),
        ("Was ZENITH 7X or ZENITH 816 larger?", "ZENITH 7X"),
        ("Was ASTRUM-005 positive?", "ASTRUM-005"),
        ("What is Dato-DXd?", "Dato-DXd"),
        # A series' acronym joined to a word, numbered after a space: the number is its name.
        ("What ORR did zentamab achieve in ZENITH-Lung 3?", "ZENITH-Lung 3"),
        # Roman numerals past three: the eighteenth trial of a series.
        ("What did the ZSG XVIII trial compare?", "ZSG XVIII"),
    ],
)
def test_names_are_detected(question: str, name: str) -> None:
    assert name in profile(question).names


def test_a_number_that_measures_is_no_part_of_the_name_before_it() -> None:
    assert profile("Gastric ZTR 2 cm or smaller: what risk?").names == ("ZTR",)
    assert profile("Was ZENTA 12 weeks long?").names == ("ZENTA",)
    assert profile("What did ZENTA 12 show?").names == ("ZENTA 12",)


def test_a_verb_after_what_opens_a_clause_not_a_noun_phrase() -> None:
    for question in ("What became of the zentamab trial?", "What happened to ZENITH-9?"):
        assert (profile(question).kind, profile(question).target) == ("fact", "")
    assert profile("What speed of infusion is used for zentamab?").target == "speed"


def test_which_was_the_asks_for_a_name() -> None:
    asked = profile("Which was the first PD-1 inhibitor to show an OS benefit?")
    assert (asked.kind, asked.target) == ("entity", "inhibitor")
    dosing = profile("What fractionation schemes are used for SBRT?")
    assert (dosing.kind, dosing.plural) == ("dose", True)


def test_a_time_to_event_endpoint_alone_asks_its_median() -> None:
    assert profile("PFS with zentamab vs placebo?").kind == "duration"
    assert profile("Which trial improved PFS?").kind == "entity"


def test_an_endpoint_named_in_the_asked_phrase_asks_its_figure() -> None:
    asked = profile("What median progression-free survival did zentamab achieve in ZENITH?")
    assert (asked.kind, asked.endpoints) == ("duration", frozenset({"pfs"}))
    assert profile("How was zentamab dosed?").kind == "dose"
    assert profile("How long did patients live on zentamab?").endpoints == {"os"}


def test_how_many_out_of_all_asks_a_share() -> None:
    assert profile("Out of all lung cancers, about how many are small-cell?").kind == "percent"
    assert profile("How many patients were enrolled?").kind == "count"


def test_question_words_are_not_names() -> None:
    assert named_tokens("What was the median overall survival?") == []
    assert named_tokens("Do T cells secrete IFN-γ and PKC-θ?") == ["IFN-γ", "PKC-θ"]
    assert named_tokens("Which phase III trials tested it?") == []
    # A capital and a digit is a category ("N2", "M1"); a lone letter or digit is not a name.
    assert named_tokens("What does N2 mean in staging?") == ["N2"]
    assert named_tokens("What is stage A in 2 years?") == []
    # A contraction is the asker's own word, not a name the documents must mention.
    assert named_tokens("If I've had surgery, Don't I need ZX1 testing?") == ["ZX1"]
    # Names are written in any alphabet.
    assert named_tokens("Was it Malmö or Östergötland?") == ["Malmö", "Östergötland"]
    # An age group is who is asked about, not a name: "over-70s", "under-50s".
    assert named_tokens("In over-70s, how did survival with zentamab compare?") == ["zentamab"]
    assert named_tokens("Do Under-50s on ZX1 fare better?") == ["ZX1"]
    # A unit written with a capital inside is no name: "in mSv".
    assert named_tokens("How much radiation does a ZX1 scan deliver, in mSv?") == ["ZX1"]
    assert profile("How much radiation does a ZX1 scan deliver?").kind == "dose"


def test_a_serial_number_after_a_capitalised_word_is_part_of_the_name() -> None:
    assert named_tokens("Did surgery help in the Zenthgroup 0417 trial?") == ["Zenthgroup 0417"]
    # A short number after one is a count or a label, not a study's serial number.
    assert named_tokens("What does Zenthfield 2 show?") == ["Zenthfield"]


def test_a_proper_name_takes_the_syndrome_or_scheme_it_names() -> None:
    assert named_tokens("It is called Good syndrome.") == ["Good syndrome"]
    assert named_tokens("by the Zentor classification and WHO criteria") == [
        "Zentor classification",
        "WHO",
    ]
    assert named_tokens("In Good condition.") == ["Good"]


def test_which_questions_name_their_target() -> None:
    one = profile("Which drug is a DLL3-targeted BiTE?")
    assert (one.target, one.plural) == ("drug", False)
    many = profile("Which trials tested PD-1 inhibitors?")
    assert (many.target, many.plural) == ("trial", True)


@pytest.mark.parametrize(
    ("word", "druglike"),
    [
        ("durvalumab", True),
        ("atezolizumab", True),
        ("olaparib", True),
        ("anlotinib", True),
        ("lurbinectedin", True),
        ("carboplatin", True),
        ("sotorasib", True),
        ("capivasertib", True),
        ("venetoclax", True),
        ("vinorelbine", True),
        ("cyclophosphamide", True),
        ("temozolomide", True),
        ("radiotherapy", False),
        ("CASPIAN", False),
        ("survival", False),
    ],
)
def test_drug_names_by_their_stems(word: str, druglike: bool) -> None:
    assert is_druglike(word) is druglike


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("2-year DFS", {24}),
        ("OS at 1 and 3 years?", {12, 36}),
        ("survival at 1 and 3 yrs?", {12, 36}),
        ("alive 2 yrs after surgery", {24}),
        ("1- and 3-year OS rates", {12, 36}),
        ("two-year survival", {24}),
        ("DFS at 24 months", {24}),
        ("median OS was 12.3 months", set()),  # a duration, not a time point
        ("a 3-year follow-up", set()),
        ("patients aged 65 years", set()),
        ("the final 14.6-year analysis", set()),  # no 6-year time point in a decimal
        ("Three years out, what share were alive?", {36}),
        ("how many were alive three years on?", {36}),
        ("by 2 years, how many relapsed?", {24}),
        ("two years on treatment", set()),  # a duration of treatment
        ("EFS at 1 year and 2 years?", {12, 24}),  # each with its unit
        ("OS at 12 months, 24 months and 36 months", {12, 24, 36}),
        ("at 3 years and 5 patients died", {36}),
        # A study's visits in weeks, to the nearest month; a course's length is none.
        ("By week 12, how much had it fallen?", {3}),
        ("at weeks 6 and 24", {1, 6}),
        ("reduced at 12 weeks", {3}),
        ("a 12-week course", set()),
        # A visit named by its follow-up, not a follow-up's length.
        ("How much had it fallen at the 26-week follow-up?", {6}),
        ("at the 5-year follow-up, OS was 40%", {60}),
        # A window measured to its end.
        ("2 of 18 developed it during the first 12 weeks of therapy", {3}),
        ("within the first 2 years, 30% relapsed", {24}),
    ],
)
def test_time_points_in_months(text: str, months: set[int]) -> None:
    assert time_points(text) == months


def test_any_comparative_asks_a_difference_and_hyphenated_groups_ask_a_share() -> None:
    assert profile("How much tighter does ZX1 bind ZX2 than ZX3 does?").kind == "difference"
    assert profile("How much cancer risk does smoking add?").kind != "difference"
    assert profile("How many ES-SCLC patients have primary resistance?").kind == "percent"


def test_follow_up_dates_a_rate_and_alive_means_overall_survival() -> None:
    asked = profile("Three-year follow-up of ZENTA-1: what share were still alive at 1 year?")
    assert asked.kind == "percent" and asked.endpoints == {"os"}
    assert profile("How long was the median follow-up in ZENTA-1?").endpoints == {"followup"}


def test_a_rate_at_a_time_point_and_a_median_at_one() -> None:
    assert profile("What was the 2-year DFS with drug X?").kind == "percent"
    assert profile("What was the median OS at 3 years of follow-up?").kind == "duration"
    assert profile("2-year OS rate in the trial?").time_points == {24}


def test_questions_with_several_parts_name_each_figure() -> None:
    both = profile("Median OS and hazard ratio with drug X?")
    assert both.kind == "hr" and both.also == {"duration"}
    stats = profile("OS HR with CI and P in the trial?")
    assert stats.kind == "hr" and stats.also == frozenset()
    assert profile("What 95% CI was reported for the OS hazard ratio?").kind == "ci"
    assert profile("What was the median OS with drug X?").also == frozenset()
    medians = profile("With drug X, what happened to OS - medians and hazard ratio?")
    assert medians.kind == "hr" and medians.also == {"duration"}
    # A gain asked beside the ratio: the gain where stated, else the medians it lies between.
    gain = profile("By how many months did drug X extend median OS in ZENITH-2, and the HR?")
    assert gain.kind == "hr" and gain.also == {"duration", "difference"}


def test_event_free_endpoints_are_their_own() -> None:
    assert profile("Median EFS with drug X?").endpoints == {"efs"}
    assert profile("What was the DFS hazard ratio?").endpoints == {"dfs"}
    assert profile("Median duration of response?").endpoints == {"dor"}
    # "AEs" and "SAEs" are adverse events.
    assert profile("What share had grade 3 or worse AEs with zentamab?").endpoints == {"tox"}
    # "Was X more frequent with A or B?" asks how often, not how long.
    assert profile("Was local progression less common with etalinib or quelinib?").kind == (
        "percent"
    )


def test_the_asked_class_stops_at_the_verb() -> None:
    assert profile("Which country ran the trial?").target == "country"
    assert profile("Which PD-L1 antibody defined the subgroup?").target == "antibody"
    # A plain -s word before a name is a verb; "and" joins another clause.
    assert profile("Which agent traps ZX1 most and spares T cells?").asked_about == "agent"
    assert profile("Which zeta subtypes express ZX1?").asked_about == "zeta subtypes"
    assert profile("For which cancer and in what year was it approved?").target == "cancer"
    # A verb of being there ends it: the options are asked, several.
    asked = profile("what surgical options exist for stage 0 zentoma")
    assert asked.asked_about == "surgical options" and asked.plural
    # A plain word after a plural noun, before a preposition, is the verb; adjectives joined by
    # "and" qualify one noun.
    assert profile("Which clinical features go with ZRK2-mutant zentoma?").target == "feature"
    assert (
        profile("Once zentamab is stopped, what T-cell functions come back?").target == "function"
    )
    assert profile("Which patients benefit from adjuvant zentamab?").target == "patient"
    # … and before a word in -ing ("keep slowing"): the flaws are asked, not "keep".
    assert profile("What two flaws keep slowing zentamab's uptake?").target == "flaw"
    # "What was the strongest predictor of survival?" asks a thing, not a survival time.
    bearing = profile("In ZENITH-4, what was the single strongest predictor of survival?")
    assert (bearing.kind, bearing.target) == ("entity", "predictor")
    assert profile("What are the risk factors for zentoma?").kind != "entity"  # a list
    joined = profile("Which clinical and pathological features are linked to zentoma?")
    assert joined.asked_about == "clinical and pathological features"
    # So do two names joined by "and"; a participle not in -ed ends the phrase as one in -ed.
    named = profile("Name the ZX1 and ZX2 inhibitors given as examples of zentic drugs.")
    assert named.asked_about == "ZX1 and ZX2 inhibitors" and named.target == "inhibitor"
    assert profile("Which zentic drug, given weekly, worked best?").target == "drug"


def test_a_request_asks_the_question_it_wraps() -> None:
    """ "Can you explain how …?" is a how-question, not a yes/no one; "explain why …", a why."""
    assert profile("Can you explain how zentamab brings T cells to zentoma?").kind == "mechanism"
    assert profile("explain how zentamab works").kind == "mechanism"
    assert profile("Please tell me why ZX1 testing is not routine.").kind == "mechanism"
    assert profile("Could you tell me what dose of quellimab was given?").kind == "dose"
    assert profile("Do you know which trial tested zentamab?").kind == "entity"
    # A yes/no question that opens like a request stays one.
    assert profile("Can zentamab be given after quellimab?").kind == "yesno"
    assert profile("Could you describe the ZENITH-4 design?").kind != "mechanism"


def test_yes_no_questions_ask_for_a_statement_not_a_figure() -> None:
    assert profile("Is there a benefit to escalating the dose to 74 Gy?").kind == "yesno"
    assert profile("Should drug X be added to first-line chemotherapy?").kind == "yesno"
    # "Or" between subjects asks a verdict on either; with a comparison, a choice.
    assert profile("Do zentamab or quellimab lengthen survival after surgery?").kind == "yesno"
    assert profile("Was zentamab or quellimab better for survival?").kind != "yesno"
    assert profile("Is zentamab given orally or intravenously?").kind != "yesno"
    # "The effect of age" asks no age.
    assert profile("What is the effect of age on zetoma survival?").kind != "age"
    assert profile("What causes exon 14 skipping?").kind == "mechanism"
    assert profile("What is holding back QKP-4 therapy in clinics?").kind == "mechanism"
    assert profile("What's limiting the use of zentamab?").kind == "mechanism"
    assert profile("What are the barriers to ZX1 testing?").kind == "mechanism"
    # The verbs of hindering in the simple tenses, which read like a noun after "what".
    assert profile("What holds back zentamab from wider use?").kind == "mechanism"
    assert profile("What kept ZX1 testing from becoming routine?").kind == "mechanism"
    assert profile("What limited the ZENITH-4 analysis?").kind == "mechanism"
    assert profile("What keeps zentamab stable?").kind != "mechanism"
    assert profile("What limited-stage patients got zentamab?").kind != "mechanism"
    assert profile("How frequent are ZX1 fusions in NSCLC?").kind == "percent"
    assert profile("How rare is QKP-4 amplification?").kind == "percent"
    # A survival figure at a time point spelled out is a rate; a low dose the question states
    # is a condition, not what it asks.
    assert profile("ZENITH-7 five-year overall survival: zentamab vs placebo?").kind == "percent"
    assert profile("Low dose radiotherapy plus zentamab: median overall survival?").kind == (
        "duration"
    )
    assert profile("How much more likely is a smoker to get lung cancer?").kind == "difference"


def test_an_endpoint_asked_with_what_is_its_figure_not_a_name() -> None:
    assert profile("What objective response did the trial report?").kind == "percent"
    assert profile("What OS did the trial achieve?").kind == "duration"
    assert profile("What perioperative mortality should I quote?").kind == "percent"
    assert profile("Which adverse events were most common?").kind == "entity"


def test_how_many_counts_before_rate_words() -> None:
    assert profile("How many calories does a single fraction burn?").kind == "count"
    assert profile("How many months longer did patients live?").kind == "difference"


@pytest.mark.parametrize(
    "question",
    [
        "Once a tumour is resected, what is the annual risk of a second one?",
        "How likely is a relapse within two years?",
        "What was the cumulative incidence of brain metastases?",
    ],
)
def test_a_risk_or_likelihood_asks_a_share(question: str) -> None:
    assert profile(question).kind == "percent"


def test_risk_factors_and_groups_are_not_a_share() -> None:
    assert profile("What are the risk factors for lung cancer?").kind != "percent"
    assert profile("What is the risk group of these patients?").kind != "percent"


def test_what_were_after_a_lead_in_asks_several() -> None:
    assert profile("In ZENITH-4, what were the 2-year OS rates with and without surgery?").plural


def test_a_comparative_names_the_kind_of_figure_compared() -> None:
    lived = profile("Did patients live longer on zentamab or on quellimab?")
    assert (lived.measure, lived.prefer) == ("duration", "high")
    rarer = profile("In ZENTA-1, was rash less common with zentamab or with quellimab?")
    assert (rarer.measure, rarer.prefer) == ("percent", "low")
    assert profile("Is zentamab approved for lung cancer?").measure is None
    # An endpoint reported as a share of patients is compared by its rate.
    harsher = profile("Which trial had more severe adverse events, ZENITH-1 or ZENITH-2?")
    assert (harsher.measure, harsher.prefer) == ("percent", "high")
    # A time-to-event endpoint without a figure named is not (its median or its HR?).
    assert profile("Which trial had better OS, ZENITH-1 or ZENITH-2?").measure is None
    # "Worse" is the higher rate of harms, the lower rate of benefit, the higher hazard ratio;
    # "grade 3 or worse" bounds a grade and compares nothing.
    worse = profile(
        "Which study had the worse rate of severe adverse events, ZENITH-1 or ZENITH-2?"
    )
    assert (worse.measure, worse.prefer) == ("percent", "high")
    worse = profile("Which trial had the worse response rate, ZENITH-1 or ZENITH-2?")
    assert (worse.measure, worse.prefer) == ("percent", "low")
    worse = profile("Which trial had the worse OS hazard ratio, ZENITH-1 or ZENITH-2?")
    assert (worse.measure, worse.prefer) == ("hr", "high")
    assert profile("In ZENITH-1, how many had grade 3 or worse adverse events?").prefer == ""
    # A bigger reduction or benefit is a lower ratio.
    reduced = profile("Which county showed the bigger mortality reduction, Zent or Quell? The RRs?")
    assert (reduced.measure, reduced.prefer) == ("hr", "low")
    cut = profile("Comparing ZENITH-1 with ZENITH-2, which cut the risk of death more, by HR?")
    assert (cut.measure, cut.prefer) == ("hr", "low")
    assert (
        profile("Which trial had the higher hazard ratio, ZENITH-1 or ZENITH-2?").prefer == "high"
    )


def test_a_rate_or_time_asked_with_its_interval_is_that_figure() -> None:
    rate = profile("In ZENITH-4, how common was rash with zentamab, with the confidence interval?")
    assert (rate.kind, rate.also) == ("percent", frozenset())
    median = profile("What was the median OS in ZENITH-4, with its 95% CI?")
    assert (median.kind, median.also) == ("duration", frozenset())
    assert profile("What was the 95% CI of the median OS in ZENITH-4?").kind == "ci"


def test_a_dose_asked_with_a_response_rate_asks_the_rate_too() -> None:
    both = profile("For zentinib in ZENITH-4: what dose was given and what response rate was seen?")
    assert (both.kind, both.also) == ("dose", frozenset({"percent"}))


def test_how_many_extra_months_asks_a_gain_not_a_count() -> None:
    assert profile("How many extra months of survival did zentamab add?").kind == "difference"
    assert profile("How many patients were enrolled in ZENITH-4?").kind == "count"


def test_a_response_endpoint_asked_with_no_figure_named_asks_its_rate() -> None:
    assert profile("ZENITH-4: pathological complete response, zentamab vs chemo?").kind == "percent"
    assert profile("In ZENITH-4, what toxicity came with zentamab?").kind != "percent"


def test_where_a_trial_was_run_asks_a_place() -> None:
    ran = profile("Where was the ZENITH-4 trial of zentamab run?")
    assert (ran.kind, ran.target) == ("entity", "place")
    assert profile("Where was quellimab first approved?").target == "place"
    # Where in a body, or a place among other things asked, is not a name of a place.
    assert profile("Where does zentamab bind on T cells?").target != "place"
    assert profile("Where, when and for what was quellimab approved?").target != "place"


def test_who_makes_a_drug_asks_a_company_and_who_found_a_thing_asks_people() -> None:
    for asked in ("Who makes zentamab?", "Who markets the zentamab-quellimab pair?"):
        made = profile(asked)
        assert (made.kind, made.target) == ("entity", "company"), asked
    assert profile("Who first described zentoma?").target == "who"
    # The verb's particle, or an object that is no product, asks people.
    assert profile("Who makes up most of the zentamab study population?").target == "who"
    assert profile("Who made the first diagnosis of zentoma?").target == "who"
    assert profile("Who is the lead reviewer of the summary?").target == "who"


def test_an_open_bound_is_not_a_comparison() -> None:
    bounded = profile(
        "In ZENITH-4, what were the ORRs with zentamab versus chemo at PD-L1 1% or more?"
    )
    assert (bounded.measure, bounded.prefer) == (None, "")
    older = profile("Which had the higher ORR in patients 65 or older, ZENITH-4 or DELTA-8?")
    assert (older.measure, older.prefer) == ("percent", "high")
    half = profile("What ORR did zentamab give in tumours at least half marker-positive?")
    assert half.prefer == ""
    assert profile("Which drug had the least toxicity, zentamab or quellimab?").prefer == "low"


def test_a_count_asked_with_a_rate_asks_the_rate_too() -> None:
    both = profile("In ZENITH-4, how many patients enrolled and what were the ORR and DCR?")
    assert (both.kind, both.also) == ("count", frozenset({"percent"}))
    assert profile("How many patients enrolled in ZENITH-4?").also == frozenset()


def test_side_effects_are_adverse_events() -> None:
    asked = profile("What was the response rate with zentamab, and how often were side effects?")
    assert asked.endpoints == {"orr", "tox"}


def test_which_x_was_used_to_define_asks_a_name_not_a_definition() -> None:
    named = profile("Which assay was used to define the ZX1-high population?")
    assert (named.kind, named.target) == ("entity", "assay")
    # How a term is delimited is still a definition, whichever word opens the question.
    assert profile("Which cutoff defined ZX1 positivity?").kind == "definition"
    assert profile("How did ZENITH-7 define ZX1 positivity?").kind == "definition"


def test_a_dose_asked_with_how_long_asks_the_duration_too() -> None:
    both = profile("In ZENITH-4, what zentamab dose was given, and for how long?")
    assert (both.kind, both.also) == ("dose", frozenset({"duration"}))
    assert profile("What zentamab dose was given in ZENITH-4?").also == frozenset()


def test_a_count_of_cycles_asked_with_the_dose_asks_the_dose_too() -> None:
    both = profile("How was zentamab dosed in ZENITH-4, and for at most how many cycles?")
    assert (both.kind, both.also) == ("count", frozenset({"dose"}))
    assert profile("For how many cycles was zentamab given in ZENITH-4?").also == frozenset()
    # "How much <drug> per cycle / was given" asks its amount, a dose.
    per_cycle = profile("In the zeta trial, how much zentamab per cycle and how many cycles?")
    assert (per_cycle.kind, per_cycle.also) == ("count", frozenset({"dose"}))
    assert profile("How much zentamab was given?").kind == "dose"
    assert profile("How much time is given to recover?").kind != "dose"


def test_people_counted_over_a_period_or_place_are_a_count_not_a_share() -> None:
    assert profile("How many people died of lung cancer worldwide in 2022?").kind == "count"
    assert profile("How many patients responded to zentamab?").kind == "percent"
    # "Numbers of …" counts too, though it names deaths (an endpoint with its own kinds).
    asked = profile("What were the projected numbers of zentoma cases and deaths in 2030?")
    assert asked.kind == "count"


def test_a_question_in_parts_of_different_kinds_is_told_from_one_of_figures() -> None:
    from sclc_qa.question_parts import asked_parts, asks_different_things

    assert asks_different_things("When was zentamab approved, and for which cancer?")
    assert asks_different_things("Which drug did the FDA approve first, and in what year?")
    # Figures asked together are each found by their own grammar: not different things.
    assert not asks_different_things("What zentamab dose was given, and for how long?")
    # "When X binds Y, which …?" opens a clause, not a question of its own.
    assert asked_parts("When ZX1 binds ZX2, which kinase is recruited?") == ("entity:kinase",)
    # An adverb before the second part's question word still opens a part.
    both = "How common is ZX1 loss, and roughly what share of zentomas are ZX2-high?"
    assert asked_parts(both) == ("percent", "percent")
    assert not asks_different_things("Which kinase does ZX1 recruit?")


def test_how_many_tumours_or_samples_have_a_feature_asks_a_share() -> None:
    assert profile("How many zentoma tumours express ZX1?").kind == "percent"
    assert profile("In ZENITH-4 screening, how many samples had ZX1 of 50% or more?").kind == (
        "percent"
    )
    # Samples enrolled or screened are counted.
    assert profile("How many samples were screened in ZENITH-4?").kind == "count"


def test_how_many_were_still_in_a_state_at_a_time_point_asks_a_share() -> None:
    asked = profile("In ZENITH-5, how many were disease-free at 3 years on zentamab?")
    assert asked.kind == "percent" and asked.time_points == {36}
    assert profile("How many of them were still alive at 2 years?").kind == "percent"
    assert profile("How many were enrolled in ZENITH-5?").kind == "count"


def test_a_yes_no_question_may_open_with_its_setting() -> None:
    assert profile("In stage III zentoma, does raising the dose beyond 60 Gy help?").kind == (
        "yesno"
    )
    assert profile("After resection, should zentamab be given?").kind == "yesno"
    # A question that goes on to ask a figure asks the figure.
    both = profile("In stage I zentoma, was zentamab as good as surgery? Give the HR and CI.")
    assert both.kind == "hr"
    assert profile("In ZENITH-4, what was the ORR?").kind == "percent"


def test_a_verdict_asked_with_its_figures_is_two_parts() -> None:
    from sclc_qa.question_parts import asked_parts, asks_different_things

    question = "Did ZENITH-4 improve overall survival? Give the HR and P value."
    assert asked_parts(question) == ("yesno", "hr")
    assert asks_different_things(question)
    # "i.e." ends no sentence.
    assert not asks_different_things("How does ZX1 act, i.e. what mark does it remove?")


def test_an_adverb_after_what_is_no_class_of_name() -> None:
    exactly = profile("What exactly is zentamab, structurally?")
    assert exactly.kind != "entity" and exactly.target == ""
    assert profile("Which specifically drug was tested in ZENITH-4?").target == "drug"


def test_survival_asked_apart_from_an_event_free_endpoint_is_its_own_part() -> None:
    both = profile("What share were alive, and what share alive without progression, in ZEN-1?")
    assert both.endpoints == {"os", "pfs"}
    # "progression or death" defines the event-free endpoint: no survival part of its own.
    assert profile("What was the rate of progression or death at 2 years?").endpoints == {"pfs"}
    assert profile("What was the HR for recurrence or death with zentinib?").endpoints == {"rfs"}


def test_a_time_point_of_follow_up_is_when_a_rate_was_read() -> None:
    assert time_points("After three years of follow-up, what share were alive?") == {36}
    assert time_points("The 3-year follow-up showed no change.") == frozenset()


def test_tumour_shrinkage_asks_the_response_rate() -> None:
    prof = profile("How often did zentamab shrink tumours, and how often did side effects occur?")
    assert prof.endpoints == {"orr", "tox"}


def test_alternatives_before_a_question_mark_are_a_choice_with_more_asked_after() -> None:
    prof = profile("Was the OS gain larger with zentamab in ZEN-1 or with quellimab? Give both.")
    assert (prof.measure, prof.prefer) == ("difference", "high")


def test_a_short_capitalised_word_opens_a_place_name_with_the_next() -> None:
    assert named_tokens("The HIP trial (New York, 1963): what relative risk?") == [
        "HIP",
        "New York",
    ]
    assert named_tokens("Which trial ran in San Diego?") == ["San Diego"]
    assert named_tokens("Is PD-L1 a New target?") == ["PD-L1"]


def test_a_year_after_an_acronym_dates_it_and_names_no_trial() -> None:
    assert named_tokens("What did the USPSTF 2024 recommendation say?") == ["USPSTF"]
    assert named_tokens("What was the ORR in ZENTA 1202?") == ["ORR", "ZENTA 1202"]


def test_a_median_asked_beside_how_many_had_an_event_asks_both() -> None:
    both = profile("What was the median OS with zentamab, and how many patients crossed over?")
    assert (both.kind, both.also) == ("duration", {"percent"})
    share = profile("How many patients crossed over to zentamab?")
    assert (share.kind, share.also) == ("percent", frozenset())


def test_name_the_asks_the_noun_after_its_determiner() -> None:
    p = profile("Name the drug approved for zentoma.")
    assert (p.kind, p.target, p.asked_about) == ("entity", "drug", "drug")
    # A clause about the source after the phrase: its last word is no verb.
    p = profile("Name the ZRK1 inhibitors the review mentions for zentoma.")
    assert (p.target, p.asked_about, p.plural) == ("inhibitor", "ZRK1 inhibitors", True)
    assert profile("Which country ran the trial?").asked_about == "country"


def test_how_much_higher_in_one_subject_than_another_compares_their_own_figures() -> None:
    asked = profile(
        "By how many points was the grade 3 toxicity rate higher in ZENITH-1 than in ZENITH-2?"
    )
    assert (asked.kind, asked.measure, asked.prefer) == ("difference", "percent", "high")
    # A gain each had over its own control is two differences, compared as such.
    own = profile("Did zentamab in ZENITH-1 extend median OS by more than lorbitinib in ZENITH-2?")
    assert own.measure != "percent"


def test_arms_asked_in_a_part_of_their_own_beside_a_hazard_ratio() -> None:
    both = profile("ZENITH-1: PFS with zentamab versus placebo, and the PFS hazard ratio?")
    assert (both.kind, both.also) == ("hr", frozenset({"duration"}))
    rates = profile("ZENITH-1: response rate in each arm, and the hazard ratio for OS?")
    assert (rates.kind, rates.also) == ("hr", frozenset({"percent"}))
    # The arms set against each other in the hazard ratio's own part ask the ratio alone.
    alone = profile("What was the hazard ratio for PFS with zentamab versus placebo?")
    assert (alone.kind, alone.also) == ("hr", frozenset())


def test_how_often_a_thing_is_done_asks_a_schedule_not_a_share() -> None:
    assert profile("How often should people at high risk be screened?").kind == "duration"
    assert profile("How often is zentamab given?").kind == "dose"
    assert profile("How often does pneumonitis occur with zentamab?").kind == "percent"
    assert profile("How often are ZRK1 fusions found in ZCLC?").kind == "percent"


def test_deaths_caused_by_treatment_are_a_toxicity_not_survival() -> None:
    from sclc_qa.question_kinds import ENDPOINTS
    from sclc_qa.spans import find

    for said in ("adverse events led to death", "treatment-related deaths", "treatment mortality"):
        assert ENDPOINTS["tox"].search(said) and not ENDPOINTS["os"].search(said), said
    assert ENDPOINTS["os"].search("the risk of death fell") and ENDPOINTS["os"].search("deaths")
    text = "Adverse events led to death in four patients (1%) in the zentamab group."
    assert [s.endpoint for s in find(text, "percent")] == ["tox"]


def test_a_hyphenated_pair_of_drugs_is_written_by_any_word_that_joins_them() -> None:
    from sclc_qa.mentions import written

    pair = written("zentamab-quellimab")
    for text in ("zentamab and quellimab", "zentamab plus quellimab", "zentamab/quellimab"):
        assert pair.search(f"OS with {text} was longer."), text
    assert not pair.search("zentamab and quellimabine")
    # Short parts are other words: "non-small" is not "non and small".
    assert not written("non-small").search("non and small")


def test_how_soon_after_a_dose_asks_a_time_and_how_often_a_procedure_its_interval() -> None:
    assert profile("How soon after the first zentamab dose does the scan show it?").kind == (
        "duration"
    )
    assert profile("How long after the last dose should zentoma patients wait?").kind == (
        "duration"
    )
    assert profile("How often is zetal imaging done after surgery?").kind == "duration"
    # How often an event occurs is a share; how fast a rate falls, a change.
    assert profile("How often are grade 3 zetal events seen?").kind == "percent"
    assert profile("How fast has the zetoma death rate been falling?").kind != "duration"


def test_how_many_were_in_a_study_named_by_several_words_is_its_size() -> None:
    assert profile("How many patients were in the ZCI phase I zentamin study?").kind == "count"


def test_what_is_a_term_of_several_words_asks_its_definition() -> None:
    assert profile("What is a Quellor tumor?").kind == "definition"
    assert profile("What are zetal cells of Quell?").kind == "definition"
    # Not an owner's attribute, a serial name, or a clause with a verb.
    assert profile("What is zentamab's development code?").kind != "definition"
    assert profile("What is ZX 757?").kind != "definition"
    assert profile("What is ZX-AD005 made of?").kind != "definition"


def test_how_much_x_lowers_mortality_asks_its_hazard_ratio() -> None:
    assert profile("How much did adding zentamab lower mortality in ZENITH-2?").kind == "hr"
    assert profile("How much does zetosis raise 5-year mortality?").kind == "hr"
    assert profile("How much mortality was seen with zentamab?").kind != "hr"


def test_a_concentration_or_an_inhibitory_figure_is_asked_as_a_dose() -> None:
    assert profile("What IC50 did zentamin reach in ZX-1 cells?").kind == "dose"
    assert profile("At what zentamin concentrations did ZX-1 cells die?").kind == "dose"
    assert profile("What is the LD50 of zentamin in mice?").kind == "dose"


def test_a_drugs_schedule_is_its_doses() -> None:
    assert profile("What zentamab schedule was used after surgery?").kind == "dose"
    # A schedule of no drug is not a dose: "what screening schedule …?" asks something else.
    assert profile("What screening schedule was used?").kind != "dose"


def test_which_with_a_verb_of_comparing_asks_no_class() -> None:
    """ "Which works better" has a verb where a class noun would be; a drug's name in -ed
    ("zetrexed") is no participle, and two drugs may modify one noun."""
    assert profile("A or B: which works better in zeta cancer?").target == ""
    assert profile("Which arm performed best?").target == "arm"
    assert profile("Which zentinib and zetrexed doses were used?").asked_about == (
        "zentinib and zetrexed doses"
    )


def test_a_measure_asked_in_the_plural_asks_several_figures() -> None:
    asked = profile("In the two large studies, what proportions of biopsied lesions were zetomas?")
    assert asked.plural and asked.kind == "percent"
    assert not profile("What proportion of biopsied lesions were zetomas?").plural


def test_a_peoples_adjective_before_a_name_is_a_place_of_its_own() -> None:
    """ "The Japanese Zenith trial": the text may name Zenith and Japan apart."""
    assert named_tokens("Did the Japanese Zenith trial report mortality?") == ["Japanese", "Zenith"]
    assert named_tokens("Is it used in the United States?") == ["United States"]


def test_a_plain_verb_before_a_determiner_opens_no_class() -> None:
    """ "What determines the makeup of X?" asks a cause, not a class called "determines"."""
    assert profile("What determines the makeup of a zentamab extract?").target == ""
    assert profile("Which genes are mutated?").target == "gene"


def test_how_large_a_study_was_asks_how_many_it_enrolled() -> None:
    assert profile("How large were the trials in the zetoscopy meta-analysis?").kind == "count"
    assert profile("How big was the study?").kind == "count"
    assert profile("How large was the survival benefit with zentamab?").kind == "difference"


def test_an_abbreviated_class_in_the_plural_asks_for_several() -> None:
    """ "Which ZKIs …?" asks for several, like "which inhibitors …?" ("ZKIs" is no "-is"
    word such as "analysis")."""
    asked = profile("Variant Q12Z confers resistance to which ZKIs?")
    assert asked.plural and asked.target == "zki"
    assert not profile("Which analysis showed a benefit?").plural


def test_why_asks_a_reason_whatever_figure_it_names() -> None:
    assert profile("Why was the zentamab dose lowered after 3 months?").kind == "mechanism"
    assert profile("In ZEN-1, why was the number of patients examined reduced?").kind == (
        "mechanism"
    )
    assert profile("What dose of zentamab was given, and why?").kind == "dose"


def test_a_term_asked_in_a_scheme_named_after_it_asks_its_entry() -> None:
    for question in (
        "What is Z2b in the zeta TNM staging?",
        "What is stage IIC in the zeta staging system?",
    ):
        assert profile(question).kind == "definition", question
    assert profile("What is ZX-1 in this trial?").kind == "fact"


def test_a_dose_question_names_what_it_doses_in_lower_case() -> None:
    """A drug written in lower case without a known stem is still what the dose must be of."""
    assert profile("What zentoline dose is usually used?").names == ("zentoline",)
    assert profile("What dose of quellotide is given for zentoma?").names == ("quellotide",)
    assert profile("zentoline daily dose?").names == ("zentoline",)
    # What kind of dose, or of what general thing, names nothing.
    for asked in (
        "What dose of prophylactic cranial irradiation is used?",
        "What is the recommended dose of chemotherapy?",
        "What was the dose of the study drug?",
        "What radiation dose was used?",
    ):
        assert profile(asked).names == (), asked


def test_a_dose_in_gray_is_no_dose_of_a_drug_written_in_lower_case() -> None:
    from sclc_qa.answering.figure_filters import of_asked_drug
    from sclc_qa.spans import find

    text = "The regimen added zentoline 5 mg/kg on day 1, then brain radiotherapy to 36 Gy."
    prof = profile("What zentoline dose is used in the regimen?")
    kept = of_asked_drug(text, find(text, "dose"), prof)
    assert [text[s.start : s.end] for s in kept] == ["5 mg/kg on day 1"]
    assert profile("What tumor dose was given?").names == ()


def test_a_what_phrase_after_a_setting_phrase_is_read() -> None:
    """ "In the zeta study, what median survival did the low dose give?" asks a time, though
    it names a dose; a past verb ends the phrase ("what hazard ratio went with …")."""
    from sclc_qa.question_phrase import which_phrase

    asked = "In the phase II zentamab dose study, what median survival did the 2 mg/kg dose give?"
    assert which_phrase(asked) == "median survival"
    assert profile(asked).kind == "duration"
    assert which_phrase("What hazard ratio went with examining 13 to 16 nodes?") == "hazard ratio"


def test_how_long_beside_a_rate_asks_a_time_of_its_own() -> None:
    asked = profile("After zentic radiotherapy, how long can remission take, and what is the risk?")
    assert (asked.kind, asked.also) == ("percent", frozenset({"duration"}))
    # Months that date a rate ask no time.
    assert profile("What is the zentic risk at 24 months, and the response rate?").also == set()


def test_a_noun_for_several_things_asks_each_of_them() -> None:
    for noun in ("pair", "doublet", "triplet"):
        asked = profile(f"Which anti-ZR1/ZR2 {noun} does Quell Pharma sell?")
        assert asked.kind == "entity" and asked.plural, noun
    assert not profile("Which anti-ZR1 antibody does Quell Pharma sell?").plural
