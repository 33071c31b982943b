"""Decks in and out: the progress bar of a long import or export, an export's closing line, an
import's summary.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from rich.markup import escape

from quizmaster.render.consoles import err, info, out
from quizmaster.render.listings import load_report

if TYPE_CHECKING:  # models and feature modules are imported where used: start-up time
    from rich.progress import TaskID

    from quizmaster.importers import ImportResult


PROGRESS_MIN_ITEMS = 5000
LIST_LIMIT = 20


@contextmanager
def progress_bar(description: str) -> Iterator[Callable[[int, int], None]]:
    """A progress callback ``(done, total)``: a Rich bar on stderr for long jobs when stderr
    is a terminal, otherwise a no-op (pipes and logs stay clean)."""
    if not err().is_terminal:
        yield lambda done, total: None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err(), transient=True) as bar:
        task: list[TaskID] = []

        def update(done: int, total: int) -> None:
            if total < PROGRESS_MIN_ITEMS:
                return
            if not task:
                task.append(bar.add_task(description, total=total))
            bar.update(task[0], completed=done, total=total)

        yield update


def export_done(questions: int, facts: int, output: Any) -> None:
    info(f"Exported {questions} questions and {facts} facts to {output}")


def _id_list(label: str, ids: Sequence[str]) -> None:
    for item in ids[:LIST_LIMIT]:
        out().print(f"  {label} {escape(item)}", soft_wrap=True)
    if len(ids) > LIST_LIMIT:
        out().print(f"  {label} ... and {len(ids) - LIST_LIMIT} more")


def import_result(result: ImportResult, *, dry_run: bool = False) -> None:
    """The import summary per deck; a dry run also lists what would be added and changed."""
    for report in result.decks:
        load_report(report, dry_run=dry_run)
        if dry_run:
            _id_list("+ add   ", report.facts_added + report.questions_added)
            _id_list("~ change", report.facts_updated + report.questions_updated)
            _id_list("- retire", report.facts_retired + report.questions_retired)
            unchanged = len(report.facts_unchanged) + len(report.questions_unchanged)
            out().print(f"  = {unchanged} left alone")
    h = result.history
    if h is not None:
        out().print(
            f"History: cards {h.cards_updated} updated, {h.cards_unchanged} unchanged, "
            f"{h.cards_kept_newer} kept (newer here); reviews {h.reviews_added} added, "
            f"{h.reviews_unchanged} already present; sessions {h.sessions_added} added."
        )
    if result.skipped:
        out().print(f"Skipped ({len(result.skipped)}):")
        for reason in result.skipped[:LIST_LIMIT]:
            out().print(f"  {escape(reason)}", soft_wrap=True)
        if len(result.skipped) > LIST_LIMIT:
            out().print(f"  ... and {len(result.skipped) - LIST_LIMIT} more")
