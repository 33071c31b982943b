"""``quizmaster --help`` built from parameterless stand-ins of the commands (``cli._help_only``)
is byte for byte the help of the whole app, on a pipe and on a colour terminal."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

ENTRY = [sys.executable, "-m", "quizmaster"]
WHOLE = [sys.executable, "-c", "from quizmaster.cli import app; app(prog_name='quizmaster')"]


def on_tty(cmd: list[str], env: dict[str, str], columns: int) -> tuple[int, bytes]:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    return proc.wait(), out


@pytest.mark.slow
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_is_the_whole_app_s(flag: str, db_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    env.update(TERM="xterm-256color")
    for columns in (40, 100, 150):
        assert on_tty([*ENTRY, flag], env, columns) == on_tty([*WHOLE, flag], env, columns)
    piped = subprocess.run([*ENTRY, flag], env=env, capture_output=True)
    whole = subprocess.run([*WHOLE, flag], env=env, capture_output=True)
    assert (piped.returncode, piped.stdout, piped.stderr) == (
        whole.returncode,
        whole.stdout,
        whole.stderr,
    )
    assert b"questions" in piped.stdout and b"stats" in piped.stdout


ENV_CASES = [
    {"NO_COLOR": "1"},
    {"FORCE_COLOR": "1"},
    {"PY_COLORS": "1", "COLUMNS": "70"},
    {"TERMINAL_WIDTH": "60"},
    {"TERM": "dumb"},
    {"TYPER_USE_RICH": "0"},  # handed over to the full app
    {"_TYPER_FORCE_DISABLE_TERMINAL": "1", "FORCE_COLOR": "1"},  # handed over
    {"PYTHONIOENCODING": "latin-1"},  # handed over
]


@pytest.mark.slow
@pytest.mark.parametrize("extra", ENV_CASES, ids=lambda e: ",".join(e))
def test_help_is_the_whole_app_s_under_the_settings_rich_and_typer_read(
    extra: dict[str, str], db_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "FORCE_COLOR", "NO_COLOR")}
    env.update({"TERM": "xterm-256color", **extra})
    assert on_tty([*ENTRY, "--help"], env, 90) == on_tty([*WHOLE, "--help"], env, 90)
    piped = subprocess.run([*ENTRY, "--help"], env=env, capture_output=True)
    whole = subprocess.run([*WHOLE, "--help"], env=env, capture_output=True)
    assert (piped.returncode, piped.stdout, piped.stderr) == (0, whole.stdout, whole.stderr)


def test_help_is_drawn_without_typer_or_click(db_path: Path) -> None:
    probe = (
        "import sys; sys.argv = ['quizmaster', '--help']\n"
        "from quizmaster.launch import main\n"
        "main()\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('typer', 'click')]\n"
        "sys.stderr.write(repr(loaded))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TYPER_", "_TYPER_"))}
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == "[]", done.stderr
    assert "Settings and upkeep" in done.stdout
