"""One question per fact per day: the quiz's candidate query against a plain reference
(the candidates without the rule, minus those with another question of their fact answered
since the start of the day), over seeded random answer histories."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from quizmaster.records import CardState
from quizmaster.store import Store
from tests.helpers.pinned import NOW
from tests.helpers.quiz_deck import load_quiz_deck

SINCE = NOW - dt.timedelta(hours=6)


def _answer(store: Store, qid: str, at: dt.datetime, due: dt.datetime) -> None:
    before = store.card(qid)
    after = CardState(
        question_id=qid,
        state=2,
        stability=3.0,
        difficulty=5.0,
        due=due,
        last_review=at,
        reps=before.reps + 1,
    )
    store.record_review(
        after,
        session_id=None,
        reviewed_at=at,
        rating=3,
        correct=True,
        response="x",
        duration_ms=1000,
    )


def _reference(store: Store, which: str) -> list[str]:
    answered = list(
        store.conn.execute(
            "SELECT DISTINCT q.fact_id, q.id FROM reviews r JOIN questions q "
            "ON q.id = r.question_id WHERE r.reviewed_at >= ?",
            (SINCE.isoformat(),),
        )
    )
    out = []
    for stored, _ in store.quiz_candidates(now=NOW, since=None, which=which):
        q = stored.question
        if not any(fid == q.fact_id and qid != q.id for fid, qid in answered):
            out.append(q.id)
    return out


@pytest.mark.parametrize("seed", range(8))
def test_candidates_skip_facts_answered_today(store: Store, seed: int) -> None:
    load_quiz_deck(store, NOW - dt.timedelta(days=30))
    rng = random.Random(seed)
    qids = [row[0] for row in store.conn.execute("SELECT id FROM questions ORDER BY id")]
    for qid in rng.sample(qids, k=rng.randrange(1, len(qids))):
        # Some answered before the day started (they do not count), some today; some are
        # due again now, some later.
        at = NOW - dt.timedelta(hours=rng.choice((30, 12, 5, 2, 1)))
        due = NOW + dt.timedelta(hours=rng.choice((-3, -1, 4, 48)))
        _answer(store, qid, at, due)
    for which in ("due", "new", "any"):
        got = [s.question.id for s, _ in store.quiz_candidates(now=NOW, since=SINCE, which=which)]
        assert got == _reference(store, which), which
