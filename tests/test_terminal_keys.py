"""Keys in a real terminal (a pseudo-terminal): the single keys after a quiz answer's
feedback that the interactive session test does not press (2-4 re-rate, q, and what
practice says to 1-4), and the y/N question that deck commands ask before changing anything.

Every step waits for what the program prints; nothing waits for a guessed time."""

from __future__ import annotations

import io
import os
import sqlite3
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.pinned import NOW
from tests.helpers.quiz_deck import DECK, MCQ_ID, make_quiz_db

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX"),
]


def spawn(db: Path, *args: str) -> Any:
    import pexpect

    env = {k: v for k, v in os.environ.items() if k not in ("CI", "FORCE_COLOR")}
    env.update(QUIZMASTER_DB=str(db), QUIZMASTER_NOW=NOW.isoformat(), TERM="xterm", COLUMNS="100")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "quizmaster", *args],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 100),
    )
    child.logfile_read = io.StringIO()  # the whole transcript, for what must not appear
    return child


def finish(child: Any) -> int:
    import pexpect

    child.expect(pexpect.EOF)
    child.close()
    return int(child.exitstatus)


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(db)) as conn:
        return list(conn.execute(sql))


def answer_the_first_question(child: Any) -> None:
    """The mcq on the capital of France, answered right with the key 2."""
    child.expect("1/4")
    child.expect(":help")
    child.send("2")
    child.expect("Right")
    child.expect("Enter next")


@pytest.mark.parametrize(("key", "rating", "word"), [("2", 2, "Hard"), ("4", 4, "Easy")])
def test_a_digit_after_the_feedback_rerates_the_answer(
    db_path: Path, key: str, rating: int, word: str
) -> None:
    make_quiz_db(db_path, NOW)
    child = spawn(db_path, "quiz")
    answer_the_first_question(child)
    child.send(key)
    child.expect(f"Re-rated {word}")
    child.send("q")
    child.expect("Session saved")
    assert finish(child) == 0
    assert rows(db_path, "SELECT question_id, rating, correct FROM reviews") == [
        (MCQ_ID, rating, 1)
    ]


def test_q_after_the_feedback_quits_at_once_and_keeps_the_answer(db_path: Path) -> None:
    make_quiz_db(db_path, NOW)
    child = spawn(db_path, "quiz")
    answer_the_first_question(child)
    child.send("q")  # after the feedback a single q quits without asking
    child.expect("Session saved")
    child.expect(r"Answered 1, correct 1 \(100%\)")
    assert finish(child) == 0
    assert "Quit the session?" not in child.logfile_read.getvalue()
    assert rows(db_path, "SELECT question_id FROM reviews") == [(MCQ_ID,)]


def test_practice_answers_a_digit_after_the_feedback_with_a_hint(db_path: Path) -> None:
    make_quiz_db(db_path, NOW)
    child = spawn(db_path, "quiz", "--practice")
    child.expect("1/")
    child.expect(":help")
    child.send("2")
    child.expect("Right")
    child.send("3")
    child.expect("Practice does not rate answers; Enter for the next question.")
    child.send("q")
    child.expect("Practice over")
    assert finish(child) == 0
    assert rows(db_path, "SELECT count(*) FROM reviews") == [(0,)]


@pytest.mark.parametrize(
    ("command", "question", "reply", "check"),
    [
        (
            ("remove", DECK),
            r"Remove deck 'Quiz deck' \(4 facts, 7 questions\)\? it has no review history",
            "n",
            ("SELECT name FROM decks", [(DECK,)]),
        ),
        (  # Enter alone is no
            ("pause", DECK),
            r"Pause deck 'Quiz deck' \(7 questions\)\?",
            "",
            ("SELECT paused FROM decks", [(0,)]),
        ),
    ],
)
def test_anything_but_yes_changes_nothing_and_exits_1(
    db_path: Path,
    command: tuple[str, ...],
    question: str,
    reply: str,
    check: tuple[str, list[tuple[Any, ...]]],
) -> None:
    make_quiz_db(db_path, NOW)
    child = spawn(db_path, "decks", *command)
    child.expect(question)
    child.expect(r"\[y/N\]")
    child.sendline(reply)
    child.expect("Nothing changed.")
    assert finish(child) == 1
    assert rows(db_path, check[0]) == check[1]


def test_answering_yes_renames_the_deck(db_path: Path) -> None:
    make_quiz_db(db_path, NOW)
    child = spawn(db_path, "decks", "rename", DECK, "Geography")
    child.expect(r"Rename deck 'Quiz deck' \(7 questions\) to 'Geography'\? \[y/N\]")
    child.sendline("Yes")
    child.expect("Renamed deck 'Quiz deck' to 'Geography'; its history is kept.")
    assert finish(child) == 0
    assert rows(db_path, "SELECT name FROM decks") == [("Geography",)]


def test_remove_asks_with_the_history_it_would_delete(db_path: Path) -> None:
    make_quiz_db(db_path, NOW)
    quiz = spawn(db_path, "quiz")
    answer_the_first_question(quiz)
    quiz.send("q")
    assert finish(quiz) == 0
    child = spawn(db_path, "decks", "remove", DECK)
    # The question is long and wraps: each phrase is looked for within one line.
    child.expect("1 reviews of 1 studied questions and 0 mock answers")
    child.expect("--deck 'Quiz deck' -o backup.json")
    child.expect(r"\[y/N\]")
    child.sendline("y")
    child.expect("Removed deck 'Quiz deck'")
    assert finish(child) == 0
    assert rows(db_path, "SELECT count(*) FROM reviews") == [(0,)]
