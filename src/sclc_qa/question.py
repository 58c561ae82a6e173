"""What a question asks for: the kind of answer, the endpoint, and the names it depends on.

General rules for clinical-trial prose, nothing specific to one review: "HR for OS in X?" asks a
hazard ratio about overall survival in trial X; "What does LDRT stand for?" asks an expansion.

This module decides a question's `Profile`; the kinds and the words that ask each are
`question_kinds` (its public names re-exported here), the figures compared or asked beside the
main one `question_figures`, and the noun phrase of a which/what question `question_phrase`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .bounds import limit_asked
from .domain import domain
from .mentions import clean, is_druglike, named_tokens, time_points
from .question_figures import across_subjects, also_asked, comparison
from .question_kinds import (
    ENDPOINTS,
    EVENT_FREE,
    FIGURE_KINDS,
    FIGURES,
    HAZARD_RATIO,
    KIND_RULES,
    LIMITS,
    MEDIAN,
    PART_JOINER,
    PER_BASE,
    RATE_ENDPOINTS,
    TIME_TO_EVENT,
    Kind,
    unwrapped,
)
from .question_measures import dosed, names_a_measure
from .question_phrase import COUNT_AS, SETTING, setting, which_phrase
from .question_shares import counts_a_share

__all__ = [
    "ASKS_WHY",
    "ENDPOINTS",
    "LIMITS",
    "TIME_TO_EVENT",
    "Kind",
    "Profile",
    "profile",
    "unwrapped",
]

# The auxiliary that opens a yes/no question, after any setting phrase before a comma ("In stage
# III disease, does …?", "After surgery, should …?"); not "When X is Y, what …?".
_YES_NO = re.compile(
    rf"(?:{SETTING})?\s*"
    r"(is|are|was|were|does|do|did|should|can|could|has|have|had|will|would|may|might)\b",
    re.I,
)
# A clause a yes/no question asks about, after a word of knowing: "… know which …" (its "which
# X" or "what X" is no name asked).
_KNOWN_WHICH = re.compile(
    r"\b(?:know|known|clear|certain|established|understood|sure|determined)\s+(?:which|what)\b",
    re.I,
)
_RATE = re.compile(
    r"\brates?\b|%|percent|proportion|how often|how common|\bORR\b|\bDCR\b|response", re.I
)
# "How (much less) often did progression happen …?": how many had the event, a share.
_OFTEN = re.compile(
    r"\bhow (?:much |far )?(?:more |less )?(?:often|frequent(?:ly)?|common(?:ly)?)\b|"
    # "Was progression more frequent with A or B?": how often, compared.
    r"\b(?:more|less)\s+(?:often|frequent(?:ly)?|common(?:ly)?)\b",
    re.I,
)
_RATE_NOUN = re.compile(r"mortality|incidence|risk|rate|frequency|proportion", re.I)
# Events a question may ask to be counted by their plural alone ("zetal cancer deaths: A vs
# B?", "new diagnoses and deaths in 2025?"): a count, unless a survival word asks a time.
_COUNTED_PLURAL = re.compile(r"\b(?:deaths|new cases|diagnoses|recurrences|relapses)\b", re.I)


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
    # Abbreviations the documents define for long forms the question spells out ("ES-ZEN" for
    # "extensive-stage zentoma"): set by retrieval, which knows the definitions.
    aliases: tuple[str, ...] = ()
    # "upper" when the question asks a most ("at most how many …?"), "lower" a least.
    limit: str | None = None
    # The figure that answers when none of `kind` is given: "What was EFS with X?" names no
    # measure, so a median is read first and, where the text reports only a rate, the rate.
    or_else: Kind | None = None


def _counts_events(text: str) -> bool:
    """Whether a question names its endpoint only by events counted in the plural ("deaths"),
    with no rate, share or time asked beside them."""
    if not _COUNTED_PLURAL.search(text) or _RATE_NOUN.search(text) or _OFTEN.search(text):
        return False
    rest = _COUNTED_PLURAL.sub(" ", text)
    return not MEDIAN.search(rest) and not any(p.search(rest) for p in ENDPOINTS.values())


# A median follow-up stated with its length, a condition of the result asked: "after 40
# months' median follow-up", "at a median follow-up of 5 years" (not "what was the median
# follow-up?", nor "after 5 years of follow-up", a time point).
_FOLLOW_UP_GIVEN = re.compile(
    r"\b(?:(?:after|at|with|over|following)\s+)?(?:an?\s+|the\s+)?median\s+"
    r"follow[- ]?up\s+(?:time\s+|period\s+)?(?:of\s+)?(?:about\s+|nearly\s+)?"
    r"\d[\d.]*[\s-]*(?:months?|years?)\b"
    r"|\b(?:(?:after|at|with|over|following)\s+)?(?:an?\s+)?\d[\d.]*[\s-]*(?:months?|years?)['’]?"
    r"\s+(?:of\s+)?median\s+follow[- ]?up\b",
    re.I,
)
# A condition before the asking clause: "With the 10 mg dose, what …", "In zentoma, how …".
_CONDITION = re.compile(
    setting("in|for|among|after|with|at|on|under") + r"(?=(?:what|which|how|who|when|where)\b)",
    re.I,
)
# A question that asks why, after any setting phrase: a reason, whatever figure it names.
# "… for 5-year local control", "in terms of 2-year OS": the endpoint, at a time, that a
# figure is asked of (the time joined to the endpoint's words), when doses are compared.
_FOR_TIMED_ENDPOINT = re.compile(
    r"\b(?:for|in terms of|regarding)\s+(?:the\s+)?\d+[- ](?:year|month)s?\s+(?:"
    + "|".join(f"(?:{p.pattern})" for p in ENDPOINTS.values())
    + ")",
    re.I,
)
_COMPARED = re.compile(r"\bcompar\w*\b|\bversus\b|\bvs\.?(?!\w)", re.I)
ASKS_WHY = re.compile(rf"(?:{setting('in|for|among|after|with|according to')})?\s*why\b", re.I)
# Deaths as what a share is of: "what share of zentoma deaths", "the fraction of all deaths".
_SHARE_OF_DEATHS = re.compile(
    r"\b(?:share|proportion|percentage|fraction|percent|%)\s+of\s+(?:all\s+)?"
    r"(?:[\w-]+\s+){0,3}?deaths\b",
    re.I,
)
# … said to be due to something: a share of deaths by cause, not a share of patients who died.
_ATTRIBUTED = re.compile(
    r"\b(?:attribut\w*|due\s+to|caused|accounts?\s+for|result(?:s|ed|ing)?\s+from|"
    r"linked\s+to|because\s+of)\b",
    re.I,
)
# A measure asked in the plural: "what proportions", "what were the rates".
_PLURAL_MEASURE = re.compile(
    r"\bwhat (?:were (?:the )?)?(?:proportions|percentages|rates|shares|figures|values|"
    r"estimates|numbers|medians|hazard ratios)\b",
    re.I,
)


def _one_of(plural: str) -> str:
    """A plural noun's singular: "genes" → "gene", "countries" → "country", "classes" →
    "class"."""
    if len(plural) > 4 and plural.endswith("ies"):
        return plural[:-3] + "y"
    if plural.endswith(("sses", "ches", "shes", "xes")):
        return plural[:-2]
    return plural[:-1]


# "What is/are <a term of a few words>?", nothing after it: no setting, no verb, no owner
# ("what is X's code?"), no serial name ("what is ZX 757?", a name asked, not a term).
_WHAT_IS_TERM = re.compile(
    # … a term, whose words a condition does not interrupt: "what is the zetal ratio for
    # quelloma?" asks a figure of quelloma, not what a term means. "Of" may join a term's words
    # ("zetal cells of Quell"), and Latin pairs are a term's own ("zetoma in situ").
    r"\s*what\s+(?:is|are)\s+(?:an?\s+|the\s+)?"
    r"(?:(?![\w-]*\d)(?!(?:for|with|among|after|during|at|in(?!\s+(?:situ|vivo|vitro)\b))\s)"
    r"[\w-]+\s+){1,4}"
    r"(?![\w-]*\d)(?![a-z]+ed\b|made\b|done\b|(?:for|with|by|in|of|on|to|from|at)\b)[\w-]+"
    r"\s*\?\s*$",
    re.I,
)


@lru_cache(maxsize=4096)
def profile(question: str) -> Profile:
    """Classify `question` (remembered: a Profile is immutable, and questions recur)."""
    text = unwrapped(clean(question))
    # What the question asks is read without the conditions it states: a cutoff given with its
    # value ("… sensitivity at a 7 mm threshold?"), a study's title ("the Zeta Survival
    # Study") and the median follow-up a result was read after ("after 40 months' median
    # follow-up") ask neither a definition nor a survival figure.
    unfollowed = _FOLLOW_UP_GIVEN.sub(" ", text)
    asking = _STUDY_TITLE.sub("the study", _GIVEN_CUTOFF.sub(" ", unfollowed))
    kind: Kind = next((k for k, pattern in KIND_RULES if pattern.search(asking)), "fact")
    # (the kind read, the one that answers when the text gives none of it), kept while the
    # kind read stands.
    fallback: tuple[Kind, Kind] | None = None
    lead = _CONDITION.match(asking)
    if lead and kind != "glossary":
        # A condition the question opens with ("With the 10 mg dose, what was the ORR?") asks
        # nothing: the asking clause says what is asked, when it says it ("In the glossary,
        # what is X?" says where the answer is).
        clause = asking[lead.end() :]  # read as a question of its own: rules anchor at its start
        asked = (k for k, pattern in KIND_RULES if pattern.search(clause))
        kind = next(asked, kind)
    # A drug's code ("ZQ-417", "CR-845") names no endpoint, whatever letters it starts with.
    uncoded = _CODE.sub(" ", asking)
    endpoints = frozenset(name for name, pat in ENDPOINTS.items() if pat.search(uncoded))
    if kind == "dose" and _HOW_LONG.match(asking):
        kind = "duration"  # "How long did the first dose take to give?": a time, of a dose
    if kind == "dose" and _COMPARED.search(asking) and _FOR_TIMED_ENDPOINT.search(uncoded):
        # "How did 70 Gy compare with the standard dose for 5-year local control?": the
        # endpoint's rate at that time is asked, the doses name the arms.
        kind = "percent"
    if kind == "count" and PER_BASE.search(text):
        fallback = ("count", "percent")  # "How many women per million …?": a count, or a rate
    if kind == "duration" and _HOW_LONG_IS.match(asking) and not endpoints:
        fallback = ("duration", "measure")  # "How long is the zetal duct?": perhaps a length
    if (
        kind == "fact"
        and _WHAT_IS_TERM.match(text)
        # "What is the overall survival of zentoma patients?": an endpoint's figure, of
        # something.
        and not (endpoints and _OF_SOMETHING.search(text))
    ):
        kind = "definition"  # "What are zetal cells of Quell?": a term of several words
    if kind in ("percent", "duration") and HAZARD_RATIO.search(text):
        kind = "hr"
    if ASKS_WHY.match(text) and kind in FIGURE_KINDS - {"age"}:
        kind = "mechanism"  # "Why was the zentamab dose lowered?" asks a reason, not a dose
    if kind in ("ci", "pvalue") and PART_JOINER.search(text):
        # "HR with CI and P", "how common …, with the CI?": the figure, reported with both.
        kind = "hr" if HAZARD_RATIO.search(text) else _reported_with_interval(text) or kind
    if (
        _YES_NO.match(text)
        and kind != "glossary"
        # "Was A or B better?", "given orally or intravenously?" ask a choice; "does A or B
        # improve survival?" a verdict on what the "or" joins, before the verb that follows it.
        and not (re.search(r"\bor\b", text, re.I) and not _OR_THEN_VERB.search(text))
        and not re.search(r"\?\s*\w", text)  # "Was A as good as B? Give the HR.": the figure
    ):
        kind = "yesno"  # "Is there a benefit to …?": a statement that settles it, not a figure
    if (
        kind in ("duration", "fact")
        and _LONG_TERM.search(text)
        and not MEDIAN.search(unfollowed)
        and not _HOW_LONG.match(asking)
    ):
        kind = "percent"  # "long-term survival": the share alive after many years
    if kind == "percent" and MEDIAN.search(unfollowed) and not _RATE.search(text):
        kind = "duration"  # "median OS at 3 years of follow-up" asks a time, not a rate
    # "What keeps X from Y?", "what limited X?": a verb of hindering, not a noun, follows "what".
    phrase = "" if re.search(LIMITS, text, re.I) else which_phrase(text)
    if kind == "yesno" and _KNOWN_WHICH.search(text):
        phrase = ""  # "Do we know which patients …?", "is it clear what …?": whether it is known
    called = re.search(
        r"(?:the\s+)?((?:[\w/+-]+\s+){0,3}?[\w/+-]+)\s+(?:called|named|known as)\b",
        _ASIDE.sub("", text),  # "what is X (what used to be called Y)?" asks no name
        re.I,
    )
    if not phrase and called:
        phrase = called.group(1)  # "What was the phase II Rova-T study called?"
    bearing = _BEARING.search(text)
    if not phrase and bearing:
        phrase = bearing.group(1)  # "What was the strongest predictor of survival?": a thing
    head = phrase.split()[-1].lower() if phrase else ""
    named_endpoint = next((e for e, p in ENDPOINTS.items() if phrase and p.search(phrase)), None)
    several = (
        len(head) > 3 and head.endswith("s") and not head.endswith(("ss", "us", "is"))
    ) or bool(phrase and re.fullmatch(r"[A-Z][A-Z0-9-]*[A-Z0-9]s", phrase.split()[-1]))
    # "Which toxicity rose?", like "which adverse events …", asks for the events themselves.
    events_asked = named_endpoint == "tox" and bool(
        re.search(rf"\bwhich\s+{re.escape(phrase)}", text, re.I)
        # "what toxicity came with X?" too, but not "what toxicity rate …"
        or (
            re.search(rf"\bwhat\s+{re.escape(phrase)}", text, re.I)
            and not _RATE_NOUN.search(phrase)
        )
    )
    if named_endpoint is not None and not several and not events_asked:
        # "What objective response did X report?": the endpoint's figure, not a name.
        if kind not in FIGURES | {"glossary", "count", "difference", "definition"}:
            rate = named_endpoint in RATE_ENDPOINTS or _RATE_NOUN.search(phrase) is not None
            kind = "percent" if rate else "duration"
            if not rate and named_endpoint in TIME_TO_EVENT and not MEDIAN.search(unfollowed):
                # "What EFS did X report?": its median, else the rate it gives instead.
                fallback = ("duration", "percent")
    elif (
        phrase
        and kind not in ("glossary", "entity", "definition")
        and not names_a_measure(phrase, head)
    ):
        kind = "entity"  # "Which antibody was the first to show a benefit?"
    elif (
        kind == "definition"
        and re.match(r"\s*which\b", text, re.I)
        and not COUNT_AS.search(text)  # "which node groups count as N1?": N1's definition
        and head
        and not names_a_measure(phrase, head)
        and not _DEFINING_NOUN.match(head)
    ):
        # "Which assay was used to define the population?" asks a name of a class; "which
        # cutoff defined positivity?" still asks how the text delimits a term.
        kind = "entity"
    shares = False  # whether "how many had X" asks a share of patients
    if kind == "count" and counts_a_share(text):
        # "Out of all tumours, how many are of type X?", "how many patients respond?": a share
        # (a trial reports who had an outcome as a percentage; whom it enrolled, as a count).
        kind = "percent"
        shares = True
        if MEDIAN.search(unfollowed) and not _RATE.search(text):
            # "What was the median OS with zentamab, and how many switched arms?": the median is a
            # time, and the share who had the event is asked beside it.
            kind = "duration"
    if kind == "mechanism" and _CONTRAST.search(text):
        kind = "fact"  # "How did X compare with and without Y?": the figures
    if kind == "fact" and endpoints and endpoints <= TIME_TO_EVENT and _counts_events(text):
        kind = "count"  # "Zetal cancer deaths: screened vs unscreened arm?"
    elif kind == "fact" and endpoints and endpoints <= TIME_TO_EVENT:
        # "PFS with A vs B?": a time-to-event endpoint is reported as a median, unless a rate
        # is named ("mortality: A versus B?").
        kind = "percent" if _RATE_NOUN.search(text) or _OFTEN.search(text) else "duration"
        fallback = ("duration", "percent")
    elif kind == "fact" and endpoints and endpoints <= RATE_ENDPOINTS - {"tox"}:
        # "Pathological complete response with A vs B?": each arm's rate ("what toxicity …?"
        # may ask which events, or how they compare, in words).
        kind = "percent"
    elif kind == "fact" and re.search(r"\bhow much\b", text, re.I):
        # "How much OS …" asks a time; "how much nausea …", a share of patients.
        # "How much less often did progression happen …?" asks how often: a share.
        kind = "duration" if endpoints & TIME_TO_EVENT and not _OFTEN.search(text) else "percent"
    if len(endpoints) > 1 or kind != "duration":
        # "<endpoint> at follow-up", "at three-year follow-up, what share …": follow-up dates
        # what is asked; only a time ("how long was the median follow-up?") can be it.
        endpoints -= {"followup"}
    if kind == "count":
        # "How many deaths …", "how many patients progressed": the events are what is counted;
        # a time-to-event endpoint is never reported as a count.
        endpoints -= TIME_TO_EVENT
    if (
        "os" in endpoints
        and kind == "percent"
        # Deaths by cause, not a death rate in an arm or at a time ("the percentage of deaths
        # at 2 years with zentamab").
        and (
            _ATTRIBUTED.search(text)
            or not (time_points(text) or any(map(is_druglike, named_tokens(text))))
        )
        and not ENDPOINTS["os"].search(_SHARE_OF_DEATHS.sub(" ", uncoded))
    ):
        # "What share of zentoma deaths are due to X?": the deaths are what the share is of,
        # not a death rate asked.
        endpoints = endpoints - {"os"}
    if endpoints & EVENT_FREE and not _survival_apart(text):
        # "progression or death", "alive without recurrence" define an event-free endpoint.
        endpoints = endpoints - {"os"}
    plural = several or bool(
        re.search(r"\b(two|three|four|both)\b", phrase, re.I)
        # "Which anti-ZR1/ZR2 pair …?": a noun of several things asks them all.
        or head in _MANY_AS_ONE
        or _ARE.search(text)
        # "the gene behind each of the subtypes": one per subtype, so several.
        or (kind == "entity" and _EACH_OF.search(text))
        # "How many new cases and how many deaths?": two counts.
        or (kind == "count" and len(_HOW_MANY.findall(text)) > 1)
        # "In the two studies, what proportions …?": a figure asked in the plural.
        or (kind in FIGURES | {"count"} and _PLURAL_MEASURE.search(text) is not None)
    )
    target = _one_of(head) if several else head  # "the two genes" asks a gene; "each gene" too
    names = tuple(named_tokens(text))
    if re.match(r"\s*who\b", text, re.I):
        # "Who makes zentamab?" asks for its maker; "who described ZCL?", "who makes up most
        # of the trial?", "who made the diagnosis?" for people.
        verb = _MAKER.match(text)
        maker = (
            verb is not None
            and verb.group(1).lower() in domain().maker_verbs
            and (any(map(is_druglike, names)) or _MADE_THING.search(text) is not None)
        )
        target = "company" if maker else "who"
        if _WHO_ADMITTED.match(text):
            # "Who was kept out of ZETA-3?", "who is eligible for X?": which patients, a group
            # a trial or a treatment admits or not, never a person's name.
            target, phrase, plural = "patient", "patients", True
    elif kind == "entity" and re.search(r"(?:^|[,;:]\s)\s*where\b", text, re.I):
        target = "place"
    if kind == "glossary" or (kind == "definition" and _WHAT_KIND.search(text)):
        target = ""  # "What kind of antibody is X?" asks what X is, not for a name of a class
    if kind == "fact" and target.lower() == "schedule" and any(map(is_druglike, names)):
        kind = "dose"  # "What zentamab schedule was used?": a drug's doses and their intervals
    if kind == "dose":
        names += tuple(dosed(text, names))
    compared = comparison(text)
    if kind == "difference" and len(names) >= 2 and compared[0] in (None, "difference"):
        # "By how many points was it higher in A than in B?": each one's own figure, compared.
        across = across_subjects(text, endpoints)
        compared = across if across[0] is not None else compared
    return Profile(
        question,
        kind,
        endpoints,
        names,
        plural,
        target.lower(),
        phrase,
        time_points(text),
        also_asked(text, kind, endpoints) | ({"percent"} - {kind} if shares else set()),
        *compared,
        limit=limit_asked(text),
        or_else=fallback[1] if fallback and fallback[0] == kind else None,
    )


def _reported_with_interval(text: str) -> Kind | None:
    """The rate, time or gain a question asks for beside its interval or P value ("how common
    …, with the CI?", "how many months did X add, and the P value?"); None when it asks the
    interval of nothing else."""
    kinds = ("percent", "duration", "difference")
    return next((k for k, pat in KIND_RULES if k in kinds and pat.search(text)), None)


def _survival_apart(text: str) -> bool:
    """Whether the question asks overall survival on its own besides an event-free endpoint:
    "overall survival", "OS", or a word of survival ("alive", "death") standing apart from
    every event-free phrase ("what share were alive, and what share alive and relapse-free?"),
    rather than defining it ("progression or death")."""
    if re.search(r"overall survival|\bOS\b", text, re.I):
        return True
    free = [m.span() for e in EVENT_FREE for m in ENDPOINTS[e].finditer(text)]
    return any(
        all(m.start() - b > _EVENT_FREE_REACH or a - m.end() > _EVENT_FREE_REACH for a, b in free)
        for m in ENDPOINTS["os"].finditer(text)
    )


# Characters between a survival word and the event it completes: "progression or death",
# "alive and free of recurrence", "death from any cause or relapse".
_EVENT_FREE_REACH = 25

_HOW_MANY = re.compile(r"\b(?:how many|number of)\b", re.I)
_ASIDE = re.compile(r"\([^()]*\)")
# What a figure is asked of: "the overall survival of zentoma patients", "… in quelloma".
_OF_SOMETHING = re.compile(r"\b(?:of|in|for|with|among|after)\s+\w", re.I)
# "Long-term survival": a share alive after many years, not a median time (nor "long-term
# survival time", "… duration").
_LONG_TERM = re.compile(r"\blong[- ]term\s+(?:overall\s+)?survival\b(?!\s+(?:time|duration))", re.I)
# "How long …?" opening the question (after a label or a condition: "In ZQ-1, how long …?"); not
# "what dose, and for how long?", which asks a dose and its duration.
_HOW_LONG = re.compile(r"\s*(?:[^,:?]{0,60}[:,]\s*)?(?:for\s+)?how long\b", re.I)
# A verb's participle after the thing asked: "how long is X taken / given / followed?".
_PARTICIPLE = r"(?:[a-z]+ed|taken|given|done|kept|held|seen|worn|used|left)\b"
# "(Roughly) how long is X?": a time, or a thing's length when the text gives no time for it;
# only when the question ends with the thing (no participle after it: "how long is X taken?"
# asks a time) and the thing is no course of events ("how long is the recovery?").
_HOW_LONG_IS = re.compile(
    r"\s*(?:[^,:?]{0,60}[:,]\s*)?(?:(?:roughly|about|approximately)\s+)?"
    r"how long (?:is|are|was|were)\s+(?:the\s+|an?\s+)?"
    r"(?!(?:[\w-]+\s+){0,3}?(?:treatment|therapy|course|recovery|session|period|stay|"
    r"follow-?up|survival|wait|infusion|interval|half-life|regimen|cycle|visit|delay)s?\b)"
    rf"(?:(?!{_PARTICIPLE})[\w-]+\s*){{1,4}}"
    rf"(?:\s*(?:and\s+)?\b(?:in|of|among|for)\s+(?:(?!{_PARTICIPLE})[\w-]+\s*){{1,3}}){{0,2}}\?\s*$",
    re.I,
)
# A cutoff the question gives with its value, a condition on the figure asked: "at a 7 mm
# quell depth cutoff", "with a threshold of 10%", "threshold value of 3 mm".
# (A number inside a name, "ZQ-9 cutoff", is no value; nor a time point, "5-year … cutoff".)
_GIVEN_CUTOFF = re.compile(
    r"\b(?:an?\s+|the\s+)?(?<![\w-])\d+(?:\.\d+)?\s*(?:%|(?!years?\b|months?\b)[a-zµμ/]+\b)"
    r"\s*(?:[\w-]+\s+){0,3}?"
    r"(?:cut-?off|threshold)s?(?:\s+(?:values?|points?|levels?))?\b|"
    r"\b(?:cut-?off|threshold)s?(?:\s+(?:values?|points?|levels?))?\s+(?:of|at|=)\s*"
    r"[<>≥≤]?\s*\d+(?:\.\d+)?\s*(?:%|[a-zµμ/]+\b)?",
    re.I,
)
# A drug's code of capitals and three or more digits joined by a hyphen: "ZQ-417", "CR-845b"
# (not an endpoint at a time, "PFS-6", "OS-12").
_CODE = re.compile(r"(?<![\w-])[A-Z]{1,5}-\d{3,}[A-Za-z]?(?![\w-])")
# A study's title in capitalised words ("the Zeta Quell Cancer Survival Study"): its words
# name the study, not an endpoint or a kind of question.
_STUDY_TITLE = re.compile(
    r"\b(?:the\s+)?(?:[A-Z][\w/&'-]*\s+){1,6}(?:Study|Trial|Group|Project|Consortium|Registry|Cohort|"
    r"Initiative|Program(?:me)?)\b"
)
# "What was the (single most important) predictor of survival?": what bears on an endpoint, a
# thing named, not the endpoint's figure ("what are the risk factors for X?" asks a list).
_BEARING = re.compile(
    r"\bwhat\s+(?:is|was|are|were)\s+(?:the|an?)\s+((?:[\w-]+\s+){0,4}?"
    r"(?:predictor|factor|determinant|cause|driver|correlate))\s+(?:of|for)\b",
    re.I,
)
_WHAT_KIND = re.compile(r"\bwhat (?:kind|type|sort|class) of\b", re.I)
_CONTRAST = re.compile(r"(?:^|[,;:]\s)\s*how\b.*\b(?:compare|compared|differ|differed)\b", re.I)
_EACH_OF = re.compile(r"\beach of\b", re.I)
# An "or" that joins a yes/no question's subjects, the verb of effect after them: "does A or B
# improve survival?", "do A or B raise the risk?", "… respond to or survive therapy?"; not with
# a comparison ("is A or B better?"), which asks a choice.
_OR_THEN_VERB = re.compile(
    r"^(?!.*\b(?:better|worse|longer|shorter|higher|lower|greater|more|less|fewer|superior|"
    r"inferior|preferred|best|most|least|safer|which)\b).*"
    r"\bor\s+(?:[\w/-]+\s+){0,4}?(?:improve|help|raise|increase|reduce|lower|prolong|extend|"
    r"lengthen|shorten|boost|cut|slow|delay|change|affect|cause|influence|predict|benefit|"
    r"worsen|work|survive|respond|protect|prevent)s?\b",
    re.I,
)
# Nouns for a group of things, each of which is named: "pair", "doublet", "triplet".
# "Who was excluded …", "who were kept out …", "who is (not) eligible …": a group of patients.
_WHO_ADMITTED = re.compile(
    r"\s*who\s+(?:was|were|is|are|would be|will be)\s+(?:not\s+)?(?:excluded|kept out|barred|"
    r"ineligible|eligible|included|enrolled)\b(?!\s+(?:by|as|to)\b)",
    re.I,
)
# "Who makes …", "who first marketed …": the verb after "who", not one with its particle ("makes
# up"); and what a maker makes, when the question names no drug ("who makes the pair?").
_MAKER = re.compile(
    r"\s*who\s+(?:(?:has|have|had|did|does|do|first|originally)\s+)?(\w+)\b(?!\s+up\b)", re.I
)
_MADE_THING = re.compile(
    r"\b(?:drugs?|agents?|antibod(?:y|ies)|inhibitors?|pair|combination|vaccines?|devices?|"
    r"tests?|assays?|kits?|products?|biosimilars?)\b",
    re.I,
)
_MANY_AS_ONE = frozenset({"pair", "duo", "doublet", "triplet", "trio", "couple"})
# "What were the …", "In X, what were the …": several.
_ARE = re.compile(r"(?:^|[,:;])\s*(?:what|which)\s+(?:are|were)\b", re.I)


# What a definition is given as: "which cutoff / threshold / criteria defined X?".
_DEFINING_NOUN = re.compile(
    r"(cut-?off|threshold|criteri(?:on|a)|definition|boundar(?:y|ies))s?$", re.I
)
