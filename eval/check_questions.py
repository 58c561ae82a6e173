#!/usr/bin/env python3
"""Validator for eval/questions.jsonl (stdlib only).

Parses the review into sections, then checks every question:
keys/types, ids, categories, section ids, gold answers present verbatim
(after normalisation) in one of the listed sections, and coverage minimums.
Exits non-zero on any problem.
"""
import json
import os
import re
import sys
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.environ.get(
    "SCLC_CORPUS", "/work/shared/corpus/es-sclc-immunotherapy-review.txt")
QUESTIONS = os.path.join(HERE, "questions.jsonl")

SECTION_IDS = ["abstract", "1", "2", "3", "3.1", "3.2", "3.3", "3.3.1", "3.3.2",
               "4", "4.1", "4.1.1", "4.1.2", "4.2", "4.3", "4.4", "4.4.1",
               "4.4.2", "4.4.3", "4.5", "5", "glossary"]
NUMBERED = set(SECTION_IDS) - {"abstract", "glossary"}
HEADING_ONLY = {"4.1", "4.4"}
BODY_SECTIONS = [s for s in SECTION_IDS if s not in HEADING_ONLY]
CATEGORIES = {"numeric", "entity", "table", "glossary", "mechanism",
              "paraphrase", "comparison", "unanswerable"}
KEYS = {"id", "question", "answerable", "sections", "answers", "category"}
MINIMUMS = {"total": 160, "numeric": 45, "table": 20, "glossary": 15,
            "entity": 12, "mechanism": 12, "paraphrase": 12,
            "comparison": 12, "unanswerable": 35}
MIN_PER_SECTION = 2
MAX_ANSWER_CHARS = 90

HEADING_RE = re.compile(r"^\s*(\d+(?:\.\d+)*)\s+\S")
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212-"
DASH_TABLE = {ord(c): "-" for c in DASHES}


def normalise(text):
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.translate(DASH_TABLE)
    return re.sub(r"\s+", " ", text).strip()


def parse_sections(path):
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    problems = []
    current = "abstract"
    sections = {"abstract": []}
    seen_intro = False
    for line in lines:
        new_id = None
        if line.strip() == "Glossary":
            new_id = "glossary"
        else:
            m = HEADING_RE.match(line)
            if m and m.group(1) in NUMBERED:
                if m.group(1) == "1" and not line.strip().startswith("1 Introduction"):
                    new_id = None  # only " 1 Introduction" opens section 1
                else:
                    new_id = m.group(1)
        if new_id is not None:
            if new_id in sections:
                problems.append("heading for section %s found twice: %r" % (new_id, line))
            else:
                current = new_id
                sections[current] = []
                if new_id == "1":
                    seen_intro = True
        sections[current].append(line)
    if not seen_intro:
        problems.append("could not find the ' 1 Introduction' heading")
    for sid in SECTION_IDS:
        if sid not in sections:
            problems.append("section %s not found in corpus" % sid)
    texts = {sid: "\n".join(v) for sid, v in sections.items()}
    return texts, problems


def main():
    problems = []
    texts, parse_problems = parse_sections(CORPUS)
    problems += parse_problems
    norm = {sid: normalise(t) for sid, t in texts.items()}
    corpus_norm = normalise("\n".join(texts.values()))

    questions = []
    with open(QUESTIONS, encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                problems.append("line %d: blank line" % lineno)
                continue
            try:
                q = json.loads(raw)
            except json.JSONDecodeError as exc:
                problems.append("line %d: bad JSON: %s" % (lineno, exc))
                continue
            questions.append((lineno, q))

    ids = Counter()
    cat_count = Counter()
    sec_count = Counter()
    question_texts = Counter()
    for lineno, q in questions:
        where = "line %d (%s)" % (lineno, q.get("id") if isinstance(q, dict) else "?")
        if not isinstance(q, dict):
            problems.append("%s: not an object" % where)
            continue
        if set(q) != KEYS:
            problems.append("%s: keys %s != %s" % (where, sorted(q), sorted(KEYS)))
            continue
        if not isinstance(q["id"], str) or not re.fullmatch(r"q\d{3,}", q["id"]):
            problems.append("%s: bad id" % where)
        ids[q["id"]] += 1
        if not isinstance(q["question"], str) or len(q["question"].strip()) < 8:
            problems.append("%s: bad question text" % where)
        else:
            question_texts[normalise(q["question"])] += 1
        if not isinstance(q["answerable"], bool):
            problems.append("%s: answerable must be bool" % where)
        if not isinstance(q["sections"], list) or not all(isinstance(s, str) for s in q["sections"]):
            problems.append("%s: sections must be a list of strings" % where)
            continue
        if not isinstance(q["answers"], list) or not all(isinstance(a, str) for a in q["answers"]):
            problems.append("%s: answers must be a list of strings" % where)
            continue
        if q["category"] not in CATEGORIES:
            problems.append("%s: bad category %r" % (where, q["category"]))
        cat_count[q["category"]] += 1
        for s in q["sections"]:
            if s not in SECTION_IDS:
                problems.append("%s: unknown section id %r" % (where, s))
            elif s in HEADING_ONLY:
                problems.append("%s: section %s has no body text" % (where, s))
        if len(set(q["sections"])) != len(q["sections"]):
            problems.append("%s: duplicate section ids" % where)
        if (q["category"] == "unanswerable") != (q["answerable"] is False):
            problems.append("%s: category 'unanswerable' iff answerable=false" % where)
        if q["answerable"]:
            if not q["sections"]:
                problems.append("%s: answerable but no sections" % where)
            if not q["answers"]:
                problems.append("%s: answerable but no answers" % where)
            if len(q["answers"]) > 3:
                problems.append("%s: more than 3 answer alternatives" % where)
            for s in set(q["sections"]):
                sec_count[s] += 1
            for a in q["answers"]:
                na = normalise(a)
                if not na:
                    problems.append("%s: empty answer" % where)
                    continue
                if len(na) > MAX_ANSWER_CHARS:
                    problems.append("%s: answer too long (%d chars): %r" % (where, len(na), a))
                if not any(na in norm.get(s, "") for s in q["sections"]):
                    problems.append("%s: answer %r not found in sections %s" % (where, a, q["sections"]))
        else:
            if q["sections"] or q["answers"]:
                problems.append("%s: unanswerable must have empty sections and answers" % where)
            # Any NCT id named in an unanswerable question must not occur in the corpus.
            for nct in re.findall(r"NCT\d{8}", q["question"]):
                if normalise(nct) in corpus_norm:
                    problems.append("%s: %s occurs in the corpus" % (where, nct))

    for qid, n in ids.items():
        if n > 1:
            problems.append("duplicate id %s (%d times)" % (qid, n))
    for text, n in question_texts.items():
        if n > 1:
            problems.append("duplicate question text %r" % text)

    total = len(questions)
    if total < MINIMUMS["total"]:
        problems.append("only %d questions (< %d)" % (total, MINIMUMS["total"]))
    for cat, minimum in MINIMUMS.items():
        if cat != "total" and cat_count[cat] < minimum:
            problems.append("category %s: %d < %d" % (cat, cat_count[cat], minimum))
    for s in BODY_SECTIONS:
        if sec_count[s] < MIN_PER_SECTION:
            problems.append("section %s is gold for only %d questions" % (s, sec_count[s]))

    # The CASPIAN OS hazard ratio question must be present.
    if not any(q.get("answerable") and "caspian" in normalise(q.get("question", ""))
               and any("0.73" in a for a in q.get("answers", []))
               for _, q in questions if isinstance(q, dict)):
        problems.append("missing the CASPIAN OS hazard ratio question")

    print("questions: %d" % total)
    print("per category:")
    for cat in sorted(CATEGORIES):
        print("  %-13s %3d" % (cat, cat_count[cat]))
    print("per gold section (answerable questions listing it):")
    for s in SECTION_IDS:
        print("  %-9s %3d%s" % (s, sec_count[s], "  (heading only)" if s in HEADING_ONLY else ""))
    if problems:
        print("\nPROBLEMS (%d):" % len(problems))
        for p in problems:
            print("  - " + p)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
