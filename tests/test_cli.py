from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from quizmaster.cli import app


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def all_commands() -> list[tuple[str, ...]]:
    root = get_command(app)
    found: list[tuple[str, ...]] = []

    def walk(command: object, path: tuple[str, ...]) -> None:
        subs = getattr(command, "commands", None)
        if subs:
            for name, sub in subs.items():
                walk(sub, (*path, name))
        else:
            found.append(path)

    walk(root, ())
    return found


def test_every_command_has_help_and_an_example(runner: CliRunner) -> None:
    commands = all_commands()
    assert ("questions", "list") in commands
    for path in commands:
        code, out, _ = run(runner, *path, "--help")
        assert code == 0, path
        assert "Example: quizmaster" in out, path
        assert "--db" in out, path


def test_questions_list_json_contract(runner: CliRunner) -> None:
    code, out, err = run(runner, "questions", "list", "--json")
    assert code == 0, err
    items = json.loads(out)
    assert isinstance(items, list) and items
    # One question per fact at most; a statements or match question stands for several.
    single = [item["fact_id"] for item in items if item["kind"] not in ("statements", "match")]
    assert len(single) == len(set(single))
    _, facts_out, _ = run(runner, "facts", "list", "--json")
    assert set(single) <= {fact["id"] for fact in json.loads(facts_out)}
    required = {
        "id",
        "fact_id",
        "deck",
        "kind",
        "prompt",
        "options",
        "answer",
        "explanation",
        "tags",
    }
    for item in items:
        assert required <= item.keys()
        assert item["options"] is None or isinstance(item["options"], list)
        assert isinstance(item["tags"], list)


def test_facts_list_json_contract(runner: CliRunner) -> None:
    code, out, _ = run(runner, "facts", "list", "--json")
    assert code == 0
    items = json.loads(out)
    assert len(items) >= 8  # the built-in deck: eight facts that leak no key
    for item in items:
        assert {"id", "statement", "deck", "tags"} <= item.keys()


def test_import_then_reimport_is_idempotent(runner: CliRunner, facts_yaml: Path) -> None:
    code, out, _ = run(runner, "import", str(facts_yaml))
    assert code == 0
    assert "Imported deck Small deck: facts 2 added" in out
    code, out, _ = run(runner, "import", str(facts_yaml))
    assert "facts 0 added, 0 updated, 2 unchanged" in out
    code, out, _ = run(runner, "decks", "--json")
    names = [d["name"] for d in json.loads(out)]
    assert names == ["Small deck"]  # a database started by an import has no demo deck


def test_import_dry_run(runner: CliRunner, facts_yaml: Path) -> None:
    code, out, _ = run(runner, "import", str(facts_yaml), "--dry-run")
    assert code == 0 and out.startswith("Would import deck Small deck")
    _, out, _ = run(runner, "decks", "--json")
    assert [d["name"] for d in json.loads(out)] == ["India–Israel Defence MoU 2025"]


def test_bad_file_exits_2_with_one_line(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("deck: D\nfacts:\n  - id: x\n    statement: S\n", encoding="utf-8")
    code, out, err = run(runner, "import", str(bad))
    assert code == 2
    assert out == ""
    assert err.strip() == f"Error: {bad}:3: facts[0]: field 'spans' is required"


def test_unknown_deck_and_kind(runner: CliRunner) -> None:
    code, _, err = run(runner, "facts", "list", "--deck", "Nope")
    assert code == 2 and "no deck named 'Nope'" in err
    code, _, err = run(runner, "questions", "list", "--kind", "essay")
    assert code == 2 and "Invalid value for '--kind' / '-k': 'essay' is not one of" in err


def test_db_option_overrides_env(runner: CliRunner, tmp_path: Path, db_path: Path) -> None:
    other = tmp_path / "other" / "x.db"
    other.parent.mkdir()  # a --db folder that does not exist is an error (a typo)
    code, _, _ = run(runner, "decks", "--db", str(other))
    assert code == 0 and other.exists()
    assert not db_path.exists()
    code, _, _ = run(runner, "--db", str(other), "decks")
    assert code == 0


def test_not_a_database_is_a_clean_error(runner: CliRunner, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"garbage" * 1000)
    code, _, err = run(runner, "decks", "--db", str(bogus))
    assert code == 2
    assert "not a quizmaster database" in err
    assert "Traceback" not in err


def test_questions_show(runner: CliRunner) -> None:
    _, listed, _ = run(runner, "questions", "list", "--json")
    question = json.loads(listed)[0]
    code, out, _ = run(runner, "questions", "show", question["id"])
    assert code == 0
    assert question["prompt"].split()[0] in out and f"Answer: {question['answer']}" in out
    code, _, err = run(runner, "questions", "show", "nope")
    assert code == 2 and "no question with id 'nope'" in err


def test_dashboard_json(runner: CliRunner) -> None:
    code, out, _ = run(runner, "--json")
    data = json.loads(out)
    assert data["new_available"] > 0 and data["due_now"] == 0
    assert data["next_command"] == "quizmaster quiz"


@pytest.mark.slow
@pytest.mark.parametrize("entry", [["-m", "quizmaster"]])
def test_python_dash_m(entry: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, *entry, "facts", "list", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) >= 8


def test_every_command_has_a_help_panel() -> None:
    from quizmaster.cli import HELP_PANELS

    top_level = {path[0] for path in all_commands()}
    assert top_level == {name for names in HELP_PANELS.values() for name in names}


def listed_at(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, columns: str, *command: str
) -> tuple[list[str], list[dict[str, Any]]]:
    """The lines a listing command draws at ``columns`` (each within that width), and the
    items its ``--json`` lists."""
    from quizmaster.render import consoles

    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setattr(consoles, "_out", None)  # a console of this width
    code, out, _ = run(runner, *command)
    assert code == 0
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= int(columns)
    _, listed, _ = run(runner, *command, "--json")
    return lines, json.loads(listed)


@pytest.mark.parametrize("columns", ["80", "120"])
def test_facts_list_keeps_ids_whole_and_statements_readable(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    lines, facts = listed_at(runner, monkeypatch, columns, "facts", "list")  # the built-in deck
    for fact in facts:
        # Each id on a line of its own start, not broken mid-word; its topic on the next.
        row = next(n for n, line in enumerate(lines) if line.split()[:1] == [fact["id"]])
        assert fact["topic"] in lines[row + 1]


@pytest.mark.parametrize("columns", ["80", "120"])
def test_questions_list_keeps_ids_whole(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    lines, questions = listed_at(runner, monkeypatch, columns, "questions", "list")
    for question in questions:
        # Each id whole at the start of a line, ready to copy into `questions show`.
        assert any(line.split()[:1] == [question["id"]] for line in lines), question["id"]
