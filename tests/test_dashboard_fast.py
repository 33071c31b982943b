"""Bare ``quizmaster`` on its fast path (plain sqlite3, no Typer/pydantic/Rich) prints
exactly what the full app prints: both run as real processes on the same database, on a
pseudo-terminal (colours, several widths) and on a pipe; and every case the fast path does
not handle goes to the full app (same output, same errors, same writes)."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from quizmaster import dashboard_fast
from quizmaster.records import CardState
from quizmaster.scheduler import DAY_ROLLOVER_HOUR
from quizmaster.settings import DEFAULTS
from quizmaster.store import Store
from tests.helpers.pinned import NOW
from tests.helpers.quiz_deck import load_quiz_deck

FAST = [sys.executable, "-m", "quizmaster"]
FULL = [sys.executable, "-c", "from quizmaster.cli import main; main()"]


def run_pipe(cmd: list[str], env: dict[str, str]) -> tuple[int, bytes, bytes]:
    proc = subprocess.run(cmd, env=env, capture_output=True, stdin=subprocess.DEVNULL)
    return proc.returncode, proc.stdout, proc.stderr


def run_tty(cmd: list[str], env: dict[str, str], columns: int) -> tuple[int, bytes]:
    """Stdout and stderr on a pseudo-terminal ``columns`` wide (stdin is not a terminal)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, columns, 0, 0))
    proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    return proc.wait(), out


def env_for(db: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("COLUMNS", None)
    env.update(QUIZMASTER_DB=str(db), QUIZMASTER_NOW=NOW.isoformat(), TERM="xterm-256color")
    env.update(extra)
    return env


def answer(store: Store, qid: str, at: dt.datetime, due: dt.datetime) -> None:
    card = CardState(
        question_id=qid, state=2, stability=3.0, difficulty=5.0, due=due, last_review=at, reps=1
    )
    store.record_review(
        card,
        session_id=None,
        reviewed_at=at,
        rating=3,
        correct=True,
        response="x",
        duration_ms=1000,
    )


@pytest.fixture
def studied(db_path: Path) -> Path:
    """A deck with a three-day streak, one answer today and some reviews due."""
    with Store.open(db_path, now=NOW) as store:
        load_quiz_deck(store, NOW - dt.timedelta(days=10))
        qids = [r[0] for r in store.conn.execute("SELECT id FROM questions ORDER BY id")]
        for n, qid in enumerate(qids[:6]):
            at = NOW - dt.timedelta(days=n % 3, hours=1)
            answer(store, qid, at, NOW + dt.timedelta(hours=(-2 if n % 2 else 30)))
    return db_path


def assert_same(db: Path, **extra: str) -> None:
    env = env_for(db, **extra)
    assert run_pipe(FAST, env) == run_pipe(FULL, env)
    assert run_pipe([*FAST, "--json"], env) == run_pipe([*FULL, "--json"], env)
    for columns in (40, 61, 150):
        tty_env = {k: v for k, v in env.items() if k != "COLUMNS"}
        fast, full = run_tty(FAST, tty_env, columns), run_tty(FULL, tty_env, columns)
        assert fast == full, columns
    narrower = env_for(db, COLUMNS="72")  # COLUMNS wins over the terminal's size
    assert run_tty(FAST, narrower, 100) == run_tty(FULL, narrower, 100)


def takes_fast_path(db: Path, **extra: str) -> bool:
    env = env_for(db, **extra)
    fast = dashboard_fast.fast_text(env) is not None
    if fast:  # the JSON takes the fast path whenever the panel does
        assert dashboard_fast.fast_text(env, as_json=True) is not None
    return fast


def set_setting(db: Path, key: str, value: str) -> None:
    with Store.open(db, now=NOW) as store:
        store.conn.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value)
        )


def test_constants_match_the_full_path() -> None:
    assert dashboard_fast.DAY_ROLLOVER_HOUR == DAY_ROLLOVER_HOUR
    assert dashboard_fast.DEFAULT_NEW_PER_DAY == DEFAULTS["new_per_day"]


@pytest.mark.slow
def test_studied_deck_same_bytes(studied: Path) -> None:
    assert takes_fast_path(studied)
    assert_same(studied)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("exam_date", '"2026-12-01"'),
        ("exam_date", '"2026-11-24"'),
        ("exam_date", '"2026-11-01"'),
        ("exam_date", '"none"'),
        ("new_per_day", "1"),
        ("new_per_day", "0"),
        ("reviews_per_day", "5"),
        ("desired_retention", "0.85"),
    ],
)
@pytest.mark.slow
def test_settings_same_bytes(studied: Path, key: str, value: str) -> None:
    set_setting(studied, key, value)
    assert takes_fast_path(studied)
    assert_same(studied)


@pytest.mark.slow
def test_zones_and_empty_collection(db_path: Path) -> None:
    with Store.open(db_path, now=NOW) as store:
        store.set_setting("builtin_deck_loaded", True)  # an empty collection, on purpose
    assert takes_fast_path(db_path)
    assert_same(db_path)
    for moment in ("2026-11-24T02:30:00+05:30", "2026-11-24T03:59:00", "2026-11-23T22:00-08:00"):
        assert takes_fast_path(db_path, QUIZMASTER_NOW=moment)
        assert_same(db_path, QUIZMASTER_NOW=moment)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("new_per_day", '"lots"'),
        ("desired_retention", "2"),
        ("exam_date", '"someday"'),
        ("fsrs_parameters", "[1, 2]"),
    ],
)
@pytest.mark.slow
def test_settings_handed_over(studied: Path, key: str, value: str) -> None:
    set_setting(studied, key, value)
    assert not takes_fast_path(studied)
    assert_same(studied)


@pytest.mark.slow
def test_new_database_handed_over(tmp_path: Path) -> None:
    fast_db, full_db = tmp_path / "a" / "fast.db", tmp_path / "b" / "full.db"
    fast_db.parent.mkdir()
    full_db.parent.mkdir()
    assert not takes_fast_path(fast_db)
    fast, full = run_pipe(FAST, env_for(fast_db)), run_pipe(FULL, env_for(full_db))
    assert fast == full and fast[0] == 0
    assert fast_db.is_file()  # created, with the built-in deck, by the full app
    assert takes_fast_path(fast_db)


def test_pending_migration_handed_over(studied: Path) -> None:
    with Store.open(studied, now=NOW) as store:
        last = store.applied_migrations()[-1]
        store.conn.execute("DELETE FROM _migrations WHERE name = ?", (last,))
    assert not takes_fast_path(studied)
    run_pipe(FAST, env_for(studied))
    with Store.open(studied, now=NOW) as store:
        assert store.applied_migrations()[-1] == last  # applied again by the full app
    assert takes_fast_path(studied)


@pytest.mark.slow
def test_rich_environment_handed_over(studied: Path) -> None:
    for extra in ({"NO_COLOR": "1"}, {"FORCE_COLOR": "1"}, {"TERM": "dumb"}):
        assert not takes_fast_path(studied, **extra)
        assert_same(studied, **extra)


def test_not_a_database_handed_over(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("not sqlite at all " * 100)
    assert run_pipe(FAST, env_for(junk)) == run_pipe(FULL, env_for(junk))
    assert run_pipe(FAST, env_for(junk))[0] != 0


@pytest.mark.parametrize(
    "text",
    [
        "true",
        "false",
        "null",
        "0",
        "20",
        "007",
        "-3",
        "0.85",
        '"2026-12-01"',
        '"a\\"b"',
        '"é"',
        "[1]",
    ],
)
def test_setting_values_read_as_json_reads_them(text: str) -> None:
    import json

    try:
        expected: object = json.loads(text)
    except ValueError:
        with pytest.raises(ValueError):
            dashboard_fast._json_value(text)
        return
    assert dashboard_fast._json_value(text) == expected
