"""A small deck with every answering style: an mcq, a true/false and typed questions.

The generator keeps one question per fact, and which kind it keeps is its own judgement; the
session tests need fixed kinds and facts with several questions (siblings), so the questions
they rely on are made here and the generated ones are added after them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from quizmaster.facts_file import load_facts_file
from quizmaster.generate import generate_questions, hand_written
from quizmaster.generate.per_fact import cloze
from quizmaster.models import Fact, McqQuestion, Question, TrueFalseQuestion
from quizmaster.store import Store
from tests.helpers.pinned import DATA

DECK = "Quiz deck"
MCQ_ID = "capital-france:mcq:paris"
TF_ID = "summit-ordinal:true_false:16th"
MOU_ID = "mou-city:short_answer:hand"
RIVER_ID = "river-longest:short_answer:hand"
# A second question of capital-france: buried for the day once MCQ_ID is answered.
SIBLING_ID = "capital-france:cloze:paris"


def quiz_questions() -> tuple[list[Fact], list[Question]]:
    facts = load_facts_file(DATA / "quiz.yaml").resolved_facts()
    by_id = {fact.id: fact for fact in facts}
    typed = [hand_written(by_id["mou-city"]), hand_written(by_id["river-longest"])]
    sibling = cloze(by_id["capital-france"], by_id["capital-france"].spans[0])
    extra: list[Question] = [
        McqQuestion(
            id=MCQ_ID,
            fact_id="capital-france",
            variant="paris",
            prompt="Which city is the capital of France?",
            answer="Paris",
            choices=["Lyon", "Paris", "Marseille", "Nice"],
            explanation="Paris is the capital of France.",
            topic="Geography",
        ),
        TrueFalseQuestion(
            id=TF_ID,
            fact_id="summit-ordinal",
            variant="16th",
            prompt="True or false: the summit in Rabat was the 16th.",
            answer="False",
            explanation="It was the 17th.",
            topic="Events",
            tags=["summits"],
        ),
        *(q for q in typed if q is not None),
        sibling,
    ]
    assert [q.id for q in extra] == [MCQ_ID, TF_ID, MOU_ID, RIVER_ID, SIBLING_ID]
    # Hand-made questions replace generated ones with the same id.
    mine = {q.id for q in extra}
    return list(facts), extra + [q for q in generate_questions(facts) if q.id not in mine]


def load_quiz_deck(store: Store, now: dt.datetime) -> None:
    facts, questions = quiz_questions()
    store.load_deck(DECK, facts, questions, now=now)


def make_quiz_db(path: Path, now: dt.datetime) -> Path:
    with Store.open(path, now=now) as store:
        load_quiz_deck(store, now)
    return path
