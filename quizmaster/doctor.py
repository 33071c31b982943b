"""``quizmaster doctor``: check a database for damage, back it up, compact it.

The SQL lives in the store; this module decides what counts as a problem and in what order
things happen (the backup is taken before compaction, so it is a copy of the file as found).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizmaster.errors import DatabaseError, UsageError
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


def run_doctor(store: Store, *, backup: Path | None = None, vacuum: bool = False) -> DoctorReport:
    """Check integrity, foreign keys and orphaned rows; then optionally back up (SQLite
    backup API, consistent even while another process writes) and compact (VACUUM)."""
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
