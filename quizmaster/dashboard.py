"""The dashboard: the numbers bare ``quizmaster`` shows (``dashboard_fast`` reads the same
ones without the core, for start-up speed)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from quizmaster.reports import Dashboard
from quizmaster.settings import load_settings
from quizmaster.study_queue import study_day_start

if TYPE_CHECKING:
    from quizmaster.store import Store


def dashboard(store: Store, *, now: dt.datetime, utc_offset_minutes: int) -> Dashboard:
    """The numbers of ``quizmaster`` alone: due now, new available, streak, exam countdown,
    and the command to run next."""
    from quizmaster.stats import streak_days_probed

    settings = load_settings(store)
    totals = store.totals()
    due_now = store.count_due(now)
    new_available = store.count_new()
    new_done, _ = store.reviews_since(study_day_start(now, utc_offset_minutes))
    new_today = min(new_available, max(0, settings.new_per_day - new_done))
    today = (now + dt.timedelta(minutes=utc_offset_minutes)).date()
    exam = settings.exam_date
    if due_now or new_today:
        next_command = "quizmaster quiz"
    elif totals["questions"]:
        next_command = "quizmaster quiz --practice"
    else:
        next_command = "quizmaster import FILE.yaml"
    return Dashboard(
        decks=totals["decks"],
        facts=totals["facts"],
        questions=totals["questions"],
        due_now=due_now,
        new_available=new_available,
        new_today=new_today,
        streak_days=streak_days_probed(
            lambda day: store.reviewed_on(day, utc_offset_minutes), today
        ),
        exam_date=exam.isoformat() if exam else None,
        days_to_exam=(exam - today).days if exam else None,
        next_command=next_command,
    )
