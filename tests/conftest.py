from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizmaster.store import Store
from tests.helpers.pinned import DATA, NOW


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
