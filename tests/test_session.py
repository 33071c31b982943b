from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

import pytest

from quizmaster.dashboard import dashboard
from quizmaster.errors import NotFoundError, UsageError
from quizmaster.grade import Rating
from quizmaster.scheduler import STATE_REVIEW, SchedulerSettings
from quizmaster.session import Feedback, Quiz, parse_command, run, run_quiz
from quizmaster.settings import QuizSettings, load_settings, parse_setting
from quizmaster.store import Store
from quizmaster.study_queue import Item, build_queue
from tests.helpers.pinned import NOW
from tests.helpers.quiz_deck import MCQ_ID, MOU_ID, RIVER_ID, TF_ID, load_quiz_deck

PLAIN = SchedulerSettings(fuzz=False)
DEFAULT = QuizSettings()


@pytest.fixture
def deck(store: Store) -> Iterator[Store]:
    load_quiz_deck(store, NOW)
    yield store


def ids(queue: list[Item]) -> list[str]:
    return [item.question_id for item in queue]


def quiz(store: Store, now: dt.datetime = NOW, **kwargs: object) -> Quiz:
    queue = build_queue(store, now=now, settings=DEFAULT, **kwargs)  # type: ignore[arg-type]
    return Quiz(store, queue, scheduler=PLAIN, practice=bool(kwargs.get("practice")))


def reviews(store: Store) -> list[tuple[str, int, int]]:
    return list(store.conn.execute("SELECT question_id, rating, correct FROM reviews ORDER BY id"))


def test_new_queue_one_per_fact_topics_interleaved(deck: Store) -> None:
    queue = build_queue(deck, now=NOW, settings=DEFAULT)
    assert ids(queue) == [MCQ_ID, TF_ID, MOU_ID, RIVER_ID]
    topics = [item.stored.question.topic for item in queue]
    assert topics == ["Geography", "Events", "Venue", "Geography"]


def test_filters_and_limits(deck: Store) -> None:
    assert ids(build_queue(deck, now=NOW, settings=DEFAULT, tag="summits")) == [TF_ID, MOU_ID]
    assert ids(build_queue(deck, now=NOW, settings=DEFAULT, limit=2)) == [MCQ_ID, TF_ID]
    assert len(build_queue(deck, now=NOW, settings=QuizSettings(new_per_day=3))) == 3
    with pytest.raises(NotFoundError, match="no deck named 'Nope'"):
        build_queue(deck, now=NOW, settings=DEFAULT, deck="Nope")
    with pytest.raises(UsageError, match="no question is tagged"):
        build_queue(deck, now=NOW, settings=DEFAULT, tag="nope")
    with pytest.raises(UsageError, match="--limit"):
        build_queue(deck, now=NOW, settings=DEFAULT, limit=0)


def test_answer_is_committed_with_its_schedule(deck: Store) -> None:
    q = quiz(deck)
    feedback = q.answer("2", now=NOW, duration_ms=12_000)
    assert feedback.verdict.correct and feedback.rating == Rating.GOOD
    assert feedback.next_in == "in 2 days"
    assert reviews(deck) == [(MCQ_ID, 3, 1)]
    card = deck.card(MCQ_ID)
    assert card.state == STATE_REVIEW and card.reps == 1
    assert card.due == dt.datetime(2026, 11, 26, 4, tzinfo=dt.timezone.utc)
    assert q.current() is not None and q.current().question_id == TF_ID  # type: ignore[union-attr]
    assert q.progress() == (2, 4)


def test_new_limit_and_siblings_hold_for_the_rest_of_the_day(deck: Store) -> None:
    q = quiz(deck)
    q.answer("paris", now=NOW, duration_ms=None)
    q.answer("f", now=NOW, duration_ms=None)
    later = NOW + dt.timedelta(hours=2)
    # Two new done; the other questions of those two facts are buried until tomorrow.
    assert ids(build_queue(deck, now=later, settings=QuizSettings(new_per_day=3))) == [MOU_ID]
    again = build_queue(deck, now=later, settings=DEFAULT)
    assert {i.stored.question.fact_id for i in again} == {"mou-city", "river-longest"}
    tomorrow = build_queue(deck, now=NOW + dt.timedelta(days=1), settings=DEFAULT)
    assert {i.stored.question.fact_id for i in tomorrow} == {
        "capital-france",
        "summit-ordinal",
        "mou-city",
        "river-longest",
    }


def test_due_reviews_come_first(deck: Store) -> None:
    q = quiz(deck)
    q.answer("2", now=NOW, duration_ms=None)  # mcq, due in 2 days
    later = NOW + dt.timedelta(days=3)
    queue = build_queue(deck, now=later, settings=DEFAULT)
    assert queue[0].question_id == MCQ_ID
    assert len(queue) == 4  # one per fact: the mcq stands for capital-france
    assert build_queue(deck, now=later, settings=QuizSettings(reviews_per_day=0))[
        0
    ].question_id != (MCQ_ID)


def test_wrong_answer_comes_back_in_the_session(deck: Store) -> None:
    q = quiz(deck)
    feedback = q.answer("1", now=NOW, duration_ms=None)
    assert not feedback.verdict.correct and feedback.rating == Rating.AGAIN
    assert feedback.again_in_session and feedback.next_in == "in 10 minutes"
    assert ids(q.queue) == [TF_ID, MOU_ID, RIVER_ID, MCQ_ID]
    assert q.progress() == (2, 5)


def test_undo_restores_card_and_asks_again(deck: Store) -> None:
    q = quiz(deck)
    q.answer("1", now=NOW, duration_ms=None)
    assert q.undo() == "answer"
    assert reviews(deck) == []
    assert deck.card(MCQ_ID).state == 0
    assert ids(q.queue) == [MCQ_ID, TF_ID, MOU_ID, RIVER_ID]
    assert q.tally.answered == 0 and q.undo() is None


def test_override_rerates_the_stored_answer(deck: Store) -> None:
    q = quiz(deck)
    q.answer("2", now=NOW, duration_ms=None)
    feedback = q.override(Rating.AGAIN)
    assert feedback.overridden and feedback.again_in_session
    assert reviews(deck) == [(MCQ_ID, 1, 0)]
    assert deck.card(MCQ_ID).due == NOW + dt.timedelta(minutes=10)
    assert q.tally.correct == 0
    q.override(Rating.EASY)
    assert reviews(deck) == [(MCQ_ID, 4, 1)]
    assert MCQ_ID not in ids(q.queue)


def test_suspend_skip_and_undo(deck: Store) -> None:
    q = quiz(deck)
    q.suspend()
    assert deck.card(MCQ_ID).suspended
    q.skip()
    assert ids(q.queue) == [MOU_ID, RIVER_ID]
    assert q.undo() == "skip"
    assert q.undo() == "suspend"
    assert not deck.card(MCQ_ID).suspended
    assert ids(q.queue) == [MCQ_ID, TF_ID, MOU_ID, RIVER_ID]
    q.answer("2", now=NOW, duration_ms=None)
    q.suspend(last=True)
    assert deck.card(MCQ_ID).suspended and deck.card(MCQ_ID).reps == 1
    assert MCQ_ID not in ids(build_queue(deck, now=NOW + dt.timedelta(days=9), settings=DEFAULT))


def test_practice_leaves_the_schedule_alone(deck: Store) -> None:
    q = quiz(deck, practice=True)
    assert len(q.queue) == 4
    feedback = q.answer("1", now=NOW, duration_ms=None)
    assert feedback.card_after is None and feedback.next_in is None
    assert feedback.again_in_session
    assert reviews(deck) == []
    assert deck.card(MCQ_ID).state == 0


def test_leech_is_tagged_suspended_and_reported(deck: Store) -> None:
    reviewed = replace(
        deck.card(MOU_ID),
        state=STATE_REVIEW,
        stability=3.0,
        difficulty=5.0,
        due=NOW - dt.timedelta(days=1),
        last_review=NOW - dt.timedelta(days=4),
        reps=12,
        lapses=7,
    )
    deck.save_card(reviewed)
    q = quiz(deck, tag="summits")
    assert q.queue[0].question_id == MOU_ID
    feedback = q.answer("Haifa", now=NOW, duration_ms=None)
    assert feedback.leech and feedback.next_in == "suspended (leech)"
    card = deck.card(MOU_ID)
    assert card.leech and card.suspended and card.lapses == 8
    assert q.tally.leeches == [MOU_ID]
    q.undo()
    assert not deck.card(MOU_ID).leech and q.tally.leeches == []


class Scripted:
    """A UI that answers from a list, like a user would."""

    timed = False

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.shown: list[str] = []
        self.feedback: list[Feedback] = []

    def show_question(self, item: Item, position: int, total: int) -> None:
        self.shown.append(f"{position}/{total} {item.question_id}")

    def read_response(self, item: Item) -> str:
        if not self.lines:
            raise EOFError
        return self.lines.pop(0)

    def show_feedback(self, feedback: Feedback) -> None:
        self.feedback.append(feedback)

    def read_after_feedback(self) -> str | None:
        return None

    def message(self, text: str, *, style: str = "") -> None:
        self.shown.append(text)

    def confirm(self, question: str) -> bool:
        self.shown.append(question)
        return self.read_response_line() in ("y", "yes")

    def read_response_line(self) -> str:
        if not self.lines:
            raise EOFError
        return self.lines.pop(0)


def test_run_with_commands(deck: Store) -> None:
    ui = Scripted(["2", ":easy", "7", "f", ":undo", ":sk", ":s", ":bogus", ":q"])
    q = quiz(deck)
    assert run(q, ui, clock=lambda: NOW, timer=lambda: 0.0) == "quit"
    assert ui.shown[:3] == [f"1/4 {MCQ_ID}", f"2/4 {TF_ID}", "'7': answer t (true) or f (false)"]
    assert "Undid the last answer." in ui.shown
    assert "Skipped until tomorrow." in ui.shown
    assert "':s' could be :skip or :suspend" in ui.shown
    assert any(line.startswith("Unknown command ':bogus'") for line in ui.shown)
    assert reviews(deck) == [(MCQ_ID, 4, 1)]
    assert ids(q.queue) == [MOU_ID, RIVER_ID]


def test_run_quiz_stores_the_session(deck: Store) -> None:
    result = run_quiz(
        deck, Scripted(["paris", "f"]), clock=lambda: NOW, timer=lambda: 0.0, fuzz=False
    ).to_json()
    assert result["answered"] == 2 and result["correct"] == 2 and result["accuracy"] == 1.0
    assert result["ended"] == "eof" and result["streak_days"] == 1
    assert result["due_tomorrow"] == 0 and result["left_in_queue"] == 2
    kind, ended = deck.conn.execute("SELECT kind, ended_at FROM sessions").fetchone()
    assert kind == "quiz" and ended is not None
    assert {r[0] for r in deck.conn.execute("SELECT session_id FROM reviews")} == {1}
    empty = (
        run_quiz(deck, Scripted([]), clock=lambda: NOW, timer=lambda: 0.0, new_per_day=None)
        if False
        else None
    )
    assert empty is None


def test_nothing_to_do_message(deck: Store) -> None:
    deck.set_setting("new_per_day", 0)
    result = run_quiz(deck, Scripted([]), clock=lambda: NOW, timer=lambda: 0.0).to_json()
    assert result["message"].startswith("Nothing due now")


def test_parse_command_prefixes() -> None:
    assert parse_command(":q") == "quit"
    assert parse_command(":sk") == "skip"
    assert parse_command(":su") == "suspend"
    assert parse_command(":s") is None  # skip or suspend: ambiguous
    assert parse_command(":?") == "help"
    assert parse_command(":") is None


def test_settings_are_validated(deck: Store) -> None:
    assert parse_setting("new_per_day", "5") == 5
    assert parse_setting("desired_retention", "0.85") == 0.85
    assert parse_setting("exam_date", "2027-05-24") == "2027-05-24"
    assert parse_setting("exam_date", "none") is None
    for key, bad in [
        ("new_per_day", "-1"),
        ("new_per_day", "lots"),
        ("desired_retention", "0.5"),
        ("exam_date", "24/05/2027"),
        ("colour", "red"),
    ]:
        with pytest.raises(UsageError):
            parse_setting(key, bad)
    deck.set_setting("exam_date", "2026-12-04")
    deck.set_setting("fsrs_parameters", [0.5] * 3)
    with pytest.raises(UsageError, match="fsrs_parameters are invalid"):
        load_settings(deck)
    import fsrs

    deck.set_setting("fsrs_parameters", list(fsrs.scheduler.DEFAULT_PARAMETERS))
    settings = load_settings(deck)
    assert settings.exam_date == dt.date(2026, 12, 4)
    assert settings.fsrs_parameters == tuple(fsrs.scheduler.DEFAULT_PARAMETERS)
    data = dashboard(deck, now=NOW, utc_offset_minutes=0).to_json()
    assert data["days_to_exam"] == 10 and data["new_today"] == min(deck.count_new(), 20)
    assert data["next_command"] == "quizmaster quiz"
