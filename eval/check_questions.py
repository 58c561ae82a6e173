#!/usr/bin/env python3
"""Validator for the question files (stdlib only: it checks the questions against the documents'
own text, never against the system they measure).

    python3 eval/check_questions.py                       # eval/questions.jsonl and eval/test.jsonl
    python3 eval/check_questions.py eval/questions.jsonl  # one file

Two schemas. The review's first questions: {id, question, answerable, sections, answers,
category}, no `doc` (they are about the review). The multi-document ones add `doc`, `parts`,
`evidence` and `note`. Sections are the review's ids ("4.1.1", "abstract", "glossary") or, for a
Markdown document, heading paths "A > B > C" as written after the #'s.

Checks: keys and types, unique ids and question texts (within and across files), categories,
sections that exist (and have a body), every answer, part and evidence string verbatim (after
normalising) in a listed section, evidence verbatim in the document as written, unanswerable
questions with no gold, NCT ids of unanswerable questions absent from every document, and the
old file's minimums. Prints counts only per file, document and category; exits non-zero on any
problem.
"""

import json
import os
import re
import sys
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.environ.get("SCLC_QA_EVAL_CORPUS", os.path.join(HERE, "corpus"))
DEFAULT_FILES = [os.path.join(HERE, "questions.jsonl"), os.path.join(HERE, "test.jsonl")]
REVIEW = "es-sclc-immunotherapy-review"

SECTION_IDS = ["abstract", "1", "2", "3", "3.1", "3.2", "3.3", "3.3.1", "3.3.2",
               "4", "4.1", "4.1.1", "4.1.2", "4.2", "4.3", "4.4", "4.4.1",
               "4.4.2", "4.4.3", "4.5", "5", "glossary"]
NUMBERED = set(SECTION_IDS) - {"abstract", "glossary"}
HEADING_ONLY = {"4.1", "4.4"}
BODY_SECTIONS = [s for s in SECTION_IDS if s not in HEADING_ONLY]

OLD_KEYS = {"id", "question", "answerable", "sections", "answers", "category"}
NEW_KEYS = OLD_KEYS | {"doc", "parts", "evidence", "note"}
OLD_CATEGORIES = {"numeric", "entity", "table", "glossary", "mechanism",
                  "paraphrase", "comparison", "unanswerable"}
NEW_CATEGORIES = {"numeric", "entity", "definition", "list", "mechanism", "yesno",
                  "table", "comparison", "multipart", "unanswerable"}
# The review's first file, written on the review alone: what it must still cover.
OLD_MINIMUMS = {"total": 160, "numeric": 45, "table": 20, "glossary": 15,
                "entity": 12, "mechanism": 12, "paraphrase": 12,
                "comparison": 12, "unanswerable": 35}
MIN_PER_SECTION = 2
MAX_ANSWER_CHARS = 90
# Newer gold may be a definition or a whole table cell; still a span, not a paragraph.
MAX_NEW_ANSWER_CHARS = 200

REVIEW_HEADING = re.compile(r"^\s*(\d+(?:\.\d+)*)\s+\S")
MD_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
MD_FENCE = re.compile(r"^ {0,3}(```|~~~)")
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d-"
DASH_TABLE = {ord(c): "-" for c in DASHES}


def normalise(text):
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.translate(DASH_TABLE)
    return re.sub(r"\s+", " ", text).strip()


def normalise_path(path):
    """A heading path as compared: normalised, emphasis markers gone, " > " between titles."""
    return " > ".join(p.strip() for p in normalise(re.sub(r"[*_]", "", path)).split(">"))


def review_sections(text):
    """The review's sections: id → its own text (to the next heading)."""
    problems = []
    current = "abstract"
    sections = {"abstract": []}
    for line in text.splitlines():
        new_id = None
        if line.strip() == "Glossary":
            new_id = "glossary"
        else:
            m = REVIEW_HEADING.match(line)
            # only " 1 Introduction" opens section 1
            if m and m.group(1) in NUMBERED and (
                m.group(1) != "1" or line.strip().startswith("1 Introduction")
            ):
                new_id = m.group(1)
        if new_id is not None:
            if new_id in sections:
                problems.append("review: heading for section %s found twice: %r" % (new_id, line))
            else:
                current = new_id
                sections[current] = []
        sections[current].append(line)
    for sid in SECTION_IDS:
        if sid not in sections:
            problems.append("review: section %s not found" % sid)
    return {sid: "\n".join(v) for sid, v in sections.items()}, problems


def markdown_sections(text):
    """A Markdown document's sections: normalised heading path → its own text (heading line to
    the next heading of any level). H1s before any deeper heading are the title, not a section;
    headings inside fenced code are not headings."""
    sections = {}
    stack = []  # (level, title)
    current, lines, fenced, titled = None, [], False, False
    for line in text.splitlines():
        if MD_FENCE.match(line):
            fenced = not fenced
        m = None if fenced else MD_HEADING.match(line)
        if m:
            if current is not None:
                sections[current] = sections.get(current, "") + "\n".join(lines)
            level = len(m.group(1))
            if level == 1 and not titled:  # the document's title lines head no section
                current, lines = None, []
                continue
            titled = True
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, m.group(2)))
            current, lines = normalise_path(" > ".join(t for _, t in stack)), []
        lines.append(line)
    if current is not None:
        sections[current] = sections.get(current, "") + "\n".join(lines)
    return sections


def load_documents():
    """doc id → (full text, {section key → normalised own text}, {section keys with a body})."""
    docs, problems = {}, []
    for name in sorted(os.listdir(CORPUS)):
        stem, ext = os.path.splitext(name)
        if ext not in (".txt", ".md") or stem.isupper():
            continue
        with open(os.path.join(CORPUS, name), encoding="utf-8", newline="") as fh:
            text = fh.read()
        if stem == REVIEW:
            raw, found = review_sections(text)
            problems += found
            body = set(BODY_SECTIONS)
        elif ext == ".md":
            raw = markdown_sections(text)
            body = {k for k, v in raw.items() if len(v.splitlines()) > 1 and v.split("\n", 1)[1].strip()}
        else:
            problems.append("%s: no section parser for this plain-text document" % name)
            continue
        docs[stem] = (text, {k: normalise(v) for k, v in raw.items()}, body)
    return docs, problems


def section_key(doc, section):
    return section if doc == REVIEW else normalise_path(section)


def check_question(q, where, docs, problems):
    """Problems of one question; returns its doc, or None when it cannot be checked."""
    if not isinstance(q, dict):
        problems.append("%s: not an object" % where)
        return None
    keys = set(q)
    old = keys == OLD_KEYS
    if not old and keys != NEW_KEYS:
        problems.append("%s: keys %s are neither schema" % (where, sorted(keys)))
        return None
    doc = q.get("doc", REVIEW)
    lists = ["sections", "answers"] + ([] if old else ["parts", "evidence"])
    strings = ["id", "question", "category"] + ([] if old else ["doc", "note"])
    for k in strings:
        if not isinstance(q[k], str):
            problems.append("%s: %s must be a string" % (where, k))
            return None
    for k in lists:
        if not isinstance(q[k], list) or not all(isinstance(s, str) for s in q[k]):
            problems.append("%s: %s must be a list of strings" % (where, k))
            return None
    if not isinstance(q["answerable"], bool):
        problems.append("%s: answerable must be true or false" % where)
    if len(q["question"].strip()) < (8 if old else 3):
        problems.append("%s: question too short" % where)
    if q["category"] not in (OLD_CATEGORIES if old else NEW_CATEGORIES):
        problems.append("%s: bad category %r" % (where, q["category"]))
    if (q["category"] == "unanswerable") != (q["answerable"] is False):
        problems.append("%s: category 'unanswerable' iff answerable is false" % where)
    if doc not in docs:
        problems.append("%s: unknown document %r" % (where, doc))
        return None
    text, sections, body = docs[doc]
    gold = {k: q.get(k, []) for k in ("sections", "answers", "parts", "evidence")}
    if not q["answerable"]:
        if any(gold.values()):
            problems.append("%s: unanswerable, yet it has sections, answers, parts or evidence" % where)
        # The old file's unanswerable questions name trials the review never names; the newer
        # near misses may name a trial it does name and ask what it does not state.
        for nct in re.findall(r"NCT\d{8}", q["question"]) if old else []:
            for other, (other_text, _, _) in docs.items():
                if nct in other_text:
                    problems.append("%s: %s occurs in %s" % (where, nct, other))
        return doc
    if not gold["sections"] or not gold["answers"]:
        problems.append("%s: answerable but no sections or no answers" % where)
    if len(gold["answers"]) > 3:
        problems.append("%s: more than 3 answer alternatives" % where)
    if len(set(gold["sections"])) != len(gold["sections"]):
        problems.append("%s: a section is listed twice" % where)
    keys_ = [section_key(doc, s) for s in gold["sections"]]
    for s, k in zip(gold["sections"], keys_):
        if k not in sections:
            problems.append("%s: %s has no section %r" % (where, doc, s))
        elif k not in body:
            problems.append("%s: section %r has no body text" % (where, s))
    listed = [sections.get(k, "") for k in keys_]
    for kind in ("answers", "parts", "evidence"):
        for a in gold[kind]:
            na = normalise(a)
            if not na:
                problems.append("%s: empty string in %s" % (where, kind))
            elif kind == "answers" and len(na) > (MAX_ANSWER_CHARS if old else MAX_NEW_ANSWER_CHARS):
                problems.append("%s: answer too long (%d chars): %r" % (where, len(na), a))
            elif not any(na in t for t in listed):
                problems.append("%s: %s string %r not in sections %s" % (where, kind, a, gold["sections"]))
    for e in gold["evidence"]:
        if e and e not in text:
            problems.append("%s: evidence %r is not in %s as written" % (where, e, doc))
    return doc


def read_jsonl(path, problems):
    out = []
    with open(path, encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                problems.append("%s:%d: blank line" % (os.path.basename(path), lineno))
                continue
            try:
                out.append((lineno, json.loads(raw)))
            except json.JSONDecodeError as exc:
                problems.append("%s:%d: bad JSON: %s" % (os.path.basename(path), lineno, exc))
    return out


def check_old_minimums(name, questions, problems):
    """The review's first questions keep the coverage they were written for."""
    old = [q for _, q in questions if isinstance(q, dict) and set(q) == OLD_KEYS]
    if not old:
        return
    cats = Counter(q["category"] for q in old)
    if len(old) < OLD_MINIMUMS["total"]:
        problems.append("%s: only %d questions of the old schema (< %d)" % (name, len(old), OLD_MINIMUMS["total"]))
    for cat, minimum in OLD_MINIMUMS.items():
        if cat != "total" and cats[cat] < minimum:
            problems.append("%s: old-schema category %s: %d < %d" % (name, cat, cats[cat], minimum))
    per_section = Counter(s for q in old if q.get("answerable") for s in set(q["sections"]))
    for s in BODY_SECTIONS:
        if per_section[s] < MIN_PER_SECTION:
            problems.append("%s: review section %s is gold for only %d old questions" % (name, s, per_section[s]))
    if not any(q.get("answerable") and "caspian" in normalise(q["question"])
               and any("0.73" in a for a in q["answers"]) for q in old):
        problems.append("%s: missing the CASPIAN OS hazard ratio question" % name)


def main(argv):
    if any(a in ("-h", "--help") for a in argv):
        print(__doc__)
        return 0
    files = argv or DEFAULT_FILES
    missing = [path for path in files if not os.path.isfile(path)]
    if missing:
        print("check_questions: no such file: %s" % ", ".join(missing), file=sys.stderr)
        return 2
    docs, problems = load_documents()
    ids, texts = Counter(), {}
    for path in files:
        name = os.path.basename(path)
        questions = read_jsonl(path, problems)
        counts = Counter()
        for lineno, q in questions:
            where = "%s:%d (%s)" % (name, lineno, q.get("id") if isinstance(q, dict) else "?")
            doc = check_question(q, where, docs, problems)
            if doc is not None:
                counts[(doc, q["category"])] += 1
                ids[q["id"]] += 1
                texts.setdefault(normalise(q["question"]), []).append("%s %s" % (name, q["id"]))
        check_old_minimums(name, questions, problems)
        answerable = sum(1 for _, q in questions if isinstance(q, dict) and q.get("answerable") is True)
        print("%s: %d questions, %d unanswerable (%.0f%%)" % (
            name, len(questions), len(questions) - answerable,
            100 * (len(questions) - answerable) / max(len(questions), 1)))
        for doc in sorted({d for d, _ in counts}):
            per = {c: n for (d, c), n in counts.items() if d == doc}
            print("  %s: %d" % (doc, sum(per.values())))
            print("    " + ", ".join("%s %d" % (c, n) for c, n in sorted(per.items())))
    for qid, n in ids.items():
        if n > 1:
            problems.append("id %s appears %d times (across all files checked)" % (qid, n))
    # A repeated question is a warning, not an error: a question in both dev and test lets
    # tuning on dev reach test, and one asked twice in a file counts twice.
    repeats = [where for where in texts.values() if len(where) > 1]
    if repeats:
        print("\nWARNING: %d question texts are asked more than once (after normalising):" % len(repeats))
        for where in repeats:
            print("  - " + ", ".join(where))
    if problems:
        print("\nPROBLEMS (%d):" % len(problems))
        for p in problems:
            print("  - " + p)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
