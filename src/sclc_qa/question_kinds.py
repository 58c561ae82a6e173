"""The kinds of answer a question can ask (`Kind`), the words that ask each (`KIND_RULES`, tried
in order, the first match wins), and the endpoints with the groups of them that decide a kind.

Its own module because these are the vocabulary of question analysis, not its logic: `question`
classifies a question with them, and `question_figures` reads the same rules to find the figure a
question compares or asks beside its main one.
"""

from __future__ import annotations

import re
from typing import Literal

from .domain import domain
from .question_measures import GAIN_WORDS, MEASURE_ASKED, STUDY_SIZE

__all__ = [
    "ENDPOINTS",
    "EVENT_FREE",
    "FIGURES",
    "FIGURE_KINDS",
    "HAZARD_RATIO",
    "HOW_OFTEN_SHOULD",
    "KIND_RULES",
    "LIMITS",
    "MEDIAN",
    "PART_JOINER",
    "RATE_ENDPOINTS",
    "STUDY_SIZE",
    "TIME_TO_EVENT",
    "Kind",
    "uncontracted",
    "unwrapped",
]

# A request that wraps a question ("Could you explain how …?", "Please tell me why …", "I'd like
# to know which …"): what it asks is the question inside, which opens with its wh-word.
_REQUEST = re.compile(
    r"^\s*(?:please,?\s+)?"
    r"(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?|do\s+you\s+know\s+|"
    r"i(?:'d|\s+would)\s+like\s+to\s+know\s+|i\s+(?:want|need)\s+to\s+know\s+)?"
    r"(?:explain|describe|tell\s+(?:me|us)|clarify|outline|show\s+(?:me|us))?\s*"
    r"(?=(?:how|why|what|which|who|when|where)\b)",
    re.I,
)


# Contractions a question is typed with, spelled out so that one grammar reads both ("What's the
# risk …?" as "What is the risk …?"); a possessive ("Zeta's") is no contraction.
_CONTRACTIONS = {
    "what's": "what is",
    "how's": "how is",
    "who's": "who is",
    "where's": "where is",
    "when's": "when is",
    "which's": "which is",
    "that's": "that is",
    "it's": "it is",
    "there's": "there is",
    "isn't": "is not",
    "aren't": "are not",
    "wasn't": "was not",
    "weren't": "were not",
    "doesn't": "does not",
    "don't": "do not",
    "didn't": "did not",
    "hasn't": "has not",
    "haven't": "have not",
    "hadn't": "had not",
    "can't": "cannot",
    "won't": "will not",
    "shouldn't": "should not",
    "wouldn't": "would not",
    "couldn't": "could not",
}
_CONTRACTION = re.compile(
    r"\b(" + "|".join(re.escape(c).replace("'", "['’]") for c in _CONTRACTIONS) + r")\b", re.I
)


# A marker's "+" shorthand after a name that ends in a letter: "ZPV+ women" are ZPV-positive
# ("CIN2+" and "7+" are grades and counts "or more", left as they are).
_POSITIVE = re.compile(r"(?<![\w+-])([A-Za-z][\w-]*[A-Za-z])\+(?![\w+])")


def uncontracted(question: str) -> str:
    """`question` with its contractions and "+" shorthand spelled out, in the case they were
    typed in."""

    def full(m: re.Match[str]) -> str:
        word = _CONTRACTIONS[m.group(1).lower().replace("’", "'")]
        return word[0].upper() + word[1:] if m.group(1)[0].isupper() else word

    return _POSITIVE.sub(r"\1-positive", _CONTRACTION.sub(full, question))


def unwrapped(question: str) -> str:
    """The question a request wraps: "Can you explain how X works?" → "how X works?"."""
    return _REQUEST.sub("", question, count=1)


Kind = Literal[
    "glossary",
    "ci",
    "pvalue",
    "hr",
    "difference",
    "duration",
    "percent",
    "year",
    "count",
    "phase",
    "status",
    "dose",
    "age",
    "cost",
    "measure",
    "entity",
    "mechanism",
    "yesno",
    "definition",
    "fact",
]

# A question about what limits something asks a reason, as "why is X not used?" does.
LIMITS = (
    r"\bwhat(?:'s|’s| is| are| was| were) (?:holding (?:\w+ )?back|limiting|hindering|hampering|"
    r"preventing|restricting|keeping)\b|"
    # The same verbs in the simple tenses: "what holds X back", "what kept X from Y", "what
    # limits X" (not "what limited-stage …"); holding and keeping only back or from something.
    # An adverb of focus may come first: "what mainly holds X back".
    r"\bwhat (?:(?:mainly|mostly|primarily|chiefly|largely|principally|predominantly|usually|"
    r"often|typically|generally|commonly) )?"
    r"(?:(?:holds?|held|keeps?|kept|prevents?|prevented|stops?|stopped)\b"
    r"[^?]*?\b(?:back|from)|(?:limits|limited|hinders|hindered|hampers|hampered|restricts|"
    r"restricted|impedes|impeded))\b(?!-)|"
    r"\b(?:obstacles?|barriers?|hurdles?|limitations?|drawbacks?|bottlenecks?) (?:to|of|for|in)\b"
)

# Endpoint → pattern that names it, in questions and in the text alike (data/domain.json).
ENDPOINTS: dict[str, re.Pattern[str]] = domain().endpoint_patterns()

# Endpoints counted until an event (progression, recurrence, any event) or death.
EVENT_FREE = frozenset({"pfs", "dfs", "efs", "rfs"})
# Endpoints reported as a median time (or as a rate at a time point).
TIME_TO_EVENT = EVENT_FREE | {"os", "dor"}
# Endpoints reported as a share of patients, not as a time (a test's accuracy among them).
RATE_ENDPOINTS = frozenset(
    {"orr", "cr", "dcr", "tox", "pcr", "mpr", "lc", "sens", "spec", "ppv", "npv", "inc", "rec"}
)

# Kinds that are figures (a hazard ratio with its CI and P value, a time, a rate).
FIGURES = frozenset({"hr", "ci", "pvalue", "duration", "percent"})
# Kinds answered by a figure that a grammar of its own finds (spans.py), a year aside: several
# of them in one question ("what dose, and for how long?") are each found beside the main one
# (question.Profile.also), and the answer step answers none of them without one (with the year,
# `answering.kinds.TYPED`).
FIGURE_KINDS = FIGURES | {"difference", "count", "dose", "age", "cost", "measure"}
# Words that name a hazard ratio, a median, and that join the parts of a question asking several.
# A ratio reported with its CI (odds, risk, rate, incidence, mortality; a "relative risk reduction"
# is a share) or an effect size is answered as a hazard ratio is. Capitals only: "OR" is not "or".
HAZARD_RATIO = re.compile(
    r"(?:hazard|odds|risk|rate|incidence|mortality) ratio|relative (?:risk|rate)(?!\s+reduction)|"
    r"effect sizes?|standardi[sz]ed mean differences?|\bcohen'?s d\b|\bhedges'? g\b|"
    r"(?-i:\b(?:HR|OR|RR|IRR|SIR|SMR|SMD)s?\b)",
    re.I,
)
MEDIAN = re.compile(r"\bmedians?\b|\bm(?:os|pfs)\b", re.I)
# "How often (and for how long) should X be done?": the time between two.
HOW_OFTEN_SHOULD = re.compile(
    r"\bhow (?:often|frequently)\s+(?:and\s+(?:for\s+)?how\s+long\s+)?(?:should|must|ought)\b|"
    # "How often is imaging done after surgery?": a procedure's interval, not a share.
    r"\bhow (?:often|frequently)\s+(?:is|are)\s+[^?]{1,60}?\b(?:done|performed|repeated|"
    r"scheduled|obtained|recommended|carried out)\b",
    re.I,
)
# "How soon after the first dose …?", "how long after surgery …?": a time, whatever it follows.
_HOW_SOON = re.compile(r"\bhow (?:soon|long (?:after|before))\b", re.I)
# The base a rate is given per: "per million", "per 100,000", "per 1000 women".
PER_BASE = re.compile(
    r"\bper\s+(?:\d{1,3}(?:,\d{3})+|10{2,6}|(?:(?:one|a)\s+)?(?:million|thousand|billion))\b",
    re.I,
)
# The words by which a question asks what a short form stands for: "What does X stand for?",
# "What is X, spelled out?", "Spelled out, what is X?" (not "what is spelled out in …").
EXPANSION_WORDS = (
    r"stands? for|abbreviat|acronym|short for|full (?:name|form)|"
    r",\s*spel(?:led|t) out\s*\?\s*$|^\s*spel(?:led|t) out\s*,"
)
PART_JOINER = re.compile(r"\band\b|,|\bwith\b|\bplus\b|&", re.I)

# What an organisation does somewhere: a where-question about it asks a place (a country, a city).
_HELD_EVENT = (
    r"(?:run|conducted|approved|performed|launched|carried out|done|held|based|located|"
    r"situated|registered|started|initiated|sponsored)"
)

KIND_RULES: list[tuple[Kind, re.Pattern[str]]] = [
    (
        "glossary",
        re.compile(
            EXPANSION_WORDS + "|"
            # "Expand X", "what does X expand to?", "X's expansion" (not an expansion study).
            r"^\s*expand\b|\bexpand(?:s|ed)?\s+(?:to|into)\b|"
            r"\bexpansions?\s+(?:of|for)\s+(?:the\s+)?(?-i:[A-Z][A-Z0-9-]+)\b|"
            r"\b(?:two|both|its|the)\s+expansions\b|"
            r"\bmeaning\b|"
            r"what does (the )?(term )?\S+ (mean|refer to|denote)|"
            # "What is X?", after any setting phrase ("In zeta staging, what is Tis (…)?").
            r"^\s*(?:(?:in|for|under|according to)\b[^,?]{1,80},\s*)?"
            r"what (?:exactly )?(is|are) (an? )?\S+(?:\s+\([^()]*\))?\s*\?\s*$|"
            # An abbreviation asked on its own ("zx-EJ?", "ZQG = ?"): what it stands for.
            r"^\s*(?-i:\w[\w/:-]*[A-Z][\w/:-]*)\s*(?:=\s*)?\?\s*$",
            re.I,
        ),
    ),
    # "How did X define Y?", "what counted as Y?", "what cutoff …": how the text
    # delimits a term, stated where it is defined.
    (
        "definition",
        re.compile(
            r"\bdefin(?:e|ed|es|ing|ition)\b|\bcount(?:ed|s)?\s+as\b|\bcut-?offs?\b|"
            # "Zetal cancer stage IVb = ?", "what is stage IIA zetal cancer?": what a term or a
            # stage is, as its entry says.
            r"^[^=?]{1,60}=\s*\?\s*$|"
            # "What is Z2b in the zeta TNM staging?": a term's entry in a scheme it names after.
            r"^\s*what (?:is|are) (?:an? )?(?:stage\s+)?\S+ (?:in|under|according to) "
            r"(?:the |this )?[^?]{0,60}?"
            r"\b(?:staging|stage groupings?|system|classification|criteria|scale|score|grading)"
            r"\s*\?\s*$|"
            r"^\s*what (?:is|are) (?:an? )?stage\s+[0IV]+[A-Ca-c]?\d?"
            r"(?:\s+(?-i:(?![a-z]+ed\b|with\b|by\b|for\b|in\b|of\b|on\b)[a-z-]+)){0,3}\s*\?\s*$|"
            r"\bthresholds?\b|\bqualif(?:y|ies|ied)\s+as\b|\bwhat (?:is|was|are|were) meant by\b|"
            # "What does a ZI-RADS 0 result on my scan mean?": what the text says it is.
            r"\bwhat does (?:the |an? )?(?:\S+\s+){1,5}?\S+ (?:mean|refer to|denote|signify)\b|"
            # "What characterizes X?", "what distinguishes X?": what the text delimits X by.
            r"\bcharacteri[sz](?:e|es|ed|ing)\b|\bwhat (?:distinguishes|sets apart)\b|"
            # "What kind of molecule is X?": what X is, as the text describes it (not "what type
            # of radiotherapy is tested in X?", which asks a name of a class).
            r"\bwhat (?:kind|type|sort|class) of (?:\S+\s+){1,3}(?:is|are|was|were)\s+"
            r"(?!\S+ed\b)[^?]{1,40}\?\s*$",
            re.I,
        ),
    ),
    ("duration", _HOW_SOON),
    ("ci", re.compile(r"confidence interval|\b(95|90)\s*% CI\b|\bCI\b", re.I)),
    ("pvalue", re.compile(r"\bp[\s-]?values?\b|\bP\s*[=<>]|significance level", re.I)),
    (
        "hr",
        re.compile(
            HAZARD_RATIO.pattern + r"|risk of (death|progression)|"
            # "How much does X raise (5-year) mortality?": by what ratio, as a risk of death.
            r"\bhow much (?:does|did|do|would|could|can|will)\b[^?]{0,60}?\b(?:lower|reduce|cut|"
            r"raise|increase|decrease|worsen)\w*\s+(?:the\s+)?(?:[\w-]+\s+)?(?:mortality|death)\b",
            re.I,
        ),
    ),
    (
        "difference",
        re.compile(
            r"how (much|many months|many times) (longer|more|extra|shorter|higher|lower|greater|"
            r"larger|bigger|smaller)|by how (much|many)|"
            r"how many (?:more|extra|additional) (?:months|years|weeks|days)\b|"
            # Any comparative: "how much tighter / stronger / faster".
            r"how much (?!(?:cancer|number|other|over|under|after|never|ever|water|power)\b)"
            r"[a-z]{3,}er\b|"
            r"how (much|many months) did .* (extend|prolong|improve|add)|absolute (gain|benefit)|"
            r"\b(gain|extension|improvement) in (median )?(os|pfs|overall|survival)|"
            r"\b(os|pfs|survival) (gain|benefit|extension|improvement)|"
            # "How large was the benefit?", "how large a gain?" (not "how large were the
            # trials?", their sizes, nor "how large are nodules?", a size).
            r"how (?:large|big)(?=\s+(?:an?\s+|(?:was|were|is|are|can|could|will|would|might|has|"
            r"have|had)\s+(?:the\s+|its\s+|their\s+)?)(?:[\w-]+\s+){0,3}?" + GAIN_WORDS + r")|"
            r"\bwhat\s+(?:is\s+|was\s+)?(?:the\s+)?size\s+of\s+(?:the\s+|its\s+|their\s+|an?\s+)?"
            r"(?:[\w-]+\s+){0,2}?" + GAIN_WORDS + r"|\bwhat\s+size\s+of\s+(?:an?\s+)?effect\b|"
            r"\badd(?:ed|s)? (?:more|most|less|least)\b|"
            # "How much does smoking raise the risk?": by what multiple or share.
            r"\bhow much (?:does|did|do|would|will|can|could) [^?]*\b(?:raises?|increases?|"
            r"elevates?|multipl(?:y|ies)|boosts?|raised|increased)\b[^?]*\b(?:risk|odds|chance)|"
            # … or in the passive: "how much was the risk of zeta cancer increased?"
            r"\bhow much (?:was|were|is|are|has|have|had) (?:the |their |its )?(?:\w+ )?"
            r"(?:risk|odds|chance)\b[^?]*\b(?:raised|increased|elevated|multiplied|boosted|"
            r"reduced|lowered|decreased|cut)\b|"
            # "How fast has incidence been rising?": the rate of change ("by 2.5% per year").
            r"\bhow (?:fast|quickly|rapidly|steeply)\b[^?]*\b(?:ris|increas|grow|climb|fall|fell|"
            r"declin|decreas|drop)",
            re.I,
        ),
    ),
    # A size, a volume or a concentration (question_measures.MEASURE_ASKED).
    ("measure", MEASURE_ASKED),
    # "What does X cost?", "how expensive is X?": an amount of money ("less than $300"), never
    # a share or a count ("N times as expensive" is a difference, above).
    (
        "cost",
        re.compile(
            r"\bcost(?:s|ed|ing)?\b(?![\s-]+(?:effective|effectiveness|utility|benefit))"
            # "Which costs more lung function?": a loss, not money ("cost more than B?" is).
            r"(?!\s+(?:more|less|the\s+most|the\s+least)\s+(?!money\b|than\b|to\b)[a-z])|"
            r"\bprices?d?\b|\bhow expensive\b|\bhow much (?:money|do|does|did|would|will)\b"
            r"[^?]*\b(?:pay|spend|charge)\b",
            re.I,
        ),
    ),
    # "How often is X given?": its schedule, which a dose is stated with, the schedule's other
    # part perhaps asked beside it ("how often and for how many cycles was X given?": not a
    # count of cycles alone).
    (
        "dose",
        re.compile(
            r"\bhow (?:often|frequently)\s+(?:and\s+[^?]{1,30}?\s+)?(?:is|are|was|were)\b"
            r"[^?]{0,40}?\b(?:given|administered|infused|injected|dosed|taken)\b",
            re.I,
        ),
    ),
    # "How many X …" counts X (before the words a rate or dose question uses: "how many
    # calories does a fraction burn"), unless X is a time unit, which asks a duration.
    (
        "count",
        re.compile(
            r"\bhow many\b(?!\s+(?:[a-z]+\s+)?(?:months?|years?|weeks?|days?)\b)|"
            # "How large (big) were the trials?": how many they enrolled.
            rf"{STUDY_SIZE.pattern}|"
            # Not a trial's registration number ("the NCT number of", "ClinicalTrials.gov
            # number of"): an identifier, not a count.
            r"(?<!\bregistration )(?<!\bregistry )(?<!\bNCT )(?<!\.gov )(?<!\bidentification )"
            r"\bnumbers? of\b|"
            # "The number needed to invite (treat, screen) to prevent one death", "the NNT".
            r"\bnumbers?\s+needed\s+to\s+(?:treat|screen|invite|harm)\b|\bNN[TSIH]\b",
            re.I,
        ),
    ),
    (
        "dose",
        # Not a dose the question states as a condition ("with 20 Gy x 3", "low-dose RT",
        # "after one dose", "after two doses").
        re.compile(
            r"(?<!-)(?<!\blow )(?<!\bhigh )(?<!\bone )(?<!\bsingle )(?<!\btwo )(?<!\bthree )"
            r"\bdos(?:e|es|ed|ing)\b(?!-)|fractionation|"
            r"(?<![\d\s])\s*\b(?:Gy|mSv)\b|"
            # "How much radiation does a scan deliver?": a dose of radiation.
            r"\bhow much (?:ionizing |ionising )?radiation\b|"
            # "At what concentrations …?", "what IC50 …?": an amount per volume, a dose's figure.
            r"\bwhat\s+(?:[a-z]+\s+)?concentrations?\b|\b(?:IC|EC|ED|LD|TD)\d{2}\b|"
            # "How much zentamab per cycle?", "how much zentamab was given?": an amount of a drug.
            r"\bhow much\s+(?!(?:time|money|weight|more|less|longer|effort|care)\b)[a-z][\w-]*\s+"
            r"(?:per\s+(?:cycle|dose|day|week|infusion|fraction)\b|"
            r"(?:is|was|were|are|should be)\s+(?:given|administered|infused|injected|taken|"
            r"prescribed)\b)",
            re.I,
        ),
    ),
    # "How often should X be done / should people be screened?": how long between two, not a
    # share of patients ("how often does X occur?").
    ("duration", HOW_OFTEN_SHOULD),
    (
        "percent",
        re.compile(
            r"\bhow (?:often|common|frequent(?:ly)?|prevalent|rare|widespread)\b|how much of|"
            # "How curable is X?": in what share of patients it is cured.
            r"\bhow (?:curable|treatable|preventable)\b|"
            r"percent|percentage|proportion|\bfraction\b|"
            # "What portion of recurrences …": a share of many (not "which portion of the gland").
            r"\b(?:what|which)\s+portion\s+of\s+(?:the\s+|all\s+)?[a-z-]{2,}[^su\s']s\b"
            r"(?!['’]|\s+(?:do|does|did)\b)|"
            r"frequency|"
            r"\bshare\b|\brates?\b|\bORR\b|\bDCR\b|response rate|\bwhat %|probabilit|"
            # A vaccine's or a screening's efficacy is the share of cases it prevents.
            r"\b(?:vaccine|screening)\s+(?:efficacy|effectiveness)\b|"
            # A test's accuracy is a share of those tested: its sensitivity, its specificity,
            # its predictive values.
            r"\bsensitivit(?:y|ies)\b|\bspecificit(?:y|ies)\b|\bpredictive values?\b|"
            r"\bhow (?:sensitive|specific)\b|"
            r"(?-i:\b[PN]PVs?\b)|"
            # "What is the annual risk of …", "how likely": a share of patients (not a risk
            # factor or group, and not the relative risk a hazard ratio states).
            r"\bhow likely\b|\b(?:what|how high)\s+(?:is|was|are|were)\s+(?:the\s+|an?\s+)?"
            r"(?:[\w-]+\s+){0,2}(?:risks?|chances?|likelihood|incidence|prevalence)\b"
            r"(?!\s+(?:factors?|groups?|categor\w*|scores?|models?|assessments?)\b)|"
            # A survival or relapse figure at a time point is a rate: "2-year DFS", "OS at 24
            # months" (but not an age, nor a follow-up time).
            r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)[- ]?(?:year|yr|month)s?\b"
            r"(?![- ]?(?:old|follow)|\s+of\s+follow)|"
            r"\b(?:at|after)\s+\d+\s*(?:years?|months?)\b(?!\s+(?:of\s+)?follow)|"
            # … and at a number of weeks ("… compare with usual care at 6 weeks?"; not "after 6
            # weeks of zentamab", "at 6 weeks after surgery").
            r"\bat\s+\d+\s*weeks?\b(?!\s+(?:of|after|post)\b)|"
            # … as is an endpoint at a number of weeks, written as a time point ("the 12-week
            # PFS", "12-week disease control"; not a 12-week course or study).
            r"\b\d+-week\s+(?:(?-i:PFS|OS|EFS|DFS|RFS|ORR|DCR)\b|[a-z-]*survival\b|"
            r"(?:disease|local)\s+control\b|(?:objective\s+)?response\s+rate)(?!\s+follow)",
            re.I,
        ),
    ),
    # "At what age …?", "how old …?", "what age range …?", "what is the usual age …?": an age,
    # stated as one ("from age 50", "aged 50 to 74 years", "65 years or older").
    (
        "age",
        re.compile(
            r"\bwhat\s+ages?\b(?!\s+(?:groups?\s+)?(?:had|has|have|showed|was|were)\b)|"
            r"\bhow\s+old\b|\bage\s+(?:range|limit|bracket)s?\b|"
            # "What is the typical age at which …?", "what's the median age?": the age itself,
            # not a group or a share by age.
            r"(?:\bwhat(?:'s|’s|\s+(?:is|was|are|were))\s+(?:the\s+|an?\s+)?"
            r"(?:(?:typical|usual|median|mean|average|peak|most\s+common|commonest)\s+)?"
            # … or, asked tersely in its first words, with no question word before it, the
            # median or usual age itself ("Zentoma median age at diagnosis?"; not "How did
            # PFS differ above the median age?").
            r"|^\W*(?:(?!(?:what|which|how|who|when|where|why)\b)[\w+/-]+[:,]?\s+){0,4}"
            r"(?:typical|usual|median|mean|average|peak)\s+)"
            r"ages?\b(?![\w-]|\s+(?:groups?|distributions?|categor\w*|brackets?|strata|"
            r"criteri\w*|limits?|cut-?offs?)\b|\s+(?:of|was|were|is)\s+(?:about\s+)?\d)",
            re.I,
        ),
    ),
    (
        "duration",
        re.compile(
            r"how long|\bmedians?\b|\bm(os|pfs)\b|\bmonths?\b|half[\s-]?life|\bduration\b|"
            r"survival time",
            re.I,
        ),
    ),
    # "When was X approved?" asks a date; "when is / should / might X be considered?" asks
    # the conditions, stated as a statement or a list.
    (
        "year",
        re.compile(
            r"\b(what|which) year\b|^\s*when\s+(?:was|were|did)\b|\bin what year\b|"
            # "On what date was X approved?": a date, whose year a text gives at least.
            r"\bsince when\b|\b(?:on|by) (?:what|which) date\b",
            re.I,
        ),
    ),
    ("phase", re.compile(r"\b(what|which) phase\b|\bphase\?|\bphase (is|was|of)\b", re.I)),
    # A trial's status, not a patient's ("performance status", "smoking status").
    (
        "status",
        re.compile(
            r"(?<!performance )(?<!smoking )(?<!mutation )(?<!mutational )(?<!receptor )"
            r"(?<!nodal )(?<!marker )\bstatus\b|\brecruiting\b|still (open|ongoing)",
            re.I,
        ),
    ),
    (
        "mechanism",
        re.compile(
            # "How …?", and "Apart from X, how …?": the question's own clause opens with it.
            r"(?:^|[,;:]\s)\s*(how(?!\s+(?:much|many|long|often|common|large)\b)|why)\b|"
            r"\bmechanism|\bby what means\b|\brole of\b|"
            r"\bwhat (causes|drives|leads to|underlies|explains)\b|\b(cause|reason)s? (of|for)\b|"
            # "What is holding back X?", "the main obstacle to X": what limits it, a reason.
            + LIMITS,
            re.I,
        ),
    ),
    ("entity", re.compile(r"^\s*who\b", re.I)),
    # "Where was the trial run?" asks a place; "where does X act / bind?" asks where in a body,
    # and "where, when and for what …?" asks more than a place.
    (
        "entity",
        re.compile(
            # The question's own clause may open after a scene it sets ("In trial X, where …").
            r"(?:^|[,;:]\s)\s*where\b(?!.*\b(?:when|what|which|how|who)\b)"
            r"(?=.*\b" + _HELD_EVENT + r"\b)",
            re.I,
        ),
    ),
]
