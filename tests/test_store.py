from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quizmaster.errors import DatabaseError, InputFileError, NotFoundError
from quizmaster.facts_file import load_facts_file
from quizmaster.generate import generate_questions
from quizmaster.importers import ensure_builtin_deck, import_facts_yaml
from quizmaster.migrations import MIGRATIONS
from quizmaster.store import Store
from tests.helpers.kind_decks import KINDS_DIR
from tests.helpers.pinned import NOW


def test_migrations_on_empty_database(db_path: Path) -> None:
    with Store.open(db_path, now=NOW) as store:
        assert store.applied_migrations() == [name for name, _ in MIGRATIONS]
        tables = set(store.db.table_names())
    assert {"decks", "facts", "questions", "cards", "reviews", "sessions", "settings"} <= tables


def test_migrations_on_existing_database_are_not_rerun(db_path: Path) -> None:
    with Store.open(db_path, now=NOW) as store:
        store.set_setting("x", 1)
    with Store.open(db_path, now=NOW) as store:
        assert store.migrate(now=NOW) == []
        assert store.get_setting("x") == 1


def test_wal_mode(db_path: Path) -> None:
    with Store.open(db_path, now=NOW) as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_not_a_database(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"this is not sqlite at all, just text" * 100)
    with pytest.raises(DatabaseError, match="not a quizmaster database"):
        Store.open(bogus, now=NOW)


def test_import_is_idempotent_and_keeps_history(store: Store, facts_yaml: Path) -> None:
    first = import_facts_yaml(store, facts_yaml, now=NOW)
    assert len(first.facts_added) == 2
    assert first.questions_added
    qid = first.questions_added[0]
    with store.transaction():
        store.conn.execute("UPDATE cards SET reps = 3, state = 2 WHERE question_id = ?", (qid,))
    again = import_facts_yaml(store, facts_yaml, now=NOW)
    assert again.facts_added == [] and again.questions_added == []
    assert len(again.facts_unchanged) == 2
    assert store.conn.execute("SELECT count(*) FROM questions").fetchone()[0] == len(
        first.questions_added
    )
    assert (
        store.conn.execute("SELECT reps FROM cards WHERE question_id = ?", (qid,)).fetchone()[0]
        == 3
    )


def test_editing_a_fact_updates_in_place(store: Store, tmp_path: Path) -> None:
    # A one-fact deck whose fact keeps a question (the small deck's may keep none).
    facts_yaml = tmp_path / "space.yaml"
    facts_yaml.write_text((KINDS_DIR / "mcq.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    first = import_facts_yaml(store, facts_yaml, now=NOW)
    assert len(first.questions_added) == 1
    text = facts_yaml.read_text(encoding="utf-8")
    facts_yaml.write_text(
        text.replace("was founded in", "was set up in"),
        encoding="utf-8",
    )
    report = import_facts_yaml(store, facts_yaml, now=NOW)
    assert report.facts_updated == ["space-agency-start"]
    # The fact keeps its one question (same id), now worded from the edited statement.
    assert report.questions_updated == first.questions_added
    assert report.questions_added == []
    assert "set up" in store.question(first.questions_added[0]).question.prompt


def test_removed_fact_is_retired_not_deleted(
    store: Store, facts_yaml: Path, tmp_path: Path
) -> None:
    import_facts_yaml(store, facts_yaml, now=NOW)
    facts_file = load_facts_file(facts_yaml)
    only_first = facts_file.resolved_facts()[:1]
    report = store.load_deck("Small deck", only_first, generate_questions(only_first), now=NOW)
    assert report.facts_retired == ["summit-ordinal"]
    assert [f.fact.id for f in store.facts()] == ["capital-france"]
    assert store.conn.execute("SELECT count(*) FROM facts").fetchone()[0] == 2
    back = import_facts_yaml(store, facts_yaml, now=NOW)
    assert back.facts_updated == ["summit-ordinal"]


def test_dry_run_writes_nothing(store: Store, facts_yaml: Path) -> None:
    report = import_facts_yaml(store, facts_yaml, now=NOW, dry_run=True)
    assert len(report.facts_added) == 2
    assert store.deck_count() == 0


def test_fact_id_owned_by_another_deck(store: Store, facts_yaml: Path) -> None:
    import_facts_yaml(store, facts_yaml, now=NOW)
    facts, questions = store.facts("Small deck"), store.questions("Small deck")
    # A facts file loads only into its own deck's name...
    with pytest.raises(InputFileError, match="already belongs to deck 'Small deck'"):
        store.load_deck("Other", [f.fact for f in facts], [q.question for q in questions], now=NOW)
    assert [d.name for d in store.decks()] == ["Small deck"]
    # ...but importing it under another name moves it there, questions and history with it.
    report = import_facts_yaml(store, facts_yaml, now=NOW, deck="Other")
    assert report.facts_moved == [f.fact.id for f in facts]
    assert report.decks_emptied == ["Small deck"]
    assert [d.name for d in store.decks()] == ["Other"]
    assert len(store.questions("Other")) == len(questions)


def test_bad_file_writes_nothing(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("deck: D\nfacts:\n  - id: x\n", encoding="utf-8")
    with pytest.raises(InputFileError):
        import_facts_yaml(store, bad, now=NOW)
    assert store.deck_count() == 0


def test_builtin_deck_loaded_once(store: Store) -> None:
    report = ensure_builtin_deck(store, now=NOW)
    assert report is not None and len(report.facts_added) >= 8
    assert ensure_builtin_deck(store, now=NOW) is None


def test_failed_transaction_rolls_back(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.conn.execute("INSERT INTO settings VALUES ('a', '1')")
        raise RuntimeError("boom")
    assert store.get_setting("a") is None


def test_unknown_deck_and_question(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no deck named 'Nope'"):
        store.facts("Nope")
    with pytest.raises(NotFoundError, match="no question with id"):
        store.question("nope:cloze:x")


def test_questions_filters(store: Store, facts_yaml: Path) -> None:
    import_facts_yaml(store, facts_yaml, now=NOW)
    every = store.questions()
    present = {q.question.kind for q in every}
    assert present  # the small deck yields questions
    for kind in ("mcq", "cloze", "short_answer", "true_false", "statements", "match"):
        picked = [q.question.id for q in store.questions(kind=kind)]
        assert picked == [q.question.id for q in every if q.question.kind == kind]
    assert store.count_new() == len(store.questions())
    assert store.count_due(NOW) == 0


def test_schema_matches_sqlite(db_path: Path) -> None:
    with Store.open(db_path, now=NOW):
        pass
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_record_and_undo_review(store: Store, facts_yaml: Path) -> None:
    import datetime as dt

    from quizmaster.records import CardState

    import_facts_yaml(store, facts_yaml, now=NOW)
    qid = store.questions()[0].question.id
    assert store.card(qid) == CardState(question_id=qid)
    session = store.start_session("quiz", started_at=NOW)
    after = CardState(
        question_id=qid,
        state=2,
        stability=3.2,
        difficulty=5.0,
        due=NOW + dt.timedelta(days=3),
        last_review=NOW,
        reps=1,
    )
    review_id = store.record_review(
        after,
        session_id=session,
        reviewed_at=NOW,
        rating=3,
        correct=True,
        response="paris",
        duration_ms=2100,
    )
    assert store.card(qid) == after
    assert store.count_due(NOW + dt.timedelta(days=4)) == 1
    assert store.undo_review(review_id) == CardState(question_id=qid)
    assert store.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
    store.end_session(session, ended_at=NOW, data={"answered": 0})
