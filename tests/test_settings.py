"""The quiz settings: values typed for ``config set``, read back from the store, listed."""

from __future__ import annotations

import datetime as dt

import pytest

from quizmaster.errors import UsageError
from quizmaster.setting_names import FSRS_PARAMETERS
from quizmaster.settings import (
    DEFAULTS,
    SETTABLE,
    QuizSettings,
    check_unsettable,
    load_settings,
    parse_setting,
    save_setting,
    settings_listing,
)
from quizmaster.store import Store


@pytest.mark.parametrize(
    ("key", "text", "value"),
    [
        ("new_per_day", "5", 5),
        ("new_per_day", " 0 ", 0),
        ("reviews_per_day", "10000", 10_000),
        ("desired_retention", "0.85", 0.85),
        ("desired_retention", "0.7", 0.7),
        ("exam_date", "2027-05-24", "2027-05-24"),
        ("exam_date", "none", None),
        ("exam_date", "OFF", None),
        ("exam_date", "", None),
        ("new_order", "Mixed", "mixed"),
        ("new_order", "deck", "deck"),
    ],
)
def test_good_values(key: str, text: str, value: object) -> None:
    assert parse_setting(key, text) == value


@pytest.mark.parametrize(
    ("key", "text", "message"),
    [
        (
            "colour",
            "red",
            "unknown setting 'colour'; choose from new_per_day, reviews_per_day, "
            "desired_retention, exam_date, new_order",
        ),
        ("new_per_day", "-1", "new_per_day must be a whole number from 0 to 10000, not '-1'"),
        ("new_per_day", "lots", "new_per_day must be a whole number from 0 to 10000, not 'lots'"),
        (
            "reviews_per_day",
            "10001",
            "reviews_per_day must be a whole number from 0 to 10000, not '10001'",
        ),
        (
            "new_per_day",
            "٣",  # an Arabic-Indic digit: isdigit() but not a number to store
            "new_per_day must be a whole number from 0 to 10000, not '٣'",
        ),
        (
            "desired_retention",
            "0.5",
            "desired_retention must be between 0.70 and 0.99, not '0.5'",
        ),
        (
            "desired_retention",
            "high",
            "desired_retention must be between 0.70 and 0.99, not 'high'",
        ),
        (
            "exam_date",
            "24/05/2027",
            "exam_date must be a date like 2027-05-24 (or 'none'), not '24/05/2027'",
        ),
        ("exam_date", "1000-01-01", "exam_date must be between 1970 and 2199, not '1000-01-01'"),
        (
            "new_order",
            "random",
            "new_order must be one of newest, mixed, deck (newest: the latest ingest or import "
            "first; mixed: decks in turn; deck: deck by deck), not 'random'",
        ),
    ],
)
def test_bad_values_are_told_what_is_wanted(key: str, text: str, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_setting(key, text)
    assert str(caught.value) == message


def test_unset_takes_the_settings_and_fsrs_parameters() -> None:
    for key in (*SETTABLE, FSRS_PARAMETERS):
        check_unsettable(key)
    with pytest.raises(UsageError) as caught:
        check_unsettable("fsrs_fitted_at")
    assert str(caught.value) == (
        "unknown setting 'fsrs_fitted_at'; choose from new_per_day, reviews_per_day, "
        "desired_retention, exam_date, new_order, fsrs_parameters"
    )


def test_defaults_when_nothing_is_stored(store: Store) -> None:
    assert load_settings(store) == QuizSettings()
    assert {key: getattr(QuizSettings(), key) for key in SETTABLE} == DEFAULTS


def test_saved_values_are_loaded_typed(store: Store) -> None:
    save_setting(store, "new_per_day", parse_setting("new_per_day", "7"))
    save_setting(store, "exam_date", parse_setting("exam_date", "2027-05-24"))
    save_setting(store, "desired_retention", parse_setting("desired_retention", "0.8"))
    settings = load_settings(store)
    assert settings.new_per_day == 7 and settings.desired_retention == 0.8
    assert settings.exam_date == dt.date(2027, 5, 24)
    save_setting(store, "exam_date", parse_setting("exam_date", "none"))
    assert load_settings(store).exam_date is None
    assert store.get_setting("exam_date") is None


def test_a_bad_stored_value_is_reported(store: Store) -> None:
    store.set_setting("new_per_day", "many")
    with pytest.raises(UsageError) as caught:
        load_settings(store)
    assert str(caught.value) == (
        "stored setting: new_per_day must be a whole number from 0 to 10000, not 'many'; "
        "fix it with `quizmaster config set`"
    )
    store.delete_setting("new_per_day")
    store.set_setting(FSRS_PARAMETERS, [0.5] * 3)
    with pytest.raises(UsageError, match=r"^stored fsrs_parameters are invalid \("):
        load_settings(store)


def test_listing_marks_the_defaults(store: Store) -> None:
    import fsrs

    store.set_setting("reviews_per_day", 50)
    store.set_setting(FSRS_PARAMETERS, list(fsrs.scheduler.DEFAULT_PARAMETERS))
    rows = {s.key: (s.value, s.is_default) for s in settings_listing(store).settings}
    assert list(rows) == [*SETTABLE, FSRS_PARAMETERS]
    assert rows["reviews_per_day"] == (50, False)
    assert rows["new_per_day"] == (20, True)
    assert rows["exam_date"] == (None, True)
    assert rows[FSRS_PARAMETERS] == (tuple(fsrs.scheduler.DEFAULT_PARAMETERS), False)
