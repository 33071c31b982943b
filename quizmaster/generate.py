"""Turn facts into question objects. Pure and deterministic: the same facts give the same
questions, with the same ids, on every machine."""

from __future__ import annotations

import re
from collections.abc import Iterable

from quizmaster.models import (
    ClozeQuestion,
    Fact,
    KeySpan,
    Question,
    ShortAnswerQuestion,
    SpanType,
    question_id,
)

BLANK = "_____"

# How to ask for a span of each type when the question is made by replacing the span in place.
WH_PHRASE: dict[SpanType, str] = {
    SpanType.PERSON: "whom",
    SpanType.ROLE: "which post",
    SpanType.PLACE: "which place",
    SpanType.COUNTRY: "which country",
    SpanType.ORGANISATION: "which body",
    SpanType.DATE: "when",
    SpanType.NUMBER: "how many",
    SpanType.ORDINAL: "which (ordinal)",
    SpanType.MONEY: "how much",
    SpanType.TERM: "what",
    SpanType.EVENT: "which event",
}


def slug(text: str) -> str:
    """A lowercase ascii slug used as a question variant: stable while the span text is."""
    value = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return value or "x"


def _explanation(fact: Fact) -> str:
    return fact.explanation or fact.statement


def _replace_once(statement: str, span: KeySpan, replacement: str) -> str:
    return statement.replace(span.text, replacement, 1)


def cloze(fact: Fact, span: KeySpan) -> ClozeQuestion:
    """The statement with ``span`` blanked."""
    return ClozeQuestion(
        id=question_id(fact.id, "cloze", slug(span.text)),
        fact_id=fact.id,
        variant=slug(span.text),
        prompt=_replace_once(fact.statement, span, BLANK),
        answer=span.text,
        explanation=_explanation(fact),
        topic=fact.topic,
        tags=list(fact.tags),
    )


def wh_question(fact: Fact, span: KeySpan) -> ShortAnswerQuestion:
    """A wh-question made by putting a question phrase in place of ``span``."""
    asked = _replace_once(fact.statement, span, WH_PHRASE[span.type]).rstrip(" .!")
    return ShortAnswerQuestion(
        id=question_id(fact.id, "short_answer", slug(span.text)),
        fact_id=fact.id,
        variant=slug(span.text),
        prompt=asked[0].upper() + asked[1:] + "?",
        answer=span.text,
        explanation=_explanation(fact),
        topic=fact.topic,
        tags=list(fact.tags),
    )


def hand_written(fact: Fact) -> ShortAnswerQuestion | None:
    """The fact's own question, when it has one."""
    if not (fact.question and fact.answer):
        return None
    return ShortAnswerQuestion(
        id=question_id(fact.id, "short_answer", "hand"),
        fact_id=fact.id,
        variant="hand",
        prompt=fact.question,
        answer=fact.answer,
        explanation=_explanation(fact),
        topic=fact.topic,
        tags=list(fact.tags),
    )


def questions_for_fact(fact: Fact) -> list[Question]:
    """Every question one fact yields: a one-line question and a cloze per key span."""
    out: list[Question] = []
    own = hand_written(fact)
    if own is not None:
        out.append(own)
    for span in fact.spans:
        if own is None or span.text != fact.answer:
            out.append(wh_question(fact, span))
        out.append(cloze(fact, span))
    return out


def generate_questions(facts: Iterable[Fact]) -> list[Question]:
    """Questions for a whole deck, in fact order. Ids are unique."""
    seen: set[str] = set()
    out: list[Question] = []
    for fact in facts:
        for question in questions_for_fact(fact):
            if question.id not in seen:
                seen.add(question.id)
                out.append(question)
    return out
