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
        help="Only this kind: short_answer, cloze, mcq, true_false, statements, match.",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON on stdout, nothing else.")]


def now() -> dt.datetime:
    """The clock, read in one place. ``QUIZMASTER_NOW`` (ISO-8601) pins it for scripted runs."""
    pinned = os.environ.get("QUIZMASTER_NOW", "").strip()
    if pinned:
        moment = dt.datetime.fromisoformat(pinned)
        return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc)


def utc_offset(moment: dt.datetime) -> int:
    """The user's zone for calendar days (streaks, heatmap): the offset written in a pinned
    ``QUIZMASTER_NOW``, else the system's local zone at ``moment``."""
    zoned = moment if os.environ.get("QUIZMASTER_NOW", "").strip() else moment.astimezone()
    offset = zoned.utcoffset()
    return 0 if offset is None else int(offset.total_seconds() // 60)


def open_store(db: Path | None) -> Store:
    """Open the database (``--db``, else ``$QUIZMASTER_DB``, else the user data dir); a new
    database gets the built-in deck."""
    from quizmaster.paths import default_db_path
    from quizmaster.store import Store

    store = Store.open(db or default_db_path(), now=now())
    try:
        if store.builtin_deck_pending():
            from quizmaster.importers import ensure_builtin_deck

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
    from quizmaster.session import dashboard as dashboard_summary

    with open_store(db) as store:
        moment = now()
        summary = dashboard_summary(store, now=moment, utc_offset_minutes=utc_offset(moment))
    if as_json:  # --json without Rich (start-up time)
        from quizmaster.output import json_out

        json_out(summary)
    else:
        from quizmaster import render

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
    from quizmaster.importers import import_path

    with open_store(_db(ctx, db)) as store, render.progress_bar("Importing") as tick:
        result = import_path(store, file, now=now(), deck=deck, dry_run=dry_run, progress=tick)
    if as_json:
        render.json_out(result.to_json())
    else:
        render.import_result(result, dry_run=dry_run)


@app.command("decks")
def decks(ctx: typer.Context, as_json: JsonOption = False, db: DbOption = None) -> None:
    """List decks with their fact and question counts.

    Example: quizmaster decks --json
    """
    from dataclasses import asdict

    with open_store(_db(ctx, db)) as store:
        items = store.decks()
    if as_json:  # --json without Rich (start-up time)
        from quizmaster.output import json_out

        json_out([asdict(d) for d in items])
    else:
        from quizmaster import render

        render.decks_table(items)


@facts_app.command("list")
def facts_list(
    ctx: typer.Context, deck: DeckOption = None, as_json: JsonOption = False, db: DbOption = None
) -> None:
    """List facts.

    Example: quizmaster facts list --deck "India–Israel Defence MoU 2025"
    """
    with open_store(_db(ctx, db)) as store:
        items = store.facts(deck)
    if as_json:  # --json without Rich (start-up time)
        from quizmaster.output import json_out

        json_out([f.to_json() for f in items])
    else:
        from quizmaster import render

        render.facts_table(items)


QUESTIONS_PAGE = 200  # rows of the `questions list` table per page (Rich draws ~1 ms a row)


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
        if as_json:  # straight from the columns: no models, no Rich (start-up time)
            from quizmaster.output import json_out_records
            from quizmaster.store import QUESTION_JSON_KEYS

            json_out_records(QUESTION_JSON_KEYS, store.iter_question_records(deck, kind))
            return
        total = store.count_questions(deck, kind)
        pages = max(1, -(-total // QUESTIONS_PAGE))
        if page > pages:
            raise UsageError(f"--page must be from 1 to {pages} ({total} questions)")
        first = (page - 1) * QUESTIONS_PAGE
        items = store.questions(deck, kind, limit=QUESTIONS_PAGE, offset=first)
    from quizmaster import render

    if total <= QUESTIONS_PAGE:
        render.questions_table(items)
    else:
        render.questions_table(items, total=total, first=first + 1)
        if page < pages:
            render.info(f"Next page: quizmaster questions list --page {page + 1}")


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

    with open_store(_db(ctx, db)) as store:
        moment = now()
        outcome = optimizer.run(
            store,
            now=moment,
            revlog=revlog,
            dry_run=dry_run,
            apply_reschedule=reschedule,
            utc_offset_minutes=utc_offset(moment),
        )
    if as_json:
        render.json_out(outcome.to_json())
    else:
        render.optimize_report(outcome)


# --- quiz sessions ----------------------------------------------------------------

config_app = typer.Typer(help="Show and change settings.", no_args_is_help=False)
app.add_typer(config_app, name="config")


def _idle_timeout() -> float | None:
    """Seconds without input after which piped input counts as ended: in CI (10 s, or
    ``QUIZMASTER_IDLE_TIMEOUT``) a never-closed stdin must not hang the job. Not on Windows,
    where select() cannot wait on a pipe."""
    if os.name == "nt":
        return None
    value = os.environ.get("QUIZMASTER_IDLE_TIMEOUT", "").strip()
    if value:
        return float(value)
    return 10.0 if os.environ.get("CI", "").strip().lower() not in ("", "0", "false") else None


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
        typer.Option("--limit", "-n", help="At most this many questions.", show_default=False),
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
    import sys
    import time

    from quizmaster import render
    from quizmaster.quiz_ui import PlainUI, TerminalUI
    from quizmaster.session import SessionUI, run_quiz

    interactive = bool(sys.stdin and sys.stdin.isatty() and sys.stdout.isatty())
    ui: SessionUI = (
        TerminalUI(practice=practice)
        if interactive
        else PlainUI(sys.stdin, practice=practice, idle_timeout=_idle_timeout())
    )
    with open_store(_db(ctx, db)) as store:
        result = run_quiz(
            store,
            ui,
            clock=now,
            timer=time.monotonic,
            utc_offset_minutes=utc_offset(now()),
            deck=deck,
            tag=tag,
            limit=limit,
            practice=practice,
        )
    if "message" in result:
        render.nothing_to_quiz(result["message"], plain=not interactive)
    else:
        render.session_summary(result, plain=not interactive)


@config_app.callback(invoke_without_command=True)
def config_show(ctx: typer.Context, as_json: JsonOption = False, db: DbOption = None) -> None:
    """Show the settings: daily limits, desired retention, exam date, FSRS parameters.

    Example: quizmaster config --json
    """
    if ctx.invoked_subcommand is not None:
        if db is not None:
            ctx.obj = {"db": db}
        return
    from quizmaster import render
    from quizmaster.session import settings_rows

    with open_store(_db(ctx, db)) as store:
        rows = settings_rows(store)
    if as_json:
        render.json_out({key: value for key, value, _ in rows})
    else:
        render.settings_table(rows)


@config_app.command("set")
def config_set(
    ctx: typer.Context,
    key: Annotated[
        str, typer.Argument(help="new_per_day, reviews_per_day, desired_retention or exam_date.")
    ],
    value: Annotated[str, typer.Argument(help="The new value ('none' clears exam_date).")],
    db: DbOption = None,
) -> None:
    """Change a setting.

    Example: quizmaster config set exam_date 2027-05-24
    """
    from quizmaster import render
    from quizmaster.session import parse_setting

    parsed = parse_setting(key, value)
    with open_store(_db(ctx, db)) as store:
        if parsed is None:
            store.delete_setting(key)
        else:
            store.set_setting(key, parsed)
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
    from quizmaster.errors import UsageError
    from quizmaster.session import SETTABLE

    if key not in (*SETTABLE, "fsrs_parameters"):
        raise UsageError(
            f"unknown setting {key!r}; choose from {', '.join(SETTABLE)}, fsrs_parameters"
        )
    with open_store(_db(ctx, db)) as store:
        removed = store.delete_setting(key)
    render.info(f"{key}: back to the default" if removed else f"{key} was already the default")


# --- mock tests, stats and history ---------------------------------------------


@app.command("mock")
def mock_(
    ctx: typer.Context,
    exam: Annotated[
        str, typer.Option("--exam", "-e", help="Marking scheme: upsc, ssc, ibps or custom.")
    ] = "upsc",
    questions: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--questions",
            "-n",
            help="Questions in the paper (default: up to 20).",
            show_default=False,
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
        typer.Option("--seed", help="Draw the same paper again.", show_default=False),
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
    import sys
    import time

    from quizmaster import mock, render
    from quizmaster.mock_runner import answer_source, sit_mock

    marking = mock.marking_for(exam, correct, wrong)
    if seed is None:  # a fresh paper, whose seed the result sheet shows so it can be repeated
        import secrets

        seed = secrets.randbelow(1_000_000)
    # The paper goes to stderr when stdout must stay clean (JSON) or is not the screen.
    render.mock_to_stderr(as_json or (sys.stdin.isatty() and not sys.stdout.isatty()))
    with open_store(_db(ctx, db)) as store:
        paper = mock.assemble_paper(
            store.mock_pool(deck, tag), marking, questions=questions, minutes=minutes, seed=seed
        )
        with answer_source(sys.stdin) as (keys, lines):
            result = sit_mock(
                store,
                paper,
                now=now(),
                monotonic=time.monotonic,
                keys=keys,
                lines=lines,
                deck=deck,
                tag=tag,
            )
    if as_json:
        render.json_out(result.to_json())
    else:
        render.mock_result(result)


@app.command("stats")
def stats_(
    ctx: typer.Context,
    deck: DeckOption = None,
    days: Annotated[
        int, typer.Option("--days", help="Days shown in the review heatmap (about 6 months).")
    ] = 182,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Your progress: streaks, a review heatmap, retention, accuracy by topic, tag and kind,
    questions by state, the reviews due in the next 30 days and your weakest facts.

    Example: quizmaster stats --deck "India–Israel Defence MoU 2025" --days 90
    """
    from quizmaster.stats import collect_stats

    moment = now()
    with open_store(_db(ctx, db)) as store:
        report = collect_stats(
            store, now=moment, utc_offset_minutes=utc_offset(moment), deck=deck, days=days
        )
    if as_json:  # --json without Rich (start-up time)
        from quizmaster.output import json_out

        json_out(report)
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
    from quizmaster.stats import mock_trend, session_history

    if as_json and as_csv:
        raise UsageError("choose one of --json and --csv")
    with open_store(_db(ctx, db)) as store:
        rows = session_history(store.session_rows())
    if as_json:
        render.json_out(rows)
    elif as_csv:
        render.csv_out(rows)
    else:
        render.history_report(rows, mock_trend(rows))


# --- article ingest ---------------------------------------------------------------


def _read_answer(message: str) -> str:
    """One line typed by the user (or piped on stdin); EOFError when input ends."""
    import sys

    from quizmaster import render

    render.prompt(message)
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line.rstrip("\r\n")


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
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds to wait for a URL.", min=0.1)
    ] = 15.0,
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
    import sys
    from dataclasses import asdict

    from quizmaster import render
    from quizmaster.facts_file import dump_facts
    from quizmaster.generate import generate_questions
    from quizmaster.ingest import choose_mode, plan_ingest, review_facts, save_and_load
    from quizmaster.paths import default_db_path
    from quizmaster.sources import read_source

    mode = choose_mode(
        review=review,
        yes=yes,
        dry_run=dry_run,
        as_json=as_json,
        source=source,
        stdin_tty=sys.stdin.isatty(),
    )
    article = read_source(source, stdin=sys.stdin.buffer, timeout=timeout)
    if article.encoding not in ("utf-8", "utf-16"):
        render.info(f"Note: {article.source} is not UTF-8; read it as {article.encoding}.")
    db_path = _db(ctx, db) or default_db_path()
    plan = plan_ingest(article, data_dir=db_path.parent, deck=deck, out=out)
    facts = plan.facts
    if mode == "review":
        facts = review_facts(facts, ask=_read_answer, show=render.review_fact, tell=render.info)
    count = len(generate_questions(facts))
    result: dict[str, Any] = {
        "deck": plan.deck,
        "file": str(plan.out_path),
        "source": article.source,
        "questions": count,
        "facts": [f.model_dump(mode="json") for f in facts],
    }
    if dry_run:
        if as_json:
            render.json_out({**result, "dry_run": True})
        else:
            render.ingest_preview(
                dump_facts(plan.deck, facts),
                f"Would save {len(facts)} facts "
                f"({count} questions) to {plan.out_path} and load them into "
                f"deck {plan.deck!r}. Nothing was written.",
            )
        return
    with open_store(db_path) as store:
        report = save_and_load(store, plan, facts, now=now())
    if as_json:
        render.json_out({**result, "dry_run": False, "report": asdict(report)})
    else:
        render.ingest_report(report, str(plan.out_path))


# --- decks in and out ----------------------------------------------------------------


@app.command("export")
def export(
    ctx: typer.Context,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="apkg, csv, tsv, json, yaml, md or html.", show_default=False
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
    with open_store(_db(ctx, db)) as store, render.progress_bar("Exporting") as tick:
        outcome = run_export(
            store, fmt, now=now(), with_history=with_history, progress=tick, **options
        )
        if outcome.chunks is not None:
            render.raw_out(outcome.chunks)
    if outcome.output is not None:
        render.export_done(outcome.questions, outcome.facts, outcome.output)


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


def _arrange_help() -> None:
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


def main() -> None:
    import sys

    _build_only_invoked(sys.argv[1:])
    app(prog_name="quizmaster")
