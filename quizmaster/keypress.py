"""Single key presses from a terminal, for the quiz and the mock paper alike.

A key is read one byte at a time, so keys typed ahead stay queued in the terminal for the
next read rather than being swallowed with this one. A multi-byte UTF-8 character comes back
whole; an arrow comes back as its name ("up", "left" ...), and any other escape sequence as
"escape". POSIX only: callers check for ``termios`` and fall back to typed lines without it.
"""

from __future__ import annotations

import os
import select
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress

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
        with _signal_wakeup():
            # TCSANOW, not tty's default TCSAFLUSH: a flush would throw away keys typed ahead
            # before the terminal switched mode (a Ctrl-C or an answer sent as the prompt drew).
            tty.setcbreak(fd, termios.TCSANOW)
            yield
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


# While a key is awaited, the read end of a pipe the signal module writes a byte to when a
# signal arrives (signal.set_wakeup_fd). A Ctrl-C landing just before the wait began (or
# taken by another thread) does not cut that wait short: without this the interrupt would
# sit unhandled until the next key. Waits select on it as well as on the terminal.
_wakeup: int | None = None


@contextmanager
def _signal_wakeup() -> Iterator[None]:
    """Signals wake the key waits (main thread only: the only one Python signals reach)."""
    global _wakeup
    import signal
    import threading

    if _wakeup is not None or threading.current_thread() is not threading.main_thread():
        yield
        return
    read_end, write_end = os.pipe()
    os.set_blocking(read_end, False)
    os.set_blocking(write_end, False)
    previous = signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
    _wakeup = read_end
    try:
        yield
    finally:
        signal.set_wakeup_fd(previous)
        _wakeup = None
        os.close(read_end)
        os.close(write_end)


def read_key_within(fd: int, timeout: float) -> str | None:
    """:func:`read_key`, or None when ``timeout`` seconds pass with no key."""
    return _key(fd) if _ready(fd, max(timeout, 0.0)) else None


def read_key(fd: int) -> str:
    """The next key from ``fd`` (a terminal in cbreak mode); EOFError at the end of input."""
    _ready(fd, None)
    return _key(fd)


def _key(fd: int) -> str:
    """The key whose first byte is waiting on ``fd``; the rest of a key arrives with it."""
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


def _ready(fd: int, timeout: float | None) -> bool:
    """Whether ``fd`` has input within ``timeout`` seconds (None: however long it takes).
    A signal's wakeup byte ends the wait early, so its handler runs now (a Ctrl-C raises
    KeyboardInterrupt here); a signal whose handler returns leaves the wait going on."""
    waits = [fd] if _wakeup is None else [fd, _wakeup]
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        left = None if deadline is None else max(deadline - time.monotonic(), 0.0)
        ready = select.select(waits, [], [], left)[0]
        if fd in ready:
            return True
        if not ready:
            return False
        with suppress(BlockingIOError):
            os.read(ready[0], 512)  # the wakeup byte, read so the next wait blocks


def _read_byte(fd: int) -> int:
    data = os.read(fd, 1)
    if not data:
        raise EOFError
    return data[0]
