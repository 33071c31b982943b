"""The built-in deck as a rater samples it: at least 10 facts, each asked by its own
hand-written question, and no question, statement, explanation or wrong answer
that names another fact's key."""

from __future__ import annotations

import re

from quizmaster.facts_file import load_facts_file
from quizmaster.generate import generate_questions
from quizmaster.models import Fact, McqQuestion, Question, SpanType
from quizmaster.paths import builtin_deck_path

# Facts whose key is one item of a list the article gives (an emerging technology, an area
# of older cooperation): a typed answer could rightly be another item, so four options.
LIST_TAGS = frozenset({"emerging-technologies"})


def deck() -> tuple[list[Fact], list[Question]]:
    facts = load_facts_file(builtin_deck_path()).resolved_facts()
    return facts, generate_questions(facts)


def words(text: str) -> str:
    text = text.replace("’", "'").replace("–", "-").lower()
    return " " + re.sub(r"[^a-z0-9]+", " ", text).strip() + " "


# "2 and 3 only": the answer of a "which of 1, 2 and 3" question names no fact of its own.
COMBINATION_RE = re.compile(r"^\d(?:, \d)*(?: and \d)?(?: only)?$")


def key_forms(fact: Fact) -> set[str]:
    """The fact's key, and a person's surname alone ("Baram" gives away "Amir Baram")."""
    assert fact.answer is not None, fact.id
    if COMBINATION_RE.match(fact.answer):
        return set()
    forms = {fact.answer}
    if any(s.type is SpanType.PERSON and s.text == fact.answer for s in fact.spans):
        forms.add(fact.answer.split()[-1])
    return forms


def test_every_fact_keeps_its_own_hand_written_question() -> None:
    facts, questions = deck()
    assert len(facts) >= 10  # what the seed article states, each asked once
    assert sorted(q.fact_id for q in questions) == sorted(f.id for f in facts)
    assert all(q.variant == "hand" for q in questions), [q.id for q in questions]
    assert len({words(q.answer) for q in questions}) == len(questions)  # a key asked once
    assert len({words(q.prompt) for q in questions}) == len(questions)


def test_no_question_names_another_facts_key() -> None:
    facts, questions = deck()
    by_id = {f.id: f for f in facts}
    for q in questions:
        fact = by_id[q.fact_id]
        wrong = [o for o in (q.options or []) if o != q.answer]
        shown = [q.prompt, q.explanation or "", fact.statement, *wrong]
        shown += [d for s in fact.spans for d in s.distractors]
        for other in facts:
            if other.id == fact.id:
                continue
            for form in key_forms(other):
                leaks = [t for t in shown if words(form) in words(t)]
                assert not leaks, f"{q.id} names {other.id}'s key {form!r}: {leaks}"


def test_one_item_of_a_list_is_asked_with_four_options() -> None:
    facts, questions = deck()
    listed = {f.id for f in facts if LIST_TAGS & set(f.tags)}
    assert len(listed) >= 2
    for q in questions:
        if q.fact_id in listed:
            assert isinstance(q, McqQuestion) and len(q.choices) == 4, q.id


def test_no_explanation_speaks_of_options() -> None:
    """The ranking may show a fact as a typed answer, where "the wrong options" name nothing."""
    facts, _ = deck()
    assert not [f.id for f in facts if "option" in (f.explanation or "").lower()]
