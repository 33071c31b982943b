"""The typed reports: each ``to_json`` gives the JSON its command prints, keys in the order
they have always been printed in."""

from __future__ import annotations

import datetime as dt

import pytest
from typer.testing import CliRunner

from quizmaster.cli import app
from quizmaster.dashboard import dashboard
from quizmaster.json_writer import dumps
from quizmaster.reports import (
    HISTORY_FIELDS,
    Dashboard,
    FsrsInUse,
    GroupAccuracy,
    History,
    HistoryRow,
    NothingDue,
    SessionSummary,
    Setting,
    SettingsListing,
    Stats,
    WeakFact,
)
from quizmaster.session import run_quiz
from quizmaster.settings import settings_listing
from quizmaster.stats import collect_history, collect_stats
from quizmaster.store import Store
from tests.helpers.pinned import NOW
from tests.helpers.quiz_deck import load_quiz_deck
from tests.helpers.week_of_use import SteadyLearner, Stopped, Ticker

DASHBOARD_KEYS = [
    "decks",
    "facts",
    "questions",
    "due_now",
    "new_available",
    "new_today",
    "streak_days",
    "exam_date",
    "days_to_exam",
    "next_command",
]
STATS_KEYS = [
    "today",
    "reviews_total",
    "reviews_today",
    "due_now",
    "new_available",
    "streak_days",
    "longest_streak",
    "accuracy",
    "retention",
    "retention_reviews",
    "states",
    "heatmap",
    "forecast",
    "by_topic",
    "by_tag",
    "by_kind",
    "by_deck",
    "weakest",
    "deck",
    "fsrs",
]


@pytest.fixture
def used(store: Store) -> Store:
    """The quiz deck after one morning's session (one answer forgotten) and a mock's row."""
    load_quiz_deck(store, NOW - dt.timedelta(days=1))
    morning = NOW - dt.timedelta(hours=1)
    run_quiz(store, SteadyLearner(forgets=2), clock=Stopped(morning), timer=Ticker(), fuzz=False)
    mock = store.start_session("mock", started_at=morning, deck=None)
    marks = {"exam": "ssc", "questions": 4, "correct": 2, "wrong": 1, "unanswered": 1}
    store.end_session(mock, ended_at=NOW, data={**marks, "score": 1.5, "max_score": 8})
    store.set_setting("exam_date", "2027-05-24")
    return store


def printed(runner: CliRunner, args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_dashboard_json_is_what_the_command_prints(used: Store, runner: CliRunner) -> None:
    out = printed(runner, ["--json"])
    report = dashboard(used, now=NOW, utc_offset_minutes=0)
    assert out == dumps(report.to_json()) + "\n"
    assert list(report.to_json()) == DASHBOARD_KEYS
    assert report.exam_date == "2027-05-24" and report.streak_days == 1


def test_stats_json_is_what_the_command_prints(used: Store, runner: CliRunner) -> None:
    out = printed(runner, ["stats", "--json"])
    report = collect_stats(used, now=NOW)
    assert out == dumps(report.to_json()) + "\n"
    assert list(report.to_json()) == STATS_KEYS
    assert report.reviews_total > 0 and report.weakest


def test_history_json_is_what_the_command_prints(used: Store, runner: CliRunner) -> None:
    out = printed(runner, ["history", "--json"])
    report = collect_history(used)
    assert out == dumps(report.to_json()) + "\n"
    assert [row["kind"] for row in report.to_json()] == ["quiz", "mock"]
    assert all(list(row) == list(HISTORY_FIELDS) for row in report.to_json())
    assert [point.percent for point in report.trend] == [18.8]


def test_settings_json_is_what_config_prints(used: Store, runner: CliRunner) -> None:
    out = printed(runner, ["config", "--json"])
    assert out == dumps(settings_listing(used).to_json()) + "\n"
    assert settings_listing(used).to_json() == {
        "new_per_day": 20,
        "reviews_per_day": 200,
        "desired_retention": 0.9,
        "exam_date": "2027-05-24",
        "new_order": "newest",
        "fsrs_parameters": None,
    }


def test_a_session_summary_is_stored_as_its_json(store: Store) -> None:
    load_quiz_deck(store, NOW)
    summary = run_quiz(
        store, SteadyLearner(forgets=0), clock=Stopped(NOW), timer=Ticker(), fuzz=False
    )
    assert isinstance(summary, SessionSummary)
    assert store.session_rows()[-1].data == summary.to_json()
    nothing = run_quiz(store, SteadyLearner(), clock=Stopped(NOW), timer=Ticker())
    assert isinstance(nothing, NothingDue)
    assert nothing.to_json() == {"message": nothing.message}


def test_each_report_as_json() -> None:
    assert Dashboard(1, 2, 3, 4, 5, 6, 7, None, None, "quizmaster quiz").to_json() == {
        "decks": 1,
        "facts": 2,
        "questions": 3,
        "due_now": 4,
        "new_available": 5,
        "new_today": 6,
        "streak_days": 7,
        "exam_date": None,
        "days_to_exam": None,
        "next_command": "quizmaster quiz",
    }
    summary = SessionSummary(False, 3, 2, 0.667, 75, 4, 9, 1, ("a:mcq:x",), "done")
    assert summary.to_json() == {
        "practice": False,
        "answered": 3,
        "correct": 2,
        "accuracy": 0.667,
        "seconds": 75,
        "streak_days": 4,
        "due_tomorrow": 9,
        "left_in_queue": 1,
        "leeches": ["a:mcq:x"],
        "ended": "done",
    }
    row = HistoryRow(1, "quiz", "s", None, None, None, None, 2, 1, 1, None, 1, 2, 50.0, False)
    assert History((row,), ()).to_json() == [row.to_json()]
    assert row.to_json()["percent"] == 50.0 and row.to_json()["finished"] is False


def test_stats_nested_rows_as_json() -> None:
    group = GroupAccuracy(4, 3, 0.75)
    stats = Stats(
        today="2026-11-24",
        reviews_total=4,
        reviews_today=1,
        due_now=0,
        new_available=2,
        streak_days=1,
        longest_streak=2,
        accuracy=0.75,
        retention=None,
        retention_reviews=0,
        states={"new": 2},
        heatmap={"2026-11-24": 1},
        forecast={"2026-11-24": 0},
        by_topic={"Europe": group},
        by_tag={},
        by_kind={"mcq": group},
        by_deck={},
        weakest=(WeakFact("capital-japan", 4, 1, 0.75, "Tokyo is the capital of Japan."),),
        deck="Capitals",
        fsrs=FsrsInUse([0.4, 1.2], "2026-11-20T10:00:00+00:00"),
    )
    data = stats.to_json()
    assert list(data) == STATS_KEYS
    assert data["by_topic"] == {"Europe": {"reviews": 4, "correct": 3, "accuracy": 0.75}}
    assert data["weakest"] == [
        {
            "fact_id": "capital-japan",
            "reviews": 4,
            "wrong": 1,
            "accuracy": 0.75,
            "statement": "Tokyo is the capital of Japan.",
        }
    ]
    assert data["fsrs"] == {"parameters": [0.4, 1.2], "fitted_at": "2026-11-20T10:00:00+00:00"}
    assert FsrsInUse().to_json() == {"parameters": "default", "fitted_at": None}


def test_settings_listing_writes_parameters_as_a_list() -> None:
    listing = SettingsListing(
        (Setting("new_per_day", 5, False), Setting("fsrs_parameters", (0.5, 1.0), False))
    )
    assert listing.to_json() == {"new_per_day": 5, "fsrs_parameters": [0.5, 1.0]}
