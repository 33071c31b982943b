from __future__ import annotations

from pathlib import Path

from quizmaster.facts_file import load_facts_file
from quizmaster.generate import BLANK, generate_questions
from quizmaster.paths import builtin_deck_path


def test_each_fact_has_a_one_liner_and_a_cloze() -> None:
    facts = load_facts_file(builtin_deck_path()).resolved_facts()
    questions = generate_questions(facts)
    for fact in facts:
        kinds = {q.kind for q in questions if q.fact_id == fact.id}
        assert {"short_answer", "cloze"} <= kinds, fact.id


def test_ids_are_stable_and_unique(facts_yaml: Path) -> None:
    facts = load_facts_file(facts_yaml).resolved_facts()
    first = generate_questions(facts)
    assert [q.id for q in first] == [q.id for q in generate_questions(facts)]
    assert len({q.id for q in first}) == len(first)
    assert "summit-ordinal:short_answer:hand" in {q.id for q in first}


def test_cloze_blanks_the_span(facts_yaml: Path) -> None:
    facts = load_facts_file(facts_yaml).resolved_facts()
    cloze = next(q for q in generate_questions(facts) if q.id == "capital-france:cloze:paris")
    assert cloze.prompt == f"{BLANK} is the capital of France."
    assert cloze.answer == "Paris"


def test_no_prompt_gives_its_answer_away() -> None:
    facts = load_facts_file(builtin_deck_path()).resolved_facts()
    for q in generate_questions(facts):
        assert q.answer.lower() not in q.prompt.lower(), q.id
