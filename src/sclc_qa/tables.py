"""Table lookups: which cell of a row (or which of its group headings) a question asks for.

Header words are matched through hints that hold for clinical-trial tables in general ("which
phase" → Phase, "still recruiting?" → Status, "what dose" → Intervention), never for one table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from .bounds import limit_start
from .domain import domain
from .lexical import normalize, stem, tokenize
from .models import Cell, Sentence
from .question import Profile
from .spans import Span, find, mask_markup, strip_markup_end
from .vocabulary import squash

__all__ = [
    "bare_cell",
    "best_cell",
    "continued",
    "holds_dose",
    "keyed_by",
    "limit_figure",
    "other_row",
    "row_figure",
    "row_keys",
]

# Header words → question words that point at that column (data/domain.json).
_HEADER_HINTS = domain().table_header_hints
# Kinds of question whose answer is a column of the same name.
_COLUMN_KINDS = domain().table_column_kinds


def best_cell(doc_text: str, sent: Sentence, prof: Profile) -> Span | None:
    """The table cell (or group heading) a question about this row asks for; for a question
    that asks two columns ("its registration number and which stage it enrols"), the stretch
    of the row from one asked cell to the other."""
    q_stems = set(tokenize(prof.text))
    # What a which-question asks for ("which trial …?") points at a column more than the words
    # that describe it ("… doses zentamab weekly …" names the intervention column).
    target = {stem(w) for w in prof.target.lower().split()}
    # "What patient group …?": the word before the asked noun says which column it is.
    before = re.search(rf"(\w+)\s+{re.escape(prof.target)}\b", prof.text, re.I) if target else None
    modifier = stem(before.group(1).lower()) if before else ""
    q_norm = normalize(prof.text)
    cells: list[tuple[Cell, set[str], set[str]]] = []
    given: list[set[str]] = []  # the hints of the columns that hold what the question names
    for cell in (*sent.cells, *sent.groups):
        header = set(tokenize(cell.header))
        hints = set(header)
        for h in header:
            for key, words in _HEADER_HINTS.items():
                if h.startswith(key):
                    hints |= words
        if cell.header == "Group" or cell.header == "Subgroup":
            hints |= _HEADER_HINTS["group"]
        value = doc_text[cell.start : cell.end].strip()
        if not value or value == "/" or _quoted(value, q_norm):
            given.append(hints)
            continue
        cells.append((cell, header, hints))
    modified = any(modifier in hints for _, _, hints in cells)

    def names_asked(hints: set[str]) -> bool:
        return modifier in hints if modified else bool(target & hints)

    if any(map(names_asked, given)) and not any(names_asked(h) for _, _, h in cells):
        # "Which molecules does zentamab release?" of a row whose "Drug" cell is zentamab: the
        # column of the thing asked holds the question's own name, and no other column is one
        # of the thing asked; only a column whose own heading the question uses ("Combined
        # with") may still answer, not one its words merely hint at (a link, a registry's URL).
        cells = [(c, header, hints) for c, header, hints in cells if q_stems & header]
        if not cells:
            return None
    scored: list[tuple[float, frozenset[str], Cell]] = []
    for cell, header, hints in cells:
        score = len(q_stems & hints) - 0.1 * len(header)
        asked_kind = prof.kind in _COLUMN_KINDS and any(h.startswith(prof.kind) for h in header)
        if asked_kind or names_asked(hints):
            score += 2
        scored.append((score, frozenset(q_stems & hints), cell))
    if not scored:
        return None
    score, matched, cell = max(scored, key=lambda x: x[0])
    if score <= 0:
        return None
    if cell.header in ("Group", "Subgroup"):
        return Span(cell.start, cell.end, "group")
    asked = [(matched, cell)]
    for sc, words, c in sorted(scored, key=lambda x: -x[0]):
        covered = frozenset().union(*(w for w, _ in asked))
        if sc > 0 and c is not cell and c in sent.cells and words - covered:
            asked.append((words - covered, c))
    if len(asked) > 1 and _TWO_ASKED.search(prof.text):
        asked = asked[:2]
    else:
        listed = _listed(prof.text, [w for w, _ in asked])
        asked = [asked[i] for i in listed] if len(listed) > 1 else asked[:1]
    return Span(min(c.start for _, c in asked), max(c.end for _, c in asked), "cell")


def _quoted(value: str, q_norm: str) -> bool:
    """Whether the question gives the cell rather than asks it: its whole text, or its opening
    sentence of several words ("'Have you moved house lately?' — what does that screen for?").
    A dash that sets the cell under a group row ("– Zeta disease" under "Neoplastic:") is
    layout, not text the question would repeat."""
    value = _SUB_ITEM.sub("", value)
    if normalize(value) in q_norm:
        return True
    numbers = _NUMBER.findall(value)
    if len(numbers) >= _FIGURE_NUMBERS and len(_WORD.findall(value)) <= _FIGURE_WORDS:
        # A figure the question states in words of its own ("30 Zy in 10 fractions" for the
        # cell "30 Zy/10 F"): every number of a short cell of several is the question's. One
        # number ("12%", "Grade 3") may be the question's by chance, for another row.
        return set(numbers) <= set(_NUMBER.findall(q_norm))
    opening = normalize(_SENTENCE_END.split(value, maxsplit=1)[0])
    return len(opening.split()) >= _QUOTED_WORDS and opening in q_norm


# A cell's opening mark of a sub-item: a dash or bullet and a space.
_SUB_ITEM = re.compile(r"^\s*[-–—•*]\s+")
# A cell's opening sentence ends at its first full stop or question mark.
_SENTENCE_END = re.compile(r"(?<=[.?!])\s")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_WORD = re.compile(r"[A-Za-z]+")
# A cell of a figure has at most this many words beside its numbers (a unit, "F", "weekly"),
# and at least this many numbers for the question to be stating it.
_FIGURE_WORDS = 3
_FIGURE_NUMBERS = 2
# Words a cell's opening must have for the question to quote it: a word or three may be shared
# by chance ("Grade 3").
_QUOTED_WORDS = 4


def _listed(question: str, asked: list[frozenset[str]]) -> list[int]:
    """Which of the asked cells the question lists side by side ("what phase, population and
    status …?"): those its words point at, joined to another's by a comma or "and"."""
    listed: set[int] = set()
    for m in _COORDINATED.finditer(question):
        left, right = stem(m.group(1).lower()), stem(m.group(2).lower())
        owners = [i for i, words in enumerate(asked) if left in words]
        others = [i for i, words in enumerate(asked) if right in words and i not in owners]
        if owners and others:
            listed.update(owners[:1] + others[:1])
    return sorted(listed)


# A column of changes: "Estimated Relative Reduction (95% CI)", "Absolute Increase".
_CHANGE_HEADER = re.compile(r"\b(?:reduction|decrease|increase|change|difference)s?\b", re.I)


# A count's share in brackets just after it, in a cell: "98 (2.5)", "12 (4%)".
_SHARE_AFTER_COUNT = re.compile(r"\s*\(\s*\d+(?:\.\d+)?\s*%?\s*\)")


def row_figure(doc_text: str, sent: Sentence, prof: Profile) -> Span | None:
    """A figure of the asked kind in a table row: in the cell the question's words point at
    (by its header, "Histological Subtype B3"), or, in a two-cell row whose label the question
    uses ("Myasthenia gravis association | Approximately 71%"), in its value. None when the
    cell holds no figure of that kind."""
    cell = best_cell(doc_text, sent, prof)
    if cell is not None and cell.kind == "group":
        return None
    if cell is None:
        # An empty cell (under a row heading spanning rows) is no part of the pair.
        filled = [c for c in sent.cells if doc_text[c.start : c.end].strip(" |")]
        if len(filled) != 2:
            # No header points at a cell: a row of several may still state the figure in
            # one cell of prose (a row of one is read as the sentence it is, elsewhere).
            return _prose_figure(doc_text, sent, prof) if len(filled) > 2 else None
        key, value = filled
        # Its words, or a code ("T1b"), not a bare number.
        written_key = mask_markup(doc_text[key.start : key.end])
        label = {t for t in tokenize(written_key) if t.isalnum() and not t.isdigit()}
        if not label & set(tokenize(prof.text)):
            return None
        cell = Span(value.start, value.end, "cell")
    written = mask_markup(doc_text[cell.start : cell.end])
    found = find(written, prof.kind)
    if not found and prof.kind == "hr" and _RATIO_HEADER.search(_header_of(sent, cell)):
        # Under a "Relative Risk" or "HR (95% CI)" header a cell's number is the ratio.
        found = [Span(m.start(), m.end(), "hr") for m in _BARE_RATIO.finditer(written)]
    if not found and prof.kind == "percent" and _PERCENT_HEADER.search(_header_of(sent, cell)):
        # Under a "Rate (%)" header a cell's bare number is the share: "12", "34–52".
        found = [Span(m.start(), m.end(), "percent") for m in _BARE_SHARE.finditer(written)]
    if not found and prof.kind == "difference" and _CHANGE_HEADER.search(_header_of(sent, cell)):
        # Under an "Estimated Relative Reduction" header a cell's share is the change asked.
        found = find(written, "percent")
    if (stated := limit_figure(doc_text, sent, prof)) is not None:
        return stated  # "How high can the zentamab dose go?": the limit, not the usual dose
    if not found:
        return None
    end = found[0].end
    if found[0].kind == "count" and (share := _SHARE_AFTER_COUNT.match(written, end)) is not None:
        end = share.end()  # "98 (2.5)" under "No. (%)": the count with the share it makes
    return Span(cell.start + found[0].start, cell.start + end, "cell")


def _prose_figure(doc_text: str, sent: Sentence, prof: Profile) -> Span | None:
    """The figure of the asked kind in a row's one cell of prose that states one ("In a small
    series, about 40% responded within 2 days"), read as the sentence it is; None when no cell,
    or more than one, does (a row of figures is read by its headers)."""
    stating = []
    for c in sent.cells:
        written = mask_markup(doc_text[c.start : c.end])
        if len(written.split()) >= _PROSE_WORDS and (found := find(written, prof.kind)):
            stating.append((c, found[0]))
    if len(stating) != 1:
        return None
    c, figure = stating[0]
    return Span(c.start + figure.start, c.start + figure.end, "cell")


# A cell of at least this many words is a sentence, not a value or a label.
_PROSE_WORDS = 8


def limit_figure(doc_text: str, sent: Sentence, prof: Profile) -> Span | None:
    """The figure of the asked kind that a cell of the row states as the limit the question asks
    ("Safe to raise the dose up to 20 mg daily" for "how high can the dose go?"), from the words
    that make it one; None when the question asks no limit or no cell states one."""
    limit = prof.limit
    if limit is None:
        return None
    for cell in sent.cells:
        said = mask_markup(doc_text[cell.start : cell.end])
        for f in find(said, prof.kind):
            start = limit_start(said, f.start, limit)
            if start is not None:
                return Span(cell.start + start, cell.start + f.end, "cell")
    return None


def continued(doc_text: str, sents: Sequence[Sentence], sid: int, cell: Span) -> int:
    """Where the asked cell's column ends for its row: at the last of the rows after it that
    only continue that column ("| Stage 0 | Quellectomy |" then "| Zentotherapy |",
    a cell spanning rows in the source), for a question that asks for several. Else the
    cell's own end."""
    row = sents[sid]
    header = _header_of(row, cell)
    if not header or not row.cells:
        return cell.end
    key = doc_text[row.cells[0].start : row.cells[0].end].strip()
    end = cell.end
    for nxt in sents[sid + 1 :]:
        if (
            nxt.kind != "table_row"
            or nxt.doc != row.doc
            or [c.header for c in nxt.cells] != [header]
            or [doc_text[g.start : g.end].strip() for g in nxt.groups][-1:] != [key]
        ):
            break
        end = nxt.cells[0].end
    return end


def holds_dose(doc_text: str, sent: Sentence, cell: Span) -> bool:
    """Whether a cell can answer "what dose …?": it states a dose, or sits in the column of
    doses and regimens ("Intervention", "Regimen", "Dose"). A row's other cells (its disease,
    its status) name no dose, however well the question's other words match their headers."""
    if find(mask_markup(doc_text[cell.start : cell.end]), "dose"):
        return True
    header = tokenize(_header_of(sent, cell))
    return any(h.startswith(w) for h in header for w in _HEADER_HINTS["intervent"])


def _header_of(sent: Sentence, span: Span) -> str:
    """The header of the cell that holds `span`."""
    return next((c.header for c in sent.cells if c.start <= span.start and span.end <= c.end), "")


# A header that names a ratio; a cell's bare ratio, with its bracketed interval if any.
_RATIO_HEADER = re.compile(
    r"\b(?:HR|OR|RR|IRR|SIR|SMR)\b|(?i:hazard ratio|odds ratio|relative risk|risk ratio|rate ratio)"
)
_BARE_RATIO = re.compile(r"\d+(?:\.\d+)?(?:\s*\(\s*\d+(?:\.\d+)?\s*[-‒–—]\s*\d+(?:\.\d+)?\s*\))?")


# A header whose cells are shares without their sign; such a cell's number, or range.
_PERCENT_HEADER = re.compile(r"\(\s*%\s*\)|\bpercent(?:age)?\b", re.I)
_BARE_SHARE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?:\s*[-‒–—]\s*\d+(?:\.\d+)?)?(?![\w.])")


# Two words joined as items of one list: "phase, population", "population and status".
_COORDINATED = re.compile(
    r"\b(\w+)(?=\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:its\s+|the\s+)?(\w+))"
)

# A question that asks for more than one thing: "what is X, and which Y …?", "which X is it,
# and is it still Y?" (not "In the table, which X …?", one question after a lead-in).
_WH = r"(?:what|which|who|when|where|how)"
_YES_NO_AFTER = r"(?:is|are|was|were|does|do|did|has|have|can)\s+(?:it|they|this|that|the)"
_TWO_ASKED = re.compile(
    rf"\b{_WH}\b.*(?:\band|,)\s+(?:in |with )?(?:{_WH}|{_YES_NO_AFTER})\b", re.I
)


def keyed_by(doc_text: str, sent: Sentence, prof: Profile) -> bool:
    """Whether `sent` is a table row whose first cell is what the question names: one of its
    names ("Z2 | Zentoma in both lobes"), or the key written after the first column's own word
    ("… zeta category IV …" for the row "IV" under "Zeta Category")."""
    key = _row_key(doc_text, sent)
    if key is None:
        return False
    written, word = key
    if any(squash(n) == squash(written) for n in prof.names):
        return True
    return bool(
        word and re.search(rf"\b{re.escape(word)}\s+{re.escape(written)}(?![\w-])", prof.text, re.I)
    )


def row_keys(texts: Mapping[str, str], sentences: Sequence[Sentence]) -> set[str]:
    """Every table row's first cell, lower-cased: the keys a question may ask a row by
    (`texts`: each document's text, by its id)."""
    return {
        key[0].lower()
        for sent in sentences
        if sent.cells and (key := _row_key(texts[sent.doc], sent)) is not None
    }


def other_row(
    doc_text: str, sent: Sentence, prof: Profile, keys: Callable[[], set[str]]
) -> tuple[str, str] | None:
    """(the row asked, the row given) when the question keys a row by the first column's word
    and a key of the same shape that is neither this row's, nor one it or another row of the
    documents is a part of or holds (`keys`: every row key, lower-cased): "category VII"
    asked, the row "VI" given, and no row "VII"; None otherwise."""
    key = _row_key(doc_text, sent)
    if key is None or not key[1] or not _KEY.fullmatch(key[0]):
        return None
    written, word = key
    asked = [
        m[1].lower()
        for m in re.finditer(rf"\b{re.escape(word)}\s+([\w-]+)", prof.text, re.I)
        if _KEY.fullmatch(m[1])
    ]
    # This row's key is among `keys`: "PS 0 or PS 1" on the row "1" asks it; "stage II" holds
    # the row "IIA", "stage IIA" is part of the row "II".
    if not asked or any(_akin(a, k) for a in asked for k in keys()):
        return None
    return f"{word.lower()} {asked[0].upper()}", f"{word.lower()} {written}"


def _akin(a: str, b: str) -> bool:
    """Whether two row keys are one, or one is the other with a lettered part ("ii", "iia")."""
    longer, shorter = (a, b) if len(a) >= len(b) else (b, a)
    return longer == shorter or (
        len(longer) == len(shorter) + 1 and longer.startswith(shorter) and longer[-1] in "abc"
    )


# A row's key of the kind numbered in sequence: a Roman numeral, a number, a letter and digit.
_KEY = re.compile(r"[IVX]+[ABC]?|\d{1,2}[A-Za-z]?|[A-Z]\d?", re.I)


def _row_key(doc_text: str, sent: Sentence) -> tuple[str, str] | None:
    """A table row's first cell as written, with the last word of its column's header ("" when
    it has none); None for a sentence that is no table row."""
    if not sent.cells:
        return None
    first = sent.cells[0]
    written = doc_text[first.start : first.end].strip()
    if not written:
        return None
    heading = first.header.split()
    return written, heading[-1] if heading else ""


def bare_cell(text: str, span: Span) -> tuple[int, int]:
    """A cell without the markup that ends it: a reference ("*ZQB* [[13](#cit/…)]" → "*ZQB*") or
    a link's target ("[Zeta therapy](/types/…)" → "Zeta therapy"); a link inside it stays whole,
    its bracket would be left open."""
    start, end = strip_markup_end(text, span.start, span.end)
    kept = text[start:end]
    if kept.count("[") != kept.count("]") or start == end:
        return span.start, span.end
    return start, end
