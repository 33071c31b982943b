"""Every question kind is still reachable through the whole generator, one question per
fact: each purpose-built deck in tests/data/kinds yields the kind it is named after."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from quizmaster.generate import generate_questions
from quizmaster.generate.match import match_questions
from quizmaster.models import MatchQuestion, Question, StatementsQuestion
from tests.helpers.kind_decks import KINDS, kind_facts, kind_questions


def covered(questions: Sequence[Question]) -> list[str]:
    """The facts the questions stand for (several for a statements or match question)."""
    return [f for q in questions for f in (getattr(q, "fact_ids", None) or [q.fact_id])]


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "match"])
def test_each_kind_is_kept_from_its_deck(kind: str) -> None:
    questions = kind_questions(kind)
    assert kind in {q.kind for q in questions}
    # One question per fact: no fact is covered twice, not even by a statements set.
    assert len(covered(questions)) == len(set(covered(questions)))
    assert set(covered(questions)) <= {f.id for f in kind_facts(kind)}


def test_statements_set_covers_only_facts_without_a_question_and_has_a_false_one() -> None:
    facts = kind_facts("statements")
    true = {f.statement for f in facts}
    questions = kind_questions("statements")
    (consider,) = [q for q in questions if isinstance(q, StatementsQuestion)]
    own = {q.fact_id for q in questions if q is not consider}
    assert own and not own & set(consider.fact_ids)
    assert any(s not in true for s in consider.statements)
    assert any(s in true for s in consider.statements)


def test_match_builder_pairs_the_fixture() -> None:
    (match,) = match_questions(kind_facts("match"))
    assert match.left == ["Asha Rao", "Vikram Sen", "Meera Iyer"]
    assert sorted(match.right) == ["Cabinet Secretary", "Foreign Secretary", "Home Secretary"]


def test_match_is_kept_from_its_deck() -> None:
    questions = kind_questions("match")
    assert [q.kind for q in questions] == ["match"]
    assert isinstance(questions[0], MatchQuestion)
    assert set(covered(questions)) == {f.id for f in kind_facts("match")}


def test_article_sentences_are_never_matched_in_pairs() -> None:
    lifted = [
        fact.model_copy(
            update={"spans": [s.model_copy(update={"distractors": []}) for s in fact.spans]}
        )
        for fact in kind_facts("match")
    ]
    assert not [q for q in generate_questions(lifted) if q.kind == "match"]
