"""``quizmaster questions list --json`` and ``quizmaster stats --json`` without Typer: the
same store calls and the same JSON writer as the full app's commands (``cli.questions_list``
and ``cli.stats_``), so scripts that poll them start as fast as a bare Python process with
the store.

Only these exact command lines, and only on the quiet path: the text is built in memory and
written only once it is whole, and every case the full app could treat differently hands over
to it having printed nothing (no database yet, a pending migration, the built-in deck not yet
loaded, a non-UTF-8 stdout, any error at all: the full app then reports it in its own words).
A listing too large to hold as text is streamed by the same writer as the full app's once its
first row is read; an error after that is reported as the full app reports it
(``cli.report_failure``) and ends the process with the full app's exit code. Tests compare
both paths' output, errors and exit codes byte for byte."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from quizmaster.store import Store

COMMANDS = (["questions", "list", "--json"], ["stats", "--json"])
# Above this many questions the listing is streamed (_stream_questions) instead of held here.
MAX_QUESTIONS = 5_000
_STREAMED = "streamed"  # what _text returns for a listing it streamed


def run(argv: list[str]) -> bool:
    """Print the command's JSON and return True, or return False having printed nothing."""
    if argv not in COMMANDS:
        return False
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    if encoding != "utf8":
        return False
    try:
        text = _text(argv)
    except Exception:  # noqa: BLE001 - the full app reports it
        return False
    if text is None:
        return False
    if text is _STREAMED:
        return True
    replace_unencodable(sys.stdout)
    sys.stdout.write(text)
    sys.stdout.flush()
    return True


def replace_unencodable(*streams: Any) -> None:
    """Write what a stream cannot encode as a replacement character, as the full app's main
    does (a stream that cannot be reconfigured is left as it is)."""
    for stream in streams:
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError, OSError):
            pass


def now() -> tuple[dt.datetime, int]:
    """``cli.now()`` and ``cli.utc_offset()`` of it (a test holds them equal)."""
    from quizmaster.environment import read_clock

    return read_clock(os.environ)


def current_database() -> Path | None:
    """The database, when it exists and needs no migration; None hands over to the full
    app, which creates or migrates it. Read-only: the fast paths write nothing."""
    import sqlite3

    from quizmaster.dashboard_fast import up_to_date
    from quizmaster.paths import default_db_path

    path = default_db_path()
    if not path.is_file():
        return None
    probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        ready = up_to_date(probe)
    finally:
        probe.close()
    return path if ready else None


@contextlib.contextmanager
def ready_store() -> Iterator[tuple[Store, dt.datetime, int] | None]:
    """The current database opened at the command's clock, with that moment and its UTC
    offset; None where the full app has work to do first (no database, a pending migration,
    the built-in deck not yet loaded). Closed on leaving."""
    path = current_database()
    if path is None:
        yield None
        return
    moment, offset = now()
    from quizmaster.store import Store

    with Store.open(path, now=moment) as store:
        yield None if store.builtin_deck_pending() else (store, moment, offset)


def _text(argv: list[str]) -> str | None:
    with ready_store() as ready:
        if ready is None:
            return None
        store, moment, offset = ready
        from quizmaster.json_writer import dumps, iter_json_records
        from quizmaster.store import QUESTION_JSON_KEYS

        if argv[0] == "questions":
            if store.count_questions() > MAX_QUESTIONS:
                _stream_questions(store)
                return _STREAMED
            rows = store.iter_question_records(None, None)
            return "".join(iter_json_records(QUESTION_JSON_KEYS, rows)) + "\n"
        from quizmaster.stats import HEATMAP_DAYS, collect_stats

        # cli.stats_ with its defaults: no --deck, --days 182.
        report = collect_stats(
            store, now=moment, utc_offset_minutes=offset, deck=None, days=HEATMAP_DAYS
        )
        return dumps(report.to_json()) + "\n"


def _stream_questions(store: Store) -> None:
    """``cli.questions_list --json`` of a large collection: the same rows through the same
    writer (``output.json_out_records``, a batch of rows at a time). What fails before the
    first row is read is raised (the caller hands over, having printed nothing); a failure
    after that is reported as the full app reports it, and ends the process with its exit
    code."""
    import itertools

    from quizmaster.json_writer import json_out_records
    from quizmaster.store import QUESTION_JSON_KEYS

    rows = store.iter_question_records(None, None)
    first = next(rows, None)
    replace_unencodable(sys.stdin, sys.stdout, sys.stderr)
    try:
        json_out_records(
            QUESTION_JSON_KEYS, rows if first is None else itertools.chain([first], rows)
        )
    except KeyboardInterrupt:
        code = 130  # what Typer's main makes of it: no message
    except Exception as exc:  # noqa: BLE001 - reported as the full app reports it
        from quizmaster.cli import report_failure

        code = report_failure(exc)
    else:
        return
    sys.exit(code)
