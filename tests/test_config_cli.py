"""``quizmaster config``: showing, changing and resetting settings from the command line, and
what each setting changes in the next dashboard and quiz (docs/scheduling.md)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizmaster.cli import app
from quizmaster.store import Store
from tests.helpers.pinned import NOW
from tests.helpers.quiz_deck import MCQ_ID, TF_ID, make_quiz_db

# The defaults docs/scheduling.md promises, in the order `config` lists them.
DEFAULTS: dict[str, object] = {"new_per_day": 20, "reviews_per_day": 200}
DEFAULTS |= {"desired_retention": 0.9, "exam_date": None, "new_order": "newest"}
DEFAULTS |= {"fsrs_parameters": None}


def without_the_builtin_deck(path: Path) -> Path:
    """A database that already had its built-in deck: loading that deck takes most of a
    second, and settings do not depend on it."""
    with Store.open(path, now=NOW) as store:
        store.set_setting(Store.BUILTIN_LOADED_KEY, True)
    return path


@pytest.fixture(autouse=True)
def _no_builtin_deck(db_path: Path) -> None:
    without_the_builtin_deck(db_path)


def invoke(runner: CliRunner, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def settings(runner: CliRunner, *db: str) -> dict[str, object]:
    code, out, err = invoke(runner, "config", "--json", *db)
    assert code == 0, err
    data: dict[str, object] = json.loads(out)
    return data


def set_(runner: CliRunner, key: str, value: str) -> str:
    code, out, err = invoke(runner, "config", "set", key, value)
    assert code == 0, err
    assert out == ""  # the confirmation is a message, on stderr: stdout stays for data
    return err.strip()


def table_row(table: str, key: str) -> list[str]:
    """The cells of one row of the settings table."""
    line = next(line for line in table.splitlines() if f" {key} " in line)
    return [cell.strip() for cell in line.split("│")[1:-1]]


def test_a_new_database_shows_every_setting_at_its_default(runner: CliRunner) -> None:
    assert settings(runner) == DEFAULTS
    code, table, _ = invoke(runner, "config")
    assert code == 0
    for key in DEFAULTS:
        assert table_row(table, key)[-1] == "default", key


def test_a_changed_setting_loses_its_default_mark_and_unset_restores_it(
    runner: CliRunner,
) -> None:
    assert set_(runner, "new_per_day", "7") == "new_per_day = 7"
    _, table, _ = invoke(runner, "config")
    assert table_row(table, "new_per_day") == ["new_per_day", "7", ""]
    assert table_row(table, "reviews_per_day")[-1] == "default"
    code, _, err = invoke(runner, "config", "unset", "new_per_day")
    assert code == 0 and err.strip() == "new_per_day: back to the default"
    assert settings(runner) == DEFAULTS


def test_unsetting_a_setting_at_its_default_says_so(runner: CliRunner) -> None:
    code, _, err = invoke(runner, "config", "unset", "exam_date")
    assert code == 0 and err.strip() == "exam_date was already the default"
    code, _, err = invoke(runner, "config", "unset", "fsrs_parameters")
    assert code == 0 and err.strip() == "fsrs_parameters was already the default"


def test_fitted_fsrs_parameters_are_shown_and_can_be_dropped(
    runner: CliRunner, db_path: Path
) -> None:
    import fsrs

    fitted = [round(w * 1.01, 4) for w in fsrs.scheduler.DEFAULT_PARAMETERS]
    with Store.open(db_path, now=NOW) as store:
        store.set_setting("fsrs_parameters", fitted)
    assert settings(runner)["fsrs_parameters"] == fitted
    _, table, _ = invoke(runner, "config")
    assert table_row(table, "fsrs_parameters")[-1] == ""  # not the default any more
    code, _, err = invoke(runner, "config", "unset", "fsrs_parameters")
    assert code == 0 and err.strip() == "fsrs_parameters: back to the default"
    assert settings(runner)["fsrs_parameters"] is None


def test_fsrs_parameters_cannot_be_typed_in_with_set(runner: CliRunner) -> None:
    code, _, err = invoke(runner, "config", "set", "fsrs_parameters", "[1, 2]")
    assert code == 2 and "unknown setting 'fsrs_parameters'" in err
    assert settings(runner)["fsrs_parameters"] is None


def test_none_clears_the_exam_date(runner: CliRunner) -> None:
    assert set_(runner, "exam_date", "2027-05-24") == "exam_date = 2027-05-24"
    assert settings(runner)["exam_date"] == "2027-05-24"
    assert set_(runner, "exam_date", "none") == "exam_date = none"
    assert settings(runner)["exam_date"] is None


@pytest.mark.parametrize(
    ("key", "value", "stored"),
    [
        ("new_per_day", " 7 ", 7),  # spaces around a pasted value
        ("new_per_day", "0", 0),
        ("new_per_day", "10000", 10000),
        ("reviews_per_day", "0", 0),
        ("desired_retention", "0.7", 0.7),  # both bounds are allowed
        ("desired_retention", "0.99", 0.99),
        ("new_order", "deck", "deck"),
        ("new_order", "mixed", "mixed"),
    ],
)
def test_values_at_the_edges_of_their_range_are_accepted(
    runner: CliRunner, key: str, value: str, stored: object
) -> None:
    set_(runner, key, value)
    assert settings(runner)[key] == stored


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("new_per_day", "10001", "new_per_day must be a whole number from 0 to 10000"),
        ("new_per_day", "2.5", "new_per_day must be a whole number from 0 to 10000"),
        ("reviews_per_day", "-1", "reviews_per_day must be a whole number"),
        ("desired_retention", "0.991", "desired_retention must be between 0.70 and 0.99"),
        ("desired_retention", "0.69", "desired_retention must be between 0.70 and 0.99"),
        ("desired_retention", "ninety", "desired_retention must be between 0.70 and 0.99"),
        ("exam_date", "2027-13-01", "exam_date must be a date like 2027-05-24"),
        ("exam_date", "tomorrow", "exam_date must be a date like 2027-05-24"),
        ("new_order", "random", "new_order must be one of newest, mixed, deck"),
        ("NEW_PER_DAY", "4", "unknown setting 'NEW_PER_DAY'"),
    ],
)
def test_a_bad_value_is_one_line_exit_2_and_changes_nothing(
    runner: CliRunner, key: str, value: str, message: str
) -> None:
    code, out, err = invoke(runner, "config", "set", key, value)
    assert code == 2
    assert out == "" and err.startswith(f"Error: {message}") and err.count("\n") == 1
    assert "Traceback" not in err
    assert settings(runner) == DEFAULTS


def test_db_given_before_the_command_is_the_database_changed(
    runner: CliRunner, tmp_path: Path
) -> None:
    other = without_the_builtin_deck(tmp_path / "other.db")
    code, _, err = invoke(runner, "--db", str(other), "config", "set", "new_per_day", "3")
    assert code == 0, err
    assert settings(runner, "--db", str(other))["new_per_day"] == 3
    assert settings(runner)["new_per_day"] == 20  # $QUIZMASTER_DB untouched
    code, _, err = invoke(runner, "--db", str(other), "config", "unset", "new_per_day")
    assert code == 0 and "back to the default" in err
    assert settings(runner, "--db", str(other))["new_per_day"] == 20


def test_db_given_to_the_config_group_is_the_database_changed(
    runner: CliRunner, tmp_path: Path
) -> None:
    other = without_the_builtin_deck(tmp_path / "other.db")
    code, _, err = invoke(runner, "config", "--db", str(other), "set", "new_per_day", "3")
    assert code == 0, err
    assert settings(runner)["new_per_day"] == 20  # $QUIZMASTER_DB untouched
    assert settings(runner, "--db", str(other))["new_per_day"] == 3


def test_new_per_day_caps_the_new_questions_of_the_dashboard_and_quiz(
    runner: CliRunner, db_path: Path
) -> None:
    make_quiz_db(db_path, NOW)
    set_(runner, "new_per_day", "2")
    _, out, _ = invoke(runner, "--json")
    assert json.loads(out)["new_today"] == 2
    code, out, _ = invoke(runner, "quiz", stdin="2\nf\nTel Aviv\n")
    assert code == 0
    assert "[1/2" in out and "[2/2" in out and "[3/" not in out
    _, out, _ = invoke(runner, "--json")
    summary = json.loads(out)
    assert summary["new_today"] == 0 and summary["next_command"] == "quizmaster quiz --practice"


def test_new_per_day_zero_leaves_nothing_to_quiz(runner: CliRunner, db_path: Path) -> None:
    make_quiz_db(db_path, NOW)
    set_(runner, "new_per_day", "0")
    code, out, _ = invoke(runner, "quiz", stdin="")
    assert code == 0 and "Nothing due now" in out


@pytest.mark.slow
def test_reviews_per_day_caps_the_due_reviews_asked(runner: CliRunner, db_path: Path) -> None:
    make_quiz_db(db_path, NOW)
    code, _, _ = invoke(runner, "quiz", stdin="2\nf\n")
    assert code == 0
    later = (NOW + dt.timedelta(days=10)).isoformat()
    set_(runner, "new_per_day", "0")
    set_(runner, "reviews_per_day", "1")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("QUIZMASTER_NOW", later)
        _, out, _ = invoke(runner, "--json")
        assert json.loads(out)["due_now"] == 2
        code, out, _ = invoke(runner, "quiz", stdin="2\nf\n")
        assert code == 0
        assert "[1/1" in out and "[2/" not in out
        set_(runner, "reviews_per_day", "0")
        code, out, _ = invoke(runner, "quiz", stdin="f\n")
        assert code == 0 and "Nothing due now" in out


def test_an_exam_date_keeps_every_interval_before_the_exam(
    runner: CliRunner, db_path: Path
) -> None:
    make_quiz_db(db_path, NOW)
    set_(runner, "exam_date", "2026-11-26")
    code, out, _ = invoke(runner, "quiz", stdin="2\nf\n")
    assert code == 0
    # Without an exam date, a right answer to a new question graduates in two days.
    assert out.count("Rated Good  ·  next tomorrow") == 2
    day_before_the_exam = dt.datetime(2026, 11, 25, 4, 0, tzinfo=dt.timezone.utc)
    with Store.open(db_path, now=NOW) as store:
        for qid in (MCQ_ID, TF_ID):
            due = store.card(qid).due
            assert due is not None and NOW < due <= day_before_the_exam, (qid, due)


def test_without_an_exam_date_the_same_answers_graduate_in_two_days(
    runner: CliRunner, db_path: Path
) -> None:
    """The other half of the test above: the cap, not the deck, makes it tomorrow."""
    make_quiz_db(db_path, NOW)
    code, out, _ = invoke(runner, "quiz", stdin="2\nf\n")
    assert code == 0 and out.count("Rated Good  ·  next in 2 days") == 2


@pytest.mark.parametrize(
    ("exam", "line"),
    [
        ("2026-11-24", "Exam 2026-11-24: today"),
        ("2026-11-25", "Exam 2026-11-25: in 1 day"),
        ("2027-05-24", "Exam 2027-05-24: in 181 days"),
    ],
)
def test_the_dashboard_counts_the_days_to_the_exam(runner: CliRunner, exam: str, line: str) -> None:
    set_(runner, "exam_date", exam)
    code, out, _ = invoke(runner)
    assert code == 0 and line in out


def test_an_exam_in_the_past_leaves_the_dashboard_line_out(runner: CliRunner) -> None:
    set_(runner, "exam_date", "2026-11-20")
    _, out, _ = invoke(runner, "--json")
    assert json.loads(out)["days_to_exam"] == -4
    _, out, _ = invoke(runner)
    assert "Exam" not in out
