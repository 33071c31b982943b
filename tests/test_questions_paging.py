"""``questions list`` draws a long listing a page at a time; a listing that fits one page
is drawn exactly as before (the goldens), and --json always lists everything."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from quizmaster import cli
from quizmaster import question_listing as listing_module
from quizmaster.store import Store


@pytest.mark.slow
def test_pages_cover_the_listing_in_order(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    listing = runner.invoke(cli.app, ["questions", "list", "--json"])
    known = [q["id"] for q in json.loads(listing.stdout)]
    assert len(known) > 7
    whole = runner.invoke(cli.app, ["questions", "list"])
    assert f"{len(known)} questions" in whole.stdout and "Questions 1-" not in whole.stdout

    monkeypatch.setattr(listing_module, "QUESTIONS_PAGE", 3)
    pages = -(-len(known) // 3)
    for page in range(1, pages + 1):
        result = runner.invoke(cli.app, ["questions", "list", "--page", str(page)])
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith(f"{len(known)} questions")
        last = min(page * 3, len(known))
        assert f"Questions {page * 3 - 2}-{last} of {len(known)}." in result.stdout
        assert ("Next page" in result.stderr) == (page < pages)
    beyond = runner.invoke(cli.app, ["questions", "list", "--page", "99"])
    assert beyond.exit_code != 0
    assert f"--page must be from 1 to {pages}" in beyond.stderr


def test_store_pages_are_the_listing_in_slices(store: Store) -> None:
    from quizmaster.importers import ensure_builtin_deck
    from tests.helpers.pinned import NOW

    ensure_builtin_deck(store, now=NOW)
    whole = [s.question.id for s in store.questions(None, None)]
    assert store.count_questions(None, None) == len(whole) > 7
    pages = [
        [s.question.id for s in store.questions(None, None, limit=3, offset=first)]
        for first in range(0, len(whole), 3)
    ]
    assert [qid for page in pages for qid in page] == whole
    assert all(len(page) == 3 for page in pages[:-1])
