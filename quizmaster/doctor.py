"""``quizmaster doctor``: check a database for damage, back it up, compact it.

The SQL lives in the store; this module decides what counts as a problem and in what order
things happen (the backup is taken before compaction, so it is a copy of the file as found).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizmaster.errors import DatabaseError, QuizmasterError, UsageError
from quizmaster.records import CardState

if TYPE_CHECKING:
    from quizmaster.store import Store


@dataclass
class DoctorReport:
    """What ``doctor`` found and did."""

    database: str
    integrity: list[str]
    foreign_key_errors: dict[str, int]
    orphans: dict[str, int]
    backup: str | None = None
    size_before: int | None = None
    size_after: int | None = None
    problems: list[str] = field(default_factory=list)
    # Damage ``--repair`` can mend: missing indexes, rows breaking their invariants.
    schema: list[str] = field(default_factory=list)
    broken: dict[str, list[str]] = field(default_factory=dict)
    repaired: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {
            "database": self.database,
            "ok": self.ok,
            "problems": self.problems,
            "integrity_check": self.integrity,
            "foreign_key_errors": self.foreign_key_errors,
            "orphans": self.orphans,
            "backup": self.backup,
            "schema": self.schema,
            "broken": self.broken,
            "repaired": self.repaired,
            "vacuum": None
            if self.size_before is None
            else {"size_before": self.size_before, "size_after": self.size_after},
        }


def require_database(path: Path) -> None:
    """Doctor examines an existing database; it must not quietly create an empty one."""
    if not path.exists():
        raise DatabaseError(f"{path}: no database there; pass the right --db path")


def check_backup_target(target: Path, database: Path | None) -> None:
    """Refuse a backup path that would overwrite something or cannot be written."""
    if target.exists():
        raise UsageError(f"{target}: already exists; give a new file name for the backup")
    if database is not None and target.resolve() == database.resolve():
        raise UsageError(f"{target}: is the database itself; give another path")
    if not target.parent.is_dir():
        raise UsageError(f"{target.parent}: no such directory for the backup")


def check_schema(store: Store) -> tuple[list[str], list[str]]:
    """(problems, SQL that repairs them): a table or index the migrations make but the
    database lacks (a migration edited after it ran), or one whose definition differs."""
    found = store.schema_objects()
    problems: list[str] = []
    repairs: list[str] = []
    for name, (kind, table, sql) in sorted(store.expected_schema().items()):
        if name not in found:
            problems.append(f"{kind} {name!r} (on {table}) is missing")
            if kind == "index":
                repairs.append(sql)
        elif found[name][2] != sql:
            problems.append(f"{kind} {name!r} differs from the expected definition")
    return problems, repairs


def _short(exc: Exception) -> str:
    return " ".join(str(exc).split())[:120]


def check_rows(store: Store) -> dict[str, dict[Any, str]]:
    """Every stored row read as the commands read it: what breaks, and why."""
    import datetime as dt
    import json

    from pydantic import TypeAdapter, ValidationError

    from quizmaster.models import Fact, Question
    from quizmaster.setting_names import DESIRED_RETENTION, EXAM_DATE, NEW_PER_DAY, REVIEWS_PER_DAY
    from quizmaster.settings import parse_setting

    adapter: TypeAdapter[Question] = TypeAdapter(Question)
    broken: dict[str, dict[Any, str]] = {
        "questions": {},
        "facts": {},
        "cards": {},
        "settings": {},
        "sessions": {},
        "session_times": {},
    }
    for qid, data in store.raw_rows("questions"):
        try:
            adapter.validate_json(data)
        except (ValidationError, ValueError, TypeError) as exc:
            broken["questions"][qid] = _short(exc)
    for fid, data in store.raw_rows("facts"):
        try:
            Fact.model_validate_json(data)
        except (ValidationError, ValueError, TypeError) as exc:
            broken["facts"][fid] = _short(exc)
    for row in store.raw_rows("cards"):
        try:
            CardState.from_row(row)
        except (ValueError, TypeError, KeyError, OverflowError) as exc:
            broken["cards"][row[0]] = _short(exc)
    for key, value in store.raw_rows("settings"):
        try:
            parsed = json.loads(value)
            if key in (NEW_PER_DAY, REVIEWS_PER_DAY, DESIRED_RETENTION, EXAM_DATE):
                if parsed is not None:
                    parse_setting(key, str(parsed))
        except (ValueError, TypeError, QuizmasterError) as exc:
            broken["settings"][key] = _short(exc)
    for sid, started, ended, data in store.raw_rows("sessions"):
        try:
            json.loads(data or "{}")
        except (ValueError, TypeError) as exc:
            broken["sessions"][sid] = _short(exc)
        try:
            dt.datetime.fromisoformat(started)
            if ended is not None:
                dt.datetime.fromisoformat(ended)
        except (ValueError, TypeError) as exc:
            broken["session_times"][sid] = _short(exc)
    return broken


_REPAIR_WORDS = {
    "questions": "retired and suspended",
    "facts": "retired with their questions",
    "cards": "reset to new",
    "settings": "back to the default",
    "sessions": "summary emptied",
    "session_times": "start time taken from its first review",
}


def run_doctor(
    store: Store, *, backup: Path | None = None, vacuum: bool = False, repair: bool = False
) -> DoctorReport:
    """Check integrity, foreign keys, orphaned rows, the schema the migrations make and
    every stored row's invariants; with ``repair``, recreate missing indexes and quarantine
    broken rows. Then optionally back up (SQLite backup API, consistent even while another
    process writes) and compact (VACUUM)."""
    if backup is not None:
        check_backup_target(backup, store.path)
    report = DoctorReport(
        database=str(store.path) if store.path is not None else ":memory:",
        integrity=store.integrity_check(),
        foreign_key_errors={},
        orphans={},
    )
    if report.integrity != ["ok"]:
        shown = "; ".join(report.integrity[:2])
        more = f" (+{len(report.integrity) - 2} more)" if len(report.integrity) > 2 else ""
        report.problems.append(f"integrity check failed: {shown}{more}")
    fk = report.foreign_key_errors
    try:  # on a damaged file these reads can fail too: report that, do not crash
        for table, _rowid, _parent in store.foreign_key_check():
            fk[table] = fk.get(table, 0) + 1
        report.orphans.update(store.orphan_counts())
    except DatabaseError as exc:
        report.problems.append(str(exc))
    for table, count in sorted(fk.items()):
        report.problems.append(f"{count} row(s) in {table} point to missing rows (foreign key)")
    for what, count in report.orphans.items():
        if count:
            report.problems.append(f"{count} {what}")
    if report.integrity == ["ok"]:
        _check_and_repair(store, report, repair=repair)
    if backup is not None:
        store.backup_to(backup)
        report.backup = str(backup)
    if vacuum and report.integrity != ["ok"]:
        report.problems.append("compaction skipped: restore a backup or export first")
    elif vacuum:
        report.size_before = store.file_size()
        store.vacuum()
        report.size_after = store.file_size()
    return report


def _check_and_repair(store: Store, report: DoctorReport, *, repair: bool) -> None:
    schema_problems, schema_sql = check_schema(store)
    report.schema = schema_problems
    broken = check_rows(store)
    report.broken = {
        what: [f"{key}: {why}" for key, why in rows.items()]
        for what, rows in broken.items()
        if rows
    }
    if repair:
        if schema_sql:
            store.apply_schema_sql(schema_sql)
            report.repaired += [f"recreated: {p}" for p in schema_problems if "index" in p]
        if any(broken.values()):
            store.quarantine(
                questions=list(broken["questions"]),
                facts=list(broken["facts"]),
                cards=list(broken["cards"]),
                settings=list(broken["settings"]),
                sessions=list(broken["sessions"]),
                session_times=list(broken["session_times"]),
            )
            for what, rows in broken.items():
                if rows:
                    report.repaired.append(f"{len(rows)} {what}: {_REPAIR_WORDS[what]}")
        schema_problems, _ = check_schema(store)
        broken = check_rows(store)
    hint = "" if repair else "; run `quizmaster doctor --repair`"
    for problem in schema_problems:
        report.problems.append(f"schema: {problem}{hint}")
    for what, rows in broken.items():
        if rows:
            first_key, first_why = next(iter(rows.items()))
            report.problems.append(
                f"{len(rows)} broken {what.replace('_', ' ')} (e.g. {first_key}: {first_why}){hint}"
            )
