"""Everything the user sees in a terminal. The only module that imports Rich.

When stdout is not a terminal Rich drops colours and cursor tricks by itself, so the same
functions print plain text for scripts and pipes.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quizmaster.store import DeckInfo, LoadReport, StoredFact, StoredQuestion

if TYPE_CHECKING:  # models are imported where used: they cost start-up time
    from quizmaster.doctor import DoctorReport
    from quizmaster.models import Question

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
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


def decks_table(decks: Sequence[DeckInfo]) -> None:
    if not decks:
        out().print("No decks yet. Import one with: quizmaster import FILE.yaml")
        return
    table = Table(title="Decks", title_justify="left")
    table.add_column("Deck", style="bold")
    table.add_column("Facts", justify="right")
    table.add_column("Questions", justify="right")
    table.add_column("Source")
    for deck in decks:
        source = " · ".join(x for x in (deck.source_title, deck.source_date) if x)
        table.add_row(escape(deck.name), str(deck.facts), str(deck.questions), escape(source))
    out().print(table)


def facts_table(facts: Sequence[StoredFact]) -> None:
    if not facts:
        out().print("No facts.")
        return
    table = Table(title=f"{len(facts)} facts", title_justify="left")
    table.add_column("ID", style="cyan", overflow="fold", ratio=2)
    table.add_column("Statement", ratio=5)
    table.add_column("Topic")
    table.add_column("Key spans", style="dim")
    for item in facts:
        fact = item.fact
        spans = ", ".join(f"{s.text} ({s.type.value})" for s in fact.spans)
        table.add_row(fact.id, escape(fact.statement), escape(fact.topic), escape(spans))
    out().print(table)


def questions_table(questions: Sequence[StoredQuestion]) -> None:
    if not questions:
        out().print("No questions.")
        return
    table = Table(title=f"{len(questions)} questions", title_justify="left")
    table.add_column("ID", style="cyan", overflow="fold", ratio=2)
    table.add_column("Kind")
    table.add_column("Prompt", ratio=4)
    table.add_column("Answer", style="green", ratio=2)
    for item in questions:
        q = item.question
        table.add_row(q.id, q.kind, escape(q.prompt), escape(q.answer))
    out().print(table)


def load_report(report: LoadReport, *, dry_run: bool = False) -> None:
    verb = "Would import" if dry_run else "Imported"
    out().print(
        f"{verb} deck [bold]{escape(report.deck)}[/bold]: "
        f"facts {len(report.facts_added)} added, {len(report.facts_updated)} updated, "
        f"{len(report.facts_unchanged)} unchanged, {len(report.facts_retired)} retired; "
        f"questions {len(report.questions_added)} added, {len(report.questions_updated)} "
        f"updated, {len(report.questions_unchanged)} unchanged, "
        f"{len(report.questions_retired)} retired."
    )


KIND_LABEL = {
    "short_answer": "Short answer",
    "cloze": "Fill in the blank",
    "mcq": "Multiple choice",
    "true_false": "True or false",
    "statements": "Statements",
    "match": "Match the pairs",
}


def question_body(question: Question) -> Group:
    """The question as the quiz shows it, without the answer."""
    from quizmaster.models import MatchQuestion, StatementsQuestion

    parts: list[Any] = []
    if isinstance(question, StatementsQuestion):
        parts.append(Text(question.prompt))
        for number, statement in enumerate(question.statements, 1):
            parts.append(Text(f"  {number}. {statement}"))
    elif isinstance(question, MatchQuestion):
        parts.append(Text(question.prompt))
        table = Table(show_header=True, box=None, padding=(0, 2))
        table.add_column("List I")
        table.add_column("List II")
        letters = "ABCDEFGH"
        for i in range(max(len(question.left), len(question.right))):
            left = f"{letters[i]}. {question.left[i]}" if i < len(question.left) else ""
            right = f"{i + 1}. {question.right[i]}" if i < len(question.right) else ""
            table.add_row(left, right)
        parts.append(table)
    else:
        parts.append(Text(question.prompt))
    options = question.options
    if options is not None and question.kind != "true_false":
        parts.append(Text(""))
        for index, option in enumerate(options):
            parts.append(Text(f"  {index + 1}) {option}"))
    elif question.kind == "true_false":
        parts.append(Text("\n  t) True    f) False"))
    return Group(*parts)


def question_panel(item: StoredQuestion, *, subtitle: str | None = None) -> Panel:
    q = item.question
    title = f"{KIND_LABEL.get(q.kind, q.kind)} · {escape(item.deck)} · {escape(q.topic)}"
    return Panel(
        question_body(q),
        title=title,
        title_align="left",
        subtitle=subtitle,
        subtitle_align="right",
        border_style="cyan",
    )


def show_question(item: StoredQuestion, *, with_answer: bool = True) -> None:
    """``questions show``: the question as the quiz shows it, then its answer."""
    out().print(question_panel(item, subtitle=item.question.id))
    if with_answer:
        q = item.question
        out().print(Text.assemble(("Answer: ", "bold green"), q.answer))
        if q.explanation:
            out().print(Text.assemble(("Why: ", "bold"), q.explanation))


def dashboard(summary: dict[str, Any]) -> None:
    """The screen of ``quizmaster`` alone: what is due and what to run next."""
    lines = Text()
    lines.append("quizmaster", style="bold cyan")
    lines.append(
        f"  ·  {summary['decks']} decks, {summary['facts']} facts, "
        f"{summary['questions']} questions\n"
    )
    lines.append(f"Due now: {summary['due_now']}    New available: {summary['new_available']}\n")
    lines.append(f"Next: {summary['next_command']}", style="bold")
    out().print(Panel(lines, border_style="cyan"))


# --- doctor (issue 8) ---------------------------------------------------------------------


def doctor_report(report: DoctorReport) -> None:
    """What ``quizmaster doctor`` checked, found and did."""
    console = out()
    mark = {True: Text("ok", style="green"), False: Text("PROBLEM", style="bold red")}
    fk_total = sum(report.foreign_key_errors.values())
    console.print(Text.assemble("Database: ", (report.database, "bold")))
    console.print(Text.assemble("Integrity check: ", mark[report.integrity == ["ok"]]))
    console.print(Text.assemble("Foreign keys: ", mark[fk_total == 0]))
    for what, count in report.orphans.items():
        console.print(Text.assemble(f"{what.capitalize()}: {count} ", mark[count == 0]))
    if report.backup is not None:
        console.print(f"Backup written: {report.backup}")
    if report.size_before is not None and report.size_after is not None:
        console.print(
            f"Compacted: {report.size_before / 1e6:.1f} MB -> {report.size_after / 1e6:.1f} MB"
        )
    for problem in report.problems:
        err().print(Text.assemble(("Problem: ", "bold red"), problem), soft_wrap=True)
    if report.ok:
        console.print(Text("No problems found.", style="green"))
