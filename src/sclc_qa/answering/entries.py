"""Terms the documents define entry by entry: a table row keyed by its first cell ("N2 |
Metastasis in …"), a row or list item that opens with its term ("N2 = Metastasis in …",
"- 0: Incomplete — needs …"). "What does N2 mean?" is answered by the entry, which retrieval
may miss among the many sentences that merely list the term ("T2a, N2, M0").

A list's items may be keyed by a bare code that its lead-in names the scheme of ("The
following BI-RADS categories are used: … 0: Incomplete …"): "BI-RADS 0" is that item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..index import Index
from ..lexical import normalize
from ..question import Profile
from ..question_phrase import asked_term
from ..vocabulary import Vocabulary, squash

__all__ = ["Entries", "Entry"]

# A sentence that opens with its term: a short code or word, then "=" or ":" and the text
# that defines it.
# The term may be in bold, its colon too ("**ZR:** …").
_OPENING = re.compile(
    r"[ \t]*[-–—]?[ \t]*(?:\*\*)?([A-Za-z0-9][\w+./-]{0,15})(?:\*\*)?[ \t]*(?:=|:)(?:\*\*)?"
    r"[ \t]+(?=\S)"
)

# A table's one-cell row that defines a code after a spaced dash: "IVb - Spread to distant
# organs." (in running text a dash after a word is seldom a definition).
_DASHED = re.compile(r"[ \t]*([A-Za-z0-9][\w+./-]{0,15})[ \t]+[-–—][ \t]+(?=\S)")

# A cell that defines a code with "=": "Tis = Zetal intraepithelial lesion".
_DEFINED = re.compile(r"[ \t]*([A-Za-z0-9][\w+./-]{0,15})[ \t]*=[ \t]+(?=\S)")


# A definition's footnote markers after its full stop: "… the zetal wall.c,d" (superscript c
# and d, flattened): one to three single letters, comma-separated.
_MARKERS = re.compile(r"(?<=[a-z)]\.)[a-z](?:,[a-z]){0,2}$")


def _unmarked_end(text: str, start: int, end: int) -> int:
    """Where a definition in `text[start:end]` ends: before trailing space and the footnote
    markers after its full stop, which would read as part of its last word."""
    value = text[start:end].rstrip()
    marked = _MARKERS.search(value)
    return start + (marked.start() if marked else len(value))


@dataclass(frozen=True)
class Entry:
    """Sentence `sid` defines its term by the document span `start:end`."""

    sid: int
    start: int
    end: int


class Entries:
    """The entries of one index by their term's squashed key; immutable after construction."""

    def __init__(self, index: Index, vocab: Vocabulary) -> None:
        self.index = index
        self.vocab = vocab
        keyed: dict[str, list[Entry]] = {}
        for sent in index.sentences:
            for key, entry in self._entries(sent.id):
                keyed.setdefault(key, []).append(entry)
        self._keyed = {key: tuple(found) for key, found in keyed.items()}

    def _entries(self, sid: int) -> list[tuple[str, Entry]]:
        """The sentence's entry, and for a table row, each later cell that defines a code of
        its own ("| 0 | Tis, N0, M0 | Tis = Zetal … |")."""
        sent = self.index.sentences[sid]
        found = self._entry(sid)
        out = [found] if found is not None else []
        if sent.kind == "table_row" and len(sent.cells) >= 2:
            text = self.index.documents[sent.doc].text
            for cell in sent.cells[1:]:
                opening = _DEFINED.match(text, cell.start, cell.end)
                if opening is not None:
                    end = _unmarked_end(text, cell.start, cell.end)
                    out.append((squash(opening.group(1)), Entry(sid, opening.end(), end)))
        return out

    def _entry(self, sid: int) -> tuple[str, Entry] | None:
        sent = self.index.sentences[sid]
        text = self.index.documents[sent.doc].text
        if sent.kind == "table_row" and len(sent.cells) >= 2:
            key, value = sent.cells[0], sent.cells[1]
            if value.end > value.start:
                return squash(text[key.start : key.end]), Entry(sid, value.start, value.end)
            return None
        if sent.kind == "table_row" and len(sent.cells) == 1:
            start, end = sent.cells[0].start, sent.cells[0].end  # "| N2 = Metastasis in … |"
            opening = _OPENING.match(text, start, end) or _DASHED.match(text, start, end)
        elif sent.kind == "paragraph":
            start, end = sent.start, sent.end  # a list item: "0: Incomplete — needs …"
            opening = _OPENING.match(text, start, end)
        else:
            return None
        if opening is None:
            return None
        end = _unmarked_end(text, start, end)
        return squash(opening.group(1)), Entry(sid, opening.end(), end)

    def _text(self, entry: Entry) -> str:
        doc = self.index.documents[self.index.sentences[entry.sid].doc]
        return normalize(doc.text[entry.start : entry.end])

    def of(self, name: str) -> tuple[Entry, ...]:
        """The entries that define `name`: keyed by it, or, for "<scheme> <code>", keyed by the
        code in a list whose lead-in names the scheme."""
        found = self._keyed.get(squash(name))
        if found:
            return found
        scheme, _, code = name.rpartition(" ")
        if not scheme or not code:
            return ()
        return tuple(
            e
            for e in self._keyed.get(squash(code), ())
            if any(self.vocab.said_by(p, scheme) for p in self.vocab.lead_in[e.sid])
        )

    def asked(self, prof: Profile) -> tuple[Entry, ...]:
        """The entries that define what a question asks about: its names', else those of the
        longest run of words of its "what does X mean?" term that keys one ("Masaoka-Koga
        stage IVa" → "IVa"); a lone word only if it is written as a code (a capital or a digit
        inside it), not a plain word that opens a paragraph ("Results: …")."""
        stage = _STAGE_ASKED.search(prof.text)
        if stage is not None:
            # "ZIGO stage II zetal cancer: definition?": the stage's row, not the scheme's
            # name ("ZIGO = Zeta International …").
            found = self.of(f"stage {stage['code']}") or self.of(stage["code"])
            if found:
                return found
        found = tuple(e for n in prof.names for e in self.of(n))
        term = asked_term(prof.text)
        if found or term is None:
            return found
        words = term.split()
        for size in range(min(_RUN_WORDS, len(words)), 0, -1):
            for i in range(len(words) - size + 1):
                run = words[i : i + size]
                if (
                    size == 1
                    and not re.search(r"\d|.[A-Z]", run[0])
                    and not _CODE.fullmatch(run[0])
                ):
                    continue
                found = self.of(" ".join(run)) or tuple(
                    # "What counts as a zeta response?": the entry keyed by its defined short
                    # form ("ZR: …"), unless it only spells the short form out.
                    e
                    for d in self.vocab.defs_by_long.get(normalize(" ".join(run)), [])
                    for e in self.of(d.short)
                    if self.index.sentences[e.sid].doc == d.doc
                    and self._text(e).rstrip(" .") != normalize(d.long)
                )
                if found:
                    return found
        return ()


# A stage a question names: "stage II", "stage IVb", "stage 0".
_STAGE_ASKED = re.compile(r"\bstage\s+(?P<code>(?:0|I{1,3}|IV)[ABCabc]?\d?)\b", re.I)
# A short capitalised code ("Tis", "Tx"), which no paragraph opens with as a plain word does.
_CODE = re.compile(r"[A-Z][a-z]{1,2}")
# The longest run of a term's words looked up as one key ("stage IVa", "BI-RADS 0").
_RUN_WORDS = 3
