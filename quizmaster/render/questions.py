"""A question as the quiz shows it: its body, its card (kind label, topic, title), ``questions
show``, and the hint of how to answer it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quizmaster.records import StoredQuestion
from quizmaster.render.consoles import out

if TYPE_CHECKING:  # models and feature modules are imported where used: start-up time
    from quizmaster.models import Question


KIND_LABEL = {
    "short_answer": "Short answer",
    "cloze": "Fill in the blank",
    "mcq": "Multiple choice",
    "true_false": "True or false",
    "statements": "Statements",
    "match": "Match the pairs",
}


def _para(text: str, style: str = "") -> Text:
    # Wraps even when stdout is a pipe (the console then soft-wraps, which would crop a panel).
    return Text(text, style=style, no_wrap=False, overflow="fold")


def _numbered(items: Sequence[tuple[str, str]]) -> Table:
    """Numbered lines with a hanging indent: "  1. long text" wraps under "long"."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, text in items:
        grid.add_row(f"  {label}", _para(text))
    return grid


def question_body(question: Question) -> Group:
    """The question as the quiz shows it, without the answer.

    Statements and match prompts carry the whole question as text (for exports); here the
    numbered statements and the two lists are laid out from the structured fields instead.
    """
    from quizmaster.models import MatchQuestion, StatementsQuestion

    parts: list[Any] = []
    lines = question.prompt.splitlines() or [""]
    if isinstance(question, StatementsQuestion):
        parts.append(_para(lines[0]))
        parts.append(_numbered([(f"{n}.", st) for n, st in enumerate(question.statements, 1)]))
        if len(lines) > 1:
            parts.append(_para(lines[-1], style="bold"))
    elif isinstance(question, MatchQuestion):
        parts.append(_para(lines[0]))
        table = Table(show_header=True, box=None, padding=(0, 2))
        table.add_column("List I")
        table.add_column("List II")
        letters = "ABCDEFGH"
        for i in range(max(len(question.left), len(question.right))):
            left = f"{letters[i]}. {question.left[i]}" if i < len(question.left) else ""
            right = f"{i + 1}. {question.right[i]}" if i < len(question.right) else ""
            table.add_row(left, right)
        parts.append(table)
        if len(lines) > 1:
            parts.append(_para(lines[-1], style="bold"))
    else:
        parts.append(_para(question.prompt))
    options = question.options
    if options is not None and question.kind != "true_false":
        parts.append(_para(""))
        parts.append(_numbered([(f"{i + 1})", option) for i, option in enumerate(options)]))
    elif question.kind == "true_false":
        parts.append(_para("\n  t) True    f) False"))
    return Group(*parts)


LABEL_WORD_RE = re.compile(r"[^\W_]{3,}")


def hides_answer(label: str, question: Question) -> str:
    """The topic label as a card may show it: empty when it holds a word of the answer
    ("Chess, 71st" over "the _____ Grand Master"). Cards show no deck name: an ingested deck
    is named after the names its article speaks of most, which other cards ask for."""
    if question.kind in ("true_false", "statements", "match"):
        return label
    answer = {w.casefold() for w in LABEL_WORD_RE.findall(question.answer)}
    shown = {w.casefold() for w in LABEL_WORD_RE.findall(label)}
    return "" if answer & shown else label


def card_title(*parts: str, sep: str = "  ·  ") -> str:
    """Card header chips joined, empty ones left out."""
    return sep.join(part for part in parts if part)


def question_panel(item: StoredQuestion, *, subtitle: str | None = None) -> Panel:
    q = item.question
    title = card_title(KIND_LABEL.get(q.kind, q.kind), escape(hides_answer(q.topic, q)), sep=" · ")
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
        if q.accepted:
            out().print(Text.assemble(("Also accepted: ", "bold"), ", ".join(q.accepted)))
        if q.explanation:
            out().print(Text.assemble(("Why: ", "bold"), q.explanation))


def answer_hint(question: Question) -> str:
    """How a quiz takes the answer (keys or typing), as its card and reminders say it."""
    options = question.options
    if question.kind == "true_false":
        return "t / f · ? don't know"
    if options is not None:
        return f"1-{len(options)} or a-{'abcdefgh'[len(options) - 1]} · ? don't know"
    return "type the answer, Enter · ? don't know"
