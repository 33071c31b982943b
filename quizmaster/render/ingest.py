"""``ingest``: each candidate fact and the questions it makes under review, the dry run's
preview, the report.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quizmaster.records import LoadReport
from quizmaster.render.consoles import info, out
from quizmaster.render.listings import load_report
from quizmaster.render.questions import KIND_LABEL


def _highlighted(fact: Any) -> Text:
    text = Text(fact.statement)
    for span in fact.spans:
        start = fact.statement.find(span.text)
        if start >= 0:
            text.stylize("bold yellow", start, start + len(span.text))
    return text


def review_fact(index: int, total: int, fact: Any) -> None:
    """One candidate fact during ``ingest --review``: the statement with its key answers."""
    answers = ", ".join(f"{s.text} ({s.type.value})" for s in fact.spans)
    body = Group(_highlighted(fact), Text(f"Asks about: {answers}", style="dim"))
    if fact.question:
        body = Group(body, Text(f"Question: {fact.question}", style="dim"))
    out().print(
        Panel(body, title=f"Fact {index}/{total} · {escape(fact.topic)}", title_align="left"),
        soft_wrap=False,  # piped answers still see the whole statement, wrapped in its box
    )


def review_questions(questions: Sequence[tuple[str, str, str]], why_none: str = "") -> None:
    """The questions a fact will produce, under it in ``ingest --review`` (or why none)."""
    if not questions:
        reason = f": {why_none}" if why_none else ""
        out().print(f"  It yields no question on its own{reason}.", style="yellow")
        return
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(overflow="fold")
    for kind, prompt_text, answer in questions:
        lines = prompt_text.strip().splitlines()
        grid.add_row(
            f"  {KIND_LABEL.get(kind, kind)}:",
            Text.assemble(lines[0] if lines else "", ("  → " + answer, "dim")),
        )
    if not questions:
        out().print(
            Text(
                "  Questions it makes: none that passes the quality gate (e to edit, d to drop).",
                style="dim",
            )
        )
        return
    out().print(Text(f"  Questions it makes ({len(questions)}):", style="dim"))
    out().print(grid)


def ingest_preview(yaml_text: str, summary: str) -> None:
    """``ingest --dry-run``: the facts file that would be written (stdout, whole YAML ending
    in a newline), then what would happen (stderr, after a blank line, so the two read apart
    on a terminal and ``> file`` keeps only the YAML)."""
    sys.stdout.write(yaml_text if yaml_text.endswith("\n") else yaml_text + "\n")
    sys.stdout.flush()
    info("\n" + summary)


def ingest_report(report: LoadReport, saved_to: str) -> None:
    load_report(report)
    out().print(f"Facts saved to {escape(saved_to)}", soft_wrap=True)
