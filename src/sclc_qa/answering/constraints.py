"""What a question asks that the best evidence states only for something else, or says is not
known yet, so the answer is an abstention that names it: an approval by another regulator, a
size range, trial phase, arm, gene group, disease, stage or condition other than the one asked
about, results not yet reported. (What no document mentions at all is `unheard.py`'s.)

Each check reads the question's analysis and one sentence; the answerer decides what follows.
"""

from __future__ import annotations

import re

from ..abbreviations import singular
from ..blocks import leads_in
from ..bounds import (
    age_groups,
    age_points,
    other_bounds,
    other_size,
    same_ages,
    share_bounds,
    share_group,
    study_sizes,
)
from ..domain import domain
from ..index import Index
from ..lexical import tokenize
from ..mentions import is_druglike, written
from ..models import Sentence
from ..question import Profile
from ..tables import other_row, row_keys
from ..vocabulary import Vocabulary
from .classes import trial_like
from .dosing import other_dosing
from .extracted import Extracted
from .kinds import TYPED
from .markers import other_marker
from .other_arm import other_comparison
from .per_index import per_index
from .phases import other_phase, phases
from .polarity import other_polarity
from .populations import group_parts, other_people, own_population, restricted_group, subgroup
from .reasons import join
from .regimens import other_arm, other_combination, other_regimen
from .scoring import Scored
from .shapes import clause_of
from .stages import other_stage
from .topics import heading_path, other_topic
from .tumours import other_tumour
from .unheard import DISEASE_WORD

__all__ = ["of_asked_disease", "other_condition", "other_group", "withheld"]

# An arm that leaves a name out: "A plus chemo without B" (not "with and without B", "with
# vs. without B": both arms).
_WITHOUT = re.compile(
    r"(?<!\bwith and )(?<!\bwith or )(?<!\bwith vs )(?<!\bwith vs\. )(?<!\bwith versus )"
    r"(?<!\bwith compared with )\bwithout\s+(?:the\s+)?([\w-]+)",
    re.I,
)
# An arm's label written just after its figure ("10.8 months (chemotherapy group)", "9 months
# in the placebo arm", "… with chemotherapy alone"), and how far past the answer it may reach.
_ARM_LABEL = re.compile(
    r"(?<=\d)(?:\s*[%\w.]+)?\s*"
    r"(\([^()]{0,40}\b(?:group|arm|alone|placebo|control)\b[^()]{0,20}\)"
    r"|\b(?:with|in the)\s+[^,;()]{1,40}?\s+(?:alone|group|arm)\b)",
    re.I,
)
_LABEL_REACH = 60
_LEFT_OUT_BEFORE = re.compile(r"\b(?:without|no|minus|excluding|omitting)\s+(?:the\s+)?$", re.I)


def other_group(
    index: Index, vocab: Vocabulary, prof: Profile, best: Scored, found: Extracted
) -> str:
    """The group the question asks about when the best sentence states its answer for
    another one, as the reason names it; "" when it does not. "… for tumours 5 cm or
    larger" is not answered by the 4 cm subgroup's figure, "… in the phase II study" by the
    phase I study's (the clause the figure is in decides), "… for A plus chemo without B"
    by the arm that adds B, "… in ZRK1-rearranged patients" by the ZRK2-variant group's."""
    sent = index.sentences[best.sid]
    row = (
        other_row(index.documents[sent.doc].text, sent, prof, lambda: _row_keys(vocab))
        if found.sid == best.sid
        else None
    )
    if row:
        return f"{row[0]} (the row given is for {row[1]})"
    bounds = other_bounds(prof.text, sent.text)
    if bounds:
        return f"{bounds[0]} (the figure given is for {bounds[1]})"
    # A disease other than the one asked: for a figure, and for a statement too (how a drug
    # works in one disease does not say how it works in another).
    disease = _other_disease(vocab, prof.text, sent) or other_topic(vocab, prof.text, sent)
    if disease:
        given = "figure" if prof.kind in TYPED else "passage"
        return f"{disease[0]} (the {given} given is for {disease[1]})"
    if prof.kind in TYPED:
        around = vocab.around(best.sid)
        marker = other_marker(prof.text, around)
        if marker:
            return f"patients with {marker[0]} (the figure given is for {marker[1]})"
        # A sentence that names no tumour kind reports on the one its paragraph named.
        stage = (
            other_stage(prof.text, sent.text)
            or other_tumour(prof.text, around)
            or other_polarity(prof.text, around)
            or other_condition(prof.text, sent.text)
        )
        if stage:
            return f"{stage[0]} (the figure given is for {stage[1]})"
        people = other_people(prof.text, around)
        if people:
            return f"{people[0]} (the passage given reports on {people[1]})"
        arms = other_comparison(prof, sent.text, around)
        if arms:
            return f"{arms[0]} (the figure given is for {arms[1]})"
        group = subgroup(prof.text)
        title = index.documents[sent.doc].title  # the text's own topic, "… in ES-ZCLC"
        if group is not None and not group_parts(group[1]) & _said([*around, title], sent):
            # "… in patients with zentic lesions": a figure whose passage never names that
            # group is the whole study's, or another group's.
            return f"{group[0]} (the passage given does not report on them)"
        own = own_population(sent.text)
        if group is not None and own is not None:
            # "In the overall population, …", "Among the 99 patients who …": a sentence that
            # says whom it reports on, without the group asked (beyond the document's topic and
            # the names asked: "ZENITH-1 patients" are the trial's), reports on another.
            named = group_parts(frozenset(t for n in prof.names for t in tokenize(n)))
            wanted = group_parts(group[1]) - set(tokenize(title)) - named
            if wanted and not wanted & set(tokenize(sent.text)):
                return f"{group[0]} (the figure given is for {own})"
        restricted = restricted_group(sent.text) if group is None else None
        if restricted is not None:
            # "selected patients with T4, N0–1 disease had 5-year survival rates of 20%" is no
            # figure for a stage as a whole, unless the question names the condition.
            condition = set(tokenize(restricted)) - set(tokenize(title)) - {"patient", "select"}
            if condition and not condition & set(tokenize(prof.text)):
                return f"patients in general (the figure given is for {restricted} only)"
        shares = share_bounds(prof.text) if prof.measure is None else frozenset()
        if own is not None and shares and not share_bounds(sent.text) & shares:
            # "… for ZRK1 of 90% or higher" where the sentence reports on patients it names
            # otherwise ("Among 64 patients who …").
            return f"{share_group(prof.text)} (the figure given is for {own})"
    if prof.kind in TYPED and found.sid == best.sid:
        clause = clause_of(sent.text, found.start - sent.start, found.end - sent.start)
        phase = other_phase(prof.text, clause)
        if phase is None and not phases(sent.text) and not _names_a_trial_asked(prof, sent):
            # A list item that names no phase reports on the study its list's lead-in
            # introduced ("1. In a phase III trial, …" then "- The median PFS was …").
            lead = [index.sentences[i].text for i in vocab.lead_in[best.sid]]
            phase = other_phase(prof.text, next((t for t in lead if phases(t)), ""))
        if phase:
            return f"the {phase[0]} study (the figure given is from {phase[1]})"
    if prof.kind == "dose" and found.end > found.start:
        # The span's own document: the best sentence's may be another's.
        text = index.documents[index.sentences[found.located(best.sid)].doc].text
        dosing = other_dosing(prof, text, found.start, found.end)
        if dosing:
            return dosing
    ages = _other_ages(prof.text, sent.text)
    if ages:
        return f"{ages[0]} (the figures given are for {ages[1]})"
    size = other_size(study_sizes(prof.text), sent.text)
    if size:
        return f"the {size[0]}-patient study (the figure given is from {size[1]} patients)"
    at = (found.start - sent.start, found.end - sent.start) if found.sid == best.sid else None
    left_out = _left_out(prof, sent.text, at)
    if left_out:
        return f"the arm without {left_out}"
    regimen = other_regimen(prof.text, prof.names, sent.text)
    if regimen is None and prof.kind in TYPED:
        regimen = other_combination(prof.text, sent.text)
    if regimen is None and prof.kind in TYPED and found.sid == best.sid:
        regimen = other_arm(prof.names, sent.text, found.start - sent.start, found.end - sent.start)
    return f"{regimen[0]} (the figure given is for {regimen[1]})" if regimen else ""


def _names_a_trial_asked(prof: Profile, sent: Sentence) -> bool:
    """Whether the sentence writes a trial the question names: its own study, whatever the
    passage before it says."""
    return any(trial_like(n) and written(n).search(sent.text) for n in prof.names)


def _said(texts: list[str], sent: Sentence) -> set[str]:
    """The terms of a sentence's texts (itself, what it sits under, its document's title) and
    of its headings."""
    return {t for text in (*texts, sent.title, sent.context) for t in tokenize(text)}


# How many of the first candidates may stand in for a best one about another disease.
_DISEASE_LOOK = 5


def of_asked_disease(
    index: Index, vocab: Vocabulary, prof: Profile, scored: list[Scored]
) -> list[Scored]:
    """`scored` with the first of the next candidates that is about the disease (and for a
    figure, the stage) asked brought to the front, when the best one is about another ("… in
    ZCL?" matched best by a figure for NZCL, and the ZCL figure second; "… for stage I-II?" by
    the share at stage III or IV); as it was otherwise. A candidate stands in only if it names
    what the question depends on and, for a figure, holds one of the asked kind."""

    def other(c: Scored) -> bool:
        sent = index.sentences[c.sid]
        if _other_disease(vocab, prof.text, sent) is not None:
            return True
        if other_topic(vocab, prof.text, sent) is not None:
            return True
        return prof.kind in TYPED and other_stage(prof.text, sent.text) is not None

    if not scored or not other(scored[0]):
        return scored
    for at, c in enumerate(scored[1:_DISEASE_LOOK], 1):
        if c.coverage > 0 and (c.spans or prof.kind not in TYPED) and not other(c):
            return [c, *scored[:at], *scored[at + 1 :]]
    return scored


def saying_more(
    index: Index, vocab: Vocabulary, prof: Profile, scored: list[Scored]
) -> list[Scored]:
    """`scored` without the candidates that only repeat the question's own words ("What is
    removed in a zentectomy?" is not answered by a list item "Zentectomy."), when another is
    left; a yes/no question's evidence may well repeat it, and stays."""
    if prof.kind == "yesno" or not scored:
        return scored
    asked = set(tokenize(prof.text))

    def repeats(c: Scored) -> bool:
        sent = index.sentences[c.sid]
        if sent.kind != "paragraph" or leads_in(sent):
            return False  # a row or entry says what its headers say; a lead-in, its list's
        said = vocab.tokens[c.sid]
        return bool(said) and said <= asked

    kept = [c for c in scored if not repeats(c)]
    return kept or scored


def _other_disease(vocab: Vocabulary, question: str, sent: Sentence) -> tuple[str, str] | None:
    """(the diseases asked about, those the sentence names instead) when the question names a
    disease by an abbreviation the documents define for one ("ZCL": zeta cell lymphoma) and the
    sentence names only other such diseases ("40% of NZCL"); a sentence that names none is
    about the disease of its nearest heading that names one ("Treatment of Zeta Cell Lymphoma
    > Overview"), else its document's, as its title names it ("Non-Zeta Cell Lymphoma
    Treatment"). A disease and a stage of it ("ZCL", "ES-ZCL") are one population, read either
    way, as are a disease and its plural ("ZCL", "ZCLs")."""
    asked = _diseases_in(vocab, question)
    if not asked:
        return None
    under = reversed(heading_path(vocab, sent))
    title = vocab.index.documents[sent.doc].title
    stated = next(filter(None, (_diseases_in(vocab, t) for t in (sent.text, *under, title))), set())
    if not stated or {singular(a) for a in asked} & {singular(s) for s in stated}:
        return None
    if any(a in s.split("-") or s in a.split("-") for a in asked for s in stated):
        return None
    return join(sorted(asked)), join(sorted(stated))


def _diseases_in(vocab: Vocabulary, text: str) -> set[str]:
    """The defined abbreviations of diseases that `text` names, by the abbreviation or its long
    form written whole ("non-small cell lung cancer" does not name "small cell lung cancer"); a
    disease named only inside a longer one's name ("ZCL" in "atypical ZCL") is not named."""
    low = text.lower()
    named = [(short, pattern) for short, pattern in _diseases(vocab) if pattern.search(low)]
    if len(named) < 2:
        return {short for short, _ in named}  # nothing to be named inside
    found = {short: [m.span() for m in pattern.finditer(low)] for short, pattern in named}
    spans = [(short, span) for short, where in found.items() for span in where]
    return {
        short
        for short, where in found.items()
        if where
        and not all(
            any(o != short and a <= s and e <= b and (a, b) != (s, e) for o, (a, b) in spans)
            for s, e in where
        )
    }


@per_index
def _row_keys(vocab: Vocabulary) -> set[str]:
    """Every table row's key in the documents, worked out once per loaded index."""
    index = vocab.index
    return row_keys({k: d.text for k, d in index.documents.items()}, index.sentences)


@per_index
def _diseases(vocab: Vocabulary) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each abbreviation the documents define for a disease, with one pattern for it and its
    long forms (lower case); worked out once per loaded index. A disease whose long form is
    another's with words before it ("atypical zeta cell lymphoma", "aZCL", beside "zeta cell
    lymphoma", "ZCL") is also written by those words and the other's abbreviation ("atypical
    ZCL")."""
    heads = domain().disease_heads
    longs_of: dict[str, set[str]] = {}
    for defs in vocab.defs_by_short.values():
        longs = {
            d.long.lower() for d in defs if d.long.lower().split()[-1:] in ([h] for h in heads)
        }
        if longs:
            longs_of[defs[0].short] = longs
    found = []
    for short, longs in longs_of.items():
        mixed = {
            f"{long[: -len(other)]}{other_short.lower()}"
            for long in longs
            for other_short, others in longs_of.items()
            for other in others
            if other_short != short and long.endswith(" " + other)
        }
        forms = "|".join(
            re.escape(f) for f in sorted({short.lower(), *longs, *mixed}, key=len, reverse=True)
        )
        # In the plural too: "small cell lung cancers", "ZCLs".
        found.append((short, re.compile(rf"(?<![\w-])(?:{forms})(?:e?s)?(?![\w-])")))
    return tuple(found)


def _other_ages(question: str, sentence: str) -> tuple[str, str] | None:
    """(asked, stated) when the question asks about an age group and the sentence reports
    other age groups only: "women aged 70 to 79" is not answered by figures for 40-49, 50-59
    and 60-69."""
    asked = age_groups(question) + age_points(question)
    stated = age_groups(sentence) + age_points(sentence)
    if not asked or not stated or any(same_ages(a, b) for a in asked for b in stated):
        return None
    return ", ".join(map(_ages, asked)), ", ".join(map(_ages, stated))


def _ages(group: tuple[int, int]) -> str:
    """An age group as a reason shows it: "ages 70 to 79", or "age 65" for one age."""
    lo, hi = group
    return f"age {lo}" if lo == hi else f"ages {lo} to {hi}"


# Letters two names of conditions share before the sentence's may be another condition than the
# question's: "zenton-itis" and "zenton-ia", "carcino-ma" and "carcino-id"; shorter shared
# openings ("col-itis", "col-on") say little.
_SHARED_OPENING = 6
# The sentence's word names a condition too, by its ending ("-ia", "-oid", "-opathy" beside the
# question's endings), not the same word's verb or adjective ("diagnosis", "diagnosed").
_CONDITION_ENDING = re.compile(r"[a-z]+(?:omas?|a?emias?|itis|osis|ias?|oids?|opath(?:y|ies))")


def other_condition(question: str, sentence: str) -> tuple[str, str] | None:
    """(the condition asked, the one stated) when the question names a condition by its
    ending ("zentitis") that the sentence does not, while the sentence names a word that
    opens the same way and is another ("zentia"): its figure is for that other one."""
    said = set(tokenize(sentence))
    words = {w.lower() for w in re.findall(r"[A-Za-z]{6,}", sentence)}
    words = {w for w in words if _CONDITION_ENDING.fullmatch(w)}
    for m in DISEASE_WORD.finditer(question.lower()):
        asked = m.group()
        if set(tokenize(asked)) <= said:
            continue
        for word in sorted(words):
            opens_alike = word[:_SHARED_OPENING] == asked[:_SHARED_OPENING]
            if opens_alike and tokenize(word) != tokenize(asked):
                return asked, word
    return None


def _left_out(prof: Profile, sentence: str, figure_at: tuple[int, int] | None) -> str:
    """A name the question leaves out of its arm ("A plus chemo without B") that the sentence
    states as given, not as left out: its figures are for the arm with that name. "" when
    there is none ("with and without B" asks both arms), or when a figure inside the answer
    found (`figure_at`, its span in the sentence) carries just after it an arm's label that
    does not name it ("10.8 months (chemotherapy group)": the arm without, when the label names
    the other drugs asked)."""
    for m in _WITHOUT.finditer(prof.text):
        name = next((n for n in prof.names if m.group(1).lower() == n.lower()), None)
        if name is None:
            continue
        if figure_at is not None and _labelled_without(prof, sentence, figure_at, name):
            continue
        said = [w.start() for w in written(name.lower()).finditer(sentence.lower())]
        if said and any(not _LEFT_OUT_BEFORE.search(sentence[max(0, at - 20) : at]) for at in said):
            return name
    return ""


def _labelled_without(prof: Profile, sentence: str, figure_at: tuple[int, int], name: str) -> bool:
    """Whether a figure inside `figure_at` has, just after it, an arm's label that leaves out
    `name` and names every other drug the question asks."""
    kept = [n for n in prof.names if n != name and is_druglike(n)]
    for label in _ARM_LABEL.finditer(sentence, figure_at[0], figure_at[1] + _LABEL_REACH):
        said = label.group(1).lower()
        if (
            label.start() < figure_at[1]  # the label of a figure the answer holds
            and not written(name.lower()).search(said)
            and all(written(n.lower()).search(said) for n in kept)
        ):
            return True
    return False


# Results a sentence says are not known yet: "detailed results have not yet been disclosed",
# "data are not mature", "outcomes from these studies have not been reported".
_WITHHELD = re.compile(
    r"\b(?:results?|data|outcomes?|findings|efficacy)\b[^.;]{0,40}?\b(?:"
    r"(?:have|has|are|is|were|was)\s+(?:not\s+(?:yet\s+)?|yet\s+to\s+be\s+)(?:been\s+)?"
    r"(?:disclosed|reported|published|released|available|presented|mature)"
    r"|remains?\s+(?:unknown|unreported|undisclosed|pending|awaited)"
    r"|(?:are|is)\s+(?:awaited|pending))\b",
    re.I,
)


def withheld(prof: Profile, sentence: str, start: int, end: int) -> str:
    """The clause of `sentence` that says the results asked about are not known yet, when the
    answer found (`start`, `end` in the sentence) takes it in or the question asks what a study
    found: "What did ZENITH-9 show?" is not answered by "ZENITH-9 is enrolling; results have not
    yet been reported". "" otherwise, and for a yes/no or status question, which that clause
    answers, or a definition, which it does not bear on."""
    if prof.kind in ("yesno", "status", "definition", "glossary"):
        return ""  # … nor does it say what a thing is
    said = _WITHHELD.search(sentence)
    if said is None:
        return ""
    # Unless the question asks what was found, the clause bears only on an answer that takes
    # it in, and never on a name or phase ("Which trial tests zentamab, and in what phase?" is
    # answered while the trial runs; "which drug did better?" asks what was found).
    taken_in = said.end() > start and said.start() < end and prof.kind not in ("entity", "phase")
    if not (taken_in or _ASKS_RESULTS.search(prof.text)):
        return ""
    opens = max(sentence.rfind(mark, 0, said.start()) for mark in ";,:") + 1  # its clause
    return sentence[opens : said.end()].strip()


# A question that asks what a study found, in whatever form.
_ASKS_RESULTS = re.compile(
    r"\b(?:results?|outcomes?|data|findings|efficacy|effective(?:ness)?|show(?:ed|n)?|"
    r"how well|benefit|respon(?:se|ses|ded)|better|worse|superior|inferior|longer|shorter|"
    r"improv\w*|prolong\w*)\b",
    re.I,
)
