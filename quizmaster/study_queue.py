"""What a quiz asks and in which order: due reviews first, then new questions, within the
day's limits, one question per fact, topics interleaved."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quizmaster.errors import UsageError
from quizmaster.records import CardState, StoredQuestion
from quizmaster.scheduler import day_start, study_day

if TYPE_CHECKING:
    from quizmaster.settings import QuizSettings
    from quizmaster.store import Store

PRACTICE_LIMIT = 20


@dataclass(eq=False)
class Item:
    """One question in the queue (a question asked again is a new Item for the same one)."""

    stored: StoredQuestion
    card: CardState
    asked: int = 0

    @property
    def question_id(self) -> str:
        return self.stored.question.id


def interleave(items: Sequence[Item]) -> list[Item]:
    """Round-robin over topics, keeping the order within each topic, so one topic does not
    come in a block (interleaving helps telling similar facts apart)."""
    by_topic: dict[str, list[Item]] = {}
    for item in items:
        by_topic.setdefault(item.stored.question.topic, []).append(item)
    lanes = list(by_topic.values())
    out: list[Item] = []
    while any(lanes):
        for lane in lanes:
            if lane:
                out.append(lane.pop(0))
    return out


def _one_per_fact(rows: Sequence[tuple[StoredQuestion, CardState]], taken: set[str]) -> list[Item]:
    out: list[Item] = []
    for stored, card in rows:
        if stored.question.fact_id not in taken:
            taken.add(stored.question.fact_id)
            out.append(Item(stored, card))
    return out


def _first_per_fact(
    rows: Iterable[tuple[StoredQuestion, CardState]], taken: set[str], count: int
) -> list[Item]:
    """``_one_per_fact(rows, taken)[:count]``, reading no more rows than that needs."""
    out: list[Item] = []
    if count <= 0:
        return out
    for stored, card in rows:
        if stored.question.fact_id not in taken:
            taken.add(stored.question.fact_id)
            out.append(Item(stored, card))
            if len(out) == count:
                break
    return out


def study_day_start(now: dt.datetime, utc_offset_minutes: int) -> dt.datetime:
    return day_start(study_day(now, utc_offset_minutes), utc_offset_minutes)


def build_queue(
    store: Store,
    *,
    now: dt.datetime,
    settings: QuizSettings,
    utc_offset_minutes: int = 0,
    deck: str | None = None,
    tag: str | None = None,
    limit: int | None = None,
    practice: bool = False,
) -> list[Item]:
    """The questions of one session: due reviews first (most overdue first), then new ones,
    within what is left of today's limits; one question per fact; topics interleaved.
    Practice takes everything matching, soonest due first, ignoring limits."""
    if deck is not None:
        store.deck_id(deck)  # raises NotFoundError with the known decks
    if tag is not None and not store.tag_exists(tag):
        raise UsageError(f"no question is tagged {tag!r}; see `quizmaster facts list`")
    if limit is not None and limit < 1:
        raise UsageError("--limit must be at least 1")
    taken: set[str] = set()
    if practice:
        rows = store.quiz_candidates(now=now, since=None, which="any", deck=deck, tag=tag)
        return interleave(_one_per_fact(rows, taken))[: limit or PRACTICE_LIMIT]
    since = study_day_start(now, utc_offset_minutes)
    new_done, reviews_done = store.reviews_since(since)
    # Read only as many candidates as today's limits can take (a big collection's
    # 40,000 new questions are not all parsed to pick 20).
    with contextlib.closing(
        store.iter_quiz_candidates(now=now, since=since, which="due", deck=deck, tag=tag)
    ) as due_rows:
        due = _first_per_fact(due_rows, taken, settings.reviews_per_day - reviews_done)
    taken = {item.stored.question.fact_id for item in due}
    with contextlib.closing(
        store.iter_quiz_candidates(
            now=now,
            since=since,
            which="new",
            deck=deck,
            tag=tag,
            new_order=settings.new_order,
        )
    ) as new_rows:
        new = _first_per_fact(new_rows, taken, settings.new_per_day - new_done)
    queue = interleave(due) + interleave(new)
    return queue[:limit] if limit is not None else queue
