"""The quiz and config commands end to end: piped input, a real pseudo-terminal, a killed
session, two sessions at once."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizmaster.cli import app
from tests.helpers.pinned import NOW
from tests.helpers.quiz_deck import MCQ_ID, MOU_ID, RIVER_ID, TF_ID, make_quiz_db

QUIZMASTER = [sys.executable, "-m", "quizmaster"]


def env(db: Path, **extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in ("CI", "FORCE_COLOR")}
    return {**base, "QUIZMASTER_DB": str(db), "QUIZMASTER_NOW": NOW.isoformat(), **extra}


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.execute(sql))
    finally:
        conn.close()


@pytest.mark.slow
def test_piped_session(db_path: Path) -> None:
    make_quiz_db(db_path, NOW)
    result = subprocess.run(
        [*QUIZMASTER, "quiz"],
        input="2\nt\n:undo\nf\nTel-Aviv\n",
        capture_output=True,
        text=True,
        env=env(db_path),
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "\x1b" not in out  # plain text: no colours, no cursor movement
    assert "[1/4  ·  Multiple choice  ·  Geography]" in out
    assert "  2) Paris" in out
    assert "Right.\nAnswer: 2) Paris\nWhy: Paris is the capital of France." in out
    assert "Rated Good  ·  next in 2 days" in out
    assert "Undid the last answer." in out
    assert "Wrong.\nYou chose: True\nAnswer: False" in out
    assert "Session saved.\nAnswered 3, correct 3 (100%) in 0m 00s" in out
    assert "Streak: 1 day    Due tomorrow: 0" in out
    assert rows(db_path, "SELECT question_id, rating, correct FROM reviews ORDER BY id") == [
        (MCQ_ID, 3, 1),
        (TF_ID, 3, 1),
        (MOU_ID, 3, 1),
    ]
    data = json.loads(rows(db_path, "SELECT data FROM sessions")[0][0])  # type: ignore[arg-type]
    assert data["answered"] == 3 and data["ended"] == "eof"


@pytest.mark.slow
def test_no_stdin_in_ci_does_not_hang(db_path: Path) -> None:
    make_quiz_db(db_path, NOW)
    ci = env(db_path, CI="true")
    closed = subprocess.run(
        [*QUIZMASTER, "quiz"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=ci,
        timeout=30,
    )
    assert closed.returncode == 0 and "Session saved.\nAnswered 0" in closed.stdout


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="select() cannot wait on a pipe")
def test_idle_pipe_in_ci_ends_the_session(db_path: Path) -> None:
    make_quiz_db(db_path, NOW)
    ci = env(db_path, CI="true")
    # A pipe nobody writes to nor closes: the idle timeout ends the session.
    start = time.monotonic()
    with subprocess.Popen(
        [*QUIZMASTER, "quiz"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**ci, "QUIZMASTER_IDLE_TIMEOUT": "1"},
    ) as proc:
        assert proc.stdout is not None
        out = proc.stdout.read()
        assert proc.wait(timeout=30) == 0
    assert "Session saved.\nAnswered 0" in out
    assert time.monotonic() - start < 15


def test_sigkill_loses_no_acknowledged_answer(db_path: Path) -> None:
    make_quiz_db(db_path, NOW)
    acknowledged = 0
    with subprocess.Popen(
        [*QUIZMASTER, "quiz"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env(db_path),
    ) as proc:
        assert proc.stdin is not None and proc.stdout is not None
        for answer in ("2", "f"):
            proc.stdin.write(answer + "\n")
            proc.stdin.flush()
            for line in proc.stdout:
                if line.startswith("Rated "):
                    acknowledged += 1
                    break
        # Mid-way: a third answer typed, the process killed at once.
        proc.stdin.write("Tel Aviv\n")
        proc.stdin.flush()
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    stored = rows(db_path, "SELECT question_id FROM reviews ORDER BY id")
    assert acknowledged == 2
    assert [r[0] for r in stored][:2] == [MCQ_ID, TF_ID]
    assert len(stored) in (2, 3)  # the unacknowledged one may or may not have made it
    # The database is intact and the schedule matches the log.
    assert rows(db_path, "PRAGMA integrity_check") == [("ok",)]
    assert rows(db_path, f"SELECT reps FROM cards WHERE question_id = '{MCQ_ID}'") == [(1,)]


def _acknowledged_prompts(out: str) -> list[str]:
    """The prompt of every question whose feedback ("Rated ...") reached stdout."""
    lines = out.splitlines()
    found = []
    for n, line in enumerate(lines):
        if line.startswith("Rated "):
            header = max(i for i in range(n) if lines[i].startswith("["))
            found.append(lines[header + 1].strip())
    return found


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_nothing(db_path: Path) -> None:
    """Sessions killed with SIGKILL at seeded moments, 24 times: after a seeded number of
    answers has been acknowledged (0 to 4 feedback lines read), at once or while the next
    answer is being written. Every answer whose feedback was printed is stored, and the file
    stays intact. The kill follows events read from the output, never a guessed delay."""
    import random

    make_quiz_db(db_path, NOW)
    rng = random.Random(8)
    answers = "".join(rng.choice(["2\n", "f\n", "Tel Aviv\n", "Ganga\n", "?\n"]) for _ in range(40))
    kills_after_an_answer = 0
    for run in range(24):
        moment = (NOW + dt.timedelta(days=2 * run, hours=rng.randrange(12))).isoformat()
        wait_for = rng.randrange(5)  # feedback lines to see before the kill
        before = rows(db_path, "SELECT coalesce(max(id), 0) FROM reviews")[0][0]
        with subprocess.Popen(
            [*QUIZMASTER, "quiz", "--limit=10"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env(db_path, QUIZMASTER_NOW=moment, COLUMNS="200"),
        ) as proc:
            assert proc.stdin is not None and proc.stdout is not None
            chunks: list[str] = []
            seen = 0
            # The first question header: the session is up (or the queue is empty).
            for line in proc.stdout:
                chunks.append(line)
                if line.startswith("[") or line.startswith("Nothing"):
                    break
            try:
                proc.stdin.write(answers)
                proc.stdin.flush()
            except BrokenPipeError:
                pass
            if wait_for:
                for line in proc.stdout:
                    chunks.append(line)
                    seen += line.startswith("Rated ")
                    if seen == wait_for:
                        break
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
            chunks.append(proc.stdout.read())
            try:
                proc.stdin.close()
            except BrokenPipeError:
                pass
        acked = _acknowledged_prompts("".join(chunks))
        kills_after_an_answer += bool(acked)
        new = rows(
            db_path,
            "SELECT q.prompt FROM reviews r JOIN questions q ON q.id = r.question_id "
            f"WHERE r.id > {before} ORDER BY r.id",
        )
        stored = [p for (p,) in new]
        assert stored[: len(acked)] == acked, (run, acked, stored, chunks)
        assert len(stored) <= len(acked) + 1  # at most the one being written when killed
        assert rows(db_path, "PRAGMA integrity_check") == [("ok",)]
    assert kills_after_an_answer >= 8  # the seed really kills mid-session, not only at start


@pytest.mark.slow
def test_two_sessions_at_once(db_path: Path) -> None:
    make_quiz_db(db_path, NOW)
    procs = [
        subprocess.Popen(  # noqa: SIM115 - communicate() closes the pipes
            [*QUIZMASTER, "quiz", "--practice" if n else "--limit=4"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env(db_path),
        )
        for n in range(2)
    ]
    outs = [p.communicate("2\nf\nTel Aviv\nGanga\n", timeout=60) for p in procs]
    for proc, (out, err) in zip(procs, outs, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err and "Answered 4, correct 4" in out
    # Two graded sessions writing at the same moment.
    procs = [
        subprocess.Popen(
            [*QUIZMASTER, "quiz", "--deck", "Quiz deck"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env(db_path, QUIZMASTER_NOW="2026-11-30T09:00:00+00:00"),
        )
        for _ in range(2)
    ]
    # Both queues are built before either answers: wait for each one's first question.
    heads = []
    for proc in procs:
        assert proc.stdout is not None
        head = ""
        while "[1/" not in head:
            line = proc.stdout.readline()
            assert line, "the session ended before asking anything"
            head += line
        heads.append(head)
    outs = [p.communicate("\n" * 6, timeout=60) for p in procs]
    outs = [(head + out, err) for head, (out, err) in zip(heads, outs, strict=True)]
    answered = []
    for proc, (out, err) in zip(procs, outs, strict=True):
        assert proc.returncode == 0 and "Error" not in err and "locked" not in err, err
        answered.append(out.count("Rated "))
    # Both histories complete: each session's reviews are exactly the answers it showed.
    per_session = rows(
        db_path,
        "SELECT count(*) FROM reviews WHERE session_id IN (SELECT id FROM sessions "
        "WHERE started_at >= '2026-11-30') GROUP BY session_id",
    )
    assert sorted(int(str(n)) for (n,) in per_session) == sorted(answered) and min(answered) >= 1
    assert len(rows(db_path, "SELECT id FROM reviews")) == 4 + sum(answered)  # practice: none


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_interactive_session_in_a_pty(db_path: Path) -> None:
    import pexpect

    make_quiz_db(db_path, NOW)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "quizmaster", "quiz"],
        env=env(db_path, COLUMNS="100", LINES="40", TERM="xterm"),
        encoding="utf-8",
        timeout=15,
        dimensions=(40, 100),
    )
    try:
        # 1: multiple choice by a single key, then re-rated Again with "1".
        child.expect("1/4")
        child.expect("Which city is the capital of France")
        child.expect(":help")
        child.send("2")
        child.expect("Right")
        child.expect("Enter next")
        child.send("1")  # a double tap of the answer key: asks before re-rating a right answer
        child.expect("Press 1 again to confirm")
        child.send("\r")
        child.expect("Kept as it was")
        child.send("1")
        child.expect("Press 1 again to confirm")
        child.send("1")
        child.expect(r"Re-rated Again \(counted wrong\)  ·  back later in this session")
        child.send("\r")
        # 2: true/false by t, undone with u, then answered f.
        child.expect("2/5")
        child.send("t")
        child.expect("Wrong")
        child.expect("Enter next")
        child.send("u")
        child.expect("Undid the last answer")
        child.expect("2/5")
        child.send("f")
        child.expect("Right")
        child.expect("Enter next")
        child.send("\r")
        # 3: typed answer, then the question is suspended.
        child.expect("3/5")
        child.expect("In which city was the MoU signed")
        child.expect("> ")
        child.sendline("")  # an Enter too many is not an answer
        child.expect("Type your answer")
        child.sendline("tel aviv")
        child.expect("Answer: Tel Aviv")
        child.expect("Enter next")
        child.send("s")
        child.expect("Suspended mou-city")
        # 4: a command at the prompt, then quit.
        child.expect("4/5")
        child.expect("> ")
        child.sendline(":help")
        child.expect("Commands:")
        child.expect("> ")
        child.sendline(":quit")
        child.expect("Session saved")
        child.expect(r"Answered 3, correct 2 \(67%\)")
        child.expect("Streak: 1 day")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    stored = rows(db_path, "SELECT question_id, rating FROM reviews ORDER BY id")
    assert [r[0] for r in stored] == [MCQ_ID, TF_ID, MOU_ID]
    assert stored[0][1] == 1  # re-rated Again
    assert stored[1][1] in (3, 4) and stored[2][1] in (3, 4)  # Easy when answered fast
    assert rows(db_path, f"SELECT suspended FROM cards WHERE question_id = '{MOU_ID}'") == [(1,)]
    assert rows(db_path, f"SELECT state FROM cards WHERE question_id = '{RIVER_ID}'") == [(0,)]


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
@pytest.mark.parametrize("key", ["\x03", "\x04"])
def test_ctrl_c_and_ctrl_d_save_and_summarise(db_path: Path, key: str) -> None:
    import pexpect

    make_quiz_db(db_path, NOW)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "quizmaster", "quiz"],
        env=env(db_path, TERM="xterm"),
        encoding="utf-8",
        timeout=15,
        dimensions=(40, 100),
    )
    child.expect("1/4")
    child.expect(":help")
    child.send("\x1b[A")  # an arrow key is not an answer
    child.expect("Press 1-4 or a-d")
    child.send(":")  # a command where single keys answer
    child.sendline("skip")
    child.expect("Skipped")
    child.expect("2/4")
    child.expect(":help")
    child.send(":")
    child.sendline("undo")
    child.expect("Undid the last skip")
    child.expect("1/4")
    child.expect(":help")
    child.send("b")
    child.expect("Enter next")
    child.send("\r")
    child.expect("2/4")
    child.expect(":help")
    child.send(key)
    child.expect("Session saved")
    child.expect(r"Answered 1, correct 1 \(100%\)")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert rows(db_path, "SELECT question_id FROM reviews") == [(MCQ_ID,)]


@pytest.mark.slow
def test_config_show_set_unset(runner: CliRunner) -> None:
    result = runner.invoke(app, ["config", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "new_per_day": 20,
        "reviews_per_day": 200,
        "desired_retention": 0.9,
        "exam_date": None,
        "new_order": "newest",
        "fsrs_parameters": None,
    }
    for key, value in [("new_per_day", "5"), ("exam_date", "2026-12-24")]:
        assert runner.invoke(app, ["config", "set", key, value]).exit_code == 0
    data = json.loads(runner.invoke(app, ["config", "--json"]).stdout)
    assert data["new_per_day"] == 5 and data["exam_date"] == "2026-12-24"
    table = runner.invoke(app, ["config"]).stdout
    assert "2026-12-24" in table and "default" in table
    dash = json.loads(runner.invoke(app, ["--json"]).stdout)
    assert dash["days_to_exam"] == 30 and dash["new_today"] == 5
    assert "Exam 2026-12-24: in 30 days" in runner.invoke(app, []).stdout
    bad = runner.invoke(app, ["config", "set", "desired_retention", "2"])
    assert bad.exit_code == 2 and "between 0.70 and 0.99" in bad.stderr
    bad = runner.invoke(app, ["config", "set", "colour", "red"])
    assert bad.exit_code == 2 and "unknown setting 'colour'" in bad.stderr
    assert runner.invoke(app, ["config", "unset", "exam_date"]).exit_code == 0
    assert json.loads(runner.invoke(app, ["config", "--json"]).stdout)["exam_date"] is None


def test_quiz_errors_are_one_line(runner: CliRunner) -> None:
    result = runner.invoke(app, ["quiz", "--deck", "Nope"], input="")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: no deck named 'Nope'")
    result = runner.invoke(app, ["quiz", "--tag", "nope"], input="")
    assert result.exit_code == 2 and "no question is tagged 'nope'" in result.stderr
