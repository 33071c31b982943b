"""The ``quizmaster`` entry point. Bare ``quizmaster`` (no argument, or only ``--json``) is
the command run most often, so it is tried first on a fast path that imports neither Typer,
pydantic nor Rich (``quizmaster.dashboard_fast``); so are ``questions list --json`` and
``stats --json``, which scripts poll (``quizmaster.json_commands_fast``), ``--help``
(``quizmaster.help_fast``) and ``export --format json|apkg -o FILE``
(``quizmaster.export_fast``).
Everything else, and every
case those paths do not handle, goes to the full app in ``quizmaster.cli``."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        _run()
    except BrokenPipeError:
        sys.exit(reader_gone())


def reader_gone() -> int:
    """`quizmaster ... | head`: the reader has gone, so say nothing more (Python's own recipe:
    point stdout at devnull so the flush at exit cannot fail again). Returns the exit code."""
    import os

    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 1


def _run() -> None:
    if sys.argv[1:] in ([], ["--json"]):
        from quizmaster.dashboard_fast import show_dashboard

        if show_dashboard(as_json=len(sys.argv) == 2):
            return
    elif sys.argv[1:] in (["questions", "list", "--json"], ["stats", "--json"]):
        from quizmaster.json_commands_fast import run

        if run(sys.argv[1:]):
            return
    elif sys.argv[1:] in (["--help"], ["-h"]):
        from quizmaster.help_fast import run as show_help

        if show_help(sys.argv[1:]):
            return
    elif sys.argv[1:2] == ["export"] and len(sys.argv) == 6:
        from quizmaster.export_fast import run as export_bulk

        if export_bulk(sys.argv[1:]):
            return
    from quizmaster.cli import main as full_app

    full_app()
