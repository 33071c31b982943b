"""Hypothesis on the question generator: any valid fact gives valid, stable questions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizmaster.generate import BLANK, DeckIndex, generate_questions, questions_for_fact
from quizmaster.models import Fact, KeySpan, SpanType

_words = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=12)


@st.composite
def facts(draw: st.DrawFn, index: int = 0) -> Fact:
    parts = draw(st.lists(_words.filter(lambda w: w.strip() != ""), min_size=1, max_size=6))
    statement = " ".join(parts)
    chosen = draw(st.lists(st.sampled_from(parts), min_size=1, max_size=3, unique=True))
    spans = [KeySpan(text=t, type=draw(st.sampled_from(list(SpanType)))) for t in chosen]
    hand = draw(st.booleans())
    return Fact(
        id=draw(st.from_regex(r"[a-z0-9][a-z0-9-]{0,10}", fullmatch=True)),
        statement=statement,
        spans=spans,
        question="Which one?" if hand else None,
        answer=chosen[0] if hand else None,
    )


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(st.lists(facts(), min_size=1, max_size=5, unique_by=lambda f: f.id))  # as the loader ensures
def test_generated_questions_are_valid_unique_and_stable(deck: list[Fact]) -> None:
    questions = generate_questions(deck)
    assert [q.model_dump() for q in generate_questions(deck)] == [q.model_dump() for q in questions]
    ids = [q.id for q in questions]
    assert len(ids) == len(set(ids))
    by_id = {f.id: f for f in deck}
    for q in questions:
        assert q.id.startswith(f"{q.fact_id}:{q.kind}:")
        fact = by_id[q.fact_id]
        if q.kind in ("short_answer", "cloze"):
            assert q.answer in {s.text for s in fact.spans} | {fact.answer}
        elif q.kind == "true_false":
            assert q.answer in ("True", "False")
        else:
            assert q.options is not None and q.options.count(q.answer) == 1
        assert q.prompt.strip()
        if q.kind == "cloze":
            assert BLANK in q.prompt
    # One question per fact at most (a statements or match question stands for several).
    covered = [f for q in questions for f in (getattr(q, "fact_ids", None) or [q.fact_id])]
    assert len(covered) == len(set(covered))
    # Every fact has questions to choose from, whatever the gate then keeps.
    index = DeckIndex.build(deck)
    for fact in deck:
        assert questions_for_fact(fact, index)
