"""The noun phrase of a "which/what X …" question: "Which DLL3 ADC is …" → "DLL3 ADC". Its last
word says what kind of thing is asked (a drug, a trial, a measure) and whether several are.

Its own module because finding where the phrase ends is a grammar of its own: the verbs,
auxiliaries and prepositions that end it, and the adverbs and determiners around it.
"""

from __future__ import annotations

import re

from .domain import domain
from .mentions import is_druglike

__all__ = [
    "COUNT_AS",
    "PLURAL",
    "PREPOSITIONS",
    "SETTING",
    "asked_term",
    "class_phrase",
    "setting",
    "which_phrase",
]

_AUX = re.compile(
    r"^(is|are|was|were|do|does|did|has|have|had|can|could|will|would|may|might|should|shows?|"
    r"showed|selects?|recruits?|carr(y|ies)|targets?|drives?|makes?|leads?|led|acts?|binds?|"
    r"causes?|get|got|gets|gotten|received|ranked|mobiliz\w*|combined|paired|used|tested|studied|in|of|for|"
    r"with|from|that|to|on|at|into|by|as|than|made|splits?|induces?|blocks?|improved?|"
    r"improves|prolong\w*|reduces?|increases?|cited|uses|defines?|predicts?|confers?|mediates?|"
    r"regulates?|encodes?|express\w*|includes?|comprises?|involves?|remains?|gave|gives?|yields?|"
    r"achieved?|achieves|becomes?|turns?|stops?|stopped|inhibits?|kills?|recognizes?|activates?|"
    r"triggers?|promotes?|enhances?|carried|exists?|occurs?|appl(?:y|ies)|appears?|helps?|"
    r"arises?|lies|happens?|happened|cures?|treats?|belongs?|corresponds?|refers?|relates?|"
    r"responds?|raises|lowers|doubles|worsens|shortens)$",
    re.I,
)


# Prepositions beyond the commonest (those are in `_AUX`): "the zeta gene behind each subtype",
# "the drug among these": the phrase ends before its prepositional phrase.
_RARER_PREPOSITIONS = [
    "about",
    "across",
    "after",
    "against",
    "along",
    "among",
    "amongst",
    "around",
    "before",
    "behind",
    "beneath",
    "beside",
    "besides",
    "between",
    "beyond",
    "despite",
    "during",
    "except",
    "inside",
    "outside",
    "per",
    "since",
    "through",
    "throughout",
    "toward",
    "towards",
    "under",
    "underneath",
    "unlike",
    "upon",
    "versus",
    "via",
    "within",
    "without",
]
_PREPOSITION = re.compile(rf"^({'|'.join(_RARER_PREPOSITIONS)})$", re.I)
# A name written in capitals or with digits ("ZX1", "PD-L1"), which may modify a noun as an
# adjective does.
_NAMELIKE = re.compile(r"(?=[\w/+-]*[A-Z][\w/+-]*[A-Z0-9])[\w/+-]+")
# Past participles not in -ed, which end a phrase as "-ed" ones do ("the Xs given as …").
_IRREGULAR_PARTICIPLES = frozenset(
    {
        "given",
        "taken",
        "chosen",
        "shown",
        "seen",
        "known",
        "written",
        "driven",
        "drawn",
        "grown",
        "found",
        "held",
        "kept",
        "left",
        "built",
        "brought",
        "begun",
        "run",
        "sent",
        "set",
        "led",
    }
)
# Past tenses not in -ed, which open a clause, not a noun phrase, after "what".
_IRREGULAR_PAST = frozenset({"became", "came", "went", "made", "did", "got", "grew", "drove"})
# Adverbs of hedging and focus that may stand between "what" and its verb; not the adjectives
# in -ly ("what early signs …").
_HEDGING_ADVERBS = frozenset(
    {
        *("exactly", "precisely", "specifically", "actually", "really", "typically", "usually"),
        *("mainly", "mostly", "primarily", "chiefly", "largely", "principally", "predominantly"),
        *("ultimately", "eventually", "else"),
    }
)
# What opens a question asking for things beyond those it lists: "Apart from A, B and C, …".
_BESIDES = r"\s*(?:apart from|aside from|besides|other than|except(?: for)?|in addition to)\s"
# Nouns in -ly, which are no adverbs.
_LY_NOUNS = frozenset({"family", "supply", "assembly", "anomaly", "reply", "ally", "monopoly"})
# Adverbs not in -ly that stand before a verb ("which zeta variant often serves as …"); "most"
# is one only before another adverb or a verb ("most often", "most improved"), else it makes a
# superlative ("which two most common events").
_ADVERBS = frozenset({"often", "always", "never", "still", "also", "seldom", "ever"})
# Words for a share of a group, which a verb may follow with no noun between ("what share die").
_SHARE_NOUNS = frozenset({"share", "proportion", "percentage", "fraction", "percent"})
# Nouns a share noun may modify: "percentage point", "percentage increase".
_CHANGE_NOUNS = frozenset(
    {
        "point",
        "points",
        "difference",
        "change",
        "increase",
        "decrease",
        "reduction",
        "decline",
        "gain",
    }
)
# The particles of phrasal verbs ("picks up", "rules out", "wears off").
_PARTICLES = frozenset({"up", "out", "off", "down", "back", "over", "away"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their"})
# "Name the Xs the review mentions": a clause about the source follows the phrase, whose last
# word is then no verb.
_SOURCE_NOUNS = frozenset(
    {"review", "article", "text", "document", "documents", "paper", "summary", "authors", "report"}
)


# An adjective by its ending, coordinated with another before one noun ("clinical and
# pathological features"), and a plural noun, which a plain verb may follow ("features go");
# "odds" or "series" end in s but are one thing ("what odds ratio for X …").
_ADJECTIVE = re.compile(r"[a-z](?:al|ic|ive|ous|ary|ar)$")
PLURAL = re.compile(r"(?!(?:odds|series|species|means|news)$)[a-z]+[^su'’]s")
_COMMON_PREPOSITIONS = frozenset(
    {"with", "from", "to", "in", "on", "at", "for", "of", "into", "by"}
)
# Every preposition a question may end on ("… does X interact with?"), which is then no verb.
PREPOSITIONS = _COMMON_PREPOSITIONS | {"onto", "over", "than", "like", *_RARER_PREPOSITIONS}
# What may follow a verb in the past after "what" ("what became of the …", "what happened to").
_CLAUSE_OPENERS = _DETERMINERS | _COMMON_PREPOSITIONS


# A possessive ending a word: the owner is what a which-phrase asks for.
_POSSESSIVE = re.compile(r"(?<=\w)['’](?:s\b)?(?=\s)")


def setting(openers: str) -> str:
    """A phrase that sets the scene before the question proper, to its comma, opening with one
    of `openers` (an alternation of words): "In stage III disease, does …?"."""
    return rf"\s*(?:{openers})\b[^,?]{{1,80}},\s*"


# Any such phrase: "In stage III disease, does …?", "After surgery, what …?".
SETTING = setting(
    "in|for|among|after|before|with|without|per|according to|at|on|during|once|beyond"
)


# Nouns that name a sort of the noun before them ("immune cell types"): the class a text names
# is written without them ("immune cells such as …").
_SORT_NOUNS = frozenset({"type", "types", "kind", "kinds", "sort", "sorts", "variety", "varieties"})
# "What kind of X is Y?" asks what Y is, not for Xs: only the plural asks the nouns after "of".
_SINGULAR_SORTS = frozenset({"type", "kind", "sort", "variety"})


def class_phrase(phrase: str) -> str:
    """A which-phrase without a closing noun of sort: "immune cell types" → "immune cell"."""
    words = phrase.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in _SORT_NOUNS else phrase


def _nouns_before_plural(first: str, rest: list[str]) -> bool:
    """Whether `first` and the word after "and" (`rest[0]`) are two nouns modifying the plural
    noun after them ("which host and zetal features go with …"): the plural is a
    noun when a plural subject's verb follows it ("… characteristics are", "… features go
    along with"), not a verb in -s itself ("which drug and regimen works …"). A class word
    ("drug", "trial") is what the question asks for, not a modifier ("which drug and dose
    levels were tested")."""
    if len(rest) < 3 or domain().entity_class(first.lower()) is not None:
        return False
    other, plural, verb = rest[0], rest[1], rest[2].lower()
    if (
        not re.fullmatch(r"[a-z]+", other)
        or other in _DETERMINERS | {"which", "what"}
        or PLURAL.fullmatch(plural) is None
        or _AUX.match(plural)  # "what carrier and cargo does …"
    ):
        return False
    if verb in _PLURAL_VERBS or verb in _IRREGULAR_PAST or re.fullmatch(r"[a-z]+ed", verb):
        return True
    # A plain verb and the preposition or particle after it: "… go along with", "… respond to".
    return (
        re.fullmatch(r"[a-z]+[^s]", verb) is not None
        and verb not in _COMMON_PREPOSITIONS | _DETERMINERS
        and not _PREPOSITION.match(verb)
        and len(rest) > 3
        and (
            rest[3].lower() in _COMMON_PREPOSITIONS | _PARTICLES
            or bool(_PREPOSITION.match(rest[3]))
        )
    )


# The verbs a plural subject takes and a singular one does not, or that take either.
_PLURAL_VERBS = frozenset(
    {"are", "were", "do", "did", "have", "had", "can", "could", "may", "might", "should", "will"}
    | {"would", "must"}
)


def which_phrase(text: str) -> str:
    """The noun phrase of a "which/what X …" question ("Which DLL3 ADC is …" → "DLL3 ADC")."""
    # "Which was the first drug to …": the phrase follows the copula.
    m = (
        re.match(r"\s*which\s+(?:is|was|are|were)\s+(?:the\s+)?(.*)", text, re.I)
        # "Name the Xs that …": the determiner opens no noun.
        or re.match(r"\s*(?:which|what|name(?:\s+(?:the|all|any))?)\s+(.*)", text, re.I)
        # "In the zeta study, what median survival …": after a setting phrase and its comma.
        or re.match(SETTING + r"(?:which|what)\s+(.*)", text, re.I)
        # "Apart from A, B and C, what other …": after a setting whose commas list things.
        or re.match(_BESIDES + r"[^?]*?[,;:]\s*(?:which|what)\s+(.*)", text, re.I)
        or re.search(r"\bwhich\s+(.*)", text, re.I)
    )
    if not m:
        return ""
    rest = m.group(1)
    owner = _POSSESSIVE.search(rest)
    if (
        owner is not None
        and len(rest[: owner.start()].split()) <= 6
        and domain().entity_class(rest[: owner.start()].split()[-1].lower())
    ):
        # "which companies' antibodies …", "which trial's arm …" ask for the owner, a class
        # of things; "which children's tumour …" asks for the tumour.
        rest = rest[: owner.start()]
    words = re.findall(r"[\w/+-]+", rest)
    while words and words[0].lower() in _HEDGING_ADVERBS:
        # "What exactly is X?", "what mainly holds X back?": the adverb is no noun of the phrase
        words = words[1:]
    if (
        len(words) > 1
        and words[0].lower() in _SHARE_NOUNS
        and re.fullmatch(r"[a-z]+", words[1])
        and words[1] not in _CHANGE_NOUNS  # "what percentage point difference …": a noun
    ):
        # "what share relapse …", "what proportion survive …": the verb follows
        return str(words[0])
    if len(words) > 2 and words[0].lower() in _SORT_NOUNS - _SINGULAR_SORTS and words[1] == "of":
        words = words[2:]  # "which kinds of cells …" asks cells, as "which cells …" does
    phrase: list[str] = []
    for i, w in enumerate(words[:6]):
        if (
            not phrase
            and i + 1 < len(words)
            and (words[i + 1].lower() in _CLAUSE_OPENERS or _PREPOSITION.match(words[i + 1]))
            and (
                (re.fullmatch(r"[a-z]{2,}[^e]ed", w) and not is_druglike(w)) or w in _IRREGULAR_PAST
            )
        ):
            break  # "what became of the trial", "what happened to it": a verb, no noun asked
        if (
            _AUX.match(w)
            or _PREPOSITION.match(w)
            or (
                phrase
                and (
                    (re.fullmatch(r"[a-z]+ed", w) and not is_druglike(w))
                    or w in _IRREGULAR_PARTICIPLES
                    or w in _IRREGULAR_PAST  # "what hazard ratio went with …"
                )
            )
        ):
            break
        if (
            not phrase
            and re.fullmatch(r"[a-z]+[^su]s", w)
            and domain().entity_class(w[:-1]) is None
            and i + 1 < len(words)
            and (
                (
                    i + 2 < len(words)
                    and words[i + 1].lower() in _DETERMINERS
                    and words[i + 2].lower() not in _SOURCE_NOUNS
                )
                or _NAMELIKE.fullmatch(words[i + 1]) is not None
            )
        ):
            break  # "what determines the makeup …", "what raises ZA-125": a verb, no class
        if phrase and i + 1 < len(words) and words[i + 1].lower() in _DETERMINERS:
            if i + 2 < len(words) and words[i + 2].lower() in _SOURCE_NOUNS:
                phrase.append(w)  # "Name the Xs the review mentions": "Xs" ends the phrase
            break  # "which country ran the trial": a word before "the" is the verb
        after = words[i + 1].lower() if i + 1 < len(words) else ""
        if phrase and (
            (w.lower().endswith("ly") and w.lower() not in _LY_NOUNS)
            or w.lower() in _ADVERBS
            or (
                w.lower() == "most"
                and (after in _ADVERBS or after.endswith(("ly", "ed")) or after in _IRREGULAR_PAST)
            )
        ):
            break  # "which zentic event mainly rose", "… most often serves": an adverb ends it
        if phrase and w.lower() in ("and", "or"):
            if len(phrase) == 1 and (
                _ADJECTIVE.search(phrase[0])
                or (
                    _NAMELIKE.fullmatch(phrase[0])
                    and _NAMELIKE.fullmatch(words[i + 1] if i + 1 < len(words) else "")
                )
                or (is_druglike(phrase[0]) and i + 1 < len(words) and is_druglike(words[i + 1]))
                or _nouns_before_plural(phrase[0], words[i + 1 :])
            ):
                # "which clinical and pathological features …", "the ZX1 and ZX2 inhibitors",
                # "what zetaplatin and etamab doses": two modifiers of one noun
                phrase.append(w)
                continue
            break  # "which X … and …": the phrase ends where the clause joins another
        if (
            phrase
            and PLURAL.fullmatch(phrase[-1])
            and re.fullmatch(r"[a-z]+", w)
            and i + 1 < len(words)
            and (
                _PREPOSITION.match(words[i + 1])
                or words[i + 1].lower() in _COMMON_PREPOSITIONS
                or words[i + 1].lower() in _PARTICLES
                or re.fullmatch(r"[a-z]{2,}ing", words[i + 1])
            )
        ):
            # "which features go with …", "which patients benefit from …", "what flaws keep
            # slowing …", "which functions come back": the verb
            break
        if (
            re.fullmatch(r"[a-z]+[^su]s", w)
            and i + 1 < len(words)
            and (
                (phrase and re.search(r"[A-Z0-9]", words[i + 1]))
                or words[i + 1].lower() in _PARTICLES
            )
        ):
            # "which agent traps ZX1", "which zeta sensor picks up …": a plain -s word before a name
            # or a verb's particle is the verb; "which picks up …" asks for no class at all
            break
        if (
            re.fullmatch(r"[a-z]+(?:[^su]s|ed)", w)
            and i + 1 < len(words)
            and words[i + 1].lower() in _COMPARING_ADVERBS
        ):
            break  # "which works better", "which arm performed best": the verb, no class
        if w.lower() in _AS_VERBS and i + 1 < len(words) and words[i + 1] == "as":
            # "which node groups count as N1": the verb, then what they count as; "what counts
            # as X?" asks no class at all, but what X is.
            break
        phrase.append(w)
    return " ".join(phrase)


# Adverbs that follow a verb of comparing ("works better", "performed best").
_COMPARING_ADVERBS = frozenset({"better", "best", "worse", "worst"})
# Verbs that say what a thing is taken as: "which groups count as N1", "which qualify as …".
_AS_VERBS = frozenset({"count", "counts", "counted", "qualify", "qualifies", "qualified"})
_AS_VERB = "(?:" + "|".join(sorted(_AS_VERBS)) + ")"
# "Which … count as X?": what is asked is X's definition.
COUNT_AS = re.compile(rf"\b{_AS_VERB} as\b", re.I)


# The term in "what does X mean / stand for / denote / refer to?".
_ASKED_TERM = re.compile(
    r"\bwhat do(?:es)? (?:the |an? )?(?:term |abbreviation |acronym )?((?:\S+\s+){0,5}?\S+)\s+"
    r"(?:mean|stands? for|denote|refer to|signify)\b",
    re.I,
)
# "TDLN - what does it stand for?": the term is named elsewhere in the question.
_PRONOUNS = frozenset({"it", "this", "that", "they", "these", "those"})


def asked_term(text: str) -> str | None:
    """The term a "what does X mean?" or "what is X?" question asks about ("In TNM staging,
    what does N2 denote?" → "N2", "In zeta staging, what is Tis (formerly …)?" → "Tis"), or
    that a "which … count as X?" question asks what counts as; None for any other question,
    or when X is a pronoun."""
    m = _ASKED_TERM.search(text) or _WHAT_IS.search(text) or _COUNTS_AS.search(text)
    if m is None or m.group(1).split()[0].lower() in _PRONOUNS:
        return None  # "TDLN - what is that abbreviation?": the term is named elsewhere
    return m.group(1)


# "What is X?" closing the question, X a short term with any bracketed aside after it.
_WHAT_IS = re.compile(
    r"\bwhat (?:is|are) (?:an? |the )?((?:\S+\s+){0,2}?[^\s()]+)(?:\s+\([^()]*\))?"
    r"(?:\s+(?:in|for|under)\s[^?]*)?\s*\?\s*$",
    re.I,
)
# "Which … count as X?": what counts as X is X's definition.
_COUNTS_AS = re.compile(
    rf"\b{_AS_VERB} as (?:an? |the )?"
    r"((?:\S+\s+){0,2}?\S+?)(?:\s+(?:in|for|under|on|by)\b[^?]*)?\s*\?\s*$",
    re.I,
)
