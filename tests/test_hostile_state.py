"""Hostile states rather than hostile files: a poisoned or outdated database that doctor must
see and mend, frozen migrations, a writer holding the lock, two sessions undoing over each
other, what killed exports and backups leave behind, escape sequences in deck content, bytes
a terminal should never have sent, and spreadsheet formulas in CSV output."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import inspect
import io
import json
import os
import sqlite3
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizmaster.cli import app
from quizmaster.doctor import run_doctor
from quizmaster.errors import DatabaseError, UsageError
from quizmaster.files import TEMP_MARK, locked_temp
from quizmaster.importers import import_path
from quizmaster.migrations import MIGRATIONS
from quizmaster.records import CardState
from quizmaster.store import Store
from tests.helpers.pinned import DATA, NOW


def run(runner: CliRunner, *args: str, stdin: str | bytes = "") -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def loaded(db_path: Path) -> Path:
    with Store.open(db_path, now=NOW) as store:
        import_path(store, DATA / "small.yaml", now=NOW)
    return db_path


@pytest.fixture
def typed(db_path: Path) -> Path:
    """A collection whose first question is answered by typing a line."""
    with Store.open(db_path, now=NOW) as store:
        import_path(store, DATA / "kinds" / "short_answer.yaml", now=NOW)
    return db_path


def sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


# --- migrations are frozen; doctor checks the schema they make ---------------------------

# Released migrations, by a digest of their source. Never edit one: add a new migration.
FROZEN = {
    "m001_initial": "9032fd7321d86a1a",
    "m003_mock_items": "175728803eb4a75e",
    "m002_perf_indexes": "ff66de272730be8d",
    "m004_stats_indexes": "c36d97b0af9e36e2",
    "m005_quiz_startup_index": "27073127dbf90ff9",
    "m006_hardening_reviews_index": "f8b260badd6829e6",
    "m007_deck_controls": "2efebef0c0c9675c",
    "m008_bulk_canonical_rows": "0ddfb2e44e335470",
}


def test_released_migrations_are_never_edited() -> None:
    found = {
        name: hashlib.sha256(inspect.getsource(fn).encode()).hexdigest()[:16]
        for name, fn in MIGRATIONS
    }
    changed = [name for name, digest in FROZEN.items() if found.get(name) != digest]
    assert changed == [], f"released migrations edited: {changed}; add a new one instead"


def test_a_database_upgraded_before_m004_gained_its_index_gets_it(db_path: Path) -> None:
    """m004 gained idx_reviews_question_correct after release: a database that applied the
    first m004 lacks it; m005 creates it, and doctor would have seen it missing."""
    with Store.open(db_path, now=NOW):
        pass
    sql(
        db_path,
        "DROP INDEX idx_reviews_question_correct",
        "DELETE FROM _migrations WHERE name = 'm006_hardening_reviews_index'",
    )
    with Store.open(":memory:") as fresh:
        expected = fresh.schema_objects()
    with Store.open(db_path, now=NOW) as store:  # m005 runs here
        assert store.schema_objects() == expected


def test_doctor_finds_and_repairs_a_missing_index(loaded: Path, runner: CliRunner) -> None:
    sql(loaded, "DROP INDEX idx_cards_due_state")
    code, out, _ = run(runner, "doctor", "--json", "--db", str(loaded))
    report = json.loads(out)
    assert code == 1 and any("idx_cards_due_state" in p for p in report["problems"])
    code, out, _ = run(runner, "doctor", "--json", "--repair", "--db", str(loaded))
    assert code == 0, out
    assert json.loads(out)["repaired"] == [
        "recreated: index 'idx_cards_due_state' (on cards) is missing"
    ]
    code, _, _ = run(runner, "doctor", "--db", str(loaded))
    assert code == 0


POISON = {
    # what is broken -> SQL that breaks it, the command that then failed
    "card state 99": ("UPDATE cards SET state = 99, due = '2026-01-01T00:00:00+00:00'", "practice"),
    "mcq with 10 options": (
        "UPDATE questions SET data = json_set(data, '$.choices', "
        'json(\'["a","b","c","d","e","f","g","h","i","j"]\')) '
        "WHERE kind = 'mcq'",
        "mock",
    ),
    "answer not an option": (
        "UPDATE questions SET data = json_set(data, '$.answer', 'Nobody') WHERE kind = 'mcq'",
        "mock",
    ),
    "empty options": (
        "UPDATE questions SET data = json_set(data, '$.choices', json('[]')) WHERE kind = 'mcq'",
        "mock",
    ),
    "question not JSON": ("UPDATE questions SET data = '{' WHERE rowid = 1", "quiz"),
    "fact not JSON": ("UPDATE facts SET data = '[' WHERE rowid = 1", "facts"),
    "setting not JSON": ("INSERT INTO settings VALUES ('new_per_day', '{{')", "quiz"),
    "exam_date year 1": ("INSERT INTO settings VALUES ('exam_date', '\"0001-01-01\"')", "quiz"),
    "session data not JSON": (
        "INSERT INTO sessions (kind, started_at, data) "
        "VALUES ('quiz', '2026-11-20T09:00:00+00:00', '{')",
        "history",
    ),
    "session start not a date": (
        "INSERT INTO sessions (kind, started_at, data) VALUES ('quiz', 'yesterday', '{}')",
        "history",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(POISON))
def test_doctor_sees_every_poison_and_repair_makes_the_collection_work(
    case: str, loaded: Path, runner: CliRunner
) -> None:
    statement, command = POISON[case]
    sql(loaded, statement)
    args = {
        "facts": ["facts", "list"],
        "mock": ["mock", "--seed", "1"],
        "practice": ["quiz", "--practice"],
    }.get(command, [command])
    code, _, err = run(runner, *args, "--db", str(loaded), stdin="\n" * 30)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    code, out, _ = run(runner, "doctor", "--json", "--db", str(loaded))
    assert code == 1 and json.loads(out)["problems"], out
    code, out, err = run(runner, "doctor", "--json", "--repair", "--db", str(loaded))
    assert code == 0 and json.loads(out)["repaired"], out + err
    code, _, err = run(runner, *args, "--db", str(loaded), stdin="\n" * 30)
    assert "Traceback" not in err and "unexpected" not in err
    assert code == 0 or (command == "mock" and "no mcq or statements" in err), err


def test_repair_keeps_the_reviews_of_a_quarantined_question(loaded: Path) -> None:
    with Store.open(loaded, now=NOW) as store:
        qid = store.questions(kind="mcq")[0].question.id
        card = CardState(question_id=qid, state=2, stability=3.0, difficulty=5.0, due=NOW)
        store.record_review(
            card, session_id=None, reviewed_at=NOW, rating=3, correct=True, response="x",
            duration_ms=5,
        )  # fmt: skip
    sql(loaded, f"UPDATE questions SET data = json_set(data, '$.answer', 'No') WHERE id = '{qid}'")
    with Store.open(loaded, now=NOW) as store:
        report = run_doctor(store, repair=True)
        assert report.ok and report.repaired == ["1 questions: retired and suspended"]
        assert store.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 1
        assert qid not in {q.question.id for q in store.questions()}


# --- the write lock and undo -------------------------------------------------------------


def test_a_write_waits_for_a_held_lock_with_a_message_and_loses_nothing(loaded: Path) -> None:
    waited = threading.Event()
    release = threading.Event()
    holder = sqlite3.connect(loaded, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # a long import holds the write lock
    with Store.open(loaded, now=NOW) as store:
        store.set_busy_timeout(50)
        qid = store.questions()[0].question.id

        def on_wait() -> None:
            waited.set()
            release.wait(30)

        store.on_wait = on_wait

        def writer_done() -> None:
            release.set()

        # The holder commits once the quiz has said it is waiting.
        def hold() -> None:
            waited.wait(30)
            holder.execute("COMMIT")
            writer_done()

        thread = threading.Thread(target=hold)
        thread.start()
        card = CardState(question_id=qid, state=1, stability=1.0, difficulty=5.0, due=NOW)
        review_id = store.record_review(
            card, session_id=None, reviewed_at=NOW, rating=3, correct=True, response="a",
            duration_ms=5,
        )  # fmt: skip
        thread.join(30)
        assert waited.is_set() and review_id > 0
        assert store.card(qid).state == 1
    holder.close()


def test_without_a_waiter_a_held_lock_is_one_clear_error(loaded: Path) -> None:
    holder = sqlite3.connect(loaded, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Store.open(loaded, now=NOW) as store:
            store.set_busy_timeout(20)
            with pytest.raises(DatabaseError, match="has held the database"):
                store.set_setting("new_per_day", 5)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_undo_never_overwrites_another_sessions_later_review(loaded: Path) -> None:
    with Store.open(loaded, now=NOW) as one, Store.open(loaded, now=NOW) as two:
        qid = one.questions()[0].question.id
        first = CardState(question_id=qid, state=1, stability=1.0, difficulty=5.0, due=NOW)
        mine = one.record_review(
            first, session_id=None, reviewed_at=NOW, rating=3, correct=True, response="a",
            duration_ms=5,
        )  # fmt: skip
        later = NOW + dt.timedelta(minutes=1)
        theirs = CardState(question_id=qid, state=2, stability=4.0, difficulty=4.0, due=later)
        two.record_review(
            theirs, session_id=None, reviewed_at=later, rating=4, correct=True, response="b",
            duration_ms=5,
        )  # fmt: skip
        with pytest.raises(UsageError, match="another session has answered"):
            one.undo_review(mine)
        with pytest.raises(UsageError, match="another session has answered"):
            one.amend_review(mine, first, rating=1, correct=False)
        assert one.card(qid) == theirs
        assert one.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 2


# --- what killed exports and backups leave ------------------------------------------------


def test_stale_export_and_backup_files_are_removed_live_ones_kept(
    loaded: Path, tmp_path: Path, runner: CliRunner
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    stale_export = out / f".deck.csv{TEMP_MARK}abc123.tmp"
    stale_export.write_bytes(b"x" * 1000)  # a killed export: nobody holds it
    stale_backup = out / f".b.db{TEMP_MARK}abc123.partial"
    stale_backup.write_bytes(b"y" * 1000)
    fd, live = locked_temp(out, ".other.csv", ".tmp")  # an export still running
    someone_elses = out / "download.partial"
    someone_elses.write_bytes(b"z")
    try:
        code, _, err = run(runner, "export", "-f", "csv", "-o", str(out / "deck.csv"))
        assert code == 0, err
        code, _, err = run(runner, "doctor", "--backup", str(out / "b2.db"))
        assert code == 0, err
        assert not stale_export.exists() and not stale_backup.exists()
        assert live.exists() and someone_elses.exists()
    finally:
        os.close(fd)


# --- content and terminals ----------------------------------------------------------------

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[31m\x9b1m\x07\x08"


@pytest.fixture
def escaped_deck(tmp_path: Path, db_path: Path) -> Path:
    rows = [
        f"Capital of {ESCAPES}Morocco?,Rabat{ESCAPES},geo",
        "Capital of Kenya?,Nairobi,geo",
        "Capital of Peru?,Lima,geo",
        "Capital of Chile?,Santiago,geo",
    ]
    path = tmp_path / "escapes.csv"
    evil = f"Capital of Fiji?,Suva,geo,Evil{ESCAPES}\n"  # escape sequences in a deck name
    path.write_text("#deck column:4\n" + "\n".join(r + ",=Deck" for r in rows) + "\n" + evil)
    with Store.open(db_path, now=NOW) as store:
        import_path(store, path, now=NOW)
    return db_path


@pytest.mark.parametrize(
    "args",
    [
        ["questions", "list"],
        ["facts", "list"],
        ["decks"],
        ["export", "-f", "csv"],
        ["export", "-f", "tsv"],
        ["export", "-f", "md"],
        ["quiz", "--limit", "3"],
        ["questions", "list", "--json"],
    ],
)
def test_escape_sequences_in_deck_content_never_reach_the_terminal(
    args: list[str], escaped_deck: Path, runner: CliRunner
) -> None:
    code, out, err = run(runner, *args, stdin="Rabat\nx\ny\n")
    assert code == 0, err
    for char in "\x1b\x07\x08\x9b":
        assert char not in out and char not in err, (char, out[:300])
    assert "Morocco" in out or args == ["decks"]


def test_history_csv_escapes_formulas(escaped_deck: Path, runner: CliRunner) -> None:
    code, _, err = run(runner, "quiz", "--limit", "2", "--deck", "=Deck", stdin="Rabat\nx\n")
    assert code == 0, err
    code, out, _ = run(runner, "history", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(r["deck"] == "'=Deck" for r in rows), out
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "@")) or value[1:].replace(".", "").isdigit()


@pytest.mark.parametrize(
    "answer",
    [
        b"caf\xe9",  # a Latin-1 terminal
        b"\xff\xfe\x00\x01",
        b"\x1b]0;pwned\x07Rabat",
        b"A" * 10_000_000,  # a 10 MB line
        b"\xed\xa0\x80",  # an encoded surrogate
        b":undo\xff",
    ],
)
def test_terminal_bytes_at_the_answer_prompt(answer: bytes, typed: Path, tmp_path: Path) -> None:
    """Piped, in a real process: the answer is stored cleaned and bounded."""
    import subprocess

    loaded = typed
    env = {**os.environ, "QUIZMASTER_DB": str(loaded), "QUIZMASTER_NOW": NOW.isoformat()}
    proc = subprocess.run(
        [sys.executable, "-m", "quizmaster", "quiz", "--limit", "2"],
        input=answer + b"\nx\n",
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert b"Traceback" not in proc.stderr
    conn = sqlite3.connect(loaded)
    responses = [r for (r,) in conn.execute("SELECT response FROM reviews ORDER BY id")]
    conn.close()
    assert responses and all(len(r) <= 2000 for r in responses)
    assert all("\x1b" not in r and "\x07" not in r for r in responses)


@pytest.mark.slow
def test_latin1_byte_in_a_real_terminal(typed: Path) -> None:
    """A byte that is not UTF-8 typed at the prompt of the interactive quiz (a pty)."""
    pexpect = pytest.importorskip("pexpect")
    loaded = typed
    env = {**os.environ, "QUIZMASTER_DB": str(loaded), "QUIZMASTER_NOW": NOW.isoformat()}
    child = pexpect.spawn(
        sys.executable, ["-m", "quizmaster", "quiz", "--limit", "1"], env=env, timeout=60
    )
    try:
        child.expect(r"> ")
        child.send(b"caf\xe9 \xff\r")
        child.expect("Enter next")  # the feedback: the answer is stored
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    output = (child.before or b"").decode("utf-8", "replace")
    assert "Traceback" not in output and "UnicodeEncodeError" not in output
    conn = sqlite3.connect(loaded)
    responses = [r for (r,) in conn.execute("SELECT response FROM reviews")]
    conn.close()
    assert responses and responses[0].startswith("caf")


# --- pipes and process substitution: sizes that say nothing ---------------------------------


def _shell(script: str, db: Path, **env: str) -> tuple[int, str]:
    import subprocess

    proc = subprocess.run(
        ["bash", "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "QUIZMASTER_DB": str(db), "QUIZMASTER_NOW": NOW.isoformat(), **env},
        timeout=300,
        check=False,
    )
    return proc.returncode, proc.stderr


QM = f"{sys.executable} -m quizmaster"


@pytest.mark.skipif(sys.platform == "win32", reason="bash process substitution")
@pytest.mark.parametrize(
    ("script", "phrase"),
    [
        (f"{QM} ingest <(yes 'India signed a pact with Israel in Tel Aviv.') --yes", "too large"),
        (f"{QM} optimize --revlog <(yes a | tr -d '\\n')", "longer than"),
        (
            "mkfifo {tmp}/deck.yaml; (yes '# more' > {tmp}/deck.yaml &) ; "
            f"{QM} import {{tmp}}/deck.yaml",
            "too large",
        ),
        (
            "mkfifo {tmp}/deck.csv; (yes 'q,a' > {tmp}/deck.csv &) ; "
            f"{QM} import {{tmp}}/deck.csv",
            "too large",
        ),
        (f"mkfifo {{tmp}}/deck.apkg; {QM} import {{tmp}}/deck.apkg", "not a file"),
        (f"{QM} ingest - --yes < /dev/zero", "too large"),
        (f"{QM} import <(echo 'deck: D')", "unsupported file type"),
    ],
)
def test_pipes_and_process_substitution_stop_at_the_limit(
    script: str, phrase: str, loaded: Path, tmp_path: Path
) -> None:
    before = hashlib.sha256(loaded.read_bytes()).hexdigest()
    code, err = _shell(script.replace("{tmp}", str(tmp_path)), loaded)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert code == 2 and len(lines) == 1 and phrase in lines[0], err[-2000:]
    assert hashlib.sha256(loaded.read_bytes()).hexdigest() == before


# --- the last resort ------------------------------------------------------------------------


def test_an_unexpected_exception_is_one_line_and_a_logged_traceback(
    loaded: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The handler exists for bugs; the corpus and the property test assert nothing ever
    reaches it. Here a bug is planted to show what a user would get."""
    from quizmaster import store as store_module

    def planted(self: Store) -> list[object]:
        raise RuntimeError("planted bug")

    monkeypatch.setattr(store_module.Store, "decks", planted)
    code, out, err = run(runner, "decks", "--db", str(loaded))
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert code == 1 and out == "" and len(lines) == 1, err
    assert "unexpected error (RuntimeError: planted bug)" in lines[0]
    log = loaded.parent / "quizmaster-errors.log"
    assert str(log) in lines[0] and "Traceback" not in err
    assert "RuntimeError: planted bug" in log.read_text() and "Traceback" in log.read_text()


def test_a_read_only_database_file(loaded: Path, runner: CliRunner) -> None:
    """Reading works; a write says the file is read-only, in one line, and changes nothing."""
    import shutil
    import subprocess

    if os.geteuid() != 0:
        loaded.chmod(0o444)
        undo = ["chmod", "0644", str(loaded)]
    else:  # root ignores modes: the immutable attribute, where the file system has it
        chattr = shutil.which("chattr")
        if chattr is None or subprocess.run([chattr, "+i", str(loaded)], check=False).returncode:
            pytest.skip("running as root without chattr: cannot make a read-only file")
        undo = [chattr, "-i", str(loaded)]
    before = hashlib.sha256(loaded.read_bytes()).hexdigest()
    try:
        code, _, err = run(runner, "config", "set", "new_per_day", "5", "--db", str(loaded))
        lines = [ln for ln in err.splitlines() if ln.strip()]
        assert code == 2 and len(lines) == 1 and "read-only" in lines[0], err
        assert "Traceback" not in err
    finally:
        subprocess.run(undo, check=True)
    assert hashlib.sha256(loaded.read_bytes()).hexdigest() == before
