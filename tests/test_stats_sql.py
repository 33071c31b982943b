"""``Store.review_stats`` (aggregated in SQL) against the former per-review Python path, kept
here as the reference, on a seeded random history across decks and time zones."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import defaultdict

import pytest

from quizmaster.models import ClozeQuestion, Fact, KeySpan, McqQuestion, Question, SpanType
from quizmaster.records import ReviewStats, iso
from quizmaster.store import Store
from tests.helpers.pinned import NOW

OFFSETS = [-600, -330, 0, 60, 330, 345, 840]  # minutes east of UTC
DECKS = ["Alpha", "Beta", "Gamma"]


def reference_stats(
    store: Store, deck: str | None, utc_offset_minutes: int, weakest_limit: int
) -> ReviewStats:
    """The old path: one row per review (join, json_extract, tags), grouped in Python."""
    sql = (
        "SELECT date(r.reviewed_at, ? || ' minutes'), q.fact_id, q.kind, q.topic, q.tags, "
        "d.name, r.rating, r.correct, coalesce(json_extract(r.card_before, '$.state'), 0) "
        "FROM reviews r JOIN questions q ON q.id = r.question_id "
        "JOIN decks d ON d.id = q.deck_id"
    )
    params: list[object] = [f"{utc_offset_minutes:+d}"]
    if deck is not None:
        sql += " WHERE q.deck_id = ?"
        params.append(store.deck_id(deck))
    days: dict[dt.date, int] = defaultdict(int)
    groups: dict[str, dict[str, list[int]]] = {
        g: defaultdict(lambda: [0, 0]) for g in ("topic", "tag", "kind", "deck", "fact")
    }
    reviews = correct = due = passed = 0
    for day, fact, kind, topic, tags, deck_name, rating, ok, state in store.conn.execute(
        sql, params
    ):
        days[dt.date.fromisoformat(day)] += 1
        reviews += 1
        correct += bool(ok)
        if int(state) == 2:
            due += 1
            passed += rating > 1
        keys = [("topic", topic or "General"), ("kind", kind), ("deck", deck_name)]
        keys += [("fact", fact)] + [("tag", t) for t in json.loads(tags or "[]")]
        for group, name in keys:
            groups[group][name][0] += 1
            groups[group][name][1] += bool(ok)
    missed = sorted((k / n, k - n, f, n, k) for f, (n, k) in groups["fact"].items() if k < n)

    def plain(group: str) -> dict[str, tuple[int, int]]:
        return {name: (n, k) for name, (n, k) in groups[group].items()}

    return ReviewStats(
        day_counts=dict(days),
        reviews=reviews,
        correct=correct,
        retention_reviews=due,
        retention_passed=passed,
        by_topic=plain("topic"),
        by_tag=plain("tag"),
        by_kind=plain("kind"),
        by_deck=plain("deck"),
        weakest=[(f, n, k) for _, _, f, n, k in missed[:weakest_limit]],
    )


def random_deck(rng: random.Random, name: str) -> tuple[list[Fact], list[Question]]:
    facts: list[Fact] = []
    questions: list[Question] = []
    for i in range(12):
        fid = f"{name.lower()}-{i}"
        word = f"Word{i}"
        statement = f"{word} belongs to {name}."
        topic = rng.choice(["Europe", "Asia", "Zoology", "Ärger", "asia"])
        tags = rng.sample(["capitals", "rivers", "b", "Z", "élan"], rng.randint(0, 3))
        facts.append(
            Fact(
                id=fid,
                statement=statement,
                spans=[KeySpan(text=word, type=SpanType.PLACE)],
                topic=topic,
                tags=tags,
            )
        )
        questions.append(
            ClozeQuestion(
                id=f"{fid}:cloze:x",
                fact_id=fid,
                variant="x",
                prompt=statement.replace(word, "_____"),
                answer=word,
                explanation=statement,
                topic=topic,
                tags=tags,
            )
        )
        if i % 2:
            questions.append(
                McqQuestion(
                    id=f"{fid}:mcq:x",
                    fact_id=fid,
                    variant="x",
                    prompt=f"Which word belongs to {name}?",
                    answer=word,
                    choices=[word, "Other1", "Other2", "Other3"],
                    explanation=statement,
                    topic=topic,
                    tags=tags,
                )
            )
    return facts, questions


@pytest.fixture
def random_history(store: Store) -> Store:
    rng = random.Random(20261124)
    question_ids: list[str] = []
    for name in DECKS:
        facts, questions = random_deck(rng, name)
        store.load_deck(name, facts, questions, now=NOW - dt.timedelta(days=400))
        question_ids += [q.id for q in questions]
    sessions = [
        store.start_session("quiz", started_at=NOW - dt.timedelta(days=d)) for d in range(8)
    ]
    rows = []
    for _ in range(3000):
        qid = rng.choice(question_ids)
        moment = NOW - dt.timedelta(seconds=rng.randrange(400 * 86400))
        rating = rng.choice([1, 1, 2, 3, 3, 3, 4])
        state = rng.choice([None, 0, 1, 2, 2, 2, 3])  # None: no state recorded (imports)
        before = None if state is None else json.dumps({"question_id": qid, "state": state})
        session = rng.choice([None, *sessions])
        rows.append((qid, session, iso(moment), rating, int(rating > 1), before))
    with store.transaction():
        store.conn.executemany(
            "INSERT INTO reviews (question_id, session_id, reviewed_at, rating, correct, "
            "card_before) VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
    store.start_session("mock", started_at=NOW)  # no reviews
    return store


@pytest.mark.slow
@pytest.mark.parametrize("deck", [None, *DECKS])
def test_sql_aggregates_match_the_python_reference(random_history: Store, deck: str | None) -> None:
    for offset in OFFSETS:
        for limit in (5, 1000):
            got = random_history.review_stats(deck, offset, limit)
            assert got == reference_stats(random_history, deck, offset, limit), (offset, limit)
    whole = random_history.review_stats(None, 0, 1000)
    assert whole.reviews == 3000
    assert 0 < whole.retention_passed < whole.retention_reviews < whole.reviews
    assert len(whole.weakest) > 5 and whole.by_tag and len(whole.by_deck) == 3


def test_session_counts_match_per_session_subqueries(random_history: Store) -> None:
    """``history``'s per-session counts (one grouped pass) equal the former correlated
    subqueries."""
    reference = random_history.conn.execute(
        "SELECT s.id, (SELECT count(*) FROM reviews r WHERE r.session_id = s.id), "
        "(SELECT coalesce(sum(r.correct), 0) FROM reviews r WHERE r.session_id = s.id) "
        "FROM sessions s ORDER BY s.started_at, s.id"
    ).fetchall()
    got = [(s.id, s.reviews, s.reviews_correct) for s in random_history.session_rows()]
    assert got == [tuple(r) for r in reference]
    assert len(got) == 9 and all(n > 100 for _, n, _ in got[:8]) and got[8][1:] == (0, 0)


def test_weakest_ties_go_to_more_misses_then_fact_id(store: Store) -> None:
    facts, questions = random_deck(random.Random(1), "Alpha")
    store.load_deck("Alpha", facts, questions, now=NOW - dt.timedelta(days=1))
    answers = {"alpha-0": [1, 0], "alpha-1": [1, 1, 0, 0], "alpha-2": [0, 1], "alpha-3": [1]}
    with store.transaction():
        store.conn.executemany(
            "INSERT INTO reviews (question_id, reviewed_at, rating, correct) VALUES (?, ?, ?, ?)",
            [
                (f"{fid}:cloze:x", iso(NOW - dt.timedelta(minutes=i)), 3 if ok else 1, ok)
                for fid, oks in answers.items()
                for i, ok in enumerate(oks)
            ],
        )
    expected = [("alpha-1", 4, 2), ("alpha-0", 2, 1), ("alpha-2", 2, 1)]
    assert store.review_stats(None, 0, 5).weakest == expected
    assert reference_stats(store, None, 0, 5).weakest == expected
