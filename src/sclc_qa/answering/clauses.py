"""The clause that explains, for how/why, mechanism and yes/no questions: in the best
sentence, in the sentence a "This …" refers back to, or in the next one when that one says how
or why ("By engaging …", "This is because …"); and the conclusion a yes/no question's finding
leads to ("Thus, …")."""

from __future__ import annotations

import re

from ..clause_spans import clauses
from ..index import Index
from ..mentions import says_word
from ..question import Profile
from ..spans import strip_citation
from ..vocabulary import ANAPHOR, Vocabulary
from .explanations import explaining_clause
from .shapes import draws_consequence, explains, gives_reason, has_verdict, states_makeup

__all__ = ["Clauses", "going_on", "runs_into"]

# A sentence that opens with these draws a conclusion from the one before, or qualifies it.
_CONCLUDING = re.compile(
    r"(?:Thus|Therefore|Hence|Consequently|Accordingly|Overall|In (?:conclusion|summary)|"
    r"Although|While|However|Nevertheless|Nonetheless|Yet)\b"
)
# A sentence that opens with the means continues the one before it with how it happens.
_BY_MEANS = re.compile(r"(?:By|Through|Via|Mechanistically)\b")

# What may sit between two sentences of one paragraph: spaces and bracketed reference links
# ("[[16](#cit/section_10.16)][[Level of evidence B1](/…)]").
_REFERENCES = re.compile(r"(?:\s|\[\[[^\[\]]*\]\([^()\s]*\)\])*")


def _names_more(prof: Profile, text: str, before: str) -> bool:
    """Whether a clause of `text` after the one its "This/These" opens names something the
    question names that `before` does not: "These agents include: (a) …; (b) zentamab blocks
    Z" answers how zentamab works itself, where "This blocks Z" and "These changes raise
    zentamab's effect" need the sentence that says what "This" is."""
    parts = clauses(text)
    rest = text[parts[0][1] :] if parts else ""
    return any(says_word(rest, n) and not says_word(before, n) for n in prof.names)


def runs_into(index: Index, vocab: Vocabulary, a: int, b: int) -> bool:
    """Sentence `a` runs straight into `b`: one paragraph, or one list item, with nothing
    but spaces and reference links ("[[16](#cit…)]") between them."""
    if a in vocab.prev[b]:
        return True
    first, second = index.sentences[a], index.sentences[b]
    if (first.doc, first.section, first.kind) != (second.doc, second.section, second.kind):
        return False
    gap = index.documents[first.doc].text[first.end : second.start]
    return "\n" not in gap and _REFERENCES.fullmatch(gap) is not None


def going_on(index: Index, vocab: Vocabulary, sid: int, reach: int) -> list[int]:
    """The sentences after `sid` that go on with it, nearest first, at most `reach`: the rest
    of its paragraph, then the items of the list its paragraph introduces ("… was a phase II
    trial. - Among 90 patients, the response rate was 41%.")."""
    out: list[int] = []
    opened = {sid, *vocab.prev[sid]}
    k = sid + 1
    while k < len(index.sentences) and len(out) < reach:
        if not runs_into(index, vocab, k - 1, k) and not set(vocab.lead_in[k]) & opened:
            break
        out.append(k)
        opened.add(k)
        k += 1
    return out


class Clauses:
    """Finds the explaining clause around a sentence."""

    def __init__(self, index: Index, vocab: Vocabulary) -> None:
        self.index = index
        self.vocab = vocab

    def explaining(self, prof: Profile, sid: int) -> tuple[int, int, int, tuple[int, int] | None]:
        """(sentence id or -1, start, end, cited span or None): the clause of sentence `sid`
        that explains; for "This …" mechanisms, the sentence it refers back to, and for a why
        answered by "Therefore, …", the sentence it draws from; for one whose
        next sentence says how or why instead, that one; for a yes/no question whose verdict
        the next sentence draws, both."""
        if prof.kind == "mechanism":
            text = self.index.sentences[sid].text
            # "This matters because …" gives the reason itself; "This blocks …" needs
            # what it refers back to.
            makeup = states_makeup(prof.text, text)  # "It consists of …": says it itself
            if (
                ANAPHOR.match(text)
                and self.vocab.prev[sid]
                and not (makeup or gives_reason(prof.text, text))
                and not _names_more(prof, text, self.index.sentences[self.vocab.prev[sid][0]].text)
            ):
                sid = self.vocab.prev[sid][0]
            elif (
                draws_consequence(prof.text, text)
                and self.vocab.prev[sid]
                and runs_into(self.index, self.vocab, self.vocab.prev[sid][0], sid)
            ):
                sid = self.vocab.prev[sid][0]  # "… good even when it spreads. Therefore, X …"
            elif not makeup and self._next_explains(sid, prof):
                sid += 1
        sent = self.index.sentences[sid]
        s, e = explaining_clause(sent.text, prof, self.vocab)
        if prof.kind == "yesno" and self._concludes(sid):
            # "… did not improve PFS. Thus, there is no clear benefit …": the conclusion drawn
            # settles the question with the finding it is drawn from; both are cited.
            after = self.index.sentences[sid + 1]
            end = after.start + strip_citation(after.text, 0, len(after.text))[1]
            return -1, sent.start + s, end, (sent.start, after.end)
        return sid, sent.start + s, sent.start + e, None

    def _concludes(self, sid: int) -> bool:
        """Whether the sentence after `sid`, in its paragraph, draws a verdict from it: it opens
        with a conclusion or a concession ("Thus", "However", "Although …") and states one."""
        nxt = sid + 1
        if nxt >= len(self.index.sentences) or not runs_into(self.index, self.vocab, sid, nxt):
            return False
        after = self.index.sentences[nxt].text
        return _CONCLUDING.match(after) is not None and has_verdict(after)

    def _next_explains(self, sid: int, prof: Profile) -> bool:
        """Whether the sentence after `sid` states how or why in its place: "X activates
        immunity. By engaging pathway P, the drug …", or, when `sid` states no reason or
        means, "A pathologist must review the material. This is critical because …"."""
        nxt = sid + 1
        if nxt >= len(self.index.sentences):
            return False
        after = self.index.sentences[nxt].text
        if sid in self.vocab.prev[nxt] and _BY_MEANS.match(after):
            return True
        return (
            runs_into(self.index, self.vocab, sid, nxt)
            and not explains(prof.text, self.index.sentences[sid].text)
            and (ANAPHOR.match(after) is not None or _REASON_FIRST.match(after) is not None)
            and explains(prof.text, after)
        )


# A sentence that opens with its reason, of what the sentence before said: "Because this is
# not …, it is not considered further."
_REASON_FIRST = re.compile(r"(?:Because|Since|Given that|Owing to|Due to)\b")
