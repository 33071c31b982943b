"""Keeping decks in order from the command line: rename, pause, resume, remove, a deck
renamed in its facts file, suspended questions brought back."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from typer.testing import CliRunner

from quizmaster.cli import app
from quizmaster.store import Store
from tests.helpers.pinned import NOW
from tests.helpers.quiz_deck import DECK, MCQ_ID, make_quiz_db


def run(runner: CliRunner, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def quiz(db_path: Path, *args: str) -> str:
    import os
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "quizmaster", "quiz", *args],
        input="2\n",
        capture_output=True,
        text=True,
        env={**os.environ, "QUIZMASTER_DB": str(db_path)},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def answer_one(db_path: Path) -> None:
    from quizmaster.grade import Rating
    from quizmaster.scheduler import SchedulerSettings, review

    with Store.open(db_path, now=NOW) as store:
        card = review(store.card(MCQ_ID), Rating.GOOD, NOW, SchedulerSettings())
        store.record_review(
            card,
            session_id=None,
            reviewed_at=NOW,
            rating=3,
            correct=True,
            response="2",
            duration_ms=None,
        )


def test_rename_keeps_history_and_refuses_a_taken_name(runner: CliRunner, db_path: Path) -> None:
    make_quiz_db(db_path, NOW)
    answer_one(db_path)
    code, _, err = run(runner, "decks", "rename", DECK, "Geography", "--yes")
    assert code == 0 and "history is kept" in err
    with Store.open(db_path, now=NOW) as store:
        assert store.deck_usage("Geography").reviews == 1
        store.load_deck("Other", [], [], now=NOW)
    code, _, err = run(runner, "decks", "rename", "Geography", "Other", "--yes")
    assert code == 2 and err.strip() == (
        "Error: there is already a deck named 'Other'; choose another name"
    )


def test_confirmation_is_needed_without_a_terminal(runner: CliRunner, db_path: Path) -> None:
    make_quiz_db(db_path, NOW)
    for args in (["remove", DECK], ["pause", DECK], ["rename", DECK, "X"]):
        code, _, err = run(runner, "decks", *args)
        assert code == 2 and "pass --yes" in err and err.count("\n") == 1
    assert [d["name"] for d in json.loads(run(runner, "decks", "--json")[1])] == [DECK]


def test_pause_keeps_a_deck_out_of_the_quiz_until_resumed(runner: CliRunner, db_path: Path) -> None:
    make_quiz_db(db_path, NOW)
    assert run(runner, "decks", "pause", DECK, "--yes")[0] == 0
    _, out, _ = run(runner, "--json")
    assert json.loads(out)["new_available"] == 0
    out = quiz(db_path)
    assert "Nothing due now" in out
    assert "Answered 1" in quiz(db_path, "--deck", DECK)  # named: still asked
    _, out, _ = run(runner, "decks")
    assert "(paused)" in out
    assert "already paused" in run(runner, "decks", "pause", DECK, "--yes")[2]
    assert run(runner, "decks", "resume", DECK, "--yes")[0] == 0
    _, out, _ = run(runner, "--json")
    assert json.loads(out)["new_available"] > 0


def test_remove_says_what_history_goes(runner: CliRunner, db_path: Path) -> None:
    make_quiz_db(db_path, NOW)
    answer_one(db_path)
    code, _, err = run(runner, "decks", "remove", DECK, "--yes")
    assert code == 0 and "1 reviews and 0 mock answers deleted" in err
    with Store.open(db_path, now=NOW) as store:
        assert store.totals() == {"decks": 0, "facts": 0, "questions": 0}
        assert store.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
        assert store.conn.execute("SELECT count(*) FROM cards").fetchone()[0] == 0


def test_a_deck_renamed_in_its_facts_file_moves_with_history(
    runner: CliRunner, db_path: Path, facts_yaml: Path
) -> None:
    assert run(runner, "import", str(facts_yaml))[0] == 0
    with Store.open(db_path, now=NOW) as store:
        qid = store.questions("Small deck")[0].question.id
        store.record_review(
            store.card(qid),
            session_id=None,
            reviewed_at=NOW,
            rating=3,
            correct=True,
            response="x",
            duration_ms=None,
        )
    data = yaml.safe_load(facts_yaml.read_text(encoding="utf-8"))
    data["deck"] = "Renamed deck"
    facts_yaml.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, out, err = run(runner, "import", str(facts_yaml))
    assert code == 0, err
    assert "moved here from 'Small deck'" in out
    _, out, _ = run(runner, "decks", "--json")
    assert [d["name"] for d in json.loads(out)] == ["Renamed deck"]
    with Store.open(db_path, now=NOW) as store:
        assert store.deck_usage("Renamed deck").reviews == 1


def test_suspended_questions_come_back(runner: CliRunner, db_path: Path) -> None:
    make_quiz_db(db_path, NOW)
    with Store.open(db_path, now=NOW) as store:
        from dataclasses import replace

        store.save_card(replace(store.card(MCQ_ID), suspended=True, leech=True, lapses=8))
    _, out, _ = run(runner, "questions", "list", "--suspended")
    assert MCQ_ID in out and "leech (8 lapses)" in out and "unsuspend" in out
    code, _, err = run(runner, "questions", "unsuspend")
    assert code == 2 and "--all-leeches" in err
    code, _, err = run(runner, "questions", "unsuspend", "no-such:mcq:x")
    assert code == 2 and err.startswith("Error: no question with id")
    code, _, err = run(runner, "questions", "unsuspend", "--all-leeches")
    assert code == 0 and "Unsuspended 1 question:" in err
    assert run(runner, "questions", "list", "--suspended", "--json")[1].strip() == "[]"
    assert "Nothing was suspended" in run(runner, "questions", "unsuspend", "--all")[2]


def test_two_databases_in_one_folder_keep_their_own_decks_folder() -> None:
    from quizmaster.ingest import decks_folder

    assert decks_folder(Path("/d/quizmaster.db")) == Path("/d/decks")
    assert decks_folder(Path("/d/polity.db")) == Path("/d/polity-decks")
    assert decks_folder(Path("/d/history.sqlite")) == Path("/d/history-decks")


def test_version_and_short_help(runner: CliRunner) -> None:
    code, out, _ = run(runner, "--version")
    assert code == 0 and out.startswith("quizmaster ")
    code, out, _ = run(runner, "decks", "-h")
    assert code == 0 and "rename" in out and "pause" in out


def test_a_deck_is_found_by_its_name_as_typed(runner: CliRunner, db_path: Path) -> None:
    """An en dash typed as a hyphen, or another case, still names the one deck it can mean."""
    with Store.open(db_path, now=NOW) as store:
        store.load_deck("India–Japan Roadmap 2025", [], [], now=NOW)
        store.load_deck("India–Japan roadmap 2024", [], [], now=NOW)
    code, out, err = run(
        runner, "decks", "pause", "india-japan roadmap 2025", "--yes", "--db", str(db_path)
    )
    assert code == 0, err
    with Store.open(db_path, now=NOW) as store:
        paused = {d.name: d.paused for d in store.decks()}
    assert paused == {"India–Japan Roadmap 2025": True, "India–Japan roadmap 2024": False}
    code, _, err = run(runner, "decks", "pause", "India-Japan", "--yes", "--db", str(db_path))
    assert code == 2 and "no deck named 'India-Japan'" in err
