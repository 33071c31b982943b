"""The data shapes the store reads and writes: plain records, no I/O and no SQL.

The core (scheduler, session, mock, stats ...) imports these and never the store itself, so
it pays neither the store's import nor its knowledge of the database.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import TypeAdapter

    from quizmaster.models import Fact, Question, Source


class _LazyQuestionAdapter:
    """``TypeAdapter(Question)``, built on first use: importing pydantic models costs tens of
    milliseconds that commands which never read a question (the dashboard) should not pay."""

    _adapter: Any = None

    def __getattr__(self, name: str) -> Any:
        if _LazyQuestionAdapter._adapter is None:
            from pydantic import TypeAdapter

            from quizmaster.models import Question

            _LazyQuestionAdapter._adapter = TypeAdapter(Question)
        return getattr(_LazyQuestionAdapter._adapter, name)


QUESTION_ADAPTER: TypeAdapter[Question] = _LazyQuestionAdapter()  # type: ignore[assignment]


# The orders new questions can come in (the ``new_order`` setting).
NEW_ORDERS = ("newest", "mixed", "deck")


def iso(moment: dt.datetime) -> str:
    """Timestamps are stored as ISO-8601 UTC text; naive datetimes are a bug."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="microseconds")


def iso_or_none(moment: dt.datetime | None) -> str | None:
    return None if moment is None else iso(moment)


def parse_or_none(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)


@dataclass(frozen=True)
class DeckInfo:
    id: int
    name: str
    facts: int
    questions: int
    source_title: str | None
    source_date: str | None
    paused: bool = False


@dataclass(frozen=True)
class DeckUsage:
    """What a deck holds, said before renaming or removing it."""

    name: str
    facts: int
    questions: int
    studied: int  # questions with at least one review
    reviews: int
    mock_items: int
    paused: bool


@dataclass(frozen=True)
class StoredFact:
    fact: Fact
    deck: str

    def to_json(self) -> dict[str, Any]:
        data = self.fact.model_dump(mode="json")
        return {
            "id": self.fact.id,
            "statement": self.fact.statement,
            "deck": self.deck,
            "tags": list(self.fact.tags),
            "topic": self.fact.topic,
            **data,
        }


@dataclass(frozen=True)
class StoredQuestion:
    question: Question
    deck: str
    retired: bool = False

    def to_json(self) -> dict[str, Any]:
        q = self.question
        return {
            "id": q.id,
            "fact_id": q.fact_id,
            "deck": self.deck,
            "kind": q.kind,
            "prompt": q.prompt,
            "options": q.options,
            "answer": q.answer,
            "explanation": q.explanation,
            "tags": list(q.tags),
            "topic": q.topic,
        }


class WrittenFact:
    """A validated fact as :meth:`Store.load_deck` writes it: the columns it reads and its
    ``model_dump_json()``, taken once. A bulk reader keeps these instead of the models (a
    model with its nested key spans takes several times the memory)."""

    __slots__ = ("id", "statement", "topic", "tags", "source", "data")

    def __init__(self, fact: Fact) -> None:
        self.id = fact.id
        self.statement = fact.statement
        self.topic = fact.topic
        self.tags = fact.tags
        self.source: Source | None = fact.source
        self.data = fact.model_dump_json()

    def model_dump_json(self) -> str:
        return self.data

    def fields(self) -> tuple[Any, ...]:
        """Every attribute, in ``__slots__`` order (for :meth:`from_fields`)."""
        return _FACT_FIELDS(self)

    @classmethod
    def from_fields(cls, values: Sequence[Any]) -> WrittenFact:
        self = cls.__new__(cls)
        (self.id, self.statement, self.topic, self.tags, self.source, self.data) = values
        return self


class WrittenQuestion:
    """A validated question as :meth:`Store.load_deck` writes it (see :class:`WrittenFact`)."""

    __slots__ = (
        "id",
        "fact_id",
        "kind",
        "variant",
        "prompt",
        "options",
        "answer",
        "explanation",
        "topic",
        "tags",
        "data",
    )

    def __init__(self, question: Question) -> None:
        self.id = question.id
        self.fact_id = question.fact_id
        self.kind: str = question.kind
        self.variant = question.variant
        self.prompt = question.prompt
        self.options = question.options
        self.answer = question.answer
        self.explanation = question.explanation
        self.topic = question.topic
        self.tags = question.tags
        self.data = question.model_dump_json()

    def model_dump_json(self) -> str:
        return self.data

    def fields(self) -> tuple[Any, ...]:
        """Every attribute, in ``__slots__`` order (for :meth:`from_fields`)."""
        return _QUESTION_FIELDS(self)

    @classmethod
    def from_fields(cls, values: Sequence[Any]) -> WrittenQuestion:
        # Unpacked by name, not set in a loop over __slots__: five times as fast, and a bulk
        # import reads every spilled question back through here.
        self = cls.__new__(cls)
        (
            self.id,
            self.fact_id,
            self.kind,
            self.variant,
            self.prompt,
            self.options,
            self.answer,
            self.explanation,
            self.topic,
            self.tags,
            self.data,
        ) = values
        return self


# What fields() returns: every slot, read in one C call.
_FACT_FIELDS = operator.attrgetter(*WrittenFact.__slots__)
_QUESTION_FIELDS = operator.attrgetter(*WrittenQuestion.__slots__)


@dataclass
class LoadReport:
    """What loading a deck changed. Lists hold ids."""

    deck: str
    facts_added: list[str] = field(default_factory=list)
    facts_updated: list[str] = field(default_factory=list)
    facts_unchanged: list[str] = field(default_factory=list)
    facts_retired: list[str] = field(default_factory=list)
    questions_added: list[str] = field(default_factory=list)
    questions_updated: list[str] = field(default_factory=list)
    questions_unchanged: list[str] = field(default_factory=list)
    questions_retired: list[str] = field(default_factory=list)
    # Facts moved here from another deck (``adopt``), with their questions and history.
    facts_moved: list[str] = field(default_factory=list)
    decks_emptied: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CardState:
    """The scheduling state of one question. ``state`` 0 means new (never reviewed); 1-3 are
    ``fsrs.State`` (learning, review, relearning). Datetimes are aware UTC."""

    question_id: str
    state: int = 0
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: dt.datetime | None = None
    last_review: dt.datetime | None = None
    reps: int = 0
    lapses: int = 0
    suspended: bool = False
    leech: bool = False
    buried_until: dt.datetime | None = None

    def __post_init__(self) -> None:
        """The invariants the scheduler relies on: a known state, counts that are counts,
        finite memory parameters. A row breaking them (edited by hand, or written by an old
        import) is damage ``doctor --repair`` fixes, never a crash in the middle of a quiz."""
        if self.state not in (0, 1, 2, 3):
            raise ValueError(f"card {self.question_id!r} has unknown state {self.state!r}")
        if self.reps < 0 or self.lapses < 0:
            raise ValueError(f"card {self.question_id!r} has a negative count")
        for value in (self.stability, self.difficulty):
            if value is not None and not (isinstance(value, (int, float)) and 0 < value < 1e9):
                raise ValueError(f"card {self.question_id!r} has a bad memory parameter")

    def to_json(self) -> dict[str, Any]:
        return {
            "question_id": self.question_id,
            "state": self.state,
            "step": self.step,
            "stability": self.stability,
            "difficulty": self.difficulty,
            "due": iso_or_none(self.due),
            "last_review": iso_or_none(self.last_review),
            "reps": self.reps,
            "lapses": self.lapses,
            "suspended": self.suspended,
            "leech": self.leech,
            "buried_until": iso_or_none(self.buried_until),
        }

    @classmethod
    def from_row(cls, row: Sequence[Any]) -> CardState:
        """A card from its stored columns, in :data:`CARD_COLUMNS` order."""
        return cls.from_json(dict(zip(CARD_COLUMNS, row, strict=True)))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CardState:
        return cls(
            question_id=data["question_id"],
            state=int(data["state"]),
            step=data["step"],
            stability=data["stability"],
            difficulty=data["difficulty"],
            due=parse_or_none(data["due"]),
            last_review=parse_or_none(data["last_review"]),
            reps=int(data["reps"]),
            lapses=int(data["lapses"]),
            suspended=bool(data["suspended"]),
            leech=bool(data["leech"]),
            buried_until=parse_or_none(data["buried_until"]),
        )


# A card's columns in the cards table, in field order.
CARD_COLUMNS = tuple(f.name for f in fields(CardState))


@dataclass(frozen=True)
class SessionRecord:
    """A quiz or mock session, identified across databases by (kind, started_at)."""

    kind: str
    started_at: dt.datetime
    ended_at: dt.datetime | None = None
    deck: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ReviewRecord:
    """One answer, identified across databases by (question_id, reviewed_at); ``session`` is
    the (kind, started_at) key of its session."""

    question_id: str
    reviewed_at: dt.datetime
    rating: int
    correct: bool
    response: str | None = None
    duration_ms: int | None = None
    card_before: dict[str, Any] | None = None
    card_after: dict[str, Any] | None = None
    session: tuple[str, dt.datetime] | None = None


@dataclass(frozen=True)
class History:
    cards: list[CardState]
    reviews: list[ReviewRecord]
    sessions: list[SessionRecord]


@dataclass
class HistoryReport:
    cards_updated: int = 0
    cards_unchanged: int = 0
    cards_kept_newer: int = 0
    reviews_added: int = 0
    reviews_unchanged: int = 0
    sessions_added: int = 0
    sessions_unchanged: int = 0


@dataclass(frozen=True)
class MockItemRow:
    """One question of a stored mock: answers are 1-based option numbers (None: unanswered);
    ``marks`` is an exact fraction as text, e.g. "-2/3"."""

    position: int
    question_id: str
    answer: int | None
    correct_answer: int
    result: str
    marks: str
    marked: bool


@dataclass(frozen=True)
class ReviewStats:
    """The review log's numbers for ``stats``; groups map a name to (reviews, correct) and
    ``weakest`` lists (fact id, reviews, correct), worst first."""

    day_counts: dict[dt.date, int]
    reviews: int
    correct: int
    retention_reviews: int
    retention_passed: int
    by_topic: dict[str, tuple[int, int]]
    by_tag: dict[str, tuple[int, int]]
    by_kind: dict[str, tuple[int, int]]
    by_deck: dict[str, tuple[int, int]]
    weakest: list[tuple[str, int, int]]


@dataclass(frozen=True)
class CardTally:
    """The cards' share of ``stats`` (``Store.card_tally``)."""

    states: dict[str, int]
    due_now: int
    new_available: int
    due_days: dict[dt.date, int]


@dataclass(frozen=True)
class SessionRow:
    id: int
    kind: str
    started_at: dt.datetime
    ended_at: dt.datetime | None
    deck: str | None
    data: dict[str, Any]
    reviews: int
    reviews_correct: int
