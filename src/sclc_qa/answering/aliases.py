"""Another name for something: "X is also known as which CD molecule?", "what are X commonly
called?", "what was X originally called?". The text gives one by a naming phrase after the
thing ("Zeta-1, also called CD999", "tumours of the apex, frequently termed Zentoma tumours");
the answer is the name it gives.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from ..abbreviations import singular
from ..index import Index
from ..lexical import stem, tokenize
from ..other_names import NAMED, NAMING
from ..question import Profile
from ..spans import mask_markup
from ..vocabulary import Vocabulary

__all__ = ["alias_answer", "alias_span", "asks_alias"]

# A question that asks for another name of what it names.
_ASKS = re.compile(
    r"\balso (?:known as|called|named|termed|goes by|referred to as)\b|"
    r"\b(?:other|another|alternative|alternate)\s+(?:[\w-]+\s+)?(?:names?|designations?|terms?)\b|"
    r"\b(?:commonly|usually|often|frequently|otherwise|generally|originally|formerly|previously|"
    r"initially|once)\s+(?:called|known|termed|named)\b|"
    r"\bgoes by\b|\baka\b",
    re.I,
)
# A word that is a name, not a common noun: it holds a capital or a digit ("CTLA-4", "Zeta").
_NAME = re.compile(r"[A-Z0-9]")
# The name of a subject stands this close before the phrase that names it again.
_SUBJECT_REACH = 80
_MAX_WORDS = 6


def asks_alias(question: str) -> bool:
    return _ASKS.search(question) is not None


def alias_answer(
    index: Index, vocab: Vocabulary, prof: Profile, sids: Sequence[int]
) -> tuple[int, int, int] | None:
    """(sentence, start, end in its document) of the other name the first of the candidate
    sentences `sids` that gives one gives the question's subject (a naming phrase after it is
    rare and says exactly this, wherever the sentence ranks)."""
    for sid in sids:
        sent = index.sentences[sid]
        text = mask_markup(sent.text)
        span = alias_span(text, prof)
        if span is None and vocab.prev[sid]:
            # "… a rare zeta tumor. Although this tumor was originally called X, …": the
            # subject named in the sentence before.
            before = index.sentences[vocab.prev[sid][0]].text
            joined = alias_span(f"{mask_markup(before)} {text}", prof)
            if joined is not None and joined[0] > len(before):
                span = joined[0] - len(before) - 1, joined[1] - len(before) - 1
        if span is not None:
            return sid, sent.start + span[0], sent.start + span[1]
    return None


def alias_span(text: str, prof: Profile) -> tuple[int, int] | None:
    """The other name `text` gives for the question's subject: its names, else its own words,
    written shortly before the naming phrase; None when no such phrase follows the subject.
    Asked for several names' ("for A and B"), the span from the first one's to the last's,
    when the text gives each."""
    if len(prof.names) > 1:
        each = [_alias_of(text, dataclasses.replace(prof, names=(n,))) for n in prof.names]
        if all(each):
            spans = [e for e in each if e is not None]
            return min(s for s, _ in spans), max(e for _, e in spans)
    return _alias_of(text, prof)


def _alias_of(text: str, prof: Profile) -> tuple[int, int] | None:
    cue_free = _ASKS.sub(" ", prof.text)
    subject_words = {t for t in tokenize(cue_free) if t.isalpha() and len(t) > 2}
    hint = prof.target.lower() if prof.target else ""
    best: tuple[tuple[int, int, int], tuple[int, int]] | None = None
    for m in NAMING.finditer(text):
        name = m.group("name").strip()
        if not name or len(name.split()) > _MAX_WORDS:
            continue
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", prof.text):
            # The question's own name is not the other one; it may be the one the text
            # gives, and the answer what it names ("CD999 is another name for which
            # receptor?" of "Zeta-1 (ZT1, also called CD999)"; a number with the word before
            # it: "death-ligand 1").
            named = NAMED.search(text, max(0, m.start() - _SUBJECT_REACH), m.start())
            if prof.names and named is not None and _NAME.search(named.group(2)):
                start = (
                    named.start(1)
                    if named.group(2).isdigit() and named.group(1)
                    else named.start(2)
                )
                key = (0, 0, start)
                if best is None or key < best[0]:
                    best = key, (start, named.end(2))
            continue
        before = text[max(0, m.start() - _SUBJECT_REACH) : m.start()]
        if prof.names:
            # A plural abbreviation ("ZCLs") names what its singular does.
            forms = {f for n in prof.names for f in (n, singular(n))}
            near = [before.rfind(f) for f in forms if f in before]
            if not near:
                continue
            distance = len(before) - max(near)
        else:
            said = [w for w in re.findall(r"[A-Za-z]+", before) if stem(w.lower()) in subject_words]
            if len(said) < min(2, len(subject_words)):
                continue
            distance = 0
        # "which CD molecule?": a name that opens with the hint the question gives of it first.
        hinted = 0 if _hinted(name, prof.asked_about, hint) else 1
        key = (hinted, distance, m.start("name"))
        if best is None or key < best[0]:
            best = key, (m.start("name"), m.start("name") + len(name))
    return None if best is None else best[1]


def _hinted(name: str, asked_about: str, target: str) -> bool:
    """Whether the name starts with a word the question puts before what it asks ("CD")."""
    words = [w for w in asked_about.split() if w.lower() != target]
    return any(name.lower().startswith(w.lower()) for w in words if len(w) > 1)
