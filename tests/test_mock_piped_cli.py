"""``quizmaster mock`` with answers piped in, line by line: input that ends before the paper
does, the same seed drawing the same paper, papers counted in ``history``, and a paper too
big for the selection. (Marking and the result sheet: ``test_mock``.)"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quizmaster.cli import app
from quizmaster.store import Store
from tests.helpers.capitals_deck import load_capitals
from tests.helpers.pinned import NOW

POOL = 7  # six mcq questions and one statements question in the capitals deck


@pytest.fixture
def capitals(db_path: Path) -> Path:
    with Store.open(db_path, now=NOW) as store:
        load_capitals(store, NOW)
    return db_path


def sit(runner: CliRunner, *args: str, lines: str = "") -> tuple[dict[str, Any], str]:
    """A paper sat with ``lines`` as the answers; its JSON result and what went to stderr."""
    result = runner.invoke(app, ["mock", "--json", *args], input=lines)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data, result.stderr


def history(runner: CliRunner) -> list[dict[str, Any]]:
    result = runner.invoke(app, ["history", "--json"])
    assert result.exit_code == 0, result.stderr
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


def test_input_that_ends_early_submits_the_paper_with_the_rest_unanswered(
    runner: CliRunner, capitals: Path
) -> None:
    data, err = sit(runner, "-n", "4", "--seed", "5", lines="a\n")
    assert "End of input: the paper is submitted." in err
    assert [item["result"] for item in data["items"]][1:] == ["unanswered"] * 3
    assert data["items"][0]["your_answer"] == 1
    assert data["questions"] == 4 and data["unanswered"] == 3
    assert data["timed_out"] is False


def test_no_input_at_all_is_a_paper_left_blank_and_still_stored(
    runner: CliRunner, capitals: Path
) -> None:
    data, _ = sit(runner, "-n", "2", "--seed", "5")
    assert (data["correct"], data["wrong"], data["unanswered"]) == (0, 0, 2)
    assert data["score"] == 0 and data["score_exact"] == "0"
    [row] = history(runner)
    assert (row["kind"], row["questions"], row["unanswered"], row["finished"]) == (
        "mock",
        2,
        2,
        True,
    )


def test_the_same_seed_draws_the_same_paper(runner: CliRunner, capitals: Path) -> None:
    first, _ = sit(runner, "-n", "5", "--seed", "11")
    second, _ = sit(runner, "-n", "5", "--seed", "11")
    assert [i["id"] for i in first["items"]] == [i["id"] for i in second["items"]]
    assert first["seed"] == second["seed"] == 11


def test_a_letter_and_its_number_are_the_same_answer(runner: CliRunner, capitals: Path) -> None:
    by_number, _ = sit(runner, "-n", "3", "--seed", "2", lines="1\n2\n3\n")
    by_letter, _ = sit(runner, "-n", "3", "--seed", "2", lines="a\nB\n c \n")
    assert [i["your_answer"] for i in by_letter["items"]] == [1, 2, 3]
    assert [i["result"] for i in by_letter["items"]] == [i["result"] for i in by_number["items"]]
    assert by_letter["score_exact"] == by_number["score_exact"]


def test_each_paper_gets_the_next_number_and_a_line_in_history(
    runner: CliRunner, capitals: Path
) -> None:
    numbers = [sit(runner, "-n", "1", "--seed", str(seed))[0]["mock_number"] for seed in (1, 2)]
    assert numbers == [1, 2]
    rows = history(runner)
    assert [r["kind"] for r in rows] == ["mock", "mock"] and len({r["id"] for r in rows}) == 2


def test_a_paper_bigger_than_the_selection_names_the_most_it_can_be(
    runner: CliRunner, capitals: Path
) -> None:
    result = runner.invoke(app, ["mock", "-n", "50"], input="")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"Error: only {POOL} mcq/statements questions in this selection, not enough for "
        f"--questions 50; use --questions {POOL} or choose another --deck/--tag\n"
    )
    # The number it suggests works.
    data, _ = sit(runner, "-n", str(POOL), "--seed", "3")
    assert data["questions"] == POOL
    assert history(runner)[0]["questions"] == POOL  # the refused paper stored nothing


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--deck", "Nope"), "Error: no deck named 'Nope'"),
        (("--tag", "nope"), "Error: no mcq or statements questions in this selection"),
    ],
)
def test_a_selection_with_no_paper_is_one_line_and_stores_nothing(
    runner: CliRunner, capitals: Path, args: tuple[str, ...], message: str
) -> None:
    result = runner.invoke(app, ["mock", *args], input="a\n")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert history(runner) == []


def test_an_answer_that_is_not_an_option_is_left_blank_and_the_paper_goes_on(
    runner: CliRunner, capitals: Path
) -> None:
    data, err = sit(runner, "-n", "3", "--seed", "4", lines="9\nmaybe\nb\n")
    assert "Q1: '9' is not an option; left unanswered" in err
    assert "Q2: 'maybe' is not an option; left unanswered" in err
    assert [i["your_answer"] for i in data["items"]] == [None, None, 2]
