"""What a command knows of the world outside it, read in one place: the clock and the user's
zone, a monotonic timer, the standard streams, whether a person is at the terminal, how long
to wait for piped input, and the database the environment names.

The CLI builds one :class:`Environment` from the process (:meth:`Environment.from_os`) and
hands it to the commands and runners; a test builds one from a dict and its own streams. The
core below never reads the clock, the terminal or ``os.environ`` itself. Stdlib only: the
fast start-up paths import this module too.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import IO, TextIO

NOW_VAR = "QUIZMASTER_NOW"
IDLE_TIMEOUT_VAR = "QUIZMASTER_IDLE_TIMEOUT"
# Piped input idle this long counts as ended in CI: a never-closed stdin must not hang a job.
CI_IDLE_TIMEOUT_S = 10.0


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def read_clock(
    environ: Mapping[str, str], clock: Callable[[], dt.datetime] = system_clock
) -> tuple[dt.datetime, int]:
    """The moment and the user's UTC offset in minutes. ``QUIZMASTER_NOW`` (ISO-8601) pins
    both for scripted runs: its own offset is the zone; otherwise the system's local zone at
    that moment. A malformed value is a UsageError naming the variable."""
    pinned = environ.get(NOW_VAR, "").strip()
    if pinned:
        from quizmaster.boundary_checks import parse_moment

        moment = parse_moment(pinned, NOW_VAR)
    else:
        moment = clock()
    return moment, utc_offset_at(environ, moment)


def utc_offset_at(environ: Mapping[str, str], moment: dt.datetime) -> int:
    """The user's zone for calendar days (streaks, heatmap) in minutes east of UTC: the
    offset written in a pinned ``QUIZMASTER_NOW``, else the system's zone at ``moment``."""
    zoned = moment if environ.get(NOW_VAR, "").strip() else moment.astimezone()
    offset = zoned.utcoffset()
    return 0 if offset is None else int(offset.total_seconds() // 60)


def _is_tty(stream: IO[str] | None) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError, OSError):  # closed or replaced streams
        return False


@dataclass(frozen=True)
class Environment:
    """The process's surroundings, as one value a command passes on."""

    environ: Mapping[str, str] = field(default_factory=dict)
    stdin: TextIO = field(default_factory=lambda: sys.stdin)
    stdout: IO[str] = field(default_factory=lambda: sys.stdout)
    stderr: IO[str] = field(default_factory=lambda: sys.stderr)
    clock: Callable[[], dt.datetime] = system_clock
    # Seconds for durations and deadlines (a mock's time limit, a quiz answer's time).
    monotonic: Callable[[], float] = time.monotonic
    windows: bool = os.name == "nt"

    @classmethod
    def from_os(cls) -> Environment:
        return cls(environ=os.environ, stdin=sys.stdin, stdout=sys.stdout, stderr=sys.stderr)

    def now(self) -> dt.datetime:
        """The current moment (aware, UTC unless pinned with an offset)."""
        return read_clock(self.environ, self.clock)[0]

    def utc_offset(self, moment: dt.datetime) -> int:
        """:func:`utc_offset_at` ``moment``."""
        return utc_offset_at(self.environ, moment)

    @property
    def stdin_is_terminal(self) -> bool:
        return _is_tty(self.stdin)

    @property
    def stdout_is_terminal(self) -> bool:
        return _is_tty(self.stdout)

    @property
    def interactive(self) -> bool:
        """A person at a terminal on both ends: keys in, a screen out."""
        return self.stdin_is_terminal and self.stdout_is_terminal

    def idle_timeout(self) -> float | None:
        """Seconds without input after which piped input counts as ended: in CI 10 s, or
        ``QUIZMASTER_IDLE_TIMEOUT``; None elsewhere, and on Windows, where select() cannot
        wait on a pipe."""
        if self.windows:
            return None
        value = self.environ.get(IDLE_TIMEOUT_VAR, "").strip()
        if value:
            from quizmaster.boundary_checks import parse_seconds

            return parse_seconds(value, IDLE_TIMEOUT_VAR, low=0.01, high=86_400)
        in_ci = self.environ.get("CI", "").strip().lower() not in ("", "0", "false")
        return CI_IDLE_TIMEOUT_S if in_ci else None
