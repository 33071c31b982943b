"""The ``quizmaster`` entry point. Bare ``quizmaster`` (no argument) is the command run most
often, so it is tried first on a fast path that imports neither Typer, pydantic nor Rich
(``quizmaster.dashboard_fast``); everything else, and every case that path does not handle,
goes to the full app in ``quizmaster.cli``."""

from __future__ import annotations

import sys


def main() -> None:
    if len(sys.argv) == 1:
        from quizmaster.dashboard_fast import show_dashboard

        if show_dashboard():
            return
    from quizmaster.cli import main as full_app

    full_app()
