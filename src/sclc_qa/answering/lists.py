"""The items of the list a sentence introduces ("Treatment options include:"), for the
extractors that answer with a list's items or with the figures its items state."""

from __future__ import annotations

import re

from ..blocks import leads_in, opens_item
from ..domain import domain
from ..index import Index
from ..lexical import tokenize
from ..mentions import named_tokens
from ..question import Profile
from ..vocabulary import Vocabulary
from .name_lists import counted_run
from .shapes import draws_consequence, gives_reason

__all__ = ["answer", "counted_list", "introduces_list", "list_items"]

# Sentences of a list read as one answer, at most: a long list is cited from its start.
_MAX_ITEMS = 12
# How deep a last item's own list is followed ("Evidence:" → "1. A trial reported:" → "- …").
_NESTING = 2
_MAX_ITEM_CHARS = 150  # an enumerated option, feature or symptom is a phrase or one sentence
# How many things a question asks for: "what four biases …", "which 3 drugs …".
_COUNTS = {w: n for w, n in domain().number_words.items() if n > 1}
_ASKED_COUNT = re.compile(rf"\b(?:what|which|the|name|list)\s+({'|'.join(_COUNTS)}|[2-9])\b", re.I)
# The bold label a list item's first sentence opens with ("Zeta bias**: …").
_LABEL = re.compile(r"[^*\n]{1,60}\*\*\s*:")
# A short head of a few words, then its gloss in brackets or after a colon: "Stable disease
# (i.e., …)", "Oncological emergencies: …".
_HEADED = re.compile(r"\s*(?:\d+[.)]\s*)?[A-Z][\w-]*(?:\s+[\w-]+){0,4}\s*(?:\(|:)")


def introduces_list(index: Index, sid: int) -> bool:
    """Whether sentence `sid` introduces a list: it ends with a colon, as a reader sees it."""
    return leads_in(index.sentences[sid])


def list_items(index: Index, vocab: Vocabulary, sid: int) -> list[int]:
    """The sentences of the list that sentence `sid` introduces; [] when it introduces none, or
    a list of paragraphs (a trial's evidence) rather than an enumeration."""
    if not introduces_list(index, sid):
        return []
    sents = index.sentences
    items = []
    for k in range(sid + 1, min(len(sents), sid + _MAX_ITEMS)):
        lead = vocab.lead_in[k]
        if not lead or lead[0] != sid:
            break
        items.append(k)
    long = [k for k in items if len(sents[k].display or sents[k].text) > _MAX_ITEM_CHARS]
    if long and not _labelled(index, items, long):
        return []
    return items


def counted_list(
    index: Index, vocab: Vocabulary, prof: Profile, sids: list[int]
) -> tuple[int, int, int] | None:
    """For a question that says how many it asks ("what four biases …?"), the first of `sids`
    (candidates, best first) that introduces, or is an item of, a list that names the asked
    class and has that many items, or that states a run of that many after the count and the
    class in its own words: (its first item or the sentence, start, end) of its items. None
    otherwise."""
    asked = _ASKED_COUNT.search(prof.text)
    if asked is None or not prof.plural or not prof.target:
        return None
    count = _COUNTS.get(asked.group(1).lower()) or int(asked.group(1))
    words = "|".join([str(count), *(w for w, n in _COUNTS.items() if n == count)])
    for sid in sids:
        sent = index.sentences[sid]
        inline = counted_run(sent.text, count, words, prof.target)
        if inline is not None:
            # "… includes three major disorders: A, B, and C": the run its own words count.
            return sid, sent.start + inline[0], sent.start + inline[1]
        lead = sid if introduces_list(index, sid) else next(iter(vocab.lead_in[sid]), None)
        if lead is None or not _introduces_asked(index, vocab, prof, lead):
            continue
        items = list_items(index, vocab, lead)
        if items and len(_item_starts(index, items)) == count:
            return items[0], index.sentences[items[0]].start, index.sentences[items[-1]].end
    return None


def _item_starts(index: Index, items: list[int]) -> list[int]:
    """The sentences of `items` that open a list item (the rest go on with one)."""
    sents = index.sentences
    text = index.documents[sents[items[0]].doc].text
    return [k for k in items if opens_item(text, sents[k].start)]


def _labelled(index: Index, items: list[int], long: list[int]) -> bool:
    """Whether a list of several items is an enumeration of named things, however long some
    items' descriptions run: each long one opens with a label, bold ("1. **Zeta bias**: …") or
    a short head its gloss follows ("1. Stable disease (i.e., disease that …).")."""
    starts = _item_starts(index, items)
    sents = index.sentences
    return len(starts) > 1 and all(
        _LABEL.match(sents[k].text) or _HEADED.match(sents[k].display or sents[k].text)
        for k in starts
        if k in long
    )


def answer(index: Index, vocab: Vocabulary, prof: Profile, sid: int) -> tuple[int, int, int] | None:
    """(sentence id or -1, start, end) of the answer a list gives: a sentence `sid` that
    introduces a list ("Treatment options include:"), or is followed in its paragraph by one
    that does, is answered by the list's items, cited together as one span of its section."""
    nxt = sid + 1
    lead = vocab.lead_in[sid]
    if (
        prof.plural
        and lead
        and (
            _introduces_asked(index, vocab, prof, lead[0])
            or (not prof.target and introduces_list(index, lead[0]))
        )
    ):
        # One item of a list whose lead-in names what is asked ("Typical signs include:"
        # for "which signs …?"), or of any list when several things of no named class are
        # asked ("what are the supposed gains of X?"): the answer is the whole list.
        sid = lead[0]
    elif (
        not introduces_list(index, sid)
        # A sentence that gives the reason asked, or draws a consequence from the one before
        # it, answers a why, not a list after it.
        and not gives_reason(prof.text, index.sentences[sid].text)
        and not draws_consequence(prof.text, index.sentences[sid].text)
        and nxt < len(index.sentences)
        and sid in vocab.prev[nxt]
        and introduces_list(index, nxt)
        # A lead-in that turns to a name the question does not ask ("The Varo checklist
        # scores these items:" after a sentence that answers) lists its own things.
        and not _turns_to_another(prof, index.sentences[nxt].text)
    ):
        sid = nxt
    items = list_items(index, vocab, sid)
    if not items:
        nxt = sid + 1
        if (
            introduces_list(index, sid)
            and prof.kind != "entity"  # a name asked for is sought in the sentence itself
            and nxt < len(index.sentences)
            and sid in vocab.prev[nxt]
        ):
            # "Three paradigms define X: (i) …": what the sentence announces comes next.
            after = index.sentences[nxt]
            return nxt, after.start, after.end
        return None
    end = items[-1]
    for _ in range(_NESTING):
        nested = list_items(index, vocab, end)
        if not nested:
            break
        end = nested[-1]  # a last item that leads into a list of its own brings its items
    first, last = index.sentences[items[0]], index.sentences[end]
    return -1, first.start, last.end


# A name that points elsewhere in the document rather than naming a subject: "(see Table 2)".
_POINTER = re.compile(r"(?:Table|Figure|Fig|Section|Box)\b")


def _turns_to_another(prof: Profile, lead_in: str) -> bool:
    """Whether a list's lead-in names something (a score, a drug, a trial) that the question
    neither names nor words, in full or in the short form it is read with."""
    asked = set(tokenize(" ".join((prof.text, *prof.aliases))))
    return any(
        not set(tokenize(name)) <= asked
        for name in named_tokens(lead_in)
        if not _POINTER.match(name)
    )


def _introduces_asked(index: Index, vocab: Vocabulary, prof: Profile, sid: int) -> bool:
    """Whether sentence `sid` introduces a list and names the class the question asks for
    several of."""
    asked = set(tokenize(prof.target)) if prof.target else set()
    return bool(asked) and introduces_list(index, sid) and asked <= vocab.tokens[sid]
