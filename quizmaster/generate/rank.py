"""Rank the questions that pass the gate and keep the best: one per fact, few per key.

An aspirant is better served by six excellent questions from an article than by thirty that
ask the same name six ways. Two questions cut from one fact answer each other when shown
together (the cloze of one span prints the other), so each fact keeps its best question
only (:data:`MAX_PER_FACT`); across the deck a key is asked at most :data:`MAX_PER_KEY`
times, so two facts that restate one name do not both ask it. "Consider the following
statements" questions span several facts and are kept beside them.
"""

from __future__ import annotations

from collections.abc import Sequence

from quizmaster.generate.gate import key_type, option_key
from quizmaster.models import Fact, Question, SpanType

MAX_PER_FACT = 1
MAX_PER_KEY = 2

KEY_VALUE: dict[SpanType, int] = {
    SpanType.PERSON: 10,
    SpanType.EVENT: 9,
    SpanType.ORDINAL: 8,
    SpanType.PLACE: 8,
    SpanType.ORGANISATION: 8,
    SpanType.MONEY: 8,
    SpanType.NUMBER: 7,
    SpanType.DATE: 7,
    SpanType.COUNTRY: 6,
    SpanType.ROLE: 6,
    SpanType.TERM: 2,
}
# The exam's own form first: four options, then a typed answer, then a judgement.
KIND_VALUE = {
    "mcq": 4,
    "statements": 3,
    "match": 3,
    "short_answer": 2,
    "cloze": 1,
    "true_false": 0,
}


def score(question: Question, fact: Fact | None) -> float:
    """Higher is better: what the key is, the exam's form, a hand-written stem, brevity."""
    value = float(KIND_VALUE[question.kind])
    if question.kind in ("mcq", "short_answer", "cloze"):
        value += KEY_VALUE[key_type(question, fact)]
    else:
        value += 7
    if question.variant == "hand":
        value += 5
    return value - len(question.prompt.split()) / 15


def keep_best(questions: Sequence[Question], facts: dict[str, Fact]) -> list[Question]:
    """The best questions per fact and per key, in their original order."""
    ranked = sorted(
        range(len(questions)),
        key=lambda i: (-score(questions[i], facts.get(questions[i].fact_id)), i),
    )
    per_fact: dict[str, int] = {}
    per_key: dict[str, int] = {}
    asked: set[tuple[str, str]] = set()  # (fact, key): one question per key per fact
    kept: list[int] = []
    for i in ranked:
        question = questions[i]
        fact_ids = getattr(question, "fact_ids", None) or [question.fact_id]
        key = option_key(question.answer)
        single = question.kind in ("mcq", "short_answer", "cloze", "true_false")
        if single:
            full = per_fact.get(question.fact_id, 0) >= MAX_PER_FACT
            if full or (question.fact_id, key) in asked:
                continue
            if question.kind != "true_false" and per_key.get(key, 0) >= MAX_PER_KEY:
                continue
            asked.add((question.fact_id, key))
            per_key[key] = per_key.get(key, 0) + 1
        for fact_id in fact_ids if single else ():
            per_fact[fact_id] = per_fact.get(fact_id, 0) + 1
        kept.append(i)
    return [questions[i] for i in sorted(kept)]
