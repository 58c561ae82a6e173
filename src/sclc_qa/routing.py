"""Which documents a question is about: those that mention every trial, drug or gene it names,
when only some do; those that call themselves the kind of document it asks ("the review"); and
those whose title names the disease it names ("… in zeta cancer?", the "Zeta Cancer Treatment"
summary). A passage of another document cannot answer it, so retrieval searches only these."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cached_property

from .abbreviations import Definition, long_acronym, singular, spelled_by
from .domain import domain
from .index import Index
from .lexical import STOPWORDS, american, stem

__all__ = ["Router"]

# The kinds of document a text may call itself, and a question may ask by ("the review").
_SOURCE_KINDS = r"(review|summary|article|paper|report|guideline)"
_SELF_NAMING = re.compile(rf"\b[Tt]his {_SOURCE_KINDS}\b")
_ASKED_SOURCE = re.compile(rf"\b(?:the|this) {_SOURCE_KINDS}\b")
# A document calls itself a kind when it does so this often (once may quote another's).
_SELF_NAMED = 2
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-]*")
# Heads that name a disease only with the word before them ("lung cancer", "thymic carcinoma");
# other disease heads name one themselves ("thymoma", "mesothelioma").
_GENERIC_HEADS = frozenset(
    {"cancer", "cancers", "carcinoma", "carcinomas", "tumor", "tumors", "neoplasm", "neoplasms"}
)
# A disease named by its ending: "-oma", "-emia" ("zetoma", "zetemia").
_DISEASE_NAME = re.compile(r"[a-z]{3,}(?:omas?|emias?)")
_COORDINATING = frozenset({"and", "or", "other"})
# Words between a disease's own word and its head that name no disease themselves: "Zetal
# Cell Cancer" is the zetal organ's, "Zetary Gland Cancer" the zetary gland's, "Eta Duct
# Cancer" the eta duct's (a reader names it by "zetary", "eta").
_PART_WORDS = frozenset({"cell", "cells", "gland", "glands", "duct", "ducts", "tract"})
_LOWER = re.compile(r"[a-z]")
# A gene's symbol: capitals, then its number ("ZETA2", "ZQX41").
_GENE_SYMBOL = re.compile(r"\b[A-Z]{2,}\d+[A-Z]?\b")
# A participle before a disease head ("associated", "related", "induced") names no organ.
_PARTICIPLE = re.compile(r"[a-z-]{3,}ed")
# The shortest clipped form of a disease's name that names it ("zeto" for "zetochromocytoma").
_CLIPPED = 4
# Two spellings of one organ's word share this many letters ("zetageal", "zetagus").
_SHARED_PREFIX = 6
# The shortest first part of a compound of two organs' words, its combining "o" included, and
# the shortest second part ("zeto|etal").
_FIRST_PART = 4
_SECOND_PART = 4
_TWO_CAPITALS = re.compile(r"[A-Z].*[A-Z]")


class Router:
    """Routes questions to documents. Immutable after construction apart from what each
    document calls itself, read once when a question first needs it."""

    def __init__(self, index: Index, definitions: Iterable[Definition] = ()) -> None:
        self.index = index
        self._doc_terms: dict[str, set[str]] = {d: set() for d in index.documents}
        for c in index.chunks:
            self._doc_terms[c.doc].update(_words(c.search_text))
        self._any_terms: set[str] = set().union(*self._doc_terms.values())
        self._topics = {d: _topics(doc.title) for d, doc in index.documents.items()}
        # Each short form's long forms, as words ("ZEH" → {"Zeta-Eta-Hoff", "syndrome"}), and
        # each title's words, to tell a short form that stands for a document's title.
        self._long_forms: dict[str, list[set[str]]] = {}
        for d in definitions:
            self._long_forms.setdefault(d.short, []).append(_words(d.long.lower()))
        self._title_words = {d: _words(doc.title.lower()) for d, doc in index.documents.items()}
        self._title_symbols = {
            d: set(_GENE_SYMBOL.findall(doc.title)) for d, doc in index.documents.items()
        }

    def topics(self, doc: str) -> frozenset[str]:
        """The diseases `doc`'s title names, as stemmed words."""
        return self._topics[doc]

    @cached_property
    def _doc_kinds(self) -> dict[str, str | None]:
        """What each document calls itself ("This review …", "this summary …"), if it does:
        read on the first question that names a kind of document, not at start-up (a scan of
        every document's text; two threads that both read it get the same answer)."""
        return {d: _self_named(doc.text) for d, doc in self.index.documents.items()}

    def route(self, names: tuple[str, ...], norm: str) -> frozenset[str] | None:
        """A question that names a trial, drug or gene only some documents mention is about
        those documents: a passage of another cannot answer it (a document that never names a
        trial cannot give that trial's figures). So is one that names the kind of document it
        asks ("the review", "the summary") when only some call themselves so, and one that names
        the disease only some documents' titles name (any of them, when it names several), with
        the documents whose titles name no disease (a symptom's, a therapy's) that write it. None
        when every document, or none, qualifies."""
        every = frozenset(self._doc_terms)
        keep = every
        lower = _LOWER_WORD.findall(norm)
        # An organ asked by its noun is its adjective's ("zeta cancer" → "Zetal Cancer").
        adjectives = domain().organ_adjectives
        asked_words = {stem(american(w)) for w in lower} | {
            stem(a) for w in lower for a in adjectives.get(w, ())
        }
        # A word no document writes that begins a title's disease word is its clipped form:
        # "zeto" asked of the "Zetochromocytoma Treatment" summary (clinicians shorten names).
        clipped = {
            c
            for w in lower
            for c in {w, w.rstrip("s")}  # "zetos" too
            if len(c) >= _CLIPPED and w not in self._any_terms
        }
        titled = frozenset(
            d
            for d, topics in self._topics.items()
            if any(
                _same(t, asked_words)
                # … of a disease's own name ("-oma", "-emia"), not of an organ's word, which
                # an everyday word may begin ("pros").
                or (_DISEASE_NAME.fullmatch(t) and any(t.startswith(c) for c in clipped))
                for t in topics
            )
        ) | self._titled_by_acronym(names)
        by_symbol = self._titled_by_symbol(names)
        titled |= by_symbol
        disease = self._disease_words(lower, titled) if titled else set()
        if titled:
            # A document whose title names no disease (a symptom, a therapy, coping) is about
            # people with any: it stays among those searched when it writes the disease asked
            # ("memory after zeta cancer" in a summary on memory).
            general = frozenset(
                d
                for d, own in self._topics.items()
                if not own and disease and disease <= self._doc_terms[d]
            )
            keep &= titled | general
        asked = set(_ASKED_SOURCE.findall(norm))
        if len(asked) == 1:  # "the summary at the top of the review" names two kinds: neither
            having = frozenset(d for d, kind in self._doc_kinds.items() if kind in asked)
            if having:
                keep &= having
        named = every
        worded = every  # the same, by names written in words, not an acronym a text may spell out
        for name in names:
            words = _words(name)
            if not words:
                continue
            # A people's adjective is also its place: "Chinese" where a text says "China". An
            # abbreviation is also what a text spells it out as: a document that writes
            # "zetal carcinoma" in full writes of "ZC" though it never uses the short form.
            forms = (
                [words]
                + [_words(place) for place in domain().demonyms.get(name.lower().rstrip("s"), ())]
                + self._spelled_out(name)
            )
            having = self._writing(forms)
            if having and having != every:
                named &= having
                if _LOWER.search(name):
                    worded &= having
        # Names no one document shares route nowhere; names only another disease's document
        # uses ("PPV" asked of the zeta summary, which spells it out) yield to the title, unless
        # written in words no other spelling stands for ("Zentor" for zeta cancer, asked of
        # the one document that names it and writes that disease too).
        if named and keep & named and (not titled or keep & named & titled):
            # (When only a summary about no disease writes the name, the disease's own
            # summaries stay searched beside it: "the regulator" asked of zeta screening is
            # not only a symptom summary's question because it names the regulator.)
            keep &= named
        elif worded != every and titled and not keep & worded:
            # A document titled by a gene's symbol alone names no disease: one that writes
            # the name is about it ("the Zentora trial" and the gene, in a disease's summary).
            gene_only = titled == by_symbol and not disease
            writing = frozenset(d for d in worded if gene_only or disease & self._doc_terms[d])
            keep = writing or keep
        return keep if keep and keep != every else None

    def _spelled_out(self, name: str) -> list[set[str]]:
        """The words of each long form the documents define `name` by, as written and with a
        plural's last word made singular ("zetal carcinomas (ZC)" → also "zetal carcinoma")."""
        out = []
        short = singular(name)
        forms = [f for f in dict.fromkeys((name, short, short + "s")) if f in self._long_forms]
        for words in (w for f in forms for w in self._long_forms[f]):
            out.append(words)
            out.append(
                {
                    w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
                    for w in words
                }
            )
        return out

    def _disease_words(self, lower: list[str], titled: frozenset[str]) -> set[str]:
        """The question's words that name a disease the `titled` documents' titles name."""
        topics = {t for d in titled for t in self._topics[d]}
        return {w for w in lower if any(_same(t, {stem(american(w))}) for t in topics)}

    def _titled_by_symbol(self, names: tuple[str, ...]) -> frozenset[str]:
        """The documents whose title names a gene's symbol the question names, alone or as a
        word's first part ("ZETA2" or "ZETA2-deficient" and the summary "ZETA2 and Associated
        Cancer Risks"): a gene's summary is about it, as a disease's is about that disease."""
        asked = {n.split("-")[0] for n in names}
        return frozenset(d for d, symbols in self._title_symbols.items() if symbols & asked)

    def _titled_by_acronym(self, names: tuple[str, ...]) -> frozenset[str]:
        """The documents whose title a name stands for, by a definition, when only they write
        it: "ZEH" where a text defines "Zeta-Eta-Hoff syndrome (ZEH)" and a document titled
        "Zeta-Eta-Hoff Syndrome" is the only one to write "ZEH" (a name other documents write
        too, as "NSCLC" in a review of lung cancers, names no one document's subject)."""
        found: set[str] = set()
        for name in names:
            # A short form asked in the singular, defined in the plural: "ZST" where a text
            # defines "zeta stromal tumors (ZSTs)".
            forms = {name, name + "s"} if name.isupper() else {name}
            titled = {
                d
                for form in forms
                for words in self._long_forms.get(form, ())
                for d, title in self._title_words.items()
                if words <= title
            }
            if titled and self._writing([_words(name)]) <= titled:
                found |= titled
            elif long_acronym(name) and not self._writing([_words(name)]):
                # Written by no document, it may still spell a title by its words' initials:
                # "PZNSL" asked of the "Primary ZNS Lymphoma Treatment" summary.
                documents = self.index.documents.items()
                found |= {d for d, doc in documents if spelled_by(name, doc.title)}
        return frozenset(found)

    def _writing(self, forms: list[set[str]]) -> frozenset[str]:
        """The documents that write a name in any of its `forms` (each a set of words)."""
        return frozenset(
            d for d, vocab in self._doc_terms.items() if any(f <= vocab for f in forms)
        )


def _words(text: str) -> set[str]:
    """Words as a name is matched: a word with two or more capitals (an acronym, a trial name)
    by its case, so that a common word does not name a trial spelled like it in capitals; other
    words lower-cased."""
    return {w if _TWO_CAPITALS.search(w) else w.lower() for w in _WORD.findall(text)}


_LOWER_WORD = re.compile(r"[a-z][a-z\-]*")


def _topics(title: str) -> frozenset[str]:
    """The diseases a document's title names, as stemmed words: the word before a generic head
    ("Anal Cancer Treatment" → "anal") or a head that names one itself ("Thymoma and Thymic
    Carcinoma" → "thymoma", "thymic"). A hyphenated word stays whole ("non-small")."""
    words = [american(w) for w in _LOWER_WORD.findall(title.lower())]
    heads = domain().disease_heads
    found = set()
    for i, w in enumerate(words):
        if w in _GENERIC_HEADS and i > 0:
            before = i - 2 if words[i - 1] in _PART_WORDS and i > 1 else i - 1
            if words[before] in STOPWORDS or _PARTICIPLE.fullmatch(words[before]):
                # "Zeta Fatigue in Adults With Cancer", "ZETA1 and Associated Cancer Risks":
                # the head names no disease (a participle says how a cancer came, not where).
                continue
            found.add(stem(words[before]))
            # "Zeta and Other Etal Cancers": each disease coordinated before the head.
            j = i - 2
            while j >= 1 and words[j] in _COORDINATING:
                j -= 1
                if words[j + 1] in ("and", "or"):
                    found.add(stem(words[j]))
                    break
        elif w not in _GENERIC_HEADS and (w in heads or _DISEASE_NAME.fullmatch(w)):
            found.add(stem(w))
    return frozenset(found | _listed_organs(title.lower()))


def _listed_organs(title: str) -> set[str]:
    """The organs a title lists before its disease head, each item by its first word: "Zeta,
    Etal Duct, & Primary Omal Cancers" → "zeta", "etal" (the word just before the head is the
    caller's)."""
    head = _TITLE_HEAD.search(title)
    if head is None:
        return set()
    items = [i.split() for i in _LIST_SEPARATOR.split(title[: head.start()]) if i.split()]
    found = set()
    for words in items[:-1] if len(items) > 1 else ():
        first = american(words[0])
        if _LOWER_WORD.fullmatch(first) and first not in _COORDINATING | _LISTED_MODIFIERS:
            found.add(stem(first))
    return found


_TITLE_HEAD = re.compile(r"\b(?:cancers?|carcinomas?|tumou?rs?|neoplasms?)\b")
_LIST_SEPARATOR = re.compile(r"\s*(?:,|&|\band\b|\bor\b)\s*")
# Words that open a listed item without naming its organ ("Primary Omal Cancer").
_LISTED_MODIFIERS = frozenset({"primary", "secondary", "other", "related", "adult", "childhood"})


def _same(topic: str, words: set[str]) -> bool:
    """Whether a question's stemmed `words` name `topic`, in its own stem or another form of
    the organ's word ("zetagus" for "zetageal"), or as the second organ of a compound joined
    by its combining vowel ("etazetal" names both "eta" and "zetal")."""
    return topic in words or any(
        (len(w) >= _SHARED_PREFIX and w[:_SHARED_PREFIX] == topic[:_SHARED_PREFIX])
        or _second_organ(w, topic)
        for w in words
    )


def _second_organ(word: str, topic: str) -> bool:
    """`word` is a compound whose last part is `topic`, after a first part of at least three
    letters and its combining "o" ("gastro|", "naso|"). Stems differ by length ("etazetr" for
    a long word, "zetric" for a short one), so the two need only share the shorter's letters."""
    for at in range(_FIRST_PART, len(word) - _SECOND_PART + 1):
        if word[at - 1] == "o":
            part = word[at:]
            if topic.startswith(part) or part.startswith(topic):
                return True
    return False


def _self_named(text: str) -> str | None:
    """The kind of document a text calls itself most often ("This review …"), None if none."""
    counts = Counter(m.group(1) for m in _SELF_NAMING.finditer(text)).most_common(1)
    return counts[0][0] if counts and counts[0][1] >= _SELF_NAMED else None
