"""Which of one sentence's figures belong to the question, and where a figure ends: checks the
figure extractor applies to a sentence's candidates (a sibling trial's figures, a dose of
another drug, a "respectively" list, a dosing schedule's later steps, the dose per fraction
beside a total, a bracketed label). Which shares may be a rate asked is `shares.py`'s.

Plain functions of a sentence's text, its spans and the question's analysis.
"""

from __future__ import annotations

import re

from ..domain import domain
from ..lexical import STOPWORDS, stem
from ..mentions import is_druglike, written
from ..question import Profile
from ..question_measures import POPULATION_WORD
from ..spans import Span, find
from ..vocabulary import squash

__all__ = [
    "LABEL_CHARS",
    "NUMBER",
    "asked_names",
    "bracket_label",
    "conceded",
    "conditional",
    "label_words",
    "not_siblings",
    "numbers_in",
    "of_asked_drug",
    "phrase_asked",
    "respective_position",
    "respectively",
    "schedule_end",
    "with_other_dose",
    "word_stems",
    "years_in",
]

NUMBER = re.compile(r"\d+(?:\.\d+)?")
# A figure's label of plain words is read this far: "of <adjective> <noun> cells".
_LABEL_WORDS = 3
# A bracketed figure's label: the one or two words before its opening bracket.
_BRACKET_LABEL = re.compile(r"[\w-]+(?:\s+[\w-]+)?\s*\(\s*$")
# An item of a bracketed list named before its figure: "(Low, 18%; Very high, 9%)".
_ITEM_LABEL = re.compile(r"[(;]\s*([A-Za-z][\w-]*(?:\s+[\w-]+)?),\s*$")
# How far back (characters) that label is looked for: two words and a bracket.
_BRACKET_REACH = 40
# Number words a "respectively" list may count in, and two time points joined by "and" that
# such a list follows ("at one and three years").
_NUMBER_WORDS = domain().number_words
_CONDITIONS = re.compile(
    r"\b(?:at|in|for|after|of)\s+(\w+)\s+and\s+(\w+)\s+(years?|months?|weeks?|cycles?)\b|"
    # … or the time points as one adjective before the rates: "the 1- and 2-year EFS rates"
    r"\b(\w+)-\s*and\s+(\w+)-(years?|months?|weeks?)\b",
    re.I,
)

# A numbered member of a series: "ZENITH-4", "ZENITH 4", "Zenith4" → its series, "ZENITH"; a
# ligand or receptor numbered after a hyphenated stem: "ZD-L2" → "ZD-L".
_SERIES_NAME = re.compile(r"([A-Za-z]{4,}|[A-Z]{2,}-[A-Z]+)[-\s]?\d+[A-Za-z]?")
# A dosing schedule's next step, and how far after the last (characters) it may start.
_NEXT_STEP = re.compile(
    r"\b(?:followed by|increased to|escalated to|reduced to|decreased to|then|thereafter)\b", re.I
)
_STEP_REACH = 60


def schedule_end(text: str, span: Span, end: int) -> int:
    """Where a dosing schedule that opens with `span` ends: a dose that follows on ("40 mg
    daily for 5 days; if tolerated, increased to 80 mg daily", "… followed by 300 mg every 4
    weeks") is the same schedule's next step."""
    for nxt in find(text, "dose"):
        if nxt.start < end:
            continue
        gap = text[end : nxt.start]
        if len(gap) > _STEP_REACH or re.search(r"\.\s", gap) or not _NEXT_STEP.search(gap):
            break
        end = nxt.end
    return end


def bracket_label(text: str, at: int) -> tuple[int, int] | None:
    """Where the one or two words before the bracket that opens at `at` stand, if one does;
    or, for an item of a bracketed list that names each figure first ("(Low, 18%; Very high,
    9%)"), the item's name."""
    label = _BRACKET_LABEL.search(text, max(0, at - _BRACKET_REACH), at)
    if label is not None:
        return label.span()
    item = _ITEM_LABEL.search(text, max(0, at - _BRACKET_REACH), at)
    return item.span(1) if item is not None else None


def label_words(after: str, q_words: set[str]) -> int:
    """How many of the words of a figure's label (the words just after its "of / in / among",
    up to the clause's end) the question uses; a number counts too ("for the group scoring
    >20%" is the group asked as "scoring above 20%")."""
    phrase = re.split(r"[,;:()\[\]]|\.\s", after[:LABEL_CHARS], maxsplit=1)[0]
    words = re.findall(r"[A-Za-z][\w-]*|\d+(?:\.\d+)?", phrase.lower())
    # Two words the question joins with a hyphen count as both: "ZQ7 positive" for the
    # question's "ZQ7-positive".
    joined = {i for i in range(len(words) - 1) if f"{words[i]}-{words[i + 1]}" in q_words}
    return sum(stem(w) in q_words or i in joined or i - 1 in joined for i, w in enumerate(words))


# How far a figure's label may run ("of initial breast biopsies estimated to be
# overinterpreted").
LABEL_CHARS = 80


def phrase_asked(after: str, q_words: set[str]) -> bool:
    """Whether the words just after a figure's "of / in / among" are a phrase of the question:
    its first word and another (of at most _LABEL_WORDS) are question words, as in "X% of
    <the group asked about>", or one modifier precedes two, as in "X% of <modifier> <group
    asked about>"; one common word alone labels nothing."""
    # The label ends at a bracket, a colon or semicolon, a comma or a stop.
    phrase = re.split(r"[,;:()\[\]]|\.\s", after[:LABEL_CHARS], maxsplit=1)[0]
    opening = re.findall(r"[A-Za-z][\w-]*", phrase.lower())[:2]
    if len(opening) == 2 and "-".join(opening) in q_words:
        return True  # "mammography only" for the question's "mammography-only"
    words: list[str] = []
    for word in re.findall(r"[A-Za-z][\w-]*", phrase.lower()):
        if word in STOPWORDS:
            continue  # "of this decline was attributed to …": the label's content words
        # A hyphenated arm label the question writes apart reads as its words: "the
        # zentamab-plus-chemotherapy group" for "zentamab plus chemotherapy".
        whole = stem(word)
        words += [whole] if whole in q_words else [stem(p) for p in word.split("-") if p]
    words = words[:_LABEL_WORDS]
    hits = [w in q_words for w in words] + [False] * _LABEL_WORDS
    return (hits[0] and sum(hits) >= 2) or (hits[1] and hits[2])


def not_siblings(text: str, spans: list[Span], prof: Profile) -> list[Span]:
    """The figures that are not another trial's of an asked trial's series: "ZENITH-2 reported
    …; ZENITH-5 then failed (HR = 0.97)" gives ZENITH-5's HR, not ZENITH-2's. The series
    member written last before a figure is the one it is reported for. Each series' members are
    found once per sentence, not once per figure."""
    asked = asked_names(prof)
    series = {m.group(1) for n in prof.names if (m := _SERIES_NAME.fullmatch(n))}
    # Per series, where each member written in the sentence ends and whether it is asked.
    members = [
        [
            (m.end(), squash(m.group()) in asked)
            for m in re.finditer(rf"\b{re.escape(name)}[-\s]?\d+[A-Za-z]?\b", text)
        ]
        for name in series
    ]

    def a_siblings(start: int) -> bool:
        for found in members:
            before = [is_asked for end, is_asked in found if end <= start]
            if before and not before[-1]:
                return True
        return False

    return [sp for sp in spans if not a_siblings(sp.start)]


# A sentence that opens by conceding one study's result before stating another's: "While
# ZENITH-2 showed …, a later review of 300 patients found …".
_CONCESSIVE = re.compile(r"\s*(?:while|although|though|whereas|even\s+though)\b", re.I)
# A main clause whose subject is a study of its own: "…, a later systematic review of 300
# patients found …", "…, another trial reported …".
_ANOTHER_STUDY = re.compile(
    r"\s*(?:a|an|another|the|one)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:review|study|trial|analysis|meta-analysis|series|report|cohort|update)s?\b",
    re.I,
)


def conceded(text: str, spans: list[Span], prof: Profile) -> list[Span]:
    """The figures of a sentence's opening concessive clause, when only that clause writes a
    name the question asks about and the main clause opens on a study of its own: its figures
    are that study's ("While ZENITH-2 was small, a later review found a 3% rate" gives no
    rate of ZENITH-2's)."""
    opening = _CONCESSIVE.match(text)
    if opening is None or not prof.names:
        return spans
    depth, end = 0, -1
    for i in range(opening.end(), len(text)):
        depth += (text[i] in "([") - (text[i] in ")]")
        if text[i] == "," and depth == 0:
            end = i
            break
    if end < 0 or not _ANOTHER_STUDY.match(text, end + 1):
        return spans  # "While ZCL cells rarely show it, 20% of … do": the same study's figures
    low = text.lower()
    named = [written(n.lower()) for n in prof.names]
    if not any(n.search(low, 0, end) and not n.search(low, end) for n in named):
        return spans
    return [sp for sp in spans if sp.start < end]


def years_in(text: str) -> set[str]:
    """The calendar years `text` states ("in 2025", "March 2021")."""
    return {text[sp.end - 4 : sp.end] for sp in find(text, "year")}


def numbers_in(text: str, kind: str) -> set[str]:
    """The numbers of the figures of `kind` that `text` states, in digits or in words ("ten
    years" states 10)."""
    text = _SPELT_NUMBER.sub(lambda m: str(_as_number(m[0])), text)
    return {n for sp in find(text, kind) for n in NUMBER.findall(text[sp.start : sp.end])}


_SPELT_NUMBER = re.compile(rf"\b(?:{'|'.join(_NUMBER_WORDS)})\b", re.I)


def of_asked_drug(
    text: str, spans: list[Span], prof: Profile, *, schedule: bool = False
) -> list[Span]:
    """A dose belongs to the drug named just before it ("pembrolizumab (200 mg …) plus
    pemetrexed (500 mg/m2)"): when the question names drugs, keep the doses of those. A
    name a dose question writes in lower case ("the dose of zentoline") is a drug's. A
    schedule with no amount (`schedule`) is the whole regimen's its clause names ("X in
    combination with Y plus Z every 3 weeks"): kept when any of them is asked, and only then."""
    asked = {
        w
        for n in prof.names
        if is_druglike(n) or (n.islower() and not POPULATION_WORD.fullmatch(n))
        for w in n.lower().split()
    }
    if not asked:
        return spans
    radiation_asked = _RADIATION.search(prof.text) is not None
    kept = []
    for sp in spans:
        if _GRAY.search(text, sp.start, sp.end) and not radiation_asked:
            continue  # "45 Gy" is a dose of radiation, never of the drug asked
        reach = text.rfind(";", 0, sp.start) + 1 if schedule else max(0, sp.start - _DOSE_REACH)
        before = [w.lower() for w in _WORDS.findall(text[reach : sp.start])]
        drugs = [d for w in before for d in dict.fromkeys((w, w.split("-")[0])) if is_druglike(d)]
        of = _OF_DRUG.match(text, sp.end)  # "200 mg of pembrolizumab"
        if of is not None and is_druglike(of.group(1)):
            drugs = [of.group(1).lower()]
        if schedule:
            if set(drugs) & asked:
                kept.append(sp)  # an interval with no drug before it is a visit's or a scan's
        elif not drugs or drugs[-1] in asked:
            kept.append(sp)
    return kept


_WORDS = re.compile(r"[A-Za-z][A-Za-z-]*")
# A dose in gray is radiation's; a question that names radiation may ask it.
_GRAY = re.compile(r"\b(?:c|m)?Gy\b")
_RADIATION = re.compile(r"\bradiat|\bradiotherap|\b(?:c|m)?Gy\b|\bRT\b|\bfraction", re.I)
_OF_DRUG = re.compile(r"\s+of\s+([A-Za-z][A-Za-z-]*)")
_DOSE_REACH = 60  # characters before a dose where the drug it is of is named


_PER_FRACTION = re.compile(r"per\s+fraction|/\s*fraction|\bfractions?\b", re.I)
# Characters between a total dose and its dose per fraction ("… with a scheme (1.8 Gy per …").
_FRACTION_REACH = 60


def with_other_dose(text: str, span: Span, s: int, e: int) -> tuple[int, int]:
    """`text[s:e]` (the dose `span`, widened) grown to take in the nearest dose of the other
    sort stated close by: the dose per fraction beside a total, or the total beside it."""
    per = _PER_FRACTION.search(text, span.start, e) is not None

    def gap(d: Span) -> int:
        return min(abs(d.start - e), abs(s - d.end))

    others = [
        d
        for d in find(text, "dose")
        if (d.end <= s or d.start >= e)
        and (_PER_FRACTION.search(text, d.start, d.end) is not None) != per
        and gap(d) <= _FRACTION_REACH
    ]
    if not others:
        return s, e
    near = min(others, key=gap)
    return min(s, near.start), max(e, near.end)


def _as_number(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word)


def respective_position(text: str, question: str) -> int | None:
    """Which position of each pair a question's one time point is, in a sentence that pairs its
    figures with two time points "respectively" ("rates of A% and B% at one and three years,
    and C% and D%, respectively": a 3-year question → 1); None when it pairs none."""
    if "respectively" not in text.lower():
        return None
    m = _CONDITIONS.search(text)
    if not m:
        return None
    first, second, unit = m.group(1, 2, 3) if m.group(1) else m.group(4, 5, 6)
    values = [_as_number(first), _as_number(second)]
    unit = unit.lower().rstrip("s")
    asked = {
        _as_number(x.group(1))
        for x in re.finditer(rf"\b(\w+)[- ]{unit}s?\b", question, re.I)
        if _as_number(x.group(1)) is not None
    }
    if len(asked) != 1 or next(iter(asked)) not in values:
        return None
    return values.index(next(iter(asked)))


def respectively(text: str, spans: list[Span], question: str) -> list[Span] | None:
    """The best span's pair read at the asked time point (`respective_position`) first."""
    k = respective_position(text, question) if len(spans) >= 2 else None
    if k is None:
        return None
    first = spans[0]
    pair = sorted((x for x in spans if x.endpoint == first.endpoint), key=lambda x: x.start)
    if len(pair) < 2:
        return None
    i = next((j for j, x in enumerate(pair) if x == first), 0)
    i = i - (i % 2) + k  # the figure at position k of the pair the best span belongs to
    if i >= len(pair):
        return None
    chosen = pair[i]
    return [chosen, *[x for x in spans if x != chosen]]


def asked_names(prof: Profile) -> set[str]:
    """The names a question asks about, with the text's abbreviations of long forms it spells."""
    return {squash(n) for n in (*prof.names, *prof.aliases)}


# A question about a study's control arm: "the placebo group", "the comparator arm" (not
# "chemotherapy alone", which may ask what patients live on it in general).
_CONTROL_ASKED = re.compile(r"\b(?:control|placebo|comparator)\b", re.I)
# Words by which a text reports more than one arm.
_ARMS_NAMED = re.compile(
    r"\b(?:control|placebo|comparator|alone|only|versus|vs|compared|than|arms?|groups?|"
    r"cohorts?|randomi[sz]\w*)\b",
    re.I,
)


def asks_control_arm(question: str) -> bool:
    """Whether the question asks a figure of a study's control arm."""
    return _CONTROL_ASKED.search(question) is not None


def names_arms(text: str) -> bool:
    """Whether `text` reports or compares arms: a figure in a text naming none is a single
    arm's, and says nothing of a control arm."""
    return _ARMS_NAMED.search(text) is not None


# Which way a change goes: a question asking how much something grew is not answered by a
# figure the text labels a fall ("a 50% reduction"), nor the other way round (the words of
# each way: `change_directions` in data/domain.json).
_UP, _DOWN = (
    re.compile(r"\b(?:" + "|".join(domain().change_directions[way]) + r")\b", re.I)
    for way in ("up", "down")
)
# The label written right after a figure: "50% reduction", "a 25% increase in …".
_LABEL_AFTER = re.compile(r"\s*(?:relative\s+|absolute\s+)?([a-z]+)")


def with_asked_direction(text: str, spans: list[Span], question: str) -> list[Span]:
    """The figures whose own label does not state a change the other way from the one the
    question asks ("By how much must lesions grow …?" is not answered by "a 50% reduction");
    all of them when the question asks no one way."""
    up, down = _UP.search(question) is not None, _DOWN.search(question) is not None
    if up == down:
        return spans
    against = _DOWN if up else _UP

    def labelled_against(sp: Span) -> bool:
        # The figure's own words after its last digit ("50% reduction"; not a hedge before
        # it, "about 50%"), or the word after it.
        figure = text[sp.start : sp.end]
        last = max((m.end() for m in re.finditer(r"\d", figure)), default=0)
        own = re.findall(r"[a-z]+", figure[last:])
        m = _LABEL_AFTER.match(text, sp.end)
        label = own[-1:] or ([m.group(1)] if m else [])
        return any(against.match(w) for w in label)

    return [sp for sp in spans if not labelled_against(sp)]


# A figure's alternative in brackets, with the condition it holds under: "1,050 mg [1,400 mg if
# >80 kg]", "(20 mg for patients aged 75 or older)".
_IF_BRACKET = re.compile(
    r"[\[(](?P<figure>[^\[\]()]{0,30}\d[^\[\]()]{0,30}?)\s+(?:if|when|for patients|in patients|"
    r"for those)\s+(?P<condition>[^\[\]()]{1,40})[\])]"
)
# Words of a condition that say nothing of which one it is.
_PLAIN_CONDITION_WORDS = frozenset({"patient", "given", "treat", "receiv", "who", "those", "with"})


# A word as `word_stems` reads it: letters, hyphens inside ("run-in").
_WORD = re.compile(r"[a-z][a-z-]*")


def word_stems(text: str) -> set[str]:
    """The stems of `text`'s words, stopwords kept and hyphenated words whole ("run-in")."""
    return {stem(w) for w in _WORD.findall(text.lower())}


def conditional(text: str, spans: list[Span], question: str) -> list[Span]:
    """`spans` less the figures that hold only under a condition the question does not state
    ("[1,400 mg if >80 kg]" for "what dose was given?"), or, where it states one, only those
    figures whose condition it states: all of its numbers, or, where it has none, its last
    word and half its others ("… for patients with renal impairment?", "… with quellin?")."""
    held = list(_IF_BRACKET.finditer(text))
    if not held or not spans:
        return spans

    def condition_of(sp: Span) -> re.Match[str] | None:
        return next((m for m in held if m.start("figure") <= sp.start < m.end("figure")), None)

    numbers = set(NUMBER.findall(question))
    words = word_stems(question)

    def stated(condition: str) -> bool:
        said = set(NUMBER.findall(condition))
        if said:
            return said <= numbers
        # Its last word (what it is of: "… with quellin", "… renal impairment") and at least
        # half its others ("with renal impairment" is not "with severe hepatic impairment", nor
        # "combined with quellin" "with vorbatin").
        own = [
            stem(w)
            for w in _WORD.findall(condition.lower())
            if w not in STOPWORDS and stem(w) not in _PLAIN_CONDITION_WORDS
        ]
        return bool(own) and own[-1] in words and len(set(own) & words) * 2 >= len(set(own))

    met = [sp for sp in spans if (c := condition_of(sp)) is not None and stated(c["condition"])]
    return met or [sp for sp in spans if condition_of(sp) is None] or spans
