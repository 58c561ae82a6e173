"""The order in which one sentence's figures of the asked kind answer the question: the figure
nearest after the question's rarest words and names first, a figure labelled by its own arm or
by the group asked before the rest, a figure the question itself states last.
`FigureExtractor` ranks a sentence's figures with it once its filters have run."""

from __future__ import annotations

import math
import re

from ..bounds import age_groups, limit_start, same_ages
from ..domain import domain
from ..lexical import normalize, stem, tokenize
from ..mentions import is_druglike, time_points
from ..name_spans import names
from ..question import Profile
from ..spans import Span
from ..vocabulary import Vocabulary, squash
from .anchors import anchor_cost, anchors
from .figure_filters import (
    LABEL_CHARS,
    NUMBER,
    asked_names,
    bracket_label,
    label_words,
    numbers_in,
    phrase_asked,
    respectively,
)
from .labels import ARM_AFTER, PREDICATE_AFTER, base_end, time_after
from .labels_after import labelled_after
from .populations import figure_people_side
from .prefixed import after_prefixed, prefixed_places
from .runs import BY, asks_several, run_of
from .shapes import clause_of
from .stages import stages, stated_apart

__all__ = ["rank_figures"]

# Where a figure's label after it ends: a bracket, a colon or semicolon, a comma, a stop, or
# the next figure ("81% at stage III and 79% at stage IV").
_LABEL_END = re.compile(r"[,;:()\[\]]|\.\s|\s(?=\d)")

# Costs added to a candidate's distance from the question's words (in characters): a figure the
# question itself states is never the answer; one that follows a name the question did not ask
# about loses to one after the asked name; a difference wins when one is asked, a paired
# duration ("X vs Y months") when a median is.
_STATED_IN_QUESTION = 1000.0
_AFTER_OTHER_NAME = 40.0
# A figure followed by its arm ("X% with A versus Y% with B") is that arm's, wherever the
# question's other words sit: worth as much as following another name costs.
_OWN_ARM = 40.0
# The rarity (idf over the rarest's) from which a question word after a figure labels it.
_GROUP_WORD = 0.7
# The rarity from which such a word labels: above endpoint and unit words ("response",
# "median", "months" weigh about 0.35), below words naming a group ("distant", "regional").
_BRACKET_WORD = 0.5
# The question's words a bracketed figure's label must hold, and no other label, to name it
# by them alone: one common word may label any figure, two together rarely do.
_LABEL_PAIR = 2
# How far (characters) a labelled figure's other anchors count: beyond it, every figure of the
# sentence is as far from its opening subject.
_LABELLED_REACH = 60.0
# A difference asked ("how much longer") outweighs any labelled arm (_OWN_ARM) and a name
# nearby; a paired duration ("X vs Y months") for a median is preferred less strongly, as a
# lone median may be the one asked.
_DIFFERENCE_ASKED = 80.0
_PAIRED_DURATION = 30.0
# What each question word in a figure's label is worth, beside being labelled at all.
_LABEL_WORD = 10.0
# A figure its own clause states for the age group (or at the time point) asked outweighs any
# nearness to the question's other words: another group's figure does not answer.
_ASKED_AGE = 500.0
# The same for any figure that stands in a run of figures when the question compares: as
# much as being labelled by its own arm.
_SIDE_BY_SIDE = _OWN_ARM
# A figure stated as the limit asked ("no more than six cycles" for "at most how many
# cycles?") outweighs a labelled arm and a nearer figure, as an asked difference does.
_LIMIT_ASKED = _DIFFERENCE_ASKED

# The kinds of figure that count people or things, whose verb after them says what they count
# ("12% were ZQ7 positive", "12 patients had a response").
_SHARES = frozenset({"percent", "count"})


# The names of a trial's comparison arm ("placebo", "observation"), each a pattern of its own.
_COMPARATOR_ARMS = [re.compile(rf"\b{re.escape(arm)}\b", re.I) for arm in domain().comparator_arms]
_ARM_NAMES = "|".join(map(re.escape, domain().comparator_arms))
# A treatment asked as added to another ("when A was added to B", "B plus A").
_ADDED = re.compile(
    r"\b(?:added to|adding|addition of|plus|combined with|in combination with)\b", re.I
)
# An arm that lacks what was added: "the quellplatin-alone group", "placebo", "control".
_CONTROL = re.compile(rf"\b(?:alone|monotherapy|without|{_ARM_NAMES})\b", re.I)
# What sets a figure against another arm rather than naming its own: "compared with", "vs".
_SET_AGAINST = re.compile(r"\b(?:compared|versus|vs|than|relative|over)\b", re.I)
# Both arms asked: "with zentamab and placebo", "placebo or zentamab".
_ARMS_JOINED = re.compile(
    rf"\b(?:and|or|versus|vs\.?|compared (?:with|to)|than|between)\s+(?:the\s+)?(?:{_ARM_NAMES})\b"
    rf"|\b(?:{_ARM_NAMES})\s+(?:and|or|versus|vs\.?)\s",
    re.I,
)
# A biological's nonproprietary suffix ("zentamab-qxyz").
_SUFFIX = re.compile(r"[a-z]{4}")
# A ratio's own label between its name and its value: "RR for zetal squamous cancer, 1.85",
# "HR for death was 0.76".
_INNER_LABEL = re.compile(r"[^\d]*?\bfor\s+(?P<label>[^\d,;:()]+?)\s*(?:,|\bwas\b|\bwere\b|\bis\b)")


def rank_figures(text: str, spans: list[Span], prof: Profile, vocab: Vocabulary) -> list[Span]:
    """Best first: the span nearest after the question's rarest words and names, a comparison
    for a median, a difference ("by 2.7 months") only when one is asked."""
    if not spans:
        return []
    groups = anchors(text, prof, vocab)
    asked = asked_names(prof)
    found = names(text)
    others = [sp for sp in found if squash(text[sp.start : sp.end]) not in asked]
    mine = [sp for sp in found if squash(text[sp.start : sp.end]) in asked]
    q_norm = normalize(prof.text)
    # Figures of the same kind that the question states ("marker ≥5%"), by their numbers, as
    # the text may hedge them otherwise ("at least 5%").
    q_numbers = {k: numbers_in(prof.text, k) for k in {s.kind for s in spans}}
    q_words = set(tokenize(prof.text))
    # A figure the question itself states is a condition, not the answer.
    spans = [
        sp
        for sp in spans
        if not (numbers := NUMBER.findall(text[sp.start : sp.end]))
        or not set(numbers) <= q_numbers[sp.kind]
    ]
    # Each bracketed figure's label, read once: the words just before its bracket.
    brackets = {sp.start: bracket_label(text, sp.start) for sp in spans}
    # … and the question's words each label holds, counted by surface word, read once too.
    label_words_at = {
        at: set(tokenize(text[lab[0] : lab[1]], parts=False)) for at, lab in brackets.items() if lab
    }

    q_stages = stages(prof.text)

    def labelled(at: int) -> bool:
        if q_stages and stated_apart(q_stages, _LABEL_END.split(text[at : at + LABEL_CHARS], 1)[0]):
            return False  # "40% among those at stage III" when stage IV is asked
        return (
            any(n.start == at for n in mine)
            or any(w >= _GROUP_WORD and any(a == at for a, _ in g) for w, g in groups)
            or phrase_asked(text[at:], q_words)
            or (
                bool(arms_asked)
                and (arm := _ARM_LABEL.match(text, at)) is not None
                and names_arm(arm.group())
            )
        )

    def names_arm(label: str) -> bool:
        return any(a.search(label) for a in arms_asked)

    def names_in_arm(at: int) -> bool:
        # "12.3 months in the group assigned to chemotherapy plus zetamab": an asked drug
        # inside the arm's own words, before the comma or bracket that ends them.
        end = _ARM_WORDS.match(text, at)
        if end is None:
            return False
        if any(at <= n.start < end.end() and is_druglike(text[n.start : n.end]) for n in mine):
            return True
        # … or joined into one word with the rest of the arm, all of it asked ("the
        # zentamab-qxyz-plus-chemotherapy group" for "zentamab plus chemotherapy", a
        # nonproprietary suffix after the drug; not "the zentamab-monotherapy group").
        for word in text[at : end.end()].split():
            parts = word.split("-")
            drug = next(
                (i for i, p in enumerate(parts) if squash(p) in asked and is_druglike(p)), None
            )
            if drug is None or len(parts) == 1:
                continue
            rest = [
                p
                for i, p in enumerate(parts)
                if i != drug and not (i == drug + 1 and _SUFFIX.fullmatch(p))
            ]
            if all(set(tokenize(p)) <= q_words for p in rest):
                return True
        return False

    def named_before(at: int) -> bool:
        # "naive patients (51%), pretreated patients (33%) or refractory patients (16%)": a
        # bracketed figure is labelled by the words just before its bracket when they hold
        # a rare plain word of the question that no other figure's label holds (a name,
        # asked or not, is what a sentence or a comparison is about; and "patients" labels
        # every figure there).
        mine_at = brackets.get(at)
        if mine_at is None:
            return False
        rest = [lab for start, lab in brackets.items() if start != at and lab]
        if not rest:
            return False  # a label tells bracketed figures apart, not one from the prose
        if names_arm(text[mine_at[0] : mine_at[1]]):
            # "… who received placebo (1.1 months)": the comparison arm asked, however common
            # its word, unless another figure's label names it too.
            return not any(names_arm(text[a:b]) for a, b in rest)

        def inside(g: list[tuple[int, int]], lab: tuple[int, int]) -> bool:
            return any(
                lab[0] <= a < lab[1] and not any(n.start <= a < n.end for n in found) for a, _ in g
            )

        # Two words of the question that only this label holds name it, however common each
        # word is ("liver (22%), nervous system (17%)" for "… the peripheral nervous system").
        own_words = label_words_at[at] & q_words
        others = set().union(*(ws for start, ws in label_words_at.items() if start != at))
        if len(own_words - others) >= _LABEL_PAIR:
            return True

        return any(
            (_BRACKET_WORD <= w <= 1.0 or _names_group(text, g))
            and inside(g, mine_at)
            and not any(inside(g, lab) for lab in rest)
            for w, g in groups
        )

    def bracket_words(at: int) -> int:
        """How many of the question's words the label before a figure's bracket holds."""
        return len(label_words_at.get(at, set()) & q_words)

    def arms_of(s: Span) -> tuple[list[int], list[int], list[int]]:
        """Where the labels after figure `s` start (its arm's, its verb's): all of them, those
        that name an asked drug, and those that name anything asked."""
        after = (ARM_AFTER.match(text, at) for at in {s.end, base_end(text, s.end)})
        ends = [arm.end() for arm in after if arm is not None]
        if (said := said_at[s]) is not None:
            ends.append(said)
        drug_arms = [a for a in ends if names_in_arm(a)]
        return ends, drug_arms, [a for a in ends if a in drug_arms or labelled(a)]

    def said_of(s: Span) -> int | None:
        """Where the words after share `s`'s verb start ("12% were ZQ7 positive"); None when
        no verb follows it."""
        if s.kind not in _SHARES or prof.endpoints:
            return None  # an endpoint asked names its own figure ("the response rate was 50%")
        verbs = (PREDICATE_AFTER.match(text, at) for at in {s.end, base_end(text, s.end)})
        return next((v.end() for v in verbs if v is not None), None)

    def listed_first(s: Span) -> int:
        """Where the first of the shares listed with `s` starts, each with a verb saying what
        it counts and joined to the next by nothing but a comma or "and" ("88% had fewer
        flares, and 41% had none"); `s`'s own start when it stands in no such list."""
        first, prev_end = s.start, None
        for start, words in said_shares:
            if start > s.start:
                break
            if prev_end is None or not _LIST_GAP.fullmatch(text, prev_end, start):
                first = start
            prev_end = _label_stop(text, words, clause=True)
        return first

    def key(s: Span) -> tuple[float, int]:
        # A figure followed by its arm is labelled by that name ("40% (95% CI …) in the
        # zentamab group", "40% of patients in the zentamab group"), or by the group the
        # question asks about ("41% from never-smokers", a word of the question as rare as
        # a name): that label's distance is no cost, and the subject the sentence opened
        # with still covers the figure however many other groups' figures stand between.
        ends, drug_arms, arms = arms_of(s)
        seg = text[s.start : s.end]
        inner = _INNER_LABEL.match(seg) if s.kind == "hr" else None
        inner_words = label_words(inner["label"], q_words) if inner else 0
        bracketed = named_before(s.start)
        own = bool(arms) or bracketed or inner_words > 0
        # The question's words inside the figure's own label cost no distance: "12% were ZQ7
        # positive" is as near to "positive" as to "ZQ7".
        said = said_at[s]
        spans_of = [(a, _label_stop(text, a, clause=a == said)) for a in arms]
        labels = [
            g for g in groups if not any(lo <= a < hi for a, _ in g[1] for lo, hi in spans_of)
        ]
        # Shares each said of something after them are told apart by what they are said of:
        # the subject before the first of them is as near to every one ("Of 52 men, 88% had
        # fewer flares, and 41% had none").
        near = listed_first(s) if said is not None and labelled(said) else s.start
        cost = anchor_cost(labels, near, s.end, cap=_LABELLED_REACH if own else math.inf)
        if normalize(seg) in q_norm:
            cost += _STATED_IN_QUESTION
        # "for A … 10%-15%, while for B … 1%-2%": a figure belongs to the name just
        # before it.
        before = [n for n in others + mine if n.end <= s.start]
        if own:
            cost -= _OWN_ARM  # "44.2% with durvalumab versus 27% with placebo"
            if drug_arms:
                cost -= _LABEL_WORD  # its arm gives the drug asked, not only a word of it
            # Of two labelled figures, the one whose label says more of the question: "4.6%
            # of initial biopsies estimated to be overinterpreted", not "92.3% of biopsy
            # diagnoses … verified". A name asked counts twice, as a name says more than a
            # common word ("12% were ZQ7 positive", not "97% of the tumours were … positive").
            cost -= _LABEL_WORD * max(
                [
                    inner_words,
                    *(
                        label_words(text[a:hi] if a == said else text[a:], q_words)
                        + sum(lo <= n.start < hi for n in mine)
                        for a, (lo, hi) in zip(arms, spans_of, strict=True)
                    ),
                    bracket_words(s.start) if bracketed else 0,
                ]
            )
        elif mine and before and max(before, key=lambda n: n.end) in others:
            cost += _AFTER_OTHER_NAME
        by = BY.search(text[: s.start])
        if prof.kind == "difference":
            cost -= _DIFFERENCE_ASKED if (s.kind == "difference" or by) else 0
        elif s.kind == "duration":
            cost -= _PAIRED_DURATION if re.search(r"\b(vs\.?|versus|to)\b", seg) else 0
        if adds_to and any(
            _CONTROL.search(w.group())
            for a in ends
            if (w := _ARM_WORDS.match(text, a)) and not _SET_AGAINST.search(text, s.end, a)
        ):
            # "… when zentamab was added to quellplatin?": not the "quellplatin-alone" arm
            # (though "14.2 months compared with 11.1 months for quellplatin alone" sets the
            # asked arm's figure against it).
            cost += _AFTER_OTHER_NAME
        if after_prefixed(prefixed, s.start):
            cost += _AFTER_OTHER_NAME  # asked "adjuvant", a dose after "neoadjuvant"
        if asked_ages:
            # "… in their 60s": the figure its own clause states for that age group, before
            # it or after, not one stated for another ("for women aged 39 to 49 years,
            # 1,904; … aged 60 to 69 years, 377"; "half are aged 60 or older, and 30% are
            # aged 75 or older").
            # A figure in a bracket whose own clause states no age is the age group of the
            # words before the bracket ("aged 17 years or younger … (RR for A, 1.74; … and RR
            # for B, 1.52)").
            stated = age_groups(clause_of(text, s.start, s.end)) or age_groups(
                _before_bracket(text, s.start)
            )
            if any(same_ages(a, b) for a in asked_ages for b in stated):
                cost -= _ASKED_AGE
            elif stated:
                cost += _AFTER_OTHER_NAME
        side = figure_people_side(prof.text, text, s.start, s.end, clause_of(text, s.start, s.end))
        if side < 0:
            cost += _AFTER_OTHER_NAME  # "… in women?": not the figure a clause gives for men
        elif side > 0:
            cost -= _ASKED_AGE  # "… 1.2 per million for women", beside the men's figure
        if (
            prof.time_points
            and time_points(_bracket_label_clause(text, s.start)) & prof.time_points
        ):
            # "… and relapse at 12 years (17.7% vs. 29.7%; HR, 0.70 …)": the bracket's label
            # dates the figures inside it.
            cost -= _ASKED_AGE
        elif dates_apart:
            # "the 18-month OS rate was 25.5%, and the 24-month OS rate was 10.4%": the figure
            # its own clause dates at the time asked, as for an age group (a time the sentence
            # states once dates every clause: "The 5-year rate is 10% for A, while for B, it
            # is 1%").
            # A figure that carries its own time ("31% to 47% at 8 years", "18% at 5 years")
            # is dated by it, not by its neighbours' in the same clause.
            dated = time_points(text[s.start : s.end]) or time_points(
                text[s.end : time_after(text, s.end)]
            )
            dated = dated or time_points(clause_of(text, s.start, s.end))
            if dated & prof.time_points:
                cost -= _ASKED_AGE
            elif dated:
                cost += _AFTER_OTHER_NAME
        if s.start in valued_after:
            # "70% for patients with less than 4% zeta cells, 45% for those with 4% to 20%,
            # …": the figure whose own label states the values the question gives.
            cost -= _ASKED_AGE
        if limit is not None and limit_start(text, s.start, limit) is not None:
            cost -= _LIMIT_ASKED
        if several and len(run_of(text, s)) > 1:
            # "How did PFS compare between A and B?": the figures given side by side, not
            # the overall one before them ("10.6 months (12.1 months for A vs. 2.9 months
            # for B)").
            cost -= _SIDE_BY_SIDE
        return (cost, s.start)

    several = asks_several(prof)
    # A comparison arm asked on its own: not "with zentamab and placebo", both arms.
    arms_asked = (
        []
        if _ARMS_JOINED.search(prof.text)
        else [arm for arm in _COMPARATOR_ARMS if arm.search(prof.text)]
    )
    asked_ages = age_groups(prof.text)
    # A treatment asked as added to another: its arm, not the other's alone or a control's.
    adds_to = (
        not arms_asked and _ADDED.search(prof.text) is not None and not _CONTROL.search(prof.text)
    )
    limit = prof.limit
    valued_after = labelled_after(text, spans, prof)
    dates_apart = bool(prof.time_points) and len(time_points(text)) > 1
    prefixed = prefixed_places(text, prof)

    said_at = {s: said_of(s) for s in spans}  # read once: each figure's key reads it again
    said_shares = sorted((s.start, at) for s, at in said_at.items() if at is not None)
    ranked = sorted(spans, key=key)
    return respectively(text, ranked, prof.text) or ranked


_WORD = re.compile(r"[\w-]+")


def _label_stop(text: str, at: int, clause: bool) -> int:
    """Where a figure's label that starts at `at` ends: at a bracket, a colon or semicolon, a
    comma, a stop or the next figure; a verb's words (`clause`) end too at a word that opens
    another clause ("48% had disease control and in the placebo group …"), where an arm's
    may go on ("with zentamab and quellplatin")."""
    label = _LABEL_END.split(text[at : at + LABEL_CHARS], 1)[0]
    return at + len(_CLAUSE_WORD.split(label, 1)[0] if clause else label)


# A word that ends a figure's label by opening another clause.
_CLAUSE_WORD = re.compile(r"\s(?:and|but|while|whereas|versus|vs\.?|compared)\b")
# What may stand between two shares listed together, after the first one's label.
_LIST_GAP = re.compile(r"\s*[,;]?\s*(?:and\s+|or\s+)?")


def _names_group(text: str, places: list[tuple[int, int]]) -> bool:
    """Whether a question word's places in `text` are a word naming a group of people ("men
    (12%) and women (31%)"), which labels its bracketed figure however common it is."""
    word = _WORD.match(text, places[0][0])
    return word is not None and stem(word.group(0).lower()) in domain().group_nouns


def _bracket_label_clause(text: str, at: int) -> str:
    """The words just before the bracket that holds position `at`, within its clause
    ("relapse at 12 years" for a figure in "… and relapse at 12 years (17.7% vs. 29.7%; HR,
    0.70)"); "" outside brackets. A time said earlier in the clause ("After 4 years of
    follow-up, … rate (71% vs. 59%)") dates the whole sentence, not this bracket."""
    label = _before_bracket(text, at)[-_BRACKET_LABEL_REACH:]
    # "42.9% (95% CI, …)": a bracket after a figure holds its interval, unlabelled.
    return "" if _ENDS_ON_FIGURE.search(label) else label


def _before_bracket(text: str, at: int) -> str:
    """The clause before the bracket that holds position `at`; "" outside brackets."""
    depth = 0
    for i in range(at - 1, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            if depth == 0:
                return clause_of(text[:i], i, i)
            depth -= 1
    return ""


# How far before its bracket (characters) a label's time point may be: "relapse at 12 years (".
_BRACKET_LABEL_REACH = 30
# An arm's own words, to the comma, bracket or comparison that ends them.
# … up to the next arm's figure too: "6.1% in the group assigned to A plus B and 1.2% in …".
_ARM_WORDS = re.compile(
    r"[^,;()]{0,60}?"
    r"(?=\s*[,;()]|\s+(?:as compared|compared|versus|vs\.?)\b|\s+(?:and|or|while)\s+\d|$)"
)
# The words that name an arm after its figure, to the next figure or the next arm's
# ("7 weeks for placebo", not "23 weeks for zentamab and 7 weeks for placebo").
_ARM_LABEL = re.compile(
    r"[^,;()\d]{0,60}?(?=\s*[,;()\d]|\s+(?:and|or|as compared|compared|versus|vs\.?)\b|$)"
)
_ENDS_ON_FIGURE = re.compile(r"\d\s*%?\s*$")
