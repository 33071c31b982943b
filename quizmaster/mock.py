"""Exam-style mock tests: paper assembly, marking schemes, answering and scoring.

Pure: the paper is drawn with a seeded ``random.Random``, the clock comes in as arguments,
and scores are exact ``Fraction`` values (UPSC's -2/3 does not fit a float), rounded only
for display. The terminal loop lives in ``mock_runner``.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any, Literal

from quizmaster.errors import UsageError
from quizmaster.grade import option_index
from quizmaster.models import Question
from quizmaster.records import CardState, StoredQuestion

MOCK_KINDS: tuple[str, ...] = ("mcq", "statements")
DEFAULT_QUESTIONS = 20
MAX_MARKS = 1000

Result = Literal["correct", "wrong", "unanswered"]


@dataclass(frozen=True)
class Marking:
    """An exam's marking scheme: marks for a right answer and marks taken off for a wrong one
    (``wrong`` is the penalty, a positive number). Unanswered questions score 0."""

    exam: str
    correct: Fraction
    wrong: Fraction
    # Real papers' pace, used for the default time limit (minutes per question).
    minutes_per_question: Fraction = Fraction(1)

    def to_json(self) -> dict[str, Any]:
        return {
            "correct": fraction_json(self.correct),
            "wrong": fraction_json(-self.wrong),
        }


# UPSC CSE prelims GS I: 100 questions in 120 minutes, +2, a third of the marks off (-2/3).
# SSC CGL tier 1: 100 questions in 60 minutes, +2, -0.5. IBPS PO prelims: 100 in 60, +1, -0.25.
PRESETS: dict[str, Marking] = {
    "upsc": Marking("upsc", Fraction(2), Fraction(2, 3), Fraction(6, 5)),
    "ssc": Marking("ssc", Fraction(2), Fraction(1, 2), Fraction(3, 5)),
    "ibps": Marking("ibps", Fraction(1), Fraction(1, 4), Fraction(3, 5)),
}
EXAMS: tuple[str, ...] = (*PRESETS, "custom")


def parse_marks(text: str, option: str) -> Fraction:
    """``"2"``, ``"0.25"``, ``"2/3"`` or ``"-0.5"`` as an exact fraction."""
    shown = text if len(text) <= 40 else text[:37] + "..."
    try:
        if len(text) > 40:  # no real mark needs more; a long one is a typo or an attack
            raise ValueError
        value = Fraction(text.strip())
    except (ValueError, ZeroDivisionError):
        raise UsageError(f"{option} {shown!r} is not a number; write e.g. 2, 0.25 or 2/3") from None
    if abs(value) > MAX_MARKS or value.denominator > 1000:
        raise UsageError(f"{option} {shown!r} is out of range (up to {MAX_MARKS} marks)")
    return value


def marking_for(exam: str, correct: str | None = None, wrong: str | None = None) -> Marking:
    """The marking scheme for ``--exam``; ``custom`` needs ``--correct`` (``--wrong`` defaults
    to 0, and is the penalty whether written 0.25 or -0.25)."""
    exam = exam.lower()
    if exam in PRESETS:
        if correct is not None or wrong is not None:
            raise UsageError(
                f"--correct/--wrong set your own marks; use them with --exam custom, not {exam}"
            )
        return PRESETS[exam]
    if exam != "custom":
        raise UsageError(f"unknown exam {exam!r}; choose from {', '.join(EXAMS)}")
    if correct is None:
        raise UsageError("--exam custom needs --correct (marks per right answer), e.g. --correct 1")
    plus = parse_marks(correct, "--correct")
    if plus <= 0:
        raise UsageError(f"--correct must be more than 0, got {correct}")
    minus = abs(parse_marks(wrong, "--wrong")) if wrong is not None else Fraction(0)
    return Marking("custom", plus, minus)


def fraction_json(value: Fraction) -> int | float:
    """A score for JSON: whole numbers stay whole, others are rounded to two decimals."""
    return value.numerator if value.denominator == 1 else round(float(value), 2)


def fraction_text(value: Fraction) -> str:
    """``74/3`` reads as ``24.67``, ``3/2`` as ``1.5``; whole numbers stay whole."""
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):.2f}".rstrip("0").rstrip(".")


# --- the paper ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PaperItem:
    number: int  # 1-based position in the paper
    stored: StoredQuestion

    @property
    def question(self) -> Question:
        return self.stored.question

    @property
    def options(self) -> list[str]:
        return self.question.options or []

    @property
    def correct_index(self) -> int:
        """0-based index of the right option."""
        return self.options.index(self.question.answer)


@dataclass(frozen=True)
class Paper:
    exam: str
    marking: Marking
    items: tuple[PaperItem, ...]
    minutes: float
    seed: int | None

    @property
    def max_score(self) -> Fraction:
        return self.marking.correct * len(self.items)


def usable(stored: StoredQuestion) -> bool:
    """An mcq or statements question whose answer is one of its options."""
    q = stored.question
    return q.kind in MOCK_KINDS and bool(q.options) and q.answer in (q.options or [])


def assemble_paper(
    pool: Sequence[StoredQuestion],
    marking: Marking,
    *,
    questions: int | None = None,
    minutes: float | None = None,
    seed: int | None = None,
) -> Paper:
    """Draw a paper from ``pool``: the same pool and seed give the same paper.

    Questions about different facts come first, so two questions on one fact appear only
    when the pool has too few facts. Without ``questions`` the paper takes up to
    ``DEFAULT_QUESTIONS``; without ``minutes`` the time follows the real exam's pace.
    """
    candidates = sorted((s for s in pool if usable(s)), key=lambda s: s.question.id)
    if not candidates:
        raise UsageError(
            "no mcq or statements questions in this selection; a mock uses only those kinds "
            "(see `quizmaster questions list --kind mcq`)"
        )
    if questions is not None and questions < 1:
        raise UsageError(f"--questions must be at least 1, got {questions}")
    if questions is not None and questions > len(candidates):
        raise UsageError(
            f"only {len(candidates)} mcq/statements questions in this selection, "
            f"not enough for --questions {questions}; use --questions {len(candidates)} "
            "or choose another --deck/--tag"
        )
    count = questions if questions is not None else min(DEFAULT_QUESTIONS, len(candidates))
    if minutes is not None and not minutes > 0:
        raise UsageError(f"--minutes must be more than 0, got {minutes}")
    rng = random.Random(seed)
    rng.shuffle(candidates)
    seen: set[str] = set()
    first: list[StoredQuestion] = []
    rest: list[StoredQuestion] = []
    for s in candidates:
        (rest if s.question.fact_id in seen else first).append(s)
        seen.add(s.question.fact_id)
    chosen = (first + rest)[:count]
    if minutes is None:
        minutes = max(1, math.ceil(marking.minutes_per_question * count))
    return Paper(
        exam=marking.exam,
        marking=marking,
        items=tuple(PaperItem(i + 1, s) for i, s in enumerate(chosen)),
        minutes=float(minutes),
        seed=seed,
    )


# --- answering ---------------------------------------------------------------------------


def parse_choice(text: str, n_options: int) -> int:
    """``"2"`` or ``"b"`` -> 1 (0-based). Raises ValueError when it names no option: a
    paper takes only option numbers and letters, never an option's text."""
    index = option_index(text, n_options)
    if index is None:
        raise ValueError(text)
    return index


@dataclass
class Attempt:
    """A paper being answered: answers, review marks and the question on screen."""

    paper: Paper
    answers: list[int | None] = field(default_factory=list)
    marked: list[bool] = field(default_factory=list)
    current: int = 0  # 0-based

    def __post_init__(self) -> None:
        n = len(self.paper.items)
        if not self.answers:
            self.answers = [None] * n
        if not self.marked:
            self.marked = [False] * n

    @property
    def item(self) -> PaperItem:
        return self.paper.items[self.current]

    def answer(self, choice: int | None) -> None:
        self.answers[self.current] = choice

    def go(self, number: int) -> None:
        """Jump to question ``number`` (1-based)."""
        if not 1 <= number <= len(self.paper.items):
            raise ValueError(number)
        self.current = number - 1

    def next(self) -> None:
        self.current = min(self.current + 1, len(self.paper.items) - 1)

    def previous(self) -> None:
        self.current = max(self.current - 1, 0)

    def toggle_mark(self) -> None:
        self.marked[self.current] = not self.marked[self.current]

    @property
    def unanswered(self) -> int:
        return sum(a is None for a in self.answers)

    @property
    def marked_count(self) -> int:
        return sum(self.marked)


# --- scoring -----------------------------------------------------------------------------


def result_of(answer: int | None, correct_index: int) -> Result:
    if answer is None:
        return "unanswered"
    return "correct" if answer == correct_index else "wrong"


def marks_for(result: Result, marking: Marking) -> Fraction:
    """Marks one question earns under ``marking``."""
    if result == "correct":
        return marking.correct
    if result == "wrong":
        return -marking.wrong
    return Fraction(0)


def total_score(results: Sequence[Result], marking: Marking) -> Fraction:
    """The paper's exact score."""
    return sum((marks_for(r, marking) for r in results), Fraction(0))


@dataclass(frozen=True)
class ItemResult:
    item: PaperItem
    answer: int | None
    marked: bool
    result: Result
    marks: Fraction

    def to_json(self) -> dict[str, Any]:
        options = self.item.options
        q = self.item.question
        return {
            "number": self.item.number,
            "id": q.id,
            "kind": q.kind,
            "your_answer": None if self.answer is None else self.answer + 1,
            "your_answer_text": None if self.answer is None else options[self.answer],
            "correct_answer": self.item.correct_index + 1,
            "correct_answer_text": q.answer,
            "result": self.result,
            "marks": fraction_json(self.marks),
            "marked_for_review": self.marked,
            "explanation": q.explanation,
        }


@dataclass(frozen=True)
class MockResult:
    paper: Paper
    items: tuple[ItemResult, ...]
    started_at: dt.datetime
    duration_s: float
    timed_out: bool
    session_id: int | None = None
    brought_forward: tuple[str, ...] = ()
    number: int | None = None  # this mock's number among the stored mocks (1, 2, ...)

    def count(self, result: Result) -> int:
        return sum(i.result == result for i in self.items)

    @property
    def score(self) -> Fraction:
        return sum((i.marks for i in self.items), Fraction(0))

    def to_json(self) -> dict[str, Any]:
        return {
            "session_id": self.session_id,
            "mock_number": self.number,
            "exam": self.paper.exam,
            "marking": self.paper.marking.to_json(),
            "questions": len(self.items),
            "correct": self.count("correct"),
            "wrong": self.count("wrong"),
            "unanswered": self.count("unanswered"),
            "score": fraction_json(self.score),
            "score_exact": str(self.score),
            "max_score": fraction_json(self.paper.max_score),
            "minutes": self.paper.minutes,
            "duration_s": round(self.duration_s, 1),
            "timed_out": self.timed_out,
            "seed": self.paper.seed,
            "started_at": self.started_at.isoformat(),
            "brought_forward": list(self.brought_forward),
            "items": [i.to_json() for i in self.items],
        }


def grade(
    attempt: Attempt, *, started_at: dt.datetime, duration_s: float, timed_out: bool
) -> MockResult:
    """Mark every question of a finished attempt."""
    marking = attempt.paper.marking
    items = []
    for item, answer, marked in zip(
        attempt.paper.items, attempt.answers, attempt.marked, strict=True
    ):
        result = result_of(answer, item.correct_index)
        items.append(ItemResult(item, answer, marked, result, marks_for(result, marking)))
    return MockResult(
        paper=attempt.paper,
        items=tuple(items),
        started_at=started_at,
        duration_s=duration_s,
        timed_out=timed_out,
    )


# --- mocks and the schedule ---------------------------------------------------------------


def bring_forward(card: CardState, now: dt.datetime) -> CardState | None:
    """After a wrong mock answer: a studied card (learning, review or relearning) becomes due
    now. New and suspended cards, and cards already due, are left alone (None). Only the due
    time changes; stability, difficulty and the review log are untouched, so the next quiz
    review is scheduled by FSRS as usual."""
    if card.state == 0 or card.suspended:
        return None
    if card.due is not None and card.due <= now:
        return None
    return replace(card, due=now)
