"""Domain words, read from one data file (`data/domain.json`) instead of living in code: the
endpoints and how text names them, measures, statistic abbreviations, drug-name stems and the
classes they say, hedges,
time units, table-header hints, entity classes and the words that end a company's name.

A reader extending the product to another field edits that file, not the rules that use it.
"""

from __future__ import annotations

import json
import re
from functools import cached_property, lru_cache
from importlib.resources import files

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Domain", "Endpoint", "domain"]


class Endpoint(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    display: str = Field(description="How a reason names it: 'OS', 'response rate'.")
    pattern: str = Field(description="Regular expression (case-insensitive) naming it in text.")


class Domain(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    endpoints: dict[str, Endpoint]
    measures: dict[str, str]
    statistic_abbreviations: frozenset[str]
    drug_stems: tuple[str, ...]
    stem_classes: dict[str, str] = Field(
        default_factory=dict,
        description="A drug-name stem → the class it says (the USAN stems): 'quellaciclib' is a "
        "CDK4/6 inhibitor by its name alone, as a sentence that never says so still tells a "
        "reader who knows the stems.",
    )
    hedges: tuple[str, ...]
    cytotoxic_stems: tuple[str, ...] = Field(
        default=(),
        description="Drug-name stems of cytotoxic chemotherapy ('platin', 'poside'): a "
        "sentence's 'X plus chemotherapy' may be the 'X plus zentaplatin' a question asks.",
    )
    comparator_arms: tuple[str, ...] = Field(
        default=(),
        description="What the comparison arm of a trial is called ('placebo', 'observation'): "
        "common words, yet a question that names one ('median PFS on placebo?') asks the "
        "figure that arm is labelled with.",
    )
    dose_qualifiers: frozenset[str] = Field(
        default_factory=frozenset,
        description="Words beside 'dose' that say what kind of dose ('daily', 'maximum'), "
        "whose ('study', 'drug') or where it is given ('tumor', 'skin'), not what drug it is "
        "of: 'the dose of zentoline' names a drug, 'the dose of the study drug' none.",
    )
    time_units: tuple[str, ...]
    amino_acids: dict[str, str] = Field(
        default_factory=dict,
        description="Each amino acid's three-letter code with its one-letter code ('Arg': "
        "'R'): a protein change is written either way ('p.Arg525His', 'R525H').",
    )
    period_nouns: tuple[str, ...] = Field(
        default=(),
        description="Nouns a length of time can be written before with a hyphen ('a 12-week "
        "program', 'a 6-month course'): that length is a duration, where '2-year OS' is a "
        "time point.",
    )
    combining_forms: tuple[str, ...] = Field(
        default=(),
        description="Greek and Latin first parts of compound medical words ('naso-', 'colo-', "
        "'hepato-'): an abbreviation spells such a word by both parts' initials "
        "('nasopharyngeal carcinoma', NPC).",
    )
    people_nouns: frozenset[str]
    group_nouns: frozenset[str] = Field(
        default_factory=frozenset,
        description="Stems of words naming a group of people by sex, age or habit ('women', "
        "'children', 'smokers'): a figure in brackets after one is that group's, however "
        "common the word.",
    )
    counted_events: dict[str, frozenset[str]] = Field(
        default_factory=dict,
        description="Stem of what people do → stems of the events counted: 'how many people "
        "die' counts deaths ('die' → 'death'), not people.",
    )
    endpoint_sites: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="Where an endpoint is measured → the words that say so just before it: an "
        "'intracranial response rate' is not the overall one.",
    )
    regulators: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="A drug regulator → how text names it or the place it approves for: an "
        "approval in China is not the FDA's.",
    )
    treatment_lines: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="A line of treatment → how text says a population is at it: a response rate "
        "in previously treated patients does not answer for untreated ones.",
    )
    number_words: dict[str, int]
    disease_heads: frozenset[str] = Field(
        default=frozenset(),
        description="Words that end a disease's name: an abbreviation defined for one "
        "('zeta cell lymphoma (ZCL)') names a population, so a figure stated for another "
        "('40% of NZCL') does not answer for it.",
    )
    change_directions: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="The words a change is told by, every form, by the way it goes ('up': "
        "'grew', 'increase'; 'down': 'fell', 'reduction'): a question asking how much something "
        "grew is not answered by a figure labelled a fall.",
    )
    opposite_words: tuple[tuple[str, ...], ...] = Field(
        default=(),
        description="Words that set a group against another ('upper' third, 'lower' third): "
        "a figure stated for one does not answer for the other.",
    )
    opposite_parts: tuple[tuple[str, ...], ...] = Field(
        default=(),
        description="Parts of a hyphenated word that do the same inside it: 'low-grade' "
        "against 'high-grade', 'short-term' against 'long-term', 'node-positive' against "
        "'node-negative'.",
    )
    generic_disease_heads: frozenset[str] = Field(
        default=frozenset(),
        description="Words a disease's name may end on interchangeably, after the words that "
        "say which disease it is: a document on 'zeta trophoblastic disease' is asked about "
        "as 'zeta trophoblastic neoplasia' or 'zeta trophoblastic tumors'.",
    )
    narrowed_tumour_heads: frozenset[str] = Field(
        default=frozenset(),
        description="Tumour words that the words before them narrow to a kind of their own: "
        "'zetic carcinoma' is not 'zentoma', while 'carcinoma' holds 'adenocarcinoma'.",
    )
    table_header_hints: dict[str, frozenset[str]]
    table_column_kinds: frozenset[str]
    entity_classes: dict[str, tuple[str, ...]]
    organisation_suffixes: frozenset[str] = Field(
        default=frozenset(),
        description="Words that follow a name to make it a company's: 'Pharmaceutical', 'Inc'.",
    )
    maker_verbs: frozenset[str] = Field(
        default=frozenset(),
        description="Verbs that make 'who …?' ask for a company, not a person: 'who makes "
        "zentamab?', 'who markets it?'.",
    )
    organisation_heads: frozenset[str] = Field(
        default=frozenset(),
        description="Words that head a name continued by 'of': 'University' of Z, 'Ministry' "
        "of Health.",
    )
    kindred_classes: tuple[frozenset[str], ...] = Field(
        default=(),
        description="Words that name the same kind of grouping, each group as a set: a "
        "question's 'which cluster …?' asks for what the text calls a 'subtype', its 'which "
        "staging scheme …?' for a 'system'.",
    )
    demonyms: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="A people's adjective → the places it is of, lower case: a question's "
        "'Dutch trial' is the text's trial 'in the Netherlands', its 'Norwegian cohort' a cohort "
        "'in Norway'.",
    )

    organ_adjectives: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="An organ's plain noun → the adjectives text uses for it, lower case: a "
        "question's 'stomach cancer' is a summary's 'gastric cancer', its 'ovary tumours' "
        "'ovarian tumours'.",
    )

    lay_terms: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="A reader's plain phrase → the clinical terms text uses for it, lower case: "
        "a question's 'blood in the urine' is a summary's 'hematuria'.",
    )
    common_abbreviations: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="A clinical abbreviation every reader knows → its long forms, lower case: "
        "a question's 'ALT' is named by a summary's 'alanine transaminase' where that never "
        "abbreviates it.",
    )

    def kindred(self, word: str) -> frozenset[str]:
        """The other words that name the same kind of grouping as `word` (none if unknown)."""
        return frozenset().union(*(g for g in self.kindred_classes if word in g)) - {word}

    @cached_property
    def places(self) -> frozenset[str]:
        """The places the demonyms are of, lower case: a name among them is a place."""
        return frozenset(p for ps in self.demonyms.values() for p in ps)

    def endpoint_patterns(self) -> dict[str, re.Pattern[str]]:
        """Endpoint → compiled pattern, in the file's order (earlier wins ties)."""
        return {k: re.compile(e.pattern, re.I) for k, e in self.endpoints.items()}

    def treatment_lines_in(self, text: str) -> frozenset[str]:
        """The lines of treatment `text` says its population is at ("untreated", …)."""
        low = text.lower()
        return frozenset(
            line for line, words in self.treatment_lines.items() if any(w in low for w in words)
        )

    def entity_class(self, target: str) -> str | None:
        """The class of thing a which/what question asks for ("drugs" → drug), if known."""
        for name, prefixes in self.entity_classes.items():
            if any(target.startswith(p) for p in prefixes):
                return name
        return None


@lru_cache(maxsize=1)
def domain() -> Domain:
    """The packaged domain file, parsed once; a malformed file fails loudly at import."""
    raw = files("sclc_qa").joinpath("data/domain.json").read_text(encoding="utf-8")
    return Domain.model_validate(json.loads(raw))
