"""Property tests: for any valid deck, the generator keeps its promises."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from quizmaster.generate import generate_questions, norm
from quizmaster.models import Fact, MatchQuestion, McqQuestion, SpanType, StatementsQuestion

VOCAB = [
    "the", "a", "of", "in", "India", "Israel", "signed", "MoU", "Tel", "Aviv", "17th", "2nd",
    "November", "2025", "three", "decades", "1,200", "crore", "Ministry", "Defence", "Joint",
    "Working", "Group", "JWG", "Rajesh", "Kumar", "Singh", "was", "held", "more", "than", "as",
    "Secretary", "India's", "co-chairs", "AI", "Artificial", "intelligence", "and", "by", "on",
    "Paris", "France", "capital", "is", "March", "summit", "Rabat", "-", "(Res)", "Maj", "Gen",
    "about", "less", "one-third", "8.2%", "General", "lander", ",", "Kazan", "Russia", "one",
    "also", "one of", "Besides", "12 January 2024", "1935", "Governor", "Mumbai", "Delhi",
]  # fmt: skip

word = st.one_of(
    st.sampled_from(VOCAB),
    st.text(alphabet="abcdeéxyzABC019-'", min_size=1, max_size=7),
)
phrase = st.lists(word, min_size=1, max_size=4).map(" ".join)


@st.composite
def facts(draw: st.DrawFn, index: int) -> Fact:
    words = draw(st.lists(word, min_size=2, max_size=14))
    statement = " ".join(words) + draw(st.sampled_from([".", "", "!"]))
    spans = []
    for _ in range(draw(st.integers(1, 3))):
        start = draw(st.integers(0, len(words) - 1))
        end = draw(st.integers(start + 1, min(len(words), start + 3)))
        spans.append(
            {
                "text": " ".join(words[start:end]),
                "type": draw(st.sampled_from(list(SpanType))).value,
                "distractors": draw(st.lists(st.one_of(phrase, st.just(" ")), max_size=4)),
            }
        )
    data: dict[str, object] = {
        "id": f"fact-{index}",
        "statement": statement,
        "spans": spans,
        "topic": draw(st.sampled_from(["Alpha", "Beta", "General"])),
    }
    if draw(st.booleans()):
        data["question"] = draw(phrase) + "?"
        data["answer"] = draw(st.one_of(phrase, st.sampled_from([s["text"] for s in spans])))
        data["distractors"] = draw(st.lists(phrase, max_size=4))
    try:
        return Fact.model_validate(data)
    except ValidationError:
        assume(False)
        raise


@st.composite
def decks(draw: st.DrawFn) -> list[Fact]:
    size = draw(st.integers(1, 7))
    return [draw(facts(i)) for i in range(size)]


SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.slow
@SETTINGS
@given(decks())
def test_mcqs_have_exactly_one_right_among_four_distinct_options(deck: list[Fact]) -> None:
    for q in generate_questions(deck):
        if isinstance(q, McqQuestion | StatementsQuestion | MatchQuestion):
            options = q.choices
            assert len(options) == 4, q.id
            assert all(o.strip() for o in options), q.id
            assert len({norm(o) or o for o in options}) == 4, q.id
            assert [norm(o) or o for o in options].count(norm(q.answer) or q.answer) == 1, q.id
        if q.kind == "true_false":
            assert q.answer in ("True", "False")


@pytest.mark.slow
@SETTINGS
@given(decks())
def test_no_prompt_contains_its_answer(deck: list[Fact]) -> None:
    for q in generate_questions(deck):
        assert q.answer.strip(), q.id
        if q.kind != "true_false":  # its answer is a verdict, not a span
            assert q.answer.casefold() not in q.prompt.casefold(), q.id
        for alt in q.accepted:
            assert alt.casefold() not in q.prompt.casefold(), q.id


@pytest.mark.slow
@SETTINGS
@given(decks())
def test_generation_is_deterministic_and_ids_unique(deck: list[Fact]) -> None:
    first = generate_questions(deck)
    again = generate_questions([f.model_copy() for f in deck])
    assert [q.model_dump() for q in first] == [q.model_dump() for q in again]
    assert len({q.id for q in first}) == len(first)
    known = {f.id for f in deck}
    for q in first:
        assert q.fact_id in known
        assert q.id.startswith(f"{q.fact_id}:{q.kind}:")
