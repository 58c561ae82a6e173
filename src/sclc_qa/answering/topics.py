"""The disease each document is about, as its title names it ("Zeta Sarcoma Treatment (PDQ®)"
→ "zeta sarcoma", and "ZS" where the document defines that for it): a question that names one
document's disease is not answered by a passage of a document about another, unless the passage
names the disease asked too."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..citing import Citer
from ..domain import domain
from ..lexical import normalize
from ..models import Sentence
from ..vocabulary import Vocabulary
from .per_index import per_index

__all__ = ["heading_path", "other_topic"]

# What a title says besides its disease: the collection's mark, its version, what kind of
# summary it is ("… Treatment (PDQ®)–Health Professional Version").
_BRACKETED = re.compile(r"\s*\([^()]*\)")
_AFTER_DASH = re.compile(r"\s+[-–—]\s+.*$|(?<=\))[-–—].*$")
_KIND_WORDS = re.compile(r"(?:\s+(?:treatment|screening|prevention|therapies|therapy))+$", re.I)
# A longer title is a sentence about its subject (an article's), not a disease's name.
_MAX_TOPIC_WORDS = 5


@dataclass(frozen=True)
class _Topic:
    name: str  # as the title writes it, for a reason's words
    pattern: re.Pattern[str]  # the name or its abbreviation, in lower-cased text …
    short: re.Pattern[str] | None  # … or the abbreviation, case kept


def _topics_of(title: str, vocab: Vocabulary, text: str) -> list[_Topic]:
    """The diseases a title names ("Zetoma and Zetic Carcinoma": both), each by a disease's
    head word; none for a title that is a sentence."""
    name = _KIND_WORDS.sub("", _BRACKETED.sub("", _AFTER_DASH.sub("", title))).strip()
    if len(name.split()) > _MAX_TOPIC_WORDS:
        return []
    parts = [p.strip() for p in re.split(r",|\s+(?:and|&)\s+", name) if p.strip()]
    found = [_topic(p, vocab, text) for p in parts]
    return [t for t in found if t is not None]


def _topic(name: str, vocab: Vocabulary, text: str) -> _Topic | None:
    """The disease `name` is (with its short form as `text`, its document, defines it), or None
    when no disease's head word is in it."""
    words = name.lower().split()
    generic = domain().generic_disease_heads
    heads = set(domain().disease_heads) | generic
    if not heads & set(words) or all(w.removesuffix("s") in generic for w in words):
        return None
    # The head word in either number, last or not ("Zetal Tumors" names "a zetal tumor",
    # "Cancer of Unknown Zeta" "cancers of unknown zeta"); a generic head as any other
    # ("Zeta Trophoblastic Disease" is asked about as "zeta trophoblastic neoplasia"); one way
    # only: "Zeta Cancer" is not "benign zeta disease".
    said = {w.removesuffix("s") for w in words}
    either = sorted(generic if "disease" in said else generic - {"disease"})
    any_generic = "(?:" + "|".join(either) + ")s?"
    spelled = r"\s+".join(
        any_generic
        if w.removesuffix("s") in generic
        else re.escape(w.removesuffix("s")) + "s?"
        if w in heads or w.removesuffix("s") in heads or i == len(words) - 1
        else re.escape(w)
        for i, w in enumerate(words)
    )
    pattern = re.compile(rf"(?<![\w-]){spelled}(?![\w-])")
    shorts = {d.short for d in vocab.defs_by_long.get(normalize(name), [])}
    # … or as the document writes it, the short form in brackets after the name ("zeta cancer
    # of unknown origin (ZUO)"), which small words inside keep from spelling.
    shorts |= {
        m.group(1)
        for m in re.finditer(rf"{spelled}\s*\(([A-Z][A-Za-z]{{1,7}})\)", text, re.I)
        if m.group(1)[0] == name[0].upper()
    }
    short = (
        re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(shorts))) + r")(?![\w-])")
        if shorts
        else None
    )
    return _Topic(name, pattern, short)


@per_index
def _topics(vocab: Vocabulary) -> dict[str, list[_Topic]]:
    """Each document's diseases, by document id; worked out once per loaded index."""
    found: dict[str, list[_Topic]] = {}
    for doc, document in vocab.index.documents.items():
        topics = _topics_of(document.title, vocab, document.text)
        if topics:
            found[doc] = topics
    return found


def heading_path(vocab: Vocabulary, sent: Sentence) -> tuple[str, ...]:
    """The headings `sent` stands under, outermost first ("Treatment of Zetoma", "Overview")."""
    return _citer(vocab).path(sent.doc, sent.section)


@per_index
def _citer(vocab: Vocabulary) -> Citer:
    """The index's citer, which keeps each section's heading path; one per loaded index."""
    return Citer(vocab.index)


def _names(topics: list[_Topic], text: str) -> bool:
    low = text.lower()
    return any(
        t.pattern.search(low) or (t.short is not None and t.short.search(text)) for t in topics
    )


def other_topic(vocab: Vocabulary, question: str, sent: Sentence) -> tuple[str, str] | None:
    """(the disease asked, the sentence's) when the question names one document's disease and
    the sentence stands in a document about another (or, in a document about none, names
    another) that the question does not name, and names the disease asked nowhere in it or its
    headings; else None."""
    topics = _topics(vocab)
    where = " ".join((sent.text, sent.title, sent.context, *heading_path(vocab, sent)))
    # A document about no one disease (a therapy's, a symptom's): the diseases the sentence and
    # its heading name are its.
    own = topics.get(sent.doc) or [t for ts in topics.values() for t in ts if _names([t], where)]
    if not own or _names(own, question):
        return None
    asked = [ts for doc, ts in topics.items() if doc != sent.doc and _names(ts, question)]
    if not asked or any(_names(ts, where) for ts in asked):
        return None
    said = [t.name for ts in asked for t in ts if _names([t], question)]
    return " and ".join(said), " and ".join(t.name for t in own)
