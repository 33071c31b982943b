"""A deck's facts to its questions: every kind, deduplicated, in a stable order."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from quizmaster.generate.distractors import DeckIndex
from quizmaster.generate.gate import curated, defects
from quizmaster.generate.match import match_questions
from quizmaster.generate.news_frames import framed, writes_stem
from quizmaster.generate.per_fact import questions_for_fact
from quizmaster.generate.rank import keep_best
from quizmaster.generate.statement_sets import statements_question, topic_groups
from quizmaster.models import (
    Fact,
    Question,
)


def as_asked(fact: Fact) -> Fact:
    """The fact as its questions tell it: a lifted sentence that tells a post filled in its
    frame's short sentence (curated facts as their author wrote them)."""
    return fact if curated(fact) else framed(fact)


def news_facts(facts: Iterable[Fact], background: Collection[str]) -> list[Fact]:
    """An article's facts worth asking: those told in the background (prose past the lead,
    ``background`` holds their ids) only where a frame writes their stem. A background
    sentence lifted whole carries the page's asides and slips, and leans on the article's
    lead for what it speaks of."""
    return [fact for fact in facts if fact.id not in background or writes_stem(fact)]


def generate_questions(facts: Iterable[Fact]) -> list[Question]:
    """Questions for a whole deck: per fact in fact order, then statements, then match
    questions. Ids are unique; only questions that pass the quality gate are kept, and of
    those the best few per fact and per key (see :mod:`quizmaster.generate.rank`)."""
    facts = [as_asked(fact) for fact in facts]
    index = DeckIndex.build(facts)
    produced: list[Question] = []
    for fact in facts:
        produced.extend(questions_for_fact(fact, index))
    for group in topic_groups(facts):
        consider = statements_question(index, group)
        if consider is not None:
            produced.append(consider)
    produced.extend(match_questions(facts))
    seen: set[str] = set()
    out: list[Question] = []
    for question in produced:
        if question.id in seen:
            continue
        seen.add(question.id)
        out.append(question)
    by_id = {fact.id: fact for fact in facts}
    passed = [q for q in out if not defects(q, by_id.get(q.fact_id))]
    return keep_best(passed, by_id)
