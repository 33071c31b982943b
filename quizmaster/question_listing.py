"""What ``questions list`` shows: the questions a page at a time, or the suspended questions
and leeches with their lapses. Reads through the store it is given; draws nothing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from quizmaster.errors import UsageError

if TYPE_CHECKING:
    from quizmaster.records import CardState, StoredQuestion
    from quizmaster.store import Store

QUESTIONS_PAGE = 200  # rows of the `questions list` table per page (Rich draws ~1 ms a row)


@dataclass(frozen=True)
class QuestionPage:
    """One page of the listing: its questions, and where it sits among ``total``."""

    items: list[StoredQuestion]
    total: int
    page: int
    pages: int

    @property
    def first(self) -> int:
        """The 1-based position of the page's first question."""
        return (self.page - 1) * QUESTIONS_PAGE + 1

    @property
    def paged(self) -> bool:
        """Whether the listing is longer than one page."""
        return self.total > QUESTIONS_PAGE


def question_page(store: Store, deck: str | None, kind: str | None, page: int) -> QuestionPage:
    """Page ``page`` (from 1) of the questions of ``deck`` and ``kind``; a page past the last
    is a UsageError naming the pages there are."""
    total = store.count_questions(deck, kind)
    pages = max(1, -(-total // QUESTIONS_PAGE))
    if page > pages:
        raise UsageError(f"--page must be from 1 to {pages} ({total} questions)")
    items = store.questions(deck, kind, limit=QUESTIONS_PAGE, offset=(page - 1) * QUESTIONS_PAGE)
    return QuestionPage(items, total, page, pages)


def suspended_questions(
    store: Store, deck: str | None, kind: str | None
) -> list[tuple[StoredQuestion, CardState]]:
    """The suspended questions and leeches of ``deck`` and ``kind``, with their cards; an
    unknown deck is an error, not an empty list."""
    if deck is not None:
        deck = store.deck_name(store.deck_id(deck))
    return [
        (stored, card)
        for stored, card in store.suspended_questions()
        if (deck is None or stored.deck == deck) and (kind is None or stored.question.kind == kind)
    ]


def suspended_json(rows: list[tuple[StoredQuestion, CardState]]) -> list[dict[str, Any]]:
    """The suspended questions as ``--json`` prints them: each question with its lapses."""
    return [
        {**stored.to_json(), "leech": card.leech, "lapses": card.lapses} for stored, card in rows
    ]
