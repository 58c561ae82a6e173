"""Candidate answer spans inside one sentence: statistics, durations, rates, names, clauses.

Each extractor returns `Span`s with offsets relative to the sentence text, plus the endpoint the
span reports (the nearest endpoint named before it, e.g. "PFS … HR 0.54"), so an answer can be
checked against what was asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .domain import domain
from .endpoint_mentions import endpoint_of
from .figure_joins import count_before, joined_bounds, joined_ranges, stated_ages
from .mentions import YEAR

__all__ = [
    "PER_YEAR",
    "Span",
    "find",
    "mask_markup",
    "strip_citation",
    "strip_markup_end",
    "value_at",
]

_NUM = r"\d+(?:[.,]\d+)?"
# A figure that may be below zero: an effect size or its interval's bounds ("–1.2 to –0.3").
_SIGNED = rf"(?:[-–−](?=\d))?{_NUM}"
_DASH = r"\s*[-‒–—−]\s*"
# A hedge is part of the figure: "nearly 20%" is not "20%", "up to 7 months" not "7 months",
# "only 3%" not "3%".
# Matched in any case: a sentence may open with one ("Approximately 70% of …").
# Hedges stack: "only about 2 months".
# A hedge is a word of its own: "group to 2.9%" holds no "up to".
# A hedge's words may be wrapped across lines ("less\nthan 5%").
_HEDGE = (
    r"(?:(?i:\b(?:"
    + "|".join(h.replace(" ", r"\s+") for h in domain().hedges)
    + r"))\s+|[~≈≥≤<>]\s*){0,2}"
)
# A bound on a time or a size is part of it as a hedge is ("within 4 weeks", "within 5 mm"); on
# a share or a count it says where the people are ("within 10% of baseline", "within 3 of the
# 10 centres"), so only those two kinds read it.
_BOUND = r"(?:(?i:\bwithin)\s+)?"
# Journal styles: "95% CI 0.59 - 0.91", "95% CI: 0.59-0.91", NEJM's "95% CI, 0.60−0.95" and
# "95% CI, 0.60 to 0.95", PDQ's "90% confidence interval [CI], 0.83–1.24".
_CI_LABEL = (
    r"(?:95|90)\s*%\s*(?:CI|confidence interval)(?:\s*[(\[](?:(?:95|90)%\s*)?CI[)\]])?\s*[:,]?\s*"
)
_CI = rf"{_CI_LABEL}{_NUM}%?(?:{_DASH}|\s+to\s+){_NUM}%?"
# A ratio's or an effect size's interval, whose bounds may be below zero ("–0.45 to –0.08").
_SIGNED_CI = rf"{_CI_LABEL}{_SIGNED}%?(?:{_DASH}|\s+to\s+){_SIGNED}%?"
_P = r"\b[Pp]\s*[=<>≤≥]\s*0?\.\d+"
# A ratio with what it is of: "HR = 0.73", "hazard ratio of 0.70", NEJM's "HR for death, 0.76",
# "hazard ratio for disease progression or death, 0.48", "odds ratio, 1.9", "RR 0.8".
_RATIO = (
    r"(?:\b(?:HR|OR|RR|IRR|SIR|SMR)|(?i:hazard ratio|odds ratio|relative risk|risk ratio|"
    r"(?:incidence )?rate ratio|relative rate|(?:standardi[sz]ed )?(?:incidence|mortality) ratio|"
    # … or an effect size: "effect size, –1.2", "ES = 2.5", "SMD, 1.1", "Hedges' g = 0.9"; a
    # bracketed "[SMD]" after a long name of its own ("standard mean shift [SMD], 1.1").
    r"effect size|standardi[sz]ed mean difference|cohen'?s d|hedge'?s'? g)|"
    r"\[?\bSMD\]?|\bES(?=\s*=))"
)
_FOR = r"(?:\s*(?:for|of)\s+(?:death|(?:disease\s+)?(?:progression|recurrence)(?:\s+or\s+death)?))"
# "hazard ratio (HR)", "hazard ratio [HR]", "standardized incidence ratio (SIR)"
_ABBREVIATED = r"(?:\s*[(\[](?:HR|OR|RR|IRR|SIR|SMR|SMD|ES)[)\]])?"
# A subscript label glued to its ratio when markup is flattened: "HRdeath, 0.72", "HRprogression
# or death was 0.51", "HRZNS disease recurrence or death was 0.31" (a label opening in capitals
# only when it ends on an event: "HRQOL score was 70" is no ratio).
_GLUED = (
    r"(?:(?<=HR)(?:[a-z][a-z ]{0,40}?|[A-Z]{2,5}\s[a-z][a-z ]{0,40}?"
    r"(?:death|progression|recurrence|relapse|survival|events?))(?=\s*(?:[,:=]|was\b|is\b)))?"
)
# What a ratio is of, between its label and its figure: no figure nor clause break, but a gene's
# or a name's digits ("in women with ZETA1/2 variants was 2.4"); before a comma, no comma.
_OF_WORDS = r"(?:[^:;.\d()]|(?<=[A-Za-z/])\d+)"
_OF_WORDS_UNBROKEN = r"(?:[^:;.\d(),]|(?<=[A-Za-z/])\d+)"
_HR_CORE = (
    rf"{_RATIO}{_GLUED}{_ABBREVIATED}(?:\s+estimates?)?(?:(?:{_FOR}|\s*death)?\s*+(?:=|:|,|of|was|is)?"
    # … or a label that ends in a colon: "Relative risk of death, screening versus control
    # (95% CI): 0.68 (0.52–0.89)".
    rf"|[^:;.\d]{{0,80}}\([^()]*\)\s*:|[^:;.\d(]{{0,80}}:"
    # … or what it is of, then a verb: "The relative risk of zeta cancer was 32.8", "the
    # relative risk associated with heavy smoking is 3.1".
    rf"|\s++(?:of|for|(?:associated\s+)?with)\s++{_OF_WORDS}{{0,80}}?\s+(?:was|were|is)"
    # … or what it is for or of, then a comma: "RR for zetal squamous cancer, 1.85", "RR of
    # remission, 2.40" (not a "95% CI" after the comma).
    rf"|\s+(?:for|of)\s+{_OF_WORDS_UNBROKEN}{{1,60}}?,"
    # … or what it is for or of and the words after, then the ratio alone in brackets, its
    # interval or P value beside it: "The odds ratio of remission was higher with zentamab
    # (2.4; P = .01)" (a dose, "(1.5 mg/kg)", or a count, "(2 trials)", is none).
    rf"|\s+(?:for|of)\s+[^:;.\d()]{{1,80}}?\((?=\s*[-–−]?\d*\.\d+\s*[;,)]))"
    rf"\s*+(?P<value>{_SIGNED})(?!\d|\.\d|\s*%)"
)
# After the ratio: its interval and P value, labelled ("95% CI, …") or a bare bracketed range.
_BARE_RANGE = (
    rf"\(\s*{_NUM}\s*(?:{_DASH}|to\s+){_NUM}\s*\)"
    # … or in square brackets, with decimals (not a citation's "[23-25]"): "HR, 1.4 [1.1–1.8]".
    rf"|\[\s*\d*\.\d+\s*(?:{_DASH}|to\s+)\d*\.\d+\s*\]"
)
_TAIL = (
    rf"(?:\s*[;,]\s*(?:{_SIGNED_CI}|{_P}))*"
    rf"(?:\s*\((?:{_SIGNED_CI}|{_P})(?:\s*[;,]\s*(?:{_SIGNED_CI}|{_P}))*\)"
    rf"|\s*\[(?:{_SIGNED_CI}|{_P})(?:\s*[;,]\s*(?:{_SIGNED_CI}|{_P}))*\]"
    rf"|\s*(?:{_BARE_RANGE}))?"
)
# The ratios listed after a labelled one, each with its interval: "HR was 0.61 (95% CI, …) for
# group A, 0.77 (95% CI, …) for group B, and 0.84 (95% CI, …) for group C".
_LISTED_RATIO = re.compile(
    rf"(?:\s+(?:for|in|among|with)\s+[^,;()]{{1,60}}?)?\s*,\s*(?:and\s+)?"
    rf"(?P<value>\d*\.\d+)\s*\((?:{_SIGNED_CI})(?:\s*[;,]\s*(?:{_SIGNED_CI}|{_P}))*\)"
)
_NUMBER_WORDS = "two|three|four|five|six|seven|eight|nine|ten|twenty|hundred"
# A share that changes each year: "… by 2.5% per year", "3% a year", "2% annually".
PER_YEAR = r"(?:\s+(?:per|a|each)\s+year\b|\s+annually\b)"
_CHANGE = (
    r"(?:increase|reduction|decrease|decline|rise|drop|fall|improvement|excess|gain|lower|"
    r"higher|greater|less|fewer|more|benefit|detriment|advantage|disadvantage|loss|deficit)\b"
)
# Numbers spelled out, by their parts: units, ten to nineteen, and the tens with a unit after
# them ("ninety-five", "twenty one").
_UNITS_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen"
_TENS_WORDS = (
    rf"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:{_UNITS_WORDS}))?"
)
# A concentration's unit: an amount per volume ("mg/dL", "mmol/L", "mIU/mL", "cells/µL"), or
# per volume alone after a count ("/mm3"), the count perhaps a power of ten ("× 10^9/L").
_AMOUNT_UNIT = (
    r"(?:\s*[×x]\s*10(?:\^|\*\*)?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]+)?\s*"
    r"(?:(?:[nµμm]?g|mmol|[µμ]mol|mEq|m?I?U|cells)\s*)?/\s*(?:[dm]?[lL]|[µμu][lL]|mm3|mm³)(?![\w/])"
)
# A volume's unit: a litre only apart from its figure ("2 L", not a line of therapy's "2L").
_VOLUME_UNIT = r"(?:\s*(?:mL|ml|dL)|\s+[lL]|\s*(?:liters?|litres?|oz\.?|ounces?))(?![\w/])"
# Counts spelled out ("one" is left out: "one of the", "one patient" seldom answer how many).
_COUNT_WORDS = rf"{_TENS_WORDS}|two|three|four|five|six|seven|eight|nine|{_TEENS}"
# A share spelled out: "Ninety-five percent", "twenty percent", "one hundred percent".
_PERCENT_WORDS = rf"(?i:(?:{_TENS_WORDS}|{_TEENS}|one hundred|{_UNITS_WORDS})\s+percent)\b"
_FRACTION = (
    r"(?i:(?:one|two|three|four)[- ](?:half|thirds?|quarters?|fourths?|fifths?|tenths?)"
    r"|half(?= of\b))\b"
)
# A share as so many in (or of) so many: "about one in 1,000 women", "1 in 8", "three out of
# 10", "only 5 of 50 patients", "fourteen of the 20 children" (not "12 in 2015", "day 1 of 21").
_ONE_IN = (
    r"(?<![\d.,])(?<!\bday )(?<!\bdays )(?<!\bcycle )(?<!\bweek )(?<!\bgrade )(?<!\bstage )"
    rf"{_HEDGE}\b(?i:\d{{1,3}}|{_UNITS_WORDS}|{_TEENS})"
    r"\s+(?:in|out\s+of|of)\s+(?:(?i:the|these|those)\s+)?"
    r"(?!(?:19|20)\d{2}\b)(?:\d{1,3}(?:,\d{3})+|\d{1,4})\b(?![.,]\d|\s*%)"
)
_OPENS_BRACKET = re.compile(r"\(\s*$")
_OF = re.compile(r"\sof\s")
_UNIT = r"(?:" + "|".join(domain().time_units) + r")\b"
# A dose's unit: a radiation dose, or a mass or amount per whatever it is given by ("mg/m²",
# "ng/kg body weight", "µg/mouse/d", "IU/kg", "3 million units").
_PER = r"(?:/(?:kg|m2|m²|mL|L|d|day|dose|mouse|rat|\d+\s*h\b))*(?:\s+body\s+weight)?"
_ROUTE = (
    r"(?:orally|by mouth|intravenously|subcutaneously|intramuscularly|transdermal(?:ly)?"
    r"|(?-i:IV|PO|IM|SC|SQ))\b"
)
_DOSE_UNIT = (
    r"(?:(?:c?Gy|mGy|m?Sv)\b|(?:[nµμm]?g|mcg|M?IU|(?:million\s+)?(?:international\s+)?units)"
    rf"{_PER}(?![\w/])"
    # A volume is a dose by the body weight or size it is given per ("1.8 mL/kg/day"), or
    # when its route follows ("85 mL taken orally twice daily"); else it may be a tumour's,
    # a sample's or a drain's.
    r"|m[lL](?:/(?:kg|m2|m²))(?:/(?:d|day|dose))?(?![\w/])"
    rf"|m[lL](?=\s+(?:(?:administered|given|taken)\s+)?{_ROUTE}))"
)
# How often a dose is given is part of it: "50 mg twice daily", "20 Gy × 2", "5 mg/kg every
# 2 weeks", "45 Gy in 25 fractions", "60 mg of zentamab by mouth once every 3 weeks for up to
# four cycles" (the drug's name only when the schedule goes on after it).
_SCHEDULE = (
    r"(?:\s*[×x]\s*\d+\b(?:\s*fractions?)?"
    rf"|\s+(?:(?:administered|given|taken)\s+)?{_ROUTE}"
    # … its route's abbreviation in brackets after it: "intravenously (IV) every 3 weeks".
    rf"|\s*\(\s*{_ROUTE}\s*\)"
    r"|\s+of\s+[a-z][\w-]+(?=\s+(?:orally|by mouth|intravenously|subcutaneously|IV|PO|once|"
    r"twice|daily|weekly|BID|QD|every|each)\b)"
    r"|\s+(?:once|twice|three times|four times)\s+(?:a\s+|per\s+)?(?:daily|day|weekly|week)\b"
    r"|\s+(?:daily|weekly|BID|QD|per day|per fraction)\b"
    # Prescribers' Latin: "twice a day", "every morning", "at bedtime", "every 24 hours".
    r"|\s+(?i:bid|tid|qid|qd|qod|qhs|qam|qpm|q\d+h)\b"
    r"|\s+in\s+\d+\s+(?:daily\s+)?fractions\b"
    r"|\s+(?:once\s+)?(?:every|each)\s+(?:\d+\s+)?(?:weeks?|days?|hours?)\b|\s+[qQ]\d+[wW]\b"
    r"|\s+for\s+(?:up to\s+)?(?:\d+|one|two|three|four|five|six)\s+(?:\d+-day\s+)?"
    r"(?:days?|weeks?|months?|years?|cycles?)\b"
    r"|\s+on\s+days?\s+\d+(?:\s*(?:,|and|-|–|−|to)\s*(?:day\s+)?\d+)*"
    r"(?:\s+of\s+(?:each|every|an?)\s+(?:\d+-day\s+)?cycle)?"
    # Days on in a cycle: "daily, 21 out of 28 days", "daily for 14 of every 21 days".
    r"|,?\s+(?:for\s+)?\d+\s+(?:out\s+)?of\s+(?:every\s+|each\s+)?\d+\s+days\b)*"
)

# What a multiple is of: "10-fold higher affinity", "3 times greater risk" ("tenfold higher than
# …": the comparative alone).
_COMPARED = (
    r"(?:\s+(?:higher|lower|greater|more|less|increased|decreased|reduced)"
    r"(?:\s+(?!(?:than|in|for|with|of|among|at|on|to|compared|versus|vs|and|or|when|if)\b)"
    r"[a-z]{3,}\b)?|\s+as\s+(?:high|low|great|large|likely|expensive|common|frequent|costly)\b)?"
)

# A range written "between A and B" (or "between A to B") is a range as "A to B" is, and
# "between" is part of it as a hedge is: "between 55 and 65 years" is no single figure; the unit
# follows.
# Not a difference or a choice between two figures ("the difference between 5 and 10 months").
_BETWEEN = (
    r"(?<!difference )(?<!differences )(?<!gap )(?<!distinction )(?<!choice )"
    rf"\b(?i:between)\s+{_NUM}\s*%?\s+(?:and|to)\s+{_NUM}\s*"
)

# A length written before what lasts it: "a 12-week program", "a 6-month course" (not "2-year
# OS", a time point).
_PERIOD_NOUN = "|".join(map(re.escape, domain().period_nouns))

PATTERNS: dict[str, re.Pattern[str]] = {
    "hr": re.compile(_HR_CORE + _TAIL),
    "ci": re.compile(_CI),
    "pvalue": re.compile(_P),
    "duration": re.compile(
        rf"(?:from\s+{_NUM}\s*{_UNIT}(?:\s*\([^)]*\))?\s*to\s+{_NUM}\s*{_UNIT})|{_BETWEEN}{_UNIT}|"
        rf"{_NUM}(?:\s*{_UNIT})?\s*(?:vs\.?|versus)\s*{_NUM}\s*{_UNIT}|"
        rf"{_BOUND}{_HEDGE}{_NUM}(?:{_DASH}|\s+to\s+){_NUM}\s*{_UNIT}|{_BOUND}{_HEDGE}{_NUM}\s*{_UNIT}|"
        rf"{_HEDGE}{_NUM}-{_UNIT}(?=\s+(?:{_PERIOD_NOUN})\b)"
    ),
    # "by 2.7 months"; a multiple: "tenfold", "2-fold", "3 times higher".
    "difference": re.compile(
        rf"\bby\s+(?:about\s+|approximately\s+|up to\s+)?{_NUM}\s*{_UNIT}|"
        # A change each year: "(rates) decreased by 2.5% per year".
        rf"(?<=[a-z] )by\s+{_HEDGE}{_NUM}\s*%{PER_YEAR}|"
        rf"\bfrom\s+{_NUM}\s*%\s*to\s+{_NUM}\s*%|{_HEDGE}{_NUM}\s*percentage\s+points?\b|"
        # "40- to 380-fold higher": a range whose first number's hyphen waits for "fold".
        rf"{_HEDGE}\b(?:{_NUM}-\s+to\s+)?(?:{_NUM}|{_NUMBER_WORDS})[- ]?fold\b"
        rf"(?:\s+to\s+(?:{_NUM}|{_NUMBER_WORDS})[- ]?fold\b)?{_COMPARED}|"
        rf"{_HEDGE}\b(?:(?:{_NUM}|{_NUMBER_WORDS})\s+to\s+)?(?:{_NUM}|{_NUMBER_WORDS}) times\b"
        rf"(?! (?:a|per|daily|weekly)\b){_COMPARED}|"
        # "nearly twice the mortality rate", "double the risk"
        rf"{_HEDGE}\b(?i:twice|double)\b(?=\s+(?:the|as|that)\b){_COMPARED}|"
        # A change stated as a share: "a 20% relative reduction in mortality", "60% increase",
        # or after it: "a dose reduction of 25%".
        # … what changed may stand between: "a 42% risk reduction", "a 20% mortality reduction".
        rf"(?<![\d.]){_HEDGE}{_NUM}\s*%\s+(?:(?:relative|absolute|risk|mortality|hazard|"
        rf"incidence|odds)\s+){{0,2}}{_CHANGE}|"
        rf"\b(?:[a-z]+\s+)?{_CHANGE}\s+of\s+{_HEDGE}{_NUM}\s*%"
    ),
    # A share in words is a share too: "approximately one-fourth of patients", "two-thirds",
    # "half of those screened".
    "percent": re.compile(
        rf"{_ONE_IN}|{_BETWEEN}%|(?<![\d.]){_HEDGE}{_NUM}\s*%?(?:{_DASH}|\s+to\s+){_NUM}\s*%(?:{PER_YEAR})?|(?<![\d.]){_HEDGE}{_NUM}\s*%"
        rf"(?!\s*(?:CI|confidence))(?:{PER_YEAR})?|{_HEDGE}\b{_FRACTION}|{_HEDGE}\b{_PERCENT_WORDS}|"
        # A rate per so many: "5.0 per 1,000 screenings", "12 to 15 per 100,000 person-years",
        # "0.4 cases per 100,000", "37.8 infections per 100 patient-years" (what is counted
        # named between, in a word or two).
        rf"(?<![\d.,]){_HEDGE}(?:{_NUM}|(?i:(?!one\b)(?:{_UNITS_WORDS}|ten))(?=\s+[a-z]))(?:(?:{_DASH}|\s+to\s+){_NUM})?"
        r"(?:\s+(?!(?:mg|g|kg|ml)\b)[a-z]+){0,2}"
        r"\s+per\s+(?:\d{1,3}(?:,\d{3})+\b|10{2,5}\b|(?:(?:1|one|a)\s+)?(?:million|billion)\b"
        # … and whom, in what time: "3 cases per 1 million children per year".
        rf"(?:\s+(?:people|persons|individuals|population|live births|children|adults))?"
        rf"(?:{PER_YEAR})?)|"
        # … or its base in brackets after it: "ranging from 18.6 to 19.1 (per 100,000)".
        rf"(?<![\d.,]){_HEDGE}{_NUM}(?:(?:{_DASH}|\s+to\s+){_NUM})?\s+\(per\s+\d{{1,3}}(?:,\d{{3}})+\)"
    ),
    # A year, a decade ("the 1920s"), or an earlier year ("isolated in 1830") unless it counts or
    # measures something ("1500 mg", "1830 patients").
    "year": re.compile(
        r"\b(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
        # A decade keeps the part of it the text names ("the mid-1960s", "the early 1980s").
        r"December)\s+)?(?:(?:(?:early|mid|late)[-\s])?(?:1[5-9]|20)\d0s\b|(?:19|20)\d{2}\b|"
        r"1[5-8]\d{2}\b"
        r"(?![.,]\d|\s*(?:%|[-‒–]\s*\d|[a-zµ]+/|(?:mg|mcg|µg|g|kg|ml|l|gy|cgy|iu|units?|patients|"
        r"people|persons|cases|women|men|participants|subjects|individuals|children|adults)\b)))",
        re.IGNORECASE,
    ),
    "count": re.compile(
        rf"{_ONE_IN}|{_HEDGE}\b\d{{1,3}}(?:,\d{{3}})+\b|"
        rf"{_HEDGE}\b\d+(?:\.\d+)?\s*(?:million|billion|thousand)\b|"
        # A number spelled out before what it counts: "the eight risk factors".
        # (Not an age: "aged seventy or older".)
        rf"{_HEDGE}(?<!\baged )(?<!\bage )\b(?i:{_COUNT_WORDS})\b"
        # … or before the share it is of: "Thirty-two (2.1%) deaths".
        r"(?=\s+(?:[a-z]|\(\d+(?:\.\d+)?%\)))(?!\s+(?:times|percent|years?|months?|weeks?|days?)\b)|"
        # A bare number, unless it is a time or an age ("12 years", "aged 39 to 49 years").
        rf"{_HEDGE}(?<![\d.,])(?<!\baged )(?<!\bages )(?<!\bage )\b\d+\b(?![.,]\d|\s*%|-year"
        r"|\s*(?:years?|months?|weeks?|days?)\b|\s*(?:to|through|[-‒–])\s*\d+\s*(?:years?|months?)\b)"
    ),
    # An age as a criterion states it: "from age 50", "before age 30 years", "ages 50 to 74",
    # "aged 55 to 80 years", "65 years or older", "older than 75 years", "women in their 40s".
    "age": re.compile(
        r"\b(?:older|younger)\s+than\s+\d+(?:\s+years?)?(?:\s+of\s+age)?|"
        rf"{_HEDGE}\b(?:(?:before|after|by|until|till|through|from)\s+)?(?:ages?|aged)\s+(?:between\s+)?\d+(?:\s*(?:to|through|and|or|[-‒–])\s*\d+)?(?:\s+years?)?"
        r"(?:\s+(?:or|and)\s+(?:older|younger|over|above|below|under))?"
        rf"|{_HEDGE}\b(?:between\s+\d+\s+and\s+)?\d+(?:\s*(?:to|through|[-‒–])\s*\d+)?\s+years?\s+(?:of\s+age|old"
        r"|(?:or|and)\s+(?:older|younger|over|above|below|under))"
        r"|\b(?:in\s+their|the)\s+(?:early\s+|late\s+|mid-)?\d0s\b"
        r"|(?:(?<=\bage was )|(?<=\bage of )|(?<=\bage is ))\d+(?:\.\d+)?(?:\s+years)?"
        # "the median age at diagnosis is about 65 years", "the median age of patients with
        # zentoma is 61 years": the age after what or whom it is of.
        r"|\b(?:(?:median|mean|average)\s+age\s+(?:at|of|among|in)\s+[^.,;:()\d]{1,60}?"
        r"|age\s+at\s+[a-z]+)\s+(?:is|was|were)\s+"
        rf"(?P<age>{_HEDGE}(?:between\s+\d+\s+and\s+)?\d+(?:\.\d+)?\s+years)\b"
    ),
    # An amount of money: "$1,200", "less than $300", "US$ 3.5 million", "2,000 euros".
    "cost": re.compile(
        rf"{_HEDGE}(?:US\s?|C|A)?[$€£]\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion|thousand)\b)?"
        rf"|{_HEDGE}\b\d[\d,]*(?:\.\d+)?\s*(?:(?:million|billion|thousand)\s+)?"
        r"(?:dollars|euros|pounds|USD|EUR|GBP)\b"
    ),
    # A size, a volume or a concentration with its unit: "≤4 cm", "2 × 6 mm", "a 1-cm rim", "16 mM",
    # "within 5 mm", "at least 2 L per day", "40,000–90,000/mm3", "1.5 × 10^9/L", "3.1 g/dL",
    # "six 12-oz. (350-mL) cups of water a day".
    "measure": re.compile(
        rf"{_BOUND}{_HEDGE}(?<![\d.,^]){_NUM}(?:(?:{_DASH}|\s+to\s+){_NUM})?(?:\s*[×x]\s*{_NUM})*"
        rf"(?:{_AMOUNT_UNIT}|(?:\s*|-)(?:mm|cm|[mµμnp]M|[mµμn]mol/L)(?![\w/])|{_VOLUME_UNIT}"
        r"(?:\s+(?:per|a|each)\s+day\b|/\s*d(?:ay)?\b)?)"
        rf"|{_HEDGE}(?<![\d.,])\b(?:(?i:{_COUNT_WORDS})|\d+)\s+(?:\d+-(?:oz|ounce)\.?\s+)?"
        r"(?:\(\d+-mL\)\s+)?(?:glasses|cups)(?:\s+of\s+[a-z]+)?(?:\s+(?:daily|a\s+day|per\s+day))?"
    ),
    "phase": re.compile(r"\b[Pp]hase\s+(?:I{1,3}|IV|1|2|3)(?:[ab]|/(?:I{1,3}|II))?\b"),
    # How often a dose is given, when no amount is stated: "2 to 3 times a week", "twice daily",
    # "every 3 weeks for up to six cycles".
    "schedule": re.compile(
        rf"{_HEDGE}\b(?:once|twice|(?:\d+(?:\s*(?:to|-|–)\s*\d+)?|two|three|four)\s+times)"
        r"\s+(?:a|per|each)\s+(?:day|week|month)\b"
        r"|\b(?:once\s+)?every\s+(?:\d+|other|two|three|four|six)\s+(?:days?|weeks?|months?)\b"
        r"(?:\s+for\s+(?:up to\s+)?(?:\d+|one|two|three|four|five|six|eight|twelve)\s+"
        r"(?:cycles?|doses?|weeks?|months?|years?)\b)?"
    ),
    "dose": re.compile(
        rf"\d+\s*Gy\*\(?[\d\-]+\)?\s*F"
        rf"|{_HEDGE}{_NUM}(?:(?:{_DASH}|\s+to\s+){_NUM})?\s*{_DOSE_UNIT}(?:\s+to\s+{_NUM}\s*{_DOSE_UNIT})?"
        rf"(?:\s*/\s*\d+\s*F\b)?{_SCHEDULE}"
    ),
}


# Markdown a reader never sees: link targets "](/path#id)", link brackets, emphasis stars.
_MARKUP = re.compile(r"\]\([^)\s]*\)|\[(?=[^\[\]]*\]\()|\*")


def mask_markup(text: str) -> str:
    """`text` with Markdown markup blanked out, same length, so that names and figures are
    found in what a reader sees while offsets stay those of the file."""
    return _MARKUP.sub(lambda m: " " * len(m.group()), text)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    endpoint: str | None = None


_CITATION = re.compile(r"\s*\((?:\d+(?:\s*[–‒-]\s*\d+)?(?:,\s*|、)?)+\)\s*$")
# The same in a Markdown summary: "[[13](#cit/section_1.13)]", "[[14](#cit/…)-[16](#cit/…)]".
_LINKED_CITATION = re.compile(r"\s*\[(?:\[\d+\]\(#cit/[^)\s]*\)(?:\s*[–‒,-]\s*)?)+\]\s*$")


# A link's target at the end of a span: "[Zeta therapy](/types/zeta#_12)" shows "Zeta therapy".
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)$")


def strip_markup_end(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a Markdown reference ("[[13](#cit/…)]") and a link's target from the end of a span,
    and the link's opening bracket when its target went; brackets of the text itself ("4.5
    (1–12)") and its full stop stay."""
    seg = text[start:end]
    closing = len(seg) - len(seg.rstrip(" .;,"))  # "ZQB [[13](#cit/…)].": the stop stays
    seg = seg[: len(seg) - closing]
    linked = trimmed = False
    while True:
        m = _LINKED_CITATION.search(seg) or _LINK_TARGET.search(seg)
        if m is None:
            break
        linked = linked or m.re is _LINK_TARGET
        trimmed = True
        seg = seg[: m.start()].rstrip()
    if not trimmed:
        return start, end
    lead = 1 if linked and seg.startswith("[") and "[" not in seg[1:] else 0
    return start + lead, start + len(seg)


def strip_citation(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim trailing reference numbers "(15–17, 73–75)", a link's target, a final period and
    spaces; and the link's opening bracket, when its target went."""
    seg = text[start:end]
    linked = False
    while True:
        m = _CITATION.search(seg) or _LINKED_CITATION.search(seg) or _LINK_TARGET.search(seg)
        linked = linked or (m is not None and m.re is _LINK_TARGET)
        new = seg[: m.start()] if m else seg
        new = new.rstrip(" .;,")
        if new == seg:
            break
        seg = new
    opening = " ,;"
    if linked and "[" not in seg.lstrip(" ,;["):
        opening += "["  # the bracket of the link whose target went, when it opens the span
    lead = len(seg) - len(seg.lstrip(opening))
    return start + lead, start + len(seg)


def value_at(text: str, span: Span) -> int:
    """Where a figure's own number starts: after a ratio's label ("Relative risk of death
    (95% CI): 0.68" → 0.68), else at the figure."""
    if span.kind == "hr":
        m = PATTERNS["hr"].match(mask_markup(text), span.start)
        if m is not None and m.group("value") is not None:
            return m.start("value")
    return span.start


def find(text: str, kind: str) -> list[Span]:
    """All spans of `kind` in `text`, each tagged with its endpoint."""
    return list(_found(text, kind))


@lru_cache(maxsize=1 << 14)
def _found(text: str, kind: str) -> tuple[Span, ...]:
    """`find`, remembered: the same sentences are searched for every question that reaches
    them."""
    pat = PATTERNS.get(kind)
    if pat is None:
        return ()
    out: list[Span] = []
    # "aged 17 years or younger": an age, not a time survived or waited.
    ages = [m.span() for m in PATTERNS["age"].finditer(text)] if kind == "duration" else []
    for m in pat.finditer(text):
        s, e = m.start(), m.end()
        if any(a <= s and e <= b for a, b in ages):
            continue
        while e > s and text[e - 1] in " ;,":
            e -= 1
        spread = _SPREAD.match(text, e)
        if spread is not None:
            e = spread.end()  # a mean with its spread is one figure: "0.84 +/- 0.03"
        mean = _MEAN_BEFORE.search(text, 0, s)
        if mean is not None:
            # "26.7 ± 11.9 months": the spread carries the unit of the mean before it.
            s = mean.start()
            if any(o.start == s for o in out):
                continue
        if kind in ("count", "year") and _in_citation(text, s):
            continue
        if (
            kind == "percent"
            and _RANGE.search(text, s, e)
            and _BARE_INTERVAL.search(text[max(0, s - 12) : s])
        ):
            continue  # "72% (51.3%–88.4%)": the bracketed range is the rate's interval
        if kind == "percent" and _OPENS_BRACKET.search(text, 0, s) and _OF.search(text, s, e):
            continue  # "41% from never-smokers (210 of 512; …)": the share's own counts
        if kind == "percent" and text.startswith((")", "]"), e):
            counted = count_before(text, s)
            if (
                counted is not None
                and _CLOSES[text[counted[1] : s].strip()] == text[e]
                and not YEAR.fullmatch(text, *counted)
            ):
                s, e = counted[0], e + 1  # "6 (9%)": a count and its share, one figure
        if kind == "age" and m.group("age") is not None:
            s = m.start("age")  # the age, not the words that say what it is the age at
        if kind == "count" and YEAR.fullmatch(text, s, e) and _DATING.search(text, 0, s):
            continue  # "from 2014 to 2020 for patients": a date, not a number of patients
        # A ratio's endpoint may be named inside its label ("Relative risk of death: 0.68").
        at = m.start("value") if "value" in pat.groupindex else s
        if kind == "hr" and _LABEL_THEN_VERB.search(text, s, at):
            s = at  # "The relative risk of zeta cancer was 32.8": the figure, not the clause
        out.append(Span(s, e, kind, endpoint_of(text, at)))
        while kind == "hr" and (listed := _LISTED_RATIO.match(text, e)) is not None:
            e = listed.end()
            out.append(Span(listed.start("value"), e, kind, out[-1].endpoint))
    if kind == "hr":
        # "The pooled estimate for the five studies was 0.57 (95% CI, 0.47–0.69)": a ratio named
        # in the sentence before, this one only an estimate with its interval.
        for m in _ESTIMATE_WITH_CI.finditer(text):
            if not any(o.start < m.end() and m.start("value") < o.end for o in out):
                at = m.start("value")
                out.append(Span(at, m.end(), kind, endpoint_of(text, at)))
        out.sort(key=lambda sp: sp.start)
    if kind == "percent":
        joined = joined_ranges(text, [(sp.start, sp.end) for sp in out])
        out = [Span(a, b, kind, out[first].endpoint) for a, b, first in joined]
    if kind == "measure":
        bounds = joined_bounds(text, [(sp.start, sp.end) for sp in out])
        out = [Span(a, b, kind, out[first].endpoint) for a, b, first in bounds]
    if kind == "age":
        for at, end in stated_ages(text):
            if not any(o.start <= at < o.end for o in out):
                out.append(Span(at, end, kind, endpoint_of(text, at)))
        out.sort(key=lambda sp: sp.start)
    return tuple(out)


# An estimate stated with its interval and no ratio's name: "the pooled estimate for … was 0.57
# (95% CI, 0.47–0.69)" (a decimal, not a share: "was 42% (95% CI …)" is a rate).
_ESTIMATE_WITH_CI = re.compile(
    rf"\b(?:pooled|summary|combined|overall|adjusted)\s+(?:[a-z]+\s+)?estimates?\b"
    rf"[^:;.\d()]{{0,80}}?\s(?:was|were|is|of)\s+(?P<value>\d*\.\d+)(?![\d.%])"
    rf"\s*\((?:{_SIGNED_CI})(?:\s*[;,]\s*(?:{_SIGNED_CI}|{_P}))*\)"
)
# A ratio's label that says what it is of and that a verb closes: "relative risk of zeta cancer
# was " ("HR was 0.73" keeps its short label).
_LABEL_THEN_VERB = re.compile(r"\s(?:of|for)\s[^:;.]*\s(?:was|were|is)\s*$")
# The bracket that closes each that opens a count's share: "6 (9%)", "6 [9%]".
_CLOSES = {"(": ")", "[": "]"}
# A rate and an opening bracket just before a figure: what the bracket holds is the rate's
# interval, written without its label ("72% (51.3%–88.4%)").
_BARE_INTERVAL = re.compile(r"\d\s*%\s*\(\s*$")
_RANGE = re.compile(r"\d\s*%?\s*(?:[–‒−-]|to)\s*\d")

# A figure's spread (a standard deviation or error): "± 8 years", "+/- 0.03", "± 3.1%".
_PLUS_MINUS = r"(?:±|\+\s?/\s?[-−])"
_SPREAD = re.compile(
    rf"\s*{_PLUS_MINUS}\s*\d+(?:\.\d+)?"
    r"(?:\s*%|\s+(?:years?|months?|weeks?|days?|hours?)\b|\s*(?:mg|kg|cm|mm|ml|mL)\b)?"
)
_MEAN_BEFORE = re.compile(rf"\d+(?:\.\d+)?\s*%?\s*{_PLUS_MINUS}\s*$")
# What precedes a year: "in", "from … to", "since", "between … and", a dash of a year range.
_DATING = re.compile(
    r"(?:\b(?:in|from|to|since|between|and|by|during|until|through|before|after)\s+|"
    r"(?:19|20)\d{2}\s*[-–])$",
    re.I,
)


def _in_citation(text: str, pos: int) -> bool:
    """Whether `pos` sits inside a reference list like "(15–17, 73–75)"."""
    open_ = text.rfind("(", 0, pos)
    close = text.find(")", pos)
    if open_ < 0 or close < 0 or text.rfind(")", 0, pos) > open_:
        return False
    return re.fullmatch(r"[\d\s,–\-、]+", text[open_ + 1 : close]) is not None
