"""The shape of an answer to a question a statement answers: a reason for "why", a means for
"how", a verdict for yes/no, a delimiting phrase for a definition. Read from the wording alone,
so the scorer, the extractors and the confidence agree on it."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexical import STOPWORDS, tokenize
from ..question import ENDPOINTS, LIMITS, Profile, unwrapped
from ..spans import find, mask_markup
from .explanations import describing_span

__all__ = [
    "clause_of",
    "compares_endpoint",
    "explains",
    "gives_reason",
    "has_statement_shape",
    "has_verdict",
    "series_length",
    "states_makeup",
]

# Where a text delimits a term: "defined as", "characterized by", "refers to", "considered …",
# a comparator.
_DEFINING = re.compile(
    r"\b(?:defined|characteri[sz]ed)\s+(?:as|by)\b|\brefers?\s+to\b|\bdefinition\b|"
    r"\bwas considered\b|\bi\.e\.|[≥≤]|"
    r"\b(?:more|fewer|less|greater) than\b|\bor (?:more|fewer|less|greater)\b|\bwithin\b",
    re.I,
)
# A question about what a thing is made of, and the words that state its parts.
_ASKS_MAKEUP = re.compile(
    r"\b(?:built|made(?: up)? of|made from|composed|composition|structure[sd]?|structurally|"
    r"put together|constructed|construct|components?|consists?|comprises?|architecture)\b",
    re.I,
)
_MAKEUP = re.compile(
    r"\b(?:consists?|consisting|consisted|comprises?|comprising|comprised|composed|"
    r"made up|built (?:from|on|of)|assembled from|fused (?:to|with)|linked (?:to|via|by)|"
    r"conjugated (?:to|with)|attached to|joined (?:to|by)|contains?|containing)\b",
    re.I,
)
# The words a reason ("why …?") or a means ("how …?") is stated with.
_WHY = re.compile(r"^\s*why\b|\breasons?\b|" + LIMITS, re.I)
_CAUSE = re.compile(
    r"\b(?:because|due to|result(?:s|ed)? (?:of|from)|owing to|caused by|attributable to|"
    r"attributed to|explained by|as a result|reflects?|reflecting|given that|since(?! \d)|"
    r"(?:a |the )?consequences? of|explanations?|account(?:s|ed)? for|"
    r"driven by|(?:stems?|stemming|arises?|arising|derives?|deriving) from|"
    r"(?:limited|constrained|hampered|hindered|restricted|impeded) by|thereby|so that)\b",
    re.I,
)
# A sentence that draws a consequence from the one before: "Therefore, …", "As a result, …".
_CONSEQUENCE = re.compile(
    r"\s*(?:Therefore|Thus(?!\s+far\b)|Hence|Consequently|Accordingly|As a result(?!\s+of\b)|"
    r"For this reason|For these reasons)\b,?",
)
# "Why is X not given?", "why avoid X?": a reason against X; and the words that state one, a
# drawback of X ("there is concern that it increases resistance"; not "resistance" alone,
# which a benefit overcomes).
_WHY_NOT = re.compile(
    r"^\s*why\b(?:(?!\b(?:that|who|which|whose|when|if|because)\b)[^?])*?"
    r"(?:\b(?:not|never|rarely|seldom|avoid(?:ed)?|no longer)\b|n['’]t\b)",
    re.I,
)
_DRAWBACK = re.compile(
    r"\b(?:concerns?|concerned|drawbacks?|disadvantages?|downsides?|harms?|harmful|toxic\w*|"
    r"caution|unsafe|outweigh\w*)\b",
    re.I,
)
# A means is stated by its preposition ("by binding", "through", "via"), by a consequence linker
# ("thereby", "leading to", "resulting in"), or by a verb of acting on a target in the present
# or past ("blocks", "recruits", "activated", "up-regulates"): how a drug or signal works.
_MEANS = re.compile(
    r"\b(?:by\s+\w+ing|through|via|by which|thereby|in turn|lead(?:s|ing)? to|"
    r"result(?:s|ing)? in|so that|(?:mechanisms?|modes?)\s+of\s+action|"
    r"(?:bind|block|inhibit|activat|induc|promot|recruit|trigger|suppress|restor|engag|"
    r"prevent|stimulat|enhanc|disrupt|stabiliz|trap|impair|sequester|up-?regulat|"
    r"down-?regulat|reprogram|re-program|convert|drive|elicit|release|expos)"
    r"(?:s|es|ed|d|ing)?)\b",
    re.I,
)
# What a series' items never hold: asides in brackets, which carry commas of their own.
_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_CONJUNCTION = re.compile(r"\b(?:and|or|as well as)\b")
# An enumerated item is a phrase: a longer stretch between commas is a clause.
_ITEM_WORDS = 6
# What settles a yes/no question: a finding stated for or against ("failed to", "no benefit",
# "not recommended", "improved", "remains investigational", "was noninferior to").
_VERDICT = re.compile(
    r"\b(?:not|no|cannot|never|failed|neither|nor|lack(?:s|ed|ing)?|without|"
    r"(?:has|have|was|were) (?:been )?shown|demonstrated|improved|prolonged|recommended|"
    r"approved|remains?|superior|(?:non-?)?inferior|equivalent|comparable|investigational|"
    r"discontinued|ineffective|"
    r"insufficient|unproven)\b",
    re.I,
)


def explains(question: str, sentence: str) -> bool:
    """Whether `sentence` states a reason (for a why-question) or a means (for a how-question)."""
    if _asks_why(question):
        return gives_reason(question, sentence)
    return _MEANS.search(sentence) is not None


def gives_reason(question: str, sentence: str) -> bool:
    """Whether a why-question's `sentence` states a reason ("This matters because …"); for
    "why is X not done?", a drawback of doing it is one ("However, there is concern that …"),
    and so is a consequence drawn from one ("Therefore, X is of limited use")."""
    if not _asks_why(question):
        return False
    if _CAUSE.search(sentence) is not None or _contributes_to_asked(question, sentence):
        return True
    # "Why is X not useful?": "Therefore, X has limited value" states what is asked, drawn from
    # the reason before it.
    return _WHY_NOT.search(question) is not None and (
        _DRAWBACK.search(sentence) is not None or _CONSEQUENCE.match(sentence) is not None
    )


# "X probably contributed to the duration of OS": a cause of what follows, when what follows
# (to the end of its phrase) is what the question asks about, in its words or by its endpoint
# ("… to the ZETA registry" is no reason for survival).
_CONTRIBUTED = re.compile(r"\bcontribut(?:es|ed|ing|e)\s+to\s+([^,;.()]{1,60})", re.I)


def _contributes_to_asked(question: str, sentence: str) -> bool:
    """Whether `sentence` says something contributed to a thing the question names."""
    if _CONTRIBUTED.search(sentence) is None:
        return False
    asked, endpoints = _asked_things(question)
    return any(
        asked & set(tokenize(m.group(1)))
        or any(p.search(m.group(1)) for p in endpoints)
        or _REFERRED.match(m.group(1)) is not None  # "… contributed to this (finding)"
        for m in _CONTRIBUTED.finditer(sentence)
    )


@lru_cache(maxsize=1024)
def _asked_things(question: str) -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    """The question's content words and its endpoints' patterns: read once per question, though
    every candidate sentence is weighed against them."""
    asked = frozenset(tokenize(question)) - STOPWORDS
    return asked, tuple(p for p in ENDPOINTS.values() if p.search(question))


# What refers back to the thing the sentence before states: "this", "this finding", "it".
_REFERRED = re.compile(r"\s*(?:this|that|these|those|it)\b(?:\s+\w+)?\s*$", re.I)


@lru_cache(maxsize=1024)
def _asks_why(question: str) -> bool:
    """Whether a question asks a reason, not a means: read once per question, though every
    candidate sentence is weighed against it."""
    return _WHY.search(unwrapped(question)) is not None


def draws_consequence(question: str, sentence: str) -> bool:
    """Whether a why-question's `sentence` opens by drawing a consequence ("Therefore, X has
    limited value.") and states no cause of its own: its reason is the sentence before it."""
    opener = _CONSEQUENCE.match(sentence) if _asks_why(question) else None
    # "As a result, …" is no cause of its own: a cause is looked for after the opener.
    return opener is not None and _CAUSE.search(sentence, opener.end()) is None


def states_makeup(question: str, sentence: str) -> bool:
    """Whether `question` asks what a thing is made of ("how is X built?") and `sentence` says
    what it consists of ("It consists of two …"): an answer even when it opens with "It"."""
    return _ASKS_MAKEUP.search(question) is not None and _MAKEUP.search(sentence) is not None


def has_statement_shape(prof: Profile, sentence: str) -> bool:
    """Whether `sentence` has the shape of an answer to a question a statement answers: for a
    definition, where a term is delimited ("… was defined as …") or what the asked name is said
    to be ("X is a …"); for how/why, a reason or means
    ("because …", "by binding …"); for yes/no, a verdict ("… did not improve OS"), not a trial's
    design. False for every other kind."""
    if prof.kind in ("definition", "mechanism", "fact") and _ASKS_MAKEUP.search(prof.text):
        # "How is X built?", "what is X made of?": what it consists of, not what it does.
        return _MAKEUP.search(sentence) is not None
    if prof.kind in ("definition", "glossary"):
        # "… was defined as …", or what it says the asked name is ("X is a bispecific …").
        return (
            prof.kind == "definition" and _DEFINING.search(sentence) is not None
        ) or describing_span(sentence, prof.names) is not None
    if prof.kind == "mechanism":
        return explains(prof.text, sentence)
    if prof.kind == "yesno":
        return has_verdict(sentence) or compares_endpoint(sentence, prof.endpoints)
    return False


def compares_endpoint(sentence: str, endpoints: frozenset[str]) -> bool:
    """Whether `sentence` compares arms by the figures of one of `endpoints` ("median OS was
    8.1 months with A versus 9.9 months with B"): that settles "did A help patients live longer
    than B?" as a verdict does."""
    if not endpoints or _COMPARING.search(sentence) is None:
        return False
    text = mask_markup(sentence)
    return any(s.endpoint in endpoints for k in _COMPARED_BY for s in find(text, k))


_COMPARING = re.compile(r"\b(?:versus|vs\.?|compared (?:with|to)|than)\b", re.I)
_COMPARED_BY = ("hr", "duration", "percent")


def has_verdict(sentence: str) -> bool:
    """Whether `sentence` states a finding for or against ("failed to", "not recommended")."""
    return _VERDICT.search(sentence) is not None


def series_length(sentence: str) -> int:
    """How many items the longest enumeration in `sentence` holds ("A, B, and C" → 3; a lone
    "A and B" → 2; none → 1): the shape of an answer to "which Xs …?", "what are the three …?".
    Read with bracketed asides removed, a series is a run of short stretches between commas
    (the first may be a clause whose tail is the first item), closed by "and" / "or"."""
    best, items = 1, 0
    for piece in re.split(r"[,;:]", _ASIDE.sub("", sentence)):
        words = piece.split()
        joins = len(_CONJUNCTION.findall(" ".join(words[-_ITEM_WORDS - 2 :])))
        if not words:
            items = 0
            continue
        if items == 0 or len(words) > _ITEM_WORDS + 2:
            items = 1 + joins  # a new run: this stretch's tail is its first item
        else:
            items += joins + (0 if _CONJUNCTION.match(piece.strip()) else 1)
        if joins:
            best = max(best, items)
    return best


# Where one clause of a sentence ends and the next begins: a semicolon or colon, a dash set off
# by spaces, or a comma before a word that opens a contrasting or added clause.
_CLAUSE_BREAK = re.compile(
    r"[;:]|\s[-\u2013\u2014]\s|,\s+(?=(?:yet|but|while|whereas|although|though|and|which|"
    r"with|including|extending|leading|resulting)\b)"
)


def clause_of(sentence: str, start: int, end: int) -> str:
    """The clause of `sentence` that holds `sentence[start:end]`: from the clause break before
    it to the one after ("…, yet few respond (20%); …" → "yet few respond (20%)")."""
    lo = 0
    for m in _CLAUSE_BREAK.finditer(sentence, 0, start):
        lo = m.end()
    after = _CLAUSE_BREAK.search(sentence, end)
    return sentence[lo : after.start() if after else len(sentence)]
