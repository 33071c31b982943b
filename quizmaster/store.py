"""The SQLite store: the only module that speaks SQL.

Writes run in explicit ``BEGIN IMMEDIATE`` transactions on an autocommit connection, so a
multi-step change (a whole deck import, one answer with its review log) commits as one unit
or not at all. WAL mode and a busy timeout let two sessions share one database.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import sqlite3
import zlib
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizmaster.errors import DatabaseError, InputFileError, NotFoundError, UsageError
from quizmaster.records import (
    CARD_COLUMNS,
    QUESTION_ADAPTER,
    CardState,
    CardTally,
    DeckInfo,
    DeckUsage,
    History,
    HistoryReport,
    LoadReport,
    MockItemRow,
    ReviewRecord,
    ReviewStats,
    SessionRecord,
    SessionRow,
    StoredFact,
    StoredQuestion,
    WrittenFact,
    WrittenQuestion,
    iso,
    iso_or_none,
    parse_or_none,
)

if TYPE_CHECKING:
    from quizmaster.models import Fact, Question, Source

BUSY_TIMEOUT_MS = 30_000
IMPORT_CACHE_KIB = -65_536  # SQLite's page cache during a big import (64 MiB)
BULK_IMPORT_ROWS = 10_000  # an import of more rows than this is a big one
LOAD_BATCH = 5_000  # new rows a deck load gathers before it writes them
# Indexes keyed by question id, whose order is unrelated to the order rows are written in: a
# bulk write puts each row on a random page of each. A big import into a collection no bigger
# than itself drops them and builds them again, sorted, in the same transaction. So too the
# other indexes no query of the import reads (building one from the rows costs less than
# writing into it row by row); the import's own lookups keep theirs (a deck's questions by
# ``idx_questions_deck_id_kind``, a deck's facts by ``idx_facts_deck_id``).
BULK_REBUILT_INDEXES = (  # in the schema's order
    "idx_questions_fact_id",
    "idx_cards_due",
    "idx_questions_id_retired",
    "idx_questions_retired",
    "idx_facts_retired",
    "idx_cards_due_state",
    "idx_cards_state_suspended",
    "idx_questions_deck_position",
)


# Reviews per local day of the whole log as index range counts, one per day from the first
# review to the last: the day's bounds are computed once and each count walks the
# reviewed_at index (canonical ISO UTC text, so text order is time order) without
# evaluating date() on every review (1M reviews: 0.26 s instead of 0.95 s).
_DAY_COUNTS_BY_RANGE = """
WITH RECURSIVE bounds(lo, hi) AS (
    SELECT date(min(reviewed_at), :offset || ' minutes'),
           date(max(reviewed_at), :offset || ' minutes')
    FROM reviews
), days(day) AS (
    SELECT lo FROM bounds WHERE lo IS NOT NULL
    UNION ALL SELECT date(day, '+1 day') FROM days, bounds WHERE day < hi
)
SELECT day, n FROM (
    SELECT day, (
        SELECT count(*) FROM reviews
        WHERE reviewed_at >= strftime('%Y-%m-%dT%H:%M:%S.000000+00:00', day,
                                      (-:offset) || ' minutes')
          AND reviewed_at < strftime('%Y-%m-%dT%H:%M:%S.000000+00:00', day, '+1 day',
                                     (-:offset) || ' minutes')
    ) AS n FROM days
) WHERE n > 0
"""


def _setting_value(key: str, text: Any) -> Any:
    """A stored setting's JSON; damage (edited by hand) says how to reset it."""
    try:
        return json.loads(text)
    except (TypeError, ValueError, RecursionError):
        shown = key if len(key) <= 40 else key[:37] + "..."
        raise DatabaseError(
            f"stored setting {shown!r} is not valid JSON; reset it with "
            f"`quizmaster config unset {shown}`"
        ) from None


def _not_live(table: str) -> str:
    """How many rows of ``table`` have ``retired`` other than 0, as three index range counts
    (``count(*) WHERE retired = 0`` walks every live row's index entry: 24 ms at 100k)."""
    return (
        f"((SELECT count(*) FROM {table} WHERE retired > 0) + "
        f"(SELECT count(*) FROM {table} WHERE retired < 0) + "
        f"(SELECT count(*) FROM {table} WHERE retired IS NULL))"
    )


# True when every question is live and the cards pair up with the questions (equal counts,
# cards keyed by question id): then counting cards is counting live questions' cards.
_CARDS_PAIR_UP = (
    f"SELECT {_not_live('questions')} = 0 "
    "AND (SELECT count(*) FROM questions) = (SELECT count(*) FROM cards) "
    "AND NOT EXISTS (SELECT 1 FROM decks WHERE paused = 1)"
)
_LIVE_CARDS_ALONE = "FROM cards c WHERE 1"


# The keys of ``questions list --json``'s items (``StoredQuestion.to_json``), in order.
QUESTION_JSON_KEYS = (
    "id",
    "fact_id",
    "deck",
    "kind",
    "prompt",
    "options",
    "answer",
    "explanation",
    "tags",
    "topic",
)


def _deck_key(name: str) -> str:
    """A deck name as a person types it: any dash, case and spacing alike."""
    return " ".join(re.sub(r"[\u2010-\u2015\u2212-]", "-", name).casefold().split())


_CARD_COLUMNS = ", ".join(CARD_COLUMNS)
_UPDATE_CARD = (
    "UPDATE cards SET state = :state, step = :step, stability = :stability, "
    "difficulty = :difficulty, due = :due, last_review = :last_review, reps = :reps, "
    "lapses = :lapses, suspended = :suspended, leech = :leech, "
    "buried_until = :buried_until WHERE question_id = :question_id"
)


def _card_params(card: CardState) -> dict[str, Any]:
    return {**card.to_json(), "suspended": int(card.suspended), "leech": int(card.leech)}


# New questions: the kind asked first rotates from fact to fact (multiple choice, blank,
# true/false, typed, statements/match), so the first days are not all typed answers.
_KIND_RANK = (
    "CASE q.kind WHEN 'mcq' THEN 0 WHEN 'true_false' THEN 1 WHEN 'short_answer' THEN 2 "
    "WHEN 'cloze' THEN 3 ELSE 4 END"
)
_KIND_ROTATION = f"((({_KIND_RANK}) + 5 - (f.position % 5)) % 5)"
_NOT_PAUSED = " AND q.deck_id NOT IN (SELECT id FROM decks WHERE paused = 1)"


def _new_order_sql(new_order: str) -> str:
    """ORDER BY for new questions: ``newest`` (the latest added first: today's article
    before the rest), ``mixed`` (round-robin over decks) or ``deck`` (deck by deck)."""
    within = f"f.position, {_KIND_ROTATION}, q.position"
    if new_order == "newest":
        return f"q.created_at DESC, d.name, {within}"
    if new_order == "mixed":
        return (
            "DENSE_RANK() OVER (PARTITION BY q.deck_id ORDER BY f.position), "
            f"d.name, {_KIND_ROTATION}, q.position"
        )
    return f"d.name, {within}"


class Store:
    """A quizmaster database. Open with :meth:`open`; close with :meth:`close`."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path
        self._db: Any = None  # sqlite_utils.Database, made on first use (see `db`)
        self.busy_timeout_ms = BUSY_TIMEOUT_MS
        # Called each time the write lock stays taken past the busy timeout; None: give up.
        self.on_wait: Callable[[], None] | None = None

    # --- opening and transactions ---------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, now: dt.datetime | None = None) -> Store:
        """Open (creating if needed) the database at ``path`` and bring its schema up to date.

        ``":memory:"`` gives a private in-memory database (tests).
        """
        memory = str(path) == ":memory:"
        target = None if memory else Path(path)
        if target is not None:
            if target.is_dir():
                raise DatabaseError(f"{target}: is a directory; give a database file path")
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(
                    f"{target.parent}: cannot create directory ({exc.strerror})"
                ) from None
        try:
            conn = sqlite3.connect(
                ":memory:" if memory else str(target),
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
        except sqlite3.Error as exc:
            raise DatabaseError(f"{path}: cannot open database ({exc})") from None
        store = cls(conn, target)
        try:
            store._refuse_foreign_schema()
            store._configure()
            store.migrate(now=now)
        except DatabaseError:
            conn.close()
            raise
        except sqlite3.DatabaseError as exc:
            conn.close()
            text = str(exc)
            if "not a database" in text or "malformed" in text or "encrypted" in text:
                raise DatabaseError(
                    f"{path}: damaged or not a quizmaster database ({text}); restore a backup "
                    "or pass another --db path"
                ) from None
            if "readonly" in text or "unable to open" in text:
                raise DatabaseError(
                    f"{path}: database is read-only or its folder is not writable ({text})"
                ) from None
            raise DatabaseError(f"{path}: {text}") from None
        return store

    def _configure(self) -> None:
        self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self.conn.execute("PRAGMA foreign_keys = ON")
        if self.path is not None:
            mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise sqlite3.DatabaseError(f"cannot enable WAL (journal_mode={mode})")
        # NORMAL is durable in WAL mode across application crashes (kill -9); only an OS
        # crash or power loss may roll back the last transactions.
        self.conn.execute("PRAGMA synchronous = NORMAL")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def set_busy_timeout(self, milliseconds: int) -> None:
        """How long one attempt to take the write lock waits (tests shorten it)."""
        self.conn.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")
        self.busy_timeout_ms = int(milliseconds)

    def _begin(self) -> None:
        """``BEGIN IMMEDIATE``; when another writer holds the lock past the busy timeout (a
        big import), ``on_wait`` (the quiz's "waiting" message) is told and the attempt is
        repeated: the answer waiting to be written is kept, never lost. Without ``on_wait``,
        one clear line instead of a "database is locked" traceback."""
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                if self.on_wait is None:
                    raise DatabaseError(
                        f"{self.path or ':memory:'}: another program (an import, a backup) "
                        f"has held the database for over {self.busy_timeout_ms // 1000} s; "
                        "try again when it has finished"
                    ) from None
                self.on_wait()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: ``BEGIN IMMEDIATE`` takes the write lock up front, so a second
        process waits (busy timeout) instead of failing with "database is locked" mid-way."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self._begin()
        try:
            yield self.conn
        except sqlite3.OperationalError as exc:
            self.conn.execute("ROLLBACK")
            if "readonly" in str(exc):
                raise DatabaseError(
                    f"{self.path or ':memory:'}: database is read-only ({exc}); check the "
                    "permissions of the file and its folder"
                ) from None
            raise
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # --- schema and migrations ------------------------------------------------------------

    def applied_migrations(self) -> list[str]:
        if not self._table_exists("_migrations"):
            return []
        return [r[0] for r in self.conn.execute("SELECT name FROM _migrations ORDER BY rowid")]

    def migrate(self, *, now: dt.datetime | None = None) -> list[str]:
        """Apply pending migrations, each in its own transaction. Returns the names applied."""
        from quizmaster.migrations import pending

        stamp = iso(now or dt.datetime.now(dt.timezone.utc))
        if not self._table_exists("_migrations"):
            with self.transaction():
                self.conn.execute(
                    "CREATE TABLE IF NOT EXISTS _migrations "
                    "(name TEXT PRIMARY KEY, applied_at TEXT)"
                )
        done: list[str] = []
        for name, fn in pending(set(self.applied_migrations())):
            with self.transaction():
                # Another process may have applied it while we waited for the write lock.
                if name in self.applied_migrations():
                    continue
                fn(self.db)
                self.conn.execute("INSERT INTO _migrations VALUES (?, ?)", (name, stamp))
            done.append(name)
        return done

    @property
    def db(self) -> Any:
        """The connection wrapped in ``sqlite_utils.Database`` (for migrations). Imported on
        first use: sqlite_utils costs tens of milliseconds at start-up, and most runs have no
        migration to apply."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    def _refuse_foreign_schema(self) -> None:
        """Another program's SQLite file given as ``--db`` by mistake must be left exactly as
        it is: not switched to WAL, not given our tables. Ours records its migrations in
        ``_migrations``; until the first has run it holds nothing else (a ``_migrations``
        table beside other tables or views does not make a file ours), and after that it has
        every table its applied migrations made and no migration this version does not know."""
        from quizmaster.migrations import MIGRATION_TABLES, MIGRATIONS

        where = self.path or ":memory:"
        objects: dict[str, str] = dict(
            self.conn.execute(
                "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') "
                "AND name NOT LIKE 'sqlite_%'"
            ).fetchall()
        )
        if not objects:
            return
        applied = self.applied_migrations() if objects.get("_migrations") == "table" else []
        if not applied:
            others = sorted(name for name in objects if name != "_migrations")
            if others:
                raise DatabaseError(
                    f"{where}: not a quizmaster database (it holds another program's tables, "
                    f"e.g. {others[0]!r}); pass another --db path"
                )
            return
        known = {name for name, _ in MIGRATIONS}
        unknown = [name for name in applied if name not in known]
        if unknown:
            raise DatabaseError(
                f"{where}: made by a newer quizmaster (migration {unknown[0][:60]!r}) or "
                "another program; upgrade quizmaster or pass another --db path"
            )
        for name in applied:
            for table in MIGRATION_TABLES.get(name, ()):
                if objects.get(table) != "table":
                    raise DatabaseError(
                        f"{where}: damaged: table {table!r} is missing; restore a backup"
                    )

    def _table_exists(self, name: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).fetchone()
        return row is not None

    def _stored_ids(self, table: str, ids: Sequence[str]) -> set[str]:
        """Those of ``ids`` that ``table`` (facts or questions) holds, retired or not."""
        return {
            r[0]
            for r in self.conn.execute(
                f"SELECT id FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(list(ids)),),
            )
        }

    # --- settings -------------------------------------------------------------------------

    def get_setting(self, key: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else _setting_value(key, row[0])

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value)),
            )

    def all_settings(self) -> dict[str, Any]:
        return {
            k: _setting_value(k, v) for k, v in self.conn.execute("SELECT key, value FROM settings")
        }

    def save_settings(self, values: dict[str, Any]) -> None:
        """Set several settings in one transaction."""
        with self.transaction():
            for key, value in values.items():
                self.set_setting(key, value)

    def delete_setting(self, key: str) -> bool:
        """Remove a setting; returns whether it was there."""
        with self.transaction():
            cur = self.conn.execute("DELETE FROM settings WHERE key = ?", (key,))
            return cur.rowcount > 0

    BUILTIN_LOADED_KEY = "builtin_deck_loaded"

    def builtin_deck_pending(self) -> bool:
        """True for a database that has never held a deck, built-in or its own: cheap, so
        every command can ask before importing the loader."""
        return not self.get_setting(self.BUILTIN_LOADED_KEY) and self.deck_count() == 0

    # --- decks ----------------------------------------------------------------------------

    def deck_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM decks").fetchone()[0])

    def decks(self) -> list[DeckInfo]:
        rows = self.conn.execute(
            """
            SELECT d.id, d.name, d.source_title, d.source_date,
              (SELECT count(*) FROM facts f WHERE f.deck_id = d.id AND f.retired = 0),
              (SELECT count(*) FROM questions q WHERE q.deck_id = d.id AND q.retired = 0),
              coalesce(d.paused, 0)
            FROM decks d ORDER BY d.name
            """
        )
        return [
            DeckInfo(
                id=r[0],
                name=r[1],
                source_title=r[2],
                source_date=r[3],
                facts=r[4],
                questions=r[5],
                paused=bool(r[6]),
            )
            for r in rows
        ]

    def deck_usage(self, name: str) -> DeckUsage:
        """Counts of what a deck holds, history included (retired questions too)."""
        deck_id = self.deck_id(name)
        row = self.conn.execute(
            """
            SELECT (SELECT count(*) FROM facts WHERE deck_id = :d AND retired = 0),
              (SELECT count(*) FROM questions WHERE deck_id = :d AND retired = 0),
              (SELECT count(DISTINCT r.question_id) FROM reviews r
                 JOIN questions q ON q.id = r.question_id WHERE q.deck_id = :d),
              (SELECT count(*) FROM reviews r
                 JOIN questions q ON q.id = r.question_id WHERE q.deck_id = :d),
              (SELECT count(*) FROM mock_items m
                 JOIN questions q ON q.id = m.question_id WHERE q.deck_id = :d),
              (SELECT coalesce(paused, 0) FROM decks WHERE id = :d)
            """,
            {"d": deck_id},
        ).fetchone()
        return DeckUsage(
            self.deck_name(deck_id), row[0], row[1], row[2], row[3], row[4], bool(row[5])
        )

    def deck_name(self, deck_id: int) -> str:
        """The stored name of a deck (a name typed in another case resolves to it)."""
        return str(
            self.conn.execute("SELECT name FROM decks WHERE id = ?", (deck_id,)).fetchone()[0]
        )

    def deck_id(self, name: str) -> int:
        row = self.conn.execute("SELECT id FROM decks WHERE name = ?", (name,)).fetchone()
        if row is not None:
            return int(row[0])
        # "India-Israel" typed for "India–Israel", or another case: the one deck it can mean.
        alike = [
            (i, n)
            for i, n in self.conn.execute("SELECT id, name FROM decks")
            if _deck_key(n) == _deck_key(name)
        ]
        if len(alike) == 1:
            return int(alike[0][0])
        known = ", ".join(repr(d.name) for d in self.decks()) or "none"
        raise NotFoundError(f"no deck named {name!r} (decks: {known})")

    def rename_deck(self, old: str, new: str) -> None:
        """Give a deck a new name; its facts, questions and history stay as they are."""
        new = " ".join(new.split())
        if not new or len(new) > 200:
            raise UsageError("a deck name must have 1 to 200 characters")
        with self.transaction():
            deck_id = self.deck_id(old)
            old = self.deck_name(deck_id)
            clash = self.conn.execute("SELECT id FROM decks WHERE name = ?", (new,)).fetchone()
            if clash is not None and int(clash[0]) != deck_id:
                raise UsageError(f"there is already a deck named {new!r}; choose another name")
            self.conn.execute("UPDATE decks SET name = ? WHERE id = ?", (new, deck_id))
            self.conn.execute("UPDATE sessions SET deck = ? WHERE deck = ?", (new, old))

    def set_deck_paused(self, name: str, paused: bool) -> bool:
        """Pause or resume a deck; returns whether that changed anything."""
        with self.transaction():
            deck_id = self.deck_id(name)
            cur = self.conn.execute(
                "UPDATE decks SET paused = ? WHERE id = ? AND coalesce(paused, 0) != ?",
                (int(paused), deck_id, int(paused)),
            )
            return cur.rowcount > 0

    def remove_deck(self, name: str) -> DeckUsage:
        """Delete a deck with its facts, questions, schedules, reviews and mock answers, in
        one transaction. Returns what was deleted. (Sessions stay: other decks' answers may
        share them.)"""
        with self.transaction():
            usage = self.deck_usage(name)
            deck_id = self.deck_id(name)
            questions = "(SELECT id FROM questions WHERE deck_id = ?)"
            self.conn.execute(f"DELETE FROM reviews WHERE question_id IN {questions}", (deck_id,))
            self.conn.execute(
                f"DELETE FROM mock_items WHERE question_id IN {questions}", (deck_id,)
            )
            self.conn.execute(f"DELETE FROM cards WHERE question_id IN {questions}", (deck_id,))
            self.conn.execute("DELETE FROM questions WHERE deck_id = ?", (deck_id,))
            self.conn.execute("DELETE FROM facts WHERE deck_id = ?", (deck_id,))
            self.conn.execute("DELETE FROM decks WHERE id = ?", (deck_id,))
        return usage

    def export_decks(self, deck: str | None = None) -> list[tuple[int, str]]:
        """(id, name) of the decks with live facts or questions, by name: the decks an export
        of everything (or of ``deck``) holds."""
        sql = (
            "SELECT d.id, d.name FROM decks d WHERE (EXISTS (SELECT 1 FROM facts f "
            "WHERE f.deck_id = d.id AND f.retired = 0) OR EXISTS (SELECT 1 FROM questions q "
            "WHERE q.deck_id = d.id AND q.retired = 0))"
        )
        params: list[Any] = []
        if deck is not None:
            sql += " AND d.id = ?"
            params.append(self.deck_id(deck))
        return [(int(i), n) for i, n in self.conn.execute(sql + " ORDER BY d.name", params)]

    # --- loading decks: facts and questions written together ------------------------------

    def load_deck(
        self,
        name: str,
        facts: Sequence[Fact | WrittenFact],
        questions: Sequence[Question | WrittenQuestion],
        *,
        now: dt.datetime,
        source_name: str = "<deck>",
        dry_run: bool = False,
        retire_missing: bool = True,
        adopt: bool = False,
    ) -> LoadReport:
        """Insert or update a deck's facts and questions in one transaction.

        A fact that belongs to another deck is an error, unless ``adopt``: then it moves
        here with its questions, schedule and history (a deck left with no facts at all is
        deleted, as it holds nothing).

        Matching is by stable id, so re-loading an edited deck updates questions in place and
        keeps their schedule and reviews. Facts and questions that are no longer produced are
        retired (hidden), never deleted: their history stays. With ``dry_run`` the same work is
        done and rolled back, so the report is exact.
        """
        from quizmaster.boundary_checks import clean_text

        name = clean_text(name)  # a deck column or an Anki deck name: no escape sequences
        stamp = iso(now)
        report = LoadReport(deck=name)
        try:
            with self.transaction():
                # One pass for the ids and the deck's source (a big import's facts may be
                # read back from a file at each pass).
                ids: list[str] = []
                source: Source | None = None
                for fact in facts:
                    ids.append(fact.id)
                    if source is None and fact.source:
                        source = fact.source
                deck_id = self._upsert_deck(name, source, stamp)
                self._load_facts(
                    deck_id,
                    name,
                    facts,
                    json.dumps(ids),
                    stamp,
                    source_name,
                    report,
                    retire_missing,
                    adopt,
                )
                self._load_questions(deck_id, questions, stamp, report, retire_missing)
                for old_name in report.decks_emptied:
                    self.conn.execute(
                        "DELETE FROM decks WHERE name = ? AND NOT EXISTS "
                        "(SELECT 1 FROM facts f WHERE f.deck_id = decks.id) AND NOT EXISTS "
                        "(SELECT 1 FROM questions q WHERE q.deck_id = decks.id)",
                        (old_name,),
                    )
                if dry_run:
                    raise _Rollback
        except _Rollback:
            pass
        return report

    def _upsert_deck(self, name: str, source: Source | None, stamp: str) -> int:
        row = self.conn.execute("SELECT id FROM decks WHERE name = ?", (name,)).fetchone()
        if row is not None:
            self.conn.execute(
                "UPDATE decks SET updated_at = ?, source_title = coalesce(?, source_title), "
                "source_date = coalesce(?, source_date) WHERE id = ?",
                (stamp, source and source.title, source and source.date, row[0]),
            )
            return int(row[0])
        cur = self.conn.execute(
            "INSERT INTO decks (name, source_title, source_date, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (name, source and source.title, source and source.date, stamp, stamp),
        )
        # A database that has held a deck of its own never gets the built-in one later.
        self.set_setting(self.BUILTIN_LOADED_KEY, True)
        return int(cur.lastrowid or 0)

    def _load_facts(
        self,
        deck_id: int,
        deck_name: str,
        facts: Sequence[Fact | WrittenFact],
        ids_json: str,
        stamp: str,
        source_name: str,
        report: LoadReport,
        retire_missing: bool,
        adopt: bool = False,
    ) -> None:
        existing = {
            r[0]: (r[1], r[2], r[3])
            for r in self.conn.execute(
                "SELECT f.id, f.deck_id, f.data, f.retired FROM facts f WHERE f.id IN "
                "(SELECT value FROM json_each(?))",
                (ids_json,),
            )
        }
        rows = _LoadRows(
            self.conn,
            self._insert_facts,
            report.facts_added,
            report.facts_updated,
            report.facts_unchanged,
        )
        for position, fact in enumerate(facts):
            data = fact.model_dump_json()
            old = existing.get(fact.id)
            if old is not None and old[0] != deck_id and adopt:
                self._adopt_fact(fact.id, old[0], deck_id, report)
                old = (deck_id, old[1], old[2])
            if old is not None and old[0] != deck_id:
                other = self.conn.execute("SELECT name FROM decks WHERE id = ?", (old[0],))
                raise InputFileError(
                    source_name,
                    f"fact id {fact.id!r} already belongs to deck {other.fetchone()[0]!r}; "
                    f"rename the fact or import into that deck",
                )
            canon = rows.mark(data)
            values = (
                deck_id,
                position,
                fact.statement,
                fact.topic,
                rows.lists(fact.tags),
                data,
                stamp,
                canon,
                fact.id,
            )
            rows.sort(
                fact.id, None if old is None else old[1:], data, values, values, position, canon
            )
        rows.write(
            "UPDATE facts SET deck_id = ?, position = ?, statement = ?, topic = ?, "
            "tags = ?, data = ?, retired = 0, updated_at = ?, canon = ? WHERE id = ?",
            "UPDATE facts SET position = ?, canon = ? WHERE id = ?",
        )
        if retire_missing:
            keep = ids_json
            gone = self.conn.execute(
                "SELECT id FROM facts WHERE deck_id = ? AND retired = 0 AND id NOT IN "
                "(SELECT value FROM json_each(?))",
                (deck_id, keep),
            ).fetchall()
            for (fact_id,) in gone:
                self.conn.execute(
                    "UPDATE facts SET retired = 1, updated_at = ? WHERE id = ?", (stamp, fact_id)
                )
                report.facts_retired.append(fact_id)

    def _adopt_fact(self, fact_id: str, from_deck: int, deck_id: int, report: LoadReport) -> None:
        """Move a fact and its questions (their cards and reviews follow them) into this
        deck; the deck it leaves is noted, to be deleted if that left it empty."""
        other_name = self.conn.execute(
            "SELECT name FROM decks WHERE id = ?", (from_deck,)
        ).fetchone()[0]
        self.conn.execute("UPDATE facts SET deck_id = ? WHERE id = ?", (deck_id, fact_id))
        self.conn.execute("UPDATE questions SET deck_id = ? WHERE fact_id = ?", (deck_id, fact_id))
        report.facts_moved.append(fact_id)
        if other_name not in report.decks_emptied:
            report.decks_emptied.append(other_name)

    def _insert_facts(self, rows: list[tuple[Any, ...]]) -> None:
        self.conn.executemany(
            "INSERT INTO facts (deck_id, position, statement, topic, tags, data, retired, "
            "updated_at, canon, id) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
            rows,
        )
        rows.clear()

    def _insert_questions(self, rows: list[tuple[Any, ...]]) -> None:
        """New questions, each with its new card."""
        self.conn.executemany(
            "INSERT INTO questions (fact_id, deck_id, kind, variant, position, prompt, "
            "options, answer, explanation, topic, tags, data, retired, created_at, "
            "updated_at, canon, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)",
            rows,
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO cards (question_id) VALUES (?)", ((r[-1],) for r in rows)
        )
        rows.clear()

    def _load_questions(
        self,
        deck_id: int,
        questions: Sequence[Question | WrittenQuestion],
        stamp: str,
        report: LoadReport,
        retire_missing: bool,
    ) -> None:
        existing = {
            r[0]: (r[1], r[2])
            for r in self.conn.execute(
                "SELECT id, data, retired FROM questions WHERE deck_id = ?", (deck_id,)
            )
        }
        rows = _LoadRows(
            self.conn,
            self._insert_questions,
            report.questions_added,
            report.questions_updated,
            report.questions_unchanged,
        )
        lists = rows.lists
        for position, q in enumerate(questions):
            data = q.model_dump_json()
            canon = rows.mark(data)
            values = (
                q.fact_id,
                deck_id,
                q.kind,
                q.variant,
                position,
                q.prompt,
                None if q.options is None else lists(q.options),
                q.answer,
                q.explanation,
                q.topic,
                lists(q.tags),
                data,
                stamp,
                canon,
                q.id,
            )
            # A new question's row also has its created_at: the stamp, before updated_at.
            new = (*values[:-2], stamp, canon, q.id)
            rows.sort(q.id, existing.get(q.id), data, new, values, position, canon)
        rows.write(
            "UPDATE questions SET fact_id = ?, deck_id = ?, kind = ?, variant = ?, "
            "position = ?, prompt = ?, options = ?, answer = ?, explanation = ?, "
            "topic = ?, tags = ?, data = ?, retired = 0, updated_at = ?, canon = ? "
            "WHERE id = ?",
            "UPDATE questions SET position = ?, canon = ? WHERE id = ?",
        )
        if retire_missing:
            produced = {q.id for q in questions}
            for qid, (_data, retired) in existing.items():
                if qid not in produced and not retired:
                    self.conn.execute(
                        "UPDATE questions SET retired = 1, updated_at = ? WHERE id = ?",
                        (stamp, qid),
                    )
                    report.questions_retired.append(qid)

    def import_bundle(
        self,
        decks: Sequence[
            tuple[str, Sequence[Fact | WrittenFact], Sequence[Question | WrittenQuestion]]
        ],
        *,
        history: History | None,
        now: dt.datetime,
        source_name: str,
        merge_history: Callable[[History], HistoryReport] | None = None,
        dry_run: bool = False,
        retire_missing: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> tuple[list[LoadReport], HistoryReport | None]:
        """Load several decks and their history as ONE transaction: all or nothing.

        Facts and questions merge by stable id (:meth:`load_deck`); ``merge_history`` (the
        importer's policy, calling this store's methods) merges the history after them. Foreign
        keys are checked at the end, so a question may name a fact loaded later in the same
        bundle. With ``dry_run`` everything is done and rolled back, so the report is exact.
        """
        if history is not None and merge_history is None:
            raise ValueError("a history to import needs merge_history")
        reports: list[LoadReport] = []
        history_report: HistoryReport | None = None
        total = sum(len(q) for _, _, q in decks) + (len(history.cards) if history else 0)
        done = 0
        if progress is not None:
            progress(0, total)
        # A bulk write touches every page of the tables' seven indexes: with SQLite's default
        # 2 MB page cache, 100k questions spill and re-read pages (about a third of the time).
        cache = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        if total > BULK_IMPORT_ROWS:
            self.conn.execute(f"PRAGMA cache_size = {IMPORT_CACHE_KIB}")
        try:
            with self.transaction():
                self.conn.execute("PRAGMA defer_foreign_keys = ON")
                rebuild = self._drop_bulk_indexes(total) if total > BULK_IMPORT_ROWS else None
                for name, facts, questions in decks:
                    reports.append(
                        self.load_deck(
                            name,
                            facts,
                            questions,
                            now=now,
                            source_name=source_name,
                            retire_missing=retire_missing,
                        )
                    )
                    done += len(questions)
                    if progress is not None:
                        progress(done, total)
                if history is not None and merge_history is not None:
                    history_report = merge_history(history)
                    if progress is not None:
                        progress(total, total)
                if rebuild is not None:
                    self._rebuild_bulk_indexes(*rebuild)
                broken = self.conn.execute("PRAGMA foreign_key_check").fetchone()
                if broken is not None:
                    raise InputFileError(
                        source_name,
                        f"inconsistent data: a row of {broken[0]!r} refers to a missing "
                        f"{broken[2]!r} row; nothing imported",
                    )
                if dry_run:
                    raise _Rollback
        except _Rollback:
            pass
        except sqlite3.IntegrityError as exc:
            # Rolled back already; e.g. a question id that another deck uses.
            raise InputFileError(
                source_name, f"conflicts with stored data ({exc}); nothing imported"
            ) from None
        finally:
            self.conn.execute(f"PRAGMA cache_size = {int(cache)}")
        return reports, history_report

    def _drop_bulk_indexes(
        self, rows: int
    ) -> tuple[list[tuple[str, str]], list[tuple[Any, ...]]] | None:
        """Inside an import's transaction: drop :data:`BULK_REBUILT_INDEXES` when ``rows``
        is at least the collection's question count (rebuilding them costs a sort of the whole
        table, writing into them a random page per row). Returns what
        :meth:`_rebuild_bulk_indexes` needs to put them back as they were (their very SQL and
        their planner statistics), or None when nothing was dropped."""
        if self.conn.execute("SELECT count(*) FROM questions").fetchone()[0] > rows:
            return None
        names = json.dumps(list(BULK_REBUILT_INDEXES))
        indexes = [
            (str(n), str(sql))
            for n, sql in self.conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                "AND name IN (SELECT value FROM json_each(?)) ORDER BY rowid",
                (names,),
            )
        ]
        stats: list[tuple[Any, ...]] = []
        if self._table_exists("sqlite_stat1"):
            stats = self.conn.execute(
                "SELECT tbl, idx, stat FROM sqlite_stat1 WHERE idx IN "
                "(SELECT value FROM json_each(?))",
                (names,),
            ).fetchall()
        for name, _ in indexes:
            self.conn.execute(f'DROP INDEX "{name}"')
        return indexes, stats

    def _rebuild_bulk_indexes(
        self, indexes: list[tuple[str, str]], stats: list[tuple[Any, ...]]
    ) -> None:
        for _, sql in indexes:
            self.conn.execute(sql)
        if stats:
            self.conn.executemany(
                "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)", stats
            )

    # --- facts ----------------------------------------------------------------------------

    def _fact_filter(self, deck: str | None = None) -> tuple[str, list[Any]]:
        """The `` AND ...`` condition on the facts aliased ``f`` (deck by name), with its
        parameter. An unknown deck raises NotFoundError."""
        if deck is None:
            return "", []
        return " AND f.deck_id = ?", [self.deck_id(deck)]

    def facts(self, deck: str | None = None) -> list[StoredFact]:
        filters, params = self._fact_filter(deck)
        sql = (
            "SELECT f.data, d.name FROM facts f JOIN decks d ON d.id = f.deck_id "
            f"WHERE f.retired = 0{filters} ORDER BY d.name, f.position"
        )
        from quizmaster.models import Fact

        return [
            StoredFact(fact=Fact.model_validate_json(data), deck=name)
            for data, name in self.conn.execute(sql, params)
        ]

    def count_facts(self, deck: str | None = None) -> int:
        """How many facts (not retired) :meth:`facts` lists."""
        filters, params = self._fact_filter(deck)
        sql = f"SELECT count(*) FROM facts f WHERE f.retired = 0{filters}"
        return int(self.conn.execute(sql, params).fetchone()[0])

    def existing_fact_ids(self, fact_ids: Sequence[str]) -> set[str]:
        return self._stored_ids("facts", fact_ids)

    def fact_statements(self, fact_ids: Sequence[str]) -> dict[str, str]:
        rows = self.conn.execute(
            "SELECT id, statement FROM facts WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(fact_ids)),),
        )
        return {r[0]: r[1] for r in rows}

    def article_facts(self, slug: str) -> tuple[str | None, list[Fact], list[str]]:
        """What an ingested article left in the database, found by its fact-id prefix: the
        deck holding its facts (None if never ingested), its live facts in deck order (as
        reviewed and edited) and the ids of its retired facts."""
        from quizmaster.models import Fact

        prefix = slug + "-"
        live: list[Fact] = []
        retired: list[str] = []
        deck: str | None = None
        for fact_id, data, is_retired, name in self.conn.execute(
            "SELECT f.id, f.data, f.retired, d.name FROM facts f JOIN decks d "
            "ON d.id = f.deck_id WHERE substr(f.id, 1, ?) = ? ORDER BY f.retired, f.position",
            (len(prefix), prefix),
        ):
            if is_retired:
                retired.append(fact_id)
            else:
                live.append(Fact.model_validate_json(data))
                deck = deck or name
        return deck, live, retired

    def retire_facts(self, fact_ids: Sequence[str], *, now: dt.datetime) -> int:
        """Retire these facts and their questions (hidden, history kept)."""
        ids = json.dumps(list(fact_ids))
        with self.transaction():
            cur = self.conn.execute(
                "UPDATE facts SET retired = 1, updated_at = ? WHERE retired = 0 AND id IN "
                "(SELECT value FROM json_each(?))",
                (iso(now), ids),
            )
            self.conn.execute(
                "UPDATE questions SET retired = 1, updated_at = ? WHERE retired = 0 AND "
                "fact_id IN (SELECT value FROM json_each(?))",
                (iso(now), ids),
            )
            return cur.rowcount

    def known_wrong_answers(self, fact_ids: Sequence[str]) -> list[str]:
        """Answers known to be wrong for these facts: the distractors their facts file
        declares (on the fact and on its key spans)."""
        out: list[str] = []
        for (data,) in self.conn.execute(
            "SELECT data FROM facts WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(fact_ids)),),
        ):
            fact = json.loads(data)
            out.extend(fact.get("distractors") or [])
            for span in fact.get("spans") or []:
                out.extend(span.get("distractors") or [])
        return out

    def iter_export_facts(
        self, deck: str | None = None, *, parse: bool = False
    ) -> Iterator[list[tuple[str, str, str, dict[str, Any] | None]]]:
        """:meth:`facts` for bulk writers, in batches of rows: (deck name, fact id, the
        fact's JSON, the JSON parsed when ``parse``). The JSON is ``model_dump_json()`` of
        the validated fact: the stored text itself when the row is marked as written in the
        current stored form (``canonical_mark``), else the stored text validated and dumped
        again."""
        filters, params = self._fact_filter(deck)
        sql = (
            "SELECT f.data, d.name, f.id, f.canon FROM facts f JOIN decks d ON d.id = f.deck_id "
            f"WHERE f.retired = 0{filters} ORDER BY d.name, f.position"
        )

        def dump(data: str) -> tuple[str, str]:
            from quizmaster.models import Fact

            fact = Fact.model_validate_json(data)
            return fact.id, fact.model_dump_json()

        yield from _export_batches(self.conn.execute(sql, params), dump, parse)

    # --- questions ------------------------------------------------------------------------

    def _question_filter(
        self, deck: str | None = None, kind: str | None = None, tag: str | None = None
    ) -> tuple[str, list[Any]]:
        """`` AND ...`` conditions on the questions aliased ``q`` (deck by name, kind, tag),
        with their parameters. An unknown deck raises NotFoundError."""
        sql = ""
        params: list[Any] = []
        if deck is not None:
            sql += " AND q.deck_id = ?"
            params.append(self.deck_id(deck))
        if kind is not None:
            sql += " AND q.kind = ?"
            params.append(kind)
        if tag is not None:
            sql += " AND EXISTS (SELECT 1 FROM json_each(q.tags) t WHERE t.value = ?)"
            params.append(tag)
        return sql, params

    def questions(
        self,
        deck: str | None = None,
        kind: str | None = None,
        *,
        include_retired: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StoredQuestion]:
        filters, params = self._question_filter(deck, kind)
        sql = (
            "SELECT q.data, d.name, q.retired FROM questions q JOIN decks d ON d.id = q.deck_id "
            f"WHERE {'1' if include_retired else 'q.retired = 0'}{filters} "
            "ORDER BY d.name, q.position"
        )
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [
            StoredQuestion(
                question=QUESTION_ADAPTER.validate_json(data), deck=name, retired=bool(retired)
            )
            for data, name, retired in self.conn.execute(sql, params)
        ]

    def question(self, question_id: str) -> StoredQuestion:
        row = self.conn.execute(
            "SELECT q.data, d.name, q.retired FROM questions q JOIN decks d ON d.id = q.deck_id "
            "WHERE q.id = ?",
            (question_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(
                f"no question with id {question_id!r}; see `quizmaster questions list`"
            )
        return StoredQuestion(
            question=QUESTION_ADAPTER.validate_json(row[0]), deck=row[1], retired=bool(row[2])
        )

    def count_questions(self, deck: str | None = None, kind: str | None = None) -> int:
        """How many questions (not retired) :meth:`questions` lists."""
        filters, params = self._question_filter(deck, kind)
        row = self.conn.execute(
            f"SELECT count(*) FROM questions q WHERE q.retired = 0{filters}", params
        ).fetchone()
        return int(row[0])

    def existing_question_ids(self, question_ids: Sequence[str]) -> set[str]:
        return self._stored_ids("questions", question_ids)

    def asked_elsewhere(
        self,
        answers: Sequence[str],
        deck: str,
        *,
        keys: Sequence[str] = (),
        prompts: Sequence[str] = (),
        parts: Sequence[str] = (),
        own_facts: Sequence[str] | None = None,
    ) -> list[tuple[str, str]]:
        """Answer and prompt of the live questions outside ``deck`` whose answer is one of
        ``answers`` (compared without case), whose prompt shows one of ``keys``, whose
        answer one of ``prompts`` shows, or whose answer holds one of ``parts``: what
        another article's deck already asks or tells.
        With ``own_facts``, questions of ``deck`` on other facts count too: a second article
        filed under the same deck."""
        wanted = sorted({a.lower() for a in answers})
        if not wanted:
            return []
        shown = sorted({k.lower() for k in keys})
        tests = [f"lower(q.answer) IN ({','.join('?' * len(wanted))})"]
        tests += ["instr(lower(q.prompt), ?) > 0"] * len(shown)
        tests += ["instr(?, lower(q.answer)) > 0"] * len(prompts)
        held = sorted({p.lower() for p in parts if p.strip()})
        tests += ["instr(lower(q.answer), ?) > 0"] * len(held)
        elsewhere = "d.name != ?"
        mine: list[str] = []
        if own_facts is not None:
            mine = sorted(set(own_facts))
            elsewhere = f"(d.name != ? OR q.fact_id NOT IN ({','.join('?' * len(mine))}))"
        sql = (
            "SELECT q.answer, q.prompt FROM questions q JOIN decks d ON d.id = q.deck_id "
            f"WHERE q.retired = 0 AND {elsewhere} AND ({' OR '.join(tests)})"
        )
        params = [deck, *mine, *wanted, *shown, *(p.lower() for p in prompts), *held]
        return [(a, p) for a, p in self.conn.execute(sql, params)]

    def tag_exists(self, tag: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM questions q, json_each(q.tags) t WHERE q.retired = 0 AND t.value = ? "
            "LIMIT 1",
            (tag,),
        ).fetchone()
        return row is not None

    def iter_export_questions(
        self, deck: str | None = None, kind: str | None = None, *, parse: bool = False
    ) -> Iterator[list[tuple[str, str, str, dict[str, Any] | None]]]:
        """:meth:`questions` for bulk writers, in batches of rows: (deck name, question id,
        the question's JSON, the JSON parsed when ``parse``), the JSON as in
        :meth:`iter_export_facts`. A dict instead of a model: the writers read a few fields
        of 100k questions, and the rows were validated when they were written."""
        filters, params = self._question_filter(deck, kind)
        sql = (
            "SELECT q.data, d.name, q.id, q.canon FROM questions q "
            f"JOIN decks d ON d.id = q.deck_id WHERE q.retired = 0{filters} "
            "ORDER BY d.name, q.position"
        )

        def dump(data: str) -> tuple[str, str]:
            question = QUESTION_ADAPTER.validate_json(data)
            return question.id, QUESTION_ADAPTER.dump_json(question).decode("utf-8")

        yield from _export_batches(self.conn.execute(sql, params), dump, parse)

    def iter_export_texts(self, table: str, deck_id: int) -> Iterator[list[str]]:
        """The JSON of one deck's live facts or questions (``table``) in deck order, a
        thousand at a time, as :meth:`iter_export_facts` / :meth:`iter_export_questions`
        give it, for a whole export without filters (no ids, no deck name per row)."""
        if table not in ("facts", "questions"):
            raise ValueError(table)
        cursor = self.conn.execute(
            f"SELECT data, canon FROM {table} WHERE deck_id = ? AND retired = 0 ORDER BY position",
            (deck_id,),
        )
        from quizmaster.canonical_mark import canonical_stamp

        if table == "facts":

            def dump(data: str) -> str:
                from quizmaster.models import Fact

                return Fact.model_validate_json(data).model_dump_json()

        else:

            def dump(data: str) -> str:
                question = QUESTION_ADAPTER.validate_json(data)
                return QUESTION_ADAPTER.dump_json(question).decode("utf-8")

        stamp = canonical_stamp()
        prefix = "" if stamp is None else stamp + ":"
        crc32 = zlib.crc32
        printable = _printable
        while rows := cursor.fetchmany(1000):
            # canonical_mark.is_marked, inlined (see _export_batches).
            yield [
                data
                if prefix
                and canon == f"{prefix}{crc32(encoded := data.encode('utf-8')):08x}"
                and printable(data, encoded)
                else dump(data)
                for data, canon in rows
            ]

    def questions_json(
        self, deck: str | None = None, kind: str | None = None
    ) -> list[dict[str, Any]]:
        """What ``StoredQuestion.to_json`` gives for :meth:`questions`, read from the columns
        alone: listing as JSON then needs neither pydantic models nor validation."""
        return list(self.iter_questions_json(deck, kind))

    def iter_questions_json(
        self, deck: str | None = None, kind: str | None = None
    ) -> Iterator[dict[str, Any]]:
        """:meth:`questions_json` one question at a time, as the rows are read."""
        for row in self.iter_question_records(deck, kind):
            yield dict(zip(QUESTION_JSON_KEYS, row, strict=True))

    def iter_question_records(
        self, deck: str | None = None, kind: str | None = None
    ) -> Iterator[tuple[Any, ...]]:
        """The values of :meth:`iter_questions_json`'s dicts, in ``QUESTION_JSON_KEYS``
        order (a listing of 100k questions need not build 100k dicts)."""
        sql = (
            "SELECT q.id, q.fact_id, d.name, q.kind, q.prompt, q.options, q.answer, "
            "q.explanation, q.tags, q.topic FROM questions q JOIN decks d ON d.id = q.deck_id "
            "WHERE q.retired = 0"
        )
        filters, params = self._question_filter(deck, kind)
        sql += filters + " ORDER BY d.name, q.position"
        # Tag and option lists repeat across questions: each distinct text is parsed once
        # (and copied per question, so no two share a list).
        parsed: dict[str, list[Any]] = {}

        def load(text: str) -> Any:
            value = parsed.get(text)
            if value is None:
                value = json.loads(text)
                if not isinstance(value, list):
                    return value
                if len(parsed) < 10_000:
                    parsed[text] = value
            return list(value)

        for (
            qid,
            fact_id,
            deck_name,
            kind_,
            prompt,
            options,
            answer,
            explanation,
            tags,
            topic,
        ) in self.conn.execute(sql, params):
            yield (
                qid,
                fact_id,
                deck_name,
                kind_,
                prompt,
                None if options is None else load(options),
                answer,
                explanation,
                load(tags),
                topic,
            )

    # --- cards ----------------------------------------------------------------------------

    def card(self, question_id: str) -> CardState:
        row = self.conn.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards WHERE question_id = ?", (question_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no question with id {question_id!r}")
        return CardState.from_row(row)

    def _write_card(self, card: CardState) -> None:
        self.conn.execute(_UPDATE_CARD, _card_params(card))

    def save_card(self, card: CardState) -> None:
        """Replace a card's scheduling state (suspend, bury, bring forward ...)."""
        with self.transaction():
            self._write_card(card)

    def save_cards(self, cards: Sequence[CardState]) -> None:
        """Replace several cards' scheduling state in one transaction."""
        with self.transaction():
            for card in cards:
                self._write_card(card)

    def update_cards(self, cards: Sequence[CardState]) -> None:
        """Write these cards' scheduling state over the stored one (bulk: one statement)."""
        with self.transaction():
            self.conn.executemany(_UPDATE_CARD, [_card_params(card) for card in cards])

    def cards_for(self, question_ids: Sequence[str]) -> list[CardState]:
        """Scheduling states of these questions, in question id order (one query)."""
        return [
            _card_from_row_fast(row)
            for row in self.conn.execute(
                f"SELECT {_CARD_COLUMNS} FROM cards WHERE question_id IN "
                "(SELECT value FROM json_each(?)) ORDER BY question_id",
                (json.dumps(list(question_ids)),),
            )
        ]

    def reviewed_cards(self) -> list[CardState]:
        """Cards that have left the new state, in question id order."""
        rows = self.conn.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards WHERE state != 0 ORDER BY question_id"
        )
        return [CardState.from_row(row) for row in rows]

    def suspended_questions(
        self, *, leeches_only: bool = False
    ) -> list[tuple[StoredQuestion, CardState]]:
        """Suspended questions (not retired) with their cards, leeches first."""
        columns = ", ".join("c." + c.strip() for c in _CARD_COLUMNS.split(","))
        sql = (
            f"SELECT q.data, d.name, {columns} "
            "FROM questions q JOIN decks d ON d.id = q.deck_id "
            "JOIN cards c ON c.question_id = q.id WHERE q.retired = 0 AND c.suspended = 1"
        )
        if leeches_only:
            sql += " AND c.leech = 1"
        sql += " ORDER BY c.leech DESC, d.name, q.position"
        return [
            (
                StoredQuestion(question=QUESTION_ADAPTER.validate_json(r[0]), deck=r[1]),
                CardState.from_row(r[2:]),
            )
            for r in self.conn.execute(sql)
        ]

    def unsuspend(self, question_ids: Sequence[str]) -> list[str]:
        """Unsuspend these questions (clearing their leech mark); returns those that were
        suspended. An unknown id raises NotFoundError and changes nothing."""
        done: list[str] = []
        with self.transaction():
            for qid in question_ids:
                card = self.card(qid)
                if card.suspended:
                    self._write_card(replace(card, suspended=False, leech=False))
                    done.append(qid)
        return done

    def count_due(self, now: dt.datetime) -> int:
        """Reviewed questions whose due time has come (not suspended, not retired)."""
        return int(
            self.conn.execute(
                f"SELECT count(*) {self._live_cards()} "
                "AND c.suspended = 0 AND c.state != 0 AND c.due <= ?",
                (iso(now),),
            ).fetchone()[0]
        )

    def count_new(self) -> int:
        """Questions never reviewed (not suspended, not retired)."""
        return int(
            self.conn.execute(
                f"SELECT count(*) {self._live_cards()} AND c.suspended = 0 AND c.state = 0"
            ).fetchone()[0]
        )

    def _live_cards(self) -> str:
        """``FROM ... WHERE ...`` of the cards of questions not retired, in decks not paused.
        When no question is retired, no deck paused, and cards and questions pair up one to
        one (the usual collection; cards are
        keyed by question), the cards' own index answers alone, without joining 100,000
        questions (50 ms a count at 100k)."""
        return (
            _LIVE_CARDS_ALONE
            if self.conn.execute(_CARDS_PAIR_UP).fetchone()[0]
            else (
                "FROM cards c JOIN questions q ON q.id = c.question_id WHERE q.retired = 0"
                + _NOT_PAUSED
            )
        )

    def totals(self) -> dict[str, int]:
        row = self.conn.execute(
            "SELECT (SELECT count(*) FROM decks), "
            f"(SELECT count(*) FROM facts) - {_not_live('facts')}, "
            f"(SELECT count(*) FROM questions) - {_not_live('questions')}"
        ).fetchone()
        return {"decks": row[0], "facts": row[1], "questions": row[2]}

    def due_question_ids(self, now: dt.datetime, limit: int = 1) -> list[str]:
        """Ids of reviewed questions due at ``now``, most overdue first (the order a quiz
        asks them in); uses the index on ``cards.due``."""
        rows = self.conn.execute(
            "SELECT c.question_id FROM cards c JOIN questions q ON q.id = c.question_id "
            "WHERE c.due <= ? AND c.state != 0 AND c.suspended = 0 AND q.retired = 0 "
            "ORDER BY c.due LIMIT ?",
            (iso(now), limit),
        )
        return [r[0] for r in rows]

    def quiz_candidates(
        self,
        *,
        now: dt.datetime,
        since: dt.datetime | None,
        which: str,
        deck: str | None = None,
        tag: str | None = None,
    ) -> list[tuple[StoredQuestion, CardState]]:
        """Questions a quiz may ask, with their cards, not suspended, retired or buried.
        (All of them: ``iter_quiz_candidates`` reads them one at a time.)"""
        with contextlib.closing(
            self.iter_quiz_candidates(now=now, since=since, which=which, deck=deck, tag=tag)
        ) as rows:
            return list(rows)

    def iter_quiz_candidates(
        self,
        *,
        now: dt.datetime,
        since: dt.datetime | None,
        which: str,
        deck: str | None = None,
        tag: str | None = None,
        new_order: str = "deck",
    ) -> Generator[tuple[StoredQuestion, CardState], None, None]:
        """Questions a quiz may ask, with their cards, not suspended, retired or buried,
        parsed one at a time as they are read (close the iterator when done with it).

        ``which`` is "due" (reviewed and due by ``now``, most overdue first), "new" (never
        reviewed, in deck order) or "any" (everything, soonest due first, for practice).
        A question is left out when another question of its fact was answered since
        ``since`` (the start of the study day): one question per fact per day. ``since``
        None leaves siblings in (practice).
        """
        where = [
            "q.retired = 0",
            "c.suspended = 0",
            "(c.buried_until IS NULL OR c.buried_until <= :now)",
        ]
        params: dict[str, Any] = {"now": iso(now)}
        # One question per fact per day: today's answered (fact, question) pairs are read
        # once through the reviewed_at index, and a candidate is skipped when another
        # question of its fact is among them (a per-candidate NOT EXISTS re-read every
        # sibling's whole history: 9 s at 100k questions / 1M reviews).
        answered: dict[str, set[str]] = {}
        if since is not None:
            # IN (subquery), not a join: SQLite's planner would walk every question's
            # reviews instead of today's range (17 s at 1M reviews).
            for fact_id, qid in self.conn.execute(
                "SELECT fact_id, id FROM questions WHERE id IN "
                "(SELECT question_id FROM reviews WHERE reviewed_at >= ?)",
                (iso(since),),
            ):
                answered.setdefault(fact_id, set()).add(qid)
        if which == "due":
            where.append("c.state != 0 AND c.due <= :now")
            order = "c.due, d.name, q.position"
        elif which == "new":
            where.append("c.state = 0")
            order = _new_order_sql(new_order)
        else:
            order = "c.state = 0, c.due, d.name, q.position"
        if deck is not None:
            where.append("q.deck_id = :deck")
            params["deck"] = self.deck_id(deck)
        else:  # a paused deck is asked only when named
            where.append("coalesce(d.paused, 0) = 0")
        if tag is not None:
            where.append("EXISTS (SELECT 1 FROM json_each(q.tags) t WHERE t.value = :tag)")
            params["tag"] = tag
        columns = ", ".join("c." + c.strip() for c in _CARD_COLUMNS.split(","))
        rows = self.conn.execute(
            f"SELECT q.data, d.name, q.fact_id, q.id, {columns} "
            "FROM questions q JOIN decks d ON d.id = q.deck_id "
            "JOIN cards c ON c.question_id = q.id "
            + ("JOIN facts f ON f.id = q.fact_id " if which == "new" else "")
            + f"WHERE {' AND '.join(where)} ORDER BY {order}",
            params,
        )
        try:
            for r in rows:
                done = answered.get(r[2])
                if done and (len(done) > 1 or r[3] not in done):
                    continue  # a sibling was answered today
                yield (
                    StoredQuestion(question=QUESTION_ADAPTER.validate_json(r[0]), deck=r[1]),
                    CardState.from_row(r[4:]),
                )
        finally:
            rows.close()

    def card_tally(
        self, now: dt.datetime, deck: str | None = None, utc_offset_minutes: int = 0
    ) -> CardTally:
        """What ``stats`` reports of the cards (not retired), counted in SQL: questions by
        state (suspended ones only as suspended), due now, new available, and reviews
        falling due per local day (not clamped to today; overdue days included)."""
        filters, params = self._question_filter(deck)
        base = (
            self._live_cards()
            if deck is None
            else "FROM cards c JOIN questions q ON q.id = c.question_id WHERE q.retired = 0"
        )
        states = dict.fromkeys(("new", "learning", "review", "suspended"), 0)
        names = {0: "new", 1: "learning", 2: "review", 3: "learning"}
        due_now = 0
        stamp = iso(now)
        for suspended, state, due_before, n in self.conn.execute(
            "SELECT c.suspended <> 0, c.state, c.due IS NOT NULL AND c.due <= ?, count(*) "
            f"{base}{filters} GROUP BY 1, 2, 3",
            [stamp, *params],
        ):
            states["suspended" if suspended else names.get(state, "learning")] += n
            if not suspended and state != 0 and due_before:
                due_now += n
        due_days = {
            dt.date.fromisoformat(day): n
            for day, n in self.conn.execute(
                "SELECT date(c.due, ? || ' minutes') AS day, count(*) "
                f"{base} AND c.suspended = 0 AND c.state != 0 AND c.due IS NOT NULL{filters} "
                "GROUP BY day",
                [f"{utc_offset_minutes:+d}", *params],
            )
        }
        return CardTally(
            states=states,
            due_now=due_now,
            new_available=states["new"],
            due_days=due_days,
        )

    # --- reviews --------------------------------------------------------------------------

    def record_review(
        self,
        card_after: CardState,
        *,
        session_id: int | None,
        reviewed_at: dt.datetime,
        rating: int,
        correct: bool,
        response: str | None,
        duration_ms: int | None,
    ) -> int:
        """Store one answer: the review log and the card's new schedule, in one transaction.

        The previous card state is kept in the review row, so the answer can be undone.
        Returns the review id.
        """
        with self.transaction():
            before = self.card(card_after.question_id)
            self._write_card(card_after)
            cur = self.conn.execute(
                "INSERT INTO reviews (question_id, session_id, reviewed_at, rating, correct, "
                "response, duration_ms, card_before, card_after) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    card_after.question_id,
                    session_id,
                    iso(reviewed_at),
                    rating,
                    int(correct),
                    response,
                    duration_ms,
                    json.dumps(before.to_json()),
                    json.dumps(card_after.to_json()),
                ),
            )
            return int(cur.lastrowid or 0)

    def undo_review(self, review_id: int) -> CardState:
        """Delete a review and put its card back as it was before. Returns that state."""
        with self.transaction():
            row = self.conn.execute(
                "SELECT card_before, question_id FROM reviews WHERE id = ?", (review_id,)
            ).fetchone()
            if row is None:
                raise NotFoundError(f"no review with id {review_id}")
            self._refuse_if_answered_since(row[1], review_id)
            before = CardState.from_json(json.loads(row[0]))
            self._write_card(before)
            self.conn.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
            return before

    def _refuse_if_answered_since(self, question_id: str, review_id: int) -> None:
        """Undoing or re-rating an answer rewrites its card; when another session has
        answered the same question since, that would wipe the other answer's effect while its
        review stays in the log. Refuse instead (inside the caller's write transaction, so
        no answer can slip in between)."""
        later = self.conn.execute(
            "SELECT 1 FROM reviews WHERE question_id = ? AND id > ? LIMIT 1",
            (question_id, review_id),
        ).fetchone()
        if later is not None:
            raise UsageError(
                "another session has answered this question since; its answer stands, so "
                "this one cannot be undone or re-rated"
            )

    def amend_review(
        self, review_id: int, card_after: CardState, *, rating: int, correct: bool
    ) -> None:
        """Change the rating of a stored answer (the user overrode it) and the schedule it
        gave, in one transaction."""
        with self.transaction():
            self._refuse_if_answered_since(card_after.question_id, review_id)
            found = self.conn.execute(
                "UPDATE reviews SET rating = ?, correct = ?, card_after = ? WHERE id = ?",
                (rating, int(correct), json.dumps(card_after.to_json()), review_id),
            ).rowcount
            if not found:
                raise NotFoundError(f"no review with id {review_id}")
            self._write_card(card_after)

    def review_keys(self, question_ids: Sequence[str]) -> set[tuple[str, str]]:
        """The natural keys (question id, reviewed_at as stored) of these questions' reviews."""
        return {
            (r[0], r[1])
            for r in self.conn.execute(
                "SELECT question_id, reviewed_at FROM reviews WHERE question_id IN "
                "(SELECT value FROM json_each(?))",
                (json.dumps(list(question_ids)),),
            )
        }

    def add_reviews(self, reviews: Sequence[tuple[ReviewRecord, int | None]]) -> None:
        """Store reviews as they were recorded, each with its session's id (or None)."""
        rows = [
            (
                review.question_id,
                session_id,
                iso(review.reviewed_at),
                review.rating,
                int(review.correct),
                review.response,
                review.duration_ms,
                None if review.card_before is None else json.dumps(review.card_before),
                None if review.card_after is None else json.dumps(review.card_after),
            )
            for review, session_id in reviews
        ]
        with self.transaction():
            self.conn.executemany(
                "INSERT INTO reviews (question_id, session_id, reviewed_at, rating, correct, "
                "response, duration_ms, card_before, card_after) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )

    def reviews_since(self, since: dt.datetime) -> tuple[int, int]:
        """(new questions introduced, reviews of known questions) since ``since``."""
        row = self.conn.execute(
            "SELECT coalesce(sum(json_extract(card_before, '$.state') = 0), 0), "
            "coalesce(sum(json_extract(card_before, '$.state') != 0), 0) "
            "FROM reviews WHERE reviewed_at >= ?",
            (iso(since),),
        ).fetchone()
        return int(row[0]), int(row[1])

    def reviewed_on(self, day: dt.date, utc_offset_minutes: int = 0) -> bool:
        """Whether any review falls on the local calendar ``day`` (the day
        ``review_counts_by_day`` files it under): one indexed range probe on ``reviewed_at``
        (stored as canonical ISO UTC text by ``iso``, so text order is time order)."""
        start = dt.datetime.combine(day, dt.time(0), tzinfo=dt.timezone.utc) - dt.timedelta(
            minutes=utc_offset_minutes
        )
        row = self.conn.execute(
            "SELECT EXISTS(SELECT 1 FROM reviews WHERE reviewed_at >= ? AND reviewed_at < ?)",
            (iso(start), iso(start + dt.timedelta(days=1))),
        ).fetchone()
        return bool(row[0])

    def review_counts_by_day(self, utc_offset_minutes: int = 0) -> dict[dt.date, int]:
        """Reviews per local calendar day (the offset turns UTC timestamps into local days)."""
        rows = self.conn.execute(
            "SELECT date(reviewed_at, ? || ' minutes') AS day, count(*) FROM reviews GROUP BY day",
            (f"{utc_offset_minutes:+d}",),
        )
        return {dt.date.fromisoformat(day): n for day, n in rows}

    def review_history(self) -> list[tuple[str, int, dt.datetime, int | None]]:
        """Every review as (question id, rating 1-4, reviewed at (aware UTC), duration ms),
        oldest first; simultaneous reviews in the order they were recorded."""
        rows = self.conn.execute(
            "SELECT question_id, rating, reviewed_at, duration_ms FROM reviews "
            "ORDER BY reviewed_at, id"
        )
        return [
            (qid, int(rating), dt.datetime.fromisoformat(at), duration)
            for qid, rating, at, duration in rows
        ]

    def review_stats(
        self, deck: str | None = None, utc_offset_minutes: int = 0, weakest_limit: int = 5
    ) -> ReviewStats:
        """What ``stats`` reports of the review log, aggregated in SQL: reviews per local day,
        totals, retention (reviews of cards in the review state before the answer, as
        ``card_before`` records it, passed meaning any rating but Again), accuracy per topic,
        tag, kind and deck, and the ``weakest_limit`` facts with the lowest accuracy."""
        from quizmaster.migrations import REVIEW_STATE_BEFORE

        # Each query reads one index of m004/m001 alone: days from reviewed_at, retention from
        # the state before, groups from (question_id, correct). Every review has its question
        # (foreign keys are on), so the whole collection needs no join.
        scope, state, params = "1", REVIEW_STATE_BEFORE, []
        if deck is not None:
            # A deck's few reviews by question: "+" keeps the planner off the state index.
            scope = "question_id IN (SELECT id FROM questions WHERE deck_id = ?)"
            state, params = f"+{REVIEW_STATE_BEFORE}", [self.deck_id(deck)]
        day_counts = self._review_days(deck is None, scope, params, utc_offset_minutes)
        # The whole log: the state index names itself (the planner, seeing most reviews in
        # one state, would scan the wide table: 2 s instead of 0.2 s on 1M reviews).
        indexed = " INDEXED BY idx_reviews_state_before" if deck is None else ""
        retention_reviews, retention_passed = self.conn.execute(
            f"SELECT count(*), coalesce(sum(rating > 1), 0) FROM reviews{indexed} "
            f"WHERE {scope} AND {state} = 2",
            params,
        ).fetchone()
        groups, totals, weakest = self._review_groups(scope, params, weakest_limit)
        return ReviewStats(
            day_counts=day_counts,
            reviews=totals[0],
            correct=totals[1],
            retention_reviews=retention_reviews,
            retention_passed=retention_passed,
            by_topic=groups["topic"],
            by_tag=groups["tag"],
            by_kind=groups["kind"],
            by_deck=groups["deck"],
            weakest=weakest,
        )

    def _review_days(
        self, whole_log: bool, scope: str, params: list[Any], utc_offset_minutes: int
    ) -> dict[dt.date, int]:
        """Reviews per local day, of the whole log or of the reviews in ``scope``."""
        if whole_log:
            day_rows = self.conn.execute(_DAY_COUNTS_BY_RANGE, {"offset": utc_offset_minutes})
        else:
            day_rows = self.conn.execute(
                "SELECT date(reviewed_at, ? || ' minutes') AS day, count(*) "
                f"FROM reviews WHERE {scope} GROUP BY day",
                [f"{utc_offset_minutes:+d}", *params],
            )
        return {dt.date.fromisoformat(day): n for day, n in day_rows}

    def _review_groups(
        self, scope: str, params: list[Any], weakest_limit: int
    ) -> tuple[dict[str, dict[str, tuple[int, int]]], tuple[int, int], list[tuple[str, int, int]]]:
        """(reviews, correct) per topic, tag, kind and deck, in all, and of the weakest facts."""
        sql = f"""
            WITH pq AS MATERIALIZED (
                SELECT q.fact_id AS fact, q.kind AS kind,
                       coalesce(nullif(q.topic, ''), 'General') AS topic,
                       coalesce(nullif(q.tags, ''), '[]') AS tags, d.name AS deck,
                       a.n AS n, a.k AS k
                FROM (
                    SELECT question_id, count(*) AS n, sum(correct <> 0) AS k
                    FROM reviews WHERE {scope} GROUP BY question_id
                ) a
                JOIN questions q ON q.id = a.question_id JOIN decks d ON d.id = q.deck_id
            )
            SELECT 'all', NULL, sum(n), sum(k) FROM pq
            UNION ALL SELECT 'topic', topic, sum(n), sum(k) FROM pq GROUP BY topic
            UNION ALL SELECT 'kind', kind, sum(n), sum(k) FROM pq GROUP BY kind
            UNION ALL SELECT 'deck', deck, sum(n), sum(k) FROM pq GROUP BY deck
            UNION ALL SELECT 'tag', j.value, sum(n), sum(k)
                FROM pq, json_each(pq.tags) j GROUP BY j.value
            UNION ALL SELECT * FROM (
                SELECT 'weak', fact, sum(n) AS fn, sum(k) AS fk FROM pq GROUP BY fact
                HAVING fk < fn ORDER BY CAST(fk AS REAL) / fn, fk - fn, fact LIMIT ?
            )
        """
        groups: dict[str, dict[str, tuple[int, int]]] = {
            "topic": {},
            "tag": {},
            "kind": {},
            "deck": {},
        }
        totals = (0, 0)
        weakest: list[tuple[str, int, int]] = []
        for group, name, n, k in self.conn.execute(sql, [*params, weakest_limit]):
            if group == "all":
                totals = (n or 0, k or 0)
            elif group == "weak":
                weakest.append((name, n, k))
            else:
                groups[group][name] = (n, k)
        return groups, totals, weakest

    def history_for(self, question_ids: Sequence[str]) -> History:
        """The schedule, reviews and the sessions those reviews belong to, for these questions
        (bulk reads: one query each, whatever the number of questions)."""
        ids = json.dumps(list(question_ids))
        cards = self.cards_for(question_ids)
        reviews = [
            ReviewRecord(
                question_id=r[0],
                reviewed_at=dt.datetime.fromisoformat(r[1]),
                rating=int(r[2]),
                correct=bool(r[3]),
                response=r[4],
                duration_ms=r[5],
                card_before=None if r[6] is None else json.loads(r[6]),
                card_after=None if r[7] is None else json.loads(r[7]),
                session=None if r[8] is None else (r[8], dt.datetime.fromisoformat(r[9])),
            )
            for r in self.conn.execute(
                "SELECT r.question_id, r.reviewed_at, r.rating, r.correct, r.response, "
                "r.duration_ms, r.card_before, r.card_after, s.kind, s.started_at "
                "FROM reviews r LEFT JOIN sessions s ON s.id = r.session_id "
                "WHERE r.question_id IN (SELECT value FROM json_each(?)) "
                "ORDER BY r.reviewed_at, r.id",
                (ids,),
            )
        ]
        sessions = [
            SessionRecord(
                kind=r[0],
                started_at=dt.datetime.fromisoformat(r[1]),
                ended_at=parse_or_none(r[2]),
                deck=r[3],
                data=json.loads(r[4]) if r[4] else {},
            )
            for r in self.conn.execute(
                "SELECT kind, started_at, ended_at, deck, data FROM sessions WHERE id IN "
                "(SELECT session_id FROM reviews WHERE question_id IN "
                "(SELECT value FROM json_each(?))) ORDER BY started_at, id",
                (ids,),
            )
        ]
        return History(cards=cards, reviews=reviews, sessions=sessions)

    # --- sessions -------------------------------------------------------------------------

    def start_session(
        self,
        kind: str,
        *,
        started_at: dt.datetime,
        deck: str | None = None,
        data: dict[str, Any] | None = None,
    ) -> int:
        """Open a quiz or mock session row; returns its id."""
        with self.transaction():
            cur = self.conn.execute(
                "INSERT INTO sessions (kind, started_at, deck, data) VALUES (?, ?, ?, ?)",
                (kind, iso(started_at), deck, json.dumps(data or {})),
            )
            return int(cur.lastrowid or 0)

    def end_session(
        self, session_id: int, *, ended_at: dt.datetime, data: dict[str, Any] | None = None
    ) -> None:
        """Close a session, storing its summary (score, counts ...)."""
        with self.transaction():
            self.conn.execute(
                "UPDATE sessions SET ended_at = ?, data = ? WHERE id = ?",
                (iso(ended_at), json.dumps(data or {}), session_id),
            )

    def session_ids(self) -> dict[tuple[str, str], int]:
        """Every session's id by its natural key: (kind, started_at as stored)."""
        return {
            (r[1], r[2]): int(r[0])
            for r in self.conn.execute("SELECT id, kind, started_at FROM sessions")
        }

    def add_session(self, session: SessionRecord) -> int:
        """Store a session as it stands (started, perhaps ended); returns its new id."""
        with self.transaction():
            cur = self.conn.execute(
                "INSERT INTO sessions (kind, started_at, ended_at, deck, data) "
                "VALUES (?, ?, ?, ?, ?)",
                (
                    session.kind,
                    iso(session.started_at),
                    iso_or_none(session.ended_at),
                    session.deck,
                    json.dumps(session.data),
                ),
            )
        return int(cur.lastrowid or 0)

    def session_rows(self) -> list[SessionRow]:
        """Every quiz and mock session, oldest first, with its review counts (one pass over
        the review log in table order: there is no index on session_id to probe)."""
        rows = self.conn.execute(
            "SELECT s.id, s.kind, s.started_at, s.ended_at, s.deck, s.data, "
            "coalesce(a.n, 0), coalesce(a.k, 0) FROM sessions s LEFT JOIN ("
            "SELECT session_id, count(*) AS n, sum(correct) AS k FROM reviews NOT INDEXED "
            "WHERE session_id IS NOT NULL GROUP BY session_id"
            ") a ON a.session_id = s.id ORDER BY s.started_at, s.id"
        )
        return [
            SessionRow(
                id=r[0],
                kind=r[1],
                started_at=dt.datetime.fromisoformat(r[2]),
                ended_at=parse_or_none(r[3]),
                deck=r[4],
                data=json.loads(r[5] or "{}"),
                reviews=int(r[6]),
                reviews_correct=int(r[7]),
            )
            for r in rows
        ]

    # --- mock tests -----------------------------------------------------------------------

    def mock_number(self, session_id: int) -> int:
        """A mock's number among the mocks (the first mock is 1, whatever its session id)."""
        row = self.conn.execute(
            "SELECT count(*) FROM sessions WHERE kind = 'mock' AND id <= ?", (session_id,)
        ).fetchone()
        return int(row[0])

    def mock_pool(self, deck: str | None = None, tag: str | None = None) -> list[StoredQuestion]:
        """The mcq and statements questions a mock may draw from: not retired, not
        suspended, optionally of one deck and carrying one tag."""
        sql = (
            "SELECT q.data, d.name FROM questions q JOIN decks d ON d.id = q.deck_id "
            "JOIN cards c ON c.question_id = q.id "
            "WHERE q.retired = 0 AND c.suspended = 0 AND q.kind IN ('mcq', 'statements')"
        )
        filters, params = self._question_filter(deck, tag=tag)
        sql += filters + " ORDER BY d.name, q.position"
        return [
            StoredQuestion(question=QUESTION_ADAPTER.validate_json(data), deck=name)
            for data, name in self.conn.execute(sql, params)
        ]

    def finish_mock(
        self,
        session_id: int,
        *,
        ended_at: dt.datetime,
        data: dict[str, Any],
        items: Sequence[MockItemRow],
        cards: Sequence[CardState],
    ) -> None:
        """Store a submitted mock in one transaction: its per-question results, its summary
        and the cards its wrong answers brought forward."""
        with self.transaction():
            self.conn.executemany(
                "INSERT INTO mock_items (session_id, position, question_id, answer, "
                "correct_answer, result, marks, marked) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        session_id,
                        i.position,
                        i.question_id,
                        i.answer,
                        i.correct_answer,
                        i.result,
                        i.marks,
                        int(i.marked),
                    )
                    for i in items
                ],
            )
            for card in cards:
                self._write_card(card)
            self.end_session(session_id, ended_at=ended_at, data=data)

    def mock_items(self, session_id: int) -> list[MockItemRow]:
        rows = self.conn.execute(
            "SELECT position, question_id, answer, correct_answer, result, marks, marked "
            "FROM mock_items WHERE session_id = ? ORDER BY position",
            (session_id,),
        )
        return [
            MockItemRow(
                position=r[0],
                question_id=r[1],
                answer=r[2],
                correct_answer=r[3],
                result=r[4],
                marks=r[5],
                marked=bool(r[6]),
            )
            for r in rows
        ]

    # --- doctor: integrity, the schema, every stored row's invariants, backups ------------

    # SQL of `quizmaster doctor` (the checks themselves live in quizmaster/doctor.py).

    def integrity_check(self, max_errors: int = 100) -> list[str]:
        """``PRAGMA integrity_check``: ``["ok"]`` or the problems found, one per item."""
        try:
            rows = self.conn.execute(f"PRAGMA integrity_check({int(max_errors)})").fetchall()
        except sqlite3.DatabaseError as exc:
            return [f"integrity check could not run ({exc})"]
        return [line for (text,) in rows for line in str(text).splitlines() if line.strip()]

    def foreign_key_check(self) -> list[tuple[str, int | None, str]]:
        """Rows whose foreign key points nowhere: (table, rowid, parent table)."""
        try:
            rows = self.conn.execute("PRAGMA foreign_key_check").fetchall()
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(f"{self.path}: foreign key check failed ({exc})") from None
        return [(r[0], r[1], r[2]) for r in rows]

    def orphan_counts(self) -> dict[str, int]:
        """Rows the app cannot reach: cards and reviews without a question, questions and
        facts without a deck, questions without a fact."""
        queries = {
            "cards without question": "SELECT count(*) FROM cards c "
            "WHERE NOT EXISTS (SELECT 1 FROM questions q WHERE q.id = c.question_id)",
            "reviews without question": "SELECT count(*) FROM reviews r "
            "WHERE NOT EXISTS (SELECT 1 FROM questions q WHERE q.id = r.question_id)",
            "questions without fact": "SELECT count(*) FROM questions q "
            "WHERE NOT EXISTS (SELECT 1 FROM facts f WHERE f.id = q.fact_id)",
            "questions without card": "SELECT count(*) FROM questions q "
            "WHERE NOT EXISTS (SELECT 1 FROM cards c WHERE c.question_id = q.id)",
            "facts without deck": "SELECT count(*) FROM facts f "
            "WHERE NOT EXISTS (SELECT 1 FROM decks d WHERE d.id = f.deck_id)",
        }
        try:
            return {
                name: int(self.conn.execute(sql).fetchone()[0]) for name, sql in queries.items()
            }
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(f"{self.path}: orphan check failed ({exc})") from None

    def schema_objects(self) -> dict[str, tuple[str, str, str]]:
        """Tables and indexes (SQLite's own left out): name -> (type, table, normalised SQL)."""
        rows = self.conn.execute(
            "SELECT name, type, tbl_name, coalesce(sql, '') FROM sqlite_master "
            "WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%'"
        )
        return {name: (kind, table, " ".join(sql.split())) for name, kind, table, sql in rows}

    @staticmethod
    def expected_schema() -> dict[str, tuple[str, str, str]]:
        """The tables and indexes a database made by the migrations has (a fresh one in
        memory), as :meth:`schema_objects` lists them."""
        with Store.open(":memory:") as fresh:
            return fresh.schema_objects()

    def apply_schema_sql(self, statements: Sequence[str]) -> None:
        """Recreate missing indexes (``doctor --repair``), in one transaction."""
        with self.transaction():
            for sql in statements:
                self.conn.execute(sql)

    def raw_rows(self, what: str) -> Iterator[tuple[Any, ...]]:
        """Stored rows as they are, for ``doctor`` to check without trusting them."""
        queries = {
            "questions": "SELECT id, data FROM questions WHERE retired = 0",
            "facts": "SELECT id, data FROM facts WHERE retired = 0",
            "cards": f"SELECT {_CARD_COLUMNS} FROM cards",
            "settings": "SELECT key, value FROM settings",
            "sessions": "SELECT id, started_at, ended_at, data FROM sessions",
        }
        yield from self.conn.execute(queries[what])

    def quarantine(
        self,
        *,
        questions: Sequence[str] = (),
        facts: Sequence[str] = (),
        cards: Sequence[str] = (),
        settings: Sequence[str] = (),
        sessions: Sequence[int] = (),
        session_times: Sequence[int] = (),
    ) -> None:
        """``doctor --repair``, one transaction: broken questions (and those of broken
        facts) are retired and suspended, so no command reads them again (their reviews
        stay); broken cards go back to new; broken settings go back to their defaults;
        broken session summaries are emptied and impossible start times replaced by the
        session's first review (else its end)."""
        with self.transaction():
            for fid in facts:
                self.conn.execute("UPDATE facts SET retired = 1 WHERE id = ?", (fid,))
                self.conn.execute("UPDATE questions SET retired = 1 WHERE fact_id = ?", (fid,))
                self.conn.execute(
                    "UPDATE cards SET suspended = 1 WHERE question_id IN "
                    "(SELECT id FROM questions WHERE fact_id = ?)",
                    (fid,),
                )
            for qid in questions:
                self.conn.execute("UPDATE questions SET retired = 1 WHERE id = ?", (qid,))
                self.conn.execute("UPDATE cards SET suspended = 1 WHERE question_id = ?", (qid,))
            for qid in cards:
                self.conn.execute(
                    "UPDATE cards SET state = 0, step = NULL, stability = NULL, "
                    "difficulty = NULL, due = NULL, last_review = NULL, reps = 0, lapses = 0, "
                    "buried_until = NULL WHERE question_id = ?",
                    (qid,),
                )
            for key in settings:
                self.conn.execute("DELETE FROM settings WHERE key = ?", (key,))
            for sid in sessions:
                self.conn.execute("UPDATE sessions SET data = '{}' WHERE id = ?", (sid,))
            for sid in session_times:
                self.conn.execute(
                    "UPDATE sessions SET started_at = coalesce("
                    "(SELECT min(reviewed_at) FROM reviews WHERE session_id = sessions.id), "
                    "CASE WHEN ended_at LIKE '____-__-__T%' THEN ended_at END, "
                    "'1970-01-01T00:00:00.000000+00:00') WHERE id = ?",
                    (sid,),
                )

    def backup_to(self, target: Path) -> None:
        """A consistent copy of the whole database at ``target`` (SQLite backup API), safe
        while other processes keep writing."""
        from quizmaster.files import TEMP_MARK, locked_temp, remove_stale

        # What killed backups to this folder left behind (files no running backup holds).
        remove_stale(target.parent, f".*{TEMP_MARK}*.partial")
        fd: int | None = None
        partial = target.with_name(target.name + ".partial")
        try:
            fd, partial = locked_temp(target.parent, f".{target.name}", ".partial")
            dest = sqlite3.connect(str(partial))
            try:
                self.conn.backup(dest)
            finally:
                dest.close()
            os.replace(partial, target)  # never a half-written file under the final name
        except (sqlite3.Error, OSError) as exc:
            partial.unlink(missing_ok=True)
            raise DatabaseError(f"{target}: backup failed ({exc})") from None
        finally:
            if fd is not None:
                os.close(fd)

    def vacuum(self) -> None:
        """Rebuild the file without free pages, then fold the WAL back into it."""
        self.conn.execute("VACUUM")
        if self.path is not None:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def file_size(self) -> int:
        """Bytes used by the database (page count x page size)."""
        row = self.conn.execute(
            "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"
        ).fetchone()
        return int(row[0])


def _card_from_row_fast(r: Sequence[Any]) -> CardState:
    """:func:`_card_from_row` without the intermediate dict: bulk exports read 100,000s."""
    return CardState(
        question_id=r[0],
        state=int(r[1]),
        step=r[2],
        stability=r[3],
        difficulty=r[4],
        due=None if r[5] is None else dt.datetime.fromisoformat(r[5]),
        last_review=None if r[6] is None else dt.datetime.fromisoformat(r[6]),
        reps=int(r[7]),
        lapses=int(r[8]),
        suspended=bool(r[9]),
        leech=bool(r[10]),
        buried_until=None if r[11] is None else dt.datetime.fromisoformat(r[11]),
    )


class _LoadRows:
    """One table's rows in a deck load, gathered by what each needs and written with one
    executemany per statement: a new row (inserted as they come, :data:`LOAD_BATCH` at a
    time, for bounded memory), changed content or a retired row (updated), or the same
    content (only its position and mark). Each row's id goes to the report's list for it."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        insert: Callable[[list[tuple[Any, ...]]], None],
        added: list[str],
        updated: list[str],
        unchanged: list[str],
    ) -> None:
        # Every row written or confirmed here holds model_dump_json() of a validated model:
        # marked (canonical_mark.mark), an export passes it through as it is.
        from quizmaster.canonical_mark import marker

        self.mark = marker()
        self.lists = _json_list_cache()
        self._conn = conn
        self._insert = insert
        self._added, self._updated, self._unchanged = added, updated, unchanged
        self._inserts: list[tuple[Any, ...]] = []
        self._updates: list[tuple[Any, ...]] = []
        self._moves: list[tuple[int, str | None, str]] = []

    def sort(
        self,
        row_id: str,
        old: tuple[str, Any] | None,
        data: str,
        new: tuple[Any, ...],
        update: tuple[Any, ...],
        position: int,
        canon: str | None,
    ) -> None:
        """File one row: ``old`` is the stored (data, retired), None for a new row; ``new``
        and ``update`` its values for the insert and the update statements."""
        if old is None:
            self._inserts.append(new)
            self._added.append(row_id)
            if len(self._inserts) >= LOAD_BATCH:
                self._insert(self._inserts)
        elif old[0] != data or old[1]:
            self._updates.append(update)
            self._updated.append(row_id)
        else:
            self._moves.append((position, canon, row_id))
            self._unchanged.append(row_id)

    def write(self, update_sql: str, move_sql: str) -> None:
        """Write what is still gathered (``move_sql`` sets position and canon by id)."""
        self._insert(self._inserts)
        self._conn.executemany(update_sql, self._updates)
        self._conn.executemany(move_sql, self._moves)


def _json_list_cache() -> Callable[[list[str]], str]:
    """``json.dumps`` of lists of strings, each distinct list encoded once (tags and options
    repeat across a deck's 100k questions)."""
    seen: dict[tuple[str, ...], str] = {}

    def dumps(values: list[str]) -> str:
        key = tuple(values)
        text = seen.get(key)
        if text is None:
            text = json.dumps(values)
            if len(seen) < 10_000:
                seen[key] = text
        return text

    return dumps


_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))


def _printable(text: str, encoded: bytes) -> bool:
    """``text.isprintable()``, given its UTF-8 bytes: for ASCII text (the usual stored row),
    one C-level pass deleting the printable bytes (space to tilde) instead of a Unicode
    lookup per character."""
    if text.isascii():
        return not encoded.translate(None, _PRINTABLE_ASCII)
    return text.isprintable()


def _export_batches(
    cursor: sqlite3.Cursor,
    dump: Callable[[str], tuple[str, str]],
    parse: bool,
    size: int = 1000,
) -> Iterator[list[tuple[str, str, str, dict[str, Any] | None]]]:
    """Rows (data, deck name, id, canon) as export rows, ``size`` at a time: marked rows
    (``canonical_mark``) as stored, the others through ``dump`` (validated, dumped again)."""
    from quizmaster.canonical_mark import canonical_stamp

    stamp = canonical_stamp()
    prefix = "" if stamp is None else stamp + ":"
    crc32 = zlib.crc32
    loads: Callable[[str], Any] = json.loads
    if parse:
        # The same values as json.loads for the JSON the store writes, at about half the
        # cost: pydantic's own parser (100k questions: 0.4 s against 0.8 s).
        from pydantic_core import from_json as loads
    while rows := cursor.fetchmany(size):
        batch: list[tuple[str, str, str, dict[str, Any] | None]] = []
        for data, name, row_id, canon in rows:
            # canonical_mark.is_marked, inlined: 100k rows.
            if (
                not prefix
                or canon != f"{prefix}{crc32(encoded := data.encode('utf-8')):08x}"
                or not _printable(data, encoded)
            ):
                row_id, data = dump(data)
            batch.append((name, row_id, data, loads(data) if parse else None))
        yield batch


class _Rollback(Exception):
    """Raised inside a transaction to undo it (dry runs)."""


def _damage(store: Store, exc: Exception) -> DatabaseError:
    detail = " ".join(str(exc).split())[:160]
    return DatabaseError(
        f"{store.path or ':memory:'}: stored data is damaged ({type(exc).__name__}: {detail}); "
        "run `quizmaster doctor --repair`"
    )


def _guard_reads(*names: str) -> None:
    """Reading a stored row that breaks its invariants (bad JSON, an impossible date, a
    question no one can answer) raises a DatabaseError pointing to ``doctor``, not a
    traceback from deep inside a command."""
    import functools
    import inspect

    for name in names:
        method = getattr(Store, name)
        if inspect.isgeneratorfunction(method):

            @functools.wraps(method)
            def gen_wrapper(self: Store, *args: Any, __m: Any = method, **kw: Any) -> Any:
                try:
                    yield from __m(self, *args, **kw)
                except (ValueError, TypeError, KeyError, OverflowError) as exc:
                    raise _damage(self, exc) from None

            setattr(Store, name, gen_wrapper)
        else:

            @functools.wraps(method)
            def wrapper(self: Store, *args: Any, __m: Any = method, **kw: Any) -> Any:
                try:
                    return __m(self, *args, **kw)
                except (ValueError, TypeError, KeyError, OverflowError) as exc:
                    raise _damage(self, exc) from None

            setattr(Store, name, wrapper)


_guard_reads(
    "facts",
    "questions",
    "iter_export_facts",
    "iter_export_questions",
    "iter_export_texts",
    "question",
    "card",
    "record_review",
    "undo_review",
    "review_counts_by_day",
    "review_history",
    "reviewed_cards",
    "iter_quiz_candidates",
    "mock_pool",
    "session_rows",
    "history_for",
    "questions_json",
    "review_stats",
    "card_tally",
    "cards_for",
    "mock_items",
    "reviews_since",
)
