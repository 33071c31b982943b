"""Decks over several commands, as a user keeps them in order: a renamed deck's saved facts
file follows it, names are tidied and checked, pausing and resuming say what they did, a
removed deck does not bring the built-in deck back, and ``--db`` reaches the database the
user named."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizmaster.cli import app
from quizmaster.store import Store
from tests.helpers.pinned import DATA, NOW
from tests.helpers.quiz_deck import DECK, make_quiz_db

SMALL = "Small deck"  # the deck named in tests/data/small.yaml


def invoke(runner: CliRunner, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def deck_names(runner: CliRunner, *db: str) -> list[str]:
    code, out, err = invoke(runner, "decks", "--json", *db)
    assert code == 0, err
    return [deck["name"] for deck in json.loads(out)]


def saved_facts_file(db_path: Path) -> Path:
    """The small deck's facts file where ingest saves facts for this database (decks/ next
    to it), imported: the state ``ingest`` leaves behind, without extracting an article."""
    folder = db_path.parent / "decks"
    folder.mkdir()
    path = folder / "small.yaml"
    shutil.copyfile(DATA / "small.yaml", path)
    return path


def deck_line(path: Path) -> str:
    return next(line for line in path.read_text(encoding="utf-8").splitlines() if "deck:" in line)


def test_a_renamed_deck_s_saved_facts_file_follows_it(runner: CliRunner, db_path: Path) -> None:
    saved = saved_facts_file(db_path)
    assert invoke(runner, "import", str(saved))[0] == 0
    code, _, err = invoke(runner, "decks", "rename", SMALL, "Capitals 2026", "--yes")
    assert code == 0, err
    assert err.strip() == (
        "Renamed deck 'Small deck' to 'Capitals 2026'; its history is kept and its 1 saved "
        "facts file(s) follow."
    )
    assert deck_line(saved) == 'deck: "Capitals 2026"'
    # Importing the saved file again loads into the renamed deck, not back into the old name.
    code, out, _ = invoke(runner, "import", str(saved))
    assert code == 0 and "moved here" not in out
    assert deck_names(runner) == ["Capitals 2026"]


def test_the_rest_of_a_renamed_file_is_left_as_it_was(runner: CliRunner, db_path: Path) -> None:
    saved = saved_facts_file(db_path)
    before = saved.read_text(encoding="utf-8").splitlines()
    invoke(runner, "import", str(saved))
    assert invoke(runner, "decks", "rename", SMALL, "Other", "--yes")[0] == 0
    after = saved.read_text(encoding="utf-8").splitlines()
    assert [n for n, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [0]
    assert not list(saved.parent.glob(".rename-*"))  # no temporary file left beside it


def test_a_facts_file_of_another_deck_is_not_touched(runner: CliRunner, db_path: Path) -> None:
    saved = saved_facts_file(db_path)
    other = saved.parent / "other.yaml"
    other.write_text("deck: Another deck\nfacts: []\n", encoding="utf-8")
    invoke(runner, "import", str(saved))
    code, _, err = invoke(runner, "decks", "rename", SMALL, "Renamed", "--yes")
    assert code == 0 and "its 1 saved facts file(s) follow" in err
    assert other.read_text(encoding="utf-8") == "deck: Another deck\nfacts: []\n"


def test_a_deck_renamed_by_its_name_in_another_case_still_takes_its_file_along(
    runner: CliRunner, db_path: Path
) -> None:
    saved = saved_facts_file(db_path)
    invoke(runner, "import", str(saved))
    code, _, err = invoke(runner, "decks", "rename", "small DECK", "Capitals", "--yes")
    assert code == 0, err
    assert deck_names(runner) == ["Capitals"]
    assert deck_line(saved) == 'deck: "Capitals"'


@pytest.mark.slow
def test_a_new_name_is_tidied_and_the_old_name_is_gone(runner: CliRunner, db_path: Path) -> None:
    make_quiz_db(db_path, NOW)
    code, _, err = invoke(runner, "decks", "rename", DECK, "  Geo   graphy ", "--yes")
    assert code == 0 and "to 'Geo graphy'" in err
    assert deck_names(runner) == ["Geo graphy"]
    code, _, err = invoke(runner, "quiz", "--deck", DECK, stdin="")
    assert code == 2 and err.strip() == "Error: no deck named 'Quiz deck' (decks: 'Geo graphy')"
    code, out, _ = invoke(runner, "quiz", "--deck", "Geo graphy", stdin="2\n")
    assert code == 0 and "Answered 1, correct 1" in out


@pytest.mark.parametrize("name", ["", "   ", "x" * 201])
def test_a_blank_or_overlong_name_is_refused(runner: CliRunner, db_path: Path, name: str) -> None:
    make_quiz_db(db_path, NOW)
    code, out, err = invoke(runner, "decks", "rename", DECK, name, "--yes")
    assert code == 2 and out == ""
    assert err == "Error: a deck name must have 1 to 200 characters\n"
    assert deck_names(runner) == [DECK]


def test_a_deck_can_be_renamed_to_another_case_of_its_own_name(
    runner: CliRunner, db_path: Path
) -> None:
    """The check for a taken name must not count the deck itself."""
    make_quiz_db(db_path, NOW)
    code, _, err = invoke(runner, "decks", "rename", DECK, "QUIZ DECK", "--yes")
    assert code == 0, err
    assert deck_names(runner) == ["QUIZ DECK"]


def test_pause_and_resume_say_what_they_did_and_what_it_was_already(
    runner: CliRunner, db_path: Path
) -> None:
    make_quiz_db(db_path, NOW)
    code, _, err = invoke(runner, "decks", "resume", DECK, "--yes")
    assert code == 0 and err.strip() == "Deck 'Quiz deck' is already active."
    code, _, err = invoke(runner, "decks", "pause", DECK, "--yes")
    assert code == 0
    # The message gives the command to undo it, quoted for a shell.
    assert "until `quizmaster decks resume 'Quiz deck'`" in err
    assert "the daily quiz leaves its 7 questions out" in err
    code, _, err = invoke(runner, "decks", "resume", DECK, "--yes")
    assert code == 0
    assert err.strip() == "Resumed deck 'Quiz deck': its questions are in the daily quiz again."


def test_an_already_paused_deck_needs_no_confirmation(runner: CliRunner, db_path: Path) -> None:
    make_quiz_db(db_path, NOW)
    assert invoke(runner, "decks", "pause", DECK, "--yes")[0] == 0
    # Without --yes and without a terminal: nothing to confirm, so no refusal either.
    code, _, err = invoke(runner, "decks", "pause", DECK)
    assert code == 0 and err.strip() == "Deck 'Quiz deck' is already paused."


def test_a_paused_deck_s_questions_are_still_listed_and_counted(
    runner: CliRunner, db_path: Path
) -> None:
    make_quiz_db(db_path, NOW)
    _, before, _ = invoke(runner, "questions", "list", "--deck", DECK, "--json")
    invoke(runner, "decks", "pause", DECK, "--yes")
    _, after, _ = invoke(runner, "questions", "list", "--deck", DECK, "--json")
    assert after == before and len(json.loads(after)) == 7
    _, out, _ = invoke(runner, "decks", "--json")
    assert json.loads(out)[0]["paused"] is True
    _, out, _ = invoke(runner, "--json")
    assert json.loads(out)["new_available"] == 0


@pytest.mark.slow
def test_removing_a_deck_reports_its_counts_and_empties_the_dashboard(
    runner: CliRunner, db_path: Path
) -> None:
    make_quiz_db(db_path, NOW)
    assert invoke(runner, "quiz", stdin="2\nf\n")[0] == 0
    code, _, err = invoke(runner, "decks", "remove", DECK, "--yes")
    assert code == 0
    assert err.strip() == (
        "Removed deck 'Quiz deck': 4 facts, 7 questions, 2 reviews and 0 mock answers deleted."
    )
    code, _, err = invoke(runner, "questions", "show", "capital-france:mcq:paris")
    assert code == 2 and "no question with id" in err


def test_removing_an_unknown_deck_is_an_error_that_lists_the_decks(
    runner: CliRunner, db_path: Path
) -> None:
    make_quiz_db(db_path, NOW)
    code, _, err = invoke(runner, "decks", "remove", "Nope", "--yes")
    assert code == 2 and err.strip() == "Error: no deck named 'Nope' (decks: 'Quiz deck')"
    assert deck_names(runner) == [DECK]


def test_a_database_started_with_the_built_in_deck_keeps_it_removed(runner: CliRunner) -> None:
    names = deck_names(runner)
    assert names == ["India–Israel Defence MoU 2025"]
    assert invoke(runner, "decks", "remove", names[0], "--yes")[0] == 0
    assert deck_names(runner) == []
    code, out, _ = invoke(runner, "--json")
    assert code == 0 and json.loads(out)["next_command"].startswith("quizmaster import")


@pytest.mark.slow
def test_a_database_started_by_import_never_gets_the_built_in_deck(
    runner: CliRunner, facts_yaml: Path
) -> None:
    assert invoke(runner, "import", str(facts_yaml))[0] == 0
    assert deck_names(runner) == [SMALL]
    assert invoke(runner, "decks", "remove", SMALL, "--yes")[0] == 0
    assert deck_names(runner) == []


def test_db_before_the_decks_command_is_the_database_changed(
    runner: CliRunner, tmp_path: Path, db_path: Path
) -> None:
    other = make_quiz_db(tmp_path / "other.db", NOW)
    make_quiz_db(db_path, NOW)
    code, _, err = invoke(runner, "--db", str(other), "decks", "rename", DECK, "Moved", "--yes")
    assert code == 0, err
    assert deck_names(runner, "--db", str(other)) == ["Moved"]
    assert deck_names(runner) == [DECK]


def test_db_given_to_the_decks_group_is_the_database_changed(
    runner: CliRunner, tmp_path: Path, db_path: Path
) -> None:
    other = make_quiz_db(tmp_path / "other.db", NOW)
    make_quiz_db(db_path, NOW)
    code, _, err = invoke(runner, "decks", "--db", str(other), "rename", DECK, "Moved", "--yes")
    assert code == 0, err
    assert deck_names(runner) == [DECK]  # $QUIZMASTER_DB untouched
    assert deck_names(runner, "--db", str(other)) == ["Moved"]


def test_the_decks_group_lists_the_database_given_to_it(runner: CliRunner, tmp_path: Path) -> None:
    """Listing, unlike the commands under it, takes the group's own --db."""
    other = make_quiz_db(tmp_path / "other.db", NOW)
    with Store.open(other, now=NOW) as store:
        store.load_deck("Second", [], [], now=NOW)
    assert deck_names(runner, "--db", str(other)) == [DECK, "Second"]
