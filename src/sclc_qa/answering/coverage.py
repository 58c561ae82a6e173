"""Whether a candidate sentence is about what the question names: its trial, drug or gene
named by the sentence itself, by what it sits under (its table, headings, document title), or by
the sentences just before it in a paragraph that introduces no other study.

A sentence about another trial cannot answer, however well it reads: coverage 0 puts it last.
"""

from __future__ import annotations

import re

from ..blocks import in_numbered_item
from ..citing import Citer
from ..index import Index
from ..question import Profile
from ..question_parts import coordinated
from ..vocabulary import Vocabulary, heading_keys
from .entries import Entries

__all__ = ["NameCoverage"]

# A sentence that only restates the question's subject in a paragraph about it: coverage by
# the sentences just before (or after, for "This …") is weaker than naming it.
_NAMED_IN_HEADING, _NAMED_NEARBY = 0.9, 0.75
# A list item reports on what the paragraph introducing its list names, a little less surely.
_NAMED_IN_LEAD_IN = 0.7
# A paragraph that names no study reports on the one an earlier paragraph of its section
# introduced ("**Evidence.** … the ZETA-3 trial …" / "**Efficacy.** The response rate was …"),
# less surely again; read back this many sentences at most.
_NAMED_IN_SECTION, _SECTION_REACH = 0.65, 12
# Words for a study besides those `_STUDY` reads, which end that walk too ("In an RCT in
# Zetland, …", "In the largest series, …"; not "a series of injections").
_STUDY_TOO = re.compile(r"\bRCTs?\b|(?i:\bseries\b(?!\s+of\b)|\bregistr(?:y|ies)\b)")
# "Study" as a modifier ("the study population", "study treatment") names no study: it is the
# one the paragraph is about.
_MODIFIER = (
    r"(?!\s+(?:population|treatment|drugs?|period|design|entry|arms?|groups?|visits?|protocol"
    r"|participants|patients|sites?|centers?|medication)\b)"
)
# A study introduced as new, not "this study" continuing the one before.
_OTHER_STUDY = re.compile(
    rf"(?<!this )(?<!This )(?<!same )\b(trials?|study|studies|cohort|meta-analys[ie]s)\b{_MODIFIER}"
)
_STUDY = re.compile(rf"\b(trial|study|studies|analysis|cohort)\b{_MODIFIER}", re.I)
# "The pooled analysis", "this study", "the phase III trial": the study the paragraph named,
# referred back to (lower-case words or a phase's numeral between; "the phase III ZX-2 trial"
# and "The Zeta Trial" name one of their own); "(designed) as a superiority trial" says what
# kind it is.
_REFERRED_BACK = re.compile(
    rf"\b(?:the|this|that|these|those|as an?)\s+(?:(?-i:[a-z]+|[IVX]+[ab]?|\d+)\s+){{0,2}}"
    rf"(?:trial|study|studies|analysis|cohort)"
    rf"\b{_MODIFIER}",
    re.I,
)
# A study named only to set it beside the paragraph's own: "unlike the ZQ-9 trial", "as in the
# Zeta 4 study", "compared with earlier trials".
_CONTRASTED = re.compile(
    r"\b(?:unlike|in contrast (?:to|with)|as in|similar to|compared (?:with|to))\s+"
    r"(?:the\s+|an?\s+)?(?:[\w/.-]+\s+){0,4}(?:trials?|study|studies|analys[ie]s|cohorts?)\b",
    re.I,
)

# A name of parts a hyphen or slash joins ("HIV-ZS"), which the sentence and its heading may
# name between them.
_PARTED = re.compile(r"\w[-/]\w")

# A disease stage as a question names it ("IIIC", "IB", "IVA"): a sentence stating another stage
# is about that one, whatever its heading covers.
_STAGE_NAME = re.compile(r"(?:0|I{1,3}|IV)[ABC]?\d?")
_STAGE_STATED = re.compile(rf"\bstages?\s+({_STAGE_NAME.pattern})\b")


def _other_stage(text: str, name: str) -> bool:
    """Whether `text` states a stage ("stage IIB disease") and not the stage `name`."""
    stated = {m.group(1) for m in _STAGE_STATED.finditer(text)}
    return bool(stated) and name not in stated and name not in text.split()


class NameCoverage:
    """How well each sentence names the question's subjects; read-only after construction but
    for what it remembers per sentence (a dict's item assignment is atomic across threads)."""

    def __init__(self, index: Index, vocab: Vocabulary, citer: Citer, entries: Entries) -> None:
        self.index = index
        self.vocab = vocab
        self.citer = citer
        self.entries = entries
        self._study: dict[int, tuple[bool, bool]] = {}
        self._table_intro: dict[int, tuple[int, ...]] = {}
        self._section_walk: dict[int, tuple[int, ...]] = {}

    def of(self, sid: int, key_names: list[str], prof: Profile) -> tuple[float, float]:
        """(identifiers, concepts). Identifiers — trials, drugs, NCT ids, genes — must be named
        by the sentence (1), its table or heading (0.9), the sentences just before it (0.75),
        or an earlier paragraph of its section (0.65), else 0: a passage about another trial
        cannot answer. Concepts the corpus defines as abbreviations ("ICI", "FDA") only weigh
        on the score, as they are often paraphrased."""
        sent = self.index.sentences[sid]
        describing = set(prof.asked_about.split())
        # A sentence that names its own study is not about the previous sentence's trial.
        own_study = self.studies(sid)[0]
        # What the sentence sits under also names its subject: its table, its section's
        # headings, and the title of its document (a report titled by its trial's name).
        path = self.citer.path(sent.doc, sent.section)
        doc_title = self.index.documents[sent.doc].title
        heading = heading_keys(
            f"{sent.context} {sent.title} {sent.label or ''} {' '.join(path)} {doc_title}"
        )
        # Each heading's words, one at a time, for a short form spelled by them ("PZNSL" under
        # "Primary ZNS Lymphoma"): read across two headings, initials spell nothing.
        headings = (*path, doc_title)
        hard, soft, side_by_side = 1.0, [], []
        paired = coordinated(prof)
        defined = self.defined_terms(key_names, prof)
        if len(defined) > 1:
            # "What defines Z2a versus Z2b?": each term has its own entry, in a sentence of
            # its own.
            paired = defined
        for name in key_names:
            if self.vocab.said_by(sid, name):
                got = 1.0
            elif any(self.vocab.mentions(name, heading, h) for h in headings) or (
                # "HIV-ZS" by a sentence on "ZS" under a heading on HIV: a name's parts, some
                # said by the sentence, the rest by what it sits under. A set, not a frozenset:
                # the union is new every time, and the memo would keep each one.
                _PARTED.search(name) is not None
                and self.vocab.mentions(name, {*heading, *self.vocab.keys[sid]}, sent.text)
            ):
                got = _NAMED_IN_HEADING
            elif not own_study and self._named_before(sid, name):
                got = _NAMED_NEARBY
            elif self._named_before_table(sid, name):
                got = _NAMED_NEARBY  # a table's row, by the paragraph that introduces the table
            elif self.vocab.next_refers_back(sid) and self.vocab.said_by(sid + 1, name):
                got = _NAMED_NEARBY  # "… . This <name> …": the next sentence names the subject
            elif self._named_in_lead_in(sid, name):
                got = _NAMED_IN_LEAD_IN
            elif not own_study and self._named_earlier_in_section(sid, name):
                got = _NAMED_IN_SECTION
            else:
                got = 0.0
            if got < 1.0 and _STAGE_NAME.fullmatch(name) and _other_stage(sent.text, name):
                got = 0.0  # "stage IIA" in the sentence: its heading's "IIA and IIB" is not IIB
            if self.vocab.is_concept_in(name, sent.doc) or name in describing:
                soft.append(got)
            elif name in paired:
                side_by_side.append(got)
            else:
                hard = min(hard, got)
        if side_by_side:
            # "How common are A and B?": a sentence about A alone answers half the question.
            hard = min(hard, sum(side_by_side) / len(side_by_side))
        return hard, (sum(soft) / len(soft) if soft else 1.0)

    def defined_terms(self, key_names: list[str], prof: Profile) -> tuple[str, ...]:
        """The names a definition question asks that have an entry of their own ("N1",
        "N2"), in the question's order."""
        if prof.kind not in ("definition", "glossary"):
            return ()
        return tuple(n for n in key_names if self.entries.of(n))

    def _named_in_lead_in(self, sid: int, name: str) -> bool:
        """Named by the paragraph that introduces the item's list or, for a list nested in a
        list, by the lead-in of the list that lead-in belongs to, and so on up ("- HR 0.81 in
        group B" under "2. Survival favoured X" under the trial's description). Reached only
        when nearer places name nothing, as an outer lead-in introduces every list nested in
        it."""
        lead, seen = self.vocab.lead_in[sid], set[int]()
        if not lead:
            return False
        sent = self.index.sentences[sid]
        # A bullet reports on the lead-in's paragraph, up to where it names another study
        # ("In this trial, 585 patients …" / "- local failure …", under the item that named
        # the trial); a numbered item is one of its own.
        whole = not in_numbered_item(self.index.documents[sent.doc].text, sent.start)
        while lead:
            read = [p for at in lead for p in (at, *(self._until_other_study(at) if whole else ()))]
            if any(self.vocab.said_by(p, name) for p in read):
                return True
            if any(self.studies(p)[1] for p in read):
                # "1. ZETA-2 was a phase III trial …": the list reports on that study, not on
                # one a list above it introduced.
                return False
            seen.update(lead)
            lead = tuple(p for p in self.vocab.lead_in[lead[0]] if p not in seen)
        return False

    def _until_other_study(self, sid: int) -> list[int]:
        """The sentences before `sid` in its paragraph, nearest first, up to and including
        one that introduces another study."""
        out = []
        for p in self.vocab.block[sid]:
            out.append(p)
            if self.studies(p)[1]:
                break
        return out

    def _named_before_table(self, sid: int, name: str) -> bool:
        """For a table's row: named by the paragraph just before the table, in its section
        ("A study in Zetland reported … (see Table 1)." over "10–11 y | 64% | 71%"), or by
        the table's caption or notes ("ZPF = zeta-power field.")."""
        sent = self.index.sentences[sid]
        if sent.kind != "table_row" or sent.label is None:
            return False
        if sid not in self._table_intro:
            self._table_intro[sid] = self._introducing(sid)
        return any(self.vocab.said_by(p, name) for p in self._table_intro[sid])

    def _introducing(self, sid: int) -> tuple[int, ...]:
        """The sentences that introduce the table row `sid` is in: its caption and notes, and
        the paragraph just before the table in its section (back to another study's start).
        Worked out once per row, not per name asked."""
        sentences = self.index.sentences
        sent = sentences[sid]
        own: list[int] = []
        at = sid - 1
        # Back over the table's caption, notes and rows before this one.
        while at >= 0 and sentences[at].label == sent.label and sentences[at].doc == sent.doc:
            if sentences[at].kind in ("caption", "table_note"):
                own.append(at)
            at -= 1
        if at < 0 or sentences[at].kind != "paragraph" or sentences[at].section != sent.section:
            return tuple(own)
        return (at, *self._until_other_study(at), *own)

    def _named_earlier_in_section(self, sid: int, name: str) -> bool:
        """Named earlier in the sentence's section (a paragraph, or the list item that opened
        a study's description), with no study of its own named in between, nor in the sentence
        or the sentences before it in its paragraph. Text only: a table's row is read with its
        table, and the walk stops at one."""
        walk = self._section_walk.get(sid)
        if walk is None:
            walk = self._section_walk[sid] = self._walk_back(sid)
        return any(self.vocab.said_by(at, name) for at in walk)

    def _walk_back(self, sid: int) -> tuple[int, ...]:
        """The sentences `_named_earlier_in_section` reads, nearest first, up to and including
        one that names a study of its own; worked out once per sentence."""
        sentences = self.index.sentences
        sent = sentences[sid]
        own = (sid, *self.vocab.block[sid])
        if sent.kind != "paragraph" or any(
            self.studies(p)[0] or _STUDY_TOO.search(sentences[p].text) for p in own
        ):
            return ()
        out = []
        for at in range(sid - 1, max(-1, sid - 1 - _SECTION_REACH), -1):
            before = sentences[at]
            if (
                before.doc != sent.doc
                or before.section != sent.section
                or before.kind != "paragraph"
            ):
                break
            out.append(at)
            if self.studies(at)[0] or _STUDY_TOO.search(before.text):
                break  # a study of its own, which the sentences after report on
        return tuple(out)

    def _named_before(self, sid: int, name: str) -> bool:
        """Named earlier in the paragraph, with no other study introduced in between, and not
        only as a study set beside the paragraph's own ("unlike the ZQ-9 trial")."""
        return any(
            self.vocab.said_by(p, name) and not self._only_contrasted(p, name)
            for p in self._until_other_study(sid)
        )

    def _only_contrasted(self, sid: int, name: str) -> bool:
        """Whether sentence `sid` writes `name` only inside phrases that set a study beside
        the paragraph's own ("Unlike the ZQ-9 trial, …")."""
        text = self.index.sentences[sid].text
        places = [m.start() for m in re.finditer(re.escape(name), text, re.I)]
        contrasted = [m.span() for m in _CONTRASTED.finditer(text)]
        return bool(places) and all(any(a <= at < b for a, b in contrasted) for at in places)

    def studies(self, sid: int) -> tuple[bool, bool]:
        """Whether a sentence names a study of its own, and whether it introduces another one
        (not "this study"); remembered per sentence."""
        found = self._study.get(sid)
        if found is None:
            text = self.index.sentences[sid].text
            referred = {m.end() for m in _REFERRED_BACK.finditer(text)}
            # "Unlike the ZQ-9 trial, …": a study set beside the one the paragraph is about.
            contrasted = [m.span() for m in _CONTRASTED.finditer(text)]

            def named(m: re.Match[str]) -> bool:
                end = m.end()
                return end not in referred and not any(a < end <= b for a, b in contrasted)

            own = any(named(m) for m in _STUDY.finditer(text))
            # "In this randomized trial": referred back to, however it is qualified.
            other = any(named(m) for m in _OTHER_STUDY.finditer(text))
            found = (own, other)
            self._study[sid] = found
        return found
