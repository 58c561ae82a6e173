"""What a text names, in questions and in the documents alike: names (trials, drugs, genes, NCT
ids, proper nouns), which of them look like drugs, and the time points figures are stated at.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from .domain import domain
from .lexical import STOPWORDS

__all__ = [
    "YEAR",
    "clean",
    "describes",
    "follow_up_points",
    "in_series",
    "is_druglike",
    "is_stage",
    "is_tnm",
    "named_tokens",
    "says_word",
    "time_points",
    "written",
]

# International nonproprietary names by their stems (data/domain.json): -mab, -nib, -platin, …
_DRUG = re.compile(r"(?i)^(?=.{5})(?=[a-z])[a-z\-]*?(" + "|".join(domain().drug_stems) + r")$")


def is_druglike(word: str) -> bool:
    """International nonproprietary names by their stems: -mab, -nib, -parib, -platin, …"""
    return _DRUG.match(word.strip()) is not None


# A TNM category or a range of them: "T2", "N2", "T1-T2", "T3/T4".
_TNM = re.compile(r"[TNM][0-4Xx][a-c]?(?:[-–/][TNM]?[0-4Xx][a-c]?)*")


def is_tnm(name: str) -> bool:
    """A tumour, node or metastasis category, or a range of them ("T2", "T1-T2")."""
    return _TNM.fullmatch(name) is not None


# A disease stage, alone or with its node category: "IIIA", "IIB", "IIIA-N2", "I-II".
_STAGE = re.compile(
    r"(?:0|I{1,3}|IV)[A-C]?\d?(?:[-–/](?:(?:0|I{1,3}|IV)[A-C]?\d?|[TNM][0-4Xx][a-c]?))*"
)


def is_stage(name: str) -> bool:
    """A stage or a range of stages, or a stage with its category ("IIIA", "I-II", "IIIA-N2"):
    whom a figure is for, never a subject compared."""
    return _STAGE.fullmatch(name) is not None


_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{0,3}|IX|X)(?:/(?:I{1,3}|IV))?[ab]?$")
# Greek letters end names as Latin ones do ("ZX-α", "QKP-θ").
_WORD = re.compile(r"[^\W_](?:[^\W_]|[\-+/.'])*(?:[^\W_]|\+)|[^\W_]")
# Common words never taken for a name when capitalised ("What", "The"): the one stopword list.
_CASUAL = STOPWORDS | {"whose"}
# What a proper name before them names: a syndrome, a sign, a scheme ("Good syndrome" is not
# "Good"; "Lambert-Eaton syndrome", "Masaoka classification").
_EPONYM_CLASSES = frozenset(
    {"syndrome", "disease", "sign", "criteria", "classification", "score", "scale", "index"}
)
# A pronoun or verb with its contraction ("I've", "We'd", "Don't") is a word of the asker's, not
# a name the documents must mention.
_CONTRACTION = re.compile(r"(?i)'(?:ve|re|ll|d|m|t)$")


@lru_cache(maxsize=1 << 12)
def _whole(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.I)


def says_word(text: str, name: str) -> bool:
    """Whether `text` writes `name` as a whole word, in any case; a hyphen may join it to
    another ("zentamab" in "the zentamab-containing arm")."""
    return _whole(name).search(text) is not None


@lru_cache(maxsize=1 << 12)
def written(name: str) -> re.Pattern[str]:
    """`name` written as a whole: no letter, digit or hyphen touching it, so "ZX-1" is not
    found in "ZX-12" nor "PD-1" in "anti-PD-1-like" (compiled once: the same names recur). A
    pair of drugs joined by a hyphen ("zentamab-quellimab") is written by any word that joins
    them: "zentamab and quellimab", "zentamab plus quellimab", "zentamab/quellimab"."""
    parts = name.split("-")
    if len(parts) > 1 and all(p.isalpha() and p.islower() and len(p) >= _DRUG_WORD for p in parts):
        body = _JOINED.join(map(re.escape, parts))
    else:
        body = re.escape(name)
    return re.compile(rf"(?<![\w-]){body}(?![\w-])")


# The words that join the drugs of a regimen, and the shortest drug word (shorter parts of a
# hyphenated name are other words: "non-small", "first-line").
_JOINED = r"(?:-(?:plus-|and-|with-)?|\s+(?:and|plus|with)\s+|\s*[/+]\s*)"
_DRUG_WORD = 6


def clean(text: str) -> str:
    """NFKC; hyphens and en dashes become "-", em dashes a space (same length, same offsets)."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[\u2014\u2015]", " ", text)
    return re.sub(r"[\u2010-\u2013\u2212]", "-", text)


# A year as a text writes it: a date, never a trial's number or a count.
YEAR = re.compile(r"(?:19|20)\d{2}")
# A trial series' name: a capitalised acronym joined to a capitalised word ("EMPOWER-Lung").
_SERIES = re.compile(r"[A-Z]{3,}(?:-[A-Z][a-z]+)+")


# The fewest digits of a serial number that names a study after a plain capitalised word
# ("Zenthgroup 0417"): a shorter number after one is a count or a label ("Cohort 2", "Table 1").
_SERIAL_DIGITS = 3


# A number that measures: what follows it is a unit or what it counts.
_MEASURED = re.compile(
    r"\s*(?:%|(?:cm|mm|mg|g|kg|ml|mL|Gy|cGy|months?|years?|weeks?|days?|hours?|cycles?|doses?|"
    r"patients|per)\b)"
)


def named_tokens(text: str) -> list[str]:
    """Surface forms in `text` that look like names: NCT ids, trial names, genes, drugs, proper
    nouns. Adjacent capitalised words and "ALTER 1202"-style number suffixes stay together."""
    text = clean(text)
    words = [(re.sub(r"'s$", "", m.group()).rstrip(".'"), m.start()) for m in _WORD.finditer(text)]
    out: list[str] = []
    i = 0
    while i < len(words):
        word, pos = words[i]
        first = pos == words[0][1] or text[:pos].rstrip().endswith((".", "?", ":", ";"))
        if _is_name(word, first=first) or (not first and _opens_place(words, i, text)):
            j = i + 1
            name = word
            while j < len(words):
                nxt, npos = words[j]
                gap = text[words[j - 1][1] + len(words[j - 1][0]) : npos]
                if gap != " ":
                    break
                if (
                    re.fullmatch(r"\d+[A-Z]{0,3}", nxt)
                    and not YEAR.fullmatch(nxt)  # "the ZTF 2031 guideline": a date
                    # "a ZTR 2 cm or smaller": a size, not the name's number
                    and not _MEASURED.match(text, npos + len(nxt))
                    and name.replace("-", "").isalpha()
                    and (
                        name.isupper()
                        or re.search(r"[a-z][A-Z]", name)
                        or _SERIES.fullmatch(name)
                        or (name[:1].isupper() and len(nxt) >= _SERIAL_DIGITS)
                    )
                ):
                    # "ALTER 1202", "AMG 757", "TrialName 123", "TrialName 9XY", "Zenthgroup 0417"
                    name += " " + nxt
                elif name.isupper() and len(name) >= 3 and _SERIAL_ROMAN.fullmatch(nxt):
                    name += " " + nxt  # "ZETA II": the second trial of a series, not the first
                elif _DRUG.match(name.split()[-1]) and _DRUG.match(nxt):
                    name += " " + nxt  # "tisotumab vedotin", "rovalpituzumab tesirine"
                elif re.fullmatch(r"[A-Z][a-z]+", name) and nxt in _EPONYM_CLASSES:
                    name += " " + nxt  # "Good syndrome", "Masaoka classification"
                    j += 1
                    break
                elif (
                    word[:1].isupper()
                    and word[1:].islower()
                    and nxt[:1].isupper()
                    and nxt[1:].islower()
                    and nxt.lower() not in _CASUAL
                    # "the Japanese Zenith trial": a place and a name, each asked on its own
                    and not (name == word and word.lower() in domain().demonyms)
                ):
                    name += " " + nxt  # "United States"
                else:
                    break
                j += 1
            out.append(name)
            i = j
            continue
        i += 1
    return out


# A trial's number in a series, in Roman numerals after its acronym ("ZETA I", "ZETA II").
_SERIAL_ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")


def in_series(name: str) -> bool:
    """Whether a name ends on its trial's number in a series ("ZETA II")."""
    _, space, last = name.rpartition(" ")
    return bool(space) and _SERIAL_ROMAN.fullmatch(last) is not None


def _opens_place(words: list[tuple[str, int]], i: int, text: str) -> bool:
    """A short capitalised word that opens a name with the next ("New York", "San Diego"):
    too short to be a name alone, it is one with the name after it."""
    word, pos = words[i]
    if i + 1 >= len(words) or not re.fullmatch(r"[A-Z][a-z]{1,2}", word):
        return False
    nxt, npos = words[i + 1]
    return (
        word.lower() not in _CASUAL
        and text[pos + len(word) : npos] == " "
        and re.fullmatch(r"[A-Z][a-z]+", nxt) is not None
        and _is_name(nxt, first=False)
    )


# Units written with capitals inside ("mSv", "mGy", "mmHg", "mM"), which would read as names,
# alone or as an amount per volume ("mg/dL", "mIU/mL").
_UNITS = frozenset(
    {"mSv", "Sv", "mGy", "cGy", "Gy", "mmHg", "mL", "dL", "kDa", "mCi", "MBq", "GBq"}
    | {"mM", "µM", "μM", "nM", "pM", "mEq", "mIU", "IU", "mOsm", "L"}
)
_PER_VOLUME = re.compile(r"[µμmnpk]?(?:g|mol|Eq|IU|U)/(?:[dmµμ]?L|kg)")
_AGE_GROUP = re.compile(r"(?:over|under|above|below|aged?)-?\d+s?", re.I)


# Capitalised words joined by hyphens, each a surname's length at least.
_EPONYMS = re.compile(r"[A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,})+")


def _is_name(word: str, *, first: bool) -> bool:
    if len(word) < 2 or _ROMAN.match(word) or _CONTRACTION.search(word):
        return False
    if re.fullmatch(r"NCT\d{6,}", word):
        return True
    if _AGE_GROUP.fullmatch(word):
        return False  # "over-70s", "under-50s": an age group, not a name
    if word in _UNITS or _PER_VOLUME.fullmatch(word):
        return False  # "in mSv", "3.1 mg/dL": a unit, not a name
    has_digit = any(c.isdigit() for c in word)
    has_alpha = any(c.isalpha() for c in word)
    if has_digit and sum(c.isupper() for c in word) >= 3 and "-" in word:
        return True  # 177Lu-DOTATATE
    if has_digit and has_alpha and word[0].isalpha() and len(word) >= 3:
        return not re.fullmatch(r"[A-Za-z]\d?", word)
    if re.fullmatch(r"[A-Z]\d", word):
        return True  # a staging category ("N2", "M1"), a gene family ("B7")
    letters = re.sub(r"[^A-Za-z]", "", re.sub(r"(?<=[A-Z])[si]$", "", word))
    if len(letters) >= 3 and letters.isupper():
        return True  # CASPIAN, KRAS, ES-SCLC
    if re.search(r"[a-z][A-Z]|^[A-Z]{2,}[a-z]", word):
        return True  # IMpower, CheckMate, DeLLphi, IMforte
    if re.fullmatch(r"[A-Z][a-z]*(?:-[A-Z][A-Za-z]*)+", word) and sum(map(str.isupper, word)) >= 3:
        return True  # Zento-DXd, T-DXd: a drug's short name
    if not first and _EPONYMS.fullmatch(word):
        return True  # Zeller-Quint: a staging system, syndrome or test named after two people
    if _SERIES.fullmatch(word):
        return True  # EMPOWER-Lung, DESTINY-Breast: a trial series, numbered after a space
    if re.fullmatch(r"[A-Z][A-Za-z0-9]*(?:/[A-Z0-9][A-Za-z0-9]*)+", word):
        return True  # Anl/Ben/CT
    if _DRUG.match(word):
        return True
    if word[0].isupper() and word[1:].islower() and word.lower() in domain().demonyms:
        return True  # "Norwegian registry: …": a people's adjective names its place, first or not
    return (
        not first
        and word[0].isupper()
        and word[1:].islower()
        and len(word) >= 4
        and word.lower() not in _CASUAL
    )


@lru_cache(maxsize=1 << 14)
def time_points(text: str) -> frozenset[int]:
    """The time points (in months) a figure is stated at: "2-year", "24-month", "at 3 years",
    "1- and 3-year", "two-year", "at week 12". A bare duration ("12.3 months") is a figure, not a
    time point."""
    out: set[int] = set()
    for m in _TIME_POINT.finditer(clean(text)):
        found = next((m.group(g) for g in _UNIT_GROUPS if m.group(g)), None)
        found = (found or "week").lower()
        for number in re.findall(_NUMBER, m.group(0), re.I):
            value = _as_int(number)
            if value is None:
                continue
            if found.startswith("w"):
                # "At week 12", "at 6 weeks" (not "a 12-week course"): weeks, to the nearest
                # month (a study's week 6 and week 12 stay apart; under two weeks is none).
                value = round(value * 12 / _WEEKS_A_YEAR)
                if value:
                    out.add(value)
            else:
                out.add(value * (12 if found.startswith("y") else 1))
    return frozenset(out)


_WEEKS_A_YEAR = 52


def follow_up_points(text: str) -> frozenset[int]:
    """The lengths (in months) of a whole follow-up a sentence reports at ("In a 10-year
    follow-up, cumulative mortality fell from …"): when it names no time point, its cumulative
    figures are at that one. Not a median follow-up, which dates no figure."""
    out = set()
    for m in _FOLLOW_UP.finditer(clean(text)):
        value = _as_int(m.group(1))
        if value is not None:
            out.add(value * (12 if m.group(2).lower().startswith("y") else 1))
    return frozenset(out)


_FOLLOW_UP = re.compile(
    r"(?<!median )(?<!mean )\b(\d+|[a-z]+)-(years?|months?)\s+follow[\s-]*up\b", re.I
)


def _as_int(word: str) -> int | None:
    return int(word) if word.isdigit() else domain().number_words.get(word.lower())


# A whole number: not the fraction of a decimal ("14.6-year" is no 6-year time point).
_NUMBER = r"(?<![\d.,])\b(?:\d+|" + "|".join(domain().number_words) + r")\b(?![.,]\d)"
# "N-year", "N- and M-year", "N-month" (hyphenated: an adjective, so a time point) or "at/after/by
# N [and M] years" ("OS at 24 months", "after 3 years of follow-up"); never an age or a length
# of follow-up ("3-year follow-up", "a median follow-up of 3 years").
_UNIT_GROUPS = ("unit", "unit2", "unit3", "unit4", "unit5")  # the groups that may hold a unit
_TIME_POINT = re.compile(
    rf"(?:(?:{_NUMBER})-?\s*(?:,|and|or)\s*)*(?:{_NUMBER})-(?P<unit>years?|yrs?|months?)\b"
    rf"(?![- ]?(?:old|follow))|"
    # A visit named by its follow-up: "at the 26-week follow-up", "at the 5-year follow-up".
    rf"\bat\s+(?:the\s+|a\s+)?(?:{_NUMBER})-(?P<unit4>years?|months?|weeks?)\s+follow[\s-]*up\b|"
    # A study's visit by its week: "at week 12", "by weeks 6 and 12".
    rf"\b(?:at|after|by|in|until|through)\s+weeks?\s+(?:(?:{_NUMBER})\s*(?:,|and|or)\s*)*(?:{_NUMBER})|"
    # … each earlier one with its unit or not: "at 1 and 2 years", "at 1 year and 2 years";
    # "survive beyond 5 years" is 5-year survival
    rf"\b(?:at|after|by|beyond)\s+(?:(?:{_NUMBER})(?:\s+(?:years?|yrs?|months?|mos?))?\s*(?:,|and|or)\s*)*"
    rf"(?:{_NUMBER})\s+"
    rf"(?P<unit2>years?|yrs?|months?|mos?|weeks?)\b|"
    # "alive five years later", "2 years after diagnosis", "three years out", "five years on,"
    # ("on" only before a break: "2 years on treatment" is a duration)
    rf"\b(?:{_NUMBER})\s+(?P<unit3>years?|yrs?|months?|mos?)\s+"
    rf"(?:later|after|from|post|out\b|on(?=\s*[,.;?)]))|"
    # A window measured to its end: "during the first 12 weeks", "within the first 2 years".
    rf"\b(?:during|within|in|over)\s+the\s+first\s+(?:{_NUMBER})\s+(?P<unit5>years?|months?|weeks?)\b",
    re.I,
)


def describes(name: str, names: Sequence[str], text: str) -> bool:
    """Whether `name` is a people's adjective written just before another of `names`."""
    if name.lower() not in domain().demonyms:
        return False
    return any(
        re.search(rf"\b{re.escape(name)}\s+{re.escape(other)}\b", text)
        for other in names
        if other != name and other.lower() not in domain().demonyms
    )
