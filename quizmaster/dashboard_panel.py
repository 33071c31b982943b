"""The dashboard's panel drawn without Rich (issue 8, perf): importing Rich costs ~20 ms,
a fifth of the dashboard's start-up. Same look as ``render.dashboard`` (a test holds the
two equal); anything unusual (a narrow terminal, colour settings) falls back to Rich."""

from __future__ import annotations

import os
import shutil
import sys
from typing import Any, TextIO

BOLD_CYAN = "\x1b[1;36m"
CYAN = "\x1b[36m"
BOLD = "\x1b[1m"
RESET = "\x1b[0m"
_COLOUR_SETTINGS = (
    "NO_COLOR",
    "FORCE_COLOR",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "JUPYTER_COLUMNS",
)


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def panel_lines(summary: dict[str, Any]) -> list[list[tuple[str, str]]]:
    """The panel's lines as (text, style) runs; the wording of ``render.dashboard``."""
    lines: list[list[tuple[str, str]]] = [
        [
            ("quizmaster", BOLD_CYAN),
            (
                f"  ·  {summary['decks']} decks, {summary['facts']} facts, "
                f"{summary['questions']} questions",
                "",
            ),
        ],
        [(f"Due now: {summary['due_now']}    New available: {summary['new_available']}", "")],
    ]
    if "streak_days" in summary:
        lines.append(
            [(f"New today: {summary['new_today']}    Streak: {_days(summary['streak_days'])}", "")]
        )
        days = summary.get("days_to_exam")
        if days is not None and days >= 0:
            when = "today" if days == 0 else f"in {_days(days)}"
            lines.append([(f"Exam {summary['exam_date']}: {when}", "")])
    lines.append([(f"Next: {summary['next_command']}", BOLD)])
    return lines


def _width(stream: TextIO, tty: bool) -> int:
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if tty:
        try:
            return os.get_terminal_size(stream.fileno()).columns
        except (OSError, ValueError):
            return shutil.get_terminal_size().columns
    return 80


def draw(summary: dict[str, Any], stream: TextIO | None = None) -> bool:
    """Print the panel; False (nothing printed) when Rich should draw it instead."""
    stream = stream or sys.stdout
    if any(os.environ.get(name) for name in _COLOUR_SETTINGS):
        return False
    try:
        tty = stream.isatty()
    except ValueError:
        return False
    term = os.environ.get("TERM", "").lower()
    if tty and term in ("", "dumb", "unknown"):
        return False
    width = _width(stream, tty)
    inner = width - 4
    lines = panel_lines(summary)
    if inner < 20 or any(sum(len(text) for text, _ in line) > inner for line in lines):
        return False
    if (stream.encoding or "").lower().replace("-", "") not in ("utf8", "utf8sig"):
        return False

    def paint(text: str, style: str) -> str:
        return f"{style}{text}{RESET}" if tty and style and text else text

    bar = paint("│", CYAN)
    out = [paint("╭" + "─" * (width - 2) + "╮", CYAN)]
    for line in lines:
        used = sum(len(text) for text, _ in line)
        body = "".join(paint(text, style) for text, style in line) + " " * (inner - used)
        out.append(f"{bar} {body} {bar}")
    out.append(paint("╰" + "─" * (width - 2) + "╯", CYAN))
    stream.write("\n".join(out) + "\n")
    stream.flush()
    return True
