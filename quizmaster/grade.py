"""Checking answers and turning them into FSRS ratings. Pure functions: the response time
comes in as an argument.

Typed answers are compared tolerantly: case, punctuation, dashes, leading articles and
ordinal suffixes ("17" for "17th") are ignored, and a small typo is forgiven when the answer
is long enough for it to be a typo rather than another word. Numbers must match exactly:
"17th" is not "18th". Option questions take the number (1-4) or letter (a-d) of an option,
or its text; ``true_false`` takes t/f.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizmaster.models import Question


class Rating(IntEnum):
    """The four FSRS ratings (same values as ``fsrs.Rating``)."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


# Seconds (fast, slow) per question kind: a right answer faster than `fast` is Easy, slower
# than `slow` is Hard, in between Good. Reading a UPSC statements question takes longer
# than pressing a key for a true/false one.
TIME_THRESHOLDS: dict[str, tuple[float, float]] = {
    "true_false": (4.0, 15.0),
    "mcq": (6.0, 20.0),
    "short_answer": (8.0, 30.0),
    "cloze": (8.0, 30.0),
    "statements": (20.0, 60.0),
    "match": (25.0, 75.0),
}
_DEFAULT_THRESHOLDS = (8.0, 30.0)

LETTERS = "abcdefgh"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212-"
_ORDINAL = re.compile(r"\b(\d+) ?(?:st|nd|rd|th)\b")
_ARTICLES = re.compile(r"^(?:the|a|an)\s+")
_TRUE = {"t", "true", "yes", "y"}
_FALSE = {"f", "false", "no", "n"}


class InvalidChoice(ValueError):
    """A number or letter that names no option ("7" for a four-option question)."""


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking one response."""

    correct: bool
    # Right but only after forgiving a typo: rated Good at best.
    typo: bool = False
    # The option picked, for option questions (0-based); None for typed answers.
    choice: int | None = None


def normalise(text: str) -> str:
    """The comparable form of an answer: case, accents of width, punctuation, dashes,
    leading articles and ordinal suffixes removed, spaces collapsed."""
    value = unicodedata.normalize("NFKC", text).casefold()
    for dash in _DASHES:
        value = value.replace(dash, " ")
    value = _ORDINAL.sub(r"\1", value)
    value = "".join(ch if ch.isalnum() or ch.isspace() else " " for ch in value)
    value = " ".join(value.split())
    return _ARTICLES.sub("", value)


def _allowed_typos(length: int) -> int:
    if length <= 4:
        return 0
    if length <= 8:
        return 1
    if length <= 16:
        return 2
    return 3


def typed_matches(response: str, answers: list[str]) -> Verdict:
    """Compare a typed response with the accepted answers."""
    from rapidfuzz.distance import Levenshtein

    given = normalise(response)
    if not given:
        return Verdict(correct=False)
    best: Verdict = Verdict(correct=False)
    for answer in answers:
        expected = normalise(answer)
        if not expected:
            continue
        if given == expected or given.replace(" ", "") == expected.replace(" ", ""):
            return Verdict(correct=True)
        # Digits carry the meaning of dates, numbers and ordinals: never fuzzy.
        if re.findall(r"\d+", given) != re.findall(r"\d+", expected):
            continue
        limit = _allowed_typos(len(expected))
        if limit and Levenshtein.distance(given, expected, score_cutoff=limit) <= limit:
            best = Verdict(correct=True, typo=True)
    return best


def parse_choice(question: Question, response: str) -> int | None:
    """The 0-based option a response names: its number, letter, or (for ``true_false``)
    t/f. Returns None when the response is text to compare with the options instead.
    Raises :class:`InvalidChoice` for a number or letter out of range."""
    options = question.options or []
    text = response.strip().casefold().rstrip(").")
    if question.kind == "true_false":
        if text in _TRUE or text == "1":
            return 0
        if text in _FALSE or text == "2":
            return 1
        if len(text) == 1:
            raise InvalidChoice(f"{response.strip()!r}: answer t (true) or f (false)")
        return None
    if text.isdecimal():
        index = int(text) - 1
        if 0 <= index < len(options):
            return index
        raise InvalidChoice(f"{response.strip()!r}: pick 1-{len(options)}")
    if len(text) == 1 and text.isalpha():
        index = LETTERS.find(text)
        if 0 <= index < len(options):
            return index
        raise InvalidChoice(
            f"{response.strip()!r}: pick 1-{len(options)} or a-{LETTERS[len(options) - 1]}"
        )
    return None


def check(question: Question, response: str) -> Verdict:
    """Is ``response`` a right answer to ``question``? Raises :class:`InvalidChoice` for an
    option number or letter out of range (ask again rather than count it wrong)."""
    options = question.options
    if options is None:
        return typed_matches(response, [question.answer, *question.accepted])
    choice = parse_choice(question, response)
    if choice is None:
        # Typed text for an option question: find the option it names, if any.
        normal = [normalise(o) for o in options]
        given = normalise(response)
        if given in normal:
            choice = normal.index(given)
        else:
            for index, option in enumerate(options):
                if typed_matches(response, [option]).correct:
                    choice = index
                    break
        if choice is None:
            return Verdict(correct=False)
    right = normalise(options[choice]) == normalise(question.answer)
    return Verdict(correct=right, choice=choice)


def rate(verdict: Verdict, kind: str, duration_ms: int | None) -> Rating:
    """The FSRS rating of an answer: wrong -> Again; right -> Good, or Easy when fast and
    Hard when slow (thresholds by kind). Without a timing (scripted input) a right answer is
    Good; a forgiven typo is never Easy."""
    if not verdict.correct:
        return Rating.AGAIN
    if duration_ms is None:
        return Rating.GOOD
    fast, slow = TIME_THRESHOLDS.get(kind, _DEFAULT_THRESHOLDS)
    seconds = duration_ms / 1000
    if seconds > slow:
        return Rating.HARD
    if seconds < fast and not verdict.typo:
        return Rating.EASY
    return Rating.GOOD
