"""The schema of quizmaster's JSON export, for validating a file before importing it.

Kept apart from ``importers`` so that building these models costs nothing at start-up.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from quizmaster.models import Fact, Question


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _CardDoc(_Doc):
    question_id: str
    state: Annotated[int, Field(ge=0)] = 0
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: AwareDatetime | None = None
    last_review: AwareDatetime | None = None
    reps: Annotated[int, Field(ge=0)] = 0
    lapses: Annotated[int, Field(ge=0)] = 0
    suspended: bool = False
    leech: bool = False
    buried_until: AwareDatetime | None = None


class _SessionKeyDoc(_Doc):
    kind: str
    started_at: AwareDatetime


class _SessionDoc(_SessionKeyDoc):
    ended_at: AwareDatetime | None = None
    deck: str | None = None
    data: dict[str, Any] = Field(default_factory=dict)


class _ReviewDoc(_Doc):
    question_id: str
    reviewed_at: AwareDatetime
    rating: int
    correct: bool
    response: str | None = None
    duration_ms: int | None = None
    card_before: dict[str, Any] | None = None
    card_after: dict[str, Any] | None = None
    session: _SessionKeyDoc | None = None


class _HistoryDoc(_Doc):
    cards: list[_CardDoc] = Field(default_factory=list)
    sessions: list[_SessionDoc] = Field(default_factory=list)
    reviews: list[_ReviewDoc] = Field(default_factory=list)


class _DeckDoc(_Doc):
    name: Annotated[str, Field(min_length=1, max_length=200)]
    facts: list[Fact] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)


class BundleDoc(_Doc):
    format: Literal["quizmaster"]
    version: Literal[1]
    exported_at: str | None = None
    decks: list[_DeckDoc]
    history: _HistoryDoc | None = None
