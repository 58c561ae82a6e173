"""Whether a how-many question asks a share of patients rather than a number: a trial reports
who had an outcome as a percentage ("how many responded?"), whom it enrolled as a count."""

from __future__ import annotations

import re

__all__ = ["counts_a_share"]


def counts_a_share(text: str) -> bool:
    """Whether the how-many question `text` asks a share ("out of all tumours, how many …?",
    "how many patients respond?"), not a count of a population over a place or period, nor
    one among a total the question gives."""
    return bool(
        _SHARE_OF.search(text)
        or (
            _HOW_MANY_HAD.search(text)
            and not _POPULATION.search(text)
            and not _OF_STATED_TOTAL.search(text)
        )
    )


# "Out of all …", "how many zetomas are caused by X?": a share of a whole, not a number.
_SHARE_OF = re.compile(
    r"\bout of (?:all|every)\b|\bof all\b|\bper (?:hundred|100)\b|"
    r"\bhow many\b[^?]*\b(?:are|is)\s+(?:caused by|attributable to|due to|related to)\b",
    re.I,
)
_HOW_MANY_HAD = re.compile(
    r"\bhow many (?:(?:[\w-]+\s+){0,2}(?:patients|people|persons|individuals|subjects|"
    r"participants|volunteers|women|men|children|adults|carriers|survivors|"
    # (not "how many patients' records", which counts the records)
    r"tumou?rs|samples|specimens|biopsies|lesions)\b"
    r"(?!['’]\s*(?:records|charts|files|notes|data|cases)\b)|"
    r"(?:of (?:them|these|those) )?(?:(?:actually|still|eventually|ever|really|ultimately)\s+)?"
    r"(?:had|have|has|get|gets|got|saw|seen|sought|quit|stop(?:s|ped)?|drop(?:s|ped)? out|"
    # … or comes to an outcome: "how many end up needing surgery", "how many go on to relapse".
    r"(?:end(?:s|ed)?|wind|wound)\s+up\s+[a-z]+ing|go(?:es)?\s+on\s+to|went\s+on\s+to|"
    # … an outcome's verb in any tense: "develop", "developed", "develops".
    r"(?:develop|experience|respond|die|survive|relapse|progress|achieve|suffer|reach|attain|"
    r"obtain|maintain|carr(?:y|ie)|harbou?r|see|seek|need|discontinue|complete)(?:s|d|ed)?|"
    # … or says it has it: "how many report fatigue" (not "how many reports", "how many
    # reported cases", where the word names what is counted).
    r"(?:report|complain)(?:ed\b(?!\s+(?:cases?|deaths?|events?|studies|trials|series)\b)|\b))\b|"
    # "how many were still alive", "how many remained disease-free": a state at a time point
    r"(?:of (?:them|these|those) )?(?:were|was|are|is|remained|stayed)\s+(?:still\s+)?"
    r"(?:alive|free|[\w]+-free)\b)"
    r"(?!.*\b(?:enroll\w*|randomi[sz]ed|included|recruited|accrued|assigned|participat\w*|"
    r"took part|screened|registered|invit\w*|"
    # "how many patients were reviewed": how many a study looked at (not "… when examined")
    r"(?:were|was|are|is|have|has|will)\s+(?:been\s+|being\s+|be\s+)?"
    r"(?:reviewed|studied|analy[sz]ed|evaluated|examined|surveyed|interviewed|sequenced)|"
    # "how many patients were in the zeta cohort": its size, a count.
    r"(?:were|was) in (?:the|a|an|this|that|each|its) (?:[\w-]+\s+){0,5}?"
    r"(?:cohorts?|trials?|study|studies|arms?|groups?|samples?|series|analys[ie]s|"
    r"registr(?:y|ies)|databases?|datasets?|surveys?|populations?))\b)",
    re.I,
)
# A population over a period or place is counted, not a share: "how many people die of it
# each year in the United States?", "worldwide in 2019, how many were diagnosed?".
_POPULATION = re.compile(
    r"\b(?:worldwide|globally|annually|each year|every year|per year|(?:19|20)\d{2}|"
    r"United States|the US)\b",
    re.I,
)
# "Of 101 patients, how many needed surgery?": the total given, a count among them is asked.
_OF_STATED_TOTAL = re.compile(r"\b(?:of|among|out of)\s+(?:the\s+)?\d[\d,]*\s+(?!%)", re.I)
