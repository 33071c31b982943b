"""The ingest runner works in the environment it is given: the database its environ names,
the answers on its stdin, its clock; never the process's own."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from quizmaster.environment import Environment
from quizmaster.errors import UsageError
from quizmaster.ingest_runner import IngestRequest, run_ingest
from quizmaster.invocation import Invocation
from quizmaster.store import Store
from tests.helpers.pinned import NOW
from tests.test_ingest_cli import RAMSAR, RAMSAR_DECK


def _env(db: Path, answers: str = "") -> Environment:
    stdin = io.TextIOWrapper(io.BytesIO(answers.encode()), encoding="utf-8")
    return Environment(environ={"QUIZMASTER_DB": str(db)}, stdin=stdin, clock=lambda: NOW)


@pytest.mark.slow
def test_reviewed_facts_go_to_the_environment_s_database(tmp_path: Path, db_path: Path) -> None:
    db = tmp_path / "given" / "q.db"
    db.parent.mkdir()
    # Accept every fact, then keep the proposed deck name.
    run_ingest(IngestRequest(str(RAMSAR), review=True), Invocation(_env(db, "A\n\n")))
    with Store.open(db, now=NOW) as store:
        assert [d.name for d in store.decks()] == [RAMSAR_DECK]
    assert not db_path.exists()  # the process's QUIZMASTER_DB is left alone
    assert list((db.parent / "q-decks").glob("*.yaml"))


def test_no_terminal_in_the_environment_and_no_flag_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no terminal to review"):
        run_ingest(IngestRequest(str(RAMSAR)), Invocation(_env(tmp_path / "q.db")))
    assert not (tmp_path / "q.db").exists()
