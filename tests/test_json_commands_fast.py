"""``questions list --json`` and ``stats --json`` on their fast path (no Typer) print what
the full app prints, as real processes on the same database; every case the fast path does
not take goes to the full app (same output, same errors, same exit code)."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from quizmaster import json_commands_fast
from quizmaster.records import CardState
from quizmaster.store import Store
from tests.helpers.pinned import NOW
from tests.helpers.quiz_deck import load_quiz_deck

# The entry point, reporting on stderr whether Typer was imported (the full app ran).
ENTRY = (
    "import sys\n"
    "from quizmaster.launch import main\n"
    "try:\n"
    "    main()\n"
    "finally:\n"
    "    sys.stderr.write('typer' in sys.modules and '[full]' or '[fast]')\n"
)
FULL = "import sys\nfrom quizmaster.cli import main\nmain()\n"
# The fast path alone: whether it took the command, handed it over or ended the process.
STREAM_PROBE = (
    "import sys\n"
    "from quizmaster import json_commands_fast\n"
    "try:\n"
    "    taken = json_commands_fast.run(sys.argv[1:])\n"
    "except SystemExit:\n"
    "    sys.stderr.write('[exit]')\n"
    "    raise\n"
    "sys.stderr.write('[taken]' if taken else '[handed]')\n"
)
COMMANDS = [["questions", "list", "--json"], ["stats", "--json"]]


def run(code: str, args: list[str], env: dict[str, str]) -> tuple[int, bytes, bytes]:
    proc = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, stdin=subprocess.DEVNULL
    )
    return proc.returncode, proc.stdout, proc.stderr


def env_for(db: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QUIZMASTER_DB=str(db), QUIZMASTER_NOW=NOW.isoformat(), PYTHONIOENCODING="utf-8")
    env.update(extra)
    return env


def compare(db: Path, args: list[str], path: str, **extra: str) -> None:
    """The entry point and the full app agree; ``path`` says which way the entry went."""
    env = env_for(db, **extra)
    code, out, err = run(ENTRY, args, env)
    marker = err[-6:].decode()
    assert marker == f"[{path}]", err
    assert (code, out, err[:-6]) == run(FULL, args, env)


def answer(store: Store, qid: str, at: dt.datetime, due: dt.datetime, correct: bool) -> None:
    card = CardState(
        question_id=qid, state=2, stability=3.0, difficulty=5.0, due=due, last_review=at, reps=1
    )
    store.record_review(
        card,
        session_id=None,
        reviewed_at=at,
        rating=3 if correct else 1,
        correct=correct,
        response="x",
        duration_ms=1000,
    )


@pytest.fixture
def studied(db_path: Path) -> Path:
    """A deck with reviews over several days, right and wrong, some due."""
    with Store.open(db_path, now=NOW) as store:
        load_quiz_deck(store, NOW - dt.timedelta(days=10))
        qids = [r[0] for r in store.conn.execute("SELECT id FROM questions ORDER BY id")]
        for n, qid in enumerate(qids[:8]):
            at = NOW - dt.timedelta(days=n % 4, hours=1 + n)
            due = NOW + dt.timedelta(hours=(-2 if n % 2 else 30))
            answer(store, qid, at, due, correct=n % 3 != 0)
    return db_path


@pytest.mark.slow
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_fast_path_prints_what_the_full_app_prints(studied: Path, args: list[str]) -> None:
    compare(studied, args, "fast")
    compare(studied, args, "fast", QUIZMASTER_NOW="2026-11-24T23:30:00+05:30")
    compare(studied, args, "fast", QUIZMASTER_NOW="2026-11-24T01:00:00-08:00")


@pytest.mark.slow
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_built_in_deck_after_the_first_run(db_path: Path, args: list[str]) -> None:
    env = env_for(db_path)
    assert run(FULL, [], env)[0] == 0  # the first run loads the built-in deck
    compare(db_path, args, "fast")


@pytest.mark.slow
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_database_yet_goes_to_the_full_app(tmp_path: Path, args: list[str]) -> None:
    entry_db, full_db = tmp_path / "a.db", tmp_path / "b.db"
    code, out, err = run(ENTRY, args, env_for(entry_db))
    assert err.endswith(b"[full]")
    assert (code, out, err[:-6]) == run(FULL, args, env_for(full_db))
    assert entry_db.exists()


@pytest.mark.slow
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_pending_migration_goes_to_the_full_app(studied: Path, args: list[str]) -> None:
    conn = sqlite3.connect(studied)
    conn.execute("DELETE FROM _migrations WHERE name = 'm007_deck_controls'")
    conn.commit()
    conn.close()
    env = env_for(studied)
    code, out, err = run(ENTRY, args, env)
    assert err.endswith(b"[full]")
    assert (code, out, err[:-6]) == run(FULL, args, env)  # now migrated: both the same


@pytest.mark.slow
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_bad_input_is_the_full_app_s_to_report(tmp_path: Path, args: list[str]) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    compare(junk, args, "full")
    studied_env = {"QUIZMASTER_NOW": "yesterday"}
    compare(junk, args, "full", **studied_env)


@pytest.mark.slow
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_non_utf8_stdout_goes_to_the_full_app(studied: Path, args: list[str]) -> None:
    compare(studied, args, "full", PYTHONIOENCODING="latin-1")


def test_other_command_lines_are_not_taken() -> None:
    for argv in (["questions", "list"], ["stats", "--json", "--deck", "x"], ["stats"], []):
        assert json_commands_fast.run(argv) is False


def test_a_large_collection_is_streamed(
    studied: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QUIZMASTER_DB", str(studied))
    held = json_commands_fast._text(["questions", "list", "--json"])
    assert held is not None and held != json_commands_fast._STREAMED
    assert capsys.readouterr().out == ""
    monkeypatch.setattr(json_commands_fast, "MAX_QUESTIONS", 3)
    assert json_commands_fast._text(["questions", "list", "--json"]) is json_commands_fast._STREAMED
    assert capsys.readouterr().out == held
    assert json_commands_fast._text(["stats", "--json"]) not in (None, json_commands_fast._STREAMED)


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """More questions than the fast path holds as text (streamed, in several batches)."""
    from bench.make_collection import make_collection

    db = tmp_path_factory.mktemp("large") / "large.db"
    make_collection(db, json_commands_fast.MAX_QUESTIONS + 1200, 200)
    return db


@pytest.mark.slow
def test_a_large_listing_is_streamed_as_the_full_app_streams_it(large: Path) -> None:
    compare(large, ["questions", "list", "--json"], "fast")


@pytest.mark.slow
@pytest.mark.parametrize("at", [0, 300, 2600], ids=lambda n: f"row {n}")
def test_a_damaged_row_in_a_large_listing_is_reported_as_the_full_app_reports_it(
    large: Path, tmp_path: Path, at: int
) -> None:
    """A row that cannot be read: before the first row the full app takes over; later, the
    rows written so far, the message and the exit code are the full app's."""
    db = tmp_path / "damaged.db"
    source = sqlite3.connect(large)
    target = sqlite3.connect(db)
    source.backup(target)
    source.close()
    (qid,) = target.execute(
        "SELECT q.id FROM questions q JOIN decks d ON d.id = q.deck_id WHERE q.retired = 0 "
        "ORDER BY d.name, q.position LIMIT 1 OFFSET ?",
        (at,),
    ).fetchone()
    target.execute("UPDATE questions SET tags = '[not json' WHERE id = ?", (qid,))
    target.commit()
    target.close()
    env = env_for(db)
    args = ["questions", "list", "--json"]
    code, out, err = run(STREAM_PROBE, args, env)
    full = run(FULL, args, env)
    if at == 0:
        assert (code, out, err) == (0, b"", b"[handed]")
        assert run(ENTRY, args, env) == (*full[:2], full[2] + b"[full]")
        return
    assert err.endswith(b"[exit]"), err
    assert (code, out, err[:-6]) == full
    assert code != 0 and err.count(b"\n") == 1
    assert (out == b"") == (at < 500)  # the first batch of rows is written at 500


@pytest.mark.parametrize(
    "pinned", ["", "2026-11-24T23:30:00+05:30", "2026-11-24T09:00:00", "2026-11-24T01:00:00-08:00"]
)
def test_the_clock_is_the_full_app_s(pinned: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from quizmaster.environment import Environment

    monkeypatch.setenv("QUIZMASTER_NOW", pinned)
    moment, offset = json_commands_fast.now()
    full_app = Environment.from_os()  # what the Typer app puts on ctx.obj
    if pinned:
        assert moment == full_app.now()
    assert offset == full_app.utc_offset(moment)
