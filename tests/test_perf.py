"""Start-up stays light, the fast paths give the same answers as the full ones, and the
benchmark's collection generator writes data the app can read."""

from __future__ import annotations

import datetime as dt
import functools
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.make_collection import make_collection
from quizmaster import json_writer, migrations, render
from quizmaster.doctor import run_doctor
from quizmaster.importers import ensure_builtin_deck
from quizmaster.records import CardState
from quizmaster.store import Store
from tests.helpers.pinned import NOW

HEAVY = ("sqlite_utils", "yaml", "fsrs", "rapidfuzz", "genanki", "quizmaster.models")

PROBE = """
import sys
sys.argv = ["quizmaster", *sys.argv[1:]]
from quizmaster.cli import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write("\\nLOADED=" + ",".join(m for m in {heavy!r} if m in sys.modules))
"""


def loaded_modules(db: Path, *args: str) -> list[str]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=(*HEAVY, "rich")), *args, "--db", str(db)]
        if args != ("--help",)
        else [sys.executable, "-c", PROBE.format(heavy=(*HEAVY, "rich")), "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    line = proc.stderr.rsplit("LOADED=", 1)[1].strip()
    return [m for m in line.split(",") if m]


@pytest.fixture
def builtin_db(db_path: Path) -> Path:
    with Store.open(db_path, now=NOW) as store:
        ensure_builtin_deck(store, now=NOW)
    return db_path


@pytest.mark.slow
def test_start_up_paths_skip_heavy_imports(builtin_db: Path) -> None:
    assert set(loaded_modules(builtin_db, "--help")) <= {"rich"}  # Typer's help uses Rich
    assert loaded_modules(builtin_db) == ["rich"]  # the dashboard: no models, no sqlite_utils
    assert loaded_modules(builtin_db, "questions", "list", "--json") == []


def test_questions_json_matches_the_full_listing(builtin_db: Path) -> None:
    with Store.open(builtin_db, now=NOW) as store:
        deck = store.decks()[0].name
        # Every kind, held by the deck or not (then both listings are empty).
        kinds: list[str | None] = [
            None,
            *("mcq", "short_answer", "cloze", "true_false", "statements", "match"),
        ]
        held = 0
        for name in (None, deck):
            for kind in kinds:
                full = [q.to_json() for q in store.questions(name, kind)]
                assert store.questions_json(name, kind) == full
                assert full or kind is not None
                held += bool(full) and kind is not None
        assert held >= 2


def test_light_json_out_prints_what_render_prints(capsys: pytest.CaptureFixture[str]) -> None:
    data = {"a": [1, "é", None], "b": {"c": True}}
    json_writer.json_out(data)
    light = capsys.readouterr().out
    render.json_out(data)
    assert capsys.readouterr().out == light
    assert json.loads(light) == data


def test_due_question_ids_orders_by_due_and_skips_new_suspended_retired(store: Store) -> None:
    ensure_builtin_deck(store, now=NOW)
    ids = [q.question.id for q in store.questions()[:5]]
    for offset, qid in enumerate(ids):
        card = CardState(question_id=qid, state=2, due=NOW - dt.timedelta(hours=offset), reps=1)
        store.save_card(card)
    store.save_card(CardState(question_id=ids[0], state=2, due=NOW, reps=1, suspended=True))
    store.save_card(
        CardState(question_id=ids[1], state=2, due=NOW + dt.timedelta(minutes=1), reps=1)
    )
    assert store.due_question_ids(NOW, limit=10) == [ids[4], ids[3], ids[2]]
    assert store.due_question_ids(NOW, limit=1) == [ids[4]]
    assert store.count_due(NOW) == 3


def test_migration_applied_meanwhile_is_not_run_twice(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As if another process applied everything between our check and our write lock.
    monkeypatch.setattr(migrations, "pending", lambda applied: list(migrations.MIGRATIONS))
    assert store.migrate(now=NOW) == []


def test_make_collection_writes_data_the_app_reads(tmp_path: Path) -> None:
    path = tmp_path / "small-collection.db"
    info = make_collection(path, questions=400, reviews=3000)
    assert (info["questions"], info["reviews"]) == (400, 3000)
    with Store.open(path, now=NOW) as store:
        assert store.totals()["questions"] == 400
        assert store.count_new() == 160  # 40% never reviewed
        due = store.due_question_ids(NOW, limit=500)
        assert due and len(due) == store.count_due(NOW)
        for qid in due[:20]:
            assert store.question(qid).question.id == qid
        assert sum(store.review_counts_by_day().values()) == 3000
        assert run_doctor(store).ok
    with pytest.raises(SystemExit):
        make_collection(path, questions=4, reviews=0)


def test_probed_streak_matches_the_full_count(tmp_path: Path) -> None:
    """The dashboard's day-by-day streak equals the one computed from every review's local
    day, for zones either side of UTC and reviews right at midnight."""
    from quizmaster.stats import streak_days, streak_days_probed

    with Store.open(tmp_path / "streak.db", now=NOW) as store:
        ensure_builtin_deck(store, now=NOW)
        qid = store.questions()[0].question.id
        base = dt.datetime(2026, 11, 24, tzinfo=dt.timezone.utc)
        moments = [
            base - dt.timedelta(days=d, minutes=m)
            for d in (0, 1, 2, 3, 5, 6, 9, 10, 11, 12, 13)
            for m in (-30, 1, 0, 1439, 330)
            if (d + m) % 3 != 1
        ]
        for at in moments:
            card = store.card(qid)
            store.record_review(
                card,
                session_id=None,
                reviewed_at=at,
                rating=3,
                correct=True,
                response="x",
                duration_ms=1000,
            )
        checked = set()

        def reviewed_on(day: dt.date, offset: int) -> bool:
            return store.reviewed_on(day, offset)

        for offset in (-600, -300, -1, 0, 1, 60, 330, 840):
            counts = store.review_counts_by_day(offset)
            for back in range(-2, 16):
                today = (base - dt.timedelta(days=back)).date()
                probed = streak_days_probed(functools.partial(reviewed_on, offset=offset), today)
                assert probed == streak_days(counts, today), (offset, today)
                checked.add(probed)
        assert len(checked) >= 4  # the history really gives streaks of several lengths


@pytest.mark.slow
@pytest.mark.parametrize("limits", [(20, 200), (3, 7), (0, 50), (500, 500)])
def test_queue_reads_only_what_it_takes_and_matches_the_full_read(
    tmp_path: Path, limits: tuple[int, int]
) -> None:
    from quizmaster.settings import QuizSettings
    from quizmaster.study_queue import _one_per_fact, build_queue, interleave, study_day_start

    path = tmp_path / "queue.db"
    make_collection(path, questions=400, reviews=3000)
    settings = QuizSettings(new_per_day=limits[0], reviews_per_day=limits[1])
    with Store.open(path, now=NOW) as store:
        since = study_day_start(NOW, 0)
        new_done, reviews_done = store.reviews_since(since)
        taken: set[str] = set()
        due_rows = store.quiz_candidates(now=NOW, since=since, which="due")
        due = _one_per_fact(due_rows, taken)[: max(0, limits[1] - reviews_done)]
        taken = {item.stored.question.fact_id for item in due}
        new_rows = store.quiz_candidates(now=NOW, since=since, which="new")
        new = _one_per_fact(new_rows, taken)[: max(0, limits[0] - new_done)]
        expected = [i.question_id for i in interleave(due) + interleave(new)]
        queue = build_queue(store, now=NOW, settings=settings)
        assert [i.question_id for i in queue] == expected and due_rows and new_rows
