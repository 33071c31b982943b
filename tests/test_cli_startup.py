"""Start-up shortcuts of the full app change nothing a user sees: building only the invoked
command gives the same output, errors and exit codes as building them all."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.pinned import NOW

SHORTCUT = [sys.executable, "-m", "quizmaster"]
WHOLE_APP = [sys.executable, "-c", "from quizmaster.cli import app; app(prog_name='quizmaster')"]


def run(cmd: list[str], db: Path) -> tuple[int, str, str]:
    env = dict(os.environ, QUIZMASTER_DB=str(db), QUIZMASTER_NOW=NOW.isoformat(), COLUMNS="100")
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["stats", "--json"],
        ["--json"],
        ["decks"],
        ["decks", "--json"],
        ["facts", "list", "--json"],
        ["questions", "list", "--json", "--kind", "cloze"],
        ["--db", "DB", "decks", "--json"],
        ["--db=DB", "stats", "--json", "--days", "30"],
        ["stats", "--bogus"],
        ["questions", "nope"],
        ["config", "--help"],
        ["stats", "--help"],
        ["statz"],
        ["--help"],
    ],
)
@pytest.mark.slow
def test_building_only_the_invoked_command_changes_nothing(db_path: Path, args: list[str]) -> None:
    run(SHORTCUT, db_path)  # creates the database with the built-in deck
    args = [a.replace("DB", str(db_path)) for a in args]
    assert run(SHORTCUT + args, db_path) == run(WHOLE_APP + args, db_path)


def test_only_the_invoked_command_is_registered() -> None:
    probe = (
        "import quizmaster.cli as c\n"
        "c._build_only_invoked({args!r})\n"
        "print(sorted(x.name for x in c.app.registered_commands + c.app.registered_groups))\n"
    )
    for args, expected in (
        (["--db", "stats", "stats", "--json"], "['stats']"),
        (["questions", "list"], "['questions']"),
        (["--help"], None),
        (["nope"], None),
    ):
        out = subprocess.run(
            [sys.executable, "-c", probe.format(args=args)], capture_output=True, text=True
        ).stdout.strip()
        if expected is None:
            assert len(ast.literal_eval(out)) > 10  # the whole app
        else:
            assert out == expected
