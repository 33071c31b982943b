"""``Store.card_tally`` (the cards' share of ``stats``, counted in SQL) against a plain
reference over every card, for seeded random schedules, zones and decks."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import pytest

from quizmaster.stats import forecast
from quizmaster.store import Store
from tests.helpers.pinned import NOW
from tests.helpers.quiz_deck import DECK, load_quiz_deck

NAMES = {0: "new", 1: "learning", 2: "review", 3: "learning"}


def reference(store: Store, offset: int) -> tuple[dict[str, int], int, int, dict[str, int]]:
    states = dict.fromkeys(("new", "learning", "review", "suspended"), 0)
    due_now = new = 0
    due_days: dict[dt.date, int] = {}
    for (qid,) in store.conn.execute("SELECT id FROM questions WHERE retired = 0"):
        card = store.card(qid)
        states["suspended" if card.suspended else NAMES.get(card.state, "learning")] += 1
        if card.suspended:
            continue
        new += card.state == 0
        if card.state != 0 and card.due is not None:
            due_now += card.due <= NOW
            day = (card.due.astimezone(dt.timezone.utc) + dt.timedelta(minutes=offset)).date()
            due_days[day] = due_days.get(day, 0) + 1
    today = (NOW + dt.timedelta(minutes=offset)).date()
    return states, due_now, new, forecast(due_days, today)


@pytest.mark.parametrize("seed", range(5))
def test_card_tally_matches_every_card(store: Store, seed: int) -> None:
    load_quiz_deck(store, NOW - dt.timedelta(days=3))
    rng = random.Random(seed)
    for (qid,) in store.conn.execute("SELECT id FROM questions").fetchall():
        card = store.card(qid)
        state = rng.choice((0, 1, 2, 2, 3))
        due = None if state == 0 else NOW + dt.timedelta(hours=rng.uniform(-100, 900))
        store.save_card(
            replace(card, state=state, due=due, suspended=rng.random() < 0.15, reps=state)
        )
    for offset in (0, 330, -480, 765):
        tally = store.card_tally(NOW, None, offset)
        today = (NOW + dt.timedelta(minutes=offset)).date()
        got = (tally.states, tally.due_now, tally.new_available, forecast(tally.due_days, today))
        assert got == reference(store, offset), offset
    assert store.card_tally(NOW, DECK, 0).states == reference(store, 0)[0]


def test_dashboard_counts_match_the_joins(store: Store) -> None:
    """Totals and due/new counts read from indexes alone when questions and cards pair up,
    with the joins otherwise: the same numbers either way (retired questions, a card gone)."""
    load_quiz_deck(store, NOW - dt.timedelta(days=3))

    def joined() -> tuple[dict[str, int], int, int]:
        c = store.conn
        totals = c.execute(
            "SELECT (SELECT count(*) FROM decks), (SELECT count(*) FROM facts WHERE "
            "retired = 0), (SELECT count(*) FROM questions WHERE retired = 0)"
        ).fetchone()
        base = "FROM cards c JOIN questions q ON q.id = c.question_id WHERE q.retired = 0"
        due = c.execute(
            f"SELECT count(*) {base} AND c.suspended = 0 AND c.state != 0 AND c.due <= ?",
            (NOW.isoformat(timespec="microseconds"),),
        ).fetchone()[0]
        new = c.execute(f"SELECT count(*) {base} AND c.suspended = 0 AND c.state = 0")
        keys = ("decks", "facts", "questions")
        return dict(zip(keys, totals, strict=True)), due, new.fetchone()[0]

    def counted() -> tuple[dict[str, int], int, int]:
        return store.totals(), store.count_due(NOW), store.count_new()

    qids = [r[0] for r in store.conn.execute("SELECT id FROM questions ORDER BY id")]
    for qid in qids[:3]:
        card = store.card(qid)
        store.save_card(replace(card, state=2, due=NOW - dt.timedelta(hours=1), reps=1))
    assert counted() == joined()
    store.conn.execute("UPDATE questions SET retired = 1 WHERE id = ?", (qids[0],))
    store.conn.execute("UPDATE facts SET retired = 1 WHERE rowid = 1")
    assert counted() == joined()
    store.conn.execute("UPDATE questions SET retired = 0 WHERE id = ?", (qids[0],))
    store.conn.execute("PRAGMA foreign_keys = OFF")
    store.conn.execute("DELETE FROM cards WHERE question_id = ?", (qids[1],))
    assert counted() == joined()
