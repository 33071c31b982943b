"""The environment object: the clock, the zone, the streams and the idle timeout, read from
a mapping and streams a test hands it, never from the process."""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Iterator

import pytest

from quizmaster.environment import Environment, read_clock
from quizmaster.errors import UsageError

UTC = dt.timezone.utc
SYSTEM_MOMENT = dt.datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def fixed() -> dt.datetime:
    return SYSTEM_MOMENT


def test_a_pinned_moment_sets_the_clock_and_the_zone() -> None:
    env = Environment(environ={"QUIZMASTER_NOW": "2026-11-24T09:00:00+05:30"}, clock=fixed)
    moment = env.now()
    assert moment == dt.datetime(2026, 11, 24, 3, 30, tzinfo=UTC)
    assert env.utc_offset(moment) == 330
    assert read_clock(env.environ) == (moment, 330)


def test_a_naive_pinned_moment_is_utc() -> None:
    env = Environment(environ={"QUIZMASTER_NOW": " 2026-11-24T09:00 "})
    assert read_clock(env.environ) == (dt.datetime(2026, 11, 24, 9, 0, tzinfo=UTC), 0)


def test_without_a_pin_the_clock_is_asked() -> None:
    assert Environment(environ={}, clock=fixed).now() == SYSTEM_MOMENT


def test_a_malformed_pin_names_the_variable() -> None:
    with pytest.raises(UsageError, match="QUIZMASTER_NOW='yesterday'"):
        Environment(environ={"QUIZMASTER_NOW": "yesterday"}).now()


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, None),
        ({"CI": "true"}, 10.0),
        ({"CI": "1"}, 10.0),
        ({"CI": "false"}, None),
        ({"CI": "0"}, None),
        ({"CI": "true", "QUIZMASTER_IDLE_TIMEOUT": "2.5"}, 2.5),
        ({"QUIZMASTER_IDLE_TIMEOUT": "30"}, 30.0),
    ],
)
def test_idle_timeout(environ: dict[str, str], expected: float | None) -> None:
    assert Environment(environ=environ, windows=False).idle_timeout() == expected


def test_no_idle_timeout_on_windows() -> None:
    assert Environment(environ={"CI": "true"}, windows=True).idle_timeout() is None


@pytest.mark.parametrize("value", ["soon", "0", "-1", "nan", "1e9"])
def test_a_bad_idle_timeout_names_the_variable(value: str) -> None:
    with pytest.raises(UsageError, match="QUIZMASTER_IDLE_TIMEOUT"):
        Environment(environ={"QUIZMASTER_IDLE_TIMEOUT": value}, windows=False).idle_timeout()


def test_pipes_are_not_interactive() -> None:
    env = Environment(stdin=io.StringIO("a\n"), stdout=io.StringIO())
    assert not env.stdin_is_terminal
    assert not env.interactive


@pytest.fixture
def terminal() -> Iterator[io.TextIOWrapper]:
    master, slave = os.openpty()
    stream = open(slave, "w", closefd=True)  # noqa: SIM115 - closed below
    try:
        yield stream
    finally:
        stream.close()
        os.close(master)


def test_a_terminal_on_both_ends_is_interactive(terminal: io.TextIOWrapper) -> None:
    assert Environment(stdin=terminal, stdout=terminal).interactive
    # Keys in but output piped (quizmaster quiz > log): a terminal in, no screen out.
    piped = Environment(stdin=terminal, stdout=io.StringIO())
    assert piped.stdin_is_terminal
    assert not piped.interactive


def test_a_closed_stream_is_no_terminal(terminal: io.TextIOWrapper) -> None:
    stdin = io.StringIO()
    stdin.close()
    assert not Environment(stdin=stdin, stdout=terminal).interactive
