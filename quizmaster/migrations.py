"""Ordered, named schema migrations. Each runs once and is recorded in ``_migrations``.

Never edit a released migration: add a new one. Tests upgrade a database made by the first
schema to the current one.
"""

from __future__ import annotations

# Not `from typing import ...`: the dashboard's fast path reads MIGRATIONS, and importing
# typing would cost it a sixth of its start-up. Annotations are strings here.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    Migration = Callable[[Any], None]

MIGRATIONS: list[tuple[str, Migration]] = []


def migration(fn: Migration) -> Migration:
    MIGRATIONS.append((fn.__name__, fn))
    return fn


@migration
def m001_initial(db: Any) -> None:
    db["decks"].create(
        {
            "id": int,
            "name": str,
            "source_title": str,
            "source_date": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"name", "created_at", "updated_at"},
    )
    db["decks"].create_index(["name"], unique=True)
    db["facts"].create(
        {
            "id": str,
            "deck_id": int,
            "position": int,
            "statement": str,
            "topic": str,
            "tags": str,
            "data": str,
            "retired": int,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("deck_id", "decks", "id")],
        not_null={"deck_id", "statement", "data", "retired"},
        defaults={"retired": 0, "tags": "[]", "topic": "General"},
    )
    db["facts"].create_index(["deck_id"])
    db["questions"].create(
        {
            "id": str,
            "fact_id": str,
            "deck_id": int,
            "kind": str,
            "variant": str,
            "position": int,
            "prompt": str,
            "options": str,
            "answer": str,
            "explanation": str,
            "topic": str,
            "tags": str,
            "data": str,
            "retired": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("fact_id", "facts", "id"), ("deck_id", "decks", "id")],
        not_null={"fact_id", "deck_id", "kind", "prompt", "answer", "data", "retired"},
        defaults={"retired": 0, "tags": "[]"},
    )
    db["questions"].create_index(["deck_id", "kind"])
    db["questions"].create_index(["fact_id"])
    # Scheduling state, one row per question; state 0 = new (never reviewed), then fsrs.State.
    db["cards"].create(
        {
            "question_id": str,
            "state": int,
            "step": int,
            "stability": float,
            "difficulty": float,
            "due": str,
            "last_review": str,
            "reps": int,
            "lapses": int,
            "suspended": int,
            "leech": int,
            "buried_until": str,
        },
        pk="question_id",
        foreign_keys=[("question_id", "questions", "id")],
        not_null={"state", "reps", "lapses", "suspended", "leech"},
        defaults={"state": 0, "reps": 0, "lapses": 0, "suspended": 0, "leech": 0},
    )
    db["cards"].create_index(["due"])
    db["sessions"].create(
        {
            "id": int,
            "kind": str,
            "started_at": str,
            "ended_at": str,
            "deck": str,
            "data": str,
        },
        pk="id",
        not_null={"kind", "started_at"},
    )
    db["reviews"].create(
        {
            "id": int,
            "question_id": str,
            "session_id": int,
            "reviewed_at": str,
            "rating": int,
            "correct": int,
            "response": str,
            "duration_ms": int,
            "card_before": str,
            "card_after": str,
        },
        pk="id",
        foreign_keys=[("question_id", "questions", "id"), ("session_id", "sessions", "id")],
        not_null={"question_id", "reviewed_at", "rating", "correct"},
    )
    db["reviews"].create_index(["question_id"])
    db["reviews"].create_index(["reviewed_at"])
    db["settings"].create({"key": str, "value": str}, pk="key")


# --- performance ---------------------------------------------------------------


@migration
def m002_perf_indexes(db: Any) -> None:
    """Covering indexes for the dashboard counts and for picking due questions: on 100,000
    questions they turn full scans of the (wide) questions table into index-only reads."""
    db["questions"].create_index(["id", "retired"], index_name="idx_questions_id_retired")
    db["questions"].create_index(["retired"], index_name="idx_questions_retired")
    db["facts"].create_index(["retired"], index_name="idx_facts_retired")
    db["cards"].create_index(
        ["due", "state", "suspended", "question_id"], index_name="idx_cards_due_state"
    )
    db["cards"].create_index(
        ["state", "suspended", "question_id"], index_name="idx_cards_state_suspended"
    )


# --- mock tests ---


@migration
def m003_mock_items(db: Any) -> None:
    """One row per question of a mock paper: what was answered and how it was marked."""
    db["mock_items"].create(
        {
            "session_id": int,
            "position": int,
            "question_id": str,
            "answer": int,
            "correct_answer": int,
            "result": str,
            "marks": str,
            "marked": int,
        },
        pk=("session_id", "position"),
        foreign_keys=[("session_id", "sessions", "id"), ("question_id", "questions", "id")],
        not_null={"session_id", "position", "question_id", "correct_answer", "result", "marks"},
        defaults={"marked": 0},
    )
    db["mock_items"].create_index(["question_id"])


# --- stats in SQL -----------------------------------------------------------------

# The card state a review was answered in, as ``card_before`` records it (no state: new).
# ``Store.review_stats`` repeats this exact expression so SQLite can read it from the index.
REVIEW_STATE_BEFORE = "CAST(coalesce(json_extract(card_before, '$.state'), 0) AS INTEGER)"


@migration
def m004_stats_indexes(db: Any) -> None:
    """Index-only reads for ``stats`` on 1M reviews. Retention counts reviews by the state
    their card was in: indexing that state (with the rating) spares parsing every review's
    JSON (1 s -> 0.1 s). Accuracy per question from (question_id, correct) instead of a
    grouped scan of the wide table (0.8 s -> 0.15 s)."""
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_reviews_state_before "
        f"ON reviews ({REVIEW_STATE_BEFORE}, rating)"
    )
    db["reviews"].create_index(
        ["question_id", "correct"], index_name="idx_reviews_question_correct", if_not_exists=True
    )


# --- quiz start-up at 100k -------------------------------------------------------------------


@migration
def m005_quiz_startup_index(db: Any) -> None:
    """New questions in deck order (deck name, position) straight from an index: the quiz
    reads the first few instead of sorting every new question (40,000 on a 100k collection)."""
    db["questions"].create_index(
        ["deck_id", "position"], index_name="idx_questions_deck_position", if_not_exists=True
    )


# --- hardening ------------------------------------------------------------------------


@migration
def m006_hardening_reviews_index(db: Any) -> None:
    """The (question_id, correct) index was added to m004 after m004 had been released, so
    a database upgraded in between never got it. Create it where it is missing. (Released
    migrations are frozen; a test holds their source to a digest.)"""
    db["reviews"].create_index(
        ["question_id", "correct"], index_name="idx_reviews_question_correct", if_not_exists=True
    )


# --- deck controls ------------------------------------------------------------------------


@migration
def m007_deck_controls(db: Any) -> None:
    """A deck can be paused: its questions are not asked until it is resumed."""
    if "paused" not in db["decks"].columns_dict:
        db["decks"].add_column("paused", int, not_null_default=0)


# --- bulk exports ---------------------------------------------------------------------------


@migration
def m008_bulk_canonical_rows(db: Any) -> None:
    """``canon`` names the stored form a fact's or question's ``data`` was written in (see
    ``quizmaster.models.canonical_stamp``): rows written in the current form are exported as
    they are stored, the rest (NULL: older rows, rows written by other tools) are validated
    and written out again."""
    for table in ("facts", "questions"):
        if "canon" not in db[table].columns_dict:
            db[table].add_column("canon", str)


# The tables each migration creates: a database whose ``_migrations`` lists a migration must
# have its tables (see ``Store.open``). A migration that creates none need not be listed.
MIGRATION_TABLES: dict[str, tuple[str, ...]] = {
    "m001_initial": ("decks", "facts", "questions", "cards", "sessions", "reviews", "settings"),
    "m003_mock_items": ("mock_items",),
}


def pending(applied: set[str]) -> list[tuple[str, Migration]]:
    return [(name, fn) for name, fn in MIGRATIONS if name not in applied]
