"""`quizmaster ... | head`: when the reader of stdout has gone, every entry path (the fast
dashboard, help and JSON paths, and the full app) ends quietly with exit code 1, never with a
traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.pinned import NOW
from tests.helpers.quiz_deck import make_quiz_db


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="a closed pipe behaves otherwise there")
@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--json"],
        ["--help"],
        ["stats", "--json"],
        ["questions", "list", "--json"],
        ["decks"],
        ["stats"],
    ],
    ids=" ".join,
)
def test_a_reader_that_has_gone_ends_the_command_quietly(db_path: Path, args: list[str]) -> None:
    make_quiz_db(db_path, NOW)
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte is written
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "quizmaster", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "QUIZMASTER_DB": str(db_path), "QUIZMASTER_NOW": NOW.isoformat()},
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert proc.stderr == ""
    assert proc.returncode == 1
