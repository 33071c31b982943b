from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from quizmaster import importers
from quizmaster.cli import app
from quizmaster.errors import InputFileError
from quizmaster.exporters import ExportSet, collect, export, iter_delimited, write_apkg
from quizmaster.importers import import_facts_yaml, import_path, read_delimited
from quizmaster.models import ShortAnswerQuestion
from quizmaster.records import CardState, StoredQuestion
from quizmaster.store import Store
from tests.helpers.exchange_deck import DECK, FACTS, QUESTIONS
from tests.helpers.pinned import NOW


def snapshot(store: Store) -> dict[str, Any]:
    """Everything an export promises to carry: decks, facts, questions, schedule, reviews."""
    questions = store.questions(include_retired=True)
    history = store.history_for([q.question.id for q in questions])
    return {
        "decks": [
            (d.name, d.facts, d.questions, d.source_title, d.source_date) for d in store.decks()
        ],
        "facts": [f.to_json() for f in store.facts()],
        "questions": [(q.deck, q.question.model_dump()) for q in questions],
        "cards": history.cards,
        "reviews": history.reviews,
        "sessions": history.sessions,
    }


def review(store: Store, qid: str, at: dt.datetime, session: int | None) -> None:
    card = CardState(
        question_id=qid,
        state=2,
        stability=3.25,
        difficulty=5.5,
        due=at + dt.timedelta(days=3),
        last_review=at,
        reps=store.card(qid).reps + 1,
    )
    store.record_review(
        card,
        session_id=session,
        reviewed_at=at,
        rating=3,
        correct=True,
        response="Tel Aviv, of course",
        duration_ms=4200,
    )


@pytest.fixture
def full_store(store: Store, facts_yaml: Path) -> Store:
    """Two decks (a generated one and a hand-built one), reviews in and out of a session."""
    import_facts_yaml(store, facts_yaml, now=NOW)
    store.load_deck(DECK, FACTS, QUESTIONS, now=NOW)
    session = store.start_session("quiz", started_at=NOW, deck=DECK)
    review(store, QUESTIONS[0].id, NOW + dt.timedelta(minutes=1), session)
    review(store, QUESTIONS[2].id, NOW + dt.timedelta(minutes=2), session)
    store.end_session(session, ended_at=NOW + dt.timedelta(minutes=3), data={"score": 2})
    review(store, QUESTIONS[0].id, NOW + dt.timedelta(days=3), None)
    suspended = store.card(QUESTIONS[3].id)
    store.save_card(CardState(question_id=suspended.question_id, suspended=True))
    return store


def test_json_round_trip_same_deck_ids_schedule_and_reviews(
    full_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "all.json"
    export(full_store, "json", now=NOW, output=path, with_history=True)
    with Store.open(tmp_path / "copy.db", now=NOW) as copy:
        result = import_path(copy, path, now=NOW)
        assert result.history is not None
        assert result.history.reviews_added == 3 and result.history.sessions_added == 1
        assert snapshot(copy) == snapshot(full_store)
        # Importing again changes nothing at all.
        again = import_path(copy, path, now=NOW)
        assert all(not r.facts_added and not r.questions_updated for r in again.decks)
        assert again.history is not None
        assert again.history.reviews_unchanged == 3 and again.history.cards_updated == 0
        assert snapshot(copy) == snapshot(full_store)


def test_json_history_merge_keeps_a_newer_local_schedule(full_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "all.json"
    export(full_store, "json", now=NOW, output=path, with_history=True)
    qid = QUESTIONS[2].id
    review(full_store, qid, NOW + dt.timedelta(days=10), None)
    newer = full_store.card(qid)
    result = import_path(full_store, path, now=NOW)
    assert result.history is not None and result.history.cards_kept_newer == 1
    assert full_store.card(qid) == newer


def test_json_dry_run_writes_nothing(full_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "all.json"
    export(full_store, "json", now=NOW, output=path, with_history=True)
    with Store.open(tmp_path / "copy.db", now=NOW) as copy:
        result = import_path(copy, path, now=NOW, dry_run=True)
        assert sum(len(r.questions_added) for r in result.decks) == len(full_store.questions())
        assert result.history is not None and result.history.reviews_added == 3
        assert copy.totals() == {"decks": 0, "facts": 0, "questions": 0}
        assert copy.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0


def test_yaml_round_trip_same_facts_ids_and_history_kept(full_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "small.yaml"
    export(full_store, "yaml", now=NOW, output=path, deck="Small deck")
    before = snapshot(full_store)
    with Store.open(tmp_path / "copy.db", now=NOW) as copy:
        import_path(copy, path, now=NOW)
        assert [f.to_json() for f in copy.facts()] == [
            f.to_json() for f in full_store.facts("Small deck")
        ]
        assert [q.question for q in copy.questions()] == [
            q.question for q in full_store.questions("Small deck")
        ]
    # Back into the database it came from: nothing changes, the schedule and reviews stay.
    result = import_path(full_store, path, now=NOW)
    [report] = result.decks
    assert report.facts_added == report.facts_updated == report.facts_retired == []
    assert report.questions_added == report.questions_updated == []
    assert snapshot(full_store) == before


def test_cli_json_round_trip(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "deck.json"
    result = runner.invoke(app, ["export", "-f", "json", "--with-history", "-o", str(path)])
    assert result.exit_code == 0, result.stderr
    other = tmp_path / "other.db"
    result = runner.invoke(app, ["import", str(path), "--db", str(other), "--json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    listed = [
        json.loads(runner.invoke(app, ["questions", "list", "--json", *extra]).stdout)
        for extra in ([], ["--db", str(other)])
    ]
    assert listed[0] == listed[1]
    # The other database had loaded the same built-in deck, unreviewed: nothing to change.
    assert report["history"]["cards_unchanged"] == len(listed[0]) > 0


def test_import_is_all_or_nothing_across_decks(full_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "two.json"
    export(full_store, "json", now=NOW, output=path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    # The second deck claims a fact the database already keeps in another deck.
    doc["decks"][0]["name"] = "Brand new deck"
    doc["decks"][1]["facts"][0]["id"] = "mou-venue"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with Store.open(tmp_path / "copy.db", now=NOW) as copy:
        copy.load_deck(DECK, FACTS, QUESTIONS, now=NOW)
        before = snapshot(copy)
        with pytest.raises(InputFileError):
            import_path(copy, path, now=NOW)
        assert snapshot(copy) == before
        assert [d.name for d in copy.decks()] == [DECK]


def test_json_question_without_its_fact_is_refused(full_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    export(full_store, "json", now=NOW, output=path, deck=DECK)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["decks"][0]["facts"] = []
    path.write_text(json.dumps(doc), encoding="utf-8")
    with Store.open(tmp_path / "copy.db", now=NOW) as copy:
        with pytest.raises(InputFileError, match="refers to fact 'jwg-count'"):
            import_path(copy, path, now=NOW)
        assert copy.totals()["questions"] == 0


def test_json_validation_error_names_the_field(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "x.json"
    path.write_text(
        json.dumps({"format": "quizmaster", "version": 1, "decks": [{"name": "D", "facts": [{}]}]}),
        encoding="utf-8",
    )
    with pytest.raises(InputFileError, match=r"decks\[0\]\.facts\[0\]\.id: Field required"):
        import_path(store, path, now=NOW)


# --- CSV / TSV ----------------------------------------------------------------------------------


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path


def cards(store: Store) -> list[tuple[str, str, list[str]]]:
    return [(q.question.prompt, q.question.answer, q.question.tags) for q in store.questions()]


def test_csv_with_header_quotes_commas_newlines(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path / "polity.csv",
        'Front,Back,Tags\n"Capital, of India?","New Delhi",geo capitals\n'
        '"Two\nlines ""quoted""",\'=SUM(A1),\n',
    )
    result = import_path(store, path, now=NOW)
    assert result.decks[0].deck == "polity"
    assert cards(store) == [
        ("Capital, of India?", "New Delhi", ["geo", "capitals"]),
        ('Two\nlines "quoted"', "=SUM(A1)", []),
    ]


def test_quizlet_tsv_without_header(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "set.txt", "Tel Aviv\tCity of the MoU\n\nHaifa\tA port\n")
    import_path(store, path, now=NOW, deck="Quizlet set")
    assert cards(store) == [("Tel Aviv", "City of the MoU", []), ("Haifa", "A port", [])]
    assert [d.name for d in store.decks()] == ["Quizlet set"]


def test_anki_plain_text_notes_export(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path / "notes.txt",
        "#separator:tab\n#html:true\n#tags column:3\n"
        "Who signed<br>for India?\tRajesh Kumar Singh &amp; team\tmou defence\n",
    )
    import_path(store, path, now=NOW)
    assert cards(store) == [
        ("Who signed\nfor India?", "Rajesh Kumar Singh & team", ["mou", "defence"])
    ]


def test_csv_reimport_updates_in_place_and_skips_exact_duplicates(
    store: Store, tmp_path: Path
) -> None:
    path = write(tmp_path / "d.csv", "Q1,A1\nQ2,A2\nQ1,A1\nQ1,Another\n")
    first = import_path(store, path, now=NOW)
    assert len(first.decks[0].questions_added) == 3
    assert first.skipped == ["line 3: same card as line 1"]
    write(path, "Q1,A1 edited\nQ2,A2\n")
    second = import_path(store, path, now=NOW)
    assert len(second.decks[0].questions_updated) == 1
    assert len(second.decks[0].questions_unchanged) == 1
    assert second.decks[0].questions_added == []


def test_our_csv_export_imports_back(full_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "ex.tsv"
    export(full_store, "tsv", now=NOW, output=path, deck=DECK)
    with Store.open(tmp_path / "copy.db", now=NOW) as copy:
        import_path(copy, path, now=NOW)
        imported = cards(copy)
    assert len(imported) == len(QUESTIONS)
    assert imported[0] == (
        'In which city was the "defence" MoU signed?',
        "Tel Aviv",
        ["mou", "venue"],
    )
    # Options come back: multiple choice and true/false keep their kind, options and answer.
    with Store.open(tmp_path / "copy.db", now=NOW) as copy:
        back = [q.question for q in copy.questions()]
    originals = [q.question for q in full_store.questions(DECK)]
    for old, new in zip(originals, back, strict=True):
        kind = "mcq" if old.kind in ("statements", "match") else old.kind
        if old.options is not None:
            assert (new.kind, new.options, new.answer) == (kind, old.options, old.answer)
    assert imported[2][1] == "Tel Aviv" and back[2].kind == "mcq"


# --- bad input: one line, exit 2, nothing imported -------------------------------------------


def question_count(runner: CliRunner) -> int:
    result = runner.invoke(app, ["questions", "list", "--json"])
    return len(json.loads(result.stdout))


def assert_refused(runner: CliRunner, path: Path, message: str) -> str:
    before = question_count(runner)
    result = runner.invoke(app, ["import", str(path)])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"Error: {path}")
    assert message in result.stderr, result.stderr
    assert question_count(runner) == before
    return result.stderr


def test_malformed_csv_row_names_its_line(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path / "bad.csv", 'Front,Back\nok,fine\n"never closed,x\nmore\n')
    assert_refused(runner, path, "bad.csv:3: malformed row")
    path = write(tmp_path / "short.csv", "a,b\nc,d\nlonely\n")
    assert_refused(runner, path, "short.csv:3: expected 2 columns (front, back)")
    path = write(tmp_path / "quote.csv", 'a,b\n"x"y,z\n')
    assert_refused(runner, path, "quote.csv:2: malformed row")
    path = write(tmp_path / "empty.csv", "a,b\n  ,b\n")
    assert_refused(runner, path, "empty.csv:2: the front is empty")


@pytest.mark.slow
def test_file_that_is_not_what_its_extension_says(runner: CliRunner, tmp_path: Path) -> None:
    text = write(tmp_path / "deck.apkg", "front,back\n")
    assert_refused(runner, text, "not an Anki package (not a zip archive)")
    yaml_as_json = write(tmp_path / "deck.json", "deck: D\nfacts: []\n")
    assert_refused(runner, yaml_as_json, "not a quizmaster JSON export")
    other_json = write(tmp_path / "package.json", '{"name": "left-pad", "version": "1.0"}')
    assert_refused(runner, other_json, "not a quizmaster JSON export")
    broken_json = write(tmp_path / "broken.json", '{"format": "quizmaster",\n "decks": [\n')
    assert_refused(runner, broken_json, "not valid JSON")
    png = tmp_path / "cards.csv"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    assert_refused(runner, png, "looks like a binary file")
    no_collection = tmp_path / "empty.apkg"
    with zipfile.ZipFile(no_collection, "w") as archive:
        archive.writestr("media", "{}")
    assert_refused(runner, no_collection, "no collection inside")
    not_sqlite = tmp_path / "junk.apkg"
    with zipfile.ZipFile(not_sqlite, "w") as archive:
        archive.writestr("collection.anki2", "this is not a database " * 100)
    assert_refused(runner, not_sqlite, "not a readable Anki database")
    newer = tmp_path / "newer.apkg"
    with zipfile.ZipFile(newer, "w") as archive:
        archive.writestr("collection.anki21b", b"\x28\xb5\x2f\xfd" + bytes(64))
    assert_refused(runner, newer, "not an Anki package")


@pytest.mark.slow
def test_zip_slip_is_refused(runner: CliRunner, tmp_path: Path, store: Store) -> None:
    store.load_deck(DECK, FACTS, QUESTIONS, now=NOW)
    good = tmp_path / "good.apkg"
    write_apkg(collect(store), good, now=NOW)
    for evil in ("../../escaped.txt", "/etc/cron.d/evil", "media/../../x", "C:/evil", "..\\x"):
        path = tmp_path / "slip.apkg"
        with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
            for info in src.infolist():
                dst.writestr(info, src.read(info))
            dst.writestr(evil, "owned")
        assert_refused(runner, path, "escapes the target folder")
    assert not (tmp_path.parent / "escaped.txt").exists()


def test_zip_bomb_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bomb.apkg"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("collection.anki2", bytes(20 * 1024 * 1024))
    assert_refused(runner, path, "refusing a likely zip bomb")


@pytest.mark.slow
def test_oversized_package_is_refused(
    runner: CliRunner, tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.load_deck(DECK, FACTS, QUESTIONS, now=NOW)
    path = tmp_path / "big.apkg"
    write_apkg(collect(store), path, now=NOW)
    monkeypatch.setattr(importers, "MAX_PACKAGE_BYTES", 1000)
    assert_refused(runner, path, "package is too large")
    monkeypatch.setattr(importers, "MAX_PACKAGE_BYTES", 10**9)
    monkeypatch.setattr(importers, "MAX_UNPACKED_BYTES", 1000)
    assert_refused(runner, path, "package too large when unpacked")
    monkeypatch.setattr(importers, "MAX_UNPACKED_BYTES", 10**9)
    # The size a zip header declares can lie: the bytes really unpacked are counted too.
    monkeypatch.setattr(importers, "MAX_COLLECTION_BYTES", 4096)
    assert_refused(runner, path, "is larger than 4,096 bytes when unpacked")


def test_unsupported_extension(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path / "deck.docx", "x")
    assert_refused(runner, path, "unsupported file type '.docx'")


def test_dry_run_lists_what_would_change(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path / "new.csv", "Q1,A1\nQ2,A2\n")
    result = runner.invoke(app, ["import", str(path), "--dry-run"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Would import deck new: facts 2 added")
    assert sum(line.startswith("  + add") for line in lines) == 4
    assert lines[-1] == "  = 0 left alone"
    assert "new" not in [
        d["name"] for d in json.loads(runner.invoke(app, ["decks", "--json"]).stdout)
    ]


# Control characters are stripped on the way in (a deck must not drive the terminal).
CARD_TEXT = st.text(st.characters(exclude_categories=["Cs", "Cc"]), max_size=80).map(str.strip)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    front=CARD_TEXT,
    back=CARD_TEXT,
    delimiter=st.sampled_from([",", "\t"]),
)
def test_any_card_text_survives_a_csv_round_trip(
    tmp_path: Path, front: str, back: str, delimiter: str
) -> None:
    assume(front and back and front.lower() not in importers._FRONT_NAMES)
    assume(not front.startswith("#"))
    question = ShortAnswerQuestion(
        id="f:short_answer:x", fact_id="f", variant="x", prompt=front, answer=back
    )
    data = ExportSet(facts=[], questions=[StoredQuestion(question=question, deck="D")])
    path = tmp_path / ("round.csv" if delimiter == "," else "round.tsv")
    path.write_text(
        "".join(iter_delimited(data, delimiter=delimiter)), encoding="utf-8", newline=""
    )
    [(_, _, [imported])] = read_delimited(path, deck="D").decks
    assert (imported.prompt, imported.answer) == (front, back)


def test_encrypted_or_unknown_compression_member_is_refused(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "locked.apkg"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("collection.anki2", b"x" * 100)
    raw = bytearray(path.read_bytes())
    # Set the "encrypted" flag bit in the local header and the central directory entry.
    raw[6] |= 1
    central = raw.rfind(b"PK\x01\x02")
    raw[central + 8] |= 1
    path.write_bytes(bytes(raw))
    assert_refused(runner, path, "cannot unpack the package")


def test_question_id_used_by_another_deck_is_a_clean_error(
    full_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "x.json"
    export(full_store, "json", now=NOW, output=path, deck=DECK)
    doc = json.loads(path.read_text(encoding="utf-8"))
    # Same question ids, but their facts renamed: the questions would move between decks.
    doc["decks"][0]["name"] = "Elsewhere"
    for fact in doc["decks"][0]["facts"]:
        fact["id"] = "moved-" + fact["id"]
    for question in doc["decks"][0]["questions"]:
        question["fact_id"] = "moved-" + question["fact_id"]
    path.write_text(json.dumps(doc), encoding="utf-8")
    before = snapshot(full_store)
    with pytest.raises(InputFileError, match="conflicts with stored data"):
        import_path(full_store, path, now=NOW)
    assert snapshot(full_store) == before


def test_anki_notes_export_with_guid_deck_notetype_columns_and_cloze(
    store: Store, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "notes.txt",
        "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n"
        "#tags column:6\n"
        "abc123\tBasic\tPolity::Union\tWho heads the Union?\tThe <b>President</b>\tpolity\n"
        "def456\tCloze\tPolity::Union\t{{c1::Article 52}} creates the office.\t\tpolity art\n",
    )
    result = import_path(store, path, now=NOW)
    assert [r.deck for r in result.decks] == ["Polity::Union"]
    got = [
        (q.question.fact_id, q.question.kind, q.question.prompt, q.question.answer, q.question.tags)
        for q in store.questions()
    ]
    assert got == [
        (
            importers.fact_id_for("anki", "abc123"),
            "short_answer",
            "Who heads the Union?",
            "The President",
            ["polity"],
        ),
        (
            importers.fact_id_for("anki", "def456"),
            "cloze",
            "_____ creates the office.",
            "Article 52",
            ["polity", "art"],
        ),
    ]


def test_plain_csv_cloze_rows_become_cloze_questions(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "c.csv", "{{c1::Paris}} is the capital of {{c2::France}} & more,\n")
    import_path(store, path, now=NOW, deck="Geo")
    got = [(q.question.prompt, q.question.answer) for q in store.questions()]
    assert got == [
        ("_____ is the capital of France & more", "Paris"),
        ("Paris is the capital of _____ & more", "France"),
    ]


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        ("card", "history has a card for 'nope:cloze:x', not in the file"),
        ("review", "review of unknown question 'nope:cloze:x'"),
        ("session", "names a session that is not in the file"),
    ],
)
def test_inconsistent_history_imports_nothing(
    full_store: Store, tmp_path: Path, breakage: str, message: str
) -> None:
    path = tmp_path / "h.json"
    export(full_store, "json", now=NOW, output=path, with_history=True)
    doc = json.loads(path.read_text(encoding="utf-8"))
    history = doc["history"]
    if breakage == "card":
        history["cards"][0]["question_id"] = "nope:cloze:x"
    elif breakage == "review":
        history["reviews"][-1]["question_id"] = "nope:cloze:x"
    else:
        history["sessions"] = []
    path.write_text(json.dumps(doc), encoding="utf-8")
    with Store.open(tmp_path / "copy.db", now=NOW) as copy:
        with pytest.raises(InputFileError, match=message):
            import_path(copy, path, now=NOW)
        assert copy.totals()["questions"] == 0
        assert copy.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
