"""The grader accepts what an exam setter accepts and nothing more: a table of (answer,
response) pairs, each checked in both directions where the relation is symmetric."""

from __future__ import annotations

import pytest

from quizmaster.grade import canonical, check, declared_abbreviations, typed_matches
from quizmaster.models import ShortAnswerQuestion

MOU_WRONG = ["Memorandum of Undertaking", "Minutes of Understanding", "Mandate of Unity"]
JWG_TEXT = "The pact followed the 17th Joint Working Group (JWG) meeting in Tel Aviv."

# (right answer, response, known wrong answers, question text, prompt)
ACCEPTED = [
    # Abbreviations the question's own text declares, and abbreviated titles.
    ("Joint Working Group", "JWG", [], JWG_TEXT, "Which body met?"),
    ("Major General Amir Baram", "Maj Gen Amir Baram", [], "", "Who signed?"),
    ("Lieutenant General Rajiv Ghai", "Lt Gen Rajiv Ghai", [], "", "Who?"),
    # The distinctive surname of a person.
    ("Amir Baram", "Baram", [], "", "Who signed the MoU for Israel?"),
    ("Dr. Jitendra Singh Rawat", "Rawat", [], "", "Who inaugurated it?"),
    # The short form of a place with a kind.
    ("Keoladeo National Park", "Keoladeo", [], "", "Which park?"),
    ("Chilika Lake", "Chilika", [], "", "Which lake?"),
    ("Udhwa Lake Bird Sanctuary", "Udhwa Lake", [], "", "Which site?"),
    # Number words.
    ("85", "eighty-five", [], "", "How many?"),
    ("85", "eighty five", [], "", "How many?"),
    ("17th", "seventeenth", [], "", "Which round?"),
    ("200000", "two lakh", [], "", "How many?"),
    ("1,200", "one thousand two hundred", [], "", "How many?"),
    # Old official names.
    ("Odisha", "Orissa", [], "", "Which state?"),
    ("Mumbai", "Bombay", [], "", "Which city?"),
    ("Bengaluru", "Bangalore", [], "", "Which city?"),
    ("Myanmar", "Burma", [], "", "Which country?"),
    # A real typo of the right answer, even with known wrong answers around.
    ("Memorandum of Understanding", "Memorandum of Understandng", MOU_WRONG, "", "What?"),
    ("Tel Aviv", "Tel Avive", [], "", "Where?"),
]

REJECTED = [
    # A known wrong answer, or a "typo" that is a real word of one.
    ("Memorandum of Understanding", "Memorandum of Undertaking", MOU_WRONG, "", "What?"),
    ("Memorandum of Understanding", "Memorandum of Undertakings", MOU_WRONG, "", "What?"),
    ("Memorandum of Understanding", "Minutes of Understanding", MOU_WRONG, "", "What?"),
    # An abbreviation nobody declared, or a different one.
    ("Joint Working Group", "JWC", [], JWG_TEXT, "Which body met?"),
    ("Joint Working Group", "JWG", [], "", "Which body met?"),
    # A surname shared by too many people, or a first name.
    ("Rajesh Kumar Singh", "Singh", [], "", "Who signed for India?"),
    ("Amir Baram", "Amir", [], "", "Who signed the MoU for Israel?"),
    ("Amir Baram", "Baram", [], "", "Which company?"),  # not asked for a person
    # The kind alone, or another place.
    ("Keoladeo National Park", "National Park", [], "", "Which park?"),
    ("Chilika Lake", "Lake", [], "", "Which lake?"),
    # Another number.
    ("85", "eighty-six", [], "", "How many?"),
    ("17th", "eighteenth", [], "", "Which round?"),
    ("200000", "two crore", [], "", "How many?"),
    # Another place, old name or not.
    ("Odisha", "Madras", [], "", "Which state?"),
    ("Mumbai", "Calcutta", [], "", "Which city?"),
]

# Symmetric relations hold the other way round too: the long form for a declared
# abbreviation, today's name when the old one is asked, digits for number words.
BOTH_WAYS = [
    ("JWG", "Joint Working Group", JWG_TEXT),
    ("Maj Gen Amir Baram", "Major General Amir Baram", ""),
    ("Orissa", "Odisha", ""),
    ("Bombay", "Mumbai", ""),
    ("eighty-five", "85", ""),
    ("seventeenth", "17th", ""),
]


def _question(answer: str, text: str, prompt: str) -> ShortAnswerQuestion:
    return ShortAnswerQuestion(
        id="f:short_answer:x",
        fact_id="f",
        variant="x",
        prompt=prompt,
        answer=answer,
        explanation=text,
    )


@pytest.mark.parametrize(("answer", "response", "wrong", "text", "prompt"), ACCEPTED)
def test_a_setter_accepts(
    answer: str, response: str, wrong: list[str], text: str, prompt: str
) -> None:
    assert check(_question(answer, text, prompt), response, wrong=wrong).correct


@pytest.mark.parametrize(("answer", "response", "wrong", "text", "prompt"), REJECTED)
def test_a_setter_rejects(
    answer: str, response: str, wrong: list[str], text: str, prompt: str
) -> None:
    assert not check(_question(answer, text, prompt), response, wrong=wrong).correct


@pytest.mark.parametrize(("answer", "response", "text"), BOTH_WAYS)
def test_symmetric_forms_hold_both_ways(answer: str, response: str, text: str) -> None:
    assert check(_question(answer, text, "What?"), response).correct
    assert check(_question(response, text, "What?"), answer).correct


def test_exact_answers_are_never_typos() -> None:
    verdict = typed_matches("Keoladeo", ["Keoladeo National Park"])
    assert verdict.correct and not verdict.typo
    verdict = typed_matches("Memorandum of Understandng", ["Memorandum of Understanding"])
    assert verdict.correct and verdict.typo


def test_a_right_answer_listed_among_wrong_ones_stays_right() -> None:
    # A fact's distractors for one blank may be the answer of another blank.
    assert typed_matches("Israel", ["Israel"], wrong=["Israel", "Egypt"]).correct


def test_canonical_forms() -> None:
    assert canonical("Eighty-Five") == "85"
    assert canonical("the Orissa coast") == "odisha coast"
    assert canonical("Maj. Gen. Baram") == "major general baram"
    assert declared_abbreviations(JWG_TEXT) == {"joint working group": "jwg"}
