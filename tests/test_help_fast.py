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
