"""Joint exercises: the long sentence of an edition's news, asked as the pair an aspirant
recalls, the exercise and India's partner in it (fixtures written for these tests)."""

from __future__ import annotations

import pytest

from quizmaster.generate import generate_questions
from quizmaster.generate.military_exercises import exercise_claim
from quizmaster.generate.news_frames import framed
from quizmaster.models import Fact, KeySpan, SpanType
from quizmaster.word_lists import EXERCISE_PARTNERS


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (
            "The eleventh edition of Mitra Shakti, a joint military exercise between India and"
            " Sri Lanka, ended at a training node near Pune on Friday.",
            "Mitra Shakti is a joint military exercise between India and Sri Lanka.",
        ),
        (
            "The Indo-French naval exercise VARUNA-2031 began off the Goa coast with two carriers.",
            "Varuna is a naval exercise between India and France.",
        ),
        (
            "India-Nepal Military Exercise Surya Kiran Commences In Salijhandi",
            "Surya Kiran is a joint military exercise between India and Nepal.",
        ),
        (
            "Troops of the Indian and Malaysian armies opened Exercise Harimau Shakti 2031 in a"
            " jungle camp.",
            "Harimau Shakti is a joint military exercise between India and Malaysia.",
        ),
        (
            "Exercise Dharma Guardian, an annual exercise between the Indian Army and the"
            " Japanese Ground Self Defence Force, concluded on Monday.",
            "Dharma Guardian is a joint military exercise between India and Japan.",
        ),
        (
            "The Singapore-India Maritime Bilateral Exercise (SIMBEX) closed in the South China"
            " Sea.",
            "SIMBEX is a naval exercise between India and Singapore.",
        ),
        (
            "The sixth edition of the India-Maldives exercise EKUVERIN-VI began at Chaubatia.",
            "Ekuverin is a joint military exercise between India and the Maldives.",
        ),
    ],
)
def test_an_exercise_is_told_as_its_name_and_partner(sentence: str, claim: str) -> None:
    found = exercise_claim(sentence)
    assert found is not None
    assert found[0] == claim


@pytest.mark.parametrize(
    "sentence",
    [
        # many nations: no one partner
        "The multinational naval exercise Milan 2031, with ships of 40 nations, began.",
        # a partner the list says is wrong for a known exercise
        "The India-Japan exercise Shakti began at a camp in Meghalaya.",
        # no name of its own
        "A two-week joint military exercise between India and Nepal concluded on Monday.",
        # a drill's kind, not a name
        "The Indian and Russian navies held a PASSEX in the Bay of Bengal.",
        # a sentence's first word, not a name
        "Meanwhile, the India-France military exercise ended after twelve days.",
        # a person after the word, not an exercise
        "At the end of the exercise, Major General Tom Reed of the US Army spoke of India.",
    ],
)
def test_an_exercise_without_one_named_partner_is_left_as_told(sentence: str) -> None:
    assert exercise_claim(sentence) is None


def test_the_deck_asks_the_exercise_with_wrong_answers_held_with_other_countries() -> None:
    told = (
        "In March 2031, the fifth edition of the India-Japan joint military exercise Dharma"
        " Guardian began at a training node in Rajasthan."
    )
    fact = Fact(
        id="dharma-guardian",
        statement=told,
        spans=[KeySpan(text="Dharma Guardian", type=SpanType.EVENT)],
    )
    asked = framed(fact)
    assert asked.statement == (
        "Dharma Guardian is a joint military exercise between India and Japan."
    )
    assert asked.explanation == told
    questions = generate_questions([fact])
    assert questions, "the exercise is asked"
    for question in questions:
        assert question.answer in ("Dharma Guardian", "Japan"), question.prompt
        if question.kind == "mcq" and question.answer == "Dharma Guardian":
            wrong = [o for o in question.options or [] if o != question.answer]
            assert wrong and all(EXERCISE_PARTNERS[o] != "Japan" for o in wrong)


def test_the_exercise_is_never_asked_without_options() -> None:
    """ "_____ is a joint military exercise between India and France" fits Shakti, and to
    a reader Varuna and Garuda too: only the options say which one is meant. Its partner,
    asked for, is one country."""
    from tests.test_gate import cloze_defects

    name = "_____ is a joint military exercise between India and France."
    assert "more than one answer" in cloze_defects(name, "Shakti", SpanType.EVENT)
    partner = "Shakti is a joint military exercise between India and _____."
    assert "more than one answer" not in cloze_defects(partner, "France", SpanType.COUNTRY)
