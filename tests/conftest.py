from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizmaster.store import Store
from tests.helpers.pinned import DATA, NOW


@pytest.fixture(autouse=True, scope="session")
def _ctrl_c_interrupts() -> Iterator[None]:
    """Ctrl-C interrupts, in this run and in the programs it starts on a pseudo-terminal. A
    run started in the background by a non-interactive shell ignores SIGINT, and a program
    started from it inherits that: its Ctrl-C would do nothing, and the tests that press it
    would wait in vain."""
    previous = signal.getsignal(signal.SIGINT)
    if previous == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test ever touches the user's real database; the clock is pinned."""
    db = tmp_path / "quizmaster.db"
    monkeypatch.setenv("QUIZMASTER_DB", str(db))
    monkeypatch.setenv("QUIZMASTER_NOW", NOW.isoformat())
    monkeypatch.setenv("COLUMNS", "120")
    return db


@pytest.fixture
def db_path(_isolated: Path) -> Path:
    return _isolated


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path, now=NOW) as s:
        yield s


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def facts_yaml(tmp_path: Path) -> Path:
    """A small valid facts file."""
    path = tmp_path / "small.yaml"
    path.write_text((DATA / "small.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return path
