"""The ingest steps that need no terminal: naming a deck after what an article speaks of."""

from __future__ import annotations

from pathlib import Path

from quizmaster.ingest import decks_folder, subject_name
from quizmaster.models import Fact, KeySpan, SpanType


def facts(*statements: str) -> list[Fact]:
    return [
        Fact(
            id=f"f{i}",
            statement=s,
            spans=[KeySpan(text=s.split()[-1].rstrip("."), type=SpanType.TERM)],
        )
        for i, s in enumerate(statements)
    ]


def test_the_name_most_facts_speak_of_names_the_deck() -> None:
    found = facts(
        "The Ramsar Convention lists wetlands of international importance.",
        "India has 89 sites under the Ramsar Convention.",
        "On Monday the Ramsar Convention added two sites in Bihar.",
    )
    # Bihar is named once of three: no subject.
    assert subject_name(found) == "Ramsar Convention"


def test_the_month_of_the_article_follows_the_name() -> None:
    found = facts("Exercise Dharma Guardian began in Belagavi.", "Exercise Dharma Guardian ended.")
    # Two facts: every name counts, the two best that do not overlap.
    assert subject_name(found, "2025-02-24") == "Exercise Dharma Guardian, Belagavi (Feb 2025)"
    assert subject_name(found, "2025") == "Exercise Dharma Guardian, Belagavi"


def test_dates_and_titles_alone_name_nothing() -> None:
    assert subject_name(facts("On Monday in January the minister spoke.")) is None


def test_each_database_has_its_own_decks_folder() -> None:
    assert decks_folder(Path("/data/quizmaster.db")) == Path("/data/decks")
    assert decks_folder(Path("/data/work.db")) == Path("/data/work-decks")
