"""Golden screens: what a user sees in a terminal 80 and 120 columns wide, byte for byte
once colours and cursor moves are stripped, for the dashboard, a quiz session, the nothing
due message, stats, history and a mock result sheet. The clock is pinned, the monotonic
timer stands still and the random source is seeded (see tests/helpers/screens.py), so a
change in any of these files is a change users see.

Regenerate after an intended change, then read the diff:

    QUIZMASTER_REGEN_GOLDENS=1 python -m pytest tests/test_screens_golden.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.helpers.goldens import GOLDEN, check_golden
from tests.helpers.pinned import NOW
from tests.helpers.quiz_deck import make_quiz_db
from tests.helpers.screens import Recorder, run_to_end, spawn
from tests.helpers.week_of_use import make_done_for_today_db, make_week_db

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX"),
    pytest.mark.slow,  # a real process per screen
]

WIDTHS = [80, 120]
SCREENS = GOLDEN / "screens"
MOMENT = NOW.isoformat()


@pytest.fixture(scope="module")
def week_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once: the screens that read it do not write to it."""
    return make_week_db(tmp_path_factory.mktemp("week") / "week.db", NOW)


def golden(name: str, columns: int) -> Path:
    return SCREENS / f"{name}.{columns}.txt"


@pytest.mark.parametrize("columns", WIDTHS)
def test_dashboard_on_a_new_database(tmp_path: Path, columns: int) -> None:
    screen = run_to_end([], db=tmp_path / "new.db", columns=columns, now=MOMENT)
    check_golden(golden("dashboard_new", columns), screen)


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize(
    ("name", "args"),
    [("dashboard_week", []), ("stats", ["stats"]), ("history", ["history"])],
)
def test_after_a_week(week_db: Path, name: str, args: list[str], columns: int) -> None:
    screen = run_to_end(args, db=week_db, columns=columns, now=MOMENT)
    check_golden(golden(name, columns), screen)


@pytest.mark.parametrize("columns", WIDTHS)
def test_quiz_session(tmp_path: Path, columns: int) -> None:
    """The first question, a right answer's feedback, the next question, a wrong answer's
    feedback, then q: the session summary."""
    db = make_quiz_db(tmp_path / "quiz.db", NOW)
    child = spawn(["quiz"], db=db, columns=columns, now=MOMENT)
    screens = Recorder(child)
    try:
        first = screens.until(r":help[^\n]*\n")  # the question panel's last line
        child.send("2")  # Paris: right
        right = screens.until(r"q quit[^\n]*\n")
        child.send("\r")
        second = screens.until(r":help[^\n]*\n")
        child.send("t")  # true, where it is false: wrong
        wrong = screens.until(r"q quit[^\n]*\n")
        child.send("q")
        summary = screens.to_end()
    finally:
        child.close()
    assert child.exitstatus == 0
    check_golden(golden("quiz_question", columns), first)
    check_golden(golden("quiz_right", columns), right)
    check_golden(golden("quiz_next_question", columns), second)
    check_golden(golden("quiz_wrong", columns), wrong)
    check_golden(golden("quiz_summary", columns), summary)


@pytest.mark.parametrize("columns", WIDTHS)
def test_nothing_due(tmp_path: Path, columns: int) -> None:
    db = make_done_for_today_db(tmp_path / "done.db", NOW)
    screen = run_to_end(["quiz"], db=db, columns=columns, now=MOMENT)
    check_golden(golden("nothing_due", columns), screen)


@pytest.mark.parametrize("columns", WIDTHS)
def test_mock_result_sheet(week_db: Path, tmp_path: Path, columns: int) -> None:
    """A seeded five-question paper answered by keys: right, wrong, skipped, right, right;
    the sheet after submitting. (A copy of the week: the mock is stored.)"""
    db = tmp_path / "week.db"
    db.write_bytes(week_db.read_bytes())
    child = spawn(
        ["mock", "--deck", "Capitals", "--questions", "5", "--seed", "7"],
        db=db,
        columns=columns,
        now=MOMENT,
    )
    screens = Recorder(child)
    try:
        screens.until(r"Q1/5 > ")
        for keys in ("3", "2", "n", "2", "1", "s"):
            child.send(keys)
        screens.until(r"\[y/N\] ")
        child.send("y")
        screens.until(r"Paper submitted\.[^\n]*\n")
        sheet = screens.to_end()
    finally:
        child.close()
    assert child.exitstatus == 0
    check_golden(golden("mock_result", columns), sheet)
