"""Abbreviations the corpus itself defines: its glossary, table footnotes, and "long form (SHORT)"
in running text. Retrieval uses them to expand queries ("LDRT" ↔ "low-dose radiotherapy");
answers use them for "what does X stand for?". Pure: documents and sentences in, spans out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from .domain import domain
from .mentions import is_druglike
from .models import Document, Sentence

__all__ = [
    "Definition",
    "capital_initials",
    "combined_initials",
    "compound_initials",
    "find_definitions",
    "initials",
    "long_acronym",
    "singular",
    "spelled_by",
    "window_initials",
]

# A bracketed short form; a colon joins an element's symbol to a crystal's ("Ho:YLF"). It may
# be introduced as another name ("zetal carcinomas (also called ZC)").
_PAREN = re.compile(
    r"\((?:(?:also\s+)?(?:called|known\s+as|termed|referred\s+to\s+as)\s+[“\"‘']?)?"
    r"([A-Za-z][A-Za-z0-9\-+/:]{1,11})[”\"’']?(?:(?:[;,]|\s+or\s)[^)]*)?\)"
)
# A word of a long form, without the quotes it may stand in (“boron neutron therapy” (BNT)).
_WORD = re.compile(r"[^\s()“”\"‘’]+")
# A prefix of time or place joined to the next word by a hyphen or dash ("post–", "pre-"): it
# says when or where, not what the abbreviation names. ("non-", "anti-", "low-" change what it
# names, and stay.)
_JOINED_PREFIX = re.compile(r"(?:post|pre|peri|intra|inter|trans|sub|supra|extra|retro)[-–—](?=\w)")
# A table note's item, "ORR, objective response rate": an abbreviation (a capital or a digit
# in it) opening the note or an item after ";" ("… pathological staging, if possible." is none).
_NOTE_ITEM = re.compile(r"(?:^|;)\s*([\w\-/+]*[A-Z0-9][\w\-/+]*), ([^;.]+)")
# A legend's item, "ZNE = zetanodal extension": an abbreviation of capitals, "=", its long
# form (kept only when it spells the abbreviation; "N1 = palpable …" defines a code instead).
_EQUALS_ITEM = re.compile(r"(?:^|;)\s*([A-Za-z]*[A-Z][A-Za-z]*) = ([^;|=]+?)\.?(?=\s*(?:;|\||$))")
# Words a long form never starts with ("the low-dose radiotherapy (LDRT)" is "low-dose
# radiotherapy"). Not lexical.STOPWORDS, on purpose: that list drops words that do start long
# forms, "per protocol (PP)" and "study drug exposure (SDE)" among them.
_NOT_LONG_FORM_START = frozenset({"the", "a", "an", "and", "of", "with"})
# Head nouns an eponym's acronym may leave out: "Zeta-Eta syndrome (ZE)" (the syndrome's own
# initials would add an S no one writes).
_UNSPELLED_HEADS = frozenset({"syndrome", "disease"})
# A gene's symbol: capitals and its number ("ZETA1").
_SYMBOL = re.compile(r"([A-Z]{3,8})\d{1,2}")
# The other way round, "SHORT (long form)": an abbreviation of capitals (after any lower-case
# prefix, "hyper-ZAP"), then its spelling out in brackets ("ZNE (zeta, node, extension)", a
# regimen's drugs "ZAP (zentamab, alotinib, and pelquimab)"); a gene's symbol set in italics
# ("*ZETA1* (Zeta And Eta of …)").
_SPELLED_AFTER = re.compile(
    r"(?<![\w-])\*{0,2}((?:[a-z]+-)?(?:[A-Z][A-Za-z]{0,3}-)*[A-Z]{2,8}[a-z]?\d{0,2})\*{0,2}"
    r"\s+\(([^()\[\]]{3,200})\)"
)
# A term opening its sentence before a colon: "ZMR: Zeta molecular response …".
_COLON_ITEM = re.compile(r"\s*([A-Z]{2,8}):\s+")
_LISTED = re.compile(r"\s*(?:,\s*(?:and|plus)\s+|,\s*|\s+(?:and|plus)\s+)")


@dataclass(frozen=True)
class Definition:
    """`short` stands for `long`; offsets locate both forms in document `doc`."""

    short: str
    long: str
    doc: str
    start: int
    end: int
    short_start: int
    short_end: int
    sentence_id: int
    # "glossary" | "table_note" | "text" | "symbol" (a gene's name, which searches do not add
    # to a question naming its symbol: its words are seldom what a passage about it says) |
    # "joined" (a name whose short form skips its joining words, "Zeta Committee on Cancer
    # (ZCC)": the short form is the name's usual one, so searches do not add the long form
    # either; the one sentence that spells it out would outweigh those that use it)
    source: str


def initials(words: Iterable[str]) -> str:
    """First letters of words and of their hyphen/slash parts: "low-dose radiotherapy" → "ldr"."""
    out = []
    for word in words:
        for part in re.split(r"[-/]", word):
            if part[:1].isalnum():
                out.append(part[0].lower())
    return "".join(out)


def long_acronym(name: str) -> bool:
    """A short form of three capitals at least, in the plural or not ("PZNSL", "PZNSLs"), that
    may stand for a title's words where no text writes it: two letters spell too many phrases by
    chance."""
    return _LONG_ACRONYM.fullmatch(name) is not None


_LONG_ACRONYM = re.compile(r"[A-Z]{3,}s?")


def spelled_by(short: str, text: str) -> bool:
    """Whether words of `text`, side by side, spell the abbreviation `short` by their initials,
    a word in capitals by all its letters: "RCT" by "randomized controlled trial", "PZNSL" by
    "Primary ZNS Lymphoma"; an abbreviation of three letters or more also by a compound word's
    two parts ("NQC" by "nasoquellic carcinoma": two letters spell too much by chance)."""
    wanted = singular(short).lower()
    letters = _word_forms(text, len(wanted) >= _COMPOUND_LETTERS)
    return bool(wanted) and any(_spelled_from(wanted, letters, i) for i in range(len(letters)))


@lru_cache(maxsize=1 << 12)
def _word_forms(text: str, compounds: bool = False) -> tuple[tuple[str, ...], ...]:
    """What each word of `text` can give an abbreviation: its initials and, for a word in
    capitals, all its letters; with `compounds`, a compound word its two parts' initials."""
    out = []
    for w in re.findall(r"[A-Za-z][A-Za-z\-]*", text):
        forms = [initials([w])]
        if len(w) > 1 and w.isalpha() and w.isupper():
            forms.append(w.lower())
        elif compounds and w.isalpha():
            forms.extend(combined_initials(w))
        if w in _SKIPPED:
            forms.append("")  # "Zetland Joint Committee on Cancer": ZJCC
        out.append(tuple(forms))
    return tuple(out)


@lru_cache(maxsize=1 << 15)
def combined_initials(word: str) -> tuple[str, ...]:
    """The two initials of a word built from a combining form and a word ("nasopharyngeal" →
    "np", "colorectal" → "cr"), which abbreviations spell as two words; none for a word that
    opens with no known combining form ("randomized" is no "rando-" word)."""
    low = word.lower()
    return tuple(
        low[0] + low[len(form)]
        for form in domain().combining_forms
        if low.startswith(form) and len(low) - len(form) >= _COMBINED_WORD
    )


# The shortest word a combining form joins ("-ntal" is none): shorter pieces are endings.
_COMBINED_WORD = 5


def window_initials(texts: Iterable[str]) -> frozenset[str]:
    """The initials of every two to five words in a row in `texts`: what an abbreviation of a
    phrase the text uses spells ("RCT")."""
    out: set[str] = set()
    for text in texts:
        # A window's initials are its words' initials joined: each word's, worked out once.
        letters = [initials([w]) for w in re.findall(r"[A-Za-z][A-Za-z\-]*", text)]
        for n in range(2, 6):
            for i in range(len(letters) - n + 1):
                out.add("".join(letters[i : i + n]))
    return frozenset(out)


def compound_initials(texts: Iterable[str]) -> frozenset[str]:
    """The initials of up to three words in a row in `texts` where a compound word gives its
    two parts' initials (`combined_initials`), three letters at least."""
    out: set[str] = set()
    for text in texts:
        words = re.findall(r"[A-Za-z][A-Za-z\-]*", text)
        letters = [initials([w]) for w in words]
        for i, w in enumerate(words):
            for pair in combined_initials(w) if w.isalpha() and not w.isupper() else ():
                for j in range(max(0, i - 2), i + 1):
                    for k in range(i + 1, min(len(words), j + 3) + 1):
                        joined = "".join((*letters[j:i], pair, *letters[i + 1 : k]))
                        if len(joined) >= _COMPOUND_LETTERS:
                            out.add(joined)
    return frozenset(out)


# The fewest letters of an abbreviation that a compound word's parts may spell.
_COMPOUND_LETTERS = 3

# Small words that a name's abbreviation may leave out.
_SKIPPED = frozenset({"of", "on", "for"})


# Small words that join the capitalised words of a study's or a group's name and give its
# abbreviation no letter: "the Zeta and Quell Adjuvant Nodal trial" is ZQAN.
_JOINING = frozenset(
    {"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
)
# The fewest capitalised words whose initials are read as an abbreviation when joining words are
# left out: with three, title-case headings spell too many short forms by chance.
_FEWEST_CAPITALS = 4
_MOST_CAPITALS = 8
# A word (its first character a letter, accented or not), or a mark that ends a name: a stop,
# a bracket, a colon or semicolon, a table's cell border.
_WORD_OR_BREAK = re.compile(r"[^\W\d_][\w'’-]*|[.;:()\[\]|]")


@lru_cache(maxsize=1 << 14)
def capital_initials(text: str) -> frozenset[str]:
    """Initials, lower case, of every four to eight capitalised words in a row in `text`, where
    small joining words between them give no letter (a stop, bracket or other word ends the
    row): what a name's abbreviation may spell where the text never writes it ("ZQAN" by "the
    Zeta and Quell Adjuvant Nodal trial")."""
    out: set[str] = set()
    run: list[str] = []
    for word in [*_WORD_OR_BREAK.findall(text), ""]:
        if word[:1].isupper():
            run.append(word[0].lower())
            continue
        if word in _JOINING and run:
            continue
        for n in range(_FEWEST_CAPITALS, min(len(run), _MOST_CAPITALS) + 1):
            out.update("".join(run[i : i + n]) for i in range(len(run) - n + 1))
        run = []
    return frozenset(out)


def _spelled_from(wanted: str, letters: tuple[tuple[str, ...], ...], i: int) -> bool:
    """Whether the words from `i` on spell `wanted`, each word giving one of its forms."""
    if not wanted:
        return True
    return i < len(letters) and any(
        wanted.startswith(f) and _spelled_from(wanted[len(f) :], letters, i + 1)
        for f in letters[i]
        if f or i > 0
    )


def singular(short: str) -> str:
    """An abbreviation without its plural ending: "ZETs" → "ZET", "RCTs" → "RCT"."""
    return re.sub(r"(?<=[A-Z])s$", "", short)


def find_definitions(docs: dict[str, Document], sentences: Iterable[Sentence]) -> list[Definition]:
    """Every definition the corpus states, in document order."""
    found: list[Definition] = []
    for sent in sentences:
        text = docs[sent.doc].text
        if sent.kind == "glossary_entry" and len(sent.cells) == 2:
            short, long = sent.cells
            found.append(
                Definition(
                    text[short.start : short.end],
                    text[long.start : long.end],
                    sent.doc,
                    long.start,
                    long.end,
                    short.start,
                    short.end,
                    sent.id,
                    "glossary",
                )
            )
            continue
        if sent.kind in ("table_note", "table_row"):
            # A staging table's legend: "T = primary tumor; …; ZNE = zetanodal extension".
            for m in _EQUALS_ITEM.finditer(sent.text):
                s, e = sent.start + m.start(2), sent.start + m.end(2)
                ss, se = sent.start + m.start(1), sent.start + m.end(1)
                if text[s:e] == m.group(2) and _spells(
                    m.group(1).lower(), _WORD.findall(m.group(2))
                ):
                    found.append(
                        Definition(
                            m.group(1), m.group(2), sent.doc, s, e, ss, se, sent.id, "table_note"
                        )
                    )
        if sent.kind == "table_note":
            for m in _NOTE_ITEM.finditer(sent.text):
                s, e = sent.start + m.start(2), sent.start + m.end(2)
                ss, se = sent.start + m.start(1), sent.start + m.end(1)
                found.append(
                    Definition(m.group(1), text[s:e], sent.doc, s, e, ss, se, sent.id, "table_note")
                )
        else:
            found.extend(_in_text(text, sent))
    return found


def _spells(letters: str, words: list[str], joining: bool = False) -> bool:
    """Schwartz–Hearst: every word starts with the next letter of the abbreviation, and the
    remaining letters appear in order inside the words ("low-dose radiotherapy" → LDRT);
    `joining`: a small joining word inside the long form may give no letter ("Zeta, Eta, and
    Theta Results" → ZETR), tried both ways ("Zeta and Alpha Mix" → ZAM, its "and" no A)."""
    if len(letters) < 2 or not words:
        return False
    if not joining:
        return _spelled_in_order(letters, words)
    inner = [k for k in range(1, len(words) - 1) if words[k].lower() in _JOINING]
    if len(inner) > _MOST_JOINING:
        return False
    return any(
        _spelled_in_order(letters, [w for k, w in enumerate(words) if k not in skipped])
        for n in range(1, len(inner) + 1)
        for skipped in combinations(inner, n)
    )


# The most joining words a long form may skip ("Surveillance, Epidemiology, and End Results").
_MOST_JOINING = 3


def _skips_one(letters: str, words: list[str]) -> bool:
    """Whether the initials of `words` spell `letters` once one inner word is left out, as a
    modifier often is ("complete bilateral zetal node dissection" → CZND), for
    short forms of `_FEWEST_SKIPPING` letters or more."""
    return len(letters) >= _FEWEST_SKIPPING and any(
        initials(words[:k] + words[k + 1 :]) == letters for k in range(1, len(words) - 1)
    )


# The fewest letters of a short form whose long form may leave out a word: a shorter one is
# spelled by too many runs of words by chance.
_FEWEST_SKIPPING = 4


def _spelled_in_order(letters: str, words: list[str]) -> bool:
    """`_spells` with every word giving a letter."""
    i = 0
    for k, word in enumerate(words):
        w = word.lower()
        if i >= len(letters) or not w or w[0] != letters[i]:
            return False
        i += 1
        for ch in w[1:]:
            if i < len(letters) and ch == letters[i] and not _starts_next(letters, i, words, k):
                i += 1
    return i == len(letters)


def _clipped(short: str, words: list[str]) -> bool:
    """A drug's short name made of clipped words, one part per word: "zentopotamab deruxtecan"
    → "Zento-DXd", "zentuzumab vedotin" → "Z-Ved" (each part starts its word, the first part is
    the first word's beginning)."""
    parts = [p for p in short.split("-") if p]
    if len(parts) < 2 or len(parts) != len(words):
        return False
    return words[0].lower().startswith(parts[0].lower()) and all(
        w[:1].lower() == p[:1].lower() for p, w in zip(parts, words, strict=True)
    )


def _starts_next(letters: str, i: int, words: list[str], k: int) -> bool:
    """Keep a letter for the next word when that word (after word `k`) starts with it."""
    return k + 1 < len(words) and words[k + 1][:1].lower() == letters[i]


def _in_text(text: str, sent: Sentence) -> list[Definition]:
    """ "low-dose radiotherapy (LDRT)": the long form is the shortest run of preceding words whose
    initials spell the abbreviation (letters of the abbreviation, in order, case-insensitive)."""
    out = []
    for m in _PAREN.finditer(sent.text):
        short = m.group(1)
        # A plural's lower-case "s" is no letter of the long form ("ICIs"); "BI-RADS" keeps its S.
        letters = re.sub(r"[^a-z]", "", re.sub(r"s$", "", short).lower()) or short.lower()
        before = sent.text[: m.start()].rstrip()
        words = list(_WORD.finditer(before))
        for n in range(1, min(len(words), len(letters) + 3) + 1):
            chosen = words[-n:]
            if chosen[0].group().lower() in _NOT_LONG_FORM_START:
                continue
            got = initials(w.group() for w in chosen)
            spelled = [w.group() for w in chosen]
            # "Zeta-Eta-Theta syndrome (ZET)": an eponym's initials, its head noun left out.
            named = spelled[:-1] if n > 1 and spelled[-1].lower() in _UNSPELLED_HEADS else []
            strict = (
                got == letters
                or _spells(letters, spelled)
                or _clipped(short, spelled)
                or (named and initials(named) == letters)
            )
            # A name that skips its joining words: its short form in capitals, its long form
            # opening with a word of its own ("at the point of pain (APP)" is none).
            joined = (
                not strict
                and short.isupper()
                and spelled[0].lower() not in _JOINING
                and (_spells(letters, spelled, joining=True) or _skips_one(letters, spelled))
            )
            # "post–zeta cell transplant (ZCT)": a prefix joined to the long form's first word
            # by a dash is no part of it.
            prefix = _JOINED_PREFIX.match(spelled[0])
            lead = 0
            if not (strict or joined) and prefix is not None:
                rest = [spelled[0][prefix.end() :], *spelled[1:]]
                if initials(rest) == letters or _spells(letters, rest):
                    strict, lead = True, prefix.end()
            if strict or joined:
                s = sent.start + chosen[0].start() + lead
                e = sent.start + chosen[-1].end()
                ss, se = sent.start + m.start(1), sent.start + m.end(1)
                source = "text" if strict else "joined"
                out.append(Definition(short, text[s:e], sent.doc, s, e, ss, se, sent.id, source))
                break
    item = _COLON_ITEM.match(sent.text)
    if item is not None:
        # "ZMR: Zeta molecular response (…)": a list of terms, each defined after its colon by
        # the fewest words that spell it.
        short = item.group(1)
        letters = short.lower()
        words = list(_WORD.finditer(sent.text, item.end()))
        for n in range(1, min(len(words), len(letters) + 2) + 1):
            if initials(w.group() for w in words[:n]) == letters:
                s, e = sent.start + words[0].start(), sent.start + words[n - 1].end()
                ss, se = sent.start + item.start(1), sent.start + item.end(1)
                out.append(Definition(short, text[s:e], sent.doc, s, e, ss, se, sent.id, "text"))
                break
    for m in _SPELLED_AFTER.finditer(sent.text):
        if _spelled_after(m.group(1), m.group(2)):
            s, e = sent.start + m.start(2), sent.start + m.end(2)
            ss, se = sent.start + m.start(1), sent.start + m.end(1)
            source = "symbol" if _SYMBOL.fullmatch(m.group(1)) else "text"
            out.append(Definition(m.group(1), text[s:e], sent.doc, s, e, ss, se, sent.id, source))
    return out


def _spelled_after(short: str, long: str) -> bool:
    """Whether bracketed `long` after `short` spells it out: its words' initials are the
    abbreviation's letters ("ZNE (zeta, node, extension)"), or it lists as many drugs as the
    abbreviation has letters, most of them drugs by their stems and at least half of the letters
    their initials in some order: a regimen is often named by its drugs' trade names, so "ZAP
    (zentamab, alotinib, and pelquimab)" spells only Z and A by the names it lists. A
    lower-case prefix ("hyper-") is no letter; a clipped drug name ("Zent-") is one."""
    symbol = _SYMBOL.fullmatch(short)
    if symbol is not None:
        # A gene's symbol: its letters spelled from the first word on, small words left out,
        # its number not ("ZAPL2 (Zeta And Partner of *LIM4*)").
        return _spelled_from(symbol.group(1).lower(), _word_forms(long), 0)
    parts = short.split("-")
    prefix = parts.pop(0) if parts[0].islower() else ""
    letters = "".join(p[0] if p[1:].islower() and len(p) > 2 else p for p in parts).lower()
    words = [w for w in _WORD.findall(long) if w not in (",", "and")]
    if prefix and words and words[0].lower().startswith(prefix):
        words = words[1:]  # "hyper-ZAP (hyperfractionated …)": the prefix's own word
    if initials(words) == letters:
        return True
    items = [w for w in _LISTED.split(" ".join(words)) if w]
    if any(not re.fullmatch(r"[a-z][a-z-]*", w) for w in items):
        return False
    firsts = "".join(w[0] for w in items)
    shared = sum(min(letters.count(c), firsts.count(c)) for c in set(letters))
    return (
        len(items) == len(letters) >= 2
        and 2 * sum(map(is_druglike, items)) > len(items)
        and 2 * shared >= len(letters)
    )
