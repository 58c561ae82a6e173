"""How well the group a sentence reports on fits the group a question asks about: a tumour size
within the sentence's size range, the same age group, the same line of treatment, the same side
of a share's cutoff ("ZRK1 <1%"), the study of the size asked, the thing set apart ("besides
zentamab"), the same side of a negating prefix ("squamous", not "nonsquamous"). A factor on
the sentence's score, not a filter: a sentence for another group may still be the only one, the
near miss the answer step then refuses by name."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..bounds import age_groups, asked_sizes, fit, other_size, same_ages, share_bounds, study_sizes
from ..domain import domain
from ..lexical import tokenize
from ..question import Profile
from .kinds import TYPED
from .polarity import Polar, other_polarity, polar_words

__all__ = [
    "AskedGroup",
    "figure_people_side",
    "group_parts",
    "group_phrases",
    "other_people",
    "own_population",
    "people_side",
    "restricted_group",
    "subgroup",
    "subgroup_terms",
]

# A sentence about patients at another line of treatment than the question's keeps this share
# of its score: it may still be the only one that answers.
_OTHER_LINE = 0.5
# A sentence whose size range leaves out the size the question gives keeps this share of its
# score ("Tumor >7 cm" for a 2.5 cm tumour).
_OUT_OF_RANGE = 0.3
# A sentence about a study of another size than the one the question names ("the 212-patient
# series" asked, "(N = 140)" stated) keeps this share, as one at another line does.
_OTHER_STUDY = _OTHER_LINE
# A sentence that states the age group asked about gains this factor, as does one that reports
# on the group bounded by a share asked ("ZRK1 <1%"); one that reports on the other side of
# the same cutoff ("ZRK1 ≥1%") loses it.
_SAME_GROUP = 1.5
# "Besides zentamab, was any zeta drug approved?" asks about the others: a sentence that sets
# the named one apart ("apart from zentamab, no other …") answers it, as a sentence stating the
# asked group does.
_SETS_APART = r"\b(?:besides|other than|apart from|aside from|except(?: for)?|excluding)\s+"
_EXCLUDED_ASKED = re.compile(_SETS_APART + r"([\w-]+)", re.I)

Shares = frozenset[tuple[str, float]]


@dataclass(frozen=True)
class AskedGroup:
    """The group a question asks about, read once per question."""

    sizes: list[float]
    ages: tuple[tuple[int, int], ...]
    lines: frozenset[str]
    shares: Shares
    studies: frozenset[str]  # the study sizes it names ("the 212-patient series": 212)
    excluded: re.Pattern[str] | None = None  # sets apart what the question sets apart
    # the words naming the group asked whose negation the documents use ("squamous")
    polar: Polar = ()
    # the question's own terms: a subgroup a passage opens on ("In the zentic subgroup, …")
    # that they leave out is not what it asks about
    terms: frozenset[str] = frozenset()

    @classmethod
    def of(cls, prof: Profile, known: Callable[[str], bool] = lambda _: False) -> AskedGroup:
        """The group `prof` asks about; `known` says which words the documents use."""
        return cls(
            asked_sizes(prof.text),
            age_groups(prof.text),
            domain().treatment_lines_in(prof.text),
            # Not when comparing: the group then bounds every option, stated with one or not.
            share_bounds(prof.text) if prof.measure is None else frozenset(),
            frozenset(study_sizes(prof.text)),
            _setting_apart(prof.text),
            polar_words(prof.text, known) if prof.kind in TYPED else (),
            frozenset(tokenize(prof.text)),
        )

    def factor(
        self,
        text: str,
        stated_shares: Callable[[], Shares],
        around: Callable[[], list[str]] = list,
    ) -> float:
        """What a sentence's score is multiplied by for the group it reports on;
        `stated_shares` gives the share-bounded groups it reports on and `around` the sentence
        with what it sits under, nearest first (each read only when asked)."""
        out = 1.0
        fits = fit(self.sizes, text)
        if fits is not None:
            # "A 2.5 cm tumour": the row whose size range holds it, the narrowest first.
            out *= _OUT_OF_RANGE if fits == 0.0 else 0.5 + fits
        if self.ages and any(same_ages(a, b) for a in self.ages for b in age_groups(text)):
            out *= _SAME_GROUP  # "women aged 40 to 74": the row or sentence for that group first
        if self.shares:
            stated = stated_shares()
            if stated & self.shares:
                out *= _SAME_GROUP
            elif {v for _, v in stated} & {v for _, v in self.shares}:
                out /= _SAME_GROUP
        if self.studies and other_size(self.studies, text) is not None:
            out *= _OTHER_STUDY
        if self.excluded is not None and self.excluded.search(text):
            out *= _SAME_GROUP
        surroundings = around() if self.polar or self.terms else []
        if self.polar and other_polarity(self.polar, surroundings):
            out *= _OTHER_LINE  # "… in nonsquamous zentoma" is not for squamous ones
        if self.terms:
            # The nearest subgroup the passage opens on: "In the zentic subgroup, the median
            # OS was …" is no figure for all patients, nor for the nonzentic subgroup.
            who = next((w for t in surroundings if (w := set_apart(t))), frozenset())
            if who and not who & self.terms:
                out *= _OTHER_LINE
        if self.lines:
            stated_lines = domain().treatment_lines_in(text)
            if stated_lines and not stated_lines & self.lines:
                out *= _OTHER_LINE  # "… in previously treated patients" is not for untreated ones
        return out


# The group a question narrows to: "patients with <X>", "those who <X>", "<X> subgroup / cohort".
_WITH_GROUP = re.compile(
    r"\b(?:patients|people|persons|those|participants|women|men|adults|children|subgroups?|"
    r"cohorts?|subsets?)\s+(?:with|who|whose|having|aged|on)\s+([^,;?]+?)"
    # the phrase ends at a comma, "and", or the verb of the question's clause
    r"(?=\s*(?:[,;?]|$|\b(?:and|reach\w*|achiev\w*|ha(?:ve|d)|g[eo]t|show\w*|d(?:o|id)|"
    r"liv\w*|surviv\w*|respond\w*|receiv\w*|develop\w*|experienc\w*|suffer\w*|undergo\w*|"
    r"[a-z]+ed)\b))",
    re.I,
)
# "zentamab-naive patients", "ZRK1-positive women": one marked word before the people.
_MARKED_PEOPLE = re.compile(
    r"\b([\w≥≤<>%+/.]*(?:-|\d|[A-Z])[\w≥≤<>%+/.-]*)\s+(?:patients|people|women|men|adults)\b"
)
_NAMED_GROUP = re.compile(
    r"((?:[\w≥≤<>%+/.-]+\s+){1,3})(?:subgroup|cohort|subset|subpopulation|stratum)s?\b", re.I
)
# Words of the group phrase that name the grouping itself, not who is in it.
_GROUPING = frozenset({"patient", "subgroup", "cohort", "subset", "the", "in", "among", "of"})


# The fewest terms of a group phrase read as a subgroup of its own (see `subgroup`).
_GROUP_TERMS = 2


def subgroup_terms(question: str) -> frozenset[str]:
    """The terms of the group a question narrows to ("in patients with zentic lesions",
    "the stage ZB subgroup"): a figure for all patients does not answer for them."""
    return frozenset(t for _, terms in _subgroups(question) for t in terms)


def subgroup(question: str) -> tuple[str, frozenset[str]] | None:
    """The first group a question narrows to by a phrase of its own ("patients with zentic
    lesions", "the ZRK1-naive cohort"), with the terms that name who is in it; None when it
    names none, or names it by one word only (a qualifier so short is often the text's
    topic, "SCLC patients", or a paraphrase of it)."""
    return next(((p, t) for p, t in _subgroups(question) if len(t) >= _GROUP_TERMS), None)


def _subgroups(question: str) -> list[tuple[str, frozenset[str]]]:
    """Each group phrase as written, with the terms of the words that say who is in it."""
    found = [*_WITH_GROUP.finditer(question), *_NAMED_GROUP.finditer(question)]
    found += _MARKED_PEOPLE.finditer(question)
    return [(m.group(0).strip(), frozenset(tokenize(m.group(1))) - _GROUPING) for m in found]


def group_phrases(question: str) -> list[tuple[str, str]]:
    """Each group the question narrows to by a phrase of people and a preposition or clause
    ("patients on zentalysis", "those who smoke"), as written, with the words that say who is
    in it ("zentalysis")."""
    return [(m.group(0).strip(), m.group(1).strip()) for m in _WITH_GROUP.finditer(question)]


# The population a sentence opens by reporting on: "In the overall study population, …",
# "Among the 99 patients who had been followed for 9 months, …" (to its first comma).
_OWN_POPULATION = re.compile(
    r"\s*(?:in|among|for)\s+(?P<who>(?:the\s+|all\s+)?(?:"
    r"(?:overall|entire|whole|total|full|intention-to-treat|ITT)\s+(?:study\s+|trial\s+)?"
    r"(?:population|cohort)|"
    r"\d[\d,]*\s+(?:evaluable\s+|enrolled\s+|randomi[sz]ed\s+)?(?:patients|participants)\b"
    r")[^,;(]*)",
    re.I,
)


def own_population(text: str) -> str | None:
    """The population a sentence says at its opening that it reports on, as written; None when
    it opens otherwise."""
    m = _OWN_POPULATION.match(text)
    return m.group("who").strip() if m else None


# A few patients set apart from the rest by a condition: "selected patients with T4 disease",
# "some patients who relapse late" (to the verb that says how they fared).
_RESTRICTED = re.compile(
    r"\b(?:selected|certain|some)\s+patients\s+(?:with|who|whose)\s+[^;]+?"
    r"(?=,?\s+(?:had|have|has|were|was|showed|achieved|reached|experienced|lived)\b|[;.]|$)",
    re.I,
)


# A passage that opens on a subgroup of the study it reports: "In the nonzentic histology
# subgroup, …", "Among the PD-Z1-high subset, …" (the words that say who is in it).
_SUBGROUP_OPENING = re.compile(
    r"\s*(?:in|among|for|within)\s+(?:the|this|that|a|each)?\s*"
    r"((?:[\w≥≤<>%+/.–-]+\s+){1,4}?)(?:subgroups?|subsets?|subpopulations?|strat(?:um|a))\b",
    re.I,
)


def set_apart(text: str) -> frozenset[str]:
    """The terms of the subgroup a passage opens on ("In the nonzentic subgroup, …"), beyond
    the words of grouping; empty when it opens otherwise."""
    m = _SUBGROUP_OPENING.match(text)
    return frozenset(tokenize(m.group(1))) - _GROUPING if m else frozenset()


def restricted_group(text: str) -> str | None:
    """The few patients a sentence says its figures are for, set apart by a condition, as
    written; None when it sets none apart."""
    m = _RESTRICTED.search(text)
    return m.group(0) if m else None


def group_parts(terms: frozenset[str]) -> set[str]:
    """The terms with each hyphenated one's parts: "zrk2-mutant" is named by a text that writes
    "ZRK2-altered"."""
    return set(terms) | {p for t in terms if "-" in t for p in tokenize(t.replace("-", " "))}


def _setting_apart(question: str) -> re.Pattern[str] | None:
    """What a sentence writes when it sets apart the thing the question sets apart ("other
    than zentamab" → "apart from zentamab", "except zentamab"); None when it sets none apart."""
    m = _EXCLUDED_ASKED.search(question)
    return None if m is None else re.compile(_SETS_APART + re.escape(m.group(1)) + r"\b", re.I)


def other_people(question: str, texts: list[str]) -> tuple[str, str] | None:
    """(asked, given) when the question asks about one sex or one age ("… in women?", "… for
    children?") and the passage (`texts`: the sentence and what it sits under) speaks of the
    other and never of it: "older men were at the highest risk. The rate was 52 per 100,000 …"
    reports on men, "adults may take 30 mL" on adults."""
    passage = " ".join(texts)
    for pair in _OPPOSED:
        asked = [(m, i) for i, words in enumerate(pair) if (m := words.search(question))]
        if len(asked) != 1:
            continue  # neither asked, or both
        said, i = asked[0]
        given = pair[1 - i].search(passage)
        if given is not None and not pair[i].search(passage):
            return said.group(0), given.group(0)
    return None


def people_side(question: str, clause: str) -> int:
    """-1 when `clause` names only the other sex or age than the one the question asks about
    ("… per 100,000 men" for "… in women?"), 1 when it names only the one asked, else 0."""
    for pair in _OPPOSED:
        asked = [i for i, words in enumerate(pair) if words.search(question)]
        if len(asked) != 1:
            continue
        own, other = pair[asked[0]].search(clause), pair[1 - asked[0]].search(clause)
        if other and not own:
            return -1
        if own and not other:
            return 1
    return 0


# A figure's own label just after it: "3.1 per million for men", "(12%) in girls", up to where
# the next figure's label starts ("and", unless people follow it: "in men and women" is one).
_LABEL_AFTER = re.compile(
    r"[^,;()]{0,40}?(?=,|;|\(|\band\b(?!\s+(?:wom[ae]n|m[ae]n|girls?|boys?|females?|males?|"
    r"child(?:ren)?|adults?)\b)|\bvs\.?|\bversus\b|$)"
)


def figure_people_side(question: str, text: str, start: int, end: int, clause: str) -> int:
    """-1 when a figure is for the other sex or age than the one asked: by the label right
    after it where that names one ("3.1 per million for men and 1.2 per million for women":
    each its own), else by its clause; 1 when its label names the group asked and another
    figure's label in its clause the other group; else 0."""
    label = _LABEL_AFTER.match(text, end)
    side = people_side(question, label.group()) if label is not None else 0
    if side > 0 and _other_labelled(question, clause):
        return 1
    return min(side or people_side(question, clause), 0)


def _other_labelled(question: str, clause: str) -> bool:
    """Whether a figure of `clause` is labelled for the other group than the one asked."""
    return any(
        (label := _LABEL_AFTER.match(clause, m.end())) is not None
        and people_side(question, label.group()) < 0
        for m in re.finditer(r"\d[\d.,]*", clause)
    )


# The words that name people of one sex, and of one age: each pair's two are opposed.
_OPPOSED = (
    (
        re.compile(r"\b(?:wom[ae]n|females?|girls?)\b", re.I),
        re.compile(r"\b(?:m[ae]n|males?|boys?)\b", re.I),
    ),
    (
        re.compile(
            r"\b(?:child(?:ren|hood)?|kids?|pa?ediatric|infants?|adolescents?|teenagers?)\b"
            # … or by an age under 18: "younger than 12 years", "before the age of 18"
            r"|\b(?:younger\s+than|(?:under|before)\s+(?:the\s+)?age\s+(?:of\s+)?|"
            r"aged?\s+(?:under|<)\s*)1?\d\b(?!\.)",
            re.I,
        ),
        re.compile(r"\badults?\b", re.I),
    ),
)
