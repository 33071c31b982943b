"""The command line. Each command parses options, calls one core function and renders the
result; domain errors become a one-line message and exit code 2."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from typer.core import TyperGroup

from quizmaster.errors import QuizmasterError

if TYPE_CHECKING:
    from quizmaster.store import Store


class _Group(TyperGroup):
    """Turns domain errors raised anywhere under the app into a clean message and exit code."""

    def invoke(self, ctx: Any) -> Any:  # click's Context, vendored or not by Typer
        try:
            return super().invoke(ctx)
        except QuizmasterError as exc:
            from quizmaster import render

            render.error(str(exc))
            raise typer.Exit(int(exc.exit_code)) from None


app = typer.Typer(
    cls=_Group,
    help="Turn current-affairs articles into exam questions and remember them with spaced "
    "repetition.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
)
facts_app = typer.Typer(help="The facts stored in your decks.", no_args_is_help=True)
questions_app = typer.Typer(help="The questions generated from your facts.", no_args_is_help=True)
app.add_typer(facts_app, name="facts")
app.add_typer(questions_app, name="questions")

# `Optional[...]` rather than `X | None`: Typer evaluates these at runtime on Python 3.10.
DbOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--db",
        help="Database file (default: $QUIZMASTER_DB or the user data directory).",
        show_default=False,
        # No dir_okay=False: Store.open says "is a directory" in one line (issue 8).
    ),
]
DeckOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--deck", "-d", help="Only this deck (by name).", show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON on stdout, nothing else.")]


def now() -> dt.datetime:
    """The clock, read in one place. ``QUIZMASTER_NOW`` (ISO-8601) pins it for scripted runs."""
    pinned = os.environ.get("QUIZMASTER_NOW", "").strip()
    if pinned:
        moment = dt.datetime.fromisoformat(pinned)
        return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc)


def open_store(db: Path | None) -> Store:
    """Open the database (``--db``, else ``$QUIZMASTER_DB``, else the user data dir); a new
    database gets the built-in deck."""
    from quizmaster.importers import ensure_builtin_deck
    from quizmaster.paths import default_db_path
    from quizmaster.store import Store

    store = Store.open(db or default_db_path(), now=now())
    try:
        ensure_builtin_deck(store, now=now())
    except BaseException:
        store.close()
        raise
    return store


@app.callback(invoke_without_command=True)
def dashboard(ctx: typer.Context, db: DbOption = None, as_json: JsonOption = False) -> None:
    """Today's dashboard: what is due, what is new, and what to run next.

    Example: quizmaster
    """
    if ctx.invoked_subcommand is not None:
        if db is not None:
            ctx.obj = {"db": db}
        return
    from quizmaster import render

    with open_store(db) as store:
        summary: dict[str, Any] = store.totals()
        summary["due_now"] = store.count_due(now())
        summary["new_available"] = store.count_new()
    summary["next_command"] = (
        "quizmaster quiz"
        if summary["due_now"] or summary["new_available"]
        else "quizmaster import FILE.yaml"
    )
    if as_json:
        render.json_out(summary)
    else:
        render.dashboard(summary)


def _db(ctx: typer.Context, db: Path | None) -> Path | None:
    """``--db`` given after the command wins over one given before it."""
    if db is not None:
        return db
    parent = ctx.find_root().obj
    return parent.get("db") if isinstance(parent, dict) else None


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A facts YAML file.", show_default=False)],
    deck: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--deck", "-d", help="Deck name (default: the file's 'deck').", show_default=False
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would change.")] = False,
    db: DbOption = None,
) -> None:
    """Import a deck; re-importing an edited file updates it in place, keeping history.

    Example: quizmaster import my-facts.yaml --deck "Polity"
    """
    from quizmaster import render
    from quizmaster.importers import import_file

    with open_store(_db(ctx, db)) as store:
        report = import_file(store, file, now=now(), deck=deck, dry_run=dry_run)
    render.load_report(report, dry_run=dry_run)


@app.command("decks")
def decks(ctx: typer.Context, as_json: JsonOption = False, db: DbOption = None) -> None:
    """List decks with their fact and question counts.

    Example: quizmaster decks --json
    """
    from dataclasses import asdict

    from quizmaster import render

    with open_store(_db(ctx, db)) as store:
        items = store.decks()
    if as_json:
        render.json_out([asdict(d) for d in items])
    else:
        render.decks_table(items)


@facts_app.command("list")
def facts_list(
    ctx: typer.Context, deck: DeckOption = None, as_json: JsonOption = False, db: DbOption = None
) -> None:
    """List facts.

    Example: quizmaster facts list --deck "India–Israel Defence MoU 2025"
    """
    from quizmaster import render

    with open_store(_db(ctx, db)) as store:
        items = store.facts(deck)
    if as_json:
        render.json_out([f.to_json() for f in items])
    else:
        render.facts_table(items)


@questions_app.command("list")
def questions_list(
    ctx: typer.Context,
    deck: DeckOption = None,
    kind: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--kind",
            "-k",
            help="Only this kind: short_answer, cloze, mcq, true_false, statements, match.",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """List questions.

    Example: quizmaster questions list --kind cloze --json
    """
    from quizmaster.errors import UsageError

    if kind is not None:
        from quizmaster.models import QUESTION_KINDS

        if kind not in QUESTION_KINDS:
            raise UsageError(f"unknown kind {kind!r}; choose from {', '.join(QUESTION_KINDS)}")
    with open_store(_db(ctx, db)) as store:
        if as_json:  # straight from the columns: no models, no Rich (start-up time, issue 8)
            from quizmaster.output import json_out

            json_out(store.questions_json(deck, kind))
            return
        items = store.questions(deck, kind)
    from quizmaster import render

    render.questions_table(items)


@questions_app.command("show")
def questions_show(
    ctx: typer.Context,
    question_id: Annotated[str, typer.Argument(metavar="ID", help="A question id.")],
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Show one question as the quiz shows it, with its answer.

    Example: quizmaster questions show mou-signed-tel-aviv:cloze:tel-aviv
    """
    from quizmaster import render

    with open_store(_db(ctx, db)) as store:
        item = store.question(question_id)
    if as_json:
        render.json_out(item.to_json())
    else:
        render.show_question(item)


# --- doctor (issue 8) ---------------------------------------------------------------------


@app.command("doctor")
def doctor(
    ctx: typer.Context,
    backup: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--backup",
            help="Also write a consistent copy of the database to this new file.",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    vacuum: Annotated[
        bool, typer.Option("--vacuum", help="Also compact the database file (VACUUM).")
    ] = False,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Check the database for damage (integrity, foreign keys, orphaned rows); optionally
    back it up and compact it. Exits with code 1 when it finds problems.

    Example: quizmaster doctor --backup quizmaster-backup.db --vacuum
    """
    from quizmaster import render
    from quizmaster.doctor import require_database, run_doctor
    from quizmaster.paths import default_db_path

    path = _db(ctx, db) or default_db_path()
    require_database(path)
    with open_store(path) as store:
        report = run_doctor(store, backup=backup, vacuum=vacuum)
    if as_json:
        render.json_out(report.to_json())
    else:
        render.doctor_report(report)
    if not report.ok:
        raise typer.Exit(1)


def main() -> None:
    app(prog_name="quizmaster")
