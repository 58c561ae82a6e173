"""Coordinated series in a sentence: "A, B, C, and D", the answer to "which features / what
treatments …?" when its items are plain phrases rather than names ("female sex, Asian
ethnicity, never-smoking status, and poor prognosis").

A series is read at one bracket depth: its commas and its closing "and"/"or" stand at the same
depth, so a bracket inside an item ("homeobox 3 (X3)") does not cut it, and a series inside
brackets ("factor (A, B and C), respectively") ends at its closing bracket.
"""

from __future__ import annotations

import re

__all__ = ["examples_of", "series", "series_items"]

# Items of a series are phrases, not clauses: longer than this, a comma-separated part is a
# clause of its own and the commas do not enumerate.
_ITEM_WORDS = 10
# What introduces the first item inside the part before the first comma: "include", "such
# as", "associated with", "exposure to", a colon.
_LEAD = re.compile(
    r"(?:\b(?:includ(?:e|es|ed|ing)|such as|namely|compris(?:e|es|ing)|are|were|is|was|with|"
    r"of|to|by|from|as|e\.g\.,?|i\.e\.,?)\s+|:\s+)",
    re.I,
)
# The part before the first comma may be the first item whole when it is this short.
_BARE_FIRST_WORDS = 4
# A part that is a clause, not an item: it has a finite verb ("the rate was 2%") or opens with
# a participle ("generating an effect").
_CLAUSE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might)\b|^[a-z]+ing\b", re.I
)
_CLOSING_VERB = re.compile(
    r"\s(?:that|which|who|whose|is|are|was|were|has|have|had|can|could|may|might|will|would|"
    r"should|must)\b"
)
# A short first part that sets the scene ("In 2020, …", "Recently, …", "Moreover, …") rather
# than naming an item.
_SETTING = re.compile(
    r"\s*(?:(?:in|on|at|by|for|after|before|during|from|with|since|when|while|now|here|thus|"
    r"however|moreover|furthermore|overall|finally|together|therefore|hence)\b|[A-Za-z]+ly\s*$"
    r"|so\s+far\b|to\s+date\b|as\s+yet\b|until\s+now\b)",
    re.I,
)
# A first part that sums up the series rather than being its first item.
_SUMMARY = re.compile(r"(?:the|these|those|both|all)\b", re.I)
_CONJUNCTION = re.compile(r"(?:^|\s)(?:and|or|and/or)\s", re.I)


def series(text: str, *, least: int = 3) -> list[tuple[int, int]]:
    """Spans of the coordinated series in `text` with at least `least` items, first to last
    item (a lead-in, "include", is left out)."""
    depth_at, commas = _depths(text)
    out = []
    for depth in sorted({depth_at[c] for c in commas}):
        at = [c for c in commas if depth_at[c] == depth]
        for run in _runs(text, at, depth_at, depth):
            found = _read(text, run, depth_at, depth, least)
            if found is not None:
                out.append(found)
    return out


# What separates the items of a series at its own bracket depth.
_SEPARATOR = re.compile(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def series_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of the series at `text[start:end]` (one `series` found), split where a
    separator stands at the series' own depth (a bracket inside an item, "homeobox 3 (X3)",
    does not split it)."""
    depth_at, _ = _depths(text)
    out, item, k = [], start, start
    while k < end:
        sep = _SEPARATOR.match(text, k) if depth_at[k] == depth_at[start] else None
        if sep is not None and sep.end() <= end:
            out.append((item, k))
            item = k = sep.end()
            continue
        k += 1
    out.append((item, end))
    return [(a, b) for a, b in out if b > a]


def _depths(text: str) -> tuple[list[int], list[int]]:
    """Each character's bracket depth, and where the commas that separate (", ") stand."""
    depth, depth_at, commas = 0, [], []
    for i, ch in enumerate(text):
        if ch in ")]":
            depth = max(0, depth - 1)
        depth_at.append(depth)
        if ch in "([":
            depth += 1
        elif ch == "," and text[i + 1 : i + 2] == " ":
            commas.append(i)
    return depth_at, commas


def _runs(text: str, at: list[int], depth_at: list[int], depth: int) -> list[list[int]]:
    """Commas of one depth, grouped where nothing between two of them leaves that depth or ends
    a clause (";")."""
    runs: list[list[int]] = []
    for c in at:
        if runs:
            gap = range(runs[-1][-1] + 1, c)
            if all(depth_at[k] >= depth for k in gap) and ";" not in text[gap.start : c]:
                runs[-1].append(c)
                continue
        runs.append([c])
    return runs


def _read(
    text: str, run: list[int], depth_at: list[int], depth: int, least: int
) -> tuple[int, int] | None:
    """The series a run of commas separates, or None when its parts are clauses or no "and" /
    "or" closes it."""
    begin = 0
    for k in range(run[0] - 1, -1, -1):
        if depth_at[k] < depth:
            begin = k + 1  # just inside the bracket that holds the series
            break
    finish = len(text)
    for k in range(run[-1], len(text)):
        if depth_at[k] < depth or text[k] == ";":
            finish = k
            break
    cuts = [begin, *[c + 2 for c in run], finish]
    parts = [(cuts[i], (run[i] if i < len(run) else finish)) for i in range(len(cuts) - 1)]
    while (
        len(parts) > 2
        and _opens_scene(text[parts[0][0] : parts[0][1]])
        and _ANNOUNCES.search(text, parts[1][0], parts[1][1]) is not None
    ):
        # "Currently, X mainly include A, B, and C": the scene set is no item.
        parts = parts[1:]
    # The series closes at the first part that opens with "and"/"or" or joins two items by
    # one; what follows ("…, and deliver a higher dose") is another clause.
    last = next((i for i, (a, b) in enumerate(parts) if i and _CONJUNCTION.search(text[a:b])), None)
    if last is None or last + 1 + _joins_two(text, *parts[last]) < least:
        return None
    first_start = _first_item(text, *parts[0])
    if first_start is None:
        return None
    items = parts[1 : last + 1]
    if (
        _SUMMARY.match(text, first_start)
        and last >= 2
        and last + _joins_two(text, *parts[last]) >= least
    ):
        # "The four studies, A, B, C, and D": the first part names what the series lists.
        first_start, items = parts[1][0], parts[2 : last + 1]
    # A series that opens its sentence is its subject: the closing item runs to the verb
    # ("Quartz, talc, soot and tar are known risk factors").
    verb = _CLOSING_VERB.search(text, items[-1][0], items[-1][1])
    if verb is not None and first_start == parts[0][0]:
        items[-1] = (items[-1][0], verb.start())
    nested = _NESTED.search(text, items[-1][0], items[-1][1])
    examples = _RUN.match(text, nested.end()) if nested is not None else None
    if examples is not None:
        # "…, and hormonal factors such as A, B, and C": the last item's own examples go with it.
        items[-1] = (items[-1][0], examples.end())
    pieces = [w.strip() for a, b in items for w in _CONJUNCTION.split(text[a:b])]
    if examples is not None:
        # The examples are items of their own, each read for its length.
        pieces = [w.strip() for p in pieces for w in p.split(", ")]
    if any(len(w.split()) > _ITEM_WORDS or _CLAUSE.search(w) for w in pieces if w):
        return None
    start, end = first_start, len(text[: items[-1][1]].rstrip(" ."))
    return (start, end) if end > start else None


# A bracketed aside, innermost first.
_BRACKETED = re.compile(r"\s*\([^()]*\)")
# What gives a last item's own examples: "…, and hormonal factors such as A, B, and C".
_NESTED = re.compile(r"\s(?:such as|including)\s+", re.I)
# What announces the items that follow it: "include", "such as", "namely", "comprise", a colon.
_ANNOUNCES = re.compile(r"\b(?:includ(?:e|es|ed|ing)|such as|namely|compris(?:e|es|ing))\b|:", re.I)


def _opens_scene(part: str) -> bool:
    """A short first part that sets the scene ("Currently", "In 2020") before a comma."""
    return len(part.split()) <= _BARE_FIRST_WORDS and _SETTING.match(part) is not None


def _joins_two(text: str, start: int, end: int) -> bool:
    """A part that holds two items joined by a conjunction ("C and D", not "and D")."""
    return re.match(r"\s*(?:and|or|and/or)\s", text[start:end], re.I) is None


def _first_item(text: str, start: int, end: int) -> int | None:
    """Where the first item starts in the part before the first comma: after its lead-in, or at
    the part's start when it is short enough to be the item whole."""
    part = text[start:end]
    leads = list(_LEAD.finditer(part))
    # Its length without what it holds in brackets: "East Zetania (A, B, and C), D, and E".
    bare = _BRACKETED.sub("", part)
    if leads:
        item = start + leads[-1].end()
    elif len(bare.split()) <= _BARE_FIRST_WORDS and not _SETTING.match(part):
        item = start  # "Quartz, talc, …", but not "In 2020, the trial …"
    else:
        return None
    item += len(text[item:end]) - len(text[item:end].lstrip())
    if item >= end or len(text[item:end].split()) > _ITEM_WORDS:
        return None
    return item


# What gives the members of a class just named: "zeta blockers, such as A and B", "zeta blockers
# (i.e., A and B)".
_EXAMPLES = r",?\s*(?:(?P<open>\()\s*)?(?:such as|including|like|e\.g\.,?|i\.e\.,?|namely)\s+"
# A run of examples: items of a few words free of a finite verb, the last after "and"/"or",
# ending at a comma, stop or closing bracket; or, in brackets, one example. An item stops at a
# comma, a stop or "and"/"or", and never gives back what it took (possessive), so a long run of
# commas is read in one pass; a decimal point is no stop ("0.5 mg"), nor a short form in
# brackets inside an item ("zeta killer (ZK) cells").
_FINITE = r"\b(?:is|are|was|were|has|have|had|can|could|may|might|should|will|would)\b"
_SHORT_FORM = r"\((?=[^\s()]*[A-Z][^\s()]*[A-Z])[^\s(),;\[\]]{2,12}\)(?=\s+[a-z]|\s*[,;.)]|$)"
_ITEM = rf"(?:(?!{_FINITE}|\s(?:and|or)\s)(?:[^,;()\[\].]|\.(?=\d)|{_SHORT_FORM}))++"
_RUN = re.compile(rf"{_ITEM}(?:,\s*+{_ITEM})*?,?\s+(?:and|or)\s+{_ITEM}(?=\s*[,;.)]|$)")
_ONE = re.compile(rf"{_ITEM}(?=\s*\))")
# An example is a name or a short phrase: an item of more words is a clause.
_EXAMPLE_WORDS = 4


def examples_of(text: str, phrase: str) -> tuple[int, int] | None:
    """The span of the members `text` gives for the class `phrase` names, just after it ("zeta
    blockers, such as A and B, …": "A and B"); None when it gives none there."""
    # "immune cell" (of "which immune cell types …?") names the class "immune cells" too, and
    # "targeted therapy" "targeted therapies".
    stem = re.escape(phrase[:-1]) + "(?:y|ies)" if phrase.endswith("y") else re.escape(phrase)
    named = re.search(rf"(?<![\w-]){stem}(?:e?s)?(?![\w-]){_EXAMPLES}", text, re.I)
    if named is None:
        return None
    run = (named["open"] and _ONE.match(text, named.end())) or _RUN.match(text, named.end())
    if run is None or (named["open"] and not text[run.end() :].lstrip().startswith(")")):
        return None
    items = re.split(r",\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", run.group())
    if any(len(item.split()) > _EXAMPLE_WORDS for item in items):
        return None
    return named.end(), run.end()
