"""The schema of quizmaster's JSON export, for validating a file before importing it.

Kept apart from ``importers`` so that building these models costs nothing at start-up.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from quizmaster.boundary_checks import EARLIEST, LATEST, MAX_ANSWER_CHARS, MAX_YEAR, MIN_YEAR
from quizmaster.models import Fact, Question


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _in_range(moment: dt.datetime) -> dt.datetime:
    if not EARLIEST <= moment <= LATEST:
        raise ValueError(f"{moment.date()} is out of range (year {MIN_YEAR} to {MAX_YEAR})")
    return moment


# The invariants the scheduler relies on, checked before anything is written.
Moment = Annotated[AwareDatetime, AfterValidator(_in_range)]
Count = Annotated[int, Field(ge=0, le=1_000_000)]


class _CardDoc(_Doc):
    question_id: Annotated[str, Field(min_length=1, max_length=1000)]
    state: Annotated[int, Field(ge=0, le=3)] = 0
    step: Annotated[int, Field(ge=0, le=100)] | None = None
    stability: Annotated[float, Field(gt=0, le=1_000_000, allow_inf_nan=False)] | None = None
    difficulty: Annotated[float, Field(ge=1, le=10, allow_inf_nan=False)] | None = None
    due: Moment | None = None
    last_review: Moment | None = None
    reps: Count = 0
    lapses: Count = 0
    suspended: bool = False
    leech: bool = False
    buried_until: Moment | None = None

    @model_validator(mode="after")
    def _scheduled(self) -> _CardDoc:
        if self.state != 0:
            for name in ("due", "stability", "difficulty", "last_review"):
                if getattr(self, name) is None:
                    raise ValueError(f"a reviewed card (state {self.state}) needs {name}")
        return self


class _SessionKeyDoc(_Doc):
    kind: Annotated[str, Field(min_length=1, max_length=40)]
    started_at: Moment


class _SessionDoc(_SessionKeyDoc):
    ended_at: Moment | None = None
    deck: Annotated[str, Field(max_length=200)] | None = None
    data: dict[str, Any] = Field(default_factory=dict)


class _ReviewDoc(_Doc):
    question_id: Annotated[str, Field(min_length=1, max_length=1000)]
    reviewed_at: Moment
    rating: Annotated[int, Field(ge=1, le=4)]
    correct: bool
    response: Annotated[str, Field(max_length=MAX_ANSWER_CHARS)] | None = None
    duration_ms: Annotated[int, Field(ge=0, le=86_400_000)] | None = None
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
    exported_at: Annotated[str, Field(max_length=100)] | None = None
    decks: list[_DeckDoc]
    history: _HistoryDoc | None = None
