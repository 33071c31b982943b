"""Progress numbers computed from the review history. Pure functions over plain data; the
store supplies the data and the CLI supplies ``today``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from quizmaster.errors import UsageError
from quizmaster.reports import (
    FsrsInUse,
    GroupAccuracy,
    History,
    HistoryRow,
    MockTrendPoint,
    Stats,
    WeakFact,
)
from quizmaster.setting_names import FSRS_FITTED_AT, FSRS_PARAMETERS

if TYPE_CHECKING:
    from quizmaster.records import CardTally, ReviewStats, SessionRow
    from quizmaster.store import Store

MAX_DAYS = 3660


def streak_days(counts: Mapping[dt.date, int], today: dt.date) -> int:
    """Consecutive days with at least one review, ending today. A streak is still alive
    until today ends, so with no review yet today it counts back from yesterday."""
    day = today if counts.get(today, 0) > 0 else today - dt.timedelta(days=1)
    streak = 0
    while counts.get(day, 0) > 0:
        streak += 1
        day -= dt.timedelta(days=1)
    return streak


def streak_days_probed(reviewed_on: Callable[[dt.date], bool], today: dt.date) -> int:
    """``streak_days`` without the whole history: asks ``reviewed_on(day)`` day by day going
    back from today, so the cost grows with the streak, not with the number of reviews."""
    day = today if reviewed_on(today) else today - dt.timedelta(days=1)
    streak = 0
    while reviewed_on(day):
        streak += 1
        day -= dt.timedelta(days=1)
    return streak


def longest_streak(counts: Mapping[dt.date, int]) -> int:
    """The longest run of consecutive review days ever."""
    best = run = 0
    previous: dt.date | None = None
    for day in sorted(d for d, n in counts.items() if n > 0):
        run = run + 1 if previous is not None and day - previous == dt.timedelta(days=1) else 1
        best = max(best, run)
        previous = day
    return best


# --- progress report and history -----------------------------------------------

HEATMAP_DAYS = 182  # about six months
FORECAST_DAYS = 30
WEAKEST_LIMIT = 5
STATE_NAMES = {0: "new", 1: "learning", 2: "review", 3: "learning"}


def calendar_day(moment: dt.datetime, utc_offset_minutes: int) -> dt.date:
    """The calendar day of an aware UTC moment in the user's zone."""
    utc = moment.astimezone(dt.timezone.utc)
    return (utc + dt.timedelta(minutes=utc_offset_minutes)).date()


def share(part: int, whole: int) -> float | None:
    """``part / whole`` rounded to 4 places; None when there is nothing to divide."""
    return round(part / whole, 4) if whole else None


def heatmap(counts: Mapping[dt.date, int], today: dt.date, days: int) -> dict[str, int]:
    """Reviews per day for the ``days`` days ending today, oldest first, zeros included."""
    return {
        (today - dt.timedelta(days=i)).isoformat(): counts.get(today - dt.timedelta(days=i), 0)
        for i in range(days - 1, -1, -1)
    }


def accuracy(groups: Mapping[str, tuple[int, int]]) -> dict[str, GroupAccuracy]:
    """Reviews, correct answers and accuracy per group, groups sorted by name."""
    return {name: GroupAccuracy(n, k, share(k, n)) for name, (n, k) in sorted(groups.items())}


def forecast(
    due_days: Mapping[dt.date, int], today: dt.date, days: int = FORECAST_DAYS
) -> dict[str, int]:
    """Reviews falling due on each of the next ``days`` days (today first), from the count
    per local due day. Overdue reviews count on today; new and suspended questions are not
    reviews yet (``Store.card_tally`` leaves them out)."""
    counts = dict.fromkeys(((today + dt.timedelta(days=i)).isoformat() for i in range(days)), 0)
    for due_day, n in due_days.items():
        day = max(due_day, today).isoformat()
        if day in counts:
            counts[day] += n
    return counts


def build_stats(
    reviews: ReviewStats,
    cards: CardTally,
    *,
    now: dt.datetime,
    utc_offset_minutes: int = 0,
    days: int = HEATMAP_DAYS,
) -> Stats:
    """Every number of ``quizmaster stats`` from the review log's aggregates and the cards.
    ``reviews`` counts days in the user's zone already (the store uses the same offset)."""
    if days < 1:
        raise UsageError(f"--days must be at least 1, got {days}")
    if days > MAX_DAYS:
        raise UsageError(f"--days must be at most {MAX_DAYS} (ten years), got {days}")
    today = calendar_day(now, utc_offset_minutes)
    counts = reviews.day_counts
    return Stats(
        today=today.isoformat(),
        reviews_total=reviews.reviews,
        reviews_today=counts.get(today, 0),
        due_now=cards.due_now,
        new_available=cards.new_available,
        streak_days=streak_days(counts, today),
        longest_streak=longest_streak(counts),
        accuracy=share(reviews.correct, reviews.reviews),
        retention=share(reviews.retention_passed, reviews.retention_reviews),
        retention_reviews=reviews.retention_reviews,
        states=dict(cards.states),
        heatmap=heatmap(counts, today, days),
        forecast=forecast(cards.due_days, today),
        by_topic=accuracy(reviews.by_topic),
        by_tag=accuracy(reviews.by_tag),
        by_kind=accuracy(reviews.by_kind),
        by_deck=accuracy(reviews.by_deck),
        weakest=tuple(WeakFact(fid, n, n - k, share(k, n)) for fid, n, k in reviews.weakest),
    )


def collect_stats(
    store: Store,
    *,
    now: dt.datetime,
    utc_offset_minutes: int = 0,
    deck: str | None = None,
    days: int = HEATMAP_DAYS,
) -> Stats:
    """``quizmaster stats``: the numbers, the weakest facts' statements and the FSRS
    parameters in use (fitted by ``quizmaster optimize``, else the defaults)."""
    stats = build_stats(
        store.review_stats(deck, utc_offset_minutes, WEAKEST_LIMIT),
        store.card_tally(now, deck, utc_offset_minutes),
        now=now,
        utc_offset_minutes=utc_offset_minutes,
        days=days,
    )
    statements = store.fact_statements([w.fact_id for w in stats.weakest])
    parameters = store.get_setting(FSRS_PARAMETERS)
    return replace(
        stats,
        deck=deck,
        weakest=tuple(
            replace(weak, statement=statements.get(weak.fact_id, "")) for weak in stats.weakest
        ),
        fsrs=FsrsInUse(
            parameters=parameters if parameters else "default",
            fitted_at=store.get_setting(FSRS_FITTED_AT),
        ),
    )


def session_history(sessions: Sequence[SessionRow]) -> tuple[HistoryRow, ...]:
    """One row per quiz or mock session, oldest first, with its score. A quiz scores its
    correct answers out of those answered (from the review log, so undone answers do not
    count); a mock its marks out of the maximum."""
    return tuple(_history_row(s) for s in sessions)


def _history_row(s: SessionRow) -> HistoryRow:
    duration = (s.ended_at - s.started_at).total_seconds() if s.ended_at else None
    row = HistoryRow(
        id=s.id,
        kind=s.kind,
        started_at=s.started_at.isoformat(),
        ended_at=s.ended_at.isoformat() if s.ended_at else None,
        duration_s=None if duration is None else round(duration, 1),
        deck=s.deck,
        exam=None,
        questions=s.reviews,
        correct=s.reviews_correct,
        wrong=s.reviews - s.reviews_correct,
        unanswered=None,
        score=s.reviews_correct,
        max_score=s.reviews,
        percent=None,
        finished=s.ended_at is not None,
    )
    if s.kind == "mock":
        d = s.data
        row = replace(
            row,
            exam=d.get("exam"),
            questions=d.get("questions"),
            correct=d.get("correct"),
            wrong=d.get("wrong"),
            unanswered=d.get("unanswered"),
            score=d.get("score"),
            max_score=d.get("max_score"),
        )
    score, top = row.score, row.max_score
    if isinstance(score, (int, float)) and isinstance(top, (int, float)) and top:
        row = replace(row, percent=round(100 * score / top, 1))
    return row


def mock_trend(history: Sequence[HistoryRow]) -> tuple[MockTrendPoint, ...]:
    """The finished mocks' scores as a percentage of the maximum, oldest first."""
    return tuple(
        MockTrendPoint(h.id, h.started_at, h.exam, h.percent)
        for h in history
        if h.kind == "mock" and h.finished and h.percent is not None
    )


def collect_history(store: Store) -> History:
    """``quizmaster history``: every session with its score, and the mock-score trend."""
    rows = session_history(store.session_rows())
    return History(rows, mock_trend(rows))
