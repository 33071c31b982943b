"""FSRS scheduling through py-fsrs. Pure functions: the clock comes in as ``now``.

A stored :class:`~quizmaster.store.CardState` is converted to an ``fsrs.Card``, reviewed,
and converted back. On top of FSRS:

- intervals of a day or more end at the start of a local day (04:00), so a question due
  "in 3 days" is there in the morning session of that day, whatever the hour it was answered;
- with an exam date, no interval reaches past the day before the exam (or, when that day has
  come, the exam morning): every question is seen again before the exam;
- lapses are counted, and a question that lapses ``LEECH_LAPSES`` times becomes a leech:
  tagged and suspended.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from quizmaster.grade import Rating
from quizmaster.records import CardState

if TYPE_CHECKING:
    import fsrs

STATE_NEW = 0
STATE_LEARNING = 1
STATE_REVIEW = 2
STATE_RELEARNING = 3
LEECH_LAPSES = 8
DAY_ROLLOVER_HOUR = 4
# One short step: a new question answered right graduates at once to days; a wrong one
# comes back ten minutes later, within the same session.
LEARNING_STEPS = (dt.timedelta(minutes=10),)
RELEARNING_STEPS = (dt.timedelta(minutes=10),)


@dataclass(frozen=True)
class SchedulerSettings:
    """What shapes the intervals. ``parameters`` None means the FSRS defaults."""

    desired_retention: float = 0.9
    parameters: tuple[float, ...] | None = None
    exam_date: dt.date | None = None
    utc_offset_minutes: int = 0
    fuzz: bool = True


def fsrs_scheduler(settings: SchedulerSettings) -> fsrs.Scheduler:
    """The py-fsrs scheduler for these settings (also used to replay history)."""
    import fsrs

    kwargs = {} if settings.parameters is None else {"parameters": settings.parameters}
    return fsrs.Scheduler(
        desired_retention=settings.desired_retention,
        learning_steps=LEARNING_STEPS,
        relearning_steps=RELEARNING_STEPS,
        enable_fuzzing=settings.fuzz,
        **kwargs,  # type: ignore[arg-type]
    )


def check_parameters(parameters: Sequence[float]) -> None:
    """Raise ValueError when FSRS would reject these parameters."""
    import fsrs

    fsrs.Scheduler(parameters=tuple(float(p) for p in parameters))


def to_fsrs(card: CardState, now: dt.datetime) -> fsrs.Card:
    """The fsrs card for a stored state; a new question is a learning card at step 0."""
    import fsrs

    if card.state == STATE_NEW:
        return fsrs.Card(card_id=0, state=fsrs.State.Learning, step=0, due=now)
    return fsrs.Card(
        card_id=0,
        state=fsrs.State(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due or now,
        last_review=card.last_review,
    )


def from_fsrs(reviewed: fsrs.Card, before: CardState) -> CardState:
    """The stored state after a review: fsrs fields, plus our own counters kept."""
    return replace(
        before,
        state=int(reviewed.state.value),
        step=reviewed.step,
        stability=reviewed.stability,
        difficulty=reviewed.difficulty,
        due=reviewed.due,
        last_review=reviewed.last_review,
    )


def day_start(day: dt.date, utc_offset_minutes: int) -> dt.datetime:
    """When the local ``day`` starts (at the rollover hour), in UTC."""
    local = dt.datetime.combine(day, dt.time(DAY_ROLLOVER_HOUR), tzinfo=dt.timezone.utc)
    return local - dt.timedelta(minutes=utc_offset_minutes)


def study_day(moment: dt.datetime, utc_offset_minutes: int) -> dt.date:
    """The local study day a moment belongs to (a day runs from 04:00 to 04:00)."""
    shifted = moment.astimezone(dt.timezone.utc) + dt.timedelta(minutes=utc_offset_minutes)
    return (shifted - dt.timedelta(hours=DAY_ROLLOVER_HOUR)).date()


def exam_cap(now: dt.datetime, settings: SchedulerSettings) -> dt.datetime | None:
    """The latest a question may be due: the start of the day before the exam, or once that
    has passed the exam morning; None without an exam date or after the exam."""
    if settings.exam_date is None:
        return None
    for day in (settings.exam_date - dt.timedelta(days=1), settings.exam_date):
        start = day_start(day, settings.utc_offset_minutes)
        if start > now:
            return start
    return None


def settle_due(due: dt.datetime, now: dt.datetime, settings: SchedulerSettings) -> dt.datetime:
    """Our rules on top of FSRS's due time: day-scale intervals end at the start of a local
    study day, and nothing is due after the exam cap."""
    if due - now >= dt.timedelta(days=1):
        due = day_start(study_day(due, settings.utc_offset_minutes), settings.utc_offset_minutes)
    cap = exam_cap(now, settings)
    if cap is not None and due > cap:
        due = cap
    return due


def review(
    card: CardState, rating: Rating, now: dt.datetime, settings: SchedulerSettings
) -> CardState:
    """The card's state after answering it at ``now`` with ``rating``. Does not mutate."""
    import fsrs

    if now.tzinfo is None:
        raise ValueError("naive datetime")
    now = now.astimezone(dt.timezone.utc)
    reviewed, _log = fsrs_scheduler(settings).review_card(
        to_fsrs(card, now), fsrs.Rating(int(rating)), review_datetime=now
    )
    after = from_fsrs(reviewed, card)
    due = settle_due(after.due or now, now, settings)
    lapsed = card.state == STATE_REVIEW and rating == Rating.AGAIN
    lapses = card.lapses + int(lapsed)
    leech = card.leech or (lapsed and lapses >= LEECH_LAPSES)
    return replace(
        after,
        due=due,
        reps=card.reps + 1,
        lapses=lapses,
        leech=leech,
        suspended=card.suspended or (leech and not card.leech),
    )


def became_leech(before: CardState, after: CardState) -> bool:
    return after.leech and not before.leech


def retrievability(card: CardState, now: dt.datetime, settings: SchedulerSettings) -> float:
    """The predicted chance of recalling the card at ``now`` (0 for a new card)."""
    if card.state == STATE_NEW:
        return 0.0
    return float(fsrs_scheduler(settings).get_card_retrievability(to_fsrs(card, now), now))
