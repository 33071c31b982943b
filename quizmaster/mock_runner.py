"""Sitting a mock: the input loop between the keyboard (or piped lines) and ``mock.Attempt``.

In a terminal, keys are read one at a time (cbreak mode) with a one-second timeout, so the
countdown on the prompt line ticks and the paper is submitted the moment time is up, even
with no key pressed. With piped stdin, one answer is read per line and the deadline is checked
after each. The clock comes in as ``monotonic`` (seconds), so tests can drive time.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import IO, TYPE_CHECKING, Protocol

from quizmaster import mock, render
from quizmaster.keypress import cbreak, read_key_within
from quizmaster.mock import Attempt, MockResult, Paper
from quizmaster.records import CardState, MockItemRow
from quizmaster.store import Store

if TYPE_CHECKING:
    from quizmaster.invocation import Invocation

Clock = Callable[[], float]

# Keys of the terminal mode. Letters a-d answer, so commands use other letters.
NEXT_KEYS = ("n", "\r", "\n", "right", "down", " ")
PREVIOUS_KEYS = ("p", "left", "up")


class KeySource(Protocol):
    def read(self, timeout: float) -> str | None:
        """One key ("a", "\\r", "left" ...), None when ``timeout`` seconds pass, EOFError at
        end of input."""


class TerminalKeys:
    """Keys from a terminal held in cbreak mode for the whole paper (no echo, no line
    buffering; Ctrl-C still works)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def read(self, timeout: float) -> str | None:
        return read_key_within(self.fd, timeout)


@contextmanager
def answer_source(stdin: IO[str]) -> Iterator[tuple[KeySource | None, IO[str] | None]]:
    """Keys when stdin is a terminal (restored on exit), else the lines of stdin. Without
    termios (Windows) a terminal is read line by line too: type the answer, then Enter."""
    if stdin.isatty() and importlib.util.find_spec("termios") is not None:
        with cbreak(stdin.fileno()):
            yield TerminalKeys(stdin.fileno()), None
    else:
        yield None, stdin


@dataclass
class Outcome:
    attempt: Attempt
    elapsed_s: float
    timed_out: bool


@dataclass
class KeyState:
    """What the terminal loop shows besides the attempt: the input mode ("answer", "goto"
    while typing a question number, "confirm" before submitting), a one-off message, and
    whether the screen needs drawing again."""

    mode: str = "answer"
    typed: str = ""
    message: str = ""
    redraw: bool = True


def handle_key(attempt: Attempt, state: KeyState, key: str) -> bool:
    """Apply one key to the attempt. Returns True when the paper is to be submitted."""
    state.redraw = True
    if key == "\x04":  # Ctrl-D
        return True
    if state.mode == "confirm":
        state.mode = "answer"
        return key.lower() == "y"
    if state.mode == "goto":
        if key.isdigit() or key in ("\x7f", "\b"):
            state.typed = state.typed + key if key.isdigit() else state.typed[:-1]
            state.redraw = False
            return False
        if key in ("\r", "\n"):
            try:
                attempt.go(int(state.typed))
            except ValueError:
                n = len(attempt.paper.items)
                state.message = f"No question {state.typed or '(none)'}: the paper has 1-{n}"
        state.mode, state.typed = "answer", ""
    elif key in NEXT_KEYS:
        attempt.next()
    elif key in PREVIOUS_KEYS:
        attempt.previous()
    elif key == "g":
        state.mode, state.typed, state.redraw = "goto", "", False
    elif key == "m":
        attempt.toggle_mark()
    elif key == "x":
        attempt.answer(None)
    elif key in ("s", "q"):
        state.mode = "confirm"
    else:
        try:
            attempt.answer(mock.parse_choice(key, len(attempt.item.options)))
        except ValueError:
            state.message = f"Key {key!r} does nothing here; see the keys below"
            return False
        if attempt.current == len(attempt.paper.items) - 1:
            state.message = "That was the last question: s to submit, or go back to check"
        attempt.next()
    return False


class HeldInterrupt:
    """Ctrl-C submits the paper, but only while a key is awaited: an interrupt landing in the
    middle of drawing the screen could leave the terminal library holding back everything
    printed after it (the result sheet). One pressed while drawing takes effect at the next
    key wait; one pressed after the paper is submitted is ignored while that is said."""

    def __init__(self) -> None:
        self.pending = False
        self.waiting = False

    def __call__(self, signum: int, frame: object) -> None:
        if self.waiting:
            raise KeyboardInterrupt
        self.pending = True

    def read(self, keys: KeySource, timeout: float) -> str | None:
        if self.pending:
            raise KeyboardInterrupt
        self.waiting = True
        try:
            key = keys.read(timeout)
        finally:
            self.waiting = False
        if self.pending:
            raise KeyboardInterrupt
        return key


@contextmanager
def held_interrupts() -> Iterator[HeldInterrupt]:
    """:class:`HeldInterrupt` as the SIGINT handler (main thread only), restored on exit."""
    held = HeldInterrupt()
    if threading.current_thread() is not threading.main_thread():
        yield held
        return
    previous = signal.signal(signal.SIGINT, held)
    try:
        yield held
    finally:
        signal.signal(signal.SIGINT, previous)


def run_keys(paper: Paper, keys: KeySource, monotonic: Clock) -> Outcome:
    """The terminal paper: navigate, answer, mark, change answers, submit or run out of time.
    Keys are awaited at most a second at a time, so the countdown ticks and time-up submits
    the paper with no key pressed."""
    attempt = Attempt(paper)
    state = KeyState()
    start = monotonic()
    deadline = start + paper.minutes * 60
    timed_out = False
    with held_interrupts() as held:
        try:
            while True:
                remaining = deadline - monotonic()
                if remaining <= 0:
                    timed_out = True
                    break
                if state.redraw:
                    render.mock_screen(attempt, remaining, state.message)
                    state.message, state.redraw = "", False
                render.mock_prompt(attempt, remaining, state.mode, state.typed)
                key = held.read(keys, min(1.0, remaining))
                if key is None:
                    continue
                if monotonic() >= deadline:  # a key pressed after time-up does not count
                    timed_out = True
                    break
                if handle_key(attempt, state, key):
                    break
        except (KeyboardInterrupt, EOFError):
            pass
        render.mock_done(timed_out)
    return Outcome(attempt, min(monotonic() - start, paper.minutes * 60), timed_out)


def run_lines(paper: Paper, lines: IO[str], monotonic: Clock) -> Outcome:
    """The scripted paper: one answer per line (a number 1-4 or a letter a-d; an empty line
    leaves the question unanswered). End of input submits what was answered."""
    attempt = Attempt(paper)
    start = monotonic()
    deadline = start + paper.minutes * 60
    timed_out = False
    try:
        for index, item in enumerate(paper.items):
            remaining = deadline - monotonic()
            if remaining <= 0:
                timed_out = True
                render.info("Time is up: the paper is submitted.")
                break
            attempt.current = index
            render.mock_plain_question(attempt, remaining)
            line = lines.readline()
            if line == "":
                render.info("End of input: the paper is submitted.")
                break
            if monotonic() >= deadline:
                timed_out = True
                render.info("Time is up: that answer came too late; the paper is submitted.")
                break
            text = line.strip()
            choice: int | None = None
            if text:
                try:
                    choice = mock.parse_choice(text, len(item.options))
                except ValueError:
                    render.info(f"Q{item.number}: {text!r} is not an option; left unanswered")
            attempt.answer(choice)
            render.mock_plain_answer(attempt)
    except KeyboardInterrupt:
        pass
    return Outcome(attempt, min(monotonic() - start, paper.minutes * 60), timed_out)


def sit_mock(
    store: Store,
    paper: Paper,
    *,
    now: dt.datetime,
    monotonic: Clock,
    keys: KeySource | None = None,
    lines: IO[str] | None = None,
    deck: str | None = None,
    tag: str | None = None,
) -> MockResult:
    """Open the mock's session, sit the paper (keys or lines), mark it and store it all."""
    session_id = store.start_session(
        "mock",
        started_at=now,
        deck=deck,
        data={
            "exam": paper.exam,
            "questions": len(paper.items),
            "minutes": paper.minutes,
            "seed": paper.seed,
            "tag": tag,
        },
    )
    if keys is not None:
        outcome = run_keys(paper, keys, monotonic)
    elif lines is not None:
        outcome = run_lines(paper, lines, monotonic)
    else:
        raise ValueError("sit_mock needs keys or lines")
    result = mock.grade(
        outcome.attempt,
        started_at=now,
        duration_s=outcome.elapsed_s,
        timed_out=outcome.timed_out,
    )
    ended_at = now + dt.timedelta(seconds=outcome.elapsed_s)
    return save_result(store, result, session_id=session_id, ended_at=ended_at, tag=tag)


def save_result(
    store: Store, result: MockResult, *, session_id: int, ended_at: dt.datetime, tag: str | None
) -> MockResult:
    """Store the marked paper and bring forward the cards of wrongly answered questions, all
    in one transaction, so a quiz answering one of them in another process at the same moment
    is neither lost nor overwritten with a stale card."""
    rows = [
        MockItemRow(
            position=i.item.number,
            question_id=i.item.question.id,
            answer=None if i.answer is None else i.answer + 1,
            correct_answer=i.item.correct_index + 1,
            result=i.result,
            marks=str(i.marks),
            marked=i.marked,
        )
        for i in result.items
    ]
    with store.transaction():
        cards: list[CardState] = []
        for item in result.items:
            if item.result == "wrong":
                moved = mock.bring_forward(store.card(item.item.question.id), ended_at)
                if moved is not None:
                    cards.append(moved)
        result = replace(
            result,
            session_id=session_id,
            brought_forward=tuple(c.question_id for c in cards),
            number=store.mock_number(session_id),
        )
        summary = {k: v for k, v in result.to_json().items() if k != "items"}
        summary["tag"] = tag
        store.finish_mock(session_id, ended_at=ended_at, data=summary, items=rows, cards=cards)
    return result


@dataclass(frozen=True)
class MockRequest:
    """A mock's options as the command line gave them."""

    exam: str = "upsc"
    questions: int | None = None
    minutes: float | None = None
    deck: str | None = None
    tag: str | None = None
    seed: int | None = None
    correct: str | None = None
    wrong: str | None = None
    as_json: bool = False


def run_mock(request: MockRequest, invocation: Invocation) -> MockResult:
    """Check the options, draw the paper, sit it on the environment's streams and clock,
    and return it marked and saved in the invocation's database."""
    from quizmaster.boundary_checks import check_name, check_number

    check_number(request.minutes, "--minutes", low=0.01, high=24 * 60)
    check_name(request.deck, "--deck")
    marking = mock.marking_for(request.exam, request.correct, request.wrong)
    seed = request.seed
    if seed is None:  # a fresh paper, whose seed the result sheet shows so it can be repeated
        import secrets

        seed = secrets.randbelow(1_000_000)
    env = invocation.env
    # The paper goes to stderr when stdout must stay clean (JSON) or is not the screen.
    render.mock_to_stderr(request.as_json or (env.stdin_is_terminal and not env.stdout_is_terminal))
    with invocation.open_store() as store:
        store.on_wait = lambda: render.info(
            "Waiting for another quizmaster (an import or a backup) to release the database; "
            "your answers are kept and will be saved..."
        )
        pool = store.mock_pool(request.deck, request.tag)
        paper = mock.assemble_paper(
            pool, marking, questions=request.questions, minutes=request.minutes, seed=seed
        )
        with answer_source(env.stdin) as (keys, lines):
            return sit_mock(
                store,
                paper,
                now=env.now(),
                monotonic=env.monotonic,
                keys=keys,
                lines=lines,
                deck=request.deck,
                tag=request.tag,
            )
