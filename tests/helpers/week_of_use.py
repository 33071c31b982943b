"""A database after a week of use, built through the real core with a fixed clock: the
built-in deck and a capitals deck, a quiz session every morning (right on most questions,
"don't know" on every third), and two mock papers. No randomness: the scheduler's fuzz is
off and the papers are drawn with fixed seeds."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from quizmaster import mock
from quizmaster.importers import ensure_builtin_deck
from quizmaster.mock_runner import sit_mock
from quizmaster.session import Feedback, run_quiz
from quizmaster.store import Store
from quizmaster.study_queue import Item
from tests.helpers.capitals_deck import load_capitals
from tests.helpers.quiz_deck import make_quiz_db

DAYS = 7
# Mock papers on these days of the week (0 = the first day): seed and piped answer lines.
MOCKS = {2: (11, "1\n2\n\n3\n4\n"), 5: (12, "2\n2\n1\n\n3\n")}


class Ticker:
    """A monotonic timer that moves four seconds each time it is read."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self) -> float:
        self.seconds += 4.0
        return self.seconds


class Stopped:
    """A clock that always reads the same moment."""

    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment


class SteadyLearner:
    """A quiz front end that knows every answer but every ``forgets``-th of a session
    (0: it knows them all)."""

    timed = True

    def __init__(self, forgets: int = 3) -> None:
        self.forgets = forgets
        self.asked = 0

    def show_question(self, item: Item, position: int, total: int) -> None:
        self.asked += 1

    def read_response(self, item: Item) -> str:
        forgot = self.forgets and self.asked % self.forgets == 0
        return "?" if forgot else item.stored.question.answer

    def show_feedback(self, feedback: Feedback) -> None:
        pass

    def read_after_feedback(self) -> str | None:
        return None

    def message(self, text: str, *, style: str = "") -> None:
        pass

    def confirm(self, question: str) -> bool:
        return False


def make_week_db(path: Path, now: dt.datetime) -> Path:
    """The database at ``now``, after the ``DAYS`` mornings before it."""
    first = now - dt.timedelta(days=DAYS)
    with Store.open(path, now=first) as store:
        ensure_builtin_deck(store, now=first)
        load_capitals(store, first)
        for day in range(DAYS):
            morning = first + dt.timedelta(days=day, hours=-1)
            run_quiz(
                store,
                SteadyLearner(),
                clock=Stopped(morning),
                timer=Ticker(),
                limit=12,
                fuzz=False,
            )
            if day in MOCKS:
                seed, answers = MOCKS[day]
                paper = mock.assemble_paper(
                    store.mock_pool("Capitals"), mock.marking_for("upsc"), questions=5, seed=seed
                )
                sit_mock(
                    store,
                    paper,
                    now=morning + dt.timedelta(hours=2),
                    monotonic=Ticker(),
                    lines=io.StringIO(answers),
                    deck="Capitals",
                )
    return path


def make_done_for_today_db(path: Path, now: dt.datetime) -> Path:
    """The quiz deck with today's session done, every answer right: nothing is due."""
    make_quiz_db(path, now)
    with Store.open(path, now=now) as store:
        run_quiz(store, SteadyLearner(forgets=0), clock=Stopped(now), timer=Ticker(), fuzz=False)
    return path
