"""``quizmaster doctor``'s report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from quizmaster.render.consoles import err, out

if TYPE_CHECKING:  # models and feature modules are imported where used: start-up time
    from quizmaster.doctor import DoctorReport


def doctor_report(report: DoctorReport) -> None:
    """What ``quizmaster doctor`` checked, found and did."""
    console = out()
    mark = {True: Text("ok", style="green"), False: Text("PROBLEM", style="bold red")}
    fk_total = sum(report.foreign_key_errors.values())
    console.print(Text.assemble("Database: ", (report.database, "bold")))
    console.print(Text.assemble("Integrity check: ", mark[report.integrity == ["ok"]]))
    console.print(Text.assemble("Foreign keys: ", mark[fk_total == 0]))
    for what, count in report.orphans.items():
        console.print(Text.assemble(f"{what.capitalize()}: {count} ", mark[count == 0]))
    if report.backup is not None:
        console.print(f"Backup written: {report.backup}")
    if report.size_before is not None and report.size_after is not None:
        console.print(
            f"Compacted: {report.size_before / 1e6:.1f} MB -> {report.size_after / 1e6:.1f} MB"
        )
    for done in report.repaired:
        console.print(f"Repaired: {done}")
    for problem in report.problems:
        err().print(Text.assemble(("Problem: ", "bold red"), problem), soft_wrap=True)
    if report.ok:
        console.print(Text("No problems found.", style="green"))
