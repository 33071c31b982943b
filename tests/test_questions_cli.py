"""``questions`` and ``facts`` from the command line: showing one question, the suspended
list and its filters, bringing questions back (all or nothing), and the facts of a deck."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quizmaster.cli import app
from quizmaster.store import Store
from tests.helpers.pinned import NOW
from tests.helpers.quiz_deck import DECK, MCQ_ID, MOU_ID, TF_ID, make_quiz_db


@pytest.fixture
def quiz_db(db_path: Path) -> Path:
    return make_quiz_db(db_path, NOW)


def suspend(db: Path, *ids: str, leech: bool = False) -> None:
    with Store.open(db, now=NOW) as store:
        for qid in ids:
            card = store.card(qid)
            store.save_card(replace(card, suspended=True, leech=leech, lapses=8 if leech else 0))


def invoke(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def listed(runner: CliRunner, *args: str) -> list[dict[str, Any]]:
    code, out, err = invoke(runner, "questions", "list", "--json", *args)
    assert code == 0, err
    rows: list[dict[str, Any]] = json.loads(out)
    return rows


def suspended_ids(runner: CliRunner, *args: str) -> list[str]:
    return sorted(row["id"] for row in listed(runner, "--suspended", *args))


def test_show_draws_a_true_false_question_with_its_answer_and_why(
    runner: CliRunner, quiz_db: Path
) -> None:
    code, out, _ = invoke(runner, "questions", "show", TF_ID)
    assert code == 0
    lines = [line.strip("│ ") for line in out.splitlines()]
    assert "True or false: the summit in Rabat was the 16th." in lines
    assert "t) True    f) False" in lines
    assert out.endswith("Answer: False\nWhy: It was the 17th.\n")
    bottom = next(line for line in out.splitlines() if line.startswith("╰"))
    assert bottom.endswith(f" {TF_ID} ─╯")  # the id, to copy, on the frame's bottom edge


def test_show_json_is_the_listing_s_row_for_that_question(runner: CliRunner, quiz_db: Path) -> None:
    code, out, _ = invoke(runner, "questions", "show", MCQ_ID, "--json")
    assert code == 0
    row = next(r for r in listed(runner) if r["id"] == MCQ_ID)
    assert json.loads(out) == row
    assert row["options"] == ["Lyon", "Paris", "Marseille", "Nice"] and row["answer"] == "Paris"


def test_a_suspended_question_can_still_be_shown(runner: CliRunner, quiz_db: Path) -> None:
    suspend(quiz_db, MCQ_ID)
    code, out, _ = invoke(runner, "questions", "show", MCQ_ID)
    assert code == 0 and "Which city is the capital of France?" in out


def test_the_suspended_list_is_filtered_by_kind(runner: CliRunner, quiz_db: Path) -> None:
    suspend(quiz_db, MCQ_ID, TF_ID, MOU_ID)
    assert suspended_ids(runner) == sorted([MCQ_ID, TF_ID, MOU_ID])
    assert suspended_ids(runner, "--kind", "true_false") == [TF_ID]
    assert suspended_ids(runner, "--kind", "short_answer") == [MOU_ID]
    assert suspended_ids(runner, "--deck", DECK, "--kind", "mcq") == [MCQ_ID]


def test_the_suspended_list_of_an_unknown_deck_is_an_error(
    runner: CliRunner, quiz_db: Path
) -> None:
    code, out, err = invoke(runner, "questions", "list", "--suspended", "--deck", "Nope")
    assert code == 2 and out == ""
    assert err.strip() == "Error: no deck named 'Nope' (decks: 'Quiz deck')"


def test_the_suspended_list_marks_leeches_with_their_lapses(
    runner: CliRunner, quiz_db: Path
) -> None:
    suspend(quiz_db, MCQ_ID, leech=True)
    suspend(quiz_db, TF_ID)
    rows = {row["id"]: row for row in listed(runner, "--suspended")}
    assert (rows[MCQ_ID]["leech"], rows[MCQ_ID]["lapses"]) == (True, 8)
    assert (rows[TF_ID]["leech"], rows[TF_ID]["lapses"]) == (False, 0)


def test_the_suspended_list_takes_the_deck_name_as_typed(runner: CliRunner, quiz_db: Path) -> None:
    suspend(quiz_db, MCQ_ID)
    assert [r["id"] for r in listed(runner, "--deck", "quiz deck")]  # found as typed
    assert suspended_ids(runner, "--deck", "quiz deck") == [MCQ_ID]


def test_unsuspending_several_ids_says_how_many_and_then_nothing(
    runner: CliRunner, quiz_db: Path
) -> None:
    suspend(quiz_db, MCQ_ID, TF_ID)
    code, _, err = invoke(runner, "questions", "unsuspend", MCQ_ID, TF_ID)
    assert code == 0
    assert err.strip() == "Unsuspended 2 questions: they are in the daily quiz again."
    assert suspended_ids(runner) == []
    code, _, err = invoke(runner, "questions", "unsuspend", MCQ_ID)
    assert code == 0 and err.strip() == "Nothing was suspended."


def test_one_unknown_id_unsuspends_none_of_them(runner: CliRunner, quiz_db: Path) -> None:
    suspend(quiz_db, MCQ_ID, TF_ID)
    code, out, err = invoke(runner, "questions", "unsuspend", MCQ_ID, "no-such:mcq:x", TF_ID)
    assert code == 2 and out == ""
    assert err.strip() == "Error: no question with id 'no-such:mcq:x'"
    assert suspended_ids(runner) == sorted([MCQ_ID, TF_ID])


def test_all_leeches_leaves_questions_suspended_by_hand(runner: CliRunner, quiz_db: Path) -> None:
    suspend(quiz_db, MCQ_ID, leech=True)
    suspend(quiz_db, TF_ID)
    code, _, err = invoke(runner, "questions", "unsuspend", "--all-leeches")
    assert code == 0 and err.startswith("Unsuspended 1 question:")
    assert suspended_ids(runner) == [TF_ID]
    code, _, err = invoke(runner, "questions", "unsuspend", "--all")
    assert code == 0 and err.startswith("Unsuspended 1 question:")
    assert suspended_ids(runner) == []


def test_an_unsuspended_leech_is_no_longer_marked_a_leech(runner: CliRunner, quiz_db: Path) -> None:
    suspend(quiz_db, MCQ_ID, leech=True)
    assert invoke(runner, "questions", "unsuspend", MCQ_ID)[0] == 0
    with Store.open(quiz_db, now=NOW) as store:
        card = store.card(MCQ_ID)
    assert (card.suspended, card.leech) == (False, False)
    assert card.lapses == 8  # its history stays


def test_questions_list_filters_by_kind_within_a_deck(runner: CliRunner, quiz_db: Path) -> None:
    everything = listed(runner, "--deck", DECK)
    mcq = listed(runner, "--deck", DECK, "--kind", "mcq")
    assert mcq and {row["kind"] for row in mcq} == {"mcq"}
    assert [r for r in everything if r["kind"] == "mcq"] == mcq


def test_facts_list_of_a_deck_and_of_an_unknown_deck(runner: CliRunner, quiz_db: Path) -> None:
    code, out, _ = invoke(runner, "facts", "list", "--deck", DECK, "--json")
    assert code == 0
    facts = json.loads(out)
    assert sorted(f["id"] for f in facts) == sorted(
        ["capital-france", "summit-ordinal", "mou-city", "river-longest"]
    )
    assert {f["deck"] for f in facts} == {DECK}
    code, out, err = invoke(runner, "facts", "list", "--deck", "Nope")
    assert code == 2 and out == ""
    assert err.strip() == "Error: no deck named 'Nope' (decks: 'Quiz deck')"


def test_facts_list_table_counts_the_facts(runner: CliRunner, quiz_db: Path) -> None:
    code, out, _ = invoke(runner, "facts", "list")
    assert code == 0 and out.startswith("4 facts\n")
    assert "Paris is the capital of France." in out
