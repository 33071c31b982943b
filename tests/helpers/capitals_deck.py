"""A hand-made deck of mcq and statements questions for mock and stats tests."""

from __future__ import annotations

import datetime as dt

from quizmaster.models import (
    ClozeQuestion,
    Fact,
    KeySpan,
    McqQuestion,
    Question,
    SpanType,
    StatementsQuestion,
)
from quizmaster.store import Store

CITIES = [
    ("france", "Paris", ["Lyon", "Nice", "Lille"], "Europe"),
    ("japan", "Tokyo", ["Osaka", "Kyoto", "Nagoya"], "Asia"),
    ("kenya", "Nairobi", ["Mombasa", "Kisumu", "Eldoret"], "Africa"),
    ("peru", "Lima", ["Cusco", "Arequipa", "Trujillo"], "Americas"),
    ("india", "New Delhi", ["Mumbai", "Kolkata", "Chennai"], "Asia"),
    ("egypt", "Cairo", ["Alexandria", "Giza", "Luxor"], "Africa"),
]


def facts_and_questions() -> tuple[list[Fact], list[Question]]:
    """Six capital-city facts, each with an mcq (answer at a different option position) and a
    cloze; one statements question on the first two facts."""
    facts: list[Fact] = []
    questions: list[Question] = []
    for i, (country, capital, others, topic) in enumerate(CITIES):
        fid = f"capital-{country}"
        statement = f"{capital} is the capital of {country.title()}."
        facts.append(
            Fact(
                id=fid,
                statement=statement,
                spans=[KeySpan(text=capital, type=SpanType.PLACE)],
                topic=topic,
                tags=["capitals", topic.lower()],
            )
        )
        choices = list(others)
        choices.insert(i % 4, capital)
        questions.append(
            McqQuestion(
                id=f"{fid}:mcq:x",
                fact_id=fid,
                variant="x",
                prompt=f"What is the capital of {country.title()}?",
                answer=capital,
                choices=choices,
                explanation=statement,
                topic=topic,
                tags=["capitals", topic.lower()],
            )
        )
        questions.append(
            ClozeQuestion(
                id=f"{fid}:cloze:x",
                fact_id=fid,
                variant="x",
                prompt=statement.replace(capital, "_____"),
                answer=capital,
                explanation=statement,
                topic=topic,
                tags=["capitals", topic.lower()],
            )
        )
    questions.append(
        StatementsQuestion(
            id="capital-france:statements:x",
            fact_id="capital-france",
            variant="x",
            prompt="Consider the following statements. Which of them is/are correct?",
            statements=["Paris is the capital of France.", "Osaka is the capital of Japan."],
            choices=["1 only", "2 only", "Both 1 and 2", "Neither 1 nor 2"],
            answer="1 only",
            explanation="Tokyo, not Osaka, is the capital of Japan.",
            topic="Europe",
            tags=["capitals", "europe"],
            fact_ids=["capital-france", "capital-japan"],
        )
    )
    return facts, questions


def load_capitals(store: Store, now: dt.datetime) -> None:
    facts, questions = facts_and_questions()
    store.load_deck("Capitals", facts, questions, now=now)
