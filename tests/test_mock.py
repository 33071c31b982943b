from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import math
import sys
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizmaster import mock
from quizmaster.cli import app
from quizmaster.errors import UsageError
from quizmaster.mock import PRESETS, marking_for
from quizmaster.mock_runner import run_keys, run_lines
from quizmaster.records import CardState
from quizmaster.store import Store
from tests.helpers.capitals_deck import load_capitals
from tests.helpers.pinned import NOW

# --- marking arithmetic --------------------------------------------------------------------


def results(correct: int, wrong: int, unanswered: int) -> list[mock.Result]:
    out: list[mock.Result] = ["correct"] * correct
    return out + ["wrong"] * wrong + ["unanswered"] * unanswered


@pytest.mark.parametrize(
    ("exam", "right", "wrong", "unanswered", "expected"),
    [
        ("upsc", 1, 0, 0, Fraction(2)),
        ("upsc", 0, 1, 0, Fraction(-2, 3)),
        ("upsc", 0, 0, 1, Fraction(0)),
        ("upsc", 60, 30, 10, Fraction(100)),  # 120 - 30 * 2/3, exactly
        ("upsc", 7, 2, 1, Fraction(38, 3)),  # 14 - 4/3
        ("upsc", 0, 3, 0, Fraction(-2)),
        ("ssc", 1, 0, 0, Fraction(2)),
        ("ssc", 0, 1, 0, Fraction(-1, 2)),
        ("ssc", 7, 3, 5, Fraction(25, 2)),  # 14 - 1.5
        ("ibps", 1, 0, 0, Fraction(1)),
        ("ibps", 0, 1, 0, Fraction(-1, 4)),
        ("ibps", 5, 4, 1, Fraction(4)),  # 5 - 1
        ("ibps", 3, 1, 0, Fraction(11, 4)),
    ],
)
def test_preset_arithmetic(
    exam: str, right: int, wrong: int, unanswered: int, expected: Fraction
) -> None:
    marking = PRESETS[exam]
    assert mock.total_score(results(right, wrong, unanswered), marking) == expected


def test_preset_values() -> None:
    assert (PRESETS["upsc"].correct, PRESETS["upsc"].wrong) == (Fraction(2), Fraction(2, 3))
    assert (PRESETS["ssc"].correct, PRESETS["ssc"].wrong) == (Fraction(2), Fraction(1, 2))
    assert (PRESETS["ibps"].correct, PRESETS["ibps"].wrong) == (Fraction(1), Fraction(1, 4))


def test_custom_marking() -> None:
    m = marking_for("custom", "3", "1")
    assert mock.total_score(results(4, 2, 1), m) == 10
    assert marking_for("custom", "3", "-1") == m  # the sign of the penalty does not matter
    third = marking_for("custom", "1", "1/3")
    assert mock.total_score(results(0, 3, 0), third) == -1
    assert marking_for("custom", "2.5").wrong == 0
    assert mock.total_score(results(2, 2, 0), marking_for("custom", "0.5", "0.25")) == Fraction(
        1, 2
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("ssc", "1", None), "use them with --exam custom"),
        (("custom", None, "1"), "needs --correct"),
        (("custom", "two", None), "'two' is not a number"),
        (("custom", "0", None), "must be more than 0"),
        (("cat", None, None), "unknown exam 'cat'"),
    ],
)
def test_marking_errors(args: tuple[str, str | None, str | None], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        marking_for(*args)


def test_display_rounding() -> None:
    assert mock.fraction_json(Fraction(38, 3)) == 12.67
    assert mock.fraction_text(Fraction(38, 3)) == "12.67"
    assert mock.fraction_text(Fraction(-2)) == "-2"
    assert mock.fraction_text(Fraction(-3, 2)) == "-1.5"


def test_parse_choice() -> None:
    assert mock.parse_choice("1", 4) == 0
    assert mock.parse_choice(" D ", 4) == 3
    assert mock.parse_choice("b", 4) == 1
    for bad in ("5", "e", "0", "ab", ""):
        with pytest.raises(ValueError):
            mock.parse_choice(bad, 4)


# --- paper assembly ------------------------------------------------------------------------


@pytest.fixture
def capitals(store: Store) -> Store:
    load_capitals(store, NOW)
    return store


def test_paper_is_deterministic_and_prefers_distinct_facts(capitals: Store) -> None:
    pool = capitals.mock_pool()
    assert len(pool) == 7 and {s.question.kind for s in pool} == {"mcq", "statements"}
    ids = [
        [i.question.id for i in mock.assemble_paper(pool, PRESETS["upsc"], seed=s).items]
        for s in (1, 1, 2)
    ]
    assert ids[0] == ids[1]
    assert ids[0] != ids[2]
    six = mock.assemble_paper(pool, PRESETS["upsc"], questions=6, seed=5)
    assert len({i.question.fact_id for i in six.items}) == 6  # one question per fact
    assert len(mock.assemble_paper(pool, PRESETS["upsc"], seed=5).items) == 7  # all of them


def test_default_minutes_follow_the_exam_pace(capitals: Store) -> None:
    pool = capitals.mock_pool()
    assert mock.assemble_paper(pool, PRESETS["upsc"], questions=5).minutes == 6  # 1.2 min/q
    assert mock.assemble_paper(pool, PRESETS["ssc"], questions=5).minutes == 3  # 0.6 min/q
    assert mock.assemble_paper(pool, PRESETS["ibps"], questions=7).minutes == math.ceil(4.2)
    assert mock.assemble_paper(pool, PRESETS["ibps"], questions=7, minutes=2.5).minutes == 2.5


def test_pool_filters(capitals: Store) -> None:
    assert {s.question.topic for s in capitals.mock_pool(tag="asia")} == {"Asia"}
    assert len(capitals.mock_pool(deck="Capitals", tag="europe")) == 2
    card = capitals.card("capital-peru:mcq:x")
    capitals.save_card(dataclasses.replace(card, suspended=True))
    assert "capital-peru:mcq:x" not in {s.question.id for s in capitals.mock_pool()}


def test_too_few_questions_is_a_clear_error(capitals: Store) -> None:
    pool = capitals.mock_pool()
    with pytest.raises(UsageError, match="only 7 mcq/statements questions .* --questions 7"):
        mock.assemble_paper(pool, PRESETS["upsc"], questions=8)
    with pytest.raises(UsageError, match="no mcq or statements questions"):
        mock.assemble_paper([], PRESETS["upsc"])


def test_builtin_deck_without_mcq_gives_a_clear_message(runner: CliRunner) -> None:
    result = runner.invoke(app, ["mock", "--tag", "no-such-tag"], input="")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: no mcq or statements questions in this selection")


# --- mocks and the schedule ----------------------------------------------------------------


def test_bring_forward() -> None:
    later = NOW + dt.timedelta(days=9)
    review = CardState("q", state=2, due=later, stability=9.0, reps=3)
    moved = mock.bring_forward(review, NOW)
    assert moved is not None and moved.due == NOW
    assert (moved.stability, moved.reps, moved.state) == (9.0, 3, 2)
    assert mock.bring_forward(CardState("q"), NOW) is None  # new stays new
    assert mock.bring_forward(dataclasses.replace(review, suspended=True), NOW) is None
    assert mock.bring_forward(dataclasses.replace(review, due=NOW), NOW) is None


# --- driving a paper without a terminal ------------------------------------------------------


class FakeClock:
    def __init__(self, step: float = 1.0) -> None:
        self.t = 1000.0
        self.step = step

    def __call__(self) -> float:
        self.t += self.step
        return self.t


class ScriptedKeys:
    def __init__(self, keys: list[str | None]) -> None:
        self.keys = keys

    def read(self, timeout: float) -> str | None:
        if not self.keys:
            raise EOFError
        return self.keys.pop(0)


def answer_key(paper: mock.Paper, number: int) -> str:
    return str(paper.items[number - 1].correct_index + 1)


def wrong_key(paper: mock.Paper, number: int) -> str:
    return str((paper.items[number - 1].correct_index + 1) % 4 + 1)


@pytest.fixture
def silent(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from rich.console import Console

    from quizmaster.render import mock as mock_screens

    screen = io.StringIO()
    monkeypatch.setattr(mock_screens, "_mock_console", Console(file=screen))
    yield
    assert screen.getvalue(), "the paper was drawn somewhere else than the swapped console"


@pytest.mark.usefixtures("silent")
def test_keys_navigate_mark_change_and_submit(capitals: Store) -> None:
    paper = mock.assemble_paper(capitals.mock_pool(), PRESETS["ssc"], questions=4, seed=3)
    keys: list[str | None] = [
        wrong_key(paper, 1),  # answer 1 wrongly, move on to 2
        "m",  # mark 2 for review
        None,  # a second passes
        "p",  # back to 1 ...
        answer_key(paper, 1),  # ... change the answer; on to 2
        "g",
        "4",
        "\r",  # jump to 4
        "b",  # answer 4 with a letter (stays on the last question)
        "x",  # ... and clear it
        "left",
        answer_key(paper, 3),
        "s",
        "n",  # not yet
        "s",
        "y",
    ]
    outcome = run_keys(paper, ScriptedKeys(keys), FakeClock())
    assert not outcome.timed_out
    assert outcome.attempt.answers == [
        paper.items[0].correct_index,
        None,
        paper.items[2].correct_index,
        None,
    ]
    assert outcome.attempt.marked == [False, True, False, False]


@pytest.mark.usefixtures("silent")
def test_keys_time_up_submits_without_a_key(capitals: Store) -> None:
    paper = mock.assemble_paper(capitals.mock_pool(), PRESETS["upsc"], questions=3, minutes=0.5)
    outcome = run_keys(paper, ScriptedKeys([answer_key(paper, 1)] + [None] * 100), FakeClock(2))
    assert outcome.timed_out and outcome.elapsed_s == 30
    assert outcome.attempt.answers[0] == paper.items[0].correct_index


@pytest.mark.usefixtures("silent")
def test_lines_time_up_drops_late_answers(capitals: Store) -> None:
    paper = mock.assemble_paper(capitals.mock_pool(), PRESETS["upsc"], questions=5, minutes=0.1)
    # Each clock read advances 2 s and the paper has 6 s: time is up before the second answer.
    outcome = run_lines(paper, io.StringIO("1\n2\n3\n4\n5\n"), FakeClock(2))
    assert outcome.timed_out
    assert outcome.attempt.answers == [0, None, None, None, None]


# --- the command, with piped stdin ---------------------------------------------------------


def make_review_card(store: Store, qid: str, due: dt.datetime) -> None:
    store.save_card(
        CardState(qid, state=2, stability=10.0, difficulty=5.0, due=due, last_review=NOW, reps=2)
    )


def test_piped_mock_json_is_stored_and_brings_wrong_answers_forward(
    capitals: Store, runner: CliRunner, db_path: Path
) -> None:
    paper = mock.assemble_paper(capitals.mock_pool(), PRESETS["upsc"], questions=4, seed=7)
    ids = [i.question.id for i in paper.items]
    later = NOW + dt.timedelta(days=20)
    make_review_card(capitals, ids[1], later)  # will be answered wrongly: brought forward
    make_review_card(capitals, ids[0], later)  # answered rightly: untouched
    letters = "abcd"
    lines = [
        answer_key(paper, 1),
        wrong_key(paper, 2),
        "",  # unanswered
        letters[paper.items[3].correct_index].upper(),
    ]
    result = runner.invoke(
        app, ["mock", "--seed", "7", "--questions", "4", "--json"], input="\n".join(lines) + "\n"
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["exam"] == "upsc" and data["questions"] == 4
    assert (data["correct"], data["wrong"], data["unanswered"]) == (2, 1, 1)
    assert data["score"] == 3.33 and data["score_exact"] == "10/3" and data["max_score"] == 8
    assert data["duration_s"] >= 0 and data["timed_out"] is False
    assert [i["id"] for i in data["items"]] == ids
    assert [i["result"] for i in data["items"]] == ["correct", "wrong", "unanswered", "correct"]
    second = data["items"][1]
    assert second["your_answer"] == int(wrong_key(paper, 2))
    assert second["correct_answer"] == paper.items[1].correct_index + 1
    assert data["items"][2]["your_answer"] is None
    assert data["brought_forward"] == [ids[1]]
    assert "Q1/4" in result.stderr  # the paper went to stderr, stdout is the JSON alone

    with Store.open(db_path) as s:
        moved = s.card(ids[1]).due  # due when the paper was submitted
        assert moved is not None and NOW <= moved < NOW + dt.timedelta(minutes=1)
        assert s.card(ids[0]).due == later
        assert s.card(ids[2]).state == 0  # new cards stay new
        session = [r for r in s.session_rows() if r.kind == "mock"][-1]
        assert session.id == data["session_id"] and session.ended_at is not None
        assert session.data["score_exact"] == "10/3" and session.data["exam"] == "upsc"
        items = s.mock_items(session.id)
        assert [(i.question_id, i.result, i.marks) for i in items] == [
            (ids[0], "correct", "2"),
            (ids[1], "wrong", "-2/3"),
            (ids[2], "unanswered", "0"),
            (ids[3], "correct", "2"),
        ]


def test_piped_mock_plain_result_sheet(capitals: Store, runner: CliRunner) -> None:
    paper = mock.assemble_paper(capitals.mock_pool(), PRESETS["ibps"], questions=3, seed=1)
    text = f"{answer_key(paper, 1)}\nz\n{wrong_key(paper, 3)}\n"
    result = runner.invoke(app, ["mock", "--exam", "ibps", "-n", "3", "--seed", "1"], input=text)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "\x1b[" not in out  # plain text
    assert "Score: 0.75 / 3" in out and "Marking: +1 / -1/4" in out
    assert "Correct 1  ·  Wrong 1  ·  Unanswered 1" in out
    right = paper.items[2]
    assert f"Right answer: {right.correct_index + 1}) {right.question.answer}" in out
    assert f"Why: {right.question.explanation}" in out
    assert "'z' is not an option; left unanswered" in result.stderr


def test_custom_exam_on_the_command_line(capitals: Store, runner: CliRunner) -> None:
    paper = mock.assemble_paper(capitals.mock_pool(), PRESETS["upsc"], questions=2, seed=4)
    args = ["mock", "--exam", "custom", "--correct", "4", "--wrong", "1", "-n", "2"]
    text = f"{wrong_key(paper, 1)}\n{wrong_key(paper, 2)}\n"
    result = runner.invoke(app, [*args, "--seed", "4", "--json"], input=text)
    data = json.loads(result.stdout)
    assert (data["score"], data["max_score"], data["marking"]) == (
        -2,
        8,
        {"correct": 4, "wrong": -1},
    )
    bad = runner.invoke(app, ["mock", "--exam", "ssc", "--wrong", "1"], input="")
    assert bad.exit_code == 2 and "with --exam custom" in bad.stderr


# --- a real pseudo-terminal ----------------------------------------------------------------

pexpect = pytest.importorskip("pexpect")
# The console script installed next to the interpreter running the tests (venv or CI).
QUIZMASTER = Path(sys.executable).parent / "quizmaster"


@pytest.fixture
def spawn(db_path: Path) -> Iterator[object]:
    import os
    import shutil

    exe = str(QUIZMASTER) if QUIZMASTER.exists() else shutil.which("quizmaster")
    assert exe, "quizmaster is not installed"
    children: list[object] = []

    def start(*args: str) -> object:
        env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm", "COLUMNS": "100", "LINES": "40"}
        child = pexpect.spawn(
            exe, ["--db", str(db_path), *args], env=env, encoding="utf-8", timeout=30
        )
        child.setwinsize(40, 100)
        children.append(child)
        return child

    yield start
    for child in children:
        child.close(force=True)  # type: ignore[attr-defined]


@pytest.mark.slow
def test_mock_in_a_real_terminal(capitals: Store, spawn: object, db_path: Path) -> None:
    paper = mock.assemble_paper(capitals.mock_pool(), PRESETS["ssc"], questions=4, seed=11)
    capitals.close()
    child = spawn("mock", "--exam", "ssc", "--questions", "4", "--seed", "11")  # type: ignore[operator]
    q = [i.question for i in paper.items]
    child.expect_exact("Q1/4 · ")
    child.expect_exact(q[0].prompt)
    child.expect(r"⏱ \d\d:\d\d left · Q1/4 > ")  # the live countdown, on the prompt line
    child.send(wrong_key(paper, 1))  # a wrong answer to Q1 -> Q2
    child.expect_exact("Q2/4")
    child.send("m")  # mark Q2 for review
    child.expect_exact("★ marked for review")
    child.send("p")  # back to Q1 and change the answer
    child.expect_exact("Q1/4")
    child.expect_exact(f"Your answer: {wrong_key(paper, 1)})")
    child.send("abcd"[paper.items[0].correct_index])
    child.expect_exact("Q2/4")
    child.send("g")
    child.expect_exact("Go to question (1-4)")
    child.send("4\r")
    child.expect_exact("Q4/4")
    child.expect_exact(q[3].prompt)
    child.send(answer_key(paper, 4))
    child.expect(r"Your answer: \d\)")
    child.send("s")
    child.expect_exact("Submit now? 2 unanswered, 1 marked for review")
    child.send("n")
    child.expect_exact("Q4/4")
    child.send("s")
    child.expect_exact("Submit now?")
    child.send("y")
    child.expect_exact("Result")
    child.expect(r"Score: 4 / 8\b")
    child.expect_exact("Correct 2  ·  Wrong 0  ·  Unanswered 2")
    child.expect_exact(f"Why: {q[1].explanation}")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    with Store.open(db_path) as s:
        session = [r for r in s.session_rows() if r.kind == "mock"][-1]
        items = s.mock_items(session.id)
    assert [(i.answer, i.marked) for i in items] == [
        (paper.items[0].correct_index + 1, False),
        (None, True),
        (None, False),
        (paper.items[3].correct_index + 1, False),
    ]


@pytest.mark.slow
def test_mock_time_up_in_a_real_terminal(capitals: Store, spawn: object) -> None:
    capitals.close()
    child = spawn("mock", "--questions", "2", "--minutes", "0.04", "--seed", "1")  # type: ignore[operator]
    child.expect_exact("Q1/2")
    child.send("1")
    child.expect(r"⏱ 00:0[0-2] left")  # the countdown ticks without a key
    child.expect_exact("time up, paper submitted")
    child.expect(pexpect.EOF)


@pytest.mark.slow
def test_ctrl_c_submits_the_paper(capitals: Store, spawn: object, db_path: Path) -> None:
    paper = mock.assemble_paper(capitals.mock_pool(), PRESETS["ibps"], questions=3, seed=2)
    capitals.close()
    child = spawn("mock", "--exam", "ibps", "-n", "3", "--seed", "2")  # type: ignore[operator]
    child.expect_exact("Q1/3")
    child.send(answer_key(paper, 1))
    child.expect_exact("Q2/3")
    child.sendintr()
    child.expect_exact("Paper submitted.")
    child.expect(r"Score: 1 / 3\b")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    with Store.open(db_path) as s:
        (session,) = [r for r in s.session_rows() if r.kind == "mock"]
    assert session.ended_at is not None and session.data["correct"] == 1


def test_ctrl_c_while_the_screen_is_drawn_waits_for_the_next_key_wait() -> None:
    from quizmaster.mock_runner import HeldInterrupt

    class Keys:
        def __init__(self) -> None:
            self.reads = 0

        def read(self, timeout: float) -> str | None:
            self.reads += 1
            return "a"

    held, keys = HeldInterrupt(), Keys()
    held(2, None)  # pressed while drawing: nothing raised there
    with pytest.raises(KeyboardInterrupt):
        held.read(keys, 1.0)
    assert keys.reads == 0  # the paper is submitted before another key is read

    class Pressed:
        def read(self, timeout: float) -> str | None:
            held(2, None)  # pressed while the key is awaited
            return None

    held = HeldInterrupt()
    with pytest.raises(KeyboardInterrupt):
        held.read(Pressed(), 1.0)
    assert not held.waiting


@pytest.mark.slow
def test_piped_stdin_in_a_real_process(capitals: Store, db_path: Path) -> None:
    import os
    import subprocess

    paper = mock.assemble_paper(capitals.mock_pool(), PRESETS["ssc"], questions=2, seed=9)
    capitals.close()
    exe = str(QUIZMASTER) if QUIZMASTER.exists() else "quizmaster"
    done = subprocess.run(
        [exe, "--db", str(db_path), "mock", "--exam", "ssc", "-n", "2", "--seed", "9"],
        input=f"{wrong_key(paper, 1)}\n{answer_key(paper, 2)}\n",
        capture_output=True,
        text=True,
        env={**os.environ},
        check=False,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
    assert "Score: 1.5 / 4" in done.stdout and "\x1b[" not in done.stdout
    assert "Correct 1  ·  Wrong 1  ·  Unanswered 0" in done.stdout


def test_storing_a_mock_is_all_or_nothing(capitals: Store) -> None:
    import sqlite3

    from quizmaster.records import MockItemRow

    qid = "capital-peru:mcq:x"
    make_review_card(capitals, qid, NOW + dt.timedelta(days=5))
    sid = capitals.start_session("mock", started_at=NOW)
    good = MockItemRow(1, qid, 2, 4, "wrong", "-2/3", False)
    bad = MockItemRow(2, "no-such-question", None, 1, "unanswered", "0", False)
    moved = dataclasses.replace(capitals.card(qid), due=NOW)
    with pytest.raises(sqlite3.IntegrityError):
        capitals.finish_mock(sid, ended_at=NOW, data={"x": 1}, items=[good, bad], cards=[moved])
    assert capitals.mock_items(sid) == []
    assert capitals.card(qid).due == NOW + dt.timedelta(days=5)
    (session,) = capitals.session_rows()
    assert session.ended_at is None
    capitals.finish_mock(sid, ended_at=NOW, data={"x": 1}, items=[good], cards=[moved])
    assert capitals.mock_items(sid) == [good] and capitals.card(qid).due == NOW


def test_go_to_number_edits_and_rejects(capitals: Store) -> None:
    from quizmaster.mock_runner import KeyState, handle_key

    paper = mock.assemble_paper(capitals.mock_pool(), PRESETS["upsc"], questions=4, seed=1)
    attempt, state = mock.Attempt(paper), KeyState()
    for key in ("g", "9", "\x7f", "3", "\r"):
        assert handle_key(attempt, state, key) is False
    assert attempt.current == 2 and state.mode == "answer"
    for key in ("g", "9", "\r"):
        handle_key(attempt, state, key)
    assert attempt.current == 2 and state.message == "No question 9: the paper has 1-4"
    handle_key(attempt, state, "z")
    assert "does nothing here" in state.message and attempt.answers == [None] * 4
    assert handle_key(attempt, state, "\x04") is True  # Ctrl-D submits


def test_parse_choice_takes_the_forms_a_quiz_takes() -> None:
    # One parser serves the quiz and the paper: "b)" and "2." name an option in both.
    assert mock.parse_choice("b)", 4) == 1
    assert mock.parse_choice("2.", 4) == 1
    assert mock.parse_choice("C", 3) == 2


@pytest.mark.slow
def test_run_mock_sits_the_paper_in_the_environment_it_is_given(
    tmp_path: Path, db_path: Path
) -> None:
    from quizmaster.environment import Environment
    from quizmaster.invocation import Invocation
    from quizmaster.mock_runner import MockRequest, run_mock

    db = tmp_path / "given.db"
    env = Environment(
        environ={"QUIZMASTER_DB": str(db)},
        stdin=io.StringIO("1\n\n"),
        stdout=io.StringIO(),
        clock=lambda: NOW,
        monotonic=lambda: 5.0,  # time stands still: the paper is never out of time
    )
    result = run_mock(MockRequest(exam="ssc", questions=2, seed=7), Invocation(env))
    assert result.number == 1 and len(result.items) == 2
    assert result.items[1].answer is None  # the empty line leaves it unanswered
    assert not result.timed_out and result.started_at == NOW
    assert db.is_file() and not db_path.exists()
