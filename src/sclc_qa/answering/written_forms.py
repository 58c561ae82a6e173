"""Names a question writes in a form the documents do not, read as the form they write: a brand
name in brackets after the name the documents use ("zetaxel/quellan (Zetora)": the text's
"zetaxel/quellan"), and a TNM category with its pathological or clinical prefix ("pT3",
"ycN1": the staging table's "T3", "N1"), and a marker's status by its sign ("ZK1+": the text's
"ZK1-positive"), a study by another abbreviation of its group ("ZAQG 4417": the text's
"ZQG-4417" of "the Zeta and Quell Group"), and a regimen with a drug shortened ("Zent-quellitaxel").
None is a name the documents "do not mention"."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from ..question import Profile

__all__ = ["as_written"]

# A TNM category with the prefix that says how it was staged: p(athological), c(linical),
# y (after neoadjuvant treatment), r(ecurrent), a(utopsy).
_PREFIXED_TNM = re.compile(r"(?:y?[pc]|r|a)(?P<base>[TNM](?:is|x|\d[a-d]?\d?)?)")
# A marker with the sign of its status: "ZK1+", "ZK2−" (the text writes "ZK1-positive").
_SIGNED = re.compile(r"(?P<base>[\w/.-]*\w)[+−]")


def as_written(
    prof: Profile,
    known: Callable[[str], bool],
    respelled: Callable[[str], str | None] = lambda name: None,
) -> Profile:
    """`prof` with each name the documents do not write (`known` says which they do) read as
    the form they write, or dropped when it only renames a name the question also writes.
    `respelled(name)`: another form the documents write for a name they do not, if any (a study
    by another abbreviation of its group, a regimen with a shortened drug written out)."""
    names: list[str] = []
    changed = False
    for name in prof.names:
        if known(name):
            names.append(name)
            continue
        prefixed = _PREFIXED_TNM.fullmatch(name)
        if prefixed is not None and known(prefixed["base"]):
            names.append(prefixed["base"])  # "pT3" is the table's "T3"
            changed = True
        elif (signed := _SIGNED.fullmatch(name)) is not None and known(signed["base"]):
            names.append(signed["base"])  # "ZK1+" is the text's "ZK1-positive"
            changed = True
        elif (written := respelled(name)) is not None:
            names.append(written)  # "ZAQG 4417" is the text's "ZQG-4417"
            changed = True
        elif _renames(prof.text, name, known):
            changed = True  # "zetaxel/quellan (Zetora)": the brand says nothing more
        else:
            names.append(name)
    if not changed:
        return prof
    return dataclasses.replace(prof, names=tuple(dict.fromkeys(names)))


def _renames(question: str, name: str, known: Callable[[str], bool]) -> bool:
    """Whether the question writes `name` in brackets right after a name the documents write."""
    before = re.search(rf"([\w/+.-]+)\s*\(\s*{re.escape(name)}\s*\)", question)
    return before is not None and known(before.group(1))
