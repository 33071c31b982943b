"""The consoles (stdout, stderr, and plain text for scripted sessions), error and status
lines, and output that is data: JSON, CSV, an exported file, a prompt.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.text import Text

if TYPE_CHECKING:  # models and feature modules are imported where used: start-up time
    from quizmaster.reports import HistoryRow


_out: Console | None = None
_err: Console | None = None


def out() -> Console:
    global _out
    if _out is None:
        _out = Console(highlight=False, soft_wrap=not sys.stdout.isatty())
    return _out


def err() -> Console:
    global _err
    if _err is None:
        _err = Console(stderr=True, highlight=False)
    return _err


def error(message: str) -> None:
    """One line on stderr: ``Error: <message>``."""
    err().print(Text.assemble(("Error: ", "bold red"), message), soft_wrap=True)


def info(message: str) -> None:
    """A status line on stderr, so stdout stays clean for data."""
    err().print(Text(message, style="dim"), soft_wrap=True)


def json_out(data: Any) -> None:
    """Machine-readable output: exactly one JSON document on stdout."""
    from quizmaster import json_writer

    json_writer.json_out(data)


_plain: Console | None = None


def plain_out() -> Console:
    """A console that never colours nor moves the cursor: scripted sessions."""
    global _plain
    if _plain is None or _plain.file is not sys.stdout:  # stdout replaced (tests, embedding)
        _plain = Console(
            file=sys.stdout,
            force_terminal=False,
            no_color=True,
            highlight=False,
            markup=False,
            emoji=False,
            soft_wrap=True,
        )
    return _plain


def prompt(message: str, *, style: str = "") -> None:
    """A prompt on stdout with no newline, flushed so it shows before input is read."""
    out().print(message, end="", markup=False, highlight=False, style=style or None)
    out().file.flush()


def raw_out(chunks: Iterable[str]) -> None:
    """An exported file on stdout, streamed as produced."""
    for chunk in chunks:
        sys.stdout.write(chunk)
    sys.stdout.flush()


def csv_out(rows: Sequence[HistoryRow]) -> None:
    """Rows as CSV on stdout, a header line first (nothing but the header when empty)."""
    import csv

    from quizmaster.boundary_checks import csv_cell
    from quizmaster.reports import HISTORY_FIELDS

    writer = csv.DictWriter(sys.stdout, fieldnames=HISTORY_FIELDS, lineterminator="\n")
    writer.writeheader()
    # A deck named "=HYPERLINK(...)" must reach a spreadsheet as text, not as a formula.
    writer.writerows({k: csv_cell(v) for k, v in row.to_json().items()} for row in rows)
    sys.stdout.flush()
