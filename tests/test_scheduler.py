from __future__ import annotations

import datetime as dt

import pytest

from quizmaster.grade import Rating
from quizmaster.records import CardState
from quizmaster.scheduler import (
    LEECH_LAPSES,
    STATE_LEARNING,
    STATE_RELEARNING,
    STATE_REVIEW,
    SchedulerSettings,
    exam_cap,
    from_fsrs,
    retrievability,
    review,
    study_day,
    to_fsrs,
)
from tests.helpers.pinned import NOW

UTC = dt.timezone.utc
PLAIN = SchedulerSettings(fuzz=False)


def at(day: int, hour: int = 4, minute: int = 0, month: int = 11, year: int = 2026) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=UTC)


NEW = CardState("q1")


@pytest.mark.parametrize(
    ("rating", "state", "due"),
    [
        (Rating.AGAIN, STATE_LEARNING, at(24, 9, 10)),  # learning step: 10 minutes
        (Rating.HARD, STATE_LEARNING, at(24, 9, 15)),  # 1.5 x the step
        (Rating.GOOD, STATE_REVIEW, at(26)),  # graduates: 2 days, at the start of the day
        (Rating.EASY, STATE_REVIEW, at(2, month=12)),  # 8 days
    ],
)
def test_first_answer_known_intervals(rating: Rating, state: int, due: dt.datetime) -> None:
    after = review(NEW, rating, NOW, PLAIN)
    assert (after.state, after.due, after.reps) == (state, due, 1)
    assert after.last_review == NOW
    assert NEW.state == 0 and NEW.reps == 0  # the input is not mutated


def test_good_answers_stretch_the_interval() -> None:
    first = review(NEW, Rating.GOOD, NOW, PLAIN)
    second = review(first, Rating.GOOD, at(26), PLAIN)
    third = review(second, Rating.GOOD, at(3, month=12), PLAIN)
    assert second.due == at(3, month=12)
    assert third.due == at(4, month=1, year=2027)
    assert first.stability is not None and second.stability is not None
    assert second.stability > first.stability


def test_lapse_relearns_and_counts() -> None:
    second = review(review(NEW, Rating.GOOD, NOW, PLAIN), Rating.GOOD, at(26), PLAIN)
    lapsed = review(second, Rating.AGAIN, at(3, month=12), PLAIN)
    assert lapsed.state == STATE_RELEARNING
    assert lapsed.due == at(3, 4, 10, month=12)
    assert lapsed.lapses == 1
    # Again on a learning card is not a lapse.
    assert review(NEW, Rating.AGAIN, NOW, PLAIN).lapses == 0


def test_lower_retention_gives_longer_intervals() -> None:
    second = review(NEW, Rating.GOOD, NOW, PLAIN)
    relaxed = SchedulerSettings(fuzz=False, desired_retention=0.8)
    assert review(second, Rating.GOOD, at(26), relaxed).due == at(20, month=12)
    assert review(second, Rating.GOOD, at(26), PLAIN).due == at(3, month=12)


def test_exam_date_caps_every_interval() -> None:
    exam = SchedulerSettings(fuzz=False, exam_date=dt.date(2026, 12, 2))
    second = review(NEW, Rating.GOOD, NOW, exam)
    assert review(second, Rating.EASY, at(26), PLAIN).due == at(8, month=12)  # uncapped
    easy = review(second, Rating.EASY, at(26), exam)
    assert easy.due == at(1, month=12)  # the morning of the day before the exam
    # Once that day has come, the exam morning is the cap; after the exam, no cap.
    assert exam_cap(at(1, 12, month=12), exam) == at(2, month=12)
    assert exam_cap(at(2, 12, month=12), exam) is None
    # Short steps are not touched.
    assert review(NEW, Rating.AGAIN, NOW, exam).due == at(24, 9, 10)


def test_days_start_at_local_four_am() -> None:
    india = SchedulerSettings(fuzz=False, utc_offset_minutes=330)
    after = review(NEW, Rating.GOOD, NOW, india)
    assert after.due == dt.datetime(2026, 11, 25, 22, 30, tzinfo=UTC)  # 26 Nov 04:00 IST
    assert study_day(dt.datetime(2026, 11, 24, 23, 0, tzinfo=UTC), 330) == dt.date(2026, 11, 25)
    assert study_day(dt.datetime(2026, 11, 24, 22, 0, tzinfo=UTC), 330) == dt.date(2026, 11, 24)
    assert study_day(dt.datetime(2026, 11, 24, 22, 0, tzinfo=UTC), 0) == dt.date(2026, 11, 24)


def test_leech_after_eight_lapses() -> None:
    card = review(NEW, Rating.GOOD, NOW, PLAIN)
    moment = NOW
    for lapse in range(1, LEECH_LAPSES + 1):
        moment = card.due or moment
        card = review(card, Rating.AGAIN, moment, PLAIN)  # lapse
        assert card.lapses == lapse
        assert card.leech is (lapse >= LEECH_LAPSES)
        assert card.suspended is (lapse >= LEECH_LAPSES)
        if not card.leech:
            moment = card.due or moment
            card = review(card, Rating.GOOD, moment, PLAIN)  # back to review


def test_fsrs_parameters_are_used() -> None:
    import fsrs

    params = list(fsrs.scheduler.DEFAULT_PARAMETERS)
    params[2] = 10.0  # initial stability of Good
    custom = SchedulerSettings(fuzz=False, parameters=tuple(params))
    assert review(NEW, Rating.GOOD, NOW, custom).due == at(4, month=12)


def test_round_trip_and_naive_clock() -> None:
    after = review(NEW, Rating.GOOD, NOW, PLAIN)
    assert from_fsrs(to_fsrs(after, NOW), after) == after
    assert retrievability(NEW, NOW, PLAIN) == 0.0
    assert 0.85 < retrievability(after, at(26), PLAIN) < 0.95
    with pytest.raises(ValueError, match="naive"):
        review(NEW, Rating.GOOD, NOW.replace(tzinfo=None), PLAIN)
