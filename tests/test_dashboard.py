"""The dashboard's numbers and the command it suggests next."""

from __future__ import annotations

import datetime as dt

from quizmaster.dashboard import dashboard
from quizmaster.session import run_quiz
from quizmaster.store import Store
from tests.helpers.pinned import NOW
from tests.helpers.quiz_deck import load_quiz_deck
from tests.helpers.week_of_use import SteadyLearner, Stopped, Ticker


def test_an_empty_collection_suggests_an_import(store: Store) -> None:
    report = dashboard(store, now=NOW, utc_offset_minutes=0)
    counts = (report.decks, report.facts, report.questions, report.due_now, report.new_today)
    assert counts == (0, 0, 0, 0, 0) and report.streak_days == 0
    assert report.exam_date is None and report.days_to_exam is None
    assert report.next_command == "quizmaster import FILE.yaml"


def test_new_questions_suggest_a_quiz_within_the_days_limit(store: Store) -> None:
    load_quiz_deck(store, NOW)
    store.set_setting("new_per_day", 3)
    report = dashboard(store, now=NOW, utc_offset_minutes=0)
    assert report.decks == 1 and report.questions == report.new_available > 3
    assert report.new_today == 3 and report.due_now == 0
    assert report.next_command == "quizmaster quiz"


def test_after_todays_session_practice_and_the_streak(store: Store) -> None:
    load_quiz_deck(store, NOW)
    store.set_setting("new_per_day", 2)
    run_quiz(store, SteadyLearner(forgets=0), clock=Stopped(NOW), timer=Ticker(), fuzz=False)
    report = dashboard(store, now=NOW + dt.timedelta(minutes=5), utc_offset_minutes=0)
    assert report.new_today == 0 and report.due_now == 0 and report.streak_days == 1
    assert report.next_command == "quizmaster quiz --practice"
    # The next day the streak holds until a review, and new questions are back.
    tomorrow = dashboard(store, now=NOW + dt.timedelta(days=1), utc_offset_minutes=0)
    assert tomorrow.streak_days == 1 and tomorrow.new_today == 2


def test_exam_countdown_in_the_users_zone(store: Store) -> None:
    store.set_setting("exam_date", "2026-11-25")
    utc = dashboard(store, now=NOW, utc_offset_minutes=0)
    assert (utc.exam_date, utc.days_to_exam) == ("2026-11-25", 1)
    # 09:00 UTC on the 24th is already the 25th at UTC+15:00.
    assert dashboard(store, now=NOW, utc_offset_minutes=15 * 60).days_to_exam == 0
