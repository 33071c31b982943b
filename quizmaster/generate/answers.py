"""Typed answers: what else a typed answer may be (declared acronyms, short forms)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizmaster.generate.text import (
    MONTH_YEAR_RE,
    NUMBER_IN_TEXT,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    gives_away,
    norm,
)
from quizmaster.generate.values import _number_value, ordinal_suffix, parse_ordinal
from quizmaster.models import (
    Fact,
    SpanType,
)
from quizmaster.word_lists import STOPWORDS

_LETTERS = re.compile(r"[A-Za-z]+")


def acronym_of(text: str, texts: Sequence[str]) -> str | None:
    """The abbreviation of ``text`` when ``texts`` use one (AI, JWG, MoU), else None."""
    words = _LETTERS.findall(text)
    if len(words) < 2:
        return None
    variants = {
        "".join(w[0].upper() if w.lower() not in STOPWORDS else w[0].lower() for w in words),
        "".join(w[0].upper() for w in words),
        "".join(w[0].upper() for w in words if w.lower() not in STOPWORDS),
    }
    for variant in sorted(variants):
        if len(variant) < 2 or not any(variant in t for t in texts):
            continue  # (a whole-word match needs the letters in the text at all)
        pattern = re.compile(r"(?<!\w)" + re.escape(variant) + r"(?!\w)")
        if any(pattern.search(t) for t in texts):
            return variant
    return None


def _fact_texts(fact: Fact) -> list[str]:
    return [x for x in (fact.statement, fact.explanation, fact.question) if x]


def accepted_answers(fact: Fact, answer: str, prompt: str) -> list[str]:
    """Other typed forms that are right: "17" for "17th", "AI" for "Artificial intelligence"
    (when the fact itself uses the abbreviation), "3 decades" for "three decades"."""
    out: list[str] = []
    n = parse_ordinal(answer)
    if n is not None:
        out.append(str(n))
        out.append(f"{n}{ordinal_suffix(n)}")
        if n < len(ORDINAL_WORDS):
            out.append(ORDINAL_WORDS[n])
    numbers = list(NUMBER_IN_TEXT.finditer(answer))
    if (
        n is None and len(numbers) == 1 and numbers[0].start() == 0
    ):  # "3 decades", not "Chandrayaan-3"
        token = numbers[0].group(0)
        value = _number_value(token)
        if value is not None and value == int(value) and 0 <= value < len(NUMBER_WORDS):
            other = str(int(value)) if token.lower() in NUMBER_WORDS else NUMBER_WORDS[int(value)]
            out.append(answer[: numbers[0].start()] + other + answer[numbers[0].end() :])
    match = MONTH_YEAR_RE.match(answer.strip())
    if match:
        out.append(f"{match.group(1)[:3]} {match.group(2)}")
    person = any(s.type is SpanType.PERSON and s.text == answer for s in fact.spans)
    acronym = None if person else acronym_of(answer, _fact_texts(fact))
    if acronym:  # a person's initials are a party's tag as often ("N Rangasamy", "NR")
        out.append(acronym)
    result: list[str] = []
    for alt in out:
        if norm(alt) != norm(answer) and not gives_away(prompt, alt) and alt not in result:
            result.append(alt)
    return result
