"""Progress numbers computed from the review history. Pure functions over plain data; the
store supplies the data and the CLI supplies ``today``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping


def streak_days(counts: Mapping[dt.date, int], today: dt.date) -> int:
    """Consecutive days with at least one review, ending today. A streak is still alive
    until today ends, so with no review yet today it counts back from yesterday."""
    day = today if counts.get(today, 0) > 0 else today - dt.timedelta(days=1)
    streak = 0
    while counts.get(day, 0) > 0:
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
