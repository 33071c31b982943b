"""What a quiz asks and in which order: the study day, interleaving, one question per fact,
the day's limits and practice."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from quizmaster.settings import QuizSettings
from quizmaster.store import Store
from quizmaster.study_queue import (
    PRACTICE_LIMIT,
    Item,
    build_queue,
    interleave,
    study_day_start,
)
from tests.helpers.pinned import NOW
from tests.helpers.quiz_deck import MCQ_ID, SIBLING_ID, TF_ID, load_quiz_deck

UTC = dt.timezone.utc


def test_the_study_day_starts_at_four_in_the_users_zone() -> None:
    assert study_day_start(NOW, 0) == dt.datetime(2026, 11, 24, 4, tzinfo=UTC)
    before_four = dt.datetime(2026, 11, 24, 3, 30, tzinfo=UTC)
    assert study_day_start(before_four, 0) == dt.datetime(2026, 11, 23, 4, tzinfo=UTC)
    # 09:00 UTC is 14:30 in India, whose day began at 04:00 local, 22:30 UTC the day before.
    assert study_day_start(NOW, 330) == dt.datetime(2026, 11, 23, 22, 30, tzinfo=UTC)


def items(store: Store) -> list[Item]:
    """Every question of the deck as a queue item, in the store's order."""
    rows = store.quiz_candidates(now=NOW, since=None, which="any", deck=None, tag=None)
    return [Item(stored, card) for stored, card in rows]


def test_interleave_takes_topics_in_turn_keeping_each_topics_order(store: Store) -> None:
    load_quiz_deck(store, NOW)
    everything = items(store)
    mixed = interleave(everything)
    assert sorted(map(id, mixed)) == sorted(map(id, everything))
    topics = {topic_of(i) for i in everything}
    assert len(topics) > 1
    for topic in topics:
        own = [i for i in everything if topic_of(i) == topic]
        assert [i for i in mixed if topic_of(i) == topic] == own
    # The first round has one question of every topic.
    assert {topic_of(i) for i in mixed[: len(topics)]} == topics
    assert interleave([]) == []


def topic_of(item: Item) -> str:
    return item.stored.question.topic


def test_one_question_per_fact(store: Store) -> None:
    load_quiz_deck(store, NOW)
    queue = build_queue(store, now=NOW, settings=QuizSettings())
    facts = [i.stored.question.fact_id for i in queue]
    assert len(facts) == len(set(facts))
    assert MCQ_ID in {i.question_id for i in queue}
    assert SIBLING_ID not in {i.question_id for i in queue}


def test_new_questions_stop_at_the_days_limit(store: Store) -> None:
    load_quiz_deck(store, NOW)
    assert build_queue(store, now=NOW, settings=QuizSettings(new_per_day=0)) == []
    two = build_queue(store, now=NOW, settings=QuizSettings(new_per_day=2))
    assert [i.question_id for i in two] == [MCQ_ID, TF_ID]


def test_practice_ignores_the_limits_and_stops_at_its_own(store: Store) -> None:
    load_quiz_deck(store, NOW)
    none_new = QuizSettings(new_per_day=0, reviews_per_day=0)
    practice = build_queue(store, now=NOW, settings=none_new, practice=True)
    assert 0 < len(practice) <= PRACTICE_LIMIT
    assert len(build_queue(store, now=NOW, settings=none_new, practice=True, limit=1)) == 1


def test_due_reviews_before_new_most_overdue_first(store: Store) -> None:
    load_quiz_deck(store, NOW)
    for qid, days_ago in ((TF_ID, 1), (MCQ_ID, 3)):
        card = store.card(qid)
        due = NOW - dt.timedelta(days=days_ago)
        store.save_card(replace(card, state=2, due=due, last_review=due, reps=1))
    queue = build_queue(store, now=NOW, settings=QuizSettings(new_per_day=1))
    assert [i.question_id for i in queue[:2]] == [MCQ_ID, TF_ID]
    assert len(queue) == 3  # the two reviews, then the day's one new question
