"""A hand-built deck with one question of every kind, for export and import tests.

Built from question objects (not generated), so changes to the generator do not move the
golden files. Its text carries HTML, Markdown and CSV special characters on purpose.
"""

from __future__ import annotations

from quizmaster.models import (
    ClozeQuestion,
    Fact,
    KeySpan,
    MatchQuestion,
    McqQuestion,
    Question,
    ShortAnswerQuestion,
    SpanType,
    StatementsQuestion,
    TrueFalseQuestion,
)
from quizmaster.records import StoredQuestion

DECK = "Exchange <deck> & co"

FACTS = [
    Fact(
        id="mou-venue",
        statement='The "defence" MoU was signed in Tel Aviv, Israel.',
        spans=[
            KeySpan(text="Tel Aviv", type=SpanType.PLACE, distractors=["Haifa", "Eilat"]),
            KeySpan(text="Israel", type=SpanType.COUNTRY),
        ],
        topic="Venue",
        tags=["mou", "venue"],
        explanation="Signed at the end of the 17th JWG meeting.",
    ),
    Fact(
        id="jwg-count",
        statement="The JWG met for the 17th time in 2025.",
        spans=[KeySpan(text="17th", type=SpanType.ORDINAL)],
        topic="Meetings",
        tags=["jwg"],
    ),
]

QUESTIONS: list[Question] = [
    ShortAnswerQuestion(
        id="mou-venue:short_answer:tel-aviv",
        fact_id="mou-venue",
        variant="tel-aviv",
        prompt='In which city was the "defence" MoU signed?',
        answer="Tel Aviv",
        explanation="Signed at the end of the 17th JWG meeting.",
        topic="Venue",
        tags=["mou", "venue"],
    ),
    ClozeQuestion(
        id="mou-venue:cloze:israel",
        fact_id="mou-venue",
        variant="israel",
        prompt='The "defence" MoU was signed in Tel Aviv, _____.',
        answer="Israel",
        explanation="Tel Aviv is in Israel.",
        topic="Venue",
        tags=["mou"],
    ),
    McqQuestion(
        id="mou-venue:mcq:tel-aviv",
        fact_id="mou-venue",
        variant="tel-aviv",
        prompt="Where was the MoU signed? <script>alert(1)</script>",
        answer="Tel Aviv",
        choices=["Haifa", "Tel Aviv", "Eilat & Acre", "=1+1"],
        explanation="*Not* Haifa.",
        topic="Venue",
        tags=["mou", "tricky tag"],
    ),
    TrueFalseQuestion(
        id="jwg-count:true_false:17th",
        fact_id="jwg-count",
        variant="17th",
        prompt="The JWG met for the 16th time in 2025.",
        answer="False",
        explanation="It was the 17th meeting.",
        topic="Meetings",
        tags=["jwg"],
    ),
    StatementsQuestion(
        id="jwg-count:statements:pair",
        fact_id="jwg-count",
        variant="pair",
        prompt="Consider the following statements:",
        statements=["The JWG met in 2025.", "The MoU was signed in Haifa."],
        choices=["1 only", "2 only", "Both 1 and 2", "Neither 1 nor 2"],
        answer="1 only",
        explanation="The MoU was signed in Tel Aviv.",
        topic="Meetings",
        tags=["jwg"],
        fact_ids=["jwg-count", "mou-venue"],
    ),
    MatchQuestion(
        id="jwg-count:match:pairs",
        fact_id="jwg-count",
        variant="pairs",
        prompt="Match List I with List II:",
        left=["Venue", "Meeting"],
        right=["17th", "Tel Aviv"],
        choices=["A-1 B-2", "A-2 B-1"],
        answer="A-2 B-1",
        explanation="",
        topic="Meetings",
        tags=["jwg"],
        fact_ids=["jwg-count", "mou-venue"],
    ),
]


def stored_questions() -> list[StoredQuestion]:
    return [StoredQuestion(question=q, deck=DECK) for q in QUESTIONS]
