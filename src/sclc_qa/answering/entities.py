"""Which-what-who questions: the name (drug, trial, gene, country, author) that stands closest to
what the question describes, grown into the phrase asked for, or a list when several are."""

from __future__ import annotations

import re

from ..abbreviations import Definition
from ..domain import domain
from ..index import Index
from ..lexical import normalize
from ..mentions import is_druglike
from ..name_spans import names
from ..question import Profile
from ..spans import Span, mask_markup
from ..vocabulary import Vocabulary, name_keys, squash
from .anchors import NAME_WEIGHT, anchor_cost, anchors
from .classes import IS_CLASS, REGULATORS, company_end, evidently, of_class, trial_like
from .kinds import STAT_WORDS
from .name_lists import introduced_list, joined_names, list_around
from .naming import described_places, names_its_class, said_to_be_asked
from .objects import headed_by, said_to_be, verb_object
from .scoring import Scored

__all__ = ["EntityExtractor"]

# Beyond this many characters from the words that describe it, a name is not what is asked: the
# answer is then a phrase, not a name.
_FAR = 40.0
# A pronoun subject ("It has …", not "It is likely …"): about the sentence before's subject.
_PRONOUN_SUBJECT = re.compile(
    r"(?:It|They)\s+(?!is\s+(?:not\s+)?(?:(?:un)?clear|possible|likely)\b)"
)
# "This gene", "the same agent": a thing of a kind that the sentence before named.
_REFERS_BACK = re.compile(
    r"\b(?:[Tt]his|[Tt]hat|[Tt]he same)\s+(gene|drug|agent|antibody|inhibitor|protein|receptor"
    r"|compound|variant|mutation|pathway|enzyme|vaccine|molecule)\b"
)
# One far-off question word or subject must not decide between candidates.
_TERM_CAP = 100.0
_SUBJECT_CAP = 100.0
# A name that is not of the asked class (a trial for "which drug") loses this many characters;
# a topic word the corpus keys most sentences on ("SCLC") is rarely the answer to "which …?".
_WRONG_CLASS = 15.0
_TOPIC_WORD = 40.0
# A topic word: one the corpus keys at least this share of its sentences on.
_TOPIC_SHARE = 0.08
_LONG_FORM_REACH = 200  # characters before an abbreviation where its long form may stand
# Classes a paragraph states after the sentence that names its subject ("This study, performed
# in Z, …"), and how many sentences on it is read for one: a trial's description and the
# list of its results run to about six.
_FOLLOWED = frozenset({"place", "company"})
_FOLLOW_REACH = 6
_UNDESCRIBED = 30.0  # distance assumed when the describing words are not in the sentence
# A name that says its own class (not only by the word after it, which may follow several)
# counts the question's other words at half their distance.
_SELF_NAMED_REACH = 0.5


class EntityExtractor:
    """Picks the answering name among the top sentences; read-only after construction."""

    def __init__(self, index: Index, vocab: Vocabulary) -> None:
        self.index = index
        self.vocab = vocab
        # The definitions each sentence states, in running text ("long form (ABBR)").
        self._defined_in: dict[int, list[Definition]] = {}
        for defs in vocab.defs_by_short.values():
            for d in defs:
                if d.source == "text":
                    self._defined_in.setdefault(d.sentence_id, []).append(d)

    def best(self, prof: Profile, scored: list[Scored]) -> tuple[int, int, int] | None:
        """(sentence id, start, end in the document) of the name standing closest to what the
        question describes among the top sentences; a sentence scored 10% lower must bring its
        candidate 10 characters closer."""
        best_score = scored[0].score
        # (not of the asked class, cost, sentence, start, end): a name of the class asked
        # ("who …?": an author) beats any other, whichever sentence scored higher.
        choice: tuple[bool, float, int, int, int] | None = None
        for cand in scored[:5]:
            if cand.score < 0.6 * best_score or cand.coverage < min(scored[0].coverage, 0.75):
                continue
            sent = self.index.sentences[cand.sid]
            if sent.kind not in ("paragraph", "caption"):
                continue
            found = self._chosen(mask_markup(sent.text), prof)
            if found is None:
                continue
            (s, e), cost, other = found
            total = cost + 100 * (best_score - cand.score) / max(best_score, 1e-9)
            total += 40 * max(0.0, scored[0].coverage - cand.coverage)
            if choice is None or (other, total) < choice[:2]:
                choice = (other, total, cand.sid, sent.start + s, sent.start + e)
        asked = domain().entity_class(prof.target)
        none_of_class = choice is None or choice[0]
        if none_of_class and asked == "trial":
            # "Which trial compared A with B?": the sentences that say so name the trial once,
            # where its paragraph or list opens ("The phase III ZENITH-4 trial enrolled …").
            opened = self._trial_opening(scored[0].sid, prof)
            if opened is not None:
                return opened
        if none_of_class and asked in _FOLLOWED:
            # "Where was the X trial run?": the paragraph that describes X says so a sentence
            # or more after naming it ("This study, performed in Z, …").
            said = self._said_after(scored[0].sid, prof)
            if said is not None:
                return said
            if choice is not None and _drug_or_trial(self.index, choice):
                return None  # a drug or a trial is no answer to "which company makes X?"
        if choice is None or choice[1] > _FAR:
            return self._antecedent(scored[0].sid, prof)  # "X is … . It grows slowly"
        sid, start, end = choice[2], choice[3], choice[4]
        return sid, *self._spelled_out(sid, start, end)

    def _said_after(self, sid: int, prof: Profile) -> tuple[int, int, int] | None:
        """The first name of the asked class in the sentences that follow sentence `sid` in its
        paragraph or in the list it introduces, near enough to what the question describes."""
        sents = self.index.sentences
        reached = {sid}
        for at in range(sid + 1, min(len(sents), sid + 1 + _FOLLOW_REACH)):
            if reached.isdisjoint(self.vocab.block[at]) and reached.isdisjoint(
                self.vocab.lead_in[at]
            ):
                break  # past its paragraph and the list it introduces
            reached.add(at)
            text = mask_markup(sents[at].text)
            found = self._chosen(text, prof)
            if found is not None and not found[2] and found[1] <= _FAR:
                (s, e), _, _ = found
                return at, sents[at].start + s, sents[at].start + e
        return None

    def _antecedent(self, sid: int, prof: Profile) -> tuple[int, int, int] | None:
        """The name opening the sentence before sentence `sid` in its paragraph, when `sid`
        opens with a pronoun ("It", "They") that refers back to it, or the first name of that
        sentence when `sid` refers back to a thing of the kind asked ("Amplification of this
        gene …" for "which gene …?"); None otherwise."""
        sents = self.index.sentences
        if not self.vocab.prev[sid]:
            return None
        pronoun = _PRONOUN_SUBJECT.match(sents[sid].text) is not None
        asked = prof.target.lower().removesuffix("s")
        kind = bool(asked) and any(
            asked.endswith(m.group(1).lower()) for m in _REFERS_BACK.finditer(sents[sid].text)
        )
        if not (pronoun or kind):
            return None
        at = self.vocab.prev[sid][0]
        text = mask_markup(sents[at].text)
        for c in self._candidates(text, prof):
            if kind or not text[: c.start].strip():
                return at, sents[at].start + c.start, sents[at].start + c.end
        return None

    def _trial_opening(self, sid: int, prof: Profile) -> tuple[int, int, int] | None:
        """The trial named nearest before sentence `sid` in its paragraph, or in the sentence
        that introduces its list: the subject of the sentences that follow it."""
        asked = {k for n in prof.names for k in name_keys(n)}
        for at in (*self.vocab.block[sid], *self.vocab.lead_in[sid]):
            sent = self.index.sentences[at]
            text = mask_markup(sent.text)
            trials = [
                c
                for c in names(text)
                if IS_CLASS["trial"](c, text)
                and not text[c.start : c.end].startswith("NCT")
                and squash(text[c.start : c.end]) not in asked
            ]
            if trials:
                return at, sent.start + trials[0].start, sent.start + trials[0].end
        return None

    def _spelled_out(self, sid: int, start: int, end: int) -> tuple[int, int]:
        """An abbreviation written in brackets after its long form ("Response Evaluation
        Criteria in Solid Tumors (RECIST)") is answered with the long form too; the long form
        is the one the documents define for it."""
        sent = self.index.sentences[sid]
        text = self.index.documents[sent.doc].text
        if text[start : start + 1] == "(" and (close := text.find(")", start, end)) > 0:
            # A list that opens with a bracketed abbreviation ("(ZBR) and quellin repair
            # (QR)"): from its first item's long form.
            long_start, _ = self._spelled_out(sid, start + 1, close)
            return (long_start, end) if long_start < start else (start, end)
        if start == 0 or text[start - 1] != "(" or text[end : end + 1] != ")":
            # A long form is answered with its abbreviation: "Tomosynthesis Mammographic
            # Imaging Screening" is part of "… Screening Trial (TMIST)", defined there.
            for d in self._defined_in.get(sid, ()):
                if d.start <= start and end <= d.end and text[d.short_end : d.short_end + 1] == ")":
                    return d.start, d.short_end + 1
            return start, end
        begin = max(sent.start, start - _LONG_FORM_REACH)
        before = text[begin : start - 1].rstrip()
        seen = normalize(before)
        if len(seen) != len(before):
            return start, end  # normalising moved offsets: do not guess
        long_end = begin + len(before)
        for d in self.vocab.defs_by_short.get(text[start:end].lower(), []):
            long = normalize(d.long)
            if long and seen.endswith(long):
                return long_end - len(long), end + 1
        return start, end

    def span(self, text: str, prof: Profile) -> tuple[tuple[int, int], float] | None:
        """The name in `text` that answers a which/what question, and how far it stands from
        the words describing it (lower is better)."""
        found = self._chosen(text, prof)
        return None if found is None else found[:2]

    def _chosen(self, text: str, prof: Profile) -> tuple[tuple[int, int], float, bool] | None:
        """`span`'s answer, and whether the name chosen is not of the class the question asks
        for (False when it asks none)."""
        introduced = (
            (introduced_list(text, prof) or verb_object(text, prof)) if prof.plural else None
        )
        if introduced is not None:
            # Several items the asked words introduce ("Xs … include A, B and C") or the
            # question's verb takes ("restores A, B and C"), names or plain words: the list is
            # the answer, whatever names stand elsewhere.
            return introduced, 0.0, False
        cands = self._candidates(text, prof)
        if not cands:
            # No name: what the sentence says is the thing asked, or the phrase its noun heads
            # (a known class, a trial or a drug, is named, not described: "phase II trials").
            said = said_to_be(text, prof)
            if said is not None and self._is_asked(text[said[0] : said[1]], prof):
                # "ZS is an array of symptoms" for "which ZS symptoms …?": the question's own
                # subject, said to be of the class, is not one of its members.
                said = None
            if said is None and domain().entity_class(prof.target) is None:
                said = headed_by(text, prof)
            return None if said is None else (said, 0.0, False)
        asked = domain().entity_class(prof.target)
        appositive = said_to_be_asked(text, cands, prof)
        preferred = of_class(text, cands, prof.target) + appositive
        if prof.target not in STAT_WORDS:
            cands = [c for c in cands if squash(text[c.start : c.end]) not in STAT_WORDS] or cands
        if asked != "author":
            cands = [c for c in cands if c.kind != "author"] or cands
        if asked in ("drug", "regimen", "trial"):
            # "Which drug is approved …?" is not answered by who approved it ("… by the FDA").
            cands = [c for c in cands if text[c.start : c.end] not in REGULATORS] or cands
        described = described_places(text, prof)
        # Where the question's own words stand, names (the subject) weighing least: the answer
        # sits by what is asked of it, not by its subject.
        groups = anchors(text, prof, self.vocab)
        terms = [g for g in groups if g[0] < NAME_WEIGHT]
        subjects = [(1.0, g[1]) for g in groups if g[0] >= NAME_WEIGHT]

        def cost(c: Span) -> tuple[float, int]:
            places = [(a, b) for a, b in described if b <= c.start or a >= c.end]
            # A name that says it is of the asked class ("the Zeta Dx Panel Test" for
            # "which test …?") needs no describing words by it, and the question's other words
            # may stand further off.
            self_named = (
                2
                if c in appositive or evidently(asked, c, text)
                else names_its_class(text, c, prof.target, cands)
            )
            if self_named:
                base = 0.0
            elif places:
                base = float(min(c.start - b if b <= c.start else a - c.end for a, b in places))
            else:
                base = _UNDESCRIBED if prof.asked_about else 0.0
            reach = _SELF_NAMED_REACH if self_named == 2 else 1.0
            base += 0.5 * reach * anchor_cost(terms, c.start, c.end, cap=_TERM_CAP)
            base += 0.2 * reach * anchor_cost(subjects, c.start, c.end, cap=_SUBJECT_CAP)
            penalty = 0.0 if asked is None or c in preferred else _WRONG_CLASS
            if self.vocab.key_share.get(squash(text[c.start : c.end]), 0.0) >= _TOPIC_SHARE:
                penalty += _TOPIC_WORD
            return (base + penalty, c.start)

        ranked = sorted(cands, key=cost)
        first = ranked[0]
        first_cost = cost(first)[0]
        other = asked is not None and first not in preferred
        if asked == "company" and not other:
            return (first.start, company_end(text, first.end)), first_cost, other
        if not prof.plural:
            grown = _noun_phrase(text, first, prof)
            return (grown.start, grown.end), first_cost, other
        return list_around(text, cands, first), first_cost, other

    def _candidates(self, text: str, prof: Profile) -> list[Span]:
        """Names in `text` that are not the question's own names or their spelled-out forms."""
        asked = {k for n in prof.names for k in name_keys(n)}
        trial_asked = domain().entity_class(prof.target) == "trial"
        q_keys = name_keys(prof.text)
        q_norm = normalize(prof.text)
        cands = []
        for sp in names(text):
            word = text[sp.start : sp.end]
            key = squash(word)
            pieces = [p for p in re.split(r"[-/]", word) if p]
            rest = [p for p in pieces if squash(p) not in asked]
            if not key or key in q_keys:
                continue
            if len(rest) < len(pieces) and all(p.islower() for p in rest):
                continue  # "<name>-targeted" restates the question's name; "<name>-A" does not
            if (
                len(rest) < len(pieces)
                and all(p.isdigit() and len(p) == 4 for p in rest)
                and not trial_asked
            ):
                continue  # "<name>-2003", a study of the question's subject (not "<name>-2")
            if any(
                normalize(d.long) in q_norm for d in self.vocab.defs_by_short.get(word.lower(), [])
            ):
                continue  # an abbreviation the question spells out
            if any(
                d.short.lower() in q_norm for d in self.vocab.defs_by_long.get(normalize(word), [])
            ):
                continue  # a spelled-out name the question abbreviates
            if self._opens_asked_long_form(text, sp, asked | q_keys):
                continue  # "Zeta sarcoma (ZS)" for a question on "ZS": its subject
            cands.append(sp)
        return joined_names(text, cands)

    def _is_asked(self, phrase: str, prof: Profile) -> bool:
        """Whether `phrase` is a name the question asks about, or its long form ("Zeta wasting
        syndrome (ZWS)", "zeta wasting syndrome" for "ZWS")."""
        asked = {squash(n) for n in prof.names}
        bracket = _SHORT_AFTER.search(phrase)
        if bracket is not None and squash(bracket[1]) in asked:
            return True
        long = normalize(phrase)
        return squash(phrase) in asked or any(
            squash(d.short) in asked for d in self.vocab.defs_by_long.get(long, [])
        )

    def _opens_asked_long_form(self, text: str, sp: Span, asked: set[str]) -> bool:
        """Whether the name opens a long form spelled out before its short form in brackets
        ("Zeta sarcoma (ZS)"), the short form being one the question names."""
        m = _LONG_FORM_TAIL.match(text, sp.end)
        if m is None or squash(m.group(1)) not in asked:
            return False
        word = text[sp.start : sp.end].lower()
        return any(
            d.long.lower().startswith(word)
            for d in self.vocab.defs_by_short.get(m.group(1).lower(), [])
        )


# A short form in brackets closing a phrase: "… syndrome (ZWS)".
_SHORT_AFTER = re.compile(r"\(([A-Za-z][\w-]{0,11})\)\s*$")
# What may follow a long form's first word before its short form in brackets: a few more words.
_LONG_FORM_TAIL = re.compile(r"(?:[ -][A-Za-z]+){0,4}\s*\(([A-Za-z][\w-]{0,11})\)")


def _noun_phrase(text: str, name: Span, prof: Profile) -> Span:
    """Grow a name into the phrase the question asks for: "<gene>" → "<gene> pathway" when a
    pathway is asked, "CD8+" → "stem-like CD8+ T cells" when cells are, "<name> assay" when a
    test is."""
    start, end = name.start, name.end
    head = prof.target
    if head and len(head) > 2:
        # One space between words: a masked link target (a run of spaces) ends the phrase.
        # An eponym keeps its possessive: "Quell's zeta staining".
        # The head word or its kindred: "which test …?" grows "<name>" into "<name> assay".
        # (The head by its opening, as it is inflected; a kindred word whole, so that
        # "marker" grows nothing into "markedly".)
        kindred = (rf"{re.escape(k)}(?:e?s)?\b" for k in sorted(domain().kindred(head)))
        heads = "|".join((rf"{re.escape(head[:5])}\w*", *kindred))
        m = re.match(r"((?:['’]s)?(?: [\w+-]+){0,2}? (?:" + heads + r"))", text[end:], re.I)
        member = _member_word(text, end, head)
        if member is not None:
            return Span(start, end + member, name.kind, name.endpoint)
        if m:
            end += m.end()
            # … a people with the place it is of: "the Zetan population of northern Quellia".
            place = _OF_PLACE.match(text, end) if head in _PEOPLES else None
            end = place.end() if place else end
            pre = re.search(r"((?:[a-z]+-[a-z]+)\s+)$", text[:start])
            if pre:
                start -= len(pre.group(1))
            else:
                # The name's own modifiers before it: "ZX1 IHC 7Q2 quellDx" + "assay".
                lead = _NAMELIKE_LEAD.search(text, 0, start)
                start = lead.start() if lead else start
    return Span(start, end, name.kind, name.endpoint)


# "of" and a place's name, perhaps after a compass word: where a people asked lives (not an
# author's "of Quell et al", nor "of Smith and Jones").
_OF_PLACE = re.compile(
    r" of (?:(?:northern|southern|eastern|western|central|north|south|east|west|rural|urban) )?"
    r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}\b(?! et al| and\b)"
)
_PEOPLES = frozenset({"population", "people", "community", "ethnic group", "region", "area"})


def _member_word(text: str, end: int, head: str) -> int | None:
    """How far past `end` the name runs when the word right after it has the ending a member
    of the asked class's names end with ("ZX-lactone oxidase" for "which enzyme …?")."""
    ending = _CLASS_ENDINGS.get(head)
    m = re.match(rf" ([a-z]{{3,}}{ending})\b", text[end:]) if ending else None
    if m is None or m.group(1) in _NOT_MEMBERS:
        return None
    return m.end()


# Classes whose members' names end in a word of the class's own ending: an enzyme's in "-ase"
# ("ZX-lactone oxidase", "quellin kinase").
_CLASS_ENDINGS = {"enzyme": "ase"}
# Words with that ending that name no member: "zetal disease", "the release", "an increase".
_NOT_MEMBERS = frozenset(
    {
        "disease",
        "diseases",
        "increase",
        "decrease",
        "release",
        "phase",
        "base",
        "database",
        "case",
        "purchase",
        "erase",
        "cease",
        "lease",
        "ease",
        "chase",
        "showcase",
    }
)


# Words written as names (a capital or a digit inside: "IHC", "22C3", "PD-L1") standing right
# before a name, one space apart.
_NAMELIKE_LEAD = re.compile(r"(?:(?<=\s)|^)(?:[a-z+-]*[A-Z0-9][\w+-]* )+$")


def _drug_or_trial(index: Index, choice: tuple[bool, float, int, int, int]) -> bool:
    """Whether the name chosen (its sentence, start and end last) is a drug's or a trial's."""
    sent = index.sentences[choice[2]]
    name = index.documents[sent.doc].text[choice[3] : choice[4]]
    return is_druglike(name) or trial_like(name)
