"""What a question names that no document uses, so no passage can answer it: a class of things
("which comet …?"), a condition ("… in zentocytoma?"), a group of patients ("… on
zentalysis?"). Each is an abstention that names the word, decided before any passage is weighed.
"""

from __future__ import annotations

import re
from itertools import takewhile

from ..domain import domain
from ..lexical import STOPWORDS, tokenize
from ..question import ENDPOINTS, Profile
from ..vocabulary import Vocabulary
from .aliases import asks_alias
from .kinds import TYPED
from .per_index import per_index
from .populations import group_phrases

__all__ = [
    "DISEASE_WORD",
    "people_word",
    "readable_word",
    "unheard_class",
    "unheard_condition",
    "unheard_group",
    "unheard_object",
    "unheard_owner",
    "unheard_quantity",
    "unheard_site",
    "unheard_treatment",
    "unheard_word",
]

# Words that head a which/what phrase without naming a class of things: "what kind of …",
# "which is likelier …", "what precisely …", "what became of …".
# Words for a kind of thing rather than a class of named things ("which habits", "what
# features"): a document lists the members without the word.
_NOT_A_CLASS = re.compile(
    r"(?:kind|type|sort|class|form|one|thing|habit|behaviou?r|practice|trait|factor|feature|"
    r"characteristic|aspect|piece|part|portion|component|element|constituent|"
    # … and for when something holds: "in which situations …" is answered by a list of them
    r"situation|circumstance|scenario|setting|context)s?|"
    # … and a comparative, which asks which one ("which is higher, A or B?")
    r"(?:high|low|great|larg|small|long|short|bigg|wid|old|young|strong|weak|fast|slow)er|"
    r"better|worse|more|less|fewer|"
    r"propert(?:y|ies)|\w+(?:ly|ed|ier|est|ing)"
)
# "Which is more common …?": which one, compared; no class.
_WHICH_IS_MORE = re.compile(r"\s*which\s+(?:is|are|was|were)\s+(?:more|less|most|least)\b", re.I)
# "What is the freezing point of X?": a property of X, its kind named by the word before it.
_PROPERTY = re.compile(
    r"\s*(?:what|which)\s+(?:is|was|are|were)\s+(?:the|an?)\s+([a-z]+)\s+([a-z]+)\s+(?:of|for|in)\b",
    re.I,
)
# Other spellings of a word, tried before deciding no document uses it ("tumour" → "tumor").
_SPELLINGS = (("our", "or"), ("oe", "e"), ("ae", "e"), ("ise", "ize"))


def unheard_class(prof: Profile, vocab: Vocabulary, route: frozenset[str] | None = None) -> str:
    """What a question asks for when no document uses its word: the class of a which/what
    question ("which comet …?"), or the kind of a property asked of something ("what is the
    freezing point of X?": a point, but a freezing one). No passage can state one. "" when the
    documents use the word, when the class is one the entity step knows by its members (drugs,
    trials, companies, …, written in their own words), or when the phrase's head is not a class
    noun at all, or when another name is asked ("X, also known as which CD molecule?": the
    text names it, whatever class word the question uses). A question `route`d to some
    documents (it names a disease only their titles name) asks a class those must write."""
    if asks_alias(prof.text):
        return ""
    prop = _PROPERTY.match(prof.text)
    if prop is not None:
        modifier, head = prop.group(1).lower(), prop.group(2).lower()
        # "Freezing" may name a kind of point, though no class is named in -ing; it is
        # unheard unless written as it is, or as its verb ("dose" for "dosing"): a stem
        # written only in another form ("frozen") shares its letters, not its sense.
        gerund = modifier.endswith("ing")
        verb = modifier[:-3]
        unheard = (
            not any(vocab.writes_as_is(w) for w in (modifier, verb, verb + "e", verb + "s"))
            if gerund
            else not _used(modifier, vocab)
        )
        if (_plain_word(modifier) or gerund) and unheard and _used(head, vocab):
            return f"{modifier} {head}"
    words = prof.asked_about.split()
    target = prof.target
    if (
        prof.kind != "entity"
        or not words
        or not _plain_word(target)
        or _NOT_A_CLASS.fullmatch(words[-1].lower())
        or _WHICH_IS_MORE.match(prof.text)
        # "Which structures does X invade?" asks for parts of the body, named by no class word
        # (not "which bridge structures …", a class the word before names).
        or [w.lower() for w in words] in (["structure"], ["structures"])
        or domain().entity_class(target) is not None
    ):
        return ""
    # "Which cluster …?" where the text writes "subtype": a word for the same kind of grouping.
    kindred = domain().kindred(target)
    if not (_used(target, vocab) or any(_used(w, vocab) for w in kindred)):
        return target
    said = (target, words[-1], *kindred)  # "classes" asks a "classe" by its plain singular
    if route and not any(
        vocab.writes(spelled, doc) for w in said for spelled in _spellings(w) for doc in route
    ):
        return target
    # "Which football club …?": a kind of the class named by a plain word no document uses
    # (in a phrase of plain words only: a name, a possessive or a stray verb says the phrase
    # is read otherwise).
    if not all((w.islower() and _plain_word(w)) or _plain_compound(w) for w in words):
        return ""
    unused = next((w for w in words[:-1] if not _used_whole(w, vocab)), None)
    return f"{unused} {words[-1]}" if unused else ""


def _plain_compound(word: str) -> bool:
    """A hyphenated word of plain lower-case parts ("gluten-free")."""
    parts = word.split("-")
    return len(parts) > 1 and all(p.isalpha() and p.islower() for p in parts)


def _used_whole(word: str, vocab: Vocabulary) -> bool:
    """Whether the documents use `word`; a compound only if they use each of its longer parts
    ("gluten-free" is unheard where "gluten" is, however often "free" is written)."""
    if not _plain_compound(word):
        return _used(word, vocab)
    return _used(word, vocab) or all(
        _used(p, vocab) for p in word.split("-") if len(p) >= _SHORTEST_UNHEARD - 1
    )


# A disease's or condition's name by its ending: "-oma", "-emia", "-itis", "-osis".
DISEASE_WORD = re.compile(r"\b[a-z]{3,}(?:omas?|a?emias?|itis|osis)\b")


# A disease named by its organ's adjective: "zentic cancer", "zental adenocarcinoma".
_ORGAN_DISEASE = re.compile(
    r"\b([a-z]{3,}(?:ic|al|ar|ary|ian|ine))\s+(?:cancers?|carcinomas?|tumou?rs?|neoplasms?|"
    r"malignanc(?:y|ies)|[a-z]{3,}omas?)\b"
)


def unheard_condition(prof: Profile, vocab: Vocabulary) -> str:
    """A disease or condition the question names ("… in zentocytoma?", "… cause
    zentitis?", "… for zentic cancer?") that no document uses: no passage reports on it. ""
    when none."""
    text = prof.text.lower()
    for m in DISEASE_WORD.finditer(text):
        if not _used(m.group(), vocab):
            return m.group()
    for m in _ORGAN_DISEASE.finditer(text):
        if _may_be_unheard(m.group(1), _SHORTEST_UNHEARD) and not _heard(m.group(1), vocab):
            return m.group()
    return ""


# An auxiliary just before a group of people makes them the subject of an inverted question.
_AUXILIARY_BEFORE = re.compile(
    r"\b(?:should|can|could|must|do|does|did|will|would|may|might)\s+$", re.I
)


def unheard_group(prof: Profile, vocab: Vocabulary) -> str:
    """A group the question narrows to by a plain word no document uses, in any spelling,
    alone or inside a hyphenated word ("… for patients on zentalysis?"): no passage reports on
    it. "" when none. Only a group said in a few words is read (a longer capture runs into the
    question's verb), and short words are left out (a question's own shorthand, "mets", is
    often a text's longer word), as are names, adverbs and the words for people."""
    for phrase, who in group_phrases(prof.text):
        words = who.split()
        at = prof.text.find(phrase)
        if _AUXILIARY_BEFORE.search(prof.text, 0, at) and prof.text[at + len(phrase) :].startswith(
            "?"
        ):
            # "How much fluid should patients on zentamab drink?": the subject of an inverted
            # question, its verb last.
            words = words[:-1]
        if len(words) > _GROUP_WORDS_READ:
            continue
        # Plain words only: a marked one ("ZRK2-mutant") may be the text's by another word.
        plain = [w for w in (w.strip(".,()") for w in words) if re.fullmatch(r"[a-z]+", w)]
        unheard = [
            w for w in plain if _may_be_unheard(w, _SHORTEST_UNHEARD) and not w.startswith(_PEOPLE)
        ]
        if any(not _heard(w, vocab) for w in unheard):
            return phrase
    return ""


# "How much zentol can …?", "how many zentoids were …?": what is measured or counted, the words
# between "how much / many" and the verb that follows them.
_MEASURED = re.compile(
    r"\bhow\s+(?:much|many)\s+((?:[A-Za-z][\w-]*\s+){1,4}?)(?=(?:can|could|should|would|will|"
    r"may|might|must|do|does|did|is|are|was|were|has|have|had)\b)",
    re.I,
)


def unheard_quantity(prof: Profile, vocab: Vocabulary) -> str:
    """What a how-much or how-many question measures or counts, when no document uses any of
    its words in any spelling ("how much zentol can I take?"): no passage states an amount of
    it. "" when none; people, comparatives and words of amount ("how many adults", "how much
    longer", "how much extra survival") are never it."""
    for m in _MEASURED.finditer(prof.text):
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", m.group(1))]
        if any(w.startswith(_PEOPLE) for w in words) or words[0] in ("more", "less"):
            # A count of people, whatever words the question uses for them; a comparison
            # ("how much more frequent …"), whatever it compares.
            continue
        read = [
            w
            for w in words
            # "How much more tightly": an adverb says how, not what.
            if _may_be_unheard(w, 3) and not w.endswith(_COMPARATIVE) and w not in _AMOUNT_WORDS
        ]
        if (
            read
            and any(len(w) >= _SHORTEST_UNHEARD for w in read)
            and not any(_heard(w, vocab) for w in read)
        ):
            return m.group(1).strip()
    return ""


# "Should I take zentol …?", "Is it safe to get the quellpox vaccine …?", "Does smoking zentweed
# raise the risk …?": a question of what to do or what a habit does, and what it would take,
# get, use, avoid, eat, drink, smoke or apply (the object, to three words, read ahead so that a
# verb inside it is read too: "patients taking zentamab avoid quellfruit").
_ADVICE = re.compile(
    r"^\s*(?:should|is\s+it\s+(?:safe|ok|okay|wise|advisable)|can|could|may|must|do|does|is|"
    r"are)\b",
    re.I,
)
_TAKEN = re.compile(
    r"\b(?:get|gets|getting|take|takes|taking|receive|receives|receiving|use|using|avoid|"
    r"avoiding|drink|drinking|eat|eating|try|trying|start|starting|smoke|smoking|chew|chewing|"
    r"wear|wearing|apply|applying)\s+(?:(?:an?|the|any|some|"
    r"their|his|her|my|your|more)\s+)?(?=((?:[a-z-]+\s+){0,2}[a-z-]+))",
    re.I,
)


def unheard_object(prof: Profile, vocab: Vocabulary) -> str:
    """What a question of what to do would have patients take, get, use, avoid, eat or drink,
    when the object's first word is a plain word no document uses, in any spelling ("should
    they get the quellpox vaccine?", "can I drink zentol?"): no passage advises on it. "" when
    none, or when the question asks no advice. Only the object's first word is read: what
    follows may be the question's own verb ("does using X worsen …?")."""
    if not _ADVICE.match(prof.text):
        return ""
    for m in _TAKEN.finditer(prof.text):
        words = re.findall(r"[a-z]+", m.group(1).lower())
        if words and not words[0].startswith(_PEOPLE) and _unheard_plain(words[0], vocab):
            # The object's words, to the first that joins another clause ("grapefruit juice
            # while …").
            return " ".join(takewhile(lambda w: w not in STOPWORDS, words))
    return ""


# What a figure asked is of, closing the question: "… the response score of quellwater?", "the
# median OS of quellbirds?" (to three words, the last its head).
_OWNER = re.compile(
    r"\bof\s+(?:(?:the|a|an|some)\s+)?((?:[a-z-]+\s+){0,2}([a-z]+))\s*\?*\s*$", re.I
)


def unheard_owner(prof: Profile, vocab: Vocabulary) -> str:
    """What a question asks a figure of, when it closes the question and its head is a plain
    word no document uses, in any spelling ("… the tumour proportion score of quellwater?"): no
    passage gives a figure for it. "" when none, or when the question asks no figure."""
    if prof.kind not in TYPED:
        return ""
    m = _OWNER.search(prof.text)
    if m is None or not _unheard_plain(m.group(2).lower(), vocab):
        return ""
    words = [w for w in m.group(1).lower().split() if len(w) >= _SHORTEST_UNHEARD]
    if not all(_unheard_plain(w, vocab) for w in words):
        return ""  # "… of zentamab today?": a known owner, and a word that says when
    # "… and duration of response?": the words close an endpoint's name, not its owner.
    if any(
        e.start() <= m.start() < e.end() for p in ENDPOINTS.values() for e in p.finditer(prof.text)
    ):
        return ""
    return m.group(1).lower()


# "… to zentopathic treatment?", "… with zentral remedies?": a kind of treatment by its word,
# in the one or two words before its noun ("quellothermic intrazental chemotherapy").
_TREATMENT = re.compile(
    r"\b([a-z]+(?:\s+[a-z]+)?)\s+(?:treatments?|(chemo|radio|immuno)?therap(?:y|ies)|"
    r"remed(?:y|ies)|regimens?|diets?|supplements?|medicines?|medications?)\b",
    re.I,
)


def unheard_treatment(prof: Profile, vocab: Vocabulary) -> str:
    """A kind of treatment the question names by a plain word no document uses, in any
    spelling ("which subtype responds best to zentopathic treatment?"): no passage reports
    on it. "" when none."""
    for m in _TREATMENT.finditer(prof.text):
        start = m.start()
        words = m[1].lower().split()
        if _THERAPY_WORD.search(words[-1]):
            # "a zentotherapy regimen": the treatment itself, not a kind of it; the words
            # before it say its kind ("a quellothermic zentotherapy regimen").
            words = words[:-1]
            if not words:
                continue
        if len(words) == 2 and not all(map(_ADJECTIVE.search, words)):
            # "scans before treatment", "frame combination therapy": only a run of
            # adjectives ("quellothermic intrazental") says what kind the treatment is.
            start, words = m.end(1) - len(words[1]), words[1:]
        if m.group(2) and not all(map(_ADJECTIVE.search, words)):
            continue  # "… scans precede chemotherapy": a verb, not a kind of chemotherapy
        # A run of two is unheard only as a whole ("typical adjuvant therapy" is adjuvant).
        if all(_unheard_plain(w, vocab) for w in words):
            return prof.text[start : m.end()].lower()
    return ""


# A treatment's own name written as one word: "radiotherapy", "phototherapies".
_THERAPY_WORD = re.compile(r"\w{3,}therap(?:y|ies)$")
# The endings of an adjective: "quellothermic", "intrazental", "adoptive", "cutaneous".
_ADJECTIVE = re.compile(r"(?:ic|al|ive|ous|ary|ar|ant|ent|ible|able)$")


def readable_word(word: str) -> bool:
    """A plain word of a question, long enough to be read for whether any document uses it:
    no stopword, adverb, participle or verb ("… versus quellpuncture tested")."""
    return _may_be_unheard(word, _SHORTEST_UNHEARD) and _plain_word(word)


def unheard_word(word: str, vocab: Vocabulary) -> bool:
    """Whether no document uses `word` in any spelling, nor begins with it ("chemo":
    "chemotherapy"), nor writes a long term (six letters or more) it only adds an ending to
    ("quellplatin" in "quellplatinum")."""
    if _heard(word, vocab):
        return False
    return not any(
        t.startswith(stem)
        or (len(t) >= _LONG_TERM and stem.startswith(t) and len(stem) - len(t) <= _ENDING)
        for stem in _spelled(word)
        for t in vocab.idf
    )


def people_word(word: str) -> bool:
    """Whether `word` names people rather than a thing: "women", "patients", "someone"."""
    return word in _SOMEONE or word.startswith(_PEOPLE)


# The fewest letters of a document's term that a longer word of the question may begin with,
# and the most letters of an ending it may add ("quellplatinum"; not "zentamabine").
_LONG_TERM = 6
_ENDING = 2


# Where a growth stands: "a tumour in the left zentacle", "metastases to the zentum".
_SITE = re.compile(
    r"\b(?:tumou?rs?|cancers?|[a-z]+omas?|lesions?|metastas[ie]s|masse?s?|nodules?|growths?)\s+"
    # Not a verb after "to" ("for a tumour to count as …", "a lesion to reach the skin"): a
    # site is followed by no object.
    r"(?:in|on|of|at|near|inside|within|to(?!\s+[a-z]+\s+(?:as|an?|the|its|their|any)\b))\s+"
    r"(?:the\s+|an?\s+)?(?:(?:left|right|upper|lower|inner|outer)\s+)?([a-z]+)\b",
    re.I,
)


def unheard_site(prof: Profile, vocab: Vocabulary) -> str:
    """A body site the question puts a growth in by a plain word no document uses, in any
    spelling ("… a tumour in the left zentacle?"): no passage stages or reports on it. ""
    when none."""
    found = _first_unheard(_SITE, prof.text, vocab)
    return found.group(1).lower() if found is not None else ""


def _first_unheard(pattern: re.Pattern[str], text: str, vocab: Vocabulary) -> re.Match[str] | None:
    """The first match of `pattern` in `text` whose first group is a plain word no document
    uses, in any spelling."""
    return next((m for m in pattern.finditer(text) if _unheard_plain(m[1].lower(), vocab)), None)


def _unheard_plain(word: str, vocab: Vocabulary) -> bool:
    """A plain word of the question, long enough to be read, that no document uses in any
    spelling."""
    return (
        _plain_word(word) and _may_be_unheard(word, _SHORTEST_UNHEARD) and not _heard(word, vocab)
    )


# "How much stronger / longer …": a comparative measures nothing of its own.
_COMPARATIVE = ("er", "est")
# Words of amount that stand before what is measured: "how much extra survival".
_AMOUNT_WORDS = frozenset({"extra", "additional", "further"})


# A group said in at most this many words is read for words no document uses.
_GROUP_WORDS_READ = 3
# Words for people, which name no group of their own.
_PEOPLE = ("women", "men", "children", "adult", "people", "patient", "person")
# Words for anyone at all: "compared with someone who …", "versus those …".
_SOMEONE = frozenset(
    {"someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody", "others"}
)


def _may_be_unheard(word: str, shortest: int) -> bool:
    """A word of a question that is read for whether any document uses it: at least `shortest`
    letters, no stopword, no adverb ("-ly", or one of how often: it says how, and a text seldom
    words it so: "patients who always took the tablets" for "… took them 100% of the time")."""
    return (
        len(word) >= shortest
        and word not in STOPWORDS
        and not word.endswith("ly")
        and word not in _HOW_OFTEN
    )


_HOW_OFTEN = frozenset({"always", "never", "often", "seldom", "sometimes", "almost"})


def _heard(word: str, vocab: Vocabulary) -> bool:
    """Whether a document uses `word`, in any spelling, alone or inside a hyphenated word."""
    return any(t in vocab.idf or t in _hyphen_parts(vocab) for t in _spelled(word))


# The fewest letters of a group's word that may be called unheard.
_SHORTEST_UNHEARD = 5


@per_index
def _hyphen_parts(vocab: Vocabulary) -> frozenset[str]:
    """The terms inside the documents' hyphenated words ("extensive" in "extensive-stage"),
    worked out once per loaded index."""
    return frozenset(p for t in vocab.idf if "-" in t for p in tokenize(t.replace("-", " ")))


def _plain_word(word: str) -> bool:
    """A word that may name a class or kind: letters only, not a stopword, not an adverb or a
    participle ("precisely", "alleged")."""
    return (
        word.isalpha()
        and len(word) >= 4
        and word not in STOPWORDS
        and not _NOT_A_CLASS.fullmatch(word)
    )


def _used(word: str, vocab: Vocabulary) -> bool:
    """Whether any document uses `word`, in any of its spellings ("tumour", "tumor")."""
    return any(t in vocab.idf for t in _spelled(word))


def _spelled(word: str) -> set[str]:
    """The terms of `word` in each of its spellings ("tumour", "tumor")."""
    return {t for s in _spellings(word) for t in tokenize(s)}


def _spellings(word: str) -> set[str]:
    """`word` in each of its spellings ("tumour", "tumor"), and an adjective in "-ic" as the
    noun in "-ia" it is formed from, or the other way round ("zentemic": "zentemia")."""
    out = {word} | {word.replace(a, b) for a, b in _SPELLINGS}
    for spelled in list(out):  # "anaemic": "anemic", then "anaemia" and "anemia"
        for adjective, noun in _CONDITION_FORMS:
            if spelled.endswith(adjective):
                out.add(spelled[: -len(adjective)] + noun)
            elif spelled.endswith(noun):
                out.add(spelled[: -len(noun)] + adjective)
    return out


# A condition's adjective and its noun: "ischemic" and "ischemia".
_CONDITION_FORMS = (("ic", "ia"),)
