from __future__ import annotations

import datetime as dt

from quizmaster.stats import longest_streak, streak_days

D = dt.date(2026, 11, 24)


def days(*offsets: int) -> dict[dt.date, int]:
    return {D - dt.timedelta(days=o): 1 for o in offsets}


def test_streak_counts_back_from_today() -> None:
    assert streak_days(days(0, 1, 2, 4), D) == 3


def test_streak_alive_until_today_ends() -> None:
    assert streak_days(days(1, 2), D) == 2
    assert streak_days(days(2, 3), D) == 0
    assert streak_days({}, D) == 0


def test_longest_streak() -> None:
    assert longest_streak(days(0, 1, 5, 6, 7, 8, 20)) == 4
    assert longest_streak({}) == 0
