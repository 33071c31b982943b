"""Single key presses from a terminal, for the quiz and the mock paper alike.

A key is read one byte at a time, so keys typed ahead stay queued in the terminal for the
next read rather than being swallowed with this one. A multi-byte UTF-8 character comes back
whole; an arrow comes back as its name ("up", "left" ...), and any other escape sequence as
"escape". POSIX only: callers check for ``termios`` and fall back to typed lines without it.
"""

from __future__ import annotations

import os
import select
from collections.abc import Iterator
from contextlib import contextmanager

# How long the rest of an escape sequence may take to arrive after the escape byte: long
# enough for a slow SSH link, short enough that a lone Esc feels immediate.
ESCAPE_WAIT_S = 0.05
ARROWS = {"A": "up", "B": "down", "C": "right", "D": "left"}


@contextmanager
def cbreak(fd: int) -> Iterator[None]:
    """The terminal in cbreak mode (keys arrive unbuffered and unechoed; Ctrl-C still
    interrupts), restored on the way out whatever happens."""
    import termios
    import tty

    saved = termios.tcgetattr(fd)
    try:
        # TCSANOW, not tty's default TCSAFLUSH: a flush would throw away keys typed ahead
        # before the terminal switched mode (a Ctrl-C or an answer sent as the prompt drew).
        tty.setcbreak(fd, termios.TCSANOW)
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def read_key_within(fd: int, timeout: float) -> str | None:
    """:func:`read_key`, or None when ``timeout`` seconds pass with no key."""
    return read_key(fd) if _ready(fd, max(timeout, 0.0)) else None


def read_key(fd: int) -> str:
    """The next key from ``fd`` (a terminal in cbreak mode); EOFError at the end of input."""
    first = _read_byte(fd)
    if first == 0x1B:
        return _escape(fd)
    data = bytes([first])
    # A UTF-8 lead byte says how many continuation bytes follow.
    need = 0 if first < 0xC0 else 1 if first < 0xE0 else 2 if first < 0xF0 else 3
    for _ in range(need):
        data += bytes([_read_byte(fd)])
    return data.decode("utf-8", "replace")


def _escape(fd: int) -> str:
    """The rest of an escape sequence: CSI ("ESC [ A") or SS3 ("ESC O A") arrows by name."""
    if not _ready(fd, ESCAPE_WAIT_S):
        return "escape"
    introducer = _read_byte(fd)
    if introducer not in (ord("["), ord("O")):
        return "escape"
    body = b""
    while _ready(fd, ESCAPE_WAIT_S):
        byte = _read_byte(fd)
        body += bytes([byte])
        if 0x40 <= byte <= 0x7E:  # a final byte ends the sequence
            break
    name = body.decode("ascii", "replace")
    return ARROWS.get(name, "escape")


def _ready(fd: int, timeout: float) -> bool:
    return bool(select.select([fd], [], [], timeout)[0])


def _read_byte(fd: int) -> int:
    data = os.read(fd, 1)
    if not data:
        raise EOFError
    return data[0]
