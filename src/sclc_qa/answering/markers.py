"""A group of patients named by a gene's change ("ZRK1-rearranged", "ZRK2 variants"): a
figure for one gene's group, or for another kind of change of the same gene, does not answer
for the group asked."""

from __future__ import annotations

import re

from .reasons import join

__all__ = ["other_marker"]

# A group of patients named by a gene's change: "ZRK1-rearranged", "*ZRK2* pathogenic variants",
# "ZRK3 fusions", "ZRK1-positive" (not "PD-L1": the gene word is one token; not "R17W": a change
# is not a gene).
_MARKER = re.compile(
    r"(?<![\w-])(?![A-Z]\d+[A-Z]?\b)([A-Z][A-Z0-9]{1,5})\**"
    # the change itself may stand between: "ZRK1 R17W variant", "ZRK2 exon 20 insertion"
    r"(?:\s+[A-Z]\d+[A-Z]?|\s+exon\s+\d+(?:\s+\w+)?)?"
    r"(?:-|\s+)(?:pathogenic\s+|activating\s+|sensitizing\s+)?"
    r"(mutant|mutated|mutations?|variants?|rearranged|rearrangements?|fusions?|altered|"
    r"alterations?|amplified|amplifications?|translocations?|overexpress(?:ed|ing|ion)|positive)\b"
)
# The kinds of change a group is named by: a gene's "variant" group is not its "overexpressing"
# one. "Altered" and "positive" say no kind, and match any.
_CHANGE_KINDS = (
    ("mutation", re.compile(r"mutant|mutated|mutations?|variants?")),
    ("rearrangement", re.compile(r"rearrange\w*|fusions?|translocations?")),
    ("amplification", re.compile(r"amplifi\w*")),
    ("overexpression", re.compile(r"overexpress\w*")),
)

# A group named as left out: "… without ZRK2 variants", "no ZRK1 rearrangement".
_NEGATED = re.compile(r"\b(?:without|no|not|non-?)\s*\**$", re.I)


def _changes(text: str) -> dict[str, set[str]]:
    """Each gene a group is named by in `text` → the kinds of change it is named with ("" for
    a word that says no kind)."""
    found: dict[str, set[str]] = {}
    for m in _MARKER.finditer(text):
        if _NEGATED.search(text, 0, m.start()):
            continue  # "… (without ZRK2 variants)" leaves that group out
        kind = next((k for k, p in _CHANGE_KINDS if p.fullmatch(m[2].lower())), "")
        found.setdefault(m[1], set()).add(kind)
    return found


def other_marker(question: str, texts: list[str]) -> tuple[str, str] | None:
    """(the asked gene group, the one stated) when the question asks for patients with one
    gene's change and the nearest text that names such a group (the sentence, else the ones
    before it in its paragraph, else its list's lead-in) names only other genes, or the same
    gene only with another kind of change."""
    asked = _changes(question)
    if not asked:
        return None
    for text in texts:
        stated = _changes(text)
        if not stated:
            continue
        shared = stated.keys() & asked.keys()
        if not shared:
            return f"{join(sorted(asked))} changes", f"{join(sorted(stated))} changes"
        if any(_same_change(asked[gene], stated[gene]) for gene in shared):
            return None
        gene = sorted(shared)[0]  # "ZRK2-overexpressing" asked, "ZRK2 variant" stated
        return _named(gene, asked[gene]), _named(gene, stated[gene])
    return None


def _same_change(asked: set[str], stated: set[str]) -> bool:
    """Whether two namings of one gene's group may be the same group: a kind in common, or a
    word on either side that says no kind."""
    return bool(asked & stated) or "" in asked or "" in stated


def _named(gene: str, kinds: set[str]) -> str:
    """A gene's group as a reason names it: "ZRK2 overexpression"."""
    return join([f"{gene} {kind}" for kind in sorted(kinds)])
