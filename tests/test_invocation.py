"""The database a command names: the path from ``--db``, the environment or the default, its
folder checked, the store opened with the built-in deck only where asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizmaster.environment import Environment
from quizmaster.errors import DatabaseError
from quizmaster.invocation import Invocation, check_db_folder, db_path, named_by_user, open_store
from tests.helpers.pinned import NOW


def _env(environ: dict[str, str]) -> Environment:
    return Environment(environ=environ, clock=lambda: NOW)


def test_db_given_wins_over_the_environment(tmp_path: Path) -> None:
    environ = {"QUIZMASTER_DB": str(tmp_path / "env.db")}
    assert db_path(tmp_path / "given.db", environ) == tmp_path / "given.db"
    assert db_path(None, environ) == tmp_path / "env.db"
    assert named_by_user(None, environ)
    assert not named_by_user(None, {"QUIZMASTER_DB": "  "})


def test_a_missing_folder_the_user_named_is_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "q.db"
    with pytest.raises(DatabaseError, match="mkdir -p"):
        check_db_folder(missing, explicit=True)
    check_db_folder(missing, explicit=False)  # the default folder is created instead
    check_db_folder(Path(":memory:"), explicit=True)


def test_open_store_reads_the_path_from_the_environment_it_is_given(tmp_path: Path) -> None:
    target = tmp_path / "from-env.db"
    with open_store(_env({"QUIZMASTER_DB": str(target)}), None, builtin=False) as store:
        assert store.decks() == []
    assert target.is_file()


@pytest.mark.slow
def test_a_new_database_gets_the_builtin_deck_unless_told_not_to(tmp_path: Path) -> None:
    env = _env({})
    with open_store(env, tmp_path / "with.db") as store:
        assert len(store.decks()) == 1
    with open_store(env, tmp_path / "without.db", builtin=False) as store:
        assert store.decks() == []


def test_a_db_given_after_the_command_wins(tmp_path: Path) -> None:
    before = Invocation(_env({}), tmp_path / "before.db")
    assert before.with_db(None) is before
    assert before.with_db(tmp_path / "after.db").db_path == tmp_path / "after.db"
    assert Invocation(_env({"QUIZMASTER_DB": "/x/q.db"})).db_path == Path("/x/q.db")
