"""What a question asks for: the kind of answer, the endpoint, and the names it depends on.

General rules for clinical-trial prose, nothing specific to one review: "HR for OS in X?" asks a
hazard ratio about overall survival in trial X; "What does LDRT stand for?" asks an expansion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from .domain import domain
from .mentions import clean, named_tokens, time_points

__all__ = ["ENDPOINTS", "LIMITS", "TIME_TO_EVENT", "Kind", "Profile", "profile"]

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
    r"\b(?:obstacles?|barriers?|hurdles?|limitations?|drawbacks?|bottlenecks?) (?:to|of|for|in)\b"
)

# Endpoint → pattern that names it, in questions and in the text alike (data/domain.json).
ENDPOINTS: dict[str, re.Pattern[str]] = domain().endpoint_patterns()

# The auxiliary that opens a yes/no question, after any setting phrase before a comma ("In stage
# III disease, does …?", "After surgery, should …?"); not "When X is Y, what …?".
_YES_NO = re.compile(
    r"\s*(?:(?:in|for|among|after|before|with|without|per|according to|at|on|during|once|"
    r"beyond)\b[^,?]{1,80},\s*)?"
    r"(is|are|was|were|does|do|did|should|can|could|has|have|had|will|would|may|might)\b",
    re.I,
)
_MEDIAN = re.compile(r"\bmedian\b|\bm(?:os|pfs)\b", re.I)
_RATE = re.compile(
    r"\brates?\b|%|percent|proportion|how often|how common|\bORR\b|\bDCR\b|response", re.I
)
# Endpoints counted until an event (progression, recurrence, any event) or death.
_EVENT_FREE = frozenset({"pfs", "dfs", "efs", "rfs"})
# Endpoints reported as a median time (or as a rate at a time point).
TIME_TO_EVENT = _EVENT_FREE | {"os", "dor"}
# Endpoints reported as a share of patients, not as a time.
_RATE_ENDPOINTS = frozenset({"orr", "dcr", "tox", "pcr", "mpr"})
_RATE_NOUN = re.compile(r"mortality|incidence|risk|rate|frequency|proportion", re.I)

# What an organisation does somewhere: a where-question about it asks a place (a country, a city).
_HELD_EVENT = (
    r"(?:run|conducted|approved|performed|launched|carried out|done|held|based|registered|"
    r"started|initiated|sponsored)"
)

_KIND_RULES: list[tuple[Kind, re.Pattern[str]]] = [
    (
        "glossary",
        re.compile(
            r"stands? for|abbreviat|acronym|short for|\bexpan(d|sion)\b|full (name|form)|"
            r"\bmeaning\b|"
            r"what does (the )?(term )?\S+ (mean|refer to|denote)|"
            r"^\s*what (?:exactly )?(is|are) (an? )?\S+(?:\s+\([^()]*\))?\s*\?\s*$",
            re.I,
        ),
    ),
    # "How did X define Y?", "what counted as Y?", "what cutoff …": how the text
    # delimits a term, stated where it is defined.
    (
        "definition",
        re.compile(
            r"\bdefin(?:e|ed|es|ing|ition)\b|\bcount(?:ed|s)?\s+as\b|\bcut-?offs?\b|"
            r"\bthresholds?\b|\bqualif(?:y|ies|ied)\s+as\b|\bwhat (?:is|was|are|were) meant by\b|"
            # "What characterizes X?", "what distinguishes X?": what the text delimits X by.
            r"\bcharacteri[sz](?:e|es|ed|ing)\b|\bwhat (?:distinguishes|sets apart)\b|"
            # "What kind of molecule is X?": what X is, as the text describes it (not "what type
            # of radiotherapy is tested in X?", which asks a name of a class).
            r"\bwhat (?:kind|type|sort|class) of (?:\S+\s+){1,3}(?:is|are|was|were)\s+"
            r"(?!\S+ed\b)[^?]{1,40}\?\s*$",
            re.I,
        ),
    ),
    ("ci", re.compile(r"confidence interval|\b(95|90)\s*% CI\b|\bCI\b", re.I)),
    ("pvalue", re.compile(r"\bp[\s-]?values?\b|\bP\s*[=<>]|significance level", re.I)),
    ("hr", re.compile(r"hazard ratio|\bHRs?\b|risk of (death|progression)", re.I)),
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
            r"\b(os|pfs|survival) (gain|benefit|extension|improvement)|how large|"
            r"\badd(?:ed|s)? (?:more|most|less|least)\b",
            re.I,
        ),
    ),
    # "How many X …" counts X (before the words a rate or dose question uses: "how many
    # calories does a fraction burn"), unless X is a time unit, which asks a duration.
    (
        "count",
        re.compile(
            r"\bhow many\b(?!\s+(?:[a-z]+\s+)?(?:months?|years?|weeks?|days?)\b)|\bnumber of\b",
            re.I,
        ),
    ),
    (
        "dose",
        # Not a dose the question states as a condition ("with 20 Gy x 3", "low-dose RT").
        re.compile(
            r"(?<!-)(?<!\blow )(?<!\bhigh )\bdos(?:e|es|ed|ing)\b(?!-)|fractionation|"
            r"(?<![\d\s])\s*\bGy\b",
            re.I,
        ),
    ),
    (
        "percent",
        re.compile(
            r"\bhow (?:often|common|frequent(?:ly)?|prevalent|rare|widespread)\b|how much of|"
            r"percent|percentage|proportion|\bfraction\b|"
            r"frequency|"
            r"\bshare\b|\brates?\b|\bORR\b|\bDCR\b|response rate|\bwhat %|probabilit|"
            # "What is the annual risk of …", "how likely": a share of patients (not a risk
            # factor or group, and not the relative risk a hazard ratio states).
            r"\bhow likely\b|\b(?:what|how high)\s+(?:is|was|are|were)\s+(?:the\s+|an?\s+)?"
            r"(?:[\w-]+\s+){0,2}(?:risks?|chances?|likelihood|incidence|prevalence)\b"
            r"(?!\s+(?:factors?|groups?|categor\w*|scores?|models?|assessments?)\b)|"
            # A survival or relapse figure at a time point is a rate: "2-year DFS", "OS at 24
            # months" (but not an age, nor a follow-up time).
            r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)[- ]?(?:year|yr|month)s?\b"
            r"(?![- ]?(?:old|follow)|\s+of\s+follow)|"
            r"\b(?:at|after)\s+\d+\s*(?:years?|months?)\b(?!\s+(?:of\s+)?follow)",
            re.I,
        ),
    ),
    (
        "duration",
        re.compile(
            r"how long|\bmedian\b|\bm(os|pfs)\b|\bmonths?\b|half[\s-]?life|\bduration\b|"
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
            r"\bsince when\b",
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
            r"^\s*where\b(?!.*\b(?:when|what|which|how|who)\b)(?=.*\b" + _HELD_EVENT + r"\b)",
            re.I,
        ),
    ),
]


@dataclass(frozen=True)
class Profile:
    """A parsed question."""

    text: str
    kind: Kind
    endpoints: frozenset[str]
    names: tuple[str, ...] = field(default=())  # specific names as written: trials, drugs, genes
    plural: bool = False
    target: str = ""  # for entity questions: what kind of thing is asked (drug, trial, …)
    asked_about: str = ""  # "which PD-1 inhibitor …": words that describe the answer itself
    time_points: frozenset[int] = frozenset()  # in months: "2-year OS" → {24}
    also: frozenset[str] = frozenset()  # other figure kinds asked beside `kind` ("OS and HR")
    # "Which trial had the lower HR?": the figure compared ("hr") and which end wins ("low").
    measure: Kind | None = None
    prefer: str = ""


@lru_cache(maxsize=4096)
def profile(question: str) -> Profile:
    """Classify `question` (remembered: a Profile is immutable, and questions recur)."""
    text = clean(question)
    kind: Kind = "fact"
    for candidate, pattern in _KIND_RULES:
        if pattern.search(text):
            kind = candidate
            break
    if kind in ("percent", "duration") and _HR.search(text):
        kind = "hr"
    if kind in ("ci", "pvalue") and _PARTS.search(text):
        # "HR with CI and P", "how common …, with the CI?": the figure, reported with both.
        kind = "hr" if _HR.search(text) else _reported_with_interval(text) or kind
    if (
        _YES_NO.match(text)
        and kind != "glossary"
        and not re.search(r"\bor\b", text, re.I)
        and not re.search(r"\?\s*\w", text)  # "Was A as good as B? Give the HR.": the figure
    ):
        kind = "yesno"  # "Is there a benefit to …?": a statement that settles it, not a figure
    if kind == "percent" and _MEDIAN.search(text) and not _RATE.search(text):
        kind = "duration"  # "median OS at 3 years of follow-up" asks a time, not a rate
    endpoints = frozenset(name for name, pat in ENDPOINTS.items() if pat.search(text))
    phrase = _which_phrase(text)
    called = re.search(
        r"(?:the\s+)?((?:[\w/+-]+\s+){0,3}?[\w/+-]+)\s+(?:called|named|known as)\b", text, re.I
    )
    if not phrase and called:
        phrase = called.group(1)  # "What was the phase II Rova-T study called?"
    head = phrase.split()[-1].lower() if phrase else ""
    named_endpoint = next((e for e, p in ENDPOINTS.items() if phrase and p.search(phrase)), None)
    several = len(head) > 3 and head.endswith("s") and not head.endswith(("ss", "us", "is"))
    if named_endpoint is not None and not several:
        # "What objective response did X report?": the endpoint's figure, not a name ("which
        # adverse events …" asks for the events themselves).
        if kind not in _FIGURES | {"glossary", "count", "difference", "definition"}:
            rate = named_endpoint in _RATE_ENDPOINTS or _RATE_NOUN.search(phrase) is not None
            kind = "percent" if rate else "duration"
    elif (
        phrase
        and kind not in ("glossary", "entity", "definition")
        and not _MEASURE_NOUN.match(head)
    ):
        kind = "entity"  # "Which antibody was the first to show a benefit?"
    elif (
        kind == "definition"
        and re.match(r"\s*which\b", text, re.I)
        and head
        and not _MEASURE_NOUN.match(head)
        and not _DEFINING_NOUN.match(head)
    ):
        # "Which assay was used to define the population?" asks a name of a class; "which
        # cutoff defined positivity?" still asks how the text delimits a term.
        kind = "entity"
    if kind == "count" and (
        _SHARE_OF.search(text) or (_HOW_MANY_HAD.search(text) and not _POPULATION.search(text))
    ):
        # "Out of all tumours, how many are of type X?", "how many patients respond?": a share
        # (a trial reports who had an outcome as a percentage; whom it enrolled, as a count).
        kind = "percent"
    if kind == "mechanism" and _CONTRAST.search(text):
        kind = "fact"  # "How did X compare with and without Y?": the figures
    if kind == "fact" and endpoints and endpoints <= TIME_TO_EVENT:
        # "PFS with A vs B?": a time-to-event endpoint is reported as a median, unless a rate
        # is named ("mortality: A versus B?").
        kind = "percent" if _RATE_NOUN.search(text) else "duration"
    elif kind == "fact" and endpoints and endpoints <= _RATE_ENDPOINTS - {"tox"}:
        # "Pathological complete response with A vs B?": each arm's rate ("what toxicity …?"
        # may ask which events, or how they compare, in words).
        kind = "percent"
    elif kind == "fact" and re.search(r"\bhow much\b", text, re.I):
        # "How much OS …" asks a time; "how much nausea …", a share of patients.
        kind = "duration" if endpoints & TIME_TO_EVENT else "percent"
    if len(endpoints) > 1 or kind != "duration":
        # "<endpoint> at follow-up", "at three-year follow-up, what share …": follow-up dates
        # what is asked; only a time ("how long was the median follow-up?") can be it.
        endpoints -= {"followup"}
    if kind == "count":
        # "How many deaths …", "how many patients progressed": the events are what is counted;
        # a time-to-event endpoint is never reported as a count.
        endpoints -= TIME_TO_EVENT
    if endpoints & _EVENT_FREE and not re.search(r"overall survival|\bOS\b", text, re.I):
        # "progression or death", "recurrence or death" define an event-free endpoint.
        endpoints = endpoints - {"os"}
    plural = (
        len(head) > 3 and head.endswith("s") and not head.endswith(("ss", "us", "is"))
    ) or bool(re.search(r"\b(two|three|four|both)\b", phrase, re.I) or _ARE.search(text))
    target = head[:-1] if plural else head
    if re.match(r"\s*who\b", text, re.I):
        target = "who"
    elif kind == "entity" and re.match(r"\s*where\b", text, re.I):
        target = "place"
    if kind == "glossary" or (kind == "definition" and _WHAT_KIND.search(text)):
        target = ""  # "What kind of antibody is X?" asks what X is, not for a name of a class
    return Profile(
        question,
        kind,
        endpoints,
        tuple(named_tokens(text)),
        plural,
        target.lower(),
        phrase,
        time_points(text),
        _also_asked(text, kind, endpoints),
        *_comparison(text),
    )


def _comparison(text: str) -> tuple[Kind | None, str]:
    """(figure kind, "low" or "high") when the question asks which of several had the higher or
    lower figure; (None, "") otherwise. A better hazard ratio is a lower one."""
    text = _OPEN_BOUND.sub("", text)  # "marker of 5% or more" bounds a group, it compares nothing
    if not _CHOOSE.search(text):
        return None, ""
    measure: Kind | None = next(
        (k for k, pat in _KIND_RULES if k in _COMPARED and pat.search(text)),
        None,
    )
    if _HR.search(text):
        measure = "hr"
    if measure is None:
        # No figure named, but the comparative names its kind: "lived longer" compares times,
        # "less common" compares shares.
        measure = next((k for k, pat in _IMPLIED_MEASURE if pat.search(text)), None)
    if measure is None:
        # "… had more severe adverse events, A or B?": an endpoint reported as a share of
        # patients is compared by its rate.
        named = {e for e, pat in ENDPOINTS.items() if pat.search(text)}
        measure = "percent" if named and named <= _RATE_ENDPOINTS else None
    if measure is None:
        return None, ""
    low, high = _LOWER.search(text), _HIGHER.search(text)
    if bool(low) == bool(high):
        return None, ""
    if measure == "hr":
        prefer = "high" if high and not _BETTER.search(text) else "low"
    else:
        prefer = "low" if low else "high"
    return measure, prefer


def _asks(kind: Kind, text: str) -> bool:
    """Whether `text` has the words that ask for a figure of `kind`."""
    return any(k == kind and pat.search(text) for k, pat in _KIND_RULES)


def _also_asked(text: str, kind: Kind, endpoints: frozenset[str]) -> frozenset[str]:
    """Other figures a question with several parts asks for beside its main one: "median OS
    and HR" → {duration} beside hr; "how many enrolled, and the ORR?" → {percent} beside the
    count; "what dose, and for how long?" → {duration} beside the dose. A hazard ratio's CI
    and P value come with it already."""
    if (
        kind == "count"
        and _PARTS.search(text)
        and (endpoints & _RATE_ENDPOINTS or _asks("percent", text))
    ):
        return frozenset({"percent"})  # "how many died, and what was the mortality rate?"
    if kind == "percent" and _PARTS.search(text) and _asks("count", text):
        return frozenset({"count"})  # "how many new cases, and what share of all cancers?"
    if kind == "dose" and _PARTS.search(text) and _HOW_LONG.search(text):
        return frozenset({"duration"})  # "what dose was given, and for how long?"
    if kind == "dose" and _PARTS.search(text) and _asks("percent", text):
        return frozenset({"percent"})  # "what dose was given, and what response rate?"
    if kind not in _FIGURES or not _PARTS.search(text):
        return frozenset()
    found = {k for k, pat in _KIND_RULES if k in _FIGURES and pat.search(text)} - {kind}
    if kind == "hr":
        found -= {"ci", "pvalue"}
    elif kind in ("percent", "duration"):
        found -= {"ci"}  # widened with its figure: "12.3 months (95% CI, 10.8–15.8)"
    if kind == "percent" and _MEDIAN.search(text) is None:
        found -= {"duration"}  # "rate … at 24 months": the months date the rate
    return frozenset(found)


_HR = re.compile(r"hazard ratio|\bHRs?\b", re.I)


def _reported_with_interval(text: str) -> Kind | None:
    """The rate or time a question asks for beside its interval ("how common …, with the
    CI?"); None when it asks the interval of nothing else."""
    return next(
        (k for k, pat in _KIND_RULES if k in ("percent", "duration") and pat.search(text)), None
    )


_HOW_MANY_HAD = re.compile(
    r"\bhow many (?:(?:[\w-]+\s+){0,2}(?:patients|people|persons|individuals|subjects|"
    r"tumou?rs|samples|specimens)\b|"
    r"(?:of (?:them|these|those) )?(?:had|have|has|developed|experienced|responded|died|"
    r"survived|relapsed|progressed|achieved|suffered)\b)"
    r"(?!.*\b(?:enroll\w*|randomi[sz]ed|included|recruited|accrued|assigned|participat\w*|"
    r"took part|screened|registered)\b)",
    re.I,
)
# A population over a period or place is counted, not a share: "how many people die of it
# each year in the United States?", "worldwide in 2019, how many were diagnosed?".
_POPULATION = re.compile(
    r"\b(?:worldwide|globally|annually|each year|every year|per year|(?:19|20)\d{2}|"
    r"United States|the US)\b",
    re.I,
)
_WHAT_KIND = re.compile(r"\bwhat (?:kind|type|sort|class) of\b", re.I)
_SHARE_OF = re.compile(r"\bout of (?:all|every)\b|\bof all\b|\bper (?:hundred|100)\b", re.I)
_CONTRAST = re.compile(r"(?:^|[,;:]\s)\s*how\b.*\b(?:compare|compared|differ|differed)\b", re.I)
# "What were the …", "In X, what were the …": several.
_ARE = re.compile(r"(?:^|[,:;])\s*(?:what|which)\s+(?:are|were)\b", re.I)
_CHOOSE = re.compile(
    r"\b(which|who|whose)\b|\bwhat (trial|drug|regimen|arm|study)\b|\bor\b[^?]*\?\s*$", re.I
)
_COMPARED = frozenset({"difference", "percent", "duration"})
# A bound left open ("5% or more", "aged 70 and older", "at least half"): neither a choice nor
# a comparative.
_OPEN_BOUND = re.compile(
    r"\b(?:or|and)\s+(?:more|higher|greater|above|over|less|lower|fewer|below|under|older|"
    r"younger)\b|\bat\s+(?:least|most)\b",
    re.I,
)
_LOWER = re.compile(
    r"\b(lower|lowest|smaller|smallest|less|least|fewer|fewest|shorter|shortest)\b", re.I
)
_HIGHER = re.compile(
    r"\b(higher|highest|greater|greatest|more|most|larger|largest|longer|longest|better|best|"
    r"bigger|biggest|superior)\b",
    re.I,
)
_BETTER = re.compile(r"\b(better|best|superior)\b", re.I)
_IMPLIED_MEASURE: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("duration", re.compile(r"\b(?:longer|longest|shorter|shortest)\b", re.I)),
    (
        "percent",
        re.compile(
            r"\b(?:more|less|most|least)\s+(?:common(?:ly)?|frequent(?:ly)?|often|likely)\b",
            re.I,
        ),
    ),
)
_FIGURES = frozenset({"hr", "ci", "pvalue", "duration", "percent"})
_PARTS = re.compile(r"\band\b|,|\bwith\b|\bplus\b|&", re.I)
_HOW_LONG = re.compile(r"\bhow long\b|\bfor how many (?:days|weeks|months|years|cycles)\b", re.I)


_MEASURE_NOUN = re.compile(
    r"(share|proportion|percentage|percent|fraction|rate|ratio|hr|p-value|value|ci|interval|dose|"
    r"dosing|fractionation|schedule|scheme|phase|year|median|number|months?|duration|status|time|range|level|"
    r"frequency|probability|gain|benefit|extension|improvement|os|pfs|orr|dcr)s?$",
    re.I,
)
# What a definition is given as: "which cutoff / threshold / criteria defined X?".
_DEFINING_NOUN = re.compile(
    r"(cut-?off|threshold|criteri(?:on|a)|definition|boundar(?:y|ies))s?$", re.I
)
_AUX = re.compile(
    r"^(is|are|was|were|do|does|did|has|have|had|can|could|will|would|may|might|should|shows?|"
    r"showed|selects?|recruits?|carr(y|ies)|targets?|drives?|makes?|leads?|led|acts?|binds?|"
    r"causes?|got|gets|received|ranked|mobiliz\w*|combined|paired|used|tested|studied|in|of|for|"
    r"with|from|that|to|on|at|into|by|as|than|made|splits?|induces?|blocks?|improved?|"
    r"improves|prolong\w*|reduces?|increases?|cited|uses|defines?|predicts?|confers?|mediates?|"
    r"regulates?|encodes?|express\w*|includes?|comprises?|involves?|remains?|gave|gives?|yields?|"
    r"achieved?|achieves|becomes?|turns?|stops?|stopped|inhibits?|kills?|recognizes?|activates?|"
    r"triggers?|promotes?|enhances?|carried)$",
    re.I,
)


_HEDGING_ADVERBS = frozenset(
    {"exactly", "precisely", "specifically", "actually", "really", "typically", "usually"}
)
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their"})


def _which_phrase(text: str) -> str:
    """The noun phrase of a "which/what X …" question ("Which DLL3 ADC is …" → "DLL3 ADC")."""
    # "Which was the first drug to …": the phrase follows the copula.
    m = (
        re.match(r"\s*which\s+(?:is|was|are|were)\s+(?:the\s+)?(.*)", text, re.I)
        or re.match(r"\s*(?:which|what|name)\s+(.*)", text, re.I)
        or re.search(r"\bwhich\s+(.*)", text, re.I)
    )
    if not m:
        return ""
    words = re.findall(r"[\w/+-]+", m.group(1))
    while words and words[0].lower() in _HEDGING_ADVERBS:
        words = words[1:]  # "What exactly is X?": the adverb is no noun of the phrase
    phrase: list[str] = []
    for i, w in enumerate(words[:6]):
        if _AUX.match(w) or (phrase and re.fullmatch(r"[a-z]+ed", w)):
            break
        if phrase and i + 1 < len(words) and words[i + 1].lower() in _DETERMINERS:
            break  # "which country ran the trial": a word before "the" is the verb
        if phrase and w.lower() in ("and", "or"):
            break  # "which X … and …": the phrase ends where the clause joins another
        if (
            phrase
            and re.fullmatch(r"[a-z]+[^su]s", w)
            and i + 1 < len(words)
            and re.search(r"[A-Z0-9]", words[i + 1])
        ):
            break  # "which agent traps ZX1": a plain -s word before a name is the verb
        phrase.append(w)
    return " ".join(phrase)
