"""``stats`` and ``history`` against a database with a known history (fixed clock)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizmaster.cli import app
from quizmaster.records import CardState
from quizmaster.stats import collect_stats, session_history
from quizmaster.store import Store
from tests.helpers.capitals_deck import load_capitals
from tests.helpers.pinned import NOW

TODAY = NOW.date()  # Tuesday 2026-11-24, 09:00 UTC


def at(day: int, hour: float = 9) -> dt.datetime:
    """``day`` days from NOW's date, at ``hour`` UTC."""
    midnight = dt.datetime.combine(TODAY, dt.time(), tzinfo=dt.timezone.utc)
    return midnight + dt.timedelta(days=day, hours=hour)


def iso_day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


# (day, hour UTC, question, correct, rating, state after, due after: (day, hour))
HISTORY: list[tuple[int, float, str, bool, int, int, tuple[int, float]]] = [
    (-10, 9, "capital-france:mcq:x", True, 3, 2, (-5, 9)),
    (-10, 9.1, "capital-japan:mcq:x", False, 1, 1, (-9, 9)),
    (-9, 9, "capital-japan:mcq:x", True, 3, 2, (-3, 9)),
    (-5, 9, "capital-france:mcq:x", False, 1, 3, (-4, 9)),
    (-4, 9, "capital-france:mcq:x", True, 3, 2, (0, 8)),  # due 1 h before NOW
    (-3, 9, "capital-japan:mcq:x", True, 2, 2, (3, 9)),
    (-2, 9, "capital-kenya:cloze:x", True, 4, 2, (10, 9)),
    (-1, 9, "capital-peru:mcq:x", True, 3, 2, (1, 9)),
    (-1, 9.1, "capital-japan:cloze:x", False, 1, 1, (0, 9.5)),  # due later today
    (-1, 20, "capital-peru:cloze:x", True, 3, 2, (1, 20)),  # 01:30 the next day in India
    (0, 8, "capital-kenya:mcq:x", True, 3, 2, (29, 9)),  # the last day of the forecast
    (0, 8.5, "capital-egypt:mcq:x", True, 3, 2, (40, 9)),  # beyond it
    # an eight-day run a month ago, all passed; the card ends overdue
    *[
        (d, 9, "capital-egypt:cloze:x", True, 3, 2, ((d + 1, 9) if d < -23 else (-1, 9)))
        for d in range(-30, -22)
    ],
]


def build_history(store: Store) -> dict[int, int]:
    """Load the deck and replay HISTORY; quiz sessions per day. Returns day -> session id."""
    load_capitals(store, at(-60))
    sessions: dict[int, int] = {}
    for day, hour, qid, correct, rating, state, (due_day, due_hour) in HISTORY:
        if day not in sessions:
            sessions[day] = store.start_session("quiz", started_at=at(day, 8.9))
        before = store.card(qid)
        after = dataclasses.replace(
            before,
            state=state,
            due=at(due_day, due_hour),
            last_review=at(day, hour),
            reps=before.reps + 1,
            lapses=before.lapses + (not correct and before.state == 2),
            stability=3.0,
            difficulty=5.0,
        )
        store.record_review(
            after,
            session_id=sessions[day],
            reviewed_at=at(day, hour),
            rating=rating,
            correct=correct,
            response=None,
            duration_ms=4000,
        )
    for day, sid in sessions.items():
        store.end_session(sid, ended_at=at(day, 21), data={"answered": 0})
    suspended = CardState("capital-india:cloze:x", state=2, due=at(2), suspended=True)
    store.save_card(suspended)
    return sessions


@pytest.fixture
def history(store: Store) -> Store:
    build_history(store)
    return store


def test_counts_streaks_and_retention(history: Store) -> None:
    s = collect_stats(history, now=NOW).to_json()
    assert s["today"] == TODAY.isoformat()
    assert s["reviews_total"] == len(HISTORY) == 20
    assert s["reviews_today"] == 2
    assert s["streak_days"] == 6  # days -5 .. 0
    assert s["longest_streak"] == 8  # days -30 .. -23
    assert s["accuracy"] == round(17 / 20, 4)
    # Reviews of cards in the review state: the lapse on day -5 failed; day -3 and seven
    # days of the run passed.
    assert (s["retention"], s["retention_reviews"]) == (round(8 / 9, 4), 9)
    assert s["due_now"] == 2  # france (08:00) and the overdue egypt cloze
    assert s["new_available"] == 3
    assert s["states"] == {"new": 3, "learning": 1, "review": 8, "suspended": 1}
    assert s["fsrs"] == {"parameters": "default", "fitted_at": None}


def test_heatmap(history: Store) -> None:
    s = collect_stats(history, now=NOW, days=30).to_json()
    heat = s["heatmap"]
    assert len(heat) == 30
    assert list(heat)[0] == iso_day(-29) and list(heat)[-1] == iso_day(0)
    assert heat[iso_day(-10)] == 2 and heat[iso_day(-1)] == 3 and heat[iso_day(0)] == 2
    assert heat[iso_day(-6)] == 0
    assert sum(heat.values()) == 19  # day -30 falls outside the 30 days
    assert len(collect_stats(history, now=NOW).to_json()["heatmap"]) == 182


def test_forecast(history: Store) -> None:
    forecast = collect_stats(history, now=NOW).to_json()["forecast"]
    assert len(forecast) == 30 and list(forecast)[0] == iso_day(0)
    expected = {iso_day(0): 3, iso_day(1): 2, iso_day(3): 1, iso_day(10): 1, iso_day(29): 1}
    assert {d: n for d, n in forecast.items() if n} == expected


def test_local_days_follow_the_offset(history: Store) -> None:
    ist = collect_stats(history, now=NOW, utc_offset_minutes=330).to_json()
    assert ist["reviews_today"] == 3  # the 20:00 UTC review was after midnight in India
    assert ist["heatmap"][iso_day(-1)] == 2
    assert ist["forecast"][iso_day(1)] == 1 and ist["forecast"][iso_day(2)] == 1


def test_breakdowns_and_weakest(history: Store) -> None:
    s = collect_stats(history, now=NOW).to_json()
    assert s["by_kind"] == {
        "cloze": {"reviews": 11, "correct": 10, "accuracy": round(10 / 11, 4)},
        "mcq": {"reviews": 9, "correct": 7, "accuracy": round(7 / 9, 4)},
    }
    assert s["by_topic"] == {
        "Africa": {"reviews": 11, "correct": 11, "accuracy": 1.0},
        "Americas": {"reviews": 2, "correct": 2, "accuracy": 1.0},
        "Asia": {"reviews": 4, "correct": 2, "accuracy": 0.5},
        "Europe": {"reviews": 3, "correct": 2, "accuracy": round(2 / 3, 4)},
    }
    assert s["by_tag"]["capitals"]["reviews"] == 20
    assert s["by_tag"]["asia"] == s["by_topic"]["Asia"]
    assert [(w["fact_id"], w["wrong"], w["reviews"]) for w in s["weakest"]] == [
        ("capital-japan", 2, 4),
        ("capital-france", 1, 3),
    ]
    assert s["weakest"][0]["statement"] == "Tokyo is the capital of Japan."


def test_deck_filter_and_fsrs_setting(history: Store) -> None:
    history.set_setting("fsrs_parameters", [0.4, 1.2, 3.1])
    history.set_setting("fsrs_fitted_at", "2026-11-20T10:00:00+00:00")
    s = collect_stats(history, now=NOW, deck="Capitals").to_json()
    assert s["reviews_total"] == 20 and s["deck"] == "Capitals"
    assert s["fsrs"] == {"parameters": [0.4, 1.2, 3.1], "fitted_at": "2026-11-20T10:00:00+00:00"}


def test_empty_database_stats(store: Store) -> None:
    s = collect_stats(store, now=NOW).to_json()
    assert s["reviews_total"] == 0 and s["accuracy"] is None and s["retention"] is None
    assert s["streak_days"] == 0 and s["weakest"] == [] and sum(s["forecast"].values()) == 0


def test_stats_json_command(history: Store, runner: CliRunner) -> None:
    result = runner.invoke(app, ["stats", "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    contract = {"reviews_total", "due_now", "new_available", "streak_days", "accuracy"}
    contract |= {"heatmap", "forecast", "by_topic", "by_kind", "retention"}
    assert contract <= data.keys()
    assert data == json.loads(json.dumps(collect_stats(history, now=NOW).to_json()))
    bad = runner.invoke(app, ["stats", "--days", "0"])
    assert bad.exit_code == 2 and "--days must be at least 1" in bad.stderr


def test_stats_plain_text(history: Store, runner: CliRunner) -> None:
    result = runner.invoke(app, ["stats"])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "\x1b[" not in out
    assert "Reviews today 2  ·  total 20  ·  accuracy 85%" in out
    assert "Streak 6 days (longest 8)" in out and "true retention 89% (9 due reviews)" in out
    assert "Multiple choice" in out and "short_answer" not in out  # kinds as the quiz names them
    assert "new 3  ·  learning 1  ·  review 8  ·  suspended 1" in out
    assert "FSRS parameters: default" in out
    assert "Reviews due, next 30 days: 8 (today 3, tomorrow 2, next 7 days 6)" in out
    heat_rows = [line for line in out.splitlines() if line.startswith(("Mon", "Tue", "Wed"))]
    assert heat_rows and all(set(r[5:]) <= set(".-+*# ") for r in heat_rows)
    assert "#" in out and "█" not in out  # the charts degrade to ASCII
    assert "capital-japan" in out  # weakest fact


# --- history ---------------------------------------------------------------------------------


def sit(runner: CliRunner, exam: str, answers: str, seed: int) -> dict[str, object]:
    result = runner.invoke(
        app, ["mock", "--exam", exam, "-n", "3", "--seed", str(seed), "--json"], input=answers
    )
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_history_lists_quizzes_and_mocks(history: Store, runner: CliRunner) -> None:
    first = sit(runner, "ibps", "\n\n\n", 1)
    second = sit(runner, "upsc", "1\n2\n3\n", 2)
    result = runner.invoke(app, ["history", "--json"])
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    quizzes = [r for r in rows if r["kind"] == "quiz"]
    mocks = [r for r in rows if r["kind"] == "mock"]
    assert len(quizzes) == 16  # one per day with reviews
    yesterday = next(r for r in quizzes if r["started_at"].startswith(iso_day(-1)))
    assert (yesterday["questions"], yesterday["correct"], yesterday["wrong"]) == (3, 2, 1)
    assert yesterday["percent"] == 66.7 and yesterday["finished"]
    assert [m["id"] for m in mocks] == [first["session_id"], second["session_id"]]
    assert mocks[0]["exam"] == "ibps" and mocks[0]["score"] == 0 and mocks[0]["max_score"] == 3
    assert mocks[1]["score"] == second["score"]
    assert mocks[1]["percent"] == round(100 * float(str(second["score"])) / 6, 1)

    result = runner.invoke(app, ["history", "--csv"])
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(table) == len(rows) and table[-1]["kind"] == "mock"
    assert table[-1]["score"] == str(second["score"])

    result = runner.invoke(app, ["history"])
    assert "Mock scores, % of the maximum" in result.stdout
    assert (
        "mock #1 IBPS" in result.stdout and "mock #2" in result.stdout and "quiz" in result.stdout
    )


def test_history_of_an_unfinished_session(store: Store) -> None:
    load_capitals(store, NOW)
    store.start_session("mock", started_at=NOW, data={"exam": "ssc", "questions": 5})
    (row,) = [r.to_json() for r in session_history(store.session_rows())]
    assert row["finished"] is False and row["percent"] is None and row["exam"] == "ssc"


def test_history_empty_and_flags(runner: CliRunner, db_path: Path) -> None:
    result = runner.invoke(app, ["history"])
    assert result.exit_code == 0 and "No sessions yet" in result.stdout
    result = runner.invoke(app, ["history", "--csv"])
    assert result.stdout.startswith("id,kind,started_at")
    result = runner.invoke(app, ["history", "--csv", "--json"])
    assert result.exit_code == 2 and "choose one of --json and --csv" in result.stderr


# --- charts ----------------------------------------------------------------------------------


@pytest.fixture
def plain_console(monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    from quizmaster import render
    from quizmaster.render import consoles

    console = Console(file=io.StringIO(), width=100)
    monkeypatch.setattr(consoles, "_out", console)
    assert render.out() is console  # the charts ask render.out() whether colour is on


@pytest.mark.usefixtures("plain_console")
def test_heatmap_chart_plain() -> None:
    from quizmaster.render import heatmap_chart

    week = {
        (dt.date(2026, 11, 16) + dt.timedelta(days=i)).isoformat(): n
        for i, n in enumerate([0, 1, 2, 3, 4, 8, 0])
    }  # Monday 16 .. Sunday 22 November
    lines = heatmap_chart(week).plain.splitlines()
    assert lines[0].strip() == "Nov"
    cells = [line[5] for line in lines[1:8]]
    assert cells == [".", "-", "-", "+", "+", "#", "."]  # level: ceil(4 * n / busiest day)
    assert lines[8].strip().startswith("Less . - + * # More  (most in a day: 8)")


@pytest.mark.usefixtures("plain_console")
def test_column_chart_plain() -> None:
    from quizmaster.render import column_chart

    chart = column_chart([4, 0, 2, 1], ["a", "", "c", ""], height=4)
    lines = [line.rstrip() for line in chart.plain.splitlines()]
    assert lines == [
        "4 │#",
        "  │#",
        "  │#   #",
        "0 │#   # #",
        "  └────────",
        "   a   c",
    ]


def test_stats_shows_fitted_parameters(history: Store, runner: CliRunner) -> None:
    history.set_setting("fsrs_parameters", [0.40255, 1.18385, 3.173])
    history.set_setting("fsrs_fitted_at", "2026-11-20T10:00:00+00:00")
    result = runner.invoke(app, ["stats"])
    assert "FSRS parameters: fitted 2026-11-20T10:00:00+00:00: 0.403, 1.18, 3.17" in result.stdout


def test_stats_before_any_due_review_says_so(runner: CliRunner) -> None:
    result = runner.invoke(app, ["stats"])  # a new database: the built-in deck, no review
    assert result.exit_code == 0, result.stderr
    assert "true retention – (no due review yet)" in result.stdout
