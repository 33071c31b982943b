"""The terminal key reader the quiz and the mock paper share, on a real pseudo-terminal."""

from __future__ import annotations

import os
import select
import signal
import termios
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizmaster.keypress import cbreak, read_key, read_key_within


@pytest.fixture
def tty() -> Iterator[tuple[int, int]]:
    """(what the user types into, what the program reads) of a fresh pseudo-terminal."""
    master, slave = os.openpty()
    try:
        with cbreak(slave):
            yield master, slave
    finally:
        os.close(master)
        os.close(slave)


def keys_for(tty: tuple[int, int], typed: bytes, count: int) -> list[str]:
    master, slave = tty
    os.write(master, typed)
    return [read_key(slave) for _ in range(count)]


def test_plain_keys_come_one_at_a_time(tty: tuple[int, int]) -> None:
    assert keys_for(tty, b"ab\r", 3) == ["a", "b", "\n"]  # the terminal maps CR to NL


@pytest.mark.parametrize("char", ["é", "€", "क", "😀"])
def test_a_multibyte_character_comes_back_whole(tty: tuple[int, int], char: str) -> None:
    assert keys_for(tty, char.encode() + b"x", 2) == [char, "x"]


@pytest.mark.parametrize(
    ("typed", "name"),
    [(b"\x1b[A", "up"), (b"\x1b[B", "down"), (b"\x1b[C", "right"), (b"\x1bOD", "left")],
)
def test_arrows_come_back_by_name(tty: tuple[int, int], typed: bytes, name: str) -> None:
    assert keys_for(tty, typed, 1) == [name]


def test_other_sequences_are_one_escape_and_keys_typed_after_them_survive(
    tty: tuple[int, int],
) -> None:
    assert keys_for(tty, b"\x1b[3~b\x1b[Cc", 4) == ["escape", "b", "right", "c"]


def test_a_lone_escape_is_escape(tty: tuple[int, int]) -> None:
    assert keys_for(tty, b"\x1b", 1) == ["escape"]


def test_no_key_within_the_timeout_is_none(tty: tuple[int, int]) -> None:
    master, slave = tty
    assert read_key_within(slave, 0) is None
    os.write(master, b"q")
    assert read_key_within(slave, 5) == "q"


def test_the_end_of_input_is_eof() -> None:
    read_end, write_end = os.pipe()
    os.close(write_end)
    try:
        with pytest.raises(EOFError):
            read_key(read_end)
    finally:
        os.close(read_end)


def test_cbreak_restores_the_terminal_even_after_an_error() -> None:
    master, slave = os.openpty()
    try:
        before = termios.tcgetattr(slave)
        with pytest.raises(KeyboardInterrupt), cbreak(slave):
            assert termios.tcgetattr(slave)[3] & termios.ICANON == 0
            raise KeyboardInterrupt
        assert termios.tcgetattr(slave) == before
    finally:
        os.close(master)
        os.close(slave)


def test_a_key_typed_before_the_terminal_switches_mode_is_kept() -> None:
    # A key can arrive between two prompts, while the terminal is briefly back in line mode;
    # switching to cbreak must not flush it (tty's default TCSAFLUSH would).
    master, slave = os.openpty()
    try:
        os.write(master, b"b\r")
        select.select([slave], [], [], 5.0)  # the line has reached the terminal's queue
        with cbreak(slave):
            assert read_key_within(slave, 5.0) == "b"
    finally:
        os.close(master)
        os.close(slave)


def _waiting_in_the_kernel(thread_id: int) -> bool:
    """Whether the thread sleeps in a system call other than waiting for the GIL."""
    wchan = Path(f"/proc/self/task/{thread_id}/wchan").read_text(encoding="ascii").strip()
    return wchan not in ("", "0") and "futex" not in wchan


@pytest.mark.skipif(
    not Path("/proc/self/wchan").exists(), reason="needs Linux's view of where a thread sleeps"
)
def test_a_ctrl_c_that_does_not_cut_the_wait_short_still_ends_it(tty: tuple[int, int]) -> None:
    # A SIGINT that arrives just before the key wait begins, or that another thread takes,
    # leaves the wait running: only the signal module's wakeup byte can end it. Sent to
    # another thread while this one waits, it must still raise KeyboardInterrupt here, before
    # any key is typed.
    master, slave = tty
    waiter = threading.get_native_id()
    raised = threading.Event()
    freed: list[bool] = []

    def interrupt_the_wait() -> None:
        deadline = time.monotonic() + 30
        while not _waiting_in_the_kernel(waiter) and time.monotonic() < deadline:
            time.sleep(0.001)
        signal.pthread_kill(threading.get_ident(), signal.SIGINT)
        if not raised.wait(30):  # lost: free the waiting thread with a key
            freed.append(True)
            os.write(master, b"x")

    helper = threading.Thread(target=interrupt_the_wait)
    helper.start()
    try:
        read_key(slave)
    except KeyboardInterrupt:
        raised.set()
    helper.join()
    assert raised.is_set() and not freed
