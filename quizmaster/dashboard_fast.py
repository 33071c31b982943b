"""Bare ``quizmaster`` (the dashboard) without Typer, pydantic or Rich: plain ``sqlite3``
and a panel drawn byte for byte as ``render.dashboard`` draws it (a test compares the two on
a pseudo-terminal and on a pipe, across widths, settings and histories).

It only reads, and it hands over to the full app (returns False before writing anything)
whenever the full path could do something else: no database yet, a pending migration, the
built-in deck not loaded, a stored setting the full path would reject or that needs the
scheduler to check (``fsrs_parameters``), an unusual clock, or a terminal set-up Rich treats
specially (``NO_COLOR``, ``FORCE_COLOR``, a dumb terminal, a non-UTF-8 stdout, a line too
long for the panel). The store's read-only twin for this one screen: its queries mirror
``Store.totals``, ``count_due``, ``count_new``, ``reviews_since`` and ``reviewed_on``, and the
numbers mirror ``dashboard.dashboard``."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import sys

from quizmaster.setting_names import (
    DESIRED_RETENTION,
    EXAM_DATE,
    FSRS_PARAMETERS,
    NEW_PER_DAY,
    REVIEWS_PER_DAY,
)

UTC = dt.timezone.utc
DAY_ROLLOVER_HOUR = 4  # scheduler.DAY_ROLLOVER_HOUR (a test holds them equal)
DEFAULT_NEW_PER_DAY = 20  # settings.DEFAULTS["new_per_day"] (a test holds them equal)
BUSY_TIMEOUT_S = 30.0
RICH_ENV = ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "JUPYTER_COLUMNS")


class HandOver(Exception):
    """This run is the full app's to do."""


def show_dashboard(*, as_json: bool = False) -> bool:
    """Print the dashboard (``--json``: its numbers) and return True, or return False
    having printed nothing."""
    text = fast_text(dict(os.environ), as_json=as_json)
    if text is None:
        return False
    sys.stdout.write(text)
    sys.stdout.flush()
    return True


def fast_text(env: dict[str, str], *, as_json: bool = False) -> str | None:
    """The dashboard's text, or None when the full app must run."""
    try:
        return dashboard_text(env, as_json=as_json)
    except (HandOver, sqlite3.Error, OSError, ValueError, TypeError, KeyError):
        return None


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _now(env: dict[str, str]) -> tuple[dt.datetime, int]:
    """``cli.now`` and ``cli.utc_offset``."""
    pinned = env.get("QUIZMASTER_NOW", "").strip()
    if pinned:
        moment = dt.datetime.fromisoformat(pinned)
        moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        zoned = moment
    else:
        moment = dt.datetime.now(UTC)
        zoned = moment.astimezone()
    offset = zoned.utcoffset()
    return moment, 0 if offset is None else int(offset.total_seconds() // 60)


def _db_path(env: dict[str, str]) -> str:
    """``paths.default_db_path``."""
    override = env.get("QUIZMASTER_DB", "").strip()
    if override:
        return os.path.expanduser(override)
    from platformdirs import user_data_path

    return str(user_data_path("quizmaster", appauthor=False) / "quizmaster.db")


def _settings(raw: dict[str, str]) -> tuple[int, dt.date | None]:
    """(new_per_day, exam_date) as ``settings.load_settings`` reads them; HandOver for any
    value it would reject (the full app reports it)."""
    values = {key: _json_value(text) for key, text in raw.items()}
    if values.get(FSRS_PARAMETERS):
        raise HandOver("checked by the scheduler")
    new_per_day = DEFAULT_NEW_PER_DAY
    exam: dt.date | None = None
    for key in (NEW_PER_DAY, REVIEWS_PER_DAY, DESIRED_RETENTION, EXAM_DATE):
        if values.get(key) is None:
            continue
        text = str(values[key]).strip()
        if key in (NEW_PER_DAY, REVIEWS_PER_DAY):
            if not text.isascii() or not text.isdigit() or int(text) > 10_000:
                raise HandOver(key)
            if key == NEW_PER_DAY:
                new_per_day = int(text)
        elif key == DESIRED_RETENTION:
            if not 0.7 <= float(text) <= 0.99:
                raise HandOver(key)
        elif text.lower() not in ("", "none", "off"):
            exam = dt.date.fromisoformat(text)
    return new_per_day, exam


def _migration_names() -> set[str]:
    from quizmaster.migrations import MIGRATIONS

    return {name for name, _ in MIGRATIONS}


def up_to_date(conn: sqlite3.Connection) -> bool:
    """Whether every migration is applied (else ``Store.open`` would migrate)."""
    applied = {r[0] for r in conn.execute("SELECT name FROM _migrations")}
    return applied == _migration_names()


def numbers(conn: sqlite3.Connection, moment: dt.datetime, offset: int) -> dict[str, object]:
    """``dashboard.dashboard`` from a connection to an up-to-date database."""
    if not up_to_date(conn):
        raise HandOver("migrations")
    if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
        raise HandOver("journal mode")
    raw = dict(conn.execute("SELECT key, value FROM settings"))
    decks, facts, questions = conn.execute(
        "SELECT (SELECT count(*) FROM decks), "
        f"(SELECT count(*) FROM facts) - {_not_live('facts')}, "
        f"(SELECT count(*) FROM questions) - {_not_live('questions')}"
    ).fetchone()
    if decks == 0 and not _truthy(raw.get("builtin_deck_loaded")):
        raise HandOver("built-in deck pending")
    new_per_day, exam = _settings(raw)
    if conn.execute("SELECT EXISTS(SELECT 1 FROM decks WHERE paused = 1)").fetchone()[0]:
        raise HandOver("a paused deck")  # the full app leaves its questions out
    live = (  # Store._live_cards
        "FROM cards c WHERE 1"
        if conn.execute(
            f"SELECT {_not_live('questions')} = 0 "
            "AND (SELECT count(*) FROM questions) = (SELECT count(*) FROM cards)"
        ).fetchone()[0]
        else "FROM cards c JOIN questions q ON q.id = c.question_id WHERE q.retired = 0"
    )
    due_now = conn.execute(
        f"SELECT count(*) {live} AND c.suspended = 0 AND c.state != 0 AND c.due <= ?",
        (_iso(moment),),
    ).fetchone()[0]
    new_available = conn.execute(
        f"SELECT count(*) {live} AND c.suspended = 0 AND c.state = 0"
    ).fetchone()[0]
    # The study day starts at the rollover hour of the local day (session.study_day_start).
    shifted = moment.astimezone(UTC) + dt.timedelta(minutes=offset)
    study_day = (shifted - dt.timedelta(hours=DAY_ROLLOVER_HOUR)).date()
    since = dt.datetime.combine(study_day, dt.time(DAY_ROLLOVER_HOUR), tzinfo=UTC)
    since -= dt.timedelta(minutes=offset)
    new_done = conn.execute(
        "SELECT coalesce(sum(json_extract(card_before, '$.state') = 0), 0) "
        "FROM reviews WHERE reviewed_at >= ?",
        (_iso(since),),
    ).fetchone()[0]
    today = (moment + dt.timedelta(minutes=offset)).date()

    def reviewed_on(day: dt.date) -> bool:
        start = dt.datetime.combine(day, dt.time(0), tzinfo=UTC) - dt.timedelta(minutes=offset)
        row = conn.execute(
            "SELECT EXISTS(SELECT 1 FROM reviews WHERE reviewed_at >= ? AND reviewed_at < ?)",
            (_iso(start), _iso(start + dt.timedelta(days=1))),
        ).fetchone()
        return bool(row[0])

    day = today if reviewed_on(today) else today - dt.timedelta(days=1)
    streak = 0
    while reviewed_on(day):
        streak += 1
        day -= dt.timedelta(days=1)
    new_today = min(new_available, max(0, new_per_day - int(new_done)))
    if due_now or new_today:
        next_command = "quizmaster quiz"
    elif questions:
        next_command = "quizmaster quiz --practice"
    else:
        next_command = "quizmaster import FILE.yaml"
    return {
        "decks": decks,
        "facts": facts,
        "questions": questions,
        "due_now": due_now,
        "new_available": new_available,
        "new_today": new_today,
        "streak_days": streak,
        "exam_date": exam.isoformat() if exam else None,
        "days_to_exam": (exam - today).days if exam else None,
        "next_command": next_command,
    }


def _json_value(text: str) -> object:
    """A stored setting (JSON text): the usual scalars read without importing json."""
    if text in _JSON_WORDS:
        return _JSON_WORDS[text]
    if text.isascii() and text.isdigit() and (text == "0" or text[0] != "0"):
        return int(text)
    plain = text.isprintable() and not ('"' in text[1:-1] or "\\" in text)
    if len(text) > 1 and text[0] == text[-1] == '"' and plain:
        return text[1:-1]
    import json

    return json.loads(text)


_JSON_WORDS: dict[str, object] = {"true": True, "false": False, "null": None}


def _not_live(table: str) -> str:
    """``store._not_live``: rows with ``retired`` other than 0, by index ranges."""
    return (
        f"((SELECT count(*) FROM {table} WHERE retired > 0) + "
        f"(SELECT count(*) FROM {table} WHERE retired < 0) + "
        f"(SELECT count(*) FROM {table} WHERE retired IS NULL))"
    )


def _truthy(text: str | None) -> bool:
    return bool(text is not None and _json_value(text))


def _count(n: object, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _width(env: dict[str, str]) -> int:
    """Rich's ``Console.size`` width (not on Windows, not a dumb terminal)."""
    width = None
    for fd in (0, 1, 2):
        try:
            width = os.get_terminal_size(fd).columns
        except (AttributeError, ValueError, OSError):
            continue
        break
    columns = env.get("COLUMNS")
    if columns is not None and columns.isdigit():
        width = int(columns)
    return width or 80


def draw(summary: dict[str, object], *, width: int, color: bool) -> str:
    """The panel of ``render.dashboard``: a rounded box in cyan around the lines."""
    lines: list[tuple[str, str]] = [  # (style, text); "" is unstyled
        ("", ""),  # the first line is assembled below from two styles
        ("", f"Due now: {summary['due_now']}    New available: {summary['new_available']}"),
        (
            "",
            f"New today: {summary['new_today']}    Streak: {_count(summary['streak_days'], 'day')}",
        ),
    ]
    head = f"  ·  {_count(summary['decks'], 'deck')}, {summary['facts']} facts, "
    head += f"{summary['questions']} questions"
    days = summary["days_to_exam"]
    if isinstance(days, int) and days >= 0:
        when = "today" if days == 0 else f"in {_count(days, 'day')}"
        lines.append(("", f"Exam {summary['exam_date']}: {when}"))
    lines.append(("1", f"Next: {summary['next_command']}"))
    inner = width - 4
    first_len = len("quizmaster") + len(head)
    if inner < 1 or max(first_len, *(len(t) for _, t in lines)) > inner:
        raise HandOver("the panel would wrap")

    def styled(style: str, text: str) -> str:
        return f"\x1b[{style}m{text}\x1b[0m" if color and style and text else text

    border = "36"
    side = styled(border, "│")
    out = [styled(border, "╭" + "─" * (width - 2) + "╮")]
    first = styled("1;36", "quizmaster") + head + " " * (inner - first_len)
    out.append(f"{side} {first} {side}")
    for style, text in lines[1:]:
        out.append(f"{side} {styled(style, text)}{' ' * (inner - len(text))} {side}")
    out.append(styled(border, "╰" + "─" * (width - 2) + "╯"))
    return "\n".join(out) + "\n"


def dashboard_text(env: dict[str, str], *, as_json: bool = False) -> str:
    """The dashboard (or with ``as_json`` its JSON) as the full app would print it here, or
    HandOver."""
    if not as_json:
        if os.name == "nt" or any(name in env for name in RICH_ENV):
            raise HandOver("terminal set-up")
        if env.get("TERM", "").lower() in ("dumb", "unknown"):
            raise HandOver("dumb terminal")
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    if encoding != "utf8":
        raise HandOver("encoding")
    path = _db_path(env)
    if not os.path.isfile(path):
        raise HandOver("no database yet")
    moment, offset = _now(env)
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    try:
        summary = numbers(conn, moment, offset)
    finally:
        conn.close()
    if as_json:  # what output.json_out writes for dashboard.dashboard's report
        from quizmaster.json_writer import dumps

        return dumps(summary) + "\n"
    return draw(summary, width=_width(env), color=sys.stdout.isatty())
