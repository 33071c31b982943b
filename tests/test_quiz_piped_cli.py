"""The quiz command with piped answers, run in-process: what each line typed at the prompt
does, what the plain output says, and what is stored for the next session.

The core's reactions to commands are tested on the engine (``test_session``); here the same
lines go through the real command, its plain front end and a real database file, and the
effect is checked by running the next command, as a user would."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizmaster.cli import app
from quizmaster.session import HELP
from quizmaster.store import Store
from tests.helpers.pinned import NOW
from tests.helpers.quiz_deck import MCQ_ID, MOU_ID, RIVER_ID, TF_ID, make_quiz_db

TOMORROW = (NOW + dt.timedelta(days=1)).isoformat()


@pytest.fixture
def quiz_db(db_path: Path) -> Path:
    return make_quiz_db(db_path, NOW)


def quiz(runner: CliRunner, *lines: str, args: tuple[str, ...] = ()) -> str:
    """One session fed ``lines``, one answer a line; the plain output it printed."""
    result = runner.invoke(app, ["quiz", *args], input="".join(f"{line}\n" for line in lines))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def reviews(db: Path) -> list[tuple[str, int, int]]:
    conn = sqlite3.connect(db)
    try:
        return [
            (str(q), int(r), int(c))
            for q, r, c in conn.execute(
                "SELECT question_id, rating, correct FROM reviews ORDER BY id"
            )
        ]
    finally:
        conn.close()


def session_data(db: Path) -> list[dict[str, object]]:
    conn = sqlite3.connect(db)
    try:
        return [json.loads(data) for (data,) in conn.execute("SELECT data FROM sessions")]
    finally:
        conn.close()


def headers(out: str) -> list[str]:
    """The header line of every question asked, e.g. ``[1/4  ·  Multiple choice  ·  ...]``."""
    return [line for line in out.splitlines() if line.startswith("[")]


def test_each_typed_line_is_echoed_after_a_prompt_marker(runner: CliRunner, quiz_db: Path) -> None:
    out = quiz(runner, "2", "f")
    assert "> 2\nRight." in out
    assert "> f\nRight." in out
    assert "\x1b" not in out  # piped: plain text, no escape sequences


def test_help_at_the_prompt_prints_the_commands_and_asks_the_same_question(
    runner: CliRunner, quiz_db: Path
) -> None:
    out = quiz(runner, ":help", "2")
    assert f"> :help\n{HELP}\n> 2\nRight." in out
    assert headers(out)[0].startswith("[1/4") and headers(out)[1].startswith("[2/4")
    assert reviews(quiz_db) == [(MCQ_ID, 3, 1)]


def test_an_ambiguous_command_prefix_names_the_commands_it_could_be(
    runner: CliRunner, quiz_db: Path
) -> None:
    out = quiz(runner, ":s", ":su")
    assert "':s' could be :skip or :suspend" in out
    # ":su" is unique: the question is suspended, not answered.
    assert f"Suspended {MCQ_ID}" in out
    assert reviews(quiz_db) == []


def test_an_unknown_command_is_named_with_the_help_and_answers_nothing(
    runner: CliRunner, quiz_db: Path
) -> None:
    out = quiz(runner, ":frobnicate")
    assert f"Unknown command ':frobnicate'. {HELP}" in out
    assert reviews(quiz_db) == []


def test_rerating_before_any_answer_says_there_is_nothing_to_rerate(
    runner: CliRunner, quiz_db: Path
) -> None:
    out = quiz(runner, ":good", ":undo")
    assert "nothing to re-rate: answer a question first" in out
    assert "Nothing to undo." in out
    assert reviews(quiz_db) == []


def test_an_option_number_out_of_range_is_refused_and_the_question_asked_again(
    runner: CliRunner, quiz_db: Path
) -> None:
    out = quiz(runner, "7", "e", "2")
    assert "'7': pick 1-4" in out
    assert "'e': pick 1-4 or a-d" in out  # a letter past d
    assert out.count("Right.") == 1
    assert reviews(quiz_db) == [(MCQ_ID, 3, 1)]


def test_a_true_false_question_refuses_an_option_number(runner: CliRunner, quiz_db: Path) -> None:
    out = quiz(runner, "2", "3", "f")
    assert "'3': answer t (true) or f (false)" in out
    assert reviews(quiz_db) == [(MCQ_ID, 3, 1), (TF_ID, 3, 1)]


def test_rerating_the_last_answer_changes_the_stored_review(
    runner: CliRunner, quiz_db: Path
) -> None:
    out = quiz(runner, "2", ":again")
    assert "Re-rated Again (counted wrong)  ·  back later in this session" in out
    assert reviews(quiz_db) == [(MCQ_ID, 1, 0)]
    # Counted wrong in the summary too.
    assert "Answered 1, correct 0 (0%)" in out


def test_rerating_a_wrong_answer_easy_counts_it_right(runner: CliRunner, quiz_db: Path) -> None:
    out = quiz(runner, "1", ":easy")
    assert "Wrong." in out
    assert "Re-rated Easy" in out
    assert reviews(quiz_db) == [(MCQ_ID, 4, 1)]
    assert "Answered 1, correct 1 (100%)" in out


def test_an_answer_rerated_again_comes_back_in_the_same_session(
    runner: CliRunner, quiz_db: Path
) -> None:
    out = quiz(runner, "2", ":again", "f", "Tel Aviv", "Ganga", "2")
    asked = headers(out)
    # ":again" is typed at the second question (already headed 2/4); from the third on
    # the session counts five: the one re-rated Again is asked once more, last.
    assert [h.split("  ·  ")[0] for h in asked] == ["[1/4", "[2/4", "[3/5", "[4/5", "[5/5"]
    assert "Which city is the capital of France?" in out.split(asked[-1])[1]
    assert [r[0] for r in reviews(quiz_db)] == [MCQ_ID, TF_ID, MOU_ID, RIVER_ID, MCQ_ID]


def test_a_bare_q_asks_before_quitting_and_n_goes_on(runner: CliRunner, quiz_db: Path) -> None:
    out = quiz(runner, "q", "n", "2", "q", "y")
    assert out.count("Quit the session? Every answer so far is saved. (y/n)") == 2
    assert "Go on: answer the question (:help for commands)." in out
    assert "Session saved.\nAnswered 1, correct 1 (100%)" in out
    assert reviews(quiz_db) == [(MCQ_ID, 3, 1)]
    assert [s["ended"] for s in session_data(quiz_db)] == ["quit"]


@pytest.mark.parametrize("word", [":quit", ":q", "quit", "exit"])
def test_every_quit_word_ends_the_session_and_saves_it(
    runner: CliRunner, quiz_db: Path, word: str
) -> None:
    lines = [word] if word.startswith(":") else [word, "yes"]
    out = quiz(runner, "2", *lines, "f")
    assert "Answered 1, correct 1" in out
    assert reviews(quiz_db) == [(MCQ_ID, 3, 1)]  # the "f" after quitting is never read
    assert [s["ended"] for s in session_data(quiz_db)] == ["quit"]


def test_input_ending_mid_session_saves_what_was_answered(runner: CliRunner, quiz_db: Path) -> None:
    out = quiz(runner, "2")
    assert "Session saved.\nAnswered 1, correct 1 (100%)" in out
    assert "3 left for later: run quizmaster quiz again" in out
    assert [s["ended"] for s in session_data(quiz_db)] == ["eof"]


def test_a_skipped_question_is_buried_until_the_next_study_day(
    runner: CliRunner, quiz_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = quiz(runner, ":skip", "f")
    assert "Skipped until tomorrow." in out
    with Store.open(quiz_db, now=NOW) as store:
        buried = store.card(MCQ_ID).buried_until
        assert store.card(MCQ_ID).state == 0  # skipping is not answering
    assert buried is not None and NOW < buried <= NOW + dt.timedelta(days=1)
    # The same day it is not offered again...
    again = quiz(runner)
    assert "Which city is the capital of France?" not in again
    # ...the next day it is.
    monkeypatch.setenv("QUIZMASTER_NOW", TOMORROW)
    assert "Which city is the capital of France?" in quiz(runner)


def test_skip_then_undo_asks_the_skipped_question_again(runner: CliRunner, quiz_db: Path) -> None:
    out = quiz(runner, ":skip", ":undo", "2")
    assert "Undid the last skip." in out
    assert out.count("Which city is the capital of France?") == 2
    with Store.open(quiz_db, now=NOW) as store:
        assert store.card(MCQ_ID).buried_until is None
    assert reviews(quiz_db) == [(MCQ_ID, 3, 1)]


def test_a_question_suspended_at_the_prompt_stays_out_until_unsuspended(
    runner: CliRunner, quiz_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = quiz(runner, ":suspend")
    assert f"Suspended {MCQ_ID}; to bring it back: quizmaster questions unsuspend {MCQ_ID}" in out
    listed = runner.invoke(app, ["questions", "list", "--suspended", "--json"])
    assert [row["id"] for row in json.loads(listed.stdout)] == [MCQ_ID]
    monkeypatch.setenv("QUIZMASTER_NOW", TOMORROW)
    assert "Which city is the capital of France?" not in quiz(runner)
    # The hint the session printed is a command that works.
    back = runner.invoke(app, ["questions", "unsuspend", MCQ_ID])
    assert back.exit_code == 0, back.stderr
    assert "Which city is the capital of France?" in quiz(runner)


def test_undo_after_a_suspension_brings_the_question_back(runner: CliRunner, quiz_db: Path) -> None:
    out = quiz(runner, ":suspend", ":undo", "2")
    assert "Undid the last suspend." in out
    with Store.open(quiz_db, now=NOW) as store:
        assert store.card(MCQ_ID).suspended is False
    assert reviews(quiz_db) == [(MCQ_ID, 3, 1)]


def test_limit_stops_after_that_many_questions(runner: CliRunner, quiz_db: Path) -> None:
    out = quiz(runner, "2", "f", "Tel Aviv", args=("--limit", "1"))
    assert [h.split("  ·  ")[0] for h in headers(out)] == ["[1/1"]
    assert reviews(quiz_db) == [(MCQ_ID, 3, 1)]
    assert [s["ended"] for s in session_data(quiz_db)] == ["done"]


def test_tag_asks_only_the_tagged_questions(runner: CliRunner, quiz_db: Path) -> None:
    # Two facts of the deck carry the tag "summits": the capital and the river do not.
    out = quiz(runner, "f", "Tel Aviv", args=("--tag", "summits"))
    assert [h.split("  ·  ")[0] for h in headers(out)] == ["[1/2", "[2/2"]
    assert "capital of France" not in out and "river" not in out
    assert reviews(quiz_db) == [(TF_ID, 3, 1), (MOU_ID, 3, 1)]


def test_a_finished_session_then_says_nothing_is_due(runner: CliRunner, quiz_db: Path) -> None:
    quiz(runner, "2", "f", "Tel Aviv", "Ganga")
    out = quiz(runner)
    assert "Nothing due now" in out
    assert "quizmaster quiz --practice" in out
    assert len(session_data(quiz_db)) == 1  # an empty queue starts no session


def test_practice_stores_no_review_and_refuses_to_rerate(runner: CliRunner, quiz_db: Path) -> None:
    out = quiz(runner, "2", ":good", ":skip", args=("--practice",))
    assert "practice does not rate answers: the schedule is untouched" in out
    assert "Skipped: left for this practice." in out
    assert reviews(quiz_db) == []
    with Store.open(quiz_db, now=NOW) as store:
        card = store.card(MCQ_ID)
    assert card.state == 0 and card.buried_until is None


def test_a_wrong_typed_answer_shows_the_answer_and_rates_again(
    runner: CliRunner, quiz_db: Path
) -> None:
    out = quiz(runner, "2", "f", "Jerusalem")
    assert "Wrong." in out.split("In which city was the MoU signed?")[1]
    assert "Answer: Tel Aviv" in out
    assert reviews(quiz_db)[-1] == (MOU_ID, 1, 0)


def test_a_question_mark_is_i_dont_know(runner: CliRunner, quiz_db: Path) -> None:
    out = quiz(runner, "?")
    assert "Answer: 2) Paris" in out
    assert reviews(quiz_db) == [(MCQ_ID, 1, 0)]


def test_a_very_long_line_is_one_answer_not_many(runner: CliRunner, quiz_db: Path) -> None:
    out = quiz(runner, "2", "f", "x" * 100_000, "Ganga")
    stored = reviews(quiz_db)
    assert [r[0] for r in stored] == [MCQ_ID, TF_ID, MOU_ID, RIVER_ID]
    assert stored[2] == (MOU_ID, 1, 0)
    assert len(out) < 60_000  # the echo of the answer is cut, not 100 000 characters
