"""How/why and descriptive questions: the clause of a sentence that explains, not a lone token."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from ..clause_spans import clauses
from ..lexical import tokenize
from ..question import ASKS_WHY, Profile
from ..spans import strip_citation
from ..vocabulary import Vocabulary
from .kinds import STATEMENT

__all__ = ["defining_span", "describing_span", "explaining_clause", "genus_definition"]

# A sentence this short is read whole: cutting it would lose the subject or the verb.
_WHOLE_BELOW = 140
# A clause shorter than this says too little alone; the next one completes it.
_SHORT_CLAUSE = 60
# ", thereby shutting down X", ", allowing T cells to …": a clause that opens with a result
# (a present participle, "thereby", "which") says what the clause before brings about, and the
# clause before says how.
_PARTICIPLE = re.compile(r"(thereby|thus|which|[a-z]{3,}ing)\b")
# "…, by/via/through Y": the means is the next clause.
_MEANS = re.compile(r"(by|via|through)\b")


def explaining_clause(text: str, prof: Profile, vocab: Vocabulary) -> tuple[int, int]:
    """The clause that best matches the question's terms; short sentences stay whole."""
    parts = clauses(text)
    whole = strip_citation(text, 0, len(text))
    if len(parts) <= 1 or whole[1] - whole[0] <= _WHOLE_BELOW or prof.kind == "yesno":
        # A yes/no question is settled by the whole statement, its "but …" and "; … not yet"
        # included.
        return whole
    # "Where does A act, as opposed to B?": the clause about A answers, the one about B does not.
    contrast = {t for m in _CONTRAST.finditer(prof.text) for t in tokenize(m[1] or m[2])}
    q = set(tokenize(prof.text)) - contrast
    contrast -= set(tokenize(_CONTRAST.sub(" ", prof.text)))

    def overlap(span: tuple[int, int]) -> float:
        toks = set(tokenize(text[span[0] : span[1]]))
        said = sum(vocab.idf.get(t, vocab.default_idf) for t in q & toks)
        return said - sum(vocab.idf.get(t, vocab.default_idf) for t in contrast & toks)

    scores = [overlap(p) for p in parts]
    i = max(range(len(parts)), key=lambda k: (scores[k], -k))
    s, e = parts[i]
    if i + 1 < len(parts) and text[s : parts[i + 1][0]].rstrip().endswith(":"):
        # "Three paradigms define X: (i) …; (ii) …": what the clause announces follows it.
        return parts[i + 1][0], whole[1]
    first = i  # the clause the answer opens with
    if prof.kind == "mechanism" and i > 0 and _PARTICIPLE.match(text, s):
        first = i - 1
    elif (
        (prof.kind in STATEMENT or prof.kind == "fact")
        and i + 1 < len(parts)
        and (e - s < _SHORT_CLAUSE or _MEANS.match(text, parts[i + 1][0]))
    ):
        e = parts[i + 1][1]
    if first == i > 0 and e == parts[i][1] and _restates(set(tokenize(text[s:e])), q):
        # A clause in the question's own words ("…: “quiet” zeta blockade, in short" for "what
        # is meant by quiet zeta blockade?") names what is asked; the clause before says it.
        first = i - 1
    while first > 0 and _RELATIVE.match(text, parts[first][0]):
        first -= 1  # ", which …" says nothing without what it is said of
    if ASKS_WHY.match(prof.text) and not _BECAUSE.search(text, parts[first][0], e):
        # "Why is X used sparingly?": the reason the sentence gives after the clause that
        # names X ("…, which should be used sparingly because of A, B, and C") is the answer's,
        # up to where the sentence turns to something else ("; …", ", whereas …").
        cause = _BECAUSE.search(text, e, whole[1]) or _result_after(text, e, whole[1])
        if cause is not None:
            turn = _TURN.search(text, cause.end(), whole[1])
            e = turn.start() if turn is not None else whole[1]
    return parts[first][0], e


# A clause restates the question when no more than this share of its words are new to it: one
# word in four leaves room for the verb or noun that ties the term on ("called", "in short").
_RESTATED = 0.25


def _restates(clause: set[str], question: set[str]) -> bool:
    """Whether a clause's words are nearly all the question's own."""
    return bool(clause) and len(clause - question) <= _RESTATED * len(clause)


# The words that give a reason outright: "because (of)", "due to", "owing to", "as a result
# of" (narrower than `shapes`' causal words, which also take "reflects", "since", "explains").
_BECAUSE = re.compile(r"\b(?:because|due to|owing to|as a result of|on account of)\b", re.I)
# What doing the thing asked brings about, said next and referring back to it ("X must never
# be done first; doing so … results in Y"): the reason against doing it, or for it.
_REFERS_BACK = re.compile(r"\s*[;,]?\s*(?:doing so|this|that|which|it)\b", re.I)
_RESULTS_IN = re.compile(r"\b(?:results?\s+in|resulting\s+in|leads?\s+to|leading\s+to)\b", re.I)


def _result_after(text: str, start: int, end: int) -> re.Match[str] | None:
    """What the clause just after `start` says results, when it refers back to the one before;
    not past where the sentence turns again."""
    back = _REFERS_BACK.match(text, start, end)
    if back is None:
        return None
    turn = _TURN.search(text, back.end(), end)
    return _RESULTS_IN.search(text, back.end(), turn.start() if turn is not None else end)


# Where a sentence turns from the reason to another subject.
_TURN = re.compile(r";|,?\s+(?:whereas|while|but|although|however)\b", re.I)


# What a question sets its subject against, to the next comma or the end: "…, as opposed to B",
# "unlike B, …", "in contrast to B's role", "… that B does not".
_CONTRAST = re.compile(
    r"\b(?:as opposed to|in contrast (?:to|with)|unlike|rather than)\s+([^,;?]+)"
    # "What does A do that B doesn't?", the question ending on it
    r"|\bthat\s+([^,;?]+?)\s+(?:does not|doesn't|do not|don't|did not|didn't|cannot|can't)"
    r"(?:\s+do)?\s*\?*\s*$",
    re.I,
)
_RELATIVE = re.compile(r"(?:which|who|whom|whose)\b", re.I)
_REFERENCE = re.compile(r"\s*\(\d+(?:\s*[–-]\s*\d+)?(?:,\s*\d+(?:\s*[–-]\s*\d+)?)*\)")
# "defined as", "characterized by", "refers to": what follows delimits the term.
_PASSIVE_DEFINED = re.compile(r"\s*(?:is|are|was|were)\s+defined\s+as\b", re.I)
_DEFINED = re.compile(
    r"\b(?:was |were |is |are )?(?:defined|characteri[sz]ed)\s+(?:as|by)\s+|\brefers?\s+to\s+",
    re.I,
)
_DELIMITING = re.compile(
    r"\(([^()]*?(?:[≥≤<>]|\b(?:more|fewer|less|greater) than\b|\bor (?:more|fewer|less)\b|"
    r"\bwithin\b)[^()]*)\)",
    re.I,
)


def defining_span(
    text: str, *, criteria: bool = True, asked: frozenset[str] = frozenset()
) -> tuple[int, int] | None:
    """Where a sentence delimits a term: what follows "defined as" to the end of its clause,
    or, when that is only the term asked (`asked`: the question's stems), what the sentence
    says is defined so ("Lesions distal to the verge are defined as zetal cancers"); else
    (with `criteria`) a bracketed criterion ("marker-high (≥5 units per sample)"); None if
    neither."""
    m = _DEFINED.search(text)
    if m is not None:
        end = next((e for s, e in clauses(text) if s <= m.end() < e), len(text))
        cited = _REFERENCE.search(text, m.end(), end)
        end = cited.start() if cited else end  # a reference closes the claim it supports
        s, e = strip_citation(text, m.end(), end)
        while e > s and text[e - 1] == ")" and text.count("(", s, e) < text.count(")", s, e):
            e -= 1  # "(central tumors, defined as within 2 cm of …)": the bracket is not ours
        if asked and _PASSIVE_DEFINED.match(text[m.start() :]):
            # "<what> are defined as <term>": what is defined so answers when the term is the
            # one asked; a sentence that shares no word with the question on either side
            # defines another term ("High expression was defined as …" keeps its definition).
            term = set(tokenize(text[s:e].rstrip(".")))
            if term and term <= asked:
                return strip_citation(text, 0, m.start())
            if not (term | set(tokenize(text[: m.start()]))) & asked:
                return None
        if e > s:
            return s, e
    bracket = _DELIMITING.search(text) if criteria else None
    if bracket is not None:
        return bracket.start(1), bracket.end(1)
    return None


def genus_definition(text: str, asked: AbstractSet[str]) -> tuple[int, int] | None:
    """Where a sentence that opens with the asked term says what it is by its class and what
    sets it apart ("Interval zentomas are zentomas that are diagnosed …"): the class and its
    clause; None unless every content word of the sentence's subject is among `asked` (stems)
    and the sentence has that shape."""
    m = _GENUS.match(text)
    if m is None:
        return None
    subject = set(tokenize(m.group(1)))
    if not subject or not subject <= asked:
        return None
    end = next((e for s, e in clauses(text) if s <= m.start(2) < e), len(text))
    s, e = strip_citation(text, m.start(2), end)
    return (s, e) if e > s else None


# "<Term> is/are <a class> that/which/who …": a definition by class and difference.
_GENUS = re.compile(
    r"((?:[A-Za-z][\w-]*\s+){0,3}[A-Za-z][\w-]*)\s+(?:is|are)\s+"
    r"((?:an?\s+|the\s+)?(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*\s+(?:that|which|who|whose|in which)\b)"
)


# What a text says a thing is: "X (alias) is a/an …", "Long name (X) is a/an …", "X, a/an …,",
# also as it is taken to be ("X is considered to be a …", "X is not well-defined, but is
# regarded as a …").
_TAKEN_AS = r"(?:(?:considered|thought|believed)\s+to\s+be\s+|(?:regarded|considered)\s+as\s+)"
_COPULA = (
    r"\)?(?:\s*\([^()]*\))?\s+(?:is|was|are|were)\s+"
    # "… is not well-defined, but is considered to be …": only before what it is taken to be.
    rf"(?:not\s[^,.;()]{{1,30}},\s+but\s+(?:is\s+|are\s+)?(?={_TAKEN_AS}))?"
    rf"(?:(?:also|often|generally|usually|now|widely)\s+)?{_TAKEN_AS}?"
    r"((?:a|an|the)\s)"
)
_APPOSITIVE = r",\s+((?:a|an)\s)"
# What heads a setting, not a description, before a name between commas ("In the ZETA-3 trial,
# zentamab, …", "after the first cycle, …").
_SETTING_HEADS = re.compile(
    r"\b(?:trials?|stud(?:y|ies)|cycles?|courses?|years?|months?|weeks?|days?|analys[ie]s|"
    r"arms?|groups?|cohorts?|phases?)$",
    re.I,
)
# A noun phrase of up to four words set before a name it describes ("the RNA zetase, ZQX41,").
_BEFORE_NAME = r"(?:[\w-]+\s+){0,3}[\w-]+"
# "… versus ZETA (zetamab, cisplatin, and 5-FU for up to six cycles)": what a name stands for,
# in brackets just after it: a list of its parts (a comma or "and"/"plus" between words), in
# words that open in lower case (not a code, a figure's label, nor a clause or examples).
_BRACKETED = (
    r"\s*\(((?!(?:which|who|that|see|e\.g|i\.e|including|such|respectively|hazard|odds|"
    r"risk|median|mean|range|n|p)\b)(?-i:[a-z])[^()=;]{0,200}?(?:,|\sand\s|\splus\s)[^()=;]{0,200})\)"
)


def describing_span(text: str, names: tuple[str, ...]) -> tuple[int, int] | None:
    """What the sentence says one of `names` is: the noun phrase after "<name> is a/an" or
    "<name>, a/an", to the end of its clause, or what it holds in brackets just after it
    ("<name> (A, B, and C)"); failing those, the noun phrase set before it between commas ("the
    RNA zetase, ZQX41, …"); None if it says none of these."""
    for name in names:
        for pattern in (_COPULA, _APPOSITIVE, _BRACKETED):
            m = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-]){pattern}", text, re.I)
            if m is None:
                continue
            start = m.start(1)
            end = next((e for s, e in clauses(text) if s <= start < e), len(text))
            if pattern is _APPOSITIVE:
                comma = text.find(",", start)
                end = comma if 0 <= comma < end else end
            elif pattern is _BRACKETED:
                end = m.end(1)
            s, e = strip_citation(text, start, end)
            if e > s:
                return s, e
    for name in names:
        # "… variants in the RNA zetase, ZQX41, are …": the phrase set before the name, between
        # commas, when the sentence says nothing else of what it is (not "in the ZETA-3 trial,
        # zentamab, …", a setting).
        before = re.search(
            rf"\b(?:the|an?)\s+({_BEFORE_NAME}),\s+[*_]*{re.escape(name)}[*_]*\s*,", text, re.I
        )
        if before is not None and not _SETTING_HEADS.search(before.group(1)):
            return before.span(1)
    return None
