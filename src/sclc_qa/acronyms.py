"""Acronyms a question uses that the documents never write: "NPC" where a summary only ever
says "nasopharyngeal carcinoma". A reader knows the term; the index holds only its words.

An acronym is read as the initials of a phrase the documents use at least twice, a letter
standing for a word or for a part of a compound joined by its combining vowel ("naso-
pharyngeal": N, P), or, in a name written with capitals, for the second word of a closed
compound of two words the documents use ("National Zentoma Database": N, Z, D, B). The question
is then read with the phrase in the acronym's place, so retrieval, coverage and extraction all
see what the text writes. An acronym the documents
write, or define, is left alone, as is one whose phrases disagree (two different terms).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .lexical import STOPWORDS

__all__ = ["Acronyms"]

# An acronym a question may use: three to six capitals, perhaps plural ("NPCs"). Two letters
# match too many phrases by chance.
_ACRONYM = re.compile(r"\b([A-Z]{3,6})(s?)\b")
# How often the phrase must be written: once may be a coincidence of initials.
_FEWEST_USES = 2
# Remembered readings (acronym → phrase or None); questions reuse a few acronyms.
_MEMO_MAX = 4096


class Acronyms:
    """Spells out, in a question, the acronyms of phrases the documents use but never
    abbreviate. Read-only after construction but for its memo."""

    def __init__(self, texts: Iterable[str], defined: Iterable[str]) -> None:
        """`texts`: what the documents say, in pieces no phrase runs across (their indexed
        sentences); `defined`: the short forms their definitions give."""
        self._texts = list(texts)
        self._defined = {d.lower() for d in defined}
        self._memo: dict[str, str | None] = {}
        self._known: frozenset[str] | None = None

    def _words(self) -> frozenset[str]:
        """The words the documents use (lower case), gathered on first need."""
        if self._known is None:
            self._known = frozenset(
                w for t in self._texts for w in re.findall(r"[a-z]+", t.lower())
            )
        return self._known

    def spell_out(self, question: str) -> str:
        """`question` with each acronym the documents never write replaced by its phrase."""
        return _ACRONYM.sub(self._replacement, question)

    def _replacement(self, m: re.Match[str]) -> str:
        acronym, plural = m.group(1), m.group(2)
        phrase = self.phrase(acronym)
        return m.group(0) if phrase is None else phrase + plural

    def phrase(self, acronym: str) -> str | None:
        """The phrase `acronym` stands for in these documents, or None."""
        if acronym in self._memo:
            return self._memo[acronym]
        found = self._find(acronym)
        if len(self._memo) >= _MEMO_MAX:
            self._memo.clear()
        self._memo[acronym] = found
        return found

    def _find(self, acronym: str) -> str | None:
        if acronym.lower() in self._defined:
            return None
        written = re.compile(rf"\b{acronym}s?\b")
        if any(written.search(t) for t in self._texts):
            return None  # the documents use it themselves, whatever it stands for
        pattern = _phrase_pattern(acronym)
        uses = Counter(
            phrase
            for t in self._texts
            for p in pattern.finditer(t)
            if _a_term(phrase := " ".join(p.group(0).lower().split()))
        )
        if sum(uses.values()) < _FEWEST_USES:
            # "NZDB" for "National Zentoma Database": a letter may open the second word of a
            # closed compound, when both its words are words the documents use and the phrase
            # is written as a name, each word capitalised ("healthcare team" is no HCT).
            loose = _phrase_pattern(acronym, inside=True)
            letters = acronym.lower()
            uses += Counter(
                phrase
                for t in self._texts
                for p in loose.finditer(t)
                if all(w[:1].isupper() for w in p.group(0).split())
                and _a_term(phrase := " ".join(p.group(0).lower().split()))
                and _spells(re.split(r"[\s-]+", phrase), letters, self._words())
            )
        if not uses:
            return None
        (best, count), *rest = uses.most_common()
        if count < _FEWEST_USES:
            return None
        first = best.split()[0]
        if any(n * 2 >= count and other.split()[0] != first for other, n in rest):
            return None  # two different terms share the initials: no reading is safe
        return best


def _a_term(phrase: str) -> bool:
    """Whether a phrase may be a term: no verb's participle ("received chemotherapy"), no
    joining word ("A plus B"), and no function word but inside it ("carcinoma in situ", not
    "therapy may be")."""
    words = re.split(r"[\s-]+", phrase)
    ends = (words[0], words[-1])
    return not any(
        w in _JOINING or w.endswith("ed") or (w in STOPWORDS and w in ends) for w in words
    )


# Words that join two terms rather than form one.
_JOINING = frozenset({"plus", "or", "than", "may", "can", "will", "after", "before", "from"})


def _phrase_pattern(acronym: str, inside: bool = False) -> re.Pattern[str]:
    """Words whose initials spell `acronym`: each later letter opens the next word, after a
    space or hyphen, or the next part of a compound after its combining "o" ("naso|pharyngeal");
    `inside`: or any letter three or more into a word (to be checked by `_spells`).
    """
    letters = [f"[{c.upper()}{c.lower()}]" for c in acronym]  # a word may open a sentence
    # The words themselves in lower case (no other acronym); a compound's first part of four
    # letters or more ("naso-", "gastro-"), not a prefix ("pro-file").
    step = r"(?:[a-z]*[\s-]+|[a-z]{2,12})" if inside else r"(?:[a-z]*[\s-]+|[a-z]{2,}o)"
    return re.compile(r"\b" + letters[0] + "".join(step + c for c in letters[1:]) + r"[a-z]*\b")


# The shortest word either part of a closed compound may be ("data|base", not "a|base").
_PART = 3


def _spells(words: list[str], letters: str, known: frozenset[str]) -> bool:
    """Whether `words` spell `letters` by their initials, a word giving two when it is a closed
    compound of two words `known` ("database": D, B), or a combining-"o" compound."""
    if not words or not letters:
        return not words and not letters
    word = words[0]
    if not word.startswith(letters[0]):
        return False
    if _spells(words[1:], letters[1:], known):
        return True
    for k in range(_PART, len(word) - _PART + 1):
        first, rest = word[:k], word[k:]
        compound = (first in known and rest in known) or (first.endswith("o") and k > _PART)
        if (
            len(letters) > 1
            and rest[0] == letters[1]
            and compound
            and _spells([rest, *words[1:]], letters[1:], known)
        ):
            return True
    return False
