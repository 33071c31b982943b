from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizmaster.grade import (
    InvalidChoice,
    Rating,
    Verdict,
    check,
    normalise,
    parse_choice,
    rate,
    typed_matches,
)
from quizmaster.models import (
    ClozeQuestion,
    MatchQuestion,
    McqQuestion,
    ShortAnswerQuestion,
    StatementsQuestion,
    TrueFalseQuestion,
)


def short(answer: str, accepted: list[str] | None = None) -> ShortAnswerQuestion:
    return ShortAnswerQuestion(
        id="f:short_answer:x",
        fact_id="f",
        variant="x",
        prompt="?",
        answer=answer,
        accepted=accepted or [],
    )


MCQ = McqQuestion(
    id="f:mcq:x",
    fact_id="f",
    variant="x",
    prompt="Where?",
    answer="Tel Aviv",
    choices=["Jerusalem", "Tel Aviv", "Haifa", "Eilat"],
)
TF = TrueFalseQuestion(id="f:true_false:x", fact_id="f", variant="x", prompt="S", answer="False")


@pytest.mark.parametrize(
    ("answer", "response"),
    [
        ("Tel Aviv", "tel aviv"),
        ("Tel Aviv", "  Tel Aviv. "),
        ("Tel Aviv", "Tel-Aviv"),
        ("Tel Aviv", "telaviv"),
        ("India–Israel", "india-israel"),
        ("India–Israel", "India Israel"),
        ("17th", "17"),
        ("17th", "17 th"),
        ("17", "17th"),
        ("the Joint Working Group", "joint working group"),
        ("Memorandum of Understanding", "memorandum of understandng"),
        ("Rajesh Kumar Singh", "Rajesh Kumar Sing"),
        ("₹1,000 crore", "1000 crore"),
        ("Défense", "défense"),
    ],
)
def test_typed_answers_are_tolerant(answer: str, response: str) -> None:
    assert check(short(answer), response).correct


@pytest.mark.parametrize(
    ("answer", "response"),
    [
        ("17th", "18th"),
        ("17th", "16"),
        ("2025", "2024"),
        ("Haifa", "Hafia"),  # short words: no typo allowance (another word, not a typo)
        ("Tel Aviv", "Jerusalem"),
        ("Tel Aviv", ""),
        ("Tel Aviv", "   "),
        ("India", "Indonesia"),
    ],
)
def test_wrong_answers_stay_wrong(answer: str, response: str) -> None:
    assert not check(short(answer), response).correct


def test_typo_is_flagged_and_exact_is_not() -> None:
    assert check(short("Memorandum of Understanding"), "memorandum of understandng").typo
    assert not check(short("Memorandum of Understanding"), "Memorandum of Understanding").typo


def test_accepted_alternatives() -> None:
    question = short("Memorandum of Understanding", accepted=["MoU"])
    assert check(question, "mou").correct
    assert not check(short("Memorandum of Understanding"), "mou").correct


def test_cloze_is_typed() -> None:
    cloze = ClozeQuestion(id="c", fact_id="f", variant="x", prompt="_____ is", answer="Paris")
    assert check(cloze, "paris").correct


@pytest.mark.parametrize(
    ("response", "choice", "correct"),
    [
        ("2", 1, True),
        ("b", 1, True),
        ("B", 1, True),
        ("b)", 1, True),
        ("1", 0, False),
        ("d", 3, False),
        ("tel aviv", 1, True),
        ("Jerusalem", 0, False),
    ],
)
def test_mcq_by_number_letter_or_text(response: str, choice: int, correct: bool) -> None:
    verdict = check(MCQ, response)
    assert verdict == Verdict(correct=correct, choice=choice)


def test_mcq_unknown_text_is_wrong_and_out_of_range_is_invalid() -> None:
    assert check(MCQ, "Mumbai") == Verdict(correct=False)
    for bad in ("5", "0", "e", "z"):
        with pytest.raises(InvalidChoice):
            check(MCQ, bad)


@pytest.mark.parametrize(
    ("response", "correct"),
    [("f", True), ("F", True), ("false", True), ("2", True), ("t", False), ("true", False)],
)
def test_true_false(response: str, correct: bool) -> None:
    assert check(TF, response).correct is correct
    assert parse_choice(TF, response) is not None


def test_true_false_bad_key() -> None:
    with pytest.raises(InvalidChoice, match="t .true. or f"):
        check(TF, "x")


def test_statements_and_match_use_option_codes() -> None:
    statements = StatementsQuestion(
        id="s",
        fact_id="f",
        variant="x",
        prompt="Which are correct?",
        statements=["A", "B"],
        choices=["1 only", "2 only", "Both 1 and 2", "Neither"],
        answer="Both 1 and 2",
    )
    match = MatchQuestion(
        id="m",
        fact_id="f",
        variant="x",
        prompt="Match",
        left=["a", "b"],
        right=["x", "y"],
        choices=["A-1, B-2", "A-2, B-1"],
        answer="A-2, B-1",
    )
    assert check(statements, "3").correct and check(statements, "c").correct
    assert not check(statements, "1").correct
    assert check(match, "2").correct and not check(match, "a").correct
    with pytest.raises(InvalidChoice):
        check(match, "3")


@pytest.mark.parametrize(
    ("kind", "seconds", "correct", "typo", "expected"),
    [
        ("short_answer", 3, True, False, Rating.EASY),
        ("short_answer", 12, True, False, Rating.GOOD),
        ("short_answer", 45, True, False, Rating.HARD),
        ("short_answer", 3, True, True, Rating.GOOD),
        ("short_answer", 3, False, False, Rating.AGAIN),
        ("true_false", 5, True, False, Rating.GOOD),
        ("statements", 15, True, False, Rating.EASY),
        ("mcq", 25, True, False, Rating.HARD),
    ],
)
def test_rating_from_correctness_and_time(
    kind: str, seconds: int, correct: bool, typo: bool, expected: Rating
) -> None:
    assert rate(Verdict(correct=correct, typo=typo), kind, seconds * 1000) == expected


def test_untimed_right_answer_is_good() -> None:
    assert rate(Verdict(correct=True), "mcq", None) == Rating.GOOD
    assert rate(Verdict(correct=False), "mcq", None) == Rating.AGAIN


# Letters whose upper and lower case map back and forth (not the Turkish dotless i).
_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:'\"()-–—/éāñü"
answers = st.text(alphabet=_ALPHABET, min_size=1, max_size=40).filter(lambda s: normalise(s) != "")


@pytest.mark.slow
@given(answers)
def test_the_answer_itself_is_always_right(answer: str) -> None:
    assert check(short(answer), answer).correct


@given(answers)
def test_case_and_punctuation_never_matter(answer: str) -> None:
    assert typed_matches(f" {answer.upper()}!? ", [answer]).correct


@given(st.integers(0, 3000), st.integers(0, 3000))
def test_numbers_must_match_exactly(a: int, b: int) -> None:
    assert check(short(f"{a}th edition"), f"{b}th edition").correct is (a == b)


@given(st.text(max_size=30))
def test_any_text_gets_a_verdict_or_invalid_choice(response: str) -> None:
    for question in (short("Tel Aviv"), MCQ, TF):
        try:
            verdict = check(question, response)
        except InvalidChoice:
            continue
        assert isinstance(verdict.correct, bool)
