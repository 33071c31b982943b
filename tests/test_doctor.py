from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizmaster.cli import app
from quizmaster.doctor import run_doctor
from quizmaster.importers import ensure_builtin_deck
from quizmaster.records import CardState
from quizmaster.store import Store
from tests.helpers.pinned import NOW


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def healthy(db_path: Path) -> Path:
    with Store.open(db_path, now=NOW) as store:
        ensure_builtin_deck(store, now=NOW)
        qid = store.questions()[0].question.id
        store.record_review(
            CardState(question_id=qid, state=2, stability=3.0, difficulty=5.0, due=NOW, reps=1),
            session_id=None,
            reviewed_at=NOW,
            rating=3,
            correct=True,
            response="x",
            duration_ms=1000,
        )
    return db_path


def damage(path: Path) -> None:
    """Rows the app would never write: foreign keys off, as an outside tool might."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("INSERT INTO cards (question_id) VALUES ('ghost:cloze:x')")
    conn.execute(
        "INSERT INTO reviews (question_id, reviewed_at, rating, correct) "
        "VALUES ('ghost:mcq:y', '2026-11-24T09:00:00+00:00', 3, 1)"
    )
    conn.execute("UPDATE questions SET fact_id = 'no-such-fact' WHERE rowid = 1")
    conn.commit()
    conn.close()


def test_healthy_database(healthy: Path, runner: CliRunner) -> None:
    code, out, err = run(runner, "doctor", "--json", "--db", str(healthy))
    assert code == 0, err
    report = json.loads(out)
    assert report["ok"] is True and report["problems"] == []
    assert report["integrity_check"] == ["ok"]
    assert report["foreign_key_errors"] == {}
    assert set(report["orphans"].values()) == {0}
    code, out, _ = run(runner, "doctor", "--db", str(healthy))
    assert code == 0 and "No problems found." in out


def test_orphans_and_broken_keys_are_reported(healthy: Path, runner: CliRunner) -> None:
    damage(healthy)
    code, out, _ = run(runner, "doctor", "--json", "--db", str(healthy))
    assert code == 1
    report = json.loads(out)
    assert report["ok"] is False
    assert report["orphans"]["cards without question"] == 1
    assert report["orphans"]["reviews without question"] == 1
    assert report["orphans"]["questions without fact"] == 1
    assert report["foreign_key_errors"] == {"cards": 1, "reviews": 1, "questions": 1}
    assert "1 cards without question" in report["problems"]
    code, _, err = run(runner, "doctor", "--db", str(healthy))
    assert code == 1 and "Problem: 1 reviews without question" in err


def test_backup_is_a_complete_consistent_copy(
    healthy: Path, runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "backup.db"
    # A second process holding an uncommitted write: the backup must not contain it.
    writer = sqlite3.connect(healthy, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO settings (key, value) VALUES ('uncommitted', '1')")
    try:
        code, out, err = run(runner, "doctor", "--backup", str(target), "--db", str(healthy))
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert code == 0, err
    assert f"Backup written: {target}" in out
    assert not (tmp_path / "backup.db.partial").exists()
    with Store.open(target, now=NOW) as copy, Store.open(healthy, now=NOW) as original:
        assert copy.totals() == original.totals()
        assert copy.integrity_check() == ["ok"]
        assert copy.get_setting("uncommitted") is None
        count = "SELECT count(*) FROM reviews"
        assert copy.conn.execute(count).fetchone() == original.conn.execute(count).fetchone()


def test_backup_never_overwrites(healthy: Path, runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "taken.db"
    target.write_text("precious")
    code, out, err = run(runner, "doctor", "--backup", str(target), "--db", str(healthy))
    assert code == 2 and out == ""
    assert err.strip() == f"Error: {target}: already exists; give a new file name for the backup"
    assert target.read_text() == "precious"
    code, _, err = run(runner, "doctor", "--backup", str(healthy), "--db", str(healthy))
    assert code == 2 and "already exists" in err
    code, _, err = run(
        runner, "doctor", "--backup", str(tmp_path / "no" / "b.db"), "--db", str(healthy)
    )
    assert code == 2 and "no such directory" in err


def test_vacuum_shrinks_the_file(healthy: Path) -> None:
    with Store.open(healthy, now=NOW) as store:
        store.set_setting("bulk", "x" * 2_000_000)
        store.set_setting("bulk", None)
        report = run_doctor(store, vacuum=True)
    assert report.ok
    assert report.size_before is not None and report.size_after is not None
    assert report.size_after < report.size_before - 1_000_000


def test_missing_database_is_not_created(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "nothing-here.db"
    code, _, err = run(runner, "doctor", "--db", str(path))
    assert code == 2
    assert err.strip() == f"Error: {path}: no database there; pass the right --db path"
    assert not path.exists()


def test_corrupted_pages_are_found(healthy: Path, runner: CliRunner) -> None:
    with Store.open(healthy, now=NOW) as store:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = store.conn.execute("PRAGMA page_size").fetchone()[0]
        root = store.conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'idx_reviews_reviewed_at'"
        ).fetchone()[0]
    data = bytearray(healthy.read_bytes())
    start = (root - 1) * page
    data[start + 8 : start + page] = bytes([0xA5]) * (page - 8)  # an index page, scrambled
    healthy.write_bytes(bytes(data))
    code, out, err = run(runner, "doctor", "--vacuum", "--json", "--db", str(healthy))
    assert "Traceback" not in err
    assert code == 1, err
    report = json.loads(out)
    assert report["integrity_check"] != ["ok"]
    assert report["problems"][0].startswith("integrity check failed")
    assert any("compaction skipped" in p for p in report["problems"])
