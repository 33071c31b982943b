"""A database made by the first released schema (migration m001 only) upgrades cleanly.

tests/data/schema-m001.db was written by the code of the first schema (commit e376429): the
built-in deck loaded, one quiz session with three reviews, journal mode DELETE so the file is
self-contained. Never regenerate it with newer code: it stands for users' existing files.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizmaster.cli import app
from quizmaster.doctor import run_doctor
from quizmaster.migrations import MIGRATIONS
from quizmaster.store import Store
from tests.helpers.pinned import DATA, NOW

FIXTURE = DATA / "schema-m001.db"
REVIEWED = [
    "signatory-india:short_answer:hand",
    "signatory-india:cloze:rajesh-kumar-singh",
    "signatory-india:short_answer:india",
]


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURE, path)
    return path


def test_fixture_is_the_first_schema() -> None:
    conn = sqlite3.connect(f"file:{FIXTURE}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM _migrations")]
    finally:
        conn.close()
    assert names == ["m001_initial"]


def test_upgrade_applies_every_later_migration_and_keeps_the_data(old_db: Path) -> None:
    with Store.open(old_db, now=NOW) as store:
        assert store.applied_migrations() == [name for name, _ in MIGRATIONS]
        assert store.migrate(now=NOW) == []  # idempotent
        assert store.totals() == {"decks": 1, "facts": 49, "questions": 126}
        rows = store.conn.execute(
            "SELECT question_id, rating, session_id FROM reviews ORDER BY id"
        ).fetchall()
        assert [r[0] for r in rows] == REVIEWED
        assert {r[1] for r in rows} == {3}
        for qid in REVIEWED:
            card = store.card(qid)
            assert (card.state, card.reps, card.stability) == (2, 1, 3.2)
        session = store.conn.execute("SELECT kind, data FROM sessions").fetchone()
        assert session[0] == "quiz" and json.loads(session[1]) == {"answered": 3}
        assert store.get_setting("builtin_deck_loaded") is True
        assert store.count_new() == 123
        report = run_doctor(store)
        assert report.ok, report.problems
        indexes = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
        assert "idx_cards_due_state" in indexes


def test_upgraded_database_works_from_the_cli(old_db: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["--json", "--db", str(old_db)])
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["questions"] == 126 and summary["new_available"] == 123
    result = runner.invoke(app, ["doctor", "--db", str(old_db)])
    assert result.exit_code == 0, result.stderr


def test_migrations_run_in_the_order_their_names_give() -> None:
    # A fresh database applies them in list order; a reader finds them in name order.
    names = [name for name, _ in MIGRATIONS]
    assert names == sorted(names)
    assert len(set(names)) == len(names)
