"""The listings as tables: decks, suspended questions, facts, questions, settings, and what a
load of a facts file did.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from quizmaster.records import CardState, DeckInfo, LoadReport, StoredFact, StoredQuestion
from quizmaster.render.consoles import info, out

if TYPE_CHECKING:  # models and feature modules are imported where used: start-up time
    from quizmaster.question_listing import QuestionPage
    from quizmaster.reports import SettingsListing


def _shown(text: str) -> str:
    """Stored text for a table cell: no control sequences, no Rich markup."""
    from quizmaster.boundary_checks import clean_text

    return escape(clean_text(text))


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
        name = _shown(deck.name) + (" [yellow](paused)[/]" if deck.paused else "")
        table.add_row(name, str(deck.facts), str(deck.questions), _shown(source))
    out().print(table)


def suspended_table(rows: Sequence[tuple[StoredQuestion, CardState]]) -> None:
    """``questions list --suspended``: what is held back, and how to bring it back."""
    if not rows:
        out().print("No suspended questions.")
        return
    table = Table(title=f"{len(rows)} suspended", title_justify="left")
    table.add_column("ID", style="cyan", overflow="fold", ratio=2)
    table.add_column("Question", ratio=5)
    table.add_column("Why")
    for stored, card in rows:
        why = f"leech ({card.lapses} lapses)" if card.leech else "suspended"
        prompt_text = stored.question.prompt.strip().splitlines()[0]
        table.add_row(stored.question.id, escape(prompt_text), why)
    out().print(table)
    out().print(
        "Bring back: quizmaster questions unsuspend ID (or --all-leeches, --all)",
        markup=False,
        soft_wrap=True,
    )


def facts_table(facts: Sequence[StoredFact]) -> None:
    from quizmaster.boundary_checks import clean_text

    if not facts:
        out().print("No facts.")
        return
    # Two columns, not four: at 80 columns a statement keeps a readable width and an id up
    # to 30 characters stays whole. Under each id its topic; under each statement its keys.
    table = Table(title=f"{len(facts)} facts", title_justify="left", box=box.SIMPLE_HEAD, leading=1)
    table.add_column("Fact · topic", overflow="fold", max_width=30)
    table.add_column("Statement · key spans", ratio=1)
    for item in facts:
        fact = item.fact
        spans = ", ".join(f"{s.text} ({s.type.value})" for s in fact.spans)
        about = Text.assemble((clean_text(fact.id), "cyan"), "\n", (fact.topic, "dim"))
        told = Text.assemble(fact.statement, "\n", (spans, "dim"))
        table.add_row(about, told)
    out().print(table)


def _question_blocks(
    questions: Sequence[StoredQuestion], *, total: int | None = None, first: int = 1
) -> None:
    """The questions, a block each: the id (whole, on a line of its own, ready for
    `questions show`) and kind, then the prompt and answer, which wrap at any width;
    ``total`` and ``first`` (its 1-based position) when ``questions`` is one page of a
    longer listing."""
    from rich.padding import Padding

    from quizmaster.boundary_checks import clean_text
    from quizmaster.render.questions import KIND_LABEL

    if not questions:
        out().print("No questions.")
        return
    count = len(questions) if total is None else total
    noun = "question" if count == 1 else "questions"
    console = out()
    console.print(Text(f"{count} {noun}", style="italic"))
    for item in questions:
        q = item.question
        kind = KIND_LABEL.get(q.kind, q.kind)
        console.print(Text.assemble("\n", (clean_text(q.id), "cyan"), (f"  ·  {kind}", "dim")))
        asked = Text.assemble(
            q.prompt, "\n", ("Answer: ", "dim"), (q.answer, "green"), no_wrap=False
        )
        console.print(Padding(asked, (0, 0, 0, 2), expand=False), soft_wrap=False)
    if total is not None and total > len(questions):
        last = first + len(questions) - 1
        out().print(Text(f"\nQuestions {first}-{last} of {total}.", style="dim"))


def question_page(page: QuestionPage) -> None:
    """One page of ``questions list``: the questions, and the command for the next page."""
    if not page.paged:
        _question_blocks(page.items)
        return
    _question_blocks(page.items, total=page.total, first=page.first)
    if page.page < page.pages:
        info(f"Next page: quizmaster questions list --page {page.page + 1}")


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
    if report.facts_moved:
        out().print(
            f"{len(report.facts_moved)} facts moved here from "
            f"{', '.join(repr(d) for d in report.decks_emptied)}, with their history.",
            markup=False,
        )


def settings_table(listing: SettingsListing) -> None:
    """``config``: each setting, its value, and whether it is the default."""
    table = Table(title="Settings", title_justify="left")
    table.add_column("Key", style="cyan")
    table.add_column("Value")
    table.add_column("", style="dim")
    for setting in listing.settings:
        value = setting.value
        shown = (
            "none"
            if value is None
            else json.dumps(list(value))
            if isinstance(value, tuple)
            else value
        )
        table.add_row(setting.key, escape(str(shown)), "default" if setting.is_default else "")
    out().print(table)
