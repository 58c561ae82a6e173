"""What the corpus knows, for answering: which names it mentions and how often, what its
abbreviations stand for, how rare each term is, and which sentence continues which.

Built once per loaded index from its sentences and definitions; read-only afterwards.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import cached_property, lru_cache

from .abbreviations import (
    Definition,
    capital_initials,
    compound_initials,
    long_acronym,
    singular,
    spelled_by,
    window_initials,
)
from .blocks import list_lead_ins, previous_in_block
from .chunking import embed_text
from .domain import domain
from .index import Index
from .lexical import normalize, stem, tokenize
from .mentions import in_series, is_druglike, is_tnm
from .other_forms import REGULATOR_NAMES, same_place
from .other_names import other_names
from .protein_changes import protein_key

__all__ = [
    "ANAPHOR",
    "Vocabulary",
    "heading_keys",
    "name_keys",
    "squash",
]

# A sentence opening like this continues the one before it.
ANAPHOR = re.compile(r"(This|These|Such|Thus|Thereby|It|They)\b")


_NOT_KEY = re.compile(r"[^a-z0-9+]")


@lru_cache(maxsize=1 << 16)
def squash(text: str) -> str:
    """A name's key: letters and digits, lower case, accents dropped ("Zöller" is "zoller",
    as readers type it)."""
    return _NOT_KEY.sub("", unicodedata.normalize("NFKD", text).lower())


@lru_cache(maxsize=1 << 12)
def heading_keys(text: str) -> frozenset[str]:
    """`name_keys` of a table or section heading, remembered: headings repeat across answers."""
    return frozenset(name_keys(text))


_EM_DASH = re.compile(r"[\u2014\u2015]")
_POSSESSIVE = re.compile(r"['’]s$")
_TRIAL_NAME = re.compile(r"[A-Za-z]{4,}-?\d[\w-]*")
_PART_BREAK = re.compile(r"[-/()\[\],;:–]")


def name_keys(text: str) -> set[str]:
    """Spellings under which a name can be found: whole words, their parts, adjacent pairs."""
    spaced = _EM_DASH.sub(" ", unicodedata.normalize("NFKC", text))
    words = [_POSSESSIVE.sub("", w.strip(".,;:()[]\"'“”’?!")) for w in spaced.split()]
    out: set[str] = set()
    for i, w in enumerate(words):
        out.add(squash(w))
        # Two names of one trial joined by a slash ("ZENITH-4/Zeta 12", "Zeta 12/ZENITH-4"):
        # each written as a word of four letters or more and a number is its name. (Shorter
        # ones, "PD-1/PD-L1", "II/IIIB", are keyed by their parts already.)
        pieces = w.split("/")
        if len(pieces) > 1:
            out.update(squash(p) for p in pieces if _TRIAL_NAME.fullmatch(p))
        parts = [p for p in _PART_BREAK.split(w) if p]
        if len(parts) == 2 and parts[1].isdigit() and parts[0].isalpha():
            # "ZENITH-2" is a trial of its own, not "ZENITH" (the series' first): the number
            # is part of the name.
            parts = parts[1:]
        out.update(squash(p) for p in parts)
        changed = protein_key(w)
        if changed is not None:
            out.add(changed)  # "p.Arg525His" is also keyed "r525h", as "R525H" is
        if i + 1 < len(words):
            out.add(squash(w + words[i + 1]))
    out |= {k[:-1] for k in out if len(k) > 3 and k.endswith("s")}  # ICIs → ICI, cells → cell
    out.discard("")
    return out


class Vocabulary:
    """Corpus statistics over citable sentences; immutable after construction, but for memos
    of `mentions` and `is_concept` answers."""

    def __init__(
        self,
        index: Index,
        definitions: Sequence[Definition],
        lead_ins: Sequence[tuple[int, ...]] | None = None,
    ) -> None:
        """`lead_ins`: `blocks.list_lead_ins(index)`, when the caller has it already."""
        self.index = index
        sents = index.sentences
        # A gene's name spelled out after its symbol answers what the symbol stands for, and
        # nothing else: a sentence is not about the gene for writing the words of its name.
        self.symbols: dict[str, list[Definition]] = {}
        for d in sorted(definitions, key=lambda d: d.start):
            if d.source == "symbol":
                self.symbols.setdefault(d.short.lower(), []).append(d)
        definitions = [d for d in definitions if d.source != "symbol"]
        # A name's usual short form, "ZCC" for "Zeta Committee on Cancer", is looked up only when
        # asked what it stands for: elsewhere the name is read as written (see Definition).
        self.names: dict[str, list[Definition]] = {}
        for d in definitions:
            if d.source == "joined":
                self.names.setdefault(d.short.lower(), []).append(d)
        definitions = [d for d in definitions if d.source != "joined"]
        # A sentence that writes an abbreviation its document defines also says the long form:
        # "ES-ZCL" carries the words of "extensive-stage zeta cell lymphoma", as a reader reads it.
        spelled: dict[tuple[str, str], frozenset[str]] = {}
        for d in definitions:
            short = tokenize(d.short)
            if short:
                key = (d.doc, short[0])
                spelled[key] = spelled.get(key, frozenset()) | frozenset(tokenize(d.long))
        self.tokens: list[frozenset[str]] = []
        for s in sents:
            toks = tokenize(embed_text(s))
            self.tokens.append(frozenset(toks).union(*(spelled.get((s.doc, t), ()) for t in toks)))
        self.keys = [frozenset(name_keys(embed_text(s))) for s in sents]
        # Statistics are each document's own, then combined so that a large document does not
        # change how a small one reads: a term is as rare as in the document where it is most
        # common, and a topic word ("SCLC" in a review about it) stays a topic word however many
        # other documents join the index. With one document these are its plain statistics.
        by_doc: dict[str, list[int]] = {}
        for i, s in enumerate(sents):
            by_doc.setdefault(s.doc, []).append(i)
        self.idf: dict[str, float] = {}
        self.key_share: dict[str, float] = {}
        defaults = []
        for ids in by_doc.values():
            n = len(ids)
            defaults.append(math.log(1 + (n + 0.5) / 0.5))
            df = Counter(t for i in ids for t in self.tokens[i])
            for t, c in df.items():
                idf = math.log(1 + (n - c + 0.5) / (c + 0.5))
                self.idf[t] = min(idf, self.idf.get(t, idf))
            for k, c in Counter(k for i in ids for k in self.keys[i]).items():
                self.key_share[k] = max(c / n, self.key_share.get(k, 0.0))
        self.default_idf = min(defaults, default=math.log(1 + 0.5 / 0.5))
        self.idf = {t: min(v, self.default_idf) for t, v in self.idf.items()}
        titles = {s.title for doc in index.documents.values() for s in doc.sections}
        self.vocab_keys = frozenset(self.key_share) | {k for t in titles for k in name_keys(t)}
        self.stems = {stem(k) for k in self.vocab_keys if k.isalpha()}
        self.initialisms = window_initials(s.text for s in sents)
        # "Apex tumours, frequently termed Zentoma tumours": either name names the other.
        self.other_keys: dict[str, frozenset[str]] = {}
        for word, thing in other_names(s.text for s in sents):
            a, b = squash(word), squash(thing)
            self.other_keys[a] = self.other_keys.get(a, frozenset()) | {b}
            self.other_keys[b] = self.other_keys.get(b, frozenset()) | {a}
        texts = {d: doc.text for d, doc in index.documents.items()}
        self.block = previous_in_block(sents, _BLOCK_REACH, texts)
        self.prev = [chain[:2] for chain in self.block]  # the two nearest: adjacency
        self.lead_in = list(lead_ins) if lead_ins is not None else list_lead_ins(index)
        self._mentioned: dict[tuple[str, frozenset[str], str], bool] = {}
        self._concepts: dict[str, bool] = {}
        self._concept_in: dict[tuple[str, str], bool] = {}
        self._lowered: dict[str, str] = {}
        self._doc_terms: dict[str, frozenset[str]] = {}
        # The reverse: for a sentence that introduces lists, the list items that report on it.
        self.items: dict[int, list[int]] = {}
        for item, lead in enumerate(self.lead_in):
            for p in lead:
                self.items.setdefault(p, []).append(item)
        self.defs_by_short: dict[str, list[Definition]] = {}
        self.defs_by_long: dict[str, list[Definition]] = {}
        rank = {"glossary": 0, "text": 1, "table_note": 2}
        for d in sorted(definitions, key=lambda d: (rank.get(d.source, 3), d.start)):
            self.defs_by_short.setdefault(d.short.lower(), []).append(d)
            self.defs_by_long.setdefault(normalize(d.long), []).append(d)

    @cached_property
    def capital_initialisms(self) -> frozenset[str]:
        """`capital_initials` of every sentence: read when a question names capitals that no
        text writes, which few do."""
        return frozenset().union(*(capital_initials(s.text) for s in self.index.sentences))

    def around(self, sid: int) -> list[str]:
        """The sentence's text, then what it sits under, nearest first: the sentences before it
        in its paragraph, then its list's lead-in."""
        texts = self.index.sentences
        return [texts[i].text for i in (sid, *self.prev[sid], *self.lead_in[sid])]

    def next_refers_back(self, sid: int) -> bool:
        nxt = sid + 1
        return (
            nxt < len(self.index.sentences)
            and sid in self.prev[nxt]
            and ANAPHOR.match(self.index.sentences[nxt].text) is not None
        )

    def said_by(self, sid: int, name: str) -> bool:
        """Whether sentence `sid` itself names `name` (`mentions`, over its own keys and text)."""
        return self.mentions(name, self.keys[sid], self.index.sentences[sid].text)

    def mentions(self, name: str, keys: frozenset[str] | set[str], text: str) -> bool:
        """Whether `text` (whose name keys are `keys`) names `name`: as written, by its parts,
        by a range's words, by a definition's long form or by an acronym's initials."""
        if not isinstance(keys, frozenset):
            return self._mentions(name, keys, text)
        memo = (name, keys, text)
        found = self._mentioned.get(memo)
        if found is None:
            found = self._mentioned[memo] = self._mentions(name, keys, text)
            if len(self._mentioned) > _MEMO_MAX:
                self._mentioned.clear()
        return found

    def _mentions(self, name: str, keys: frozenset[str] | set[str], text: str) -> bool:
        key = protein_key(name) or squash(name)
        # "CD8" is named by "CD8+" (cells positive for it), plurals and "-i" inhibitor forms.
        # … but "ZETA I" is not named by "ZETA II": a series' next trial, not an inhibitor.
        suffixes = ("s", "+") if in_series(name) else ("i", "s", "+")
        if key in keys or {key + x for x in suffixes} & keys:
            return True
        if key.endswith("s") and key[:-1] in keys:
            return True
        if self.other_keys.get(key, frozenset()) & keys:
            return True  # by the other name the documents give it
        long_forms = domain().common_abbreviations.get(key, ()) if " " not in name else ()
        if text and any(_phrase(t).search(text) for t in long_forms):
            return True  # "ALT" by "alanine transaminase", where the text never abbreviates it
        # A people's adjective names its place and the reverse: "Dutch" by "the Netherlands".
        if any(squash(other) in keys for other in same_place(name)):
            return True
        words = name.split()
        if len(words) > 2 and all(squash(w + v) in keys for w, v in itertools.pairwise(words)):
            return True  # a name of several words: by each pair of neighbours (name_keys's pairs)
        written = [p for p in re.split(r"[-/]", name) if p]
        parts = [squash(p) for p in written]
        if (
            len(parts) > 1
            and all(
                (p.isalpha() and (len(p) > 2 or (len(p) == 2 and w.isupper()))) or is_tnm(w)
                for p, w in zip(parts, written, strict=True)
            )
            and all(p in keys for p in parts)
        ):
            # "etoposide-cisplatin", "FDA/EMA", "HIV-ZS" by "HIV-related ZS", "IIIB-N3" by
            # "stage IIIB (N3)"
            return True
        if any(all(self._mentions(p, keys, text) for p in pair) for pair in _joined_pairs(name)):
            return True  # "zentaplatin-5-ZU" by "zentaplatin and 5-ZU"
        span = _RANGE.fullmatch(name)
        if span and text and re.search(_range_words(*span.groups()), text, re.I):
            return True  # "I–IIB" is named by "stage I to IIB"
        if "/" in name.strip("/"):
            # "PD-1/monoclonal": every alternative is named.
            return all(self._mentions(p, keys, text) for p in name.split("/") if p)
        target = _AGAINST.match(name)
        if target is not None:
            return self._mentions(target.group(1), keys, text)  # "anti-PD-L1" by "PD-L1 inhibitor"
        head, dash, tail = name.rpartition("-")
        if dash and head and len(tail) > 2 and tail.isalpha() and tail.islower():
            return self._mentions(head, keys, text)  # "KRAS-mutant" is named by "KRAS variants"
        if text:
            norm = normalize(text)
            short = name.lower()
            # "ZPCs" asked, "ZPC" defined: the plural of the short form names it too.
            for d in self.defs_by_short.get(short, []) or self.defs_by_short.get(
                singular(name).lower(), []
            ):
                # As a word of its own: "small cell lung cancer" is not named by
                # "non-small cell lung cancer". A long form defined in the plural ("zetal
                # carcinomas (ZC)") names it in the singular too.
                long = normalize(d.long)
                if long.endswith("s") and not long.endswith("ss") and len(long) > 4:
                    written_out = rf"(?<![\w-]){re.escape(long[:-1])}s?(?![\w-])"
                else:
                    written_out = rf"(?<![\w-]){re.escape(long)}"
                if re.search(written_out, norm):
                    return True
            # The other way round: a long name is named by the abbreviation the documents
            # define for it ("zentamab vedotin (Zen-V)" … "Zen-V was …").
            for d in self.defs_by_long.get(normalize(name), []):
                if squash(d.short) in keys:
                    return True
            if any(alias.search(text) for alias in REGULATOR_NAMES.get(name.lower(), ())):
                return True  # a regulator's abbreviation by its full name
            acronym = re.sub(r"(?<=[A-Z])s$", "", name)
            if acronym.isalpha() and acronym.isupper() and len(acronym) > 1:
                # "RCTs" is named by "randomized controlled trials" even where undefined, "ZQAN"
                # by "the Zeta and Quell Adjuvant Nodal trial".
                return spelled_by(acronym, text) or acronym.lower() in capital_initials(text)
        return False

    def is_concept(self, name: str) -> bool:
        """Defined by the corpus as an abbreviation of a common phrase, not an identifier."""
        found = self._concepts.get(name)
        if found is None:
            found = self._concepts[name] = self._is_concept(name)
            if len(self._concepts) > _MEMO_MAX:
                self._concepts.clear()
        return found

    def is_concept_in(self, name: str, doc: str) -> bool:
        """A concept (`is_concept`) that document `doc` writes: one another document defines
        but this one never names is missing here, as any name would be."""
        if not self.is_concept(name):
            return False
        memo = (name, doc)
        found = self._concept_in.get(memo)
        if found is None:
            found = self._concept_in[memo] = self._written_in(name, doc)
            if len(self._concept_in) > _MEMO_MAX:
                self._concept_in.clear()
        return found

    def _written_in(self, name: str, doc: str) -> bool:
        if squash(name) in self._doc_keys.get(doc, frozenset()):
            return True
        # … or writes it spelled out ("neuroendocrine tumors" for "NET"); a concept no
        # document defines (an acronym read as one) may be paraphrased anywhere.
        longs = self._long_forms(name)
        return not longs or any(long.lower() in self._lower_text(doc) for long in longs)

    def writes(self, word: str, doc: str) -> bool:
        """Whether document `doc` writes `word`, as the index's terms go ("classes" where it
        writes "class"), for a question routed to only some documents."""
        terms = self._doc_terms.get(doc)
        if terms is None:
            terms = self._doc_terms[doc] = frozenset(tokenize(self.index.documents[doc].text))
        asked = tokenize(word)
        return bool(asked) and all(t in terms for t in asked)

    def writes_as_is(self, word: str) -> bool:
        """Whether any document writes `word` itself, as a whole word in any case: where the
        index's stemmed terms would take "boiled" for "boiling"."""
        found = re.compile(rf"(?<![a-z]){re.escape(word.lower())}(?![a-z])")
        return any(found.search(self._lower_text(doc)) for doc in self.index.documents)

    def _lower_text(self, doc: str) -> str:
        """A document's text in lower case, made once per document (on a concept's first
        look there)."""
        lowered = self._lowered.get(doc)
        if lowered is None:
            lowered = self._lowered[doc] = self.index.documents[doc].text.lower()
        return lowered

    def _long_forms(self, name: str) -> set[str]:
        base = re.sub(r"(?<=[A-Z])[si]$", "", name).lower()
        return {
            d.long
            for key in (name.lower(), base, base + "s")
            for d in self.defs_by_short.get(key, ())
        }

    @cached_property
    def _regulators_written(self) -> frozenset[str]:
        """The regulators (lower case) whose full names a document writes."""
        return frozenset(
            key
            for key, aliases in REGULATOR_NAMES.items()
            if any(a.search(d.text) for a in aliases for d in self.index.documents.values())
        )

    @cached_property
    def _titles(self) -> tuple[str, ...]:
        """Every document's and section's title, once each."""
        found = {d.title for d in self.index.documents.values()}
        found |= {s.title for d in self.index.documents.values() for s in d.sections}
        return tuple(sorted(found))

    @cached_property
    def _doc_keys(self) -> dict[str, frozenset[str]]:
        """Every name key each document's sentences hold, gathered on first use."""
        keys: dict[str, set[str]] = {}
        for sent, found in zip(self.index.sentences, self.keys, strict=True):
            keys.setdefault(sent.doc, set()).update(found)
        return {doc: frozenset(k) for doc, k in keys.items()}

    def _is_concept(self, name: str) -> bool:
        base = re.sub(r"(?<=[A-Z])[si]$", "", name)
        if any(c.isdigit() for c in name) or is_druglike(name):
            return False
        return any(
            k in self.defs_by_short for k in {name.lower(), base.lower(), base.lower() + "s"}
        ) or (base.isupper() and name.upper() == name and not self.key_share.get(squash(name)))

    def known(self, name: str) -> bool:
        """Whether the corpus mentions `name`: as written, as a stem, as the initials of a phrase
        it uses ("TMB"), or, for a compound of words, word by word ("etoposide-cisplatin")."""
        key = protein_key(name) or squash(name)
        variants = {key + "i", key + "s"} | ({key[:-1]} if key[-1:] in ("i", "s") else set())
        if key in self.vocab_keys or variants & self.vocab_keys:
            return True
        if key.isalpha() and stem(key) in self.stems:
            return True
        long_forms = domain().common_abbreviations.get(key, ()) if " " not in name else ()
        if any(map(self.writes_as_is, long_forms)):
            return True  # by its long form: "ULN" where a text writes "upper limit of normal"
        if any(squash(place) in self.vocab_keys for place in same_place(name)):
            return True  # "French" where the text writes "a study from France"
        if name.lower() in self._regulators_written:
            return True  # a regulator's abbreviation where the text writes its full name
        if self.abbreviates_phrase(name):
            return True  # letters only: "ZX12D" is a variant's code, not a phrase's initials
        if long_acronym(name) and any(spelled_by(name, t) for t in self._titles):
            return True  # "PZNSL" spelled by a title's words: "Primary ZNS Lymphoma"
        if name.isalpha() and name.isupper() and name.lower() in self.capital_initialisms:
            return True  # "ZQAN" by "the Zeta and Quell Adjuvant Nodal trial"
        if "/" in name.strip("/"):
            # "PD-1/monoclonal", "FDA/EMA": each alternative is a name the corpus knows.
            return all(self.known(p) for p in name.split("/") if p)
        target = _AGAINST.match(name)
        if target is not None:
            return self.known(target.group(1))  # "anti-ZX1": known when its target is
        head, dash, tail = name.rpartition("-")
        if dash and head and len(tail) > 2 and tail.isalpha() and tail.islower():
            # "KRAS-mutant", "PD-L1-positive": a known name with a descriptive word after it,
            # which the text may put otherwise ("KRAS variants").
            return self.known(head)
        parts = [p for p in re.split(r"[-\s]", name) if p]
        # "T1-T2": a range of staging categories, each known, which the text may write as
        # "T1 to T2".
        words = all(p.isalpha() for p in parts) or is_tnm(name)
        if len(parts) > 1 and words and all(self.known(p) for p in parts):
            return True
        # "zentaplatin-5-ZU": two known names joined, one of them hyphenated itself.
        return any(all(self.known(p) for p in pair) for pair in _joined_pairs(name))

    def abbreviates_phrase(self, name: str) -> bool:
        """Whether `name` is a capitals-only abbreviation of a phrase the text uses ("RCT"), or
        of one with a compound word ("NQC": `compound_initials` holds three letters at least)."""
        base = re.sub(r"(?<=[A-Z])s$", "", name)
        if not (base.isalpha() and base.isupper()):
            return False
        low = base.lower()
        return low in self.initialisms or low in self.compound_initialisms

    def specific(self, name: str) -> bool:
        """A name that narrows the question (a trial, a drug), not a topic word like "SCLC"."""
        key = squash(name)
        return self.key_share.get(key, 0.0) < 0.08 and self.known(name)

    @cached_property
    def compound_initialisms(self) -> frozenset[str]:
        """`compound_initials` of every sentence ("nasoquellic carcinoma": NQC): read, once,
        when a question names capitals that no plainer reading finds."""
        return compound_initials(s.text for s in self.index.sentences)


# Remembered answers of `mentions` (name, sentence): the same pairs recur across questions.
_MEMO_MAX = 1 << 16

# How many earlier sentences of its paragraph a sentence may take its subject from: a study's
# paragraph names it once, then gives its design and results over as many as eight sentences.
_BLOCK_REACH = 8
# A range written with a dash ("I–IIB", "1-3"), which text may spell "I to IIB".
_RANGE = re.compile(r"([A-Za-z0-9]+)[-‒–]([A-Za-z0-9]+)")
# A name for what acts against a target ("anti-PD-L1", "anti-CTLA-4") is named by its target.
_AGAINST = re.compile(r"anti-([A-Za-z0-9].*)", re.I)


def _joined_pairs(name: str) -> list[tuple[str, str]]:
    """The ways a hyphen splits `name` into two names when one of them keeps a hyphen of its
    own: "zentaplatin-5-ZU" → ("zentaplatin", "5-ZU"), ("zentaplatin-5", "ZU"); none for
    "zeta-eta" (split part by part where it is read)."""
    pairs = [(name[: m.start()], name[m.end() :]) for m in re.finditer("-", name)]
    return pairs if len(pairs) > 1 else []


def _range_words(low: str, high: str) -> str:
    """How a text may write the range low–high: "I to IIB", "1 through 3"; two neighbours also
    as a pair, "stage I and stage II", "I/II" (a wider range is not its ends alone)."""
    joint = r"\s*(?:to|through|[-‒–])\s*"
    if _ORDINALS.get(high.upper(), -1) == _ORDINALS.get(low.upper(), -9) + 1:
        joint = rf"(?:{joint}|\s*/\s*|\s+(?:and|or)\s+(?:stages?\s+)?)"
    return rf"\b{re.escape(low)}{joint}{re.escape(high)}\b"


# Stage numerals and small numbers in order, to tell neighbours ("I-II", "3-4").
_ORDINALS = {
    **{r: n for n, r in enumerate(("0", "I", "II", "III", "IV", "V"))},
    **{str(n): n for n in range(1, 10)},
}


@lru_cache(maxsize=64)
def _phrase(words: str) -> re.Pattern[str]:
    """`words` as a whole phrase, in any case."""
    return re.compile(rf"(?<![\w-]){re.escape(words)}(?![\w-])", re.I)
