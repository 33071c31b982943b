"""The boundary checks every external value passes: text shown on a terminal, cells written
to a spreadsheet, moments and numbers from the environment or the command line. Pure; the
callers pass the values in and turn the UsageError into one line."""

from __future__ import annotations

import datetime as dt
import math
import re

from quizmaster.errors import UsageError

# Moments outside these years are typos or attacks; inside them every date sum the scheduler
# does (due dates years ahead, day counts back) stays within ``datetime``'s range.
MIN_YEAR = 1970
MAX_YEAR = 2199
EARLIEST = dt.datetime(MIN_YEAR, 1, 1, tzinfo=dt.timezone.utc)
LATEST = dt.datetime(MAX_YEAR, 12, 31, 23, 59, 59, tzinfo=dt.timezone.utc)

# Control characters but tab and newline (C0, DEL, C1: ESC and CSI start every terminal escape
# sequence) and lone surrogates (bytes that were not valid UTF-8).
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _replace(match: re.Match[str]) -> str:
    return "\n" if match.group() == "\r" else "\ufffd"


def clean_text(text: str) -> str:
    """``text`` safe to show on a terminal: every control character but tab and newline
    becomes U+FFFD (a carriage return a newline), so no escape sequence can retitle, clear or
    recolour the terminal. Character by character, so a span cleaned alone still occurs in
    its statement cleaned alone; a non-blank text stays non-blank. Cheap when clean."""
    return _UNSAFE.sub(_replace, text) if _UNSAFE.search(text) else text


def clean_answer(text: str) -> str:
    """A typed answer as stored and shown: no control sequences, valid UTF-8 (a byte from a
    Latin-1 terminal becomes U+FFFD), at most MAX_ANSWER_CHARS characters."""
    return clean_text(text[: MAX_ANSWER_CHARS * 2])[:MAX_ANSWER_CHARS]


def has_controls(text: str) -> bool:
    return _UNSAFE.search(text) is not None


# A cell starting with one of these is a formula to a spreadsheet (OWASP: CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A value for a CSV cell: text that a spreadsheet would run as a formula gets a leading
    apostrophe (numbers stay numbers); control sequences go."""
    if not isinstance(value, str):
        return value
    text = clean_text(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def check_moment(moment: dt.datetime, what: str) -> dt.datetime:
    """``moment`` when it lies between 1970 and 2199, else a UsageError naming ``what``."""
    if not EARLIEST <= moment <= LATEST:
        raise UsageError(f"{what}: {moment.date()} is out of range ({MIN_YEAR}-{MAX_YEAR})")
    return moment


def parse_moment(text: str, what: str) -> dt.datetime:
    """An ISO-8601 moment (naive means UTC) in range, or a UsageError naming ``what``."""
    shown = text if len(text) <= 40 else text[:37] + "..."
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(
            f"{what}={shown!r} is not an ISO-8601 time like 2026-11-24T09:00:00+05:30"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    try:
        return check_moment(moment, what)
    except OverflowError:  # pragma: no cover - fromisoformat keeps years in 1..9999
        raise UsageError(f"{what}={shown!r} is out of range") from None


def parse_seconds(text: str, what: str, *, low: float, high: float) -> float:
    """A finite number of seconds in [low, high], or a UsageError naming ``what``."""
    shown = text if len(text) <= 40 else text[:37] + "..."
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and low <= value <= high):
        raise UsageError(f"{what}={shown!r} must be a number of seconds from {low:g} to {high:g}")
    return value


def check_number(value: float | None, option: str, *, low: float, high: float) -> None:
    """A finite option value in [low, high] (None: not given), else a UsageError."""
    if value is None:
        return
    if not (math.isfinite(value) and low <= value <= high):
        raise UsageError(f"{option} must be a number from {low:g} to {high:g}, not {value:g}")


MAX_NAME_CHARS = 200
# An answer typed at a prompt: longer lines are cut (and read in bounded time).
MAX_ANSWER_CHARS = 2000


def check_name(value: str | None, option: str) -> None:
    """A deck name typed on the command line: 1-200 characters, no control characters."""
    if value is None:
        return
    if not value.strip():
        raise UsageError(f"{option} must not be empty")
    if len(value) > MAX_NAME_CHARS:
        raise UsageError(f"{option} is longer than {MAX_NAME_CHARS} characters")
    if has_controls(value):
        raise UsageError(f"{option} must not contain control characters")
