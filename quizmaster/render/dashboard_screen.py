"""The dashboard: the screen of ``quizmaster`` alone.

(Not ``dashboard.py``: the package exports the function ``dashboard``, which would hide a
submodule of that name.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.panel import Panel
from rich.text import Text

from quizmaster.render.consoles import out
from quizmaster.render.plural import _count, _days

if TYPE_CHECKING:  # models and feature modules are imported where used: start-up time
    from quizmaster.reports import Dashboard


def dashboard(summary: Dashboard) -> None:
    """The screen of ``quizmaster`` alone: what is due and what to run next."""
    lines = Text()
    lines.append("quizmaster", style="bold cyan")
    lines.append(
        f"  ·  {_count(summary.decks, 'deck')}, {summary.facts} facts, "
        f"{summary.questions} questions\n"
    )
    lines.append(f"Due now: {summary.due_now}    New available: {summary.new_available}\n")
    lines.append(f"New today: {summary.new_today}    Streak: {_days(summary.streak_days)}\n")
    days = summary.days_to_exam
    if days is not None and days >= 0:
        when = "today" if days == 0 else f"in {_days(days)}"
        lines.append(f"Exam {summary.exam_date}: {when}\n")
    lines.append(f"Next: {summary.next_command}", style="bold")
    out().print(Panel(lines, border_style="cyan"))
