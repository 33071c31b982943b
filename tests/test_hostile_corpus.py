"""The hostile-input corpus (tests/hostile_cases.py): one bad input each, one line on stderr,
the expected exit code, the database's bytes unchanged and no trip through the last-resort
handler."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizmaster.cli import app
from quizmaster.importers import ensure_builtin_deck, import_path
from quizmaster.store import Store
from tests.helpers.hostile_cases import CASES, Case
from tests.helpers.pinned import DATA, NOW


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "loaded.db"
    with Store.open(path, now=NOW) as store:
        ensure_builtin_deck(store, now=NOW)
        import_path(store, DATA / "small.yaml", now=NOW)
    return path


def file_bytes(folder: Path) -> dict[str, str]:
    """Every file of the database's folder (the database, a WAL, a journal) by digest."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.name.startswith("quiz.db")
    }


def run_case(c: Case, tmp_path: Path, template: Path) -> tuple[int, str, str, Path]:
    home = tmp_path / "home"
    home.mkdir()
    db = home / "quiz.db"
    shutil.copy(template, db)
    inputs = tmp_path / "in"
    inputs.mkdir()
    if c.make is not None:
        c.make(inputs, db)

    def fill(text: str) -> str:
        return text.replace("{tmp}", str(inputs)).replace("{db}", str(db))

    env = {"QUIZMASTER_DB": str(db)}
    env.update({k: fill(v) for k, v in c.env.items()})
    before = file_bytes(home)
    result = CliRunner().invoke(app, [fill(a) for a in c.args], input=c.stdin, env=env)
    if not c.db_changes:
        assert file_bytes(home) == before, "the database changed"
    return result.exit_code, result.stdout, result.stderr, home


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_case(name: str, tmp_path: Path, template: Path) -> None:
    c = CASES[name]
    code, stdout, stderr, home = run_case(c, tmp_path, template)
    assert "Traceback" not in stderr + stdout, stderr
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("Error: "), lines[0]
    assert c.phrase in lines[0], lines[0]
    assert "unexpected error" not in lines[0], lines[0]
    assert code == c.code, stderr
    assert not (home / "quizmaster-errors.log").exists(), "the last-resort handler was used"


def test_corpus_size() -> None:
    assert len(CASES) >= 150
