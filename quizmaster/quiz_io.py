"""The two faces of a quiz session: an interactive terminal (single keys for options, typed
answers, a key after the feedback) and plain lines for piped input (one answer per line, no
colours, nothing waited for after the feedback). Drawing is done by ``render``."""

from __future__ import annotations

import datetime as dt
import os
import select
import sys
from collections.abc import Callable
from typing import IO, TYPE_CHECKING

from quizmaster import keypress, render
from quizmaster.boundary_checks import MAX_ANSWER_CHARS, clean_answer
from quizmaster.session import Feedback, run_quiz
from quizmaster.study_queue import Item

if TYPE_CHECKING:
    from quizmaster.reports import NothingDue, SessionSummary
    from quizmaster.store import Store

# Bytes of one piped answer line kept; the rest of a longer line is read and dropped, in
# time linear in its length.
MAX_LINE_BYTES = 4 * MAX_ANSWER_CHARS

_CTRL_C = "\x03"
_CTRL_D = "\x04"


def _read_key(fd: int) -> str:
    """One key press; the terminal is in cbreak mode only while it is awaited, so typed
    answers echo as usual."""
    with keypress.cbreak(fd):
        return keypress.read_key(fd)


def _answer_key(fd: int) -> str:
    """A key that answers or confirms: Ctrl-D ends the session, Ctrl-C interrupts it."""
    key = _read_key(fd)
    if key == _CTRL_D:
        raise EOFError
    if key == _CTRL_C:
        raise KeyboardInterrupt
    return key


class TerminalUI:
    """Interactive: Rich panels, single keys where they are unambiguous."""

    timed = True
    plain = False  # how render draws the summary

    def __init__(self, *, practice: bool = False) -> None:
        self.practice = practice
        self.fd = sys.stdin.fileno()
        try:
            import termios  # noqa: F401

            self.keys = True
        except ImportError:  # Windows: typed lines everywhere
            self.keys = False

    def show_question(self, item: Item, position: int, total: int) -> None:
        render.session_question(item, position, total, practice=self.practice, plain=False)

    def read_response(self, item: Item) -> str:
        return clean_answer(self._read_response(item))

    def _read_response(self, item: Item) -> str:
        question = item.stored.question
        if not self.keys or question.options is None:
            while True:
                line = render.session_prompt()
                if line.strip():
                    return line
                # An Enter too many (after the feedback) must not count as a wrong answer.
                render.session_message(
                    "Type your answer (? if you don't know, :help for commands).",
                    style="yellow",
                    plain=False,
                )
        prompted = False
        while True:
            if not prompted:
                render.session_key_prompt()
                prompted = True
            try:
                key = _answer_key(self.fd)
            except (KeyboardInterrupt, EOFError):
                render.session_key_echo()  # what comes next starts on a line of its own
                raise
            if key == ":":
                typed = render.session_prompt(":", marker=False).strip()
                prompted = False
                if not typed:
                    continue  # ":" then Enter: back to the question
                if len(typed) == 1 and (typed.isalnum() or typed == "?"):
                    return typed  # the ":" cannot be erased; a lone key is the answer meant
                return ":" + typed
            if (key.isalnum() and len(key) == 1) or key == "?":
                render.session_key_echo(key)
                return key
            if key.strip():  # Enter or a space: stay on the prompt
                render.session_key_echo()
                prompted = False
                render.session_message(
                    f"Press {render.answer_hint(question)}; :help for commands.",
                    style="yellow",
                    plain=False,
                )

    def show_feedback(self, feedback: Feedback) -> None:
        render.session_feedback(feedback, plain=False)

    def read_after_feedback(self) -> str | None:
        if not self.keys:
            return render.session_prompt().strip()[:1]
        while True:
            key = _read_key(self.fd)
            if key in (_CTRL_D, _CTRL_C):
                raise KeyboardInterrupt
            if key in ("\r", "\n", " ") or key.lower() in ("1", "2", "3", "4", "u", "s", "q", "n"):
                return "" if key in ("\r", "\n", " ") else key.lower()

    def message(self, text: str, *, style: str = "") -> None:
        render.session_message(text, style=style, plain=False)

    def confirm(self, question: str) -> bool:
        render.session_message(question, style="yellow", plain=False)
        if not self.keys:
            return render.session_prompt().strip().lower().startswith("y")
        while True:
            key = _answer_key(self.fd)
            if key.lower() in ("y", "n", "\r", "\n", "q", "escape"):
                return key.lower() in ("y", "q")


class PlainUI:
    """Scripted: one answer per line from ``stream``, plain text out, no waiting after the
    feedback. With ``idle_timeout`` (CI), no input for that many seconds counts as EOF, so a
    session on a never-closed pipe cannot hang."""

    timed = False
    plain = True

    def __init__(
        self, stream: IO[str] | None, *, practice: bool = False, idle_timeout: float | None = None
    ) -> None:
        self.stream = stream
        self.practice = practice
        self.idle_timeout = idle_timeout
        self._buffer = b""
        self._dropping = False  # inside the over-long rest of a line

    def show_question(self, item: Item, position: int, total: int) -> None:
        render.session_question(item, position, total, practice=self.practice, plain=True)

    def read_response(self, item: Item) -> str:
        text = clean_answer(self._readline())
        render.session_message(f"> {text}", plain=True)
        return text

    def _readline(self) -> str:
        if self.stream is None or self.stream.closed:
            raise EOFError
        try:
            fd = self.stream.fileno()
        except (OSError, ValueError, AttributeError):
            line = self.stream.readline(MAX_LINE_BYTES)
            if not line:
                raise EOFError from None
            if not line.endswith("\n"):  # drop the rest of an over-long line
                while (rest := self.stream.readline(MAX_LINE_BYTES)) and not rest.endswith("\n"):
                    pass
            return line.rstrip("\r\n")
        # Our own buffer over the file descriptor, so waiting (select) sees every byte. Only
        # the new chunk is searched for the newline, and a line is kept to MAX_LINE_BYTES:
        # a 40 MB line costs one pass, not a quadratic one.
        while b"\n" not in self._buffer:
            if self.idle_timeout is not None:
                if not select.select([fd], [], [], self.idle_timeout)[0]:
                    raise EOFError
            chunk = os.read(fd, 65536)
            if not chunk:
                if not self._buffer and not self._dropping:
                    raise EOFError
                self._buffer += b"\n"
                break
            if self._dropping:
                end = chunk.find(b"\n")
                if end < 0:
                    continue
                self._dropping = False
                self._buffer += b"\n" + chunk[end + 1 :]
                break
            self._buffer += chunk
            if b"\n" not in chunk and len(self._buffer) > MAX_LINE_BYTES:
                self._buffer = self._buffer[:MAX_LINE_BYTES]
                self._dropping = True
        raw, _, self._buffer = self._buffer.partition(b"\n")
        return raw[:MAX_LINE_BYTES].decode("utf-8", "replace").rstrip("\r")

    def show_feedback(self, feedback: Feedback) -> None:
        render.session_feedback(feedback, plain=True)

    def read_after_feedback(self) -> str | None:
        return None

    def message(self, text: str, *, style: str = "") -> None:
        render.session_message(text, plain=True)

    def confirm(self, question: str) -> bool:
        render.session_message(question, plain=True)
        return self._readline().strip().lower() in ("y", "yes")


def choose_ui(*, practice: bool, idle_timeout: Callable[[], float | None]) -> TerminalUI | PlainUI:
    """The terminal face when both stdin and stdout are a terminal, else plain lines
    (``idle_timeout`` is asked only then)."""
    if sys.stdin and sys.stdin.isatty() and sys.stdout.isatty():
        return TerminalUI(practice=practice)
    return PlainUI(sys.stdin, practice=practice, idle_timeout=idle_timeout())


def run_session(
    store: Store,
    ui: TerminalUI | PlainUI,
    *,
    clock: Callable[[], dt.datetime],
    utc_offset_minutes: int,
    deck: str | None,
    tag: str | None,
    limit: int | None,
    practice: bool,
) -> SessionSummary | NothingDue:
    """``quizmaster quiz`` on ``ui``: the whole session, timed by the monotonic clock, telling
    the user when another quizmaster holds the database."""
    import time

    store.on_wait = lambda: render.info(
        "Waiting for another quizmaster (an import or a backup) to release the database; "
        "your answer is kept and will be saved..."
    )
    return run_quiz(
        store,
        ui,
        clock=clock,
        timer=time.monotonic,
        utc_offset_minutes=utc_offset_minutes,
        deck=deck,
        tag=tag,
        limit=limit,
        practice=practice,
    )
