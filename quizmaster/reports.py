"""The reports the core hands to ``render`` and to ``--json``: the dashboard, a quiz
session's summary, the nothing-due message, ``stats``, ``history`` rows and the ``config``
listing. Plain frozen dataclasses (no I/O); each ``to_json`` gives exactly the JSON its
command prints, keys in the order printed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# A quiz setting's value: a number, a word or a date as text, or None for none.
SettingValue = int | float | str | None


@dataclass(frozen=True)
class Dashboard:
    """The numbers of ``quizmaster`` alone."""

    decks: int
    facts: int
    questions: int
    due_now: int
    new_available: int
    new_today: int
    streak_days: int
    exam_date: str | None
    days_to_exam: int | None
    next_command: str

    def to_json(self) -> dict[str, Any]:
        return {
            "decks": self.decks,
            "facts": self.facts,
            "questions": self.questions,
            "due_now": self.due_now,
            "new_available": self.new_available,
            "new_today": self.new_today,
            "streak_days": self.streak_days,
            "exam_date": self.exam_date,
            "days_to_exam": self.days_to_exam,
            "next_command": self.next_command,
        }


@dataclass(frozen=True)
class SessionSummary:
    """The end of a quiz session (also stored in its session row)."""

    practice: bool
    answered: int
    correct: int
    accuracy: float | None
    seconds: int
    streak_days: int
    due_tomorrow: int
    left_in_queue: int
    leeches: tuple[str, ...]
    ended: str

    def to_json(self) -> dict[str, Any]:
        return {
            "practice": self.practice,
            "answered": self.answered,
            "correct": self.correct,
            "accuracy": self.accuracy,
            "seconds": self.seconds,
            "streak_days": self.streak_days,
            "due_tomorrow": self.due_tomorrow,
            "left_in_queue": self.left_in_queue,
            "leeches": list(self.leeches),
            "ended": self.ended,
        }


@dataclass(frozen=True)
class NothingDue:
    """What a quiz with nothing to ask says instead of starting."""

    message: str

    def to_json(self) -> dict[str, Any]:
        return {"message": self.message}


@dataclass(frozen=True)
class GroupAccuracy:
    """Reviews, correct answers and accuracy of one topic, tag, kind or deck."""

    reviews: int
    correct: int
    accuracy: float | None

    def to_json(self) -> dict[str, Any]:
        return {"reviews": self.reviews, "correct": self.correct, "accuracy": self.accuracy}


@dataclass(frozen=True)
class WeakFact:
    """One of the facts answered wrong most often."""

    fact_id: str
    reviews: int
    wrong: int
    accuracy: float | None
    statement: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "fact_id": self.fact_id,
            "reviews": self.reviews,
            "wrong": self.wrong,
            "accuracy": self.accuracy,
            "statement": self.statement,
        }


@dataclass(frozen=True)
class FsrsInUse:
    """The FSRS parameters the scheduler uses: "default", or what ``optimize`` stored
    (shown as stored, even when it is not a list of numbers)."""

    parameters: object = "default"
    fitted_at: object = None

    def to_json(self) -> dict[str, Any]:
        return {"parameters": self.parameters, "fitted_at": self.fitted_at}


def _groups(groups: Mapping[str, GroupAccuracy]) -> dict[str, Any]:
    return {name: group.to_json() for name, group in groups.items()}


@dataclass(frozen=True)
class Stats:
    """Every number of ``quizmaster stats``."""

    today: str
    reviews_total: int
    reviews_today: int
    due_now: int
    new_available: int
    streak_days: int
    longest_streak: int
    accuracy: float | None
    retention: float | None
    retention_reviews: int
    states: Mapping[str, int]
    heatmap: Mapping[str, int]
    forecast: Mapping[str, int]
    by_topic: Mapping[str, GroupAccuracy]
    by_tag: Mapping[str, GroupAccuracy]
    by_kind: Mapping[str, GroupAccuracy]
    by_deck: Mapping[str, GroupAccuracy]
    weakest: tuple[WeakFact, ...]
    deck: str | None = None
    fsrs: FsrsInUse = field(default_factory=FsrsInUse)

    def to_json(self) -> dict[str, Any]:
        return {
            "today": self.today,
            "reviews_total": self.reviews_total,
            "reviews_today": self.reviews_today,
            "due_now": self.due_now,
            "new_available": self.new_available,
            "streak_days": self.streak_days,
            "longest_streak": self.longest_streak,
            "accuracy": self.accuracy,
            "retention": self.retention,
            "retention_reviews": self.retention_reviews,
            "states": dict(self.states),
            "heatmap": dict(self.heatmap),
            "forecast": dict(self.forecast),
            "by_topic": _groups(self.by_topic),
            "by_tag": _groups(self.by_tag),
            "by_kind": _groups(self.by_kind),
            "by_deck": _groups(self.by_deck),
            "weakest": [weak.to_json() for weak in self.weakest],
            "deck": self.deck,
            "fsrs": self.fsrs.to_json(),
        }


@dataclass(frozen=True)
class HistoryRow:
    """One quiz or mock session of ``quizmaster history`` with its score."""

    id: int
    kind: str
    started_at: str
    ended_at: str | None
    duration_s: float | None
    deck: str | None
    exam: str | None
    questions: int | None
    correct: int | None
    wrong: int | None
    unanswered: int | None
    score: float | None
    max_score: float | None
    percent: float | None
    finished: bool

    def to_json(self) -> dict[str, Any]:
        """The row, keys in ``HISTORY_FIELDS`` order (the CSV's columns)."""
        return {name: getattr(self, name) for name in HISTORY_FIELDS}


HISTORY_FIELDS = (
    "id",
    "kind",
    "started_at",
    "ended_at",
    "duration_s",
    "deck",
    "exam",
    "questions",
    "correct",
    "wrong",
    "unanswered",
    "score",
    "max_score",
    "percent",
    "finished",
)


@dataclass(frozen=True)
class MockTrendPoint:
    """A finished mock's score as a percentage of its maximum."""

    id: int
    started_at: str
    exam: str | None
    percent: float


@dataclass(frozen=True)
class History:
    """``quizmaster history``: every session oldest first, and the finished mocks' scores."""

    rows: tuple[HistoryRow, ...]
    trend: tuple[MockTrendPoint, ...]

    def to_json(self) -> list[dict[str, Any]]:
        """The rows (``history --json``); the trend is drawn, not printed."""
        return [row.to_json() for row in self.rows]


@dataclass(frozen=True)
class Setting:
    """One line of ``config``: a setting, its value, and whether that is the default."""

    key: str
    value: SettingValue | tuple[float, ...]
    is_default: bool


@dataclass(frozen=True)
class SettingsListing:
    """``quizmaster config``: the quiz settings, then fsrs_parameters."""

    settings: tuple[Setting, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            s.key: list(s.value) if isinstance(s.value, tuple) else s.value for s in self.settings
        }
