"""The count grammar: for "how many X …?", the numbers in a sentence that count X, read after
their label ("New cases: N") or before their noun ("N patients"), by a noun of the question's,
the people it counts ("how many people" counts patients too) or the events those people are
asked to have had ("how many people die" counts deaths)."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from ..abbreviations import initials, singular
from ..domain import domain
from ..lexical import stem
from ..other_forms import is_people
from ..question import Profile
from ..question_kinds import STUDY_SIZE
from ..question_phrase import PLURAL
from ..spans import Span
from .labels import per_base_end

__all__ = ["counted", "counts_several"]

_PEOPLE = domain().people_nouns  # stems: "how many people" counts patients too
_DISEASES = frozenset(stem(h) for h in domain().disease_heads)
_EVENTS = domain().counted_events
# "… in the US are expected to be diagnosed with, and to die of": how far past the people
# their verbs may be.
_VERB_WORDS = 10
_COUNT_NOUN_WINDOW = 80  # characters after a number where "how many X" looks for X
_COUNTING = re.compile(
    r"(?:how many|number of)\s+((?:[\w/-]+\s+){0,14}?[\w/-]+)(?:\s+(?:are|were|is|was|do|does|"
    r"did|have|has|had|can|could|will|would|should|must|may|might|need|needed|in|of|among|per|"
    r"across|worldwide|globally|"
    r"each|every)\b|"
    # … or ending the clause: "how many new cases and how many deaths?"
    r"\s*[?,;:.]|\s*$)",
    re.I,
)
_COUNTING_LOOSE = re.compile(r"(?:how many|number of)\s+((?:[\w/-]+\s*){1,3})", re.I)


def counts_several(prof: Profile) -> bool:
    """Whether "how many" asks several things counted: "how many RCTs and regimens …"."""
    found = _counting(prof.text)
    return found is not None and len(found[1]) > 1


@lru_cache(maxsize=1024)
def _counting(question: str) -> tuple[re.Match[str], tuple[str, ...]] | None:
    """Where a question asks "how many X", and the word each of its conjuncts counts: the
    last word of every conjunct, or the people it names ("how many patients took part");
    "… and what were …" asks another part. Remembered: `counted` asks for every candidate
    sentence."""
    m = _COUNTING.search(question) or _COUNTING_LOOSE.search(question)
    if not m:
        return None
    counting = _NEXT_PART.split(m.group(1).strip())[0]
    conjuncts = re.split(r"\s+(?:and|or)\s+(?:how many\s+|the number of\s+)?", counting)
    # "how many days after zentectomy": a time phrase right after the noun says when, not what is
    # counted.
    conjuncts = [
        before if len((before := _WHEN.split(c)[0]).split()) <= _NOUN_WORDS else c
        for c in conjuncts
    ]
    heads = tuple(_head(c.split()) for c in conjuncts if c.split())
    if heads and heads[0].lower() in _AUXILIARIES:
        # "Of the new cases, how many are in men?": the noun counted stands before.
        noun = _of_the_noun(question[: m.start()])
        if noun:
            heads = (noun,)
    return m, heads


def counted(text: str, spans: list[Span], prof: Profile) -> list[Span]:
    """For "how many X", keep numbers followed (within five words) by X."""
    found = _counting(prof.text)
    if found is None:
        size = STUDY_SIZE.search(prof.text)
        if size is None:
            return spans
        found = (size, ("patients",))  # "how large were the trials?": how many they enrolled
    m, heads = found
    nouns: set[str] = set()
    verbs: set[str] = set()  # "how many died": "5 (7%) reportedly died" counts the deaths too
    for head in heads:
        noun = stem(head.lower())
        if noun in _EVENTS:
            nouns |= set(_EVENTS[noun])  # "how many people died of X": the deaths are counted
            verbs.add(noun)
            continue
        # "How many Americans …" counts people, as "how many people" does.
        nouns |= _PEOPLE if noun in _PEOPLE or is_people(head) else {noun}
        if noun == "case":
            nouns |= _DISEASES  # "how many new cases?" is answered by "12,000 new zetal cancers"
        elif noun in _DISEASES:
            nouns.add("case")  # … and "how many new zetal cancers?" by "New cases: 12,000"
    people_doing: set[str] = set()  # "9,310 Americans will die": people, then the asked verb
    if nouns & _PEOPLE:
        # "How many people are expected to die …" counts the deaths, not the people; "to be
        # diagnosed with, and to die of, X" counts both.
        doing = [stem(w) for w in re.findall(r"[a-z]+", prof.text[m.end() :].lower())[:_VERB_WORDS]]
        events = {e for v in doing if v in _EVENTS for e in _EVENTS[v]}
        if events:
            people_doing = {v for v in doing if v in _EVENTS}
        nouns = events or nouns
    # "How many RCTs …" counts "randomized controlled trials": match an acronym by initials.
    acronyms = [singular(h).lower() for h in heads if h[:2].isupper()]
    out = _counts_of(text, spans, nouns, verbs, people_doing, acronyms)
    if not out and nouns and nouns <= _GROUPS and not _names_a_group(text):
        # "How many men were randomized?" where the text counts its trial's "patients", and
        # names no group of people (not "420 adult patients", "…, 60% of whom were women").
        out = _counts_of(text, spans, set(_ENROLLED), verbs, people_doing, acronyms)
    return out


def _names_a_group(text: str) -> bool:
    """Whether `text` names a group of people by sex, age or habit ("women", "adult")."""
    return any(stem(w) in _GROUP_NOUNS for w in re.findall(r"[a-z][a-z-]+", text.lower()))


def _counts_of(
    text: str,
    spans: list[Span],
    nouns: set[str],
    verbs: set[str],
    people_doing: set[str],
    acronyms: list[str],
) -> list[Span]:
    """The spans that count `nouns` (or the people doing what is asked, or what `verbs` say
    was done), each widened to take in the noun it counts."""
    paired = _paired_counts(text, nouns)
    out = []
    for s in spans:
        if _RATE_BASE.search(text, max(0, s.start - _BASE_WINDOW), s.start):
            continue  # "0.3 cases per 100,000 people": the base of a rate counts no one
        if s.start in paired:
            out.append(s)  # "… detected more zetomas than A alone (230 vs. 177)"
            continue
        if _ELIDED.match(text, s.end) and _named_in_clause(text, s.start, nouns):
            out.append(s)  # "Of the new cases, 1,200 will occur in men": the noun left out
            continue
        label = _LABEL_BEFORE.search(text, max(0, s.start - _COUNT_NOUN_WINDOW), s.start)
        if label is not None and stem(label.group(1).lower()) in nouns:
            # "New cases: 226,650", "patients (n = 45)", "deaths were 1,200"; "n = 45" whole
            sized = label.start("size") if label.group("size") else s.start
            out.append(Span(sized, s.end, s.kind, s.endpoint))
            continue
        after = text[s.end : s.end + _COUNT_NOUN_WINDOW]
        # A noun past the next number is that number's ("3 events in 52% of patients"), unless
        # that number closes a range begun here ("11 to 16 nodes").
        closes = _RANGE_END.match(after) or _OWN_SHARE.match(after)
        skip = closes.end() if closes else 0
        after = after[
            : next((skip + d.start() for d in re.finditer(r"\d", after[skip:])), len(after))
        ]
        # What the number counts ends at "with": "346 patients with newly diagnosed zetoma"
        # counts patients a study enrolled, not diagnoses, nor people who were diagnosed.
        words = list(
            itertools.takewhile(
                lambda w: w.group().lower() != "with",
                list(re.finditer(r"[A-Za-z][A-Za-z\-]*", after))[:5],
            )
        )
        said = [stem(w.group().lower()) for w in words]
        doing_words = said[1:_DOING_WORDS]
        if (
            people_doing
            and said
            and (said[0] in _PEOPLE or is_people(words[0].group()))
            and people_doing & set(doing_words)
        ):
            out.append(Span(s.start, s.end + words[0].end(), s.kind, s.endpoint))
            continue
        done = next((w for w, v in zip(words[:2], said, strict=False) if v in verbs), None)
        if done is not None:
            out.append(Span(s.start, s.end + done.end(), s.kind, s.endpoint))
            continue
        for i, w in enumerate(words):
            hit = stem(w.group().lower()) in nouns and not _modifies(words[i + 1 : i + 2], nouns)
            for acronym in acronyms if not hit else ():
                run = words[i : i + len(acronym)]
                hit = len(acronym) > 1 and len(run) == len(acronym)
                hit = hit and initials(x.group() for x in run) == acronym
                if hit:
                    w = run[-1]
                    break
            if hit:
                # "1,240 zetal cancer deaths": the phrase ends on the last counted noun.
                while i + 1 < len(words) and stem(words[i + 1].group().lower()) in nouns:
                    i += 1
                    w = words[i]
                # "9 zetomas per 1,000 screens": a rate, with its base.
                out.append(Span(s.start, per_base_end(text, s.end + w.end()), s.kind, s.endpoint))
                break
    return out


# A verb "how many" may be followed by when the question left its noun out ("how many are
# in men?"), and the phrase before that names it ("Of the new cases, …", "Among the zetomas, …").
_AUXILIARIES = frozenset({"are", "were", "is", "was", "will", "did", "do", "does", "have", "had"})
_OF_THE = re.compile(r"\b(?:of|among)\s+(?:the\s+)?([^,?;]{1,60}?)\s*,(?!\d)", re.I)
_PLURAL_NOUN = re.compile(r"[a-z]{2,}[^su]s", re.I)
# A count whose noun the text leaves out, a verb right after it: "1,200 will occur in men".
_ELIDED = re.compile(r"\s+(?:will|were|are|was|is|had|have|occurred|died)\b")


def _of_the_noun(text: str) -> str:
    """The plural noun an "of the …," / "among the …," phrase ends its noun phrase on ("Of the
    new zeta cases in 2031, …" → "cases"); "" when there is none."""
    found = _OF_THE.search(text)
    if found is None:
        return ""
    plurals = [w for w in found.group(1).split() if _PLURAL_NOUN.fullmatch(w)]
    return plurals[-1] if plurals else ""


def _named_in_clause(text: str, start: int, nouns: set[str]) -> bool:
    """Whether the sentence opens, before the number at `start`, on an "of the …," phrase whose
    noun is counted ("Of the new cases, an estimated 1,200 …")."""
    noun = _of_the_noun(text[:start].rsplit(". ", 1)[-1])
    return bool(noun) and stem(noun.lower()) in nouns


# The word that makes the number after it a rate's base ("per 100,000 women"), just before it.
_RATE_BASE = re.compile(r"\bper\s+$", re.I)
_BASE_WINDOW = 8


# Two counts compared in a bracket ("(230 vs. 177"), after the clause that says what they count.
_PAIR = re.compile(r"\(\s*(\d[\d,]*)\s*(?:vs\.?|versus)\s*(\d[\d,]*)\b")
_CLAUSE_BEFORE = re.compile(r"[^.;:()]*$")


def _paired_counts(text: str, nouns: set[str]) -> set[int]:
    """Where the two counts of a bracketed pair start, when the clause just before the bracket
    names the counted noun ("DM plus DBT detected more zetomas than DM alone (230 vs. 177)")."""
    starts: set[int] = set()
    for m in _PAIR.finditer(text):
        lo = max(0, m.start() - _COUNT_NOUN_WINDOW)
        clause = _CLAUSE_BEFORE.search(text, lo, m.start())
        words = re.findall(r"[A-Za-z]+", clause.group() if clause else "")
        if any(stem(w.lower()) in nouns for w in words):
            starts |= {m.start(1), m.start(2)}
    return starts


# A count's own share in brackets, just after it: "5 (7%) died".
_OWN_SHARE = re.compile(r"\s*\(\s*\d+(?:\.\d+)?\s*%\s*\)")
# How far after the people counted the verb of what they did may come ("Americans will die").
_DOING_WORDS = 4
# What a count's noun phrase may end on besides the question's noun: the events and people
# counted ("131 zeta cancer deaths" counts deaths, not cancers).
_HEADS = _PEOPLE | {e for events in _EVENTS.values() for e in events} | {"event", "respons"}


def _modifies(following: list[re.Match[str]], nouns: set[str]) -> bool:
    """Whether the word after a matched noun heads the phrase instead ("cancer deaths"): an
    event or people noun the question does not count."""
    return any((h := stem(w.group().lower())) in _HEADS and h not in nouns for w in following)


def _head(words: list[str]) -> str:
    """The word a conjunct counts: an event the people had ("people died"), else the people it
    names before a verb ("patients took part"), else, in a conjunct run on past a verb the
    question words do not know, its first plural ("risk factors feed into the score …"), else
    its last word ("new cases")."""
    stems = [stem(w.lower()) for w in words]
    for wanted in (_EVENTS, _PEOPLE):
        found = next((w for w, st in zip(words, stems, strict=True) if st in wanted), None)
        if found is not None:
            return found
    if len(words) > _RUN_ON:
        plural = next(
            (w for w in words[:_RUN_ON] if PLURAL.fullmatch(w.lower()) or w.lower() in _IRREGULAR),
            None,
        )
        if plural is not None:
            return plural
    return words[-1]


# How many words a counted phrase holds before it has run on past its verb; a plural among
# them is what is counted.
_RUN_ON = 4
_IRREGULAR = frozenset({"women", "men", "children"})
# Groups of people by sex or age, stemmed: counted as a study's enrolled people where the text
# counts no group (not as "cases" or "people", which a registry counts of all groups at once).
_GROUPS = frozenset({"men", "women", "children", "adult", "boy", "girl", "adolesc", "infant"})
_ENROLLED = frozenset({"patient", "particip", "subject", "volunt"})
_GROUP_NOUNS = domain().group_nouns  # _GROUPS among them, and habits ("smoker")


# Where a several-part question's next part opens: "… and what were …", "…, and which …"
# ("… and how many deaths" counts on).
_NEXT_PART = re.compile(
    r",?\s+(?:and|or)\s+(?=(?:what|which|who|when|where|why)\b|how\b(?!\s+(?:many|much)\b))",
    re.I,
)
# How many words a counted noun may have before a time phrase ("extra days after zentectomy").
_NOUN_WORDS = 2
# A time phrase that follows what is counted ("hours before a meal", "days after surgery").
_WHEN = re.compile(r"\s+(?:before|after|until|since|during|within|following|prior\s+to)\s+", re.I)
_RANGE_END = re.compile(r"\s*(?:to|through|and|or|[-‒–—])\s*[\d.,]+")
# A count stated after its noun: "New cases: N", "patients (n = N)", "deaths were N"; `size` is
# a group's size sign as a paper writes it ("(N = 112)"), which the answer keeps.
_LABEL_BEFORE = re.compile(
    r"([A-Za-z][A-Za-z-]*)\s*(?::|\(\s*(?P<size>[nN]\s*=)|=|\s(?:was|were|totall?ed|numbered))\s*"
    r"(?:approximately\s+|about\s+|nearly\s+|over\s+|more than\s+)?$"
)
