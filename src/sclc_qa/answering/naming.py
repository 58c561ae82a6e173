"""How a sentence itself says that a name is what a which/what question asks for: by the class
word it ends with or that follows it ("the Zeta Dx Panel Test", "the X trial"), by standing right
after the asked phrase ("the ZRK1 inhibitor zentamab"), or by a copula that ranks it ("Zentamab
is the first ZRK1 inhibitor to …" for "which drug was the first to …?")."""

from __future__ import annotations

import re
from functools import lru_cache

from ..abbreviations import initials
from ..domain import domain
from ..lexical import stem
from ..question import Profile
from ..spans import Span

__all__ = ["CASUAL_WORDS", "described_places", "names_its_class", "said_to_be_asked"]

# Words that open a describing phrase without describing ("the two main …").
CASUAL_WORDS = frozenset({"the", "a", "an", "two", "three", "other", "main", "first", "of"})
# "Which X was the first / only / last to …?" and the copula that answers it: "N is the first
# … to …".
_RANK_ASKED = re.compile(r"\b(?:is|was|were|are|became|remains)\s+the\s+(first|only|last)\b", re.I)
_SAID_TO_BE = re.compile(
    r"\s+(?:is|was|became|remains)\s+(?:also\s+|now\s+)?the\s+(first|only|last)\b", re.I
)


def said_to_be_asked(text: str, cands: list[Span], prof: Profile) -> list[Span]:
    """The candidates the sentence itself puts in the asked place: in apposition right after the
    whole asked phrase, ranked first (only, last) as the question asks, or named with a drug
    stem that says the asked phrase ("-ciclib", a CDK4/6 inhibitor, for "which CDK4/6
    inhibitor …?")."""
    phrase = _asked_phrase(prof.asked_about)
    ranked_as = _RANK_ASKED.search(prof.text)
    return [
        c
        for c in cands
        if (
            phrase and (_after(text, c, phrase) or set(phrase) <= stem_class(text[c.start : c.end]))
        )
        or _abbreviates_stem_class(prof.asked_about, text[c.start : c.end])
        or (ranked_as and _said_to_be(text, c, ranked_as[1].lower()))
    ]


@lru_cache(maxsize=4096)
def stem_class(name: str) -> frozenset[str]:
    """The word stems of the class a one-word drug name's stem says ("quellaciclib": CDK4/6
    inhibitor), the longest stem that ends it deciding; empty for any other name."""
    said = _class_said(name)
    return frozenset(stem(w.lower()) for w in re.findall(r"[\w+-]+", said)) if said else frozenset()


def _class_said(name: str) -> str | None:
    """The class a one-word drug name's stem says (data/domain.json's `stem_classes`), the
    longest stem that ends it deciding; None for any other name."""
    low = name.lower()
    if not low.isalpha() or len(low) < 5:
        return None
    ends = [s for s in domain().stem_classes if low.endswith(s) and len(low) > len(s) + 2]
    return domain().stem_classes[max(ends, key=len)] if ends else None


def _abbreviates_stem_class(asked_about: str, name: str) -> bool:
    """Whether the question asks for a class by its abbreviation and the drug's stem says that
    class: "which ZKI …?" answered by "quellazentib" when "-zentib" says "zeta kinase
    inhibitor"."""
    short = re.sub(r"(?<=[A-Z])s$", "", asked_about.strip())
    if not (short.isalpha() and short.isupper() and len(short) >= 2):
        return False
    said = _class_said(name)
    return said is not None and initials(re.findall(r"[A-Za-z]+", said)) == short.lower()


# A noun phrase set off by commas right after a name: ", the <words> <noun>," (or at the end).
_APPOSITIVE = re.compile(r"\s*,\s+(?:the|an?)\s+([A-Za-z][\w -]{0,60}?[A-Za-z])\s*(?:[,;.)]|$)")


def names_its_class(text: str, name: Span, target: str, cands: list[Span]) -> int:
    """How the name says itself what it is: 2 when it ends with the asked class's own word
    ("the Zeta Dx Panel Test"), or has it before "of" or "for", or abbreviates in brackets the
    phrase just before it that ends within a few words of that word ("quellin kinase
    phosphatase 4 (QKP-4)", unless another name stands in that phrase: "the X trial (NCT…)" is
    X's); 1 when that word follows it ("the X trial"), as it may follow several names; 0 when
    it does not."""
    if len(target) < 3:
        return 0
    asked = stem(target)
    own = re.findall(r"[A-Za-z]+", text[name.start : name.end])
    # Its head word: the last, or the one an "of" or "for" follows ("Zeta Institute for Quell
    # Research").
    heads = own[-1:] + re.findall(r"([A-Za-z]+)\s+(?:of|for)\s", text[name.start : name.end])
    if any(stem(w.lower()) == asked for w in heads):
        return 2
    after = re.match(r"\s([A-Za-z]+)", text[name.end :])
    if after and stem(after[1].lower()) == asked:
        return 1
    # In apposition: "ZRK1, the zeta regulator gene, …" says it is a gene.
    said = _APPOSITIVE.match(text, name.end)
    if said and stem(said[1].split()[-1].lower()) == asked:
        return 2
    if text[name.start - 1 : name.start] != "(":
        return 0
    reach = max(0, name.start - 40)
    if any(reach <= c.end < name.start for c in cands):
        return 0
    before = re.findall(r"[A-Za-z]+", text[reach : name.start - 1])[-3:]
    return 2 if any(stem(w.lower()) == asked for w in before) else 0


@lru_cache(maxsize=1024)
def _asked_phrase(asked_about: str) -> tuple[str, ...]:
    """The stems of the phrase a question asks for, when it has two words or more that
    describe (one class word alone labels too much: "the study" may be any); () otherwise."""
    stems = [stem(w.lower()) for w in re.findall(r"[\w+-]+", asked_about)]
    kept = tuple(w for w in stems if w not in CASUAL_WORDS)
    return kept if len(kept) >= 2 else ()


def _after(text: str, name: Span, phrase: tuple[str, ...]) -> bool:
    """Whether the name stands in apposition right after `phrase`: "the ZRK1 inhibitor
    zentamab" for "which ZRK1 inhibitors …?"."""
    before = re.findall(r"[\w+-]+", text[max(0, name.start - 80) : name.start])
    return (
        text[: name.start].endswith(" ")
        and tuple(stem(w.lower()) for w in before[-len(phrase) :]) == phrase
    )


def _said_to_be(text: str, name: Span, rank: str) -> bool:
    """Whether the sentence says the name is the first (only, last) of something: "Zentamab
    is the first ZRK1 inhibitor to …" answers "which drug was the first to …?"."""
    said = _SAID_TO_BE.match(text, name.end)
    return said is not None and said[1].lower() == rank


def described_places(text: str, prof: Profile) -> list[tuple[int, int]]:
    """Where the words describing the answer stand: the whole phrase when the text has it,
    else each of its words."""
    low = text.lower()
    phrase = prof.asked_about.lower()
    head = prof.target.lower()
    # The phrase with its head word's kindred ("staging system" for "staging scheme") too.
    phrases = [phrase] if phrase else []
    if phrase and head and phrase.endswith(head) and phrase != head:
        phrases += [phrase[: -len(head)] + k for k in sorted(domain().kindred(head))]
    whole = [(m.start(), m.end()) for p in phrases for m in re.finditer(re.escape(p), low)]
    if whole:
        return whole
    places: list[tuple[int, int]] = []
    for word in prof.asked_about.split():
        if word.lower() in CASUAL_WORDS:
            continue
        stemmed = stem(word.lower()) if word.isalpha() else word.lower()
        places += [(m.start(), m.end()) for m in re.finditer(re.escape(stemmed[:6]), low)]
    return places
