"""``quizmaster export`` as a user runs it: where the data goes (stdout or the file, never
mixed with messages), what a failed export leaves behind (nothing, and an older file intact),
and exports imported back into another database with ``import --db``."""

from __future__ import annotations

import csv
import io
import json
import stat
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from quizmaster.cli import app
from quizmaster.files import TEMP_MARK
from tests.helpers.pinned import NOW
from tests.helpers.quiz_deck import DECK, make_quiz_db

CSV_NOTE = "Note: CSV keeps each question's text, lettered options, answer and tags"


@pytest.fixture
def quiz_db(db_path: Path) -> Path:
    return make_quiz_db(db_path, NOW)


def invoke(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def export(runner: CliRunner, *args: str) -> str:
    code, out, err = invoke(runner, "export", *args)
    assert code == 0, err
    return out


def leftovers(folder: Path) -> list[str]:
    """Temporary files of an export in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if TEMP_MARK in p.name)


def export_then_import(
    runner: CliRunner, tmp_path: Path, name: str, *args: str, deck: str | None = None
) -> tuple[Path, str]:
    """Export with ``args`` to the file ``name``, import that file into a new database;
    the new database and what the import printed."""
    target = tmp_path / name
    export(runner, *args, "-o", str(target))
    other = tmp_path / "other.db"
    code, out, err = invoke(
        runner, "import", str(target), "--db", str(other), *(["--deck", deck] if deck else [])
    )
    assert code == 0, err
    return other, out


def facts_of(runner: CliRunner, db: Path) -> list[dict[str, object]]:
    code, out, err = invoke(runner, "facts", "list", "--json", "--db", str(db))
    assert code == 0, err
    rows: list[dict[str, object]] = json.loads(out)
    return sorted(rows, key=lambda row: str(row["id"]))


def question_kinds(runner: CliRunner, db: Path) -> list[str]:
    code, out, err = invoke(runner, "questions", "list", "--json", "--db", str(db))
    assert code == 0, err
    return sorted(str(row["kind"]) for row in json.loads(out))


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_delimited_export_on_stdout_is_pure_data_and_the_note_goes_to_stderr(
    runner: CliRunner, quiz_db: Path, fmt: str
) -> None:
    code, out, err = invoke(runner, "export", "-f", fmt, "--tag", "summits")
    assert code == 0
    assert err.startswith(CSV_NOTE) and CSV_NOTE not in out
    rows = list(csv.reader(io.StringIO(out), delimiter="," if fmt == "csv" else "\t"))
    assert len(rows) == 4 and all(len(row) == 3 for row in rows)
    assert {row[2] for row in rows} == {"summits"}
    assert ["In which city was the MoU signed?", "Tel Aviv", "summits"] in rows


@pytest.mark.parametrize("fmt", ["json", "yaml", "md", "html"])
def test_no_note_for_formats_that_keep_everything(
    runner: CliRunner, quiz_db: Path, fmt: str
) -> None:
    code, out, err = invoke(runner, "export", "-f", fmt)
    assert code == 0 and out and err == ""


def test_export_to_a_file_writes_nothing_on_stdout_and_says_what_it_wrote(
    runner: CliRunner, quiz_db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "deck.json"
    code, out, err = invoke(runner, "export", "-f", "json", "-o", str(target))
    assert code == 0 and out == ""
    assert err.strip() == f"Exported 7 questions and 4 facts to {target}"
    assert json.loads(target.read_text(encoding="utf-8"))["decks"][0]["name"] == DECK
    # An ordinary file anyone may read, like one written by any other program.
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert leftovers(tmp_path) == []


def test_the_file_holds_exactly_what_stdout_would_have(
    runner: CliRunner, quiz_db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "sheet.md"
    export(runner, "-f", "md", "--deck", DECK, "-o", str(target))
    assert target.read_text(encoding="utf-8") == export(runner, "-f", "md", "--deck", DECK)


def test_an_export_replaces_an_older_file_whole(
    runner: CliRunner, quiz_db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "deck.yaml"
    target.write_text("x" * 100_000, encoding="utf-8")  # longer than the export
    export(runner, "-f", "yaml", "-o", str(target))
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["deck"] == DECK and len(data["facts"]) == 4
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--tag", "nope"), "Error: nothing to export: no questions match the options"),
        (("--kind", "match"), "Error: nothing to export: no questions match the options"),
        (("--deck", "Nope"), "Error: no deck named 'Nope'"),
        (("--kind", "essay"), "Error: Invalid value for '--kind' / '-k': 'essay' is not one of"),
    ],
)
def test_a_failed_export_leaves_the_older_file_as_it_was(
    runner: CliRunner, quiz_db: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    target = tmp_path / "deck.csv"
    target.write_text("my own notes\n", encoding="utf-8")
    code, out, err = invoke(runner, "export", "-f", "csv", "-o", str(target), *args)
    assert code == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1
    assert target.read_text(encoding="utf-8") == "my own notes\n"
    assert leftovers(tmp_path) == []


def test_a_failed_export_creates_no_file(runner: CliRunner, quiz_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "new.json"
    code, _, _ = invoke(runner, "export", "-f", "json", "--tag", "nope", "-o", str(target))
    assert code == 2
    assert not target.exists() and leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-f", "apkg"), "Error: an Anki package is a binary file: give one with -o FILE.apkg"),
        (("-f", "xml"), "Error: Invalid value for '--format' / '-f': 'xml' is not one of"),
        (("-f", "csv", "-o", "{tmp}"), "Error: Invalid value for '--output' / '-o'"),
        (("-f", "csv", "-o", "{tmp}/no/such/dir/x.csv"), "Error: {tmp}/no/such/dir/x.csv: cannot"),
        (("--deck", DECK), "Error: Missing option '--format' / '-f'"),
    ],
)
def test_export_mistakes_are_one_line_and_exit_2(
    runner: CliRunner, quiz_db: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    args = tuple(a.replace("{tmp}", str(tmp_path)) for a in args)
    code, out, err = invoke(runner, "export", *args)
    assert code == 2 and out == ""
    assert err.startswith(message.replace("{tmp}", str(tmp_path))), err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_kind_selects_the_questions_of_a_json_export(runner: CliRunner, quiz_db: Path) -> None:
    data = json.loads(export(runner, "-f", "json", "--kind", "true_false"))
    questions = data["decks"][0]["questions"]
    assert [q["kind"] for q in questions] == ["true_false"]
    # Only the facts those questions need travel with them.
    assert [f["id"] for f in data["decks"][0]["facts"]] == [questions[0]["fact_id"]]
    assert data["history"] is None


@pytest.mark.slow
def test_a_yaml_export_imports_into_another_database_with_the_same_facts(
    runner: CliRunner, quiz_db: Path, tmp_path: Path
) -> None:
    other, out = export_then_import(runner, tmp_path, "deck.yaml", "-f", "yaml")
    assert "Imported deck Quiz deck: facts 4 added" in out
    mine, theirs = facts_of(runner, quiz_db), facts_of(runner, other)
    assert [f["id"] for f in theirs] == [f["id"] for f in mine]
    assert [f["statement"] for f in theirs] == [f["statement"] for f in mine]
    # The other database holds just the imported deck, not the built-in one.
    code, out, _ = invoke(runner, "decks", "--json", "--db", str(other))
    assert [d["name"] for d in json.loads(out)] == [DECK]


@pytest.mark.slow
def test_a_json_export_imports_back_with_every_question_kind(
    runner: CliRunner, quiz_db: Path, tmp_path: Path
) -> None:
    other, _ = export_then_import(runner, tmp_path, "deck.json", "-f", "json")
    assert question_kinds(runner, other) == question_kinds(runner, quiz_db)
    # Importing the same file again changes nothing.
    code, out, _ = invoke(runner, "import", str(tmp_path / "deck.json"), "--db", str(other))
    assert code == 0 and "0 added, 0 updated, 4 unchanged" in out


@pytest.mark.slow
def test_a_tsv_export_imports_back_as_one_fact_a_row(
    runner: CliRunner, quiz_db: Path, tmp_path: Path
) -> None:
    other, _ = export_then_import(
        runner, tmp_path, "summits.tsv", "-f", "tsv", "--tag", "summits", deck="Summits"
    )
    code, out, _ = invoke(runner, "decks", "--json", "--db", str(other))
    assert [(d["name"], d["facts"], d["questions"]) for d in json.loads(out)] == [("Summits", 4, 4)]
    assert question_kinds(runner, other) == ["mcq", "mcq", "short_answer", "true_false"]


@pytest.mark.slow
def test_a_deck_name_with_an_en_dash_survives_a_round_trip(
    runner: CliRunner, quiz_db: Path, tmp_path: Path
) -> None:
    name = "India–Japan Roadmap 2025 · «fase 2»"
    assert invoke(runner, "decks", "rename", DECK, name, "--yes")[0] == 0
    typed = "india-japan roadmap 2025 · «fase 2»"  # as typed: a hyphen, lower case
    other, _ = export_then_import(runner, tmp_path, "deck.json", "-f", "json", "--deck", typed)
    code, out, _ = invoke(runner, "decks", "--json", "--db", str(other))
    assert [d["name"] for d in json.loads(out)] == [name]
