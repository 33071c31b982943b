"""What a user sees in a terminal, as text to compare with a golden file.

The real ``quizmaster`` runs in a pseudo-terminal of a fixed size, with no colour, a pinned
clock (``QUIZMASTER_NOW``), a still monotonic timer and a seeded random source
(``tests.helpers.pinned_run``). Escape sequences are stripped; the text is what is left on
the screen, line by line.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
ROWS = 50

# CSI (colours, cursor moves, erase), OSC (titles, links) and the two-byte escapes.
_ESCAPE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]"
)


def screen_text(raw: str) -> str:
    """The terminal stream as plain text: escapes stripped, CRLF as LF."""
    return _ESCAPE.sub("", raw).replace("\r\n", "\n")


def screen_env(db: Path, columns: int, now: str) -> dict[str, str]:
    """A small, fixed environment: nothing of the developer's own shell leaks in."""
    python_path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(db.parent),
        "LC_ALL": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONHASHSEED": "0",
        "PYTHONPATH": python_path,
        "TERM": "xterm",
        "TZ": "UTC",
        "NO_COLOR": "1",
        "COLUMNS": str(columns),
        "LINES": str(ROWS),
        "QUIZMASTER_DB": str(db),
        "QUIZMASTER_NOW": now,
    }


def spawn(args: list[str], *, db: Path, columns: int, now: str) -> Any:
    """``quizmaster ARGS`` in a pseudo-terminal ``columns`` wide. Echo is off from the start,
    so keys sent before the program reads them never show up (it reads keys unechoed)."""
    import pexpect

    return pexpect.spawn(
        sys.executable,
        ["-m", "tests.helpers.pinned_run", *args],
        cwd=str(ROOT),
        env=screen_env(db, columns, now),
        encoding="utf-8",
        codec_errors="strict",
        timeout=30,
        dimensions=(ROWS, columns),
        echo=False,
    )


def run_to_end(args: list[str], *, db: Path, columns: int, now: str) -> str:
    """The whole screen of a command that needs no keys."""
    import pexpect

    child = spawn(args, db=db, columns=columns, now=now)
    try:
        child.expect(pexpect.EOF)
        raw = str(child.before)
    finally:
        child.close()
    assert child.exitstatus == 0, screen_text(raw)
    return screen_text(raw)


class Recorder:
    """Cuts a running program's output into screens: each one is everything printed since
    the previous screen up to and including the text that ends it."""

    def __init__(self, child: Any) -> None:
        self.child = child

    def until(self, pattern: str) -> str:
        self.child.expect(pattern)
        return screen_text(str(self.child.before) + str(self.child.after))

    def to_end(self) -> str:
        import pexpect

        self.child.expect(pexpect.EOF)
        return screen_text(str(self.child.before))
