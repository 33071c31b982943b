"""Bring decks into the store: facts YAML files and the built-in deck."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from quizmaster.errors import InputFileError
from quizmaster.store import LoadReport, Store

BUILTIN_LOADED_KEY = "builtin_deck_loaded"


def import_facts_yaml(
    store: Store,
    path: Path,
    *,
    now: dt.datetime,
    deck: str | None = None,
    dry_run: bool = False,
) -> LoadReport:
    """Validate a facts YAML file, generate its questions and load both as one deck.

    Nothing is written unless the whole file is valid.
    """
    from quizmaster.facts_file import load_facts_file
    from quizmaster.generate import generate_questions

    facts_file = load_facts_file(path)
    facts = facts_file.resolved_facts()
    questions = generate_questions(facts)
    return store.load_deck(
        deck or facts_file.deck,
        facts,
        questions,
        now=now,
        source_name=str(path),
        dry_run=dry_run,
    )


def import_file(
    store: Store,
    path: Path,
    *,
    now: dt.datetime,
    deck: str | None = None,
    dry_run: bool = False,
) -> LoadReport:
    """Import a deck file, choosing the reader by extension."""
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return import_facts_yaml(store, path, now=now, deck=deck, dry_run=dry_run)
    raise InputFileError(
        str(path), f"unsupported file type {suffix or '(none)'!r}; expected .yaml or .yml"
    )


def ensure_builtin_deck(store: Store, *, now: dt.datetime) -> LoadReport | None:
    """Load the built-in deck into a database that has never had it. Returns the report,
    or None when nothing was done (it was loaded once already, even if since removed)."""
    from quizmaster.paths import builtin_deck_path

    if store.get_setting(BUILTIN_LOADED_KEY) or store.deck_count() > 0:
        return None
    report = import_facts_yaml(store, builtin_deck_path(), now=now)
    store.set_setting(BUILTIN_LOADED_KEY, True)
    return report
