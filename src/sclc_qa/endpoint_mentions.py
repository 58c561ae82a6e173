"""Where a sentence names an endpoint, and which endpoint a figure at a position reports: the
nearest one named before it ("PFS … HR 0.54"), a composite read by its first event ("progression
or death" is PFS), one governed by another ("median follow-up for survival" is a follow-up), and
the site it is measured at ("intracranial ORR")."""

from __future__ import annotations

import re
from functools import lru_cache

from .domain import domain
from .question import ENDPOINTS

__all__ = [
    "asked_site",
    "endpoint_of",
    "endpoints_named",
    "names_site",
    "other_summary",
    "site_of",
]


def endpoint_of(text: str, start: int) -> str | None:
    """The endpoint named nearest before `start` (or right after it, as in "38% ORR")."""
    mention = _nearest_mention(text, start)
    return mention[2] if mention else None


def endpoints_named(text: str) -> frozenset[str]:
    """The endpoints `text` names anywhere."""
    return frozenset(name for _, _, name in _mentions(text))


def site_of(text: str, start: int) -> str | None:
    """Where the endpoint a figure at `start` reports is measured, when the words just before
    its name say ("the intracranial objective response rate was 33%" → "intracranial"); None
    for the endpoint as a whole."""
    mention = _nearest_mention(text, start)
    return _site_before(text, mention[0]) if mention else None


def _nearest_mention(text: str, start: int) -> tuple[int, int, str] | None:
    """The endpoint mention a figure at `start` reports: the nearest before it, or one named
    just after it (weighed as farther)."""
    best: tuple[int, tuple[int, int, str]] | None = None
    share = _SHARE_OF_PEOPLE.match(text, start)
    for mention in _mentions(text):
        m_start, m_end, _ = mention
        if m_start > start and _LABEL_AFTER.fullmatch(text, start, m_start):
            return mention  # "44% (95% CI, 40%–48%) for zeta": the label names its figure
        if (
            share
            and share.end() <= m_start <= share.end() + _CLAUSE_REACH
            and _CLAUSE_BREAK.search(text, share.end(), m_start) is None
        ):
            return mention  # "80% of patients treated by X survive beyond 3 years": what they did
        if m_end <= start:
            dist = start - m_end
        elif m_start >= start and m_start - start <= 25:
            dist = (m_start - start) * 2 + 10
        else:
            continue
        if best is None or dist < best[0]:
            best = (dist, mention)
    return best[1] if best else None


# How a figure sums up several studies or patients, said just before the endpoint's name: "the
# pooled sensitivity" (a meta-analysis) is not "the median sensitivity" (across studies).
_SUMMARY = re.compile(r"\b(pooled|median|mean|average|weighted)\s+$", re.I)


def other_summary(question: str, text: str) -> bool:
    """Whether the question asks its endpoint summed up one way ("pooled") and `text` sums the
    same endpoint up another ("the median sensitivity …") and never the asked way."""
    asked = {m.group(1).lower() for s, _, _ in _mentions(question) if (m := _summary(question, s))}
    if not asked:
        return False
    said = {m.group(1).lower() for s, _, _ in _mentions(text) if (m := _summary(text, s))}
    return bool(said) and not said & asked


def _summary(text: str, at: int) -> re.Match[str] | None:
    return _SUMMARY.search(text, max(0, at - 20), at)


# A share of people, just after its figure: "… 80% of patients", "40% of the women"; its
# clause's verb says what they did, however far after the figure.
_SHARE_OF_PEOPLE = re.compile(
    r"[^%;()]{0,25}?%\s+of\s+(?:(?:the|all|these|those)\s+)?"
    r"(?:patients|people|persons|individuals|subjects|women|men|children|adults|participants)\b",
    re.I,
)
_CLAUSE_REACH = 80  # characters from the people to their verb
_CLAUSE_BREAK = re.compile(r"[,;:.()]|\b(?:and|but|while|whereas|than)\b")
# A figure labelled after it: the figure, its interval in brackets, "for", the endpoint.
_LABEL_AFTER = re.compile(r"[^\s()]+\s*(?:\([^()]{0,40}\)\s*)?for\s+(?:the\s+)?")


def asked_site(question: str) -> str | None:
    """The site the question's own endpoint is measured at ("What CNS ORR …?"), if it says."""
    return next(
        (site for s, _, _ in _mentions(question) if (site := _site_before(question, s))), None
    )


def names_site(text: str, site: str) -> bool:
    """Whether `text` uses a word of the site anywhere ("… in patients with brain metastases")."""
    return _SITES[site].search(text.lower()) is not None


def _site_before(text: str, at: int) -> str | None:
    near = re.findall(r"[a-z]+", text[max(0, at - 60) : at].lower())[-_SITE_WORDS:]
    # "… whose zetoma reached distant sites are alive": a verb between them ends the site's
    # reach, which then names the patients, not where the endpoint is measured.
    verbs = [i for i, w in enumerate(near) if w in _VERBS]
    words = _DISEASE.sub(" ", " ".join(near[verbs[-1] + 1 :] if verbs else near))
    return next((site for site, pat in _SITES.items() if pat.search(words)), None)


# A site's word before a disease's head names the disease, not where an endpoint is measured:
# survival "in primary CNS zetoma" is the whole disease's.
_DISEASE = re.compile(
    r"\b\w+\s+(?:lymphomas?|cancers?|carcinomas?|tumou?rs?|neoplasms?|leuka?emias?|[a-z]+omas?)\b"
)


_VERBS = frozenset({"is", "are", "was", "were", "be", "been", "has", "have", "had"})


_SITES = {
    site: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")
    for site, words in domain().endpoint_sites.items()
}
_SITE_WORDS = 3  # "the intracranial confirmed <endpoint>": how far before its name a site is

# "<endpoint> for|of <endpoint>": the second names what the first is measured on, and the first
# governs: a "median follow-up for survival" is a follow-up, not a survival time.
_GOVERNED = re.compile(r"\s+(?:for|of)\s+(?:the\s+)?(?:overall\s+)?")
# "<event> or death": a composite endpoint named by its first event ("progression or death" is
# PFS), not a second endpoint.
_COMPOSITE = re.compile(r"\s+or\s+")
_DEATH = re.compile(r"deaths?", re.I)


@lru_cache(maxsize=1 << 14)
def _mentions(text: str) -> tuple[tuple[int, int, str], ...]:
    """Each endpoint mention in `text` as (start, end, endpoint), in order; a mention governed
    by the one before it takes that one's endpoint."""
    found = sorted((m.start(), m.end(), n) for n, p in ENDPOINTS.items() for m in p.finditer(text))
    out: list[tuple[int, int, str]] = []
    for s, e, name in found:
        if out and out[-1][1] <= s:
            gap = (text, out[-1][1], s)
            if _GOVERNED.fullmatch(*gap) or (
                _COMPOSITE.fullmatch(*gap) and _DEATH.fullmatch(text, s, e)
            ):
                name = out[-1][2]
        out.append((s, e, name))
    return tuple(out)
