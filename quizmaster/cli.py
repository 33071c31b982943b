"""The command line. Each command parses options, calls one core function and renders the
result; domain errors become a one-line message and exit code 2."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer  # noqa: TID251
from typer.core import TyperGroup  # noqa: TID251

from quizmaster.errors import QuizmasterError
from quizmaster.question_listing import QUESTIONS_PAGE

if TYPE_CHECKING:
    from quizmaster.environment import Environment
    from quizmaster.invocation import Invocation


ERROR_LOG = "quizmaster-errors.log"


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _plain_error(message: str) -> None:
    """One line on stderr without Rich: usable before anything else is set up."""
    import sys

    sys.stderr.write(f"Error: {_one_line(message)}\n")
    sys.stderr.flush()


def _last_resort(exc: BaseException) -> int:
    """Any exception nothing else handled: one line, the traceback in a log file next to the
    database. Each trip here is a bug (a test makes sure the hostile corpus never comes)."""
    import traceback

    log: Path | None = None
    try:
        from quizmaster.paths import default_db_path

        log = default_db_path().parent / ERROR_LOG
        with log.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {dt.datetime.now(dt.timezone.utc).isoformat()}\n")
            fh.write("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    except Exception:  # noqa: BLE001 - the log is a courtesy; the one line must still appear
        log = None
    where = f"; details in {log}" if log is not None else ""
    _plain_error(
        f"unexpected error ({type(exc).__name__}: {_one_line(str(exc))[:200]}){where}; "
        "please report it"
    )
    return 1


def _click_exceptions() -> Any:
    """The exceptions module of the Click that Typer runs on (vendored in recent Typer)."""
    try:
        from typer import _click  # noqa: TID251

        return _click.exceptions
    except ImportError:  # pragma: no cover - older Typer on the public Click
        import click

        return click.exceptions


def _database_damage(exc: Exception) -> str:
    return (
        f"the database cannot be read or written ({_one_line(str(exc))[:200]}); "
        "run `quizmaster doctor` to check it"
    )


def report_failure(exc: Exception) -> int:
    """What a command's exception prints (stderr) and its exit code: a domain error as its
    one line, database damage as one line, anything else through :func:`_last_resort`. Also
    used by the fast paths that stream (``json_commands_fast``) for an error once output has
    begun."""
    import sqlite3

    if isinstance(exc, QuizmasterError):
        from quizmaster import render

        render.error(_one_line(str(exc)))
        return int(exc.exit_code)
    if isinstance(exc, sqlite3.DatabaseError):  # damage found while reading: not a crash
        _plain_error(_database_damage(exc))
        return 2
    return _last_resort(exc)


class _Group(TyperGroup):
    """Turns domain errors raised anywhere under the app into a clean message and exit code;
    usage errors into one line; anything else into one line and a log entry."""

    def invoke(self, ctx: Any) -> Any:  # click's Context, vendored or not by Typer
        click_errors = _click_exceptions()
        try:
            return super().invoke(ctx)
        except QuizmasterError as exc:
            raise typer.Exit(report_failure(exc)) from None
        except (click_errors.ClickException, typer.Exit, typer.Abort):
            raise
        except (KeyboardInterrupt, EOFError, BrokenPipeError):
            raise
        except Exception as exc:  # noqa: BLE001 - database damage, the last resort
            raise typer.Exit(report_failure(exc)) from None

    def main(
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Click's usage errors as one line (not a box), exit code 2."""
        import sys

        # A byte that is not valid in the terminal's encoding (a Latin-1 terminal, a pasted
        # binary) must become U+FFFD, not end the session with a UnicodeError.
        for stream in (sys.stdin, sys.stdout, sys.stderr):
            try:
                stream.reconfigure(errors="replace")  # type: ignore[union-attr]
            except (AttributeError, ValueError, OSError):
                pass
        click_errors = _click_exceptions()
        try:
            result = super().main(
                args, prog_name, complete_var, False, windows_expand_args, **extra
            )
            code = result if isinstance(result, int) else 0
        except click_errors.ClickException as exc:
            context = getattr(exc, "ctx", None)
            if type(exc).__name__ == "NoArgsIsHelpError":  # `quizmaster facts`: the help
                exc.show()
            else:
                message = exc.format_message()
                if isinstance(exc, click_errors.UsageError) and context is not None:
                    message += f" (see `{context.command_path} --help`)"
                _plain_error(message)
            code = exc.exit_code
        except typer.Abort:
            _plain_error("aborted")
            code = 1
        except BrokenPipeError:
            from quizmaster.launch import reader_gone

            code = reader_gone()
        except Exception as exc:  # noqa: BLE001 - raised while parsing, before invoke
            code = _last_resort(exc)
        if not standalone_mode:
            return code
        sys.exit(code)


app = typer.Typer(
    cls=_Group,
    help="Turn current-affairs articles into exam questions and remember them with spaced "
    "repetition.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
facts_app = typer.Typer(help="The facts stored in your decks.", no_args_is_help=True)
questions_app = typer.Typer(help="The questions generated from your facts.", no_args_is_help=True)
app.add_typer(facts_app, name="facts")
app.add_typer(questions_app, name="questions")

try:
    from typer._types import TyperChoice as _Choice  # noqa: TID251 - the type Typer's own choices use
except ImportError:  # pragma: no cover - older Typer on the public Click
    from click import Choice as _Choice  # type: ignore[assignment]


class _Choices(_Choice):  # type: ignore[type-arg,misc,unused-ignore]
    """A choice option whose values are read from the one module that defines them
    (``module.name``) when first needed, to check a value or draw help, so building a command
    imports neither pydantic nor the exporters. Typer checks a value and words a wrong one."""

    def __init__(self, module: str, name: str, *, case_sensitive: bool = True) -> None:
        self._home = (module, name)
        self._loaded: tuple[str, ...] | None = None
        self.case_sensitive = case_sensitive

    @property
    def choices(self) -> Sequence[str]:
        if self._loaded is None:
            import importlib

            module, name = self._home
            self._loaded = tuple(getattr(importlib.import_module(module), name))
        return self._loaded

    @choices.setter
    def choices(self, values: Sequence[str]) -> None:
        self._loaded = tuple(values)


# `Optional[...]` rather than `X | None`: Typer evaluates these at runtime on Python 3.10.
DbOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--db",
        help="Database file (default: $QUIZMASTER_DB or the user data directory).",
        show_default=False,
        # No dir_okay=False: Store.open says "is a directory" in one line.
    ),
]
DeckOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--deck", "-d", help="Only this deck (by name).", show_default=False),
]
TagOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--tag", "-t", help="Only questions with this tag.", show_default=False),
]
KindOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--kind",
        "-k",
        help="Only questions of this kind.",
        show_default=False,
        click_type=_Choices("quizmaster.models", "QUESTION_KINDS"),
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON on stdout, nothing else.")]


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("quizmaster")
        except PackageNotFoundError:  # run from a source tree without installing
            number = "unknown"
        typer.echo(f"quizmaster {number}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def dashboard(
    ctx: typer.Context,
    db: DbOption = None,
    as_json: JsonOption = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", help="Print the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Today's dashboard: what is due, what is new, and what to run next.

    Example: quizmaster
    """
    from quizmaster.environment import Environment
    from quizmaster.invocation import Invocation

    ctx.obj = invocation = Invocation(Environment.from_os(), db)
    if ctx.invoked_subcommand is not None:
        return
    from quizmaster.dashboard import dashboard as dashboard_summary

    with invocation.open_store() as store:
        moment = invocation.env.now()
        summary = dashboard_summary(
            store, now=moment, utc_offset_minutes=invocation.env.utc_offset(moment)
        )
    if as_json:  # --json without Rich (start-up time)
        from quizmaster.json_writer import json_out

        json_out(summary.to_json())
    else:
        from quizmaster import render

        render.dashboard(summary)


def _invocation(ctx: typer.Context, db: Path | None) -> Invocation:
    """The invocation the app's callback made, with ``--db`` given after the command winning
    over one given before it."""
    from quizmaster.environment import Environment
    from quizmaster.invocation import Invocation

    # A context starts with its parent's obj: the app's invocation, or a group's with its --db.
    made = ctx.obj if isinstance(ctx.obj, Invocation) else Invocation(Environment.from_os())
    return made.with_db(db)


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            help="A deck file: facts YAML, quizmaster JSON, CSV/TSV/TXT (front, back, tags) "
            "or an Anki .apkg.",
            show_default=False,
        ),
    ],
    deck: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--deck",
            "-d",
            help="Deck name (default: the file's 'deck', or its name for CSV/TSV).",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would change.")] = False,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Import a deck; re-importing an edited file updates it in place, keeping history.

    Formats by extension: .yaml/.yml (facts), .json (quizmaster export, with history),
    .csv/.tsv/.txt (Anki or Quizlet text export), .apkg (Anki package). One transaction:
    a file with any error imports nothing.

    Example: quizmaster import my-facts.yaml --deck "Polity"
    """
    from quizmaster import render
    from quizmaster.boundary_checks import check_name
    from quizmaster.importers import import_path

    check_name(deck, "--deck")
    invocation = _invocation(ctx, db)
    with (
        invocation.open_store(builtin=False) as store,
        render.progress_bar("Importing") as tick,
    ):
        result = import_path(
            store, file, now=invocation.env.now(), deck=deck, dry_run=dry_run, progress=tick
        )
    if as_json:
        render.json_out(result.to_json())
    else:
        render.import_result(result, dry_run=dry_run)


decks_app = typer.Typer(help="List, rename, remove, pause and resume decks.", no_args_is_help=False)
app.add_typer(decks_app, name="decks")
YesOption = Annotated[
    bool, typer.Option("--yes", "-y", help="Do not ask for confirmation (for scripts).")
]
DeckName = Annotated[str, typer.Argument(metavar="DECK", help="The deck's name.")]


def _confirm(env: Environment, question: str, yes: bool) -> None:
    """Go on when ``--yes`` was given or the user answers y in a terminal; else stop with
    exit code 1 (declined) or a usage error (no terminal to ask in)."""
    from quizmaster import render
    from quizmaster.errors import UsageError
    from quizmaster.prompt import read_answer

    if yes:
        return
    if not env.stdin_is_terminal:
        raise UsageError("no terminal to confirm in; pass --yes to go ahead")
    try:
        answer = read_answer(env.stdin, f"{question} [y/N] ")
    except EOFError:
        answer = ""
    if answer.strip().lower() not in ("y", "yes"):
        render.info("Nothing changed.")
        raise typer.Exit(1)


@decks_app.callback(invoke_without_command=True)
def decks(ctx: typer.Context, as_json: JsonOption = False, db: DbOption = None) -> None:
    """List decks with their fact and question counts (paused decks are marked).

    Example: quizmaster decks --json
    """
    if ctx.invoked_subcommand is not None:
        ctx.obj = _invocation(ctx, db)  # the group's --db reaches its commands
        return
    from dataclasses import asdict

    with _invocation(ctx, db).open_store() as store:
        items = store.decks()
    if as_json:  # --json without Rich (start-up time)
        from quizmaster.json_writer import json_out

        json_out([asdict(d) for d in items])
    else:
        from quizmaster import render

        render.decks_table(items)


@decks_app.command("rename")
def decks_rename(
    ctx: typer.Context,
    old: DeckName,
    new: Annotated[str, typer.Argument(metavar="NEW", help="The new name.")],
    yes: YesOption = False,
    db: DbOption = None,
) -> None:
    """Rename a deck; its questions keep their schedule and review history.

    Example: quizmaster decks rename "Article article-fc9102" "Ramsar sites 2025"
    """
    from quizmaster import render

    invocation = _invocation(ctx, db)
    with invocation.open_store(builtin=False) as store:
        usage = store.deck_usage(old)
        _confirm(
            invocation.env, f"Rename deck {old!r} ({usage.questions} questions) to {new!r}?", yes
        )
        store.rename_deck(old, new)
    from quizmaster.ingest import decks_folder, rename_in_facts_files

    name = " ".join(new.split())
    files = rename_in_facts_files(decks_folder(invocation.db_path), usage.name, name)
    render.info(
        f"Renamed deck {usage.name!r} to {name!r}; its history is kept"
        + (f" and its {len(files)} saved facts file(s) follow." if files else ".")
    )


@decks_app.command("remove")
def decks_remove(
    ctx: typer.Context, name: DeckName, yes: YesOption = False, db: DbOption = None
) -> None:
    """Delete a deck with its questions and their review history (asks first and says how
    much history goes; `decks pause` keeps everything instead).

    Example: quizmaster decks remove "Old deck" --yes
    """
    from quizmaster import render

    invocation = _invocation(ctx, db)
    with invocation.open_store(builtin=False) as store:
        u = store.deck_usage(name)
        lost = (
            f"{u.reviews} reviews of {u.studied} studied questions and {u.mock_items} mock "
            "answers are deleted with it"
            if u.reviews or u.mock_items
            else "it has no review history"
        )
        _confirm(
            invocation.env,
            f"Remove deck {name!r} ({u.facts} facts, {u.questions} questions)? {lost}; to keep "
            f"them, `quizmaster decks pause` it or `quizmaster export --format json "
            f"--with-history --deck {_quote(name)} -o backup.json` first. Remove it?",
            yes,
        )
        store.remove_deck(name)
    render.info(
        f"Removed deck {name!r}: {u.facts} facts, {u.questions} questions, {u.reviews} "
        f"reviews and {u.mock_items} mock answers deleted."
    )


def _quote(text: str) -> str:
    import shlex

    return shlex.quote(text)


def _pause(ctx: typer.Context, name: str, yes: bool, db: Path | None, paused: bool) -> None:
    from quizmaster import render

    invocation = _invocation(ctx, db)
    with invocation.open_store(builtin=False) as store:
        usage = store.deck_usage(name)
        if usage.paused == paused:
            render.info(f"Deck {name!r} is already {'paused' if paused else 'active'}.")
            return
        verb = "Pause" if paused else "Resume"
        _confirm(invocation.env, f"{verb} deck {name!r} ({usage.questions} questions)?", yes)
        store.set_deck_paused(name, paused)
    if paused:
        render.info(
            f"Paused deck {name!r}: the daily quiz leaves its {usage.questions} questions "
            f"out (their schedule and history are kept) until `quizmaster decks resume "
            f"{_quote(name)}`; `quiz --deck` still asks them."
        )
    else:
        render.info(f"Resumed deck {name!r}: its questions are in the daily quiz again.")


@decks_app.command("pause")
def decks_pause(
    ctx: typer.Context, name: DeckName, yes: YesOption = False, db: DbOption = None
) -> None:
    """Leave a deck out of the daily quiz until it is resumed; nothing is deleted.

    Example: quizmaster decks pause "India–Israel Defence MoU 2025" --yes
    """
    _pause(ctx, name, yes, db, True)


@decks_app.command("resume")
def decks_resume(
    ctx: typer.Context, name: DeckName, yes: YesOption = False, db: DbOption = None
) -> None:
    """Put a paused deck back into the daily quiz.

    Example: quizmaster decks resume "India–Israel Defence MoU 2025" --yes
    """
    _pause(ctx, name, yes, db, False)


@facts_app.command("list")
def facts_list(
    ctx: typer.Context, deck: DeckOption = None, as_json: JsonOption = False, db: DbOption = None
) -> None:
    """List facts.

    Example: quizmaster facts list --deck "India–Israel Defence MoU 2025"
    """
    with _invocation(ctx, db).open_store() as store:
        items = store.facts(deck)
    if as_json:  # --json without Rich (start-up time)
        from quizmaster.json_writer import json_out

        json_out([f.to_json() for f in items])
    else:
        from quizmaster import render

        render.facts_table(items)


@questions_app.command("list")
def questions_list(
    ctx: typer.Context,
    deck: DeckOption = None,
    kind: KindOption = None,
    page: Annotated[
        int,
        typer.Option(
            "--page",
            help=f"Page of the table ({QUESTIONS_PAGE:,} questions a page); --json lists all.",
            min=1,
        ),
    ] = 1,
    suspended: Annotated[
        bool,
        typer.Option(
            "--suspended", help="Only suspended questions and leeches (with their lapses)."
        ),
    ] = False,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """List questions.

    Example: quizmaster questions list --kind cloze --json
    """
    from quizmaster import question_listing

    with _invocation(ctx, db).open_store() as store:
        if suspended:
            rows = question_listing.suspended_questions(store, deck, kind)
        elif as_json:  # straight from the columns: no models, no Rich (start-up time)
            from quizmaster.json_writer import json_out_records
            from quizmaster.store import QUESTION_JSON_KEYS

            json_out_records(QUESTION_JSON_KEYS, store.iter_question_records(deck, kind))
            return
        else:
            shown = question_listing.question_page(store, deck, kind, page)
    from quizmaster import render

    if not suspended:
        render.question_page(shown)
    elif as_json:
        render.json_out(question_listing.suspended_json(rows))
    else:
        render.suspended_table(rows)


@questions_app.command("unsuspend")
def questions_unsuspend(
    ctx: typer.Context,
    question_ids: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Argument(metavar="[ID]...", help="Question ids to unsuspend.", show_default=False),
    ] = None,
    all_leeches: Annotated[
        bool, typer.Option("--all-leeches", help="Unsuspend every leech.")
    ] = False,
    all_suspended: Annotated[
        bool, typer.Option("--all", help="Unsuspend every suspended question.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Put suspended questions (and leeches) back into the quiz, with their history.

    Example: quizmaster questions unsuspend --all-leeches
    """
    from quizmaster import render
    from quizmaster.errors import UsageError

    if not question_ids and not (all_leeches or all_suspended):
        raise UsageError(
            "name question ids, or pass --all-leeches or --all; "
            "see `quizmaster questions list --suspended`"
        )
    with _invocation(ctx, db).open_store() as store:
        ids = list(question_ids or [])
        if all_leeches or all_suspended:
            ids += [
                s.question.id for s, _ in store.suspended_questions(leeches_only=not all_suspended)
            ]
        done = store.unsuspend(ids)
    if done:
        render.info(
            f"Unsuspended {len(done)} question{'s' if len(done) != 1 else ''}: "
            "they are in the daily quiz again."
        )
    else:
        render.info("Nothing was suspended.")


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

    with _invocation(ctx, db).open_store() as store:
        item = store.question(question_id)
    if as_json:
        render.json_out(item.to_json())
    else:
        render.show_question(item)


# --- FSRS parameter optimization ---------------------------------------------------


@app.command("optimize")
def optimize(
    ctx: typer.Context,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Fit and compare, but save nothing.")
    ] = False,
    revlog: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--revlog",
            help="Fit on this review log instead (py-fsrs CSV: card_id, review_rating, "
            "review_time, review_duration), e.g. exported from Anki.",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    reschedule: Annotated[
        bool,
        typer.Option(
            "--reschedule",
            help="If new parameters are saved, recompute the due dates of reviewed cards.",
        ),
    ] = False,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Fit the scheduler (FSRS-6) to your review history; keep the fit only if it predicts better.

    The latest 20% of reviews are held out to compare fitted and default parameters.

    Example: quizmaster optimize --dry-run
    """
    from quizmaster import optimizer, render

    invocation = _invocation(ctx, db)
    with invocation.open_store() as store:
        moment = invocation.env.now()
        outcome = optimizer.run(
            store,
            now=moment,
            revlog=revlog,
            dry_run=dry_run,
            apply_reschedule=reschedule,
            utc_offset_minutes=invocation.env.utc_offset(moment),
        )
    if as_json:
        render.json_out(outcome.to_json())
    else:
        render.optimize_report(outcome)


# --- quiz sessions ----------------------------------------------------------------

config_app = typer.Typer(help="Show and change settings.", no_args_is_help=False)
app.add_typer(config_app, name="config")


@app.command("quiz")
def quiz(
    ctx: typer.Context,
    practice: Annotated[
        bool, typer.Option("--practice", help="Review ahead or cram; the schedule is untouched.")
    ] = False,
    deck: DeckOption = None,
    tag: TagOption = None,
    limit: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--limit",
            "-n",
            help="At most this many questions.",
            show_default=False,
            min=1,
            max=100_000,
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """The daily spaced-repetition session: due reviews, then new questions.

    Type the answer and Enter; options by 1-4 or a-d, true/false by t or f. After the
    feedback: Enter next, 1-4 re-rate (Again/Hard/Good/Easy), u undo, s suspend, q quit.
    At the question prompt: :skip :undo :suspend :quit :help. Ctrl-C and Ctrl-D save and quit.
    With piped input, one answer per line.

    Example: quizmaster quiz --deck "India–Israel Defence MoU 2025" --limit 10
    """
    from quizmaster import render
    from quizmaster.quiz_io import choose_ui, run_session
    from quizmaster.reports import NothingDue

    env = (invocation := _invocation(ctx, db)).env
    ui = choose_ui(practice=practice, idle_timeout=env.idle_timeout)
    with invocation.open_store() as store:
        result = run_session(
            store,
            ui,
            clock=env.now,
            utc_offset_minutes=env.utc_offset(env.now()),
            deck=deck,
            tag=tag,
            limit=limit,
            practice=practice,
        )
    if isinstance(result, NothingDue):
        render.nothing_to_quiz(result.message, plain=ui.plain)
    else:
        render.session_summary(result, plain=ui.plain)


@config_app.callback(invoke_without_command=True)
def config_show(ctx: typer.Context, as_json: JsonOption = False, db: DbOption = None) -> None:
    """Show the settings: daily limits, desired retention, exam date, FSRS parameters.

    Example: quizmaster config --json
    """
    if ctx.invoked_subcommand is not None:
        ctx.obj = _invocation(ctx, db)  # the group's --db reaches its commands
        return
    from quizmaster import render
    from quizmaster.settings import settings_listing

    with _invocation(ctx, db).open_store() as store:
        listing = settings_listing(store)
    if as_json:
        render.json_out(listing.to_json())
    else:
        render.settings_table(listing)


@config_app.command("set", context_settings={"ignore_unknown_options": True})
def config_set(
    ctx: typer.Context,
    key: Annotated[
        str,
        typer.Argument(
            help="new_per_day, reviews_per_day, desired_retention, exam_date or new_order "
            "(newest, mixed or deck: which new questions come first)."
        ),
    ],
    value: Annotated[str, typer.Argument(help="The new value ('none' clears exam_date).")],
    db: DbOption = None,
) -> None:
    """Change a setting.

    Example: quizmaster config set exam_date 2027-05-24
    """
    from quizmaster import render
    from quizmaster.settings import parse_setting, save_setting

    parsed = parse_setting(key, value)
    with _invocation(ctx, db).open_store() as store:
        save_setting(store, key, parsed)
    render.info(f"{key} = {'none' if parsed is None else parsed}")


@config_app.command("unset")
def config_unset(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="The setting to return to its default.")],
    db: DbOption = None,
) -> None:
    """Return a setting to its default (also clears fsrs_parameters fitted by optimize).

    Example: quizmaster config unset exam_date
    """
    from quizmaster import render
    from quizmaster.settings import check_unsettable

    check_unsettable(key)
    with _invocation(ctx, db).open_store() as store:
        removed = store.delete_setting(key)
    render.info(f"{key}: back to the default" if removed else f"{key} was already the default")


# --- mock tests, stats and history ---------------------------------------------


@app.command("mock")
def mock_(
    ctx: typer.Context,
    exam: Annotated[
        str,
        typer.Option(
            "--exam",
            "-e",
            help="Marking scheme.",
            click_type=_Choices("quizmaster.mock", "EXAMS", case_sensitive=False),
        ),
    ] = "upsc",
    questions: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--questions",
            "-n",
            help="Questions in the paper (default: up to 20).",
            show_default=False,
            max=10_000,
        ),
    ] = None,
    minutes: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option(
            "--minutes", "-m", help="Time limit (default: the exam's pace).", show_default=False
        ),
    ] = None,
    deck: DeckOption = None,
    tag: TagOption = None,
    seed: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--seed", help="Draw the same paper again.", show_default=False, min=0, max=2**63
        ),
    ] = None,
    correct: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--correct", help="custom: marks per right answer, e.g. 1.", show_default=False
        ),
    ] = None,
    wrong: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--wrong",
            help="custom: marks off per wrong answer, e.g. 0.25 or 1/3.",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """A timed exam-style paper of mcq and statements questions, with negative marking.

    In a terminal: keys 1-4 or a-d answer, n/p move, g jumps to a number, m marks for review,
    x clears, s submits; the paper is submitted when the time is up. With piped stdin: one
    answer per line (empty line = unanswered).

    Example: quizmaster mock --exam ssc --questions 25 --minutes 15
    """
    from quizmaster import render
    from quizmaster.mock_runner import MockRequest, run_mock

    request = MockRequest(
        exam=exam,
        questions=questions,
        minutes=minutes,
        deck=deck,
        tag=tag,
        seed=seed,
        correct=correct,
        wrong=wrong,
        as_json=as_json,
    )
    result = run_mock(request, _invocation(ctx, db))
    if as_json:
        render.json_out(result.to_json())
    else:
        render.mock_result(result)


@app.command("stats")
def stats_(
    ctx: typer.Context,
    deck: DeckOption = None,
    days: Annotated[
        int,
        typer.Option("--days", help="Days shown in the review heatmap (about 6 months)."),
    ] = 182,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Your progress: streaks, a review heatmap, retention, accuracy by topic, tag and kind,
    questions by state, the reviews due in the next 30 days and your weakest facts.

    Example: quizmaster stats --deck "India–Israel Defence MoU 2025" --days 90
    """
    from quizmaster.stats import collect_stats

    env = (invocation := _invocation(ctx, db)).env
    moment = env.now()
    with invocation.open_store() as store:
        report = collect_stats(
            store, now=moment, utc_offset_minutes=env.utc_offset(moment), deck=deck, days=days
        )
    if as_json:  # --json without Rich (start-up time)
        from quizmaster.json_writer import json_out

        json_out(report.to_json())
    else:
        from quizmaster import render

        render.stats_report(report)


@app.command("history")
def history(
    ctx: typer.Context,
    as_json: JsonOption = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV on stdout.")] = False,
    db: DbOption = None,
) -> None:
    """Every quiz session and mock test with its score, and a chart of your mock scores.

    Example: quizmaster history --csv > history.csv
    """
    from quizmaster import render
    from quizmaster.errors import UsageError
    from quizmaster.stats import collect_history

    if as_json and as_csv:
        raise UsageError("choose one of --json and --csv")
    env = (invocation := _invocation(ctx, db)).env
    with invocation.open_store() as store:
        report = collect_history(store)
    if as_json:
        render.json_out(report.to_json())
    elif as_csv:
        render.csv_out(report.rows)
    else:
        render.history_report(report, env.utc_offset(env.now()))


# --- article ingest ---------------------------------------------------------------


@app.command("ingest")
def ingest(
    ctx: typer.Context,
    source: Annotated[
        str,
        typer.Argument(help="A .txt, .md or .html file, an http(s) URL, or - for stdin."),
    ],
    deck: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--deck", "-d", help="Deck name (default: the article's title).", show_default=False
        ),
    ] = None,
    out: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--out",
            "-o",
            help="Facts file to write (default: decks/ next to the database).",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    review: Annotated[
        bool, typer.Option("--review", help="Accept, edit or drop each fact.")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Accept every fact found.")] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the facts file; write nothing.")
    ] = False,
    regenerate: Annotated[
        bool,
        typer.Option(
            "--regenerate",
            help="Extract an article ingested before again, replacing your review's edits "
            "and drops (without it, re-ingesting keeps them and changes nothing).",
        ),
    ] = False,
    timeout: Annotated[
        float,
        typer.Option("--timeout", help="Seconds to wait for a URL, in all.", min=0.1, max=3600),
    ] = 15.0,
    date: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--date",
            help="The article's date (YYYY-MM-DD or YYYY-MM) where the page does not give it: "
            "statements of changing facts carry it.",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Turn a current-affairs article into facts and questions, offline.

    Facts are found by rules (sections like "Key facts", "Capital – Rabat" lines, sentences
    with names, dates, numbers, places), saved as a facts YAML file and loaded into a deck.
    Ingesting the same article again updates it in place. With --review, answer each fact
    with Enter or a (accept), e (edit: retype the statement, then its key answers), d (drop),
    A (accept the rest) or q (stop, keeping what was accepted).

    Example: quizmaster ingest article.txt --review
    """
    from quizmaster.ingest_runner import IngestRequest, run_ingest

    request = IngestRequest(
        source,
        deck=deck,
        out=out,
        review=review,
        yes=yes,
        dry_run=dry_run,
        regenerate=regenerate,
        timeout=timeout,
        date=date,
        as_json=as_json,
    )
    run_ingest(request, _invocation(ctx, db))


# --- decks in and out ----------------------------------------------------------------


@app.command("export")
def export(
    ctx: typer.Context,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="The file format.",
            show_default=False,
            click_type=_Choices("quizmaster.exporters", "FORMATS"),
        ),
    ],
    deck: DeckOption = None,
    kind: KindOption = None,
    tag: TagOption = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="File to write (default: stdout).", dir_okay=False),
    ] = None,
    with_history: Annotated[
        bool, typer.Option("--with-history", help="json: include schedule and reviews.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Export decks: an Anki package, CSV/TSV, JSON, facts YAML or a printable worksheet.

    Text formats go to stdout unless -o FILE is given; apkg needs -o.

    Example: quizmaster export --format apkg -o mou.apkg
    """
    from quizmaster import render
    from quizmaster.exporters import export as run_export

    options: dict[str, Any] = {"deck": deck, "kind": kind, "tag": tag, "output": output}
    invocation = _invocation(ctx, db)
    with invocation.open_store() as store, render.progress_bar("Exporting") as tick:
        outcome = run_export(
            store,
            fmt,
            now=invocation.env.now(),
            with_history=with_history,
            progress=tick,
            **options,
        )
        if outcome.chunks is not None:
            render.raw_out(outcome.chunks)
    if outcome.output is not None:
        render.export_done(outcome.questions, outcome.facts, outcome.output)
    if fmt.lower() in ("csv", "tsv"):
        render.info(
            "Note: CSV keeps each question's text, lettered options, answer and tags; "
            "imported back, multiple-choice and true/false questions return as such, but "
            "statements and match questions come back as multiple choice, each row becomes "
            "its own fact and schedules stay behind. For a full copy: --format json."
        )


# --- doctor ---------------------------------------------------------------------


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
    repair: Annotated[
        bool,
        typer.Option(
            "--repair",
            help="Recreate missing indexes; retire and suspend questions that break their "
            "invariants, reset broken cards, reset broken settings.",
        ),
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

    invocation = _invocation(ctx, db)
    require_database(invocation.db_path)
    with invocation.open_store() as store:
        report = run_doctor(store, backup=backup, vacuum=vacuum, repair=repair)
    if as_json:
        render.json_out(report.to_json())
    else:
        render.doctor_report(report)
    if not report.ok:
        raise typer.Exit(1)


# --- help layout ----------------------------------------------------------------------------

# Commands grouped by what a user came to do, in the order they meet them.
HELP_PANELS: dict[str, tuple[str, ...]] = {
    "Study": ("quiz", "mock"),
    "Decks": ("ingest", "import", "export", "decks", "facts", "questions"),
    "Progress": ("stats", "history"),
    "Settings and upkeep": ("config", "optimize", "doctor"),
}
_HELP_ORDER = [name for names in HELP_PANELS.values() for name in names]


def _help_rank(name: str | None) -> int:
    return _HELP_ORDER.index(name) if name in _HELP_ORDER else len(_HELP_ORDER)


def _unwrap(doc: str) -> str:
    """A docstring with its paragraphs' hard line breaks removed, so help is wrapped to the
    terminal's width instead of breaking mid-sentence at 80 columns."""
    import inspect

    paragraphs = inspect.cleandoc(doc).split("\n\n")
    return "\n\n".join(" ".join(p.split()) for p in paragraphs)


def _unwrap_help(typer_app: typer.Typer) -> None:
    for command in typer_app.registered_commands:
        if command.help is None and command.callback is not None and command.callback.__doc__:
            command.help = _unwrap(command.callback.__doc__)
    callback = typer_app.registered_callback
    if callback is not None and callback.help is None and callback.callback is not None:
        if callback.callback.__doc__:
            callback.help = _unwrap(callback.callback.__doc__)
    for group in typer_app.registered_groups:
        if group.typer_instance is not None:
            _unwrap_help(group.typer_instance)


def _arrange_help() -> None:
    _unwrap_help(app)
    for panel, names in HELP_PANELS.items():
        for command in app.registered_commands:
            if command.name in names:
                command.rich_help_panel = panel
        for group in app.registered_groups:
            if group.name in names:
                group.rich_help_panel = panel
    app.registered_commands.sort(key=lambda info: _help_rank(info.name))
    app.registered_groups.sort(key=lambda info: _help_rank(info.name))


_arrange_help()


def _build_only_invoked(args: list[str]) -> None:
    """Typer builds a click command for every registered command before parsing the command
    line; when the arguments name one command (or group), only that one is registered, so
    only it is built. Help, errors and unknown names keep the whole app."""
    rest = iter(args)
    name = None
    for arg in rest:
        if arg == "--db":
            next(rest, None)  # its value
        elif not arg.startswith("-"):
            name = arg
            break
    commands = [c for c in app.registered_commands if c.name == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if name is None or len(commands) + len(groups) != 1:
        return
    app.registered_commands[:] = commands
    app.registered_groups[:] = groups


def _help_only(args: list[str]) -> None:
    """``quizmaster --help`` shows each command's name and help text, never its options: the
    commands are registered with a callback without parameters, so Typer does not build the
    options of 18 commands to print none of them (a test holds the output identical)."""
    if args not in (["--help"], ["-h"]):
        return
    import copy

    from typer.main import get_command_name  # noqa: TID251

    def no_options() -> None:  # pragma: no cover - never run: help exits first
        return None

    for typer_app in (app, facts_app, questions_app):
        light = []
        for info in typer_app.registered_commands:
            assert info.callback is not None
            stub = copy.copy(info)
            stub.name = info.name or get_command_name(info.callback.__name__)
            stub.callback = no_options
            light.append(stub)
        typer_app.registered_commands[:] = light


def main() -> None:
    import sys

    _build_only_invoked(sys.argv[1:])
    _help_only(sys.argv[1:])
    app(prog_name="quizmaster")
