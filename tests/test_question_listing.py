"""The `questions list` pages: where a page starts, when the listing is paged, and a page past
the last. (The listing through the command: tests/test_questions_paging.py.)"""

from __future__ import annotations

import pytest

from quizmaster.errors import NotFoundError, UsageError
from quizmaster.question_listing import (
    QUESTIONS_PAGE,
    QuestionPage,
    question_page,
    suspended_questions,
)
from quizmaster.store import Store


def test_a_page_knows_its_first_row_and_whether_there_are_others() -> None:
    third = QuestionPage(items=[], total=3 * QUESTIONS_PAGE, page=3, pages=3)
    assert third.first == 2 * QUESTIONS_PAGE + 1 and third.paged
    assert not QuestionPage(items=[], total=QUESTIONS_PAGE, page=1, pages=1).paged


def test_an_empty_collection_has_one_empty_page(store: Store) -> None:
    assert question_page(store, None, None, 1) == QuestionPage([], 0, 1, 1)
    with pytest.raises(UsageError, match="--page must be from 1 to 1 \\(0 questions\\)"):
        question_page(store, None, None, 2)


def test_suspended_of_an_unknown_deck_is_an_error(store: Store) -> None:
    assert suspended_questions(store, None, "cloze") == []
    with pytest.raises(NotFoundError, match="no deck named 'Nope'"):
        suspended_questions(store, "Nope", None)
